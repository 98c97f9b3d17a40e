"""``medtune serve --upstream``: the server's tests against a fake OpenAI-compatible upstream (httpx mock transport).

The fake upstream runs the suite's FakeGenerator and answers as vLLM, llama-server and Ollama do: server-sent events
with ``choices[0].delta.content`` pieces, a ``finish_reason`` and a final ``usage`` event.
"""

from __future__ import annotations

import json
import threading

import httpx
import pytest

from medtune.serving import GenerationParams, Usage
from medtune.serving.config import ServeConfig
from medtune.serving.upstream import UpstreamConfig, UpstreamError, UpstreamGenerator

CHEST = "I have crushing chest pain and I can't breathe"


class FakeUpstream:
    """An OpenAI ``/chat/completions`` endpoint in front of a generator; records the request bodies."""

    def __init__(self, generator, status: int = 200):
        self.generator, self.status, self.bodies, self.headers = generator, status, [], []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.bodies.append(body)
        self.headers.append(dict(request.headers))
        if self.status != 200:
            return httpx.Response(self.status, json={"error": {"message": "model not loaded"}})
        params = GenerationParams(max_tokens=body["max_tokens"], temperature=body["temperature"], top_p=body["top_p"])
        events = []
        for item in self.generator.generate(body["messages"], params, threading.Event()):
            if isinstance(item, Usage):
                done = {"choices": [{"index": 0, "delta": {}, "finish_reason": item.finish_reason}]}
                usage = {"prompt_tokens": item.prompt_tokens, "completion_tokens": item.completion_tokens}
                events += [done, {"choices": [], "usage": usage}]
            else:
                events.append({"choices": [{"index": 0, "delta": {"content": item}, "finish_reason": None}]})
        text = "".join(f"data: {json.dumps(e)}\n\n" for e in events) + "data: [DONE]\n\n"
        return httpx.Response(200, text=text, headers={"content-type": "text/event-stream"})


def upstream_generator(fake, **config):
    cfg = UpstreamConfig(url="http://upstream.test/v1", model="served-model", **config)
    return UpstreamGenerator(cfg, client=httpx.Client(transport=httpx.MockTransport(fake)))


def test_the_generator_streams_the_upstream_answer_and_its_usage(helpers):
    fake = FakeUpstream(helpers.FakeGenerator("Rest and fluids."))
    gen = upstream_generator(fake, api_key="k" * 20)
    messages = [{"role": "system", "content": "Be careful."}, {"role": "user", "content": "hi"}]
    out = list(gen.generate(messages, GenerationParams(max_tokens=5, temperature=0.0, seed=3), threading.Event()))
    assert "".join(p for p in out if isinstance(p, str)) == "Rest and fluids."
    assert out[-1] == Usage(7, 3, "stop")
    body = fake.bodies[0]
    assert body["messages"] == messages and body["model"] == "served-model" and body["stream"] is True
    assert (body["max_tokens"], body["temperature"], body["seed"]) == (5, 0.0, 3)
    assert fake.headers[0]["authorization"] == "Bearer " + "k" * 20
    cancel = threading.Event()
    cancel.set()
    assert list(gen.generate(messages, GenerationParams(max_tokens=5), cancel)) == []


def test_upstream_errors_are_named(helpers):
    gen = upstream_generator(FakeUpstream(helpers.FakeGenerator(), status=503))
    with pytest.raises(UpstreamError, match="answered 503: .*model not loaded"):
        list(gen.generate([{"role": "user", "content": "hi"}], GenerationParams(max_tokens=3), threading.Event()))

    def refuse(request):
        raise httpx.ConnectError("connection refused", request=request)

    down = UpstreamGenerator(
        UpstreamConfig(url="http://127.0.0.1:9/v1"), client=httpx.Client(transport=httpx.MockTransport(refuse))
    )
    with pytest.raises(UpstreamError, match="could not be reached: ConnectError"):
        list(down.generate([{"role": "user", "content": "hi"}], GenerationParams(max_tokens=3), threading.Event()))


def test_the_server_keeps_its_safety_layer_and_limits_in_front_of_the_upstream(start_server, helpers):
    fake = FakeUpstream(helpers.FakeGenerator())
    server = start_server(upstream_generator(fake), helpers.config(limits={"max_tokens_cap": 3}))
    r = httpx.post(f"{server.url}/chat", json={"message": CHEST, "max_tokens": 50})
    assert r.status_code == 200 and r.json()["response"].startswith("⚠️ This may be a medical emergency.")
    assert fake.bodies[-1]["max_tokens"] == 3  # the cap applies before the upstream
    assert fake.bodies[-1]["messages"][0]["role"] == "system"  # the serving system prompt reaches the upstream
    stream = httpx.post(
        f"{server.url}/v1/chat/completions",
        json={"model": "x", "messages": [{"role": "user", "content": "What helps a mild headache?"}], "stream": True},
    )
    pieces = [
        json.loads(line[6:])["choices"][0]["delta"].get("content", "")
        for line in stream.text.splitlines()
        if line.startswith("data: {") and json.loads(line[6:]).get("choices")
    ]
    assert "".join(pieces).startswith("Rest, drink") and "not a substitute for professional medical advice" in "".join(
        pieces
    )
    broken = start_server(upstream_generator(FakeUpstream(helpers.FakeGenerator(), status=500)))
    r = httpx.post(f"{broken.url}/chat", json={"message": "hi"})
    assert r.status_code == 500 and "Traceback" not in r.text and r.json()["error"]


def test_upstream_config_and_flags():
    with pytest.raises(Exception, match="model and upstream are both set"):
        ServeConfig.model_validate({"model": "embedded", "upstream": {"url": "http://a/v1"}})
    with pytest.raises(Exception, match="upstream.url"):
        ServeConfig.model_validate({"upstream": {"url": "not a url"}})
    cfg = ServeConfig.model_validate({"upstream": {"url": "http://127.0.0.1:8080/v1", "model": "smol"}})
    assert cfg.served_name() == "smol"


def test_cli_print_config_with_upstream(capsys, monkeypatch):
    from medtune.cli.main import main

    monkeypatch.setenv("MEDTUNE_UPSTREAM_API_KEY", "u" * 20)
    argv = ["serve", "--upstream", "http://127.0.0.1:8080/v1", "--upstream-model", "smol", "--print-config", "--json"]
    assert main(argv) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["upstream"]["url"] == "http://127.0.0.1:8080/v1" and printed["upstream"]["model"] == "smol"
    assert "u" * 20 not in json.dumps(printed)  # the key is never printed
