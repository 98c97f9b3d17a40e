r"""Make a synthetic, annotated TUNING (development) set of ICU/ward nursing notes for the PHI de-identifier.

Style: nursing progress notes in the manner of MIMIC nursing notes: about 80% ALL CAPS, the rest mixed case; terse,
abbreviations, vitals, drips, labs, times, doses, fractions and scores, systems sections (NEURO:, CV:, RESP: ...),
4-20 lines each, ~3% typos, some all-lower-case fragments.  All clinical sentences come from the template inventory
in this file (several hundred templates with slots for numbers, drugs, devices and findings).

PHI is injected from templates and annotated with exact code-point offsets.  Every document is built by
concatenating pieces; the span of each identifier is recorded when its piece is appended (no searching afterwards).

Labels (``spans``): NAME (with ``role``: patient / clinician / relative), LOCATION, ADDRESS, DATE, PHONE, AGE (over
89), ID.  Titles ("DR.", "MRS.") and the possessive "'S" stay outside name spans; "PAGER #", "EXT", "X" and "MRN"
prefixes stay outside phone and id spans; for ages only the number is the span.  ``ignore`` marks US states,
countries and lone years (not PHI; a scorer should neither reward nor punish them).

Names come from several Faker locales (en_US, en_GB, ga_IE, it_IT, pl_PL, vi_VN, es_MX, pt_BR, fr_FR, de_DE, en_IN
in place of hi_IN, whose names are in Devanagari, and tr_TR) and from lists in this file.

Deterministic for a seed, offline, standard library plus faker::

    .venv/bin/python scripts/pii_ner/make_clinical_tuning.py --seed 31 --n 1500 \\
        --out .cache/pii_ner/clinical_tuning.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

DEFAULT_OUT = Path("/work/main/.cache/pii_ner/clinical_tuning.jsonl")
TYPES = ("NAME", "LOCATION", "ADDRESS", "DATE", "PHONE", "AGE", "ID")
ROLES = ("patient", "clinician", "relative")

# ---------------------------------------------------------------------------------------------------------------
# Value pools
# ---------------------------------------------------------------------------------------------------------------

FAKER_LOCALES = {
    # locale: weight for picking a person's origin
    "en_US": 34,
    "en_GB": 5,
    "ga_IE": 4,
    "it_IT": 5,
    "pl_PL": 4,
    "vi_VN": 4,
    "es_MX": 6,
    "pt_BR": 4,
    "fr_FR": 3,
    "de_DE": 3,
    "en_IN": 4,  # hi_IN gives Devanagari names; en_IN gives Latin-script Indian names
    "tr_TR": 2,
}

# own lists: group -> (male given, female given, surnames)
OWN_NAMES = {
    "chinese": (
        [
            "Wei",
            "Jian",
            "Hao",
            "Jun",
            "Ming",
            "Qiang",
            "Lei",
            "Tao",
            "Bo",
            "Yong",
            "Chen",
            "Xiaoming",
            "Zhiwei",
            "Kwok-Wai",
            "Siu-Ming",
            "Wing",
        ],
        [
            "Mei",
            "Li",
            "Na",
            "Xiu",
            "Hui",
            "Yan",
            "Fang",
            "Ping",
            "Jing",
            "Ling",
            "Ying",
            "Xiaoling",
            "Siu-Ling",
            "Wai-Man",
            "Yuen",
        ],
        [
            "Chen",
            "Wang",
            "Li",
            "Zhang",
            "Liu",
            "Huang",
            "Zhou",
            "Wu",
            "Xu",
            "Sun",
            "Lin",
            "Ng",
            "Wong",
            "Chan",
            "Leung",
            "Lam",
            "Cheung",
            "Tse",
            "Ho",
            "Lau",
            "Yip",
            "Chow",
            "Tang",
            "Fong",
            "Kwan",
            "Mak",
        ],
    ),
    "korean_japanese": (
        [
            "Min-jun",
            "Ji-hoon",
            "Sung-ho",
            "Dong-hyun",
            "Hiroshi",
            "Takeshi",
            "Kenji",
            "Satoshi",
            "Daisuke",
            "Yuto",
            "Kazuo",
        ],
        ["Seo-yeon", "Hye-jin", "Ji-woo", "Eun-ji", "Yuki", "Keiko", "Aiko", "Naoko", "Emiko", "Sachiko", "Mariko"],
        [
            "Kim",
            "Park",
            "Lee",
            "Choi",
            "Jung",
            "Kang",
            "Cho",
            "Yoon",
            "Tanaka",
            "Suzuki",
            "Sato",
            "Watanabe",
            "Takahashi",
            "Yamamoto",
            "Nakamura",
            "Kobayashi",
            "Ito",
            "Yoshida",
        ],
    ),
    "arabic": (
        [
            "Mohammed",
            "Ahmed",
            "Omar",
            "Khalid",
            "Yousef",
            "Ibrahim",
            "Hassan",
            "Tariq",
            "Karim",
            "Samir",
            "Walid",
            "Nabil",
            "Mustafa",
        ],
        ["Fatima", "Aisha", "Layla", "Maryam", "Noor", "Huda", "Rania", "Samira", "Yasmin", "Amal", "Zainab", "Leila"],
        [
            "Haddad",
            "Khoury",
            "Nasser",
            "Hassan",
            "Abdullah",
            "Saleh",
            "Mansour",
            "El-Amin",
            "Al-Sayed",
            "Farah",
            "Haddadin",
            "Saad",
            "Aziz",
            "Rahman",
            "Bakr",
            "Darwish",
            "Issa",
            "Najjar",
        ],
    ),
    "african": (
        [
            "Chinedu",
            "Oluwaseun",
            "Kwame",
            "Kofi",
            "Abebe",
            "Emeka",
            "Tunde",
            "Musa",
            "Yusuf",
            "Abdi",
            "Dawit",
            "Jabari",
            "Obinna",
        ],
        [
            "Ngozi",
            "Ama",
            "Tigist",
            "Amina",
            "Chiamaka",
            "Folake",
            "Abena",
            "Hawa",
            "Fadumo",
            "Nkechi",
            "Adaeze",
            "Makeda",
        ],
        [
            "Okafor",
            "Adeyemi",
            "Mensah",
            "Osei",
            "Tesfaye",
            "Mohamed",
            "Abdi",
            "Warsame",
            "Nwosu",
            "Okonkwo",
            "Boateng",
            "Asante",
            "Bekele",
            "Diallo",
            "Traore",
            "Mwangi",
            "Odhiambo",
            "Eze",
        ],
    ),
    "haitian_caribbean": (
        [
            "Jean-Baptiste",
            "Jean-Pierre",
            "Pierre",
            "Joseph",
            "Wilner",
            "Fritz",
            "Jacques",
            "Rony",
            "Lesly",
            "Marc-Henry",
            "Delroy",
        ],
        [
            "Marie-Claude",
            "Widline",
            "Fabiola",
            "Nadege",
            "Guerline",
            "Rose-Marie",
            "Mirlande",
            "Yolande",
            "Marjorie",
            "Claudette",
        ],
        [
            "Pierre-Louis",
            "Toussaint",
            "Dorvil",
            "Celestin",
            "Jean-Baptiste",
            "Louis",
            "Charles",
            "Desir",
            "Augustin",
            "Joseph",
            "Etienne",
            "Baptiste",
            "Francois",
            "Belizaire",
        ],
    ),
    "russian": (
        ["Sergei", "Dmitri", "Igor", "Vladimir", "Alexei", "Mikhail", "Yuri", "Boris", "Oleg", "Nikolai", "Anatoly"],
        ["Olga", "Natalia", "Svetlana", "Irina", "Tatiana", "Galina", "Ludmila", "Yelena", "Oksana", "Valentina"],
        [
            "Ivanov",
            "Petrova",
            "Smirnov",
            "Kuznetsova",
            "Volkov",
            "Sokolov",
            "Popov",
            "Lebedev",
            "Morozova",
            "Novikov",
            "Fedorov",
            "Pavlova",
            "Kozlov",
            "Orlov",
        ],
    ),
    "portuguese_cv": (
        ["Manuel", "Jose", "Antonio", "Joao", "Carlos", "Paulo", "Fernando", "Armando", "Domingos"],
        ["Maria", "Fatima", "Conceicao", "Rosa", "Graca", "Lurdes", "Isabel", "Ana", "Filomena"],
        [
            "Tavares",
            "Fernandes",
            "Andrade",
            "Pina",
            "Gomes",
            "Lopes",
            "Medeiros",
            "Furtado",
            "Rosa",
            "Barros",
            "Monteiro",
            "Moniz",
            "Cabral",
        ],
    ),
    "jewish": (
        ["Moshe", "Shlomo", "Avi", "Yosef", "Mordechai", "Irving", "Morris", "Sol", "Herschel", "Saul"],
        ["Esther", "Miriam", "Ruth", "Sarah", "Rivka", "Shirley", "Sylvia", "Estelle", "Bella", "Frieda"],
        [
            "Goldberg",
            "Rosenthal",
            "Cohen",
            "Levine",
            "Katz",
            "Shapiro",
            "Feldman",
            "Weinstein",
            "Rosenberg",
            "Gold",
            "Kaplan",
            "Bernstein",
            "Friedman",
            "Lieberman",
            "Zuckerman",
        ],
    ),
    "irish_american": (
        ["Patrick", "Sean", "Kevin", "Brendan", "Dennis", "Michael", "Francis", "Declan", "Cornelius", "Timothy"],
        ["Mary", "Kathleen", "Maureen", "Bridget", "Eileen", "Colleen", "Siobhan", "Margaret", "Noreen", "Nora"],
        [
            "O'Brien",
            "O'Neil",
            "O'Connor",
            "Sullivan",
            "Murphy",
            "Kelly",
            "McCarthy",
            "Fitzgerald",
            "Doherty",
            "Flaherty",
            "Callahan",
            "Donovan",
            "McLaughlin",
            "Gallagher",
            "Walsh",
            "Keane",
            "O'Malley",
            "MacDonald",
        ],
    ),
    "south_asian": (
        ["Rajesh", "Sanjay", "Amit", "Vikram", "Arjun", "Imran", "Farhan", "Sunil", "Deepak", "Ravi"],
        ["Priya", "Anjali", "Sunita", "Kavita", "Lakshmi", "Nasreen", "Farida", "Meena", "Deepa", "Shanti"],
        [
            "Patel",
            "Shah",
            "Singh",
            "Gupta",
            "Reddy",
            "Iyer",
            "Chowdhury",
            "Rahman",
            "Hossain",
            "Desai",
            "Mehta",
            "Nair",
            "Pillai",
            "Khan",
            "Malik",
        ],
    ),
    "hispanic_caribbean": (
        ["Luis", "Jose", "Angel", "Rafael", "Juan", "Carlos", "Hector", "Wilfredo", "Ramon", "Edwin", "Jesus"],
        ["Carmen", "Maria", "Luz", "Milagros", "Yesenia", "Marisol", "Glenda", "Ana", "Iris", "Nilda"],
        [
            "Rodriguez",
            "Rivera",
            "Santiago",
            "Ortiz",
            "Colon",
            "Cruz",
            "Perez",
            "Reyes",
            "Vega",
            "Torres",
            "Figueroa",
            "Rosario",
            "Velez",
            "Nieves",
            "Batista",
            "De",
            "Jesus",
        ],
    ),
}
OWN_WEIGHT = 26

# names that are also ordinary words / clinical words (deliberate ambiguity)
WORD_SURNAMES = [
    "Brown",
    "Green",
    "White",
    "Black",
    "Young",
    "Hall",
    "Long",
    "Short",
    "King",
    "Page",
    "Rich",
    "Frank",
    "Bell",
    "Gray",
    "Love",
    "Price",
    "Moss",
    "Wood",
    "Stone",
    "Strong",
    "Little",
    "Sharp",
    "Swift",
    "Rose",
    "Hope",
    "Wells",
    "Banks",
    "Fields",
    "Hill",
    "Lane",
    "Ward",
    "Baker",
    "Cook",
    "Mason",
    "Bishop",
    "Knight",
    "Dean",
    "Marshall",
    "Chase",
    "Read",
    "Bush",
    "Hunter",
    "Fox",
    "Lamb",
    "Gold",
    "Cash",
    "Best",
    "Moody",
    "Early",
    "Wise",
    "Bond",
    "Day",
    "Summers",
    "Winter",
    "Major",
    "Small",
]
WORD_GIVEN_M = [
    "Frank",
    "Rich",
    "Will",
    "Bill",
    "Art",
    "Mark",
    "Max",
    "Chase",
    "Pat",
    "Guy",
    "Jack",
    "Sonny",
    "Rusty",
    "Buck",
    "Sandy",
    "Dale",
    "Carl",
]
WORD_GIVEN_F = [
    "Faith",
    "Hope",
    "Joy",
    "Grace",
    "Rose",
    "Iris",
    "Ruby",
    "Dawn",
    "April",
    "May",
    "June",
    "Pat",
    "Sue",
    "Bea",
    "Ginger",
    "Candy",
    "Holly",
    "Crystal",
]

US_CITIES = (
    "Quincy Brockton Dorchester Roxbury Mattapan Revere Chelsea Malden Medford Somerville Cambridge Everett Lynn "
    "Salem Peabody Framingham Natick Newton Waltham Brookline Dedham Milton Braintree Weymouth Randolph Stoughton "
    "Lowell Lawrence Haverhill Methuen Worcester Fall River New Bedford Taunton Attleboro Plymouth Marshfield "
    "Hingham Scituate Norwood Walpole Canton Sharon Needham Wellesley Arlington Lexington Burlington Woburn "
    "Stoneham Saugus Winthrop Hyde Park Jamaica Plain West Roxbury Roslindale Charlestown East Boston Brighton "
    "Allston Chinatown Hyannis Falmouth Barnstable Springfield Pittsfield Fitchburg Leominster Gloucester "
    "Beverly Danvers Andover Billerica Chelmsford Dracut Tewksbury Nashua Manchester Portsmouth Concord Providence "
    "Pawtucket Cranston Warwick Woonsocket Hartford New Haven Bangor Portland Burlington Albany Worcester "
    "Orlando Tampa Miami Fort Lauderdale Phoenix Atlanta Chicago Philadelphia Baltimore Cleveland San Juan Ponce "
    "Brooklyn Queens Bronx Yonkers Newark Trenton Scranton Buffalo Rochester Syracuse Dallas Houston Denver"
)
# multiword cities are written with explicit joins below
US_CITIES_MULTI = [
    "Fall River",
    "New Bedford",
    "Hyde Park",
    "Jamaica Plain",
    "West Roxbury",
    "East Boston",
    "San Juan",
    "Fort Lauderdale",
    "New Haven",
    "North Andover",
    "South Boston",
    "Cape Cod",
    "Martha's Vineyard",
    "Chestnut Hill",
    "Newton Centre",
    "West Springfield",
    "East Longmeadow",
    "South Weymouth",
    "North Attleboro",
    "Mission Hill",
]
US_CITIES_SINGLE = [
    w
    for w in US_CITIES.split()
    if w
    not in {
        "Fall",
        "River",
        "New",
        "Bedford",
        "Hyde",
        "Park",
        "Jamaica",
        "Plain",
        "West",
        "Roxbury",
        "East",
        "Boston",
        "San",
        "Juan",
        "Fort",
        "Lauderdale",
        "Haven",
    }
] + ["Boston", "Roxbury", "Bedford"]

US_STATES = [
    "Massachusetts",
    "New Hampshire",
    "Maine",
    "Vermont",
    "Rhode Island",
    "Connecticut",
    "New York",
    "New Jersey",
    "Florida",
    "Georgia",
    "California",
    "Texas",
    "Arizona",
    "Ohio",
    "Pennsylvania",
    "North Carolina",
    "Virginia",
    "Maryland",
    "Illinois",
    "Michigan",
    "Puerto Rico",
]
US_STATE_ABBR = [
    "MA",
    "NH",
    "ME",
    "VT",
    "RI",
    "CT",
    "NY",
    "NJ",
    "FL",
    "GA",
    "CA",
    "TX",
    "AZ",
    "OH",
    "PA",
    "NC",
    "VA",
    "MD",
    "IL",
    "MI",
]
COUNTRIES = [
    "Ireland",
    "Italy",
    "Portugal",
    "Cape Verde",
    "Haiti",
    "Dominican Republic",
    "Brazil",
    "Mexico",
    "Guatemala",
    "El Salvador",
    "Vietnam",
    "China",
    "Korea",
    "Japan",
    "India",
    "Pakistan",
    "Bangladesh",
    "Russia",
    "Ukraine",
    "Poland",
    "Greece",
    "Lebanon",
    "Egypt",
    "Somalia",
    "Ethiopia",
    "Nigeria",
    "Ghana",
    "Jamaica",
    "Trinidad",
    "Colombia",
    "Peru",
    "Turkey",
    "Germany",
    "France",
    "England",
    "Canada",
    "Israel",
    "Iran",
    "Morocco",
    "Cambodia",
    "Philippines",
    "Albania",
]

FOREIGN_CITIES = [
    "Cork",
    "Galway",
    "Limerick",
    "Dublin",
    "Naples",
    "Palermo",
    "Bari",
    "Avellino",
    "Catania",
    "Krakow",
    "Gdansk",
    "Lublin",
    "Warsaw",
    "Hamburg",
    "Stuttgart",
    "Leipzig",
    "Lyon",
    "Marseille",
    "Port-au-Prince",
    "Cap-Haitien",
    "Jacmel",
    "Praia",
    "Mindelo",
    "Ponta Delgada",
    "Braga",
    "Coimbra",
    "Sao Paulo",
    "Belo Horizonte",
    "Governador Valadares",
    "Recife",
    "Guadalajara",
    "Puebla",
    "Oaxaca",
    "Santo Domingo",
    "Santiago de los Caballeros",
    "Hanoi",
    "Saigon",
    "Hue",
    "Da Nang",
    "Guangzhou",
    "Taishan",
    "Hong Kong",
    "Mumbai",
    "Hyderabad",
    "Chennai",
    "Dhaka",
    "Lagos",
    "Accra",
    "Kumasi",
    "Addis Ababa",
    "Mogadishu",
    "Kingston",
    "Montego Bay",
    "Beirut",
    "Cairo",
    "Kiev",
    "Odessa",
    "Minsk",
    "Izmir",
    "Ankara",
    "Tehran",
    "Casablanca",
    "Manila",
    "Phnom Penh",
    "Tirana",
    "Montreal",
    "Halifax",
]
SAINTS = [
    "Elizabeth's",
    "Anne's",
    "Vincent's",
    "Luke's",
    "Joseph's",
    "Mary's",
    "Francis",
    "Margaret's",
    "Jude",
    "Catherine's",
    "Peter's",
]
REAL_HOSPITALS = [
    "Mass General",
    "MGH",
    "Brigham",
    "Brigham and Women's",
    "BWH",
    "Beth Israel",
    "Lahey",
    "Lahey Clinic",
    "Tufts",
    "NEMC",
    "New England Baptist",
    "Boston Medical Center",
    "BMC",
    "Faulkner",
    "Carney",
    "Caritas Norwood",
    "South Shore Hospital",
    "Milton Hospital",
    "Mount Auburn",
    "Newton-Wellesley",
    "Lowell General",
    "Lawrence General",
    "Good Samaritan",
    "Cape Cod Hospital",
    "Baystate",
    "UMass Memorial",
    "Dana-Farber",
    "Joslin",
    "Children's Hospital",
    "Winchester Hospital",
    "Anna Jaques",
    "Emerson Hospital",
    "Holy Family",
    "Sturdy Memorial",
    "Morton Hospital",
    "Jordan Hospital",
    "Quincy Medical Center",
    "Cambridge Hospital",
    "Whidden",
    "Melrose-Wakefield",
    "Hallmark Health",
    "Metrowest",
    "Leonard Morse",
    "Saints Memorial",
    "Caritas St. Elizabeth's",
    "Brockton Hospital",
    "Signature Healthcare",
    "Falmouth Hospital",
    "Beverly Hospital",
    "Salem Hospital",
    "North Shore Medical Center",
    "Addison Gilbert",
    "Hale Hospital",
    "Exeter Hospital",
    "Dartmouth-Hitchcock",
    "Rhode Island Hospital",
    "Miriam Hospital",
    "Maine Med",
    "Yale New Haven",
]
REAL_REHABS = [
    "Spaulding",
    "Spaulding Rehab",
    "Youville",
    "Hebrew Rehab",
    "HRC",
    "Kindred",
    "Radius",
    "Braintree Rehab",
    "Whittier",
    "New England Sinai",
    "Sinai",
    "Hebrew SeniorLife",
    "Newbridge on the Charles",
    "Jewish Memorial",
    "Marina Bay",
    "Laurel Ridge",
    "Brigham Manor",
    "Sherrill House",
    "Hellenic Nursing",
    "Don Orione",
    "Deutsches Altenheim",
    "Golden Living",
    "Life Care Center",
    "Berkshire Place",
    "Cedar View",
    "Kathleen Daniel",
]
NATURE = [
    "Oak Hill",
    "Pine Ridge",
    "Maple",
    "Sunrise",
    "Willow Crest",
    "Briarwood",
    "Cedar Grove",
    "Meadowbrook",
    "Fairview",
    "Hillcrest",
    "Lakeview",
    "Riverside",
    "Brookside",
    "Harbor House",
    "Seacoast",
    "Bay Path",
    "Autumn Woods",
    "Elmhurst",
    "Greenbriar",
    "Heritage",
    "Windsor",
    "Sunnyside",
    "Crestview",
    "Mystic Valley",
    "Blue Hills",
    "Stonehedge",
    "Timberlyne",
    "Ledgewood",
    "Harborside",
    "Wingate",
    "Rosewood",
    "Chestnut Park",
]
SHELTERS = [
    "Pine Street Inn",
    "Shattuck Shelter",
    "Long Island Shelter",
    "Woods Mullen",
    "St. Francis House",
    "Rosie's Place",
    "Father Bill's",
    "Bridge Over Troubled Waters",
    "Salvation Army shelter",
    "Friends of the Homeless",
]
STREET_WORDS = [
    "Main",
    "Elm",
    "Oak",
    "Maple",
    "Pine",
    "Washington",
    "Centre",
    "Center",
    "Broadway",
    "Adams",
    "Lincoln",
    "Franklin",
    "Highland",
    "Park",
    "Pleasant",
    "School",
    "Church",
    "Walnut",
    "Chestnut",
    "Cedar",
    "Spring",
    "Union",
    "Prospect",
    "Summer",
    "Winter",
    "Hancock",
    "Beacon",
    "Tremont",
    "Columbia",
    "Dudley",
    "Warren",
    "Blue",
    "Hill",
    "Commonwealth",
    "Massachusetts",
    "Dorchester",
    "Hyde",
    "Park",
    "Cummins",
    "River",
    "Water",
    "Bridge",
    "Mill",
    "Pearl",
    "Granite",
    "Quincy",
    "Hancock",
    "Shawmut",
    "Harrison",
    "Huntington",
    "Boylston",
    "Cambridge",
    "Mystic",
    "Salem",
    "Lowell",
    "Essex",
    "Bowdoin",
    "Geneva",
    "Norfolk",
]
STREET_TYPES = [
    "St",
    "St.",
    "Street",
    "Rd",
    "Road",
    "Ave",
    "Ave.",
    "Avenue",
    "Dr",
    "Drive",
    "Ln",
    "Lane",
    "Ct",
    "Court",
    "Way",
    "Pl",
    "Place",
    "Blvd",
    "Ter",
    "Terrace",
    "Circle",
    "Pkwy",
    "Sq",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MON3 = [m[:3] for m in MONTHS]
MA_AREA = ["617", "508", "781", "978", "413", "774", "857", "339", "351", "603", "401", "207", "860"]

_FOLD_EXTRA = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ð": "d",
        "þ": "th",
    }
)


def ascii_fold(s: str) -> str:
    s = s.translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def ordinal(d: int) -> str:
    if 10 <= d % 100 <= 20:
        return f"{d}th"
    return f"{d}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th') }"


class Pools:
    """Name and place pools, built once per seed from Faker (seeded per locale) and the lists above."""

    def __init__(self, seed: int) -> None:
        from faker import Faker

        self.given_m: dict[str, list[str]] = {}
        self.given_f: dict[str, list[str]] = {}
        self.sur: dict[str, list[str]] = {}
        fake_us_cities: list[str] = []
        self.foreign_addr: list[str] = []
        self.fake_us_streets: list[str] = []
        for i, loc in enumerate(FAKER_LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + i)
            n = 600 if loc == "en_US" else 200
            self.given_m[loc] = self._clean(f.first_name_male() for _ in range(n))
            self.given_f[loc] = self._clean(f.first_name_female() for _ in range(n))
            self.sur[loc] = self._clean(f.last_name() for _ in range(n * 2))
            if loc == "en_US":
                fake_us_cities = self._clean(f.city() for _ in range(150))
                self.fake_us_streets = self._clean(f.street_name() for _ in range(300))
            if loc in ("de_DE", "fr_FR", "it_IT", "pt_BR", "en_GB", "es_MX"):
                self.foreign_addr += self._clean(re.sub(r"\s*\n\s*", ", ", f.street_address()) for _ in range(25))
        for g, (m, fe, s) in OWN_NAMES.items():
            self.given_m[g], self.given_f[g], self.sur[g] = list(m), list(fe), list(s)
        self.groups = list(FAKER_LOCALES) + list(OWN_NAMES)
        own_w = OWN_WEIGHT / len(OWN_NAMES)
        self.group_w = [float(FAKER_LOCALES[g]) for g in FAKER_LOCALES] + [own_w] * len(OWN_NAMES)
        self.us_cities = sorted(set(US_CITIES_SINGLE)) + US_CITIES_MULTI
        self.fake_us_cities = fake_us_cities
        # own list: Faker's city providers of some locales draw from sets (not reproducible across processes)
        self.foreign_cities = list(FOREIGN_CITIES)

    @staticmethod
    def _clean(it) -> list[str]:
        out: list[str] = []
        seen: set[str] = set()
        for x in it:
            x = re.sub(r"\s+", " ", x).strip().strip(",")
            if x and x not in seen:
                seen.add(x)
                out.append(x)
        return out


class Person:
    __slots__ = ("first", "last", "middle", "sex")

    def __init__(self, first: str, last: str, sex: str, middle: str = "") -> None:
        self.first, self.last, self.sex, self.middle = first, last, sex, middle


class Values:
    """Random identifier values drawn with the note generator's rng."""

    def __init__(self, pools: Pools, rng: random.Random) -> None:
        self.p = pools
        self.r = rng

    # -- names ---------------------------------------------------------------------------------------------
    def group(self) -> str:
        return self.r.choices(self.p.groups, self.p.group_w)[0]

    def given(self, sex: str | None = None, group: str | None = None) -> str:
        r = self.r
        sex = sex or r.choice("MF")
        if r.random() < 0.05:
            return r.choice(WORD_GIVEN_M if sex == "M" else WORD_GIVEN_F)
        g = group or self.group()
        return r.choice(self.p.given_m[g] if sex == "M" else self.p.given_f[g])

    def surname(self, group: str | None = None) -> str:
        r = self.r
        if r.random() < 0.07:
            return r.choice(WORD_SURNAMES)
        g = group or self.group()
        s = r.choice(self.p.sur[g])
        x = r.random()
        if x < 0.03:
            s = f"{s}-{r.choice(self.p.sur[self.group()])}"
        return s

    def person(self, sex: str | None = None, surname: str | None = None) -> Person:
        r = self.r
        sex = sex or r.choice("MF")
        g = self.group()
        same = r.random() < 0.8  # given name and surname of the same origin most of the time
        first = self.given(sex, g if same else None)
        last = surname or self.surname(g if same else None)
        middle = r.choice("ABCDEFGHJKLMNPRSTW") if r.random() < 0.15 else ""
        return Person(first, last, sex, middle)

    # -- places --------------------------------------------------------------------------------------------
    def city(self) -> str:
        r = self.r
        x = r.random()
        if x < 0.68:
            return r.choice(self.p.us_cities)
        if x < 0.9:
            return r.choice(self.p.fake_us_cities)
        return r.choice(self.p.foreign_cities)

    def hospital(self) -> str:
        r = self.r
        x = r.random()
        if x < 0.45:
            return r.choice(REAL_HOSPITALS)
        c = self.city()
        pats = [
            f"{c} Hospital",
            f"{c} General",
            f"{c} General Hospital",
            f"{c} Medical Center",
            f"{c} Regional",
            f"{c} Memorial",
            f"St. {r.choice(SAINTS)}",
            f"St {r.choice(SAINTS)} Hospital",
            f"{self.surname()} Memorial Hospital",
            f"Mount {self.surname()}",
            f"{c} Community Hospital",
            f"{c} VA",
            f"{c} Regional Medical Center",
            f"{self.surname()} Medical Center",
        ]
        return r.choice(pats)

    def rehab(self) -> str:
        r = self.r
        if r.random() < 0.35:
            return r.choice(REAL_REHABS)
        base = r.choice([self.city(), r.choice(NATURE), r.choice(NATURE), self.surname(), f"St. {r.choice(SAINTS)}"])
        suf = r.choice(
            [
                "Rehab",
                "Rehabilitation Center",
                "Rehab Center",
                "Skilled Nursing",
                "Manor",
                "Care Center",
                "Health Care",
                "Healthcare Center",
                "Nursing and Rehab",
                "Village",
                "Commons",
                "Rehab Hospital",
                "Subacute",
                "Center for Rehab",
            ]
        )
        return f"{base} {suf}"

    def nursing_home(self) -> str:
        r = self.r
        if r.random() < 0.2:
            return r.choice(REAL_REHABS)
        base = r.choice([self.city(), r.choice(NATURE), r.choice(NATURE), self.surname()])
        suf = r.choice(
            [
                "Nursing Home",
                "Manor",
                "House",
                "Assisted Living",
                "Nursing Center",
                "Rest Home",
                "Senior Living",
                "Extended Care",
                "Gardens",
                "Place",
                "Home for the Aged",
                "Estates",
            ]
        )
        return f"{base} {suf}"

    def building(self) -> str:
        r = self.r
        s = r.choice(
            [
                self.surname(),
                self.surname(),
                r.choice(
                    [
                        "Farr",
                        "Feldberg",
                        "Reisman",
                        "Stoneman",
                        "Shapiro",
                        "Kirstein",
                        "Rabb",
                        "Clinical Center",
                        "Deaconess",
                        "Ellison",
                        "White",
                        "Bigelow",
                        "Phillips House",
                        "Lunder",
                        "Yawkey",
                        "Tower",
                        "Gray",
                        "Blake",
                    ]
                ),
            ]
        )
        n = r.randint(2, 14)
        return r.choice(
            [
                f"{s} {n}",
                f"{s} {n}",
                f"{s} {n}",
                f"{s} {n} West",
                f"{s} {r.choice('23456789')}{r.choice('ABCEW')}",
                f"{s} Building",
                f"{s} Pavilion",
                f"{s} {n} North",
                f"{s} Tower",
            ]
        )

    def dialysis(self) -> str:
        r = self.r
        return r.choice(
            [
                f"{self.city()} Dialysis",
                f"{self.city()} Kidney Center",
                f"DaVita {self.city()}",
                f"Fresenius {self.city()}",
                f"{self.city()} Renal Center",
            ]
        )

    def clinic(self) -> str:
        r = self.r
        return r.choice(
            [
                f"{self.city()} Health Center",
                f"{self.city()} Family Health",
                f"{self.surname()} Clinic",
                f"{self.city()} Community Health Center",
                f"{self.city()} VNA",
            ]
        )

    def shelter(self) -> str:
        return self.r.choice(SHELTERS)

    def state(self) -> str:
        return self.r.choice(US_STATE_ABBR) if self.r.random() < 0.55 else self.r.choice(US_STATES)

    def country(self) -> str:
        return self.r.choice(COUNTRIES)

    def year(self) -> str:
        y = self.r.randint(1962, 2019)
        return str(y) if self.r.random() < 0.85 else f"'{y % 100:02d}"

    # -- addresses -----------------------------------------------------------------------------------------
    def street(self) -> str:
        r = self.r
        x = r.random()
        if x < 0.1:
            return r.choice(self.p.foreign_addr)
        num = str(r.choice([r.randint(1, 99), r.randint(1, 999), r.randint(100, 9999)]))
        if r.random() < 0.06:
            num += r.choice(["A", "B", "-" + str(int(num) + 2)])
        if x < 0.3:
            name = r.choice(self.p.fake_us_streets)
        else:
            w = r.choice([r.choice(STREET_WORDS), r.choice(STREET_WORDS), self.surname(), r.choice(NATURE).split()[0]])
            name = f"{r.choice(['', '', '', '', 'N ', 'S ', 'E. ', 'West ', 'Old '])}{w} {r.choice(STREET_TYPES)}"
        s = f"{num} {name}"
        y = r.random()
        if y < 0.2:
            s += (
                f"{r.choice([', ', ' '])}{r.choice(['Apt', 'Apt.', 'Unit', '#', 'Apt #'])}{r.choice([' ', ''])}"
                f"{r.randint(1, 40)}{r.choice(['', '', 'B', 'R', 'L'])}"
            )
        elif y < 0.25:
            s += f", {r.choice(['1st', '2nd', '3rd'])} fl"
        return s

    def zipcode(self) -> str:
        return f"0{self.r.randint(1000, 2799)}" if self.r.random() < 0.8 else f"{self.r.randint(10000, 99999)}"

    # -- dates, numbers ------------------------------------------------------------------------------------
    def date(self, kind: str = "any") -> str:
        r = self.r
        m, d = r.randint(1, 12), r.randint(1, 28 if r.random() < 0.5 else 31)
        if m in (2,) and d > 28:
            d = 28
        if m in (4, 6, 9, 11) and d > 30:
            d = 30
        y = r.randint(2004, 2019) if r.random() < 0.8 else r.randint(1930, 2003)
        mon = MONTHS[m - 1]
        if kind == "any":
            kind = r.choices(["md", "full", "month", "other"], [62, 14, 16, 8])[0]
        if kind == "md":
            return r.choices([f"{m}/{d}", f"{m:02d}/{d:02d}", f"{m}/{d:02d}", f"{m}-{d}"], [70, 14, 8, 8])[0]
        if kind == "full":
            return r.choice(
                [
                    f"{m}/{d}/{y}",
                    f"{m}/{d}/{y % 100:02d}",
                    f"{m:02d}/{d:02d}/{y}",
                    f"{y}-{m:02d}-{d:02d}",
                    f"{m}-{d}-{y % 100:02d}",
                    f"{mon} {d}, {y}",
                    f"{d} {MON3[m - 1]} {y}",
                ]
            )
        if kind == "month":
            return r.choice(
                [
                    f"{mon} {ordinal(d)}",
                    f"{mon} {d}",
                    f"{MON3[m - 1]} {d}",
                    f"{MON3[m - 1]}. {d}",
                    f"{ordinal(d)} of {mon}",
                    f"{mon} {d}th" if d > 3 and not 20 < d % 100 < 24 else f"{mon} {ordinal(d)}",
                ]
            )
        return r.choice(
            [f"the {ordinal(d)}", f"{MON3[m - 1]} {ordinal(d)}", f"{d}-{MON3[m - 1]}", f"{d}{MON3[m - 1]}", f"{m}/{d}"]
        )

    def phone(self) -> str:
        r = self.r
        a = r.choice(MA_AREA) if r.random() < 0.85 else str(r.randint(201, 989))
        ex = str(r.randint(200, 999)) if r.random() < 0.85 else "555"
        ln = f"{r.randint(0, 9999):04d}"
        return r.choices(
            [
                f"{a}-{ex}-{ln}",
                f"({a}) {ex}-{ln}",
                f"({a}){ex}-{ln}",
                f"{a}.{ex}.{ln}",
                f"{a} {ex} {ln}",
                f"{a}{ex}{ln}",
                f"{ex}-{ln}",
                f"1-{a}-{ex}-{ln}",
                f"{a}/{ex}-{ln}",
            ],
            [30, 20, 5, 6, 6, 5, 14, 3, 3],
        )[0]

    def pager(self) -> str:
        r = self.r
        return r.choice(
            [
                str(r.randint(10000, 99999)),
                str(r.randint(1000, 9999)),
                f"{r.randint(1, 9)}-{r.randint(0, 9999):04d}",
                f"{r.randint(1, 9)}{r.randint(0, 9999):04d}",
                f"{r.randint(100, 999)}-{r.randint(1000, 9999)}",
            ]
        )

    def ext(self) -> str:
        r = self.r
        return r.choice(
            [
                str(r.randint(1000, 9999)),
                f"{r.randint(2, 7)}-{r.randint(1000, 9999)}",
                str(r.randint(10000, 79999)),
                f"{r.randint(2, 7)}{r.randint(1000, 9999)}",
            ]
        )

    def mrn(self) -> str:
        r = self.r
        x = r.random()
        if x < 0.45:
            return str(r.randint(1000000, 9999999))
        if x < 0.7:
            return f"{r.randint(0, 99999999):08d}"
        if x < 0.8:
            return f"{r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(10, 99)}"
        if x < 0.9:
            return f"{r.choice('EJKMW')}{r.randint(1000000, 99999999)}"
        return str(r.randint(100000, 999999))

    def age90(self) -> str:
        return str(self.r.choices(range(90, 106), [14, 13, 12, 11, 10, 9, 8, 6, 5, 4, 3, 2, 1, 1, 1, 1])[0])


