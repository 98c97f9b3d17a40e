import json

import pytest

from medtune.cleaning.deid import PIICleaner, PIIProfile, find_facilities, find_lexicon_names, find_lexicon_places
from medtune.cleaning.lexicons import name_lexicon
from medtune.cleaning.phones import find_phones
from medtune.cleaning.shapes import find_month_days, find_shaped
from medtune.errors import ConfigError

# The core cleaner with no domain words and no NER model: patterns, phones, dates, lexicon, propagation.
RULES = PIICleaner(PIIProfile(vocabulary=frozenset({"the", "was", "seen", "by", "on", "found"})), ner=False)


def clean(row, cleaner=RULES):
    out = cleaner(row)
    assert isinstance(out, dict)
    return out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ring me on +358 40 123 4567 tonight", "+358 40 123 4567"),
        ("UK office (020) 7946 0958.", "(020) 7946 0958"),
        ("Celular +55 11 91234-5678", "+55 11 91234-5678"),
        ("Handy 0171 1234567", "0171 1234567"),
        ("call 617-555-0134 after 5", "617-555-0134"),
        ("PAGER 4412", "4412"),
        ("tel. 01 42 68 53 00", "01 42 68 53 00"),
    ],
)
def test_international_phones(text, value):
    spans = find_phones(text)
    assert [text[a:b] for a, b in spans] == [value]


@pytest.mark.parametrize("text", ["BP 120/80, HR 72", "Take 500 mg twice daily", "on 2019-03-04 at 10:30", "1/2 tab"])
def test_phones_leave_numbers_that_are_not_phones(text):
    assert find_phones(text) == []


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("3/14 FOUND BY DAUGHTER ON FLOOR", ["3/14"]),
        ("SEEN ON 11/02 BY NEURO", ["11/02"]),
        ("LAST BM 4/7.", ["4/7"]),
        ("D/C PLANNED FOR 12/1", ["12/1"]),
        ("TAKE 1/2 TAB PO", []),
        ("PAIN 6/10, STRENGTH 4/5", []),
        ("BP 110/60", []),
    ],
)
def test_month_day_dates_need_a_date_context(text, dates):
    assert [text[a:b] for a, b in find_month_days(text)] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("CXR 3/14 CLEAR, LINE 2/2", ["3/14", "2/2"]),
        ("1/2 NS @ 75. PAIN 4/10. STRENGTH 5/5. CARE 24/7", []),
        ("ABG 7.35/45/80, BP 90/50", []),
    ],
)
def test_bare_month_days_in_capitals(text, dates):
    assert [text[a:b] for a, b in find_month_days(text, bare=True)] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("AT KINDRED FROM 3/2-3/5, THEN HOME", ["3/2", "3/5"]),
        ("NO BM SINCE 4-27, SENNA GIVEN", ["4-27"]),
        ("Renal was consulted on 12-15 for creatinine", ["12-15"]),
        ("ON 2-3 L NC, Q4-6H PRN, 1-2 TABS", []),
    ],
)
def test_date_ranges_and_dash_dates_after_a_cue(text, dates):
    assert [text[a:b] for a, b in find_month_days(text)] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("RESTRAINTS D/C'D 26-DEC, REASSESS", ["26-DEC"]),
        ("Plan to reconvene on the 12th if no improvement.", ["12th"]),
        ("MOVED TO THE 4TH FLOOR", []),
        ("I dropped my keys on the evening of the 9th somewhere near the pier", ["9th"]),
        ("SEEN ON THE 21ST BY ORTHO", ["21ST"]),
        ("Second dose on the 2nd day of the cycle.", []),
        ("We are away until Fri 7.9. and back after", ["7.9."]),
        ("CR 1.6 UP FROM 1.2. K 4.1.", []),
    ],
)
def test_day_month_dashes_and_ordinal_days(text, dates):
    assert [text[a:b] for a, b, label in find_shaped(text) if label == "DATE"] == dates


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("Her grandmother lived to 102 and kept bees.", ["102"]),
        ("He turned 91 last week.", ["91"]),
        ("Knee flexion reached 95 degrees.", []),
        ("He turned 45 last week.", []),
    ],
)
def test_ages_over_89_after_words_of_a_lifespan(text, ages):
    assert [text[a:b] for a, b, label in find_shaped(text) if label == "AGE"] == ages


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("COMPARISON: CT from New England Baptist Hospital dated 2/6.", ["New England Baptist Hospital"]),
        ("Went to the ER at Mercy Hospital.", ["Mercy Hospital"]),
        ("D/C TO BAYVIEW REHAB WHEN BED AVAIL", ["BAYVIEW REHAB"]),
        ("HE WAS AT THE HOSPITAL; NEEDS SHORT TERM REHAB", []),
        ("TRANSFERRED FROM HOLY FAMILY HOSPITAL 14-MAR. BACK TO THE HOSPITAL", ["HOLY FAMILY HOSPITAL"]),
        ("Recommend rehab. Seen in Renal Clinic.", []),
    ],
)
def test_named_facilities(text, places):
    vocab = frozenset({"renal", "recommend", "needs", "he", "bed", "avail", "went", "seen", "holy", "family", "back"})
    assert [text[a:b] for a, b in find_facilities(text, vocab, domain=frozenset({"renal"}))] == places


