"""Fast regex removal of personal identifiers (the pattern-detectable HIPAA Safe Harbor identifiers).

Covers e-mail addresses, URLs, IP addresses, phone and fax numbers (North American, international and
context-marked), SSNs, account/licence/insurance-style IDs after a label (``Account no: 12345``), Luhn-valid
credit-card numbers (12-digit Maestro included), dates more precise than a year, ages over 89 (with a unit, after
"aged"/"she is", or bare after a name: ``Shawn Carroll, 91,``), ZIP codes (ZIP+4, after a state or a label), street
addresses with their city, PO boxes, and names introduced by a cue (``Dr. Smith``, ``my name is Ann``, ``I'm Ann
Lee``, ``Thanks, Tom``, ``Name: LORI DUNN``). Names and places in free text need NER: see
:mod:`medtune.cleaning.presidio`.

The cues here are domain-neutral English. A :class:`~medtune.cleaning.pii_profiles.PIIProfile` adds a domain's:
the words for the person the records are about, labels of its identifiers, words that are never names… (see
:func:`find_pii`; without a profile the default registered one is used).

Domain words are protected: a name candidate made only of protected terms (eponyms, product or drug names) or of
common English words is left alone. Weak cues ("I'm", "Thanks,", "my son") and words in capitals need a
``vocabulary`` of common and domain words to tell a name from an ordinary word ("I'm Diabetic", "DR THINKS");
without one only strong cues (titles, introductions, signatures) are used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Literal

from pydantic import Field

from medtune.cleaning.base import TextCleaner
from medtune.cleaning.leads import LeadScanner, scanner
from medtune.cleaning.pii_profiles import PIIOptions, PIIProfile, resolve_pii_profile

__all__ = [
    "ENTITY_TYPES",
    "PIIMatch",
    "PIIRegexConfig",
    "RegexPIICleaner",
    "Surrogates",
    "find_pii",
    "luhn_valid",
    "make_pii_regex",
    "not_name_words",
    "replace_matches",
]

#: Every entity label the regex cleaner knows, in priority order (earlier wins a tie).
ENTITY_TYPES: tuple[str, ...] = (
    "EMAIL",
    "URL",
    "IP_ADDRESS",
    "CREDIT_CARD",
    "SSN",
    "ID",
    "PHONE",
    "DATE",
    "AGE",
    "ADDRESS",
    "ZIP",
    "NAME",
)


@dataclass(frozen=True)
class PIIMatch:
    """One identifier found in a text: ``text[start:end]`` is the value, ``label`` its type."""

    start: int
    end: int
    label: str
    text: str


def luhn_valid(digits: str) -> bool:
    """Whether a string of digits passes the Luhn checksum (credit cards).

    >>> luhn_valid("4111111111111111"), luhn_valid("4111111111111112")
    (True, False)
    """
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# --- patterns --------------------------------------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# US states, DC and the territories with ZIP codes (AS, FM, GU, MH, MP, PR, PW, VI).
_STATES = (
    r"(?:A[KLRSZ]|C[AOT]|D[CE]|F[LM]|G[AU]|HI|I[ADLN]|K[SY]|LA|M[ADEHINOPST]|N[CDEHJMVY]|O[HKR]|P[ARW]|RI|S[CD]|"
    r"T[NX]|UT|V[AIT]|W[AIVY])"
)
# USPS street suffixes (Publication 28), full words and common abbreviations; singular and plural.
_STREET = (
    r"(?i:(?:Street|Avenue|Road|Boulevard|Lane|Drive|Court|Way|Place|Terrace|Circle|Highway|Parkway|Square|Trail|"
    r"Crescent|Close|Plaza|Alley|Bend|Bluff|Bottom|Branch|Bridge|Brook|Burg|Bypass|Camp|Canyon|Cape|Causeway|"
    r"Center|Cliff|Club|Common|Corner|Course|Cove|Creek|Crest|Crossing|Crossroad|Curve|Dale|Dam|Divide|Estate|"
    r"Expressway|Extension|Fall|Ferry|Field|Flat|Ford|Forest|Forge|Fork|Fort|Freeway|Garden|Gateway|Glen|Green|"
    r"Grove|Harbor|Haven|Heights|Hill|Hollow|Inlet|Island|Isle|Junction|Key|Knoll|Lake|Land|Landing|Light|Loaf|"
    r"Lock|Lodge|Loop|Mall|Manor|Meadow|Mews|Mill|Mission|Motorway|Mount|Mountain|Neck|Orchard|Oval|Overpass|"
    r"Park|Pass|Passage|Path|Pike|Pine|Plain|Point|Port|Prairie|Radial|Ramp|Ranch|Rapid|Rest|Ridge|River|Route|"
    r"Row|Rue|Run|Shoal|Shore|Skyway|Spring|Spur|Station|Stravenue|Stream|Summit|Throughway|Trace|Track|"
    r"Trafficway|Tunnel|Turnpike|Underpass|Union|Valley|Via|Viaduct|View|Village|Ville|Vista|Walk|Wall|Well)s?|"
    r"St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Cir|Hwy|Pkwy|Sq|Trl|Ctr|Cres|Expy|Fwy|Jct|Mtn|Pt|Rte|Tpke|Xing)"
)
#: Labels before an identifier (regex fragments, case-insensitive); a profile adds its domain's
#: (:attr:`PIIProfile.id_labels`).
_ID_LABELS: tuple[str, ...] = (
    r"account(?:\s+(?:number|no\.?|#))?",
    r"acct\.?(?:\s*(?:no\.?|#))?",
    r"(?:driver'?s?\s+)?licen[cs]e(?:\s+(?:number|no\.?|#))?",
    r"policy(?:\s+(?:number|no\.?|#))?",
    r"member\s+(?:id|number|no\.?|#)",
    r"subscriber\s+(?:id|number|no\.?|#)",
    r"insurance(?:\s+(?:id|number|no\.?|#))?",
    r"group\s+(?:id|number|no\.?|#)",
    r"beneficiary(?:\s+(?:id|number))?",
    r"certificate(?:\s+(?:number|no\.?|#))?",
    r"serial(?:\s+(?:number|no\.?|#))",
    r"VIN",
    r"plate(?:\s+(?:number|no\.?|#))?",
    r"(?:asset|service|property|inventory)\s+tag",
    r"s/n",
    r"(?:device\s+|laptop\s+|phone\s+)?serial",
    r"(?:micro)?chip\s+(?:id|number|no\.?|#)",
    r"incident(?:\s+(?:id|number|no\.?|#))?",
    r"(?:residence|work)\s+permit(?:\s+(?:number|no\.?|#))?",
    r"case\s+(?:id|number|no\.?|#)",
    r"claim(?:\s+(?:id|number|no\.?|#))?",
    r"record\s+(?:id|number|no\.?|#)",
    r"ID",
    r"passport(?:\s+(?:number|no\.?|#))?",
    r"unit\s*(?:#|no\.?|number)",
    r"(?:order|customer|cust|ticket|booking|reservation|confirmation|reference|ref|invoice|tracking|membership|"
    r"student|employee|badge|client|loyalty|iban|receipt|parcel|matriculation|registration|imei|microchip|"
    r"tax|vat|nhs|national\s+(?:id|insurance)|social\s+insurance|personnummer|kennitala|aadhaar|pan|sin|tfn|"
    r"nif|nie|dni|cpf|rg|pesel|bsn|n[\u00b0\u00bao]\.?\s*fiscal|case|(?:licen[cs]e|number|reg\.?)\s+plate|"
    r"device\s+serial)(?:\s*(?:id|number|no\.?|#|code))?",
)


@dataclass(frozen=True)
class _Pattern:
    label: str
    regex: re.Pattern[str]
    needs: str = ""  # "digit", "@", "." or "" (always run)
    check: Callable[[str], bool] | None = None


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


def _phone_ok(s: str) -> bool:
    n = len(_digits(s))
    return 7 <= n <= 15


def _intl_ok(s: str) -> bool:
    n = len(_digits(s))
    return 8 <= n <= 15


def _uk_ok(s: str) -> bool:
    return len(_digits(s)) in (10, 11)


def _card_ok(s: str) -> bool:
    d = _digits(s)
    if len(d) == 12:  # only Maestro issues 12-digit cards (ISO/IEC 7812 IINs 50, 56-69)
        return (d[0] == "6" or d[:2] in ("50", "56", "57", "58", "59")) and luhn_valid(d)
    return 13 <= len(d) <= 19 and luhn_valid(d)


def _numeric_date_ok(s: str) -> bool:
    parts = [int(p) for p in re.split(r"[/.-]", s)]
    if len(parts[0].__str__()) == 4 or parts[0] > 31:  # ISO y-m-d
        return 1 <= parts[1] <= 12 and 1 <= parts[2] <= 31
    a, b = parts[0], parts[1]
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _id_ok(s: str) -> bool:
    return len(re.sub(r"[\W_]", "", s)) >= 4


def _month_ok(s: str) -> bool:
    # Lower-case "may"/"mar" are the verb and the word far more often than the month.
    return not re.search(r"(?<![A-Za-z])(?:may|mar)(?![A-Za-z])", s)


def _compile(p: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(p, flags)


#: The patterns no profile changes, before the labelled IDs.
_HEAD_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(
        "EMAIL",
        _compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"),
        "@",
    ),
    _Pattern("URL", _compile(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>\"'()\[\]{}]+"), "."),
    _Pattern(
        "URL",
        _compile(
            r"(?i)(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|info|biz|health|us|uk|ca|"
            r"au|de|fr|in|nl|be|ch|at|es|it|pt|ie|fi|se|no|dk|pl|cz|hu|ro|gr|tr|br|mx|ar|cl|jp|cn|kr|nz|za|ng|ke|eu|"
            r"co|me|tv|app|dev|ai|blog|online|site|shop)\b(?:/[^\s<>\"'()\[\]{}]*)?"
        ),
        ".",
    ),
    _Pattern(
        "IP_ADDRESS",
        _compile(
            r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)"
        ),
        "digit",
    ),
    _Pattern(
        "IP_ADDRESS",
        _compile(
            r"(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:"
            r"(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?)(?![\w:])"
        ),
        ":",
    ),
    _Pattern(
        "CREDIT_CARD",
        _compile(
            r"(?<![\w-])(?:\d{12,19}|\d{4}([ -])\d{4}\1\d{4}(?:\1\d{1,7})?|\d{4}([ -])\d{6}\2\d{4,5})(?![\w-]|[.,]\d)"
        ),
        "digit",
        _card_ok,
    ),
    _Pattern("SSN", _compile(r"(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])|(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])"), "digit"),
    _Pattern(
        "SSN",
        _compile(
            r"(?i:\b(?:SSN|SS#|social\s+security(?:\s+(?:number|no\.?|#))?))[\s:#.]*"
            r"(?P<v>\d{9}|\d{3}[- ]\d{2}[- ]\d{4})\b"
        ),
        "digit",
    ),
    _Pattern(
        "PHONE",
        _compile(
            r"(?<![\w+/-])(?:(?:\+|00)?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
            r"(?:(?i:\s*(?:x|ext\.?|extension)\s*)\d{1,6}(?!\w))?(?![\w/]|-\d)"
        ),
        "digit",
    ),
    _Pattern(
        "PHONE",
        _compile(r"(?<![\w+])(?:\+|\b00)(?!0)\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?![\w/])"),
        "digit",
        _intl_ok,
    ),
    _Pattern("PHONE", _compile(r"(?<![\w.])0\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/]|\.\d)"), "digit", _uk_ok),
    _Pattern(
        "PHONE",
        _compile(
            r"(?i:\b(?:phone|tel|telephone|cell|mobile|fax|pager|call(?:\s+me)?(?:\s+(?:at|on))?|text(?:\s+me)?|"
            r"contact)(?:\s*(?:no\.?|number|#))?)[\s:.#]*(?P<v>\+?\(?\d[\d\s().-]{5,}\d)"
        ),
        "digit",
        _phone_ok,
    ),
)
#: What follows an ID label: the identifier itself.
_ID_VALUE = (
    r"(?![A-Za-z])[\s:#.=-]*(?:(?i:is)\s+)?(?P<v>(?:[A-Z]{2,4}[ \t](?=\d+[ \t]\d))?"
    r"(?=[A-Za-z0-9/-]{4,}|[A-Za-z0-9]{1,4}[ \t]\d)(?=[A-Za-z0-9/-]*\d)"
    r"[A-Za-z0-9](?:[A-Za-z0-9/-]*[A-Za-z0-9])?"
    r"(?:[ \t](?:\d{2,}|(?=[A-Z]*\d)[A-Z0-9]{2,6})(?![\w/-]))*)\b"
)
#: A number plate after its label, letters or digits first ("Plate SKL 847", "Vehicle 053 RGN", "registration
#: LSD 441PV"): capitals and digits in up to three groups.
_PLATE = (
    r"\b(?i:(?:licen[cs]e|number|reg(?:istration)?\.?)\s+plate|plate(?:\s+(?:number|no\.?|#))?|vehicle|"
    r"registration)[ \t:#.(]*(?P<v>[A-Z0-9]{1,4}(?:[ \t-][A-Z0-9]{1,5}){1,2}|[A-Z0-9]{5,10})(?![\w-]|[.,]\d)"
)


def _plate_ok(value: str) -> bool:
    """A plate has a group of two or more digits ("SKL 847"), not a stray one ("VS PED 2")."""
    return re.search(r"\d{2}", value) is not None


#: The patterns no profile changes, between the labelled IDs and the street addresses.
_MIDDLE_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern("ID", _compile(_PLATE), "digit", _plate_ok),
    _Pattern(
        "DATE",
        _compile(r"(?<![\w/.-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\w/]|[.-]\d)"),
        "digit",
        _numeric_date_ok,
    ),
    _Pattern("DATE", _compile(r"(?<![\w/.-])\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?![\w/]|[.-]\d)"), "digit", _numeric_date_ok),
    _Pattern(
        "DATE",
        _compile(r"(?i)\b" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?"),
        "digit",
        _month_ok,
    ),
    _Pattern(
        "DATE",
        _compile(r"(?i)\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b\.?(?:,?\s+\d{4}\b)?"),
        "digit",
        _month_ok,
    ),
    _Pattern("DATE", _compile(r"(?i)\b" + _MONTH + r"\.?,?\s+(?:of\s+)?\d{4}\b"), "digit", _month_ok),
    # Day, month and year run together, as forms and registries write them: "27FEB1926", "3Mar24".
    _Pattern("DATE", _compile(r"(?i)(?<![\w/.-])\d{1,2}" + _MONTH + r"(?:\d{4}|\d{2})(?![\w/])"), "digit"),
    _Pattern(
        "AGE",
        _compile(
            r"(?i)(?<![\w.])(?:9\d|1[0-4]\d)(?:\s*-?\s*)(?:years?|yrs?|y/o|y\.o\.?|yo[mf]?|year[\s-]old)\b(?:[\s-]*old)?"
        ),
        "digit",
    ),
    _Pattern("AGE", _compile(r"(?i)\b(?:aged?|age\s*(?:is|of|:|=|-))\s*(?P<v>9\d|1[0-4]\d)(?![\w%/]|[.,]\d)"), "digit"),
    _Pattern(  # "I'm 93", "she is 95 and", "he turned 101." (a unit or a decimal after it makes it something else)
        "AGE",
        _compile(
            r"(?i)\b(?:i'?m|i\s+am|(?:s?he|they|who)\s+(?:is|was|are|were)|s?he'?s|(?:just\s+)?turn(?:ed|ing|s)|"
            r"(?:is|was)\s+now)\s+(?:about\s+|nearly\s+|almost\s+|over\s+)?(?P<v>9\d|1[0-4]\d)"
            r"(?=\s*(?:[,;!?)]|\.(?!\d)|$|and\b|now\b|next\b|this\b|soon\b|today\b|in\b))"
        ),
        "digit",
    ),
    _Pattern(
        "AGE",
        _compile(
            r"(?i)\b(?:ninety(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)\s+hundred"
            r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
            r"[\s-]+(?:years?|yrs?)[\s-]+old\b"
        ),
    ),
)
#: A street address: a number, up to four capitalised words and a street suffix (the suffix is put in by
#: :func:`_build_cues`, after the profile's words that only look like one), an apartment, the city before a state.
_STREET_ADDRESS = (
    r"(?<![\w.])\d{1,6}[A-Za-z]?\s+(?:(?:[NSEW]\.?|North|South|East|West|NORTH|SOUTH|EAST|WEST)\s+)?"
    r"(?P<street>(?:(?:[A-Z][a-z]?\.|[A-Z][A-Za-z'\u2019-]*)[ \t]+){1,4})",
    r"(?P<suffix>" + _STREET + r")\b\.?"
    r"(?:,?\s*(?i:apt|apartment|suite|ste|unit|#)\.?\s*#?\w+)?"
    # the city, when a state follows: "12 Oak St, Springfield, IL"
    r"(?:,[ \t]*(?:[A-Z][A-Za-z'\u2019.-]*[ \t]+){0,2}[A-Z][A-Za-z'\u2019-]*(?=,?[ \t]+" + _STATES + r"\b))?",
)
#: Initials after a word for the person the records are about ("CUSTOMER J.S."); the words come from the profile.
_INITIALS = r"\.?[ \t]+(?P<v>[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)(?![\w.])"
#: The patterns no profile changes, after the street addresses.
_TAIL_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern("ADDRESS", _compile(r"(?i)\bP\.?\s?O\.?\s+Box\s+\d+"), "digit"),
    _Pattern("ZIP", _compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])"), "digit"),
    _Pattern("ZIP", _compile(r"\b" + _STATES + r"\.?,?\s+(?P<v>\d{5})(?![\w-])"), "digit"),
    _Pattern(
        "ZIP", _compile(r"(?i:\bzip(?:\s*code)?|\bpostal\s+code|\bpostcode)[\s:#]*(?P<v>\d{5})(?![\w-])"), "digit"
    ),
)

#: Words that follow titles or introductions but are not names: function words, greetings, titles, common verbs
#: (a profile adds its domain's: :attr:`PIIProfile.not_names`).
_COMMON_WORDS = frozenset(
    """
    i i'm i've i'd im me my mine we our you your he she it they them his her their this that these those there here
    a an the and or but if so because as at by for from in into of on to with without about after before over under
    is am are was were be been being have has had do does did can could will would shall should may might must what
    when where which who whom why how yes no not please thanks thank hello hi hey dear sir madam doctor doc good
    morning afternoon evening night today yesterday tomorrow now then also just very much many some any all help
    need want know think feel felt having getting got get recently since still again ok okay sorry regards monday
    tuesday wednesday thursday friday saturday sunday center centre department emergency nurse office general health
    care team staff unit ward service services dr mr mrs ms mx miss prof says said say thinks thought wants wanted
    told tells asked asks advised advises recommended recommends suggested suggests ordered orders gave gives sees
    saw seen note notes noted visit visits appointment appt report reports reported called calls going trying
    looking writing asking wondering worried concerned sure fine new old years year months weeks days came went took
    made left seems seemed email e-mail phone cell mobile fax address oh ah um uh hmm alright anyway btw lol wow
    yeah yep nope scared afraid glad happy sad tired confused anxious nervous upset frustrated desperate underwent
    undergo became began chose drove fell found held kept knew lost met paid ran sat slept spoke stood threw woke
    wore wrote broke ate drank dob ssn age sex gender male female race room bed denies denied deny states stated
    appears appeared remains remained returns returned requires required refuses refused declines declined agrees
    agreed god lord jesus christ allah goodness heaven heavens everyone everybody guys folks
    """.split()  # noqa: SIM905
)
#: Given names and surnames that end like a verb form ("Alfred", "King"): see :func:`_inflected`.
_NAMES_LIKE_VERBS = frozenset(
    """
    alfred jared fred mildred winifred wilfred manfred ahmed mohammed mohamed hameed rasheed saeed waleed zayed
    sayed reed creed ned ted king sterling irving manning fleming channing harding golding browning
    """.split()  # noqa: SIM905
)

#: Nationalities, religions and languages: after "I'm" they describe, they do not name.
_DESCRIPTORS = frozenset(
    """
    american african asian european indian chinese japanese korean vietnamese filipino thai pakistani bangladeshi
    mexican hispanic latino latina brazilian canadian british english irish scottish welsh australian german french
    italian spanish portuguese dutch polish russian ukrainian greek turkish arab arabic persian iranian iraqi
    egyptian nigerian kenyan ethiopian jamaican muslim christian catholic protestant jewish hindu buddhist sikh
    atheist vegan vegetarian caucasian
    """.split()  # noqa: SIM905
)

# A capitalised word; letters of Latin-1 and Latin Extended-A count ("Zdeňka Horáková", "Łukasz").
_NAME_WORD = (
    r"(?:[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f][A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f'\u2019-]*"
    r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f](?![\w@]|\.[A-Za-z0-9]))"
)
_NAME_SEQ = (
    rf"(?P<v>(?:[A-Z]\.[ \t]*|O[ \t](?=[A-Z]{{2}}))?{_NAME_WORD}(?:[ \t]+(?:[A-Z]\.[ \t]+)?{_NAME_WORD}){{0,2}})"
)
_STRONG, _WEAK = 2, 1
# A cue that (almost) always introduces a name: a title, "my name is", a signature. ``{ms}`` is the title "MS." with
# the profile's phrases that end in "MS" ruled out; ``{subject}`` the profile's words for the person a record is about.
_STRONG_CUE = (
    r"(?:\b(?:Dr|DR|Mr|Mrs|MRS|Ms|Mx|Miss|MISS|Prof|PROF)\b\.?\s+|\bMR\.\s+|"
    r"{ms}|"
    r"(?i:\bmy\s+name\s+is|\bmy\s+name'?s|\bi\s+am\s+called|\bi'?m\s+called|\bcall\s+me|"
    r"\b(?:prefers|likes|wants|asks)\s+to\s+be\s+called|\bgoes\s+by|"
    r"\b(?:{subject}full|first|last|family|given)\s+name\s*(?:is|:)?|\bname\s*:|\bname\s+is|"
    r"(?<!-\s)(?<!-)\b(?:electronically\s+|e-?)?(?:signed|co-?signed)(?:\s+by\b|(?=[ \t]*[:,]))|"
    r"\b(?:dictated|transcribed|authored)\s+by|"
    r"\bregards|\bsincerely|\brespectfully|\bbest\s+wishes|\byours\s+truly)[ \t]*[:,]?\s+)"
)
# Labels of people before a colon and a name ("CONTACT: ANN LEE"); a profile adds its roles and subject words.
_LABEL_CUES: tuple[str, ...] = ("caregiver", "guardian", "contact", r"next\s+of\s+kin", "nok", "spouse", "informant")
# A cue after which a capitalised word may still be an ordinary word ("I'm Diabetic", "Thanks, Doctor"): the first
# word must be outside the vocabulary of common and domain words. ``{labels}``: the labels before a colon;
# ``{bare}``: the profile's subject words, alone before a name.
_WEAK_CUE = (
    r"(?:\b(?:MS|MR|Doctor|DOCTOR|Nurse|NURSE)\.?[ \t]+|"
    r"(?i:\bi'?m|\bi\s+am|\bthis\s+is|\bthanks|\bthank\s+you|\bthanx|\b(?:cheers|best)(?=[ \t]*,)|"
    r"\b(?:met|hey|welcome(?:\s+aboard|\s+back)?)(?=[ \t]*,?[ \t]+[A-Z])|"
    r"\b(?:{labels})\s*:|{bare}"
    r"\b(?:seen|examined|evaluated|referred|ref|accompanied)(?:\s+on)?\s+by|"
    r"\b(?:my|his|her|their|our|your)\s+(?:son|daughter|wife|husband|mother|father|mom|mum|dad|brother|sister|friend|partner|boyfriend|"
    r"girlfriend|fianc[e\u00e9]e?|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|uncle|cousin|"
    r"nephew|niece|baby|child|kid|neighbou?r|roommate|caregiver)(?:'?s\s+name\s+is)?)[ \t]*[:,]?\s+)"
)
# "Name: Doe, John": surname first after a label (a profile adds its subject words: "CUSTOMER: LEE, ANN").
_LAST_FIRST_CUE = (
    r"[ \t]*:)[ \t]*(?P<v>" + _NAME_WORD + r",[ \t]*" + _NAME_WORD + r"(?:[ \t]+(?:[A-Z]\.|" + _NAME_WORD + r"))?)"
)
# "my name is john smith": lower-case names after an explicit introduction (checked against the vocabulary).
_LOWER_NAME_CUE = re.compile(
    r"(?i:\bmy\s+name\s+is|\bmy\s+name'?s|\bname\s*:)[ \t]+"
    r"(?P<v>[a-z][a-z'\u2019-]*[a-z](?:[ \t]+[a-z][a-z'\u2019-]*[a-z])?)\b"
)
_HERE_CUE = re.compile(r"(?:^|[.!?,:;]|\n)[ \t]*" + _NAME_SEQ + r"[ \t]+(?i:here)\b(?![ \t]+(?:is|are|was|in|at))")
_HELLO_HERE_CUE = re.compile(r"(?i:\b(?:hi|hello|hey)\b[ \t]*[,!]?[ \t]*)" + _NAME_SEQ + r"[ \t]+(?i:here)\b")
# Post-nominal letters kept with the name before them; a profile adds its domain's (:attr:`PIIProfile.name_suffixes`).
_NAME_SUFFIXES: tuple[str, ...] = ("Jr", "Sr", "JR", "SR", "II", "III", "IV", "PhD", "PHD")
_AGE_AFTER_NAME = re.compile(
    r",[ \t]*(?P<v>9\d|1[0-4]\d)(?=[ \t]*(?:[,;)]|\.(?!\d)|$|(?i:and|yo|y/o|years?|yrs?)\b)|[ \t]*[MF]\b)"
)
#: First words of US place names that are also common words ("New", "Lake", "Fort").
_CITY_PREFIX = frozenset(
    """
    new north south east west saint st ste fort ft port lake mount mt san santa los las el la le de des del grand
    little big palm glen cedar rock bay fall falls
    """.split()  # noqa: SIM905
)
_CITY_STATE_ZIP = re.compile(
    r"(?P<v>(?:[A-Z][A-Za-z'\u2019.-]*[ \t]+){0,2}[A-Z][A-Za-z'\u2019-]*[A-Za-z]),[ \t]*"
    + _STATES
    + r"\.?,?[ \t]+\d{5}(?:-\d{4})?(?![\w-])"
)


def _key(word: str) -> str:
    return re.sub(r"(?:'s|\u2019s|s')$", "", word.lower()).strip("'\u2019-.")


#: Endings of English words that are hardly ever names ("SATISFACTION", "MANAGEMENT", "ARTHROSCOPY").
_WORD_SHAPE = re.compile(
    r"(?:tion|sion|ment|ness|ity|ous|ful|less|able|ible|ical|ics|ism|ize|ization|ology|ectomy|otomy|itis|osis|emia|"
    r"aemia|pathy|scopy|graphy|gram|grams|ally|ively|ously|fully|ately|ently|antly)$"
)


def _inflected(
    key: str, vocabulary: frozenset[str], *, plural: bool = True, common: frozenset[str] = _COMMON_WORDS
) -> bool:
    """Whether ``key`` is a verb form whose stem is a known word ("believes", "suspecting", "recommended").

    With ``plural=False`` only -ed and -ing forms count (after "DR", "FLOWERS" is a surname, "ORDERED" is not).
    ``common``: the words that are never names (the core's, or those of a profile: :func:`not_name_words`).
    """
    if key in _NAMES_LIKE_VERBS:
        return False
    rules = [("ing", "", 3), ("ing", "e", 3), ("ed", "", 3), ("ed", "e", 3), ("ied", "y", 3)]
    if plural:
        rules += [("ies", "y", 3), ("es", "", 4), ("s", "", 4), ("ly", "", 4)]
    for suffix, repl, min_stem in rules:
        if key.endswith(suffix) and len(key) - len(suffix) >= min_stem:
            stem = key[: -len(suffix)] + repl
            if stem in vocabulary or stem in common:
                return True
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in vocabulary:  # "stopped", "planning"
                return True
    return len(key) > 5 and key.endswith("ing")


def _is_word(key: str, vocabulary: frozenset[str], common: frozenset[str] = _COMMON_WORDS) -> bool:
    """Whether ``key`` is a known word, a word-shaped word ("-tion", "-ology") or a hyphenation of known words."""
    if key in vocabulary or key in _DESCRIPTORS or (len(key) > 4 and _WORD_SHAPE.search(key)):
        return True
    parts = [w for w in key.split("-") if w]
    return len(parts) > 1 and all(
        w in _PREFIXES or len(w) < 3 or _is_word(w, vocabulary, common) or _inflected(w, vocabulary, common=common)
        for w in parts
    )


_PREFIXES = frozenset(
    ("pre", "post", "non", "un", "re", "anti", "co", "sub", "self", "semi", "multi", "inter", "intra", "over", "under")
)


def _name_ok(
    value: str, strength: int, protected: frozenset[str], vocabulary: frozenset[str], common: frozenset[str]
) -> str | None:
    """Trim a name candidate at its first common or protected word; ``None`` when it is not a name.

    A word in capitals ("NAME: LORI DUNN") may be any word of a note, so it must be outside the vocabulary; after a
    weak cue ("I'm", "Thanks,") the first word must be too. After a strong cue ("Dr.", "my name is") only common
    words, verbs in capitals ("DR THINKS") and protected domain words are refused.
    """
    words = value.split()
    kept: list[str] = []
    for i, word in enumerate(words):
        key = _key(word)
        if key in common or key in protected or word.lower() in protected:
            break
        caps = word.isupper() and len(key) > 1
        known = _is_word(key, vocabulary, common)
        if i == 0:
            if strength == _WEAK and (
                _WORD_SHAPE.search(key) or (caps and (known or _inflected(key, vocabulary, common=common)))
            ):
                return None  # "I'M REPORTING", "THANKS, BELIEVES", "I'm Satisfaction"
            if caps and (
                _WORD_SHAPE.search(key) or (vocabulary and _inflected(key, vocabulary, plural=False, common=common))
            ):
                return None  # "DR RECOMMENDED", "DR SEGMENTECTOMY"
        elif caps and (
            _WORD_SHAPE.search(key)
            or (vocabulary and (_inflected(key, vocabulary, common=common) or (known and len(key) > 6)))
        ):
            break  # "NAME: JOHN SMITH PRESENTED": the name ends; short known words may be surnames (BROWN)
        kept.append(word)
        if re.search(r"['\u2019][sS]$", word):
            break  # "MRS. O CATHAIL'S SON": the name ends at its possessive
    while kept and re.fullmatch(r"[A-Z]\.", kept[-1]):
        kept.pop()
    if not kept:
        return None
    if strength == _WEAK and all(_is_word(_key(w), vocabulary, common) or len(_key(w)) < 2 for w in kept):
        return None  # "I'm Mark Brown" is lost with "I am Having Trouble" and "I'm Indian"; "Mark Johnson" is kept
    return " ".join(kept)


_ALONE = re.compile(r"[ \t]*(?:[^\w\s/&'-]|\d|$|\n|(?i:and|but|or|from|who|here|calling|writing)\b)")


#: Street suffixes common enough that the street name may be any word ("Oak Ridge Road", "Church St").
_CORE_SUFFIXES = frozenset(
    """
    street st avenue ave road rd boulevard blvd lane ln drive dr court ct way place pl terrace ter circle cir highway
    hwy parkway pkwy
    """.split()  # noqa: SIM905
)
#: Words after a number that make it a count or a measure, not a house number ("12 PEOPLE", "5 MM FROM"); a profile
#: adds its domain's (:attr:`PIIProfile.count_words`).
_NOT_STREET = frozenset(
    """
    mm cm km m kg g mg mcg ml l units year years yr yrs month months week weeks day days hour hours hr hrs minute
    minutes min mins second seconds case cases subject subjects participant participants children men women people
    point points times level levels
    """.split()  # noqa: SIM905
)


def _street_ok(m: re.Match[str], vocabulary: frozenset[str], cues: _Cues) -> bool:
    """Whether a street-address match is an address, not "12 PEOPLE NOT STAGED WITH CT" or "2 TRAUMA CENTER"."""
    words = [_key(w) for w in m.group("street").split()]
    if not words or words[0] in cues.not_street or any(w in cues.common for w in words):
        return False
    suffix = m.group("suffix").lower().rstrip("s")
    if suffix in _CORE_SUFFIXES or suffix + "s" in _CORE_SUFFIXES:
        return True
    return not all(_is_word(w, vocabulary, cues.common) or len(w) < 3 for w in words)  # "TALAR NECK", "Trauma Center"


_LOWER_WORD = re.compile(r"[a-z]+")
#: A title or form of address right before a position (search it in the text before a span): the span is a person,
#: whatever else says it is a word or a term ("Dr. Wilson", "SISTER GRACE"). Shared by the layered cleaner's checks.
TITLE_BEFORE = re.compile(r"(?i)\b(?:dr|mr|mrs|ms|miss|mx|prof|sgt|capt|rev|fr|sr|sister|brother|doctor|nurse)\.?\s*$")
#: What every strong cue holds: a title, or one of these phrases (without one, the strong cue cannot match).
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof"})
_STRONG_PHRASES = (
    "name",
    "call",
    "signed",
    "dictated",
    "transcribed",
    "authored",
    "regards",
    "sincerely",
    "respectfully",
    "best wishes",
    "yours truly",
    "goes by",
)


@dataclass(frozen=True)
class _Cues:
    """The patterns and cues of one profile, compiled once (see :func:`_build_cues`)."""

    patterns: tuple[_Pattern, ...]
    scanners: tuple[LeadScanner | None, ...]  # per pattern: the lead scan, where it has leads of 3+ characters
    strong: re.Pattern[str]
    weak: re.Pattern[str]
    last_first: re.Pattern[str]
    suffix: re.Pattern[str]
    common: frozenset[str]
    not_street: frozenset[str]


def _alternatives(fragments: Iterable[str]) -> str:
    return "|".join(fragments)


@lru_cache(maxsize=32)
def _build_cues(
    subject: tuple[str, ...],
    labels: tuple[str, ...],
    id_labels: tuple[str, ...],
    suffixes: tuple[str, ...],
    not_names: frozenset[str],
    count_words: frozenset[str],
    not_titles: tuple[str, ...],
    not_initials: frozenset[str],
    not_street_suffixes: tuple[str, ...],
) -> _Cues:
    """The core's patterns and cues with a profile's words added (see :class:`PIIProfile` for each field)."""
    id_pattern = _Pattern(
        "ID",
        _compile(r"\b(?i:" + _alternatives((*id_labels, *_ID_LABELS)) + ")" + _ID_VALUE),
        "digit",
        _id_ok,
    )
    not_suffix = "(?!" + _alternatives(w + r"\b" for w in not_street_suffixes) + ")" if not_street_suffixes else ""
    street = _Pattern("ADDRESS", _compile(_STREET_ADDRESS[0] + not_suffix + _STREET_ADDRESS[1]), "digit")
    patterns = (*_HEAD_PATTERNS, id_pattern, *_MIDDLE_PATTERNS, street, *_TAIL_PATTERNS)
    if subject:  # "PT J.S. RM 14": initials after a subject word, unless they are a dotted abbreviation ("PT I.V.")
        patterns += (
            _Pattern(
                "NAME",
                _compile(r"(?i:\b(?:" + _alternatives(subject) + "))" + _INITIALS),
                "",
                lambda v: re.sub(r"[\W_]", "", v).lower() not in not_initials,
            ),
        )
    ms = r"\bMS" + "".join(f"(?<!{re.escape(p)})" for p in not_titles) + r"\.\s+"
    strong = _STRONG_CUE.format(ms=ms, subject="".join(f"{w}|" for w in subject))
    bare = "".join(rf"\b{w}|" for w in subject)
    weak = _WEAK_CUE.format(labels=_alternatives((*subject, *labels, *_LABEL_CUES)), bare=bare)
    last_first = r"(?i:\b(?:" + _alternatives((*subject, "name", *(rf"{w}\s+name" for w in subject), r"full\s+name"))
    scanners = tuple(scan if (scan := LeadScanner(p.regex, min_lead=3)).used else None for p in patterns)
    return _Cues(
        patterns=patterns,
        scanners=scanners,
        strong=_compile(strong + _NAME_SEQ),
        weak=_compile(weak + _NAME_SEQ),
        last_first=_compile(last_first + ")" + _LAST_FIRST_CUE),
        suffix=_compile(r",?[ \t]+(?:" + _alternatives((*_NAME_SUFFIXES, *suffixes)) + r")\b"),
        common=_COMMON_WORDS | not_names,
        not_street=_NOT_STREET | count_words,
    )


def _cues(profile: PIIProfile | None) -> _Cues:
    """The compiled cues of ``profile`` (``None``: the default registered profile)."""
    p = resolve_pii_profile(None) if profile is None else profile
    return _build_cues(
        tuple(p.subject_cues),
        tuple(p.label_cues),
        tuple(p.id_labels),
        tuple(p.name_suffixes),
        frozenset(p.not_names),
        frozenset(p.count_words),
        tuple(p.not_titles),
        frozenset(p.not_initials),
        tuple(p.not_street_suffixes),
    )


def not_name_words(profile: PIIProfile | None = None) -> frozenset[str]:
    """The words never taken for a name after a cue: common English words and the profile's ``not_names``.

    Args:
        profile: A PII profile (default: the default registered one, see
            :func:`~medtune.cleaning.pii_profiles.resolve_pii_profile`).

    Example:
        >>> "thanks" in not_name_words(), "escalated" in not_name_words(PIIProfile(not_names=frozenset({"escalated"})))
        (True, True)
    """
    return _cues(profile).common


def _find_names(
    text: str, protected: frozenset[str], vocabulary: frozenset[str], c: _Cues, lower: str | None = None
) -> list[tuple[int, int]]:
    """Spans of names introduced by a cue (title, introduction, signature, label); ``lower`` is ``text.lower()``."""
    out = []
    lower = text.lower() if lower is None else lower
    words = set(_LOWER_WORD.findall(lower))
    common = c.common
    cues = ((c.strong, _STRONG), (_HELLO_HERE_CUE, _STRONG), (c.weak, _WEAK), (_HERE_CUE, _WEAK))
    if not vocabulary:  # without a vocabulary, "I'm Diabetic" and "DR THINKS" look like names
        cues = cues[:2]
    if words.isdisjoint(_TITLES) and not any(p in lower for p in _STRONG_PHRASES):  # cheap: no strong cue here
        cues = tuple(cue for cue in cues if cue[0] is not c.strong)
    if "here" not in words:
        cues = tuple(cue for cue in cues if cue[0] is not _HERE_CUE and cue[0] is not _HELLO_HERE_CUE)
    for m in scanner(_LOWER_NAME_CUE).finditer(text if vocabulary else "", lower if vocabulary else ""):
        end = 0
        for w in re.finditer(r"\S+", m.group("v")):
            key = _key(w.group())
            if (
                key in common
                or key in protected
                or _is_word(key, vocabulary, common)
                or _inflected(key, vocabulary, common=common)
            ):
                break
            end = w.end()
        if end:
            out.append((m.start("v"), m.start("v") + end))
    for m in scanner(c.last_first).finditer(text if vocabulary else "", lower if vocabulary else ""):
        words = m.group("v").replace(",", " ").split()
        name = _name_ok(" ".join(words), _WEAK, protected, vocabulary, common)
        if name is not None and len(name.split()) >= 2:
            kept = list(re.finditer(r"[^\s,]+", m.group("v")))[len(name.split()) - 1]
            out.append((m.start("v"), m.start("v") + kept.end()))
    for rx, strength in cues:
        for m in scanner(rx).finditer(text, lower):
            start = m.start("v")
            name = _name_ok(m.group("v"), strength, protected, vocabulary, common)
            if name is None:
                continue
            words = list(re.finditer(r"\S+", m.group("v")))[: len(name.split())]
            end = start + words[-1].end()  # the kept words' end in the text (they may be apart by several spaces)
            if strength == _WEAK and name.isupper() and " " not in name and not _ALONE.match(text, end):
                continue  # "I'M SATISFACTION SURVEY", "THIS IS CONTRARY TO": one capitals word in a sentence
            if end == m.end("v"):
                suffix = c.suffix.match(text, end)
                if suffix:
                    end = suffix.end()
            if re.search(r"['\u2019][sS]$", text[start:end]):
                end -= 2  # "MR. LEBEDEV'S SON": the possessive is not the name
            out.append((start, end))
    return out


def _find_cities(
    text: str, protected: frozenset[str], vocabulary: frozenset[str], common: frozenset[str]
) -> list[tuple[int, int]]:
    """Spans of the city in "Springfield, IL 62701" (the words before a state code and a ZIP)."""
    out = []
    for m in _CITY_STATE_ZIP.finditer(text):
        words = list(re.finditer(r"\S+", m.group("v")))
        keep = 0
        for i, w in enumerate(reversed(words)):
            key = _key(w.group())
            if i and key in _CITY_PREFIX:
                keep += 1
                continue
            if key in common or key in protected or (i and _is_word(key, vocabulary, common)):
                break
            keep += 1
        if keep:
            out.append((m.start("v") + words[-keep].start(), m.end("v")))
    return out


_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    """``any(ch.isdigit() for ch in text)``, with a regex for ASCII text (most texts: far faster)."""
    return _DIGIT.search(text) is not None or (not text.isascii() and any(ch.isdigit() for ch in text))


def find_pii(
    text: str,
    entities: Iterable[str] | None = None,
    protected_terms: Iterable[str] | frozenset[str] = (),
    vocabulary: Iterable[str] | frozenset[str] = (),
    *,
    profile: PIIProfile | None = None,
) -> list[PIIMatch]:
    """Find identifiers in ``text``: non-overlapping, sorted by position (leftmost-longest wins).

    Args:
        text: Any string.
        entities: Labels to look for (default: all of :data:`ENTITY_TYPES`).
        protected_terms: Lower-case words never treated as names (eponyms, product or drug names…).
        vocabulary: Lower-case common and domain words (and abbreviations): a capitalised word after a weak cue
            ("I'm", "Thanks,", "my son") or any word in capitals is a name only when it is outside this set.
            Without it, only names after strong cues (titles, "my name is", signatures) are looked for.
        profile: The PII profile whose cues are added to the core's English ones (the words for the person the
            records are about, labels of identifiers, words that are never names…; its vocabulary and protected
            terms are *not* used: pass them above). Default: the default registered profile
            (:func:`~medtune.cleaning.pii_profiles.resolve_pii_profile`).

    Example:
        >>> [(m.label, m.text) for m in find_pii("Call 555-123-4567 or mail ann@example.com")]
        [('PHONE', '555-123-4567'), ('EMAIL', 'ann@example.com')]
    """
    cues = _cues(profile)
    wanted = set(ENTITY_TYPES if entities is None else entities)
    protected = protected_terms if isinstance(protected_terms, frozenset) else frozenset(protected_terms)
    vocab = vocabulary if isinstance(vocabulary, frozenset) else frozenset(vocabulary)
    has_digit = _has_digit(text)
    lower = text.lower()
    found: list[tuple[int, int, int, str]] = []  # (start, -length, priority, label)
    for p, scan in zip(cues.patterns, cues.scanners):
        if p.label not in wanted:
            continue
        if (p.needs == "digit" and not has_digit) or (p.needs in ("@", ".", ":") and p.needs not in text):
            continue
        for m in scan.finditer(text, lower) if scan is not None else p.regex.finditer(text):
            if "v" in p.regex.groupindex and m.group("v") is not None:
                start, end = m.span("v")
            else:
                start, end = m.span()
            value = text[start:end]
            if p.label == "URL":
                stripped = value.rstrip(".,;:!?")
                end -= len(value) - len(stripped)
                value = stripped
                if "." not in value:
                    continue
            if p.check is not None and not p.check(text[m.start() : m.end()] if p.label == "DATE" else value):
                continue
            if "street" in p.regex.groupindex and not _street_ok(m, vocab, cues):
                continue
            if end > start:
                found.append((start, start - end, ENTITY_TYPES.index(p.label), p.label))
    if "NAME" in wanted or "AGE" in wanted:
        names = _find_names(text, protected, vocab, cues, lower)
        if "NAME" in wanted:
            found += [(a, a - b, ENTITY_TYPES.index("NAME"), "NAME") for a, b in names]
        if "AGE" in wanted and has_digit:  # "Shawn Carroll, 91, called"
            for _, b in names:
                m = _AGE_AFTER_NAME.match(text, b)
                if m:
                    found.append((m.start("v"), m.start("v") - m.end("v"), ENTITY_TYPES.index("AGE"), "AGE"))
    if "ADDRESS" in wanted and has_digit:
        found += [
            (a, a - b, ENTITY_TYPES.index("ADDRESS"), "ADDRESS")
            for a, b in _find_cities(text, protected, vocab, cues.common)
        ]
    found.sort()
    out: list[PIIMatch] = []
    last_end = -1
    for start, neg_len, _, label in found:
        if start >= last_end:
            end = start - neg_len
            out.append(PIIMatch(start, end, label, text[start:end]))
            last_end = end
    return out


# --- replacement -----------------------------------------------------------------------------------------

_SURROGATE_NAMES = (
    "Alex Morgan",
    "Sam Taylor",
    "Jordan Lee",
    "Casey Brown",
    "Riley Quinn",
    "Jamie Fox",
    "Robin Hart",
    "Drew Ellis",
)


def _luhn_complete(prefix: str) -> str:
    for d in "0123456789":
        if luhn_valid(prefix + d):
            return prefix + d
    raise AssertionError("unreachable")  # pragma: no cover


class Surrogates:
    """Realistic, obviously fake replacement values, consistent within one record.

    The same original value (per label) always gets the same surrogate within a :class:`Surrogates` instance;
    values come from reserved or documentation ranges (example.com, 192.0.2.x, 555 numbers, SSN area 000).
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], str] = {}
        self._count: dict[str, int] = {}

    def __call__(self, label: str, value: str) -> str:
        """The surrogate for ``value`` of type ``label``."""
        key = (label, re.sub(r"\W", "", value.lower()))
        if key not in self._seen:
            n = self._count.get(label, 0) + 1
            self._count[label] = n
            self._seen[key] = self._make(label, n)
        return self._seen[key]

    @staticmethod
    def _make(label: str, n: int) -> str:
        if label == "EMAIL":
            return f"person{n}@example.com"
        if label == "URL":
            return f"https://example.com/{n}"
        if label == "IP_ADDRESS":
            return f"192.0.2.{n % 254 + 1}"
        if label == "PHONE":
            return f"(555) 555-{100 + n % 100:04d}"
        if label == "SSN":
            return f"000-00-{n % 10000:04d}"
        if label == "CREDIT_CARD":
            return _luhn_complete(f"400000000000{n % 1000:03d}")
        if label == "DATE":
            return f"01/{n % 28 + 1:02d}/2000"
        if label == "AGE":
            return "90+ years old"
        if label == "ZIP":
            return "00000"
        if label == "ADDRESS":
            return f"{100 + n} Main Street"
        if label == "NAME":
            return _SURROGATE_NAMES[(n - 1) % len(_SURROGATE_NAMES)]
        return f"X{n:06d}"


