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
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field, field_validator

from medtune._moved import deprecated_names
from medtune.cleaning.base import CleanerOptions, FieldName
from medtune.cleaning.filters import CopiesInputConfig, DedupConfig, EmptyConfig, LanguageConfig, LengthConfig
from medtune.config import validate_config
from medtune.errors import ConfigError
from medtune.plugins.presets import PresetScoped, active_preset

if TYPE_CHECKING:
    from medtune.plugins.manager import PluginManager

__all__ = [
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


class CleanerEntry(CleanerOptions):
    """One pipeline step: a registered cleaner name and its options."""

    name: str = Field(min_length=1, description="Registered cleaner name (see `medtune plugins`).")
    options: dict[str, Any] = Field(default_factory=dict, description="The cleaner's own options.")


class PipelineConfig(CleanerOptions, PresetScoped):
    """A cleaning pipeline: cleaners in order (a bare string is a cleaner with default options).

    Without ``cleaners``, the pipeline of the preset (``preset``, else the active or default one).
    """

    config_kind: ClassVar[str] = "pipeline config"
    docs_page: ClassVar[str] = "docs/cleaning.md"

    cleaners: list[CleanerEntry] = Field(
        default_factory=lambda: list(active_preset().pipeline_config()["cleaners"]),
        validate_default=True,
        min_length=1,
        description="The cleaners, in order (default: the preset's pipeline).",
    )
    batch_size: int = Field(256, ge=1, le=100_000, description="Records per map batch.")

    @field_validator("cleaners", mode="before")
    @classmethod
    def _bare_names(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"name": v} if isinstance(v, str) else v for v in value]
        return value

    @classmethod
    def prepare(cls, data: Any) -> Any:
        """A bare list of cleaners is the ``cleaners`` list."""
        return {"cleaners": data} if isinstance(data, list) else data

    def entries(self) -> list[CleanerEntry]:
        """The steps, in order."""
        return list(self.cleaners)


# --- the default pipeline: the preset's -------------------------------------------------------------------


def default_config(preset: str | None = None) -> PipelineConfig:
    """The pipeline of ``preset`` (default: the active preset, see :mod:`medtune.plugins.presets`).

    With the medical plugin installed (and no other domain plugin) that is the medical pipeline
    (``normalize_units``, ``pii``, filters, ``medically_sound``, ``disclaimer``); with none, the generic one.
    """
    return PipelineConfig.from_dict({} if preset is None else {"preset": preset}, source="default pipeline")


def _medical_pipeline() -> PipelineConfig:
    from medtune.plugins.presets import resolve_preset

    return resolve_preset("medical").pipeline_config()


#: ``DEFAULT_MEDICAL_PIPELINE``, for one release: the medical preset's pipeline now lives in the medical plugin.
__getattr__ = deprecated_names(
    __name__,
    {
        "DEFAULT_MEDICAL_PIPELINE": (
            _medical_pipeline,
            "is the medical preset's pipeline now: use "
            "medtune.plugins.presets.resolve_preset('medical').pipeline_config()",
        )
    },
)


# --- loading and building ----------------------------------------------------------------------------------


def load_config(source: PipelineConfig | dict[str, Any] | list[Any] | str | PathLike[str]) -> PipelineConfig:
    """Read a pipeline config from a YAML file path, a dict, a list of cleaners or a config object.

    Raises:
        ConfigError: The file is missing or not YAML, or a key or value is invalid (named in the message).
    """
    return PipelineConfig.load(source)


def build_cleaners(config: PipelineConfig, plugin_manager: PluginManager | None = None) -> list[Any]:
    """Resolve each entry through the ``cleaner`` registry and build it with its validated options.

    Raises:
        UnknownComponentError: A name nobody registered.
        ConfigError: Invalid options for a cleaner (the message names the step, the cleaner and the key).
    """
    from medtune.plugins.manager import get_plugin_manager
    from medtune.plugins.presets import active_preset_name, using_preset

    with using_preset(config.preset or active_preset_name()):  # the PII cleaners take the preset's profile
        return _build(config, (plugin_manager or get_plugin_manager()).registry("cleaner"))


def _build(config: PipelineConfig, registry: Any) -> list[Any]:
    cleaners = []
    for i, entry in enumerate(config.entries()):
        spec = registry.get(entry.name)
        where = f"cleaners[{i}] ({entry.name}) options"
        if spec.config is None:
            if entry.options:
                raise ConfigError(f"{where}: '{entry.name}' takes no options, got {sorted(entry.options)}")
            cleaners.append(spec.build())
            continue
        cleaners.append(spec.build(validate_config(spec.config, entry.options, where)))
    return cleaners
