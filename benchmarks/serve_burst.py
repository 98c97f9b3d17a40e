"""Server load test: a burst of simultaneous connections, then a sustained run (issue #15).

A stand-in generator (a fixed answer, one word every ``--word-delay`` seconds) keeps the test about the server:
its queue, its limits and its answers under overload, not the model's speed. Every response is checked: a refusal
must be JSON with ``Retry-After`` (429 or 503), an emergency must always be answered with the urgent-care message,
and ``/health`` must answer after the burst.

    python benchmarks/serve_burst.py --burst 500 --emergency-every 10 --json burst.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import threading
import time
from collections import Counter
from typing import Any

import httpx

from medtune.serving import BackgroundServer, create_app
from medtune.serving.config import ServeConfig
from medtune.serving.generator import GenerationParams, Usage

EMERGENCY = "I have crushing chest pain spreading to my left arm and I am sweating."
ORDINARY = "What helps a mild headache?"


class SteadyGenerator:
    """Answers with the same words, one every ``delay_s`` seconds."""

    model_name = "burst-test"

    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s

    def generate(self, messages: Any, params: GenerationParams, cancel: threading.Event) -> Any:
        words = ["Rest,", "drink", "fluids", "and", "take", "paracetamol", "if", "needed."][: params.max_tokens]
        for i, word in enumerate(words):
            if cancel.wait(self.delay_s):
                return
            yield word if i == 0 else " " + word
        yield Usage(prompt_tokens=7, completion_tokens=len(words), finish_reason="stop")


async def _one(client: httpx.AsyncClient, url: str, emergency: bool) -> dict[str, Any]:
    body = {"message": EMERGENCY if emergency else ORDINARY, "max_tokens": 8}
    t0 = time.perf_counter()
    try:
        r = await client.post(f"{url}/chat", json=body)
    except httpx.HTTPError as exc:
        return {"status": "connection_error", "error": type(exc).__name__, "emergency": emergency, "s": 0.0}
    try:
        payload = r.json()
        is_json = isinstance(payload, dict)
    except ValueError:
        payload, is_json = None, False
    answered = r.status_code == 200 and is_json and "response" in payload
    urgent = answered and payload["response"].startswith("\u26a0")  # the urgent-care message opens with ⚠️
    return {
        "status": r.status_code,
        "json": is_json,
        "retry_after": "retry-after" in r.headers,
        "emergency": emergency,
        "answered": answered,
        "urgent": bool(urgent),
        "s": time.perf_counter() - t0,
    }


async def burst(url: str, n: int, emergency_every: int) -> list[dict[str, Any]]:
    """``n`` requests at once, each on its own connection."""
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=0)
    async with httpx.AsyncClient(limits=limits, timeout=120) as client:
        tasks = [_one(client, url, emergency_every > 0 and i % emergency_every == 0) for i in range(n)]
        return list(await asyncio.gather(*tasks))


async def sustained(url: str, clients: int, seconds: float) -> list[dict[str, Any]]:
    """``clients`` clients, each sending its next request as soon as the last one is answered."""
    out: list[dict[str, Any]] = []
    stop = time.perf_counter() + seconds

    async def client_loop(client: httpx.AsyncClient) -> None:
        while time.perf_counter() < stop:
            out.append(await _one(client, url, False))

    async with httpx.AsyncClient(timeout=120) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(clients)))
    return out


def summarize(results: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts by status, refusals that were not JSON or lacked Retry-After, emergencies answered, latency."""
    statuses = Counter(str(r["status"]) for r in results)
    refusals = [r for r in results if r["status"] in (429, 503)]
    emergencies = [r for r in results if r["emergency"]]
    latencies = sorted(r["s"] for r in results if r["status"] == 200)
    return {
        "requests": len(results),
        "by_status": dict(sorted(statuses.items())),
        "served": statuses.get("200", 0),
        "refusals_not_json_or_without_retry_after": sum(1 for r in refusals if not (r["json"] and r["retry_after"])),
        "other_non_json": sum(1 for r in results if r["status"] not in (200, 429, 503) or not r.get("json", False)),
        "emergencies": len(emergencies),
        "emergencies_answered": sum(1 for r in emergencies if r["answered"]),
        "emergencies_with_urgent_message": sum(1 for r in emergencies if r["urgent"]),
        "p50_s": round(statistics.median(latencies), 3) if latencies else None,
        "p95_s": round(latencies[int(0.95 * (len(latencies) - 1))], 3) if latencies else None,
    }


def main() -> None:
    """Run the burst and the sustained run against an in-process server."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--burst", type=int, default=500, help="simultaneous connections (default 500)")
    ap.add_argument("--emergency-every", type=int, default=10, help="every Nth burst request is an emergency")
    ap.add_argument("--clients", type=int, default=8, help="clients of the sustained run (default 8)")
    ap.add_argument("--seconds", type=float, default=20.0, help="length of the sustained run (default 20 s)")
    ap.add_argument("--word-delay", type=float, default=0.02, help="the stand-in generator's seconds per word")
    ap.add_argument("--json", help="write the summary here")
    args = ap.parse_args()
    config = ServeConfig()
    with BackgroundServer(create_app(config, SteadyGenerator(args.word_delay))) as server:
        t0 = time.perf_counter()
        b = summarize(asyncio.run(burst(server.url, args.burst, args.emergency_every)))
        b["wall_s"] = round(time.perf_counter() - t0, 2)
        b["health_after"] = httpx.get(f"{server.url}/health", timeout=10).status_code
        s = summarize(asyncio.run(sustained(server.url, args.clients, args.seconds)))
        s["requests_per_s"] = round(s["requests"] / args.seconds, 2)
        s["health_after"] = httpx.get(f"{server.url}/health", timeout=10).status_code
    summary = {
        "limits": config.limits.model_dump(),
        "word_delay_s": args.word_delay,
        "burst": b,
        "sustained": {"clients": args.clients, "seconds": args.seconds, **s},
    }
    print(json.dumps(summary, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(summary, fh, indent=2)


if __name__ == "__main__":
    main()
