"""Sample datasets shipped inside plugin packages, registered through ``medtune_sample_datasets``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["SampleDataset", "sample_path", "training_sample"]


@dataclass(frozen=True)
class SampleDataset:
    """A small dataset file that a plugin ships for demos, docs and smoke tests.

    Attributes:
        name: Registry name (``--sample NAME``).
        path: The file or directory.
        format: Its format name, or ``None`` to detect from the path.
        description: One line: what it holds and its licence.
        license: SPDX-style licence summary.
        test_only: An evaluation set (out of distribution, forgetting): runs and training refuse it as training data.
    """

    name: str
    path: Path
    format: str | None = None
    description: str = ""
    license: str = ""
    test_only: bool = False


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


def training_sample(name: str, where: str = "data.source") -> SampleDataset:
    """The registered sample ``name``, to train on.

    Args:
        name: The sample's name (``sample:NAME`` without the prefix).
        where: The config key or flag that named it, for the message.

    Raises:
        UnknownComponentError: No sample of that name (the message lists the samples).
        ConfigError: The sample is an evaluation set (``test_only``): training on it would void the evaluation.
    """
    from medtune.errors import ConfigError
    from medtune.plugins.manager import get_plugin_manager

    sample: SampleDataset = get_plugin_manager().registry("sample").get(name)
    if sample.test_only:
        raise ConfigError(
            f"{where}: sample:{name} is an evaluation set ({sample.description}); training on it would make every "
            "evaluation on it meaningless. Fix: train on another source (e.g. your data or the preset's sample) and "
            "keep it for eval.ood / eval.forgetting."
        )
    return sample
