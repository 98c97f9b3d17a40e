"""``medtune eval`` end to end on a tiny saved model (in-process; the built-in plugins register the scorers)."""

from __future__ import annotations

import json

import pytest

from medtune.cli.main import main

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
    argv += ["--max-new-tokens", "4", "--bootstrap", "50", "--json"]
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
