"""``medtune export gguf|ollama RUN_OR_MODEL -o DIR``: the model as llama.cpp and Ollama load it, checked."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from medtune.cli._common import EXIT_INVALID, EXIT_OK, Console, escape

_SOURCE_HELP = (
    "a `medtune run` folder (its train/merged model), a `medtune train` output, a model or adapter folder, or "
    "'embedded'"
)


def _check_prompts(args: argparse.Namespace, console: Console) -> list[Any] | None:
    """The records whose prompts the reload checks use: --prompts, the run's test split, or the preset's sample."""
    if args.no_verify or args.check_prompts == 0:
        return None
    from medtune.data import Dataset

    source = Path(args.source)
    if args.prompts:
        path = Path(args.prompts)
    elif (source / "split" / "test.jsonl").is_file():
        path = source / "split" / "test.jsonl"
    else:
        from medtune.data.samples import sample_path
        from medtune.errors import ConfigError

        try:
            path = sample_path()
        except ConfigError:
            console.err.print("medtune: note: no prompts to check the model with (--prompts FILE); only the template")
            return None
    records = list(Dataset.load(path))[: args.check_prompts]
    console.err.print(f"medtune: checking the export on {len(records)} prompt(s) from {escape(str(path))}")
    return records


def _system_prompt(args: argparse.Namespace) -> str | None:
    """``--system``, else the system prompt ``medtune serve`` puts before conversations (the preset's policy)."""
    if args.system is not None:
        return str(args.system) or None
    from medtune.serving.safety import SafetyLayer

    return SafetyLayer().system_prompt


def _print_report(report: Any, console: Console) -> None:
    for written in report.files:
        checks = report.checks.get(written.path.name, {})
        line = f"{written.path}  {written.gguf_type}  {written.size_bytes / 1e6:.1f} MB"
        if "logits" in checks:
            logits = checks["logits"]
            line += f"  max |Δlogit| {logits['max_abs_logit_diff']:.3g}  top-1 {logits['top1_agreement']:.1%}"
        if "greedy" in checks:
            greedy = checks["greedy"]
            line += (
                f"  greedy same {greedy['greedy_match']:.0%} (or near-tie {greedy['greedy_match_or_near_tie']:.0%})"
                f" of {greedy['prompts']}"
            )
        console.out.print(escape(line))
    if report.modelfile is not None:
        tpl = report.checks["Modelfile"]
        console.out.print(
            escape(
                f"{report.modelfile}  chat format {tpl['family']}, renders like the chat template on "
                f"{tpl['same_as_chat_template']}/{tpl['probes']} probe conversations; stops {tpl['stops']}"
            )
        )
        console.out.print(escape(f"next: ollama create NAME -f {report.modelfile}"))
    for failure in report.failures:
        console.err.print(f"[red]check failed:[/] {escape(failure)}")


def _cmd_export(args: argparse.Namespace, console: Console) -> int:
    from medtune.export import export_gguf, export_ollama

    prompts = _check_prompts(args, console)
    common = {"prompts": prompts, "verify": not args.no_verify, "name": args.name}
    if args.format == "gguf":
        types = [t.strip() for t in (args.type or "f16,q8_0").split(",") if t.strip()]
        report = export_gguf(args.source, args.output, types, **common)
    else:
        report = export_ollama(
            args.source, args.output, args.type or "q8_0", system_prompt=_system_prompt(args), **common
        )
    if console.as_json:
        console.emit(report.as_dict())
    else:
        _print_report(report, console)
    return EXIT_OK if report.passed else EXIT_INVALID


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``medtune export``."""
    p = sub.add_parser(
        "export",
        parents=[common],
        help="export a trained model to GGUF (llama.cpp, LM Studio) or Ollama, and check the export",
        description=(
            "Convert a trained model (Llama architecture: SmolLM2, Llama 3.x) to GGUF with the gguf package, or to "
            "a GGUF plus an Ollama Modelfile carrying the model's real chat template, stop tokens and system "
            "prompt. Then reload each file with transformers and compare it with the source model on test "
            "prompts (logits for f16, greedy continuations for quantized files), and render the Modelfile's "
            "template against the tokenizer's chat template. Writes OUT/export_report.json; exits 1 if a check "
            "misses its target. Needs the train extra."
        ),
    )
    p.add_argument("format", choices=["gguf", "ollama"], help="gguf: GGUF file(s); ollama: one GGUF + Modelfile")
    p.add_argument("source", metavar="RUN_OR_MODEL", help=_SOURCE_HELP)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write (created if missing)")
    p.add_argument(
        "--type",
        metavar="TYPES",
        help="GGUF type(s): f16, q8_0, q4_0; comma-separated for gguf (default f16,q8_0), one for ollama "
        "(default q8_0)",
    )
    p.add_argument("--name", default="model", help="file stem and the GGUF's general.name (default: model)")
    p.add_argument(
        "--system",
        metavar="TEXT",
        help="the Modelfile's SYSTEM prompt (default: the one `medtune serve` uses, from the preset; '' for none)",
    )
    p.add_argument(
        "--prompts",
        metavar="FILE",
        help="dataset whose prompts the checks use (default: RUN/split/test.jsonl, else the preset's sample)",
    )
    p.add_argument("--check-prompts", type=int, default=50, metavar="N", help="prompts to check on (default 50)")
    p.add_argument("--no-verify", action="store_true", help="write the files without reloading and checking them")
    p.set_defaults(func=_cmd_export)
