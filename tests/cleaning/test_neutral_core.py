"""The core's PII code knows nothing medical: clinical cues come from the medical plugin's PII profile.

Issue #14: the core (``medtune.cleaning``) is domain-neutral and medicine is a plugin. The PII cleaners are core
components; with the medical plugin disabled they still remove identifiers, with the neutral profile.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import medtune.cleaning
from medtune.plugins.manager import PluginManager, reset_plugin_manager

CLEANING = Path(medtune.cleaning.__file__).parent

#: Clinical words that must not appear in the code of the core's PII modules (docstrings and comments aside).
CLINICAL = re.compile(
    r"(?i)\b(?:patients?|(?-i:pt|PT)|mrn|medical\s+record|hospital|clinic|medications?|medicines?|medical|drugs?|physicians?|"
    r"nurse\s*:|afebrile|ambulating|admitted|discharged|prescrib\w*|antibiotics?|tablets?|capsules?|doses?|"
    r"medicaid|medicare|npi|dea|phi|disease|cillin|floxacin)\b"
)
#: Note shorthand of care that the profile's cues hold now (dates, doses, readings, ages): none of it in the core's code.
SHORTHAND = re.compile(
    r"(?i)(?<![\w/])(?:s/p|d/c|dc'?d|hx|cxr|mri|peep|fio2|c?pap|bipap|gcs|murmur|puffs|tabs?|admit|adm)(?![\w/])"
)
#: The layered cleaner's facility and place heuristics name kinds of places ("Mercy Hospital", "Tufts Medical
#: Center") and English verbs that end a place name read backwards ("ADMITTED | MERCY HOSPITAL"): places, not care.
PLACE_WORDS = re.compile(r"(?i)\b(?:hospital|clinic|medical|admitted|discharged)\b")
#: Modules whose place heuristics may name kinds of places ("WORKS AT THE HOSPITAL" is no employer's name).
PLACE_MODULES = {"deid.py", "workplaces.py"}

MODULES = [
    "pii.py",
    "presidio.py",
    "pii_profiles.py",
    "deid.py",
    "builtin.py",
    "roles.py",
    "subjects.py",
    "shapes.py",
    "workplaces.py",
    "eponyms.py",
]


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module that is not a docstring, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


@pytest.mark.parametrize("module", MODULES)
def test_core_pii_code_holds_no_clinical_words(module):
    found = []
    for line, value in _code_strings(CLEANING / module):
        for m in [*CLINICAL.finditer(value), *SHORTHAND.finditer(value)]:
            if module in PLACE_MODULES and PLACE_WORDS.fullmatch(m.group()):
                continue
            if module == "pii.py" and m.group() == "pt" and "|pt|" in value:
                continue  # Portugal's top-level domain in the URL pattern
            found.append(f"{module}:{line}: {m.group()!r} in {value[:60]!r}")
    assert found == []


def test_the_scan_would_see_a_clinical_cue():
    assert CLINICAL.search(r"\b(?:patient|pt)\s*:") and CLINICAL.search("MRN") and CLINICAL.search(r"drugs?")
    assert SHORTHAND.search(r"(?:admit(?:ted)?|d/c(?:'?d)?)\s*$") and SHORTHAND.search(r"w/|s/p|hx|present")
    assert not SHORTHAND.search("adhx w/p tablet")


@pytest.fixture
def without_medical():
    """A plugin manager with the medical plugin disabled, made the process default (and restored after)."""
    manager = PluginManager(entry_points=False, disabled=["medical"])
    previous = reset_plugin_manager(manager)
    try:
        yield manager
    finally:
        reset_plugin_manager(previous)


def test_pii_is_a_core_cleaner_that_works_without_the_medical_plugin(without_medical):
    cleaners = {info.name: info.plugin for info in without_medical.registry("cleaner")}
    assert {name: cleaners.get(name) for name in ("pii", "pii_regex", "pii_presidio")} == dict.fromkeys(
        ("pii", "pii_regex", "pii_presidio"), "core"
    )
    assert without_medical.registry("pii_profile").names() == ["neutral"]

    pii = without_medical.registry("cleaner").get("pii").build({})
    assert pii.profile.name == "neutral" and pii.profile.ner_model is None and pii.profile.vocabulary == frozenset()
    row = {"input": "Hi, my name is John Smith. Mail john.smith@example.com or call 617-555-0134.", "output": "ok"}
    out = pii(row)
    assert out["input"] == "Hi, my name is [NAME]. Mail [EMAIL] or call [PHONE].", out
    assert out["output"] == "ok"


def test_the_neutral_profile_has_no_clinical_cues(without_medical):
    from medtune.cleaning import find_pii

    regex = without_medical.registry("cleaner").get("pii_regex").build({})
    assert regex.profile.name == "neutral"
    assert (
        regex.clean_text("Account no: 88123456, ticket 4471, Dr. Alvarez")
        == "Account no: [ID], ticket [ID], Dr. [NAME]"
    )
    assert [m.label for m in find_pii("MRN: A1234567; PT J.S. RM 14")] == []  # medicine's cues are the plugin's


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ("medical", "ADMITTED [DATE] FROM HOME, RESTRAINTS D/C'D [DATE]; PT IS [AGE]. HUSBAND [AGE]M S/P CABG."),
        ("neutral", "ADMITTED 4-27 FROM HOME, RESTRAINTS D/C'D XMAS EVE; PT IS 93. HUSBAND 92M S/P CABG."),
    ],
)
def test_clinical_date_and_age_cues_come_from_the_profile(profile, expected):
    """With the medical profile only, ADMITTED makes 4-27 a date, D/C'D a holiday, PT IS and S/P an age."""
    pii = PluginManager(entry_points=False).registry("cleaner").get("pii").build({"profile": profile, "model": None})
    text = "ADMITTED 4-27 FROM HOME, RESTRAINTS D/C'D XMAS EVE; PT IS 93. HUSBAND 92M S/P CABG."
    assert pii({"input": text, "output": "ok"})["input"] == expected


def test_clinical_cues_of_shapes_subjects_and_roles_need_the_profile():
    from medtune.cleaning import PIIProfile
    from medtune.cleaning.roles import find_role_names
    from medtune.cleaning.shapes import find_month_days, not_a_date
    from medtune.cleaning.subjects import find_header_names
    from medtune.medical.cleaners import medical_pii_profile

    medical, neutral = medical_pii_profile(), PIIProfile()
    assert find_month_days("ADMITTED 4-27", profile=medical) == [(9, 13)]
    assert find_month_days("ADMITTED 4-27", profile=neutral) == []
    assert (not_a_date("1/2 TAB", 0, 3, profile=medical), not_a_date("1/2 TAB", 0, 3, profile=neutral)) == (True, False)
    text = "PT: CUNHA, LETICIA"
    assert find_header_names(text, profile=medical) == [(4, 18)] and find_header_names(text, profile=neutral) == []
    text = "HOLLY RN AWARE. SEEN BY MAX PT."  # "PT" (the patient) is no credential after a name
    assert find_role_names(text, {"rn", "pt"}, not_credentials=medical.not_credentials) == [(0, 5)]
    assert find_role_names(text, {"rn", "pt"}, not_credentials=neutral.not_credentials) == [(0, 5), (24, 27)]
