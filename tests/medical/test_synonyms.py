"""The shipped MedQuAD synonym table: its build rules, its lexicon, and term_overlap using it."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from medtune.evaluation.scoring import EvalExample
from medtune.medical.evaluation import TermOverlapChecker, shipped_terms
from medtune.medical.lexicon import DATA_DIR, synonym_lexicon
from medtune.plugins.manager import get_plugin_manager

ROOT = Path(__file__).resolve().parents[2]
ARCHIVE = ROOT.parent / "shared" / "data" / "MedQuAD.tar.gz"


def load_script():
    spec = importlib.util.spec_from_file_location("make_synonyms", ROOT / "scripts" / "make_synonyms.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_lexicon_is_registered_and_small():
    lex = get_plugin_manager().registry("lexicon").get("medical_synonyms").build()
    assert lex is synonym_lexicon() and lex.name == "medical_synonyms" and "CC BY 4.0" in lex.license
    assert not lex.abbreviations and len(lex.synonyms) > 4000
    assert lex.synonyms["ringing in the ears"] == "tinnitus"
    assert lex.synonyms["myocardial infarction"] == "heart attack"
    assert (DATA_DIR / "synonyms.tsv").stat().st_size < 400_000


def test_table_holds_only_safe_pairs():
    table = synonym_lexicon().synonyms
    for synonym, preferred in table.items():
        assert synonym == synonym.lower() and preferred == preferred.lower() and synonym != preferred
        assert preferred not in table, f"chain: {synonym} -> {preferred} -> {table.get(preferred)}"
        assert not re.search(r"[,/()\d]", synonym), synonym
        assert " " in synonym or len(synonym) >= 6, f"abbreviation-like synonym {synonym!r}"
    # ambiguous across documents, or a concept of its own in MedQuAD: left out
    assert not {"aml", "renal failure", "presbycusis", "bradycardia", "tachycardia"} & set(table)


def test_build_rules_on_crafted_documents():
    script = load_script()
    docs = [
        ("Heart Attack", ["Myocardial infarction", "MI", "Cardiac infarction"], "4_MPlus_Health_Topics_QA"),
        ("heart attack", ["AMI"], "3_GHR_QA"),
        ("Heart attack", [], "2_GARD_QA"),
        ("Arrhythmias", ["Bradycardia", "Abnormal heart rhythms"], "10_MPlus_ADAM_QA"),
        ("Essential tremor", ["Familial tremor", "Tremor"], "10_MPlus_ADAM_QA"),
        ("Tremor", [], "4_MPlus_Health_Topics_QA"),
        ("Acute kidney failure", ["Renal failure"], "10_MPlus_ADAM_QA"),
        ("Kidney failure", ["Renal failure", "End-stage kidney disease"], "4_MPlus_Health_Topics_QA"),
        ("Behet disease", ["Old silk route disease"], "2_GARD_QA"),
        ("Hairy tongue", ["Black hairy tongue, familial"], "2_GARD_QA"),
    ]
    table = script.build(docs)
    assert table == {
        "myocardial infarction": "heart attack",  # two sources spell the focus "heart attack", one "Heart Attack"
        "cardiac infarction": "heart attack",
        "familial tremor": "essential tremor",
        "end-stage kidney disease": "kidney failure",
        "old silk route disease": "behcet disease",  # the accent MedQuAD lost is repaired
    }
    text = script.render(table)
    assert text.splitlines()[5:] == [f"{s}\t{table[s]}" for s in sorted(table)]


@pytest.mark.skipif(not ARCHIVE.exists(), reason="needs ../shared/data/MedQuAD.tar.gz")
def test_shipped_file_is_reproducible(tmp_path):
    out = tmp_path / "synonyms.tsv"
    load_script().main(str(ARCHIVE), out)
    assert out.read_bytes() == (DATA_DIR / "synonyms.tsv").read_bytes()


def test_term_overlap_counts_a_synonym_as_its_preferred_term():
    terms = shipped_terms()
    assert terms["ringing in the ears"] == terms["tinnitus"] == "tinnitus"
    [s] = TermOverlapChecker().score(
        [EvalExample(id="1", prompt="q", prediction="That ringing in the ears is common.", reference="Tinnitus.")]
    )
    assert s.values == {"term_recall": 1.0, "term_precision": 1.0}