# ---------------------------------------------------------------------------------------------------------------
# Clinical slot fillers (lower-case slot names; never PHI)
# ---------------------------------------------------------------------------------------------------------------


def _ri(a: int, b: int):
    return lambda r: str(r.randint(a, b))


def _rf(a: float, b: float, nd: int = 1):
    return lambda r: f"{r.uniform(a, b):.{nd}f}"


def _ch(*opts: str):
    return lambda r: r.choice(opts)


def _ls(s: str, sep: str = "|"):
    opts = tuple(x.strip() for x in s.split(sep))
    return lambda r: r.choice(opts)


def _time(r: random.Random) -> str:
    h, m = r.randint(0, 23), r.choice([0, 0, 0, 0, 15, 30, 30, 45, r.randint(0, 59)])
    k = r.random()
    if k < 0.55:
        return f"{h:02d}{m:02d}"
    if k < 0.75:
        return f"{h:02d}:{m:02d}" if r.random() < 0.5 else f"{h}:{m:02d}"
    h12 = h % 12 or 12
    ap = r.choice(["am", "AM", "a"]) if h < 12 else r.choice(["pm", "PM", "p"])
    return f"{h12}{r.choice(['', ' '])}{ap}" if m == 0 else f"{h12}:{m:02d}{r.choice(['', ' '])}{ap}"


