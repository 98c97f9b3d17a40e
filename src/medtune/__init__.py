"""medtune: domain fine-tuning of small LLMs, medicine first.

Importing medtune is cheap: torch, transformers, datasets, spaCy and Presidio are imported only by the
functions that need them.
"""

from medtune.cards import CardProfile
from medtune.cleaning import CleanerBase, CleanerOptions, CleaningResult, Drop, Pipeline, PipelineConfig, TextCleaner
from medtune.config import ConfigModel
from medtune.data import (
    ChatMessage,
    Conversation,
    DataFormat,
    Dataset,
    DatasetSplits,
    DatasetStats,
    InstructionRecord,
    LoadReport,
    PreferenceRecord,
    RawRecord,
    SampleDataset,
    sample_path,
)
from medtune.errors import (
    ConfigError,
    ConversionError,
    DataFormatError,
    DataValidationError,
    MedtuneError,
    MissingExtraError,
    PluginError,
    PluginLoadError,
    UnknownComponentError,
    ValidationIssue,
)
from medtune.evaluation import EvalConfig, EvalExample, Evaluator, ExampleScore, GenerationConfig, Scorer
from medtune.export import ExportReport, export_gguf, export_ollama
from medtune.plugins import ComponentSpec, PluginManager, Preset, get_plugin_manager, hookimpl
from medtune.run import RunConfig, RunPipeline, RunResult
from medtune.serving import SafetyLayer, ServeConfig, create_app, detect_emergencies
from medtune.training import TrainConfig, Trainer, TrainResult

__version__ = "0.1.0.dev0"

__all__ = [
    "CardProfile",
    "ChatMessage",
    "CleanerBase",
    "CleanerOptions",
    "CleaningResult",
    "ComponentSpec",
    "ConfigError",
    "ConfigModel",
    "Conversation",
    "ConversionError",
    "DataFormat",
    "DataFormatError",
    "DataValidationError",
    "Dataset",
    "DatasetSplits",
    "DatasetStats",
    "Drop",
    "EvalConfig",
    "EvalExample",
    "Evaluator",
    "ExampleScore",
    "ExportReport",
    "GenerationConfig",
    "InstructionRecord",
    "LoadReport",
    "MedtuneError",
    "MissingExtraError",
    "Pipeline",
    "PipelineConfig",
    "PluginError",
    "PluginLoadError",
    "PluginManager",
    "PreferenceRecord",
    "Preset",
    "RawRecord",
    "RunConfig",
    "RunPipeline",
    "RunResult",
    "SafetyLayer",
    "SampleDataset",
    "Scorer",
    "ServeConfig",
    "TextCleaner",
    "TrainConfig",
    "TrainResult",
    "Trainer",
    "UnknownComponentError",
    "ValidationIssue",
    "__version__",
    "create_app",
    "detect_emergencies",
    "export_gguf",
    "export_ollama",
    "get_plugin_manager",
    "hookimpl",
    "sample_path",
]
