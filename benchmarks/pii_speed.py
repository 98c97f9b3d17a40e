"""Cleaning speed on the real records: the default ``medtune clean`` pipeline (with ``pii``) on ChatDoctor + MedQuAD.

Builds ``real.jsonl`` (21,875 records) from ``../shared/data`` with ``medtune data convert`` as docs/benchmarks.md
does, then times ``medtune clean real.jsonl -o … --num-proc N`` for each N, and the ``pii`` cleaner alone in one
process. Skips (exit 0) when ``../shared/data`` is absent.

Usage::

    python benchmarks/pii_speed.py --work .cache/pii_speed --num-proc 1 2 --json .cache/pii_speed/speed.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def _medtune(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "medtune.cli.main", *args], check=True, stdout=subprocess.DEVNULL)


def build_real(work: Path) -> Path:
    real = work / "real.jsonl"
    if not real.exists():
        _medtune("data", "convert", str(SHARED / "chatdoctor5k.json"), str(work / "cd.jsonl"), "--format", "chatdoctor")
        _medtune("data", "convert", str(SHARED / "MedQuAD.tar.gz"), str(work / "mq.jsonl"), "--format", "medquad")
        real.write_text((work / "cd.jsonl").read_text() + (work / "mq.jsonl").read_text())
    return real


def time_clean(real: Path, work: Path, num_proc: int) -> dict:
    out = work / f"clean_{num_proc}.jsonl"
    report = work / f"report_{num_proc}.json"
    t0 = time.perf_counter()
    _medtune("clean", str(real), "-o", str(out), "--num-proc", str(num_proc), "--report", str(report))
    wall = time.perf_counter() - t0
    rep = json.loads(report.read_text())
    stages = {s["name"]: round(s["seconds"], 1) for s in rep["stages"]}
    return {
        "num_proc": num_proc,
        "wall_s": round(wall, 1),
        "records": rep["records_in"],
        "records_per_s": round(rep["records_in"] / wall, 1),
        "records_per_s_per_core": round(rep["records_in"] / wall / num_proc, 1),
        "kept": rep["kept"],
        "rejected": rep["rejected"],
        "stage_seconds": stages,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, default=Path(".cache/pii_speed"))
    ap.add_argument("--num-proc", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if not (SHARED / "chatdoctor5k.json").exists():
        print(f"skip: {SHARED} not found (../shared is absent)")
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    real = build_real(args.work)
    results = []
    for n in args.num_proc:
        r = time_clean(real, args.work, n)
        print(json.dumps(r))
        results.append(r)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
