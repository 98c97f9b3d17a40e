"""Multiple-choice scoring by option log-likelihood, against a direct computation on a tiny model."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from medtune import Dataset, sample_path
from medtune.errors import ConfigError, DataFormatError, DataValidationError
from medtune.evaluation.generation import build_prompt, prompt_ids
from medtune.evaluation.mcq import MCQConfig, load_mcq_jsonl, pubmedqa_items, score_mcq, sniff_mcq_file

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


@pytest.mark.parametrize("shared", [True, False])
def test_scores_match_direct_computation_and_argmax(tiny_lm, mcq_file, shared):
    model, tok = tiny_lm
    items = load_mcq_jsonl(mcq_file)
    result = score_mcq(model, tok, items, MCQConfig(batch_size=4, shared_prompt=shared))
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
    a = score_mcq(model, tok, items, MCQConfig(batch_size=1, shared_prompt=False))
    b = score_mcq(model, tok, items, MCQConfig(batch_size=7, shared_prompt=False))
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


# --- MedMCQA and MedQA raw layouts ---------------------------------------------------------------------------

DATA = Path(__file__).parent / "data"
MEDMCQA = DATA / "medmcqa_synthetic.jsonl"  # synthetic questions in MedMCQA's layout, cop 1-4
MEDQA = DATA / "medqa_synthetic.jsonl"  # synthetic questions in MedQA's layout


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_load_medmcqa_layout_detected_from_keys():
    items = load_mcq_jsonl(MEDMCQA)
    rows = rows_of(MEDMCQA)
    assert len(items) == len(rows) == 8
    assert [i.answer for i in items] == ["ABCD"[r["cop"] - 1] for r in rows]  # the original JSON counts from 1
    first = items[0]
    assert first.options == {"A": "penicillin", "B": "insulin", "C": "salt water", "D": "aspirin"}
    assert first.id == "synthetic-medmcqa-1" and first.record.output == "penicillin"
    assert "A. penicillin\nB. insulin\nC. salt water\nD. aspirin" in first.record.input
    assert first.metadata["exp"].startswith("SYNTHETIC") and first.metadata["subject_name"] == "Pharmacology"
    assert "cop" not in first.metadata and "opa" not in first.metadata
    assert sniff_mcq_file(MEDMCQA) == "medmcqa" and sniff_mcq_file(MEDQA) == "mcq"
    assert sniff_mcq_file(sample_path("pubmedqa")) is None


def test_medmcqa_cop_convention(write_jsonl):
    rows = rows_of(MEDMCQA)
    expected = [i.answer for i in load_mcq_jsonl(MEDMCQA)]
    zero_based = write_jsonl([{**r, "cop": r["cop"] - 1} for r in rows], "hf.jsonl")  # the Hugging Face release
    assert [i.answer for i in load_mcq_jsonl(zero_based)] == expected
    assert [i.answer for i in load_mcq_jsonl(zero_based, "medmcqa", cop_base=0)] == expected
    letters = write_jsonl([{**r, "cop": "abcd"[r["cop"] - 1]} for r in rows], "letters.jsonl")
    assert [i.answer for i in load_mcq_jsonl(letters)] == expected
    floats = write_jsonl([{**r, "cop": float(r["cop"])} for r in rows], "floats.jsonl")  # a pandas export
    assert [i.answer for i in load_mcq_jsonl(floats)] == expected
    # values 1-3 only: both conventions are possible, the loader asks
    ambiguous = write_jsonl([r for r in rows if r["cop"] in (1, 2, 3)], "ambiguous.jsonl")
    with pytest.raises(DataFormatError, match=r"cannot tell whether cop counts.*--cop-base"):
        load_mcq_jsonl(ambiguous)
    assert [i.answer for i in load_mcq_jsonl(ambiguous, cop_base=1)][:2] == ["A", "C"]
    assert [i.answer for i in load_mcq_jsonl(ambiguous, cop_base=0)][:2] == ["B", "D"]
    mixed = write_jsonl([{**rows[0], "cop": 0}, {**rows[1], "cop": 4}], "mixed.jsonl")
    with pytest.raises(DataFormatError, match="line 1 and 4 at line 2"):
        load_mcq_jsonl(mixed)
    with pytest.raises(ConfigError, match="cop_base 2"):
        load_mcq_jsonl(MEDMCQA, cop_base=2)


def test_medmcqa_malformed_rows_are_all_reported(write_jsonl):
    rows = rows_of(MEDMCQA)
    bad = [
        rows[4],  # cop 4: the file counts from 1
        {**rows[0], "cop": 5},
        {k: v for k, v in rows[1].items() if k != "opc"},
        {**rows[2], "cop": -1},
        {**rows[3], "opd": "  "},
        {**rows[5], "question": None},
    ]
    path = write_jsonl(bad, "bad.jsonl")
    with pytest.raises(DataValidationError) as info:
        load_mcq_jsonl(path)
    issues = info.value.issues
    assert [(i.line, i.field) for i in issues] == [(2, "cop"), (3, "opc"), (4, "cop"), (5, "opd"), (6, "question")]
    assert issues[0].value == "5" and "1-4" in issues[0].message and "Fix:" in issues[0].message
    assert "missing" in issues[1].message and "test split is unlabelled" in issues[2].message
    text = str(info.value)
    assert f"{path}:2: field 'cop': out of range" in text and "(got 5)" in text


def test_explicit_format_names(write_jsonl):
    assert len(load_mcq_jsonl(MEDMCQA, "medmcqa")) == 8
    with pytest.raises(DataValidationError, match="format 'medmcqa'"):
        load_mcq_jsonl(MEDMCQA, "mcq")  # the rows have no "options": the message names the right format
    with pytest.raises(ConfigError, match="auto, mcq, medqa, medmcqa"):
        load_mcq_jsonl(MEDMCQA, "medmcq")
    unknown = write_jsonl([{"question": "q", "choices": ["x", "y"]}], "unknown.jsonl")
    with pytest.raises(DataFormatError, match=r"unknown.jsonl:1: cannot tell the multiple-choice layout.*opa"):
        load_mcq_jsonl(unknown)
    array = write_jsonl([[{"question": "q"}]], "array.jsonl")
    with pytest.raises(DataFormatError, match=r"array.jsonl:1: expected a JSON object, got list.*jq"):
        load_mcq_jsonl(array)


def test_load_medqa_raw_layout(write_jsonl):
    items = load_mcq_jsonl(MEDQA, "medqa")
    assert [i.answer for i in items] == [r["answer_idx"] for r in rows_of(MEDQA)]
    assert len(items[1].options) == 5 and items[1].record.output == "Insulin"
    assert items[0].metadata == {"meta_info": "synthetic"}  # MetaMap phrases are dropped
    row = rows_of(MEDQA)[0]
    bad = write_jsonl([{**row, "answer": "aspirin"}, {**row, "answer_idx": "F"}], "disagree.jsonl")
    with pytest.raises(DataValidationError) as info:
        load_mcq_jsonl(bad)
    assert [(i.line, i.field) for i in info.value.issues] == [(1, "answer"), (2, "answer_idx")]
    assert "disagrees with answer_idx 'B'" in info.value.issues[0].message


# --- the score cache -----------------------------------------------------------------------------------------


def count_forwards(model) -> list[int]:
    calls: list[int] = []
    forward = model.forward

    def counted(*args, **kwargs):
        calls.append(kwargs["input_ids"].shape[0])
        return forward(*args, **kwargs)

    model.forward = counted
    return calls


def test_a_shared_prompt_runs_each_question_once_for_the_same_scores(tiny_lm, mcq_file):
    """On a CPU (the default there) each prompt runs once; only options of several tokens run again, on its cache."""
    model, tok = tiny_lm
    items = load_mcq_jsonl(mcq_file)
    batched = score_mcq(model, tok, items, MCQConfig(shared_prompt=False))
    calls = count_forwards(model)
    shared = score_mcq(model, tok, items, MCQConfig())  # None: shared, the model is not on CUDA
    assert calls == [1] * (3 + 1)  # one pass per question, and one more for the two-token option "salt water"
    for a, b in zip(batched.items, shared.items):
        assert a["tokens"] == b["tokens"] and a["prediction"] == b["prediction"]
        for label, value in a["loglikelihoods"].items():
            assert b["loglikelihoods"][label] == pytest.approx(value, abs=1e-4)


def test_cache_reuses_scores_and_misses_on_changes(tiny_lm, mcq_file, tmp_path):
    model, tok = tiny_lm
    items = load_mcq_jsonl(mcq_file)
    cache = tmp_path / "ll" / "tuned.jsonl"
    calls = count_forwards(model)
    batched = MCQConfig(batch_size=4, shared_prompt=False)
    first = score_mcq(model, tok, items, batched, cache=cache, model_id="m#1")
    assert (first.scored, first.reused) == (3, 0) and sum(calls) == 7  # 3 + 2 + 2 options
    assert len(cache.read_text().splitlines()) == 3
    # same model, data and settings (another batch size): every score from the cache, no forward pass
    calls.clear()
    again = score_mcq(model, tok, items, MCQConfig(batch_size=1), cache=cache, model_id="m#1")
    assert calls == [] and (again.scored, again.reused) == (0, 3)
    assert again.items == first.items and again.accuracy == first.accuracy
    assert again.total_seconds == pytest.approx(first.total_seconds, abs=1e-5)
    # another model (id or fingerprint): everything is scored again
    other = score_mcq(model, tok, items, MCQConfig(), cache=cache, model_id="m#2")
    assert (other.scored, other.reused) == (3, 0)
    # a changed option set or prompt misses for that item only
    changed = [
        items[0],
        replace(items[1], options={**items[1].options, "C": "maybe"}),
        replace(items[2], record=items[2].record.model_copy(update={"instruction": "Answer the question."})),
    ]
    calls.clear()
    partial = score_mcq(model, tok, changed, MCQConfig(shared_prompt=False), cache=cache, model_id="m#1")
    assert (partial.scored, partial.reused) == (2, 1) and sum(calls) == 3 + 2
    assert set(partial.items[1]["loglikelihoods"]) == {"A", "B", "C"}
    # other settings: scoring letters instead of texts is another computation
    label = score_mcq(model, tok, items, MCQConfig(choice_format="label"), cache=cache, model_id="m#1")
    assert (label.scored, label.reused) == (3, 0)
    # an interrupted write leaves a broken last line: skipped, the rest is reused
    with cache.open("a") as fh:
        fh.write('{"key": "trunc')
    assert score_mcq(model, tok, items, MCQConfig(), cache=cache, model_id="m#1").reused == 3
