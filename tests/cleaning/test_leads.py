import random
import re

import pytest

from medtune.cleaning import pii
from medtune.cleaning.leads import LeadScanner, pattern_leads, scanner

PATTERNS = [
    r"\b(?i:mrn|medical\s+record(?:\s+(?:number|no\.?|#))?|acct\.?)[\s:#]*(?P<v>\d+)",
    r"\b(?:Dr|DR|Mrs?)\b\.?\s+(?P<v>[A-Z][a-z]+)",
    r"(?<!-)\b(?:e-?)?signed\s+by\s+\w+",
    r"(?i:\bmy\s+name\s+is|\bname\s*:)[ \t]+(?P<v>[a-z]+)",
    r"(?i)\b(?:Jan(?:uary)?|Feb(?:ruary)?)\.?\s+\d{1,2}",
    r"(?:ab)+c|a{2,}b",
    r"(?i:x|yz)?q\d",
    r"(a)\1b",
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_scanner_finds_exactly_what_finditer_finds(pattern):
    rx = re.compile(pattern)
    scan = LeadScanner(rx)
    assert scan.leads is not None
    rnd = random.Random(pattern)
    pieces = [
        "MRN",
        "mrn:",
        " ",
        "Dr",
        "DR.",
        "Mrs",
        "e-signed",
        "-signed",
        "signed",
        "by",
        "Ann",
        "name:",
        "my",
        "name",
        "is",
        "jan",
        "FEB.",
        "12",
        "ab",
        "c",
        "aab",
        "q1",
        "yzq2",
        "Xq3",
        "acct",
        "#",
        "\n",
        "-",
        "é",
    ]
    for _ in range(1500):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " ", "  "]) for _ in range(rnd.randint(0, 12)))
        assert [m.span() for m in scan.finditer(text)] == [m.span() for m in rx.finditer(text)], text


def test_leads_are_the_lower_case_starts_of_every_match():
    assert pattern_leads(re.compile(r"\b(?:Dr|Mrs?)\.?\s+[A-Z]")) == frozenset({"dr", "mr"})
    assert pattern_leads(re.compile(r"(?i:ssn|social\s+security)")) == frozenset({"ssn", "soc"})


@pytest.mark.parametrize("pattern", [r"\w+@\w+", r"x?", r".abc", r"[^a]bc"])
def test_patterns_without_a_usable_lead_are_scanned_the_plain_way(pattern):
    rx = re.compile(pattern)
    scan = LeadScanner(rx)
    assert not scan.used
    assert [m.span() for m in scan.finditer("a abc xx@yy aa")] == [m.span() for m in rx.finditer("a abc xx@yy aa")]


def test_short_leads_fall_back_when_a_minimum_is_asked():
    rx = re.compile(r"\b(?:he|she)\s+is\s+\d+")
    assert not LeadScanner(rx, min_lead=3).used
    assert LeadScanner(rx).used


def test_non_ascii_text_is_scanned_the_plain_way():
    rx = re.compile(r"(?i)\bsta")  # case-blind, the regex engine takes the long s (U+017F) for an "s"
    text = "\u017fta STA sta"
    assert (
        [m.span() for m in scanner(rx).finditer(text)]
        == [m.span() for m in rx.finditer(text)]
        == [
            (0, 3),
            (4, 7),
            (8, 11),
        ]
    )


def test_the_pii_patterns_and_name_cues_match_as_before():
    """Every pattern and cue of the default profile gives finditer's spans on mixed texts."""
    cues = pii._cues(None)
    regexes = [p.regex for p in cues.patterns] + [cues.strong, cues.weak, cues.last_first, pii._LOWER_NAME_CUE]
    texts = [
        "MRN: 12345678, seen by Dr. Ann Lee on Jan. 3 2020; call me at 555-123-4567. Thanks, Tom",
        "PT J.S. RM 14. NAME: DOE, JOHN. SSN 123-45-6789. My name is anna. Regards, Mikko Laaksonen",
        "patient id AB-12345 / member # 99887766 / zip code 12345 / http://x.example.com / Mrs. O'Neil",
    ]
    for rx in regexes:
        for min_lead in (1, 3):
            for text in texts:
                got = [m.span() for m in scanner(rx, min_lead).finditer(text)]
                assert got == [m.span() for m in rx.finditer(text)], (rx.pattern[:60], text)
