#!/usr/bin/env python3
"""Validate benchmarks/pii_sets/general.jsonl (stdlib only).

Usage: python3 benchmarks/pii_sets/check_general.py benchmarks/pii_sets/general.jsonl

Checks: JSON shape, unique ids, integer offsets inside the text, known types,
non-empty span text without leading/trailing whitespace, no span boundary in
the middle of a word, no overlaps (spans with spans, spans with ignore,
ignore with ignore).  Prints counts per type and genre and \\w+ word counts
inside identifiers, inside ignore regions and outside.  Exit status 1 on error.
"""

import json
import re
import sys
from collections import Counter

TYPES = {"NAME", "ADDRESS", "LOCATION", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE"}
KEYS = {"id", "genre", "text", "spans", "ignore"}
WORD = re.compile(r"\w+")


def main(path):
    errors = []
    ids = set()
    n = 0
    type_n, genre_n = Counter(), Counter()
    type_words, genre_id_words = Counter(), Counter()
    words_in = words_out = words_ign = 0
    texts_with_span = 0

    def err(rid, msg):
        if len(errors) < 200:
            errors.append(f"{rid}: {msg}")
        else:
            errors.append("...")

    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip():
                err(f"line {lineno}", "empty line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"line {lineno}", f"bad JSON: {e}")
                continue
            n += 1
            rid = r.get("id", f"line {lineno}") if isinstance(r, dict) else f"line {lineno}"
            if not isinstance(r, dict) or set(r) != KEYS:
                err(rid, f"keys {sorted(r) if isinstance(r, dict) else type(r)} != {sorted(KEYS)}")
                continue
            if not isinstance(r["id"], str) or r["id"] in ids:
                err(rid, "id missing or duplicate")
            ids.add(r["id"])
            text, genre = r["text"], r["genre"]
            if not isinstance(text, str) or not text.strip():
                err(rid, "empty text")
                continue
            if not isinstance(genre, str) or not genre:
                err(rid, "bad genre")
            if not isinstance(r["spans"], list) or not isinstance(r["ignore"], list):
                err(rid, "spans/ignore must be lists")
                continue
            genre_n[genre] += 1
            intervals = []
            ok = True
            for kind, items in (("span", r["spans"]), ("ignore", r["ignore"])):
                for s in items:
                    want = {"start", "end", "type"} if kind == "span" else {"start", "end"}
                    if not isinstance(s, dict) or set(s) != want:
                        err(rid, f"{kind} has keys {s}")
                        ok = False
                        continue
                    a, b = s["start"], s["end"]
                    if not (
                        isinstance(a, int)
                        and isinstance(b, int)
                        and not isinstance(a, bool)
                        and 0 <= a < b <= len(text)
                    ):
                        err(rid, f"{kind} bad offsets {a}-{b} (len {len(text)})")
                        ok = False
                        continue
                    frag = text[a:b]
                    if frag != frag.strip():
                        err(rid, f"{kind} {frag!r} has edge whitespace")
                    if kind == "span" and s["type"] not in TYPES:
                        err(rid, f"unknown type {s['type']}")
                    if a > 0 and text[a - 1].isalnum() and text[a].isalnum():
                        err(rid, f"{kind} {frag!r} starts inside a word")
                    if b < len(text) and text[b - 1].isalnum() and text[b].isalnum():
                        err(rid, f"{kind} {frag!r} ends inside a word")
                    intervals.append((a, b, kind, s.get("type", "IGN")))
            intervals.sort()
            for x, y in zip(intervals, intervals[1:]):
                if y[0] < x[1]:
                    err(rid, f"overlap {x} {y}")
                    ok = False
            if not ok:
                continue
            if r["spans"]:
                texts_with_span += 1
            for s in r["spans"]:
                type_n[s["type"]] += 1
            for m in WORD.finditer(text):
                a, b = m.span()
                lab = None
                for x, y, kind, t in intervals:
                    if x < b and a < y:
                        lab = t
                        break
                if lab is None:
                    words_out += 1
                elif lab == "IGN":
                    words_ign += 1
                else:
                    words_in += 1
                    type_words[lab] += 1
                    genre_id_words[genre] += 1

    print(f"file: {path}")
    print(f"records: {n}  (with at least one identifier: {texts_with_span})")
    print("\nidentifier spans per type (spans / words):")
    for t in sorted(TYPES, key=lambda t: -type_n[t]):
        print(f"  {t:9s} {type_n[t]:6d} {type_words[t]:7d}")
    print(f"  {'total':9s} {sum(type_n.values()):6d} {sum(type_words.values()):7d}")
    print("\nrecords per genre (identifier words):")
    for g, c in sorted(genre_n.items()):
        print(f"  {g:11s} {c:5d} {genre_id_words[g]:7d}")
    print(f"\nwords (\\w+ runs): inside identifiers {words_in}, outside {words_out}, in ignore regions {words_ign}")
    if errors:
        print(f"\nFAILED with {len(errors)} error(s):")
        for e in errors[:200]:
            print("  " + e)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
