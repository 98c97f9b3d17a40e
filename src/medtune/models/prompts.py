"""Prompts and chat templates: what a model sees before its reply, the same at training, evaluation and serving.

The recipe's Alpaca prompt (:func:`alpaca_prompt`) and the chat template that reproduces it
(:data:`ALPACA_CHAT_TEMPLATE`), the prompt of a record (:func:`build_prompt`) and its token ids
(:func:`prompt_ids`), and the pad-token rule every stage shares (:func:`ensure_pad_token`). No torch is imported.
"""

from __future__ import annotations

from typing import Any

from medtune.data.records import Conversation, InstructionRecord
from medtune.errors import ConfigError

__all__ = ["ALPACA_CHAT_TEMPLATE", "alpaca_prompt", "build_prompt", "ensure_pad_token", "prompt_ids"]

_ALPACA_WITH_INPUT = "### Instruction:\n{instruction}\n\n### Input:\n{input}\n\n### Response:\n"
_ALPACA_NO_INPUT = "### Instruction:\n{instruction}\n\n### Response:\n"

#: A Jinja chat template that renders the Alpaca prompt, saved with the tokenizer of a model trained with
#: ``template: alpaca`` so that ``apply_chat_template`` at inference reproduces the training prompt exactly.
#: A system message is the instruction and the user message the input (as ``InstructionRecord.to_conversation``).
ALPACA_CHAT_TEMPLATE = (
    "{%- set ns = namespace(system='') -%}"
    "{%- for message in messages -%}"
    "{%- if message['role'] == 'system' -%}{%- set ns.system = message['content'] -%}"
    "{%- elif message['role'] == 'user' -%}"
    "{%- if ns.system -%}"
    "{{ '### Instruction:\\n' + ns.system + '\\n\\n### Input:\\n' + message['content'] + '\\n\\n### Response:\\n' }}"
    "{%- else -%}"
    "{{ '### Instruction:\\n' + message['content'] + '\\n\\n### Response:\\n' }}"
    "{%- endif -%}"
    "{%- elif message['role'] == 'assistant' -%}"
    "{{ message['content'] + eos_token }}{%- if not loop.last -%}{{ '\\n\\n' }}{%- endif -%}"
    "{%- endif -%}"
    "{%- endfor -%}"
)


def alpaca_prompt(instruction: str, input: str = "") -> str:
    """The recipe's Alpaca prompt, up to and including the ``### Response:`` line.

    Example:
        >>> print(alpaca_prompt("Answer as a doctor.", "I have a cough."))
        ### Instruction:
        Answer as a doctor.
        <BLANKLINE>
        ### Input:
        I have a cough.
        <BLANKLINE>
        ### Response:
        <BLANKLINE>
    """
    if input:
        return _ALPACA_WITH_INPUT.format(instruction=instruction, input=input)
    return _ALPACA_NO_INPUT.format(instruction=instruction)


def ensure_pad_token(tokenizer: Any, model: Any = None) -> str:
    """Make ``tokenizer.pad_token`` a real token different from EOS; returns what was done, for the run log.

    Padding with EOS is a classic bug: collators that mask pad tokens then mask every EOS too, and the model never
    learns to stop. Order of preference: the existing pad token (if not EOS), a reserved pad token already in the
    vocabulary, the UNK token, and finally a new ``<|pad|>`` token (the model's embeddings are resized).

    Raises:
        ConfigError: The tokenizer has no EOS token.
    """
    eos = tokenizer.eos_token
    if eos is None or tokenizer.eos_token_id is None:
        raise ConfigError(
            f"the tokenizer ({type(tokenizer).__name__}) has no EOS token, so replies cannot be terminated. "
            "Fix: use a tokenizer with an eos_token, or set tokenizer.eos_token before training."
        )
    pad = tokenizer.pad_token
    if pad is not None and tokenizer.pad_token_id is not None and tokenizer.pad_token_id != tokenizer.eos_token_id:
        return f"pad token {pad!r} (the tokenizer's own)"
    vocab = tokenizer.get_vocab()
    for candidate in ("<|finetune_right_pad_id|>", "<|pad|>", "<pad>", "[PAD]", "<|padding|>"):
        if candidate in vocab and vocab[candidate] != tokenizer.eos_token_id:
            tokenizer.pad_token = candidate
            return f"pad token {candidate!r} (reserved token in the vocabulary; the tokenizer padded with EOS)"
    unk = tokenizer.unk_token
    if unk is not None and tokenizer.unk_token_id is not None and tokenizer.unk_token_id != tokenizer.eos_token_id:
        tokenizer.pad_token = unk
        return f"pad token {unk!r} (the UNK token; the tokenizer had no pad token distinct from EOS)"
    tokenizer.add_special_tokens({"pad_token": "<|pad|>"})
    if model is not None:
        model.resize_token_embeddings(len(tokenizer))
    return "pad token '<|pad|>' (added to the vocabulary; embeddings resized)"


def _messages(record: InstructionRecord | Conversation) -> list[dict[str, str]]:
    conversation = record.to_conversation() if isinstance(record, InstructionRecord) else record
    messages = [m.model_dump() for m in conversation.messages]
    while messages and messages[-1]["role"] == "assistant":
        messages.pop()
    return messages


def build_prompt(record: InstructionRecord | Conversation, tokenizer: Any, prompt_format: str = "auto") -> str:
    """The prompt text for ``record`` (everything before the reply).

    Raises:
        ConfigError: ``prompt_format="chat"`` with a tokenizer that has no chat template.
    """
    use_chat = prompt_format == "chat" or (prompt_format == "auto" and getattr(tokenizer, "chat_template", None))
    if use_chat:
        if not getattr(tokenizer, "chat_template", None):
            raise ConfigError(
                f"prompt_format 'chat' but the tokenizer ({type(tokenizer).__name__}) has no chat template. "
                "Fix: use prompt_format 'alpaca' or 'auto'."
            )
        text = tokenizer.apply_chat_template(_messages(record), tokenize=False, add_generation_prompt=True)
        return str(text)
    if isinstance(record, Conversation):
        record = record.to_instruction()
    return alpaca_prompt(record.instruction, record.input)


def prompt_ids(tokenizer: Any, prompt: str, chat: bool) -> list[int]:
    """Prompt token ids, as at training time.

    A chat-template prompt already holds its special tokens; an Alpaca prompt gets the BOS the tokenizer adds, never
    a trailing EOS.
    """
    ids = list(tokenizer(prompt, add_special_tokens=not chat)["input_ids"])
    while ids and ids[-1] == tokenizer.eos_token_id and not chat:
        ids.pop()
    return ids
