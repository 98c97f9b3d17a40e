"""Evaluation: generation, metrics, checkers, multiple choice, out-of-distribution and forgetting sets, reports.

Importing this package is cheap; torch, transformers, rouge-score, sacrebleu and matplotlib are imported by the
functions that need them. Guide: ``docs/evaluation.md``.
"""

from medtune.evaluation.evaluator import EvalConfig, Evaluator, SystemResult
from medtune.evaluation.generation import GenerationConfig, load_generations, save_generations
from medtune.evaluation.mcq import MCQConfig, MCQItem, load_mcq_items, load_mcq_jsonl, pubmedqa_items
from medtune.evaluation.scoring import EvalExample, ExampleScore, Scorer
from medtune.evaluation.sets import EvalSet, SetResult, evaluate_sets, resolve_sets

__all__ = [
    "EvalConfig",
    "EvalExample",
    "EvalSet",
    "Evaluator",
    "ExampleScore",
    "GenerationConfig",
    "MCQConfig",
    "MCQItem",
    "Scorer",
    "SetResult",
    "SystemResult",
    "evaluate_sets",
    "load_generations",
    "load_mcq_items",
    "load_mcq_jsonl",
    "pubmedqa_items",
    "resolve_sets",
    "save_generations",
]
