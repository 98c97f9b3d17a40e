"""Abbreviations defined in the text itself: learn ``long form (SF)`` definitions and expand later bare uses.

``chronic obstructive pulmonary disease (COPD) ... COPD worsens`` becomes ``chronic obstructive pulmonary disease
(COPD) ... chronic obstructive pulmonary disease worsens``. Definitions are found with the algorithm of Schwartz &
Hearst (2003), either through scispacy's ``AbbreviationDetector`` (the ``sci`` extra) or through a small built-in
implementation (no dependency); ``backend="auto"`` (the default) takes scispacy when it is installed. Both backends
share the expansion rules:

- definitions are learned per record, over its fields in order (a definition in the input also expands the output);
- only uses *after* the definition are expanded, and the definition itself stays as written;
- a short form defined with two different long forms in one record is ambiguous and left alone everywhere;
- a short form must look like an abbreviation (two capitals, or a capital and a digit: ``COPD``, ``IgE``,
  ``HbA1c``, ``H1N1``), so ordinary words in parentheses are never taken for one;
- undefined abbreviations are left alone (the lexicon-based ``expand_abbreviations`` handles known ones), and so is
  a use followed by a parenthesis (``COPD (severe)``).

The cleaner is idempotent: a second run finds the same definitions and no bare use left.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar, Literal

from pydantic import Field

from medtune.cleaning.base import TextCleaner
from medtune.cleaning.config import CleanerOptions, FieldName

__all__ = [
    "DefineAbbreviationsConfig",
    "DefinedAbbreviationExpander",
    "Definition",
    "find_definitions",
    "looks_like_abbreviation",
    "make_define_abbreviations",
    "match_long_form",
]

Backend = Literal["auto", "scispacy", "builtin"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")
_PAREN = re.compile(r"\(([^()]{1,120})\)")
_SENTENCE_START = re.compile(r"(?:[.!?]\s+|\n\s*)$")  # searched in the 40 characters before a use


@dataclass(frozen=True)
class Definition:
    """One in-text definition of an abbreviation.

    Attributes:
        short: The short form as written (``COPD``).
        long: The long form as written (``chronic obstructive pulmonary disease``).
        start: Offset where the definition begins (the long or the short form, whichever comes first).
        end: Offset just past the definition, closing parenthesis included.
    """

    short: str
    long: str
    start: int
    end: int


def looks_like_abbreviation(short: str) -> bool:
    """Whether ``short`` can be an abbreviation: one 2-10 character word, two capitals (or a capital and a digit).

    It starts with a letter and ends with a letter or digit.

    >>> [looks_like_abbreviation(s) for s in ("COPD", "IgE", "HbA1c", "H1N1", "Tylenol", "pain", "A", "see ref")]
    [True, True, True, True, False, False, False, False]
    """
    if not 2 <= len(short) <= 10 or not short[0].isalpha() or not short[-1].isalnum():
        return False
    if any(ch.isspace() for ch in short):
        return False
    if sum(ch.isalpha() for ch in short) < len(short) / 2:
        return False
    capitals = sum(ch.isupper() for ch in short)
    return capitals >= 2 or (capitals == 1 and any(ch.isdigit() for ch in short))


def match_long_form(short: str, candidate: str) -> str | None:
    """The shortest end of ``candidate`` that ``short`` abbreviates (Schwartz & Hearst 2003), or ``None``.

    The characters of the short form are matched right to left against the candidate, in order; its first
    character must start a word of the long form. Characters that are not letters or digits are skipped.

    >>> match_long_form("COPD", "he has chronic obstructive pulmonary disease")
    'chronic obstructive pulmonary disease'
    >>> match_long_form("HbA1c", "a glycated hemoglobin A1c")
    'hemoglobin A1c'
    >>> match_long_form("MRI", "a scan of the head") is None
    True
    """
    s, i = short.lower(), len(candidate) - 1
    low = candidate.lower()
    for j in range(len(s) - 1, -1, -1):
        ch = s[j]
        if not ch.isalnum():
            continue
        while i >= 0 and (low[i] != ch or (j == 0 and i > 0 and low[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
    start = candidate.rfind(" ", 0, i + 1) + 1
    long = candidate[start:].strip()
    return long or None


def _capitals_in_one_word(short: str, long: str) -> bool:
    """Whether the first two capitals of ``short`` match inside one word of a multi-word ``long``.

    That is the known failure of the algorithm's shortest match: ``Syndrome of inappropriate secretion of ADH
    (SIADH)`` gives ``secretion of ADH``, with ``S`` and ``I`` both in ``secretion``.
    """
    if len(long.split()) < 2:
        return False  # "electrocardiogram (ECG)": one word holds every letter
    low, i, hits = long.lower(), len(long) - 1, []
    for j in range(len(short) - 1, -1, -1):
        ch = short[j].lower()
        if not ch.isalnum():
            continue
        while i >= 0 and (low[i] != ch or (j == 0 and i > 0 and low[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        if short[j].isupper():
            hits.append(i)
        i -= 1
    if len(hits) < 2:
        return False
    a, b = hits[-1], hits[-2]  # positions of the first and second capitals
    return " " not in long[a:b]


def _valid(short: str, long: str) -> bool:
    """Filters on a found pair: a long form longer than its short form, not a list, no doubtful match."""
    words = long.split()
    return (
        looks_like_abbreviation(short)
        and len(long) > len(short)
        and not any(ch in long for ch in "()[],;:")
        and short.lower() not in {w.lower() for w in words}
        and not _capitals_in_one_word(short, long)
    )


def find_definitions(text: str) -> list[Definition]:
    """The abbreviation definitions of ``text`` found by the built-in Schwartz & Hearst implementation.

    Both orders are found, within one sentence: ``long form (SF)`` and ``SF (long form)``.

    >>> [(d.short, d.long) for d in find_definitions("Smokers get chronic obstructive pulmonary disease (COPD).")]
    [('COPD', 'chronic obstructive pulmonary disease')]
    >>> [(d.short, d.long) for d in find_definitions("An MRI (magnetic resonance imaging) was normal.")]
    [('MRI', 'magnetic resonance imaging')]
    """
    out = []
    pos = 0
    for sentence in _SENTENCE_END.split(text):
        base = text.find(sentence, pos)
        pos = base + len(sentence)
        for m in _PAREN.finditer(sentence):
            inner = m.group(1).strip()
            inner = re.split(r"[;,]\s", inner, maxsplit=1)[0].strip()  # "(COPD; see below)"
            before = sentence[: m.start()].rstrip()
            if len(inner.split()) <= 2 and looks_like_abbreviation(inner):  # long form (SF)
                max_words = min(len(inner) + 5, 2 * len(inner))
                words = before.split()
                candidate = " ".join(words[-max_words:])
                long = match_long_form(inner, candidate)
                if long and _valid(inner, long):
                    out.append(Definition(inner, long, base + len(before) - len(long), base + m.end()))
            elif before:  # SF (long form)
                short = before.split()[-1].strip("\"'")
                if looks_like_abbreviation(short) and len(inner.split()) <= min(len(short) + 5, 2 * len(short)):
                    long = match_long_form(short, inner)
                    if long == inner and _valid(short, long):
                        out.append(Definition(short, long, base + len(before) - len(short), base + m.end()))
    return out


@lru_cache(maxsize=1)
def _scispacy_pipeline() -> tuple[Any, Any, Any, Any]:
    """``spacy.blank("en")`` + sentencizer, scispacy's detector, and its two helpers: loaded once per process."""
    import spacy
    from scispacy.abbreviation import AbbreviationDetector, filter_matches, find_abbreviation

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp, AbbreviationDetector(nlp), filter_matches, find_abbreviation


