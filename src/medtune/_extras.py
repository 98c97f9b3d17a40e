"""Lazy imports of optional dependencies, with an actionable error when an extra is missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from medtune.errors import MissingExtraError

__all__ = ["require"]


def require(module: str, extra: str, feature: str) -> ModuleType:
    """Import ``module`` or raise :class:`MissingExtraError` naming the extra that provides it.

    Args:
        module: Importable module name, e.g. ``"transformers"``.
        extra: The medtune extra that installs it, e.g. ``"train"``.
        feature: What needs it, for the message, e.g. ``"token counting with a tokenizer"``.

    Returns:
        The imported module.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        if exc.name is not None and exc.name.split(".")[0] != module.split(".")[0]:
            raise  # the module exists but one of its own imports is broken: show the real error
        raise MissingExtraError(extra, module, feature) from exc
