"""Batching under a token budget (the fast GPU path).

With ``optim.max_tokens_per_batch`` set, every optimizer step still takes ``batch_size x gradient_accumulation_steps``
examples (the recipe's effective batch of 32 by default), and the step's examples, sorted by length, are cut into
micro-batches whose size stays under the budget: rows x longest row when padded, the tokens of the one row when
padding-free (``format.padding_free``). Short examples then travel many to a
micro-batch and long ones few, and the GPU sees large batches; the loss is still the mean over every trained token of
the step (see ``Trainer``). Optionally (``optim.length_group_pool`` > 1) whole steps are grouped by length too, which
removes almost all padding but makes each step less representative of the data (docs/training.md).

* :class:`LengthGroupedStepSampler` yields the example indices of one optimizer step at a time: a seeded shuffle, then
  pools of ``pool_steps`` steps sorted by length and cut into steps, then the steps shuffled (``pool_steps=1``: steps
  of a plain shuffle). It is deterministic for a seed and an epoch, so a resumed run sees the same steps.
* :func:`split_micro_batches` cuts one step into micro-batches under the budget.
* :func:`activation_bytes_per_token` estimates what one token of a micro-batch costs in activation memory without
  recomputation, which decides whether activation checkpointing is needed (``model.gradient_checkpointing: null``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from typing import Any

__all__ = ["LengthGroupedStepSampler", "activation_bytes_per_token", "padded_tokens", "split_micro_batches"]


def padded_tokens(lengths: Sequence[int]) -> int:
    """Tokens a right-padded micro-batch of these lengths occupies (rows x the longest row)."""
    return len(lengths) * max(lengths) if lengths else 0


def _greedy(order: Sequence[int], lengths: Sequence[int], budget: int, padded: bool) -> list[list[int]]:
    batches: list[list[int]] = []
    current: list[int] = []
    total = 0
    for i in order:
        width = lengths[current[0]] if current else lengths[i]  # longest first: the first row sets the width
        # padded: rows x width; padding-free: one concatenated row of the tokens themselves
        cost = (len(current) + 1) * width if padded else total + lengths[i]
        if current and cost > budget:
            batches.append(current)
            current, total = [], 0
        current.append(i)
        total += lengths[i]
    if current:
        batches.append(current)
    return batches


def split_micro_batches(lengths: Sequence[int], budget: int, *, padded: bool = True) -> list[list[int]]:
    """Cut one optimizer step into as few micro-batches of at most ``budget`` padded tokens as a greedy cut needs.

    The micro-batches are then evened out (the smallest budget that still gives that many micro-batches), so a step
    slightly over the budget becomes two halves rather than one full micro-batch and a sliver.

    Args:
        lengths: Token length of each example of the step.
        budget: Maximum of rows x longest row per micro-batch. An example longer than the budget gets a micro-batch
            of its own.
        padded: ``False`` for padding-free micro-batches (one concatenated row, ``format.padding_free``): the
            budget then bounds the sum of the lengths.

    Returns:
        Positions into ``lengths``, one list per micro-batch, longest examples first.

    Example:
        >>> split_micro_batches([100, 400, 120, 390, 110], budget=800)
        [[1, 3], [2, 4, 0]]
        >>> split_micro_batches([100] * 9, budget=800)  # 8 + 1 would be uneven: 5 + 4
        [[0, 1, 2, 3, 4], [5, 6, 7, 8]]
        >>> split_micro_batches([100, 400, 120, 390, 110], budget=800, padded=False)  # rows of 400 and 720 tokens
        [[1], [3, 2, 4, 0]]
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches = _greedy(order, lengths, budget, padded)
    lo, hi = max(lengths, default=0), budget
    while lo < hi:  # the smallest budget that keeps the same number of micro-batches
        mid = (lo + hi) // 2
        if len(_greedy(order, lengths, mid, padded)) <= len(batches):
            hi = mid
        else:
            lo = mid + 1
    return _greedy(order, lengths, hi, padded) if hi < budget else batches


