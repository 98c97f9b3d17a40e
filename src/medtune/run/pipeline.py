"""``medtune.run.RunPipeline``: run a :class:`RunConfig` stage by stage, resuming where it stopped.

The stages, in order, each writing under ``OUTPUT_DIR/<stage>/``::

    data/   records.jsonl, load_report.json, invalid.jsonl (with data.skip_invalid)
    clean/  records.jsonl, rejects.jsonl, report.json             (absent with clean: false)
    split/  train.jsonl, validation.jsonl, test.jsonl
    train/  the trainer's run directory: adapter/, merged/, checkpoints/, train_log.jsonl, run.json, README.md
    eval/   report.html, report.md, report.json, generations/     (absent with eval: false)
    card/   README.md: the model card with the cleaning report and the evaluation summary

Each stage also writes ``stage.json``: the hash of its config section, the hash of its inputs (the upstream stages'
config and output hashes, or the source file's content for ``data``), the hash of its outputs and its status. A stage
is skipped when it finished, its outputs exist and both hashes match; once a stage runs, every later stage runs too.
A training stage that was interrupted resumes from its latest complete checkpoint when its hashes still match.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from medtune.errors import ConfigError
from medtune.files import atomic_write_text
from medtune.run.config import RunConfig

__all__ = ["STAGES", "RunPipeline", "RunResult", "StageOutcome", "run"]

logger = logging.getLogger("medtune.run")

#: The stages, in the order they run.
STAGES = ("data", "clean", "split", "train", "eval", "card")
_STATE = "stage.json"
_STATE_VERSION = 1


@dataclass
class StageOutcome:
    """What happened to one stage.

    Attributes:
        name: The stage name.
        status: ``"ran"``, ``"skipped"`` (up to date), ``"resumed"`` (training resumed from a checkpoint) or
            ``"disabled"`` (switched off in the config).
        dir: The stage directory.
        outputs: Output name → path.
        seconds: Wall time of this invocation (0 when skipped).
        summary: A few numbers (records, loss, …), as plain JSON.
    """

    name: str
    status: str
    dir: Path
    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0
    summary: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "status": self.status,
            "dir": str(self.dir),
            "outputs": {k: str(v) for k, v in self.outputs.items()},
            "seconds": round(self.seconds, 2),
            "summary": self.summary,
        }


@dataclass
class RunResult:
    """The outcome of a run: every stage, and the paths a user looks at first.

    Attributes:
        output_dir: The run's output directory.
        stages: Stage name → outcome, in order.
        model_card: The model card (``card/README.md``).
        report: The evaluation report (HTML), if evaluation is on.
        cleaning_report: The cleaning report (JSON), if cleaning is on.
        adapter: The LoRA adapter directory, if saved.
        merged: The merged model directory, if saved.
    """

    output_dir: Path
    stages: dict[str, StageOutcome]
    model_card: Path | None = None
    report: Path | None = None
    cleaning_report: Path | None = None
    adapter: Path | None = None
    merged: Path | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (``medtune run --json``)."""
        return {
            "output_dir": str(self.output_dir),
            "model_card": _opt(self.model_card),
            "report": _opt(self.report),
            "cleaning_report": _opt(self.cleaning_report),
            "adapter": _opt(self.adapter),
            "merged": _opt(self.merged),
            "stages": {name: s.to_dict() for name, s in self.stages.items()},
        }


def _opt(path: Path | None) -> str | None:
    return str(path) if path is not None else None


# --- hashing ------------------------------------------------------------------------------------------------


