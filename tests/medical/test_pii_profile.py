"""The ``medical`` PII profile: medicine's words and clinical cues for the core's PII cleaners."""

from __future__ import annotations

import warnings

import pytest

from medtune.cleaning import PIIProfile, find_pii, not_name_words
from medtune.cleaning.presidio import restore_case
from medtune.medical.cleaners import CLINICAL_NOT_NAMES, medical_pii_profile
from medtune.plugins.manager import PluginManager


def test_the_medical_plugin_registers_the_medical_profile_and_pii_uses_it():
    pm = PluginManager(entry_points=False)
    info = next(i for i in pm.registry("pii_profile") if i.name == "medical")
    assert info.plugin == "medical" and info.component.profile() == medical_pii_profile()
    assert next(i for i in pm.registry("cleaner") if i.name == "pii").plugin == "core"


@pytest.mark.parametrize(
    ("text", "medical", "neutral"),
    [
        ("MRN: A1234567", [("ID", "A1234567")], []),
        ("PT J.S. RM 14", [("NAME", "J.S.")], []),
        ("PT I.V. ACCESS LOST", [], []),
        ("ALTERED MS. DOA 10/27", [], [("NAME", "DOA")]),  # mental status, not Ms. Doa
        ("Electronically signed by Robert Chen, MD", [("NAME", "Robert Chen, MD")], [("NAME", "Robert Chen")]),
    ],
)
def test_clinical_cues_come_from_the_profile(text, medical, neutral):
    def found(profile):
        return [(m.label, m.text) for m in find_pii(text, profile=profile) if m.label in ("ID", "NAME")]

    assert found(medical_pii_profile()) == medical
    assert found(PIIProfile()) == neutral


def test_clinical_labels_and_subject_words_need_the_profile():
    medical = medical_pii_profile()
    vocab = medical.vocabulary | medical.abbreviations
    for text, name in [("PATIENT: LORI DUNN", "LORI DUNN"), ("ATTENDING: JOHN OKAFOR, MD", "JOHN OKAFOR, MD")]:
        assert [m.text for m in find_pii(text, vocabulary=vocab, profile=medical)] == [name]
        assert find_pii(text, vocabulary=vocab, profile=PIIProfile()) == []


def test_truecasing_for_ner_is_the_same_without_the_profile_words():
    """The NER detector truecases with the core's common words only; the words the medical profile moved out of them
    must not change its output (they are in its vocabulary, acronyms, or verb forms)."""
    from medtune.cleaning.lexicons import common_words

    medical = medical_pii_profile()
    vocab = medical.vocabulary | common_words()
    common = not_name_words(medical)
    for word in sorted(CLINICAL_NOT_NAMES):
        text = f"PT WAS {word.upper()} TODAY, {word.upper()}'S NOTE. {word.upper()} BY SMITH."
        assert restore_case(text, vocab, medical.abbreviations) == restore_case(
            text, vocab, medical.abbreviations, common=common
        ), word


def test_the_old_import_paths_warn_and_give_the_core_factories():
    import medtune.medical.cleaners as old
    from medtune.cleaning import PIIConfig, make_pii, make_pii_regex
    from medtune.cleaning.presidio import make_pii_presidio

    for name, new in [
        ("make_pii", make_pii),
        ("PIIConfig", PIIConfig),
        ("make_pii_regex", make_pii_regex),
        ("make_pii_presidio", make_pii_presidio),
    ]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert getattr(old, name) is new
        assert any(issubclass(w.category, DeprecationWarning) for w in caught), name
