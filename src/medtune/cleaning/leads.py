r"""Faster scans of patterns that can only start with a few known letters ("Dr", "my name is", "MRN").

Python's regex engine tries a pattern such as ``\b(?i:mrn|medical\s+record|...)`` at every position of a text; a
case-blind alternation of dozens of cue words is slow there. :class:`LeadScanner` reads from the pattern the strings
that every match starts with (its *leads*, lower-cased, up to three characters), finds where they stand in the
lower-cased text with one case-sensitive look-ahead, and tries the pattern only there. The matches are exactly those
of ``pattern.finditer(text)``: a match of the pattern is only tried where it can start, and ``pattern.match(text, pos)``
sees the text before ``pos`` (look-behinds, ``\b``) as a search would. Text that is not ASCII (where lower-casing may
change a length or fold characters differently from the regex engine) is scanned the plain way.

Example:
    >>> import re
    >>> rx = re.compile(r"\b(?i:mrn|medical\s+record)[\s:#]*(?P<v>\d+)")
    >>> scan = LeadScanner(rx)
    >>> sorted(scan.leads)
    ['med', 'mrn']
    >>> [m.group("v") for m in scan.finditer("MRN: 123, Medical Record 456")]
    ['123', '456']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

try:  # Python >= 3.11
    from re import _constants as _sre
    from re import _parser as _parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _parse  # type: ignore[no-redef]

__all__ = ["LeadScanner", "pattern_leads", "scanner"]

_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, *([_sre.POSSESSIVE_REPEAT] if hasattr(_sre, "POSSESSIVE_REPEAT") else [])}
_GROUPS = {_sre.SUBPATTERN, *([_sre.ATOMIC_GROUP] if hasattr(_sre, "ATOMIC_GROUP") else [])}


def pattern_leads(regex: re.Pattern[str], length: int = 3, limit: int = 300) -> frozenset[str] | None:
    r"""Lower-case strings (at most ``length`` long) one of which starts every match of ``regex``, read on lower text.

    ``None`` when the pattern can start with too many strings (more than ``limit``), with an empty one, or with a
    character class such as ``\w`` (then every position is a candidate and a scan gains nothing).

    >>> sorted(pattern_leads(re.compile(r"\b(?:Dr|Mrs?)\.?\s+[A-Z]")))
    ['dr', 'mr']
    >>> pattern_leads(re.compile(r"\w+@\w+")) is None
    True
    """
    try:
        tree = _parse.parse(regex.pattern, regex.flags)
        if tree.getwidth()[0] == 0:
            return None  # a pattern that can match the empty string is scanned the plain way
        states = _sequence(list(tree), {("", True)}, length, limit)
    except (_TooMany, re.error, RecursionError):
        return None
    leads = {s for s, _ in states}
    if not leads or "" in leads:
        return None
    return frozenset(s for s in leads if not any(s[:k] in leads for k in range(1, len(s))))  # "dr" covers "dr."


@lru_cache(maxsize=256)
def scanner(regex: re.Pattern[str], min_lead: int = 1) -> LeadScanner:
    """The :class:`LeadScanner` of a compiled pattern, built once."""
    return LeadScanner(regex, min_lead)


class _TooMany(Exception):
    pass


# A state is (prefix, open): an open prefix may still grow with the next items of the pattern.
_State = set[tuple[str, bool]]


def _close(states: _State) -> _State:
    return {(s, False) for s, _ in states}


def _sequence(items: list, states: _State, length: int, limit: int) -> _State:
    for op, av in items:
        if not any(is_open for _, is_open in states):
            break
        states = _item(op, av, states, length, limit)
        if len(states) > limit:
            raise _TooMany
    return states


def _extend(states: _State, chars: set[str], length: int) -> _State:
    out: _State = set()
    for s, is_open in states:
        if not is_open:
            out.add((s, False))
            continue
        for ch in chars:
            # A character that is not ASCII ends the lead: on ASCII text the regex engine may fold it to ASCII (long s).
            if not ch.isascii():
                out.add((s, False))
                continue
            grown = s + ch
            out.add((grown, len(grown) < length))
    return out


def _item(op: object, av: object, states: _State, length: int, limit: int) -> _State:
    if op in _ZERO_WIDTH:
        return states
    if op is _sre.LITERAL:
        return _extend(states, {chr(av).lower()}, length)  # type: ignore[arg-type]
    if op is _sre.IN:
        chars = _class_chars(av)  # type: ignore[arg-type]
        return _close(states) if chars is None else _extend(states, chars, length)
    if op in _GROUPS:
        sub = av[-1] if op is _sre.SUBPATTERN else av  # type: ignore[index]
        return _sequence(list(sub), states, length, limit)
    if op is _sre.BRANCH:
        out: _State = set()
        for alternative in av[1]:  # type: ignore[index]
            out |= _sequence(list(alternative), states, length, limit)
        return out
    if op in _REPEATS:
        low, _, sub = av  # type: ignore[misc]
        once = _close(_sequence(list(sub), states, length, limit))
        return once if low >= 1 else states | once
    return _close(states)  # any character, a category, a back-reference: the lead ends here


def _class_chars(items: list) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.LITERAL:
            chars.add(chr(av).lower())
        elif op is _sre.RANGE and av[1] - av[0] < 64:
            chars.update(chr(c).lower() for c in range(av[0], av[1] + 1))
        else:
            return None  # a category, a negated class or a wide range
    return chars if len(chars) <= 40 else None


def _trie(strings: frozenset[str]) -> str:
    """A regex for any of ``strings`` that branches on one character at a time (fast in Python's engine).

    >>> _trie(frozenset({"dr", "mr", "mrs", "m"}))
    '(?:dr|m)'
    """
    if "" in strings:
        return ""  # a shorter string already matches: longer ones add nothing to a look-ahead
    heads: dict[str, set[str]] = {}
    for s in strings:
        heads.setdefault(s[0], set()).add(s[1:])
    parts = [re.escape(head) + _trie(frozenset(tails)) for head, tails in sorted(heads.items())]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


class LeadScanner:
    """``finditer`` for one compiled pattern, tried only where one of its leads stands (see the module docstring).

    Args:
        regex: The compiled pattern.
        min_lead: Scan the plain way unless every lead is at least this long: a short lead ("a", "he") stands almost
            everywhere, and the scan would be slower than the plain one.
    """

    def __init__(self, regex: re.Pattern[str], min_lead: int = 1) -> None:
        self.regex = regex
        self.leads = pattern_leads(regex)
        use = self.leads is not None and min(map(len, self.leads)) >= min_lead
        self._lead = re.compile(f"(?={_trie(self.leads)})") if use and self.leads else None

    @property
    def used(self) -> bool:
        """Whether matches are looked for at the leads only (else the scan is the plain ``finditer``)."""
        return self._lead is not None

    def finditer(self, text: str, lower: str | None = None) -> Iterator[re.Match[str]]:
        """The matches of ``regex.finditer(text)``; ``lower`` is ``text.lower()`` when the caller has it."""
        if self._lead is None or not text.isascii():
            yield from self.regex.finditer(text)
            return
        match = self.regex.match
        end = 0
        for candidate in self._lead.finditer(text.lower() if lower is None else lower):
            start = candidate.start()
            if start < end:
                continue
            m = match(text, start)
            if m is not None:
                yield m
                end = m.end()
