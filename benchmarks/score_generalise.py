"""Score ``gpu_generalise.py``'s generations on the CPU: each tuned model against the base, per set and decoding.

Splits ``gen_MODEL.jsonl`` by set and decoding (repetition penalty, minimum length), runs
``medtune eval --generations … --base-generations …`` for every (tuned model, set, decoding) against the base at the
same decoding, and prints one table row per comparison (ROUGE-L, red-flag escalation, words per answer and the share
of answers that loop, with paired 95 % intervals from the evaluator). A looping answer repeats one of its word 8-grams
three or more times.

Usage::

    python benchmarks/score_generalise.py RESULTS_DIR --out SCORES_DIR
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

from medtune.evaluation.metrics import loops


def decoding_of(row: dict) -> str:
    """A generation row's decoding: ``rp1.0``, or ``rp1.0_min100`` with a minimum answer length (eleventh session)."""
    return row.get("decoding") or f"rp{float(row['penalty'])}"


def split(results: Path, work: Path) -> dict[tuple[str, str, str], Path]:
    """Write one generations file per (model, set, decoding); return their paths."""
    groups: dict[tuple[str, str, str], list[dict]] = collections.defaultdict(list)
    for path in sorted(results.glob("gen_*.jsonl")):
        model = path.stem.removeprefix("gen_")
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            groups[(model, row["set"], decoding_of(row))].append(row)
    out = {}
    for (model, set_name, decoding), rows in groups.items():
        target = work / f"{set_name}_{model}_{decoding}.jsonl"
        target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        out[(model, set_name, decoding)] = target
    return out


def compare(tuned: Path, base: Path, out: Path) -> dict:
    """``medtune eval`` on two generation files; its report.json."""
    cmd = [sys.executable, "-m", "medtune.cli.main", "eval", "--generations", str(tuned)]
    cmd += ["--base-generations", str(base), "-o", str(out), "--bootstrap", "1000"]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads((out / "report.json").read_text())


def pubmedqa_paired(results: dict) -> dict[str, dict]:
    """PubMedQA accuracy of each tuned model against the base, paired by question (bootstrap, 1,000 resamples).

    ``results`` is ``gpu_generalise.py``'s results.json; models without per-question results are left out.
    """
    from medtune.evaluation.compare import paired_bootstrap

    runs = results.get("pubmedqa") or {}
    if "base" not in runs or not runs["base"].get("per_item"):
        return {}

    def correct(name: str) -> dict[str, float]:
        return {x["id"]: x["scores"]["mcq"]["values"]["accuracy"] for x in runs[name]["per_item"]}

    base = correct("base")
    ids = sorted(base)
    out = {}
    for name, run in runs.items():
        if name == "base" or not run.get("per_item"):
            continue
        tuned = correct(name)
        if sorted(tuned) != ids:
            continue
        est = paired_bootstrap(
            [base[i] for i in ids], [tuned[i] for i in ids], lambda xs: {"accuracy": sum(xs) / len(xs)}
        )["accuracy"]
        out[name] = {
            "base": sum(base.values()) / len(ids),
            "tuned": sum(tuned.values()) / len(ids),
            "delta": est.value,
            "ci_low": est.low,
            "ci_high": est.high,
            "n": len(ids),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("results", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    files = split(args.results, args.out)
    table = []
    for (model, set_name, decoding), path in sorted(files.items()):
        rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
        facts = {
            "model": model,
            "set": set_name,
            "decoding": decoding,
            "n": len(rows),
            "loop_rate": round(sum(loops(r["prediction"]) for r in rows) / max(len(rows), 1), 3),
            "words": round(sum(len(r["prediction"].split()) for r in rows) / max(len(rows), 1), 1),
        }
        base = files.get(("base", set_name, decoding))
        if model != "base" and base is not None:
            report = compare(path, base, args.out / f"report_{set_name}_{model}_{decoding}")
            facts["verdict"] = report.get("verdict")
            facts["comparison"] = report.get("comparison")
        table.append(facts)
        print(json.dumps({k: v for k, v in facts.items() if k not in ("comparison", "verdict")}), flush=True)
    (args.out / "scores.json").write_text(json.dumps(table, indent=2, default=str) + "\n")
    results_file = args.results / "results.json"
    if results_file.exists():
        paired = pubmedqa_paired(json.loads(results_file.read_text(encoding="utf-8")))
        for name, facts in paired.items():
            print(json.dumps({"pubmedqa_paired": name, **facts}), flush=True)
        (args.out / "pubmedqa_paired.json").write_text(json.dumps(paired, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
