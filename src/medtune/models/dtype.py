"""The one rule that turns a dtype name into a torch dtype, for training, evaluation and serving alike."""

from __future__ import annotations

from typing import Any

from medtune._extras import require
from medtune.errors import ConfigError

__all__ = ["DTYPES", "auto_dtype_name", "resolve_device", "resolve_dtype"]

#: The dtype names a config may give.
DTYPES = ("auto", "float32", "bfloat16", "float16")


def auto_dtype_name(device: str, *, bf16_supported: bool) -> str:
    """What ``auto`` means on ``device``.

    bfloat16 on a CUDA device that supports it, float16 on an older CUDA device, float32 anywhere else (CPU, MPS).

    Example:
        >>> auto_dtype_name("cuda:0", bf16_supported=True), auto_dtype_name("cuda", bf16_supported=False)
        ('bfloat16', 'float16')
        >>> auto_dtype_name("cpu", bf16_supported=True)
        'float32'
    """
    if device.startswith("cuda"):
        return "bfloat16" if bf16_supported else "float16"
    return "float32"


def resolve_device(device: str | None = "auto") -> str:
    """``auto`` (or ``None``) is ``cuda`` when a CUDA device is present, else ``cpu``; any other name is kept."""
    if device not in (None, "auto"):
        return str(device)
    torch = require("torch", "train", "choosing a device")
    return "cuda" if torch.cuda.is_available() else "cpu"


def resolve_dtype(name: str, device: str) -> Any:
    """The torch dtype for ``name`` on ``device`` (see :func:`auto_dtype_name` for ``auto``).

    Raises:
        ConfigError: ``name`` is not one of :data:`DTYPES`.
    """
    if name not in DTYPES:
        raise ConfigError(f"dtype {name!r} is not supported. Fix: use one of {', '.join(DTYPES)}.")
    torch = require("torch", "train", "choosing a dtype")
    if name == "auto":
        bf16 = device.startswith("cuda") and torch.cuda.is_available() and torch.cuda.is_bf16_supported()
        name = auto_dtype_name(device, bf16_supported=bf16)
    return getattr(torch, name)
