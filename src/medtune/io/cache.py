"""JSONL caches of model outputs (generations, option log-likelihoods), keyed by what produced each row."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_key", "read_cache"]

logger = logging.getLogger(__name__)


def cache_key(**parts: Any) -> str:
    """A stable key for a cached row: a hash of ``parts`` (model, settings, prompt…) as sorted JSON.

    Example:
        >>> cache_key(model="m", prompt="p") == cache_key(prompt="p", model="m")
        True
    """
    blob = json.dumps(parts, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


def read_cache(path: Path, is_row: Callable[[dict[str, Any]], bool]) -> dict[str, dict[str, Any]]:
    """The rows of a JSONL cache by key; unreadable lines (an interrupted write) are skipped with a warning.

    Args:
        path: The cache file; a missing file is an empty cache.
        is_row: Whether a parsed line is a complete row of this cache (it must also have a ``key``).
    """
    rows: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return rows
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            logger.warning("%s:%d: unreadable cache line skipped (an interrupted write?)", path, line_no)
            continue
        if isinstance(row, dict) and "key" in row and is_row(row):
            rows[row["key"]] = row
    return rows
