"""A tiny random Llama with a word-level tokenizer and a ChatML template, built here (nothing is downloaded)."""

from __future__ import annotations

import json
import threading

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("peft")

from medtune.errors import ConfigError
from medtune.serving import GenerationParams, ServeConfig, Usage
from medtune.serving.model import (
    TransformersGenerator,
    resolve_model_and_adapter,
    sampling_processors,
    sampling_settings,
)

MESSAGES = [{"role": "system", "content": "you are a careful medical assistant"}, {"role": "user", "content": "fever"}]


def _run(gen, max_tokens=6, cancel=None):
    pieces = list(gen.generate(MESSAGES, GenerationParams(max_tokens=max_tokens), cancel or threading.Event()))
    assert isinstance(pieces[-1], Usage)
    return "".join(p for p in pieces if isinstance(p, str)), pieces[-1]


def test_merged_model_generates(tiny):
    gen = TransformersGenerator.load(tiny["merged"], device="cpu")
    assert gen.model_name == "merged"
    assert gen.render(MESSAGES).endswith("<|im_start|>assistant\n")
    text, usage = _run(gen)
    assert usage.prompt_tokens > 5 and 1 <= usage.completion_tokens <= 6
    assert usage.finish_reason in ("stop", "length")
    assert _run(gen)[0] == text  # greedy at temperature 0: deterministic


def test_base_plus_adapter(tiny):
    assert resolve_model_and_adapter(tiny["adapter"]) == (tiny["base"], tiny["adapter"])  # base read from the adapter
    merged = TransformersGenerator.load(tiny["base"], tiny["adapter"], device="cpu")
    unmerged = TransformersGenerator.load(tiny["adapter"], merge_adapter=False, device="cpu")
    assert type(unmerged.model).__name__ == "PeftModelForCausalLM" and merged.model_name == "adapter"
    assert _run(merged, 8)[0] == _run(unmerged, 8)[0]


def test_cancel_stops_generation(tiny):
    gen = TransformersGenerator.load(tiny["merged"], device="cpu")
    cancel = threading.Event()
    cancel.set()
    _, usage = _run(gen, max_tokens=50, cancel=cancel)
    assert usage.completion_tokens <= 1


def test_missing_chat_template_is_a_clear_error(tiny, helpers):
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(tiny["merged"])
    with pytest.raises(ConfigError, match="has no chat template"):
        TransformersGenerator(model, helpers.tokenizer(chat_template=None))
    TransformersGenerator(
        model, helpers.tokenizer(chat_template=None), chat_template=helpers.CHATML
    )  # the config's template


@pytest.mark.parametrize(
    "params",
    [
        GenerationParams(max_tokens=12, temperature=0.9, top_p=0.95, seed=7),
        GenerationParams(max_tokens=12, temperature=1.0, repetition_penalty=1.1, seed=2**64 - 1),
    ],
)
def test_seeded_sampling_is_generate_after_manual_seed(tiny, params):
    """A sampled answer draws from its own generator, and is the one generate samples after torch.manual_seed."""
    import torch

    gen = TransformersGenerator.load(tiny["merged"], device="cpu")
    enc = gen.tokenizer(gen.render(MESSAGES), return_tensors="pt", add_special_tokens=False)
    torch.manual_seed(params.seed)
    out = gen.model.generate(
        **enc,
        max_new_tokens=params.max_tokens,
        do_sample=True,
        temperature=params.temperature,
        top_p=params.top_p,
        repetition_penalty=params.repetition_penalty,
        pad_token_id=gen.pad_token_id,
    )
    want = gen.tokenizer.decode(out[0, enc["input_ids"].shape[1] :], skip_special_tokens=True)
    torch.manual_seed(0)
    state = torch.get_rng_state()
    pieces = list(gen.generate(MESSAGES, params, threading.Event()))
    assert "".join(p for p in pieces if isinstance(p, str)) == want
    assert torch.equal(torch.get_rng_state(), state)  # torch's global generator untouched


def test_sampling_settings_follow_the_model_generation_config(tiny):
    from transformers import GenerationConfig

    gen = TransformersGenerator.load(tiny["merged"], device="cpu")
    gen.model.generation_config = GenerationConfig()
    assert sampling_settings(gen.model) == {"top_k": 50}  # transformers' default
    gen.model.generation_config = GenerationConfig(top_k=20, min_p=0.05)
    assert sampling_settings(gen.model) == {"top_k": 20, "min_p": 0.05}
    params = GenerationParams(max_tokens=8, temperature=0.8, seed=3)
    processors = sampling_processors(params, sampling_settings(gen.model), None)  # generate's order, then the draw
    assert [type(p).__name__ for p in processors] == [
        "TemperatureLogitsWarper",
        "TopKLogitsWarper",
        "MinPLogitsWarper",
        "_Draw",
    ]
    first = list(gen.generate(MESSAGES, params, threading.Event()))
    assert list(gen.generate(MESSAGES, params, threading.Event())) == first


def test_bad_adapter_path(tmp_path):
    with pytest.raises(ConfigError, match="no adapter_config.json"):
        resolve_model_and_adapter(str(tmp_path), str(tmp_path))


@pytest.mark.slow
def test_openai_streaming_against_a_real_model(tiny, start_server):
    openai = pytest.importorskip("openai")
    cfg = ServeConfig(model=tiny["base"], adapter=tiny["adapter"], device="cpu")
    server = start_server(TransformersGenerator.from_config(cfg), cfg)
    client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="x", max_retries=0, timeout=60)
    assert [m.id for m in client.models.list().data] == ["adapter"]
    stream = client.chat.completions.create(
        model="adapter",
        messages=[{"role": "user", "content": "what helps a mild headache"}],
        max_tokens=6,
        stream=True,
        temperature=0,
    )
    chunks = list(stream)
    assert chunks[-1].choices[0].finish_reason in ("stop", "length")
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "not a substitute for professional medical advice" in text
    full = client.chat.completions.create(
        model="adapter",
        messages=[{"role": "user", "content": "what helps a mild headache"}],
        max_tokens=6,
        temperature=0,
    )
    assert full.choices[0].message.content == text and full.usage.completion_tokens <= 6
    assert json.loads(full.model_dump_json())["object"] == "chat.completion"
