"""Places named by where they stand in a sentence, not by their shape or a lexicon.

Employers, schools and clubs follow a word for working or studying ("WORKS AT FIDELITY", "works as a pilot for JetBlue",
"RETIRED FROM POLAROID", "student at Tufts"); wards and sites follow a word for moving someone ("TRANSFERRED TO
BAKER 4", "adm 3/30 from Southcoast"). The name is the run of words after the cue. In mixed case it is the run of
capitalised words; in capitals, where a capital says nothing, the run up to a function word, and then it must hold a
word outside the vocabulary or end in a ward number, so that "WORKS AT HOME" and "TRANSFERRED TO MICU" stay.

The domain adds its own words for moving someone through the profile's ``movements`` ("admitted", "d/c'd").
"""

from __future__ import annotations

import re
from functools import lru_cache

from medtune.cleaning.case import mostly_capitals
from medtune.cleaning.leads import scanner
from medtune.cleaning.lexicons import region_lexicon

__all__ = ["MOVEMENTS", "find_moved_places", "find_workplaces"]

#: Words for moving someone, in any domain; after one, "to", "from" or "on" names a place. Everyday verbs of going
#: ("went to Mass", "sent to Spam", "came from Nando's") are left out: what follows them is too often not a place.
MOVEMENTS: frozenset[str] = frozenset({"moved", "relocated", "transferred", "transfer", "transferring", "arrived"})
# Words for working or studying; the place follows "at", "for" or "from" ("employed by"). Job titles are left out:
# in bylines and bios ("Head Teacher at Spotify", "Analysts at Santander") they name a firm, not a person's place.
_WORK = (
    r"works?|worked|working|employed|employee|job|retired|volunteers?|volunteered|volunteering|studies|studied|"
    r"studying|enrolled|teaches|taught|intern(?:ed|ing)?|student"
)
_WORK_CUE = re.compile(
    rf"(?i)\b(?:{_WORK})\b(?:[ \t]+(?:as[ \t]+(?:an?[ \t]+)?)?[\w'/-]+){{0,3}}?"
    r"[ \t]+(?:at|for|from|(?<=employed )by)[ \t]+(?:the[ \t]+)?(?=[^\W\d_])"
)
# Function words and words that end a name ("WORKS AT FIDELITY IN BACK BAY", "at GE plant in Lynn").
_STOP = frozenset(
    """
    a an the in on at for from to of by with w/ and or but as since until till x after before during while when
    where who which that this his her their its my our your him them himself herself themselves is was were be been
    has had have will would can could may might should per via about over under than then there here now today
    tonight tomorrow yesterday yrs years year months days weeks
    """.split()  # noqa: SIM905
)
# Runs made only of these words are not names ("WORKS AT HOME", "worked for the city", "TRANSFERRED TO FLOOR").
_GENERIC = frozenset(
    """
    home night nights nightshift days weekends work school college university hospital hospitals clinic facility
    plant factory office company firm store shop mall farm warehouse construction site restaurant bar bank church
    city town state county government family himself herself myself years months weeks local same other another
    public private federal military army navy police fire department post floor unit ward room bed icu er ed ew or
    rehab rehabilitation nursing care center centre hospice shelter jail prison court base camp program monitor l&d
    """.split()  # noqa: SIM905
)
# A ward number after its name ("BAKER 4", "Phillips House 20"), not a dose, a rate or a time ("LEVO 0.05", "2L").
_WARD_NUMBER = re.compile(
    r"[ \t]+(?P<n>\d{1,2})(?![\w%/:]|[.,]\d|[ \t]*(?:l|mg|mcg|cc|ml|x|hrs?|h|min|am|pm|units?|%)\b)", re.IGNORECASE
)
_THEN_TO = re.compile(r"(?i)[ \t]+to[ \t]+(?:the[ \t]+)?(?=[^\W\d_])")
_GAP = re.compile(r"[ \t]+|[ \t]*&[ \t]*")
_TOKEN = re.compile(r"[^\W\d_][\w'\u2019.&-]*")


_WORK_STEMS = ("work", "employ", "job", "retire", "volunteer", "stud", "enrol", "teach", "taught", "intern")


