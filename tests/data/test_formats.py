"""Every core format, well-formed and malformed. Errors must name the file, the line (or row) and the field."""

import json
import os

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from medtune import DataFormatError, Dataset, DataValidationError


def test_jsonl_loads_and_round_trips(write_jsonl, good_records, tmp_path):
    ds = Dataset.load(write_jsonl(good_records))
    assert len(ds) == 3 and ds.kind == "instruction"
    assert ds[1].input == "I feel dizzy." and ds[1].id == "b"
    out = ds.to_jsonl(tmp_path / "out.jsonl")
    assert [r.model_dump() for r in Dataset.load(out)] == [r.model_dump() for r in ds]


def test_jsonl_collects_every_error_with_file_line_and_field(write_jsonl, good_records, tmp_path):
    path = tmp_path / "bad.jsonl"
    lines = [
        json.dumps(good_records[0]),
        '{"instruction": "x", "output": "broken',  # line 2: broken JSON
        json.dumps({"instruction": "x"}),  # line 3: missing output
        json.dumps({"instruction": "x", "output": 42}),  # line 4: wrong type
        "",  # blank lines are ignored
        json.dumps(good_records[1]),
        "[1, 2]",  # line 7: not an object
    ]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(DataValidationError) as info:
        Dataset.load(path)
    issues = info.value.issues
    assert [(i.line, i.field) for i in issues] == [(2, None), (3, "output"), (4, "output"), (7, None)]
    assert all(i.source == str(path) for i in issues)
    text = str(info.value)
    assert f"{path}:3: field 'output': required field is missing" in text
    assert f"{path}:4: field 'output': Input should be a valid string (got 42)" in text
    assert "invalid JSON" in text and "expected a JSON object, not an array" in text


def test_a_bad_jsonl_line_is_one_sentence_where_excerpt_then_fix(tmp_path):
    """Issue #17: no message ends on a dangling "at"; the excerpt comes before the fix, on the same line."""
    path = tmp_path / "bad.jsonl"
    lines = [
        '{"input": "What is BP?", "output": "Blood pressure.}',  # unterminated string
        "[1, 2, 3]",  # valid JSON, not an object
        json.dumps({"input": "hi"}),  # a missing field
    ]
    path.write_text("\n".join(lines) + "\n")
    shown = [str(i) for i in Dataset.load(path, skip_invalid=True).rejects]
    assert shown == [
        f"{path}:1: invalid JSON: unterminated string starting at column 36 (got {lines[0]}). "
        "Fix: repair the line so that it holds one complete JSON object",
        f"{path}:2: expected a JSON object, not an array (got [1, 2, 3]). "
        'Fix: write one record object per line, e.g. {"input": "...", "output": "..."}',
        f"{path}:3: field 'output': required field is missing (the record has 'input'). "
        "Fix: add 'output' to the record, or map the column that holds it with columns={'your_column': 'output'}",
    ]


def test_a_long_bad_line_excerpt_is_marked_as_cut(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"input": "' + "word " * 40 + '", "output": \n')
    (issue,) = Dataset.load(path, skip_invalid=True).rejects
    assert issue.value is not None and len(issue.value) == 80 and issue.value.endswith("…")


def test_strict_stops_at_first_error(tmp_path, good_records):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(good_records[0]) + "\n{oops\n" + json.dumps({"instruction": "x"}) + "\n")
    with pytest.raises(DataValidationError) as info:
        Dataset.load(path, strict=True)
    assert len(info.value.issues) == 1 and info.value.issues[0].line == 2


def test_skip_invalid_keeps_valid_records_and_lists_rejects(tmp_path, good_records):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(good_records[0]) + "\n{oops\n" + json.dumps(good_records[2]) + "\n")
    ds = Dataset.load(path, skip_invalid=True)
    assert len(ds) == 2 and len(ds.rejects) == 1 and ds.rejects[0].line == 2
    assert ds.load_report.records == 2


def test_non_utf8_bytes_are_reported_with_line(tmp_path, good_records):
    jsonl = tmp_path / "latin1.jsonl"
    jsonl.write_bytes(
        json.dumps(good_records[0]).encode() + b"\n" + '{"instruction": "caf\xe9", "output": "x"}\n'.encode("latin-1")
    )
    with pytest.raises(DataValidationError, match=r"latin1.jsonl:2: line is not valid UTF-8 \(byte 0xe9"):
        Dataset.load(jsonl)
    js = tmp_path / "latin1.json"
    js.write_bytes(b'[\n {"instruction": "x", "output": "y"},\n {"instruction": "caf\xe9", "output": "y"}\n]')
    with pytest.raises(DataFormatError, match=r"latin1.json:3: not valid UTF-8.*iconv"):
        Dataset.load(js)


@pytest.mark.parametrize("name,content", [("e.jsonl", ""), ("e.json", "  \n"), ("e.csv", ""), ("e.jsonl", "\n\n")])
def test_empty_files_get_a_clear_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(DataFormatError, match="the file is empty"):
        Dataset.load(path)


