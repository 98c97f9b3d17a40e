"""Checkers for support answers, used by the ``support_sound`` cleaning filter and by evaluation.

A checker has ``check(prompt, response) -> findings`` (empty: nothing wrong). The escalation checker is also a
:class:`~medtune.evaluation.Scorer`, so that evaluation reports its hand-off rate only over the prompts that
needed one (``None`` elsewhere) instead of a pass rate inflated by every ordinary question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import Field

from medtune import CleanerOptions
from medtune.cleaning import CheckFilter
from medtune.evaluation import EvalExample, ExampleScore, Scorer
from medtune.serving import detect_emergencies
from medtune_support_plugin.redact import find_support_ids
from medtune_support_plugin.safety import RULES

__all__ = ["HANDOFF", "LeakedIdsChecker", "SupportEscalationChecker", "SupportSoundOptions", "make_support_sound"]

#: An answer that hands the customer to a person: a team, an agent, or one of the company's addresses.
HANDOFF = re.compile(
    r"\b(?:human|agent|(?:support|billing|security|legal)\s+team|escalat\w*|flagged|"
    r"(?:support|billing|security|legal)@fernpad\.example)\b",
    re.IGNORECASE,
)


class SupportEscalationChecker(Scorer):
    """A message that must be escalated (legal threat, chargeback, breach) answered without a hand-off to a human.

    Example:
        >>> c = SupportEscalationChecker()
        >>> c.check("I'll file a chargeback today.", "Chargebacks take ten days.")
        ['escalation without a hand-off to a human | chargeback']
        >>> c.check("I'll file a chargeback today.", "Our billing team will contact you.")
        []
    """

    name = "support_escalation"
    keys = ("escalation_handoff",)

    def check(self, prompt: str, response: str) -> list[str]:
        """One finding when the prompt needs a human and the response does not hand over."""
        rules = [e.rule for e in detect_emergencies(prompt, RULES)]
        if rules and not HANDOFF.search(response):
            return [f"escalation without a hand-off to a human | {', '.join(rules)}"]
        return []

    def score(self, examples: Sequence[EvalExample]) -> list[ExampleScore]:
        """1.0 when a message that needed escalation was handed over, 0.0 when not, ``None`` otherwise."""
        out = []
        for ex in examples:
            rules = [e.rule for e in detect_emergencies(ex.prompt, RULES)]
            value = (1.0 if HANDOFF.search(ex.prediction) else 0.0) if rules else None
            out.append(ExampleScore({"escalation_handoff": value}, {"rules": rules}))
        return out


class LeakedIdsChecker:
    """An answer that contains an order number, a licence key or a customer's contact details.

    Example:
        >>> LeakedIdsChecker().check("Where is my order?", "Order FP-20481736 ships today.")
        ['identifier in the answer | ORDER_NUMBER']
    """

    name = "leaked_ids"

    def check(self, prompt: str, response: str) -> list[str]:
        """One finding per kind of identifier found in the response."""
        labels = dict.fromkeys(m.label for m in find_support_ids(response))
        return [f"identifier in the answer | {label}" for label in labels]


class SupportSoundOptions(CleanerOptions):
    """Options of ``support_sound``."""

    checkers: list[str] = Field(
        default_factory=lambda: ["support_escalation"], min_length=1, description="Checkers of this plugin to run."
    )


_CHECKERS = {"support_escalation": SupportEscalationChecker, "leaked_ids": LeakedIdsChecker}


def make_support_sound(options: SupportSoundOptions) -> CheckFilter:
    """A filter that drops training records the checkers flag (e.g. an escalation answered without a hand-off)."""
    from medtune.errors import ConfigError

    unknown = [n for n in options.checkers if n not in _CHECKERS]
    if unknown:
        raise ConfigError(f"support_sound: unknown checker(s) {unknown}. Fix: use some of {sorted(_CHECKERS)}")
    return CheckFilter([_CHECKERS[n]() for n in options.checkers], name="support_sound")
