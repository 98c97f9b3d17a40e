"""Benchmark: near-duplicate dedup, language identification and in-text abbreviation definitions on the real data.

    python benchmarks/term_filters.py [--shared ../shared] [--json out.json]

ChatDoctor (5,452 records) and the MedQuAD answered pairs from ../shared/data. Reports, for each:

- ``dedup``: exact and near duplicates (``near: true``, default threshold) over the whole record and over the output
  alone, with seconds;
- ``language``: records dropped by the heuristic and, when ``lingua-language-detector`` is installed, by lingua, with
  seconds; and the accuracy of both on the hand-written set ``tests/cleaning/language_samples.py``;
- ``define_abbreviations``: records changed by the built-in backend and, when scispacy is installed, by scispacy.

Skips (exit 0, with a message) when ../shared/data is absent. Times are wall-clock on whatever machine runs it.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from medtune import Dataset
from medtune.cleaning import DedupFilter, EnglishFilter
from medtune.cleaning.filters import lingua_available
from medtune.medical.abbreviations import DefinedAbbreviationExpander

ROOT = Path(__file__).resolve().parents[1]


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """``fn()`` and the seconds it took."""
    t = time.perf_counter()
    out = fn()
    return out, round(time.perf_counter() - t, 2)


def dedup(rows: list[dict]) -> dict:
    out = {}
    for label, near, fields in (
        ("exact", False, ("instruction", "input", "output")),
        ("near", True, ("instruction", "input", "output")),
        ("near_output_only", True, ("output",)),
    ):
        reasons, secs = timed(lambda n=near, f=fields: list(DedupFilter(fields=f, near=n).drop_reasons(rows)))
        out[label] = {**collections.Counter(r for r in reasons if r), "seconds": secs}
    return out


def language(rows: list[dict]) -> dict:
    texts = [f"{r['input']}\n{r['output']}" for r in rows]
    out = {}
    for detector in ("heuristic", "lingua") if lingua_available() else ("heuristic",):
        f = EnglishFilter(detector=detector)
        _, load = timed(lambda f=f: f.is_english("This loads the models once."))
        dropped, secs = timed(lambda f=f: sum(not f.is_english(t) for t in texts))
        out[detector] = {"dropped": dropped, "seconds": secs, "first_call_seconds": load}
    return out


def language_samples() -> dict:
    spec = importlib.util.spec_from_file_location("samples", ROOT / "tests" / "cleaning" / "language_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = {}
    for detector in ("heuristic", "lingua") if lingua_available() else ("heuristic",):
        f = EnglishFilter(detector=detector)
        wrong = [t for t, english in module.SAMPLES if f.is_english(t) is not english]
        out[detector] = {"correct": len(module.SAMPLES) - len(wrong), "of": len(module.SAMPLES), "wrong": wrong}
    return out


def abbreviations(rows: list[dict]) -> dict:
    records = [[r["input"] or "", r["output"] or ""] for r in rows]
    out = {}
    backends = ["builtin"] + (["scispacy"] if importlib.util.find_spec("scispacy") else [])
    results = {}
    for backend in backends:
        x = DefinedAbbreviationExpander(backend=backend)
        _, load = timed(lambda x=x: x.clean_texts_batch([["warm up (WU) WU"]]))
        cleaned, secs = timed(
            lambda x=x: [r for i in range(0, len(records), 1000) for r in x.clean_texts_batch(records[i : i + 1000])]
        )
        results[backend] = cleaned
        changed = sum(a != b for a, b in zip(records, cleaned))
        out[backend] = {"changed": changed, "seconds": secs, "first_call_seconds": load}
    if len(results) == 2:
        a, b = results.values()
        out["same_output"] = sum(x == y for x, y in zip(a, b))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    chatdoctor = args.shared / "data" / "chatdoctor5k.json"
    medquad = args.shared / "data" / "MedQuAD.tar.gz"
    if not (chatdoctor.exists() and medquad.exists()):
        print(f"skipped: {chatdoctor} or {medquad} not found (pass --shared)")
        return
    data = {"chatdoctor": list(Dataset.load(chatdoctor).to_rows()), "medquad": list(Dataset.load(medquad).to_rows())}
    report: dict = {"language_samples": language_samples()}
    for name, rows in data.items():
        report[name] = {
            "records": len(rows),
            "dedup": dedup(rows),
            "language": language(rows),
            "define_abbreviations": abbreviations(rows),
        }
    report["combined_near_dedup"] = dedup(data["chatdoctor"] + data["medquad"])["near"]
    text = json.dumps(report, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
