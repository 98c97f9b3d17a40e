#!/usr/bin/env python3
"""Convert the WNUT-17 Emerging Entities test split to the pii_sets JSONL format.

TEST SET ONLY: never use these records for tuning rules, thresholds or models.

Source: emerging.test.annotated from github.com/leondz/emerging_entities_17
(one "token<TAB>BIO-label" per line, blank line between documents; the
adjudicated gold labels, the file the HuggingFace "wnut_17" loader uses for
its test split).

Each document becomes one record whose text is its tokens joined by single
spaces. person -> NAME, location -> LOCATION; group, corporation, product and
creative-work entities go to "ignore" (they count neither way).

Usage:
  python3 convert_wnut17.py emerging.test.annotated [--out OUT.jsonl]

Stdlib only.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

TYPE_MAP = {"person": "NAME", "location": "LOCATION"}
KNOWN = {"person", "location", "group", "corporation", "product", "creative-work"}


def read_docs(path: Path) -> list[list[tuple[str, str]]]:
    docs, cur = [], []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            if cur:
                docs.append(cur)
                cur = []
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            sys.exit(f"{path}:{lineno}: expected token<TAB>label, got {line!r}")
        tok, lab = parts
        if not tok or any(c.isspace() for c in tok):
            sys.exit(f"{path}:{lineno}: token with whitespace {tok!r}")
        cur.append((tok, lab))
    if cur:
        docs.append(cur)
    return docs


def bio_entities(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first_token, last_token_exclusive, type); an I- tag that does not
    continue an entity of its own type starts a new one."""
    ents, start, typ = [], None, None
    for i, lab in enumerate(labels + ["O"]):
        if lab == "O" or lab.startswith("B-") or (lab.startswith("I-") and lab[2:] != typ):
            if start is not None:
                ents.append((start, i, typ))
                start, typ = None, None
            if lab != "O":
                start, typ = i, lab[2:]
                if typ not in KNOWN:
                    sys.exit(f"unknown entity type {typ!r}")
        elif not lab.startswith("I-"):
            sys.exit(f"bad label {lab!r}")
    return ents


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", type=Path, help="emerging.test.annotated")
    ap.add_argument("--out", type=Path, default=here.parent / "external" / "wnut17_test.jsonl")
    args = ap.parse_args()

    docs = read_docs(args.src)
    counts: collections.Counter = collections.Counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for n, doc in enumerate(docs):
            toks = [t for t, _ in doc]
            starts, pos = [], 0
            for t in toks:
                starts.append(pos)
                pos += len(t) + 1
            text = " ".join(toks)
            spans, ignore = [], []
            for a, b, typ in bio_entities([lab for _, lab in doc]):
                s, e = starts[a], starts[b - 1] + len(toks[b - 1])
                assert text[s:e] == " ".join(toks[a:b])
                if typ in TYPE_MAP:
                    spans.append({"start": s, "end": e, "type": TYPE_MAP[typ]})
                    counts[TYPE_MAP[typ]] += 1
                else:
                    ignore.append({"start": s, "end": e})
                    counts[f"ignore/{typ}"] += 1
            rec = {"id": f"wnut17-test-{n:04d}", "text": text, "spans": spans, "ignore": ignore}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} records to {args.out}")
    for k in sorted(counts):
        print(f"  {k:24s} {counts[k]}")


if __name__ == "__main__":
    main()
