"""Domain-neutral filters: empty, length, output copying the input, duplicates, language."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field, model_validator

from medtune.cleaning.base import CleanerBase, CleanerOptions, Drop, FieldName, Row, get_texts

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "CopiesInputConfig",
    "CopiesInputFilter",
    "DedupConfig",
    "DedupFilter",
    "EmptyConfig",
    "EmptyFilter",
    "EnglishFilter",
    "LanguageConfig",
    "LengthConfig",
    "LengthFilter",
    "count_tokens",
]


# --- options, next to their cleaners ------------------------------------------------------------------------


class EmptyConfig(CleanerOptions):
    """Options of ``empty``."""

    fields: list[Literal["prompt", "instruction", "input", "output"]] = Field(
        default_factory=lambda: ["prompt", "output"], min_length=1
    )


class LengthConfig(CleanerOptions):
    """Options of ``length``."""

    min_tokens: int = Field(1, ge=0, le=10_000_000)
    max_tokens: int | None = Field(None, ge=1, le=10_000_000)
    fields: list[FieldName] = Field(default_factory=lambda: ["output"], min_length=1)
    tokenizer: Literal["whitespace", "chars"] = "whitespace"

    @model_validator(mode="after")
    def _bounds(self) -> LengthConfig:
        if self.max_tokens is not None and self.max_tokens < self.min_tokens:
            raise ValueError(f"max_tokens ({self.max_tokens}) is below min_tokens ({self.min_tokens})")
        return self


class CopiesInputConfig(CleanerOptions):
    """Options of ``copies_input``."""

    threshold: float = Field(0.9, gt=0.0, le=1.0)
    min_words: int = Field(5, ge=1, le=10_000)


class DedupConfig(CleanerOptions):
    """Options of ``dedup``."""

    fields: list[FieldName] = Field(default_factory=lambda: ["instruction", "input", "output"], min_length=1)
    near: bool = False
    threshold: float = Field(0.85, gt=0.0, le=1.0)
    num_perm: int = Field(64, ge=16, le=1024)


class LanguageConfig(CleanerOptions):
    """Options of ``language``."""

    fields: list[FieldName] = Field(default_factory=lambda: ["input", "output"], min_length=1)
    min_ratio: float = Field(0.15, ge=0.0, le=1.0)
    min_words: int = Field(8, ge=1, le=10_000)
    detector: Literal["auto", "lingua", "heuristic"] = Field(
        "auto", description="lingua when installed (auto), lingua (required), or the function-word heuristic."
    )
    languages: list[str] = Field(
        default_factory=lambda: ["en", "es", "fr", "de", "it", "pt", "nl"],
        min_length=2,
        description="lingua: ISO 639-1 codes to choose among (must include en).",
    )


_WS = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _norm(text: str) -> str:
    """Case-, width- and whitespace-insensitive form used for comparisons."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def count_tokens(text: str, tokenizer: str = "whitespace") -> int:
    r"""Count tokens: ``"whitespace"`` (words) or ``"chars"`` (characters).

    >>> count_tokens("Take  two tablets\n daily"), count_tokens("abc", "chars")
    (4, 3)
    """
    if tokenizer == "chars":
        return len(text)
    return len(text.split())


class EmptyFilter(CleanerBase):
    """Drop records whose output is empty or blank, or that have no prompt text at all.

    Args:
        fields: Fields that must be non-blank. ``"prompt"`` means instruction or input (either will do).
    """

    name = "empty"

    def __init__(self, fields: Sequence[str] = ("prompt", "output")) -> None:
        self.fields = tuple(fields)

    def __call__(self, row: Row) -> Row | Drop:
        """Keep the row, or drop it when a required field is blank."""
        for f in self.fields:
            texts = get_texts(row, ("instruction", "input")) if f == "prompt" else get_texts(row, (f,))
            if not any(t.strip() for t in texts):
                return Drop(f"empty {f}")
        return row


