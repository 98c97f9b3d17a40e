"""``medtune eval`` end to end on a tiny saved model (in-process; the built-in plugins register the scorers)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from medtune.cli.main import main
from medtune.evaluation.report import fmt

pytest.importorskip("torch")
pytest.importorskip("rouge_score")


@pytest.fixture
def model_dirs(tmp_path, tiny_lm, medtune_plugin_manager):
    model, tok = tiny_lm
    import torch

    model.save_pretrained(tmp_path / "base")
    tok.save_pretrained(tmp_path / "base")
    with torch.no_grad():
        model.lm_head.weight.mul_(1.5)  # a different "tuned" model
    model.save_pretrained(tmp_path / "tuned")
    tok.save_pretrained(tmp_path / "tuned")
    return tmp_path / "base", tmp_path / "tuned"


def test_generation_eval_with_base_writes_report_and_caches(model_dirs, write_jsonl, tmp_path, capsys):
    base, tuned = model_dirs
    data = write_jsonl(
        [
            {"id": f"r{i}", "instruction": "Answer the question.", "input": q, "output": a}
            for i, (q, a) in enumerate(
                [("I have chest pain", "call 911 now"), ("I have fever", "rest fluids"), ("cough", "see a doctor")]
            )
        ],
        "eval.jsonl",
    )
    out = tmp_path / "report"
    argv = ["eval", "--model", str(tuned), "--base", str(base), "--data", str(data), "-o", str(out)]
    argv += ["--max-new-tokens", "4", "--bootstrap", "50", "--json", "--ood", "none", "--forgetting", "none"]
    assert main(argv) == 0
    payload = json.loads(capsys.readouterr().out)
    report = json.loads((out / "report.json").read_text())
    assert payload["report"]["comparison"] == report["comparison"]
    assert {"rouge1", "bleu", "term_recall", "no_definitive_diagnosis", "empathy"} <= set(report["comparison"])
    assert report["systems"]["tuned"]["throughput"]["generated"] == 3
    assert (out / "report.html").is_file() and (out / "report.md").is_file()
    assert len((out / "generations" / "tuned.jsonl").read_text().splitlines()) == 3
    # a rerun reuses every cached generation
    assert main(argv) == 0
    again = json.loads(capsys.readouterr().out)["report"]
    assert again["systems"]["tuned"]["throughput"]["reused_from_cache"] == 3
    assert again["comparison"] == report["comparison"]
    # new weights at the same path invalidate the cache
    import time

    time.sleep(0.01)
    (tuned / "model.safetensors").touch()
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out)["report"]["systems"]["tuned"]["throughput"]["generated"] == 3
    # metrics recomputed from the saved examples, no model
    argv = ["eval", "--generations", str(out / "tuned.examples.jsonl")]
    argv += ["-o", str(tmp_path / "r2"), "--bootstrap", "0", "--json", "--checkers", ""]
    assert main(argv) == 0
    rescored = json.loads(capsys.readouterr().out)["report"]["systems"]["tuned"]["metrics"]
    assert rescored["rougeL"]["value"] == pytest.approx(report["systems"]["tuned"]["metrics"]["rougeL"]["value"])


def test_mcq_eval_on_pubmedqa_sample(model_dirs, tmp_path, capsys):
    _, tuned = model_dirs
    out = tmp_path / "mcq"
    argv = ["eval", "--model", str(tuned), "--data", "pubmedqa", "--task", "mcq", "--limit", "5", "-o", str(out)]
    assert main([*argv, "--bootstrap", "20", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["report"]
    acc = report["systems"]["tuned"]["metrics"]["accuracy"]
    assert acc["n"] == 5 and acc["value"] in {i / 5 for i in range(6)}
    rows = [json.loads(line) for line in (out / "tuned.examples.jsonl").read_text().splitlines()]
    assert sum(r["scores"]["mcq"]["values"]["accuracy"] for r in rows) / 5 == acc["value"]


def test_errors_are_actionable(model_dirs, tmp_path, capsys, write_jsonl):
    assert main(["eval", "--data", "x.jsonl", "-o", str(tmp_path / "o")]) == 2
    assert "--model" in capsys.readouterr().err
    assert main(["eval", "--model", "m", "-o", str(tmp_path / "o")]) == 2
    assert "--data is required" in capsys.readouterr().err
    _, tuned = model_dirs
    data = write_jsonl([{"instruction": "q", "output": "a"}], "one.jsonl")
    argv = ["eval", "--model", str(tuned), "--data", str(data), "-o", str(tmp_path / "o"), "--metrics", "rogue"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "unknown metric 'rogue'" in err and "rouge" in err
    assert not (tmp_path / "o" / "generations").exists()  # failed before generating


MEDMCQA = Path(__file__).parent / "data" / "medmcqa_synthetic.jsonl"  # synthetic questions, MedMCQA's layout


def test_mcq_eval_on_medmcqa_layout_reuses_cached_scores(model_dirs, tmp_path, capsys):
    base, tuned = model_dirs
    out = tmp_path / "medmcqa"
    argv = ["eval", "--model", str(tuned), "--base", str(base), "--data", str(MEDMCQA), "--task", "mcq"]
    argv += ["-o", str(out), "--bootstrap", "20", "--json", "--ood", "none", "--forgetting", "none"]
    assert main(argv) == 0
    report = json.loads(capsys.readouterr().out)["report"]
    assert report["systems"]["tuned"]["metrics"]["accuracy"]["n"] == 8
    assert report["systems"]["tuned"]["throughput"]["scored"] == 8
    assert len((out / "loglikelihoods" / "tuned.jsonl").read_text().splitlines()) == 8
    assert len((out / "loglikelihoods" / "base.jsonl").read_text().splitlines()) == 8
    rows = [json.loads(line) for line in (out / "tuned.examples.jsonl").read_text().splitlines()]
    assert rows[0]["reference"] == "A" and rows[0]["id"] == "synthetic-medmcqa-1"
    # a rerun on the same models and data reads every score from the cache
    assert main(argv) == 0
    again = json.loads(capsys.readouterr().out)["report"]
    for name in ("base", "tuned"):
        assert again["systems"][name]["throughput"]["reused_from_cache"] == 8
        assert again["systems"][name]["throughput"]["scored"] == 0
    assert again["comparison"] == report["comparison"]
    # new weights at the same path: the tuned model is scored again, the base is still cached
    import time

    time.sleep(0.01)
    (tuned / "model.safetensors").touch()
    assert main(argv) == 0
    third = json.loads(capsys.readouterr().out)["report"]["systems"]
    assert (third["tuned"]["throughput"]["scored"], third["base"]["throughput"]["scored"]) == (8, 0)
    # explicit format and cop convention; --cop-base only makes sense for MedMCQA
    argv = ["eval", "--model", str(tuned), "--data", str(MEDMCQA), "--task", "mcq", "--format", "medmcqa"]
    argv += ["--cop-base", "0", "-o", str(tmp_path / "zero"), "--bootstrap", "0", "--json"]
    assert main(argv) == 1  # invalid data: cop 4 does not exist when counting from 0
    assert "field 'cop': out of range" in capsys.readouterr().err
    argv = ["eval", "--model", str(tuned), "--data", "pubmedqa", "--task", "mcq", "--cop-base", "1", "-o", "x"]
    assert main(argv) == 2
    assert "only MedMCQA data has a cop field" in capsys.readouterr().err


def _training_run(tmp_path, tuned):
    """A training run's layout around the tuned model: run/merged/, run.json, the card in run/ and run/merged/."""
    from medtune.cards.model_card import render_model_card

    run = tmp_path / "run"
    shutil.copytree(tuned, run / "merged")
    facts = {"name": "tiny + medtune LoRA", "base_model": "tiny", "backend": "peft", "metrics": {"steps": 2.0}}
    card = render_model_card(facts)
    (run / "run.json").write_text(json.dumps(facts))
    (run / "README.md").write_text(card)
    (run / "merged" / "README.md").write_text(card)
    return run, card


