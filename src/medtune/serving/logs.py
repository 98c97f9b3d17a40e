"""Logging for the server with personal identifiers removed from every line.

All redaction goes through :func:`redact`, which uses the regex detector of :mod:`medtune.cleaning.pii`. The
filter sits on the ``medtune.serving`` logger (so it works when you run the app in your own server) and on every
handler of the log configuration that ``medtune serve`` gives uvicorn (access and error logs included).
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["SERVER_ONLY", "RedactPIIFilter", "log_config", "redact"]

logger = logging.getLogger("medtune.serving")

#: ``extra=`` for a log call whose arguments hold nothing from a request (the server's own address, its routes,
#: counts): the line is kept as it is. Every other line is redacted.
SERVER_ONLY = {"medtune_server_only": True}


def redact(text: str) -> str:
    """``text`` with each identifier replaced by its type in brackets.

    Example:
        >>> redact("I'm Dr. Alvarez, call 555-123-4567")
        "I'm Dr. [NAME], call [PHONE]"
    """
    from medtune.cleaning.redact import redact_identifiers

    return redact_identifiers(text)


def _without_query(path: str) -> str:
    """An access log's path without its query string, which may carry names and e-mails (``/chat?who=ann@…``).

    >>> _without_query("/v1/models?user=ann@example.com&name=Ann")
    '/v1/models?[QUERY]'
    """
    base, sep, _ = path.partition("?")
    return base + ("?[QUERY]" if sep else "")


def _server_only(record: logging.LogRecord) -> bool:
    """Whether ``record`` holds only the server's own facts: marked :data:`SERVER_ONLY`, or uvicorn's address line.

    ``Uvicorn running on http://127.0.0.1:8000`` names the address the server was configured with, not a client's.
    """
    if getattr(record, "medtune_server_only", False):
        return True
    return record.name.startswith("uvicorn") and str(record.msg).startswith("Uvicorn running on ")


class RedactPIIFilter(logging.Filter):
    """A logging filter that formats each record's message (and traceback) and redacts it."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact ``record`` in place; never drops it."""
        if getattr(record, "_medtune_redacted", False) or _server_only(record):
            return True
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) >= 3:
            record.args = (*record.args[:2], _without_query(str(record.args[2])), *record.args[3:])
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: keep the template only
            message = str(record.msg)
        record.msg, record.args = redact(message), None
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text, record.exc_info = redact(text), None
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        record._medtune_redacted = True
        return True


def install_logger_filter(redact_logs: bool) -> None:
    """Put (or take off) the redaction filter on the ``medtune.serving`` logger."""
    for f in [f for f in logger.filters if isinstance(f, RedactPIIFilter)]:
        logger.removeFilter(f)
    if redact_logs:
        logger.addFilter(RedactPIIFilter())


def log_config(level: str = "info", redact_logs: bool = True) -> dict[str, Any]:
    """A :func:`logging.config.dictConfig` for uvicorn and medtune, with redaction on every handler."""
    filters = ["redact"] if redact_logs else []
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "plain",
        "filters": filters,
        "stream": "ext://sys.stderr",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": RedactPIIFilter}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"default": handler},
        "loggers": {
            name: {"handlers": ["default"], "level": level.upper(), "propagate": False}
            for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "medtune")
        },
    }
