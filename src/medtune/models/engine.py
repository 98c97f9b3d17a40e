"""The generation engine: token-id prompts in, token-id answers out, batched the fastest way the model allows.

Three engines, one result:

- ``continuous``: transformers' continuous batching with paged attention (``model.generate_batch``). Requests of any
  length join and leave the batch as they finish; nothing is padded to the longest prompt. Used for greedy decoding.
- ``static``: the ``batched`` path with a static KV cache, which transformers compiles on CUDA (CUDA graphs); every
  batch of a call padded to one width and the last batch filled, so one compiled step per batch size serves them all.
- ``batched``: left-padded, length-sorted batches through ``model.generate`` (medtune's path before issue #16). Used
  for sampling (continuous batching has one random stream for all requests, so an answer would depend on its
  neighbours; here each batch is seeded) and for decoding options continuous batching would drop
  (``repetition_penalty``, ``min_new_tokens``), and wherever ``generate_batch`` is missing.

``engine="auto"`` picks ``static`` on CUDA for a model transformers can compile whole (not a PEFT wrapper), and
``batched`` elsewhere. Measured on one H100 (SmolLM2-135M's architecture, bf16, 200 new tokens; docs/benchmarks.md):
``static`` gave 15,339 new tokens/s at batch 64 and 31,409 at batch 256 against 975 and 4,485 for ``batched`` in the
same call; ``continuous`` with transformers' default settings was slower than ``batched`` (0.63-0.94x), though it
returns each request's first token far sooner. On the CPU ``static`` is not compiled and is no faster, so ``auto``
stays ``batched``. Greedy answers are the same from every engine (tested on CPU). torch and transformers are imported
only when an engine runs.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import Any, Literal

from medtune._extras import require
from medtune.errors import ConfigError

__all__ = ["ENGINES", "Engine", "choose_engine", "generate_ids", "static_compiles"]

Engine = Literal["auto", "continuous", "batched", "static"]
ENGINES: tuple[str, ...] = ("auto", "continuous", "batched", "static")

_log = logging.getLogger(__name__)

#: Paged KV-cache block size on the CPU (transformers sizes the cache from free GPU memory on CUDA).
_CPU_BLOCK = 32
#: Prompt widths of the ``static`` engine are rounded up to a multiple of this (fewer shapes to compile).
_STATIC_WIDTH = 64


def continuous_unsupported(model: Any, decoding: dict[str, Any]) -> str | None:
    """Why continuous batching cannot run this decoding on this model, or ``None`` when it can."""
    if not hasattr(model, "generate_batch"):
        return "the model has no generate_batch (transformers < 4.56)"
    if decoding.get("do_sample"):
        return "sampling (continuous batching shares one random stream between requests)"
    if decoding.get("repetition_penalty", 1.0) != 1.0:
        return "repetition_penalty (continuous batching would drop it)"
    if decoding.get("min_new_tokens"):
        return "min_new_tokens (continuous batching would drop it)"
    return None


def static_compiles(model: Any) -> bool:
    """Whether the ``static`` engine pays off here: the model is on CUDA and transformers can compile it whole."""
    if type(model).__module__.split(".")[0] == "peft" or not getattr(model, "_can_compile_fullgraph", False):
        return False
    try:
        return next(model.parameters()).device.type == "cuda"
    except (AttributeError, StopIteration, TypeError):
        return False


def choose_engine(model: Any, decoding: dict[str, Any], engine: str = "auto") -> str:
    """The engine that runs: ``continuous``, ``static`` or ``batched``.

    Raises:
        ConfigError: ``engine`` is unknown, or ``continuous`` was asked for where it cannot run.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown generation engine {engine!r}. Fix: use one of {', '.join(ENGINES)}.")
    reason = continuous_unsupported(model, decoding)
    if engine == "continuous" and reason:
        raise ConfigError(f"engine 'continuous' cannot run here: {reason}. Fix: use engine 'auto' or 'batched'.")
    if engine in ("continuous", "static"):
        return engine
    return "static" if static_compiles(model) else "batched"  # 'auto': the measured faster path (module docstring)


def _trim(seq: Sequence[int], stop: set[int], pad_id: int | None) -> list[int]:
    """Up to (not including) the first stop token; pad tokens dropped."""
    out = []
    for token in seq:
        if token in stop:
            break
        if token != pad_id:
            out.append(int(token))
    return out


