"""The ``medical`` preset: the defaults medtune has always used, now supplied by the medical plugin."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from medtune.plugins.presets import GENERAL_MCQ_SAMPLE, Preset

__all__ = ["MEDICAL_CHECKERS", "MEDICAL_FORGETTING", "MEDICAL_OOD", "MEDICAL_PIPELINE", "medical_preset"]

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

#: The out-of-distribution set an evaluation generates answers for: K-QA's real patient questions with physicians'
#: answers (another source than the ChatDoctor and MedQuAD records of the ``medical`` sample).
MEDICAL_OOD = ("k-qa",)

#: The forgetting checks: PubMedQA (medical research yes/no/maybe) and the core's general multiple-choice sample.
MEDICAL_FORGETTING = ("pubmedqa", GENERAL_MCQ_SAMPLE)


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def medical_preset() -> Preset:
    """The medical preset: clinical pipeline, checkers, evaluation sets, safety policy, card profile, sample, PII."""
    return Preset(
        name="medical",
        description="clinical PHI removal, unit normalisation, medical soundness and disclaimers; medical "
        "checkers; K-QA out of distribution, PubMedQA and general questions for forgetting; emergency rules and "
        "disclaimers when serving; the medical card text and sample",
        pipeline=_frozen(MEDICAL_PIPELINE),
        checkers=MEDICAL_CHECKERS,
        safety_policy="medical",
        card_profile="medical",
        sample="medical",
        pii_profile="medical",
        mcq_instruction="Answer the multiple-choice medical question with the correct option.",
        ood=MEDICAL_OOD,
        forgetting=MEDICAL_FORGETTING,
    )
