"""``medtune plugins``: every name is shown whole, whatever the terminal width (issue #17)."""

import os
import re
import types

import pytest
import rich.console

from medtune import ComponentSpec, hookimpl
from medtune.cli.main import main

PLUGIN = "acme_cardiology_discharge_summaries"
CLEANER = "acme_remove_discharge_summary_boilerplate_sections"


def _plugin() -> types.ModuleType:
    mod = types.ModuleType("acme_plugin")

    def cleaner(row):
        return row

    cleaner.name = CLEANER

    @hookimpl
    def medtune_cleaners():
        return [ComponentSpec(name=CLEANER, factory=lambda: cleaner, description="drop boilerplate " * 8)]

    mod.medtune_cleaners = medtune_cleaners
    return mod


@pytest.fixture
def long_names(medtune_plugin_manager, monkeypatch):
    medtune_plugin_manager.register(_plugin(), name=PLUGIN)
    # rich reads COLUMNS and TTY_COMPATIBLE from the os.environ of its import time, which a multi-process
    # datasets map of an earlier test replaces: point it at the current one so that setenv reaches it
    monkeypatch.setattr(rich.console.Console, "_environ", os.environ)


@pytest.mark.parametrize("terminal", [False, True])
def test_long_names_are_never_cut_at_80_columns(long_names, capsys, monkeypatch, terminal):
    monkeypatch.setenv("COLUMNS", "80")
    if terminal:
        monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if CLEANER in x)
    assert line.split()[:3] == ["cleaner", CLEANER, PLUGIN]
    assert line.rstrip().endswith(("drop boilerplate " * 8).strip())  # the description whole too, on the same line
    assert any(x.split()[:1] == [PLUGIN] for x in out.splitlines())  # the plugins list


def test_a_wide_terminal_gets_a_table_with_whole_names(long_names, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "150")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert main(["plugins"]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert "┃ kind" in out and f"│ {CLEANER} " in out and f"│ {PLUGIN} " in out
