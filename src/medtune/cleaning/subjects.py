"""Names by their place in a note: a given name opening a clause, after a care verb, or in a "SURNAME, GIVEN" line.

Notes and logs name people without a cue: "LAKSHMI C/O NAUSEA", "NEURO: ISMAIL ALERT AND ORIENTED",
"REPOSITIONED JOHN Q2H", "FITZGERALD, EILEEN" on a line of its own. A given name (of the lexicon's given names) at
such a place is taken when the word after it makes it the subject: a verb or a state ("DENIES", "SLEPT",
"ANXIOUS"), or one of the domain's own (``predicates``: "c/o", "a+ox3" for clinical notes). A given name that is
also a common word ("GRACE", "HOPE", "MAY") needs the same, and never stands for a name after a care verb.

A :class:`~medtune.cleaning.pii_profiles.PIIProfile` adds its domain's words: its ``roles`` are no given names ("PA",
"MD"), its ``subject_cues`` label a header line ("PT: FITZGERALD, EILEEN") and its ``id_labels`` may end one
("CUNHA, LETICIA MRN 93969"). Without a profile the default registered one is used.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from medtune.cleaning.leads import scanner
from medtune.cleaning.lexicons import given_names, name_lexicon
from medtune.cleaning.pii_profiles import PIIProfile, resolve_pii_profile
from medtune.cleaning.roles import RELATIONS

__all__ = ["PREDICATES", "find_header_names", "find_speaker_names", "find_subject_names"]

#: Words that make the name before them the subject of a clause, in any domain.
PREDICATES: frozenset[str] = frozenset(
    """
    is was has had does did will would can could should may might must denies denied states stated reports reported
    says said complains complained complaining tolerated tolerating refused refuses refusing slept sleeping asleep
    awake alert anxious restless drowsy lethargic sleepy confused calm comfortable resting pleasant cooperative
    tearful upset agitated oriented continues continued became becomes fell watching talking enjoys enjoyed coping
    started starts remains remained appears appeared agreeable relieved asking asked requested requesting wants
    wanted feels felt understands understood verbalizes verbalized voiced voices doing did eating ate walked walking
    up out back now still opens opened vomited lying sitting looks looked seems seemed needs
    needed got gets went goes came returned stable transferred extubated participated passed difficult very
    conversing noted cheerful given grimaces grimacing keen verbalises verbalizes expressed continuing
    """.split()  # noqa: SIM905
)
# Verbs of care after which a given name is the person cared for ("ASSISTED SOPHIA TO BATHROOM").
_CARE_VERBS = frozenset(
    """
    assisted helped repositioned turned received medicated reassured reoriented encouraged instructed educated
    reminded bathed fed walked transferred updated told asked accompanied
    """.split()  # noqa: SIM905
)
_CARE_VERB = re.compile(r"(?i:\b(?:" + "|".join(sorted(_CARE_VERBS)) + r")\b)[ \t]+")
# Where a clause opens: a line start, after ". ", ": ", " - ", or after "AT 0300 ".
_OPENS_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:\d{3,4}(?:[ \t]+-)?[ \t]+)?$|[.!?;][ \t]+$|:[ \t]*$|\s-[ \t]+$|"
    r"\b(?i:at|around|by)[ \t]+\d{3,4}[ \t]+$|\b(?:MRS?|MS|MISS)[ \t]+$"
)
# capitalised, lower case or capitals (not "mIxEd"), any Latin letters ("WŁADYSŁAW", "Guðrún", "THỊ")
_CANDIDATE = re.compile(r"[^\W\d_][^\W\d_A-Z\u00c0-\u00de]+|[^\W\d_a-z\u00df-\u00ff]{2,}")
# What follows a candidate: a possessive, then one or two words.
_FOLLOWS = re.compile(r"(?P<poss>['\u2019][sS])?[ \t]+(?P<next>[^\s,.;:]+)(?:[ \t]+(?P<next2>[^\s,.;:]+))?")
# "SURNAME, GIVEN" at a line start or after a label, then the line's end, a number or an ID label; ``{labels}``: the
# profile's subject words, each followed by "|"; ``{ids}``: its ID labels, each after "|".
_HEADER = (
    r"(?m)(?:^|(?i:{labels}header|name|handover|handoff|re)[ \t]*:)[ \t]*"
    r"(?P<last>[^\W\d_a-z][\w'\u2019-]+),[ \t]*(?P<first>[^\W\d_a-z][^\W\d_'-]+(?:[ \t][^\W\d_]+)?)"
    r"(?=[ \t]*(?:$|#|\(|\d|-{ids}))"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_AGE_SEX = re.compile(r"\d{1,3}(?:[mf]|yo[mf]?|y/o|yr?s?)")
_AGE_AHEAD = re.compile(r"(?i)[ \t]+(?:is|was)[ \t]+an?[ \t]+\d{1,3}[ \t-]*(?:[mf]\b|y/?o|year|yr)")
# A nickname in brackets or quotes after a name ('Guadalupe Ramirez ("Lupe")'), or after "known as".
_NICKNAME = re.compile(
    r"(?:(?<=[^\W\d_])[ \t]*\([ \t]*[\"\u201c'](?P<a>[^\W\d_][\w'-]+)[\"\u201d'][ \t]*\)|"
    r"(?i:\bknown[ \t]+to[ \t]+\w+[ \t]+as|\bnicknamed|\bgoes[ \t]+by|\baka|\ba\.k\.a\.|\bidentified[ \t]+as)"
    r"[ \t]+[\"\u201c]?(?P<b>[^\W\d_][\w'-]+(?:[ \t]+[A-Z][\w'-]+)?)|"
    r"(?i:\bknown[ \t]+as)[ \t]+[\"\u201c]?(?P<c>[A-Za-z][A-Za-z'-]+))"
)


# Words the given-name list holds that open clauses far more often as words ("NO C/O PAIN", "He reports"); a
# profile adds its roles ("MD", "PA").
_NOT_GIVEN = frozenset(
    """
    he she it they we you i me him her them his hers its our their no not nor more most less least very all some any
    none each every both this that these those there here what who whom when where why how yes ok okay please thanks
    well good better worse best much many just only even again also still now then later soon today tonight long
    short little big new old next last first same other such own dr do awoke woke slept
    the an and or but of in on at to for with by from as into are were be been more less
    """.split()  # noqa: SIM905
)


def _given(word: str, vocab: frozenset[str], common_ok: bool, not_given: frozenset[str]) -> bool:
    key = word.lower()
    return key in given_names() and key not in not_given and len(key) > 2 and (common_ok or key not in vocab)


@lru_cache(maxsize=16)
def _predicates(domain: frozenset[str]) -> frozenset[str]:
    return PREDICATES | {p.lower() for p in domain}


@lru_cache(maxsize=16)
def _not_given(roles: frozenset[str]) -> frozenset[str]:
    return _NOT_GIVEN | {r.lower() for r in roles}


@lru_cache(maxsize=16)
def _header(labels: tuple[str, ...], ids: tuple[str, ...]) -> re.Pattern[str]:
    """The header pattern with a profile's subject words and ID labels (compiled once per profile)."""
    ids_alt = "|(?i:" + "|".join(ids) + ")" if ids else ""
    return re.compile(_HEADER.format(labels="".join(f"{w}|" for w in labels), ids=ids_alt))


