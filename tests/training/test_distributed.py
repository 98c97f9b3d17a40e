"""Data-parallel training: `torchrun --nproc_per_node 2 medtune train ...` (gloo on CPU; NCCL on GPUs)."""

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from medtune import Dataset


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
@pytest.mark.parametrize("token_budget", [None, 96])
def test_two_process_data_parallel_training(tmp_path, tiny_model_dir, tiny, token_budget):
    torchrun = shutil.which("torchrun", path=str(Path(sys.executable).parent)) or shutil.which("torchrun")
    if torchrun is None:
        pytest.skip("torchrun is not installed")
    records = [{**r, "id": f"{r['id']}-{i}"} for i, r in enumerate(tiny.fact_records() * 4)]  # 32 examples
    Dataset.from_records(records).save(tmp_path / "train.jsonl")
    run = tmp_path / "run"
    cmd = [
        torchrun,
        "--nproc_per_node=2",
        f"--master_port={free_port()}",
        "-m",
        "medtune.cli.main",
        "train",
        "--model",
        str(tiny_model_dir),
        "--data",
        str(tmp_path / "train.jsonl"),
        "-o",
        str(run),
        "--epochs",
        "2",
        "--batch-size",
        "4",
        "--grad-accum",
        "2",
        "--lr",
        "1e-2",
        "--no-progress",
        "--set",
        "lora.dropout=0",
        "--set",
        "format.max_seq_length=64",
        "--set",
        "logging.logging_steps=1",
        "--set",
        f"optim.max_tokens_per_batch={'null' if token_budget is None else token_budget}",
    ]
    env = {**os.environ, "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    facts = json.loads((run / "run.json").read_text())
    # 32 examples, 8 per optimizer step per process, 2 processes: 2 steps per epoch, 4 in all
    assert facts["metrics"]["steps"] == 4
    lines = [json.loads(x) for x in (run / "train_log.jsonl").read_text().splitlines()]
    steps = [r["step"] for r in lines if "loss" in r]
    assert steps == [1, 2, 3, 4]  # one line per step: only rank 0 writes the log
    assert lines[-1].get("train_loss") is not None or facts["metrics"]["final_loss"] > 0
    assert facts["metrics"]["final_loss"] < facts["metrics"]["first_loss"]
    assert (run / "adapter" / "adapter_model.safetensors").is_file()
    # the tokens seen are both processes' (summed across them each step): every example twice, one per epoch
    state = json.loads((run / "checkpoints" / "checkpoint-4" / "trainer_state.json").read_text())
    assert state["num_input_tokens_seen"] == 2 * facts["data"]["tokenization"]["total_tokens"]
