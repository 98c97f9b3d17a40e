"""LoRA training throughput on a Llama-3.2-1B-shaped model (random weights): medtune against its baselines.

Issue #7. Every mode trains LoRA r=16 (alpha 32, dropout 0) on the seven projections in bf16, on real ChatDoctor and
MedQuAD text formatted by medtune (Alpaca prompt, loss on the replies, EOS trained) and tokenized with the Llama 3
tokenizer, and counts real (non-pad) tokens per second after warm-up steps. Each mode runs in its own process
(Unsloth patches transformers when imported), one after the other in the same call, so they share the card.

Modes:
  hf_pad2048           baseline: transformers + PEFT, every sequence padded to 2048 (the reference recipe's shape),
                       batch 4, activation checkpointing, AdamW
  unsloth_loop         baseline: Unsloth's default loop, length-grouped batches of <= 16k padded tokens,
                       use_gradient_checkpointing="unsloth", AdamW
  unsloth_trl_packing  baseline: Unsloth + TRL SFTTrainer, packing=True, batch 8 x 2048, adamw_8bit
  medtune_default      medtune's Trainer with its defaults for a GPU (unsloth backend): shuffled steps of 160
                       examples, each sorted by length into padding-free micro-batches of <= 40,960 tokens
                       (format.padding_free 'auto': one row per micro-batch, position_ids marking the examples, run on
                       a varlen flash kernel), activation checkpointing decided from free memory, AdamW
  medtune_default_padded  the same with padded micro-batches (format.padding_free: false)
  medtune_grouped      the throughput mode: steps grouped by length (optim.length_group_pool 64), padding-free
  medtune_qlora        medtune_default with the base model in 4-bit (QLoRA)
  medtune_lowmem       the documented low-memory config: steps of 32, 16,384-token micro-batches, checkpointing on
  medtune_peft         medtune's Trainer on the peft backend (no Unsloth), token budget 16,384 (padded: transformers'
                       attention has no varlen kernel, so 'auto' keeps padding there)
  medtune_peft_2gpu    medtune_peft under ``torchrun --nproc_per_node 2`` (DDP, the same per-GPU steps), for scaling
  medtune_default_2gpu medtune_default under ``torchrun --nproc_per_node 2`` (Unsloth under DDP)
  packing_check        an example's loss packed (padding-free, position_ids) vs alone, on transformers' SDPA path
  packing_check_unsloth  the same under Unsloth's patched model, through the kernel medtune's unsloth backend uses
  varlen_check         medtune's varlen flash kernel against per-segment SDPA: outputs and gradients (GQA, bf16)

Usage:
  # here (CPU), once: real records + the Llama 3 tokenizer into a folder that travels to the GPU machine
  python benchmarks/train_throughput.py prepare --out .gpu/bench
  # on the GPU machine: medtune's default, the baselines, QLoRA, low-memory and the checks (DEFAULT_MODES), results
  # in OUT/train_throughput.json and OUT/train_throughput.md; --modes picks others (the _2gpu ones need two GPUs)
  python benchmarks/train_throughput.py run --data .gpu/bench --out $OUT

Skips (exit 0) when ``prepare`` cannot find ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
MODEL_DIR = Path(os.environ.get("MEDTUNE_BENCH_MODEL", "/tmp/medtune_llama1b"))
WARM = 5
STEPS = 15
#: Llama-3.2-1B's shape: 1.236e9 parameters (tied embeddings).
LLAMA_1B = dict(
    vocab_size=128256,
    hidden_size=2048,
    intermediate_size=8192,
    num_hidden_layers=16,
    num_attention_heads=32,
    num_key_value_heads=8,
    head_dim=64,
    max_position_embeddings=131072,
    rms_norm_eps=1e-5,
    rope_theta=500000.0,
    tie_word_embeddings=True,
    rope_scaling={
        "rope_type": "llama3",
        "factor": 32.0,
        "low_freq_factor": 1.0,
        "high_freq_factor": 4.0,
        "original_max_position_embeddings": 8192,
    },
    bos_token_id=128000,
    eos_token_id=128001,
)
PEAK_BF16_FLOPS = 989.4e12  # H100/H200 SXM dense bf16
EPOCH_DIALOGUES, EPOCH_MEAN_TOKENS = 40_127, 333  # the reference recipe's data set
LORA = dict(r=16, lora_alpha=32, lora_dropout=0.0, bias="none")
TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
MODES = [
    "medtune_default",
    "medtune_default_padded",
    "medtune_grouped",
    "unsloth_loop",
    "unsloth_trl_packing",
    "hf_pad2048",
    "medtune_qlora",
    "medtune_lowmem",
    "medtune_peft",
    "packing_check",
    "packing_check_unsloth",
    "varlen_check",
    "medtune_peft_2gpu",
    "medtune_default_2gpu",
]
#: What ``run`` measures unless --modes says otherwise: medtune's default and the three baselines of issue #7 in the
#: same call, QLoRA, the low-memory config and the two correctness checks (about 8 minutes on one H100 or H200).
DEFAULT_MODES = [
    "medtune_default",
    "unsloth_loop",
    "unsloth_trl_packing",
    "hf_pad2048",
    "medtune_qlora",
    "medtune_lowmem",
    "packing_check_unsloth",
    "varlen_check",
]
#: Modes run under torchrun: name -> (the single-process mode it repeats, processes). Each process takes its own
#: steps of the same size as the single-process mode (weak scaling), so tokens/s can be compared directly.
DDP_MODES = {"medtune_peft_2gpu": ("medtune_peft", 2), "medtune_default_2gpu": ("medtune_default", 2)}


def prepare(out: Path, n: int) -> None:
    """Write ``records.jsonl`` (a seeded mix of ChatDoctor and answered MedQuAD) and the Llama 3 tokenizer."""
    from medtune import Dataset

    chat, medquad = SHARED / "data" / "chatdoctor5k.json", SHARED / "data" / "MedQuAD.tar.gz"
    if not chat.exists() or not medquad.exists():
        print(f"skipped: {chat} or {medquad} is missing")
        return
    records = list(Dataset.load(chat, format="chatdoctor")) + list(Dataset.load(medquad, format="medquad"))
    random.Random(0).shuffle(records)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "records.jsonl", "w", encoding="utf-8") as fh:
        for r in records[:n]:
            fh.write(json.dumps({"instruction": r.instruction, "input": r.input, "output": r.output}) + "\n")
    shutil.copytree(SHARED / "models" / "llama3-tokenizer", out / "tokenizer", dirs_exist_ok=True)
    print(f"wrote {min(n, len(records))} records and the tokenizer to {out}")


# --- shared helpers (GPU) -------------------------------------------------------------------------------------------


def make_model(data: Path) -> None:
    """A random Llama-3.2-1B-shaped model in bf16 with the Llama 3 tokenizer, saved to MODEL_DIR."""
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    with torch.device("cuda"):
        model = LlamaForCausalLM(LlamaConfig(**LLAMA_1B)).to(torch.bfloat16)
    model.save_pretrained(MODEL_DIR, safe_serialization=True)
    AutoTokenizer.from_pretrained(data / "tokenizer").save_pretrained(MODEL_DIR)


def tokenized(data: Path, tokenizer) -> list[dict]:
    """The records as medtune tokenizes them for training (Alpaca prompt, loss on replies, EOS, <= 2048 tokens)."""
    from medtune import Dataset
    from medtune.training.config import FormatConfig
    from medtune.training.formatting import ensure_pad_token, tokenize_dataset

    ensure_pad_token(tokenizer)
    hf, _ = tokenize_dataset(Dataset.load(data / "records.jsonl"), tokenizer, FormatConfig(max_seq_length=2048))
    return [{"input_ids": list(e["input_ids"]), "labels": list(e["labels"])} for e in hf]


def length_grouped(examples: list[dict], budget: int, seed: int = 0) -> list[list[dict]]:
    """Batches of <= ``budget`` padded tokens from a length-sorted pool, in shuffled order (the loop baselines)."""
    pool = sorted(examples, key=lambda e: len(e["input_ids"]))
    batches, current = [], []
    for e in pool:
        if current and (len(current) + 1) * max(len(e["input_ids"]), len(current[-1]["input_ids"])) > budget:
            batches.append(current)
            current = []
        current.append(e)
    if current:
        batches.append(current)
    random.Random(seed).shuffle(batches)
    return batches


def collate(batch: list[dict], pad_id: int, width: int | None = None):
    import torch

    width = width or max(len(e["input_ids"]) for e in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    labels = torch.full((len(batch), width), -100, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for i, e in enumerate(batch):
        n = len(e["input_ids"])
        ids[i, :n], labels[i, :n], mask[i, :n] = torch.tensor(e["input_ids"]), torch.tensor(e["labels"]), 1
    return ids, mask, labels, sum(len(e["input_ids"]) for e in batch), ids.numel()


def loop(model, batches, pad_id: int, width: int | None = None) -> dict:
    """A plain training loop: AdamW, clip 0.3, one optimizer step per batch; times steps WARM..WARM+STEPS."""
    import torch

    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=2e-4, weight_decay=0.01)
    model.train()
    real = padded = 0
    t0 = None
    torch.cuda.reset_peak_memory_stats()
    for step in range(WARM + STEPS):
        if step == WARM:
            torch.cuda.synchronize()
            t0, real, padded = time.perf_counter(), 0, 0
        ids, mask, labels, n_real, n_padded = collate(batches[step % len(batches)], pad_id, width)
        out = model(input_ids=ids.cuda(), attention_mask=mask.cuda(), labels=labels.cuda())
        out.loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 0.3)
        opt.step()
        opt.zero_grad(set_to_none=True)
        real, padded = real + n_real, padded + n_padded
    torch.cuda.synchronize()
    seconds = time.perf_counter() - t0
    return {
        "tokens_per_second": real / seconds,
        "padded_fraction": 1 - real / padded,
        "peak_gib": torch.cuda.max_memory_allocated() / 2**30,
        "loss": float(out.loss),
    }


LORA_TARGETS = dict(target_modules=TARGETS, **LORA)


# --- modes (GPU, one per process) ----------------------------------------------------------------------------------


def mode_hf_pad2048(data: Path) -> dict:
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(MODEL_DIR)
    examples = tokenized(data, tok)
    model = AutoModelForCausalLM.from_pretrained(MODEL_DIR, dtype=torch.bfloat16, attn_implementation="sdpa").cuda()
    model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
    model.enable_input_require_grads()
    model = get_peft_model(model, LoraConfig(task_type="CAUSAL_LM", **LORA_TARGETS))
    rng = random.Random(0)
    rng.shuffle(examples)
    batches = [examples[i : i + 4] for i in range(0, 4 * (WARM + STEPS), 4)]
    return loop(model, batches, tok.pad_token_id, width=2048) | {"batch": "4 x 2048 (padded)", "checkpointing": "on"}


def _unsloth(load_in_4bit: bool = False, checkpointing="unsloth"):
    import unsloth  # noqa: F401, I001  (before transformers)
    from unsloth import FastLanguageModel
    import torch

    model, tok = FastLanguageModel.from_pretrained(
        str(MODEL_DIR), max_seq_length=2048, dtype=torch.bfloat16, load_in_4bit=load_in_4bit
    )
    model = FastLanguageModel.get_peft_model(
        model, use_gradient_checkpointing=checkpointing, random_state=42, max_seq_length=2048, **LORA_TARGETS
    )
    return model, tok


def mode_unsloth_loop(data: Path) -> dict:
    model, tok = _unsloth()
    examples = tokenized(data, tok)
    batches = length_grouped(examples, 16384)
    return loop(model, batches, tok.pad_token_id) | {"batch": "<= 16,384 padded tokens", "checkpointing": "unsloth"}


def mode_unsloth_trl_packing(data: Path) -> dict:
    model, tok = _unsloth()
    import datasets
    import torch
    from transformers import TrainerCallback
    from trl import SFTConfig, SFTTrainer

    examples = tokenized(data, tok)
    ds = datasets.Dataset.from_dict({"input_ids": [e["input_ids"] for e in examples]})

    class Clock(TrainerCallback):
        t0 = tokens0 = None
        t1 = tokens1 = None

        def on_step_begin(self, args, state, control, **kw):
            if state.global_step == WARM:
                torch.cuda.synchronize()
                self.t0, self.tokens0 = time.perf_counter(), state.num_input_tokens_seen

        def on_train_end(self, args, state, control, **kw):
            torch.cuda.synchronize()
            self.t1, self.tokens1 = time.perf_counter(), state.num_input_tokens_seen

    clock = Clock()
    args = SFTConfig(
        output_dir="/tmp/trl_out",
        packing=True,
        max_length=2048,
        per_device_train_batch_size=8,
        gradient_accumulation_steps=1,
        learning_rate=2e-4,
        weight_decay=0.01,
        max_grad_norm=0.3,
        optim="adamw_8bit",
        bf16=True,
        max_steps=WARM + STEPS,
        logging_steps=100,
        save_strategy="no",
        report_to="none",
        include_num_input_tokens_seen="all",
        dataset_num_proc=1,
    )
    torch.cuda.reset_peak_memory_stats()
    trainer = SFTTrainer(model=model, args=args, train_dataset=ds, processing_class=tok, callbacks=[clock])
    trainer.train()
    return {
        "tokens_per_second": (clock.tokens1 - clock.tokens0) / (clock.t1 - clock.t0),
        "padded_fraction": 0.0,
        "peak_gib": torch.cuda.max_memory_allocated() / 2**30,
        "batch": "8 x 2048 packed (BFD)",
        "checkpointing": "unsloth",
        "note": "tokens counted by TRL (input_ids of packed, padding-free rows)",
    }


def _medtune(data: Path, name: str, **overrides) -> dict:
    if overrides.get("model.backend", "unsloth") == "unsloth":
        import unsloth  # noqa: F401  (before transformers)
    import torch

    from medtune import Dataset
    from medtune.training import TrainConfig, Trainer

    base = {
        "model.path": str(MODEL_DIR),
        "model.backend": "unsloth",
        "model.dtype": "bfloat16",
        "lora.dropout": 0.0,
        "optim.optimizer": "adamw_torch",
        "optim.batch_size": 160,
        "optim.gradient_accumulation_steps": 1,
        "optim.max_tokens_per_batch": 40960,
        "optim.max_steps": WARM + STEPS,
        "optim.warmup_ratio": 0.0,
        "format.max_seq_length": 2048,
        "logging.logging_steps": WARM,
        "logging.progress_bar": False,
        "checkpointing.save_strategy": "no",
        "output.dir": f"/tmp/medtune_bench/{name}",
        "output.save_adapter": False,
        "output.save_merged": False,
        "output.overwrite": True,
    }
    base.update(overrides)
    cfg = TrainConfig().with_overrides(base)
    if "LOCAL_RANK" in os.environ:  # under torchrun: this process's GPU, before anything touches CUDA
        torch.cuda.set_device(int(os.environ["LOCAL_RANK"]))
    torch.cuda.reset_peak_memory_stats()
    result = Trainer(cfg).train(Dataset.load(data / "records.jsonl"))
    if result.log_path is None:  # a torchrun process other than rank 0: rank 0 writes and reports
        return {}
    logs = [json.loads(x) for x in result.log_path.read_text().splitlines()]
    timed = [r for r in logs if "loss" in r and r["step"] > WARM]
    facts = json.loads((result.run_dir / "run.json").read_text())
    return {
        "tokens_per_second": sum(r["tokens_per_second"] for r in timed) / len(timed),
        "padded_fraction": 0.0 if facts["padding_free"]["enabled"] else None,
        "peak_gib": torch.cuda.max_memory_allocated() / 2**30,
        "loss": timed[-1]["loss"],
        "batch": facts.get("batching", f"{cfg.optim.batch_size} x {cfg.optim.gradient_accumulation_steps}"),
        "checkpointing": facts["gradient_checkpointing"],
        "padding_free": facts["padding_free"],
        "backend": result.backend,
        "config": {k: v for k, v in base.items() if not k.startswith("output.")},
    }


def _padded_fraction_of_plan(data: Path, examples_per_step: int, budget: int, pool: int = 1) -> float:
    """The padding medtune's padded micro-batches leave, from the same sampler and split the Trainer uses."""
    from transformers import AutoTokenizer

    from medtune.training.batching import LengthGroupedStepSampler, padded_tokens, split_micro_batches

    lengths = [len(e["input_ids"]) for e in tokenized(data, AutoTokenizer.from_pretrained(MODEL_DIR))]
    real = padded = 0
    for step in LengthGroupedStepSampler(lengths, examples_per_step, seed=42, pool_steps=pool):
        step_lengths = [lengths[i] for i in step]
        for micro in split_micro_batches(step_lengths, budget):
            padded += padded_tokens([step_lengths[i] for i in micro])
        real += sum(step_lengths)
    return 1 - real / padded


