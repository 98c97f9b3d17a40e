"""The verdict: helped / hurt / no clear change / too few to judge, per data set and metric group."""

from __future__ import annotations

import pytest

from medtune.errors import ConfigError
from medtune.evaluation.verdict import HELPED, HURT, NO_CLEAR_CHANGE, TOO_FEW_TO_JUDGE, judge, verdict


def _entry(low, high, *, n=20, group="quality", higher=True):
    value = None if low is None else (low + high) / 2
    delta = {"value": value, "ci_low": low, "ci_high": high, "n": n, "too_few_to_judge": n < 10}
    return {"delta": delta, "higher_is_better": higher, "group": group}


def test_judge_reads_direction_interval_and_n():
    assert judge(_entry(0.1, 0.3)["delta"], True) == HELPED
    assert judge(_entry(-0.3, -0.1)["delta"], True) == HURT
    assert judge(_entry(0.1, 0.3)["delta"], False) == HURT  # a rate that should fall rose
    assert judge(_entry(-0.1, 0.3)["delta"], True) == NO_CLEAR_CHANGE
    assert judge(_entry(0.0, 0.0)["delta"], True) == NO_CLEAR_CHANGE  # identical systems
    assert judge(_entry(-0.5, -0.4, n=9)["delta"], True) == TOO_FEW_TO_JUDGE
    assert judge(_entry(None, None)["delta"], True) == TOO_FEW_TO_JUDGE  # no interval (bootstrap off)


def test_headline_alone_judges_its_group_and_other_groups_judge_every_directed_key():
    comparison = {
        "rouge1": _entry(-0.3, -0.1),  # not the headline: not judged
        "rougeL": _entry(0.05, 0.2),
        "pred_words": _entry(-9.0, -5.0, higher=None),  # descriptive: never judged
        "refusal_rate": _entry(0.1, 0.2, group="safety", higher=False),
        "escalation": _entry(-0.1, 0.1, group="safety"),
    }
    v = verdict({"test": comparison})
    assert v["status"] == HURT and v["hurt"] == ["test/refusal_rate"] and v["helped"] == ["test/rougeL"]
    groups = {g["group"]: g for g in v["sets"][0]["groups"]}
    assert groups["quality"]["status"] == HELPED and [m["key"] for m in groups["quality"]["metrics"]] == ["rougeL"]
    assert groups["safety"]["status"] == HURT
    assert v["line"].startswith("Verdict: hurt. test: quality helped (rougeL +0.1250 [+0.0500, +0.2000]); ")
    assert "safety hurt (refusal_rate +0.1500 [+0.1000, +0.2000])" in v["line"]
    assert "pred_words" not in v["line"] and "rouge1" not in v["line"]
    # a configured headline judges the quality group instead
    assert verdict({"test": comparison}, headline="rouge1")["sets"][0]["groups"][0]["status"] == HURT


def test_each_data_set_is_named_and_the_worst_decides():
    v = verdict({"test": {"rougeL": _entry(0.1, 0.2)}, "ood": {"rougeL": _entry(-0.2, -0.1)}})
    assert [s["name"] for s in v["sets"]] == ["test", "ood"] and v["status"] == HURT
    assert v["line"] == (
        "Verdict: hurt. test: quality helped (rougeL +0.1500 [+0.1000, +0.2000]). "
        "ood: quality hurt (rougeL -0.1500 [-0.2000, -0.1000])."
    )
    few = verdict({"test": {"rougeL": _entry(-0.2, -0.1, n=4)}})
    assert (
        few["status"] == TOO_FEW_TO_JUDGE
        and few["line"] == "Verdict: too few to judge. test: quality too few to judge (n=4)."
    )
    assert (
        verdict({"test": {"accuracy": _entry(-0.1, 0.1)}})["line"]
        == "Verdict: no clear change. test: quality no clear change."
    )


def test_an_unknown_headline_is_an_actionable_error():
    with pytest.raises(ConfigError, match=r"eval headline 'rougeX' is not a metric .*'test'.*rougeL.*Fix"):
        verdict({"test": {"rougeL": _entry(0.1, 0.2)}}, headline="rougeX")


def test_with_roles_the_line_starts_with_out_of_distribution_safety_and_forgetting():
    test = {"rougeL": _entry(0.1, 0.2), "red_flag_escalation": _entry(-0.3, -0.1, group="safety")}
    kqa = {"rougeL": _entry(-0.05, 0.05), "red_flag_escalation": _entry(-0.1, 0.1, group="safety")}
    mcq = {"accuracy": _entry(-0.2, -0.05), "accuracy_norm": _entry(-0.1, 0.1)}
    roles = {"k-qa": "ood", "pubmedqa": "forgetting"}
    v = verdict({"test": test, "k-qa": kqa, "pubmedqa": mcq}, headline={"test": "rougeL"}, roles=roles)
    assert v["summary"] == {
        "ood": {"status": NO_CLEAR_CHANGE, "sets": ["k-qa"]},
        "safety": {"status": HURT, "sets": ["test", "k-qa"]},  # the safety group of every set
        "forgetting": {"status": HURT, "sets": ["pubmedqa"]},
    }
    assert [s["role"] for s in v["sets"]] == [None, "ood", "forgetting"]
    assert v["hurt"] == ["test/red_flag_escalation", "pubmedqa/accuracy"]  # accuracy alone judges multiple choice
    assert v["line"].startswith(
        "Verdict: hurt. Out of distribution (k-qa): no clear change; safety: hurt; forgetting (pubmedqa): hurt. "
        "test: quality helped (rougeL +0.1500 [+0.1000, +0.2000]); safety hurt"
    )
    # nothing of a kind evaluated: said so, not left out
    alone = verdict({"test": test, "mmlu-general": mcq}, roles={"mmlu-general": "forgetting"})
    assert alone["line"].startswith("Verdict: hurt. Out of distribution: none evaluated; safety: hurt; forgetting")
    # a headline per set: the main data's headline does not have to exist in a multiple-choice set
    assert verdict({"test": test, "q": mcq}, headline={"test": "rougeL", "q": None})["status"] == HURT
    with pytest.raises(ConfigError, match="eval headline 'rougeL' is not a metric of the evaluation of 'q'"):
        verdict({"test": test, "q": mcq}, headline="rougeL")
