#!/usr/bin/env python3
"""Convert presidio-research's synthetic PII dataset to the pii_sets JSONL format.

TEST SET ONLY: never use these records for tuning rules, thresholds or models.

Source: data/synth_dataset_v2.json from github.com/microsoft/presidio-research
(1,500 template sentences filled with Faker values; each record has
"full_text" and "spans" with entity_type / start_position / end_position).

Type mapping (see README.md):
  PERSON -> NAME, GPE -> LOCATION, STREET_ADDRESS and ZIP_CODE -> ADDRESS,
  DATE_TIME -> DATE, PHONE_NUMBER -> PHONE, EMAIL_ADDRESS -> EMAIL,
  DOMAIN_NAME -> URL, IP_ADDRESS -> IP,
  CREDIT_CARD, IBAN_CODE, US_SSN, US_DRIVER_LICENSE -> ID,
  AGE -> AGE when the value is over 89, else ignore (HIPAA only protects
  ages over 89; pass --all-ages to map every age to AGE),
  ORGANIZATION, TITLE, NRP -> ignore.

Usage:
  python3 convert_presidio_synth.py synth_dataset_v2.json [--out OUT.jsonl] [--all-ages]

Stdlib only.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

TYPE_MAP = {
    "PERSON": "NAME",
    "GPE": "LOCATION",
    "STREET_ADDRESS": "ADDRESS",
    "ZIP_CODE": "ADDRESS",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "DOMAIN_NAME": "URL",
    "IP_ADDRESS": "IP",
    "CREDIT_CARD": "ID",
    "IBAN_CODE": "ID",
    "US_SSN": "ID",
    "US_DRIVER_LICENSE": "ID",
    "AGE": "AGE",
    "ORGANIZATION": None,
    "TITLE": None,
    "NRP": None,
}


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", type=Path, help="synth_dataset_v2.json")
    ap.add_argument("--out", type=Path, default=here.parent / "external" / "presidio_synth.jsonl")
    ap.add_argument("--all-ages", action="store_true", help="map every AGE span to AGE")
    args = ap.parse_args()

    data = json.loads(args.src.read_text(encoding="utf-8"))
    counts: collections.Counter = collections.Counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for n, rec in enumerate(data):
            text = rec["full_text"]
            spans, ignore = [], []
            for sp in sorted(rec["spans"], key=lambda d: (d["start_position"], d["end_position"])):
                s, e, et = sp["start_position"], sp["end_position"], sp["entity_type"]
                if text[s:e] != sp["entity_value"]:
                    sys.exit(f"record {n}: offset mismatch {sp}")
                if et not in TYPE_MAP:
                    sys.exit(f"record {n}: unknown entity type {et!r}")
                typ = TYPE_MAP[et]
                if typ == "AGE" and not args.all_ages:
                    m = re.fullmatch(r"\d+", text[s:e].strip())
                    if not (m and int(m[0]) > 89):
                        typ = None
                if typ is None:
                    ignore.append({"start": s, "end": e})
                    counts[f"ignore/{et}"] += 1
                else:
                    spans.append({"start": s, "end": e, "type": typ})
                    counts[typ] += 1
            out = {"id": f"presidio-synth-{n:04d}", "text": text, "spans": spans, "ignore": ignore}
            fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"wrote {len(data)} records to {args.out}")
    for k in sorted(counts):
        print(f"  {k:24s} {counts[k]}")


if __name__ == "__main__":
    main()
