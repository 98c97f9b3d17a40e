"""Continuous batching for serving: the greedy batch's answers are plain generate's, alone or concurrent; the sampled
batch keeps each request's temperature and top_p; cancel, the requests that run alone (seeded, repetition penalty),
the two kinds of slots and the whole server (a tiny random Llama, on the CPU)."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from medtune.errors import MedtuneError
from medtune.serving import GenerationParams, ServeConfig, Usage
from medtune.serving.batching import LANES, BatchingGenerator, IncrementalDecoder, default_max_batch, with_batching
from medtune.serving.config import LimitsConfig
from medtune.serving.model import TransformersGenerator
from medtune.testing import CHATML_TEMPLATE, tiny_llama, tiny_tokenizer

WORDS = (
    "system user assistant you are a careful medical assistant answer clearly and briefly rest drink water take "
    "paracetamol see doctor fever cough headache what helps mild hello hi"
)
#: Prompts of different lengths; with this model some answers end early (EOS), others run to max_tokens.
PROMPTS = [
    "fever",
    "what helps a mild headache",
    "hello hi you are a careful doctor fever cough headache what helps rest drink water",
    "cough",
    "take water",
    "mild fever and cough see doctor",
]


@pytest.fixture(scope="module")
def base() -> TransformersGenerator:
    tok = tiny_tokenizer([WORDS], chat_template=CHATML_TEMPLATE, eos="<|im_end|>")
    model = tiny_llama(len(tok), eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, hidden_size=32, seed=3)
    return TransformersGenerator(model.eval(), tok, model_name="tiny")


@pytest.fixture(scope="module")
def batching(base):
    gen = BatchingGenerator(base, max_batch=4, max_new_tokens=64).start()
    yield gen
    gen.close()


def _msgs(text: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": text}]


def _answer(gen, text: str, params: GenerationParams, cancel: threading.Event | None = None) -> tuple[str, Usage]:
    pieces = list(gen.generate(_msgs(text), params, cancel or threading.Event()))
    assert isinstance(pieces[-1], Usage)
    return "".join(p for p in pieces if isinstance(p, str)), pieces[-1]


@pytest.fixture(scope="module")
def reference(base) -> dict[tuple[str, int], tuple[str, Usage]]:
    """Plain generate's greedy answers, one request at a time."""
    return {(p, n): _answer(base, p, GenerationParams(max_tokens=n)) for p in PROMPTS for n in (24, 7)}


def _scheduler(gen: BatchingGenerator, lane: str = "greedy"):
    return gen._batches[lane].manager.batch_processor.scheduler


def _active(gen: BatchingGenerator, lane: str = "greedy") -> int:
    scheduler = _scheduler(gen, lane)
    return len(scheduler.active_requests) + len(scheduler.waiting_requests)


def _managers(gen: BatchingGenerator) -> list:
    return [gen._batches[lane].manager for lane in LANES]


def test_the_batch_runs_on_a_paged_view_that_shares_the_weights(base, batching):
    view = batching._view
    assert base.model.config._attn_implementation == "sdpa"  # the wrapped model keeps its attention
    assert view.config._attn_implementation == "paged|sdpa"
    assert all(a is b for a, b in zip(base.model.parameters(), view.parameters()))  # no weight copy
    assert batching.model_name == "tiny" and batching.max_batch == 4


def test_greedy_answers_equal_plain_generate(batching, reference):
    finishes = set()
    for prompt in PROMPTS:
        for n in (24, 7):
            text, usage = _answer(batching, prompt, GenerationParams(max_tokens=n))
            assert (text, usage) == reference[(prompt, n)], prompt
            finishes.add(usage.finish_reason)
    assert finishes == {"stop", "length"}  # answers that end at EOS and answers cut at max_tokens


def test_concurrent_requests_share_the_batch_and_keep_their_answers(batching, reference):
    jobs = [(p, n) for p in PROMPTS for n in (24, 7)]  # 12 requests, a batch of 4: some wait for a place
    results: dict[int, tuple[str, Usage]] = {}
    start = threading.Barrier(len(jobs))

    def one(i: int, prompt: str, n: int) -> None:
        start.wait()
        results[i] = _answer(batching, prompt, GenerationParams(max_tokens=n))

    threads = [threading.Thread(target=one, args=(i, p, n)) for i, (p, n) in enumerate(jobs)]
    together = []
    scheduler = _scheduler(batching)
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        together.append(len(scheduler.active_requests))
        time.sleep(0.002)
    assert [results[i] for i in range(len(jobs))] == [reference[j] for j in jobs]
    assert 1 < max(together) <= 4  # several requests decoded in one batch, never more than max_batch


