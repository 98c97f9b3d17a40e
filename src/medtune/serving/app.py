"""The FastAPI app, with the safety layer and the limits.

Endpoints: ``POST /chat``, ``POST /v1/chat/completions`` (OpenAI-compatible, streaming), ``GET /v1/models`` and
``GET /health``.

:func:`create_app` takes any :class:`~medtune.serving.generator.Generator`, so tests (and plugins) can serve a
fake or a tiny model; ``medtune serve`` passes a :class:`~medtune.serving.batching.BatchingGenerator` (a
:class:`~medtune.serving.model.TransformersGenerator` whose greedy requests share one continuous batch).

The pieces: the request and response shapes are in :mod:`medtune.serving.schemas`, the limits, the generation and
the safety layer in :class:`~medtune.serving.service.ChatService`, the endpoints in :mod:`medtune.serving.routes`
and every error answer in :mod:`medtune.serving.errors`; :func:`create_app` wires them together.
"""

from __future__ import annotations

from typing import Any

from medtune._extras import require
from medtune.serving.auth import ApiKeyAuth
from medtune.serving.config import ServeConfig
from medtune.serving.errors import GenerationFailed as GenerationFailed
from medtune.serving.errors import GenerationTimeout as GenerationTimeout
from medtune.serving.generator import Generator
from medtune.serving.limits import BodySizeLimit
from medtune.serving.logs import install_logger_filter
from medtune.serving.schemas import ChatCompletionRequest, ChatRequest, ChatResponse
from medtune.serving.schemas import ChatMessageIn as ChatMessageIn
from medtune.serving.schemas import StreamOptions as StreamOptions

__all__ = ["ChatCompletionRequest", "ChatRequest", "ChatResponse", "create_app"]
# The ``X as X`` imports above keep the names that lived here (GenerationTimeout, ...) importable from here.


def create_app(config: ServeConfig | None = None, generator: Generator | None = None) -> Any:
    """Build the FastAPI app.

    Args:
        config: Server settings (limits, safety, generation defaults); default :class:`ServeConfig`.
        generator: The model; anything with ``model_name`` and ``generate`` (see
            :class:`~medtune.serving.generator.Generator`). Required.

    Returns:
        A :class:`fastapi.FastAPI` app (with the body-size guard as middleware). Run it with uvicorn, or with
        :func:`medtune.serving.server.serve` / :class:`~medtune.serving.server.BackgroundServer`.

    Raises:
        MissingExtraError: fastapi is not installed (``pip install "medtune[serve]"``).
    """
    fastapi = require("fastapi", "serve", "medtune serve")
    from medtune import __version__
    from medtune.serving.errors import exception_handlers
    from medtune.serving.routes import routers
    from medtune.serving.service import ChatService

    if generator is None:
        raise TypeError("create_app needs a generator (e.g. medtune.serving.model.TransformersGenerator.load(...))")
    cfg = config if config is not None else ServeConfig()
    service = ChatService(cfg, generator)
    install_logger_filter(cfg.safety.redact_logs)
    docs = {} if cfg.docs else {"docs_url": None, "redoc_url": None, "openapi_url": None}
    app = fastapi.FastAPI(
        lifespan=service.lifespan,
        title="medtune serve",
        version=__version__,
        description="A fine-tuned model behind /chat and an OpenAI-compatible /v1/chat/completions.",
        exception_handlers=exception_handlers(cfg.limits.retry_after_s),
        **docs,
    )
    app.state.config = cfg
    app.state.limiter = service.limiter
    app.state.generator = generator
    app.state.service = service
    for router in routers(service):
        app.include_router(router)
    app.add_middleware(BodySizeLimit, max_bytes=cfg.limits.max_body_bytes)
    if cfg.api_key is not None:  # added last, so it runs first: no body is read for a request without the key
        app.add_middleware(ApiKeyAuth, api_key=cfg.api_key.get_secret_value())
    return app
