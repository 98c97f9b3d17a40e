"""Fake generators and a real uvicorn on 127.0.0.1 (a free port), started and stopped by each test that needs it.

Tests reach the helpers through fixtures (the suite uses --import-mode=importlib, so conftest is not importable).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")

from medtune.serving import BackgroundServer, GenerationParams, ServeConfig, Usage, create_app
from medtune.testing import CHATML_TEMPLATE, tiny_llama, tiny_tokenizer


class FakeGenerator:
    """Yields ``words`` one by one (at most ``max_tokens``), sleeping ``delay_s`` before each; records calls."""

    def __init__(self, words: str = "Rest, drink fluids and take paracetamol if needed.", delay_s: float = 0.0):
        self.model_name = "fake-medical"
        self.words = words.split()
        self.delay_s = delay_s
        self.calls: list[tuple[list[dict[str, str]], GenerationParams]] = []
        self.running = 0
        self.max_running = 0
        self.cancelled = 0
        self._lock = threading.Lock()

    def generate(self, messages: Any, params: GenerationParams, cancel: threading.Event) -> Iterator[str | Usage]:
        with self._lock:
            self.calls.append((list(messages), params))
            self.running += 1
            self.max_running = max(self.max_running, self.running)
        try:
            n = 0
            for i, word in enumerate(self.words[: params.max_tokens]):
                if cancel.wait(self.delay_s) if self.delay_s else cancel.is_set():
                    with self._lock:
                        self.cancelled += 1
                    return
                yield word if i == 0 else " " + word
                n += 1
            yield Usage(
                prompt_tokens=7, completion_tokens=n, finish_reason="length" if n >= params.max_tokens else "stop"
            )
        finally:
            with self._lock:
                self.running -= 1


class BlockingGenerator(FakeGenerator):
    """Holds its slot until ``release`` is set (or it is cancelled), then answers."""

    def __init__(self) -> None:
        super().__init__("Done.")
        self.release = threading.Event()
        self.started = threading.Semaphore(0)

    def generate(self, messages: Any, params: GenerationParams, cancel: threading.Event) -> Iterator[str | Usage]:
        self.started.release()
        deadline = time.monotonic() + 30  # bounded: never hangs a test run
        while not self.release.is_set() and not cancel.is_set() and time.monotonic() < deadline:
            time.sleep(0.01)
        if cancel.is_set():
            with self._lock:
                self.cancelled += 1
            return
        yield from super().generate(messages, params, cancel)


CHATML = CHATML_TEMPLATE
WORDS = (
    "system user assistant you are a careful medical assistant answer clearly and briefly rest drink water take "
    "paracetamol see doctor fever cough headache what helps mild hello hi"
)


def make_tokenizer(chat_template: str | None = CHATML):
    return tiny_tokenizer([WORDS], chat_template=chat_template, eos="<|im_end|>")


@pytest.fixture(scope="session")
def tiny(tmp_path_factory):
    """Skipped without the train extra. ``{"merged": dir, "base": dir, "adapter": dir}``: a merged model, and a base model plus a LoRA adapter."""
    pytest.importorskip("peft")
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    root = tmp_path_factory.mktemp("tiny")
    tok = make_tokenizer()
    model = tiny_llama(
        len(tok),
        eos_token_id=tok.eos_token_id,
        pad_token_id=tok.pad_token_id,
        hidden_size=32,
        initializer_range=0.02,
    )
    for name in ("merged", "base"):
        model.save_pretrained(root / name)
        tok.save_pretrained(root / name)
    base = AutoModelForCausalLM.from_pretrained(root / "base")
    peft_model = get_peft_model(
        base, LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM")
    )
    with torch.no_grad():
        for n, p in peft_model.named_parameters():
            if "lora_B" in n:
                p.normal_(0, 0.5)  # a non-trivial adapter
    peft_model.save_pretrained(root / "adapter")
    tok.save_pretrained(root / "adapter")
    return {k: str(root / k) for k in ("merged", "base", "adapter")}


class Helpers:
    CHATML = CHATML
    tokenizer = staticmethod(make_tokenizer)
    FakeGenerator = FakeGenerator
    BlockingGenerator = BlockingGenerator

    @staticmethod
    def config(**kwargs: Any) -> ServeConfig:
        return ServeConfig.model_validate(kwargs)


@pytest.fixture
def helpers() -> type[Helpers]:
    return Helpers


@pytest.fixture
def start_server() -> Iterator[Any]:
    """``start_server(generator, config=None) -> BackgroundServer`` on 127.0.0.1; every server is stopped after."""
    servers: list[BackgroundServer] = []

    def start(generator: Any, config: ServeConfig | None = None) -> BackgroundServer:
        server = BackgroundServer(create_app(config or ServeConfig(), generator), host="127.0.0.1", port=0)
        servers.append(server.start())
        return server

    yield start
    for server in servers:
        server.stop()
