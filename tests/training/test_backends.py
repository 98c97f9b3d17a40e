import logging

import pytest

from medtune.errors import ConfigError
from medtune.training import TrainConfig
from medtune.training.backends import PeftBackend, resolve_optimizer, select_backend


def test_auto_picks_peft_without_cuda_and_says_why(caplog):
    with caplog.at_level(logging.INFO, logger="medtune.training"):
        choice = select_backend("auto")
    assert choice.name == "peft" and "no CUDA device" in choice.reason
    assert "training backend: peft (auto: no CUDA device" in caplog.text
    assert select_backend("peft").reason.startswith("requested")


def test_unsloth_without_cuda_is_a_clear_error():
    with pytest.raises(ConfigError, match="no CUDA device is visible.*model.backend: peft"):
        select_backend("unsloth")


def test_8bit_adamw_falls_back_on_cpu_with_a_warning():
    name, warning = resolve_optimizer("adamw_8bit")
    assert name == "adamw_torch" and "needs a CUDA device" in warning
    assert resolve_optimizer("adamw_torch") == ("adamw_torch", None)


def test_qlora_without_cuda_and_missing_model_path_are_errors(tiny_model_dir, tmp_path, monkeypatch):
    missing = TrainConfig().with_overrides({"model.path": str(tmp_path / "no-such-model")})
    with pytest.raises(ConfigError, match="does not exist"):
        PeftBackend().load(missing)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    uncached = TrainConfig().with_overrides({"model.path": "some-org/not-cached-model"})
    with pytest.raises(ConfigError, match="not-cached-model"):
        PeftBackend().load(uncached)
    cfg = TrainConfig().with_overrides({"model.path": str(tiny_model_dir), "model.load_in_4bit": True})
    with pytest.raises(ConfigError, match="needs a CUDA device"):
        PeftBackend().load(cfg)


def test_unknown_target_modules_name_the_valid_ones(tiny):
    model = tiny.make_model(50)
    cfg = TrainConfig().with_overrides({"lora.target_modules": ["q_proj", "qkv_proj"]})
    with pytest.raises(ConfigError, match=r"\['qkv_proj'\] are not modules.*'down_proj'"):
        PeftBackend().wrap(model, cfg)


def test_distributed_device_map_puts_each_process_on_its_own_gpu(monkeypatch):
    import torch

    from medtune.training import backends

    monkeypatch.setattr(backends, "_cuda_available", lambda: True)
    chosen = []
    monkeypatch.setattr(torch.cuda, "set_device", chosen.append)
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    assert backends.distributed_device_map() is None  # one process: the loader's own placement
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("LOCAL_RANK", "1")
    assert backends.distributed_device_map() == {"": 1}
    assert chosen == [1]
    monkeypatch.setattr(backends, "_cuda_available", lambda: False)
    assert backends.distributed_device_map() is None  # DDP on CPUs (gloo): nothing to place