def _temp(r: random.Random) -> str:
    if r.random() < 0.8:
        return f"{r.uniform(96.0, 103.6):.1f}"
    return f"{r.uniform(35.4, 39.8):.1f}{r.choice(['', 'C', ' C'])}"


def _abg(r: random.Random) -> str:
    return f"{r.uniform(7.15, 7.52):.2f}/{r.randint(26, 78)}/{r.randint(52, 260)}" + (
        f"/{r.randint(14, 34)}" if r.random() < 0.5 else ""
    )


def _io(r: random.Random) -> str:
    v = r.randint(1, 40) * 100
    s = r.choice(["+", "-", "neg ", "pos "])
    return f"{s}{v / 1000:.1f}L" if r.random() < 0.4 and v >= 1000 else f"{s}{v}{r.choice(['cc', ' cc', 'ml', ''])}"


CSLOTS: dict = {
    # vitals
    "hr": _ri(48, 142),
    "hrdec": _ls("50s|60s|70s|80s|90s|100s|110s|120s|130s|80s-90s|90s-100s|100s-110s"),
    "sbp": _ri(82, 188),
    "dbp": _ri(38, 98),
    "map": _ri(52, 108),
    "rr": _ri(10, 34),
    "spo2": _ri(88, 100),
    "spo2low": _ri(72, 88),
    "temp": _temp,
    "tmax": _temp,
    "tlow": _rf(34.2, 35.9),
    "cvp": _ri(2, 22),
    "pad": _ri(10, 34),
    "co": _rf(2.8, 8.2),
    "ci": _rf(1.5, 4.1),
    "svr": _ri(540, 1800),
    "sbplow": _ri(62, 88),
    "sbphigh": _ri(140, 180),
    "sbphigh2": _ri(170, 220),
    "sbpgoal": _ch("140", "160", "120", "150"),
    "mapgoal": _ch("60", "65", "65", "70"),
    "aug": _ri(90, 140),
    "paced": _ch("80", "88", "90", "100"),
    "bp": lambda r: f"{r.randint(82, 188)}/{r.randint(38, 98)}",
    "wt": _rf(42, 138, 1),
    "ef": _ch("20", "25", "30", "35", "40", "45", "55", "60", ">55"),
    # resp
    "fio2": _ch("30", "35", "40", "40", "50", "50", "60", "70", "80", "100"),
    "peep": _ch("5", "5", "8", "10", "12", "14", "16"),
    "tv": _ch("350", "380", "400", "420", "450", "450", "500", "550", "600"),
    "ps": _ch("5", "8", "10", "10", "12", "15"),
    "rrset": _ri(12, 28),
    "abg": _abg,
    "rsbi": _ri(28, 140),
    "ipap": _ch("10", "12", "14", "15", "18"),
    "epap": _ch("5", "6", "8"),
    "isvol": _ch("250", "500", "750", "1000", "1250", "1500"),
    "peakp": _ri(18, 44),
    "plat": _ri(14, 34),
    "o2l": _ri(1, 6),
    "ettsize": _ch("7.0", "7.5", "7.5", "8.0", "8.5"),
    "ettcm": _ri(20, 26),
    "trachsize": _ch("6", "7", "8", "#6", "#8"),
    # labs
    "k": _rf(2.8, 5.9),
    "mg": _rf(1.2, 2.8),
    "na": _ri(124, 154),
    "ca": _rf(7.0, 10.6),
    "phos": _rf(1.3, 6.8),
    "hct": _rf(19.5, 41.5),
    "hgb": _rf(6.3, 13.9),
    "plt": _ri(14, 480),
    "wbc": _rf(1.1, 28.6),
    "lact": _rf(0.7, 9.8),
    "glu": _ri(64, 396),
    "glulow": _ri(28, 62),
    "inr": _rf(0.9, 4.9),
    "ptt": _ri(24, 120),
    "ptthigh": _ch("100", "110", "120", "150"),
    "bun": _ri(7, 118),
    "cr": _rf(0.5, 7.8),
    "trop": _rf(0.01, 4.8, 2),
    "ck": _ri(60, 4200),
    "anc": _ri(80, 900),
    "ag": _ri(10, 24),
    "vtrough": _rf(6.1, 38.0),
    "icp": _ri(4, 28),
    "nihss": _ri(1, 24),
    # scores, small numbers
    "pain": _ri(0, 10),
    "strength": _ri(0, 5),
    "rass": _ch("-5", "-4", "-3", "-2", "-2", "-1", "0", "0", "+1", "+2", "+3"),
    "ciwa": _ri(0, 26),
    "gcs": _ri(3, 15),
    "e": _ri(1, 4),
    "v": _ri(1, 5),
    "m": _ri(1, 6),
    "cpot": _ri(0, 8),
    "braden": _ri(9, 21),
    "n": _ri(2, 4),
    "n1": _ri(1, 3),
    "pod": _ri(0, 9),
    "dur": _ch("1", "2", "3", "1.5", "2-3"),
    "frac": _ch("1/2", "1/2", "1/4", "1/2", "2", "1"),
    "pupil": _ch("2mm", "3mm", "4 mm", "2-3mm", "3-4 mm", "5mm", "pinpoint", "1mm"),
    "evd": _ch("10", "15", "20"),
    "age": _ri(19, 89),
    "los": _ch("+2.1L", "+4.6L", "+8L", "-1.2L", "+12.3L", "even"),
    "cm": _ri(44, 58),
    "lumen": _ch("2", "3", "double", "triple"),
    "gauge": _ch("18", "20", "20", "22"),
    # volumes / rates
    "ml": _ch("10", "20", "30", "40", "50", "75", "100", "150", "200", "250", "300", "400", "500"),
    "uo": _ri(15, 220),
    "uolow": _ri(5, 25),
    "uogood": _ch("100", "150", "200"),
    "bolus": _ch("250", "500", "500", "1000", "750"),
    "io": _io,
    "tfrate": _ri(10, 80),
    "tfgoal": _ch("50", "60", "65", "70", "75", "80"),
    "resid": _ch("100", "150", "200", "250", "300"),
    "fwf": _ch("100", "150", "200", "250"),
    "bscan": _ri(150, 999),
    "cvvh": _ch("1500", "2000", "2500"),
    "negml": _ch("50", "75", "100", "150"),
    "uf": _ch("1", "1.5", "2", "2.5", "3", "3.5"),
    "para": _ch("2", "3", "4", "5", "6", "8"),
    "girth": _ri(88, 140),
    "bp_bladder": _ri(8, 28),
    "lactu": _ch("15", "20", "30", "45"),
    "epi": _ch("4", "6", "8", "10", "12"),
    "ostout": _ls("liquid green|soft brown|pasty brown|watery|small amt brown"),
    # doses
    "prop": _ch("5", "10", "15", "20", "25", "30", "40", "50", "60"),
    "fent": _ch("25", "50", "75", "100", "125", "150", "200"),
    "versed": _ch("1", "2", "3", "4", "5", "6", "8"),
    "prec": _ch("0.2", "0.4", "0.5", "0.7", "1", "1.2"),
    "levo": _ch("0.02", "0.05", "0.08", "0.1", "0.12", "0.15", "0.2", "0.3"),
    "dopa": _ch("3", "5", "7.5", "10"),
    "hep": _ch("600", "800", "900", "1000", "1100", "1200", "1350", "1500", "1700"),
    "hepdec": _ch("100", "150", "200"),
    "dilt": _ch("5", "7.5", "10", "12.5", "15"),
    "ntg": _ch("10", "20", "30", "50", "75", "100", "150"),
    "nicard": _ch("2.5", "5", "7.5", "10", "12.5", "15"),
    "lasix": _ch("10", "20", "40", "40", "60", "80", "100"),
    "lasixgtt": _ch("5", "10", "15", "20"),
    "lopo": _ch("12.5", "25", "25", "37.5", "50", "75"),
    "ativan": _ch("0.5", "1", "1", "2", "2", "4"),
    "haldol": _ch("0.5", "1", "2", "2.5", "5"),
    "dil": _ch("0.25", "0.5", "1", "1", "2"),
    "pca": _ch("0.1", "0.2", "0.3", "0.4"),
    "lockout": _ch("6", "8", "10"),
    "oxy": _ch("5", "5", "10", "15"),
    "perc": _ch("1", "2", "1/2"),
    "fentbol": _ch("25", "50", "50", "75", "100"),
    "units": _ri(2, 14),
    "nphu": _ri(6, 48),
    "insgtt": _ch("1", "2", "3", "4", "5", "6", "8", "10", "12"),
    "hcort": _ch("50", "100"),
    "repl": _ls(
        "KCL 40 mEq PO|20 mEq KCL IV|KCL 60 meq via OGT|KCL 40meq IV over 4h|K-Dur 20 meq|KCL 10 meq IV x4 runs|"
        "Mag 2 gm IV|Mag sulfate 4 gm|K-Phos 2 pkts|Neutraphos 1 pkt TID|Ca gluconate 2 gm IV|Mag oxide 400 mg"
    ),
    "lytes": _ls("K {k}, Mag {mg}|K {k}, Phos {phos}, Ca {ca}|Na {na}, K {k}|K {k}|Mag {mg}, Phos {phos}"),
    # drugs
    "sedgtt": _ls(
        "propofol gtt at {prop} mcg/kg/min|fentanyl gtt at {fent} mcg/hr|versed gtt at {versed} mg/hr|"
        "propofol {prop} mcg/kg/min and fentanyl {fent} mcg/hr|precedex {prec} mcg/kg/hr|"
        "fentanyl {fent}/versed {versed}|Propofol @ {prop}mcg"
    ),
    "pressgtt": _ls(
        "levophed {levo} mcg/kg/min|neo {neo} mcg/kg/min|neo gtt at {neomin} mcg/min|vasopressin 0.04 u/min|"
        "levophed and vasopressin|dopamine {dopa} mcg/kg/min|levo @ {levo}|phenylephrine {neomin} mcg/min|"
        "neosynephrine {neo}mcg/kg/min|dobutamine 2.5 mcg/kg/min"
    ),
    "neo": _ch("0.5", "0.8", "1", "1.5", "2", "2.5", "3"),
    "neomin": _ch("20", "40", "60", "100", "140", "200"),
    "abx": _ls(
        "vanco|vancomycin|Zosyn|Flagyl|cefepime|ceftriaxone|meropenem|levofloxacin|levaquin|cipro|Bactrim|"
        "cefazolin|linezolid|daptomycin|azithro|Unasyn|ampicillin|gentamicin|aztreonam|acyclovir|fluconazole|"
        "micafungin|clindamycin|nafcillin|ceftaz|tobramycin"
    ),
    "prn": _ls(
        "dilaudid {dil} mg IV|morphine 2 mg IV|morphine 4 mg IV|oxycodone {oxy} mg PO|ativan {ativan} mg IV|"
        "haldol {haldol} mg IV|zofran 4 mg IV|tylenol 650 mg PO|percocet {perc} tab|seroquel 25 mg PO|"
        "benadryl 25 mg IV|trazodone 50 mg PO|fentanyl {fentbol} mcg IV|tramadol 50 mg PO"
    ),
    "opioid": _ls("percocet|oxycodone 5 mg|dilaudid 2 mg po|vicodin|tylenol #3|ultram|oxycontin 10 mg"),
    "bowel": _ls(
        "colace|senna|dulcolax PR|dulcolax supp|miralax|lactulose 30 ml|bisacodyl|fleet enema|SMOG enema|"
        "colace and senna|senna 2 tabs|milk of magnesia"
    ),
    "holdmed": _ls(
        "lopressor|lasix|heparin|coumadin|lisinopril|captopril|NPH|lantus|tube feeds|the 2200 lovenox|"
        "digoxin|KCL|metformin|plavix|ASA|dilt|amio"
    ),
    "cardmed": _ls(
        "lopressor {lopo} mg PO|lopressor 5 mg IV|captopril 6.25 mg|lisinopril 5 mg|hydralazine 10 mg IV|"
        "digoxin 0.125 mg|diltiazem 30 mg PO|amiodarone 400 mg PO|ASA 325 mg|plavix 75 mg|lasix {lasix} mg IV"
    ),
    "insulin": _ls("SSI|RISS|NPH|lantus|humalog|regular insulin|insulin SS"),
    # findings
    "ls": _ls(
        "clear|clear bilat|coarse|coarse throughout|crackles at bases|bibasilar crackles|rhonchi throughout|"
        "diminished at bases|exp wheezes|insp/exp wheezes|bibasilar rales|diminished LLL|diminished RLL|"
        "clear upper, diminished lower|coarse w/ scattered rhonchi|clear after sx|decreased on L|tight, wheezy|"
        "course bilat|faint crackles R base"
    ),
    "side": _ls("R|L|bilat|RLL|LLL|RUL|L base|R base|bibasilar"),
    "cxr": _ls(
        "improved aeration|worsening bilat infiltrates|RLL infiltrate|LLL collapse|small L effusion|"
        "unchanged from yesterday|ETT 4 cm above carina|pulm edema|no ptx|R apical ptx, CT placed|"
        "ARDS picture|PICC tip in SVC|OGT in stomach|ng tube coiled in esophagus"
    ),
    "sputum_color": _ls("white|yellow|tan|green|blood-tinged|brown|clear|thick yellow|creamy white|rusty"),
    "sputum_amt": _ls("sm amt|sm amts|mod amt|mod amts|lg amt|copious|scant|minimal"),
    "stool": _ls(
        "soft brown|loose green|black tarry|guaiac + brown|liquid brown|formed brown|maroon|melanotic|"
        "loose yellow|liquid green|brown soft formed|heme + black|clay colored|bloody"
    ),
    "urine": _ls(
        "clear yellow|amber|cloudy|pink-tinged|light pink|dark amber|concentrated|tea colored|"
        "yellow w/ sediment|clear|straw colored|cloudy yellow w/ sediment|blood tinged"
    ),
    "gicol": _ls("bilious|green|brown|coffee ground|clear|tan|bright red|dark green|yellow"),
    "emesis": _ls("bilious|coffee ground|undigested food|clear|green|bloody"),
    "drain_col": _ls(
        "serosang|serous|sanguinous|bilious|green|brown|frank blood|cloudy|purulent|straw colored|dark red|pink"
    ),
    "rhythm": _ls("NSR|SR|SB|ST|AFib|AF|A-flutter|paced|V-paced|AV paced|1st degree AVB|junctional|sinus tach"),
    "ectopy": _ls("occ PVCs|rare PACs|no ectopy|freq PVCs|runs of NSVT|couplets|occ PACs|rare PVC|multifocal PVCs"),
    "pulse": _ls("+2|+1|palp|dopplerable|weak|2+|1+|faint"),
    "edema": _ls("trace|1+|2+|3+|4+|+1|+2|+3"),
    "line": _ls("TLC|PICC|A-line|Swan|cordis|HD cath|quinton|introducer|RIJ TLC|CVL|art line|MLC"),
    "linesite": _ls("R IJ|L IJ|R SC|L SC|R fem|L fem|RIJ|LIJ|R subclavian|L subclavian|R groin"),
    "artsite": _ls("R radial|L radial|R fem|L brachial|R brachial|L radial"),
    "tube": _ls("OGT|NGT|DHT|PEG|G-tube|J-tube|dobhoff|OG|NG"),
    "tf": _ls(
        "Promote w/ fiber|Promote|Nepro|Jevity 1.2|Impact|Replete|Peptamen|Novasource renal|Osmolite|"
        "Fibersource|Impact w/ fiber|Glucerna"
    ),
    "diet": _ls(
        "NPO|clears|clear liquids|full liquids|soft solids|cardiac diet|renal diet|ADA diet|"
        "nectar thick liquids|pureed|regular diet|honey thick|mech soft|cardiac/diabetic diet"
    ),
    "o2dev": _ls(
        "NC|nasal cannula|{o2l}L NC|face tent|50% FM|cool neb|NRB|venti mask|high flow|shovel mask|"
        "trach mask|BiPAP|CPAP|40% face tent|{o2l} L NP|aerosol mask"
    ),
    "vent_mode": _ls("AC|A/C|CMV|SIMV|PSV|CPAP/PS|PRVC|APRV|AC/VC"),
    "abd": _ls(
        "soft, NT/ND|firm, distended|obese, soft|mildly distended, tender RUQ|tympanic|soft, +BS x4|"
        "soft, nontender, hypoactive BS|distended, firm, +BS|soft, slightly distended|rigid, pt guarding"
    ),
    "bs": _ls("+BS|hypoactive BS|hyperactive BS|absent BS|BS x4 quads|BS +x4|faint BS|+BS all quads"),
    "bodyloc": _ls(
        "coccyx|sacrum|R heel|L heel|buttocks|perineum|L hip|R elbow|occiput|bridge of nose|R ear|"
        "groin|abd fold|pannus|L buttock|R ischium|gluteal fold|scrotum"
    ),
    "stage": _ls("I|II|III|IV|2|3|unstageable"),
    "skinfind": _ls(
        "blanchable redness|open area|excoriation|blister|skin tear|shearing|yeast rash|denuded area|"
        "fungal rash|purple discoloration"
    ),
    "woundbed": _ls("pink|red, granulating|yellow slough|beefy red|w/ eschar|pale"),
    "woundrec": _ls("duoderm|allevyn|aquacel|barrier cream|xeroform|wet-to-dry|mepilex"),
    "mattress": _ls("air|low air loss|kinair|first step|eggcrate|bariatric|dolphin"),
    "incision": _ls("OTA|CDI|w/ staples, OTA|dsg D&I|w/ serous drainage|erythematous at edges|intact w/ steri-strips"),
    "pegsite": _ls("clean and dry|red, no drainage|w/ small amt drainage|CDI"),
    "dx": _ls(
        "sepsis|urosepsis|PNA|aspiration PNA|UGIB|LGIB|CHF exacerbation|COPD flare|DKA|ETOH withdrawal|SAH|"
        "SDH|L MCA stroke|NSTEMI|STEMI|pancreatitis|ARF|hyperkalemia|ARDS|PE|ESLD w/ varices|SBO|"
        "cholangitis|overdose|hypotension|AF w/ RVR|resp failure|hypoxia|altered MS|hip fx|"
        "hepatic encephalopathy|CHF|MRSA bacteremia|C diff colitis|hyponatremia"
    ),
    "cc": _ls("CP|SOB|abd pain|N/V|fever|weakness|fall|confusion|hematemesis|BRBPR|syncope|HA|cough|DOE"),
    "surgery": _ls(
        "CABG x3|CABG x4|AVR|MVR|CABG/AVR|Whipple|ex-lap|sigmoid colectomy|AAA repair|fem-pop bypass|"
        "craniotomy|ORIF L hip|lap chole|esophagectomy|liver tx|nephrectomy|CEA|R hemicolectomy|"
        "L TKR|R THR|VATS|Ivor Lewis|ex lap/LOA"
    ),
    "svc": _ls("MICU|SICU|CCU|CSRU|TSICU|Neuro ICU|PACU|ED|EW|floor|step-down|CVICU|MICU-B|the floor|NICU|Medicine"),
    "unit": _ls("MICU|SICU|CCU|CSRU|TSICU|Neuro ICU|CVICU|MICU-B|Trauma ICU|Medicine|PACU|Step-down"),
    "team": _ls(
        "ortho|renal|ID|GI|neuro|neurosurg|CT surgery|cards|EP|pulm|heme/onc|palliative care|transplant|"
        "psych|nutrition|PT|OT|speech|wound care|SW|CM|ACS|vascular|urology|ENT|thoracic|hepatology"
    ),
    "proc": _ls(
        "CT head|CT abd/pelvis|CTA chest|MRI|bronch|EGD|colonoscopy|TEE|TTE|cardiac cath|IR embolization|"
        "LP|paracentesis|thoracentesis|HD|CVVH|ERCP|bedside trach|PEG placement|KUB|CXR|RUQ US|LENIs|"
        "EEG|cardioversion|MRCP|IR drain"
    ),
    "irproc": _ls("embolization|drain placement|PICC|perc chole|tunneled line|IVC filter|TIPS|biliary drain"),
    "issue": _ls(
        "SBP {sbplow}|HR {hr}|UO {uolow} cc/hr|K {k}|temp {temp}|hct {hct}|agitation|desat to {spo2low}%|"
        "CP|PTT {ptt}|BS {glu}|Mag {mg}|pain|new AF|lactate {lact}|low UO|MAP <60|rising Cr|CT output"
    ),
    "planact": _ls(
        "restart tube feeds|d/c A-line|transfuse 1 unit|hold heparin|advance diet|d/c foley|wean neo|"
        "give lasix 40 IV|cont current plan|check lytes at {time}|d/c restraints"
    ),
    "planact2": _ls("no changes|orders rec'd|will f/u CXR|plan d/w team|labs added on"),
    "xferreason": _ls("higher level of care|cath|ERCP|neurosurg eval|ICU care|CVVH|IR embolization|EP study"),
    "refused": _ls("TF|meds|turns|labs|bath|BiPAP|CPAP overnight|FS|lovenox|oral care"),
    "event": _ls(
        "pt to CT at {time}, returned w/o incident|RRT called at {time} for SBP {sbplow}|new AF at {time}|"
        "pt self d/c'd PIV|fall at {time}, no injury|desat to {spo2low}% at {time}, resolved w/ sx"
    ),
}
CSLOTS["time"] = _time
CSLOTS["lang"] = _ls(
    "Portuguese|Haitian Creole|Spanish|Vietnamese|Russian|Cantonese|Polish|Italian|Cape Verdean Creole"
)
CSLOTS["time2"] = _time


