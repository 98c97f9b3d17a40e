"""Reference-based metrics: ROUGE (rouge-score), BLEU (sacrebleu) and length statistics.

ROUGE values are F-measures in ``[0, 1]`` averaged over examples, computed by Google's ``rouge-score`` with its
Porter stemmer on by default (the reference recipe ran it without stemming, which penalises ``coughs`` against
``coughing``). BLEU is sacrebleu's corpus BLEU on its 0-100 scale (13a tokenization, exponential smoothing), computed
from n-gram statistics summed over the examples, so a bootstrap resample recomputes a true corpus BLEU.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Literal

from pydantic import Field

from medtune._extras import require
from medtune.config import ConfigModel
from medtune.evaluation.scoring import EvalExample, ExampleScore, Scorer, mean_or_none
from medtune.models.loops import loops

__all__ = ["BleuConfig", "BleuMetric", "LengthMetric", "RougeConfig", "RougeMetric", "loops", "word_count"]

RougeType = Literal["rouge1", "rouge2", "rougeL", "rougeLsum"]


class RougeConfig(ConfigModel):
    """Options of the ``rouge`` metric."""

    types: list[RougeType] = Field(default_factory=lambda: ["rouge1", "rouge2", "rougeL"], min_length=1)
    use_stemmer: bool = Field(default=True, description="Porter-stem tokens longer than 3 characters.")


class RougeMetric(Scorer):
    """ROUGE F-measures per example (``rouge1``, ``rouge2``, ``rougeL``), plus precision and recall in details."""

    name = "rouge"

    def __init__(self, config: RougeConfig | None = None) -> None:
        self.config = config or RougeConfig()
        self.keys = tuple(self.config.types)
        self._scorer = None

    def _get(self):  # type: ignore[no-untyped-def]
        if self._scorer is None:
            rouge_scorer = require("rouge_score.rouge_scorer", "eval", "the rouge metric")
            self._scorer = rouge_scorer.RougeScorer(list(self.config.types), use_stemmer=self.config.use_stemmer)
        return self._scorer

    def score(self, examples: Sequence[EvalExample]) -> list[ExampleScore]:
        """ROUGE of each prediction against its reference (``rougeLsum`` splits sentences on newlines)."""
        scorer = self._get()
        out = []
        for ex in examples:
            result = scorer.score(ex.reference, ex.prediction)
            values: dict[str, float | None] = {k: float(result[k].fmeasure) for k in self.keys}
            details = {k: {"precision": result[k].precision, "recall": result[k].recall} for k in self.keys}
            out.append(ExampleScore(values, details))
        return out


class BleuConfig(ConfigModel):
    """Options of the ``bleu`` metric (sacrebleu's)."""

    tokenize: Literal["13a", "intl", "char", "none"] = "13a"
    lowercase: bool = False
    smooth_method: Literal["exp", "floor", "add-k", "none"] = Field(
        default="exp", description="sacrebleu's corpus default; matters only when an n-gram order has no match."
    )


class BleuMetric(Scorer):
    """Corpus BLEU (0-100) from summed n-gram statistics; per-example sentence BLEU in the values for display."""

    name = "bleu"
    keys = ("bleu",)
    unit_interval = False

    def __init__(self, config: BleuConfig | None = None) -> None:
        self.config = config or BleuConfig()

    def _bleu(self, **kwargs: object):  # type: ignore[no-untyped-def]
        sacrebleu = require("sacrebleu.metrics", "eval", "the bleu metric")
        return sacrebleu.BLEU(
            tokenize=self.config.tokenize,
            lowercase=self.config.lowercase,
            smooth_method=self.config.smooth_method,
            **kwargs,
        )

    def score(self, examples: Sequence[EvalExample]) -> list[ExampleScore]:
        """Per example: the n-gram statistics (details) and sentence BLEU with effective order (value)."""
        corpus = self._bleu()
        sentence = self._bleu(effective_order=True)
        out = []
        for ex in examples:
            stats = corpus.corpus_score([ex.prediction], [[ex.reference]])
            sent = sentence.sentence_score(ex.prediction, [ex.reference]).score
            details = {
                "counts": list(stats.counts),
                "totals": list(stats.totals),
                "sys_len": int(stats.sys_len),
                "ref_len": int(stats.ref_len),
            }
            out.append(ExampleScore({"bleu": float(sent)}, details))
        return out

    def aggregate(self, scores: Sequence[ExampleScore]) -> dict[str, float | None]:
        """Corpus BLEU of the examples: n-gram matches, totals and lengths summed, then one BLEU."""
        if not scores:
            return {"bleu": None}
        correct = [sum(s.details["counts"][i] for s in scores) for i in range(4)]
        total = [sum(s.details["totals"][i] for s in scores) for i in range(4)]
        sys_len = sum(s.details["sys_len"] for s in scores)
        ref_len = sum(s.details["ref_len"] for s in scores)
        BLEU = require("sacrebleu.metrics", "eval", "the bleu metric").BLEU
        result = BLEU.compute_bleu(correct, total, sys_len, ref_len, smooth_method=self.config.smooth_method)
        return {"bleu": float(result.score)}


def word_count(text: str) -> int:
    """Whitespace-separated words.

    >>> word_count("Rest, fluids  and sleep.")
    4
    """
    return len(text.split())


class LengthMetric(Scorer):
    """Length in words (prediction and reference means, their ratio), and the shares of empty and looping answers.

    ``length_ratio`` is total prediction words over total reference words (1.0 = as long as the references).
    ``loop_rate`` is the share of answers that repeat one of their 8-word runs three or more times (:func:`loops`).
    ``empty_rate`` and ``loop_rate`` have a better direction (lower); the others describe, and the verdict does not
    judge them.
    """

    name = "length"
    keys = ("pred_words", "ref_words", "length_ratio", "empty_rate", "loop_rate")
    unit_interval = False
    higher_is_better: dict[str, bool | None] = {
        "pred_words": None,
        "ref_words": None,
        "length_ratio": None,
        "empty_rate": False,
        "loop_rate": False,
    }

    def score(self, examples: Sequence[EvalExample]) -> list[ExampleScore]:
        """Word counts per example."""
        out = []
        for ex in examples:
            p, r = word_count(ex.prediction), word_count(ex.reference)
            values: dict[str, float | None] = {
                "pred_words": float(p),
                "ref_words": float(r),
                "length_ratio": p / r if r else None,
                "empty_rate": 0.0 if ex.prediction.strip() else 1.0,
                "loop_rate": 1.0 if loops(ex.prediction) else 0.0,
            }
            out.append(ExampleScore(values, {"pred_chars": len(ex.prediction)}))
        return out

    def aggregate(self, scores: Sequence[ExampleScore]) -> dict[str, float | None]:
        """Means, with ``length_ratio`` as a ratio of totals rather than a mean of ratios."""
        out = super().aggregate(scores)
        ref_total = math.fsum(s.values["ref_words"] or 0.0 for s in scores)
        pred_total = math.fsum(s.values["pred_words"] or 0.0 for s in scores)
        out["length_ratio"] = pred_total / ref_total if ref_total else None
        out["empty_rate"] = mean_or_none([s.values["empty_rate"] for s in scores])
        out["loop_rate"] = mean_or_none([s.values["loop_rate"] for s in scores])
        return out
