"""What an export reads: a run folder, a training output folder, a model folder or an adapter folder.

The choice is :func:`medtune.models.choose_model`'s, the one evaluation makes, so the exported model is the evaluated
and served one: a training run's merged model when it saved one, else base + adapter merged in memory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from medtune.models.loading import ModelChoice, choose_model, load_model

__all__ = ["find_export_source", "load_export_model"]


def find_export_source(path: str | Path) -> ModelChoice:
    """The weights to export from ``path``, as evaluation chooses them.

    ``path`` is a ``medtune run`` folder (its ``train/``), a training run folder, an adapter folder, a model folder
    or a name (``embedded``).

    Example:
        >>> find_export_source("embedded").describe()
        'model embedded'
    """
    train = Path(path) / "train"
    if (train / "run.json").is_file():
        return choose_model(train)
    return choose_model(path)


def load_export_model(choice: ModelChoice) -> tuple[Any, Any]:
    """The chosen model in float32 on the CPU, any adapter merged, and its tokenizer."""
    return load_model(choice.model, choice.adapter, device="cpu", dtype="float32", merge_adapter=True)
