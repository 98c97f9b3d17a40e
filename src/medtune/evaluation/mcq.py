"""Multiple-choice and classification tasks scored by the log-likelihood of each option.

For every item, the prompt is built as for generation (chat template or Alpaca prompt), and each option's
continuation is appended; the option's score is the sum of the log-probabilities of its tokens given the prompt.
The prediction is the option with the highest sum (``accuracy``); ``accuracy_norm`` uses the mean per token instead,
which removes the bias toward short options.

Formats:

* PubMedQA: records loaded with the ``pubmedqa`` format; options ``Yes``/``No``/``Maybe`` (the words a medtune
  fine-tune starts its reply with), gold from ``metadata.final_decision``. See :func:`pubmedqa_items`.
* JSON Lines, one item per line (:func:`load_mcq_jsonl`), in one of two layouts told apart by the first record's
  keys (or named with ``format``):

  - ``mcq`` (also ``medqa``; MedQA's raw files as released)::

        {"question": "...", "options": {"A": "...", "B": "..."}, "answer_idx": "A", "answer": "<text of A>"}

    ``options`` may also be a list (labelled A, B, C…); without ``answer_idx``, ``answer`` may be a label or the
    text of an option. With both, they must agree.
  - ``medmcqa`` (MedMCQA's raw files)::

        {"question": "...", "opa": "...", "opb": "...", "opc": "...", "opd": "...", "cop": 1, "exp": "...",
         "subject_name": "...", "topic_name": "...", "choice_type": "single", "id": "..."}

    ``cop`` is the correct option: **1-4 in the original JSON release, 0-3 in the Hugging Face release**. The
    convention is detected per file (a 0 means 0-3, a 4 means 1-4; a file whose values are all in 1-3 is
    ambiguous and must be told with ``cop_base``); a letter ``a``-``d`` is also accepted. ``-1`` or no ``cop``
    (the unlabelled test split) is an error.

  Every other key (``exp``, ``subject_name``, ``meta_info``…) is kept in the item's metadata.

Scores can be cached (``score_mcq(..., cache=path)``): one JSONL row per item, keyed by a hash of the model id,
the settings, the prompt, and each option's label, text and token ids; a rerun scores only the items whose key is
not there.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from medtune._extras import require
from medtune.config import ConfigModel
from medtune.data.records import InstructionRecord
from medtune.errors import ConfigError, DataFormatError, DataValidationError, ValidationIssue
from medtune.io.cache import cache_key, read_cache

__all__ = [
    "MCQ_FORMATS",
    "MCQ_INSTRUCTION",
    "MCQConfig",
    "MCQItem",
    "MCQResult",
    "load_mcq_items",
    "load_mcq_jsonl",
    "mcq_layout",
    "option_loglikelihoods",
    "pubmedqa_items",
    "score_mcq",
    "sniff_mcq_file",
]

MCQ_INSTRUCTION = "Answer the multiple-choice question with the correct option."
logger = logging.getLogger(__name__)

_LABELS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#: The layouts :func:`load_mcq_jsonl` reads (``medqa`` is another name of ``mcq``).
MCQ_FORMATS = ("auto", "mcq", "medqa", "medmcqa")
_MEDMCQA_OPTIONS = {"A": "opa", "B": "opb", "C": "opc", "D": "opd"}
_COP_CONVENTIONS = {0: "from 0 (0-3, the Hugging Face release)", 1: "from 1 (1-4, the original MedMCQA JSON)"}
_DROPPED_META = ("metamap_phrases",)  # MedQA's per-question MetaMap annotations: noise in reports


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


def _option_issue(where: str, line: int, fld: str, value: Any) -> ValidationIssue | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        hint = "missing" if value is None else f"a {type(value).__name__}"
        return ValidationIssue(
            where, line, None, fld, f"option is {hint}. Fix: give every option a non-empty text", _short(value)
        )
    if not str(value).strip():
        return ValidationIssue(
            where, line, None, fld, "option text is empty. Fix: fill it in or drop the question", _short(value)
        )
    return None


def _short(value: Any) -> str:
    return repr(value)[:60]


def _question_issue(row: dict[str, Any], where: str, line: int) -> ValidationIssue | None:
    question = row.get("question")
    if not isinstance(question, str) or not question.strip():
        return ValidationIssue(
            where, line, None, "question", "required non-empty string. Fix: add the question text", _short(question)
        )
    return None


def _default_instruction() -> str:
    """The preset's MCQ instruction (the medical preset asks for "the multiple-choice medical question")."""
    from medtune.plugins.presets import active_preset

    return active_preset().mcq_instruction or MCQ_INSTRUCTION


