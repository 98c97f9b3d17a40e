"""Benchmark: load, validate and compute stats on the real data (ChatDoctor 5k + MedQuAD answered pairs).

Also measures the time of ``import medtune`` in a fresh interpreter.

    python benchmarks/data_load.py [--shared ../shared] [--repeat 3] [--json out.json]

Each phase runs in a fresh subprocess so the peak RSS of loading is not polluted by earlier phases. Skips
(exit 0, with a message) when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
import medtune
t_import = time.perf_counter() - t0
from medtune import Dataset
chatdoctor, medquad = sys.argv[1], sys.argv[2]
t = time.perf_counter()
a = Dataset.load(chatdoctor)
b = Dataset.load(medquad)
t_load = time.perf_counter() - t
t = time.perf_counter()
sa, sb = a.stats(), b.stats()
t_stats = time.perf_counter() - t
print(json.dumps({
    "records": len(a) + len(b), "chatdoctor": len(a), "medquad": len(b),
    "medquad_skipped": dict(b.load_report.skipped),
    "import_s": t_import, "load_validate_s": t_load, "stats_s": t_stats, "total_s": t_load + t_stats,
    "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "duplicates": sa.duplicates + sb.duplicates,
}))
"""


def run_child(chatdoctor: Path, medquad: Path) -> dict:
    env = {**os.environ, "HF_DATASETS_DISABLE_PROGRESS_BARS": "1"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(chatdoctor), str(medquad)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def import_time(repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import medtune"], check=True)
        times.append(time.perf_counter() - t)
    base = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        base.append(time.perf_counter() - t)
    return [t - statistics.median(base) for t in times]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    chatdoctor = args.shared / "data" / "chatdoctor5k.json"
    medquad = args.shared / "data" / "MedQuAD.tar.gz"
    if not (chatdoctor.exists() and medquad.exists()):
        print(f"skipped: {chatdoctor} or {medquad} not found (pass --shared)")
        return 0
    runs = [run_child(chatdoctor, medquad) for _ in range(args.repeat)]
    imports = import_time(max(args.repeat, 5))
    med = {k: statistics.median(r[k] for r in runs) for k in ("load_validate_s", "stats_s", "total_s", "peak_rss_mib")}
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "records": runs[0]["records"],
        "chatdoctor": runs[0]["chatdoctor"],
        "medquad": runs[0]["medquad"],
        "medquad_skipped": runs[0]["medquad_skipped"],
        "median_of": args.repeat,
        **{k: round(v, 3) for k, v in med.items()},
        "import_medtune_s_median": round(statistics.median(imports), 3),
        "import_medtune_in_process_s_median": round(statistics.median(r["import_s"] for r in runs), 3),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
