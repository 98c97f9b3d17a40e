import json
from pathlib import Path

from medtune.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_ok_and_invalid_exit_codes(capsys, write_jsonl, good_records, tmp_path):
    code, out, _ = run(capsys, "data", "validate", str(write_jsonl(good_records)))
    assert code == 0 and "3 valid record(s), 0 invalid" in out
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(good_records[0]) + "\n" + json.dumps({"instruction": "x", "output": 5}) + "\n{\n")
    code, out, _ = run(capsys, "data", "validate", str(bad), "--json")
    payload = json.loads(out)
    assert code == 1 and payload["valid"] == 1 and payload["invalid"] == 2
    assert [(i["line"], i["field"]) for i in payload["issues"]] == [(2, "output"), (3, None)]
    code, out, _ = run(capsys, "data", "validate", str(bad))
    assert code == 1 and f"{bad}:2: field 'output'" in out
    code, out, _ = run(capsys, "data", "validate", str(bad), "--strict")
    assert code == 1 and "stopped at the first invalid record" in out


def test_stats_on_the_shipped_sample_by_default(capsys):
    code, out, _ = run(capsys, "data", "stats", "--json")
    stats = json.loads(out)
    assert code == 0 and stats["records"] >= 250 and stats["kind"] == "instruction"
    assert stats["load"]["format"] == "jsonl" and set(stats["lengths"]) == {"instruction", "input", "output"}
    code, out, _ = run(capsys, "data", "stats")
    assert code == 0 and "token lengths" in out and "exact duplicates" in out


def test_convert_to_chat_parquet_and_back(capsys, write_jsonl, good_records, tmp_path):
    src = write_jsonl(good_records)
    out_pq = tmp_path / "chat.parquet"
    code, out, _ = run(capsys, "data", "convert", str(src), str(out_pq), "--to", "chat", "--json")
    assert code == 0 and json.loads(out)["kind"] == "chat"
    back = tmp_path / "back.jsonl"
    code, _, _ = run(capsys, "data", "convert", str(out_pq), str(back), "--to", "instruction")
    assert code == 0
    assert [json.loads(line) for line in back.read_text().splitlines()] == good_records


def test_convert_skip_invalid_writes_rejects(capsys, good_records, tmp_path):
    src = tmp_path / "mixed.jsonl"
    src.write_text(json.dumps(good_records[0]) + "\nnot json\n")
    code, _, err = run(capsys, "data", "convert", str(src), str(tmp_path / "o.jsonl"))
    assert code == 1 and "mixed.jsonl:2" in err
    code, out, _ = run(capsys, "data", "convert", str(src), str(tmp_path / "o.jsonl"), "--skip-invalid", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["records"] == 1 and payload["invalid"] == 1
    rejects = [json.loads(x) for x in Path(payload["rejects"]).read_text().splitlines()]
    assert rejects[0]["line"] == 2


def test_split_command(capsys, tmp_path):
    code, out, _ = run(
        capsys,
        "data",
        "split",
        "--json",
        "-o",
        str(tmp_path / "s"),
        "--validation",
        "0.1",
        "--test",
        "20",
        "--stratify-by",
        "category",
        str(__import__("medtune").sample_path("medical")),
    )
    payload = json.loads(out)["splits"]
    assert code == 0 and payload["test"]["records"] == 20
    assert (tmp_path / "s" / "train.jsonl").exists()


def test_column_flag_and_errors(capsys, tmp_path):
    src = tmp_path / "qa.csv"
    src.write_text("question,answer\nWhat is flu?,A virus.\n")
    code, _, _ = run(capsys, "data", "validate", str(src), "--column", "question=input", "--column", "answer=output")
    assert code == 0
    code, _, err = run(capsys, "data", "validate", str(src), "--column", "question")
    assert code == 2 and "expected SOURCE=FIELD" in err
    code, _, err = run(capsys, "data", "validate", str(tmp_path / "nope.jsonl"))
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "data", "validate", str(src), "--format", "jsnl")
    assert code == 2 and "unknown format 'jsnl'" in err


def test_split_onto_an_existing_file_and_convert_onto_its_input_are_refused(tmp_path, write_jsonl, capsys):
    src = write_jsonl([{"instruction": "q", "output": "a", "id": str(i)} for i in range(10)])
    existing = tmp_path / "taken.txt"
    existing.write_text("keep me")
    assert main(["data", "split", str(src), "-o", str(existing)]) == 2
    assert "is an existing file, not a directory" in " ".join(capsys.readouterr().err.split())
    assert existing.read_text() == "keep me"
    before = src.read_text()
    assert main(["data", "convert", str(src), str(src)]) == 2
    assert "is the input PATH" in " ".join(capsys.readouterr().err.split())
    assert src.read_text() == before


def test_validate_a_directory_read_as_jsonl_is_an_error_not_a_traceback(tmp_path, capsys):
    (tmp_path / "d").mkdir()
    assert main(["data", "validate", str(tmp_path / "d"), "--format", "jsonl"]) == 2
    err = capsys.readouterr().err
    assert "Is a directory" in err and "Fix:" in err and "Traceback" not in err
