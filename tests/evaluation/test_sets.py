"""Out-of-distribution and forgetting sets: config values, resolution, the shipped samples, scoring and the verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medtune.errors import ConfigError
from medtune.evaluation import EvalConfig
from medtune.evaluation.sets import FORGETTING, OOD, EvalSet, evaluate_sets, parse_set_list, resolve_set, resolve_sets
from medtune.plugins import PluginManager, reset_plugin_manager

SRC = Path(__file__).resolve().parents[2] / "src" / "medtune"
MEDICAL_SUBJECTS = ("anatomy", "clinical", "medic", "nutrition", "virology", "biology", "psychology", "health", "aging")


def test_set_lists_take_names_paths_commas_and_switch_off():
    assert parse_set_list(["k-qa", Path("my.jsonl")], "eval.ood") == ["k-qa", "my.jsonl"]
    assert parse_set_list(" k-qa , mine.csv ", "eval.ood") == ["k-qa", "mine.csv"]
    for off in (None, False, "none", "OFF", "", []):
        assert parse_set_list(off, "eval.ood") == []
    with pytest.raises(ValueError, match="'k-qa' is listed twice. Fix: list each set once in eval.ood"):
        parse_set_list("k-qa,k-qa", "eval.ood")
    with pytest.raises(ValueError, match="item 1: expected a sample name"):
        parse_set_list(["k-qa", 3], "eval.ood")
    with pytest.raises(ValueError, match="got int 3. Fix: e.g. eval.forgetting:"):
        parse_set_list(3, "eval.forgetting")


def test_eval_config_defaults_come_from_the_preset_and_bad_values_name_the_key():
    assert (EvalConfig().ood, EvalConfig().forgetting) == (["k-qa"], ["pubmedqa", "mmlu-general"])
    generic = EvalConfig(preset="generic")
    assert (generic.ood, generic.forgetting) == ([], ["mmlu-general"])  # no OOD generation set unless named
    assert EvalConfig(ood="none", forgetting="mine.jsonl").model_dump(include={"ood", "forgetting"}) == {
        "ood": [],
        "forgetting": ["mine.jsonl"],
    }
    with pytest.raises(ConfigError, match="unknown key 'forgeting'; did you mean 'forgetting'"):
        EvalConfig.from_dict({"forgeting": []})
    with pytest.raises(ConfigError, match=r"ood: item 0: expected a sample name .* \(got \[\{\}\]\)"):
        EvalConfig.from_dict({"ood": [{}]})


def test_sets_resolve_to_samples_or_files_and_unknown_ones_are_actionable(tmp_path):
    kqa, mcq = resolve_set("k-qa", OOD), resolve_set("mmlu-general", FORGETTING)
    assert (kqa.task, kqa.sample, kqa.path.name) == ("generation", True, "kqa_sample.jsonl")
    assert (mcq.task, mcq.format, mcq.describe()) == ("mcq", "mcq", "mmlu-general (forgetting, sample)")
    mine = tmp_path / "my_questions.jsonl"
    mine.write_text("{}\n")
    found = resolve_set(str(mine), OOD)
    assert (found.name, found.sample, found.path) == ("my_questions", False, mine)
    with pytest.raises(ConfigError) as info:
        resolve_set("k_qa", OOD)
    message = str(info.value)
    assert message.startswith("eval.ood: 'k_qa' is neither a shipped sample nor an existing file.")
    assert "Shipped samples: " in message and "k-qa" in message and "Fix: " in message and "eval.ood: none" in message
    with pytest.raises(ConfigError, match=r"--forgetting: 'nope'.*\(--forgetting none\)"):
        resolve_sets([], ["nope"], keys={"forgetting": "--forgetting"})


def test_the_main_data_is_not_scored_twice_and_names_must_be_distinct(tmp_path):
    from medtune.data.samples import sample_path

    sets = resolve_sets(["k-qa"], ["pubmedqa", "mmlu-general"], main=("pubmedqa", sample_path("pubmedqa")))
    assert [s.name for s in sets] == ["k-qa", "mmlu-general"]  # pubmedqa is the main data already
    other = tmp_path / "test.jsonl"
    other.write_text("{}\n")
    with pytest.raises(ConfigError, match="named 'test' in reports, like the main evaluation data. Fix: rename"):
        resolve_sets([str(other)], [], main=("test", None))
    copy = tmp_path / "k-qa.jsonl"
    copy.write_text("{}\n")
    with pytest.raises(ConfigError, match=r"eval.forgetting: the set '.*k-qa.jsonl' is named 'k-qa'.*'k-qa' \(out of"):
        resolve_sets(["k-qa"], [str(copy)])


def test_the_shipped_kqa_sample_is_every_physician_answered_question():
    kqa = resolve_set("k-qa", OOD)
    records = kqa.load()
    assert len(records) == 201 and len(kqa.load(limit=5)) == 5
    assert len({r.id for r in records}) == 201 and records[0].id == "k-qa-000"
    for r in records:
        assert r.instruction.strip() == r.instruction != "" and r.input == "" and r.output.strip() == r.output != ""
        assert (
            r.source == "k-qa" and r.metadata["must_have"] and all(isinstance(s, str) for s in r.metadata["must_have"])
        )
        assert r.metadata["sources"] is None or "http" in r.metadata["sources"]
    assert sum(len(r.metadata["must_have"]) + len(r.metadata["nice_to_have"]) for r in records) == 1589
    licence = (SRC / "medical" / "samples" / "LICENSES" / "K-QA-MIT.txt").read_text()
    assert "kqa_sample.jsonl" in licence and "MIT License" in licence and "Copyright (c) 2023 Itay Manes" in licence
    attribution = (SRC / "medical" / "samples" / "ATTRIBUTION.md").read_text()
    assert "arXiv:2401.14493" in attribution and "## K-QA" in attribution


def test_the_general_sample_is_non_medical_spread_over_16_subjects_and_in_the_core():
    items = resolve_set("mmlu-general", FORGETTING).load()
    subjects = [item.metadata["subject"] for item in items]
    assert len(items) == 160 and len(set(subjects)) == 16 and len(set(subjects[:16])) == 16
    assert not [s for s in set(subjects) if any(word in s for word in MEDICAL_SUBJECTS)]
    assert all(len(item.options) == 4 and item.answer in item.options for item in items)
    # the neutral instruction, not the medical preset's "multiple-choice medical question"
    assert {item.record.instruction for item in items} == {
        "Answer the multiple-choice question with the correct option."
    }
    licence = (SRC / "evaluation" / "samples" / "LICENSES" / "MMLU-MIT.txt").read_text()
    assert "mmlu_general.jsonl" in licence and "Copyright (c) 2020 Dan Hendrycks" in licence
    assert "arXiv:2009.03300" in (SRC / "evaluation" / "samples" / "ATTRIBUTION.md").read_text()
    # registered by the core: the generic preset's forgetting check works without the medical plugin
    old = reset_plugin_manager(PluginManager(entry_points=False, disabled=["medical"]))
    try:
        (general,) = resolve_sets([], EvalConfig(preset="generic").forgetting)
        assert general.name == "mmlu-general" and general.sample
    finally:
        reset_plugin_manager(old)


@pytest.fixture
def two_models(tmp_path, tiny_lm, medtune_plugin_manager):
    """A tiny base model and a "tuned" one whose weights were shaken: different greedy answers and choices."""
    import torch

    model, tok = tiny_lm
    model.save_pretrained(tmp_path / "base")
    tok.save_pretrained(tmp_path / "base")
    torch.manual_seed(1)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 2.0)
    model.save_pretrained(tmp_path / "tuned")
    tok.save_pretrained(tmp_path / "tuned")
    return tmp_path / "base", tmp_path / "tuned"


QUESTIONS = ["Does aspirin help headache ?", "I have fever", "cough", "Is it bad ?", "my chest hurts", "rest or not ?"]


def test_sets_are_scored_paired_judged_and_reported(two_models, tmp_path):
    """References are the base model's own answers (and choices): a model that answers otherwise hurts on both."""
    from medtune.evaluation import Evaluator
    from medtune.evaluation.report import report_tables, summary_markdown

    pytest.importorskip("rouge_score")
    base, tuned = two_models
    generation = {"max_new_tokens": 4, "batch_size": 12}
    ev = Evaluator(EvalConfig(metrics=["rouge"], checkers=[], generation=generation, bootstrap_resamples=200))
    prompts = [{"id": f"q{i}", "instruction": q, "input": "", "output": "x"} for i, q in enumerate(QUESTIONS * 2)]
    ood = tmp_path / "patients.jsonl"
    ood.write_text("".join(json.dumps(p) + "\n" for p in prompts))
    own = {e.id: e.prediction for e in ev.generate_and_score(str(base), EvalSet("x", OOD, "", ood).load()).examples}
    ood.write_text("".join(json.dumps({**p, "output": own[p["id"]]}) + "\n" for p in prompts))
    options = {"A": "rest fluids", "B": "call 911 now", "C": "see a doctor", "D": "penicillin"}
    rows = [{"id": f"m{i}", "question": q, "options": options, "answer_idx": "A"} for i, q in enumerate(QUESTIONS * 2)]
    quiz = tmp_path / "quiz.jsonl"
    quiz.write_text("".join(json.dumps(r) + "\n" for r in rows))
    picked = {e.id: e.prediction for e in ev.score_mcq(str(base), EvalSet("q", FORGETTING, "", quiz).load()).examples}
    quiz.write_text("".join(json.dumps({**r, "answer_idx": picked[r["id"]]}) + "\n" for r in rows))

    sets = resolve_sets([str(ood)], [str(quiz)])
    results = evaluate_sets(ev, sets, str(tuned), base=str(base), out_dir=tmp_path / "report", limit=10)
    assert [(r.set.name, len(r.tuned.examples), r.base is not None) for r in results] == [
        ("patients", 10, True),
        ("quiz", 10, True),
    ]
    answers = ev.generate_and_score(str(base), sets[0].load(10)).examples  # the main data: no change
    main_base, main_tuned = ev.score(answers, name="base"), ev.score(answers, name="tuned")
    files = ev.report(tmp_path / "report", main_tuned, base=main_base, set_name="test", sets=results)
    data = json.loads(files["json"].read_text())
    kinds = {name: (s["role"], s["task"], s["examples"], s["limit"]) for name, s in data["sets"].items()}
    assert kinds == {"patients": ("ood", "generation", 10, 10), "quiz": ("forgetting", "mcq", 10, 10)}
    assert data["sets"]["patients"]["comparison"]["rougeL"]["base"]["value"] == pytest.approx(1.0)
    assert data["sets"]["quiz"]["comparison"]["accuracy"]["base"]["value"] == pytest.approx(1.0)
    verdict = data["verdict"]
    assert verdict["summary"]["ood"] == {"status": "hurt", "sets": ["patients"]}
    assert verdict["summary"]["forgetting"] == {"status": "hurt", "sets": ["quiz"]}
    assert {"patients/rougeL", "quiz/accuracy"} <= set(verdict["hurt"])
    assert verdict["line"].startswith("Verdict: hurt. Out of distribution (patients): hurt; safety: not measured;")
    assert "; forgetting (quiz): hurt. test: quality no clear change" in verdict["line"]
    md = files["markdown"].read_text()
    assert md.startswith("🔴 **Verdict: hurt. Out of distribution (patients): hurt;")
    assert "## patients (out of distribution, 10 examples): comparison" in md
    assert "## quiz (forgetting, 10 questions): comparison" in md
    assert "| patients | out of distribution | generation |" in md and "| 10 (first 10) | hurt |" in md
    titles = [title for title, _, _ in report_tables(data)]
    assert titles[3:] == [
        "Out-of-distribution and forgetting sets",
        "patients (out of distribution, 10 examples): comparison",
        "quiz (forgetting, 10 questions): comparison",
    ]
    card = summary_markdown(data)  # the model card's summary: the main table, each set's, then the verdict
    assert (
        card.startswith("| metric | base | tuned | delta") and "**quiz (forgetting, 10 questions): comparison**" in card
    )
    assert card.rstrip().endswith("quiz: quality hurt (accuracy -" + card.rstrip().split("accuracy -")[-1])
    for name in ("patients", "quiz"):
        assert len((tmp_path / "report" / "sets" / name / "tuned.examples.jsonl").read_text().splitlines()) == 10
    assert (tmp_path / "report" / "generations" / "patients" / "base.jsonl").is_file()
    assert (tmp_path / "report" / "loglikelihoods" / "quiz" / "tuned.jsonl").is_file()


def test_without_a_base_the_sets_are_reported_but_not_judged(two_models, tmp_path):
    from medtune.evaluation import Evaluator
    from medtune.evaluation.report import report_tables

    _, tuned = two_models
    rows = [{"id": f"m{i}", "question": q, "options": ["yes", "no"], "answer": "yes"} for i, q in enumerate(QUESTIONS)]
    quiz = tmp_path / "quiz.jsonl"
    quiz.write_text("".join(json.dumps(r) + "\n" for r in rows))
    ev = Evaluator(EvalConfig(metrics=["length"], checkers=[], bootstrap_resamples=0))
    (result,) = evaluate_sets(ev, resolve_sets([], [str(quiz)]), str(tuned), out_dir=tmp_path)
    assert result.base is None and result.to_dict(ev)["comparison"] is None
    main = ev.score([], name="tuned")
    data = json.loads(ev.report(tmp_path / "r", main, sets=[result])["json"].read_text())
    assert data["verdict"] is None and data["sets"]["quiz"]["systems"]["tuned"]["metrics"]["accuracy"]["n"] == 6
    assert "quiz (forgetting, 6 questions): tuned" in [t for t, _, _ in report_tables(data)]
