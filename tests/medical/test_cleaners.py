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
        ("PARACETAMOL 5 G AT ONCE.", True),  # the cheap number-and-unit check first is as case-blind as the rules
        ("Take paracetamol 5000\nmg now.", True),
        ("No dose is given here.", False),
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
    checker = RedFlagEscalationChecker()
    assert bool(checker.check(prompt, response)) is flagged
    assert (checker.repair(prompt, response) is not None) is flagged  # a finding is exactly what a repair fixes


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


# --- medically_sound: red flags repaired, not dropped (issue #18) -------------------------------------------

#: One prompt per red flag, and an answer that never advises seeking care.
RED_FLAG_PROMPTS = {
    "chest pain": "I have chest pain when I climb stairs.",
    "breathing difficulty": "I get shortness of breath at night.",
    "stroke signs": "My father has slurred speech since this morning.",
    "worst headache": "I have the worst headache I have ever had.",
    "suicidal thoughts": "Lately I want to kill myself.",
    "bleeding": "I have been vomiting blood since yesterday.",
    "loss of consciousness": "I fainted at work today.",
    "seizure": "My son had a seizure last night.",
    "anaphylaxis": "My throat is swelling after I ate peanuts.",
}
QUIET_ANSWER = "It is probably nothing serious. Rest and drink plenty of water."


def repairing():
    from medtune.medical.cleaners import MedicallySoundConfig

    return make_medically_sound(MedicallySoundConfig(red_flag_action="repair"))


def run_pipeline(cleaner, *records):
    from medtune import Dataset
    from medtune.cleaning import Pipeline

    return Pipeline([cleaner]).run(Dataset.from_records(list(records)))


def test_every_red_flag_has_urgent_care_advice_from_the_serving_rules_or_the_emergency_call():
    from medtune.medical.cleaners import RED_FLAG_RULES, RED_FLAG_WHEN, RED_FLAGS, red_flag_advice
    from medtune.medical.safety import EMERGENCY_CALL, EMERGENCY_RULES

    assert set(RED_FLAG_PROMPTS) == set(RED_FLAGS)
    assert set(RED_FLAG_RULES) | set(RED_FLAG_WHEN) == set(RED_FLAGS) and not set(RED_FLAG_RULES) & set(RED_FLAG_WHEN)
    messages = {r.name: r.message for r in EMERGENCY_RULES}
    training = {"112 in the EU": "112 in Europe", " at findahelpline.com": " online"}  # pii would remove these
    for flag, rule in RED_FLAG_RULES.items():
        assert red_flag_advice(flag) == reworded(messages[rule], training)
    for flag, when in RED_FLAG_WHEN.items():
        assert red_flag_advice(flag) == reworded(f"This can be an emergency: {when}, {EMERGENCY_CALL}", training)


def reworded(text, changes):
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def test_repaired_records_come_out_of_a_second_default_pipeline_run_unchanged():
    from medtune import Dataset
    from medtune.cleaning import Pipeline

    pipeline = Pipeline.default()
    records = [{"id": flag, "input": q, "output": QUIET_ANSWER} for flag, q in RED_FLAG_PROMPTS.items()]
    once = pipeline.run(Dataset.from_records(records))
    assert len(once.dataset) == len(records)
    assert all(r.metadata["repaired"].startswith("red_flag_escalation:") for r in once.dataset)
    twice = pipeline.run(Dataset.from_records(list(once.dataset.to_rows())))
    assert [s.changed for s in twice.report.stages] == [0] * len(twice.report.stages)
    assert list(twice.dataset.to_rows()) == list(once.dataset.to_rows())


@pytest.mark.parametrize("flag", sorted(RED_FLAG_PROMPTS))
def test_repair_keeps_a_red_flag_record_with_advice_that_passes_soundness_and_evaluation(flag):
    from medtune.evaluation.scoring import EvalExample
    from medtune.medical.cleaners import red_flag_advice
    from medtune.medical.evaluation import SafetyChecker

    prompt = RED_FLAG_PROMPTS[flag]
    assert RedFlagEscalationChecker().red_flag(prompt)[0] == flag
    detail = RedFlagEscalationChecker().check(prompt, QUIET_ANSWER)[0].partition(" | ")[2]
    dropped = Drop("red_flag_escalation: red flag without advice to seek care", detail)
    assert make_medically_sound()(row(prompt, QUIET_ANSWER)) == dropped  # the old behaviour, still the default
    result = run_pipeline(repairing(), {"input": prompt, "output": QUIET_ANSWER, "metadata": {"lang": "en"}})
    (record,) = result.dataset
    assert record.output == f"{red_flag_advice(flag)}\n\n{QUIET_ANSWER}"
    assert record.metadata == {"lang": "en", "repaired": f"red_flag_escalation:{flag.replace(' ', '_')}"}
    (stage,) = result.report.stages
    assert (stage.changed, stage.dropped_total, result.rejects) == (1, 0, [])
    assert make_medically_sound().findings(prompt, record.output) == []
    (score,) = SafetyChecker().score([EvalExample("1", prompt, record.output, "")])
    assert score.values["red_flag_escalation"] == 1.0


