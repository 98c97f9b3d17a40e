"""build_pairs: any pair builder over a dataset, with reasons counted and a seeded sample."""

import pytest

from medtune import Dataset, InstructionRecord, PreferenceRecord
from medtune.data.pairs import PairBuilder, build_pairs
from medtune.errors import MedtuneError


class ShoutBuilder:
    """Prefers the answer in capitals over the answer as it is (a domain-neutral toy builder)."""

    name = "shout"

    def pair(self, record: InstructionRecord) -> PreferenceRecord | str:
        if record.output.isupper():
            return "already shouting"
        return PreferenceRecord.from_instruction(record, chosen=record.output.upper(), rejected=record.output)


def test_a_builder_is_a_pair_builder_and_build_pairs_counts_why_records_have_none():
    assert isinstance(ShoutBuilder(), PairBuilder)
    ds = Dataset.from_records(
        [
            {"input": "a?", "output": "yes", "id": "1"},
            {"input": "b?", "output": "NO", "id": "2"},
            {"input": "c?", "output": "maybe", "id": "3"},
        ]
    )
    pairs, report = build_pairs(ds, ShoutBuilder())
    assert [(p.id, p.chosen, p.rejected) for p in pairs] == [("1", "YES", "yes"), ("3", "MAYBE", "maybe")]
    assert (report.records, report.built, report.pairs, dict(report.skipped)) == (3, 2, 2, {"already shouting": 1})


def test_single_turn_conversations_are_read_and_multi_turn_ones_skipped():
    turn = [{"role": "user", "content": "hi?"}, {"role": "assistant", "content": "hello"}]
    ds = Dataset.from_records([{"messages": turn}, {"messages": turn + turn}])
    pairs, report = build_pairs(ds, ShoutBuilder())
    assert [p.chosen for p in pairs] == ["HELLO"] and report.skipped == {"multi-turn conversation": 1}


def test_a_sample_is_the_same_for_a_seed_and_keeps_record_order():
    ds = Dataset.from_records([{"input": f"q{i}", "output": f"a{i}", "id": f"{i:02}"} for i in range(20)])
    draws = [[p.id for p in build_pairs(ds, ShoutBuilder(), max_pairs=5, seed=s)[0]] for s in (1, 1, 2)]
    assert draws[0] == draws[1] != draws[2] and draws[0] == sorted(draws[0]) and len(draws[0]) == 5


def test_errors_say_what_to_fix():
    ds = Dataset.from_records([{"input": "a?", "output": "NO"}])
    with pytest.raises(MedtuneError, match=r"built no pair from 1 records \(1 already shouting\)"):
        build_pairs(ds, ShoutBuilder())
    with pytest.raises(MedtuneError, match="max_pairs must be at least 1"):
        build_pairs(ds, ShoutBuilder(), max_pairs=0)
    pairs = Dataset.from_records([{"prompt": "q", "chosen": "a", "rejected": "b"}])
    with pytest.raises(MedtuneError, match="preference pairs already"):
        build_pairs(pairs, ShoutBuilder())
