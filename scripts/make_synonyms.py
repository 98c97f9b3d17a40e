"""Build src/medtune/medical/data/synonyms.tsv: MedQuAD synonym -> preferred term, unambiguous cases only.

Source: the ``<Focus>`` and ``<FocusAnnotations><Synonyms><Synonym>`` names of MedQuAD (CC BY 4.0, Ben Abacha &
Demner-Fushman, BMC Bioinformatics 2019). The preferred term of a synonym is the focus of the document that lists it
(its most frequent spelling when several documents share the focus).

A pair is kept only when it is safe to rewrite or to count as the same term:

- the focus names one concept: not a category or a page title (plural such as ``Arrhythmias``, ``and``/``or``,
  commas, ``?``, `` - `` sub-pages such as ``Osteomyelitis - discharge``, slashes, digits);
- the synonym is a name, not an abbreviation (all-capital or short single words such as ``AML``, ``MAS`` are
  ambiguous across documents), has 1-6 words, no comma, slash, parenthesis, digit or `` - `` qualifier, is not a
  plural category, and is not the focus with a qualifier from the less curated MedlinePlus folders (``full thickness
  skin graft`` is narrower than ``skin graft``);
- MedlinePlus A.D.A.M. pairs (folder 10) only with multi-word synonyms of a disease-like focus (not tests, diets,
  overdoses, procedures);
- the synonym maps to one concept only: every document that lists it has the same focus (foci that differ only in
  punctuation, case or a parenthesised abbreviation count as one), and it is not itself the focus of another
  document (``renal failure``, ``presbycusis``);
- a short hand-made list of related-not-same pairs (``NOT_SYNONYMS``) is left out.

Letters MedQuAD lost (``Behet`` for Behçet) are repaired (``REPAIRS``). Deterministic: the same archive gives the
same file byte for byte. Run: python scripts/make_synonyms.py ../shared/data/MedQuAD.tar.gz
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from medtune.medical.formats import medquad_documents

OUT = Path(__file__).resolve().parents[1] / "src/medtune/medical/data/synonyms.tsv"

_NOT_A_CONCEPT = re.compile(r"\?|,|/|\s-\s|\b(?:and|or|vs|versus)\b|\d|^(?:how|what|when|why|could|can|do|is|are)\b")
_ADAM_TOPIC = re.compile(
    r"\b(?:overdose|poisoning|tests?|diet|your|types?|living|care|surgery|repair|removal|injection|procedure|"
    r"exam|scan|x-ray|biopsy|transplant|replacement|therapy|supplements?)\b"
)
#: Pairs read and rejected by hand: related or narrower, not the same thing.
NOT_SYNONYMS = frozenset(
    {
        "biliary tract",
        "cerebral hemorrhage",
        "cerebral infarction",
        "cerebrovascular disease",
        "ileorectal anastomosis",
        "loss of balance",
        "inability to speak",
    }
)
_REJECTED = "\x00rejected"
_PLURAL = re.compile(r"(?<![su])s$")  # "arrhythmias", "birthmarks"; not "psoriasis", "herpes simplex virus"


#: Names whose accented letter MedQuAD lost (Behçet -> "Behet"), written as they are spelled without accents.
REPAIRS = {
    "alstrm": "alstrom",
    "behet": "behcet",
    "cant": "cantu",
    "mllerian": "mullerian",
    "mnire": "meniere",
    "mnire's": "meniere's",
    "sjgren": "sjogren",
    "sjgren's": "sjogren's",
    "stve": "stuve",
}
_REPAIR = re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, sorted(REPAIRS, key=len, reverse=True))) + r")(?![\w'])")


def clean(name: str) -> str:
    """Lower case, curly apostrophes straightened, parenthesised parts dropped, lost accents repaired, single spaces."""
    name = name.replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"\s+", " ", name).strip().lower()
    return _REPAIR.sub(lambda m: REPAIRS[m.group(1)], name)


def key(name: str) -> str:
    """Concept key: letters and digits only (``ataxia - telangiectasia`` = ``ataxia-telangiectasia``)."""
    return re.sub(r"[^a-z0-9]+", "", clean(name).replace("'s ", " "))


def good_focus(raw: str) -> bool:
    """One concept named, not a category, a question or a sub-page."""
    name = clean(raw)
    return bool(name) and not _NOT_A_CONCEPT.search(name) and not _PLURAL.search(name.split()[-1])


def good_synonym(raw: str) -> bool:
    """A 1-6 word name, not an abbreviation, with nothing that makes it a list or a qualifier."""
    raw = raw.strip()
    if not raw or any(ch in raw for ch in ",/();[]") or re.search(r"\d|\s-|-\s|--", raw):
        return False
    words = raw.split()
    if not 1 <= len(words) <= 6:
        return False
    letters = re.sub(r"[^A-Za-z]", "", raw)
    if len(words) == 1 and (len(raw) < 6 or sum(ch.isupper() for ch in letters) > 1):
        return False  # "AML", "MAS", "HbSS", "afib"-like short forms
    return not any(w.isupper() and len(w) > 1 for w in words)  # "MHS - Malignant hyperthermia", "XLMR with ..."


def read_pairs(archive: str) -> list[tuple[str, list[str], str]]:
    """(focus, synonyms, folder) of every MedQuAD document, sorted by path."""
    docs = []
    for name, content in medquad_documents(Path(archive)):
        try:
            root = ET.fromstring(content)
        except ET.ParseError:
            continue
        focus = root.findtext("Focus") or ""
        synonyms = [s.text for s in root.iterfind("FocusAnnotations/Synonyms/Synonym") if s.text]
        if focus.strip():
            docs.append((name, focus.strip(), synonyms))
    # names read ARCHIVE!FOLDER/FILE.xml (or DIR/FOLDER/FILE.xml): the folder is the file's parent
    return [(focus, synonyms, name.replace("!", "/").split("/")[-2]) for name, focus, synonyms in sorted(docs)]


def good_pair(focus: str, synonym: str, folder: str) -> bool:
    """Whether ``synonym`` may stand for ``focus``.

    MedlinePlus A.D.A.M. "alternative names" (folder ``10_MPlus_ADAM_QA``) often list related or narrower things
    (``Bradycardia`` under ``Arrhythmias``, ``Ferritin`` under ``Iron in diet``): from there only multi-word names of
    a disease-like focus are kept.
    """
    if not (good_focus(focus) and good_synonym(synonym)) or clean(synonym) in NOT_SYNONYMS:
        return False
    syn, foc = clean(synonym), clean(focus)
    plural = _PLURAL.search(syn.split()[-1]) and not re.search(r"\b(?:in|of|the|with)\b", syn)
    if syn.endswith("-" + foc) or plural:
        return False  # "cad-heart attack", "abdominal wall defects" (but "ringing in the ears")
    if folder.startswith(("4_", "10_")) and re.search(rf"\b{re.escape(foc)}\b", syn):
        return False  # "full thickness skin graft" is narrower than "skin graft"
    if folder.startswith("10_"):
        return len(synonym.split()) > 1 and not _ADAM_TOPIC.search(clean(focus))
    return True


def build(docs: list[tuple[str, list[str], str]]) -> dict[str, str]:
    """Synonym -> preferred term, for the unambiguous pairs only."""
    focus_keys = {key(f) for f, _, _ in docs}
    names: dict[str, Counter[str]] = defaultdict(Counter)  # concept key -> spellings of its focus
    concepts: dict[str, set[str]] = defaultdict(set)  # synonym -> concept keys of the documents listing it
    for focus, synonyms, folder in docs:
        k = key(focus)
        names[k][clean(focus)] += 1
        for raw in synonyms:
            concepts[clean(raw)].add(k if good_pair(focus, raw, folder) else _REJECTED)
    table = {}
    for syn, keys in concepts.items():
        if len(keys) != 1 or _REJECTED in keys:
            continue  # listed for two concepts, or once in a pair that failed a rule
        (k,) = keys
        if key(syn) == k or key(syn) in focus_keys:
            continue  # a spelling of its own focus, or a concept of its own
        # the most frequent spelling of the focus; ties go to the first in sort order
        table[syn] = min(names[k].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return table


def render(table: dict[str, str]) -> str:
    """The file's text: header, column names, one ``synonym<TAB>preferred`` line per pair, sorted."""
    header = (
        "# MedQuAD synonym -> preferred term (the focus of the document that lists it), unambiguous pairs only;\n"
        "# lower case, tab-separated. Built by scripts/make_synonyms.py from MedQuAD <Focus>/<Synonym> names\n"
        "# (CC BY 4.0: Ben Abacha A, Demner-Fushman D. A question-entailment approach to question answering.\n"
        "# BMC Bioinformatics 2019;20:511). Rules: see the script's docstring.\n"
        "synonym\tpreferred\n"
    )
    return header + "".join(f"{s}\t{table[s]}\n" for s in sorted(table))


def main(archive: str, out: Path = OUT) -> None:
    """Write the synonym table from the MedQuAD archive."""
    table = build(read_pairs(archive))
    out.write_text(render(table), encoding="utf-8")
    print(f"{len(table)} synonyms -> {len(set(table.values()))} preferred terms, {out.stat().st_size} bytes -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/MedQuAD.tar.gz")
