"""The domain-neutral metrics medtune registers: ``rouge``, ``bleu`` and ``length``.

This module is the evaluation part of the ``core`` plugin: its ``medtune_metrics`` hook returns
:func:`builtin_metrics`.
"""

from __future__ import annotations

from medtune.plugins.hookspecs import hookimpl
from medtune.plugins.registry import ComponentSpec

__all__ = ["builtin_metrics", "medtune_metrics"]


def builtin_metrics() -> list[ComponentSpec]:
    """ComponentSpecs of the built-in metrics (their factories import rouge-score/sacrebleu lazily)."""
    from medtune.evaluation import metrics as m

    return [
        ComponentSpec(
            "rouge", m.RougeMetric, m.RougeConfig, "ROUGE-1/2/L F-measure with Porter stemming (rouge-score)"
        ),
        ComponentSpec("bleu", m.BleuMetric, m.BleuConfig, "corpus BLEU, 0-100 (sacrebleu, 13a tokenization)"),
        ComponentSpec("length", m.LengthMetric, None, "prediction/reference length in words, ratio, empty answers"),
    ]


@hookimpl
def medtune_metrics() -> list[ComponentSpec]:
    """ROUGE-1/2/L, BLEU and length statistics."""
    return builtin_metrics()
