"""What ``medtune clean`` replaced in real records: the raw and the cleaned file, aligned word by word.

Real medical text (ChatDoctor, MedQuAD, PubMedQA abstracts) holds almost no identifiers, so nearly every replacement
in it is damage: an eponym, an acronym or a common word taken for a name, a place or a date. Prints the records
touched, the replacements per placeholder label and the most frequent replaced values, and writes them as JSON.

Usage::

    python benchmarks/pii_real_damage.py RAW.jsonl CLEANED.jsonl --top 40 --json OUT.json
"""

from __future__ import annotations

import argparse
import collections
import difflib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

_TOKEN = re.compile(r"\[[A-Z_]+\]|\S+")
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
FIELDS = ("instruction", "input", "output")


def replacements(raw: str, cleaned: str) -> list[tuple[str, str]]:
    """``(placeholder, replaced words)`` for each run of words that the cleaner replaced in one field.

    >>> replacements("Ask Dr. Wilson about Wilson disease", "Ask Dr. [NAME] about Wilson disease")
    [('[NAME]', 'Wilson')]
    """
    a, b = _TOKEN.findall(raw), _TOKEN.findall(cleaned)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "replace":
            continue
        labels = [x for x in b[j1:j2] if _PLACEHOLDER.fullmatch(x)]
        if labels:
            out.append((labels[0], " ".join(a[i1:i2])[:60]))
    return out


def rows(path: Path) -> Iterator[dict]:
    """The records of a JSONL file. Raises ValueError naming the file and line of one that is not a JSON object."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):  # not splitlines: U+2028
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc.msg}). Fix: one JSON record per line") from None
        if not isinstance(row, dict) or "id" not in row:
            raise ValueError(f"{path}:{number}: a record needs an 'id'. Fix: use medtune's JSONL output and its input")
        yield row


def damage(raw_path: Path, cleaned_path: Path, top: int = 40) -> dict:
    """Replacements of the cleaned file against the raw one, matched by record ``id``."""
    raw = {row["id"]: row for row in rows(raw_path)}
    labels: collections.Counter[str] = collections.Counter()
    values: collections.Counter[tuple[str, str]] = collections.Counter()
    records = touched = words = 0
    for row in rows(cleaned_path):
        before = raw.get(row["id"])
        if before is None:
            continue
        records += 1
        found = []
        for field in FIELDS:
            words += len(_TOKEN.findall(str(before.get(field) or "")))
            found += replacements(str(before.get(field) or ""), str(row.get(field) or ""))
        touched += bool(found)
        labels.update(label for label, _ in found)
        values.update(found)
    return {
        "records": records,
        "records_touched": touched,
        "words": words,
        "replacements": dict(labels.most_common()),
        "top": [{"label": k[0], "value": k[1], "count": n} for k, n in values.most_common(top)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw", type=Path)
    parser.add_argument("cleaned", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    try:
        result = damage(args.raw, args.cleaned, args.top)
    except (OSError, ValueError) as exc:
        parser.error(str(exc))
    print(f"{result['records_touched']} of {result['records']} records touched; {result['words']} words")
    print(json.dumps(result["replacements"]))
    for item in result["top"]:
        print(f"{item['count']:6d} {item['label']:12s} {item['value']!r}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
