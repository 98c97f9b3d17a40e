"""The chat service behind the routes: limits, safety layer and generator, with no HTTP in it.

:class:`ChatService` checks a request against the limits (:meth:`~ChatService.prepare`), takes a generation slot,
runs the generator in a worker thread, and wraps its answer in the safety layer's urgent-care message and
disclaimer, either whole (:meth:`~ChatService.complete`) or as server-sent events (:meth:`~ChatService.stream`).
Failures are raised as the exceptions of :mod:`medtune.serving.errors`, which maps them to HTTP answers.

A generator that batches (:class:`~medtune.serving.batching.BatchingGenerator`: a ``max_batch`` and a
``batches(params)``) gets two kinds of slots: ``max_batch`` for the requests that join its batch and
``limits.max_concurrency`` for those that run alone, each with its own queue of ``limits.queue_size``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from medtune.models.loops import LoopGuard
from medtune.serving.config import ServeConfig
from medtune.serving.errors import ClientError, GenerationFailed, GenerationTimeout, sse_error
from medtune.serving.generator import GenerationParams, Generator, Usage
from medtune.serving.limits import ConcurrencyLimiter, Overloaded
from medtune.serving.logs import SERVER_ONLY
from medtune.serving.safety import Emergency, SafetyLayer
from medtune.serving.schemas import chunk_event, usage_event

__all__ = ["ChatService", "Prepared"]

_ROLE_ORDER = {"system": 0, "user": 1, "assistant": 2}

logger = logging.getLogger("medtune.serving")

_DONE = "data: [DONE]\n\n"


# --- one generation in a worker thread -------------------------------------------------------------------------


_END = object()


@dataclass
class _Failure:
    exc: BaseException


@dataclass
class _Run:
    """One generation in a worker thread; its pieces reach the event loop through an asyncio queue."""

    loop: asyncio.AbstractEventLoop
    cancel: threading.Event = field(default_factory=threading.Event)
    queue: asyncio.Queue[Any] = field(default_factory=asyncio.Queue)
    future: asyncio.Future[None] | None = None

    def _put(self, item: Any) -> None:
        try:
            self.loop.call_soon_threadsafe(self.queue.put_nowait, item)
        except RuntimeError:  # the loop is closed: the server is shutting down
            self.cancel.set()

    def produce(self, generator: Generator, messages: list[dict[str, str]], params: GenerationParams) -> None:
        try:
            for piece in generator.generate(messages, params, self.cancel):
                if self.cancel.is_set():
                    break
                self._put(piece)
        except BaseException as exc:
            self._put(_Failure(exc))
        finally:
            self._put(_END)

    async def pieces(self, timeout_s: float) -> AsyncIterator[str | Usage]:
        """The generated pieces, for at most ``timeout_s`` (then the generation is cancelled)."""
        deadline = self.loop.time() + timeout_s
        try:
            while True:
                remaining = deadline - self.loop.time()
                if remaining <= 0:
                    raise GenerationTimeout(timeout_s)
                try:
                    item = await asyncio.wait_for(self.queue.get(), remaining)
                except asyncio.TimeoutError:
                    raise GenerationTimeout(timeout_s) from None
                if item is _END:
                    return
                if isinstance(item, _Failure):
                    raise GenerationFailed(f"{type(item.exc).__name__}: {item.exc}") from item.exc
                yield item
        finally:
            self.cancel.set()  # a no-op after a normal end; stops the thread on timeout or disconnect


# --- a request, checked ----------------------------------------------------------------------------------------


@dataclass
class Prepared:
    """A request checked against the limits and the safety layer, ready to run.

    Attributes:
        messages: The chat sent to the generator (system prompt added, ``developer`` as ``system``, no ``tool``).
        params: Sampling settings, bounded by the limits.
        user_text: The latest user message (what the safety layer checks).
        emergencies: The emergencies found in it.
        urgent: The urgent-care message that opens the answer ("" without an emergency).
        skip_model: Answer with the urgent-care message only (``emergency_action: replace``).
        system_prompt_added: Whether the first message is the system prompt the server added (the request had none).
    """

    messages: list[dict[str, str]]
    params: GenerationParams
    user_text: str
    emergencies: list[Emergency]
    urgent: str
    skip_model: bool
    system_prompt_added: bool = False

    def message_counts(self) -> str:
        """The request's messages by role, then the added system prompt: ``"2 user, 1 assistant + system prompt"``.

        Example:
            >>> prep = Prepared([{"role": "system", "content": "Be brief."}, {"role": "user", "content": "hi"}],
            ...                 GenerationParams(max_tokens=8), "hi", [], "", False, system_prompt_added=True)
            >>> prep.message_counts()
            '1 user + system prompt'
        """
        sent = self.messages[1:] if self.system_prompt_added else self.messages
        counts = Counter(m["role"] for m in sent)
        text = ", ".join(f"{n} {role}" for role, n in sorted(counts.items(), key=lambda kv: _ROLE_ORDER.get(kv[0], 9)))
        return text + (" + system prompt" if self.system_prompt_added else "")

    def headers(self) -> dict[str, str]:
        """The response headers the safety layer adds: ``X-Medtune-Emergency`` names the rules that fired."""
        return {"X-Medtune-Emergency": ",".join(e.rule for e in self.emergencies)} if self.emergencies else {}


def _request_id() -> str:
    return "req-" + uuid.uuid4().hex[:12]


def _batch_size(generator: Any) -> int:
    """The generator's ``max_batch`` when it batches (has ``batches(params)`` too), else 1."""
    size = getattr(generator, "max_batch", 1)
    return size if callable(getattr(generator, "batches", None)) and isinstance(size, int) and size > 1 else 1


