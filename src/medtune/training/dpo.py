"""The TRL side of preference tuning (``method: dpo``): TRL's ``DPOConfig`` from a medtune config, its ``DPOTrainer``.

medtune tokenizes the pairs itself (:mod:`medtune.training.pairs`, the rules of supervised fine-tuning) and hands
TRL the token ids; the loss, the reference log-probabilities and the reward metrics are TRL's. The reference model
is the model being tuned with its LoRA adapter disabled, so a run holds one copy of the weights.

TRL 1.15 computes per-token log-probabilities with a Triton kernel, which CPU builds of torch do not ship; without
Triton, :func:`use_torch_log_probs` gives TRL the same computation in plain torch (tested on CPU; on a GPU TRL's
own kernel runs).

This module imports torch, transformers and trl: :mod:`medtune.training.trainer` imports it when a DPO run starts,
after the backend (unsloth must be imported before transformers).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtune._extras import require
from medtune.errors import MedtuneError
from medtune.training import hf_trainer

if TYPE_CHECKING:
    from medtune.training.config import TrainConfig
    from medtune.training.plan import Plan

__all__ = [
    "MIN_TRL",
    "MedtuneDPOTrainer",
    "TorchLogProbs",
    "build_dpo_trainer",
    "dpo_arguments",
    "use_torch_log_probs",
]

logger = logging.getLogger("medtune.training")
_FEATURE = "preference tuning (train.method: dpo)"

#: The oldest TRL whose DPOTrainer takes token ids as medtune gives them (prompt_ids, chosen_ids, rejected_ids).
MIN_TRL = "1.15.0"

torch = require("torch", "train", _FEATURE)
transformers = require("transformers", "train", _FEATURE)
trl = require("trl", "train", _FEATURE)


def _check_trl_version() -> None:
    from packaging.version import Version

    if Version(trl.__version__) < Version(MIN_TRL):
        raise MedtuneError(
            f"{_FEATURE} needs trl {MIN_TRL} or newer, and trl {trl.__version__} is installed. "
            f'Fix: pip install "trl=={MIN_TRL}" (the version DPO is tested with)'
        )


_check_trl_version()


class TorchLogProbs:
    """TRL's ``ChunkedLogProbFunction`` in plain torch: per-token log-probabilities of ``hidden @ weight.T``.

    The same signature and outputs as TRL 1.15's Triton kernel (log-probabilities, and on request the entropy,
    ``log(sum p^2)``, the mean logit and whether the target is the top token), computed from the whole logits
    ``[tokens, vocabulary]`` in float32, with autograd for the backward pass. Memory grows with the vocabulary, which
    suits the CPU and small models it is used for.
    """

    @staticmethod
    def apply(
        hidden: Any,
        weight: Any,
        bias: Any,
        targets: Any,
        temperature: float,
        chunk_size: int,
        final_logit_softcapping: float | None = None,
        logit_scale: float = 1.0,
        outputs: tuple[str, ...] = ("log_probs",),
    ) -> tuple[Any, Any, Any, Any, Any]:
        """``(log_probs, entropy, log_sum_sq_probs, mean_logits, is_top1)``; those not in ``outputs`` are None."""
        del chunk_size  # the whole logits at once
        y = torch.nn.functional.linear(hidden.float(), weight.float(), None if bias is None else bias.float())
        y = y * logit_scale
        if final_logit_softcapping is not None:
            y = final_logit_softcapping * torch.tanh(y / final_logit_softcapping)
        z = y / temperature
        log_z = torch.logsumexp(z, dim=-1)
        log_probs = z.gather(-1, targets.long().unsqueeze(-1)).squeeze(-1) - log_z
        entropy = log_z - (torch.softmax(z, dim=-1) * z).sum(-1) if "entropy" in outputs else None
        with torch.no_grad():
            sq = torch.logsumexp(2 * z, dim=-1) - 2 * log_z if "log_sum_sq_probs" in outputs else None
            mean = z.mean(-1) if "mean_logits" in outputs else None
            top1 = z.argmax(-1) == targets if "is_top1" in outputs else None
        return log_probs, entropy, sq, mean, top1


def use_torch_log_probs() -> bool:
    """Give TRL :class:`TorchLogProbs` where its Triton kernel is missing (CPU builds of torch).

    Returns:
        Whether TRL's kernel was missing (and is now the torch version).
    """
    from trl.trainer import utils

    if getattr(utils, "_ChunkedLogProbFunction", TorchLogProbs) is None:
        utils._ChunkedLogProbFunction = TorchLogProbs
        logger.info("DPO log-probabilities: plain torch (TRL's Triton kernel needs a GPU build of torch)")
        return True
    return False


class MedtuneDPOTrainer(trl.DPOTrainer):  # type: ignore[misc, name-defined]
    """TRL's ``DPOTrainer`` on pairs that medtune tokenized (:func:`medtune.training.pairs.tokenize_pairs`)."""

    def _prepare_dataset(self, dataset: Any, processing_class: Any, args: Any, dataset_name: str) -> Any:
        """The pairs as they are: already ``prompt_ids``, ``chosen_ids`` and ``rejected_ids``."""
        return dataset


