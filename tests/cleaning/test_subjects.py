"""Given names by their place in a note (medtune.cleaning.subjects)."""

from __future__ import annotations

import pytest

from medtune.cleaning.lexicons import common_words
from medtune.cleaning.subjects import PREDICATES, find_header_names, find_subject_names

VOCAB = common_words() | {"c/o", "a+ox3", "foley", "neuro", "cv"}
CLINICAL = {"c/o", "a+ox3", "mae"}


def subjects(text: str) -> list[str]:
    return [text[a:b] for a, b in find_subject_names(text, VOCAB, CLINICAL)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ABD SOFT.\nLAKSHMI C/O NAUSEA POST CHEMO.", "LAKSHMI"),
        ("NEURO: ISMAIL ALERT AND ORIENTED.", "ISMAIL"),
        ("NEURO: HOPE A+OX3, MAE.", "HOPE"),
        ("NEURO: GRACE IS LETHARGIC BUT AROUSES TO VOICE.", "GRACE"),
        ("AROUND 0200 PRAKASH BECAME DIAPHORETIC, BS 52.", "PRAKASH"),
        ("REPOSITIONED JOHN Q2H, HEELS FLOATED.", "JOHN"),
        ("Assisted Anastasia with shower.", "Anastasia"),
        ("WILL'S MOTHER STAYING OVERNIGHT.", "WILL"),
        ("ADMIT NOTE 1930: EUGENIA 78F FROM ED W/ SBO.", "EUGENIA"),
        ("Hope is a 34 y/o F s/p emergent c-section", "Hope"),
        ('Guadalupe Ramirez ("Lupe") remains on BiPAP', "Lupe"),
        ("BASELINE DEMENTIA, KNOWN TO STAFF AS FRANNIE.", "FRANNIE"),
        ("0800 ZBIGNIEW VERY AGITATED, SHOUTING IN POLISH.", "ZBIGNIEW"),
        ("Guðrún extubated at 0915, now on 35%", "Guðrún"),
        ("MR STONE C/O RENAL COLIC L FLANK 8/10.", "STONE"),
        ("TEMITOPE - SICKLE CELL CRISIS.", "TEMITOPE"),
    ],
)
def test_given_names_as_subjects_and_objects(text: str, name: str) -> None:
    assert subjects(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "NO C/O CP OR SOB.",
        "He reports BP at home 130s.",
        "MAY BE RESTLESS OVERNIGHT. WILL NEED FOLEY.",
        "Long sitting tolerated 20 min.",
        "GRACE PERIOD OVER.",
        "ASSISTED TO CHAIR. REPOSITIONED Q2H.",
        "PT SLEPT 0000-0530. AWOKE DIAPHORETIC.",
        "A condition also known as cervicalgia.",
        "MAY BE 2 DAYS.",
        "FRANK BLOOD PER RECTUM. SALEM SUMP TO LCS. GIT - NBM.",
        "NO STONE PASSED YET.",
    ],
)
def test_words_that_open_clauses_are_not_names(text: str) -> None:
    assert subjects(text) == []


def test_aka_and_identified_as() -> None:
    t = "SANDY (AKA ALEXANDRA MACRAE) A+O X4.\nPT IDENTIFIED AS BABAJIDE ADEYEMI BY WRISTBAND."
    assert subjects(t)[:2] == ["ALEXANDRA MACRAE", "BABAJIDE ADEYEMI"]


def test_header_after_a_label_but_not_a_signature_or_a_list() -> None:
    t = "HEADER: LÊ, THỊ MAI\nBest, Maggie\nLanguages: Czech, Danish\ngu: foley, amber urine"
    assert [t[a:b] for a, b in find_header_names(t, VOCAB)] == ["LÊ, THỊ MAI"]


def test_header_lines() -> None:
    t = "PAPADOPOULOS, DIMITRIOS\n77 Y/O S/P AAA REPAIR.\nCUNHA, LETICIA  #939-69-41\nHYPERNATREMIC, NA 145\nNEURO, CV"
    assert [t[a:b] for a, b in find_header_names(t, VOCAB)] == ["PAPADOPOULOS, DIMITRIOS", "CUNHA, LETICIA"]


def test_predicates_are_plain_english() -> None:
    assert {"denies", "slept", "anxious"} <= PREDICATES and "c/o" not in PREDICATES


def test_speakers_of_a_chat_are_names_but_one_off_sections_are_not() -> None:
    from medtune.cleaning.subjects import find_speaker_names

    chat = "[10:42] Diyor: at the airport\n[10:43] Maria: omw\n[10:44] Diyor: ok\nResp: gate 4"
    assert [chat[a:b] for a, b in find_speaker_names(chat, VOCAB)] == ["Diyor", "Maria", "Diyor"]
    note = "Neuro: alert\nResp: clear\nDispo: floor"  # sections of a note, each once, none a name
    assert find_speaker_names(note, VOCAB) == []
    caps = "DIYOR: AT THE AIRPORT\nMARIA: OMW"  # a text in capitals is a note's sections
    assert find_speaker_names(caps, VOCAB) == []
    assert find_speaker_names("Diyor: at the airport", VOCAB) == []  # one line is no transcript