def test_name_repeated_across_fields_is_removed_everywhere():
    row = {
        "id": "r1",
        "instruction": "Answer the patient.",
        "input": "Hello, my name is Zdeňka Horáková and my son has a rash.",
        "output": "Dear Zdeňka, the rash is likely eczema. HORÁKOVÁ family history matters.",
    }
    out = clean(row)
    assert "Zdeňka" not in out["input"] + out["output"] and "Horáková" not in out["input"]
    assert "HORÁKOVÁ" not in out["output"]
    assert out["output"].startswith("Dear [NAME], the rash is likely eczema.")


def test_identifier_in_output_only_is_removed_from_input_too():
    row = {"input": "Is 617-555-0134 the right number?", "output": "Call 617-555-0134 or mail kai@example.org."}
    out = clean(row)
    assert out["input"] == "Is [PHONE] the right number?"
    assert out["output"] == "Call [PHONE] or mail [EMAIL]."


def test_metadata_id_and_source_are_cleaned():
    row = {
        "id": "ann@example.com",
        "source": "export from 617-555-0134",
        "input": "I have a cough.",
        "output": "Rest and fluids.",
        "metadata": json.dumps(
            {"patient_ssn": "219-09-9999", "patient_name": "Ilona Várkonyi", "notes": ["seen 3/14/2021"], "visits": 3}
        ),
    }
    out = clean(row)
    meta = json.loads(out["metadata"])
    assert meta == {"patient_ssn": "[SSN]", "patient_name": "[NAME]", "notes": ["seen [DATE]"], "visits": 3}
    assert out["id"] == "[EMAIL]" and out["source"] == "export from [PHONE]"
    assert out["input"] == "I have a cough."


def test_codes_in_source_and_metadata_are_kept_and_their_identifiers_still_go():
    # Found on the real MedQuAD records: the source path became [NAME] and UMLS CUIs "C[PHONE]".
    row = {
        "id": "medquad-8_NHLBI_QA_XML-0000001-1",
        "source": "medquad/8_NHLBI_QA_XML",
        "input": "What is alpha-1 antitrypsin deficiency?",
        "output": "A condition that raises the risk of lung disease. Ask Dr. Horáková.",
        "metadata": {
            "cuis": ["C0221757", "C3501835"],
            "qid": "0000001-1",
            "file": "8_NHLBI_QA_XML/0000001.xml",
            "ssn": "219-09-9999",
            "mail": "kai@example.org",
            "seen_by": "Horáková",
        },
    }
    out = clean(row)
    assert out["id"] == row["id"] and out["source"] == row["source"]
    meta = out["metadata"]
    assert (
        meta["cuis"] == ["C0221757", "C3501835"]
        and meta["qid"] == "0000001-1"
        and meta["file"] == row["metadata"]["file"]
    )
    assert meta["ssn"] == "[SSN]" and meta["mail"] == "[EMAIL]"
    assert meta["seen_by"] == "[NAME]" and "Horáková" not in out["output"]


def test_metadata_name_is_removed_from_the_text_too():
    row = {
        "input": "Ilona says her knee hurts.",
        "output": "Ilona should rest it.",
        "metadata": json.dumps({"patient_name": "Ilona Várkonyi"}),
    }
    out = clean(row)
    assert "Ilona" not in out["input"] + out["output"]


def test_other_fields_can_be_left_alone():
    cleaner = PIICleaner(PIIProfile(), ner=False, other_fields=False)
    row = {
        "id": "ann@example.com",
        "input": "mail ann@example.com",
        "output": "ok",
        "metadata": json.dumps({"ssn": "219-09-9999"}),
    }
    out = clean(row, cleaner)
    assert out["id"] == "ann@example.com" and json.loads(out["metadata"]) == {"ssn": "219-09-9999"}
    assert out["input"] == "mail [EMAIL]"


