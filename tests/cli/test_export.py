import json

import pytest

from medtune.cli.main import main

pytest.importorskip("torch")
pytest.importorskip("gguf")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    from medtune import Dataset, sample_path
    from medtune.testing import tiny_bpe_tokenizer, tiny_llama

    texts = [r.instruction + " " + r.output for r in Dataset.load(sample_path("medical"))]
    tok = tiny_bpe_tokenizer(texts, vocab_size=350)
    out = tmp_path_factory.mktemp("cli") / "model"
    tiny_llama(len(tok), bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id).save_pretrained(out)
    tok.save_pretrained(out)
    return out


def test_export_gguf_on_the_sample_prompts(capsys, model_dir, tmp_path):
    code, out, err = run(capsys, "export", "gguf", str(model_dir), "-o", str(tmp_path / "g"), "--check-prompts", "4")
    assert code == 0, err
    assert "checking the export on 4 prompt(s) from" in err and "medtune: preset: medical" in err
    assert "model-f16.gguf  f16" in out and "model-q8_0.gguf  q8_0" in out and "greedy same" in out
    assert (tmp_path / "g" / "export_report.json").is_file()


def test_export_ollama_uses_the_serving_system_prompt_and_prints_next_step(capsys, model_dir, tmp_path):
    from medtune.medical.safety import SYSTEM_PROMPT

    code, out, _ = run(capsys, "export", "ollama", str(model_dir), "-o", str(tmp_path / "o"), "--no-verify", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["passed"] and payload["checks"]["Modelfile"]["family"] == "chatml"
    assert f'SYSTEM """{SYSTEM_PROMPT}"""' in (tmp_path / "o" / "Modelfile").read_text()
    code, out, _ = run(
        capsys, "export", "ollama", str(model_dir), "-o", str(tmp_path / "p"), "--no-verify", "--system", ""
    )
    assert code == 0 and "SYSTEM" not in (tmp_path / "p" / "Modelfile").read_text()
    assert "next: ollama create NAME -f" in out


def test_bad_input_is_a_message_not_a_traceback(capsys, model_dir, tmp_path):
    code, _, err = run(
        capsys, "export", "gguf", str(model_dir), "-o", str(tmp_path / "x"), "--type", "q3", "--no-verify"
    )
    assert code == 2 and "unknown GGUF type(s) ['q3']" in err and "Traceback" not in err
    (tmp_path / "file").write_text("x")
    code, _, err = run(capsys, "export", "gguf", str(model_dir), "-o", str(tmp_path / "file"), "--no-verify")
    assert code == 2 and "is an existing file, not a directory" in err
