# %% [markdown]
# # medtune quickstart: the Python API end to end
#
# Load the shipped medical sample, look at it, clean it, split it, fine-tune a LoRA adapter with the reference
# recipe's settings (cut down), evaluate the base model against the tuned one, and write the model card.
# The same job as `medtune run examples/demo/run.yaml`, one step at a time, so that you can see and change each.
#
# Run it as a script, or cell by cell (`# %%`) in VS Code, PyCharm or Jupyter (jupytext):
#
#     python examples/quickstart.py                    # the embedded SmolLM2-135M-Instruct, offline, ~15 min on 2 CPUs
#     python examples/quickstart.py --smoke            # a tiny random model built in-process: under a minute
#     python examples/quickstart.py --out outputs/qs --steps 20 --eval-limit 32
#
# `MEDTUNE_QUICKSTART_SMOKE=1` is the same as `--smoke`. Everything runs offline: the embedded model is converted
# once from its PyPI wheel into `~/.cache/medtune` (see docs/training-models.md); no model hub is contacted.
#
# **This is a cut-down demo run** (6 optimizer steps on 256-token sequences, 16 test questions): its numbers show
# that the pipeline works, not what the recipe reaches. The last cell shows how to run the full recipe.

# %%
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

from medtune import Dataset, EvalConfig, Evaluator, GenerationConfig, Pipeline, TrainConfig, Trainer, sample_path

parser = argparse.ArgumentParser(description="medtune quickstart: data -> clean -> split -> train -> eval -> card")
parser.add_argument("--out", default="outputs/quickstart", help="output directory (default: outputs/quickstart)")
parser.add_argument(
    "--smoke",
    action="store_true",
    default=os.environ.get("MEDTUNE_QUICKSTART_SMOKE", "") not in ("", "0", "false"),
    help="a tiny random model built in-process and a few steps (also: MEDTUNE_QUICKSTART_SMOKE=1)",
)
parser.add_argument("--steps", type=int, default=None, help="optimizer steps (default: 6, or 2 with --smoke)")
parser.add_argument("--eval-limit", type=int, default=None, help="test questions (default: 16, or 4 with --smoke)")
# parse_known_args: Jupyter passes its own arguments to the kernel.
args, _ = parser.parse_known_args(sys.argv[1:] if __name__ == "__main__" else [])

OUT = Path(args.out)
SMOKE = args.smoke
STEPS = args.steps or (2 if SMOKE else 6)
EVAL_LIMIT = args.eval_limit or (4 if SMOKE else 16)
MAX_NEW_TOKENS = 8 if SMOKE else 96
print(f"mode: {'smoke (tiny random model)' if SMOKE else 'embedded SmolLM2-135M-Instruct'}; outputs in {OUT}/")

# %% [markdown]
# ## 1. Load the shipped sample
#
# `sample_path("medical")` is a JSONL file of 300 real dialogues (ChatDoctor and MedQuAD) that the medical plugin
# ships. `Dataset.load` reads any format medtune knows (JSONL, JSON, CSV, Parquet, ChatDoctor, MedQuAD, …) and
# validates every record; bad records fail loudly with file:line:field.

# %%
ds = Dataset.load(sample_path("medical"))
print(f"{len(ds)} {ds.kind} records")
first = ds[0]
print(f"first record: instruction={first.instruction!r}\n  input={first.input[:100]!r}…")

# %% [markdown]
# ## 2. Look at it: lengths, categories, duplicates

# %%
stats = ds.stats()  # whitespace tokens; pass tokenizer=... for model tokens
out_len = stats.lengths["output"]
print(f"output length (words): p50={out_len.p50:.0f} p95={out_len.p95:.0f} max={out_len.max}")
print(f"categories: {dict(list(stats.categories.items())[:5])}")
print(f"exact duplicates: {stats.duplicates}; empty fields: {stats.empty_fields}")

# %% [markdown]
# ## 3. Clean with the default pipeline
#
# PII removal, filters (empty, length, copies of the input, non-English, duplicates), unit normalization, the
# soundness checkers and the disclaimer. Every record is accounted for: records in = kept + rejected, and every
# rejected record is kept in a rejects file with the cleaner and the reason. Clean *before* splitting, so that
# deduplication also removes copies that would otherwise land in both the training and the test split.

