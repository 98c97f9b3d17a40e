"""Addresses outside US formats and postcodes (medtune.cleaning.postal)."""

from __future__ import annotations

import pytest

from medtune.cleaning.lexicons import common_words
from medtune.cleaning.postal import find_addresses, find_postcodes, grow_address, grow_place

VOCAB = common_words()


def found(text: str) -> list[str]:
    return [text[a:b] for a, b in find_addresses(text, VOCAB)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Invoice to: ul. Marszałkowska 84/92 lok. 109, 00-514 Warszawa, NIP 5252840019",
            "ul. Marszałkowska 84/92 lok. 109, 00-514 Warszawa",
        ),
        (
            "Marc Peeters\nRue de la Loi 155 bte 12\n1040 Etterbeek\n\nBruxelles",
            "Rue de la Loi 155 bte 12\n1040 Etterbeek",
        ),
        (
            "Studentenstadt, Christoph-Probst-Str. 10, App. 1207\n80805 München\n",
            "Christoph-Probst-Str. 10, App. 1207\n80805 München",
        ),
        ("sendingin fer á Laugavegur 45, íbúð 302, 101 Reykjavík. Kennitala", "Laugavegur 45, íbúð 302, 101 Reykjavík"),
        (
            "Hanbit Marine Co.\n17F, 55 Jungang-daero, Dong-gu, Busan 48821, Korea",
            "17F, 55 Jungang-daero, Dong-gu, Busan 48821, Korea",
        ),
        ("llegará mañana a c/ alfonso xii 8, bajo, 29012 málaga. horario", "c/ alfonso xii 8, bajo, 29012 málaga"),
        ("Camera ardente: via Dandolo 3.", "via Dandolo 3"),
        ("4410 Mannerheimintie 12 Apt. 5 Paysandú, UY 11300", "4410 Mannerheimintie 12 Apt. 5 Paysandú, UY 11300"),
        ("Moda Caddesi No: 36, Kadıköy, 34710 İstanbul", "Moda Caddesi No: 36, Kadıköy, 34710 İstanbul"),  # noqa: RUF001
        ("Hauptstraße 5, 10115 Berlin", "Hauptstraße 5, 10115 Berlin"),
        ("send to:\nul. Hutnicza 718\n77-861 Krakow Thanks for sending", "ul. Hutnicza 718\n77-861 Krakow"),
    ],
)
def test_international_addresses_are_found_whole(text: str, address: str) -> None:
    assert address in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "we went via the portal 24 hours later",
        "Spring 2024 was fun, Chapter 12 and Winter 2023. Pedro 3 times.",
        "PT C/O CP 9/10 AT 0700, EKG DONE",
        "UO 86-137 ML/HR VIA FOLEY  PT TO CT AT 1900",
        "RAPID RESPONSE CALLED AT 1530 FOR SBP 71",
        "DULCOLAX PR. HCT STABLE AT 28.9",
        "0322 INTUBATED BY ANESTHESIA\n0324 EPI 1MG",
        "DECLINED BY 9 FACILITIES (AUTISM)",
        "Kia's new store on avenue Potier opens on 18 mars",
        "ran the bakery on Calle Madero for 2 years",
    ],
)
def test_prose_and_clinical_shorthand_are_not_addresses(text: str) -> None:
    assert found(text) == []


def test_the_sentence_after_a_town_is_not_part_of_the_address() -> None:
    t = "Vi har registreret flytningen fra Vesterbrogade 88, 2. th., 1620 København V til Søndergade 14."
    assert found(t) == ["Vesterbrogade 88, 2. th., 1620 København V", "Søndergade 14"]


def test_shaped_postcodes_need_their_space() -> None:
    t = "Norwich NR2 3PQ; Ottawa K1M 2C5; Dublin D15 YT82; 〒530-0001; GCS 13 (E4V3M6)"
    assert [t[a:b] for a, b in find_postcodes(t)] == ["NR2 3PQ", "K1M 2C5", "D15 YT82", "〒530-0001"]


def test_grow_address_takes_a_unit_before_and_town_and_postcode_after() -> None:
    t = "Flat 2, 18 Clifton Terrace\nBrighton\nBN1 3HA\nUnited Kingdom"
    a, b = grow_address(t, t.index("18"), t.index("\nBrighton"), VOCAB)
    assert t[a:b] == "Flat 2, 18 Clifton Terrace\nBrighton\nBN1 3HA"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Our office is at Arnesenalléen 57\n1476 LIVHELLE.", "Arnesenalléen 57\n1476 LIVHELLE"),
        ("Post it to Jensenlunden 62,\n9420 ARNESTAD before May", "Jensenlunden 62,\n9420 ARNESTAD"),
        ("Return label: Radnički dol 90b, 47337 Poreč", "Radnički dol 90b, 47337 Poreč"),
        ("Post it to Postfach 43 39 55, 75360 Rosenheim", "Postfach 43 39 55, 75360 Rosenheim"),
        ("Write to PO Box 2380, Sherbrooke", "PO Box 2380, Sherbrooke"),
        ("Apartado 112, Sevilla", "Apartado 112, Sevilla"),
    ],
)
def test_po_boxes_and_any_street_before_a_postcode_and_town(text: str, address: str) -> None:
    assert found(text) == [address]


