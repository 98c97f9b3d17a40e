"""Names beside a relation or role word (medtune.cleaning.roles)."""

from __future__ import annotations

import pytest

from medtune.cleaning.lexicons import common_words
from medtune.cleaning.roles import RELATIONS, find_role_names

VOCAB = common_words() | {"ed", "pt", "rn"}
ROLES = {"rn", "chaplain", "resident", "pt", "dr"}


def found(text: str, roles=ROLES) -> list[str]:
    return [text[a:b] for a, b in find_role_names(text, roles, VOCAB)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("NIECE CANDY IN TO VISIT, UPDATED ON POC.", "CANDY"),
        ("ROOMMATE (KENJI) CALLED X2", "KENJI"),
        ("CHAPLSIN VISITED. CHAPLAIN TRACY IN TO VISIT.", "TRACY"),
        ("REPORT GIVEN TO IRIS RN ON CCU.", "IRIS"),
        ("Irving (wife) is HCP", "Irving"),
        ("KATHERINE (DAUGHTER) STATES PT FELL", "KATHERINE"),
        ("Celebrate Grandpa Stein's 97th birthday", "Stein"),
    ],
)
def test_names_beside_roles_and_relations(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "SON WILL CALL IN AM. WIFE AWARE.",
        "RECEIVED REPORT FROM ED RN.",
        "ORTHO IN TO SEE PT, RECS WBAT.",
        "SON CELL 652 315 0996",
        "Pt Spanish-speaking, interpreter via phone",
        "Pt Neutropenic, on Flagyl",
        "Looking for a tutor for my daughter. Russian speaker preferred",
        "RN ASSISTED W/ TURN. RESIDENT AWARE.",
    ],
)
def test_words_beside_roles_that_are_not_names(text: str) -> None:
    assert found(text) == []


def test_without_domain_roles_only_relations_count() -> None:
    assert found("DAWN RN ASSISTED. Mother Nadege upset.", roles=()) == ["Nadege"]
    assert "wife" in RELATIONS and "rn" not in RELATIONS
