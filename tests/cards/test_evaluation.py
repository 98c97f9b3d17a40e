"""The evaluation section of a medtune model card, added or replaced after ``medtune eval``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from medtune.cards.evaluation import describe_evaluation, evaluation_section, is_medtune_card, update_model_card
from medtune.cards.model_card import render_model_card
from medtune.cards.writer import write_model_card

FACTS = {
    "name": "tiny + medtune LoRA",
    "base_model": "tiny",
    "backend": "peft",
    "backend_reason": "test",
    "config": {"lora": {"r": 8, "alpha": 16, "dropout": 0.05, "target_modules": ["q_proj"]}},
    "data": {"train_records": 3},
    "metrics": {"train_loss": 1.5, "steps": 2.0, "first_loss": 2.0, "final_loss": 1.0},
    "outputs": {"merged/": "merged model", "run.json": "the facts this card is rendered from"},
}
TABLE = "| metric | value | 95% CI | n |\n|---|---|---|---|\n| accuracy | 0.5000 | [0.2500, 0.7500] | 8 |"
EVALUATION = {"summary": TABLE, "description": "Multiple choice on `dev.jsonl`.", "report": "eval/report.html"}


@pytest.fixture
def run_dir(tmp_path):
    """A training run's layout: run.json and the same card (links from its folder) in the run dir, adapter/, merged/."""
    run = tmp_path / "run"
    for where in (run, run / "adapter", run / "merged"):
        where.mkdir(parents=True)
    write_model_card(FACTS, run, [run / "adapter", run / "merged"])
    (run / "run.json").write_text(json.dumps(FACTS))
    return run


def local_links(card: Path) -> list[str]:
    """The targets of a card's Markdown links to files (not web pages)."""
    return [t for t in re.findall(r"\]\(([^()\s]+)\)", card.read_text()) if "://" not in t]


def test_section_is_the_one_the_card_renderer_writes():
    section = evaluation_section(EVALUATION)
    assert section.startswith("## Evaluation\n") and TABLE in section
    assert "Full report: [eval/report.html](eval/report.html)." in section
    assert section in render_model_card({**FACTS, "evaluation": EVALUATION})
    assert evaluation_section({"summary": ""}) == ""
    assert is_medtune_card(render_model_card(FACTS)) and not is_medtune_card("# my model\n")
    assert describe_evaluation("t.jsonl", "generation", examples=4, limit=4, base="b", max_new_tokens=8) == (
        "On `t.jsonl` (4 examples, the first 4), the tuned model against `b`; 8 new tokens at most, greedy "
        "decoding. Intervals are bootstrap confidence intervals; those from fewer than 10 examples read too few to "
        "judge."
    )


def test_the_description_says_which_weights_were_evaluated_and_marks_small_intervals():
    text = describe_evaluation("t.jsonl", "mcq", examples=3, evaluated="base + adapter at run/adapter")
    assert text.endswith(
        "those from fewer than 10 examples read too few to judge. Evaluated: base + adapter at run/adapter."
    )
    assert "fewer than 20 examples" in describe_evaluation("t.jsonl", "mcq", examples=3, min_judgeable=20)


def test_adds_then_replaces_the_section_and_keeps_copies_in_sync(run_dir):
    evaluation = {**EVALUATION, "report": run_dir / "eval" / "report.html"}
    result = update_model_card(run_dir / "merged", evaluation)
    assert result.updated and result.card == run_dir / "merged" / "README.md"
    # exactly the card `medtune run` renders with this evaluation (links from merged/): the rest is untouched
    expected = render_model_card({**FACTS, "evaluation": EVALUATION}, run_dir="..")
    assert result.card.read_text() == expected
    assert set(result.copies) == {run_dir / "README.md", run_dir / "adapter" / "README.md"}
    assert (run_dir / "README.md").read_text() == render_model_card({**FACTS, "evaluation": EVALUATION})
    # a second evaluation replaces the section (one section, new numbers)
    newer = {**evaluation, "summary": TABLE.replace("0.5000", "0.6250")}
    (run_dir / "adapter" / "README.md").write_text(expected + "\nEdited by hand.\n")  # no longer a copy
    assert update_model_card(run_dir / "merged", newer).updated
    text = result.card.read_text()
    assert text == render_model_card({**FACTS, "evaluation": {**newer, "report": "eval/report.html"}}, run_dir="..")
    assert text.count("## Evaluation") == 1
    assert "Edited by hand." in (run_dir / "adapter" / "README.md").read_text()
    assert "0.6250" not in (run_dir / "adapter" / "README.md").read_text()
    assert "0.6250" in (run_dir / "README.md").read_text()  # still a copy: only its links differ


