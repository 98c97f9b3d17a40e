"""The ``core`` built-in plugin: domain-neutral file formats. Registers through the public hooks."""

from __future__ import annotations

from medtune.data.formats import CsvFormat, DataFormat, JsonFormat, JsonlFormat, ParquetFormat
from medtune.plugins.hookspecs import hookimpl


@hookimpl
def medtune_data_formats() -> list[DataFormat]:
    """JSON, JSONL, CSV and Parquet."""
    return [JsonlFormat(), JsonFormat(), CsvFormat(), ParquetFormat()]
