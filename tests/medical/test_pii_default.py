"""The default ``pii`` cleaner: the medical profile with the shipped PHI NER model."""

import json

import pytest

pytest.importorskip("spacy")

from medtune import Dataset
from medtune.cleaning import Pipeline
from medtune.cleaning.deid import PIIConfig, make_pii
from medtune.medical.cleaners import phi_ner_path


@pytest.fixture(scope="module")
def pii():
    return make_pii()


def clean_text(cleaner, text):
    return cleaner({"input": text, "output": "ok"})["input"]


def test_the_model_ships_with_the_package():
    meta = json.loads((__import__("pathlib").Path(phi_ner_path()) / "meta.json").read_text())
    assert meta["name"] == "phi_ner" and set(meta["labels"]["ner"]) >= {"PERSON", "GPE", "FAC", "DATE"}


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Ilona Várkonyi listed her favourite songs for the ward party.", ["Ilona", "Várkonyi"]),
        ("DAUGHTER MARIA CALLED, UPDATED ON PLAN.", ["MARIA"]),
        ("PT SEEN BY DR KOWALSKI ON 11/02, WIFE AT BEDSIDE.", ["KOWALSKI", "11/02"]),
        ("3/14 FOUND BY DAUGHTER ON FLOOR, TRANSFERRED FROM ST. ELIZABETH'S.", ["3/14"]),
        ("Call me on +358 40 123 4567 or at +55 11 91234-5678.", ["+358 40 123 4567", "91234-5678"]),
    ],
)
def test_identifiers_without_cues_are_removed(pii, text, gone):
    out = clean_text(pii, text)
    for value in gone:
        assert value not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "He has Parkinson's disease and takes Sinemet and Lasix.",
        "Crohn's disease and Hodgkin lymphoma are treated differently.",
        "FOLEY DRAINING CLEAR YELLOW URINE. LASIX 40MG IV GIVEN. HEPARIN GTT AT 900 UNITS/HR.",
        "Take 1/2 tablet of ibuprofen twice daily; BP 120/80; PAIN 6/10.",
        "Metformin, Lisinopril and Atorvastatin are common medicines.",
    ],
)
def test_drug_and_disease_names_survive(pii, text):
    assert clean_text(pii, text) == text


def test_international_address_is_removed(pii):
    out = clean_text(pii, "Please send it to Mannerheimintie 12 A 5, 00100 Helsinki before Friday.")
    assert "Mannerheimintie" not in out and "00100" not in out and "Friday" in out


def test_csv_extra_columns_are_cleaned(tmp_path):
    src = tmp_path / "pii.csv"
    src.write_text(
        "id,input,output,patient_ssn,contact\n1,My knee hurts.,Rest it and see your GP.,219-09-9999,ann@example.com\n",
        encoding="utf-8",
    )
    ds = Dataset.load(src)
    cleaned = Pipeline.from_config({"cleaners": ["pii"]}).run(ds).dataset
    record = cleaned[0]
    assert json.dumps(record.metadata).count("219-09-9999") == 0 and "ann@example.com" not in json.dumps(
        record.metadata
    )
    assert record.input == "My knee hurts."


def test_a_name_in_the_input_is_removed_from_the_output(pii):
    row = {"input": "Hi, I am Zeynep Y\u0131lmaz and my son Emre has a fever.", "output": "Zeynep, Emre needs fluids."}
    out = pii(row)
    assert "Zeynep" not in out["output"] and "Emre" not in out["output"], out


def test_default_pii_leaves_its_own_output_alone_on_a_typical_note(pii):
    row = {"input": "PT SEEN BY DR KOWALSKI ON 11/02. Call +358 40 123 4567.", "output": "Mikko Laaksonen replied."}
    once = pii(row)
    assert pii(once) == once


def test_without_ner_the_rules_still_run():
    cleaner = make_pii(PIIConfig(model=None))
    assert clean_text(cleaner, "Mail ann@example.com") == "Mail [EMAIL]"


def test_a_missing_model_directory_is_an_error_before_any_work():
    from medtune.errors import ConfigError

    with pytest.raises(ConfigError, match="/nope/model"):
        make_pii(PIIConfig(model="/nope/model"))


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("PT TRANSFERRED FROM CCU TO BAKER 4 AT 1600.", ["BAKER 4"], ["CCU"]),
        ("48F ADMITTED FROM ED W/ HA. ADM 3/30 FROM SOUTHCOAST W/ SEPSIS.", ["SOUTHCOAST"], ["ED W/ HA"]),
        ("PT RECENTLY ARRIVED FROM HAITI IN JUNE, LIVES W/ SISTER.", ["JUNE"], ["HAITI"]),
        ("FRANK BLOOD NOTED IN FOLEY AT 1800, FLUSHED.", [], ["FOLEY"]),
    ],
)
def test_wards_sites_and_lone_months_go_while_countries_and_devices_stay(pii, text, gone, kept):
    out = clean_text(pii, text)
    for value in gone:
        assert value not in out, out
    for value in kept:
        assert value in out, out


