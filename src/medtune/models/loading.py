"""The one loader of a causal LM, its tokenizer and an optional LoRA adapter, for evaluation and serving.

:func:`choose_model` decides what evaluation loads: the merged model of a training run when the run saved one (the
weights ``medtune serve`` and export use), else the base model + the adapter. :func:`merge_gap` measures how far the
unmerged adapter's logits are from the merged model's, so a report of an unmerged adapter says what it stands for.

Training loads its base model through its backend (quantization and LoRA wrapping are training's business), with
the same name resolution (:func:`medtune.models.embedded.model_source`) and dtype rule
(:func:`medtune.models.dtype.resolve_dtype`). torch, transformers and peft are imported when a model is loaded.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from medtune._extras import require
from medtune.errors import ConfigError
from medtune.models.dtype import resolve_device, resolve_dtype

__all__ = [
    "ModelChoice",
    "choose_model",
    "describe_model",
    "load_model",
    "merge_gap",
    "merged_of_run",
    "resolve_model_and_adapter",
]

logger = logging.getLogger("medtune.models")

_TOKENIZER_FILES = ("tokenizer_config.json", "tokenizer.json", "tokenizer.model")
_WEIGHT_SUFFIXES = (".safetensors", ".bin")


def _source(name: str) -> str:
    """A local model directory for ``name`` (a path, a cached Hub id or the embedded default), or a Hub id."""
    from medtune.models.embedded import model_source

    return model_source(name)


def resolve_model_and_adapter(model: str | Path, adapter: str | Path | None = None) -> tuple[str, str | None]:
    """The base model directory and the adapter directory (or ``None``) to load.

    An adapter directory given as ``model`` (it holds ``adapter_config.json``) is loaded on top of the base model
    named in that file.

    Raises:
        ConfigError: A path does not exist, or an adapter lacks its config or does not name its base.
    """
    model = str(model)
    adapter = None if adapter is None else str(adapter)
    if adapter is None and (Path(model) / "adapter_config.json").is_file():
        adapter, model = model, ""
    if adapter is not None:
        cfg_path = Path(adapter) / "adapter_config.json"
        if not cfg_path.is_file():
            raise ConfigError(
                f"adapter '{adapter}' has no adapter_config.json. Fix: pass the folder a LoRA training run saved "
                "(it holds adapter_config.json and adapter_model.safetensors)."
            )
        if not model:
            base = json.loads(cfg_path.read_text(encoding="utf-8")).get("base_model_name_or_path")
            if not base:
                raise ConfigError(
                    f"{cfg_path} does not name its base model. Fix: pass the base model as well as the adapter "
                    f"(e.g. `medtune serve BASE_MODEL --adapter {adapter}`)."
                )
            model = base
    return _source(model), adapter


def _tokenizer_dir(base: str, adapter: str | None) -> str:
    """The adapter's folder when it holds a tokenizer (a medtune run saves one with its template), else the base."""
    if adapter is not None and any((Path(adapter) / name).is_file() for name in _TOKENIZER_FILES):
        return adapter
    return base


def load_model(
    model: str | Path | tuple[Any, Any],
    adapter: str | Path | None = None,
    *,
    device: str | None = "auto",
    dtype: str = "auto",
    merge_adapter: bool = False,
) -> tuple[Any, Any]:
    """Load a causal LM and its tokenizer, in eval mode.

    Args:
        model: A model directory, a name that :func:`medtune.models.embedded.model_source` resolves offline
            (``embedded`` is SmolLM2-135M-Instruct), an adapter directory (its ``adapter_config.json`` names the
            base), or an in-memory ``(model, tokenizer)`` pair.
        adapter: A LoRA adapter directory applied on top of ``model``.
        device: ``auto`` (or ``None``: CUDA when available), ``cpu``, ``cuda``, ``cuda:N`` or ``mps``.
        dtype: ``auto`` (see :func:`medtune.models.dtype.auto_dtype_name`), ``float32``, ``bfloat16`` or
            ``float16``.
        merge_adapter: Merge the adapter into the weights (faster generation; no peft needed afterwards).

    Returns:
        ``(model, tokenizer)``. The tokenizer comes from the adapter directory when it has one, else from the model;
        the embeddings grow when the tokenizer has more tokens than the model (a pad token added at training).

    Raises:
        ConfigError: A path or adapter is unusable, or the dtype is unknown.
    """
    torch = require("torch", "train", "loading a model")  # noqa: F841 - a clear error before transformers
    if isinstance(model, tuple):
        lm, tok = model
        if adapter is not None:
            lm = _apply_adapter(lm, str(adapter), merge_adapter)
        lm.eval()
        return lm, tok
    transformers = require("transformers", "train", "loading a model")
    base, adapter_dir = resolve_model_and_adapter(model, adapter)
    dev = resolve_device(device)
    torch_dtype = resolve_dtype(dtype, dev)
    logger.info(
        "loading model %s%s on %s (%s)", base, f" + adapter {adapter_dir}" if adapter_dir else "", dev, torch_dtype
    )
    tok = transformers.AutoTokenizer.from_pretrained(_tokenizer_dir(base, adapter_dir))
    lm = transformers.AutoModelForCausalLM.from_pretrained(base, dtype=torch_dtype)
    if len(tok) > lm.get_input_embeddings().weight.shape[0]:
        lm.resize_token_embeddings(len(tok))
    if adapter_dir is not None:
        lm = _apply_adapter(lm, adapter_dir, merge_adapter)
    lm.to(dev)
    lm.eval()
    return lm, tok


