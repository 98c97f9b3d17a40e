"""Quality guard for the fast path (issue #7): the same validation loss with and without token-budget batching.

Trains SmolLM2-135M-Instruct (the embedded default model) on the same real records with the recipe's settings twice:

``plain``
    fixed micro-batches (``optim.max_tokens_per_batch: null``: batch 4 x accumulation 8 = 32 examples a step);
``fast``
    medtune's fast path: steps of 32 examples, each sorted by length and cut into micro-batches under a token
    budget (``auto`` on a GPU: sized from free memory), padding-free on the unsloth backend (``format.padding_free``
    'auto'); ``--set optim.length_group_pool=64`` also groups the steps by length (the throughput mode),

evaluating both on the same validation records every ``--eval-steps`` and at the end, and compares the losses at
each evaluation (the two paths take the same number of optimizer steps). On a GPU machine with two cards, run each
path on its own card at the same time and compare afterwards::

    CUDA_VISIBLE_DEVICES=0 python benchmarks/quality_guard.py train plain --data DIR --train 6400 --json plain.json &
    CUDA_VISIBLE_DEVICES=1 python benchmarks/quality_guard.py train fast --data DIR --train 6400 --json fast.json
    wait; python benchmarks/quality_guard.py compare plain.json fast.json

or both one after the other: ``python benchmarks/quality_guard.py train both --data DIR ...``. ``--data`` is a folder
with ``train.jsonl`` and ``validation.jsonl`` (from ``medtune clean`` then ``medtune data split``). On a CPU keep it
small (``--train 320 --val 64 --max-seq-length 192``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sys
import time
from pathlib import Path


def train(args: argparse.Namespace, path: str) -> dict:
    """Train one path; returns its final and per-evaluation validation losses."""
    if importlib.util.find_spec("unsloth") is not None:
        import torch

        if torch.cuda.is_available():
            import unsloth  # noqa: F401  (before transformers, as unsloth requires)

    from medtune import Dataset
    from medtune.training import TrainConfig, Trainer

    rows = [json.loads(x) for x in (args.data / "train.jsonl").read_text().splitlines()]
    random.Random(0).shuffle(rows)
    if args.train:
        rows = rows[: args.train]
    val = [json.loads(x) for x in (args.data / "validation.jsonl").read_text().splitlines()][: args.val]
    budget = None if path == "plain" else ("auto" if args.fast_budget == "auto" else int(args.fast_budget))
    settings = {
        "optim.epochs": 1,
        "optim.max_tokens_per_batch": budget,
        "logging.logging_steps": 10,
        "logging.progress_bar": False,
        "checkpointing.save_strategy": "no",
        "output.dir": str(args.out / path),
        "output.overwrite": True,
        "output.save_merged": False,
    }
    if args.eval_steps:
        settings["eval.steps"] = args.eval_steps
    if args.max_seq_length:
        settings["format.max_seq_length"] = args.max_seq_length
    for item in args.set or []:  # e.g. optim.loss_denominator=step, to compare variants of the fast path
        key, _, value = item.partition("=")
        settings[key] = json.loads(value) if value[:1] in "0123456789-[{tfn" else value
    name = args.name or path
    settings["output.dir"] = str(args.out / name)
    cfg = TrainConfig().with_overrides(settings)
    t = time.time()
    result = Trainer(cfg).train(Dataset.from_records(rows), eval_dataset=Dataset.from_records(val))
    logs = [json.loads(x) for x in result.log_path.read_text().splitlines()]
    facts = json.loads((result.run_dir / "run.json").read_text())
    return {
        "path": path,
        "name": name,
        "overrides": args.set or [],
        "max_tokens_per_batch": budget,
        "seconds": round(time.time() - t, 1),
        "eval_curve": {r["step"]: r["eval_loss"] for r in logs if "eval_loss" in r},
        "batching": facts.get("batching"),
        "gradient_checkpointing": facts.get("gradient_checkpointing"),
        "padding_free": facts.get("padding_free"),
        "backend": result.backend,
        "settings": {"train": len(rows), "val": len(val), "max_seq_length": cfg.format.max_seq_length},
        **result.metrics,
    }


def compare(plain: dict, fast: dict) -> dict:
    """Relative differences of the fast path's validation losses from the plain path's, at every shared step."""
    steps = sorted(set(plain["eval_curve"]) & set(fast["eval_curve"]), key=int)
    per_step = {s: (fast["eval_curve"][s] - plain["eval_curve"][s]) / plain["eval_curve"][s] for s in steps}
    final = (fast["eval_loss"] - plain["eval_loss"]) / plain["eval_loss"]
    return {
        "plain": plain,
        "fast": fast,
        "eval_loss_relative_difference": final,
        "relative_difference_by_step": per_step,
        "within_1_percent": abs(final) <= 0.01,
        "speedup": plain["seconds"] / fast["seconds"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="train one path (or both, one after the other)")
    t.add_argument("path", choices=["plain", "fast", "both"])
    t.add_argument("--data", type=Path, required=True)
    t.add_argument("--train", type=int, default=0, help="records from the (seeded-shuffled) train split; 0 = all")
    t.add_argument("--val", type=int, default=500)
    t.add_argument("--max-seq-length", type=int, help="default: TrainConfig's")
    t.add_argument("--fast-budget", default="auto", help="the fast path's optim.max_tokens_per_batch")
    t.add_argument("--eval-steps", type=int, default=0, help="also evaluate every N steps (0: at the end only)")
    t.add_argument("--set", action="append", metavar="KEY=VALUE", help="a TrainConfig override (repeatable)")
    t.add_argument("--name", help="the run's name (its output folder); default: the path")
    t.add_argument("--out", type=Path, default=Path("/tmp/medtune_quality_guard"))
    t.add_argument("--json", type=Path)
    c = sub.add_parser("compare", help="compare a plain and a fast result")
    c.add_argument("plain", type=Path)
    c.add_argument("fast", type=Path)
    c.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.cmd == "compare":
        result = compare(json.loads(args.plain.read_text()), json.loads(args.fast.read_text()))
    elif args.path == "both":
        result = compare(train(args, "plain"), train(args, "fast"))
    else:
        result = train(args, args.path)
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
