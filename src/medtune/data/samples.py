"""Sample datasets shipped inside plugin packages, registered through ``medtune_sample_datasets``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["SampleDataset", "sample_path"]


@dataclass(frozen=True)
class SampleDataset:
    """A small dataset file that a plugin ships for demos, docs and smoke tests.

    Attributes:
        name: Registry name (``--sample NAME``).
        path: The file or directory.
        format: Its format name, or ``None`` to detect from the path.
        description: One line: what it holds and its licence.
        license: SPDX-style licence summary.
    """

    name: str
    path: Path
    format: str | None = None
    description: str = ""
    license: str = ""


def sample_path(name: str | None = None) -> Path:
    """Path of a registered sample dataset (default: the active preset's sample).

    Raises:
        ConfigError: No name, and the preset ships no sample.

    Example:
        >>> sample_path("medical").name
        'medical_sample.jsonl'
    """
    from medtune.errors import ConfigError
    from medtune.plugins.manager import get_plugin_manager
    from medtune.plugins.presets import active_preset

    if name is None:
        preset = active_preset()
        if preset.sample is None:
            raise ConfigError(
                f"the preset '{preset.name}' ships no sample dataset. Fix: name one (see `medtune plugins`)."
            )
        name = preset.sample
    return get_plugin_manager().registry("sample").get(name).path