def _profile(profile: PIIProfile | None) -> PIIProfile:
    return resolve_pii_profile(None) if profile is None else profile


_LOWER_TOKEN = re.compile(r"[^\W\d_]+")


def find_subject_names(
    text: str,
    vocab: Iterable[str] | frozenset[str] = (),
    predicates: Iterable[str] = (),
    *,
    profile: PIIProfile | None = None,
) -> list[tuple[int, int]]:
    r"""Given names that open a clause with a predicate after them, and given names after a care verb.

    Args:
        text: Any string.
        vocab: Lower-case common and domain words.
        predicates: Lower-case words of the domain that, after a name, make it the subject ("c/o", "a+ox3").
        profile: The PII profile whose ``roles`` are no given names (default: the default registered profile).

    >>> t = "NEURO: ISMAIL ALERT AND ORIENTED.\nGRACE IS LETHARGIC. REPOSITIONED JOHN Q2H.\nGRACE PERIOD OVER."
    >>> [t[a:b] for a, b in find_subject_names(t, {"grace", "period", "over", "alert", "is"})]
    ['ISMAIL', 'GRACE', 'JOHN']
    """
    words = vocab if isinstance(vocab, frozenset) else frozenset(vocab)
    after = _predicates(predicates if isinstance(predicates, frozenset) else frozenset(predicates))
    not_given = _not_given(frozenset(_profile(profile).roles))
    out: list[tuple[int, int]] = []
    lower = text.lower()
    for m in (
        _NICKNAME.finditer(text) if ("(" in text or "known" in lower or "goes" in lower or "nickname" in lower) else ()
    ):
        group = next(g for g in "abc" if m.group(g))
        value = m.group(group)
        if group == "c" and not _given(value, words, False, not_given):
            continue  # "also known as cervicalgia": a term, not a nickname
        if value.lower() not in not_given and value.lower() not in _NICKNAME_NOT:
            out.append(m.span(group))
    tokens = set(_LOWER_TOKEN.findall(lower))
    mixed_case = lower != text
    hits = {w for w in tokens & given_names() if w not in not_given and len(w) > 2}
    if not hits:
        return out
    for c in _LOWER_TOKEN.finditer(text):
        name = c.group()
        if name.lower() not in hits or not _CANDIDATE.fullmatch(name):
            continue
        if name.islower() and name in words and mixed_case:
            continue  # "- the very earliest", "Statins - are very effective": a word, where names are capitalised
        if not _OPENS_BEFORE.search(text, max(0, c.start() - 12), c.start()):
            continue
        m = _FOLLOWS.match(text, c.end())
        if not m:
            continue
        nxt, nxt2 = m.group("next").lower(), (m.group("next2") or "").lower()
        if (
            nxt == "-"
            and len(name) > 3
            and name.lower() not in words
            and text[max(0, c.start() - 1) : c.start()] in ("", "\n")
        ):
            out.append(c.span())  # "TEMITOPE - SICKLE CELL CRISIS" opening a line
            continue
        if not (m.group("poss") or nxt in after or _AGE_SEX.fullmatch(nxt)):
            continue
        strong = (
            (nxt in after and nxt not in _WEAK_AFTER)
            or (m.group("poss") is not None and nxt in RELATIONS)
            or bool(_AGE_SEX.fullmatch(nxt))  # "EUGENIA 78F FROM ED", "HUNTER 24M"
            or (nxt in _WEAK_AFTER and (nxt2 in after - _WEAK_AFTER or bool(_AGE_AHEAD.match(text, c.end()))))
        )  # the last: "GRACE IS LETHARGIC", "Hope is a 34 y/o"
        if name.lower() in words and not strong:
            continue  # "MAY BE", "WILL NEED": a common word with a weak verb after it is not a name
        out.append(c.span())
    for m in scanner(_CARE_VERB, 3).finditer(text) if not tokens.isdisjoint(_CARE_VERBS) else ():
        w = _WORD.match(text, m.end())
        if w and (w.group()[0].isupper()) and _given(w.group(), words, False, not_given):
            out.append(w.span())
    return out


