"""A tiny Llama with a byte-level BPE tokenizer, saved as a model folder (what `medtune train` leaves as merged/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from medtune import Dataset, sample_path

pytest.importorskip("torch")
pytest.importorskip("gguf")


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised tiny Llama + BPE tokenizer (ChatML template) saved with ``save_pretrained``."""
    from medtune.testing import tiny_bpe_tokenizer, tiny_llama

    texts = [r.instruction + " " + r.input + " " + r.output for r in Dataset.load(sample_path("medical"))]
    tok = tiny_bpe_tokenizer(texts, vocab_size=400)
    model = tiny_llama(len(tok), bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id, hidden_size=64)
    out = tmp_path_factory.mktemp("tiny") / "merged"
    model.save_pretrained(out)
    tok.save_pretrained(out)
    return out


@pytest.fixture(scope="session")
def prompts() -> list:
    return list(Dataset.load(sample_path("medical")))[:12]
