"""``medtune clean INPUT -o OUTPUT``: run a cleaning pipeline and account for every record."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from medtune.cli._common import EXIT_OK, Console, escape, parse_columns, say_preset
from medtune.io.files import check_outputs


def _cmd_clean(args: argparse.Namespace, console: Console) -> int:
    from medtune.cleaning.config import default_config, load_config
    from medtune.cleaning.pipeline import Pipeline
    from medtune.data.dataset import Dataset
    from medtune.errors import MedtuneError

    if args.num_proc is not None and args.num_proc < 1:
        raise MedtuneError(f"--num-proc {args.num_proc}: must be at least 1. Fix: pass a positive number or omit it.")
    rejects_path = args.rejects or Path(f"{args.output}.rejects.jsonl")
    check_outputs(
        {"-o/--output": args.output, "--rejects": rejects_path, "--report": args.report},
        {"INPUT": args.input, "--config": args.config},
    )
    _check_output(args.output, args.to_format)
    config = load_config(args.config) if args.config else default_config()
    if args.config:
        say_preset(console, config.preset or args.preset)
    pipeline = Pipeline.from_config(config)
    ds = Dataset.load(
        args.input,
        format=args.format,
        columns=parse_columns(args.column),
        kind=args.kind,
        progress=console.progress(f"reading {Path(args.input).name}"),
    )
    result = pipeline.run(ds, num_proc=args.num_proc)
    # Output first, then rejects, then report: a report on disk means everything it counts is there too.
    out = result.dataset.save(args.output, format=args.to_format)
    result.write_rejects(rejects_path)
    if args.report:
        result.write_report(args.report)
    report = result.report.to_dict()
    payload: dict[str, Any] = {
        "input": str(args.input),
        "output": str(out),
        "rejects": str(rejects_path),
        "report": str(args.report) if args.report else None,
        "pipeline": "default" if not args.config else str(args.config),
        **report,
    }
    if console.as_json:
        console.emit(payload)
        return EXIT_OK
    from rich.table import Table

    table = Table(title=f"cleaning {escape(str(args.input))}", title_justify="left")
    for col in ("cleaner", "in", "changed", "dropped", "out", "seconds"):
        table.add_column(col, justify="left" if col == "cleaner" else "right")
    for s in report["stages"]:
        table.add_row(
            escape(s["name"]),
            str(s["records_in"]),
            str(s["changed"]),
            str(s["dropped"]),
            str(s["records_out"]),
            f"{s['seconds']:.2f}",
        )
    console.out.print(table)
    reasons = [(s["name"], r, n) for s in report["stages"] for r, n in s["dropped_by_reason"].items()]
    if reasons:
        t = Table(title="dropped by reason", title_justify="left")
        t.add_column("cleaner")
        t.add_column("reason")
        t.add_column("records", justify="right")
        for name, reason, n in reasons:
            t.add_row(escape(name), escape(reason), str(n))
        console.out.print(t)
    console.out.print(
        f"[green]✓[/] {report['records_in']} in = {report['kept']} kept + {report['rejected']} rejected "
        f"in {report['seconds']:.1f}s → {escape(str(out))}"
    )
    console.out.print(f"  rejects: {escape(str(rejects_path))}")
    if args.report:
        console.out.print(f"  report:  {escape(str(args.report))}")
    return EXIT_OK


def _check_output(path: Path, to_format: str | None) -> None:
    """Fail before cleaning, not after, when the output format cannot be written."""
    from medtune.data.dataset import resolve_writer

    resolve_writer(path, to_format)


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``medtune clean`` to the top-level subparsers."""
    p = sub.add_parser(
        "clean",
        parents=[common],
        help="remove PII, normalize, filter and add disclaimers; every record accounted for",
        description=(
            "Clean INPUT into OUTPUT. Without --config the preset's pipeline runs; with the medical preset (the "
            "default while the medical plugin is installed): normalize_units, pii, empty, length, copies_input, "
            "language, dedup, medically_sound, disclaimer; with --preset generic: pii, empty, length, copies_input, "
            "language, dedup (see docs/cleaning.md)."
        ),
    )
    p.add_argument("input", type=Path, help="data file or directory")
    p.add_argument("-o", "--output", type=Path, required=True, help="cleaned output file (.jsonl, .parquet, …)")
    p.add_argument("--config", type=Path, help="pipeline YAML (default: the preset's pipeline)")
    p.add_argument("--rejects", type=Path, help="dropped records as JSONL (default: OUTPUT.rejects.jsonl)")
    p.add_argument("--report", type=Path, help="write the counts as JSON")
    p.add_argument("--num-proc", type=int, default=None, help="processes for record cleaners (default: 1)")
    p.add_argument("--format", help="input format (default: detected)")
    p.add_argument("--to-format", help="output format (default: from the output extension)")
    p.add_argument(
        "--column", action="append", metavar="SRC=FIELD", help="map a source column to a record field (repeatable)"
    )
    p.add_argument("--kind", choices=["instruction", "chat"], help="record layout (default: detected)")
    p.set_defaults(func=_cmd_clean)