_NICKNAME_NOT = frozenset("the a an his her their my your our".split())  # noqa: SIM905
# Verbs so common after ordinary words that they cannot vouch for a name that is also a word ("WILL BE", "MAY HAVE").
_WEAK_AFTER = frozenset(
    {"is", "was", "has", "had", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must"}
    | {"up", "out", "back", "now", "still"}
)


def find_header_names(
    text: str, vocab: Iterable[str] | frozenset[str] = (), *, profile: PIIProfile | None = None
) -> list[tuple[int, int]]:
    r"""``SURNAME, GIVEN`` alone on a line or before a number ("FITZGERALD, EILEEN", "CUNHA, LETICIA  #939-69-41").

    ``profile`` adds its subject words as labels, its ID labels after the name, and its roles as no given names
    (default: the default registered profile).

    >>> t = "PAPADOPOULOS, DIMITRIOS\n77 Y/O S/P AAA REPAIR.\nNEURO, CV\nFOLEY, CLEAR"
    >>> [t[a:b] for a, b in find_header_names(t, {"neuro", "cv", "foley", "clear"})]
    ['PAPADOPOULOS, DIMITRIOS']
    """
    words = vocab if isinstance(vocab, frozenset) else frozenset(vocab)
    p = _profile(profile)
    not_given = _not_given(frozenset(p.roles))
    names = name_lexicon()
    out = []
    for m in _header(tuple(p.subject_cues), tuple(p.id_labels)).finditer(text):
        last, first = m.group("last"), m.group("first").split()[0]
        if not _given(first, words, False, not_given) and not (first.lower() not in words and last.lower() in names):
            continue  # "NEURO, CV", "FOLEY, CLEAR"
        if last.lower() not in words and last.lower() not in not_given:
            out.append((m.start("last"), m.end("first")))  # not "Best, Maggie" (a signature)
    return out


# A line of a chat or a transcript: "Diyor: at the airport", "[10:42] Sa'adatu: hi", "> Noa: morning all".
_SPEAKER = re.compile(
    r"(?m)^[ \t>*-]*(?:\[[\d:. ]+(?:[AaPp][Mm])?\][ \t]*|\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]+)?"
    r"(?P<name>[A-Z\u00c0-\u00de\u0100-\u017f][^\W\d_]*(?:['\u2019\-][^\W\d_]+)?"
    r"(?:[ \t]+[A-Z\u00c0-\u00de\u0100-\u017f][^\W\d_]*(?:['\u2019\-][^\W\d_]+)?){0,2})[ \t]*:[ \t]+\S"
)


def find_speaker_names(text: str, vocab: Iterable[str] | frozenset[str] = ()) -> list[tuple[int, int]]:
    r"""The speakers of a chat or transcript: names that open two or more lines before a colon.

    A label ("Subject:", "Address:", "Agent:") is a common word and is never taken; a text in capitals (a note's
    "NEURO:", "PLAN:" sections) is left alone. One line alone is not enough: "Zanele: call me" could be a heading.

    >>> t = "Diyor: at the airport\nMaria: omw\nDiyor: ok\nResp: gate 4"
    >>> [t[a:b] for a, b in find_speaker_names(t, {"note", "gate"})]
    ['Diyor', 'Maria', 'Diyor']
    """
    words = vocab if isinstance(vocab, frozenset) else frozenset(vocab)
    if text.count(":") < 2 or "\n" not in text:
        return []
    found = [m for m in _SPEAKER.finditer(text) if not m.group("name").isupper()]
    if len(found) < 2:
        return []
    names = name_lexicon()
    lines = Counter(m.group("name") for m in found)
    out = []
    for m in found:
        parts = m.group("name").split()
        if any(p.lower().strip("'\u2019") in words for p in parts):
            continue
        if lines[m.group("name")] < 2 and parts[0].lower() not in names:
            continue  # once, and no name of the lexicon: a section ("Resp:", "Dispo:"), not a speaker
        out.append(m.span("name"))
    return out
