"""``medtune train`` as a user runs it: the progress bar on a terminal and in logs, and a real SIGKILL + --resume.

The terminal test and the SIGKILL test start ``medtune train`` in a subprocess on a tiny random Llama saved to a
temporary directory (the ``model.path`` route).
"""

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from medtune.cli.main import main
from medtune.training.checkpoint import COMMIT_FILE, is_committed, latest_checkpoint, list_checkpoints

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal and SIGKILL")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
STEP_LINE = re.compile(r"step (\d+)/(\d+) · loss (\d+\.\d{4}) · (\d+) tok/s · ETA (\d+) s")


def medtune_cmd():
    exe = shutil.which("medtune", path=str(Path(sys.executable).parent))
    if exe:
        return [exe]
    return [sys.executable, "-c", "import sys; from medtune.cli.main import main; sys.exit(main())"]


def child_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "COLUMNS")}
    env.update(PYTHONUNBUFFERED="1", TOKENIZERS_PARALLELISM="false", **extra)
    return env


def write_config(tmp_path, model_dir, data, **sections):
    """A YAML config for the tiny model; ``sections`` override whole keys as ``section={key: value}``."""
    import yaml

    config = {
        "model": {"path": str(model_dir)},
        "data": {"train": str(data)},
        "lora": {"r": 8, "dropout": 0.0},
        "format": {"max_seq_length": 64},
        "optim": {
            "learning_rate": 5e-3,
            "batch_size": 2,
            "gradient_accumulation_steps": 1,
            "warmup_ratio": 0.0,
            "max_grad_norm": 1.0,
        },
        "logging": {"logging_steps": 1},
        "checkpointing": {"save_strategy": "no"},
        "output": {"save_merged": False},
    }
    for section, values in sections.items():
        config[section] = {**config[section], **values}
    path = tmp_path / "train.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def step_records(run_dir):
    """The per-step lines of train_log.jsonl, in file order."""
    lines = [json.loads(x) for x in (Path(run_dir) / "train_log.jsonl").read_text().splitlines()]
    return [r for r in lines if "loss" in r]


def logged_losses(run_dir):
    return {r["step"]: r["loss"] for r in step_records(run_dir)}


# --- progress -----------------------------------------------------------------------------------------------------


