"""Serving: ``medtune serve`` (FastAPI + uvicorn) with a safety layer and request limits.

Importing this package is cheap: fastapi and uvicorn are imported by :func:`create_app` and :func:`serve`,
torch and transformers when :class:`~medtune.serving.model.TransformersGenerator` loads a model.
"""

from medtune.serving.app import ChatCompletionRequest, ChatRequest, ChatResponse, create_app
from medtune.serving.config import (
    EmergencyRuleConfig,
    GenerationDefaults,
    LimitsConfig,
    SafetyConfig,
    ServeConfig,
    load_serve_config,
)
from medtune.serving.generator import GenerationParams, Generator, Usage
from medtune.serving.limits import ConcurrencyLimiter, Overloaded
from medtune.serving.logs import RedactPIIFilter, redact
from medtune.serving.safety import Emergency, EmergencyRule, SafetyLayer, SafetyPolicy, detect_emergencies
from medtune.serving.server import BackgroundServer, serve
from medtune.serving.upstream import UpstreamConfig, UpstreamError, UpstreamGenerator

__all__ = [
    "BackgroundServer",
    "ChatCompletionRequest",
    "ChatRequest",
    "ChatResponse",
    "ConcurrencyLimiter",
    "Emergency",
    "EmergencyRule",
    "EmergencyRuleConfig",
    "GenerationDefaults",
    "GenerationParams",
    "Generator",
    "LimitsConfig",
    "Overloaded",
    "RedactPIIFilter",
    "SafetyConfig",
    "SafetyLayer",
    "SafetyPolicy",
    "ServeConfig",
    "UpstreamConfig",
    "UpstreamError",
    "UpstreamGenerator",
    "Usage",
    "create_app",
    "detect_emergencies",
    "load_serve_config",
    "redact",
    "serve",
]
