"""``medtune data validate|stats|convert|split|pairs``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from medtune.cli._common import EXIT_INVALID, EXIT_OK, Console, escape, parse_columns
from medtune.errors import ConfigError, DataValidationError
from medtune.io.files import check_outputs


def _load(args: argparse.Namespace, console: Console, *, skip_invalid: bool) -> Any:
    from medtune.data.dataset import Dataset
    from medtune.data.samples import sample_path

    path = args.path
    fmt = args.format
    if path is None:
        from medtune.plugins.manager import get_plugin_manager

        sample = get_plugin_manager().registry("sample").get(args.sample)
        path, fmt = sample.path, fmt or sample.format
        if sample.format == "mcq":
            raise ConfigError(
                f"--sample {args.sample}: a multiple-choice set (format mcq), not records that `medtune data` reads. "
                f"Fix: evaluate it with `medtune eval --task mcq --data {args.sample}`, or name another sample."
            )
        if not console.as_json:
            console.err.print(f"[dim]using the shipped sample '{args.sample}': {sample_path(args.sample)}[/]")
    return Dataset.load(
        path,
        format=fmt,
        columns=parse_columns(args.column),
        kind=args.kind,
        strict=args.strict,
        skip_invalid=skip_invalid,
        progress=console.progress(f"reading {Path(path).name}"),
    )


def _cmd_validate(args: argparse.Namespace, console: Console) -> int:
    report: dict[str, Any] = {}
    try:
        ds = _load(args, console, skip_invalid=True)
    except DataValidationError as exc:  # strict mode: the first error
        issues, valid = exc.issues, None
    else:
        issues, valid, report = ds.rejects, len(ds), ds.load_report.to_dict()
    if console.as_json:
        console.emit(
            {"valid": valid, "invalid": len(issues), "report": report, "issues": [i.to_dict() for i in issues]}
        )
    else:
        for issue in issues:
            console.out.print(f"[red]✗[/] {escape(str(issue))}")
        if valid is not None:
            mark = "[green]✓[/]" if not issues else "[red]✗[/]"
            console.out.print(f"{mark} {valid} valid record(s), {len(issues)} invalid, format '{report['format']}'")
            for reason, n in report.get("skipped", {}).items():
                console.out.print(f"  skipped {n}: {reason}")
            for note in report.get("notes", []):
                console.out.print(f"  note: {escape(note)}")
        else:
            console.out.print("[red]✗[/] stopped at the first invalid record (--strict)")
    return EXIT_INVALID if issues else EXIT_OK


def _cmd_stats(args: argparse.Namespace, console: Console) -> int:
    ds = _load(args, console, skip_invalid=False)
    stats = ds.stats(tokenizer=args.tokenizer, num_proc=args.num_proc)
    if console.as_json:
        console.emit({**stats.model_dump(), "load": ds.load_report.to_dict()})
        return EXIT_OK
    from rich.table import Table

    out = console.out
    out.print(f"[bold]{stats.records}[/] {stats.kind} records · tokens counted by [bold]{stats.tokenizer}[/]")
    table = Table(title="token lengths", title_justify="left")
    for col in ("field", "mean", "min", "p50", "p90", "p95", "p99", "max", "total", "empty"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name, ls in stats.lengths.items():
        table.add_row(
            name,
            f"{ls.mean:.1f}",
            str(ls.min),
            f"{ls.p50:.0f}",
            f"{ls.p90:.0f}",
            f"{ls.p95:.0f}",
            f"{ls.p99:.0f}",
            str(ls.max),
            str(ls.total),
            str(stats.empty_fields.get(name, 0)),
        )
    out.print(table)
    for title, counts in (("categories", stats.categories), ("sources", stats.sources)):
        t = Table(title=title, title_justify="left")
        t.add_column(title[:-1] if title != "categories" else "category")
        t.add_column("records", justify="right")
        for key, n in list(counts.items())[:15]:
            t.add_row(escape(key), str(n))
        if len(counts) > 15:
            t.add_row(f"… {len(counts) - 15} more", "")
        out.print(t)
    out.print(f"exact duplicates: {stats.duplicates}")
    for reason, n in ds.load_report.skipped.items():
        out.print(f"skipped while loading: {n} ({reason})")
    return EXIT_OK


def _cmd_convert(args: argparse.Namespace, console: Console) -> int:
    from medtune.data.dataset import resolve_writer
    from medtune.io.files import atomic_write_text

    rejects_path = Path(args.rejects or f"{args.output}.rejects.jsonl")
    check_outputs({"OUTPUT": args.output, "--rejects": rejects_path}, {"PATH": args.path})
    resolve_writer(args.output, args.to_format)  # an unknown output format fails before the data is read
    ds = _load(args, console, skip_invalid=args.skip_invalid)
    if args.to == "chat":
        ds = ds.to_chat()
    elif args.to == "instruction":
        ds = ds.to_instruction()
    out = ds.save(args.output, format=args.to_format)
    rejects = None
    if ds.rejects:
        rejects = atomic_write_text(
            rejects_path, "".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in ds.rejects)
        )
    result = {
        "output": str(out),
        "records": len(ds),
        "kind": ds.kind,
        "invalid": len(ds.rejects),
        "rejects": str(rejects) if rejects else None,
    }
    if console.as_json:
        console.emit(result)
    else:
        console.out.print(f"[green]✓[/] wrote {len(ds)} {ds.kind} records to {out}")
        if rejects:
            console.out.print(f"[yellow]![/] {len(ds.rejects)} invalid records listed in {rejects}")
    return EXIT_OK


def _cmd_split(args: argparse.Namespace, console: Console) -> int:
    check_outputs({"-o/--output": args.output}, directories=frozenset({"-o/--output"}))
    names = ("train", "validation", "test")
    check_outputs({f"-o/--output ({n})": args.output / f"{n}.{args.to_format}" for n in names}, {"PATH": args.path})
    ds = _load(args, console, skip_invalid=False)
    splits = ds.split(validation=args.validation, test=args.test, seed=args.seed, stratify_by=args.stratify_by)
    paths = splits.save(args.output, format=args.to_format)
    sizes = splits.sizes()
    if console.as_json:
        console.emit(
            {
                "splits": {n: {"path": str(p), "records": sizes[n]} for n, p in paths.items()},
                "seed": args.seed,
                "stratify_by": args.stratify_by,
            }
        )
    else:
        for name, p in paths.items():
            console.out.print(f"[green]✓[/] {name:<10} {sizes[name]:>7} records → {p}")
    return EXIT_OK


def _pair_builder(args: argparse.Namespace) -> Any:
    """The pair builder ``--builder`` names (the only one registered when omitted), built with ``--set`` options."""
    from medtune.config import parse_assignments, validate_config
    from medtune.errors import MedtuneError
    from medtune.plugins.manager import get_plugin_manager

    registry = get_plugin_manager().registry("pair_builder")
    name = args.builder
    if name is None:
        names = registry.names()
        if len(names) != 1:
            listed = ", ".join(names) or "none (the medical plugin registers red_flag_escalation)"
            raise MedtuneError(f"pick a pair builder with --builder NAME; registered: {listed}.")
        name = names[0]
    spec = registry.get(name)
    options = parse_assignments(args.set)
    if spec.config is None:
        return spec.build(options or None)
    return spec.build(validate_config(spec.config, options, f"--set options of pair builder '{name}'"))


def _cmd_pairs(args: argparse.Namespace, console: Console) -> int:
    from medtune.data.dataset import resolve_writer
    from medtune.data.pairs import build_pairs

    check_outputs({"OUTPUT": args.output}, {"PATH": args.path})
    resolve_writer(args.output, args.to_format)  # an unknown output format fails before the data is read
    builder = _pair_builder(args)  # an unknown builder or option fails before the data is read
    ds = _load(args, console, skip_invalid=False)
    pairs, report = build_pairs(ds, builder, max_pairs=args.max_pairs, seed=args.seed)
    out = pairs.save(args.output, format=args.to_format)
    if console.as_json:
        console.emit({"output": str(out), **report.to_dict()})
        return EXIT_OK
    console.out.print(
        f"[green]✓[/] wrote {report.pairs} preference pairs ({escape(builder.name)}) from {report.records} records "
        f"to {escape(str(out))}"
    )
    for reason, n in report.skipped.most_common():
        console.out.print(f"  no pair: {n} ({escape(reason)})")
    return EXIT_OK


def _add_input(p: argparse.ArgumentParser, *, optional_path: bool = False) -> None:
    if optional_path:
        p.add_argument("path", nargs="?", type=Path, help="data file or directory (default: the shipped sample)")
        p.add_argument("--sample", default="medical", help="shipped sample to use when PATH is omitted")
    else:
        p.add_argument("path", type=Path, help="data file or directory")
        p.set_defaults(sample=None)
    p.add_argument("--format", help="input format (default: detected); see `medtune plugins`")
    p.add_argument(
        "--column",
        action="append",
        metavar="SRC=FIELD",
        help="map a source column to a record field, e.g. --column question=input (repeatable)",
    )
    p.add_argument("--kind", choices=["instruction", "chat", "preference"], help="record layout (default: detected)")
    p.add_argument("--strict", action="store_true", help="stop at the first invalid record")


def _size(value: str) -> float | int:
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is neither a fraction nor a count") from None


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``medtune data …`` to the top-level subparsers."""
    data = sub.add_parser("data", help="validate, inspect, convert and split datasets")
    dsub = data.add_subparsers(dest="data_command", required=True, metavar="ACTION")

    p = dsub.add_parser("validate", parents=[common], help="check every record; exit 1 if any is invalid")
    _add_input(p)
    p.set_defaults(func=_cmd_validate)

    p = dsub.add_parser("stats", parents=[common], help="counts, token lengths, categories, duplicates")
    _add_input(p, optional_path=True)
    p.add_argument("--tokenizer", help="local tokenizer path or cached name (default: whitespace words)")
    p.add_argument("--num-proc", type=int, default=None, help="processes for the length pass")
    p.set_defaults(func=_cmd_stats)

    p = dsub.add_parser("convert", parents=[common], help="convert between formats and record layouts")
    _add_input(p)
    p.add_argument("output", type=Path, help="output file (.jsonl, .parquet, .json, .csv)")
    p.add_argument("--to-format", help="output format (default: from the output extension)")
    p.add_argument("--to", choices=["chat", "instruction"], help="convert the record layout")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="write the valid records and list the invalid ones in a rejects file",
    )
    p.add_argument("--rejects", type=Path, help="rejects file (default: OUTPUT.rejects.jsonl)")
    p.set_defaults(func=_cmd_convert)

    p = dsub.add_parser(
        "pairs",
        parents=[common],
        help="build preference pairs (prompt/chosen/rejected) for DPO from instruction records",
        description="Run a pair builder over instruction (or single-turn chat) records and write the pairs. "
        "Builders come from plugins (see `medtune plugins`); the medical plugin's red_flag_escalation pairs an "
        "answer to a red-flag symptom that lacks urgent-care advice (rejected) with the same answer plus that "
        "advice (chosen). Build pairs from the training split only.",
    )
    _add_input(p)
    p.add_argument("output", type=Path, help="output file (.jsonl, .parquet, .json, .csv)")
    p.add_argument("--builder", help="pair builder name (default: the only one registered)")
    p.add_argument("--set", action="append", metavar="KEY=VALUE", help="a builder option, e.g. missing=any_escalation")
    p.add_argument("--max-pairs", type=int, help="keep at most N pairs, a sample drawn with --seed")
    p.add_argument("--seed", type=int, default=42, help="seed of the --max-pairs sample (default 42)")
    p.add_argument("--to-format", help="output format (default: from the output extension)")
    p.set_defaults(func=_cmd_pairs)

    p = dsub.add_parser("split", parents=[common], help="deterministic train/validation/test split")
    _add_input(p)
    p.add_argument("-o", "--output", type=Path, required=True, help="directory for train/validation/test files")
    p.add_argument("--validation", type=_size, default=0.1, help="fraction or count (default 0.1)")
    p.add_argument("--test", type=_size, default=0.1, help="fraction or count (default 0.1)")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--stratify-by", help="column to stratify on, e.g. category")
    p.add_argument("--to-format", default="jsonl", help="output format (default jsonl)")
    p.set_defaults(func=_cmd_split)