def _make_item(row: dict[str, Any], line: int, options: dict[str, str], answer: str, consumed: set[str]) -> MCQItem:
    listing = "\n".join(f"{k}. {v}" for k, v in options.items())
    record = InstructionRecord(
        instruction=str(row.get("instruction") or _default_instruction()),
        input=f"{str(row['question']).strip()}\n\n{listing}",
        output=options[answer],
        id=str(row.get("id", f"mcq-{line}")),
    )
    meta = {k: v for k, v in row.items() if k not in consumed | {"question", "id", "instruction", *_DROPPED_META}}
    return MCQItem(record.id or str(line), record, options, answer, meta)


def _item_from_row(row: dict[str, Any], where: str, line: int) -> MCQItem | ValidationIssue:
    """An item of the MedQA-style layout (``options`` + ``answer``/``answer_idx``)."""
    issue = _question_issue(row, where, line)
    if issue is not None:
        return issue
    options = row.get("options")
    if isinstance(options, list):
        options = {_LABELS[i]: o for i, o in enumerate(options[: len(_LABELS)])}
    if not isinstance(options, dict) or len(options) < 2:
        hint = " (this row has MedMCQA's opa-opd: load it with format 'medmcqa')" if "opa" in row else ""
        return ValidationIssue(
            where,
            line,
            None,
            "options",
            f'expected an object (or list) of at least 2 options{hint}. Fix: "options": {{"A": "...", "B": "..."}}',
            _short(options),
        )
    for key, value in options.items():
        issue = _option_issue(where, line, f"options.{key}", value)
        if issue is not None:
            return issue
    options = {str(k): str(v) for k, v in options.items()}
    labels = sorted(options)
    if "answer_idx" in row:  # MedQA: answer_idx is the label, answer the option's text
        answer = row["answer_idx"]
        if not isinstance(answer, str) or answer not in options:
            return ValidationIssue(
                where, line, None, "answer_idx", f"must be one of the option labels {labels}", _short(answer)
            )
        text = row.get("answer")
        if isinstance(text, str) and text.strip().lower() not in {answer.lower(), options[answer].strip().lower()}:
            return ValidationIssue(
                where,
                line,
                None,
                "answer",
                f"disagrees with answer_idx {answer!r}, whose option is {options[answer][:60]!r}. "
                "Fix: correct answer_idx or answer (or drop answer: answer_idx alone is enough)",
                _short(text),
            )
        return _make_item(row, line, options, answer, {"options", "answer", "answer_idx"})
    answer = row.get("answer")
    if isinstance(answer, str) and answer not in options:
        by_text = [k for k, v in options.items() if v.strip().lower() == answer.strip().lower()]
        answer = by_text[0] if by_text else answer
    if not isinstance(answer, str) or answer not in options:
        return ValidationIssue(
            where,
            line,
            None,
            "answer",
            f"must be one of the option labels {labels} or the text of an option",
            _short(answer),
        )
    return _make_item(row, line, options, answer, {"options", "answer"})


def _as_int(value: Any) -> Any:
    """``"2"`` and ``2.0`` (a pandas export) as ``2``; anything else unchanged."""
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _cop_label(value: Any, base: int) -> str | None:
    """The label a MedMCQA ``cop`` designates (``None`` if it designates none)."""
    if isinstance(value, str) and value.strip().lower() in {"a", "b", "c", "d"}:
        return value.strip().upper()
    value = _as_int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value - base < 4:
        return "ABCD"[value - base]
    return None


