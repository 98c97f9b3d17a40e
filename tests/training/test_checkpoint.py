import json

from medtune.training.checkpoint import (
    COMMIT_FILE,
    atomic_write_text,
    commit_checkpoint,
    discard_incomplete,
    is_committed,
    latest_checkpoint,
    list_checkpoints,
)


def make_ckpt(root, step, *, commit=True):
    path = root / f"checkpoint-{step}"
    path.mkdir(parents=True)
    (path / "adapter_model.safetensors").write_bytes(b"x" * 10)
    if commit:
        commit_checkpoint(path, step)
    return path


def test_latest_checkpoint_ignores_uncommitted_ones(tmp_path):
    assert latest_checkpoint(tmp_path / "none") is None
    c2 = make_ckpt(tmp_path, 2)
    c10 = make_ckpt(tmp_path, 10)
    make_ckpt(tmp_path, 12, commit=False)  # a crash mid-save
    (tmp_path / "checkpoint-x").mkdir()
    assert [s for s, _ in list_checkpoints(tmp_path)] == [2, 10, 12]
    assert latest_checkpoint(tmp_path) == c10
    assert json.loads((c2 / COMMIT_FILE).read_text())["files"] == ["adapter_model.safetensors"]
    assert [p.name for p in discard_incomplete(tmp_path)] == ["checkpoint-12"]
    assert [s for s, _ in list_checkpoints(tmp_path)] == [2, 10]


def test_a_checkpoint_missing_a_committed_file_is_not_complete(tmp_path):
    c = make_ckpt(tmp_path, 4)
    assert is_committed(c)
    (c / "adapter_model.safetensors").unlink()
    assert not is_committed(c)
    (c / COMMIT_FILE).write_text("{not json")
    assert not is_committed(c)


def test_atomic_write_leaves_no_temporary_file(tmp_path):
    path = atomic_write_text(tmp_path / "a" / "f.json", "1")
    atomic_write_text(path, "2")
    assert path.read_text() == "2" and [p.name for p in path.parent.iterdir()] == ["f.json"]
