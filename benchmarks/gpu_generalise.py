"""Issue #18 on a GPU: does a SmolLM2 fine-tune help on questions from another source, and which defaults decide it?

One call on the GPU machine (the SmolLM2 GGUF carried in parts, as for ``gpu_smollm2.py``). For each training
variant (``--variants``: ``TEMPLATE:EPOCHS``, e.g. ``alpaca:1 chat:1``) it trains medtune's defaults on CUDA on
``--data/train.jsonl`` (with the variant's prompt template and epochs), then generates greedy answers of the base
model and every tuned model, with each decoding of ``--penalties`` (``PENALTY``, the repetition penalty, 1.0 = none;
or ``PENALTY:MIN_NEW_TOKENS``, with a minimum answer length), for:

* the **development** set, ``--data/validation.jsonl`` (ours: the held-out split of the training sources). The
  defaults are chosen on this set only.
* the **test** sets, never used to choose anything: ``--ood`` (real questions from another source, e.g. K-QA) and the
  in-distribution ``--data/test.jsonl``.

and scores PubMedQA by option log-likelihood for each model.

The comparison, fixed before the first run: the tuned variant and decoding with the highest ROUGE-L on the
development set are the candidate defaults; on the test sets that tuned model is compared with the base model at
the same decoding, by paired bootstrap (95 %), for ROUGE-L, red-flag escalation and PubMedQA accuracy. Every other
combination is reported too, and none is picked by its test figures. Metrics come afterwards on a CPU
(``benchmarks/score_generalise.py``): the GPU image has no rouge-score.

Options added in the ninth session: ``--rf`` (held-out red-flag prompts, escalating answers as references: set
``rf``), ``--tune`` (an out-of-distribution tuning set of our own: set ``tune``) with ``--select-on tune``, ``--dpo``
(after the variants, DPO on the variant with the best tuning-set ROUGE-L; ``--dpo-sft-weight`` for RPO), variants with
any override (``NAME=KEY:VALUE,...``, ``train:FILE``), and resuming: a second call with the same ``--out`` keeps the
models already evaluated. Eleventh session: each training runs in a spawned process of its own (so Unsloth's patches
never reach the process that generates), and decodings may set a minimum answer length.

Usage (on the GPU machine, medtune and its bundle installed, ``MEDTUNE_SMOLLM2_WHEEL`` at the joined GGUF)::

    python benchmarks/gpu_generalise.py --data D --ood D/kqa.jsonl --pubmedqa D/pubmedqa_ori_pqal.json \\
        --variants alpaca:1 chat:1 --penalties 1.0 1.1 --n-dev 200 --n-test 200 --out $OUT
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

WORK = Path("/tmp/generalise")


def parse_variant(spec: str) -> tuple[str, dict, str]:
    """A variant: ``TEMPLATE:EPOCHS`` (``chat:3``), or ``NAME=KEY:VALUE,KEY:VALUE`` with medtune override keys
    (``lowlr=format.template:chat,optim.learning_rate:5e-5``) and ``train:FILE`` for another training file in
    ``--data``. Returns the name, the overrides and the training file name."""
    if "=" not in spec:
        template, _, epochs = spec.partition(":")
        if not template or not epochs.replace(".", "", 1).isdigit():
            raise ValueError(f"variant {spec!r}: expected TEMPLATE:EPOCHS such as chat:3, or NAME=KEY:VALUE,...")
        return f"{template}{epochs}", {"format.template": template, "optim.epochs": float(epochs)}, "train.jsonl"
    name, _, rest = spec.partition("=")
    overrides: dict = {}
    train_file = "train.jsonl"
    for item in filter(None, rest.split(",")):
        key, sep, raw = item.partition(":")
        if not sep or not key:
            raise ValueError(f"variant {spec!r}: {item!r} is not KEY:VALUE (e.g. optim.learning_rate:5e-5)")
        if key == "train":
            train_file = raw
            continue
        try:
            overrides[key] = json.loads(raw)
        except json.JSONDecodeError:
            overrides[key] = raw
    return name, overrides, train_file


def _fit(name: str, settings: dict, train_ds: object, eval_ds: object = None) -> dict:
    """Train with medtune's defaults and ``settings`` into ``WORK/name``; the run's facts and merged folder."""
    import torch

    if torch.cuda.is_available():
        import unsloth  # noqa: F401  (before transformers)

    from medtune.training import TrainConfig, Trainer

    overrides = {
        "logging.progress_bar": False,
        "checkpointing.save_strategy": "no",
        "output.dir": str(WORK / name),
        "output.overwrite": True,
        **settings,
    }
    t = time.time()
    result = Trainer(TrainConfig().with_overrides(overrides)).train(train_ds, eval_dataset=eval_ds)
    return {
        "seconds": round(time.time() - t, 1),
        "metrics": result.metrics,
        "overrides": overrides,
        "merged": str(result.merged_dir),
    }


def train(data: Path, name: str, overrides: dict, train_file: str = "train.jsonl") -> dict:
    """Train one variant with medtune's defaults and its overrides; its facts and the merged model's folder."""
    from medtune import Dataset

    settings = {"eval.steps": 1000, "logging.logging_steps": 20, **overrides}
    train_ds, eval_ds = Dataset.load(data / train_file), Dataset.load(data / "validation.jsonl")
    return {**_fit(name, settings, train_ds, eval_ds), "train_file": train_file}


def parse_decoding(spec: str) -> tuple[float, int]:
    """A decoding: ``PENALTY`` (``1.1``) or ``PENALTY:MIN_NEW_TOKENS`` (``1.0:100``, the end-of-sequence token forbidden
    before 100 new tokens)."""
    penalty, _, minimum = spec.partition(":")
    try:
        return float(penalty), int(minimum or 0)
    except ValueError:
        raise ValueError(
            f"decoding {spec!r}: expected PENALTY or PENALTY:MIN_NEW_TOKENS such as 1.1 or 1.0:100"
        ) from None


def decoding_label(penalty: float, minimum: int) -> str:
    """``rp1.0``, or ``rp1.0_min100`` with a minimum length (the label ``score_generalise.py`` groups by)."""
    return f"rp{penalty}" + (f"_min{minimum}" if minimum else "")


def generate_all(
    model_path: str, name: str, sets: dict[str, list], decodings: list[tuple[float, int]], out: Path, new_tokens: int
) -> dict:
    """Greedy answers of one model for every set and decoding, in one ``generate`` call per decoding (one compiled
    shape per model); appended to ``out/gen_NAME.jsonl`` with the set and the decoding on each line."""
    import torch

    from medtune.evaluation.generation import GenerationConfig, generate, load_model

    lm, tok = load_model(model_path)
    records = [r for rs in sets.values() for r in rs]
    owner = [set_name for set_name, rs in sets.items() for _ in rs]
    facts = {}
    with (out / f"gen_{name}.jsonl").open("a", encoding="utf-8") as f:
        for penalty, minimum in decodings:
            label = decoding_label(penalty, minimum)
            cfg = GenerationConfig(
                max_new_tokens=new_tokens, min_new_tokens=minimum, batch_size=64, repetition_penalty=penalty
            )
            t = time.time()
            run = generate(lm, tok, records, cfg, model_id=name)
            facts[label] = {"seconds": round(time.time() - t, 1), **run.throughput()}
            for set_name, e in zip(owner, run.examples):
                row = {"set": set_name, "penalty": penalty, "min_new_tokens": minimum, "decoding": label, "id": e.id}
                row |= {"prompt": e.prompt, "prediction": e.prediction, "reference": e.reference}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
            f.flush()
            print(name, label, json.dumps(facts[label]), flush=True)
    del lm
    torch.cuda.empty_cache()
    return facts


def in_child(fn: str, *args: object) -> dict:
    """``fn(*args)`` (``train`` or ``train_dpo``) in a fresh Python process; its JSON result. Training imports Unsloth,
    which patches transformers' Llama classes for the whole process; in the tenth session the tuned models then
    generated ten times slower than the base in the static engine. Training apart keeps every model's generation in an
    unpatched process."""
    call = WORK / f"call_{args[1]}.json"
    call.write_text(json.dumps({"fn": fn, "args": [str(a) if isinstance(a, Path) else a for a in args]}))
    subprocess.run([sys.executable, __file__, "--child", str(call)], check=True)
    return json.loads(call.with_suffix(".out.json").read_text())


def run_child(call: Path) -> int:
    """The child side of :func:`in_child`: run the call it describes and write its result next to it."""
    spec = json.loads(call.read_text())
    fn = {"train": train, "train_dpo": train_dpo}[spec["fn"]]
    args = [Path(spec["args"][0]), *spec["args"][1:]]
    call.with_suffix(".out.json").write_text(json.dumps(fn(*args), default=str))
    return 0


def train_dpo(pairs: Path, name: str, sft_model: str, settings: dict) -> dict:
    """DPO (``train.method: dpo``) on ``pairs`` from a tuned model's merged folder; its facts and merged folder."""
    from medtune import Dataset

    overrides = {"method": "dpo", "model.path": sft_model, "logging.logging_steps": 5, **settings}
    return _fit(name, overrides, Dataset.load(pairs))


