"""Shared CLI plumbing: console output, JSON mode, progress bars, exit codes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from medtune.errors import MedtuneError

T = TypeVar("T")

EXIT_OK, EXIT_INVALID, EXIT_ERROR = 0, 1, 2
#: ``medtune eval --fail-on-regression`` / ``medtune run`` with ``eval.fail_on_regression``: a judged metric hurt.
EXIT_REGRESSION = 3


def escape(text: str) -> str:
    """Escape rich markup in user-provided text (``[row 3]``, ``[NAME]``)."""
    from rich.markup import escape as _escape

    return _escape(text)


def parse_columns(values: Sequence[str] | None) -> dict[str, str] | None:
    if not values:
        return None
    out: dict[str, str] = {}
    for value in values:
        src, sep, dst = value.partition("=")
        if not sep or not src or not dst:
            raise MedtuneError(f"--column {value!r}: expected SOURCE=FIELD, e.g. --column question=input")
        out[src] = dst
    return out


class Console:
    """Human output on a rich console; ``--json`` output as one JSON document on stdout."""

    def __init__(self, as_json: bool) -> None:
        from rich.console import Console

        self.as_json = as_json
        self.out = Console(highlight=False, soft_wrap=True)
        self.err = Console(stderr=True, highlight=False, soft_wrap=True)

    def progress(self, description: str) -> Any:
        """A wrapper that shows a live record counter on a terminal, and nothing otherwise."""
        if self.as_json or not self.err.is_terminal:
            return None

        def wrap(items: Iterable[T]) -> Iterator[T]:
            from rich.progress import (
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            columns = (SpinnerColumn(), TextColumn(description), MofNCompleteColumn(), TimeElapsedColumn())
            with Progress(*columns, console=self.err, transient=True) as bar:
                task = bar.add_task(description, total=None)
                for item in items:
                    bar.advance(task)
                    yield item

        return wrap

    def emit(self, payload: Any) -> None:
        print(json.dumps(payload, indent=2, ensure_ascii=False, default=str))


def say_preset(console: Console, name: str | None) -> None:
    """Print which preset a command uses and why (a config file's ``preset``, ``--preset`` or the default)."""
    from medtune.plugins.presets import choose_preset

    console.err.print(f"medtune: {escape(choose_preset(name).describe())}")