class LengthFilter(CleanerBase):
    """Drop records that are too short or too long, in tokens.

    Args:
        min_tokens: Drop when the counted text has fewer tokens.
        max_tokens: Drop when it has more (``None``: no upper bound).
        fields: Fields counted together (default: the output).
        tokenizer: ``"whitespace"`` (default) or ``"chars"``.
    """

    name = "length"

    def __init__(
        self,
        min_tokens: int = 1,
        max_tokens: int | None = None,
        fields: Sequence[str] = ("output",),
        tokenizer: Literal["whitespace", "chars"] = "whitespace",
    ) -> None:
        self.min_tokens = min_tokens
        self.max_tokens = max_tokens
        self.fields = tuple(fields)
        self.tokenizer = tokenizer

    def __call__(self, row: Row) -> Row | Drop:
        """Keep the row, or drop it when its token count is out of bounds."""
        n = sum(count_tokens(t, self.tokenizer) for t in get_texts(row, self.fields))
        what = "+".join(self.fields)
        if n < self.min_tokens:
            return Drop(f"too short: {what} < {self.min_tokens} tokens")
        if self.max_tokens is not None and n > self.max_tokens:
            return Drop(f"too long: {what} > {self.max_tokens} tokens")
        return row


class CopiesInputFilter(CleanerBase):
    """Drop records whose output repeats the input (or the instruction).

    Args:
        threshold: Word-set Jaccard similarity at or above which the output counts as a copy (1.0: only
            identical text after case and whitespace normalization).
        min_words: Outputs shorter than this are only dropped when identical (short answers overlap by chance).
    """

    name = "copies_input"

    def __init__(self, threshold: float = 0.9, min_words: int = 5) -> None:
        self.threshold = threshold
        self.min_words = min_words

    def __call__(self, row: Row) -> Row | Drop:
        """Keep the row, or drop it when the output repeats a prompt field."""
        outputs = [_norm(t) for t in get_texts(row, ("output",))]
        prompts = [_norm(t) for t in get_texts(row, ("input", "instruction")) if t.strip()]
        for out in outputs:
            if not out:
                continue
            out_words = set(_WORD.findall(out))
            for prompt in prompts:
                if out == prompt:
                    return Drop("output copies the input")
                if len(out_words) >= self.min_words and self.threshold < 1.0:
                    p_words = set(_WORD.findall(prompt))
                    union = out_words | p_words
                    if union and len(out_words & p_words) / len(union) >= self.threshold:
                        return Drop("output copies the input")
        return row


_SHINGLE_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 5) -> set[str]:
    """Word ``n``-grams of ``text`` (letters and digits: ``trisomy 13`` and ``trisomy 18`` differ).

    >>> sorted(shingles("Take 2 tablets daily", 3))
    ['2 tablets daily', 'Take 2 tablets']
    """
    words = _SHINGLE_WORD.findall(text)
    return {" ".join(words[j : j + n]) for j in range(max(1, len(words) - n + 1))}


