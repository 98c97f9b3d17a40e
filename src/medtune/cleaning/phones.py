"""International phone numbers with Google's libphonenumber (the ``phonenumbers`` package).

A number counts when libphonenumber finds it *valid* for one of a list of regions (``+``-prefixed numbers are valid
or not wherever they are read), which keeps doses, blood pressures, dates and record numbers out. Short extensions
and pager numbers after their label ("PAGER 1234", "ext. 4-5567") have no national format, so a labelled short
number is taken too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

__all__ = ["DEFAULT_REGIONS", "find_phones"]

#: Regions whose national formats are tried, in addition to every ``+``/``00`` international number.
DEFAULT_REGIONS: tuple[str, ...] = ("US", "GB", "DE", "FR", "FI", "IN", "AU", "BR", "IT", "ES", "NL", "PL", "MX")

_CANDIDATE = re.compile(r"[+(]?\d[\d \t().\-/]{5,}\d")
_DATE_LIKE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_TIME_RANGE = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d\s*-\s*(?:[01]\d|2[0-3])[0-5]\d")  # a shift: 0700-1900
_SPACED_SMALL = re.compile(r"\d{1,3}(?:\s+\d{1,3}){3,}")  # a list of values: "22 21 23 17 33"
_LABELLED_SHORT = re.compile(
    r"(?i:\b(?:pager|beeper|bleep|pgr|ext|extension|x)\.?[ \t]*(?:no\.?|number|#)?[ \t:#]*)(?P<v>\d(?:[\d-]{2,6})\d)\b"
)


@lru_cache(maxsize=1)
def _lib() -> Any:
    from medtune._extras import require

    return require("phonenumbers", "pii", "international phone numbers")


def _not_a_number(value: str) -> bool:
    """Shapes of numbers that are not phone numbers: dates, shift times, lab panels, lists of small values."""
    if _DATE_LIKE.fullmatch(value) or _TIME_RANGE.fullmatch(value):
        return True
    if value.count("/") > 1 or ("/" in value and "." in value):
        return True  # "7.38/67/253/31"
    if value.startswith("000") or re.search(r"[-.]\d$", value):
        return True  # record numbers: "0002401-1", "12345678-9"
    international = value.startswith(("+", "00"))
    return not international and not value.startswith(("0", "(")) and bool(_SPACED_SMALL.fullmatch(value))


@lru_cache(maxsize=8192)
def _valid_somewhere(value: str, regions: tuple[str, ...]) -> bool:
    """Whether ``value`` is a valid phone number in one of ``regions`` (cached: texts repeat numbers)."""
    pn = _lib()
    for region in regions:
        try:
            if pn.is_valid_number(pn.parse(value, region)):
                return True
        except pn.NumberParseException:
            continue
    return False


def find_phones(text: str, regions: Sequence[str] = DEFAULT_REGIONS) -> list[tuple[int, int]]:
    """Spans of phone numbers in ``text``, sorted and non-overlapping.

    Args:
        text: Any string.
        regions: ISO 3166 region codes whose national number formats count.

    Example:
        >>> find_phones("Ring +358 40 123 4567 or (020) 7946 0958; BP 120/80, 500 mg, PAGER 1234.")
        [(5, 21), (25, 40), (67, 71)]
    """
    spans: set[tuple[int, int]] = set()
    for cand in _CANDIDATE.finditer(text):
        value = cand.group()
        digits = sum(ch.isdigit() for ch in value)
        if digits < 7 or _not_a_number(value):
            continue  # doses, times, scores, dates, lab panels: no phone number looks like these
        if digits <= 15:  # one number at most: parse it whole
            if _valid_somewhere(value, tuple(regions)):
                spans.add(cand.span())
            continue
        pn = _lib()
        lo = max(0, cand.start() - 1)  # several numbers in a row: let the matcher split them
        window = text[lo : cand.end() + 1]
        for region in regions:
            for m in pn.PhoneNumberMatcher(window, region, leniency=pn.Leniency.VALID):
                spans.add((lo + m.start, lo + m.end))
    spans.update(m.span("v") for m in _LABELLED_SHORT.finditer(text))
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans, key=lambda s: (s[0], -s[1])):
        if out and a < out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out
