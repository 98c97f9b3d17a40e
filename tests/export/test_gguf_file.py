import itertools

import pytest

from medtune.errors import ConfigError
from medtune.export.gguf_file import llama3_rope_factors, write_gguf
from medtune.export.verify import F16_MAX_ABS_LOGIT_DIFF, compare_greedy, compare_logits, load_gguf_model
from medtune.export.vocab import pre_tokenizer_name
from medtune.models.prompts import build_prompt, prompt_ids

torch = pytest.importorskip("torch")
gguf = pytest.importorskip("gguf")


@pytest.fixture(scope="module")
def source(tiny_model_dir):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(tiny_model_dir, dtype=torch.float32).eval()
    with torch.no_grad():  # weights that f16 cannot hold exactly, as after fine-tuning
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 1e-3)
    return model, AutoTokenizer.from_pretrained(tiny_model_dir)


def _ids(tok, records):
    return [prompt_ids(tok, build_prompt(r, tok), True) for r in records]


def test_f16_file_holds_the_model_and_tokenizer_llama_cpp_needs(source, tmp_path):
    model, tok = source
    written = write_gguf(model, tok, tmp_path / "m-f16.gguf", "f16", name="tiny")
    reader = gguf.GGUFReader(str(written.path))
    fields = {k: f.contents() for k, f in reader.fields.items() if not k.startswith("tokenizer.ggml.t")}
    assert fields["general.architecture"] == "llama" and fields["general.name"] == "tiny"
    assert fields["tokenizer.ggml.model"] == "gpt2" and fields["tokenizer.ggml.pre"] == "gpt-2"
    assert (
        fields["tokenizer.ggml.eos_token_id"] == tok.eos_token_id
        and fields["tokenizer.chat_template"] == tok.chat_template
    )
    assert fields["llama.attention.head_count"] == 4 and fields["llama.attention.head_count_kv"] == 2
    assert fields["llama.attention.key_length"] == 16 and fields["general.type"] == "model"
    assert fields["tokenizer.ggml.add_bos_token"] is False and fields["tokenizer.ggml.add_eos_token"] is False
    tokens = reader.fields["tokenizer.ggml.tokens"].contents()
    assert len(tokens) == model.config.vocab_size and tokens[tok.eos_token_id] == "<|im_end|>"
    types = {t.name: t.tensor_type.name for t in reader.tensors}
    assert (
        types["blk.0.attn_q.weight"] == "F16" and types["blk.0.attn_norm.weight"] == "F32" and "output.weight" in types
    )
    assert written.tensors == len(reader.tensors) and written.size_bytes == written.path.stat().st_size
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m-f16.gguf"]  # no temp file left


def test_transformers_reloads_f16_with_logits_within_tolerance(source, tmp_path, prompts):
    model, tok = source
    written = write_gguf(model, tok, tmp_path / "m-f16.gguf", "f16")
    exported, _ = load_gguf_model(written.path)
    found = compare_logits(model, exported, _ids(tok, prompts[:4]))
    assert 0 < found["max_abs_logit_diff"] < F16_MAX_ABS_LOGIT_DIFF and found["top1_agreement"] > 0.99
    assert found["mean_abs_logit_diff"] < 1e-2


def test_without_the_rope_permutation_the_reloaded_model_differs(source, tmp_path, prompts, monkeypatch):
    from medtune.export import gguf_file

    model, tok = source
    monkeypatch.setattr(gguf_file, "_permute", lambda weight, n_head: weight)
    exported, _ = load_gguf_model(write_gguf(model, tok, tmp_path / "m.gguf", "f16").path)
    assert compare_logits(model, exported, _ids(tok, prompts[:2]))["max_abs_logit_diff"] > F16_MAX_ABS_LOGIT_DIFF


def test_q8_and_q4_files_are_smaller_and_q8_reproduces_greedy_text(source, tmp_path, prompts):
    model, tok = source
    f16 = write_gguf(model, tok, tmp_path / "a.gguf", "f16")
    q8 = write_gguf(model, tok, tmp_path / "b.gguf", "q8_0")
    q4 = write_gguf(model, tok, tmp_path / "c.gguf", "q4_0")
    assert q4.size_bytes < q8.size_bytes < f16.size_bytes
    types = {t.name: t.tensor_type.name for t in gguf.GGUFReader(str(q4.path)).tensors}
    assert types["blk.0.ffn_up.weight"] == "Q4_0" and types["token_embd.weight"] == "Q8_0"
    exported, _ = load_gguf_model(q8.path)
    found = compare_greedy(model, exported, tok, _ids(tok, prompts), max_new_tokens=12)
    assert found["prompts"] == len(prompts) and found["greedy_match_or_near_tie"] >= 0.9
    assert found["greedy_match"] <= found["greedy_match_or_near_tie"]


def test_refuses_what_it_cannot_write_faithfully(source, tmp_path):
    model, tok = source
    with pytest.raises(ConfigError, match="unknown GGUF type 'q3'"):
        write_gguf(model, tok, tmp_path / "x.gguf", "q3")
    with pytest.raises(ConfigError, match="pre-tokenizer"):
        pre_tokenizer_name({"pre_tokenizer": {"type": "Whitespace"}})
    from medtune.testing import tiny_tokenizer

    with pytest.raises(ConfigError, match="byte-level BPE"):
        write_gguf(model, tiny_tokenizer(["a b"]), tmp_path / "x.gguf")
    model.config.model_type = "mistral"
    try:
        with pytest.raises(ConfigError, match="Llama-architecture"):
            write_gguf(model, tok, tmp_path / "x.gguf")
    finally:
        model.config.model_type = "llama"
    assert not list(tmp_path.iterdir())


def test_known_pre_tokenizers():
    gpt2 = {"type": "ByteLevel", "add_prefix_space": False, "use_regex": True}
    assert pre_tokenizer_name({"pre_tokenizer": gpt2}) == "gpt-2"
    smollm = {"type": "Sequence", "pretokenizers": [{"type": "Digits", "individual_digits": True}, gpt2]}
    assert pre_tokenizer_name({"pre_tokenizer": smollm}) == "smollm"


def test_llama3_rope_factors_follow_the_published_formula():
    rope = {
        "rope_theta": 500000.0,
        "factor": 32.0,
        "low_freq_factor": 1.0,
        "high_freq_factor": 4.0,
        "original_max_position_embeddings": 8192,
    }
    factors = llama3_rope_factors(rope, 64)
    assert len(factors) == 32 and factors[0] == 1.0 and factors[-1] == 32.0
    assert all(a <= b for a, b in itertools.pairwise(factors))  # high frequencies kept, low ones scaled
