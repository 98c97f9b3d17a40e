#!/usr/bin/env python3
"""Convert the PhysioNet deid 1.1 gold-standard corpus to the pii_sets JSONL format.

TEST SET ONLY: never use these records for tuning rules, thresholds or models.

Source: the deid 1.1 software package (Neamatullah et al. 2008), which ships
  id.text        2,434 MIMIC-II nursing notes with surrogate ("re-identified") PHI
  id-phi.phrase  gold PHI: "<patient> <note> <start> <end> <category> <text>"
  id.deid        gold PHI locations, category-blind (used here as a cross-check)
Offsets are character offsets into the note body, i.e. the text that follows
the "START_OF_RECORD=P||||N||||\\n" header line, up to "||||END_OF_RECORD".

Usage:
  python3 convert_deid.py SRC_DIR [--out OUT.jsonl] [--keep-src-type]

SRC_DIR must contain id.text and id-phi.phrase (id.deid is optional).
Stdlib only.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

RECORD_RE = re.compile(r"START_OF_RECORD=(\d+)\|\|\|\|(\d+)\|\|\|\|\n(.*?)\|\|\|\|END_OF_RECORD", re.S)

# deid category -> (type, role or None)
CATEGORY_MAP = {
    "PTName": ("NAME", "patient"),
    "PTNameInitial": ("NAME", "patient"),
    "HCPName": ("NAME", "clinician"),
    "RelativeProxyName": ("NAME", "relative"),
    "Location": ("LOCATION", None),
    "Date": ("DATE", None),
    "DateYear": ("DATE", None),  # year-only dates such as "1992" or "92"
    "Phone": ("PHONE", None),
    "Age": ("AGE", None),  # all gold ages are > 89
    "Other": ("ID", None),  # e.g. a reference number, a policy number
}


def read_notes(path: Path) -> dict[tuple[str, str], str]:
    text = path.read_text(encoding="ascii")
    notes = {(m[1], m[2]): m[3] for m in RECORD_RE.finditer(text)}
    n_headers = text.count("START_OF_RECORD=")
    if len(notes) != n_headers:
        sys.exit(f"parsed {len(notes)} notes but found {n_headers} headers")
    return notes


def trim(body: str, start: int, end: int, typ: str) -> tuple[int, int]:
    """Trim whitespace and punctuation the annotators swept into a span.

    Examples from the gold file: "ROSSETTI. " -> "ROSSETTI", "WELSH:" -> "WELSH",
    "(201-223-4567)" -> "201-223-4567", "202232-4455)" -> "202232-4455",
    "410-555-9876." -> "410-555-9876". Abbreviation dots are kept:
    "S." (initial), "St." (Saint), "nov." (month).
    """
    while True:
        old = (start, end)
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        seg = body[start:end]
        if seg[-1:] in (",", ";", ":"):
            end -= 1
        elif seg[:1] == "(" and seg[-1:] == ")":
            start, end = start + 1, end - 1
        elif seg[-1:] == ")" and "(" not in seg:
            end -= 1
        elif seg[:1] == "(" and ")" not in seg:
            start += 1
        elif seg[-1:] == ".":
            last_word = re.split(r"[\s\-]", seg[:-1])[-1]
            if typ == "PHONE" or len(last_word) > 3:
                end -= 1
        if (start, end) == old:
            return start, end


def read_gold(path: Path) -> list[tuple[str, str, int, int, str, str]]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split(" ", 5)
        if len(parts) != 6:
            sys.exit(f"{path}:{lineno}: unexpected line {line!r}")
        pid, nid, s, e, cat, phrase = parts
        rows.append((pid, nid, int(s), int(e), cat, phrase))
    return rows


def _joinable(body: str, left: dict, right: dict) -> bool:
    """True when two consecutive gold words form one phrase.

    Same type and role, and the gap between them is only spaces/tabs
    ("Sacred Heart", "410 202-6694", "may 16"), or a dot plus spaces after a
    one- or two-letter last word ("C. KOZICKI", "ST. MARY"). Gaps with a newline or
    a comma are never joined ("1957, 1971" stays two dates).
    """
    if left["type"] != right["type"] or left.get("role") != right.get("role"):
        return False
    gap = body[left["end"] : right["start"]]
    if re.fullmatch(r"[ \t]*", gap):
        return True
    word = body[left["start"] : left["end"]].split()[-1]
    return bool(re.fullmatch(r"\.[ \t]+", gap)) and word.isalpha() and len(word) <= 2


def read_deid_locations(path: Path) -> set[tuple[str, str, int, int]]:
    locs = set()
    cur = None
    for line in path.read_text(encoding="ascii").splitlines():
        m = re.match(r"Patient\s+(\d+)\s+Note\s+(\d+)", line)
        if m:
            cur = (m[1], m[2])
            continue
        if line.strip():
            a = line.split()
            locs.add((cur[0], cur[1], int(a[1]), int(a[2])))
    return locs


def main() -> None:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("src", type=Path, help="folder holding id.text and id-phi.phrase")
    ap.add_argument("--out", type=Path, default=here.parent / "external" / "deid.jsonl")
    ap.add_argument(
        "--keep-src-type", action="store_true", help="add the original deid category to each span as 'src_type'"
    )
    ap.add_argument("--word-level", action="store_true", help="keep the gold standard's one-span-per-word granularity")
    args = ap.parse_args()

    notes = read_notes(args.src / "id.text")
    gold = read_gold(args.src / "id-phi.phrase")

    # 1. every gold phrase must be exactly the text at its offsets
    for pid, nid, s, e, cat, phrase in gold:
        got = notes[(pid, nid)][s:e]
        if got != phrase:
            sys.exit(f"offset mismatch {pid}/{nid} {s}-{e}: {phrase!r} vs {got!r}")
        if cat not in CATEGORY_MAP:
            sys.exit(f"unknown category {cat!r}")
    # 2. the categorised file must agree with the category-blind gold standard
    deid_path = args.src / "id.deid"
    if deid_path.exists():
        locs = read_deid_locations(deid_path)
        mine = {(p, n, s, e) for p, n, s, e, _, _ in gold}
        if locs != mine:
            sys.exit(f"id.deid and id-phi.phrase disagree: {len(locs ^ mine)} locations")

    per_note: dict[tuple[str, str], list[dict]] = collections.defaultdict(list)
    n_trimmed = 0
    for pid, nid, s, e, cat, _ in gold:
        typ, role = CATEGORY_MAP[cat]
        body = notes[(pid, nid)]
        ts, te = trim(body, s, e, typ)
        n_trimmed += (ts, te) != (s, e)
        span = {"start": ts, "end": te, "type": typ}
        if role:
            span["role"] = role
        if args.keep_src_type:
            span["src_type"] = cat
        per_note[(pid, nid)].append(span)

    # merge overlapping spans of one type (one case in the corpus:
    # "Kessler-Adventist" + "Adventist Hosp" -> "Kessler-Adventist Hosp")
    n_merged = 0
    for key, spans in per_note.items():
        spans.sort(key=lambda d: (d["start"], d["end"]))
        out: list[dict] = []
        for sp in spans:
            if out and sp["start"] < out[-1]["end"]:
                if sp["type"] != out[-1]["type"]:
                    sys.exit(f"overlapping spans of different types in {key}: {out[-1]} {sp}")
                out[-1]["end"] = max(out[-1]["end"], sp["end"])
                n_merged += 1
            else:
                out.append(sp)
        per_note[key] = out

    # the gold standard is word-level ("Sacred" / "Heart" / "Memorial" are three
    # PHI); join runs of one type and role into phrase-level spans unless
    # --word-level is given
    n_joined = 0
    if not args.word_level:
        for key, spans in per_note.items():
            body = notes[key]
            out = []
            for sp in spans:
                if out and _joinable(body, out[-1], sp):
                    out[-1]["end"] = sp["end"]
                    if "src_type" in sp and sp["src_type"] not in out[-1]["src_type"].split("+"):
                        out[-1]["src_type"] += "+" + sp["src_type"]
                    n_joined += 1
                else:
                    out.append(sp)
            per_note[key] = out

    def sort_key(k: tuple[str, str]) -> tuple[int, int]:
        return int(k[0]), int(k[1])

    counts: collections.Counter = collections.Counter()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for key in sorted(notes, key=sort_key):
            text = notes[key]
            spans = per_note.get(key, [])
            for sp in spans:
                assert 0 <= sp["start"] < sp["end"] <= len(text)
                assert text[sp["start"] : sp["end"]].strip() == text[sp["start"] : sp["end"]]
                counts[sp["type"]] += 1
                if "role" in sp:
                    counts[f"NAME/{sp['role']}"] += 1
            rec = {"id": f"deid-{key[0]}-{key[1]}", "text": text, "spans": spans, "ignore": []}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    print(f"wrote {len(notes)} records to {args.out}")
    print(
        f"gold phrases: {len(gold)}, trimmed: {n_trimmed}, merged overlaps: {n_merged}, "
        f"words joined into phrases: {n_joined}"
    )
    for k in sorted(counts):
        print(f"  {k:20s} {counts[k]}")


if __name__ == "__main__":
    main()
