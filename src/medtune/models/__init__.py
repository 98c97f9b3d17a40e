"""Model code every stage shares.

Name resolution and the embedded model, the dtype rule, the one loader, prompts and chat templates, and the
generation engine.
Training, evaluation and serving import from here, never from one another. Importing this package loads no torch or
transformers; the functions that need them import them.
"""

from medtune.models.dtype import DTYPES, auto_dtype_name, resolve_device, resolve_dtype
from medtune.models.embedded import EMBEDDED_MODEL, is_embedded_model, model_source, resolve_model
from medtune.models.engine import ENGINES, choose_engine, generate_ids
from medtune.models.loading import (
    ModelChoice,
    choose_model,
    describe_model,
    load_model,
    merge_gap,
    merged_of_run,
    resolve_model_and_adapter,
)
from medtune.models.prompts import ALPACA_CHAT_TEMPLATE, alpaca_prompt, build_prompt, ensure_pad_token, prompt_ids

__all__ = [
    "ALPACA_CHAT_TEMPLATE",
    "DTYPES",
    "EMBEDDED_MODEL",
    "ENGINES",
    "ModelChoice",
    "alpaca_prompt",
    "auto_dtype_name",
    "build_prompt",
    "choose_engine",
    "choose_model",
    "describe_model",
    "ensure_pad_token",
    "generate_ids",
    "is_embedded_model",
    "load_model",
    "merge_gap",
    "merged_of_run",
    "model_source",
    "prompt_ids",
    "resolve_device",
    "resolve_dtype",
    "resolve_model",
    "resolve_model_and_adapter",
]
