"""JSON Lines output, written atomically."""

from __future__ import annotations

import json
from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import Any

from medtune.io.files import atomic_output

__all__ = ["write_jsonl"]


def write_jsonl(path: str | PathLike[str], rows: Iterable[dict[str, Any]]) -> Path:
    """Write ``rows`` as JSON Lines, atomically: a reader sees the old file or the whole new one, never a part.

    Args:
        path: The output file.
        rows: JSON-serialisable objects, one per line.

    Returns:
        ``path`` as a :class:`~pathlib.Path`.

    Example:
        >>> import json, tempfile
        >>> from pathlib import Path
        >>> out = write_jsonl(Path(tempfile.mkdtemp()) / "rows.jsonl", [{"a": 1}, {"b": "é"}])
        >>> [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        [{'a': 1}, {'b': 'é'}]
    """
    path = Path(path)
    with atomic_output(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
