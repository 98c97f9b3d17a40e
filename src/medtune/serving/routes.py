"""The endpoints, as FastAPI routers over a :class:`~medtune.serving.service.ChatService`.

``GET /health``, ``GET /v1/models``, ``POST /chat`` and ``POST /v1/chat/completions``. The handlers only translate:
request body in, service call, JSON or event stream out. Errors are raised and answered by the app's exception
handlers (:mod:`medtune.serving.errors`).

This module imports fastapi: it is imported by :func:`medtune.serving.app.create_app` only.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from medtune.serving.schemas import ChatCompletionRequest, ChatRequest, ChatResponse, completion_body
from medtune.serving.service import ChatService

__all__ = ["chat_router", "completions_router", "health_router", "models_router", "routers"]


def health_router(service: ChatService) -> APIRouter:
    """``GET /health``: open even with an API key, for load balancers."""
    router = APIRouter()

    @router.get("/health")
    async def health() -> dict[str, Any]:
        return service.health()

    return router


def models_router(service: ChatService) -> APIRouter:
    """``GET /v1/models``: the one served model."""
    router = APIRouter()

    @router.get("/v1/models")
    async def models() -> dict[str, Any]:
        return service.models()

    return router


def chat_router(service: ChatService) -> APIRouter:
    """``POST /chat``: the reference recipe's ``{"message", "max_tokens"}`` -> ``{"response"}``."""
    router = APIRouter()

    @router.post("/chat", response_model=ChatResponse)
    async def chat(body: ChatRequest, request: Request) -> Any:
        prep = service.prepare([("user", body.message)], body.max_tokens, body.temperature, body.top_p)
        text, _ = await service.complete(prep, "/chat", request)
        return JSONResponse({"response": text}, headers=prep.headers())

    return router


def completions_router(service: ChatService) -> APIRouter:
    """``POST /v1/chat/completions``: OpenAI-compatible, streamed as server-sent events with ``stream: true``."""
    router = APIRouter()

    @router.post("/v1/chat/completions")
    async def chat_completions(body: ChatCompletionRequest, request: Request) -> Any:
        prep = service.prepare(
            [(m.role, m.text()) for m in body.messages],
            body.max_completion_tokens or body.max_tokens,
            body.temperature,
            body.top_p,
            body.seed,
        )
        cid = "chatcmpl-" + uuid.uuid4().hex
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)
            events = await service.stream(prep, cid, include_usage)
            headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **prep.headers()}
            return StreamingResponse(events, media_type="text/event-stream", headers=headers)
        text, usage = await service.complete(prep, "/v1/chat/completions", request)
        return JSONResponse(completion_body(cid, service.model_name, text, usage), headers=prep.headers())

    return router


def routers(service: ChatService) -> list[APIRouter]:
    """Every router, in the order the app includes them."""
    return [factory(service) for factory in (health_router, models_router, chat_router, completions_router)]