class LengthGroupedStepSampler:
    """Yields the dataset indices of one optimizer step at a time, grouped by length.

    Args:
        lengths: Token length of every example of the dataset.
        examples_per_step: Examples per optimizer step (``batch_size x gradient_accumulation_steps``).
        seed: Shuffle seed; the epoch is added to it.
        pool_steps: How many steps' worth of examples are sorted together. Larger pools pad less; smaller pools
            keep steps closer to a uniform shuffle.
        drop_last: Drop the last, smaller step of an epoch.
        world_size: Processes that train together (DDP). Steps are shuffled in blocks of this many steps with
            neighbouring token counts, so the processes' steps of one iteration take about as long and none waits
            long for another at the gradient all-reduce (rank ``r`` takes steps ``r, r + world_size, ...``). This
            changes only the order of the steps, not which examples make a step.

    Example:
        >>> sampler = LengthGroupedStepSampler([5, 50, 6, 48, 7, 52, 5, 49], examples_per_step=2, seed=0)
        >>> steps = list(sampler)
        >>> sorted(i for step in steps for i in step) == list(range(8)), len(steps)
        (True, 4)
        >>> all(abs(sampler.lengths[a] - sampler.lengths[b]) <= 3 for a, b in steps)  # short with short, long with long
        True
    """

    def __init__(
        self,
        lengths: Sequence[int],
        examples_per_step: int,
        *,
        seed: int = 42,
        pool_steps: int = 64,
        drop_last: bool = False,
        world_size: int = 1,
    ) -> None:
        if examples_per_step < 1 or pool_steps < 1 or world_size < 1:
            raise ValueError(
                "examples_per_step, pool_steps and world_size must be >= 1, "
                f"got {examples_per_step}, {pool_steps}, {world_size}"
            )
        self.lengths = list(lengths)
        self.examples_per_step = examples_per_step
        self.seed = seed
        self.pool_steps = pool_steps
        self.drop_last = drop_last
        self.world_size = world_size
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """Use the shuffle of this epoch (called by the training loop at the start of each epoch)."""
        self.epoch = epoch

    def __len__(self) -> int:
        n, k = len(self.lengths), self.examples_per_step
        return n // k if self.drop_last else math.ceil(n / k)

    def __iter__(self) -> Iterator[list[int]]:
        rng = random.Random(self.seed + self.epoch)
        order = list(range(len(self.lengths)))
        rng.shuffle(order)
        k = self.examples_per_step
        pool_size = k * self.pool_steps
        steps: list[list[int]] = []
        for start in range(0, len(order), pool_size):
            pool = sorted(order[start : start + pool_size], key=lambda i: self.lengths[i])
            steps.extend(pool[j : j + k] for j in range(0, len(pool), k))
        full = [s for s in steps if len(s) == k]
        partial = [s for s in steps if len(s) < k]
        if partial and not self.drop_last:
            # the leftovers of the last pool form one (smaller) last step
            full.append([i for s in partial for i in s][:k])
            rest = [i for s in partial for i in s][k:]
            if rest:
                full.append(rest)
        w = self.world_size
        if w > 1:  # the processes of one iteration take steps of similar token counts (the order of steps only)
            full.sort(key=lambda step: sum(self.lengths[i] for i in step))
        blocks = [full[i : i + w] for i in range(0, len(full), w)]
        rng.shuffle(blocks)
        for block in blocks:
            yield from block


def activation_bytes_per_token(config: Any, *, lora_dropout: float, fused_loss: bool) -> int:
    """Estimated activation memory one token of a micro-batch keeps for the backward pass, with no recomputation.

    A deliberately generous estimate for a Llama-style decoder in 16-bit: per layer about ten hidden-size and two
    and a half intermediate-size values are kept, plus the inputs LoRA dropout copies; the output layer adds the
    logits (16-bit and their 32-bit upcast and gradient) unless the loss is fused or chunked. On a
    Llama-3.2-1B-shaped model with Unsloth it gives 1.31 MB/token where 1.11 MB/token was measured.

    Args:
        config: The model's transformers config (``num_hidden_layers``, ``hidden_size``, ``intermediate_size``,
            ``vocab_size``).
        lora_dropout: LoRA dropout; above zero, each adapted projection keeps a dropped copy of its input.
        fused_loss: Whether the backend computes the loss without materialising all logits (Unsloth does).
    """
    layers = int(getattr(config, "num_hidden_layers", 0) or 0)
    hidden = int(getattr(config, "hidden_size", 0) or 0)
    inter = int(getattr(config, "intermediate_size", 0) or 4 * hidden)
    vocab = int(getattr(config, "vocab_size", 0) or 0)
    per_layer = 10 * hidden + 2.5 * inter
    if lora_dropout > 0:
        per_layer += 6 * hidden + inter
    total = layers * per_layer * 2
    if not fused_loss:
        total += vocab * (2 + 4 + 4)
    return int(total)
