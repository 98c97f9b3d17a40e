"""The ``core`` built-in plugin: domain-neutral formats. Registers through the public hooks.

Each stage registers its own neutral components in a module of its own (``medtune.cleaning.builtin``,
``medtune.evaluation.builtin``), loaded by name as parts of ``core`` (:data:`medtune.plugins.manager.BUILTIN_PARTS`),
so that this package never imports a stage above it.
"""

from __future__ import annotations

from medtune.data.formats import CsvFormat, DataFormat, JsonFormat, JsonlFormat, ParquetFormat
from medtune.plugins.hookspecs import hookimpl
from medtune.plugins.presets import GENERIC_PRESET, Preset


@hookimpl
def medtune_data_formats() -> list[DataFormat]:
    """JSON, JSONL, CSV and Parquet."""
    return [JsonlFormat(), JsonFormat(), CsvFormat(), ParquetFormat()]


@hookimpl
def medtune_presets() -> list[Preset]:
    """The neutral ``generic`` preset."""
    return [GENERIC_PRESET]
