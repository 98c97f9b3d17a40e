"""Where a run reports to: TensorBoard event files (logging.report_to) and the Hub (output.push_to_hub)."""

import importlib.util
import json
import struct

import pytest

from medtune.errors import ConfigError
from medtune.training import TrainConfig, Trainer

HAS_TENSORBOARD = any(importlib.util.find_spec(name) is not None for name in ("tensorboard", "tensorboardX"))


def read_scalars(event_file):
    """``{tag: {step: value}}`` from a TensorBoard event file (TFRecord framing of ``Event`` protos)."""
    try:
        from tensorboard.compat.proto import event_pb2
    except ImportError:
        from tensorboardX.proto import event_pb2

    data, pos, scalars = event_file.read_bytes(), 0, {}
    while pos < len(data):
        (length,) = struct.unpack("<Q", data[pos : pos + 8])
        pos += 12  # length + its crc
        event = event_pb2.Event.FromString(data[pos : pos + length])
        pos += length + 4  # payload + its crc
        for value in event.summary.value:
            if value.HasField("simple_value"):
                scalars.setdefault(value.tag, {})[event.step] = value.simple_value
    return scalars


@pytest.mark.skipif(
    not HAS_TENSORBOARD,
    reason="logging.report_to: [tensorboard] needs the 'tensorboard' package, which is not installed "
    "(not in medtune's train extra); pip install tensorboard",
)
def test_report_to_tensorboard_writes_event_files_with_the_loss(tmp_path, tiny, facts):
    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(
        tmp_path, **{"logging.report_to": ["tensorboard"], "optim.max_steps": 3, "eval.steps": 3, "eval.split": 0.25}
    )
    result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)

    events = sorted(result.run_dir.rglob("events.out.tfevents.*"))
    assert events, f"no TensorBoard event file under {result.run_dir}"
    assert all(e.is_relative_to(result.run_dir / "tensorboard") for e in events)  # RUN/tensorboard/, not checkpoints/
    scalars = {}
    for file in events:
        for tag, points in read_scalars(file).items():
            scalars.setdefault(tag, {}).update(points)
    logged = [json.loads(line) for line in result.log_path.read_text().splitlines()]
    losses = {r["step"]: r["loss"] for r in logged if "loss" in r}
    assert sorted(losses) == [1, 2, 3]
    assert scalars["train/loss"] == pytest.approx(losses, rel=1e-5)  # the same losses as train_log.jsonl
    assert scalars["eval/loss"] == pytest.approx({3: result.metrics["eval_loss"]}, rel=1e-5)
    assert set(scalars["train/learning_rate"]) == {1, 2, 3}


def test_report_to_tensorboard_without_the_package_names_the_extra(tmp_path, tiny, facts, monkeypatch):
    from medtune.errors import MissingExtraError
    from medtune.training import backends

    monkeypatch.setattr(backends, "_has", lambda name: False)
    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(tmp_path, **{"logging.report_to": ["tensorboard"], "optim.max_steps": 1})
    with pytest.raises(MissingExtraError, match=r'pip install "medtune\[tensorboard\]"'):
        Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)


def test_report_to_is_off_by_default(tmp_path):
    assert TrainConfig().logging.report_to == []
    with pytest.raises(ConfigError, match="report_to"):
        TrainConfig().with_overrides({"logging.report_to": ["mlflow"]})


# --- push_to_hub ------------------------------------------------------------------------------------------------


class FakeHfApi:
    """Stands in for ``huggingface_hub.HfApi`` and behaves like the Hub: a repo must exist before an upload."""

    calls: list = []
    repos: set = set()

    def __init__(self, *args, **kwargs):
        type(self).calls.append(("HfApi", args, kwargs))

    def create_repo(self, repo_id, *, exist_ok=False, **kwargs):
        type(self).calls.append(("create_repo", repo_id, {"exist_ok": exist_ok, **kwargs}))
        type(self).repos.add(repo_id)

    def upload_folder(self, *, folder_path, repo_id, **kwargs):
        from pathlib import Path

        files = sorted(p.name for p in Path(folder_path).iterdir())  # what would be uploaded, at call time
        type(self).calls.append(("upload_folder", repo_id, {"folder_path": folder_path, "files": files, **kwargs}))
        if repo_id not in type(self).repos:  # the Hub answers 404: upload_folder assumes the repo exists
            raise RuntimeError(f"404 Client Error: Repository Not Found for url: .../api/models/{repo_id}")


