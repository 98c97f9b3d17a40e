"""Places named by their position: workplaces and where someone was moved (medtune.cleaning.workplaces)."""

from __future__ import annotations

import pytest

from medtune.cleaning.lexicons import common_words
from medtune.cleaning.workplaces import MOVEMENTS, find_moved_places, find_workplaces

VOCAB = common_words() | {"ccu", "micu", "sicu", "icu", "ed", "hcp", "levo", "floor", "fidelity", "polaroid"}
CARE = frozenset({"admitted", "adm", "d/c'd"})


def workplaces(text: str) -> list[str]:
    return [text[a:b] for a, b in find_workplaces(text, VOCAB)]


def moved(text: str, movements=CARE) -> list[str]:
    return [text[a:b] for a, b in find_moved_places(text, VOCAB, movements)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Pt works as a pilot for JetBlue, based at Logan.", ["JetBlue"]),
        ("Pt worked as a bartender at The Landing in Marblehead.", ["Landing"]),
        # in capitals a known word after an unknown one ends the name (against typos and note words)
        ("PT WORKS AT DUNKIN DONUTS PLANT IN CANTON.", ["DUNKIN"]),
        ("PT WORKED 30 YRS AT GE. WIFE HOME.", ["GE"]),
        ("19 yo college student at Tufts w/ meningitis.", ["Tufts"]),
        ("PT IS A STUDENT AT QUINSIGAMOND. ROOMMATE BROUGHT CLOTHES.", ["QUINSIGAMOND"]),
        ("He is employed by Raytheon in Andover.", ["Raytheon"]),
    ],
)
def test_employers_and_schools_after_a_word_for_work_or_study(text, places):
    assert workplaces(text) == places


@pytest.mark.parametrize(
    "text",
    [
        "Works at home; works for the city.",
        "PT WORKS AT FIDELITY.",  # in capitals a known word alone is not taken
        "WORKS NIGHTS AT THE HOSPITAL, RETIRED FROM THE NAVY.",
        "Lasix works for him.",
        "MEDICAL STUDENT AT BEDSIDE.",
        "Jaime Donnell, Barista at Argos, said the plan works.",  # a byline names a firm, not a person's place
    ],
)
def test_generic_and_known_words_after_a_work_cue_stay(text):
    assert workplaces(text) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("PT TRANSFERRED FROM CCU TO BAKER 4 AT 1600.", ["BAKER 4"]),
        ("HUSBAND RAYMOND WAS DRIVING, ADMITTED TO WHITE 6.", ["WHITE 6"]),
        ("Pt 66 M adm 3/30 from Southcoast w/ endocarditis.", ["Southcoast"]),
        ("PT TRANSFERRED FROM ZANESVILLE  HCP FORM IN CHART", ["ZANESVILLE"]),
        ("ADMITTED FROM WINCHESTER HOSPITAL ED 12/24 W/ UGIB.", ["WINCHESTER HOSPITAL"]),
    ],
)
def test_wards_and_sites_after_a_word_for_moving_someone(text, places):
    assert moved(text) == places


@pytest.mark.parametrize(
    "text",
    [
        "48F ADMITTED FROM ED W/ HA, FOUND TO HAVE SAH.",
        "Transferred to MICU 12/12 for hypotension.",
        "TITRATED TO LEVO 5. SENT TO FLOOR.",
        "PT ON LEVO 0.05, TRANSFERRED TO SICU.",
        "ARRIVED FROM HAITI IN JUNE.",  # a country stays (Safe Harbor)
        "Pt recently returned from Florida, gained 10 lb.",
    ],
)
def test_units_doses_and_regions_after_a_movement_stay(text):
    assert moved(text) == []


def test_everyday_verbs_of_going_are_not_movements():
    assert moved("We went to Mass, then came from Nando's. Sent to Spam.") == []
    assert moved("She moved to Tampere last year.") == ["Tampere"]


def test_the_domain_adds_its_own_movement_words():
    text = "ADM FROM SOUTHCOAST W/ SEPSIS"
    assert moved(text, frozenset()) == []
    assert moved(text) == ["SOUTHCOAST"]
    assert "transferred" in MOVEMENTS and "admitted" not in MOVEMENTS  # the core knows no clinical word


def test_a_department_after_a_tab_is_trimmed_without_a_crash():
    # the trim looked for a space before the last word and raised ValueError when a tab stood there
    assert moved("ADMITTED FROM WINCHESTER\tED W/ SOB") == ["WINCHESTER"]
