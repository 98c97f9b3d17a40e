"""The run directory (medtune.training.artifacts), unit by unit: no model is trained here."""

import json
from types import SimpleNamespace

import pytest

from medtune.errors import ConfigError
from medtune.testing import heavy_modules_imported
from medtune.training import ALPACA_CHAT_TEMPLATE, TokenizationReport, TrainConfig, artifacts
from medtune.training.checkpoint import commit_checkpoint


def test_the_artifacts_module_imports_no_heavy_library():
    assert heavy_modules_imported("import medtune.training.artifacts") == []


def test_train_result_is_still_importable_from_the_trainer():
    from medtune.training.trainer import TrainResult

    assert TrainResult is artifacts.TrainResult


# --- what an earlier run left ------------------------------------------------------------------------------


def checkpoint(ckpt_dir, step, committed=True):
    path = ckpt_dir / f"checkpoint-{step}"
    path.mkdir(parents=True)
    (path / "weights.bin").write_text("w")
    if committed:
        commit_checkpoint(path, step)
    return path


def test_a_fresh_run_refuses_an_earlier_runs_checkpoints_and_outputs_unless_overwrite(tmp_path):
    ckpt_dir = tmp_path / "run" / "checkpoints"
    assert artifacts.resume_point(ckpt_dir, False) is None  # nothing there yet
    checkpoint(ckpt_dir, 2)
    with pytest.raises(ConfigError, match="already holds checkpoints"):
        artifacts.resume_point(ckpt_dir, False)
    assert artifacts.resume_point(ckpt_dir, False, overwrite=True) is None
    assert not ckpt_dir.exists()  # overwrite removed them
    (tmp_path / "run" / "merged").mkdir()
    (tmp_path / "run" / "merged" / "model.safetensors").write_text("m")
    with pytest.raises(ConfigError, match=r"outputs of an earlier run \(merged\)"):
        artifacts.resume_point(ckpt_dir, False)


def test_resume_picks_the_latest_committed_checkpoint_or_refuses_an_incomplete_one(tmp_path):
    ckpt_dir = tmp_path / "checkpoints"
    assert artifacts.resume_point(ckpt_dir, True) is None  # nothing to resume: start from scratch
    checkpoint(ckpt_dir, 1)
    latest = checkpoint(ckpt_dir, 2)
    incomplete = checkpoint(ckpt_dir, 3, committed=False)
    assert artifacts.resume_point(ckpt_dir, True) == latest
    assert not incomplete.exists()  # discarded
    assert artifacts.resume_point(ckpt_dir, str(latest)) == latest
    with pytest.raises(ConfigError, match="not a complete medtune checkpoint"):
        artifacts.resume_point(ckpt_dir, tmp_path / "elsewhere")


# --- log, rejects, metrics ---------------------------------------------------------------------------------


def test_read_log_skips_blank_lines_and_a_missing_log_is_empty(tmp_path):
    log = tmp_path / "train_log.jsonl"
    assert artifacts.read_log(log) == []
    log.write_text('{"step": 1, "loss": 2.0}\n\n{"step": 2, "loss": 1.0}\n')
    assert artifacts.read_log(log) == [{"step": 1, "loss": 2.0}, {"step": 2, "loss": 1.0}]


