"""Dataset statistics: counts, token-length distributions, categories, duplicates and empty fields."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from medtune._extras import require

if TYPE_CHECKING:
    from medtune.data.dataset import Dataset

__all__ = ["STAT_FIELDS", "DatasetStats", "LengthStats", "compute_stats", "load_tokenizer", "text_table"]

#: Categories and sources shown by ``str(stats)``; the rest are counted in one line.
_SHOWN = 10


def text_table(rows: list[list[str]], text_columns: int = 1) -> list[str]:
    r"""Plain-text table lines (indented by two spaces) for ``__str__`` of reports.

    Args:
        rows: The header row, then the data rows, as strings.
        text_columns: How many leading columns are text (left-aligned); the others are numbers (right-aligned).

    Example:
        >>> print("\n".join(text_table([["field", "mean"], ["output", "12.5"]])))
          field   mean
          output  12.5
    """
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return [
        "  "
        + "  ".join(c.ljust(w) if i < text_columns else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
        for r in rows
    ]


def _num(value: float) -> str:
    """A length for display: one decimal at most (``224.15000000000003`` -> ``224.2``, ``4.0`` -> ``4``)."""
    return f"{value:.1f}".removesuffix(".0")


class LengthStats(BaseModel):
    """Distribution of token lengths of one field."""

    total: int = Field(description="Sum of lengths.")
    mean: float
    min: int
    p50: float
    p90: float
    p95: float
    p99: float
    max: int


class DatasetStats(BaseModel):
    """What ``Dataset.stats()`` and ``medtune data stats`` report.

    ``print(stats)`` shows a readable summary with the lengths rounded to one decimal; the attributes and
    ``model_dump()`` keep the exact values.
    """

    records: int
    kind: str
    tokenizer: str = Field(description="'whitespace' or the tokenizer's name.")
    lengths: dict[str, LengthStats] = Field(
        description="Per field: instruction/input/output, prompt/response (chat) or system/prompt/chosen/rejected."
    )
    categories: dict[str, int] = Field(description="Records per category ('<none>' for no category).")
    sources: dict[str, int] = Field(description="Records per source ('<none>' for no source).")
    duplicates: int = Field(description="Records that exactly repeat an earlier record's content.")
    empty_fields: dict[str, int] = Field(description="Records whose field is empty or whitespace.")

    def __str__(self) -> str:
        """Counts, a token-length table (one decimal), the top categories and sources, duplicates."""
        head = ["field", "mean", "min", "p50", "p90", "p95", "p99", "max", "total", "empty"]
        rows = [
            [
                name,
                *map(_num, (s.mean, s.min, s.p50, s.p90, s.p95, s.p99, s.max, s.total)),
                str(self.empty_fields.get(name, 0)),
            ]
            for name, s in self.lengths.items()
        ]
        lines = [f"{self.records} {self.kind} records, tokens counted by {self.tokenizer}", "token lengths:"]
        lines += text_table([head, *rows])
        for title, counts in (("categories", self.categories), ("sources", self.sources)):
            shown = ", ".join(f"{k} ({n})" for k, n in list(counts.items())[:_SHOWN])
            more = f", … {len(counts) - _SHOWN} more" if len(counts) > _SHOWN else ""
            lines.append(f"{title}: {shown or 'none'}{more}")
        lines.append(f"exact duplicates: {self.duplicates}")
        return "\n".join(lines)


def load_tokenizer(name_or_path: str) -> Any:
    """Load a tokenizer from a local path or the local Hugging Face cache (never the network)."""
    transformers = require("transformers", "train", "counting tokens with a tokenizer")
    try:
        return transformers.AutoTokenizer.from_pretrained(name_or_path, local_files_only=True)
    except OSError as exc:
        from medtune.errors import ConfigError

        raise ConfigError(
            f"tokenizer '{name_or_path}' was not found locally ({exc}). "
            "Fix: pass a directory with tokenizer.json, or a model already in the Hugging Face cache."
        ) from None


#: The text fields whose lengths are counted, per record layout (chat: ``prompt`` and ``response``).
STAT_FIELDS: dict[str, tuple[str, ...]] = {
    "instruction": ("instruction", "input", "output"),
    "preference": ("system", "prompt", "chosen", "rejected"),
}


class _Lengths:
    """Picklable batch function (``num_proc`` maps pickle it)."""

    def __init__(self, kind: str, tokenizer: Any) -> None:
        self.kind = kind
        self.tokenizer = tokenizer

    def count(self, texts: list[str]) -> list[int]:
        if self.tokenizer is None:
            return [len(t.split()) for t in texts]
        if callable(self.tokenizer) and not hasattr(self.tokenizer, "encode_batch"):
            ids = self.tokenizer(texts, add_special_tokens=False)["input_ids"]
            return [len(x) for x in ids]
        if hasattr(self.tokenizer, "encode_batch"):  # a `tokenizers.Tokenizer`
            return [len(e.ids) for e in self.tokenizer.encode_batch(texts, add_special_tokens=False)]
        return [len(self.tokenizer.encode(t)) for t in texts]

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        if self.kind in STAT_FIELDS:
            names = STAT_FIELDS[self.kind]
            fields = {name: batch[name] for name in names}
            keys = list(zip(*(batch[name] for name in names)))
        else:
            prompts, responses, keys = [], [], []
            for msgs in batch["messages"]:
                prompts.append("\n".join(m["content"] for m in msgs if m["role"] != "assistant"))
                responses.append("\n".join(m["content"] for m in msgs if m["role"] == "assistant"))
                keys.append(tuple((m["role"], m["content"]) for m in msgs))
            fields = {"prompt": prompts, "response": responses}
        out: dict[str, list[Any]] = {f"_len_{n}": self.count(v) for n, v in fields.items()}
        for n, values in fields.items():
            out[f"_empty_{n}"] = [not v.strip() for v in values]
        out["_hash"] = [hashlib.blake2b(repr(k).encode(), digest_size=16).hexdigest() for k in keys]
        return out


def _distribution(values: Any) -> LengthStats:
    import numpy as np

    arr = np.asarray(values, dtype=np.int64)
    if arr.size == 0:
        return LengthStats(total=0, mean=0.0, min=0, p50=0.0, p90=0.0, p95=0.0, p99=0.0, max=0)
    p50, p90, p95, p99 = np.percentile(arr, [50, 90, 95, 99]).tolist()
    return LengthStats(
        total=int(arr.sum()),
        mean=float(arr.mean()),
        min=int(arr.min()),
        p50=p50,
        p90=p90,
        p95=p95,
        p99=p99,
        max=int(arr.max()),
    )


def compute_stats(dataset: Dataset, *, tokenizer: Any = None, num_proc: int | None = None) -> DatasetStats:
    """Compute :class:`DatasetStats` with one batched (optionally multi-process) pass over the data."""
    tok_name = "whitespace"
    if isinstance(tokenizer, str):
        tok_name = tokenizer
        tokenizer = load_tokenizer(tokenizer)
    elif tokenizer is not None:
        tok_name = getattr(tokenizer, "name_or_path", None) or type(tokenizer).__name__
    hf = dataset.hf
    fn = _Lengths(dataset.kind, tokenizer)
    computed = (
        hf.map(
            fn,
            batched=True,
            batch_size=1000,
            num_proc=num_proc if num_proc and num_proc > 1 else None,
            remove_columns=hf.column_names,
            desc="stats",
            load_from_cache_file=False,
        )
        if len(hf)
        else None
    )
    names = list(STAT_FIELDS.get(dataset.kind, ("prompt", "response")))
    lengths = {n: _distribution(computed[f"_len_{n}"] if computed else []) for n in names}
    empty = {n: int(sum(computed[f"_empty_{n}"])) if computed else 0 for n in names}
    hashes = Counter(computed["_hash"]) if computed else Counter()
    categories = Counter(c if c is not None else "<none>" for c in hf["category"])
    sources = Counter(s if s is not None else "<none>" for s in hf["source"])
    return DatasetStats(
        records=len(hf),
        kind=dataset.kind,
        tokenizer=tok_name,
        lengths=lengths,
        categories=dict(categories.most_common()),
        sources=dict(sources.most_common()),
        duplicates=sum(n - 1 for n in hashes.values()),
        empty_fields=empty,
    )
