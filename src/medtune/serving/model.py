"""Loading a model for serving (merged, or base plus LoRA adapter) and streaming chat generation with transformers.

The prompt is the tokenizer's chat template, the one medtune saves with every trained adapter and merged model,
so the server sees exactly the prompt format the model was trained on. torch, transformers and peft are imported
when a model is loaded.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from medtune.errors import ConfigError
from medtune.models.loading import load_model, resolve_model_and_adapter
from medtune.serving.config import ServeConfig
from medtune.serving.generator import GenerationParams, Usage

__all__ = ["TransformersGenerator", "resolve_model_and_adapter"]  # the second re-exported from medtune.models

logger = logging.getLogger("medtune.serving")


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
        """Stream the answer to ``messages``; stops within one token after ``cancel`` is set."""
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
        }
        if params.temperature > 0:
            kwargs.update(do_sample=True, temperature=params.temperature, top_p=params.top_p)
        else:
            kwargs.update(do_sample=False, temperature=None, top_p=None, top_k=None)
        result: dict[str, Any] = {}

        def run() -> None:
            try:
                if params.seed is not None:
                    torch.manual_seed(params.seed)
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
