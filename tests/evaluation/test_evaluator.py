"""Evaluator: scoring through the registries, bootstrap intervals, paired comparison, and the report files."""

from __future__ import annotations

import base64
import json
import re

import pytest

from medtune.errors import ConfigError, UnknownComponentError
from medtune.evaluation.compare import bootstrap, paired_bootstrap, percentile
from medtune.evaluation.evaluator import EvalConfig, Evaluator
from medtune.evaluation.report import fmt, read_train_log, summary_markdown
from medtune.evaluation.scoring import EvalExample, ExampleScore, mean_or_none
from medtune.plugins import hookimpl

pytest.importorskip("rouge_score")
pytest.importorskip("sacrebleu")

CHEST = "I have chest pain and shortness of breath."


@pytest.fixture
def pm(medtune_plugin_manager):
    """The built-in plugins register the metrics (core) and the medical checkers (medical)."""
    return medtune_plugin_manager


def examples(tuned: bool) -> list[EvalExample]:
    out = []
    for i in range(12):
        ref = "Chest pain with shortness of breath needs the emergency room right away. Please consult your doctor."
        if tuned:
            pred = "Chest pain with shortness of breath needs the emergency room now. Please consult your doctor."
        else:
            pred = "It is probably a muscle strain. Rest." if i % 3 else "Go to the emergency room."
        out.append(EvalExample(f"ex{i}", CHEST, pred, ref))
    return out


def test_percentile_and_bootstrap_basics():
    assert percentile([0.0, 10.0], 25) == 2.5
    scores = [ExampleScore({"x": float(i % 2)}) for i in range(40)]
    est = bootstrap(scores, lambda s: {"x": mean_or_none([e.values["x"] for e in s])}, resamples=300, seed=1)["x"]
    assert est.value == 0.5 and est.low < 0.5 < est.high and est.n == 40
    again = bootstrap(scores, lambda s: {"x": mean_or_none([e.values["x"] for e in s])}, resamples=300, seed=1)["x"]
    assert again == est  # seeded


def test_paired_bootstrap_of_a_constant_shift_is_exact():
    base = [ExampleScore({"x": float(i)}) for i in range(20)]
    tuned = [ExampleScore({"x": float(i) + 0.25}) for i in range(20)]

    def stat(s):
        return {"x": mean_or_none([e.values["x"] for e in s])}

    delta = paired_bootstrap(base, tuned, stat, resamples=200)["x"]
    # pairing: every resample has delta 0.25 exactly, so the interval collapses; unpaired it would be wide
    assert delta.value == pytest.approx(0.25) and delta.low == pytest.approx(0.25) and delta.high == pytest.approx(0.25)
    with pytest.raises(ConfigError, match="same examples"):
        paired_bootstrap(base, tuned[:5], stat)


def test_scores_through_registries(pm):
    ev = Evaluator(EvalConfig(bootstrap_resamples=200))
    result = ev.score(examples(True), name="tuned")
    keys = set(result.metrics)
    assert {"rouge1", "rouge2", "rougeL", "bleu", "pred_words", "term_recall", "red_flag_escalation", "empathy"} <= keys
    assert result.metrics["red_flag_escalation"].value == 1.0
    assert result.metrics["disclaimer_present"].value == 1.0
    assert result.metrics["rouge1"].low <= result.metrics["rouge1"].value <= result.metrics["rouge1"].high


def test_unknown_name_and_duplicate_keys(pm):
    with pytest.raises(UnknownComponentError, match="rouge"):
        Evaluator(EvalConfig(metrics=["rogue"], checkers=[])).scorers()
    with pytest.raises(ConfigError, match="rouge1"):
        Evaluator(EvalConfig(metrics=["rouge", "rouge"], checkers=[])).scorers()


def test_cleaning_checkers_score_as_pass_rates(pm):
    ev = Evaluator(EvalConfig(metrics=[], checkers=["red_flag_escalation"], bootstrap_resamples=0))
    result = ev.score(examples(False))
    # the cleaning checker flags the 8 answers without escalation advice
    assert result.metrics["red_flag_escalation_pass"].value == pytest.approx(4 / 12)


