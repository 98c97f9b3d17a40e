"""The run directory: what an earlier run left, rejects, metrics, the adapter and merged model, run.json, the card.

A run directory holds::

    config.yaml          the validated config
    checkpoints/         checkpoint-N/ (each committed by medtune-commit.json)
    train_log.jsonl      one line per logging step: loss, learning_rate, tokens_per_second, eval_loss, ...
    rejects.jsonl        examples rejected at tokenization, with the reason (only when there are some)
    adapter/             the LoRA adapter (safetensors) and the tokenizer
    merged/              the base model with the adapter merged, 16-bit safetensors, tokenizer + chat template
    run.json             the facts of the run (data, hyperparameters, metrics, hardware, versions)
    README.md            the model card, rendered from run.json

Nothing here imports torch or transformers at import time; the functions that save models get them from the
objects they are given (or import them when called).
"""

from __future__ import annotations

import json
import logging
import os
import platform
import shutil
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from medtune._extras import require
from medtune.errors import ConfigError
from medtune.io.files import atomic_write_text
from medtune.models.prompts import ALPACA_CHAT_TEMPLATE
from medtune.training.checkpoint import discard_incomplete, latest_checkpoint, list_checkpoints

if TYPE_CHECKING:
    from medtune.data.dataset import Dataset
    from medtune.training.backends import BackendChoice
    from medtune.training.config import TrainConfig
    from medtune.training.formatting import TokenizationReport
    from medtune.training.plan import Plan

__all__ = [
    "RunInfo",
    "TrainResult",
    "alpaca_template",
    "final_dir",
    "hardware",
    "output_listing",
    "push_to_hub",
    "read_log",
    "rejects_of",
    "resume_point",
    "run_facts",
    "save_merged",
    "save_models",
    "train_metrics",
    "versions",
    "write_card",
    "write_rejects",
]

logger = logging.getLogger("medtune.training")
_FEATURE = "LoRA training"


@dataclass
class TrainResult:
    """What a finished run produced.

    Attributes:
        run_dir: The run directory.
        metrics: ``train_loss`` (mean over the run), ``first_loss``/``final_loss`` (first and last logged),
            ``eval_loss`` (last evaluation, if any), ``steps``, ``tokens_per_second``, ``wall_time_s``.
        tokenization: What tokenization did to the training data.
        backend: ``"peft"`` or ``"unsloth"``.
        adapter_dir: The saved adapter, if saved.
        merged_dir: The merged 16-bit model, if saved.
        model_card: The model card path.
        log_path: The JSONL training log.
        resumed_from: The checkpoint the run resumed from, if any.
        model: The trained PEFT model (in memory; merged in place when ``merged_dir`` was written).
        tokenizer: Its tokenizer.
    """

    run_dir: Path
    metrics: dict[str, float]
    tokenization: TokenizationReport
    backend: str
    adapter_dir: Path | None = None
    merged_dir: Path | None = None
    model_card: Path | None = None
    log_path: Path | None = None
    resumed_from: Path | None = None
    model: Any = field(default=None, repr=False)
    tokenizer: Any = field(default=None, repr=False)


def resume_point(ckpt_dir: Path, resume: bool | str | PathLike[str], *, overwrite: bool = False) -> Path | None:
    """The checkpoint a run resumes from, after checking what an earlier run left in its directory.

    Args:
        ckpt_dir: The run's ``checkpoints/`` directory.
        resume: ``True``: the latest committed checkpoint (``None`` when there is none); a path: that checkpoint;
            ``False``: none, and the run directory must hold no checkpoints or saved models of an earlier run
            unless ``overwrite`` (then its checkpoints are removed).
        overwrite: ``output.overwrite``.

    Returns:
        The checkpoint, or ``None`` to start from scratch.

    Raises:
        ConfigError: The directory holds an earlier run, or the checkpoint is not committed.
    """
    if resume is False:
        if latest_checkpoint(ckpt_dir) is not None and not overwrite:
            raise ConfigError(
                f"{ckpt_dir} already holds checkpoints of an earlier run. Fix: resume it (resume=True, "
                "`medtune train --resume`), or choose another output.dir, or set output.overwrite: true."
            )
        outputs = [ckpt_dir.parent / name for name in ("adapter", "merged")]
        done = [p for p in outputs if p.is_dir() and any(p.iterdir())]
        if done and not overwrite:
            names = ", ".join(p.name for p in done)
            raise ConfigError(
                f"{ckpt_dir.parent} already holds the outputs of an earlier run ({names}). "
                "Fix: choose another output.dir, or set output.overwrite: true to replace them."
            )
        if overwrite and ckpt_dir.exists():
            shutil.rmtree(ckpt_dir)
        return None
    discard_incomplete(ckpt_dir)
    if resume is True:
        found = latest_checkpoint(ckpt_dir)
        if found is None:
            logger.info("no committed checkpoint in %s: starting from scratch", ckpt_dir)
        else:
            logger.info("resuming from %s", found)
        return found
    path = Path(resume)
    from medtune.training.checkpoint import is_committed

    if not is_committed(path):
        raise ConfigError(
            f"{path} is not a complete medtune checkpoint (no commit marker). Fix: pass resume=True to pick "
            f"the latest complete one; available: {[str(p) for _, p in list_checkpoints(ckpt_dir)]}"
        )
    return path


