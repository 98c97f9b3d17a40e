"""The effect of ``generation.stop_on_loop`` on saved generations (``gpu_generalise.py``'s ``gen_*.jsonl``), on CPU.

For each model and set, at one repetition penalty: mean ROUGE-L of the answers as generated and cut before their
repetition (``medtune.models.loops.trim_loop``), the paired difference with a 95 % bootstrap interval (1,000
resamples, seed 0), and how many answers loop before and after.

Usage::

    tar xzf benchmarks/results/issue18/gpu_h200_generalise/generations.tgz -C GENS
    python benchmarks/loop_trim_effect.py GENS --models base chat3 --sets dev ood test
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from medtune.evaluation.compare import paired_bootstrap
from medtune.evaluation.metrics import RougeMetric
from medtune.evaluation.scoring import EvalExample
from medtune.models.loops import loops, trim_loop


def _mean(values: list[float]) -> dict[str, float]:
    return {"rougeL": sum(values) / len(values)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gens", type=Path, help="folder of gen_MODEL.jsonl")
    ap.add_argument("--models", nargs="+", default=["base"])
    ap.add_argument("--sets", nargs="+", default=["dev", "ood", "test"])
    ap.add_argument("--penalty", type=float, default=1.0)
    args = ap.parse_args(argv)
    metric = RougeMetric()
    for model in args.models:
        rows = [json.loads(line) for line in (args.gens / f"gen_{model}.jsonl").read_text().splitlines()]
        for set_name in args.sets:
            chosen = [r for r in rows if r["set"] == set_name and float(r["penalty"]) == args.penalty]
            scores = {}
            for cut in (False, True):
                examples = [
                    EvalExample(
                        r["id"], r["prompt"], trim_loop(r["prediction"]) if cut else r["prediction"], r["reference"]
                    )
                    for r in chosen
                ]
                scores[cut] = [s.values["rougeL"] for s in metric.score(examples)]
            delta = paired_bootstrap(scores[False], scores[True], _mean)["rougeL"]  # the evaluator's intervals
            mean, low, high = delta.value, delta.low, delta.high
            row = {"model": model, "set": set_name, "n": len(chosen)}
            row |= {
                "rougeL": round(sum(scores[False]) / len(chosen), 4),
                "cut": round(sum(scores[True]) / len(chosen), 4),
            }
            row |= {"difference": [round(mean, 4), round(low, 4), round(high, 4)]}
            row["looping"] = sum(loops(r["prediction"]) for r in chosen)
            row["looping_cut"] = sum(loops(trim_loop(r["prediction"])) for r in chosen)
            print(json.dumps(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