@lru_cache(maxsize=16)
def _move_cue(movements: frozenset[str]) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The domain's movement words with the core's (lower case; also the cheap gate's substrings), and their cue."""
    words = tuple(sorted({w.lower() for w in MOVEMENTS | movements}, key=len, reverse=True))
    alternation = "|".join(re.escape(w) for w in words)
    return words, re.compile(
        rf"(?i)(?<![\w/'])(?:{alternation})(?![\w'])"
        r"(?:[ \t]+(?:back|here|over|\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?))?"
        r"[ \t]+(?:to|from|on|into)[ \t]+(?:the[ \t]+)?"
        r"(?=[^\W\d_])"
    )


def _words(text: str, start: int, vocab: frozenset[str], caps: bool) -> tuple[int, list[tuple[str, int, int]]]:
    """The words of a name that starts at ``start`` as ``(key, start, end)``, and where the words after it end.

    Up to four words, ended by a function word, a lower-case word (in mixed case) or punctuation.
    """
    end = start
    words: list[tuple[str, int, int]] = []
    pos = start
    while len(words) < 4:
        m = _TOKEN.match(text, pos)
        if not m:
            break
        word = m.group().rstrip(".")
        key = word.lower().removesuffix("'s").removesuffix("\u2019s")
        if key in _STOP or (not caps and not word[0].isupper()) or text.startswith("/", m.end()):
            break  # a function word, a lower-case word in mixed case, or "W/" ("ADMITTED FROM ED W/ SOB")
        if caps and words and key in vocab and key not in _GENERIC and any(k not in vocab for k, _, _ in words):
            break  # "FROM PERU HCP FORM": in capitals a known word after an unknown one ends the name
        end = m.start() + len(word)
        words.append((key, m.start(), end))
        if m.end() > end:  # "GE." ends a sentence ("St." too: a name stops there)
            break
        gap = _GAP.match(text, end)
        if not gap:
            break
        pos = gap.end()
    return end, words


def _run(text: str, start: int, vocab: frozenset[str], caps: bool, *, ward: bool) -> tuple[int, tuple[int, int] | None]:
    """Where the words after ``start`` end, and the name they make, if any.

    In capitals the words must hold one outside the vocabulary or, when ``ward``, end in a ward number.
    """
    end, words = _words(text, start, vocab, caps)
    keys = [k for k, _, _ in words]
    if not keys or all(k in _GENERIC for k in keys) or " ".join(keys) in region_lexicon():
        return end, None  # "WORKS AT HOME"; "ARRIVED FROM HAITI": a country or a state stays (Safe Harbor)
    number = _WARD_NUMBER.match(text, end) if ward else None
    if number:
        return number.end("n"), (start, number.end("n"))
    if all(k in vocab and (caps or text[a:b].isupper()) for k, a, b in words):
        return end, None  # "TRANSFERRED TO ICU", "WORKS AT FIDELITY", "to MICU": known words need a ward number
    while len(words) > 1 and len(words[-1][0]) <= 3 and (words[-1][0] in vocab or words[-1][0] in _GENERIC):
        words.pop()  # "FROM WINCHESTER HOSPITAL L&D", "CAMBRIDGE HOSPITAL ED": the department is not the name
    return words[-1][2], (start, words[-1][2])


def find_workplaces(text: str, vocab: frozenset[str], *, caps: bool | None = None) -> list[tuple[int, int]]:
    """Employers, schools and clubs after a word for working or studying.

    ``vocab``: lower-case common and domain words; in capitals a name must hold a word outside it. ``caps``: whether
    ``text`` is mostly capitals, when the caller already knows.

    >>> vocab = frozenset({"home", "business", "school", "harvard", "plant", "fidelity", "city"})
    >>> t = "Pt works as a pilot for JetBlue, at Logan. Retired from Polaroid in 2001. Works at home; works for the ED"
    >>> [t[a:b] for a, b in find_workplaces(t, vocab)]
    ['JetBlue', 'Polaroid']
    >>> t = "PT WORKS AT DUNKIN DONUTS PLANT IN CANTON. WIFE WORKS AT FIDELITY. WORKED 30 YRS AT GE."
    >>> [t[a:b] for a, b in find_workplaces(t, vocab)]
    ['DUNKIN DONUTS PLANT', 'GE']
    """
    low = text.lower()
    if not any(stem in low for stem in _WORK_STEMS):
        return []  # a cheap gate: most texts name no work or study
    caps = mostly_capitals(text) if caps is None else caps
    out = []
    for cue in scanner(_WORK_CUE, 3).finditer(text):
        _, span = _run(text, cue.end(), vocab, caps, ward=False)
        if span:
            out.append(span)
    return out


def find_moved_places(
    text: str, vocab: frozenset[str], movements: frozenset[str] = frozenset(), *, caps: bool | None = None
) -> list[tuple[int, int]]:
    """Wards and sites after a word for moving someone ("TRANSFERRED TO BAKER 4", "adm from Southcoast").

    ``movements``: the domain's own words for moving someone, besides :data:`MOVEMENTS`. In capitals a site must
    hold a word outside ``vocab`` or end in a ward number ("TRANSFERRED FROM CCU TO BAKER 4" keeps "CCU").

    >>> vocab = frozenset({"ccu", "micu", "floor", "white", "west", "levo"})
    >>> t = "PT TRANSFERRED FROM CCU TO BAKER 4 AT 1600. ADMITTED TO WHITE 6. SENT TO FLOOR. TITRATED TO LEVO 5."
    >>> [t[a:b] for a, b in find_moved_places(t, vocab, frozenset({"admitted"}))]
    ['BAKER 4', 'WHITE 6']
    >>> t = "Pt 66 M adm 3/30 from Southcoast. Transferred to the Floor 2 days ago."
    >>> [t[a:b] for a, b in find_moved_places(t, vocab, frozenset({"adm"}))]
    ['Southcoast']
    """
    words, cues = _move_cue(frozenset(movements))
    low = text.lower()
    if not any(w in low for w in words):
        return []  # a cheap gate: most texts move nobody
    caps = mostly_capitals(text) if caps is None else caps
    out = []
    for cue in cues.finditer(text):
        start = cue.end()
        while True:
            end, span = _run(text, start, vocab, caps, ward=True)
            if span:
                out.append(span)
            nxt = _THEN_TO.match(text, end)  # "FROM CCU TO BAKER 4": the place after "to" too
            if not nxt:
                break
            start = nxt.end()
    return out