def _with_padding(out: dict, data: Path, examples_per_step: int, budget: int, pool: int = 1) -> dict:
    if out.get("padded_fraction") is None and out:
        out["padded_fraction"] = _padded_fraction_of_plan(data, examples_per_step, budget, pool)
    return out


def mode_medtune_default(data: Path) -> dict:
    return _with_padding(_medtune(data, "default"), data, 160, 40960)


def mode_medtune_default_padded(data: Path) -> dict:
    return _with_padding(_medtune(data, "default_padded", **{"format.padding_free": False}), data, 160, 40960)


def mode_medtune_grouped(data: Path) -> dict:
    out = _medtune(data, "grouped", **{"optim.length_group_pool": 64})
    return _with_padding(out, data, 160, 40960, pool=64)


def mode_medtune_qlora(data: Path) -> dict:
    return _with_padding(_medtune(data, "qlora", **{"model.load_in_4bit": True}), data, 160, 40960)


def mode_medtune_lowmem(data: Path) -> dict:
    out = _medtune(
        data,
        "lowmem",
        **{"optim.batch_size": 32, "optim.max_tokens_per_batch": 16384, "model.gradient_checkpointing": True},
    )
    return _with_padding(out, data, 32, 16384)


def mode_medtune_peft(data: Path) -> dict:
    out = _medtune(
        data, "peft", **{"model.backend": "peft", "optim.batch_size": 48, "optim.max_tokens_per_batch": 16384}
    )
    return _with_padding(out, data, 48, 16384)


