"""GPU: unsloth backend, crash at step 5 and resume from checkpoint-4; compare with an uninterrupted run.

python benchmarks/gpu_resume.py OUT
"""

import json
import logging
import sys
from pathlib import Path

import unsloth  # noqa: F401  (first, as unsloth requires)

sys.path.insert(0, str(Path(__file__).parent))
import gpu_smoke

from medtune import Dataset
from medtune.plugins import PluginManager, hookimpl
from medtune.training import TrainConfig, Trainer


class Crash(RuntimeError):
    pass


class CrashAt:
    @hookimpl
    def medtune_log(self, step, logs):
        if step == 5:
            raise Crash("killed")


def cfg(work: Path, name: str) -> TrainConfig:
    return TrainConfig().with_overrides(
        {
            "model.path": str(work / "tiny"),
            "model.backend": "unsloth",
            "optim.max_steps": 6,
            "optim.batch_size": 2,
            "optim.gradient_accumulation_steps": 2,
            "optim.learning_rate": 5e-3,
            "lora.dropout": 0.1,
            "logging.logging_steps": 1,
            "logging.progress_bar": False,
            "checkpointing.save_strategy": "steps",
            "checkpointing.save_steps": 2,
            "output.dir": str(work / name),
            "output.save_merged": False,
        }
    )


def main(out: Path) -> None:
    logging.basicConfig(level=logging.INFO)
    out.mkdir(parents=True, exist_ok=True)
    work = gpu_smoke.build()
    ds = Dataset.load(work / "facts.jsonl")
    full = Trainer(cfg(work, "full")).train(ds)
    pm = PluginManager(entry_points=False)
    pm.register(CrashAt(), name="crash")
    try:
        Trainer(cfg(work, "crash"), plugin_manager=pm).train(ds)
    except Crash:
        print("crashed at step 5 as planned")
    res = Trainer(cfg(work, "crash")).train(ds, resume=True)

    def log(name: str) -> list:
        return [json.loads(line) for line in (work / name / "train_log.jsonl").read_text().splitlines()]

    res_out = {
        "full_final_loss": full.metrics["final_loss"],
        "resumed_final_loss": res.metrics["final_loss"],
        "resumed_from": str(res.resumed_from),
        "full_log": log("full"),
        "resumed_log": log("crash"),
    }
    (out / "resume.json").write_text(json.dumps(res_out, indent=2))
    print(json.dumps({k: v for k, v in res_out.items() if "log" not in k}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
