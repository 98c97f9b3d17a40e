"""The ``medical`` preset: the defaults medtune has always used, now supplied by the medical plugin."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from medtune.plugins.presets import Preset

__all__ = ["MEDICAL_CHECKERS", "MEDICAL_PIPELINE", "medical_preset"]

#: The pipeline ``medtune clean`` runs with the medical preset (documented in docs/cleaning.md).
MEDICAL_PIPELINE: dict[str, Any] = {
    "cleaners": [
        # before pii: units split after PII removal ("zip 10001mg" -> "10001 mg") gave a second run a new ZIP
        "normalize_units",
        "pii",  # before every filter, so that the rejects file holds no identifiers either
        "empty",
        {"name": "length", "options": {"min_tokens": 3, "max_tokens": 4096}},
        "copies_input",
        "language",
        "dedup",
        # a red flag answered without advice to seek care gets the advice (and is kept): the model sees it done
        {"name": "medically_sound", "options": {"red_flag_action": "repair"}},
        "disclaimer",
    ]
}

#: The checkers an evaluation scores with the medical preset.
MEDICAL_CHECKERS = ("term_overlap", "safety", "empathy")


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def medical_preset() -> Preset:
    """The medical preset: the clinical pipeline, checkers, safety policy, card profile, sample and PII profile."""
    return Preset(
        name="medical",
        description="clinical PHI removal, unit normalisation, medical soundness and disclaimers; medical "
        "checkers; emergency rules and disclaimers when serving; the medical card text and sample",
        pipeline=_frozen(MEDICAL_PIPELINE),
        checkers=MEDICAL_CHECKERS,
        safety_policy="medical",
        card_profile="medical",
        sample="medical",
        pii_profile="medical",
        mcq_instruction="Answer the multiple-choice medical question with the correct option.",
    )