def test_every_link_of_every_copy_resolves_from_its_own_folder(run_dir, tmp_path):
    """Issue #17: a card in adapter/ links to ../eval/report.html and ../run.json, not to eval/… beside it."""
    for name in ("merged/", "run.json"):
        assert (run_dir / name).exists()
    report = run_dir / "eval" / "report.html"
    report.parent.mkdir()
    report.write_text("<html></html>")
    update_model_card(run_dir / "adapter", {**EVALUATION, "report": report})
    adapter = run_dir / "adapter" / "README.md"
    assert "Full report: [../eval/report.html](../eval/report.html)." in adapter.read_text()
    assert "- [`run.json`](../run.json): the facts" in adapter.read_text()
    for card in (run_dir / "README.md", adapter, run_dir / "merged" / "README.md"):
        links = local_links(card)
        assert "../eval/report.html" in links or "eval/report.html" in links
        assert [t for t in links if not (card.parent / t).exists()] == [], card
    outside = tmp_path / "reports" / "report.html"  # a report outside the run directory: linked from each card
    outside.parent.mkdir()
    outside.write_text("<html></html>")
    update_model_card(run_dir / "adapter", {**EVALUATION, "report": outside})
    assert "Full report: [../../reports/report.html](../../reports/report.html)." in adapter.read_text()
    assert all((adapter.parent / t).exists() for t in local_links(adapter))


def test_leaves_other_cards_alone(run_dir, tmp_path):
    foreign = tmp_path / "hf-model"
    foreign.mkdir()
    (foreign / "README.md").write_text("---\nlicense: apache-2.0\n---\n# Someone's model\n")
    (foreign / "run.json").write_text("{}")
    result = update_model_card(foreign, EVALUATION)
    assert not result.updated and "not written by medtune" in result.message and "Fix:" in result.message
    assert (foreign / "README.md").read_text() == "---\nlicense: apache-2.0\n---\n# Someone's model\n"
    (run_dir / "run.json").unlink()
    orphan = update_model_card(run_dir / "merged", EVALUATION)
    assert not orphan.updated and "no run.json" in orphan.message
    assert "## Evaluation" not in (run_dir / "merged" / "README.md").read_text()
    empty = update_model_card(tmp_path, EVALUATION)
    assert empty.card is None and not empty.updated and "no model card" in empty.message


def test_medtune_run_layout_updates_the_card_stage_copy(tmp_path):
    """``medtune run`` output: train/ holds run.json, adapter/ and merged/; card/README.md is another copy."""
    out = tmp_path / "output"
    for where in (out / "train", out / "train" / "adapter", out / "card"):
        where.mkdir(parents=True)
    write_model_card(FACTS, out / "card", [out / "train", out / "train" / "adapter"], run_dir=out / "train")
    (out / "train" / "run.json").write_text(json.dumps(FACTS))
    report = out / "eval" / "report.html"
    result = update_model_card(out / "train" / "adapter", {**EVALUATION, "report": report})
    assert set(result.copies) == {out / "train" / "README.md", out / "card" / "README.md"}
    expected = render_model_card(
        {**FACTS, "evaluation": {**EVALUATION, "report": "../eval/report.html"}}, run_dir="../train"
    )
    assert (out / "card" / "README.md").read_text() == expected
    assert "Full report: [../eval/report.html](../eval/report.html)." in expected
    assert "- [`run.json`](../train/run.json): " in expected
