"""Preference pairs as token ids: the prompt and answers tokenized as supervised fine-tuning tokenizes them."""

import pytest

from medtune import Dataset
from medtune.errors import MedtuneError
from medtune.training import TrainConfig, alpaca_prompt
from medtune.training.formatting import encode_record
from medtune.training.pairs import encode_pair, tokenize_pairs

SYSTEM = "You are a careful medical assistant. Answer briefly."
PAIRS = [
    ("I have crushing chest pain and sweating.", "Call emergency services now.", "Rest and drink water."),
    ("My face is drooping and my speech is slurred.", "Call an ambulance right away.", "Sleep it off."),
]


def pairs(rows=PAIRS, system=SYSTEM):
    return Dataset.from_records(
        [{"system": system, "prompt": p, "chosen": c, "rejected": r, "id": f"p{i}"} for i, (p, c, r) in enumerate(rows)]
    )


def tokenizer(tiny, **kw):
    return tiny.make_tokenizer([t for row in PAIRS for t in row] + [SYSTEM], **kw)


def fmt(**overrides):
    return TrainConfig().with_overrides({"format." + k: v for k, v in overrides.items()}).format


def test_alpaca_pairs_are_tokenized_like_supervised_examples(tiny):
    tok = tokenizer(tiny)
    ds = pairs()
    prompt, chosen, rejected = encode_pair(ds[0], tok, fmt())
    sft = encode_record(ds[0].to_instruction("chosen"), tok, fmt())
    trained = [i for i, label in enumerate(sft.labels) if label != -100]
    assert prompt == sft.input_ids[: trained[0]] and chosen == sft.input_ids[trained[0] :]
    assert tok.decode(prompt).split() == alpaca_prompt(SYSTEM, PAIRS[0][0]).split()
    assert chosen == tok(PAIRS[0][1], add_special_tokens=False)["input_ids"] + [tok.eos_token_id]
    assert rejected == tok(PAIRS[0][2], add_special_tokens=False)["input_ids"] + [tok.eos_token_id]

    hf, report = tokenize_pairs(ds, tok, fmt())
    assert hf.column_names == ["prompt_ids", "chosen_ids", "rejected_ids"] and len(hf) == 2
    assert hf[0]["prompt_ids"] == prompt and hf[0]["chosen_ids"] == chosen and hf[0]["rejected_ids"] == rejected
    assert (report.examples, report.kept, report.truncated, report.rejected) == (2, 2, 0, [])
    assert report.trained_tokens == sum(len(hf[i]["chosen_ids"]) + len(hf[i]["rejected_ids"]) for i in range(2))
    assert report.train_on == "chosen vs rejected answers" and report.template == "alpaca"


def test_chat_pairs_use_the_chat_template(tiny):
    tok = tokenizer(tiny, chat_template=tiny.CHATML, eos="<|im_end|>")
    chat = fmt(template="chat")
    pair = pairs()[0]
    prompt, chosen, rejected = encode_pair(pair, tok, chat)
    for answer, ids in (("chosen", chosen), ("rejected", rejected)):
        sft = encode_record(pair.to_conversation(answer), tok, chat)
        start = next(i for i, label in enumerate(sft.labels) if label != -100)
        assert (prompt, ids) == (sft.input_ids[:start], sft.input_ids[start:])
    rendered = tok.apply_chat_template(
        [{"role": "system", "content": SYSTEM}, {"role": "user", "content": PAIRS[0][0]}],
        tokenize=False,
        add_generation_prompt=True,
    )
    assert prompt == tok(rendered, add_special_tokens=False)["input_ids"]
    assert tok.eos_token_id in chosen[-3:]


def test_long_pairs_are_cut_and_counted_or_rejected(tiny):
    tok = tokenizer(tiny)
    prompt, chosen, rejected = encode_pair(pairs()[0], tok, fmt())
    limit = len(prompt) + 3  # room for 3 answer tokens: both answers are cut, and still differ
    hf, report = tokenize_pairs(pairs(), tok, fmt(max_seq_length=limit))
    assert report.kept == 2 and report.truncated == 2 and report.max_length == limit
    assert hf[0]["chosen_ids"] == chosen[:3] and hf[0]["rejected_ids"] == rejected[:3]

    with pytest.raises(MedtuneError, match=r"all 2 preference pairs were rejected.*over format.max_seq_length"):
        tokenize_pairs(pairs(), tok, fmt(max_seq_length=limit, truncation="reject"))


def test_pairs_that_would_train_on_nothing_are_rejected_with_the_reason(tiny):
    tok = tokenizer(tiny)
    same_start = [("I have crushing chest pain and sweating.", "Call emergency services now.", "Call emergency water.")]
    ds = pairs(PAIRS[:1] + same_start)  # the same prompt: the second pair's answers differ from their third word
    prompt, _, _ = encode_pair(ds[1], tok, fmt())
    _, report = tokenize_pairs(ds, tok, fmt(max_seq_length=len(prompt) + 2))
    assert report.kept == 1 and report.rejected == [
        {"row": 1, "id": "p1", "reason": f"the two answers are the same in the first 2 tokens that fit "
         f"format.max_seq_length={len(prompt) + 2}"}
    ]  # fmt: skip
    long_prompt = [("chest " * 40, "Call emergency services now.", "Rest and drink water.")]
    _, report = tokenize_pairs(pairs(PAIRS + long_prompt), tok, fmt(max_seq_length=32))
    assert report.kept == 2 and "the prompt alone is" in report.rejected[0]["reason"]
    assert "fills format.max_seq_length=32" in report.rejected[0]["reason"]


def test_only_preference_records_are_pairs(tiny):
    with pytest.raises(MedtuneError, match="needs preference records, got instruction records"):
        tokenize_pairs(Dataset.from_records([{"input": "q", "output": "a"}]), tokenizer(tiny), fmt())
