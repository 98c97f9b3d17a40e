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


def sample_path(name: str = "medical") -> Path:
    """Path of a registered sample dataset.

    Example:
        >>> sample_path("medical").name
        'medical_sample.jsonl'
    """
    from medtune.plugins.manager import get_plugin_manager

    return get_plugin_manager().registry("sample").get(name).path
