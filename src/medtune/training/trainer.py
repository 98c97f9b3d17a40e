"""``medtune.training.Trainer``: one API over the peft and unsloth backends, driven by a :class:`TrainConfig`.

The loop is transformers' ``Trainer`` on examples that medtune tokenizes and masks
itself (see :mod:`medtune.training.formatting`), so the masking, EOS and truncation rules are medtune's and are
tested here, while batching, gradient accumulation (loss normalised by the number of trained tokens of the whole
accumulated batch), checkpoint contents and resume come from transformers. With ``method: dpo`` the loop is TRL's
``DPOTrainer`` on preference pairs tokenized by the same rules (see :mod:`medtune.training.dpo`).

:meth:`Trainer.train` is the recipe: setup (the backend, the model, the decisions of :mod:`~medtune.training.plan`,
the data), fit (:mod:`~medtune.training.hf_trainer` with the :mod:`~medtune.training.callbacks`) and save (the run
directory, see :mod:`~medtune.training.artifacts`).
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from functools import partial
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtune._extras import require
from medtune.errors import ConfigError
from medtune.training import artifacts, plan
from medtune.training.artifacts import TrainResult
from medtune.training.backends import BackendChoice, get_backend, resolve_dtype, resolve_optimizer, select_backend
from medtune.training.config import TrainConfig
from medtune.training.formatting import TokenizationReport, ensure_pad_token, resolve_template, tokenize_dataset
from medtune.training.pairs import tokenize_pairs

if TYPE_CHECKING:
    from medtune.data.dataset import Dataset
    from medtune.plugins.manager import PluginManager
    from medtune.training.hf_trainer import Collator, StepCollator
    from medtune.training.plan import Plan

__all__ = ["Collator", "StepCollator", "TrainResult", "Trainer"]

logger = logging.getLogger("medtune.training")
_FEATURE = "LoRA training"


@dataclass
class _Run:
    """A run from setup to save: :meth:`Trainer._setup` fills it in, ``_fit`` trains it, ``_save`` writes it."""

    started: float
    card_profile: str
    run_dir: Path
    resume_from: Path | None
    train_ds: Dataset
    eval_ds: Dataset | None
    # set by Trainer._load_model
    choice: BackendChoice = field(init=False)
    base_name: str | None = field(init=False)
    model: Any = field(init=False)
    tokenizer: Any = field(init=False)
    pad_note: str = field(init=False)
    optimizer: str = field(init=False)
    dtype: Any = field(init=False)
    plan: Plan = field(init=False)
    # set by Trainer._tokenize
    train_tok: Any = field(init=False)
    report: TokenizationReport = field(init=False)
    eval_tok: Any = field(init=False)
    eval_report: TokenizationReport | None = field(init=False)
    rejects: list[dict[str, Any]] = field(init=False)

    @property
    def log_path(self) -> Path:
        return self.run_dir / "train_log.jsonl"


class Trainer:
    """Fine-tune a causal LM with LoRA on a :class:`medtune.Dataset`.

    With ``config.method`` ``sft`` (the default) the data are instruction or chat records; with ``dpo`` they are
    preference pairs, and the run is TRL's ``DPOTrainer`` (see :mod:`medtune.training.dpo`).

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
            ConfigError: Bad settings for this machine or data, or data of the wrong kind for ``config.method``
                (the message says which and how to fix it).
            MedtuneError: Every example was rejected, or the data cannot be used.
        """
        require("transformers", "train", _FEATURE)
        require("peft", "train", _FEATURE)
        run = self._setup(train_dataset, eval_dataset, resume)
        sft, train_loss = self._fit(run)
        if not sft.is_world_process_zero():  # the other ranks of a multi-GPU run: rank 0 writes the outputs
            sft.accelerator.wait_for_everyone()
            metrics = {"train_loss": train_loss, "steps": float(sft.state.global_step)}
            return TrainResult(
                run.run_dir, metrics, run.report, run.choice.name, model=sft.model, tokenizer=run.tokenizer
            )
        result = self._save(run, sft, train_loss)
        sft.accelerator.wait_for_everyone()
        return result

    # --- setup -> fit -> save ------------------------------------------------------------------------------

    def _setup(
        self, train_dataset: Dataset | None, eval_dataset: Dataset | None, resume: bool | str | PathLike[str]
    ) -> _Run:
        """Check the run directory and the card profile, load the data and the model, plan, tokenize."""
        from medtune.cards.model_card import resolve_card_profile

        cfg = self.config
        started = time.time()
        card_profile = resolve_card_profile(cfg.output.card_profile)  # a typo fails now, not after training
        run_dir = Path(cfg.output.dir)
        resume_from = artifacts.resume_point(run_dir / "checkpoints", resume, overwrite=cfg.output.overwrite)
        train_ds, eval_ds = self._datasets(train_dataset, eval_dataset)
        run = _Run(started, card_profile.name, run_dir, resume_from, train_ds, eval_ds)
        self._load_model(run)
        self._tokenize(run)
        return run

    def _check_kind(self, dataset: Dataset, what: str) -> None:
        """Preference pairs for DPO, instruction or chat records for SFT."""
        method = self.config.method
        if method == "dpo" and dataset.kind != "preference":
            raise ConfigError(
                f"method is 'dpo' but the {what} data are {dataset.kind} records; DPO trains on preference pairs "
                "(prompt, chosen, rejected). Fix: pass pairs (build them from instruction records with "
                "`medtune data pairs`), or set method: sft."
            )
        if method == "sft" and dataset.kind == "preference":
            raise ConfigError(
                f"the {what} data are preference pairs (prompt, chosen, rejected), which supervised fine-tuning "
                "cannot train on. Fix: set method: dpo (`medtune train --method dpo`), or pass instruction or chat "
                "records."
            )

    def _load_model(self, run: _Run) -> None:
        """Load the model on its backend, decide the :class:`Plan` for this machine, add the LoRA adapters."""
        cfg = self.config
        if self._model is not None:
            run.choice = BackendChoice("peft", "an in-memory model was passed to Trainer")
            backend = get_backend("peft")
            model, tokenizer = self._model, self._tokenizer
            run.base_name = getattr(getattr(model, "config", None), "_name_or_path", None) or None
        else:
            run.choice = select_backend(cfg.model.backend)
            backend = get_backend(run.choice.name)
            model, tokenizer = backend.load(cfg)
            run.base_name = cfg.model.path
        run.pad_note = ensure_pad_token(tokenizer, model)
        logger.info("%s", run.pad_note)
        if cfg.format.template == "auto":  # made concrete once: the saved config, the card and the saving read it
            cfg = self.config = cfg.model_copy(update={"format": resolve_template(cfg.format, tokenizer)})
            logger.info(
                "format.template auto: %s (%s)",
                cfg.format.template,
                "the tokenizer's own chat template" if cfg.format.template == "chat" else "no chat template of its own",
            )
        run.optimizer, optim_warning = resolve_optimizer(cfg.optim.optimizer)
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
        run.plan = _plan(cfg, model, backend)
        wrap_model = cfg.model.model_copy(update={"gradient_checkpointing": run.plan.checkpointing.enabled})
        model = backend.wrap(model, cfg.model_copy(update={"model": wrap_model}))
        dtype = next((p.dtype for p in model.parameters() if p.is_floating_point()), torch.float32)
        if cfg.model.dtype != "auto" or self._model is None:
            dtype = resolve_dtype(cfg.model.dtype)
        run.model, run.tokenizer, run.dtype = model, tokenizer, dtype

    def _tokenize(self, run: _Run) -> None:
        """Tokenize the data; write ``rejects.jsonl`` and ``config.yaml`` (on the main process)."""
        cfg = self.config
        encode = tokenize_pairs if cfg.method == "dpo" else tokenize_dataset
        run.train_tok, run.report = encode(run.train_ds, run.tokenizer, cfg.format)
        logger.info("train data: %s", run.report.summary())
        if run.report.truncated:
            logger.warning(
                "%d of %d training examples were longer than format.max_seq_length=%d and were truncated "
                "(set format.truncation: reject to drop them instead)",
                run.report.truncated,
                run.report.examples,
                cfg.format.max_seq_length,
            )
        run.eval_tok, run.eval_report = None, None
        if run.eval_ds is not None:
            run.eval_tok, run.eval_report = encode(run.eval_ds, run.tokenizer, cfg.format)
            logger.info("eval data: %s", run.eval_report.summary())
        main = _is_main_process()  # under torchrun / accelerate launch only rank 0 writes the run's files
        run.run_dir.mkdir(parents=True, exist_ok=True)
        run.rejects = artifacts.rejects_of(run.report, run.eval_report)
        if main:
            artifacts.write_rejects(run.run_dir, run.rejects)
            cfg.to_yaml(run.run_dir / "config.yaml")

    def _fit(self, run: _Run) -> tuple[Any, float]:
        """Train with transformers' ``Trainer`` (evaluating once at the end if no evaluation ran).

        Returns:
            The transformers trainer, holding the trained model and its state, and the mean training loss.
        """
        from medtune.training import hf_trainer
        from medtune.training.callbacks import make_callbacks

        cfg, main = self.config, _is_main_process()
        ckpt_dir = run.run_dir / "checkpoints"
        if run.resume_from is None and run.log_path.exists() and main:
            run.log_path.unlink()
        pm = self._plugin_manager()
        has_eval = run.eval_tok is not None
        progress_bar = cfg.logging.progress_bar and main
        callbacks = make_callbacks(cfg, run.log_path, pm, run.resume_from, progress_bar=progress_bar)
        if cfg.method == "dpo":
            from medtune.training import dpo

            args = dpo.dpo_arguments(cfg, run.plan, ckpt_dir, run.optimizer, run.dtype, has_eval=has_eval, cuda=_cuda())
            sft = dpo.build_dpo_trainer(
                model=run.model,
                tokenizer=run.tokenizer,
                args=args,
                train_dataset=run.train_tok,
                eval_dataset=run.eval_tok,
                callbacks=callbacks,
                run_dir=run.run_dir,
            )
        else:
            args = hf_trainer.training_arguments(
                cfg, run.plan, ckpt_dir, run.optimizer, run.dtype, has_eval=has_eval, cuda=_cuda()
            )
            train_tok = run.train_tok
            if cfg.format.packing:
                from trl.data_utils import pack_dataset

                train_tok = pack_dataset(train_tok, cfg.format.max_seq_length, strategy="bfd")
                logger.info("packed %d examples into %d sequences", run.report.kept, len(train_tok))
            sft = hf_trainer.build_trainer(
                cfg,
                run.plan,
                model=run.model,
                tokenizer=run.tokenizer,
                args=args,
                train_dataset=train_tok,
                eval_dataset=run.eval_tok,
                callbacks=callbacks,
                trained_tokens=run.report.trained_tokens,
                run_dir=run.run_dir,
            )
        if main:
            pm.hook.medtune_train_begin(config=cfg, run_dir=run.run_dir)
        output = sft.train(resume_from_checkpoint=str(run.resume_from) if run.resume_from else None)
        if run.eval_tok is not None and not any("eval_loss" in r for r in artifacts.read_log(run.log_path)):
            sft.evaluate()  # the run ended before its first scheduled evaluation: evaluate the final adapter once
        sft.model.config.use_cache = True
        return sft, float(output.training_loss)

    def _save(self, run: _Run, sft: Any, train_loss: float) -> TrainResult:
        """Save the adapter and the merged model, write run.json and the model card, push to the Hub."""
        cfg = self.config
        early_stopping = cfg.eval.early_stopping_patience is not None
        logs = artifacts.read_log(run.log_path)
        metrics = artifacts.train_metrics(train_loss, sft.state, logs, run.started, early_stopping=early_stopping)
        model, adapter_dir, merged_dir = artifacts.save_models(sft.model, run.tokenizer, cfg, run.run_dir)
        outputs = artifacts.output_listing(
            cfg, adapter_dir=adapter_dir, merged_dir=merged_dir, rejects=bool(run.rejects)
        )
        facts = artifacts.run_facts(cfg, run, metrics, outputs)
        card_path = artifacts.write_card(run.run_dir, facts, (adapter_dir, merged_dir))
        artifacts.push_to_hub(cfg, adapter_dir, merged_dir)
        self._plugin_manager().hook.medtune_train_end(run_dir=run.run_dir, metrics=metrics)
        return TrainResult(
            run_dir=run.run_dir,
            metrics=metrics,
            tokenization=run.report,
            backend=run.choice.name,
            adapter_dir=adapter_dir,
            merged_dir=merged_dir,
            model_card=card_path,
            log_path=run.log_path,
            resumed_from=run.resume_from,
            model=model,
            tokenizer=run.tokenizer,
        )

    # --- helpers -----------------------------------------------------------------------------------------

    def _plugin_manager(self) -> PluginManager:
        if self._pm is None:
            from medtune.plugins.manager import get_plugin_manager

            self._pm = get_plugin_manager()
        return self._pm

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
        self._check_kind(train, "training")
        if evaluation is not None:
            self._check_kind(evaluation, "evaluation")
        return train, evaluation


# --- the machine's facts for the plan ------------------------------------------------------------------------


def _plan(cfg: TrainConfig, model: Any, backend: Any) -> plan.Plan:
    """The padding-free, token budget and checkpointing decisions on this machine, each logged with its reason."""
    if cfg.method == "dpo":
        padding_free, budget, checkpointing = plan.decide_dpo(cfg)
    else:
        padding_free = _decide_padding_free(cfg, backend)
        budget = _resolve_budget(cfg, model, backend.name, padding_free=padding_free.enabled)
        checkpointing = _decide_checkpointing(cfg, model, backend.name, budget.tokens)
    logger.info("padding-free micro-batches: %s (%s)", "on" if padding_free.enabled else "off", padding_free.reason)
    logger.info("batching: %s", budget.reason)
    logger.info("activation checkpointing: %s (%s)", checkpointing.label(backend.name), checkpointing.reason)
    return plan.Plan(backend.name, padding_free, budget, checkpointing)


def _decide_padding_free(cfg: TrainConfig, backend: Any) -> plan.PaddingFree:
    """:func:`~medtune.training.plan.decide_padding_free` for ``backend`` on this machine."""
    return plan.decide_padding_free(cfg, backend.name, backend.varlen, cuda=_cuda())


def _resolve_budget(cfg: TrainConfig, model: Any, backend: str, *, padding_free: bool = False) -> plan.TokenBudget:
    """:func:`~medtune.training.plan.decide_token_budget` for ``model`` on this machine."""
    memory = partial(plan.gpu_memory, cfg, model, backend)
    return plan.decide_token_budget(cfg, cuda=_cuda(), memory=memory, padding_free=padding_free)


def _decide_checkpointing(cfg: TrainConfig, model: Any, backend: str, budget: int | None = None) -> plan.Checkpointing:
    """:func:`~medtune.training.plan.decide_checkpointing` for ``model`` on this machine."""
    return plan.decide_checkpointing(cfg, budget, cuda=_cuda(), memory=partial(plan.gpu_memory, cfg, model, backend))


def _cuda() -> bool:
    torch = require("torch", "train", _FEATURE)
    return bool(torch.cuda.is_available())


def _is_main_process() -> bool:
    """Whether this is rank 0 of a distributed launch (torchrun / accelerate launch), or not distributed at all."""
    return os.environ.get("RANK", "0") == "0"


def _data_path(spec: str) -> Path:
    if spec.startswith("sample:"):
        from medtune.data.samples import training_sample

        return training_sample(spec.split(":", 1)[1], "data.train").path
    return Path(spec)


# --- names that live in hf_trainer (which imports transformers), importable from here as before ------------------


def __getattr__(name: str) -> Any:
    """``Collator``, ``StepCollator`` and ``_one_gpu_per_process``, imported from hf_trainer on first use."""
    lazy = {"Collator": "Collator", "StepCollator": "StepCollator", "_one_gpu_per_process": "one_gpu_per_process"}
    if name not in lazy:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from medtune.training import hf_trainer

    return getattr(hf_trainer, lazy[name])


def _hf_trainer_class(transformers: Any = None) -> type:
    """The transformers ``Trainer`` subclass medtune trains with (the argument is ignored; kept for old callers)."""
    from medtune.training.hf_trainer import MedtuneHFTrainer

    return MedtuneHFTrainer
