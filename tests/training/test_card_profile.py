"""The trainer checks its card profile before any work (moved from tests/training/test_model_card.py)."""

import pytest

from medtune.errors import ConfigError


def test_the_trainer_rejects_an_unknown_profile_before_training(tmp_path, tiny, facts):
    from medtune.training import Trainer

    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(tmp_path, **{"output.card_profile": "nope", "optim.max_steps": 1})
    with pytest.raises(ConfigError, match="unknown card profile 'nope'"):
        Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)
    assert not (tmp_path / "run").exists()