def _medmcqa_item(row: dict[str, Any], where: str, line: int, base: int) -> MCQItem | ValidationIssue:
    """An item of MedMCQA's layout (``opa``-``opd`` + ``cop``)."""
    issue = _question_issue(row, where, line)
    if issue is not None:
        return issue
    for key in _MEDMCQA_OPTIONS.values():
        issue = _option_issue(where, line, key, row.get(key))
        if issue is not None:
            return issue
    options = {label: str(row[key]) for label, key in _MEDMCQA_OPTIONS.items()}
    cop = row.get("cop")
    label = _cop_label(cop, base)
    if label is None:
        convention = _COP_CONVENTIONS[base]
        unlabelled = cop is None or _as_int(cop) == -1
        why = (
            "no answer: MedMCQA's test split is unlabelled (cop missing or -1). Fix: evaluate on its dev "
            "(validation) split, or drop the row"
            if unlabelled
            else f"out of range: this file's cop counts {convention}. Fix: correct the value, or the convention "
            "(cop_base, `--cop-base 0|1`) if it is wrong"
        )
        return ValidationIssue(where, line, None, "cop", why, _short(cop))
    return _make_item(row, line, options, label, {"cop", *_MEDMCQA_OPTIONS.values()})


def mcq_layout(row: dict[str, Any]) -> str | None:
    """The layout of one MCQ record, from its keys: ``"mcq"`` (MedQA style), ``"medmcqa"``, or ``None``.

    >>> mcq_layout({"question": "q", "opa": "x", "opb": "y", "cop": 1}), mcq_layout({"options": ["x", "y"]})
    ('medmcqa', 'mcq')
    """
    if "options" in row:
        return "mcq"
    if "cop" in row or any(key in row for key in _MEDMCQA_OPTIONS.values()):
        return "medmcqa"
    return None


def sniff_mcq_file(path: str | Path) -> str | None:
    """The layout of the first record of a JSON Lines file (:func:`mcq_layout`), or ``None``.

    ``None`` also when the file is not JSON Lines (e.g. PubMedQA's ``ori_pqal.json``, one JSON object).
    """
    path = Path(path)
    if not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "")
        row = json.loads(first)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return mcq_layout(row) if isinstance(row, dict) else None


def _cop_base(rows: list[tuple[int, dict[str, Any]]], path: Path) -> int:
    """Whether a MedMCQA file's ``cop`` counts from 0 (Hugging Face release) or 1 (original JSON)."""
    first_line: dict[int, int] = {}
    for line_no, row in rows:
        cop = _as_int(row.get("cop"))
        if isinstance(cop, int) and not isinstance(cop, bool) and 0 <= cop <= 4:
            first_line.setdefault(cop, line_no)
    if 0 in first_line and 4 in first_line:
        raise DataFormatError(
            f"{path}: cop is 0 at line {first_line[0]} and 4 at line {first_line[4]}: the file mixes "
            f"{_COP_CONVENTIONS[0]} and {_COP_CONVENTIONS[1]}. Fix: convert it to one convention, "
            "then pass cop_base (--cop-base) if needed."
        )
    if 0 in first_line:
        return 0
    if 4 in first_line or not first_line:
        return 1  # no numeric answers at all: every row is a letter, or reported as invalid
    raise DataFormatError(
        f"{path}: cannot tell whether cop counts {_COP_CONVENTIONS[0]} or {_COP_CONVENTIONS[1]}: every cop "
        f"value is in {sorted(first_line)}. Fix: pass cop_base=0 or cop_base=1 (`medtune eval --cop-base 0|1`)."
    )


