"""Generation throughput for evaluation: plain HF ``generate`` (medtune's path today) against transformers' continuous
batching with paged attention (``generate_batch``), same model, same prompts, same call (issue #16).

Measures new tokens per second and time to first token at several batch sizes. ``prepare`` (here, with medtune)
writes the prompts as token ids (chat template applied) and the tokenizer; ``run`` (anywhere with torch and
transformers; medtune is not needed) loads the model and times both paths. ``--random-init`` builds the model from
its config with random weights, for throughput where the weights cannot travel (a random model never stops early, so
every request generates exactly ``--max-new-tokens``; the baseline is timed the same way). Greedy agreement between
the two paths is reported from the same outputs.

Usage::

    python benchmarks/generation_throughput.py prepare --model embedded --n 256 --out .gpu/gen
    python benchmarks/generation_throughput.py run --data .gpu/gen --random-init --batches 1 8 64 256 \
        --max-new-tokens 200 --json $OUT/gen.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path


def prepare(args: argparse.Namespace) -> None:
    from medtune import Dataset, sample_path
    from medtune.models.loading import load_model
    from medtune.models.prompts import build_prompt, prompt_ids

    model, tok = load_model(args.model, device="cpu", dtype="float32")
    records = list(Dataset.load(args.prompts or sample_path("medical")))
    records = (records * (args.n // max(len(records), 1) + 1))[: args.n]
    ids = [prompt_ids(tok, build_prompt(r, tok), True) for r in records]
    args.out.mkdir(parents=True, exist_ok=True)
    tok.save_pretrained(args.out / "tokenizer")
    model.config.to_json_file(args.out / "config.json")
    (args.out / "prompts.json").write_text(json.dumps({"ids": ids, "eos": tok.eos_token_id}))
    print(f"{len(ids)} prompts, mean {statistics.mean(map(len, ids)):.0f} tokens -> {args.out}")


def _model(args: argparse.Namespace, attn: str):
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    dtype = torch.bfloat16 if torch.cuda.is_available() else torch.float32
    device = "cuda" if torch.cuda.is_available() else "cpu"
    if args.random_init:
        config = AutoConfig.from_pretrained(args.data / "config.json")
        torch.manual_seed(0)
        model = AutoModelForCausalLM.from_config(config, dtype=dtype, attn_implementation=attn)
    else:
        model = AutoModelForCausalLM.from_pretrained(args.model_dir, dtype=dtype, attn_implementation=attn)
    return model.to(device).eval()


def _sync() -> None:
    import torch

    if torch.cuda.is_available():
        torch.cuda.synchronize()


def run_generate(model, prompts: list[list[int]], batch: int, new: int, eos: int | None, static: bool = False) -> dict:
    """medtune's path today: length-sorted, left-padded batches through ``model.generate``.

    ``static``: a static KV cache and ``torch.compile`` of the decoding step (transformers' own), the fallback path.
    """
    import torch

    device = next(model.parameters()).device
    order = sorted(range(len(prompts)), key=lambda i: -len(prompts[i]))
    outs: dict[int, list[int]] = {}
    ttft: list[float] = []
    _sync()
    start = time.perf_counter()
    for b in range(0, len(order), batch):
        idx = order[b : b + batch]
        width = max(len(prompts[i]) for i in idx)
        if static:  # one cache shape per width bucket, so the compiled step is not rebuilt for every batch
            width = -(-width // 128) * 128
        ids = torch.tensor([[0] * (width - len(prompts[i])) + prompts[i] for i in idx], device=device)
        mask = torch.tensor([[0] * (width - len(prompts[i])) + [1] * len(prompts[i]) for i in idx], device=device)
        t0 = time.perf_counter()
        with torch.no_grad():
            out = model.generate(
                input_ids=ids,
                attention_mask=mask,
                max_new_tokens=new,
                min_new_tokens=new if eos is None else 0,
                do_sample=False,
                pad_token_id=0,
                eos_token_id=eos,
                **({"cache_implementation": "static"} if static else {}),
            )
        _sync()
        # A static batch returns nothing until the whole batch is done: its first token arrives with the batch.
        ttft += [time.perf_counter() - start] * len(idx)
        del t0
        for i, row in zip(idx, out[:, width:].tolist()):
            outs[i] = row
    seconds = time.perf_counter() - start
    return _summary([outs[i] for i in range(len(prompts))], seconds, ttft, eos)


def run_continuous(
    model, prompts: list[list[int]], batch: int, new: int, eos: int | None, graphs: bool = False
) -> dict:
    """transformers' continuous batching (paged attention): all requests submitted, at most ``batch`` at once.

    ``graphs``: CUDA graphs on and compile level 1 (otherwise transformers decides).
    """
    from transformers import GenerationConfig
    from transformers.generation.configuration_utils import ContinuousBatchingConfig

    gen = GenerationConfig(max_new_tokens=new, do_sample=False, eos_token_id=eos, pad_token_id=0)
    extra = {"use_cuda_graph": True, "default_compile_level": 1} if graphs else {}
    cb = ContinuousBatchingConfig(max_requests_per_batch=batch, **extra)
    _sync()
    start = time.perf_counter()
    results = model.generate_batch(
        inputs=prompts, generation_config=gen, continuous_batching_config=cb, record_timestamps=True
    )
    _sync()
    seconds = time.perf_counter() - start
    by_id = {int(k.rsplit("_", 1)[-1]): v for k, v in results.items()}
    outs = [by_id[i].generated_tokens for i in range(len(prompts))]
    ttft = [(r.timestamps[0] - start) if r.timestamps else seconds for r in (by_id[i] for i in range(len(prompts)))]
    return _summary(outs, seconds, ttft, eos)


def run_engine(model, prompts: list[list[int]], batch: int, new: int, eos: int | None, engine: str = "auto") -> dict:
    """medtune's engine (``medtune.models.engine.generate_ids``): what ``medtune eval`` runs."""
    from medtune.models.engine import generate_ids

    _sync()
    start = time.perf_counter()
    decoding = {"max_new_tokens": new, "do_sample": False}
    if eos is None:
        decoding["min_new_tokens"] = new
    outs, _ = generate_ids(
        model, prompts, decoding, stop_ids=[] if eos is None else [eos], pad_id=0, batch_size=batch, engine=engine
    )
    _sync()
    seconds = time.perf_counter() - start
    return _summary(outs, seconds, [seconds] * len(prompts), None)


def _trim(seq: list[int], eos: int | None) -> list[int]:
    return seq[: seq.index(eos) + 1] if eos is not None and eos in seq else seq


def _summary(outs: list[list[int]], seconds: float, ttft: list[float], eos: int | None) -> dict:
    outs = [_trim(list(o), eos) for o in outs]
    tokens = sum(len(o) for o in outs)
    ttft = sorted(ttft)
    return {
        "new_tokens": tokens,
        "seconds": round(seconds, 3),
        "tokens_per_s": round(tokens / seconds, 1),
        "ttft_p50_s": round(ttft[len(ttft) // 2], 3),
        "ttft_p99_s": round(ttft[min(len(ttft) - 1, int(len(ttft) * 0.99))], 3),
        "_outs": outs,
    }


#: A first difference whose two tokens' logits (the plain model's, at that point) are closer than this is a near-tie:
#: bfloat16 rounds logits of this model's size (about 10-30) in steps of 0.0625-0.125, and batch shapes change the
#: order of the sums.
NEAR_TIE = 0.5


def _divergences(model, prompts: list[list[int]], a: list[list[int]], b: list[list[int]], eos: int | None) -> dict:
    """Where two greedy runs differ: the plain model's logit margin between the two tokens at the first difference."""
    import torch

    margins = []
    for prompt, x, y in zip(prompts, a, b):
        if x == y:
            continue
        i = next((k for k, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
        tx, ty = (x[i] if i < len(x) else eos), (y[i] if i < len(y) else eos)
        if tx is None or ty is None:
            margins.append(float("inf"))
            continue
        ids = torch.tensor([prompt + x[:i]], device=next(model.parameters()).device)
        with torch.no_grad():
            logits = model(ids).logits[0, -1].float()
        margins.append(abs(float(logits[tx] - logits[ty])))
    near = sum(m < NEAR_TIE for m in margins)
    return {
        "differ": len(margins),
        "differ_at_near_tie": near,
        "largest_margin": round(max(margins), 3) if margins else None,
        "identical_or_near_tie": f"{len(a) - len(margins) + near}/{len(a)}",
    }


def run(args: argparse.Namespace) -> None:
    import torch

    job = json.loads((args.data / "prompts.json").read_text())
    eos = None if args.random_init else job["eos"]
    card = torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"
    result = {"command": " ".join(sys.argv), "device": card, "max_new_tokens": args.max_new_tokens, "runs": []}
    plain, paged = _model(args, "sdpa"), _model(args, "paged|sdpa")
    modes = {
        "generate": (run_generate, plain, {}),
        "generate_static": (run_generate, plain, {"static": True}),
        "continuous": (run_continuous, paged, {}),
        "continuous_graphs": (run_continuous, paged, {"graphs": True}),
        "engine_batched": (run_engine, plain, {"engine": "batched"}),
        "engine_continuous": (run_engine, plain, {"engine": "continuous"}),
        "engine_static": (run_engine, plain, {"engine": "static"}),
    }
    for batch in args.batches:
        prompts = job["ids"][: max(batch, args.min_requests)]
        row = {"batch": batch, "requests": len(prompts)}
        for name in args.modes:
            fn, model, extra = modes[name]
            # Warm-up (graphs, kernels); a static cache is sized by the answer length, so it warms up at full length.
            warm_new = args.max_new_tokens if extra.get("static") or extra.get("engine") == "static" else 4
            fn(model, prompts[: min(len(prompts), batch)], batch, warm_new, eos, **extra)
            row[name] = fn(model, prompts, batch, args.max_new_tokens, eos, **extra)
        pairs = (
            ("generate", "engine_static"),
            ("generate", "continuous"),
            ("generate", "generate_static"),
            ("engine_batched", "engine_continuous"),
            ("engine_batched", "engine_static"),
        )
        for old, new_mode in pairs:
            if old in row and new_mode in row:
                a, b = row[old]["_outs"], row[new_mode]["_outs"]
                row[f"greedy_same_{old}_vs_{new_mode}"] = f"{sum(x == y for x, y in zip(a, b))}/{len(a)}"
                if not args.random_init:  # random weights tie everywhere; real ones only here and there
                    row[f"ties_{old}_vs_{new_mode}"] = _divergences(plain, prompts, a, b, eos)
                speedup = row[new_mode]["tokens_per_s"] / row[old]["tokens_per_s"]
                row[f"speedup_{new_mode}_over_{old}"] = round(speedup, 2)
        for name in args.modes:
            row[name].pop("_outs", None)
        result["runs"].append(row)
        print(json.dumps(row), flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--model", default="embedded")
    p.add_argument("--prompts", help="dataset file (default: the shipped medical sample)")
    p.add_argument("--n", type=int, default=256)
    p.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("run")
    r.add_argument("--data", type=Path, required=True)
    r.add_argument("--model-dir", help="a model folder (default: --random-init from DATA/config.json)")
    r.add_argument("--random-init", action="store_true")
    r.add_argument("--batches", type=int, nargs="+", default=[1, 8, 64, 256])
    r.add_argument("--min-requests", type=int, default=0, help="at least this many requests per batch size")
    r.add_argument("--max-new-tokens", type=int, default=200)
    r.add_argument("--modes", nargs="+", default=["generate", "continuous"])
    r.add_argument("--json", type=Path)
    args = parser.parse_args()
    prepare(args) if args.cmd == "prepare" else run(args)


if __name__ == "__main__":
    main()
