"""The README's Python example runs as written (on the embedded SmolLM2, in a temporary directory)."""

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.mark.slow
def test_readme_python_example_runs(tmp_path, monkeypatch, smollm2_dir, medtune_cache, capsys):
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    (example,) = [b for b in blocks if "from medtune import Dataset" in b]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MEDTUNE_CACHE", str(medtune_cache))
    exec(compile(example, str(README), "exec"), {})
    out = capsys.readouterr().out
    assert out.startswith("300 instruction\n")
    assert (tmp_path / "data" / "splits" / "train.jsonl").is_file()
    assert (tmp_path / "runs" / "medtune" / "README.md").is_file()
