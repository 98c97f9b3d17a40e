"""Soundness checks and the filter that runs them.

A *checker* looks at a prompt and its answer and returns findings (short strings; empty: nothing wrong). A finding
may carry detail after `` | `` (``"advises stopping medication | 'Stop your pills.'"``): the part before it is
the reason the pipeline counts, the whole finding goes to the rejects file.
Checkers register through the ``medtune_checkers`` hook; :class:`CheckFilter` resolves them by name once, when
the pipeline is built, and drops every record with a finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from medtune.cleaning.base import CleanerBase, Drop, Row, get_texts

__all__ = ["CheckFilter", "Checker"]


@runtime_checkable
class Checker(Protocol):
    """Something that finds problems in an answer: ``checker.check(prompt, response) -> list[str]``."""

    name: str

    def check(self, prompt: str, response: str) -> list[str]:
        """Findings about ``response`` to ``prompt``; empty when nothing is wrong."""
        ...


class CheckFilter(CleanerBase):
    """Drop records for which any checker reports a finding; the reason names the checker and the finding.

    Args:
        checkers: Checker objects, run in order; the first finding decides the reason.
        name: The cleaner's name in stats and rejects.
    """

    def __init__(self, checkers: Sequence[Any], name: str = "check") -> None:
        self.checkers = list(checkers)
        self.name = name

    def findings(self, prompt: str, response: str) -> list[str]:
        """Every finding of every checker, as ``"checker: finding"``."""
        return [f"{c.name}: {f}" for c in self.checkers for f in c.check(prompt, response)]

    def __call__(self, row: Row) -> Row | Drop:
        """Keep the row, or drop it with the first finding."""
        prompt = "\n".join(t for t in get_texts(row, ("input",)) if t) or "\n".join(get_texts(row, ("instruction",)))
        response = "\n".join(get_texts(row, ("output",)))
        for c in self.checkers:
            found = c.check(prompt, response)
            if found:
                reason, _, detail = found[0].partition(" | ")
                return Drop(f"{c.name}: {reason}", detail or None)
        return row