def load_mcq_jsonl(path: str | Path, format: str = "auto", *, cop_base: int | None = None) -> list[MCQItem]:
    """Read a multiple-choice JSON Lines file in the MedQA or MedMCQA layout (see the module docstring).

    Args:
        path: One JSON object per line (MedMCQA's ``dev.json`` is JSON Lines despite its name).
        format: ``"auto"`` (the first record's keys decide), ``"mcq"``/``"medqa"`` (``options`` +
            ``answer``/``answer_idx``) or ``"medmcqa"`` (``opa``-``opd`` + ``cop``).
        cop_base: MedMCQA only: ``0`` when ``cop`` is 0-3 (the Hugging Face release), ``1`` when it is 1-4 (the
            original JSON release); default: detected from the values (a 0 means 0-based, a 4 means 1-based).

    Raises:
        ConfigError: Unknown ``format`` or ``cop_base``.
        DataFormatError: A line is not a JSON object, the file has no record, its layout cannot be told from
            the keys, or the ``cop`` convention cannot be told from the values.
        DataValidationError: Items miss a question, an option, or an answer among the options (all issues listed,
            each with file:line, field and value).
    """
    if format not in MCQ_FORMATS:
        raise ConfigError(f"unknown multiple-choice format {format!r}. Fix: use one of {', '.join(MCQ_FORMATS)}.")
    if cop_base not in (None, 0, 1):
        raise ConfigError(
            f"cop_base {cop_base!r}: must be 0 ({_COP_CONVENTIONS[0]}) or 1 ({_COP_CONVENTIONS[1]}), or None to detect"
        )
    path = Path(path)
    rows: list[tuple[int, dict[str, Any]]] = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFormatError(
                f"{path}:{line_no}: invalid JSON: {exc.msg}. Fix: one JSON object per line (JSON Lines); a "
                "pretty-printed JSON array converts with `jq -c '.[]' in.json > out.jsonl`."
            ) from None
        if not isinstance(row, dict):
            raise DataFormatError(
                f"{path}:{line_no}: expected a JSON object, got {type(row).__name__}. Fix: one JSON object per line "
                "(a JSON array converts with `jq -c '.[]' in.json > out.jsonl`)."
            )
        rows.append((line_no, row))
    if not rows:
        raise DataFormatError(f"{path}: no multiple-choice item. Fix: one JSON object per line.")
    layout = {"medqa": "mcq"}.get(format, format)
    if layout == "auto":
        line_no, first = rows[0]
        detected = mcq_layout(first)
        if detected is None:
            raise DataFormatError(
                f"{path}:{line_no}: cannot tell the multiple-choice layout from the keys {sorted(first)[:12]}. "
                'Fix: MedQA style needs "question", "options" and "answer" (or "answer_idx"); MedMCQA style '
                '"question", "opa"-"opd" and "cop".'
            )
        layout = detected
    base = (cop_base if cop_base is not None else _cop_base(rows, path)) if layout == "medmcqa" else 1
    items, issues = [], []
    for line_no, row in rows:
        if layout == "medmcqa":
            got = _medmcqa_item(row, str(path), line_no, base)
        else:
            got = _item_from_row(row, str(path), line_no)
        (issues if isinstance(got, ValidationIssue) else items).append(got)
    if issues:
        raise DataValidationError(issues)
    return items


def load_mcq_items(path: str | Path, format: str | None = None, *, cop_base: int | None = None) -> list[MCQItem]:
    """Multiple-choice items from a file: MedQA/MedMCQA-style JSON Lines, else PubMedQA records.

    Args:
        path: The file (or directory a data format reads).
        format: ``None``/``"auto"`` (the first JSON Lines record's keys decide; anything else is read by
            ``Dataset.load`` and scored as PubMedQA yes/no/maybe), one of :data:`MCQ_FORMATS`, or a data format name
            (e.g. ``pubmedqa``).
        cop_base: MedMCQA only, as :func:`load_mcq_jsonl`.

    Raises:
        DataFormatError: The file cannot be read in the format.
        DataValidationError: Items without a valid answer (all of them listed).
    """
    fmt = None if format in (None, "auto") else format
    if fmt in MCQ_FORMATS or (fmt is None and sniff_mcq_file(path) is not None):
        return load_mcq_jsonl(path, fmt or "auto", cop_base=cop_base)
    from medtune.data.dataset import Dataset

    return pubmedqa_items(list(Dataset.load(path, format=fmt)))


class MCQConfig(ConfigModel):
    """Settings of log-likelihood scoring."""

    batch_size: int = Field(default=8, ge=1, le=4096, description="Sequences (item x option) per forward pass.")
    choice_format: Literal["text", "label"] = Field(
        default="text",
        description="Score each option's text, or its label ('A', 'B'…) after a prompt that lists the options. "
        "PubMedQA items always score their Yes/No/Maybe text.",
    )
    prompt_format: Literal["auto", "chat", "alpaca"] = "auto"
    shared_prompt: bool | None = Field(
        default=None,
        description="Run each question's prompt once and score its options on the prompt's cached keys and values "
        "(the same numbers, a fraction of the compute for long prompts); None: on when the model is not on CUDA, "
        "where batches of whole sequences are faster.",
    )


