"""Record models: an instruction example, a chat conversation and a preference pair.

Instruction records and conversations convert losslessly into each other; a preference pair (prompt, chosen and
rejected answers, for preference tuning such as DPO) gives the instruction record or conversation of either answer.
"""

from __future__ import annotations

import itertools
import math
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator, model_validator

from medtune.errors import ConversionError

__all__ = [
    "ChatMessage",
    "Conversation",
    "InstructionRecord",
    "PreferenceRecord",
    "Record",
    "Role",
]

Role = Literal["system", "user", "assistant"]


class _RecordBase(BaseModel):
    """Fields every record carries besides its content."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    id: StrictStr | None = Field(default=None, description="Stable identifier, unique within a dataset.")
    source: StrictStr | None = Field(default=None, description="Where the record came from, e.g. 'chatdoctor'.")
    category: StrictStr | None = Field(default=None, description="Topic or label, used for stratified splits.")
    metadata: dict[str, Any] = Field(default_factory=dict, description="Free-form JSON-serialisable extras.")

    @field_validator("metadata")
    @classmethod
    def _json_numbers(cls, value: dict[str, Any]) -> dict[str, Any]:
        """Metadata that JSON can hold: NaN (a missing value in Parquet or pandas) becomes null; infinity is refused.

        JSON has neither number; writers would otherwise emit ``NaN``, which other JSON readers reject.
        """
        return _json_numbers(value, "")  # type: ignore[no-any-return]


def _json_numbers(value: Any, where: str) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            return None
        raise ValueError(f"{where or 'a value'} is {value}, which JSON cannot hold. Fix: write null or a string")
    if isinstance(value, dict):
        return {k: _json_numbers(v, f"{where}.{k}" if where else str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_numbers(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


class InstructionRecord(_RecordBase):
    """An instruction-following example in the Alpaca layout used by the reference recipe.

    ``output`` is required, and so is at least one of ``instruction`` and ``input``: a record with no prompt
    cannot be trained on. Empty strings are valid here (stats count them; the cleaning pipeline filters them).

    Example:
        >>> rec = InstructionRecord(instruction="Answer as a doctor.", input="I have a cough.", output="Rest.")
        >>> InstructionRecord.from_conversation(rec.to_conversation()) == rec
        True
    """

    instruction: StrictStr = ""
    input: StrictStr = ""
    output: StrictStr

    @model_validator(mode="before")
    @classmethod
    def _needs_a_prompt(cls, data: Any) -> Any:
        if isinstance(data, dict) and "instruction" not in data and "input" not in data:
            raise ValueError(
                "record has neither 'instruction' nor 'input'; at least one is required. "
                "Fix: add one, or map your prompt column with columns={'your_column': 'input'}"
            )
        return data

    def to_conversation(self) -> Conversation:
        """Convert to a single-turn :class:`Conversation`, losslessly.

        With a non-empty ``input`` the instruction becomes the system message and the input the user
        message. With an empty ``input`` the instruction is the user message. The inverse is
        :meth:`from_conversation`.
        """
        if self.input:
            messages = [
                ChatMessage(role="system", content=self.instruction),
                ChatMessage(role="user", content=self.input),
            ]
        else:
            messages = [ChatMessage(role="user", content=self.instruction)]
        messages.append(ChatMessage(role="assistant", content=self.output))
        return Conversation(
            messages=messages, id=self.id, source=self.source, category=self.category, metadata=self.metadata
        )

    @classmethod
    def from_conversation(cls, conversation: Conversation) -> InstructionRecord:
        """Convert a single-turn conversation (``[system,] user, assistant``) to an instruction record.

        Raises:
            ConversionError: The conversation is multi-turn or does not end with one assistant reply.
        """
        roles = [m.role for m in conversation.messages]
        if roles == ["system", "user", "assistant"]:
            instruction, input_, output = (m.content for m in conversation.messages)
        elif roles == ["user", "assistant"]:
            instruction, input_, output = conversation.messages[0].content, "", conversation.messages[1].content
        else:
            raise ConversionError(
                f"conversation {conversation.id or ''} has roles {roles}; only [system,] user, assistant "
                "converts to an instruction record. Fix: keep the dataset in chat layout (Dataset.to_chat())."
            )
        return cls(
            instruction=instruction,
            input=input_,
            output=output,
            id=conversation.id,
            source=conversation.source,
            category=conversation.category,
            metadata=conversation.metadata,
        )


class ChatMessage(BaseModel):
    """One message of a conversation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    role: Role
    content: StrictStr


