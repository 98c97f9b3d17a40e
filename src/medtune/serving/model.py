"""Loading a model for serving (merged, or base plus LoRA adapter) and streaming chat generation with transformers.

The prompt is the tokenizer's chat template, the one medtune saves with every trained adapter and merged model,
so the server sees exactly the prompt format the model was trained on. A sampled answer draws its tokens from a
random generator of its own (seeded by the request's ``seed``), so other requests sampling at the same time, alone or
in a batch, cannot change it. torch, transformers and peft are imported when a model is loaded.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from medtune.errors import ConfigError
from medtune.models.loading import load_model, resolve_model_and_adapter
from medtune.serving.config import ServeConfig
from medtune.serving.generator import GenerationParams, Usage

__all__ = [  # resolve_model_and_adapter is re-exported from medtune.models
    "TransformersGenerator",
    "resolve_model_and_adapter",
    "sampling_processors",
    "sampling_settings",
]

logger = logging.getLogger("medtune.serving")

#: transformers' ``top_k`` when neither the request nor the model's generation config sets one.
_DEFAULT_TOP_K = 50


def sampling_settings(model: Any) -> dict[str, Any]:
    """The sampling settings a request does not set, taken from the model as ``generate`` takes them.

    ``top_k`` is the model's generation config's, else transformers' default 50 (0: off); ``min_p`` is there only
    when the model's generation config sets it. A request sets its own ``temperature`` and ``top_p``.

    Args:
        model: A loaded model (its ``generation_config`` is read; a model without one gets the defaults).

    Returns:
        ``{"top_k": int}``, plus ``"min_p"`` when set.

    Example:
        >>> sampling_settings(object())
        {'top_k': 50}
    """
    config = getattr(model, "generation_config", None)
    top_k = getattr(config, "top_k", None)
    settings: dict[str, Any] = {"top_k": _DEFAULT_TOP_K if top_k is None else int(top_k)}
    min_p = getattr(config, "min_p", None)
    if min_p is not None:
        settings["min_p"] = float(min_p)
    return settings


class _Draw:
    """The last logits processor of a sampled answer: draws the next token from the request's own generator.

    It returns scores where only the drawn token is finite, so ``generate``'s greedy step picks it: the answer's
    randomness never touches torch's global generator, which other requests (and the batch) draw from.
    """

    def __init__(self, generator: Any) -> None:
        self.generator = generator

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        import torch

        probs = torch.nn.functional.softmax(scores, dim=-1)  # what generate's sampling step draws from
        token = torch.multinomial(probs, num_samples=1, generator=self.generator)
        return torch.full_like(scores, -math.inf).scatter_(1, token, 0.0)


def sampling_processors(params: GenerationParams, settings: dict[str, Any], generator: Any) -> Any:
    """The logits processors of a sampled answer, in ``generate``'s order, then the draw from ``generator``.

    Temperature (the request's), top-k and min-p (``settings``, see :func:`sampling_settings`), top-p (the
    request's): the warpers ``generate(do_sample=True)`` would build, so an answer is the one ``generate`` samples
    after ``torch.manual_seed(seed)``. Pass them to ``generate(do_sample=False, logits_processor=...)``.

    Args:
        params: The request's settings (``temperature`` > 0).
        settings: The model's sampling settings.
        generator: A ``torch.Generator`` on the model's device.
    """
    from transformers import (
        LogitsProcessorList,
        MinPLogitsWarper,
        TemperatureLogitsWarper,
        TopKLogitsWarper,
        TopPLogitsWarper,
    )

    warpers: list[Any] = []
    if params.temperature != 1.0:
        warpers.append(TemperatureLogitsWarper(float(params.temperature)))
    if settings.get("top_k"):
        warpers.append(TopKLogitsWarper(top_k=int(settings["top_k"])))
    if params.top_p < 1.0:
        warpers.append(TopPLogitsWarper(top_p=float(params.top_p)))
    if settings.get("min_p") is not None:
        warpers.append(MinPLogitsWarper(min_p=float(settings["min_p"])))
    return LogitsProcessorList([*warpers, _Draw(generator)])


class TransformersGenerator:
    """A transformers causal LM behind the :class:`~medtune.serving.generator.Generator` protocol.

    Args:
        model: A loaded ``PreTrainedModel`` (or ``PeftModel``), in eval mode.
        tokenizer: Its tokenizer, with a chat template (or pass ``chat_template``).
        model_name: The id shown to clients.
        chat_template: A Jinja template that replaces the tokenizer's.

    Raises:
        ConfigError: Neither the tokenizer nor ``chat_template`` provides a chat template.
    """

    def __init__(
        self, model: Any, tokenizer: Any, model_name: str = "medtune", chat_template: str | None = None
    ) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.model_name = model_name
        self.chat_template = chat_template or getattr(tokenizer, "chat_template", None)
        if not self.chat_template:
            raise ConfigError(
                f"model '{model_name}': its tokenizer has no chat template, so chat messages cannot be turned into a "
                "prompt. Fix: serve a model trained with medtune (it saves the template), or set chat_template in the "
                "serve config (e.g. medtune.training.ALPACA_CHAT_TEMPLATE for the recipe's Alpaca prompt)."
            )
        eos = tokenizer.eos_token_id
        self.pad_token_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else eos

    @classmethod
    def load(
        cls,
        model: str,
        adapter: str | None = None,
        *,
        merge_adapter: bool = True,
        device: str = "auto",
        dtype: str = "auto",
        chat_template: str | None = None,
        model_name: str | None = None,
    ) -> TransformersGenerator:
        """Load a merged model, or a base model with a LoRA adapter, for generation.

        Args:
            model: Model directory, cached Hub id, ``embedded``, or an adapter directory.
            adapter: A LoRA adapter directory to apply to ``model``.
            merge_adapter: Merge the adapter into the weights (faster; needs no peft at generation time).
            device: ``auto``, ``cpu``, ``cuda``, ``cuda:N`` or ``mps``.
            dtype: ``auto``, ``float32``, ``bfloat16`` or ``float16``.
            chat_template: A Jinja template that replaces the tokenizer's.
            model_name: The id shown to clients (default: the adapter's or model's folder name).
        """
        lm, tokenizer = load_model(model, adapter, device=device, dtype=dtype, merge_adapter=merge_adapter)
        name = model_name or Path(str(adapter or model).rstrip("/\\")).name or "medtune"
        return cls(lm, tokenizer, model_name=name, chat_template=chat_template)

    @classmethod
    def from_config(cls, config: ServeConfig) -> TransformersGenerator:
        """Load the model a :class:`~medtune.serving.config.ServeConfig` names."""
        if not config.model:
            raise ConfigError("the serve config names no model. Fix: set 'model' or pass MODEL on the command line.")
        return cls.load(
            config.model,
            config.adapter,
            merge_adapter=config.merge_adapter,
            device=config.device,
            dtype=config.dtype,
            chat_template=config.chat_template,
            model_name=config.model_name,
        )

    def render(self, messages: Sequence[dict[str, str]]) -> str:
        """The prompt for ``messages``, ending where the assistant's answer starts."""
        text = self.tokenizer.apply_chat_template(
            list(messages), tokenize=False, add_generation_prompt=True, chat_template=self.chat_template
        )
        if not isinstance(text, str):  # pragma: no cover - a tokenizer returning ids despite tokenize=False
            raise ConfigError(f"apply_chat_template returned {type(text).__name__}, expected a string")
        return text

    def generate(
        self, messages: Sequence[dict[str, str]], params: GenerationParams, cancel: threading.Event
    ) -> Iterator[str | Usage]:
        """Stream the answer to ``messages``; stops within one token after ``cancel`` is set.

        Sampling (``temperature`` > 0) draws from a generator of the request's own, seeded with ``params.seed``
        (or from the system when it is ``None``): the same seed, prompt and settings give the same answer whatever
        else the server runs at the time.
        """
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        prompt = self.render(messages)
        enc = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
        device = next(self.model.parameters()).device
        enc = {k: v.to(device) for k, v in enc.items()}
        prompt_len = int(enc["input_ids"].shape[1])
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        abandoned = threading.Event()  # the caller stopped reading

        class _Cancelled(StoppingCriteria):
            def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
                stop = cancel.is_set() or abandoned.is_set()
                return torch.full((input_ids.shape[0],), stop, dtype=torch.bool, device=input_ids.device)

        kwargs: dict[str, Any] = {
            **enc,
            "max_new_tokens": params.max_tokens,
            "streamer": streamer,
            "stopping_criteria": StoppingCriteriaList([_Cancelled()]),
            "pad_token_id": self.pad_token_id,
            "repetition_penalty": params.repetition_penalty,
            # greedy decoding; sampling is done by the last of the logits processors below
            "do_sample": False,
            "temperature": None,
            "top_p": None,
            "top_k": None,
        }
        if params.temperature > 0:
            generator = torch.Generator(device=device)
            if params.seed is None:
                generator.seed()
            else:
                generator.manual_seed(params.seed)
            kwargs["logits_processor"] = sampling_processors(params, sampling_settings(self.model), generator)
        result: dict[str, Any] = {}

        def run() -> None:
            try:
                with torch.inference_mode():
                    result["out"] = self.model.generate(**kwargs)
            except BaseException as exc:
                result["error"] = exc
                streamer.end()  # unblock the reader

        worker = threading.Thread(target=run, name="medtune-hf-generate", daemon=True)
        worker.start()
        try:
            for text in streamer:
                if text:
                    yield text
        finally:
            if worker.is_alive():
                abandoned.set()
            worker.join()
        if "error" in result:
            raise result["error"]
        out = result["out"]
        new = out[0, prompt_len:]
        eos = self.tokenizer.eos_token_id
        completion = int(new.shape[0])
        ended = completion > 0 and eos is not None and int(new[-1]) == eos
        finish = "length" if completion >= params.max_tokens and not ended else "stop"
        yield Usage(prompt_tokens=prompt_len, completion_tokens=completion, finish_reason=finish)
