"""``medtune run CONFIG``: the whole job from one YAML, resuming where it stopped."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
from pathlib import Path
from typing import Any

from medtune.cli._common import EXIT_OK, Console, escape, say_preset
from medtune.cli.evaluate import print_verdict


def _cmd_run(args: argparse.Namespace, console: Console) -> int:
    from medtune.cli.train import _parse_set, _preimport_unsloth
    from medtune.run.config import RunConfig

    config = RunConfig.from_yaml(args.config, overrides=_parse_set(args.set))
    say_preset(console, config.preset or args.preset)
    if args.print_config:
        print(config.to_yaml(), end="")
        return EXIT_OK
    from medtune.run.pipeline import RunPipeline

    if console.as_json:
        say = None
        handler: logging.Handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
    else:
        from rich.logging import RichHandler

        def say(msg: str) -> None:
            style = "dim" if msg.startswith("  ") else "bold"
            console.err.print(f"[{style}]{escape(msg)}[/]")

        handler = RichHandler(console=console.err, show_path=False, show_time=False, markup=False)
    progress = False if (args.no_progress or console.as_json) else None
    pipeline = RunPipeline(config, force=args.force or (), progress=progress, say=say)
    loggers = [logging.getLogger(name) for name in ("medtune.training", "medtune.run")]
    for log in loggers:
        log.setLevel(logging.INFO)
        log.addHandler(handler)
    # With --json, stdout carries only the JSON summary: libraries that print go to stderr.
    quiet = contextlib.redirect_stdout(sys.stderr) if console.as_json else contextlib.nullcontext()
    try:
        with quiet:
            _preimport_unsloth(config.train.model.backend)
            result = pipeline.run()
    finally:
        for log in loggers:
            log.removeHandler(handler)

    data = _report_data(result.report)
    fail = config.eval is not None and config.eval.fail_on_regression
    if console.as_json:
        console.emit({**result.to_dict(), "verdict": data.get("verdict") if data else None})
        return _exit_code(console, data, fail)
    out = console.out
    if data is not None:
        print_verdict(console, data)
    ran = [n for n, s in result.stages.items() if s.status in ("ran", "resumed")]
    skipped = [n for n, s in result.stages.items() if s.status == "skipped"]
    out.print(
        f"[green]✓[/] run complete in {escape(str(result.output_dir))}: ran {', '.join(ran) or 'nothing'}"
        + (f"; up to date: {', '.join(skipped)}" if skipped else "")
    )
    for label, path in (
        ("cleaning report", result.cleaning_report),
        ("eval report", result.report),
        ("model card", result.model_card),
        ("adapter", result.adapter),
        ("merged model", result.merged),
    ):
        if path is not None:
            out.print(f"  {label + ':':<17}{escape(str(path))}")
    if data is not None:
        _print_headline(console, data)
    return _exit_code(console, data, fail)


def _report_data(report: Path | None) -> dict[str, Any] | None:
    """The evaluation's ``report.json`` beside the HTML report, or ``None`` without evaluation."""
    report_json = report.with_name("report.json") if report is not None else None
    if report_json is None or not report_json.is_file():
        return None
    data: dict[str, Any] = json.loads(report_json.read_text(encoding="utf-8"))
    return data


def _exit_code(console: Console, data: dict[str, Any] | None, fail_on_regression: bool) -> int:
    """``EXIT_REGRESSION`` with ``eval.fail_on_regression`` when a judged metric hurt, else ``EXIT_OK``."""
    from medtune.cli.evaluate import regression_exit

    return regression_exit(data, fail_on_regression, console) if data is not None else EXIT_OK


def _print_headline(console: Console, data: dict[str, Any]) -> None:
    """End with the evaluation's headline metrics (base vs tuned, delta, interval, n), as ``medtune eval`` prints.

    The out-of-distribution and forgetting sets follow, one table each.
    """
    from medtune.cli.evaluate import print_report
    from medtune.evaluation.report import headline_table, set_headline_tables

    print_report(console, data, [headline_table(data), *set_headline_tables(data)])


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``medtune run`` to the top-level subparsers."""
    from medtune.run.pipeline import STAGES

    p = sub.add_parser(
        "run",
        parents=[common],
        help="run data → clean → split → train → eval → model card from one YAML, resuming where it stopped",
        description="Run every stage of CONFIG (see docs/run.md). Each stage writes under OUTPUT_DIR/<stage>/ with "
        "a stage.json of hashes; a stage whose config and inputs are unchanged is skipped, and an interrupted "
        "training resumes from its latest checkpoint. Starts its closing summary with the evaluation's verdict "
        "(helped, hurt, no clear change or too few to judge, out of distribution, on safety and for forgetting; red "
        "when a metric hurt), then prints the paths of the eval report and the model card and the headline metrics "
        "of the test split and of each out-of-distribution and forgetting set (eval.ood, eval.forgetting; "
        "--set eval.ood=none switches them off; intervals from fewer than 10 examples read 'too few to judge'). With "
        "eval.fail_on_regression: true it exits with code 3 when the verdict says hurt.",
    )
    p.add_argument("config", type=Path, help="run YAML (e.g. examples/demo/run.yaml)")
    p.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        help="override a setting by dotted key, e.g. --set train.optim.max_steps=2 (repeatable)",
    )
    p.add_argument(
        "--force",
        action="append",
        choices=[*STAGES, "all"],
        metavar="STAGE",
        help=f"re-run STAGE and every later stage even if up to date ({', '.join(STAGES)}, all; repeatable)",
    )
    p.add_argument("--no-progress", action="store_true", help="no training progress bar")
    p.add_argument("--print-config", action="store_true", help="print the resolved config as YAML and exit")
    p.set_defaults(func=_cmd_run)
