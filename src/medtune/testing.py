"""Test helpers for plugin authors (and medtune's own tests).

medtune registers this module as a pytest plugin (entry point ``pytest11``), so with medtune installed the
fixtures below are available in any test suite without imports::

    def test_my_format(medtune_plugin_manager, tmp_path):
        medtune_plugin_manager.register(my_plugin_module, name="myplugin")
        path = tmp_path / "data.myf"
        path.write_text("...")
        ds = check_data_format(MyFormat(), path, expected_records=2)
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from medtune.data.dataset import Dataset
from medtune.data.formats import DataFormat
from medtune.data.records import InstructionRecord
from medtune.plugins.manager import PluginManager, get_plugin_manager, reset_plugin_manager

__all__ = [
    "HEAVY_MODULES",
    "check_data_format",
    "heavy_modules_imported",
    "make_records",
    "medtune_plugin_manager",
]

#: Modules whose import ``import medtune`` must never trigger.
HEAVY_MODULES = ("torch", "transformers", "peft", "trl", "unsloth", "spacy", "presidio_analyzer", "scispacy")


@pytest.fixture
def medtune_plugin_manager() -> Iterator[PluginManager]:
    """An isolated plugin manager (built-ins only, no installed entry points), made the process default.

    Register the plugin under test with ``medtune_plugin_manager.register(plugin, name="…")``; everything that
    looks components up (``Dataset.load``, pipelines, the CLI in-process) then sees it. The previous manager is
    restored afterwards.
    """
    manager = PluginManager(entry_points=False)
    previous = reset_plugin_manager(manager)
    try:
        yield manager
    finally:
        reset_plugin_manager(previous)


def make_records(n: int, *, category: str | None = None, source: str = "test") -> list[InstructionRecord]:
    """``n`` distinct, valid instruction records for tests.

    Example:
        >>> [r.id for r in make_records(2)]
        ['test-0', 'test-1']
    """
    return [
        InstructionRecord(
            id=f"{source}-{i}",
            instruction="Answer the patient's question.",
            input=f"Question number {i}: what helps with a mild cough?",
            output=f"Answer {i}: rest, fluids, and see a clinician if it lasts over three weeks.",
            source=source,
            category=category,
        )
        for i in range(n)
    ]


def check_data_format(
    fmt: DataFormat, path: str | Path, *, expected_records: int | None = None, roundtrip: bool = True
) -> Dataset:
    """Check a :class:`DataFormat` the way medtune uses it, and return the dataset it loads.

    Checks: the format has a name; ``Dataset.load(path, format=fmt.name)`` validates every record; the record
    count matches ``expected_records``; and, when the format can write, writing and re-reading gives the same
    records. The format must be registered (see the ``medtune_plugin_manager`` fixture).
    """
    assert fmt.name, f"{type(fmt).__name__} has no name"
    assert fmt.name in get_plugin_manager().registry("format"), f"format '{fmt.name}' is not registered"
    ds = Dataset.load(path, format=fmt.name)
    if expected_records is not None:
        assert len(ds) == expected_records, f"expected {expected_records} records, loaded {len(ds)}"
    if roundtrip and fmt.can_write:
        out = Path(path).with_name(f"roundtrip-{Path(path).name}")
        ds.save(out, format=fmt.name)
        again = Dataset.load(out, format=fmt.name)
        assert list(again) == list(ds), f"format '{fmt.name}' does not round-trip its records"
    return ds


def heavy_modules_imported(statement: str = "import medtune", modules: Sequence[str] = HEAVY_MODULES) -> list[str]:
    """Run ``statement`` in a fresh interpreter and return which of ``modules`` it imported."""
    code = f"{statement}\nimport json, sys\nprint(json.dumps([m for m in {list(modules)!r} if m in sys.modules]))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    result: Any = json.loads(out.strip().splitlines()[-1])
    return list(result)