def test_compare_and_report(pm, tmp_path):
    ev = Evaluator(EvalConfig(bootstrap_resamples=200, qualitative_examples=2))
    base = ev.score(examples(False), name="base", model="base-model")
    tuned = ev.score(list(reversed(examples(True))), name="tuned", model="tuned-model")  # paired by id
    comparison = ev.compare(base, tuned)
    esc = comparison["red_flag_escalation"]
    assert esc["base"]["value"] == pytest.approx(4 / 12) and esc["tuned"]["value"] == 1.0
    assert esc["delta"]["value"] == pytest.approx(8 / 12)
    assert esc["delta"]["ci_low"] > 0  # the tuned model escalates significantly more often
    assert esc["delta"]["n"] == 12 and comparison["term_recall"]["delta"]["n"] == 12
    assert comparison["rouge1"]["delta"]["value"] > 0

    log = tmp_path / "train_log.jsonl"
    log.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in [
                {"step": 1, "loss": 2.5, "learning_rate": 1e-4},
                {"step": 2, "loss": 2.0},
                {"step": 2, "eval_loss": 2.2},
            ]
        )
    )
    files = ev.report(tmp_path / "report", tuned, base=base, train_log=log)
    data = json.loads(files["json"].read_text())
    md, page = files["markdown"].read_text(), files["html"].read_text()
    # every number of the comparison and of each system is in the Markdown and the HTML, as in the JSON
    for key, c in data["comparison"].items():
        for part in ("base", "tuned", "delta"):
            assert fmt(c[part]["value"]) in md and fmt(c[part]["value"]) in page, (key, part)
        assert f"[{fmt(c['delta']['ci_low'])}, {fmt(c['delta']['ci_high'])}]" in md
    for system in data["systems"].values():
        for est in system["metrics"].values():
            assert fmt(est["value"]) in md
    # only [0, 1] scores share the bar chart: not BLEU (0-100) nor lengths in words
    assert {"rouge1", "red_flag_escalation", "empathy"} <= set(data["unit_interval_keys"])
    assert not {"bleu", "pred_words", "length_ratio"} & set(data["unit_interval_keys"])
    card = summary_markdown(data)  # the table a model card embeds
    assert card.splitlines()[0].startswith("| metric | base | tuned | delta")
    assert fmt(data["comparison"]["rouge1"]["delta"]["value"]) in card
    assert data["comparison"]["bleu"]["tuned"]["value"] == pytest.approx(tuned.metrics["bleu"].value)
    assert data["training"]["train"] == [[1.0, 2.5], [2.0, 2.0]] and data["training"]["eval"] == [[2.0, 2.2]]
    # three embedded plots, valid PNGs, no external resources
    images = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)
    assert len(images) == 3 and all(base64.b64decode(b)[:8] == b"\x89PNG\r\n\x1a\n" for b in images)
    assert "http://" not in page and "https://" not in page
    # qualitative examples: the largest improvement first
    assert len(data["qualitative"]) == 2 and data["qualitative"][0]["delta"] >= data["qualitative"][1]["delta"]
    assert data["qualitative"][0]["base"] in md
    # per-example rows can be re-read to recompute metrics without generating
    from medtune.evaluation.generation import load_generations

    again = ev.score(load_generations(files["examples:tuned"]), name="tuned")
    assert again.metrics["rougeL"].value == pytest.approx(tuned.metrics["rougeL"].value)


def test_report_escapes_model_text(pm, tmp_path):
    ev = Evaluator(EvalConfig(metrics=["length"], checkers=[], bootstrap_resamples=0, qualitative_examples=1))
    result = ev.score([EvalExample("x<1>", "q", "<script>alert(1)</script>", "ref")], name="tuned")
    page = ev.report(tmp_path, result)["html"].read_text()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_read_train_log_errors(tmp_path):
    from medtune.errors import DataFormatError

    bad = tmp_path / "log.jsonl"
    bad.write_text('{"loss": 1}\n')
    with pytest.raises(DataFormatError, match="log.jsonl:1"):
        read_train_log(bad)


