"""Layered PII/PHI removal over every string of a record: the ``pii`` cleaner.

Several detectors run on every text and their spans are united (a missed identifier is a leak; a lost word is
only a cost):

1. patterns (:func:`medtune.cleaning.pii.find_pii`): e-mails, URLs, IPs, SSNs, labelled IDs, cards, dates, ages
   over 89, ZIPs, street addresses and names after a cue;
2. phone numbers valid in one of many regions (:func:`medtune.cleaning.phones.find_phones`);
3. month/day dates without a year in a date context ("SEEN ON 11/02", "3/14 FOUND BY DAUGHTER");
4. an NER model (:class:`medtune.cleaning.ner.NERDetector`) for names, places, facilities and dates;
5. a name lexicon (given names and surnames of 105 countries) for capitalised words that are neither common nor
   domain words.

Every string of the record is read: the text fields (or chat messages), ``id``, ``source``, ``category`` and every
string inside ``metadata`` (extra CSV columns land there). A metadata value under a key such as ``full_name``,
``ssn`` or ``phone`` is removed whole. A name or place found anywhere in a record is then removed from every field
of that record, wherever it appears again.

What the detectors may keep, and the domain's own cues, are a :class:`~medtune.cleaning.pii_profiles.PIIProfile`
(the medical plugin registers medicine's; see :mod:`medtune.cleaning.pii_profiles`). The core ships no domain words.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field

from medtune.cleaning.accounts import find_accounts
from medtune.cleaning.base import FIELD_ROLES, CleanerBase, Drop, Row
from medtune.cleaning.case import count_alpha, count_upper, mostly_capitals
from medtune.cleaning.eponyms import defined_acronyms, is_shaped_term, is_term_span, term_words
from medtune.cleaning.leads import scanner
from medtune.cleaning.lexicons import common_words, name_lexicon, place_lexicon, region_lexicon, strip_clitic
from medtune.cleaning.pii import (
    ENTITY_TYPES,
    TITLE_BEFORE,
    PIIMatch,
    Surrogates,
    find_pii,
    not_name_words,
    replace_matches,
)
from medtune.cleaning.pii_profiles import PIIOptions, PIIProfile, resolve_pii_profile
from medtune.cleaning.postal import find_addresses, grow_address, grow_place
from medtune.cleaning.roles import find_role_names
from medtune.cleaning.shapes import MONTH_NAME, find_month_days, find_shaped, not_a_date
from medtune.cleaning.subjects import find_header_names, find_speaker_names, find_subject_names
from medtune.cleaning.workplaces import find_moved_places, find_workplaces

__all__ = [
    "LABELS",
    "PROFILE_MODEL",
    "PIICleaner",
    "PIIConfig",
    "PIIProfile",
    "find_facilities",
    "find_lexicon_names",
    "find_lexicon_places",
    "make_pii",
    "ner_gate",
]

#: Every label the ``pii`` cleaner writes.
LABELS: tuple[str, ...] = (*ENTITY_TYPES, "LOCATION")


_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?:[-'\u2019][^\W\d_]+)*")


# Words that continue a place name ("Rosewood Park", "Mercy General Hospital") or open one ("St. Mary's", "University
# of Tampere"): an NER place is extended over them.
_PLACE_AFTER = re.compile(
    r"(?i)[ \t]+(?:(?:General|Memorial|Regional|Community|Medical|Children'?s|University|Skilled|Senior|Rehabilitation|"
    r"Health|Care|Nursing|Public|Primary|High|Elementary|Middle|Grammar)[ \t]+)*"
    r"(?:County|Hospital|Clinic|Rehab|Center|Centre|Memorial|Pavilion|Manor|Tower|Shelter|Nursing[ \t]+Home|Home|"
    r"House|Park|Hall|School|University|College|Academy|Institute|Club|Island|Museum|Village|Heights|Gardens|Square|"
    r"Stadium|Arena|Church|Cathedral|Library|Hotel|Inn|Lodge|Station|Airport|Market|Mall|Beach|Lake|Bay|Hospice|"
    r"Infirmary|Campus|Street|St|Road|Rd|Avenue|Ave|Lane|Drive|Boulevard|Way)\b\.?"
)
_PLACE_BEFORE = re.compile(
    r"(?i)(?:\b(?:St|Saint|Mount|Mt|Lake|Port|Fort|New|North|South|East|West|Upper|Lower|San|Santa|Sainte|"
    r"University\s+of|Hospital\s+of|City\s+of|Isle\s+of|Bank\s+of)\.?[ \t]+)$"
)
_NEXT_PLACE = re.compile(r"[ \t]*,?[ \t]*(?P<p>[A-Z][^\W\d_'\u2019.-]+(?:[ \t]+[A-Z][^\W\d_'\u2019.-]+)?)")
_INITIAL_BEFORE = re.compile(r"\b[A-Z]\.[ \t]*$")
_NAME_GAP = re.compile(r"[ \t]*(?:[A-Z]\.[ \t]*)?|[ \t]*-[ \t]*")


_ENDS_NUMBER = re.compile(r"\d[A-Za-z]?$")
_HAS_DIGIT = re.compile(r"\d")
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?"
_WEEKDAY_OPENING = re.compile(rf"(?i){_WEEKDAY}\b\.?,?[ \t]+(?:the[ \t]+)?")


def _next_place(text: str, b: int) -> int:
    """The end of a town right after a place ("Holy Family Hospital Methuen", "HEYWOOD HOSPITAL, GARDNER")."""
    m = _NEXT_PLACE.match(text, b)
    if not m:
        return b
    words = list(_WORD.finditer(m.group("p")))
    for n in range(len(words), 0, -1):
        end = m.start("p") + words[n - 1].end()
        if re.sub(r"\s+", " ", text[m.start("p") : end]).lower() in place_lexicon():
            return end
    return b


def _extend(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Grow places over the words that continue or open them, and names over initials; join name parts.

    A date loses a weekday that opens it ("Monday, 29 July 2024" -> "29 July 2024"): Safe Harbor removes the
    elements of a date, and a weekday is not one (our blind sets disagree on it: docs/benchmarks.md).
    """
    out = []
    for a, b, label in spans:
        if label == "DATE" and (m := _WEEKDAY_OPENING.match(text, a)) and m.end() < b:
            a = m.end()
        if label == "LOCATION":
            while (m := _PLACE_AFTER.match(text, b)) and m.group().strip()[0].isupper():
                b = m.end()
            m = _PLACE_BEFORE.search(text[max(0, a - 24) : a])
            if m and m.group()[0].isupper():
                a -= len(m.group())
            b = _next_place(text, b)
        elif label == "NAME":
            m = _INITIAL_BEFORE.search(text[max(0, a - 4) : a])
            if m:
                a -= len(m.group())
        out.append((a, b, label))
    out.sort()
    joined: list[tuple[int, int, str]] = []
    for a, b, label in out:
        if joined and label == "NAME" == joined[-1][2] and a >= joined[-1][1]:
            gap = text[joined[-1][1] : a]
            if _NAME_GAP.fullmatch(gap):
                joined[-1] = (joined[-1][0], max(b, joined[-1][1]), "NAME")
                continue
        joined.append((a, b, label))
    return joined