def read_log(path: Path) -> list[dict[str, Any]]:
    """The records of a ``train_log.jsonl`` (none when it does not exist)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def rejects_of(report: TokenizationReport, eval_report: TokenizationReport | None = None) -> list[dict[str, Any]]:
    """The examples tokenization rejected, each with its split (``train`` or ``eval``) and reason."""
    rejects = [{"split": "train", **r} for r in report.rejected]
    if eval_report is not None:
        rejects += [{"split": "eval", **r} for r in eval_report.rejected]
    return rejects


def write_rejects(run_dir: Path, rejects: list[dict[str, Any]]) -> None:
    """Write ``rejects.jsonl`` (and warn), when there are rejects."""
    if rejects:
        logger.warning("%d examples rejected at tokenization; see %s", len(rejects), run_dir / "rejects.jsonl")
        atomic_write_text(run_dir / "rejects.jsonl", "".join(json.dumps(r) + "\n" for r in rejects))


def train_metrics(
    training_loss: float, state: Any, logs: Iterable[Mapping[str, Any]], started: float, *, early_stopping: bool
) -> dict[str, float]:
    """The run's metrics, from transformers' final state and the training log.

    Args:
        training_loss: transformers' mean training loss over the run.
        state: transformers' ``TrainerState`` (``global_step``, ``best_metric``, ``best_model_checkpoint``).
        logs: The records of ``train_log.jsonl``.
        started: When the run started (``time.time()``).
        early_stopping: Whether early stopping ran (then the saved model is the best checkpoint's).

    Returns:
        ``train_loss``, ``steps``, ``wall_time_s``; ``first_loss``/``final_loss`` (first and last logged),
        ``tokens_per_second`` (mean over the logging steps) and ``eval_loss`` when logged; ``best_step`` with
        early stopping. DPO runs add TRL's last logged ``reward_margin`` (the mean of beta x (policy - reference
        log-probability ratio) of chosen minus rejected) and ``reward_accuracy`` (the share of pairs where chosen
        wins), and ``eval_reward_margin``/``eval_reward_accuracy`` from the last evaluation.
    """
    logs = list(logs)
    step_logs = [r for r in logs if "loss" in r]
    eval_logs = [r for r in logs if "eval_loss" in r]
    tps = [r["tokens_per_second"] for r in step_logs if r.get("tokens_per_second")]
    metrics: dict[str, float] = {
        "train_loss": float(training_loss),
        "steps": float(state.global_step),
        "wall_time_s": round(time.time() - started, 2),
    }
    if step_logs:
        metrics["first_loss"] = float(step_logs[0]["loss"])
        metrics["final_loss"] = float(step_logs[-1]["loss"])
    if tps:
        metrics["tokens_per_second"] = round(sum(tps) / len(tps), 1)
    if eval_logs:
        metrics["eval_loss"] = float(eval_logs[-1]["eval_loss"])
    for name, key in (("reward_margin", "rewards/margins"), ("reward_accuracy", "rewards/accuracies")):
        if step_logs and key in step_logs[-1]:
            metrics[name] = float(step_logs[-1][key])
        if eval_logs and f"eval_{key}" in eval_logs[-1]:
            metrics[f"eval_{name}"] = float(eval_logs[-1][f"eval_{key}"])
    if early_stopping and state.best_metric is not None:
        # the saved model is the best checkpoint's (load_best_model_at_end): report its eval loss
        metrics["eval_loss"] = float(state.best_metric)
        best = state.best_model_checkpoint
        if best:
            metrics["best_step"] = float(Path(best).name.rsplit("-", 1)[-1])
    return metrics


@contextmanager
def alpaca_template(tokenizer: Any, active: bool) -> Iterator[None]:
    """Temporarily give the tokenizer the Alpaca chat template, so the saved tokenizers render training prompts."""
    if not active:
        yield
        return
    saved = getattr(tokenizer, "chat_template", None)
    tokenizer.chat_template = ALPACA_CHAT_TEMPLATE
    try:
        yield
    finally:
        tokenizer.chat_template = saved


def final_dir(path: Path) -> Path:
    """``path`` as an empty directory (what an earlier run left there is removed)."""
    if path.exists() and any(path.iterdir()):
        shutil.rmtree(path)
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_models(model: Any, tokenizer: Any, cfg: TrainConfig, run_dir: Path) -> tuple[Any, Path | None, Path | None]:
    """Save the adapter (``output.save_adapter``) and the merged model (``output.save_merged``) with the tokenizer.

    Returns:
        The model (the merged one when it was saved), the adapter directory and the merged directory (``None``
        for what was not saved).
    """
    adapter_dir = merged_dir = None
    with alpaca_template(tokenizer, cfg.format.template == "alpaca"):
        if cfg.output.save_adapter:
            adapter_dir = final_dir(run_dir / "adapter")
            model.save_pretrained(adapter_dir, safe_serialization=True)
            tokenizer.save_pretrained(adapter_dir)
        if cfg.output.save_merged:
            merged_dir = final_dir(run_dir / "merged")
            model = save_merged(model, tokenizer, cfg, merged_dir, adapter_dir)
    return model, adapter_dir, merged_dir


def save_merged(model: Any, tokenizer: Any, cfg: TrainConfig, merged_dir: Path, adapter_dir: Path | None) -> Any:
    """Merge the adapter into the base model in ``output.merged_dtype`` and save it with the tokenizer.

    A 4-bit base is not merged into: the adapter is merged into a 16-bit copy of the base, loaded again.

    Returns:
        The merged model.
    """
    torch = require("torch", "train", _FEATURE)
    dtype = getattr(torch, cfg.output.merged_dtype)
    if cfg.model.load_in_4bit:  # pragma: no cover - CUDA only: merge into a 16-bit copy of the base
        peft = require("peft", "train", _FEATURE)
        transformers = require("transformers", "train", _FEATURE)
        from medtune.training.backends import model_path

        if adapter_dir is None:
            adapter_dir = final_dir(merged_dir.parent / "adapter")
            model.save_pretrained(adapter_dir, safe_serialization=True)
        base = transformers.AutoModelForCausalLM.from_pretrained(model_path(cfg), dtype=dtype)
        base.resize_token_embeddings(len(tokenizer))
        merged = peft.PeftModel.from_pretrained(base, str(adapter_dir)).merge_and_unload()
    else:
        merged = model.merge_and_unload()
    merged = merged.to(dtype)
    merged.save_pretrained(merged_dir, safe_serialization=True)
    tokenizer.save_pretrained(merged_dir)
    return merged


def output_listing(
    cfg: TrainConfig, *, adapter_dir: Path | None, merged_dir: Path | None, rejects: bool
) -> dict[str, str]:
    """The run directory's entries, each with what it holds (for the model card)."""
    entries = {
        "adapter/": "LoRA adapter (safetensors) + tokenizer" if adapter_dir else None,
        "merged/": f"merged {cfg.output.merged_dtype} model (safetensors) + tokenizer and chat template"
        if merged_dir
        else None,
        "train_log.jsonl": "loss, learning rate, tokens/s and eval loss per logging step",
        "checkpoints/": "resumable checkpoints" if cfg.checkpointing.save_strategy != "no" else None,
        "rejects.jsonl": "examples rejected at tokenization" if rejects else None,
        "run.json": "the facts this card is rendered from",
    }
    return {k: v for k, v in entries.items() if v}


