"""Identifiers with a shape that the patterns of :mod:`medtune.cleaning.pii` leave alone.

:func:`find_month_days`: month/day dates without a year (``3/14 FOUND BY DAUGHTER``, both ends of ``3/2-3/5``,
``SINCE 4-27``; not ``1/2 TAB``), after a date word or, with ``bare``, wherever they are not a dose, a setting or a
score; :func:`find_shaped`: addresses after a label, ``@handles``, coded IDs, month/year, ``26-DEC``, holidays,
dates with non-English month names, ``14.03.``, ordinal days and ages over 89 in note shorthand.
"""

from __future__ import annotations

import re

__all__ = ["MONTH_NAME", "find_month_days", "find_months", "find_shaped", "not_a_date"]

_MD = r"(?:(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])|(?:1[3-9]|2\d|3[01])/(?:1[0-2]|0?[1-9]))"  # m/d, or d/m
_MONTH_DAY = re.compile(rf"(?<![\w/.:-]){_MD}(?![\w/]|[.,:-]\d)")
_RANGE = re.compile(rf"(?<![\w/.:-])(?P<a>{_MD})[ \t]*(?:-|\u2013|to)[ \t]*(?P<b>{_MD})(?![\w/]|[.,:-]\d)")
_MONTH_DAY_DASH = re.compile(r"(?<![\w/.:-])(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])(?![\w/-]|[.,:]\d)")
# "SINCE 4-27", "CONSULTED ON 12-15": a dash pair is a range ("2-3 L", "Q4-6H") unless a date cue precedes it.
_DASH_CUE_BEFORE = re.compile(
    r"(?i)\b(?:on|since|dated?|from|until|till|admitted|seen|placed|filed|delivery|discharge|due|started|last|d/c'?d|"
    r"s/p|done|drawn|sent|collected|performed|scheduled|set\s+for|appt|appointment)\s*:?\s*$"
)
_FRACTIONS = frozenset({"1/2", "1/3", "2/3", "1/4", "3/4", "1/8", "3/8", "1/5", "1/6"})
_DATE_CUE_BEFORE = re.compile(
    r"(?i)(?:\b(?:on|since|from|to|until|till|thru|through|last|seen|admit(?:ted)?|adm|d/c(?:'?d)?|dc'?d|discharged?|"
    r"dated?|dob|born|by|due|started|began|begun|stopped|held|done|performed|scheduled|planned|for|of|"
    r"visit(?:ed)?|called|transferred|arrived|returned|bm|surgery|cxr|ct|mri|echo|cath|labs?|date|d|note|placed|"
    r"inserted|changed|removed|pulled|intubated|extubated|hd|dialysis|seizure|fall|fell|event|episode|diagnosed|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?,?:?\s*"
    r"|(?:^|\n)\s*)$"
)
_DATE_CUE_AFTER = re.compile(
    r"(?i)^\s*(?:-|\u2013|to|@|at\s+\d|\d{1,2}:\d{2}|\d{4}\b|found|admit|adm|visit|seen|call|note|event|episode|"
    r"cxr|ct|mri|echo|surgery|d/c|dc)"
)
_NOT_DATE_AFTER = re.compile(
    r"(?i)^\s*(?:tab|tabs|tablet|cap|dose|strength|str|scale|murmur|pain|of\s+(?:the|a|tab)|ns|pills?|mg|ml|cc|units?|"
    r"%|x\b|times|l\b|lpm|liters?|h\b|hrs?\b|hours?|days?|d\b|wks?\b|weeks?|mos?\b|months?|yrs?\b|years?|mins?\b|"
    r"minutes?|beats|breaths|sets|drops|puffs|doses|episodes|loose|bms?\b|people|persons|pts\b|patients)"
)
_NOT_DATE_BEFORE = re.compile(
    r"(?i)(?:\b(?:bp|strength|murmur|score|ratio|take|takes|gcs|grade|ps|peep|cpap|bipap|simv|ac|vent|settings?|"
    r"fio2)\s*:?\s*|/)$"
)
_SCORE_BEFORE = re.compile(r"(?i)\b(?:pain|cp|score|scale|rated?|level|relief|discomfort|ha|headache)\b")
_STRONG_DATE_BEFORE = re.compile(r"(?i)\b(?:on|since|dated?|dob|from|until|admitted|seen)\s*:?\s*$")