def _apply_adapter(lm: Any, adapter: str, merge: bool) -> Any:
    peft = require("peft", "train", "loading a LoRA adapter")
    lm = peft.PeftModel.from_pretrained(lm, adapter)
    return lm.merge_and_unload() if merge else lm


# --- which weights an evaluation loads ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelChoice:
    """The weights to load for an evaluation, and why.

    Attributes:
        model: What :func:`load_model` gets as ``model`` (the merged model directory when ``kind`` is ``merged``;
            empty when an adapter is loaded on the base its ``adapter_config.json`` names).
        adapter: What :func:`load_model` gets as ``adapter`` (``None`` unless ``kind`` is ``adapter``).
        kind: ``merged`` (a training run's merged model), ``adapter`` (base + unmerged LoRA adapter) or ``model``
            (any other model).
        path: The directory (or name) that identifies the weights: the merged model, the adapter, the model.
        reason: Why these weights, in one phrase, for reports.
    """

    model: str
    adapter: str | None
    kind: Literal["merged", "adapter", "model"]
    path: str
    reason: str = ""

    def describe(self) -> str:
        """``merged model at PATH``, ``base + adapter at PATH`` or ``model PATH``."""
        if self.kind == "merged":
            return f"merged model at {self.path}"
        if self.kind == "adapter":
            return f"base + adapter at {self.path}"
        return f"model {self.path}"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON, as reports record it."""
        return {
            "kind": self.kind,
            "path": self.path,
            "base": (self.model or None) if self.kind == "adapter" else None,
            "evaluated": self.describe(),
            "reason": self.reason,
        }


def _has_weights(path: Path) -> bool:
    return path.is_dir() and any(f.suffix in _WEIGHT_SUFFIXES for f in path.iterdir())


def _run_lists_merged(run_dir: Path) -> bool | None:
    """Whether the run's ``run.json`` lists ``merged/`` among its outputs (``None``: no readable run.json)."""
    try:
        facts = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    outputs = facts.get("outputs") if isinstance(facts, dict) else None
    return None if not isinstance(outputs, dict) else "merged/" in outputs


def merged_of_run(adapter: str | Path) -> Path | None:
    """The merged model a training run saved beside ``adapter`` (``RUN/adapter`` → ``RUN/merged``), if any.

    It counts only when it is a model directory with weights, of the same run: listed in the run's ``run.json``
    outputs when there is one, else saved no earlier than the adapter (an older ``merged/`` is a previous run's).
    """
    adapter = Path(adapter)
    merged = adapter.parent / "merged"
    if not (merged / "config.json").is_file() or not _has_weights(merged):
        return None
    listed = _run_lists_merged(adapter.parent)
    if listed is not None:
        return merged if listed else None

    def newest(folder: Path) -> float:
        return max((f.stat().st_mtime for f in folder.iterdir() if f.suffix in _WEIGHT_SUFFIXES), default=0.0)

    return merged if newest(merged) >= newest(adapter) else None


def _is_adapter(path: Path) -> bool:
    return (path / "adapter_config.json").is_file()


def _same_model(a: str, b: str) -> bool:
    """Whether two model names or paths resolve to the same model (no download: unresolvable means different)."""
    if a == b:
        return True
    try:
        return Path(_source(a)).resolve() == Path(_source(b)).resolve()
    except ConfigError:
        return False


def describe_model(model: str | Path, adapter: str | Path | None = None) -> ModelChoice:
    """What loading exactly ``model`` (+ ``adapter``) evaluates, without choosing other weights.

    A directory named ``merged`` inside a training run (``run.json`` or ``adapter/`` beside it) is a merged model.
    """
    model = str(model)
    if adapter is None and _is_adapter(Path(model)):
        return ModelChoice("", model, "adapter", model, "given")
    if adapter is not None:
        return ModelChoice(model, str(adapter), "adapter", str(adapter), "given")
    path = Path(model)
    run = path.parent
    if path.name == "merged" and path.is_dir() and ((run / "run.json").is_file() or (run / "adapter").is_dir()):
        return ModelChoice(model, None, "merged", model, "given")
    return ModelChoice(model, None, "model", model, "given")


