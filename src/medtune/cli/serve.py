"""``medtune serve MODEL``: the model behind /chat and an OpenAI-compatible API, with safety layer and limits."""

from __future__ import annotations

import argparse
import os
from typing import Any

from medtune.cli._common import EXIT_OK, Console, escape, say_preset

#: Flags -> the dotted serve-config key they set.
_FLAGS: dict[str, str] = {
    "model": "model",
    "adapter": "adapter",
    "model_name": "model_name",
    "host": "host",
    "port": "port",
    "device": "device",
    "dtype": "dtype",
    "log_level": "log_level",
    "max_concurrency": "limits.max_concurrency",
    "max_batch": "limits.max_batch",
    "queue_size": "limits.queue_size",
    "max_tokens_cap": "limits.max_tokens_cap",
    "timeout": "limits.request_timeout_s",
    "max_body_bytes": "limits.max_body_bytes",
    "upstream": "upstream.url",
    "upstream_model": "upstream.model",
}


def _config(args: argparse.Namespace) -> Any:
    from medtune.serving.config import load_serve_config

    overrides = {key: getattr(args, flag) for flag, key in _FLAGS.items()}
    if args.no_safety:
        overrides["safety.enabled"] = False
    if args.no_docs:
        overrides["docs"] = False
    config = load_serve_config(args.config, **overrides)
    key = args.api_key or (os.environ.get("MEDTUNE_API_KEY") if config.api_key is None else None)
    config = load_serve_config(config, api_key=key) if key else config
    upstream_key = os.environ.get("MEDTUNE_UPSTREAM_API_KEY")
    if config.upstream is not None and config.upstream.api_key is None and upstream_key:
        config = load_serve_config(config, **{"upstream.api_key": upstream_key})
    return config


def _cmd_serve(args: argparse.Namespace, console: Console) -> int:
    config = _config(args)
    if args.config:
        say_preset(console, config.preset or args.preset)
    if args.print_config:
        if console.as_json:
            console.emit(config.model_dump(mode="json"))
        else:
            import yaml

            dump = yaml.safe_dump(config.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
            console.out.print(escape(dump))
        return EXIT_OK
    from medtune.serving.server import is_loopback, serve

    if not config.model and config.upstream is None:
        from medtune.errors import ConfigError

        raise ConfigError(
            "no model to serve. Fix: `medtune serve MODEL` (a model folder, or 'embedded'), or `--upstream URL`."
        )
    where = f"http://{config.host}:{config.port}"
    what = f"upstream {config.upstream.url}" if config.upstream else config.model or ""
    console.err.print(
        f"[bold]medtune serve[/] {escape(what)}{' + ' + escape(config.adapter) if config.adapter else ''}"
        f" → {escape(where)}  (POST /chat, POST /v1/chat/completions, GET /v1/models, GET /health)"
    )
    if not config.safety.enabled:
        console.err.print("[yellow]warning:[/] the safety layer is off (no emergency messages, no disclaimers)")
    if not is_loopback(config.host):
        console.err.print(f"[yellow]warning:[/] listening on {escape(config.host)}: reachable from other machines")
    serve(config)
    return EXIT_OK


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``medtune serve``."""
    p = sub.add_parser(
        "serve",
        parents=[common],
        help="serve a model over HTTP (/chat and an OpenAI-compatible API)",
        description=(
            "Serve a merged model, or a base model plus a LoRA adapter, with FastAPI and uvicorn: POST /chat "
            "({'message', 'max_tokens'} -> {'response'}), POST /v1/chat/completions (OpenAI-compatible, stream: true "
            "as server-sent events), GET /v1/models and GET /health. A safety layer (urgent-care messages for "
            "emergencies, disclaimers, PII-free logs) is on by default. Flags override --config. Needs the serve "
            "and train extras."
        ),
    )
    p.add_argument(
        "model",
        nargs="?",
        default=None,
        help="model folder, cached Hub id, 'embedded', or an adapter folder (its base model is read from it)",
    )
    p.add_argument("--adapter", metavar="PATH", help="LoRA adapter folder to load on top of MODEL")
    p.add_argument("--config", metavar="YAML", help="serve config file (see docs/serving.md)")
    p.add_argument("--host", help="interface to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, help="TCP port (default 8000)")
    p.add_argument("--model-name", help="model id shown by /v1/models (default: the folder name)")
    p.add_argument("--device", help="auto (default), cpu, cuda, cuda:N or mps")
    p.add_argument("--dtype", choices=["auto", "float32", "bfloat16", "float16"], help="weights dtype")
    p.add_argument(
        "--max-concurrency", type=int, metavar="N", help="generations running alone at the same time (default 1)"
    )
    p.add_argument(
        "--max-batch",
        type=int,
        metavar="N",
        help="generations batched together, greedy or sampled without a seed (default 32 on CUDA, 8 on CPU; 1: off)",
    )
    p.add_argument("--queue-size", type=int, metavar="N", help="requests waiting for a slot before 429 (default 8)")
    p.add_argument("--max-tokens-cap", type=int, metavar="N", help="upper bound on max_tokens (default 512)")
    p.add_argument("--timeout", type=float, metavar="S", help="longest generation in seconds before 503 (default 120)")
    p.add_argument("--max-body-bytes", type=int, metavar="N", help="largest request body before 413 (default 65536)")
    p.add_argument("--log-level", choices=["debug", "info", "warning", "error"], help="server log level")
    p.add_argument("--no-safety", action="store_true", help="turn off emergency messages and disclaimers")
    p.add_argument(
        "--api-key",
        metavar="KEY",
        help="require this key on every request but /health (default: $MEDTUNE_API_KEY; prefer the variable, "
        "since a flag shows in the process list)",
    )
    p.add_argument("--no-docs", action="store_true", help="do not serve /docs, /redoc and /openapi.json")
    p.add_argument(
        "--upstream",
        metavar="URL",
        help="an OpenAI-compatible server to put medtune's safety layer and limits in front of, instead of loading "
        "MODEL (e.g. http://127.0.0.1:8080/v1 for llama-server; key from $MEDTUNE_UPSTREAM_API_KEY)",
    )
    p.add_argument("--upstream-model", metavar="NAME", help="the model name the upstream expects (default: default)")
    p.add_argument("--print-config", action="store_true", help="print the resolved config and exit")
    p.set_defaults(func=_cmd_serve)