def replace_matches(text: str, matches: Sequence[PIIMatch], replacer: Callable[[PIIMatch], str]) -> str:
    """Replace non-overlapping, sorted matches in one pass.

    Args:
        text: The text the matches were found in.
        matches: Non-overlapping matches sorted by position (what :func:`find_pii` returns).
        replacer: The replacement of one match (a placeholder, a :class:`Surrogates` value…).

    Example:
        >>> text = "Mail ann@example.com or call 555-123-4567."
        >>> replace_matches(text, find_pii(text), lambda m: f"<{m.label.lower()}>")
        'Mail <email> or call <phone>.'
    """
    parts: list[str] = []
    pos = 0
    for m in matches:
        parts.append(text[pos : m.start])
        parts.append(replacer(m))
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)


class RegexPIICleaner(TextCleaner):
    """Replace identifiers found by :func:`find_pii` with typed placeholders or surrogates.

    Args:
        entities: Labels to remove (default: all of :data:`ENTITY_TYPES`).
        replace: ``"placeholder"`` (``[EMAIL]``, ``[PHONE]``…, idempotent) or ``"surrogate"`` (fake values,
            consistent within a record: the same phone number gets the same fake number in input and output).
        placeholder: Format of a placeholder; ``{label}`` is the entity type.
        protected_terms: Lower-case words that are never names (a domain's eponyms, product or drug names).
        vocabulary: Lower-case common and domain words and abbreviations, for names in capitals and after weak
            cues (see :func:`find_pii`; ``pii_regex`` passes its profile's vocabulary and abbreviations).
        fields: Fields to clean (default all).
        profile: The PII profile whose cues are added to the core's (default: the default registered one; see
            :func:`find_pii`).

    Example:
        >>> c = RegexPIICleaner()
        >>> c.clean_text("DOB 03/14/1962, Account no: 88123456, 92-year-old, seen by Dr. Alvarez")
        'DOB [DATE], Account no: [ID], [AGE], seen by Dr. [NAME]'
        >>> RegexPIICleaner(replace="surrogate").clean_record_texts(["Call 555-123-4567", "555-123-4567 ok"])
        ['Call (555) 555-0101', '(555) 555-0101 ok']
    """

    name = "pii_regex"
    idempotent: ClassVar[bool] = True

    def __init__(
        self,
        entities: Iterable[str] | None = None,
        *,
        replace: Literal["placeholder", "surrogate"] = "placeholder",
        placeholder: str = "[{label}]",
        protected_terms: Iterable[str] = (),
        vocabulary: Iterable[str] = (),
        fields: Sequence[str] = ("instruction", "input", "output"),
        profile: PIIProfile | None = None,
    ) -> None:
        super().__init__(fields)
        from medtune.errors import ConfigError

        self.profile = resolve_pii_profile(None) if profile is None else profile
        self.entities = tuple(ENTITY_TYPES if entities is None else entities)
        unknown = [e for e in self.entities if e not in ENTITY_TYPES]
        if unknown:
            raise ConfigError(f"{self.name}: unknown entity type(s) {unknown}. Fix: use some of {list(ENTITY_TYPES)}")
        if replace not in ("placeholder", "surrogate"):
            raise ConfigError(f"{self.name}: replace={replace!r}. Fix: use 'placeholder' or 'surrogate'")
        if "{label}" not in placeholder:
            raise ConfigError(f"{self.name}: placeholder {placeholder!r} lacks '{{label}}'. Fix: e.g. '[{{label}}]'")
        self.replace = replace
        self.placeholder = placeholder
        self.protected_terms = frozenset(t.lower() for t in protected_terms)
        self.vocabulary = frozenset(w.lower() for w in vocabulary)
        self.idempotent = replace == "placeholder"  # type: ignore[misc]

    def find(self, text: str) -> list[PIIMatch]:
        """The identifiers this cleaner would remove from ``text``."""
        return find_pii(text, self.entities, self.protected_terms, self.vocabulary, profile=self.profile)

    def _placeholder_pass(self, text: str) -> str:
        for _ in range(3):  # a replacement can join two fragments into a new match: repeat to a fixed point
            matches = self.find(text)
            if not matches:
                break
            text = replace_matches(text, matches, lambda m: self.placeholder.format(label=m.label))
        return text

    def clean_text(self, text: str) -> str:
        """Clean one string (surrogates are consistent within the string)."""
        return self.clean_record_texts([text])[0]

    def clean_record_texts(self, texts: list[str]) -> list[str]:
        """Clean the texts of one record; surrogates are consistent across them."""
        if self.replace == "placeholder":
            return [self._placeholder_pass(t) for t in texts]
        surrogates = Surrogates()
        return [replace_matches(t, self.find(t), lambda m: surrogates(m.label, m.text)) for t in texts]


class PIIRegexConfig(PIIOptions):
    """Options of ``pii_regex``."""

    entities: list[Literal[ENTITY_TYPES]] | None = Field(None, description="Entity types (default: all).")  # type: ignore[valid-type]


def make_pii_regex(cfg: PIIRegexConfig | None = None) -> RegexPIICleaner:
    """Build the regex cleaner with its profile: cues, protected terms, and vocabulary with abbreviations.

    The vocabulary (common and domain words, abbreviations) lets it find names in upper-case notes and after weak
    cues ("I'm Sarah", "Thanks, Tom") without taking ordinary words for names ("I'm Diabetic"); without domain
    protection it has none, and only strong cues count.

    Raises:
        ConfigError: The profile is not registered.
    """
    cfg = cfg or PIIRegexConfig()
    profile = cfg.pii_profile()
    return RegexPIICleaner(
        cfg.entities,
        replace=cfg.replace,
        placeholder=cfg.placeholder,
        protected_terms=profile.protected_terms,
        vocabulary=profile.vocabulary | profile.abbreviations if cfg.protect_domain_terms else (),
        fields=cfg.fields,
        profile=profile,
    )