_VOWEL = re.compile(r"[AEIOUY]")
_BARE_MD = re.compile(r"\d{1,2}/\d{1,2}")
# ", 98," or "(93)" right after a name: an age over 89.
_AGE_AFTER = re.compile(
    r"[ \t]*[,(][ \t]*(?:who[ \t]+at[ \t]+|aged?[ \t]+)?(?P<v>9\d|1[0-4]\d)[ \t]*(?=[,)]|$|\.(?!\d)|;)"
)
_TITLE_DOT = re.compile(r"\b(?:MRS?|MS|MISS|Mrs?|Ms|Miss)\.?[ \t]+$|\b(?:DR|Dr)\.[ \t]+$")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\n]\s*|[\"(]\s*)$")


def find_lexicon_names(
    text: str, profile: PIIProfile, vocab: frozenset[str] | None = None, *, caps: bool | None = None
) -> list[tuple[int, int]]:
    """Capitalised words in the name lexicon that are neither vocabulary words nor domain terms.

    Only in mixed-case text, where a capital means something: the word must be capitalised (not all capitals) and
    must not open a sentence. In case-less text a lexicon hit is only a hint for NER (see :class:`PIICleaner`):
    clinical shorthand ("FOLEY", "ENDO", "CATH") is full of surnames. ``caps``: whether ``text`` is mostly
    capitals, when the caller already knows.
    """
    if mostly_capitals(text) if caps is None else caps:
        return []
    names = name_lexicon()
    vocab = _words(profile) if vocab is None else vocab
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        key = word.lower()
        if key.endswith(("'s", "\u2019s")):
            key = key[:-2]
        if len(key) < 3 or key not in names or key in vocab or key in profile.protected_terms:
            continue
        if key in profile.abbreviations:
            continue
        if not word[0].isupper() or word.isupper() or _SENTENCE_OPENING.search(text[max(0, m.start() - 3) : m.start()]):
            continue
        out.append(m.span())
    return out


def ner_gate(profile: PIIProfile) -> Callable[[str], bool]:
    """A sentence filter for NER: pass what may hold a name, a place or a date, skip the rest.

    A sentence goes to NER when it is case-less (no capitals, or mostly capitals: NER must decide), when a
    capitalised word is outside the vocabulary, or when a lower-case word is a lexicon name outside the vocabulary
    ("thanks mikko"). About two thirds of the sentences of ChatDoctor and MedQuAD skip NER this way.
    """
    names = name_lexicon()
    vocab = profile.vocabulary | profile.protected_terms | profile.abbreviations | not_name_words(profile)
    vocab |= common_words()

    keep = profile.keep_span
    kinds: dict[str, int] = {}  # word -> _PLAIN, _NAME or _CAPITALISED (a word's kind needs no context)

    def kind(word: str) -> int:
        if len(word) < 2 or (word.isupper() and (len(word) <= 4 or not _VOWEL.search(word))):
            return _PLAIN  # initials and acronyms in mixed-case text ("CT", "HIV", "NIDDK")
        key = strip_clitic(word.lower())
        if key in vocab:
            return _PLAIN
        if key in names:
            return _NAME
        return _CAPITALISED if word[0].isupper() else _PLAIN

    def gate(sentence: str) -> bool:
        upper = count_upper(sentence)
        if (upper == 0 and len(_WORD.findall(sentence)) >= 3) or upper > 0.5 * count_alpha(sentence):
            return True  # case-less: only NER can tell (a short lower-case string goes on to the word checks)
        if len(kinds) > 500_000:
            kinds.clear()
        for m in _WORD.finditer(sentence):
            word = m.group()
            k = kinds.get(word)
            if k is None:
                k = kinds[word] = kind(word)
            if k == _NAME or (k == _CAPITALISED and not (keep is not None and keep(sentence, m.start(), m.end()))):
                return True  # a name-like word, unless the domain knows it in context ("Alagille syndrome")
        return False

    return gate


_PLAIN, _NAME, _CAPITALISED = 0, 1, 2


_CAP_SEQ = re.compile(r"[^\W\d_][^\W\d_'\u2019.-]*(?:[ -][^\W\d_][^\W\d_'\u2019.-]*){0,2}")
# A weekday or a month: never a town, whatever the place lexicon holds ("born Mon, 16/12").
_CALENDAR = re.compile(rf"{_WEEKDAY}|{MONTH_NAME}")
# A locative word ("in", "from", "moved", "lives"…): each match ends where a place may start.
_PLACE_CUE_AHEAD = re.compile(
    r"(?i)\b(?:in|from|to|at|near|around|outside|visiting|visit|via|towards?|lives?|lived|living|based|born|moved|"
    r"city\s+of|town\s+of|village\s+of)\s+(?:the\s+)?(?=[^\W\d_])"
)


