"""Add (or replace) the evaluation section of an existing medtune model card after ``medtune eval``.

A medtune training run writes its model card (``README.md``) into the run directory and copies it into
``adapter/`` and ``merged/``, with the run's facts in ``run.json`` beside them. When ``medtune eval`` evaluates such
an adapter or merged model, :func:`update_model_card` puts the evaluation summary into that card: the same
``## Evaluation`` section that ``medtune run``'s card stage writes, rendered by
:func:`medtune.cards.model_card.render_model_card`. The rest of the card is kept as it is. A ``README.md``
that medtune did not write (no ``medtune`` tag in its front matter, or no ``run.json`` next to it or in its run
directory) is left alone.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["CardUpdate", "describe_evaluation", "evaluation_section", "find_run_json", "update_model_card"]

logger = logging.getLogger(__name__)

_HEADING = re.compile(r"^## Evaluation[ \t]*$", re.M)
_NEXT_HEADING = re.compile(r"^## ", re.M)
_AFTER = ("## Intended use and limitations", "## Files")


@dataclass(frozen=True)
class CardUpdate:
    """What :func:`update_model_card` did.

    Attributes:
        card: The card it looked at (``None`` when the directory has none).
        updated: Whether the card was rewritten.
        message: One line for the log: what was done, or why nothing was.
        copies: Other copies of the same card (run directory, ``adapter/``, ``merged/``) updated with it.
    """

    card: Path | None
    updated: bool
    message: str
    copies: tuple[Path, ...] = ()


def evaluation_section(evaluation: Mapping[str, Any], *, run_dir: str = "") -> str:
    """The ``## Evaluation`` section of a model card, exactly as the card renderer writes it.

    Args:
        evaluation: ``summary`` (a Markdown table), and optionally ``description`` and ``report`` (a path,
            relative to the run directory).
        run_dir: The run directory as seen from the card's folder (the report's link starts there).

    Returns:
        The section, from its heading to its last line, with a trailing newline.
    """
    from medtune.cards.model_card import render_model_card

    card = render_model_card({"evaluation": dict(evaluation)}, run_dir=run_dir)
    start = _HEADING.search(card)
    if start is None:  # no summary: render_model_card writes no section
        return ""
    end = _NEXT_HEADING.search(card, start.end())
    return card[start.start() : end.start() if end else len(card)].rstrip() + "\n"


def describe_evaluation(
    data: str,
    task: str,
    *,
    examples: int,
    limit: int | None = None,
    base: str | None = None,
    max_new_tokens: int | None = None,
    sampling: bool = False,
    evaluated: str | None = None,
    min_judgeable: int = 10,
) -> str:
    """The sentences above the summary table: what was evaluated, on what, how.

    Args:
        data: The evaluation data, as given.
        task: ``generation`` or ``mcq``.
        examples: Examples (questions) evaluated.
        limit: ``--limit``, if given.
        base: The baseline, if any.
        max_new_tokens: Generation length limit.
        sampling: Whether answers were sampled (else greedy).
        evaluated: Which weights were evaluated (e.g. ``merged model at run/merged``).
        min_judgeable: Intervals from fewer examples read "too few to judge"
            (``medtune.evaluation.compare.MIN_JUDGEABLE_N``).

    >>> describe_evaluation("dev.jsonl", "mcq", examples=20).split(". ")[0]
    'Multiple choice on `dev.jsonl` (20 questions), accuracy by option log-likelihood'
    >>> print(describe_evaluation("dev.jsonl", "mcq", examples=2, evaluated="merged model at merged").split(". ", 1)[1])
    Intervals are bootstrap confidence intervals; those from fewer than 10 examples read too few to judge.
    Evaluated: merged model at merged.
    """
    first = f", the first {limit}" if limit else ""
    if task == "mcq":
        text = f"Multiple choice on `{data}` ({examples} question{'s' * (examples != 1)}{first}), accuracy by "
        text += "option log-likelihood"
    else:
        text = f"On `{data}` ({examples} example{'s' * (examples != 1)}{first})"
    if base:
        text += f", the tuned model against `{base}`"
    if task != "mcq" and max_new_tokens is not None:
        text += f"; {max_new_tokens} new tokens at most, " + ("sampling" if sampling else "greedy decoding")
    text += f". Intervals are bootstrap confidence intervals; those from fewer than {min_judgeable} examples read too "
    text += "few to judge."
    return text + (f" Evaluated: {evaluated}." if evaluated else "")


def is_medtune_card(text: str) -> bool:
    """Whether a README was written by medtune: its YAML front matter has a ``tags`` line naming ``medtune``."""
    if not text.startswith("---\n"):
        return False
    end = text.find("\n---", 4)
    front = text[4:end] if end != -1 else ""
    return any(line.startswith("tags:") and "medtune" in line for line in front.splitlines())


def find_run_json(model_dir: Path) -> Path | None:
    """``run.json`` next to the model (a run directory) or in its parent (``adapter/``, ``merged/`` of a run)."""
    for where in (model_dir, model_dir.parent):
        path = where / "run.json"
        if path.is_file():
            try:
                facts = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(facts, dict):
                return path
    return None


_LINK = re.compile(r"\[[^\[\]]*\]\([^()\s]*\)")


def _without_links(card: str) -> str:
    """``card`` with every Markdown link emptied: copies of one card differ only in their relative links."""
    return _LINK.sub("[]()", card)


def _splice(card: str, section: str) -> str:
    """``card`` with its evaluation section replaced by ``section`` (inserted before the limitations if absent)."""
    start = _HEADING.search(card)
    if start is not None:
        end = _NEXT_HEADING.search(card, start.end())
        rest = card[end.start() :] if end else ""
        return card[: start.start()] + section + ("\n" + rest if rest else "")
    for heading in _AFTER:
        at = re.search(rf"^{re.escape(heading)}[ \t]*$", card, re.M)
        if at is not None:
            return card[: at.start()] + section + "\n" + card[at.start() :]
    return card.rstrip() + "\n\n" + section


def update_model_card(model_dir: str | Path, evaluation: Mapping[str, Any]) -> CardUpdate:
    """Put an evaluation summary into the medtune model card of an evaluated model directory.

    Args:
        model_dir: The evaluated adapter or merged model directory.
        evaluation: ``summary`` (:func:`medtune.evaluation.report.summary_markdown` of the report),
            ``description`` (:func:`describe_evaluation`) and ``report`` (the report's path: each card links to it
            relative to its own folder), as the card stage of ``medtune run`` passes them.

    Returns:
        What was done. Nothing is written when the directory has no ``README.md``, when the card was not written
        by medtune, or when no ``run.json`` is next to it or in its run directory; the message says which.
        Other copies of the card in the run directory (``README.md``, ``adapter/``, ``merged/``, and a
        ``medtune run`` output's ``card/``) that were the same card (but for their relative links) are updated too.
    """
    from medtune.cards.writer import relative_path, write_card_text

    model_dir = Path(model_dir)
    card = model_dir / "README.md"
    if not card.is_file():
        return CardUpdate(None, False, f"no model card (README.md) in {model_dir}: nothing to update")
    text = card.read_text(encoding="utf-8")
    if not is_medtune_card(text):
        message = (
            f"{card} was not written by medtune (no 'medtune' tag in its front matter): left unchanged. "
            "Fix: copy the evaluation summary from the report's report.md by hand."
        )
        logger.info("%s", message)
        return CardUpdate(card, False, message)
    run_json = find_run_json(model_dir)
    if run_json is None:
        message = (
            f"{card} looks like a medtune card but no run.json is in {model_dir} or {model_dir.parent}: left "
            "unchanged. Fix: keep the card in its training run directory (run.json beside adapter/ and merged/)."
        )
        logger.info("%s", message)
        return CardUpdate(card, False, message)
    run_dir = run_json.parent
    if evaluation.get("report"):  # relative to the run directory, as the card renderer takes it
        evaluation = {**evaluation, "report": relative_path(evaluation["report"], run_dir)}
    if not evaluation_section(evaluation):
        return CardUpdate(card, False, f"{card}: the evaluation has no summary table: left unchanged")
    copies = []
    for other in (
        run_dir / "README.md",
        run_dir / "adapter" / "README.md",
        run_dir / "merged" / "README.md",
        run_dir.parent / "card" / "README.md",
    ):
        if (
            other.resolve() != card.resolve()
            and other.is_file()
            and _without_links(other.read_text(encoding="utf-8")) == _without_links(text)
        ):
            copies.append(other)
    for path in (card, *copies):  # each copy's links start from its own folder
        section = evaluation_section(evaluation, run_dir=relative_path(run_dir, path.parent))
        write_card_text(_splice(path.read_text(encoding="utf-8"), section), path.parent)
    message = f"model card {card} updated with the evaluation summary" + (
        f" (and its copies {', '.join(str(c) for c in copies)})" if copies else ""
    )
    logger.info("%s", message)
    return CardUpdate(card, True, message, tuple(copies))
