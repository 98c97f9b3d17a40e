"""Pipeline configuration: which cleaners, in which order, with which options; YAML in, pipeline out.

A pipeline file lists cleaners by their registered name (see ``medtune plugins``), each with its own options::

    cleaners:
      - empty
      - name: length
        options: {min_tokens: 3, max_tokens: 2048}
      - name: pii_regex
        options: {replace: surrogate}

Every key is checked: a typo is an error that names the key, where it is, and the keys that exist.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from medtune.config import format_validation_error, read_yaml
from medtune.errors import ConfigError

if TYPE_CHECKING:
    from medtune.plugins.manager import PluginManager

__all__ = [
    "DEFAULT_MEDICAL_PIPELINE",
    "CleanerEntry",
    "CleanerOptions",
    "CopiesInputConfig",
    "DedupConfig",
    "EmptyConfig",
    "FieldName",
    "LanguageConfig",
    "LengthConfig",
    "PipelineConfig",
    "build_cleaners",
    "default_config",
    "load_config",
]

FieldName = Literal["instruction", "input", "output"]


class CleanerOptions(BaseModel):
    """Base of every cleaner's options model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class CleanerEntry(CleanerOptions):
    """One pipeline step: a registered cleaner name and its options."""

    name: str = Field(min_length=1, description="Registered cleaner name (see `medtune plugins`).")
    options: dict[str, Any] = Field(default_factory=dict, description="The cleaner's own options.")


class PipelineConfig(CleanerOptions):
    """A cleaning pipeline: cleaners in order (a bare string is a cleaner with default options)."""

    cleaners: list[CleanerEntry] = Field(min_length=1)
    batch_size: int = Field(256, ge=1, le=100_000, description="Records per map batch.")

    @field_validator("cleaners", mode="before")
    @classmethod
    def _bare_names(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"name": v} if isinstance(v, str) else v for v in value]
        return value

    def entries(self) -> list[CleanerEntry]:
        """The steps, in order."""
        return list(self.cleaners)


# --- options of the core cleaners --------------------------------------------------------------------------


class EmptyConfig(CleanerOptions):
    """Options of ``empty``."""

    fields: list[Literal["prompt", "instruction", "input", "output"]] = Field(
        default_factory=lambda: ["prompt", "output"], min_length=1
    )


class LengthConfig(CleanerOptions):
    """Options of ``length``."""

    min_tokens: int = Field(1, ge=0, le=10_000_000)
    max_tokens: int | None = Field(None, ge=1, le=10_000_000)
    fields: list[FieldName] = Field(default_factory=lambda: ["output"], min_length=1)
    tokenizer: Literal["whitespace", "chars"] = "whitespace"

    @model_validator(mode="after")
    def _bounds(self) -> LengthConfig:
        if self.max_tokens is not None and self.max_tokens < self.min_tokens:
            raise ValueError(f"max_tokens ({self.max_tokens}) is below min_tokens ({self.min_tokens})")
        return self


class CopiesInputConfig(CleanerOptions):
    """Options of ``copies_input``."""

    threshold: float = Field(0.9, gt=0.0, le=1.0)
    min_words: int = Field(5, ge=1, le=10_000)


class DedupConfig(CleanerOptions):
    """Options of ``dedup``."""

    fields: list[FieldName] = Field(default_factory=lambda: ["instruction", "input", "output"], min_length=1)
    near: bool = False
    threshold: float = Field(0.85, gt=0.0, le=1.0)
    num_perm: int = Field(64, ge=16, le=1024)


class LanguageConfig(CleanerOptions):
    """Options of ``language``."""

    fields: list[FieldName] = Field(default_factory=lambda: ["input", "output"], min_length=1)
    min_ratio: float = Field(0.15, ge=0.0, le=1.0)
    min_words: int = Field(8, ge=1, le=10_000)
    detector: Literal["auto", "lingua", "heuristic"] = Field(
        "auto", description="lingua when installed (auto), lingua (required), or the function-word heuristic."
    )
    languages: list[str] = Field(
        default_factory=lambda: ["en", "es", "fr", "de", "it", "pt", "nl"],
        min_length=2,
        description="lingua: ISO 639-1 codes to choose among (must include en).",
    )


# --- the default medical pipeline --------------------------------------------------------------------------

#: The pipeline ``medtune clean`` runs without ``--config`` (documented in docs/cleaning.md).
DEFAULT_MEDICAL_PIPELINE: dict[str, Any] = {
    "cleaners": [
        # before pii: units split after PII removal ("zip 10001mg" -> "10001 mg") gave a second run a new ZIP
        "normalize_units",
        "pii",  # before every filter, so that the rejects file holds no identifiers either
        "empty",
        {"name": "length", "options": {"min_tokens": 3, "max_tokens": 4096}},
        "copies_input",
        "language",
        "dedup",
        "medically_sound",
        "disclaimer",
    ]
}


def default_config() -> PipelineConfig:
    """The default medical pipeline as a :class:`PipelineConfig`."""
    return PipelineConfig.model_validate(DEFAULT_MEDICAL_PIPELINE)


# --- loading and building ----------------------------------------------------------------------------------


def load_config(source: PipelineConfig | dict[str, Any] | str | PathLike[str]) -> PipelineConfig:
    """Read a pipeline config from a YAML file path, a dict or a config object.

    Raises:
        ConfigError: The file is missing or not YAML, or a key or value is invalid (named in the message).
    """
    if isinstance(source, PipelineConfig):
        return source
    where = "pipeline config"
    if isinstance(source, (str, PathLike)):
        where = str(source)
        data = read_yaml(source, "pipeline config")
    else:
        data = source
    if isinstance(data, list):
        data = {"cleaners": data}
    if not isinstance(data, dict):
        raise ConfigError(
            f"{where}: expected a mapping with a 'cleaners' list, got {type(data).__name__}. "
            "Fix: start the file with 'cleaners:'."
        )
    try:
        return PipelineConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, PipelineConfig, where)) from exc


def build_cleaners(config: PipelineConfig, plugin_manager: PluginManager | None = None) -> list[Any]:
    """Resolve each entry through the ``cleaner`` registry and build it with its validated options.

    Raises:
        UnknownComponentError: A name nobody registered.
        ConfigError: Invalid options for a cleaner (the message names the step, the cleaner and the key).
    """
    from medtune.plugins.manager import get_plugin_manager

    registry = (plugin_manager or get_plugin_manager()).registry("cleaner")
    cleaners = []
    for i, entry in enumerate(config.entries()):
        spec = registry.get(entry.name)
        where = f"cleaners[{i}] ({entry.name}) options"
        if spec.config is None:
            if entry.options:
                raise ConfigError(f"{where}: '{entry.name}' takes no options, got {sorted(entry.options)}")
            cleaners.append(spec.build())
            continue
        try:
            options = spec.config.model_validate(entry.options)
        except ValidationError as exc:
            raise ConfigError(format_validation_error(exc, spec.config, where)) from exc
        cleaners.append(spec.build(options))
    return cleaners
