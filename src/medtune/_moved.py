"""Aliases that keep the old import paths of moved modules working for one release (issue #14's re-layering)."""

from __future__ import annotations

import importlib
import sys
import warnings

__all__ = ["alias_module"]

#: The release that removes the old paths.
REMOVED_IN = "0.2.0"


def alias_module(old: str, new: str) -> None:
    """Make ``old`` the very module ``new`` (same object, so patches and ``isinstance`` agree), with a warning.

    Called at the top level of the old module's file; the import system then hands out ``new`` under both names.
    """
    warnings.warn(
        f"{old} has moved to {new}; import it from there (the old path is removed in medtune {REMOVED_IN}).",
        DeprecationWarning,
        stacklevel=3,
    )
    sys.modules[old] = importlib.import_module(new)
