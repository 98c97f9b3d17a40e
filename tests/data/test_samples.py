"""Shipped samples: the evaluation-only ones are refused as training data, with a message that says why."""

from __future__ import annotations

import pytest

from medtune.cli.main import main
from medtune.data.samples import training_sample
from medtune.errors import ConfigError


def test_training_sample_refuses_the_evaluation_sets_and_accepts_the_rest():
    assert training_sample("medical").name == "medical"
    for name in ("k-qa", "mmlu-general"):
        with pytest.raises(ConfigError) as info:
            training_sample(name, "data.sources[0].source")
        message = str(info.value)
        assert message.startswith(f"data.sources[0].source: sample:{name} is an evaluation set")
        assert "Fix: train on another source" in message and "eval.ood / eval.forgetting" in message


def test_a_run_on_an_evaluation_set_fails_before_training(tmp_path, capsys):
    config = tmp_path / "run.yaml"
    config.write_text(f"data:\n  source: sample:k-qa\noutput_dir: {tmp_path / 'out'}\n")
    assert main(["run", str(config)]) == 2
    err = capsys.readouterr().err
    assert "data.source: sample:k-qa is an evaluation set" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "train").exists()


def test_medtune_data_says_a_multiple_choice_sample_is_not_records(capsys):
    assert main(["data", "stats", "--sample", "mmlu-general"]) == 2
    err = capsys.readouterr().err
    assert "--sample mmlu-general: a multiple-choice set (format mcq)" in err
    assert "medtune eval --task mcq --data mmlu-general" in err
