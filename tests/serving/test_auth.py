"""The optional API key and the docs switch (medtune.serving.auth, ServeConfig.api_key / docs)."""

from __future__ import annotations

import json

import httpx
import pytest

from medtune.cli.main import main

KEY = "k3y-for-tests-0123456789"
BODY = {"messages": [{"role": "user", "content": "How do I treat a cold?"}], "max_tokens": 3}


def test_every_endpoint_but_health_needs_the_key(start_server, helpers):
    server = start_server(helpers.FakeGenerator(), helpers.config(api_key=KEY))
    url = f"{server.url}/v1/chat/completions"
    for headers in ({}, {"Authorization": "Bearer wrong-key-0123456789"}, {"Authorization": f"Basic {KEY}"}):
        r = httpx.post(url, json=BODY, headers=headers)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        err = r.json()["error"]
        assert err["code"] == "invalid_api_key" and "Fix:" in err["message"] and KEY not in r.text
    assert httpx.get(f"{server.url}/v1/models").status_code == 401
    assert httpx.post(url, json=BODY, headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert httpx.post(f"{server.url}/chat", json={"message": "hi"}, headers={"X-API-Key": KEY}).status_code == 200
    assert httpx.get(f"{server.url}/health").status_code == 200  # probes carry no key


def test_the_openai_client_sends_the_key(start_server, helpers):
    openai = pytest.importorskip("openai")
    server = start_server(helpers.FakeGenerator(), helpers.config(api_key=KEY))
    good = openai.OpenAI(base_url=f"{server.url}/v1", api_key=KEY, max_retries=0, timeout=20)
    assert good.chat.completions.create(model="m", **BODY).choices[0].message.content
    bad = openai.OpenAI(base_url=f"{server.url}/v1", api_key="nope", max_retries=0, timeout=20)
    with pytest.raises(openai.AuthenticationError):
        bad.chat.completions.create(model="m", **BODY)


def test_the_docs_can_be_closed(start_server, helpers):
    open_server = start_server(helpers.FakeGenerator())
    assert httpx.get(f"{open_server.url}/openapi.json").status_code == 200
    closed = start_server(helpers.FakeGenerator(), helpers.config(docs=False))
    for path in ("/docs", "/redoc", "/openapi.json"):
        assert httpx.get(f"{closed.url}{path}").status_code == 404
    assert httpx.get(f"{closed.url}/health").status_code == 200


def test_a_short_key_is_refused_and_the_key_is_never_printed(capsys, monkeypatch):
    from medtune.serving.config import ServeConfig

    with pytest.raises(ValueError, match="at least 16 characters"):
        ServeConfig(api_key="short")
    monkeypatch.setenv("MEDTUNE_API_KEY", KEY)
    assert main(["serve", "embedded", "--print-config", "--json", "--no-docs"]) == 0
    out = capsys.readouterr().out
    assert KEY not in out
    cfg = json.loads(out)
    assert cfg["api_key"] == "**********" and cfg["docs"] is False
