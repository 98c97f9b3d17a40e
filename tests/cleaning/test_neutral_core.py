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
#: The layered cleaner's facility and place heuristics name kinds of places ("Mercy Hospital", "Tufts Medical
#: Center") and English verbs that end a place name read backwards ("ADMITTED | MERCY HOSPITAL"): places, not care.
PLACE_WORDS = re.compile(r"(?i)\b(?:hospital|clinic|medical|admitted|discharged)\b")

MODULES = ["pii.py", "presidio.py", "pii_profiles.py", "deid.py", "builtin.py"]


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
        for m in CLINICAL.finditer(value):
            if module == "deid.py" and PLACE_WORDS.fullmatch(m.group()):
                continue
            if module == "pii.py" and m.group() == "pt" and "|pt|" in value:
                continue  # Portugal's top-level domain in the URL pattern
            found.append(f"{module}:{line}: {m.group()!r} in {value[:60]!r}")
    assert found == []


def test_the_scan_would_see_a_clinical_cue():
    assert CLINICAL.search(r"\b(?:patient|pt)\s*:") and CLINICAL.search("MRN") and CLINICAL.search(r"drugs?")


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
