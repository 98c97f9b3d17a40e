"""``medtune eval``: evaluate a model (and optionally a base model beside it) and write a report."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from medtune.cli._common import EXIT_OK, EXIT_REGRESSION, Console, escape
from medtune.errors import ConfigError


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``medtune eval``."""
    p = sub.add_parser(
        "eval",
        parents=[common],
        help="evaluate a model (optionally against a base model) and write a report",
        description="Generate answers (or score multiple-choice options), compute the registered metrics and "
        "checkers with bootstrap intervals, compare with --base, and write report.json/.md/.html to -o. "
        "Generations are cached in REPORT_DIR/generations/ and multiple-choice scores in REPORT_DIR/loglikelihoods/, "
        "so a rerun only computes what is new. An adapter (or training run directory) whose run also saved merged/ "
        "is evaluated on the merged model (--unmerged: base + adapter; the report then gives their logit "
        "difference). When --model (or --adapter) is the adapter or merged model of a medtune training run, its "
        "model card (README.md) gets the evaluation summary. With --base, the first line printed (and of "
        f"report.md/.html) is the verdict: helped, hurt, no clear change or too few to judge, out of distribution, on "
        f"safety and for forgetting; --fail-on-regression exits {EXIT_REGRESSION} when it says hurt. With --base, both "
        "models are also scored on the preset's out-of-distribution set (--ood; medical: k-qa) and forgetting sets "
        "(--forgetting; medical: pubmedqa, mmlu-general), each cut to --limit.",
    )
    p.add_argument("--model", help="model directory, adapter directory, or model name available offline")
    p.add_argument("--adapter", help="LoRA adapter applied on top of --model")
    p.add_argument("--base", help="baseline model evaluated the same way, for a side-by-side comparison")
    p.add_argument("--base-adapter", help="LoRA adapter applied on top of --base")
    p.add_argument(
        "--unmerged",
        action="store_true",
        help="evaluate base + adapter even when the training run saved a merged model beside the adapter "
        "(by default the merged model is evaluated: the weights `medtune serve` and export use)",
    )
    p.add_argument("--data", help="evaluation data file (or a shipped sample name, e.g. pubmedqa)")
    p.add_argument(
        "--format",
        help="data format (default: detected); with --task mcq also mcq/medqa (options + answer/answer_idx) or "
        "medmcqa (opa-opd + cop)",
    )
    p.add_argument(
        "--cop-base",
        type=int,
        choices=[0, 1],
        help="MedMCQA: cop counts from 0 (0-3, Hugging Face release) or 1 (1-4, original JSON); default: detected",
    )
    p.add_argument("--task", choices=["generation", "mcq"], default="generation")
    p.add_argument("-o", "--output", required=True, metavar="REPORT_DIR", help="report directory")
    p.add_argument("--limit", type=int, help="evaluate the first N examples only")
    p.add_argument("--decoding", choices=["greedy", "recipe"], default="greedy", help="decoding preset")
    p.add_argument("--max-new-tokens", type=int, default=256)
    p.add_argument("--batch-size", type=int, default=8)
    p.add_argument("--metrics", help="comma-separated metric names (default: rouge,bleu,length)")
    p.add_argument(
        "--checkers",
        help="comma-separated checker names (default: the preset's; term_overlap,safety,empathy for medical)",
    )
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for intervals (0: none)")
    p.add_argument("--train-log", help="training log JSONL (train_log.jsonl) to plot loss curves from")
    p.add_argument("--generations", help="score this generations JSONL instead of generating (no model needed)")
    p.add_argument("--base-generations", help="generations JSONL of the baseline, with --generations")
    p.add_argument(
        "--headline",
        metavar="KEY",
        help="metric key that judges its group in the verdict (default: rougeL for generation, accuracy for mcq)",
    )
    p.add_argument(
        "--ood",
        metavar="SETS",
        help="comma-separated out-of-distribution generation sets (sample names or data files) scored besides --data, "
        "or 'none' (default with --base: the preset's, k-qa for medical; without --base: none)",
    )
    p.add_argument(
        "--forgetting",
        metavar="SETS",
        help="comma-separated multiple-choice sets (sample names or MCQ files) scored to catch forgetting, or 'none' "
        "(default with --base: the preset's, pubmedqa,mmlu-general for medical, mmlu-general otherwise; without "
        "--base: none)",
    )
    p.add_argument(
        "--fail-on-regression",
        action="store_true",
        help=f"exit with code {EXIT_REGRESSION} when the verdict says a judged metric hurt (tuned worse than "
        "--base, interval excluding 0); the report is written either way",
    )
    p.add_argument(
        "--no-card-update",
        action="store_true",
        help="leave the evaluated model's medtune model card (README.md) unchanged",
    )
    p.set_defaults(func=_cmd_eval)