def dpo_arguments(
    cfg: TrainConfig, plan: Plan, ckpt_dir: Path, optimizer: str, dtype: Any, *, has_eval: bool, cuda: bool
) -> Any:
    """TRL's ``DPOConfig`` for a run: the run's ``TrainingArguments`` plus the ``dpo`` section.

    ``dpo.sft_weight`` adds TRL's ``sft`` loss to ``dpo.loss_type`` with that weight. Sequences are cut at
    ``format.max_seq_length`` (they already are: see :mod:`medtune.training.pairs`). Dropout is off, as TRL sets it,
    so that the policy's and the reference's log-probabilities are comparable.
    """
    dpo = cfg.dpo
    assert dpo is not None  # TrainConfig fills it in for method dpo
    losses, weights = [dpo.loss_type], None
    if dpo.sft_weight > 0:
        losses, weights = [dpo.loss_type, "sft"], [1.0, dpo.sft_weight]
    extra = {
        "beta": dpo.beta,
        "loss_type": losses,
        "loss_weights": weights,
        "label_smoothing": dpo.label_smoothing,
        "max_length": cfg.format.max_seq_length,
        "truncation_mode": "keep_start",
        "disable_dropout": True,
        # tokens/s in the log: the batch's real tokens (both answers of each pair), counted by transformers
        "include_num_input_tokens_seen": "non_padding",
    }
    return hf_trainer.training_arguments(
        cfg, plan, ckpt_dir, optimizer, dtype, has_eval=has_eval, cuda=cuda, args_class=trl.DPOConfig, extra=extra
    )


def build_dpo_trainer(
    *,
    model: Any,
    tokenizer: Any,
    args: Any,
    train_dataset: Any,
    eval_dataset: Any,
    callbacks: list[Any],
    run_dir: Path,
) -> MedtuneDPOTrainer:
    """A :class:`MedtuneDPOTrainer` whose reference is ``model`` with its adapter disabled, logging through medtune.

    Args:
        model: The model with its (fresh) LoRA adapter.
        tokenizer: Its tokenizer (with a pad token that is not EOS).
        args: The ``DPOConfig`` (see :func:`dpo_arguments`).
        train_dataset: The tokenized training pairs.
        eval_dataset: The tokenized evaluation pairs, or ``None``.
        callbacks: medtune's callbacks (see :func:`medtune.training.callbacks.make_callbacks`).
        run_dir: The run directory (TensorBoard events go to ``RUN/tensorboard/``).

    Returns:
        The trainer, ready to train.
    """
    use_torch_log_probs()
    trainer = MedtuneDPOTrainer(
        model=model,
        args=args,
        train_dataset=train_dataset,
        eval_dataset=eval_dataset,
        processing_class=tokenizer,
        callbacks=callbacks,
    )
    # Given a PEFT model, TRL keeps a frozen copy of its adapter ("ref") as the reference, for adapters trained
    # before. medtune's adapter is new (LoRA's B is zero, so the copy equals no adapter at all): drop the copy, so
    # that the reference is the adapter disabled and the saved adapter holds only what was trained.
    peft_model = trainer.accelerator.unwrap_model(trainer.model)
    if "ref" in getattr(peft_model, "peft_config", {}):
        peft_model.delete_adapter("ref")
    trainer.remove_callback(transformers.trainer_callback.PrinterCallback)  # medtune logs instead
    for callback in trainer.callback_handler.callbacks:
        if type(callback).__name__ == "TensorBoardCallback" and getattr(callback, "logging_dir", None) is None:
            callback.logging_dir = str(run_dir / "tensorboard")
    return trainer
