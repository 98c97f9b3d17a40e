"""A tiny random Llama with a word-level tokenizer, built in the test (nothing downloaded)."""

from __future__ import annotations

from typing import Any

import pytest

WORDS = (
    "### Instruction: Input: Response: Answer the question. Question: Abstract: yes no maybe Yes No Maybe "
    "Does aspirin help headache fever cough rest fluids see a doctor call 911 now chest pain is it bad ? . , "
    "A B C D Which drug treats infection penicillin insulin salt water the multiple-choice medical with correct "
    "option research biomedical from excerpts Start or then explain briefly I have my hurts"
)


def make_tokenizer(chat_template: str | None = None) -> Any:
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    specials = ["<unk>", "<s>", "</s>", "<pad>"]
    vocab = {tok: i for i, tok in enumerate(specials)}
    for w in WORDS.split():
        vocab.setdefault(w, len(vocab))
    tok = Tokenizer(models.WordLevel(vocab=vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tok.decoder = decoders.WordPiece(prefix="\u0000", cleanup=False)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, unk_token="<unk>", bos_token="<s>", eos_token="</s>", pad_token="<pad>"
    )
    if chat_template:
        fast.chat_template = chat_template
    return fast


def make_model(vocab_size: int, seed: int = 0) -> Any:
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=vocab_size,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=512,
        bos_token_id=1,
        eos_token_id=2,
        pad_token_id=3,
        tie_word_embeddings=False,
        initializer_range=0.5,
    )
    return LlamaForCausalLM(config).eval()


@pytest.fixture
def tiny_lm() -> tuple[Any, Any]:
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    tok = make_tokenizer()
    return make_model(len(tok)), tok