class DedupFilter:
    """Drop exact duplicates and, optionally, near duplicates; the first occurrence is kept.

    Near duplicates are found with MinHash LSH over word 5-grams (``datasketch``), then each candidate is checked:
    a record is a near duplicate only when the exact Jaccard similarity of its 5-grams with a kept record is at least
    ``threshold`` (LSH alone also returns pairs well below it). Runs over the whole dataset in the main process
    (``scope = "dataset"``), so the result does not depend on ``num_proc``.

    Args:
        fields: Fields compared (default: instruction, input and output together).
        near: Also drop near duplicates (needs ``datasketch``: the ``clean`` extra).
        threshold: Jaccard similarity of word 5-grams at or above which a record is a near duplicate.
        num_perm: MinHash permutations (more: slower, fewer candidates to check).
    """

    name = "dedup"
    scope: ClassVar[Literal["dataset"]] = "dataset"
    idempotent: ClassVar[bool] = True

    def __init__(
        self,
        fields: Sequence[str] = ("instruction", "input", "output"),
        near: bool = False,
        threshold: float = 0.85,
        num_perm: int = 64,
    ) -> None:
        self.fields = tuple(fields)
        self.near = near
        self.threshold = threshold
        self.num_perm = num_perm
        if near:
            from medtune._extras import require

            require("datasketch", "clean", "near-duplicate detection (dedup near=true)")

    def drop_reasons(self, rows: Iterable[Row]) -> Iterator[str | None]:
        """``None`` for the first occurrence of each text, a reason for the repeats."""
        seen: set[bytes] = set()
        lsh = None
        kept: dict[str, np.ndarray] = {}  # LSH key -> sorted 64-bit hashes of the kept record's 5-grams
        if self.near:
            import numpy as np
            from datasketch import MinHash, MinHashLSH

            lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
            template = MinHash(num_perm=self.num_perm, seed=1)  # its permutations are computed once, not per record
            reuse = {"permutations": template.permutations}
            if hasattr(template, "scheme"):  # datasketch >= 2
                reuse["scheme"] = template.scheme
        for i, row in enumerate(rows):
            text = "\x1f".join(_norm(t) for t in get_texts(row, self.fields))
            key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            if key in seen:
                yield "exact duplicate"
                continue
            seen.add(key)
            if lsh is None:
                yield None
                continue
            h64 = [
                int.from_bytes(hashlib.blake2b(g.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
                for g in shingles(text)
            ]
            hashes = np.unique(np.array(h64, dtype=np.uint64))
            # one hash per 5-gram, reused for MinHash
            mh = MinHash(num_perm=self.num_perm, seed=1, hashfunc=int, **reuse)
            mh.update_batch([h & 0xFFFFFFFF for h in h64])
            if any(self._similar(hashes, kept[k]) for k in lsh.query(mh)):
                yield "near duplicate"
                continue
            lsh.insert(str(i), mh)
            kept[str(i)] = hashes
            yield None

    def _similar(self, a: np.ndarray, b: np.ndarray) -> bool:
        """Whether two sorted, unique hash arrays have a Jaccard similarity of at least ``threshold``."""
        if min(len(a), len(b)) < self.threshold * max(len(a), len(b)):
            return False  # min/max bounds the Jaccard similarity from above
        import numpy as np

        inter = len(np.intersect1d(a, b, assume_unique=True))
        return inter >= self.threshold * (len(a) + len(b) - inter)

    def __repr__(self) -> str:
        return f"DedupFilter(near={self.near})"


# A few hundred of the most frequent English function words: enough to tell English prose from other languages.
_EN_STOPWORDS = frozenset(
    """
    the be to of and a in that have i it for not on with he as you do at this but his by from they we say her
    she or an will my one all would there their what so up out if about who get which go me when make can like
    time no just him know take people into year your good some could them see other than then now look only come
    its over think also back after use two how our work first well way even new want because any these give day
    most us is are was were has had been am did does should may might must very more much many i'm it's don't
    can't your doctor pain have has having feel feeling what how why my me
    """.split()  # noqa: SIM905
)


# Frequent function words of languages that share the Latin script (and words English rarely uses).
_FOREIGN_STOPWORDS: dict[str, frozenset[str]] = {
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "y",
            "que",
            "en",
            "un",
            "una",
            "por",
            "con",
            "para",
            "es",
            "está",
            "son",
            "pero",
            "como",
            "muy",
            "desde",
            "hace",
            "qué",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "et",
            "que",
            "qui",
            "en",
            "un",
            "une",
            "pour",
            "avec",
            "est",
            "sont",
            "mais",
            "dans",
            "je",
            "vous",
            "nous",
            "pas",
            "cela",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "ich",
            "sie",
            "es",
            "mit",
            "ein",
            "eine",
            "den",
            "dem",
            "zu",
            "von",
            "auf",
            "für",
            "seit",
            "was",
            "soll",
            "wird",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "lo",
            "la",
            "gli",
            "le",
            "di",
            "e",
            "che",
            "è",
            "un",
            "una",
            "per",
            "con",
            "non",
            "sono",
            "mi",
            "ho",
            "del",
            "della",
            "questo",
            "anche",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "os",
            "a",
            "as",
            "de",
            "do",
            "da",
            "e",
            "que",
            "em",
            "um",
            "uma",
            "para",
            "com",
            "não",
            "é",
            "são",
            "mas",
            "muito",
            "dor",
            "estou",
            "tenho",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "ik",
            "je",
            "is",
            "niet",
            "dat",
            "op",
            "te",
            "zijn",
            "met",
            "voor",
            "maar",
            "heb",
        ]
    ),
}


#: Languages the lingua detector chooses among by default: English and the Latin-script languages that the
#: heuristic knows (other scripts are caught before lingua runs).
LINGUA_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl")


