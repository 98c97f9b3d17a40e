"""Medical cleaners and checkers, registered by the ``medical`` plugin.

The ``medical`` PII profile (medicine's words and cues for the core's PII cleaners), unit and spelling
normalization, the medical disclaimer, and the soundness checkers behind ``medically_sound``.

Registered by the ``medical`` plugin (:mod:`medtune.medical.plugin`); nothing here runs at import time.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from typing import Any, Literal

from pydantic import Field, model_validator

from medtune._moved import deprecated_names
from medtune.cleaning.base import Drop, Row, get_texts, set_texts
from medtune.cleaning.checks import CheckFilter
from medtune.cleaning.config import CleanerOptions, FieldName
from medtune.cleaning.disclaimer import DisclaimerCleaner
from medtune.cleaning.normalize import RuleNormalizer, stem_rules
from medtune.cleaning.pii_profiles import PIIProfile

__all__ = [
    "ADVICE_PATTERN",
    "CLINICAL_AGE_CUES",
    "CLINICAL_COUNT_WORDS",
    "CLINICAL_DATE_CUES",
    "CLINICAL_DATE_EVENTS",
    "CLINICAL_DOTTED_ABBREVIATIONS",
    "CLINICAL_ID_LABELS",
    "CLINICAL_LABEL_CUES",
    "CLINICAL_METADATA_KEYS",
    "CLINICAL_MOVEMENTS",
    "CLINICAL_NAME_SUFFIXES",
    "CLINICAL_NOT_CREDENTIALS",
    "CLINICAL_NOT_DATE_AFTER",
    "CLINICAL_NOT_DATE_BEFORE",
    "CLINICAL_NOT_NAMES",
    "CLINICAL_NOT_STREET_SUFFIXES",
    "CLINICAL_NOT_TITLES",
    "CLINICAL_PREDICATES",
    "CLINICAL_ROLES",
    "CLINICAL_STRONG_DATE_CUES",
    "CLINICAL_SUBJECT_CUES",
    "DISCLAIMER_PRESENT_PATTERNS",
    "DISEASE_DRUG_SHAPE",
    "DRUG_AFTER",
    "DRUG_BEFORE",
    "MEDICAL_DISCLAIMER",
    "MEDICAL_WORD_SHAPE",
    "RED_FLAGS",
    "RED_FLAG_RULES",
    "RED_FLAG_WHEN",
    "DisclaimerConfig",
    "ExpandAbbreviationsConfig",
    "ImplausibleDoseChecker",
    "MedicallySoundConfig",
    "MedicallySoundFilter",
    "NormalizeUnitsConfig",
    "RedFlagEscalationChecker",
    "StopMedicationChecker",
    "make_disclaimer",
    "make_expand_abbreviations",
    "make_medically_sound",
    "make_normalize_units",
    "medical_pii_profile",
    "phi_ner_path",
    "red_flag_advice",
    "with_advice",
]

# --- PHI: the medical PII profile ---------------------------------------------------------------------------

#: Note shorthand that, after a given name opening a clause, makes it the patient ("LAKSHMI C/O NAUSEA").
CLINICAL_PREDICATES: frozenset[str] = frozenset(
    """
    c/o a+ox3 a&ox3 aox3 a/o a+o a&o a+ox2 a&ox2 a+ox1 a&ox1 mae oob tol afebrile febrile npo intubated extubated
    sedated medicated edematous diaphoretic hypotensive tachycardic bradycardic nauseous nauseated sob dyspneic
    lethargic obtunded somnolent arousable perrla ambulating ambulated amb voiding incontinent a&ox4 a+ox4 aox4 s/p
    follows spiked pulled reached woke able calmer gcs
    """.split()  # noqa: SIM905
)
#: People by their role in care: the word beside one of these is a name ("CHAPLAIN TRACY", "DAWN RN", "PT (FAITH)").
CLINICAL_ROLES: frozenset[str] = frozenset(
    """
    rn lpn np pa md cna rt ot pt slp sw cm msw chaplain pastor priest rabbi imam resident intern fellow attending
    hospitalist intensivist surgeon doctor dr nurse physician interpreter translator dietitian nutritionist
    pharmacist tech aide sitter therapist hcp proxy patient
    """.split()  # noqa: SIM905
)

#: Roles that never follow a name as a credential ("TO SEE PT", "CALLED TECH", "NOTIFIED HCP").
CLINICAL_NOT_CREDENTIALS: frozenset[str] = frozenset({"pt", "tech", "aide", "hcp"})

#: Words of care for moving a patient: the words after one and "to", "from" or "on" name a place ("ADMITTED TO
#: WHITE 6", "adm from Southcoast").
CLINICAL_MOVEMENTS: frozenset[str] = frozenset(
    """
    admitted adm admit readmitted discharged d/c'd dc'd d/ced xfer xfered xferred xfr transported accepted
    """.split()  # noqa: SIM905
)


#: The person the records are about: a name follows one ("PATIENT: LORI DUNN", "Patient John Adeyemi", "PT J.S.").
CLINICAL_SUBJECT_CUES: tuple[str, ...] = ("patient", "pt")
#: People of care who label a name with a colon ("ATTENDING: JOHN OKAFOR", "REFERRING PHYSICIAN: SARAH LEE").
CLINICAL_LABEL_CUES: tuple[str, ...] = (
    "attending",
    "physician",
    "provider",
    "surgeon",
    "pcp",
    "resident",
    "nurse",
    "rn",
    "md",
    "np",
)
#: Labels of medical identifiers (regex fragments): the code after one is an ID ("MRN: 00123456", "NPI 1234567893").
CLINICAL_ID_LABELS: tuple[str, ...] = (
    r"MRN",
    r"medical\s+record(?:\s+(?:number|no\.?|#))?",
    r"med\s*rec(?:\s*(?:no\.?|#))?",
    r"chart(?:\s+(?:number|no\.?|#))",
    r"patient\s+(?:id|number|no\.?|#)",
    r"DEA(?:\s*(?:number|no\.?|#))?",
    r"NPI",
    r"health\s+plan(?:\s+(?:id|number))?",
    r"medicaid(?:\s+(?:id|number|no\.?|#))?",
    r"medicare(?:\s+(?:id|number|no\.?|#))?",
    r"mr\s*#",
)
#: Clinical credentials after a name ("Robert Chen, MD", "ANA TORRES, RN"; case-sensitive regex fragments).
CLINICAL_NAME_SUFFIXES: tuple[str, ...] = (
    "MD",
    r"M\.D\.",
    "DO",
    "RN",
    "NP",
    "PA-C",
    "PA",
    "DDS",
    "DMD",
    "DPM",
    "LPN",
    "APRN",
    "CRNA",
    "FNP",
)
#: Words of clinical notes never taken for a name after a cue ("PT DENIES", "PATIENT ADMITTED", "PT AFEBRILE").
CLINICAL_NOT_NAMES: frozenset[str] = frozenset(
    """
    hospital clinic patient medical medicine mrn admit admitted discharge discharged presents presented complains
    complained endorses endorsed admits tolerates tolerated afebrile ambulating alert oriented stable prescribed
    prescribes
    """.split()  # noqa: SIM905
)
#: Words after a number that make it a count or a dose, not a house number ("12 PATIENTS", "2 DOSES", "50 GY").
CLINICAL_COUNT_WORDS: frozenset[str] = frozenset({"gy", "cgy", "iu", "patient", "patients", "dose", "doses"})
#: Words of care before a number that make it a date, even a dash pair ("DISCHARGE 4-27", "S/P 4-27", "D/C'D XMAS
#: EVE"; regex fragments).
CLINICAL_DATE_CUES: tuple[str, ...] = (r"admit(?:ted)?", r"adm", r"d/c(?:'?d)?", r"dc(?:'?d)?", r"discharged?", r"s/p")
#: The date cue that makes even an ``x/10`` a date, not a score ("ADMITTED 4/10"; not "D/C'D 9/10").
CLINICAL_STRONG_DATE_CUES: tuple[str, ...] = ("admitted",)
#: Events of care that date a month/day beside them ("CXR 3/14", "LAST BM 4/7", "3/14 ECHO"; regex fragments).
CLINICAL_DATE_EVENTS: tuple[str, ...] = (
    r"bm",
    r"surgery",
    r"cxr",
    r"ct",
    r"mri",
    r"echo",
    r"cath",
    r"labs?",
    r"hd",
    r"dialysis",
    r"seizure",
    r"intubated",
    r"extubated",
)
#: Doses and counts of care after a number pair, not a date ("1/2 TAB", "2-3 PUFFS", "1/2 NS", "2/6 MURMUR"; regex
#: fragments matched at the start of the words after it: "tab" covers "tablets").
CLINICAL_NOT_DATE_AFTER: tuple[str, ...] = (
    r"trimester",
    r"intercostal",
    r"ribs?\b",
    r"toes?\b",
    r"fingers?\b",
    r"digits?\b",
    r"metacarpal",
    r"metatarsal",
    r"cranial",
    r"lumbar",
    r"thoracic",
    r"cervical",
    r"sacral",
    r"ventricle",
    r"heart\s+sound",
    r"molar",
    r"premolar",
    r"post-?op",
    r"postoperative",
    r"fraction",
    r"pregnancy",
    r"tab",
    r"cap",
    r"dose",
    r"murmur",
    r"ns",
    r"pills?",
    r"lpm",
    r"puffs",
    r"loose",
    r"bms?\b",
    r"pts\b",
    r"patients",
    r"of\s+tab",
)
#: Readings, ventilator settings and symptom scores before a number pair, not a date ("BP 110/60", "PEEP 5/10",
#: "CP 6/10"; regex fragments).
CLINICAL_NOT_DATE_BEFORE: tuple[str, ...] = (
    "bp",
    "murmur",
    "gcs",
    "ps",
    "peep",
    "cpap",
    "bipap",
    "simv",
    "ac",
    "vent",
    "fio2",
    "cp",
    "ha",
)
#: Note shorthand after an age over 89 with a sex letter ("92F ADMITTED", "91M S/P FALL", "90F HX OF CHF").
CLINICAL_AGE_CUES: tuple[str, ...] = ("admitted", "s/p", "hx")
#: "MS" for mental status: after these, "MS." is no title ("ALTERED MS. DOA 10/27").
CLINICAL_NOT_TITLES: tuple[str, ...] = ("ALTERED MS", "BASELINE MS", "IMPROVED MS", "CHANGE IN MS", "CHANGES IN MS")
#: Dotted abbreviations that look like initials after "PT" ("PT I.V. ACCESS", "PT N.P.O.").
CLINICAL_DOTTED_ABBREVIATIONS: frozenset[str] = frozenset(
    {"iv", "po", "pr", "sq", "sc", "im", "od", "os", "ou", "bid", "tid", "qid", "qd", "npo", "dc", "er", "or", "ed"}
    | {"hs", "ac", "pc", "ns", "ot", "rt"}
)
#: "PT" (patient) and "CT" (the scan) in capitals are no street suffix ("12 PATIENTS NOT STAGED WITH CT").
CLINICAL_NOT_STREET_SUFFIXES: tuple[str, ...] = ("PT", "CT")
#: Endings of medical words (and common adjective and drug endings) that NER takes for names ("Hematologic",
#: "Bursitis", "Metformin"): a capitalised word with one, longer than five letters, stays.
MEDICAL_WORD_SHAPE = (
    r"(?i)(?:itis|osis|emia|aemia|ology|ologic|ological|ectomy|otomy|scopy|graphy|gram|pathy|plasty|oma|ase|ose|"
    r"ine|ide|ous|ism|ysis|trophy|algia|plegia|megaly|penia|uria|therapy|ic|al|ary|ive|floxacin|cillin|mycin|azole|"
    r"pril|sartan|olol|statin|dipine|tidine|prazole|mab|nib|vir|xaban|parin|sone|lone|zepam|zolam|triptan|caine|"
    r"dronate|gliptin|glitazone|lukast|setron|tropin|cycline|ate|ol|in|ex|ax)$"
)
#: Disease and drug endings: a capitalised word of the vocabulary with one of these is a disease or a drug, even after
#: "called" or "due to" ("a condition called Hidradenitis Suppurativa", "due to Amyloidosis").
DISEASE_DRUG_SHAPE = (
    r"(?i)(?:itis|osis|iasis|emia|aemia|oma|pathy|plasia|trophy|algia|ectomy|ysis|floxacin|cillin|mycin|azole|pril|"
    r"sartan|olol|statin|dipine|prazole|mab|nib|vir|xaban|parin|zepam|zolam|triptan|dronate|gliptin|diol)$"
)
#: Words before a drug ("prescribe Lovenox", "taking Metformin", "antibiotics such as Zithromax").
DRUG_BEFORE = (
    r"(?i)(?:\b(?:prescrib\w*|take|taking|took|start(?:ing)?|use|using|try|trying|medications?|medicines?|drugs?|"
    r"antibiotics?|such\s+as|like|including|called|recommend\w*|give|giving|inject\w*)\s*:?\s*"
    r"(?:(?:an?|the|some|of|with|on)\s+)*)$"
)
#: Words after a drug ("Zosyn 4.5 g", "Lovenox injections", "Miralax to relieve").
DRUG_AFTER = (
    r"(?i)^\s*(?:\(|\d|mg\b|tablets?|capsules?|injections?|cream|ointment|drops|syrup|pills?|"
    r"(?:is|are)\s+(?:an?\s+)?(?:medication|medicine|drug|antibiotic)|(?:may|will|can|should)\s+help|to\s+(?:treat|help|"
    r"reduce|control|relieve|prevent|manage)|for\s+(?:the|your)|twice|once|daily)"
)
#: Nouns that make the capitalised words before them an eponym, not a person ("Wilson disease", "Tourette syndrome",
#: "Factor V Leiden", "Klebsiella infection", "MECP2 gene"). No "test", "score" or "sign": those follow a patient's
#: name in notes too ("SMITH TEST RESULTS").
MEDICAL_TERM_HEADS: frozenset[str] = frozenset(
    """
    disease diseases syndrome syndromes disorder disorders anemia anaemia tumor tumors tumour tumours sarcoma
    lymphoma palsy dystrophy ataxia malformation anomaly thrombasthenia esophagus oesophagus ulcer ulcers phenomenon
    reflex maneuver manoeuvre fracture hernia biopsy leiden spectrum deficiency encephalopathy neuropathy myopathy
    cyst cysts chorea contracture fever virus dysplasia infection infections gene genes protein mutation variant
    carcinoma leukemia leukaemia neuroma nephropathy retinopathy cardiomyopathy arthritis colitis thyroiditis
    """.split()  # noqa: SIM905
)
#: Metadata keys of medical records whose value is an identifier ("mrn", "patient_name", "attending_physician").
CLINICAL_METADATA_KEYS: tuple[tuple[str, str], ...] = (
    ("ID", r"(?:^|_)mrn"),
    ("NAME", r"(?:^|_)(?:patient|physician)(?:_|$)"),
)


def phi_ner_path() -> str:
    """The directory of the shipped PHI NER model."""
    from medtune.medical.lexicon import DATA_DIR

    return str(DATA_DIR / "phi_ner")


def medical_pii_profile() -> PIIProfile:
    """The ``medical`` PII profile: medicine's words, cues and PHI NER model (built once, when a cleaner needs it).

    Example:
        >>> p = medical_pii_profile()
        >>> p.name, "crohn" in p.protected_terms, p.subject_cues, p.ner_model.endswith("phi_ner")
        ('medical', True, ('patient', 'pt'), True)
    """
    from medtune.medical.lexicon import clinical_abbreviations, is_medical_span, medical_vocabulary, protected_terms

    return PIIProfile(
        vocabulary=medical_vocabulary(),
        protected_terms=frozenset(protected_terms()),
        abbreviations=clinical_abbreviations(),
        keep_span=is_medical_span,
        ner_model=phi_ner_path(),
        roles=CLINICAL_ROLES,
        predicates=CLINICAL_PREDICATES,
        movements=CLINICAL_MOVEMENTS,
        name="medical",
        subject_cues=CLINICAL_SUBJECT_CUES,
        label_cues=CLINICAL_LABEL_CUES,
        id_labels=CLINICAL_ID_LABELS,
        name_suffixes=CLINICAL_NAME_SUFFIXES,
        not_names=CLINICAL_NOT_NAMES,
        count_words=CLINICAL_COUNT_WORDS,
        not_titles=CLINICAL_NOT_TITLES,
        not_initials=CLINICAL_DOTTED_ABBREVIATIONS,
        not_street_suffixes=CLINICAL_NOT_STREET_SUFFIXES,
        term_shape=MEDICAL_WORD_SHAPE,
        strong_term_shape=DISEASE_DRUG_SHAPE,
        term_before=DRUG_BEFORE,
        term_after=DRUG_AFTER,
        metadata_keys=CLINICAL_METADATA_KEYS,
        date_cues=CLINICAL_DATE_CUES,
        strong_date_cues=CLINICAL_STRONG_DATE_CUES,
        date_events=CLINICAL_DATE_EVENTS,
        not_date_after=CLINICAL_NOT_DATE_AFTER,
        not_date_before=CLINICAL_NOT_DATE_BEFORE,
        age_cues=CLINICAL_AGE_CUES,
        not_credentials=CLINICAL_NOT_CREDENTIALS,
        term_heads=MEDICAL_TERM_HEADS,
    )


#: The PII cleaners' options and factories moved to the core (``medtune.cleaning``) in issue #14: old name -> new home.
_MOVED_TO_CORE = {
    "PIIConfig": "medtune.cleaning.deid",
    "make_pii": "medtune.cleaning.deid",
    "PIIRegexConfig": "medtune.cleaning.pii",
    "make_pii_regex": "medtune.cleaning.pii",
    "PresidioConfig": "medtune.cleaning.presidio",
    "make_pii_presidio": "medtune.cleaning.presidio",
    "PHI_NER_MODEL": "medtune.cleaning.deid",
}


def _core_attribute(name: str) -> Callable[[], Any]:
    module, attribute = _MOVED_TO_CORE[name], "PROFILE_MODEL" if name == "PHI_NER_MODEL" else name
    return lambda: getattr(importlib.import_module(module), attribute)


#: The PII cleaners' options and factories, for one release: they are core components now.
__getattr__ = deprecated_names(
    __name__,
    {
        name: (
            _core_attribute(name),
            f"has moved to {module}: the PII cleaners are core components with a PII profile now",
        )
        for name, module in _MOVED_TO_CORE.items()
    },
)


# --- units and spelling ------------------------------------------------------------------------------------

UNIT_RULES: list[tuple[str, str]] = [
    (r"(?<=\d)(?=(?:mg|mcg|ml|mL|kg|mmol|mmHg|bpm|IU|units?)\b)", " "),  # 500mg -> 500 mg
    (r"(?i)\bmg\s*/\s*dl\b", "mg/dL"),
    (r"(?i)\bg\s*/\s*dl\b", "g/dL"),
    (r"(?i)\bmmol\s*/\s*l\b", "mmol/L"),
    (r"(?i)\bmeq\s*/\s*l\b", "mEq/L"),
    (r"(?i)\bmiu\s*/\s*ml\b", "mIU/mL"),
    (r"(?i)\bng\s*/\s*ml\b", "ng/mL"),
    (r"(?i)\bpg\s*/\s*ml\b", "pg/mL"),
    (r"(?i)\bu\s*/\s*l\b", "U/L"),
    (r"(?i)\bmm\s*hg\b", "mmHg"),
    (r"(?<=\d )ml\b|(?<=\d)ml\b", "mL"),
]

BRITISH_STEMS: dict[str, str] = {
    "haemo": "hemo",
    "haema": "hema",
    "haemorrh": "hemorrh",
    "anaemi": "anemi",
    "anaesth": "anesth",
    "oesophag": "esophag",
    "oedema": "edema",
    "oestr": "estr",
    "diarrhoea": "diarrhea",
    "dyspnoea": "dyspnea",
    "apnoea": "apnea",
    "amenorrhoea": "amenorrhea",
    "gonorrhoea": "gonorrhea",
    "paediatr": "pediatr",
    "orthopaed": "orthoped",
    "gynaecolog": "gynecolog",
    "leukaemi": "leukemi",
    "septicaemi": "septicemi",
    "ischaemi": "ischemi",
    "hypoglycaemi": "hypoglycemi",
    "hyperglycaemi": "hyperglycemi",
    "foetus": "fetus",
    "foetal": "fetal",
    "coeliac": "celiac",
    "tumour": "tumor",
    "behaviour": "behavior",
    "colour": "color",
    "labour": "labor",
    "centre": "center",
    "litre": "liter",
    "fibre": "fiber",
    "favour": "favor",
    "randomis": "randomiz",
    "hospitalis": "hospitaliz",
    "immunis": "immuniz",
    "paralys": "paralyz",
}


class NormalizeUnitsConfig(CleanerOptions):
    """Options of ``normalize_units``."""

    units: bool = True
    spelling: bool = Field(True, description="British to American medical spelling.")
    fields: list[FieldName] = Field(default_factory=lambda: ["instruction", "input", "output"], min_length=1)


def make_normalize_units(cfg: NormalizeUnitsConfig | None = None) -> RuleNormalizer:
    """Build the unit and spelling normalizer (mg/dl → mg/dL, 500mg → 500 mg, haemoglobin → hemoglobin)."""
    cfg = cfg or NormalizeUnitsConfig()
    rules: list[Any] = []
    if cfg.units:
        rules += UNIT_RULES
    if cfg.spelling:
        rules += stem_rules(BRITISH_STEMS)
    return RuleNormalizer(rules, fields=cfg.fields, name="normalize_units")


class ExpandAbbreviationsConfig(CleanerOptions):
    """Options of ``expand_abbreviations``."""

    lexicon: str = Field("medical_abbreviations", min_length=1, description="A registered term lexicon.")
    fields: list[FieldName] = Field(default_factory=lambda: ["input", "output"], min_length=1)


def make_expand_abbreviations(cfg: ExpandAbbreviationsConfig | None = None) -> Any:
    """Resolve the lexicon by name (once, here) and build the expander."""
    from medtune.cleaning.normalize import AbbreviationExpander
    from medtune.plugins.manager import get_plugin_manager

    cfg = cfg or ExpandAbbreviationsConfig()
    lexicon = get_plugin_manager().registry("lexicon").get(cfg.lexicon).build()
    return AbbreviationExpander(lexicon.abbreviations, fields=cfg.fields)


# --- disclaimer --------------------------------------------------------------------------------------------

MEDICAL_DISCLAIMER = (
    "This information is for educational purposes only and is not a substitute for professional medical advice. "
    "Consult a healthcare professional for personalized advice."
)

#: Diagnostic or treatment advice: what makes an answer need a disclaimer.
ADVICE_PATTERN = (
    r"\b(?:diagnos\w*|treat\w*|therap\w*|prescri\w*|medication\w*|medicine\w*|drugs?|dos(?:e|age)\w*|"
    r"\d+\s*(?:mg|mcg|ml|mL)\b|tablets?|capsules?|antibiotics?|surgery|you (?:should|need to|must|can) (?:take|use|"
    r"apply|try|start|stop|avoid|get|have)|(?:could|may|might|likely) (?:be|indicate|suggest|have)|"
    r"sounds? like|suffering from|recommend\w*|advis\w*)"
)

#: Phrases that already make a disclaimer (or an equivalent referral).
DISCLAIMER_PRESENT_PATTERNS: tuple[str, ...] = (
    r"not (?:a )?substitute for (?:professional )?medical advice",
    r"for (?:educational|informational) purposes",
    r"(?:consult|talk to|speak (?:to|with)|see|check with|ask) (?:a|your) (?:doctor|physician|healthcare|health care|"
    r"medical|gp|pharmacist|clinician|provider|specialist)",
    r"seek (?:immediate |urgent |prompt )?(?:medical|professional) (?:attention|advice|help|care)",
)


class DisclaimerConfig(CleanerOptions):
    """Options of ``disclaimer``."""

    text: str = Field(MEDICAL_DISCLAIMER, min_length=1, max_length=2000)
    advice_pattern: str = Field(ADVICE_PATTERN, min_length=1)
    present_patterns: list[str] = Field(default_factory=lambda: list(DISCLAIMER_PRESENT_PATTERNS))
    separator: str = "\n\n"
    fields: list[FieldName] = Field(default_factory=lambda: ["output"], min_length=1)


def make_disclaimer(cfg: DisclaimerConfig | None = None) -> DisclaimerCleaner:
    """Build the medical disclaimer cleaner."""
    cfg = cfg or DisclaimerConfig()
    return DisclaimerCleaner(
        cfg.text, cfg.advice_pattern, cfg.present_patterns, separator=cfg.separator, fields=cfg.fields
    )


# --- checkers ----------------------------------------------------------------------------------------------

#: Drug -> (max single adult dose, max daily adult dose), in mg. Generous upper bounds: above them a dose is
#: implausible, not merely high.
MAX_DOSES_MG: dict[str, tuple[float, float]] = {
    "acetaminophen": (1000, 4000),
    "paracetamol": (1000, 4000),
    "tylenol": (1000, 4000),
    "ibuprofen": (800, 3200),
    "advil": (800, 3200),
    "motrin": (800, 3200),
    "naproxen": (1000, 1500),
    "aleve": (1000, 1500),
    "aspirin": (1300, 4000),
    "amoxicillin": (3000, 6000),
    "azithromycin": (2000, 2000),
    "doxycycline": (200, 300),
    "ciprofloxacin": (750, 1500),
    "metformin": (2550, 2550),
    "lisinopril": (80, 80),
    "losartan": (100, 150),
    "amlodipine": (10, 10),
    "metoprolol": (400, 450),
    "atorvastatin": (80, 80),
    "simvastatin": (80, 80),
    "rosuvastatin": (40, 40),
    "sertraline": (200, 200),
    "fluoxetine": (80, 80),
    "citalopram": (40, 40),
    "escitalopram": (20, 20),
    "alprazolam": (4, 10),
    "lorazepam": (4, 10),
    "diazepam": (20, 40),
    "zolpidem": (12.5, 12.5),
    "gabapentin": (1200, 3600),
    "pregabalin": (300, 600),
    "tramadol": (200, 400),
    "omeprazole": (120, 360),
    "cetirizine": (20, 20),
    "loratadine": (20, 20),
    "diphenhydramine": (100, 400),
    "warfarin": (20, 20),
    "levothyroxine": (0.5, 0.5),
    "prednisone": (250, 1000),
}
GENERIC_MAX_MG = 10_000.0  # any single dose above 10 g of anything
_UNIT_MG = {
    "mg": 1.0,
    "milligram": 1.0,
    "milligrams": 1.0,
    "g": 1000.0,
    "gram": 1000.0,
    "grams": 1000.0,
    "mcg": 0.001,
    "µg": 0.001,
    "ug": 0.001,
    "microgram": 0.001,
    "micrograms": 0.001,
}
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_UNIT = r"(mg|milligrams?|g|grams?|mcg|µg|ug|micrograms?)\b(?!\s*(?:/|per)\s*(?:kg|m2|ml|l|dl)\b)"
_DAILY = re.compile(r"^\s*(?:/\s*(?:day|d)\b|per\s+day|a\s+day|daily|each\s+day|every\s+day|in\s+24\s*h)", re.I)
_DOSE_ANY = re.compile(r"(?<![\w.])" + _NUM + r"\s*" + _UNIT, re.I)
# A digit right before a unit: in every match of the three dose patterns, and far cheaper to look for.
_AMOUNT = re.compile(r"\d\s*" + _UNIT, re.I)
_DRUG_DOSE = re.compile(
    r"\b(" + "|".join(sorted(MAX_DOSES_MG, key=len, reverse=True)) + r")\b[^\d.!?\n]{0,40}?" + _NUM + r"\s*" + _UNIT,
    re.I,
)


_DOSE_DRUG = re.compile(
    _NUM
    + r"\s*"
    + _UNIT
    + r"\s+(?:of\s+)?(?:[a-z]+\s+){0,2}?("
    + "|".join(sorted(MAX_DOSES_MG, key=len, reverse=True))
    + r")\b",
    re.I,
)


class ImplausibleDoseChecker:
    """Flags doses above the maximum adult dose of a known drug, or above 10 g of anything."""

    name = "implausible_dose"

    def check(self, prompt: str, response: str) -> list[str]:
        """Findings in the response (the prompt is not checked: patients may report anything)."""
        del prompt
        if not _AMOUNT.search(response):  # every dose pattern holds a number and a unit: most answers skip them
            return []
        out = []
        for m in _DRUG_DOSE.finditer(response):
            drug, num, unit = m.group(1).lower(), m.group(2), m.group(3).lower()
            mg = float(num.replace(",", "")) * _UNIT_MG[unit]
            single, daily = MAX_DOSES_MG[drug]
            limit = daily if _DAILY.match(response[m.end() : m.end() + 20]) else single
            if mg > limit:
                out.append(f"dose above the maximum adult dose | {drug} {num} {unit} > {limit:g} mg")
        for m in _DOSE_DRUG.finditer(response):
            num, unit, drug = m.group(1), m.group(2).lower(), m.group(3).lower()
            mg = float(num.replace(",", "")) * _UNIT_MG[unit]
            if mg > MAX_DOSES_MG[drug][0]:
                out.append(f"dose above the maximum adult dose | {num} {unit} {drug} > {MAX_DOSES_MG[drug][0]:g} mg")
        for m in _DOSE_ANY.finditer(response):
            if m.group(2).lower() not in ("mg", "milligram", "milligrams"):
                continue  # grams of fiber, protein or glucose are food and test loads, not doses
            mg = float(m.group(1).replace(",", ""))
            if mg > GENERIC_MAX_MG:
                out.append(f"dose above {GENERIC_MAX_MG / 1000:g} g | {m.group(0)}")
        return out


_SENT = re.compile(r"[^.!?\n]+[.!?]?")
_STOP = re.compile(
    r"\b(?:stop(?:ping)?|quit(?:ting)?|discontinue|cease|come off|get off|throw away|no need (?:for|to take))\b",
    re.I,
)
_MED = re.compile(
    r"\b(?:medications?|medicines?|meds|pills|tablets|prescriptions?|prescribed|insulin|antidepressants?|"
    r"antibiotics?|inhalers?|blood thinners?|steroids?|statins?|anticoagulants?|" + "|".join(MAX_DOSES_MG) + r")\b",
    re.I,
)
_CLINICIAN = re.compile(
    r"\b(?:doctor|physician|clinician|prescriber|provider|pharmacist|gp|healthcare|health care|specialist|"
    r"psychiatrist|cardiologist|consult\w*|supervision|guidance|medical (?:advice|help|attention|care)|emergency|"
    r"see me|come see|seek|treatment (?:may|can|will|might|often|usually|includes?))\b",
    re.I,
)
_NEGATION = re.compile(r"\b(?:do not|don't|dont|never|not|shouldn't|should not|without|avoid)\b[^.!?\n]{0,20}$", re.I)


_STOP_MED = re.compile(_STOP.pattern + r"(?P<between>(?:\s+[\w'-]+){0,4}?)\s+" + _MED.pattern, re.I)
_NOT_BETWEEN = re.compile(r"(?i)\b(?:and|or|but|then|(?!taking\b|using\b)\w+ing)\b")


class StopMedicationChecker:
    """Flags advice to stop a (prescribed) medication with no clinician involved in the same sentence."""

    name = "stop_medication"

    def check(self, prompt: str, response: str) -> list[str]:
        """Findings in the response."""
        del prompt
        for sent in _SENT.findall(response):
            for m in _STOP_MED.finditer(sent):
                if _NOT_BETWEEN.search(m.group("between")):
                    continue  # "quitting smoking or taking medicines", "cells stop producing insulin"
                if _NEGATION.search(sent[: m.start()]) or _CLINICIAN.search(sent):
                    continue
                return [f"advises stopping medication without a clinician | {sent.strip()[:200]}"]
        return []


RED_FLAGS: dict[str, str] = {
    "chest pain": r"chest (?:pain|pressure|tightness)|pain in (?:my|the) chest",
    "breathing difficulty": r"(?:shortness|short) of breath|(?:difficulty|trouble) breathing|can(?:no|')t breathe|"
    r"unable to breathe|struggling to breathe",
    "stroke signs": r"slurred speech|face (?:is )?droop\w*|drooping face|weakness on one side|one side of (?:my|the) "
    r"(?:body|face) (?:is )?(?:numb|weak)",
    "worst headache": r"worst headache|thunderclap|sudden severe headache",
    "suicidal thoughts": r"suicid\w*|kill myself|end my life|self[- ]harm|want to die",
    "bleeding": r"coughing (?:up )?blood|vomiting blood|blood in (?:my )?vomit|black,? tarry stool|"
    r"(?:severe|heavy) bleeding|bleeding (?:that )?won'?t stop",
    "loss of consciousness": r"passed out|fainted|los(?:s|t|ing) (?:of )?consciousness|unconscious",
    "seizure": r"\bseizures?\b|convulsions?",
    "anaphylaxis": r"anaphyla\w*|throat (?:is )?(?:swelling|closing)|swollen (?:tongue|throat)",
}
_RED = {k: re.compile(v, re.I) for k, v in RED_FLAGS.items()}
_RED_NEG = re.compile(r"\b(?:no|not|denies|denied|without|never)\b[^.!?\n]{0,25}$", re.I)
_ESCALATION = re.compile(
    r"\b(?:emergency|ER|A&E|911|999|112|ambulance|urgent\w*|immediate\w*|right away|straight away|at once|"
    r"as soon as possible|asap|promptly|without delay|hospital|medical attention|seek (?:medical )?(?:help|care)|"
    r"(?:see|call|contact|consult|visit) (?:a|your) (?:doctor|physician|gp)|crisis|hotline|helpline|"
    r"evaluat\w*|examin\w*|tests?|testing|ECG|EKG|electrocardiogram|x-?rays?|scans?|MRI|imaging|admi(?:t|ssion)|"
    r"work-?up)\b",
    re.I,
)


#: Red flag -> the serving emergency rule (:data:`medtune.medical.safety.EMERGENCY_RULES`) whose urgent-care
#: message ``medically_sound`` adds to an answer it repairs (``red_flag_action: repair``).
RED_FLAG_RULES: dict[str, str] = {
    "chest pain": "chest_pain",
    "stroke signs": "stroke",
    "suicidal thoughts": "suicidal_intent",
    "anaphylaxis": "anaphylaxis",
}
#: Red flags no serving rule fits: when they are an emergency. The repair says "This can be an emergency: <when>,
#: call your local emergency number now (…)" (:data:`medtune.medical.safety.EMERGENCY_CALL`).
RED_FLAG_WHEN: dict[str, str] = {
    "breathing difficulty": "if breathing is very hard, came on suddenly, or comes with chest pain, blue lips or "
    "confusion",
    "worst headache": "if the headache came on suddenly and is the worst you have ever had",
    "bleeding": "if you are coughing up or vomiting blood, passing black, tarry stools, or bleeding heavily",
    "loss of consciousness": "if someone has passed out and does not come round within a minute, or fainted with "
    "chest pain, a racing heart, shortness of breath or a head injury",
    "seizure": "if a seizure lasts more than five minutes, another follows before the person comes round, it is a "
    "first seizure, or it follows a head injury",
}


#: Serving wording that the ``pii`` cleaner would change when cleaned data is cleaned again (a URL; "EU" read as a
#: place), and how training text says it: a repair must survive the pipeline's own cleaners.
_TRAINING_WORDING: tuple[tuple[str, str], ...] = (
    (" at findahelpline.com", " online"),
    ("112 in the EU", "112 in Europe"),
)


def red_flag_advice(flag: str) -> str:
    """The urgent-care advice for a red flag of :data:`RED_FLAGS`: the serving rule's message, or the call to act.

    The wording is serving's, less what the ``pii`` cleaner would remove from cleaned text (a URL, "EU").

    Example:
        >>> red_flag_advice("worst headache")[:80]
        'This can be an emergency: if the headache came on suddenly and is the worst you '
        >>> red_flag_advice("chest pain")[:50]
        'Chest pain with shortness of breath, sweating, or '
    """
    from medtune.medical.safety import EMERGENCY_CALL, EMERGENCY_RULES

    if flag in RED_FLAG_RULES:
        advice = next(r.message for r in EMERGENCY_RULES if r.name == RED_FLAG_RULES[flag])
    else:
        when = RED_FLAG_WHEN.get(flag)
        advice = f"This can be an emergency: {when + ', ' if when else ''}{EMERGENCY_CALL}"
    for serving, training in _TRAINING_WORDING:
        advice = advice.replace(serving, training)
    return advice


def with_advice(answer: str, advice: str) -> str:
    """``answer`` with ``advice`` as its first paragraph (unchanged when it already opens with it)."""
    if answer.lstrip().startswith(advice):
        return answer
    return f"{advice}\n\n{answer.lstrip()}" if answer.strip() else advice


class RedFlagEscalationChecker:
    """Flags answers to red-flag symptoms (chest pain, stroke signs, suicidal thoughts…) that never escalate."""

    name = "red_flag_escalation"

    def red_flag(self, prompt: str) -> tuple[str, str] | None:
        """The first red flag the prompt reports, not negated: ``(flag, the words)``, or ``None``."""
        for flag, rx in _RED.items():
            for m in rx.finditer(prompt):
                if not _RED_NEG.search(prompt[: m.start()]):
                    return flag, m.group(0)
        return None

    def unescalated(self, prompt: str, response: str) -> tuple[str, str] | None:
        """The prompt's red flag ``(flag, the words)`` when the response never advises seeking care, else ``None``."""
        found = self.red_flag(prompt)  # first: few prompts report one, and the prompt is the shorter text
        return None if found is None or _ESCALATION.search(response) else found

    def check(self, prompt: str, response: str) -> list[str]:
        """A finding when the prompt reports a red flag and the response has no escalation advice."""
        found = self.unescalated(prompt, response)
        return [] if found is None else [f"red flag without advice to seek care | {found[0]}: {found[1]}"]

    def repair(self, prompt: str, response: str) -> tuple[str, str] | None:
        """What would make the answer sound: ``(the red flag's urgent-care advice, tag)``, or ``None`` when sound.

        The tag (``"red_flag_escalation:chest_pain"``) names the repair in the record's metadata.
        """
        found = self.unescalated(prompt, response)
        return None if found is None else (red_flag_advice(found[0]), f"{self.name}:{found[0].replace(' ', '_')}")