def test_a_second_run_of_the_default_pipeline_changes_nothing(tmp_path):
    from medtune.cleaning.config import default_config

    rows = [
        {"instruction": "Answer as a doctor.", "input": "My zip 10001mg dose of ibuprofen, is it safe for my headache?",
         "output": "Take 400mg ibuprofen with food every 8 hours; see a doctor if it persists for days."},
        {"instruction": "Answer as a doctor.", "input": "I'm Ann Lee from Boston, call 617-555-0199. Is 5mg of "
         "amlodipine ok for my blood pressure?", "output": "Yes, 5mg amlodipine is a common starting dose; check "
         "your blood pressure weekly."},
    ]  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    pipeline = Pipeline.from_config(default_config())
    once = pipeline.run(Dataset.load(src)).dataset
    once.save(tmp_path / "once.jsonl")
    twice = pipeline.run(Dataset.load(tmp_path / "once.jsonl")).dataset
    assert list(once.to_rows()) == list(twice.to_rows())
    assert "[ZIP] mg" in next(once.to_rows())["input"]  # units split before PII removal, not after


def _clean_row(cleaner, row):
    return cleaner(dict(row))


@pytest.mark.parametrize(
    "row",
    [
        # MedQuAD's shapes, from the real records that the default cleaner used to damage
        {"input": "What is (are) Wilson Disease ?", "output": "Wilson disease is a genetic disease."},
        {"input": "What are the symptoms of Tay-Sachs ?", "output": "Tay-Sachs disease destroys nerve cells."},
        {"input": "How to diagnose Amyloidosis and Kidney Disease ?", "output": "See the topic Kidney Biopsy."},
        {"input": "What is Factor V Leiden thrombophilia ?", "output": "Factor V Leiden is a variant."},
        {"input": "What are the treatments for Jervell and Lange-Nielsen syndrome ?", "output": "Beta blockers."},
        {
            "instruction": "You are a medical information assistant.",
            "input": "What is (are) High Blood Cholesterol ?",
            "output": "Statins  - are very effective in lowering LDL  - are safe for most people.",
        },
        {"input": "What research is done?", "output": "scientists are studying - the ways in which plaques form"},
        {"input": "My knee hurts.", "output": "This may include a plain x-ray. THIS MAY BE NORMAL."},
        # abstracts: lower-case words beside a role or taken by NER, "The" before a predicate
        {"input": "We studied a short stay in a pediatric unit. The unit was busy.", "output": "Yes."},
        {"input": "Refusers had a partner more often than did the others. They were older.", "output": "No."},
        {
            "input": "Neutrophilic asthmatics had more symptoms. The Needs Evaluation Questionnaire was used.",
            "output": "Maybe.",
        },
    ],
)
def test_eponyms_and_common_words_of_real_records_survive(pii, row):
    assert _clean_row(pii, row) == row


def test_a_name_beside_an_eponym_is_still_removed_everywhere_in_the_record(pii):
    row = {
        "instruction": "Dr. Wilson wrote this note.",
        "input": "Anna Kowalczyk has Wilson disease.",
        "output": "Kowalczyk should see Dr. Wilson again in May 2024.",
    }
    out = _clean_row(pii, row)
    text = json.dumps(out)
    assert "Kowalczyk" not in text and "Dr. Wilson" not in text and "May 2024" not in text
    assert "Wilson disease" in out["input"]


def test_a_common_word_of_a_name_is_not_carried_to_other_fields(pii):
    row = {"input": "Anna Kidney called about her results.", "output": "Her kidney function is normal."}
    out = _clean_row(pii, row)
    assert "Anna" not in out["input"] and "kidney function" in out["output"]


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Who was jessica foster? Answer: an Irish carpenter.", "jessica foster"),
        ("Yoga every Monday, led by andrea. Info at the desk.", "andrea"),
    ],
)
def test_lower_case_names_in_capitalised_prose_are_still_removed(pii, text, gone):
    assert gone not in clean_text(pii, text)
