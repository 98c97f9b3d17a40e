"""Against a real uvicorn on 127.0.0.1: the openai client, the recipe's /chat client, and every limit."""

from __future__ import annotations

import concurrent.futures
import json
import socket
import time

import httpx
import pytest

CHEST = "I have crushing chest pain and I can't breathe"


# --- the reference recipe's /chat client -----------------------------------------------------------------------


def test_recipe_chat_client(start_server, helpers):
    gen = helpers.FakeGenerator()
    server = start_server(gen)
    # The recipe's Query model: {"message": str, "max_tokens": int = 256} -> {"response": str}
    r = httpx.post(f"{server.url}/chat", json={"message": "What helps a mild headache?", "max_tokens": 256})
    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"response"}
    assert body["response"].startswith("Rest, drink fluids and take paracetamol if needed.")
    assert "not a substitute for professional medical advice" in body["response"]  # disclaimer on medical advice
    # max_tokens is optional, as in the recipe, and reaches the generator
    r = httpx.post(f"{server.url}/chat", json={"message": "Hello there", "max_tokens": 2})
    assert r.json()["response"].startswith("Rest, drink")
    assert gen.calls[-1][1].max_tokens == 2
    assert httpx.post(f"{server.url}/chat", json={"message": "hi"}).status_code == 200
    assert gen.calls[-1][1].max_tokens == 256  # limits.default_max_tokens
    assert gen.calls[-1][1].temperature == 0.7  # the recipe's sampling by default
    httpx.post(f"{server.url}/chat", json={"message": "hi", "temperature": 0})
    assert gen.calls[-1][1].temperature == 0


def test_chat_emergency_message_comes_first(start_server, helpers):
    server = start_server(helpers.FakeGenerator())
    r = httpx.post(f"{server.url}/chat", json={"message": CHEST, "max_tokens": 50})
    text = r.json()["response"]
    assert text.startswith("⚠️ This may be a medical emergency.")
    assert text.index("heart attack") < text.index("Rest, drink fluids")
    assert r.headers["x-medtune-emergency"] == "chest_pain,breathing_or_unresponsive"
    calm = httpx.post(f"{server.url}/chat", json={"message": "I had chest pain after a workout yesterday, now fine"})
    assert "emergency" not in calm.json()["response"] and "x-medtune-emergency" not in calm.headers


def test_max_tokens_is_capped(start_server, helpers):
    gen = helpers.FakeGenerator()
    server = start_server(gen, helpers.config(limits={"max_tokens_cap": 3, "default_max_tokens": 2}))
    httpx.post(f"{server.url}/chat", json={"message": "hi", "max_tokens": 100000})
    assert gen.calls[-1][1].max_tokens == 3


def test_safety_can_be_turned_off_and_replace_mode(start_server, helpers):
    gen = helpers.FakeGenerator()
    off = start_server(gen, helpers.config(safety={"enabled": False}))
    text = httpx.post(f"{off.url}/chat", json={"message": CHEST}).json()["response"]
    assert text == "Rest, drink fluids and take paracetamol if needed."
    gen2 = helpers.FakeGenerator()
    replace = start_server(gen2, helpers.config(safety={"emergency_action": "replace"}))
    text = httpx.post(f"{replace.url}/chat", json={"message": CHEST}).json()["response"]
    assert text.startswith("⚠️") and "Rest" not in text and gen2.calls == []


# --- the official openai client --------------------------------------------------------------------------------


@pytest.fixture
def openai_client():
    openai = pytest.importorskip("openai")

    def make(server):
        return openai.OpenAI(base_url=f"{server.url}/v1", api_key="not-needed", max_retries=0, timeout=20)

    return make


