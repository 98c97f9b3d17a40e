"""Running the app with uvicorn.

:func:`serve` blocks (``medtune serve`` calls it); :class:`BackgroundServer` runs a server in a thread, for
notebooks and tests.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from typing import Any

from medtune._extras import require
from medtune.errors import MedtuneError
from medtune.serving.config import ServeConfig
from medtune.serving.generator import Generator
from medtune.serving.logs import SERVER_ONLY, log_config

__all__ = ["BackgroundServer", "is_loopback", "serve"]

logger = logging.getLogger("medtune.serving")


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine.

    Example:
        >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
        (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _uvicorn_config(app: Any, config: ServeConfig, *, log: bool) -> Any:
    uvicorn = require("uvicorn", "serve", "medtune serve")
    return uvicorn.Config(
        app,
        host=config.host,
        port=config.port,
        log_level=config.log_level,
        log_config=log_config(config.log_level, config.safety.redact_logs) if log else None,
        # No connection cap in uvicorn: beyond one it answered a plain-text 503 to everyone, emergencies included.
        # Overload is the app's to answer (JSON 429/503 with Retry-After; an emergency still gets its message),
        # and a refusal is cheap, so a burst drains fast. The listen backlog holds the connections not yet accepted.
        limit_concurrency=None,
        backlog=4096,
        timeout_keep_alive=5,
        server_header=False,
    )


def serve(config: ServeConfig, generator: Generator | None = None) -> None:
    """Load the model (unless ``generator`` is given) and serve until interrupted.

    Args:
        config: The serve config; ``config.model`` is loaded when ``generator`` is ``None``, behind continuous
            batching (:func:`~medtune.serving.batching.load_generator`).
        generator: A ready generator (skips loading).
    """
    uvicorn = require("uvicorn", "serve", "medtune serve")
    from medtune.serving.app import create_app

    if generator is None and config.upstream is not None:
        from medtune.serving.upstream import UpstreamGenerator

        generator = UpstreamGenerator(config.upstream, config.served_name())
    if generator is None:
        from medtune.serving.batching import load_generator

        if not config.model:
            raise MedtuneError("no model to serve. Fix: `medtune serve MODEL` (a model folder, or 'embedded').")
        generator = load_generator(config)  # continuous batching unless limits.max_batch is 1
    if not is_loopback(config.host) and config.api_key is None:
        logger.warning(
            "listening on %s: the server is reachable from other machines and needs no API key. "
            "Set MEDTUNE_API_KEY (or --api-key), put it behind an authenticating proxy, or use --host 127.0.0.1.",
            config.host,
            extra=SERVER_ONLY,  # the server's own address, not a client's: not redacted
        )
    app = create_app(config, generator)
    uvicorn.Server(_uvicorn_config(app, config, log=True)).run()


class BackgroundServer:
    """A uvicorn server for ``app`` in a daemon thread, on 127.0.0.1 and a free port by default.

    Example:
        .. code-block:: python

            with BackgroundServer(create_app(config, generator)) as server:
                httpx.post(server.url + "/chat", json={"message": "hi", "max_tokens": 20})

    Args:
        app: An ASGI app (see :func:`~medtune.serving.app.create_app`).
        host: Interface to bind.
        port: TCP port; 0 picks a free one (read it from :attr:`port` after start).
        log_level: uvicorn's log level.
        startup_timeout_s: How long :meth:`start` waits for the socket.
    """

    def __init__(
        self,
        app: Any,
        host: str = "127.0.0.1",
        port: int = 0,
        log_level: str = "warning",
        startup_timeout_s: float = 20.0,
    ) -> None:
        self.app = app
        self.host = host
        self.port = port
        self.log_level = log_level
        self.startup_timeout_s = startup_timeout_s
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://host:port``."""
        return f"http://{self.host}:{self.port}"

    def start(self) -> BackgroundServer:
        """Start serving; returns when the socket accepts connections."""
        cfg = ServeConfig(host=self.host, port=self.port, log_level=self.log_level)  # type: ignore[arg-type]
        self._server = require("uvicorn", "serve", "medtune serve").Server(_uvicorn_config(self.app, cfg, log=False))
        self._thread = threading.Thread(target=self._server.run, name="medtune-uvicorn", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + self.startup_timeout_s
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise MedtuneError(f"the server on {self.host}:{self.port} did not start. Fix: check the log above.")
            time.sleep(0.02)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self, timeout_s: float = 10.0) -> None:
        """Ask the server to exit and wait for its thread."""
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout_s)
            if self._thread.is_alive() and self._server is not None:
                self._server.force_exit = True
                self._thread.join(timeout_s)
        self._thread = None

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
