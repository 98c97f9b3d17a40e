"""``medtune plugins``: every plugin and the components it registers."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from medtune.cli._common import EXIT_OK, Console, escape


def _cmd_plugins(args: argparse.Namespace, console: Console) -> int:
    from medtune.plugins.manager import get_plugin_manager

    pm = get_plugin_manager()
    plugins = pm.plugins()
    components = pm.components()
    if console.as_json:
        console.emit(
            {
                "plugins": [
                    {
                        "name": p.name,
                        "distribution": p.distribution,
                        "version": p.version,
                        "module": p.module,
                        "enabled": p.enabled,
                    }
                    for p in plugins
                ],
                "components": [
                    {
                        "kind": c.kind,
                        "name": c.name,
                        "plugin": c.plugin,
                        "distribution": c.distribution,
                        "description": c.description,
                    }
                    for c in components
                ],
            }
        )
        return EXIT_OK
    plugin_rows = [
        [p.name, p.distribution, p.version or "-", p.module, "yes" if p.enabled else "disabled"] for p in plugins
    ]
    component_rows = [[c.kind, c.name, c.plugin, c.distribution, c.description] for c in components]
    tables = [("plugins", _PLUGIN_COLUMNS, plugin_rows), ("components", _COMPONENT_COLUMNS, component_rows)]
    if console.out.is_terminal and all(_fits(console.out.width, cols, rows) for _, cols, rows in tables):
        for title, cols, rows in tables:
            console.out.print(_table(title, cols, rows))
    else:  # piped, or too narrow for the names: plain lines, never cut (the terminal wraps them)
        from medtune.data.stats import text_table

        for title, cols, rows in tables:
            console.out.print(title, markup=False)
            for line in text_table([list(cols), *rows], text_columns=len(cols)):
                console.out.print(line, markup=False)
    return EXIT_OK


_PLUGIN_COLUMNS = ("plugin", "distribution", "version", "module", "enabled")
_COMPONENT_COLUMNS = ("kind", "name", "plugin", "distribution", "description")
#: The narrowest description column worth a table; narrower terminals get plain lines.
_MIN_DESCRIPTION = 16


def _fits(width: int, columns: Sequence[str], rows: list[list[str]]) -> bool:
    """Whether a boxed table shows every name whole in ``width`` columns (only a description may wrap)."""
    widths = [max(len(r[i]) for r in [list(columns), *rows]) for i in range(len(columns))]
    if columns[-1] == "description":
        widths[-1] = min(widths[-1], _MIN_DESCRIPTION)
    return sum(widths) + 3 * len(columns) + 1 <= width


def _table(title: str, columns: Sequence[str], rows: list[list[str]]) -> Any:
    """A rich table whose names never wrap nor get cut; a description wraps, and folds a word too long for it."""
    from rich.table import Table

    t = Table(title=title, title_justify="left")
    for i, col in enumerate(columns):
        if col == "description":
            t.add_column(col, overflow="fold")
        else:
            t.add_column(col, no_wrap=True, min_width=max(len(r[i]) for r in [list(columns), *rows]))
    for row in rows:
        t.add_row(*("[red]disabled[/]" if cell == "disabled" else escape(cell) for cell in row))
    return t


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``medtune plugins`` to the top-level subparsers."""
    p = sub.add_parser("plugins", parents=[common], help="list plugins and the components they register")
    p.set_defaults(func=_cmd_plugins)