@pytest.fixture
def hub(monkeypatch):
    huggingface_hub = pytest.importorskip("huggingface_hub")
    FakeHfApi.calls, FakeHfApi.repos = [], set()
    monkeypatch.setattr(huggingface_hub, "HfApi", FakeHfApi)
    return FakeHfApi


def train_one_step(tmp_path, tiny, facts, **overrides):
    """One optimizer step of a tiny model on the facts, with these config overrides."""
    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(tmp_path, **{"optim.max_steps": 1, **overrides})
    return Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)


def test_push_to_hub_is_off_by_default(tmp_path, tiny, facts, hub):
    assert TrainConfig().output.push_to_hub is False
    result = train_one_step(tmp_path, tiny, facts, **{"output.save_merged": True})
    assert result.merged_dir is not None and (result.merged_dir / "model.safetensors").is_file()
    assert hub.calls == []  # HfApi never even constructed


def test_push_to_hub_uploads_the_merged_model_to_hub_model_id(tmp_path, tiny, facts, hub):
    hub.repos.add("me/medtune-tiny")  # an existing repo
    result = train_one_step(
        tmp_path,
        tiny,
        facts,
        **{"output.save_merged": True, "output.push_to_hub": True, "output.hub_model_id": "me/medtune-tiny"},
    )
    uploads = [c for c in hub.calls if c[0] == "upload_folder"]
    assert len(uploads) == 1
    _, repo_id, kwargs = uploads[0]
    assert repo_id == "me/medtune-tiny"
    assert kwargs["folder_path"] == str(result.merged_dir) and result.merged_dir == result.run_dir / "merged"
    # the merged weights, the tokenizer and the model card were all written before the upload
    assert {"model.safetensors", "config.json", "tokenizer.json", "README.md"} <= set(kwargs["files"])


def test_push_to_hub_uploads_the_adapter_when_no_merged_model_is_saved(tmp_path, tiny, facts, hub):
    hub.repos.add("me/medtune-adapter")
    result = train_one_step(
        tmp_path, tiny, facts, **{"output.push_to_hub": True, "output.hub_model_id": "me/medtune-adapter"}
    )
    uploads = [c for c in hub.calls if c[0] == "upload_folder"]
    assert [(u[1], u[2]["folder_path"]) for u in uploads] == [("me/medtune-adapter", str(result.adapter_dir))]
    assert "adapter_model.safetensors" in uploads[0][2]["files"]


def test_push_to_hub_creates_the_repo_when_it_does_not_exist(tmp_path, tiny, facts, hub):
    train_one_step(
        tmp_path,
        tiny,
        facts,
        **{"output.save_merged": True, "output.push_to_hub": True, "output.hub_model_id": "me/brand-new"},
    )
    assert [c[0] for c in hub.calls if c[0] != "HfApi"] == ["create_repo", "upload_folder"]
    assert hub.calls[-2][2]["exist_ok"] is True


def test_push_to_hub_without_hub_model_id_is_a_config_error(capsys):
    with pytest.raises(ConfigError, match=r"output\.push_to_hub needs output\.hub_model_id"):
        TrainConfig().with_overrides({"output.push_to_hub": True})
    with pytest.raises(ConfigError, match="hub_model_id"):
        TrainConfig.from_dict({"output": {"push_to_hub": True, "hub_model_id": None}})
    assert TrainConfig().with_overrides({"output.push_to_hub": True, "output.hub_model_id": "me/x"}).output.push_to_hub

    from medtune.cli.main import main

    code = main(["train", "--set", "output.push_to_hub=true", "--print-config"])
    err = capsys.readouterr().err
    assert code == 2 and "hub_model_id" in err
