"""A spaCy NER model as an identifier detector: names, places, facilities and dates, batched with ``nlp.pipe``.

The model is any spaCy pipeline with an ``ner`` component, loaded from an installed package or a directory; it is
never downloaded. Upper-case stretches of text ("PT SEEN BY DR LOPEZ") are truecased first with
:func:`medtune.cleaning.presidio.restore_case`, at the same length, so that spans map back one to one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from medtune.cleaning.lexicons import strip_clitic

__all__ = ["NER_LABELS", "NERDetector", "sentence_spans", "truecase"]

#: spaCy entity label -> medtune placeholder label. Other labels are ignored.
NER_LABELS: dict[str, str] = {
    "PERSON": "NAME",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "DATE": "DATE",
}

_MONTH = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b(?=.*\d)|(?<=\d)\s+(?i:jan|feb|mar|apr|"
    r"may|jun|jul|aug|sep|oct|nov|dec)"
)
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b")
_DURATION = re.compile(r"(?i)\b(?:years?|months?|weeks?|days?|hours?|hrs?|ago|old|yo|y/o|daily|times?)\b")


def _date_like(value: str) -> bool:
    """Whether an NER date is a calendar date more precise than a year ("3/14", "March 14"), not a duration."""
    if _DURATION.search(value) or not any(ch.isdigit() for ch in value):
        return False
    return bool(_MONTH.search(value) or _NUMERIC_DATE.search(value))


class NERDetector:
    """Run a spaCy NER model over many texts and return medtune-labelled spans.

    Args:
        model: An installed spaCy package name or a model directory.
        vocabulary: Lower-case common and domain words, for truecasing upper-case text.
        abbreviations: Lower-case abbreviations kept in capitals by truecasing.
        truecase: Whether to truecase upper-case stretches before NER.
        batch_size: Texts per ``nlp.pipe`` batch.
        labels: spaCy labels to report (default: the keys of :data:`NER_LABELS`).
        gate: ``gate(sentence) -> bool``: only the sentences (and lines) for which it returns True go through NER;
            ``None`` sends whole texts. A gate must pass every sentence that can hold a name, a place or a date.
    """

    def __init__(
        self,
        model: str | Path,
        *,
        vocabulary: Iterable[str] = (),
        abbreviations: Iterable[str] = (),
        truecase: bool = True,
        batch_size: int = 256,
        labels: Iterable[str] | None = None,
        gate: Callable[[str], bool] | None = None,
    ) -> None:
        self.model = str(model)
        self.vocabulary = frozenset(vocabulary)
        self.abbreviations = frozenset(abbreviations)
        self.truecase = truecase
        self.batch_size = batch_size
        self.labels = frozenset(NER_LABELS if labels is None else labels)
        self.gate = gate
        self._nlp: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_nlp"] = None  # rebuilt in each worker process
        return state

    def nlp(self) -> Any:
        """The loaded spaCy pipeline, with only ``ner`` (and what feeds it) enabled."""
        if self._nlp is None:
            from medtune._extras import require
            from medtune.errors import ConfigError

            spacy = require("spacy", "pii", "PII removal with an NER model")
            try:
                nlp = _load_quietly(spacy, self.model)
            except OSError as exc:
                raise ConfigError(
                    f"NER model {self.model!r} could not be loaded (medtune never downloads models): "
                    f"{str(exc).rstrip('. ')}. "
                    "Fix: pass an installed spaCy package name or a model directory."
                ) from exc
            if "ner" not in nlp.pipe_names:
                raise ConfigError(f"NER model {self.model!r} has no 'ner' component. Fix: use an NER model.")
            from medtune.cleaning.presidio import _feeds_ner

            for pipe in list(nlp.pipe_names):
                if pipe != "ner" and not _feeds_ner(nlp, pipe):
                    nlp.disable_pipe(pipe)
            self._nlp = nlp
        return self._nlp

    def prepare(self, text: str) -> str:
        """The text NER sees: case-less stretches truecased (same length); see :func:`truecase`."""
        return truecase(text, self.vocabulary, self.abbreviations) if self.truecase else text

    def find_batch(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """``(start, end, label)`` spans per text; dates only when they are calendar dates."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        pieces: list[str] = []
        owners: list[tuple[int, int]] = []  # (text index, offset of the piece in the text)
        for i, text in enumerate(texts):
            if not text.strip():
                continue
            seen = self.prepare(text)
            for a, b in sentence_spans(seen) if self.gate is not None else [(0, len(seen))]:
                piece = seen[a:b]
                if piece.strip() and (self.gate is None or self.gate(piece)):
                    pieces.append(piece)
                    owners.append((i, a))
        distinct = list(dict.fromkeys(pieces))  # a sentence repeated across texts (boilerplate) is read once
        spans = dict(zip(distinct, map(self._spans, self.nlp().pipe(distinct, batch_size=self.batch_size))))
        for (i, offset), piece in zip(owners, pieces):
            out[i] += [(a + offset, b + offset, label) for a, b, label in spans[piece]]
        return out

    def _spans(self, doc: Any) -> list[tuple[int, int, str]]:
        """The kept entities of one analysed piece, as ``(start, end, label)`` in the piece."""
        found = []
        for ent in doc.ents:
            if ent.label_ not in self.labels or ent.label_ not in NER_LABELS:
                continue
            label = NER_LABELS[ent.label_]
            if label == "DATE" and not _date_like(ent.text):
                continue
            found.append((ent.start_char, ent.end_char, label))
        return found


