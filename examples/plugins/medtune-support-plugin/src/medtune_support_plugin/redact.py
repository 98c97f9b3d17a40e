"""The ``redact_support_ids`` cleaner: order numbers, licence keys and contact details out of support transcripts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar, Literal

from pydantic import Field

from medtune.cleaning import CleanerOptions, FieldName, PIIMatch, PIIProfile, TextCleaner, find_pii, replace_matches

__all__ = ["COMPANY_DOMAINS", "TARGETS", "RedactSupportIds", "RedactSupportIdsOptions", "find_support_ids"]

#: What the cleaner can remove, as placeholder labels.
TARGETS = ("ORDER_NUMBER", "LICENSE_KEY", "EMAIL", "PHONE", "CREDIT_CARD", "IP_ADDRESS")
Target = Literal["ORDER_NUMBER", "LICENSE_KEY", "EMAIL", "PHONE", "CREDIT_CARD", "IP_ADDRESS"]
#: The company's own e-mail domains: answers that point customers at support@, billing@… must keep them.
COMPANY_DOMAINS = ("fernpad.example",)
_CORE = ("EMAIL", "PHONE", "CREDIT_CARD", "IP_ADDRESS")  # found by medtune's domain-neutral regex detector
_NEUTRAL = PIIProfile()  # these patterns need no domain words: the core's own cues, whatever profiles are installed
_F = re.IGNORECASE

# A licence key: five groups of five letters or digits, with at least one digit (Q7K2M-9XD4P-ZT3B8-LW6NA-R5C1H).
_KEY = re.compile(r"\b(?=[A-Z0-9-]{0,28}\d)[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}\b", _F)
# Any other key or code after a label: "license key: AB12-CD34-EF56", "activation code 1234-5678".
_LABELLED_KEY = re.compile(
    r"\b(?:licen[cs]e|product|activation|serial|registration)\s+(?:key|code|number)\s*(?:is|was|:)?\s*"
    r"(?P<id>(?=[A-Z0-9-]*\d)[A-Z0-9]{4,}(?:-[A-Z0-9]{4,})+)",
    _F,
)
# An order or invoice number after a label: "order #20481736", "invoice number: 20481736".
_LABELLED_ORDER = re.compile(
    r"\b(?:order|invoice|receipt|transaction)\s*(?:number|no\.?|id)?\s*[:#]?\s*(?P<id>\d{6,12})\b", _F
)


def _order_pattern(prefixes: Sequence[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"\b(?:{alternatives})-?\d{{6,10}}\b", _F)


def find_support_ids(
    text: str,
    targets: Iterable[str] = TARGETS,
    *,
    order_prefixes: Sequence[str] = ("FP",),
    keep_domains: Iterable[str] = COMPANY_DOMAINS,
) -> list[PIIMatch]:
    """The identifiers in ``text``: non-overlapping, sorted by position (the longest wins an overlap).

    Example:
        >>> [(m.label, m.text) for m in find_support_ids("Order FP-20481736, key Q7K2M-9XD4P-ZT3B8-LW6NA-R5C1H")]
        [('ORDER_NUMBER', 'FP-20481736'), ('LICENSE_KEY', 'Q7K2M-9XD4P-ZT3B8-LW6NA-R5C1H')]
    """
    wanted = set(targets)
    kept = tuple("@" + d.lower().lstrip("@") for d in keep_domains)
    found: list[PIIMatch] = []

    def add(pattern: re.Pattern[str], label: str) -> None:
        for m in pattern.finditer(text):
            start, end = m.span("id") if "id" in pattern.groupindex else m.span()
            found.append(PIIMatch(start, end, label, text[start:end]))

    if "ORDER_NUMBER" in wanted:
        if order_prefixes:
            add(_order_pattern(order_prefixes), "ORDER_NUMBER")
        add(_LABELLED_ORDER, "ORDER_NUMBER")
    if "LICENSE_KEY" in wanted:
        add(_KEY, "LICENSE_KEY")
        add(_LABELLED_KEY, "LICENSE_KEY")
    core = [t for t in _CORE if t in wanted]
    if core:
        matches = find_pii(text, core, profile=_NEUTRAL)
        found += [m for m in matches if not (m.label == "EMAIL" and m.text.lower().endswith(kept))]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[PIIMatch] = []
    for m in found:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


class RedactSupportIdsOptions(CleanerOptions):
    """Options of ``redact_support_ids`` (unknown keys are errors that name the key)."""

    targets: list[Target] = Field(default_factory=lambda: list(TARGETS), min_length=1)
    order_prefixes: list[str] = Field(default_factory=lambda: ["FP"], description="Prefixes of order numbers.")
    keep_domains: list[str] = Field(
        default_factory=lambda: list(COMPANY_DOMAINS), description="E-mail domains never removed (the company's)."
    )
    placeholder: str = Field("[{label}]", min_length=7, max_length=100, pattern=r"\{label\}")
    fields: list[FieldName] = Field(default_factory=lambda: ["instruction", "input", "output"], min_length=1)


class RedactSupportIds(TextCleaner):
    """Replace order numbers, licence keys and customers' contact details with ``[LABEL]`` placeholders; idempotent.

    Args:
        targets: Labels to remove (default: all of :data:`TARGETS`).
        order_prefixes: Prefixes of order numbers (``FP`` matches ``FP-20481736``).
        keep_domains: E-mail domains never removed (the company's own: ``support@fernpad.example`` stays).
        placeholder: Format of a placeholder; ``{label}`` is the label.
        fields: Fields to clean (default all).

    Example:
        >>> c = RedactSupportIds()
        >>> c.clean_text("Order FP-20481736 for jo@mail.example; write to support@fernpad.example")
        'Order [ORDER_NUMBER] for [EMAIL]; write to support@fernpad.example'
    """

    name = "redact_support_ids"
    idempotent: ClassVar[bool] = True

    def __init__(
        self,
        targets: Iterable[str] = TARGETS,
        *,
        order_prefixes: Sequence[str] = ("FP",),
        keep_domains: Iterable[str] = COMPANY_DOMAINS,
        placeholder: str = "[{label}]",
        fields: Sequence[str] = ("instruction", "input", "output"),
    ) -> None:
        super().__init__(fields)
        self.targets = tuple(targets)
        self.order_prefixes = tuple(order_prefixes)
        self.keep_domains = tuple(keep_domains)
        self.placeholder = placeholder

    def find(self, text: str) -> list[PIIMatch]:
        """The identifiers this cleaner would remove from ``text``."""
        return find_support_ids(text, self.targets, order_prefixes=self.order_prefixes, keep_domains=self.keep_domains)

    def clean_text(self, text: str) -> str:
        """``text`` with every identifier replaced by its placeholder."""
        matches = self.find(text)
        if not matches:
            return text
        return replace_matches(text, matches, lambda m: self.placeholder.format(label=m.label))


def make_redact_support_ids(options: RedactSupportIdsOptions) -> RedactSupportIds:
    """Build the cleaner from its validated options (the ``ComponentSpec`` factory)."""
    return RedactSupportIds(
        options.targets,
        order_prefixes=options.order_prefixes,
        keep_domains=options.keep_domains,
        placeholder=options.placeholder,
        fields=options.fields,
    )
