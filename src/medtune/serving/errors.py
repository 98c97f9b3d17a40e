"""The one mapping from an exception to the server's error answer: a JSON response, or an SSE error event.

Every route raises (a :class:`ClientError`, :class:`~medtune.serving.limits.Overloaded`,
:class:`GenerationTimeout`, :class:`GenerationFailed`) and FastAPI raises its own (a validation error, an HTTP
exception); the handlers from :func:`exception_handlers` turn each into the JSON error shape of every error answer
(:func:`~medtune.serving.limits.error_body`) with :func:`error_response`. A stream that has already started ends
with :func:`sse_error` instead. :func:`describe` is the single table behind both.

fastapi and starlette are imported inside the functions that need them, so importing this module stays cheap.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from medtune.serving.limits import Overloaded, error_body

__all__ = [
    "ENDPOINTS",
    "ApiError",
    "ClientError",
    "GenerationFailed",
    "GenerationTimeout",
    "describe",
    "error_response",
    "exception_handlers",
    "sse_error",
]

#: The endpoints, for the message of a 404.
ENDPOINTS = "POST /chat, POST /v1/chat/completions, GET /v1/models, GET /health"

#: A valid body for each endpoint that takes one, for the message of a 422.
EXAMPLES = {
    "/chat": '{"message": "What helps a mild headache?", "max_tokens": 200}',
    "/v1/chat/completions": '{"model": "medtune", "messages": [{"role": "user", "content": "What helps a mild '
    'headache?"}]}',
}

_FAILED = "the model failed to generate an answer (see the server log)"


class ClientError(Exception):
    """A request the schema accepts but the limits do not (too many messages, too long an input): 422.

    Args:
        message: What is wrong, and the fix.
        param: The request field at fault.
    """

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param


class GenerationTimeout(Exception):
    """A generation ran past ``limits.request_timeout_s``: 503 with ``Retry-After``.

    Args:
        timeout_s: The limit it ran past.
    """

    def __init__(self, timeout_s: float) -> None:
        super().__init__(f"generation timed out after {timeout_s:g} s")
        self.timeout_s = timeout_s


class GenerationFailed(Exception):
    """The generator raised: 500 (the cause goes to the server log, never to the client)."""


@dataclass(frozen=True)
class ApiError:
    """An error answer, before it becomes a JSON response or an SSE event.

    Attributes:
        status: The HTTP status (the ``code`` of the SSE form).
        message: What went wrong, and the fix.
        kind: OpenAI's error ``type``.
        code: The JSON error's ``code``.
        retry: Send ``Retry-After``: the server is busy, the same request may succeed later.
        headers: More response headers (``Allow`` of a 405).
        detail: The body's ``detail`` in place of the message (the validation errors of a 422).
        brief: The message of the SSE form, where it is shorter than ``message``.
    """

    status: int
    message: str
    kind: str
    code: str
    retry: bool = False
    headers: dict[str, str] | None = None
    detail: Any = None
    brief: str | None = None


def describe(exc: BaseException, request: Any = None) -> ApiError:
    """The error answer for ``exc``: the single table of status, message, type and code.

    Args:
        exc: A :class:`ClientError`, :class:`~medtune.serving.limits.Overloaded`, :class:`GenerationTimeout`,
            :class:`GenerationFailed`, FastAPI's ``RequestValidationError`` or starlette's ``HTTPException``;
            anything else is a plain 500.
        request: The request (its method and path go into some messages); optional.

    Returns:
        The :class:`ApiError`.
    """
    if isinstance(exc, ClientError):
        return ApiError(422, exc.message, "invalid_request_error", "invalid_request")
    if isinstance(exc, Overloaded):
        full = exc.status == 429
        kind, code = ("rate_limit_error", "queue_full") if full else ("server_overloaded", "queue_timeout")
        return ApiError(exc.status, exc.message, kind, code, retry=True)
    if isinstance(exc, GenerationTimeout):
        fix = "Fix: ask for fewer max_tokens, retry later, or raise limits.request_timeout_s."
        return ApiError(503, f"{exc}. {fix}", "timeout", "generation_timeout", retry=True, brief=str(exc))
    if isinstance(exc, GenerationFailed):
        return ApiError(500, _FAILED + ".", "server_error", "generation_failed", brief=_FAILED)
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    method, path = (request.method, request.url.path) if request is not None else ("", "")
    if isinstance(exc, RequestValidationError):
        return _invalid(exc, path)
    if isinstance(exc, HTTPException):
        return _http(exc, method, path)
    return ApiError(500, "internal server error (see the server log).", "server_error", "internal_error")


def error_response(exc: BaseException, request: Any = None, *, retry_after_s: int | None = None) -> Any:
    """``exc`` as a JSON error response (see :func:`describe`).

    Args:
        exc: The exception.
        request: The request, for the messages that name its method and path.
        retry_after_s: The ``Retry-After`` of a busy answer (429, 503); ``None`` sends none.

    Returns:
        A :class:`starlette.responses.JSONResponse`.
    """
    from starlette.responses import JSONResponse

    api = describe(exc, request)
    body = error_body(api.status, api.message, api.kind, api.code)
    if api.detail is not None:
        body["detail"] = api.detail
    headers = dict(api.headers or {})
    if api.retry and retry_after_s is not None:
        headers["Retry-After"] = str(retry_after_s)
    return JSONResponse(body, status_code=api.status, headers=headers or None)


def sse_error(exc: BaseException) -> str:
    """``exc`` as the error event that ends a stream already answered with 200 (the openai client raises it).

    Args:
        exc: The exception (:class:`GenerationTimeout` or :class:`GenerationFailed` in practice).

    Returns:
        One ``data: {"error": {...}}`` event, whose ``code`` is the HTTP status the request would have had.
    """
    api = describe(exc)
    body = {"error": {"message": api.brief or api.message, "type": api.kind, "param": None, "code": api.status}}
    return f"data: {json.dumps(body)}\n\n"


Handler = Callable[[Any, Exception], Awaitable[Any]]


def exception_handlers(retry_after_s: int) -> dict[type[Exception], Handler]:
    """The app's exception handlers: every exception :func:`describe` knows, answered by :func:`error_response`.

    Args:
        retry_after_s: ``limits.retry_after_s``, sent as ``Retry-After`` with 429 and 503.

    Returns:
        ``{exception class: handler}``, for ``FastAPI(exception_handlers=...)``.
    """
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    async def handle(request: Any, exc: Exception) -> Any:
        return error_response(exc, request, retry_after_s=retry_after_s)

    handled = (RequestValidationError, HTTPException, ClientError, Overloaded, GenerationTimeout, GenerationFailed)
    return dict.fromkeys(handled, handle)


def _invalid(exc: Any, path: str) -> ApiError:
    """A request FastAPI could not validate: 422, every problem in one message and the details in ``detail``."""
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
    example = EXAMPLES.get(path, "")
    message = "invalid request: " + "; ".join(problems) + (f". Fix: send a JSON body like {example}" if example else "")
    return ApiError(422, message, "invalid_request_error", code, detail=details)


def _http(exc: Any, method: str, path: str) -> ApiError:
    """An HTTP exception (404, 405, ...), or FastAPI's 400 for a body json cannot parse, which is a 422."""
    if exc.status_code == 400 and str(exc.detail).startswith("There was an error parsing the body"):
        # FastAPI's 400 for a body json.loads cannot take (not UTF-8, nested too deeply, a huge number): 422
        example = EXAMPLES.get(path, "")
        message = (
            "invalid request: the request body could not be read as JSON (not UTF-8, nested too deeply or "
            "a number with too many digits)" + (f". Fix: send a UTF-8 JSON body like {example}" if example else "")
        )
        return ApiError(422, message, "invalid_request_error", "invalid_json")
    message = f"{exc.detail}: {method} {path}"
    if exc.status_code == 404:
        message += f". Endpoints: {ENDPOINTS}"
    headers = getattr(exc, "headers", None)
    return ApiError(exc.status_code, message, "invalid_request_error", str(exc.status_code), headers=headers)
