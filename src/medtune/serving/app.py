"""The FastAPI app, with the safety layer and the limits.

Endpoints: ``POST /chat``, ``POST /v1/chat/completions`` (OpenAI-compatible, streaming), ``GET /v1/models`` and
``GET /health``.

:func:`create_app` takes any :class:`~medtune.serving.generator.Generator`, so tests (and plugins) can serve a
fake or a tiny model; ``medtune serve`` passes a :class:`~medtune.serving.model.TransformersGenerator`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from medtune._extras import require
from medtune.serving.auth import ApiKeyAuth
from medtune.serving.config import ServeConfig
from medtune.serving.generator import GenerationParams, Generator, Usage
from medtune.serving.limits import BodySizeLimit, ConcurrencyLimiter, Overloaded, error_body
from medtune.serving.logs import install_logger_filter
from medtune.serving.safety import Emergency, SafetyLayer

__all__ = ["ChatCompletionRequest", "ChatRequest", "ChatResponse", "create_app"]

logger = logging.getLogger("medtune.serving")

# --- request and response schemas -----------------------------------------------------------------------------


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


# --- generation plumbing ---------------------------------------------------------------------------------------


class GenerationTimeout(Exception):
    """A generation ran past ``limits.request_timeout_s``."""


class GenerationFailed(Exception):
    """The generator raised."""


_END = object()


@dataclass
class _Failure:
    exc: BaseException


@dataclass
class _Run:
    """One generation in a worker thread; its pieces reach the event loop through an asyncio queue."""

    loop: asyncio.AbstractEventLoop
    cancel: threading.Event = field(default_factory=threading.Event)
    queue: asyncio.Queue[Any] = field(default_factory=asyncio.Queue)
    future: asyncio.Future[None] | None = None

    def _put(self, item: Any) -> None:
        try:
            self.loop.call_soon_threadsafe(self.queue.put_nowait, item)
        except RuntimeError:  # the loop is closed: the server is shutting down
            self.cancel.set()

    def produce(self, generator: Generator, messages: list[dict[str, str]], params: GenerationParams) -> None:
        try:
            for piece in generator.generate(messages, params, self.cancel):
                if self.cancel.is_set():
                    break
                self._put(piece)
        except BaseException as exc:
            self._put(_Failure(exc))
        finally:
            self._put(_END)

    async def pieces(self, deadline: float) -> AsyncIterator[str | Usage]:
        """The generated pieces, until the end or the deadline (then the generation is cancelled)."""
        try:
            while True:
                remaining = deadline - self.loop.time()
                if remaining <= 0:
                    raise GenerationTimeout
                try:
                    item = await asyncio.wait_for(self.queue.get(), remaining)
                except asyncio.TimeoutError:
                    raise GenerationTimeout from None
                if item is _END:
                    return
                if isinstance(item, _Failure):
                    raise GenerationFailed(f"{type(item.exc).__name__}: {item.exc}") from item.exc
                yield item
        finally:
            self.cancel.set()  # a no-op after a normal end; stops the thread on timeout or disconnect


@dataclass
class _Prepared:
    """A validated request, ready to run."""

    messages: list[dict[str, str]]
    params: GenerationParams
    user_text: str
    emergencies: list[Emergency]
    urgent: str
    skip_model: bool


class _ClientError(Exception):
    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param


# --- the app ---------------------------------------------------------------------------------------------------


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
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse, StreamingResponse
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from medtune import __version__

    if generator is None:
        raise TypeError("create_app needs a generator (e.g. medtune.serving.model.TransformersGenerator.load(...))")
    cfg = config if config is not None else ServeConfig()
    limits, gen_defaults = cfg.limits, cfg.generation
    safety = SafetyLayer(cfg.safety)
    install_logger_filter(cfg.safety.redact_logs)
    model_name = cfg.model_name or getattr(generator, "model_name", None) or cfg.served_name()
    created = int(time.time())
    limiter = ConcurrencyLimiter(limits.max_concurrency, limits.queue_size, limits.queue_timeout_s)
    executor = ThreadPoolExecutor(max_workers=limits.max_concurrency, thread_name_prefix="medtune-generate")
    retry_headers = {"Retry-After": str(limits.retry_after_s)}

    @contextlib.asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        yield
        executor.shutdown(wait=False, cancel_futures=True)

    docs = {} if cfg.docs else {"docs_url": None, "redoc_url": None, "openapi_url": None}
    app = fastapi.FastAPI(
        lifespan=lifespan,
        title="medtune serve",
        version=__version__,
        description="A fine-tuned model behind /chat and an OpenAI-compatible /v1/chat/completions.",
        **docs,
    )
    app.state.config = cfg
    app.state.limiter = limiter
    app.state.generator = generator

    # --- errors ---------------------------------------------------------------------------------------------

    def error(status: int, message: str, kind: str, code: str, headers: dict[str, str] | None = None) -> Any:
        return JSONResponse(error_body(status, message, kind, code), status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Any, exc: RequestValidationError) -> Any:
        problems, details = [], []
        code = "invalid_schema"
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ())]
            if err.get("type") == "json_invalid":
                code = "invalid_json"
                reason = (err.get("ctx") or {}).get("error", "invalid JSON")
                where = f" at character {loc[-1]}" if len(loc) > 1 else ""
                problems.append(f"the request body is not valid JSON ({reason}{where})")
            elif loc == ["body"] and err.get("type") in ("model_attributes_type", "dict_type"):
                problems.append(
                    "the request body is not a JSON object (send JSON with the header Content-Type: application/json)"
                )
            else:
                dotted = ".".join(p for p in loc if p != "body") or "body"
                problems.append(f"{dotted}: {str(err.get('msg', 'invalid')).removeprefix('Value error, ')}")
            details.append({"loc": loc, "msg": err.get("msg"), "type": err.get("type")})
        example = _EXAMPLES.get(request.url.path, "")
        message = (
            "invalid request: " + "; ".join(problems) + (f". Fix: send a JSON body like {example}" if example else "")
        )
        return JSONResponse(
            {
                "error": {"message": message, "type": "invalid_request_error", "param": None, "code": code},
                "detail": details,
            },
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Any, exc: StarletteHTTPException) -> Any:
        if exc.status_code == 400 and str(exc.detail).startswith("There was an error parsing the body"):
            # FastAPI's 400 for a body json.loads cannot take (not UTF-8, nested too deeply, a huge number): 422
            example = _EXAMPLES.get(request.url.path, "")
            message = (
                "invalid request: the request body could not be read as JSON (not UTF-8, nested too deeply or "
                "a number with too many digits)" + (f". Fix: send a UTF-8 JSON body like {example}" if example else "")
            )
            return error(422, message, "invalid_request_error", "invalid_json")
        message = f"{exc.detail}: {request.method} {request.url.path}"
        if exc.status_code == 404:
            message += ". Endpoints: POST /chat, POST /v1/chat/completions, GET /v1/models, GET /health"
        return error(
            exc.status_code, message, "invalid_request_error", str(exc.status_code), getattr(exc, "headers", None)
        )

    # --- shared request handling ---------------------------------------------------------------------------

    def prepare(raw_messages: Sequence[tuple[str, str]], max_tokens: int | None, temperature: float | None,
                top_p: float | None, seed: int | None) -> _Prepared:  # fmt: skip
        if len(raw_messages) > limits.max_messages:
            raise _ClientError(
                f"too many messages: {len(raw_messages)}; the limit is {limits.max_messages}. "
                "Fix: drop old turns of the conversation.",
                "messages",
            )
        chars = sum(len(text) for _, text in raw_messages)
        if chars > limits.max_input_chars:
            raise _ClientError(
                f"input too long: {chars} characters; the limit is {limits.max_input_chars}. "
                "Fix: shorten the message or raise limits.max_input_chars.",
                "messages",
            )
        messages = [{"role": "system" if role == "developer" else role, "content": text} for role, text in raw_messages]
        messages = [m for m in messages if m["role"] != "tool"]
        system_prompt = gen_defaults.system_prompt if gen_defaults.system_prompt is not None else safety.system_prompt
        if system_prompt and not any(m["role"] == "system" for m in messages):
            messages.insert(0, {"role": "system", "content": system_prompt})
        user_text = next(m["content"] for m in reversed(messages) if m["role"] == "user")
        emergencies = safety.check(user_text)
        urgent = safety.urgent_message(emergencies)
        params = GenerationParams(
            max_tokens=min(max_tokens or limits.default_max_tokens, limits.max_tokens_cap),
            temperature=gen_defaults.temperature if temperature is None else temperature,
            top_p=gen_defaults.top_p if top_p is None else top_p,
            repetition_penalty=gen_defaults.repetition_penalty,
            seed=seed,
        )
        skip = bool(urgent) and cfg.safety.emergency_action == "replace"
        return _Prepared(messages, params, user_text, emergencies, urgent, skip)

    def log_request(endpoint: str, rid: str, prep: _Prepared) -> None:
        rules = ",".join(e.rule for e in prep.emergencies) or "-"
        logger.info(
            "%s %s: %d message(s), %d chars, max_tokens=%d, emergency=%s",
            rid, endpoint, len(prep.messages), len(prep.user_text), prep.params.max_tokens, rules,
        )  # fmt: skip
        if cfg.safety.log_messages:
            logger.info("%s message: %s", rid, prep.user_text[:500])

    def safety_headers(prep: _Prepared) -> dict[str, str]:
        return {"X-Medtune-Emergency": ",".join(e.rule for e in prep.emergencies)} if prep.emergencies else {}

    async def start(prep: _Prepared) -> _Run:
        """Take a slot and start the generation (the slot is freed when the worker thread ends)."""
        await limiter.acquire()
        loop = asyncio.get_running_loop()
        run = _Run(loop)
        try:
            future = loop.run_in_executor(executor, run.produce, generator, prep.messages, prep.params)
        except BaseException:
            limiter.release()
            raise
        # A watchdog: the generation stops at the timeout even if nobody reads it (a client that left early).
        watchdog = loop.call_later(limits.request_timeout_s + 1.0, run.cancel.set)

        def done(_: Any) -> None:
            watchdog.cancel()
            limiter.release()

        future.add_done_callback(done)
        run.future = future
        return run

    def deadline() -> float:
        return asyncio.get_running_loop().time() + limits.request_timeout_s

    def busy_answer(prep: _Prepared, exc: Overloaded) -> str:
        """For an emergency, an overloaded server still answers with the urgent-care message."""
        return prep.urgent + "\n\n(The assistant is busy right now and could not add more; please act on the above.)"

    async def stop_when_gone(request: Any, run: _Run, rid: str) -> None:
        """Stop ``run`` when the client of a non-stream request goes away (its answer would go nowhere)."""
        while not run.cancel.is_set():
            if await request.is_disconnected():
                logger.info("%s: the client left; generation stopped", rid)
                run.cancel.set()
                return
            await asyncio.sleep(0.2)

    async def complete(prep: _Prepared, rid: str, request: Any = None) -> tuple[str, Usage | None]:
        """The full answer text (urgent message, model answer, disclaimer) and the usage."""
        if prep.skip_model:
            return prep.urgent, Usage(0, 0, "stop")
        try:
            run = await start(prep)
        except Overloaded as exc:
            if prep.urgent:
                logger.warning("%s overloaded (%d); answered with the urgent-care message only", rid, exc.status)
                return busy_answer(prep, exc), Usage(0, 0, "stop")
            raise
        parts: list[str] = []
        usage: Usage | None = None
        watcher = asyncio.create_task(stop_when_gone(request, run, rid)) if request is not None else None
        try:
            async for piece in run.pieces(deadline()):
                if isinstance(piece, Usage):
                    usage = piece
                else:
                    parts.append(piece)
        finally:
            if watcher is not None:
                watcher.cancel()
        answer = "".join(parts).strip()
        text = (
            (prep.urgent + "\n\n" if prep.urgent else "")
            + answer
            + safety.disclaimer_for(prep.user_text, answer, medical=bool(prep.emergencies))
        )
        return text, usage

    async def run_complete(endpoint: str, prep: _Prepared, request: Any = None) -> tuple[str, Usage | None] | Any:
        rid = "req-" + uuid.uuid4().hex[:12]
        log_request(endpoint, rid, prep)
        t0 = time.perf_counter()
        try:
            text, usage = await complete(prep, rid, request)
        except Overloaded as exc:
            logger.warning("%s refused with %d: %s", rid, exc.status, exc.message)
            kind = "rate_limit_error" if exc.status == 429 else "server_overloaded"
            return error(exc.status, exc.message, kind, "queue_full" if exc.status == 429 else "queue_timeout",
                         retry_headers)  # fmt: skip
        except GenerationTimeout:
            logger.warning("%s timed out after %.1f s", rid, limits.request_timeout_s)
            message = (
                f"generation timed out after {limits.request_timeout_s:g} s. "
                "Fix: ask for fewer max_tokens, retry later, or raise limits.request_timeout_s."
            )
            return error(503, message, "timeout", "generation_timeout", retry_headers)
        except GenerationFailed as exc:
            logger.error("%s generation failed: %s", rid, exc)
            return error(500, "the model failed to generate an answer (see the server log).", "server_error",
                         "generation_failed")  # fmt: skip
        logger.info("%s done in %.2f s, %d chars", rid, time.perf_counter() - t0, len(text))
        return text, usage

    # --- endpoints -------------------------------------------------------------------------------------------

    @app.get("/health")
    async def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "model": model_name,
            "active": limiter.active,
            "queued": limiter.waiting,
            "max_concurrency": limits.max_concurrency,
            "queue_size": limits.queue_size,
            "safety": cfg.safety.enabled,
        }

    @app.get("/v1/models")
    async def models() -> dict[str, Any]:
        return {
            "object": "list",
            "data": [{"id": model_name, "object": "model", "created": created, "owned_by": "medtune"}],
        }

    async def chat(body: ChatRequest, request: Any) -> Any:
        try:
            prep = prepare([("user", body.message)], body.max_tokens, body.temperature, body.top_p, None)
        except _ClientError as exc:
            return error(422, exc.message, "invalid_request_error", "invalid_request")
        result = await run_complete("/chat", prep, request)
        if not isinstance(result, tuple):
            return result
        return JSONResponse({"response": result[0]}, headers=safety_headers(prep))

    async def chat_completions(body: ChatCompletionRequest, request: Any) -> Any:
        try:
            prep = prepare(
                [(m.role, m.text()) for m in body.messages],
                body.max_completion_tokens or body.max_tokens,
                body.temperature,
                body.top_p,
                body.seed,
            )
        except _ClientError as exc:
            return error(422, exc.message, "invalid_request_error", "invalid_request")
        cid = "chatcmpl-" + uuid.uuid4().hex
        if body.stream:
            include_usage = bool(body.stream_options and body.stream_options.include_usage)
            return await stream_completion(prep, cid, include_usage)
        result = await run_complete("/v1/chat/completions", prep, request)
        if not isinstance(result, tuple):
            return result
        text, usage = result
        payload = {
            "id": cid,
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model_name,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": usage.finish_reason if usage else "stop",
                    "logprobs": None,
                }
            ],
            "usage": _usage_dict(usage),
        }
        return JSONResponse(payload, headers=safety_headers(prep))

    async def stream_completion(prep: _Prepared, cid: str, include_usage: bool) -> Any:
        rid = "req-" + uuid.uuid4().hex[:12]
        log_request("/v1/chat/completions (stream)", rid, prep)
        run: _Run | None = None
        if not prep.skip_model:
            try:
                run = await start(prep)  # before the 200: a full queue is still a 429 / 503
            except Overloaded as exc:
                if not prep.urgent:
                    logger.warning("%s refused with %d: %s", rid, exc.status, exc.message)
                    kind = "rate_limit_error" if exc.status == 429 else "server_overloaded"
                    code = "queue_full" if exc.status == 429 else "queue_timeout"
                    return error(exc.status, exc.message, kind, code, retry_headers)
                prep.urgent = busy_answer(prep, exc)
        stamp = int(time.time())

        def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
            body = {
                "id": cid,
                "object": "chat.completion.chunk",
                "created": stamp,
                "model": model_name,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
            }
            return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

        async def events() -> AsyncIterator[str]:
            try:
                yield chunk({"role": "assistant", "content": ""})
                if prep.urgent:
                    yield chunk({"content": prep.urgent + ("\n\n" if run is not None else "")})
                usage: Usage | None = None
                finish = "stop"
                if run is not None:
                    parts: list[str] = []
                    started = False
                    try:
                        async for piece in run.pieces(deadline()):
                            if isinstance(piece, Usage):
                                usage = piece
                                continue
                            if not started:
                                piece = piece.lstrip()
                                started = bool(piece)
                            if piece:
                                parts.append(piece)
                                yield chunk({"content": piece})
                    except GenerationTimeout:
                        logger.warning("%s stream timed out after %.1f s", rid, limits.request_timeout_s)
                        yield _sse_error(f"generation timed out after {limits.request_timeout_s:g} s", "timeout", 503)
                        yield "data: [DONE]\n\n"
                        return
                    except GenerationFailed as exc:
                        logger.error("%s generation failed: %s", rid, exc)
                        yield _sse_error(
                            "the model failed to generate an answer (see the server log)", "server_error", 500
                        )
                        yield "data: [DONE]\n\n"
                        return
                    answer = "".join(parts)
                    disclaimer = safety.disclaimer_for(prep.user_text, answer.strip(), medical=bool(prep.emergencies))
                    if disclaimer:
                        yield chunk({"content": disclaimer})
                    finish = usage.finish_reason if usage else "stop"
                yield chunk({}, finish)
                if include_usage:
                    tail = {"id": cid, "object": "chat.completion.chunk", "created": stamp, "model": model_name,
                            "choices": [], "usage": _usage_dict(usage)}  # fmt: skip
                    yield f"data: {json.dumps(tail)}\n\n"
                yield "data: [DONE]\n\n"
                logger.info("%s stream done", rid)
            finally:
                if run is not None:
                    run.cancel.set()  # the client went away mid-stream: stop generating

        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **safety_headers(prep)}
        return StreamingResponse(events(), media_type="text/event-stream", headers=headers)

    # The handlers take the request (to see a client that left); FastAPI injects it for this annotation.
    for handler in (chat, chat_completions):
        handler.__annotations__["request"] = fastapi.Request
    app.post("/chat", response_model=ChatResponse)(chat)
    app.post("/v1/chat/completions")(chat_completions)

    app.add_middleware(BodySizeLimit, max_bytes=limits.max_body_bytes)
    if cfg.api_key is not None:  # added last, so it runs first: no body is read for a request without the key
        app.add_middleware(ApiKeyAuth, api_key=cfg.api_key.get_secret_value())
    return app


_EXAMPLES = {
    "/chat": '{"message": "What helps a mild headache?", "max_tokens": 200}',
    "/v1/chat/completions": '{"model": "medtune", "messages": [{"role": "user", "content": "What helps a mild '
    'headache?"}]}',
}


def _usage_dict(usage: Usage | None) -> dict[str, int] | None:
    if usage is None:
        return None
    return {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "total_tokens": usage.prompt_tokens + usage.completion_tokens,
    }


def _sse_error(message: str, kind: str, status: int) -> str:
    body = {"error": {"message": message, "type": kind, "param": None, "code": status}}
    return f"data: {json.dumps(body)}\n\n"