RedFlagAction = Literal["drop", "repair"]


class MedicallySoundConfig(CleanerOptions):
    """Options of ``medically_sound``: the registered checkers to run (see ``medtune plugins``).

    ``red_flag_action`` says what happens to a record whose question reports a red flag and whose answer never
    advises seeking care: ``drop`` it (like every other finding), or ``repair`` it (keep it, with the urgent-care
    advice for that red flag as the answer's first paragraph, marked in its metadata).
    """

    checkers: list[str] = Field(
        default_factory=lambda: ["implausible_dose", "stop_medication", "red_flag_escalation"], min_length=1
    )
    red_flag_action: RedFlagAction = Field(
        "drop",
        description="drop: remove a red flag answered without advice to seek care; repair: keep it and add the "
        "urgent-care advice for that red flag",
    )

    @model_validator(mode="after")
    def _repair_needs_the_checker(self) -> MedicallySoundConfig:
        if self.red_flag_action == "repair" and "red_flag_escalation" not in self.checkers:
            raise ValueError(
                "red_flag_action 'repair' needs the red_flag_escalation checker, which checkers "
                f"{self.checkers} leaves out. Fix: add red_flag_escalation to checkers, or set red_flag_action: drop"
            )
        return self


def _parse_metadata(raw: Any) -> Any:
    if isinstance(raw, str) and raw.strip():
        try:
            return json.loads(raw)
        except ValueError:
            return raw
    return raw or {}


