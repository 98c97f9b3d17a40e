"""``RunConfig``: one YAML for the whole job, data → clean → split → train → eval → model card.

Each section is the config of the stage's own API: ``clean`` is a cleaning :class:`~medtune.cleaning.PipelineConfig`,
``train`` a :class:`~medtune.training.TrainConfig`, ``eval`` an :class:`~medtune.evaluation.EvalConfig` plus the
few run-only keys (``limit``, ``split``, ``compare_base``). Unknown keys are errors that name the key, at every level.
"""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from medtune.cleaning.config import PipelineConfig, default_config, load_config
from medtune.config import ConfigModel, apply_overrides
from medtune.evaluation.evaluator import EvalConfig
from medtune.plugins.presets import PresetScoped, active_preset
from medtune.training.config import TrainConfig

__all__ = ["RunConfig", "RunDataConfig", "RunEvalConfig", "RunSourceConfig", "SplitConfig", "apply_overrides"]


class RunSourceConfig(ConfigModel):
    """One weighted source of a data recipe (an entry of ``data.sources``)."""

    source: str = Field(min_length=1, description="A data file or directory, or 'sample:NAME'.")
    weight: float = Field(gt=0, description="Its share of the trained tokens (weights are normalised to sum to 1).")
    name: str | None = Field(
        default=None, min_length=1, description="Its name in reports (default: the sample name or the file stem)."
    )
    format: str | None = Field(default=None, description="Data format name (default: data.format, else detected).")
    columns: dict[str, str] | None = Field(default=None, description="Column renames (default: data.columns).")

    @property
    def label(self) -> str:
        """The name records are tagged with: ``name``, else the sample name, else the file or directory stem."""
        if self.name:
            return self.name
        if self.source.startswith("sample:"):
            return self.source.split(":", 1)[1]
        path = Path(self.source)
        return (path.stem if path.suffix else path.name) or self.source


