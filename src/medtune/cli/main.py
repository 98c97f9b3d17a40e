"""``medtune`` command-line entry point.

Each command group lives in its own module with an ``add_commands(subparsers, common)`` function; this module
only assembles them and turns medtune errors into messages and exit codes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from medtune.cli import clean, data, evaluate, plugins, run, serve, train
from medtune.cli._common import EXIT_ERROR, EXIT_INVALID, Console, escape
from medtune.errors import DataValidationError, MedtuneError

#: Command-group modules, in help order.
COMMAND_MODULES = [data, clean, plugins, train, serve, evaluate, run]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for docs and tests)."""
    from medtune import __version__

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable JSON on stdout")
    common.add_argument(
        "--disable-plugin", action="append", default=[], metavar="NAME", help="do not load the plugin NAME (repeatable)"
    )

    parser = argparse.ArgumentParser(
        prog="medtune",
        parents=[common],
        description="Domain fine-tuning of small LLMs, medicine first.",
    )
    parser.add_argument("--version", action="version", version=f"medtune {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 ok, 1 invalid data, 2 error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    console = Console(args.json)
    if args.disable_plugin:
        from medtune.plugins.manager import PluginManager, reset_plugin_manager

        reset_plugin_manager(PluginManager(disabled=args.disable_plugin))
    if args.json:
        import logging

        logging.getLogger("datasets").setLevel(logging.ERROR)
        try:
            import datasets

            datasets.disable_progress_bars()
        except ImportError:  # pragma: no cover - datasets is a core dependency
            pass
    try:
        return int(args.func(args, console))
    except DataValidationError as exc:
        console.err.print(f"[red]medtune: invalid data:[/] {escape(str(exc))}")
        return EXIT_INVALID
    except MedtuneError as exc:
        console.err.print(f"[red]medtune: error:[/] {escape(str(exc))}")
        return EXIT_ERROR
    except OSError as exc:  # a file medtune could not read or write: a message, never a traceback
        where = f" {exc.filename!r}" if exc.filename else ""
        console.err.print(
            f"[red]medtune: error:[/] {escape(exc.strerror or type(exc).__name__)}:{escape(where)}. "
            "Fix: check that the path exists, is the kind of file expected, and that you may read or write it."
        )
        return EXIT_ERROR
    except KeyboardInterrupt:  # pragma: no cover
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
