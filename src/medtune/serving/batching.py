"""Continuous batching for ``medtune serve``: concurrent requests share batches of the model.

:class:`BatchingGenerator` wraps a loaded :class:`~medtune.serving.model.TransformersGenerator` and runs two
continuous batches of transformers (paged attention, a background thread each), its *lanes*:

* ``greedy``: requests with ``temperature`` 0. Their answers are plain ``generate``'s (tested on the CPU in float32;
  in bfloat16 on a GPU a batch may differ in rare near-ties, as any change of batch shape can).
* ``sampled``: requests with ``temperature`` > 0 and no ``seed``. Each keeps its own ``temperature`` and ``top_p``
  (transformers' per-request logits processors); ``top_k`` (and ``min_p``) are the model's, as when it runs alone
  (:func:`~medtune.serving.model.sampling_settings`). The batch draws every token from one random stream, so an
  answer cannot be reproduced: that is what a seed is for.

A request enters its lane's running batch as soon as there is room, gets its tokens streamed back as they are
produced, and leaves when it ends or is cancelled, without waiting for the others. Greedy requests keep a batch of
their own because sampling's per-request processors (two sorts over the vocabulary per token) cost every request of
a batch: on the CPU they made greedy batches 1.2x (SmolLM2-135M) to 6x (a 2-layer model) slower.

The requests a batch cannot run exactly run alone through the wrapped generator's ``generate``: a seeded sampled
request (reproducible only alone: it draws from a random generator of its own), a ``repetition_penalty`` other
than 1 (continuous batching drops it: its logits processors see only the last token, not the answer so far), and a
request too long for the batch's cache. The server gives the two kinds separate slots (``limits.max_batch``, shared
by both lanes, and ``limits.max_concurrency``; see :class:`~medtune.serving.service.ChatService`).

The batches run on a view of the model: the same weight tensors (nothing is copied) under a copy of its config set
to paged attention, so the wrapped model keeps its own attention for the requests that run alone and all can run
at the same time. torch and transformers are imported when a generator is built.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import math
import queue
import secrets
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Literal

from medtune.errors import MedtuneError
from medtune.serving.config import LimitsConfig, ServeConfig
from medtune.serving.generator import GenerationParams, Generator, Usage
from medtune.serving.model import TransformersGenerator, sampling_settings

__all__ = [
    "BatchingGenerator",
    "IncrementalDecoder",
    "Lane",
    "default_max_batch",
    "lane_for",
    "load_generator",
    "with_batching",
]

#: The two batches: ``greedy`` (temperature 0) and ``sampled`` (temperature > 0, no seed).
Lane = Literal["greedy", "sampled"]
LANES: tuple[Lane, ...] = ("greedy", "sampled")

logger = logging.getLogger("medtune.serving")

#: Paged KV-cache block on the CPU (on CUDA transformers picks it and sizes the cache from free memory).
_CPU_BLOCK = 32
#: Longest request (prompt + answer) the batch takes on the CPU; longer ones run alone. The cache holds
#: ``max_batch`` of them (allocated lazily: untouched pages cost no memory).
_CPU_REQUEST_TOKENS = 4096
#: Tokens per step on the CPU: a longer prompt is prefilled in pieces, so the batch's next tokens are not held up.
_CPU_STEP_TOKENS = 512
#: Share of the GPU memory free after loading that the batches' KV caches may take together (half each); the rest is
#: for requests that run alone and for activations.
_GPU_CACHE_SHARE = 0.7
#: The sampled lane's defaults. Any temperature other than 1 and top_p below 1 make transformers build the
#: per-request temperature and top-p processors; every request then sets its own values.
_LANE_TEMPERATURE = 0.7
_LANE_TOP_P = 0.9
_PAGED_BASES = ("sdpa", "eager", "flash_attention_2", "flash_attention_3")


def default_max_batch(device_type: str) -> int:
    """``limits.max_batch`` when the config leaves it unset: 32 on CUDA, 8 elsewhere (see :class:`LimitsConfig`).

    Example:
        >>> default_max_batch("cuda"), default_max_batch("cpu")
        (32, 8)
    """
    return 32 if device_type == "cuda" else 8


def _is_cjk(cp: int) -> bool:
    """A CJK ideograph: text may be emitted after it (such text has no spaces). transformers' ``TextStreamer`` rule."""
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


