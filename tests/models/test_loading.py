"""Which weights an evaluation loads (the run's merged model when it saved one), and the adapter-vs-merged gap."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from medtune.errors import ConfigError
from medtune.models.loading import ModelChoice, choose_model, describe_model, merge_gap, merged_of_run


def _run(tmp_path: Path, *, merged: bool = True, run_json: bool | None = True, base: str = "") -> Path:
    """A training run's layout with placeholder files: base/, run/adapter/, run/merged/, run/run.json."""
    base_dir = tmp_path / "base"
    base_dir.mkdir(exist_ok=True)
    (base_dir / "config.json").write_text("{}")
    run = tmp_path / "run"
    (run / "adapter").mkdir(parents=True)
    config = {"base_model_name_or_path": base or str(base_dir)}
    (run / "adapter" / "adapter_config.json").write_text(json.dumps(config))
    (run / "adapter" / "adapter_model.safetensors").write_bytes(b"a")
    outputs = {"adapter/": "LoRA adapter"}
    if merged:
        (run / "merged").mkdir()
        (run / "merged" / "config.json").write_text("{}")
        (run / "merged" / "model.safetensors").write_bytes(b"m")
        outputs["merged/"] = "merged model"
    if run_json is not None:
        listed = outputs if run_json else {"adapter/": "LoRA adapter"}
        (run / "run.json").write_text(json.dumps({"outputs": listed}))
    return run


def test_an_adapter_whose_run_saved_a_merged_model_is_evaluated_on_the_merged_model(tmp_path):
    run = _run(tmp_path)
    for model, adapter in ((run / "adapter", None), (None, run / "adapter"), (tmp_path / "base", run / "adapter")):
        choice = choose_model(model, adapter)
        assert (choice.kind, choice.model, choice.adapter) == ("merged", str(run / "merged"), None), (model, adapter)
        assert choice.describe() == f"merged model at {run / 'merged'}"
    assert choose_model(run).kind == "merged"  # the training run directory itself
    assert choose_model(run).to_dict()["evaluated"] == f"merged model at {run / 'merged'}"


def test_without_a_merged_model_or_when_asked_base_plus_adapter_is_evaluated(tmp_path):
    run = _run(tmp_path, merged=False)
    choice = choose_model(run / "adapter")
    assert (choice.kind, choice.adapter, choice.describe()) == (
        "adapter",
        str(run / "adapter"),
        f"base + adapter at {run / 'adapter'}",
    )
    assert "saved no merged model" in choice.reason
    assert choose_model(run).kind == "adapter"

    other = tmp_path / "other"
    other.mkdir()
    with_merged = _run(other)
    unmerged = choose_model(with_merged / "adapter", prefer_merged=False)
    assert unmerged.kind == "adapter" and "unmerged adapter was asked for" in unmerged.reason


def test_a_merged_model_of_another_run_or_base_is_not_used(tmp_path):
    # run.json does not list merged/: a leftover of an earlier run
    run = _run(tmp_path, run_json=False)
    assert merged_of_run(run / "adapter") is None and choose_model(run / "adapter").kind == "adapter"
    # no run.json: the merged model must not be older than the adapter
    (run / "run.json").unlink()
    assert merged_of_run(run / "adapter") == run / "merged"
    old = (run / "adapter" / "adapter_model.safetensors").stat().st_mtime - 100
    os.utime(run / "merged" / "model.safetensors", (old, old))
    assert merged_of_run(run / "adapter") is None
    # an adapter applied on another base than it was trained on: the merged model is not that
    other = tmp_path / "x"
    other.mkdir()
    run2 = _run(other)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    choice = choose_model(elsewhere, run2 / "adapter")
    assert choice.kind == "adapter" and "not the one the adapter was trained on" in choice.reason


def test_describe_model_loads_exactly_what_is_given(tmp_path):
    run = _run(tmp_path)
    assert describe_model(run / "adapter").kind == "adapter"  # no switching to merged/
    assert describe_model(run / "merged").describe() == f"merged model at {run / 'merged'}"
    assert describe_model("embedded").describe() == "model embedded"
    assert ModelChoice("", "a", "adapter", "a").to_dict()["base"] is None


def test_a_run_directory_without_weights_is_an_error(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    (run / "run.json").write_text("{}")
    with pytest.raises(ConfigError, match="neither adapter/ nor merged/"):
        choose_model(run)


def test_merge_gap_compares_the_unmerged_adapter_with_a_merged_copy():
    pytest.importorskip("torch")
    peft = pytest.importorskip("peft")
    import torch

    from medtune.testing import tiny_llama

    base = tiny_llama(40, hidden_size=32)
    lora = peft.get_peft_model(base, peft.LoraConfig(r=2, target_modules=["q_proj", "v_proj"], init_lora_weights=False))
    lora.eval()
    prompts = [[1, 5, 6, 7], [1, 8, 9], []]
    x = torch.tensor([prompts[0]])
    with torch.no_grad():
        before = lora(input_ids=x).logits.clone()
    gap = merge_gap(lora, prompts)
    assert (gap["prompts"], gap["positions"], gap["dtype"]) == (2, 7, "float32")
    assert 0.0 <= gap["mean_abs"] <= gap["max_abs"] < 1e-3  # float32: merging changes rounding only
    # the evaluated model is left as it was: still an unmerged adapter, same logits
    assert hasattr(lora, "merge_and_unload") and not any(getattr(m, "merged", False) for m in lora.modules())
    with torch.no_grad():
        assert torch.equal(lora(input_ids=x).logits, before)
    # the adapter does change the logits: the check compares against the merge, not the base
    with torch.no_grad(), lora.disable_adapter():
        assert (lora(input_ids=x).logits - before).abs().max() > 1e-2