# %%
pipeline = Pipeline.default()
print("cleaners:", ", ".join(pipeline.names))
cleaned = pipeline.run(ds, rejects_path=OUT / "clean" / "rejects.jsonl", report_path=OUT / "clean" / "report.json")
rep = cleaned.report
print(f"{rep.records_in} in = {rep.kept} kept + {rep.rejected} rejected")
print(f"{'cleaner':<18}{'in':>6}{'changed':>9}{'dropped':>9}{'out':>6}")
for stage in rep.stages:
    print(f"{stage.name:<18}{stage.records_in:>6}{stage.changed:>9}{stage.dropped_total:>9}{stage.records_out:>6}")
for reject in cleaned.rejects[:3]:
    print(f"  rejected #{reject['index']} by {reject['cleaner']}: {reject['reason']}")

# %% [markdown]
# ## 4. Split: seeded, stratified by category

# %%
splits = cleaned.dataset.split(validation=16, test=16, seed=42, stratify_by="category")
splits.save(OUT / "splits")
print(splits.sizes(), "->", OUT / "splits")

# %% [markdown]
# ## 5. Train a LoRA adapter
#
# `TrainConfig()`'s defaults are the reference recipe's: LoRA r=16, alpha=32, dropout 0.05 on the seven Llama
# projections; lr 2e-4 cosine, warmup 3 %, weight decay 0.01; batch 4 x accumulation 8; 3 epochs; max_grad_norm 0.3;
# 2048-token sequences. **Here they are cut down** to a few optimizer steps on 256-token sequences, so that the run
# finishes on a laptop CPU. With `--smoke` the model is a tiny random Llama with a word-level tokenizer built
# from the data's words (nothing is downloaded or converted), trained for 2 steps.

