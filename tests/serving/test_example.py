"""examples/serving_client.py runs against a real server (with a fake model)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "serving_client.py"


def test_serving_client_example(start_server, helpers):
    pytest.importorskip("openai")
    server = start_server(helpers.FakeGenerator("Rest and take ibuprofen."))
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), "--url", server.url, "--message", "my son swallowed bleach"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "server ok: model fake-medical" in out
    assert out.count("This may be an overdose or a poisoning") == 2  # /chat and the stream
    assert "the safety layer saw an emergency: overdose_or_poisoning" in out
    assert out.count("Rest and take ibuprofen.") == 2 and out.count("not a substitute") == 2


def test_serving_client_example_without_a_server():
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), "--url", "http://127.0.0.1:9"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 1 and "no server at http://127.0.0.1:9" in run.stderr
