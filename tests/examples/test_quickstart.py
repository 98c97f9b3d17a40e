"""examples/quickstart.py runs end to end in its smoke mode (a tiny random model built in-process)."""

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "examples" / "quickstart.py"


@pytest.mark.slow
def test_quickstart_smoke_runs_end_to_end(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    pytest.importorskip("peft")
    out = tmp_path / "qs"
    env = {**os.environ, "MEDTUNE_QUICKSTART_SMOKE": "1", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--out", str(out)], capture_output=True, text=True, env=env, timeout=600
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "mode: smoke" in proc.stdout

    summary = json.loads((out / "summary.json").read_text())
    assert summary["smoke"] is True
    assert summary["records"] == 300 and summary["kept"] + summary["rejected"] == 300
    assert math.isfinite(summary["final_loss"]) and summary["metrics"]["steps"] == 2
    for key in ("cleaning_report", "rejects", "eval_report", "model_card"):
        assert Path(summary[key]).is_file(), key
    assert (Path(summary["adapter"]) / "adapter_config.json").is_file()
    assert all(p in proc.stdout for p in (summary["eval_report"], summary["model_card"]))

    # The per-cleaner report, the rejects with their reasons, base vs tuned, and a complete model card.
    report = json.loads(Path(summary["cleaning_report"]).read_text())
    assert [s["name"] for s in report["stages"]][:2] == ["normalize_units", "pii"]
    assert report["rejected"] == summary["rejected"]
    rejects = [json.loads(line) for line in Path(summary["rejects"]).read_text().splitlines()]
    assert len(rejects) == summary["rejected"] and all(r["cleaner"] and r["reason"] for r in rejects)
    evaluation = json.loads((out / "eval" / "report.json").read_text())
    assert evaluation["base"] and evaluation["tuned"]
    card = Path(summary["model_card"]).read_text()
    assert "## Hyperparameters" in card and "### Cleaning" in card and "## Evaluation" in card
    adapter_card = (out / "train" / "adapter" / "README.md").read_text()
    no_links = re.compile(r"\[[^\[\]]*\]\([^()\s]*\)")  # the copies differ only in their relative links
    assert no_links.sub("", adapter_card) == no_links.sub("", card)
    for readme in (Path(summary["model_card"]), out / "train" / "adapter" / "README.md"):
        links = [t for t in re.findall(r"\]\(([^()\s]+)\)", readme.read_text()) if "://" not in t]
        assert links and [t for t in links if not (readme.parent / t).exists()] == [], readme
