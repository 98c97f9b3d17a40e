"""The hook implementations medtune finds through the ``medtune`` entry point (see ``pyproject.toml``).

Each hook is called once per process, when medtune first needs that kind of component; the components' modules
are imported only then.
"""

from __future__ import annotations

from typing import Any

from medtune import ComponentSpec, hookimpl


@hookimpl
def medtune_cleaners() -> list[ComponentSpec]:
    """``redact_support_ids`` and ``support_sound``."""
    from medtune_support_plugin import checks, redact

    return [
        ComponentSpec(
            "redact_support_ids",
            redact.make_redact_support_ids,
            redact.RedactSupportIdsOptions,
            "replace order numbers, licence keys, e-mails, phones and cards with placeholders (company addresses kept)",
        ),
        ComponentSpec(
            "support_sound",
            checks.make_support_sound,
            checks.SupportSoundOptions,
            "drop support answers that ignore an escalation (legal threat, chargeback, breach)",
        ),
    ]


@hookimpl
def medtune_checkers() -> list[ComponentSpec]:
    """``support_escalation`` (a scorer: hand-off rate) and ``leaked_ids`` (a pass rate)."""
    from medtune_support_plugin import checks

    return [
        ComponentSpec(
            "support_escalation",
            checks.SupportEscalationChecker,
            None,
            "escalation messages answered with a hand-off to a human",
        ),
        ComponentSpec("leaked_ids", checks.LeakedIdsChecker, None, "answers that contain order numbers or keys"),
    ]


@hookimpl
def medtune_safety_policies() -> list[Any]:
    """The ``support`` serving policy."""
    from medtune_support_plugin.safety import support_safety_policy

    return [support_safety_policy()]


@hookimpl
def medtune_card_profiles() -> list[Any]:
    """The ``support`` model-card text (select it with ``output.card_profile: support``)."""
    from medtune import CardProfile

    return [
        CardProfile(
            name="support",
            tags=("customer-support",),
            intended_use="Intended for drafting answers to Fernpad customers that a support agent reviews before "
            "sending.",
            limitations="- It can invent product features, prices or policies; check every answer against the help "
            "centre.\n- Refunds, legal threats, chargebacks and data-breach reports go to a human (the `support` "
            "serving policy escalates them).",
            description="support answers reviewed by an agent",
        )
    ]


#: The support pipeline: the core's domain-neutral filters, plus this plugin's redactor and checker filter.
SUPPORT_PIPELINE = {
    "cleaners": [
        "redact_support_ids",  # first, so that the rejects file holds no order numbers or licence keys either
        "empty",
        {"name": "length", "options": {"min_tokens": 3, "max_tokens": 1024}},
        "copies_input",
        "language",
        "dedup",
        "support_sound",  # drop answers that ignore a legal threat, chargeback or breach
    ]
}


@hookimpl
def medtune_presets() -> list[Any]:
    """The ``support`` preset: ``preset: support`` (or ``--preset support``) picks all of the above as one."""
    from medtune import Preset

    return [
        Preset(
            name="support",
            description="customer support: order-number redaction, escalation checks, the support policy and card",
            pipeline=SUPPORT_PIPELINE,
            checkers=("support_escalation", "leaked_ids"),
            safety_policy="support",
            card_profile="support",
        )
    ]
