"""Names that belong to a domain term: "Wilson disease", "Tourette syndrome", "Factor V Leiden", "Kidney Biopsy".

A profile's ``term_heads`` are nouns that make the capitalised words right before them part of a term, not a person
or a place. NER and the name lexicon both call "Wilson" a name, and in "Dr. Wilson" it is one; in "Wilson disease"
it is the disease, and in the question "What causes Wilson?" of the same record too. So the words before a head are
collected once per record (:func:`term_words`), and a span made only of such words, of heads and of vocabulary words
is not an identifier (:func:`is_term_span`), unless a title stands before it ("Dr. Wilson's disease clinic" keeps
its name cue). The neutral profile has no heads, so nothing changes for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from medtune.cleaning.pii import TITLE_BEFORE

__all__ = ["defined_acronyms", "is_shaped_term", "is_term_span", "term_words"]

# A capitalised word, hyphenated parts and a possessive included ("Dandy-Walker", "Parkinson's", "Koolen-de").
_CAP = re.compile(r"[^\W\d_a-z\u00df-\u00ff][\w\u2019'-]*")
# Joining words inside an eponym ("Jervell and Lange-Nielsen", "Cornelia de Lange").
_JOIN = frozenset({"and", "de", "von", "van", "der", "la", "le", "du", "da", "di", "del"})
# Lower-case adjectives between an eponym and its head ("muscular", "corneal", "myoclonic", "hereditary").
_ADJECTIVE = re.compile(r"(?:al|ar|ic|ous|ive|ary|eal|ile|oid)$")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_TOKEN = re.compile(r"\S+")


@lru_cache(maxsize=16)
def _heads(heads: frozenset[str]) -> re.Pattern[str]:
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(sorted(map(re.escape, heads), key=len, reverse=True)) + r")\b")


def _key(word: str) -> str:
    return _POSSESSIVE.sub("", word.strip('.,;:()"')).lower()


def _run_before(text: str, start: int, vocabulary: frozenset[str]) -> list[str]:
    """The capitalised words right before ``start`` (at most three, joining words allowed between them)."""
    tokens = list(_TOKEN.finditer(text, max(0, start - 80), start))
    run: list[str] = []
    adjectives = 0
    for tok in reversed(tokens):
        word = tok.group().strip('"(')
        if not word:
            break  # a quote or a bracket alone
        if word.lower() in _JOIN and run:
            continue
        if not run and adjectives < 2 and word.islower() and _ADJECTIVE.search(word):
            adjectives += 1  # "Duchenne muscular dystrophy", "Meesmann corneal dystrophy"
            continue
        key = _key(word)
        if word[-1] in ".,;:!?" or not _CAP.fullmatch(word) or not key or key in vocabulary:
            break  # a sentence ends before the term ("SEEN BY MARIA LOPEZ. SYNDROME ..."), or a plain word
        if TITLE_BEFORE.search(text, max(0, tok.start() - 8), tok.start()):
            return []  # "Dr. Wilson disease clinic": the title wins
        run.append(key)
        if len(run) == 3:
            break
    return run


def term_words(texts: Iterable[str], heads: frozenset[str], vocabulary: frozenset[str]) -> frozenset[str]:
    """Lower-case words that stand right before a term head somewhere in ``texts`` (the strings of one record).

    Args:
        texts: The strings of one record.
        heads: Lower-case nouns that end a domain term ("disease", "syndrome").
        vocabulary: Lower-case common and domain words; a run of capitalised words stops at one ("Heart disease").

    >>> sorted(term_words(["Wilson disease and Tourette's syndrome", "JOHN HAS HEART DISEASE"],
    ...                   frozenset({"disease", "syndrome"}), frozenset({"has", "heart", "and"})))
    ['tourette', 'wilson']
    """
    if not heads:
        return frozenset()
    rx = _heads(heads)
    out: set[str] = set()
    for text in texts:
        for m in rx.finditer(text):
            out.update(_run_before(text, m.start(), vocabulary))
    out.update(part for word in list(out) if "-" in word for part in word.split("-") if len(part) > 2)
    return frozenset(out)  # with the parts of "Diamond-Blackfan", which NER may take one by one


def is_term_span(
    text: str, start: int, end: int, words: frozenset[str], heads: frozenset[str], vocabulary: frozenset[str]
) -> bool:
    """Whether ``text[start:end]`` is only words of a term: record term words (or acronyms), heads, vocabulary words.

    At least one word must be a term word or a head, and no title may stand before the span.

    >>> t = "Wilson Disease. Ask Dr. Wilson."
    >>> w, h = frozenset({"wilson"}), frozenset({"disease"})
    >>> is_term_span(t, 0, 14, w, h, frozenset()), is_term_span(t, 24, 30, w, h, frozenset())
    (True, False)
    """
    if (not heads and not words) or TITLE_BEFORE.search(text, max(0, start - 12), start):
        return False
    keys = [_key(w) for w in _TOKEN.findall(text[start:end])]
    keys = [k[:-1] if k not in words and k.endswith("s") and k[:-1] in words else k for k in keys if k]
    if not keys or not any(k in words or k in heads for k in keys):
        return False
    return all(k in words or k in heads or k in vocabulary or k in _JOIN for k in keys)


def is_shaped_term(
    text: str, start: int, end: int, shape: re.Pattern[str] | None, vocabulary: frozenset[str], min_len: int = 8
) -> bool:
    """Whether ``text[start:end]`` is made of vocabulary words and words with a term ending, one at least.

    Every word (and every part of a hyphenated one) is a vocabulary word or has a term ending (``shape``, the
    profile's ``strong_term_shape``), and one at least has the ending and ``min_len`` letters.

    Short words with a term ending are often names ("Paloma"), so they do not count as the term.

    >>> shape = re.compile(r"(?:pathy|iasis|trophy)$")
    >>> t = "Polyendocrinopathy-Candidiasis-Ectodermal Dystrophy, seen by Paloma"
    >>> is_shaped_term(t, 0, 51, shape, frozenset({"ectodermal"})), is_shaped_term(t, 61, 67, shape, frozenset())
    (True, False)
    """
    if shape is None or TITLE_BEFORE.search(text, max(0, start - 12), start):
        return False
    parts = [p for w in _TOKEN.findall(text[start:end]) for p in _key(w).split("-") if p]
    if not parts:
        return False
    shaped = [len(p) >= min_len and bool(shape.search(p)) for p in parts]
    return any(shaped) and all(s or p in vocabulary for p, s in zip(parts, shaped))


# An acronym in brackets after what it stands for: "Langerhans cell histiocytosis (LCH)", "(GISTs)".
_ACRONYM = re.compile(r"\((?P<a>[A-Z][A-Z0-9-]{1,9}?)(?P<s>s?)\)")
_WORDS_BEFORE = re.compile(r"[^\W\d_][\w'-]*")


def _stands_for(acronym: str, words: list[str]) -> bool:
    """Whether the letters of ``acronym`` run, in order, through the words ending just before it.

    The first letter must open one of the words, and one word at least must be in lower case: a phrase, not a name
    and its initials.
    """
    letters = [c.lower() for c in acronym if c.isalpha()]
    for first in range(len(words) - 1, -1, -1):
        phrase = words[first:]
        if phrase[0][0].lower() != letters[0] or len(phrase) > len(letters) + 2:
            continue
        rest = iter("".join(phrase).lower()[1:])
        if all(c in rest for c in letters[1:]) and any(w.islower() for w in phrase):
            return True
    return False


def defined_acronyms(texts: Iterable[str]) -> frozenset[str]:
    """Lower-case acronyms that a record defines in brackets after the phrase they stand for.

    An acronym the record spells out is a term, whatever NER makes of it elsewhere in the record ("Children with LCH
    should ..."). The phrase must hold a word in lower case, so "John Smith (JS)" defines nothing.

    >>> sorted(defined_acronyms(["Langerhans cell histiocytosis (LCH) and gastrointestinal stromal tumors (GISTs)",
    ...                          "nonalcoholic steatohepatitis (NASH); John Smith (JS); Customer Success (CS)"]))
    ['gist', 'lch', 'nash']
    """
    out: set[str] = set()
    for text in texts:
        if "(" not in text:
            continue
        for m in _ACRONYM.finditer(text):
            acronym = m.group("a")
            if sum(c.isalpha() for c in acronym) < 3:
                continue
            words = _WORDS_BEFORE.findall(text, max(0, m.start() - 120), m.start())
            if _stands_for(acronym, words[-(len(acronym) + 2) :]):
                out.add(acronym.lower())
    return frozenset(out)
