"""Usernames, IBANs, masked cards and ticket numbers (medtune.cleaning.accounts)."""

from __future__ import annotations

import pytest

from medtune.cleaning.accounts import find_accounts, looks_like_username
from medtune.cleaning.lexicons import common_words

VOCAB = common_words()


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in find_accounts(text, VOCAB)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Posted by jules_6306 on 17.10. at 09:43", "jules_6306"),
        ("Reply from tandas\nCheck your router", "tandas"),
        ('Quote from jian_8420: "it\'s a scam"', "jian_8420"),
        ("#2 durova_n (439 posts)\nMy landlord", "durova_n"),
        ("trinidadh12 wrote:\nI'd avoid Silom Road", "trinidadh12"),
        ("dana_2221 · 8th of July\nBump.", "dana_2221"),
        ("[21:59] scout_urba: stuck on Gran Vía", "scout_urba"),
        ("11.07.24, 06:49 - FunmilayoUsman: who's bringing it", "FunmilayoUsman"),
        ("Username: pip.luce", "pip.luce"),
        ("i'm June, from Leipzig, insta @isabelle.martin1588", "@isabelle.martin1588"),
        ("Pay to GB20 RMML 8765 0074 8474 64 by Friday", "GB20 RMML 8765 0074 8474 64"),
        ("payment sent to de22 2387 9057 5761 8727 40", "de22 2387 9057 5761 8727 40"),
        ("REFUND TO CARD **** **** **** 9517.", "**** **** **** 9517"),
        ("Customer: Katerina, card ending 9021", "9021"),
        ("sorry marita! i've opened #10715.", "10715"),
    ],
)
def test_accounts_are_found(text: str, value: str) -> None:
    assert value in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Agent: how can I help?\nNote: patient stable",
        "Reply from Ryanair: Hi Alastair, sorry",
        "Head of Marketing at Spotify · Languages: Hindi",
        "Posted by the admin on Monday",
        "500 cc urine, DM type 2, IG 40",
        "Please reply via https://docs.google.com/document/d/ef929754f8d7 Gifts are welcome",
        "score #1 and #12 of 30",
    ],
)
def test_labels_firms_and_shorthand_are_not_accounts(text: str) -> None:
    assert found(text) == []


def test_username_shapes() -> None:
    assert [looks_like_username(w) for w in ("lulu.rude", "vil94", "ZiadHaddad", "MilenaDancakova_")] == [True] * 4
    assert [looks_like_username(w) for w in ("Hamza", "agent", "covid", "B12")] == [False] * 4
