import pytest

from medtune.cleaning import Drop
from medtune.cleaning.pii import make_pii_regex
from medtune.medical.cleaners import (
    ImplausibleDoseChecker,
    RedFlagEscalationChecker,
    StopMedicationChecker,
    make_disclaimer,
    make_medically_sound,
    make_normalize_units,
)
from medtune.medical.lexicon import is_medical_span, protected_terms
from medtune.plugins.manager import get_plugin_manager


def row(input, output):
    return {"id": None, "instruction": "", "input": input, "output": output, "source": None, "category": None,
            "metadata": "{}"}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Parkinson's disease is progressive; so is Alzheimer's.",
        "Mr Crohn's flare-up",  # eponym after a title must survive
        "PT WITH HODGKIN LYMPHOMA SEEN BY DR HUNTINGTON",
        "Dr. Metformin",
    ],
)
def test_medical_words_survive_pii_regex(text):
    cleaned = make_pii_regex().clean_text(text)
    for word in ("Parkinson", "Crohn", "HODGKIN", "HUNTINGTON", "Metformin"):
        if word in text:
            assert word in cleaned


def test_pii_regex_still_removes_real_names_and_ids():
    c = make_pii_regex()
    assert (
        c.clean_text("PT SEEN BY DR JOHNSON, MRN 1234567, DOB 01/02/1950")
        == "PT SEEN BY DR [NAME], MRN [ID], DOB [DATE]"
    )


def test_protected_terms_and_eponym_context():
    terms = protected_terms()
    assert {"parkinson", "crohn", "hodgkin", "atorvastatin", "achilles"} <= terms
    text = "Graves disease and Bell's palsy; Mr Graves called."
    assert is_medical_span(text, 0, 6)
    assert is_medical_span(text, 21, 25)
    assert not is_medical_span(text, 36, 42)


def test_normalize_units_and_spelling():
    n = make_normalize_units()
    assert n.clean_text("Glucose 180 MG/DL, took 500mg, Haemoglobin low, oedema, TUMOUR") == (
        "Glucose 180 mg/dL, took 500 mg, Hemoglobin low, edema, TUMOR"
    )
    assert n.clean_text("Na 140 meq/l, 5ml syrup, BP 120/80 mm Hg") == "Na 140 mEq/L, 5 mL syrup, BP 120/80 mmHg"
    once = n.clean_text("anaemia and diarrhoea in paediatrics")
    assert once == "anemia and diarrhea in pediatrics" and n.clean_text(once) == once


def test_disclaimer_added_once_and_only_to_advice():
    d = make_disclaimer()
    advice = "It sounds like migraine. Take ibuprofen 400 mg."
    once = d.clean_text(advice)
    assert once.startswith(advice) and "not a substitute for professional medical advice" in once
    assert d.clean_text(once) == once
    assert d.clean_text("Hello, nice to meet you.") == "Hello, nice to meet you."
    already = "Take rest. Please consult your doctor if it persists."
    assert d.clean_text(already) == already


@pytest.mark.parametrize(
    ("response", "flagged"),
    [
        ("Take paracetamol 5000 mg every 4 hours.", True),
        ("Take paracetamol 500 mg every 4 hours.", False),
        ("Paracetamol up to 4,000 mg per day is the limit.", False),
        ("Take 2 g of paracetamol at once.", True),
        ("Ibuprofen 400mg three times daily.", False),
        ("Take 50,000 mg of vitamin C.", True),
        ("Eat 25 grams of fiber a day; the test uses 75 grams of glucose.", False),
        ("The prothrombin 20210G mutation.", False),
        ("Amoxicillin 20 mg/kg twice daily.", False),
        ("Levothyroxine 100 mcg each morning.", False),
    ],
)
def test_implausible_dose(response, flagged):
    assert bool(ImplausibleDoseChecker().check("", response)) is flagged


