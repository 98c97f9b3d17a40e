"""Batched generation with left padding, presets, and the JSONL cache, on a tiny random Llama."""

from __future__ import annotations

import json

import pytest

from medtune.data.records import InstructionRecord
from medtune.errors import ConfigError, DataFormatError
from medtune.evaluation.generation import (
    GenerationConfig,
    build_prompt,
    generate,
    load_generations,
    load_model,
    prompt_ids,
    save_generations,
)

pytest.importorskip("torch")

RECORDS = [
    InstructionRecord(id="r0", instruction="Answer the question.", input="I have fever", output="rest fluids"),
    InstructionRecord(
        id="r1",
        instruction="Answer the question.",
        input="I have chest pain is it bad ? my chest hurts now",
        output="call 911 now",
    ),
    InstructionRecord(id="r2", instruction="Answer the question.", input="cough", output="see a doctor"),
]


def test_presets():
    assert GenerationConfig().do_sample is False
    recipe = GenerationConfig.preset("recipe", max_new_tokens=16)
    assert (recipe.temperature, recipe.top_p, recipe.repetition_penalty, recipe.do_sample) == (0.7, 0.9, 1.1, True)
    assert recipe.decoding() == {
        "max_new_tokens": 16,
        "do_sample": True,
        "temperature": 0.7,
        "top_p": 0.9,
        "top_k": 50,
        "repetition_penalty": 1.1,
    }
    assert "temperature" not in GenerationConfig().decoding()
    with pytest.raises(ConfigError, match="greedy, recipe"):
        GenerationConfig.preset("creative")
    with pytest.raises(ValueError):
        GenerationConfig(top_p=1.5)


def test_min_new_tokens_reaches_generate_and_is_bounded_by_max():
    assert GenerationConfig(max_new_tokens=64, min_new_tokens=40).decoding() == {
        "max_new_tokens": 64,
        "do_sample": False,
        "min_new_tokens": 40,
    }
    assert "min_new_tokens" not in GenerationConfig().decoding()
    with pytest.raises(ValueError, match="min_new_tokens=65 is more than max_new_tokens=64"):
        GenerationConfig(max_new_tokens=64, min_new_tokens=65)


def test_min_new_tokens_changes_the_cache_key_only_when_set():
    from medtune.evaluation.generation import _cache_key

    default = _cache_key("m", GenerationConfig(), "p")
    assert _cache_key("m", GenerationConfig(min_new_tokens=0), "p") == default
    assert _cache_key("m", GenerationConfig(min_new_tokens=8), "p") != default
    from medtune.io.cache import cache_key

    settings = GenerationConfig().model_dump(exclude={"batch_size", "engine", "stop_on_loop", "min_new_tokens"})
    assert default == cache_key(model="m", settings=settings, prompt="p")  # as before the option existed


def test_min_new_tokens_keeps_every_answer_that_long(tiny_lm, monkeypatch):
    model, tok = tiny_lm
    seen = []
    real = model.generate

    def spy(*args, **kwargs):
        seen.append(kwargs.get("min_new_tokens", kwargs.get("generation_config") and kwargs["generation_config"]))
        return real(*args, **kwargs)

    monkeypatch.setattr(model, "generate", spy)
    cfg = GenerationConfig(max_new_tokens=5, min_new_tokens=5, batch_size=3)
    run = generate(model, tok, RECORDS, cfg, model_id="tiny")
    assert run.throughput()["new_tokens"] == 15
    assert seen and all(getattr(s, "min_new_tokens", s) == 5 for s in seen)


def test_alpaca_prompt_without_chat_template(tiny_lm):
    _, tok = tiny_lm
    assert (
        build_prompt(RECORDS[0], tok)
        == "### Instruction:\nAnswer the question.\n\n### Input:\nI have fever\n\n### Response:\n"
    )
    ids = prompt_ids(tok, build_prompt(RECORDS[0], tok), chat=False)
    assert ids[-1] == tok.convert_tokens_to_ids("Response:")


def test_chat_template_prompt(tiny_lm):
    _, tok = tiny_lm
    tok.chat_template = "{% for m in messages %}{{ m['role'] + ': ' + m['content'] + ' ' }}{% endfor %}assistant: "
    assert build_prompt(RECORDS[2], tok) == "system: Answer the question. user: cough assistant: "
    with pytest.raises(ConfigError, match="no chat template"):
        tok.chat_template = None
        build_prompt(RECORDS[2], tok, "chat")


