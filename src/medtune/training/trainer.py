"""``medtune.training.Trainer``: one API over the peft and unsloth backends, driven by a :class:`TrainConfig`.

The loop is transformers' ``Trainer`` on examples that medtune tokenizes and masks
itself (see :mod:`medtune.training.formatting`), so the masking, EOS and truncation rules are medtune's and are
tested here, while batching, gradient accumulation (loss normalised by the number of trained tokens of the whole
accumulated batch), checkpoint contents and resume come from transformers.

A run directory holds::

    config.yaml          the validated config
    checkpoints/         checkpoint-N/ (each committed by medtune-commit.json)
    train_log.jsonl      one line per logging step: loss, learning_rate, tokens_per_second, eval_loss, ...
    rejects.jsonl        examples rejected at tokenization, with the reason (only when there are some)
    adapter/             the LoRA adapter (safetensors) and the tokenizer
    merged/              the base model with the adapter merged, 16-bit safetensors, tokenizer + chat template
    run.json             the facts of the run (data, hyperparameters, metrics, hardware, versions)
    README.md            the model card, rendered from run.json
"""

from __future__ import annotations

import copy
import json
import logging
import math
import os
import platform
import shutil
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtune._extras import require
from medtune.errors import ConfigError, MissingExtraError
from medtune.training.checkpoint import (
    atomic_write_text,
    commit_checkpoint,
    discard_incomplete,
    latest_checkpoint,
    list_checkpoints,
)
from medtune.training.config import TrainConfig
from medtune.training.formatting import ALPACA_CHAT_TEMPLATE, TokenizationReport, ensure_pad_token, tokenize_dataset

if TYPE_CHECKING:
    from medtune.data.dataset import Dataset
    from medtune.plugins.manager import PluginManager

__all__ = ["Collator", "StepCollator", "TrainResult", "Trainer"]

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


