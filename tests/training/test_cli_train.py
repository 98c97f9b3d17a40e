import json

from medtune.cli.main import main
from medtune.training import TrainConfig


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_train_from_a_yaml_config_with_flag_overrides(capsys, tmp_path, tiny, tiny_model_dir, write_jsonl):
    data = write_jsonl(tiny.fact_records(), "train.jsonl")
    config = tmp_path / "train.yaml"
    config.write_text(
        f"model:\n  path: {tiny_model_dir}\n"
        f"data:\n  train: {data}\n"
        "lora:\n  r: 8\n  dropout: 0.0\n"
        "optim:\n  learning_rate: 5e-3\n  batch_size: 4\n  gradient_accumulation_steps: 1\n"
        "logging:\n  logging_steps: 1\n"
        "output:\n  save_merged: false\n"
    )
    out_dir = tmp_path / "run"
    code, out, err = run(capsys, "train", "--config", config, "-o", out_dir, "--max-steps", 3, "--set", "lora.alpha=16")
    assert code == 0, err
    assert "trained 3 steps" in out and "loss " in out and "adapter:" in out
    assert "train" in err and "tok/s" in err  # the progress bar
    assert "training backend: peft" in err
    saved = TrainConfig.from_yaml(out_dir / "config.yaml")
    assert (saved.lora.r, saved.lora.alpha, saved.optim.max_steps) == (8, 16, 3)
    assert "base_model: " + str(tiny_model_dir) in (out_dir / "README.md").read_text()

    code, out, err = run(capsys, "train", "--config", config, "-o", out_dir, "--max-steps", 3, "--json")
    assert code == 2 and "already holds checkpoints" in err and "--resume" in err

    code, out, _ = run(
        capsys,
        "train",
        "--config",
        config,
        "-o",
        tmp_path / "run2",
        "--max-steps",
        2,
        "--json",
        "--set",
        "checkpointing.save_strategy=no",
    )
    assert code == 0, err
    payload = json.loads(out)
    assert code == 0 and payload["metrics"]["steps"] == 2 and payload["tokenization"]["kept"] == 8


def test_config_errors_exit_2_and_name_the_key(capsys, tmp_path):
    config = tmp_path / "train.yaml"
    config.write_text("optim:\n  lerning_rate: 1e-4\n")
    code, _, err = run(capsys, "train", "--config", config)
    assert code == 2 and "unknown key 'optim.lerning_rate'; did you mean 'optim.learning_rate'?" in err
    code, _, err = run(capsys, "train", "--set", "lora.rank=4")
    assert code == 2 and "unknown key 'lora.rank'; did you mean 'lora.r'?" in err
    code, _, err = run(capsys, "train", "--set", "oops")
    assert code == 2 and "expected KEY=VALUE" in err


def test_print_config_shows_the_resolved_settings(capsys):
    code, out, _ = run(capsys, "train", "--print-config", "--lr", "1e-4", "--set", "lora.use_dora=true")
    cfg = TrainConfig.from_dict(__import__("yaml").safe_load(out))
    assert code == 0 and cfg.optim.learning_rate == 1e-4 and cfg.lora.use_dora is True