@pytest.mark.parametrize(
    ("response", "flagged"),
    [
        ("You can stop taking your blood pressure medication now.", True),
        ("Just quit the antidepressants, you don't need them.", True),
        ("Do not stop taking your medication without talking to your doctor.", False),
        ("Talk to your doctor before you stop taking the pills.", False),
        ("Stop smoking and exercise more.", False),
        ("Stop the antibiotic and seek medical attention if a rash appears.", False),
        ("Try quitting smoking or taking certain medicines.", False),
        ("Beta cells stop producing insulin.", False),
        ("Stop your insulin.", True),
    ],
)
def test_stop_medication(response, flagged):
    assert bool(StopMedicationChecker().check("", response)) is flagged


@pytest.mark.parametrize(
    ("prompt", "response", "flagged"),
    [
        ("I have crushing chest pain.", "Try some antacids.", True),
        ("I have crushing chest pain.", "Call 911 or go to the emergency room now.", False),
        ("No chest pain, just a cough.", "Try honey.", False),
        ("I keep thinking about suicide.", "Get more sleep.", True),
        ("My face is drooping and my speech is slurred.", "Seek immediate medical help.", False),
        ("My knee hurts.", "Rest it.", False),
    ],
)
def test_red_flags(prompt, response, flagged):
    assert bool(RedFlagEscalationChecker().check(prompt, response)) is flagged


def test_medically_sound_uses_registered_checkers():
    f = make_medically_sound()
    assert [c.name for c in f.checkers] == ["implausible_dose", "stop_medication", "red_flag_escalation"]
    out = f(row("I have chest pain.", "Take aspirin 5000 mg."))
    assert isinstance(out, Drop) and out.reason == "implausible_dose: dose above the maximum adult dose"
    assert "aspirin 5000 mg" in out.detail
    good = row("I have a cold.", "Rest and drink fluids.")
    assert f(good) == good


def test_registries_hold_the_medical_components():
    pm = get_plugin_manager()
    assert {"pii_regex", "normalize_units", "medically_sound", "disclaimer"} <= set(pm.registry("cleaner").names())
    assert {"empty", "length", "copies_input", "dedup", "language"} <= set(pm.registry("cleaner").names())
    assert {"implausible_dose", "stop_medication", "red_flag_escalation"} <= set(pm.registry("checker").names())


def test_expand_abbreviations_first_use_only_and_idempotent():
    from medtune.cleaning import Pipeline

    x = Pipeline.from_config({"cleaners": ["expand_abbreviations"]}).cleaners[0]
    once = x.clean_text("An MI and a UTI. MI again; PE and DM stay.")
    assert once == ("A myocardial infarction (MI) and a urinary tract infection (UTI). MI again; PE and DM stay.")
    assert x.clean_text(once) == once
    # already defined or spelled out: left alone
    assert x.clean_text("Heart attack (MI) last year; MI risk.") == "Heart attack (MI) last year; MI risk."
    assert x.clean_text("myocardial infarction and MI") == "myocardial infarction and MI"
    assert x.clean_text("AMI, MIND, mi") == "AMI, MIND, mi"


def test_lexicon_is_a_plugin_component():
    from medtune import ComponentSpec, PluginManager, hookimpl
    from medtune.cleaning import Pipeline
    from medtune.cleaning.normalize import Lexicon
    from medtune.medical.cleaners import ExpandAbbreviationsConfig, make_expand_abbreviations

    lex = get_plugin_manager().registry("lexicon").get("medical_abbreviations").build()
    assert lex.abbreviations["COPD"] == "chronic obstructive pulmonary disease"
    assert "PE" not in lex.abbreviations and "DM" not in lex.abbreviations

    class Mine:
        @hookimpl
        def medtune_term_lexicons(self):
            return [ComponentSpec("mine", lambda: Lexicon("mine", {"SOB": "shortness of breath"}))]

    pm = PluginManager(entry_points=False)
    pm.register(Mine(), name="mine")
    from medtune.plugins import manager

    old = manager.reset_plugin_manager(pm)
    try:
        x = make_expand_abbreviations(ExpandAbbreviationsConfig(lexicon="mine"))
        assert x.clean_text("SOB at night") == "shortness of breath (SOB) at night"
        assert Pipeline.from_config({"cleaners": [{"name": "expand_abbreviations", "options": {"lexicon": "mine"}}]})
    finally:
        manager.reset_plugin_manager(old)


