"""Prompt templates, tokenization and response-only label masking.

Every example becomes ``input_ids`` and ``labels`` of the same length, with ``-100`` on the tokens that are not
trained (the prompt, by default). The rules, each tested:

* the EOS token ends every reply and is trained, so the model learns to stop;
* the pad token is never the EOS token (:func:`ensure_pad_token`);
* an example that is truncated is counted (or rejected, with ``truncation: reject``), and an example left with no
  trained token is always rejected, never silently trained on nothing.

Prompts and replies are tokenized separately and concatenated, which is exactly what generation sees: the prompt
alone is tokenized, then the model produces the reply tokens.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from medtune.data.records import Conversation, InstructionRecord
from medtune.errors import ConfigError, MedtuneError
from medtune.models.prompts import ALPACA_CHAT_TEMPLATE, alpaca_prompt, ensure_pad_token

if TYPE_CHECKING:
    import datasets

    from medtune.data.dataset import Dataset
    from medtune.training.config import FormatConfig

__all__ = [
    "ALPACA_CHAT_TEMPLATE",
    "IGNORE_INDEX",
    "EncodedExample",
    "TokenizationReport",
    "alpaca_prompt",
    "encode_record",
    "ensure_pad_token",
    "resolve_template",
    "tokenize_dataset",
]

IGNORE_INDEX = -100


@dataclass
class EncodedExample:
    """One tokenized example: token ids and labels (``-100`` where no loss is taken)."""

    input_ids: list[int]
    labels: list[int]
    truncated: bool = False
    original_length: int = 0

    @property
    def trained_tokens(self) -> int:
        """Tokens that carry a loss."""
        return sum(1 for label in self.labels if label != IGNORE_INDEX)


@dataclass
class TokenizationReport:
    """What tokenization did to a dataset: counts that the trainer logs and the model card reports."""

    examples: int = 0
    kept: int = 0
    truncated: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)
    total_tokens: int = 0
    trained_tokens: int = 0
    max_length: int = 0
    max_seq_length: int = 0
    template: str = ""
    train_on: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (the rejects list is summarised by count)."""
        out = asdict(self)
        out["rejected"] = len(self.rejected)
        return out

    def summary(self) -> str:
        """One line for logs and the CLI."""
        text = (
            f"{self.kept}/{self.examples} examples kept, {self.total_tokens} tokens "
            f"({self.trained_tokens} trained, template {self.template}, loss on {self.train_on})"
        )
        if self.truncated:
            text += f"; {self.truncated} truncated to {self.max_seq_length} tokens"
        if self.rejected:
            text += f"; {len(self.rejected)} rejected"
        return text


def resolve_template(fmt: FormatConfig, tokenizer: Any) -> FormatConfig:
    """``format.template: auto`` made concrete for this tokenizer; any other template is returned unchanged.

    ``auto`` is ``chat`` when the tokenizer has a chat template of its own (an instruct model), and ``alpaca``
    when it has none (a base model) or when its template is the Alpaca one that medtune saves with an Alpaca
    fine-tune.

    Example:
        >>> from medtune.training import TrainConfig
        >>> class Tok:
        ...     chat_template = "{% for m in messages %}{{ m['content'] }}{% endfor %}"
        >>> resolve_template(TrainConfig().format, Tok()).template
        'chat'
        >>> Tok.chat_template = None
        >>> resolve_template(TrainConfig().format, Tok()).template
        'alpaca'
    """
    if fmt.template != "auto":
        return fmt
    own = getattr(tokenizer, "chat_template", None)
    chosen = "chat" if own and own != ALPACA_CHAT_TEMPLATE else "alpaca"
    return fmt.model_copy(update={"template": chosen})


def _ids(tokenizer: Any, text: str, *, special: bool) -> list[int]:
    return list(tokenizer(text, add_special_tokens=special)["input_ids"])


def _prompt_ids(tokenizer: Any, text: str) -> list[int]:
    """Prompt tokens with the tokenizer's BOS (if it adds one) but never a trailing EOS."""
    ids = _ids(tokenizer, text, special=True)
    while ids and ids[-1] == tokenizer.eos_token_id:
        ids.pop()
    return ids


def _render(tokenizer: Any, messages: Sequence[dict[str, str]], generation_prompt: bool) -> str:
    text = tokenizer.apply_chat_template(list(messages), tokenize=False, add_generation_prompt=generation_prompt)
    if not isinstance(text, str):  # pragma: no cover - defensive across transformers versions
        raise MedtuneError(f"apply_chat_template returned {type(text).__name__}, expected str")
    return text