def scispacy_definitions(texts: Sequence[str], batch_size: int = 256) -> list[list[Definition]]:
    """The definitions of each text found by scispacy's ``AbbreviationDetector`` (one ``nlp.pipe`` pass).

    The detector keeps only the first definition of a short form; its matcher and ``find_abbreviation`` are run
    here the same way but every definition is kept, so that a short form defined twice is seen as ambiguous.
    A definition whose long form starts in an earlier sentence is dropped.
    """
    nlp, detector, filter_matches, find_abbreviation = _scispacy_pipeline()
    out = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        found = []
        matches = [(m, start + 1, end - 1) for m, start, end in detector.matcher(doc)]
        for long_candidate, short_candidate in filter_matches(matches, doc):
            short, long = find_abbreviation(long_candidate, short_candidate)
            if long is None or len(long) == 0 or long.sent.start != short.sent.start:
                continue
            first, last = (long, short) if long.start < short.start else (short, long)
            end = last.end_char + 1 if doc.text[last.end_char : last.end_char + 1] == ")" else last.end_char
            if _valid(short.text, long.text):
                found.append(Definition(short.text, long.text, first.start_char, end))
        out.append(found)
    return out


def _pairs(defs: list[list[Definition]]) -> set[tuple[str, str]]:
    """The distinct (short form, long form) pairs of a record's definitions, long forms case-folded."""
    return {(d.short, " ".join(d.long.casefold().split())) for text_defs in defs for d in text_defs}


def _lower_first(long: str) -> str:
    """``Chronic obstructive…`` written at a sentence start -> ``chronic obstructive…`` (``Crohn disease`` stays)."""
    words = long.split()
    if len(words) > 1 and words[0][:1].isupper() and words[0][1:].islower() and words[1].islower():
        return long[0].lower() + long[1:]
    return long