def _busy_answer(prep: Prepared) -> str:
    """For an emergency, an overloaded server still answers with the urgent-care message."""
    return prep.urgent + "\n\n(The assistant is busy right now and could not add more; please act on the above.)"


async def _stop_when_gone(request: Any, run: _Run, rid: str) -> None:
    """Stop ``run`` when the client of a non-stream request goes away (its answer would go nowhere)."""
    while not run.cancel.is_set():
        if await request.is_disconnected():
            logger.info("%s: the client left; generation stopped", rid)
            run.cancel.set()
            return
        await asyncio.sleep(0.2)


# --- the service -----------------------------------------------------------------------------------------------


class ChatService:
    """The model behind the endpoints: bounded concurrency, a timeout, and the safety layer around every answer.

    Args:
        config: Server settings (limits, safety, generation defaults).
        generator: The model (see :class:`~medtune.serving.generator.Generator`).

    Attributes:
        config: The settings.
        generator: The model.
        model_name: The name ``/v1/models`` and every completion show.
        created: When the service was built (``/v1/models``' ``created``).
        safety: The safety layer.
        limiter: The slots of the requests that run alone, and their queue.
        batch_limiter: The slots of the requests that join the generator's batch, and their queue (``None`` when
            the generator does not batch).
        executor: The worker threads generations run in (one per slot).
    """

    def __init__(self, config: ServeConfig, generator: Generator) -> None:
        self.config = config
        self.generator = generator
        limits = config.limits
        self.model_name: str = config.model_name or getattr(generator, "model_name", None) or config.served_name()
        self.created = int(time.time())
        self.safety = SafetyLayer(config.safety)
        self.limiter = ConcurrencyLimiter(limits.max_concurrency, limits.queue_size, limits.queue_timeout_s)
        batch = _batch_size(generator)
        self.batch_limiter = (
            ConcurrencyLimiter(batch, limits.queue_size, limits.queue_timeout_s, "limits.max_batch")
            if batch > 1
            else None
        )
        workers = limits.max_concurrency + (batch if batch > 1 else 0)
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="medtune-generate")

    @contextlib.asynccontextmanager
    async def lifespan(self, _app: Any) -> AsyncIterator[None]:
        """The app's lifespan: on shutdown the worker threads are let go and queued generations dropped.

        A generator with a ``close`` (a batch's background thread) is closed.
        """
        yield
        self.executor.shutdown(wait=False, cancel_futures=True)
        close = getattr(self.generator, "close", None)
        if callable(close):
            await asyncio.get_running_loop().run_in_executor(None, close)

    def health(self) -> dict[str, Any]:
        """``GET /health``: the model, the slots in use, the queue, and whether the safety layer is on.

        ``active`` and ``queued`` count both kinds of slots; ``max_batch`` is 1 when the generator does not batch.
        """
        limits = self.config.limits
        lanes = [self.limiter] + ([self.batch_limiter] if self.batch_limiter is not None else [])
        return {
            "status": "ok",
            "model": self.model_name,
            "active": sum(lane.active for lane in lanes),
            "queued": sum(lane.waiting for lane in lanes),
            "max_concurrency": limits.max_concurrency,
            "max_batch": self.batch_limiter.max_concurrency if self.batch_limiter is not None else 1,
            "queue_size": limits.queue_size,
            "safety": self.config.safety.enabled,
        }

    def models(self) -> dict[str, Any]:
        """``GET /v1/models``: the one served model."""
        card = {"id": self.model_name, "object": "model", "created": self.created, "owned_by": "medtune"}
        return {"object": "list", "data": [card]}

    def prepare(
        self,
        raw_messages: Sequence[tuple[str, str]],
        max_tokens: int | None = None,
        temperature: float | None = None,
        top_p: float | None = None,
        seed: int | None = None,
    ) -> Prepared:
        """Check a request against the limits, add the system prompt and run the emergency check.

        Args:
            raw_messages: ``(role, text)`` pairs; at least one ``user`` message.
            max_tokens: Most tokens to generate (default ``limits.default_max_tokens``; at most the cap).
            temperature: Sampling temperature (default the configured one).
            top_p: Nucleus sampling mass (default the configured one).
            seed: Sampling seed.

        Returns:
            The :class:`Prepared` request.

        Raises:
            ClientError: Too many messages, or too long an input (a 422).
        """
        limits, defaults = self.config.limits, self.config.generation
        if len(raw_messages) > limits.max_messages:
            raise ClientError(
                f"too many messages: {len(raw_messages)}; the limit is {limits.max_messages}. "
                "Fix: drop old turns of the conversation.",
                "messages",
            )
        chars = sum(len(text) for _, text in raw_messages)
        if chars > limits.max_input_chars:
            raise ClientError(
                f"input too long: {chars} characters; the limit is {limits.max_input_chars}. "
                "Fix: shorten the message or raise limits.max_input_chars.",
                "messages",
            )
        messages = [{"role": "system" if role == "developer" else role, "content": text} for role, text in raw_messages]
        messages = [m for m in messages if m["role"] != "tool"]
        system_prompt = defaults.system_prompt if defaults.system_prompt is not None else self.safety.system_prompt
        added = bool(system_prompt) and not any(m["role"] == "system" for m in messages)
        if added:
            messages.insert(0, {"role": "system", "content": system_prompt})
        user_text = next(m["content"] for m in reversed(messages) if m["role"] == "user")
        emergencies = self.safety.check(user_text)
        urgent = self.safety.urgent_message(emergencies)
        params = GenerationParams(
            max_tokens=min(max_tokens or limits.default_max_tokens, limits.max_tokens_cap),
            temperature=defaults.temperature if temperature is None else temperature,
            top_p=defaults.top_p if top_p is None else top_p,
            repetition_penalty=defaults.repetition_penalty,
            seed=seed,
        )
        skip = bool(urgent) and self.config.safety.emergency_action == "replace"
        return Prepared(messages, params, user_text, emergencies, urgent, skip, system_prompt_added=added)

    async def complete(self, prep: Prepared, endpoint: str, request: Any = None) -> tuple[str, Usage | None]:
        """The whole answer: the urgent-care message, the model's answer and the disclaimer.

        Args:
            prep: The request.
            endpoint: Its path, for the log.
            request: The HTTP request; when given, the generation stops if its client goes away.

        Returns:
            The answer text and the usage (``None`` if the generator reported none).

        Raises:
            Overloaded: No slot (never for an emergency, which gets the urgent-care message instead).
            GenerationTimeout: The generation ran past ``limits.request_timeout_s``.
            GenerationFailed: The generator raised.
        """
        rid = _request_id()
        self._log_request(endpoint, rid, prep)
        t0 = time.perf_counter()
        try:
            text, usage = await self._answer(prep, rid, request)
        except Overloaded as exc:
            logger.warning("%s refused with %d: %s", rid, exc.status, exc.message)
            raise
        except GenerationTimeout:
            logger.warning("%s timed out after %.1f s", rid, self.config.limits.request_timeout_s)
            raise
        except GenerationFailed as exc:
            logger.error("%s generation failed: %s", rid, exc)
            raise
        logger.info("%s done in %.2f s, %d chars", rid, time.perf_counter() - t0, len(text))
        return text, usage

    async def stream(self, prep: Prepared, cid: str, include_usage: bool = False) -> AsyncIterator[str]:
        """Take a slot and start the generation, then return its answer as chat-completion chunk events.

        The slot is taken before the first event, so a full queue is still an HTTP error, not a broken stream. A
        timeout or a failure after that ends the stream with an error event (see
        :func:`~medtune.serving.errors.sse_error`) and ``[DONE]``.

        Args:
            prep: The request.
            cid: The completion id of every chunk.
            include_usage: End with a chunk of token counts (``stream_options.include_usage``).

        Returns:
            The server-sent events (``data: ...`` strings, each with its blank line), ending with ``data: [DONE]``.

        Raises:
            Overloaded: No slot (never for an emergency, which gets the urgent-care message instead).
        """
        rid = _request_id()
        self._log_request("/v1/chat/completions (stream)", rid, prep)
        run: _Run | None = None
        if not prep.skip_model:
            try:
                run = await self._start(prep)
            except Overloaded as exc:
                if not prep.urgent:
                    logger.warning("%s refused with %d: %s", rid, exc.status, exc.message)
                    raise
                prep.urgent = _busy_answer(prep)
        return self._events(prep, run, rid, cid, include_usage)

    # --- internals ---------------------------------------------------------------------------------------------

    def _log_request(self, endpoint: str, rid: str, prep: Prepared) -> None:
        rules = ",".join(e.rule for e in prep.emergencies) or "-"
        logger.info(  # ids, the route, counts and rule names only: kept as they are, not redacted
            "%s %s: messages %s, %d chars, max_tokens=%d, emergency=%s",
            rid, endpoint, prep.message_counts(), len(prep.user_text), prep.params.max_tokens, rules,
            extra=SERVER_ONLY,
        )  # fmt: skip
        if self.config.safety.log_messages:
            logger.info("%s message: %s", rid, prep.user_text[:500])

    def _limiter_for(self, params: GenerationParams) -> ConcurrencyLimiter:
        """The batch's slots for a request that joins the generator's batch, else the slots of those running alone."""
        if self.batch_limiter is not None and self.generator.batches(params):  # type: ignore[attr-defined]
            return self.batch_limiter
        return self.limiter

    async def _start(self, prep: Prepared) -> _Run:
        """Take a slot and start the generation (the slot is freed when the worker thread ends)."""
        limiter = self._limiter_for(prep.params)
        await limiter.acquire()
        loop = asyncio.get_running_loop()
        run = _Run(loop)
        try:
            future = loop.run_in_executor(self.executor, run.produce, self.generator, prep.messages, prep.params)
        except BaseException:
            limiter.release()
            raise
        # A watchdog: the generation stops at the timeout even if nobody reads it (a client that left early).
        watchdog = loop.call_later(self.config.limits.request_timeout_s + 1.0, run.cancel.set)

        def done(_: Any) -> None:
            watchdog.cancel()
            limiter.release()

        future.add_done_callback(done)
        run.future = future
        return run

    async def _answer(self, prep: Prepared, rid: str, request: Any) -> tuple[str, Usage | None]:
        if prep.skip_model:
            return prep.urgent, Usage(0, 0, "stop")
        try:
            run = await self._start(prep)
        except Overloaded as exc:
            if prep.urgent:
                logger.warning("%s overloaded (%d); answered with the urgent-care message only", rid, exc.status)
                return _busy_answer(prep), Usage(0, 0, "stop")
            raise
        guard = LoopGuard()
        usage: Usage | None = None
        watcher = asyncio.create_task(_stop_when_gone(request, run, rid)) if request is not None else None
        try:
            async for piece in run.pieces(self.config.limits.request_timeout_s):
                if isinstance(piece, Usage):
                    usage = piece
                elif guard.feed(piece) and self.config.generation.stop_on_loop:
                    logger.info("%s: the answer started to loop; generation stopped", rid)
                    run.cancel.set()
                    break
        finally:
            if watcher is not None:
                watcher.cancel()
        answer = (guard.text() if self.config.generation.stop_on_loop else guard.raw()).strip()
        disclaimer = self.safety.disclaimer_for(prep.user_text, answer, needed=bool(prep.emergencies))
        return (prep.urgent + "\n\n" if prep.urgent else "") + answer + disclaimer, usage

    async def _events(
        self, prep: Prepared, run: _Run | None, rid: str, cid: str, include_usage: bool
    ) -> AsyncIterator[str]:
        stamp = int(time.time())

        def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
            return chunk_event(cid, stamp, self.model_name, delta, finish)

        try:
            yield chunk({"role": "assistant", "content": ""})
            if prep.urgent:
                yield chunk({"content": prep.urgent + ("\n\n" if run is not None else "")})
            usage: Usage | None = None
            if run is not None:
                parts: list[str] = []
                guard = LoopGuard()
                try:
                    async for piece in run.pieces(self.config.limits.request_timeout_s):
                        if isinstance(piece, Usage):
                            usage = piece
                            continue
                        if not parts:
                            piece = piece.lstrip()
                        if piece:
                            parts.append(piece)
                            yield chunk({"content": piece})
                            if self.config.generation.stop_on_loop and guard.feed(piece):
                                logger.info("%s: the answer started to loop; stream ended", rid)
                                run.cancel.set()
                                break
                except (GenerationTimeout, GenerationFailed) as exc:
                    if isinstance(exc, GenerationTimeout):
                        logger.warning("%s stream timed out after %.1f s", rid, self.config.limits.request_timeout_s)
                    else:
                        logger.error("%s generation failed: %s", rid, exc)
                    yield sse_error(exc)
                    yield _DONE
                    return
                disclaimer = self.safety.disclaimer_for(
                    prep.user_text, "".join(parts).strip(), needed=bool(prep.emergencies)
                )
                if disclaimer:
                    yield chunk({"content": disclaimer})
            yield chunk({}, usage.finish_reason if usage else "stop")
            if include_usage:
                yield usage_event(cid, stamp, self.model_name, usage)
            yield _DONE
            logger.info("%s stream done", rid)
        finally:
            if run is not None:
                run.cancel.set()  # the client went away mid-stream: stop generating