class IncrementalDecoder:
    """Token ids in, text out once it is stable: up to the last space, a newline or a CJK character.

    The rule of transformers' ``TextStreamer`` (which the one-request path streams through), so both paths cut an
    answer the same way and their pieces join to the same text. Special tokens are dropped.

    Args:
        tokenizer: The model's tokenizer.
    """

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self._tokens: list[int] = []
        self._printed = 0

    def push(self, token: int) -> str:
        """Add one token; return the text that became stable ("" if none)."""
        self._tokens.append(int(token))
        text = self.tokenizer.decode(self._tokens, skip_special_tokens=True)
        if text.endswith("\n"):
            out = text[self._printed :]
            self._tokens, self._printed = [], 0
            return out
        end = len(text) if text and _is_cjk(ord(text[-1])) else text.rfind(" ") + 1
        out = text[self._printed : end]
        self._printed += len(out)
        return out

    def flush(self) -> str:
        """The text still held back (at the end of the answer)."""
        if not self._tokens:
            return ""
        out = self.tokenizer.decode(self._tokens, skip_special_tokens=True)[self._printed :]
        self._tokens, self._printed = [], 0
        return out


def _paged_view(model: Any) -> Any:
    """``model`` under its own config with paged attention, sharing every parameter and buffer (no weight copy)."""
    import copy

    memo: dict[int, Any] = {id(t): t for t in itertools.chain(model.parameters(), model.buffers())}
    view = copy.deepcopy(model, memo)
    base = str(getattr(model.config, "_attn_implementation", None) or "sdpa").removeprefix("paged|")
    view.set_attn_implementation(f"paged|{base if base in _PAGED_BASES else 'sdpa'}")
    return view


def _eos_ids(model: Any, tokenizer: Any) -> list[int]:
    """The tokens that end an answer, as ``model.generate`` sees them (the generation config's, else the model's)."""
    for source in (getattr(model, "generation_config", None), model.config, tokenizer):
        eos = getattr(source, "eos_token_id", None)
        if eos is not None:
            return [int(e) for e in (eos if isinstance(eos, (list, tuple)) else [eos])]
    return []


def lane_for(params: GenerationParams) -> Lane | None:
    """The batch a request with these settings joins, or ``None`` when it runs alone.

    ``"greedy"`` for temperature 0, ``"sampled"`` for sampling without a seed. A seeded sampled request runs alone
    (so that it is reproducible), and so does one with a repetition penalty (continuous batching drops it).

    Example:
        >>> [lane_for(GenerationParams(64, temperature=t, seed=s)) for t, s in ((0, 1), (0.7, None), (0.7, 1))]
        ['greedy', 'sampled', None]
        >>> lane_for(GenerationParams(64, temperature=0.7, repetition_penalty=1.1)) is None
        True
    """
    if params.repetition_penalty != 1.0:
        return None
    if params.temperature <= 0:
        return "greedy"
    return "sampled" if params.seed is None else None


def _gpu_share(others_running: int) -> float:
    """``max_memory_percent`` for a lane's cache on CUDA, given how many other lanes hold theirs already.

    transformers takes that share of the memory free at the time, so the second lane asks for more of what the first
    left: each ends with about half of ``_GPU_CACHE_SHARE``.

    Example:
        >>> round(_gpu_share(0), 3), round(_gpu_share(1), 3)
        (0.35, 0.538)
    """
    half = _GPU_CACHE_SHARE / 2
    return half / (1 - half * others_running)


class _Batch:
    """One lane: a continuous-batching manager, the reader of its outputs and each request's queue of outputs.

    Args:
        name: The lane.
        create: Builds and starts a new manager.

    Attributes:
        joined: Requests that joined this batch so far.
    """

    def __init__(self, name: Lane, create: Callable[[], Any]) -> None:
        self.name = name
        self.joined = 0
        self.manager: Any = None
        self._create = create
        self._stop = threading.Event()
        self._routes: dict[str, queue.SimpleQueue[Any]] = {}
        self._lock = threading.Lock()

    def running(self) -> Any:
        """The manager, started if it is not running (again, after its thread died: the log says why)."""
        if self.manager is not None and self.manager.is_running():
            return self.manager
        if self.manager is not None:
            error = self.manager.background_thread_status.fatal_error
            logger.error("the %s batching thread stopped (%s); starting a new one", self.name, error)
            self.close()
        self.manager = self._create()
        self._stop = threading.Event()
        threading.Thread(
            target=self._dispatch, args=(self.manager, self._stop), name=f"medtune-batch-{self.name}", daemon=True
        ).start()
        return self.manager

    def close(self) -> None:
        """Stop the manager: the requests in it end with an error."""
        manager, self.manager = self.manager, None
        self._stop.set()
        if manager is not None:
            manager.stop(block=True, timeout=30, hard_stop=True)
            manager.destroy()

    def open(self, rid: str) -> queue.SimpleQueue[Any]:
        """The queue that will receive request ``rid``'s outputs (register it before adding the request)."""
        outputs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        with self._lock:
            self._routes[rid] = outputs
            self.joined += 1
        return outputs

    def drop(self, rid: str) -> None:
        """Forget request ``rid`` (its later outputs are discarded)."""
        with self._lock:
            self._routes.pop(rid, None)

    def _dispatch(self, manager: Any, stop: threading.Event) -> None:
        """Hand each output of the batch to the request it belongs to (one reader of the manager's queue)."""
        while not stop.is_set():
            out = manager.get_result(timeout=0.1)
            if out is None:
                if not manager.is_running():
                    stop.wait(0.1)
                continue
            with self._lock:
                route = self._routes.get(out.request_id)
            if route is not None:
                route.put(out)