def find_month_days(text: str, *, bare: bool = False) -> list[tuple[int, int]]:
    """Month/day dates without a year ("SEEN ON 11/02", "3/14 FOUND BY DAUGHTER", "3/14-3/16").

    Only in a date context, unless ``bare``: clinical notes in capitals write dates with no cue at all
    ("3/14 CXR CLEAR", "LINE 2/2"), so there every month/day is taken except doses, settings and scores, ``24/7``,
    ratings (``4/5``) and the common fractions (``1/2``, ``3/4``…), which still need a cue. Both ends of a range are
    dates.

    >>> t = "3/14 FOUND BY DAUGHTER. SEEN ON 11/02. TAKE 1/2 TAB. PAIN 6/10. STRENGTH 4/5. 2/3-2/5 IN REHAB."
    >>> [t[a:b] for a, b in find_month_days(t)]
    ['3/14', '11/02', '2/3', '2/5']
    >>> t = "CXR 3/14 CLEAR. LINE 2/2. 1/2 NS. PAIN 4/10. STRENGTH 5/5. PSYCH 24/7."
    >>> [t[a:b] for a, b in find_month_days(t, bare=True)]
    ['3/14', '2/2']
    """
    out = []
    for m in _RANGE.finditer(text):
        if not (not_a_date(text, m.start(), m.end("a")) or _NOT_DATE_AFTER.match(text[m.end() : m.end() + 16])):
            out += [m.span("a"), m.span("b")]
    for m in _MONTH_DAY.finditer(text):
        if not_a_date(text, m.start(), m.end()):
            continue
        before = text[max(0, m.start() - 24) : m.start()]
        cued = _DATE_CUE_BEFORE.search(before) or _DATE_CUE_AFTER.match(text[m.end() : m.end() + 16])
        if cued or (bare and m.group() not in _FRACTIONS and m.group() != "24/7" and not m.group().endswith("/5")):
            out.append(m.span())
    for m in _MONTH_DAY_DASH.finditer(text):
        if _DASH_CUE_BEFORE.search(text[max(0, m.start() - 24) : m.start()]) and not _NOT_DATE_AFTER.match(
            text[m.end() : m.end() + 16]
        ):
            out.append(m.span())
    return sorted(set(out))  # "3/2 to 3/5": the range and the single dates find the same spans


def not_a_date(text: str, start: int, end: int, *, strict: bool = True) -> bool:
    """Whether the number pair ``text[start:end]`` ("1/2", "8/5", "3/10") is a dose, a setting or a score here.

    ``x/10`` is a score unless a date cue precedes it (``strict``, for the rules), or only when a score word does
    (for NER, whose context already said "date").
    """
    before = text[max(0, start - 24) : start]
    if _NOT_DATE_AFTER.match(text[end : end + 16]) or _NOT_DATE_BEFORE.search(before):
        return True
    if not text[start:end].endswith("/10"):
        return False
    return not _STRONG_DATE_BEFORE.search(before) if strict else bool(_SCORE_BEFORE.search(before))


