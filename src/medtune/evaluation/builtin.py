"""The domain-neutral metrics medtune registers (``rouge``, ``bleu``, ``length``) and its general sample.

This module is the evaluation part of the ``core`` plugin: its ``medtune_metrics`` hook returns
:func:`builtin_metrics`, its ``medtune_sample_datasets`` hook the general multiple-choice sample ``mmlu-general``
(160 MMLU questions of 16 non-medical subjects, see ``samples/ATTRIBUTION.md``), every preset's default forgetting
check.
"""

from __future__ import annotations

from pathlib import Path

from medtune.data.samples import SampleDataset
from medtune.plugins.hookspecs import hookimpl
from medtune.plugins.presets import GENERAL_MCQ_SAMPLE
from medtune.plugins.registry import ComponentSpec

__all__ = ["SAMPLES", "builtin_metrics", "medtune_metrics", "medtune_sample_datasets"]

#: The evaluation package's sample folder.
SAMPLES = Path(__file__).parent / "samples"


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


@hookimpl
def medtune_sample_datasets() -> list[SampleDataset]:
    """The general multiple-choice sample (MMLU, non-medical subjects): a test set, never for training."""
    return [
        SampleDataset(
            name=GENERAL_MCQ_SAMPLE,
            path=SAMPLES / "mmlu_general.jsonl",
            format="mcq",
            description="160 general multiple-choice questions of 16 non-medical MMLU subjects: the forgetting "
            "check of every preset (medtune eval --task mcq), never for training",
            license="MIT",
            test_only=True,
        )
    ]