# ---------------------------------------------------------------------------------------------------------------
# Clinical sentence templates (no PHI).  [a|b] = alternatives, {slot} = CSLOTS value.
# ---------------------------------------------------------------------------------------------------------------


def _T(block: str) -> list[str]:
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip() and not ln.strip().startswith("#")]


CLIN: dict[str, list[str]] = {}
CLIN["NEURO"] = _T("""
A&Ox3, MAE, follows commands
A&Ox[1|2] ([self|self and place]), reorients easily
A+Ox3, pleasant and cooperative
PERRL [2|3|4]mm brisk
Pupils {pupil} [sluggish|nonreactive|brisk] bilat
Sedated on {sedgtt}, RASS {rass}
RASS goal [-2|-1] to 0, currently {rass}
Propofol weaned to {prop} mcg/kg/min for SAT at {time}
Fentanyl gtt at {fent} mcg/hr w/ boluses x{n} for vent dyssynchrony
Versed gtt increased to {versed} mg/hr per team
Opens eyes to voice, does not track
Withdraws all ext to noxious stimuli
GCS {gcs} (E{e}V{v}M{m})
Glasgow coma score {gcs} this am, [unchanged from prior|down from {gcs}]
Neg Babinski bilat
Upgoing toe on [R|L], team aware
Strength {strength}/5 RUE, {strength}/5 LUE, {strength}/5 BLE
Hand grasps equal and strong bilat
Speech clear, no facial droop
[Slurred|Garbled] speech noted at {time}, code stroke called, CT head neg
CIWA {ciwa}, given ativan {ativan} mg IV per scale
CIWA scores {ciwa}-{ciwa} overnight, tremulous, diaphoretic
Agitated at {time}, pulling at lines, given haldol {haldol} mg IV w/ [good|fair|little] effect
Sundowning, reoriented frequently, bed alarm on
Soft wrist restraints on for safety, released q2h
Hx Parkinson's, tremor R hand at rest
Baseline dementia (Alzheimer's), A&Ox1 per family
Neuro checks q1h, stable
Neuro checks q[2|4]h, no changes
Seizure-like activity x{n} min at {time}, ativan 2 mg IV given, keppra loaded
No seizure activity noted
Ventric drain open at {evd} cm H2O above tragus, draining {ml} cc clear CSF
ICP {icp}-{icp}, CPP >60
Nods appropriately, mouths words
Sleeping in naps, easily arousable
Slept [well|poorly] overnight, ambien 5 mg given at {time}
C-collar in place, logroll precautions maintained
Spine precautions, HOB flat
L sided weakness, [L|R] facial droop, NIHSS {nihss}
Pt anxious, tearful at times, emotional support given
Lethargic this am, ABG sent: {abg}
Delirious overnight, CAM-ICU +
Precedex gtt started at {time} at {prec} mcg/kg/hr
Sedation held for SBT, pt became agitated, propofol resumed
Responds to name, squeezes hands on command
Moves all ext but not to command
Pt very sleepy, arousable to sternal rub
""")
CLIN["CV"] = _T("""
{rhythm} {hr}-{hr} w/ {ectopy}
HR {hrdec} {rhythm}, SBP {sbp}-{sbp}
BP {bp}, MAP {map}
VS: T {temp} HR {hr} BP {bp} RR {rr} SpO2 {spo2}%
MAPs >{mapgoal} on {pressgtt}
Levophed titrated up to {levo} mcg/kg/min for MAP <{mapgoal}
Neo weaned off at {time}, BP stable since
Hypotensive to SBP {sbplow} at {time}, given {bolus} cc NS bolus w/ [good|minimal|transient] effect
CVP {cvp}-{cvp}
Swan: PAD {pad}, CO {co}, CI {ci}, SVR {svr}
Swan pulled back to {cm} cm, CXR to confirm
A-line [dampened|positional], flushed, re-zeroed, correlates w/ cuff
Lopressor {lopo} mg PO given, HR down to {hr}
Lopressor 5 mg IV x{n} for HR 130s AF w/ RVR
Dilt gtt at {dilt} mg/hr, HR {hrdec}
Converted to NSR at {time} on amio gtt
Amio gtt at [0.5|1] mg/min, to change to PO in am
Heparin gtt at {hep} units/hr, PTT {ptt}, no change per protocol
PTT {ptt} at {time}, heparin gtt decreased by {hepdec} units/hr per scale
Heparin gtt held x1h for PTT >{ptthigh}, restart at {hep} units/hr
Pulses {pulse} DP/PT bilat, feet warm
Pulses dopplerable LLE, cool to touch, vascular aware
{edema} pitting edema BLE
Generalized edema, anasarca
Cap refill <3 sec
K {k}, repleted w/ {repl}
Mag {mg}, repleted w/ 2 gm IV
Lytes repleted per sliding scale
CK {ck}, trop {trop}, cycling enzymes
Trops trending down, last {trop}
Pt c/o CP {pain}/10 at {time}, EKG done, NTG SL x1 w/ relief
No c/o CP or SOB
Nitro gtt at {ntg} mcg/min for SBP >{sbphigh}
Hydralazine 10 mg IV x1 for SBP {sbphigh2}
Epicardial wires AV-paced at {paced}, capture and sense intact
V wires capped, DDD backup at 60
IABP 1:1, augmentation {aug}, good waveform
Chest tubes to -20 sxn, draining {ml}cc serosang, no air leak
Mediastinal CT output {ml} cc since {time}
Lasix {lasix} mg IV given with [good|minimal|brisk] diuresis
Lasix gtt at {lasixgtt} mg/hr, goal neg 1L
TEDs and pneumoboots on
Tele: {rhythm}, {ectopy}
Afebrile, hemodynamically stable
Dopamine at {dopa} mcg/kg/min, weaning as tol
Vasopressin at 0.04 units/min, unchanged
Hct {hct} at {time}, 1 unit PRBC transfused, post hct pending
SBP goal <{sbpgoal} per neurosurg, nicardipine gtt at {nicard} mg/hr
HR {hr}, BP {bp}, afebrile
Received {cardmed} at {time}
""")
CLIN["RESP"] = _T("""
LS {ls}
LS {ls} [bilat|throughout], {side} diminished
Remains intubated on {vent_mode} {tv}x{rrset}, PEEP {peep}, FiO2 {fio2}%
Vent settings: {vent_mode} TV {tv} RR {rrset} PEEP {peep} FIO2 {fio2}
ABG {abg}, no vent changes
ABG at {time}: {abg}, RR increased to {rrset}
FiO2 weaned to {fio2}%, sats {spo2}-{spo2}%
Sats {spo2}% on {o2l}L NC
O2 sats {spo2}-100% on {o2dev}
Weaned to {o2dev}, tolerating well
Placed on CPAP/PS {ps}/{peep} at {time}, RSBI {rsbi}
SBT x30 min, failed d/t tachypnea RR 30s
Extubated at {time} to {o2dev}, cough strong, voice hoarse
Suctioned for {sputum_amt} {sputum_color} secretions
Sxn q{n}-{n}h for thick {sputum_color} sputum
Copious oral secretions, Yankauer at bedside
ETT {ettsize} @ {ettcm} cm at lip, secured w/ [tape|commercial holder]
{ettsize} ETT @ {ettcm} cm at teeth
Trach {trachsize} shiley, trach care done, stoma clean
Trach mask 50% FiO2, tolerating
Nebs given q4h by RT
Albuterol/atrovent nebs q{n}h and prn
Diuresed w/ improved aeration
CXR: {cxr}
CXR this am: [improved|worsening] {side} infiltrate
RR {rr}-{rr}, unlabored
Tachypneic to 30s at {time}, placed on BiPAP {ipap}/{epap}
BiPAP at night, NC during day
Sputum cx sent
Pt desatted to {spo2low}% during turn, recovered w/ bagging
Using IS, pulling {isvol} ml
Encouraged C&DB, IS q1h while awake
Short of breath with exertion
SOB resolved
Chest PT done by RT
Bronch done at bedside, BAL sent
Prone positioning per ARDSnet protocol
Peak pressures {peakp}, plateau {plat}
Gas this am {abg} on current settings
Pt self-extubated at {time}, reintubated by anesthesia
Cuff leak present
Lt chest tube to water seal, no air leak, dsg CDI
King airway in place from field, exchanged for ETT in ED
Breath sounds {ls}, nonproductive cough
Lung sounds {ls}, sats {spo2}% on {o2dev}
""")
CLIN["GI"] = _T("""
Abd {abd}
{bs}, abd soft NT/ND
OGT to LIS, draining {ml}cc {gicol} drainage
NGT to LCWS w/ {ml} cc bilious output
Salem sump to LIS, flushed, patent
TF {tf} at {tfrate} ml/hr via {tube}, goal {tfgoal}
TF held for residuals {resid} cc, team aware
Residuals <{resid}, TF advanced to goal
TF held at MN for OR in am
NPO except meds
NPO after MN for {proc}
Tolerating {diet}, appetite poor
Diet advanced to {diet}, tolerating well
Swallow eval by speech, recs {diet}
+Flatus, no BM
BM x{n1}, {stool}, guaiac [+|neg]
Lg {stool} stool, FMS in place
Black tarry stool x{n} this shift, GI aware
No BM since admission, bowel regimen: colace, senna, dulcolax PR
Given {bowel} at {time} w/ good results
Lactulose {lactu} ml TID, titrate to 3-4 BMs/day
Rectal tube draining liquid brown stool
C diff sent x{n}
Nauseous at {time}, zofran 4 mg IV given w/ relief
Emesis x{n1}, {emesis}
Protonix 40 mg IV BID
Protonix gtt at 8 mg/hr
Octreotide gtt at 50 mcg/hr
EGD done at bedside, varices banded x{n}
Hct stable at {hct}
LFTs trending up, RUQ US ordered
Ostomy pink, budding, draining {ostout} stool
Colostomy bag changed, stoma beefy red
JP #1 {ml}cc {drain_col}, JP #2 {ml}cc {drain_col}
Hemovac emptied for {ml} cc {drain_col}
Jackson-Pratt drain to bulb sxn, {ml}cc {drain_col} this shift
Abd incision {incision}
Midline incision w/ staples, OTA, no drainage
S/p Whipple POD {pod}, NGT to LIS, JP's to bulb sxn
Hx Crohn's, on home meds
PEG to gravity, site {pegsite}
Pt pulled out NGT, replaced and CXR confirmed placement
Dobhoff placed at bedside, tip in stomach per KUB
Bladder pressure {bp_bladder}
Abd girth {girth} cm, up from yesterday
Para done, {para}L removed, albumin given
Stool green, soft, large amt
Brown liquid stool, rectal bag intact
""")
CLIN["GU"] = _T("""
Foley draining {urine} urine, {uo}-{uo}cc/hr
UO {uo}-{uo} ml/hr via foley
UO marginal, {uolow} cc/hr x{n}h, team aware
Foley d/c'd at {time}, due to void by {time2}
Voided {ml} cc at {time}
Bladder scan {bscan} cc, straight cath for {ml} cc
Foley replaced for retention
Incontinent of urine, condom cath placed
24h I/O {io}
I/O {io} at MN, LOS {los}
BUN/Cr {bun}/{cr}
Cr {cr} (baseline {cr}), renal following
CVVH running at {cvvh} ml/hr, net neg {negml} ml/hr
CVVHD filter clotted at {time}, restarted by renal fellow
HD today, {uf}L removed, tolerated well
Lasix gtt at {lasixgtt} mg/hr with brisk UO
Urine {urine}, CBI running
CBI titrated for light pink urine
Urine lytes sent
U/A and urine cx sent
Suprapubic catheter draining {urine} urine
R nephrostomy draining {ml} cc {urine} urine
Foley to gravity, patent
Oliguric, bolused {bolus} cc LR w/ min effect
Frank blood noted in foley at {time}, flushed, clots cleared
Anuric, on HD MWF
UO >{uogood} cc/hr after lasix
Hypernatremic, Na {na}, free water flushes {fwf} ml q{n}h
""")
CLIN["ID"] = _T("""
Tmax {tmax}
Afebrile, WBC {wbc}
Febrile to {temp} at {time}, pan cx'd, tylenol given
On {abx}, {abx}[| and {abx}]
Vanco trough {vtrough}, next dose held
Vanco level {vtrough}, dose changed per pharmacy
Zosyn 4.5 gm IV q8h
Flagyl 500 mg PO TID for c diff
Cdiff +, contact precautions
MRSA in sputum, contact precautions maintained
VRE in urine, on linezolid
Blood cx x2 pending
BC {n1}/4 bottles GNR, abx broadened to meropenem
Cultured at {time} for temp {temp}
Bair Hugger on for temp {tlow}
Cooling blanket on for temp {temp}
Ice packs to axilla/groin
WBC {wbc} up from {wbc}
ID following, recs d/c cefepime
Droplet precautions, r/o influenza
Airborne isolation, r/o TB, AFB x3 sent
Lactate {lact}, repeat at {time}
Line tip sent for cx
Fluconazole for yeast in urine
T max {tmax}, abx as ordered
""")
CLIN["SKIN"] = _T("""
Skin intact
Skin warm, dry, intact
Stage {stage} decubitus on {bodyloc}, duoderm applied
{bodyloc} w/ {skinfind}, barrier cream applied
Turned and repositioned q2h
Turned q2h, heels offloaded w/ pillows
On {mattress} mattress
Wound care consulted for {bodyloc} wound
Wet-to-dry dsg changed to {bodyloc}, wound bed {woundbed}
Sternal incision OTA, no drainage
Sternal dsg D&I, pt on sternal precautions
Leg incision w/ steri-strips, small amt serous drainage
Jaundiced, skin itchy
Ecchymosis to bilat arms
Scattered petechiae on chest
Blanchable redness on coccyx
Excoriated perineum, criticaid applied
Rash on trunk, ?drug rxn, team aware
Cool, mottled extremities
Diaphoretic at {time}
Multiple skin tears to BUE, dressed w/ xeroform
VAC dsg to abd wound at -125 mmHg, intact
Braden score {braden}
Skin care done, chux changed
Pale, cool to touch
Surgical site OTA, no s/s infection
Dsg to {linesite} line changed, site clean
Edematous, weeping BLE, wrapped in kerlix
Pressure ulcer on {bodyloc}, stage {stage}, photo in chart
Skin pink, warm and dry
""")
CLIN["ENDO"] = _T("""
FS {glu}, covered w/ {units} units humalog per SSI
BS {glu} at {time}, {units} units RISS given
FSBS q6h, covered per SSI
FSBG {glu}-{glu}
Insulin gtt at {insgtt} units/hr per protocol, BS {glu}
Insulin gtt d/c'd, NPH {nphu} units SC given
Lantus {nphu} units at HS
NPH {nphu} units held for NPO status
Hypoglycemic to {glulow} at {time}, 1 amp D50 given, recheck {glu}
DKA protocol, AG {ag}, closing
Stress dose steroids: hydrocort {hcort} mg IV q8h
TSH pending
QID FS, no coverage needed
Pt refused FS at {time}
Glucose stable on TF
Sliding scale only, BS {glu}-{glu}
""")
CLIN["HEME"] = _T("""
Hct {hct}, stable
Hct {hct} -> {hct}, 2 units PRBC ordered
Transfused {n} units PRBC, post hct {hct}
Plt {plt}, {n1} bag plts given
INR {inr}, FFP x{n} given
Vit K 10 mg IV x1
Heparin SC tid for DVT ppx
HIT ab sent, heparin products d/c'd
On coumadin, INR {inr}
Bleeding from {linesite} site, pressure held, dsg reinforced
Type & screen sent
Pneumoboots on for DVT ppx
Oozing from ETT, plt {plt}
Neutropenic precautions, ANC {anc}
""")
CLIN["PAIN"] = _T("""
Pain {pain}/10 [abd|incisional|back|chest wall], dilaudid {dil} mg IV given w/ relief to {pain}/10
Denies pain
C/o pain {pain}/10 at {time}, repositioned, tylenol 650 mg PO
Pain controlled w/ PCA dilaudid {pca} mg q{lockout} min
PCA morphine, using appropriately
Oxycodone {oxy} mg PO q4h prn, used x{n}
Percocet {perc} tab PO x1 at {time}
Grimacing w/ turns, fentanyl {fentbol} mcg IV given
Epidural at {epi} ml/hr, pain {pain}/10, sensation intact
Pain score {pain}/10 this am
CPOT {cpot}, increased fentanyl
Uses ice packs w/ relief
Declined pain meds
Given {frac} tab {opioid} for pain {pain}/10
Lidoderm patch to lower back
""")
CLIN["ACCESS"] = _T("""
{line} {linesite}, site CDI
{line} placed at {time} under US guidance
PIV x{n} {gauge}g, patent
A-line {artsite} w/ good waveform
PICC [R|L] basilic, {lumen} lumens, tip confirmed by CXR
TLC {linesite} day {n}, dsg changed
Cordis {linesite} w/ swan
HD catheter {linesite}, heparin locked
Lost PIV, IV team paged
Port accessed, blood return +
A-line d/c'd, pressure held x10 min
Femoral sheath pulled at {time}, no hematoma
Lines: {line}, {line}, PIV
Quinton {linesite}, capped
""")
CLIN["SOCIAL"] = _T("""
Family in to visit, updated on POC
Wife in to visit, updated by RN and team
Son called, updated
Daughter at bedside all shift
No family contact this shift
Family meeting planned for tomorrow w/ team
Pt is full code
DNR/DNI, confirmed w/ HCP
CMO discussion ongoing
SW following
Interpreter used for update
Pt [Portuguese|Spanish|Haitian Creole|Russian|Cantonese|Vietnamese]-speaking, interpreter via phone
Lives w/ wife, independent at baseline
Lives alone, has VNA
Hx ETOH abuse, drinks 6-pack/day
Smokes 1 ppd x40 yrs
Pastoral care in to visit
Family requesting update from MD, team aware
Husband very involved, calls q shift
HCP form in chart
""")
CLIN["DISPO"] = _T("""
Remain in {svc}
Transfer to floor when bed available
Call out to floor
Continue current POC
Monitor hemodynamics, titrate pressors for MAP >{mapgoal}
Wean vent as tol, SBT in am
Follow lytes, replete prn
Cont abx, f/u cx data
Monitor UO, lasix prn
F/u AM labs
Plan for {proc} [today|tomorrow|in am]
To OR in am for {surgery}
Screening for rehab
PT/OT consult
Possible trach/PEG next wk
Goals of care discussion w/ family
Support pt and family
Cont to monitor neuro status
Keep K >4, Mag >2
Titrate heparin per PTT
Check PTT at {time}
Repeat hct at {time}
NPO after MN
Keep SBP <{sbpgoal}
Cont CIWA scale
Aggressive pulm toilet
OOB to chair in am
D/c foley in am if UO adequate
Advance diet as tol
Full code, cont ICU care
Dispo: likely rehab
Transfer to {svc} once stable
""")
CLIN["ACTIVITY"] = _T("""
OOB to chair w/ assist x{n}, tolerated {dur} hrs
Ambulated in hall x{n} w/ walker
Walked in the hall with PT, steady gait
Bedrest, logroll
Activity as tol
Dangled at bedside, c/o dizziness
Up to commode w/ assist
High fall risk, bed alarm on
Trendelenburg for line placement, tolerated
Reverse Trendelenburg for feeds
Kinair bed, turning q2h
Long day for pt, rested in afternoon
""")
CLIN["EVENTS"] = _T("""
Pt received from {svc} at {time}
Arrived from {svc} at {time} on {o2dev}
Uneventful shift
Pt had a quiet night
Events: {event}
Rapid response called at {time} for SBP {sbplow}
Code blue at {time}, ROSC after {n} rounds CPR
Pt to CT at {time}, returned w/o incident
Pt to IR for {irproc}, returned at {time}
Back from cath lab at {time}, R groin site CDI, sheath out
Pt went to OR at {time} for {surgery}
Admitted from ED at {time} w/ {dx}
Admitted from EW w/ {dx}
Received from PACU s/p {surgery}
Transferred from CSRU to floor at {time}
Pt remains on {pressgtt}
Pt more alert this afternoon
Condition stable
Overall pt improving
Pt remains critically ill
Team aware of all of the above
HO aware
MD aware
Dr aware, no new orders
Paged HO re: UO, awaiting call back
Paged team re: K {k}
Page placed to team re: SBP {sbplow}, responded promptly
Resp to page, orders received
Covering MD notified
Ortho in to see pt, recs WBAT
Renal consulted re: rising Cr
GI in to see pt, plan EGD in am
Neuro following, EEG in am
CT surgery aware of chest tube output
ID recs reviewed
Short stay anticipated
Received report from ED RN
Report given to floor RN
Pt transported on monitor w/ RN
Brief PEA arrest at {time}, 1 mg epi, ROSC in {n} min
Pt fell out of bed at {time}, no injury, MD notified, CT head neg
Pt refused {refused}
Pt pulled out PIV x{n}
Reintubated at {time} for resp distress
Labs: {lytes}, hct {hct}, WBC {wbc}
Protein-rich supplements started, taking ensure TID
""")
CLIN["INTRO"] = _T("""
{age} yo [M|F] w/ {dx}
{age} y/o [male|female] admitted w/ {dx}
{age}yo [man|woman] s/p {surgery} POD {pod}
Pt is a {age} yo [M|F] w/ hx [HTN, DM|COPD|CAD|CHF, AF|ESRD on HD|ETOH abuse|cirrhosis] admitted w/ {dx}
{age} y.o. [F|M] transferred from {svc} w/ {dx}
S/p {surgery} POD #{pod}
HD #{n} for {dx}
Pt admitted to {svc} w/ {dx}
{age}M w/ {dx}, intubated in ED
{age}F admitted from ED w/ {cc}, found to have {dx}
Pt is a {age} yo w/ PMH sig for [DM2|CAD|COPD|HTN] presenting w/ {cc}
Young [man|woman], {age} yo, w/ {dx}
""")
HEADERS_PLAIN = _T("""
NPN 7a-7p
NPN 7p-7a
NPN 0700-1900
NPN 1900-0700
Nursing Progress Note
Nursing progress note 7a-7p
{unit} NPN
{unit} Nursing Note
{unit} nursing progress note 0700-1500
Nsg Admit Note
Nursing Admission Note
Nursing Transfer Note
Nursing Addendum
Addendum:
NSG NOTE 3p-11p
Nursing note 1500-2300
Event note
RN Note
""")
SECTION_NAMES = {
    "NEURO": ["Neuro", "Neuro", "Neuro", "Neuro/Psych", "N"],
    "CV": ["CV", "CV", "C/V", "Cardiac", "CVS"],
    "RESP": ["Resp", "Resp", "Pulm", "Respiratory", "RESP"],
    "GI": ["GI", "GI", "GI/Nutrition", "Abd"],
    "GU": ["GU", "GU", "Renal", "GU/Renal"],
    "ID": ["ID", "ID"],
    "SKIN": ["Skin", "Skin", "Integ", "Integument"],
    "ENDO": ["Endo", "Endo"],
    "HEME": ["Heme", "Heme"],
    "PAIN": ["Pain", "Comfort"],
    "ACCESS": ["Access", "Lines"],
    "ACTIVITY": ["Activity", "MS", "Mobility"],
    "SOCIAL": ["Social", "Soc", "Psychosocial", "Family"],
    "DISPO": ["Dispo", "Plan", "A/P", "Plan"],
    "EVENTS": ["Events"],
}
SECTION_ORDER = [
    "NEURO",
    "PAIN",
    "CV",
    "RESP",
    "GI",
    "GU",
    "ID",
    "HEME",
    "ENDO",
    "SKIN",
    "ACCESS",
    "ACTIVITY",
    "SOCIAL",
    "DISPO",
]


