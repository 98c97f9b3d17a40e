"""The token-budget fast path: steps cut into micro-batches under a budget (optionally grouped by length), the same
per-token loss."""

import json
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medtune import Dataset
from medtune.errors import ConfigError
from medtune.plugins import PluginManager
from medtune.training import Trainer
from medtune.training.batching import (
    LengthGroupedStepSampler,
    activation_bytes_per_token,
    padded_tokens,
    split_micro_batches,
)


@given(st.lists(st.integers(1, 300), min_size=1, max_size=60), st.integers(300, 2000), st.booleans())
def test_micro_batches_cover_the_step_once_and_stay_under_the_budget(lengths, budget, padded):
    batches = split_micro_batches(lengths, budget, padded=padded)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    cost = padded_tokens if padded else sum  # padding-free: one row of the examples' own tokens
    assert all(cost([lengths[i] for i in b]) <= budget for b in batches)
    if not padded:  # never more micro-batches than the padded cut needs
        assert len(batches) <= len(split_micro_batches(lengths, budget))


def test_a_longer_example_than_the_budget_travels_alone():
    assert split_micro_batches([10, 500, 20], budget=100) == [[1], [2, 0]]


def test_sampler_covers_every_example_once_per_epoch_and_groups_by_length():
    rng = random.Random(1)
    lengths = [rng.choice([rng.randint(10, 40), rng.randint(300, 900)]) for _ in range(1000)]
    sampler = LengthGroupedStepSampler(lengths, 32, seed=7)
    steps = list(sampler)
    assert len(steps) == len(sampler) == 32  # ceil(1000 / 32)
    assert sorted(i for s in steps for i in s) == list(range(1000))
    assert sum(len(s) == 32 for s in steps) == 31
    assert list(sampler) == steps  # deterministic for a seed and an epoch
    sampler.set_epoch(1)
    assert list(sampler) != steps

    def padding(groups):
        return 1 - sum(lengths) / sum(padded_tokens([lengths[i] for i in g]) for g in groups)

    shuffled = list(range(1000))
    rng.shuffle(shuffled)
    uniform = [shuffled[i : i + 32] for i in range(0, 1000, 32)]
    assert padding(steps) < 0.1 < 0.4 < padding(uniform)  # grouping removes most of the padding


def test_sampler_gives_ddp_processes_steps_of_similar_size():
    """Under DDP rank r takes steps r, r + world_size, ...: the steps of one iteration are length neighbours."""
    rng = random.Random(2)
    lengths = [rng.randint(10, 900) for _ in range(4096)]
    tokens = lambda step: sum(lengths[i] for i in step)  # noqa: E731

    def imbalance(world_size, pool_steps):
        sampler = LengthGroupedStepSampler(lengths, 32, seed=3, world_size=world_size, pool_steps=pool_steps)
        steps = list(sampler)
        assert sorted(i for s in steps for i in s) == list(range(4096))
        pairs = [(tokens(a), tokens(b)) for a, b in zip(steps[::2], steps[1::2], strict=True)]
        return sum(max(a, b) for a, b in pairs) / sum((a + b) / 2 for a, b in pairs) - 1  # time lost waiting

    assert imbalance(2, 64) < 0.02 < 0.2 < imbalance(1, 64)  # steps grouped by length
    assert imbalance(2, 1) < 0.005 < 0.02 < imbalance(1, 1)  # shuffled steps (the default)
    # the order changes, the steps do not: the same examples make each step with or without DDP
    by_step = lambda world: sorted(sorted(s) for s in LengthGroupedStepSampler(lengths, 32, seed=3, pool_steps=1,  # noqa: E731
                                                                              world_size=world))  # fmt: skip
    assert by_step(2) == by_step(1)


def test_activation_estimate_matches_the_measured_llama_1b_figure():
    class Llama1B:
        num_hidden_layers, hidden_size, intermediate_size, vocab_size = 16, 2048, 8192, 128256

    unsloth = activation_bytes_per_token(Llama1B, lora_dropout=0.0, fused_loss=True)
    assert 1.11e6 <= unsloth <= 1.5e6  # measured: 1.11 MB per token (no recomputation, Unsloth, r=16)
    assert activation_bytes_per_token(Llama1B, lora_dropout=0.05, fused_loss=False) > 2 * unsloth


def test_config_rejects_budget_with_packing_or_below_max_seq_length():
    from medtune.training import TrainConfig

    with pytest.raises(ConfigError, match="format.packing"):
        TrainConfig().with_overrides({"optim.max_tokens_per_batch": 4096, "format.packing": True})
    with pytest.raises(ConfigError, match="below format.max_seq_length=2048"):
        TrainConfig().with_overrides({"optim.max_tokens_per_batch": 1024})
    with pytest.raises(ConfigError, match="max_tokens_per_batch"):
        TrainConfig().with_overrides({"optim.max_tokens_per_batch": 8})
    assert TrainConfig().optim.max_tokens_per_batch == "auto"


