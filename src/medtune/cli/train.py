"""``medtune train``: fine-tune from a YAML config, with flag overrides and a progress bar."""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import logging
import os
import sys
from pathlib import Path
from typing import Any

from medtune.cli._common import EXIT_OK, Console, escape, say_preset

#: Shortcut flags -> the dotted config key they set.
_SHORTCUTS: dict[str, str] = {
    "method": "method",
    "model": "model.path",
    "backend": "model.backend",
    "data": "data.train",
    "eval_data": "data.eval",
    "output_dir": "output.dir",
    "template": "format.template",
    "max_seq_length": "format.max_seq_length",
    "epochs": "optim.epochs",
    "max_steps": "optim.max_steps",
    "lr": "optim.learning_rate",
    "batch_size": "optim.batch_size",
    "grad_accum": "optim.gradient_accumulation_steps",
    "seed": "optim.seed",
}


def _parse_set(values: list[str] | None) -> dict[str, Any]:
    """``--set KEY=VALUE`` items as overrides (:func:`medtune.config.parse_assignments`)."""
    from medtune.config import parse_assignments

    return parse_assignments(values)


def _preimport_unsloth(backend: str) -> None:
    """Unsloth must be imported before transformers to patch it: do it first when it may be used."""
    if backend == "peft" or importlib.util.find_spec("unsloth") is None:
        return
    import torch

    if torch.cuda.is_available():
        import unsloth  # noqa: F401


def _cmd_train(args: argparse.Namespace, console: Console) -> int:
    from medtune.training.config import TrainConfig

    config = TrainConfig.from_yaml(args.config) if args.config else TrainConfig()
    if args.config:
        say_preset(console, args.preset)
    overrides = {key: getattr(args, name) for name, key in _SHORTCUTS.items() if getattr(args, name) is not None}
    if args.no_progress or console.as_json:
        overrides["logging.progress_bar"] = False
    overrides.update(_parse_set(args.set))
    if overrides:
        config = config.with_overrides(overrides)
    if args.print_config:
        print(config.to_yaml(), end="")
        return EXIT_OK

    handler: logging.Handler
    if console.as_json:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
    else:
        from rich.logging import RichHandler

        handler = RichHandler(console=console.err, show_path=False, show_time=False, markup=False)
    log = logging.getLogger("medtune.training")
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    # With --json, stdout carries only the JSON summary: libraries that print (unsloth's banner) go to stderr.
    quiet = contextlib.redirect_stdout(sys.stderr) if console.as_json else contextlib.nullcontext()
    try:
        with quiet:
            _preimport_unsloth(config.model.backend)
            from medtune.training.trainer import Trainer

            resume: bool | Path = Path(args.resume_from) if args.resume_from else bool(args.resume)
            result = Trainer(config).train(resume=resume)
    finally:
        log.removeHandler(handler)

    if os.environ.get("RANK", "0") != "0":  # the other processes of torchrun / accelerate launch: rank 0 reports
        return EXIT_OK
    payload = {
        "run_dir": str(result.run_dir),
        "backend": result.backend,
        "metrics": result.metrics,
        "tokenization": result.tokenization.to_dict(),
        "adapter": str(result.adapter_dir) if result.adapter_dir else None,
        "merged": str(result.merged_dir) if result.merged_dir else None,
        "model_card": str(result.model_card) if result.model_card else None,
        "log": str(result.log_path) if result.log_path else None,
        "resumed_from": str(result.resumed_from) if result.resumed_from else None,
    }
    if console.as_json:
        console.emit(payload)
        return EXIT_OK
    out = console.out
    m = result.metrics
    out.print(
        f"[green]✓[/] trained {int(m.get('steps', 0))} steps in {m.get('wall_time_s', 0):.1f} s ({result.backend})"
    )
    if "first_loss" in m:
        out.print(
            f"  loss {m['first_loss']:.4f} → {m['final_loss']:.4f}"
            + (f", eval loss {m['eval_loss']:.4f}" if "eval_loss" in m else "")
        )
    if "reward_margin" in m:
        out.print(
            f"  DPO reward margin {m['reward_margin']:.4f}, chosen preferred on {m.get('reward_accuracy', 0):.0%} "
            "of the last logged batch"
            + (
                f" (eval: {m['eval_reward_margin']:.4f}, {m['eval_reward_accuracy']:.0%})"
                if "eval_reward_margin" in m
                else ""
            )
        )
    out.print(f"  data: {escape(result.tokenization.summary())}")
    for label, key in (
        ("adapter", "adapter"),
        ("merged model", "merged"),
        ("model card", "model_card"),
        ("log", "log"),
    ):
        if payload[key]:
            out.print(f"  {label}: {escape(str(payload[key]))}")
    return EXIT_OK


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add ``medtune train`` to the top-level subparsers."""
    p = sub.add_parser(
        "train",
        parents=[common],
        help="LoRA fine-tune a model from a YAML config (SFT, or DPO on preference pairs)",
        description="LoRA fine-tune a causal LM: supervised (--method sft, the default) or on preference pairs "
        "(--method dpo). Settings come from --config (the recipe's defaults when omitted), then the shortcut flags, "
        "then --set KEY=VALUE (dotted keys, e.g. --set lora.r=8 or --set dpo.beta=0.2).",
    )
    p.add_argument("--config", type=Path, help="YAML training config (see docs/training.md)")
    p.add_argument(
        "--method",
        choices=["sft", "dpo"],
        help="sft: supervised fine-tuning on instruction or chat records; dpo: preference tuning on "
        "prompt/chosen/rejected pairs (method)",
    )
    p.add_argument("--model", help="local model directory (model.path)")
    p.add_argument("--backend", choices=["auto", "unsloth", "peft"], help="model.backend")
    p.add_argument("--data", help="training data file, or sample:medical (data.train)")
    p.add_argument("--eval-data", help="evaluation data file (data.eval)")
    p.add_argument("-o", "--output-dir", help="run directory (output.dir)")
    p.add_argument(
        "--template",
        choices=["auto", "alpaca", "chat"],
        help="prompt format (format.template; auto: chat if the model has one)",
    )
    p.add_argument("--max-seq-length", type=int, help="format.max_seq_length")
    p.add_argument("--epochs", type=float, help="optim.epochs")
    p.add_argument("--max-steps", type=int, help="optim.max_steps (overrides epochs)")
    p.add_argument("--lr", type=float, help="optim.learning_rate")
    p.add_argument("--batch-size", type=int, help="optim.batch_size")
    p.add_argument("--grad-accum", type=int, help="optim.gradient_accumulation_steps")
    p.add_argument("--seed", type=int, help="optim.seed")
    p.add_argument("--set", action="append", metavar="KEY=VALUE", help="override any setting (repeatable)")
    p.add_argument("--resume", action="store_true", help="resume from the latest complete checkpoint of the run")
    p.add_argument("--resume-from", metavar="CHECKPOINT", help="resume from this checkpoint directory")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--print-config", action="store_true", help="print the resolved config as YAML and exit")
    p.set_defaults(func=_cmd_train)
