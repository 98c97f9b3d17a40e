"""Identifiers with a shape that the patterns of :mod:`medtune.cleaning.pii` leave alone.

:func:`find_month_days`: month/day dates without a year (``3/14 FOUND BY DAUGHTER``, both ends of ``3/2-3/5``,
``SINCE 4-27``; not ``1/2 TAB``), after a date word or, with ``bare``, wherever they are not a dose, a setting or a
score; :func:`find_shaped`: addresses after a label, ``@handles``, coded IDs, month/year, ``26-DEC``, holidays,
dates with non-English month names, ``14.03.``, ordinal days and ages over 89 in note shorthand.

The words here are English; a :class:`~medtune.cleaning.pii_profiles.PIIProfile` adds its domain's (``date_cues``,
``date_events``, ``not_date_after``, ``not_date_before``, ``age_cues``, ``subject_cues``: "ADMITTED 4-27", "CXR 3/14",
"1/2 TAB", "PEEP 5/10", "92F S/P", "PT IS 92" for clinical notes). Without a profile the default registered one is
used (:func:`~medtune.cleaning.pii_profiles.resolve_pii_profile`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medtune.cleaning.leads import scanner
from medtune.cleaning.pii_profiles import PIIProfile, resolve_pii_profile

__all__ = ["MONTH_NAME", "find_month_days", "find_months", "find_shaped", "not_a_date"]

_MD = r"(?:(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])|(?:1[3-9]|2\d|3[01])/(?:1[0-2]|0?[1-9]))"  # m/d, or d/m
_MONTH_DAY = re.compile(rf"(?<![\w/.:-]){_MD}(?![\w/]|[.,:-]\d)")
_RANGE = re.compile(rf"(?<![\w/.:-])(?P<a>{_MD})[ \t]*(?:-|\u2013|to)[ \t]*(?P<b>{_MD})(?![\w/]|[.,:-]\d)")
_MONTH_DAY_DASH = re.compile(r"(?<![\w/.:-])(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])(?![\w/-]|[.,:]\d)")
# The sources below have a ``{domain}`` slot: the profile's fragments, each followed by "|" (see :func:`_build`).
# "SINCE 4-27", "CONSULTED ON 12-15": a dash pair is a range ("2-3 L", "Q4-6H") unless a date cue precedes it.
_DASH_CUE_BEFORE = (
    r"(?i)\b(?:{domain}on|since|dated?|from|until|till|seen|placed|filed|delivery|due|started|last|done|drawn|sent|"
    r"collected|performed|scheduled|set\s+for|appt|appointment)\s*:?\s*$"
)
_FRACTIONS = frozenset({"1/2", "1/3", "2/3", "1/4", "3/4", "1/8", "3/8", "1/5", "1/6"})
# A month/day after a date word ("SEEN ON 11/02"), a weekday, or at a line start; the profile adds its date cues and
# dated events ("CXR 3/14").
_DATE_CUE_BEFORE = (
    r"(?i)(?:\b(?:{domain}on|since|from|to|until|till|thru|through|last|seen|dated?|dob|born|by|due|started|began|"
    r"begun|stopped|held|done|performed|scheduled|planned|for|of|visit(?:ed)?|called|transferred|arrived|returned|date|"
    r"d|note|placed|inserted|changed|removed|pulled|fall|fell|event|episode|diagnosed|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?,?:?\s*"
    r"|(?:^|\n)\s*)$"
)
# What makes the month/day before it a date (word starts: "3/14 VISITED").
_DATE_CUE_AFTER = (
    r"(?i)^\s*(?:{domain}-|\u2013|to|@|at\s+\d|\d{{1,2}}:\d{{2}}|\d{{4}}\b|found|visit|seen|call|note|event|episode)"
)
# A count or a measure after a number pair ("2-3 DAYS", "1/2 CUP"; the profile adds its doses: "1/2 TAB").
_NOT_DATE_AFTER = (
    r"(?i)^\s*(?:{domain}strength|str|scale|pain|of\s+(?:the|a)|mg|ml|cc|units?|%|x\b|times|l\b|liters?|h\b|hrs?\b|"
    r"hours?|days?|d\b|wks?\b|weeks?|mos?\b|months?|yrs?\b|years?|mins?\b|minutes?|beats|breaths|sets|drops|"
    r"episodes|people|persons)"
)
# A reading, a setting or a score before a number pair ("SCORE 6/10"; the profile adds its own: "BP 120/80").
_NOT_DATE_BEFORE = r"(?i)(?:\b(?:{domain}strength|score|ratio|take|takes|grade|settings?)\s*:?\s*|/)$"
_SCORE_BEFORE = r"(?i)\b(?:{domain}pain|score|scale|rated?|level|relief|discomfort|headache)\b"
_STRONG_DATE_BEFORE = r"(?i)\b(?:{domain}on|since|dated?|dob|from|until|seen)\s*:?\s*$"


def _slot(fragments: tuple[str, ...]) -> str:
    return "".join(f"{f}|" for f in fragments)


def find_month_days(text: str, *, bare: bool = False, profile: PIIProfile | None = None) -> list[tuple[int, int]]:
    """Month/day dates without a year ("SEEN ON 11/02", "3/14 FOUND BY DAUGHTER", "3/14-3/16").

    Only in a date context, unless ``bare``: clinical notes in capitals write dates with no cue at all
    ("3/14 CXR CLEAR", "LINE 2/2"), so there every month/day is taken except doses, settings and scores, ``24/7``,
    ratings (``4/5``) and the common fractions (``1/2``, ``3/4``…), which still need a cue. Both ends of a range are
    dates. ``profile`` adds its domain's date cues, dated events, doses and readings (default: the default registered
    profile).

    >>> t = "3/14 FOUND BY DAUGHTER. SEEN ON 11/02. TAKE 1/2 TAB. PAIN 6/10. STRENGTH 4/5. 2/3-2/5 IN REHAB."
    >>> [t[a:b] for a, b in find_month_days(t)]
    ['3/14', '11/02', '2/3', '2/5']
    >>> t = "CXR 3/14 CLEAR. LINE 2/2. 1/2 NS. PAIN 4/10. STRENGTH 5/5. PSYCH 24/7."
    >>> [t[a:b] for a, b in find_month_days(t, bare=True)]
    ['3/14', '2/2']
    """
    c = _cues(profile)
    out = []
    for m in _RANGE.finditer(text):
        if not (_not_a_date(text, m.start(), m.end("a"), c) or c.not_after.match(text[m.end() : m.end() + 16])):
            out += [m.span("a"), m.span("b")]
    for m in _MONTH_DAY.finditer(text):
        if _not_a_date(text, m.start(), m.end(), c):
            continue
        before = text[max(0, m.start() - 24) : m.start()]
        cued = c.date_before.search(before) or c.date_after.match(text[m.end() : m.end() + 16])
        if cued or (bare and m.group() not in _FRACTIONS and m.group() != "24/7" and not m.group().endswith("/5")):
            out.append(m.span())
    for m in _MONTH_DAY_DASH.finditer(text):
        if c.dash_before.search(text[max(0, m.start() - 24) : m.start()]) and not c.not_after.match(
            text[m.end() : m.end() + 16]
        ):
            out.append(m.span())
    return sorted(set(out))  # "3/2 to 3/5": the range and the single dates find the same spans


def not_a_date(text: str, start: int, end: int, *, strict: bool = True, profile: PIIProfile | None = None) -> bool:
    """Whether the number pair ``text[start:end]`` ("1/2", "8/5", "3/10") is a dose, a setting or a score here.

    ``x/10`` is a score unless a date cue precedes it (``strict``, for the rules), or only when a score word does
    (for NER, whose context already said "date"). ``profile`` adds its domain's words (default: the default
    registered profile).
    """
    return _not_a_date(text, start, end, _cues(profile), strict=strict)


def _not_a_date(text: str, start: int, end: int, c: _Cues, *, strict: bool = True) -> bool:
    before = text[max(0, start - 24) : start]
    if c.not_after.match(text[end : end + 16]) or c.not_before.search(before):
        return True
    if not text[start:end].endswith("/10"):
        return False
    return not c.strong_before.search(before) if strict else bool(c.score_before.search(before))


# Identifiers with a shape the patterns of ``pii.py`` leave alone.
_DIGIT = re.compile(r"\d")
#: An age over 89 standing alone: every age shape holds one (a cheap check before them).
_OLD_AGE = re.compile(r"(?<!\d)(?:9\d|1[0-4]\d)(?!\d)")
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,30}(?<!\.)")
# "REQ-88123", "W50665219"; not UMLS concept IDs ("C0016395"), which name diseases, not people.
_CODE_ID = re.compile(r"\b(?:[A-Z]{2,5}[-#]\d{4,}(?:-[A-Z0-9]+)*|(?!C\d{7}\b)[A-Z]{1,2}\d{7,10})\b")
_MONTHS_INTL = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|"
    r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|"
    r"settembre|ottobre|dicembre|januari|februari|maart|mei|augustus)"
)
_INTL_DATE = re.compile(r"(?i)\b\d{1,2}(?:\.|º|er)?\s+(?:de\s+)?" + _MONTHS_INTL + r"\b(?:\s+(?:de\s+)?\d{4})?")
_DAY_MONTH_DOT = re.compile(r"(?<![\w.])(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.(?!\d)")
# "until 4.8.", "on Thu 4.6.": a one-digit day or month only after a date word (a lab value ends "K 4.1." too, and
# "up from 1.2." is one).
_DAY_MONTH_DOT_SHORT = re.compile(r"(?<![\w.])(?:[1-9]|[12]\d|3[01])\.(?:[1-9]|1[0-2])\.(?!\d)")
_DATE_WORD_BEFORE = re.compile(
    r"(?i)\b(?:on|until|till|til|since|due|am|bis|ab|vom|le|du|au|el|del|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?[ \t]+$"
)
_ORDINAL_DAY = re.compile(
    r"(?i)\bthe[ \t]+(?P<v>(?:[12]?\d|3[01])(?:st|nd|rd|th))\b"
    r"(?=[ \t]*(?:$|[.,;:!?)\n]|(?:of|at|if|when|and|or|to|for|in|with|unless|pending)\b|@))"
)
# "on the 2nd", "the evening of the 17th": a day of the month after a date word, not "on the 3rd floor"; the profile
# adds its words after a number that make it a count (:attr:`PIIProfile.not_date_after`: "on the 2nd dose").
_ORDINAL_DAY_CUED = (
    r"(?i)\b(?:on|of|by|since|until|till|before|after|from)[ \t]+the[ \t]+(?P<v>(?:[12]?\d|3[01])(?:st|nd|rd|th))\b"
    r"(?![ \t]+(?:{domain}floor|day|days|time|times|week|weeks|month|months|year|years|grade|degree|line|cycle|round|"
    r"attempt|generation|place|percentile|edition|century|centuries|level|stage|session|visit|visits|hour|hours|"
    r"minute|minutes|decade|decades|quarter|lap|row|class|tier|one|ones|child|baby|of)\b)"
)
_MONTHS_EN = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY_MON_DASH = re.compile(
    rf"(?i)(?<![\w/-])(?:(?:[12]?\d|3[01])-{_MONTHS_EN}(?:-(?:19|20)?\d\d)?|{_MONTHS_EN}-(?:[12]?\d|3[01]))(?![\w/-])"
)
# Holidays fix a date ("ADMITTED XMAS EVE", "home by Thanksgiving").
_HOLIDAY = re.compile(
    r"(?i)\b(?:(?:christmas|xmas|x-mas|new\s+year'?s)(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?|"
    r"easter(?:\s+(?:sunday|monday))?|st\.?\s+patrick'?s(?:\s+day)?|halloween|valentine'?s\s+day|"
    r"independence\s+day|labor\s+day|memorial\s+day|"
    r"july\s+4th|fourth\s+of\s+july)\b"
)
# A holiday is a date of someone's care after a cue ("ADMITTED XMAS EVE", "home by Thanksgiving"), not in "every
# Christmas Eve" or "happy Thanksgiving".
_HOLIDAY_CUE = (
    r"(?i)(?:\b(?:{domain}on|since|by|until|till|before|after|over|from|through|thru|fell|seen|last|this|past|"
    r"home\s+for|around|baseline)\s+(?:the\s+)?|\(\s*|\"\s*)$"
)
# A month on its own is a date element ("ARRIVED FROM HAITI IN JUNE", "LAST FEB", "JAN-MAR") after a date word or
# beside another month; not a label ("Expiry: February", "Re: January rota").
_MONTH_FULL = r"(?:january|february|april|june|july|september|october|november|december)"
_MONTH_AMBIGUOUS = r"(?:jan|feb|mar|march|apr|may|jun|jul|aug|august|sept?|oct|nov|dec)"
#: Any English month name or its abbreviation, lower case (a regex source).
MONTH_NAME = rf"(?:{_MONTH_FULL}|{_MONTH_AMBIGUOUS})"
_LONE_MONTH = re.compile(rf"(?i)(?<![\w/-]){MONTH_NAME}(?![\w/]|-\d)")
_MONTH_CUE = re.compile(
    r"(?i)\b(?:in|since|last|next|this|early|late|mid|until|till|by|during|through|thru|before|after|around|"
    r"from|end\s+of|beginning\s+of|start\s+of|middle\s+of)\s*-?\s*$"
)
_MONTH_RANGE = re.compile(
    rf"(?i)(?<![\w/-]){MONTH_NAME}[ \t]*(?:-|\u2013|to|through|thru)[ \t]*{MONTH_NAME}(?![\w/]|-\d)"
)


# "may" as a verb: followed by a verb, an adverb or "not" ("this may include", "BY NOON MAY NEED").
_MODAL_MAY = re.compile(
    r"(?i)may[ \t]+(?:not|also|still|even|only|be|have|include|involve|help|need|cause|occur|require|take|get|make|"
    r"lead|result|develop|appear|want|feel|go|come|become|show|affect|increase|decrease|vary|seem|experience|"
    r"suggest|indicate|recommend|use|ask|do|try|find|notice|last|persist|return|improve|worsen|benefit|contain|"
    r"range|differ|present|progress|spread|recur|resolve|start|stop|continue|give|allow|prevent|reduce|work)\b"
)


def find_months(text: str) -> list[tuple[int, int]]:
    """Months named on their own: a date element that Safe Harbor removes ("IN JUNE", "LAST FEB", "JAN-MAR").

    Only after a date word such as "in", "since" or "last", or in a range of months: "MAR" is also a medication
    record, "DEC" decreased, and a month alone may be a label ("Expiry: February").

    >>> t = "ARRIVED FROM HAITI IN JUNE. DEC BS. MAR REVIEWED. PT MAY GO HOME. LAST FEB; JAN-MAR AT REHAB; Re: October."
    >>> [t[a:b] for a, b in find_months(t)]
    ['JUNE', 'FEB', 'JAN-MAR']
    """
    out = [(m.start(), m.end()) for m in scanner(_MONTH_RANGE, 3).finditer(text)]
    for m in scanner(_LONE_MONTH, 3).finditer(text):
        if any(a <= m.start() < b for a, b in out):
            continue
        if _MODAL_MAY.match(text, m.start()):
            continue  # "This may include", "THIS MAY BE": the verb, not the month
        if _MONTH_CUE.search(text, max(0, m.start() - 16), m.start()):
            out.append((m.start(), m.end()))
    return sorted(out)


_MONTH_YEAR = re.compile(r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?![\w/]|[.,]\d)")
_ORDINAL_AGE = re.compile(r"(?i)\b(?P<v>(?:9\d|1[0-4]\d)(?:st|nd|rd|th))\s+(?:birthday|b-?day)\b")
# "lived to 98", "died at 101", "turned 93": an age over 89 after a word of a life's span.
_LIFE_AGE = re.compile(
    r"(?i)\b(?:lived[ \t]+to(?:[ \t]+(?:be|the[ \t]+age[ \t]+of))?|died[ \t]+(?:at|aged)|passed[ \t]+away[ \t]+at|"
    r"turned|turns|reached)[ \t]+(?:the[ \t]+age[ \t]+of[ \t]+)?(?P<v>9\d|1[0-4]\d)\b"
    r"(?![.,]\d|[ \t]*(?:%|mg|kg|lb|bpm|deg|/|\u00b0))"
)
_AGE_LINE = re.compile(r"(?m)(?:^|(?<=[.;:]\s))[ \t]*(?P<v>9\d|1[0-4]\d)[ \t]?(?:[MF]|YO[MF]?|Y/?O)\b")
# "91M W/ ETOH", "93F WHO LIVES ALONE"; the profile adds its words ("92F S/P FALL").
_AGE_MF = r"\b(?P<v>9\d|1[0-4]\d)[ \t]?[MF]\b(?=[ \t]+(?i:{domain}w/|with|present|who|from|transferred|in|on|w\b))"
# "HUSBAND IS 92"; the profile adds its words for the person the records are about ("CUSTOMER IS 92").
_PERSON_AGE = (
    r"(?i)\b(?:{domain}he|she|they|who|i|mom|mum|dad|mother|father|aunt|uncle|grandma|grandpa|grandmother|grandfather|"
    r"nan|nana|granny|husband|wife|son|daughter|friend|neighbou?r|brother|sister|grandson|granddaughter|member|man|"
    r"woman|lady|gentleman|spouse|partner)(?:'s)?[ \t]+(?:is|was|turns|turned|turning|will\s+be|at)[ \t]+"
    r"(?:now[ \t]+|nearly[ \t]+|almost[ \t]+|over[ \t]+)?(?P<v>9\d|1[0-4]\d)\b(?![.,]\d|[ \t]*(?:%|mg|kg|lb|bpm|/))"
)


@dataclass(frozen=True)
class _Cues:
    """The date, dose and age cues of one profile, compiled once (see :func:`_build`)."""

    dash_before: re.Pattern[str]
    date_before: re.Pattern[str]
    date_after: re.Pattern[str]
    not_after: re.Pattern[str]
    not_before: re.Pattern[str]
    score_before: re.Pattern[str]
    strong_before: re.Pattern[str]
    holiday_before: re.Pattern[str]
    ordinal_day: re.Pattern[str]
    age_sex: re.Pattern[str]
    person_age: re.Pattern[str]


@lru_cache(maxsize=32)
def _build(
    date_cues: tuple[str, ...],
    strong_date_cues: tuple[str, ...],
    date_events: tuple[str, ...],
    not_date_after: tuple[str, ...],
    not_date_before: tuple[str, ...],
    age_cues: tuple[str, ...],
    subject_cues: tuple[str, ...],
) -> _Cues:
    """The core's cues with a profile's fragments added (see :class:`PIIProfile` for each field)."""
    cues = _slot(strong_date_cues + date_cues)
    either = _slot(strong_date_cues + date_cues + date_events)
    return _Cues(
        dash_before=re.compile(_DASH_CUE_BEFORE.format(domain=cues)),
        date_before=re.compile(_DATE_CUE_BEFORE.format(domain=either)),
        date_after=re.compile(_DATE_CUE_AFTER.format(domain=either)),
        not_after=re.compile(_NOT_DATE_AFTER.format(domain=_slot(not_date_after))),
        not_before=re.compile(_NOT_DATE_BEFORE.format(domain=_slot(not_date_before))),
        score_before=re.compile(_SCORE_BEFORE.format(domain=_slot(not_date_before))),
        strong_before=re.compile(_STRONG_DATE_BEFORE.format(domain=_slot(strong_date_cues))),
        holiday_before=re.compile(_HOLIDAY_CUE.format(domain=cues)),
        ordinal_day=re.compile(_ORDINAL_DAY_CUED.format(domain=_slot(not_date_after))),
        age_sex=re.compile(_AGE_MF.format(domain=_slot(age_cues))),
        person_age=re.compile(_PERSON_AGE.format(domain=_slot(subject_cues))),
    )


def _cues(profile: PIIProfile | None) -> _Cues:
    """The compiled cues of ``profile`` (``None``: the default registered profile)."""
    p = resolve_pii_profile(None) if profile is None else profile
    return _build(
        tuple(p.date_cues),
        tuple(p.strong_date_cues),
        tuple(p.date_events),
        tuple(p.not_date_after),
        tuple(p.not_date_before),
        tuple(p.age_cues),
        tuple(p.subject_cues),
    )


# An address after its label: "Postal address:\n12 Elm St\nSpringfield", "send it to\n…", "Venue: 43 Sunset Blvd".
_ADDRESS_LABEL = re.compile(
    r"(?im)(?:\b(?:(?:postal|delivery|billing|home|mailing|shipping|return|street|office|work|new|my|the)\s+)?"
    r"address(?:\s+on\s+file)?[ \t]*(?::|\bis\b)|\bvenue[ \t]*:|"
    r"(?:\bdeliver(?:y)?|\bship|\bsend\s+(?:it|them|the\s+[\w ]{1,20}))\s+to\b:?)[ \t]*(?P<nl>\n)?"
)
# Where an address on the label's line ends: a bar, a sentence that starts after it ("…, WI 97976. EPC rating C"),
# or a word that goes on with the sentence ("… 00100 Helsinki before Friday").
_ADDRESS_STOP = re.compile(
    r"[ \t]*\||\.[ \t]+(?=[A-Z][\w'-]*[ \t]+[a-z])|\.?$|,?[ \t]+(?=(?:before|after|on|by|until|till|tomorrow|today|"
    r"tonight|asap|please|thanks|thank|and|or|when|if|as|so|but|because|for|within|next|this|sometime)\b)",
    re.M,
)
_LABEL_LINE = re.compile(r"^[^\n]{0,30}?:(?:\s|$)|^[ \t]*$|^[ \t]*[-=_*]{2,}")
_PROSE_LINE = re.compile(r"^(?!.*\d)(?:.*\b[a-z][a-z]+\b){2}")


def _address_block(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The address that follows a label: the rest of the line, or up to three short lines after it."""
    start = m.end()
    if m.group("nl") is None:
        if start >= len(text) or not text[start].isalnum():
            return None
        stop = _ADDRESS_STOP.search(text, start)
        end = stop.start() if stop else len(text)
        return (start, end) if re.search(r"\d", text[start:end]) and end - start <= 120 else None
    end = start
    for line in text[start:].split("\n")[:3]:
        if len(line) > 60 or _LABEL_LINE.match(line) or _PROSE_LINE.match(line) or not any(c.isalnum() for c in line):
            break
        end += len(line) + 1
    end = min(end, len(text))
    while end > start and text[end - 1] in "\n \t":
        end -= 1
    return (start, end) if end > start and re.search(r"\d", text[start:end]) else None


