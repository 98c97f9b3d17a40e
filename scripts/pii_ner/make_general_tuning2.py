#!/usr/bin/env python3
"""Synthetic annotated short English texts with personal identifiers (tuning data).

Deterministic (--seed), offline, stdlib + faker. Texts are built by concatenating
pieces from templates; offsets are recorded while building (never searched).
Output JSONL: {"id","genre","text","spans":[{start,end,type}],"ignore":[{start,end}]}
"""

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter

from faker import Faker

TYPES = {"NAME", "LOCATION", "ADDRESS", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE"}
LOCALES = [
    "en_US",
    "en_GB",
    "en_IN",
    "en_NG",
    "fi_FI",
    "hu_HU",
    "cs_CZ",
    "pl_PL",
    "tr_TR",
    "vi_VN",
    "id_ID",
    "es_ES",
    "es_MX",
    "pt_BR",
    "de_DE",
    "nl_NL",
    "fr_FR",
    "it_IT",
    "sv_SE",
    "da_DK",
    "no_NO",
    "ro_RO",
    "hr_HR",
]

# ---- own romanised name lists: (firsts, lasts)
OWN = {
    "zh": (
        [
            "Wei",
            "Li",
            "Jing",
            "Hao",
            "Xiaoming",
            "Yan",
            "Mei",
            "Jun",
            "Lei",
            "Xin",
            "Yu",
            "Ting",
            "Zhiwei",
            "Jiayi",
            "Chen",
        ],
        [
            "Wang",
            "Li",
            "Zhang",
            "Liu",
            "Chen",
            "Yang",
            "Huang",
            "Zhao",
            "Wu",
            "Zhou",
            "Xu",
            "Sun",
            "Ma",
            "Zhu",
            "Hu",
            "Guo",
            "Lin",
        ],
    ),
    "ko": (
        ["Minjun", "Seoyeon", "Jiwoo", "Hyunwoo", "Jisoo", "Yuna", "Dongha", "Eunji", "Sungmin", "Haeun", "Taeyang"],
        ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"],
    ),
    "ja": (
        ["Haruto", "Yui", "Sota", "Aoi", "Ren", "Hina", "Takumi", "Sakura", "Kenji", "Yuki", "Riku", "Emi", "Daisuke"],
        [
            "Sato",
            "Suzuki",
            "Takahashi",
            "Tanaka",
            "Watanabe",
            "Ito",
            "Yamamoto",
            "Nakamura",
            "Kobayashi",
            "Kato",
            "Yoshida",
        ],
    ),
    "ar": (
        [
            "Ahmed",
            "Fatima",
            "Omar",
            "Layla",
            "Youssef",
            "Mariam",
            "Khalid",
            "Noor",
            "Hassan",
            "Aisha",
            "Karim",
            "Salma",
        ],
        [
            "Al-Sayed",
            "Haddad",
            "Mansour",
            "Nasser",
            "Khoury",
            "Hamdan",
            "Saleh",
            "Aziz",
            "Farouk",
            "El-Amin",
            "Qureshi",
        ],
    ),
    "fa": (
        ["Reza", "Shirin", "Dariush", "Parisa", "Kaveh", "Leila", "Arash", "Nasrin", "Babak", "Roya", "Omid"],
        ["Tehrani", "Karimi", "Rahimi", "Hosseini", "Moradi", "Jafari", "Ahmadi", "Sadeghi", "Mohammadi"],
    ),
    "he": (
        ["Noam", "Tamar", "Yossi", "Shira", "Eitan", "Noa", "Avi", "Michal", "Ori", "Yael", "Gil"],
        ["Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Katz", "Azoulay", "Shapiro"],
    ),
    "el": (
        ["Giorgos", "Eleni", "Nikos", "Maria", "Dimitris", "Katerina", "Yannis", "Sofia", "Kostas", "Despina"],
        ["Papadopoulos", "Georgiou", "Nikolaidis", "Papadakis", "Vlachos", "Konstantinou", "Alexiou"],
    ),
    "ru": (
        [
            "Dmitri",
            "Anastasia",
            "Sergei",
            "Olga",
            "Ivan",
            "Natalia",
            "Alexei",
            "Svetlana",
            "Mikhail",
            "Tatiana",
            "Yuri",
        ],
        ["Ivanov", "Smirnova", "Petrov", "Volkova", "Kuznetsov", "Sokolov", "Popova", "Lebedev", "Morozov"],
    ),
    "hi": (
        ["Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya", "Rahul", "Pooja", "Sanjay"],
        ["Sharma", "Verma", "Gupta", "Patel", "Reddy", "Iyer", "Nair", "Singh", "Chatterjee", "Mehta", "Joshi"],
    ),
    "yo": (
        ["Adebayo", "Folake", "Oluwaseun", "Titilayo", "Babatunde", "Yetunde", "Kayode", "Funmilayo", "Ayodele"],
        ["Adeyemi", "Ogunleye", "Afolabi", "Oladipo", "Bakare", "Adebisi", "Ogundipe"],
    ),
    "ig": (
        ["Chinedu", "Ngozi", "Emeka", "Chioma", "Obinna", "Adaeze", "Ikenna", "Nneka", "Uchenna"],
        ["Okafor", "Nwosu", "Eze", "Okeke", "Obi", "Nwachukwu", "Onyeka", "Igwe"],
    ),
    "sw": (
        ["Juma", "Amani", "Baraka", "Neema", "Rehema", "Salim", "Zawadi", "Hamisi", "Imani"],
        ["Mwangi", "Otieno", "Kamau", "Wanjiru", "Njoroge", "Omondi", "Mutua", "Achieng"],
    ),
    "am": (
        ["Abebe", "Tigist", "Dawit", "Meron", "Yonas", "Hirut", "Tesfaye", "Selam", "Bereket"],
        ["Bekele", "Tadesse", "Haile", "Girma", "Alemu", "Kebede", "Wolde", "Mengistu"],
    ),
}
WORDNAMES = [
    "Rose",
    "Hope",
    "Mark",
    "Grace",
    "Will",
    "Summer",
    "Faith",
    "Joy",
    "Bill",
    "Rob",
    "Sky",
    "Dawn",
    "Iris",
    "Jack",
    "Penny",
    "Bob",
    "April",
    "June",
    "Ray",
    "Hunter",
    "Sage",
    "Frank",
    "Victor",
    "Amber",
    "Ruby",
    "Pearl",
    "Cliff",
    "Dean",
    "Miles",
    "Autumn",
    "Heather",
    "Holly",
    "Lily",
    "Violet",
    "Reed",
    "Drew",
]
NICKS = [
    "Bobby",
    "Jonny",
    "Mags",
    "Lizzie",
    "Tommo",
    "Chaz",
    "Becks",
    "Sami",
    "Kiki",
    "Nico",
    "Tash",
    "Mo",
    "Jojo",
    "Benny",
    "Gabi",
    "Fritzi",
    "Zsofi",
    "Kasia",
    "Tomek",
    "Pepe",
    "Lulu",
    "Dani",
    "Vova",
    "Sasha",
    "Mika",
    "Ollie",
    "Kat",
    "Stevie",
]

BRAND = [
    "Apple",
    "Nike",
    "Spotify",
    "Toyota Corolla",
    "IKEA",
    "Samsung Galaxy",
    "Adidas",
    "Netflix",
    "Amazon",
    "Google Maps",
    "Uber",
    "Lidl",
    "Aldi",
    "Tesco",
    "Starbucks",
    "Volkswagen Golf",
    "Honda Civic",
    "PlayStation 5",
    "iPhone 14",
    "Nintendo Switch",
    "Zara",
    "H&M",
    "Coca-Cola",
    "Heinz",
    "Lego",
    "Dyson",
    "Peloton",
    "Airbnb",
    "Booking.com",
    "Revolut",
    "PayPal",
]
PERSCO = [
    "Ford",
    "Dell",
    "Johnson & Johnson",
    "McDonald's",
    "Ralph Lauren",
    "Tesla",
    "Ferrari",
    "Porsche",
    "Tommy Hilfiger",
    "Calvin Klein",
    "Hewlett-Packard",
    "Louis Vuitton",
    "Kellogg's",
    "Boeing",
    "Mercedes-Benz",
    "Disney",
    "Dr. Martens",
    "Ben & Jerry's",
    "Marks & Spencer",
    "Sainsbury's",
    "Wendy's",
    "Chanel",
    "Gucci",
    "Siemens",
    "Philips",
]
ORG = [
    "the NHS",
    "Red Cross",
    "UNICEF",
    "Oxfam",
    "the WHO",
    "Greenpeace",
    "the FA",
    "the Rotary Club",
    "Amnesty International",
    "the Salvation Army",
    "Habitat for Humanity",
    "the Lions Club",
    "Médecins Sans Frontières",
    "the EU",
    "NATO",
    "the IRS",
    "HMRC",
    "the DMV",
]
APP = [
    "WhatsApp",
    "Slack",
    "Discord",
    "Instagram",
    "TikTok",
    "Zoom",
    "Teams",
    "Duolingo",
    "Strava",
    "Venmo",
    "Tinder",
    "Hinge",
    "Bumble",
    "Telegram",
    "Signal",
    "Reddit",
    "LinkedIn",
    "MyChart",
    "Deliveroo",
    "Just Eat",
]
BAND = [
    "Coldplay",
    "Radiohead",
    "The Beatles",
    "Arctic Monkeys",
    "Fleetwood Mac",
    "Daft Punk",
    "Metallica",
    "ABBA",
    "Queen",
    "The Rolling Stones",
    "Tame Impala",
    "Florence and the Machine",
    "Bon Iver",
    "The Killers",
]
TEAM = [
    "Aston Villa",
    "AC Milan",
    "Real Madrid",
    "Manchester United",
    "Bayern Munich",
    "the Lakers",
    "the Yankees",
    "Ajax",
    "Celtic",
    "Boca Juniors",
    "the All Blacks",
    "Galatasaray",
    "Leeds United",
    "the Green Bay Packers",
    "Juventus",
    "Borussia Dortmund",
]
SONG = [
    "Hey Jude",
    "Jolene",
    "Billie Jean",
    "Layla",
    "Roxanne",
    "Sweet Caroline",
    "Mrs. Robinson",
    "Valerie",
    "Angie",
    "Bohemian Rhapsody",
    "Dancing Queen",
    "Wonderwall",
    "Hallelujah",
    "Eleanor Rigby",
]
FILM = [
    "Forrest Gump",
    "Annie Hall",
    "Amélie",
    "Jerry Maguire",
    "Erin Brockovich",
    "Schindler's List",
    "Finding Nemo",
    "The Godfather",
    "Harry Potter and the Goblet of Fire",
    "Oppenheimer",
    "Barbie",
    "Dune",
    "Inception",
    "Frozen",
    "Citizen Kane",
]
BOOK = [
    "Jane Eyre",
    "Anna Karenina",
    "David Copperfield",
    "Emma",
    "Oliver Twist",
    "Pride and Prejudice",
    "The Hobbit",
    "Matilda",
    "Little Women",
    "Moby-Dick",
    "Don Quixote",
    "Rebecca",
    "Educated",
]
HOLIDAY = [
    "Christmas Eve",
    "Remembrance Sunday",
    "Black Friday",
    "Easter",
    "Thanksgiving",
    "New Year's Eve",
    "Boxing Day",
    "Halloween",
    "Diwali",
    "Eid",
    "Hanukkah",
    "Mother's Day",
    "Good Friday",
    "Valentine's Day",
    "Ramadan",
    "Midsummer",
    "Bank Holiday Monday",
    "Cyber Monday",
    "Lunar New Year",
]
WEEKDAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH = [
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
NAT = [
    "Polish",
    "Nigerian",
    "Vietnamese",
    "Brazilian",
    "Finnish",
    "Turkish",
    "Italian",
    "Korean",
    "Mexican",
    "Irish",
    "Greek",
    "Dutch",
    "Hungarian",
    "Ethiopian",
    "Persian",
    "Japanese",
    "Indian",
    "German",
    "Swedish",
    "Croatian",
]
LANG = [
    "Spanish",
    "Mandarin",
    "Yoruba",
    "Hindi",
    "French",
    "Portuguese",
    "Arabic",
    "Swahili",
    "Czech",
    "Romanian",
    "Tagalog",
    "Hebrew",
    "Russian",
    "Danish",
    "Norwegian",
]
DISEASE = [
    "Crohn's disease",
    "Parkinson's",
    "Alzheimer's",
    "type 2 diabetes",
    "Hashimoto's",
    "asthma",
    "COVID-19",
    "Lyme disease",
    "Graves' disease",
    "IBS",
    "ADHD",
    "Hodgkin's lymphoma",
    "Down syndrome",
    "Tourette's",
    "migraine",
    "Bell's palsy",
    "Huntington's disease",
]
DRUG = [
    "Ibuprofen",
    "Paracetamol",
    "Metformin",
    "Lisinopril",
    "Amoxicillin",
    "Sertraline",
    "Omeprazole",
    "Levothyroxine",
    "Adderall",
    "Zyrtec",
    "Tylenol",
    "Advil",
    "Ventolin",
    "Ozempic",
    "Prednisolone",
    "Naproxen",
    "Atorvastatin",
]
JOB = [
    "Senior Software Engineer",
    "Head Chef",
    "Registered Nurse",
    "Project Manager",
    "Marketing Director",
    "CEO",
    "CFO",
    "Office Manager",
    "Data Analyst",
    "Sous Chef",
    "Warehouse Operative",
    "Head Teacher",
    "Pastor",
    "Physiotherapist",
    "Pharmacist",
    "Sales Associate",
    "Dental Hygienist",
    "HR Business Partner",
]
ACRO = [
    "FYI",
    "ASAP",
    "TBH",
    "IMO",
    "ETA",
    "RSVP",
    "PTO",
    "KPI",
    "GDPR",
    "HIPAA",
    "NDA",
    "FAQ",
    "DM",
    "AFAIK",
    "TL;DR",
    "BTW",
    "IIRC",
    "GP",
    "A&E",
    "ER",
    "MRI",
    "PDF",
]
HASHTAG = [
    "#blessed",
    "#MondayMotivation",
    "#tbt",
    "#foodie",
    "#travelgram",
    "#GoVilla",
    "#BlackFriday",
    "#nofilter",
    "#booklover",
    "#RIP",
    "#LostDog",
    "#hiring",
    "#WeddingDay",
    "#gymlife",
]
EMOJI = [
    "😂",
    "❤️",
    "🙏",
    "👍",
    "🎉",
    "😭",
    "🔥",
    "😅",
    "🥳",
    "💔",
    "✈️",
    "🐶",
    "☕",
    "🤞",
    ":)",
    ":D",
    "xx",
    "<3",
    "lol",
    "haha",
]
COUNTRY = [
    "France",
    "Germany",
    "Nigeria",
    "India",
    "Brazil",
    "Japan",
    "Canada",
    "Australia",
    "Poland",
    "Vietnam",
    "Turkey",
    "Mexico",
    "Spain",
    "Italy",
    "Kenya",
    "Ethiopia",
    "Greece",
    "Israel",
    "Iran",
    "South Korea",
    "China",
    "the UK",
    "the USA",
    "Ireland",
    "Finland",
    "Hungary",
    "the Netherlands",
    "Sweden",
    "Norway",
    "Denmark",
    "Croatia",
    "Romania",
    "Indonesia",
    "Portugal",
    "Egypt",
    "Ghana",
]
STATE = [
    "California",
    "Texas",
    "Ohio",
    "Florida",
    "New York State",
    "Ontario",
    "Quebec",
    "Bavaria",
    "Queensland",
    "Lagos State",
    "Maharashtra",
    "Andalusia",
    "British Columbia",
    "Michigan",
    "Georgia",
    "Victoria",
    "Alberta",
    "Scotland",
    "Wales",
]
CONT = ["Europe", "Asia", "Africa", "South America", "North America", "Oceania", "Antarctica"]
CITIES = [
    "Leeds",
    "Manchester",
    "Bristol",
    "Lagos",
    "Abuja",
    "Ibadan",
    "Mumbai",
    "Pune",
    "Bengaluru",
    "Helsinki",
    "Tampere",
    "Budapest",
    "Debrecen",
    "Brno",
    "Prague",
    "Kraków",
    "Gdańsk",
    "Istanbul",
    "Izmir",
    "Hanoi",
    "Da Nang",
    "Surabaya",
    "Bandung",
    "Seville",
    "Valencia",
    "Guadalajara",
    "Puebla",
    "Curitiba",
    "Recife",
    "Leipzig",
    "Freiburg",
    "Utrecht",
    "Groningen",
    "Lyon",
    "Nantes",
    "Bologna",
    "Turin",
    "Malmö",
    "Aarhus",
    "Bergen",
    "Cluj-Napoca",
    "Split",
    "Zagreb",
    "Osaka",
    "Busan",
    "Chengdu",
    "Haifa",
    "Thessaloniki",
    "Kazan",
    "Shiraz",
    "Nairobi",
    "Mombasa",
    "Addis Ababa",
    "Portland",
    "Boise",
    "Tulsa",
    "Halifax",
    "Geelong",
    "Galway",
    "Cork",
    "Dundee",
    "Swansea",
    "Bath",
    "Hull",
]
HOODS = [
    "Shoreditch",
    "Brooklyn",
    "Kreuzberg",
    "Le Marais",
    "Trastevere",
    "Vesterbro",
    "Södermalm",
    "Kallio",
    "Ikoyi",
    "Bandra",
    "Jordaan",
    "Gràcia",
    "Roma Norte",
    "Williamsburg",
    "Headingley",
    "Clifton",
    "Harlem",
    "Notting Hill",
    "Kadıköy",
    "Ward 7",
    "Old Town",
    "Hackney Wick",
    "Camden",
    "Lekki Phase 1",
]
VEN_PAT = [
    "{L} Park",
    "St. {F}'s Hospital",
    "Café {W}",
    "Hotel {C}",
    "{C} Grammar School",
    "{W} Stadium",
    "The {W} Arms",
    "{L} Primary School",
    "{C} General Hospital",
    "{W} Community Centre",
    "{L} Memorial Library",
    "St. {F}'s Church",
    "{C} Central Station",
    "Grand Hotel {C}",
    "{W} Leisure Centre",
    "{L} Medical Centre",
    "{W} Bakery",
    "{C} Marina",
    "Holiday Inn {C}",
    "{L} Hall",
    "{W} Lane Allotments",
    "{C} Botanic Garden",
]
VEN_FIX = [
    "Anfield",
    "Old Trafford",
    "Villa Park",
    "Wembley Stadium",
    "Hyde Park",
    "Central Park",
    "Riverside Stadium",
    "the Hilton Garden Inn",
    "Café Nero on the high street",
    "Kings Cross",
    "Heathrow Terminal 5",
    "the Royal Albert Hall",
    "Tivoli Gardens",
    "Margit Island",
    "Kampnagel",
    "Lekki Conservation Centre",
    "the Marriott Marquis",
    "Sunnyside Care Home",
    "Oakwood Secondary",
    "Maplewood Elementary",
    "Golden Gate Park",
    "the Blue Lagoon",
    "Charles Bridge",
    "Schiphol",
]
WORDS = [
    "Oak",
    "Willow",
    "Riverside",
    "Maple",
    "Harbour",
    "Sunrise",
    "Birch",
    "Meadow",
    "Lakeside",
    "Cedar",
    "Hilltop",
    "Linden",
    "Orchard",
    "Bluebell",
    "Kingfisher",
    "Heron",
]
DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.co.uk",
    "proton.me",
    "web.de",
    "wp.pl",
    "seznam.cz",
    "libero.it",
    "orange.fr",
    "gmx.de",
    "icloud.com",
    "yahoo.co.in",
    "mail.ru",
    "uol.com.br",
]
SITES = [
    "linkedin.com/in/{u}",
    "github.com/{u}",
    "www.{u}.com",
    "{u}.dev",
    "instagram.com/{u}",
    "www.etsy.com/shop/{u}",
    "{u}.wordpress.com",
    "medium.com/@{u}",
    "www.{u}-photography.co.uk",
    "soundcloud.com/{u}",
    "gofundme.com/f/help-{u}",
    "{u}.substack.com",
]


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c) and ord(c) < 128)


