"""Metric values against hand-computed cases."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from medtune.evaluation.builtin import builtin_metrics
from medtune.evaluation.metrics import BleuMetric, LengthMetric, RougeConfig, RougeMetric
from medtune.evaluation.scoring import EvalExample, ExampleScore, as_scorer, mean_or_none

pytest.importorskip("rouge_score")
pytest.importorskip("sacrebleu")


def ex(pred: str, ref: str, i: int = 0) -> EvalExample:
    return EvalExample(id=str(i), prompt="q", prediction=pred, reference=ref)


def test_rouge_hand_computed_with_stemming():
    # ref tokens (stemmed): the patient were cough; pred: patient cough
    [s] = RougeMetric().score([ex("Patient coughs.", "The patients were coughing")])
    assert s.values["rouge1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # P=2/2, R=2/4
    assert s.values["rouge2"] == 0.0  # no shared bigram
    assert s.values["rougeL"] == pytest.approx(2 / 3)  # LCS = 2
    assert s.details["rouge1"] == {"precision": 1.0, "recall": 0.5}


def test_rouge_without_stemming_is_lower():
    [s] = RougeMetric(RougeConfig(use_stemmer=False)).score([ex("Patient coughs.", "The patients were coughing")])
    assert s.values["rouge1"] == 0.0


def test_rouge2_and_mean_aggregate():
    m = RougeMetric()
    # pred bigrams: (a b) (b c); ref bigrams: (a b) (b d) -> P=R=1/2
    scores = m.score([ex("fever cough rash", "fever cough pain"), ex("same words here", "same words here")])
    assert scores[0].values["rouge2"] == pytest.approx(0.5)
    assert scores[0].values["rouge1"] == pytest.approx(2 / 3)
    agg = m.aggregate(scores)
    assert agg["rouge1"] == pytest.approx((2 / 3 + 1) / 2)
    assert agg["rouge2"] == pytest.approx(0.75)


def test_bleu_hand_computed_single():
    # 1-4gram precisions 5/6, 4/5, 3/4, 2/3; equal lengths so no brevity penalty
    m = BleuMetric()
    scores = m.score([ex("the patient has mild fever today", "the patient has mild fever now")])
    expected = 100 * (5 / 6 * 4 / 5 * 3 / 4 * 2 / 3) ** 0.25
    assert m.aggregate(scores)["bleu"] == pytest.approx(expected)
    assert scores[0].details["counts"] == [5, 4, 3, 2]


def test_bleu_is_corpus_level_not_mean_of_sentences():
    m = BleuMetric()
    scores = m.score(
        [
            ex("the patient has mild fever today", "the patient has mild fever now"),
            ex("rest and drink fluids daily", "rest and drink fluids daily"),
        ]
    )
    # summed statistics: 10/11, 8/9, 6/7, 4/5 (second example: 5/5, 4/4, 3/3, 2/2)
    expected = 100 * ((10 / 11) * (8 / 9) * (6 / 7) * (4 / 5)) ** 0.25
    assert m.aggregate(scores)["bleu"] == pytest.approx(expected)
    assert m.aggregate(scores)["bleu"] != pytest.approx(mean_or_none([s.values["bleu"] for s in scores]))


def test_bleu_brevity_penalty():
    m = BleuMetric()
    scores = m.score([ex("the patient has mild fever", "the patient has mild fever today")])
    # all n-grams match; BP = exp(1 - 6/5)
    assert m.aggregate(scores)["bleu"] == pytest.approx(100 * math.exp(1 - 6 / 5))


def test_length_metric():
    m = LengthMetric()
    scores = m.score([ex("one two three", "one two three four five six"), ex("", "a b")])
    assert [s.values["pred_words"] for s in scores] == [3.0, 0.0]
    agg = m.aggregate(scores)
    assert agg["pred_words"] == 1.5
    assert agg["ref_words"] == 4.0
    assert agg["length_ratio"] == pytest.approx(3 / 8)
    assert agg["empty_rate"] == 0.5
    assert agg["loop_rate"] == 0.0


def test_loop_rate_counts_answers_that_repeat_an_8_word_run_three_times():
    looping = "Asthma is a condition in which the airways narrow and swell. " * 3
    twice = "Asthma is a condition in which the airways narrow and swell. " * 2
    m = LengthMetric()
    scores = m.score([ex(looping, "ref"), ex(twice, "ref"), ex("Rest. " * 30, "ref"), ex("", "ref")])
    assert [s.values["loop_rate"] for s in scores] == [1.0, 0.0, 1.0, 0.0]
    assert m.aggregate(scores)["loop_rate"] == 0.5
    assert m.higher_is_better["loop_rate"] is False  # more looping answers is a regression


def test_mean_ignores_not_applicable():
    scores = [ExampleScore({"x": 1.0}), ExampleScore({"x": None}), ExampleScore({"x": 0.0})]
    assert mean_or_none([s.values["x"] for s in scores]) == 0.5


def test_cleaning_checker_adapts_to_pass_rate():
    class NoWarfarin:
        name = "no_warfarin"

        def check(self, prompt, response):
            return ["mentions warfarin"] if "warfarin" in response else []

    scorer = as_scorer(NoWarfarin(), "no_warfarin")
    scores = scorer.score([ex("take warfarin", "r"), ex("rest", "r")])
    assert [s.values["no_warfarin_pass"] for s in scores] == [0.0, 1.0]
    assert scorer.aggregate(scores) == {"no_warfarin_pass": 0.5}
    assert scores[0].details["findings"] == ["mentions warfarin"]


def test_builtin_metrics_register_through_the_hook(medtune_plugin_manager):
    registry = medtune_plugin_manager.registry("metric")
    assert {"rouge", "bleu", "length"} <= set(registry.names())
    assert {i.plugin for i in registry} == {"core"}
    assert [s.name for s in builtin_metrics()] == registry.names()
    rouge = registry.get("rouge").build({"types": ["rouge1"]})
    assert rouge.keys == ("rouge1",)
    with pytest.raises(ValidationError, match="Extra inputs"):
        registry.get("rouge").build({"nope": 1})


def test_import_medtune_stays_light():
    from medtune.testing import heavy_modules_imported

    heavy = ("torch", "transformers", "rouge_score", "sacrebleu", "matplotlib")
    assert (
        heavy_modules_imported(
            "import medtune, medtune.evaluation, medtune.medical.evaluation, medtune.cli.evaluate", heavy
        )
        == []
    )