def _packing_check(data: Path, model, tok, host_lengths: bool = False) -> dict:
    """Per-example summed loss alone vs inside one padding-free row (position_ids restart at each example).

    With ``host_lengths`` the row also carries the examples' lengths on the CPU (``packed_seq_lengths``), as medtune's
    unsloth backend passes them.
    """
    import torch

    from medtune.training.trainer import Collator

    examples = tokenized(data, tok)[:8]
    model.eval()
    model.config.use_cache = False
    collator = Collator(tok.pad_token_id)
    flat = Collator(tok.pad_token_id, padding_free=True)(examples)

    def token_losses(logits, labels):
        return torch.nn.functional.cross_entropy(
            logits[0, :-1].float(), labels[0, 1:], ignore_index=-100, reduction="none"
        )

    with torch.no_grad():
        alone = []
        for e in examples:
            b = collator([e])
            logits = model(input_ids=b["input_ids"].cuda()).logits
            alone.append(token_losses(logits, b["labels"].cuda()).sum().item())
        extra = {}
        if host_lengths:
            extra["packed_seq_lengths"] = torch.tensor([len(e["input_ids"]) for e in examples], dtype=torch.int32)
        logits = model(input_ids=flat["input_ids"].cuda(), position_ids=flat["position_ids"].cuda(), **extra).logits
        per_token = token_losses(logits, flat["labels"].cuda())
    packed, start = [], 0
    for e in examples:
        n = len(e["input_ids"])
        packed.append(per_token[start : start + n - 1].sum().item())  # positions start..start+n-2 predict the example
        start += n
    rel = [abs(a - p) / max(abs(a), 1e-6) for a, p in zip(alone, packed)]
    return {"alone": alone, "packed": packed, "max_relative_difference": max(rel), "examples": len(examples)}