def test_cancel_stops_one_request_and_leaves_the_others(batching, reference):
    long = GenerationParams(max_tokens=60)
    cancel = threading.Event()
    stream = batching.generate(_msgs(PROMPTS[4]), long, cancel)  # an answer that runs to max_tokens
    first = next(stream)
    assert isinstance(first, str)
    others: dict[str, tuple[str, Usage]] = {}
    threads = [
        threading.Thread(target=lambda p=p: others.update({p: _answer(batching, p, GenerationParams(max_tokens=24))}))
        for p in PROMPTS[:3]
    ]
    for t in threads:
        t.start()
    cancel.set()
    rest = list(stream)
    for t in threads:
        t.join(120)
    assert isinstance(rest[-1], Usage) and rest[-1].completion_tokens < 60  # stopped early
    assert others == {p: reference[(p, 24)] for p in PROMPTS[:3]}
    deadline = time.monotonic() + 10
    while _active(batching) and time.monotonic() < deadline:  # its place in the batch is freed
        time.sleep(0.05)
    assert _active(batching) == 0


def test_a_reader_that_stops_reading_frees_the_place(batching):
    stream = batching.generate(_msgs(PROMPTS[4]), GenerationParams(max_tokens=60), threading.Event())
    assert isinstance(next(stream), str)
    stream.close()  # the server's worker stops iterating when a client leaves
    deadline = time.monotonic() + 10
    while _active(batching) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _active(batching) == 0


def _spy_alone(base, monkeypatch) -> list[GenerationParams]:
    """Record the requests that run alone (through the wrapped generator's ``generate``)."""
    calls: list[GenerationParams] = []
    plain = base.generate
    monkeypatch.setattr(base, "generate", lambda *a: calls.append(a[1]) or plain(*a))
    return calls


def test_seeded_sampling_and_repetition_penalty_run_alone(base, batching, monkeypatch):
    calls = _spy_alone(base, monkeypatch)
    seeded = GenerationParams(max_tokens=12, temperature=0.9, top_p=0.95, seed=7)
    penalised = GenerationParams(max_tokens=12, repetition_penalty=1.1)
    assert not batching.batches(seeded) and not batching.batches(penalised)
    assert not batching.batches(GenerationParams(max_tokens=12, temperature=0.9, repetition_penalty=1.1))
    assert batching.lane(GenerationParams(max_tokens=12, seed=7)) == "greedy"  # greedy: a seed changes nothing
    assert batching.lane(GenerationParams(max_tokens=12, temperature=0.9, top_p=0.95)) == "sampled"
    first = _answer(batching, PROMPTS[1], seeded)
    assert _answer(batching, PROMPTS[1], seeded) == first  # same seed, same answer
    assert _answer(batching, PROMPTS[1], penalised) == _answer(base, PROMPTS[1], penalised)
    assert calls[:3] == [seeded, seeded, penalised]


def test_sampled_requests_share_the_sampled_batch_each_with_its_own_settings(base, batching, reference, monkeypatch):
    alone = _spy_alone(base, monkeypatch)
    manager = batching._batches["sampled"].manager
    added: list[dict] = []
    plain_add = manager.add_request
    monkeypatch.setattr(manager, "add_request", lambda *a, **kw: added.append(kw) or plain_add(*a, **kw))
    # top_p that keeps only the likeliest token, or a temperature near 0: greedy's answer, whatever else runs
    narrow = GenerationParams(max_tokens=24, temperature=1.5, top_p=1e-9)
    cold = GenerationParams(max_tokens=24, temperature=1e-6)
    hot = [GenerationParams(max_tokens=n, temperature=2.0) for n in (24, 7)]
    jobs = [(p, narrow) for p in PROMPTS[:4]] + [(PROMPTS[4], cold)] + [(PROMPTS[5], h) for h in hot]
    results: dict[int, tuple[str, Usage]] = {}
    start = threading.Barrier(len(jobs))
    joined = batching.joined()

    def one(i: int, prompt: str, params: GenerationParams) -> None:
        start.wait()
        results[i] = _answer(batching, prompt, params)

    threads = [threading.Thread(target=one, args=(i, p, params)) for i, (p, params) in enumerate(jobs)]
    together = []
    scheduler = _scheduler(batching, "sampled")
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        together.append(len(scheduler.active_requests))
        time.sleep(0.002)
    assert alone == []  # none ran alone
    assert batching.joined() == {"greedy": joined["greedy"], "sampled": joined["sampled"] + len(jobs)}
    assert 1 < max(together) <= 4  # decoded together, never more than max_batch
    settings = sorted((kw["temperature"], kw["top_p"]) for kw in added)
    assert settings == sorted([(1.5, 1e-9)] * 4 + [(1e-6, 1.0), (2.0, 1.0), (2.0, 1.0)])  # each request's own
    for i in range(5):
        assert results[i] == reference[(jobs[i][0], 24)], jobs[i]
    words = set(base.tokenizer.get_vocab())  # the answers are words of the (word-level) vocabulary
    for i, params in zip((5, 6), hot):
        text, usage = results[i]
        assert set(text.split()) <= words and 1 <= usage.completion_tokens <= params.max_tokens
        assert (usage.finish_reason == "length") == (usage.completion_tokens == params.max_tokens)
    assert results[5] != reference[(PROMPTS[5], 24)]  # temperature 2 on this model: not the greedy answer


