"""Build src/medtune/medical/data/clinical_abbreviations.txt: clinical abbreviations that are never names.

The PII cleaners treat a word in capitals after a weak cue ("PT HTN", "PATIENT NKDA") as a name only when it is
outside the medical vocabulary; this list adds the abbreviations themselves (2-8 letters, written in capitals in
the source). Abbreviations that are also common given names or surnames (ED, AL, MAX, PAM…) are left out so that
"PT: MAX RICE" is still caught.

    python scripts/build_clinical_abbreviations.py ../shared/data/medical_abbreviations
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/medtune/medical/data/clinical_abbreviations.txt"
#: Abbreviations that are also common names: a name must win.
NAMES = set(
    """
    al ed don ted sam ben ann ana eva lee kim may ray joy amy jo abe liz pat sue tom tim jim kay lou mac max ali gina
    nash orr pam rice sara le jan dan bob rob ron ken jon meg val art gus hal ida ira ned les lin mae roy sal van
    bill will mark dee eli fay gil jay kit lyn mo nan rex ty zoe
    """.split()  # noqa: SIM905
)
#: Note-writing shorthand the list lacks (history, diagnosis, treatment…), written for medtune.
EXTRA = set(
    """
    hx dx tx rx sx fx px bx ddx nkda nka pmh psh fhx shx ros hpi cc yo yrs wks hrs mins pta prn bid tid qid qd qhs
    po npo sob doe cp abd ext neuro psych appt f/u fu w/u wu
    """.split()  # noqa: SIM905
)


def main(folder: str) -> None:
    """Collect the abbreviations and write the list."""
    words: set[str] = set()
    for path in sorted(Path(folder).glob("*.csv")):
        with path.open(encoding="utf-8", errors="replace") as fh:
            for row in csv.DictReader(fh):
                cell = (row.get("Abbreviation/Shorthand") or "").strip()
                for tok in re.split(r"[\s,;/]+|\bor\b", cell):
                    tok = tok.strip(".()")
                    if re.fullmatch(r"[A-Z]{2,8}", tok) and tok.lower() not in NAMES:
                        words.add(tok.lower())
    words |= {w for w in EXTRA if w.isalpha()}
    header = (
        "# Clinical abbreviations (2-8 capital letters) from the medical abbreviation list (MIT, see\n"
        "# LICENSE-medical-abbreviations.txt), lower-cased, less those that are common names.\n"
        "# Built by scripts/build_clinical_abbreviations.py.\n"
    )
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} abbreviations -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