class Person:
    def __init__(self, first, last):
        self.first, self.last = first, last


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.fk = {}
        for i, loc in enumerate(LOCALES):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + i)
            self.fk[loc] = f

    def ch(self, xs):
        return self.r.choice(xs)

    # -------- people
    def person(self):
        r = self.r
        if r.random() < 0.35:
            firsts, lasts = OWN[self.ch(sorted(OWN))]
            return Person(self.ch(firsts), self.ch(lasts))
        f = self.fk[self.ch(LOCALES)]
        try:
            first, last = f.first_name(), f.last_name()
        except Exception:
            first, last = "Anna", "Kowalski"
        if r.random() < 0.06:
            first = self.ch(WORDNAMES)
        return Person(first, last)

    def full(self, p):
        r = self.r.random()
        if r < 0.08:
            return f"{p.first} {self.ch('ABCDEFGHJKLMNPRSTW')}. {p.last}"
        if r < 0.10:
            return f"{p.last}, {p.first}"
        return f"{p.first} {p.last}"

    def uname(self, p=None):
        p = p or self.person()
        a, b = (
            ascii_fold(p.first).lower().replace(" ", ""),
            ascii_fold(p.last).lower().replace(" ", "").replace("-", ""),
        )
        pat = self.ch(
            [
                "{a}{b}",
                "{a}.{b}",
                "{a}_{b}",
                "{a}{n}",
                "{b}{a}",
                "{a0}{b}",
                "{a}_{n}",
                "the_real_{a}",
                "{a}.{b}{n}",
                "x{a}x",
                "{b}_{a0}",
            ]
        )
        return pat.format(a=a, b=b, a0=a[:1], n=self.r.randint(1, 1999))

    def email(self, p=None):
        u = self.uname(p).replace("the_real_", "")
        if self.r.random() < 0.2:
            dom = self.ch(
                [
                    "acme-logistics.com",
                    "stmarys.org.uk",
                    "uni-leipzig.de",
                    "northfield.k12.us",
                    "brightsmile-dental.com",
                    "helsinki.fi",
                    "company.co",
                    "harbourview.nhs.uk",
                ]
            )
        else:
            dom = self.ch(DOMAINS)
        return f"{u}@{dom}"

    def city(self):
        if self.r.random() < 0.6:
            return self.ch(CITIES)
        return self.fk[self.ch(LOCALES)].city()

    def venue(self):
        if self.r.random() < 0.3:
            return self.ch(VEN_FIX)
        p = self.person()
        return self.ch(VEN_PAT).format(L=p.last, F=p.first, W=self.ch(WORDS), C=self.ch(CITIES))

    def location(self):
        x = self.r.random()
        return self.city() if x < 0.5 else (self.ch(HOODS) if x < 0.65 else self.venue())

    def address(self):
        r = self.r
        n = r.randint(1, 240)
        p = self.person()
        x = r.random()
        if x < 0.45:
            f = self.fk[self.ch(LOCALES)]
            try:
                a = f.address()
            except Exception:
                a = f"{n} Main Street, Springfield"
            a = re.sub(r"\s*\n\s*", ", ", a.strip())
            return a
        forms = [
            f"{n} {p.last} Road, {self.ch(CITIES)} {self.ch('LS BS M E N SW NW')}{r.randint(1, 20)} {r.randint(1, 9)}{self.ch('ABDEFGHJ')}{self.ch('LNPQRSTUWXYZ')}",
            f"{p.last}straße {n}, {r.randint(10000, 99999)} {self.ch(['Berlin', 'Leipzig', 'Freiburg', 'München'])}",
            f"ul. {p.last} {n}/{r.randint(1, 40)}, {r.randint(10, 99)}-{r.randint(100, 999)} {self.ch(['Kraków', 'Gdańsk', 'Łódź', 'Poznań'])}",
            f"{n} rue {self.ch(['Victor Hugo', 'de la Paix', 'des Lilas', 'Jean Jaurès'])}, {r.randint(10000, 95999)} {self.ch(['Lyon', 'Nantes', 'Paris', 'Lille'])}",
            f"Apt {r.randint(1, 30)}{self.ch('ABCD')}, {n} {self.ch(['Elm', 'Oak', 'Pine', 'Maple', 'Cedar'])} {self.ch(['St', 'Ave', 'Blvd', 'Dr', 'Lane'])}, {self.ch(['Portland', 'Boise', 'Tulsa', 'Austin'])}, {self.ch(['OR', 'ID', 'OK', 'TX'])} {r.randint(10000, 99999)}",
            f"Plot {n}, {p.last} Street, {self.ch(['Lekki', 'Ikeja', 'Wuse 2', 'Garki'])}, {self.ch(['Lagos', 'Abuja'])}",
            f"Via {self.ch(['Roma', 'Garibaldi', 'Mazzini', 'Verdi'])} {n}, {r.randint(10000, 98100)} {self.ch(['Bologna', 'Torino', 'Milano'])}",
            f"{self.ch(['Kerkstraat', 'Dorpsweg', 'Prinsengracht', 'Molenstraat'])} {n}, {r.randint(1000, 9999)} {self.ch('ABCDEFGHJK')}{self.ch('ABCDEFGHJK')} {self.ch(['Utrecht', 'Groningen', 'Amsterdam'])}",
            f"Flat {r.randint(1, 40)}, {p.last} House, {n} {self.ch(['High Street', 'Station Road', 'Church Lane'])}, {self.ch(['Dundee', 'Swansea', 'Bath', 'Hull'])}",
            f"{n}/{r.randint(1, 9)} {self.ch(['Nguyen Trai', 'Le Loi', 'Tran Hung Dao'])} Street, District {r.randint(1, 12)}, Ho Chi Minh City",
            f"House No. {n}, Sector {r.randint(1, 60)}, {self.ch(['Noida', 'Gurugram', 'Chandigarh'])} {r.randint(110001, 160099)}",
            f"{p.last}inkatu {n} B {r.randint(1, 40)}, {r.randint(100, 999)}{r.randint(10, 99)} {self.ch(['Helsinki', 'Tampere', 'Turku'])}",
            f"{n} {self.ch(['Kent', 'Queen', 'Bay'])} Street, {self.ch(['Halifax, NS', 'Toronto, ON', 'Victoria, BC'])} {self.ch('BKMV')}{r.randint(1, 9)}{self.ch('ABCJ')} {r.randint(1, 9)}{self.ch('KLRW')}{r.randint(1, 9)}",
        ]
        return self.ch(forms)

    def date(self):
        r = self.r
        d = r.randint(1, 28)
        m = r.randint(1, 12)
        y = r.randint(1935, 2026)
        M = MONTH[m - 1]
        Ma = M[:3]
        suf = "th" if 10 < d < 14 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        forms = [
            f"{d:02d}.{m:02d}.{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{m}/{d}",
            f"{d}/{m}",
            f"{M} {d}{suf}",
            f"the {d}{suf} of {M}",
            f"{d} {Ma}",
            f"{d} {M} {y}",
            f"{M} {d}, {y}",
            f"{m}/{d}/{y}",
            f"{d}/{m}/{y % 100:02d}",
            f"{Ma} {d}",
            f"{d}{suf} {M}",
            f"{WEEKDAY[r.randint(0, 6)]} {d} {M}",
            f"{d}-{Ma}-{y}",
            f"{Ma}. {d}, {y}",
            f"{y}/{m:02d}/{d:02d}",
        ]
        return self.ch(forms)

    def phone(self):
        r = self.r
        if r.random() < 0.4:
            try:
                return self.fk[self.ch(LOCALES)].phone_number()
            except Exception:
                pass
        D = lambda k: "".join(str(r.randint(0, 9)) for _ in range(k))
        forms = [
            f"+44 7{D(3)} {D(6)}",
            f"07{D(3)} {D(3)} {D(3)}",
            f"+1 ({D(3)}) {D(3)}-{D(4)}",
            f"({D(3)}) {D(3)}-{D(4)}",
            f"{D(3)}-{D(3)}-{D(4)}",
            f"+49 1{D(2)} {D(7)}",
            f"+234 80{D(1)} {D(3)} {D(4)}",
            f"+91 9{D(4)} {D(5)}",
            f"+358 40 {D(3)} {D(4)}",
            f"+36 30 {D(3)} {D(4)}",
            f"+48 {D(3)} {D(3)} {D(3)}",
            f"+84 9{D(1)} {D(3)} {D(4)}",
            f"+33 6 {D(2)} {D(2)} {D(2)} {D(2)}",
            f"0{D(2)}-{D(3)} {D(2)} {D(2)}",
            f"+55 11 9{D(4)}-{D(4)}",
            f"+90 5{D(2)} {D(3)} {D(2)} {D(2)}",
        ]
        return self.ch(forms)

    def url(self, p=None):
        u = self.uname(p).replace(".", "").replace("_", "")
        s = self.ch(SITES).format(u=u)
        return ("https://" if self.r.random() < 0.5 else "") + s

    def ip(self):
        r = self.r
        if r.random() < 0.15:
            return ":".join(f"{r.randint(0, 65535):x}" for _ in range(8))
        return ".".join(str(r.randint(1, 254)) for _ in range(4))

    def ident(self, kind=None):
        r = self.r
        D = lambda k: "".join(str(r.randint(0, 9)) for _ in range(k))
        A = lambda k: "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(k))
        kinds = {
            "order": lambda: self.ch([f"#{D(7)}", f"ORD-{D(8)}", f"{D(3)}-{D(7)}-{D(7)}", f"A{D(9)}"]),
            "ticket": lambda: self.ch([f"INC{D(7)}", f"#{D(5)}", f"TCK-{D(6)}", f"CS-{A(2)}{D(5)}"]),
            "passport": lambda: self.ch([f"{A(2)}{D(7)}", f"{D(9)}", f"{A(1)}{D(8)}"]),
            "iban": lambda: self.ch(
                [
                    f"GB{D(2)} {A(4)} {D(4)} {D(4)} {D(4)} {D(2)}",
                    f"DE{D(2)} {D(4)} {D(4)} {D(4)} {D(4)} {D(2)}",
                    f"PL{D(26)}",
                    f"NL{D(2)}{A(4)}{D(10)}",
                ]
            ),
            "card": lambda: self.ch(
                [f"{D(4)} {D(4)} {D(4)} {D(4)}", f"{D(4)}-{D(4)}-{D(4)}-{D(4)}", f"**** **** **** {D(4)}"]
            ),
            "acct": lambda: self.ch(
                [
                    f"{D(8)}",
                    f"ACC-{D(6)}",
                    f"{D(2)}-{D(2)}-{D(2)} {D(8)}",
                    f"MRN {D(7)}",
                    f"NHS {D(3)} {D(3)} {D(4)}",
                    f"{D(3)}-{D(2)}-{D(4)}",
                ]
            ),
            "track": lambda: self.ch([f"1Z{A(3)}{D(13)}", f"JD{D(16)}", f"{A(2)}{D(9)}GB", f"{D(12)}"]),
            "plate": lambda: self.ch([f"{A(2)}{D(2)} {A(3)}", f"{A(3)}-{D(4)}", f"B-{A(2)} {D(4)}"]),
        }
        return kinds[kind or self.ch(sorted(kinds))]()

    def handle(self, p=None):
        return "@" + self.uname(p)

    def price(self):
        r = self.r
        return self.ch(
            [
                f"£{r.randint(2, 900)}",
                f"${r.randint(1, 500)}.{r.randint(0, 99):02d}",
                f"€{r.randint(5, 2000)}",
                f"{r.randint(100, 9000)} HUF",
                f"₦{r.randint(1, 90)},000",
                f"{r.randint(10, 400)} zł",
            ]
        )

    def qty(self):
        r = self.r
        return self.ch(
            [
                f"{r.randint(1, 20)} kg",
                f"{r.randint(50, 500)} mg",
                f"{r.randint(1, 12)} tablets",
                f"{r.randint(2, 40)} miles",
                f"{r.randint(1, 5)} cups",
                f"{r.randint(100, 900)} g",
                f"{r.randint(2, 10)} days",
                f"{r.randint(1, 40)} km",
            ]
        )

    def time(self):
        r = self.r
        return self.ch(
            [
                f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                f"{r.randint(1, 12)}pm",
                f"{r.randint(1, 12)}:{self.ch(['00', '15', '30', '45'])} am",
                f"{r.randint(1, 12)}.{self.ch(['00', '30'])}",
            ]
        )


