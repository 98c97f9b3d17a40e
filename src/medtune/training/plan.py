"""What a run does on this machine: padding-free rows, the token budget of a micro-batch, activation checkpointing.

Each decision is a small pure function of the config and of facts about the machine (whether CUDA is present, and,
only when a decision needs it, how much memory is free), returned with its reason, the way
:class:`~medtune.training.backends.BackendChoice` is. The reasons are logged and written to ``run.json`` and the
model card. The decisions never import torch; the trainer gathers the facts (:func:`gpu_memory` measures the GPU).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from medtune.training.config import TrainConfig

__all__ = [
    "Checkpointing",
    "Memory",
    "MemoryProbe",
    "PaddingFree",
    "Plan",
    "TokenBudget",
    "decide_checkpointing",
    "decide_dpo",
    "decide_padding_free",
    "decide_token_budget",
    "gpu_memory",
]


class PaddingFree(NamedTuple):
    """Whether micro-batches are padding-free rows (``format.padding_free``), and why."""

    enabled: bool
    reason: str


class TokenBudget(NamedTuple):
    """The tokens of one micro-batch (``optim.max_tokens_per_batch``; ``None``: fixed micro-batches), described."""

    tokens: int | None
    reason: str


class Checkpointing(NamedTuple):
    """Whether activations are recomputed (``None``: the backend's default), and why."""

    enabled: bool | None
    reason: str

    def label(self, backend: str) -> str:
        """What runs on ``backend``: ``"off"``, ``"on"`` or ``"on (unsloth)"`` (unsloth's default is on)."""
        if self.enabled is None:
            return "on (unsloth)" if backend == "unsloth" else "off"
        return ("on (unsloth)" if backend == "unsloth" else "on") if self.enabled else "off"


@dataclass(frozen=True)
class Memory:
    """What the memory decisions need to know about the GPU and the model.

    Attributes:
        free_bytes: Free memory on the training GPU.
        bytes_per_token: Activation memory one token of a micro-batch takes (see
            :func:`medtune.training.batching.activation_bytes_per_token`).
    """

    free_bytes: int
    bytes_per_token: int


#: Measures :class:`Memory`; called only by a decision that needs it (on CUDA, with nothing set in the config).
MemoryProbe = Callable[[], Memory]


@dataclass(frozen=True)
class Plan:
    """The three decisions of a run, on its backend."""

    backend: str
    padding_free: PaddingFree
    budget: TokenBudget
    checkpointing: Checkpointing

    def facts(self) -> dict[str, Any]:
        """The decisions as ``run.json`` records them."""
        return {
            "gradient_checkpointing": {
                "enabled": self.checkpointing.label(self.backend),
                "reason": self.checkpointing.reason,
            },
            "batching": self.budget.reason,
            "padding_free": {"enabled": self.padding_free.enabled, "reason": self.padding_free.reason},
        }


def decide_padding_free(cfg: TrainConfig, backend: str, varlen: tuple[bool, str], *, cuda: bool) -> PaddingFree:
    """Whether micro-batches are padding-free rows.

    ``auto`` turns them on only where they are faster than padding: token-budget micro-batches on the unsloth
    backend on CUDA, with a varlen attention kernel.

    Args:
        cfg: The run's config (``format.padding_free``, ``format.packing``, ``optim.max_tokens_per_batch``).
        backend: The backend's name.
        varlen: The backend's ``varlen``: whether padding-free rows run on a fast varlen kernel, and which kernel.
        cuda: Whether a CUDA device is visible.

    Returns:
        The decision and its reason.
    """
    requested = cfg.format.padding_free
    if cfg.format.packing:
        return PaddingFree(True, "format.packing builds padding-free rows")
    if requested != "auto":
        return PaddingFree(bool(requested), "set in the config (format.padding_free)")
    if cfg.optim.max_tokens_per_batch is None:
        return PaddingFree(False, "auto: fixed micro-batches (optim.max_tokens_per_batch is null) are padded")
    fast, kernel = varlen
    if backend != "unsloth" or not cuda:
        return PaddingFree(False, f"auto: on the {backend} backend padding-free rows would run on {kernel}")
    if not fast:
        return PaddingFree(False, f"auto: padding-free rows would run on {kernel}, slower than padding")
    return PaddingFree(True, f"auto: the unsloth backend runs padding-free rows on {kernel}")


def decide_token_budget(
    cfg: TrainConfig, *, cuda: bool, memory: MemoryProbe, padding_free: bool = False
) -> TokenBudget:
    """``optim.max_tokens_per_batch`` as a number of tokens, or fixed micro-batches.

    ``auto`` (CUDA only, not with packing) takes the tokens whose activations fill half the free memory, within
    ``[format.max_seq_length, one whole step]``.

    Args:
        cfg: The run's config.
        cuda: Whether a CUDA device is visible.
        memory: Measures the free memory; called only for ``auto`` on CUDA.
        padding_free: Whether micro-batches are padding-free rows (for the description).

    Returns:
        The budget (``None``: fixed micro-batches of ``optim.batch_size``) and a description of the batching.
    """
    requested = cfg.optim.max_tokens_per_batch
    fixed = (
        f"fixed micro-batches of {cfg.optim.batch_size} examples x {cfg.optim.gradient_accumulation_steps} "
        "accumulation steps"
    )
    if requested is None:
        return TokenBudget(None, fixed)
    if requested == "auto":
        if cfg.format.packing:
            return TokenBudget(None, f"{fixed} (format.packing)")
        if not cuda:
            return TokenBudget(
                None, f"{fixed} (optim.max_tokens_per_batch 'auto' groups by length on CUDA devices only)"
            )
        mem = memory()
        whole_step = cfg.effective_batch_size * cfg.format.max_seq_length
        fit = int(0.5 * mem.free_bytes / max(mem.bytes_per_token, 1))
        budget = max(cfg.format.max_seq_length, min(fit, whole_step))
        how = f"'auto' from {mem.free_bytes / 2**30:.0f} GiB free"
    else:
        budget, how = int(requested), "optim.max_tokens_per_batch"
    pool = cfg.optim.length_group_pool
    steps = "shuffled steps" if pool == 1 else f"steps grouped by length (pools of {pool} steps)"
    return TokenBudget(
        budget,
        f"{steps} of {cfg.effective_batch_size} examples, each sorted by length into micro-batches of at most "
        f"{budget} {'tokens in one padding-free row' if padding_free else 'padded tokens'} ({how})",
    )


def decide_dpo(cfg: TrainConfig) -> tuple[PaddingFree, TokenBudget, Checkpointing]:
    """The decisions of a DPO run: TRL's ``DPOTrainer`` pads fixed micro-batches of pairs.

    Each micro-batch holds ``optim.batch_size`` pairs (twice as many sequences: each pair's chosen and rejected
    answers), with ``optim.gradient_accumulation_steps`` of them per optimizer step. Activations are recomputed
    when ``model.gradient_checkpointing`` says so, else as the backend does by default.
    """
    requested = cfg.model.gradient_checkpointing
    checkpointing = (
        Checkpointing(requested, "set in the config (model.gradient_checkpointing)")
        if requested is not None
        else Checkpointing(None, "the backend default (DPO: set model.gradient_checkpointing to choose)")
    )
    return (
        PaddingFree(False, "DPO: TRL's DPOTrainer pads each micro-batch"),
        TokenBudget(
            None,
            f"fixed micro-batches of {cfg.optim.batch_size} pairs x {cfg.optim.gradient_accumulation_steps} "
            "accumulation steps (DPO: TRL's batching)",
        ),
        checkpointing,
    )


def decide_checkpointing(cfg: TrainConfig, budget: int | None, *, cuda: bool, memory: MemoryProbe) -> Checkpointing:
    """Whether to recompute activations in the backward pass.

    Unless the config says, medtune decides only for token-budget micro-batches on CUDA: off when a micro-batch's
    activations fit in 80% of the free memory, on otherwise. Elsewhere the backend's default runs.

    Args:
        cfg: The run's config (``model.gradient_checkpointing``).
        budget: The tokens of one micro-batch (``None``: fixed micro-batches).
        cuda: Whether a CUDA device is visible.
        memory: Measures the free memory; called only when medtune decides.

    Returns:
        The decision (``None``: the backend's default) and its reason.
    """
    requested = cfg.model.gradient_checkpointing
    if requested is not None:
        return Checkpointing(requested, "set in the config (model.gradient_checkpointing)")
    if budget is None or not cuda:
        return Checkpointing(
            None, "the backend default (set optim.max_tokens_per_batch on a GPU to let medtune decide)"
        )
    mem = memory()
    need = mem.bytes_per_token * budget
    free = mem.free_bytes
    gib = 2**30
    if need <= 0.8 * free:
        return Checkpointing(
            False, f"a micro-batch of {budget} tokens needs ~{need / gib:.1f} GiB, {free / gib:.1f} GiB are free"
        )
    return Checkpointing(
        True,
        f"a micro-batch of {budget} tokens would need about {need / gib:.1f} GiB, only {free / gib:.1f} GiB are free "
        "(lower optim.max_tokens_per_batch to train without recomputation)",
    )


def gpu_memory(cfg: TrainConfig, model: Any, backend: str) -> Memory:
    """Measure :class:`Memory`: the GPU's free memory, and the activation memory of one token of ``model``.

    Args:
        cfg: The run's config (``lora.dropout``).
        model: The transformers model (its ``config``).
        backend: The backend's name (unsloth computes the loss fused, without the logits of the whole row).

    Returns:
        What the memory decisions need.
    """
    from medtune._extras import require
    from medtune.training.batching import activation_bytes_per_token

    torch = require("torch", "train", "LoRA training")
    per_token = activation_bytes_per_token(model.config, lora_dropout=cfg.lora.dropout, fused_loss=backend == "unsloth")
    free, _total = torch.cuda.mem_get_info()
    return Memory(free_bytes=free, bytes_per_token=per_token)