class DefinedAbbreviationExpander(TextCleaner):
    """Expand bare uses of abbreviations that the record defines itself (``long form (SF)`` or ``SF (long form)``).

    Args:
        backend: ``"scispacy"`` (scispacy's ``AbbreviationDetector`` on ``spacy.blank("en")`` + sentencizer; needs
            the ``sci`` extra, imported on first use, once per process), ``"builtin"`` (medtune's own
            Schwartz & Hearst implementation, no dependency), or ``"auto"``: scispacy when installed, else builtin.
        fields: Fields to learn from and rewrite, in this order.
        batch_size: Texts per ``nlp.pipe`` batch (scispacy backend).
        name: The cleaner's name.

    Raises:
        MissingExtraError: ``backend="scispacy"`` without scispacy installed.

    Example:
        >>> x = DefinedAbbreviationExpander(backend="builtin")
        >>> x.clean_text("He has chronic kidney disease (CKD). CKD can progress; treat CKD early.")
        'He has chronic kidney disease (CKD). Chronic kidney disease can progress; treat chronic kidney disease early.'
    """

    idempotent: ClassVar[bool] = True

    def __init__(
        self,
        backend: Backend = "auto",
        fields: Sequence[str] = ("input", "output"),
        batch_size: int = 256,
        name: str = "define_abbreviations",
    ) -> None:
        self.name = name
        super().__init__(fields)
        self.batch_size = batch_size
        installed = importlib.util.find_spec("scispacy") is not None
        self.backend = ("scispacy" if installed else "builtin") if backend == "auto" else backend
        if self.backend == "scispacy" and not installed:
            from medtune.errors import MissingExtraError

            raise MissingExtraError(
                "sci", "scispacy", "abbreviation definitions (define_abbreviations backend=scispacy)"
            )

    def definitions(self, texts: Sequence[str]) -> list[list[Definition]]:
        """The definitions found in each text, by the configured backend."""
        if self.backend == "builtin":
            return [find_definitions(t) for t in texts]
        return scispacy_definitions(texts, self.batch_size)

    def clean_text(self, text: str) -> str:
        """Expand bare uses of the abbreviations ``text`` defines."""
        return self.clean_record_texts([text])[0]

    def clean_record_texts(self, texts: list[str]) -> list[str]:
        """Expand within one record (definitions carry over from a field to the next)."""
        return self.clean_texts_batch([texts])[0]

    def clean_texts_batch(self, records: list[list[str]]) -> list[list[str]]:
        """Find the definitions of every text of the batch at once, then expand record by record."""
        flat = [t for texts in records for t in texts]
        found = iter(self.definitions([t if "(" in t else "" for t in flat]))
        defs = [[next(found) for _ in texts] for texts in records]
        out = [self._expand(texts, d) for texts, d in zip(records, defs)]
        # An expansion can move words into the window before a later "(SF)" and so make a definition that was not
        # there (rare, contrived text); such a record is left as it was, which keeps the cleaner idempotent.
        changed = [i for i, (old, new) in enumerate(zip(records, out)) if old != new]
        again = iter(self.definitions([t if "(" in t else "" for i in changed for t in out[i]]))
        for i in changed:
            after = [next(again) for _ in out[i]]
            if _pairs(after) != _pairs(defs[i]):
                out[i] = records[i]
        return out

    @staticmethod
    def _expand(texts: list[str], defs: list[list[Definition]]) -> list[str]:
        longs: dict[str, set[str]] = {}
        first: dict[str, tuple[int, int]] = {}  # short form -> (text index, end of its first definition)
        for i, text_defs in enumerate(defs):
            for d in text_defs:
                longs.setdefault(d.short, set()).add(" ".join(d.long.casefold().split()))
                first.setdefault(d.short, (i, d.end))
        usable = {s: _lower_first(next(d.long for td in defs for d in td if d.short == s)) for s in longs}
        usable = {s: long for s, long in usable.items() if len(longs[s]) == 1}
        if not usable:
            return texts
        alternation = "|".join(map(re.escape, sorted(usable, key=len, reverse=True)))
        rx = re.compile(rf"(?<![\w\-(/])({alternation})(?![\w\-)/]|\s*\()")
        out = []
        for i, text in enumerate(texts):
            spans = [(d.start, d.end) for d in defs[i]]

            def repl(m: re.Match[str], i: int = i, text: str = text, spans: list[tuple[int, int]] = spans) -> str:
                short = m.group(1)
                if (i, m.start()) < first[short] or any(a <= m.start() < b for a, b in spans):
                    return short  # before the definition, or part of one
                long = usable[short]
                before = text[max(0, m.start() - 40) : m.start()]
                if (m.start() <= 40 and not before.strip()) or _SENTENCE_START.search(before):
                    long = long[0].upper() + long[1:]
                return long

            out.append(rx.sub(repl, text))
        return out


class DefineAbbreviationsConfig(CleanerOptions):
    """Options of ``define_abbreviations``."""

    backend: Backend = Field(
        "auto", description="scispacy's AbbreviationDetector (the sci extra), the built-in Schwartz-Hearst, or auto."
    )
    fields: list[FieldName] = Field(default_factory=lambda: ["input", "output"], min_length=1)
    batch_size: int = Field(256, ge=1, le=100_000)


def make_define_abbreviations(cfg: DefineAbbreviationsConfig | None = None) -> DefinedAbbreviationExpander:
    """Build the in-text abbreviation expander (scispacy is only imported when the first batch runs)."""
    cfg = cfg or DefineAbbreviationsConfig()
    return DefinedAbbreviationExpander(cfg.backend, fields=cfg.fields, batch_size=cfg.batch_size)
