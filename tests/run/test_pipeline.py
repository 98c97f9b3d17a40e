"""End to end on a tiny random model (no downloads): every stage, skipping by hash, re-runs, resume, the CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from medtune.cli.main import main
from medtune.evaluation.report import fmt
from medtune.run import STAGES, RunConfig, RunPipeline

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("peft")


def _statuses(result) -> dict[str, str]:
    return {name: s.status for name, s in result.stages.items()}


def _config(run_config_dict, run_data, tiny_model_dir, out: Path, **sections) -> RunConfig:
    return RunConfig.from_dict(run_config_dict(run_data, tiny_model_dir, out, **sections), source="test")


def test_smoke_run_end_to_end_then_skip_then_rerun_from_train(run_config_dict, run_data, tiny_model_dir, tmp_path):
    out = tmp_path / "run"
    cfg = _config(run_config_dict, run_data, tiny_model_dir, out)
    lines: list[str] = []
    result = RunPipeline(cfg, say=lines.append).run()
    assert _statuses(result) == dict.fromkeys(STAGES, "ran")

    # Every stage wrote its outputs and a stage.json with its hashes.
    for name in STAGES:
        state = json.loads((out / name / "stage.json").read_text())
        assert state["status"] == "done" and state["config_hash"] and state["input_hash"] and state["outputs_hash"]
    clean = json.loads((out / "clean" / "report.json").read_text())
    assert clean["records_in"] == 48 and clean["kept"] + clean["rejected"] == 48
    sizes = result.stages["split"].summary
    assert sizes["validation"] == 4 and sizes["test"] == 4 and sizes["train"] == clean["kept"] - 8
    assert result.adapter == out / "train" / "adapter" and (result.adapter / "adapter_config.json").is_file()
    assert result.report == out / "eval" / "report.html" and result.report.is_file()
    report = json.loads((out / "eval" / "report.json").read_text())
    assert report["base"] and report["tuned"]  # base vs tuned, as the quickstart does
    assert result.cleaning_report == out / "clean" / "report.json"

    # The model card has the training facts, the cleaning report and the evaluation summary; the copy shipped
    # with the adapter is the same card, with its links from its own folder; every link of every copy resolves.
    card = result.model_card.read_text()
    assert result.model_card == out / "card" / "README.md"
    assert "## Hyperparameters" in card and "### Cleaning" in card and "| pii |" in card
    assert "## Evaluation" in card and "rouge" in card.lower() and "`test` split (first 4 examples)" in card
    assert "Full report: [../eval/report.html](../eval/report.html)." in card
    adapter_card = (out / "train" / "adapter" / "README.md").read_text()
    assert "Full report: [../../eval/report.html](../../eval/report.html)." in adapter_card
    assert re.sub(r"\[[^\[\]]*\]\([^()\s]*\)", "", adapter_card) == re.sub(r"\[[^\[\]]*\]\([^()\s]*\)", "", card)
    for readme in (result.model_card, *(out / "train").glob("**/README.md")):
        links = [t for t in re.findall(r"\]\(([^()\s]+)\)", readme.read_text()) if "://" not in t]
        assert len(links) >= 3 and [t for t in links if not (readme.parent / t).exists()] == [], readme
    # No merged model (save_merged: false): base + adapter evaluated, with their logit gap to the merged weights.
    loaded = report["systems"]["tuned"]["loaded"]
    assert loaded["kind"] == "adapter" and loaded["path"] == str(out / "train" / "adapter")
    assert loaded["adapter_vs_merged"]["prompts"] == 4 and loaded["adapter_vs_merged"]["max_abs"] < 1e-3
    assert result.stages["eval"].summary["evaluated"] == f"base + adapter at {out / 'train' / 'adapter'}"
    assert "Evaluated: base + adapter at train/adapter (base " in card and "max |logit diff|" in card
    assert "| too few to judge | 4 |" in card and "fewer than 10 examples read too few to judge" in card

    # A second run skips every stage.
    again = RunPipeline(cfg).run()
    assert _statuses(again) == dict.fromkeys(STAGES, "skipped")
    assert again.model_card == result.model_card and again.report == result.report

    # Changing one training key re-runs train, eval and the card, not data/clean/split.
    changed = _config(
        run_config_dict,
        run_data,
        tiny_model_dir,
        out,
        train={**run_config_dict(run_data, tiny_model_dir, out)["train"], "lora": {"r": 2, "alpha": 4, "dropout": 0.0}},
    )
    rerun = RunPipeline(changed).run()
    assert _statuses(rerun) == {
        "data": "skipped",
        "clean": "skipped",
        "split": "skipped",
        "train": "ran",
        "eval": "ran",
        "card": "ran",
    }
    assert json.loads((out / "train" / "adapter" / "adapter_config.json").read_text())["r"] == 2

    # --force re-runs the named stage and everything after it.
    forced = RunPipeline(changed, force=["split"]).run()
    assert [n for n, s in _statuses(forced).items() if s == "ran"] == ["split", "train", "eval", "card"]

    # Changing the source data re-runs from the data stage.
    run_copy = tmp_path / "records.jsonl"
    run_copy.write_text(run_data.read_text())
    moved = _config(run_config_dict, run_data, tiny_model_dir, out, data={"source": str(run_copy)})
    assert RunPipeline(moved).run().stages["data"].status == "ran"  # the source path is part of the data config


def test_eval_uses_the_merged_model_when_training_saved_one(run_config_dict, run_data, tiny_model_dir, tmp_path):
    out = tmp_path / "run"
    config = run_config_dict(run_data, tiny_model_dir, out, clean=False)
    config["train"]["output"] = {"save_merged": True}
    config["eval"]["compare_base"] = False
    result = RunPipeline(RunConfig.from_dict(config)).run()
    merged = out / "train" / "merged"
    assert result.merged == merged and result.stages["eval"].summary["evaluated"] == f"merged model at {merged}"
    tuned = json.loads((out / "eval" / "report.json").read_text())["systems"]["tuned"]
    assert tuned["model"] == str(merged) and tuned["loaded"]["kind"] == "merged"
    assert tuned["loaded"]["adapter_vs_merged"] is None
    assert "Evaluated: merged model at train/merged." in result.model_card.read_text()


def test_interrupted_training_resumes_from_its_checkpoint(run_config_dict, run_data, tiny_model_dir, tmp_path):
    out = tmp_path / "run"
    base = run_config_dict(run_data, tiny_model_dir, out, clean=False, eval=False)
    base["train"]["optim"]["max_steps"] = 4
    base["train"]["checkpointing"] = {"save_strategy": "steps", "save_steps": 2}
    cfg = RunConfig.from_dict(base)
    first = RunPipeline(cfg).run()
    assert first.stages["clean"].status == "disabled" and first.stages["eval"].status == "disabled"
    assert first.report is None and first.model_card.is_file() and "## Evaluation" not in first.model_card.read_text()

    # Simulate an interruption after the checkpoint at step 2: the stage is 'running', the final outputs are gone.
    train_dir = out / "train"
    state = json.loads((train_dir / "stage.json").read_text())
    (train_dir / "stage.json").write_text(json.dumps({**state, "status": "running"}))
    import shutil

    shutil.rmtree(train_dir / "checkpoints" / "checkpoint-4")
    shutil.rmtree(train_dir / "adapter")
    resumed = RunPipeline(cfg).run()
    assert resumed.stages["split"].status == "skipped"
    assert resumed.stages["train"].status == "resumed"
    assert resumed.stages["train"].summary["resumed_from"].endswith("checkpoint-2")
    assert resumed.stages["train"].summary["steps"] == 4 and resumed.adapter.is_dir()


def test_cli_run_json_set_force_and_errors(run_config_dict, run_data, tiny_model_dir, tmp_path, capsys):
    import yaml

    out = tmp_path / "run"
    path = tmp_path / "run.yaml"
    path.write_text(yaml.safe_dump(run_config_dict(run_data, tiny_model_dir, out, clean=False)))
    assert main(["run", str(path), "--json", "--set", "eval.limit=2"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["stages"]["clean"]["status"] == "disabled"
    assert payload["stages"]["eval"]["summary"]["examples"] == 2
    assert Path(payload["model_card"]).is_file() and Path(payload["report"]).is_file()

    assert main(["run", str(path), "--set", "eval.limit=2", "--force", "card"]) == 0
    text = capsys.readouterr().out
    # the closing summary starts with the verdict: 2 examples are too few to judge
    assert text.startswith("Verdict: too few to judge. test: quality too few to judge (n=2)")
    assert "ran card; up to date: data, split, train, eval" in text
    assert "model card:" in text and "eval report:" in text
    # ...and ends with the headline metrics, base vs tuned, as `medtune eval` prints its tables
    headline = text[text.index("Headline metrics") :]
    assert "delta" in headline and "too few to judge" in headline and "fewer than 10 examples" in headline
    report = json.loads((out / "eval" / "report.json").read_text())
    assert all(key in headline for key in ("rouge1", "rougeL", "bleu")) and "rouge2" not in headline
    assert f"{fmt(report['comparison']['rouge1']['delta']['value'])}" in headline
    assert f"tuned: base + adapter at {out / 'train' / 'adapter'}" in headline.replace("\n", "")

    assert main(["run", str(path), "--set", "train.optim.lr=1"]) == 2
    assert "unknown key 'train.optim.lr'" in capsys.readouterr().err
    assert main(["run", str(tmp_path / "missing.yaml")]) == 2
    assert "no such run config file" in capsys.readouterr().err


def test_a_damaging_fine_tune_fails_the_run_with_fail_on_regression(
    run_config_dict, run_data, tiny_model_dir, tmp_path, capsys
):
    """References are the base model's own answers, and training at a learning rate of 1 wrecks the adapter."""
    import yaml

    from medtune.data.dataset import Dataset
    from medtune.evaluation import EvalConfig, Evaluator

    test = Dataset.load(run_data).split(validation=4, test=12, seed=1).test
    generation = {"max_new_tokens": 8, "batch_size": 1}
    ev = Evaluator(EvalConfig(metrics=["rouge"], checkers=[], generation=generation, bootstrap_resamples=0))
    answers = {e.id: e.prediction for e in ev.generate_and_score(str(tiny_model_dir), list(test)).examples}
    rows = [json.loads(line) for line in run_data.read_text().splitlines()]
    data = tmp_path / "records.jsonl"
    data.write_text("".join(json.dumps({**r, "output": answers.get(r["id"], r["output"])}) + "\n" for r in rows))
    out = tmp_path / "run"
    config = run_config_dict(data, tiny_model_dir, out, clean=False, split={"validation": 4, "test": 12, "seed": 1})
    config["train"]["optim"]["learning_rate"] = 1.0
    config["eval"] = {"generation": generation, "bootstrap_resamples": 200, "checkers": [], "fail_on_regression": True}
    config["eval"] |= {"ood": [], "forgetting": []}
    path = tmp_path / "run.yaml"
    path.write_text(yaml.safe_dump(config))
    capsys.readouterr()
    assert main(["run", str(path)]) == 3
    captured = capsys.readouterr()
    assert captured.out.startswith("Verdict: hurt. test: quality hurt (rougeL -")
    assert "regression:" in captured.err and "test/rougeL hurt" in captured.err
    report = json.loads((out / "eval" / "report.json").read_text())
    assert report["comparison"]["rougeL"]["base"]["value"] == pytest.approx(1.0)
    assert report["verdict"]["status"] == "hurt"
    # the gate off: nothing reruns (fail_on_regression is not part of the eval stage's hash), exit 0
    assert main(["run", str(path), "--set", "eval.fail_on_regression=false", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["verdict"]["status"] == "hurt" and payload["stages"]["eval"]["status"] == "skipped"
    assert payload["stages"]["eval"]["summary"]["verdict"] == "hurt"


def test_a_data_recipe_runs_end_to_end_with_per_source_counts_in_the_card(
    run_config_dict, run_data, tiny_model_dir, tmp_path
):
    lines = run_data.read_text(encoding="utf-8").splitlines()
    big, small = tmp_path / "big.jsonl", tmp_path / "small.jsonl"
    big.write_text("\n".join(lines[:36]) + "\n", encoding="utf-8")
    small.write_text("\n".join(lines[36:]) + "\n", encoding="utf-8")
    recipe = [{"source": str(big), "weight": 1}, {"source": str(small), "weight": 1, "name": "few"}]
    out = tmp_path / "run"
    data = {"sources": recipe}  # tokens counted with the run's (tiny) tokenizer
    result = RunPipeline(_config(run_config_dict, run_data, tiny_model_dir, out, data=data)).run()
    assert _statuses(result) == dict.fromkeys(STAGES, "ran")
    mix = result.stages["split"].summary["sources"]
    assert set(mix) == {"big", "few"} and mix["few"]["repeats"] > 0
    assert all(abs(row["share"] - 0.5) <= 0.02 for row in mix.values())
    card = result.model_card.read_text()
    assert "### Sources" in card and f"(from `{big}, {small}`)" in card
    for name, row in mix.items():
        assert (
            f"| {name} | {row['loaded']} | {row['dropped']} | {row['train']} | {row['repeats']} | "
            f"{row['validation']} | {row['test']} | {row['share']:.1%} | 50.0% |"
        ) in card


def test_a_dpo_run_trains_on_pairs_and_evaluates_on_their_prompts(run_config_dict, run_data, tiny_model_dir, tmp_path):
    from medtune import Dataset

    rows = [json.loads(line) for line in run_data.read_text(encoding="utf-8").splitlines()]
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        "".join(
            json.dumps({"system": r["instruction"], "prompt": r["input"], "chosen": r["output"], "rejected": "ok"})
            + "\n"
            for r in rows
        ),
        encoding="utf-8",
    )
    out = tmp_path / "run"
    cfg = run_config_dict(pairs, tiny_model_dir, out, clean=False)
    cfg["train"]["method"] = "dpo"
    result = RunPipeline(RunConfig.from_dict(cfg, source="test")).run()
    assert _statuses(result) == {**dict.fromkeys(STAGES, "ran"), "clean": "disabled"}
    assert Dataset.load(out / "split" / "train.jsonl").kind == "preference"
    assert result.stages["train"].summary["reward_margin"] is not None
    report = json.loads((out / "eval" / "report.json").read_text())
    assert report["tuned"] and report["base"]
    assert "A LoRA preference tune (DPO) of" in result.model_card.read_text()


def test_the_eval_stage_scores_the_ood_and_forgetting_sets_into_the_report_card_and_summary(
    run_config_dict, run_data, tiny_model_dir, tmp_path, capsys
):
    import yaml

    patients = tmp_path / "patients.jsonl"
    patients.write_text("".join(json.dumps({"instruction": q, "output": "rest"}) + "\n" for q in ("fever", "cough")))
    out = tmp_path / "run"
    config = run_config_dict(run_data, tiny_model_dir, out, clean=False)
    config["eval"] |= {"limit": 2, "ood": [str(patients)], "forgetting": "mmlu-general", "checkers": []}
    path = tmp_path / "run.yaml"
    path.write_text(yaml.safe_dump(config))
    assert main(["run", str(path)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Verdict: too few to judge. Out of distribution (patients): too few to judge; safety: not")
    assert "patients (out of distribution, 2 examples): comparison" in text  # after the headline metrics
    assert "mmlu-general (forgetting, 2 questions): comparison" in text
    report = json.loads((out / "eval" / "report.json").read_text())
    assert {n: (s["role"], s["examples"]) for n, s in report["sets"].items()} == {
        "patients": ("ood", 2),
        "mmlu-general": ("forgetting", 2),
    }
    state = json.loads((out / "eval" / "stage.json").read_text())
    assert set(state["summary"]["sets"]) == {"patients", "mmlu-general"}
    assert state["summary"]["sets"]["patients"]["seconds"] > 0
    card = (out / "card" / "README.md").read_text()
    assert "**mmlu-general (forgetting, 2 questions): comparison**" in card
    assert "sets from other sources (out of distribution: `patients`, 2 examples; forgetting: `mmlu-general`" in card
    # an edited set file reruns the evaluation (its contents are hashed); the caches stay
    assert main(["run", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stages"]["eval"]["status"] == "skipped"
    patients.write_text(patients.read_text().replace("cough", "chest pain"))
    assert main(["run", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stages"]["eval"]["status"] == "ran"
    assert (out / "eval" / "loglikelihoods" / "mmlu-general" / "tuned.jsonl").is_file()
    # an unknown set fails before any stage runs, naming the key
    assert main(["run", str(path), "--set", "eval.ood=k_qa"]) == 2
    err = capsys.readouterr().err
    assert "eval.ood: 'k_qa' is neither a shipped sample nor an existing file" in err and "Traceback" not in err
