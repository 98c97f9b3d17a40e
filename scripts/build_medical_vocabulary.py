"""Build src/medtune/medical/data/medical_vocabulary.txt: words that are common or medical, never names.

A word qualifies when it appears in lower case at least MIN_COUNT times in MedQuAD (CC BY 4.0; answers,
questions, focus names and synonyms) or in the meanings of the medical abbreviation list (MIT), or when it is part
of a drug or supplement name (the focus and synonyms of MedQuAD's MedlinePlus drug and herb collections, any case).
Eponyms and places are written capitalised in those sources, so they stay out. The Presidio cleaner keeps a name
or place candidate only when some word of it is outside this vocabulary, or a name/place context precedes it.

    python scripts/build_medical_vocabulary.py ../shared/data/MedQuAD.tar.gz ../shared/data/medical_abbreviations
"""

from __future__ import annotations

import csv
import re
import sys
import tarfile
from collections import Counter
from pathlib import Path

MIN_COUNT = 3
WORD = re.compile(r"\b[a-z][a-z-]{2,}\b")
DRUG_NAME = re.compile(r"<(?:Focus|Synonym)>([^<]+)</(?:Focus|Synonym)>")
OUT = Path(__file__).resolve().parents[1] / "src/medtune/medical/data/medical_vocabulary.txt"


def main(medquad: str, abbreviations: str) -> None:
    """Count lower-case words and write the vocabulary."""
    counts: Counter[str] = Counter()
    with tarfile.open(medquad) as tar:
        for member in tar:
            if member.isfile() and member.name.endswith(".xml"):
                raw = tar.extractfile(member)
                if raw is not None:
                    xml = raw.read().decode("utf-8", "replace")
                    counts.update(WORD.findall(re.sub(r"<[^>]+>", " ", xml)))
                    if "MPlusDrugs" in member.name or "MPlusHerbs" in member.name:
                        for name in DRUG_NAME.findall(xml):
                            counts.update({w: MIN_COUNT for w in WORD.findall(name.lower())})
    for path in sorted(Path(abbreviations).glob("*.csv")):
        with path.open(encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh):
                counts.update({w: MIN_COUNT for w in WORD.findall(row.get("Meaning") or "")})
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT and not w.startswith("-") and not w.endswith("-"))
    header = (
        "# Lower-case words of MedQuAD (CC BY 4.0, Ben Abacha & Demner-Fushman 2019) and of the medical abbreviation\n"
        f"# list (MIT), seen at least {MIN_COUNT} times, plus the words of MedQuAD's drug and supplement names.\n"
        "# Built by scripts/build_medical_vocabulary.py.\n"
    )
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
