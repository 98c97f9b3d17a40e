"""The ``medical`` built-in plugin: hook implementations for medicine."""

from __future__ import annotations

from pathlib import Path

from medtune.cards.model_card import CardProfile
from medtune.cleaning.pii_profiles import PIIProfileSpec
from medtune.data.formats import DataFormat
from medtune.data.samples import SampleDataset
from medtune.medical.formats import ChatDoctorFormat, MedQuADFormat, PubMedQAFormat
from medtune.plugins.hookspecs import hookimpl
from medtune.plugins.presets import Preset
from medtune.plugins.registry import ComponentSpec
from medtune.serving.safety import SafetyPolicy

SAMPLES = Path(__file__).parent / "samples"


@hookimpl
def medtune_data_formats() -> list[DataFormat]:
    """ChatDoctor JSON, PubMedQA JSON and the MedQuAD XML directory."""
    return [ChatDoctorFormat(), PubMedQAFormat(), MedQuADFormat()]


@hookimpl
def medtune_sample_datasets() -> list[SampleDataset]:
    """Real medical samples shipped with medtune (see samples/ATTRIBUTION.md)."""
    return [
        SampleDataset(
            name="medical",
            path=SAMPLES / "medical_sample.jsonl",
            format="jsonl",
            description="300 real dialogues: 200 ChatDoctor (GenMedGPT-5k) + 100 MedQuAD answered pairs",
            license="Apache-2.0 (ChatDoctor, research use) + CC-BY-4.0 (MedQuAD)",
        ),
        SampleDataset(
            name="pubmedqa",
            path=SAMPLES / "pubmedqa_sample.json",
            format="pubmedqa",
            description="60 expert-labelled PubMedQA questions (yes/no/maybe)",
            license="MIT",
        ),
        SampleDataset(
            name="k-qa",
            path=SAMPLES / "kqa_sample.jsonl",
            format="jsonl",
            description="201 real patient questions answered by physicians (K-QA): the medical preset's "
            "out-of-distribution evaluation set, never for training",
            license="MIT",
            test_only=True,
        ),
        SampleDataset(
            name="medquad",
            path=SAMPLES / "medquad_sample",
            format="medquad",
            description="A tiny MedQuAD XML directory (one folder with empty answers, as in the original)",
            license="CC-BY-4.0",
        ),
    ]


@hookimpl
def medtune_cleaners() -> list[ComponentSpec]:
    """Medical cleaners: units/spelling, abbreviations, soundness, disclaimer (PHI: the ``medical`` PII profile)."""
    from medtune.medical import cleaners as m
    from medtune.medical.abbreviations import DefineAbbreviationsConfig, make_define_abbreviations

    return [
        ComponentSpec(
            "normalize_units",
            m.make_normalize_units,
            m.NormalizeUnitsConfig,
            "normalize units (mg/dl -> mg/dL, 500mg -> 500 mg) and British to American medical spelling",
        ),
        ComponentSpec(
            "expand_abbreviations",
            m.make_expand_abbreviations,
            m.ExpandAbbreviationsConfig,
            "expand unambiguous abbreviations on first use: MI -> myocardial infarction (MI)",
        ),
        ComponentSpec(
            "define_abbreviations",
            make_define_abbreviations,
            DefineAbbreviationsConfig,
            "expand bare uses of abbreviations the record defines: COPD -> chronic obstructive pulmonary disease",
        ),
        ComponentSpec(
            "medically_sound",
            m.make_medically_sound,
            m.MedicallySoundConfig,
            "drop records flagged by soundness checkers (registered with medtune_checkers); red_flag_action: repair "
            "adds urgent-care advice to red flags answered without it instead",
        ),
        ComponentSpec(
            "disclaimer",
            m.make_disclaimer,
            m.DisclaimerConfig,
            "append a safety disclaimer to advice that has none (idempotent)",
        ),
    ]


@hookimpl
def medtune_pii_profiles() -> list[PIIProfileSpec]:
    """The ``medical`` PII profile for the core's PII cleaners: medical words kept, clinical cues, the PHI NER model."""
    from medtune.medical.cleaners import medical_pii_profile

    return [
        PIIProfileSpec(
            "medical",
            medical_pii_profile,
            "medical vocabulary, drugs and eponyms kept; clinical cues (PATIENT:, MRN); medtune's PHI NER model",
        )
    ]


@hookimpl
def medtune_checkers() -> list[ComponentSpec]:
    """Soundness and evaluation checkers.

    Soundness checkers have ``check(prompt, response)``: the medically_sound filter drops what they flag and
    evaluation reports their pass rates. Evaluation checkers (term overlap, safety, empathy) score answers.
    """
    from medtune.medical import cleaners as m
    from medtune.medical.evaluation import medical_eval_checkers

    return [
        *medical_eval_checkers(),
        ComponentSpec("implausible_dose", m.ImplausibleDoseChecker, None, "doses above the maximum adult dose"),
        ComponentSpec(
            "stop_medication", m.StopMedicationChecker, None, "advice to stop medication without a clinician"
        ),
        ComponentSpec(
            "red_flag_escalation",
            m.RedFlagEscalationChecker,
            None,
            "red-flag symptoms answered without advice to seek care",
        ),
    ]


@hookimpl
def medtune_term_lexicons() -> list[ComponentSpec]:
    """The shipped lexicons: unambiguous clinical abbreviations, and MedQuAD synonyms -> preferred terms."""
    from medtune.medical.lexicon import abbreviation_lexicon, synonym_lexicon

    return [
        ComponentSpec(
            "medical_abbreviations",
            abbreviation_lexicon,
            None,
            "68 unambiguous clinical abbreviations (MIT, from the medical abbreviation list)",
        ),
        ComponentSpec(
            "medical_synonyms",
            synonym_lexicon,
            None,
            "~4,500 unambiguous MedQuAD synonyms -> preferred terms (CC BY 4.0): myocardial infarction -> heart attack",
        ),
    ]


@hookimpl
def medtune_card_profiles() -> list[CardProfile]:
    """The medical model-card text: not a medical device, review by a clinician, limited medical knowledge."""
    from medtune.medical.card import medical_card_profile

    return [medical_card_profile()]


@hookimpl
def medtune_safety_policies() -> list[SafetyPolicy]:
    """The medical serving policy: emergency rules, the medical-advice detector and the disclaimer."""
    from medtune.medical.safety import medical_safety_policy

    return [medical_safety_policy()]


@hookimpl
def medtune_pair_builders() -> list[ComponentSpec]:
    """Preference-pair builders for DPO: red flags answered without urgent-care advice."""
    from medtune.medical.pairs import RedFlagPairsConfig, make_red_flag_pairs

    return [
        ComponentSpec(
            "red_flag_escalation",
            make_red_flag_pairs,
            RedFlagPairsConfig,
            "pairs a red flag's answer lacking urgent-care advice (rejected) with it plus the advice (chosen)",
        )
    ]


@hookimpl
def medtune_presets() -> list[Preset]:
    """The medical preset (the default while medical is the only domain plugin installed)."""
    from medtune.medical.preset import medical_preset

    return [medical_preset()]