class Conversation(_RecordBase):
    """A chat conversation: optional system message, then alternating user/assistant turns.

    It must contain at least one user message and end with an assistant message (the training target).
    """

    messages: list[ChatMessage] = Field(min_length=2)

    @field_validator("messages")
    @classmethod
    def _check_turns(cls, messages: list[ChatMessage]) -> list[ChatMessage]:
        roles = [m.role for m in messages]
        body = roles[1:] if roles[0] == "system" else roles
        if "system" in body:
            raise ValueError("a 'system' message may only come first")
        if not body or body[-1] != "assistant":
            raise ValueError("the last message must have role 'assistant' (the reply to train on)")
        if body[0] != "user":
            raise ValueError("the first non-system message must have role 'user'")
        for prev, cur in itertools.pairwise(body):
            if prev == cur:
                raise ValueError(f"roles must alternate user/assistant; found two '{cur}' messages in a row")
        return messages

    def to_instruction(self) -> InstructionRecord:
        """Shorthand for :meth:`InstructionRecord.from_conversation`."""
        return InstructionRecord.from_conversation(self)


Record = InstructionRecord | Conversation


class PreferenceRecord(_RecordBase):
    """A preference pair: a prompt, the answer to prefer (``chosen``) and the answer to avoid (``rejected``).

    The records of preference tuning (``train.method: dpo``). ``system`` is an optional system message (the
    instruction of an :class:`InstructionRecord`). Every text but ``system`` must hold more than whitespace, and the
    two answers must differ: a pair with two equal answers teaches nothing.

    Example:
        >>> pair = PreferenceRecord(prompt="Crushing chest pain, what now?", chosen="Call 911 now.", rejected="Rest.")
        >>> pair.to_instruction("rejected").output
        'Rest.'
        >>> [m.role for m in pair.to_conversation().messages]
        ['user', 'assistant']
    """

    system: StrictStr = ""
    prompt: StrictStr
    chosen: StrictStr
    rejected: StrictStr

    @field_validator("prompt", "chosen", "rejected")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("is empty. Fix: fill it in, or drop the pair (a pair needs a prompt and two answers)")
        return value

    @model_validator(mode="after")
    def _answers_differ(self) -> PreferenceRecord:
        if self.chosen.strip() == self.rejected.strip():
            raise ValueError(
                "'chosen' and 'rejected' are the same text, so the pair prefers nothing. "
                "Fix: give the rejected answer that is worse, or drop the pair"
            )
        return self

    def to_instruction(self, answer: Literal["chosen", "rejected"] = "chosen") -> InstructionRecord:
        """The instruction record of one answer.

        ``system`` becomes the instruction and ``prompt`` the input; without a system message ``prompt`` is the
        instruction. That is how :meth:`InstructionRecord.to_conversation` maps them back.
        """
        instruction, input_ = (self.system, self.prompt) if self.system else (self.prompt, "")
        return InstructionRecord(
            instruction=instruction,
            input=input_,
            output=getattr(self, answer),
            id=self.id,
            source=self.source,
            category=self.category,
            metadata=self.metadata,
        )

    def to_conversation(self, answer: Literal["chosen", "rejected"] = "chosen") -> Conversation:
        """The single-turn conversation of one answer: ``[system,] user, assistant``."""
        messages = [ChatMessage(role="system", content=self.system)] if self.system else []
        messages += [
            ChatMessage(role="user", content=self.prompt),
            ChatMessage(role="assistant", content=getattr(self, answer)),
        ]
        return Conversation(
            messages=messages, id=self.id, source=self.source, category=self.category, metadata=self.metadata
        )

    @classmethod
    def from_instruction(
        cls, record: InstructionRecord, *, rejected: str, chosen: str | None = None
    ) -> PreferenceRecord:
        """A pair on the prompt of ``record``: its output is ``chosen`` unless another one is given.

        The instruction becomes the system message when the record has an input (the prompt), else the prompt:
        the mapping of :meth:`InstructionRecord.to_conversation`.
        """
        system, prompt = (record.instruction, record.input) if record.input else ("", record.instruction)
        return cls(
            system=system,
            prompt=prompt,
            chosen=record.output if chosen is None else chosen,
            rejected=rejected,
            id=record.id,
            source=record.source,
            category=record.category,
            metadata=record.metadata,
        )
