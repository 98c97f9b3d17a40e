#!/usr/bin/env python3
"""Build benchmarks/pii_sets/general.jsonl -- a BLIND test set of short general
(non-clinical) English texts with personal identifiers and exact span labels.

Deterministic (seed 20261206), offline, standard library + faker only.
Run:  /work/main/.venv/bin/python benchmarks/pii_sets/build_general.py

Every text is assembled piece by piece from hand-written templates; the offsets
of every identifier are recorded while concatenating (never by searching the
finished text).  Template mini-language:
    {KEY} or {KEY:var}     placeholder (var ties repeated mentions of the same
                           person / place together; a var starting with "f" is
                           a woman, "m" a man)
    [[a|b|c]]              random choice among alternatives (may nest)
Identifier types: NAME ADDRESS LOCATION DATE PHONE EMAIL URL IP ID AGE.
`ignore` holds countries, US states/provinces, continents and lone years.
This is a TEST set; it must never be used for tuning.
"""

import json
import os
import random
import re
import sys
import unicodedata
from datetime import date, timedelta

# Some Faker providers draw from hash-ordered collections, so string hashing
# must be fixed for byte-identical output: re-run ourselves with PYTHONHASHSEED=0.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})

from faker import Faker

SEED = 20261206
N_TEXTS = 1500
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "general.jsonl")

R = random.Random(SEED)
TYPES = {"NAME", "ADDRESS", "LOCATION", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE"}

# ---------------------------------------------------------------- Faker ----
NAME_LOCALES = [
    "fi_FI",
    "hu_HU",
    "cs_CZ",
    "sk_SK",
    "pl_PL",
    "tr_TR",
    "vi_VN",
    "en_IN",
    "es_ES",
    "es_MX",
    "es_AR",
    "es_CO",
    "es_CL",
    "pt_BR",
    "pt_PT",
    "de_DE",
    "de_AT",
    "de_CH",
    "nl_NL",
    "nl_BE",
    "fr_FR",
    "fr_CA",
    "it_IT",
    "sv_SE",
    "da_DK",
    "no_NO",
    "ga_IE",
    "en_IE",
    "en_GB",
    "en_US",
    "en_AU",
    "ro_RO",
    "hr_HR",
    "sl_SI",
    "et_EE",
    "lv_LV",
    "lt_LT",
    "id_ID",
    "yo_NG",
    "ig_NG",
    "tw_GH",
    "zu_ZA",
    "az_AZ",
]
_FK = {}


def fk(loc):
    if loc not in _FK:
        f = Faker(loc)
        f.seed_instance(SEED + 7 * len(_FK))
        _FK[loc] = f
    return _FK[loc]


for _loc in NAME_LOCALES:
    fk(_loc)


def is_latin(s):
    for ch in s:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def pick(seq):
    return seq[R.randrange(len(seq))]


def chance(p):
    return R.random() < p


def wpick(pairs):
    tot = sum(w for _, w in pairs)
    x = R.random() * tot
    for v, w in pairs:
        x -= w
        if x <= 0:
            return v
    return pairs[-1][0]


FOLD = {
    "ł": "l",
    "Ł": "L",
    "ø": "o",
    "Ø": "O",
    "đ": "d",
    "Đ": "D",
    "ß": "ss",
    "æ": "ae",
    "Æ": "AE",
    "ı": "i",
    "İ": "I",
    "ð": "d",
    "þ": "th",
    "œ": "oe",
    "ə": "e",
    "Ə": "E",
}


def ascii_fold(s):
    s = "".join(FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c) and ord(c) < 128)


def slug(s):
    return re.sub(r"[^a-z0-9]+", "", ascii_fold(s).lower())


def lower(s):
    return s.replace("İ", "I").lower()


# --------------------------------------------------------------- Doc -------
class Doc:
    """Accumulates text pieces and records spans while concatenating."""

    def __init__(self, lowercase=False, typos=0.0):
        self.parts, self.pos = [], 0
        self.spans, self.ignore = [], []
        self.lowercase = lowercase
        self.typos = typos

    def add(self, s, label=None):
        if not s:
            return
        if self.lowercase:
            s = lower(s)
        if label is None and self.typos and chance(self.typos):
            s = typo(s)
        if label is not None:
            assert s == s.strip(), repr(s)
            if label == "IGN":
                self.ignore.append({"start": self.pos, "end": self.pos + len(s)})
            else:
                assert label in TYPES, label
                self.spans.append({"start": self.pos, "end": self.pos + len(s), "type": label})
        self.parts.append(s)
        self.pos += len(s)

    def text(self):
        return "".join(self.parts)


def typo(s):
    words = [m for m in re.finditer(r"[a-z]{5,}", s)]
    if not words:
        return s
    m = pick(words)
    w = m.group()
    i = R.randrange(1, len(w) - 2)
    kind = R.randrange(3)
    if kind == 0:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2 :]  # swap
    elif kind == 1:
        w2 = w[:i] + w[i + 1 :]  # drop
    else:
        w2 = w[:i] + w[i] + w[i:]  # double
    return s[: m.start()] + w2 + s[m.end() :]


# ---------------------------------------------------------- name lists ----
# (first names female, first names male, surnames); own lists, romanised.
OWN_NAMES = {
    "pinyin": (
        [
            "Wang Fang",
            "Li Na",
            "Zhang Xiuying",
            "Liu Yang",
            "Chen Jing",
            "Yang Xue",
            "Huang Min",
            "Zhao Lei",
            "Wu Ting",
            "Zhou Yan",
            "Xu Mei",
            "Sun Li",
            "Ma Lin",
            "Zhu Hong",
            "Hu Xiaoling",
            "Guo Jia",
            "Lin Yue",
            "He Qian",
            "Gao Shan",
            "Luo Yi",
        ],
        None,
        None,
    ),
    "pinyin_w": (
        ["Xiaoling", "Meiling", "Yating", "Jingyi", "Shuang", "Xinyi", "Yue", "Huifang", "Lanying", "Ruoxi"],
        ["Wei", "Jun", "Hao", "Zhiwei", "Yong", "Jianguo", "Haoran", "Zihan", "Bowen", "Tao", "Qiang", "Jiahui"],
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
            "He",
            "Lin",
            "Luo",
            "Zheng",
            "Liang",
            "Xie",
            "Song",
            "Tang",
            "Deng",
            "Feng",
        ],
    ),
    "korean": (
        ["Seo-yeon", "Ji-woo", "Min-seo", "Ha-eun", "Soo-ah", "Ji-yeon", "Hye-jin", "Eun-ji", "Yuna", "Da-eun"],
        [
            "Min-jun",
            "Seo-jun",
            "Do-yun",
            "Ji-ho",
            "Hyun-woo",
            "Jae-sung",
            "Sung-min",
            "Tae-yang",
            "Jin-ho",
            "Dong-hyun",
        ],
        [
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
            "Shin",
            "Seo",
            "Kwon",
            "Hwang",
        ],
    ),
    "japanese": (
        ["Yui", "Haruka", "Aoi", "Sakura", "Yuki", "Mei", "Hina", "Rin", "Misaki", "Emiko", "Kaori", "Naoko", "Ayumi"],
        ["Haruto", "Sota", "Ren", "Takumi", "Hiroshi", "Kenji", "Daiki", "Yuto", "Kaito", "Shota", "Tatsuya", "Ryo"],
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
            "Yamada",
            "Sasaki",
            "Matsumoto",
            "Inoue",
            "Kimura",
            "Shimizu",
            "Hayashi",
            "Ōta",
            "Saitō",
        ],
    ),
    "arabic": (
        [
            "Fatima",
            "Layla",
            "Mariam",
            "Noor",
            "Aisha",
            "Huda",
            "Rania",
            "Yasmin",
            "Salma",
            "Amira",
            "Hana",
            "Zeinab",
            "Rasha",
        ],
        [
            "Ahmed",
            "Mohammed",
            "Omar",
            "Youssef",
            "Khalid",
            "Tariq",
            "Hassan",
            "Karim",
            "Bilal",
            "Samir",
            "Walid",
            "Faisal",
            "Mahmoud",
        ],
        [
            "al-Rashid",
            "Haddad",
            "El-Sayed",
            "Abdullah",
            "Mansour",
            "Al-Farsi",
            "Nasser",
            "Khoury",
            "Saleh",
            "Bakr",
            "al-Hashimi",
            "Qureshi",
            "Darwish",
            "Aziz",
            "Ibrahim",
            "Hamdan",
            "El Amrani",
            "Benali",
            "Al Maktoum",
        ],
    ),
    "persian": (
        ["Shirin", "Parisa", "Maryam", "Niloufar", "Roya", "Sara", "Leila", "Mahsa", "Golnaz", "Azadeh", "Fereshteh"],
        ["Dariush", "Reza", "Ali", "Mehdi", "Kourosh", "Arash", "Babak", "Farhad", "Hamid", "Kaveh", "Siavash", "Omid"],
        [
            "Hosseini",
            "Mohammadi",
            "Karimi",
            "Rahimi",
            "Tehrani",
            "Ahmadi",
            "Jafari",
            "Rezaei",
            "Moradi",
            "Sadeghi",
            "Ghorbani",
            "Farahani",
            "Navabi",
            "Esfahani",
            "Shirazi",
            "Kazemi",
        ],
    ),
    "yoruba_igbo": (
        [
            "Folake",
            "Temitope",
            "Adaeze",
            "Ngozi",
            "Chiamaka",
            "Oluwaseun",
            "Funmilayo",
            "Yetunde",
            "Ifeoma",
            "Chinwe",
            "Abimbola",
            "Nkechi",
            "Adunni",
            "Oyinkansola",
        ],
        [
            "Adebayo",
            "Chukwuemeka",
            "Oluwafemi",
            "Babatunde",
            "Emeka",
            "Obinna",
            "Tunde",
            "Ikechukwu",
            "Segun",
            "Kelechi",
            "Olumide",
            "Chidi",
            "Ayodele",
            "Nnamdi",
        ],
        [
            "Adeyemi",
            "Ogunleye",
            "Balogun",
            "Okonkwo",
            "Nwosu",
            "Eze",
            "Obi",
            "Okafor",
            "Adekunle",
            "Oyelaran",
            "Nwachukwu",
            "Olawale",
            "Akinola",
            "Onyekachi",
            "Chukwu",
            "Ilesanmi",
            "Oladipo",
            "Uchenna",
        ],
    ),
    "greek": (
        [
            "Eleni",
            "Katerina",
            "Maria",
            "Sofia",
            "Despina",
            "Anastasia",
            "Georgia",
            "Vasiliki",
            "Ioanna",
            "Athina",
            "Chrysoula",
        ],
        [
            "Giorgos",
            "Dimitris",
            "Nikos",
            "Kostas",
            "Yannis",
            "Panagiotis",
            "Vasilis",
            "Christos",
            "Stavros",
            "Thanasis",
            "Spyros",
        ],
        [
            "Papadopoulos",
            "Georgiou",
            "Nikolaidis",
            "Konstantinou",
            "Papadakis",
            "Oikonomou",
            "Vlachos",
            "Karagiannis",
            "Pappas",
            "Antoniou",
            "Makris",
            "Christodoulou",
            "Alexiou",
            "Dimitriou",
            "Zervas",
        ],
    ),
    "russian": (
        [
            "Anastasia",
            "Yekaterina",
            "Olga",
            "Natalya",
            "Svetlana",
            "Irina",
            "Tatiana",
            "Yulia",
            "Darya",
            "Ksenia",
            "Lyudmila",
        ],
        [
            "Dmitry",
            "Sergei",
            "Alexei",
            "Ivan",
            "Nikolai",
            "Mikhail",
            "Andrei",
            "Vladimir",
            "Yevgeny",
            "Pavel",
            "Artyom",
        ],
        [
            "Ivanov",
            "Smirnov",
            "Kuznetsov",
            "Popov",
            "Sokolov",
            "Lebedev",
            "Kozlov",
            "Novikov",
            "Morozov",
            "Volkov",
            "Fyodorov",
            "Orlov",
            "Zaitsev",
            "Belov",
        ],
    ),
    "indian": (
        [
            "Priya",
            "Ananya",
            "Lakshmi",
            "Kavya",
            "Deepika",
            "Sneha",
            "Meera",
            "Pooja",
            "Aishwarya",
            "Divya",
            "Shreya",
            "Nandini",
        ],
        [
            "Arjun",
            "Rahul",
            "Vikram",
            "Sanjay",
            "Aditya",
            "Rohan",
            "Karthik",
            "Suresh",
            "Rajesh",
            "Anil",
            "Vivek",
            "Harish",
        ],
        [
            "Sharma",
            "Patel",
            "Iyer",
            "Reddy",
            "Nair",
            "Gupta",
            "Singh",
            "Menon",
            "Chatterjee",
            "Banerjee",
            "Rao",
            "Krishnan",
            "Desai",
            "Pillai",
            "Mukherjee",
            "Subramanian",
            "Kulkarni",
            "Venkataraman",
        ],
    ),
    "irish": (
        ["Siobhán", "Aoife", "Niamh", "Saoirse", "Caoimhe", "Orla", "Róisín", "Gráinne", "Clodagh", "Sinéad", "Máire"],
        ["Seán", "Pádraig", "Cian", "Oisín", "Darragh", "Ciarán", "Eoin", "Tadhg", "Donal", "Colm", "Ruairí"],
        [
            "Ó Briain",
            "Ní Bhriain",
            "O'Sullivan",
            "Murphy",
            "Mac Giolla",
            "O'Connell",
            "Kavanagh",
            "Ó Súilleabháin",
            "McGrath",
            "Fitzgerald",
            "Ní Dhomhnaill",
            "Doyle",
            "Byrne",
            "O'Neill",
            "Mac Carthaigh",
        ],
    ),
    "particle": (
        [
            "Anouk",
            "Sanne",
            "Lotte",
            "María",
            "Lucía",
            "Charlotte",
            "Hélène",
            "Annelies",
            "Beatriz",
            "Carmen",
            "Mariana",
        ],
        [
            "Pieter",
            "Joost",
            "Wouter",
            "Juan",
            "Rafael",
            "Jean-Luc",
            "Friedrich",
            "Alejandro",
            "Luuk",
            "Diego",
            "Henrique",
        ],
        [
            "van der Berg",
            "de Vries",
            "van den Heuvel",
            "van Dijk",
            "de la Cruz",
            "del Río",
            "de los Santos",
            "von Weizsäcker",
            "von Bülow",
            "de Souza",
            "dos Santos",
            "da Silva",
            "van 't Hof",
            "ter Horst",
            "de la Fuente",
            "Le Goff",
            "de Oliveira",
            "van Beek",
            "Di Stefano",
            "D'Amico",
            "De Luca",
            "dela Peña",
        ],
    ),
    "hyphen": (
        [
            "Anna-Liisa",
            "Marie-Claire",
            "Eva-Maria",
            "Ann-Kristin",
            "Hanna-Riikka",
            "Mary-Kate",
            "Anne-Sophie",
            "Jo-Anne",
        ],
        [
            "Jean-Pierre",
            "Hans-Jürgen",
            "Karl-Heinz",
            "Jan-Erik",
            "Pierre-Louis",
            "Juha-Pekka",
            "Lars-Olof",
            "José-Miguel",
        ],
        [
            "Smith-Jones",
            "García-López",
            "Müller-Lüdenscheidt",
            "Fernández-Castro",
            "Koskinen-Laine",
            "Ward-Prowse",
            "Bonham-Carter",
            "Nowak-Wiśniewska",
            "Pérez-Reverte",
            "Lloyd-Webber",
            "Schulze-Hagen",
            "Martín-Sanz",
        ],
    ),
    "wordlike": (
        [
            "Rose",
            "Hope",
            "Grace",
            "Summer",
            "Faith",
            "Joy",
            "Dawn",
            "April",
            "June",
            "Ivy",
            "Holly",
            "Daisy",
            "Autumn",
            "Crystal",
            "Pearl",
            "Violet",
            "Amber",
            "Heather",
            "Destiny",
            "Brooke",
            "Robin",
            "Sky",
        ],
        [
            "Mark",
            "Bill",
            "Will",
            "Rich",
            "Frank",
            "Jack",
            "Drew",
            "Chase",
            "Hunter",
            "Miles",
            "Grant",
            "Dean",
            "Guy",
            "Wade",
            "Cliff",
            "Rocky",
            "Sonny",
            "Art",
            "Bud",
            "Pat",
        ],
        [
            "Young",
            "King",
            "Brown",
            "White",
            "Green",
            "Black",
            "Hill",
            "Wood",
            "Bird",
            "Cook",
            "Baker",
            "Rich",
            "Long",
            "Little",
            "Strong",
            "Day",
            "Summers",
            "Winter",
            "Fox",
            "Moore",
            "Price",
            "Rivers",
            "Stone",
            "Bell",
            "Hope",
            "Love",
            "Sharp",
            "May",
            "Major",
            "Church",
            "Lamb",
            "Frost",
        ],
    ),
}

FAKER_NAME_W = {l: 1.0 for l in NAME_LOCALES}
for _l in (
    "en_US",
    "en_GB",
    "fi_FI",
    "hu_HU",
    "cs_CZ",
    "pl_PL",
    "tr_TR",
    "vi_VN",
    "de_DE",
    "fr_FR",
    "it_IT",
    "es_ES",
    "pt_BR",
    "sv_SE",
    "nl_NL",
    "en_IN",
):
    FAKER_NAME_W[_l] = 2.2
OWN_W = {
    "pinyin": 2.0,
    "pinyin_w": 1.5,
    "korean": 2.0,
    "japanese": 2.0,
    "arabic": 2.5,
    "persian": 2.0,
    "yoruba_igbo": 2.5,
    "greek": 2.0,
    "russian": 2.0,
    "indian": 2.0,
    "irish": 2.0,
    "particle": 2.5,
    "hyphen": 1.6,
    "wordlike": 3.5,
}
ORIGINS = [(("fk", l), w) for l, w in FAKER_NAME_W.items()] + [(("own", k), w) for k, w in OWN_W.items()]

MALE_TITLES = ["Mr.", "Mr", "Dr.", "Prof.", "Herr", "Sr.", "Monsieur", "Pastor", "Coach", "Officer", "Judge"]
FEMALE_TITLES = ["Mrs.", "Ms.", "Ms", "Dr.", "Prof.", "Miss", "Frau", "Sra.", "Madame", "Mme", "Rev.", "Coach"]


class Person:
    def __init__(self, gender=None, origin=None):
        self.gender = gender or pick("fm")
        self.force = origin
        for _ in range(50):
            if self._make():
                break

    def _make(self):
        kind, src = self.force or wpick(ORIGINS)
        fem = self.gender == "f"
        self.origin = src
        if kind == "fk":
            f = fk(src)
            first = f.first_name_female() if fem else f.first_name_male()
            last = f.last_name_female() if fem else f.last_name_male()
            if src == "vi_VN" and chance(0.6):
                mid = pick(["Thị", "Thu", "Ngọc", "Minh"]) if fem else pick(["Văn", "Đức", "Minh", "Quang"])
                # Vietnamese order: family name first
                self.first, self.last, self.full_override = first, last, f"{last} {mid} {first}"
            else:
                self.first, self.last, self.full_override = first, last, None
        elif src == "pinyin":
            full = pick(OWN_NAMES["pinyin"][0])
            last, first = full.split(" ", 1)
            self.first, self.last, self.full_override = first, last, full if chance(0.6) else None
        else:
            fs, ms, ls = OWN_NAMES[src]
            self.first = pick(fs if fem else ms)
            self.last = pick(ls)
            self.full_override = None
            if src in ("korean", "japanese") and chance(0.35):
                self.full_override = f"{self.last} {self.first}"
            if src == "russian" and fem and self.last.endswith(("ov", "ev", "in")):
                self.last += "a"
            if src == "greek" and fem:
                for a, b in (("opoulos", "opoulou"), ("idis", "idou"), ("akis", "aki"), ("os", "ou"), ("is", "i")):
                    if self.last.endswith(a):
                        self.last = self.last[: -len(a)] + b
                        break
            if src == "irish" and not fem and self.last.startswith("Ní "):
                self.last = "Ó " + self.last[3:]
            if src == "irish" and fem and self.last.startswith("Ó "):
                self.last = "Ní " + self.last[2:]
        self.first, self.last = self.first.strip(), self.last.strip()
        if not (is_latin(self.first) and is_latin(self.last)):
            return False
        self.mid = None
        if chance(0.08) and src in ("en_US", "en_GB", "en_AU", "wordlike", "en_IE"):
            self.mid = pick("ABCDEFGHJKLMNPRSTW") + "."
        return True

    def full(self):
        if self.full_override:
            return self.full_override
        if self.mid:
            return f"{self.first} {self.mid} {self.last}"
        return f"{self.first} {self.last}"

    def title(self):
        return pick(FEMALE_TITLES if self.gender == "f" else MALE_TITLES)

    def email(self):
        if getattr(self, "_email", None) is None:
            self._email = self._mk_email()
        return self._email

    def handle(self):
        if getattr(self, "_handle", None) is None:
            self._handle = self._mk_handle()
        return self._handle

    def url(self):
        if getattr(self, "_url", None) is None:
            self._url = self._mk_url()
        return self._url

    def _mk_email(self):
        fo, la = slug(self.first), slug(self.last)
        local = wpick(
            [
                (f"{fo}.{la}", 4),
                (f"{fo}{la}", 2),
                (f"{fo[0]}{la}", 2),
                (f"{fo}_{la[:4]}", 1),
                (f"{fo}{R.randrange(1, 99)}", 2),
                (f"{la}.{fo[0]}", 1),
                (f"{fo}.{la}{R.randrange(70, 99)}", 1),
            ]
        )
        dom = pick(
            [
                "gmail.com",
                "gmail.com",
                "outlook.com",
                "yahoo.com",
                "hotmail.co.uk",
                "icloud.com",
                "web.de",
                "gmx.de",
                "kolumbus.fi",
                "seznam.cz",
                "wp.pl",
                "freemail.hu",
                "libero.it",
                "orange.fr",
                "protonmail.com",
                "yandex.ru",
                "uol.com.br",
                "rediffmail.com",
                "telia.com",
                "ziggo.nl",
                "hotmail.com",
                "live.se",
                "mail.com",
                "fastmail.fm",
                "eircom.net",
            ]
        )
        return f"{local}@{dom}"

    def work_email(self, company):
        return f"{slug(self.first)}.{slug(self.last)}@{slug(company)}.{pick(['com', 'fi', 'de', 'co.uk', 'io', 'eu', 'nl'])}"

    def _mk_handle(self):
        fo, la = slug(self.first), slug(self.last)
        return pick(
            [
                f"{fo}_{la}",
                f"{fo}{la[:3]}{R.randrange(1, 99)}",
                f"{fo}.{la}",
                f"the_{fo}",
                f"{fo}{R.randrange(1990, 2010)}",
                f"{la}{fo[0]}",
                f"{fo}_x_{la[:2]}",
                f"real{fo}{la}",
            ]
        )

    def _mk_url(self):
        fo, la = slug(self.first), slug(self.last)
        h = self.handle()
        return wpick(
            [
                (f"https://www.linkedin.com/in/{fo}-{la}-{R.randrange(16**4, 16**6):x}", 3),
                (f"linkedin.com/in/{fo}{la}", 2),
                (f"https://github.com/{h}", 2),
                (f"instagram.com/{h}", 2),
                (f"https://www.{fo}{la}.com", 2),
                (f"{fo}-{la}.fi", 1),
                (f"https://{fo}{la}.photography", 1),
                (f"www.facebook.com/{fo}.{la}.{R.randrange(1, 99)}", 1),
                (f"https://twitter.com/{h}", 1),
                (f"https://{h}.wordpress.com", 1),
                (f"tiktok.com/@{h}", 1),
                (f"https://www.flickr.com/photos/{h}/", 1),
            ]
        )


# ------------------------------------------------------------- places -----
REAL_CITIES = [
    "Tampere",
    "Helsinki",
    "Oulu",
    "Turku",
    "Jyväskylä",
    "Lahti",
    "Kuopio",
    "Rovaniemi",
    "Espoo",
    "Vaasa",
    "Debrecen",
    "Szeged",
    "Pécs",
    "Győr",
    "Budapest",
    "Brno",
    "Olomouc",
    "Ostrava",
    "Plzeň",
    "České Budějovice",
    "Kraków",
    "Wrocław",
    "Gdańsk",
    "Łódź",
    "Poznań",
    "Lublin",
    "İzmir",
    "Antalya",
    "Eskişehir",
    "Bursa",
    "Đà Nẵng",
    "Huế",
    "Hải Phòng",
    "Cần Thơ",
    "Pune",
    "Chennai",
    "Kochi",
    "Jaipur",
    "Lucknow",
    "Bengaluru",
    "Hyderabad",
    "Mysuru",
    "Lagos",
    "Ibadan",
    "Enugu",
    "Abeokuta",
    "Port Harcourt",
    "Onitsha",
    "Shiraz",
    "Isfahan",
    "Tabriz",
    "Mashhad",
    "Paysandú",
    "Salto",
    "Montevideo",
    "Rosario",
    "Córdoba",
    "Mendoza",
    "Curitiba",
    "Porto Alegre",
    "Belo Horizonte",
    "Recife",
    "Fortaleza",
    "Florianópolis",
    "Guadalajara",
    "Monterrey",
    "Oaxaca",
    "Puebla",
    "Utrecht",
    "Eindhoven",
    "Groningen",
    "Leiden",
    "Haarlem",
    "Lyon",
    "Bordeaux",
    "Nantes",
    "Toulouse",
    "Lille",
    "Grenoble",
    "Bologna",
    "Torino",
    "Verona",
    "Palermo",
    "Bari",
    "Göteborg",
    "Malmö",
    "Uppsala",
    "Umeå",
    "Galway",
    "Cork",
    "Limerick",
    "Sligo",
    "Leeds",
    "Sheffield",
    "Bristol",
    "Norwich",
    "Aberdeen",
    "Swansea",
    "Leicester",
    "Boise",
    "Tucson",
    "Spokane",
    "Dayton",
    "Duluth",
    "Savannah",
    "Albuquerque",
    "Madison",
    "Ann Arbor",
    "Asheville",
    "Thessaloniki",
    "Patras",
    "Heraklion",
    "Kazan",
    "Yekaterinburg",
    "Novosibirsk",
    "Nizhny Novgorod",
    "Daegu",
    "Busan",
    "Gwangju",
    "Sendai",
    "Fukuoka",
    "Sapporo",
    "Kanazawa",
    "Chengdu",
    "Hangzhou",
    "Xi'an",
    "Kunming",
    "Suzhou",
    "Freiburg",
    "Leipzig",
    "Münster",
    "Regensburg",
    "Graz",
    "Innsbruck",
    "Ghent",
    "Leuven",
    "Valencia",
    "Zaragoza",
    "Bilbao",
    "Granada",
    "Coimbra",
    "Braga",
    "Aarhus",
    "Odense",
    "Bergen",
    "Trondheim",
    "Tartu",
    "Kaunas",
    "Cluj-Napoca",
    "Timișoara",
    "Ljubljana",
    "Split",
    "Halifax",
    "Winnipeg",
    "Québec City",
    "Hobart",
    "Geelong",
    "Wollongong",
    "Dunedin",
    "Kumasi",
    "Durban",
    "Mombasa",
    "Irbid",
    "Tangier",
    "Sfax",
    # cities that double as given names / ordinary words
    "Florence",
    "Eugene",
    "Victoria",
    "Regina",
    "Lafayette",
    "Reading",
    "Bath",
    "Nice",
    "Mobile",
    "Hope",
    "Chester",
    "Lincoln",
    "Marion",
    "Orange",
    "Sandy",
    "Bend",
    "Split",
]
CITY_LOCALES = [
    "fi_FI",
    "hu_HU",
    "cs_CZ",
    "sk_SK",
    "pl_PL",
    "de_DE",
    "de_AT",
    "de_CH",
    "it_IT",
    "es_ES",
    "pt_BR",
    "pt_PT",
    "nl_NL",
    "sv_SE",
    "da_DK",
    "no_NO",
    "sl_SI",
    "hr_HR",
    "ro_RO",
    "en_IN",
    "es_AR",
    "es_CL",
    "es_CO",
    "fr_CH",
    "en_US",
    "en_GB",
    "fr_FR",
]
NEIGHBOURHOODS = [
    "Kallio",
    "Töölö",
    "Pispala",
    "Kreuzberg",
    "Prenzlauer Berg",
    "Schwabing",
    "Vila Madalena",
    "Copacabana",
    "Trastevere",
    "Södermalm",
    "Vesterbro",
    "Le Marais",
    "Belleville",
    "Shoreditch",
    "Peckham",
    "Jordaan",
    "De Pijp",
    "Malasaña",
    "Gràcia",
    "Palermo Soho",
    "Pocitos",
    "Ciudad Vieja",
    "Žižkov",
    "Vinohrady",
    "Kazimierz",
    "Praga",
    "Józsefváros",
    "Kadıköy",
    "Moda",
    "Bandra",
    "Koramangala",
    "Indiranagar",
    "Yaba",
    "Surulere",
    "Lekki",
    "Hongdae",
    "Gangnam",
    "Shimokitazawa",
    "Nakameguro",
    "Williamsburg",
    "Bushwick",
    "Roxbury",
    "Fishtown",
    "Kensington Market",
    "Plateau Mont-Royal",
    "Fitzroy",
    "Newtown",
    "Stokes Croft",
    "Headingley",
    "Ranelagh",
    "Stoneybatter",
    "Exarchia",
    "Kolonaki",
    "Hietalahti",
    "Rosedale",
    "Hyde Park",
    "Little Italy",
    "Old Town",
    "Harbourside",
]
PLACE_PREFIX = [
    "Rosewood",
    "Maple",
    "Oakridge",
    "Lakeside",
    "Riverside",
    "Hillcrest",
    "Willowbrook",
    "Cedar Grove",
    "Elmwood",
    "Brookfield",
    "Northgate",
    "Kingsbury",
    "Ashford",
    "Fairview",
    "Greenhill",
    "Meadowbank",
    "Pinecrest",
    "Westfield",
    "St. Anne's",
    "St. Mary's",
    "St. Joseph's",
    "Holy Cross",
    "Sunnyvale",
    "Harmaja",
    "Kalevan",
    "Hervanta",
    "Linnanmaa",
    "Szent István",
    "Nový Dvůr",
]
PARK_TYPES = ["Park", "Gardens", "Playground", "Recreation Ground", "Nature Reserve", "Common"]
SCHOOL_TYPES = [
    "Primary School",
    "Elementary School",
    "High School",
    "Middle School",
    "Academy",
    "Montessori School",
    "Kindergarten",
    "Day Nursery",
    "Lukio",
    "Gymnasium",
    "Comprehensive School",
    "Grammar School",
]
BUILDING_TYPES = [
    "Community Centre",
    "Community Center",
    "Library",
    "Sports Hall",
    "Arena",
    "Leisure Centre",
    "Town Hall",
    "Civic Center",
    "Parish Hall",
    "Church",
    "Baptist Church",
    "Mosque",
    "Ice Rink",
    "Retirement Home",
    "Care Home",
    "Medical Centre",
    "Health Centre",
    "Swimming Hall",
    "Youth Club",
]
HOSPITALS = [
    "Tampere University Hospital",
    "Meilahti Hospital",
    "Semmelweis University Hospital",
    "Motol University Hospital",
    "Hospital Italiano",
    "Hospital das Clínicas",
    "St Thomas' Hospital",
    "Royal Infirmary",
    "Addenbrooke's",
    "Karolinska",
    "Rigshospitalet",
    "Charité",
    "Hôpital Necker",
    "Policlinico Gemelli",
    "AIIMS Delhi",
    "Lagos University Teaching Hospital",
    "Mater Hospital",
    "Cork University Hospital",
    "Mercy Hospital",
    "St. Luke's Medical Center",
    "Riverside General Hospital",
    "Hospital Pereira Rossell",
    "Erasmus MC",
    "Sahlgrenska",
    "Oulu University Hospital",
    "Kuopio University Hospital",
    "Children's Hospital Colorado",
    "Great Ormond Street",
    "Hospital Sant Joan de Déu",
    "Sheba Medical Center",
    "Groote Schuur",
]
UNIVERSITIES = [
    "University of Helsinki",
    "Aalto University",
    "Tampere University",
    "ELTE",
    "Charles University",
    "Jagiellonian University",
    "Boğaziçi University",
    "University of Lagos",
    "Obafemi Awolowo University",
    "IIT Bombay",
    "University of Mumbai",
    "Universidad de la República",
    "Universidade de São Paulo",
    "TU Delft",
    "Sorbonne Université",
    "Università di Bologna",
    "Uppsala University",
    "Trinity College Dublin",
    "University of Leeds",
    "University of Michigan",
    "Seoul National University",
    "Kyoto University",
    "Tsinghua University",
    "University of Tehran",
    "Aristotle University of Thessaloniki",
    "LMU München",
    "KU Leuven",
    "Universidad de Buenos Aires",
    "McGill University",
    "University of Toronto",
    "Monash University",
    "University of Otago",
    "Masaryk University",
    "University of Debrecen",
]
VENUE_NAMES = [
    "Tavastia",
    "Paradiso",
    "the Blue Note",
    "Roskilde Festival grounds",
    "Café Regatta",
    "Kafe Kampi",
    "The Crown & Anchor",
    "Ravintola Juuri",
    "Trattoria da Mario",
    "Bar Luce",
    "Kiasma",
    "Olympiastadion",
    "Hartwall Arena",
    "O2 Academy",
    "Royal Albert Hall",
    "Sziget Island",
    "Lucerna Bar",
    "Café Tortoni",
    "The Old Mill Inn",
    "Hotel Kämp",
    "Hotel Arctic Light",
    "Pousada do Sol",
    "Casa Azul Hostel",
    "Sunrise Guesthouse",
    "Hotel Astoria",
    "The Harbour Lights",
    "Finnvox Studios",
    "Abbey Road Studios",
    "Studio Nord",
    "Stadion Miejski",
    "Teatro Solís",
    "Mercado del Puerto",
    "Markthal",
    "Kauppatori",
    "Vasa Museum",
    "Riverside Stadium",
    "The Grange Hotel",
    "Hostal La Perla",
    "Pension Müller",
    "Villa Serena B&B",
    "Oceanview Lodge",
    "Bistro Lumière",
    "Pho Hoa Saigon",
    "Mama Put Kitchen",
    "Taverna Nikos",
    "The Golden Lotus",
    "Kebab Palace",
    "Trattoria Bella Vista",
]


def city():
    if chance(0.55):
        return pick(REAL_CITIES)
    for _ in range(20):
        c = fk(pick(CITY_LOCALES)).city().strip()
        if is_latin(c) and len(c) < 28 and "(" not in c:
            return c
    return pick(REAL_CITIES)


def park():
    return wpick(
        [
            (f"{pick(PLACE_PREFIX)} {pick(PARK_TYPES)}", 3),
            (f"{city()} {pick(PARK_TYPES)}", 1),
            (
                pick(
                    [
                        "Central Park",
                        "Hyde Park",
                        "Sibeliuspuisto",
                        "Kaivopuisto",
                        "Parque Rodó",
                        "Vondelpark",
                        "Englischer Garten",
                        "Letná Park",
                        "Margaret Island",
                        "Retiro Park",
                        "Phoenix Park",
                        "Parque Ibirapuera",
                        "Stanley Park",
                        "Gorky Park",
                        "Cubbon Park",
                    ]
                ),
                2,
            ),
        ]
    )


def school():
    return wpick(
        [
            (f"{pick(PLACE_PREFIX)} {pick(SCHOOL_TYPES)}", 3),
            (f"{city()} {pick(SCHOOL_TYPES)}", 1),
            (f"{fk(pick(['en_US', 'en_GB', 'fi_FI', 'de_DE'])).last_name()} {pick(SCHOOL_TYPES)}", 1),
        ]
    )


