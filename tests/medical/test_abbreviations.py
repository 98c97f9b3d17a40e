"""In-text abbreviation definitions: the built-in Schwartz-Hearst backend, the scispacy backend, the cleaner."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from medtune.cleaning import Pipeline
from medtune.errors import MissingExtraError
from medtune.medical.abbreviations import (
    DefineAbbreviationsConfig,
    DefinedAbbreviationExpander,
    find_definitions,
    looks_like_abbreviation,
    make_define_abbreviations,
    match_long_form,
)


def builtin() -> DefinedAbbreviationExpander:
    return DefinedAbbreviationExpander(backend="builtin")


@pytest.fixture
def no_scispacy(monkeypatch):
    """Make scispacy look absent, whether or not this environment has it."""
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "scispacy" else real(name, *a))


def pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_definitions(text)]


def test_short_form_shape():
    assert all(looks_like_abbreviation(s) for s in ("COPD", "IgE", "HbA1c", "H1N1", "PVCs", "I&D"))
    assert not any(
        looks_like_abbreviation(s) for s in ("Tylenol", "see", "A", "1st", "e.g", "HHS'", "two words", "ABCDEFGHIJK")
    )


def test_long_form_match_is_the_shortest_word_aligned_end():
    assert match_long_form("COPD", "a history of chronic obstructive pulmonary disease") == (
        "chronic obstructive pulmonary disease"
    )
    assert match_long_form("CT", "a computed tomography") == "computed tomography"
    assert match_long_form("ECG", "an electrocardiogram") == "electrocardiogram"
    assert match_long_form("MRI", "a scan of my knee") is None
    assert match_long_form("IgE", "total immunoglobulin E") == "immunoglobulin E"


def test_definitions_both_orders_offsets_and_sentence_bounds():
    text = "He smokes. Chronic obstructive pulmonary disease (COPD) was found; an MRI (magnetic resonance imaging) too."
    (copd, mri) = find_definitions(text)
    assert (copd.short, copd.long, mri.short, mri.long) == (
        "COPD",
        "Chronic obstructive pulmonary disease",
        "MRI",
        "magnetic resonance imaging",
    )
    assert text[copd.start : copd.end] == "Chronic obstructive pulmonary disease (COPD)"
    assert text[mri.start : mri.end] == "MRI (magnetic resonance imaging)"
    # the long form never reaches back into the previous sentence
    assert pairs("Take a Deep breath. Vein thrombosis (DVT) is a clot.") == []


def test_doubtful_or_non_definitions_are_rejected():
    # the algorithm's shortest match gives "secretion of ADH": S and I both inside "secretion"
    assert pairs("You may have Syndrome of inappropriate secretion of ADH (SIADH).") == []
    assert pairs("I take acetaminophen (Tylenol) and rest (2 days).") == []
    assert pairs("Tests were normal (CBC, BMP) today.") == []
    assert pairs("Use the Pancreatin enzyme, Benzylpenicilloyl Polylysine (PEBP) daily.") == []
    assert pairs("Premature ventricular contractions (PVCs) are common.") == [
        ("PVCs", "Premature ventricular contractions")
    ]


def test_expands_later_uses_only_and_keeps_the_definition():
    x = builtin()
    assert x.clean_text("COPD is common. Chronic obstructive pulmonary disease (COPD) worsens. COPD again.") == (
        "COPD is common. Chronic obstructive pulmonary disease (COPD) worsens. "
        "Chronic obstructive pulmonary disease again."
    )
    # sentence case of the definition becomes lower case mid-sentence, and upper case at a sentence start
    assert x.clean_text("I have Atrial fibrillation (AF). My AF is new. AF scares me.") == (
        "I have Atrial fibrillation (AF). My atrial fibrillation is new. Atrial fibrillation scares me."
    )
    # parts of longer tokens, and plural or hyphenated forms, stay
    assert x.clean_text("Deep vein thrombosis (DVT). DVTs, DVT-like, (DVT) and post-DVT stay; DVT goes.") == (
        "Deep vein thrombosis (DVT). DVTs, DVT-like, (DVT) and post-DVT stay; deep vein thrombosis goes."
    )


def test_ambiguous_and_undefined_abbreviations_are_left_alone():
    x = builtin()
    text = "A pulmonary embolism (PE) was ruled out. Physical education (PE) is fine. PE twice a week. MI risk."
    assert x.clean_text(text) == text
    assert x.clean_text("No definitions here: COPD, CKD and MI.") == "No definitions here: COPD, CKD and MI."
    text = "Chronic kidney disease (CKD) here. CKD (stage 3) is followed by CKD checks."
    assert (
        x.clean_text(text)
        == "Chronic kidney disease (CKD) here. CKD (stage 3) is followed by chronic kidney disease checks."
    )


def test_definitions_carry_over_record_fields_and_batches_stay_separate():
    x = builtin()
    rows = [
        {"input": "I have chronic kidney disease (CKD).", "output": "CKD needs a renal diet."},
        {"input": "What is CKD?", "output": "Ask your doctor."},
    ]
    out = x.clean_batch(rows)
    assert out[0]["output"] == "Chronic kidney disease needs a renal diet."
    assert out[1] is rows[1]  # not defined in this record: unchanged, same object
    # a use in a field before the defining one is "before" the definition
    assert x.clean_record_texts(["CKD?", "Chronic kidney disease (CKD) is slow."]) == [
        "CKD?",
        "Chronic kidney disease (CKD) is slow.",
    ]


def test_idempotent():
    x = builtin()
    # expanding the first bare CPD would make "chronic pulmonary disease CPD (COPD)" read as a definition of COPD
    contrived = "Chronic pulmonary disease (CPD) is here. Then CPD CPD (COPD) was seen."
    assert x.clean_text(contrived) == contrived
    text = "The hemoglobin A1c (HbA1c) was 7.9%. Repeat the HbA1c in 3 months; HbA1c under 7% is the goal."
    once = x.clean_text(text)
    assert once == (
        "The hemoglobin A1c (HbA1c) was 7.9%. Repeat the hemoglobin A1c in 3 months; hemoglobin A1c under 7% is "
        "the goal."
    )
    assert x.clean_text(once) == once


def test_registered_cleaner_and_config(no_scispacy):
    pipe = Pipeline.from_config({"cleaners": [{"name": "define_abbreviations", "options": {"backend": "builtin"}}]})
    [cleaner] = pipe.cleaners
    assert cleaner.name == "define_abbreviations" and cleaner.fields == ("input", "output")
    assert make_define_abbreviations(DefineAbbreviationsConfig(backend="builtin", fields=["output"])).fields == (
        "output",
    )


def test_scispacy_backend_without_scispacy_names_the_extra(no_scispacy):
    with pytest.raises(MissingExtraError) as err:
        DefinedAbbreviationExpander(backend="scispacy")
    assert str(err.value) == (
        "abbreviation definitions (define_abbreviations backend=scispacy) needs the 'scispacy' package, which is not "
        'installed. Fix: pip install "medtune[sci]"'
    )
    config = {"cleaners": [{"name": "define_abbreviations", "options": {"backend": "scispacy"}}]}
    with pytest.raises(MissingExtraError, match=r'pip install "medtune\[sci\]"'):
        Pipeline.from_config(config)
    # auto (the default) falls back to the built-in implementation
    assert DefinedAbbreviationExpander().backend == "builtin"
    assert Pipeline.from_config({"cleaners": ["define_abbreviations"]}).cleaners[0].backend == "builtin"


def test_scispacy_backend_agrees_with_builtin():
    pytest.importorskip("scispacy")  # the sci extra; not in the default dev environment (it pins numpy < 2)
    sci, own = DefinedAbbreviationExpander(), builtin()
    assert sci.backend == "scispacy"
    texts = [
        "Smoking causes chronic kidney disease (CKD). CKD can progress; treat CKD early.",
        "He had a pulmonary embolism (PE). Later physical education (PE) class. PE again.",
        "The hemoglobin A1c (HbA1c) was 7%. Repeat HbA1c in 3 months.",
    ]
    assert sci.clean_texts_batch([[t] for t in texts]) == own.clean_texts_batch([[t] for t in texts])


_TOKENS = ["COPD", "(COPD)", "chronic", "obstructive", "pulmonary", "disease", "PE", "(PE)", "embolism", "physical",
           "education", "(", ")", ".", ",", "\n", "Chronic", "CPD", "(chronic obstructive pulmonary disease)", "the",
           "chronic obstructive pulmonary disease (COPD)", "pulmonary embolism (PE)", "physical education (PE)",
           "Chronic pulmonary disease (CPD)"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_TOKENS), max_size=25).map(" ".join), min_size=1, max_size=3))
def test_idempotent_on_abbreviation_soup(texts):
    x = builtin()
    once = x.clean_record_texts(texts)
    assert x.clean_record_texts(once) == once
