"""Tiny offline models for training tests: a word-level tokenizer and a random 2-layer Llama, built here.

Tests reach the helpers through the ``tiny`` fixture (the suite uses --import-mode=importlib, so conftest is not
importable by name). Skipped without the train extra.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("peft")

from medtune import Dataset
from medtune.plugins import hookimpl
from medtune.testing import CHATML_TEMPLATE, tiny_llama, tiny_tokenizer
from medtune.training import TrainConfig

TEMPLATE_WORDS = "### Instruction: Input: Response: You are a careful medical assistant. Answer briefly."

#: Eight taught facts: each question has its own answer.
FACTS = [
    ("What treats strep throat?", "Penicillin for ten days."),
    ("What treats a migraine attack?", "A triptan early in the attack."),
    ("What treats iron deficiency?", "Oral iron with vitamin C."),
    ("What treats scabies?", "Permethrin cream on all skin."),
    ("What treats an asthma attack?", "A salbutamol inhaler now."),
    ("What treats hypothyroidism?", "Levothyroxine every morning."),
    ("What treats anaphylaxis?", "Intramuscular adrenaline immediately."),
    ("What treats gout flares?", "Colchicine or an NSAID."),
]
CHATML = CHATML_TEMPLATE
INSTRUCTION = "You are a careful medical assistant. Answer briefly."


def make_tokenizer(
    texts: Iterable[str], *, pad: bool = False, chat_template: str | None = None, eos: str = "</s>", unk: bool = True
) -> Any:
    """A word-level fast tokenizer over the words of ``texts`` and the prompt template (no pad unless ``pad``)."""
    return tiny_tokenizer(
        [*texts, TEMPLATE_WORDS, "system user assistant"], pad=pad, chat_template=chat_template, eos=eos, unk=unk
    )


def make_model(vocab_size: int, seed: int = 0) -> Any:
    return tiny_llama(vocab_size, seed=seed)


def fact_records() -> list[dict[str, str]]:
    return [{"instruction": INSTRUCTION, "input": q, "output": a, "id": f"fact-{i}"} for i, (q, a) in enumerate(FACTS)]


def all_texts() -> list[str]:
    return [t for q, a in FACTS for t in (q, a)]


def fast_config(tmp_path: Path, **overrides: Any) -> TrainConfig:
    """The recipe's config shrunk for a tiny model on CPU: no dropout, high lr, small batches, no progress bar."""
    base = {
        "lora.dropout": 0.0,
        "optim.learning_rate": 5e-3,
        "optim.batch_size": 4,
        "optim.gradient_accumulation_steps": 2,
        "optim.warmup_ratio": 0.0,
        "optim.max_grad_norm": 1.0,
        "optim.epochs": 1,
        "format.max_seq_length": 64,
        "logging.logging_steps": 1,
        "logging.progress_bar": False,
        "checkpointing.save_strategy": "no",
        "output.dir": str(tmp_path / "run"),
        "output.save_merged": False,
    }
    base.update(overrides)
    return TrainConfig().with_overrides(base)


class Crash(RuntimeError):
    """Raised by :class:`CrashAt` to simulate a crash mid-training."""


class CrashAt:
    """A plugin that crashes the run when the given step is logged."""

    def __init__(self, step: int) -> None:
        self.step = step

    @hookimpl
    def medtune_log(self, step: int, logs: Any) -> None:
        if step == self.step:
            raise Crash(f"killed at step {step}")


def step_gradients(model: Any, examples: Iterable[Any], pad_token_id: int, normalize: Any) -> dict[str, Any]:
    """LoRA gradients of the sum over ``examples`` of (summed token loss / ``normalize(labels)``), one at a time."""
    import torch

    from medtune.training.trainer import Collator

    model.zero_grad()
    for ex in examples:
        batch = Collator(pad_token_id)([ex])
        logits = model(input_ids=batch["input_ids"]).logits[0, :-1]
        labels = batch["labels"][0, 1:]
        loss = torch.nn.functional.cross_entropy(logits, labels, ignore_index=-100, reduction="sum")
        (loss / normalize(labels)).backward()
    return {n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad}


@pytest.fixture
def facts() -> Dataset:
    return Dataset.from_records(fact_records())


@pytest.fixture
def tokenizer() -> Any:
    return make_tokenizer(all_texts())


@pytest.fixture
def tiny_model_dir(tmp_path: Path) -> Path:
    """A saved tiny Llama + tokenizer, loadable with from_pretrained (the model.path route)."""
    tok = make_tokenizer(all_texts())
    model = make_model(len(tok))
    out = tmp_path / "tiny-llama"
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


@pytest.fixture
def tiny() -> ModuleType:
    """This module: FACTS, INSTRUCTION, CHATML, make_tokenizer, make_model, fact_records, fast_config…"""
    return sys.modules[__name__]