def test_rejects_carry_their_split_and_are_written_only_when_there_are_some(tmp_path):
    train = TokenizationReport(rejected=[{"index": 3, "reason": "too long"}])
    evaluation = TokenizationReport(rejected=[{"index": 0, "reason": "empty"}])
    rejects = artifacts.rejects_of(train, evaluation)
    assert rejects == [
        {"split": "train", "index": 3, "reason": "too long"},
        {"split": "eval", "index": 0, "reason": "empty"},
    ]
    artifacts.write_rejects(tmp_path, [])
    assert not (tmp_path / "rejects.jsonl").exists()
    artifacts.write_rejects(tmp_path, rejects)
    lines = (tmp_path / "rejects.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in lines] == rejects


def state(step=3, best_metric=None, best=None):
    return SimpleNamespace(global_step=step, best_metric=best_metric, best_model_checkpoint=best)


def test_metrics_come_from_the_log_and_transformers_state():
    logs = [
        {"step": 1, "loss": 3.0, "tokens_per_second": 100.0},
        {"step": 2, "loss": 2.0, "tokens_per_second": 300.0},
        {"step": 2, "eval_loss": 2.5},
        {"step": 3, "loss": 1.0},
        {"step": 3, "eval_loss": 1.5},
    ]
    metrics = artifacts.train_metrics(2.0, state(), logs, started=0.0, early_stopping=False)
    assert {k: v for k, v in metrics.items() if k != "wall_time_s"} == {
        "train_loss": 2.0,
        "steps": 3.0,
        "first_loss": 3.0,
        "final_loss": 1.0,
        "tokens_per_second": 200.0,
        "eval_loss": 1.5,
    }
    assert metrics["wall_time_s"] > 0
    assert set(artifacts.train_metrics(2.0, state(), [], 0.0, early_stopping=False)) == {
        "train_loss",
        "steps",
        "wall_time_s",
    }


def test_with_early_stopping_the_metrics_report_the_best_checkpoint():
    best = state(best_metric=1.25, best="run/checkpoints/checkpoint-2")
    metrics = artifacts.train_metrics(2.0, best, [{"step": 3, "eval_loss": 1.5}], 0.0, early_stopping=True)
    assert (metrics["eval_loss"], metrics["best_step"]) == (1.25, 2.0)
    assert artifacts.train_metrics(2.0, best, [], 0.0, early_stopping=False).get("best_step") is None


# --- saved models ------------------------------------------------------------------------------------------


def test_the_alpaca_template_is_set_only_while_saving_and_restored_even_on_error():
    tok = SimpleNamespace(chat_template="chatml")
    with artifacts.alpaca_template(tok, active=True):
        assert tok.chat_template == ALPACA_CHAT_TEMPLATE
    assert tok.chat_template == "chatml"
    with pytest.raises(RuntimeError), artifacts.alpaca_template(tok, active=True):
        raise RuntimeError("save failed")
    assert tok.chat_template == "chatml"
    with artifacts.alpaca_template(tok, active=False):
        assert tok.chat_template == "chatml"


def test_final_dir_is_empty(tmp_path):
    target = tmp_path / "adapter"
    target.mkdir()
    (target / "stale.bin").write_text("old")
    assert artifacts.final_dir(target) == target and list(target.iterdir()) == []


class FakeModel:
    def __init__(self):
        self.saved = []

    def save_pretrained(self, path, safe_serialization=False):
        self.saved.append(path)
        (path / "adapter_model.safetensors").write_text("w")


class FakeTokenizer:
    chat_template = "chatml"

    def save_pretrained(self, path):
        (path / "chat_template.txt").write_text(self.chat_template)


def test_save_models_saves_the_adapter_with_the_training_template(tmp_path):
    cfg = TrainConfig().with_overrides({"output.save_merged": False, "format.template": "alpaca"})
    model = FakeModel()
    saved, adapter_dir, merged_dir = artifacts.save_models(model, FakeTokenizer(), cfg, tmp_path)
    assert saved is model and merged_dir is None and adapter_dir == tmp_path / "adapter"
    assert (adapter_dir / "chat_template.txt").read_text() == ALPACA_CHAT_TEMPLATE


# --- run.json, card, hub -----------------------------------------------------------------------------------


def test_output_listing_names_what_the_run_directory_holds(tmp_path):
    cfg = TrainConfig()
    assert list(artifacts.output_listing(cfg, adapter_dir=None, merged_dir=None, rejects=False)) == [
        "train_log.jsonl",
        "checkpoints/",
        "run.json",
    ]
    listing = artifacts.output_listing(cfg, adapter_dir=tmp_path, merged_dir=tmp_path, rejects=True)
    assert list(listing) == ["adapter/", "merged/", "train_log.jsonl", "checkpoints/", "rejects.jsonl", "run.json"]
    assert listing["merged/"].startswith(f"merged {cfg.output.merged_dtype} model")


def test_push_to_hub_does_nothing_unless_asked_or_with_nothing_saved(tmp_path, monkeypatch):
    huggingface_hub = pytest.importorskip("huggingface_hub")

    def refuse(*args, **kwargs):
        raise AssertionError("HfApi must not be used")

    monkeypatch.setattr(huggingface_hub, "HfApi", refuse)
    artifacts.push_to_hub(TrainConfig(), tmp_path, tmp_path)  # push_to_hub is off by default
    on = TrainConfig().with_overrides({"output.push_to_hub": True, "output.hub_model_id": "me/model"})
    artifacts.push_to_hub(on, None, None)