# ---------------- templates
# slot syntax: {SLOT} or {SLOT#k} (k = person index reused within a text)
# identifier slots: FULL FIRST LAST NICK WNAME USER HANDLE EMAIL URL CITY LOC VENUE HOOD ADDR DATE PHONE IP ID ORDER TICKET PASSPORT IBAN CARD ACCT TRACK PLATE AGE
# ignore slots: COUNTRY STATE CONT YEAR
# plain slots: BRAND PERSCO ORG APP BAND TEAM SONG FILM BOOK HOLIDAY WEEKDAY MONTH NAT LANG DISEASE DRUG JOB ACRO HASHTAG EMOJI PRICE QTY TIME N YOUNG
SOCIAL = {"forum", "chat", "dating", "review", "support_chat"}
T = {}
T["forum"] = [
    "Update: my landlord {FULL} finally returned the deposit after I threatened to go to small claims. Took since {DATE}. {EMOJI}",
    "Does anyone know a good GP near {HOOD}? Moved from {CITY} on {DATE} and I'm still not registered. Dealing with {DISEASE} so kinda urgent.",
    "{FIRST} here, long time lurker. My {NAT} grandma turns {AGE} next week and we're throwing a party at {VENUE}. Ideas?",
    "Bought a used {BRAND} from a guy called {FIRST} in {CITY}. Paid {PRICE}, he gave me the number {PHONE} and now it goes straight to voicemail.",
    "PSA: someone's been posting as {HANDLE} pretending to be a {JOB} from {PERSCO}. Report them. {ACRO} the real account is {HANDLE}.",
    "Edit: thanks {USER} for the gold! And to everyone in {COUNTRY} asking, the meetup is at {VENUE} on {DATE}.",
    "Me and {FIRST} drove from {CITY} to {CITY} in a {BRAND} back in {YEAR}. Best {HOLIDAY} ever.",
    "{WNAME} said she'd never watch {FILM} again but she literally put it on last {WEEKDAY} lol",
    "TIFU by sending my CV to {EMAIL} instead of my mate {FIRST}. It had my old address, {ADDR}, on it.",
    "AITA for not inviting my cousin {FULL} to my wedding on {DATE}? He ruined {HOLIDAY} two years running.",
    "My server at {IP} keeps getting hammered from {IP}. Hosted with a company in {STATE}. Anyone seen this?",
    "{LAST} from accounts keeps cc'ing the whole floor. {ACRO}, we all use {APP} now.",
    "Lost my wallet somewhere between {VENUE} and {HOOD} on {DATE}. Driving licence says {FULL}. Reward offered, call {PHONE}.",
    "Went to see {BAND} at {VENUE} with {FIRST} and {FIRST}. Absolute scenes {EMOJI} {HASHTAG}",
    "Honestly {TEAM} fans in {CITY} are the nicest. Shoutout to {NICK} who gave me a lift after the match.",
    "Anyone else's {DRUG} prescription delayed? Pharmacy in {CITY} says the order {ORDER} is stuck.",
    "Posting for my neighbour {FULL} who doesn't do {APP}: her cat went missing near {ADDR}.",
    "Just finished {BOOK}. {FIRST} recommended it when we met in {CITY} on {DATE}.",
    "Source: I worked at {VENUE} for years under {FULL}, the nicest {JOB} ever.",
    "{FULL} is the only realtor in {CITY} worth talking to. Her site is {URL}.",
    "Grandpa {FIRST} is {AGE} and still beats everyone at chess. Born in {CITY}, moved to {CONT} after the war.",
    "Rant: {PERSCO} support closed ticket {TICKET} without reading it. Their agent {FIRST} was nice though.",
    "Can confirm, {USER} sold me the {BRAND} and it arrived in {CITY} on {DATE}. Legit seller.",
    "{FIRST} {EMOJI} thank you for the {HOLIDAY} card, it made my week",
    "my ex {FIRST} still has my {BRAND} charger. it's been since {DATE}. let it go they say",
]
T["chat"] = [
    "[{TIME}] {FIRST}: are we still on for {VENUE}?\n[{TIME}] {FIRST}: yes! {DATE} at {TIME}\n[{TIME}] {FIRST}: bring {FIRST#1} too",
    "{FIRST#1}: did u call {FIRST#2}\n{FIRST#2}: i'm right here lol\n{FIRST#1}: ok meet at {LOC} {EMOJI}",
    "<{FIRST#1}> anyone have {FIRST#2}'s number?\n<{FIRST#3}> {PHONE}\n<{FIRST#1}> ty",
    "User: hi my name is {FULL} and I need to change the email on my account to {EMAIL}\nBot: Sure, what's the account number?\nUser: {ACCT}",
    "[{TIME}] {NICK}: omw, stuck on the bridge near {LOC}\n[{TIME}] {FIRST}: ok. {FIRST#1} says hi",
    "{FIRST#1}: mum's flight lands {DATE} at {TIME}, terminal 2\n{FIRST#2}: I'll pick her up, what's the booking ref\n{FIRST#1}: {ID}",
    "<{USER}> server ip is {IP} port 25565\n<{USER}> whitelist me pls, ign {USER}",
    "[{TIME}] {FIRST}: happy {HOLIDAY} everyone {EMOJI}\n[{TIME}] {FIRST}: happy {HOLIDAY}! {FIRST#1} how's {CITY}?\n[{TIME}] {FIRST#1}: freezing",
    "{FIRST#1}: can you send me your address for the wedding invite\n{FIRST#2}: {ADDR}\n{FIRST#1}: perfect thx",
    "#general\n{USER}: standup moved to {TIME}\n{USER}: {FIRST} is out {DATE}, dentist",
    "[{DATE}, {TIME}] {FULL}: Payment sent to {IBAN}\n[{DATE}, {TIME}] {FULL}: received, thanks!",
    "{FIRST}: lol did you see {FULL} on {APP}??\n{FIRST}: the guy from {VENUE}??\n{FIRST}: yessss",
    "<{FIRST}> {WNAME} is coming to {CITY} on {DATE}\n<{FIRST}> nice, is she staying at {VENUE}?",
    "[{TIME}] {FIRST}: my new number is {PHONE}, delete the old one\n[{TIME}] {FIRST}: saved {EMOJI}",
    "{FIRST}: grandma {FIRST#1} is in {VENUE}, room 12\n{FIRST}: visiting hours?\n{FIRST}: {TIME} to {TIME}, she's {AGE} so don't tire her out",
    "mod: {HANDLE} banned for spam\n{USER}: finally\n{USER}: they were posting {URL} everywhere",
    "[{TIME}] {FIRST}: {LAST} wants the report by {WEEKDAY}\n[{TIME}] {FIRST}: which {LAST}\n[{TIME}] {FIRST}: {FULL}, the new {JOB}",
    "{FIRST#1}: ur {BRAND} order came to mine by mistake\n{FIRST#2}: omg, tracking {TRACK}?\n{FIRST#1}: yep. at {ADDR}",
    "[{TIME}] {FIRST}: watching {FILM} at {VENUE} tonight, {FIRST} coming?\n[{TIME}] {FIRST}: can't, {TEAM} game",
    "<{FIRST}> email me at {EMAIL}\n<{FIRST}> or {EMAIL}, whichever",
    "Agent: Thanks for contacting {PERSCO}. Can I take your name?\nUser: {FULL}\nAgent: And date of birth?\nUser: {DATE}",
    "{FIRST}: meeting {FIRST} at {VENUE}\n{FIRST}: tell her {NICK} says hi",
]
T["email"] = [
    "From: {FULL#1} <{EMAIL#1}>\nTo: {EMAIL}\nDate: {DATE}\nSubject: Re: {MONTH} rota\n\nHi {FIRST},\n\nI can cover {WEEKDAY}. {ACRO} I'm away from {DATE}.\n\nBest,\n{FIRST#1}\n{JOB}, {PERSCO}\n{PHONE}",
    "Dear {TITLE} {LAST},\n\nThank you for your application for the {JOB} role. Please attend an interview at {ADDR} on {DATE} at {TIME}.\n\nKind regards,\n{FULL}\nHR, {BRAND}",
    "Hi all,\n\nPlease welcome {FULL#1} who joins us from {CITY} as {JOB}. {FIRST#1} can be reached on {PHONE} or {EMAIL#1}.\n\nThanks,\n{FIRST}",
    "-----Original Message-----\nFrom: {FULL} [mailto:{EMAIL}]\nSent: {DATE} {TIME}\nTo: {FULL}\nSubject: invoice {ORDER}\n\nPlease pay to {IBAN} by {DATE}.",
    "On {DATE}, {FULL} <{EMAIL}> wrote:\n> Can we move the call to {WEEKDAY}?\n\nSure, {FIRST}. I'll send a {APP} link.\n\n{FULL}\n{URL}",
    "Hello {FIRST},\nYour booking at {VENUE} is confirmed for {DATE}. Reference: {ID}.\nQuestions? Call us on {PHONE}.\n-- \n{FULL} | Front Desk | {ADDR}",
    "Subject: Login from new device\n\nHi {FIRST}, we noticed a sign-in to account {USER} from {IP} near {CITY}, {COUNTRY} on {DATE}. If this wasn't you, reset at {URL}.",
    "Hi {TITLE} {LAST},\nFollowing our call, I attach the contract. My mobile is {PHONE}.\nCheers,\n{FULL}\n{JOB}\n{ADDR}",
    "Dear Parents,\n{FULL} will be taking over Year 4 from {DATE}. Please direct questions to {EMAIL}.\n{FULL}, Head Teacher, {VENUE}",
    "Hey {NICK},\nloved seeing you in {CITY}! photos are up at {URL}. say hi to {FIRST} x\n{FIRST}",
]
T["patient"] = [
    "hi dr {LAST}, its {FULL}, dob {DATE}. the {DRUG} you gave me makes me dizzy, can i switch? my number is {PHONE}",
    "Hello, I'm writing on behalf of my mother {FULL} ({AGE}) who has {DISEASE}. She has an appointment at {VENUE} on {DATE} but can't get there.",
    "Question for the pharmacist: can I take {DRUG} with {DRUG}? I'm 34 and have {DISEASE}. Patient ID {ACCT}.",
    "Dear {TITLE} {LAST}, my son {FIRST} (DOB {DATE}) has had a fever since {WEEKDAY}. We live at {ADDR}. Please call {PHONE}.",
    "Message from {FULL}: I missed my {MONTH} refill of {DRUG} {QTY}. Can it be sent to the pharmacy in {HOOD}?",
    "My dad {FIRST} is {AGE} and fell at home on {DATE}. The {ACRO} at {VENUE} said to follow up with his GP.",
    "Re: test results. Hi, this is {FULL}, MRN {ACCT}. I got a letter dated {DATE} about my MRI but no results in {APP}.",
    "Can I pick up my wife's prescription? Her name is {FULL}, born {DATE}. Mine is {FULL}.",
    "hello nurse {FIRST}, just confirming the {DISEASE} clinic on {DATE} at {TIME}. my email is {EMAIL}",
    "Pharmacy question: my {DRUG} box says take {QTY} daily but Dr {LAST} said twice. Who's right? - {FIRST}",
]
T["dating"] = [
    "{FIRST}, 29. {NAT} living in {HOOD}. Into {BAND}, {TEAM} and bad puns. Insta {HANDLE} {EMOJI}",
    "hey i'm {FIRST} {EMOJI} originally from {CITY} but now in {CITY}. {LANG} and English. swipe right if you like {FILM}",
    "Name's {NICK}. {JOB} by day, DJ by night. Catch me at {VENUE} on {WEEKDAY}s.",
    "{WNAME} | 31 | {CITY} | dog mum | {HASHTAG}",
    "Looking for someone to go to {BAND} with. I'm {FIRST}, from {COUNTRY}, moved here in {YEAR}. Snap: {USER}",
    "just a {NAT} girl in {CITY} who likes {BRAND} and long walks in {VENUE}. {FIRST} if you ask nicely",
    "{FIRST} {LAST0} Mountains, {APP}, oat lattes. Born in {CITY}. Don't message me about {TEAM}.",
]
T["credits"] = [
    "Directed By: {FULL}\nWritten By: {FULL} and {FULL}\nProduced By: {FULL}\nMusic: {FULL}",
    "Special thanks to {FULL}, {FULL}, the staff of {VENUE}, and my mother {FIRST}.",
    "Acknowledgements\nI am grateful to {FULL} for reading every draft, to {FULL} at {PERSCO}, and to {FIRST} for the coffee in {CITY}.",
    "{FILM} ({YEAR})\nCast: {FULL}, {FULL}, {FULL}\nCinematography: {FULL}\nFilmed on location in {CITY}, {COUNTRY}.",
    "Episode 42: {FULL} on leaving {PERSCO}\nHost: {FULL} | Producer: {FULL} | Recorded at {VENUE}",
    'Track 3 "{SONG}" performed by {FULL}. Mixed by {FULL} at {VENUE}, {CITY}.',
    "For {FIRST}, who never stopped believing. And for grandma {FIRST}.",
    "Cover art: {FULL} ({URL})\nLiner notes: {FULL}\nThanks to {BAND} for the tour support.",
    "Executive Producers {FULL}, {FULL}\nCasting by {FULL}\nIn memory of {FULL} ({DATE} - {DATE})",
]
T["press"] = [
    "FOR IMMEDIATE RELEASE\n{CITY}, {DATE} — {PERSCO} today announced that {FULL} has been appointed {JOB}. Media contact: {FULL}, {EMAIL}, {PHONE}.",
    '{CITY} ({DATE}) — {BRAND} opened its new hub at {ADDR}. "We\'re thrilled," said {FULL}, {JOB}.',
    "Police in {CITY} are appealing for witnesses after an incident near {VENUE} on {DATE}. Anyone with information should contact {TITLE} {FULL} on {PHONE}.",
    "Local woman {FULL}, {AGE}, has been named {CITY}'s oldest resident. She was born in {CITY} on {DATE}.",
    "{FULL} scored twice as {TEAM} beat {TEAM} 3-1 at {VENUE} on {WEEKDAY}. Manager {LAST} praised the {NAT} striker.",
    "The match report: {LAST} opened the scoring in the 12th minute, before {FULL} equalised. Next up: {TEAM} away on {DATE}.",
    "Residents of {HOOD} protested on {DATE} against plans by {PERSCO} to build on {VENUE}. Councillor {FULL} said the plans were 'unacceptable'.",
    "{FULL}, the {NAT}-born founder of a {CITY} bakery, won the {ORG} award on {DATE}.",
    "{ALLCAPS_NEWS}",
]
T["obituary"] = [
    "{FULL#1}, {AGE}, of {CITY}, passed away peacefully on {DATE} at {VENUE}. Born {DATE} in {CITY}, {FIRST#1} worked as a {JOB} for 40 years. Survived by children {FIRST} and {FIRST}. Services at {VENUE} on {DATE}.",
    "In loving memory of {FULL} ({DATE} – {DATE}). Forever missed by {FIRST}, {FIRST} and the grandchildren. Donations to {ORG}.",
    '{LAST}, {FIRST} "{NICK}" — died {DATE}, aged {AGE}. Beloved husband of {FIRST}. Funeral at {VENUE}, {TIME}.',
    "It is with great sadness that we announce the death of {FULL#1} of {ADDR}. {FIRST#1} was a lifelong {TEAM} fan and member of the {ORG}.",
]
T["newsletter"] = [
    "{VENUE} Newsletter — {MONTH}\nCongratulations to {FULL} (Year 6) on winning the county spelling bee! Thanks to {TITLE} {LAST} for coaching.\nBake sale {DATE}, contact {EMAIL}.",
    "Parish notes: Please keep {FULL} and family in your prayers. Flowers this week by {FIRST} {LAST}. {HOLIDAY} service at {TIME}.",
    "Club news: {FULL} takes over as treasurer from {FULL}. Subs ({PRICE}) to {IBAN} by {DATE}.",
    "Welcome to new members {FULL}, {FULL} and {FIRST} from {HOOD}! Next ride leaves {VENUE} on {DATE} at {TIME}.",
    "Our {AGE}-year-old member {FULL} celebrated her birthday on {DATE} with the whole choir. {EMOJI}",
    "Lost property from the {HOLIDAY} fair: a {BRAND} jacket with the name {FIRST} {LAST} inside. Ask {FIRST} in the office.",
]
T["job"] = [
    "We're hiring! {JOB} at {BRAND}, {CITY}. Send your CV to {FULL} at {EMAIL} before {DATE}. {HASHTAG}",
    "CURRICULUM VITAE\n{FULL}\n{ADDR}\n{PHONE} | {EMAIL} | {URL}\nDate of birth: {DATE}\nExperience: {JOB}, {PERSCO} ({YEAR}–{YEAR})",
    "{FULL}\n{JOB}\n{CITY}, {COUNTRY}\nLanguages: {LANG}, {LANG}\nReferences: {FULL}, {PHONE}",
    "Position: {JOB}\nLocation: {VENUE}, {CITY}\nStart: {DATE}\nContact: {FIRST} {LAST}, {PHONE}",
    "Referee: {TITLE} {FULL}, {JOB} at {VENUE}. Email {EMAIL}.",
]
T["review"] = [
    "Stayed at {VENUE} from {DATE} to {DATE}. {FIRST} at reception was amazing! Room was tiny though. 4/5",
    "Ordered a {BRAND} from {PERSCO}. Order {ORDER} arrived broken. {FIRST} from support was useless. 1 star.",
    "Great app but it keeps logging me out. Username {USER}. Please fix! Using {BRAND} on {COUNTRY} store.",
    "Best {NAT} food in {CITY}. Ask for {FIRST}, he'll sort you out. {EMOJI}",
    "Dr {LAST} at {VENUE} was so kind with my {DISEASE}. Highly recommend.",
    "Our guide {FIRST} made the {CITY} tour. Booked via {APP} for {PRICE}, worth every penny.",
    "Do NOT use {FULL} plumbing in {HOOD}. Charged {PRICE} and left a leak. His number {PHONE} now blocked.",
    "the {BRAND} is fine but {PERSCO} delivery lost it twice. tracking {TRACK}. thanks {FIRST} at the depot for finding it",
]
T["support_chat"] = [
    "Agent ({FIRST}): Hi, you're chatting with {FIRST}. How can I help?\nCustomer: My {APP} account {HANDLE} got hacked. Email was {EMAIL}.\nAgent: I'm sorry! Last login was from {IP}, is that you?",
    "You: need to update my delivery address\n{BRAND} Support: Sure, what's the new one?\nYou: {ADDR}\n{BRAND} Support: Done, order {ORDER} will arrive {DATE}.",
    "Customer: {FULL}, card ending {N4}\nAgent: thanks {FIRST}, I see ticket {TICKET} from {DATE}",
    "[{TIME}] {FIRST} (Agent): Can you confirm your phone number?\n[{TIME}] Customer: {PHONE}\n[{TIME}] {FIRST} (Agent): And postcode? \n[{TIME}] Customer: it's on file, {ADDR}",
]
T["delivery"] = [
    "Your parcel from {BRAND} is on its way! Tracking: {TRACK}. Expected {DATE} between {TIME} and {TIME}. Delivering to: {FULL}, {ADDR}.",
    "{PERSCO} Delivery: Hi {FIRST}, your driver {FIRST} is 5 stops away. Contact: {PHONE}.",
    "We missed you! A card was left at {ADDR} on {DATE}. Collect from {VENUE} with ID. Ref {TRACK}.",
    "Order {ORDER} shipped to {FULL}\n{ADDR}\nCarrier: DHL\nEst. delivery: {DATE}",
]
T["form"] = [
    "Name: {FULL}\nDate of Birth: {DATE}\nAddress: {ADDR}\nPhone: {PHONE}\nEmail: {EMAIL}\nNationality: {NAT}",
    "PATIENT: {LAST}, {FIRST}\nDOB: {DATE}\nMRN: {ACCT}\nReferring physician: Dr. {FULL}\nDx: {DISEASE}",
    "Guest: {FULL}\nPassport No: {PASSPORT}\nCountry: {COUNTRY}\nCheck-in: {DATE}\nRoom: 214",
    "Applicant name: {FULL}\nIBAN: {IBAN}\nEmployer: {PERSCO}\nJob title: {JOB}\nStart date: {DATE}",
    "Emergency contact: {FULL} ({RELN}) – {PHONE}\nAllergies: {DRUG}\nGP: Dr {LAST}, {VENUE}",
    "Username: {USER}\nLast login IP: {IP}\nRegistered: {DATE}\nPlan: {BRAND} Premium",
    "vehicle reg: {PLATE}\nowner: {FULL}\naddress: {ADDR}\ninsurer: {PERSCO}",
    "Ticket: {TICKET}\nReporter: {FULL} <{EMAIL}>\nOpened: {DATE}\nSummary: {APP} crashes on launch",
]
T["spreadsheet"] = [
    "Name\tEmail\tPhone\tCity\n{FULL}\t{EMAIL}\t{PHONE}\t{CITY}\n{FULL}\t{EMAIL}\t{PHONE}\t{CITY}",
    "id,name,dob,city\n{N},{FULL},{DATE},{CITY}\n{N},{FULL},{DATE},{CITY}\n{N},{FULL},{DATE},{CITY}",
    "| Player | Team | Joined |\n| {FULL} | {TEAM} | {DATE} |\n| {FULL} | {TEAM} | {DATE} |",
    "Order\tCustomer\tTotal\n{ORDER}\t{FULL}\t{PRICE}\n{ORDER}\t{FULL}\t{PRICE}",
]
T["travel"] = [
    "ITINERARY for {FULL}\n{DATE} Flight BA 117 to {CITY} ({TIME})\nHotel: {VENUE}, {ADDR}\nConf: {ID}",
    "Day 1 ({DATE}): arrive {CITY}, check in at {VENUE}. Day 2: day trip to {CITY}. Day 3: fly home via {CITY}.",
    "Passenger: {LAST}/{FIRST} MR\nPassport: {PASSPORT}\nPNR: {ID}\nDeparts {DATE} from {CITY}",
    "Hi {FIRST}! Your Airbnb host {FIRST} will meet you at {ADDR} on {DATE}. Their number: {PHONE}.",
]
T["invite"] = [
    "You're invited to {FIRST}'s 30th! {DATE}, {TIME} at {VENUE}. RSVP to {FIRST} on {PHONE} {EMOJI}",
    "Together with their families\n{FULL} & {FULL}\nrequest the pleasure of your company on {DATE} at {VENUE}, {CITY}.",
    "{HOLIDAY} drinks! {WEEKDAY} at {ADDR}. Bring a bottle. – {FIRST} & {FIRST}",
    "Celebrate Grandpa {FIRST}'s {AGE}th birthday with us on {DATE} at {VENUE}. RSVP {EMAIL}.",
    "Baby shower for {FULL} – {DATE} – {HOOD} community hall. Registry at {URL}",
]
T["classified"] = [
    "FOUND: black {BRAND} wallet near {VENUE} on {DATE}. Name inside: {FULL}. Text {PHONE}.",
    "LOST DOG – answers to {WNAME}. Last seen {HOOD}, {DATE}. Please call {FIRST} {PHONE} {HASHTAG}",
    "For sale: {BRAND}, barely used, {PRICE}. Collection from {ADDR}. Ask for {FIRST}.",
    "Room to let in {HOOD}, {PRICE} pcm. Contact {FULL}, {EMAIL}.",
    "Wanted: {NAT} tutor for my daughter. {LANG} speaker preferred. {FIRST}, {PHONE}.",
    "FREE sofa, must collect by {DATE} from {ADDR}. msg {HANDLE}",
]
T["recipe"] = [
    "Grandma {FIRST}'s Pierogi (from grandma {FIRST}'s kitchen in {CITY})\n{QTY} flour, {QTY} potatoes. She made these every {HOLIDAY}.",
    "This recipe came from my aunt {FULL}, who ran a café in {HOOD} until {YEAR}. Serves 4, takes {QTY}.",
    "From the kitchen of {FULL}: {NAT} lentil soup. Add {QTY} of cumin. Shared with love on {DATE}.",
    "Nonna {FIRST}'s tiramisu — she's {AGE} and still makes it every {WEEKDAY}. Use {BRAND} mascarpone, {QTY}.",
]