def test_empty_parquet_file(tmp_path):
    path = tmp_path / "e.parquet"
    path.write_bytes(b"")
    with pytest.raises(DataFormatError, match="empty"):
        Dataset.load(path)


def test_json_array_with_line_numbers(tmp_path, good_records):
    path = tmp_path / "d.json"
    bad = dict(good_records[1], output=["not", "a", "string"])
    path.write_text(json.dumps([good_records[0], bad], indent=2))
    with pytest.raises(DataValidationError) as info:
        Dataset.load(path)
    (issue,) = info.value.issues
    assert issue.field == "output" and issue.line == 8 and issue.row == 1


def test_json_syntax_error_names_line(tmp_path):
    path = tmp_path / "d.json"
    path.write_text('[\n {"instruction": "a", "output": "b"},\n {"instruction": "a" "output": "b"}\n]')
    with pytest.raises(DataFormatError, match=r"d.json:3: invalid JSON"):
        Dataset.load(path)


def test_json_object_wrapper_and_wrong_top_level(tmp_path, good_records):
    path = tmp_path / "wrapped.json"
    path.write_text(json.dumps({"data": good_records}))
    assert len(Dataset.load(path)) == 3
    path.write_text('"just a string"')
    with pytest.raises(DataFormatError, match="expected a JSON array"):
        Dataset.load(path)


def test_csv_with_missing_cells_quoted_newlines_and_types(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(
        "instruction,input,output,category\n"
        'Answer,"Line one\nline two",Rest,neuro\n'
        "Answer,Cough,,\n"
        "Answer,too,many,cells,here\n"
    )
    with pytest.raises(DataValidationError) as info:
        Dataset.load(path)
    (issue,) = info.value.issues
    assert issue.line == 5 and "header has 4 columns" in issue.message
    ds = Dataset.load(path, skip_invalid=True)
    assert ds[0].input == "Line one\nline two" and ds[0].category == "neuro"
    assert ds[1].output == "" and ds[1].category is None


def test_csv_missing_required_column_suggests_mapping(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("instruction,ouput\nDo,Done\n")
    with pytest.raises(
        DataValidationError,
        match=r"d.csv:2: field 'output': required field is missing; the record "
        r"has a column 'ouput'",
    ):
        Dataset.load(path)


def test_parquet_round_trip_and_row_errors(tmp_path, good_records):
    ds = Dataset.from_records(good_records)
    out = ds.to_parquet(tmp_path / "d.parquet")
    assert [r.model_dump() for r in Dataset.load(out)] == [r.model_dump() for r in ds]
    bad = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"instruction": ["a", "b"], "output": ["x", None]}), bad)
    with pytest.raises(DataValidationError, match=r"bad.parquet\[row 1\]: field 'output'"):
        Dataset.load(bad)
    garbage = tmp_path / "garbage.parquet"
    garbage.write_bytes(b"not parquet at all")
    with pytest.raises(DataFormatError, match="not a readable Parquet file"):
        Dataset.load(garbage)


def test_column_mapping_and_extra_columns_kept_in_metadata(tmp_path):
    path = tmp_path / "qa.jsonl"
    path.write_text(json.dumps({"question": "Is it flu?", "answer": "Maybe.", "score": 4}) + "\n")
    ds = Dataset.load(path, columns={"question": "input", "answer": "output"})
    rec = ds[0]
    assert (rec.instruction, rec.input, rec.output) == ("", "Is it flu?", "Maybe.")
    assert rec.metadata == {"score": 4}
    assert "columns kept in metadata: score" in ds.load_report.notes


def test_chat_records_load_and_validate(write_jsonl):
    rows = [
        {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}], "id": "c1"},
        {"messages": [{"role": "user", "content": "hi"}, {"role": "user", "content": "again"}]},
    ]
    with pytest.raises(DataValidationError, match=r"data.jsonl:2: field 'messages': .*last message"):
        Dataset.load(write_jsonl(rows))
    ds = Dataset.load(write_jsonl(rows[:1]))
    assert ds.kind == "chat" and ds[0].messages[1].content == "hello"


def test_unknown_extension_and_missing_file(tmp_path):
    path = tmp_path / "d.xlsx"
    path.write_text("x")
    with pytest.raises(DataFormatError, match="cannot tell the format.*--format NAME"):
        Dataset.load(path)
    with pytest.raises(DataFormatError, match="no such file"):
        Dataset.load(tmp_path / "missing.jsonl")


def test_writer_formats_round_trip(tmp_path, good_records):
    ds = Dataset.from_records(good_records)
    for ext in ("json", "csv", "jsonl", "parquet"):
        out = ds.save(tmp_path / f"out.{ext}")
        assert [r.model_dump() for r in Dataset.load(out)] == [r.model_dump() for r in ds], ext


