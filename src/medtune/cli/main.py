"""``medtune`` command-line entry point.

Each command group lives in its own module with an ``add_commands(subparsers, common)`` function; this module
only assembles them and turns medtune errors into messages and exit codes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from medtune.cli import clean, data, evaluate, export, plugins, run, serve, train
from medtune.cli._common import EXIT_ERROR, EXIT_INVALID, Console, escape, say_preset
from medtune.errors import DataValidationError, MedtuneError

#: Command-group modules, in help order.
COMMAND_MODULES = [data, clean, plugins, train, serve, evaluate, run, export]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for docs and tests)."""
    from medtune import __version__

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable JSON on stdout")
    common.add_argument(
        "--disable-plugin", action="append", default=[], metavar="NAME", help="do not load the plugin NAME (repeatable)"
    )
    common.add_argument(
        "--preset",
        metavar="NAME",
        help="the domain preset whose defaults apply (pipeline, checkers, safety policy, card, sample, PII profile); "
        "default: the only domain preset installed (medical), else generic",
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
        return _run_command(args, console)
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


#: The decoding presets ``medtune eval --preset`` named before ``--preset`` named a domain preset.
DECODING_PRESETS = ("greedy", "recipe")

#: Commands whose defaults come from the preset: they say which preset they use.
PRESET_COMMANDS = ("clean", "eval", "serve", "run", "train", "export")


def _run_command(args: argparse.Namespace, console: Console) -> int:
    """Run the command within its preset (``--preset``, else the default one), saying which it is."""
    from medtune.plugins.presets import using_preset

    preset = getattr(args, "preset", None)
    if args.command == "eval" and preset in DECODING_PRESETS:  # the old meaning of eval's --preset
        console.err.print(
            f"medtune: note: 'eval --preset {preset}' is a decoding preset: use --decoding {preset} "
            "(--preset names a domain preset; the old meaning goes in 0.2.0)."
        )
        args.decoding, preset = preset, None
    if args.command in PRESET_COMMANDS and not getattr(args, "config", None):
        say_preset(console, preset)  # a config file's preset: the command says it
    with using_preset(preset):
        return int(args.func(args, console))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