def _load_quietly(spacy: Any, model: str) -> Any:
    """``spacy.load`` without importing every package that registers a spaCy factory.

    spaCy imports the ``spacy_factories`` entry points of all installed packages when it builds a pipeline; with
    Presidio installed that pulls in Presidio and transformers (seconds, in every worker). An NER model needs only
    spaCy's own factories, so the entry points are skipped while it loads (and used again after).
    """
    registry = getattr(spacy.util.registry, "_entry_point_factories", None)
    before = getattr(registry, "entry_points", None)
    if registry is not None:
        registry.entry_points = False
    try:
        return spacy.load(model)
    finally:
        if registry is not None:
            registry.entry_points = before


_LOWER_SEGMENT = re.compile(r"[^.!?\n]*[.!?\n]+|[^.!?\n]+")
_TOKEN = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*")


def truecase(text: str, vocabulary: frozenset[str], abbreviations: frozenset[str] = frozenset()) -> str:
    """Give case-less text the case NER expects, at the same length, so that spans map back one to one.

    Stretches mostly in capitals go through :func:`medtune.cleaning.presidio.restore_case` (vocabulary words in
    lower case, abbreviations in capitals, other words capitalised). Sentences of three or more words with no
    capital at all ("thanks nikolai, see you in tampere") get their words outside the vocabulary capitalised.

    >>> truecase("thanks nikolai, see you in tampere", frozenset({"thanks", "see", "you", "in"}))
    'thanks Nikolai, see you in Tampere'
    """
    from medtune.cleaning.presidio import restore_case

    text = restore_case(text, vocabulary, abbreviations)
    out = []
    for seg in _LOWER_SEGMENT.findall(text) or [text]:
        words = _TOKEN.findall(seg)
        if len(words) < 3 or any(ch.isupper() for ch in seg):
            out.append(seg)
            continue
        out.append(_TOKEN.sub(lambda m: _capitalise(m.group(), vocabulary), seg))
    joined = "".join(out)
    return joined if len(joined) == len(text) else text


def _capitalise(word: str, vocabulary: frozenset[str]) -> str:
    key = strip_clitic(word)
    if len(key) < 2 or key in vocabulary:
        return word
    return word[0].upper() + word[1:]


#: Where NER's sentences end: after ".", "!" or "?" (not after "Dr.", "Mrs." or an initial), and at line breaks.
_BREAK = re.compile(r"(?<=[.!?])(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z]\.)(?<!\bMrs\.)\s+(?=\S)|\n+")


def sentence_spans(text: str, breaks: re.Pattern[str] = _BREAK) -> list[tuple[int, int]]:
    """``(start, end)`` of the pieces of ``text`` between the matches of ``breaks`` (sentences and lines).

    >>> t = "Dr. Smith saw me. I went home! Mrs. Lee called."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Dr. Smith saw me.', 'I went home!', 'Mrs. Lee called.']
    """
    spans, start = [], 0
    for m in breaks.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans
