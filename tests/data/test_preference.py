"""Preference pairs (prompt / chosen / rejected): the record, its loading from every file format, its errors."""

import json

import pytest
from pydantic import ValidationError

from medtune import ConversionError, Dataset, DataValidationError, InstructionRecord, PreferenceRecord
from medtune.data.mixing import combine

PAIRS = [
    {"prompt": "I have crushing chest pain.", "chosen": "Call 911 now.", "rejected": "Rest.", "id": "p1"},
    {
        "system": "Answer as a doctor.",
        "prompt": "My face droops.",
        "chosen": "Call an ambulance.",
        "rejected": "Sleep.",
        "id": "p2",
        "metadata": {"pair": "red_flag_escalation:stroke_signs"},
    },
]


def test_a_pair_needs_a_prompt_two_answers_and_a_difference():
    ok = PreferenceRecord(prompt="q", chosen="a", rejected="b")
    assert ok.system == "" and ok.metadata == {}
    with pytest.raises(ValidationError, match="rejected"):
        PreferenceRecord.model_validate({"prompt": "q", "chosen": "a"})
    with pytest.raises(ValidationError, match="is empty"):
        PreferenceRecord(prompt="  ", chosen="a", rejected="b")
    with pytest.raises(ValidationError, match="same text"):
        PreferenceRecord(prompt="q", chosen="Rest. ", rejected="Rest.")
    with pytest.raises(ValidationError, match="Extra inputs"):
        PreferenceRecord.model_validate({"prompt": "q", "chosen": "a", "rejected": "b", "score": 1})


def test_a_pair_gives_the_instruction_record_and_conversation_of_either_answer():
    pair = PreferenceRecord.model_validate(PAIRS[1])
    rejected = pair.to_instruction("rejected")
    assert (rejected.instruction, rejected.input, rejected.output) == (
        "Answer as a doctor.",
        "My face droops.",
        "Sleep.",
    )
    assert rejected.metadata == pair.metadata and rejected.id == "p2"
    conv = pair.to_conversation()
    assert [(m.role, m.content) for m in conv.messages] == [
        ("system", "Answer as a doctor."),
        ("user", "My face droops."),
        ("assistant", "Call an ambulance."),
    ]
    # the same mapping as InstructionRecord.to_conversation, both ways
    assert pair.to_instruction().to_conversation() == conv
    again = PreferenceRecord.from_instruction(pair.to_instruction(), rejected="Sleep.")
    assert again == pair
    no_system = PreferenceRecord.from_instruction(
        InstructionRecord(instruction="Why?", output="Because."), rejected="No."
    )
    assert (no_system.system, no_system.prompt, no_system.chosen) == ("", "Why?", "Because.")


@pytest.mark.parametrize("suffix", [".jsonl", ".json", ".csv", ".parquet"])
def test_pairs_load_from_every_format_and_round_trip(tmp_path, suffix):
    path = tmp_path / f"pairs{suffix}"
    Dataset.from_records(PAIRS).save(path)
    ds = Dataset.load(path)
    assert ds.kind == "preference" and len(ds) == 2
    assert [r.model_dump() for r in ds] == [PreferenceRecord.model_validate(p).model_dump() for p in PAIRS]


def test_a_pair_file_is_detected_from_its_first_record_and_extra_columns_go_to_metadata(write_jsonl):
    rows = [{**PAIRS[0], "annotator": "dr-x"}]
    ds = Dataset.load(write_jsonl(rows, "pairs.jsonl"))
    assert ds.kind == "preference" and ds[0].metadata == {"annotator": "dr-x"}
    assert "columns kept in metadata: annotator" in ds.load_report.notes


def test_bad_pairs_are_reported_with_file_line_field_and_fix(write_jsonl):
    rows = [
        PAIRS[0],
        {"prompt": "q", "chosen": "same", "rejected": "same"},
        {"prompt": "q", "chosen": "", "rejected": "b"},
        {"prompt": "q", "chosen": "a"},
        {"prompt": "q", "chosen": 3, "rejected": "b"},
    ]
    path = write_jsonl(rows, "pairs.jsonl")
    with pytest.raises(DataValidationError) as info:
        Dataset.load(path)
    lines = str(info.value).splitlines()
    assert lines[0] == "4 invalid records:"
    assert lines[1].startswith(f"  {path}:2: 'chosen' and 'rejected' are the same text") and "Fix:" in lines[1]
    assert lines[2].startswith(f"  {path}:3: field 'chosen': is empty") and "Fix: fill it in" in lines[2]
    assert f"{path}:4: field 'rejected': required field is missing" in lines[3] and "Fix:" in lines[3]
    assert f"{path}:5: field 'chosen': Input should be a valid string (got 3)" in lines[4]
    ds = Dataset.load(path, skip_invalid=True)
    assert len(ds) == 1 and len(ds.rejects) == 4


def test_csv_errors_name_the_line_and_parquet_errors_the_row(tmp_path):
    csv = tmp_path / "pairs.csv"
    csv.write_text('prompt,chosen,rejected\nq,a,b\n"q2","same","same"\n', encoding="utf-8")
    with pytest.raises(DataValidationError, match=rf"{csv}:3: 'chosen' and 'rejected' are the same"):
        Dataset.load(csv)
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = tmp_path / "pairs.parquet"
    pq.write_table(pa.Table.from_pylist([{"prompt": "q", "chosen": "a", "rejected": " "}]), parquet)
    with pytest.raises(DataValidationError, match=r"pairs.parquet\[row 0\]: field 'rejected': is empty"):
        Dataset.load(parquet)


def test_kind_preference_forces_the_layout(write_jsonl):
    path = write_jsonl([{"input": "q", "output": "a"}], "sft.jsonl")
    with pytest.raises(DataValidationError, match="field 'prompt': required field is missing"):
        Dataset.load(path, kind="preference")


def test_pairs_have_no_single_chat_or_instruction_layout():
    ds = Dataset.from_records(PAIRS)
    with pytest.raises(ConversionError, match=r"to_chat\(\).*PreferenceRecord.to_conversation"):
        ds.to_chat()
    with pytest.raises(ConversionError, match=r"PreferenceRecord.to_instruction\('chosen'\)"):
        ds.to_instruction()
    with pytest.raises(ConversionError, match="cannot combine preference pairs"):
        combine([ds, Dataset.from_records([{"input": "q", "output": "a"}])])
    assert len(combine([ds, ds])) == 4


def test_stats_count_each_text_of_a_pair():
    stats = Dataset.from_records(PAIRS).stats()
    assert stats.kind == "preference" and list(stats.lengths) == ["system", "prompt", "chosen", "rejected"]
    assert stats.empty_fields["system"] == 1 and stats.lengths["chosen"].total == 6 and stats.duplicates == 0


def test_cli_validate_and_stats_read_pairs(tmp_path, write_jsonl, capsys):
    from medtune.cli.main import main

    path = write_jsonl(PAIRS, "pairs.jsonl")
    assert main(["data", "validate", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["valid"] == 2
    assert main(["data", "stats", str(path), "--json", "--kind", "preference"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "preference"
