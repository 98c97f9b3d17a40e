"""Names next to the word for a person's role: "NIECE CANDY", "ROOMMATE (KENJI)", "DAWN RN", "Irving (wife)".

A word that names a relation (family, friends, neighbours) or a role in the domain (the profile's ``roles``: "rn",
"chaplain", "agent") marks the word beside it as a name, even a word-like one ("Joy", "Grant", "Faith") that the
vocabulary guards would keep. The word must still be a known given name or surname, or, in mixed case, a
capitalised word outside the vocabulary: after "WIFE" in capitals, "VISITNG" is a typo, not a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from medtune.cleaning.case import mostly_capitals
from medtune.cleaning.lexicons import name_lexicon

__all__ = ["RELATIONS", "find_role_names"]

#: Words for the people around a person, in any domain.
RELATIONS: frozenset[str] = frozenset(
    """
    wife husband spouse son daughter mother mom mum father dad brother sister niece nephew aunt uncle cousin
    grandson granddaughter grandmother grandfather grandma grandpa stepson stepdaughter stepmother stepfather
    friend neighbor neighbour roommate partner boyfriend girlfriend fiance fiancee guardian caregiver visitor
    sibling child daughter-in-law son-in-law sister-in-law brother-in-law mother-in-law father-in-law
    """.split()  # noqa: SIM905
)
# Words that follow a role word without being a name ("WIFE WILL CALL", "SON MAY VISIT", "RN AWARE").
_NOT_NAMES = frozenset(
    """
    will may can could would should must shall might is was are were has had have be been being do does did the a an
    to at in on of for from by with per and or but not no yes this that who which here there now then also still
    aware updated called notified present visiting visited at bedside and in out up said says told asked came went
    got gets wants wanted thinks thought knows knew
    charge primary night day float travel covering oncoming previous assigned bedside floor unit new same other
    cell phone home work pager number icu pacu ccu micu sicu er ed
    """.split()  # noqa: SIM905
)
# Roles that do not follow a name in apposition ("CALLED DR"); a profile adds its domain's (``not_credentials``).
_NOT_AFTER = frozenset({"dr"})
_WORD = r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*[A-Za-z\u00c0-\u024f]"
_POSSESSIVE = re.compile(r"['\u2019][sS]?$")
_INITIAL = r"(?:[A-Z]\.?[ \t]+)?"


def _cue(words: Iterable[str]) -> str:
    words = list(words)
    if not words:
        return "(?!)"  # no word: never matches
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return rf"(?i:\b(?:{alternation})\b)"


def _name_ok(word: str, vocab: frozenset[str], caps: bool, relation: bool) -> bool:
    """Whether ``word`` beside a role word is a name.

    A known name (after a relation word it may also be a common word: "NIECE CANDY"), or after a relation word in
    mixed case a capitalised word outside the vocabulary.
    """
    key = word.lower().removesuffix("'s").removesuffix("\u2019s")
    if key in _NOT_NAMES or len(key) < 3 or re.search(r"-[a-z]", word):  # "Spanish-speaking"
        return False
    if key in name_lexicon() and (relation or key not in vocab):
        return True
    return relation and not caps and word[0].isupper() and not word.isupper() and key not in vocab


@lru_cache(maxsize=16)
def _role_sets(
    roles: frozenset[str], not_credentials: frozenset[str]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The domain's roles, every cue word, and the short credentials that may follow a name ("IRIS RN")."""
    role_set = frozenset(r.lower() for r in roles)
    not_after = _NOT_AFTER | {r.lower() for r in not_credentials}
    credentials = frozenset(r for r in role_set if len(r) <= 4 and r not in not_after)
    return role_set, RELATIONS | role_set, credentials


@lru_cache(maxsize=16)
def _before(roles: frozenset[str]) -> re.Pattern[str]:
    """The "cue then name" pattern for a domain's roles (compiled once per domain; tried only at a cue word)."""
    return re.compile(
        "(?P<cue>" + _cue(RELATIONS | roles) + rf")\.?[ \t]*(?:\([ \t]*)?(?P<v>{_INITIAL}{_WORD}(?:[ \t]+{_WORD})?)"
    )


_TOKEN = re.compile(r"[A-Za-z][A-Za-z-]*")
_LOWER_TOKEN = re.compile(r"[a-z][a-z-]*")
_NAME_BEFORE = re.compile(rf"(?P<v>{_WORD})(?P<gap>,?[ \t]+|[ \t]*\([ \t]*)$")