def test_repair_leaves_an_answer_that_already_escalates_unchanged():
    sound = row("I have crushing chest pain.", "Go to the emergency room right away.")
    assert repairing()(sound) is sound
    result = run_pipeline(repairing(), {"input": sound["input"], "output": sound["output"]})
    assert [r.output for r in result.dataset] == [sound["output"]] and result.report.stages[0].changed == 0
    assert [r.metadata for r in result.dataset] == [{}]


def test_repair_is_idempotent():
    f = repairing()
    once = f(row("I have chest pain.", QUIET_ANSWER))
    assert once["output"].count("Call emergency services") == 1
    assert f(once) == once
    first = run_pipeline(f, {"input": "I have chest pain.", "output": QUIET_ANSWER})
    second = run_pipeline(f, first.dataset[0])
    assert second.report.stages[0].changed == 0 and second.dataset[0] == first.dataset[0]


def test_repair_still_drops_every_other_unsound_reason_with_the_reason_in_rejects():
    result = run_pipeline(
        repairing(),
        {"input": "I have a fever.", "output": "Take paracetamol 5000 mg at once."},
        {"input": "I feel better.", "output": "Stop taking your antidepressants."},
        {"input": "I have chest pain.", "output": "Take aspirin 5000 mg."},  # a red flag too: still dropped
    )
    assert len(result.dataset) == 0
    assert [(r["cleaner"], r["reason"]) for r in result.rejects] == [
        ("medically_sound", "implausible_dose: dose above the maximum adult dose"),
        ("medically_sound", "stop_medication: advises stopping medication without a clinician"),
        ("medically_sound", "implausible_dose: dose above the maximum adult dose"),
    ]
    assert result.rejects[2]["record"]["output"] == "Take aspirin 5000 mg."  # the record as it came


def test_drop_is_the_option_default_and_drops_red_flags_as_before():
    f = make_medically_sound()
    assert f.red_flag_action == "drop"
    result = run_pipeline(f, {"input": "I have chest pain.", "output": QUIET_ANSWER})
    assert len(result.dataset) == 0 and result.report.stages[0].changed == 0
    (reject,) = result.rejects
    assert reject["reason"] == "red_flag_escalation: red flag without advice to seek care"
    assert reject["detail"] == "chest pain: chest pain"


def test_repair_in_a_chat_opens_the_answer_to_the_turn_that_reports_the_red_flag():
    from medtune.medical.cleaners import red_flag_advice

    messages = [
        {"role": "user", "content": "I have a cough."},
        {"role": "assistant", "content": "Try honey and warm drinks."},
        {"role": "user", "content": "Now I also have chest pain."},
        {"role": "assistant", "content": "That is common with coughing."},
    ]
    result = run_pipeline(repairing(), {"messages": messages})
    out = result.dataset[0].messages
    assert [m.content for m in out[:3]] == [m["content"] for m in messages[:3]]
    assert out[3].content == f"{red_flag_advice('chest pain')}\n\nThat is common with coughing."
    assert result.dataset[0].metadata == {"repaired": "red_flag_escalation:chest_pain"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"red_flag_action": "repiar"}, "red_flag_action: Input should be 'drop' or 'repair'"),
        ({"red_flag_actoin": "repair"}, "did you mean 'red_flag_action'"),
        ({"checkers": ["implausible_dose"], "red_flag_action": "repair"}, "needs the red_flag_escalation checker"),
    ],
)
def test_medically_sound_option_mistakes_are_config_errors(options, message):
    from medtune.cleaning import Pipeline
    from medtune.errors import ConfigError

    with pytest.raises(ConfigError, match=message):
        Pipeline.from_config({"cleaners": [{"name": "medically_sound", "options": options}]})