def test_greedy_and_sampled_requests_run_at_the_same_time(batching, reference):
    results: dict[str, tuple[str, Usage]] = {}
    sampled = threading.Thread(
        target=lambda: results.update(
            {"sampled": _answer(batching, PROMPTS[2], GenerationParams(max_tokens=60, temperature=1.0))}
        )
    )
    sampled.start()
    results["greedy"] = _answer(batching, PROMPTS[1], GenerationParams(max_tokens=24))
    sampled.join(120)
    assert results["greedy"] == reference[(PROMPTS[1], 24)]
    assert 1 <= results["sampled"][1].completion_tokens <= 60


def test_a_seeded_request_is_reproducible_while_the_batch_samples(base, batching, monkeypatch):
    seeded = GenerationParams(max_tokens=24, temperature=1.2, top_p=0.95, seed=11)
    want = _answer(base, PROMPTS[2], seeded)  # alone, nothing else running
    alone = _spy_alone(base, monkeypatch)
    stop = threading.Event()
    overlapped = 0

    def noise() -> None:  # unseeded requests keep the sampled batch drawing random numbers meanwhile
        while not stop.is_set():
            _answer(batching, PROMPTS[0], GenerationParams(max_tokens=60, temperature=1.5))

    threads = [threading.Thread(target=noise) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        got = []
        for _ in range(4):
            while not _active(batching, "sampled"):
                time.sleep(0.001)
            got.append(_answer(batching, PROMPTS[2], seeded))
            overlapped += _active(batching, "sampled") > 0  # the batch still sampling when it ended
    finally:
        stop.set()
        for t in threads:
            t.join(60)
    assert got == [want] * 4 and alone == [seeded] * 4
    assert overlapped >= 2


def test_a_request_too_long_for_the_cache_runs_alone(base, batching, reference, monkeypatch):
    calls = []
    plain = base.generate
    monkeypatch.setattr(base, "generate", lambda *a: calls.append(a[1]) or plain(*a))
    monkeypatch.setattr(batching, "request_token_limit", 20)
    assert _answer(batching, PROMPTS[0], GenerationParams(max_tokens=24)) == reference[(PROMPTS[0], 24)]
    assert len(calls) == 1


def test_an_unmerged_adapter_batches_too(tiny):
    unmerged = TransformersGenerator.load(tiny["adapter"], merge_adapter=False, device="cpu")
    gen = BatchingGenerator(unmerged, max_batch=2, max_new_tokens=16)
    try:
        for prompt in PROMPTS[:2]:
            params = GenerationParams(max_tokens=8)
            assert _answer(gen, prompt, params) == _answer(unmerged, prompt, params)
    finally:
        gen.close()


def test_close_then_generate_starts_again(base):
    gen = BatchingGenerator(base, max_batch=2, max_new_tokens=16)
    try:
        assert _answer(gen, "fever", GenerationParams(max_tokens=5)) == _answer(base, "fever", GenerationParams(5))
        first, unused = _managers(gen)
        assert first.is_running() and unused is None  # generate starts the batch it needs
        gen.close()
        assert _managers(gen) == [None, None] and not first.is_running()
        assert _answer(gen, "fever", GenerationParams(max_tokens=5))[1].completion_tokens >= 1
    finally:
        gen.close()


def test_incremental_decoder_cuts_like_transformers_text_streamer(base):
    from transformers import TextStreamer

    tok = base.tokenizer
    ids = tok("hello hi\nwhat helps a mild headache\n\nrest drink water", add_special_tokens=False)["input_ids"]
    ids = [*ids, tok.eos_token_id]
    got: list[str] = []

    class Collect(TextStreamer):
        def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
            got.append(text)

    import torch

    streamer = Collect(tok, skip_special_tokens=True)
    for i in ids:
        streamer.put(torch.tensor([i]))
    streamer.end()
    decoder = IncrementalDecoder(tok)
    ours = [decoder.push(i) for i in ids] + [decoder.flush()]
    assert ours == got and "".join(ours) == tok.decode(ids, skip_special_tokens=True)


def test_with_batching_follows_max_batch(base):
    assert default_max_batch("cuda") == 32 and default_max_batch("cpu") == default_max_batch("mps") == 8
    assert with_batching(base, LimitsConfig(max_batch=1)) is base
    gen = with_batching(base, LimitsConfig(max_tokens_cap=32))
    try:
        assert isinstance(gen, BatchingGenerator) and gen.max_batch == 8
        assert all(m.is_running() for m in _managers(gen))  # both batches started
    finally:
        gen.close()


def test_cuda_graphs_and_compile_level_reach_the_batch_config_on_cuda(base):
    gen = with_batching(base, LimitsConfig(max_tokens_cap=32, cuda_graphs=False, compile_level=2))
    try:
        assert (gen.cuda_graphs, gen.compile_level) == (False, 2)
        assert gen._cb_config(False, 0).use_cuda_graph in (None, False, (False, False))  # the CPU ignores both
        gen._on_cuda = True  # what transformers gets on CUDA (the config is only built here, nothing runs)
        on_cuda = gen._cb_config(False, 0)
        assert (on_cuda.use_cuda_graph, on_cuda.default_compile_level) == (False, 2)
    finally:
        gen.close()
    default = BatchingGenerator(base, max_batch=2, max_new_tokens=16)
    default._on_cuda = True
    config = default._cb_config(True, 1)
    assert (config.use_cuda_graph, config.default_compile_level) == (True, 0)  # graphs on by default on CUDA
    assert LimitsConfig().cuda_graphs is True and LimitsConfig().compile_level == 0


def test_a_model_without_continuous_batching_is_a_clear_error(base):
    class Old:
        config = base.model.config

        def parameters(self):
            return base.model.parameters()

    old = TransformersGenerator(Old(), base.tokenizer, model_name="old")
    with pytest.raises(MedtuneError, match=r"limits.max_batch: 1"):
        with_batching(old, LimitsConfig())


# --- through the server ----------------------------------------------------------------------------------------


def _greedy_config(**limits) -> ServeConfig:
    return ServeConfig.model_validate(
        {
            "safety": {"enabled": False},
            "generation": {"temperature": 0, "repetition_penalty": 1.0, "system_prompt": ""},
            "limits": {"max_concurrency": 1, **limits},
        }
    )


def test_health_reports_both_kinds_of_slots(start_server, base):
    import httpx

    server = start_server(BatchingGenerator(base, max_batch=4), _greedy_config(queue_size=3))  # not started: idle
    body = httpx.get(f"{server.url}/health").json()
    assert (body["max_batch"], body["max_concurrency"], body["queue_size"]) == (4, 1, 3)
    assert body["active"] == 0 and body["queued"] == 0


async def _stream(client, url: str, prompt: str, max_tokens: int, **extra) -> tuple[str, str]:
    body = {"messages": [{"role": "user", "content": prompt}], "max_tokens": max_tokens, "stream": True, **extra}
    text, finish = [], None
    async with client.stream("POST", f"{url}/v1/chat/completions", json=body) as r:
        assert r.status_code == 200, await r.aread()
        async for line in r.aiter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            choice = json.loads(line[6:])["choices"][0]
            text.append(choice["delta"].get("content") or "")
            finish = choice.get("finish_reason") or finish
    return "".join(text), finish


def test_concurrent_streams_through_the_server_match_plain_generate(start_server, base, reference):
    import httpx

    gen = BatchingGenerator(base, max_batch=4, max_new_tokens=64).start()
    server = start_server(gen, _greedy_config(queue_size=16))

    async def main():
        async with httpx.AsyncClient(timeout=120) as client:
            jobs = [_stream(client, server.url, p, 24) for p in PROMPTS]
            jobs.append(_stream(client, server.url, PROMPTS[1], 12, temperature=0.8, seed=3))  # runs alone
            jobs.append(_stream(client, server.url, PROMPTS[2], 24, temperature=0.9, top_p=1e-9))  # sampled batch
            return await asyncio.gather(*jobs)

    results = asyncio.run(main())
    for prompt, (text, finish) in zip(PROMPTS, results):
        want, usage = reference[(prompt, 24)]
        assert (text.strip(), finish) == (want.strip(), usage.finish_reason), prompt
    assert results[-2][1] in ("stop", "length")
    want, usage = reference[(PROMPTS[2], 24)]  # top_p that keeps only the likeliest token: greedy's answer
    assert results[-1] == (want.strip(), usage.finish_reason)
    assert gen.joined() == {"greedy": len(PROMPTS), "sampled": 1}
    server.stop()
    assert _managers(gen) == [None, None]  # the app's shutdown closed the batches