def test_batched_left_padded_generation_matches_one_by_one(tiny_lm, tmp_path):
    model, tok = tiny_lm
    cfg = GenerationConfig(max_new_tokens=6, batch_size=3)
    batched = generate(model, tok, RECORDS, cfg, model_id="tiny")
    single = generate(model, tok, RECORDS, cfg.model_copy(update={"batch_size": 1}), model_id="tiny")
    assert [e.prediction for e in batched.examples] == [e.prediction for e in single.examples]
    assert all(e.prediction for e in batched.examples)  # a random model still emits words
    assert [e.id for e in batched.examples] == ["r0", "r1", "r2"]
    assert batched.examples[1].prompt == RECORDS[1].input
    assert batched.examples[1].reference == "call 911 now"
    assert batched.generated == 3 and batched.new_tokens > 0 and batched.examples_per_second > 0


def test_both_engines_give_the_same_greedy_answers_and_say_which_ran(tiny_lm):
    model, tok = tiny_lm
    cfg = GenerationConfig(max_new_tokens=6, batch_size=2)
    runs = {
        e: generate(model, tok, RECORDS, cfg.model_copy(update={"engine": e}), model_id="t")
        for e in ("continuous", "batched")
    }
    assert [x.prediction for x in runs["continuous"].examples] == [x.prediction for x in runs["batched"].examples]
    assert runs["continuous"].throughput()["engine"] == "continuous" and runs["batched"].engine == "batched"
    assert generate(model, tok, RECORDS[:1], cfg, model_id="t").engine == "batched"  # auto: measured faster today
    assert generate(model, tok, RECORDS[:1], GenerationConfig.preset("recipe"), model_id="t").engine == "batched"


def test_cache_reuses_and_is_keyed_by_settings(tiny_lm, tmp_path):
    model, tok = tiny_lm
    cache = tmp_path / "gen.jsonl"
    cfg = GenerationConfig(max_new_tokens=4, batch_size=2)
    first = generate(model, tok, RECORDS[:2], cfg, cache=cache, model_id="tiny")
    assert len(cache.read_text().splitlines()) == 2
    # same settings: the two cached answers are reused, only the new record is generated
    again = generate(model, tok, RECORDS, cfg, cache=cache, model_id="tiny")
    assert (again.reused, again.generated) == (2, 1)
    # timing of cached answers is kept: the all_ figures cover the three answers
    shares = [json.loads(line)["seconds"] for line in cache.read_text().splitlines()[:2]]
    assert all(x > 0 for x in shares) and sum(shares) <= first.seconds
    assert again.total_seconds == pytest.approx(sum(shares) + again.seconds)
    assert again.throughput()["all_examples_per_second"] == pytest.approx(3 / again.total_seconds)
    assert again.total_new_tokens == first.new_tokens + again.new_tokens
    assert [e.prediction for e in again.examples[:2]] == [e.prediction for e in first.examples]
    # a cached answer is returned as stored, without generating: prove it by editing the cache
    rows = [json.loads(line) for line in cache.read_text().splitlines()]
    rows[0]["prediction"] = "edited"
    cache.write_text("".join(json.dumps(r) + "\n" for r in rows))
    third = generate(model, tok, RECORDS, cfg, cache=cache, model_id="tiny")
    assert third.generated == 0 and "edited" in [e.prediction for e in third.examples]
    # other settings or another model id: nothing reused
    other = generate(
        model, tok, RECORDS[:1], cfg.model_copy(update={"max_new_tokens": 5}), cache=cache, model_id="tiny"
    )
    assert other.reused == 0
    assert generate(model, tok, RECORDS[:1], cfg, cache=cache, model_id="other").reused == 0


def test_sampling_preset_is_seeded(tiny_lm):
    model, tok = tiny_lm
    cfg = GenerationConfig.preset("recipe", max_new_tokens=6, seed=3)
    a = generate(model, tok, RECORDS, cfg, model_id="tiny")
    b = generate(model, tok, RECORDS, cfg, model_id="tiny")
    assert [e.prediction for e in a.examples] == [e.prediction for e in b.examples]


def test_save_and_load_generations(tiny_lm, tmp_path):
    model, tok = tiny_lm
    run = generate(model, tok, RECORDS, GenerationConfig(max_new_tokens=3), model_id="tiny")
    path = save_generations(run.examples, tmp_path / "g.jsonl")
    assert load_generations(path) == run.examples
    path.write_text('{"prediction": "x"}\n')
    with pytest.raises(DataFormatError, match=r"g.jsonl:1"):
        load_generations(path)


