"""Crash-safe checkpoints: a checkpoint counts only once its commit marker exists.

The trainer writes ``checkpoint-N/`` (adapter, optimizer, scheduler, RNG states, trainer state), flushes every
file to disk, then writes ``medtune-commit.json`` with an atomic rename. A process killed mid-save leaves a
directory without the marker, which :func:`latest_checkpoint` ignores and :func:`discard_incomplete` removes, so
a resume always starts from a complete checkpoint.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from os import PathLike
from pathlib import Path
from typing import Any

from medtune.io.files import atomic_write_text

__all__ = [
    "COMMIT_FILE",
    "atomic_write_text",
    "commit_checkpoint",
    "discard_incomplete",
    "is_committed",
    "latest_checkpoint",
    "list_checkpoints",
]

logger = logging.getLogger("medtune.training")

COMMIT_FILE = "medtune-commit.json"
_CHECKPOINT_RE = re.compile(r"^checkpoint-(\d+)$")


def commit_checkpoint(checkpoint_dir: str | PathLike[str], step: int, extra: dict[str, Any] | None = None) -> Path:
    """Flush every file of a finished checkpoint to disk, then write its commit marker atomically."""
    checkpoint_dir = Path(checkpoint_dir)
    files = []
    for file in sorted(checkpoint_dir.rglob("*")):
        if file.is_file():
            with open(file, "rb") as fh:
                os.fsync(fh.fileno())
            files.append(str(file.relative_to(checkpoint_dir)))
    marker = {"step": step, "time": time.time(), "files": files, **(extra or {})}
    return atomic_write_text(checkpoint_dir / COMMIT_FILE, json.dumps(marker, indent=2))


def is_committed(checkpoint_dir: str | PathLike[str]) -> bool:
    """Whether the checkpoint was completely written (its marker exists and names files that all exist)."""
    marker = Path(checkpoint_dir) / COMMIT_FILE
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return all((Path(checkpoint_dir) / name).is_file() for name in data.get("files", []))


def list_checkpoints(directory: str | PathLike[str]) -> list[tuple[int, Path]]:
    """``(step, path)`` of every ``checkpoint-N`` directory, committed or not, by step."""
    directory = Path(directory)
    if not directory.is_dir():
        return []
    found = []
    for child in directory.iterdir():
        match = _CHECKPOINT_RE.match(child.name)
        if match and child.is_dir():
            found.append((int(match.group(1)), child))
    return sorted(found)


def latest_checkpoint(directory: str | PathLike[str]) -> Path | None:
    """The committed checkpoint with the highest step, or ``None``."""
    for _, path in reversed(list_checkpoints(directory)):
        if is_committed(path):
            return path
    return None


def discard_incomplete(directory: str | PathLike[str]) -> list[Path]:
    """Delete checkpoint directories that were never committed (a crash mid-save); returns them."""
    removed = []
    for _, path in list_checkpoints(directory):
        if not is_committed(path):
            logger.warning("removing incomplete checkpoint %s (the run stopped while writing it)", path)
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed
