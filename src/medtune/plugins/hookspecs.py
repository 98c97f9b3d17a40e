"""Every medtune hook, in one place.

Hooks *register* components: each ``medtune_<kind>`` hook is called once per plugin manager, when the registry
of that kind is first needed, and returns the components the plugin provides. Pipelines then *run* those
components; no hook is ever called once per record. Lifecycle hooks are called by the Trainer at run, logging
and checkpoint granularity, never per example.

A plugin is any module or object with functions marked ``@medtune.hookimpl``, exposed through the ``medtune``
entry-point group::

    [project.entry-points.medtune]
    myplugin = "my_package.medtune_plugin"
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from medtune.cards.model_card import CardProfile
    from medtune.cleaning.pii_profiles import PIIProfileSpec
    from medtune.data.formats import DataFormat
    from medtune.data.samples import SampleDataset
    from medtune.plugins.presets import Preset
    from medtune.plugins.registry import ComponentSpec
    from medtune.serving.safety import SafetyPolicy

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

PROJECT_NAME = "medtune"
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# --- registration hooks -------------------------------------------------------------------------------


@hookspec
def medtune_data_formats() -> list[DataFormat]:
    """Register data formats (readers and, optionally, writers).

    Called once, the first time a format is looked up (``Dataset.load``, ``medtune data …``).

    Returns:
        :class:`~medtune.data.formats.DataFormat` instances; each ``name`` must be unique across plugins.
    """


@hookspec
def medtune_cleaners() -> list[ComponentSpec]:
    """Register cleaners: PII removers, term normalizers, filters, disclaimers.

    Called once, when a cleaning pipeline is built from registry names or ``medtune plugins`` lists them.

    Returns:
        :class:`~medtune.plugins.registry.ComponentSpec` entries whose ``factory(config)`` builds a cleaner.
    """


@hookspec
def medtune_term_lexicons() -> list[ComponentSpec]:
    """Register term lexicons (abbreviations, synonyms) used by term normalizers and term metrics.

    Called once, when a normalizer or a term metric asks for a lexicon by name.

    Returns:
        :class:`~medtune.plugins.registry.ComponentSpec` entries whose ``factory(config)`` builds a lexicon.
    """


@hookspec
def medtune_checkers() -> list[ComponentSpec]:
    """Register checkers: soundness checks used by the cleaning filter, accuracy and safety checks used by eval.

    Called once, when a pipeline or an evaluation resolves checkers by name.

    Returns:
        :class:`~medtune.plugins.registry.ComponentSpec` entries whose ``factory(config)`` builds a checker.
    """


@hookspec
def medtune_metrics() -> list[ComponentSpec]:
    """Register evaluation metrics (ROUGE, BLEU, …) that score predictions against references.

    Called once, when an evaluation resolves metrics by name.

    Returns:
        :class:`~medtune.plugins.registry.ComponentSpec` entries whose ``factory(config)`` builds a metric.
    """


@hookspec
def medtune_sample_datasets() -> list[SampleDataset]:
    """Register small sample datasets shipped inside a plugin package (demos, docs, smoke tests).

    Called once, when a sample is looked up by name (``medtune data stats --sample NAME``).

    Returns:
        :class:`~medtune.data.samples.SampleDataset` entries.
    """


@hookspec
def medtune_safety_policies() -> list[SafetyPolicy]:
    """Register safety policies for ``medtune serve``: emergency rules, an advice detector and a disclaimer.

    Called once, when a server's safety layer is built (``safety.policy`` in the serve config picks one).

    Returns:
        :class:`~medtune.serving.safety.SafetyPolicy` entries.
    """


@hookspec
def medtune_card_profiles() -> list[CardProfile]:
    """Register a domain's model-card text: tags, intended use and limitations.

    Called once, when the first model card of a process is rendered (``output.card_profile`` in the training config
    picks one; with none set, the only registered profile is used, else a domain-neutral text).

    Returns:
        :class:`~medtune.cards.model_card.CardProfile` entries.
    """


@hookspec
def medtune_pii_profiles() -> list[PIIProfileSpec]:
    """Register PII profiles: a domain's words and cues for the PII cleaners (``pii``, ``pii_regex``, ``pii_presidio``).

    Called once, when the first PII cleaner is built (its ``profile`` option picks one; with none set, the only
    registered profile other than the core's ``neutral`` is used, else ``neutral``). Registering must be cheap: a
    spec's ``build`` reads word lists and model paths, once, when a cleaner first needs the profile.

    Returns:
        :class:`~medtune.cleaning.pii_profiles.PIIProfileSpec` entries (a ready ``PIIProfile`` is accepted too).
    """


@hookspec
def medtune_presets() -> list[Preset]:
    """Register domain presets: the defaults that ``preset: NAME`` (or ``--preset NAME``) selects as one.

    A preset names a domain's pipeline, checkers, safety policy, card profile, sample and PII profile.

    Called once, the first time a preset is looked up. The core registers ``generic`` (neutral defaults); with no
    preset named, the only other registered preset is used, else ``generic``.

    Returns:
        :class:`~medtune.plugins.presets.Preset` entries.
    """


@hookspec
def medtune_pair_builders() -> list[ComponentSpec]:
    """Register preference-pair builders: each turns an instruction record into a prompt/chosen/rejected pair.

    Called once, when ``medtune data pairs`` (or :func:`medtune.data.pairs.build_pairs` through the registry) looks
    a builder up, or ``medtune plugins`` lists them.

    Returns:
        :class:`~medtune.plugins.registry.ComponentSpec` entries whose ``factory(config)`` builds a
        :class:`~medtune.data.pairs.PairBuilder`.
    """


# --- trainer lifecycle hooks --------------------------------------------------------------------------


@hookspec
def medtune_train_begin(config: Any, run_dir: Path) -> None:
    """Called once when training starts, after the model and data are ready and before the first step.

    Args:
        config: The validated ``TrainConfig`` of the run.
        run_dir: The run's output directory.
    """


@hookspec
def medtune_log(step: int, logs: Mapping[str, float]) -> None:
    """Called at every logging step (``logging_steps``), never per example.

    Args:
        step: The optimizer step just finished.
        logs: Metrics of that step: ``loss``, ``learning_rate``, ``tokens_per_second``, ``eval_loss``…
    """


@hookspec
def medtune_checkpoint_saved(checkpoint_dir: Path, step: int) -> None:
    """Called after a checkpoint has been written atomically.

    Args:
        checkpoint_dir: The completed checkpoint directory.
        step: The optimizer step it holds.
    """


@hookspec
def medtune_train_end(run_dir: Path, metrics: Mapping[str, float]) -> None:
    """Called once after training finished and the final adapter was saved.

    Args:
        run_dir: The run's output directory.
        metrics: Final metrics (train loss, eval loss, wall time…).
    """
