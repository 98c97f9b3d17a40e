"""An example medtune plugin: the ``strip_greeting`` cleaner.

It shows the whole contract: a cleaner class (a ``TextCleaner`` with a ``name``), its options model (unknown keys
are errors), and one hook implementation that registers it. medtune finds this module through the entry point in
``pyproject.toml``; nothing is imported or registered until a pipeline asks for cleaners.
"""

from __future__ import annotations

import re

from pydantic import Field

from medtune import CleanerOptions, ComponentSpec, hookimpl
from medtune.cleaning import TextCleaner

__all__ = ["GreetingOptions", "StripGreeting", "medtune_cleaners"]


class GreetingOptions(CleanerOptions):
    """Options of ``strip_greeting``."""

    greetings: list[str] = Field(
        default_factory=lambda: ["hi doctor", "hello doctor", "dear doctor", "hi dr", "hello dr"], min_length=1
    )
    fields: list[str] = Field(default_factory=lambda: ["input"], min_length=1)


class StripGreeting(TextCleaner):
    """Remove a leading greeting (and the punctuation after it) from the chosen fields; idempotent."""

    name = "strip_greeting"

    def __init__(self, greetings: list[str], fields: list[str]) -> None:
        super().__init__(fields)
        alternatives = "|".join(re.escape(g).replace(r"\ ", r"\s+") for g in greetings)
        self._pattern = re.compile(rf"^(?:\s*(?:{alternatives})\.?\s*[,:!-]*\s*)+", re.IGNORECASE)

    def clean_text(self, text: str) -> str:
        """The text without its opening greeting."""
        stripped = self._pattern.sub("", text, count=1)
        return stripped[:1].upper() + stripped[1:] if stripped != text else text


@hookimpl
def medtune_cleaners() -> list[ComponentSpec]:
    """Register ``strip_greeting``."""
    return [
        ComponentSpec(
            "strip_greeting",
            lambda o: StripGreeting(o.greetings, o.fields),
            GreetingOptions,
            "remove a leading 'Hi doctor,' style greeting from prompts",
        )
    ]