def _records(args: argparse.Namespace) -> list[Any]:
    """The evaluation records; preference pairs are evaluated on their prompts, the chosen answer the reference."""
    from medtune.data.dataset import Dataset
    from medtune.data.records import PreferenceRecord
    from medtune.plugins.manager import get_plugin_manager

    path, fmt = args.data, args.format
    if not Path(path).exists():
        samples = get_plugin_manager().registry("sample")
        if path in samples:
            sample = samples.get(path)
            path, fmt = sample.path, fmt or sample.format
    records = [
        r.to_instruction("chosen") if isinstance(r, PreferenceRecord) else r for r in Dataset.load(path, format=fmt)
    ]
    return records[: args.limit] if args.limit else records


def _mcq_items(args: argparse.Namespace) -> list[Any]:
    from medtune.evaluation.mcq import MCQ_FORMATS, load_mcq_jsonl, pubmedqa_items, sniff_mcq_file

    path = Path(args.data)
    fmt = None if args.format == "auto" else args.format
    if not path.exists():  # a shipped multiple-choice sample (mmlu-general): its file and layout
        from medtune.plugins.manager import get_plugin_manager

        samples = get_plugin_manager().registry("sample")
        if args.data in samples and samples.get(args.data).format in MCQ_FORMATS:
            path, fmt = Path(samples.get(args.data).path), fmt or samples.get(args.data).format
    layout = {"medqa": "mcq"}.get(fmt, fmt) if fmt in MCQ_FORMATS else sniff_mcq_file(path)
    if args.cop_base is not None and layout != "medmcqa":
        raise ConfigError(
            f"--cop-base {args.cop_base}: only MedMCQA data has a cop field, and {args.data} is not read as "
            "MedMCQA. Fix: add --format medmcqa, or drop --cop-base."
        )
    if fmt in MCQ_FORMATS or (fmt is None and layout is not None):
        items = load_mcq_jsonl(path, fmt or "auto", cop_base=args.cop_base)
        return items[: args.limit] if args.limit else items
    return pubmedqa_items(_records(args))


def _update_card(args: argparse.Namespace, evaluator: Any, data: dict[str, Any], report: Path, n: int) -> Any:
    """Put the evaluation summary into the evaluated model's medtune model card, if it has one."""
    from medtune.cards.evaluation import describe_evaluation, update_model_card
    from medtune.evaluation.compare import MIN_JUDGEABLE_N
    from medtune.evaluation.report import model_line, sets_sentence, summary_markdown

    target = Path(args.adapter or args.model)
    if not target.is_dir():
        return None  # a model name: no card of ours to update
    loaded = data["systems"][data["tuned"]].get("loaded")
    generation = evaluator.config.generation
    description = describe_evaluation(
        str(args.data),
        args.task,
        examples=n,
        limit=args.limit,
        base=" + ".join(str(p) for p in (args.base, args.base_adapter) if p) or None,
        max_new_tokens=generation.max_new_tokens,
        sampling=generation.do_sample,
        evaluated=model_line(loaded) if loaded else None,
        min_judgeable=MIN_JUDGEABLE_N,
    )
    description += sets_sentence(data)
    evaluation = {"summary": summary_markdown(data), "description": description, "report": report}
    return update_model_card(target, evaluation)