class RunInfo(Protocol):
    """What :func:`run_facts` reads of a run (the trainer's record of it).

    Attributes:
        base_name: The base model's name or path.
        choice: The backend that ran, and why.
        optimizer: The optimizer that ran.
        dtype: The training dtype.
        train_ds: The training records.
        eval_ds: The evaluation records, if any.
        report: What tokenization did to the training records.
        eval_report: What tokenization did to the evaluation records, if any.
        started: When the run started (``time.time()``).
        resume_from: The checkpoint the run resumed from, if any.
        card_profile: The model card profile's name.
        plan: The padding-free, batching and checkpointing decisions.
        pad_note: What was done about the tokenizer's pad token.
    """

    base_name: str | None
    choice: BackendChoice
    optimizer: str
    dtype: Any
    train_ds: Dataset
    eval_ds: Dataset | None
    report: TokenizationReport
    eval_report: TokenizationReport | None
    started: float
    resume_from: Path | None
    card_profile: str
    plan: Plan
    pad_note: str


def run_facts(
    cfg: TrainConfig, run: RunInfo, metrics: Mapping[str, float], outputs: Mapping[str, str]
) -> dict[str, Any]:
    """The facts of a run, as ``run.json`` records them and the model card renders them.

    Args:
        cfg: The run's config.
        run: What the run was (see :class:`RunInfo`).
        metrics: The run's metrics (see :func:`train_metrics`).
        outputs: The run directory's entries (see :func:`output_listing`).

    Returns:
        The facts, JSON-serialisable.
    """
    train_ds, eval_ds, report, eval_report = run.train_ds, run.eval_ds, run.report, run.eval_report
    load = train_ds.load_report.to_dict() if train_ds.load_report is not None else None
    return {
        "name": f"{Path(run.base_name).name if run.base_name else 'model'} + medtune LoRA",
        "base_model": run.base_name,
        "backend": run.choice.name,
        "backend_reason": run.choice.reason,
        "optimizer": run.optimizer,
        "dtype": str(run.dtype).removeprefix("torch."),
        "config": cfg.model_dump(mode="json"),
        "data": {
            "source": cfg.data.train or (load or {}).get("source"),
            "train_records": len(train_ds),
            "eval_records": len(eval_ds) if eval_ds is not None else 0,
            "tokenization": report.to_dict(),
            "eval_tokenization": eval_report.to_dict() if eval_report else None,
            "load_report": load,
        },
        "metrics": dict(metrics),
        "hardware": hardware(),
        "versions": versions(),
        "wall_time_s": metrics.get("wall_time_s"),
        "started": datetime.fromtimestamp(run.started, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
        "resumed_from": str(run.resume_from) if run.resume_from else None,
        "card_profile": run.card_profile,
        **run.plan.facts(),
        "tokenizer": run.pad_note,
        "outputs": dict(outputs),
    }


def write_card(run_dir: Path, facts: Mapping[str, Any], model_dirs: Iterable[Path | None] = ()) -> Path:
    """Write ``run.json`` and the model card rendered from it (``README.md``), also into each saved model directory.

    Returns:
        The run directory's model card.
    """
    from medtune.cards.writer import write_model_card

    atomic_write_text(run_dir / "run.json", json.dumps(facts, indent=2, default=str))
    return write_model_card(dict(facts), run_dir, [d for d in model_dirs if d is not None])


def push_to_hub(cfg: TrainConfig, adapter_dir: Path | None, merged_dir: Path | None) -> None:
    """Upload the merged model (else the adapter) to ``output.hub_model_id`` when ``output.push_to_hub``."""
    target = merged_dir or adapter_dir
    if not cfg.output.push_to_hub or target is None:
        return
    hub = require("huggingface_hub", "train", "push_to_hub")
    api = hub.HfApi()
    api.create_repo(cfg.output.hub_model_id, repo_type="model", exist_ok=True)
    api.upload_folder(folder_path=str(target), repo_id=cfg.output.hub_model_id, repo_type="model")


def hardware() -> dict[str, Any]:
    """The training device, CPU count and platform."""
    torch = require("torch", "train", _FEATURE)
    if torch.cuda.is_available():
        device = f"{torch.cuda.get_device_name(0)} x{torch.cuda.device_count()}"
    else:
        device = f"CPU ({platform.processor() or platform.machine()})"
    return {"device": device, "cpu_count": os.cpu_count(), "platform": platform.platform()}


def versions() -> dict[str, str]:
    """The installed versions of medtune and the training libraries."""
    from importlib import metadata

    out = {}
    for name in ("medtune", "torch", "transformers", "peft", "trl", "unsloth"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out
