"""Build the data folder of ``gpu_generalise.py`` (issue #18) from the cleaned real records, on the CPU.

From ``medtune clean``'s output on the 21,875 real ChatDoctor + MedQuAD records (``benchmarks/pii_speed.py`` builds
and cleans them), with a fixed seed:

* ``validation.jsonl`` / ``test.jsonl`` / the training split: ``medtune data split --validation 500 --test 1000``;
* ``train.jsonl``: 4,000 records of the training split (``--train-size``), drawn with the seed;
* ``train_nodisc.jsonl``: the same records with the preset's appended disclaimer taken off the answers;
* ``train_consumer_nodisc.jsonl``: 4,000 records of the training split without the templated GARD and GHR genetics
  answers, disclaimer off;
* ``rf_heldout.jsonl`` / ``rf_train.jsonl``: the red-flag pairs of ``medtune data pairs`` on the cleaned records;
  64 whose prompt is in no training file and no evaluation split are held out as prompts (the escalating answer
  the reference), the rest are DPO pairs;
* ``kqa.jsonl``: the shipped K-QA sample; ``consumer_dev.jsonl``: ``benchmarks/generalise_sets/consumer_dev.jsonl``.

No training file shares a prompt with an evaluation split or the held-out red-flag prompts. PubMedQA is copied by
hand (``../shared/data``). The ninth session's run used files drawn by an earlier version of this recipe (the same
split; its held-out red-flag prompts were chosen outside its 4,000 training records instead); the runs after it use
this script's output.

Usage::

    python benchmarks/make_generalise_data.py CLEANED.jsonl --out D [--seed 42]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

from medtune.medical.cleaners import MEDICAL_DISCLAIMER as DISCLAIMER

TEMPLATED = ("medquad/2_GARD", "medquad/3_GHR")


def _medtune(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "medtune.cli.main", *args], check=True, stdout=subprocess.DEVNULL)


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def prompt_key(row: dict) -> tuple[str, str]:
    """What the model is asked: instruction and input (a pair's prompt counts as its instruction)."""
    text = row.get("instruction", row.get("prompt", ""))
    return text.strip().lower(), row.get("input", "").strip().lower()


def without_disclaimer(row: dict) -> dict:
    """The record with the preset's appended disclaimer taken off its answer."""
    if row.get("output", "").endswith(DISCLAIMER):
        row = {**row, "output": row["output"][: -len(DISCLAIMER)].rstrip()}
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cleaned", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--train-size", type=int, default=4000)
    parser.add_argument("--rf-heldout", type=int, default=64)
    args = parser.parse_args(argv)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    split = out / "split"
    _medtune(
        "data",
        "split",
        str(args.cleaned),
        "-o",
        str(split),
        "--validation",
        "500",
        "--test",
        "1000",
        "--seed",
        str(args.seed),
    )
    for name in ("validation", "test"):
        shutil.copy(split / f"{name}.jsonl", out / f"{name}.jsonl")
    pool = read(split / "train.jsonl")
    evaluation = {prompt_key(r) for name in ("validation", "test") for r in read(out / f"{name}.jsonl")}

    _medtune("data", "pairs", str(args.cleaned), str(out / "rf_all.jsonl"))
    pairs = [p for p in read(out / "rf_all.jsonl") if prompt_key(p) not in evaluation]
    rng = random.Random(args.seed)
    rng.shuffle(pairs)
    heldout = pairs[: args.rf_heldout]
    blocked = evaluation | {prompt_key(p) for p in heldout}
    write(out / "rf_train.jsonl", [p for p in pairs[args.rf_heldout :] if prompt_key(p) not in blocked])
    write(
        out / "rf_heldout.jsonl",
        [
            {"id": p["id"], "source": p.get("source"), "instruction": p["prompt"], "output": p["chosen"]}
            | ({"system": p["system"]} if p.get("system") else {})
            | {"metadata": p.get("metadata", {})}
            for p in heldout
        ],
    )

    usable = [r for r in pool if prompt_key(r) not in blocked]
    train = random.Random(args.seed).sample(usable, args.train_size)
    write(out / "train.jsonl", train)
    write(out / "train_nodisc.jsonl", [without_disclaimer(r) for r in train])
    consumer = [r for r in usable if not str(r.get("source", "")).startswith(TEMPLATED)]
    random.Random(args.seed).shuffle(consumer)
    write(out / "train_consumer_nodisc.jsonl", [without_disclaimer(r) for r in consumer[: args.train_size]])

    from medtune.medical.plugin import __file__ as plugin_file

    shutil.copy(Path(plugin_file).parent / "samples" / "kqa_sample.jsonl", out / "kqa.jsonl")
    shutil.copy(Path(__file__).parent / "generalise_sets" / "consumer_dev.jsonl", out / "consumer_dev.jsonl")
    print(json.dumps({p.name: sum(1 for _ in p.open()) for p in sorted(out.glob("*.jsonl"))}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