def mode_varlen_check(data: Path) -> dict:
    """medtune's ATen flash varlen kernel against per-segment SDPA: outputs and gradients, GQA, bf16."""
    import torch

    from medtune.training.varlen import flash_varlen_attention

    torch.manual_seed(0)
    lengths = [37, 512, 1, 300, 1200, 64, 9, 2048, 128]
    heads, kv_heads, dim, total = 32, 8, 64, sum(lengths)
    cu = torch.tensor([0, *torch.tensor(lengths).cumsum(0).tolist()], dtype=torch.int32, device="cuda")

    def leaf(h):
        return torch.randn(total, h, dim, device="cuda", dtype=torch.bfloat16, requires_grad=True)

    q, k, v = leaf(heads), leaf(kv_heads), leaf(kv_heads)
    grad = torch.randn(total, heads, dim, device="cuda", dtype=torch.bfloat16)
    out = flash_varlen_attention(q, k, v, cu, cu, max(lengths), max(lengths), window_size=(-1, 0), enable_gqa=True)
    out.backward(grad)
    fast = [out.detach().float(), q.grad.float(), k.grad.float(), v.grad.float()]
    q.grad = k.grad = v.grad = None
    outs, start = [], 0
    for n in lengths:  # reference: one causal SDPA call per segment, fp32
        seg = [x[start : start + n].float().transpose(0, 1) for x in (q, k, v)]
        outs.append(
            torch.nn.functional.scaled_dot_product_attention(*seg, is_causal=True, enable_gqa=True).transpose(0, 1)
        )
        start += n
    ref_out = torch.cat(outs)
    ref_out.backward(grad.float())
    ref = [ref_out.detach(), q.grad.float(), k.grad.float(), v.grad.float()]
    names = ["output", "dq", "dk", "dv"]
    rel = {n: ((a - b).norm() / b.norm()).item() for n, a, b in zip(names, fast, ref)}
    return {"relative_error": rel, "segments": lengths, "heads": [heads, kv_heads, dim], "ok": max(rel.values()) < 2e-2}


