import json
import os
import re
import stat

import pytest

from medtune.cli.main import main

ROWS = [
    {"instruction": "Answer as a doctor.", "input": "I'm Ann, ann@example.com. I have a headache.",
     "output": "It sounds like a tension headache. Take ibuprofen 400 mg with food.", "id": "a"},
    {"instruction": "Answer as a doctor.", "input": "Hi", "output": "", "id": "b"},
    {"instruction": "Answer as a doctor.", "input": "I have crushing chest pain.", "output": "Try some antacids later.",
     "id": "c"},
    {"instruction": "Answer as a doctor.", "input": "I'm Ann, ann@example.com. I have a headache.",
     "output": "It sounds like a tension headache. Take ibuprofen 400 mg with food.", "id": "d"},
]  # fmt: skip


def test_clean_default_pipeline(tmp_path, write_jsonl, capsys):
    src = write_jsonl(ROWS)
    out, rep, rej = tmp_path / "out.jsonl", tmp_path / "report.json", tmp_path / "rej.jsonl"
    code = main(["clean", str(src), "-o", str(out), "--report", str(rep), "--rejects", str(rej)])
    assert code == 0
    text = capsys.readouterr().out
    assert "pii " in text and "4 in = 2 kept + 2 rejected" in text
    kept = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in kept] == ["a", "c"]
    assert "ann@example.com" not in kept[0]["input"] and "[EMAIL]" in kept[0]["input"]
    assert "not a substitute for professional medical advice" in kept[0]["output"]
    # the red flag answered without escalation is repaired, not dropped (the medical preset's red_flag_action)
    assert kept[1]["output"].startswith("Chest pain with shortness of breath") and "Call emergency" in kept[1]["output"]
    assert kept[1]["metadata"] == {"repaired": "red_flag_escalation:chest_pain"}
    report = json.loads(rep.read_text())
    assert report["records_in"] == 4 and report["kept"] == 2 and report["rejected"] == 2
    assert [s["changed"] for s in report["stages"] if s["name"] == "medically_sound"] == [1]
    rejects = [json.loads(x) for x in rej.read_text().splitlines()]
    assert [(r["index"], r["cleaner"]) for r in rejects] == [(1, "empty"), (3, "dedup")]
    assert all("ann@example.com" not in json.dumps(r) for r in rejects)  # PII removal runs first


def test_clean_json_matches_report(tmp_path, write_jsonl, capsys):
    src = write_jsonl(ROWS)
    rep = tmp_path / "r.json"
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--report", str(rep), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    report = json.loads(rep.read_text())
    assert payload["stages"] == report["stages"]
    assert (tmp_path / "o.jsonl.rejects.jsonl").exists()


def test_clean_with_config_and_bad_config(tmp_path, write_jsonl, capsys):
    src = write_jsonl(ROWS)
    cfg = tmp_path / "p.yaml"
    cfg.write_text("cleaners:\n  - empty\n  - name: pii_regex\n    options: {replace: surrogate}\n")
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--config", str(cfg), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kept"] == 3
    cfg.write_text("cleaners:\n  - name: pii_regex\n    options: {replace: surogate}\n")
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--config", str(cfg)]) == 2
    err = capsys.readouterr().err
    assert "replace" in err and "surogate" in err


def test_clean_errors(tmp_path, write_jsonl, capsys):
    assert main(["clean", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    src = write_jsonl(ROWS)
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl"), "--num-proc", "0"]) == 2
    assert "--num-proc" in capsys.readouterr().err


def test_bad_output_extension_fails_before_cleaning(tmp_path, write_jsonl, capsys):
    src = write_jsonl(ROWS)
    assert main(["clean", str(src), "-o", str(tmp_path / "out.txt")]) == 2
    assert "output format" in capsys.readouterr().err
    assert not (tmp_path / "out.txt.rejects.jsonl").exists()


def test_invalid_input_records_exit_1(tmp_path, write_jsonl, capsys):
    src = write_jsonl([{"instruction": "x", "output": 3}, "not an object"])
    assert main(["clean", str(src), "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "invalid" in capsys.readouterr().err


def test_chat_input(tmp_path, write_jsonl, capsys):
    rows = [
        {
            "messages": [
                {"role": "user", "content": "Mail a@b.com"},
                {"role": "assistant", "content": "Okay, I will write to you soon."},
            ]
        }
    ]
    out = tmp_path / "o.jsonl"
    assert main(["clean", str(write_jsonl(rows)), "-o", str(out), "--json"]) == 0
    kept = json.loads(out.read_text())
    assert kept["messages"][0]["content"] == "Mail [EMAIL]"


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--rejects", "{out}"], "--rejects .* is the same file as -o/--output"),
        (["--report", "{out}"], "--report .* is the same file as -o/--output"),
        (["--rejects", "{src}"], "--rejects .* is the input INPUT"),
        # a special file: a FIFO here, so that a regression cannot clobber /dev/null on a machine that runs as root
        (["--rejects", "{fifo}"], "is a FIFO"),
    ],
)
def test_clean_refuses_clashing_or_special_outputs_before_any_work(tmp_path, write_jsonl, capsys, flags, message):
    src = write_jsonl(ROWS)
    before = src.read_text()
    out, fifo = tmp_path / "c.jsonl", tmp_path / "fifo"
    os.mkfifo(fifo)
    flags = [f.format(out=out, src=src, fifo=fifo) for f in flags]
    assert main(["clean", str(src), "-o", str(out), *flags]) == 2
    err = capsys.readouterr().err
    assert re.search(message, " ".join(err.split())) and "Fix:" in err and "Traceback" not in err
    assert not out.exists() and src.read_text() == before and stat.S_ISFIFO(fifo.stat().st_mode)


def test_clean_refuses_to_overwrite_its_input_or_a_directory(tmp_path, write_jsonl, capsys):
    src = write_jsonl(ROWS)
    before = src.read_text()
    assert main(["clean", str(src), "-o", str(src)]) == 2
    assert "is the input INPUT" in " ".join(capsys.readouterr().err.split())
    assert src.read_text() == before
    assert main(["clean", str(src), "-o", str(tmp_path)]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_clean_writes_output_then_rejects_then_report(tmp_path, write_jsonl, monkeypatch):
    from medtune.data.dataset import Dataset

    src = write_jsonl(ROWS)
    out, rej, rep = tmp_path / "o.jsonl", tmp_path / "r.jsonl", tmp_path / "rep.json"

    def killed(self, path, *, format=None):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(Dataset, "save", killed)
    assert main(["clean", str(src), "-o", str(out), "--rejects", str(rej), "--report", str(rep)]) == 2
    assert not out.exists() and not rej.exists() and not rep.exists()  # no report counting an output that is not there
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