def _cmd_eval(args: argparse.Namespace, console: Console) -> int:
    from medtune.evaluation.evaluator import EvalConfig, Evaluator
    from medtune.evaluation.generation import GenerationConfig, load_generations

    if args.limit is not None and args.limit < 1:
        raise ConfigError(f"--limit {args.limit}: must be at least 1")
    if args.model is None and args.generations is None:
        raise ConfigError("give --model (to generate) or --generations (to score saved generations)")
    if args.generations is None and args.data is None:
        raise ConfigError("--data is required with --model: the evaluation data file or a sample name")
    fields: dict[str, Any] = {
        "generation": GenerationConfig.preset(
            args.decoding, max_new_tokens=args.max_new_tokens, batch_size=args.batch_size
        ),
        "bootstrap_resamples": args.bootstrap,
    }
    if args.metrics is not None:
        fields["metrics"] = [m for m in args.metrics.split(",") if m]
    if args.checkers is not None:
        fields["checkers"] = [c for c in args.checkers.split(",") if c]
    if args.headline is not None:
        fields["headline"] = args.headline
    if args.task == "mcq":
        fields["mcq"] = {"batch_size": args.batch_size}
    fields.update(_set_fields(args))
    evaluator = Evaluator(EvalConfig(**fields))
    if args.task == "generation" or args.generations is not None:
        evaluator.scorers()  # unknown names fail before any model is loaded
    sets = _extra_sets(args, evaluator.config)
    out = Path(args.output)
    say = (lambda msg: None) if console.as_json else (lambda msg: console.err.print(f"[dim]{escape(msg)}[/]"))

    base = tuned = None
    if args.generations is None:
        from medtune.models.loading import choose_model

        model = choose_model(args.model, args.adapter, prefer_merged=not args.unmerged)
        say(f"tuned: {model.describe()} ({model.reason})")
        base_model = None
        if args.base:
            base_model = choose_model(args.base, args.base_adapter, prefer_merged=not args.unmerged)
            say(f"base: {base_model.describe()} ({base_model.reason})")
    if args.generations is not None:
        tuned = evaluator.score(load_generations(args.generations), name="tuned", model=args.generations)
        if args.base_generations:
            base = evaluator.score(load_generations(args.base_generations), name="base", model=args.base_generations)
    elif args.task == "mcq":
        items = _mcq_items(args)
        say(f"scoring {len(items)} multiple-choice items")
        scores = out / "loglikelihoods"
        if base_model is not None:
            base = evaluator.score_mcq(base_model, items, name="base", cache=scores / "base.jsonl")
        tuned = evaluator.score_mcq(model, items, name="tuned", cache=scores / "tuned.jsonl")
    else:
        records = _records(args)
        say(f"generating answers for {len(records)} examples")
        gen = out / "generations"
        if base_model is not None:
            base = evaluator.generate_and_score(base_model, records, name="base", cache=gen / "base.jsonl")
        tuned = evaluator.generate_and_score(model, records, name="tuned", cache=gen / "tuned.jsonl")
    results = []
    if sets:
        from medtune.evaluation.sets import evaluate_sets

        say(f"scoring {len(sets)} out-of-distribution and forgetting set(s)")
        results = evaluate_sets(evaluator, sets, model, base=base_model, out_dir=out, limit=args.limit, say=say)
    files = evaluator.report(out, tuned, base=base, train_log=args.train_log, set_name=_set_name(args), sets=results)
    data = json.loads(files["json"].read_text(encoding="utf-8"))
    card = None
    if args.model is not None and args.generations is None and not args.no_card_update:
        card = _update_card(args, evaluator, data, files["html"], len(tuned.examples))
        if card is not None:
            say(card.message)
    if console.as_json:
        payload: dict[str, Any] = {"files": {k: str(v) for k, v in files.items()}, "report": data}
        payload["model_card"] = (
            {"path": str(card.card) if card.card else None, "updated": card.updated, "message": card.message}
            if card is not None
            else None
        )
        console.emit(payload)
        return regression_exit(data, args.fail_on_regression, console)
    from medtune.evaluation.report import report_tables

    print_verdict(console, data)
    print_report(console, data, report_tables(data))
    console.out.print(f"[green]✓[/] report written to {escape(str(files['html']))} (and report.md, report.json)")
    return regression_exit(data, args.fail_on_regression, console)