# ---------------------------------------------------------------------------------------------------------------
# PHI sentence templates: "group | section tag | template".  Upper-case slots are PHI (or ignore) pieces:
#   PT PTF PTL PTFULL MRPT (patient); CLIN CLINDR CLINF (clinician); REL RELF MRREL (relative), RELW (relation word,
#   not PHI, sets the relative's sex); HOSP REHAB NH BLDG CITY CITYST DIAL CLINIC SHELTER (LOCATION); ADDR ADDRFULL
#   (ADDRESS); DATE DATEF DATEM (DATE); PHONE PAGER EXT (PHONE); AGE (AGE); MRN (ID); STATE COUNTRY YEAR (ignore).
# ---------------------------------------------------------------------------------------------------------------

PHI_TEMPLATES_RAW = """
clin|any|Dr. {CLINDR} aware
clin|any|Dr {CLINDR} notified, no new orders
clin|any|Paged {CLIN} re: {issue}
clin|any|Paged Dr. {CLINDR} re: {issue}, [no new orders|orders received|will come to see pt]
clin|any|HO paged ({CLINDR}), [awaiting call back|aware|in to eval]
clin|any|Per {CLIN}, [hold|give] {holdmed} [tonight|this am|x1]
clin|any|Per Dr. {CLINDR} [ok to|will] {planact}
clin|social|{CLIN} from SW in to see pt and family
clin|social|SW ({CLIN}) following, [aware of family issues|paged]
clin|dispo|CM {CLIN} working on rehab screens
clin|any|NP {CLIN} in to see pt
clin|any|Seen by NP {CLIN}, {planact2}
clin|any|{team} (Dr. {CLINDR}) following
clin|any|Seen by Dr. {CLINDR} from {team}
clin|any|Dr. {CLINDR}'s team aware of {issue}
clin|any|Attending Dr. {CLINDR} in to see pt
clin|any|Discussed w/ fellow {CLIN}, [cont current plan|will f/u labs]
clin|any|{CLINF} (resident) aware of {issue}
clin|any|Covering resident {CLIN} notified of {issue}
clin|any|Resp to page promptly, Dr. {CLINDR} at bedside
clin|dispo|Report given to {CLINF} RN on {svc}
clin|dispo|Report called to {CLIN}, RN
clin|any|Received report from {CLINF} RN at {time}
clin|resp|RT {CLINF} aware, will [wean to|change to] {o2dev}
clin|resp|{CLINF} from RT did chest PT
clin|pain|Acute pain service ({CLIN}) adjusted PCA
clin|neuro|Neuro resident {CLIN} in to examine pt
clin|activity|Seen by PT ({CLIN}), OOB to chair
clin|social|Chaplain {CLIN} in to visit
clin|social|Interpreter {CLIN} used for family update
clin|gi|Nutrition ({CLIN}) recs {tf} at {tfrate} ml/hr
clin|skin|Wound RN {CLIN} saw pt, recs {woundrec}
clin|any|Dr. {CLINDR} and Dr. {CLINDR} in to see pt
clin|any|{CLINF} RN assisted w/ turn
clin|any|MD {CLINDR} paged x{n}, no call back, charge RN {CLINF} aware
clin|sig|{CLIN}, RN
clin|sig|{CLIN} RN
clin|sig|-{CLINF}
clin|sig|{CLIN}, RN, BSN
clin|sig|Signed by {CLIN}
clin|sig|{CLIN} SN / {CLIN} RN
clin|cv|Dr. {CLINDR} [in|at bedside] for line placement
clin|cv|Cards fellow {CLIN} aware of rhythm change
clin|any|PCP is Dr. {CLINDR}
clin|any|Per ortho PA {CLIN}, WBAT
clin|any|Plan discussed w/ {CLIN} (NP)
clin|any|{CLIN} paged re: {issue}
clin|any|Dr. {CLINDR} updated, will [come to bedside|order CT|recheck labs]
clin|any|Per {CLINF} on {team}, [cont current plan|no changes]
clin|gu|Renal fellow {CLIN} aware of UO
clin|id|ID ({CLIN}) recs [cont|stop] {abx}
rel|social|{RELW} {REL} in to visit, updated on POC
rel|social|{RELW} ({RELF}) called x{n}, updated by RN
rel|social|{RELW} {REL} at bedside [most of day|overnight|this afternoon]
rel|social|Family ({RELW} {RELF} and {RELW} {RELF}) in, updated by team
rel|social|HCP is {RELW} {REL}
rel|social|{REL} ({RELW}) is HCP
rel|social|Spoke w/ {RELW} {RELF}, states pt [confused at baseline|independent at baseline|drinks daily]
rel|social|Visited by friend {REL}
rel|social|Neighbor {REL} called, asking for update; no info given per privacy
rel|social|Pt's {RELW}, {REL}, [very supportive|tearful|asking appropriate questions]
rel|social|{MRREL} in to visit, brought in [glasses|dentures|hearing aids|clothes]
rel|social|{RELW} {RELF} upset re: plan of care, SW aware
rel|social|Lives w/ {RELW} {RELF}
rel|social|{RELW:niece} {REL} is primary contact
rel|social|{RELW:nephew} {RELF} would like a call w/ any changes
rel|social|{RELW} {REL} updated by Dr. {CLINDR} at bedside
rel|social|Family mtg w/ {RELW} {REL}, Dr. {CLINDR} and SW; pt made DNR/DNI
rel|neuro|Calmer when {RELW} {RELF} at bedside
rel|neuro|Pt asking for {RELW} {RELF} repeatedly
rel|social|{RELW} {RELF} spent night at bedside
rel|social|Friend and roommate {REL} visited
rel|social|{RELW} {REL} requests pt not be told of dx
rel|social|Partner {REL} at bedside, very involved
rel|social|Visitors: {RELW} {RELF}, {RELW} {RELF}
rel|social|{RELW} {RELF} and {RELF} in to visit
rel|social|{RELW} {RELF} brought in pt's home meds
rel|social|Pt's {RELW} ({REL}) called from work
rel|social|{RELF} ({RELW}) states pt fell x2 at home last wk
rel|social|{RELF} and {RELF} in to visit this evening
rel|social|{RELF} called, will visit tonight
rel|social|Spoke w/ {REL} on phone, updated
clin|any|{CLINF} aware
clin|any|Spoke w/ {CLIN} re: {issue}
clin|any|{CLIN} in, [no new orders|will f/u|orders written]
pt|neuro|{MRPT} A&Ox3, MAE
pt|neuro|Reoriented {PTF} frequently, calls out for {RELW}
pt|neuro|Pt responds to "{PTF}", not to last name
pt|neuro|{PTF} more alert this am, following commands
pt|pain|{MRPT} c/o pain {pain}/10, medicated w/ {prn}
pt|activity|{MRPT} OOB to chair x{dur}h
pt|any|{PTF} pleasant and cooperative
pt|social|{MRPT}'s {RELW} in to visit
pt|social|{PTF}'s {RELW} {RELF} called
pt|intro|{MRPT} is a {age} yo [M|F] w/ {dx}
pt|intro|{PT} is {age} yo s/p {surgery}
pt|header|Pt: {PTFULL}
pt|any|Pt states "my name is {PTF}"
pt|any|{MRPT} refused {refused}
pt|skin|{MRPT} bathed, skin intact
pt|any|Pt ({PT}) [resting comfortably|cooperative w/ care]
pt|intro|Pt {PTFULL} admitted w/ {dx}
loc|intro|Transferred from {HOSP} [ED|ICU|CCU] for {xferreason}
loc|intro|Presented to {HOSP} ED c/o {cc}, transferred here for {xferreason}
loc|intro|Admitted from {NH} w/ {dx}
loc|intro|Pt is from {NH}, baseline [A&Ox1|wheelchair bound|ambulates w/ walker]
loc|intro|Found down at home in {CITY}, brought in by EMS
loc|intro|S/p fall at {NH}, c/o {cc}
loc|intro|Transferred from {HOSP} w/ {dx}
loc|social|Lives in {CITY} w/ {RELW}
loc|social|Lives alone in {CITY}, {RELW} nearby
loc|social|Lives in {CITYST}, here visiting {RELW}
loc|social|Pt homeless, stays at {SHELTER}
loc|social|Works as [a bus driver|a nurse|a teacher|a carpenter|a cook] in {CITY}
loc|social|{RELW} driving in from {CITY} tonight
loc|social|Pt recently moved from {CITY} to live w/ {RELW}
loc|dispo|Screened for {REHAB}, [bed avail tomorrow|awaiting insurance auth]
loc|dispo|Going to {REHAB} [tomorrow|when bed available|in am]
loc|dispo|D/c plan: {REHAB} vs {NH}
loc|dispo|Plan back to {NH} when medically stable
loc|dispo|Transfer to {BLDG} [today|when bed avail]
loc|dispo|Pt transferred to {BLDG} at {time}
loc|dispo|Awaiting bed on {BLDG}
loc|dispo|Family prefers {REHAB}
loc|dispo|Ambulance to {HOSP} arranged for {time}
loc|dispo|Accepted at {REHAB}, report to be called to {PHONE}
loc|gu|HD at {DIAL} MWF, last HD {DATE}
loc|gu|Gets HD at {DIAL}
loc|any|Outside records from {HOSP} reviewed
loc|any|Followed by {team} at {HOSP}
loc|any|Recent admission to {HOSP} for {dx}
loc|any|PCP at {CLINIC}
loc|dispo|Return to {HOSP} for rehab when stable
loc|intro|Pt came from {BLDG} for {dx}
date|gi|Last BM {DATE}
date|access|PICC placed {DATE}
date|access|{line} {linesite} placed {DATE}
date|gu|Foley changed {DATE}
date|id|C diff + on {DATE}, on flagyl
date|resp|Intubated {DATE} for [hypoxia|airway protection|resp failure]
date|id|{abx} day #{n} (started {DATE})
date|id|Blood cx from {DATE} growing [GPC in clusters|GNR|yeast]
date|gu|Last HD {DATE}, next HD {DATE}
date|gi|Wt {wt} kg on {DATE}
date|intro|Admitted {DATE} w/ {dx}
date|intro|Pt admitted {DATE} from ED w/ {dx}
date|dispo|Family mtg set for {DATE} at {time}
date|resp|Extubated {DATE}, reintubated {DATE}
date|dispo|Trach/PEG planned for {DATE}
date|any|CTA {DATE} neg for PE
date|neuro|MRI {DATE} showed [small R MCA infarct|no acute process]
date|cv|Cath on {DATE}, stent to LAD
date|intro|S/p {surgery} {DATE}
date|heme|Last transfused {DATE}
date|cv|Echo {DATE}: EF {ef}%
date|dispo|Pt due for {proc} on {DATE}
date|dispo|Expected d/c {DATE}
date|skin|Wound photos taken {DATE}
date|header|NPN {DATE} [7a-7p|7p-7a|0700-1900|1900-0700]
date|header|Nursing Progress Note {DATE}
date|header|{unit} Nursing Admission Note {DATE}
date|header|Date: {DATE}
date|id|Last fever {DATE}
date|neuro|Last seizure {DATE} per {RELW}
date|intro|Hospital course: {DATE} {dx}, {DATE} {surgery}
date|any|Last dose of {holdmed} was on {DATE}
date|intro|Admitted on {DATEM} w/ {dx}
date|intro|DOA {DATE}
date|any|Pt was last seen well on {DATE}
phone|social|{RELW} {RELF} can be reached at {PHONE}
phone|social|HCP {RELW} {REL}, cell {PHONE}
phone|social|Please call {RELW} @ {PHONE} w/ any changes
phone|any|Page {CLIN} at pager #{PAGER} w/ questions
phone|any|Team pager {PAGER}
phone|any|Call Dr. {CLINDR} x{EXT} w/ K result
phone|dispo|Rehab liaison {CLIN}, {PHONE}
phone|social|SW pager {PAGER}
phone|any|Blood bank called at ext {EXT}
phone|social|{RELW}'s home # {PHONE}, work # {PHONE}
phone|dispo|Report to {REHAB} at {PHONE} ext {EXT}
phone|any|Covering is Dr. {CLINDR}, beeper {PAGER}
phone|social|{RELW} cell {PHONE}
id|header|Pt: {PTFULL}   MRN: {MRN}
id|intro|MRN {MRN}
id|intro|Unit # {MRN} verified w/ ID band
id|heme|Blood consent signed, pt ID {MRN} verified x2
id|intro|Old record # {MRN} merged w/ current
id|id|Specimens labeled w/ MR# {MRN}
id|header|{PTL}, {PTF}  #{MRN}
addr|social|Lives at {ADDR} w/ {RELW}
addr|social|Home address {ADDRFULL}
addr|dispo|Ambulance pickup arranged to {ADDR}
addr|intro|Found down outside {ADDR} by EMS
addr|social|VNA to see pt at {ADDRFULL}
addr|social|Lives in 2nd fl apt at {ADDR}, [no elevator|3 flights of stairs]
age|intro|{AGE}[ yo| y/o|yo| year old|-year-old] [M|F|man|woman] w/ {dx}
age|intro|Pt is a {AGE} y/o [male|female] admitted w/ {dx}
age|intro|{AGE} year old [man|woman] from {NH}
age|intro|{AGE}-yo [F|M] s/p fall, {dx}
age|social|{RELW} is {AGE} and frail, unable to visit
age|intro|Age {AGE}, DNR/DNI
age|intro|{AGE}[M|F] w/ {dx}
ign|social|Recently returned from {COUNTRY}
ign|social|Emigrated from {COUNTRY} in {YEAR}, speaks {lang} only
ign|intro|Hx CABG {YEAR}, AVR {YEAR}
ign|intro|Hx MI in {YEAR}, s/p stent
ign|social|Visiting from {STATE}
ign|social|Snowbird, winters in {STATE}
ign|id|Traveled to {COUNTRY} last month
ign|intro|Last colonoscopy {YEAR}
ign|social|Vietnam vet, served {YEAR}-{YEAR}
ign|social|Family in {COUNTRY}, [son|daughter] flying in
"""
PHI_GROUP_WEIGHTS = {"clin": 30, "rel": 19, "pt": 10, "loc": 15, "date": 22, "phone": 5, "id": 3, "addr": 2.2, "age": 3}
PHI_COUNT_SLOTS = {
    "PT",
    "PTF",
    "PTL",
    "PTFULL",
    "MRPT",
    "CLIN",
    "CLINDR",
    "CLINF",
    "REL",
    "RELF",
    "MRREL",
    "HOSP",
    "REHAB",
    "NH",
    "BLDG",
    "CITY",
    "CITYST",
    "DIAL",
    "CLINIC",
    "SHELTER",
    "ADDR",
    "ADDRFULL",
    "DATE",
    "DATEF",
    "DATEM",
    "PHONE",
    "PAGER",
    "EXT",
    "AGE",
    "MRN",
}
SLOT_RE = re.compile(r"\{([A-Za-z0-9_]+)(?::[^{}]*)?\}")
ALT_RE = re.compile(r"\[([^\[\]]*)\]")


