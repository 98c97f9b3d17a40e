"""``medtune plugins``: every plugin and the components it registers."""

from __future__ import annotations

import argparse
from typing import Any

from medtune.cli._common import EXIT_OK, Console


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
    from rich.table import Table

    t = Table(title="plugins", title_justify="left")
    for col in ("plugin", "distribution", "version", "module", "enabled"):
        t.add_column(col)
    for p in plugins:
        t.add_row(p.name, p.distribution, p.version or "-", p.module, "yes" if p.enabled else "[red]disabled[/]")
    console.out.print(t)
    c = Table(title="components", title_justify="left")
    for col in ("kind", "name", "plugin", "distribution", "description"):
        c.add_column(col)
    for info in components:
        c.add_row(info.kind, info.name, info.plugin, info.distribution, info.description)
    console.out.print(c)
    return EXIT_OK


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``medtune plugins`` to the top-level subparsers."""
    p = sub.add_parser("plugins", parents=[common], help="list plugins and the components they register")
    p.set_defaults(func=_cmd_plugins)