def find_shaped(text: str, *, profile: PIIProfile | None = None) -> list[tuple[int, int, str]]:
    """Addresses after a label, handles, coded IDs, dates with non-English month names, "14.03.", holidays, ages > 89.

    ``profile`` adds its domain's cues of holidays and ages (default: the default registered profile).

    >>> t = "Ping @mikko_l re REQ-88123 on 12 de março de 2024 or 06.11.; 92F ADMITTED; her 95th birthday."
    >>> [t[a:b] for a, b, _ in find_shaped(t)]
    ['@mikko_l', 'REQ-88123', '12 de março de 2024', '06.11.', '92', '95th']
    >>> [label for _, _, label in find_shaped(t)]
    ['ID', 'ID', 'DATE', 'DATE', 'AGE', 'AGE']
    """
    c = _cues(profile)
    out: list[tuple[int, int, str]] = []
    if "@" in text:
        out += [(m.start(), m.end(), "ID") for m in _HANDLE.finditer(text)]
    out += [
        (m.start(), m.end(), "DATE")
        for m in _HOLIDAY.finditer(text)
        if c.holiday_before.search(text, max(0, m.start() - 16), m.start())
    ]
    if _DIGIT.search(text):  # every other shape holds a digit: most texts skip them all
        out += _digit_shapes(text, c)
    out += [(a, b, "DATE") for a, b in find_months(text)]
    return sorted(set(out))