def find_lexicon_places(text: str, vocab: frozenset[str], *, caps: bool | None = None) -> list[tuple[int, int]]:
    """Capitalised place names of the place lexicon after a locative word ("moved to Tampere", "born in Paysandú").

    A single word must be outside the vocabulary; in capitals (``caps``: whether ``text`` is mostly capitals, when the
    caller already knows) every word must be. Accents may be left out ("Montreal" for "Montréal").

    >>> t = "We moved to Tampere in May, then flew from Buenos Aires to the Moon."
    >>> [t[a:b] for a, b in find_lexicon_places(t, frozenset({"moon", "may"}))]
    ['Tampere', 'Buenos Aires']
    """
    caps = mostly_capitals(text) if caps is None else caps
    places, folded, regions = place_lexicon(), _folded_places(), region_lexicon()
    out = []
    for cue in _PLACE_CUE_AHEAD.finditer(text):
        m = _CAP_SEQ.match(text, cue.end())
        if not m or not m.group()[0].isupper():
            continue
        words = m.group().split(" ")
        for n in range(len(words), 0, -1):  # the longest place name that starts here
            cand = " ".join(words[:n]).rstrip(".")
            key = cand.lower()
            if (key not in places and key not in folded) or _CALENDAR.fullmatch(key) or key in regions:
                continue  # "Montreal" for "Montréal"; not "born Mon, 16/12" nor "FROM MEXICO" (a country stays)
            if caps:  # in capitals a capital says nothing: every word must be outside the vocabulary
                if len(key) >= 4 and not any(w in vocab for w in key.split()):
                    out.append((m.start(), m.start() + len(cand)))
                    break
            elif n > 1 or key not in vocab or key not in places:  # a word only as the unaccented form of a place
                out.append((m.start(), m.start() + len(cand)))
                break
    return out


@lru_cache(maxsize=1)
def _folded_places() -> frozenset[str]:
    """The place lexicon without accents, as English text often writes them ("Montreal", "Bogota", "Sao Paulo")."""
    out = set()
    for place in place_lexicon():
        folded = "".join(c for c in unicodedata.normalize("NFKD", place) if not unicodedata.combining(c))
        if folded != place:
            out.add(folded)
    return frozenset(out)


# A facility's head noun; the capitalised words before it are its name ("Cape Cod Hospital", "MAPLE GROVE REHAB").
_FACILITY_HEAD = re.compile(
    r"(?i)(?<![\w-])(?:(?:medical|health|rehabilitation|rehab|nursing|cancer|dialysis|care)[ \t]+"
    r"(?:center|centre|ctr\.?)|"
    r"hospital|hosp\.|hosp|clinic|rehab|nursing[ \t]+home|healthcare|hospice|manor|pavilion|inn|shelter|"
    r"pharmacy|assisted[ \t]+living|home[ \t]+care|senior[ \t]+(?:living|services)|motel|"
    r"memorial(?![ \t]+day)|"
    # venues, schools and streets without a number ("Elm Golf Club", "Maple Primary", "Castle Street")
    r"(?-i:School|Elementary|Academy|College|University|Club|Centre|Hall|Stadium|Arena|Church|Cathedral|"
    r"Mosque|Temple|Synagogue|Parish|Library|Museum|Hotel|Brewery|Restaurant|Bistro|Caf[eé]|Pub|Bakery|Smokehouse|"
    r"Theatre|Theater|Cinema|Gallery|Studios?|Reserve|Common|Castle|Market|Mall|Station|Airport|Park|Gardens|"
    r"Street|Road|Avenue|Lane|Drive|Boulevard|Crescent|Terrace|Square))(?!\w)"
)
_FACILITY_WORD = re.compile(r"[^\W\d_][\w'\u2019.-]*")
# Up to four words right before a head: the candidates for its name.
_NAME_BEFORE = re.compile(rf"(?:{_FACILITY_WORD.pattern}[ \t]+){{1,4}}$")
# "FROM HOLY FAMILY " right before a head, in capitals: one to three words after a locative word.
_CAPS_LOCATIVE = re.compile(r"\b(?:FROM|TO|AT)[ \t]+(?:[A-Z][A-Z'\u2019.-]*[ \t]+){1,3}$")
_DEPARTMENT_HEAD = re.compile(r"(?i)clinic|.*(?:center|centre|ctr\.?)")
# Words that end a facility's name when read backwards from its head ("seen at | Mercy Hospital").
_FACILITY_STOP = frozenset(
    """
    the a an to from at in of on our this that his her their your my its and or for with by into via back is was
    were be been being has had have went sent called seen admitted transferred discharged
    """.split()  # noqa: SIM905
)
# Words a name may hold but cannot consist of ("ACUTE REHAB", "an outside hospital", "Community Hospital"), heads
# included ("JOHNSON MANOR NURSING HOME").
_FACILITY_GENERIC = frozenset(
    """
    local outside other same nearest previous prior new old acute inpatient outpatient subacute cardiac pulmonary
    stroke physical psychiatric psych state county community general medical teaching private public long term short
    rehab rehabilitation home care nursing skilled veterans va emergency room er ed icu unit floor ward
    hospital hosp clinic hospice manor pavilion inn shelter memorial center centre healthcare cancer dialysis
    primary secondary middle high elementary school academy college university club hall stadium arena church
    library museum hotel restaurant pub bakery theatre theater cinema gallery studio studios reserve common market
    mall station airport park gardens street road avenue lane drive boulevard crescent terrace square federal red
    rotary lions national royal city town main
    """.split()  # noqa: SIM905
)
_TITLES = frozenset(["dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir", "dame", "lord", "lady"])