def _after_cue(
    text: str, m: re.Match[str], cues: frozenset[str], words: frozenset[str], caps: bool
) -> list[tuple[int, int]]:
    """The name that a "cue then name" match holds, if its words are a name."""
    parts = list(re.finditer(_WORD, m.group("v")))
    # a relation word, or any role with the name in brackets ("PT (FAITH)"), may name a word-like name
    relation = m.group("cue").lower() in RELATIONS or "(" in text[m.end("cue") : m.start("v")]
    if len(m.group("cue")) > 3 and text[m.end("cue") : m.end("cue") + 1] == ".":
        return []  # "my daughter. Russian speaker": the sentence ended
    if not parts or parts[0].group().lower() in cues or not _name_ok(parts[0].group(), words, caps, relation):
        return []
    end = parts[0].end()
    second = parts[1].group() if len(parts) > 1 else ""
    if second and second.lower() not in cues and _name_ok(second, words, caps, False):
        end = parts[1].end()
    start = m.start("v") + (parts[0].start() if not re.match(r"[A-Z]\.?[ \t]", m.group("v")) else 0)
    return [(start, m.start("v") + end)]


def _before_role(
    text: str,
    tok: re.Match[str],
    key: str,
    credentials: frozenset[str],
    cues: frozenset[str],
    words: frozenset[str],
    caps: bool,
) -> list[tuple[int, int]]:
    """The name right before a short credential ("IRIS RN") or a bracketed role ("Irving (wife)", "DEAN (RESIDENT)")."""
    bracket = text[max(0, tok.start() - 2) : tok.start()].rstrip(" \t").endswith("(")
    if bracket:
        if not re.match(r"[ \t]*\)", text[tok.end() :]):
            return []
    elif key not in credentials or re.match(r"[ \t]*\(", text[tok.end() :]):
        return []
    n = _NAME_BEFORE.search(text, max(0, tok.start() - 40), tok.start())
    if not n or ("(" in n.group("gap")) != bracket:
        return []
    relation = bracket and key in RELATIONS
    if n.group("v").lower() in cues or not _name_ok(n.group("v"), words, caps, relation):
        return []
    return [n.span("v")]


def find_role_names(
    text: str,
    roles: Iterable[str] = (),
    vocab: Iterable[str] | frozenset[str] = (),
    *,
    caps: bool | None = None,
    not_credentials: Iterable[str] = (),
) -> list[tuple[int, int]]:
    """Names right after a relation or role word, or right before a role in apposition.

    Args:
        text: Any string.
        roles: Lower-case role words of the domain ("rn", "chaplain", "resident"), besides :data:`RELATIONS`.
        vocab: Lower-case common and domain words.
        caps: Whether ``text`` is mostly capitals (:func:`medtune.cleaning.case.mostly_capitals`), when the caller
            already knows.
        not_credentials: Lower-case short roles that never follow a name ("tech": "CALLED TECH"); the other roles of
            four letters or fewer name the word before them ("DAWN RN").

    >>> t = "NIECE CANDY IN TO VISIT. SON WILL CALL. DAWN RN ASSISTED. Irving (wife) is HCP. ROOMMATE (KENJI) CALLED."
    >>> [t[a:b] for a, b in find_role_names(t, roles={"rn"})]
    ['CANDY', 'DAWN', 'Irving', 'KENJI']
    """
    words = vocab if isinstance(vocab, frozenset) else frozenset(vocab)
    role_set, cues, credentials = _role_sets(
        roles if isinstance(roles, frozenset) else frozenset(roles),
        not_credentials if isinstance(not_credentials, frozenset) else frozenset(not_credentials),
    )
    if cues.isdisjoint(_LOWER_TOKEN.findall(text.lower())):
        return []
    before = _before(role_set)
    caps = mostly_capitals(text) if caps is None else caps
    out: list[tuple[int, int]] = []
    for tok in _TOKEN.finditer(text):
        key = tok.group().lower()
        if key not in cues:
            continue
        if m := before.match(text, tok.start()):
            out += _after_cue(text, m, cues, words, caps)
        out += _before_role(text, tok, key, credentials, cues, words, caps)
    if not caps and text != text.lower():  # mixed case: a word in lower case is no name ("a partner more often")
        out = [(a, b) for a, b in out if not (text[a:b].islower() and text[a:b] in words)]
    return sorted({(a, b - len(p.group())) if (p := _POSSESSIVE.search(text, a, b)) else (a, b) for a, b in out})