def test_openai_client_completion_and_models(start_server, helpers, openai_client):
    gen = helpers.FakeGenerator()
    server = start_server(gen)
    client = openai_client(server)
    models = client.models.list()
    assert [m.id for m in models.data] == ["fake-medical"]
    out = client.chat.completions.create(
        model="fake-medical",
        messages=[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "How do I treat a cold?"}],
        max_tokens=4,
        temperature=0,
    )
    assert out.object == "chat.completion" and out.model == "fake-medical"
    choice = out.choices[0]
    assert choice.message.role == "assistant"
    assert choice.message.content.startswith("Rest, drink fluids and")
    assert choice.finish_reason == "length"
    assert out.usage.completion_tokens == 4 and out.usage.total_tokens == 11
    messages, params = gen.calls[-1]
    assert messages[0] == {"role": "system", "content": "Be brief."} and params.temperature == 0
    # without a system message the configured system prompt is added
    client.chat.completions.create(model="x", messages=[{"role": "user", "content": "hi"}])
    assert gen.calls[-1][0][0]["role"] == "system"


def test_openai_client_streaming(start_server, helpers, openai_client):
    server = start_server(helpers.FakeGenerator())
    client = openai_client(server)
    stream = client.chat.completions.create(
        model="fake-medical",
        messages=[{"role": "user", "content": "What is a good dose of ibuprofen?"}],
        stream=True,
        stream_options={"include_usage": True},
    )
    deltas, finishes, usage = [], [], None
    for chunk in stream:
        if chunk.usage is not None:
            usage = chunk.usage
        for choice in chunk.choices:
            deltas.append(choice.delta.content or "")
            finishes.append(choice.finish_reason)
    text = "".join(deltas)
    assert text.startswith("Rest, drink fluids and take paracetamol if needed.")
    assert text.endswith("Please consult a qualified healthcare provider about your situation.")
    assert len(deltas) > 5  # really streamed, word by word
    assert finishes[-1] == "stop" and all(f is None for f in finishes[:-1])
    assert usage is not None and usage.completion_tokens == 8


def test_openai_streaming_emergency_first(start_server, helpers, openai_client):
    server = start_server(helpers.FakeGenerator())
    stream = openai_client(server).chat.completions.create(
        model="m", messages=[{"role": "user", "content": "my dad's face is drooping and he can't speak"}], stream=True
    )
    contents = [c.choices[0].delta.content for c in stream if c.choices and c.choices[0].delta.content]
    assert contents[0].startswith("⚠️") and "stroke" in contents[0]
    assert "Rest," in "".join(contents[1:])


def test_raw_sse_format(start_server, helpers):
    server = start_server(helpers.FakeGenerator("Hello there"))
    with httpx.stream(
        "POST",
        f"{server.url}/v1/chat/completions",
        json={"model": "m", "messages": [{"role": "user", "content": "hi"}], "stream": True},
    ) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        raw = "".join(r.iter_text())
    events = [e for e in raw.split("\n\n") if e]
    assert all(e.startswith("data: ") for e in events)
    assert events[-1] == "data: [DONE]"
    first = json.loads(events[0][6:])
    assert first["object"] == "chat.completion.chunk" and first["choices"][0]["delta"]["role"] == "assistant"
    text = "".join(json.loads(e[6:])["choices"][0]["delta"].get("content") or "" for e in events[:-1])
    assert text == "Hello there"


def test_health(start_server, helpers):
    server = start_server(helpers.FakeGenerator())
    body = httpx.get(f"{server.url}/health").json()
    assert body["status"] == "ok" and body["model"] == "fake-medical" and body["active"] == 0


# --- limits: 413, 422 ------------------------------------------------------------------------------------------


