#!/usr/bin/env python3
"""Generate annotated short general-English texts with personal identifiers.

What it generates
-----------------
Synthetic, annotated snippets (trivia, music/film/book facts, credits and
bylines, chat/ticket headers, bare statements, customer-service requests,
travel stories, short bios, complaints, listings, invitations, Q&A about
people, key:value forms, lists, a few health-forum questions, very short
texts, and ~10% texts without any identifier) for tuning a PII/PHI
de-identifier.  Names, places, streets, phones, IDs... come from Faker with
many locales (Cyrillic/Greek output is transliterated, CJK names are
romanised, a few name lists are written by hand) plus hand-made lists and
formats.  Offsets are recorded while the text is assembled.

Output: JSON lines
    {"id": str, "text": str,
     "spans":  [{"start": int, "end": int, "type": str}],
     "ignore": [{"start": int, "end": int}]}
Types: NAME, LOCATION, ADDRESS, DATE, PHONE, EMAIL, URL, IP, ID, AGE.

Annotation policy (US HIPAA Safe Harbor)
----------------------------------------
* NAME: any person's name (given, family, full, middle initials,
  hyphenated, diacritics, lower-case, "Last, First" as one span).  Titles
  (Mr./Dr./Prof.) and the possessive 's stay OUTSIDE the span.
* LOCATION: geographic units smaller than a state/province (cities, towns,
  villages, districts, neighbourhoods) and named facilities/venues
  (hospitals, schools, parks, stadiums, hotels, stations...).
* ADDRESS: a street address as one span (number, street, unit, city,
  postcode together); a state/province or country inside it is `ignore`, and
  the ADDRESS span is split around it.  A bare street name is ADDRESS too.
* DATE: every date element except a lone year: full dates in any format,
  day+month, month+year ("June 2019" = one span), birthdays, day-of-month
  ("the 14th" -> "14th").  Times of day and weekdays are not annotated
  (a weekday next to a date stays outside the DATE span).
* PHONE: phone/fax numbers, national and international.  For extensions the
  word "ext." is outside; the extension digits are a separate PHONE span.
* EMAIL, URL (URLs and bare domains), IP (v4/v6),
  ID (card numbers, IBANs, SSNs and other national ID numbers, driver's
  licences, passports, account/member/policy/order/ticket numbers, MRNs,
  VINs, licence plates; the label word is outside the span).
* AGE: only ages 90 and over (the number, or an ordinal such as "95th");
  younger ages are plain text.
* ignore (neither identifier nor ordinary text): countries,
  states/provinces/regions (full or abbreviated), lone years,
  organisation/company names, job titles, nationalities, religious and
  political groups.

Seeds
-----
    train: python make_general_tuning3.py --seed 3101 --n 5000 --out gen3_train.jsonl
    dev:   python make_general_tuning3.py --seed 3202 --n 1000 --out gen3_dev.jsonl
    check: python make_general_tuning3.py --check gen3_train.jsonl

Output is deterministic for a given seed (random.Random(seed) plus
Faker.seed_instance per locale; the script re-executes itself with
PYTHONHASHSEED=0 so nothing depends on hash order).

Provenance: written blind, i.e. without seeing medtune's de-identification
rules, its source code or any of its test/benchmark sets; the policy above is
the only thing it follows.
"""

import argparse
import ipaddress
import json
import os
import random
import re
import sys
import unicodedata
import warnings
import zlib

if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

TYPES = ("NAME", "LOCATION", "ADDRESS", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE")
IGN = "IGN"

# ---------------------------------------------------------------------------
# transliteration / script helpers
# ---------------------------------------------------------------------------
_CYR = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "є": "ye",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ѓ": "gj",
    "ќ": "kj",
    "љ": "lj",
    "њ": "nj",
    "џ": "dzh",
    "ј": "j",
    "ѕ": "dz",
    "'": "",
    "ʼ": "",
    "’": "",
}
_CYR_UK = dict(_CYR, **{"г": "h", "и": "y", "е": "e"})
_CYR_BG = dict(_CYR, **{"щ": "sht", "ъ": "a"})
_GRK = {
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "θ": "th",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ξ": "x",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "χ": "ch",
    "ψ": "ps",
    "ω": "o",
    "ά": "a",
    "έ": "e",
    "ή": "i",
    "ί": "i",
    "ό": "o",
    "ύ": "y",
    "ώ": "o",
    "ϊ": "i",
    "ΐ": "i",
    "ϋ": "y",
    "ΰ": "y",
}


def translit(s, table):
    if table is _GRK:
        s = unicodedata.normalize(
            "NFC", "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))
        )
    s = re.sub("ου", "ou", s)
    s = re.sub("Ου", "Ou", s)
    s = re.sub("ΟΥ", "OU", s)
    s = re.sub(r"(?<![^\W\d_])μπ", "b", s)
    s = re.sub(r"(?<![^\W\d_])Μπ", "B", s)
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in table:
            t = table[lo]
            if ch != lo and t:
                t = t[0].upper() + t[1:]
            out.append(t)
        else:
            out.append(ch)
    return "".join(out)


def is_latin(s):
    for ch in s:  # noqa: SIM110
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


_FOLD = {
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "Ae",
    "ß": "ss",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
    "þ": "th",
    "Þ": "Th",
    "ð": "d",
    "œ": "oe",
    "Œ": "Oe",
    "ə": "e",
    "Ə": "E",
}