# --- issue #3: names in clinical notes, brand drugs, vocabulary ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PT: LORI DUNN, 101 YO F. DOB 02/24/1942.", "PT: [NAME], [AGE] F. DOB [DATE]."),
        ("PATIENT FREDERICK WILLIAMS (MRN: 3091234) ADMITTED", "PATIENT [NAME] (MRN: [ID]) ADMITTED"),
        ("PATIENT: GONZALEZ, MARIA  DOB: 04/05/1931", "PATIENT: [NAME]  DOB: [DATE]"),
        ("PT SEEN BY DR PATEL. HX OF CHF, HTN. NKDA.", "PT SEEN BY DR [NAME]. HX OF CHF, HTN. NKDA."),
        ("MRS O'BRIEN, 91, PRESENTS WITH A FALL", "MRS [NAME], [AGE], PRESENTS WITH A FALL"),
        ("F/U W/ DR. KIM IN 2 WKS. SIGNED: ANA TORRES, RN", "F/U W/ DR. [NAME] IN 2 WKS. SIGNED: [NAME]"),
        ("D/C HOME TO 60159 RAMOS PORTS, EAST TIMOTHY, PR 04363", "D/C HOME TO [ADDRESS], PR [ZIP]"),
        (
            "Hi doctor, I'm Shawn Carroll, 91, call me at 555-123-4567.",
            "Hi doctor, I'm [NAME], [AGE], call me at [PHONE].",
        ),
    ],
)
def test_pii_regex_on_clinical_notes_and_introductions(text, expected):
    assert make_pii_regex().clean_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "PT REPORTS SOB, HX OF HTN. PT DENIES CP.",
        "MY DR THINKS IT IS GERD. DR RECOMMENDED AN MRI.",
        "I AM HAVING SEVERE PAIN IN MY CHEST. I'M DIABETIC AND MY SUGAR IS 95.",
        "PATIENT SATISFACTION SURVEY. THIS IS CONTRARY TO PRIOR DATA.",
        "PT ON EFFEXOR, BONIVA AND BACTRIM; LOVENOX 40 MG; EVISTA DAILY.",
        "PT WITH PARKINSON'S, CROHN'S AND HODGKIN LYMPHOMA.",
        "I'm Parkinson's patient and take Sinemet; I am Hodgkin survivor.",
        "Thanks, Effexor helped. Regards, Lovenox clinic team",
        "MR ANGIOGRAPHY AND CT SCAN WERE NORMAL. MS FLARE LAST YEAR.",
        "60 PLAIN ABDOMINAL CT IMAGES; LEVEL 1 TRAUMA CENTER; 23 TALAR NECK FRACTURES.",
    ],
)
def test_pii_regex_keeps_clinical_words_drugs_and_eponyms(text):
    assert make_pii_regex().clean_text(text) == text


def test_brand_drugs_are_protected_and_vocabulary_is_shipped():
    from medtune.medical.lexicon import brand_drugs, clinical_abbreviations, name_vocabulary

    assert {"effexor", "boniva", "bactrim", "lovenox", "evista", "sinemet"} <= brand_drugs() <= protected_terms()
    assert not {"allegra", "soma"} & brand_drugs()  # also given names or words: a person called so must go
    assert {"htn", "nkda", "copd", "hx"} <= clinical_abbreviations()
    assert not {"max", "ed", "al", "pam"} & clinical_abbreviations()
    assert {"pain", "htn", "kidney"} <= name_vocabulary()
    assert not {"smith", "lori", "dunn", "patel"} & name_vocabulary()


def test_pii_regex_without_medical_protection_has_no_vocabulary():
    from medtune.cleaning.pii import PIIRegexConfig

    c = make_pii_regex(PIIRegexConfig(protect_medical_terms=False))
    assert c.vocabulary == frozenset() and c.protected_terms == frozenset()
    assert c.clean_text("Dr. Effexor; I'm Shawn Carroll") == "Dr. [NAME]; I'm Shawn Carroll"
