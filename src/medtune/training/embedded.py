"""Deprecated alias of :mod:`medtune.models.embedded`, where this module moved (removed in medtune 0.2.0)."""

from medtune._moved import alias_module

alias_module(__name__, "medtune.models.embedded")