def _digit_shapes(text: str, c: _Cues) -> list[tuple[int, int, str]]:
    """The shapes of :func:`find_shaped` that hold a digit (the caller checked there is one)."""
    out = [(*span, "ADDRESS") for m in _ADDRESS_LABEL.finditer(text) if (span := _address_block(text, m))]
    out += [(m.start(), m.end(), "ID") for m in _CODE_ID.finditer(text)]
    out += [(m.start(), m.end(), "DATE") for m in _INTL_DATE.finditer(text)]
    out += [(m.start(), m.end(), "DATE") for m in _DAY_MONTH_DOT.finditer(text)]
    out += [
        (m.start(), m.end(), "DATE")
        for m in _DAY_MONTH_DOT_SHORT.finditer(text)
        if _DATE_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
    ]
    if _OLD_AGE.search(text):  # the age shapes all hold an age over 89
        out += [(*m.span("v"), "AGE") for m in _LIFE_AGE.finditer(text)]
        out += [(*m.span("v"), "AGE") for m in _AGE_LINE.finditer(text)]
        out += [(*m.span("v"), "AGE") for m in _ORDINAL_AGE.finditer(text)]
        out += [(*m.span("v"), "AGE") for m in c.age_sex.finditer(text)]
        out += [(*m.span("v"), "AGE") for m in c.person_age.finditer(text)]
    out += [(m.start(), m.end(), "DATE") for m in _MONTH_YEAR.finditer(text)]
    out += [(m.start(), m.end(), "DATE") for m in _DAY_MON_DASH.finditer(text)]
    out += [(*m.span("v"), "DATE") for m in _ORDINAL_DAY.finditer(text)]
    out += [(*m.span("v"), "DATE") for m in c.ordinal_day.finditer(text)]
    return out