def mode_packing_check(data: Path) -> dict:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(MODEL_DIR)
    model = AutoModelForCausalLM.from_pretrained(MODEL_DIR, dtype=torch.bfloat16, attn_implementation="sdpa").cuda()
    return _packing_check(data, model, tok) | {"path": "transformers (sdpa) + position_ids"}


def mode_packing_check_unsloth(data: Path) -> dict:
    from medtune.training.varlen import install_unsloth_varlen

    model, tok = _unsloth()
    kernel = install_unsloth_varlen()[1]  # what medtune's unsloth backend does after loading
    inferred = _packing_check(data, model, tok)
    host = _packing_check(data, model, tok, host_lengths=True)
    return host | {
        "path": f"unsloth patched model + position_ids + packed_seq_lengths on the host; {kernel}",
        "from_position_ids_only": inferred["max_relative_difference"],
    }


# --- orchestration ---------------------------------------------------------------------------------------------


def summarize(results: dict) -> dict:
    """Add MFU, the projected epoch and the ratios the issue sets targets on."""
    for r in results.values():
        tps = r.get("tokens_per_second")
        if tps:
            r["mfu"] = 6 * 1.236e9 * tps / r.get("gpus", 1) / PEAK_BF16_FLOPS
            r["epoch_hours"] = EPOCH_DIALOGUES * EPOCH_MEAN_TOKENS / tps / 3600
    unsloth = [results[m]["tokens_per_second"] for m in ("unsloth_loop", "unsloth_trl_packing") if m in results]
    unsloth = [t for t in unsloth if t]
    default = results.get("medtune_default", {}).get("tokens_per_second")
    summary = {}
    if default and unsloth:
        summary["default_vs_best_unsloth"] = default / max(unsloth)
    qlora = results.get("medtune_qlora", {}).get("tokens_per_second")
    if default and qlora:
        summary["qlora_vs_default"] = qlora / default
    for name, (single, _) in DDP_MODES.items():
        one, many = (results.get(m, {}).get("tokens_per_second") for m in (single, name))
        if one and many:
            summary[f"{name}_scaling"] = many / one
    return summary


