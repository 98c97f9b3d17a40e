"""Fast regex removal of personal identifiers (the pattern-detectable HIPAA Safe Harbor identifiers).

Covers e-mail addresses, URLs, IP addresses, phone and fax numbers (North American, international and
context-marked), SSNs, record/account/licence/insurance-style IDs after a label (``MRN: 12345``), Luhn-valid
credit-card numbers, dates more precise than a year, ages over 89, ZIP codes (ZIP+4, after a state or a label),
street addresses and PO boxes, and names introduced by a title or a phrase (``Dr. Smith``, ``my name is Ann``).
Names and places in free text need NER: see :mod:`medtune.cleaning.presidio`.

Medical words are protected: a name candidate made only of protected terms (``Dr. Parkinson's`` never happens in
practice, but ``Crohn``, ``Hodgkin`` and drug names do) or of common English words is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from medtune.cleaning.base import TextCleaner

__all__ = ["ENTITY_TYPES", "PIIMatch", "RegexPIICleaner", "Surrogates", "find_pii", "luhn_valid"]

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
    r"Trafficway|Tunnel|Turnpike|Underpass|Union|Valley|Viaduct|View|Village|Ville|Vista|Walk|Wall|Well)s?|"
    r"St|Ave|Rd|Blvd|Ln|Dr|Ct|Pl|Ter|Cir|Hwy|Pkwy|Sq|Trl|Ctr|Cres|Expy|Fwy|Jct|Mtn|Pt|Rte|Tpke|Xing)"
)
_ID_LABEL = (
    r"\b(?i:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|med\s*rec(?:\s*(?:no\.?|#))?|chart(?:\s+(?:number|no\.?|#))|"
    r"patient\s+(?:id|number|no\.?|#)|account(?:\s+(?:number|no\.?|#))?|acct\.?(?:\s*(?:no\.?|#))?|"
    r"(?:driver'?s?\s+)?licen[cs]e(?:\s+(?:number|no\.?|#))?|DEA(?:\s*(?:number|no\.?|#))?|NPI|"
    r"policy(?:\s+(?:number|no\.?|#))?|member\s+(?:id|number|no\.?|#)|subscriber\s+(?:id|number|no\.?|#)|"
    r"insurance(?:\s+(?:id|number|no\.?|#))?|group\s+(?:id|number|no\.?|#)|health\s+plan(?:\s+(?:id|number))?|"
    r"beneficiary(?:\s+(?:id|number))?|medicaid(?:\s+(?:id|number|no\.?|#))?|medicare(?:\s+(?:id|number|no\.?|#))?|"
    r"certificate(?:\s+(?:number|no\.?|#))?|serial(?:\s+(?:number|no\.?|#))|VIN|plate(?:\s+(?:number|no\.?|#))|"
    r"case\s+(?:id|number|no\.?|#)|claim(?:\s+(?:id|number|no\.?|#))?|record\s+(?:id|number|no\.?|#)|ID|"
    r"passport(?:\s+(?:number|no\.?|#))?)"
)
_TITLE = r"(?:Dr|DR|Mr|MR|Mrs|MRS|Ms|MS|Mx|Miss|MISS|Prof|PROF|Nurse|NURSE)"
_NAME_WORD = r"[A-Z][A-Za-z'\u2019-]*[A-Za-z]"


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
    return 13 <= len(d) <= 19 and luhn_valid(d)


def _numeric_date_ok(s: str) -> bool:
    parts = [int(p) for p in re.split(r"[/.-]", s)]
    if len(parts[0].__str__()) == 4 or parts[0] > 31:  # ISO y-m-d
        return 1 <= parts[1] <= 12 and 1 <= parts[2] <= 31
    a, b = parts[0], parts[1]
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _month_ok(s: str) -> bool:
    # Lower-case "may"/"mar" are the verb and the word far more often than the month.
    return not re.search(r"(?<![A-Za-z])(?:may|mar)(?![A-Za-z])", s)


def _compile(p: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(p, flags)


_PATTERNS: tuple[_Pattern, ...] = (
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
            r"au|de|fr|in)\b(?:/[^\s<>\"'()\[\]{}]*)?"
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
        _compile(r"(?<![\w-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{4}([ -])\d{6}\2\d{4,5})(?![\w-])"),
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
            r"(?<![\w+/-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}"
            r"(?:(?i:\s*(?:x|ext\.?|extension)\s*)\d{1,6}(?!\w))?(?![\w/]|-\d)"
        ),
        "digit",
    ),
    _Pattern(
        "PHONE",
        _compile(r"(?<![\w+])(?:\+|\b00)\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?![\w/])"),
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
    _Pattern(
        "ID",
        _compile(
            _ID_LABEL + r"(?![A-Za-z])[\s:#.=-]*(?:(?i:is)\s+)?(?P<v>(?=[A-Za-z0-9-]*\d)[A-Za-z0-9][A-Za-z0-9-]{3,})\b"
        ),
        "digit",
    ),
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
    _Pattern(
        "AGE",
        _compile(
            r"(?i)(?<![\w.])(?:9\d|1[0-4]\d)(?:\s*-?\s*)(?:years?|yrs?|y/o|y\.o\.?|yo[mf]?|year[\s-]old)\b(?:[\s-]*old)?"
        ),
        "digit",
    ),
    _Pattern("AGE", _compile(r"(?i)\b(?:aged?|age:)\s*(?P<v>9\d|1[0-4]\d)(?![\w.])"), "digit"),
    _Pattern(
        "ADDRESS",
        _compile(
            r"(?<![\w.])\d{1,6}[A-Za-z]?\s+(?:(?:[NSEW]\.?|North|South|East|West|NORTH|SOUTH|EAST|WEST)\s+)?"
            r"(?:[A-Z][A-Za-z'\u2019.-]*\s+){1,4}" + _STREET + r"\b\.?"
            r"(?:,?\s*(?i:apt|apartment|suite|ste|unit|#)\.?\s*#?\w+)?"
        ),
        "digit",
    ),
    _Pattern("ADDRESS", _compile(r"(?i)\bP\.?\s?O\.?\s+Box\s+\d+"), "digit"),
    _Pattern("ZIP", _compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])"), "digit"),
    _Pattern("ZIP", _compile(r"\b" + _STATES + r"\.?,?\s+(?P<v>\d{5})(?![\w-])"), "digit"),
    _Pattern(
        "ZIP", _compile(r"(?i:\bzip(?:\s*code)?|\bpostal\s+code|\bpostcode)[\s:#]*(?P<v>\d{5})(?![\w-])"), "digit"
    ),
    _Pattern(
        "NAME",
        _compile(r"\b" + _TITLE + r"\.?\s+(?P<v>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,2})"),
    ),
    _Pattern(
        "NAME",
        _compile(
            r"(?i:\bmy\s+name\s+is|\bi\s+am\s+called|\bcall\s+me|\bpatient\s+name|\bname\s*:|\bsigned|"
            r"\bregards,|\bsincerely,|\bpt\s+name)\s*:?\s+(?P<v>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,2})"
        ),
    ),
)

#: Capitalised words that follow titles or introductions but are not names.
_COMMON_WORDS = frozenset(
    """
    i i'm i've i'd im me my mine we our you your he she it they them his her their this that these those there
    here a an the and or but if so because as at by for from in into of on to with without about after before
    over under is am are was were be been being have has had do does did can could will would shall should may
    might must what when where which who whom why how yes no not please thanks thank hello hi hey dear sir madam
    doctor doc good morning afternoon evening night today yesterday tomorrow now then also just very much many
    some any all help need want know think feel felt having getting got get recently since still again ok okay
    sorry regards monday tuesday wednesday thursday friday saturday sunday hospital clinic center centre
    department emergency patient nurse office general medical medicine health care team staff unit ward service
    services
    """.split()  # noqa: SIM905
)


def _name_ok(value: str, protected: frozenset[str]) -> str | None:
    """Trim a name candidate at its first common or protected word; ``None`` when nothing is left."""
    kept: list[str] = []
    for word in value.split():
        key = re.sub(r"(?:'s|\u2019s|s')$", "", word.lower()).strip("'\u2019-")
        if key in _COMMON_WORDS or key in protected or word.lower() in protected:
            break
        kept.append(word)
    return " ".join(kept) if kept else None


def find_pii(
    text: str, entities: Iterable[str] | None = None, protected_terms: Iterable[str] | frozenset[str] = ()
) -> list[PIIMatch]:
    """Find identifiers in ``text``: non-overlapping, sorted by position (leftmost-longest wins).

    Args:
        text: Any string.
        entities: Labels to look for (default: all of :data:`ENTITY_TYPES`).
        protected_terms: Lower-case words never treated as names (eponyms, drug names…).

    Example:
        >>> [(m.label, m.text) for m in find_pii("Call 555-123-4567 or mail ann@example.com")]
        [('PHONE', '555-123-4567'), ('EMAIL', 'ann@example.com')]
    """
    wanted = set(ENTITY_TYPES if entities is None else entities)
    protected = protected_terms if isinstance(protected_terms, frozenset) else frozenset(protected_terms)
    has_digit = any(ch.isdigit() for ch in text)
    found: list[tuple[int, int, int, str]] = []  # (start, -length, priority, label)
    for p in _PATTERNS:
        if p.label not in wanted:
            continue
        if (p.needs == "digit" and not has_digit) or (p.needs in ("@", ".", ":") and p.needs not in text):
            continue
        for m in p.regex.finditer(text):
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
            if p.label == "NAME":
                name = _name_ok(value, protected)
                if name is None:
                    continue
                end = start + len(name)
            elif p.check is not None and not p.check(text[m.start() : m.end()] if p.label == "DATE" else value):
                continue
            if end > start:
                found.append((start, start - end, ENTITY_TYPES.index(p.label), p.label))
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
    """Replace non-overlapping, sorted matches in one pass."""
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
        protected_terms: Lower-case words that are never names (the medical plugin passes eponyms and drugs).
        fields: Fields to clean (default all).

    Example:
        >>> c = RegexPIICleaner()
        >>> c.clean_text("DOB 03/14/1962, MRN: 88123456, 92-year-old, seen by Dr. Alvarez")
        'DOB [DATE], MRN: [ID], [AGE], seen by Dr. [NAME]'
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
        fields: Sequence[str] = ("instruction", "input", "output"),
    ) -> None:
        super().__init__(fields)
        from medtune.errors import ConfigError

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
        self.idempotent = replace == "placeholder"  # type: ignore[misc]

    def find(self, text: str) -> list[PIIMatch]:
        """The identifiers this cleaner would remove from ``text``."""
        return find_pii(text, self.entities, self.protected_terms)

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
