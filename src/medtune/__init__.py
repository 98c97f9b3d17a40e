"""medtune: domain fine-tuning of small LLMs, medicine first.

Importing medtune is cheap: torch, transformers, datasets, spaCy and Presidio are imported only by the
functions that need them.
"""

from medtune.data import (
    ChatMessage,
    Conversation,
    DataFormat,
    Dataset,
    DatasetSplits,
    DatasetStats,
    InstructionRecord,
    LoadReport,
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
from medtune.plugins import ComponentSpec, PluginManager, get_plugin_manager, hookimpl

__version__ = "0.1.0.dev0"

__all__ = [
    "ChatMessage",
    "ComponentSpec",
    "ConfigError",
    "Conversation",
    "ConversionError",
    "DataFormat",
    "DataFormatError",
    "DataValidationError",
    "Dataset",
    "DatasetSplits",
    "DatasetStats",
    "InstructionRecord",
    "LoadReport",
    "MedtuneError",
    "MissingExtraError",
    "PluginError",
    "PluginLoadError",
    "PluginManager",
    "RawRecord",
    "SampleDataset",
    "UnknownComponentError",
    "ValidationIssue",
    "__version__",
    "get_plugin_manager",
    "hookimpl",
    "sample_path",
]