def test_save_picks_a_writer_or_says_why_not(tmp_path, good_records):
    ds = Dataset.from_records(good_records)
    with pytest.raises(DataFormatError, match="cannot tell the output format from '.xlsx'"):
        ds.save(tmp_path / "out.xlsx")
    with pytest.raises(DataFormatError, match="format 'medquad' cannot be written"):
        ds.save(tmp_path / "out.jsonl", format="medquad")
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"instruction": "a", "output": "b", "metadata": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"instruction": "a", "output": "b", "metadata": {"x": ' + "9" * 5000 + "}}", "more than 4,300 digits"),
        ('{"instruction": "a\\ud800", "output": "b"}', "lone UTF-16 surrogate"),
    ],
)
def test_inputs_past_pythons_json_limits_are_issues_for_their_line(tmp_path, line, message):
    good = json.dumps({"instruction": "q", "output": "a"})
    path = tmp_path / "x.jsonl"
    path.write_text(good + "\n" + line + "\n" + good + "\n", encoding="utf-8")
    ds = Dataset.load(path, skip_invalid=True)
    assert len(ds) == 2
    [issue] = ds.rejects
    assert issue.line == 2 and message in issue.message and "Fix:" in issue.message
    ds.save(tmp_path / "out.parquet")  # a lone surrogate used to pass validation and crash in pyarrow here


def test_a_json_array_past_the_limits_is_a_format_error(tmp_path):
    path = tmp_path / "x.json"
    path.write_text("[" + "[" * 100_000 + "]" * 100_000 + "]", encoding="utf-8")
    with pytest.raises(DataFormatError, match="nested too deeply"):
        Dataset.load(path)


def test_a_line_longer_than_the_limit_is_skipped_without_being_held(tmp_path, monkeypatch):
    import medtune.data.formats as formats

    monkeypatch.setattr(formats, "MAX_LINE_BYTES", 64)
    good = json.dumps({"instruction": "q", "output": "a"})
    path = tmp_path / "x.jsonl"
    path.write_text(good + "\n" + json.dumps({"instruction": "x" * 500, "output": "b"}) + "\n" + good + "\n")
    ds = Dataset.load(path, skip_invalid=True)
    assert len(ds) == 2 and ds.rejects[0].line == 2 and "longer than" in ds.rejects[0].message


def test_a_fifo_is_refused_at_once_instead_of_blocking(tmp_path):
    fifo = tmp_path / "data.jsonl"
    os.mkfifo(fifo)
    with pytest.raises(DataFormatError, match="not a regular file"):
        Dataset.load(fifo, format="jsonl")


def test_excerpts_of_bad_records_hide_numbers_emails_and_terminal_escapes(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"instruction": "SSN 219-09-9999 ann@example.com \x1b[2J\x1b]0;pwned\x07", "output": \n')
    ds = Dataset.load(path, skip_invalid=True)
    shown = " ".join(str(i) for i in ds.rejects)
    assert "219" not in shown and "ann@example.com" not in shown and "\x1b" not in shown
    assert "[EMAIL]" in shown


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"instruction": "a", "output": "b", "output": "c"}', "duplicate key 'output'"),
        ('{"instruction": "a", "output": "b", "metadata": {"score": NaN}}', "NaN is not valid JSON"),
        ('{"instruction": "a", "output": "b", "metadata": {"score": -Infinity}}', "-Infinity is not valid JSON"),
    ],
)
def test_json_beyond_the_standard_is_an_issue_not_silently_accepted(tmp_path, line, message):
    path = tmp_path / "x.jsonl"
    path.write_text(line + "\n" + json.dumps({"instruction": "q", "output": "a"}) + "\n")
    ds = Dataset.load(path, skip_invalid=True)
    assert len(ds) == 1 and message in ds.rejects[0].message and ds.rejects[0].line == 1
    array = tmp_path / "x.json"
    array.write_text("[" + line + ", " + json.dumps({"instruction": "q", "output": "a"}) + "]")
    ds = Dataset.load(array, skip_invalid=True)
    assert len(ds) == 1 and message in ds.rejects[0].message


def test_a_trailing_comma_in_a_json_array_is_a_format_error(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('[{"instruction": "a", "output": "b"},\n]')
    with pytest.raises(DataFormatError, match="trailing comma"):
        Dataset.load(path)


def test_a_lone_surrogate_in_a_json_array_is_an_issue_for_its_record(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('[{"instruction": "a\\ud800", "output": "b"},\n {"instruction": "q", "output": "a"}]')
    ds = Dataset.load(path, skip_invalid=True)
    assert len(ds) == 1 and ds.rejects[0].line == 1 and "lone UTF-16 surrogate" in ds.rejects[0].message


def test_excerpts_of_bad_records_are_redacted_by_the_pii_regex(tmp_path):
    """Issue #15: names, phones and dates in an excerpt are replaced by their type, as the cleaner would."""
    path = tmp_path / "x.jsonl"
    path.write_text('{"instruction": "Seen by Dr. Alvarez on 03/14/2024, call 555-123-4567", "output": \n')
    ds = Dataset.load(path, skip_invalid=True)
    shown = " ".join(str(i) for i in ds.rejects)
    assert "Alvarez" not in shown and "555-123" not in shown and "03/14" not in shown
    assert "Dr. [NAME]" in shown and "[PHONE]" in shown and "[DATE]" in shown