T["forum"] += [
    "{FIRST} and I tried the {NAT} place on {HOOD} high street. {FIRST#9}'s verdict: overpriced.",
    "{LAST} was right about {TEAM}. Should've listened on {DATE}.",
    "Replying to {HANDLE}: no, {VENUE} closed in {YEAR}. {FULL} bought the building.",
    "Has anyone used {APP} to send money to {COUNTRY}? My brother {FIRST} is in {CITY} and needs it by {DATE}.",
    "{NICK} if you're reading this, I still have your {BRAND} {EMOJI}",
    "The {DISEASE} support group meets at {VENUE}, first {WEEKDAY} of the month. Ask for {FIRST}.",
    "Mark my words, {PERSCO} will buy {BRAND} before {HOLIDAY}. (not Mark the person lol)",
    "Selling 2 tickets for {BAND} at {VENUE} on {DATE}. {PRICE} each. DM {HANDLE}.",
    "Hope is not a strategy, as my boss {FULL} likes to say every {WEEKDAY}.",
    "{WNAME} and {WNAME} from the {CITY} meetup, your jackets are still at {VENUE}.",
    "I'm a {JOB} in {STATE} and my manager {FIRST} keeps scheduling me on {HOLIDAY}. Legal?",
    "Grace period ended on {DATE} and {PERSCO} charged me anyway. Account {ACCT}.",
]
T["chat"] += [
    "{FIRST#1}: where r u\n{FIRST#2}: {LOC}\n{FIRST#1}: which entrance\n{FIRST#2}: by the {BRAND} store",
    "[{TIME}] <{USER}> gg\n[{TIME}] <{USER}> rematch {WEEKDAY}?\n[{TIME}] <{USER}> sure, server {IP}",
    "{FIRST}: {FIRST} got engaged!!! {EMOJI}\n{FIRST}: to {FULL}??\n{FIRST}: yes! wedding {DATE} in {CITY}",
    "{FIRST#1}: sent you {PRICE} on {APP}\n{FIRST#2}: got it ty\n{FIRST#1}: ur {APP} is {HANDLE} right",
    "[{TIME}] {FIRST}: happy birthday {WNAME}!! {EMOJI}\n[{TIME}] {WNAME}: thank youuu",
    "{FIRST}: can someone cover my shift {DATE}\n{FIRST}: I can. tell {LAST}\n{FIRST}: legend",
    "<{FIRST}> anyone watching {FILM}?\n<{FIRST}> {FIRST} spoiled it for me on {DATE}",
    "[{TIME}] Mum: {FIRST} call grandma, she's {AGE} tomorrow\n[{TIME}] {FIRST}: I know mum",
    "{FIRST}: the new office is {ADDR}\n{FIRST}: parking?\n{FIRST}: ask {FULL} at reception",
    "{USER}: who's the {JOB} on the {PERSCO} account\n{USER}: {FULL}, {EMAIL}",
]
T["email"] += [
    "Hi {FIRST},\n\nJust a reminder that rent for {MONTH} is due. Bank: {IBAN}, ref {LAST}.\n\nThanks,\n{FULL}\n{PHONE}",
    "From: noreply@{BRANDDOM}\nTo: {EMAIL}\nSubject: Your {BRAND} receipt\n\nOrder {ORDER} placed on {DATE}. Billing name: {FULL}.",
    "Team,\n{FULL} is out on {HOLIDAY}; escalate to {FULL} ({PHONE}).\n\n{FIRST}\nSent from my iPhone",
    "Dear {FIRST} and {FIRST},\nThank you for staying with us at {VENUE}. We hope to welcome you back to {CITY} soon.\n{FULL}, General Manager",
    "Hello,\nI'm {FULL}, a {JOB} at {VENUE}. I'd love to connect re: {DISEASE} research. {URL}\nBest, {FIRST}",
    "Subject: {ACRO} - office closed {DATE}\n\nAll, the {CITY} office at {ADDR} will be closed. Questions to {EMAIL}.\n{FULL}",
]
T["patient"] += [
    "i think i have {DISEASE}?? my mum {FIRST} had it. can i get seen at {VENUE} this week. {FULL}, {PHONE}",
    "Hi, I'm caring for {FULL} who is {AGE}. Her {DRUG} ran out on {DATE}. Pharmacy: {VENUE}.",
    "To Dr. {LAST}'s office: please send my records to {ADDR}. Name {FULL}, DOB {DATE}, NHS number {ACCT}.",
    "is it ok to give my 6 year old {DRUG}? she's {QTY}. thanks, {FIRST}",
    "Appointment request: {FULL}, {EMAIL}. Prefer {WEEKDAY} mornings. Reason: follow-up on {DISEASE}.",
    "Hi pharmacy team, prescription for {LAST}, {FIRST} (born {DATE}) - can {FIRST} collect it for me?",
]
T["dating"] += [
    "hi! {FIRST} here. {NAT}/{NAT}. I make a mean curry and I'll judge your {BAND} opinions. {EMOJI}",
    "Will I reply? Probably. I'm {FIRST}, {JOB}, love {APP} streaks and {TEAM}.",
    "{FIRST}, 40, divorced, two kids, {CITY}. Let's get coffee at {VENUE}.",
    "summer is my season. i'm {WNAME}, from {CITY}, insta {HANDLE}",
    "Originally from {CITY}, grew up in {COUNTRY}, now in {HOOD}. {LANG} speaker. Ask me about {BOOK}.",
]
T["credits"] += [
    "Written and Directed by {FULL}\nBased on the novel {BOOK} by {FULL}",
    "The author wishes to thank {FULL} of {VENUE}, {FULL}, and above all {FIRST}, without whom nothing.",
    'Guest vocals on "{SONG}": {FULL}. Drums: {FIRST} {LAST}. Recorded {DATE} at {VENUE}.',
    "Podcast notes: this week {FULL} talks {DISEASE}, {DRUG} and growing up in {CITY}. Follow {HANDLE}.",
    "Produced by {FULL} for {PERSCO} Pictures. Line producer: {FULL}. Location manager: {FULL}.",
    "Dedicated to the memory of {FULL}, {DATE}.",
]
T["press"] += [
    "{CITY} man {FULL}, 42, was charged on {DATE} following a collision on the A38 near {LOC}.",
    "Tributes have been paid to {FULL}, a much-loved {JOB} at {VENUE}, who died on {DATE}.",
    "{TEAM} 2-2 {TEAM}: {LAST} rescued a point late on at {VENUE}. {FULL} was sent off.",
    "Marathon results: {FULL} ({CITY}) won in 2:11:04, ahead of {FULL} and {FULL}.",
    "{PERSCO} will open a factory in {CITY}, {STATE}, creating 400 jobs, spokesperson {FULL} said on {DATE}.",
    "Councillors voted on {DATE} to rename {VENUE} after {FULL}, who founded the {ORG} branch there.",
    "WEATHER WARNING: Flooding expected in {CITY} and {CITY} from {DATE}. Contact {PHONE} for sandbags.",
]
T["obituary"] += [
    "{FULL} of {HOOD}, {CITY}, died {DATE} aged {AGE}. A retired {JOB} and devoted {TEAM} supporter. Predeceased by wife {FIRST}.",
    "Peacefully at {VENUE} on {DATE}, {FULL}, aged {AGE}, formerly of {ADDR}.",
    "Rest in peace, {NICK}. {FULL} ({DATE} - {DATE}). Service at {VENUE}. Enquiries {PHONE}.",
]
T["newsletter"] += [
    "Staff spotlight: meet {FULL}, our new {JOB}! {FIRST} joins from {VENUE} and loves {BAND}.",
    "Well done to the under-11s, who beat {VENUE} 4-0 on {DATE}. Player of the match: {FIRST} {LAST}.",
    "Sunday school resumes {DATE}. Volunteers please contact {FULL} ({EMAIL}).",
    "Happy 100th birthday to {FULL}, our oldest member! Actually she's {AGE}, she insists we say so.",
    "Allotment society: plot 14 reassigned to {FULL}. Keys from {FIRST} at {ADDR}.",
]
T["job"] += [
    "{FULL} — {JOB}\nPreviously at {PERSCO}, {BRAND}. Based in {CITY}. {URL}",
    "Ref letter: I have known {FULL} since {DATE} when she joined {PERSCO} as {JOB}.",
    "Job #{N}: {JOB}, {CITY}. Apply by {DATE}. Recruiter: {FULL}, {PHONE}, {EMAIL}.",
    "EDUCATION\n{VENUE}, {CITY} — BSc\nSKILLS: {LANG}, {APP}, {ACRO}\nCONTACT: {EMAIL}",
]
T["review"] += [
    "5 stars for {VENUE}. {FIRST} and {FIRST} made our anniversary on {DATE} perfect.",
    "App crashes every time I open {APP} on my {BRAND}. Reported as {TICKET}, no reply.",
    "{FULL} is the best driving instructor in {CITY}! Passed first time on {DATE}.",
    "Rooms at {VENUE} smelled. Manager {LAST} offered {PRICE} off. Meh.",
    "Love this {BRAND} blender. My daughter {FIRST} uses it daily. {EMOJI}",
    "Vet at {VENUE} saved our dog {WNAME}. Thank you Dr {LAST}!!",
]
T["support_chat"] += [
    "Bot: Please enter your order number.\nUser: {ORDER}\nBot: Thanks. Is the delivery address still {ADDR}?\nUser: yes",
    "Agent {FIRST}: I've refunded {PRICE} to the card ending {N4}. Anything else, {FIRST}?\nCustomer: no thanks",
    "Customer: why was I charged twice?? my email is {EMAIL}\nAgent: Sorry {FIRST}! I've opened {TICKET}.",
    "{BRAND} Chat\nYou: hi, I can't log in, username {USER}\n{FIRST}: Let me check. Are you in {CITY}?\nYou: no, {CITY}",
]
T["delivery"] += [
    "Hi {FIRST}, your {PERSCO} order will be delivered {DATE}. Driver: {FIRST}. Safe place: behind the bin at {ADDR}.",
    "Delivered to {FULL} at {TIME} on {DATE}. Signed by: {LAST}.",
    "Your {BRAND} return has been received at {VENUE}. Refund of {PRICE} to card {CARD}.",
]
T["form"] += [
    "Full name: {FULL}\nAge: {AGE}\nNext of kin: {FULL}\nPhone: {PHONE}\nState: {STATE}",
    "Customer ID: {ACCT}\nName: {FULL}\nCard: {CARD}\nExpiry: {MONTH}\nBilling address: {ADDR}",
    "Incident report\nDate: {DATE}\nLocation: {VENUE}\nWitness: {FULL}, {PHONE}\nOfficer: {TITLE} {LAST}",
    "Student: {FULL}\nSchool: {VENUE}\nParent email: {EMAIL}\nDOB: {DATE}",
]
T["spreadsheet"] += [
    "Date;Driver;Route;Plate\n{DATE};{FULL};{CITY}-{CITY};{PLATE}\n{DATE};{FULL};{CITY}-{CITY};{PLATE}",
    "Guest list\n1. {FULL} (+1)\n2. {FULL}\n3. {FIRST} & {FIRST} {LAST}\n4. {FULL}",
    "username,ip,last_seen\n{USER},{IP},{DATE}\n{USER},{IP},{DATE}",
]
T["travel"] += [
    "Booking confirmed: {FULL}, 2 adults, {VENUE}, check-in {DATE}, check-out {DATE}. Total {PRICE}.",
    "Train {CITY} → {CITY}, {DATE} {TIME}. Seat 42A. Passenger: {FULL}. Ref {ID}.",
    "Trip plan: {DATE} ferry from {CITY}; stay with {FIRST}'s cousin in {HOOD}; {DATE} back home.",
]
T["invite"] += [
    "{FIRST} & {FIRST} are getting married! Save the date: {DATE}, {VENUE}, {CITY}.",
    "Join us for {HOLIDAY} lunch at {ADDR}, {TIME}. Regrets only to {PHONE}. – the {LAST} family",
    "You're invited: {FULL}'s retirement do, {DATE}, {VENUE}. {ACRO} to {EMAIL}.",
]
T["classified"] += [
    "Found keys with a {BRAND} fob near {LOC} on {DATE}. Handed to {VENUE}.",
    "Babysitter available in {HOOD}. I'm {FIRST}, 19, first aid trained. {PHONE}",
    "Garage sale {DATE} at {ADDR}. Everything must go! ask for {FIRST}",
    "Missing cat: {WNAME}, grey tabby, chipped. {HOOD} area. {FULL}, {EMAIL}.",
]
T["recipe"] += [
    "Auntie {FIRST}'s jollof (from her kitchen in {CITY}): {QTY} rice, {QTY} tomatoes. Every {HOLIDAY} without fail.",
    "My neighbour {FULL} taught me this {NAT} stew on {DATE}. Don't skip the {QTY} of paprika.",
    "Recipe card: Babcia {FIRST}'s cheesecake. {QTY} cream cheese, {QTY} sugar. Serves 8.",
]

