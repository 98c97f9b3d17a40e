"""An Ollama ``Modelfile`` whose template renders exactly the prompt the model was trained on.

"My fine-tune misbehaves in Ollama" is nearly always the template: the wrong one, no stop token, or an Alpaca
``### Instruction`` leaking into answers. medtune writes the Go template itself, for the chat formats it trains
with (ChatML as SmolLM2-Instruct uses it, with or without a default system message; medtune's Alpaca template;
Llama 3's header format), and proves it: each candidate is rendered with :mod:`medtune.export.gotemplate` on a set
of probe conversations and compared with the tokenizer's own Jinja chat template; the first that agrees on every
probe is written. If none agrees, the export stops and says so rather than write a template that differs.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from medtune.errors import ConfigError
from medtune.export.gotemplate import render_go_template
from medtune.export.vocab import adds_bos

__all__ = ["PROBE_CONVERSATIONS", "OllamaTemplate", "modelfile_text", "ollama_template"]

#: Conversations both templates render for the check: with and without a system message, several turns, empty and
#: multi-line content, and text that looks like template syntax.
PROBE_CONVERSATIONS: tuple[tuple[tuple[str, str], ...], ...] = (
    (("user", "What is hypertension?"),),
    (("system", "You are a careful assistant."), ("user", "Hello")),
    (("system", "Be brief."), ("user", "Line one\nline two"), ("assistant", "Sure."), ("user", "And then?")),
    (("user", "First"), ("assistant", "Answer one"), ("user", "Second {{ .Role }} ### Input:")),
    (("system", "S"), ("user", "")),
)

_LAST = "{{- $last := eq (len (slice $.Messages $i)) 1 }}"


@dataclass(frozen=True)
class OllamaTemplate:
    """A chat format as Ollama needs it.

    Attributes:
        family: ``chatml``, ``alpaca`` or ``llama3``.
        template: The Go template (``TEMPLATE``).
        stops: Stop strings (``PARAMETER stop``), the end-of-turn token first.
    """

    family: str
    template: str
    stops: tuple[str, ...]


def _go_string(text: str) -> str:
    """A Go string literal for ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _chatml(tokenizer: Any, default_system: str | None) -> OllamaTemplate:
    start, end = "<|im_start|>", "<|im_end|>"
    head = ""
    if default_system is not None:
        head = (
            '{{- $first := index .Messages 0 }}{{- if ne $first.Role "system" }}'
            f"{start}system\n{{{{ {_go_string(default_system)} }}}}{end}\n{{{{ end }}}}"
        )
    template = (
        f"{head}{{{{- range $i, $_ := .Messages }}}}{_LAST}{start}{{{{ .Role }}}}\n{{{{ .Content }}}}{end}\n"
        f'{{{{ if and $last (ne .Role "assistant") }}}}{start}assistant\n{{{{ end }}}}{{{{- end }}}}'
    )
    eos = tokenizer.eos_token or end
    return OllamaTemplate("chatml", template, tuple(dict.fromkeys((end, eos, start))))


def _alpaca(tokenizer: Any, default_system: str | None) -> OllamaTemplate:
    del default_system
    eos = tokenizer.eos_token or ""
    template = (
        '{{- $system := "" }}{{- $prev := "" }}{{- range $i, $_ := .Messages }}'
        '{{- if eq $prev "assistant" }}\n\n{{ end }}{{- $prev = .Role }}'
        '{{- if eq .Role "system" }}{{- $system = .Content }}'
        '{{- else if eq .Role "user" }}'
        "{{- if $system }}### Instruction:\n{{ $system }}\n\n### Input:\n{{ .Content }}\n\n### Response:\n"
        "{{ else }}### Instruction:\n{{ .Content }}\n\n### Response:\n{{ end }}"
        f'{{{{- else if eq .Role "assistant" }}}}{{{{ .Content }}}}{eos}{{{{- end }}}}{{{{- end }}}}'
    )
    stops = (eos, "### Instruction:", "### Input:", "### Response:")
    return OllamaTemplate("alpaca", template, tuple(s for s in dict.fromkeys(stops) if s))


def _llama3(tokenizer: Any, default_system: str | None) -> OllamaTemplate:
    del default_system
    header = "<|start_header_id|>{{ .Role }}<|end_header_id|>\n\n"
    template = (
        f"{{{{- range $i, $_ := .Messages }}}}{_LAST}{header}{{{{ .Content }}}}<|eot_id|>"
        '{{ if and $last (ne .Role "assistant") }}<|start_header_id|>assistant<|end_header_id|>\n\n{{ end }}'
        "{{- end }}"
    )
    return OllamaTemplate("llama3", template, ("<|eot_id|>", "<|start_header_id|>", "<|end_header_id|>"))


_FAMILIES: tuple[Callable[[Any, str | None], OllamaTemplate], ...] = (_chatml, _alpaca, _llama3)


