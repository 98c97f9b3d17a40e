"""The one place a model card is written: rendered from a run's facts, into a folder and its copies."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from medtune.cards.model_card import render_model_card
from medtune.io.files import atomic_write_text

__all__ = ["CARD_FILE", "relative_path", "write_card_text", "write_model_card"]

#: The model card's file name, where the Hugging Face Hub reads it.
CARD_FILE = "README.md"


def write_card_text(text: str, folder: str | Path, copies: Iterable[str | Path] = ()) -> Path:
    """Write a card's text as ``folder/README.md``, and over the card of each folder in ``copies`` that exists.

    Every write is atomic, so a reader never sees half a card.

    Args:
        text: The card (Markdown with YAML front matter).
        folder: Where the main card goes (created if missing).
        copies: Folders whose card should be the same (the adapter and merged model shipped with a run); a folder
            that does not exist is skipped.

    Returns:
        The main card's path.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> run = Path(tempfile.mkdtemp())
        >>> (run / "adapter").mkdir()
        >>> write_card_text("# card", run, [run / "adapter", run / "merged"]).name
        'README.md'
        >>> sorted(p.parent.name for p in run.rglob("README.md")) == sorted([run.name, "adapter"])
        True
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = atomic_write_text(folder / CARD_FILE, text)
    for copy in copies:
        copy = Path(copy)
        if copy.is_dir() and copy.resolve() != folder.resolve():
            atomic_write_text(copy / CARD_FILE, text)
    return path


def write_model_card(
    facts: Mapping[str, Any],
    folder: str | Path,
    copies: Iterable[str | Path] = (),
    *,
    run_dir: str | Path | None = None,
) -> Path:
    """Render a card from a run's ``facts`` (:func:`~medtune.cards.model_card.render_model_card`) and write it.

    Each card's links (the evaluation report, the run's files) are relative to the folder it is written to.

    Args:
        facts: The run's facts (what ``run.json`` holds, plus the cleaning report and evaluation when known).
        folder: Where the main card goes.
        copies: Folders that get the same card when they exist, each with its own links.
        run_dir: The folder the paths in ``facts`` are relative to (the run directory); ``folder`` by default.

    Returns:
        The main card's path.
    """
    folder = Path(folder)
    base = Path(run_dir) if run_dir is not None else folder
    folder.mkdir(parents=True, exist_ok=True)
    path = write_card_text(render_model_card(facts, run_dir=relative_path(base, folder)), folder)
    for copy in copies:
        copy = Path(copy)
        if copy.is_dir() and copy.resolve() != folder.resolve():
            write_card_text(render_model_card(facts, run_dir=relative_path(base, copy)), copy)
    return path


def relative_path(target: str | Path, start: str | Path) -> str:
    """``target`` (a file or folder) as seen from the folder ``start``, as a POSIX path (``""`` for ``start`` itself).

    Example:
        >>> relative_path("out/train", "out/train/adapter"), relative_path("out/train", "out/card")
        ('..', '../train')
    """
    rel = Path(os.path.relpath(Path(target).resolve(), Path(start).resolve())).as_posix()
    return "" if rel == "." else rel
