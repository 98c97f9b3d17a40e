"""Data recipes: several sources in one dataset, each tagged, and a train set mixed to each source's token share.

:func:`tag_source` names every record's source; :func:`combine` puts the tagged datasets together;
:func:`mix_by_tokens` builds a training set in which each source's share of the tokens matches its weight,
repeating the records of small sources and subsampling large ones, the same way for the same seed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from medtune.errors import ConfigError

if TYPE_CHECKING:
    from medtune.data.dataset import Dataset

__all__ = ["MixResult", "SourceMix", "combine", "mix_by_tokens", "record_token_counts", "tag_source"]

#: The metadata key that keeps a record's own ``source`` when a recipe renames it.
ORIGINAL_SOURCE = "original_source"


class _Tag:
    """Picklable batch function: set ``source``, keeping a different original in ``metadata``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        metadata = []
        for source, meta in zip(batch["source"], batch["metadata"]):
            if source and source != self.name:
                extra = json.loads(meta) if meta else {}
                extra.setdefault(ORIGINAL_SOURCE, source)
                meta = json.dumps(extra, ensure_ascii=False)
            metadata.append(meta)
        return {"source": [self.name] * len(metadata), "metadata": metadata}


def tag_source(dataset: Dataset, name: str) -> Dataset:
    """Set every record's ``source`` to ``name``; a different original source moves to ``metadata.original_source``.

    Example:
        >>> from medtune import Dataset
        >>> ds = Dataset.from_records([{"input": "q", "output": "a", "source": "medquad/cancer"}])
        >>> ds = tag_source(ds, "medquad")
        >>> ds[0].source, ds[0].metadata
        ('medquad', {'original_source': 'medquad/cancer'})
    """
    from medtune.data.dataset import Dataset

    hf = dataset.hf.map(_Tag(name), batched=True, desc=f"tag {name}", load_from_cache_file=False)
    return Dataset(hf, dataset.kind, load_report=dataset.load_report)


def combine(datasets: Sequence[Dataset]) -> Dataset:
    """Concatenate datasets in order; when their kinds differ, instruction records become chat (losslessly)."""
    import datasets as hf_datasets

    from medtune.data.dataset import Dataset

    kinds = {ds.kind for ds in datasets}
    if "preference" in kinds and len(kinds) > 1:
        from medtune.errors import ConversionError

        raise ConversionError(
            f"cannot combine preference pairs with {sorted(kinds - {'preference'})} records: a pair has two answers. "
            "Fix: give every source of the recipe the same layout (all pairs, or no pairs)."
        )
    parts = [ds.to_chat() for ds in datasets] if len(kinds) > 1 else list(datasets)
    kind = "chat" if len(kinds) > 1 else datasets[0].kind
    return Dataset(hf_datasets.concatenate_datasets([ds.hf for ds in parts]), kind)


def _texts(dataset: Dataset) -> list[str]:
    """One text per record: every field the model sees, joined by newlines."""
    hf = dataset.hf
    if dataset.kind == "instruction":
        return ["\n".join(t) for t in zip(hf["instruction"], hf["input"], hf["output"])]
    if dataset.kind == "preference":
        return ["\n".join(t) for t in zip(hf["system"], hf["prompt"], hf["chosen"], hf["rejected"])]
    return ["\n".join(m["content"] for m in messages) for messages in hf["messages"]]


def record_token_counts(dataset: Dataset, tokenizer: Any = None) -> list[int]:
    """Tokens per record over its instruction, input and output (chat: every message's content).

    Args:
        dataset: The records.
        tokenizer: ``None`` counts whitespace-separated words (as :meth:`Dataset.stats` does); otherwise a
            tokenizer object (``__call__`` returning ``input_ids``, ``encode_batch`` or ``encode``). Special
            tokens and the chat template are not counted.
    """
    from medtune.data.stats import _Lengths

    counter = _Lengths(dataset.kind, tokenizer)
    texts = _texts(dataset)
    return [n for i in range(0, len(texts), 1000) for n in counter.count(texts[i : i + 1000])]


