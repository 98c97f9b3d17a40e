"""An optional API key in front of every endpoint but ``/health``.

Clients send ``Authorization: Bearer KEY`` (what the official ``openai`` client sends for ``api_key=``) or
``X-API-Key: KEY``. The key is compared in constant time (:func:`hmac.compare_digest`); a missing or wrong key gets
401 with the JSON error shape of every other error and ``WWW-Authenticate: Bearer``.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from medtune.serving.limits import error_body

__all__ = ["OPEN_PATHS", "ApiKeyAuth"]

#: Paths that answer without a key: a load balancer's health probe has no key.
OPEN_PATHS = frozenset({"/health"})


def _presented(headers: dict[bytes, bytes]) -> bytes | None:
    auth = headers.get(b"authorization")
    if auth is not None:
        scheme, _, token = auth.partition(b" ")
        return token.strip() if scheme.lower() == b"bearer" else None
    return headers.get(b"x-api-key")


class ApiKeyAuth:
    """ASGI middleware that answers 401 unless the request carries the API key.

    Args:
        app: The wrapped ASGI app.
        api_key: The key clients must send.
    """

    def __init__(self, app: Any, api_key: str) -> None:
        self.app = app
        self._key = api_key.encode()

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        """Check the key, then call the app."""
        if scope["type"] != "http" or scope.get("path") in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        presented = _presented(dict(scope.get("headers") or []))
        if presented is not None and hmac.compare_digest(presented, self._key):
            await self.app(scope, receive, send)
            return
        reason = "no API key was sent" if presented is None else "the API key is wrong"
        message = (
            f"unauthorized: {reason}. Fix: send the header 'Authorization: Bearer KEY' (the openai client's "
            "api_key=KEY) or 'X-API-Key: KEY', with the key the server was started with."
        )
        body = json.dumps(error_body(401, message, "authentication_error", "invalid_api_key")).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"www-authenticate", b"Bearer"),
        ]
        await send({"type": "http.response.start", "status": 401, "headers": headers})
        await send({"type": "http.response.body", "body": body})
