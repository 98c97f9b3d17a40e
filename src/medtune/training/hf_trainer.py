"""The transformers side of a run: the collators, ``TrainingArguments`` and medtune's ``transformers.Trainer``.

:class:`MedtuneHFTrainer` adds medtune's token counting (on the host, no device sync per step) and the token-budget
fast path (one loader batch is a whole optimizer step, cut into micro-batches by :class:`StepCollator`).

This module imports torch and transformers: :mod:`medtune.training.trainer` imports it when training starts, after
the backend (unsloth must be imported before transformers).
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtune._extras import require
from medtune.errors import ConfigError, MissingExtraError
from medtune.training.backends import has_module

if TYPE_CHECKING:
    from medtune.training.config import TrainConfig
    from medtune.training.plan import Plan

__all__ = [
    "Batching",
    "Collator",
    "MedtuneHFTrainer",
    "StepCollator",
    "build_trainer",
    "one_gpu_per_process",
    "training_arguments",
]

logger = logging.getLogger("medtune.training")
_FEATURE = "LoRA training"

torch = require("torch", "train", _FEATURE)
transformers = require("transformers", "train", _FEATURE)


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
class Batching:
    """How :class:`MedtuneHFTrainer` batches the training data.

    Attributes:
        budget: Tokens of one micro-batch (``None``: transformers' fixed micro-batches).
        examples_per_step: Examples of one optimizer step.
        pool_steps: ``optim.length_group_pool``.
        seed: The sampler's seed.
        loss_denominator: ``optim.loss_denominator``.
        trained_tokens: Trained tokens of the whole training set (the tokenization report's count).
    """

    budget: int | None
    examples_per_step: int
    pool_steps: int
    seed: int
    loss_denominator: str = "step"
    trained_tokens: int = 0


class MedtuneHFTrainer(transformers.Trainer):  # type: ignore[misc, name-defined]
    """The transformers ``Trainer`` with medtune's token counting and the token-budget fast path."""

    medtune_batching: Batching | None = None
    medtune_denominator: float | None = None  # optim.loss_denominator 'epoch_mean': set with the data loader

    def get_train_dataloader(self) -> Any:
        """The training loader: transformers' with a counting collator, or length-grouped whole steps."""
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
        """One optimizer step's forward and backward: one batch, or every micro-batch of a token-budget step."""
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


def training_arguments(
    cfg: TrainConfig,
    plan: Plan,
    ckpt_dir: Path,
    optimizer: str,
    dtype: Any,
    *,
    has_eval: bool,
    cuda: bool,
    args_class: type | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Any:
    """The ``TrainingArguments`` of a run.

    Args:
        cfg: The run's config.
        plan: The run's decisions (backend, token budget, activation checkpointing).
        ckpt_dir: Where checkpoints go.
        optimizer: The optimizer that runs (see :func:`~medtune.training.backends.resolve_optimizer`).
        dtype: The training dtype (bf16/fp16 mixed precision on CUDA).
        has_eval: Whether there is evaluation data.
        cuda: Whether training runs on CUDA.
        args_class: A ``TrainingArguments`` subclass to build instead (TRL's ``DPOConfig``).
        extra: More arguments, or other values for these ones (those ``args_class`` does not have are dropped).

    Returns:
        The arguments, for one GPU per process (see :func:`one_gpu_per_process`).

    Raises:
        MissingExtraError: ``logging.report_to`` names tensorboard and it is not installed.
    """
    args_class = args_class or transformers.TrainingArguments
    names = {f.name for f in dataclasses.fields(args_class)}
    if "tensorboard" in cfg.logging.report_to and not (has_module("tensorboard") or has_module("tensorboardX")):
        raise MissingExtraError("tensorboard", "tensorboard", "logging.report_to: [tensorboard]")
    token_budget = plan.budget.tokens is not None
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
        "gradient_checkpointing": bool(plan.checkpointing.enabled) and plan.backend != "unsloth",
        # medtune counts real tokens on the host (no device sync per step); see MedtuneHFTrainer
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
    kwargs.update(extra or {})
    return one_gpu_per_process(args_class(**{k: v for k, v in kwargs.items() if k in names}))


def one_gpu_per_process(args: Any) -> Any:
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


def build_trainer(
    cfg: TrainConfig,
    plan: Plan,
    *,
    model: Any,
    tokenizer: Any,
    args: Any,
    train_dataset: Any,
    eval_dataset: Any,
    callbacks: list[Any],
    trained_tokens: int,
    run_dir: Path,
) -> MedtuneHFTrainer:
    """A :class:`MedtuneHFTrainer` batching as ``plan`` says, logging through medtune (no printer).

    Args:
        cfg: The run's config (``optim``: examples per step, length grouping, seed, loss denominator).
        plan: The run's decisions (backend, padding-free rows, token budget).
        model: The model with its LoRA adapters.
        tokenizer: Its tokenizer.
        args: The ``TrainingArguments`` (see :func:`training_arguments`).
        train_dataset: The tokenized training examples.
        eval_dataset: The tokenized evaluation examples, or ``None``.
        callbacks: medtune's callbacks (see :func:`medtune.training.callbacks.make_callbacks`).
        trained_tokens: The trained tokens of the whole training set (the tokenization report's count).
        run_dir: The run directory (TensorBoard events go to ``RUN/tensorboard/``).

    Returns:
        The trainer, ready to train.
    """
    collator = Collator(
        tokenizer.pad_token_id, padding_free=plan.padding_free.enabled, host_lengths=plan.backend == "unsloth"
    )
    sft = MedtuneHFTrainer(
        model=model,
        args=args,
        train_dataset=train_dataset,
        eval_dataset=eval_dataset,
        data_collator=collator,
        processing_class=tokenizer,
        callbacks=callbacks,
    )
    sft.medtune_batching = Batching(
        budget=plan.budget.tokens,
        examples_per_step=cfg.effective_batch_size,
        pool_steps=cfg.optim.length_group_pool,
        seed=cfg.optim.seed,
        loss_denominator=cfg.optim.loss_denominator,
        trained_tokens=trained_tokens,
    )
    sft.remove_callback(transformers.trainer_callback.PrinterCallback)  # medtune logs instead
    for callback in sft.callback_handler.callbacks:  # TensorBoard events go to RUN/tensorboard/, not checkpoints/
        if type(callback).__name__ == "TensorBoardCallback" and getattr(callback, "logging_dir", None) is None:
            callback.logging_dir = str(run_dir / "tensorboard")
    return sft
