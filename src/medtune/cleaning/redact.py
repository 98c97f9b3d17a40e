"""Identifiers replaced by their type, for text that is shown rather than cleaned: log lines and error excerpts.

:func:`redact_identifiers` runs the PII regex (:func:`~medtune.cleaning.pii.find_pii`, with the active preset's
profile) and puts ``[LABEL]`` in place of each identifier. ``medtune.cleaning`` registers it with
:func:`medtune.errors.register_excerpt_redactor` when it is imported, so the excerpts of bad records in error
messages are redacted by the same regex as the data; the serving layer's log filter uses it too.
"""

from __future__ import annotations

__all__ = ["redact_identifiers"]


def redact_identifiers(text: str) -> str:
    """``text`` with each identifier the PII regex finds replaced by its type in brackets.

    Example:
        >>> redact_identifiers("I'm Dr. Alvarez, call 555-123-4567")
        "I'm Dr. [NAME], call [PHONE]"
    """
    from medtune.cleaning.pii import find_pii, replace_matches

    return replace_matches(text, find_pii(text), lambda m: f"[{m.label}]")
