"""LoRA/QLoRA fine-tuning: :class:`TrainConfig` and :class:`Trainer`.

``TrainConfig`` holds the reference recipe's defaults; ``Trainer`` is one API over the peft and unsloth backends.

Importing this package is cheap: torch, transformers, peft and trl are imported when training starts.
"""

from medtune.training.config import TrainConfig
from medtune.training.formatting import ALPACA_CHAT_TEMPLATE, TokenizationReport, alpaca_prompt
from medtune.training.trainer import Trainer, TrainResult

__all__ = ["ALPACA_CHAT_TEMPLATE", "TokenizationReport", "TrainConfig", "TrainResult", "Trainer", "alpaca_prompt"]
