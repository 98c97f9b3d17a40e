"""ChatService without HTTP, and the one exception-to-answer mapper (medtune.serving.errors)."""

from __future__ import annotations

import asyncio
import json

import pytest

from medtune.serving.errors import (
    ClientError,
    GenerationFailed,
    GenerationTimeout,
    describe,
    error_response,
    exception_handlers,
    sse_error,
)
from medtune.serving.limits import Overloaded
from medtune.serving.service import ChatService

CHEST = "I have crushing chest pain and I can't breathe"


@pytest.fixture
def service(helpers):
    """``service(generator=None, **config) -> ChatService``; every executor is shut down after."""
    made: list[ChatService] = []

    def make(generator=None, **config):
        made.append(ChatService(helpers.config(**config), generator or helpers.FakeGenerator()))
        return made[-1]

    yield make
    for s in made:
        s.executor.shutdown(wait=True, cancel_futures=True)


def _json(response):
    return json.loads(response.body)


# --- the mapper ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "kind", "code"), [(429, "rate_limit_error", "queue_full"), (503, "server_overloaded", "queue_timeout")]
)
def test_overloaded_is_a_busy_answer_with_retry_after(status, kind, code):
    r = error_response(Overloaded(status, "server busy. Fix: retry"), retry_after_s=7)
    assert r.status_code == status and r.headers["retry-after"] == "7"
    body = _json(r)
    assert body["error"] == {"message": "server busy. Fix: retry", "type": kind, "param": None, "code": code}
    assert body["detail"] == "server busy. Fix: retry"
    assert "retry-after" not in error_response(Overloaded(status, "busy")).headers  # no retry_after_s: no header


def test_generation_errors_json_and_sse_forms():
    timeout = error_response(GenerationTimeout(0.5), retry_after_s=5)
    assert timeout.status_code == 503 and timeout.headers["retry-after"] == "5"
    err = _json(timeout)["error"]
    assert err["code"] == "generation_timeout" and err["message"].startswith("generation timed out after 0.5 s. Fix:")
    event = sse_error(GenerationTimeout(0.5))
    assert event.startswith("data: ") and event.endswith("\n\n")
    assert json.loads(event[6:])["error"] == {
        "message": "generation timed out after 0.5 s",
        "type": "timeout",
        "param": None,
        "code": 503,
    }
    failed = GenerationFailed("RuntimeError: CUDA out of memory")
    r = error_response(failed, retry_after_s=5)
    assert r.status_code == 500 and "retry-after" not in r.headers
    assert "CUDA" not in r.body.decode() and "CUDA" not in sse_error(failed)  # the cause is logged, never sent
    assert json.loads(sse_error(failed)[6:])["error"]["code"] == 500


def test_client_error_and_unknown_exceptions():
    api = describe(ClientError("too many messages. Fix: drop some", "messages"))
    assert (api.status, api.kind, api.code, api.retry) == (422, "invalid_request_error", "invalid_request", False)
    assert describe(KeyError("x")).status == 500


def test_every_route_error_has_a_handler():
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    handlers = exception_handlers(5)
    for exc_type in (RequestValidationError, HTTPException, ClientError, Overloaded, GenerationTimeout):
        assert exc_type in handlers
    assert len(set(handlers.values())) == 1  # one handler, one mapping


# --- the service -----------------------------------------------------------------------------------------------


def test_prepare_applies_limits_defaults_and_safety(service):
    s = service(limits={"max_input_chars": 50, "max_messages": 3, "max_tokens_cap": 10})
    with pytest.raises(ClientError, match="too many messages: 4"):
        s.prepare([("user", "hi")] * 4)
    with pytest.raises(ClientError, match="input too long: 51 characters"):
        s.prepare([("user", "a" * 51)])
    prep = s.prepare([("developer", "Be brief."), ("tool", "{}"), ("user", "hi")], max_tokens=1000)
    assert prep.messages == [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}]
    assert prep.params.max_tokens == 10 and prep.headers() == {}
    prep = s.prepare([("user", CHEST)])
    assert prep.messages[0]["role"] == "system"  # the configured system prompt
    assert prep.urgent.startswith("⚠️") and prep.headers()["X-Medtune-Emergency"].startswith("chest_pain")


async def _slots_freed(*limiters):
    """Wait (up to 5 s) until the limiters' slots are free: a slot is freed when its worker thread ends, which may be
    just after the answer is read."""
    for _ in range(500):
        if all(limiter.active == 0 for limiter in limiters):
            return
        await asyncio.sleep(0.01)


def test_complete_wraps_the_answer_in_the_safety_layer(service, helpers):
    gen = helpers.FakeGenerator()
    s = service(gen)

    async def complete_and_settle():
        answer = await s.complete(s.prepare([("user", CHEST)], max_tokens=3), "/test")
        await _slots_freed(s.limiter)
        return answer

    text, usage = asyncio.run(complete_and_settle())
    assert text.startswith("⚠️") and "Rest, drink fluids" in text
    assert usage is not None and usage.completion_tokens == 3 and usage.finish_reason == "length"
    assert s.limiter.active == 0
    replace = service(gen, safety={"emergency_action": "replace"})
    calls = len(gen.calls)
    text, _ = asyncio.run(replace.complete(replace.prepare([("user", CHEST)]), "/test"))
    assert text.startswith("⚠️") and "Rest" not in text and len(gen.calls) == calls  # the model never ran


def test_complete_raises_timeout(service, helpers):
    s = service(helpers.FakeGenerator(delay_s=0.2), limits={"request_timeout_s": 0.1})
    with pytest.raises(GenerationTimeout):
        asyncio.run(s.complete(s.prepare([("user", "hi")]), "/test"))