def test_third_party_checker_in_a_few_lines(pm):
    from medtune.evaluation import Scorer
    from medtune.plugins.registry import ComponentSpec

    class MentionsFollowUp(Scorer):
        name = "follow_up"
        keys = ("follow_up",)

        def score(self, examples):
            return [ExampleScore({"follow_up": float("follow up" in e.prediction.lower())}) for e in examples]

    class ThirdParty:
        @hookimpl
        def medtune_checkers(self):
            return [ComponentSpec("follow_up", MentionsFollowUp, None, "suggests a follow-up")]

    pm.register(ThirdParty(), name="third-party")
    exs = [EvalExample("a", "q", "Rest, and follow up in a week.", "r"), EvalExample("b", "q", "Rest.", "r")]
    result = Evaluator(EvalConfig(metrics=["length"], checkers=["follow_up"], bootstrap_resamples=0)).score(exs)
    assert result.metrics["follow_up"].value == 0.5
    assert result.scores["follow_up"][0].values == {"follow_up": 1.0}


def test_delta_n_counts_only_applicable_examples(pm):
    ev = Evaluator(EvalConfig(metrics=[], checkers=["safety"], bootstrap_resamples=50))
    prompts = [CHEST, "I have a mild rash.", CHEST]
    base = ev.score([EvalExample(str(i), p, "Rest.", "r") for i, p in enumerate(prompts)], name="base")
    tuned = ev.score([EvalExample(str(i), p, "Call 911 now.", "r") for i, p in enumerate(prompts)], name="tuned")
    esc = ev.compare(base, tuned)["red_flag_escalation"]
    assert (esc["base"]["n"], esc["delta"]["n"], esc["delta"]["value"]) == (2, 2, 1.0)
    assert ev.compare(base, tuned)["disclaimer_present"]["delta"]["n"] == 3


def test_a_bad_option_key_is_a_config_error_naming_it():
    ev = Evaluator(EvalConfig(metrics=["rouge"], checkers=[], options={"rouge": {"typess": ["rouge1"]}}))
    with pytest.raises(
        ConfigError, match=r"options.rouge \(metric 'rouge'\): 1 invalid setting:\n  unknown key 'typess'"
    ):
        ev.scorers()


def _few(pm):
    """Base and tuned on 3 examples: red_flag_escalation applies to 2 (n=2), delta 1.0 with a [1.0, 1.0] interval."""
    ev = Evaluator(EvalConfig(metrics=["rouge"], checkers=["safety"], bootstrap_resamples=50))
    prompts = [CHEST, "I have a mild rash.", CHEST]
    base = ev.score([EvalExample(str(i), p, "Rest.", "Rest now.") for i, p in enumerate(prompts)], name="base")
    tuned = ev.score(
        [EvalExample(str(i), p, "Call 911 now.", "Rest now.") for i, p in enumerate(prompts)], name="tuned"
    )
    return ev, base, tuned


def test_an_interval_from_too_few_examples_is_flagged_in_the_json(pm):
    from medtune.evaluation.compare import MIN_JUDGEABLE_N, Estimate

    assert MIN_JUDGEABLE_N == 10
    assert Estimate(-1.0, -1.0, -1.0, 1).to_dict()["too_few_to_judge"] is True
    assert Estimate(0.5, 0.4, 0.6, 10).to_dict()["too_few_to_judge"] is False
    ev, base, tuned = _few(pm)
    esc = ev.compare(base, tuned)["red_flag_escalation"]
    assert (esc["delta"]["value"], esc["delta"]["ci_low"], esc["delta"]["ci_high"]) == (1.0, 1.0, 1.0)  # kept
    assert esc["delta"]["too_few_to_judge"] and esc["tuned"]["too_few_to_judge"]
    many = Evaluator(EvalConfig(bootstrap_resamples=20))
    big = many.compare(many.score(examples(False), name="base"), many.score(examples(True), name="tuned"))
    assert big["red_flag_escalation"]["delta"]["too_few_to_judge"] is False  # n = 12