def fold(s):
    s = "".join(_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def slug(s):
    s = fold(s).lower()
    return re.sub(r"[^a-z0-9]+", "", s)


def clean(s):
    return re.sub(r"[ \t]+", " ", str(s)).strip()


# ---------------------------------------------------------------------------
# hand-made lists
# ---------------------------------------------------------------------------
KO_LAST = [
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Shin",
    "Kwon",
    "Hwang",
    "Ahn",
    "Song",
    "Yoo",
    "Hong",
    "Jeon",
    "Baek",
    "Moon",
    "Yang",
]
KO_FIRST = [
    "Min-jun",
    "Seo-yeon",
    "Ji-woo",
    "Ha-eun",
    "Do-yun",
    "Seo-jun",
    "Ji-ho",
    "Su-bin",
    "Ye-jin",
    "Hyun-woo",
    "Eun-ji",
    "Jae-hyun",
    "Soo-ah",
    "Dong-hyun",
    "Yu-na",
    "Minseo",
    "Jiyoon",
    "Sungmin",
    "Hyejin",
    "Taeyang",
    "Bo-ram",
    "Young-ho",
    "Mi-kyung",
    "Sang-woo",
]
AR_FIRST = [
    "Mohammed",
    "Ahmed",
    "Fatima",
    "Aisha",
    "Omar",
    "Khalid",
    "Layla",
    "Youssef",
    "Mariam",
    "Hassan",
    "Noor",
    "Tariq",
    "Samira",
    "Rania",
    "Karim",
    "Hind",
    "Abdulrahman",
    "Salma",
    "Ibrahim",
    "Yasmin",
    "Mustafa",
    "Huda",
    "Bilal",
    "Zainab",
    "Walid",
    "Amira",
]
AR_LAST = [
    "Al-Mansouri",
    "El-Sayed",
    "Haddad",
    "Khoury",
    "Nasser",
    "Al-Farsi",
    "Abdallah",
    "Saleh",
    "Mahmoud",
    "Qasim",
    "Barakat",
    "Al-Hashimi",
    "bin Rashid",
    "Othman",
    "Al-Qahtani",
    "Farouk",
    "Hamdan",
    "Aziz",
    "El Amrani",
    "Benali",
    "Mourad",
    "al-Khatib",
    "Suleiman",
    "Darwish",
]
HE_FIRST = [
    "Noa",
    "Yael",
    "Itai",
    "Omer",
    "Tamar",
    "Eitan",
    "Shira",
    "Yonatan",
    "Avital",
    "Moshe",
    "Ronit",
    "Dov",
    "Liat",
    "Ariel",
    "Nir",
    "Michal",
    "Gilad",
    "Hadas",
    "Yossi",
    "Orly",
]
HE_LAST = [
    "Cohen",
    "Levi",
    "Mizrahi",
    "Peretz",
    "Biton",
    "Friedman",
    "Avraham",
    "Dahan",
    "Ben-David",
    "Shapiro",
    "Katz",
    "Azoulay",
    "Ohana",
    "Segal",
    "Rosenberg",
    "Ben-Ami",
    "Golan",
    "Amsalem",
]
TH_FIRST = [
    "Somchai",
    "Siriporn",
    "Nattapong",
    "Kanokwan",
    "Anong",
    "Prasert",
    "Wichai",
    "Ratana",
    "Chaiwat",
    "Pimchanok",
    "Thanawat",
    "Supaporn",
    "Kittisak",
    "Pornthip",
    "Apinya",
    "Sombat",
]
TH_LAST = [
    "Srisuk",
    "Thongchai",
    "Saetang",
    "Wongsawat",
    "Chaiyaporn",
    "Rattanakorn",
    "Boonmee",
    "Kaewkla",
    "Phromma",
    "Sukjai",
    "Jaidee",
    "Sirikul",
    "Charoenrat",
    "Intharasombat",
]
VI_FIRST = [
    "Văn An",
    "Thị Lan",
    "Minh Anh",
    "Quang Huy",
    "Thu Trang",
    "Đức Thắng",
    "Ngọc Ánh",
    "Hoàng Nam",
    "Thanh Hương",
    "Bảo Ngọc",
    "Tuấn Kiệt",
    "Phương Linh",
    "Thị Mai",
    "Văn Hùng",
    "Minh Châu",
    "Gia Bảo",
    "Khánh Vy",
    "Hữu Phước",
    "Thùy Dung",
    "Anh Tuấn",
]
HI_FIRST = [
    "Aarav",
    "Priya",
    "Rohan",
    "Ananya",
    "Vikram",
    "Sneha",
    "Arjun",
    "Kavya",
    "Siddharth",
    "Meera",
    "Rahul",
    "Divya",
    "Karthik",
    "Lakshmi",
    "Aditya",
    "Pooja",
    "Harpreet",
    "Gurpreet",
]

US_CITIES = [
    ("Springfield", "IL"),
    ("Boulder", "CO"),
    ("Eugene", "OR"),
    ("Ithaca", "NY"),
    ("Asheville", "NC"),
    ("Duluth", "MN"),
    ("Bozeman", "MT"),
    ("Tacoma", "WA"),
    ("Flagstaff", "AZ"),
    ("Savannah", "GA"),
    ("Burlington", "VT"),
    ("Pasadena", "CA"),
    ("Scranton", "PA"),
    ("Toledo", "OH"),
    ("Fresno", "CA"),
    ("Tulsa", "OK"),
    ("Boise", "ID"),
    ("Reno", "NV"),
    ("Dayton", "OH"),
    ("Lubbock", "TX"),
    ("Akron", "OH"),
    ("Provo", "UT"),
    ("Billings", "MT"),
    ("Madison", "WI"),
    ("Ann Arbor", "MI"),
    ("Chattanooga", "TN"),
    ("Yonkers", "NY"),
    ("Hoboken", "NJ"),
    ("Gainesville", "FL"),
    ("Santa Fe", "NM"),
    ("Bakersfield", "CA"),
    ("Fort Collins", "CO"),
    ("Kalamazoo", "MI"),
    ("Missoula", "MT"),
    ("Sioux Falls", "SD"),
    ("Anchorage", "AK"),
    ("Hilo", "HI"),
    ("Bangor", "ME"),
    ("Lafayette", "LA"),
    ("Wichita", "KS"),
    ("Des Moines", "IA"),
    ("Portland", "ME"),
    ("Galveston", "TX"),
    ("Naperville", "IL"),
    ("Cedar Rapids", "IA"),
    ("Biloxi", "MS"),
    ("Little Rock", "AR"),
    ("Wheeling", "WV"),
    ("Newport", "RI"),
    ("Dover", "DE"),
    ("Rapid City", "SD"),
    ("Fargo", "ND"),
    ("Omaha", "NE"),
    ("Lexington", "KY"),
    ("Stamford", "CT"),
    ("Worcester", "MA"),
    ("Nashua", "NH"),
    ("Durham", "NC"),
    ("Greenville", "SC"),
    ("Huntsville", "AL"),
    ("Spokane", "WA"),
    ("Laramie", "WY"),
]
US_STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
}
UK_TOWNS = [
    "Leeds",
    "Bristol",
    "Norwich",
    "Exeter",
    "York",
    "Swansea",
    "Aberdeen",
    "Dundee",
    "Bath",
    "Reading",
    "Croydon",
    "Luton",
    "Brighton",
    "Derby",
    "Wolverhampton",
    "Inverness",
    "Truro",
    "Harrogate",
    "Stockport",
    "Lancaster",
    "Carlisle",
    "Whitby",
    "Ely",
    "Wrexham",
    "Bangor",
    "Kendal",
    "Hexham",
    "Stroud",
    "Falmouth",
    "Perth",
    "Belfast",
    "Derry",
    "Cardiff",
    "Salford",
]
UK_NATIONS = ["United Kingdom", "UK", "England", "Scotland", "Wales", "Northern Ireland", "GB"]
CA_CITIES = [
    ("Halifax", "NS"),
    ("Moncton", "NB"),
    ("Kelowna", "BC"),
    ("Saskatoon", "SK"),
    ("Gatineau", "QC"),
    ("Trois-Rivières", "QC"),
    ("Sudbury", "ON"),
    ("Kingston", "ON"),
    ("Red Deer", "AB"),
    ("Brandon", "MB"),
    ("Charlottetown", "PE"),
    ("St. John's", "NL"),
    ("Whitehorse", "YT"),
    ("Sherbrooke", "QC"),
    ("Nanaimo", "BC"),
    ("Lethbridge", "AB"),
    ("Thunder Bay", "ON"),
    ("Yellowknife", "NT"),
    ("Longueuil", "QC"),
    ("Guelph", "ON"),
]
CA_PROV = {
    "NS": "Nova Scotia",
    "NB": "New Brunswick",
    "BC": "British Columbia",
    "SK": "Saskatchewan",
    "QC": "Quebec",
    "ON": "Ontario",
    "AB": "Alberta",
    "MB": "Manitoba",
    "PE": "Prince Edward Island",
    "NL": "Newfoundland and Labrador",
    "YT": "Yukon",
    "NT": "Northwest Territories",
}
AU_CITIES = [
    ("Fitzroy", "VIC"),
    ("Parramatta", "NSW"),
    ("Fremantle", "WA"),
    ("Toowoomba", "QLD"),
    ("Glenelg", "SA"),
    ("Hobart", "TAS"),
    ("Ballarat", "VIC"),
    ("Wollongong", "NSW"),
    ("Cairns", "QLD"),
    ("Darwin", "NT"),
    ("Newcastle", "NSW"),
    ("Bendigo", "VIC"),
    ("Launceston", "TAS"),
    ("Bunbury", "WA"),
    ("Mildura", "VIC"),
    ("Dubbo", "NSW"),
]
AU_STATES = {
    "VIC": "Victoria",
    "NSW": "New South Wales",
    "WA": "Western Australia",
    "QLD": "Queensland",
    "SA": "South Australia",
    "TAS": "Tasmania",
    "NT": "Northern Territory",
}
IN_CITIES = [
    ("Bengaluru", "Karnataka"),
    ("Pune", "Maharashtra"),
    ("Kochi", "Kerala"),
    ("Jaipur", "Rajasthan"),
    ("Lucknow", "Uttar Pradesh"),
    ("Indore", "Madhya Pradesh"),
    ("Coimbatore", "Tamil Nadu"),
    ("Mysuru", "Karnataka"),
    ("Nagpur", "Maharashtra"),
    ("Guwahati", "Assam"),
    ("Bhubaneswar", "Odisha"),
    ("Thiruvananthapuram", "Kerala"),
    ("Vadodara", "Gujarat"),
    ("Visakhapatnam", "Andhra Pradesh"),
    ("Ludhiana", "Punjab"),
    ("Dehradun", "Uttarakhand"),
    ("Madurai", "Tamil Nadu"),
    ("Patna", "Bihar"),
]
IN_AREAS = [
    "Koramangala",
    "Indiranagar",
    "Bandra West",
    "Andheri East",
    "Salt Lake",
    "Jayanagar",
    "Kothrud",
    "Vyttila",
    "Malviya Nagar",
    "Gomti Nagar",
    "Anna Nagar",
    "Hazratganj",
    "Baner",
]
BR_CITIES = [
    ("Campinas", "SP"),
    ("Niterói", "RJ"),
    ("Curitiba", "PR"),
    ("Recife", "PE"),
    ("Salvador", "BA"),
    ("Belo Horizonte", "MG"),
    ("Florianópolis", "SC"),
    ("Porto Alegre", "RS"),
    ("Manaus", "AM"),
    ("Fortaleza", "CE"),
    ("Santos", "SP"),
    ("Londrina", "PR"),
    ("Juiz de Fora", "MG"),
    ("Ribeirão Preto", "SP"),
    ("Olinda", "PE"),
    ("Petrópolis", "RJ"),
    ("Joinville", "SC"),
    ("Caxias do Sul", "RS"),
    ("Belém", "PA"),
]
BR_UF = {
    "SP": "São Paulo",
    "RJ": "Rio de Janeiro",
    "PR": "Paraná",
    "PE": "Pernambuco",
    "BA": "Bahia",
    "MG": "Minas Gerais",
    "SC": "Santa Catarina",
    "RS": "Rio Grande do Sul",
    "AM": "Amazonas",
    "CE": "Ceará",
    "PA": "Pará",
}
BR_BAIRROS = [
    "Centro",
    "Jardim América",
    "Vila Mariana",
    "Boa Viagem",
    "Savassi",
    "Moinhos de Vento",
    "Pinheiros",
    "Batel",
    "Barra",
    "Aldeota",
    "Icaraí",
    "Trindade",
    "Gonzaga",
    "Lapa",
]
MX_CITIES = [
    ("Guadalajara", "Jalisco"),
    ("Monterrey", "Nuevo León"),
    ("Mérida", "Yucatán"),
    ("Oaxaca de Juárez", "Oaxaca"),
    ("Tijuana", "Baja California"),
    ("León", "Guanajuato"),
    ("Morelia", "Michoacán"),
    ("Cancún", "Quintana Roo"),
    ("Zapopan", "Jalisco"),
    ("Toluca", "Estado de México"),
    ("Hermosillo", "Sonora"),
    ("Xalapa", "Veracruz"),
    ("San Cristóbal de las Casas", "Chiapas"),
    ("Ensenada", "Baja California"),
]
MX_COLONIAS = [
    "Col. Centro",
    "Col. Roma Norte",
    "Col. Americana",
    "Col. del Valle",
    "Col. Chapultepec",
    "Fracc. Las Palmas",
    "Col. Condesa",
    "Col. Providencia",
    "Barrio de Santiago",
    "Col. Jardines",
]
AR_CITIES = [
    ("Mar del Plata", "Buenos Aires"),
    ("La Plata", "Buenos Aires"),
    ("San Carlos de Bariloche", "Río Negro"),
    ("Ushuaia", "Tierra del Fuego"),
    ("Rosario", "Santa Fe"),
    ("Villa Carlos Paz", "Córdoba"),
    ("San Rafael", "Mendoza"),
    ("Puerto Madryn", "Chubut"),
    ("Tandil", "Buenos Aires"),
    ("Posadas", "Misiones"),
]
UY_CITIES = [
    "Montevideo",
    "Salto",
    "Paysandú",
    "Maldonado",
    "Colonia del Sacramento",
    "Punta del Este",
    "Rivera",
    "Tacuarembó",
    "Mercedes",
    "Minas",
]
PE_CITIES = ["Arequipa", "Cusco", "Trujillo", "Iquitos", "Piura", "Chiclayo", "Huancayo", "Puno"]
JP_PREFS = [
    "Kanagawa",
    "Aichi",
    "Hokkaido",
    "Hyogo",
    "Saitama",
    "Chiba",
    "Miyagi",
    "Shizuoka",
    "Nagano",
    "Okinawa",
    "Ishikawa",
    "Gifu",
    "Mie",
    "Tochigi",
    "Gunma",
    "Ibaraki",
    "Niigata",
]
JP_CITIES = [
    "Yokohama",
    "Kawasaki",
    "Nagoya",
    "Sapporo",
    "Kobe",
    "Sendai",
    "Hamamatsu",
    "Naha",
    "Matsumoto",
    "Kitakyushu",
    "Kanazawa",
    "Sakai",
    "Okayama",
    "Kumamoto",
    "Nara",
    "Kyoto",
    "Fukuoka",
    "Hiroshima",
    "Otaru",
    "Kamakura",
    "Hakodate",
    "Nikko",
]
JP_WARDS = [
    "Naka-ku",
    "Kita-ku",
    "Chuo-ku",
    "Minami-ku",
    "Nishi-ku",
    "Aoba-ku",
    "Higashi-ku",
    "Tsurumi-ku",
    "Hakata-ku",
    "Sakyo-ku",
    "Showa-ku",
    "Kohoku-ku",
]
JP_DISTRICTS = [
    "Motomachi",
    "Sakae",
    "Umeda",
    "Tenjin",
    "Honcho",
    "Sakuragicho",
    "Nishiki",
    "Kamiyacho",
    "Ichibancho",
    "Shinmachi",
    "Hon-dori",
    "Kotobukicho",
    "Minatomirai",
]
KR_PROVS = [
    "Gyeonggi-do",
    "Gangwon-do",
    "Chungcheongbuk-do",
    "Jeollanam-do",
    "Gyeongsangbuk-do",
    "Gyeongsangnam-do",
    "Jeju-do",
    "Chungcheongnam-do",
]
KR_CITIES = [
    "Suwon-si",
    "Seongnam-si",
    "Goyang-si",
    "Yongin-si",
    "Chuncheon-si",
    "Cheongju-si",
    "Mokpo-si",
    "Pohang-si",
    "Jeju-si",
    "Changwon-si",
    "Cheonan-si",
    "Gangneung-si",
]
KR_METRO = ["Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Ulsan"]
KR_GU = [
    "Gangnam-gu",
    "Mapo-gu",
    "Jongno-gu",
    "Haeundae-gu",
    "Bundang-gu",
    "Yeonsu-gu",
    "Suseong-gu",
    "Seocho-gu",
    "Songpa-gu",
    "Yuseong-gu",
    "Nam-gu",
    "Dong-gu",
]
KR_ROADS = [
    "Teheran-ro",
    "Jungang-ro",
    "Sejong-daero",
    "Hyowon-ro",
    "Dongdaegu-ro",
    "Pangyoyeok-ro",
    "Haeun-daero",
    "Olympic-ro",
    "Yanghwa-ro",
    "Gukhoe-daero",
    "Dosan-daero",
    "Eulji-ro",
]
WORLD_CITIES = [
    "Chengdu",
    "Hangzhou",
    "Suzhou",
    "Xi'an",
    "Wuhan",
    "Kunming",
    "Qingdao",
    "Xiamen",
    "Shenzhen",
    "Nanjing",
    "Hà Nội",
    "Đà Nẵng",
    "Huế",
    "Hội An",
    "Nha Trang",
    "Cần Thơ",
    "Hải Phòng",
    "Chiang Mai",
    "Khon Kaen",
    "Hat Yai",
    "Udon Thani",
    "Pattaya",
    "Ayutthaya",
    "Quezon City",
    "Cebu City",
    "Davao",
    "Iloilo",
    "Baguio",
    "Bandung",
    "Yogyakarta",
    "Surabaya",
    "Denpasar",
    "Medan",
    "Makassar",
    "Malang",
    "George Town",
    "Ipoh",
    "Kuching",
    "Johor Bahru",
    "Izmir",
    "Bursa",
    "Eskişehir",
    "Antalya",
    "Trabzon",
    "Konya",
    "Gaziantep",
    "Haifa",
    "Be'er Sheva",
    "Netanya",
    "Herzliya",
    "Ra'anana",
    "Eilat",
    "Amman",
    "Irbid",
    "Zarqa",
    "Alexandria",
    "Giza",
    "Luxor",
    "Aswan",
    "Jeddah",
    "Dammam",
    "Muscat",
    "Sfax",
    "Oran",
    "Tangier",
    "Fez",
    "Marrakesh",
    "Ibadan",
    "Enugu",
    "Kano",
    "Port Harcourt",
    "Abeokuta",
    "Ikeja",
    "Mombasa",
    "Kisumu",
    "Nakuru",
    "Eldoret",
    "Durban",
    "Stellenbosch",
    "Soweto",
    "Pietermaritzburg",
    "Gqeberha",
    "Bloemfontein",
    "Kumasi",
    "Tamale",
    "Takoradi",
    "Thessaloniki",
    "Patras",
    "Heraklion",
    "Larissa",
    "Volos",
    "Ioannina",
    "Kazan",
    "Yekaterinburg",
    "Novosibirsk",
    "Samara",
    "Tver",
    "Irkutsk",
    "Vladivostok",
    "Lviv",
    "Kharkiv",
    "Odesa",
    "Dnipro",
    "Chernihiv",
    "Vinnytsia",
    "Tbilisi",
    "Batumi",
    "Yerevan",
    "Gyumri",
    "Almaty",
    "Tashkent",
    "Samarkand",
    "Lahore",
    "Karachi",
    "Faisalabad",
    "Chittagong",
    "Sylhet",
    "Kandy",
    "Galle",
    "Pokhara",
    "Lalitpur",
    "Reykjavík",
    "Akureyri",
    "Tartu",
    "Pärnu",
    "Kaunas",
    "Klaipėda",
    "Daugavpils",
    "Liepāja",
    "Valletta",
    "Sliema",
    "Cork",
    "Galway",
    "Limerick",
    "Kilkenny",
    "Luxembourg City",
    "Esch-sur-Alzette",
    "Nicosia",
    "Limassol",
    "Tirana",
    "Durrës",
    "Skopje",
    "Ohrid",
    "Sarajevo",
    "Mostar",
    "Novi Sad",
    "Niš",
    "Plovdiv",
    "Varna",
    "Burgas",
    "Kraków",
    "Wrocław",
    "Gdańsk",
    "Brno",
    "Olomouc",
    "Debrecen",
    "Szeged",
    "Pécs",
    "Cluj-Napoca",
    "Timișoara",
    "Iași",
    "Braşov",
    "Košice",
    "Maribor",
    "Split",
    "Rijeka",
    "Zadar",
    "Tampere",
    "Turku",
    "Oulu",
    "Bergen",
    "Trondheim",
    "Tromsø",
    "Aarhus",
    "Odense",
    "Aalborg",
    "Göteborg",
    "Malmö",
    "Uppsala",
    "Umeå",
    "Lyon",
    "Lille",
    "Nantes",
    "Montpellier",
    "Rennes",
    "Aix-en-Provence",
    "Bordeaux",
    "Ghent",
    "Leuven",
    "Liège",
    "Utrecht",
    "Groningen",
    "Eindhoven",
    "Freiburg im Breisgau",
    "Leipzig",
    "Bremen",
    "Regensburg",
    "Münster",
    "Graz",
    "Innsbruck",
    "Linz",
    "Basel",
    "Lausanne",
    "Lugano",
    "Bologna",
    "Turin",
    "Palermo",
    "Bari",
    "Verona",
    "Trieste",
    "Seville",
    "Valencia",
    "Bilbao",
    "Zaragoza",
    "Granada",
    "Salamanca",
    "Porto",
    "Coimbra",
    "Braga",
    "Faro",
    "Arequipa",
    "Cusco",
    "Medellín",
    "Cali",
    "Cartagena",
    "Valparaíso",
    "Concepción",
    "Quito",
    "Cuenca",
    "Guayaquil",
    "Santa Cruz de la Sierra",
    "Cochabamba",
    "Asunción",
    "Encarnación",
    "Montevideo",
    "Salto",
    "San José",
    "Antigua Guatemala",
    "León",
    "Granada",
    "Santo Domingo",
    "Ponce",
    "Kingston",
    "Port of Spain",
    "Bridgetown",
    "Nassau",
    "Halifax",
    "Victoria",
    "Quebec City",
    "Auckland",
    "Dunedin",
    "Rotorua",
    "Wellington",
    "Christchurch",
    "Suva",
    "Apia",
    "Adelaide",
    "Geelong",
]
NEIGHBOURHOODS = [
    "Kreuzberg",
    "Prenzlauer Berg",
    "Schwabing",
    "Trastevere",
    "Montmartre",
    "Le Marais",
    "Shimokitazawa",
    "Hongdae",
    "Itaewon",
    "Palermo Soho",
    "Miraflores",
    "Barranco",
    "Vila Madalena",
    "Jordaan",
    "De Pijp",
    "Södermalm",
    "Kallio",
    "Vesterbro",
    "Nørrebro",
    "Grünerløkka",
    "Žižkov",
    "Vinohrady",
    "Kazimierz",
    "Praga-Północ",
    "Józsefváros",
    "Kadıköy",
    "Beşiktaş",
    "Florentin",
    "Zamalek",
    "Yaba",
    "Westlands",
    "Bandra",
    "Koramangala",
    "Harlem",
    "Williamsburg",
    "Bushwick",
    "Mission District",
    "Capitol Hill",
    "Shoreditch",
    "Peckham",
    "Leith",
    "Ancoats",
    "Roath",
    "Plateau-Mont-Royal",
    "Kitsilano",
    "Newtown",
    "Ponsonby",
    "Gràcia",
    "Lavapiés",
    "Alfama",
    "Ostiense",
    "Neukölln",
    "Ehrenfeld",
    "St. Pauli",
    "Belleville",
    "Ixelles",
    "Jakobsberg",
    "Sham Shui Po",
    "Tiong Bahru",
    "Yanaka",
    "Condesa",
    "Coyoacán",
    "San Telmo",
    "Bellavista",
    "Chapinero",
    "Lapa",
    "Pelourinho",
    "Bo-Kaap",
    "Osu",
    "Lekki",
    "Kilimani",
    "Gangnam",
    "Nampo-dong",
]
SAINTS = [
    "Mary",
    "Joseph",
    "Luke",
    "Vincent",
    "Elizabeth",
    "Anne",
    "Jude",
    "Michael",
    "Thomas",
    "Catherine",
    "Francis",
    "Bernard",
    "Martin",
    "Agnes",
    "Patrick",
    "Bridget",
    "Clare",
    "George",
]
COUNTRIES = [
    "USA",
    "U.S.",
    "United States",
    "Canada",
    "Mexico",
    "Brazil",
    "Argentina",
    "Chile",
    "Colombia",
    "Peru",
    "Uruguay",
    "Germany",
    "Deutschland",
    "France",
    "Italy",
    "Italia",
    "Spain",
    "España",
    "Portugal",
    "Netherlands",
    "Belgium",
    "Switzerland",
    "Austria",
    "Österreich",
    "Poland",
    "Polska",
    "Czech Republic",
    "Czechia",
    "Slovakia",
    "Hungary",
    "Magyarország",
    "Romania",
    "Slovenia",
    "Croatia",
    "Hrvatska",
    "Sweden",
    "Sverige",
    "Norway",
    "Norge",
    "Denmark",
    "Danmark",
    "Finland",
    "Suomi",
    "Iceland",
    "Ireland",
    "Greece",
    "Turkey",
    "Türkiye",
    "Russia",
    "Ukraine",
    "Israel",
    "Jordan",
    "Egypt",
    "Morocco",
    "Nigeria",
    "Kenya",
    "Ghana",
    "South Africa",
    "India",
    "Pakistan",
    "Bangladesh",
    "Sri Lanka",
    "China",
    "Japan",
    "South Korea",
    "Korea",
    "Vietnam",
    "Viet Nam",
    "Thailand",
    "Philippines",
    "Indonesia",
    "Malaysia",
    "Singapore",
    "Australia",
    "New Zealand",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Georgia",
    "Armenia",
    "Kazakhstan",
]
REGIONS = [
    "Bavaria",
    "Bayern",
    "Saxony",
    "Hessen",
    "Baden-Württemberg",
    "Tyrol",
    "Tirol",
    "Catalonia",
    "Catalunya",
    "Andalusia",
    "Basque Country",
    "Lombardy",
    "Lombardia",
    "Tuscany",
    "Toscana",
    "Sicily",
    "Sardinia",
    "Brittany",
    "Bretagne",
    "Normandy",
    "Provence",
    "Île-de-France",
    "Occitanie",
    "Flanders",
    "Wallonia",
    "Ticino",
    "Zürich canton",
    "Valais",
    "Mazowieckie",
    "Małopolska",
    "Silesia",
    "Moravia",
    "Bohemia",
    "Transylvania",
    "Dalmatia",
    "Istria",
    "Lapland",
    "Uusimaa",
    "Skåne",
    "Jutland",
    "Ontario",
    "Alberta",
    "Manitoba",
    "Queensland",
    "Tasmania",
    "New South Wales",
    "Kerala",
    "Karnataka",
    "Punjab",
    "Gujarat",
    "Jalisco",
    "Yucatán",
    "Chiapas",
    "Bahia",
    "Minas Gerais",
    "Patagonia",
    "Mendoza Province",
    "Hokkaido",
    "Okinawa",
    "Kyushu",
    "Aichi",
    "Gyeonggi-do",
    "Jeju-do",
    "Sichuan",
    "Yunnan",
    "Guangdong",
    "Bali",
    "Java",
    "Mindanao",
    "Luzon",
    "Texas",
    "Ohio",
    "Colorado",
    "Vermont",
    "Alaska",
    "Oregon",
    "Florida",
    "Maine",
    "Kentucky",
    "Montana",
    "Arizona",
    "Scotland",
    "Wales",
    "Cornwall",
    "Yorkshire",
]
NATIONALITIES = [
    "Hungarian",
    "Czech",
    "Finnish",
    "Polish",
    "Turkish",
    "Vietnamese",
    "Chinese",
    "Japanese",
    "Korean",
    "Israeli",
    "Russian",
    "Ukrainian",
    "Greek",
    "Romanian",
    "Slovak",
    "Slovenian",
    "Croatian",
    "Swedish",
    "Norwegian",
    "Danish",
    "Dutch",
    "German",
    "French",
    "Italian",
    "Spanish",
    "Mexican",
    "Argentine",
    "Brazilian",
    "Portuguese",
    "Indian",
    "Nigerian",
    "Filipino",
    "Indonesian",
    "Thai",
    "Icelandic",
    "Irish",
    "Scottish",
    "Welsh",
    "Canadian",
    "Australian",
    "Kenyan",
    "Ghanaian",
    "Egyptian",
    "Moroccan",
    "Peruvian",
    "Chilean",
    "Colombian",
    "Uruguayan",
    "American",
]
GROUPS = [
    "Catholic",
    "Lutheran",
    "Muslim",
    "Jewish",
    "Hindu",
    "Buddhist",
    "Sikh",
    "Orthodox",
    "Methodist",
    "Baptist",
    "Quaker",
    "Mormon",
    "Anglican",
    "Evangelical",
    "Democrat",
    "Republican",
    "Labour",
    "Tory",
    "Green Party",
    "Social Democrats",
    "Christian Democrats",
    "Liberal Democrats",
    "Pirate Party",
]
ORGS = [
    "UNICEF",
    "Red Cross",
    "Médecins Sans Frontières",
    "Siemens",
    "Nokia",
    "Deutsche Bahn",
    "Ryanair",
    "Vodafone",
    "Amazon",
    "PayPal",
    "Revolut",
    "Monzo",
    "Chase",
    "Wells Fargo",
    "Santander",
    "ING",
    "BBVA",
    "Nubank",
    "Rakuten",
    "Samsung",
    "Tata Consultancy Services",
    "Royal Mail",
    "DHL",
    "FedEx",
    "UPS",
    "PostNL",
    "La Poste",
    "Correios",
    "Telekom",
    "Orange",
    "Spotify",
    "Netflix",
    "IKEA",
    "Lufthansa",
    "KLM",
    "Air India",
    "Qantas",
    "Emirates",
    "London Symphony Orchestra",
    "Czech Philharmonic",
    "Wiener Philharmoniker",
    "Orquesta Sinfónica de Galicia",
    "Sydney Dance Company",
    "Nordea",
    "Swedbank",
    "OTP Bank",
    "Raiffeisen",
    "Erste Group",
    "Allianz",
    "AXA",
    "Generali",
    "Zurich Insurance",
    "Aviva",
    "Kaiser Permanente",
    "Blue Cross",
    "Medicare",
    "NHS",
    "Uber",
    "Airbnb",
    "Booking.com",
    "Deliveroo",
    "Glovo",
    "Mercado Libre",
    "Grab",
    "Gojek",
    "Jumia",
    "Safaricom",
    "MTN",
]
JOBS = [
    "nurse",
    "software engineer",
    "accountant",
    "primary school teacher",
    "plumber",
    "pharmacist",
    "journalist",
    "architect",
    "paramedic",
    "chef",
    "bus driver",
    "lawyer",
    "data analyst",
    "electrician",
    "violinist",
    "photographer",
    "physiotherapist",
    "carpenter",
    "librarian",
    "translator",
    "midwife",
    "sound engineer",
    "film editor",
    "social worker",
    "dentist",
    "veterinarian",
    "graphic designer",
    "barista",
    "farmer",
    "professor of linguistics",
    "session drummer",
    "stage manager",
    "cardiologist",
    "retired postman",
    "sales manager",
]
TITLES = [
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Mx.",
    "Sr.",
    "Sra.",
    "Herr",
    "Frau",
    "Mme",
    "M.",
    "Pan",
    "Pani",
    "Dr",
    "Mr",
    "Mrs",
    "Rev.",
    "Sgt.",
    "Capt.",
]
WEEKDAYS = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
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
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MON_DOT = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MON_FOREIGN = {
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
}
SONG_WORDS = [
    "Midnight",
    "River",
    "Paper",
    "Hearts",
    "Electric",
    "Blue",
    "Summer",
    "Ghosts",
    "Velvet",
    "Highway",
    "Neon",
    "Silver",
    "Lanterns",
    "Gravity",
    "Echoes",
    "Golden",
    "Winter",
    "Static",
    "Wildflower",
    "Harbor",
    "Satellite",
    "Sparrow",
    "Ashes",
    "Tides",
    "Mirror",
]
EMAIL_DOMAINS = [
    "gmail.com",
    "yahoo.co.uk",
    "web.de",
    "seznam.cz",
    "wp.pl",
    "freemail.hu",
    "libero.it",
    "orange.fr",
    "gmx.at",
    "outlook.com",
    "mail.ru",
    "yandex.ru",
    "naver.com",
    "qq.com",
    "hotmail.es",
    "uol.com.br",
    "icloud.com",
    "proton.me",
    "t-online.de",
    "telia.com",
    "online.no",
    "suomi24.fi",
    "abv.bg",
    "rediffmail.com",
    "yahoo.co.jp",
    "daum.net",
    "walla.co.il",
    "163.com",
    "ukr.net",
    "inbox.lv",
    "hotmail.com",
    "me.com",
    "posteo.de",
    "kpnmail.nl",
    "sapo.pt",
    "bigpond.com",
    "xtra.co.nz",
    "shaw.ca",
    "comcast.net",
]
TLDS = [
    "com",
    "org",
    "net",
    "de",
    "fr",
    "it",
    "es",
    "pl",
    "cz",
    "hu",
    "fi",
    "se",
    "no",
    "dk",
    "nl",
    "be",
    "at",
    "ch",
    "co.uk",
    "ie",
    "pt",
    "com.br",
    "com.mx",
    "com.ar",
    "cl",
    "co",
    "jp",
    "co.kr",
    "cn",
    "vn",
    "in",
    "com.au",
    "co.nz",
    "io",
    "app",
    "dev",
    "info",
    "tv",
    "me",
    "ua",
]
US_DL = [
    "D###-####-####",
    "S###-###-##-###-#",
    "F#######",
    "#########",
    "A#######",
    "W###-###-##-###",
    "B## ### ###",
    "L###-####-####-##",
    "#### ## ####",
    "H#######",
    "DL ########",
]
ID_PATTERNS = {
    "account": ["##########", "ACC-######", "#### #### ####", "AC########", "###-######-##", "########-#"],
    "member": ["M#######", "MBR-######-##", "@@#######", "###-###-####", "HXG########", "@########"],
    "policy": ["PL-####-#####", "POL########", "@@@-#######", "#########-##", "P##########", "HC-####-###"],
    "order": ["#######", "###-#######-#######", "ORD-@@####", "#########", "W########", "@@-#####-##"],
    "ticket": ["#####", "INC#######", "CS-######", "REQ-#####", "T-####-@@"],
    "mrn": ["########", "#######", "##-###-###", "E#######"],
    "booking": ["@@@@@@", "@#@#@#", "BK########", "@@@###"],
    "customer": ["C########", "#######", "CUS-#####-@", "########"],
}