# Identifiers with a shape the patterns of ``pii.py`` leave alone.
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
_ORDINAL_DAY = re.compile(
    r"(?i)\bthe[ \t]+(?P<v>(?:[12]?\d|3[01])(?:st|nd|rd|th))\b"
    r"(?=[ \t]*(?:$|[.,;:!?)\n]|(?:of|at|if|when|and|or|to|for|in|with|unless|pending)\b|@))"
)
_MONTHS_EN = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY_MON_DASH = re.compile(
    rf"(?i)(?<![\w/-])(?:(?:[12]?\d|3[01])-{_MONTHS_EN}(?:-(?:19|20)?\d\d)?|{_MONTHS_EN}-(?:[12]?\d|3[01]))(?![\w/-])"
)
# Holidays fix a date ("ADMITTED XMAS EVE", "home by Thanksgiving").
_HOLIDAY = re.compile(
    r"(?i)\b(?:(?:christmas|xmas|x-mas|new\s+year'?s)(?:\s+(?:eve|day))?|thanksgiving(?:\s+day)?|"
    r"easter(?:\s+sunday)?|halloween|valentine'?s\s+day|independence\s+day|labor\s+day|memorial\s+day|"
    r"july\s+4th|fourth\s+of\s+july)\b"
)
# A holiday is a date of someone's care after a cue ("ADMITTED XMAS EVE", "home by Thanksgiving"), not in "every
# Christmas Eve" or "happy Thanksgiving".
_HOLIDAY_CUE = re.compile(
    r"(?i)\b(?:on|since|by|until|till|before|after|over|admitted|adm|from|through|thru|fell|seen|last|this|"
    r"past|d/c'?d|discharged?|home\s+for)\s+(?:the\s+)?$"
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


def find_months(text: str) -> list[tuple[int, int]]:
    """Months named on their own: a date element that Safe Harbor removes ("IN JUNE", "LAST FEB", "JAN-MAR").

    Only after a date word such as "in", "since" or "last", or in a range of months: "MAR" is also a medication
    record, "DEC" decreased, and a month alone may be a label ("Expiry: February").

    >>> t = "ARRIVED FROM HAITI IN JUNE. DEC BS. MAR REVIEWED. PT MAY GO HOME. LAST FEB; JAN-MAR AT REHAB; Re: October."
    >>> [t[a:b] for a, b in find_months(t)]
    ['JUNE', 'FEB', 'JAN-MAR']
    """
    out = [(m.start(), m.end()) for m in _MONTH_RANGE.finditer(text)]
    for m in _LONE_MONTH.finditer(text):
        if any(a <= m.start() < b for a, b in out):
            continue
        if _MONTH_CUE.search(text, max(0, m.start() - 16), m.start()):
            out.append((m.start(), m.end()))
    return sorted(out)


_MONTH_YEAR = re.compile(r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}(?![\w/]|[.,]\d)")
_ORDINAL_AGE = re.compile(r"(?i)\b(?P<v>9\d|1[0-4]\d)(?:st|nd|rd|th)\s+birthday\b")
_AGE_LINE = re.compile(r"(?m)(?:^|(?<=[.;:]\s))[ \t]*(?P<v>9\d|1[0-4]\d)[ \t]?(?:[MF]|YO[MF]?|Y/?O)\b")
_AGE_MF = re.compile(
    r"\b(?P<v>9\d|1[0-4]\d)[ \t]?[MF]\b(?=[ \t]+(?i:w/|with|admitted|s/p|hx|present|who|from|transferred|in|on|w\b))"
)
_PERSON_AGE = re.compile(
    r"(?i)\b(?:he|she|they|who|i|mom|mum|dad|mother|father|aunt|uncle|grandma|grandpa|grandmother|grandfather|nan|nana|"
    r"granny|husband|wife|son|daughter|friend|neighbou?r|patient|pt|brother|sister|grandson|granddaughter|member|man|"
    r"woman|lady|gentleman|spouse|partner)(?:'s)?[ \t]+(?:is|was|turns|turned|turning|will\s+be|at)[ \t]+"
    r"(?:now[ \t]+|nearly[ \t]+|almost[ \t]+|over[ \t]+)?(?P<v>9\d|1[0-4]\d)\b(?![.,]\d|[ \t]*(?:%|mg|kg|lb|bpm|/))"
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


def find_shaped(text: str) -> list[tuple[int, int, str]]:
    """Addresses after a label, handles, coded IDs, dates with non-English month names, "14.03.", holidays, ages > 89.

    >>> t = "Ping @mikko_l re REQ-88123 on 12 de março de 2024 or 06.11.; 92F ADMITTED; her 95th birthday."
    >>> [t[a:b] for a, b, _ in find_shaped(t)]
    ['@mikko_l', 'REQ-88123', '12 de março de 2024', '06.11.', '92', '95']
    >>> [label for _, _, label in find_shaped(t)]
    ['ID', 'ID', 'DATE', 'DATE', 'AGE', 'AGE']
    """
    out = [(*span, "ADDRESS") for m in _ADDRESS_LABEL.finditer(text) if (span := _address_block(text, m))]
    out += [(m.start(), m.end(), "ID") for m in _HANDLE.finditer(text)]
    out += [(m.start(), m.end(), "ID") for m in _CODE_ID.finditer(text)]
    out += [(m.start(), m.end(), "DATE") for m in _INTL_DATE.finditer(text)]
    out += [(m.start(), m.end(), "DATE") for m in _DAY_MONTH_DOT.finditer(text)]
    out += [(*m.span("v"), "AGE") for m in _AGE_LINE.finditer(text)]
    out += [(*m.span("v"), "AGE") for m in _ORDINAL_AGE.finditer(text)]
    out += [(*m.span("v"), "AGE") for m in _AGE_MF.finditer(text)]
    out += [(*m.span("v"), "AGE") for m in _PERSON_AGE.finditer(text)]
    out += [(m.start(), m.end(), "DATE") for m in _MONTH_YEAR.finditer(text)]
    out += [(m.start(), m.end(), "DATE") for m in _DAY_MON_DASH.finditer(text)]
    out += [
        (m.start(), m.end(), "DATE")
        for m in _HOLIDAY.finditer(text)
        if _HOLIDAY_CUE.search(text, max(0, m.start() - 16), m.start())
    ]
    out += [(*m.span("v"), "DATE") for m in _ORDINAL_DAY.finditer(text)]
    out += [(a, b, "DATE") for a, b in find_months(text)]
    return sorted(set(out))