PERSON_SLOTS = {"FULL", "FIRST", "LAST", "LAST0", "EMAIL", "USER", "HANDLE", "URL"}
TITLES = ["Dr.", "Dr", "Mr", "Mrs.", "Ms", "Prof.", "Sgt.", "Rev.", "Nurse", "Coach", "Mx", "Sister"]
RELN = ["mother", "husband", "daughter", "brother", "wife", "son", "partner", "neighbour"]

NEWS_CAPS = [
    "BREAKING: {FULL} NAMED NEW {JOB} AT {PERSCO}",
    "{TEAM} SIGN {FULL} FROM {TEAM}",
    "FIRE AT {VENUE} ON {DATE}, SAYS {TITLE} {LAST}",
]

SLOT_RE = re.compile(r"\{([A-Z_0-9]+)(?:#(\d))?\}")


def expand_tmpl(g, tmpl):
    if tmpl == "{ALLCAPS_NEWS}":
        return g.ch(NEWS_CAPS), True
    return tmpl, False


def render(g, tmpl):
    """Return list of (text, type) pieces; type None=plain, 'IGN'=ignore, else span type."""
    tmpl, caps = expand_tmpl(g, tmpl)
    people = {}
    pieces = []
    pos = 0
    for m in SLOT_RE.finditer(tmpl):
        if m.start() > pos:
            pieces.append((tmpl[pos : m.start()], None))
        pos = m.end()
        slot, k = m.group(1), m.group(2)
        p = None
        if slot in PERSON_SLOTS:
            if k is not None:
                if k not in people:
                    people[k] = g.person()
                p = people[k]
            elif slot not in ("EMAIL", "URL", "USER", "HANDLE"):
                p = g.person()
        pieces.extend(slot_pieces(g, slot, p))
    if pos < len(tmpl):
        pieces.append((tmpl[pos:], None))
    return pieces, caps