def _parse_phi_templates() -> dict[str, list[tuple[str, str, int]]]:
    out: dict[str, list[tuple[str, str, int]]] = {}
    for ln in PHI_TEMPLATES_RAW.strip().splitlines():
        g, tag, t = (x.strip() for x in ln.split("|", 2))
        n = sum(1 for s in SLOT_RE.findall(t) if s in PHI_COUNT_SLOTS)
        n += 2 * t.count("{ADDRFULL}")  # city (+ zip) come with it
        out.setdefault(g, []).append((tag, t, n))
    return out


PHI_T = _parse_phi_templates()

CSLOT_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")
RANGE_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}-\{\1\}")
PSLOT_RE = re.compile(r"\{([A-Z][A-Z0-9_]*)(?::([^{}]*))?\}")

# relation word -> sex (None: either), weight
RELATIONS = [
    ("wife", "F", 14),
    ("husband", "M", 10),
    ("son", "M", 12),
    ("daughter", "F", 14),
    ("sister", "F", 6),
    ("brother", "M", 5),
    ("niece", "F", 3),
    ("nephew", "M", 2),
    ("mother", "F", 4),
    ("father", "M", 2),
    ("friend", None, 4),
    ("neighbor", None, 2),
    ("neighbour", None, 0.5),
    ("granddaughter", "F", 2),
    ("grandson", "M", 1.5),
    ("cousin", None, 1),
    ("partner", None, 1.5),
    ("girlfriend", "F", 1),
    ("boyfriend", "M", 1),
    ("daughter-in-law", "F", 1),
    ("son-in-law", "M", 1),
    ("aunt", "F", 0.5),
    ("uncle", "M", 0.5),
    ("stepdaughter", "F", 0.5),
    ("stepson", "M", 0.5),
    ("fiance", None, 0.5),
    ("roommate", None, 0.5),
    ("dtr", "F", 1),
    ("sis", "F", 0.3),
    ("bro", "M", 0.3),
    ("grandniece", "F", 0.3),
]
REL_SEX = {w: s for w, s, _ in RELATIONS}
FAMILY_SAME_SURNAME = {
    "wife",
    "husband",
    "son",
    "daughter",
    "sister",
    "brother",
    "mother",
    "father",
    "granddaughter",
    "grandson",
    "stepson",
    "stepdaughter",
    "dtr",
    "sis",
    "bro",
    "uncle",
    "aunt",
    "cousin",
}