class BatchingGenerator:
    """A :class:`~medtune.serving.model.TransformersGenerator` whose requests share continuous batches.

    Greedy requests share one batch, sampled requests without a seed another (see the module doc); the others run
    alone. Build it with :meth:`from_config` (or around a loaded generator), call :meth:`start` (else ``generate``
    starts the batch it needs on first use) and :meth:`close` when done: the batches run in background threads (the
    server's shutdown closes them).

    Args:
        base: The loaded model; its ``generate`` runs the requests that cannot join a batch.
        max_batch: Requests decoded together at most, in each batch (the server's ``limits.max_batch`` slots cap
            both together).
        max_new_tokens: The batches' default answer length (``limits.max_tokens_cap``); each request sets its own.

    Attributes:
        base: The wrapped generator.
        model_name: The id shown to clients.
        max_batch: Requests decoded together at most.
        cuda_graphs: On CUDA, the batch's steps replay captured CUDA graphs (``limits.cuda_graphs``).
        compile_level: On CUDA, transformers' compile level for the batch's steps (``limits.compile_level``).
        request_token_limit: Longest prompt plus answer a batch takes; longer requests run alone.

    Raises:
        MedtuneError: This transformers has no continuous batching; the message says to set ``limits.max_batch: 1``.
    """

    def __init__(
        self,
        base: TransformersGenerator,
        *,
        max_batch: int = 8,
        max_new_tokens: int = 512,
        cuda_graphs: bool = True,
        compile_level: int = 0,
    ) -> None:
        if max_batch < 1:
            raise ValueError(f"max_batch must be at least 1 (got {max_batch})")
        model = base.model
        if not hasattr(model, "init_continuous_batching"):
            raise MedtuneError(
                f"model '{base.model_name}' cannot run continuous batching (its transformers has no "
                "init_continuous_batching; it needs transformers >= 4.56). Fix: upgrade transformers, or set "
                "limits.max_batch: 1 to serve one request at a time."
            )
        self.base = base
        self.model_name = base.model_name
        self.max_batch = max_batch
        self.max_new_tokens = max_new_tokens
        self.cuda_graphs = cuda_graphs
        self.compile_level = compile_level
        device = next(model.parameters()).device
        self._on_cuda = device.type == "cuda"
        text_config = model.config.get_text_config()
        context = int(getattr(text_config, "max_position_embeddings", 0) or 1 << 20)
        self.request_token_limit = context if self._on_cuda else min(context, _CPU_REQUEST_TOKENS)
        self._eos = _eos_ids(model, base.tokenizer)
        self._sampling = sampling_settings(model)
        vocab = int(getattr(text_config, "vocab_size", 0) or 0)
        if vocab and self._sampling["top_k"] > vocab:  # generate clips top_k to the vocabulary; the batch does not
            self._sampling["top_k"] = vocab
        self._view: Any = None
        self._batches: dict[Lane, _Batch] = {
            lane: _Batch(lane, lambda lane=lane: self._new_manager(lane)) for lane in LANES
        }
        self._start_lock = threading.Lock()
        self._ids = itertools.count()

    @classmethod
    def from_config(cls, config: ServeConfig) -> BatchingGenerator:
        """Load the model a serve config names and wrap it, with ``limits.max_batch`` (``None``: the device default)."""
        return cls.from_limits(TransformersGenerator.from_config(config), config.limits)

    @classmethod
    def from_limits(cls, base: TransformersGenerator, limits: LimitsConfig) -> BatchingGenerator:
        """Wrap a loaded model with a serve config's limits (``max_batch`` None: the device default); not started."""
        device = next(base.model.parameters()).device.type
        return cls(
            base,
            max_batch=limits.max_batch or default_max_batch(device),
            max_new_tokens=limits.max_tokens_cap,
            cuda_graphs=limits.cuda_graphs,
            compile_level=limits.compile_level,
        )

    # --- the Generator protocol, and which requests batch ------------------------------------------------------

    def lane(self, params: GenerationParams) -> Lane | None:
        """The batch a request with these settings joins, or ``None`` when it runs alone (see :func:`lane_for`)."""
        return lane_for(params)

    def batches(self, params: GenerationParams) -> bool:
        """Whether a request with these settings joins a batch (see :meth:`lane`)."""
        return self.lane(params) is not None

    def joined(self) -> dict[str, int]:
        """Requests that joined each batch since the generator was built: ``{"greedy": n, "sampled": m}``."""
        return {lane: batch.joined for lane, batch in self._batches.items()}

    def generate(
        self, messages: Sequence[dict[str, str]], params: GenerationParams, cancel: threading.Event
    ) -> Iterator[str | Usage]:
        """Stream the answer to ``messages``: in a batch when it can join one, else alone (see the module doc)."""
        lane = self.lane(params)
        if lane is None:
            yield from self.base.generate(messages, params, cancel)
            return
        tokenizer = self.base.tokenizer
        ids = list(tokenizer(self.base.render(messages), add_special_tokens=False)["input_ids"])
        if len(ids) + params.max_tokens > self.request_token_limit:
            logger.info(
                "a request of %d prompt + %d answer tokens is over the batch's %d: it runs alone",
                len(ids), params.max_tokens, self.request_token_limit,
            )  # fmt: skip
            yield from self.base.generate(messages, params, cancel)
            return
        yield from self._batched(lane, ids, params, cancel)

    # --- the batches --------------------------------------------------------------------------------------------

    def start(self) -> BatchingGenerator:
        """Start both batches' background threads (and, on CUDA, capture their graphs) where they are not running."""
        for lane in LANES:
            self._running(lane)
        return self

    def close(self) -> None:
        """Stop the batches: requests in them end with an error. A later ``generate`` starts them again."""
        with self._start_lock:
            for batch in self._batches.values():
                batch.close()

    def _running(self, lane: Lane) -> Any:
        with self._start_lock:
            return self._batches[lane].running()

    def _new_manager(self, lane: Lane) -> Any:
        from transformers import GenerationConfig

        if self._view is None:
            self._view = _paged_view(self.base.model)
            _close_at_exit(self)
        sampled = lane == "sampled"
        decoding: dict[str, Any] = (
            {"do_sample": True, "temperature": _LANE_TEMPERATURE, "top_p": _LANE_TOP_P, **self._sampling}
            if sampled
            else {"do_sample": False}
        )
        gen = GenerationConfig(
            max_new_tokens=self.max_new_tokens, eos_token_id=self._eos or -1, pad_token_id=self.base.pad_token_id,
            **decoding,
        )  # fmt: skip
        others = sum(b.manager is not None for name, b in self._batches.items() if name != lane)
        manager = self._view.init_continuous_batching(
            generation_config=gen, continuous_batching_config=self._cb_config(sampled, others)
        )
        manager.warmup()  # builds the paged cache here (and captures CUDA graphs where they are on), not mid-request
        manager.start()
        blocks = manager.continuous_batching_config.num_blocks
        if blocks:
            self.request_token_limit = min(
                self.request_token_limit, blocks * manager.continuous_batching_config.block_size
            )
        return manager

    def _cb_config(self, sampled: bool, others_running: int) -> Any:
        from transformers.generation.configuration_utils import ContinuousBatchingConfig

        # transformers seeds torch's global generator with this when the batch starts. The greedy batch draws
        # nothing; the sampled one gets a fresh seed, so that its answers differ from one server start to the next.
        per_lane: dict[str, Any] = {
            "max_requests_per_batch": self.max_batch,
            "per_request_processors": sampled,
            "seed": secrets.randbits(62) if sampled else 0,
        }
        if self._on_cuda:  # transformers sizes the cache from free GPU memory: about half the share for each lane
            return ContinuousBatchingConfig(
                max_memory_percent=_gpu_share(others_running),
                use_cuda_graph=self.cuda_graphs,
                default_compile_level=self.compile_level,
                **per_lane,
            )
        # On the CPU, room for max_batch requests of the longest size in each batch (sizing from memory would take
        # minutes; pages nobody writes cost no memory).
        blocks = self.max_batch * math.ceil(self.request_token_limit / _CPU_BLOCK)
        return ContinuousBatchingConfig(
            block_size=_CPU_BLOCK,
            num_blocks=blocks,
            max_batch_tokens=_CPU_STEP_TOKENS,
            allow_block_sharing=False,
            **per_lane,
        )

    def _batched(
        self, lane: Lane, ids: list[int], params: GenerationParams, cancel: threading.Event
    ) -> Iterator[str | Usage]:
        batch = self._batches[lane]
        manager = self._running(lane)
        rid = f"medtune-{next(self._ids)}"
        outputs = batch.open(rid)
        sampling = {"temperature": float(params.temperature), "top_p": float(params.top_p)} if lane == "sampled" else {}
        text = IncrementalDecoder(self.base.tokenizer)
        tokens: list[int] = []
        finished = False
        try:
            added = manager.add_request(
                ids,
                request_id=rid,
                max_new_tokens=params.max_tokens,
                streaming=True,
                eos_token_id=self._eos or -1,
                **sampling,
            )
            if added is None:
                raise MedtuneError("the batching thread is stopping and refused the request. Fix: retry it.")
            while not cancel.is_set():
                try:
                    out = outputs.get(timeout=0.05)
                except queue.Empty:
                    if not manager.is_running():
                        error = manager.background_thread_status.fatal_error
                        raise MedtuneError(f"the batching thread stopped ({error}). Fix: see the server log.") from None
                    continue
                out = _latest(outputs, out)
                if out.error:
                    raise MedtuneError(f"continuous batching failed this request: {out.error}")
                new = out.generated_tokens[len(tokens) :]
                tokens.extend(int(t) for t in new)
                piece = "".join([text.push(t) for t in new])  # cut token by token, as the one-request path does
                if piece:
                    yield piece
                if out.is_finished():
                    finished = True
                    break
            tail = text.flush()
            if tail:
                yield tail
        finally:
            batch.drop(rid)
            if not finished:  # cancelled, abandoned by the reader, or failed: free its place in the batch
                manager.cancel_request(rid)
        ended = bool(tokens) and tokens[-1] in self._eos
        finish = "length" if len(tokens) >= params.max_tokens and not ended else "stop"
        yield Usage(prompt_tokens=len(ids), completion_tokens=len(tokens), finish_reason=finish)