# %%
overrides = {
    "format.template": "chat",  # the model's own chat template, so evaluation prompts match training
    "format.max_seq_length": 256,
    "optim.max_steps": STEPS,
    "logging.logging_steps": 1,
    "logging.progress_bar": False,
    "checkpointing.save_strategy": "no",
    "output.dir": str(OUT / "train"),
    "output.overwrite": True,  # run the quickstart again into the same folder
}
if SMOKE:
    from medtune.testing import CHATML_TEMPLATE, tiny_llama, tiny_tokenizer

    texts = [t for r in splits.train for t in (r.instruction, r.input, r.output)]
    for part in (splits.validation, splits.test):
        texts += [t for r in part for t in (r.instruction, r.input, r.output)]
    tokenizer = tiny_tokenizer([*texts, "system user assistant"], chat_template=CHATML_TEMPLATE, eos="<|im_end|>")
    model = tiny_llama(len(tokenizer), eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
    model_dir = OUT / "tiny-model"
    model.save_pretrained(model_dir)  # saved like a Hub model, so that training and evaluation load it by path
    tokenizer.save_pretrained(model_dir)
    overrides.update(
        {
            "model.path": str(model_dir),
            "model.backend": "peft",
            "lora.r": 4,
            "lora.alpha": 8,
            "format.max_seq_length": 64,
            "optim.batch_size": 2,
            "optim.gradient_accumulation_steps": 1,
            "optim.learning_rate": 1e-3,
            "optim.optimizer": "adamw_torch",
            "output.save_merged": False,
        }
    )
config = TrainConfig().with_overrides(overrides)
print(f"model {config.model.path}; LoRA r={config.lora.r} alpha={config.lora.alpha}; {config.optim.max_steps} steps")
result = Trainer(config).train(splits.train, splits.validation)
loss = result.metrics["final_loss"]
eval_loss = result.metrics.get("eval_loss", math.nan)
print(f"loss {result.metrics['first_loss']:.4f} -> {loss:.4f}, eval loss {eval_loss:.4f}")
assert math.isfinite(loss), "training diverged"
print("adapter:", result.adapter_dir)
result.model = None  # free the in-memory model: evaluation loads the saved adapter

# %% [markdown]
# ## 6. Evaluate: base vs tuned on the held-out test split
#
# The same questions, greedy decoding, for the base model and for the base model with the adapter. Metrics:
# ROUGE, BLEU, length; checkers: medical term overlap, safety (red-flag escalation, no definitive diagnosis,
# disclaimer) and a lexical tone score. Every number has a bootstrap confidence interval, and every difference a
# paired bootstrap interval. Generated answers are cached, so a re-run only generates what changed.

# %%
evaluator = Evaluator(
    EvalConfig(
        generation=GenerationConfig(max_new_tokens=MAX_NEW_TOKENS),
        bootstrap_resamples=200,
        qualitative_examples=2,
    )
)
test = list(splits.test)[:EVAL_LIMIT]
generations = OUT / "eval" / "generations"
base = evaluator.generate_and_score(config.model.path, test, name="base", cache=generations / "base.jsonl")
tuned = evaluator.generate_and_score(
    config.model.path, test, adapter=result.adapter_dir, name="tuned", cache=generations / "tuned.jsonl"
)
for key, row in list(evaluator.compare(base, tuned).items())[:6]:
    b, t, d = row["base"]["value"], row["tuned"]["value"], row["delta"]["value"]
    print(f"{key:<28} base {b:.3f}  tuned {t:.3f}  delta {d:+.3f}")
files = evaluator.report(OUT / "eval", tuned, base=base, train_log=result.log_path, title="medtune quickstart")

# %% [markdown]
# ## 7. The report and the model card
#
# The trainer wrote a model card next to the adapter (data, hyperparameters, hardware, losses, limitations).
# `medtune run` also adds the cleaning report and the evaluation summary to it; here is the same by hand.

# %%
from medtune.cards.writer import relative_path, write_model_card  # noqa: E402
from medtune.evaluation.report import summary_markdown  # noqa: E402

facts = json.loads((result.run_dir / "run.json").read_text(encoding="utf-8"))
facts["data"]["cleaning_report"] = rep.to_dict()
facts["evaluation"] = {
    "summary": summary_markdown(json.loads(files["json"].read_text(encoding="utf-8"))),
    "description": f"On the first {len(test)} test examples, the tuned model against its base model.",
    "report": relative_path(files["html"], result.run_dir),  # paths in the facts are relative to the run directory
}
# the card in the run directory and its copy in adapter/, each linking to the report from its own folder
write_model_card(facts, result.run_dir, [result.adapter_dir])

summary = {
    "smoke": SMOKE,
    "records": len(ds),
    "kept": rep.kept,
    "rejected": rep.rejected,
    "splits": splits.sizes(),
    "final_loss": loss,
    "metrics": result.metrics,
    "cleaning_report": str(OUT / "clean" / "report.json"),
    "rejects": str(OUT / "clean" / "rejects.jsonl"),
    "adapter": str(result.adapter_dir),
    "eval_report": str(files["html"]),
    "model_card": str(result.model_card),
}
(OUT / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
print("cleaning report:", summary["cleaning_report"])
print("eval report:    ", summary["eval_report"])
print("model card:     ", summary["model_card"])

# %% [markdown]
# ## 8. The full recipe
#
# Drop the cut-downs (`optim.max_steps`, `format.max_seq_length`: `TrainConfig()`'s defaults are the recipe's),
# use your data and a GPU, and evaluate on the whole test split. In Python:
#
#     config = TrainConfig().with_overrides(
#         {"model.path": "meta-llama/Llama-3.2-1B-Instruct", "format.template": "chat", "output.dir": "runs/full"}
#     )
#     Trainer(config).train(splits.train, splits.validation)
#
# or the whole pipeline from one YAML (docs/run.md):
#
#     medtune run examples/demo/run.yaml --set data.source=your.jsonl \
#       --set train.model.path=meta-llama/Llama-3.2-1B-Instruct --set train.optim.max_steps=null \
#       --set train.format.max_seq_length=2048 --set eval.limit=null --set output_dir=outputs/full-run
#
# Then serve it: `medtune serve outputs/quickstart/train/adapter` (docs/serving.md).