def test_413_body_too_large(start_server, helpers):
    server = start_server(helpers.FakeGenerator(), helpers.config(limits={"max_body_bytes": 1024}))
    big = {"message": "x" * 5000, "max_tokens": 5}
    r = httpx.post(f"{server.url}/chat", json=big)
    assert r.status_code == 413
    assert "limit is 1024 bytes" in r.json()["error"]["message"]

    def chunked():  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield b"x" * 500

    r = httpx.post(f"{server.url}/v1/chat/completions", content=chunked(), headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert httpx.get(f"{server.url}/health").status_code == 200


@pytest.mark.parametrize(
    ("path", "body", "expected"),
    [
        ("/chat", b'{"message": "hi", ', "not valid JSON"),
        ("/chat", b"[1, 2]", "not a JSON object"),
        ("/chat", b'{"mesage": "hi"}', "message: Field required"),
        ("/chat", b'{"message": "hi", "max_token": 5}', "max_token: Extra inputs are not permitted"),
        ("/chat", b'{"message": "hi", "max_tokens": "lots"}', "max_tokens: Input should be a valid integer"),
        ("/chat", b'{"message": "hi", "max_tokens": 0}', "max_tokens: Input should be greater than or equal to 1"),
        ("/chat", b'{"message": ""}', "message: String should have at least 1 character"),
        ("/v1/chat/completions", b'{"model": "m", "messages": []}', "messages: List should have at least 1 item"),
        ("/v1/chat/completions", b'{"messages": [{"role": "robot", "content": "hi"}]}', "messages.0.role"),
        ("/v1/chat/completions", b'{"messages": [{"role": "system", "content": "hi"}]}', "no non-empty 'user'"),
        ("/v1/chat/completions", b'{"messages": [{"role": "user", "content": "hi"}], "n": 2}', "n: Input should be"),
        ("/v1/chat/completions", b'{"messages": [{"role": "user", "content": "x"}], "temperature": 9}', "temperature"),
        # a seed outside torch's range was a 500 "generation_failed" (a 200 with an error event when streamed)
        (
            "/v1/chat/completions",
            b'{"messages": [{"role": "user", "content": "x"}], "seed": 18446744073709551616}',
            "seed: Input should be less than or equal to 18446744073709551615",
        ),
        (
            "/v1/chat/completions",
            b'{"messages": [{"role": "user", "content": "x"}], "seed": -1, "stream": true}',
            "seed: Input should be",
        ),
    ],
)
def test_422_clear_messages(start_server, helpers, path, body, expected):
    server = start_server(helpers.FakeGenerator())
    r = httpx.post(f"{server.url}{path}", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert expected in err["message"], err["message"]
    assert err["type"] == "invalid_request_error" and "Fix:" in err["message"]


@pytest.mark.parametrize(
    "body",
    [
        b'\xff\xfe{"message": "hi"}',  # not UTF-8
        b'{"message": ' + b"[" * 5000 + b"]" * 5000 + b"}",  # nested past the parser
        b'{"message": "hi", "max_tokens": ' + b"9" * 5000 + b"}",  # more than 4,300 digits
    ],
)
def test_bodies_json_cannot_parse_are_422_not_400(start_server, helpers, body):
    server = start_server(helpers.FakeGenerator())
    r = httpx.post(f"{server.url}/chat", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    err = r.json()["error"]
    assert err["code"] == "invalid_json" and "Fix: send a UTF-8 JSON body" in err["message"]


def test_422_input_limits(start_server, helpers):
    server = start_server(helpers.FakeGenerator(), helpers.config(limits={"max_input_chars": 100, "max_messages": 3}))
    r = httpx.post(f"{server.url}/chat", json={"message": "a" * 101})
    assert r.status_code == 422 and "input too long: 101 characters" in r.json()["error"]["message"]
    many = [{"role": "user", "content": "hi"}] * 4
    r = httpx.post(f"{server.url}/v1/chat/completions", json={"model": "m", "messages": many})
    assert r.status_code == 422 and "too many messages: 4" in r.json()["error"]["message"]


def test_404_lists_endpoints(start_server, helpers):
    server = start_server(helpers.FakeGenerator())
    r = httpx.post(f"{server.url}/generate", json={})
    assert r.status_code == 404 and "POST /chat" in r.json()["error"]["message"]


# --- limits: 429 / 503 -----------------------------------------------------------------------------------------


def _post_all(url, payloads, timeout=20.0):
    with concurrent.futures.ThreadPoolExecutor(len(payloads)) as pool:
        futures = [pool.submit(httpx.post, url, json=p, timeout=timeout) for p in payloads]
        return [f.result() for f in futures]


def test_429_when_queue_full_then_recovers(start_server, helpers):
    gen = helpers.BlockingGenerator()
    server = start_server(gen, helpers.config(limits={"max_concurrency": 1, "queue_size": 1, "queue_timeout_s": 20}))
    url = f"{server.url}/chat"
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        running = pool.submit(httpx.post, url, json={"message": "first"}, timeout=20)
        assert gen.started.acquire(timeout=10)  # the first request holds the only slot
        queued = pool.submit(httpx.post, url, json={"message": "second"}, timeout=20)
        for _ in range(200):  # bounded wait until the second one is queued
            if httpx.get(f"{server.url}/health").json()["queued"] == 1:
                break
            time.sleep(0.02)
        refused = httpx.post(url, json={"message": "third"})
        assert refused.status_code == 429
        assert refused.headers["retry-after"] == "5"
        assert "queue of 1 is full" in refused.json()["error"]["message"]
        # an emergency is never refused: it gets the urgent-care message
        urgent = httpx.post(url, json={"message": CHEST})
        assert urgent.status_code == 200 and urgent.json()["response"].startswith("⚠️")
        gen.release.set()
        assert running.result().status_code == 200 and queued.result().status_code == 200
    assert gen.max_running == 1
    assert httpx.post(url, json={"message": "after"}).status_code == 200
    assert httpx.get(f"{server.url}/health").json()["active"] == 0


def test_503_when_queue_wait_times_out(start_server, helpers):
    gen = helpers.BlockingGenerator()
    cfg = helpers.config(limits={"max_concurrency": 1, "queue_size": 4, "queue_timeout_s": 0.3})
    server = start_server(gen, cfg)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        running = pool.submit(httpx.post, f"{server.url}/chat", json={"message": "first"}, timeout=20)
        assert gen.started.acquire(timeout=10)
        r = httpx.post(f"{server.url}/v1/chat/completions", json={"messages": [{"role": "user", "content": "hi"}]})
        assert r.status_code == 503 and "within 0.3 s" in r.json()["error"]["message"]
        r = httpx.post(
            f"{server.url}/v1/chat/completions", json={"messages": [{"role": "user", "content": "hi"}], "stream": True}
        )
        assert r.status_code == 503  # a stream that cannot start is refused before the 200
        gen.release.set()
        assert running.result().status_code == 200


def test_503_on_generation_timeout_and_slot_freed(start_server, helpers):
    gen = helpers.FakeGenerator(delay_s=0.2)  # 8 words: 1.6 s
    server = start_server(gen, helpers.config(limits={"request_timeout_s": 0.5}))
    r = httpx.post(f"{server.url}/chat", json={"message": "hi"})
    assert r.status_code == 503 and "timed out after 0.5 s" in r.json()["error"]["message"]
    for _ in range(100):  # the worker stops at the next word and gives the slot back
        if httpx.get(f"{server.url}/health").json()["active"] == 0:
            break
        time.sleep(0.02)
    assert gen.cancelled == 1 and httpx.get(f"{server.url}/health").json()["active"] == 0
    # a stream that times out ends with an error event, which the openai client raises
    with httpx.stream(
        "POST",
        f"{server.url}/v1/chat/completions",
        json={"messages": [{"role": "user", "content": "hi"}], "stream": True},
    ) as s:
        raw = "".join(s.iter_text())
    assert '"error"' in raw and "timed out" in raw and raw.endswith("data: [DONE]\n\n")


def test_client_leaving_a_stream_stops_the_generation(start_server, helpers):
    gen = helpers.FakeGenerator("w " * 200, delay_s=0.05)  # 10 s if nobody stops it
    server = start_server(gen)
    with httpx.stream(
        "POST",
        f"{server.url}/v1/chat/completions",
        json={"messages": [{"role": "user", "content": "hi"}], "stream": True},
    ) as s:
        for line in s.iter_lines():
            if '"content": "w"' in line:
                break  # leave after the first word
    for _ in range(200):
        if gen.cancelled and httpx.get(f"{server.url}/health").json()["active"] == 0:
            break
        time.sleep(0.02)
    assert gen.cancelled == 1 and httpx.get(f"{server.url}/health").json()["active"] == 0


@pytest.mark.parametrize("path", ["/chat", "/v1/chat/completions"])
def test_a_client_leaving_a_non_stream_request_stops_the_generation(start_server, helpers, path):
    gen = helpers.BlockingGenerator()  # holds its slot until released or cancelled (it ran to the end before)
    server = start_server(gen)
    body = {"message": "hi"} if path == "/chat" else {"messages": [{"role": "user", "content": "hi"}]}
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(f"{server.url}{path}", json=body, timeout=0.5)
    for _ in range(250):
        if gen.cancelled and httpx.get(f"{server.url}/health").json()["active"] == 0:
            break
        time.sleep(0.02)
    assert gen.cancelled == 1 and httpx.get(f"{server.url}/health").json()["active"] == 0


def test_concurrency_bound_under_load(start_server, helpers):
    gen = helpers.FakeGenerator(delay_s=0.02)
    server = start_server(gen, helpers.config(limits={"max_concurrency": 2, "queue_size": 3, "queue_timeout_s": 20}))
    results = _post_all(f"{server.url}/chat", [{"message": f"q{i}", "max_tokens": 3} for i in range(8)])
    codes = sorted(r.status_code for r in results)
    assert set(codes) <= {200, 429} and codes.count(200) >= 5
    assert gen.max_running <= 2
    assert (
        httpx.get(f"{server.url}/health").json() | {"active": 0, "queued": 0}
        == httpx.get(f"{server.url}/health").json()
    )


def test_generator_failure_is_500_not_a_crash(start_server, helpers):
    class Broken:
        model_name = "broken"

        def generate(self, messages, params, cancel):
            raise RuntimeError("CUDA out of memory")
            yield ""

    server = start_server(Broken())
    r = httpx.post(f"{server.url}/chat", json={"message": "hi"})
    assert r.status_code == 500 and "failed to generate" in r.json()["error"]["message"]
    assert httpx.get(f"{server.url}/health").status_code == 200


def test_server_binds_loopback_only(start_server, helpers):
    server = start_server(helpers.FakeGenerator())
    assert server.host == "127.0.0.1"
    with socket.create_connection(("127.0.0.1", server.port), timeout=5):
        pass


def test_a_burst_is_answered_by_the_app_in_json_and_emergencies_always_get_their_message(start_server, helpers):
    import asyncio

    server = start_server(helpers.FakeGenerator(delay_s=0.02))
    chest = "I have crushing chest pain spreading to my left arm and I am sweating."

    async def one(client, i):
        message = chest if i % 10 == 0 else "What helps a mild headache?"
        return i % 10 == 0, await client.post(f"{server.url}/chat", json={"message": message, "max_tokens": 8})

    async def burst(n):
        limits = httpx.Limits(max_connections=n, max_keepalive_connections=0)
        async with httpx.AsyncClient(limits=limits, timeout=60) as client:
            return await asyncio.gather(*(one(client, i) for i in range(n)))

    results = asyncio.run(burst(200))  # uvicorn's connection cap answered all 200 with a plain-text 503
    assert {r.status_code for _, r in results} <= {200, 429, 503}
    for emergency, r in results:
        body = r.json()
        if r.status_code != 200:
            assert "error" in body and "Retry-After" in r.headers
        if emergency:
            assert r.status_code == 200 and body["response"].startswith("⚠️")
    assert sum(r.status_code == 200 for _, r in results) >= 20
    assert httpx.get(f"{server.url}/health").status_code == 200
