"""Evaluation: generation, metrics and checkers, multiple-choice scoring, comparisons and reports.

Importing this package is cheap; torch, transformers, rouge-score, sacrebleu and matplotlib are imported by the
functions that need them. Guide: ``docs/evaluation.md``.
"""

from medtune.evaluation.evaluator import EvalConfig, Evaluator, SystemResult
from medtune.evaluation.generation import GenerationConfig, load_generations, save_generations
from medtune.evaluation.mcq import MCQConfig, MCQItem, load_mcq_jsonl, pubmedqa_items
from medtune.evaluation.scoring import EvalExample, ExampleScore, Scorer

__all__ = [
    "EvalConfig",
    "EvalExample",
    "Evaluator",
    "ExampleScore",
    "GenerationConfig",
    "MCQConfig",
    "MCQItem",
    "Scorer",
    "SystemResult",
    "load_generations",
    "load_mcq_jsonl",
    "pubmedqa_items",
    "save_generations",
]
