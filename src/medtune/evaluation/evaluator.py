"""``medtune.evaluation.Evaluator``: generate (or load cached generations), score, compare, report.

Example, with generations already on disk (no model needed)::

    ev = Evaluator(EvalConfig(metrics=["rouge"], checkers=["safety"]))
    base = ev.score(load_generations("base.jsonl"), name="base")
    tuned = ev.score(load_generations("tuned.jsonl"), name="tuned")
    ev.report("report/", tuned, base=base, train_log="run/train_log.jsonl")
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationInfo, field_validator

from medtune.config import validate_config
from medtune.data.records import Conversation, InstructionRecord
from medtune.errors import ConfigError
from medtune.evaluation.compare import Estimate, bootstrap, paired_bootstrap
from medtune.evaluation.generation import GenerationConfig
from medtune.evaluation.mcq import MCQConfig, MCQItem
from medtune.evaluation.scoring import EvalExample, ExampleScore, Scorer, as_scorer
from medtune.evaluation.sets import SetResult, parse_set_list
from medtune.plugins.presets import PresetScoped, active_preset

__all__ = ["MERGE_CHECK_PROMPTS", "EvalConfig", "Evaluator", "SystemResult"]

#: Prompts of the evaluation data on which an unmerged adapter's logits are compared with the merged model's.
MERGE_CHECK_PROMPTS = 4
#: The last tokens of each of those prompts that are scored (keeps the check cheap).
_MERGE_CHECK_TOKENS = 256
#: The verdict group of a scorer that names none, by the registry it came from (see ``Scorer.group``).
DEFAULT_GROUPS = {"metric": "quality", "checker": "checks"}


class EvalConfig(PresetScoped):
    """What an evaluation computes and how. Without ``checkers``, the preset's (see :mod:`medtune.plugins.presets`)."""

    metrics: list[str] = Field(
        default_factory=lambda: ["rouge", "bleu", "length"], description="Registered metric names."
    )
    checkers: list[str] = Field(
        default_factory=lambda: list(active_preset().checkers),
        description="Registered checker names (evaluation checkers, or cleaning checkers scored as pass rates).",
    )
    options: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Options per metric/checker name, validated by its config model."
    )
    generation: GenerationConfig = Field(default_factory=GenerationConfig)
    mcq: MCQConfig = Field(default_factory=MCQConfig)
    bootstrap_resamples: int = Field(default=1000, ge=0, le=100_000)
    confidence: float = Field(default=0.95, gt=0.0, lt=1.0)
    seed: int = Field(default=0, ge=0)
    qualitative_examples: int = Field(default=3, ge=0, le=100)
    headline: str | None = Field(
        default=None,
        description="Metric key that alone judges its group in the verdict (default: rougeL for generation, "
        "accuracy for multiple choice).",
    )
    groups: dict[str, str] = Field(
        default_factory=dict,
        description="Verdict group per metric/checker name or metric key (e.g. {safety: safety}), overriding the "
        "scorer's own (metrics: quality, checkers: checks unless they say otherwise).",
    )
    ood: list[str] = Field(
        default_factory=lambda: list(active_preset().ood),
        description="Out-of-distribution generation sets scored besides the evaluation data (sample names or data "
        "files; default: the preset's, k-qa for medical); none or [] to switch off.",
    )
    forgetting: list[str] = Field(
        default_factory=lambda: list(active_preset().forgetting),
        description="Multiple-choice sets scored to catch forgetting (sample names or MCQ files; default: the "
        "preset's, pubmedqa and mmlu-general for medical, mmlu-general otherwise); none or [] to switch off.",
    )

    @field_validator("ood", "forgetting", mode="before")
    @classmethod
    def _set_lists(cls, value: Any, info: ValidationInfo) -> list[str]:
        return parse_set_list(value, f"eval.{info.field_name}")


class _MCQScorer(Scorer):
    name = "mcq"
    keys = ("accuracy", "accuracy_norm")
    group = "quality"