def _mark_repaired(raw: Any, tag: str) -> Any:
    """The record's metadata with ``repaired: tag`` added, in the form it came (a JSON string or a dict)."""
    meta = _parse_metadata(raw)
    meta = dict(meta) if isinstance(meta, dict) else {"metadata": meta}
    done = meta.get("repaired")
    if done is None or done == tag:
        meta["repaired"] = tag
    else:
        old = done if isinstance(done, list) else [done]
        meta["repaired"] = old if tag in old else [*old, tag]
    return meta if isinstance(raw, dict) else json.dumps(meta, ensure_ascii=False)


class MedicallySoundFilter(CheckFilter):
    """``medically_sound``: drop records the checkers flag, or repair red flags answered without escalation.

    With ``red_flag_action="repair"``, a record whose prompt reports a red flag and whose answer never advises
    seeking care keeps its place: the urgent-care advice for that red flag (:func:`red_flag_advice`) becomes the
    answer's first paragraph and ``metadata.repaired`` names the repair (``"red_flag_escalation:chest_pain"``); the
    pipeline counts the record as changed. Every checker then runs on the repaired answer, so other findings still
    drop it. Repairing twice changes nothing.

    Args:
        checkers: Checker objects, run in order; the first finding decides the reason.
        red_flag_action: ``"drop"`` or ``"repair"`` (needs a checker named ``red_flag_escalation`` with ``repair``).
    """

    def __init__(self, checkers: list[Any], red_flag_action: RedFlagAction = "drop") -> None:
        from medtune.errors import ConfigError

        super().__init__(checkers, name="medically_sound")
        self.red_flag_action = red_flag_action
        self._red_flag = next((c for c in self.checkers if c.name == "red_flag_escalation"), None)
        if red_flag_action == "repair" and not callable(getattr(self._red_flag, "repair", None)):
            raise ConfigError(
                "medically_sound: red_flag_action 'repair' needs a red_flag_escalation checker with "
                "repair(prompt, response); the checkers have none. Fix: use the built-in red_flag_escalation "
                "checker, or set red_flag_action: drop."
            )

    def __call__(self, row: Row) -> Row | Drop:
        """Keep the row (repaired when asked), or drop it with the first finding."""
        if self.red_flag_action == "repair":
            row = self.repaired(row)
        return super().__call__(row)

    def repaired(self, row: Row) -> Row:
        """The row with urgent-care advice added when a red flag goes unanswered; the row itself otherwise."""
        # the prompt and answer as CheckFilter reads them
        prompt = "\n".join(t for t in get_texts(row, ("input",)) if t) or "\n".join(get_texts(row, ("instruction",)))
        fix = self._red_flag.repair(prompt, "\n".join(get_texts(row, ("output",))))
        if fix is None:
            return row
        advice, tag = fix
        new = self._chat_repaired(row, advice) if "messages" in row else self._output_repaired(row, advice)
        new["metadata"] = _mark_repaired(row.get("metadata"), tag)
        return new

    @staticmethod
    def _output_repaired(row: Row, advice: str) -> Row:
        return set_texts(row, ("output",), [with_advice(row.get("output") or "", advice)])

    def _chat_repaired(self, row: Row, advice: str) -> Row:
        """The advice opens the first assistant message after the user message that reports the red flag."""
        messages = row["messages"]
        reports = getattr(self._red_flag, "red_flag", lambda _text: None)
        flagged = next((i for i, m in enumerate(messages) if m["role"] == "user" and reports(m["content"] or "")), 0)
        answers = [i for i, m in enumerate(messages) if m["role"] == "assistant"]
        target = next((i for i in answers if i > flagged), answers[0] if answers else None)
        if target is None:
            return dict(row)  # nothing to repair: the checker drops it
        new = dict(row)
        new["messages"] = [
            {**m, "content": with_advice(m["content"] or "", advice)} if i == target else dict(m)
            for i, m in enumerate(messages)
        ]
        return new


def make_medically_sound(cfg: MedicallySoundConfig | None = None) -> MedicallySoundFilter:
    """Resolve the checkers by name (once, here) and build the filter."""
    from medtune.errors import ConfigError
    from medtune.plugins.manager import get_plugin_manager

    cfg = cfg or MedicallySoundConfig()
    registry = get_plugin_manager().registry("checker")
    checkers = [registry.get(n).build() for n in cfg.checkers]
    for name, checker in zip(cfg.checkers, checkers):
        if not callable(getattr(checker, "check", None)):
            raise ConfigError(
                f"medically_sound: checker '{name}' scores answers for evaluation and has no "
                "check(prompt, response) to filter records with. Fix: use a soundness checker here "
                "(implausible_dose, stop_medication, red_flag_escalation, or your own); see `medtune plugins`."
            )
    return MedicallySoundFilter(checkers, red_flag_action=cfg.red_flag_action)