def _chat_segments(tokenizer: Any, conversation: Conversation) -> Iterator[tuple[str, bool]]:
    """Split a rendered conversation into ``(text, trained)`` segments, one trained segment per assistant turn."""
    if not getattr(tokenizer, "chat_template", None):
        raise ConfigError(
            f"format.template is 'chat' but the tokenizer ({type(tokenizer).__name__}) has no chat template. "
            "Fix: set format.template: alpaca, or use a tokenizer with a chat template."
        )
    messages = [m.model_dump() for m in conversation.messages]
    done = ""
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        prompt = _render(tokenizer, messages[:i], True)
        full = _render(tokenizer, messages[: i + 1], False)
        if not (prompt.startswith(done) and full.startswith(prompt)):
            raise ConfigError(
                "the tokenizer's chat template does not render conversations incrementally (a turn's prompt is "
                "not a prefix of the rendered turn), so reply tokens cannot be located for response-only loss. "
                "Fix: set format.template: alpaca, or format.train_on: all."
            )
        yield prompt[len(done) :], False
        yield full[len(prompt) :], True
        done = full


def encode_record(record: InstructionRecord | Conversation, tokenizer: Any, fmt: FormatConfig) -> EncodedExample:
    """Tokenize one record and build its labels (before truncation is judged by the caller).

    Args:
        record: An instruction record or a conversation.
        tokenizer: A transformers tokenizer with an EOS token.
        fmt: The format settings (template, train_on, max_seq_length).

    Returns:
        The example, truncated to ``fmt.max_seq_length`` (``truncated`` says whether it was).

    Raises:
        ConfigError: The template cannot render this record (a multi-turn conversation with ``alpaca``; a chat
            template that is not incremental).
    """
    fmt = resolve_template(fmt, tokenizer)
    eos = tokenizer.eos_token_id
    train_all = fmt.train_on == "all"
    ids: list[int] = []
    labels: list[int] = []
    if fmt.template == "alpaca":
        if isinstance(record, Conversation):
            try:
                record = record.to_instruction()
            except MedtuneError as exc:
                raise ConfigError(f"{exc} (format.template alpaca is single-turn; use template: chat)") from None
        prompt = _prompt_ids(tokenizer, alpaca_prompt(record.instruction, record.input))
        reply = [*_ids(tokenizer, record.output, special=False), eos]
        ids = prompt + reply
        labels = (prompt if train_all else [IGNORE_INDEX] * len(prompt)) + reply
    else:
        conversation = record.to_conversation() if isinstance(record, InstructionRecord) else record
        for text, trained in _chat_segments(tokenizer, conversation):
            seg = _ids(tokenizer, text, special=False)
            ids += seg
            labels += seg if (trained or train_all) else [IGNORE_INDEX] * len(seg)
        bos = tokenizer.bos_token_id
        if bos is not None and ids and ids[0] != bos and _ids(tokenizer, "x", special=True)[:1] == [bos]:
            ids, labels = [bos, *ids], [bos if train_all else IGNORE_INDEX, *labels]
        if eos not in ids[-3:]:  # the template did not end the reply with EOS (ChatML templates do)
            ids.append(eos)
            labels.append(eos)
    length = len(ids)
    truncated = length > fmt.max_seq_length
    if truncated:
        ids, labels = ids[: fmt.max_seq_length], labels[: fmt.max_seq_length]
    return EncodedExample(ids, labels, truncated=truncated, original_length=length)


def tokenize_dataset(
    dataset: Dataset, tokenizer: Any, fmt: FormatConfig
) -> tuple[datasets.Dataset, TokenizationReport]:
    """Tokenize every record; returns an Arrow dataset of ``input_ids``/``labels`` and what happened.

    Raises:
        MedtuneError: Every example was rejected (the message says why, with the first reasons).
    """
    import datasets

    fmt = resolve_template(fmt, tokenizer)
    report = TokenizationReport(max_seq_length=fmt.max_seq_length, template=fmt.template, train_on=fmt.train_on)
    out_ids: list[list[int]] = []
    out_labels: list[list[int]] = []
    for index, record in enumerate(dataset):
        report.examples += 1
        ex = encode_record(record, tokenizer, fmt)
        reason = None
        if ex.truncated and fmt.truncation == "reject":
            reason = f"{ex.original_length} tokens is over format.max_seq_length={fmt.max_seq_length}"
        elif ex.trained_tokens == 0:
            reason = (
                f"no trained token left after truncation to {fmt.max_seq_length} tokens (the prompt alone is too "
                "long); raise format.max_seq_length or shorten the prompt"
            )
        if reason is not None:
            report.rejected.append({"row": index, "id": getattr(record, "id", None), "reason": reason})
            continue
        report.truncated += int(ex.truncated)
        report.kept += 1
        report.total_tokens += len(ex.input_ids)
        report.trained_tokens += ex.trained_tokens
        report.max_length = max(report.max_length, len(ex.input_ids))
        out_ids.append(ex.input_ids)
        out_labels.append(ex.labels)
    if report.kept == 0:
        reasons = "; ".join(r["reason"] for r in report.rejected[:3])
        raise MedtuneError(
            f"all {report.examples} examples were rejected during tokenization: {reasons or 'the dataset is empty'}"
        )
    features = datasets.Features(
        {"input_ids": datasets.List(datasets.Value("int32")), "labels": datasets.List(datasets.Value("int32"))}
    )
    hf = datasets.Dataset.from_dict({"input_ids": out_ids, "labels": out_labels}, features=features)
    return hf, report