KEYBOARD = {
    "a": "qwsz",
    "b": "vghn",
    "c": "xdfv",
    "d": "serfcx",
    "e": "wsdr",
    "f": "drtgvc",
    "g": "ftyhbv",
    "h": "gyujnb",
    "i": "ujko",
    "j": "huikmn",
    "k": "jiolm",
    "l": "kop",
    "m": "njk",
    "n": "bhjm",
    "o": "iklp",
    "p": "ol",
    "q": "wa",
    "r": "edft",
    "s": "awedxz",
    "t": "rfgy",
    "u": "yhji",
    "v": "cfgb",
    "w": "qase",
    "x": "zsdc",
    "y": "tghu",
    "z": "asx",
}
WORD_RE = re.compile(r"[A-Za-z]{4,}")
ANYWORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9'/.-]*")


class Piece:
    __slots__ = ("role", "text", "typ")

    def __init__(self, text: str, typ: str | None = None, role: str | None = None) -> None:
        self.text, self.typ, self.role = text, typ, role


class Note:
    """One note: the identities in it and the rendering options (case, folding, typos)."""

    def __init__(self, v: Values, r: random.Random, upper: bool, stats: Counter) -> None:
        self.v, self.r, self.upper, self.stats = v, r, upper, stats
        self.pt = v.person()
        self.clins = [v.person() for _ in range(3)]
        self.rels: dict[str, Person] = {}
        self.cur_rel: tuple[str, Person] | None = None
        self.fold = r.random() < (0.75 if upper else 0.3)
        self.upper_headers = upper or r.random() < 0.4
        self.used: set[str] = set()

    # -- names -------------------------------------------------------------------------------------------------
    def _title(self, p: Person) -> str:
        r = self.r
        if p.sex == "M":
            t = "Mr."
        else:
            t = r.choices(["Mrs.", "Ms.", "Miss"], [6, 3, 1])[0]
        return t if r.random() < 0.85 else t.rstrip(".")

    def _clin(self) -> Person:
        return self.r.choice(self.clins) if self.r.random() < 0.7 else self.v.person()

    def _relative(self, word: str | None) -> Person:
        r = self.r
        if word is None:
            return self.v.person()
        if word in self.rels:
            return self.rels[word]
        sex = REL_SEX.get(word) or r.choice("MF")
        same = word in FAMILY_SAME_SURNAME and r.random() < (0.45 if word in ("daughter", "sister", "niece") else 0.65)
        p = self.v.person(sex, self.pt.last if same else None)
        self.rels[word] = p
        return p

    def _relword(self, fixed: str | None) -> str:
        r = self.r
        w = fixed or r.choices([x[0] for x in RELATIONS], [x[2] for x in RELATIONS])[0]
        self.cur_rel = (w, self._relative(w))
        return (
            w if r.random() < 0.9 or w in ("dtr", "sis", "bro") else w.upper() if r.random() < 0.5 else w.capitalize()
        )

    def slot(self, name: str, arg: str | None) -> list[Piece]:
        r, v = self.r, self.v
        N, L = "NAME", "LOCATION"
        if name in ("PT", "PTF", "PTL", "PTFULL", "MRPT"):
            p = self.pt
            if name == "PTF":
                return [Piece(p.first, N, "patient")]
            if name == "PTL":
                return [Piece(p.last, N, "patient")]
            if name == "MRPT":
                return [Piece(self._title(p) + " "), Piece(p.last, N, "patient")]
            x = r.random()
            if name == "PT":
                txt = (
                    p.first
                    if x < 0.4
                    else f"{p.first} {p.last}"
                    if x < 0.8
                    else p.last
                    if x < 0.9
                    else f"{p.last}, {p.first}"
                )
            else:
                txt = (
                    f"{p.first} {p.last}"
                    if x < 0.6
                    else f"{p.last}, {p.first}"
                    if x < 0.85
                    else f"{p.first} {p.middle or 'J'}. {p.last}"
                )
            return [Piece(txt, N, "patient")]
        if name in ("CLIN", "CLINDR", "CLINF"):
            p = self._clin()
            x = r.random()
            if name == "CLINF":
                txt = p.first
            elif name == "CLINDR":
                txt = p.last if x < 0.8 else f"{p.first} {p.last}" if x < 0.95 else f"{p.first[0]}. {p.last}"
            else:
                txt = (
                    f"{p.first} {p.last}"
                    if x < 0.35
                    else p.last
                    if x < 0.6
                    else p.first
                    if x < 0.85
                    else f"{p.first[0]}. {p.last}"
                    if x < 0.9
                    else f"{p.first[0]} {p.last}"
                    if x < 0.95
                    else f"{p.first} {p.last[0]}"
                )
            return [Piece(txt, N, "clinician")]
        if name == "RELW":
            return [Piece(self._relword(arg))]
        if name in ("REL", "RELF", "MRREL"):
            word, p = self.cur_rel if self.cur_rel else (None, self._relative(None))
            if name == "MRREL":
                if self.cur_rel is None:
                    p = self._relative(r.choice(["wife", "husband", "daughter", "son", "mother", "sister"]))
                return [Piece(self._title(p) + " "), Piece(p.last, N, "relative")]
            if name == "RELF" or r.random() < 0.55:
                return [Piece(p.first, N, "relative")]
            return [Piece(f"{p.first} {p.last}", N, "relative")]
        if name == "HOSP":
            return [Piece(v.hospital(), L)]
        if name == "REHAB":
            return [Piece(v.rehab(), L)]
        if name == "NH":
            return [Piece(v.nursing_home(), L)]
        if name == "BLDG":
            return [Piece(v.building(), L)]
        if name == "CITY":
            return [Piece(v.city(), L)]
        if name == "CITYST":
            return [Piece(v.city(), L), Piece(r.choice([", ", " ", ", "])), Piece(v.state(), "IGN")]
        if name == "DIAL":
            return [Piece(v.dialysis(), L)]
        if name == "CLINIC":
            return [Piece(v.clinic(), L)]
        if name == "SHELTER":
            return [Piece(v.shelter(), L)]
        if name == "ADDR":
            return [Piece(v.street(), "ADDRESS")]
        if name == "ADDRFULL":
            out = [Piece(v.street(), "ADDRESS"), Piece(r.choice([", ", " ", ", "])), Piece(v.city(), L)]
            if r.random() < 0.6:
                out += [
                    Piece(r.choice([", ", " "])),
                    Piece(r.choice(US_STATE_ABBR) if r.random() < 0.8 else r.choice(US_STATES), "IGN"),
                ]
                if r.random() < 0.5:
                    out += [Piece(" "), Piece(v.zipcode(), "ADDRESS")]
            return out
        if name == "DATE":
            return [Piece(v.date("any"), "DATE")]
        if name == "DATEF":
            return [Piece(v.date("full"), "DATE")]
        if name == "DATEM":
            return [Piece(v.date("month"), "DATE")]
        if name == "PHONE":
            return [Piece(v.phone(), "PHONE")]
        if name == "PAGER":
            return [Piece(v.pager(), "PHONE")]
        if name == "EXT":
            return [Piece(v.ext(), "PHONE")]
        if name == "AGE":
            return [Piece(v.age90(), "AGE")]
        if name == "MRN":
            return [Piece(v.mrn(), "ID")]
        if name == "STATE":
            return [Piece(v.state(), "IGN")]
        if name == "COUNTRY":
            return [Piece(v.country(), "IGN")]
        if name == "YEAR":
            y = v.year()
            if y.startswith("'"):
                return [Piece("'"), Piece(y[1:], "IGN")]
            return [Piece(y, "IGN")]
        raise KeyError(f"unknown PHI slot {name}")

    # -- filling and rendering ---------------------------------------------------------------------------------
    def _range(self, m: re.Match) -> str:
        a, b = CSLOTS[m.group(1)](self.r), CSLOTS[m.group(1)](self.r)
        try:
            if float(a) > float(b):
                a, b = b, a
        except ValueError:
            pass
        return f"{a}-{b}"

    def expand(self, t: str) -> str:
        r = self.r
        for _ in range(12):
            t2 = ALT_RE.sub(lambda m: r.choice(m.group(1).split("|")), t)
            t2 = RANGE_RE.sub(self._range, t2)
            t2 = CSLOT_RE.sub(lambda m: CSLOTS[m.group(1)](r), t2)
            if t2 == t:
                return t
            t = t2
        raise ValueError(f"template does not converge: {t}")

    def fill(self, t: str) -> list[Piece]:
        """Template -> rendered pieces (case, folding, typos applied)."""
        self.cur_rel = None
        t = self.expand(t)
        pieces: list[Piece] = []
        pos = 0
        for m in PSLOT_RE.finditer(t):
            if m.start() > pos:
                pieces.append(Piece(t[pos : m.start()]))
            pieces += self.slot(m.group(1), m.group(2))
            pos = m.end()
        if pos < len(t):
            pieces.append(Piece(t[pos:]))
        return self.render(pieces)

    def typo(self, text: str) -> str:
        r = self.r

        def f(m: re.Match) -> str:
            w = m.group(0)
            self.stats["words_typo_eligible"] += 1
            if r.random() >= 0.062:
                return w
            self.stats["typos"] += 1
            i = r.randrange(1, len(w) - 1)
            op = r.randrange(4)
            if op == 0:
                return w[:i] + w[i + 1] + w[i] + w[i + 2 :]
            if op == 1:
                return w[:i] + w[i + 1 :]
            if op == 2:
                return w[:i] + w[i] + w[i:]
            c = w[i]
            nb = r.choice(KEYBOARD.get(c.lower(), c.lower()))
            return w[:i] + (nb.upper() if c.isupper() else nb) + w[i + 1 :]

        return WORD_RE.sub(f, text)

    def render(self, pieces: list[Piece]) -> list[Piece]:
        r = self.r
        lower_frag = r.random() < 0.009
        for p in pieces:
            if p.typ is None:
                if self.upper:
                    p.text = p.text.upper()
                p.text = self.typo(p.text)
            else:
                if self.fold and p.typ in ("NAME", "LOCATION", "ADDRESS"):
                    p.text = ascii_fold(p.text)
                if self.upper:
                    p.text = p.text.upper()
                elif p.typ == "NAME" and r.random() < 0.04:
                    p.text = p.text.lower()
            if lower_frag:
                p.text = p.text.lower()
        if lower_frag:
            self.stats["lower_fragments"] += 1
        if not self.upper and pieces and pieces[0].typ is None and pieces[0].text[:1].islower() and r.random() < 0.7:
            pieces[0].text = pieces[0].text[0].upper() + pieces[0].text[1:]
        return [p for p in pieces if p.text]

    def lit(self, text: str) -> Piece:
        return Piece(text.upper() if self.upper else text)


# ---------------------------------------------------------------------------------------------------------------
# Note assembly
# ---------------------------------------------------------------------------------------------------------------

PHI_BUDGET = ([0, 1, 2, 3, 4, 5, 6, 7, 8], [22, 25, 20, 14, 9, 5, 3, 1.5, 0.5])
TAG_SECTION = {
    "neuro": "NEURO",
    "cv": "CV",
    "resp": "RESP",
    "gi": "GI",
    "gu": "GU",
    "id": "ID",
    "skin": "SKIN",
    "endo": "ENDO",
    "heme": "HEME",
    "pain": "PAIN",
    "access": "ACCESS",
    "activity": "ACTIVITY",
    "social": "SOCIAL",
    "dispo": "DISPO",
}
SECTION_P = {
    "NEURO": 0.92,
    "PAIN": 0.22,
    "CV": 0.95,
    "RESP": 0.92,
    "GI": 0.88,
    "GU": 0.85,
    "ID": 0.45,
    "HEME": 0.2,
    "ENDO": 0.35,
    "SKIN": 0.45,
    "ACCESS": 0.2,
    "ACTIVITY": 0.25,
    "SOCIAL": 0.5,
    "DISPO": 0.6,
}
NARR_W = {
    "EVENTS": 3,
    "CV": 2,
    "RESP": 2,
    "NEURO": 2,
    "GI": 1.5,
    "GU": 1.5,
    "ID": 1,
    "SKIN": 1,
    "ENDO": 0.7,
    "HEME": 0.7,
    "PAIN": 1,
    "ACCESS": 0.6,
    "ACTIVITY": 0.7,
    "SOCIAL": 0.8,
    "DISPO": 1.2,
}
EVENT_HEADERS = [
    "Event note",
    "Nursing Addendum",
    "Addendum:",
    "Nsg addendum",
    "RN event note",
    "Late entry:",
    "Nursing note addendum",
    "EVENTS:",
    "Transfer note",
]

Line = list  # list[Piece]


