"""Shared fixtures. medtune.testing's fixtures (medtune_plugin_manager…) come from its pytest11 entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOOD = [
    {"instruction": "Answer as a doctor.", "input": "I have a headache.", "output": "Rest and hydrate.", "id": "a"},
    {"instruction": "Answer as a doctor.", "input": "I feel dizzy.", "output": "Stand up slowly.", "id": "b"},
    {"instruction": "Answer as a doctor.", "input": "My knee hurts.", "output": "Ice it.", "id": "c"},
]


@pytest.fixture
def good_records() -> list[dict]:
    return [dict(r) for r in GOOD]


@pytest.fixture
def write_jsonl(tmp_path: Path):
    def write(rows: list, name: str = "data.jsonl") -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return path

    return write
