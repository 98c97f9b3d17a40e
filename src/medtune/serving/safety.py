"""The serving safety layer: urgent-care messages for emergencies, and a disclaimer on advice.

The engine here is domain-neutral. What counts as an emergency, what to say, and when an answer needs a disclaimer
come from a :class:`SafetyPolicy` that a plugin registers with ``medtune_safety_policies`` (the built-in
``medical`` policy lives in the medical plugin); ``safety.policy`` in the serve config picks one, by default the
preset's (:mod:`medtune.plugins.presets`).

Emergency detection is a keyword safety net, not triage. Each :class:`EmergencyRule` has *triggers*; a trigger
is a set of regexes that must all match the user's message, each outside a negation (``no chest pain``, ``not
suicidal``). A single symptom that is common and usually harmless (``chest pain after a workout yesterday, now
fine``) does not fire; the combination that signals danger (``crushing chest pain and I can't breathe``) does.
General questions with no person in them (``what are the warning signs of a stroke?``) do not fire either.

When a rule fires, the urgent-care message comes first, before anything the model says; with
``safety.emergency_action: replace`` the model is not run at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from medtune.serving.config import SafetyConfig

__all__ = [
    "Emergency",
    "EmergencyRule",
    "SafetyLayer",
    "SafetyPolicy",
    "detect_emergencies",
]

_FLAGS = re.IGNORECASE
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|denies|denied|deny|none|don'?t\s+have|doesn'?t\s+have|didn'?t\s+have|"
    r"haven'?t\s+had|hasn'?t\s+had|free\s+of|ruled\s+out)\b",
    _FLAGS,
)
_CLAUSE_BREAK = re.compile(r"[.;:!?,\n]|\bbut\b|\bhowever\b|\balthough\b|\bthough\b", _FLAGS)
_NEGATION_WINDOW_WORDS = 3
_GENERAL_QUESTION = re.compile(
    r"\b(?:signs?\s+of|symptoms?\s+of|warning\s+signs|what\s+(?:is|are|causes?)|difference\s+between|"
    r"how\s+(?:do|does|can|would)\s+(?:you|one|doctors?)\s+(?:know|tell|recogni[sz]e|treat|diagnose)|"
    r"can\s+\w+(?:\s+\w+)?\s+cause|side\s+effects?)\b",
    _FLAGS,
)
_PERSON = re.compile(
    r"\b(?:i|i'?m|im|i'?ve|i'?d|me|my|myself|we|us|our|he|she|him|her|his|they|them|their|someone|somebody|"
    r"right\s+now|suddenly)\b",
    _FLAGS,
)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _normalise(text: str) -> str:
    return " ".join(text.translate(_APOSTROPHES).split())


def _negated(text: str, start: int) -> bool:
    """Whether a negation word sits in the few words before ``start``, within the same clause."""
    before = text[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    window = " ".join(before.split()[-_NEGATION_WINDOW_WORDS:])
    return _NEGATION.search(window) is not None


@dataclass(frozen=True)
class EmergencyRule:
    """One kind of emergency: when it fires, and what to tell the user.

    Args:
        name: Unique name, e.g. ``"chest_pain"``.
        message: The urgent-care message (what to do now).
        triggers: Each trigger is a tuple of regexes (case-insensitive) that must all match outside a negation;
            the rule fires when any trigger does.
    """

    name: str
    message: str
    triggers: tuple[tuple[str, ...], ...]

    @cached_property
    def _compiled(self) -> tuple[tuple[re.Pattern[str], ...], ...]:
        return tuple(tuple(re.compile(p, _FLAGS) for p in trigger) for trigger in self.triggers)

    def evidence(self, text: str) -> tuple[str, ...] | None:
        """The matched phrases of the first trigger that fires on normalised ``text``, or ``None``."""
        for trigger in self._compiled:
            found: list[str] = []
            for pattern in trigger:
                hit = next((m for m in pattern.finditer(text) if not _negated(text, m.start())), None)
                if hit is None:
                    break
                found.append(hit.group(0))
            else:
                return tuple(found)
        return None


@dataclass(frozen=True)
class Emergency:
    """A rule that fired on a message, with the phrases that made it fire."""

    rule: str
    message: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class SafetyPolicy:
    """A domain's safety content for the serving layer, registered through ``medtune_safety_policies``.

    Attributes:
        name: Registry name (``safety.policy`` in the serve config).
        rules: The emergency rules, in the order their messages are shown.
        emergency_header: First line of every urgent-care message.
        disclaimer: Appended to answers that need one (``safety.disclaimer_text`` overrides it).
        advice: A question or answer matching this needs the disclaimer in ``advice`` mode; ``None``: never.
        has_disclaimer: An answer matching this already carries a disclaimer (it is not added twice).
        system_prompt: The system message put before conversations that have none (``generation.system_prompt``
            overrides it).
        description: One line for ``medtune plugins``.
    """

    name: str
    rules: tuple[EmergencyRule, ...]
    emergency_header: str
    disclaimer: str
    advice: re.Pattern[str] | None = None
    has_disclaimer: re.Pattern[str] | None = None
    system_prompt: str | None = None
    description: str = ""


def detect_emergencies(text: str, rules: Sequence[EmergencyRule] | None = None) -> list[Emergency]:
    """The rules that fire on ``text``, in rule order.

    Args:
        text: The user's message.
        rules: The rules to check (default: those of the preset's safety policy, ``medical`` with the medical
            preset).

    Example:
        >>> [e.rule for e in detect_emergencies("Crushing chest pain and I can't breathe")]
        ['chest_pain', 'breathing_or_unresponsive']
        >>> detect_emergencies("I had chest pain after a workout yesterday, now fine")
        []
    """
    if rules is None:
        rules = SafetyLayer().rules
    norm = _normalise(text)
    if not norm:
        return []
    if _GENERAL_QUESTION.search(norm) and not _PERSON.search(norm):
        return []  # "what are the warning signs of a stroke?": a general question, nobody in danger
    out = []
    for rule in rules:
        evidence = rule.evidence(norm)
        if evidence is not None:
            out.append(Emergency(rule.name, rule.message, evidence))
    return out


class SafetyLayer:
    """Emergency messages and disclaimers, configured by :class:`~medtune.serving.config.SafetyConfig`.

    Args:
        config: The safety section of the serve config (default: everything on, the preset's policy).
        policy: The policy to use instead of looking ``config.policy`` up in the plugin registry.

    Raises:
        UnknownComponentError: ``config.policy`` names no registered policy.
        ConfigError: ``config.disabled_rules`` names a rule the policy does not have.

    Example:
        >>> layer = SafetyLayer()
        >>> layer.urgent_message(layer.check("My dad's face is drooping and he can't speak")).startswith("⚠️")
        True
        >>> layer.disclaimer_for("How much ibuprofen can I take?", "Up to 400 mg every 6 hours.") != ""
        True
    """

    def __init__(self, config: SafetyConfig | None = None, policy: SafetyPolicy | None = None) -> None:
        from medtune.errors import ConfigError
        from medtune.serving.config import SafetyConfig

        self.config = config if config is not None else SafetyConfig()
        if policy is None:
            from medtune.plugins.manager import get_plugin_manager

            policy = get_plugin_manager().registry("safety_policy").get(self.config.policy)
        self.policy: SafetyPolicy = policy
        known = [r.name for r in policy.rules]
        unknown = [n for n in self.config.disabled_rules if n not in known]
        if unknown:
            raise ConfigError(
                f"safety.disabled_rules: unknown rule name(s) {unknown} for policy '{policy.name}'. "
                f"Fix: use some of {known}"
            )
        rules = {r.name: r for r in policy.rules if r.name not in self.config.disabled_rules}
        for extra in self.config.extra_rules:
            rules[extra.name] = EmergencyRule(extra.name, extra.message, tuple(tuple(t) for t in extra.triggers))
        self.rules: tuple[EmergencyRule, ...] = tuple(rules.values())

    @property
    def detects_emergencies(self) -> bool:
        """Whether emergency detection is on."""
        return self.config.enabled and self.config.emergency_detection and bool(self.rules)

    def check(self, user_text: str) -> list[Emergency]:
        """The emergencies in the user's message (empty when detection is off)."""
        if not self.detects_emergencies:
            return []
        return detect_emergencies(user_text, self.rules)

    def urgent_message(self, emergencies: Iterable[Emergency]) -> str:
        """The header and each fired rule's message, one paragraph each; ``""`` for no emergency."""
        messages = list(dict.fromkeys(e.message for e in emergencies))
        if not messages:
            return ""
        return "\n\n".join([self.config.emergency_header or self.policy.emergency_header, *messages])

    def disclaimer_for(self, question: str, answer: str, *, needed: bool = False, **deprecated: bool) -> str:
        """The disclaimer paragraph to append to ``answer`` (with its separator), or ``""``.

        Args:
            question: The user's message.
            answer: The model's answer.
            needed: Known to need it (e.g. an emergency fired), whatever the words.
            **deprecated: ``medical=``, the old name of ``needed`` (removed in medtune 0.2.0).
        """
        if "medical" in deprecated:
            import warnings

            warnings.warn("disclaimer_for(medical=...) is now needed=...", DeprecationWarning, stacklevel=2)
            needed = needed or bool(deprecated.pop("medical"))
        if deprecated:
            raise TypeError(f"disclaimer_for() got unexpected keyword arguments {sorted(deprecated)}")
        cfg, policy = self.config, self.policy
        if not cfg.enabled or cfg.disclaimer == "off":
            return ""
        text = cfg.disclaimer_text or policy.disclaimer
        if text.strip() in answer or (policy.has_disclaimer is not None and policy.has_disclaimer.search(answer)):
            return ""
        if cfg.disclaimer == "advice" and not needed:
            advice = policy.advice
            if advice is None or not (advice.search(question) or advice.search(answer)):
                return ""
        return ("\n\n" if answer.strip() else "") + text

    @property
    def system_prompt(self) -> str | None:
        """The policy's default system prompt."""
        return self.policy.system_prompt
