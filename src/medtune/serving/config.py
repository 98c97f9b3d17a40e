"""``ServeConfig``: everything ``medtune serve`` reads from its YAML file and flags, validated with bounds.

Every section forbids unknown keys, so a typo (``max_token_cap``) is an error that names the key instead of a
setting that silently does nothing.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field, SecretStr, field_validator, model_validator

from medtune.config import ConfigModel
from medtune.plugins.presets import PresetScoped, active_preset
from medtune.serving.upstream import UpstreamConfig

__all__ = [
    "EmergencyRuleConfig",
    "GenerationDefaults",
    "LimitsConfig",
    "SafetyConfig",
    "ServeConfig",
    "load_serve_config",
]

_MiB = 1024 * 1024


class LimitsConfig(ConfigModel):
    """Request limits. Every limit answers with a clear HTTP error instead of slowing or crashing the server.

    Attributes:
        max_body_bytes: Largest request body accepted; larger ones get 413.
        max_tokens_cap: Upper bound on generated tokens; a request asking for more is lowered to the cap.
        default_max_tokens: Tokens generated when a request does not say (lowered to the cap when only the cap is
            set).
        max_input_chars: Longest total text of a request's messages; longer gets 422.
        max_messages: Most messages in one chat-completions request; more gets 422.
        request_timeout_s: Longest time one generation may run; then it is stopped and the request gets 503 (a
            stream that has started ends with an error event).
        max_concurrency: Generations that run alone at the same time, each its own ``generate`` (one model, shared
            CPU/GPU: keep this small). With batching these are the requests a batch cannot run exactly (sampling
            with a ``seed``, ``repetition_penalty``); without it, every request.
        max_batch: Generations that share the model at once through continuous batching, greedy and sampled without
            a seed (two batches, counted together): each request joins its running batch when a place frees up,
            streams its own tokens and leaves when it is done. ``None`` (the default) is 32 on CUDA, where one
            batched step costs about as much as a single request's, and 8 on the CPU or MPS, where a step's cost
            grows with the batch and a long prompt joining it delays everyone's next token. ``1`` turns batching off:
            every request runs alone, as ``max_concurrency`` says.
        cuda_graphs: On CUDA, whether the batch's decoding steps replay captured CUDA graphs (``true``, the
            default: about 4.7x the tokens/s of one stream and 3.7x at 32 streams on an H100, docs/benchmarks.md) or
            run eagerly (``false``: less GPU memory held for the graphs). Ignored on the CPU.
        compile_level: On CUDA, how hard transformers compiles the batch's steps: ``0`` (the default) not at all,
            ``1`` to ``3`` more speed for a longer warm-up when the server starts (level 1 measured another 1.3x for
            one stream and 1.1x at 32 streams). Ignored on the CPU.
        queue_size: Requests that may wait for a free slot, in each of the two queues (batched and alone); when the
            queue is full a new request gets 429.
        queue_timeout_s: Longest wait in the queue; then the request gets 503.
        retry_after_s: ``Retry-After`` header sent with 429 and 503.
    """

    max_body_bytes: int = Field(64 * 1024, ge=256, le=16 * _MiB)
    max_tokens_cap: int = Field(512, ge=1, le=32_768)
    default_max_tokens: int = Field(256, ge=1, le=32_768)
    max_input_chars: int = Field(16_000, ge=1, le=1_000_000)
    max_messages: int = Field(64, ge=1, le=1024)
    request_timeout_s: float = Field(120.0, gt=0, le=3600)
    max_concurrency: int = Field(1, ge=1, le=64)
    max_batch: int | None = Field(None, ge=1, le=1024)
    cuda_graphs: bool = True
    compile_level: int = Field(0, ge=0, le=3)
    queue_size: int = Field(8, ge=0, le=10_000)
    queue_timeout_s: float = Field(30.0, gt=0, le=3600)
    retry_after_s: int = Field(5, ge=1, le=3600)

    @model_validator(mode="after")
    def _default_within_cap(self) -> LimitsConfig:
        if self.default_max_tokens > self.max_tokens_cap:
            if "default_max_tokens" not in self.model_fields_set:  # only the cap was set: the default follows it
                self.__dict__["default_max_tokens"] = self.max_tokens_cap
                return self
            raise ValueError(
                f"default_max_tokens ({self.default_max_tokens}) is above max_tokens_cap ({self.max_tokens_cap}). "
                "Fix: lower default_max_tokens or raise max_tokens_cap"
            )
        return self


class EmergencyRuleConfig(ConfigModel):
    """A custom emergency rule (see :class:`medtune.serving.safety.EmergencyRule`).

    Attributes:
        name: Unique rule name (a built-in name replaces that built-in rule).
        message: The urgent-care message shown first when the rule fires.
        triggers: Each trigger is a list of regexes (case-insensitive) that must all match, not negated; the rule
            fires when any trigger does.
    """

    name: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9_]+$")
    message: str = Field(min_length=1)
    triggers: list[list[str]] = Field(min_length=1)

    @field_validator("triggers")
    @classmethod
    def _valid_regexes(cls, value: list[list[str]]) -> list[list[str]]:
        import re

        for trigger in value:
            if not trigger:
                raise ValueError("a trigger is an empty list. Fix: give at least one regex per trigger")
            for pattern in trigger:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"invalid regex {pattern!r}: {exc}. Fix: check the pattern syntax") from exc
        return value


class SafetyConfig(ConfigModel):
    """The safety layer, on by default.

    Attributes:
        enabled: Master switch; ``false`` turns off emergency messages and disclaimers (never log redaction).
        emergency_detection: Look for emergencies in the user's latest message.
        emergency_action: ``prepend`` puts the urgent-care message before the model's answer; ``replace``
            answers with the urgent-care message only and does not run the model.
        policy: The registered safety policy that supplies the rules, header, disclaimer and advice detector
            (default: the preset's; ``medical`` with the medical preset, ``none`` with ``generic``; see
            ``medtune plugins``).
        emergency_header: First line of every urgent-care message (default: the policy's).
        disabled_rules: Names of the policy's rules to turn off (checked when the server starts).
        extra_rules: Your own rules; one named like a policy rule replaces it.
        disclaimer: ``advice`` adds the disclaimer when the policy's advice detector matches the question or the
            answer (for ``medical``: medical advice), ``always`` to every answer, ``off`` never.
        disclaimer_text: The disclaimer (default: the policy's).
        redact_logs: Replace personal identifiers (names after a title, phones, e-mails, dates, IDs…) in every
            log line with ``[LABEL]``. Request texts are never logged unredacted.
        log_messages: Log a redacted preview of each request's latest message at INFO (off: only sizes).
    """

    enabled: bool = True
    emergency_detection: bool = True
    emergency_action: Literal["prepend", "replace"] = "prepend"
    policy: str = Field(default_factory=lambda: active_preset().safety_policy, min_length=1)
    emergency_header: str | None = Field(None, min_length=1)
    disabled_rules: list[str] = Field(default_factory=list)
    extra_rules: list[EmergencyRuleConfig] = Field(default_factory=list)
    disclaimer: Literal["advice", "always", "off"] = "advice"
    disclaimer_text: str | None = Field(None, min_length=1)
    redact_logs: bool = True
    log_messages: bool = False


class GenerationDefaults(ConfigModel):
    """Sampling defaults; a request's own ``temperature``/``top_p`` override them.

    Attributes:
        temperature: 0 means greedy decoding (deterministic).
        top_p: Nucleus sampling mass.
        repetition_penalty: 1.0 (the default) means none, and every request without a seed shares a continuous
            batch. Any other value (the reference recipe used 1.1) makes every request run alone: continuous batching
            has no repetition penalty.
        system_prompt: A system message put before the conversation when the request has none (default: the
            safety policy's; ``""`` for none).
        stop_on_loop: Stop a generation whose answer starts to loop (a run of 8 words three times,
            :mod:`medtune.models.loops`): a whole answer is cut before the repetition, a stream ends there. Works
            with continuous batching, unlike a repetition penalty.
    """

    temperature: float = Field(0.7, ge=0, le=2)
    top_p: float = Field(0.9, gt=0, le=1)
    repetition_penalty: float = Field(1.0, ge=1, le=2)
    system_prompt: str | None = None
    stop_on_loop: bool = True


class ServeConfig(PresetScoped):
    """Configuration of ``medtune serve``.

    Attributes:
        model: A merged model directory, a base model (with ``adapter``), a Hub id in the local cache, the
            embedded default (``embedded``) or an adapter directory (its base model is read from
            ``adapter_config.json``).
        adapter: A LoRA adapter directory to load on top of ``model``.
        merge_adapter: Merge the adapter into the weights after loading (faster generation).
        model_name: The id shown by ``GET /v1/models`` (default: the model folder's name).
        host: Interface to listen on. The default is loopback only; ``0.0.0.0`` exposes the server to the network.
        port: TCP port (0 picks a free one).
        device: ``cpu``, ``cuda``, ``cuda:1``… or ``auto`` (CUDA when available).
        dtype: Weights dtype; ``auto`` keeps float32 on CPU and bfloat16 on CUDA.
        chat_template: A Jinja chat template to use instead of the tokenizer's (needed when it has none).
        log_level: Server log level.
        generation: Sampling defaults.
        limits: Request limits.
        safety: The safety layer.
        api_key: A key every request but ``GET /health`` must carry (``Authorization: Bearer KEY`` or
            ``X-API-Key``); 401 without it. ``medtune serve`` reads ``MEDTUNE_API_KEY`` when this is not set. Never
            printed by ``--print-config``.
        docs: Serve the interactive API docs (``/docs``, ``/redoc``, ``/openapi.json``).
        upstream: An OpenAI-compatible server that generates instead of a loaded model (vLLM, llama-server, Ollama);
            medtune's safety layer, limits and logs stay in front of it. Exclusive with ``model``.
    """

    config_kind: ClassVar[str] = "serve config"
    docs_page: ClassVar[str] = "docs/serving.md"

    model: str | None = None
    adapter: str | None = None
    merge_adapter: bool = True
    model_name: str | None = Field(None, min_length=1, max_length=200)
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65_535)
    device: str = Field("auto", pattern=r"^(auto|cpu|mps|cuda(:\d+)?)$")
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"
    chat_template: str | None = None
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    generation: GenerationDefaults = Field(default_factory=GenerationDefaults)
    limits: LimitsConfig = Field(default_factory=LimitsConfig)
    safety: SafetyConfig = Field(default_factory=SafetyConfig)
    api_key: SecretStr | None = None
    docs: bool = True
    upstream: UpstreamConfig | None = None

    @model_validator(mode="after")
    def _model_or_upstream(self) -> ServeConfig:
        if self.upstream is not None and (self.model or self.adapter):
            raise ValueError(
                "model and upstream are both set: medtune serves either a model it loads or an upstream server. "
                "Fix: remove one of them."
            )
        return self

    @field_validator("api_key")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 16:
            raise ValueError(
                "an API key needs at least 16 characters. Fix: make a random one with "
                "`python -c 'import secrets; print(secrets.token_urlsafe(24))'`"
            )
        return value

    def served_name(self) -> str:
        """The model id reported to clients."""
        if self.model_name:
            return self.model_name
        if self.upstream is not None:
            return self.upstream.model
        source = self.adapter or self.model
        if not source:
            return "medtune"
        return Path(str(source).rstrip("/\\")).name or str(source)


def load_serve_config(
    source: ServeConfig | dict[str, Any] | str | PathLike[str] | None = None, **overrides: Any
) -> ServeConfig:
    """Read a serve config from a YAML file, a dict or a config, then apply non-``None`` ``overrides``.

    Overrides use dotted keys for nested fields: ``load_serve_config("serve.yaml", **{"limits.queue_size": 4})``.
    The same as :meth:`ServeConfig.load <medtune.config.ConfigModel.load>`.

    Raises:
        ConfigError: The file is missing or not YAML, or a key or value is invalid (named in the message).
    """
    return ServeConfig.load(source, **overrides)
