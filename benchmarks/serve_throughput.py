"""Serving throughput under concurrent streaming clients: continuous batching against one request at a time (#16).

Starts the real server in-process (``create_app`` + ``BackgroundServer``, safety layer off, repetition penalty 1,
greedy decoding, or sampling at ``--temperature`` without a seed) on a model, then for each engine and each client
count runs that many OpenAI chat-completions streams at once (httpx, ``stream: true`` with ``include_usage``, from a
second process so that the clients do not take the server's interpreter lock) and reports the aggregate new tokens
per second, the mean per-client tokens per second, time to first token (p50/p99) and errors. ``--engine batching``
is :class:`BatchingGenerator` (``limits.max_batch`` requests decoded together: the greedy batch, or the sampled one
with ``--temperature``), ``single`` the one-``generate``-per-request path (``max_concurrency`` 1, the rest queued):
both in the same call, on the same loaded weights. Greedy answers of the two are compared (sampled ones differ by
design).

The model: ``--model-dir`` (a model folder), or ``--random-init`` from ``DATA/config.json`` with ``DATA/tokenizer``
(what ``generation_throughput.py prepare`` writes), or ``--tiny``: that config shrunk to 2 layers of width 64, for
the CPU. A random model rarely stops early, so each answer runs close to ``--max-tokens``; tokens are counted from
the usage the server reports. A random model also tends to repeat a newline or a word piece, which the server cannot
stream before the answer ends (it sends text once it is stable: up to a space or a newline, and not the leading
whitespace), so the first token would arrive with the last: its output rows of tokens that do not start a word are
zeroed, and its answers are words that stream one by one, as a real model's. Prompts are the shipped medical
sample's questions.

Usage::

    python benchmarks/serve_throughput.py --data .gpu/gen16 --random-init --clients 1 8 32 128 \
        --max-tokens 200 --json $OUT/serve.json
    python benchmarks/serve_throughput.py --data .gpu/gen16 --tiny --clients 1 8 32 --max-tokens 64   # CPU
    python benchmarks/serve_throughput.py --data .gpu/gen16 --tiny --clients 1 8 --temperature 0.7    # sampled
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def _prompts() -> list[list[dict[str, str]]]:
    from medtune import Dataset, sample_path

    out = []
    for record in Dataset.load(sample_path("medical")):
        messages = [m.model_dump() for m in record.to_conversation().messages]
        out.append([m for m in messages if m["role"] != "assistant"])
    return out


def _base(args: argparse.Namespace) -> Any:
    import torch

    from medtune.serving.model import TransformersGenerator

    cuda = torch.cuda.is_available()
    if args.model_dir:
        return TransformersGenerator.load(args.model_dir, device="cuda" if cuda else "cpu", model_name="bench")
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    config = AutoConfig.from_pretrained(args.data / "config.json")
    if args.tiny:
        config.update(
            {"num_hidden_layers": 2, "hidden_size": 64, "intermediate_size": 128, "num_attention_heads": 4}
            | {"num_key_value_heads": 2, "head_dim": 16}
        )
    torch.manual_seed(0)
    dtype = torch.bfloat16 if cuda else torch.float32
    model = AutoModelForCausalLM.from_config(config, dtype=dtype).to("cuda" if cuda else "cpu").eval()
    tokenizer = AutoTokenizer.from_pretrained(args.data / "tokenizer")
    _words_only(model, tokenizer)
    return TransformersGenerator(model, tokenizer, model_name="bench")


def _words_only(model: Any, tokenizer: Any) -> None:
    """Zero the output rows of the tokens that do not start a word (" word"): a random model then answers in words."""
    import torch

    pieces = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
    keep = [tokenizer.convert_tokens_to_string([p]) for p in pieces]
    drop = [i for i, text in enumerate(keep) if not (text.startswith(" ") and text.strip())]
    weight = model.get_output_embeddings().weight
    with torch.no_grad():
        weight[drop] = 0
        weight[len(tokenizer) :] = 0  # rows past the tokenizer's vocabulary (padding) decode to nothing


async def _one(
    client: Any, url: str, messages: list[dict[str, str]], max_tokens: int, temperature: float
) -> dict[str, Any]:
    body = {
        "messages": messages,
        "max_tokens": max_tokens,
        "temperature": temperature,
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    t0 = time.perf_counter()
    first = None
    text: list[str] = []
    tokens = 0
    try:
        async with client.stream("POST", f"{url}/v1/chat/completions", json=body) as r:
            if r.status_code != 200:
                return {"error": f"HTTP {r.status_code}", "s": time.perf_counter() - t0}
            async for line in r.aiter_lines():
                if not line.startswith("data: ") or line == "data: [DONE]":
                    continue
                event = json.loads(line[6:])
                if "error" in event:
                    return {"error": event["error"].get("code", "error"), "s": time.perf_counter() - t0}
                if event.get("usage"):
                    tokens = event["usage"]["completion_tokens"]
                for choice in event.get("choices", []):
                    piece = choice["delta"].get("content") or ""
                    if piece and first is None:
                        first = time.perf_counter() - t0
                    text.append(piece)
    except Exception as exc:  # a benchmark counts every failure
        return {"error": type(exc).__name__, "s": time.perf_counter() - t0}
    seconds = time.perf_counter() - t0
    return {"tokens": tokens, "ttft": first if first is not None else seconds, "s": seconds, "text": "".join(text)}


def _load_sync(
    url: str, clients: int, prompts: list[Any], max_tokens: int, temperature: float
) -> tuple[list[dict[str, Any]], float]:
    """``_load`` in the client process."""
    return asyncio.run(_load(url, clients, prompts, max_tokens, temperature))


async def _load(
    url: str, clients: int, prompts: list[Any], max_tokens: int, temperature: float
) -> tuple[list[dict[str, Any]], float]:
    import httpx

    limits = httpx.Limits(max_connections=clients + 4, max_keepalive_connections=clients + 4)
    async with httpx.AsyncClient(timeout=900, limits=limits) as client:
        start = time.perf_counter()
        results = await asyncio.gather(
            *(_one(client, url, prompts[i % len(prompts)], max_tokens, temperature) for i in range(clients))
        )
        return list(results), time.perf_counter() - start


def _pct(values: list[float], q: float) -> float | None:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(len(values) * q))], 3) if values else None


def _summary(results: list[dict[str, Any]], wall: float) -> dict[str, Any]:
    ok = [r for r in results if "error" not in r]
    tokens = sum(r["tokens"] for r in ok)
    return {
        "requests": len(results),
        "errors": len(results) - len(ok),
        "error_kinds": sorted({r["error"] for r in results if "error" in r}),
        "new_tokens": tokens,
        "seconds": round(wall, 3),
        "tokens_per_s": round(tokens / wall, 1),
        "per_client_tokens_per_s": round(statistics.mean(r["tokens"] / r["s"] for r in ok), 1) if ok else None,
        "ttft_p50_s": _pct([r["ttft"] for r in ok], 0.5),
        "ttft_p99_s": _pct([r["ttft"] for r in ok], 0.99),
    }


#: The batching engine's settings (``limits.cuda_graphs``, ``limits.compile_level``) per ``--engine`` name.
_BATCH_VARIANTS: dict[str, dict[str, Any]] = {
    "batching": {},
    "batching_graphs": {"cuda_graphs": True},
    "batching_compiled": {"cuda_graphs": True, "compile_level": 1},
}


def run(args: argparse.Namespace) -> dict[str, Any]:
    import torch

    from medtune.serving import BackgroundServer, ServeConfig, create_app
    from medtune.serving.batching import BatchingGenerator, default_max_batch

    base = _base(args)
    device = next(base.model.parameters()).device.type
    card = torch.cuda.get_device_name() if device == "cuda" else "cpu"
    max_batch = args.max_batch or default_max_batch(device)
    prompts = _prompts()
    most = max(args.clients)
    result: dict[str, Any] = {
        "command": " ".join(sys.argv),
        "device": card,
        "max_tokens": args.max_tokens,
        "temperature": args.temperature,
        "max_batch": max_batch,
        "engines": {},
    }
    texts: dict[str, dict[int, str]] = {}
    clients_process = multiprocessing.get_context("spawn").Pool(1)  # the clients, off the server's interpreter lock
    for engine in args.engine:
        batching = engine != "single"
        generator: Any = (
            BatchingGenerator(base, max_batch=max_batch, **_BATCH_VARIANTS[engine]).start() if batching else base
        )
        config = ServeConfig.model_validate(
            {
                "safety": {"enabled": False},
                "generation": {"temperature": args.temperature, "repetition_penalty": 1.0, "system_prompt": ""},
                "limits": {
                    "max_concurrency": 1,
                    "max_batch": max_batch if batching else 1,
                    "max_tokens_cap": args.max_tokens,
                    "queue_size": most + 8,
                    "queue_timeout_s": 3600,
                    "request_timeout_s": 3600,
                },
            }
        )
        rows = []
        with BackgroundServer(create_app(config, generator)) as server:
            warm_up = (server.url, min(4, max_batch), prompts, 8, args.temperature)
            clients_process.apply(_load_sync, warm_up)
            for clients in args.clients:
                if engine == "single" and clients > args.single_max_clients:
                    continue
                load = (server.url, clients, prompts, args.max_tokens, args.temperature)
                results, wall = clients_process.apply(_load_sync, load)
                row = {"clients": clients, **_summary(results, wall)}
                rows.append(row)
                texts.setdefault(engine, {}).update({i: r["text"] for i, r in enumerate(results) if "text" in r})
                print(json.dumps({"engine": engine, **row}), flush=True)
        if batching:
            generator.close()
        result["engines"][engine] = rows
    clients_process.close()
    for rows in result["engines"].values():
        one = next((r for r in rows if r["clients"] == 1), None)
        for row in rows:
            if one and one["tokens_per_s"]:
                row["x_one_client"] = round(row["tokens_per_s"] / one["tokens_per_s"], 2)
    for engine in _BATCH_VARIANTS:
        if {engine, "single"} <= texts.keys() and args.temperature == 0:
            common = sorted(texts[engine].keys() & texts["single"].keys())
            same = sum(texts[engine][i] == texts["single"][i] for i in common)
            key = "greedy_same_batching_vs_single" if engine == "batching" else f"greedy_same_{engine}_vs_single"
            result[key] = f"{same}/{len(common)}"
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, help="folder with config.json and tokenizer/ (generation_throughput)")
    parser.add_argument("--model-dir", help="a model folder (instead of --random-init / --tiny)")
    parser.add_argument("--random-init", action="store_true", help="random weights from DATA/config.json")
    parser.add_argument("--tiny", action="store_true", help="DATA/config.json shrunk to 2 layers of width 64 (CPU)")
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32, 128])
    parser.add_argument(
        "--engine", nargs="+", choices=[*_BATCH_VARIANTS, "single"], default=["batching", "single"],
        help="batching: transformers' defaults; batching_graphs: limits.cuda_graphs true; batching_compiled: "
        "cuda_graphs true and compile_level 1 (the last two act on CUDA only)",
    )  # fmt: skip
    parser.add_argument("--single-max-clients", type=int, default=32, help="skip larger counts for 'single' (slow)")
    parser.add_argument("--max-batch", type=int, help="limits.max_batch (default: 32 on CUDA, 8 on CPU)")
    parser.add_argument("--max-tokens", type=int, default=200)
    parser.add_argument(
        "--temperature", type=float, default=0.0, help="0: greedy (the default); > 0: sampled, without a seed"
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not args.model_dir and not (args.data and (args.random_init or args.tiny)):
        parser.error("give --model-dir, or --data with --random-init or --tiny")
    result = run(args)
    print(json.dumps({k: v for k, v in result.items() if k != "engines"}))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