def table(results: dict, device: str) -> str:
    lines = [
        f"Card: {device}. Real (non-pad) tokens/s over {STEPS} steps after {WARM} warm-up steps.",
        "",
        "| mode | tokens/s | padded | peak GiB | MFU | 1 epoch (40,127 x 333 tok) | batch | checkpointing |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, r in results.items():
        if "tokens_per_second" not in r:
            continue
        ckpt = r.get("checkpointing")
        ckpt = ckpt.get("enabled") if isinstance(ckpt, dict) else ckpt
        padded = r.get("padded_fraction")
        lines.append(
            f"| {name} | {r['tokens_per_second']:,.0f} | {'-' if padded is None else f'{padded:.1%}'} | "
            f"{r['peak_gib']:.1f} | {r['mfu']:.1%} | {r['epoch_hours'] * 60:.1f} min | {r.get('batch', '')} | {ckpt} |"
        )
    return "\n".join(lines) + "\n"


def run(data: Path, out: Path, modes: list[str], timeout: int) -> None:
    import torch

    out.mkdir(parents=True, exist_ok=True)
    device = torch.cuda.get_device_name(0)
    if not (MODEL_DIR / "model.safetensors").exists():
        t = time.time()
        make_model(data)
        print(f"built the random Llama-3.2-1B-shaped model in {time.time() - t:.0f} s", flush=True)
    results: dict = {}
    for name in modes:
        t = time.time()
        command = [sys.executable, __file__, "mode", name, "--data", str(data)]
        if name in DDP_MODES:
            single, procs = DDP_MODES[name]
            command = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={procs}"]
            command += [__file__, "mode", single, "--data", str(data)]
        env = dict(os.environ)
        if name not in DDP_MODES:  # one process, one card (transformers would use DataParallel across all)
            env.setdefault("CUDA_VISIBLE_DEVICES", "0")
        proc = subprocess.run(
            command,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        lines = [x for x in proc.stdout.splitlines() if x.startswith("{")]
        if proc.returncode == 0 and lines:
            results[name] = json.loads(lines[-1])
            if name in DDP_MODES:
                results[name]["gpus"] = DDP_MODES[name][1]
        else:
            results[name] = {"error": (proc.stderr or proc.stdout)[-3000:], "returncode": proc.returncode}
        results[name]["process_seconds"] = round(time.time() - t, 1)
        brief = {k: v for k, v in results[name].items() if k not in ("config", "alone", "packed")}
        print(name, json.dumps(brief)[:600])
        summary = summarize(results)
        payload = {"device": device, "warmup_steps": WARM, "timed_steps": STEPS, "results": results, "summary": summary}
        (out / "train_throughput.json").write_text(json.dumps(payload, indent=2, default=str))
        (out / "train_throughput.md").write_text(table(results, device) + "\n" + json.dumps(summary) + "\n")
        sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--out", type=Path, default=Path(".gpu/bench"))
    p.add_argument("--records", type=int, default=6000)
    r = sub.add_parser("run")
    r.add_argument("--data", type=Path, default=Path(".gpu/bench"))
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--modes", default=",".join(DEFAULT_MODES), help=f"comma-separated, among: {', '.join(MODES)}")
    r.add_argument("--timeout", type=int, default=240, help="seconds per mode")
    m = sub.add_parser("mode")
    m.add_argument("name", choices=[x for x in MODES if x not in DDP_MODES])
    m.add_argument("--data", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.cmd == "prepare":
        prepare(args.out, args.records)
    elif args.cmd == "run":
        run(args.data, args.out, [x for x in args.modes.split(",") if x], args.timeout)
    else:
        result = globals()[f"mode_{args.name}"](args.data)
        if os.environ.get("RANK", "0") == "0":  # under torchrun rank 0 reports (its tokens/s count every rank's)
            print(json.dumps({"mode": args.name, **result}, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