def _hash_json(payload: Any) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_paths(paths: Iterable[Path], *, skip: Iterable[str] = ("README.md", _STATE)) -> str:
    """SHA-256 over the contents of files (directories: every file under them, by relative path, minus ``skip``).

    A path that does not exist hashes as missing, so creating it changes the hash.
    """
    skipped = set(skip)
    digest = hashlib.sha256()
    for path in paths:
        path = Path(path)
        digest.update(f"\0{path.name}\0".encode())
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.name not in skipped)
            members = [(p.relative_to(path).as_posix(), p) for p in files]
        elif path.is_file():
            members = [("", path)]
        else:
            digest.update(b"<missing>")
            continue
        for rel, file in members:
            digest.update(f"\0{rel}\0".encode())
            with file.open("rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
    return digest.hexdigest()


# --- the pipeline ---------------------------------------------------------------------------------------------


class RunPipeline:
    """Run a :class:`RunConfig`: data → clean → split → train → eval → model card.

    Args:
        config: The run.
        force: Stages to re-run even when up to date (every later stage re-runs too); ``"all"`` re-runs every one.
        progress: Show the trainer's progress bar (overrides ``train.logging.progress_bar``; not part of any hash).
        say: Called with one line per stage event (e.g. ``print``); the ``medtune.run`` logger otherwise.

    Example (not run here; see docs/run.md)::

        from medtune.run import RunConfig, RunPipeline

        result = RunPipeline(RunConfig.from_yaml("examples/demo/run.yaml")).run()
        print(result.report, result.model_card)
    """

    def __init__(
        self,
        config: RunConfig,
        *,
        force: Iterable[str] = (),
        progress: bool | None = None,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.config = config
        forced = set(force)
        unknown = forced - set(STAGES) - {"all"}
        if unknown:
            raise ConfigError(f"--force {sorted(unknown)[0]}: unknown stage. Fix: use one of {', '.join(STAGES)}, all.")
        self.force = set(STAGES) if "all" in forced else forced
        self.progress = progress
        self.say = say or (lambda msg: logger.info("%s", msg))
        self.out = Path(config.output_dir)
        # Per-stage hashes of what downstream stages consume: name -> {"config": ..., "outputs": ...}.
        self._upstream: dict[str, dict[str, str | None]] = {}

    # --- public --------------------------------------------------------------------------------------------

    def run(self) -> RunResult:
        """Run (or skip) every stage in order.

        Returns:
            The stages' outcomes and the paths of the model card, the report and the adapter.

        Raises:
            ConfigError: Bad settings (checked before any stage runs where possible).
            MedtuneError: A stage failed; its ``stage.json`` stays ``running`` so the next run redoes it.
        """
        self._preflight()
        self.out.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.out / "config.yaml", self.config.to_yaml())
        stages: dict[str, StageOutcome] = {}
        rerun = False
        for name in STAGES:
            outcome = self._stage(name, rerun or name in self.force)
            stages[name] = outcome
            if outcome.status in ("ran", "resumed"):
                rerun = True
        train, evaluation, clean = stages["train"], stages["eval"], stages["clean"]
        return RunResult(
            output_dir=self.out,
            stages=stages,
            model_card=stages["card"].outputs.get("model_card"),
            report=evaluation.outputs.get("report_html"),
            cleaning_report=clean.outputs.get("report"),
            adapter=train.outputs.get("adapter"),
            merged=train.outputs.get("merged"),
        )

    # --- stage machinery -----------------------------------------------------------------------------------

    def _preflight(self) -> None:
        """Fail on unknown cleaner/metric names before minutes of work."""
        cfg = self.config
        if cfg.clean is not None:
            from medtune.cleaning.pipeline import Pipeline

            Pipeline.from_config(cfg.clean)
        if cfg.eval is not None:
            from medtune.evaluation.evaluator import Evaluator

            Evaluator(cfg.eval.evaluator_config()).scorers()

    def _config_payload(self, name: str) -> Any:
        cfg = self.config
        if name == "data":
            return cfg.data.model_dump(mode="json")
        if name == "clean":
            return cfg.clean.model_dump(mode="json") if cfg.clean is not None else None
        if name == "split":
            return cfg.split.model_dump(mode="json")
        if name == "train":
            dump = cfg.train.model_dump(mode="json")
            dump["logging"].pop("progress_bar", None)  # display only
            dump["output"].pop("dir", None)  # always OUTPUT_DIR/train
            return dump
        if name == "eval":
            if cfg.eval is None:
                return None
            return {"eval": cfg.eval.model_dump(mode="json"), "model": cfg.train.model.path}
        return {"version": _STATE_VERSION}

    def _inputs(self, name: str) -> tuple[str, Any]:
        """The input hash of a stage, and (for ``data``) the resolved source."""
        if name == "data":
            path, fmt = self._source()
            return hash_paths([path]), (path, fmt)
        wanted = {
            "clean": ["data"],
            "split": ["data", "clean"],
            "train": ["split"],
            "eval": ["split", "train"],
            "card": ["clean", "train", "eval"],
        }[name]
        return _hash_json({up: self._upstream.get(up) for up in wanted}), None

    def _stage(self, name: str, rerun: bool) -> StageOutcome:
        stage_dir = self.out / name
        config_payload = self._config_payload(name)
        if config_payload is None:  # switched off
            self._upstream[name] = {"config": None, "outputs": "disabled"}
            self.say(f"{name}: disabled")
            return StageOutcome(name, "disabled", stage_dir)
        config_hash = _hash_json(config_payload)
        input_hash, extra = self._inputs(name)
        state = _read_state(stage_dir)
        same = state is not None and state.get("config_hash") == config_hash and state.get("input_hash") == input_hash
        if not rerun and same and state is not None and state.get("status") == "done":
            outputs = {k: stage_dir / v for k, v in state.get("outputs", {}).items()}
            if all(p.exists() for p in outputs.values()):
                self._upstream[name] = {"config": config_hash, "outputs": state.get("outputs_hash")}
                self.say(f"{name}: up to date, skipped")
                return StageOutcome(name, "skipped", stage_dir, outputs, 0.0, state.get("summary", {}))
        resume = name == "train" and same and state is not None and state.get("status") == "running"
        if not resume:
            _reset_dir(stage_dir, keep={"generations"} if name == "eval" else set())
        stage_dir.mkdir(parents=True, exist_ok=True)
        running = {"stage": name, "status": "running", "config_hash": config_hash, "input_hash": input_hash}
        _write_state(stage_dir, running)
        self.say(f"{name}: {'resuming' if resume else 'running'}")
        started = time.time()
        runner = getattr(self, f"_run_{name}")
        outputs, summary, hashed = runner(stage_dir, extra, resume) if name == "train" else runner(stage_dir, extra)
        outputs_hash = hash_paths(hashed)
        seconds = time.time() - started
        _write_state(
            stage_dir,
            {
                "stage": name,
                "status": "done",
                "config_hash": config_hash,
                "input_hash": input_hash,
                "outputs_hash": outputs_hash,
                "outputs": {k: p.relative_to(stage_dir).as_posix() for k, p in outputs.items()},
                "summary": summary,
                "seconds": round(seconds, 2),
                "finished": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
            },
        )
        self._upstream[name] = {"config": config_hash, "outputs": outputs_hash}
        status = "resumed" if resume and summary.get("resumed_from") else "ran"
        self.say(f"{name}: done in {seconds:.1f} s")
        return StageOutcome(name, status, stage_dir, outputs, seconds, summary)

    def _records_path(self) -> Path:
        """The records the split stage reads: cleaned when cleaning is on."""
        return self.out / ("clean" if self.config.clean is not None else "data") / "records.jsonl"

    def _source(self) -> tuple[Path, str | None]:
        data = self.config.data
        if data.source.startswith("sample:"):
            from medtune.plugins.manager import get_plugin_manager

            sample = get_plugin_manager().registry("sample").get(data.source.split(":", 1)[1])
            return Path(sample.path), data.format or sample.format
        return Path(data.source), data.format

    # --- the stages ----------------------------------------------------------------------------------------

    def _run_data(self, stage_dir: Path, source: tuple[Path, str | None]) -> tuple[dict[str, Path], dict, list[Path]]:
        from medtune.data.dataset import Dataset

        path, fmt = source
        data = self.config.data
        ds = Dataset.load(path, format=fmt, columns=data.columns, kind=data.kind, skip_invalid=data.skip_invalid)
        outputs = {"records": ds.save(stage_dir / "records.jsonl")}
        report = ds.load_report.to_dict() if ds.load_report is not None else {}
        outputs["load_report"] = _write_json(stage_dir / "load_report.json", report)
        if ds.rejects:
            rows = "".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in ds.rejects)
            outputs["invalid"] = atomic_write_text(stage_dir / "invalid.jsonl", rows)
        summary = {"records": len(ds), "invalid": len(ds.rejects), "kind": ds.kind, "source": str(path)}
        self.say(f"  {len(ds)} {ds.kind} records from {path}" + (f", {len(ds.rejects)} invalid" if ds.rejects else ""))
        return outputs, summary, [outputs["records"]]

    def _run_clean(self, stage_dir: Path, _: Any) -> tuple[dict[str, Path], dict, list[Path]]:
        from medtune.cleaning.pipeline import Pipeline
        from medtune.data.dataset import Dataset

        assert self.config.clean is not None
        ds = Dataset.load(self.out / "data" / "records.jsonl")
        rejects, report = stage_dir / "rejects.jsonl", stage_dir / "report.json"
        result = Pipeline.from_config(self.config.clean).run(ds, rejects_path=rejects, report_path=report)
        records = result.dataset.save(stage_dir / "records.jsonl")
        r = result.report
        self.say(f"  {r.records_in} in = {r.kept} kept + {r.rejected} rejected")
        summary = {"records_in": r.records_in, "kept": r.kept, "rejected": r.rejected}
        return {"records": records, "rejects": rejects, "report": report}, summary, [records]

    def _run_split(self, stage_dir: Path, _: Any) -> tuple[dict[str, Path], dict, list[Path]]:
        from medtune.data.dataset import Dataset

        s = self.config.split
        ds = Dataset.load(self._records_path())
        splits = ds.split(validation=s.validation, test=s.test, seed=s.seed, stratify_by=s.stratify_by)
        paths = splits.save(stage_dir)
        sizes = splits.sizes()
        self.say("  " + ", ".join(f"{n} {sizes[n]}" for n in paths))
        return dict(paths), sizes, list(paths.values())

    def _run_train(self, stage_dir: Path, _: Any, resume: bool) -> tuple[dict[str, Path], dict, list[Path]]:
        from medtune.data.dataset import Dataset
        from medtune.training.trainer import Trainer

        overrides: dict[str, Any] = {"output.dir": str(stage_dir)}
        if self.progress is not None:
            overrides["logging.progress_bar"] = self.progress
        cfg = self.config.train.with_overrides(overrides)
        split_dir = self.out / "split"
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
        self.say(f"  {int(result.metrics.get('steps', 0))} steps ({result.backend}){loss}")
        del result  # free the in-memory model before evaluation loads it again
        import gc

        gc.collect()
        hashed = [outputs[k] for k in ("adapter", "merged") if k in outputs]
        return outputs, summary, hashed

    def _run_eval(self, stage_dir: Path, _: Any) -> tuple[dict[str, Path], dict, list[Path]]:
        from medtune.data.dataset import Dataset
        from medtune.evaluation.evaluator import Evaluator

        cfg = self.config.eval
        assert cfg is not None
        records = list(Dataset.load(self.out / "split" / f"{cfg.split}.jsonl"))
        if cfg.limit:
            records = records[: cfg.limit]
        train_dir = self.out / "train"
        model: str | Path = self.config.train.model.path
        adapter: Path | None = train_dir / "adapter"
        if not (train_dir / "adapter" / "adapter_config.json").is_file():
            if not (train_dir / "merged").is_dir():
                raise ConfigError(
                    "eval: the training stage saved neither an adapter nor a merged model. "
                    "Fix: set train.output.save_adapter: true (or save_merged), or eval: false."
                )
            model, adapter = train_dir / "merged", None
        evaluator = Evaluator(cfg.evaluator_config())
        gen = stage_dir / "generations"
        self.say(f"  generating answers for {len(records)} {cfg.split} examples")
        base = None
        if cfg.compare_base:
            base_model = self.config.train.model.path
            base = evaluator.generate_and_score(base_model, records, name="base", cache=gen / "base.jsonl")
        tuned = evaluator.generate_and_score(model, records, adapter=adapter, name="tuned", cache=gen / "tuned.jsonl")
        log = train_dir / "train_log.jsonl"
        files = evaluator.report(stage_dir, tuned, base=base, train_log=log if log.is_file() else None)
        outputs = {"report_html": files["html"], "report_md": files["markdown"], "report_json": files["json"]}
        summary = {"examples": len(records), "split": cfg.split, "compare_base": cfg.compare_base}
        return outputs, summary, [files["json"]]

    def _run_card(self, stage_dir: Path, _: Any) -> tuple[dict[str, Path], dict, list[Path]]:
        from medtune.training.model_card import render_model_card

        train_dir = self.out / "train"
        facts = json.loads((train_dir / "run.json").read_text(encoding="utf-8"))
        facts.setdefault("data", {})
        facts["data"]["source"] = self.config.data.source
        clean_report = self.out / "clean" / "report.json"
        summary: dict[str, Any] = {"cleaning": False, "evaluation": False}
        if self.config.clean is not None and clean_report.is_file():
            facts["data"]["cleaning_report"] = json.loads(clean_report.read_text(encoding="utf-8"))
            summary["cleaning"] = True
        report_json = self.out / "eval" / "report.json"
        if self.config.eval is not None and report_json.is_file():
            from medtune.evaluation.report import summary_markdown

            data = json.loads(report_json.read_text(encoding="utf-8"))
            cfg = self.config.eval
            facts["evaluation"] = {
                "summary": summary_markdown(data),
                "description": f"On the held-out `{cfg.split}` split"
                + (f" (first {cfg.limit} examples)" if cfg.limit else "")
                + (", the tuned model against its base model" if cfg.compare_base else "")
                + f"; {cfg.generation.max_new_tokens} new tokens at most, "
                + ("sampling" if cfg.generation.do_sample else "greedy decoding")
                + ". Intervals are bootstrap confidence intervals.",
                "report": "eval/report.html",  # relative to the run directory (the card is copied elsewhere)
            }
            summary["evaluation"] = True
        card = render_model_card(facts)
        card_path = atomic_write_text(stage_dir / "README.md", card)
        # The copies shipped with the weights carry the same, complete card.
        for where in (train_dir, train_dir / "adapter", train_dir / "merged"):
            target = where / "README.md"
            if where.is_dir():
                atomic_write_text(target, card)
        return {"model_card": card_path}, summary, [card_path]


def _read_state(stage_dir: Path) -> dict[str, Any] | None:
    path = stage_dir / _STATE
    if not path.is_file():
        return None
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _write_state(stage_dir: Path, state: Mapping[str, Any]) -> None:
    atomic_write_text(stage_dir / _STATE, json.dumps({"version": _STATE_VERSION, **state}, indent=2) + "\n")


def _write_json(path: Path, payload: Any) -> Path:
    return atomic_write_text(path, json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n")


def _reset_dir(path: Path, keep: set[str]) -> None:
    """Empty a stage directory before a fresh run (keeping ``keep``, e.g. the generation cache)."""
    if not path.is_dir():
        return
    for child in path.iterdir():
        if child.name in keep:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def run(config: RunConfig, **kwargs: Any) -> RunResult:
    """Shorthand for ``RunPipeline(config, **kwargs).run()``."""
    return RunPipeline(config, **kwargs).run()
