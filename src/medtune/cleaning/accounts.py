"""Account identifiers: usernames where forums and chats put them, IBANs, masked cards, ticket numbers.

A username identifies a person as surely as a name does, but it has no capital to give it away. It is found by
its place: after "Posted by", "Reply from", "Quote from", "Username:", "insta"; before "wrote:", "said:" or
"(35 posts)"; after "↳", "#2" or a chat timestamp at the start of a line. A bare word at the start of a line
followed by ":" is a username only when it looks like one (``jian_8420``, ``lulu.rude``, ``trinidadh12``,
``ZiadHaddad``), because "Agent:", "Note:" and "Hamza:" sit there too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from medtune.cleaning.leads import scanner

__all__ = ["find_accounts", "looks_like_username"]

_HANDLE = r"@?[A-Za-z0-9][A-Za-z0-9_.\-]{0,30}[A-Za-z0-9_]|@?[A-Za-z]"
_CUE_BEFORE = re.compile(
    r"(?i:\b(?:posted|written|shared|uploaded|started|submitted)\s+by|\breply(?:ing)?\s+(?:from|to)|\bquote\s+from|"
    r"\bquoting|\b(?:user(?:\s*name)?|login|handle|nick(?:name)?|screen\s*name|gamertag|account)\s*[:=]|"
    r"\busername\b(?:\s+is)?|\b(?:insta(?:gram)?|twitter|tiktok|snap(?:chat)?|telegram|skype|discord|reddit|"
    r"github|bluesky|mastodon)(?:\s+(?:handle|account|id|name))?\s*[:=]?|\btagging|"
    r"\b(?:cc|dm|msg|message)(?=\s+@))[ \t]+(?P<v>" + _HANDLE + r")(?![\w@])"
)
_CUE_AFTER = re.compile(
    r"(?m)(?:^|(?<=\s))(?P<v>" + _HANDLE + r")(?=[ \t]+(?:wrote|said|says|posted|replied|commented)[ \t]*[:.]|"
    r"[ \t]+\(\d+[ \t]+posts?\))|^[ \t]*(?P<w>" + _HANDLE + r")(?=[ \t]+\u00b7[ \t])"
)
_LINE_SPEAKER = re.compile(
    r"(?m)^[ \t]*(?P<lead>[\u21b3>\u00bb][ \t]*|#\d+[ \t]+|\[\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?\][ \t]*|"
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4},?[ \t]+\d{1,2}:\d{2}(?:[ \t]*[AaPp][Mm])?[ \t]*-[ \t]*)?"
    r"(?P<v>" + _HANDLE + r")(?=[ \t]*:(?:[ \t]|$))"
)
_IBAN = re.compile(r"(?<![\w/=-])[A-Za-z]{2}\d{2}(?:[ \t]?[A-Za-z0-9]{4}){2,7}(?:[ \t]?[A-Za-z0-9]{1,3})?(?![\w-])")
_MASKED_CARD = re.compile(
    r"(?:[*xX\u2022]{4}[ \t-]?){2,3}\d{4}\b|"
    r"(?i:\b(?:card|account)\s+ending(?:\s+in)?|\bending\s+in)[ \t:]*(?P<v>\d{4})\b"
)
_TICKET = re.compile(r"(?<![\w&#])#[ \t]?(?P<v>[A-Z]{0,3}\d{4,}[A-Z]?)(?![\w-])")


# Cheap checks that say whether a pattern can match at all (most texts hold no account).
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[a-z]+")
_CUE_WORDS = frozenset(
    """
    posted written shared uploaded started submitted reply replying quote quoting user username login handle nick
    nickname screen gamertag account insta instagram twitter tiktok snap snapchat telegram skype discord reddit github
    bluesky mastodon tagging cc dm msg message
    """.split()  # noqa: SIM905
)
_AFTER_WORDS = frozenset({"wrote", "said", "says", "posted", "replied", "commented", "posts", "post"})


def looks_like_username(word: str) -> bool:
    """Whether ``word`` has a username's shape: ``_`` or ``.`` inside, letters then digits, or JoinedCapitals.

    >>> [looks_like_username(w) for w in ("jian_8420", "lulu.rude", "vil94", "ZiadHaddad", "Hamza", "Agent")]
    [True, True, True, True, False, False]
    """
    w = word.lstrip("@")
    return bool(
        re.fullmatch(r"[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+_?|[A-Za-z0-9]+_", w)
        or re.fullmatch(r"[A-Za-z]{2,}\d{2,}", w)
        or re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+[A-Z]?", w)
    )


def _iban_ok(value: str) -> bool:
    compact = re.sub(r"\s", "", value)
    one_case = compact.upper() == compact or compact.lower() == compact  # "ef929754f8d7 Gifts" is not one
    return one_case and 15 <= len(compact) <= 34 and sum(c.isdigit() for c in compact) >= 8


def find_accounts(text: str, vocab: Iterable[str] | frozenset[str] = ()) -> list[tuple[int, int]]:
    r"""Usernames in the places forums and chats put them, IBANs, masked card numbers and ``#12345`` tickets.

    Args:
        text: Any string.
        vocab: Lower-case common words: after a weak place ("Posted by the admin") a common word is no username.

    >>> t = "Posted by jules_6306 on 17.10.\nReply from tandas\n#2 durova_n (439 posts)\nlulu.rude wrote:\nok"
    >>> [t[a:b] for a, b in find_accounts(t)]
    ['jules_6306', 'tandas', 'durova_n', 'lulu.rude']
    >>> t = "Agent: I opened #40935. Pay to GB20 RMML 8765 0074 8474 64, card **** **** **** 9517."
    >>> [t[a:b] for a, b in find_accounts(t)]
    ['40935', 'GB20 RMML 8765 0074 8474 64', '**** **** **** 9517']
    """
    words = vocab if isinstance(vocab, frozenset) else frozenset(vocab)
    out = []

    def handle(value: str, strong: bool) -> bool:
        if looks_like_username(value) or value.startswith("@"):
            return True
        # A capitalised word after "Reply from" is as often a firm ("Reply from Ryanair:"); names are NER's.
        return strong and value.islower() and value not in words

    tokens = set(_TOKEN.findall(text.lower()))
    if not tokens.isdisjoint(_CUE_WORDS):
        for m in scanner(_CUE_BEFORE, 3).finditer(text):
            if handle(m.group("v"), True):
                out.append(m.span("v"))
    if not tokens.isdisjoint(_AFTER_WORDS) or "\u00b7" in text:
        for m in _CUE_AFTER.finditer(text):
            group = "v" if m.group("v") else "w"
            if handle(m.group(group), True):
                out.append(m.span(group))
    if ":" in text:
        for m in _LINE_SPEAKER.finditer(text):
            if handle(m.group("v"), m.group("lead") is not None):
                out.append(m.span("v"))
    if _DIGIT.search(text):
        out += [m.span() for m in _IBAN.finditer(text) if _iban_ok(m.group())]
        if "ending" in tokens or "*" in text or "\u2022" in text or "xxxx" in text.lower():
            out += [m.span("v") if m.group("v") else m.span() for m in _MASKED_CARD.finditer(text)]
        if "#" in text:
            out += [m.span("v") for m in _TICKET.finditer(text)]
    return sorted(set(out))
