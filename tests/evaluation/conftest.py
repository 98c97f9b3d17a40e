"""A tiny random Llama with a word-level tokenizer, built in the test (nothing downloaded)."""

from __future__ import annotations

from typing import Any

import pytest

from medtune.testing import tiny_llama, tiny_tokenizer

WORDS = (
    "### Instruction: Input: Response: Answer the question. Question: Abstract: yes no maybe Yes No Maybe "
    "Does aspirin help headache fever cough rest fluids see a doctor call 911 now chest pain is it bad ? . , "
    "A B C D Which drug treats infection penicillin insulin salt water the multiple-choice medical with correct "
    "option research biomedical from excerpts Start or then explain briefly I have my hurts"
)


def make_tokenizer(chat_template: str | None = None) -> Any:
    return tiny_tokenizer([WORDS], chat_template=chat_template, chat_tokens=False)


def make_model(tok: Any, seed: int = 0) -> Any:
    return tiny_llama(
        len(tok),
        pad_token_id=tok.pad_token_id,
        hidden_size=32,
        seed=seed,
        initializer_range=0.5,
        max_position_embeddings=512,
    ).eval()


@pytest.fixture
def tiny_lm() -> tuple[Any, Any]:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    tok = make_tokenizer()
    return make_model(tok), tok
