"""Request limits: a body-size guard (413) and bounded concurrency with a queue (429 when full, 503 on wait timeout)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["BodySizeLimit", "ConcurrencyLimiter", "Overloaded"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def error_body(status: int, message: str, kind: str, code: str) -> dict[str, Any]:
    """The JSON error shape of every error response (OpenAI's, plus FastAPI's ``detail``)."""
    return {"error": {"message": message, "type": kind, "param": None, "code": code}, "detail": message}


class BodySizeLimit:
    """ASGI middleware that answers 413 to a request body over ``max_bytes``, before the app parses it.

    A declared ``Content-Length`` over the limit is refused at once; a chunked body is counted as it arrives.

    Args:
        app: The wrapped ASGI app.
        max_bytes: Largest accepted body.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Send, detail: str) -> None:
        message = (
            f"request body too large: {detail}; the limit is {self.max_bytes} bytes. "
            "Fix: send a shorter message, or raise limits.max_body_bytes in the serve config."
        )
        body = json.dumps(error_body(413, message, "invalid_request_error", "body_too_large")).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 413, "headers": [*headers, (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Check the body, then call the app with the body replayed."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size > self.max_bytes:
                await self._refuse(send, f"Content-Length is {size} bytes")
                return
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            total += len(chunk)
            if total > self.max_bytes:
                await self._refuse(send, f"more than {self.max_bytes} bytes received")
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()  # after the body: wait for the disconnect, as the app expects

        await self.app(scope, replay, send)


class Overloaded(Exception):
    """No generation slot: the queue is full (429) or the wait timed out (503)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class ConcurrencyLimiter:
    """At most ``max_concurrency`` holders; at most ``queue_size`` waiters, each for at most ``queue_timeout_s``.

    Must be used from one event loop. :meth:`release` must be called once per successful :meth:`acquire`.

    Args:
        max_concurrency: Slots.
        queue_size: Waiters allowed when every slot is taken (0: refuse at once).
        queue_timeout_s: Longest wait for a slot.
        setting: The config key of the slots, named in the refusals' fix.
    """

    def __init__(
        self, max_concurrency: int, queue_size: int, queue_timeout_s: float, setting: str = "limits.max_concurrency"
    ) -> None:
        self.max_concurrency = max_concurrency
        self.setting = setting
        self.queue_size = queue_size
        self.queue_timeout_s = queue_timeout_s
        self.active = 0
        self._waiters: list[asyncio.Future[None]] = []

    @property
    def waiting(self) -> int:
        """Requests waiting for a slot."""
        return len(self._waiters)

    async def acquire(self) -> None:
        """Take a slot, waiting in the queue if needed.

        Raises:
            Overloaded: 429 when the queue is full, 503 when the wait times out.
        """
        if self.active < self.max_concurrency and not self._waiters:
            self.active += 1
            return
        if len(self._waiters) >= self.queue_size:
            raise Overloaded(
                429,
                f"server busy: {self.active} request(s) running and the queue of {self.queue_size} is full. "
                f"Fix: retry after the Retry-After delay, or raise limits.queue_size / {self.setting}.",
            )
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter), self.queue_timeout_s)
        except asyncio.TimeoutError:
            if waiter.done() and not waiter.cancelled():  # the slot arrived as the wait timed out: keep it
                return
            waiter.cancel()
            raise Overloaded(
                503,
                f"server overloaded: no generation slot became free within {self.queue_timeout_s:g} s. "
                f"Fix: retry later, or raise limits.queue_timeout_s / {self.setting}.",
            ) from None
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self.release()  # handed a slot while being cancelled: pass it on
            else:
                waiter.cancel()
            raise
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def release(self) -> None:
        """Give a slot back, to the first waiter if there is one."""
        while self._waiters:
            waiter = self._waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)  # the slot passes on: active is unchanged
                return
        self.active -= 1
