"""How a text is cased: whether it is written in capitals, where a capital says nothing about names.

Shared by the finders of :mod:`medtune.cleaning.deid` and :mod:`medtune.cleaning.roles`, so that they agree on which
texts are "in capitals".
"""

from __future__ import annotations

import re

__all__ = ["count_alpha", "count_upper", "mostly_capitals"]

# Capitals of Latin scripts are counted among the characters of these ranges (in C): the rest is removed first.
_NOT_UPPER = re.compile(r"[^A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]+")
_NOT_ALPHA = re.compile(r"[\W\d_]+")  # the complement of a letter, [^\W\d_]


def count_upper(text: str) -> int:
    """Capital letters of Latin scripts in ``text``."""
    kept = _NOT_UPPER.sub("", text)  # the candidates, as one string (cheaper than a list of characters)
    return len(kept) if kept.isascii() else sum(1 for ch in kept if ch.isupper())


def count_alpha(text: str) -> int:
    """Letters of any script in ``text``."""
    return len(_NOT_ALPHA.sub("", text))


def mostly_capitals(text: str) -> bool:
    """Whether ``text`` is written in capitals (a capital there says nothing about names).

    >>> mostly_capitals("PT RESTING, WIFE AT BEDSIDE."), mostly_capitals("Pt resting, wife at bedside.")
    (True, False)
    """
    return count_upper(text) > 0.6 * count_alpha(text)