@pytest.mark.parametrize(
    "text",
    ["BED 12, 1400 CALLED MD", "Chapter 12, 2020 Vision", "SEEN IN CLINIC 12, 1400 BOSTON", "Room 4, 1200 beds"],
)
def test_a_number_before_a_number_and_a_word_is_no_address(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Meet me at Str. Unirii nr. 12, et. 3, ap. 9, 400100 Cluj. Thanks",
            "Str. Unirii nr. 12, et. 3, ap. 9, 400100 Cluj",
        ),
        ("We were out at ul. Lenina, d. 7. Sorry", "ul. Lenina, d. 7"),
        ("Flat at vul. Khreshchatyk, bud. 22 - bright", "vul. Khreshchatyk, bud. 22"),
        (
            "Send to Calle Hidalgo 40\nCol. Roma Norte\n06700 Ciudad de México",
            "Calle Hidalgo 40\nCol. Roma Norte\n06700 Ciudad de México",
        ),
        ("Av. Corrientes 1200,\nC1043 CABA,\nArgentina", "Av. Corrientes 1200,\nC1043 CABA,\nArgentina"),
        ("Via Roma 5 scala C,\n10121 Torino", "Via Roma 5 scala C,\n10121 Torino"),
    ],
)
def test_street_words_units_and_postcodes_of_more_countries(text: str, address: str) -> None:
    assert address in found(text)


@pytest.mark.parametrize("text", ["take one tab per. day for 5 days", "Col. Mustard 5 times"])
def test_new_street_words_stay_out_of_prose(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "place", "address"),
    [
        # NER stopped at the unit word: its number, the town, the country code and the postcode follow
        (
            "She moved from Glückstadts Allé 228 Apt. 12 Egå, DK 2896 last winter.",
            "Glückstadts Allé 228 Apt",
            "Glückstadts Allé 228 Apt. 12 Egå, DK 2896",
        ),
        # NER stopped at the region code: the postcode follows
        (
            "886 Cynthia Islands Francisland, US 65661 is where we met.",
            "886 Cynthia Islands Francisland, US",
            "886 Cynthia Islands Francisland, US 65661",
        ),
        # NER ended on the town: a country code and a postcode follow
        (
            "Address on file - Boris-Karrer-Weg 44 Maissau, AT 2347",
            "Boris-Karrer-Weg 44 Maissau",
            "Boris-Karrer-Weg 44 Maissau, AT 2347",
        ),
        # a town after a comma, with prose going on after it
        (
            "I moved from 4 William Gateway Apt. 853, Parkerchester last winter.",
            "4 William Gateway Apt",
            "4 William Gateway Apt. 853, Parkerchester",
        ),
        # a town opened by a common word ("Port", "West") is judged by the name after it
        (
            "Send it to 712 Kevin Bridge Suite 491, Port David 52247 please.",
            "712 Kevin Bridge Suite",
            "712 Kevin Bridge Suite 491, Port David 52247",
        ),
    ],
)
def test_grow_place_takes_in_what_ner_left_of_an_address(text: str, place: str, address: str) -> None:
    a = text.index(place)
    start, end = grow_place(text, a, a + len(place), VOCAB)
    assert text[start:end] == address


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("We met at 12 Main Street, Then we walked home.", "12 Main Street"),  # a common word is no town
        ("Room 12 Ward, and then the nurse came.", "Room 12 Ward"),  # no capital after the comma
        ("Flat 4 Oak Road, West of the river is quiet.", "Flat 4 Oak Road"),  # an opener alone is no town
    ],
)
def test_grow_place_stops_at_prose(text: str, place: str) -> None:
    a = text.index(place)
    assert grow_place(text, a, a + len(place), VOCAB) == (a, a + len(place))


@pytest.mark.parametrize(
    ("text", "street", "address"),
    [
        # a unit before the house number, with a space only
        (
            "Our office (Apt. 199 896 Steele Crossroad) is shut.",
            "896 Steele Crossroad",
            "Apt. 199 896 Steele Crossroad",
        ),
        # a dotted house number, then a unit; a postcode with its country letter
        ("Váci utca 204. Apt. 609 Szeged, H-3100 is it.", "Váci utca 204", "Váci utca 204. Apt. 609 Szeged, H-3100"),
        # a Spanish building ("Edif.") and flat ("Depto.")
        (
            "Pasaje Chiapas 753 Edif. 576 , Depto. 272, 25776 Nueva Bolivia is where we met.",
            "Pasaje Chiapas 753",
            "Pasaje Chiapas 753 Edif. 576 , Depto. 272, 25776 Nueva Bolivia",
        ),
        # a town after a British postcode and a space
        (
            "Flat 7\nMarsh River 12\nE8A 1WY Lake Olivia",
            "Marsh River 12",
            "Flat 7\nMarsh River 12\nE8A 1WY Lake Olivia",
        ),
    ],
)
def test_grow_address_takes_units_dotted_numbers_and_towns_after_codes(text: str, street: str, address: str) -> None:
    a = text.index(street)
    start, end = grow_address(text, a, a + len(street), VOCAB)
    assert text[start:end] == address


def test_a_full_stop_ends_the_address_unless_a_unit_or_postcode_follows() -> None:
    t = "We met at 12 Main St. Then we walked home."
    a = t.index("12")
    assert grow_address(t, a, t.index(". Then"), VOCAB) == (a, t.index(". Then"))