def find_facilities(
    text: str, vocab: frozenset[str], domain: frozenset[str] = frozenset(), *, caps: bool | None = None
) -> list[tuple[int, int]]:
    """Named facilities: capitalised words before a head noun ("seen at Cape Cod Hospital", "TO BAYVIEW REHAB").

    The name is read backwards from the head up to a function word or a lower-case word. A name made only of generic
    words is not one ("the hospital", "ACUTE REHAB"); in capitals, where a capital says nothing, the name stops at a
    vocabulary word that is not a known place or name. A clinic or a centre named only by ``domain`` words is a
    department ("Renal Clinic", "Heart Failure Center"), not a place ("Tufts Medical Center"). ``caps``: whether
    ``text`` is mostly capitals, when the caller already knows.

    >>> vocab = frozenset({"cardiac", "cape", "cod", "outside", "renal", "tufts"})
    >>> t = "CT from Cape Cod Hospital. To acute Rehab. Seen in Renal Clinic, then at Tufts Medical Center."
    >>> [t[a:b] for a, b in find_facilities(t, vocab, domain=frozenset({"renal", "cardiac"}))]
    ['Cape Cod Hospital', 'Tufts Medical Center']
    >>> t = "D/C TO BAYVIEW REHAB; OUTSIDE HOSPITAL; PT TO CARDIAC REHAB; CAPE COD HOSPITAL; UMASS MEMORIAL"
    >>> [t[a:b] for a, b in find_facilities(t, vocab)]
    ['BAYVIEW REHAB', 'UMASS MEMORIAL']
    """
    caps = mostly_capitals(text) if caps is None else caps
    places, names = place_lexicon(), name_lexicon()
    out = []
    for head in scanner(_FACILITY_HEAD, 3).finditer(text):
        lo = max(0, head.start() - 80)
        m = _NAME_BEFORE.search(text, lo, head.start())
        if not m:
            continue
        start = None
        kept: list[str] = []
        located = bool(caps and _CAPS_LOCATIVE.search(text, lo, head.start()))
        for w in reversed(list(_FACILITY_WORD.finditer(m.group()))):
            word = w.group()
            key = strip_clitic(word.lower().rstrip("."))
            if not word[0].isupper() or key in _FACILITY_STOP:
                break
            if word.endswith(".") and len(word) > 3 and key not in _TITLES:
                break  # the end of the sentence before ("… Fiesta. Rainbow Street")
            plain = key in vocab and key not in _FACILITY_GENERIC and key not in places and key not in names
            if plain and caps and located:
                pass  # "TRANSFERRED FROM HOLY FAMILY HOSPITAL": right after "from", capitals name the place
            elif plain and (
                caps or _SENTENCE_OPENING.search(text[max(0, m.start() + w.start() - 3) : m.start() + w.start()])
            ):
                break  # in capitals, or opening a sentence ("Recommend rehab at…"), a capital says nothing
            start = m.start() + w.start()
            kept.append(key)
        if start is None or all(k in _FACILITY_GENERIC for k in kept) or kept[-1] in _TITLES:
            continue  # "Primary School", "the Lions Club"; "Dr. Park" is a name
        if _DEPARTMENT_HEAD.fullmatch(head.group()) and all(k in domain or k in _FACILITY_GENERIC for k in kept):
            continue  # "Renal Clinic", "Heart Failure Center": a department, not a place
        out.append((start, head.end()))
    return out


@lru_cache(maxsize=8)
def _words(profile: PIIProfile) -> frozenset[str]:
    """The profile's vocabulary with the common English words."""
    return profile.vocabulary | common_words()


# --- metadata ----------------------------------------------------------------------------------------------

#: Metadata keys whose whole value is an identifier, with the label it gets.
_KEY_LABELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), label)
    for p, label in (
        (r"e-?mail", "EMAIL"),
        (r"ssn|social.?security", "SSN"),
        (r"phone|tel(?:ephone)?$|mobile|cell|fax|pager", "PHONE"),
        (r"(?:^|_)(?:dob|birth|date_of_birth|birthday)", "DATE"),
        (r"address|street|city|town|zip|post.?code|residence", "LOCATION"),
        (r"(?:^|_)(?:passport|licen[cs]e|account|insurance|member_id|policy)", "ID"),
        (r"(?:^|_)(?:name|first.?name|last.?name|surname|doctor|nurse|contact|relative|author|user)(?:_|$)", "NAME"),
    )
)


def _key_labels(extra: Iterable[tuple[str, str]]) -> tuple[tuple[tuple[re.Pattern[str], ...], str], ...]:
    """The core's metadata keys with a profile's (``(label, regex)``) added to the label they name."""
    added: dict[str, list[re.Pattern[str]]] = {}
    for label, rx in extra:
        added.setdefault(label, []).append(re.compile(rx, re.IGNORECASE))
    out = [((rx, *added.pop(label, ())), label) for rx, label in _KEY_LABELS]
    return (*out, *((tuple(rxs), label) for label, rxs in added.items()))


def _key_label(key: str, labels: tuple[tuple[tuple[re.Pattern[str], ...], str], ...]) -> str | None:
    for rxs, label in labels:
        if any(rx.search(key) for rx in rxs):
            return label
    return None


