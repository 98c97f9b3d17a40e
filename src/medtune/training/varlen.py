"""Variable-length (padding-free) attention on CUDA for torch builds without ``torch.nn.attention.varlen``.

A padding-free micro-batch (``format.padding_free``) is one row holding many examples; ``position_ids`` restart at
each example. Unsloth runs such rows through a varlen kernel when it has one: the ``flash-attn`` package, xformers'
block-diagonal attention, or ``torch.nn.attention.varlen.varlen_attn`` (torch 2.12 and later). Without any of them it
falls back to one attention call per run of equal-length examples, which for a shuffled step of ~160 examples is ~160
small calls per layer and slower than padding.

torch has shipped the same flash kernel with a ``cu_seqlens`` interface as an ATen operator
(``aten::_flash_attention_forward`` / ``_backward``) since long before ``varlen_attn`` wrapped it. This module wraps
that operator in an autograd function with ``varlen_attn``'s call signature and, when Unsloth has no varlen kernel,
hands it to Unsloth's attention dispatch. Nothing changes where Unsloth already has one.
"""

from __future__ import annotations

import functools
import logging
import sys
from typing import Any

from medtune._extras import require

__all__ = ["flash_varlen_attention", "install_unsloth_varlen"]

logger = logging.getLogger("medtune.training")

_DISPATCH = "unsloth.utils.attention_dispatch"
_INSTALLED = "torch's ATen flash varlen kernel (installed by medtune: this torch has no varlen_attn)"


def _aten() -> Any:
    """The ATen operator namespace (a seam for the CPU tests, which stand in a reference implementation)."""
    return require("torch", "train", "padding-free attention").ops.aten


@functools.cache
def _function() -> Any:
    torch = require("torch", "train", "padding-free attention")

    class FlashVarlen(torch.autograd.Function):  # type: ignore[misc, name-defined]
        """Causal or windowed flash attention over the segments that ``cu_seqlens`` marks in one packed row."""

        @staticmethod
        def forward(ctx: Any, q: Any, k: Any, v: Any, cu_q: Any, cu_k: Any, max_q: int, max_k: int, scale: Any,
                    left: int, right: int) -> Any:  # fmt: skip
            causal = right == 0
            out, lse, rng_state, unused, _ = _aten()._flash_attention_forward(
                q, k, v, cu_q, cu_k, max_q, max_k, 0.0, causal, False,
                scale=scale, window_size_left=left, window_size_right=right,
            )  # fmt: skip
            ctx.save_for_backward(q, k, v, cu_q, cu_k, out, lse, rng_state, unused)
            ctx.shape = (max_q, max_k, causal, scale, left, right)
            return out

        @staticmethod
        def backward(ctx: Any, grad: Any) -> Any:
            q, k, v, cu_q, cu_k, out, lse, rng_state, unused = ctx.saved_tensors
            max_q, max_k, causal, scale, left, right = ctx.shape
            dq, dk, dv = _aten()._flash_attention_backward(
                grad.contiguous(), q, k, v, out, lse, cu_q, cu_k, max_q, max_k, 0.0, causal, rng_state, unused,
                scale=scale, window_size_left=left, window_size_right=right,
            )  # fmt: skip
            return dq, dk, dv, None, None, None, None, None, None, None

    return FlashVarlen


def flash_varlen_attention(
    query: Any,
    key: Any,
    value: Any,
    cu_seq_q: Any,
    cu_seq_k: Any | None,
    max_q: int,
    max_k: int,
    *,
    scale: float | None = None,
    window_size: tuple[int, int] = (-1, -1),
    enable_gqa: bool = False,
) -> Any:
    """Attention within each segment of a packed row; the call signature of torch's ``varlen_attn``.

    Args:
        query: ``(total_tokens, heads, head_dim)``, bf16 or fp16, on CUDA.
        key: ``(total_tokens, kv_heads, head_dim)``; ``kv_heads`` divides ``heads`` (grouped-query attention).
        value: Same shape as ``key``.
        cu_seq_q: int32 offsets of the segments in ``query`` (``0, len0, len0 + len1, ..., total``).
        cu_seq_k: The same for ``key``; ``None`` means ``cu_seq_q``.
        max_q: The longest query segment.
        max_k: The longest key segment.
        scale: Softmax scale; ``None`` is ``1 / sqrt(head_dim)``.
        window_size: ``(left, right)`` tokens each query sees; ``(-1, 0)`` is causal, ``(-1, -1)`` full.
        enable_gqa: Accepted for signature compatibility; the kernel handles fewer key/value heads itself.

    Returns:
        ``(total_tokens, heads, head_dim)``: each token attended only to its own segment.
    """
    del enable_gqa
    cu_k = cu_seq_q if cu_seq_k is None else cu_seq_k
    left, right = window_size
    return _function().apply(query, key, value, cu_seq_q, cu_k, max_q, max_k, scale, left, right)


def _flash_available(torch: Any) -> bool:
    if not torch.cuda.is_available() or torch.version.hip is not None:
        return False
    if not getattr(torch.backends.cuda, "is_flash_attention_available", lambda: True)():
        return False
    if torch.cuda.get_device_capability()[0] < 8:  # flash attention 2 needs Ampere or later
        return False
    ops = torch.ops.aten
    return hasattr(ops, "_flash_attention_forward") and hasattr(ops, "_flash_attention_backward")


def install_unsloth_varlen() -> tuple[bool, str]:
    """Give Unsloth's attention dispatch a varlen flash kernel when it has none.

    Runs once, when the unsloth backend loads a model. Padding-free rows then take one flash call per layer
    instead of one attention call per run of equal-length examples.

    Returns:
        Whether padding-free rows run on a varlen kernel (one call per layer for the whole row), and which one, for
        the log and the run facts.
    """
    dispatch = sys.modules.get(_DISPATCH)
    if dispatch is None:
        return False, "unsloth's own attention (its attention dispatch module was not found)"
    if getattr(dispatch, "HAS_FLASH_ATTENTION", False):
        return True, "the flash-attn package's varlen kernel (unsloth)"
    current = getattr(dispatch, "_TORCH_VARLEN_ATTN", None)
    if current is flash_varlen_attention:
        return True, _INSTALLED
    if current is not None:
        return True, "torch.nn.attention.varlen (unsloth)"
    if getattr(dispatch, "HAS_XFORMERS", False):  # without torch's varlen, unsloth sends packed rows to xformers
        return True, "xformers' block-diagonal attention (unsloth)"
    if not hasattr(dispatch, "_TORCH_VARLEN_ATTN"):
        return False, "unsloth's own attention (this unsloth version has no varlen hook)"
    torch = require("torch", "train", "padding-free attention")
    if not _flash_available(torch):
        return False, "unsloth's per-segment attention (no flash attention on this device)"
    dispatch._TORCH_VARLEN_ATTN = flash_varlen_attention
    dispatch._LEAN_VARLEN = False  # unsloth's lean path needs torch >= 2.12 helpers; ours is already lean
    logger.info("padding-free attention: torch's ATen flash kernel (torch %s has no varlen_attn)", torch.__version__)
    return True, _INSTALLED
