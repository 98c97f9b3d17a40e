"""Domain presets: a domain's defaults as one named object, registered through ``medtune_presets``.

A :class:`Preset` names what a domain plugin supplies for a whole job: its cleaning pipeline, its evaluation
checkers and evaluation sets (out of distribution, forgetting), its serving safety policy, its model-card profile,
its sample dataset and its PII profile. ``preset: NAME`` in a clean, eval, serve or run config (or ``--preset
NAME``) picks one. The core registers ``generic``: the neutral defaults (PII removal with no domain lexicon,
filters, dedup; no checkers; the ``none`` safety policy; no sample; no out-of-distribution set; the general
multiple-choice sample ``mmlu-general`` as its forgetting check). With no preset named: the preset of medtune's
default plugin (``medical``) while it is installed, so that medtune's defaults stay what they were beside other
plugins; else the only preset other than ``generic``; else ``generic``. Several third-party domain presets and none
named is an error that lists them.

While a config is validated, :func:`using_preset` makes a preset the active one, so that the defaults of its
sections (the pipeline of ``clean``, the checkers of ``eval``…) come from it (:func:`active_preset`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pydantic import Field, model_validator

from medtune.config import ConfigModel
from medtune.errors import ConfigError

if TYPE_CHECKING:
    from medtune.plugins.manager import PluginManager

__all__ = [
    "GENERAL_MCQ_SAMPLE",
    "GENERIC",
    "GENERIC_PIPELINE",
    "Preset",
    "PresetChoice",
    "PresetScoped",
    "active_preset",
    "active_preset_name",
    "choose_preset",
    "claimed_by_presets",
    "resolve_preset",
    "using_preset",
]

#: The name of the core's neutral preset.
GENERIC = "generic"
#: The core's general, non-medical multiple-choice sample (registered by ``medtune.evaluation.builtin``): every
#: preset's default forgetting check.
GENERAL_MCQ_SAMPLE = "mmlu-general"

#: The core's cleaning pipeline: PII removal with the neutral profile, then the domain-neutral filters.
GENERIC_PIPELINE: Mapping[str, Any] = MappingProxyType(
    {
        "cleaners": (
            "pii",  # before every filter, so that the rejects file holds no identifiers either
            "empty",
            MappingProxyType({"name": "length", "options": MappingProxyType({"min_tokens": 3, "max_tokens": 4096})}),
            "copies_input",
            "language",
            "dedup",
        )
    }
)


def _plain(value: Any) -> Any:
    """A JSON-like copy of a (possibly read-only) mapping or sequence, safe to validate and to change."""
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Preset:
    """A domain's defaults, picked as one by ``preset: NAME`` or ``--preset NAME``.

    Attributes:
        name: Registry name.
        description: One line for ``medtune plugins``.
        pipeline: The cleaning pipeline (the mapping a pipeline YAML holds: ``{"cleaners": [...]}``).
        checkers: Evaluation checkers scored besides the metrics (registered checker names).
        safety_policy: The serving safety policy (a registered policy name; ``none``: no emergency rules and no
            disclaimer).
        card_profile: The model-card profile (a registered profile name; ``None``: the neutral text).
        sample: The sample dataset a run uses when it names no data (a registered sample name), or ``None``.
        pii_profile: The PII profile of the PII cleaners (a registered profile name; ``None``: the neutral one).
        mcq_instruction: The instruction of multiple-choice items that bring none (``None``: the neutral one).
        ood: Out-of-distribution generation sets an evaluation scores besides its test data: questions from another
            source than the training data (registered sample names or data files; ``()``: none).
        forgetting: Multiple-choice sets an evaluation scores to catch forgetting, i.e. what tuning on the domain
            cost elsewhere (sample names or files; default: the core's general set :data:`GENERAL_MCQ_SAMPLE`).

    Example:
        >>> support = Preset("support", "customer support", checkers=("no_account_numbers",), sample="support")
        >>> support.pipeline_config()["cleaners"][0], support.safety_policy, support.ood, support.forgetting
        ('pii', 'none', (), ('mmlu-general',))
    """

    name: str
    description: str = ""
    pipeline: Mapping[str, Any] = field(default_factory=lambda: GENERIC_PIPELINE)
    checkers: tuple[str, ...] = ()
    safety_policy: str = "none"
    card_profile: str | None = None
    sample: str | None = None
    pii_profile: str | None = None
    mcq_instruction: str | None = None
    ood: tuple[str, ...] = ()
    forgetting: tuple[str, ...] = (GENERAL_MCQ_SAMPLE,)

    def pipeline_config(self) -> dict[str, Any]:
        """The pipeline as a fresh mapping, ready for :class:`~medtune.cleaning.PipelineConfig`."""
        return _plain(self.pipeline)


GENERIC_PRESET = Preset(
    GENERIC,
    "domain-neutral: PII removal without a domain lexicon, filters and dedup; no checkers, no safety policy; the "
    "general multiple-choice sample as the forgetting check",
)


@dataclass(frozen=True)
class PresetChoice:
    """The preset a command uses, and why (printed by the CLI, so the default is never silent)."""

    preset: Preset
    reason: str

    def describe(self) -> str:
        """One line for the command's output, e.g. ``preset: medical (the default: ...)``."""
        return f"preset: {self.preset.name} ({self.reason})"


def _manager(plugin_manager: PluginManager | None) -> PluginManager:
    from medtune.plugins.manager import get_plugin_manager

    return plugin_manager or get_plugin_manager()


def choose_preset(name: str | None = None, plugin_manager: PluginManager | None = None) -> PresetChoice:
    """The preset named ``name``, or the default one, with the reason.

    Raises:
        UnknownComponentError: No preset of that name is registered (the message lists those that are).
        ConfigError: No name, and more than one domain preset is installed.
    """
    from medtune.plugins.manager import DEFAULT_PLUGINS

    registry = _manager(plugin_manager).registry("preset")
    if name is not None:
        return PresetChoice(registry.get(name), "chosen")
    domain = [info for info in registry if info.name != GENERIC]
    if not domain:
        return PresetChoice(registry.get(GENERIC), "the default: no domain preset is installed")
    shipped = [info for info in domain if info.plugin in DEFAULT_PLUGINS]
    if len(shipped) == 1 and len(domain) > 1:  # medtune's own defaults stay the defaults beside other plugins
        info = shipped[0]
        return PresetChoice(
            info.component,
            f"the default while plugin '{info.plugin}' is installed; --preset NAME for another "
            f"({', '.join(sorted(i.name for i in domain if i is not info))} or {GENERIC})",
        )
    if len(domain) == 1:
        info = domain[0]
        return PresetChoice(
            info.component,
            f"the default while plugin '{info.plugin}' is the only domain plugin installed; "
            f"--preset {GENERIC} for the neutral defaults",
        )
    names = ", ".join(sorted(info.name for info in domain))
    raise ConfigError(
        f"several domain presets are installed ({names}) and none is chosen. Fix: set 'preset: NAME' in the "
        f"config or pass --preset NAME (one of {names}, or {GENERIC})."
    )


def claimed_by_presets(attribute: str, plugin_manager: PluginManager | None = None) -> set[str]:
    """The names every registered preset gives for ``attribute`` (``card_profile``, ``pii_profile``…).

    A profile that a preset claims is that preset's: it is never taken as a default when another preset is active.
    """
    registry = _manager(plugin_manager).registry("preset")
    return {value for info in registry if (value := getattr(info.component, attribute, None)) is not None}


def resolve_preset(name: str | None = None, plugin_manager: PluginManager | None = None) -> Preset:
    """The preset named ``name``, or the default one (see :func:`choose_preset`)."""
    return choose_preset(name, plugin_manager).preset


_ACTIVE: ContextVar[str | None] = ContextVar("medtune_active_preset", default=None)


@contextmanager
def using_preset(name: str | None) -> Iterator[None]:
    """Make ``name`` the active preset (``None``: the default one) for the defaults of configs built inside.

    Example:
        >>> with using_preset("generic"):
        ...     active_preset().name
        'generic'
    """
    token = _ACTIVE.set(name)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def active_preset_name() -> str | None:
    """The name :func:`using_preset` set, or ``None`` (the default preset)."""
    return _ACTIVE.get()


def active_preset() -> Preset:
    """The preset whose defaults apply now: the one :func:`using_preset` set, else the default one."""
    return resolve_preset(_ACTIVE.get())


class PresetScoped(ConfigModel):
    """A config whose defaults come from a preset.

    The preset is the config's own ``preset`` key, else the enclosing config's, else the default preset. Sections
    validated inside it (a run's ``clean`` and ``eval``) take their defaults from the same preset.
    """

    preset: str | None = Field(
        default=None,
        description="The domain preset whose defaults apply (see `medtune plugins`); null: the default preset.",
    )

    @model_validator(mode="wrap")
    @classmethod
    def _within_preset(cls, data: Any, handler: Any) -> Any:
        name = data.get("preset") if isinstance(data, Mapping) else getattr(data, "preset", None)
        with using_preset(name or _ACTIVE.get()):
            return handler(data)