def building():
    return wpick([(f"{pick(PLACE_PREFIX)} {pick(BUILDING_TYPES)}", 3), (f"{city()} {pick(BUILDING_TYPES)}", 1)])


def hospital():
    return wpick(
        [
            (pick(HOSPITALS), 3),
            (
                f"{city()} {pick(['General Hospital', 'Central Hospital', 'Regional Hospital', 'Children’s Hospital', 'Health Centre'])}",
                1,
            ),
        ]
    )


def venue():
    return pick(VENUE_NAMES)


def neigh():
    return pick(NEIGHBOURHOODS)


# ----------------------------------------------------------- addresses ----
# Each returns a list of (text, label) pieces; the address itself is one span.
def _d(n):
    return "".join(str(R.randrange(10)) for _ in range(n))


def _street(loc):
    for _ in range(20):
        s = fk(loc).street_name().strip()
        if is_latin(s):
            return s
    return "Main Street"


def _city(loc):
    for _ in range(20):
        c = fk(loc).city().strip()
        if is_latin(c):
            return c
    return "Springfield"


US_STATES = [
    ("AL", "Alabama"),
    ("AZ", "Arizona"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("IL", "Illinois"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("NC", "North Carolina"),
    ("NY", "New York"),
    ("OH", "Ohio"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("TX", "Texas"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WI", "Wisconsin"),
    ("NM", "New Mexico"),
]
CA_PROV = [
    ("ON", "Ontario"),
    ("QC", "Quebec"),
    ("BC", "British Columbia"),
    ("AB", "Alberta"),
    ("NS", "Nova Scotia"),
    ("MB", "Manitoba"),
]
AU_STATES = ["VIC", "NSW", "QLD", "WA", "SA", "TAS", "ACT"]


def addr_us():
    f = fk("en_US")
    st, stname = pick(US_STATES)
    line = f"{f.building_number()} {f.street_name()}"
    if chance(0.3):
        line += pick(
            [
                f" Apt. {R.randrange(1, 999)}",
                f" Apt {R.randrange(1, 40)}{pick('ABCD')}",
                f" Suite {R.randrange(100, 999)}",
                f", Unit {R.randrange(1, 30)}",
            ]
        )
    c = (
        f.city()
        if chance(0.5)
        else pick(
            [
                "Boise",
                "Tucson",
                "Spokane",
                "Dayton",
                "Savannah",
                "Madison",
                "Ann Arbor",
                "Eugene",
                "Asheville",
                "Duluth",
            ]
        )
    )
    if chance(0.15):
        return [(f"{line}, {c}", "ADDRESS"), (", ", None), (stname, "IGN")]
    out = [(f"{line}, {c}, {st} {f.zipcode()}", "ADDRESS")]
    if chance(0.2):
        out += [(", ", None), (pick(["USA", "United States", "US"]), "IGN")]
    return out


def addr_uk():
    f = fk("en_GB")
    pre = pick(["", "", "", f"Flat {R.randrange(1, 30)}, ", f"{R.randrange(1, 9)}{pick('ab')} "])
    c = pick(
        [
            "Leeds",
            "Sheffield",
            "Bristol",
            "Norwich",
            "Leicester",
            "Reading",
            "Bath",
            "Chester",
            "York",
            "Brighton",
            "Croydon",
            "Stockport",
        ]
    )
    line = f"{pre}{R.randrange(1, 220)} {f.street_name()}, {c} {f.postcode()}"
    if chance(0.3):
        line = f"{pre}{R.randrange(1, 220)} {f.street_name()}\n{c}\n{f.postcode()}" if chance(0.4) else line
    out = [(line, "ADDRESS")]
    if chance(0.25):
        out += [
            (", " if "\n" not in line else "\n", None),
            (pick(["UK", "United Kingdom", "England", "Scotland", "Wales"]), "IGN"),
        ]
    return out


def addr_de():
    loc = pick(["de_DE", "de_DE", "de_AT", "de_CH"])
    f = fk(loc)
    line = f"{_street(loc)} {R.randrange(1, 180)}{pick(['', '', 'a', 'b'])}, {f.postcode()} {_city(loc)}"
    out = [(line, "ADDRESS")]
    if chance(0.25):
        out += [(", ", None), ({"de_DE": "Germany", "de_AT": "Austria", "de_CH": "Switzerland"}[loc], "IGN")]
    return out


def addr_fr():
    f = fk("fr_FR")
    c = pick(["Lyon", "Bordeaux", "Nantes", "Toulouse", "Lille", "Grenoble", "Paris", "Rennes", "Montpellier"])
    line = f"{R.randrange(1, 120)}{pick(['', '', ' bis'])}, {pick(['rue', 'avenue', 'boulevard', 'rue', 'place', 'impasse'])} {pick(['Victor Hugo', 'des Lilas', 'de la République', 'Jean Jaurès', 'du Moulin', 'Pasteur', 'des Écoles', 'Saint-Michel', 'Gambetta', 'de la Paix'])}, {f.postcode()} {c}"
    out = [(line, "ADDRESS")]
    if chance(0.25):
        out += [(", ", None), ("France", "IGN")]
    return out


def addr_fi():
    f = fk("fi_FI")
    c = pick(
        ["Helsinki", "Tampere", "Oulu", "Turku", "Jyväskylä", "Lahti", "Kuopio", "Espoo", "Vantaa", _city("fi_FI")]
    )
    st = pick(
        [
            _street("fi_FI"),
            "Mannerheimintie",
            "Hämeenkatu",
            "Aleksanterinkatu",
            "Satakunnankatu",
            "Puistokatu",
            "Kalevantie",
        ]
    )
    line = f"{st} {R.randrange(1, 90)}{pick(['', '', ' A ' + str(R.randrange(1, 30)), ' B ' + str(R.randrange(1, 40)), ' as. ' + str(R.randrange(1, 20))])}, {f.postcode()} {c}"
    out = [(line, "ADDRESS")]
    if chance(0.25):
        out += [(", ", None), ("Finland", "IGN")]
    return out


def addr_uy_ar():
    if chance(0.5):
        c = pick(["Montevideo", "Paysandú", "Salto", "Maldonado", "Colonia del Sacramento", "Punta del Este", "Rivera"])
        st = pick(
            [
                "Av. 18 de Julio",
                "Calle Florida",
                "Bulevar Artigas",
                "Calle Sarandí",
                "Av. Italia",
                "Leandro Gómez",
                "Calle Treinta y Tres",
                "Rambla República de México",
            ]
        )
        line = f"{st} {R.randrange(100, 3999)}{pick(['', '', ' apto. ' + str(R.randrange(101, 905))])}, {c} {pick(['11', '60', '50', '20'])}{_d(3)}"
        country = "Uruguay"
    else:
        f = fk("es_AR")
        line = f"{f.street_address()}{pick(['', ', Piso ' + str(R.randrange(1, 12)) + ' Dto. ' + pick('ABCD')])}, {pick(['C', 'X', 'S', 'M'])}{_d(4)}{pick(['', 'ABC', 'DFG'])} {pick(['CABA', 'Rosario', 'Córdoba', 'Mendoza', 'La Plata', _city('es_AR')])}"
        country = "Argentina"
    out = [(line, "ADDRESS")]
    if chance(0.35):
        out += [(", ", None), (country, "IGN")]
    return out


def addr_br():
    f = fk("pt_BR")
    c, uf = pick(
        [
            ("São Paulo", "SP"),
            ("Curitiba", "PR"),
            ("Porto Alegre", "RS"),
            ("Belo Horizonte", "MG"),
            ("Recife", "PE"),
            ("Rio de Janeiro", "RJ"),
            ("Salvador", "BA"),
            ("Fortaleza", "CE"),
            ("Florianópolis", "SC"),
        ]
    )
    line = f"{pick(['Rua', 'Av.', 'Rua', 'Travessa', 'Alameda'])} {pick(['das Flores', 'Augusta', 'XV de Novembro', 'Sete de Setembro', 'Santos Dumont', 'Dom Pedro II', 'do Comércio', 'Barão de Mauá'])}, {R.randrange(10, 2999)}{pick(['', '', ', apto ' + str(R.randrange(11, 1204)), ', bloco B'])} - {f.bairro()}, {c} - {uf}, {_d(5)}-{_d(3)}"
    out = [(line, "ADDRESS")]
    if chance(0.3):
        out += [(", ", None), ("Brasil" if chance(0.5) else "Brazil", "IGN")]
    return out


def addr_in():
    c, pin = pick(
        [
            ("Bengaluru", "560"),
            ("Mumbai", "400"),
            ("Pune", "411"),
            ("Chennai", "600"),
            ("Kochi", "682"),
            ("Hyderabad", "500"),
            ("New Delhi", "110"),
            ("Jaipur", "302"),
        ]
    )
    parts = [f"{pick(['Flat', 'House No.', 'Plot', '#'])} {R.randrange(1, 600)}{pick(['', 'B', '/3', '-A'])}"]
    if chance(0.5):
        parts.append(
            pick(["Shanti Apartments", "Green Park Residency", "Sai Krupa", "Lakeview Towers", "Krishna Nilayam"])
        )
    parts.append(
        pick(
            [
                "MG Road",
                "4th Cross, 2nd Main",
                "Linking Road",
                "Anna Salai",
                "Nehru Nagar",
                "100 Feet Road",
                "Baner Road",
                "Station Road",
            ]
        )
    )
    parts.append(
        pick(
            [
                "Indiranagar",
                "Koramangala",
                "Bandra West",
                "Kothrud",
                "T. Nagar",
                "Kakkanad",
                "Banjara Hills",
                "Malviya Nagar",
            ]
        )
    )
    parts.append(f"{c} {pin}{_d(3)}")
    line = ", ".join(parts)
    out = [(line, "ADDRESS")]
    if chance(0.3):
        out += [(", ", None), ("India", "IGN")]
    return out


def addr_au():
    f = fk("en_AU")
    line = f"{pick(['', 'Unit ' + str(R.randrange(1, 20)) + '/', str(R.randrange(1, 12)) + '/'])}{R.randrange(1, 300)} {f.street_name()}, {pick(['Fitzroy', 'Newtown', 'Fremantle', 'Glebe', 'Brunswick', 'Paddington', 'Sandy Bay', 'Geelong', 'Wollongong', 'Toowong'])} {pick(AU_STATES)} {R.randrange(2000, 7999)}"
    out = [(line, "ADDRESS")]
    if chance(0.3):
        out += [(", ", None), ("Australia", "IGN")]
    return out


def addr_ca():
    f = fk("en_CA")
    code, prov = pick(CA_PROV)
    c = {
        "ON": pick(["Toronto", "Ottawa", "Hamilton", "Kingston"]),
        "QC": pick(["Montréal", "Québec", "Gatineau"]),
        "BC": pick(["Vancouver", "Victoria", "Kelowna"]),
        "AB": pick(["Calgary", "Edmonton"]),
        "NS": "Halifax",
        "MB": "Winnipeg",
    }[code]
    if code == "QC":
        line = f"{R.randrange(10, 9999)} {pick(['rue Saint-Denis', 'boul. Saint-Laurent', 'rue Sherbrooke Est', 'avenue du Parc'])}, {c}, {code} {f.postalcode()}"
    else:
        line = f"{R.randrange(10, 9999)} {f.street_name()}{pick(['', ' W', ' E', ' NW'])}, {c}, {code} {f.postalcode()}"
    if chance(0.15):
        return [(line.rsplit(",", 1)[0], "ADDRESS"), (", ", None), (prov, "IGN")]
    out = [(line, "ADDRESS")]
    if chance(0.25):
        out += [(", ", None), ("Canada", "IGN")]
    return out


def addr_nl():
    f = fk("nl_NL")
    line = f"{_street('nl_NL')} {R.randrange(1, 250)}{pick(['', '', '-II', 'A', ' hs'])}, {f.postcode()} {pick([_city('nl_NL'), 'Utrecht', 'Amsterdam', 'Rotterdam', 'Leiden', 'Groningen'])}"
    out = [(line, "ADDRESS")]
    if chance(0.25):
        out += [(", ", None), ("the Netherlands" if chance(0.5) else "Nederland", "IGN")]
    return out


def addr_pl_cz_hu():
    k = R.randrange(3)
    if k == 0:
        f = fk("pl_PL")
        line = f"ul. {_street('pl_PL')} {R.randrange(1, 120)}{pick(['', '/' + str(R.randrange(1, 60))])}, {f.postcode()} {pick([_city('pl_PL'), 'Kraków', 'Wrocław', 'Gdańsk', 'Łódź'])}"
        country = "Poland"
    elif k == 1:
        f = fk("cs_CZ")
        line = f"{_street('cs_CZ')} {R.randrange(1, 2500)}/{R.randrange(1, 40)}, {f.postcode()} {pick([_city('cs_CZ'), 'Brno', 'Praha 3', 'Olomouc'])}"
        country = "Czech Republic"
    else:
        f = fk("hu_HU")
        if chance(0.5):
            line = f"{R.randrange(1000, 9999)} {pick(['Budapest', 'Debrecen', 'Szeged', 'Pécs', _city('hu_HU')])}, {_street('hu_HU')} {R.randrange(1, 120)}"
        else:
            line = f"{_street('hu_HU')} {R.randrange(1, 120)}., {f.postcode()} {pick(['Budapest', 'Debrecen', 'Szeged', 'Győr'])}"
        country = "Hungary"
    out = [(line, "ADDRESS")]
    if chance(0.25):
        out += [(", ", None), (country, "IGN")]
    return out


def addr_misc():
    k = R.randrange(6)
    if k == 0:
        f = fk("it_IT")
        line = f"Via {pick(['Roma', 'Garibaldi', 'Mazzini', 'dei Mille', 'XX Settembre', 'San Vitale', 'Po'])} {R.randrange(1, 200)}, {f.postcode()} {pick(['Bologna BO', 'Torino TO', 'Verona VR', 'Bari BA', 'Milano MI', 'Firenze FI'])}"
        c = "Italy"
    elif k == 1:
        f = fk("es_ES")
        line = f"{pick(['Calle', 'Avda.', 'C/', 'Plaza'])} {pick(['Mayor', 'de Alcalá', 'San Vicente', 'del Carmen', 'Real', 'Colón'])} {R.randrange(1, 150)}, {R.randrange(1, 9)}º {pick('ABCD')}, {f.postcode()} {pick(['Madrid', 'Valencia', 'Zaragoza', 'Sevilla', 'Bilbao', 'Granada'])}"
        c = "Spain"
    elif k == 2:
        f = fk("sv_SE")
        line = f"{_street('sv_SE')} {R.randrange(1, 90)}, {_d(3)} {_d(2)} {pick(['Göteborg', 'Malmö', 'Uppsala', 'Umeå', 'Stockholm'])}"
        c = "Sweden"
    elif k == 3:
        line = f"{R.randrange(1, 120)} {pick(['Main Street', 'Church Road', 'Strand Road', 'Upper Mount Street', 'Shop Street', 'Sandymount Avenue'])}, {pick(['Ennis, Co. Clare', 'Galway', 'Dublin 4', 'Ranelagh, Dublin 6', 'Sligo', 'Killarney, Co. Kerry'])}, {pick('ADFHKV')}{_d(2)} {pick('ACDEFHKNPRTVWXY')}{_d(1)}{pick('ACDEFHKNPRTVWXY')}{_d(1)}"
        c = "Ireland"
    elif k == 4:
        # Faker-style mixture of national formats
        loc = pick(["fi_FI", "de_DE", "pl_PL", "hu_HU", "sv_SE", "nl_NL", "cs_CZ"])
        c2, code = pick(
            [
                ("Paysandú", "UY"),
                ("Rosario", "SF"),
                ("Tampere", "PI"),
                ("Debrecen", "HB"),
                ("Curitiba", "PR"),
                ("Kraków", "MA"),
            ]
        )
        line = f"{R.randrange(100, 9999)} {_street(loc)} {R.randrange(1, 60)} Apt. {R.randrange(1, 40)} {c2}, {code} {_d(5)}"
        c = None
    else:
        f = fk("tr_TR")
        line = f"{pick(['Atatürk Cad.', 'Cumhuriyet Mah.', 'İnönü Sok.', 'Bağdat Cad.', 'Kıbrıs Şehitleri Cad.'])} No: {R.randrange(1, 140)}{pick(['', ' D: ' + str(R.randrange(1, 20))])}, {R.randrange(10, 81)}{_d(3)} {pick(['Kadıköy/İstanbul', 'Konak/İzmir', 'Çankaya/Ankara', 'Muratpaşa/Antalya', 'Tepebaşı/Eskişehir'])}"
        c = "Türkiye"
    out = [(line, "ADDRESS")]
    if c and chance(0.25):
        out += [(", ", None), (c, "IGN")]
    return out


ADDRESS_FUNCS = [
    (addr_us, 3),
    (addr_uk, 2.5),
    (addr_de, 2),
    (addr_fr, 1.5),
    (addr_fi, 2),
    (addr_uy_ar, 1.5),
    (addr_br, 1.5),
    (addr_in, 1.5),
    (addr_au, 1.2),
    (addr_ca, 1.2),
    (addr_nl, 1.5),
    (addr_pl_cz_hu, 2),
    (addr_misc, 3),
]


def address():
    return wpick(ADDRESS_FUNCS)()


def street_only():
    loc = pick(["fi_FI", "de_DE", "en_US", "en_GB", "nl_NL", "sv_SE", "pl_PL", "cs_CZ"])
    if loc in ("en_US", "en_GB"):
        return f"{R.randrange(1, 400)} {fk(loc).street_name()}"
    if loc == "pl_PL":
        return f"ul. {_street(loc)} {R.randrange(1, 90)}"
    return f"{_street(loc)} {R.randrange(1, 90)}"


# --------------------------------------------------------------- dates ----
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
MON3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MON_ABBR = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def rand_date(y0=2015, y1=2026):
    start = date(y0, 1, 1)
    return start + timedelta(days=R.randrange((date(y1, 12, 31) - start).days))


def fmt_date(d, style=None, year=True):
    dd, mm, yy = d.day, d.month, d.year
    M, M3, Ma = MONTHS[mm - 1], MON3[mm - 1], MON_ABBR[mm - 1]
    with_year = [
        f"{dd:02d}.{mm:02d}.{yy}",
        f"{dd}.{mm}.{yy}",
        f"{yy}-{mm:02d}-{dd:02d}",
        f"{mm}/{dd}/{yy}",
        f"{mm:02d}/{dd:02d}/{yy}",
        f"{dd}/{mm}/{yy}",
        f"{dd:02d}/{mm:02d}/{yy}",
        f"{dd} {M} {yy}",
        f"{M} {dd}, {yy}",
        f"{M} {ordinal(dd)}, {yy}",
        f"{dd} {M3} {yy}",
        f"{dd}-{M3}-{yy}",
        f"{yy}/{mm:02d}/{dd:02d}",
        f"{ordinal(dd)} {M} {yy}",
        f"{Ma} {dd}, {yy}",
        f"{dd}.{mm}.{str(yy)[2:]}",
        f"{mm}/{dd}/{str(yy)[2:]}",
        f"{dd}-{mm:02d}-{yy}",
    ]
    no_year = [
        f"{M} {ordinal(dd)}",
        f"{ordinal(dd)} {M}",
        f"{M} {dd}",
        f"{dd} {M}",
        f"{M3} {dd}",
        f"{mm}/{dd}",
        f"{dd}/{mm}",
        f"{ordinal(dd)} of {M}",
        f"{Ma} {dd}",
        f"{M3} {ordinal(dd)}",
        f"{dd} {M3}",
    ]
    if style == "num":
        return pick(with_year[:7] + with_year[12:13] + with_year[15:])
    if style == "text":
        return pick(with_year[7:12] + with_year[13:15])
    if style == "noyear" or (style is None and not year):
        return pick(no_year)
    if style is None:
        return pick(with_year) if chance(0.6) else pick(no_year)
    return pick(with_year)


def birth_date():
    return fmt_date(rand_date(1938, 2012), style="year")


# -------------------------------------------------------------- phones ----
def phone(country=None):
    d = _d
    c = country or wpick(
        [
            ("fi", 2),
            ("nl", 1.2),
            ("uk", 2),
            ("us", 2.5),
            ("de", 1.5),
            ("br", 1.2),
            ("fr", 1),
            ("in", 1.2),
            ("hu", 1),
            ("cz", 0.8),
            ("pl", 1),
            ("au", 1),
            ("uy", 0.8),
            ("tr", 0.8),
            ("ng", 1),
            ("se", 0.8),
            ("ie", 0.8),
            ("it", 0.8),
            ("es", 0.8),
            ("mx", 0.6),
        ]
    )
    f = {
        "fi": [
            f"+358 {pick(['40', '50', '44', '45', '41'])} {d(3)} {d(4)}",
            f"0{pick(['40', '50', '44'])} {d(3)} {d(4)}",
            f"0{pick(['40', '50'])}-{d(7)}",
            f"0{pick(['9', '3', '2'])} {d(3)} {d(4)}",
            f"+358{pick(['40', '50'])}{d(7)}",
        ],
        "nl": [
            f"06-{d(8)}",
            f"+31 6 {d(8)}",
            f"020 {d(3)} {d(4)}",
            f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+31 (0)30 {d(3)} {d(4)}",
        ],
        "uk": [
            f"(020) 7946 0{d(3)}",
            f"07700 900{d(3)}",
            f"+44 7700 900{d(3)}",
            f"0113 496 0{d(3)}",
            f"+44 (0)20 7946 0{d(3)}",
            f"0161 496 0{d(3)}",
            f"07{d(3)} {d(6)}",
        ],
        "us": [
            f"+1 212-555-01{d(2)}",
            f"(415) 555-01{d(2)}",
            f"555-01{d(2)}",
            f"{pick(['312', '617', '503', '208', '520'])}.555.01{d(2)}",
            f"+1 ({pick(['646', '718', '305'])}) 555-01{d(2)}",
            f"1-800-555-01{d(2)}",
            f"{pick(['509', '937', '608'])}-555-01{d(2)}",
        ],
        "de": [
            f"0171 {d(7)}",
            f"+49 30 {d(8)}",
            f"030/{d(7)}",
            f"+49 (0)89 {d(3)} {d(4)}",
            f"0151-{d(8)}",
            f"0221 {d(6)}",
        ],
        "br": [f"+55 11 9{d(4)}-{d(4)}", f"(21) 9{d(4)}-{d(4)}", f"+55 (41) 3{d(3)}-{d(4)}", f"(51) 9 {d(4)}-{d(4)}"],
        "fr": [
            f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"01.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
            f"+33 (0)4 {d(2)} {d(2)} {d(2)} {d(2)}",
        ],
        "in": [f"+91 9{d(4)} {d(5)}", f"09{d(4)} {d(5)}", f"+91-80-{d(4)}-{d(4)}", f"9{d(9)}"],
        "hu": [f"+36 30 {d(3)} {d(4)}", f"06 30 {d(3)} {d(4)}", f"+36 (20) {d(3)}-{d(4)}", f"06-1-{d(3)}-{d(4)}"],
        "cz": [f"+420 6{d(2)} {d(3)} {d(3)}", f"7{d(2)} {d(3)} {d(3)}", f"+420 7{d(8)}"],
        "pl": [
            f"+48 5{d(2)} {d(3)} {d(3)}",
            f"5{d(2)}-{d(3)}-{d(3)}",
            f"+48 22 {d(3)} {d(2)} {d(2)}",
            f"(22) {d(3)}-{d(2)}-{d(2)}",
        ],
        "au": [f"04{d(2)} {d(3)} {d(3)}", f"+61 2 {d(4)} {d(4)}", f"(03) {d(4)} {d(4)}", f"+61 4{d(2)} {d(3)} {d(3)}"],
        "uy": [f"+598 9{d(1)} {d(3)} {d(3)}", f"09{d(1)} {d(3)} {d(3)}", f"4722 {d(4)}"],
        "tr": [f"+90 5{d(2)} {d(3)} {d(2)} {d(2)}", f"05{d(2)} {d(3)} {d(2)} {d(2)}", f"(0216) {d(3)} {d(2)} {d(2)}"],
        "ng": [
            f"+234 80{d(1)} {d(3)} {d(4)}",
            f"080{d(1)} {d(3)} {d(4)}",
            f"+234 (0)70{d(1)} {d(3)} {d(4)}",
            f"0906-{d(3)}-{d(4)}",
        ],
        "se": [f"+46 70 {d(3)} {d(2)} {d(2)}", f"070-{d(3)} {d(2)} {d(2)}", f"08-{d(3)} {d(3)} {d(2)}"],
        "ie": [f"+353 87 {d(3)} {d(4)}", f"087 {d(3)} {d(4)}", f"(01) {d(3)} {d(4)}"],
        "it": [f"+39 3{d(2)} {d(3)} {d(4)}", f"3{d(2)} {d(7)}", f"06 {d(4)} {d(4)}"],
        "es": [f"+34 6{d(2)} {d(3)} {d(3)}", f"6{d(2)} {d(2)} {d(2)} {d(2)}", f"91 {d(3)} {d(2)} {d(2)}"],
        "mx": [f"+52 55 {d(4)} {d(4)}", f"(33) {d(4)}-{d(4)}", f"+52 1 81 {d(4)} {d(4)}"],
    }[c]
    return pick(f)


# ----------------------------------------------------------------- IDs ----
def _luhn_card(prefix, n):
    nums = [int(c) for c in prefix] + [R.randrange(10) for _ in range(n - len(prefix) - 1)]
    s = 0
    for i, v in enumerate(reversed(nums)):
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        s += v
    nums.append((10 - s % 10) % 10)
    return "".join(map(str, nums))


def credit_card():
    num = _luhn_card(pick(["4", "51", "55", "37", "6011"]), 15 if False else 16)
    return wpick(
        [
            (" ".join(num[i : i + 4] for i in range(0, 16, 4)), 3),
            (num, 1),
            ("-".join(num[i : i + 4] for i in range(0, 16, 4)), 1),
        ]
    )


def iban():
    loc = pick(["fi_FI", "de_DE", "nl_NL", "fr_FR", "es_ES", "it_IT", "pl_PL", "cs_CZ", "pt_PT"])
    raw = fk(loc).iban()
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4)) if chance(0.6) else raw


def ssn_like():
    k = wpick(
        [
            ("us", 3),
            ("fi", 2),
            ("se", 1),
            ("nl", 1),
            ("uk", 1.5),
            ("br", 1.5),
            ("in", 1.5),
            ("pan", 0.7),
            ("dk", 0.5),
            ("es", 1),
            ("pl", 0.8),
            ("it", 0.6),
        ]
    )
    if k == "us":
        return f"{R.randrange(100, 899):03d}-{R.randrange(1, 99):02d}-{R.randrange(1, 9999):04d}"
    if k == "fi":
        return fk("fi_FI").ssn()
    if k == "se":
        return f"{R.randrange(1940, 2010)}{R.randrange(1, 13):02d}{R.randrange(1, 29):02d}-{_d(4)}"
    if k == "nl":
        return _d(9)
    if k == "uk":
        return f"{pick(['QQ', 'AB', 'JT', 'NE', 'SK'])} {_d(2)} {_d(2)} {_d(2)} {pick('ABCD')}"
    if k == "br":
        return f"{_d(3)}.{_d(3)}.{_d(3)}-{_d(2)}"
    if k == "in":
        return f"{R.randrange(2, 9)}{_d(3)} {_d(4)} {_d(4)}"
    if k == "pan":
        return "".join(pick("ABCDEFGHKLMPRSTVWXYZ") for _ in range(5)) + _d(4) + pick("ABCDEFGHKLMPRSTVWXYZ")
    if k == "dk":
        return f"{R.randrange(1, 29):02d}{R.randrange(1, 13):02d}{_d(2)}-{_d(4)}"
    if k == "es":
        return f"{_d(8)}{pick('TRWAGMYFPDXBNJZSQVHLCKE')}"
    if k == "pl":
        return _d(11)
    return (
        "".join(pick("BCDFGHLMNPRSTVZ") for _ in range(6))
        + _d(2)
        + pick("ABCDEHLMPRST")
        + _d(2)
        + pick("ABCDEFGHLMZ")
        + _d(3)
        + pick("ABCDEFGHLMNXYZ")
    )


def passport():
    return pick(
        [
            f"{pick('XYZCFLPN')}{_d(8)}",
            f"{pick(['FP', 'PA', 'AB', 'CZ', 'RX'])}{_d(7)}",
            f"{_d(9)}",
            f"{pick('KLMN')}{_d(7)}",
            f"{pick(['C', 'F', 'G'])}{pick('ABCDEFGH')}{_d(7)}",
        ]
    )


def order_no():
    return pick(
        [
            f"{_d(3)}-{_d(7)}-{_d(7)}",
            f"ORD-{R.randrange(2019, 2027)}-{_d(5)}",
            f"A-{_d(6)}",
            f"{_d(8)}",
            f"SO{_d(7)}",
            f"#{_d(6)}"[1:],
            f"{pick('ABCDEFGHJK')}{pick('ABCDEFGHJK')}{_d(6)}",
            f"INV-{_d(5)}",
        ]
    )


def customer_no():
    return pick(
        [
            f"CUST-{_d(5)}",
            f"{_d(8)}",
            f"C{_d(7)}",
            f"{_d(4)}-{_d(4)}-{_d(2)}",
            f"KD-{_d(6)}",
            f"{_d(10)}",
            f"M{_d(6)}",
            f"{pick('ABCDEF')}{_d(3)}-{_d(3)}",
        ]
    )


def ticket_no():
    return pick(
        [
            f"{_d(6)}",
            f"CS-{_d(5)}",
            f"INC{_d(7)}",
            f"{pick(['SUP', 'HELP', 'TKT'])}-{_d(4)}",
            f"{_d(5)}-{pick('ABCXYZ')}",
        ]
    )


def plate():
    for _ in range(20):
        loc = pick(
            [
                "fi_FI",
                "de_DE",
                "nl_NL",
                "en_GB",
                "en_US",
                "pl_PL",
                "fr_FR",
                "it_IT",
                "sv_SE",
                "pt_BR",
                "es_ES",
                "cs_CZ",
                "hu_HU",
            ]
        )
        p = fk(loc).license_plate()
        if is_latin(p) and p == p.strip():
            return p
    return "ABC-123"


def student_no():
    return pick([f"{_d(7)}", f"S{_d(6)}", f"{R.randrange(2016, 2026)}{_d(5)}", f"K{_d(7)}", f"u{_d(7)}"])


def member_no():
    return pick([f"{_d(6)}", f"M-{_d(5)}", f"{_d(3)}-{_d(3)}-{_d(3)}", f"FF{_d(8)}", f"{pick('ABCDEFGH')}{_d(5)}"])


def ip():
    return fk("en_US").ipv4_public() if chance(0.8) else fk("en_US").ipv6()


def age90():
    return str(R.randrange(90, 105))


# ---------------------------------------------------- non-identifiers -----
BRANDS = [
    "iPhone 15",
    "iPhone",
    "Samsung Galaxy S23",
    "Spotify",
    "Netflix",
    "Toyota Corolla",
    "Volvo XC60",
    "IKEA",
    "Nokia",
    "PlayStation 5",
    "Nintendo Switch",
    "Kindle",
    "AirPods",
    "MacBook Air",
    "Dyson V11",
    "Zoom",
    "WhatsApp",
    "Instagram",
    "TikTok",
    "Google Maps",
    "Duolingo",
    "Uber",
    "Airbnb",
    "Booking.com",
    "Lidl",
    "Aldi",
    "Tesco",
    "Zalando",
    "Amazon Prime",
    "Disney+",
    "YouTube",
    "Fiat 500",
    "Skoda Octavia",
    "VW Golf",
    "Honda Civic",
    "Tesla Model 3",
    "Garmin Forerunner",
    "Fitbit",
    "Lego",
    "Nespresso",
    "Thermomix",
    "Pixel 8",
    "Revolut",
    "PayPal",
    "Wolt",
    "Deliveroo",
    "Vinted",
    "Trello",
    "Slack",
    "Excel",
    "Photoshop",
    "Canva",
    "Coca-Cola",
    "Red Bull",
    "Marimekko",
    "Fazer",
    "Moomin mugs",
    "Rimowa",
    "Decathlon",
    "H&M",
    "Uniqlo",
]
COMPANIES = [
    "Nokia",
    "Siemens",
    "Accenture",
    "Deloitte",
    "Unilever",
    "Philips",
    "Ericsson",
    "Kone",
    "Wärtsilä",
    "Bosch",
    "Infosys",
    "Tata Consultancy Services",
    "Petrobras",
    "Mercado Libre",
    "Spotify",
    "Zalando",
    "Rovio",
    "Supercell",
    "ING",
    "Allianz",
    "Heineken",
    "Danone",
    "Volvo Cars",
    "Samsung",
    "Sony",
    "Huawei",
    "Shopify",
    "Atlassian",
    "SAP",
    "Capgemini",
    "Vodafone",
    "Telia",
    "DHL",
    "Maersk",
    "IKEA",
]
DISEASES = [
    "Crohn's disease",
    "Parkinson's",
    "Alzheimer's",
    "type 1 diabetes",
    "type 2 diabetes",
    "asthma",
    "eczema",
    "migraine",
    "COVID-19",
    "long COVID",
    "hand, foot and mouth disease",
    "chickenpox",
    "RSV",
    "strep throat",
    "Lyme disease",
    "celiac disease",
    "IBS",
    "ADHD",
    "Hashimoto's",
    "Graves' disease",
    "Down syndrome",
    "Asperger's",
    "Tourette's",
    "scarlet fever",
    "otitis media",
    "bronchiolitis",
    "croup",
    "tonsillitis",
    "Kawasaki disease",
    "rotavirus",
    "norovirus",
    "the flu",
    "mono",
    "psoriasis",
    "gout",
    "anaemia",
]
DRUGS = [
    "Ibuprofen",
    "Paracetamol",
    "Calpol",
    "Nurofen",
    "Panadol",
    "Tylenol",
    "Lisinopril",
    "Metformin",
    "Amoxicillin",
    "Ventolin",
    "Salbutamol",
    "Zyrtec",
    "Claritin",
    "Omeprazole",
    "Levothyroxine",
    "Prednisolone",
    "Augmentin",
    "Benadryl",
    "Melatonin",
    "Vitamin D",
    "Ritalin",
    "Sertraline",
    "Atorvastatin",
    "Aspirin",
    "Piriton",
    "Dymista",
]
HOLIDAYS = [
    "Christmas",
    "Easter",
    "Midsummer",
    "Juhannus",
    "Diwali",
    "Eid",
    "Eid al-Fitr",
    "Thanksgiving",
    "Hanukkah",
    "New Year's Eve",
    "Halloween",
    "Carnival",
    "Ramadan",
    "Vappu",
    "Lunar New Year",
    "Nowruz",
    "Boxing Day",
    "Valentine's Day",
    "Mother's Day",
    "Father's Day",
    "St. Patrick's Day",
    "Independence Day",
    "Pentecost",
    "Bonfire Night",
    "Chuseok",
    "Obon",
    "Tết",
    "Holi",
    "Semana Santa",
    "Carnaval",
    "Oktoberfest",
]
LANGS = [
    "Finnish",
    "Hungarian",
    "Czech",
    "Polish",
    "Turkish",
    "Vietnamese",
    "Mandarin",
    "Korean",
    "Japanese",
    "Hindi",
    "Yoruba",
    "Igbo",
    "Arabic",
    "Persian",
    "Farsi",
    "Spanish",
    "Portuguese",
    "German",
    "Dutch",
    "French",
    "Italian",
    "Greek",
    "Russian",
    "Swedish",
    "Irish",
    "English",
    "Tamil",
    "Malayalam",
    "Swahili",
    "Catalan",
]
NATIONALITIES = [
    "Finnish",
    "Hungarian",
    "Czech",
    "Polish",
    "Turkish",
    "Vietnamese",
    "Chinese",
    "Korean",
    "Japanese",
    "Indian",
    "Nigerian",
    "Iranian",
    "Lebanese",
    "Spanish",
    "Mexican",
    "Brazilian",
    "German",
    "Dutch",
    "French",
    "Italian",
    "Greek",
    "Russian",
    "Swedish",
    "Irish",
    "American",
    "British",
    "Uruguayan",
    "Argentinian",
    "Canadian",
    "Australian",
    "Egyptian",
    "Moroccan",
    "Ghanaian",
    "Portuguese",
]
SONGS = [
    "Bohemian Rhapsody",
    "Yellow Submarine",
    "Dancing Queen",
    "Wonderwall",
    "Purple Rain",
    "Shape of You",
    "Blinding Lights",
    "Bad Guy",
    "Take On Me",
    "Sweet Dreams",
    "Creep",
    "Yesterday",
    "Imagine",
    "Thriller",
    "Paint It Black",
    "Heroes",
    "Clocks",
    "Levitating",
    "Believer",
    "Rolling in the Deep",
    "Seven Nation Army",
    "Skinny Love",
    "Mr. Brightside",
    "Smells Like Teen Spirit",
    "Dreams",
    "Running Up That Hill",
    "Hallelujah",
    "Bitter Sweet Symphony",
    "Karma Police",
    "Zombie",
    "Losing My Religion",
    "Hotel Room Service",
    "Sandstorm",
    "Dynamite",
    "Gangnam Style",
    "Despacito",
    "Waterloo",
    "Cha Cha Cha",
    "Euphoria",
    "Tattoo",
]
FILMS = [
    "The Godfather",
    "Inception",
    "Parasite",
    "Spirited Away",
    "The Matrix",
    "Jaws",
    "Alien",
    "Frozen",
    "Inside Out",
    "The Lion King",
    "Interstellar",
    "Arrival",
    "Dune",
    "Titanic",
    "Gladiator",
    "The Shining",
    "Whiplash",
    "Moonlight",
    "Toy Story",
    "Everything Everywhere All at Once",
    "Past Lives",
    "Drive My Car",
    "The Man Without a Past",
    "Fallen Leaves",
    "Roma",
    "City of God",
    "Pan's Labyrinth",
    "The Intouchables",
    "Oldboy",
    "Perfect Days",
    "Aftersun",
    "Anatomy of a Fall",
    "Shrek",
    "Up",
]
BOOKS = [
    "Pride and Prejudice",
    "The Hobbit",
    "The Little Prince",
    "War and Peace",
    "Crime and Punishment",
    "The Handmaid's Tale",
    "Normal People",
    "Sapiens",
    "The Road",
    "Beloved",
    "Atomic Habits",
    "Educated",
    "The Unknown Soldier",
    "Things Fall Apart",
    "One Hundred Years of Solitude",
    "The Alchemist",
    "Norwegian Wood",
    "The Kite Runner",
    "Dune",
    "Klara and the Sun",
    "The Midnight Library",
]
ACRONYMS = [
    "NHS",
    "WHO",
    "COVID-19",
    "GP",
    "A&E",
    "ER",
    "UN",
    "EU",
    "HR",
    "IT",
    "CEO",
    "PhD",
    "MSc",
    "BSc",
    "GDPR",
    "FAQ",
    "DIY",
    "ASAP",
    "PDF",
    "USB",
    "Wi-Fi",
    "GPS",
    "ETA",
    "VAT",
    "IKEA",
    "UNESCO",
    "NGO",
    "MRI",
    "ICU",
    "BBQ",
    "RSVP",
    "IELTS",
    "TOEFL",
    "SUV",
    "LGBTQ+",
    "AI",
    "UX",
    "SQL",
    "API",
    "KELA",
    "DMV",
    "HMRC",
]
JOBS = [
    "software engineer",
    "nurse",
    "graphic designer",
    "data analyst",
    "primary school teacher",
    "architect",
    "photographer",
    "chef",
    "journalist",
    "accountant",
    "physiotherapist",
    "product manager",
    "translator",
    "electrician",
    "pharmacist",
    "marketing lead",
    "cellist",
    "UX researcher",
    "civil engineer",
    "barista",
    "social worker",
    "veterinarian",
    "sound engineer",
    "project coordinator",
    "librarian",
    "carpenter",
]
JOB_TITLES = [
    "Customer Success Manager",
    "Senior Developer",
    "Head of Marketing",
    "Office Manager",
    "HR Coordinator",
    "Sales Director",
    "Project Lead",
    "Data Scientist",
    "Operations Manager",
    "Event Coordinator",
    "Team Lead, Support",
    "Account Executive",
    "Procurement Specialist",
    "Research Assistant",
    "CTO",
]
PRODUCTS = [
    "espresso machine",
    "standing desk",
    "baby stroller",
    "road bike",
    "winter tyres",
    "air fryer",
    "sofa bed",
    "electric guitar",
    "washing machine",
    "crib",
    "rowing machine",
    "gaming chair",
    "camera lens",
    "e-scooter",
    "bookshelf",
    "snowboard",
    "sewing machine",
    "dishwasher",
    "kayak",
    "aquarium",
    "vinyl collection",
]
FOODS = [
    "pho",
    "pierogi",
    "goulash",
    "ramen",
    "jollof rice",
    "paella",
    "kebab",
    "karjalanpiirakka",
    "tacos",
    "gelato",
    "dim sum",
    "bibimbap",
    "moussaka",
    "feijoada",
    "chivito",
    "empanadas",
    "schnitzel",
    "biryani",
    "croissants",
    "lángos",
    "trdelník",
    "baklava",
    "sushi",
    "borscht",
    "fish and chips",
    "cinnamon buns",
]
EMOJIS = [
    "😂",
    "😍",
    "🙏",
    "❤️",
    "🔥",
    "😭",
    "🎉",
    "👍",
    "😅",
    "🥳",
    "☕",
    "✈️",
    "🌞",
    "😬",
    "🙄",
    "💯",
    "🤒",
    "😴",
    "🎂",
    "💍",
    "🐶",
    "🎶",
]
CONTINENTS = ["Europe", "Asia", "Africa", "South America", "North America", "Australia", "Scandinavia"]
COUNTRIES = [
    "Finland",
    "Hungary",
    "Czechia",
    "Poland",
    "Turkey",
    "Vietnam",
    "China",
    "South Korea",
    "Japan",
    "India",
    "Nigeria",
    "Iran",
    "Spain",
    "Mexico",
    "Brazil",
    "Germany",
    "the Netherlands",
    "France",
    "Italy",
    "Greece",
    "Sweden",
    "Ireland",
    "the UK",
    "the US",
    "Uruguay",
    "Argentina",
    "Canada",
    "Portugal",
    "Morocco",
    "Egypt",
    "Ghana",
    "Kenya",
    "Norway",
    "Denmark",
    "Estonia",
    "Austria",
    "Switzerland",
    "Thailand",
    "Lebanon",
]
STATES = [
    "Texas",
    "Ohio",
    "California",
    "Oregon",
    "Florida",
    "Michigan",
    "Ontario",
    "Quebec",
    "Bavaria",
    "Catalonia",
    "Kerala",
    "Queensland",
    "Tasmania",
    "Lapland",
    "Andalusia",
    "Minnesota",
    "Victoria",
    "New South Wales",
    "Tuscany",
    "Maharashtra",
    "Lagos State",
    "Bahia",
    "Patagonia",
    "Brittany",
    "Scotland",
    "Wales",
]


STUDIOS = [
    "Finnvox Studios",
    "Abbey Road Studios",
    "Studio Nord",
    "Sonic Ranch",
    "Electric Lady Studios",
    "Hansa Studios",
    "Atlantis Studio",
    "Sound Factory",
    "Studio Kekkonen",
    "Rockfield Studios",
    "Real World Studios",
    "Studio Davout",
]
INVENTED_TITLES = [
    "The Quiet Harbour",
    "Salt and Ash",
    "Northern Lights",
    "Paper Boats",
    "The Long Winter",
    "Glass Orchard",
    "Midnight Tram",
    "Blue Hour",
    "A Year Without Rain",
    "Concrete Gardens",
    "Small Hours",
    "The Ferryman's Daughter",
    "Birch Smoke",
    "After the Thaw",
    "Red Clay",
    "Sea of Lanterns",
    "Open Window",
    "The Last Ferry",
    "Copper Sky",
]
PUBLISHERS = [
    "Otava",
    "Penguin",
    "Faber & Faber",
    "Gallimard",
    "Companhia das Letras",
    "Suhrkamp",
    "Magvető",
    "Argo",
    "Bloomsbury",
    "HarperCollins",
    "Tammi",
    "Anagrama",
    "Bonnier",
    "Vintage",
    "Granta",
]
CARS = [
    "Toyota Corolla",
    "VW Golf",
    "Skoda Octavia",
    "Volvo V70",
    "Honda Civic",
    "Ford Focus",
    "Fiat Panda",
    "Renault Clio",
    "Tesla Model 3",
    "Nissan Leaf",
    "Peugeot 208",
    "Kia Ceed",
    "Opel Astra",
    "BMW 320d",
]


def time_of_day():
    return pick(
        [
            f"{R.randrange(6, 23)}:{pick(['00', '15', '30', '45', '05', '20'])}",
            f"{R.randrange(1, 12)}{pick(['pm', 'am', ' pm', ' a.m.', 'PM'])}",
            f"{R.randrange(1, 12)}:{pick(['00', '30', '15'])} {pick(['pm', 'am', 'PM'])}",
            "noon",
            "midnight",
            f"{R.randrange(8, 22)}.{pick(['00', '30'])}",
            f"half past {pick(['six', 'seven', 'two', 'ten'])}",
        ]
    )


def price():
    return pick(
        [
            f"€{R.randrange(5, 900)}",
            f"£{R.randrange(5, 600)}",
            f"${R.randrange(5, 1500)}",
            f"{R.randrange(5, 500)} euros",
            f"€{R.randrange(1, 90)},{pick(['00', '50', '99'])}",
            f"${R.randrange(1, 90)}.{pick(['00', '50', '99'])}",
            f"{R.randrange(100, 9000)} Ft",
            f"R$ {R.randrange(20, 900)}",
            f"₹{R.randrange(200, 9000)}",
            f"{R.randrange(50, 900)} kr",
        ]
    )


def qty():
    return pick(
        [
            f"{R.randrange(2, 40)} km",
            f"{R.randrange(1, 12)} kg",
            f"{R.randrange(2, 300)} ml",
            f"{R.randrange(2, 9)} hours",
            f"{R.randrange(2, 30)} minutes",
            f"{R.randrange(2, 12)} weeks",
            f"{R.randrange(50, 180)} m²",
            f"{R.randrange(2, 6)} litres",
            f"{R.randrange(10, 99)}%",
            f"{R.randrange(3, 20)} days",
        ]
    )


def temp():
    return pick(
        [
            f"{R.randrange(37, 40)}.{R.randrange(10)}",
            f"{R.randrange(38, 40)}.{R.randrange(10)}°C",
            f"{R.randrange(100, 104)}.{R.randrange(10)}F",
            f"{R.randrange(38, 40)},{R.randrange(10)} degrees",
        ]
    )


# ------------------------------------------------------------ renderer ----
class Ctx:
    def __init__(self):
        self.persons = {}
        self.cache = {}

    def person(self, var):
        if not var:
            g = None
            return Person(g)
        if var not in self.persons:
            wl = var[0] == "w"
            v = var[1:] if wl else var
            g = "f" if v[:1] == "f" else "m" if v[:1] == "m" else None
            used = {p.full() for p in self.persons.values()}
            for _ in range(20):
                p = Person(g, ("own", "wordlike") if wl else None)
                if p.full() not in used and p.last not in {q.last for q in self.persons.values()}:
                    break
            self.persons[var] = p
        return self.persons[var]


def person_pieces(key, p):
    """Return pieces for person-related keys."""
    if key == "FULL":
        return [(p.full(), "NAME")]
    if key == "FIRST":
        return [(p.first, "NAME")]
    if key == "LAST":
        return [(p.last, "NAME")]
    if key == "NICK":
        return [(lower(p.first.split("-")[0]), "NAME")]
    if key == "TLAST":
        return [(p.title() + " ", None), (p.last, "NAME")]
    if key == "TFULL":
        return [(p.title() + " ", None), (p.full(), "NAME")]
    if key == "DRLAST":
        return [(pick(["Dr. ", "Dr ", "Doctor "]), None), (p.last, "NAME")]
    if key == "INIT":
        return [(f"{p.first[0]}. {p.last}", "NAME")]
    if key == "LASTFIRST":
        return [(f"{p.last}, {p.first}", "NAME")]
    if key == "FIRSTI":
        return [(f"{p.first} {p.last[0].upper() if p.last[0].isalpha() else p.last[:3]}.", "NAME")]
    if key == "ANYNAME":
        return person_pieces(wpick([("FULL", 5), ("FIRST", 3), ("TLAST", 1), ("FIRSTI", 0.5)]), p)
    if key == "EMAIL":
        return [(p.email(), "EMAIL")]
    if key == "WEMAIL":
        return [(p.work_email(pick(COMPANIES)), "EMAIL")]
    if key == "HANDLE":
        return [("@" + p.handle(), "ID")]
    if key == "UNAME":
        return [(p.handle(), "ID")]
    if key == "URL":
        return [(p.url(), "URL")]
    raise KeyError(key)


PERSON_KEYS = {
    "FULL",
    "FIRST",
    "LAST",
    "NICK",
    "TLAST",
    "TFULL",
    "DRLAST",
    "INIT",
    "LASTFIRST",
    "FIRSTI",
    "ANYNAME",
    "EMAIL",
    "WEMAIL",
    "HANDLE",
    "UNAME",
    "URL",
}


def ext_phone():
    return [
        (phone(pick(["us", "uk", "de", "fi", "nl"])), "PHONE"),
        (pick([" ext. ", " ext ", " Ext. ", ", extension "]), None),
        (str(R.randrange(100, 9999)), "PHONE"),
    ]


GEN = {
    "CITY": lambda: [(city(), "LOCATION")],
    "TOWN": lambda: [(city(), "LOCATION")],
    "NEIGH": lambda: [(neigh(), "LOCATION")],
    "PARK": lambda: [(park(), "LOCATION")],
    "SCHOOL": lambda: [(school(), "LOCATION")],
    "BUILDING": lambda: [(building(), "LOCATION")],
    "HOSP": lambda: [(hospital(), "LOCATION")],
    "UNI": lambda: [(pick(UNIVERSITIES), "LOCATION")],
    "VENUE": lambda: [(venue(), "LOCATION")],
    "ADDR": address,
    "STREET": lambda: [(street_only(), "ADDRESS")],
    "ADDR_US": addr_us,
    "ADDR_UK": addr_uk,
    "ADDR_DE": addr_de,
    "ADDR_FI": addr_fi,
    "ADDR_FR": addr_fr,
    "ADDR_UY": addr_uy_ar,
    "ADDR_BR": addr_br,
    "ADDR_IN": addr_in,
    "ADDR_AU": addr_au,
    "ADDR_CA": addr_ca,
    "ADDR_NL": addr_nl,
    "DATE": lambda: [(fmt_date(rand_date()), "DATE")],
    "DATE_NUM": lambda: [(fmt_date(rand_date(), "num"), "DATE")],
    "DATE_TXT": lambda: [(fmt_date(rand_date(), "text"), "DATE")],
    "DATE_NY": lambda: [(fmt_date(rand_date(), "noyear"), "DATE")],
    "DATE_Y": lambda: [(fmt_date(rand_date(), "year"), "DATE")],
    "BDAY": lambda: [(birth_date(), "DATE")],
    "WDATE": lambda: [(pick(WEEKDAYS) + pick([", ", " "]), None), (fmt_date(rand_date(), "noyear"), "DATE")],
    "PHONE": lambda: [(phone(), "PHONE")],
    "EXTPHONE": ext_phone,
    "PHONE_FI": lambda: [(phone("fi"), "PHONE")],
    "PHONE_US": lambda: [(phone("us"), "PHONE")],
    "PHONE_UK": lambda: [(phone("uk"), "PHONE")],
    "PHONE_NG": lambda: [(phone("ng"), "PHONE")],
    "PHONE_IN": lambda: [(phone("in"), "PHONE")],
    "PHONE_BR": lambda: [(phone("br"), "PHONE")],
    "SSN": lambda: [(ssn_like(), "ID")],
    "PASSPORT": lambda: [(passport(), "ID")],
    "IBAN": lambda: [(iban(), "ID")],
    "CARD": lambda: [(credit_card(), "ID")],
    "ORDER": lambda: [(order_no(), "ID")],
    "CUST": lambda: [(customer_no(), "ID")],
    "TICKET": lambda: [(ticket_no(), "ID")],
    "PLATE": lambda: [(plate(), "ID")],
    "STUDENT": lambda: [(student_no(), "ID")],
    "MEMBER": lambda: [(member_no(), "ID")],
    "IP": lambda: [(ip(), "IP")],
    "IP4": lambda: [(fk("en_US").ipv4_public(), "IP")],
    "AGE90": lambda: [(age90(), "AGE")],
    "STUDIO": lambda: [(pick(STUDIOS), "LOCATION")],
    "HM": lambda: [(f"{R.randrange(7, 24):02d}:{R.randrange(60):02d}", None)],
    "FILMT": lambda: [(pick(INVENTED_TITLES), None)],
    "PUBLISHER": lambda: [(pick(PUBLISHERS), None)],
    "CAR": lambda: [(pick(CARS), None)],
    "KIDDIS": lambda: [
        (
            pick(
                [
                    "chickenpox",
                    "RSV",
                    "croup",
                    "tonsillitis",
                    "an ear infection",
                    "strep throat",
                    "scarlet fever",
                    "hand, foot and mouth",
                    "norovirus",
                    "bronchiolitis",
                    "the flu",
                    "conjunctivitis",
                    "COVID-19",
                ]
            ),
            None,
        )
    ],
    "DUR": lambda: [
        (
            pick(
                [
                    f"{R.randrange(2, 9)} hours",
                    f"{R.randrange(2, 50)} minutes",
                    f"{R.randrange(2, 12)} weeks",
                    f"{R.randrange(2, 20)} days",
                    "a week",
                    "two days",
                    "an hour",
                    f"{R.randrange(2, 8)} months",
                ]
            ),
            None,
        )
    ],
    "KM": lambda: [
        (
            pick(
                [
                    f"{R.randrange(2, 200)} km",
                    f"{R.randrange(1, 90)},000 km",
                    f"{R.randrange(2, 60)} miles",
                    "500 metres",
                ]
            ),
            None,
        )
    ],
    "PCT": lambda: [(f"{R.randrange(3, 40)}%", None)],
    "THEDATE": lambda: [("the ", None), (f"{ordinal(rand_date().day)} of {pick(MONTHS)}", "DATE")],
    "OLDDATE": lambda: [(fmt_date(rand_date(1880, 1935), "year"), "DATE")],
    # non-identifiers
    "BRAND": lambda: [(pick(BRANDS), None)],
    "COMPANY": lambda: [(pick(COMPANIES), None)],
    "DISEASE": lambda: [(pick(DISEASES), None)],
    "DRUG": lambda: [(pick(DRUGS), None)],
    "HOLIDAY": lambda: [(pick(HOLIDAYS), None)],
    "WEEKDAY": lambda: [(pick(WEEKDAYS), None)],
    "MONTH": lambda: [(pick(MONTHS), None)],
    "LANG": lambda: [(pick(LANGS), None)],
    "NAT": lambda: [(pick(NATIONALITIES), None)],
    "SONG": lambda: [(pick(SONGS), None)],
    "FILM": lambda: [(pick(FILMS), None)],
    "BOOK": lambda: [(pick(BOOKS), None)],
    "ACRO": lambda: [(pick(ACRONYMS), None)],
    "JOB": lambda: [(pick(JOBS), None)],
    "JOBTITLE": lambda: [(pick(JOB_TITLES), None)],
    "PRODUCT": lambda: [(pick(PRODUCTS), None)],
    "FOOD": lambda: [(pick(FOODS), None)],
    "EMOJI": lambda: [(pick(EMOJIS), None)],
    "TIME": lambda: [(time_of_day(), None)],
    "PRICE": lambda: [(price(), None)],
    "QTY": lambda: [(qty(), None)],
    "TEMP": lambda: [(temp(), None)],
    "NUM": lambda: [(str(R.randrange(2, 60)), None)],
    "AGEY": lambda: [(str(R.randrange(18, 89)), None)],
    "KIDAGE": lambda: [(str(R.randrange(1, 13)), None)],
    "OLDAGE": lambda: [(str(R.randrange(60, 89)), None)],
    # ignore-only
    "YEAR": lambda: [(str(R.randrange(1965, 2027)), "IGN")],
    "COUNTRY": lambda: [(pick(COUNTRIES), "IGN")],
    "STATE": lambda: [(pick(STATES), "IGN")],
    "CONT": lambda: [(pick(CONTINENTS), "IGN")],
}


def _split_alts(body):
    alts, depth, cur, i = [], 0, [], 0
    while i < len(body):
        if body.startswith("[[", i):
            depth += 1
            cur.append("[[")
            i += 2
        elif body.startswith("]]", i):
            depth -= 1
            cur.append("]]")
            i += 2
        elif body[i] == "|" and depth == 0:
            alts.append("".join(cur))
            cur = []
            i += 1
        else:
            cur.append(body[i])
            i += 1
    alts.append("".join(cur))
    return alts


def render(tmpl, doc, ctx):
    i, lit = 0, []

    def flush():
        if lit:
            doc.add("".join(lit))
            lit.clear()

    while i < len(tmpl):
        if tmpl.startswith("[[", i):
            depth, j = 1, i + 2
            while depth:
                if tmpl.startswith("[[", j):
                    depth += 1
                    j += 2
                elif tmpl.startswith("]]", j):
                    depth -= 1
                    j += 2
                else:
                    j += 1
                    if j > len(tmpl):
                        raise ValueError("unbalanced [[ in " + tmpl)
            flush()
            render(pick(_split_alts(tmpl[i + 2 : j - 2])), doc, ctx)
            i = j
        elif tmpl[i] == "{":
            j = tmpl.index("}", i)
            flush()
            emit(tmpl[i + 1 : j], doc, ctx)
            i = j + 1
        else:
            lit.append(tmpl[i])
            i += 1
    flush()


def emit(spec, doc, ctx):
    key, _, var = spec.partition(":")
    lc = key.endswith("_lc")
    if lc:
        key = key[:-3]
    if key == "HM":  # chat clock: increases within a text
        ctx.clock = getattr(ctx, "clock", R.randrange(7 * 60, 22 * 60)) + R.randrange(0, 6)
        pieces = [(f"{ctx.clock // 60 % 24:02d}:{ctx.clock % 60:02d}", None)]
    elif key in PERSON_KEYS:
        pieces = person_pieces(key, ctx.person(var))
    elif key in GEN:
        if var:
            ck = (key, var)
            if ck not in ctx.cache:
                ctx.cache[ck] = GEN[key]()
            pieces = ctx.cache[ck]
        else:
            pieces = GEN[key]()
    else:
        raise KeyError(spec)
    for text, label in pieces:
        if lc and label is not None:
            text = lower(text)
        doc.add(text, label)


# ----------------------------------------------------------- templates ----
T = {}
T["social"] = [
    "Happy birthday to my [[amazing|favourite|ridiculous]] [[sister|bestie|cousin]] {FIRST:f1}!!! {EMOJI}{EMOJI} [[can't believe you're|you're]] {AGEY} [[already|now]]. [[See you in {CITY} next week|Drinks on me at {VENUE}]]",
    "{FULL:f1} listed her favourite songs of {YEAR} and {SONG} is somehow number one {EMOJI}",
    "Throwback to {DATE} when {FIRST:m1} and I got lost in {NEIGH} looking for [[decent|cheap]] {FOOD} {EMOJI} #tbt",
    "replying to {HANDLE:a}: no way, {FIRST_lc:a} was at {VENUE} too?? i was there with {FIRST_lc:f2} and her brother",
    "Grandma {FIRST:f1} turned {AGE90} [[today|yesterday|on {DATE_NY}]]! Still does her crossword every morning and beats us all at Scrabble... [[love her|legend]] {EMOJI}",
    "just landed in {CITY} {EMOJI} {FIRST_lc:a} if you're reading this pick me up at arrivals pls, my {BRAND} is at 3%",
    "Congrats to {FULL:a} on [[the new job at {COMPANY}|finishing the {CITY} marathon|graduating from {UNI}]]! [[So proud|Well deserved]] {EMOJI}",
    "Lost dog near {PARK} in {NEIGH} [[this morning|last night]] — brown terrier, answers to Biscuit. [[Please DM|Call]] {FIRST:a} on {PHONE} {EMOJI}",
    "{FIRST:m1} and {FIRST:f1}'s wedding at {VENUE} was [[unreal|perfect]] {EMOJI} Congrats you two, see you after {HOLIDAY}!",
    "Who else is going to the {FILM} screening at {VENUE} on {WDATE}? {FIRST:a} and I have two spare tickets",
    "new pb at the {CITY} 10k today 🏃 thanks {HANDLE:a} for pacing me the whole way. [[next stop the {CITY:c2} half|time for {FOOD}]]",
    "lol {FIRST:a} you still owe me {PRICE} from {HOLIDAY} {EMOJI}",
    "Shoutout to {FIRST:wf1} {LAST:wf1} for [[the best|an amazing]] [[yoga class|haircut|birthday cake]] in {TOWN}! If you hope to find someone patient, {FIRST:wf1} is the one {EMOJI}",
    "{FULL:a} is my [[hero|new favourite person]] — [[fixed my bike|found my wallet]] outside {BUILDING} and wouldn't take a cent {EMOJI}",
    "me and {NICK:a} at {PARK} on {DATE_NY} vs me and {NICK:a} now {EMOJI} #glowup",
    "RIP {FULL:m1} ({BDAY} – {DATE_Y}). The whole of {TOWN} will miss your terrible jokes and your {FOOD}.",
    "{FIRST:wm1} {LAST:wm1} just sent me the [[brown|green]] sweater he knitted for me, I'm crying {EMOJI} best uncle in {COUNTRY}",
    "Moved into our new place on {STREET} today!! {FIRST:a} already broke the IKEA shelf {EMOJI} housewarming {WDATE}, DM me",
    "Watching {FILM} with {NICK:a} and {NICK:b} and nobody is allowed to talk. {EMOJI}",
    "Summer in {CITY} hits different. Thanks {FIRST:wf1} for the tour of {NEIGH} and the {FOOD} {EMOJI}",
    "new blog post up!! {URL:a} — all about our week in {CITY} {EMOJI}",
    "follow my sister {HANDLE:f1}, she just started posting her {FOOD} recipes from {TOWN} {EMOJI}",
    "Nana {FIRST:f1} is {AGE90} today and still beats everyone at cards. Party at {BUILDING} on {THEDATE}! {EMOJI}",
    "@ everyone who came to {FIRST:f1}'s surprise party at {VENUE} on {DATE_NY}: she had NO idea. {EMOJI}",
]
T["forum"] = [
    "Re: Moving to {CITY:c} with kids — advice?\n\nWe did exactly that in {YEAR}. Our eldest goes to {SCHOOL} and we couldn't be happier. If you want, message me, I'm {UNAME:a} on the {CITY:c} expats group. — {FIRST:a}",
    "Posted by {UNAME:a} » {DATE_NUM}, {TIME}\nHas anyone had a {BRAND} repaired in {CITY}? The shop on {STREET} quoted me {PRICE}, which seems insane.",
    "Quote from: {UNAME:a} on {DATE_TXT}\n> the {LANG} course at {BUILDING} is free for residents\nCan confirm, my neighbour {FIRST:f1} took it in {MONTH} and loved it.",
    "[SOLVED] {BRAND} won't connect to Wi-Fi\nThanks {UNAME:a}, resetting the router did it. For anyone near {TOWN}: the staff at the {COMPANY} shop were useless.",
    "Looking for {FULL:f1}. We studied together at {UNI} around {YEAR}; last I heard she was working as a {JOB} in {CITY}. Any leads appreciated!",
    "Genealogy help: my great-grandfather {FULL:m1} was born {OLDDATE} in {TOWN}, {COUNTRY}. He emigrated to {CITY} and worked at the docks. Does anyone know where those records are kept?",
    "Thread: best {FOOD} in {CITY}?\n{UNAME:a}: {VENUE}, no contest.\n{UNAME:b}: +1, ask for {FIRST:m1} at the counter.",
    "Warning to anyone renting in {NEIGH}: our landlord {FULL:m1} ({PHONE}) kept our {PRICE} deposit. We moved out on {DATE} and left it spotless. Small claims next.",
    "Selling my late father's records — {FULL:m1} collected everything from {SONG} onwards for forty years. Pickup in {TOWN}, PM {UNAME:a}.",
    "Car meetup {WDATE} at {VENUE}, {TIME}. Bring your {CAR}. Contact {UNAME:a} or text {PHONE}.",
    "Anyone else's {BRAND} update brick their phone? Mine died on {DATE_NY}. {COMPANY} support told me to visit the store at {BUILDING}. — {FIRST:a} from {TOWN}",
    "Re: noisy neighbours\nWe had the same problem at {ADDR}. In the end {TLAST:f1} from the housing office came round and it stopped.",
    "Mods, please ban {UNAME:a}. He posted my home address ({STREET}) and my daughter's name in the {CITY} thread.",
    "Edit: the vet in {NEIGH} ({DRLAST:a}) was great with our rabbit. Open {WEEKDAY}s till {TIME}.",
    "Re: {BRAND} vs {BRAND}\nI switched on {THEDATE} and never looked back.\n--\n{FIRST:a} · {TOWN} · {URL:a}",
    "I'm {FIRST:a}, {AGEY}, from {CITY}, learning {LANG} for {NUM} months now. Anyone want to do a language exchange on {BRAND}?",
]
T["chat"] = [
    "User: {FULL:a}\nAgent: Hi {FIRST:a}, how can I help today?\nUser: my {BRAND} order hasn't arrived, it's been {DUR}\nAgent: I can see order {ORDER} going to {ADDR}. Is that correct?\nUser: yes that's me",
    "[{HM}] {NICK:a}: anyone up for {FOOD} tonight?\n[{HM}] {NICK:b}: yes!! {VENUE}?\n[{HM}] {NICK:a}: ok 7pm, {NICK:c} you coming?",
    "{NICK:a}: did you send {FIRST:f1} the pics from {DATE_NY}\n{NICK:b}: not yet lol whats her number again\n{NICK:a}: {PHONE}",
    "<{NICK:a}> heading to {CITY} on {DATE_NY}\n<{NICK:b}> say hi to {FIRST:m1} from me\n<{NICK:a}> will do, he moved to {NEIGH} btw",
    "Chat transcript — {DATE_NUM}\nVisitor ({FULL:a}): I can't log in, my IP is {IP}\nSupport ({FIRST:b}): Thanks, I've reset the password for {EMAIL:a}.",
    "User: {FULL:a}\nMessage: Hello, I need to update my address to {ADDR}. Customer number {CUST}. Thank you!",
    "[{HM}] {NICK:a}: omg {NICK:f1} is moving to {CITY_lc}??\n[{HM}] {NICK:b}: yeah her last day at {COMPANY} is {DATE_NY}\n[{HM}] {NICK:a}: {EMOJI}",
    "{FULL:a}: The plumber is {FULL:m1}, his number is {PHONE}. He'll come {WEEKDAY} between {TIME} and {TIME}.\n{FULL:b}: perfect thanks",
    "12:03 – {FIRST:a}: we're at {PARK} by the fountain\n12:05 – {FIRST:b}: 5 min, parking on {STREET}\n12:06 – {FIRST:a}: {EMOJI}",
    "From {FULL:a} to Everyone: slides are on my page {URL:a}\nFrom {FULL:b} to Everyone: thanks! {EMOJI}\nFrom {FULL:c} to Everyone: can't hear {FIRST:a}",
    "[{HM}] {NICK:a}: who's bringing the cake for {NICK:f1}'s bday on {DATE_NY}\n[{HM}] {NICK:b}: me, from that bakery in {NEIGH}\n[{HM}] {NICK:c}: i'll get balloons",
    "User: {FULL:a}\nAgent ({FIRST:b}): Thanks for waiting. Can you confirm your date of birth?\nUser: {BDAY}\nAgent ({FIRST:b}): Great, your new card will go to {ADDR}.",
    "{NICK:a}: r u still at {VENUE}\n{NICK:b}: no went home, {NICK:c} drove me\n{NICK:a}: ok tell {NICK:c} thx, i owe him {PRICE}",
    "Mom: did {FIRST:m1} take his {DRUG} this morning?\nMe: yes\nMom: ok. Grandpa's appointment at {HOSP} is {DATE_NY} at {TIME}, can you drive?",
    "[{HM}] {NICK:a}: anyone have {NICK:b}'s portfolio link?\n[{HM}] {NICK:b}: {URL:b}\n[{HM}] {NICK:a}: thx!! see you on {THEDATE}",
    "[{HM}] {NICK:a} joined the chat\n[{HM}] {NICK:a}: hi, is this the {CITY} {BRAND} group?\n[{HM}] {NICK:b}: yep welcome {NICK:a}!",
]
T["email"] = [
    "Hi {FIRST:a},\n\nThanks for meeting with us on {WDATE}. As discussed, the lease for the {CITY} office starts {DATE}. Please send the signed copy to {WEMAIL:b}.\n\nBest regards,\n{FULL:b}\n{JOBTITLE}, {COMPANY}\n{PHONE}",
    "Dear {TLAST:f1},\n\nI am writing to confirm your appointment at {BUILDING} on {DATE_TXT} at {TIME}. If you need to reschedule, please call {EXTPHONE}.\n\nKind regards,\n{FULL:b}",
    "Subject: Flat viewing — {ADDR}\n\nHello {FIRST:a}, is the flat still available? I could come on {WDATE}. My number is {PHONE}.\nCheers, {FIRST:b}",
    "Hey {NICK:a}!!\nlong time. {FIRST:f1} and I are finally getting married, {DATE_Y} in {TOWN}. Invite coming but save the date! xx {FIRST:m2}",
    "From: {FULL:a} <{EMAIL:a}>\nTo: {FULL:b} <{EMAIL:b}>\nDate: {DATE_NUM}\nSubject: Re: invoice\n\n{FIRST:b}, the IBAN is {IBAN}. Thanks!",
    "Dear Hiring Manager,\n\nPlease find attached my CV for the {JOBTITLE} role. I have {NUM} years of experience at {COMPANY} in {CITY}. I can be reached at {PHONE} or {EMAIL:a}.\n\nSincerely,\n{FULL:a}",
    "Hi all,\n\nQuick reminder that {FULL:f1} is retiring on {DATE_NY} after {NUM} years with us. Cake in the {BUILDING} at 3pm. Please sign the card at reception (ask {FIRST:m2}).\n\nThanks,\n{FIRST:b}",
    "Dear {TFULL:a},\n\nYour parcel could not be delivered to {ADDR} on {DATE_NUM}. It is waiting at the {CITY} depot. Tracking number: {ORDER}.\n\n{COMPANY} Customer Care",
    "Hi {FIRST:a} — great meeting you at {VENUE} last {WEEKDAY}! Here's my website: {URL:b}. Talk soon,\n{FULL:b}",
    "Thanks again, {FIRST:a}.\n\n--\n{FULL:b} | {JOB}\nM: {PHONE} | E: {EMAIL:b}\n{ADDR}",
    "Hello {TLAST:m1},\n\nMy son {FIRST:m2} will miss school from {DATE_NY} to {DATE_NY} because of {KIDDIS}. Sorry for the short notice.\n\nBest,\n{FULL:f3}",
    "Hei {FIRST:a}! (sorry, English for the others in cc)\nThe sauna evening is at {ADDR} on {WDATE}. Bring towels. Parking code is 4411.\n– {FIRST:b}",
    "Dear {FIRST:a} and {FIRST:b},\n\nWe were so sorry to hear about {FIRST:m1}. The funeral will be at {BUILDING} on {DATE_TXT}. Flowers can be sent to {ADDR}.\n\nWith love,\n{FULL:c}",
]
T["credits"] = [
    "{FILMT}\nDirected By: {FULL:a}\nProduced by {FULL:b} and {FULL:c}\nScreenplay: {FULL:d}\nDirector of Photography {FULL:e}\nMusic by {FULL:g}",
    "Album credits — {FILMT}\nAll songs written by {FULL:a} except track 4 ({FULL:b}).\nRecorded at {STUDIO}, {CITY}; mixed by {FULL:c}, mastered by {INIT:d}.",
    "Cast (in order of appearance): {FULL:a} – the mother; {FULL:b} – the inspector; {FULL:c} – the neighbour; {FULL:d} – young boy",
    "Translated from the {LANG} by {FULL:a}. Cover design: {FULL:b}. First published in {YEAR} by {PUBLISHER}.",
    "Special thanks to {FULL:a}, {FULL:b}, the staff of {HOSP}, and everyone in {TOWN} who lent us their homes.",
    "Written & Directed by {FULL:a}\nExecutive Producers {FULL:b}, {FULL:c}\nEditor {FULL:d}\nFilmed on location in {CITY} and {CITY}, {COUNTRY}",
    "Personnel: {FULL:a} – vocals, guitar; {FULL:b} – bass; {FULL:c} – drums, percussion. Produced by {FULL:d}. Recorded {DATE_TXT} – {DATE_TXT} at {STUDIO}.",
    "Photography by {FULL:a} · Styling {FULL:b} · Hair & make-up {FULL:c} · Location: {VENUE}, {CITY}",
    "A film by {FULL:a}\n\nIn memory of {FULL:m1} ({BDAY} – {DATE_Y})",
    "Episode {NUM}: host {FULL:a} talks to {FULL:b} about growing up in {TOWN} and learning {LANG}. Produced by {FULL:c}, edited by {FULL:d}.",
    "DIRECTED BY {FULL:a}   PRODUCED BY {FULL:b}   CASTING {FULL:c}   COSTUME DESIGNER {FULL:d}",
    "Music: {SONG} (performed by {FULL:a}, courtesy of {COMPANY}). Choreography: {FULL:b}. Stunt coordinator: {FULL:c}.",
    "Acknowledgements: I thank my supervisor {TFULL:a}, my colleagues at {UNI}, and above all {FIRST:f1}, who read every draft.",
    "Illustrated by {FULL:a}\nText © {FULL:b}, {YEAR}\nPrinted in {COUNTRY}",
]
T["bio"] = [
    "{FULL:f1} (born {BDAY} in {CITY}) is a {NAT} {JOB} based in {CITY:c2}. She studied at {UNI} and now volunteers with a {DISEASE} charity.",
    "{FULL:m1} grew up in {NEIGH}, {CITY}, the youngest of four. After {NUM} years at {COMPANY} he opened {VENUE}. He lives in {TOWN} with his wife {FIRST:f2} and their dog.",
    "About me: I'm {FIRST:a}, a {JOB} from {TOWN} 🌿 Languages: {LANG}, {LANG}. Find my work at {URL:a}.",
    "Born in {TOWN} in {YEAR}, {FULL:m1} moved to {CITY} at sixteen and has never left. He coaches youth football at {PARK} on {WEEKDAY}s.",
    "Speaker bio: {TFULL:a} is {JOBTITLE} at {COMPANY} and a visiting lecturer at {UNI}. Contact: {WEMAIL:a}.",
    "{LAST:m1} was born on {DATE_TXT} in {TOWN}, the son of a {JOB} and a {JOB}. He speaks {LANG} and {LANG}.",
    "{FULL:f1}, {AGE90}, of {TOWN}, passed away peacefully on {DATE_TXT} at {HOSP}. She is survived by her children {FIRST:a} and {FIRST:b} and {NUM} grandchildren.",
    "Meet our new volunteer, {FIRST:a} {LAST:a}! {FIRST:a} moved here from {CITY} in {MONTH} and loves {FOOD}, {FILM} and long walks around {PARK}.",
    "{FULL:a} is a {JOB} and amateur {JOB} who splits their time between {CITY} and {CITY}. Their first exhibition opens on {DATE_NY} at {VENUE}.",
    "Author photo © {FULL:b}. {FULL:f1} lives in {NEIGH} with her partner and two cats. {BOOK} changed her life at fifteen.",
    "{FIRST:m1} {LAST:m1} (b. {BDAY}, {CITY}) — {NAT} cellist, member of the {CITY:c3} Chamber Orchestra since {YEAR}.",
    "{FULL:a} — {JOB}, {CITY}. Portfolio: {URL:a} · Instagram: {HANDLE:a}",
    "Hi, I'm {TFULL:f1}, a GP at {BUILDING} in {TOWN}. Outside work I run, bake, and argue about {FILM}.",
    "{FULL:m1}'s career began at {COMPANY}'s {CITY} plant in {YEAR}. Today, at {AGE90}, he still walks to {PARK} every morning.",
]
T["news"] = [
    "{CITY} — A {AGEY}-year-old [[cyclist|pedestrian]] was injured on {STREET} on {WDATE}, police said. The driver, {FULL:m1} of {TOWN}, was not hurt.",
    "Police in {CITY} are asking for help finding {FULL:a}, who was last seen near {PARK} on {DATE_NY}. Anyone with information should call {PHONE}.",
    "{FULL:f1}, {AGE90}, celebrated her birthday at {BUILDING} in {TOWN} with a brass band and a letter from the mayor.",
    "Mayor {FULL:a} opened the new {BUILDING} on {WEEKDAY}, calling it 'a home for all of {NEIGH}'.",
    "The {HOLIDAY} market in {TOWN} will run until {DATE_NY}, organiser {FULL:a} told reporters. Entry is free; parking costs {PRICE}.",
    "{FULL:m1} of {CITY} won the regional chess title on {DATE}, beating {FULL:m2} in a tense final at {VENUE}.",
    "A man from {TOWN}, {FULL:m1} ({AGEY}), of {ADDR}, was fined {PRICE} on {DATE_TXT} for keeping {NUM} goats in a rented flat.",
    "Pupils at {SCHOOL} raised {PRICE} for {DISEASE} research. Head teacher {TLAST:a} said she was 'lost for words'.",
    "Flooding closed the road between {TOWN} and {TOWN} on {DATE_NY}. Resident {FULL:f1} said the water reached the door of her home on {STREET}.",
    "{UNI} researcher {TFULL:a} has received a {PRICE} grant to study {DISEASE} in children, the university announced on {DATE_TXT}.",
    "Firefighters rescued {FULL:f1} and her son {FIRST:m2} from a flat on {STREET}, {CITY} early on {WEEKDAY}. Both were taken to {HOSP}.",
    "OBITUARY: {FULL:m1}, founder of {VENUE} in {NEIGH}, has died at {AGE90}. Born on {DATE_TXT} in {TOWN}, he fled to {COUNTRY} in {YEAR}.",
    "The {CITY} council approved the new tram line on {DATE_NUM}. Councillor {FULL:a} voted against, citing costs of {PRICE} million.",
    "{FULL:f1} of {TOWN} turned {AGE90} on {THEDATE} and credits daily {FOOD} and {NUM} grandchildren for her long life.",
    "Wedding announcement: {FULL:f1} and {FULL:m2} were married on {DATE_TXT} at {BUILDING}, {TOWN}.",
]
T["review"] = [
    "★★★★☆ Stayed at {VENUE} in {CITY} over {HOLIDAY}. Our host {FIRST:a} was [[lovely|super helpful]], but the Wi-Fi was slow. Breakfast ({FOOD}) was great.",
    "Ordered the {PRODUCT} on {DATE_NY}, arrived broken. Customer service (thanks {FIRST:a}!) sorted a refund within {DUR}. 4/5.",
    "Best {FOOD} in {NEIGH}! Ask for {FIRST:m1}, he makes it exactly how his grandmother did back in {TOWN}.",
    "{DRLAST:a} at {BUILDING} was so gentle with my son. Booked through the {BRAND} app, no waiting at all. ⭐⭐⭐⭐⭐",
    "Would not recommend {VENUE}. The manager ({FULL:m1}) refused to honour the booking I made on {DATE}. Booking reference {ORDER}.",
    "Used {FULL:a}'s moving company to get from {CITY} to {CITY} — {NUM} boxes, zero breakages. {PHONE} if you need them.",
    "Bought the {BRAND} for my dad {FIRST:m1}, who is {AGE90}, and he figured it out in {DUR}. Five stars for the big buttons.",
    "Great driving instructor! {FIRST:a} {LAST:a} got me through my test in {TOWN} first try {EMOJI}",
    "Tour guide {FIRST:a} showed us all of {NEIGH} in {DUR}. Worth every cent of the {PRICE}.",
    "Waited {DUR} at {HOSP} with my daughter {FIRST:f1}. Nurse {FIRST:f2} was an angel though. 2 stars for the waiting room, 5 for her.",
    "Hotel review: room 214 at {VENUE} smelled of smoke. Reception ({FIRST:a}) moved us without fuss. The {FOOD} downstairs is overpriced.",
    "Solid {CAR}, bought from {FULL:m1} at the {CITY} dealership on {DATE_NUM}. {DUR} later, no problems.",
    "The yoga studio in {NEIGH} is lovely and {FIRST:wf1} is the best teacher I've had. Classes {WEEKDAY} and {WEEKDAY}, {PRICE} drop-in.",
    "Pros: fast delivery to {CITY}. Cons: the {PRODUCT} is louder than advertised. Seller {UNAME:a} answered within an hour.",
]
T["support"] = [
    "Ticket #{TICKET}\nCustomer: {FULL:a}\nEmail: {EMAIL:a}\nIssue: {BRAND} subscription charged twice on {DATE_NUM}. Card used: {CARD}.",
    "Hello, my order {ORDER} was delivered to {ADDR} but I moved in {MONTH}. Please update my address to {ADDR}. Thanks, {FULL:a}",
    "Security alert: new sign-in to {FULL:a}'s account from {IP} ({CITY}) on {DATE_NUM} at {TIME}. If this wasn't you, reset your password.",
    "Case {TICKET} — caller {FULL:a} ({PHONE}) reports that technician {FIRST:m1} never showed up on {DATE_NY}. Escalated to {FIRST:b}.",
    "Refund request\nName: {FULL:a}\nIBAN: {IBAN}\nReason: {PRODUCT} arrived damaged, photos attached.",
    "Hi support, I'm locked out. Username {UNAME:a}, last login was from {IP} I think. Registered email is {EMAIL:a}. Please help!!",
    "Internal note: customer {LASTFIRST:a} (cust. no. {CUST}) called again about the {COMPANY} router. Spoke to {FIRST:b}. Callback {WDATE} on {PHONE}.",
    "Vehicle {PLATE}, registered to {FULL:a}, was towed from {STREET} on {DATE}. Contact the {CITY} impound lot to collect it.",
    "Subject: wrong name on booking {ORDER}\nThe ticket says {FULL:a} but it should be {FULL:b} (passport {PASSPORT}). Flight from {CITY} on {DATE}.",
    "Warranty claim for {BRAND}, purchased {DATE_NUM} at the {CITY} store. Customer: {TFULL:a}, phone {PHONE}.",
    "Our records show the account holder as {FULL:a}, SSN ending... sorry, full SSN on file is {SSN}. Please verify the address {ADDR}.",
    "Hi, this is {FIRST:a} from {COMPANY} support. Your replacement {PRODUCT} ships on {DATE_NY} to {ADDR}. Ticket {TICKET}.",
    "Complaint: the courier left my parcel at {ADDR} (wrong house!). My name is {FULL:a}, customer {CUST}. The neighbour, {TLAST:f1}, is away until {DATE_NY}.",
    "Server log {DATE_NUM} {HM}: failed login for {EMAIL:a} from {IP}; successful login for {UNAME:b} from {IP}.",
    "Access log: user {UNAME:a} logged in from {IP} and then from {IP} within {DUR}. Account locked. Owner contact: {EMAIL:a}.",
]
T["form"] = [
    "Name: {FULL:a}\nDate of birth: {BDAY}\nAddress: {ADDR}\nPhone: {PHONE}\nEmail: {EMAIL:a}\nNationality: {NAT}",
    "First name: {FIRST:a}\nLast name: {LAST:a}\nPassport no.: {PASSPORT}\nIssued: {DATE_NUM}\nPlace of birth: {CITY}",
    "Emergency contacts — {FULL:f1} (mother), {PHONE}; {FULL:b} (neighbour), {PHONE}",
    "Membership form\nMember ID: {MEMBER}\nName: {LASTFIRST:a}\nDOB: {BDAY}\nHome club: {BUILDING}\nAllergies: peanuts",
    "Applicant: {FULL:a} | SSN: {SSN} | Employer: {COMPANY} | Start date: {DATE_NUM}",
    "Vehicle: {CAR} | Reg.: {PLATE} | Owner: {FULL:a} | Insurance renewal due: {DATE}",
    "Guest list — {VENUE}, {DATE_NY}\n1. {FULL:a} (+1)\n2. {FULL:b}\n3. {FULL:c} — vegetarian\n4. {FULL:d}",
    "Student: {FULL:a}\nStudent no: {STUDENT}\nProgramme: MSc Data Science, {UNI}\nTerm-time address: {ADDR}",
    "Bank transfer\nBeneficiary: {FULL:a}\nIBAN: {IBAN}\nReference: rent {MONTH}\nAmount: {PRICE}",
    "name: {FULL:a}\ncity: {CITY}\nphone: {PHONE}\nlast_ip: {IP}\nsignup: {DATE_NUM}",
    "Patient registration (dental)\nSurname: {LAST:a}\nForename(s): {FIRST:a}\nDate of birth: {BDAY}\nGP: {DRLAST:b}, {BUILDING}\nMobile: {PHONE}",
    "Parent/guardian: {FULL:f1}\nChild: {FIRST:m2} {LAST:f1}\nSchool: {SCHOOL}\nPick-up authorised: {FULL:c}, {PHONE}",
    "Delivery details\nRecipient: {FULL:a}\nStreet: {ADDR}\nTel.: {PHONE}\nOrder: {ORDER}\nNotes: leave with the neighbour on {WEEKDAY}",
    "Tenant: {FULL:a}\nProperty: {ADDR}\nLease start: {DATE_TXT}\nDeposit: {PRICE}\nLandlord: {FULL:b} ({EMAIL:b})",
]
T["cv"] = [
    "{FULL:a}\n{ADDR} · {PHONE} · {EMAIL:a}\n{URL:a}\n\nEXPERIENCE\n{JOBTITLE}, {COMPANY} ({CITY}), {YEAR}–present",
    "EDUCATION\nMSc, {UNI} ({YEAR}). Thesis on {DISEASE} screening, supervised by {TFULL:a}.",
    "References available on request: {FULL:a}, {JOBTITLE} at {COMPANY} ({PHONE}); {FULL:b}, {UNI} ({EMAIL:b}).",
    "Personal details: born {BDAY} in {CITY}; driving licence B; languages: {LANG} (native), {LANG} (C1), {LANG} (basic).",
    "PROFILE\n{JOB} with {NUM} years of experience in {ACRO} and {ACRO}. Currently at {COMPANY} in {CITY}. LinkedIn: {URL:a}",
    "Volunteering: coached under-12 football at {PARK} ({YEAR}–{YEAR}) with head coach {FULL:a}.",
    "CURRICULUM VITAE\n{LAST:a}, {FIRST:a}\nDate of birth: {BDAY}\nAddress: {ADDR}\nTel: {PHONE}",
    "{YEAR}–{YEAR}  {JOBTITLE}, {COMPANY}, {CITY}\nReported to {FULL:b}; led a team of {NUM}.\n{YEAR}–{YEAR}  {JOB}, {VENUE}, {CITY}",
    "Skills: {BRAND}, Excel, SQL, Python · Hobbies: {FOOD} cooking, choir at {BUILDING} · Contact: {EMAIL:a} / {PHONE}",
    "Internship at {HOSP} (summer {YEAR}) under {TFULL:a}; Erasmus semester at {UNI}.",
]
T["invite"] = [
    "You're invited! 🎉 {FIRST:f1}'s [[30th|40th|50th]] birthday party — {WDATE} at {TIME}, {ADDR}. RSVP to {FIRST:m2} ({PHONE}) by {DATE_NY}.",
    "Together with their families, {FULL:f1} and {FULL:m2} invite you to celebrate their marriage on {DATE_TXT} at {VENUE}, {CITY}.",
    "Baby shower for {FIRST:f1}! {WEEKDAY} {DATE_NY}, {TIME}, at {ADDR}. Please bring a book instead of a card 📚",
    "Housewarming 🏡 we finally moved to {ADDR}! Come by on {WDATE} from {TIME}. Text {PHONE} if you get lost. — {FIRST:a} & {FIRST:b}",
    "A memorial gathering for {FULL:m1} ({BDAY} – {DATE_Y}) will be held at {BUILDING}, {TOWN}, on {DATE_TXT} at {TIME}.",
    "Class of {YEAR} reunion, {SCHOOL}! {DATE_TXT} at {VENUE}. Organisers: {FULL:a} and {FULL:b} — email {EMAIL:a}.",
    "Dinner at ours on {WEEKDAY}? {FIRST:a} is making {FOOD}. We're at {STREET}, the buzzer says {LAST:a}.",
    "Join us for {FIRST:m1}'s christening on {DATE_TXT}, {BUILDING}, followed by lunch at {VENUE}. RSVP {EMAIL:f2}",
    "{HOLIDAY} potluck at the {BUILDING} — {DATE_NY}, {TIME}. Sign-up sheet with {TLAST:f1}. Bring a dish from home!",
    "Save the date: {FIRST:a} & {FIRST:b} • {DATE_TXT} • {TOWN}, {COUNTRY}. Formal invitation to follow.",
    "Grandpa {FIRST:m1} turns {AGE90} on {THEDATE}! Lunch at {VENUE}, {TOWN}, {TIME}. Please RSVP to {FULL:f2} at {EMAIL:f2}.",
    "Kids' party for {FIRST:m1} (turning {KIDAGE}!) at {PARK}, {WDATE}, {TIME}. Parents welcome. Questions: {FIRST:f2}, {PHONE}",
    "Farewell drinks for {FULL:a} — {WEEKDAY} {DATE_NY} from {TIME} at {VENUE}. {FIRST:a} starts at {COMPANY} in {CITY} next month!",
]
T["classified"] = [
    "FOR SALE: {PRODUCT}, barely used, {PRICE} ono. Pick up from {NEIGH}, {CITY}. Call {FIRST:a} on {PHONE}.",
    "Room to rent in {NEIGH}, {PRICE}/month incl. bills. Share with {FIRST:f1} ({JOB}) and her cat. Viewing {WDATE}. {EMAIL:f1}",
    "LOST: wedding ring, somewhere between {PARK} and {STREET} on {DATE_NY}. Reward! {FULL:a}, {PHONE}",
    "Wanted: babysitter for two kids ({KIDAGE} and {KIDAGE}) in {TOWN}, {WEEKDAY} afternoons. Contact {TLAST:f1}, {PHONE}.",
    "Car for sale: {CAR}, {YEAR}, reg {PLATE}, {KM} on the clock. {PRICE}. Viewing at {ADDR}.",
    "Free to good home: {PRODUCT}. Collect from {ADDR} before {DATE_NY}. Ask for {FIRST:a}.",
    "Piano lessons with {FULL:f1}, {NUM} years teaching, all ages. Studio near {BUILDING}. {PHONE} / {URL:f1}",
    "Garage sale {WDATE} from {TIME}, {ADDR}. Kids' clothes, {PRODUCT}, a {BOOK} box set and more.",
    "Cleaner available in {NEIGH} and {NEIGH}. References from {FULL:a} and {FULL:b}. WhatsApp {PHONE}.",
    "Found: black cat with white paws near {STREET}, {TOWN}. Is she yours? Call {FIRST:a}, {PHONE}.",
    "Tutoring — {LANG} and maths, by {FULL:a} ({UNI} student). {PRICE}/hr. Email {EMAIL:a}",
    "Apartment swap: our 2-bed in {NEIGH} ({CITY}) for yours in {CITY}, {MONTH}–{MONTH}. Contact {FULL:a}, {EMAIL:a}",
]
T["travel"] = [
    "Day {NUM}: took the night train from {CITY} to {CITY} and met {FIRST:a} from {COUNTRY} in the dining car. We ended up sharing {FOOD} at {VENUE} at 2am.",
    "We stayed with {FIRST:f1}'s family in {TOWN} for {HOLIDAY}. Her mother {FIRST:f2} cooked for {DUR} straight {EMOJI}",
    "If you're ever in {NEIGH}, look for {FIRST:m1}, who runs the bike rental by {PARK} — he speaks {LANG}, {LANG} and a bit of {LANG}.",
    "Arrived in {CITY} on {DATE_NY}. Our guide, {FULL:a}, met us at {VENUE} and drove us out to {TOWN} for sunset.",
    "Highlight of the trip: hiking from {TOWN} to {TOWN} with {FIRST:a} and {FIRST:b}. Blisters: many. Regrets: none.",
    "Travel diary, {DATE_TXT}: {CITY} is colder than I expected. Found a café in {NEIGH} where the owner, {FIRST:f1}, lent me her scarf.",
    "Our Airbnb host {FIRST:a} in {NEIGH} left us a handwritten map of every {FOOD} place within {KM}. Legend.",
    "{CITY} → {CITY} → {CITY} in {NUM} days. Don't skip {VENUE}, and say hi to {FIRST:m1} at the front desk from us!",
    "Three stops this time: {CITY}, {TOWN}, and a night at {VENUE} with {FIRST:a}. Next year maybe {CONT}.",
    "Cycling through {STATE} in {MONTH}: {KM} a day, campsites near {TOWN}, and one epic puncture outside {TOWN}. Thanks {FULL:a} for the spare tube!",
    "We got married in {TOWN} on {DATE_TXT} and honeymooned in {CITY}. {FIRST:f1}'s sister {FIRST:f2} organised everything.",
    "Travelling {CONT} with a {BRAND} and a backpack. Current base: {NEIGH}, {CITY}. Next: {CITY}, where my cousin {FULL:a} lives.",
]
T["notice"] = [
    "{SCHOOL} — Parents' Evening\nDear parents, parents' evening for Year 4 takes place on {DATE_TXT} from {TIME}. Please book a slot with {TLAST:f1} ({WEMAIL:f1}).",
    "{CITY} Chess Club: congratulations to {FULL:a} (U12) and {FULL:b} (open section) on their wins at the regional tournament on {DATE_NY}!",
    "Reminder: swimming lessons at {BUILDING} are cancelled on {DATE_NY}. Questions → coach {FIRST:a}, {PHONE}.",
    "Lost property: a blue {BRAND} water bottle labelled '{FULL:a}' was found in the gym. Collect from reception.",
    "The choir welcomes new members! Rehearsals {WEEKDAY}s at {TIME} in {BUILDING}. Contact our conductor {FULL:a} at {EMAIL:a}.",
    "Head lice notice: a case was reported in Class 2B. Please check hair over the weekend. – {FULL:f1}, school nurse, {SCHOOL}",
    "Football club AGM on {DATE_TXT}, clubhouse, {ADDR}. Nominations to the secretary, {FULL:a}, by {DATE_NY}.",
    "Welcome to our new teaching assistant, {TFULL:f1}, who joins Class 3 from {SCHOOL}. She speaks {LANG} and {LANG}!",
    "Congratulations to {FIRST:m1} {LAST:m1} (Year 6) for winning the {CITY} spelling bee on {DATE_NY}. The word was 'rhythm'.",
    "Running club: {WEEKDAY} {TIME} from {PARK} main gate. New route past {BUILDING}. Pace groups led by {FIRST:a} and {FIRST:b}.",
    "Allotment society: plot 14 is available from {DATE_NY}. Apply to {TLAST:m1}, {ADDR}, or phone {PHONE}.",
    "Trip to {CITY} on {DATE_TXT}: coach leaves {SCHOOL} at {TIME}. Please return consent forms to {TLAST:f1} by {WEEKDAY}.",
]
T["health"] = [
    "Hi all, my daughter {FIRST:f1} ({KIDAGE}) has had a fever of {TEMP} since {WEEKDAY}. We live in {TOWN} and the GP can't see us until {DATE_NY}. Is it ok to alternate {DRUG} with {DRUG}?",
    "My son {FIRST:m1} was diagnosed with {DISEASE} in {MONTH}. We're seeing {DRLAST:a} at {HOSP} on {DATE}. Any tips for the first appointment?",
    "My grandmother is {AGE90} and just started {DRUG}. She lives alone on {STREET} in {TOWN}. Should I be worried about the dizziness?",
    "Mum of {FIRST:f1}, 18 months, from {NEIGH}. Rash started on {DATE_NY} after {KIDDIS}. Pics if anyone wants to DM me, I'm {HANDLE:a}.",
    "Question for parents: {FIRST:m1} (7) is on {DRUG} for {DISEASE} and the school nurse at {SCHOOL} says he needs a doctor's letter. Anyone dealt with this?",
    "Can anyone recommend a paediatrician in {CITY}? We just moved from {CITY} and {FIRST:f1} keeps getting {KIDDIS}.",
    "Update: {FIRST:m1} was admitted to {HOSP} on {DATE} with {DISEASE}, discharged yesterday. Thank you all! {DRLAST:a} was brilliant.",
    "My husband {FULL:m1} has {DISEASE} and the waiting list in {TOWN} is {DUR}. Is it worth going private in {CITY}?",
    "help!! baby {FIRST_lc:m1} is {KIDAGE} months, temp {TEMP}, won't drink. we're in {TOWN_lc}, nearest {ACRO} is {HOSP}. go now or wait??",
    "Has anyone's kid had {KIDDIS} twice? {FIRST:f1} had it in {MONTH} and again since {DATE_NY}. Nursery ({SCHOOL}) says three kids have it.",
    "My dad ({FULL:m1}, {AGE90}) fell at home in {TOWN} on {DATE_NY}. The ambulance took him to {HOSP}. What questions should we ask about {DRUG}?",
    "{FIRST:f1} is {KIDAGE} and says her ear hurts, no fever. {DRUG} helps a bit. Our health centre in {NEIGH} only answers the phone 8–9am. Normal?",
    "My great-aunt {FIRST:f1} is {AGE90} and was just told she has {DISEASE}. She still lives on her own in {TOWN}. Is {DRUG} safe at her age?",
    "Long-time lurker. I'm {FIRST:a} from {CITY}, {AGEY}, recently diagnosed with {DISEASE}. The specialist at {HOSP} wants me on {DRUG}. Experiences?",
]


# ------------------------------------------------------------- fillers ----
# Extra sentences (mostly non-identifiers: brands, drugs, holidays, titles...)
COMMON_FILLERS = [
    "Honestly, {WEEKDAY}s are the worst.",
    "Anyway, back to {BRAND} and tea.",
    "Prices went up {PCT} since {MONTH}.",
    "The {ACRO} website was down again, of course.",
    "We watched {FILM} afterwards and I cried twice.",
    "Still recovering from {HOLIDAY} tbh.",
    "My mum swears by {DRUG} for everything.",
    "P.S. the {FOOD} was incredible.",
    "Thanks in advance!",
    "Any advice welcome.",
    "Not sponsored, just happy.",
    "Will update next {WEEKDAY}.",
    "Listening to {SONG} on repeat.",
    "Reading {BOOK} for book club.",
    "Happy {HOLIDAY} everyone!",
    "Learning {LANG} on Duolingo, day {NUM}.",
    "It took {DUR} but it was worth it.",
    "Total cost: {PRICE}.",
    "Long story short, the {CAR} broke down again.",
    "Our {NAT} neighbours brought {FOOD}, which helped.",
    "Nobody tell the NHS about this.",
    "Should have checked Google Maps first.",
    "Spotify Wrapped was embarrassing this year.",
    "The train was {DUR} late, obviously.",
    "Meanwhile my cat knocked the {BRAND} off the table.",
    "I hope the weather holds until {HOLIDAY}.",
    "Grace period for the {ACRO} form ends in {MONTH}.",
    "Mark my words, {FILM} will win everything.",
    "Young people today don't even know {SONG}.",
    "Brown bread, green tea, early night.",
    "Bill me later, as they say.",
    "Rose wine and {FOOD}, perfect combo.",
    "Summer can't come soon enough.",
    "The King's Speech was on TV again at {TIME}.",
    "Will do better next time.",
]
FILLERS = {
    "social": [
        "{EMOJI}{EMOJI}",
        "#blessed",
        "#nofilter #weekend",
        "no thoughts just vibes {EMOJI}",
        "who else?? {EMOJI}",
        "ok bye {EMOJI}",
        "ratio'd by my own mother lol",
        "10/10 would recommend",
        "this is not a drill",
        "posting this before I chicken out",
        "{WEEKDAY} mood.",
        "sorry for the spam {EMOJI}",
    ],
    "forum": [
        "Thanks in advance.",
        "Sorry if this is the wrong subforum.",
        "EDIT: typo.",
        "Bump.",
        "Long-time lurker, first post.",
        "Mods feel free to move this.",
        "Not affiliated with {COMPANY} in any way.",
    ],
    "chat": ["[{HM}] system: message deleted", "(typing…)", "ok", "👍", "lol", "brb", "see u", "[image omitted]"],
    "email": [
        "Sent from my {BRAND}",
        "Please consider the environment before printing this email.",
        "This message may contain confidential information.",
        "P.S. Happy {HOLIDAY}!",
        "Apologies for the late reply.",
    ],
    "credits": [
        "All rights reserved.",
        "No animals were harmed in the making of this film.",
        "Running time: [[87|94|102|118|131]] minutes.",
        "Filmed with the support of the {NAT} Film Institute.",
        "Dolby Atmos. Colour.",
        "In {LANG} with English subtitles.",
    ],
    "bio": [
        "Views are her own.",
        "Coffee enthusiast.",
        "Currently reading {BOOK}.",
        "Allergic to {ACRO} jargon.",
        "Fluent in sarcasm and {LANG}.",
    ],
    "news": [
        "Police did not release further details.",
        "The investigation continues.",
        "Tickets cost {PRICE}.",
        "The {ACRO} has been informed.",
        "Reporting by our {NAT} desk.",
        "Temperatures are expected to drop on {WEEKDAY}.",
    ],
    "review": [
        "Would go again.",
        "Parking was a nightmare.",
        "Three stars.",
        "Value for money: 4/5.",
        "Not worth {PRICE}.",
        "Dog-friendly, which was a plus.",
        "Card only, no cash.",
    ],
    "support": [
        "Priority: high",
        "Status: open",
        "Channel: web form",
        "SLA: {NUM} hours",
        "Category: billing",
        "Agent notes: customer polite but frustrated.",
        "Tags: {BRAND}, refund",
    ],
    "form": [
        "Signature: ____________",
        "Consent to marketing: no",
        "Blood type: O+",
        "Preferred language: {LANG}",
        "Dietary requirements: halal",
        "How did you hear about us? {BRAND}",
        "Marital status: single",
    ],
    "cv": [
        "Certifications: {ACRO}, PRINCE2, Scrum Master.",
        "Interests: {FOOD}, chess, trail running.",
        "Driving licence: full, clean.",
        "Languages: {LANG} (fluent).",
    ],
    "invite": [
        "Dress code: smart casual.",
        "Kids welcome!",
        "No gifts please, just you.",
        "Vegetarian options available.",
        "Parking is limited, take the tram.",
        "Dancing until midnight {EMOJI}",
    ],
    "classified": [
        "No time wasters.",
        "Cash on collection.",
        "First come first served.",
        "Smoke-free home.",
        "Can deliver within {KM} for a small fee.",
        "Price negotiable.",
    ],
    "travel": [
        "10/10, would go back.",
        "Budget so far: {PRICE}.",
        "Packing list in the comments.",
        "The {FOOD} alone was worth the flight.",
        "Next stop: somewhere warm.",
        "Jet lag is real.",
    ],
    "notice": [
        "Thank you for your cooperation.",
        "Please share with other parents.",
        "Refreshments will be provided.",
        "All welcome.",
        "The office is closed on {HOLIDAY}.",
    ],
    "health": [
        "Thanks so much in advance.",
        "Sorry for the long post.",
        "Obviously I'll call the doctor if it gets worse.",
        "First-time mum, a bit panicky.",
        "Already tried {DRUG}.",
        "She's otherwise eating and playing normally.",
    ],
}
MULTILINE = {"chat", "form", "credits", "email", "cv"}
LOWER_P = {
    "social": 0.35,
    "chat": 0.4,
    "forum": 0.08,
    "health": 0.1,
    "review": 0.05,
    "travel": 0.05,
    "classified": 0.05,
}
TYPO_P = {
    "social": 0.08,
    "chat": 0.08,
    "forum": 0.05,
    "health": 0.05,
    "review": 0.05,
    "travel": 0.04,
    "classified": 0.03,
}


def merge_adjacent_names(doc):
    """Join NAME spans for one person written as {FIRST} {LAST} (gap of one space)."""
    text = doc.text()
    out = []
    for s in doc.spans:
        if out and out[-1]["type"] == "NAME" == s["type"] and text[out[-1]["end"] : s["start"]] == " ":
            out[-1] = {"start": out[-1]["start"], "end": s["end"], "type": "NAME"}
        else:
            out.append(dict(s))
    doc.spans = out


def build_one(genre, tmpl):
    lc = chance(LOWER_P.get(genre, 0.0))
    doc = Doc(lowercase=lc, typos=TYPO_P.get(genre, 0.02))
    ctx = Ctx()
    sep = "\n" if genre in MULTILINE else " "
    if chance(0.15) and genre not in ("form", "credits", "cv"):
        render(pick(COMMON_FILLERS), doc, ctx)
        doc.add(sep)
    render(tmpl, doc, ctx)
    n_extra = wpick([(0, 3), (1, 5), (2, 2)])
    used = set()
    for _ in range(n_extra):
        pool = FILLERS[genre] + ([] if genre in ("form", "credits", "cv", "support") else COMMON_FILLERS)
        pool = [f for f in pool if f not in used]
        f = pick(pool)
        used.add(f)
        if sep == " " and doc.text()[-1:].isalnum():
            doc.add(".")
        doc.add(sep)
        render(f, doc, ctx)
    merge_adjacent_names(doc)
    return doc


def main():
    genres = list(T)
    per = [N_TEXTS // len(genres)] * len(genres)
    for i in range(N_TEXTS - sum(per)):
        per[i] += 1
    jobs = []
    for g, n in zip(genres, per):
        order = []
        while len(order) < n:
            idx = list(range(len(T[g])))
            R.shuffle(idx)
            order += idx
        jobs += [(g, T[g][i], i) for i in order[:n]]
    R.shuffle(jobs)
    recs = []
    for k, (g, tmpl, ti) in enumerate(jobs, 1):
        doc = build_one(g, tmpl)
        text = doc.text()
        assert text == text.strip(), text
        recs.append({"id": f"g{k:05d}", "genre": g, "text": text, "spans": doc.spans, "ignore": doc.ignore})
    with open(OUT, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records to {OUT}")


if __name__ == "__main__":
    main()
