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
