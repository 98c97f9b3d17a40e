"""benchmarks/score_generalise.py: PubMedQA of each tuned model against the base, paired by question."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "score_generalise.py"


def _module():
    spec = importlib.util.spec_from_file_location("score_generalise", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(correct: list[int]) -> dict:
    items = [{"id": f"q{i}", "scores": {"mcq": {"values": {"accuracy": float(c)}}}} for i, c in enumerate(correct)]
    return {"per_item": items}


def test_pubmedqa_is_compared_question_by_question():
    base = [1] * 30 + [0] * 10
    results = {
        "pubmedqa": {
            "base": _run(base),
            "worse": _run([0] * 20 + [1] * 10 + [0] * 10),  # 20 questions the base got right are now wrong
            "same": _run(base),
            "no_items": {"metrics": {}},
        }
    }
    paired = _module().pubmedqa_paired(results)
    assert set(paired) == {"worse", "same"}
    worse = paired["worse"]
    assert (worse["base"], worse["tuned"], worse["n"]) == (0.75, 0.25, 40)
    assert abs(worse["delta"] + 0.5) < 1e-9 and worse["ci_high"] < 0
    assert paired["same"]["delta"] == 0 and paired["same"]["ci_low"] == paired["same"]["ci_high"] == 0


def test_no_base_results_give_no_comparison():
    assert _module().pubmedqa_paired({"pubmedqa": {"chat3": _run([1, 0])}}) == {}
    assert _module().pubmedqa_paired({}) == {}