def test_chat_records_are_cleaned():
    row = {
        "id": "c",
        "messages": [
            {"role": "user", "content": "My name is Mikko Laaksonen."},
            {"role": "assistant", "content": "Hello Mikko."},
        ],
    }
    out = clean(row)
    assert [m["content"] for m in out["messages"]] == ["My name is [NAME].", "Hello [NAME]."]


def test_lexicon_names_only_in_mixed_case():
    profile = PIIProfile(vocabulary=frozenset({"brown", "urine", "seen", "by", "pt"}), abbreviations=frozenset({"pt"}))
    assert "mikko" in name_lexicon()
    text = "We met Mikko yesterday."
    assert [text[a:b] for a, b in find_lexicon_names(text, profile)] == ["Mikko"]
    text = "PT SEEN BY OKAFOR. BROWN URINE. FOLEY IN PLACE."
    assert find_lexicon_names(text, profile) == []  # case-less text: lexicon hits only back NER up
    assert find_lexicon_names("Mikko opened the sentence.", profile) == []  # could be any word: left to NER


def test_the_rules_alone_are_idempotent():
    row = {"input": "Dr. Alvarez, DOB 03/14/1962, +358 40 123 4567, 3/14 FOUND", "output": "ok"}
    once = clean(row)
    assert clean(once) == once


def test_surrogates_are_consistent_within_a_record():
    cleaner = PIICleaner(PIIProfile(), ner=False, replace="surrogate")
    out = clean({"input": "Call 617-555-0134.", "output": "I called 617-555-0134."}, cleaner)
    assert "617-555-0134" not in out["input"] + out["output"]
    assert out["input"].split()[1].rstrip(".") in out["output"]


def test_bad_options_are_errors_that_name_the_value():
    with pytest.raises(ConfigError, match="NAMES"):
        PIICleaner(entities=["NAMES"], ner=False)
    with pytest.raises(ConfigError, match="body"):
        PIICleaner(fields=["body"], ner=False)


def test_metadata_that_is_not_json_is_cleaned_as_text():
    out = clean({"input": "ok", "output": "ok", "metadata": "call 617-555-0134 re: chart"})
    assert out["metadata"] == "call [PHONE] re: chart"


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("TRANSFER FROM HEYWOOD HOSPITAL, GARDNER FOR CVST", "TRANSFER FROM [LOCATION] FOR CVST"),
        ("Seen at Holy Family Hospital Methuen last week", "Seen at [LOCATION] last week"),
    ],
)
def test_a_town_after_a_facility_goes_with_it(text, cleaned):
    assert RULES.clean_text(text) == cleaned


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Delivery address:\n2366 Lakeview Drive\nAnn Arbor, ME 77795\nManage your order",
            "2366 Lakeview Drive\nAnn Arbor, ME 77795",
        ),
        (
            "Address: 151 Chestnut St, Suite 311, Salt Lake City, WI 97976. EPC rating C.",
            "151 Chestnut St, Suite 311, Salt Lake City, WI 97976",
        ),
        (
            "Please send it to Mannerheimintie 12 A 5, 00100 Helsinki before Friday.",
            "Mannerheimintie 12 A 5, 00100 Helsinki",
        ),
        ("Postal address:\nP.O. Box 52087\nAddis Ababa\nSurname: Tadesse", "P.O. Box 52087\nAddis Ababa"),
    ],
)
def test_an_address_after_its_label(text, address):
    assert [text[a:b] for a, b, label in find_shaped(text) if label == "ADDRESS"] == [address]


@pytest.mark.parametrize(
    "text", ["We need to address the issue: 3 patients", "PT C/O PAIN 3/10 AT 0530", "SEND TO REHAB 2 DAYS"]
)
def test_no_address_without_a_label_and_a_number(text):
    assert [label for _, _, label in find_shaped(text) if label == "ADDRESS"] == []


def test_accounts_and_international_addresses_are_removed_by_the_cleaner():
    text = "Posted by jules_6306 on 17.10.\nNew flat: ul. Hutnicza 718\n77-861 Krakow. Pay GB20 RMML 8765 0074 8474 64."
    out = clean({"instruction": "q", "output": text})["output"]
    for value in ("jules_6306", "Hutnicza", "718", "77-861", "Krakow", "RMML"):
        assert value not in out, out
    assert out.startswith("Posted by [ID]")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Party at Elm Golf Club on Thursday", "Elm Golf Club"),
        ("Parking is available on Willow Creek Road.", "Willow Creek Road"),
        ("My daughter goes to Cedar Elementary too.", "Cedar Elementary"),
    ],
)
def test_venues_and_streets_without_a_number(text, place):
    vocab = frozenset({"elm", "golf", "willow", "creek", "cedar", "party", "parking", "my"})
    assert [text[a:b] for a, b in find_facilities(text, vocab)] == [place]


