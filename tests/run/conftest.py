"""A tiny offline setup for run tests: 48 records of the shipped sample and a random Llama built on their words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

#: Records taken from the shipped medical sample (small, real text, so the default cleaning has work to do).
N_RECORDS = 48


@pytest.fixture(scope="module")
def run_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from medtune.data.samples import sample_path

    lines = sample_path("medical").read_text(encoding="utf-8").splitlines()[:N_RECORDS]
    path = tmp_path_factory.mktemp("run-data") / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_model_dir(run_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A random 2-layer Llama + word-level ChatML tokenizer over the data's words, saved like a Hub model."""
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("peft")
    from medtune.testing import CHATML_TEMPLATE, tiny_llama, tiny_tokenizer

    texts = []
    for line in run_data.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts += [row["instruction"], row["input"], row["output"]]
    tok = tiny_tokenizer([*texts, "system user assistant"], chat_template=CHATML_TEMPLATE, eos="<|im_end|>")
    model = tiny_llama(len(tok), eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, hidden_size=32)
    out = tmp_path_factory.mktemp("tiny-model") / "tiny-llama"
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


def fast_run_config(data_path: Path, model_dir: Path, output_dir: Path, **sections: Any) -> dict[str, Any]:
    """A run config dict that finishes in seconds on CPU: 2 optimizer steps, 4 evaluated examples, 8 tokens.

    The out-of-distribution and forgetting sets are off (test_sets.py runs them).
    """
    config: dict[str, Any] = {
        "data": {"source": str(data_path)},
        "clean": "default",
        "split": {"validation": 4, "test": 4, "seed": 1},
        "train": {
            "model": {"path": str(model_dir), "backend": "peft"},
            "lora": {"r": 4, "alpha": 8, "dropout": 0.0},
            "format": {"template": "chat", "max_seq_length": 64},
            "optim": {
                "max_steps": 2,
                "batch_size": 2,
                "gradient_accumulation_steps": 1,
                "learning_rate": 1e-3,
                "warmup_ratio": 0.0,
                "optimizer": "adamw_torch",
            },
            "logging": {"logging_steps": 1, "progress_bar": False},
            "checkpointing": {"save_strategy": "no"},
            "output": {"save_merged": False},
        },
        "eval": {
            "limit": 4,
            "generation": {"max_new_tokens": 8, "batch_size": 4},
            "bootstrap_resamples": 20,
            "qualitative_examples": 1,
            "ood": [],
            "forgetting": [],
        },
        "output_dir": str(output_dir),
    }
    for key, value in sections.items():
        config[key] = value
    return config


@pytest.fixture
def run_config_dict() -> Any:
    """``fast_run_config(data, model_dir, output_dir, **sections)``."""
    return fast_run_config