def test_eval_updates_the_medtune_model_card(model_dirs, tmp_path, capsys):
    base, tuned = model_dirs
    run, card = _training_run(tmp_path, tuned)
    out = run / "eval"
    argv = ["eval", "--model", str(run / "merged"), "--base", str(base), "--data", str(MEDMCQA), "--task", "mcq"]
    argv += ["-o", str(out), "--bootstrap", "20", "--limit", "4", "--max-new-tokens", "4"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert "updated with the evaluation summary" in captured.err
    text = (run / "merged" / "README.md").read_text()
    run_copy = (run / "README.md").read_text()  # the run directory's copy follows, with links from its own folder
    unlinked = re.compile(r"\[([^\[\]]*)\]\([^()\s]*\)")
    assert unlinked.sub("", run_copy) == unlinked.sub("", text) and run_copy != text
    assert "Full report: [eval/report.html](eval/report.html)." in run_copy
    head, section = text.split("## Evaluation\n")
    assert card.startswith(head.rstrip("\n")) and "## Intended use and limitations" in section
    assert f"Multiple choice on `{MEDMCQA}` (4 questions, the first 4)" in section
    assert f"against `{base}`" in section and "Full report: [../eval/report.html](../eval/report.html)." in section
    report = json.loads((out / "report.json").read_text())
    delta = report["comparison"]["accuracy"]["delta"]["value"]
    assert f"| accuracy | {fmt(report['comparison']['accuracy']['base']['value'])} |" in section
    assert fmt(delta) in section
    # with --base, the preset's out-of-distribution and forgetting sets, cut to --limit, are in the card too
    assert {n: (s["role"], s["examples"]) for n, s in report["sets"].items()} == {
        "k-qa": ("ood", 4),
        "pubmedqa": ("forgetting", 4),
        "mmlu-general": ("forgetting", 4),
    }
    assert "sets from other sources (out of distribution: `k-qa`, 4 examples; forgetting: `pubmedqa`, 4" in section
    assert "**k-qa (out of distribution, 4 examples): comparison**" in section
    assert f"**{report['verdict']['line']}**" in section and "Out of distribution (k-qa): " in section
    # a second evaluation (generation task, no base) replaces the section
    data = tmp_path / "gen.jsonl"
    data.write_text(json.dumps({"instruction": "Answer the question.", "input": "cough", "output": "rest"}) + "\n")
    argv = ["eval", "--model", str(run / "merged"), "--data", str(data), "-o", str(tmp_path / "gen-report")]
    argv += ["--max-new-tokens", "3", "--bootstrap", "0", "--checkers", "", "--metrics", "length", "--json"]
    assert main(argv) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["model_card"]["updated"] is True
    text = (run / "merged" / "README.md").read_text()
    assert text.count("## Evaluation") == 1 and "Multiple choice" not in text
    assert f"On `{data}` (1 example); 3 new tokens at most, greedy decoding." in text
    link = "../../gen-report/report.html"  # outside the run directory: still a link from the card's own folder
    assert f"Full report: [{link}]({link})." in text and (run / "merged" / link).is_file()
    # --no-card-update leaves it as it is
    before = text
    assert main([*argv, "--no-card-update"]) == 0
    assert json.loads(capsys.readouterr().out)["model_card"] is None
    assert (run / "merged" / "README.md").read_text() == before


def test_eval_leaves_a_foreign_model_card_alone(model_dirs, tmp_path, capsys):
    _, tuned = model_dirs
    (tuned / "README.md").write_text("---\nlicense: apache-2.0\n---\n# Someone's model\n")
    argv = ["eval", "--model", str(tuned), "--data", str(MEDMCQA), "--task", "mcq", "--limit", "2"]
    assert main([*argv, "-o", str(tmp_path / "r"), "--bootstrap", "0"]) == 0
    assert "was not written by medtune" in capsys.readouterr().err.replace("\n", " ")
    assert (tuned / "README.md").read_text() == "---\nlicense: apache-2.0\n---\n# Someone's model\n"


@pytest.fixture
def lora_run(tmp_path, tiny_lm, medtune_plugin_manager):
    """A training run with a real LoRA adapter and its merged model: base/, run/adapter/, run/merged/, run.json."""
    peft = pytest.importorskip("peft")
    from medtune.cards.model_card import render_model_card

    model, tok = tiny_lm
    base = tmp_path / "base"
    model.save_pretrained(base)
    tok.save_pretrained(base)
    run = tmp_path / "run"
    config = peft.LoraConfig(r=4, target_modules=["q_proj", "v_proj"], init_lora_weights=False)
    lora = peft.get_peft_model(model, config)
    lora.save_pretrained(run / "adapter")
    tok.save_pretrained(run / "adapter")
    cfg = json.loads((run / "adapter" / "adapter_config.json").read_text())
    (run / "adapter" / "adapter_config.json").write_text(json.dumps({**cfg, "base_model_name_or_path": str(base)}))
    lora.merge_and_unload().save_pretrained(run / "merged")
    tok.save_pretrained(run / "merged")
    facts = {"name": "tiny", "base_model": str(base), "backend": "peft", "outputs": {"adapter/": "a", "merged/": "m"}}
    (run / "run.json").write_text(json.dumps(facts))
    for where in (run, run / "adapter", run / "merged"):
        (where / "README.md").write_text(render_model_card(facts))
    return base, run


def _gen_data(tmp_path):
    rows = [
        {"id": f"r{i}", "instruction": "Answer the question.", "input": q, "output": "rest fluids"}
        for i, q in enumerate(["I have fever", "cough", "my knee hurts"])
    ]
    path = tmp_path / "gen.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_eval_of_an_adapter_uses_the_merged_model_its_run_saved(lora_run, tmp_path, capsys):
    base, run = lora_run
    argv = ["eval", "--model", str(run / "adapter"), "--data", str(_gen_data(tmp_path)), "-o", str(tmp_path / "r")]
    argv += ["--max-new-tokens", "3", "--bootstrap", "0", "--checkers", ""]
    assert main([*argv, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)["report"]
    tuned = report["systems"]["tuned"]
    assert tuned["model"] == str(run / "merged")  # what was loaded (and the generation cache key)
    assert tuned["loaded"]["kind"] == "merged" and tuned["loaded"]["evaluated"] == f"merged model at {run / 'merged'}"
    assert tuned["loaded"]["adapter_vs_merged"] is None
    md = (tmp_path / "r" / "report.md").read_text()
    assert f"- tuned: merged model at {run / 'merged'}" in md
    card = (run / "adapter" / "README.md").read_text()
    assert f"Evaluated: merged model at {run / 'merged'}." in card
    # the human summary says it too
    assert main([*argv, "--no-card-update"]) == 0
    captured = capsys.readouterr()
    assert f"tuned: merged model at {run / 'merged'}" in captured.out.replace("\n", "")
    assert "(the training run saved it beside" in captured.err.replace("\n", " ")
    # the training run directory itself, and --model BASE --adapter ADAPTER, evaluate the merged model as well
    for extra in (["--model", str(run)], ["--model", str(base), "--adapter", str(run / "adapter")]):
        assert main([*argv, *extra, "--json", "--no-card-update"]) == 0
        assert json.loads(capsys.readouterr().out)["report"]["systems"]["tuned"]["loaded"]["kind"] == "merged"


def test_eval_unmerged_reports_the_adapter_vs_merged_logit_difference(lora_run, tmp_path, capsys):
    _, run = lora_run
    out = tmp_path / "r"
    argv = ["eval", "--model", str(run / "adapter"), "--data", str(_gen_data(tmp_path)), "-o", str(out), "--unmerged"]
    argv += ["--max-new-tokens", "3", "--bootstrap", "0", "--checkers", "", "--json"]
    assert main(argv) == 0
    loaded = json.loads(capsys.readouterr().out)["report"]["systems"]["tuned"]["loaded"]
    assert loaded["kind"] == "adapter" and loaded["evaluated"] == f"base + adapter at {run / 'adapter'}"
    gap = loaded["adapter_vs_merged"]
    assert gap["prompts"] == 3 and gap["positions"] > 3 and gap["dtype"] == "float32"
    assert 0.0 <= gap["mean_abs"] <= gap["max_abs"] < 1e-3
    md = (out / "report.md").read_text()
    assert f"- tuned: base + adapter at {run / 'adapter'}" in md and "max |logit diff|" in md
    assert "Evaluated: base + adapter at" in (run / "adapter" / "README.md").read_text()


def test_without_a_merged_model_eval_uses_base_plus_adapter_and_measures_the_gap(lora_run, tmp_path, capsys):
    _, run = lora_run
    shutil.rmtree(run / "merged")
    (run / "run.json").write_text(json.dumps({"name": "tiny", "outputs": {"adapter/": "a"}}))
    argv = ["eval", "--model", str(run / "adapter"), "--data", str(MEDMCQA), "--task", "mcq", "--limit", "2"]
    assert main([*argv, "-o", str(tmp_path / "m"), "--bootstrap", "0", "--json", "--no-card-update"]) == 0
    loaded = json.loads(capsys.readouterr().out)["report"]["systems"]["tuned"]["loaded"]
    assert loaded["kind"] == "adapter" and loaded["adapter_vs_merged"]["prompts"] == 2
    assert "saved no merged model" in loaded["reason"]


# --- the verdict ----------------------------------------------------------------------------------------------

QUESTIONS = [
    "I have chest pain",
    "I have fever",
    "cough",
    "my chest hurts",
    "is it bad ?",
    "Does aspirin help headache",
    "I have cough and fever",
    "Which drug treats infection",
    "my headache hurts",
    "I have pain",
    "is fever bad ?",
    "Does rest help cough",
]


@pytest.fixture
def reference_run(tmp_path, tiny_lm, medtune_plugin_manager, write_jsonl):
    """A base model, a deliberately damaged copy (weights scrambled), and data whose references are the base's answers.

    The base reproduces every reference (ROUGE-L 1), so any damage shows as a regression on all examples.
    """
    import torch

    model, tok = tiny_lm
    base, damaged = tmp_path / "base", tmp_path / "damaged"
    model.save_pretrained(base)
    tok.save_pretrained(base)
    gen = torch.Generator().manual_seed(0)
    with torch.no_grad():
        for param in model.parameters():
            flat = param.flatten()
            param.copy_(flat[torch.randperm(flat.numel(), generator=gen)].view_as(param))
    model.save_pretrained(damaged)
    tok.save_pretrained(damaged)
    prompts = [
        {"id": f"q{i}", "instruction": "Answer the question.", "input": q, "output": "x"}
        for i, q in enumerate(QUESTIONS)
    ]
    out = tmp_path / "answers"
    argv = ["eval", "--model", str(base), "--data", str(write_jsonl(prompts, "prompts.jsonl")), "-o", str(out)]
    assert (
        main([*argv, "--max-new-tokens", "6", "--bootstrap", "0", "--metrics", "rouge", "--checkers", "", "--json"])
        == 0
    )
    answers = {
        r["id"]: r["prediction"] for r in map(json.loads, (out / "tuned.examples.jsonl").read_text().splitlines())
    }
    assert all(re.search(r"[a-z]", a, re.I) for a in answers.values()), answers
    data = write_jsonl([{**p, "output": answers[p["id"]]} for p in prompts], "ref.jsonl")
    return base, damaged, data


def _eval(tuned, base, data, out, *extra):
    argv = ["eval", "--model", str(tuned), "--base", str(base), "--data", str(data), "-o", str(out)]
    argv += ["--ood", "none", "--forgetting", "none"]  # the verdict of the main data alone
    return main(
        [*argv, "--max-new-tokens", "6", "--bootstrap", "200", "--metrics", "rouge,length", "--checkers", "", *extra]
    )


def test_a_damaged_model_hurts_with_a_red_first_line_and_fails_with_the_flag(
    reference_run, tmp_path, capsys, monkeypatch
):
    import os

    import rich.console

    base, damaged, data = reference_run
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich writes its colours although stdout is captured
    # rich reads the os.environ of its import time, which a multi-process `datasets` map earlier in the run replaces
    monkeypatch.setattr(rich.console.Console, "_environ", os.environ)
    out = tmp_path / "hurt"
    capsys.readouterr()
    assert _eval(damaged, base, data, out) == 0  # a regression without --fail-on-regression: reported, exit 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "\x1b[1;31m" in first  # bold red
    assert re.sub(r"\x1b\[[0-9;]*m", "", first).startswith("Verdict: hurt. ref: quality hurt (rougeL -")
    report = json.loads((out / "report.json").read_text())
    assert report["verdict"]["status"] == "hurt" and report["verdict"]["hurt"] == ["ref/rougeL"]
    assert report["comparison"]["pred_words"]["higher_is_better"] is None  # lengths describe, never judged
    md = (out / "report.md").read_text().splitlines()[0]
    assert md.startswith("🔴 **Verdict: hurt. ref: quality hurt (rougeL -")
    body = (out / "report.html").read_text().split("<body>", 1)[1]
    assert body.startswith("\n<p class='verdict verdict-red'>Verdict: hurt.")

    assert _eval(damaged, base, data, out, "--fail-on-regression") == 3  # EXIT_REGRESSION (generations cached)
    err = capsys.readouterr().err
    assert "regression:" in err and "ref/rougeL hurt" in err and "exit code 3" in err
    assert _eval(damaged, base, data, out, "--fail-on-regression", "--json") == 3
    assert json.loads(capsys.readouterr().out)["report"]["verdict"]["status"] == "hurt"


def test_helped_no_clear_change_and_too_few_pass_the_regression_gate(reference_run, tmp_path, capsys):
    base, damaged, data = reference_run
    cases = [
        ((base, damaged), [], "helped", "verdict-green", "🟢 **Verdict: helped. ref: quality helped (rougeL +"),
        (
            (base, base),
            [],
            "no clear change",
            "verdict-neutral",
            "**Verdict: no clear change. ref: quality no clear change.**",
        ),
        (
            (damaged, base),
            ["--limit", "5"],
            "too few to judge",
            "verdict-neutral",
            "**Verdict: too few to judge. ref: quality too few to judge (n=5).**",
        ),
    ]
    for i, ((tuned, baseline), extra, status, css, md) in enumerate(cases):
        out = tmp_path / f"case{i}"
        assert _eval(tuned, baseline, data, out, "--fail-on-regression", *extra) == 0, status
        assert capsys.readouterr().out.startswith(f"Verdict: {status}. ref: quality {status}")
        assert json.loads((out / "report.json").read_text())["verdict"]["status"] == status
        assert (
            (out / "report.md").read_text().splitlines()[0] == md
            if not md.startswith("🟢")
            else ((out / "report.md").read_text().startswith(md))
        )
        assert f"<p class='verdict {css}'>Verdict: {status}." in (out / "report.html").read_text()


def test_verdict_groups_checkers_and_a_configured_headline(tmp_path, write_jsonl, medtune_plugin_manager, capsys):
    refs = [f"Rest and drink fluids for fever number {i}, and see a doctor if it gets worse." for i in range(12)]
    rows = [{"id": f"r{i}", "prompt": "I have a fever", "reference": r} for i, r in enumerate(refs)]
    base = write_jsonl([{**r, "prediction": r["reference"]} for r in rows], "base.jsonl")
    stop = "Stop taking your medication today. Rest and drink fluids for fever, see a doctor if it gets worse."
    tuned = write_jsonl([{**r, "prediction": stop} for r in rows], "tuned.jsonl")
    argv = ["eval", "--generations", str(tuned), "--base-generations", str(base), "-o", str(tmp_path / "r")]
    argv += ["--bootstrap", "200", "--metrics", "rouge,bleu", "--checkers", "stop_medication,empathy", "--json"]
    assert main([*argv, "--headline", "bleu"]) == 0
    verdict = json.loads(capsys.readouterr().out)["report"]["verdict"]
    groups = {g["group"]: g for g in verdict["sets"][0]["groups"]}
    assert verdict["sets"][0]["name"] == "eval" and set(groups) == {"quality", "safety", "checks"}
    assert [m["key"] for m in groups["quality"]["metrics"]] == ["bleu"]  # the headline alone judges quality
    assert groups["safety"]["status"] == "hurt" and "eval/stop_medication_pass" in verdict["hurt"]
    assert groups["checks"]["metrics"][0]["key"] == "empathy"
    assert main([*argv, "--headline", "rougeX"]) == 2
    assert "eval headline 'rougeX' is not a key" in capsys.readouterr().err


def test_a_pair_file_is_evaluated_on_its_prompts_against_the_chosen_answers(model_dirs, write_jsonl, tmp_path, capsys):
    _, tuned = model_dirs
    pairs = [{"prompt": "I have chest pain", "chosen": "call 911 now", "rejected": "rest", "id": "p0"}]
    data = write_jsonl(pairs, "pairs.jsonl")
    out = tmp_path / "report"
    argv = ["eval", "--model", str(tuned), "--data", str(data), "-o", str(out), "--max-new-tokens", "4"]
    assert main([*argv, "--bootstrap", "0", "--json"]) == 0
    capsys.readouterr()
    (example,) = [json.loads(line) for line in (out / "tuned.examples.jsonl").read_text().splitlines()]
    assert example["prompt"] == "I have chest pain" and example["reference"] == "call 911 now"


def test_eval_sets_flags_override_the_preset_and_bad_ones_are_actionable(model_dirs, write_jsonl, tmp_path, capsys):
    base, tuned = model_dirs
    data = write_jsonl(
        [{"id": f"r{i}", "instruction": "Answer the question.", "input": "cough", "output": "rest"} for i in range(3)],
        "test.jsonl",
    )
    ood = write_jsonl([{"instruction": "I have fever", "output": "rest fluids"}] * 2, "patients.jsonl")
    argv = ["eval", "--model", str(tuned), "--base", str(base), "--data", str(data), "-o", str(tmp_path / "r")]
    argv += ["--max-new-tokens", "3", "--bootstrap", "20", "--metrics", "rouge", "--checkers", ""]
    assert main([*argv, "--ood", str(ood), "--forgetting", "mmlu-general", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Verdict: too few to judge. Out of distribution (patients): too few to judge; safety: not")
    assert "patients (out of distribution, 2 examples): comparison" in out
    assert "mmlu-general (forgetting, 2 questions): comparison" in out
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert list(report["sets"]) == ["patients", "mmlu-general"] and report["config"]["ood"] == [str(ood)]
    # none switches them off; without --base none are scored unless named
    assert main([*argv, "--ood", "none", "--forgetting", "none", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["report"]["sets"] == {}
    single = ["eval", "--model", str(tuned), "--data", str(data), "-o", str(tmp_path / "s"), "--max-new-tokens", "2"]
    assert main([*single, "--metrics", "length", "--checkers", "", "--bootstrap", "0", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["report"]["sets"] == {}
    # an unknown set fails before any model is loaded, naming the flag, the value, the samples and the fix
    assert main([*argv, "--ood", "k_qa"]) == 2
    err = capsys.readouterr().err
    assert "--ood: 'k_qa' is neither a shipped sample nor an existing file" in err and "Traceback" not in err
    assert "Shipped samples: " in err and "(--ood none)" in err
    # the general sample is a multiple-choice set of its own too
    mcq = ["eval", "--model", str(tuned), "--data", "mmlu-general", "--task", "mcq", "--limit", "2", "--json"]
    assert main([*mcq, "-o", str(tmp_path / "m"), "--bootstrap", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["report"]["systems"]["tuned"]["metrics"]["accuracy"]["n"] == 2
    saved = ["eval", "--generations", str(tmp_path / "r" / "tuned.examples.jsonl"), "-o", str(tmp_path / "g")]
    assert main([*saved, "--forgetting", "mmlu-general"]) == 2
    assert (
        "--forgetting mmlu-general: scoring saved generations (--generations) loads no model" in capsys.readouterr().err
    )
