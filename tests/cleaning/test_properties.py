"""Every registered cleaner, on arbitrary unicode: never crashes, idempotent where claimed, never adds PII."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medtune.cleaning import Drop
from medtune.cleaning.pii import find_pii
from medtune.plugins.manager import get_plugin_manager

REGISTRY = get_plugin_manager().registry("cleaner")
# pii_presidio needs spaCy and Presidio (seconds to load): its properties are tested in test_presidio.py;
# decontaminate needs reference datasets: its properties are tested in test_decontaminate.py.
RECORD_CLEANERS = [
    info.name
    for info in REGISTRY
    if info.name not in ("pii_presidio", "decontaminate")
    and getattr(info.component.build(), "scope", "record") == "record"
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


# --- the fuzz suite (issue #15): the same properties at volume, derandomized so that CI sees what we saw -----------

_BUILT: dict[str, object] = {}


def built(name):
    """One instance per cleaner for the whole run (the pii cleaner loads a spaCy model)."""
    if name not in _BUILT:
        _BUILT[name] = REGISTRY.get(name).build()
    return _BUILT[name]


@pytest.mark.slow
@pytest.mark.parametrize("name", RECORD_CLEANERS)
@settings(max_examples=10_000, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])  # fmt: skip
@given(instruction=text, input=text, output=text)
def test_fuzz_every_record_cleaner(name, instruction, input, output):
    cleaner = built(name)
    row = make_row(instruction, input, output)
    out = cleaner.clean_batch([row])[0]
    assert row == make_row(instruction, input, output)
    if isinstance(out, Drop):
        assert isinstance(out.reason, str) and out.reason
        return
    assert set(out) == set(row) and all(isinstance(out[f], str) for f in ("instruction", "input", "output"))
    assert pii_count(out) <= pii_count(row)
    if getattr(cleaner, "idempotent", False):
        assert cleaner.clean_batch([out])[0] == out


# Pipelines of any order and length over the cheap cleaners (pii is in the default-pipeline fuzz below).
PIPELINE_CLEANERS = [n for n in RECORD_CLEANERS if n != "pii"] + ["dedup"]
row_strategy = st.builds(make_row, text, text, text)


@pytest.mark.slow
@settings(max_examples=2_000, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(names=st.lists(st.sampled_from(PIPELINE_CLEANERS), min_size=1, max_size=6),
       rows=st.lists(row_strategy, min_size=1, max_size=5))  # fmt: skip
def test_fuzz_pipelines_account_for_every_record(names, rows):
    from medtune import Dataset
    from medtune.cleaning import Pipeline

    records = [{k: v for k, v in r.items() if k != "metadata" and v is not None} for r in rows]
    ds = Dataset.from_records(records, kind="instruction")
    result = Pipeline([built(n) if n != "dedup" else REGISTRY.get("dedup").build() for n in names]).run(ds)
    assert result.report.records_in == len(records) == result.report.kept + result.report.rejected
    assert len(result.rejects) == result.report.rejected and len(result.dataset) == result.report.kept
    assert sorted(r["index"] for r in result.rejects) == sorted(set(r["index"] for r in result.rejects))
    assert all(r["cleaner"] in names and r["reason"] for r in result.rejects)


@pytest.mark.slow
@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(rows=st.lists(row_strategy, min_size=1, max_size=4))
def test_fuzz_a_second_run_of_the_default_pipeline_changes_nothing(rows):
    from medtune import Dataset
    from medtune.cleaning import Pipeline

    pipeline = _BUILT.setdefault("__default__", Pipeline.default())
    records = [{k: v for k, v in r.items() if k != "metadata" and v is not None} for r in rows]
    once = pipeline.run(Dataset.from_records(records, kind="instruction")).dataset
    if len(once) == 0:
        return
    twice = pipeline.run(Dataset.from_records(list(once.to_rows()), kind="instruction"))
    assert twice.report.rejected == 0
    assert list(twice.dataset.to_rows()) == list(once.to_rows())
