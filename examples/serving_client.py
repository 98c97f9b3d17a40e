"""Talk to `medtune serve` three ways: the reference recipe's /chat, the openai client, and streaming.

Start a server first (the embedded default model works offline once converted):

    medtune serve embedded                      # or: medtune serve outputs/run/adapter
    python examples/serving_client.py [--url http://127.0.0.1:8000] [--message "..."]

Needs httpx (installed with medtune[serve]) and, for the OpenAI part, `pip install openai`.
"""

from __future__ import annotations

import argparse
import sys

import httpx

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--url", default="http://127.0.0.1:8000", help="server address")
parser.add_argument("--message", default="What helps with a mild tension headache?")
parser.add_argument("--max-tokens", type=int, default=128)
args = parser.parse_args()

# 1. Is it up? /health also shows the load: running and queued requests.
try:
    health = httpx.get(f"{args.url}/health", timeout=5).json()
except httpx.TransportError as exc:
    sys.exit(f"no server at {args.url} ({exc}). Start one with: medtune serve MODEL")
print(f"server ok: model {health['model']}, {health['active']} running, {health['queued']} queued")

# 2. The recipe's client: POST /chat {"message", "max_tokens"} -> {"response"}.
r = httpx.post(f"{args.url}/chat", json={"message": args.message, "max_tokens": args.max_tokens}, timeout=180)
if r.status_code != 200:  # 413 too large, 422 bad request, 429 queue full, 503 overloaded/timeout
    sys.exit(f"/chat failed with {r.status_code}: {r.json()['error']['message']}")
print("\n/chat ->", r.json()["response"])
if "x-medtune-emergency" in r.headers:
    print("(the safety layer saw an emergency:", r.headers["x-medtune-emergency"] + ")")

# 3. The official openai client, with streaming.
try:
    from openai import OpenAI
except ImportError:
    sys.exit("\n(pip install openai to try the OpenAI-compatible API)")

client = OpenAI(base_url=f"{args.url}/v1", api_key="not-needed")  # the server has no API keys
model = client.models.list().data[0].id
print(f"\n/v1/chat/completions (stream) with model {model} ->")
stream = client.chat.completions.create(
    model=model,
    messages=[
        {"role": "system", "content": "You are a careful medical assistant. Answer clearly and briefly."},
        {"role": "user", "content": args.message},
    ],
    max_tokens=args.max_tokens,
    temperature=0.7,
    stream=True,
)
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="", flush=True)
print()