def _set_fields(args: argparse.Namespace) -> dict[str, list[str]]:
    """``ood``/``forgetting`` of the EvalConfig: the flags, else the preset's with ``--base``, else none.

    Raises:
        ConfigError: A flag that is not a comma-separated list (or ``none``), or sets with ``--generations``.
    """
    from medtune.evaluation.sets import parse_set_list

    fields: dict[str, list[str]] = {}
    for key in ("ood", "forgetting"):
        flag = getattr(args, key)
        if flag is not None:
            try:
                fields[key] = parse_set_list(flag, f"--{key}")
            except ValueError as exc:
                raise ConfigError(f"--{key} {flag!r}: {exc}") from None
            if fields[key] and args.generations is not None:
                raise ConfigError(
                    f"--{key} {flag}: scoring saved generations (--generations) loads no model, so no set can be "
                    f"scored beside them. Fix: drop --{key}, or evaluate with --model."
                )
        elif args.base is None or args.generations is not None:
            fields[key] = []  # no comparison to make (or no model): the preset's sets are left out
    return fields


def _extra_sets(args: argparse.Namespace, config: Any) -> list[Any]:
    """The configured sets, resolved before any model is loaded (the main data itself is left out)."""
    from medtune.evaluation.sets import resolve_sets

    if not (config.ood or config.forgetting):
        return []
    main = None
    if args.data is not None:
        path = Path(args.data)
        if not path.exists():
            from medtune.plugins.manager import get_plugin_manager

            samples = get_plugin_manager().registry("sample")
            path = Path(samples.get(args.data).path) if args.data in samples else path
        main = (_set_name(args), path if path.exists() else None)
    keys = {"ood": "--ood", "forgetting": "--forgetting"}
    return resolve_sets(config.ood, config.forgetting, main=main, keys=keys)


def _set_name(args: argparse.Namespace) -> str:
    """The evaluation data's name in the verdict: the data file's stem (or sample name), else ``eval``."""
    return Path(args.data).stem if args.data else "eval"


def print_verdict(console: Console, data: dict[str, Any]) -> None:
    """Print the verdict line: red when a judged metric hurt, green when one helped and none hurt."""
    from medtune.evaluation.report import verdict_color, verdict_text

    color = verdict_color(data)
    text = escape(verdict_text(data))
    console.out.print(f"[bold {color}]{text}[/]" if color else f"[bold]{text}[/]")


def regression_exit(data: dict[str, Any], fail_on_regression: bool, console: Console | None = None) -> int:
    """``EXIT_REGRESSION`` when asked to fail on a regression and the verdict has a judged metric that hurt."""
    hurt = (data.get("verdict") or {}).get("hurt") or []
    if not (fail_on_regression and hurt):
        return EXIT_OK
    if console is not None:
        console.err.print(
            f"[red]medtune: regression:[/] {escape(', '.join(hurt))} hurt (interval of the paired delta excludes "
            f"0); exit code {EXIT_REGRESSION} (fail_on_regression)."
        )
    return EXIT_REGRESSION


def print_report(console: Console, data: dict[str, Any], tables: list[tuple[str, list[str], list[list[str]]]]) -> None:
    """Print report tables (``report_tables`` or ``headline_table`` rows) and which weights each system evaluated.

    ``medtune eval`` prints every table, ``medtune run`` the headline one; an interval from too few examples reads
    "too few to judge" in both.
    """
    from rich.table import Table

    from medtune.evaluation.report import TOO_FEW, model_lines, too_few_note

    for title, header, rows in tables:
        table = Table(title=escape(title), title_justify="left")
        for col in header:
            table.add_column(escape(str(col)), justify="right")
        for row in rows:
            table.add_row(*(escape(c) for c in row))
        console.out.print(table)
    note = too_few_note(data)
    if note and any(TOO_FEW in cell for _, _, rows in tables for row in rows for cell in row):
        console.out.print(f"  {escape(note)}")
    for line in model_lines(data):
        console.out.print(f"  {escape(line)}")
