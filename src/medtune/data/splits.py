"""Deterministic (optionally stratified) train/validation/test index splits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from medtune.errors import ConfigError

if TYPE_CHECKING:
    from medtune.data.dataset import Dataset

__all__ = ["split_indices"]


def _count(size: float | int, n: int, name: str) -> int:
    if isinstance(size, bool) or size < 0:
        raise ConfigError(f"{name}={size!r}: must be a fraction in [0, 1) or a non-negative record count")
    if isinstance(size, float):
        if size >= 1:
            raise ConfigError(f"{name}={size}: a fraction must be below 1. Fix: e.g. {name}=0.1 or {name}=100")
        return round(size * n)
    return int(size)


def _apportion(total: int, weights: dict[str, int], want: int) -> dict[str, int]:
    """Split ``want`` across groups in proportion to their sizes (largest remainder, ties by name)."""
    if total == 0:
        return dict.fromkeys(weights, 0)
    exact = {k: want * w / total for k, w in weights.items()}
    out = {k: int(v) for k, v in exact.items()}
    rest = want - sum(out.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - out[k]), k))[:rest]:
        out[k] += 1
    return out


def split_indices(
    dataset: Dataset,
    *,
    validation: float | int,
    test: float | int,
    seed: int,
    stratify_by: str | Sequence[str] | None,
) -> dict[str, list[int]]:
    """Return sorted record indices for ``train``, ``validation`` and ``test``.

    The same seed and data always give the same indices. With ``stratify_by``, every value of that column
    gets (as near as rounding allows) the same share in each split; with several columns, every combination
    of their values does (``["source", "category"]``).
    """
    import numpy as np

    n = len(dataset)
    n_val, n_test = _count(validation, n, "validation"), _count(test, n, "test")
    if n_val + n_test >= n and n > 0:
        raise ConfigError(
            f"validation ({n_val}) + test ({n_test}) records leave nothing to train on out of {n}. "
            "Fix: use smaller splits."
        )
    rng = np.random.default_rng(seed)
    columns = [stratify_by] if isinstance(stratify_by, str) else list(stratify_by or [])
    if not columns:
        groups: dict[str, list[int]] = {"": list(range(n))}
    else:
        for column in columns:
            if column not in dataset.hf.column_names or column in ("messages", "metadata"):
                raise ConfigError(
                    f"stratify_by={column!r}: not a column to stratify on. Fix: use 'category' or 'source'."
                )
        groups = defaultdict(list)
        values = zip(*(dataset.hf[column] for column in columns))
        for i, row in enumerate(values):
            groups["\x1f".join("<none>" if value is None else f"={value}" for value in row)].append(i)
    sizes = {k: len(v) for k, v in groups.items()}
    val_per = _apportion(n, sizes, n_val)
    test_per = _apportion(n, sizes, n_test)
    out: dict[str, list[int]] = {"train": [], "validation": [], "test": []}
    for key in sorted(groups):
        idx = rng.permutation(np.asarray(groups[key], dtype=np.int64)).tolist()
        v, t = val_per[key], min(test_per[key], len(idx) - val_per[key])
        out["validation"] += idx[:v]
        out["test"] += idx[v : v + t]
        out["train"] += idx[v + t :]
    return {k: sorted(v) for k, v in out.items()}
