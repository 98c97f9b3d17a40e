"""Decontamination: drop training records whose text overlaps evaluation or test sets by word n-grams.

A benchmark score means little when the test questions, or their answers, were in the training data. The
``decontaminate`` cleaner indexes every word ``n``-gram of the *reference* datasets (the evaluation and test sets)
once per pipeline run, then drops each training record that shares at least ``min_matches`` of its ``n``-grams (and
at least the share ``min_overlap`` of them) with the references, or whose whole text is a copy of a reference
record. Reference ``n``-grams found in many reference records (``common_records``: a prompt template, a stock
sentence) are left out, and by default the instruction (system prompt) is not compared. Each drop names the
reference set, the number and share of matching ``n``-grams, the first matching
``n``-gram and the reference record it came from, in the rejects file.

Text is compared after normalisation: NFKC, case-folded, and split into runs of letters and digits, so case,
punctuation and whitespace do not matter (``"Take 2 tablets, daily!"`` and ``"take 2 tablets daily"`` are the
same 4 words). ``n``-grams never cross from one field (or chat turn) into the next.

The index is memory-lean: each word is hashed once with BLAKE2b (64 bits) and an ``n``-gram's hash is a
position-weighted sum of its words' hashes modulo 2**64, so the index holds 8 bytes (and a 4-byte record number)
per distinct reference ``n``-gram, in sorted NumPy arrays. Every hash is deterministic across processes and
machines (never Python's salted ``hash()``), so the result does not depend on ``num_proc``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ClassVar

from pydantic import AfterValidator, Field, model_validator

from medtune.cleaning.base import CleanerBase, CleanerOptions, Drop, FieldName, Row, get_texts
from medtune.errors import ConfigError, MedtuneError

if TYPE_CHECKING:
    import numpy as np

    from medtune.data.dataset import Dataset

__all__ = ["DecontaminateConfig", "Decontaminator", "make_decontaminate", "ngram_hashes", "normalize_words"]

_ALL_FIELDS: tuple[FieldName, ...] = ("instruction", "input", "output")
#: The prompt and the answer (chat: user and assistant turns); not the instruction, which is mostly a template.
_DEFAULT_FIELDS: tuple[FieldName, ...] = ("input", "output")
_WORD = re.compile(r"[^\W_]+")
_SALT = b"medtune-decontaminate-v1"
_CHUNK = 1024  # reference records hashed together


def _missing(path: str) -> str:
    """What a reference path that does not exist gets told."""
    return (
        f"reference dataset not found: {path!r} (looked at {Path(path).expanduser().resolve()}). Fix: give the path "
        "of an existing evaluation/test file (any format `medtune data` reads), relative to the current directory "
        "or absolute, or run `medtune data split` first to make a test split"
    )


def _existing_file(path: str) -> str:
    """A reference path must exist (a file, or a directory for corpus formats such as MedQuAD)."""
    if not path.strip():
        raise ValueError("an empty path. Fix: give the path of an evaluation or test dataset")
    if not Path(path).expanduser().exists():
        raise ValueError(_missing(path))
    return path


class DecontaminateConfig(CleanerOptions):
    """Options of ``decontaminate``."""

    references: list[Annotated[str, AfterValidator(_existing_file)]] = Field(
        min_length=1,
        description="Evaluation/test datasets (any format Dataset.load reads) that must not leak into training.",
    )
    n: int = Field(13, ge=2, le=64, description="Words per n-gram (13: the GPT-3 / Llama decontamination practice).")
    min_matches: int = Field(
        1, ge=1, le=1_000_000, description="Drop a record with at least this many distinct n-grams in the references."
    )
    min_overlap: float = Field(
        0.0, ge=0.0, le=1.0, description="... and at least this share of its distinct n-grams in the references."
    )
    common_records: int | None = Field(
        10,
        ge=2,
        le=1_000_000_000,
        description="Skip reference n-grams found in this many reference records or more: templates, not content "
        "(null: compare every n-gram).",
    )
    fields: list[FieldName] = Field(
        default_factory=lambda: list(_DEFAULT_FIELDS),
        min_length=1,
        description="Text compared, on both sides: input and output (chat: user and assistant turns) by default.",
    )

    @model_validator(mode="before")
    @classmethod
    def _references_required(cls, data: Any) -> Any:
        if isinstance(data, dict) and "references" not in data:
            raise ValueError(
                "references: missing; decontaminate needs the evaluation/test datasets to compare against. "
                "Fix: add options: {references: [data/test.jsonl]}"
            )
        return data


def normalize_words(text: str) -> list[str]:
    """The words ``n``-grams are made of: NFKC, case-folded, runs of letters and digits (punctuation dropped).

    >>> normalize_words("Take 2 TABLETS, twice-daily!")
    ['take', '2', 'tablets', 'twice', 'daily']
    """
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@lru_cache(maxsize=1 << 18)
def _word_hash(word: str) -> int:
    """A word's 64-bit BLAKE2b hash (cached: a corpus has far fewer distinct words than words)."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


