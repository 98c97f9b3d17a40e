"""Request and response shapes of the server: the pydantic request bodies and the JSON answers.

Only pydantic is imported here (no fastapi), so :mod:`medtune.serving.app` can re-export the request models cheaply.
"""

from __future__ import annotations

import json
import time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from medtune.serving.generator import Usage

__all__ = [
    "ChatCompletionRequest",
    "ChatMessageIn",
    "ChatRequest",
    "ChatResponse",
    "StreamOptions",
    "chunk_event",
    "completion_body",
    "usage_dict",
    "usage_event",
]


class ChatRequest(BaseModel):
    """``POST /chat`` body, the reference recipe's ``Query``: ``{"message": str, "max_tokens": int}``.

    ``temperature`` and ``top_p`` are optional extras; any other field is a 422 (a misspelt ``max_token`` would
    otherwise be silently ignored).
    """

    model_config = ConfigDict(extra="forbid")

    message: str = Field(min_length=1, description="The user's question.")
    max_tokens: int | None = Field(None, ge=1, description="Most tokens to generate (lowered to the server cap).")
    temperature: float | None = Field(None, ge=0, le=2, description="Sampling temperature (0: greedy).")
    top_p: float | None = Field(None, gt=0, le=1, description="Nucleus sampling mass.")


class ChatResponse(BaseModel):
    """``POST /chat`` answer: ``{"response": str}``."""

    response: str


class _ContentPart(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: str
    text: str | None = None


class ChatMessageIn(BaseModel):
    """One message of a chat-completions request (text content only)."""

    model_config = ConfigDict(extra="ignore")

    role: Literal["system", "developer", "user", "assistant", "tool"]
    content: str | list[_ContentPart] | None = None

    @field_validator("content")
    @classmethod
    def _text_only(cls, value: str | list[_ContentPart] | None) -> str | list[_ContentPart] | None:
        if isinstance(value, list):
            bad = sorted({p.type for p in value if p.type != "text"})
            if bad:
                raise ValueError(f"content parts of type {bad} are not supported. Fix: send text parts only")
        return value

    def text(self) -> str:
        """The content as one string."""
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content)
        return self.content or ""


class StreamOptions(BaseModel):
    """``stream_options``: ``include_usage`` adds a last chunk with token counts."""

    model_config = ConfigDict(extra="ignore")

    include_usage: bool = False


class ChatCompletionRequest(BaseModel):
    """``POST /v1/chat/completions`` body: the OpenAI fields medtune uses.

    Other OpenAI fields are accepted and ignored; ``model`` may name anything (the server has one model).
    """

    model_config = ConfigDict(extra="ignore")

    model: str | None = None
    messages: list[ChatMessageIn] = Field(min_length=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, gt=0, le=1)
    n: int = Field(1, ge=1, le=1, description="Only one choice is supported.")
    seed: int | None = Field(
        None, ge=0, le=2**64 - 1, description="Sampling seed, 0 to 2**64-1 (the range torch.manual_seed accepts)."
    )
    stream: bool = False
    stream_options: StreamOptions | None = None

    @model_validator(mode="after")
    def _has_user_message(self) -> ChatCompletionRequest:
        if not any(m.role == "user" and m.text().strip() for m in self.messages):
            raise ValueError("messages has no non-empty 'user' message. Fix: add {'role': 'user', 'content': '...'}")
        return self


# --- OpenAI answer shapes --------------------------------------------------------------------------------------


def usage_dict(usage: Usage | None) -> dict[str, int] | None:
    """OpenAI's ``usage`` object, or ``None`` when the generator reported no counts."""
    if usage is None:
        return None
    return {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "total_tokens": usage.prompt_tokens + usage.completion_tokens,
    }


def completion_body(cid: str, model: str, text: str, usage: Usage | None) -> dict[str, Any]:
    """A non-stream ``chat.completion`` answer.

    Args:
        cid: The completion id (``chatcmpl-...``).
        model: The served model's name.
        text: The whole answer.
        usage: Token counts and finish reason, if the generator reported them.

    Returns:
        The JSON body.
    """
    return {
        "id": cid,
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": usage.finish_reason if usage else "stop",
                "logprobs": None,
            }
        ],
        "usage": usage_dict(usage),
    }


def chunk_event(cid: str, created: int, model: str, delta: dict[str, Any], finish: str | None = None) -> str:
    """One ``chat.completion.chunk`` of a stream, as a server-sent event.

    Args:
        cid: The completion id, the same in every chunk of a stream.
        created: The stream's timestamp, the same in every chunk.
        model: The served model's name.
        delta: The choice's delta (``role`` and/or ``content``; empty in the last chunk).
        finish: The choice's finish reason (the last chunk only).

    Returns:
        The ``data: {...}`` event, with its blank line.
    """
    body = {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
    }
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


def usage_event(cid: str, created: int, model: str, usage: Usage | None) -> str:
    """The stream's extra last chunk, with no choices and the token counts (``stream_options.include_usage``)."""
    body = {
        "id": cid,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [],
        "usage": usage_dict(usage),
    }
    return f"data: {json.dumps(body)}\n\n"
