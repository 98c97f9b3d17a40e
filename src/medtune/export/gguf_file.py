"""Write a Llama-architecture model (SmolLM2, Llama 3.x) as a GGUF file for llama.cpp, Ollama and LM Studio.

Built on the ``gguf`` package (llama.cpp's own Python writer): its tensor-name map, its quantizers (``q8_0``,
``q4_0``) and ``SpecialVocab``. What medtune adds is the Llama-specific part of a conversion:

- query and key weights are permuted from Hugging Face's rotate-half layout to GGML's interleaved rope layout
  (transformers reverses exactly this when it loads a GGUF);
- 1-D tensors (norms) stay float32; a 2-D tensor whose rows are not a whole number of quantization blocks is
  written in f16 instead, as llama.cpp's converter does;
- ``q4_0`` keeps the token embedding and output head in ``q8_0``: at 4 bits they cost small models the most;
- Llama 3's rope scaling becomes a ``rope_freqs`` tensor.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medtune._extras import require
from medtune.errors import ConfigError
from medtune.export.vocab import gguf_vocab
from medtune.io import atomic_output

__all__ = ["GGUF_TYPES", "GGUFFile", "write_gguf"]

#: The GGUF types medtune writes: the tensor type of the 2-D weights, and the file type recorded in the header.
GGUF_TYPES: dict[str, tuple[str, str]] = {
    "f16": ("F16", "MOSTLY_F16"),
    "q8_0": ("Q8_0", "MOSTLY_Q8_0"),
    "q4_0": ("Q4_0", "MOSTLY_Q4_0"),
}

#: Tensors kept at 8 bits in a 4-bit file.
_KEEP_8BIT = ("token_embd.weight", "output.weight")


@dataclass(frozen=True)
class GGUFFile:
    """A GGUF file medtune wrote.

    Attributes:
        path: The file.
        gguf_type: ``f16``, ``q8_0`` or ``q4_0``.
        size_bytes: Its size.
        tensors: The number of tensors in it.
        seconds: Time to convert and write it.
    """

    path: Path
    gguf_type: str
    size_bytes: int
    tensors: int
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready fields."""
        return {
            "path": str(self.path),
            "type": self.gguf_type,
            "size_bytes": self.size_bytes,
            "size_mb": round(self.size_bytes / 1e6, 1),
            "tensors": self.tensors,
            "seconds": round(self.seconds, 2),
        }


def _check_llama(config: Any) -> None:
    if getattr(config, "model_type", None) != "llama":
        raise ConfigError(
            f"GGUF export supports Llama-architecture models (SmolLM2, Llama 3.x); this model is "
            f"{getattr(config, 'model_type', None)!r}. Fix: convert it with llama.cpp's convert_hf_to_gguf.py from "
            "the merged model folder (`medtune train` saves it as merged/)."
        )


def _head_dim(config: Any) -> int:
    return int(getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads)


def _rope(config: Any) -> dict[str, Any]:
    """Rope settings whether transformers keeps them in ``rope_parameters`` (5.x) or ``rope_theta``/``rope_scaling``."""
    params = dict(getattr(config, "rope_parameters", None) or {})
    scaling = getattr(config, "rope_scaling", None) or {}
    merged = {**scaling, **params}
    merged.setdefault("rope_theta", getattr(config, "rope_theta", 10000.0))
    merged["rope_type"] = merged.get("rope_type") or merged.get("type") or "default"
    return merged


def llama3_rope_factors(rope: dict[str, Any], head_dim: int) -> list[float]:
    """The per-frequency factors of Llama 3's rope scaling (``rope_freqs.weight``), from Meta's published formula."""
    base, factor = float(rope["rope_theta"]), float(rope["factor"])
    low, high = float(rope.get("low_freq_factor", 1.0)), float(rope.get("high_freq_factor", 4.0))
    old_ctx = float(rope.get("original_max_position_embeddings", 8192))
    low_wavelen, high_wavelen = old_ctx / low, old_ctx / high
    factors = []
    for i in range(0, head_dim, 2):
        wavelen = 2 * math.pi * base ** (i / head_dim)
        if wavelen < high_wavelen:
            factors.append(1.0)
        elif wavelen > low_wavelen:
            factors.append(factor)
        else:
            smooth = (old_ctx / wavelen - low) / (high - low)
            factors.append(1.0 / ((1 - smooth) / factor + smooth))
    return factors


def _add_hparams(writer: Any, config: Any, gguf_type: str, name: str) -> None:
    gguf = require("gguf", "train", "exporting a model to GGUF")
    rope = _rope(config)
    writer.add_type(gguf.GGUFType.MODEL)
    writer.add_name(name)
    writer.add_context_length(int(config.max_position_embeddings))
    writer.add_embedding_length(int(config.hidden_size))
    writer.add_block_count(int(config.num_hidden_layers))
    writer.add_feed_forward_length(int(config.intermediate_size))
    writer.add_head_count(int(config.num_attention_heads))
    writer.add_head_count_kv(int(getattr(config, "num_key_value_heads", None) or config.num_attention_heads))
    writer.add_rope_freq_base(float(rope["rope_theta"]))
    writer.add_layer_norm_rms_eps(float(config.rms_norm_eps))
    writer.add_rope_dimension_count(_head_dim(config))
    writer.add_key_length(_head_dim(config))
    writer.add_value_length(_head_dim(config))
    writer.add_vocab_size(int(config.vocab_size))
    writer.add_file_type(int(getattr(gguf.LlamaFileType, GGUF_TYPES[gguf_type][1])))
    writer.add_quantization_version(gguf.GGML_QUANT_VERSION)


