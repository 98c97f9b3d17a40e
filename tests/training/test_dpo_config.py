"""train.method and the dpo section: defaults, bounds and the errors that name the key."""

import pytest
import yaml

from medtune.errors import ConfigError
from medtune.training import TrainConfig
from medtune.training.config import DPO_LEARNING_RATE, DpoConfig


def test_sft_is_the_default_and_has_no_dpo_section():
    cfg = TrainConfig()
    assert cfg.method == "sft" and cfg.dpo is None and cfg.optim.learning_rate == 2e-4
    assert yaml.safe_load(cfg.to_yaml())["dpo"] is None
    assert TrainConfig.from_dict(yaml.safe_load(cfg.to_yaml())) == cfg  # an SFT run's config.yaml reloads


def test_dpo_fills_in_its_defaults_and_its_learning_rate():
    cfg = TrainConfig.from_dict({"method": "dpo"})
    assert cfg.dpo == DpoConfig() and (cfg.dpo.beta, cfg.dpo.loss_type, cfg.dpo.sft_weight) == (0.1, "sigmoid", 0.0)
    assert cfg.optim.learning_rate == DPO_LEARNING_RATE == 5e-6
    # a learning rate that is set stays
    assert TrainConfig.from_dict({"method": "dpo", "optim": {"learning_rate": 5e-5}}).optim.learning_rate == 5e-5
    # the filled-in values are not "set": switching back to sft gives the recipe's rate and no dpo section
    back = cfg.with_overrides({"method": "sft"})
    assert back.optim.learning_rate == 2e-4 and back.dpo is None
    # a DPO run's config.yaml reloads to the same config
    assert TrainConfig.from_dict(yaml.safe_load(cfg.to_yaml())) == cfg
    assert cfg.with_overrides({"dpo.beta": 0.5, "dpo.sft_weight": 1.0}).dpo.beta == 0.5


def test_dpo_keys_with_method_sft_are_an_error_naming_the_key():
    with pytest.raises(ConfigError, match=r"dpo\.beta is a DPO setting, but method is 'sft'\. Fix: set method: dpo"):
        TrainConfig().with_overrides({"dpo.beta": 0.2})
    with pytest.raises(ConfigError, match=r"train\.yaml: 1 invalid setting:\n  dpo\.loss_type is a DPO setting"):
        TrainConfig.from_dict({"dpo": {"loss_type": "ipo"}}, source="train.yaml")
    with pytest.raises(ConfigError, match="dpo is a DPO setting"):
        TrainConfig.from_dict({"dpo": {}})


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"format.train_on": "all"}, "format.train_on: all"),
        ({"format.packing": True}, "format.packing"),
        ({"format.padding_free": True}, "format.padding_free: true"),
        ({"optim.max_tokens_per_batch": 4096}, "optim.max_tokens_per_batch"),
        ({"optim.length_group_pool": 8}, "optim.length_group_pool"),
        ({"optim.loss_denominator": "epoch_mean"}, "optim.loss_denominator"),
    ],
)
def test_sft_only_settings_with_method_dpo_are_an_error_naming_the_key(overrides, key):
    with pytest.raises(ConfigError, match=rf"{key} .*which DPO does not do\. Fix: remove it, or set method: sft"):
        TrainConfig().with_overrides({"method": "dpo", **overrides})


@pytest.mark.parametrize(
    ("dpo", "message"),
    [
        ({"beta": 0}, r"dpo\.beta: Input should be greater than 0 \(got 0\)"),
        ({"beta": 101}, r"dpo\.beta: Input should be less than or equal to 100"),
        ({"loss_type": "kto"}, r"dpo\.loss_type: Input should be 'sigmoid', 'ipo'"),
        ({"label_smoothing": 0.5, "loss_type": "robust"}, r"dpo\.label_smoothing: Input should be less than 0\.5"),
        ({"label_smoothing": 0.1}, r"label_smoothing=0\.1 has no effect with loss_type 'sigmoid'"),
        ({"loss_type": "exo_pair"}, r"loss_type 'exo_pair' needs label_smoothing > 0"),
        ({"sft_weight": -1}, r"dpo\.sft_weight: Input should be greater than or equal to 0"),
        ({"betta": 0.1}, r"unknown key 'dpo\.betta'; did you mean 'dpo\.beta'\?"),
    ],
)
def test_dpo_settings_are_bounded(dpo, message):
    with pytest.raises(ConfigError, match=message):
        TrainConfig.from_dict({"method": "dpo", "dpo": dpo})


def test_method_is_validated():
    with pytest.raises(ConfigError, match=r"method: Input should be 'sft' or 'dpo' \(got 'ppo'\)"):
        TrainConfig.from_dict({"method": "ppo"})


def test_a_run_config_takes_a_dpo_train_section_without_cleaning():
    from medtune.run import RunConfig

    cfg = RunConfig.from_dict({"data": {"source": "pairs.jsonl"}, "clean": False, "train": {"method": "dpo"}})
    assert cfg.train.method == "dpo" and cfg.train.optim.learning_rate == DPO_LEARNING_RATE
    with pytest.raises(ConfigError, match="clean: train.method dpo trains on preference pairs.*Fix: set clean: false"):
        RunConfig.from_dict({"data": {"source": "pairs.jsonl"}, "train": {"method": "dpo"}})


def test_an_sft_train_stage_hashes_as_before_method_existed():
    from medtune.run import RunConfig
    from medtune.run.stages import TRAIN

    sft = TRAIN.config_payload(RunConfig.from_dict({}))
    assert "method" not in sft and "dpo" not in sft
    dpo = TRAIN.config_payload(RunConfig.from_dict({"clean": False, "train": {"method": "dpo"}}))
    assert dpo["method"] == "dpo" and dpo["dpo"]["beta"] == 0.1
