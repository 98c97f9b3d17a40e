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

The stages themselves (their config sections, dependencies and work) are :data:`medtune.run.stages.RUN_STAGES`.
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
from medtune.io.files import atomic_write_text
from medtune.run.config import RunConfig
from medtune.run.stages import RUN_STAGES, STATE_VERSION, Stage

__all__ = ["STAGES", "RunPipeline", "RunResult", "StageOutcome", "run"]

logger = logging.getLogger("medtune.run")

#: The stage names, in the order they run.
STAGES: tuple[str, ...] = tuple(stage.name for stage in RUN_STAGES)
_STATE = "stage.json"
_STATE_VERSION = STATE_VERSION


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
        from medtune.plugins.presets import using_preset

        with using_preset(self.config.preset):  # the card profile and the cleaners' PII profile follow the preset
            return self._run()

    def _run(self) -> RunResult:
        self._preflight()
        self.out.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.out / "config.yaml", self.config.to_yaml())
        stages: dict[str, StageOutcome] = {}
        rerun = False
        paths: dict[str, Path | None] = {}
        for stage in RUN_STAGES:
            outcome = self._stage(stage, rerun or stage.name in self.force)
            stages[stage.name] = outcome
            if outcome.status in ("ran", "resumed"):
                rerun = True
            paths.update({attr: outcome.outputs.get(output) for attr, output in stage.results})
        return RunResult(output_dir=self.out, stages=stages, **paths)

    # --- stage machinery -----------------------------------------------------------------------------------

    def _preflight(self) -> None:
        """Fail on unknown cleaner/metric names before minutes of work."""
        for stage in RUN_STAGES:
            stage.preflight(self.config)

    def _inputs(self, stage: Stage) -> tuple[str, Any]:
        """The input hash of a stage, and what its :meth:`Stage.run` receives as ``extra``."""
        external = stage.external_inputs(self)
        if external is not None:
            files, extra = external
            return hash_paths(files), extra
        return _hash_json({up.name: self._upstream.get(up.name) for up in stage.depends_on}), None

    def _stage(self, stage: Stage, rerun: bool) -> StageOutcome:
        name = stage.name
        stage_dir = stage.output_dir(self.out)
        config_payload = stage.config_payload(self.config)
        if config_payload is None:  # switched off
            self._upstream[name] = {"config": None, "outputs": "disabled"}
            self.say(f"{name}: disabled")
            return StageOutcome(name, "disabled", stage_dir)
        config_hash = _hash_json(config_payload)
        input_hash, extra = self._inputs(stage)
        state = _read_state(stage_dir)
        same = state is not None and state.get("config_hash") == config_hash and state.get("input_hash") == input_hash
        if not rerun and same and state is not None and state.get("status") == "done":
            outputs = {k: stage_dir / v for k, v in state.get("outputs", {}).items()}
            if all(p.exists() for p in outputs.values()):
                self._upstream[name] = {"config": config_hash, "outputs": state.get("outputs_hash")}
                self.say(f"{name}: up to date, skipped")
                return StageOutcome(name, "skipped", stage_dir, outputs, 0.0, state.get("summary", {}))
        resume = stage.resumable and same and state is not None and state.get("status") == "running"
        if not resume:
            _reset_dir(stage_dir, keep=set(stage.keep))
        stage_dir.mkdir(parents=True, exist_ok=True)
        running = {"stage": name, "status": "running", "config_hash": config_hash, "input_hash": input_hash}
        _write_state(stage_dir, running)
        self.say(f"{name}: {'resuming' if resume else 'running'}")
        started = time.time()
        outputs, summary, hashed = stage.run(self, stage_dir, extra, resume)
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
