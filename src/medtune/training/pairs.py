"""Preference pairs as token ids: a prompt and two answers, tokenized by the same rules as supervised examples.

Each pair becomes ``prompt_ids``, ``chosen_ids`` and ``rejected_ids``, the columns TRL's ``DPOTrainer`` trains on.
The prompt and each answer are tokenized exactly as :func:`~medtune.training.formatting.encode_record` tokenizes an
instruction record or conversation for supervised fine-tuning (the Alpaca prompt or the chat template, the EOS that
ends every answer), so the tuned model sees the prompts it was fine-tuned and will be asked with. The rules:

* a sequence (the prompt and one answer) longer than ``format.max_seq_length`` loses the end of its answer and is
  counted, or the pair is rejected with ``format.truncation: reject``;
* a pair whose prompt alone fills ``format.max_seq_length``, or whose two answers are the same once cut, is
  rejected with the reason: it would train on nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from medtune.data.records import PreferenceRecord
from medtune.errors import ConfigError, MedtuneError
from medtune.training.formatting import IGNORE_INDEX, TokenizationReport, encode_record, resolve_template

if TYPE_CHECKING:
    import datasets

    from medtune.data.dataset import Dataset
    from medtune.training.config import FormatConfig

__all__ = ["PAIR_COLUMNS", "EncodedPair", "encode_pair", "tokenize_pairs"]

#: The columns of a tokenized pair (what TRL's ``DataCollatorForPreference`` reads).
PAIR_COLUMNS = ("prompt_ids", "chosen_ids", "rejected_ids")
_NO_LIMIT = 1_048_576


class EncodedPair(NamedTuple):
    """One pair's token ids, before truncation."""

    prompt_ids: list[int]
    chosen_ids: list[int]
    rejected_ids: list[int]


def _split(record: Any, tokenizer: Any, fmt: FormatConfig) -> tuple[list[int], list[int]]:
    """``(prompt ids, answer ids)`` of a single-answer record: the ids before and from the first trained token."""
    ex = encode_record(record, tokenizer, fmt)
    start = next((i for i, label in enumerate(ex.labels) if label != IGNORE_INDEX), len(ex.labels))
    return ex.input_ids[:start], ex.input_ids[start:]


def encode_pair(pair: PreferenceRecord, tokenizer: Any, fmt: FormatConfig) -> EncodedPair:
    """Tokenize one pair: the prompt once, then each answer as it follows the prompt (not truncated).

    Args:
        pair: The preference pair.
        tokenizer: A transformers tokenizer with an EOS token.
        fmt: The format settings (``template``; ``train_on`` and ``max_seq_length`` do not apply here).

    Returns:
        The prompt's ids and each answer's ids (ending with EOS).

    Raises:
        ConfigError: The chat template renders the prompt differently before the two answers.
    """
    fmt = resolve_template(fmt, tokenizer)
    whole = fmt.model_copy(update={"train_on": "responses", "max_seq_length": _NO_LIMIT})
    if fmt.template == "chat":
        chosen, rejected = pair.to_conversation("chosen"), pair.to_conversation("rejected")
    else:
        chosen, rejected = pair.to_instruction("chosen"), pair.to_instruction("rejected")
    prompt, chosen_ids = _split(chosen, tokenizer, whole)
    other_prompt, rejected_ids = _split(rejected, tokenizer, whole)
    if prompt != other_prompt:
        raise ConfigError(
            f"pair {pair.id or ''}: the tokenizer's chat template renders the prompt differently before the chosen "
            "and the rejected answer, so the two answers cannot be compared on one prompt. "
            "Fix: set format.template: alpaca, or use a chat template that renders the prompt alone the same way."
        )
    return EncodedPair(prompt, chosen_ids, rejected_ids)


def tokenize_pairs(dataset: Dataset, tokenizer: Any, fmt: FormatConfig) -> tuple[datasets.Dataset, TokenizationReport]:
    """Tokenize every pair; returns an Arrow dataset of :data:`PAIR_COLUMNS` and what happened.

    The report counts pairs as examples; ``total_tokens`` counts both sequences of a pair (the prompt twice, as the
    model reads them) and ``trained_tokens`` the tokens of both answers.

    Raises:
        MedtuneError: The records are not preference pairs, or every pair was rejected (with the first reasons).
    """
    import datasets

    if dataset.kind != "preference":
        raise MedtuneError(f"tokenize_pairs needs preference records, got {dataset.kind} records")
    fmt = resolve_template(fmt, tokenizer)
    limit = fmt.max_seq_length
    report = TokenizationReport(max_seq_length=limit, template=fmt.template, train_on="chosen vs rejected answers")
    columns: dict[str, list[list[int]]] = {name: [] for name in PAIR_COLUMNS}
    for index, pair in enumerate(dataset):
        assert isinstance(pair, PreferenceRecord)
        report.examples += 1
        prompt, chosen, rejected = encode_pair(pair, tokenizer, fmt)
        longest = len(prompt) + max(len(chosen), len(rejected))
        room = limit - len(prompt)
        reason = None
        if room <= 0:
            reason = (
                f"the prompt alone is {len(prompt)} tokens, which fills format.max_seq_length={limit} (no answer "
                "token left); raise format.max_seq_length or shorten the prompt"
            )
        elif longest > limit and fmt.truncation == "reject":
            reason = f"{longest} tokens (prompt and longer answer) is over format.max_seq_length={limit}"
        elif chosen[:room] == rejected[:room]:
            reason = f"the two answers are the same in the first {room} tokens that fit format.max_seq_length={limit}"
        if reason is not None:
            report.rejected.append({"row": index, "id": pair.id, "reason": reason})
            continue
        chosen, rejected = chosen[:room], rejected[:room]
        report.truncated += int(longest > limit)
        report.kept += 1
        report.total_tokens += 2 * len(prompt) + len(chosen) + len(rejected)
        report.trained_tokens += len(chosen) + len(rejected)
        report.max_length = max(report.max_length, len(prompt) + max(len(chosen), len(rejected)))
        for name, ids in zip(PAIR_COLUMNS, (prompt, chosen, rejected)):
            columns[name].append(ids)
    if report.kept == 0:
        reasons = "; ".join(r["reason"] for r in report.rejected[:3])
        raise MedtuneError(
            f"all {report.examples} preference pairs were rejected during tokenization: "
            f"{reasons or 'the dataset is empty'}"
        )
    ids = datasets.List(datasets.Value("int32"))
    features = datasets.Features({name: ids for name in PAIR_COLUMNS})
    return datasets.Dataset.from_dict(columns, features=features), report
