"""The run's decisions (medtune.training.plan): pure functions of the config and the machine's facts, with reasons."""

import pytest

from medtune.testing import heavy_modules_imported
from medtune.training import TrainConfig
from medtune.training.plan import (
    Checkpointing,
    Memory,
    PaddingFree,
    Plan,
    TokenBudget,
    decide_checkpointing,
    decide_padding_free,
    decide_token_budget,
)

GIB = 2**30


def no_memory() -> Memory:
    raise AssertionError("this decision must not measure the GPU")


def memory(free_gib: float, bytes_per_token: int = 2**20):
    return lambda: Memory(free_bytes=int(free_gib * GIB), bytes_per_token=bytes_per_token)


def config(**overrides) -> TrainConfig:
    return TrainConfig().with_overrides(overrides)


def test_the_plan_module_imports_no_heavy_library():
    assert heavy_modules_imported("import medtune.training.plan") == []


# --- padding-free ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "backend", "varlen", "cuda", "enabled", "why"),
    [
        ({"format.packing": True, "optim.max_tokens_per_batch": None}, "peft", (False, "x"), False, True, "packing"),
        ({"format.padding_free": True}, "peft", (False, "x"), False, True, "set in the config"),
        ({"format.padding_free": False}, "unsloth", (True, "x"), True, False, "set in the config"),
        ({"optim.max_tokens_per_batch": None}, "unsloth", (True, "x"), True, False, "fixed micro-batches"),
        ({}, "peft", (True, "masked attention"), True, False, "on the peft backend padding-free rows would run on"),
        ({}, "unsloth", (True, "flash"), False, False, "on the unsloth backend padding-free rows would run on flash"),
        ({}, "unsloth", (False, "per-segment sdpa"), True, False, "per-segment sdpa, slower than padding"),
        ({}, "unsloth", (True, "flash varlen"), True, True, "the unsloth backend runs padding-free rows on flash"),
    ],
)
def test_padding_free(overrides, backend, varlen, cuda, enabled, why):
    decision = decide_padding_free(config(**overrides), backend, varlen, cuda=cuda)
    assert isinstance(decision, PaddingFree)
    assert decision.enabled is enabled and why in decision.reason


# --- token budget ------------------------------------------------------------------------------------------


def test_fixed_micro_batches_when_no_budget_is_set():
    budget = decide_token_budget(config(**{"optim.max_tokens_per_batch": None}), cuda=True, memory=no_memory)
    assert budget == (None, "fixed micro-batches of 4 examples x 8 accumulation steps")  # a (tokens, reason) pair


def test_auto_budget_is_fixed_micro_batches_with_packing_or_without_cuda():
    packed = config(**{"format.packing": True, "optim.max_tokens_per_batch": "auto"})
    assert decide_token_budget(packed, cuda=True, memory=no_memory).reason.endswith("(format.packing)")
    cpu = decide_token_budget(config(), cuda=False, memory=no_memory)
    assert cpu.tokens is None and "on CUDA devices only" in cpu.reason


def test_auto_budget_fills_half_the_free_memory_within_one_sequence_and_one_step():
    cfg = config(**{"format.max_seq_length": 256})  # a step: 32 examples x 256 tokens = 8192 tokens
    budget = decide_token_budget(cfg, cuda=True, memory=memory(free_gib=8))  # 1 MiB a token: 4096 tokens fit
    assert budget.tokens == 4096 and "'auto' from 8 GiB free" in budget.reason
    assert decide_token_budget(cfg, cuda=True, memory=memory(free_gib=1000)).tokens == 32 * 256  # a whole step
    assert decide_token_budget(cfg, cuda=True, memory=memory(free_gib=0.01)).tokens == 256  # one sequence


def test_a_set_budget_describes_the_batching():
    cfg = config(**{"optim.max_tokens_per_batch": 4096})
    budget = decide_token_budget(cfg, cuda=False, memory=no_memory)
    assert budget == TokenBudget(
        4096,
        "shuffled steps of 32 examples, each sorted by length into micro-batches of at most 4096 padded tokens "
        "(optim.max_tokens_per_batch)",
    )
    grouped = cfg.with_overrides({"optim.length_group_pool": 8})
    reason = decide_token_budget(grouped, cuda=False, memory=no_memory, padding_free=True).reason
    assert "steps grouped by length (pools of 8 steps)" in reason and "tokens in one padding-free row" in reason


# --- activation checkpointing ------------------------------------------------------------------------------


def test_checkpointing_set_in_the_config_wins():
    cfg = config(**{"model.gradient_checkpointing": False})
    assert decide_checkpointing(cfg, 4096, cuda=True, memory=no_memory) == (
        False,
        "set in the config (model.gradient_checkpointing)",
    )


@pytest.mark.parametrize(("budget", "cuda"), [(None, True), (4096, False)])
def test_checkpointing_is_the_backends_default_without_a_budget_on_a_gpu(budget, cuda):
    decision = decide_checkpointing(config(), budget, cuda=cuda, memory=no_memory)
    assert decision.enabled is None and decision.reason.startswith("the backend default")


def test_checkpointing_is_off_when_a_micro_batch_fits_in_80_percent_of_the_free_memory():
    # 4096 tokens x 1 MiB = 4 GiB of activations
    off = decide_checkpointing(config(), 4096, cuda=True, memory=memory(free_gib=5))
    assert off == Checkpointing(False, "a micro-batch of 4096 tokens needs ~4.0 GiB, 5.0 GiB are free")
    on = decide_checkpointing(config(), 4096, cuda=True, memory=memory(free_gib=4.5))
    assert on.enabled is True and "only 4.5 GiB are free" in on.reason
    assert "lower optim.max_tokens_per_batch" in on.reason


@pytest.mark.parametrize(
    ("enabled", "backend", "label"),
    [
        (None, "peft", "off"),
        (None, "unsloth", "on (unsloth)"),
        (True, "peft", "on"),
        (True, "unsloth", "on (unsloth)"),
        (False, "peft", "off"),
        (False, "unsloth", "off"),
    ],
)
def test_checkpointing_label(enabled, backend, label):
    assert Checkpointing(enabled, "why").label(backend) == label


def test_plan_facts_are_what_run_json_records():
    plan = Plan(
        "unsloth",
        PaddingFree(True, "pf reason"),
        TokenBudget(4096, "batching reason"),
        Checkpointing(None, "ckpt reason"),
    )
    assert plan.facts() == {
        "gradient_checkpointing": {"enabled": "on (unsloth)", "reason": "ckpt reason"},
        "batching": "batching reason",
        "padding_free": {"enabled": True, "reason": "pf reason"},
    }
