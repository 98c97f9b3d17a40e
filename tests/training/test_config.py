from pathlib import Path

import pytest

from medtune.errors import ConfigError
from medtune.testing import heavy_modules_imported
from medtune.training import TrainConfig


def test_defaults_are_the_recipes():
    cfg = TrainConfig()
    assert (cfg.lora.r, cfg.lora.alpha, cfg.lora.dropout) == (16, 32, 0.05)
    assert cfg.lora.target_modules == ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
    o = cfg.optim
    assert (o.learning_rate, o.lr_scheduler, o.warmup_ratio, o.weight_decay) == (2e-4, "cosine", 0.03, 0.01)
    assert (o.batch_size, o.gradient_accumulation_steps, cfg.effective_batch_size) == (4, 8, 32)
    assert (o.epochs, o.max_grad_norm, o.seed, o.optimizer) == (3.0, 0.3, 42, "adamw_8bit")
    assert (cfg.format.template, cfg.format.train_on) == ("auto", "responses")  # auto: chat for instruct models
    assert cfg.checkpointing.save_strategy == "epoch" and cfg.logging.logging_steps == 10
    assert cfg.output.push_to_hub is False


def test_unknown_keys_are_errors_naming_the_key():
    with pytest.raises(ConfigError) as exc:
        TrainConfig.from_dict({"lora": {"rank": 8}, "optimm": {}})
    msg = str(exc.value)
    assert "unknown key 'lora.rank'; did you mean 'lora.r'?" in msg
    assert "unknown key 'optimm'; did you mean 'optim'?" in msg


def test_bounds_name_the_field_and_value():
    with pytest.raises(ConfigError, match=r"optim.learning_rate: Input should be greater than 0 \(got -1\)"):
        TrainConfig.from_dict({"optim": {"learning_rate": -1}})
    with pytest.raises(ConfigError, match="lora.dropout"):
        TrainConfig.from_dict({"lora": {"dropout": 1.0}})
    with pytest.raises(ConfigError, match="format.template"):
        TrainConfig.from_dict({"format": {"template": "vicuna"}})


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"eval": {"early_stopping_patience": 2}, "checkpointing": {"save_strategy": "no"}}, "cannot be 'no'"),
        ({"eval": {"split": 0.1, "early_stopping_patience": 2, "steps": 10}}, "line up with evaluations"),
        ({"output": {"push_to_hub": True}}, "hub_model_id"),
        ({"format": {"packing": True, "padding_free": True}}, "only one"),
        ({"model": {"load_in_4bit": True, "dtype": "float32"}}, "16-bit"),
        ({"lora": {"target_modules": ["q_proj", "q_proj"]}}, "more than once"),
    ],
)
def test_cross_field_checks(data, fragment):
    with pytest.raises(ConfigError, match=fragment):
        TrainConfig.from_dict(data)


def test_early_stopping_with_aligned_steps_is_valid():
    cfg = TrainConfig.from_dict(
        {
            "eval": {"split": 0.1, "steps": 5, "early_stopping_patience": 2},
            "checkpointing": {"save_strategy": "steps", "save_steps": 10},
        }
    )
    assert cfg.eval.early_stopping_patience == 2


def test_yaml_roundtrip_and_file_errors(tmp_path: Path):
    path = tmp_path / "train.yaml"
    cfg = TrainConfig().with_overrides({"lora.r": 8, "output.dir": "runs/x"})
    cfg.to_yaml(path)
    assert TrainConfig.from_yaml(path) == cfg
    path.write_text("optim:\n  learning_rat: 1e-4\n")
    with pytest.raises(
        ConfigError, match=rf"(?s){path}: 1 invalid setting.*'optim.learning_rat'.*'optim.learning_rate'"
    ):
        TrainConfig.from_yaml(path)
    path.write_text("- a\n- b\n")
    with pytest.raises(ConfigError, match="must be a mapping"):
        TrainConfig.from_yaml(path)
    path.write_text("optim: [\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        TrainConfig.from_yaml(path)
    with pytest.raises(ConfigError, match="no such training config"):
        TrainConfig.from_yaml(tmp_path / "missing.yaml")
    path.write_text("")
    assert TrainConfig.from_yaml(path) == TrainConfig()


def test_overrides():
    cfg = TrainConfig().with_overrides({"optim.learning_rate": 1e-4, "format.max_seq_length": 512})
    assert cfg.optim.learning_rate == 1e-4 and cfg.format.max_seq_length == 512
    with pytest.raises(ConfigError, match="unknown key 'optim.learning_rat'; did you mean 'optim.learning_rate'"):
        TrainConfig().with_overrides({"optim.learning_rat": 1})
    with pytest.raises(ConfigError, match="lora.r"):
        TrainConfig().with_overrides({"lora.r": 0})


def test_importing_training_loads_no_heavy_library():
    assert heavy_modules_imported("import medtune.training, medtune.cli.train") == []


def test_yaml_bare_no_is_the_string_no(tmp_path: Path):
    path = tmp_path / "train.yaml"
    path.write_text("checkpointing:\n  save_strategy: no\n")
    assert TrainConfig.from_yaml(path).checkpointing.save_strategy == "no"
