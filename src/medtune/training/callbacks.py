"""medtune's ``transformers.TrainerCallback``s: the JSONL log and plugin hooks, checkpoint commits, a progress bar.

This module imports transformers: :mod:`medtune.training.trainer` imports it when training starts.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtune._extras import require
from medtune.io.files import atomic_write_text
from medtune.training.artifacts import read_log
from medtune.training.checkpoint import commit_checkpoint

if TYPE_CHECKING:
    from medtune.training.config import TrainConfig

__all__ = ["CommitCheckpoint", "MedtuneLog", "RichProgress", "make_callbacks"]

logger = logging.getLogger("medtune.training")

transformers = require("transformers", "train", "LoRA training")


class MedtuneLog(transformers.TrainerCallback):  # type: ignore[misc, name-defined]
    """Writes one JSONL line per log event with tokens/s, and calls the ``medtune_log`` hook.

    Args:
        log_path: The run's ``train_log.jsonl``.
        pm: The plugin manager whose hooks are called.
        resume_from: The checkpoint the run resumes from: the log's lines after it are dropped.
    """

    def __init__(self, log_path: Path, pm: Any, resume_from: Path | None = None) -> None:
        self.log_path, self.pm, self.resume_from = log_path, pm, resume_from
        self.last_time: float | None = None
        self.last_tokens = 0

    def on_train_begin(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
        """Start the tokens/s clock; when resuming, drop the log lines after the checkpoint."""
        self.last_time, self.last_tokens = time.time(), int(state.num_input_tokens_seen or 0)
        resuming = self.resume_from is not None and self.log_path.exists() and state.is_world_process_zero
        if resuming:  # drop lines after the checkpoint we resume from
            kept = [r for r in read_log(self.log_path) if r.get("step", 0) <= state.global_step]
            atomic_write_text(self.log_path, "".join(json.dumps(r) + "\n" for r in kept))

    def on_log(self, args: Any, state: Any, control: Any, logs: Mapping[str, Any] | None = None, **kw: Any) -> None:
        """Append the log event (with tokens/s since the last one) and call ``medtune_log``."""
        if not state.is_world_process_zero:
            return
        logs = dict(logs or {})
        record: dict[str, Any] = {"step": state.global_step, "epoch": round(state.epoch or 0.0, 4)}
        record.update({k: v for k, v in logs.items() if isinstance(v, (int, float)) and not math.isnan(v)})
        if "loss" in logs:
            now, seen = time.time(), int(state.num_input_tokens_seen or 0)
            elapsed = max(now - (self.last_time or now), 1e-9)
            record["tokens_per_second"] = round((seen - self.last_tokens) / elapsed, 1)
            self.last_time, self.last_tokens = now, seen
        with open(self.log_path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record) + "\n")
        self.pm.hook.medtune_log(step=state.global_step, logs={k: v for k, v in record.items() if k != "step"})


class CommitCheckpoint(transformers.TrainerCallback):  # type: ignore[misc, name-defined]
    """Commits each checkpoint (fsync + atomic marker) once transformers has written it.

    Args:
        pm: The plugin manager whose ``medtune_checkpoint_saved`` hook is called.
    """

    def __init__(self, pm: Any) -> None:
        self.pm = pm

    def on_save(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
        """Commit the checkpoint just written and call ``medtune_checkpoint_saved``."""
        path = Path(args.output_dir) / f"checkpoint-{state.global_step}"
        if path.is_dir() and state.is_world_process_zero:
            commit_checkpoint(path, state.global_step)
            self.pm.hook.medtune_checkpoint_saved(checkpoint_dir=path, step=state.global_step)


class RichProgress(transformers.TrainerCallback):  # type: ignore[misc, name-defined]
    """A rich progress bar on stderr: steps, ETA, last loss and tokens/s (one log line per step without a terminal)."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None
        self.start = 0.0
        self.tokens0 = 0

    def on_train_begin(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
        """Start the bar."""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("[bold]train"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("loss {task.fields[loss]}"),
            TextColumn("{task.fields[tps]} tok/s"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.bar.start()
        self.task = self.bar.add_task("train", total=state.max_steps, completed=state.global_step, loss="-", tps="-")
        self.start, self.tokens0 = time.time(), int(state.num_input_tokens_seen or 0)

    def on_step_end(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
        """Advance the bar and update tokens/s."""
        if self.bar is not None:
            elapsed = max(time.time() - self.start, 1e-9)
            tps = (int(state.num_input_tokens_seen or 0) - self.tokens0) / elapsed
            self.bar.update(self.task, completed=state.global_step, tps=f"{tps:,.0f}")

    def on_log(self, args: Any, state: Any, control: Any, logs: Mapping[str, Any] | None = None, **kw: Any) -> None:
        """Show the last loss (and log a line per logging step when stderr is not a terminal)."""
        if self.bar is not None and logs and "loss" in logs:
            self.bar.update(self.task, loss=f"{logs['loss']:.4f}")
            if not self.bar.console.is_terminal:  # no live bar in logs and CI: one line per logging step
                elapsed = max(time.time() - self.start, 1e-9)
                done = max(state.global_step, 1)
                eta = elapsed / done * max(state.max_steps - state.global_step, 0)
                tps = (int(state.num_input_tokens_seen or 0) - self.tokens0) / elapsed
                logger.info(
                    "step %d/%d · loss %.4f · %.0f tok/s · ETA %.0f s",
                    state.global_step,
                    state.max_steps,
                    logs["loss"],
                    tps,
                    eta,
                )

    def on_train_end(self, args: Any, state: Any, control: Any, **kw: Any) -> None:
        """Stop the bar."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def make_callbacks(
    cfg: TrainConfig, log_path: Path, pm: Any, resume_from: Path | None, *, progress_bar: bool
) -> list[Any]:
    """The callbacks of a run: JSONL log + plugin hooks, checkpoint commit, progress bar, early stopping.

    Args:
        cfg: The run's config (``eval.early_stopping_*``).
        log_path: The run's ``train_log.jsonl``.
        pm: The plugin manager whose hooks the callbacks call.
        resume_from: The checkpoint the run resumes from, if any.
        progress_bar: Whether to show the progress bar (``logging.progress_bar``, on the main process).

    Returns:
        The callbacks, in the order transformers calls them.
    """
    callbacks: list[Any] = [MedtuneLog(log_path, pm, resume_from), CommitCheckpoint(pm)]
    if progress_bar:
        callbacks.append(RichProgress())
    if cfg.eval.early_stopping_patience is not None:
        callbacks.append(
            transformers.EarlyStoppingCallback(
                early_stopping_patience=cfg.eval.early_stopping_patience,
                early_stopping_threshold=cfg.eval.early_stopping_threshold,
            )
        )
    return callbacks