@dataclass(frozen=True)
class SourceMix:
    """How one source went into the mixed training set.

    Attributes:
        name: The source name.
        weight: Its normalised weight: the token share asked for.
        available: Its records before mixing (its part of the train split).
        available_tokens: Their tokens.
        records: Its records in the mixed set (repeats included).
        unique: Distinct records among them.
        repeats: ``records - unique``: extra copies of records of a source too small for its share.
        tokens: Its tokens in the mixed set.
        share: ``tokens`` over the mixed set's tokens: the share achieved.
    """

    name: str
    weight: float
    available: int
    available_tokens: int
    records: int
    unique: int
    repeats: int
    tokens: int
    share: float

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (share and weight rounded to 4 decimals)."""
        out = asdict(self)
        out["weight"], out["share"] = round(self.weight, 4), round(self.share, 4)
        return out


@dataclass(frozen=True)
class MixResult:
    """The output of :func:`mix_by_tokens`.

    Attributes:
        indices: Positions in the input dataset, in training order (a position repeats for each extra copy).
        sources: Source name → how it was mixed, in name order.
        total_tokens: The tokens asked for (the natural total unless given).
        tokens: The tokens of the mixed set.
    """

    indices: list[int]
    sources: dict[str, SourceMix]
    total_tokens: int
    tokens: int

    def max_share_error(self) -> float:
        """The largest ``|share - weight|`` over the sources."""
        return max(abs(s.share - s.weight) for s in self.sources.values())


def _normalised(weights: Mapping[str, float]) -> dict[str, float]:
    for name, weight in weights.items():
        if not weight > 0:
            raise ConfigError(
                f"weight of source '{name}' is {weight}; weights must be > 0. Fix: use a positive weight."
            )
    total = sum(weights.values())
    return {name: w / total for name, w in weights.items()}


def _pick(tokens: Sequence[int], target: float, order: Sequence[int]) -> list[int]:
    """Pool positions summing to about ``target`` tokens: whole passes over the pool, then a greedy fill.

    The fill walks ``order`` and takes a record when it brings the sum closer to the target, so the miss is
    at most half of the shortest record that does not fit.
    """
    pool = sum(tokens)
    passes = int(target // pool)
    chosen = list(range(len(tokens))) * passes
    rest, got = target - passes * pool, 0
    for i in order:
        if abs(got + tokens[i] - rest) < abs(got - rest):
            chosen.append(i)
            got += tokens[i]
    return chosen


def mix_by_tokens(
    sources: Sequence[str],
    tokens: Sequence[int],
    weights: Mapping[str, float],
    *,
    seed: int,
    total_tokens: int | None = None,
) -> MixResult:
    """Pick records (with repeats) so that each source's share of the tokens matches its weight.

    Each source's target is ``weight * total_tokens`` (weights normalised; ``total_tokens`` defaults to the
    tokens of all the records, the natural total). A source below its target repeats all its records as many
    whole times as fit, then (like a source above its target) adds records in a seeded random order while
    that brings it closer to the target. The result is shuffled with the same seed: the same inputs and seed
    give the same indices.

    Args:
        sources: The source name of each record.
        tokens: The token count of each record (see :func:`record_token_counts`).
        weights: Source name → weight (> 0); every source of ``sources`` needs one.
        seed: The random seed.
        total_tokens: The tokens of the mixed set (default: ``sum(tokens)``).

    Returns:
        The positions to take, in order, and per-source counts.

    Raises:
        ConfigError: A weight is not positive; a weighted source has no records or only empty ones; a record's
            source has no weight.

    Example:
        >>> mix = mix_by_tokens(["a", "a", "b"], [10, 10, 5], {"a": 1, "b": 1}, seed=0)
        >>> len(mix.indices), mix.sources["b"].repeats, mix.sources["a"].share
        (3, 1, 0.5)
    """
    import numpy as np

    share = _normalised(weights)
    members: dict[str, list[int]] = {name: [] for name in sorted(share)}
    for i, name in enumerate(sources):
        if name not in members:
            raise ConfigError(f"record {i} comes from source '{name}', which has no weight. Fix: give it a weight.")
        members[name].append(i)
    total = sum(tokens) if total_tokens is None else total_tokens
    rng = np.random.default_rng(seed)
    picked: list[int] = []
    mixes: dict[str, SourceMix] = {}
    for name, positions in members.items():
        counts = [int(tokens[i]) for i in positions]
        if not positions or sum(counts) == 0:
            raise ConfigError(
                f"source '{name}' has no {'tokens' if positions else 'records'} left to train on (after cleaning "
                "and the split). Fix: check its data, or remove it from data.sources."
            )
        chosen = _pick(counts, share[name] * total, rng.permutation(len(positions)).tolist())
        picked += [positions[j] for j in chosen]
        got = sum(counts[j] for j in chosen)
        unique = len(set(chosen))
        mixes[name] = SourceMix(
            name, share[name], len(positions), sum(counts), len(chosen), unique, len(chosen) - unique, got, 0.0
        )
    mixed = sum(m.tokens for m in mixes.values())
    mixes = {n: SourceMix(**{**asdict(m), "share": m.tokens / mixed if mixed else 0.0}) for n, m in mixes.items()}
    order = rng.permutation(len(picked)).tolist()
    return MixResult([picked[i] for i in order], mixes, total, mixed)