def test_stream_events_and_overload_before_the_first_event(service, helpers):
    s = service(helpers.FakeGenerator("Hello there"))

    async def collect(prep, include_usage=False):
        return [e async for e in await s.stream(prep, "chatcmpl-1", include_usage)]

    events = asyncio.run(collect(s.prepare([("user", "hi")]), include_usage=True))
    assert events[-1] == "data: [DONE]\n\n"
    chunks = [json.loads(e[6:]) for e in events[:-1]]
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert "".join(c["choices"][0]["delta"].get("content", "") for c in chunks[:-1]) == "Hello there"
    assert chunks[-1]["choices"] == [] and chunks[-1]["usage"]["completion_tokens"] == 2

    gen = helpers.BlockingGenerator()
    busy = service(gen, limits={"max_concurrency": 1, "queue_size": 0})

    async def overloaded():
        holder = asyncio.ensure_future(busy.complete(busy.prepare([("user", "first")]), "/test"))
        while busy.limiter.active == 0:
            await asyncio.sleep(0.01)
        try:
            with pytest.raises(Overloaded) as refused:
                await busy.stream(busy.prepare([("user", "second")]), "chatcmpl-2")
            urgent = [e async for e in await busy.stream(busy.prepare([("user", CHEST)]), "chatcmpl-3")]
        finally:
            gen.release.set()
            await holder
        return refused.value, urgent

    refused, urgent = asyncio.run(overloaded())
    assert refused.status == 429
    text = "".join(json.loads(e[6:])["choices"][0]["delta"].get("content", "") for e in urgent[:-1])
    assert text.startswith("⚠️") and "busy right now" in text  # an emergency is answered even when busy


class _Batching:
    """A stand-in for BatchingGenerator: greedy requests "join the batch" (hold a batch slot until released)."""

    model_name = "batching"
    max_batch = 3

    def __init__(self, blocking):
        self.inner = blocking
        self.closed = 0

    def batches(self, params):
        return params.temperature == 0

    def generate(self, messages, params, cancel):
        return self.inner.generate(messages, params, cancel)

    def close(self):
        self.closed += 1


def test_a_batching_generator_gets_its_own_slots_and_queue(service, helpers):
    gen = _Batching(helpers.BlockingGenerator())
    s = service(gen, limits={"max_concurrency": 1, "queue_size": 0})
    assert s.batch_limiter is not None and s.health()["max_batch"] == 3 and s.health()["max_concurrency"] == 1

    async def scenario():
        greedy = [
            asyncio.ensure_future(s.complete(s.prepare([("user", f"q{i}")], temperature=0), "/t")) for i in range(3)
        ]
        sampled = asyncio.ensure_future(s.complete(s.prepare([("user", "s")], temperature=0.7), "/t"))
        while s.batch_limiter.active < 3 or s.limiter.active < 1:
            await asyncio.sleep(0.01)
        health = s.health()
        try:
            with pytest.raises(Overloaded) as batch_full:
                await s.complete(s.prepare([("user", "q4")], temperature=0), "/t")
            with pytest.raises(Overloaded) as alone_full:
                await s.complete(s.prepare([("user", "s2")], temperature=0.7), "/t")
        finally:
            gen.inner.release.set()
            await asyncio.gather(*greedy, sampled)
            await _slots_freed(s.batch_limiter, s.limiter)
        return health, batch_full.value, alone_full.value

    health, batch_full, alone_full = asyncio.run(scenario())
    assert (health["active"], health["queued"]) == (4, 0)  # 3 in the batch and 1 alone, at once
    assert batch_full.status == alone_full.status == 429
    assert "limits.max_batch" in batch_full.message and "limits.max_concurrency" in alone_full.message
    assert s.batch_limiter.active == s.limiter.active == 0


def test_a_generator_without_batches_keeps_one_kind_of_slot(service, helpers):
    class SizeOnly(helpers.FakeGenerator):
        max_batch = 8  # no batches(): not a batching generator

    s = service(SizeOnly())
    assert s.batch_limiter is None and s.health()["max_batch"] == 1


def test_the_lifespan_closes_the_generator(service, helpers):
    gen = _Batching(helpers.FakeGenerator())
    s = service(gen)

    async def run_lifespan():
        async with s.lifespan(None):
            pass

    asyncio.run(run_lifespan())
    assert gen.closed == 1


LOOPING = "It is a condition in which the airways narrow and swell. " * 6


def test_an_answer_that_starts_to_loop_is_cut_and_its_generation_stopped(service, helpers):
    gen = helpers.FakeGenerator(LOOPING)
    s = service(gen, generation={"temperature": 0})
    text, usage = asyncio.run(s.complete(s.prepare([("user", "what is asthma?")], max_tokens=200), "/test"))
    assert text.startswith("It is a condition in which the airways narrow and swell.")
    assert text.count("airways narrow") == 1 and usage is None  # stopped before the generator's own end
    kept = service(gen, generation={"temperature": 0, "stop_on_loop": False})
    text, usage = asyncio.run(kept.complete(kept.prepare([("user", "what is asthma?")], max_tokens=200), "/test"))
    assert text.count("airways narrow") == 6 and usage is not None


def test_a_stream_that_starts_to_loop_ends_there(service, helpers):
    s = service(helpers.FakeGenerator(LOOPING), generation={"temperature": 0})

    async def collect():
        return [e async for e in await s.stream(s.prepare([("user", "what is asthma?")], max_tokens=200), "c-1")]

    events = asyncio.run(collect())
    assert events[-1] == "data: [DONE]\n\n"
    chunks = [json.loads(e[6:]) for e in events[:-1]]
    streamed = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert streamed.count("airways narrow") == 3  # it stops once the third copy shows the loop
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop"