def dev_rouge(out: Path, set_name: str = "dev") -> dict[tuple[str, str], float]:
    """Mean ROUGE-L on a tuning set (``dev`` or ``tune``) of every tuned model and decoding in ``out/gen_*.jsonl``
    (medtune's ROUGE, as ``score_generalise.py`` computes it)."""
    from medtune.evaluation.metrics import RougeMetric
    from medtune.evaluation.scoring import EvalExample

    groups: dict[tuple[str, str], list[EvalExample]] = {}
    for path in sorted(out.glob("gen_*.jsonl")):
        model = path.stem.removeprefix("gen_")
        if model == "base" or model.startswith(("dpo_", "rpo_")):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row["set"] == set_name:
                ex = EvalExample(row["id"], row["prompt"], row["prediction"], row["reference"])
                label = row.get("decoding") or decoding_label(float(row["penalty"]), 0)
                groups.setdefault((model, label), []).append(ex)
    metric = RougeMetric()
    return {key: sum(s.values["rougeL"] for s in metric.score(exs)) / len(exs) for key, exs in groups.items()}


def pubmedqa(model_path: str, name: str, path: Path) -> dict:
    """PubMedQA accuracy by option log-likelihood, with its interval."""
    from medtune import Dataset
    from medtune.evaluation import EvalConfig, Evaluator
    from medtune.evaluation.mcq import pubmedqa_items

    items = pubmedqa_items(list(Dataset.load(path, format="pubmedqa")))
    result = Evaluator(EvalConfig()).score_mcq(model_path, items, name=name)
    rows = [{k: v for k, v in row.items() if k != "prompt"} for row in result.per_example()]
    return {"metrics": {k: v.to_dict() for k, v in result.metrics.items()}, "per_item": rows}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return run_child(Path(argv[1]))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="folder with train/validation/test.jsonl")
    parser.add_argument("--ood", type=Path, required=True, help="out-of-distribution questions (JSONL)")
    parser.add_argument("--pubmedqa", type=Path, help="pubmedqa_ori_pqal.json")
    parser.add_argument(
        "--variants", nargs="+", default=["alpaca:1", "chat:1"],
        help="TEMPLATE:EPOCHS, or NAME=KEY:VALUE,KEY:VALUE (medtune override keys; train:FILE for another file)",
    )  # fmt: skip
    parser.add_argument("--tune", type=Path, help="an out-of-distribution tuning set of our own (JSONL): set 'tune'")
    parser.add_argument(
        "--select-on", choices=["dev", "tune"], default="dev",
        help="the tuning set whose ROUGE-L chooses the variant that DPO starts from",
    )  # fmt: skip
    parser.add_argument("--dpo-sft-weight", type=float, default=0.0, help="dpo.sft_weight (RPO): 0 is pure DPO")
    parser.add_argument(
        "--penalties", nargs="+", default=["1.0", "1.1"],
        help="decodings: PENALTY (repetition penalty, 1.0 = none) or PENALTY:MIN_NEW_TOKENS (e.g. 1.0:100)",
    )  # fmt: skip
    parser.add_argument("--n-dev", type=int, default=150)
    parser.add_argument("--n-test", type=int, default=150, help="in-distribution test questions")
    parser.add_argument("--n-ood", type=int, default=201)
    parser.add_argument("--max-new-tokens", type=int, default=256)
    parser.add_argument(
        "--base", choices=["run", "skip", "only"], default="run",
        help="evaluate the base model too (run), not here (skip: e.g. on a CPU with --base only), or only it",
    )  # fmt: skip
    parser.add_argument("--rf", type=Path, help="held-out red-flag prompts (JSONL, escalating answer as reference)")
    parser.add_argument(
        "--dpo", type=Path,
        help="red-flag preference pairs: after the variants, DPO on the variant with the best development ROUGE-L",
    )  # fmt: skip
    parser.add_argument("--dpo-lr", type=float, default=5e-5)
    parser.add_argument("--dpo-epochs", type=float, default=3)
    parser.add_argument("--dpo-batch", type=int, default=8)
    parser.add_argument("--out", type=Path, required=True, help="results folder; a second call with it resumes")
    args = parser.parse_args(argv)
    try:
        variants = [parse_variant(v) for v in args.variants]
        decodings = [parse_decoding(d) for d in args.penalties]
    except ValueError as exc:
        parser.error(str(exc))
    args.out.mkdir(parents=True, exist_ok=True)
    WORK.mkdir(parents=True, exist_ok=True)
    from medtune import Dataset
    from medtune.models.embedded import resolve_model

    base = str(resolve_model())
    sets = {
        "dev": list(Dataset.load(args.data / "validation.jsonl"))[: args.n_dev],
        "ood": list(Dataset.load(args.ood))[: args.n_ood],
        "test": list(Dataset.load(args.data / "test.jsonl"))[: args.n_test],
    }
    if args.rf:
        sets["rf"] = list(Dataset.load(args.rf))
    if args.tune:
        sets["tune"] = list(Dataset.load(args.tune))
    results: dict = {"sets": {k: len(v) for k, v in sets.items()}, "variants": {}}
    if (args.out / "results.json").exists():  # resume: models already evaluated are kept, not redone
        results = json.loads((args.out / "results.json").read_text())

    def evaluate(name: str, path: str) -> None:
        results.setdefault("generation", {})[name] = generate_all(
            path, name, sets, decodings, args.out, args.max_new_tokens
        )
        if args.pubmedqa:
            results.setdefault("pubmedqa", {})[name] = pubmedqa(path, name, args.pubmedqa)
            print(name, "pubmedqa", json.dumps(results["pubmedqa"][name]["metrics"]), flush=True)
        (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str))

    if args.base != "skip" and "base" not in results.get("generation", {}):
        evaluate("base", base)  # each model as soon as it exists: a call cut short keeps what was done
    for name, overrides, train_file in variants if args.base != "only" else []:
        if name in results.get("generation", {}):
            continue
        results["variants"][name] = in_child("train", args.data, name, overrides, train_file)
        print("trained", name, json.dumps(results["variants"][name]["metrics"]), flush=True)
        evaluate(name, results["variants"][name]["merged"])
    if args.dpo:
        scores = dev_rouge(args.out, args.select_on)
        (best, decoding), value = max(scores.items(), key=lambda kv: kv[1])
        results["selection"] = {
            "rule": f"highest ROUGE-L on the tuning set '{args.select_on}' among the tuned variants and decodings",
            "rougeL": {f"{m}@{d}": round(v, 4) for (m, d), v in scores.items()},
            "chosen": {"variant": best, "decoding": decoding, "rougeL": round(value, 4)},
        }
        print("selected", json.dumps(results["selection"]), flush=True)
        name = f"{'rpo' if args.dpo_sft_weight else 'dpo'}_{best}"
        if name in results.get("generation", {}):  # resumed after it was evaluated
            return 0
        dpo = {
            "optim.learning_rate": args.dpo_lr,
            "optim.epochs": args.dpo_epochs,
            "dpo.sft_weight": args.dpo_sft_weight,
        }
        dpo |= {"optim.batch_size": args.dpo_batch, "optim.gradient_accumulation_steps": 1}
        dpo["format.template"] = results["variants"][best]["overrides"].get("format.template", "auto")
        results["variants"][name] = in_child("train_dpo", args.dpo, name, results["variants"][best]["merged"], dpo)
        print("trained", name, json.dumps(results["variants"][name]["metrics"]), flush=True)
        evaluate(name, results["variants"][name]["merged"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
