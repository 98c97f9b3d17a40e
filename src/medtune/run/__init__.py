"""``medtune run``: the whole job from one YAML, data → clean → split → train → eval → model card, resumable.

Importing this package is cheap (pydantic configs only); torch and transformers are imported by the stages that
need them. Guide: ``docs/run.md``.
"""

from medtune.run.config import RunConfig, RunDataConfig, RunEvalConfig, RunSourceConfig, SplitConfig
from medtune.run.pipeline import STAGES, RunPipeline, RunResult, StageOutcome, run

__all__ = [
    "STAGES",
    "RunConfig",
    "RunDataConfig",
    "RunEvalConfig",
    "RunPipeline",
    "RunResult",
    "RunSourceConfig",
    "SplitConfig",
    "StageOutcome",
    "run",
]