def slot_pieces(g, s, p):
    r = g.r
    if s == "FULL":
        if r.random() < 0.07:  # nickname in quotes inside full name -> one span
            return [(f'{p.first} "{g.ch(NICKS)}" {p.last}', "NAME")]
        return [(g.full(p), "NAME")]
    if s == "FIRST":
        return [(p.first, "NAME")]
    if s in ("LAST",):
        return [(p.last, "NAME")]
    if s == "LAST0":
        return [(p.last[0] + ".", "NAME")]
    if s == "NICK":
        return [(g.ch(NICKS), "NAME")]
    if s == "WNAME":
        return [(g.ch(WORDNAMES), "NAME")]
    if s == "EMAIL":
        return [(g.email(p), "EMAIL")]
    if s == "USER":
        return [(g.uname(p), "ID")]
    if s == "HANDLE":
        return [(g.handle(p), "ID")]
    if s == "URL":
        return [(g.url(p), "URL")]
    if s == "CITY":
        return [(g.city(), "LOCATION")]
    if s == "LOC":
        return [(g.location(), "LOCATION")]
    if s == "VENUE":
        return [(g.venue(), "LOCATION")]
    if s == "HOOD":
        return [(g.ch(HOODS), "LOCATION")]
    if s == "ADDR":
        return [(g.address(), "ADDRESS")]
    if s == "DATE":
        return [(g.date(), "DATE")]
    if s == "PHONE":
        return [(g.phone(), "PHONE")]
    if s == "IP":
        return [(g.ip(), "IP")]
    if s == "ID":
        return [(g.ident(), "ID")]
    if s in ("ORDER", "TICKET", "PASSPORT", "IBAN", "CARD", "ACCT", "TRACK", "PLATE"):
        return [(g.ident(s.lower()), "ID")]
    if s == "N4":
        return [("".join(str(r.randint(0, 9)) for _ in range(4)), "ID")]
    if s == "AGE":
        return [(str(r.randint(90, 106)), "AGE")]
    if s == "COUNTRY":
        return [(g.ch(COUNTRY), "IGN")]
    if s == "STATE":
        return [(g.ch(STATE), "IGN")]
    if s == "CONT":
        return [(g.ch(CONT), "IGN")]
    if s == "YEAR":
        return [(str(r.randint(1950, 2025)), "IGN")]
    if s == "BRANDDOM":
        return [(g.ch(["amazon.co.uk", "apple.com", "ikea.com", "nike.com"]), None)]
    if s == "N":
        return [(str(r.randint(1, 999)), None)]
    if s == "TITLE":
        return [(g.ch(TITLES), None)]
    if s == "RELN":
        return [(g.ch(RELN), None)]
    if s == "PRICE":
        return [(g.price(), None)]
    if s == "QTY":
        return [(g.qty(), None)]
    if s == "TIME":
        return [(g.time(), None)]
    lists = dict(
        BRAND=BRAND,
        PERSCO=PERSCO,
        ORG=ORG,
        APP=APP,
        BAND=BAND,
        TEAM=TEAM,
        SONG=SONG,
        FILM=FILM,
        BOOK=BOOK,
        HOLIDAY=HOLIDAY,
        WEEKDAY=WEEKDAY,
        MONTH=MONTH,
        NAT=NAT,
        LANG=LANG,
        DISEASE=DISEASE,
        DRUG=DRUG,
        JOB=JOB,
        ACRO=ACRO,
        HASHTAG=HASHTAG,
        EMOJI=EMOJI,
    )
    if s in lists:
        v = g.ch(lists[s])
        # sentence-initial "the X" is fine; keep as plain text
        return [(v, None)]
    raise KeyError(s)


