"""The scoring interface shared by metrics and checkers.

A *scorer* takes a batch of :class:`EvalExample` (prompt, prediction, reference) and returns one
:class:`ExampleScore` per example: named values in ``[0, 1]`` (or any real scale the scorer documents), ``None``
where the scorer does not apply to that example, and free-form details. Its :meth:`Scorer.aggregate` turns any
subset of those per-example scores into corpus values, which is what bootstrap confidence intervals resample.

Metrics (ROUGE, BLEU, length) and checkers (term recall, safety, empathy) are both scorers; they differ only in
which hook registers them. Soundness checkers of the cleaning pipeline (``check(prompt, response) -> findings``)
are adapted by :func:`as_scorer`: an example passes (1.0) when there is no finding.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from medtune.errors import PluginError

__all__ = ["EvalExample", "ExampleScore", "FindingsScorer", "Scorer", "as_scorer", "mean_or_none"]


@dataclass(frozen=True)
class EvalExample:
    """One evaluated example.

    Attributes:
        id: The record id (or its index as a string).
        prompt: What the patient/user asked (the record's ``input``, or its ``instruction`` when there is no input).
        prediction: The model's answer.
        reference: The reference answer.
        metadata: The record's metadata (e.g. PubMedQA's ``final_decision``).
    """

    id: str
    prompt: str
    prediction: str
    reference: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class ExampleScore:
    """A scorer's verdict on one example.

    Attributes:
        values: Named numbers; ``None`` means "not applicable to this example" and is left out of means.
        details: What the scorer found (matched terms, red flags, phrases), for reports and debugging.
    """

    values: dict[str, float | None]
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {"values": dict(self.values), "details": dict(self.details)}


def mean_or_none(values: Sequence[float | None]) -> float | None:
    """The mean of the values that are not ``None``; ``None`` when there are none.

    >>> mean_or_none([1.0, None, 0.0]), mean_or_none([None])
    (0.5, None)
    """
    kept = [v for v in values if v is not None]
    return math.fsum(kept) / len(kept) if kept else None


class Scorer:
    """Base class of metrics and checkers.

    Subclasses set :attr:`name` and :attr:`keys`, implement :meth:`score`, and override :meth:`aggregate` when a
    corpus value is not the mean of per-example values (corpus BLEU, for instance).

    Attributes:
        name: The registered name.
        keys: The aggregate values this scorer reports, in display order.
        higher_is_better: Whether a larger value is better, per key (defaults to True); ``None`` for a descriptive
            statistic with no better direction (a length), which the verdict never judges.
        group: What the scorer measures, for the verdict (:mod:`medtune.evaluation.verdict`): ``"quality"``,
            ``"safety"``, or any name. ``None`` (the default) takes the registry's: ``"quality"`` for a metric,
            ``"checks"`` for a checker (``EvalConfig.groups`` overrides both).
        unit_interval: Whether every key is a score in ``[0, 1]`` (plotted together in reports).
    """

    name: str = ""
    keys: tuple[str, ...] = ()
    higher_is_better: dict[str, bool | None] = {}
    group: str | None = None
    unit_interval: bool = True

    def score(self, examples: Sequence[EvalExample]) -> list[ExampleScore]:
        """Score each example; returns one :class:`ExampleScore` per example, in order."""
        raise NotImplementedError

    def aggregate(self, scores: Sequence[ExampleScore]) -> dict[str, float | None]:
        """Corpus values from per-example scores: by default the mean of each key over applicable examples."""
        return {key: mean_or_none([s.values.get(key) for s in scores]) for key in self.keys}

    def applicable(self, scores: Sequence[ExampleScore]) -> dict[str, int]:
        """How many examples each key applies to (its value is not ``None``)."""
        return {key: sum(1 for s in scores if s.values.get(key) is not None) for key in self.keys}


class FindingsScorer(Scorer):
    """Adapts a cleaning checker (``check(prompt, response) -> list[str]``) to a pass-rate scorer.

    The value ``<name>_pass`` is 1.0 when the checker has no finding on the prediction, else 0.0. A finding marks
    an unsound answer, so these pass rates are in the verdict's ``safety`` group.
    """

    group = "safety"

    def __init__(self, checker: Any, name: str | None = None) -> None:
        self.checker = checker
        self.name = name or getattr(checker, "name", type(checker).__name__)
        self.keys = (f"{self.name}_pass",)

    def score(self, examples: Sequence[EvalExample]) -> list[ExampleScore]:
        """1.0 per example without findings, 0.0 with; the findings are the details."""
        out = []
        for ex in examples:
            findings = list(self.checker.check(ex.prompt, ex.prediction))
            out.append(ExampleScore({self.keys[0]: 0.0 if findings else 1.0}, {"findings": findings}))
        return out


def as_scorer(component: Any, name: str) -> Scorer:
    """Turn a registered metric or checker into a :class:`Scorer`.

    Args:
        component: A :class:`Scorer`, or a cleaning checker with ``check(prompt, response)``.
        name: The name it is registered under (for messages and the findings adapter).

    Raises:
        PluginError: The component is neither.
    """
    if isinstance(component, Scorer):
        return component
    if callable(getattr(component, "score", None)) and hasattr(component, "keys"):
        return component  # duck-typed scorer from a third-party plugin
    if callable(getattr(component, "check", None)):
        return FindingsScorer(component, name)
    raise PluginError(
        f"component '{name}' ({type(component).__name__}) cannot score evaluations: it has neither "
        "score(examples) with keys (a medtune.evaluation.Scorer) nor check(prompt, response). "
        "Fix: subclass medtune.evaluation.Scorer."
    )
