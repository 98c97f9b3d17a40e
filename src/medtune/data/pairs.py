"""Preference pairs built from instruction records by a pair builder (``medtune data pairs``).

A *pair builder* turns one instruction record into a :class:`~medtune.data.records.PreferenceRecord` (a prompt,
the answer to prefer and the answer to avoid), or says why it builds none. Plugins register builders with the
``medtune_pair_builders`` hook; the medical plugin's ``red_flag_escalation`` prefers an answer that tells the patient
to seek urgent care for a red-flag symptom over the same answer without that advice. :func:`build_pairs` runs a
builder over a dataset, counts what it skipped and why, and can keep a seeded sample of the pairs.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from medtune.data.records import Conversation, InstructionRecord, PreferenceRecord
from medtune.errors import ConversionError, MedtuneError

if TYPE_CHECKING:
    from medtune.data.dataset import Dataset

__all__ = ["PairBuilder", "PairReport", "build_pairs"]


@runtime_checkable
class PairBuilder(Protocol):
    """Builds a preference pair on an instruction record: a small object with a ``name`` and :meth:`pair`."""

    name: str

    def pair(self, record: InstructionRecord) -> PreferenceRecord | str:
        """The pair built on ``record``, or why there is none: a short, stable reason, counted by reason."""
        ...


@dataclass
class PairReport:
    """What :func:`build_pairs` did: records read, pairs built and kept, records skipped by reason.

    Attributes:
        builder: The builder's name.
        records: Records read.
        built: Pairs the builder built.
        pairs: Pairs kept (``built``, or ``max_pairs`` of them).
        skipped: Records without a pair, by reason.
        seed: The seed of the sample (with ``max_pairs``).
    """

    builder: str
    records: int = 0
    built: int = 0
    pairs: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    seed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "builder": self.builder,
            "records": self.records,
            "built": self.built,
            "pairs": self.pairs,
            "skipped": dict(self.skipped.most_common()),
            "seed": self.seed,
        }


def build_pairs(
    dataset: Dataset, builder: PairBuilder, *, max_pairs: int | None = None, seed: int = 42
) -> tuple[Dataset, PairReport]:
    """Run ``builder`` over every record; keep every pair, or a sample of ``max_pairs`` drawn with ``seed``.

    The pairs keep the order of their records, so the same data, builder options and seed give the same file.
    Single-turn conversations are read as instruction records; multi-turn ones are skipped (counted).

    Args:
        dataset: Instruction or chat records.
        builder: The pair builder.
        max_pairs: Keep at most this many pairs, a uniform sample drawn with ``seed``.
        seed: The sample's seed.

    Returns:
        The pairs (a preference :class:`~medtune.data.dataset.Dataset`) and the report.

    Raises:
        MedtuneError: The records are pairs already, ``max_pairs`` is below 1, or no record gave a pair (the
            message counts the reasons).
    """
    from medtune.data.dataset import Dataset

    if dataset.kind == "preference":
        raise MedtuneError("the records are preference pairs already. Fix: pass instruction or chat records.")
    if max_pairs is not None and max_pairs < 1:
        raise MedtuneError(f"max_pairs must be at least 1, got {max_pairs}. Fix: pass a positive number or none.")
    report = PairReport(builder=builder.name, seed=seed if max_pairs is not None else None)
    pairs: list[PreferenceRecord] = []
    for record in dataset:
        report.records += 1
        if isinstance(record, Conversation):
            try:
                record = record.to_instruction()
            except ConversionError:
                report.skipped["multi-turn conversation"] += 1
                continue
        assert isinstance(record, InstructionRecord)
        result = builder.pair(record)
        if isinstance(result, str):
            report.skipped[result] += 1
        else:
            pairs.append(result)
    report.built = len(pairs)
    if not pairs:
        reasons = ", ".join(f"{n} {reason}" for reason, n in report.skipped.most_common(3))
        raise MedtuneError(
            f"builder '{builder.name}' built no pair from {report.records} records ({reasons or 'no records'}). "
            "Fix: check that the data hold the records this builder pairs (see `medtune plugins`)."
        )
    if max_pairs is not None and len(pairs) > max_pairs:
        keep = sorted(random.Random(seed).sample(range(len(pairs)), max_pairs))
        report.skipped["not drawn (max_pairs)"] += len(pairs) - max_pairs
        pairs = [pairs[i] for i in keep]
    report.pairs = len(pairs)
    return Dataset.from_records(pairs, kind="preference"), report
