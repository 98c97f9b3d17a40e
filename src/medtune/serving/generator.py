"""The small protocol between the server and a text generator, so tests and plugins can bring their own."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

__all__ = ["GenerationParams", "Generator", "Usage"]


@dataclass(frozen=True)
class GenerationParams:
    """Sampling settings of one request, already bounded by the server's limits.

    Attributes:
        max_tokens: Most new tokens to generate (at most ``limits.max_tokens_cap``).
        temperature: 0 means greedy decoding.
        top_p: Nucleus sampling mass.
        repetition_penalty: 1.0 means none.
        seed: Random seed for sampling, or ``None``: the same seed, prompt and settings give the same answer on
            the same machine (a batching generator runs a seeded request alone).
    """

    max_tokens: int
    temperature: float = 0.0
    top_p: float = 1.0
    repetition_penalty: float = 1.0
    seed: int | None = None


@dataclass(frozen=True)
class Usage:
    """Token counts and why generation ended; a generator may yield one as its last item.

    Attributes:
        prompt_tokens: Tokens in the rendered prompt.
        completion_tokens: Tokens generated.
        finish_reason: ``"stop"`` (end of text) or ``"length"`` (hit ``max_tokens``).
    """

    prompt_tokens: int
    completion_tokens: int
    finish_reason: Literal["stop", "length"] = "stop"


@runtime_checkable
class Generator(Protocol):
    """What the server needs from a model: a name and a streaming ``generate``.

    ``generate`` runs in a worker thread. It yields text pieces as they are produced (joined, they are the answer)
    and may yield one :class:`Usage` last. It must stop soon after ``cancel`` is set (a timeout or a client that
    went away) and must not hold a lock that another request's ``generate`` needs.

    A generator that batches requests may also have ``max_batch`` (requests it runs together) and
    ``batches(params)`` (whether a request joins the batch): the server then gives those requests ``max_batch``
    slots and a queue of their own (see :class:`~medtune.serving.batching.BatchingGenerator`). One with a ``close()``
    is closed when the server shuts down.

    Example:
        >>> class Echo:
        ...     model_name = "echo"
        ...     def generate(self, messages, params, cancel):
        ...         yield from messages[-1]["content"].split()[: params.max_tokens]
        >>> isinstance(Echo(), Generator)
        True
    """

    model_name: str

    def generate(
        self, messages: Sequence[dict[str, str]], params: GenerationParams, cancel: threading.Event
    ) -> Iterator[str | Usage]:
        """Yield the answer to ``messages`` (``{"role", "content"}`` dicts) piece by piece."""
        ...