@dataclass
class SystemResult:
    """One system's evaluation: examples, per-example scores per scorer, corpus estimates with intervals."""

    name: str
    model: str
    task: str
    examples: list[EvalExample]
    scores: dict[str, list[ExampleScore]]
    metrics: dict[str, Estimate]
    scorers: dict[str, Scorer] = field(default_factory=dict, repr=False)
    throughput: dict[str, Any] | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    loaded: dict[str, Any] | None = None

    def summary(self) -> dict[str, dict[str, Any]]:
        """Metric key → value, interval and n (plain JSON)."""
        return {k: e.to_dict() for k, e in self.metrics.items()}

    def per_example(self) -> list[dict[str, Any]]:
        """One row per example: id, prompt, prediction, reference and every scorer's values and details."""
        rows = []
        for i, ex in enumerate(self.examples):
            row: dict[str, Any] = {
                "id": ex.id,
                "prompt": ex.prompt,
                "prediction": ex.prediction,
                "reference": ex.reference,
            }
            row["scores"] = {name: s[i].to_dict() for name, s in self.scores.items()}
            rows.append(row)
        return rows


class Evaluator:
    """Scores models with registered metrics and checkers, with bootstrap intervals and paired comparisons.

    Args:
        config: What to compute (defaults: rouge, bleu, length; term_overlap, safety, empathy; greedy decoding).
    """

    def __init__(self, config: EvalConfig | None = None) -> None:
        self.config = config or EvalConfig()
        self._scorers: list[Scorer] | None = None

    def scorers(self) -> list[Scorer]:
        """The configured metrics and checkers, built from the plugin registries (once).

        Raises:
            UnknownComponentError: A name nobody registered (the message lists the registered names).
            ConfigError: Two scorers report the same key.
        """
        if self._scorers is None:
            from medtune.plugins.manager import get_plugin_manager

            pm = get_plugin_manager()
            built = []
            for kind, names in (("metric", self.config.metrics), ("checker", self.config.checkers)):
                registry = pm.registry(kind)
                for name in names:
                    spec = registry.get(name)
                    options = self.config.options.get(name)
                    if spec.config is not None and options is not None and not isinstance(options, BaseModel):
                        options = validate_config(spec.config, options, f"options.{name} ({kind} '{name}')")
                    scorer = as_scorer(spec.build(options), name)
                    if getattr(scorer, "group", None) is None:
                        scorer.group = DEFAULT_GROUPS[kind]
                    built.append(scorer)
            seen: dict[str, str] = {}
            for scorer in built:
                for key in scorer.keys:
                    if key in seen:
                        raise ConfigError(
                            f"metric key '{key}' is reported by both '{seen[key]}' and '{scorer.name}'. "
                            "Fix: drop one of them from the evaluation's metrics/checkers."
                        )
                    seen[key] = scorer.name
            self._check_headline(seen)
            self._scorers = built
        return self._scorers

    def _check_headline(self, keys: dict[str, str]) -> None:
        """Fail early when the configured headline is neither a scorer's key nor a multiple-choice one."""
        headline = self.config.headline
        if headline is not None and headline not in keys and headline not in _MCQScorer.keys:
            raise ConfigError(
                f"eval headline '{headline}' is not a key of the configured metrics and checkers "
                f"({', '.join([*keys, *_MCQScorer.keys])}). Fix: set headline to one of them, or leave it unset "
                "(rougeL for generation, accuracy for multiple choice)."
            )

    def group_of(self, scorer: Scorer, key: str) -> str:
        """The verdict group of ``key``: ``config.groups`` by key, then by scorer name, then the scorer's own."""
        groups = self.config.groups
        return groups.get(key) or groups.get(scorer.name) or getattr(scorer, "group", None) or "quality"

    def _estimates(self, scorer: Scorer, scores: list[ExampleScore]) -> dict[str, Estimate]:
        out = bootstrap(
            scores,
            scorer.aggregate,
            resamples=self.config.bootstrap_resamples,
            confidence=self.config.confidence,
            seed=self.config.seed,
        )
        applicable = scorer.applicable(scores)
        return {k: Estimate(e.value, e.low, e.high, applicable.get(k, e.n)) for k, e in out.items()}

    def score(
        self,
        examples: Sequence[EvalExample],
        *,
        name: str = "model",
        model: str = "",
        throughput: dict[str, Any] | None = None,
        settings: dict[str, Any] | None = None,
    ) -> SystemResult:
        """Score generated examples (e.g. from :func:`~medtune.evaluation.generation.load_generations`).

        Args:
            examples: The examples, with their predictions.
            name: The system's name in reports.
            model: What produced the predictions, for reports.
            throughput: Generation timing, if known.
            settings: How the predictions were made (decoding settings), if known.
        """
        examples = list(examples)
        scores: dict[str, list[ExampleScore]] = {}
        metrics: dict[str, Estimate] = {}
        scorers: dict[str, Scorer] = {}
        for scorer in self.scorers():
            per = scorer.score(examples)
            scores[scorer.name], scorers[scorer.name] = per, scorer
            metrics.update(self._estimates(scorer, per))
        return SystemResult(name, model, "generation", examples, scores, metrics, scorers, throughput, settings or {})

    def generate_and_score(
        self,
        model: Any,
        records: Sequence[InstructionRecord | Conversation],
        *,
        adapter: str | Path | None = None,
        name: str = "model",
        model_id: str | None = None,
        cache: str | Path | None = None,
    ) -> SystemResult:
        """Generate answers for ``records`` and score them.

        Args:
            model: A path, an adapter directory, a :class:`~medtune.models.loading.ModelChoice` (from
                :func:`~medtune.models.loading.choose_model`: a run's merged model when it saved one), or an
                in-memory ``(model, tokenizer)``. Exactly these weights are loaded.
            records: The evaluation split (e.g. ``Dataset.split(...).test``).
            adapter: A LoRA adapter applied on top of ``model``.
            name: The system's name in reports (``base``, ``tuned``).
            model_id: Identifies the model in the generation cache and reports; default the path(s).
            cache: JSONL generation cache (see :func:`~medtune.evaluation.generation.generate`).

        Returns:
            The scores; ``loaded`` says which weights were evaluated and, for an unmerged adapter, how far its logits
            are from the merged model's (:func:`~medtune.models.loading.merge_gap`).
        """
        from medtune.evaluation.generation import generate

        self.scorers()  # an unknown metric fails now, not after minutes of generation
        records = list(records)
        lm, tok, model, adapter, loaded = self._load(model, adapter, records)
        model_id = model_id or _describe(model, adapter)
        cache_id = f"{model_id}#{_fingerprint(model, adapter)}"  # retrained weights at the same path: new key
        run = generate(lm, tok, records, self.config.generation, cache=cache, model_id=cache_id)
        settings = {"generation": self.config.generation.model_dump()}
        result = self.score(run.examples, name=name, model=model_id, throughput=run.throughput(), settings=settings)
        result.loaded = loaded
        return result

    def _load(
        self, model: Any, adapter: str | Path | None, records: Sequence[InstructionRecord | Conversation]
    ) -> tuple[Any, Any, Any, str | Path | None, dict[str, Any]]:
        """Load the weights to evaluate; returns the model, tokenizer, the model and adapter loaded, and ``loaded``.

        ``loaded`` is :meth:`~medtune.models.loading.ModelChoice.to_dict` plus ``adapter_vs_merged``: for an
        unmerged adapter, the logit difference from the merged model on the first :data:`MERGE_CHECK_PROMPTS`
        prompts, else ``None``.
        """
        from medtune.models.loading import ModelChoice, describe_model, load_model, merge_gap

        if isinstance(model, ModelChoice):
            loaded = model.to_dict()
            # An adapter on the base its config names is loaded as the adapter directory alone.
            model, adapter = (model.model, model.adapter) if model.model else (model.adapter, None)
        elif isinstance(model, tuple):
            what = "in-memory model" + (f" + adapter at {adapter}" if adapter is not None else "")
            kind = "adapter" if adapter is not None else "model"
            loaded = {"kind": kind, "path": None, "base": None, "evaluated": what, "reason": "given"}
        else:
            loaded = describe_model(model, adapter).to_dict()
        lm, tok = load_model(model, adapter)
        loaded["adapter_vs_merged"] = None
        if hasattr(lm, "merge_and_unload"):  # an unmerged peft model
            loaded["adapter_vs_merged"] = merge_gap(lm, self._check_prompts(tok, records))
        return lm, tok, model, adapter, loaded

    def _check_prompts(self, tok: Any, records: Sequence[InstructionRecord | Conversation]) -> list[list[int]]:
        """Token ids of the first :data:`MERGE_CHECK_PROMPTS` prompts, as generation builds them (last tokens)."""
        from medtune.models.prompts import build_prompt, prompt_ids

        fmt = self.config.generation.prompt_format
        chat = fmt == "chat" or (fmt == "auto" and bool(getattr(tok, "chat_template", None)))
        out = []
        for record in records[:MERGE_CHECK_PROMPTS]:
            ids = prompt_ids(tok, build_prompt(record, tok, "chat" if chat else "alpaca"), chat)
            out.append(ids[-_MERGE_CHECK_TOKENS:])
        return out

    def score_mcq(
        self,
        model: Any,
        items: Sequence[MCQItem],
        *,
        adapter: str | Path | None = None,
        name: str = "model",
        model_id: str | None = None,
        cache: str | Path | None = None,
    ) -> SystemResult:
        """Multiple-choice accuracy by option log-likelihood, with bootstrap intervals.

        Args:
            model: A path, an adapter directory, a :class:`~medtune.models.loading.ModelChoice`, or an in-memory
                ``(model, tokenizer)``.
            items: The questions (:func:`~medtune.evaluation.mcq.load_mcq_jsonl`, ``pubmedqa_items``).
            adapter: A LoRA adapter applied on top of ``model``.
            name: The system's name in reports.
            model_id: Identifies the model in the cache and reports; default the path(s).
            cache: JSONL cache of per-item option log-likelihoods (see :func:`~medtune.evaluation.mcq.score_mcq`);
                its keys include a fingerprint of the weight files, so retrained weights miss it.
        """
        from medtune.evaluation.mcq import score_mcq

        lm, tok, model, adapter, loaded = self._load(model, adapter, [item.record for item in items])
        model_id = model_id or _describe(model, adapter)
        cache_id = f"{model_id}#{_fingerprint(model, adapter)}"
        result = score_mcq(lm, tok, items, self.config.mcq, cache=cache, model_id=cache_id)
        examples, scores = [], []
        for item, row in zip(items, result.items):
            examples.append(
                EvalExample(item.id, item.record.input, row["prediction"], item.answer, {"mcq": row, **item.metadata})
            )
            correct_norm = row["prediction_norm"] == item.answer
            values: dict[str, float | None] = {
                "accuracy": 1.0 if row["correct"] else 0.0,
                "accuracy_norm": 1.0 if correct_norm else 0.0,
            }
            scores.append(ExampleScore(values, {"loglikelihoods": row["loglikelihoods"], "tokens": row["tokens"]}))
        scorer = _MCQScorer()
        throughput = {
            "items": len(items),
            "scored": result.scored,
            "reused_from_cache": result.reused,
            "seconds": round(result.seconds, 3),
            "items_per_second": result.scored / result.seconds if result.seconds > 0 else None,
            "all_seconds": round(result.total_seconds, 3),
            "all_items_per_second": len(items) / result.total_seconds if result.total_seconds > 0 else None,
        }
        return SystemResult(
            name,
            model_id,
            "mcq",
            examples,
            {"mcq": scores},
            self._estimates(scorer, scores),
            {"mcq": scorer},
            throughput,
            {"mcq": self.config.mcq.model_dump()},
            loaded,
        )

    def compare(self, base: SystemResult, tuned: SystemResult) -> dict[str, dict[str, Any]]:
        """Paired bootstrap deltas (tuned - base) for every metric key both systems have.

        Each key also says whether higher is better (``None``: no direction) and its verdict group.

        Raises:
            ConfigError: The two systems did not score the same example ids.
        """
        if [e.id for e in base.examples] != [e.id for e in tuned.examples]:
            order = {e.id: i for i, e in enumerate(base.examples)}
            if set(order) != {e.id for e in tuned.examples} or len(order) != len(base.examples):
                raise ConfigError(
                    f"base ({len(base.examples)} examples) and tuned ({len(tuned.examples)}) were not evaluated on "
                    "the same example ids. Fix: evaluate both on the same split."
                )
            perm = [order[e.id] for e in tuned.examples]
            base = _reorder(base, perm)
        out: dict[str, dict[str, Any]] = {}
        for scorer_name, scorer in tuned.scorers.items():
            if scorer_name not in base.scores:
                continue
            deltas = paired_bootstrap(
                base.scores[scorer_name],
                tuned.scores[scorer_name],
                scorer.aggregate,
                resamples=self.config.bootstrap_resamples,
                confidence=self.config.confidence,
                seed=self.config.seed,
            )
            for key, delta in deltas.items():
                n = min(base.metrics[key].n, tuned.metrics[key].n)  # examples the key applies to
                delta = Estimate(delta.value, delta.low, delta.high, n)
                out[key] = {
                    "base": base.metrics[key].to_dict(),
                    "tuned": tuned.metrics[key].to_dict(),
                    "delta": delta.to_dict(),
                    "higher_is_better": scorer.higher_is_better.get(key, True),
                    "group": self.group_of(scorer, key),
                }
        return out

    def qualitative(self, tuned: SystemResult, base: SystemResult | None = None) -> list[dict[str, Any]]:
        """A few examples side by side: the largest improvements and regressions on the first metric key."""
        k = self.config.qualitative_examples
        if k == 0 or not tuned.examples:
            return []
        key, scorer_name = _first_key(tuned)
        by_id = {e.id: i for i, e in enumerate(base.examples)} if base is not None else {}

        def value(result: SystemResult, i: int) -> float:
            v = result.scores[scorer_name][i].values.get(key) if scorer_name else None
            return v if v is not None else math.nan

        rows = []
        for i, ex in enumerate(tuned.examples):
            row: dict[str, Any] = {"id": ex.id, "prompt": ex.prompt, "reference": ex.reference, "tuned": ex.prediction}
            row[f"tuned_{key}"] = value(tuned, i)
            if base is not None and ex.id in by_id:
                j = by_id[ex.id]
                row["base"] = base.examples[j].prediction
                row[f"base_{key}"] = value(base, j)
                row["delta"] = row[f"tuned_{key}"] - row[f"base_{key}"]
            rows.append(row)
        if base is None:
            return rows[:k]
        rows = [r for r in rows if "delta" in r and not math.isnan(r["delta"])]
        rows.sort(key=lambda r: -r["delta"])
        up = rows[: (k + 1) // 2]
        down = [r for r in rows[::-1][: k // 2] if r not in up]
        return up + down

    def report(
        self,
        out_dir: str | Path,
        tuned: SystemResult,
        *,
        base: SystemResult | None = None,
        train_log: str | Path | None = None,
        title: str = "medtune evaluation",
        set_name: str = "eval",
        sets: Sequence[SetResult] = (),
    ) -> dict[str, Path]:
        """Write ``report.json`` (every number), ``report.md``, ``report.html`` and per-example JSONL files.

        ``set_name`` names the evaluation data in the verdict (e.g. ``test``); ``sets`` are the
        out-of-distribution and forgetting sets scored beside it (:func:`~medtune.evaluation.sets.evaluate_sets`).
        """
        from medtune.evaluation.report import build_report_data, write_report

        data = build_report_data(self, tuned, base=base, train_log=train_log, title=title, set_name=set_name, sets=sets)
        return write_report(out_dir, data, [r for r in (base, tuned) if r is not None], sets)


def _describe(model: Any, adapter: str | Path | None) -> str:
    if isinstance(model, tuple):
        name = str(getattr(model[0], "name_or_path", "") or type(model[0]).__name__)
    else:
        name = str(model)
    return f"{name} + {adapter}" if adapter is not None else name


def _fingerprint(model: Any, adapter: str | Path | None) -> str:
    """Size and modification time of the weight files of the model and adapter directories (cache keys)."""
    import hashlib

    parts = []
    for where in (model, adapter):
        if isinstance(where, (str, Path)) and Path(where).is_dir():
            for f in sorted(Path(where).iterdir()):
                if f.suffix in {".safetensors", ".bin", ".pt"} or f.name == "adapter_config.json":
                    st = f.stat()
                    parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def _first_key(result: SystemResult) -> tuple[str, str | None]:
    for preferred in ("rougeL", "accuracy"):
        for name, scorer in result.scorers.items():
            if preferred in scorer.keys:
                return preferred, name
    for name, scorer in result.scorers.items():
        if scorer.keys:
            return scorer.keys[0], name
    return "", None


def _reorder(result: SystemResult, perm: list[int]) -> SystemResult:
    return SystemResult(
        result.name,
        result.model,
        result.task,
        [result.examples[i] for i in perm],
        {k: [v[i] for i in perm] for k, v in result.scores.items()},
        result.metrics,
        result.scorers,
        result.throughput,
        result.settings,
        result.loaded,
    )