class Trainer:
    """Fine-tune a causal LM with LoRA on a :class:`medtune.Dataset`.

    Args:
        config: The run's settings; ``TrainConfig()`` (the recipe's defaults) when omitted.
        model: An already-loaded transformers causal LM (e.g. a tiny test model); loaded from
            ``config.model.path`` by the backend when omitted.
        tokenizer: Its tokenizer (required with ``model``).
        plugin_manager: Receives the lifecycle hooks; the process-wide manager by default.

    Example (not run here; see docs/training.md)::

        from medtune import Dataset
        from medtune.training import TrainConfig, Trainer

        config = TrainConfig.from_yaml("train.yaml")
        result = Trainer(config).train(Dataset.load("train.jsonl"))
        print(result.metrics["final_loss"], result.merged_dir)
    """

    def __init__(
        self,
        config: TrainConfig | None = None,
        *,
        model: Any = None,
        tokenizer: Any = None,
        plugin_manager: PluginManager | None = None,
    ) -> None:
        if (model is None) != (tokenizer is None):
            raise ConfigError("pass both model= and tokenizer=, or neither (then config.model.path is loaded)")
        self.config = config or TrainConfig()
        self._model = model
        self._tokenizer = tokenizer
        self._pm = plugin_manager

    # --- public --------------------------------------------------------------------------------------------

    def train(
        self,
        train_dataset: Dataset | None = None,
        eval_dataset: Dataset | None = None,
        *,
        resume: bool | str | PathLike[str] = False,
    ) -> TrainResult:
        """Train, save the outputs and write the model card.

        Args:
            train_dataset: Training records; loaded from ``config.data.train`` when omitted.
            eval_dataset: Evaluation records; otherwise ``config.data.eval``, or ``config.eval.split`` of the
                training records, or none.
            resume: ``True`` resumes from the latest committed checkpoint of the run directory (starting fresh
                if there is none); a path resumes from that checkpoint; ``False`` starts fresh and refuses a run
                directory that already has checkpoints unless ``output.overwrite``.

        Returns:
            The run's outputs and metrics.

        Raises:
            ConfigError: Bad settings for this machine or data (the message says which and how to fix it).
            MedtuneError: Every example was rejected, or the data cannot be used.
        """
        transformers = require("transformers", "train", _FEATURE)
        require("peft", "train", _FEATURE)
        from medtune.training.backends import get_backend, resolve_dtype, resolve_optimizer, select_backend

        cfg = self.config
        started = time.time()
        from medtune.training.model_card import resolve_card_profile

        card_profile = resolve_card_profile(cfg.output.card_profile)  # a typo fails now, not after training
        run_dir = Path(cfg.output.dir)
        ckpt_dir = run_dir / "checkpoints"
        resume_from = self._resume_point(ckpt_dir, resume)

        train_ds, eval_ds = self._datasets(train_dataset, eval_dataset)

        # --- model -----------------------------------------------------------------------------------------
        if self._model is not None:
            from medtune.training.backends import BackendChoice

            choice = BackendChoice("peft", "an in-memory model was passed to Trainer")
            backend = get_backend("peft")
            model, tokenizer = self._model, self._tokenizer
            base_name = getattr(getattr(model, "config", None), "_name_or_path", None) or None
        else:
            choice = select_backend(cfg.model.backend)
            backend = get_backend(choice.name)
            model, tokenizer = backend.load(cfg)
            base_name = cfg.model.path
        pad_note = ensure_pad_token(tokenizer, model)
        logger.info("%s", pad_note)
        optimizer, optim_warning = resolve_optimizer(cfg.optim.optimizer)
        if optim_warning:
            logger.warning("%s", optim_warning)
        torch = require("torch", "train", _FEATURE)
        model.config.pad_token_id = tokenizer.pad_token_id
        if getattr(model, "generation_config", None) is not None:
            model.generation_config.pad_token_id = tokenizer.pad_token_id
            model.generation_config.eos_token_id = tokenizer.eos_token_id
        # No KV cache while training: it is useless there, and with a cache transformers ignores the sequence
        # boundaries that position_ids mark in padding-free / packed batches (examples would attend to each other).
        model.config.use_cache = False
        padding_free, padding_free_reason = _decide_padding_free(cfg, backend)
        logger.info("padding-free micro-batches: %s (%s)", "on" if padding_free else "off", padding_free_reason)
        budget, budget_reason = _resolve_budget(cfg, model, choice.name, padding_free=padding_free)
        logger.info("batching: %s", budget_reason)
        checkpointing, checkpointing_reason = _decide_checkpointing(cfg, model, choice.name, budget)
        logger.info("activation checkpointing: %s (%s)", _on_off(checkpointing, choice.name), checkpointing_reason)
        wrap_model = cfg.model.model_copy(update={"gradient_checkpointing": checkpointing})
        wrap_cfg = cfg.model_copy(update={"model": wrap_model})
        model = backend.wrap(model, wrap_cfg)
        dtype = next((p.dtype for p in model.parameters() if p.is_floating_point()), torch.float32)
        if cfg.model.dtype != "auto" or self._model is None:
            dtype = resolve_dtype(cfg.model.dtype)

        # --- data ------------------------------------------------------------------------------------------
        train_tok, report = tokenize_dataset(train_ds, tokenizer, cfg.format)
        logger.info("train data: %s", report.summary())
        if report.truncated:
            logger.warning(
                "%d of %d training examples were longer than format.max_seq_length=%d and were truncated "
                "(set format.truncation: reject to drop them instead)",
                report.truncated,
                report.examples,
                cfg.format.max_seq_length,
            )
        eval_tok, eval_report = (None, None)
        if eval_ds is not None:
            eval_tok, eval_report = tokenize_dataset(eval_ds, tokenizer, cfg.format)
            logger.info("eval data: %s", eval_report.summary())
        main = _is_main_process()  # under torchrun / accelerate launch only rank 0 writes the run's files
        run_dir.mkdir(parents=True, exist_ok=True)
        rejects = [{"split": "train", **r} for r in report.rejected]
        if eval_report is not None:
            rejects += [{"split": "eval", **r} for r in eval_report.rejected]
        if rejects and main:
            logger.warning("%d examples rejected at tokenization; see %s", len(rejects), run_dir / "rejects.jsonl")
            atomic_write_text(run_dir / "rejects.jsonl", "".join(json.dumps(r) + "\n" for r in rejects))
        if main:
            cfg.to_yaml(run_dir / "config.yaml")

        # --- loop ------------------------------------------------------------------------------------------
        log_path = run_dir / "train_log.jsonl"
        if resume_from is None and log_path.exists() and main:
            log_path.unlink()
        pm = self._plugin_manager()
        args = self._training_args(
            transformers, ckpt_dir, optimizer, dtype, eval_tok is not None, choice.name, checkpointing, budget
        )
        if cfg.format.packing:
            from trl.data_utils import pack_dataset

            train_tok = pack_dataset(train_tok, cfg.format.max_seq_length, strategy="bfd")
            logger.info("packed %d examples into %d sequences", report.kept, len(train_tok))
        callbacks = _make_callbacks(transformers, cfg, log_path, pm, resume_from)
        if cfg.eval.early_stopping_patience is not None:
            callbacks.append(
                transformers.EarlyStoppingCallback(
                    early_stopping_patience=cfg.eval.early_stopping_patience,
                    early_stopping_threshold=cfg.eval.early_stopping_threshold,
                )
            )
        sft = _hf_trainer_class(transformers)(
            model=model,
            args=args,
            train_dataset=train_tok,
            eval_dataset=eval_tok,
            data_collator=Collator(
                tokenizer.pad_token_id, padding_free=padding_free, host_lengths=choice.name == "unsloth"
            ),
            processing_class=tokenizer,
            callbacks=callbacks,
        )
        sft.medtune_batching = _Batching(
            budget=budget,
            examples_per_step=cfg.effective_batch_size,
            pool_steps=cfg.optim.length_group_pool,
            seed=cfg.optim.seed,
            loss_denominator=cfg.optim.loss_denominator,
            trained_tokens=report.trained_tokens,
        )
        sft.remove_callback(transformers.trainer_callback.PrinterCallback)  # medtune logs instead
        for callback in sft.callback_handler.callbacks:  # TensorBoard events go to RUN/tensorboard/, not checkpoints/
            if type(callback).__name__ == "TensorBoardCallback" and getattr(callback, "logging_dir", None) is None:
                callback.logging_dir = str(run_dir / "tensorboard")
        if main:
            pm.hook.medtune_train_begin(config=cfg, run_dir=run_dir)
        output = sft.train(resume_from_checkpoint=str(resume_from) if resume_from else None)
        model = sft.model
        if eval_tok is not None and not any("eval_loss" in r for r in _read_log(log_path)):
            sft.evaluate()  # the run ended before its first scheduled evaluation: evaluate the final adapter once
        model.config.use_cache = True
        if not sft.is_world_process_zero():  # the other ranks of a multi-GPU run: rank 0 writes the outputs
            sft.accelerator.wait_for_everyone()
            metrics = {"train_loss": float(output.training_loss), "steps": float(sft.state.global_step)}
            return TrainResult(run_dir, metrics, report, choice.name, model=model, tokenizer=tokenizer)

        # --- outputs ---------------------------------------------------------------------------------------
        logs = _read_log(log_path)
        step_logs = [r for r in logs if "loss" in r]
        eval_logs = [r for r in logs if "eval_loss" in r]
        tps = [r["tokens_per_second"] for r in step_logs if r.get("tokens_per_second")]
        metrics: dict[str, float] = {
            "train_loss": float(output.training_loss),
            "steps": float(sft.state.global_step),
            "wall_time_s": round(time.time() - started, 2),
        }
        if step_logs:
            metrics["first_loss"] = float(step_logs[0]["loss"])
            metrics["final_loss"] = float(step_logs[-1]["loss"])
        if tps:
            metrics["tokens_per_second"] = round(sum(tps) / len(tps), 1)
        if eval_logs:
            metrics["eval_loss"] = float(eval_logs[-1]["eval_loss"])
        if cfg.eval.early_stopping_patience is not None and sft.state.best_metric is not None:
            # the saved model is the best checkpoint's (load_best_model_at_end): report its eval loss
            metrics["eval_loss"] = float(sft.state.best_metric)
            best = sft.state.best_model_checkpoint
            if best:
                metrics["best_step"] = float(Path(best).name.rsplit("-", 1)[-1])

        with _alpaca_template(tokenizer, cfg.format.template == "alpaca"):
            adapter_dir = merged_dir = None
            if cfg.output.save_adapter:
                adapter_dir = self._final_dir(run_dir / "adapter")
                model.save_pretrained(adapter_dir, safe_serialization=True)
                tokenizer.save_pretrained(adapter_dir)
            if cfg.output.save_merged:
                merged_dir = self._final_dir(run_dir / "merged")
                model = self._save_merged(model, tokenizer, merged_dir, adapter_dir)
        facts = self._facts(
            cfg, base_name, choice, optimizer, dtype, train_ds, eval_ds, report, eval_report, metrics, started
        )
        facts["resumed_from"] = str(resume_from) if resume_from else None
        facts["card_profile"] = card_profile.name
        facts["gradient_checkpointing"] = {
            "enabled": _on_off(checkpointing, choice.name),
            "reason": checkpointing_reason,
        }
        facts["batching"] = budget_reason
        facts["padding_free"] = {"enabled": padding_free, "reason": padding_free_reason}
        facts["tokenizer"] = pad_note
        facts["outputs"] = {
            k: v
            for k, v in {
                "adapter/": "LoRA adapter (safetensors) + tokenizer" if adapter_dir else None,
                "merged/": f"merged {cfg.output.merged_dtype} model (safetensors) + tokenizer and chat template"
                if merged_dir
                else None,
                "train_log.jsonl": "loss, learning rate, tokens/s and eval loss per logging step",
                "checkpoints/": "resumable checkpoints" if cfg.checkpointing.save_strategy != "no" else None,
                "rejects.jsonl": "examples rejected at tokenization" if rejects else None,
                "run.json": "the facts this card is rendered from",
            }.items()
            if v
        }
        from medtune.training.model_card import render_model_card

        atomic_write_text(run_dir / "run.json", json.dumps(facts, indent=2, default=str))
        card = render_model_card(facts)
        card_path = atomic_write_text(run_dir / "README.md", card)
        for d in (adapter_dir, merged_dir):
            if d is not None:
                atomic_write_text(d / "README.md", card)
        if cfg.output.push_to_hub:  # pragma: no cover - needs network and credentials
            target = merged_dir or adapter_dir
            if target is not None:
                hub = require("huggingface_hub", "train", "push_to_hub")
                api = hub.HfApi()
                api.create_repo(cfg.output.hub_model_id, repo_type="model", exist_ok=True)
                api.upload_folder(folder_path=str(target), repo_id=cfg.output.hub_model_id, repo_type="model")
        pm.hook.medtune_train_end(run_dir=run_dir, metrics=metrics)
        sft.accelerator.wait_for_everyone()
        return TrainResult(
            run_dir=run_dir,
            metrics=metrics,
            tokenization=report,
            backend=choice.name,
            adapter_dir=adapter_dir,
            merged_dir=merged_dir,
            model_card=card_path,
            log_path=log_path,
            resumed_from=resume_from,
            model=model,
            tokenizer=tokenizer,
        )

    # --- helpers -----------------------------------------------------------------------------------------

    def _plugin_manager(self) -> PluginManager:
        if self._pm is None:
            from medtune.plugins.manager import get_plugin_manager

            self._pm = get_plugin_manager()
        return self._pm

    def _resume_point(self, ckpt_dir: Path, resume: bool | str | PathLike[str]) -> Path | None:
        if resume is False:
            if latest_checkpoint(ckpt_dir) is not None and not self.config.output.overwrite:
                raise ConfigError(
                    f"{ckpt_dir} already holds checkpoints of an earlier run. Fix: resume it (resume=True, "
                    "`medtune train --resume`), or choose another output.dir, or set output.overwrite: true."
                )
            outputs = [ckpt_dir.parent / name for name in ("adapter", "merged")]
            done = [p for p in outputs if p.is_dir() and any(p.iterdir())]
            if done and not self.config.output.overwrite:
                names = ", ".join(p.name for p in done)
                raise ConfigError(
                    f"{ckpt_dir.parent} already holds the outputs of an earlier run ({names}). "
                    "Fix: choose another output.dir, or set output.overwrite: true to replace them."
                )
            if self.config.output.overwrite and ckpt_dir.exists():
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

    def _datasets(self, train: Dataset | None, evaluation: Dataset | None) -> tuple[Dataset, Dataset | None]:
        from medtune.data.dataset import Dataset

        cfg = self.config
        if train is None:
            if not cfg.data.train:
                raise ConfigError(
                    "no training data: pass a Dataset to Trainer.train(), or set data.train in the config "
                    "(a file path, or sample:medical)"
                )
            train = Dataset.load(_data_path(cfg.data.train), format=cfg.data.format)
        if evaluation is None and cfg.data.eval:
            evaluation = Dataset.load(_data_path(cfg.data.eval), format=cfg.data.format)
        if evaluation is None and cfg.eval.split > 0:
            splits = train.split(validation=cfg.eval.split, seed=cfg.optim.seed)
            if splits.validation is None:
                raise ConfigError(
                    f"eval.split={cfg.eval.split} of {len(train)} records leaves no evaluation record. "
                    "Fix: raise eval.split or pass an eval dataset."
                )
            train, evaluation = splits.train, splits.validation
        if (cfg.eval.steps is not None or cfg.eval.early_stopping_patience is not None) and evaluation is None:
            raise ConfigError("eval.steps / early stopping need evaluation data: set eval.split or data.eval")
        return train, evaluation

    def _training_args(
        self,
        transformers: Any,
        ckpt_dir: Path,
        optimizer: str,
        dtype: Any,
        has_eval: bool,
        backend: str,
        checkpointing: bool | None = None,
        budget: int | None = None,
    ) -> Any:
        import dataclasses

        torch = require("torch", "train", _FEATURE)
        cfg = self.config
        names = {f.name for f in dataclasses.fields(transformers.TrainingArguments)}
        cuda = _cuda()
        from medtune.training.backends import _has

        if "tensorboard" in cfg.logging.report_to and not (_has("tensorboard") or _has("tensorboardX")):
            raise MissingExtraError("tensorboard", "tensorboard", "logging.report_to: [tensorboard]")
        token_budget = budget is not None
        workers = cfg.optim.dataloader_workers
        kwargs: dict[str, Any] = {
            "output_dir": str(ckpt_dir),
            "num_train_epochs": cfg.optim.epochs,
            "max_steps": cfg.optim.max_steps or -1,
            # with a token budget one loader batch is a whole optimizer step, cut into micro-batches by training_step
            "per_device_train_batch_size": cfg.effective_batch_size if token_budget else cfg.optim.batch_size,
            "per_device_eval_batch_size": cfg.optim.batch_size,
            "gradient_accumulation_steps": 1 if token_budget else cfg.optim.gradient_accumulation_steps,
            "learning_rate": cfg.optim.learning_rate,
            "lr_scheduler_type": cfg.optim.lr_scheduler,
            "weight_decay": cfg.optim.weight_decay,
            "max_grad_norm": cfg.optim.max_grad_norm,
            "optim": optimizer,
            "seed": cfg.optim.seed,
            "data_seed": cfg.optim.seed,
            "logging_steps": cfg.logging.logging_steps,
            "logging_first_step": True,
            "report_to": list(cfg.logging.report_to) or "none",
            "disable_tqdm": True,
            "save_strategy": cfg.checkpointing.save_strategy,
            "save_steps": cfg.checkpointing.save_steps,
            "save_total_limit": cfg.checkpointing.save_total_limit,
            "eval_strategy": ("steps" if cfg.eval.steps else "epoch") if has_eval else "no",
            "eval_steps": cfg.eval.steps,
            "bf16": cuda and dtype == torch.bfloat16,
            "fp16": cuda and dtype == torch.float16,
            "use_cpu": not cuda,
            # unsloth applies its own checkpointing in wrap(); transformers' would recompute a second time
            "gradient_checkpointing": bool(checkpointing) and backend != "unsloth",
            # medtune counts real tokens on the host (no device sync per step); see _hf_trainer_class
            "include_num_input_tokens_seen": "no",
            "dataloader_num_workers": workers if workers is not None else (2 if cuda else 0),
            "remove_unused_columns": False,
            "average_tokens_across_devices": True,
            # LoRA uses every trainable parameter in each forward: no extra autograd traversal under DDP
            "ddp_find_unused_parameters": False,
        }
        if "warmup_ratio" in names:
            kwargs["warmup_ratio"] = cfg.optim.warmup_ratio
        else:  # transformers 5: a float warmup_steps in [0, 1) is a ratio
            kwargs["warmup_steps"] = cfg.optim.warmup_ratio
        if cfg.eval.early_stopping_patience is not None:
            kwargs.update(load_best_model_at_end=True, metric_for_best_model="eval_loss", greater_is_better=False)
        return _one_gpu_per_process(transformers.TrainingArguments(**{k: v for k, v in kwargs.items() if k in names}))

    def _final_dir(self, path: Path) -> Path:
        if path.exists() and any(path.iterdir()):
            shutil.rmtree(path)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _save_merged(self, model: Any, tokenizer: Any, merged_dir: Path, adapter_dir: Path | None) -> Any:
        torch = require("torch", "train", _FEATURE)
        cfg = self.config
        dtype = getattr(torch, cfg.output.merged_dtype)
        if cfg.model.load_in_4bit:  # pragma: no cover - CUDA only: merge into a 16-bit copy of the base
            peft = require("peft", "train", _FEATURE)
            transformers = require("transformers", "train", _FEATURE)
            if adapter_dir is None:
                adapter_dir = self._final_dir(merged_dir.parent / "adapter")
                model.save_pretrained(adapter_dir, safe_serialization=True)
            from medtune.training.backends import _model_path

            base = transformers.AutoModelForCausalLM.from_pretrained(_model_path(cfg), dtype=dtype)
            base.resize_token_embeddings(len(tokenizer))
            merged = peft.PeftModel.from_pretrained(base, str(adapter_dir)).merge_and_unload()
        else:
            merged = model.merge_and_unload()
        merged = merged.to(dtype)
        merged.save_pretrained(merged_dir, safe_serialization=True)
        tokenizer.save_pretrained(merged_dir)
        return merged

    def _facts(
        self,
        cfg: TrainConfig,
        base_name: str | None,
        choice: Any,
        optimizer: str,
        dtype: Any,
        train_ds: Dataset,
        eval_ds: Dataset | None,
        report: TokenizationReport,
        eval_report: TokenizationReport | None,
        metrics: Mapping[str, float],
        started: float,
    ) -> dict[str, Any]:
        load = train_ds.load_report.to_dict() if train_ds.load_report is not None else None
        return {
            "name": f"{Path(base_name).name if base_name else 'model'} + medtune LoRA",
            "base_model": base_name,
            "backend": choice.name,
            "backend_reason": choice.reason,
            "optimizer": optimizer,
            "dtype": str(dtype).removeprefix("torch."),
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
            "hardware": _hardware(),
            "versions": _versions(),
            "wall_time_s": metrics.get("wall_time_s"),
            "started": datetime.fromtimestamp(started, tz=timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
        }


# --- module helpers ----------------------------------------------------------------------------------------


class Collator:
    """Pads ``input_ids`` with the pad token and ``labels`` with -100, on the right.

    With ``padding_free`` the batch is one concatenated row with ``position_ids`` restarting at each example (and at
    each packed segment, from ``seq_lengths``), which attention kernels read as sequence boundaries. With
    ``host_lengths`` it also carries the segments' lengths as a host-side list (``medtune_seq_lengths``), which the
    trainer hands to the model as Unsloth's ``packed_seq_lengths`` on the CPU, so that Unsloth need not read the
    boundaries back from the device (a host-device sync per micro-batch).
    """

    def __init__(
        self, pad_token_id: int, *, padding_free: bool = False, count_tokens: bool = False, host_lengths: bool = False
    ) -> None:
        self.pad_token_id = pad_token_id
        self.padding_free = padding_free
        self.count_tokens = count_tokens
        self.host_lengths = host_lengths

    def counting(self) -> Collator:
        """This collator, also counting each batch's real and trained tokens (``count_tokens``)."""
        twin = copy.copy(self)
        twin.count_tokens = True
        return twin

    def __call__(self, examples: list[Mapping[str, Any]]) -> dict[str, Any]:
        """Collate tokenized examples into tensors.

        With ``count_tokens`` the batch also carries ``medtune_real_tokens`` (tokens that are not padding) and
        ``medtune_trained_tokens`` (label positions the shifted loss counts) as plain ints, counted here on the host
        so that the training loop never waits on the device to count them.
        """
        batch = self._collate(examples)
        if self.count_tokens:
            batch["medtune_real_tokens"] = sum(len(e["input_ids"]) for e in examples)
            batch["medtune_trained_tokens"] = _trained_tokens(batch)
        return batch

    def _collate(self, examples: list[Mapping[str, Any]]) -> dict[str, Any]:
        torch = require("torch", "train", _FEATURE)
        ids = [list(e["input_ids"]) for e in examples]
        labels = [list(e["labels"]) for e in examples]
        if self.padding_free:
            segments = [n for e, seq in zip(examples, ids) for n in e.get("seq_lengths") or [len(seq)]]
            positions = [pos for n in segments for pos in range(n)]
            flat_labels = [t for seq in labels for t in seq]
            # a segment's first token must not be predicted from the previous segment's last one
            flat_labels = [-100 if pos == 0 else t for pos, t in zip(positions, flat_labels)]
            batch = {
                "input_ids": torch.tensor([[t for seq in ids for t in seq]]),
                "labels": torch.tensor([flat_labels]),
                "position_ids": torch.tensor([positions]),
            }
            if self.host_lengths:  # a list, not a tensor: the data loader and the trainer leave it on the host
                batch["medtune_seq_lengths"] = segments
            return batch
        width = max(len(seq) for seq in ids)
        return {
            "input_ids": torch.tensor([seq + [self.pad_token_id] * (width - len(seq)) for seq in ids]),
            "labels": torch.tensor([lab + [-100] * (width - len(lab)) for lab in labels]),
            "attention_mask": torch.tensor([[1] * len(seq) + [0] * (width - len(seq)) for seq in ids]),
        }


def _trained_tokens(batch: Mapping[str, Any]) -> int:
    """Label positions a collated batch trains on: those the shifted causal loss counts (not -100)."""
    return int((batch["labels"][:, 1:] != -100).sum())


class StepCollator:
    """Collates one optimizer step (see :class:`~medtune.training.batching.LengthGroupedStepSampler`).

    The step's examples are cut into micro-batches of at most ``budget`` padded tokens (with a padding-free
    ``collator``: ``budget`` tokens in one row), each collated by ``collator``; the step carries the real and trained
    token counts of all of them.
    """

    def __init__(self, collator: Collator, budget: int) -> None:
        self.collator = collator
        self.budget = budget

    def __call__(self, examples: list[Mapping[str, Any]]) -> dict[str, Any]:
        """Collate a step into ``{"micro_batches": [...], "medtune_real_tokens": n, "medtune_trained_tokens": n}``."""
        from medtune.training.batching import split_micro_batches

        lengths = [len(e["input_ids"]) for e in examples]
        groups = split_micro_batches(lengths, self.budget, padded=not self.collator.padding_free)
        micro = [self.collator._collate([examples[i] for i in group]) for group in groups]
        return {
            "micro_batches": micro,
            "medtune_real_tokens": sum(lengths),
            "medtune_trained_tokens": sum(_trained_tokens(m) for m in micro),
        }


@dataclass(frozen=True)
class _Batching:
    budget: int | None
    examples_per_step: int
    pool_steps: int
    seed: int
    loss_denominator: str = "step"
    trained_tokens: int = 0  # of the whole training set (the tokenization report's count)


def _hf_trainer_class(transformers: Any) -> Any:
    """The transformers ``Trainer`` with medtune's token counting and the token-budget fast path."""
    import contextlib

    torch = require("torch", "train", _FEATURE)

    class MedtuneHFTrainer(transformers.Trainer):  # type: ignore[misc, name-defined]
        medtune_batching: _Batching | None = None
        medtune_denominator: float | None = None  # optim.loss_denominator 'epoch_mean': set with the data loader

        def get_train_dataloader(self) -> Any:
            base = self.data_collator
            counting = base.counting()
            batching = self.medtune_batching
            if batching is None or batching.budget is None:
                self.data_collator = counting  # HF's sampler and batch size; only the collator counts tokens
                try:
                    return super().get_train_dataloader()
                finally:
                    self.data_collator = base
            from medtune.training.batching import LengthGroupedStepSampler

            dataset = self.train_dataset
            lengths = [len(ids) for ids in dataset["input_ids"]]
            world = self.args.world_size
            sampler = LengthGroupedStepSampler(
                lengths,
                batching.examples_per_step,
                seed=batching.seed,
                pool_steps=batching.pool_steps,
                world_size=world,
            )
            if batching.loss_denominator == "epoch_mean":
                # every process runs one step per iteration: the all-reduced count covers world_size steps
                self.medtune_denominator = max(1.0, batching.trained_tokens / len(sampler)) * world
            workers = self.args.dataloader_num_workers
            loader = torch.utils.data.DataLoader(
                dataset,
                batch_sampler=sampler,
                collate_fn=StepCollator(counting, batching.budget),
                num_workers=workers,
                pin_memory=self.args.dataloader_pin_memory and torch.cuda.is_available(),
                persistent_workers=workers > 0,
            )
            return self.accelerator.prepare(loader)

        def _prepare_inputs(self, inputs: dict[str, Any]) -> dict[str, Any]:
            lengths = inputs.pop("medtune_seq_lengths", None)
            inputs = super()._prepare_inputs(inputs)
            if lengths is not None:  # on the CPU: Unsloth copies it to the device without waiting
                inputs["packed_seq_lengths"] = torch.tensor(lengths, dtype=torch.int32)
            return inputs

        def training_step(self, model: Any, inputs: dict[str, Any], num_items_in_batch: Any = None) -> Any:
            real = int(inputs.pop("medtune_real_tokens", 0))
            trained = int(inputs.pop("medtune_trained_tokens", 0))
            micro = inputs.pop("micro_batches", None)
            counts = None
            if self.args.world_size > 1:
                # Summed over the processes on the device, read back only once the whole step is queued (where
                # transformers reads the step's loss anyway), so that no micro-batch waits for the host.
                counts = self.accelerator.reduce(self._on_device(torch.tensor([real, trained])), reduction="sum")
            if micro is None:
                loss = super().training_step(model, inputs, num_items_in_batch)
                self.state.num_input_tokens_seen += int(counts[0]) if counts is not None else real
                return loss
            if not self.model_accepts_loss_kwargs:
                raise ConfigError(
                    f"optim.max_tokens_per_batch needs a model whose forward takes num_items_in_batch (to average the "
                    f"loss over the whole step); {type(self.accelerator.unwrap_model(model)).__name__} does not. "
                    "Fix: unset optim.max_tokens_per_batch for this model."
                )
            # The loss of every micro-batch is divided by one number for the whole step (of all processes): the
            # step's trained tokens ('step': the per-token mean, exactly as fixed micro-batches with accumulation) or
            # the epoch's mean trained tokens per step ('epoch_mean': every token of the epoch weighs the same, so
            # steps of short examples do not count as much as steps of long ones).
            if self.medtune_denominator:
                n_items = self._on_device(torch.tensor(float(self.medtune_denominator)))
            elif counts is not None:
                n_items = counts[1].float()
            else:
                n_items = self._on_device(torch.tensor(float(trained)))
            total = None
            for i, batch in enumerate(micro):
                sync = contextlib.nullcontext() if i == len(micro) - 1 else self.accelerator.no_sync(model)
                with sync:
                    loss = super().training_step(model, batch, n_items)
                total = loss if total is None else total + loss
            if counts is not None:
                real, trained = (int(v) for v in counts.tolist())
            self.state.num_input_tokens_seen += real
            # what is logged is the step's per-token mean loss, whatever the gradient was divided by
            denominator = self.medtune_denominator or trained
            return total * (denominator / trained) if trained and denominator != trained else total

        def _on_device(self, tensor: Any) -> Any:
            """``tensor`` on the training device, copied without making the host wait (pinned memory on CUDA)."""
            if torch.cuda.is_available() and self.args.device.type == "cuda":
                return tensor.pin_memory().to(self.args.device, non_blocking=True)
            return tensor.to(self.args.device)

    return MedtuneHFTrainer


def _decide_padding_free(cfg: TrainConfig, backend: Any) -> tuple[bool, str]:
    """Whether micro-batches are padding-free rows (``format.padding_free``) on ``backend``, and why."""
    requested = cfg.format.padding_free
    if cfg.format.packing:
        return True, "format.packing builds padding-free rows"
    if requested != "auto":
        return bool(requested), "set in the config (format.padding_free)"
    if cfg.optim.max_tokens_per_batch is None:
        return False, "auto: fixed micro-batches (optim.max_tokens_per_batch is null) are padded"
    fast, kernel = backend.varlen
    if backend.name != "unsloth" or not _cuda():
        return False, f"auto: on the {backend.name} backend padding-free rows would run on {kernel}"
    if not fast:
        return False, f"auto: padding-free rows would run on {kernel}, slower than padding"
    return True, f"auto: the unsloth backend runs padding-free rows on {kernel}"


def _resolve_budget(
    cfg: TrainConfig, model: Any, backend: str, *, padding_free: bool = False
) -> tuple[int | None, str]:
    """``optim.max_tokens_per_batch`` as a number of tokens (``None``: fixed micro-batches), and a description."""
    requested = cfg.optim.max_tokens_per_batch
    fixed = (
        f"fixed micro-batches of {cfg.optim.batch_size} examples x {cfg.optim.gradient_accumulation_steps} "
        "accumulation steps"
    )
    if requested is None:
        return None, fixed
    if requested == "auto":
        if cfg.format.packing:
            return None, f"{fixed} (format.packing)"
        if not _cuda():
            return None, f"{fixed} (optim.max_tokens_per_batch 'auto' groups by length on CUDA devices only)"
        from medtune.training.batching import activation_bytes_per_token

        torch = require("torch", "train", _FEATURE)
        per_token = activation_bytes_per_token(
            model.config, lora_dropout=cfg.lora.dropout, fused_loss=backend == "unsloth"
        )
        free, _total = torch.cuda.mem_get_info()
        whole_step = cfg.effective_batch_size * cfg.format.max_seq_length
        fit = int(0.5 * free / max(per_token, 1))
        budget = max(cfg.format.max_seq_length, min(fit, whole_step))
        how = f"'auto' from {free / 2**30:.0f} GiB free"
    else:
        budget, how = int(requested), "optim.max_tokens_per_batch"
    pool = cfg.optim.length_group_pool
    steps = "shuffled steps" if pool == 1 else f"steps grouped by length (pools of {pool} steps)"
    return budget, (
        f"{steps} of {cfg.effective_batch_size} examples, each sorted by length into micro-batches of at most "
        f"{budget} {'tokens in one padding-free row' if padding_free else 'padded tokens'} ({how})"
    )


def _decide_checkpointing(
    cfg: TrainConfig, model: Any, backend: str, budget: int | None = None
) -> tuple[bool | None, str]:
    """Whether to recompute activations, and why (``None``: the backend's default)."""
    requested = cfg.model.gradient_checkpointing
    if requested is not None:
        return requested, "set in the config (model.gradient_checkpointing)"
    if budget is None or not _cuda():
        return None, "the backend default (set optim.max_tokens_per_batch on a GPU to let medtune decide)"
    from medtune.training.batching import activation_bytes_per_token

    torch = require("torch", "train", _FEATURE)
    per_token = activation_bytes_per_token(model.config, lora_dropout=cfg.lora.dropout, fused_loss=backend == "unsloth")
    need = per_token * budget
    free, _total = torch.cuda.mem_get_info()
    gib = 2**30
    if need <= 0.8 * free:
        return False, f"a micro-batch of {budget} tokens needs ~{need / gib:.1f} GiB, {free / gib:.1f} GiB are free"
    return True, (
        f"a micro-batch of {budget} tokens would need about {need / gib:.1f} GiB, only {free / gib:.1f} GiB are free "
        "(lower optim.max_tokens_per_batch to train without recomputation)"
    )


def _on_off(checkpointing: bool | None, backend: str) -> str:
    if checkpointing is None:
        return "on (unsloth)" if backend == "unsloth" else "off"
    return ("on (unsloth)" if backend == "unsloth" else "on") if checkpointing else "off"


def _data_path(spec: str) -> Path:
    if spec.startswith("sample:"):
        from medtune.data.samples import sample_path

        return sample_path(spec.split(":", 1)[1])
    return Path(spec)


def _one_gpu_per_process(args: Any) -> Any:
    """Train one process on one GPU: no ``torch.nn.DataParallel`` when several GPUs are visible without a launcher.

    transformers wraps the model in DataParallel when one process sees several GPUs; that splits every batch
    across them (the token-budget micro-batches included) and is slower than DDP. medtune trains on the first
    visible GPU instead and says how to use all of them.
    """
    n_gpu = getattr(args, "n_gpu", 1)
    if n_gpu > 1 and int(os.environ.get("WORLD_SIZE", "1")) <= 1:
        logger.warning(
            "%d GPUs are visible to this one process: training on the first only. To train on all of them (DDP), "
            "launch with: torchrun --nproc_per_node %d -m medtune.cli.main train ...",
            n_gpu,
            n_gpu,
        )
        args._n_gpu = 1
    return args


def _is_main_process() -> bool:
    """Whether this is rank 0 of a distributed launch (torchrun / accelerate launch), or not distributed at all."""
    return os.environ.get("RANK", "0") == "0"


def _cuda() -> bool:
    torch = require("torch", "train", _FEATURE)
    return bool(torch.cuda.is_available())


def _hardware() -> dict[str, Any]:
    torch = require("torch", "train", _FEATURE)
    if torch.cuda.is_available():
        device = f"{torch.cuda.get_device_name(0)} x{torch.cuda.device_count()}"
    else:
        device = f"CPU ({platform.processor() or platform.machine()})"
    return {"device": device, "cpu_count": os.cpu_count(), "platform": platform.platform()}


def _versions() -> dict[str, str]:
    from importlib import metadata

    out = {}
    for name in ("medtune", "torch", "transformers", "peft", "trl", "unsloth"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


def _read_log(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class _alpaca_template:
    """Temporarily give the tokenizer the Alpaca chat template, so the saved tokenizers render training prompts."""

    def __init__(self, tokenizer: Any, active: bool) -> None:
        self.tokenizer, self.active = tokenizer, active
        self.saved: Any = None

    def __enter__(self) -> None:
        if self.active:
            self.saved = getattr(self.tokenizer, "chat_template", None)
            self.tokenizer.chat_template = ALPACA_CHAT_TEMPLATE

    def __exit__(self, *exc: object) -> None:
        if self.active:
            self.tokenizer.chat_template = self.saved


def _make_callbacks(
    transformers: Any, cfg: TrainConfig, log_path: Path, pm: Any, resume_from: Path | None
) -> list[Any]:
    """The medtune callbacks: JSONL log + plugin hooks, checkpoint commit, progress bar."""

    class MedtuneLog(transformers.TrainerCallback):  # type: ignore[misc, name-defined]
        """Writes one JSONL line per log event with tokens/s, and calls the ``medtune_log`` hook."""

        def __init__(self) -> None:
            self.last_time: float | None = None
            self.last_tokens = 0

        def on_train_begin(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
            self.last_time, self.last_tokens = time.time(), int(state.num_input_tokens_seen or 0)
            resuming = resume_from is not None and log_path.exists() and state.is_world_process_zero
            if resuming:  # drop lines after the checkpoint we resume from
                kept = [r for r in _read_log(log_path) if r.get("step", 0) <= state.global_step]
                atomic_write_text(log_path, "".join(json.dumps(r) + "\n" for r in kept))

        def on_log(self, args: Any, state: Any, control: Any, logs: Mapping[str, Any] | None = None, **kw: Any) -> None:
            if not state.is_world_process_zero:
                return
            logs = dict(logs or {})
            record: dict[str, Any] = {"step": state.global_step, "epoch": round(state.epoch or 0.0, 4)}
            record.update({k: v for k, v in logs.items() if isinstance(v, (int, float)) and not math.isnan(v)})
            if "loss" in logs:
                now, seen = time.time(), int(state.num_input_tokens_seen or 0)
                elapsed = max(now - (self.last_time or now), 1e-9)
                record["tokens_per_second"] = round((seen - self.last_tokens) / elapsed, 1)
                self.last_time, self.last_tokens = now, seen
            with open(log_path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(record) + "\n")
            pm.hook.medtune_log(step=state.global_step, logs={k: v for k, v in record.items() if k != "step"})

    class CommitCheckpoint(transformers.TrainerCallback):  # type: ignore[misc, name-defined]
        """Commits each checkpoint (fsync + atomic marker) once transformers has written it."""

        def on_save(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
            path = Path(args.output_dir) / f"checkpoint-{state.global_step}"
            if path.is_dir() and state.is_world_process_zero:
                commit_checkpoint(path, state.global_step)
                pm.hook.medtune_checkpoint_saved(checkpoint_dir=path, step=state.global_step)

    callbacks: list[Any] = [MedtuneLog(), CommitCheckpoint()]
    if cfg.logging.progress_bar and _is_main_process():
        callbacks.append(_progress_callback(transformers))
    return callbacks


def _progress_callback(transformers: Any) -> Any:
    class RichProgress(transformers.TrainerCallback):  # type: ignore[misc, name-defined]
        """A rich progress bar on stderr: steps, ETA, last loss and tokens/s."""

        def __init__(self) -> None:
            self.bar: Any = None
            self.task: Any = None
            self.start = 0.0
            self.tokens0 = 0

        def on_train_begin(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("[bold]train"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("loss {task.fields[loss]}"),
                TextColumn("{task.fields[tps]} tok/s"),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=False,
            )
            self.bar.start()
            self.task = self.bar.add_task(
                "train", total=state.max_steps, completed=state.global_step, loss="-", tps="-"
            )
            self.start, self.tokens0 = time.time(), int(state.num_input_tokens_seen or 0)

        def on_step_end(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
            if self.bar is not None:
                elapsed = max(time.time() - self.start, 1e-9)
                tps = (int(state.num_input_tokens_seen or 0) - self.tokens0) / elapsed
                self.bar.update(self.task, completed=state.global_step, tps=f"{tps:,.0f}")

        def on_log(self, args: Any, state: Any, control: Any, logs: Mapping[str, Any] | None = None, **kw: Any) -> None:
            if self.bar is not None and logs and "loss" in logs:
                self.bar.update(self.task, loss=f"{logs['loss']:.4f}")
                if not self.bar.console.is_terminal:  # no live bar in logs and CI: one line per logging step
                    elapsed = max(time.time() - self.start, 1e-9)
                    done = max(state.global_step, 1)
                    eta = elapsed / done * max(state.max_steps - state.global_step, 0)
                    tps = (int(state.num_input_tokens_seen or 0) - self.tokens0) / elapsed
                    logger.info(
                        "step %d/%d · loss %.4f · %.0f tok/s · ETA %.0f s",
                        state.global_step,
                        state.max_steps,
                        logs["loss"],
                        tps,
                        eta,
                    )

        def on_train_end(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
            if self.bar is not None:
                self.bar.stop()
                self.bar = None

    return RichProgress()