def _messages(conversation: Sequence[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"role": role, "content": content} for role, content in conversation]


def _jinja(tokenizer: Any, conversation: Sequence[tuple[str, str]]) -> str:
    text = tokenizer.apply_chat_template(_messages(conversation), tokenize=False, add_generation_prompt=True)
    bos = tokenizer.bos_token
    # Ollama (llama.cpp) adds BOS itself when the GGUF says add_bos_token; the template must not hold it twice.
    if bos and text.startswith(bos) and adds_bos(tokenizer):
        text = text[len(bos) :]
    return str(text)


def _go(template: OllamaTemplate, conversation: Sequence[tuple[str, str]], system: str = "") -> str:
    messages = [{"Role": role, "Content": content} for role, content in conversation]
    return render_go_template(template.template, {"Messages": messages, "System": system})


def _default_system(tokenizer: Any) -> str | None:
    """The system message a template inserts when a conversation has none (SmolLM2's), or ``None``."""
    text = tokenizer.apply_chat_template([{"role": "user", "content": "x"}], tokenize=False)
    found = re.match(r"(?:.*?)<\|im_start\|>system\n(.*?)<\|im_end\|>\n<\|im_start\|>user\n", text, re.DOTALL)
    return found.group(1) if found else None


def ollama_template(tokenizer: Any) -> tuple[OllamaTemplate, list[dict[str, Any]]]:
    """The Go template that renders what the tokenizer's chat template renders, and the per-probe comparison.

    Returns:
        The template, and one ``{"conversation", "jinja", "ollama", "same"}`` entry per probe conversation.

    Raises:
        ConfigError: The tokenizer has no chat template, or no known format matches it on every probe.
    """
    if not getattr(tokenizer, "chat_template", None):
        raise ConfigError(
            "the tokenizer has no chat template, so Ollama cannot be told how to prompt the model. Fix: export a "
            "model saved by `medtune train` (it saves the template it trained with), or set tokenizer.chat_template."
        )
    default_system = _default_system(tokenizer)
    expected = [_jinja(tokenizer, conv) for conv in PROBE_CONVERSATIONS]
    bos = tokenizer.bos_token or ""
    # A chat template that writes BOS itself for a tokenizer that does not add it: the Go template writes it too.
    prefixes = ("", bos) if bos and all(text.startswith(bos) for text in expected) else ("",)
    for family, prefix in itertools.product(_FAMILIES, prefixes):
        base = family(tokenizer, default_system)
        candidate = OllamaTemplate(base.family, prefix + base.template, base.stops)
        try:
            rendered = [_go(candidate, conv) for conv in PROBE_CONVERSATIONS]
        except (ConfigError, IndexError, KeyError):
            continue
        if rendered == expected:
            checks = [
                {"conversation": [list(m) for m in conv], "jinja": want, "ollama": got, "same": want == got}
                for conv, want, got in zip(PROBE_CONVERSATIONS, expected, rendered)
            ]
            return candidate, checks
    raise ConfigError(
        "no Ollama template medtune knows (ChatML, Alpaca, Llama 3) renders this model's chat template exactly; "
        f"its first probe renders as {expected[0][:160]!r}. Fix: write the Modelfile's TEMPLATE by hand (Ollama's "
        "docs, 'Template'), or train with `template: chat` or `template: alpaca`."
    )


def _block(text: str, what: str) -> str:
    if '"""' in text:
        raise ConfigError(f'the {what} contains """, which a Modelfile cannot quote. Fix: remove it from the {what}.')
    return f'"""{text}"""'


def modelfile_text(
    gguf_name: str,
    template: OllamaTemplate,
    *,
    system_prompt: str | None = None,
    parameters: dict[str, Any] | None = None,
) -> str:
    """The ``Modelfile`` text: ``FROM`` the GGUF beside it, ``TEMPLATE``, ``PARAMETER stop`` lines and ``SYSTEM``.

    Example:
        >>> t = OllamaTemplate("chatml", "{{ .Content }}", ("<|im_end|>",))
        >>> print(modelfile_text("model.gguf", t, system_prompt="Be kind."))
        # Written by medtune export (chat format: chatml)
        FROM ./model.gguf
        TEMPLATE \"\"\"{{ .Content }}\"\"\"
        PARAMETER stop "<|im_end|>"
        SYSTEM \"\"\"Be kind.\"\"\"
        <BLANKLINE>
    """
    lines = [
        f"# Written by medtune export (chat format: {template.family})",
        f"FROM ./{gguf_name}",
        f"TEMPLATE {_block(template.template, 'chat template')}",
    ]
    lines += [f"PARAMETER stop {_go_string(stop)}" for stop in template.stops]
    lines += [f"PARAMETER {key} {value}" for key, value in (parameters or {}).items()]
    if system_prompt:
        lines.append(f"SYSTEM {_block(system_prompt, 'system prompt')}")
    return "\n".join(lines) + "\n"