class Sentence:
    __slots__ = ("phi", "pieces")

    def __init__(self, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.phi = sum(1 for p in pieces if p.typ not in (None, "IGN"))


def _clin_sentence(note: Note, section: str) -> Sentence:
    for _ in range(8):  # no repeated template within a note
        t = note.r.choice(CLIN[section])
        if t not in note.used:
            break
    note.used.add(t)
    return Sentence(note.fill(t))


def _join(note: Note, sents: list[Sentence], style: str, head: list[Piece] | None = None) -> tuple[Line, int]:
    r = note.r
    line: Line = list(head or [])
    for i, s in enumerate(sents):
        if i:
            sep = style if r.random() < 0.8 else r.choice([". ", ", ", "; ", "  ", ". ", " - "])
            line.append(note.lit(sep))
        line += s.pieces
    if style.startswith(".") and sents and r.random() < 0.7:
        line.append(note.lit("."))
    return line, sum(s.phi for s in sents)


def _section_head(note: Note, sec: str, fmt: str) -> Piece:
    name = note.r.choice(SECTION_NAMES[sec])
    name = name.upper() if note.upper_headers else name
    return Piece(name + fmt)


def choose_phi(note: Note) -> list[tuple[str, Sentence]]:
    r = note.r
    budget = r.choices(*PHI_BUDGET)[0]
    out: list[tuple[str, Sentence]] = []
    groups = list(PHI_GROUP_WEIGHTS)
    weights = [PHI_GROUP_WEIGHTS[g] for g in groups]
    need, tries = budget, 0
    while need > 0 and tries < 60:
        tries += 1
        tag, t, n = r.choice(PHI_T[r.choices(groups, weights)[0]])
        if n == 0 or n > need:
            continue
        if t in note.used or (tag in ("header", "sig") and any(tg == tag for tg, _ in out)):
            continue
        note.used.add(t)
        s = Sentence(note.fill(t))
        out.append((tag, s))
        need -= max(n, 1)
    if r.random() < 0.13:
        tag, t, _ = r.choice(PHI_T["ign"])
        out.append((tag, Sentence(note.fill(t))))
    return out


def _trim(lines: list[tuple[Line, int]], lo: int, hi: int, note: Note, keep_first: int = 0) -> list[tuple[Line, int]]:
    r = note.r
    while len(lines) > hi:
        cand = [i for i, (_, nphi) in enumerate(lines) if nphi == 0 and i >= keep_first]
        if not cand:
            break
        del lines[r.choice(cand)]
    while len(lines) < lo:
        sec = r.choices(list(NARR_W), list(NARR_W.values()))[0]
        ln, n = _join(note, [_clin_sentence(note, sec)], ". ")
        lines.insert(r.randint(keep_first, len(lines)), (ln, n))
    return lines


def build_systems(note: Note, phi: list[tuple[str, Sentence]], style: str) -> list[tuple[Line, int]]:
    r = note.r
    fmt = r.choices([": ", ":", "- ", ": ", "NEWLINE", " "], [60, 6, 8, 10, 10, 3])[0]
    content: dict[str, list[Sentence]] = {}
    for sec in SECTION_ORDER:
        if r.random() < SECTION_P[sec]:
            k = r.choices([1, 2, 3, 4, 5], [28, 34, 24, 10, 4])[0]
            content[sec] = [_clin_sentence(note, sec) for _ in range(k)]
    if not content:
        content["CV"] = [_clin_sentence(note, "CV")]
    header: list[Sentence] = []
    intro: list[Sentence] = []
    sig: list[Sentence] = []
    for tag, s in phi:
        if tag == "header":
            header.append(s)
        elif tag == "intro":
            intro.append(s)
        elif tag == "sig":
            sig.append(s)
        else:
            sec = TAG_SECTION.get(tag) or r.choice([x for x in SECTION_ORDER if x in content])
            if sec not in content:
                content[sec] = []
            content[sec].insert(r.randint(0, len(content[sec])), s)
    lines: list[tuple[Line, int]] = []
    if header:
        lines.append(_join(note, header, "  "))
    elif r.random() < 0.6:
        lines.append(_join(note, [Sentence(note.fill(r.choice(HEADERS_PLAIN)))], " "))
    if intro or r.random() < 0.45:
        if r.random() < 0.6 or not intro:
            intro.insert(0, Sentence(note.fill(r.choice(CLIN["INTRO"]))))
        lines.append(_join(note, intro, style))
    nfixed = len(lines)
    for sec in SECTION_ORDER:
        if sec not in content:
            continue
        sents = content[sec]
        if fmt == "NEWLINE":
            lines.append(([_section_head(note, sec, ":")], 0))
            lines.append(_join(note, sents, style))
        elif len(sents) >= 4 and r.random() < 0.4:
            h = len(sents) // 2
            lines.append(_join(note, sents[:h], style, [_section_head(note, sec, fmt)]))
            lines.append(_join(note, sents[h:], style))
        else:
            lines.append(_join(note, sents, style, [_section_head(note, sec, fmt)]))
    lines = _trim(lines, 4, 20 - len(sig), note, nfixed)
    if fmt == "NEWLINE":  # drop orphaned headings left by trimming
        lines = [
            ln
            for i, ln in enumerate(lines)
            if not (
                len(ln[0]) == 1
                and ln[0][0].text.endswith(":")
                and (i + 1 == len(lines) or (len(lines[i + 1][0]) == 1 and lines[i + 1][0][0].text.endswith(":")))
            )
        ]
        lines = _trim(lines, 4, 20 - len(sig), note, nfixed)
    for s in sig:
        lines.append(_join(note, [s], " "))
    return lines


def build_narrative(note: Note, phi: list[tuple[str, Sentence]], style: str, event: bool) -> list[tuple[Line, int]]:
    r = note.r
    lines: list[tuple[Line, int]] = []
    header = [s for t, s in phi if t == "header"]
    intro = [s for t, s in phi if t == "intro"]
    sig = [s for t, s in phi if t == "sig"]
    body_phi = [s for t, s in phi if t not in ("header", "intro", "sig")]
    if header:
        lines.append(_join(note, header, "  "))
    elif event:
        h = r.choice(EVENT_HEADERS)
        lines.append(_join(note, [Sentence(note.fill(h + (" {time}" if r.random() < 0.4 else "")))], " "))
    elif r.random() < 0.5:
        lines.append(_join(note, [Sentence(note.fill(r.choice(HEADERS_PLAIN)))], " "))
    if intro or (not event and r.random() < 0.6):
        if not intro or r.random() < 0.5:
            intro.insert(0, Sentence(note.fill(r.choice(CLIN["INTRO"]))))
        lines.append(_join(note, intro, style))
    nfixed = len(lines)
    body: list[list[Sentence]] = []
    nbody = r.randint(2, 6) if event else r.randint(3, 12)
    secs, ws = list(NARR_W), list(NARR_W.values())
    if event:
        ws = [w * (4 if s in ("EVENTS", "DISPO") else 1) for s, w in zip(secs, ws, strict=True)]
    for _ in range(nbody):
        k = r.choices([1, 2, 3], [60, 30, 10] if event else [35, 40, 25])[0]
        body.append([_clin_sentence(note, r.choices(secs, ws)[0]) for _ in range(k)])
    for s in body_phi:
        if r.random() < 0.35 or not body:
            body.insert(r.randint(0, len(body)), [s])
        else:
            b = r.choice(body)
            b.insert(r.randint(0, len(b)), s)
    for b in body:
        lines.append(_join(note, b, style))
    lines = _trim(lines, 4, 20 - len(sig), note, nfixed)
    for s in sig:
        lines.append(_join(note, [s], " "))
    return lines


class Doc:
    """Concatenates pieces, recording spans and ignore ranges at append time."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.spans: list[dict] = []
        self.ignore: list[dict] = []

    def add(self, p: Piece) -> None:
        t = p.text
        if not t:
            return
        if p.typ is not None:
            assert t == t.strip() and "\n" not in t, f"bad value piece {t!r}"
            if p.typ == "IGN":
                self.ignore.append({"start": self.pos, "end": self.pos + len(t)})
            else:
                d = {"start": self.pos, "end": self.pos + len(t), "type": p.typ}
                if p.typ == "NAME":
                    d["role"] = p.role
                self.spans.append(d)
        self.parts.append(t)
        self.pos += len(t)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def make_note(idx: int, seed: int, pools: Pools) -> tuple[dict, Counter]:
    r = random.Random(seed * 1_000_003 + idx)
    stats: Counter = Counter()
    upper = r.random() < 0.8
    note = Note(Values(pools, r), r, upper, stats)
    phi = choose_phi(note)
    style = r.choices([". ", ", ", ". ", "; ", "  ", ". "], [30, 20, 10, 8, 12, 20])[0]
    fmt = r.choices(["systems", "narrative", "event"], [55, 30, 15])[0]
    if fmt == "systems":
        lines = build_systems(note, phi, style)
    else:
        lines = build_narrative(note, phi, style, fmt == "event")
    doc = Doc()
    for i, (line, _) in enumerate(lines):
        if i:
            doc.add(Piece("\n"))
        if r.random() < 0.015:  # whole line in lower case
            for p in line:
                p.text = p.text.lower()
            stats["lower_lines"] += 1
        for p in line:
            doc.add(p)
    text = doc.text
    rec = {
        "id": f"k{idx + 1:05d}",
        "case": "upper" if upper else "mixed",
        "text": text,
        "spans": doc.spans,
        "ignore": doc.ignore,
    }
    stats["lines"] += len(lines)
    stats[f"fmt_{fmt}"] += 1
    return rec, stats


# ---------------------------------------------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------------------------------------------

_NAME_BAD_START = ("DR.", "DR ", "MR.", "MR ", "MRS.", "MRS ", "MS.", "MS ")


def validate(rec: dict) -> list[str]:
    errs: list[str] = []
    text = rec.get("text")
    if not isinstance(text, str) or not text:
        return ["empty text"]
    if rec.get("case") not in ("upper", "mixed"):
        errs.append("bad case")
    nlines = text.count("\n") + 1
    if not 4 <= nlines <= 20:
        errs.append(f"{nlines} lines")
    items = [(s["start"], s["end"], "span", s) for s in rec["spans"]] + [
        (s["start"], s["end"], "ignore", s) for s in rec["ignore"]
    ]
    for key in ("spans", "ignore"):
        starts = [s["start"] for s in rec[key]]
        if starts != sorted(starts):
            errs.append(f"{key} not sorted")
    items.sort(key=lambda x: (x[0], x[1]))
    prev_end = -1
    for start, end, kind, s in items:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            errs.append(f"bad offsets {s}")
            continue
        seg = text[start:end]
        if seg != seg.strip() or "\n" in seg:
            errs.append(f"whitespace in {kind} {seg!r}")
        if start < prev_end:
            errs.append(f"overlap at {start}: {seg!r}")
        prev_end = max(prev_end, end)
        if kind == "ignore":
            if set(s) != {"start", "end"}:
                errs.append(f"ignore keys {s}")
            continue
        typ = s.get("type")
        if typ not in TYPES:
            errs.append(f"bad type {s}")
        if typ == "NAME":
            if s.get("role") not in ROLES:
                errs.append(f"NAME without role {s}")
            up = seg.upper()
            if up.startswith(_NAME_BAD_START) or up.endswith("'S") or up.endswith("’S"):
                errs.append(f"title/possessive inside NAME {seg!r}")
        elif "role" in s:
            errs.append(f"role on {typ}")
        if typ == "AGE" and not (seg.isdigit() and int(seg) >= 90):
            errs.append(f"bad AGE {seg!r}")
        if typ in ("PHONE", "ID") and not any(c.isdigit() for c in seg):
            errs.append(f"no digits in {typ} {seg!r}")
        # boundaries: a span must not cut a word in two
        if (
            start > 0
            and text[start - 1].isalnum()
            and seg[0].isalnum()
            and typ != "AGE"
            and not (typ == "PHONE" and text[start - 1] in "xX")
        ):
            errs.append(f"span starts inside a word: {text[max(0, start - 5) : end]!r}")
        if end < len(text) and text[end].isalnum() and seg[-1].isalnum() and typ not in ("AGE", "ID"):
            errs.append(f"span ends inside a word: {text[start : end + 5]!r}")
    return errs


def all_clinical_templates() -> list[str]:
    return [t for sec in CLIN.values() for t in sec]


def check_templates(seed: int) -> list[str]:
    """Every clinical slot exists; every template expands; the inventory is large enough."""
    errs: list[str] = []
    temps = all_clinical_templates()
    if len(set(temps)) < 300:
        errs.append(f"only {len(set(temps))} distinct clinical templates")
    for t in temps + HEADERS_PLAIN + [x[1] for g in PHI_T.values() for x in g]:
        for name in CSLOT_RE.findall(t):
            if name not in CSLOTS:
                errs.append(f"unknown clinical slot {name} in {t!r}")
        for name in PSLOT_RE.findall(t):
            if name[0] not in PHI_COUNT_SLOTS | {"RELW", "STATE", "COUNTRY", "YEAR"}:
                errs.append(f"unknown PHI slot {name[0]} in {t!r}")
        if PSLOT_RE.search(t) and t in temps:
            errs.append(f"PHI slot in clinical template {t!r}")
    return errs


def generate(n: int, seed: int, pools: Pools) -> tuple[list[dict], Counter]:
    total: Counter = Counter()
    recs = []
    for i in range(n):
        rec, st = make_note(i, seed, pools)
        recs.append(rec)
        total.update(st)
    return recs, total


def report(recs: list[dict], stats: Counter) -> None:
    by_type = Counter(s["type"] for r in recs for s in r["spans"])
    by_role = Counter(s["role"] for r in recs for s in r["spans"] if s["type"] == "NAME")
    per_note = Counter(min(len(r["spans"]), 9) for r in recs)
    cases = Counter(r["case"] for r in recs)
    lines = [r["text"].count("\n") + 1 for r in recs]
    words = sum(len(ANYWORD_RE.findall(r["text"])) for r in recs)
    print(
        f"notes: {len(recs)}  cases: {dict(cases)}  formats: "
        f"{ {k[4:]: v for k, v in stats.items() if k.startswith('fmt_')} }"
    )
    print(f"lines per note: min {min(lines)} max {max(lines)} mean {sum(lines) / len(lines):.1f}")
    print(f"spans: {sum(by_type.values())}  by type: {dict(by_type.most_common())}")
    print(f"NAME roles: {dict(by_role.most_common())}")
    print(f"ignore ranges: {sum(len(r['ignore']) for r in recs)}")
    print(f"PHI items per note (9 = 9+): {dict(sorted(per_note.items()))}")
    print(
        f"typos: {stats['typos']} of {words} words ({100 * stats['typos'] / max(words, 1):.1f}%); "
        f"lower-case fragments: {stats['lower_fragments']}, lower-case lines: {stats['lower_lines']}"
    )
    print(
        f"clinical templates: {len(all_clinical_templates())} ({len(set(all_clinical_templates()))} distinct); "
        f"PHI templates: {sum(len(g) for g in PHI_T.values())}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--n", type=int, default=1500)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--examples", type=int, default=0, help="print this many example notes with their spans")
    ap.add_argument("--no-selfcheck", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    errs = check_templates(args.seed)
    if errs:
        sys.exit("template check failed:\n" + "\n".join(errs[:30]))
    pools = Pools(args.seed)
    recs, stats = generate(args.n, args.seed, pools)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    if args.no_selfcheck:
        return
    # self-check: read the file back, validate offsets and overlaps, and regenerate a sample for determinism
    back = [json.loads(ln) for ln in args.out.read_text(encoding="utf-8").splitlines()]
    bad = 0
    for rec in back:
        e = validate(rec)
        if e:
            bad += 1
            if bad <= 10:
                print(rec["id"], e[:5], file=sys.stderr)
    ids = [r["id"] for r in back]
    if len(set(ids)) != len(ids) or len(back) != args.n:
        bad += 1
        print("duplicate ids or wrong count", file=sys.stderr)
    sample = list(range(0, args.n, max(1, args.n // 40)))
    pools2 = Pools(args.seed)
    for i in sample:
        if make_note(i, args.seed, pools2)[0] != back[i]:
            bad += 1
            print(f"not deterministic: note {i}", file=sys.stderr)
            break
    # ... and across processes (string hashing differs between interpreter runs)
    k = min(args.n, 150)
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td) / "again.jsonl"
        env = dict(os.environ, PYTHONHASHSEED=str(args.seed + 977))
        subprocess.run(
            [sys.executable, __file__, "--seed", str(args.seed), "--n", str(k), "--out", str(tmp), "--no-selfcheck"],
            check=True,
            env=env,
        )
        if tmp.read_text(encoding="utf-8").splitlines() != args.out.read_text(encoding="utf-8").splitlines()[:k]:
            bad += 1
            print("not reproducible in a second process", file=sys.stderr)
    report(back, stats)
    print(f"wrote {args.out}")
    for rec in back[: args.examples]:
        print("-" * 100)
        print(f"{rec['id']} ({rec['case']})")
        print(rec["text"])
        for s in rec["spans"]:
            print(f"  {s['type']:<8} {s.get('role', ''):<10} {rec['text'][s['start'] : s['end']]!r}")
        for s in rec["ignore"]:
            print(f"  ignore              {rec['text'][s['start'] : s['end']]!r}")
    if bad:
        sys.exit(f"self-check FAILED for {bad} records")
    print("self-check OK")


if __name__ == "__main__":
    main()
