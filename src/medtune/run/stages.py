"""The stages of ``medtune run``: one :class:`Stage` object each, in :data:`RUN_STAGES`, the order they run.

A stage knows its name (also its folder under ``OUTPUT_DIR``), the stages whose results it consumes, the part of the
:class:`~medtune.run.RunConfig` that decides whether it reruns (``None`` when it is switched off) and how to run it.
:class:`~medtune.run.RunPipeline` holds the shared machinery: hashes, ``stage.json``, skipping and resuming.

Importing this module is cheap: every stage imports torch, transformers and the rest inside :meth:`Stage.run`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from medtune.errors import ConfigError
from medtune.io.files import atomic_write_text

if TYPE_CHECKING:
    from medtune.models.loading import ModelChoice
    from medtune.run.config import RunConfig

__all__ = [
    "CARD",
    "CLEAN",
    "DATA",
    "EVAL",
    "RUN_STAGES",
    "SPLIT",
    "STATE_VERSION",
    "TRAIN",
    "Stage",
    "StageContext",
    "StageRun",
    "check_stage_order",
]

#: The version of the ``stage.json`` format; also the card stage's config, so bumping it re-renders every card.
STATE_VERSION = 1


class StageContext(Protocol):
    """What a stage reads from the run (:class:`~medtune.run.RunPipeline` is one).

    Attributes:
        config: The run.
        out: The run's output directory.
        progress: Show the trainer's progress bar (``None``: as ``train.logging.progress_bar`` says).
        say: Called with one line per stage event.
    """

    config: RunConfig
    out: Path
    progress: bool | None
    say: Callable[[str], None]


class StageRun(NamedTuple):
    """What one run of a stage produced.

    Attributes:
        outputs: Output name → path (under the stage directory).
        summary: A few numbers, as plain JSON.
        hashed: The files whose contents downstream stages depend on (hashed into ``stage.json``).
    """

    outputs: dict[str, Path]
    summary: dict[str, Any]
    hashed: list[Path]


@dataclass(frozen=True)
class Stage:
    """One stage of a run. Subclasses implement :meth:`config_payload` and :meth:`run`.

    Attributes:
        name: The stage name: its ``--force`` name and its folder under the output directory.
        depends_on: The stages whose config and output hashes make this stage's input hash.
        keep: Names in the stage folder kept when it reruns (e.g. the evaluation's generation cache).
        resumable: An interrupted run continues (training, from its latest checkpoint) instead of starting over.
        results: :class:`~medtune.run.RunResult` field → the output that fills it.
    """

    name: str
    depends_on: tuple[Stage, ...] = field(default=(), repr=False)
    keep: frozenset[str] = frozenset()
    resumable: bool = False
    results: tuple[tuple[str, str], ...] = ()

    def config_payload(self, config: RunConfig) -> Any:
        """The part of ``config`` this stage's config hash covers.

        Returns:
            Plain JSON, or ``None`` when the stage is switched off.
        """
        raise NotImplementedError

    def enabled(self, config: RunConfig) -> bool:
        """Whether ``config`` runs this stage (``False``: switched off, e.g. ``clean: false``)."""
        return self.config_payload(config) is not None

    def output_dir(self, out: Path) -> Path:
        """The stage's folder under the run's output directory ``out``."""
        return Path(out) / self.name

    def preflight(self, config: RunConfig) -> None:
        """Fail on bad settings (unknown cleaner or metric names) before any stage runs.

        Raises:
            ConfigError: A setting this stage cannot run with.
        """

    def external_inputs(self, ctx: StageContext) -> tuple[list[Path], Any] | None:
        """Files outside the run that are this stage's inputs, instead of the upstream stages' hashes.

        Returns:
            ``None`` (the default: the inputs are :attr:`depends_on`), or the files to hash and the value
            :meth:`run` receives as ``extra``.
        """
        return None

    def run(self, ctx: StageContext, stage_dir: Path, extra: Any, resume: bool) -> StageRun:
        """Run the stage, writing under ``stage_dir``.

        Args:
            ctx: The run.
            stage_dir: The stage folder (exists; emptied unless resuming).
            extra: What :meth:`external_inputs` returned with its files, else ``None``.
            resume: Continue an interrupted run (only for a :attr:`resumable` stage).

        Returns:
            The outputs, a summary and the files whose contents downstream stages depend on.
        """
        raise NotImplementedError


# --- the stages -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataStage(Stage):
    """``data/``: load the source(s) into ``records.jsonl`` (``load_report.json``, ``invalid.jsonl``).

    With ``data.sources``, every record's ``source`` is set to its source's name (a different original moves to
    ``metadata.original_source``), so cleaning, the split and the mix can count by source.
    """

    def config_payload(self, config: RunConfig) -> Any:
        """The ``data`` section (the source paths included, so a new path reruns), less the mix settings."""
        dump = config.data.model_dump(mode="json")
        mix_keys = ("sources", "train_tokens", "mix_tokens")
        if config.data.sources is None:  # a single source hashes as before recipes existed
            return {k: v for k, v in dump.items() if k not in mix_keys}
        for source in dump["sources"]:
            source.pop("weight")  # the split stage mixes; weights do not change the loaded records
        dump.pop("train_tokens"), dump.pop("mix_tokens")
        return dump

    def external_inputs(self, ctx: StageContext) -> tuple[list[Path], Any]:
        """The source files (``sample:NAME`` resolved), and what :meth:`run` loads.

        ``extra`` is ``(path, format)`` for one source, or a list of ``(name, path, format, columns)``.
        """
        data = ctx.config.data
        if data.sources is None:
            path, fmt = _resolve_source(data.source, data.format)
            return [path], (path, fmt)
        loads = []
        for src in data.sources:
            path, fmt = _resolve_source(src.source, src.format or data.format)
            loads.append((src.label, path, fmt, src.columns if src.columns is not None else data.columns))
        return [load[1] for load in loads], loads

    def run(self, ctx: StageContext, stage_dir: Path, extra: Any, resume: bool) -> StageRun:
        """Load the records; ``extra`` comes from :meth:`external_inputs`."""
        if isinstance(extra, list):
            return self._run_sources(ctx, stage_dir, extra)
        from medtune.data.dataset import Dataset

        path, fmt = extra
        data = ctx.config.data
        ds = Dataset.load(path, format=fmt, columns=data.columns, kind=data.kind, skip_invalid=data.skip_invalid)
        outputs = {"records": ds.save(stage_dir / "records.jsonl")}
        report = ds.load_report.to_dict() if ds.load_report is not None else {}
        outputs["load_report"] = _write_json(stage_dir / "load_report.json", report)
        if ds.rejects:
            rows = "".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in ds.rejects)
            outputs["invalid"] = atomic_write_text(stage_dir / "invalid.jsonl", rows)
        summary = {"records": len(ds), "invalid": len(ds.rejects), "kind": ds.kind, "source": str(path)}
        ctx.say(f"  {len(ds)} {ds.kind} records from {path}" + (f", {len(ds.rejects)} invalid" if ds.rejects else ""))
        return StageRun(outputs, summary, [outputs["records"]])

    def _run_sources(self, ctx: StageContext, stage_dir: Path, loads: list[Any]) -> StageRun:
        """Load, tag and combine every source of ``data.sources``; per-source counts in the summary."""
        from medtune.data.dataset import Dataset
        from medtune.data.mixing import combine, tag_source

        data = ctx.config.data
        parts, reports, invalid, per_source = [], {}, [], {}
        for name, path, fmt, columns in loads:
            ds = Dataset.load(path, format=fmt, columns=columns, kind=data.kind, skip_invalid=data.skip_invalid)
            parts.append(tag_source(ds, name))
            reports[name] = ds.load_report.to_dict() if ds.load_report is not None else {}
            invalid += [{"source": name, **i.to_dict()} for i in ds.rejects]
            per_source[name] = {"records": len(ds), "invalid": len(ds.rejects), "kind": ds.kind, "path": str(path)}
            bad = f", {len(ds.rejects)} invalid" if ds.rejects else ""
            ctx.say(f"  {name}: {len(ds)} {ds.kind} records from {path}{bad}")
        combined = combine(parts)
        outputs = {"records": combined.save(stage_dir / "records.jsonl")}
        outputs["load_report"] = _write_json(stage_dir / "load_report.json", {"sources": reports})
        if invalid:
            rows = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in invalid)
            outputs["invalid"] = atomic_write_text(stage_dir / "invalid.jsonl", rows)
        summary = {"records": len(combined), "invalid": len(invalid), "kind": combined.kind, "sources": per_source}
        return StageRun(outputs, summary, [outputs["records"]])


def _resolve_source(source: str, fmt: str | None) -> tuple[Path, str | None]:
    """The path and format of a data source: a file or directory, or ``sample:NAME`` (a shipped sample)."""
    if source.startswith("sample:"):
        from medtune.data.samples import training_sample

        sample = training_sample(source.split(":", 1)[1])
        return Path(sample.path), fmt or sample.format
    return Path(source), fmt


@dataclass(frozen=True)
class CleanStage(Stage):
    """``clean/``: the cleaning pipeline over the data stage's records (off with ``clean: false``)."""

    def config_payload(self, config: RunConfig) -> Any:
        """The cleaning pipeline config, or ``None`` without cleaning."""
        return config.clean.model_dump(mode="json") if config.clean is not None else None

    def preflight(self, config: RunConfig) -> None:
        """Build the cleaning pipeline, so an unknown cleaner fails first."""
        if config.clean is not None:
            from medtune.cleaning.pipeline import Pipeline

            Pipeline.from_config(config.clean)

    def run(self, ctx: StageContext, stage_dir: Path, extra: Any, resume: bool) -> StageRun:
        """Clean, writing ``records.jsonl``, ``rejects.jsonl`` and ``report.json``."""
        from medtune.cleaning.pipeline import Pipeline
        from medtune.data.dataset import Dataset

        assert ctx.config.clean is not None
        ds = Dataset.load(DATA.output_dir(ctx.out) / "records.jsonl")
        rejects, report = stage_dir / "rejects.jsonl", stage_dir / "report.json"
        result = Pipeline.from_config(ctx.config.clean).run(ds, rejects_path=rejects, report_path=report)
        records = result.dataset.save(stage_dir / "records.jsonl")
        r = result.report
        ctx.say(f"  {r.records_in} in = {r.kept} kept + {r.rejected} rejected")
        summary: dict[str, Any] = {"records_in": r.records_in, "kept": r.kept, "rejected": r.rejected}
        if ctx.config.data.sources is not None:
            summary["sources"] = _clean_counts(ds, result.rejects)
            _write_json(report, {**r.to_dict(), "sources": summary["sources"]})
            for name, counts in summary["sources"].items():
                ctx.say(
                    f"    {name}: {counts['records_in']} in = {counts['kept']} kept + {counts['rejected']} rejected"
                )
        return StageRun({"records": records, "rejects": rejects, "report": report}, summary, [records])


def _clean_counts(loaded: Any, rejects: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per source (the records' ``source``): records in, kept, rejected and the drops by cleaner."""
    from collections import Counter

    counts: dict[str, dict[str, Any]] = {
        name: {"records_in": n, "kept": n, "rejected": 0, "by_cleaner": {}}
        for name, n in sorted(Counter(loaded.hf["source"]).items())
    }
    for reject in rejects:
        entry = counts[reject["record"]["source"]]
        entry["kept"] -= 1
        entry["rejected"] += 1
        entry["by_cleaner"][reject["cleaner"]] = entry["by_cleaner"].get(reject["cleaner"], 0) + 1
    return counts


@dataclass(frozen=True)
class SplitStage(Stage):
    """``split/``: the deterministic train/validation/test split of the cleaned (else loaded) records.

    With ``data.sources``, the split is stratified by source (and ``split.stratify_by``), then the train split is
    mixed: each source's share of its tokens matches its weight (``mix.json`` tells how).
    """

    def config_payload(self, config: RunConfig) -> Any:
        """The ``split`` section; with ``data.sources``, also the weights and how tokens are counted."""
        payload = config.split.model_dump(mode="json")
        data = config.data
        if data.sources is not None:
            tokens = config.train.model.path if data.mix_tokens == "model" else "words"
            payload["mix"] = {"weights": data.weights(), "train_tokens": data.train_tokens, "tokens": tokens}
        return payload

    def run(self, ctx: StageContext, stage_dir: Path, extra: Any, resume: bool) -> StageRun:
        """Split, writing ``train.jsonl``, ``validation.jsonl`` and ``test.jsonl`` (and ``mix.json``)."""
        from medtune.data.dataset import Dataset

        s = ctx.config.split
        source = CLEAN if CLEAN.enabled(ctx.config) else DATA
        ds = Dataset.load(source.output_dir(ctx.out) / "records.jsonl")
        stratify: Any = s.stratify_by
        if ctx.config.data.sources is not None:
            stratify = ["source"] + ([s.stratify_by] if s.stratify_by and s.stratify_by != "source" else [])
        splits = ds.split(validation=s.validation, test=s.test, seed=s.seed, stratify_by=stratify)
        summary: dict[str, Any] = {}
        outputs: dict[str, Path] = {}
        if ctx.config.data.sources is not None:
            splits.train, mix = _mix_train(ctx, splits, _cleaned_by_source(ctx, ds))
            outputs["mix"] = _write_json(stage_dir / "mix.json", mix)
            summary["sources"] = mix["sources"]
        paths = splits.save(stage_dir)
        sizes = splits.sizes()
        ctx.say("  " + ", ".join(f"{n} {sizes[n]}" for n in paths))
        for name, row in summary.get("sources", {}).items():
            ctx.say(
                f"    {name}: {row['train']} train ({row['repeats']} repeats), {row['validation']} validation, "
                f"{row['test']} test; {row['share']:.1%} of the train tokens (weight {row['weight']:.1%})"
            )
        return StageRun({**paths, **outputs}, {**sizes, **summary}, list(paths.values()))


#: How far a source's token share may be from its weight before the split stage warns (the issue's target).
MIX_TOLERANCE = 0.02


def _cleaned_by_source(ctx: StageContext, cleaned: Any) -> dict[str, dict[str, int]]:
    """Per source: records loaded and dropped by cleaning (from the cleaning report; none without cleaning)."""
    from collections import Counter

    report = CLEAN.output_dir(ctx.out) / "report.json"
    if CLEAN.enabled(ctx.config) and report.is_file():
        counts = json.loads(report.read_text(encoding="utf-8")).get("sources", {})
        return {name: {"loaded": c["records_in"], "dropped": c["rejected"]} for name, c in counts.items()}
    return {name: {"loaded": n, "dropped": 0} for name, n in Counter(cleaned.hf["source"]).items()}


def _mix_train(ctx: StageContext, splits: Any, cleaned: dict[str, dict[str, int]]) -> tuple[Any, dict[str, Any]]:
    """The mixed train split and the ``mix.json`` report (per source: split counts, repeats, tokens, share)."""
    from collections import Counter

    from medtune.data.mixing import mix_by_tokens, record_token_counts

    data = ctx.config.data
    tokenizer, measure = None, "whitespace-separated words"
    if data.mix_tokens == "model":
        from medtune.data.stats import load_tokenizer
        from medtune.models.embedded import model_source

        tokenizer = load_tokenizer(model_source(ctx.config.train.model.path))
        measure = f"tokens of the tokenizer of {ctx.config.train.model.path}"
    train = splits.train
    mix = mix_by_tokens(
        train.hf["source"],
        record_token_counts(train, tokenizer),
        data.weights(),
        seed=ctx.config.split.seed,
        total_tokens=data.train_tokens,
    )
    held = {name: Counter(ds.hf["source"]) for name, ds in splits.items() if name != "train"}
    sources: dict[str, Any] = {}
    for name, m in mix.sources.items():
        row = {**cleaned.get(name, {}), **m.to_dict()}
        row.pop("name")
        row["train"] = row.pop("records")
        row["validation"] = held.get("validation", Counter())[name]
        row["test"] = held.get("test", Counter())[name]
        sources[name] = row
        if abs(m.share - m.weight) > MIX_TOLERANCE:
            ctx.say(
                f"  warning: source '{name}' has {m.share:.1%} of the train tokens for a weight of {m.weight:.1%} "
                "(its records are too few or too long to match closer); see split/mix.json."
            )
    report = {
        "tokens_counted": measure,
        "total_tokens": mix.total_tokens,
        "tokens": mix.tokens,
        "max_share_error": round(mix.max_share_error(), 4),
        "sources": sources,
    }
    return train.select(mix.indices), report


@dataclass(frozen=True)
class TrainStage(Stage):
    """``train/``: the trainer's run directory (adapter/, merged/, checkpoints/, train_log.jsonl, run.json)."""

    def config_payload(self, config: RunConfig) -> Any:
        """The ``train`` section, less the progress bar (display only) and the output dir (always here).

        An SFT run hashes as before ``method`` existed (without ``method`` and ``dpo``), so it does not rerun.
        """
        dump = config.train.model_dump(mode="json")
        dump["logging"].pop("progress_bar", None)  # display only
        dump["output"].pop("dir", None)  # always OUTPUT_DIR/train
        if dump.get("method") == "sft":
            del dump["method"], dump["dpo"]
        return dump

    def run(self, ctx: StageContext, stage_dir: Path, extra: Any, resume: bool) -> StageRun:
        """Train on the split stage's train (and validation) records; ``resume`` continues from a checkpoint."""
        from medtune.data.dataset import Dataset
        from medtune.training.trainer import Trainer

        overrides: dict[str, Any] = {"output.dir": str(stage_dir)}
        if ctx.progress is not None:
            overrides["logging.progress_bar"] = ctx.progress
        cfg = ctx.config.train.with_overrides(overrides)
        split_dir = SPLIT.output_dir(ctx.out)
        train_ds = Dataset.load(split_dir / "train.jsonl")
        val_path = split_dir / "validation.jsonl"
        val_ds = Dataset.load(val_path) if val_path.is_file() else None
        result = Trainer(cfg).train(train_ds, val_ds, resume=resume)
        outputs: dict[str, Path] = {"run_json": stage_dir / "run.json"}
        for key, path in (
            ("adapter", result.adapter_dir),
            ("merged", result.merged_dir),
            ("model_card", result.model_card),
            ("train_log", result.log_path),
        ):
            if path is not None:
                outputs[key] = Path(path)
        summary: dict[str, Any] = {k: v for k, v in result.metrics.items()}
        summary["backend"] = result.backend
        if result.resumed_from is not None:
            summary["resumed_from"] = str(result.resumed_from)
        loss = (
            f", loss {result.metrics['first_loss']:.4f} → {result.metrics['final_loss']:.4f}"
            if "first_loss" in result.metrics
            else ""
        )
        ctx.say(f"  {int(result.metrics.get('steps', 0))} steps ({result.backend}){loss}")
        del result  # free the in-memory model before evaluation loads it again
        import gc

        gc.collect()
        hashed = [outputs[k] for k in ("adapter", "merged") if k in outputs]
        return StageRun(outputs, summary, hashed)


@dataclass(frozen=True)
class EvalStage(Stage):
    """``eval/``: the tuned (and base) model on a held-out split; report.html/.md/.json (off with ``eval: false``).

    Besides the split, the out-of-distribution and forgetting sets of ``eval.ood`` and ``eval.forgetting`` (the
    preset's by default; ``eval.limit`` caps each of them too), see :mod:`medtune.evaluation.sets`.
    """

    def config_payload(self, config: RunConfig) -> Any:
        """The ``eval`` section, the base model and the contents of the extra sets, or ``None`` without evaluation.

        ``fail_on_regression`` is left out: it decides the exit code, not the report, so switching it reruns nothing.
        The extra sets are hashed by content, so an edited file reruns the evaluation.
        """
        if config.eval is None:
            return None
        section = config.eval.model_dump(mode="json", exclude={"fail_on_regression"})
        payload: dict[str, Any] = {"eval": section, "model": config.train.model.path}
        if config.eval.ood or config.eval.forgetting:
            payload["sets"] = _set_digests(config)
        return payload

    def preflight(self, config: RunConfig) -> None:
        """Build the scorers and resolve the extra sets, so an unknown metric or set fails first."""
        if config.eval is not None:
            from medtune.evaluation.evaluator import Evaluator

            Evaluator(config.eval.evaluator_config()).scorers()
            _extra_sets(config)

    def run(self, ctx: StageContext, stage_dir: Path, extra: Any, resume: bool) -> StageRun:
        """Generate, score and write the report; generations are cached under ``generations/``.

        Raises:
            ConfigError: The training stage saved neither an adapter nor a merged model.
        """
        from medtune.data.dataset import Dataset
        from medtune.data.records import PreferenceRecord
        from medtune.evaluation.evaluator import Evaluator

        cfg = ctx.config.eval
        assert cfg is not None
        # preference pairs (a DPO run) are evaluated on their prompts, with the chosen answer as the reference
        records = [
            r.to_instruction("chosen") if isinstance(r, PreferenceRecord) else r
            for r in Dataset.load(SPLIT.output_dir(ctx.out) / f"{cfg.split}.jsonl")
        ]
        if cfg.limit:
            records = records[: cfg.limit]
        model = self.model_to_evaluate(ctx)
        evaluator = Evaluator(cfg.evaluator_config())
        gen = stage_dir / "generations"
        ctx.say(f"  evaluating the {model.describe()}")
        ctx.say(f"  generating answers for {len(records)} {cfg.split} examples")
        base = None
        if cfg.compare_base:
            base_model = ctx.config.train.model.path
            base = evaluator.generate_and_score(base_model, records, name="base", cache=gen / "base.jsonl")
        tuned = evaluator.generate_and_score(model, records, name="tuned", cache=gen / "tuned.jsonl")
        sets = _extra_sets(ctx.config)
        results = []
        if sets:
            from medtune.evaluation.sets import evaluate_sets

            ctx.say(f"  scoring {len(sets)} out-of-distribution and forgetting set(s)")
            base_model = ctx.config.train.model.path if cfg.compare_base else None
            results = evaluate_sets(
                evaluator, sets, model, base=base_model, out_dir=stage_dir, limit=cfg.limit, say=ctx.say
            )
        log = TRAIN.output_dir(ctx.out) / "train_log.jsonl"
        files = evaluator.report(
            stage_dir, tuned, base=base, train_log=log if log.is_file() else None, set_name=cfg.split, sets=results
        )
        outputs = {"report_html": files["html"], "report_md": files["markdown"], "report_json": files["json"]}
        data = json.loads(files["json"].read_text(encoding="utf-8"))
        summary = {
            "examples": len(records),
            "split": cfg.split,
            "compare_base": cfg.compare_base,
            "evaluated": model.describe(),
            "verdict": (data.get("verdict") or {}).get("status"),
            "sets": {
                r.set.name: {"role": r.set.role, "examples": len(r.tuned.examples), "seconds": round(r.seconds, 2)}
                for r in results
            },
        }
        return StageRun(outputs, summary, [files["json"]])

    def model_to_evaluate(self, ctx: StageContext) -> ModelChoice:
        """The training stage's merged model when it saved one (the served weights), else base + adapter.

        Raises:
            ConfigError: The training stage saved neither an adapter nor a merged model.
        """
        from medtune.models.loading import choose_model

        train_dir = TRAIN.output_dir(ctx.out)
        if (train_dir / "adapter" / "adapter_config.json").is_file():
            return choose_model(ctx.config.train.model.path, train_dir / "adapter")
        if (train_dir / "merged").is_dir():
            return choose_model(train_dir / "merged")
        raise ConfigError(
            "eval: the training stage saved neither an adapter nor a merged model. "
            "Fix: set train.output.save_adapter: true (or save_merged), or eval: false."
        )


@dataclass(frozen=True)
class CardStage(Stage):
    """``card/``: README.md, the model card with the cleaning report and the evaluation summary."""

    def config_payload(self, config: RunConfig) -> Any:
        """Only the state version: the card follows its inputs."""
        return {"version": STATE_VERSION}

    def run(self, ctx: StageContext, stage_dir: Path, extra: Any, resume: bool) -> StageRun:
        """Render the card, and copy it over the cards shipped in ``train/``, ``adapter/`` and ``merged/``."""
        from medtune.cards.writer import relative_path, write_model_card

        train_dir = TRAIN.output_dir(ctx.out)
        facts = json.loads((train_dir / "run.json").read_text(encoding="utf-8"))
        facts.setdefault("data", {})
        facts["data"]["source"] = ctx.config.data.source
        mix_json = SPLIT.output_dir(ctx.out) / "mix.json"
        if ctx.config.data.sources is not None and mix_json.is_file():
            facts["data"]["source"] = ", ".join(s.source for s in ctx.config.data.sources)
            facts["data"]["mix"] = json.loads(mix_json.read_text(encoding="utf-8"))
        clean_report = CLEAN.output_dir(ctx.out) / "report.json"
        summary: dict[str, Any] = {"cleaning": False, "evaluation": False}
        if ctx.config.clean is not None and clean_report.is_file():
            facts["data"]["cleaning_report"] = json.loads(clean_report.read_text(encoding="utf-8"))
            summary["cleaning"] = True
        report_json = EVAL.output_dir(ctx.out) / "report.json"
        if ctx.config.eval is not None and report_json.is_file():
            from medtune.evaluation.compare import MIN_JUDGEABLE_N
            from medtune.evaluation.report import sets_sentence, summary_markdown

            data = json.loads(report_json.read_text(encoding="utf-8"))
            cfg = ctx.config.eval
            facts["evaluation"] = {
                "summary": summary_markdown(data),
                "description": f"On the held-out `{cfg.split}` split"
                + (f" (first {cfg.limit} examples)" if cfg.limit else "")
                + (", the tuned model against its base model" if cfg.compare_base else "")
                + f"; {cfg.generation.max_new_tokens} new tokens at most, "
                + ("sampling" if cfg.generation.do_sample else "greedy decoding")
                + ". Intervals are bootstrap confidence intervals; "
                + f"those from fewer than {MIN_JUDGEABLE_N} examples read too few to judge."
                + sets_sentence(data)
                + _evaluated_sentence(data, ctx.out),
                # relative to the training run directory, like the other paths of run.json's facts
                "report": relative_path(EVAL.output_dir(ctx.out) / "report.html", train_dir),
            }
            summary["evaluation"] = True
        # The copies shipped with the weights carry the same, complete card, each with links from its own folder.
        copies = [train_dir, train_dir / "adapter", train_dir / "merged"]
        card_path = write_model_card(facts, stage_dir, copies, run_dir=train_dir)
        return StageRun({"model_card": card_path}, summary, [card_path])


def _extra_sets(config: RunConfig) -> list[Any]:
    """The out-of-distribution and forgetting sets of ``eval`` (:func:`~medtune.evaluation.sets.resolve_sets`).

    Raises:
        ConfigError: A set that is neither a shipped sample nor an existing file, or two with the same name.
    """
    from medtune.evaluation.sets import resolve_sets

    cfg = config.eval
    if cfg is None or not (cfg.ood or cfg.forgetting):
        return []
    return resolve_sets(cfg.ood, cfg.forgetting, main=(cfg.split, None))


def _set_digests(config: RunConfig) -> dict[str, str]:
    """Set name -> the hash of its file(s) (a set that does not resolve hashes as its name alone)."""
    from medtune.run.pipeline import hash_paths

    try:
        return {s.name: hash_paths([s.path]) for s in _extra_sets(config)}
    except ConfigError:  # reported by the preflight
        return {}


def _evaluated_sentence(data: dict[str, Any], out: Path) -> str:
    """`` Evaluated: merged model at train/merged.`` (paths relative to the run), or nothing for an older report."""
    from medtune.evaluation.report import model_line

    loaded = data["systems"][data["tuned"]].get("loaded")
    return f" Evaluated: {model_line(loaded, root=out)}." if loaded else ""


def _write_json(path: Path, payload: Any) -> Path:
    return atomic_write_text(path, json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")


def check_stage_order(stages: Iterable[Stage]) -> tuple[Stage, ...]:
    """Check that stage names are unique and every stage comes after the stages it depends on.

    Args:
        stages: The stages, in the order they run.

    Returns:
        ``stages``, as a tuple.

    Raises:
        ValueError: A repeated name, or a stage listed before one it depends on (or depending on an unlisted one).
    """
    ordered = tuple(stages)
    seen: set[str] = set()
    for stage in ordered:
        if stage.name in seen:
            raise ValueError(f"stage {stage.name!r} is listed twice")
        for up in stage.depends_on:
            if up.name not in seen:
                raise ValueError(f"stage {stage.name!r} depends on {up.name!r}, which does not run before it")
        seen.add(stage.name)
    return ordered


DATA = DataStage("data")
CLEAN = CleanStage("clean", depends_on=(DATA,), results=(("cleaning_report", "report"),))
SPLIT = SplitStage("split", depends_on=(DATA, CLEAN))
TRAIN = TrainStage("train", depends_on=(SPLIT,), resumable=True, results=(("adapter", "adapter"), ("merged", "merged")))
EVAL = EvalStage(
    "eval",
    depends_on=(SPLIT, TRAIN),
    keep=frozenset({"generations", "loglikelihoods"}),
    results=(("report", "report_html"),),
)
CARD = CardStage("card", depends_on=(CLEAN, TRAIN, EVAL), results=(("model_card", "model_card"),))

#: Every stage, in the order they run (each after the stages it depends on).
RUN_STAGES: tuple[Stage, ...] = check_stage_order((DATA, CLEAN, SPLIT, TRAIN, EVAL, CARD))