@lru_cache(maxsize=64)
def _weights(n: int) -> np.ndarray:
    """``n`` odd 64-bit multipliers, one per position in the ``n``-gram (fixed: derived from a constant salt)."""
    import numpy as np

    raw = [hashlib.blake2b(_SALT + i.to_bytes(2, "little"), digest_size=8).digest() for i in range(n)]
    return np.array([int.from_bytes(r, "little") | 1 for r in raw], dtype=np.uint64)


def ngram_hashes(words: Sequence[str], n: int) -> np.ndarray:
    """The 64-bit hash of each word ``n``-gram of ``words``, in order (empty when there are fewer than ``n`` words).

    Deterministic across processes and machines.

    >>> a = ngram_hashes("the cat sat on the mat".split(), 3)
    >>> b = ngram_hashes("a cat sat on the mat".split(), 3)
    >>> len(a), int((a[1:] == b[1:]).sum()), bool(a[0] == b[0]), len(ngram_hashes(["too", "short"], 3))
    (4, 3, False, 0)
    """
    return _Grams.of([[list(words)]], n).hashes


@dataclass(frozen=True)
class _Grams:
    """The ``n``-grams of a batch of records, in record order, then text order, then position."""

    hashes: np.ndarray  # one 64-bit hash per n-gram (uint64)
    rows: np.ndarray  # the record (position in the batch) of each n-gram
    starts: np.ndarray  # where each n-gram starts in :attr:`words`
    words: list[str]  # every word of the batch, texts one after the other

    @classmethod
    def of(cls, records: Sequence[Sequence[Sequence[str]]], n: int) -> _Grams:
        """Hash every ``n``-gram of every text of ``records`` (lists of word lists) at once; none crosses texts."""
        import numpy as np

        words = [w for texts in records for text in texts for w in text]
        lengths = [len(text) for texts in records for text in texts]
        text_rows = np.repeat(np.arange(len(records)), [len(texts) for texts in records])
        count = len(words) - n + 1
        if count <= 0:
            empty = np.empty(0, dtype=np.int64)
            return cls(np.empty(0, dtype=np.uint64), empty, empty, words)
        text_of = np.repeat(np.arange(len(lengths)), lengths)
        h = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
        weights = _weights(n)
        acc = h[:count] * weights[0]
        for i in range(1, n):
            acc += h[i : i + count] * weights[i]  # modulo 2**64: uint64 arithmetic wraps
        starts = np.flatnonzero(text_of[:count] == text_of[n - 1 :])  # the n-gram lies inside one text
        return cls(acc[starts], text_rows[text_of[starts]], starts, words)

    def text(self, start: int, n: int) -> str:
        """The words of the ``n``-gram that starts at ``start``."""
        return " ".join(self.words[start : start + n])