def test_reports_and_the_card_table_say_too_few_to_judge_instead_of_the_interval(pm, tmp_path):
    from medtune.evaluation.report import TOO_FEW, too_few_to_judge

    ev, base, tuned = _few(pm)
    files = ev.report(tmp_path, tuned, base=base)
    md, page = files["markdown"].read_text(), files["html"].read_text()
    row = next(line for line in md.splitlines() if line.startswith("| red_flag_escalation | 0.0000 | 1.0000 |"))
    assert TOO_FEW in row and "[1.0000, 1.0000]" not in row and row.endswith("| 2 |")
    assert "<td>too few to judge</td>" in page and "fewer than 10 examples" in page and "fewer than 10" in md
    card = summary_markdown(json.loads(files["json"].read_text()))
    assert "| red_flag_escalation | 0.0000 | 1.0000 | 1.0000 | too few to judge | 2 |" in card
    assert "[1.0000, 1.0000]" not in card
    # a report.json written before the flag: judged from n
    assert too_few_to_judge({"value": 1.0, "ci_low": 1.0, "ci_high": 1.0, "n": 3})
    assert not too_few_to_judge({"value": 1.0, "ci_low": 0.9, "ci_high": 1.0, "n": 30})


def test_the_metric_plot_draws_too_few_bars_hatched_without_a_whisker(pm, tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    from medtune.evaluation import report

    figures = []
    monkeypatch.setattr(report, "_png", lambda fig: figures.append(fig) or "")
    ev, base, tuned = _few(pm)
    data = report.build_report_data(ev, tuned, base=base)
    report._plots(data)
    (fig,) = [f for f in figures if f.axes[0].get_title().startswith("Metrics")]
    ax = fig.axes[0]
    keys = [t.get_text() for t in ax.get_xticklabels()]
    few = [k for k in keys if data["systems"]["tuned"]["metrics"][k]["too_few_to_judge"]]
    assert "red_flag_escalation" in keys and few == keys  # 3 examples: every key has n < 10
    from matplotlib.container import BarContainer

    bars = [(c, c.errorbar) for c in ax.containers if isinstance(c, BarContainer)]
    hatched = [c for c, _ in bars if all(p.get_hatch() == "//" for p in c.patches)]
    whiskered = [c for c, err in bars if err is not None]
    # every bar of every system: n=3 for every key here, so no whisker at all
    assert sum(len(c.patches) for c in hatched) == 2 * len(keys) and not whiskered
    notes = [t.get_text() for t in ax.texts]
    assert notes.count("n=2\ntoo few") == 2 and "n=3\ntoo few" in notes
    assert any("too few to judge" in t.get_text() for t in ax.get_legend().get_texts())
    # with 12 examples every bar keeps its whisker, unhatched, with no note
    figures.clear()
    many = Evaluator(EvalConfig(bootstrap_resamples=20))
    data = report.build_report_data(many, many.score(examples(True), name="tuned"), base=many.score(examples(False)))
    report._plots(data)
    (fig,) = [f for f in figures if f.axes[0].get_title().startswith("Metrics")]
    bars = [c for c in fig.axes[0].containers if isinstance(c, BarContainer)]
    assert len(bars) == 2 and all(c.errorbar is not None for c in bars) and not fig.axes[0].texts
    assert not any(p.get_hatch() for c in bars for p in c.patches)


def test_headline_table_is_the_comparison_less_detail_keys(pm):
    from medtune.evaluation.report import build_report_data, headline_table, report_tables

    ev, base, tuned = _few(pm)
    data = json.loads(json.dumps(build_report_data(ev, tuned, base=base)))
    title, header, rows = headline_table(data)
    full = report_tables(data)[0]
    assert header == full[1] and title == "Headline metrics"
    assert [r[0] for r in rows] == [k for k in data["comparison"] if k not in {"rouge2"}]
    assert all(row in full[2] for row in rows)  # the same rows, "too few to judge" included
    single = dict(data, comparison=None, base=None)
    title, header, rows = headline_table(single)
    assert header[:2] == ["metric", "value"] and "rouge1" in [r[0] for r in rows]
