"""Medical word lists shipped with medtune: terms PII cleaners must keep."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medtune.cleaning.normalize import Lexicon

__all__ = [
    "DATA_DIR",
    "EPONYM_CONTEXT",
    "abbreviation_lexicon",
    "brand_drugs",
    "clinical_abbreviations",
    "is_medical_span",
    "medical_vocabulary",
    "name_vocabulary",
    "protected_terms",
    "synonym_lexicon",
]

DATA_DIR = Path(__file__).parent / "data"

#: Words after a capitalised word that make it an eponym, not a person (``Graves disease``, ``Bell's palsy``).
EPONYM_CONTEXT = re.compile(
    r"^(?:'s|\u2019s|s'|')?[\s-]+(?:disease|syndrome|sign|palsy|lymphoma|sarcoma|phenomenon|test|reflex|ulcer|virus|fever|"
    r"tumou?r|disorder|chorea|dementia|anomaly|deformity|contracture|cyst|triad|esophagus|oesophagus|maneuver|"
    r"manoeuvre|procedure|operation|score|scale|classification|criteria|fracture|node|nodes|canal|duct|gland|"
    r"cell|cells|body|bodies|tube|tubes|membrane|test|neuroma|neuralgia|encephalopathy|thyroiditis|ileitis)\b",
    re.IGNORECASE,
)


def _word_list(name: str) -> set[str]:
    terms = set()
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            terms.add(line)
            terms.add(line.rstrip("'").removesuffix("'s").removesuffix("\u2019s"))
    return terms


@lru_cache(maxsize=1)
def brand_drugs() -> frozenset[str]:
    """Brand names of common medicines (lower case, ~400, curated by hand): ``data/brand_drugs.txt``.

    >>> {"effexor", "boniva", "bactrim", "lovenox", "evista"} <= brand_drugs()
    True
    """
    return frozenset(_word_list("brand_drugs.txt"))


@lru_cache(maxsize=1)
def protected_terms() -> frozenset[str]:
    """The shipped protected terms (lower case): eponym stems, drug names (generic and brand), anatomical eponyms.

    >>> {"parkinson", "crohn", "hodgkin", "metformin", "effexor"} <= protected_terms()
    True
    """
    return frozenset(_word_list("protected_terms.txt")) | brand_drugs()


@lru_cache(maxsize=1)
def abbreviation_lexicon() -> Lexicon:
    """The shipped lexicon of unambiguous clinical abbreviations (``data/abbreviations.tsv``, MIT).

    >>> abbreviation_lexicon().abbreviations["MI"]
    'myocardial infarction'
    """
    from medtune.cleaning.normalize import Lexicon

    table = {}
    for line in (DATA_DIR / "abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("abbreviation\t"):
            continue
        abbr, _, full = line.partition("\t")
        table[abbr.strip()] = full.strip()
    return Lexicon("medical_abbreviations", table, license="MIT (medical abbreviation list)")


@lru_cache(maxsize=1)
def synonym_lexicon() -> Lexicon:
    """The shipped MedQuAD synonyms (``data/synonyms.tsv``, CC BY 4.0): synonym -> preferred term, lower case.

    Only unambiguous pairs are shipped (see ``scripts/make_synonyms.py``): a synonym listed for two concepts, an
    abbreviation, or a name that is itself a MedQuAD focus is left out.

    >>> syn = synonym_lexicon().synonyms
    >>> syn["ringing in the ears"], syn["myocardial infarction"], "aml" in syn
    ('tinnitus', 'heart attack', False)
    """
    from medtune.cleaning.normalize import Lexicon

    table = {}
    for line in (DATA_DIR / "synonyms.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("synonym\t"):
            continue
        synonym, _, preferred = line.partition("\t")
        table[synonym.strip()] = preferred.strip()
    return Lexicon("medical_synonyms", synonyms=table, license="CC BY 4.0 (MedQuAD, Ben Abacha & Demner-Fushman 2019)")


@lru_cache(maxsize=1)
def medical_vocabulary() -> frozenset[str]:
    """Words seen in lower case in MedQuAD and the abbreviation list (~15k): common or medical, not names.

    >>> {"hemoglobin", "kidney", "complete"} <= medical_vocabulary(), "sarah" in medical_vocabulary()
    (True, False)
    """
    text = (DATA_DIR / "medical_vocabulary.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def clinical_abbreviations() -> frozenset[str]:
    """Clinical abbreviations (lower case, ~2.9k) from the MIT abbreviation list, less common names.

    >>> {"htn", "copd", "nkda", "hx"} <= clinical_abbreviations(), "max" in clinical_abbreviations()
    (True, False)
    """
    text = (DATA_DIR / "clinical_abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def name_vocabulary() -> frozenset[str]:
    """Words that are not names: :func:`medical_vocabulary` and :func:`clinical_abbreviations` together.

    The PII cleaners take a word in capitals ("PT: LORI DUNN") or a word after a weak cue ("I'm …", "Thanks, …")
    for a name only when it is outside this set.
    """
    return medical_vocabulary() | clinical_abbreviations()


def is_medical_span(text: str, start: int, end: int, terms: frozenset[str] | None = None) -> bool:
    """Whether ``text[start:end]`` (a name or place candidate) is a medical word and must stay.

    True when every word of the span is a protected term, or the span is followed by an eponym context
    (``'s disease``, ``syndrome``, ``palsy``…).

    >>> t = "She has Crohn's disease; Dr Smith saw her."
    >>> is_medical_span(t, 8, 13), is_medical_span(t, 28, 33)
    (True, False)
    """
    terms = protected_terms() if terms is None else terms
    span = text[start:end]
    words = [w.strip(".,;:'\u2019\"()").lower() for w in span.split()]
    words = [re.sub(r"(?:'s|\u2019s)$", "", w) for w in words if w]
    if words and all(w in terms for w in words):
        return True
    return bool(EPONYM_CONTEXT.match(text[end : end + 40]))
