"""Quality guard for the fast path (issue #7): the same validation loss with and without token-budget batching.

Trains the embedded SmolLM2-135M-Instruct twice on the same real records with the recipe's settings: once with
fixed micro-batches (``optim.max_tokens_per_batch: null``: batch 4 x accumulation 8) and once with length-grouped
steps of the same 32 examples cut into micro-batches under a token budget (the fast path), then compares the final
validation losses. Runs on any device; on a CPU keep it small.

    python benchmarks/quality_guard.py --data .gpu/smol/split --train 320 --val 64 --max-seq-length 192 --json out.json

``--data`` is a folder with ``train.jsonl`` and ``validation.jsonl`` (e.g. from ``medtune clean`` then
``medtune data split``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path


def run(data: Path, n_train: int, n_val: int, max_len: int, budget: int | None, out: Path) -> dict:
    from medtune import Dataset
    from medtune.training import TrainConfig, Trainer

    rows = [json.loads(x) for x in (data / "train.jsonl").read_text().splitlines()]
    random.Random(0).shuffle(rows)
    val = [json.loads(x) for x in (data / "validation.jsonl").read_text().splitlines()][:n_val]
    cfg = TrainConfig().with_overrides(
        {
            "optim.epochs": 1,
            "optim.max_tokens_per_batch": budget,
            "format.max_seq_length": max_len,
            "logging.logging_steps": 1,
            "logging.progress_bar": False,
            "checkpointing.save_strategy": "no",
            "output.dir": str(out),
            "output.overwrite": True,
            "output.save_merged": False,
        }
    )
    t = time.time()
    result = Trainer(cfg).train(Dataset.from_records(rows[:n_train]), eval_dataset=Dataset.from_records(val))
    return {"max_tokens_per_batch": budget, "seconds": round(time.time() - t, 1), **result.metrics}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--train", type=int, default=320)
    parser.add_argument("--val", type=int, default=64)
    parser.add_argument("--max-seq-length", type=int, default=192)
    parser.add_argument("--out", type=Path, default=Path("/tmp/medtune_quality_guard"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    plain = run(args.data, args.train, args.val, args.max_seq_length, None, args.out / "plain")
    fast = run(args.data, args.train, args.val, args.max_seq_length, 32 * args.max_seq_length, args.out / "fast")
    result = {
        "plain": plain,
        "fast": fast,
        "eval_loss_relative_difference": (fast["eval_loss"] - plain["eval_loss"]) / plain["eval_loss"],
        "settings": {"train": args.train, "val": args.val, "max_seq_length": args.max_seq_length},
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