@pytest.mark.parametrize(
    "text",
    [
        "She worked as a Primary School Teacher in Leeds",
        "Donations to the Lions Club or the Red Crescent.",
        "Hello Dr. Park, is it safe?",
        "It broke down. Club news: Ivana won.",
    ],
)
def test_job_titles_organisations_and_names_are_not_venues(text):
    vocab = frozenset({"primary", "school", "teacher", "lions", "red", "crescent", "hello", "club", "news"})
    assert find_facilities(text, vocab) == []


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("He is calling her sister in Montreal.", ["Montreal"]),
        ("SON STEPHEN IN SEATTLE, CALLS DAILY. PT IN BED, TO CT.", ["SEATTLE"]),
    ],
)
def test_places_without_accents_and_in_capitals(text, places):
    vocab = frozenset({"montreal", "calling", "sister", "bed", "ct", "calls", "daily", "son"})
    assert [text[a:b] for a, b in find_lexicon_places(text, vocab)] == places


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("PT RECENTLY ARRIVED FROM HAITI IN JUNE, LIVES W/ SISTER.", ["JUNE"]),
        ("PICTURES FROM THEIR TRIP TO ARUBA LAST FEB. PREVIOUSLY AT REHAB JAN-MAR.", ["FEB", "JAN-MAR"]),
        ("DEC BS BILAT. MAR REVIEWED. PT MAY GO HOME IN AM.", []),
        ("Expiry: February. Re: January rota.", []),
        (
            "ADMITTED XMAS EVE. LAST IVDU ON NEW YEAR'S DAY. HOME BY THANKSGIVING.",
            ["XMAS EVE", "NEW YEAR'S DAY", "THANKSGIVING"],
        ),
        ("Join us for Christmas lunch! Happy Thanksgiving. Every Christmas Eve.", []),
        ('PT RAN OUT OF MEDS "AROUND HALLOWEEN". FELL AT MASS (EASTER SUNDAY).', ["HALLOWEEN", "EASTER SUNDAY"]),
    ],
)
def test_months_alone_and_holidays_after_a_cue_are_dates(text, dates):
    assert [text[a:b] for a, b, label in find_shaped(text) if label == "DATE"] == dates


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Pt's wife lives in Fall River, she will come Saturday.", ["Fall River"]),
        ("Son Richard HCP, in London on business until 10/1.", ["London"]),
        ("PT TRAVELING IN MEXICO, FAMILY FROM PUERTO RICO. NEIGHBOR IN VERMONT.", []),
        ("Noa born Mon, 16/12 at 10.07.", []),
    ],
)
def test_lexicon_places_after_any_cue_but_not_states_countries_or_weekdays(text, places):
    vocab = frozenset(
        {
            "wife",
            "lives",
            "she",
            "will",
            "come",
            "son",
            "business",
            "until",
            "traveling",
            "family",
            "neighbor",
            "born",
            "mon",
        }
    )
    assert [text[a:b] for a, b in find_lexicon_places(text, vocab)] == places


def test_a_street_that_ner_finds_grows_over_its_town_and_postcode():
    cleaner = PIICleaner(PIIProfile(), ner=False)
    text = "The flat on Sowia 163, Kielce, is ours."
    street = (text.index("Sowia"), text.index(","), "LOCATION")  # what an NER model gives: the street alone
    [found] = cleaner.find_texts([text], [[street]])
    assert [(m.label, m.text) for m in found] == [("ADDRESS", "Sowia 163, Kielce")]
    [found] = cleaner.find_texts(["Kielce, 12 of us went"], [[(0, 6, "LOCATION")]])  # no number: it stays
    assert [(m.label, m.text) for m in found] == [("LOCATION", "Kielce")]


def test_value_occurrences_match_the_case_blind_alternation_they_replace():
    """Propagation finds values by substring search on ASCII text: the same spans as the regex it replaced."""
    import random
    import re

    from medtune.cleaning.deid import _occurrences

    rnd = random.Random(0)
    for _ in range(3000):
        text = "".join(rnd.choice("abAB .@_-1é") for _ in range(rnd.randint(0, 30)))
        values = {"".join(rnd.choice("ab -é") for _ in range(rnd.randint(1, 4))).lower() for _ in range(3)}
        ordered = sorted((v for v in values if v.strip()), key=len, reverse=True) or ["ab"]
        alternation = "|".join(re.escape(v) for v in ordered)
        rx = re.compile(r"(?<![\w@.])(?:" + alternation + r")(?!\w)", re.IGNORECASE)
        assert _occurrences(text, ordered) == [m.span() for m in rx.finditer(text)], (text, ordered)