class RunDataConfig(ConfigModel):
    """Where the records come from (the same settings as ``medtune data`` / ``Dataset.load``).

    Either one ``source``, or a recipe of weighted ``sources`` (mixed by trained tokens in the split stage).

    Example:
        >>> recipe = [{"source": "a.jsonl", "weight": 3}, {"source": "sample:medical", "weight": 1}]
        >>> cfg = RunDataConfig.from_dict({"sources": recipe})
        >>> cfg.source, [s.label for s in cfg.sources], cfg.weights()
        (None, ['a', 'medical'], {'a': 0.75, 'medical': 0.25})
    """

    source: str | None = Field(
        default_factory=lambda: _preset_sample(),
        min_length=1,
        description="A data file or directory, or 'sample:NAME' (shipped; default: the preset's sample).",
    )
    format: str | None = Field(default=None, description="Data format name (default: detected from the file).")
    columns: dict[str, str] | None = Field(
        default=None, description="Rename source columns to record fields, e.g. {question: input}."
    )
    kind: Literal["instruction", "chat", "preference"] | None = Field(
        default=None, description="Record layout (default: detected); preference pairs for train.method dpo."
    )
    skip_invalid: bool = Field(
        default=False, description="Keep the valid records and list the invalid ones in data/invalid.jsonl."
    )
    sources: list[RunSourceConfig] | None = Field(
        default=None,
        min_length=1,
        description="Several weighted sources instead of 'source': [{source, weight, name}], mixed by trained tokens.",
    )
    train_tokens: int | None = Field(
        default=None,
        ge=1,
        description="With sources: the tokens of the mixed train split (default: the train split's natural total).",
    )
    mix_tokens: Literal["model", "words"] = Field(
        default="model",
        description="With sources: count tokens with the model's tokenizer, or whitespace-separated words.",
    )

    @model_validator(mode="before")
    @classmethod
    def _source_or_sources(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("sources") is not None:
            if data.get("source") is not None:
                raise ValueError(
                    "data.source and data.sources are both set; a run reads one source or a weighted recipe. "
                    "Fix: remove data.source, or remove data.sources."
                )
            data = {**data, "source": None}
        return data

    @model_validator(mode="after")
    def _unique_names(self) -> RunDataConfig:
        seen: dict[str, int] = {}
        for i, src in enumerate(self.sources or []):
            if src.label in seen:
                raise ValueError(
                    f"data.sources[{i}]: the name '{src.label}' is also the name of data.sources[{seen[src.label]}]. "
                    "Fix: give each source a distinct 'name'."
                )
            seen[src.label] = i
        if self.sources is None and "train_tokens" in self.model_fields_set and self.train_tokens is not None:
            raise ValueError("data.train_tokens only applies to data.sources. Fix: remove it, or use data.sources.")
        return self

    def weights(self) -> dict[str, float]:
        """Source name → normalised weight (summing to 1); empty without ``sources``."""
        total = sum(s.weight for s in self.sources or [])
        return {s.label: s.weight / total for s in self.sources or []}


class SplitConfig(ConfigModel):
    """The deterministic train/validation/test split (``Dataset.split``)."""

    validation: float | int = Field(default=0.1, ge=0, description="Fraction (< 1) or number of records.")
    test: float | int = Field(default=0.1, ge=0, description="Fraction (< 1) or number of records.")
    seed: int = Field(default=42, ge=0)
    stratify_by: str | None = Field(default=None, description="Column to stratify on, e.g. category.")


class RunEvalConfig(EvalConfig):
    """The evaluation config of ``medtune eval`` plus what the run evaluates."""

    split: Literal["test", "validation"] = Field(default="test", description="Which held-out split to evaluate on.")
    limit: int | None = Field(default=None, ge=1, description="Evaluate the first N examples of the split only.")
    compare_base: bool = Field(
        default=True, description="Also evaluate the base model the same way, for a side-by-side comparison."
    )
    fail_on_regression: bool = Field(
        default=False,
        description="`medtune run` exits with code 3 when the verdict says a judged metric hurt (tuned worse than "
        "the base, paired interval excluding 0). Needs compare_base; changing it does not rerun the evaluation.",
    )

    @model_validator(mode="after")
    def _regression_needs_base(self) -> RunEvalConfig:
        if self.fail_on_regression and not self.compare_base:
            raise ValueError(
                "eval.fail_on_regression needs a comparison with the base model, but eval.compare_base is false. "
                "Fix: set eval.compare_base: true, or drop fail_on_regression."
            )
        return self

    def evaluator_config(self) -> EvalConfig:
        """The plain :class:`EvalConfig` (without the run-only keys)."""
        return EvalConfig.model_validate(self.model_dump(include=set(EvalConfig.model_fields)))


_OFF = ("none", "off", "disabled")


def _preset_sample() -> str | None:
    sample = active_preset().sample
    return f"sample:{sample}" if sample else None


class RunConfig(PresetScoped):
    """A whole run. ``RunConfig()`` is valid: the shipped medical sample, default cleaning, the recipe's training.

    Example:
        >>> cfg = RunConfig.from_dict({"split": {"validation": 16, "test": 16}, "eval": {"limit": 8}})
        >>> cfg.clean.cleaners[0].name, cfg.split.test, cfg.eval.limit, cfg.output_dir.as_posix()
        ('pii', 16, 8, 'runs/medtune-run')
        >>> RunConfig.from_dict({"clean": False, "eval": None}).clean is None
        True
    """

    config_kind: ClassVar[str] = "run config"
    docs_page: ClassVar[str] = "docs/run.md"

    data: RunDataConfig = Field(default_factory=RunDataConfig)
    clean: PipelineConfig | None = Field(
        default_factory=default_config,
        description="A cleaning pipeline (mapping or list of cleaners), 'default', a pipeline YAML path, "
        "or false/none to skip cleaning.",
    )
    split: SplitConfig = Field(default_factory=SplitConfig)
    train: TrainConfig = Field(default_factory=TrainConfig)
    eval: RunEvalConfig | None = Field(
        default_factory=RunEvalConfig, description="Evaluation settings, or false/none to skip evaluation."
    )
    output_dir: Path = Field(default=Path("runs/medtune-run"), description="Every stage writes under here.")

    @field_validator("clean", mode="before")
    @classmethod
    def _clean_shorthands(cls, value: Any) -> Any:
        if value is None or value is False or (isinstance(value, str) and value.lower() in _OFF):
            return None
        if value is True or value == "default":
            return default_config()
        if isinstance(value, list):
            return {"cleaners": value}
        if isinstance(value, (str, PathLike)):
            return load_config(value)  # a pipeline YAML file; its errors name the file and the key
        return value

    @field_validator("eval", mode="before")
    @classmethod
    def _eval_shorthands(cls, value: Any) -> Any:
        if value is None or value is False or (isinstance(value, str) and value.lower() in _OFF):
            return None
        if value is True:
            return {}
        return value

    @model_validator(mode="after")
    def _cross_checks(self) -> RunConfig:
        if self.data.source is None and self.data.sources is None:
            raise ValueError(
                f"data.source: the preset '{self.preset or active_preset().name}' ships no sample, so the run has no "
                "data. Fix: set data.source to a data file or directory (or 'sample:NAME')."
            )
        data_keys = sorted(self.train.data.model_fields_set & {"train", "eval", "format"})
        if data_keys:
            raise ValueError(
                f"train.data.{data_keys[0]}: the run feeds training from its split stage. "
                "Fix: set the data in the 'data' section (data.source, data.format) and remove train.data."
            )
        if self.train.method == "dpo" and self.clean is not None:
            raise ValueError(
                "clean: train.method dpo trains on preference pairs, which the cleaning pipeline does not clean. "
                "Fix: set clean: false, and build the pairs from cleaned records (`medtune clean`, then "
                "`medtune data pairs`)."
            )
        if "dir" in self.train.output.model_fields_set:
            raise ValueError(
                "train.output.dir: the run writes training outputs to OUTPUT_DIR/train. Fix: set output_dir instead."
            )
        if self.train.eval.split > 0 and self.split.validation:
            raise ValueError(
                "train.eval.split and split.validation both hold out validation data. "
                "Fix: set split.validation (the run's split) and remove train.eval.split."
            )
        for name in ("validation", "test"):
            size = getattr(self.split, name)
            if isinstance(size, float) and size >= 1:
                raise ValueError(f"split.{name}: a fraction must be below 1, got {size} (use an int for a count)")
        if (
            self.train.eval.steps is not None or self.train.eval.early_stopping_patience is not None
        ) and not self.split.validation:
            raise ValueError("train.eval.steps / early stopping need validation data. Fix: set split.validation.")
        if self.eval is not None and not getattr(self.split, self.eval.split):
            raise ValueError(
                f"eval.split is '{self.eval.split}' but split.{self.eval.split} is 0, so there is nothing to "
                f"evaluate on. Fix: set split.{self.eval.split} (e.g. 16), or eval: false."
            )
        return self

    @classmethod
    def expand_section(cls, path: Sequence[str], current: Any) -> dict[str, Any]:
        """The default pipeline for ``clean: default``, ``true`` or nothing, so ``clean.batch_size`` edits it."""
        return _expanded(list(path), current)


def _expanded(path: list[str], current: Any) -> dict[str, Any]:
    """The mapping form of a section given as a shorthand (``clean: default``), so a key can be set in it."""
    if path == ["clean"] and current in ("default", True, None):
        return default_config().model_dump(mode="json")
    return {}