def _batched(
    model: Any,
    prompts: Sequence[list[int]],
    decoding: dict[str, Any],
    stop: list[int],
    pad_id: int,
    batch_size: int,
    static: bool = False,
) -> list[list[int]]:
    """Length-sorted, left-padded batches through ``model.generate``.

    ``static``: a static KV cache, which transformers compiles on CUDA (CUDA graphs: one launch per decoding step
    instead of hundreds). Shapes are kept few so the compiled step is reused: the prompt width is rounded up to
    :data:`_STATIC_WIDTH` and shared by every batch of the call (the cache length, and so the compiled step, depend on
    it), and the last batch is filled up with copies of its last prompt (their answers dropped).
    """
    torch = require("torch", "train", "generation")
    device = next(model.parameters()).device
    order = sorted(range(len(prompts)), key=lambda i: -len(prompts[i]))  # similar lengths together: less padding
    outs: dict[int, list[int]] = {}
    extra = {"cache_implementation": "static"} if static else {}
    common = -(-max(len(p) for p in prompts) // _STATIC_WIDTH) * _STATIC_WIDTH if static else 0
    for b in range(0, len(order), batch_size):
        idx = order[b : b + batch_size]
        rows = [list(prompts[i]) for i in idx]
        width = max(len(r) for r in rows)
        if static:
            width = common
            rows += [rows[-1]] * (batch_size - len(rows))
        ids = torch.tensor([[pad_id] * (width - len(r)) + r for r in rows], device=device)
        mask = torch.tensor([[0] * (width - len(r)) + [1] * len(r) for r in rows], device=device)
        with torch.no_grad():
            out = model.generate(
                input_ids=ids, attention_mask=mask, pad_token_id=pad_id, eos_token_id=stop or None, **decoding, **extra
            )
        for i, row in zip(idx, out[:, width:].tolist()):
            outs[i] = row
    return [outs[i] for i in range(len(prompts))]


def _static(
    model: Any, prompts: Sequence[list[int]], decoding: dict[str, Any], stop: list[int], pad_id: int, batch_size: int
) -> list[list[int]]:
    return _batched(model, prompts, decoding, stop, pad_id, batch_size, static=True)


def _cb_config(model: Any, prompts: Sequence[list[int]], max_new: int, batch_size: int) -> Any:
    from transformers.generation.configuration_utils import ContinuousBatchingConfig

    on_cuda = next(model.parameters()).device.type == "cuda"
    if on_cuda:  # transformers sizes the paged cache from free GPU memory
        return ContinuousBatchingConfig(max_requests_per_batch=batch_size)
    # On the CPU, a cache for the requests that run at once (sizing it from memory would take minutes).
    longest = max(len(p) for p in prompts) + max_new
    at_once = min(batch_size, len(prompts))
    blocks = at_once * math.ceil(longest / _CPU_BLOCK) + 2
    return ContinuousBatchingConfig(
        block_size=_CPU_BLOCK,
        num_blocks=blocks,
        max_batch_tokens=max(longest, 512),
        max_requests_per_batch=batch_size,
        allow_block_sharing=False,
    )


def _continuous(
    model: Any, prompts: Sequence[list[int]], decoding: dict[str, Any], stop: list[int], pad_id: int, batch_size: int
) -> list[list[int]]:
    transformers = require("transformers", "train", "generation")
    max_new = int(decoding["max_new_tokens"])
    config = transformers.GenerationConfig(
        max_new_tokens=max_new, do_sample=False, eos_token_id=stop or None, pad_token_id=pad_id
    )
    on_cuda = next(model.parameters()).device.type == "cuda"
    results = model.generate_batch(
        inputs=[list(p) for p in prompts],
        generation_config=config,
        continuous_batching_config=_cb_config(model, prompts, max_new, batch_size),
        progress_bar=False,
        warmup=on_cuda,
    )
    by_index = {int(key.rsplit("_", 1)[-1]): value for key, value in results.items()}
    failed = [(i, r.error) for i, r in by_index.items() if r.error]
    if failed or len(by_index) != len(prompts):
        raise ConfigError(
            f"continuous batching failed on {len(failed) or len(prompts) - len(by_index)} request(s) "
            f"(first: {failed[0][1] if failed else 'missing'}). Fix: use engine 'batched'."
        )
    return [list(by_index[i].generated_tokens) for i in range(len(prompts))]


def generate_ids(
    model: Any,
    prompts: Sequence[list[int]],
    decoding: dict[str, Any],
    *,
    stop_ids: Sequence[int],
    pad_id: int,
    batch_size: int = 8,
    engine: str = "auto",
) -> tuple[list[list[int]], str]:
    """Generate an answer for each prompt (token ids), in the prompts' order.

    Args:
        model: A causal LM in eval mode.
        prompts: Prompt token ids.
        decoding: ``model.generate`` keyword arguments (``max_new_tokens``, ``do_sample``, ...).
        stop_ids: Tokens that end an answer (not included in it).
        pad_id: The padding token.
        batch_size: Answers generated at once (the batch, or the most requests in flight).
        engine: ``auto``, ``continuous``, ``batched`` or ``static`` (see the module docstring).

    Returns:
        The answers' token ids (cut at the first stop token, no padding) and the engine that ran.

    Raises:
        ConfigError: Unknown engine, ``continuous`` where it cannot run, or a failed request.
    """
    if not prompts:
        return [], "batched"
    used = choose_engine(model, decoding, engine)
    run = {"continuous": _continuous, "static": _static}.get(used, _batched)
    try:
        raw = run(model, prompts, decoding, list(stop_ids), pad_id, batch_size)
    except Exception as err:  # a compiler failure of any kind: the padded path still answers
        if engine != "auto" or used != "static":
            raise
        _log.warning(
            "the static engine failed (%s: %s); generating with the batched engine instead", type(err).__name__, err
        )
        used = "batched"
        raw = _batched(model, prompts, decoding, list(stop_ids), pad_id, batch_size)
    stop = set(stop_ids)
    return [_trim(seq, stop, pad_id) for seq in raw], used
