"""A Hugging Face BPE tokenizer as GGUF vocabulary: tokens, token types, merges, special ids and the pre-tokenizer.

llama.cpp re-implements each tokenizer family; the GGUF names the family in ``tokenizer.ggml.pre``. medtune reads
the family from the tokenizer's own ``pre_tokenizer`` description (:func:`pre_tokenizer_name`) and refuses one it
does not know, rather than writing a file that tokenizes differently from the model's training.
Merges, special token ids, ``add_bos``/``add_eos`` and the chat template come from the ``gguf`` package's
``SpecialVocab`` reading the saved tokenizer folder.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medtune._extras import require
from medtune.errors import ConfigError

__all__ = ["GGUFVocab", "adds_bos", "gguf_vocab", "pre_tokenizer_name"]

#: GPT-2's pre-tokenizer split, which ``ByteLevel(use_regex=True)`` applies.
_GPT2 = {"type": "ByteLevel", "use_regex": True}
#: Llama 3's split (a Split before a ByteLevel without its own regex).
_LLAMA3_PATTERN = (
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|"
    "\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+"
)

# GGUF token types (llama.cpp's llama_token_type).
_NORMAL, _UNUSED, _CONTROL, _USER_DEFINED = 1, 5, 3, 4


@dataclass(frozen=True)
class GGUFVocab:
    """What the GGUF ``tokenizer.*`` keys hold.

    Attributes:
        model: ``tokenizer.ggml.model`` (``gpt2`` for byte-level BPE).
        pre: ``tokenizer.ggml.pre``, the pre-tokenizer family llama.cpp applies.
        tokens: Every token by id (ids with no token are ``[PAD<id>]``, typed unused).
        types: The GGUF token type of each token.
        special: The ``gguf.SpecialVocab`` of the saved tokenizer (merges, special ids, add_bos, chat template).
    """

    model: str
    pre: str
    tokens: list[str]
    types: list[int]
    special: Any


def _matches(step: dict[str, Any], want: dict[str, Any]) -> bool:
    return all(step.get(k) == v for k, v in want.items())


def pre_tokenizer_name(tokenizer_json: dict[str, Any]) -> str:
    """The llama.cpp pre-tokenizer family of a ``tokenizer.json`` (its ``pre_tokenizer`` section).

    Known: ``gpt-2`` (byte-level BPE with GPT-2's split; SmolLM2 as medtune's embedded model carries it),
    ``smollm`` (single digits, then GPT-2's split: SmolLM and SmolLM2 from the Hub) and ``llama-bpe`` (Llama 3).

    Raises:
        ConfigError: Any other pre-tokenizer: a GGUF with a guessed one would tokenize differently.

    Example:
        >>> pre_tokenizer_name({"pre_tokenizer": {"type": "ByteLevel", "use_regex": True}})
        'gpt-2'
    """
    pre = tokenizer_json.get("pre_tokenizer") or {}
    steps = pre.get("pretokenizers", []) if pre.get("type") == "Sequence" else [pre]
    if len(steps) == 1 and _matches(steps[0], _GPT2):
        return "gpt-2"
    digits = {"type": "Digits", "individual_digits": True}
    if len(steps) == 2 and _matches(steps[0], digits) and _matches(steps[1], _GPT2):
        return "smollm"
    llama3 = {"type": "Split", "pattern": {"Regex": _LLAMA3_PATTERN}}
    if len(steps) == 2 and _matches(steps[0], llama3) and _matches(steps[1], {"type": "ByteLevel", "use_regex": False}):
        return "llama-bpe"
    raise ConfigError(
        f"the tokenizer's pre-tokenizer {json.dumps(pre)[:200]} is not one medtune can name for llama.cpp (known: "
        "byte-level BPE with GPT-2's split, SmolLM's digit split, Llama 3's split). Fix: export with llama.cpp's "
        "convert_hf_to_gguf.py, which recognises more tokenizers, from the merged model folder."
    )


def _token_types(tokenizer: Any, n_vocab: int) -> tuple[list[str], list[int]]:
    by_id = {i: t for t, i in tokenizer.get_vocab().items()}
    added = {i: tok for i, tok in tokenizer.added_tokens_decoder.items()}
    tokens, types = [], []
    for i in range(n_vocab):
        if i not in by_id:
            tokens.append(f"[PAD{i}]")
            types.append(_UNUSED)
        elif i in added:
            tokens.append(by_id[i])
            types.append(_CONTROL if added[i].special else _USER_DEFINED)
        else:
            tokens.append(by_id[i])
            types.append(_NORMAL)
    return tokens, types


def adds_bos(tokenizer: Any) -> bool:
    """Whether the tokenizer puts BOS before a text by itself (llama.cpp must then do the same, and no more)."""
    bos = tokenizer.bos_token_id
    return bos is not None and tokenizer("x", add_special_tokens=True)["input_ids"][:1] == [bos]


def gguf_vocab(tokenizer: Any, n_vocab: int) -> GGUFVocab:
    """The GGUF vocabulary of a fast byte-level BPE tokenizer whose model has ``n_vocab`` embedding rows.

    Raises:
        ConfigError: The tokenizer is not a fast BPE tokenizer, has more tokens than the model has rows, or has an
            unknown pre-tokenizer (:func:`pre_tokenizer_name`).
    """
    gguf = require("gguf", "train", "exporting a model to GGUF")
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise ConfigError(
            f"the tokenizer ({type(tokenizer).__name__}) is not a fast tokenizer. Fix: save the model with its "
            "tokenizer.json (a fast tokenizer), as medtune's training does."
        )
    spec = json.loads(backend.to_str())
    if spec.get("model", {}).get("type") != "BPE":
        raise ConfigError(
            f"the tokenizer's model is {spec.get('model', {}).get('type')!r}; medtune exports byte-level BPE "
            "tokenizers (SmolLM2, Llama 3). Fix: use llama.cpp's convert_hf_to_gguf.py for this model."
        )
    if len(tokenizer) > n_vocab:
        raise ConfigError(
            f"the tokenizer has {len(tokenizer)} tokens but the model only {n_vocab} embedding rows. Fix: resize "
            "the model's embeddings to the tokenizer (model.resize_token_embeddings(len(tokenizer)))."
        )
    pre = pre_tokenizer_name(spec)
    tokens, types = _token_types(tokenizer, n_vocab)
    with tempfile.TemporaryDirectory(prefix="medtune-vocab-") as tmp:
        tokenizer.save_pretrained(tmp)
        special = gguf.SpecialVocab(Path(tmp), load_merges=True, n_vocab=n_vocab)
    # Say it even where the tokenizer's files do not: llama.cpp's default for BPE would add BOS.
    special.add_special_token.setdefault("bos", adds_bos(tokenizer))
    special.add_special_token.setdefault("eos", False)
    return GGUFVocab(model="gpt2", pre=pre, tokens=tokens, types=types, special=special)