def _permute(weight: Any, n_head: int) -> Any:
    """Rotate-half (Hugging Face) to interleaved (GGML) rows of a query or key projection."""
    rows = weight.shape[0]
    return weight.reshape(n_head, 2, rows // n_head // 2, *weight.shape[1:]).swapaxes(1, 2).reshape(weight.shape)


def _tensor_type(name: str, array: Any, gguf_type: str) -> Any:
    gguf = require("gguf", "train", "exporting a model to GGUF")
    qtypes = gguf.GGMLQuantizationType
    if array.ndim < 2:
        return qtypes.F32
    wanted = getattr(qtypes, GGUF_TYPES[gguf_type][0])
    if gguf_type == "q4_0" and name in _KEEP_8BIT:
        wanted = qtypes.Q8_0
    block = gguf.GGML_QUANT_SIZES[wanted][0]
    if array.shape[-1] % block:
        return qtypes.F16
    return wanted


def _encode(array: Any, qtype: Any) -> Any:
    gguf = require("gguf", "train", "exporting a model to GGUF")
    np = require("numpy", "train", "exporting a model to GGUF")
    if qtype == gguf.GGMLQuantizationType.F32:
        return array.astype(np.float32)
    return gguf.quants.quantize(array.astype(np.float32), qtype)


def _tensors(model: Any) -> list[tuple[str, Any]]:
    """GGUF name and float32 numpy array of every tensor the file holds, q/k permuted, in a stable order."""
    gguf = require("gguf", "train", "exporting a model to GGUF")
    config = model.config
    n_head = int(config.num_attention_heads)
    n_kv = int(getattr(config, "num_key_value_heads", None) or n_head)
    names = gguf.get_tensor_name_map(gguf.MODEL_ARCH.LLAMA, int(config.num_hidden_layers))
    tied = bool(getattr(config, "tie_word_embeddings", False))
    out = []
    for hf_name, tensor in model.state_dict().items():
        if tied and hf_name == "lm_head.weight":
            continue
        if hf_name.endswith("rotary_emb.inv_freq"):
            continue
        name = names.get_name(hf_name, try_suffixes=(".weight", ".bias"))
        if name is None:
            raise ConfigError(
                f"cannot map the tensor {hf_name!r} to a GGUF name (is this a plain Llama model?). Fix: export the "
                "merged model, not a model with extra modules, or use llama.cpp's convert_hf_to_gguf.py."
            )
        array = tensor.detach().float().cpu().numpy()
        if hf_name.endswith("q_proj.weight"):
            array = _permute(array, n_head)
        elif hf_name.endswith("k_proj.weight"):
            array = _permute(array, n_kv)
        out.append((name, array))
    rope = _rope(config)
    if rope["rope_type"] == "llama3":
        np = require("numpy", "train", "exporting a model to GGUF")
        out.append(("rope_freqs.weight", np.asarray(llama3_rope_factors(rope, _head_dim(config)), dtype=np.float32)))
    return out


def write_gguf(model: Any, tokenizer: Any, path: str | Path, gguf_type: str = "f16", *, name: str = "") -> GGUFFile:
    """Write ``model`` (a merged Llama-architecture causal LM) and its tokenizer to one GGUF file.

    Args:
        model: A ``transformers`` Llama model with no adapter (merge it first).
        tokenizer: Its fast byte-level BPE tokenizer, with its chat template.
        path: The ``.gguf`` file to write (atomically).
        gguf_type: ``f16``, ``q8_0`` or ``q4_0`` (see :data:`GGUF_TYPES`).
        name: ``general.name`` (default: the file's stem).

    Returns:
        What was written.

    Raises:
        ConfigError: Unknown ``gguf_type``, a non-Llama model, or a tokenizer the GGUF cannot describe.
    """
    if gguf_type not in GGUF_TYPES:
        raise ConfigError(f"unknown GGUF type {gguf_type!r}. Fix: use one of {', '.join(GGUF_TYPES)}.")
    gguf = require("gguf", "train", "exporting a model to GGUF")
    _check_llama(model.config)
    started = time.perf_counter()
    path = Path(path)
    tensors = _tensors(model)
    n_vocab = next(a.shape[0] for n, a in tensors if n == "token_embd.weight")
    vocab = gguf_vocab(tokenizer, n_vocab)
    with atomic_output(path) as tmp:
        writer = gguf.GGUFWriter(tmp, gguf.MODEL_ARCH_NAMES[gguf.MODEL_ARCH.LLAMA])
        _add_hparams(writer, model.config, gguf_type, name or path.stem)
        writer.add_tokenizer_model(vocab.model)
        writer.add_tokenizer_pre(vocab.pre)
        writer.add_token_list(vocab.tokens)
        writer.add_token_types(vocab.types)
        vocab.special.add_to_gguf(writer, quiet=True)
        for tensor_name, array in tensors:
            qtype = _tensor_type(tensor_name, array, gguf_type)
            writer.add_tensor(tensor_name, _encode(array, qtype), raw_dtype=qtype)
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()
    return GGUFFile(path, gguf_type, path.stat().st_size, len(tensors), time.perf_counter() - started)
