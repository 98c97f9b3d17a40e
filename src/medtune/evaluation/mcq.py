"""Multiple-choice and classification tasks scored by the log-likelihood of each option.

For every item, the prompt is built as for generation (chat template or Alpaca prompt), and each option's
continuation is appended; the option's score is the sum of the log-probabilities of its tokens given the prompt.
The prediction is the option with the highest sum (``accuracy``); ``accuracy_norm`` uses the mean per token instead,
which removes the bias toward short options.

Formats:

* PubMedQA: records loaded with the ``pubmedqa`` format; options ``Yes``/``No``/``Maybe`` (the words a medtune
  fine-tune starts its reply with), gold from ``metadata.final_decision``. See :func:`pubmedqa_items`.
* Generic JSONL (MedQA/MedMCQA style), one item per line::

      {"question": "...", "options": {"A": "...", "B": "..."}, "answer": "A"}

  ``options`` may also be a list (labelled A, B, C…); ``answer`` may be a label or the text of an option;
  MedQA's ``answer_idx`` wins over ``answer`` when present. See :func:`load_mcq_jsonl`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from medtune._extras import require
from medtune.data.records import InstructionRecord
from medtune.errors import DataFormatError, DataValidationError, ValidationIssue

__all__ = [
    "MCQ_INSTRUCTION",
    "MCQConfig",
    "MCQItem",
    "MCQResult",
    "load_mcq_jsonl",
    "option_loglikelihoods",
    "pubmedqa_items",
    "score_mcq",
]

MCQ_INSTRUCTION = "Answer the multiple-choice medical question with the correct option."
_LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class MCQItem:
    """One multiple-choice item.

    Attributes:
        id: Identifier.
        record: The prompt, as an instruction record (its ``output`` is unused).
        options: Label → continuation text scored after the prompt.
        answer: The gold label.
        metadata: Extras carried into results.
    """

    id: str
    record: InstructionRecord
    options: dict[str, str]
    answer: str
    metadata: dict[str, Any] = field(default_factory=dict)


def pubmedqa_items(records: Sequence[InstructionRecord]) -> list[MCQItem]:
    """PubMedQA records (``pubmedqa`` format) as yes/no/maybe items.

    Raises:
        DataValidationError: A record has no ``metadata.final_decision`` in yes/no/maybe.
    """
    options = {"yes": "Yes", "no": "No", "maybe": "Maybe"}
    items, issues = [], []
    for row, rec in enumerate(records):
        gold = str(rec.metadata.get("final_decision") or rec.category or "").strip().lower()
        if gold not in options:
            issues.append(
                ValidationIssue(
                    "pubmedqa", None, row, "metadata.final_decision", "expected yes, no or maybe", repr(gold)
                )
            )
            continue
        items.append(MCQItem(rec.id or str(row), rec, options, gold, {"pmid": rec.metadata.get("pmid")}))
    if issues:
        raise DataValidationError(issues)
    return items


def _item_from_row(row: dict[str, Any], where: str, line: int) -> MCQItem | ValidationIssue:
    question = row.get("question")
    options = row.get("options")
    if not isinstance(question, str) or not question.strip():
        return ValidationIssue(where, line, None, "question", "required non-empty string")
    if isinstance(options, list):
        options = {_LABELS[i]: str(o) for i, o in enumerate(options)}
    if not isinstance(options, dict) or len(options) < 2:
        return ValidationIssue(where, line, None, "options", "expected an object (or list) of at least 2 options")
    options = {str(k): str(v) for k, v in options.items()}
    answer = row.get("answer_idx", row.get("answer"))
    if isinstance(answer, str) and answer not in options:
        by_text = [k for k, v in options.items() if v.strip().lower() == answer.strip().lower()]
        answer = by_text[0] if by_text else answer
    if answer not in options:
        return ValidationIssue(
            where, line, None, "answer", f"must be one of the option labels {sorted(options)}", repr(answer)[:60]
        )
    listing = "\n".join(f"{k}. {v}" for k, v in options.items())
    record = InstructionRecord(
        instruction=str(row.get("instruction") or MCQ_INSTRUCTION),
        input=f"{question.strip()}\n\n{listing}",
        output=options[str(answer)],
        id=str(row.get("id", f"mcq-{line}")),
    )
    meta = {k: v for k, v in row.items() if k not in {"question", "options", "answer", "answer_idx", "id"}}
    return MCQItem(record.id or str(line), record, options, str(answer), meta)


def load_mcq_jsonl(path: str | Path) -> list[MCQItem]:
    """Read a generic MCQ JSONL file (see the module docstring).

    Raises:
        DataFormatError: A line is not a JSON object.
        DataValidationError: Items miss a question, options, or an answer among the options (all issues listed).
    """
    path = Path(path)
    items, issues = [], []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFormatError(
                f"{path}:{line_no}: invalid JSON: {exc.msg}. Fix: one JSON object per line."
            ) from None
        if not isinstance(row, dict):
            raise DataFormatError(f"{path}:{line_no}: expected a JSON object, got {type(row).__name__}")
        got = _item_from_row(row, str(path), line_no)
        (issues if isinstance(got, ValidationIssue) else items).append(got)
    if issues:
        raise DataValidationError(issues)
    return items


class MCQConfig(BaseModel):
    """Settings of log-likelihood scoring."""

    model_config = ConfigDict(extra="forbid")

    batch_size: int = Field(default=8, ge=1, le=4096, description="Sequences (item x option) per forward pass.")
    choice_format: Literal["text", "label"] = Field(
        default="text",
        description="Score each option's text, or its label ('A', 'B'…) after a prompt that lists the options. "
        "PubMedQA items always score their Yes/No/Maybe text.",
    )
    prompt_format: Literal["auto", "chat", "alpaca"] = "auto"


@dataclass
class MCQResult:
    """Per-item log-likelihoods and predictions, and the accuracies."""

    items: list[dict[str, Any]]
    accuracy: float
    accuracy_norm: float
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "accuracy": self.accuracy,
            "accuracy_norm": self.accuracy_norm,
            "n": len(self.items),
            "seconds": self.seconds,
            "items": self.items,
        }


def option_loglikelihoods(
    model: Any, tokenizer: Any, pairs: Sequence[tuple[list[int], list[int]]], batch_size: int = 8
) -> list[tuple[float, int]]:
    """Sum of log-probabilities of each continuation given its context, with its token count.

    Args:
        model: A causal LM.
        tokenizer: Its tokenizer (for the pad id).
        pairs: ``(context_ids, continuation_ids)``; sequences are right-padded in batches.
        batch_size: Sequences per forward pass.

    Returns:
        ``(sum_logprob, n_tokens)`` per pair, in order.
    """
    torch = require("torch", "train", "multiple-choice scoring")
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (tokenizer.eos_token_id or 0)
    device = next(model.parameters()).device
    out: list[tuple[float, int]] = []
    for b in range(0, len(pairs), batch_size):
        chunk = pairs[b : b + batch_size]
        seqs = [ctx + cont for ctx, cont in chunk]
        width = max(len(s) for s in seqs)
        ids = torch.tensor([s + [pad] * (width - len(s)) for s in seqs], device=device)
        mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in seqs], device=device)
        with torch.no_grad():
            logits = model(input_ids=ids, attention_mask=mask).logits.float()
        logprobs = torch.log_softmax(logits, dim=-1)
        for row, (ctx, cont) in enumerate(chunk):
            positions = torch.arange(len(ctx) - 1, len(ctx) + len(cont) - 1, device=device)
            targets = torch.tensor(cont, device=device)
            total = logprobs[row, positions, targets].sum().item()
            out.append((float(total), len(cont)))
    return out


def score_mcq(model: Any, tokenizer: Any, items: Sequence[MCQItem], config: MCQConfig | None = None) -> MCQResult:
    """Score every option of every item by log-likelihood and report accuracy.

    Raises:
        DataValidationError: An option tokenizes to no token.
    """
    import time

    from medtune.evaluation.generation import build_prompt, prompt_ids

    config = config or MCQConfig()
    chat = config.prompt_format == "chat" or (
        config.prompt_format == "auto" and bool(getattr(tokenizer, "chat_template", None))
    )
    pairs: list[tuple[list[int], list[int]]] = []
    spans: list[tuple[int, list[str]]] = []
    issues = []
    for n, item in enumerate(items):
        ctx = prompt_ids(tokenizer, build_prompt(item.record, tokenizer, "chat" if chat else "alpaca"), chat)
        labels = list(item.options)
        spans.append((len(pairs), labels))
        is_letter_task = set(labels) <= set(_LABELS)  # PubMedQA's yes/no/maybe always score their text
        for label in labels:
            text = label if (config.choice_format == "label" and is_letter_task) else item.options[label]
            cont = list(tokenizer(text, add_special_tokens=False)["input_ids"])
            if not cont:
                issues.append(ValidationIssue("mcq", None, n, f"options.{label}", "option has no token", repr(text)))
            pairs.append((ctx, cont))
    if issues:
        raise DataValidationError(issues)
    start = time.perf_counter()
    scores = option_loglikelihoods(model, tokenizer, pairs, config.batch_size)
    seconds = time.perf_counter() - start
    rows, correct, correct_norm = [], 0, 0
    for item, (first, labels) in zip(items, spans):
        ll = {label: scores[first + j] for j, label in enumerate(labels)}
        pred = max(labels, key=lambda lab: ll[lab][0])
        pred_norm = max(labels, key=lambda lab: ll[lab][0] / ll[lab][1])
        correct += pred == item.answer
        correct_norm += pred_norm == item.answer
        rows.append(
            {
                "id": item.id,
                "answer": item.answer,
                "prediction": pred,
                "prediction_norm": pred_norm,
                "correct": pred == item.answer,
                "loglikelihoods": {lab: ll[lab][0] for lab in labels},
                "tokens": {lab: ll[lab][1] for lab in labels},
            }
        )
    n = len(items)
    return MCQResult(rows, correct / n if n else math.nan, correct_norm / n if n else math.nan, seconds)