def assemble(pieces, mode):
    text, spans, ign = "", [], []
    for t, typ in pieces:
        if mode == "lower":
            t = t.lower()
        elif mode == "upper":
            t = t.upper()
        s = len(text)
        text += t
        if typ and t:
            # trim edge whitespace defensively (computed on the piece itself)
            ls = len(t) - len(t.lstrip())
            rs = len(t) - len(t.rstrip())
            a, b = s + ls, s + len(t) - rs
            if b > a and typ == "NAME" and spans and spans[-1]["type"] == "NAME" and text[spans[-1]["end"] : a] == " ":
                spans[-1]["end"] = b  # "{FIRST} {LAST}" -> one NAME span
            elif b > a:
                (
                    ign.append({"start": a, "end": b})
                    if typ == "IGN"
                    else spans.append({"start": a, "end": b, "type": typ})
                )
    return text, spans, ign


def check(rec):
    text = rec["text"]
    allr = []
    for sp in rec["spans"]:
        assert sp["type"] in TYPES, sp
        assert 0 <= sp["start"] < sp["end"] <= len(text), sp
        frag = text[sp["start"] : sp["end"]]
        assert frag == frag.strip() and frag, (frag, rec["id"])
        allr.append((sp["start"], sp["end"]))
    for ig in rec["ignore"]:
        assert 0 <= ig["start"] < ig["end"] <= len(text)
        frag = text[ig["start"] : ig["end"]]
        assert frag == frag.strip() and frag
        allr.append((ig["start"], ig["end"]))
    allr.sort()
    for (a1, b1), (a2, b2) in zip(allr, allr[1:]):
        assert b1 <= a2, ("overlap", rec["id"], text[a1:b1], text[a2:b2])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=51)
    ap.add_argument("--n", type=int, default=4000)
    ap.add_argument("--out", default="/work/main/.cache/pii_ner/general2.jsonl")
    a = ap.parse_args()
    g = Gen(a.seed)
    genres = sorted(T)
    ntmpl = sum(len(v) for v in T.values()) + len(NEWS_CAPS) - 1
    recs = []
    for i in range(a.n):
        genre = genres[i % len(genres)] if i < len(genres) else g.ch(genres)
        tmpl = g.ch(T[genre])
        pieces, caps = render(g, tmpl)
        x = g.r.random()
        if caps:
            mode = "upper"
        elif genre in SOCIAL and x < 0.33:
            mode = "lower"
        elif x > 0.96:
            mode = "upper"
        else:
            mode = None
        text, spans, ign = assemble(pieces, mode)
        rec = {"id": f"w{i + 1:05d}", "genre": genre, "text": text, "spans": spans, "ignore": ign}
        check(rec)
        recs.append(rec)
    with open(a.out, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    c = Counter(sp["type"] for r in recs for sp in r["spans"])
    print(f"wrote {len(recs)} records to {a.out}; templates={ntmpl}; ignore={sum(len(r['ignore']) for r in recs)}")
    for k, v in sorted(c.items()):
        print(f"  {k}: {v}")
    print("  genres:", dict(Counter(r["genre"] for r in recs)))


if __name__ == "__main__":
    import os

    # some Faker locale data is iterated in hash order; pin hashing for determinism
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    main()
