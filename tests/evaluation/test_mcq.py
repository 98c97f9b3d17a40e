"""Multiple-choice scoring by option log-likelihood, against a direct computation on a tiny model."""

from __future__ import annotations

import pytest

from medtune import Dataset, sample_path
from medtune.errors import DataValidationError
from medtune.evaluation.generation import build_prompt, prompt_ids
from medtune.evaluation.mcq import MCQConfig, load_mcq_jsonl, pubmedqa_items, score_mcq

torch = pytest.importorskip("torch")


def direct_loglikelihood(model, tok, prompt: str, option: str) -> float:
    """log P(option | prompt), one sequence at a time, no padding, no batching."""
    ctx = tok(prompt, add_special_tokens=True)["input_ids"]
    cont = tok(option, add_special_tokens=False)["input_ids"]
    ids = torch.tensor([ctx + cont])
    with torch.no_grad():
        logp = torch.log_softmax(model(input_ids=ids).logits[0].double(), dim=-1)
    return sum(logp[len(ctx) - 1 + j, t].item() for j, t in enumerate(cont))


@pytest.fixture
def mcq_file(write_jsonl):
    return write_jsonl(
        [
            {
                "question": "Which drug treats infection ?",
                "options": {"A": "penicillin", "B": "insulin", "C": "salt water"},
                "answer": "A",
            },
            {"question": "Does aspirin help headache ?", "options": ["yes", "no"], "answer": "no", "id": "q2"},
            {
                "question": "Which drug treats infection ?",
                "options": {"A": "insulin", "B": "penicillin"},
                "answer_idx": "B",
                "answer": "penicillin",
            },
        ],
        "mcq.jsonl",
    )


def test_load_generic_jsonl(mcq_file):
    items = load_mcq_jsonl(mcq_file)
    assert [i.answer for i in items] == ["A", "B", "B"]  # label; text "no" -> B; answer_idx wins
    assert items[1].options == {"A": "yes", "B": "no"} and items[1].id == "q2"
    assert "A. penicillin\nB. insulin\nC. salt water" in items[0].record.input


def test_load_reports_every_bad_item(write_jsonl):
    path = write_jsonl(
        [
            {"question": "q", "options": {"A": "x", "B": "y"}, "answer": "E"},
            {"question": "", "options": ["x", "y"], "answer": "A"},
        ],
        "bad.jsonl",
    )
    with pytest.raises(DataValidationError) as info:
        load_mcq_jsonl(path)
    assert [(i.line, i.field) for i in info.value.issues] == [(1, "answer"), (2, "question")]


def test_scores_match_direct_computation_and_argmax(tiny_lm, mcq_file):
    model, tok = tiny_lm
    items = load_mcq_jsonl(mcq_file)
    result = score_mcq(model, tok, items, MCQConfig(batch_size=4))
    for item, row in zip(items, result.items):
        prompt = build_prompt(item.record, tok, "alpaca")
        for label, text in item.options.items():
            assert row["loglikelihoods"][label] == pytest.approx(
                direct_loglikelihood(model, tok, prompt, text), abs=1e-4
            )
        best = max(row["loglikelihoods"], key=row["loglikelihoods"].get)
        assert row["prediction"] == best
        assert row["correct"] == (best == item.answer)
    assert result.accuracy == pytest.approx(sum(r["correct"] for r in result.items) / 3)
    # "salt water" has two tokens: the normalised prediction divides by the token count
    row0 = result.items[0]
    norm = {k: v / row0["tokens"][k] for k, v in row0["loglikelihoods"].items()}
    assert row0["tokens"]["C"] == 2 and row0["prediction_norm"] == max(norm, key=norm.get)


def test_batch_size_does_not_change_scores(tiny_lm, mcq_file):
    model, tok = tiny_lm
    items = load_mcq_jsonl(mcq_file)
    a = score_mcq(model, tok, items, MCQConfig(batch_size=1))
    b = score_mcq(model, tok, items, MCQConfig(batch_size=7))
    for ra, rb in zip(a.items, b.items):
        for k in ra["loglikelihoods"]:
            assert ra["loglikelihoods"][k] == pytest.approx(rb["loglikelihoods"][k], abs=1e-4)


def test_label_choice_format_scores_letters(tiny_lm, mcq_file):
    model, tok = tiny_lm
    items = load_mcq_jsonl(mcq_file)[:1]
    row = score_mcq(model, tok, items, MCQConfig(choice_format="label")).items[0]
    prompt = build_prompt(items[0].record, tok, "alpaca")
    assert row["tokens"] == {"A": 1, "B": 1, "C": 1}
    assert row["loglikelihoods"]["C"] == pytest.approx(direct_loglikelihood(model, tok, prompt, "C"), abs=1e-4)


def test_pubmedqa_sample_items(tiny_lm):
    model, tok = tiny_lm
    records = list(Dataset.load(sample_path("pubmedqa")))[:4]
    items = pubmedqa_items(records)
    assert [i.answer for i in items] == [r.metadata["final_decision"] for r in records]
    assert items[0].options == {"yes": "Yes", "no": "No", "maybe": "Maybe"}
    result = score_mcq(model, tok, items)
    assert 0.0 <= result.accuracy <= 1.0 and len(result.items) == 4
    assert all(set(r["loglikelihoods"]) == {"yes", "no", "maybe"} for r in result.items)
    ctx = prompt_ids(tok, build_prompt(items[0].record, tok), chat=False)
    assert len(ctx) > 50  # the abstract is in the prompt


def test_pubmedqa_items_reject_unknown_decisions():
    from medtune.data.records import InstructionRecord

    bad = InstructionRecord(instruction="q", output="a", metadata={"final_decision": "perhaps"})
    with pytest.raises(DataValidationError, match="yes, no or maybe"):
        pubmedqa_items([bad])
