"""An OpenAI-compatible server the user already runs (vLLM, llama.cpp's ``llama-server``, Ollama) as the model.

``medtune serve --upstream URL`` puts medtune's safety layer, limits, API key and redacted logs in front of it: the
server's routes, queue and safety layer are the same; only the generator differs. The upstream gets the conversation
as medtune would have prompted its own model (system prompt included) and streams the answer back
(``stream: true``); medtune's ``max_tokens`` cap, temperature, top-p and seed are passed on. Repetition penalty is not
(the servers spell it differently); set it on the upstream itself.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import Field, SecretStr

from medtune._extras import require
from medtune.config import ConfigModel
from medtune.serving.generator import GenerationParams, Usage

__all__ = ["UpstreamConfig", "UpstreamError", "UpstreamGenerator"]


class UpstreamConfig(ConfigModel):
    """Where the model runs when medtune does not load it.

    Attributes:
        url: The upstream's base URL, up to ``/v1`` (e.g. ``http://127.0.0.1:8080/v1`` for llama-server,
            ``http://127.0.0.1:11434/v1`` for Ollama, ``http://127.0.0.1:8001/v1`` for vLLM).
        model: The model name the upstream expects (Ollama and vLLM need it; default ``default``).
        api_key: Sent as ``Authorization: Bearer`` (``medtune serve`` reads ``MEDTUNE_UPSTREAM_API_KEY``).
        timeout_s: Longest wait for the upstream to connect or send the next piece.
    """

    config_kind = "serve config"

    url: str = Field(pattern=r"^https?://\S+$")
    model: str = Field("default", min_length=1)
    api_key: SecretStr | None = None
    timeout_s: float = Field(60.0, gt=0, le=3600)


class UpstreamError(RuntimeError):
    """The upstream could not be reached or answered with an error (the server answers 500 and logs this)."""


def _chunks(lines: Iterator[str]) -> Iterator[dict[str, Any]]:
    """The JSON events of an OpenAI server-sent-event stream, until ``[DONE]``."""
    for line in lines:
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            yield json.loads(data)
        except json.JSONDecodeError as exc:
            raise UpstreamError(f"the upstream sent an unreadable event: {data[:120]!r}") from exc


class UpstreamGenerator:
    """An OpenAI-compatible ``/chat/completions`` endpoint as the server's generator.

    It follows the :class:`~medtune.serving.generator.Generator` protocol.

    Args:
        config: The upstream's address, model name and key.
        model_name: The id medtune shows its clients (default: the upstream's model name).
        client: An ``httpx.Client`` to use (tests pass one with a mock transport).
    """

    def __init__(self, config: UpstreamConfig, model_name: str | None = None, client: Any = None) -> None:
        httpx = require("httpx", "serve", "medtune serve --upstream")
        self.config = config
        self.model_name = model_name or config.model
        headers = {"Authorization": f"Bearer {config.api_key.get_secret_value()}"} if config.api_key else {}
        self._client = client or httpx.Client(timeout=config.timeout_s)
        self._headers = headers
        self._url = config.url.rstrip("/") + "/chat/completions"

    def _body(self, messages: Sequence[dict[str, str]], params: GenerationParams) -> dict[str, Any]:
        body: dict[str, Any] = {
            "model": self.config.model,
            "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
            "max_tokens": params.max_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if params.seed is not None:
            body["seed"] = params.seed
        return body

    def generate(
        self, messages: Sequence[dict[str, str]], params: GenerationParams, cancel: threading.Event
    ) -> Iterator[str | Usage]:
        """Stream the upstream's answer piece by piece, then its token counts; stop when ``cancel`` is set.

        Raises:
            UpstreamError: The upstream is unreachable, answers an HTTP error, or sends an unreadable stream.
        """
        httpx = require("httpx", "serve", "medtune serve --upstream")
        usage: Usage | None = None
        finish = "stop"
        completion = 0
        try:
            with self._client.stream("POST", self._url, json=self._body(messages, params), headers=self._headers) as r:
                if r.status_code != 200:
                    r.read()
                    raise UpstreamError(f"the upstream {self._url} answered {r.status_code}: {r.text[:200]}")
                for event in _chunks(r.iter_lines()):
                    if cancel.is_set():
                        return
                    for choice in event.get("choices") or []:
                        piece = (choice.get("delta") or {}).get("content")
                        if piece:
                            completion += 1
                            yield piece
                        finish = choice.get("finish_reason") or finish
                    if event.get("usage"):
                        u = event["usage"]
                        reason = "length" if finish == "length" else "stop"
                        usage = Usage(int(u.get("prompt_tokens", 0)), int(u.get("completion_tokens", 0)), reason)
        except httpx.HTTPError as exc:
            raise UpstreamError(f"the upstream {self._url} could not be reached: {type(exc).__name__}: {exc}") from exc
        yield usage or Usage(0, completion, "length" if finish == "length" else "stop")
