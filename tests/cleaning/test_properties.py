"""Every registered cleaner, on arbitrary unicode: never crashes, idempotent where claimed, never adds PII."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medtune.cleaning import Drop
from medtune.cleaning.pii import find_pii
from medtune.plugins.manager import get_plugin_manager

REGISTRY = get_plugin_manager().registry("cleaner")
# pii_presidio needs spaCy and Presidio (seconds to load): its properties are tested in test_presidio.py.
RECORD_CLEANERS = [
    info.name
    for info in REGISTRY
    if info.name != "pii_presidio" and getattr(info.component.build(), "scope", "record") == "record"
]

text = st.text(max_size=200) | st.sampled_from(
    [
        "",
        " ",
        "Take paracetamol 5000 mg now.",
        "I have chest pain.",
        "Stop taking your medication.",
        "Email a@b.com, call 212-555-0199, MRN 1234567, born 01/02/1950, Dr. Smith, 92 years old",
        "Haemoglobin 12 g/dl; 500mg",
        "[EMAIL] [PHONE] [NAME]",
    ]
)


def make_row(instruction, input, output):
    return {"id": "x", "instruction": instruction, "input": input, "output": output, "source": None,
            "category": None, "metadata": "{}"}  # fmt: skip


def pii_count(row):
    return sum(len(find_pii(row[f])) for f in ("instruction", "input", "output"))


def test_every_record_cleaner_is_covered():
    assert {"empty", "length", "copies_input", "language", "pii_regex", "normalize_units", "medically_sound",
            "disclaimer"} <= set(RECORD_CLEANERS)  # fmt: skip


@pytest.mark.parametrize("name", RECORD_CLEANERS)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instruction=text, input=text, output=text)
def test_cleaner_properties(name, instruction, input, output):
    cleaner = REGISTRY.get(name).build()
    row = make_row(instruction, input, output)
    out = cleaner.clean_batch([row])[0]
    assert row == make_row(instruction, input, output)  # the input row is not mutated
    if isinstance(out, Drop):
        assert isinstance(out.reason, str) and out.reason
        return
    assert set(out) == set(row)
    assert pii_count(out) <= pii_count(row)
    if getattr(cleaner, "idempotent", False):
        assert cleaner.clean_batch([out])[0] == out


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "A ", "c"]), max_size=12))
def test_dedup_keeps_first_occurrences(outputs):
    dedup = REGISTRY.get("dedup").build()
    rows = [make_row("", "q", o) for o in outputs]
    reasons = list(dedup.drop_reasons(rows))
    kept = [o.strip().lower() for o, r in zip(outputs, reasons) if r is None]
    assert kept == list(dict.fromkeys(o.strip().lower() for o in outputs))
