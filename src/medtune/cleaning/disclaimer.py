"""Append a safety disclaimer to answers that give advice without one (idempotent)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from medtune.cleaning.base import TextCleaner

__all__ = ["DisclaimerCleaner"]


class DisclaimerCleaner(TextCleaner):
    r"""Append ``text`` to outputs that match ``advice_pattern`` and match none of ``present_patterns``.

    Idempotent: once appended, the text itself counts as a disclaimer, so a second pass changes nothing.

    Args:
        text: The disclaimer to append.
        advice_pattern: A regex (case-insensitive) that marks advice needing a disclaimer.
        present_patterns: Regexes (case-insensitive) that mean a disclaimer is already there.
        separator: Put between the answer and the disclaimer.
        fields: Fields to check (default: the output).

    Example:
        >>> c = DisclaimerCleaner(text="Ask a professional.", advice_pattern=r"\byou should\b")
        >>> once = c.clean_text("You should rest.")
        >>> once, c.clean_text(once) == once
        ('You should rest.\n\nAsk a professional.', True)
    """

    name = "disclaimer"
    idempotent: ClassVar[bool] = True

    def __init__(
        self,
        text: str,
        advice_pattern: str,
        present_patterns: Sequence[str] = (),
        separator: str = "\n\n",
        fields: Sequence[str] = ("output",),
    ) -> None:
        super().__init__(fields)
        from medtune.errors import ConfigError

        if not text.strip():
            raise ConfigError(f"{self.name}: the disclaimer text is empty. Fix: set text to a sentence.")
        self.text = text.strip()
        self.separator = separator
        try:
            self._advice = re.compile(advice_pattern, re.IGNORECASE)
            self._present = [re.compile(p, re.IGNORECASE) for p in present_patterns]
        except re.error as exc:
            raise ConfigError(f"{self.name}: invalid regex: {exc}. Fix: check the pattern syntax.") from exc

    def has_disclaimer(self, text: str) -> bool:
        """Whether ``text`` already carries this or another recognised disclaimer."""
        norm = " ".join(text.split()).casefold()
        if " ".join(self.text.split()).casefold() in norm:
            return True
        return any(p.search(text) for p in self._present)

    def needs_disclaimer(self, text: str) -> bool:
        """Whether ``text`` gives advice and has no disclaimer."""
        return bool(text.strip()) and bool(self._advice.search(text)) and not self.has_disclaimer(text)

    def clean_text(self, text: str) -> str:
        """Append the disclaimer when needed."""
        if not self.needs_disclaimer(text):
            return text
        return text.rstrip() + self.separator + self.text
