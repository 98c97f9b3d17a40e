"""Test helpers for plugin authors (and medtune's own tests).

medtune registers this module as a pytest plugin (entry point ``pytest11``), so with medtune installed the
fixtures below are available in any test suite without imports::

    def test_my_format(medtune_plugin_manager, tmp_path):
        medtune_plugin_manager.register(my_plugin_module, name="myplugin")
        path = tmp_path / "data.myf"
        path.write_text("...")
        ds = check_data_format(MyFormat(), path, expected_records=2)
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from medtune.data.dataset import Dataset
from medtune.data.formats import DataFormat
from medtune.data.records import InstructionRecord
from medtune.plugins.manager import PluginManager, get_plugin_manager, reset_plugin_manager

__all__ = [
    "CHATML_TEMPLATE",
    "HEAVY_MODULES",
    "check_data_format",
    "heavy_modules_imported",
    "make_records",
    "medtune_plugin_manager",
    "tiny_bpe_tokenizer",
    "tiny_llama",
    "tiny_tokenizer",
]

#: Modules whose import ``import medtune`` must never trigger.
HEAVY_MODULES = (
    "torch",
    "transformers",
    "peft",
    "trl",
    "unsloth",
    "spacy",
    "presidio_analyzer",
    "scispacy",
    "fastapi",
    "uvicorn",
    "matplotlib",
    "rouge_score",
    "sacrebleu",
)


@pytest.fixture
def medtune_plugin_manager() -> Iterator[PluginManager]:
    """An isolated plugin manager (built-ins only, no installed entry points), made the process default.

    Register the plugin under test with ``medtune_plugin_manager.register(plugin, name="…")``; everything that
    looks components up (``Dataset.load``, pipelines, the CLI in-process) then sees it. The previous manager is
    restored afterwards.
    """
    manager = PluginManager(entry_points=False)
    previous = reset_plugin_manager(manager)
    try:
        yield manager
    finally:
        reset_plugin_manager(previous)


def make_records(n: int, *, category: str | None = None, source: str = "test") -> list[InstructionRecord]:
    """``n`` distinct, valid instruction records for tests.

    Example:
        >>> [r.id for r in make_records(2)]
        ['test-0', 'test-1']
    """
    return [
        InstructionRecord(
            id=f"{source}-{i}",
            instruction="Answer the patient's question.",
            input=f"Question number {i}: what helps with a mild cough?",
            output=f"Answer {i}: rest, fluids, and see a clinician if it lasts over three weeks.",
            source=source,
            category=category,
        )
        for i in range(n)
    ]


def check_data_format(
    fmt: DataFormat, path: str | Path, *, expected_records: int | None = None, roundtrip: bool = True
) -> Dataset:
    """Check a :class:`DataFormat` the way medtune uses it, and return the dataset it loads.

    Checks: the format has a name; ``Dataset.load(path, format=fmt.name)`` validates every record; the record
    count matches ``expected_records``; and, when the format can write, writing and re-reading gives the same
    records. The format must be registered (see the ``medtune_plugin_manager`` fixture).
    """
    assert fmt.name, f"{type(fmt).__name__} has no name"
    assert fmt.name in get_plugin_manager().registry("format"), f"format '{fmt.name}' is not registered"
    ds = Dataset.load(path, format=fmt.name)
    if expected_records is not None:
        assert len(ds) == expected_records, f"expected {expected_records} records, loaded {len(ds)}"
    if roundtrip and fmt.can_write:
        out = Path(path).with_name(f"roundtrip-{Path(path).name}")
        ds.save(out, format=fmt.name)
        again = Dataset.load(out, format=fmt.name)
        assert list(again) == list(ds), f"format '{fmt.name}' does not round-trip its records"
    return ds


def heavy_modules_imported(statement: str = "import medtune", modules: Sequence[str] = HEAVY_MODULES) -> list[str]:
    """Run ``statement`` in a fresh interpreter and return which of ``modules`` it imported."""
    code = f"{statement}\nimport json, sys\nprint(json.dumps([m for m in {list(modules)!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    result: Any = json.loads(out.strip().splitlines()[-1])
    return list(result)


#: A ChatML chat template (the format of SmolLM2-Instruct), for tiny test tokenizers.
CHATML_TEMPLATE = (
    "{% for m in messages %}{{ '<|im_start|>' + m['role'] + '\\n' + m['content'] + '<|im_end|>' + '\\n' }}{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def tiny_tokenizer(
    texts: Iterable[str],
    *,
    chat_template: str | None = None,
    eos: str = "</s>",
    pad: bool = True,
    unk: bool = True,
    chat_tokens: bool = True,
) -> Any:
    """A word-level ``PreTrainedTokenizerFast`` over the whitespace-separated words of ``texts`` (needs ``train``).

    Special tokens come first: ``<unk>``, ``<s>``, ``</s>``, then ``<|im_start|>``/``<|im_end|>`` (with
    ``chat_tokens``) and ``<pad>`` (with ``pad``); then the words, sorted. Nothing is downloaded.

    Args:
        texts: Texts whose words make the vocabulary.
        chat_template: A Jinja chat template to set, e.g. :data:`CHATML_TEMPLATE`.
        eos: The EOS token (``"<|im_end|>"`` for ChatML models).
        pad: Add a ``<pad>`` token (otherwise the tokenizer has none, to test pad handling).
        unk: Declare ``<unk>`` as the unknown token.
        chat_tokens: Add the ChatML markers.
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    specials = ["<unk>", "<s>", "</s>"] + (["<|im_start|>", "<|im_end|>"] if chat_tokens else [])
    specials += ["<pad>"] if pad else []
    vocab = {tok: i for i, tok in enumerate(specials)}
    for word in sorted({w for t in texts for w in t.split()}):
        vocab.setdefault(word, len(vocab))
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.decoder = decoders.WordPiece(prefix="\u0000", cleanup=False)
    kwargs: dict[str, Any] = {"unk_token": "<unk>" if unk else None, "bos_token": "<s>", "eos_token": eos}
    if pad:
        kwargs["pad_token"] = "<pad>"
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, **kwargs)
    markers = [t for t in ("<|im_start|>", "<|im_end|>") if chat_tokens and t != eos]
    if markers:
        fast.add_special_tokens({"additional_special_tokens": markers})
    if chat_template:
        fast.chat_template = chat_template
    return fast


