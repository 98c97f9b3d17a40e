"""The one loader of a causal LM, its tokenizer and an optional LoRA adapter, for evaluation and serving.

Training loads its base model through its backend (quantization and LoRA wrapping are training's business), with
the same name resolution (:func:`medtune.models.embedded.model_source`) and dtype rule
(:func:`medtune.models.dtype.resolve_dtype`). torch, transformers and peft are imported when a model is loaded.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from medtune._extras import require
from medtune.errors import ConfigError
from medtune.models.dtype import resolve_device, resolve_dtype

__all__ = ["load_model", "resolve_model_and_adapter"]

logger = logging.getLogger("medtune.models")

_TOKENIZER_FILES = ("tokenizer_config.json", "tokenizer.json", "tokenizer.model")


def _source(name: str) -> str:
    """A local model directory for ``name`` (a path, a cached Hub id or the embedded default), or a Hub id."""
    from medtune.models.embedded import model_source

    return model_source(name)


def resolve_model_and_adapter(model: str | Path, adapter: str | Path | None = None) -> tuple[str, str | None]:
    """The base model directory and the adapter directory (or ``None``) to load.

    An adapter directory given as ``model`` (it holds ``adapter_config.json``) is loaded on top of the base model
    named in that file.

    Raises:
        ConfigError: A path does not exist, or an adapter lacks its config or does not name its base.
    """
    model = str(model)
    adapter = None if adapter is None else str(adapter)
    if adapter is None and (Path(model) / "adapter_config.json").is_file():
        adapter, model = model, ""
    if adapter is not None:
        cfg_path = Path(adapter) / "adapter_config.json"
        if not cfg_path.is_file():
            raise ConfigError(
                f"adapter '{adapter}' has no adapter_config.json. Fix: pass the folder a LoRA training run saved "
                "(it holds adapter_config.json and adapter_model.safetensors)."
            )
        if not model:
            base = json.loads(cfg_path.read_text(encoding="utf-8")).get("base_model_name_or_path")
            if not base:
                raise ConfigError(
                    f"{cfg_path} does not name its base model. Fix: pass the base model as well as the adapter "
                    f"(e.g. `medtune serve BASE_MODEL --adapter {adapter}`)."
                )
            model = base
    return _source(model), adapter


def _tokenizer_dir(base: str, adapter: str | None) -> str:
    """The adapter's folder when it holds a tokenizer (a medtune run saves one with its template), else the base."""
    if adapter is not None and any((Path(adapter) / name).is_file() for name in _TOKENIZER_FILES):
        return adapter
    return base


def load_model(
    model: str | Path | tuple[Any, Any],
    adapter: str | Path | None = None,
    *,
    device: str | None = "auto",
    dtype: str = "auto",
    merge_adapter: bool = False,
) -> tuple[Any, Any]:
    """Load a causal LM and its tokenizer, in eval mode.

    Args:
        model: A model directory, a name that :func:`medtune.models.embedded.model_source` resolves offline
            (``embedded`` is SmolLM2-135M-Instruct), an adapter directory (its ``adapter_config.json`` names the
            base), or an in-memory ``(model, tokenizer)`` pair.
        adapter: A LoRA adapter directory applied on top of ``model``.
        device: ``auto`` (or ``None``: CUDA when available), ``cpu``, ``cuda``, ``cuda:N`` or ``mps``.
        dtype: ``auto`` (see :func:`medtune.models.dtype.auto_dtype_name`), ``float32``, ``bfloat16`` or
            ``float16``.
        merge_adapter: Merge the adapter into the weights (faster generation; no peft needed afterwards).

    Returns:
        ``(model, tokenizer)``. The tokenizer comes from the adapter directory when it has one, else from the model;
        the embeddings grow when the tokenizer has more tokens than the model (a pad token added at training).

    Raises:
        ConfigError: A path or adapter is unusable, or the dtype is unknown.
    """
    torch = require("torch", "train", "loading a model")  # noqa: F841 - a clear error before transformers
    if isinstance(model, tuple):
        lm, tok = model
        if adapter is not None:
            lm = _apply_adapter(lm, str(adapter), merge_adapter)
        lm.eval()
        return lm, tok
    transformers = require("transformers", "train", "loading a model")
    base, adapter_dir = resolve_model_and_adapter(model, adapter)
    dev = resolve_device(device)
    torch_dtype = resolve_dtype(dtype, dev)
    logger.info(
        "loading model %s%s on %s (%s)", base, f" + adapter {adapter_dir}" if adapter_dir else "", dev, torch_dtype
    )
    tok = transformers.AutoTokenizer.from_pretrained(_tokenizer_dir(base, adapter_dir))
    lm = transformers.AutoModelForCausalLM.from_pretrained(base, dtype=torch_dtype)
    if len(tok) > lm.get_input_embeddings().weight.shape[0]:
        lm.resize_token_embeddings(len(tok))
    if adapter_dir is not None:
        lm = _apply_adapter(lm, adapter_dir, merge_adapter)
    lm.to(dev)
    lm.eval()
    return lm, tok


def _apply_adapter(lm: Any, adapter: str, merge: bool) -> Any:
    peft = require("peft", "train", "loading a LoRA adapter")
    lm = peft.PeftModel.from_pretrained(lm, adapter)
    return lm.merge_and_unload() if merge else lm