def test_load_model_from_directory_and_adapter(tiny_lm, tmp_path):
    peft = pytest.importorskip("peft")
    model, tok = tiny_lm
    model.save_pretrained(tmp_path / "base")
    tok.save_pretrained(tmp_path / "base")
    lm, tok2 = load_model(tmp_path / "base", device="cpu")
    assert type(lm).__name__ == "LlamaForCausalLM" and len(tok2) == len(tok)
    lora = peft.get_peft_model(model, peft.LoraConfig(r=2, target_modules=["q_proj"], init_lora_weights=False))
    lora.save_pretrained(tmp_path / "adapter")
    cfg = json.loads((tmp_path / "adapter" / "adapter_config.json").read_text())
    cfg["base_model_name_or_path"] = str(tmp_path / "base")
    (tmp_path / "adapter" / "adapter_config.json").write_text(json.dumps(cfg))
    tuned, _ = load_model(tmp_path / "adapter", device="cpu")  # the adapter names its base
    assert type(tuned).__name__.startswith("Peft")
    gen_base = generate(lm, tok2, RECORDS[:1], GenerationConfig(max_new_tokens=4), model_id="b")
    gen_direct = generate(
        *load_model(tmp_path / "base", tmp_path / "adapter", device="cpu"),
        RECORDS[:1],
        GenerationConfig(max_new_tokens=4),
        model_id="t",
    )
    gen_tuned = generate(tuned, tok2, RECORDS[:1], GenerationConfig(max_new_tokens=4), model_id="t")
    assert gen_direct.examples == gen_tuned.examples
    assert gen_base.examples[0].prediction  # both run; the adapter changes the weights


def test_max_prompt_tokens_keeps_the_end_of_the_prompt(tiny_lm):
    import torch

    model, tok = tiny_lm
    cfg = GenerationConfig(max_new_tokens=3, max_prompt_tokens=4)
    run = generate(model, tok, RECORDS[1:2], cfg, model_id="tiny")
    ids = prompt_ids(tok, build_prompt(RECORDS[1], tok), chat=False)[-4:]
    out = model.generate(
        torch.tensor([ids]),
        attention_mask=torch.ones(1, 4, dtype=torch.long),
        max_new_tokens=3,
        do_sample=False,
        pad_token_id=tok.pad_token_id,
    )
    new = out[0, 4:].tolist()
    if tok.eos_token_id in new:
        new = new[: new.index(tok.eos_token_id)]
    assert run.examples[0].prediction == tok.decode(new, skip_special_tokens=True).strip()


def test_stops_at_every_eos_of_the_generation_config(tiny_lm):
    model, tok = tiny_lm
    cfg = GenerationConfig(max_new_tokens=5)
    full = generate(model, tok, RECORDS[:1], cfg, model_id="tiny").examples[0].prediction
    words = full.split()
    assert len(words) >= 2
    model.generation_config.eos_token_id = [tok.eos_token_id, tok.convert_tokens_to_ids(words[1])]
    cut = generate(model, tok, RECORDS[:1], cfg, model_id="tiny").examples[0].prediction
    assert cut == words[0]  # Llama 3 style: several stop tokens, answer cut at the first


def test_a_looping_answer_is_cut_before_its_repetition_unless_stop_on_loop_is_off(tiny_lm, tmp_path):
    model, tok = tiny_lm
    cache = tmp_path / "gen.jsonl"
    cfg = GenerationConfig(max_new_tokens=4, batch_size=2)
    assert cfg.stop_on_loop  # the default
    generate(model, tok, RECORDS[:1], cfg, cache=cache, model_id="tiny")
    looping = "Rest helps. " + "It is a condition in which the body cannot cope. " * 4
    row = json.loads(cache.read_text())
    cache.write_text(json.dumps({**row, "prediction": looping.strip()}) + "\n")
    cut = generate(model, tok, RECORDS[:1], cfg, cache=cache, model_id="tiny")
    assert cut.generated == 0  # stop_on_loop is not part of the cache key: the stored answer is reused...
    assert cut.examples[0].prediction == "Rest helps. It is a condition in which the body cannot cope."  # ...and cut
    kept = generate(
        model, tok, RECORDS[:1], cfg.model_copy(update={"stop_on_loop": False}), cache=cache, model_id="tiny"
    )
    assert kept.generated == 0 and kept.examples[0].prediction == looping.strip()
