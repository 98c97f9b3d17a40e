from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest

from medtune.cli.main import main
from medtune.testing import heavy_modules_imported


def test_print_config_merges_flags_over_yaml(tmp_path, capsys):
    cfg = tmp_path / "serve.yaml"
    cfg.write_text("limits:\n  queue_size: 2\n  max_concurrency: 2\n", encoding="utf-8")
    code = main(
        ["serve", "./model", "--config", str(cfg), "--queue-size", "5", "--no-safety", "--print-config", "--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["model"] == "./model" and out["host"] == "127.0.0.1"
    assert out["limits"]["queue_size"] == 5 and out["limits"]["max_concurrency"] == 2
    assert out["limits"]["max_batch"] is None  # the device's default
    assert main(["serve", "./model", "--max-batch", "1", "--print-config", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["limits"]["max_batch"] == 1
    assert out["safety"]["enabled"] is False


def test_bad_values_are_clear_errors(capsys, tmp_path):
    assert main(["serve", "m", "--max-concurrency", "0", "--print-config"]) == 2
    assert "limits.max_concurrency: Input should be greater than or equal to 1 (got 0)" in capsys.readouterr().err
    assert main(["serve", "--print-config", "--config", str(tmp_path / "none.yaml")]) == 2
    assert "no such serve config file" in capsys.readouterr().err
    assert main(["serve"]) == 2
    assert "no model to serve" in capsys.readouterr().err


def test_building_the_parser_imports_no_server_library():
    assert heavy_modules_imported("import medtune.cli.main as m; m.build_parser()", ("fastapi", "uvicorn")) == []
    assert heavy_modules_imported("import medtune.serving", ("fastapi", "uvicorn", "torch", "transformers")) == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_medtune_serve_end_to_end(tiny, tmp_path):
    """The real command, as a user runs it: `medtune serve ADAPTER_DIR`, then /health, /chat and a bad request."""
    port = _free_port()
    cmd = [sys.executable, "-m", "medtune.cli.main", "serve", tiny["adapter"], "--port", str(port), "--device", "cpu"]
    cmd += ["--max-tokens-cap", "4", "--log-level", "info"]
    log = tmp_path / "server.log"
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert proc.poll() is None, log.read_text()
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.25)
        else:
            pytest.fail("server did not start:\n" + log.read_text())
        r = httpx.post(
            f"{url}/chat", json={"message": "My name is Ann Lee, call 555-123-4567. fever?", "max_tokens": 50}
        )
        assert r.status_code == 200 and "not a substitute" in r.json()["response"]
        assert httpx.post(f"{url}/chat", content=b"{", headers={"content-type": "application/json"}).status_code == 422
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    text = log.read_text()
    assert "/chat" in text and "555-123-4567" not in text and "Ann Lee" not in text