def _metadata_strings(value: Any, path: tuple[Any, ...] = ()) -> Iterable[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _metadata_strings(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _metadata_strings(v, (*path, i))


def _set_path(value: Any, path: tuple[Any, ...], new: str) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _set_path(value[head], rest, new)}
    copy = list(value)
    copy[head] = _set_path(copy[head], rest, new)
    return copy


# --- the cleaner -------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
_PROPAGATE = frozenset({"NAME", "LOCATION", "ADDRESS", "EMAIL", "PHONE", "SSN", "ID", "URL", "CREDIT_CARD"})
_TEXT_KEYS = ("instruction", "input", "output")
_OTHER_KEYS = ("id", "source", "category")
#: A value of ``id``, ``source``, ``category`` or metadata with no whitespace and a digit or one of ``_/.:@#``: a
#: code, path or label such as ``medquad/8_NHLBI_QA_XML`` or a UMLS CUI ``C0221757``. Only the pattern rules read it
#: (an e-mail, an SSN, a phone as written, a URL), and its key (``patient_ssn``); the name and place finders, the NER
#: and the phone library would read a name or a phone number into its letters and digits. A single word
#: (``Horáková``) is read as text.
_CODE = re.compile(r"(?=\S*[\d_/.:@#])\S+")


class PIICleaner(CleanerBase):
    """Remove identifiers from every string of a record with patterns, phones, dates, NER and a name lexicon.

    Args:
        profile: The domain's words, cues and NER model (:class:`~medtune.cleaning.pii_profiles.PIIProfile`; default:
            the default registered profile, see :func:`~medtune.cleaning.pii_profiles.resolve_pii_profile`).
        entities: Labels to remove (default: all of :data:`LABELS`).
        replace: ``"placeholder"`` (``[NAME]``) or ``"surrogate"`` (fake values, consistent within a record).
        placeholder: Format of a placeholder; ``{label}`` is the label.
        fields: Text fields to clean (``instruction``, ``input``, ``output``; chat roles for chat records).
        other_fields: Whether ``id``, ``source``, ``category`` and ``metadata`` strings are cleaned too.
        lexicon: Whether the lexicons are signals: a place of the place lexicon after "in", "from", "moved to"…,
            and a name the NER model and the name lexicon agree on is never vetoed by a domain guard.
        lexicon_names: Whether a capitalised lexicon name alone (no NER, no cue) is removed. Off by default: on the
            general tuning set it added 0.006 name recall for 1.2 % more damage (brands and firms named after
            people: Ford, Cooper, Johnson & Johnson).
        ner: Whether the profile's NER model runs (when it has one).
        gate: Send only the sentences that may hold an identifier through NER (:func:`ner_gate`).
        batch_size: Texts per NER batch.

    Example:
        >>> c = PIICleaner(PIIProfile(), ner=False)
        >>> row = {"id": "1", "input": "I'm at ann@example.com, +358 40 123 4567.", "output": "Mail ann@example.com.",
        ...        "metadata": '{"user_ssn": "219-09-9999"}'}
        >>> out = c(row)
        >>> out["input"], out["output"], out["metadata"]
        ("I'm at [EMAIL], [PHONE].", 'Mail [EMAIL].', '{"user_ssn": "[SSN]"}')
    """

    name = "pii"
    # Not guaranteed: NER reads context, and a placeholder is new context ("ak0n l0rl11" -> "[NAME] l0rl11" ->
    # "[NAME] [NAME]" was found by the property tests). The patterns alone are idempotent.
    idempotent: ClassVar[bool] = False

    def __init__(
        self,
        profile: PIIProfile | None = None,
        *,
        entities: Iterable[str] | None = None,
        replace: Literal["placeholder", "surrogate"] = "placeholder",
        placeholder: str = "[{label}]",
        fields: Sequence[str] = _TEXT_KEYS,
        other_fields: bool = True,
        lexicon: bool = True,
        lexicon_names: bool = False,
        ner: bool = True,
        gate: bool = True,
        batch_size: int = 256,
    ) -> None:
        from medtune.errors import ConfigError

        self.profile = resolve_pii_profile(None) if profile is None else profile
        self.entities = frozenset(LABELS if entities is None else entities)
        unknown = sorted(self.entities - set(LABELS))
        if unknown:
            raise ConfigError(f"{self.name}: unknown entity type(s) {unknown}. Fix: use some of {list(LABELS)}")
        bad = [f for f in fields if f not in FIELD_ROLES]
        if bad:
            raise ConfigError(f"{self.name}: unknown field(s) {bad}. Fix: use some of {list(FIELD_ROLES)}")
        if replace not in ("placeholder", "surrogate"):
            raise ConfigError(f"{self.name}: replace={replace!r}. Fix: use 'placeholder' or 'surrogate'")
        self.replace = replace
        self.placeholder = placeholder
        self.fields = tuple(fields)
        self.other_fields = other_fields
        self.lexicon = lexicon
        self.lexicon_names = lexicon_names
        self._ner = None
        words = _words(self.profile)
        self._words = words
        if ner and self.profile.ner_model:
            from medtune.cleaning.ner import NERDetector

            self._ner = NERDetector(
                self.profile.ner_model,
                vocabulary=words,
                abbreviations=self.profile.abbreviations,
                batch_size=batch_size,
                gate=ner_gate(self.profile) if gate else None,
            )
        self._regex_vocab = words | self.profile.abbreviations
        self._domain = self.profile.vocabulary | self.profile.abbreviations
        self._key_labels = _key_labels(self.profile.metadata_keys)
        shape = self.profile.strong_term_shape
        self._term_shape = re.compile(shape) if shape else None

    # --- finding ---------------------------------------------------------------------------------------

    def _ner_noise(self, text: str, a: int, b: int, label: str) -> bool:
        """NER spans that are most likely not identifiers.

        A single common English word that is not a name or a place ("Message", "Discharge", "BOYFRIEND", "café"),
        unless a title precedes it; a bare month/day in a context that makes it a dose, a setting or a score.
        """
        value = text[a:b]
        if label == "DATE":  # "1/2 TAB", "PS 8/5", "PAIN 6/10": a dose, a setting or a score, whatever NER says
            return bool(_BARE_MD.fullmatch(value)) and not_a_date(text, a, b, strict=False, profile=self.profile)
        words = _WORD.findall(value)
        if label == "NAME" and value.islower() and self._known_words(words) and _proper_case(text):
            return True  # "neutrophilic asthmatics": a word in lower case where sentences open with capitals
        if len(words) != 1:
            return False
        key = strip_clitic(words[0].lower())
        lexicon = name_lexicon() if label == "NAME" else place_lexicon()
        if key not in common_words() or key in lexicon:
            return False
        return not TITLE_BEFORE.search(text[max(0, a - 12) : a])

    def _known_words(self, words: list[str]) -> bool:
        """Whether every word is a common or domain word, or the plural of one ("asthmatics"); names are not."""
        return bool(words) and all(
            (k := strip_clitic(w.lower())) in self._words or (k.endswith("s") and k[:-1] in self._words) for w in words
        )

    def _caps_words(self, value: str) -> bool:
        """Whether ``value`` is in capitals and made of known words or abbreviations, none of them a name."""
        if not value.isupper():
            return False
        names = name_lexicon()
        keys = [strip_clitic(w.lower()) for w in _WORD.findall(value)]
        return bool(keys) and all((k in self._regex_vocab or len(k) <= 3) and k not in names for k in keys)

    def _lexicon_name(self, value: str) -> bool:
        names = name_lexicon()
        return any((k := strip_clitic(w.lower())) in names and k not in self._words for w in _WORD.findall(value))

    def _weak_kept(self, text: str, start: int, end: int) -> bool:
        words = [w.strip(".,;:'\u2019\"()").lower() for w in text[start:end].split()]
        words = [re.sub(r"(?:'s|\u2019s)$", "", w) for w in words if w]
        if words and all(w in self.profile.protected_terms for w in words):
            return True
        return self.profile.keep_span is not None and self.profile.keep_span(text, start, end)

    def _grow_street(self, text: str, a: int, b: int, label: str) -> tuple[int, int, str]:
        """A street that NER or a pattern found ("Arnesenalléen 57"), grown over its postcode and town after it."""
        if label not in ("ADDRESS", "LOCATION") or not _HAS_DIGIT.search(text, a, b):
            return a, b, label
        grow = grow_address if _ENDS_NUMBER.search(text, a, b) else grow_place
        start, end = grow(text, a, b, self._words)
        return (start, end, "ADDRESS") if end > b else (a, b, label)

    def find_codes(self, codes: Sequence[str]) -> list[list[PIIMatch]]:
        """Identifiers in values with no whitespace outside the text fields: the pattern rules only (see ``_CODE``)."""
        out = []
        for code in codes:
            found = find_pii(code, None, self.profile.protected_terms, self._regex_vocab, profile=self.profile)
            out.append(_merge(code, [(m.start, m.end, m.label) for m in found], self.entities))
        return out

    def find_texts(
        self, texts: Sequence[str], ner_spans: Sequence[Sequence[tuple[int, int, str]]] | None = None
    ) -> list[list[PIIMatch]]:
        """Identifiers in each text of one record, before propagation across the record's fields."""
        out = []
        for i, text in enumerate(texts):
            cands: list[tuple[int, int, str, bool]] = []  # (start, end, label, strong)
            for m in find_pii(text, None, self.profile.protected_terms, self._regex_vocab, profile=self.profile):
                if m.label == "NAME" and self._caps_words(m.text) and not _TITLE_DOT.search(text, 0, m.start):
                    continue  # "DR AWARE", "DP/PT BILAT": words in capitals after a cue ("MS. LAMB" is a name)
                if m.label == "ADDRESS":
                    cands.append((*grow_address(text, m.start, m.end, self._words), "ADDRESS", True))
                    continue
                cands.append((m.start, m.end, m.label, True))
            cands += [(a, b, "PHONE", True) for a, b in _phones(text)]
            cands += [(a, b, "ADDRESS", True) for a, b in find_addresses(text, self._words)]
            cands += [(a, b, "ID", True) for a, b in find_accounts(text, self._regex_vocab)]
            caps = mostly_capitals(text)  # once for the four finders that read capitals differently
            p = self.profile
            roles = find_role_names(text, p.roles, self._regex_vocab, caps=caps, not_credentials=p.not_credentials)
            cands += [(a, b, "NAME", False) for a, b in roles]
            subjects = find_subject_names(text, self._regex_vocab, p.predicates, profile=p)
            cands += [(a, b, "NAME", False) for a, b in subjects]
            cands += [(a, b, "NAME", False) for a, b in find_header_names(text, self._regex_vocab, profile=p)]
            cands += [(a, b, "NAME", False) for a, b in find_speaker_names(text, self._regex_vocab)]
            cands += [(a, b, "DATE", True) for a, b in find_month_days(text, bare=True, profile=p)]
            cands += [(a, b, label, True) for a, b, label in find_shaped(text, profile=p)]
            ner = ner_spans[i] if ner_spans is not None else []
            lex = find_lexicon_names(text, self.profile, self._words, caps=caps) if self.lexicon_names else []
            for a, b, label in ner:  # NER and the lexicon agreeing is a strong signal: no domain guard vetoes it
                if self._ner_noise(text, a, b, label):
                    continue
                cands.append((a, b, label, label == "NAME" and self._lexicon_name(text[a:b])))
            cands += [(a, b, "NAME", False) for a, b in lex]
            if self.lexicon:
                cands += [(a, b, "LOCATION", False) for a, b in find_lexicon_places(text, self._words, caps=caps)]
                cands += [
                    (a, b, "LOCATION", False)
                    for a, b in find_facilities(text, self._regex_vocab, self._domain, caps=caps)
                ]
                cands += [(a, b, "LOCATION", False) for a, b in find_workplaces(text, self._regex_vocab, caps=caps)]
                cands += [
                    (a, b, "LOCATION", False)
                    for a, b in find_moved_places(text, self._regex_vocab, self.profile.movements, caps=caps)
                ]
            kept = [(a, b, label) for a, b, label, strong in cands if strong or not self._weak_kept(text, a, b)]
            kept = [self._grow_street(text, a, b, label) for a, b, label in kept]
            kept = _extend(text, kept)
            kept += [
                (*m.span("v"), "AGE") for _, b, label in kept if label == "NAME" if (m := _AGE_AFTER.match(text, b))
            ]
            out.append(_merge(text, kept, self.entities))
        return out

    def _record_texts(self, row: Row) -> list[tuple[tuple[Any, ...], str, str | None]]:
        """``(where, text, key_label)`` for every string of the row that is cleaned."""
        items: list[tuple[tuple[Any, ...], str, str | None]] = []
        if "messages" in row:
            roles = {FIELD_ROLES[f] for f in self.fields}
            for j, m in enumerate(row["messages"]):
                if m.get("role") in roles and isinstance(m.get("content"), str):
                    items.append((("messages", j), m["content"], None))
        else:
            for f in self.fields:
                if isinstance(row.get(f), str):
                    items.append(((f,), row[f], None))
        if self.other_fields:
            for key in _OTHER_KEYS:
                if isinstance(row.get(key), str) and row[key]:
                    items.append(((key,), row[key], None))
            meta = _parse_metadata(row.get("metadata"))
            raw = row.get("metadata")
            if meta is None and isinstance(raw, str) and raw.strip():
                items.append((("metadata_text",), raw, None))  # not JSON: cleaned as one string, never skipped
            if meta is not None:
                for path, value in _metadata_strings(meta):
                    label = next(
                        (_key_label(str(k), self._key_labels) for k in reversed(path) if isinstance(k, str)), None
                    )
                    items.append((("metadata", *path), value, label))
        return items

    def find_rows(self, rows: Sequence[Row]) -> list[list[tuple[tuple[Any, ...], str, list[PIIMatch]]]]:
        """For each row: every cleaned string with the identifiers to remove from it (after propagation)."""
        per_row = [self._record_texts(r) for r in rows]
        # Each distinct string is analysed once per batch: instructions, sources and metadata values repeat.
        texts = list(dict.fromkeys(t for items in per_row for where, t, _ in items if not _is_code(where, t)))
        full = set(texts)
        codes = list(dict.fromkeys(t for items in per_row for _, t, _ in items if t not in full))
        ner = self._ner.find_batch(texts) if self._ner is not None else None
        found_once = dict(zip(texts, self.find_texts(texts, ner)))
        found_once.update(zip(codes, self.find_codes(codes)))
        out = []
        terms_once: dict[str, frozenset[str]] = {}  # a record's terms are the union of its strings' terms
        for items in per_row:
            texts = [t for _, t, _ in items]
            found = [list(found_once[t]) for t in texts]
            for k, (_, text, key_label) in enumerate(items):
                if key_label and key_label in self.entities and text.strip() and not _PLACEHOLDER.fullmatch(text):
                    found[k] = [PIIMatch(0, len(text), key_label, text)]
            for t in texts:
                if t not in terms_once:
                    terms_once[t] = term_words([t], self.profile.term_heads, self._words) | defined_acronyms([t])
            terms = frozenset().union(*(terms_once[t] for t in texts))
            found = self._drop_terms(texts, found, terms)
            found = self._drop_terms(texts, _propagate(texts, found, self.entities, self._words), terms)
            out.append([(where, text, matches) for (where, text, _), matches in zip(items, found)])
        return out

    def _drop_terms(
        self, texts: Sequence[str], found: list[list[PIIMatch]], terms: frozenset[str]
    ) -> list[list[PIIMatch]]:
        """Drop names and places made only of the words of the record's domain terms.

        "Wilson" of "Wilson disease", "Kidney Biopsy", "Polyendocrinopathy-Candidiasis": see
        :mod:`medtune.cleaning.eponyms`.
        """
        heads = self.profile.term_heads
        if not heads and not terms:
            return found
        return [
            [
                m
                for m in matches
                if m.label not in ("NAME", "LOCATION")
                or not (
                    is_term_span(text, m.start, m.end, terms, heads, self._words)
                    or is_shaped_term(text, m.start, m.end, self._term_shape, self._words)
                )
            ]
            for text, matches in zip(texts, found)
        ]

    # --- replacing -------------------------------------------------------------------------------------

    def clean_batch(self, rows: Sequence[Row]) -> list[Row | Drop]:
        """Clean every string of every row; one NER pass over the whole batch."""
        results: list[Row | Drop] = []
        for row, items in zip(rows, self.find_rows(rows)):
            surrogates = Surrogates()
            if self.replace == "placeholder":
                rep: Callable[[PIIMatch], str] = lambda m: self.placeholder.format(label=m.label)  # noqa: E731
            else:
                rep = lambda m, s=surrogates: s(m.label, m.text)  # noqa: E731
            new = row
            meta = None
            for where, text, matches in items:
                if not matches:
                    continue
                cleaned = replace_matches(text, matches, rep)
                if where[0] == "metadata":
                    meta = _set_path(
                        meta if meta is not None else _parse_metadata(row.get("metadata")), where[1:], cleaned
                    )
                    continue
                if new is row:
                    new = dict(row)
                if where[0] == "metadata_text":
                    new["metadata"] = cleaned
                elif where[0] == "messages":
                    msgs = list(new["messages"])
                    msgs[where[1]] = {**msgs[where[1]], "content": cleaned}
                    new["messages"] = msgs
                else:
                    new[where[0]] = cleaned
            if meta is not None:
                if new is row:
                    new = dict(row)
                raw = row.get("metadata")
                new["metadata"] = json.dumps(meta, ensure_ascii=False) if isinstance(raw, str) else meta
            results.append(new)
        return results

    def __call__(self, row: Row) -> Row | Drop:
        """Clean one row."""
        return self.clean_batch([row])[0]

    def clean_text(self, text: str) -> str:
        """Clean one string (convenience; pipelines clean whole records)."""
        out = self.clean_batch([{"input": text}])[0]
        assert isinstance(out, dict)
        return out["input"]


# --- helpers -----------------------------------------------------------------------------------------------


def _phones(text: str) -> list[tuple[int, int]]:
    from medtune.cleaning.phones import find_phones

    return find_phones(text)


def _parse_metadata(raw: Any) -> Any:
    if isinstance(raw, dict):
        return raw
    if isinstance(raw, str) and raw.strip():
        try:
            return json.loads(raw)
        except ValueError:
            return None
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Shrink a span to its words: no surrounding spaces or punctuation, no placeholder inside at the edges."""
    while a < b and not (text[a].isalnum() or text[a] in "+("):
        a += 1
    while b > a and not (text[b - 1].isalnum() or text[b - 1] in ")."):
        b -= 1
    if b > a and text[b - 1] == "." and not re.search(r"\b[A-Za-z]{1,3}\.$", text[a:b]):
        b -= 1
    return a, b


def _is_code(where: tuple[Any, ...], text: str) -> bool:
    """A value outside the text fields that is a code, not words (see ``_CODE``)."""
    return where[0] in (*_OTHER_KEYS, "metadata") and _CODE.fullmatch(text) is not None


def _merge(text: str, spans: Iterable[tuple[int, int, str]], wanted: frozenset[str]) -> list[PIIMatch]:
    """Unite overlapping spans (the union is removed); a merged span keeps the label of its longest part."""
    cands = []
    for a, b, label in spans:
        if label not in wanted:
            continue
        a, b = _trim(text, a, b)
        if b <= a or _PLACEHOLDER.fullmatch(text[a:b]):
            continue
        cands.append((a, b, label))
    cands.sort()
    merged: list[list[Any]] = []
    for a, b, label in cands:
        if merged and a < merged[-1][1]:
            last = merged[-1]
            if b - a > last[3]:
                last[2], last[3] = label, b - a
            last[1] = max(last[1], b)
            continue
        merged.append([a, b, label, b - a])
    return [PIIMatch(a, b, label, text[a:b]) for a, b, label, _ in merged]


_SENTENCE_START = re.compile(r"(?:^|[.!?][ \t\n]+)[\"'(\[]*([^\W\d_])")


def _proper_case(text: str) -> bool:
    """Whether ``text`` is prose that capitalises every sentence (two or more) and is not mostly capitals.

    Whoever capitalises every sentence capitalises names too, so a word in lower case is no name there.
    """
    starts = _SENTENCE_START.findall(text)
    return len(starts) >= 2 and all(c.isupper() for c in starts) and not mostly_capitals(text)


def _lower_source(value: str, found: list[list[PIIMatch]]) -> bool:
    """Whether ``value`` was found in lower case itself, as a whole word (a lower-case name, as in chat logs)."""
    word = re.compile(rf"(?<!\w){re.escape(value)}(?!\w)")
    return any(word.search(m.text) for matches in found for m in matches)


def _occurrences(text: str, ordered: Sequence[str]) -> list[tuple[int, int]]:
    r"""Where the lower-case ``ordered`` values stand in ``text`` as whole words, case-blind, leftmost and longest.

    The spans of ``re.finditer`` with the case-blind alternation of ``ordered`` (in that order) between
    ``(?<![\w@.])`` and ``(?!\w)``; for ASCII text and values by plain substring search (no regex to compile per
    record), else by that regex.

    >>> _occurrences("Ann Lee met ANN; anna and lee.", ["ann lee", "ann", "lee"])
    [(0, 7), (12, 15), (26, 29)]
    """
    if not (text.isascii() and all(v.isascii() for v in ordered)):
        rx = _alternation(tuple(ordered))
        return [m.span() for m in rx.finditer(text)]
    lower = text.lower()
    found = []
    for rank, value in enumerate(ordered):
        a = lower.find(value)
        while a != -1:
            b = a + len(value)
            before = text[a - 1] if a else " "
            if not (_word_char(before) or before in "@.") and (b == len(text) or not _word_char(text[b])):
                found.append((a, rank, b))
            a = lower.find(value, a + 1)
    found.sort()
    out, pos = [], 0
    for a, _, b in found:
        if a >= pos:  # the first value in order wins at a start, as in the alternation
            out.append((a, b))
            pos = b
    return out


def _word_char(ch: str) -> bool:
    r"""Whether an ASCII character is ``\w``."""
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=64)
def _alternation(ordered: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w@.])(?:" + "|".join(re.escape(v) for v in ordered) + r")(?!\w)", re.IGNORECASE)


def _propagate(
    texts: Sequence[str], found: list[list[PIIMatch]], wanted: frozenset[str], words: frozenset[str] = frozenset()
) -> list[list[PIIMatch]]:
    """Remove every value found in one string of a record wherever it appears in the record's other strings.

    A single word of a longer name is carried over only if it is no common or domain word (``words``): "Smith" of
    "Anna Smith" is, "Kidney" of a name NER saw in "Kidney Biopsy" is not.
    """
    values: dict[str, str] = {}
    for matches in found:
        for m in matches:
            if m.label not in _PROPAGATE:
                continue
            value = m.text.strip()
            if len(value) >= 3:
                values.setdefault(value.lower(), m.label)
            if m.label == "NAME":
                for w in _WORD.findall(value):
                    if len(w) >= 3 and w[0].isupper() and strip_clitic(w.lower()) not in words:
                        values.setdefault(w.lower(), "NAME")
    if not values:
        return found
    ordered = sorted(values, key=len, reverse=True)
    out = []
    for text, matches in zip(texts, found):
        extra = []
        for a, b in _occurrences(text, ordered):
            value = text[a:b]
            label = values[value.lower()]
            if label in ("NAME", "LOCATION") and not value[0].isupper() and not _lower_source(value, found):
                continue  # "Brown" was a name; "brown urine" is not
            extra.append((a, b, label))
        if not extra:
            out.append(matches)
            continue
        out.append(_merge(text, [(m.start, m.end, m.label) for m in matches] + extra, wanted))
    return out


# --- options and factory -------------------------------------------------------------------------------------

#: The ``model`` of ``pii`` that means: the NER model of the profile (the neutral profile has none).
PROFILE_MODEL = "builtin"


class PIIConfig(PIIOptions):
    """Options of ``pii``, the layered PII cleaner."""

    model: str | None = Field(
        PROFILE_MODEL,
        description="NER model: 'builtin' (the profile's model; the neutral profile has none), an installed spaCy "
        "package or a path; null: no NER.",
    )
    entities: list[str] | None = Field(None, description="Labels to remove (default: all).")
    other_fields: bool = Field(True, description="Also clean id, source, category and every metadata string.")
    lexicon: bool = Field(True, description="Places of the place lexicon after a cue; NER + name lexicon is strong.")
    lexicon_names: bool = Field(False, description="Remove a capitalised lexicon name with no other signal.")
    ner_gate: bool = Field(True, description="Skip NER on sentences that cannot hold a name, a place or a date.")
    batch_size: int = Field(256, ge=1, le=10_000)
    protected_terms: list[str] = Field(default_factory=list, description="Extra words never removed on a weak signal.")


def make_pii(cfg: PIIConfig | None = None) -> PIICleaner:
    """Build the layered PII cleaner with its profile (vocabulary, protected terms, abbreviations, cues, model).

    Raises:
        ConfigError: An unknown entity type or profile, or a model path that is not a directory (before any work).
    """
    import dataclasses

    from medtune.errors import ConfigError

    cfg = cfg or PIIConfig()
    if cfg.entities is not None:
        unknown = [e for e in cfg.entities if e not in LABELS]
        if unknown:
            raise ConfigError(f"pii: unknown entity type(s) {unknown}. Fix: use some of {list(LABELS)}")
    profile = cfg.pii_profile()
    model = profile.ner_model if cfg.model == PROFILE_MODEL else cfg.model
    if model is not None and ("/" in model or "\\" in model) and not Path(model).is_dir():
        raise ConfigError(
            f"pii: model {model!r} is not a directory. Fix: pass the directory of a spaCy model, an installed spaCy "
            "package name, 'builtin' (the profile's model) or null (rules only)."
        )
    if model != profile.ner_model:
        profile = dataclasses.replace(profile, ner_model=model)
    return PIICleaner(
        profile,
        entities=cfg.entities,
        replace=cfg.replace,
        placeholder=cfg.placeholder,
        fields=cfg.fields,
        other_fields=cfg.other_fields,
        lexicon=cfg.lexicon,
        lexicon_names=cfg.lexicon_names,
        gate=cfg.ner_gate,
        batch_size=cfg.batch_size,
    )
