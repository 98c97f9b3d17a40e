"""Bootstrap confidence intervals for corpus metrics, and paired base-vs-tuned deltas.

Intervals are percentile bootstrap intervals over examples: resample the examples with replacement, recompute the
scorer's *corpus* aggregate (so BLEU stays a corpus BLEU), repeat. For a comparison the same resampled indices are
used for both systems (a paired bootstrap), which is what makes a delta's interval narrower than the two
systems' intervals suggest. Examples are paired by id; both systems must have scored the same examples.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from medtune.errors import ConfigError

__all__ = ["MIN_JUDGEABLE_N", "Estimate", "bootstrap", "paired_bootstrap", "percentile"]

T = TypeVar("T")

#: Fewer examples than this and an interval is shown as "too few to judge": a bootstrap over 1 to 9 examples can
#: collapse to a point (n=1 gives ``[v, v]``) and reads as certain when nothing is known.
MIN_JUDGEABLE_N = 10


@dataclass(frozen=True)
class Estimate:
    """A value with its bootstrap interval.

    Attributes:
        value: The statistic on all examples.
        low: Lower bound of the interval (``None`` when undefined, e.g. too few examples).
        high: Upper bound.
        n: Examples it was computed on.
    """

    value: float | None
    low: float | None
    high: float | None
    n: int

    @property
    def too_few_to_judge(self) -> bool:
        """Whether ``n`` is below :data:`MIN_JUDGEABLE_N`, so the interval says little whatever its width.

        >>> Estimate(-1.0, -1.0, -1.0, 1).too_few_to_judge, Estimate(0.5, 0.4, 0.6, 10).too_few_to_judge
        (True, False)
        """
        return self.n < MIN_JUDGEABLE_N

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form; ``too_few_to_judge`` flags an interval from fewer than :data:`MIN_JUDGEABLE_N` examples."""
        return {
            "value": self.value,
            "ci_low": self.low,
            "ci_high": self.high,
            "n": self.n,
            "too_few_to_judge": self.too_few_to_judge,
        }


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100) with linear interpolation (numpy's default method).

    >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
    2.5
    """
    data = sorted(values)
    if not data:
        raise ValueError("percentile of no values")
    pos = (len(data) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (pos - lo)


def _interval(samples: list[float], confidence: float) -> tuple[float | None, float | None]:
    if len(samples) < 2:
        return None, None
    tail = (1 - confidence) / 2 * 100
    return percentile(samples, tail), percentile(samples, 100 - tail)


def bootstrap(
    items: Sequence[T],
    statistic: Callable[[Sequence[T]], dict[str, float | None]],
    *,
    resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> dict[str, Estimate]:
    """Percentile bootstrap interval of every key ``statistic`` returns.

    Args:
        items: Per-example scores.
        statistic: Corpus values from a list of items (a scorer's ``aggregate``).
        resamples: Bootstrap resamples (0 disables intervals).
        confidence: Interval coverage, e.g. 0.95.
        seed: Seed of the resampling, for reproducible intervals.
    """
    full = statistic(items)
    n = len(items)
    draws: dict[str, list[float]] = {k: [] for k in full}
    rng = random.Random(seed)
    for _ in range(resamples if n > 1 else 0):
        sample = [items[rng.randrange(n)] for _ in range(n)]
        for key, value in statistic(sample).items():
            if value is not None and key in draws:
                draws[key].append(value)
    out = {}
    for key, value in full.items():
        low, high = _interval(draws[key], confidence) if value is not None else (None, None)
        out[key] = Estimate(value, low, high, n)
    return out


def paired_bootstrap(
    base: Sequence[T],
    tuned: Sequence[T],
    statistic: Callable[[Sequence[T]], dict[str, float | None]],
    *,
    resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
) -> dict[str, Estimate]:
    """Interval of ``statistic(tuned) - statistic(base)`` per key, resampling the same indices for both.

    Raises:
        ConfigError: The two lists have different lengths (they must be the same examples, in the same order).
    """
    if len(base) != len(tuned):
        raise ConfigError(
            f"paired comparison needs the same examples for both systems; got {len(base)} and {len(tuned)}. "
            "Fix: evaluate both models on the same data split."
        )
    b_full, t_full = statistic(base), statistic(tuned)
    n = len(base)
    deltas: dict[str, list[float]] = {k: [] for k in t_full}
    rng = random.Random(seed)
    for _ in range(resamples if n > 1 else 0):
        idx = [rng.randrange(n) for _ in range(n)]
        b = statistic([base[i] for i in idx])
        t = statistic([tuned[i] for i in idx])
        for key in deltas:
            if b.get(key) is not None and t.get(key) is not None:
                deltas[key].append(t[key] - b[key])  # type: ignore[operator]
    out = {}
    for key, t_value in t_full.items():
        b_value = b_full.get(key)
        delta = t_value - b_value if t_value is not None and b_value is not None else None
        low, high = _interval(deltas[key], confidence) if delta is not None else (None, None)
        out[key] = Estimate(delta, low, high, n)
    return out
