import json
import shutil

import pytest

from medtune.export import export_gguf, export_ollama, find_export_source

pytest.importorskip("torch")


def _run_folder(tiny_model_dir, tmp_path):
    """A `medtune run` folder as training leaves it: train/run.json, train/adapter/ and (saved after it) train/merged/."""
    run = tmp_path / "run"
    (run / "train" / "adapter").mkdir(parents=True)
    (run / "train" / "adapter" / "adapter_config.json").write_text(
        json.dumps({"base_model_name_or_path": str(tiny_model_dir)})
    )
    (run / "train" / "adapter" / "adapter_model.safetensors").write_bytes(b"")
    (run / "train" / "run.json").write_text(json.dumps({"outputs": {"adapter/": "…", "merged/": "…"}}))
    shutil.copytree(tiny_model_dir, run / "train" / "merged")
    return run


def test_the_merged_model_is_preferred_over_the_adapter(tiny_model_dir, tmp_path):
    run = _run_folder(tiny_model_dir, tmp_path)
    for given in (run, run / "train", run / "train" / "adapter"):
        assert find_export_source(given).describe() == f"merged model at {run / 'train' / 'merged'}"
    (run / "train" / "run.json").write_text(json.dumps({"outputs": {"adapter/": "…"}}))  # a previous run's merged/
    assert find_export_source(run).describe() == f"base + adapter at {run / 'train' / 'adapter'}"
    assert find_export_source(tiny_model_dir).describe() == f"model {tiny_model_dir}"


def test_export_gguf_writes_checks_and_reports(tiny_model_dir, tmp_path, prompts):
    run = _run_folder(tiny_model_dir, tmp_path)
    report = export_gguf(run, tmp_path / "out", ["f16", "q8_0"], prompts=prompts[:6], name="tiny", max_new_tokens=8)
    assert report.passed and [f.path.name for f in report.files] == ["tiny-f16.gguf", "tiny-q8_0.gguf"]
    saved = json.loads((tmp_path / "out" / "export_report.json").read_text())
    assert (
        saved["passed"]
        and saved["source"] == f"merged model at {run / 'train' / 'merged'}"
        and saved["files"][1]["type"] == "q8_0"
    )
    assert (
        saved["checks"]["tiny-f16.gguf"]["logits"]["positions"] > 0 and "greedy" not in saved["checks"]["tiny-f16.gguf"]
    )
    assert (
        saved["checks"]["tiny-q8_0.gguf"]["greedy"]["prompts"] == 6
        and saved["checks"]["tiny-q8_0.gguf"]["load_seconds"] > 0
    )


def test_a_broken_conversion_fails_its_check(tiny_model_dir, tmp_path, prompts, monkeypatch):
    from medtune.export import gguf_file

    monkeypatch.setattr(gguf_file, "_permute", lambda weight, n_head: weight)
    report = export_gguf(tiny_model_dir, tmp_path / "out", ["f16"], prompts=prompts[:2])
    assert not report.passed and "max logit difference" in report.failures[0]


def test_export_ollama_writes_a_checked_modelfile(tiny_model_dir, tmp_path):
    report = export_ollama(tiny_model_dir, tmp_path / "o", system_prompt="Be careful.", verify=False)
    text = (tmp_path / "o" / "Modelfile").read_text()
    assert text.splitlines()[1] == "FROM ./model-q8_0.gguf" and 'PARAMETER stop "<|im_end|>"' in text
    assert 'SYSTEM """Be careful."""' in text and report.checks["Modelfile"]["same_as_chat_template"] == 5
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["Modelfile", "export_report.json", "model-q8_0.gguf"]