def _whole_hash(words_per_text: Sequence[Sequence[str]]) -> int | None:
    """The hash of a record's whole normalised text (``None`` when it has no word): finds exact copies.

    Empty fields are left out, so that an instruction record with no instruction equals a chat record without a
    system turn.
    """
    text = "\x1f".join(" ".join(words) for words in words_per_text if words)
    if not text:
        return None
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class _Reference:
    """The index of one reference dataset."""

    name: str
    keys: np.ndarray  # sorted, distinct n-gram hashes (uint64)
    owners: np.ndarray  # for each key, the position of the first reference record that has it (int32)
    whole: dict[int, int]  # whole-text hash -> position of the first reference record with that text
    ids: list[str | None]  # the reference records' ids, by position
    common: int = 0  # n-grams left out as templates (see ``common_records``)

    def record(self, position: int) -> str:
        """How the rejects file names a reference record: its id and position."""
        rid = self.ids[position]
        return f"#{position} (id {rid!r})" if rid else f"#{position}"

    def lookup(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each hash: whether the reference has it, and where in :attr:`keys` (valid where it has it)."""
        import numpy as np

        if not len(self.keys) or not len(hashes):
            return np.zeros(len(hashes), dtype=bool), np.zeros(len(hashes), dtype=np.int64)
        pos = np.searchsorted(self.keys, hashes)
        pos[pos == len(self.keys)] = 0
        return self.keys[pos] == hashes, pos


class Decontaminator(CleanerBase):
    r"""Drop records that overlap reference (evaluation/test) datasets by word ``n``-grams, or copy one whole.

    The reference index is built once, by :meth:`prepare` (the pipeline calls it in the main process before the
    first record, so worker processes receive the built index), or on first use.

    Args:
        references: Dataset paths (any format :meth:`medtune.Dataset.load` reads) or :class:`~medtune.Dataset`
            objects whose records must not leak into training.
        n: Words per ``n``-gram.
        min_matches: Drop a record with at least this many distinct ``n``-grams found in the references...
        min_overlap: ... and at least this share of its distinct ``n``-grams found there.
        common_records: Leave out reference ``n``-grams found in this many reference records or more: a prompt
            template or a stock sentence says nothing about which record leaked. ``None`` compares every ``n``-gram.
        fields: The text compared, on both sides: any of ``instruction``, ``input``, ``output`` (the system, user
            and assistant turns of chat records). Default: input and output; an instruction is mostly a template.

    Example:
        >>> from medtune import Dataset, InstructionRecord
        >>> test = Dataset.from_records([InstructionRecord(
        ...     input="What are the early signs of type 2 diabetes in adults over forty years of age?",
        ...     output="Thirst, frequent urination and tiredness.")])
        >>> decon = Decontaminator([test])
        >>> row = {"input": "Doctor, what are the early signs of type 2 diabetes in adults over forty years of age? "
        ...        "I am 45.", "output": "See your doctor for a fasting glucose test."}
        >>> drop = decon(row)
        >>> drop.reason
        '13-gram overlap with references[0]'
        >>> print(drop.detail.replace("; ", ";\n").replace(": '", ":\n'"))
        4 of 8 distinct 13-grams (50.0%) found in the references;
        references[0]: 4, first in reference record #0:
        'what are the early signs of type 2 diabetes in adults over forty'
        >>> decon({"input": "What is the capital of France?", "output": "Paris."}) == {
        ...     "input": "What is the capital of France?", "output": "Paris."}
        True
    """

    name = "decontaminate"
    idempotent: ClassVar[bool] = True

    def __init__(
        self,
        references: Sequence[str | PathLike[str] | Dataset],
        *,
        n: int = 13,
        min_matches: int = 1,
        min_overlap: float = 0.0,
        common_records: int | None = 10,
        fields: Sequence[str] = _DEFAULT_FIELDS,
    ) -> None:
        bad = [f for f in fields if f not in _ALL_FIELDS]
        if bad or not fields:
            raise ConfigError(f"decontaminate: unknown field(s) {bad or fields}. Fix: use some of {list(_ALL_FIELDS)}")
        if not references:
            raise ConfigError("decontaminate: no references. Fix: pass the evaluation/test datasets to compare against")
        if n < 1 or min_matches < 1 or not 0.0 <= min_overlap <= 1.0 or (common_records or 2) < 2:
            raise ConfigError(
                f"decontaminate: n={n}, min_matches={min_matches}, min_overlap={min_overlap}, "
                f"common_records={common_records}. Fix: n and min_matches >= 1, min_overlap between 0 and 1, "
                "common_records >= 2 or None"
            )
        for i, ref in enumerate(references):
            if isinstance(ref, (str, PathLike)) and not Path(ref).expanduser().exists():
                raise ConfigError(f"decontaminate option references[{i}]: {_missing(str(ref))}")
        self.references = list(references)
        self.n = n
        self.min_matches = min_matches
        self.min_overlap = min_overlap
        self.common_records = common_records
        self.fields = tuple(fields)
        self._index: list[_Reference] | None = None

    # --- the index, once ---------------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Build the reference index (once; later calls do nothing)."""
        if self._index is None:
            self._index = [self._build(i, ref) for i, ref in enumerate(self.references)]

    @property
    def index_size(self) -> int:
        """Distinct reference ``n``-grams indexed, all references together (builds the index)."""
        self.prepare()
        assert self._index is not None
        return sum(len(ref.keys) for ref in self._index)

    def _build(self, i: int, ref: str | PathLike[str] | Dataset) -> _Reference:
        import numpy as np

        name = str(ref) if isinstance(ref, (str, PathLike)) else f"references[{i}]"
        ds = self._load(i, ref) if isinstance(ref, (str, PathLike)) else ref
        hf = ds.hf
        text_columns = ["messages"] if "messages" in hf.column_names else list(self.fields)
        keys: list[np.ndarray] = [np.empty(0, dtype=np.uint64)]
        owners: list[np.ndarray] = [np.empty(0, dtype=np.int32)]
        whole: dict[int, int] = {}
        texts_only = hf.select_columns(text_columns)
        for offset in range(0, len(hf), _CHUNK):
            chunk = texts_only[offset : offset + _CHUNK]
            rows = [dict(zip(chunk, values)) for values in zip(*chunk.values())]
            words = [[normalize_words(t) for t in get_texts(row, self.fields)] for row in rows]
            for k, texts in enumerate(words):
                wh = _whole_hash(texts)
                if wh is not None:
                    whole.setdefault(wh, offset + k)
            grams = _Grams.of(words, self.n)
            keys.append(grams.hashes)
            owners.append((grams.rows + offset).astype(np.int32))
        all_keys, all_owners = np.concatenate(keys), np.concatenate(owners)
        order = np.argsort(all_keys, kind="stable")  # equal keys keep record order: the first owner comes first
        all_keys, all_owners = all_keys[order], all_owners[order]
        first = np.ones(len(all_keys), dtype=bool)
        first[1:] = all_keys[1:] != all_keys[:-1]
        keep, common = first, 0
        if self.common_records is not None and len(all_keys):
            new_record = first.copy()
            new_record[1:] |= all_owners[1:] != all_owners[:-1]
            records = np.add.reduceat(new_record.astype(np.int64), np.flatnonzero(first))  # per distinct n-gram
            is_common = records >= self.common_records
            common = int(is_common.sum())
            keep = first.copy()
            keep[np.flatnonzero(first)[is_common]] = False
        ids = list(hf["id"]) if "id" in hf.column_names else [None] * len(hf)
        return _Reference(name, all_keys[keep], all_owners[keep], whole, ids, common)

    @staticmethod
    def _load(i: int, path: str | PathLike[str]) -> Dataset:
        from medtune.data.dataset import Dataset

        if not Path(path).expanduser().exists():
            raise ConfigError(f"decontaminate option references[{i}]: {_missing(str(path))}")
        try:
            return Dataset.load(Path(path).expanduser())
        except MedtuneError as exc:
            raise ConfigError(
                f"decontaminate option references[{i}]: cannot load {str(path)!r}: {exc}\nFix: give a dataset "
                "`medtune data validate` accepts (convert it with `medtune data convert` first)"
            ) from exc

    # --- records -------------------------------------------------------------------------------------------------

    def __call__(self, row: Row) -> Row | Drop:
        """Keep the row, or drop it when it overlaps a reference (the reason names the reference)."""
        return self.clean_batch([row])[0]

    def clean_batch(self, rows: Sequence[Row]) -> list[Row | Drop]:
        """Keep or drop each row; all the ``n``-grams of the batch are hashed and looked up together."""
        self.prepare()
        words = [[normalize_words(t) for t in get_texts(row, self.fields)] for row in rows]
        out: list[Row | Drop] = [self._exact_copy(texts) or row for row, texts in zip(rows, words)]
        grams = _Grams.of(words, self.n)
        for k, drop in self._overlaps(grams, len(rows)):
            if not isinstance(out[k], Drop):
                out[k] = drop
        return out

    def _exact_copy(self, words: list[list[str]]) -> Drop | None:
        """A drop when the record's whole normalised text is a reference record's."""
        assert self._index is not None
        wh = _whole_hash(words)
        for ref in self._index if wh is not None else ():
            if wh in ref.whole:
                return Drop(
                    f"exact copy of a record in {ref.name}",
                    f"the whole text (normalised) equals reference record {ref.record(ref.whole[wh])}",
                )
        return None

    def _overlaps(self, grams: _Grams, size: int) -> Iterator[tuple[int, Drop]]:
        """The records of a batch with enough ``n``-grams in the references, each with its drop."""
        import numpy as np

        assert self._index is not None
        if not len(grams.hashes):
            return  # every text shorter than n words: only exact copies can be found
        order = np.lexsort((grams.hashes, grams.rows))  # by record, then hash: repeats of a hash are adjacent
        hashes, rows, starts = grams.hashes[order], grams.rows[order], grams.starts[order]
        new = np.ones(len(hashes), dtype=bool)
        new[1:] = (hashes[1:] != hashes[:-1]) | (rows[1:] != rows[:-1])  # the first of each distinct n-gram
        lookups = [ref.lookup(hashes) for ref in self._index]
        any_hit = np.logical_or.reduce([hit for hit, _ in lookups])
        distinct = np.bincount(rows[new], minlength=size)
        matched = np.bincount(rows[new & any_hit], minlength=size)
        bounds = np.searchsorted(rows, np.arange(size + 1))
        for k in np.flatnonzero((matched >= self.min_matches) & (matched >= self.min_overlap * distinct)):
            lo, hi = bounds[k], bounds[k + 1]
            counts = [int(np.count_nonzero(hit[lo:hi] & new[lo:hi])) for hit, _ in lookups]
            best = max(range(len(counts)), key=lambda r: (counts[r], -r))  # most matches; the first listed on a tie
            ref, (hit, pos) = self._index[best], lookups[best]
            where = lo + np.flatnonzero(hit[lo:hi])
            first = where[np.argmin(starts[where])]  # the first matching n-gram in the record's text
            others = ", ".join(f"{self._index[r].name}: {c}" for r, c in enumerate(counts) if c)
            share = matched[k] / distinct[k]
            detail = (
                f"{matched[k]} of {distinct[k]} distinct {self.n}-grams ({share:.1%}) found in the references; "
                f"{others}, first in reference record {ref.record(int(ref.owners[pos[first]]))}: "
                f"{grams.text(int(starts[first]), self.n)!r}"
            )
            yield int(k), Drop(f"{self.n}-gram overlap with {ref.name}", detail)

    def __repr__(self) -> str:
        names = [
            str(r) if isinstance(r, (str, PathLike)) else f"references[{i}]" for i, r in enumerate(self.references)
        ]
        return f"Decontaminator(references={names}, n={self.n})"


def make_decontaminate(options: DecontaminateConfig) -> Decontaminator:
    """The ``decontaminate`` cleaner from its validated options (the index is built when the pipeline runs)."""
    return Decontaminator(
        options.references,
        n=options.n,
        min_matches=options.min_matches,
        min_overlap=options.min_overlap,
        common_records=options.common_records,
        fields=options.fields,
    )
