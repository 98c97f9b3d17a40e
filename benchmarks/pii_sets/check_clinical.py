#!/usr/bin/env python3
"""Validate an annotated de-identification test set such as clinical.jsonl.

Usage: python check_clinical.py FILE [--examples N]

Checks, for every line:
  * valid JSON object with keys id (str, unique), case ("upper"|"mixed"),
    text (str), spans (list), ignore (list); no unknown top-level keys
  * each span: int start/end, 0 <= start < end <= len(text), type in the
    allowed set, optional role in {patient, clinician, relative} (NAME only)
  * each ignore entry: int start/end within the text
  * span / ignore text non-empty, without leading or trailing whitespace
  * no overlaps among spans and ignore entries
  * no identifier boundary cuts through a word (\\w+ run)
  * case == "upper" notes contain no lower-case letters
Prints counts per type, per NAME role, per case, and the number of words
(\\w+ runs) inside identifiers, inside ignore entries and outside both.
Exit status 0 when everything passes, 1 otherwise.  Standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter

TYPES = {"NAME", "LOCATION", "ADDRESS", "DATE", "PHONE", "AGE", "ID"}
ROLES = {"patient", "clinician", "relative"}
CASES = {"upper", "mixed"}
WORD = re.compile(r"\w+")


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    path = argv[1]
    n_examples = 0
    if "--examples" in argv:
        n_examples = int(argv[argv.index("--examples") + 1])
    errors: list[str] = []
    ids: set[str] = set()
    types: Counter = Counter()
    roles: Counter = Counter()
    cases: Counter = Counter()
    per_note: Counter = Counter()
    w_in = w_ign = w_out = 0
    n_ign = 0
    n_notes = 0
    line_counts: list[int] = []

    def err(msg: str) -> None:
        if len(errors) < 50:
            errors.append(msg)
        else:
            errors.append("...")

    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                err(f"line {lineno}: empty line")
                continue
            try:
                rec = json.loads(raw)
            except json.JSONDecodeError as e:
                err(f"line {lineno}: bad JSON: {e}")
                continue
            if not isinstance(rec, dict):
                err(f"line {lineno}: not an object")
                continue
            extra = set(rec) - {"id", "case", "text", "spans", "ignore"}
            missing = {"id", "case", "text", "spans", "ignore"} - set(rec)
            if extra or missing:
                err(f"line {lineno}: keys extra={sorted(extra)} missing={sorted(missing)}")
                continue
            rid, text = rec["id"], rec["text"]
            if not isinstance(rid, str) or rid in ids:
                err(f"line {lineno}: bad or duplicate id {rid!r}")
            ids.add(rid)
            if not isinstance(text, str) or not text:
                err(f"{rid}: text must be a non-empty string")
                continue
            if rec["case"] not in CASES:
                err(f"{rid}: bad case {rec['case']!r}")
            cases[rec["case"]] += 1
            if rec["case"] == "upper" and text != text.upper():
                err(f"{rid}: case=upper but text has lower-case letters")
            if not isinstance(rec["spans"], list) or not isinstance(rec["ignore"], list):
                err(f"{rid}: spans/ignore must be lists")
                continue
            n_notes += 1
            line_counts.append(text.count("\n") + 1)
            intervals = []
            for kind, items in (("span", rec["spans"]), ("ignore", rec["ignore"])):
                for it in items:
                    if not isinstance(it, dict):
                        err(f"{rid}: {kind} entry not an object")
                        continue
                    s, e = it.get("start"), it.get("end")
                    if not (type(s) is int and type(e) is int):
                        err(f"{rid}: {kind} offsets must be ints: {it}")
                        continue
                    if not (0 <= s < e <= len(text)):
                        err(f"{rid}: {kind} offsets out of range: {it}")
                        continue
                    frag = text[s:e]
                    if frag.strip() != frag or not frag.strip():
                        err(f"{rid}: {kind} text has surrounding whitespace or is blank: {frag!r}")
                    if s > 0 and re.match(r"\w", text[s - 1]) and re.match(r"\w", text[s]):
                        err(f"{rid}: {kind} starts inside a word: {frag!r}")
                    if e < len(text) and re.match(r"\w", text[e]) and re.match(r"\w", text[e - 1]):
                        err(f"{rid}: {kind} ends inside a word: {frag!r}")
                    if kind == "span":
                        allowed = {"start", "end", "type", "role"}
                        if set(it) - allowed:
                            err(f"{rid}: unknown span keys {sorted(set(it) - allowed)}")
                        t = it.get("type")
                        if t not in TYPES:
                            err(f"{rid}: bad type {t!r}")
                        types[t] += 1
                        per_note[rid] += 1
                        if "role" in it:
                            if t != "NAME" or it["role"] not in ROLES:
                                err(f"{rid}: bad role {it['role']!r} on {t}")
                            roles[it["role"]] += 1
                        elif t == "NAME":
                            roles["(none)"] += 1
                    else:
                        if set(it) - {"start", "end"}:
                            err(f"{rid}: unknown ignore keys {sorted(set(it) - {'start', 'end'})}")
                        n_ign += 1
                    intervals.append((s, e, kind))
            intervals.sort()
            for (a, b, k1), (c, d, k2) in zip(intervals, intervals[1:]):
                if c < b:
                    err(f"{rid}: overlapping {k1} [{a},{b}) and {k2} [{c},{d})")
            # word accounting
            span_iv = [(it["start"], it["end"]) for it in rec["spans"] if isinstance(it, dict)]
            ign_iv = [(it["start"], it["end"]) for it in rec["ignore"] if isinstance(it, dict)]
            for m in WORD.finditer(text):
                a, b = m.start(), m.end()
                if any(s <= a and b <= e for s, e in span_iv):
                    w_in += 1
                elif any(s <= a and b <= e for s, e in ign_iv):
                    w_ign += 1
                else:
                    w_out += 1
            if n_examples and n_notes <= n_examples:
                print(f"--- {rid} ({rec['case']})\n{text}")
                for it in rec["spans"]:
                    print(f"    {it['type']:<8} {it.get('role', ''):<9} {text[it['start'] : it['end']]!r}")

    print(f"file: {path}")
    print(f"notes: {n_notes}  cases: {dict(cases)}")
    if line_counts:
        print(
            f"lines per note: min {min(line_counts)}, max {max(line_counts)}, "
            f"mean {sum(line_counts) / len(line_counts):.1f}"
        )
    print("identifier spans per type:")
    for t in sorted(TYPES):
        print(f"  {t:<9} {types.get(t, 0):>6}")
    print(f"  {'TOTAL':<9} {sum(types.values()):>6}")
    print("NAME spans per role: " + ", ".join(f"{k}={v}" for k, v in sorted(roles.items())))
    hist = Counter(min(per_note.get(i, 0), 8) for i in ids)
    print("spans per note (8 = 8+): " + ", ".join(f"{k}:{hist[k]}" for k in sorted(hist)))
    print(f"ignore entries: {n_ign}")
    print(f"words inside identifiers: {w_in}")
    print(f"words inside ignore:      {w_ign}")
    print(f"words outside (ordinary): {w_out}")
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
