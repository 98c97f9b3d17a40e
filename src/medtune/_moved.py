"""Aliases that keep old import paths and old names working for one release (issue #14's re-layering).

:func:`alias_module` keeps a moved module importable under its old path; :func:`deprecated_names` gives a module a
``__getattr__`` that still hands out renamed or moved attributes. Both warn with a ``DeprecationWarning``.
"""

from __future__ import annotations

import importlib
import sys
import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["alias_module", "deprecated_names"]

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


def deprecated_names(module: str, names: Mapping[str, tuple[Callable[[], Any], str]]) -> Callable[[str], Any]:
    """A module-level ``__getattr__`` serving old attribute names for one release, each with a warning.

    Args:
        module: The module's ``__name__``.
        names: Old name -> (a function returning what the name now is, what became of it: "is now X", "has moved
            to Y", ...).

    Example:
        >>> getattr_ = deprecated_names("pkg.mod", {"Old": (lambda: int, "is now New")})
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     getattr_("Old"), str(caught[0].message)
        (<class 'int'>, 'pkg.mod.Old is now New (the old name is removed in medtune 0.2.0).')
    """

    def __getattr__(name: str) -> Any:
        if name not in names:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        resolve, what = names[name]
        warnings.warn(
            f"{module}.{name} {what} (the old name is removed in medtune {REMOVED_IN}).",
            DeprecationWarning,
            stacklevel=2,
        )
        return resolve()

    return __getattr__