def choose_model(
    model: str | Path | None, adapter: str | Path | None = None, *, prefer_merged: bool = True
) -> ModelChoice:
    """The weights an evaluation of ``model`` (+ ``adapter``) loads: the run's merged model when it saved one.

    A training run that saved both an adapter and ``merged/`` (what ``medtune serve`` and export load) is evaluated
    on ``merged/``: generation is faster and the scores are those of the served model. Without a merged model (or
    with ``prefer_merged=False``) the base + adapter are loaded.

    Args:
        model: A model directory or name, an adapter directory, a training run directory (``run.json`` with
            ``adapter/`` and/or ``merged/``), or ``None`` with ``adapter``: the base the adapter names.
        adapter: A LoRA adapter directory applied on top of ``model``.
        prefer_merged: Use the run's merged model when there is one.

    Returns:
        The choice; :meth:`ModelChoice.describe` says which weights, for reports.

    Raises:
        ConfigError: A training run directory holds neither an adapter nor a merged model.
    """
    model = None if model is None else str(model)
    if adapter is None and model is not None:
        run = Path(model)
        if (run / "run.json").is_file() and not (run / "config.json").is_file() and not _is_adapter(run):
            if _is_adapter(run / "adapter"):
                model, adapter = None, run / "adapter"
            elif _has_weights(run / "merged"):
                return ModelChoice(str(run / "merged"), None, "merged", str(run / "merged"), "the run's merged model")
            else:
                raise ConfigError(
                    f"{run} is a training run directory but holds neither adapter/ nor merged/ with weights. "
                    "Fix: pass the model to evaluate, or train with output.save_adapter or output.save_merged."
                )
        elif _is_adapter(run):
            model, adapter = None, run
    if adapter is None:
        assert model is not None
        return describe_model(model)
    adapter = str(adapter)
    if not _is_adapter(Path(adapter)):  # load_model says what is wrong with it
        return ModelChoice(model or "", adapter, "adapter", adapter, "given")
    merged = merged_of_run(adapter)
    if merged is None:
        return ModelChoice(model or "", adapter, "adapter", adapter, "the training run saved no merged model")
    if not prefer_merged:
        reason = f"the unmerged adapter was asked for ({merged} exists)"
        return ModelChoice(model or "", adapter, "adapter", adapter, reason)
    if model:
        named = json.loads((Path(adapter) / "adapter_config.json").read_text(encoding="utf-8"))
        base = str(named.get("base_model_name_or_path") or "")
        if not _same_model(model, base):
            reason = f"the base {model} is not the one the adapter was trained on ({base}), so not {merged}"
            return ModelChoice(model, adapter, "adapter", adapter, reason)
    return ModelChoice(
        str(merged), None, "merged", str(merged), f"the training run saved it beside {adapter} (what serve loads)"
    )


def merge_gap(model: Any, prompts: Sequence[Sequence[int]]) -> dict[str, Any]:
    """How far an unmerged LoRA model's logits are from the same adapter merged into the weights.

    The adapter is merged into an in-memory copy (``merge_and_unload``); both models score the same prompts, one
    forward pass each, and the absolute logit differences over every position and vocabulary entry are summarised.

    Args:
        model: A peft model with an unmerged adapter (as :func:`load_model` returns it).
        prompts: Token ids of a few prompts (each scored alone, no padding).

    Returns:
        ``{"prompts", "positions", "max_abs", "mean_abs", "dtype"}`` (plain JSON).
    """
    torch = require("torch", "train", "comparing an adapter with its merged model")
    merged = copy.deepcopy(model).merge_and_unload()
    merged.eval()
    device = next(model.parameters()).device
    largest, total, count, positions = 0.0, 0.0, 0, 0
    with torch.no_grad():
        for ids in prompts:
            if not ids:
                continue
            x = torch.tensor([list(ids)], device=device)
            diff = (model(input_ids=x).logits.float() - merged(input_ids=x).logits.float()).abs()
            largest = max(largest, float(diff.max()))
            total += float(diff.sum())
            count += diff.numel()
            positions += x.shape[1]
    del merged
    return {
        "prompts": sum(1 for ids in prompts if ids),
        "positions": positions,
        "max_abs": largest,
        "mean_abs": total / count if count else 0.0,
        "dtype": str(next(model.parameters()).dtype).replace("torch.", ""),
    }
