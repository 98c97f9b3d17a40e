"""Export of the real SmolLM2-135M-Instruct (byte-level BPE, ChatML with a default system message, tied embeddings)."""

import json

import pytest

from medtune.export import export_ollama

pytestmark = pytest.mark.slow


def test_smollm2_to_ollama_q8_with_reload_checks(smollm2_dir, tmp_path, prompts):
    report = export_ollama(
        smollm2_dir, tmp_path / "o", "q8_0", system_prompt="Be careful.", prompts=prompts[:8], max_new_tokens=16
    )
    saved = json.loads((tmp_path / "o" / "export_report.json").read_text())
    checks = saved["checks"]["model-q8_0.gguf"]
    assert report.passed, saved["failures"]
    assert checks["logits"]["top1_agreement"] > 0.9 and checks["greedy"]["greedy_match_or_near_tie"] >= 0.9
    assert saved["checks"]["Modelfile"] == {
        **saved["checks"]["Modelfile"],
        "family": "chatml",
        "same_as_chat_template": 5,
    }
    assert 130e6 < saved["files"][0]["size_bytes"] < 160e6  # 135M parameters at ~8.5 bits
    import gguf

    fields = gguf.GGUFReader(str(report.files[0].path)).fields
    assert "output.weight" not in {t.name for t in gguf.GGUFReader(str(report.files[0].path)).tensors}  # tied
    assert fields["tokenizer.ggml.pre"].contents() == "gpt-2"