# ---------------------------------------------------------------------------
# context: rng + lazily created, deterministically seeded Faker instances
# ---------------------------------------------------------------------------
class Ctx:
    def __init__(self, seed):
        from faker import Faker  # imported lazily so --check works without faker

        self._Faker = Faker
        self.seed = seed
        self.rng = random.Random(seed)
        self._fk = {}
        self.people = {}

    def fk(self, loc):
        f = self._fk.get(loc)
        if f is None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                f = self._Faker(loc)
            f.seed_instance(zlib.crc32(("%d:%s" % (self.seed, loc)).encode()))
            self._fk[loc] = f
        return f

    # shortcuts
    def r(self):
        return self.rng.random()

    def ch(self, seq):
        return self.rng.choice(seq)

    def ri(self, a, b):
        return self.rng.randint(a, b)

    def wch(self, items):
        """items: list of (weight, value)"""
        tot = sum(w for w, _ in items)
        x = self.rng.random() * tot
        for w, v in items:
            x -= w
            if x < 0:
                return v
        return items[-1][1]


def digits(c, pattern):
    """# -> digit, @ -> capital letter, anything else literal."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(str(c.ri(0, 9)))
        elif ch == "@":
            out.append(c.ch("ABCDEFGHJKLMNPRSTUVWXYZ"))
        else:
            out.append(ch)
    return "".join(out)


def fake(c, loc, meth, *a, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return getattr(c.fk(loc), meth)(*a, **kw)


# ---------------------------------------------------------------------------
# people
# ---------------------------------------------------------------------------
NAME_LOCALES = [
    (4, "en_US"),
    (2, "en_GB"),
    (1, "en_IE"),
    (1, "en_AU"),
    (1, "en_NZ"),
    (1, "en_CA"),
    (2, "en_IN"),
    (1, "en_NG"),
    (0.5, "en_PK"),
    (0.5, "en_TH"),
    (0.5, "en_KE"),
    (2, "hu_HU"),
    (2, "cs_CZ"),
    (2, "fi_FI"),
    (2, "pl_PL"),
    (2, "tr_TR"),
    (2, "vi_VN"),
    (2, "zh_CN"),
    (1, "zh_TW"),
    (2, "ja_JP"),
    (1.5, "ko"),
    (1.5, "ar"),
    (1, "he"),
    (1, "th"),
    (2, "ru_RU"),
    (1.5, "uk_UA"),
    (1, "bg_BG"),
    (1.5, "el_GR"),
    (1.5, "ro_RO"),
    (1.5, "sk_SK"),
    (1, "sl_SI"),
    (1.5, "hr_HR"),
    (1.5, "sv_SE"),
    (1.5, "no_NO"),
    (1.5, "da_DK"),
    (1.5, "nl_NL"),
    (1, "nl_BE"),
    (2, "de_DE"),
    (1, "de_AT"),
    (1, "de_CH"),
    (2, "fr_FR"),
    (1, "fr_CA"),
    (2, "it_IT"),
    (2, "es_ES"),
    (1.5, "es_MX"),
    (1.5, "es_AR"),
    (1, "es_CL"),
    (1, "es_CO"),
    (2, "pt_BR"),
    (1.5, "pt_PT"),
    (1, "id_ID"),
    (1, "fil_PH"),
    (1, "et_EE"),
    (1, "lt_LT"),
    (1, "lv_LV"),
    (1, "ga_IE"),
    (1, "yo_NG"),
    (1, "ig_NG"),
    (0.7, "ha_NG"),
    (0.7, "tw_GH"),
    (1, "zu_ZA"),
    (1, "az_AZ"),
    (1, "uz_UZ"),
    (1, "is_IS"),
    (0.7, "sw"),
    (0.7, "fr_DZ"),
    (1, "hi"),
]
_TRANS = {"ru_RU": _CYR, "uk_UA": _CYR_UK, "bg_BG": _CYR_BG, "el_GR": _GRK}


def _gendered(c, loc, kind, g):
    f = c.fk(loc)
    m = "%s_%s" % (kind, g)
    try:
        if hasattr(f, m):
            return fake(c, loc, m)
    except Exception:
        pass
    return fake(c, loc, kind)


def new_person(c):
    loc = c.wch(NAME_LOCALES)
    g = c.ch(["male", "female"])
    order_last_first = False
    if loc == "ko":
        first, last = c.ch(KO_FIRST), c.ch(KO_LAST)
        order_last_first = c.r() < 0.3
    elif loc == "ar":
        first, last = c.ch(AR_FIRST), c.ch(AR_LAST)
    elif loc == "he":
        first, last = c.ch(HE_FIRST), c.ch(HE_LAST)
    elif loc == "th":
        first, last = c.ch(TH_FIRST), c.ch(TH_LAST)
    elif loc == "hi":
        first, last = c.ch(HI_FIRST), fake(c, "en_IN", "last_name")
    elif loc in ("ja_JP", "zh_CN", "zh_TW"):
        first = fake(c, loc, "first_romanized_name")
        last = fake(c, loc, "last_romanized_name")
        if loc == "zh_TW" and c.r() < 0.4:
            first, last = first.upper(), last.upper()
        order_last_first = loc != "ja_JP" and c.r() < 0.4
    elif loc == "vi_VN":
        first, last = c.ch(VI_FIRST), fake(c, loc, "last_name")
        order_last_first = c.r() < 0.6
    else:
        first = _gendered(c, loc, "first_name", g)
        last = _gendered(c, loc, "last_name", g)
        if loc in _TRANS:
            first, last = translit(first, _TRANS[loc]), translit(last, _TRANS[loc])
        if loc == "hu_HU":
            order_last_first = c.r() < 0.35
    first, last = clean(first), clean(last)
    if not is_latin(first + last) or not first or not last:
        first, last = fake(c, "en_US", "first_name"), fake(c, "en_US", "last_name")
    # double surnames / hyphenation
    if loc.startswith("es_") and c.r() < 0.35:
        last = last + " " + clean(fake(c, loc, "last_name"))
    elif loc.startswith("pt_") and c.r() < 0.3:
        last = clean(fake(c, loc, "last_name")) + " " + last
    elif c.r() < 0.06:
        other = clean(_gendered(c, loc if loc in _TRANS or "_" in loc else "en_US", "last_name", g))
        other = translit(other, _TRANS[loc]) if loc in _TRANS else other
        if is_latin(other) and other != last and " " not in other and " " not in last:
            last = last + "-" + other
    if c.r() < 0.08:
        first, last = fold(first), fold(last)
    mid = c.ch("ABCDEFGHIJKLMNOPRSTVWZ")
    return {"first": first, "last": last, "loc": loc, "lf": order_last_first, "mid": mid, "g": g}


def person(c, key):
    if key is None:
        return new_person(c)
    if key not in c.people:
        c.people[key] = new_person(c)
    return c.people[key]


def full_of(p):
    if p["lf"]:
        return p["last"] + " " + p["first"]
    return p["first"] + " " + p["last"]


def name_variant(c, p, kind):
    f, l = p["first"], p["last"]
    if kind == "full":
        s = full_of(p)
        x = c.r()
        if x < 0.05:
            s = s.lower()
        elif x < 0.08 and not p["lf"]:
            s = f + " " + p["mid"] + ". " + l
        return s
    if kind == "first":
        return f if c.r() > 0.05 else f.lower()
    if kind == "last":
        return l
    if kind == "mid":
        x = c.r()
        if x < 0.6:
            return f + " " + p["mid"] + ". " + l
        if x < 0.75:
            return f + " " + p["mid"] + " " + l
        if x < 0.9:
            return f[0] + ". " + p["mid"] + ". " + l
        return f[0] + ". " + l
    if kind == "rev":
        x = c.r()
        if x < 0.7:
            return l + ", " + f
        if x < 0.85:
            return l.upper() + ", " + f
        return l + ", " + f + " " + p["mid"] + "."
    if kind == "lower":
        return full_of(p).lower()
    if kind == "any":
        return name_variant(
            c, p, c.wch([(55, "full"), (12, "mid"), (12, "first"), (8, "last"), (5, "rev"), (4, "lower"), (4, "init")])
        )
    if kind == "init":
        return f[0] + ". " + l
    raise KeyError(kind)


# ---------------------------------------------------------------------------
# places
# ---------------------------------------------------------------------------
CITY_LOCALES = [
    "cs_CZ",
    "da_DK",
    "de_DE",
    "de_AT",
    "de_CH",
    "fi_FI",
    "hr_HR",
    "hu_HU",
    "it_IT",
    "nl_BE",
    "nl_NL",
    "no_NO",
    "pl_PL",
    "pt_PT",
    "ro_RO",
    "sk_SK",
    "sl_SI",
    "sv_SE",
    "es_AR",
    "es_CL",
    "es_CO",
    "en_IN",
    "en_NZ",
    "az_AZ",
    "fr_DZ",
    "zu_ZA",
    "id_ID",
    "ru_RU",
    "uk_UA",
    "el_GR",
    "vi_VN",
    "en_US",
    "en_AU",
    "fr_FR",
]
_RU_PREFIX = re.compile(r"^(клх|ст\.|г\.|к\.|п\.|с\.|д\.|пгт|селище|хутір|місто|село|смт)\s+")


def faker_city(c, loc):
    s = clean(fake(c, loc, "city"))
    s = _RU_PREFIX.sub("", s)
    if loc in _TRANS:
        s = translit(s, _TRANS[loc])
    if loc == "vi_VN":
        s = re.sub(r"^(thành phố|Thành phố|TP\.)\s+", "", s)
    if loc == "id_ID":
        s = re.sub(r"^Kota Administrasi\s+", "", s)
    if not is_latin(s) or not s:
        s = c.ch(WORLD_CITIES)
    return s


def any_city(c):
    x = c.r()
    if x < 0.45:
        return faker_city(c, c.ch(CITY_LOCALES))
    if x < 0.8:
        return c.ch(WORLD_CITIES)
    if x < 0.88:
        return c.ch(US_CITIES)[0]
    if x < 0.92:
        return c.ch(UK_TOWNS)
    return c.ch(
        [
            c.ch(CA_CITIES)[0],
            c.ch(AU_CITIES)[0],
            c.ch(IN_CITIES)[0],
            c.ch(BR_CITIES)[0],
            c.ch(MX_CITIES)[0],
            c.ch(AR_CITIES)[0],
            c.ch(UY_CITIES),
            c.ch(PE_CITIES),
            c.ch(JP_CITIES),
            c.ch(KR_METRO),
        ]
    )


def facility(c, kind=None):
    kind = kind or c.ch(["hospital", "school", "venue", "hotel", "park", "other"])
    city = any_city(c)
    sur = new_person(c)["last"]
    if kind == "hospital":
        return c.ch(
            [
                "%s General Hospital" % city,
                "St. %s's Hospital" % c.ch(SAINTS),
                "%s Memorial Hospital" % sur,
                "Klinikum %s" % city,
                "Hôpital Saint-%s" % c.ch(["Antoine", "Louis", "Joseph", "Vincent"]),
                "Ospedale San %s" % c.ch(["Raffaele", "Martino", "Giovanni", "Paolo"]),
                "Hospital Santa %s" % c.ch(["Maria", "Lucia", "Casa", "Marta"]),
                "%s Royal Infirmary" % city,
                "%s Children's Hospital" % city,
                "Mercy Medical Center",
                "%s Regional Medical Center" % city,
                "Szpital Miejski w %s" % city,
                "Fakultní nemocnice %s" % city,
                "%s University Hospital" % city,
                "the %s Clinic" % sur,
                "Sheba Medical Center",
                "Hospital Universitario %s" % city,
            ]
        )
    if kind == "school":
        return c.ch(
            [
                "%s Elementary School" % sur,
                "%s High School" % city,
                "Lycée %s" % full_of(new_person(c)),
                "%s Middle School" % sur,
                "St. %s Catholic School" % c.ch(SAINTS),
                "Colegio San %s" % c.ch(["Ignacio", "José", "Agustín", "Patricio"]),
                "Escola Estadual %s" % sur,
                "%s Grammar School" % city,
                "Gymnasium %s" % city,
                "%s Primary School" % sur,
                "%s Academy" % sur,
            ]
        )
    if kind == "venue":
        return c.ch(
            [
                "%s Arena" % city,
                "Estadio %s" % sur,
                "%s Stadium" % sur,
                "%s Concert Hall" % city,
                "Teatro %s" % sur,
                "%s Theatre" % sur,
                "%s Convention Centre" % city,
                "Palais des Sports de %s" % city,
                "%s Ice Rink" % city,
                "%s Town Hall" % city,
                "%s Opera House" % city,
            ]
        )
    if kind == "hotel":
        return c.ch(
            [
                "Hotel %s" % sur,
                "%s Grand Hotel" % city,
                "%s Inn" % sur,
                "Pension %s" % sur,
                "Hostal %s" % sur,
                "Ryokan %s" % fake(c, "ja_JP", "last_romanized_name"),
                "the %s Lodge" % sur,
                "Hotel %s Palace" % city,
                "%s Guesthouse" % sur,
            ]
        )
    if kind == "park":
        return c.ch(
            [
                "%s Park" % sur,
                "%s Botanical Garden" % city,
                "Parque %s" % sur,
                "%s Memorial Park" % sur,
                "Lake %s State Park" % sur,
                "%s Common" % city,
                "Jardin %s" % sur,
                "%s Forest Reserve" % sur,
            ]
        )
    return c.ch(
        [
            "%s Central Station" % city,
            "%s Public Library" % city,
            "%s Community Centre" % sur,
            "%s Airport" % city,
            "%s Bus Terminal" % city,
            "%s Market Hall" % city,
            "%s Senior Centre" % sur,
            "%s Fire Station" % city,
        ]
    )


def fac_seg(c, kind=None):
    s = facility(c, kind)
    if s.startswith("the "):
        return [("the ", None), (s[4:], "LOCATION")]
    return [(s, "LOCATION")]


def state_any(c):
    x = c.r()
    if x < 0.3:
        return c.ch(list(US_STATES.values()))
    if x < 0.5:
        return c.ch(list(US_STATES))
    if x < 0.8:
        return c.ch(REGIONS)
    loc = c.ch(
        [
            "cs_CZ",
            "da_DK",
            "de_DE",
            "hu_HU",
            "nl_NL",
            "pl_PL",
            "ro_RO",
            "sv_SE",
            "fi_FI",
            "es_AR",
            "es_CL",
            "sk_SK",
            "id_ID",
            "fr_FR",
        ]
    )
    try:
        s = clean(fake(c, loc, "administrative_unit"))
    except Exception:
        s = ""
    return s if s and is_latin(s) else c.ch(REGIONS)


def country_any(c):
    if c.r() < 0.75:
        return c.ch(COUNTRIES)
    s = clean(fake(c, c.ch(["en_US", "de_DE", "fr_FR", "es_ES", "cs_CZ", "pl_PL", "it_IT"]), "country"))
    if "(" in s or not is_latin(s):
        return c.ch(COUNTRIES)
    return s


# ---------------------------------------------------------------------------
# addresses (return segment lists)
# ---------------------------------------------------------------------------
STREET_LOCALES = [
    "cs_CZ",
    "da_DK",
    "de_DE",
    "de_AT",
    "de_CH",
    "fi_FI",
    "hr_HR",
    "hu_HU",
    "it_IT",
    "nl_BE",
    "nl_NL",
    "no_NO",
    "pl_PL",
    "pt_PT",
    "ro_RO",
    "sk_SK",
    "sl_SI",
    "sv_SE",
    "es_ES",
    "es_MX",
    "es_AR",
    "es_CL",
    "pt_BR",
    "fr_FR",
    "en_US",
    "en_GB",
    "en_AU",
    "en_IN",
    "en_NZ",
    "id_ID",
    "vi_VN",
    "ru_RU",
    "uk_UA",
    "el_GR",
    "en_MS",
    "en_IE",
]


def street(c, loc=None):
    loc = loc or c.ch(STREET_LOCALES)
    s = clean(fake(c, loc, "street_name"))
    if loc in _TRANS:
        s = translit(s, _TRANS[loc])
    if not is_latin(s) or not s:
        s = clean(fake(c, "en_US", "street_name"))
    return s


def bnum(c):
    return c.wch(
        [
            (5, str(c.ri(1, 199))),
            (2, str(c.ri(200, 9999))),
            (1, "%d%s" % (c.ri(1, 99), c.ch("abcABC"))),
            (1, "%d/%d" % (c.ri(1, 80), c.ri(1, 40))),
            (1, "%d-%d" % (c.ri(1, 60), c.ri(2, 90))),
        ]
    )


def A(s):
    return (s, "ADDRESS")


def I(s):  # noqa: E743
    return (s, IGN)


def P(s):
    return (s, None)


def nl_join(c, parts, seps=None):
    """join address lines with random separators"""
    seps = seps or [", ", "\n", ", ", ",\n", " ", "\n"]
    out = parts[0]
    sep = c.ch(seps)
    for p in parts[1:]:
        out += (sep if c.r() < 0.8 else c.ch(seps)) + p
    return out


def addr_us(c):
    city, st = c.ch(US_CITIES) if c.r() < 0.7 else (clean(fake(c, "en_US", "city")), c.ch(list(US_STATES)))
    line1 = "%s %s" % (fake(c, "en_US", "building_number"), street(c, "en_US"))
    if c.r() < 0.15:
        line1 = "%s %s %s" % (c.ri(1, 9999), c.ch(["N", "S", "E", "W", "NE", "SW"]), street(c, "en_US"))
    if c.r() < 0.4:
        line1 += c.ch([", Apt. ", " Apt ", ", Suite ", " #", ", Unit ", " Ste "]) + str(c.ri(1, 999))
    zipc = fake(c, "en_US", "zipcode") if c.r() < 0.85 else fake(c, "en_US", "zipcode_plus4")
    stt = st if c.r() < 0.8 else US_STATES[st]
    sep = c.ch([", ", "\n", " ", ",\n"])
    segs = [A(line1 + sep + city), P(c.ch([", ", " ", ",  "])), I(stt), P(" "), A(zipc)]
    if c.r() < 0.25:
        segs += [P(c.ch([", ", "\n", " "])), I(c.ch(["USA", "US", "United States", "U.S.A."]))]
    return segs


def addr_po(c):
    x = c.r()
    if x < 0.4:
        city, st = c.ch(US_CITIES)
        return [
            A("%s %d, %s" % (c.ch(["PO Box", "P.O. Box", "POB", "Post Office Box"]), c.ri(1, 99999), city)),
            P(", "),
            I(st),
            P(" "),
            A(fake(c, "en_US", "zipcode")),
        ]
    if x < 0.6:
        return [
            A(
                "Postfach %d %02d %02d, %05d %s"
                % (c.ri(10, 99), c.ri(0, 99), c.ri(0, 99), c.ri(1000, 99999), faker_city(c, "de_DE"))
            )
        ]
    if x < 0.75:
        body = "Apartado %s %d, %s" % (c.ch(["Postal", "de Correos", ""]), c.ri(1, 9999), c.ch(PE_CITIES + UY_CITIES))
        return [A(body.replace("  ", " "))]
    if x < 0.88:
        city, pr = c.ch(CA_CITIES)
        return [
            A("PO Box %d, Stn %s, %s" % (c.ri(1, 9999), c.ch(["Main", "A", "Central"]), city)),
            P(" "),
            I(pr),
            P(" "),
            A(fake(c, "en_CA", "postalcode")),
        ]
    return [A("Box %d\n%s %s" % (c.ri(1, 999), fake(c, "sv_SE", "postcode"), faker_city(c, "sv_SE")))]


def addr_de(c):
    loc = c.ch(["de_DE", "de_DE", "de_AT", "de_CH"])
    l1 = "%s %s" % (street(c, loc), bnum(c))
    if c.r() < 0.2:
        l1 += c.ch([", %d. OG" % c.ri(1, 6), ", Whg. %d" % c.ri(1, 40), ", Hinterhaus", ", Top %d" % c.ri(1, 20)])
    pc = {"de_DE": "%05d" % c.ri(1067, 99998), "de_AT": "%04d" % c.ri(1010, 9992), "de_CH": "%04d" % c.ri(1000, 9658)}[
        loc
    ]
    if c.r() < 0.2:
        pc = {"de_DE": "D-", "de_AT": "A-", "de_CH": "CH-"}[loc] + pc
    segs = [A(nl_join(c, [l1, pc + " " + faker_city(c, loc)]))]
    if c.r() < 0.35:
        segs += [
            P(c.ch(["\n", ", "])),
            I(
                {
                    "de_DE": c.ch(["Deutschland", "Germany"]),
                    "de_AT": c.ch(["Österreich", "Austria"]),
                    "de_CH": c.ch(["Schweiz", "Switzerland", "Suisse"]),
                }[loc]
            ),
        ]
    return segs


def addr_fr(c):
    loc = c.ch(["fr_FR", "fr_FR", "fr_CH", "nl_BE"])  # noqa: F841 (the draw keeps the random stream as it was)
    s = street(c, "fr_FR")
    if c.r() < 0.5:
        l1 = "%s, %s" % (c.ri(1, 150), s) if c.r() < 0.5 else "%s %s" % (c.ri(1, 150), s)
    else:
        l1 = "%s%s %s" % (c.ri(1, 150), c.ch([" bis", " ter", ""]), s)
    parts = []
    if c.r() < 0.25:
        parts.append(
            c.ch(
                [
                    "Bât. %s" % c.ch("ABCD"),
                    "Appt %d" % c.ri(1, 80),
                    "Résidence les %s" % c.ch(["Tilleuls", "Pins", "Lilas"]),
                ]
            )
        )
    parts.append(l1)
    city = (
        faker_city(c, "fr_FR")
        if c.r() < 0.3
        else c.ch(
            [
                "Lyon",
                "Grenoble",
                "Rouen",
                "Dijon",
                "Brest",
                "Nancy",
                "Amiens",
                "Tours",
                "Annecy",
                "Perpignan",
                "Colmar",
                "Pau",
                "Limoges",
                "Saint-Étienne",
                "Villeurbanne",
                "Aix-en-Provence",
            ]
        )
    )
    parts.append("%05d %s" % (c.ri(1000, 95999), city) + (" Cedex" if c.r() < 0.05 else ""))
    segs = [A(nl_join(c, parts))]
    if c.r() < 0.3:
        segs += [P(c.ch(["\n", ", ", " - "])), I("France")]
    return segs


def addr_it(c):
    s = street(c, "it_IT")
    city = faker_city(c, "it_IT")
    segs = [A("%s %s, %05d %s" % (s, c.ri(1, 220), c.ri(10, 98168), city))]
    if c.r() < 0.6:
        segs += [P(c.ch([" (", " "])), I(digits(c, "@@"))]
        if segs[-2][0] == " (":
            segs.append(P(")"))
    if c.r() < 0.2:
        segs += [P(", "), I(c.ch(["Italia", "Italy"]))]
    return segs


def addr_es(c):
    loc = c.ch(["es_ES", "es_ES", "es_CL", "es_CO"])
    if loc == "es_ES":
        l1 = c.ch(
            [
                "C/ %s, %d"
                % (
                    c.ch(
                        ["Mayor", "del Carmen", "de Alcalá", "San Vicente", "Real", "de la Paz", "Sierpes", "del Pez"]
                    ),
                    c.ri(1, 200),
                ),
                "%s, %d" % (street(c, "es_ES"), c.ri(1, 200)),
            ]
        )
        if c.r() < 0.5:
            l1 += ", %d%s %s" % (c.ri(1, 9), c.ch(["º", "°", "ª"]), c.ch(["A", "B", "Izda.", "Dcha.", "C"]))
        city = c.ch(
            [
                "Madrid",
                "Sevilla",
                "Valencia",
                "Málaga",
                "Murcia",
                "Vigo",
                "Gijón",
                "Cádiz",
                "Alcalá de Henares",
                "Getafe",
                "Badalona",
                "Sabadell",
                "Logroño",
                "Cáceres",
            ]
        )
        segs = [A(nl_join(c, [l1, "%05d %s" % (c.ri(1001, 52080), city)]))]
        if c.r() < 0.3:
            segs += [
                P(c.ch([" (", ", "])),
                I(c.ch(["Comunidad de Madrid", "Andalucía", "Asturias", "Cataluña", "Extremadura", "País Vasco"])),
            ]
            if segs[-2][0] == " (":
                segs.append(P(")"))
        if c.r() < 0.2:
            segs += [P(", "), I(c.ch(["España", "Spain"]))]
        return segs
    st = clean(fake(c, loc, "street_address"))
    city = faker_city(c, loc)
    segs = [A(nl_join(c, [st, city]))]
    if c.r() < 0.5:
        try:
            reg = clean(fake(c, loc, "administrative_unit"))
        except Exception:
            reg = ""
        if reg:
            segs += [P(", "), I(reg)]
    if c.r() < 0.3:
        segs += [P(", "), I({"es_CL": "Chile", "es_CO": "Colombia"}[loc])]
    return segs


def addr_pl_cz(c):
    loc = c.ch(["pl_PL", "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "hr_HR", "sl_SI"])
    s = street(c, loc)
    city = faker_city(c, loc)
    if loc == "pl_PL":
        l1 = "%s%s %s" % (
            c.ch(["ul. ", "ul. ", "al. ", "os. ", "pl. ", ""]),
            s,
            c.ri(1, 200) if c.r() < 0.5 else "%d/%d" % (c.ri(1, 120), c.ri(1, 90)),
        )
        pc = "%02d-%03d" % (c.ri(0, 99), c.ri(0, 999))
        body = nl_join(c, [l1, pc + " " + city])
    elif loc in ("cs_CZ", "sk_SK"):
        l1 = "%s %d/%d" % (s, c.ri(100, 3000), c.ri(1, 60)) if c.r() < 0.5 else "%s %d" % (s, c.ri(1, 200))
        pc = "%03d %02d" % (c.ri(100, 999), c.ri(0, 99))
        body = nl_join(c, [l1, pc + " " + city])
    elif loc == "hu_HU":
        s2 = s if re.search(r"(utca|út|tér|körút|sor|köz|u\.)$", s) else s + " utca"
        if c.r() < 0.5:
            body = "%s%d %s, %s %d." % (c.ch(["", "H-"]), c.ri(1011, 9985), city, s2, c.ri(1, 150))
        else:
            body = nl_join(
                c,
                [
                    ("%s %d. %s" % (s2, c.ri(1, 150), c.ch(["", "II. em. 4.", "fszt. 2."]))).strip(),
                    "%d %s" % (c.ri(1011, 9985), city),
                ],
            )
    elif loc == "ro_RO":
        body = "%s nr. %d, %s, %s %06d" % (
            s if re.match(r"(Strada|Str\.|Bulevardul|Bd\.|Calea|Aleea|Piața|Intrarea|Șoseaua)", s) else "Str. " + s,
            c.ri(1, 120),
            c.ch(["bl. %s%d, ap. %d" % (c.ch("ABCM"), c.ri(1, 30), c.ri(1, 80)), "sc. B"]),
            city if c.r() < 0.5 else "Sector %d" % c.ri(1, 6),
            c.ri(10000, 999999),
        )
    else:
        body = nl_join(c, ["%s %s" % (s, bnum(c)), "%05d %s" % (c.ri(10000, 53296), city)])
    segs = [A(body)]
    if c.r() < 0.25:
        segs += [
            P(c.ch([", ", "\n"])),
            I(
                {
                    "pl_PL": c.ch(["Polska", "Poland"]),
                    "cs_CZ": c.ch(["Česko", "Czech Republic"]),
                    "sk_SK": "Slovakia",
                    "hu_HU": c.ch(["Magyarország", "Hungary"]),
                    "ro_RO": "România",
                    "hr_HR": "Hrvatska",
                    "sl_SI": "Slovenija",
                }[loc]
            ),
        ]
    return segs


def addr_nordic(c):
    loc = c.ch(["sv_SE", "no_NO", "da_DK", "fi_FI", "nl_NL", "nl_BE"])
    s = street(c, loc)
    city = faker_city(c, loc)
    if loc == "sv_SE":
        l1, l2 = "%s %s" % (s, bnum(c)), "%03d %02d %s" % (c.ri(100, 984), c.ri(0, 99), city)
    elif loc == "no_NO":
        l1, l2 = (
            "%s %d%s" % (s, c.ri(1, 140), c.ch(["", "", "B", " H0201"])),
            "%04d %s" % (c.ri(1, 9991), city.upper() if c.r() < 0.3 else city),
        )
    elif loc == "da_DK":
        l1 = "%s %d%s" % (s, c.ri(1, 140), c.ch(["", ", %d. th." % c.ri(1, 5), ", st. tv.", ", %d. sal" % c.ri(1, 4)]))
        l2 = "%04d %s" % (c.ri(1000, 9990), city)
    elif loc == "fi_FI":
        l1 = "%s %d%s" % (s, c.ri(1, 140), c.ch(["", " A %d" % c.ri(1, 40), " B", " as. %d" % c.ri(1, 60)]))
        l2 = "%05d %s" % (c.ri(100, 99999), city.upper() if c.r() < 0.3 else city)
    elif loc == "nl_NL":
        l1 = "%s %d%s" % (s, c.ri(1, 300), c.ch(["", "-II", "a", " bis", "-3"]))
        l2 = "%04d %s %s" % (c.ri(1000, 9999), digits(c, "@@"), city)
    else:
        l1 = "%s %d%s" % (s, c.ri(1, 300), c.ch(["", " bus 2", "/B"]))
        l2 = "%04d %s" % (c.ri(1000, 9999), city)
    segs = [A(nl_join(c, [l1, l2]))]
    if c.r() < 0.3:
        segs += [
            P(c.ch(["\n", ", "])),
            I(
                {
                    "sv_SE": "Sverige",
                    "no_NO": "Norge",
                    "da_DK": "Danmark",
                    "fi_FI": "Suomi",
                    "nl_NL": "Nederland",
                    "nl_BE": "België",
                }[loc]
            ),
        ]
    return segs


def addr_pt_br(c):
    if c.r() < 0.6:
        city, uf = c.ch(BR_CITIES)
        bairro = c.ch(BR_BAIRROS) if c.r() < 0.6 else clean(fake(c, "pt_BR", "bairro"))
        s = (
            c.ch(["Rua", "Av.", "Avenida", "Travessa", "Alameda", "R."])
            + " "
            + c.ch(
                [
                    clean(fake(c, "pt_BR", "last_name")),
                    "das Flores",
                    "Sete de Setembro",
                    "XV de Novembro",
                    "Marechal Deodoro",
                    "dos Andradas",
                    "Barão do Rio Branco",
                    clean(fake(c, "pt_BR", "name")),
                ]
            )
        )
        l1 = "%s, %d" % (s, c.ri(1, 4000))
        if c.r() < 0.4:
            l1 += c.ch(
                [
                    ", apto %d" % c.ri(11, 1804),
                    " - Bloco %s" % c.ch("ABC"),
                    ", casa %d" % c.ri(1, 9),
                    ", sala %d" % c.ri(101, 1210),
                ]
            )
        cep = "%05d-%03d" % (c.ri(1000, 99999), c.ri(0, 999))
        sep = c.ch([" - ", ", "])
        segs = [
            A("%s%s%s, %s" % (l1, sep, bairro, city)),
            P(c.ch([" - ", "/", ", ", " "])),
            I(uf if c.r() < 0.8 else BR_UF[uf]),
        ]
        if c.r() < 0.5:
            segs += [P(", "), A(cep)]
        else:
            segs = [P("CEP "), A(cep), P(c.ch(["\n", " - ", ", "]))] + segs
        return segs
    st = clean(fake(c, "pt_PT", "street_address"))
    city = faker_city(c, "pt_PT")
    l2 = "%04d-%03d %s" % (c.ri(1000, 9999), c.ri(0, 999), city)
    segs = [A(nl_join(c, [st + c.ch(["", ", %d.º Esq." % c.ri(1, 8), ", r/c Dto."]), l2]))]
    if c.r() < 0.3:
        segs += [P(", "), I("Portugal")]
    return segs


def addr_latam(c):
    x = c.r()
    if x < 0.45:
        city, est = c.ch(MX_CITIES)
        s = clean(fake(c, "es_MX", "street_name"))
        l1 = "%s %s %d%s" % (
            c.ch(["Calle", "Av.", "Blvd.", "Calz.", "Privada", ""]),
            s,
            c.ri(1, 3000),
            c.ch(["", " Int. %d" % c.ri(1, 30), " Depto. %d" % c.ri(101, 904), " Lote %d" % c.ri(1, 40)]),
        )
        l1 = l1.strip()
        cp = "%05d" % c.ri(1000, 99999)
        segs = [A("%s, %s, %s%s %s" % (l1, c.ch(MX_COLONIAS), c.ch(["C.P. ", "CP ", ""]), cp, city)), P(", "), I(est)]
        if c.r() < 0.25:
            segs += [P(", "), I(c.ch(["México", "Mexico", "MX"]))]
        return segs
    if x < 0.7:
        city, prov = c.ch(AR_CITIES)
        s = clean(fake(c, "es_AR", "street_name"))
        l1 = "%s %d%s" % (
            c.ch(["Av. ", "Calle ", ""]) + s,
            c.ri(1, 9000),
            c.ch(["", ", Piso %d Depto %s" % (c.ri(1, 15), c.ch("ABCDE")), " %d°%s" % (c.ri(1, 12), c.ch("ABC"))]),
        )
        segs = [A("%s, %s%04d %s" % (l1, c.ch(["B", "C", "X", "M", ""]), c.ri(1000, 9431), city)), P(", "), I(prov)]
        return segs
    if x < 0.85:
        city = c.ch(UY_CITIES)
        s = street(c, c.ch(["fi_FI", "es_AR", "es_CL"]))
        body = "%s %d %s, %s %05d" % (
            s,
            c.ri(100, 3999),
            c.ch(["apto. 40%d" % c.ri(1, 9), "", "esq. Rivera"]),
            city,
            c.ri(11000, 99999),
        )
        return [A(body.replace("  ", " ")), P(", "), I("Uruguay")]
    city = c.ch(PE_CITIES)
    return [
        A(
            "%s %s %d%s, %s"
            % (
                c.ch(["Jr.", "Av.", "Calle", "Psje."]),
                clean(fake(c, "es_ES", "last_name")),
                c.ri(100, 2500),
                c.ch(["", ", Dpto. %d" % c.ri(101, 1502)]),
                c.ch([city, "Miraflores", "San Isidro", "Cayma", "Wanchaq"]),
            )
        ),
        P(c.ch([", ", " - "])),
        I(c.ch(["Perú", "Peru"])),
    ]


def addr_uk(c):
    town = c.ch(UK_TOWNS) if c.r() < 0.75 else clean(fake(c, "en_GB", "city"))
    parts = []
    if c.r() < 0.35:
        parts.append(
            c.ch(
                [
                    "Flat %d" % c.ri(1, 40),
                    "Flat %d%s" % (c.ri(1, 9), c.ch("ABC")),
                    "%s House" % clean(fake(c, "en_GB", "last_name")),
                    "The Old Rectory",
                    "Unit %d" % c.ri(1, 30),
                    "%d %s Court" % (c.ri(1, 60), clean(fake(c, "en_GB", "last_name"))),
                ]
            )
        )
    parts.append("%d %s" % (c.ri(1, 240), street(c, "en_GB")))
    parts.append(town)
    parts.append(clean(fake(c, "en_GB", "postcode")))
    segs = [A(nl_join(c, parts, [", ", "\n", "\n", ",\n"]))]
    if c.r() < 0.3:
        segs += [P(c.ch(["\n", ", "])), I(c.ch(UK_NATIONS))]
    return segs


def addr_ca_au(c):
    if c.r() < 0.5:
        city, pr = c.ch(CA_CITIES)
        l1 = "%d %s" % (
            c.ri(1, 9999),
            c.ch(
                [
                    street(c, "en_US"),
                    "rue %s" % clean(fake(c, "fr_CA", "last_name")),
                    "boul. %s" % clean(fake(c, "fr_CA", "last_name")),
                ]
            ),
        )
        if c.r() < 0.3:
            l1 = c.ch(["%d-" % c.ri(1, 2500), "Unit %d, " % c.ri(1, 40), "Apt %d, " % c.ri(1, 900)]) + l1
        segs = [A(l1 + c.ch([", ", "\n"]) + city), P(c.ch([", ", " ", " ("])), I(pr if c.r() < 0.75 else CA_PROV[pr])]
        if segs[-2][0] == " (":
            segs.append(P(")"))
        pc = clean(fake(c, "en_CA", "postalcode"))
        if len(pc) == 6 and c.r() < 0.6:
            pc = pc[:3] + " " + pc[3:]
        segs += [P(c.ch(["  ", " ", ", "])), A(pc)]
        if c.r() < 0.2:
            segs += [P(", "), I("Canada")]
        return segs
    city, st = c.ch(AU_CITIES)
    l1 = c.ch(
        [
            "%d %s" % (c.ri(1, 400), street(c, "en_AU")),
            "Unit %d/%d %s" % (c.ri(1, 20), c.ri(1, 200), street(c, "en_AU")),
            "%d/%d %s" % (c.ri(1, 20), c.ri(1, 200), street(c, "en_NZ")),
        ]
    )
    segs = [
        A(l1 + c.ch([", ", "\n", " "]) + city.upper() if c.r() < 0.3 else l1 + c.ch([", ", "\n"]) + city),
        P(" "),
        I(st if c.r() < 0.8 else AU_STATES[st]),
        P(" "),
        A("%04d" % c.ri(800, 7999)),
    ]
    return segs


def addr_asia(c):
    x = c.r()
    if x < 0.22:  # Japan
        pref = c.ch(JP_PREFS)
        city = c.ch(JP_CITIES)
        pc = "%03d-%04d" % (c.ri(1, 999), c.ri(0, 9999))
        blk = "%d-%d-%d" % (c.ri(1, 9), c.ri(1, 30), c.ri(1, 40))
        dist = c.ch(JP_DISTRICTS)
        if c.r() < 0.5:
            tail = [P(", "), I(pref + c.ch(["", "", "-ken", " Prefecture"])), P(" "), A(pc)]
            segs = [A("%s %s, %s, %s%s" % (blk, dist, c.ch(JP_WARDS), city, c.ch(["-shi", "", " City"])))] + tail
            if c.r() < 0.3:
                segs = [
                    A(
                        c.ch(
                            [
                                "%s Mansion %d" % (dist, c.ri(101, 905)),
                                "Room %d" % c.ri(101, 1205),
                                "Heights %s %d" % (city, c.ri(101, 502)),
                            ]
                        )
                        + ", "
                    )
                ] + segs
                segs = [(segs[0][0] + segs[1][0], "ADDRESS")] + segs[2:]
            return segs
        return [
            P(c.ch(["〒", "〒 ", ""])),
            A(pc),
            P(" "),
            I(pref + c.ch(["-ken", "-ken", " Pref.", ""])),
            P(" "),
            A("%s-shi %s %s %s" % (city, c.ch(JP_WARDS), dist, blk)),
        ]
    if x < 0.4:  # Korea
        if c.r() < 0.5:
            return [
                A(
                    "%d %s%s, %s, %s"
                    % (c.ri(1, 400), c.ch(KR_ROADS), c.ch(["", " %d-gil" % c.ri(1, 40)]), c.ch(KR_GU), c.ch(KR_METRO))
                ),
                P(" "),
                A("%05d" % c.ri(1000, 63644)),
            ]
        return [
            I(c.ch(KR_PROVS)),
            P(" "),
            A(
                "%s %s-gu %s %d%s"
                % (
                    c.ch(KR_CITIES),
                    c.ch(["Bundang", "Jangan", "Ilsan", "Suji", "Sangdang"]),
                    c.ch(KR_ROADS),
                    c.ri(1, 400),
                    c.ch(["", ", Apt %d-%d" % (c.ri(101, 120), c.ri(101, 2504))]),
                )
            ),
            P(c.ch([" ", ", "])),
            A("%05d" % c.ri(1000, 63644)),
        ]
    if x < 0.55:  # India
        city, st = c.ch(IN_CITIES)
        parts = [
            c.ch(
                [
                    "Flat No. %d%s" % (c.ri(1, 40), c.ch("ABC")),
                    "House No. %d" % c.ri(1, 900),
                    "%d/%d" % (c.ri(1, 90), c.ri(1, 400)),
                    "Plot %d" % c.ri(1, 300),
                ]
            ),
            c.ch(
                [
                    "%s Apartments" % clean(fake(c, "en_IN", "last_name")),
                    "Sai Krupa Residency",
                    "Lotus Enclave",
                    "%s Nagar" % clean(fake(c, "en_IN", "first_name")),
                ]
            ),
            clean(fake(c, "en_IN", "street_name")),
            c.ch(IN_AREAS),
        ]
        segs = [A(nl_join(c, parts) + ", " + city + c.ch([" - ", " ", "-"]) + "%06d" % c.ri(110001, 855117))]
        if c.r() < 0.7:
            segs += [P(", "), I(st)]
        if c.r() < 0.2:
            segs += [P(", "), I("India")]
        return segs
    if x < 0.7:  # Vietnam / Indonesia / Philippines / Malaysia
        y = c.r()
        if y < 0.35:
            return [
                A(
                    "%d/%d %s, Phường %d, Quận %d, %s"
                    % (
                        c.ri(1, 400),
                        c.ri(1, 90),
                        street(c, "vi_VN"),
                        c.ri(1, 15),
                        c.ri(1, 12),
                        c.ch(["TP. Hồ Chí Minh", "Hà Nội", "Đà Nẵng", "Cần Thơ"]),
                    )
                )
            ]
        if y < 0.65:
            segs = [
                A(
                    "%s No. %d%s, %s %05d"
                    % (
                        street(c, "id_ID"),
                        c.ri(1, 200),
                        c.ch(["", ", RT %03d/RW %03d" % (c.ri(1, 20), c.ri(1, 15))]),
                        faker_city(c, "id_ID"),
                        c.ri(10110, 99999),
                    )
                )
            ]
            if c.r() < 0.4:
                segs += [P(", "), I(c.ch(["Jawa Barat", "Bali", "Jawa Timur", "DI Yogyakarta", "Sumatera Utara"]))]
            return segs
        if y < 0.85:
            return [
                A(
                    "%d %s, Brgy. %s, %s"
                    % (
                        c.ri(1, 999),
                        c.ch(["Rizal St.", "Mabini Ave.", "Bonifacio Drive", "Luna St."]),
                        c.ch(["San Isidro", "Poblacion", "Mabolo", "Lahug", "Kapitolyo"]),
                        c.ch(["Quezon City", "Cebu City", "Pasig", "Iloilo City", "Davao City"]),
                    )
                ),
                P(" "),
                A("%04d" % c.ri(1000, 9800)),
            ]
        return [
            A(
                clean(fake(c, "en_MS", "street_address"))
                + ", "
                + "%05d %s" % (c.ri(10000, 98000), clean(fake(c, "en_MS", "city")))
            )
        ]
    if x < 0.85:  # Russia / Ukraine / Greece transliterated
        loc = c.ch(["ru_RU", "uk_UA", "el_GR"])
        s = street(c, loc)
        city = faker_city(c, loc)
        if loc == "el_GR":
            return [A("%s %d, %03d %02d %s" % (s, c.ri(1, 150), c.ri(100, 851), c.ri(0, 99), city))] + (
                [P(", "), I("Greece")] if c.r() < 0.3 else []
            )
        if not re.match(r"(ul|pr|per|bul|pl|sh|vul|prov|prosp)\.?", s.lower()):
            s = c.ch(["ul. ", "vul. ", "pr-t "]) + s
        segs = [
            A(
                "%s, d. %d, kv. %d, %s, %06d" % (s, c.ri(1, 120), c.ri(1, 300), city, c.ri(100000, 692999))
                if c.r() < 0.5
                else "%s %d, apt. %d\n%s %05d" % (s, c.ri(1, 120), c.ri(1, 300), city, c.ri(10000, 99999))
            )
        ]
        if c.r() < 0.3:
            segs += [P(", "), I(c.ch(["Russia", "Ukraine", "Moskovskaya oblast", "Lvivska oblast"]))]
        return segs
    # Middle East / Africa
    y = c.r()
    if y < 0.3:
        return [
            A(
                "%d %s Street, %s"
                % (
                    c.ri(1, 90),
                    c.ch(["Herzl", "Rothschild", "Ben Yehuda", "HaNevi'im", "Jabotinsky"]),
                    c.ch(["Haifa", "Netanya", "Herzliya", "Ra'anana", "Be'er Sheva"]),
                )
            ),
            P(" "),
            A("%07d" % c.ri(1000000, 9999999)),
        ] + ([P(", "), I("Israel")] if c.r() < 0.4 else [])
    if y < 0.6:
        return [
            A(
                "%d %s, %s"
                % (
                    c.ri(1, 90),
                    c.ch(["Adeola Odeku Street", "Awolowo Road", "Allen Avenue", "Ogui Road", "Ahmadu Bello Way"]),
                    c.ch(["Victoria Island", "Ikoyi", "Ikeja", "Enugu", "Wuse II"]),
                )
            ),
            P(", "),
            I(c.ch(["Lagos", "Lagos State", "Enugu State", "FCT"])),
        ]
    return [
        A(
            "%d %s, %s, %s"
            % (
                c.ri(1, 400),
                c.ch(["Jan Smuts Avenue", "Long Street", "Florida Road", "Bree Street"]),
                c.ch(["Rosebank", "Sea Point", "Morningside", "Gardens"]),
                c.ch(["Johannesburg", "Cape Town", "Durban"]),
            )
        ),
        P(" "),
        A("%04d" % c.ri(1000, 9999)),
    ]


def addr_mixed(c):
    """locale-mixed, odd line breaks and commas"""
    bn = str(c.ri(1, 9999))
    s = street(c)
    city = any_city(c)
    st = state_any(c)
    cty = country_any(c)
    pc = clean(fake(c, c.ch(["en_US", "de_DE", "fi_FI", "pl_PL", "en_GB", "nl_NL", "pt_BR", "ja_JP"]), "postcode"))
    unit = c.ch(
        [
            "Apt. %d" % c.ri(1, 999),
            "Suite %d" % c.ri(100, 999),
            "Unit %s" % c.ri(1, 30),
            "#%d" % c.ri(1, 99),
            "Flat %d" % c.ri(1, 30),
            "",
        ]
    )
    shape = c.ri(0, 4)
    if shape == 0:
        l1 = ("%s %s %s" % (bn, s, unit)).strip()
        return [A(l1 + "\n" + city), P("\n, "), I(st), P("\n "), I(cty), P(" "), A(pc)]
    if shape == 1:
        return [A("%s %s, %s %s" % (s, bn, pc, city)), P(", "), I(cty)]
    if shape == 2:
        return [A("%s, %s %s,\n%s" % (unit or "Unit 1", bn, s, city)), P(", "), I(st), P(",\n"), A(pc)]
    if shape == 3:
        return [A("%s %s\n%s %s" % (bn, s, pc, city)), P("\n"), I(cty.upper() if c.r() < 0.5 else cty)]
    body = ("%s, %s %s, %s" % (city, bn, s, unit)).rstrip(", ")
    return [A(body), P(" ("), I(st), P(")")]


def merge_addr(segs):
    """ADDRESS pieces separated only by plain punctuation/space become one span"""
    out = []
    i = 0
    while i < len(segs):
        t_, lab = segs[i]
        if (
            lab == "ADDRESS"
            and out
            and out[-1][1] is None
            and len(out) >= 2
            and out[-2][1] == "ADDRESS"
            and out[-1][0].strip(" ,-\n/") == ""
        ):
            sep_ = out.pop()[0]
            prev = out.pop()[0]
            out.append((prev + sep_ + t_, "ADDRESS"))
        else:
            out.append((t_, lab))
        i += 1
    return out


def addr_any(c):
    return merge_addr(_addr_any(c))


def _addr_any(c):
    f = c.wch(
        [
            (18, addr_us),
            (4, addr_po),
            (9, addr_de),
            (6, addr_fr),
            (4, addr_it),
            (6, addr_es),
            (10, addr_pl_cz),
            (9, addr_nordic),
            (7, addr_pt_br),
            (7, addr_latam),
            (7, addr_uk),
            (7, addr_ca_au),
            (14, addr_asia),
            (8, addr_mixed),
        ]
    )
    return f(c)


def addr_oneline(c):
    segs = addr_any(c)
    out = []
    for t, lab in segs:
        t2 = re.sub(r"\s*\n\s*", ", ", t)
        t2 = re.sub(r",\s*,", ",", t2)
        if lab is None and t2.strip(", ") == "" and t2:
            t2 = ", " if "," in t2 or "\n" in t else t2
        out.append((t2, lab))
    return out


def street_only(c):
    x = c.r()
    if x < 0.5:
        return [A(street(c))]
    if x < 0.8:
        return [A("%s %s" % (c.ri(1, 400), street(c, c.ch(["en_US", "en_GB", "en_AU", "en_NZ"]))))]
    return [A("%s %s" % (street(c, c.ch(["de_DE", "nl_NL", "pl_PL", "cs_CZ", "sv_SE", "it_IT"])), c.ri(1, 150)))]


# ---------------------------------------------------------------------------
# dates
# ---------------------------------------------------------------------------
def rand_date(c, y0=1925, y1=2030):
    y = c.ri(y0, y1)
    m = c.ri(1, 12)
    dmax = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
        m - 1
    ]
    return y, m, c.ri(1, dmax)


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return "%dth" % n
    return "%d%s" % (n, {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def date_str(c, kind="any", y0=1925, y1=2030):
    y, m, d = rand_date(c, y0, y1)
    M, Ma, Md = MONTHS[m - 1], MON_ABBR[m - 1], MON_DOT[m - 1]
    num = [
        "%04d-%02d-%02d" % (y, m, d),
        "%02d/%02d/%04d" % (d, m, y),
        "%d/%d/%04d" % (m, d, y),
        "%02d.%02d.%04d" % (d, m, y),
        "%d.%d.%04d" % (d, m, y),
        "%02d-%02d-%04d" % (d, m, y),
        "%d/%d/%02d" % (m, d, y % 100),
        "%02d/%02d/%02d" % (d, m, y % 100),
        "%04d/%02d/%02d" % (y, m, d),
        "%04d.%02d.%02d" % (y, m, d),
        "%02d-%s-%04d" % (d, Ma, y),
        "%02d%s%04d" % (d, Ma.upper(), y),
        "%d-%s-%02d" % (d, Ma, y % 100),
        "%04d%02d%02d" % (y, m, d),
    ]
    long_ = [
        "%s %d, %d" % (M, d, y),
        "%d %s %d" % (d, M, y),
        "%s %s, %d" % (M, ordinal(d), y),
        "%s %d %d" % (Ma, d, y),
        "%d %s %d" % (d, Ma, y),
        "%s %d, %d" % (Md, d, y),
        "%s of %s %d" % (ordinal(d), M, y),
        "%s %s %d" % (ordinal(d), M, y),
        "%d. %s %d" % (d, M, y),
        "%s %d" % (M, d),
        "%d %s" % (d, M),
        "%s %s" % (M, ordinal(d)),
        "%s %s" % (ordinal(d), M),
        "%s of %s" % (ordinal(d), M),
        "%s %d" % (Md, d),
        "%d %s" % (d, Ma),
        "%d/%d" % (m, d),
        "%d.%d." % (d, m) if False else "%s %d" % (Ma, d),
    ]
    foreign = [
        "%d. %s %d" % (d, MON_FOREIGN["de"][m - 1], y),
        "%d de %s de %d" % (d, MON_FOREIGN["es"][m - 1], y),
        "%d %s %d" % (d, MON_FOREIGN["fr"][m - 1], y),
        "%d %s %d" % (d, MON_FOREIGN["it"][m - 1], y),
        "%d de %s de %d" % (d, MON_FOREIGN["pt"][m - 1], y),
        "%d. %s" % (d, MON_FOREIGN["de"][m - 1]),
    ]
    if kind == "num":
        return c.ch(num)
    if kind == "long":
        return c.ch(long_)
    if kind == "full":  # with year
        return c.ch(num[:12] + long_[:9] + foreign[:5])
    return c.wch([(40, c.ch(num)), (50, c.ch(long_)), (6, c.ch(foreign))])


def month_year(c):
    y, m, _ = rand_date(c, 1950, 2030)
    return c.ch(
        [
            "%s %d" % (MONTHS[m - 1], y),
            "%s %d" % (MON_ABBR[m - 1], y),
            "%02d/%d" % (m, y),
            "%d-%02d" % (y, m),
            "%s %d" % (MONTHS[m - 1].lower(), y),
            "%s '%02d" % (MON_ABBR[m - 1], y % 100),
            "%s of %d" % (MONTHS[m - 1], y),
        ]
    )


# ---------------------------------------------------------------------------
# phones
# ---------------------------------------------------------------------------
PHONE_LOCALES = [
    "en_US",
    "en_GB",
    "de_DE",
    "fr_FR",
    "it_IT",
    "es_ES",
    "pl_PL",
    "cs_CZ",
    "hu_HU",
    "fi_FI",
    "sv_SE",
    "no_NO",
    "da_DK",
    "nl_NL",
    "nl_BE",
    "pt_BR",
    "pt_PT",
    "ro_RO",
    "sk_SK",
    "sl_SI",
    "hr_HR",
    "tr_TR",
    "ru_RU",
    "uk_UA",
    "vi_VN",
    "id_ID",
    "en_IN",
    "en_AU",
    "en_NZ",
    "en_CA",
    "ja_JP",
    "ko_KR",
    "zh_CN",
    "he_IL",
    "el_GR",
    "de_AT",
    "de_CH",
    "es_MX",
    "es_AR",
    "es_CL",
    "es_CO",
    "fr_CH",
    "th_TH",
    "fr_DZ",
    "az_AZ",
]
PHONE_FORMATS = [
    "+1 (ddd) ddd-dddd",
    "+1 ddd ddd dddd",
    "(ddd) ddd-dddd",
    "ddd-ddd-dddd",
    "ddd.ddd.dddd",
    "1-800-ddd-dddd",
    "+1-ddd-ddd-dddd",
    "+44 20 dddd dddd",
    "+44 7ddd dddddd",
    "07ddd dddddd",
    "020 dddd dddd",
    "+44 (0)161 ddd dddd",
    "+49 30 dddddddd",
    "+49 (0)89 ddd ddd-dd",
    "0171 ddddddd",
    "0049 221 dddddd",
    "+33 6 dd dd dd dd",
    "06 dd dd dd dd",
    "+33 (0)1 dd dd dd dd",
    "+33.6.dd.dd.dd.dd",
    "+39 06 dddd dddd",
    "+39 3dd ddd dddd",
    "+34 6dd ddd ddd",
    "+34 91 ddd dd dd",
    "+31 6 dddddddd",
    "+31 (0)20 ddd dddd",
    "+32 4dd dd dd dd",
    "+41 44 ddd dd dd",
    "+43 1 ddd dd dd",
    "+48 dd ddd dd dd",
    "+48 5dd-ddd-ddd",
    "+420 ddd ddd ddd",
    "+421 9dd ddd ddd",
    "+36 1 ddd dddd",
    "+36 20 ddd dddd",
    "+36-30-ddd-dddd",
    "+40 7dd ddd ddd",
    "+46 8 ddd ddd dd",
    "+46 70-ddd dd dd",
    "+47 dd dd dd dd",
    "+45 dd dd dd dd",
    "+358 40 ddd dddd",
    "+358 9 dddd ddd",
    "+354 ddd dddd",
    "+351 9dd ddd ddd",
    "+30 21 dddd dddd",
    "+30 69d ddd dddd",
    "+90 5dd ddd dd dd",
    "+90 (212) ddd dd dd",
    "+7 (495) ddd-dd-dd",
    "+7 9dd ddd-dd-dd",
    "+380 44 ddd dd dd",
    "+380 (67) ddd-dd-dd",
    "+972 5d-ddd-dddd",
    "+972 3-ddd-dddd",
    "+971 50 ddd dddd",
    "+966 5d ddd dddd",
    "+20 10 dddd dddd",
    "+962 7 dddd dddd",
    "+212 6dd-dddddd",
    "+91 9dddd ddddd",
    "+91 (22) dddd dddd",
    "+92 3dd ddddddd",
    "+880 1ddd-dddddd",
    "+86 1dd dddd dddd",
    "+86 (10) dddd dddd",
    "+852 dddd dddd",
    "+886 9dd ddd ddd",
    "+81 3-dddd-dddd",
    "+81 90-dddd-dddd",
    "03-dddd-dddd",
    "+82 10-dddd-dddd",
    "+82 2-ddd-dddd",
    "010-dddd-dddd",
    "+84 9d ddd dd dd",
    "+66 8d ddd dddd",
    "+63 9dd ddd dddd",
    "+62 8dd-dddd-dddd",
    "+60 1d-ddd dddd",
    "+65 dddd dddd",
    "+61 4dd ddd ddd",
    "+61 (0)2 dddd dddd",
    "(02) dddd dddd",
    "04dd ddd ddd",
    "+64 21 ddd dddd",
    "+55 (11) 9dddd-dddd",
    "+55 21 9dddd-dddd",
    "(11) 9dddd-dddd",
    "+52 55 dddd dddd",
    "+52 1 33 dddd dddd",
    "+54 9 11 dddd-dddd",
    "+56 9 dddd dddd",
    "+57 3dd ddd dddd",
    "+51 9dd ddd ddd",
    "+598 9d ddd ddd",
    "+234 80d ddd dddd",
    "+254 7dd ddd ddd",
    "+27 8d ddd dddd",
    "+233 2d ddd dddd",
    "+1 416 ddd dddd",
    "+353 8d ddd dddd",
    "+352 621 ddd ddd",
    "(0dd) ddd dd dd",
    "0dd/ddd dd dd",
    "+995 5dd dd dd dd",
    "+374 9d dddddd",
    "+998 9d ddd dd dd",
    "dddd dddd",
    "ddd ddd dddd",
]


def phone(c):
    if c.r() < 0.45:
        loc = c.ch(PHONE_LOCALES)
        s = clean(fake(c, loc, "phone_number"))
        s = re.sub(r"\s*(x|ext\.?|extension)\s*\d+\s*$", "", s)
        if re.fullmatch(r"[0-9+()\-. /]{6,}", s) and s[0] not in " -/." and s[-1] not in " -/.(":
            return s
    fmt = c.ch(PHONE_FORMATS)
    return "".join(str(c.ri(0, 9)) if ch == "d" else ch for ch in fmt)


# ---------------------------------------------------------------------------
# email / url / ip / ids
# ---------------------------------------------------------------------------
def email(c, p=None):
    x = c.r()
    if x < 0.3:
        loc = c.ch(["en_US", "de_DE", "fr_FR", "pl_PL", "cs_CZ", "it_IT", "es_ES", "pt_BR", "nl_NL", "sv_SE", "fi_FI"])
        s = clean(fake(c, loc, c.ch(["email", "free_email", "company_email"])))
        if re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", s):
            return s
    p = p or new_person(c)
    f, l = slug(p["first"]) or "info", slug(p["last"]) or "mail"
    local = c.ch(
        [
            "%s.%s" % (f, l),
            "%s%s" % (f[0], l),
            "%s_%s" % (f, l),
            "%s%d" % (f, c.ri(1, 99)),
            "%s.%s%d" % (f, l, c.ri(50, 2005)),
            "%s-%s" % (l, f),
            "%s%s" % (l, f[:2]),
            f,
            "%s.%s" % (f[0], l),
        ]
    )
    if c.r() < 0.25:
        dom = "%s.%s" % (slug(new_person(c)["last"]) or "mail", c.ch(TLDS))
    else:
        dom = c.ch(EMAIL_DOMAINS)
    s = local + "@" + dom
    return s.upper() if c.r() < 0.02 else s


def domain(c):
    x = c.r()
    if x < 0.3:
        return clean(fake(c, c.ch(["en_US", "de_DE", "fr_FR", "pl_PL", "it_IT", "nl_NL"]), "domain_name"))
    base = slug(new_person(c)["last"]) or "site"
    return c.ch(
        [
            "%s.%s",
            "%s-%s.%s" % ("%s", c.ch(["studio", "photo", "music", "law", "dental", "bakery", "tours"]), "%s"),
            "%s%s.%s" % ("%s", c.ri(1, 99), "%s"),
        ]
    ) % (base, c.ch(TLDS))


def url(c, p=None):
    x = c.r()
    d = domain(c)
    if x < 0.25:
        s = clean(fake(c, c.ch(["en_US", "de_DE", "fr_FR", "es_ES"]), c.ch(["url", "uri"])))
        if " " not in s:
            return s.rstrip("/") if c.r() < 0.5 else s
    if x < 0.45:
        return "https://www.%s/%s" % (
            d,
            c.ch(
                [
                    "about",
                    "contact",
                    "blog/%d/%02d/%s" % (c.ri(2005, 2025), c.ri(1, 12), slug(c.ch(SONG_WORDS))),
                    "team",
                    "u/%s" % slug(new_person(c)["first"]),
                    "profile?id=%d" % c.ri(1000, 999999),
                    "%s-%s" % (c.ch(SONG_WORDS).lower(), c.ch(SONG_WORDS).lower()),
                ]
            ),
        )
    if x < 0.6:
        return "www." + d
    if x < 0.7:
        p = p or new_person(c)
        handle = slug(p["first"]) + c.ch(["", ".", "_", "-"]) + slug(p["last"]) + c.ch(["", str(c.ri(1, 99))])
        site = c.ch(
            [
                "instagram.com/",
                "linkedin.com/in/",
                "facebook.com/",
                "github.com/",
                "soundcloud.com/",
                "vimeo.com/",
                "x.com/",
                "tiktok.com/@",
                "youtube.com/@",
                "medium.com/@",
            ]
        )
        return c.ch(["", "https://", "https://www."]) + site + handle
    if x < 0.8:
        return "http://%s/%s" % (
            d,
            c.ch(["index.html", "~%s" % slug(new_person(c)["last"]), "wp-admin", "cv.pdf", "photos"]),
        )
    return d


def ip(c, v=None):
    v = v or (4 if c.r() < 0.7 else 6)
    if v == 4:
        if c.r() < 0.5:
            return fake(c, "en_US", c.ch(["ipv4_public", "ipv4_private", "ipv4"]))
        return "%d.%d.%d.%d" % (c.ri(1, 223), c.ri(0, 255), c.ri(0, 255), c.ri(1, 254))
    s = fake(c, "en_US", "ipv6")
    if c.r() < 0.5:
        parts = s.split(":")
        for i in c.rng.sample(range(8), c.ri(1, 3)):
            parts[i] = "0"
        s = ipaddress.IPv6Address(":".join(parts)).compressed
    elif c.r() < 0.3:
        s = "fe80::%x:%x:%x:%x" % tuple(c.ri(0, 65535) for _ in range(4))
    return s


IBAN_LOCALES = [
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "nl_NL",
    "pl_PL",
    "pt_PT",
    "fi_FI",
    "cs_CZ",
    "sk_SK",
    "ro_RO",
    "no_NO",
    "da_DK",
    "de_AT",
    "de_CH",
    "en_GB",
    "nl_BE",
    "el_GR",
    "tr_TR",
    "pt_BR",
    "en_IE",
]


def group4(s, sep=" "):
    return sep.join(s[i : i + 4] for i in range(0, len(s), 4))


def cc(c):
    n = clean(
        fake(
            c,
            "en_US",
            "credit_card_number",
            card_type=c.ch(["visa16", "mastercard", "amex", "discover", "visa16", "mastercard", "jcb16", "maestro"]),
        )
    )
    x = c.r()
    if x < 0.45:
        if len(n) == 15:
            return "%s %s %s" % (n[:4], n[4:10], n[10:])
        return group4(n)
    if x < 0.6:
        return group4(n, "-")
    return n


def iban(c):
    s = clean(fake(c, c.ch(IBAN_LOCALES), "iban"))
    return group4(s) if c.r() < 0.55 else s


def _dob(c):
    return rand_date(c, 1930, 2012)


def _luhn_digit(num):
    tot = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return str((10 - tot % 10) % 10)


def id_fi(c):
    y, m, d = _dob(c)
    body = "%02d%02d%02d" % (d, m, y % 100)
    ind = "%03d" % c.ri(2, 899)
    chk = "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(body + ind) % 31]
    return body + ("-" if y < 2000 else "A") + ind + chk


def id_se(c):
    y, m, d = _dob(c)
    body = "%02d%02d%02d" % (y % 100, m, d) + "%03d" % c.ri(0, 999)
    return body[:6] + c.ch(["-", "-", ""]) + body[6:] + _luhn_digit(body)


def id_no(c):
    y, m, d = _dob(c)
    return "%02d%02d%02d%05d" % (d, m, y % 100, c.ri(0, 99999))


def id_cz(c):
    y, m, d = _dob(c)
    return "%02d%02d%02d/%04d" % (y % 100, m + (50 if c.r() < 0.5 else 0), d, c.ri(0, 9999))


def id_ee(c):
    y, m, d = _dob(c)
    return "%d%02d%02d%02d%04d" % (c.ch([3, 4]) if y < 2000 else c.ch([5, 6]), y % 100, m, d, c.ri(0, 9999))


def id_pesel(c):
    import datetime

    y, m, d = _dob(c)
    return fake(c, "pl_PL", "pesel", date_of_birth=datetime.date(y, m, d))


def id_curp(c):
    y, m, d = _dob(c)
    return "%s%02d%02d%02d%s%s%s%d%d" % (
        digits(c, "@@@@"),
        y % 100,
        m,
        d,
        c.ch("HM"),
        c.ch(["DF", "JC", "NL", "PL", "YN", "OC", "BC", "MC", "VZ", "CS"]),
        digits(c, "@@@"),
        c.ri(0, 9),
        c.ri(0, 9),
    )


def id_rfc(c):
    y, m, d = _dob(c)
    return "%s%02d%02d%02d%s" % (digits(c, "@@@@"), y % 100, m, d, digits(c, "@@#"))


NATID = [
    ("SSN", lambda c: fake(c, "en_US", "ssn")),
    ("Social Security number", lambda c: fake(c, "en_US", "ssn")),
    ("NI number", lambda c: fake(c, "en_GB", "ssn")),
    ("SIN", lambda c: fake(c, "en_CA", "ssn")),
    ("CPF", lambda c: fake(c, "pt_BR", "cpf")),
    ("PESEL", id_pesel),
    ("NIF", lambda c: fake(c, "es_ES", "nif")),
    ("NIE", lambda c: fake(c, "es_ES", "nie")),
    ("codice fiscale", lambda c: fake(c, "it_IT", "ssn")),
    ("BSN", lambda c: fake(c, "nl_NL", "ssn")),
    ("personnummer", id_se),
    ("fødselsnummer", id_no),
    ("henkilötunnus", id_fi),
    ("rodné číslo", id_cz),
    ("Aadhaar", lambda c: digits(c, "#### #### ####")),
    ("PAN", lambda c: digits(c, "@@@@@####@")),
    ("TFN", lambda c: digits(c, "### ### ###")),
    ("CURP", id_curp),
    ("RFC", id_rfc),
    ("DNI", lambda c: digits(c, "########") + c.ch("TRWAGMYFPDXBNJZSQVHLCKE")),
    ("TC Kimlik No", lambda c: fake(c, "tr_TR", "ssn")),
    ("numéro de sécurité sociale", lambda c: fake(c, "fr_FR", "ssn")),
    ("Steuer-ID", lambda c: digits(c, "## ### ### ###")),
    ("OIB", lambda c: fake(c, "hr_HR", "ssn")),
    ("RUT", lambda c: fake(c, "es_CL", "rut")),
    ("AHV-Nr.", lambda c: fake(c, "de_CH", "ssn")),
    ("isikukood", id_ee),
    ("CNP", lambda c: fake(c, "ro_RO", "ssn")),
    ("NHS number", lambda c: digits(c, "### ### ####")),
    ("Medicare number", lambda c: digits(c, "#### ##### #")),
    ("PPS number", lambda c: digits(c, "#######@")),
    ("INN", lambda c: digits(c, "############")),
    ("RRN", lambda c: digits(c, "######-#######")),
    ("My Number", lambda c: digits(c, "#### #### ####")),
    ("NRIC", lambda c: "S" + digits(c, "#######@")),
    ("cédula", lambda c: fake(c, "es_CO", "nuip")),
]


def natid(c):
    lab, f = c.ch(NATID)
    return lab, clean(f(c))


def plate(c):
    loc = c.ch(
        [
            "en_US",
            "en_GB",
            "de_DE",
            "fr_FR",
            "it_IT",
            "es_ES",
            "pl_PL",
            "nl_NL",
            "sv_SE",
            "fi_FI",
            "cs_CZ",
            "tr_TR",
            "ro_RO",
            "pt_BR",
            "pt_PT",
            "en_CA",
            "en_AU",
            "en_IN",
            "es_MX",
            "es_CL",
            "nl_BE",
            "de_AT",
            "uk_UA",
            "id_ID",
            "hu_HU",
            "no_NO",
            "da_DK",
            "el_GR",
        ]
    )
    s = clean(fake(c, loc, "license_plate"))
    if not is_latin(s):
        s = digits(c, "@@@-####")
    return s


def passport(c):
    if c.r() < 0.4:
        return clean(fake(c, "en_US", "passport_number"))
    if c.r() < 0.15:
        return clean(fake(c, "ru_RU", "passport_number"))
    return digits(c, c.ch(["@########", "@@#######", "#########", "@#######", "C01@##@##", "@@@######", "##@@#####"]))


def dl(c):
    if c.r() < 0.15:
        p = new_person(c)
        return (
            (slug(p["last"]).upper() + "99999")[:5]
            + digits(c, "######")
            + slug(p["first"])[:1].upper()
            + digits(c, "@#@@")
        )
    return digits(c, c.ch(US_DL))


def gen_id(c, kind):
    return digits(c, c.ch(ID_PATTERNS[kind]))


def vin(c):
    return clean(fake(c, "en_US", "vin"))


# ---------------------------------------------------------------------------
# placeholders -> segment lists
# ---------------------------------------------------------------------------
def seg(text, lab):
    return [(text, lab)]


def ph_name(kind):
    def f(c, key):
        return seg(name_variant(c, person(c, key), kind), "NAME")

    return f


def ph_title_name(c, key):
    p = person(c, key)
    t = c.ch(TITLES)
    return [(t + " ", None), (c.ch([p["last"], p["last"], full_of(p)]), "NAME")]


def ph_company(c, key):
    if c.r() < 0.5:
        return seg(c.ch(ORGS), IGN)
    s = clean(
        fake(
            c,
            c.ch(
                [
                    "en_US",
                    "de_DE",
                    "fr_FR",
                    "it_IT",
                    "es_ES",
                    "pl_PL",
                    "nl_NL",
                    "sv_SE",
                    "fi_FI",
                    "hu_HU",
                    "da_DK",
                    "no_NO",
                    "cs_CZ",
                    "pt_BR",
                ]
            ),
            "company",
        )
    )
    return seg(s if is_latin(s) else c.ch(ORGS), IGN)


def ph_band(c, key):
    x = c.r()
    if x < 0.4:
        return seg(
            "The %s %s"
            % (c.ch(SONG_WORDS), c.ch(["Collective", "Brothers", "Sisters", "Quartet", "Project", "Kids", "Machines"])),
            IGN,
        )
    if x < 0.7:
        return seg(
            "%s %s"
            % (
                c.ch(["Orquesta Sinfónica de", "Philharmonie", "Ensemble", "Coro de"]),
                c.ch(["Galicia", "Tenerife", "Navarra", "Luxembourg", "Baroque Modern"]),
            ),
            IGN,
        )
    return seg(
        "%s %s" % (new_person(c)["last"], c.ch(["String Quartet", "Trio", "Big Band", "Records", "Music Group"])), IGN
    )


def ph_job(c, key):
    if c.r() < 0.75:
        return seg(c.ch(JOBS), IGN)
    s = clean(fake(c, c.ch(["en_US", "en_GB"]), "job"))
    s = s.split(",")[0].strip()
    return seg(s.lower() if c.r() < 0.6 else s, IGN)


def _age90(c, key):
    k = "age%s" % key
    if key is None or k not in c.people:
        n = c.wch([(30, c.ri(90, 94)), (15, c.ri(95, 99)), (4, c.ri(100, 106)), (1, c.ri(107, 116))])
        if key is None:
            return n
        c.people[k] = n
    return c.people[k]


def ph_age90(c, key):
    return seg(str(_age90(c, key)), "AGE")


def ph_age90th(c, key):
    return seg(ordinal(_age90(c, key)), "AGE")


def _article(word):
    w = word.lower()
    if w[:1] in "aeio" or w.startswith(("un", "um", "up", "ul", "hour", "honest")):
        return "an "
    return "a "


def ph_ajob(c, key):
    ((s, lab),) = ph_job(c, key)
    return [(_article(s), None), (s, lab)]


def ph_anat(c, key):
    s = c.ch(NATIONALITIES)
    return [(_article(s), None), (s, IGN)]


def ph_id(kind):
    def f(c, key):
        return seg(gen_id(c, kind), "ID")

    return f


def ph_natid(c, key):
    lab, v = natid(c)
    return [(lab + c.ch([" ", ": ", " no. ", " # ", ": "]), None), (v, "ID")]


def ph_phonex(c, key):
    return [(phone(c), "PHONE"), (c.ch([" ext. ", " ext ", " x ", " extn. ", ", ext. ", " (ext. "]), None)] + (
        [(str(c.ri(1, 9999)), "PHONE")]
    )


def ph_time(c, key):
    h, mi = c.ri(0, 23), c.ch([0, 0, 15, 30, 45, c.ri(0, 59)])
    return seg(
        c.ch(
            [
                "%d:%02d" % (h, mi),
                "%02d:%02d" % (h, mi),
                "%d:%02d %s" % ((h % 12) or 12, mi, c.ch(["am", "pm", "AM", "PM", "a.m.", "p.m."])),
                "%d%s" % ((h % 12) or 12, c.ch(["am", "pm"])),
                "noon",
                "midnight",
                "%dh%02d" % (h, mi),
            ]
        ),
        None,
    )


def ph_dom(c, key):
    return seg(ordinal(c.ri(1, 31)), "DATE")


def ph_song(c, key):
    return seg(
        c.ch(
            [
                "%s %s" % (c.ch(SONG_WORDS), c.ch(SONG_WORDS)),
                "The %s" % c.ch(SONG_WORDS),
                "%s of the %s" % (c.ch(SONG_WORDS), c.ch(SONG_WORDS)),
                "%s in %s" % (c.ch(SONG_WORDS), c.ch(SONG_WORDS)),
            ]
        ),
        None,
    )


PH = {
    "name": ph_name("any"),
    "full": ph_name("full"),
    "first": ph_name("first"),
    "last": ph_name("last"),
    "mname": ph_name("mid"),
    "rname": ph_name("rev"),
    "lname": ph_name("lower"),
    "iname": ph_name("init"),
    "tname": ph_title_name,
    "city": lambda c, k: seg(any_city(c), "LOCATION"),
    "uscity": lambda c, k: seg(c.ch(US_CITIES)[0], "LOCATION"),
    "hood": lambda c, k: seg(c.ch(NEIGHBOURHOODS), "LOCATION"),
    "facility": lambda c, k: fac_seg(c),
    "hospital": lambda c, k: fac_seg(c, "hospital"),
    "school": lambda c, k: fac_seg(c, "school"),
    "venue": lambda c, k: fac_seg(c, "venue"),
    "hotel": lambda c, k: fac_seg(c, "hotel"),
    "park": lambda c, k: fac_seg(c, "park"),
    "addr": lambda c, k: addr_any(c),
    "addr1": lambda c, k: addr_oneline(c),
    "street": lambda c, k: street_only(c),
    "date": lambda c, k: seg(date_str(c), "DATE"),
    "dlong": lambda c, k: seg(date_str(c, "long"), "DATE"),
    "dnum": lambda c, k: seg(date_str(c, "num", 1990, 2027), "DATE"),
    "dfull": lambda c, k: seg(date_str(c, "full"), "DATE"),
    "dob": lambda c, k: seg(date_str(c, "full", 1925, 2015), "DATE"),
    "recent": lambda c, k: seg(date_str(c, c.ch(["long", "num", "any"]), 2015, 2027), "DATE"),
    "my": lambda c, k: seg(month_year(c), "DATE"),
    "dom": ph_dom,
    "phone": lambda c, k: seg(phone(c), "PHONE"),
    "phonex": ph_phonex,
    "email": lambda c, k: seg(email(c, person(c, k) if k else None), "EMAIL"),
    "url": lambda c, k: seg(url(c, person(c, k) if k else None), "URL"),
    "domain": lambda c, k: seg(domain(c), "URL"),
    "ip": lambda c, k: seg(ip(c), "IP"),
    "ip4": lambda c, k: seg(ip(c, 4), "IP"),
    "ip6": lambda c, k: seg(ip(c, 6), "IP"),
    "cc": lambda c, k: seg(cc(c), "ID"),
    "iban": lambda c, k: seg(iban(c), "ID"),
    "ssn": lambda c, k: seg(fake(c, "en_US", "ssn"), "ID"),
    "natid": ph_natid,
    "dl": lambda c, k: seg(dl(c), "ID"),
    "passport": lambda c, k: seg(passport(c), "ID"),
    "acct": ph_id("account"),
    "member": ph_id("member"),
    "policy": ph_id("policy"),
    "order": ph_id("order"),
    "ticket": ph_id("ticket"),
    "mrn": ph_id("mrn"),
    "booking": ph_id("booking"),
    "custno": ph_id("customer"),
    "plate": lambda c, k: seg(plate(c), "ID"),
    "vin": lambda c, k: seg(vin(c), "ID"),
    "age90": ph_age90,
    "age90th": ph_age90th,
    "age": lambda c, k: seg(str(c.ri(2, 88)), None),
    "kidage": lambda c, k: seg(str(c.ri(1, 17)), None),
    "year": lambda c, k: seg(str(c.ri(1900, 2026)), IGN),
    "oldyear": lambda c, k: seg(str(c.ri(1850, 1999)), IGN),
    "country": lambda c, k: seg(country_any(c), IGN),
    "state": lambda c, k: seg(state_any(c), IGN),
    "org": ph_company,
    "band": ph_band,
    "job": ph_job,
    "ajob": ph_ajob,
    "anat": ph_anat,
    "nat": lambda c, k: seg(c.ch(NATIONALITIES), IGN),
    "group": lambda c, k: seg(c.ch(GROUPS), IGN),
    "agroup": lambda c, k: (lambda g: [(_article(g), None), (g, IGN)])(c.ch(GROUPS)),
    "time": ph_time,
    "weekday": lambda c, k: seg(c.ch(WEEKDAYS), None),
    "n2": lambda c, k: seg(str(c.ri(2, 40)), None),
    "n3": lambda c, k: seg(str(c.ri(100, 999)), None),
    "money": lambda c, k: seg(
        c.ch(
            [
                "$%d.%02d" % (c.ri(1, 999), c.ri(0, 99)),
                "€%d" % c.ri(5, 2500),
                "£%d.%02d" % (c.ri(1, 400), c.ri(0, 99)),
                "%d zł" % c.ri(10, 900),
                "R$ %d,%02d" % (c.ri(10, 900), c.ri(0, 99)),
                "%d kr" % c.ri(50, 5000),
            ]
        ),
        None,
    ),
    "song": ph_song,
    "title": ph_song,
    "word": lambda c, k: seg(c.ch(SONG_WORDS), None),
    "ten": lambda c, k: seg(str(c.ch([5, 10, 20, 25, 50, 100])), None),
}

_PH_RE = re.compile(r"\{([a-z0-9]+)(?:@(\d))?\}")


def render(c, tpl):
    segs = []
    pos = 0
    for m in _PH_RE.finditer(tpl):
        if m.start() > pos:
            segs.append((tpl[pos : m.start()], None))
        segs.extend(PH[m.group(1)](c, m.group(2)))
        pos = m.end()
    if pos < len(tpl):
        segs.append((tpl[pos:], None))
    return segs


# ---------------------------------------------------------------------------
# templates  (weight, genre, template)   -- template: str with {placeholders}
# or a callable(c) -> segment list.  {kind@k} re-uses person k in one text.
# ---------------------------------------------------------------------------
T = []


def t(genre, *tpls):
    for s in tpls:
        T.append((genre, s))


t(
    "trivia",
    "{full@1} listed his top {n2} songs of {year} on {url}, and '{song}' was number one.",
    "The {band} was founded in {oldyear} by {full} in {city}.",
    "Did you know {full} recorded the whole album in a barn outside {city}?",
    "{full@1}'s debut novel, set in {hood}, came out on {dlong}; {last@1} was {age} at the time.",
    "Q: Who directed '{title}'? A: {full}, born in {city} in {oldyear}.",
    "Trivia night: {first@1} {last@1} won again. {first@1} says the secret is reading the back of cereal boxes.",
    "The film premiered at {venue} on {dlong}, with {full} and {full} in attendance.",
    "{last} conducted the {band} for the last time in {my}.",
    "Fun fact: '{song}' was written at {hotel} in {city} by {full} and {first}.",
    "According to the liner notes, the record was mixed by {mname} at a studio in {hood}.",
    "The orchestra gave its first concert in {city} on {dfull}, under {full}.",
    "{full} holds the record for the longest organ recital, played at {venue}.",
    "In {year}, {full} became the first {nat} woman to swim from {city} to {city}.",
    "Top 5 covers of '{song}': 1) {full} 2) {full} 3) {band} 4) {first} 5) {full}",
    "The painting was sold to {full}, a collector from {city}, for {money}.",
    "'{title}' by {full} — first edition, signed, {city}, {oldyear}.",
    "{full@1} (guitar), {full@2} (bass) and {full@3} (drums) met at {school} in {city}.",
    "Which chess player from {city} beat {full} in {year}? It was {full}.",
    "The bridge in {city} is named after {full}, who drowned there on {dlong}.",
)
t(
    "credits",
    "Directed By: {full}\nWritten By: {full}\nRelease Date: {date}",
    "Photo: {full}/{org}",
    "By {full} | {dlong} | {city}",
    "Story and photos by {full}, {job}",
    "Cover art: {full}. Editing: {first}. Printed in {city}.",
    "Interview conducted by {full} on {dnum} in {city}.",
    "Produced by {mname}\nMastered at {venue}, {city}\nSpecial thanks to {first}, {first} & {full}",
    "Words: {full}  Music: {full}  Arr.: {iname}",
    "Illustration © {full}",
    "Reporting by {full} in {city}; additional reporting by {full}; editing by {full}.",
    "Translated from the {nat} by {full}",
    "Cast: {full}, {full}, {full}. Casting director: {full}.",
)
t(
    "chat",
    "User: {full}\nAgent: {first}\nTicket #{ticket}\nOpened: {dnum} {time}",
    "[{time}] {lname}: hey is {first} coming tonight?\n[{time}] {first}: idk ask her",
    "From: {full@1} <{email@1}>\nTo: {email}\nDate: {dfull}\nSubject: re: the {word} files",
    "Ticket {ticket} — Customer: {rname} — Phone: {phone}",
    "Caller: {mname}\nCallback: {phone}\nNotes: wants a refund, calls back after {time}",
    "{first@1}: where are u\n{first@2}: at {facility}\n{first@1}: omw",
    "Chat started {dnum} {time}\nVisitor: {full}\nVisitor email: {email}\nVisitor IP: {ip}",
    "Agent {first}: Could you confirm your date of birth?\nCustomer: {dob}",
    "> {lname} joined the channel\n> {lname}: morning all, I'm in {city} this week",
    "Assigned to: {first} {iname}\nReporter: {full}\nStatus: open",
    "-- Forwarded message --\nFrom: {full} <{email}>\nSent: {weekday}, {dlong} {time}",
)
t(
    "bare",
    "My name is {full}.",
    "My name is {name} and I live at {addr}.",
    "I live at {addr}.",
    "Please ship to {addr}",
    "Please ship to: {full}, {addr}",
    "Call me at {phone}.",
    "You can reach me on {phone} or {email}.",
    "I'm {first} from {city}.",
    "I'm {first}, I live in {hood}.",
    "Name's {last}. {full@1}, if you need the whole thing.",
    "my email is {email} and my ip was {ip}",
    "Born {dob} in {city}.",
    "I was born on {dob}.",
    "My address is {addr1}.",
    "My new number is {phone}.",
    "Send the invoice to {email}, attention {tname}.",
    "My SSN is {ssn}.",
    "This is {full} calling for {tname}.",
    "i live on {street} near the {word} bakery",
    "Text {phone} after {time}.",
    "My birthday is {dlong}.",
    "We moved to {addr1} in {my}.",
    "Deliver to: {addr}",
    "Mailing address: {addr}",
    "Fax: {phone}",
    "My wife's name is {first} and she was born in {city}.",
    "Ship to:\n{full}\n{addr}",
    "Please send it to {addr} — {full}",
    "Our office is at {addr}.",
    "The new address is {addr}, effective {dlong}.",
    "Return address: {addr}",
    "I used to live at {addr1} but now I'm at {addr}.",
    "Billing address: {addr}\nShipping address: {addr}",
    "Pick me up at {addr1}?",
    "Address on file: {addr1}",
    "Send the keys to {addr}, thanks!",
    "Reach {first} at {phonex}.",
    "Contact: {full}, {phone}, {email}",
)
t(
    "service",
    "Hi, my card {cc} was charged twice on {dnum}. Account holder: {full}.",
    "Please update the IBAN on account {acct} to {iban}. Thanks, {first}",
    "I need to cancel order #{order}; it was supposed to arrive at {addr} by {dlong}.",
    "My policy number is {policy} and my date of birth is {dob}.",
    "Can you tell me why my member ID {member} doesn't work at {facility}?",
    "Hello, I moved from {addr1} to {addr}. Please update my records. — {full}",
    "Fraud alert: a login from {ip} on {dnum} at {time}. If this wasn't you, call {phone}.",
    "The refund went to the wrong card ({cc}). My {natid} if you need to verify.",
    "Hi {first}, your appointment at {facility} is confirmed for {recent} at {time}.",
    "Dear {tname}, your new card ending differently from the old one will be posted to {addr} within {n2} days.",
    "Customer {custno} ({full}) reports that payments to {iban} bounce since {dlong}.",
    "Please block my card {cc} immediately, I lost my wallet in {city}.",
    "I'd like to change the account holder on {acct} from {full} to {full}.",
    "Your package {order} could not be delivered to {addr}. Reschedule at {url}.",
    "Booking ref {booking} for {rname}, check-in {dlong}, {hotel}.",
    "My driver's licence number is {dl} and it expires {dfull}.",
    "Passport no. {passport}, issued {dnum}, holder {full}.",
    "Please send the replacement SIM to {addr} — number {phone}, account {acct}.",
    "Hi, I'm writing about invoice {order}. The billing email should be {email}, not {email}.",
    "Is it possible to pay with IBAN {iban} instead of the card ending in my name, {full}?",
    "Vehicle {plate} (VIN {vin}) was towed from {street} on {dnum}.",
    "Change of address for account {acct}: old {addr1}; new {addr}.",
    "Please re-send the letter to {addr}, the previous one went to {addr1}.",
    "Your order {order} will be shipped to: {full}, {addr}",
    "Hi, the courier says {addr1} doesn't exist. It does! Please call {phone}.",
)
t(
    "travel",
    "We drove from {city} to {city} in two days and stopped at {park} on the way.",
    "Last {my} I stayed at {hotel} in {city}; the host, {first}, was lovely.",
    "Flew out of {city} on {dlong}, landed in {city} the next morning.",
    "Our guide {full} grew up in {hood}, just outside {city}.",
    "Backpacking diary, day {n2}: lost my passport ({passport}) somewhere near {city}.",
    "If you're ever in {city}, ask for {first} at {hotel}.",
    "From {city} we took the night train to {city}, then a bus to {city}.",
    "Spent {dlong} hiking around {park} with {first} and {first}.",
    "The ferry from {city} was cancelled, so we slept at {facility}.",
    "Honeymoon: {dlong} – {dlong}, {city} and {city}. Highly recommend {hotel}!",
    "My grandmother was born in a village near {city}, and we finally visited it on {dlong}.",
    "We rented a flat at {addr1} for a week; the owner {full} met us at {time}.",
)
t(
    "bio",
    "{full} (born {dlong}) is {anat} {job} based in {city}.",
    "{full@1} was raised in {city} and studied at {school} before moving to {city} in {year}.",
    "About me: {first}, {age}, {job}, living in {hood}. Contact: {email}",
    "{full} died on {dfull} at the age of {age90} in {city}.",
    "{tname} has practised at {hospital} since {year}.",
    "{full@1} ({dob} – {dfull}) was {anat} {job} and the founder of {org}.",
    "{full} is {agroup} {job} from {city} who writes about food at {url}.",
    "Born in {city} to {anat} father and {anat} mother, {full} moved to {country} aged {kidage}.",
    "{full@1}, {age}, has lived on {street} in {city} since childhood.",
    "{first@1} {last@1} grew up in {city}, {state}. {last@1} now teaches at {school}.",
    "Obituary: {full@1}, {age90}, of {city}, passed away peacefully on {dlong}. Born {dob} in {city}.",
    "{rname} — {job}, {org}. Previously at {org}. Lives in {city}.",
)
t(
    "complaint",
    "Complaint re: {full}, driver of plate {plate}, who cut me off on {street} on {dnum}.",
    "I've called {phone} six times since {dlong} and nobody from {org} has helped.",
    "The landlord, {tname}, still hasn't fixed the heating at {addr}.",
    "Your courier left my parcel at {addr1} instead of my house. Tracking {order}.",
    "Nurse {first} at {hospital} was rude to my mother on {dlong}.",
    "Neighbours at {addr1} have been playing music past {time} every night since {dlong}!!!",
    "Worst service ever at {hotel}, {city}. Manager {full} refused to refund {money}.",
    "Third complaint: the {org} technician, {first}, never came on {dlong}. Ref {ticket}.",
    "Somebody from {ip} keeps trying to log into my account, please block it. User: {lname}",
    "Someone keeps parking in front of {addr1} with plate {plate}.",
    "The bin collection skipped {addr1} again. Third time since {dlong}.",
)
t(
    "listing",
    "FOR SALE: 2-bed flat, {addr}. Viewings {weekday} {time}. Call {first} on {phone}.",
    "Room available in {hood}, {city}. Contact {email}.",
    "Lost dog near {park}, answers to Biscuit. Owner: {full}, {phone}.",
    "Garage sale at {addr1} this {weekday}!",
    "Piano lessons with {tname} — {phone} — {url}",
    "Babysitter available in {city}, references from {full} and {full}. Text {phone}.",
    "Found: wallet with ID of {full} on {street}. Call {phone}.",
    "Apartment for rent: {addr} — {money}/month, available from {dlong}. Email {email}.",
    "Selling my bike, pick up in {hood}. {first}, {phone}",
    "Yoga in {park} every {weekday} at {time}, led by {first}. Info: {domain}",
    "Open house: {addr1}, {dlong}, {time}. Agent {full}, {phone}",
    "Studio to let — {addr}. {money} pcm. Call {phone}.",
    "Estate sale: {addr1}, {weekday}–{weekday}.",
    "Office space, {addr}. Contact {tname}, {phonex}.",
)
t(
    "invite",
    "You're invited! {first} & {first} are getting married on {dlong} at {venue}, {city}. RSVP to {email} by the {dom}.",
    "Join us for Grandma {first@1}'s {age90th@1} birthday — she turns {age90@1} on {dlong}! {addr}",
    "Grandpa {first}'s {age90th} birthday party: {addr}, {dlong}, {time}. Call {phone}.",
    "Wedding gifts can be sent to {addr}.",
    "Book club meets at {first}'s place ({addr1}) on the {dom}.",
    "Please join the family of {full} for a memorial at {facility} on {dlong} at {time}.",
    "Save the date: {full@1} and {full@2}, {dfull}, {city}.",
    "Baby shower for {first} on {weekday} {dlong}! Address: {addr}. Call {phone} if lost.",
    "Reunion of the class of {year} at {school}, {dlong}. Organiser: {full} ({email}).",
    "Housewarming at {addr1}, {dlong} from {time}. Bring snacks! — {first} & {first}",
)
t(
    "qa",
    "Q: Is {full} related to {full}? A: Yes, they are cousins from {city}.",
    "Does anyone know if {full} still lives in {city}?",
    "What happened to {full}, the {job} from {city}?",
    "Who was {full}? Answer: {anat} {job}, born in {city} on {dlong}.",
    "Is {full@1} the same {last@1} who ran {hotel} back in {oldyear}?",
    "How old is {full}? — {full} was born on {dob}, so do the maths.",
    "Where did {first} {last} go to school? {school}, I think.",
    "Anyone have contact info for {full}? Last I heard she was at {addr1}.",
    "Was {full} ever married to {full}?",
    "Looking for {full}, formerly of {street}, {city}. Please contact {email}.",
)
t(
    "health",
    "My dad is {age90} and has been dizzy since {dlong}. He's at {hospital} now. Any advice?",
    "Has anyone seen {tname} at {hospital}? I have an appointment on {dnum}.",
    "My daughter ({kidage}) got a rash after her shot on {dlong}. We're in {city}.",
    "MRN {mrn} — {full}, admitted {dnum}, discharged {dnum}.",
    "Grandpa turned {age90} on {dlong} and still walks to {park} every day.",
    "Is it normal to feel this tired {n2} days after surgery? I'm {age} and had it done at {hospital} on {dlong}.",
    "My mum, who is {age90}, keeps forgetting her pills. Her GP is {tname} in {city}.",
    "Anyone tried the sleep clinic at {hospital}? Dr {last} referred me on the {dom}.",
    "I'm {age}, diagnosed in {my}. The team at {hospital} has been great, esp. nurse {first}.",
    "A {age90}-year-old woman from {city} was treated at {hospital} after the fall.",
    "Patient: {rname}  DOB: {dob}  Ins. member ID: {member}",
    "Please send my records to {addr}. Patient: {full}, DOB {dob}.",
    "Home visit for {tname} at {addr1}, {dlong}.",
)
t(
    "tech",
    "Server {ip4} stopped responding at {time}; admin {full} ({email}) is looking into it.",
    "Whitelist {ip} and {ip} for {first}'s VPN.",
    "Repo moved to {url} — ping {first} if the build breaks.",
    "Failed login for user {lname} from {ip6} on {dnum}.",
    "DNS for {domain} now points to {ip4}. Changed by {full} on {dnum}.",
    "Admin contact: {full}, {email}, {phone}",
    "Blocked {ip} after {n3} failed attempts. Reported by {first}.",
)
t(
    "news",
    "Police in {city} are looking for {full}, {age}, last seen on {street} on {dlong}.",
    "{full@1}, {age90}, became the oldest resident of {city} on {dlong}.",
    "A fire broke out at {facility} on {dlong}; {full} said nobody was hurt.",
    "Mayor {full} of {city} opened {park} on {weekday}.",
    "{full} scored twice at {venue} as {city} beat {city} 3-1.",
    "The {org} branch on {street} in {city} will close on {dlong}.",
    "Residents of {hood} met with councillor {full} on {dnum} to discuss parking.",
    "Serving the people of {city} and {city} since {oldyear}.",
    "Local hero: {full}, {ajob} from {city}, pulled a child out of the river near {park}.",
)
t(
    "misc",
    "Grandma {first}'s apple cake (from her kitchen in {city}, {year}).",
    "Happy birthday to my bestie {first}!! {dlong} forever 🎉",
    "Genealogy: {full} (b. {dlong}, {city}; d. {year}) married {full} in {city}.",
    "Case of {full} v. {org}, filed {dnum}.",
    "Pickup: {addr1} at {time}. Driver: {first}, plate {plate}.",
    "Prayers for {full}, who is at {hospital} recovering from surgery.",
    "Applicant: {full}; position: {job}; references: {full}, {full}.",
    "Stayed at {hotel} — the manager {first} was lovely, but the wifi was awful.",
    "Roster: {last}, {last}, {last}, {first} and the new kid from {city}.",
    "Lunch with {first} at {time} near {facility}.",
    "Alumni news: {full} married {full} in {city} on {dlong}.",
    "Emergency contact — {rname}, {phone}",
    "Vet appointment for Mochi on {dlong}, owner {full}, {phone}.",
    "Our new home: {addr} 🏡",
    "Return to sender: {full}, {addr}",
    "Tenant: {full}\nUnit: {addr}\nLease start: {dfull}\nDeposit paid to {iban}",
    "{full} and I went to {school} together in {city}; now she's {ajob} in {country}.",
)
t(
    "address",
    "Ship to:\n{full}\n{addr}",
    "{full}\n{addr}",
    "{tname}\n{addr}\n{phone}",
    "Address: {addr}",
    "Deliver to {addr}. Leave it with {first} next door if nobody answers.",
    "New address from {dlong}: {addr}",
    "Could you send the samples to {addr}?",
    "c/o {full}, {addr}",
    "Please forward my mail to {addr}.",
    "We're at {addr} now, come visit!",
    "Shipping: {addr}\nBilling: same",
    "My parents still live at {addr1}.",
    "The meeting is at {addr}, second floor.",
    "Invoice address:\n{org}\nAttn. {full}\n{addr}",
    "Return label: {addr}",
    "He gave {addr1} as his address, but nobody there knows him.",
    "Drop-off point: {addr1} (ring twice)",
    "{addr}",
    "Sender: {full}, {addr}; recipient: {full}, {addr}",
    "The flat at {addr1} is finally ours!",
    "Post it to {addr} before {dlong}, please.",
)
t(
    "phone",
    "Call {first} on {phone} or {phone}.",
    "Office: {phone}\nMobile: {phone}\nFax: {phone}",
    "Please ring me back on {phonex}.",
    "If no answer try {phone} (home) or {phone} (work).",
    "Tel {phone} | Fax {phone} | {email}",
    "Wrong number? I was trying to reach {full} at {phone}.",
    "Support hotline: {phone}, Mon–Fri {time}–{time}.",
    "WhatsApp me: {phone}",
    "Text {first} at {phone} when you land in {city}.",
    "Reception: {phonex}",
)
# very short texts (2-6 words)
t(
    "short",
    "Call {first}.",
    "Thanks {first}!",
    "{city} tonight?",
    "Bye, {full}",
    "Born {dob}.",
    "Ship to {addr1}",
    "{phone}",
    "{email}",
    "Dear {full},",
    "Regards, {first}",
    "See {url}",
    "{full} here.",
    "Meet at {facility}?",
    "Happy birthday {first}!",
    "Due {date}.",
    "Ask for {last}.",
    "— {first}",
    "Love, {first} xx",
    "cc {first}",
    "{tname} called.",
    "In {city} till {dlong}",
    "DOB {dob}",
    "Tel. {phone}",
    "IP {ip}",
    "Acct {acct}",
    "Sent from {city}",
    "{first}?",
    "Hi {lname}",
    "Order {order} shipped.",
    "{date}",
    "Moved to {city}.",
    "Visit {domain}",
    "Signed: {mname}",
    "Flight {dlong}, {city}.",
    "Age {age90}.",
    "Cheers, {full}",
    "Room {n3}, {hotel}",
    "{first} from {hood}",
)
# texts without identifiers (ignore-only or nothing)
t(
    "none",
    "The meeting moved to {weekday} at {time}.",
    "I think the {nat} team will win this year.",
    "Prices went up a lot in {year}.",
    "My son is {kidage} and loves trains.",
    "Traffic was terrible this morning.",
    "{org} announced new rules for customers in {country}.",
    "She works as {ajob}.",
    "We ordered {n2} pizzas for the office.",
    "Is it normal to feel tired after a flu shot?",
    "The weather in {state} has been odd lately.",
    "Can someone recommend a good {job}?",
    "I'm {age} and just started running.",
    "The album came out in {year} and nobody noticed.",
    "Our {group} community meets on {weekday}s.",
    "Does {org} ship to {country}?",
    "Remember to drink water.",
    "See you at {time}!",
    "My landlord is {anat} {job}.",
    "Best pizza I've had since {year}.",
    "The {band} sounded better live.",
    "How do I reset my password?",
    "ok thanks",
    "Why is the train always late on {weekday}?",
    "{country} won {n2} medals.",
    "I switched from {org} to {org} last month.",
    "My knee hurts when it rains.",
    "Anyone else watching the game at {time}?",
    "The recipe calls for {n2} eggs.",
    "The {nat} embassy is closed on {weekday}.",
    "He was {age} when he learned to swim.",
    "My grandfather, who is {age}, still drives.",
    "Shipping to {state} takes {n2} days.",
    "Please bring two forms of ID.",
    "The office is open {weekday} to {weekday}, {time} to {time}.",
    "She left {org} in {year} to become {ajob}.",
    "No names please, just the numbers.",
)


def tpl_form(c):
    fields = [
        ("Name", "{full@1}"),
        ("Full name", "{full@1}"),
        ("Patient", "{rname@1}"),
        ("Surname", "{last@1}"),
        ("First name", "{first@1}"),
        ("DOB", "{dob}"),
        ("Date of birth", "{dob}"),
        ("Address", "{addr}"),
        ("Home address", "{addr1}"),
        ("Phone", "{phone}"),
        ("Mobile", "{phone}"),
        ("Fax", "{phone}"),
        ("Email", "{email@1}"),
        ("E-mail", "{email@1}"),
        ("Website", "{url@1}"),
        ("City", "{city}"),
        ("Birthplace", "{city}"),
        ("Employer", "{org}"),
        ("Occupation", "{job}"),
        ("Nationality", "{nat}"),
        ("Country", "{country}"),
        ("State", "{state}"),
        ("Member ID", "{member}"),
        ("Policy no.", "{policy}"),
        ("IBAN", "{iban}"),
        ("Card", "{cc}"),
        ("Passport", "{passport}"),
        ("Licence", "{dl}"),
        ("Emergency contact", "{full} ({phone})"),
        ("Age", "{age}"),
        ("Age", "{age90}"),
        ("Signed", "{dnum}"),
        ("Date", "{date}"),
        ("Plate", "{plate}"),
        ("IP", "{ip}"),
        ("MRN", "{mrn}"),
        ("Ref", "{ticket}"),
        ("Customer no.", "{custno}"),
        ("Spouse", "{full}"),
        ("GP", "{tname}"),
        ("Hospital", "{hospital}"),
        ("Hometown", "{city}"),
        ("Neighbourhood", "{hood}"),
    ]
    k = c.ri(2, 7)
    chosen = c.rng.sample(fields, k)
    if c.r() < 0.7:
        chosen = [c.ch(fields[:4])] + [f for f in chosen if f[0] not in ("Name", "Full name", "Patient", "Surname")]
    sep = c.ch([": ", ": ", " - ", ":\t", " = ", ":  "])
    joiner = c.ch(["\n", "\n", " | ", "; ", "\n"])
    upper = c.r() < 0.15
    parts = []
    for lab, v in chosen:
        parts.append((lab.upper() if upper else lab) + sep + v)
    return render(c, joiner.join(parts))


def tpl_list(c):
    n = c.ri(2, 5)
    style = c.ri(0, 3)
    lines = []
    for i in range(n):
        item = c.ch(
            [
                "{full} ({city})",
                "{full}, {phone}",
                "{rname} - {email}",
                "{full}; {phone}; {email}",
                "{name}",
                "{full} — {job}",
                "{first} {last}, {age90}",
                "{full}, {dlong}",
                "{full} | {addr1}",
            ]
        )
        lines.append(("%d. " % (i + 1) if style == 0 else "- " if style == 1 else "* " if style == 2 else "") + item)
    head = c.ch(["Attendees:\n", "Contacts\n", "Guest list:\n", "Winners:\n", "", "Call list ({dnum}):\n"])
    return render(c, head + "\n".join(lines))


def tpl_csv(c):
    hdr = c.ch(["name,phone,email\n", "name;city;dob\n", ""])
    rows = []
    for _ in range(c.ri(1, 4)):
        if hdr.startswith("name;"):
            rows.append("{full};{city};{dob}")
        else:
            rows.append("{full},{phone},{email}")
    return render(c, hdr + "\n".join(rows))


def tpl_dialogue(c):
    lines = [
        "{first@1}: hi, it's {first@1} from {city}",
        "{first@2}: oh hey! how's {first@3}?",
        "{first@1}: good, she moved to {addr1}",
        "{first@2}: send me her number",
        "{first@1}: {phone}",
    ]
    k = c.ri(2, len(lines))
    return render(c, "\n".join(lines[:k]))


T += [("form", tpl_form), ("list", tpl_list), ("csv", tpl_csv), ("dialogue", tpl_dialogue)]

# share of texts per genre (templates inside a genre are equally likely)
GENRE_W = {
    "none": 13,
    "short": 8,
    "bare": 12,
    "address": 15,
    "service": 11,
    "form": 9,
    "listing": 6,
    "travel": 4,
    "bio": 4,
    "chat": 4,
    "dialogue": 1.5,
    "trivia": 3,
    "credits": 2.5,
    "complaint": 4,
    "invite": 3,
    "qa": 2.5,
    "health": 4,
    "tech": 2,
    "news": 2.5,
    "misc": 3,
    "list": 2.5,
    "csv": 1,
    "phone": 3,
}


# ---------------------------------------------------------------------------
# assembling + validation
# ---------------------------------------------------------------------------
def _isw(ch):
    return ch.isalnum()


def check_record(rec):
    """returns list of problems (empty if fine)"""
    errs = []
    text = rec.get("text")
    if not isinstance(text, str) or not isinstance(rec.get("id"), str):
        return ["bad id/text"]
    allsp = []
    for key in ("spans", "ignore"):
        for s in rec.get(key, []):
            a, b = s.get("start"), s.get("end")
            if not (isinstance(a, int) and isinstance(b, int) and 0 <= a < b <= len(text)):
                errs.append("%s bad offsets %r" % (key, s))
                continue
            if key == "spans" and s.get("type") not in TYPES:
                errs.append("bad type %r" % s.get("type"))
            if key == "ignore" and set(s) != {"start", "end"}:
                errs.append("ignore keys %r" % s)
            if text[a].isspace() or text[b - 1].isspace():
                errs.append("%s whitespace edge %r" % (key, text[a:b]))
            if a > 0 and _isw(text[a - 1]) and _isw(text[a]):
                errs.append("%s starts inside word %r" % (key, text[max(0, a - 5) : b]))
            if b < len(text) and _isw(text[b - 1]) and _isw(text[b]):
                errs.append("%s ends inside word %r" % (key, text[a : b + 5]))
            allsp.append((a, b, key))
    allsp.sort()
    for (a1, b1, k1), (a2, b2, k2) in zip(allsp, allsp[1:]):
        if a2 < b1:
            errs.append("overlap %s %r / %s %r" % (k1, text[a1:b1], k2, text[a2:b2]))
    return errs


def assemble(segs, rid):
    text = []
    pos = 0
    spans, ign = [], []
    for s, lab in segs:
        if not s:
            continue
        if lab is not None:
            lead = len(s) - len(s.lstrip())
            trail = len(s) - len(s.rstrip())
            core = s.strip()
            if lead:
                text.append(s[:lead])
                pos += lead
            if core:
                tgt = ign if lab == IGN else spans
                prev = tgt[-1] if tgt else None
                # "{first} {last}" written as two placeholders is still one name
                glued = (
                    prev is not None
                    and lab == "NAME"
                    and prev["type"] == "NAME"
                    and prev["end"] == pos - 1
                    and text
                    and text[-1] == " "
                    and not (ign and ign[-1]["end"] > prev["end"])
                )
                if glued or (prev is not None and prev["end"] == pos and (lab == IGN or prev["type"] == lab)):
                    prev["end"] = pos + len(core)
                else:
                    d = {"start": pos, "end": pos + len(core)}
                    if lab != IGN:
                        d["type"] = lab
                    tgt.append(d)
                text.append(core)
                pos += len(core)
            if trail:
                text.append(s[len(s) - trail :])
                pos += trail
        else:
            text.append(s)
            pos += len(s)
    full = "".join(text)
    # keep the record key order stable: id, text, spans, ignore
    for d in spans:
        d2 = {"start": d["start"], "end": d["end"], "type": d["type"]}
        d.clear()
        d.update(d2)
    return {"id": rid, "text": full, "spans": spans, "ignore": ign}


def post(c, segs):
    """light surface variation on the whole text (never touches labelled text)"""
    # capitalise the first plain character when the text starts with plain lowercase
    if segs and segs[0][1] is None and segs[0][0][:1].islower() and c.r() < 0.5:
        segs[0] = (segs[0][0][:1].upper() + segs[0][0][1:], None)
    if c.r() < 0.04:  # all-lowercase chat style for plain parts only
        segs = [(s.lower(), lab) if lab is None else (s, lab) for s, lab in segs]
    return segs


def generate(seed, n):
    c = Ctx(seed)
    per_genre = {}
    for g, _ in T:
        per_genre[g] = per_genre.get(g, 0) + 1
    weights = [(GENRE_W[g] / per_genre[g], i) for i, (g, _) in enumerate(T)]
    out = []
    stats = {"retries": 0}
    i = 0
    while len(out) < n:
        idx = c.wch(weights)
        genre, tpl = T[idx]
        c.people = {}
        segs = tpl(c) if callable(tpl) else render(c, tpl)
        segs = post(c, segs)
        rec = assemble(segs, "gen3-%d-%05d" % (seed, len(out)))
        i += 1
        if check_record(rec) or not rec["text"].strip():
            stats["retries"] += 1
            continue
        out.append(rec)
    return out, stats


def run_check(path):
    n = 0
    bad = 0
    ids = set()
    counts = {}
    nign = 0
    nospan = 0
    for line in open(path, encoding="utf-8"):  # noqa: SIM115
        rec = json.loads(line)
        n += 1
        errs = check_record(rec)
        if rec["id"] in ids:
            errs.append("duplicate id")
        ids.add(rec["id"])
        if set(rec) != {"id", "text", "spans", "ignore"}:
            errs.append("keys %r" % sorted(rec))
        if errs:
            bad += 1
            if bad <= 20:
                print("BAD", rec["id"], errs[:3])
        for s in rec["spans"]:
            counts[s["type"]] = counts.get(s["type"], 0) + 1
        nign += len(rec["ignore"])
        nospan += not rec["spans"]
    tot = sum(counts.values()) or 1
    print(
        "%s: %d records, %d bad, %d without spans (%.1f%%), %d ignore spans"
        % (path, n, bad, nospan, 100.0 * nospan / max(n, 1), nign)
    )
    for k in TYPES:
        v = counts.get(k, 0)
        print("  %-9s %6d  %5.1f%%" % (k, v, 100.0 * v / tot))
    return bad == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=3101)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--out")
    ap.add_argument("--check", help="validate an existing JSONL file and exit")
    a = ap.parse_args()
    if a.check:
        sys.exit(0 if run_check(a.check) else 1)
    if not a.out:
        ap.error("--out is required")
    recs, stats = generate(a.seed, a.n)
    d = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(d, exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote %d records to %s (%d rejected drafts)" % (len(recs), a.out, stats["retries"]), file=sys.stderr)


if __name__ == "__main__":
    main()