def tiny_bpe_tokenizer(texts: Iterable[str], *, vocab_size: int = 400, chat_template: str | None = None) -> Any:
    """A byte-level BPE ``PreTrainedTokenizerFast`` trained on ``texts``, like SmolLM2's (needs ``train``).

    Special tokens: ``<|endoftext|>`` (0, BOS), ``<|im_start|>`` (1), ``<|im_end|>`` (2, EOS) and ``<pad>`` (3);
    the pre-tokenizer is GPT-2's byte-level split, so the tokenizer can be exported to GGUF. Nothing is downloaded.

    Args:
        texts: Training texts for the merges.
        vocab_size: Target vocabulary size (at least the 256 bytes plus the specials).
        chat_template: A Jinja chat template to set (default :data:`CHATML_TEMPLATE`).
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    specials = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<pad>"]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(list(texts), trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token="<|endoftext|>", eos_token="<|im_end|>", pad_token="<pad>"
    )
    fast.add_special_tokens({"additional_special_tokens": ["<|im_start|>"]})
    fast.chat_template = chat_template or CHATML_TEMPLATE
    return fast


def tiny_llama(
    vocab_size: int,
    *,
    bos_token_id: int | None = 1,
    eos_token_id: int | None = 2,
    pad_token_id: int | None = None,
    hidden_size: int = 64,
    num_layers: int = 2,
    seed: int = 0,
    initializer_range: float = 0.2,
    max_position_embeddings: int = 256,
) -> Any:
    """A randomly initialised, tiny ``LlamaForCausalLM`` (needs the ``train`` extra).

    The default ids match :func:`tiny_tokenizer` (``<s>`` = 1, ``</s>`` = 2); pass ``tok.eos_token_id`` etc. for
    another EOS.

    Args:
        vocab_size: ``len(tokenizer)``.
        bos_token_id: Begin-of-sequence id.
        eos_token_id: End-of-sequence id.
        pad_token_id: Pad id, or ``None`` (to test pad handling).
        hidden_size: Width (the MLP is twice as wide; 4 attention heads, 2 key/value heads).
        num_layers: Decoder layers.
        seed: ``torch.manual_seed`` before initialisation, for reproducible weights.
        initializer_range: Std of the initial weights (larger makes outputs less uniform).
        max_position_embeddings: Longest sequence.
    """
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=vocab_size,
        hidden_size=hidden_size,
        intermediate_size=2 * hidden_size,
        num_hidden_layers=num_layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=max_position_embeddings,
        bos_token_id=bos_token_id,
        eos_token_id=eos_token_id,
        pad_token_id=pad_token_id,
        tie_word_embeddings=False,
        initializer_range=initializer_range,
    )
    return LlamaForCausalLM(config)
