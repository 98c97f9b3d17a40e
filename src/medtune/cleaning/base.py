"""The cleaner protocol: what a cleaner is, what it returns, and helpers for text cleaners.

A *record* seen by a cleaner is one row of :attr:`medtune.Dataset.hf` as a plain ``dict``: for instruction
records the keys are ``id, instruction, input, output, source, category, metadata`` (``metadata`` a JSON
string); for chat records ``id, messages, source, category, metadata`` with ``messages`` a list of
``{"role", "content"}`` dicts. A cleaner returns the (possibly changed) record, or a :class:`Drop` that says why
the record must go. Cleaners never count anything: the :class:`~medtune.cleaning.pipeline.Pipeline` does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Protocol, runtime_checkable

from pydantic import ConfigDict

from medtune.config import ConfigModel

__all__ = [
    "FIELD_ROLES",
    "Cleaner",
    "CleanerBase",
    "CleanerOptions",
    "DatasetCleaner",
    "Drop",
    "FieldName",
    "Row",
    "TextCleaner",
    "get_texts",
    "set_texts",
]

Row = dict[str, Any]

#: A text field of an instruction record.
FieldName = Literal["instruction", "input", "output"]


class CleanerOptions(ConfigModel):
    """Base of every cleaner's options model: a :class:`~medtune.config.ConfigModel` whose values are frozen."""

    model_config = ConfigDict(frozen=True)

    config_kind: ClassVar[str] = "cleaner options"


#: Instruction-record field -> the chat role that holds the same text.
FIELD_ROLES: dict[str, str] = {"instruction": "system", "input": "user", "output": "assistant"}
_ALL_FIELDS = ("instruction", "input", "output")


@dataclass(frozen=True)
class Drop:
    """A cleaner's verdict that a record must be removed.

    Attributes:
        reason: A short, stable reason (``"empty output"``, ``"too long: output > 2048 tokens"``). The pipeline
            counts drops by reason, so keep record-specific values out of it.
        detail: Optional record-specific detail (the offending sentence); written to the rejects file only.
    """

    reason: str
    detail: str | None = None


@runtime_checkable
class Cleaner(Protocol):
    """A record-level cleaner: a small callable with a ``name``.

    ``cleaner(row)`` returns the cleaned row (a new dict; never mutate the input) or a :class:`Drop`.
    ``clean_batch(rows)`` does the same for a list of rows; NER-based cleaners override it to process a batch
    at once (``nlp.pipe``). It must return exactly one result per row, in order.

    A cleaner with one-off state to build (an index of reference data) may also have a ``prepare()`` method: the
    pipeline calls it in the main process before the cleaner's first record, so that worker processes
    (``num_proc``) receive the state built. It must be cheap to call again.
    """

    name: str

    def __call__(self, row: Row) -> Row | Drop:
        """Clean one row: a new row, or a :class:`Drop`."""
        ...

    def clean_batch(self, rows: Sequence[Row]) -> list[Row | Drop]:
        """Clean many rows: one result per row, in order."""
        ...


@runtime_checkable
class DatasetCleaner(Protocol):
    """A cleaner that needs to see the whole dataset (deduplication).

    The pipeline runs it in the main process, in dataset order, which keeps it deterministic.
    ``drop_reasons(rows)`` yields, for each row in order, ``None`` (keep) or a drop reason.
    """

    name: str
    scope: Literal["dataset"]

    def drop_reasons(self, rows: Iterable[Row]) -> Iterator[str | None]:
        """For each row in order: ``None`` (keep) or the drop reason."""
        ...


class CleanerBase:
    """Convenience base for record cleaners: subclasses implement ``__call__``; ``clean_batch`` maps it."""

    name: ClassVar[str] | str = "cleaner"
    scope: ClassVar[str] = "record"
    #: Whether ``clean(clean(x)) == clean(x)``; the property tests check every cleaner that claims it.
    idempotent: ClassVar[bool] = True

    def __call__(self, row: Row) -> Row | Drop:  # pragma: no cover - abstract
        """Clean one row: a new row, or a :class:`Drop`."""
        raise NotImplementedError

    def clean_batch(self, rows: Sequence[Row]) -> list[Row | Drop]:
        """Clean each row in turn."""
        return [self(row) for row in rows]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


def get_texts(row: Row, fields: Sequence[str] = _ALL_FIELDS) -> list[str]:
    """The texts of ``fields`` in a row, instruction or chat layout alike.

    For chat rows, ``instruction``/``input``/``output`` mean the contents of the system/user/assistant messages
    (every message of that role, in order).
    """
    if "messages" in row:
        roles = {FIELD_ROLES[f] for f in fields}
        return [m["content"] or "" for m in row["messages"] if m["role"] in roles]
    return [row.get(f) or "" for f in fields]


def set_texts(row: Row, fields: Sequence[str], texts: Sequence[str]) -> Row:
    """A copy of ``row`` with the texts of ``fields`` replaced (the inverse of :func:`get_texts`)."""
    new = dict(row)
    if "messages" in row:
        roles = {FIELD_ROLES[f] for f in fields}
        it = iter(texts)
        new["messages"] = [
            {"role": m["role"], "content": next(it)} if m["role"] in roles else dict(m) for m in row["messages"]
        ]
        return new
    for f, t in zip(fields, texts):
        new[f] = t
    return new


class TextCleaner(CleanerBase):
    """Base for cleaners that rewrite text fields.

    Subclasses implement :meth:`clean_text` (one string) or, when values must stay consistent across a record's
    fields (surrogates), :meth:`clean_record_texts`; NER cleaners override :meth:`clean_texts_batch` to see all
    the texts of a batch at once.

    Args:
        fields: Which fields to rewrite: any of ``instruction``, ``input``, ``output`` (system, user and
            assistant messages for chat records).
    """

    def __init__(self, fields: Sequence[str] = _ALL_FIELDS) -> None:
        bad = [f for f in fields if f not in FIELD_ROLES]
        if bad:
            from medtune.errors import ConfigError

            raise ConfigError(f"{self.name}: unknown field(s) {bad}. Fix: use some of {list(FIELD_ROLES)}")
        self.fields = tuple(fields)

    def clean_text(self, text: str) -> str:  # pragma: no cover - abstract
        """Clean one string."""
        raise NotImplementedError

    def clean_record_texts(self, texts: list[str]) -> list[str]:
        """Clean the texts of one record (override to keep replacements consistent within a record)."""
        return [self.clean_text(t) for t in texts]

    def clean_texts_batch(self, records: list[list[str]]) -> list[list[str]]:
        """Clean the texts of many records (override to batch NER over them)."""
        return [self.clean_record_texts(texts) for texts in records]

    def __call__(self, row: Row) -> Row | Drop:
        """Clean one row (through :meth:`clean_batch`)."""
        return self.clean_batch([row])[0]

    def clean_batch(self, rows: Sequence[Row]) -> list[Row | Drop]:
        """Rewrite the selected fields of every row, through :meth:`clean_texts_batch`."""
        texts = [get_texts(r, self.fields) for r in rows]
        cleaned = self.clean_texts_batch(texts)
        return [set_texts(r, self.fields, new) if new != old else r for r, old, new in zip(rows, texts, cleaned)]