def run_in_pty(argv, env, timeout=240, columns=160):
    """Run ``argv`` with stdin, stdout and stderr on a pseudo-terminal; returns (exit code, everything it wrote)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        else:
            proc.kill()
            pytest.fail(f"medtune train did not finish in {timeout} s")
        code = proc.wait(timeout=60)
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    return code, b"".join(chunks).decode("utf-8", errors="replace")


@posix_only
@pytest.mark.slow  # a subprocess that imports torch and transformers: 10-40 s on a busy 2-core machine
def test_progress_bar_is_live_on_a_terminal(tmp_path, tiny, tiny_model_dir, write_jsonl):
    data = write_jsonl(tiny.fact_records(), "train.jsonl")
    config = write_config(tmp_path, tiny_model_dir, data, optim={"max_steps": 6})
    run_dir = tmp_path / "run"
    code, text = run_in_pty(
        [*medtune_cmd(), "train", "--config", str(config), "-o", str(run_dir)], child_env(TERM="xterm-256color")
    )
    assert code == 0, text[-3000:]
    assert "\x1b[?25l" in text and "\x1b[?25h" in text  # rich's live display hid the cursor, then restored it
    assert "\r\x1b[2K" in text  # the bar is redrawn in place
    plain = ANSI.sub("", text)
    bars = re.findall(r"train\s+\S+\s+(\d+)/(\d+)\s+loss (\S+)\s+(\S+) tok/s\s+ETA", plain)
    assert bars, plain[-3000:]
    assert [int(b[0]) for b in bars] == sorted(int(b[0]) for b in bars)  # it only moves forward
    done, total, loss, tps = bars[-1]  # the bar's final state
    losses = logged_losses(run_dir)
    assert (int(done), int(total)) == (6, 6) and sorted(losses) == [1, 2, 3, 4, 5, 6]
    assert loss == f"{losses[6]:.4f}"  # the last logged loss
    assert int(tps.replace(",", "")) > 0
    assert not STEP_LINE.search(plain)  # on a terminal the bar replaces the one-line-per-step log
    assert "trained 6 steps" in plain


def test_progress_without_a_terminal_is_one_line_per_logging_step(
    capsys, monkeypatch, tmp_path, tiny, tiny_model_dir, write_jsonl
):
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # no wrapping of the log lines
    data = write_jsonl(tiny.fact_records(), "train.jsonl")
    config = write_config(tmp_path, tiny_model_dir, data, optim={"max_steps": 6}, logging={"logging_steps": 2})
    run_dir = tmp_path / "run"
    code = main(["train", "--config", str(config), "-o", str(run_dir)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "\x1b[" not in err  # no live display, no colour: plain lines for a log file or CI
    lines = [line for line in err.splitlines() if STEP_LINE.search(line)]
    matches = [STEP_LINE.search(line).groups() for line in lines]
    losses = logged_losses(run_dir)
    assert sorted(losses) == [1, 2, 4, 6]  # logging_first_step + every 2 steps
    assert [(int(m[0]), int(m[1])) for m in matches] == [(s, 6) for s in sorted(losses)]  # one line per logging step
    assert [m[2] for m in matches] == [f"{losses[s]:.4f}" for s in sorted(losses)]
    assert all(int(m[3]) > 0 for m in matches)
    assert int(matches[-1][4]) == 0  # nothing left at the last step
    assert "trained 6 steps" in out


def test_no_progress_flag_silences_the_per_step_lines(capsys, monkeypatch, tmp_path, tiny, tiny_model_dir, write_jsonl):
    monkeypatch.setenv("COLUMNS", "200")
    data = write_jsonl(tiny.fact_records(), "train.jsonl")
    config = write_config(tmp_path, tiny_model_dir, data, optim={"max_steps": 2})
    code = main(["train", "--config", str(config), "-o", str(tmp_path / "run"), "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert not STEP_LINE.search(err) and "tok/s" not in err and "trained 2 steps" in out


# --- a real SIGKILL -----------------------------------------------------------------------------------------------


def checkpoint_step(path):
    return int(path.name.rsplit("-", 1)[1])


def last_logged_step(run_dir):
    """The last step with a complete line in train_log.jsonl of a run that may be writing it; 0 if none."""
    try:
        text = (Path(run_dir) / "train_log.jsonl").read_text()
    except FileNotFoundError:
        return 0
    complete = text[: text.rfind("\n") + 1].splitlines()
    return max((json.loads(line)["step"] for line in complete if '"loss"' in line), default=0)


MAX_STEPS, SAVE_STEPS = 24, 4


@posix_only
@pytest.mark.slow
def test_sigkill_then_resume_continues_from_the_last_committed_checkpoint(
    capsys, tmp_path, tiny, tiny_model_dir, write_jsonl
):
    data = write_jsonl(tiny.fact_records(), "train.jsonl")
    config = write_config(
        tmp_path,
        tiny_model_dir,
        data,
        lora={"dropout": 0.1},  # the dropout RNG must be restored too
        optim={"max_steps": MAX_STEPS},
        checkpointing={"save_strategy": "steps", "save_steps": SAVE_STEPS},
    )

    # the reference: the same config, uninterrupted
    ref_dir = tmp_path / "ref"
    assert main(["train", "--config", str(config), "-o", str(ref_dir), "--no-progress"]) == 0, capsys.readouterr().err
    capsys.readouterr()
    reference = logged_losses(ref_dir)
    assert sorted(reference) == list(range(1, MAX_STEPS + 1))

    # a run killed with SIGKILL once a checkpoint is committed and a step past it is logged
    run_dir = tmp_path / "run"
    ckpts = run_dir / "checkpoints"
    cmd = [*medtune_cmd(), "train", "--config", str(config), "-o", str(run_dir), "--no-progress"]
    env = child_env(COLUMNS="1000")
    with open(tmp_path / "killed.log", "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 300
        try:
            # wait for a committed checkpoint and at least one step past it, so there are log lines to drop
            while (ckpt := latest_checkpoint(ckpts)) is None or last_logged_step(run_dir) <= checkpoint_step(ckpt):
                assert proc.poll() is None, (tmp_path / "killed.log").read_text()[-3000:]
                assert time.monotonic() < deadline, "no committed checkpoint after 300 s"
                time.sleep(0.005)
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            if proc.poll() is None:
                proc.kill()
            code = proc.wait(timeout=60)
    assert code == -signal.SIGKILL
    killed_at = max(logged_losses(run_dir))
    assert killed_at < MAX_STEPS and not (run_dir / "run.json").exists() and not (run_dir / "adapter").exists()
    resume_point = latest_checkpoint(ckpts)
    resume_step = checkpoint_step(resume_point)
    assert resume_step % SAVE_STEPS == 0 and resume_step <= killed_at
    assert json.loads((resume_point / COMMIT_FILE).read_text())["step"] == resume_step
    before = [r for r in step_records(run_dir) if r["step"] <= resume_step]
    kept_file = resume_point / "adapter_model.safetensors"
    kept_mtime = kept_file.stat().st_mtime_ns

    # without --resume the run directory is refused
    assert main(["train", "--config", str(config), "-o", str(run_dir), "--no-progress"]) == 2
    assert "already holds checkpoints" in capsys.readouterr().err

    resumed = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, env=env, timeout=300)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert f"resuming from {resume_point}" in " ".join(resumed.stderr.split())
    facts = json.loads((run_dir / "run.json").read_text())
    assert facts["resumed_from"] == str(resume_point)
    assert facts["metrics"]["steps"] == MAX_STEPS
    # every checkpoint left is complete (one cut short by the kill was discarded)
    assert all(is_committed(p) for _, p in list_checkpoints(ckpts))

    records = step_records(run_dir)
    # one line per step: the killed run's lines past the checkpoint were dropped and redone, not duplicated
    assert [r["step"] for r in records] == list(range(1, MAX_STEPS + 1))
    # the steps up to the checkpoint were not run again: their lines (with their timing-dependent tokens/s) and the
    # checkpoint are the killed run's
    assert records[:resume_step] == before
    assert kept_file.stat().st_mtime_ns == kept_mtime
    losses = logged_losses(run_dir)
    after = [s for s in losses if s > resume_step]
    assert after and [losses[s] for s in after] == pytest.approx([reference[s] for s in after], rel=1e-4, abs=1e-6)
    assert [losses[s] for s in losses] == pytest.approx([reference[s] for s in losses], rel=1e-4, abs=1e-6)
    assert facts["metrics"]["final_loss"] == pytest.approx(reference[MAX_STEPS], rel=1e-4)
    print(f"killed at step {killed_at}; resuming from {resume_point}")