def _latest(outputs: queue.SimpleQueue[Any], out: Any) -> Any:
    """The newest of the outputs waiting (each holds every token so far).

    A reader that fell behind catches up in one piece: fewer thread switches and events when the server is busy.
    """
    while True:
        try:
            out = outputs.get_nowait()
        except queue.Empty:
            return out


def _close_at_exit(generator: BatchingGenerator) -> None:
    """Stop the batch's (non-daemon) thread when the interpreter exits, so a script that forgot ``close`` ends."""
    ref = weakref.ref(generator)

    def close() -> None:
        live = ref()
        if live is not None:
            live.close()

    # _register_atexit (what concurrent.futures uses) runs before the interpreter joins non-daemon threads; it is
    # missing on another Python and refuses while the interpreter exits.
    with contextlib.suppress(AttributeError, RuntimeError):
        threading._register_atexit(close)  # type: ignore[attr-defined]


def with_batching(base: TransformersGenerator, limits: LimitsConfig) -> Generator:
    """``base`` wrapped in a started :class:`BatchingGenerator`, or ``base`` itself when ``limits.max_batch`` is 1.

    Raises:
        MedtuneError: Batching was asked for (or is the default) and cannot run with this model.
    """
    device = next(base.model.parameters()).device.type
    size = limits.max_batch or default_max_batch(device)
    if size <= 1:
        return base
    try:
        return BatchingGenerator.from_limits(base, limits).start()
    except MedtuneError:
        raise
    except Exception as exc:
        raise MedtuneError(
            f"continuous batching could not start for model '{base.model_name}': {type(exc).__name__}: {exc}. "
            "Fix: set limits.max_batch: 1 (--max-batch 1) to serve one request at a time."
        ) from exc


def load_generator(config: ServeConfig) -> Generator:
    """The generator ``medtune serve`` runs for a model: batching (see :func:`with_batching`) unless turned off."""
    return with_batching(TransformersGenerator.from_config(config), config.limits)