def test_checkpointing_decision(monkeypatch, tiny):
    from medtune.training import TrainConfig, trainer

    model = tiny.make_model(50)
    cfg = TrainConfig().with_overrides({"optim.max_tokens_per_batch": 4096})
    assert trainer._decide_checkpointing(cfg, model, "peft", 4096)[0] is None  # CPU: the backend default
    assert trainer._resolve_budget(TrainConfig(), model, "peft")[0] is None  # 'auto' on CPU: fixed micro-batches
    assert trainer._resolve_budget(cfg, model, "peft") == (
        4096,
        "shuffled steps of 32 examples, each sorted by length into micro-batches of at most 4096 padded tokens "
        "(optim.max_tokens_per_batch)",
    )
    grouped = cfg.with_overrides({"optim.length_group_pool": 64})
    assert "steps grouped by length (pools of 64 steps)" in trainer._resolve_budget(grouped, model, "peft")[1]
    forced = cfg.with_overrides({"model.gradient_checkpointing": True})
    assert trainer._decide_checkpointing(forced, model, "unsloth") == (
        True,
        "set in the config (model.gradient_checkpointing)",
    )

    import torch

    monkeypatch.setattr(trainer, "_cuda", lambda: True)
    need = activation_bytes_per_token(model.config, lora_dropout=0.05, fused_loss=True) * 4096
    monkeypatch.setattr(torch.cuda, "mem_get_info", lambda: (2 * need, 4 * need))
    off, why = trainer._decide_checkpointing(cfg, model, "unsloth", 4096)
    assert off is False and "free" in why
    monkeypatch.setattr(torch.cuda, "mem_get_info", lambda: (need, 4 * need))
    on, why = trainer._decide_checkpointing(cfg, model, "unsloth", 4096)
    assert on is True and "lower optim.max_tokens_per_batch" in why
    # 'auto' on CUDA: the tokens whose activations fill half the free memory, within [max_seq_length, whole step]
    auto = TrainConfig().with_overrides({"format.max_seq_length": 256})
    budget, why = trainer._resolve_budget(auto, model, "unsloth")
    assert budget == 4096 // 2 and "'auto'" in why  # half of `need` (4096 tokens' worth) is free -> 2048 tokens
    monkeypatch.setattr(torch.cuda, "mem_get_info", lambda: (10**15, 10**15))
    assert trainer._resolve_budget(auto, model, "unsloth")[0] == 32 * 256  # never more than a whole step


@pytest.mark.parametrize("padding_free", [False, True])
def test_token_budget_training_learns_counts_tokens_and_resumes_identically(tmp_path, tiny, padding_free):
    records = tiny.fact_records() * 4  # 32 examples: 4 steps of 8 per epoch
    ds = Dataset.from_records([{**r, "id": f"{r['id']}-{i}"} for i, r in enumerate(records)])
    overrides = {
        "optim.batch_size": 4,
        "optim.gradient_accumulation_steps": 2,
        "optim.max_tokens_per_batch": 96,
        "format.padding_free": padding_free,
        "optim.epochs": 2,
        "optim.learning_rate": 1e-2,
        "checkpointing.save_strategy": "steps",
        "checkpointing.save_steps": 2,
    }
    tok = tiny.make_tokenizer(tiny.all_texts())
    full = Trainer(tiny.fast_config(tmp_path / "a", **overrides), model=tiny.make_model(len(tok)), tokenizer=tok)
    result = full.train(ds)
    assert result.metrics["steps"] == 8
    assert result.metrics["final_loss"] < 0.5 * result.metrics["first_loss"]
    lines = [r for r in map(json.loads, result.log_path.read_text().splitlines()) if "loss" in r]
    assert all(x["tokens_per_second"] > 0 for x in lines)
    facts = json.loads((result.run_dir / "run.json").read_text())
    shape = "tokens in one padding-free row" if padding_free else "padded tokens"
    assert f"micro-batches of at most 96 {shape}" in facts["batching"]
    assert facts["padding_free"] == {"enabled": padding_free, "reason": "set in the config (format.padding_free)"}

    cfg = tiny.fast_config(tmp_path / "b", **overrides)
    pm = PluginManager(entry_points=False)
    pm.register(tiny.CrashAt(5), name="crash")  # in the second epoch, after the checkpoint of step 4
    with pytest.raises(tiny.Crash):
        Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok, plugin_manager=pm).train(ds)
    resumed = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(ds, resume=True)
    assert resumed.resumed_from.name == "checkpoint-4"
    again = [r for r in map(json.loads, resumed.log_path.read_text().splitlines()) if "loss" in r]
    assert [x["step"] for x in again] == [x["step"] for x in lines]
    assert [x["loss"] for x in again] == pytest.approx([x["loss"] for x in lines], rel=1e-4)