@dataclass
class MCQResult:
    """Per-item log-likelihoods and predictions, and the accuracies.

    Attributes:
        items: One row per item: answer, predictions, log-likelihood and token count per option.
        accuracy: Share of items whose highest-scoring option is the answer.
        accuracy_norm: The same with the mean log-probability per token.
        seconds: Wall time of the scoring this call ran.
        scored: Items scored by this call.
        reused: Items read from the cache.
        total_seconds: Wall time of scoring every item, as recorded in the cache for reused ones.
    """

    items: list[dict[str, Any]]
    accuracy: float
    accuracy_norm: float
    seconds: float = 0.0
    scored: int = 0
    reused: int = 0
    total_seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "accuracy": self.accuracy,
            "accuracy_norm": self.accuracy_norm,
            "n": len(self.items),
            "seconds": self.seconds,
            "scored": self.scored,
            "reused_from_cache": self.reused,
            "items": self.items,
        }


def option_loglikelihoods(
    model: Any,
    tokenizer: Any,
    pairs: Sequence[tuple[list[int], list[int]]],
    batch_size: int = 8,
    *,
    shared_prompt: bool | None = None,
) -> list[tuple[float, int]]:
    """Sum of log-probabilities of each continuation given its context, with its token count.

    Args:
        model: A causal LM.
        tokenizer: Its tokenizer (for the pad id).
        pairs: ``(context_ids, continuation_ids)``; sequences are right-padded in batches.
        batch_size: Sequences per forward pass.
        shared_prompt: Run each context once and score the continuations of consecutive pairs that share it on its
            cached keys and values (the options of a question share its prompt), instead of batches of whole
            sequences; ``None``: when the model is not on CUDA (on a CPU the compute is what counts).

    Returns:
        ``(sum_logprob, n_tokens)`` per pair, in order.
    """
    torch = require("torch", "train", "multiple-choice scoring")
    device = next(model.parameters()).device
    if shared_prompt if shared_prompt is not None else device.type != "cuda":
        return _shared_prompt_loglikelihoods(model, pairs, device)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (tokenizer.eos_token_id or 0)
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


def _shared_prompt_loglikelihoods(
    model: Any, pairs: Sequence[tuple[list[int], list[int]]], device: Any
) -> list[tuple[float, int]]:
    """:func:`option_loglikelihoods` with each run of pairs sharing a context scored on one pass over the context.

    The context's last logits give each continuation's first token; the rest of a continuation runs on a copy of
    the context's key/value cache. Batch size 1 throughout: no padding, so the numbers are those of one sequence.
    """
    import copy

    torch = require("torch", "train", "multiple-choice scoring")
    out: list[tuple[float, int]] = []
    start = 0
    while start < len(pairs):
        ctx = pairs[start][0]
        end = start
        while end < len(pairs) and pairs[end][0] == ctx:
            end += 1
        with torch.no_grad():
            first = model(input_ids=torch.tensor([ctx], device=device), use_cache=True)
        last = torch.log_softmax(first.logits[0, -1].float(), dim=-1)
        for _, cont in pairs[start:end]:
            total = last[cont[0]]
            if len(cont) > 1:
                with torch.no_grad():
                    rest = model(
                        input_ids=torch.tensor([cont[:-1]], device=device),
                        past_key_values=copy.deepcopy(first.past_key_values),
                        use_cache=True,
                    )
                logprobs = torch.log_softmax(rest.logits[0].float(), dim=-1)
                targets = torch.tensor(cont[1:], device=device)
                total = total + logprobs[torch.arange(len(cont) - 1, device=device), targets].sum()
            out.append((float(total.item()), len(cont)))
        start = end
    return out


def _cache_key(model_id: str, settings: dict[str, Any], prompt: str, options: list[list[Any]]) -> str:
    return cache_key(model=model_id, settings=settings, prompt=prompt, options=options)


def _read_cache(path: Path) -> dict[str, dict[str, Any]]:
    return read_cache(path, lambda row: isinstance(row.get("loglikelihoods"), dict))