@lru_cache(maxsize=4)
def _lingua_detector(languages: tuple[str, ...]) -> Any:
    """A lingua detector for ``languages`` (ISO 639-1 codes), built once per process; models load on first use."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    from medtune.errors import ConfigError

    chosen = []
    for code in languages:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is None:
            raise ConfigError(f"language: unknown ISO 639-1 code {code!r}. Fix: use two-letter codes such as 'en'")
        chosen.append(Language.from_iso_code_639_1(iso))
    return LanguageDetectorBuilder.from_languages(*chosen).build()


def lingua_available() -> bool:
    """Whether ``lingua-language-detector`` is installed (it is not imported here)."""
    return importlib.util.find_spec("lingua") is not None


class EnglishFilter(CleanerBase):
    """Drop records that are not English: lingua when installed, else a heuristic that needs no model.

    With ``detector="auto"`` (the default) the filter uses `lingua <https://github.com/pemistahl/lingua-py>`_ when
    ``lingua-language-detector`` is installed (its models ship inside the wheel: no download), choosing among
    ``languages``; otherwise, or with ``detector="heuristic"``, it uses a function-word heuristic.

    Both first call a text foreign when its letters are mostly non-Latin. The heuristic then calls it not English
    when it has few English function words and more function words of Spanish, French, German, Italian,
    Portuguese or Dutch; titles and lists in English (few function words of any language) stay, and so do texts
    under ``min_words`` words (too short to judge). lingua judges texts from three words on (``Dolor de cabeza``);
    when it says another language, the text is dropped only if that language's function words outnumber the
    English ones (lingua alone reads English lists of drug names as Italian or Spanish).

    Args:
        fields: Fields checked together.
        min_ratio: Heuristic: the least share of English function words for a text to count as English outright.
        min_words: Heuristic: texts with fewer words are kept.
        detector: ``"auto"``, ``"lingua"`` (an error when it is not installed) or ``"heuristic"``.
        languages: lingua: ISO 639-1 codes of the languages to choose among (English must be one).

    Raises:
        MissingExtraError: ``detector="lingua"`` without ``lingua-language-detector`` installed.
    """

    name = "language"

    def __init__(
        self,
        fields: Sequence[str] = ("input", "output"),
        min_ratio: float = 0.15,
        min_words: int = 8,
        detector: Literal["auto", "lingua", "heuristic"] = "auto",
        languages: Sequence[str] = LINGUA_LANGUAGES,
    ) -> None:
        self.fields = tuple(fields)
        self.min_ratio = min_ratio
        self.min_words = min_words
        self.languages = tuple(code.lower() for code in languages)
        if "en" not in self.languages:
            from medtune.errors import ConfigError

            raise ConfigError("language: 'languages' must include 'en'. Fix: add 'en' to the list")
        if detector == "lingua" and not lingua_available():
            from medtune.errors import MissingExtraError

            raise MissingExtraError("lang", "lingua", "language identification with lingua (language detector=lingua)")
        self.detector = "lingua" if detector == "lingua" or (detector == "auto" and lingua_available()) else "heuristic"

    @staticmethod
    def _non_latin(text: str) -> bool:
        letters = [ch for ch in text if ch.isalpha()]
        return len(letters) >= 20 and sum(1 for ch in letters if ch.isascii()) / len(letters) < 0.5

    def is_english(self, text: str) -> bool:
        """Whether ``text`` looks English (with the heuristic, short texts count as English)."""
        if self._non_latin(text):
            return False  # mostly non-Latin script
        if self.detector == "lingua":
            if len(_WORD.findall(text)) < 3:
                return True  # one or two words ("Fever", "Tachycardia") are too short for lingua too
            found = _lingua_detector(self.languages).detect_language_of(text)
            if found is None or found.iso_code_639_1.name == "EN":
                return True
            # lingua reads English lists of drug names as Italian or Spanish: foreign only with the function words
            # of another language outnumbering the English ones
            words = _WORD.findall(text.casefold())
            english = sum(1 for w in words if w in _EN_STOPWORDS)
            return max(sum(1 for w in words if w in stop) for stop in _FOREIGN_STOPWORDS.values()) <= english
        return self._heuristic(text)

    def _heuristic(self, text: str) -> bool:
        words = _WORD.findall(text.casefold())
        if len(words) < self.min_words:
            return True
        english = sum(1 for w in words if w in _EN_STOPWORDS)
        if english / len(words) >= self.min_ratio:
            return True
        # Few English function words: titles, lists and names do that too. Call it foreign only when another
        # language's function words outnumber the English ones.
        foreign = max(sum(1 for w in words if w in stop) for stop in _FOREIGN_STOPWORDS.values())
        return foreign <= english or foreign / len(words) < self.min_ratio / 2

    def __call__(self, row: Row) -> Row | Drop:
        """Keep English rows; drop the others."""
        text = "\n".join(get_texts(row, self.fields))
        return row if self.is_english(text) else Drop("not English")

    def __repr__(self) -> str:
        return f"EnglishFilter(detector={self.detector!r})"
