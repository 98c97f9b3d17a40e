"""Whether a text is in capitals (medtune.cleaning.case), shared by the deid and roles finders."""

from __future__ import annotations

import pytest

from medtune.cleaning.case import count_alpha, count_upper, mostly_capitals
from medtune.cleaning.roles import find_role_names


@pytest.mark.parametrize(
    ("text", "caps"),
    [
        ("NEURO: WŁADYSŁAW A+OX3, MAE.", True),
        ("Neuro: Władysław alert and oriented.", False),
        ("PT Resting Quietly but alert and oriented", False),
        ("", False),
    ],
)
def test_mostly_capitals(text: str, caps: bool) -> None:
    assert mostly_capitals(text) is caps


def test_counts_cover_latin_extended_letters() -> None:
    assert (count_upper("ŁÓDŹ x"), count_alpha("ŁÓDŹ x")) == (4, 5)


def test_roles_use_the_callers_view_of_capitals() -> None:
    t = "Mother Zyrelline upset."  # a capitalised word outside the name lexicon
    assert [t[a:b] for a, b in find_role_names(t)] == ["Zyrelline"]
    assert find_role_names(t, caps=True) == []  # in capitals a word outside the lexicons is no name


def test_counts_equal_the_per_character_definitions():
    import random
    import re

    rnd = random.Random(3)
    alphabet = "aZ9_ -.\nÀéÖøĀāŁłƒΣ\u03c3Дд中\u0301²"
    for _ in range(2000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert count_alpha(text) == len(re.findall(r"[^\W\d_]", text)), text
        latin = [ch for ch in text if "A" <= ch <= "Z" or "\u00c0" <= ch <= "\u017f"]
        assert count_upper(text) == sum(ch.isupper() for ch in latin), text