def score_mcq(
    model: Any,
    tokenizer: Any,
    items: Sequence[MCQItem],
    config: MCQConfig | None = None,
    *,
    cache: str | Path | None = None,
    model_id: str | None = None,
) -> MCQResult:
    """Score every option of every item by log-likelihood and report accuracy.

    Args:
        model: A loaded causal LM.
        tokenizer: Its tokenizer.
        items: The questions.
        config: Scoring settings.
        cache: A JSONL file of per-item option log-likelihoods: items already there with the same key (model id,
            settings but the batch size, model dtype, prompt, and every option's label, text and token ids) are
            reused, new ones are appended as they are scored.
        model_id: Identifies the model in cache keys (include a fingerprint of the weights); default
            ``model.name_or_path``.

    Raises:
        DataValidationError: An option tokenizes to no token.
    """
    from medtune.evaluation.generation import build_prompt, prompt_ids

    config = config or MCQConfig()
    model_id = model_id or str(getattr(model, "name_or_path", "") or type(model).__name__)
    chat = config.prompt_format == "chat" or (
        config.prompt_format == "auto" and bool(getattr(tokenizer, "chat_template", None))
    )
    settings = {
        **config.model_dump(exclude={"batch_size", "shared_prompt"}),  # neither changes the numbers
        "dtype": str(getattr(model, "dtype", "")),
    }
    encoded: list[tuple[list[int], list[tuple[str, list[int]]]]] = []
    keys: list[str] = []
    issues = []
    for n, item in enumerate(items):
        prompt = build_prompt(item.record, tokenizer, "chat" if chat else "alpaca")
        ctx = prompt_ids(tokenizer, prompt, chat)
        is_letter_task = set(item.options) <= set(_LABELS)  # PubMedQA's yes/no/maybe always score their text
        conts, described = [], []
        for label, option in item.options.items():
            text = label if (config.choice_format == "label" and is_letter_task) else option
            cont = list(tokenizer(text, add_special_tokens=False)["input_ids"])
            if not cont:
                issues.append(
                    ValidationIssue(
                        "mcq",
                        None,
                        n,
                        f"options.{label}",
                        "option has no token. Fix: give the option a text (it is empty or blank)",
                        repr(text),
                    )
                )
            conts.append((label, cont))
            described.append([label, option, text, cont])
        encoded.append((ctx, conts))
        keys.append(_cache_key(model_id, settings, prompt, described))
    if issues:
        raise DataValidationError(issues)

    cache_path = Path(cache) if cache is not None else None
    cached = _read_cache(cache_path) if cache_path is not None else {}
    scores: dict[int, dict[str, tuple[float, int]]] = {}
    total_seconds = 0.0
    for i, key in enumerate(keys):
        row = cached.get(key)
        if row is None or set(row["loglikelihoods"]) != {label for label, _ in encoded[i][1]}:
            continue
        try:
            scores[i] = {lab: (float(v), int(row["tokens"][lab])) for lab, v in row["loglikelihoods"].items()}
            total_seconds += float(row.get("seconds", 0.0))
        except (KeyError, TypeError, ValueError):  # a row edited by hand: score the item again
            scores.pop(i, None)
    reused = len(scores)
    todo = [i for i in range(len(items)) if i not in scores]
    seconds = 0.0
    if cache_path is not None and todo:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
    for b in range(0, len(todo), config.batch_size):  # items in chunks: the cache grows as scoring proceeds
        chunk = todo[b : b + config.batch_size]
        pairs = [(encoded[i][0], cont) for i in chunk for _, cont in encoded[i][1]]
        start = time.perf_counter()
        flat = option_loglikelihoods(model, tokenizer, pairs, config.batch_size, shared_prompt=config.shared_prompt)
        elapsed = time.perf_counter() - start
        seconds += elapsed
        lines, pos = [], 0
        for i in chunk:
            labels = [label for label, _ in encoded[i][1]]
            scores[i] = {label: flat[pos + j] for j, label in enumerate(labels)}
            pos += len(labels)
            row = {
                "key": keys[i],
                "id": items[i].id,
                "loglikelihoods": {lab: s[0] for lab, s in scores[i].items()},
                "tokens": {lab: s[1] for lab, s in scores[i].items()},
                "seconds": round(elapsed / len(chunk), 6),
            }
            lines.append(json.dumps(row, ensure_ascii=False))
        if cache_path is not None:
            with cache_path.open("a", encoding="utf-8") as fh:
                fh.write("".join(line + "\n" for line in lines))
    total_seconds += seconds

    rows, correct, correct_norm = [], 0, 0
    for i, item in enumerate(items):
        ll = scores[i]
        labels = list(ll)
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
    return MCQResult(
        rows,
        correct / n if n else math.nan,
        correct_norm / n if n else math.nan,
        seconds,
        scored=len(todo),
        reused=reused,
        total_seconds=total_seconds,
    )
