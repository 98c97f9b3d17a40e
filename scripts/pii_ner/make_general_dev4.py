#!/usr/bin/env python3
"""Synthetic general-English PII development set, generator no. 4 ("gen4").

What it is
----------
A deterministic generator of short general-English texts (delivery messages,
booking confirmations, property listings, lost-and-found notes, school and HR
forms, complaint letters, genealogy notes, travel logs, classified ads,
insurance claims, invitations, social posts, ...) that contain personal
identifiers, each annotated with character offsets.  The set is meant as a
DEVELOPMENT set for a PII de-identifier (canonical run: ``--seed 4401 --n
1000``), with extra weight on postal addresses of many countries, place names
and personal names, so that it probes generalisation rather than memorised
formats.

It was written BLIND: the author did not look at the de-identifier's code, its
tests, benchmarks, documentation or any existing annotated data while writing
it.  Genres, phrasings, address formats and word lists are the author's own
(address formats recalled from general knowledge of how each country writes
them; Faker 40.x supplies some names, street names, towns and postcodes).

Annotation policy (HIPAA Safe Harbor flavoured)
-----------------------------------------------
* NAME      any person's name (first, last, full, initials+surname, nick
            first names).  Titles (Dr, Mrs, Herr, Sra.) and a possessive 's
            stay outside the span.
* LOCATION  any named place smaller than a state/province: cities, towns,
            villages, districts/neighbourhoods, islands, named venues and
            facilities (hospitals, schools, parks, hotels, stations, airports,
            churches, cafes, libraries).
* ADDRESS   a postal address as ONE span (street + number + unit + postcode +
            town, also PO boxes / Postfach / Postbus / Apartado).  One-line or
            multi-line; the span runs across the line breaks.  If a country,
            a state/province/region (name or code) sits inside or at the end
            of an address, that part is put in ``ignore`` and the ADDRESS span
            is split around it.
* DATE      every date element except a lone year: full dates in any format,
            day+month, month+year, ordinals ("3rd").  Weekdays and times of
            day are not annotated (a weekday before a date stays outside).
* PHONE, EMAIL, URL, IP.
* ID        card numbers, IBANs, national ID / tax numbers, passport, licence,
            account, policy, claim, member, order, booking and tracking
            numbers, vehicle plates, device serials.  Label words ("Passport
            no.", "IBAN") stay outside.
* AGE       only ages of 90 and over (younger ages are left as plain text).
* ignore    (not scored either way) countries, states/provinces/regions and
            their codes, lone years, organisations/companies, job titles,
            nationalities, and a few genuinely ambiguous tokens (one-time
            pickup codes).

Offsets are recorded while the text is assembled (the finished text is never
searched).  Spans never overlap, never start or end on whitespace and never
cut a word.  About 10% of the texts contain no identifier at all, and some
texts are only 2-6 words long.

Usage
-----
    python make_general_dev4.py --seed 4401 --n 1000 --out gen4_dev.jsonl
    python make_general_dev4.py --check gen4_dev.jsonl

Output: JSONL, one object per line:
    {"id", "text", "spans": [{"start","end","type"}], "ignore": [{"start","end"}]}

Determinism: ``random.Random(seed)`` plus ``Faker.seed_instance`` per locale;
the script re-executes itself with PYTHONHASHSEED=0 if that is unset, and it
uses no Faker provider that depends on today's date.
"""

import argparse
import collections
import datetime
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

from faker import Faker

if __name__ == "__main__" and os.environ.get("PYTHONHASHSEED") is None:
    _env = dict(os.environ)
    _env["PYTHONHASHSEED"] = "0"
    os.execve(sys.executable, [sys.executable] + sys.argv, _env)

TYPES = ("NAME", "LOCATION", "ADDRESS", "DATE", "PHONE", "EMAIL", "URL", "IP", "ID", "AGE")


# --------------------------------------------------------------------------
# assembly
# --------------------------------------------------------------------------


class Ig(str):
    """A piece of an address that goes to `ignore` (country, state, ...)."""


class _NL:
    """Line-break marker inside an address; rendered as ', ' or '\\n' etc."""


NL = _NL()

_STRIP_BOTH = " \t\n,;-\u2013/"


class Doc:
    def __init__(self, lower=False):
        self.parts = []
        self.n = 0
        self.spans = []
        self.ign = []
        self.lower = lower

    def _add(self, s):
        if self.lower:
            s = s.lower()
        self.parts.append(s)
        start = self.n
        self.n += len(s)
        return start, self.n

    def t(self, s):
        self._add(s)
        return self

    def s(self, s, typ):
        assert typ in TYPES, typ
        st, en = self._add(s)
        if en > st:
            self.spans.append({"start": st, "end": en, "type": typ})
        return self

    def i(self, s):
        st, en = self._add(s)
        if en > st:
            self.ign.append({"start": st, "end": en})
        return self

    # typed shortcuts
    def N(self, s):
        return self.s(s, "NAME")

    def L(self, s):
        if s[:4] in ("the ", "The "):  # the article stays outside the span
            self.t(s[:4])
            s = s[4:]
        return self.s(s, "LOCATION")

    def D(self, s):
        return self.s(s, "DATE")

    def P(self, s):
        return self.s(s, "PHONE")

    def E(self, s):
        return self.s(s, "EMAIL")

    def U(self, s):
        return self.s(s, "URL")

    def IP(self, s):
        return self.s(s, "IP")

    def ID(self, s):
        return self.s(s, "ID")

    def AGE(self, s):
        return self.s(s, "AGE")

    def A(self, segs):
        """Add an address given as a list of str / Ig segments (NL already rendered)."""
        run = []

        def flush():
            txt = "".join(run)
            del run[:]
            if not txt:
                return
            core = txt.lstrip(_STRIP_BOTH + ")\u3012").rstrip(_STRIP_BOTH + "(")
            if not core or not any(ch.isalnum() for ch in core):
                self.t(txt)
                return
            lead = len(txt) - len(txt.lstrip(_STRIP_BOTH + ")\u3012"))
            self.t(txt[:lead])
            self.s(core, "ADDRESS")
            self.t(txt[lead + len(core) :])

        for seg in segs:
            if isinstance(seg, Ig):
                flush()
                self.i(str(seg))
            else:
                run.append(seg)
        flush()
        return self

    @property
    def text(self):
        return "".join(self.parts)


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------

_FOLD = {
    "ß": "ss",
    "ø": "o",
    "Ø": "O",
    "æ": "ae",
    "Æ": "AE",
    "đ": "d",
    "Đ": "D",
    "ł": "l",
    "Ł": "L",
    "ı": "i",
    "þ": "th",
    "ð": "d",
    "œ": "oe",
    "'": "",
    "’": "",
}


def fold(s):
    s = "".join(_FOLD.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def split_w(s):
    return [x.strip() for x in s.split("|")]


# --------------------------------------------------------------------------
# word lists (own)
# --------------------------------------------------------------------------

OWN_NAMES = {
    "jp": (
        [
            "Haruto",
            "Yui",
            "Sota",
            "Aoi",
            "Ren",
            "Hina",
            "Kenji",
            "Yuki",
            "Takeshi",
            "Misaki",
            "Daisuke",
            "Akiko",
            "Sakura",
            "Hiroshi",
            "Naoko",
            "Ryota",
            "Emi",
            "Kaito",
            "Mei",
            "Shun",
            "Ayaka",
            "Tomoko",
        ],
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
            "Hayashi",
            "Shimizu",
            "Ōno",
            "Saitō",
            "Fujiwara",
            "Mori",
            "Ikeda",
            "Hashimoto",
        ],
    ),
    "kr": (
        [
            "Min-jun",
            "Seo-yeon",
            "Ji-ho",
            "Ha-eun",
            "Do-yun",
            "Soo-ah",
            "Jae-won",
            "Hyun-woo",
            "Eun-ji",
            "Ye-jin",
            "Jiwoo",
            "Seojun",
            "Minseo",
            "Dong-hyun",
            "Hye-jin",
            "Sung-min",
            "Yuna",
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
            "Oh",
            "Seo",
            "Shin",
            "Kwon",
            "Hwang",
            "Ahn",
            "Song",
            "Ryu",
            "Baek",
        ],
    ),
    "cn": (
        [
            "Wei",
            "Fang",
            "Xiuying",
            "Jing",
            "Min",
            "Jun",
            "Lei",
            "Yang",
            "Tao",
            "Ming",
            "Xiaoling",
            "Haoran",
            "Yuxuan",
            "Zihan",
            "Jiayi",
            "Zhiwei",
            "Meiling",
            "Xinyi",
            "Jianguo",
            "Lihua",
            "Yutong",
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
            "He",
            "Gao",
            "Luo",
            "Zheng",
            "Liang",
            "Xie",
            "Tang",
        ],
    ),
    "ru": (
        [
            "Aleksandr",
            "Dmitriy",
            "Sergey",
            "Nikolay",
            "Andrey",
            "Mikhail",
            "Ivan",
            "Pavel",
            "Yuriy",
            "Artyom",
            "Vladimir",
            "Maksim",
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
            "Petrov",
            "Solovyov",
            "Vasilyev",
            "Zaytsev",
            "Pavlov",
            "Semyonov",
            "Golubev",
            "Vinogradov",
            "Bogdanov",
            "Fyodorov",
            "Orlovsky",
            "Rozhdestvensky",
        ],
    ),
    "ru_f": (
        [
            "Yelena",
            "Olga",
            "Natalya",
            "Tatyana",
            "Svetlana",
            "Anastasiya",
            "Yekaterina",
            "Irina",
            "Mariya",
            "Darya",
            "Lyudmila",
            "Polina",
        ],
        [],
    ),
    "ua": (
        [
            "Oleksandr",
            "Andriy",
            "Mykola",
            "Taras",
            "Bohdan",
            "Yuliia",
            "Oksana",
            "Iryna",
            "Kateryna",
            "Olena",
            "Dmytro",
            "Vasyl",
            "Solomiia",
            "Halyna",
            "Serhiy",
            "Nazar",
            "Khrystyna",
        ],
        [
            "Shevchenko",
            "Kovalenko",
            "Bondarenko",
            "Tkachenko",
            "Kravchenko",
            "Melnyk",
            "Boyko",
            "Koval",
            "Oliynyk",
            "Lysenko",
            "Savchenko",
            "Rudenko",
            "Moroz",
            "Pavlenko",
            "Marchenko",
            "Hrytsenko",
            "Polishchuk",
            "Tkachuk",
        ],
    ),
    "gr": (
        [
            "Georgios",
            "Dimitrios",
            "Konstantinos",
            "Ioannis",
            "Nikolaos",
            "Maria",
            "Eleni",
            "Aikaterini",
            "Sofia",
            "Angeliki",
            "Panagiotis",
            "Vasiliki",
            "Christos",
            "Despina",
            "Spyros",
            "Athina",
        ],
        [
            "Papadopoulos",
            "Nikolaidis",
            "Georgiou",
            "Konstantinidis",
            "Vlachos",
            "Oikonomou",
            "Dimitriou",
            "Karagiannis",
            "Alexiou",
            "Makris",
            "Papageorgiou",
            "Antoniou",
            "Christodoulou",
            "Triantafyllou",
        ],
    ),
    "eg": (
        [
            "Mohamed",
            "Ahmed",
            "Mahmoud",
            "Mostafa",
            "Youssef",
            "Omar",
            "Khaled",
            "Fatma",
            "Aya",
            "Nour",
            "Mariam",
            "Salma",
            "Hana",
            "Layla",
            "Karim",
            "Amr",
            "Yasmine",
            "Sherif",
            "Dina",
            "Tarek",
        ],
        [
            "El-Sayed",
            "Hassan",
            "Abdel Aziz",
            "Ibrahim",
            "Mansour",
            "Farouk",
            "El-Masry",
            "Soliman",
            "Fawzy",
            "Shehata",
            "Abdelrahman",
            "Gamal",
            "Naguib",
            "Ezzat",
            "Hegazy",
            "Saleh",
        ],
    ),
    "ae": (
        [
            "Abdulla",
            "Hamdan",
            "Rashid",
            "Fatima",
            "Aisha",
            "Sultan",
            "Maryam",
            "Saeed",
            "Hessa",
            "Khalifa",
            "Noora",
            "Majid",
            "Shamma",
            "Mohammed",
            "Reem",
        ],
        [
            "Al Mansoori",
            "Al Hammadi",
            "Al Suwaidi",
            "Al Ketbi",
            "Al Shamsi",
            "Al Falasi",
            "Al Marzooqi",
            "Al Dhaheri",
            "Al Zaabi",
            "Al Mazrouei",
            "Al Nuaimi",
            "bin Lahej",
        ],
    ),
    "he": (
        [
            "Noa",
            "Yael",
            "Tamar",
            "Avigail",
            "Shira",
            "Itai",
            "Yonatan",
            "Omer",
            "Eitan",
            "Ariel",
            "Moshe",
            "David",
            "Avi",
            "Lior",
            "Michal",
            "Roni",
            "Yossi",
            "Hadas",
            "Nir",
            "Maayan",
        ],
        [
            "Cohen",
            "Levi",
            "Mizrahi",
            "Peretz",
            "Biton",
            "Friedman",
            "Azoulay",
            "Ben-David",
            "Shapira",
            "Katz",
            "Avraham",
            "Dahan",
            "Ohana",
            "Rosenberg",
            "Ben-Ami",
            "Goldstein",
        ],
    ),
    "th": (
        [
            "Somchai",
            "Somsak",
            "Nattapong",
            "Kittisak",
            "Siriporn",
            "Pranee",
            "Ratana",
            "Wanida",
            "Apinya",
            "Chaiwat",
            "Anong",
            "Thanawat",
            "Pimchanok",
            "Supachai",
            "Kanokwan",
            "Nok",
        ],
        [
            "Saetang",
            "Srisuk",
            "Wongsawat",
            "Chaiyaporn",
            "Thongchai",
            "Rattanakorn",
            "Suksawat",
            "Kittikhun",
            "Phromma",
            "Boonmee",
            "Charoenkul",
            "Jaidee",
            "Sombat",
            "Intharasuwan",
        ],
    ),
    "vi": (
        [
            "Anh",
            "Bình",
            "Châu",
            "Dũng",
            "Hà",
            "Hải",
            "Hương",
            "Lan",
            "Linh",
            "Long",
            "Mai",
            "Nam",
            "Phương",
            "Quang",
            "Thảo",
            "Trang",
            "Tuấn",
            "Huy",
            "Ngọc",
            "Khoa",
        ],
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương"],
    ),
    "ph": (
        [
            "Jose",
            "Maria",
            "Juan",
            "Ana",
            "Mark",
            "Angelica",
            "Rizalino",
            "Ma. Cristina",
            "Jericho",
            "Lovely",
            "Rowena",
            "Carlo",
            "Joy",
            "Bong",
            "Princess",
            "Marites",
            "Jhun",
        ],
        [
            "dela Cruz",
            "Santos",
            "Reyes",
            "Garcia",
            "Mendoza",
            "Bautista",
            "Villanueva",
            "Ramos",
            "Aquino",
            "Castillo",
            "Manalo",
            "Dimaculangan",
            "Macapagal",
            "Pangilinan",
            "Tolentino",
            "de Leon",
        ],
    ),
    "ke": (
        [
            "Wanjiku",
            "Kamau",
            "Njeri",
            "Otieno",
            "Achieng",
            "Mwangi",
            "Kiprono",
            "Chebet",
            "Wambui",
            "Odhiambo",
            "Akinyi",
            "Kipchoge",
            "Nyambura",
            "Barasa",
            "Wafula",
            "Moraa",
            "Juma",
            "Faith",
            "Brian",
            "Mercy",
        ],
        [
            "Kamau",
            "Otieno",
            "Mwangi",
            "Ochieng",
            "Kariuki",
            "Njoroge",
            "Kiprop",
            "Wanjala",
            "Mutua",
            "Onyango",
            "Chepkoech",
            "Waweru",
            "Kimani",
            "Omondi",
            "Nyaga",
            "Auma",
        ],
    ),
    "za": (
        [
            "Thabo",
            "Lerato",
            "Sipho",
            "Nomvula",
            "Pieter",
            "Annelie",
            "Johan",
            "Zanele",
            "Bongani",
            "Karabo",
            "Riaan",
            "Lindiwe",
            "Mpho",
            "Ayanda",
        ],
        [
            "van der Merwe",
            "Botha",
            "Pretorius",
            "Nel",
            "Dlamini",
            "Nkosi",
            "Mokoena",
            "Khumalo",
            "du Plessis",
            "Naidoo",
            "Ndlovu",
            "Venter",
            "Mahlangu",
            "Coetzee",
        ],
    ),
    "pe": (
        [
            "Rosa",
            "Wilfredo",
            "Yeni",
            "Luz",
            "Edwin",
            "Milagros",
            "Percy",
            "Flor",
            "Jhonatan",
            "Kelly",
            "Nilo",
            "Gladys",
        ],
        [
            "Quispe",
            "Mamani",
            "Huamán",
            "Condori",
            "Flores",
            "Chávez",
            "Rojas",
            "Vargas",
            "Ccori",
            "Apaza",
            "Huanca",
            "Ticona",
            "Paucar",
            "Villanueva",
        ],
    ),
}

FAKER_NAME_LOCALES = [
    "en_US",
    "en_GB",
    "en_IE",
    "ga_IE",
    "en_CA",
    "fr_CA",
    "en_AU",
    "en_NZ",
    "en_IN",
    "en_KE",
    "zu_ZA",
    "es_ES",
    "es_MX",
    "es_AR",
    "es_CL",
    "es_CO",
    "pt_BR",
    "pt_PT",
    "fr_FR",
    "fr_BE",
    "fr_CH",
    "nl_NL",
    "nl_BE",
    "de_DE",
    "de_AT",
    "de_CH",
    "it_IT",
    "it_CH",
    "pl_PL",
    "cs_CZ",
    "sk_SK",
    "hu_HU",
    "ro_RO",
    "tr_TR",
    "sv_SE",
    "da_DK",
    "no_NO",
    "fi_FI",
    "is_IS",
    "et_EE",
    "lv_LV",
    "lt_LT",
    "hr_HR",
    "sl_SI",
    "id_ID",
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "en_TH",
]

MIX_LOCALES = [
    "de_DE",
    "de_AT",
    "de_CH",
    "fr_FR",
    "nl_NL",
    "nl_BE",
    "da_DK",
    "fi_FI",
    "sv_SE",
    "cs_CZ",
    "sk_SK",
    "pl_PL",
    "pt_PT",
    "es_ES",
    "it_IT",
    "hr_HR",
    "sl_SI",
    "hu_HU",
    "no_NO",
    "en_NZ",
    "en_GB",
    "en_IE",
    "es_CL",
    "es_AR",
    "pt_BR",
    "id_ID",
]
FULL_ADDR_LOCALES = [
    "de_DE",
    "de_AT",
    "de_CH",
    "fr_FR",
    "nl_NL",
    "da_DK",
    "fi_FI",
    "sv_SE",
    "cs_CZ",
    "pl_PL",
    "pt_PT",
    "hr_HR",
    "sl_SI",
    "hu_HU",
    "no_NO",
    "nl_BE",
    "en_NZ",
    "en_GB",
]

# country code -> (english names, native/other names, nationality, name source(s), iban country or None)
COUNTRY = {
    "JP": ("Japan", "Nihon|JAPAN", "Japanese", "jp", None),
    "KR": ("South Korea", "Korea|Republic of Korea", "Korean", "kr", None),
    "CN": ("China", "PRC|P.R. China|Zhongguo", "Chinese", "cn", None),
    "IN": ("India", "INDIA|Bharat", "Indian", "en_IN", None),
    "BR": ("Brazil", "Brasil|BRASIL", "Brazilian", "pt_BR", "BR"),
    "MX": ("Mexico", "México|MÉXICO", "Mexican", "es_MX", None),
    "AR": ("Argentina", "ARGENTINA|República Argentina", "Argentinian", "es_AR", None),
    "CL": ("Chile", "CHILE", "Chilean", "es_CL", None),
    "CO": ("Colombia", "COLOMBIA", "Colombian", "es_CO", None),
    "PE": ("Peru", "Perú|PERÚ", "Peruvian", "pe|es_CO", None),
    "ES": ("Spain", "España|ESPAÑA", "Spanish", "es_ES", "ES"),
    "PT": ("Portugal", "PORTUGAL", "Portuguese", "pt_PT", "PT"),
    "FR": ("France", "FRANCE|République française", "French", "fr_FR", "FR"),
    "BE": ("Belgium", "Belgique|België|BELGIUM", "Belgian", "nl_BE|fr_BE", "BE"),
    "NL": ("the Netherlands", "Nederland|NETHERLANDS|Holland", "Dutch", "nl_NL", "NL"),
    "DE": ("Germany", "Deutschland|DEUTSCHLAND|GERMANY", "German", "de_DE", "DE"),
    "AT": ("Austria", "Österreich|AUSTRIA", "Austrian", "de_AT", "AT"),
    "CH": ("Switzerland", "Schweiz|Suisse|Svizzera|SWITZERLAND", "Swiss", "de_CH|fr_CH|it_CH", "CH"),
    "IT": ("Italy", "Italia|ITALIA|ITALY", "Italian", "it_IT", "IT"),
    "PL": ("Poland", "Polska|POLSKA|POLAND", "Polish", "pl_PL", "PL"),
    "CZ": ("Czechia", "Czech Republic|Česko|Česká republika", "Czech", "cs_CZ", "CZ"),
    "HU": ("Hungary", "Magyarország|HUNGARY", "Hungarian", "hu_HU", "HU"),
    "RO": ("Romania", "România|ROMANIA", "Romanian", "ro_RO", "RO"),
    "GR": ("Greece", "Hellas|Ellada|GREECE", "Greek", "gr", "GR"),
    "TR": ("Turkey", "Türkiye|TURKEY", "Turkish", "tr_TR", "TR"),
    "RU": ("Russia", "Russian Federation|Rossiya|RUSSIA", "Russian", "ru", None),
    "UA": ("Ukraine", "Ukraina|UKRAINE", "Ukrainian", "ua", None),
    "SE": ("Sweden", "Sverige|SWEDEN", "Swedish", "sv_SE", "SE"),
    "NO": ("Norway", "Norge|NORWAY", "Norwegian", "no_NO", "NO"),
    "DK": ("Denmark", "Danmark|DENMARK", "Danish", "da_DK", "DK"),
    "FI": ("Finland", "Suomi|FINLAND", "Finnish", "fi_FI", "FI"),
    "IS": ("Iceland", "Ísland|ICELAND", "Icelandic", "is_IS", None),
    "UK": ("the UK", "United Kingdom|UK|England|Scotland|Wales|Great Britain", "British", "en_GB", "GB"),
    "IE": ("Ireland", "Éire|IRELAND|Republic of Ireland", "Irish", "en_IE|ga_IE", "IE"),
    "US": ("the US", "USA|United States|U.S.A.", "American", "en_US", None),
    "CA": ("Canada", "CANADA", "Canadian", "en_CA|fr_CA", None),
    "AU": ("Australia", "AUSTRALIA", "Australian", "en_AU", None),
    "NZ": ("New Zealand", "Aotearoa|NEW ZEALAND|NZ", "New Zealander", "en_NZ", None),
    "ZA": ("South Africa", "SOUTH AFRICA|RSA", "South African", "za|zu_ZA", None),
    "NG": ("Nigeria", "NIGERIA", "Nigerian", "yo_NG|ig_NG|ha_NG", None),
    "KE": ("Kenya", "KENYA", "Kenyan", "ke|en_KE", None),
    "EG": ("Egypt", "EGYPT|Misr", "Egyptian", "eg", None),
    "IL": ("Israel", "ISRAEL", "Israeli", "he", "IL"),
    "AE": ("the UAE", "United Arab Emirates|UAE|U.A.E.", "Emirati", "ae", "AE"),
    "PH": ("the Philippines", "Philippines|PHILIPPINES", "Filipino", "ph", None),
    "ID": ("Indonesia", "INDONESIA", "Indonesian", "id_ID", None),
    "VN": ("Vietnam", "Việt Nam|Viet Nam|VIETNAM", "Vietnamese", "vi", None),
    "TH": ("Thailand", "THAILAND|Prathet Thai", "Thai", "th|en_TH", None),
}
CCS = list(COUNTRY.keys())

# Towns in running text: "Town" or "Town|Region"
TOWNS = {
    "JP": "Kamakura|Kanagawa; Matsumoto|Nagano; Kanazawa|Ishikawa; Nara; Takayama|Gifu; Beppu|Oita; Onomichi|Hiroshima; Hakodate|Hokkaido; Sendai|Miyagi; Kobe|Hyogo; Nagasaki; Nikko|Tochigi; Yokohama|Kanagawa; Otaru|Hokkaido; Kyoto; Osaka; Tokyo",
    "KR": "Seoul; Busan; Gyeongju|North Gyeongsang; Jeonju|North Jeolla; Suwon|Gyeonggi; Sokcho|Gangwon; Andong; Tongyeong; Daejeon; Gwangju; Incheon",
    "CN": "Hangzhou|Zhejiang; Suzhou|Jiangsu; Chengdu|Sichuan; Guilin|Guangxi; Xi'an|Shaanxi; Kunming|Yunnan; Lijiang|Yunnan; Qingdao|Shandong; Xiamen|Fujian; Harbin|Heilongjiang; Shanghai; Beijing; Pingyao|Shanxi; Shenzhen|Guangdong",
    "IN": "Pune|Maharashtra; Mysuru|Karnataka; Udaipur|Rajasthan; Kochi|Kerala; Shimla|Himachal Pradesh; Varanasi|Uttar Pradesh; Madurai|Tamil Nadu; Panaji|Goa; Rishikesh|Uttarakhand; Jaipur|Rajasthan; Lucknow; Bhopal|Madhya Pradesh; Guwahati|Assam; Chandigarh; Bengaluru; Kolkata",
    "BR": "Ouro Preto|Minas Gerais; Paraty; Olinda|Pernambuco; Curitiba|Paraná; Manaus|Amazonas; Florianópolis|Santa Catarina; Belém|Pará; Natal|Rio Grande do Norte; Campinas|São Paulo; Petrópolis; Bonito|Mato Grosso do Sul; Gramado|Rio Grande do Sul; Salvador|Bahia; Recife",
    "MX": "Oaxaca de Juárez|Oaxaca; San Cristóbal de las Casas|Chiapas; Guanajuato; Puebla; Mérida|Yucatán; Tulum|Quintana Roo; Monterrey|Nuevo León; Guadalajara|Jalisco; Taxco|Guerrero; Valladolid|Yucatán; Morelia|Michoacán; Ensenada|Baja California; Coyoacán",
    "AR": "Rosario|Santa Fe; Mendoza; Salta; Ushuaia|Tierra del Fuego; San Carlos de Bariloche|Río Negro; Mar del Plata; Tandil; Córdoba; El Calafate|Santa Cruz; Tilcara|Jujuy; Buenos Aires",
    "CL": "Valparaíso; Viña del Mar; Puerto Varas|Los Lagos; San Pedro de Atacama|Antofagasta; Pucón|La Araucanía; La Serena|Coquimbo; Punta Arenas|Magallanes; Concepción|Biobío; Temuco; Castro|Los Lagos; Santiago",
    "CO": "Medellín|Antioquia; Cartagena|Bolívar; Cali|Valle del Cauca; Santa Marta|Magdalena; Salento|Quindío; Villa de Leyva|Boyacá; Barichara|Santander; Popayán|Cauca; Bogotá; Manizales|Caldas",
    "PE": "Cusco; Arequipa; Trujillo|La Libertad; Puno; Iquitos|Loreto; Huaraz|Áncash; Chiclayo|Lambayeque; Ollantaytambo; Paracas|Ica; Ayacucho; Lima",
    "ES": "Sevilla|Andalucía; Granada|Andalucía; Bilbao|País Vasco; Salamanca|Castilla y León; Cádiz; Girona|Cataluña; Santiago de Compostela|Galicia; Toledo; Valencia; Zaragoza|Aragón; Ronda; Pamplona|Navarra; Oviedo|Asturias; Cuenca; Madrid; Barcelona",
    "PT": "Porto; Coimbra; Braga; Évora; Sintra; Lagos|Algarve; Faro|Algarve; Aveiro; Funchal|Madeira; Ponta Delgada|Azores; Óbidos; Guimarães; Tavira; Lisboa",
    "FR": "Lyon; Marseille; Bordeaux|Nouvelle-Aquitaine; Annecy|Haute-Savoie; Colmar|Alsace; Nantes; Rennes|Bretagne; Avignon|Provence; Montpellier|Occitanie; Chamonix; Lille; Strasbourg; Arles; Saint-Malo|Bretagne; Aix-en-Provence; Paris",
    "BE": "Gent; Brugge; Antwerpen; Leuven; Liège; Namur; Mechelen; Dinant; Ostend; Mons; Brussels; Ypres",
    "NL": "Utrecht; Haarlem; Delft; Leiden; Groningen; Maastricht|Limburg; Zwolle; Nijmegen|Gelderland; Gouda; Alkmaar; Eindhoven|Noord-Brabant; 's-Hertogenbosch; Amsterdam",
    "DE": "Heidelberg|Baden-Württemberg; Freiburg im Breisgau; Bamberg|Bayern; Lübeck|Schleswig-Holstein; Görlitz|Sachsen; Rostock; Münster; Regensburg|Bavaria; Leipzig; Dresden; Konstanz; Tübingen; Weimar|Thüringen; Aachen; Bielefeld; Garmisch-Partenkirchen; Quedlinburg; Berlin; Hamburg",
    "AT": "Graz|Steiermark; Salzburg; Innsbruck|Tirol; Linz; Hallstatt; Bregenz|Vorarlberg; Krems an der Donau; Villach|Kärnten; Zell am See; Wien; Vienna",
    "CH": "Zürich; Luzern; Bern; Lausanne|Vaud; Lugano|Ticino; Basel; Zermatt|Valais; Interlaken; St. Gallen; Montreux; Geneva; Grindelwald",
    "IT": "Bologna|Emilia-Romagna; Lecce|Puglia; Matera|Basilicata; Trento; Bergamo|Lombardia; Siena|Tuscany; Lucca|Toscana; Perugia|Umbria; Palermo|Sicily; Cagliari|Sardegna; Verona|Veneto; Torino|Piemonte; Napoli; Alberobello; Orvieto; Roma; Milano",
    "PL": "Kraków; Gdańsk|Pomorskie; Wrocław; Poznań; Łódź; Toruń; Zakopane|Małopolska; Lublin; Sopot; Białystok|Podlaskie; Katowice; Zamość; Warszawa",
    "CZ": "Brno; Olomouc; Český Krumlov; Plzeň; Kutná Hora; Liberec; Ostrava; Telč; Karlovy Vary; Praha; Prague",
    "HU": "Budapest; Debrecen; Szeged; Pécs; Eger; Győr; Tihany; Szentendre; Miskolc; Sopron",
    "RO": "Cluj-Napoca|Transylvania; Brașov; Sibiu; Timișoara; Iași; Sighișoara; Constanța; Oradea; Suceava; București; Bucharest",
    "GR": "Thessaloniki; Nafplio|Peloponnese; Chania|Crete; Rethymno|Crete; Ioannina|Epirus; Kalambaka; Volos; Patras; Kavala; Naxos; Hydra; Athens",
    "TR": "İzmir; Kadıköy; Antalya; Göreme|Nevşehir; Bursa; Trabzon; Fethiye|Muğla; Bodrum|Muğla; Eskişehir; Safranbolu; Mardin; Kaş; Istanbul",
    "RU": "Kazan|Tatarstan; Yekaterinburg; Novosibirsk; Sochi|Krasnodar Krai; Vladivostok; Irkutsk; Suzdal|Vladimir Oblast; Kaliningrad; Murmansk; Yaroslavl; Nizhny Novgorod; St Petersburg; Moscow",
    "UA": "Lviv; Odesa; Kharkiv; Chernivtsi; Kamianets-Podilskyi; Uzhhorod|Zakarpattia; Vinnytsia; Poltava; Ivano-Frankivsk; Kyiv; Dnipro",
    "SE": "Uppsala; Lund|Skåne; Göteborg; Malmö; Kiruna; Visby|Gotland; Umeå; Örebro; Västerås; Ystad; Stockholm",
    "NO": "Bergen; Trondheim; Tromsø; Stavanger; Ålesund; Lillehammer; Flåm; Bodø; Kristiansand; Svolvær; Oslo",
    "DK": "Aarhus; Odense; Aalborg; Roskilde; Skagen; Ribe; Esbjerg; Helsingør; Svendborg; Copenhagen",
    "FI": "Tampere; Turku; Oulu; Rovaniemi|Lapland; Porvoo; Jyväskylä; Kuopio; Savonlinna; Vaasa; Helsinki",
    "IS": "Akureyri; Vík; Ísafjörður; Húsavík; Selfoss; Hafnarfjörður; Reykjavík; Egilsstaðir",
    "UK": "Leeds; Bristol; York; Norwich|Norfolk; Whitby|North Yorkshire; Inverness; Brighton; Bath; Oxford; Cambridge; Cardiff; Swansea; Aberystwyth; Derry; Belfast; St Ives|Cornwall; Keswick|Cumbria; Hebden Bridge; Stornoway; Kendal; Glasgow; Edinburgh; Manchester; London",
    "IE": "Galway; Cork; Limerick; Kilkenny; Sligo; Westport|Co. Mayo; Dingle|Co. Kerry; Kinsale|Co. Cork; Athlone; Drogheda|Co. Louth; Dublin; Ennis|Co. Clare",
    "US": "Asheville|North Carolina; Boise|Idaho; Duluth|Minnesota; Santa Fe|New Mexico; Savannah|Georgia; Burlington|Vermont; Flagstaff|Arizona; Missoula|Montana; Ann Arbor|Michigan; Bend|Oregon; Tulsa|Oklahoma; Chattanooga|Tennessee; Eugene|OR; Galveston|TX; Provo|UT; Des Moines|Iowa; Boston; Chicago; Seattle; Brooklyn; Pittsburgh|PA",
    "CA": "Halifax|Nova Scotia; Kelowna|British Columbia; Saskatoon|Saskatchewan; Quebec City; Moncton|New Brunswick; Banff|Alberta; Whitehorse|Yukon; Kingston|Ontario; Tofino|BC; Sherbrooke|QC; Montréal; Toronto; Winnipeg|Manitoba",
    "AU": "Fremantle|WA; Hobart|Tasmania; Ballarat|Victoria; Cairns|Queensland; Byron Bay|NSW; Alice Springs|Northern Territory; Geelong|VIC; Newcastle|NSW; Launceston|Tasmania; Toowoomba|QLD; Darwin; Adelaide; Perth; Canberra; Melbourne",
    "NZ": "Dunedin; Napier; Nelson; Rotorua; Queenstown; Whanganui; Tauranga; Invercargill; Kaikōura; Wānaka; Christchurch; Wellington; Auckland",
    "ZA": "Stellenbosch|Western Cape; Durban|KwaZulu-Natal; Gqeberha|Eastern Cape; Bloemfontein|Free State; Polokwane|Limpopo; Knysna; Soweto; Pietermaritzburg; Mbombela|Mpumalanga; Kimberley|Northern Cape; Cape Town; Johannesburg; Pretoria",
    "NG": "Ibadan|Oyo State; Enugu; Kano; Port Harcourt|Rivers State; Abeokuta|Ogun State; Calabar|Cross River State; Jos|Plateau State; Kaduna; Benin City|Edo State; Owerri|Imo State; Lagos; Abuja; Onitsha|Anambra State",
    "KE": "Kisumu; Nakuru; Eldoret; Nyeri; Malindi; Lamu; Naivasha; Thika; Kitale; Machakos; Mombasa; Nairobi; Nanyuki|Laikipia County",
    "EG": "Alexandria; Luxor; Aswan; Port Said; Mansoura; Tanta; Hurghada|Red Sea Governorate; Dahab; Siwa; Ismailia; Cairo; Giza",
    "IL": "Haifa; Tel Aviv; Jerusalem; Be'er Sheva; Eilat; Nazareth; Tiberias; Netanya; Ra'anana; Akko; Herzliya; Safed",
    "AE": "Dubai; Abu Dhabi; Sharjah; Al Ain; Ajman; Fujairah; Ras Al Khaimah; Khor Fakkan; Hatta",
    "PH": "Cebu City|Cebu; Davao City; Baguio|Benguet; Iloilo City; Vigan|Ilocos Sur; Tagaytay|Cavite; Dumaguete|Negros Oriental; Puerto Princesa|Palawan; Makati; Quezon City; Zamboanga City; Legazpi|Albay",
    "ID": "Yogyakarta; Bandung|Jawa Barat; Surabaya|East Java; Ubud|Bali; Denpasar|Bali; Malang; Medan|North Sumatra; Makassar; Semarang; Bukittinggi|West Sumatra; Labuan Bajo; Jakarta",
    "VN": "Hội An; Huế; Đà Lạt; Đà Nẵng; Nha Trang; Hà Nội; Hạ Long; Sa Pa|Lào Cai; Cần Thơ; Hanoi; Ho Chi Minh City; Saigon; Hoi An; Da Nang; Ninh Bình",
    "TH": "Chiang Mai; Chiang Rai; Ayutthaya; Krabi; Pai|Mae Hong Son; Hua Hin; Kanchanaburi; Sukhothai; Udon Thani; Khon Kaen; Bangkok; Phuket; Ko Samui",
}
TOWNS = {k: [split_w(x) for x in v.split(";")] for k, v in TOWNS.items()}

DISTRICTS = {
    "DE": ["Kreuzberg", "Prenzlauer Berg", "Neukölln", "Schwabing", "Ehrenfeld", "St. Pauli", "Connewitz"],
    "JP": ["Shimokitazawa", "Koenji", "Nakameguro", "Yanaka", "Gion", "Tenjin", "Kichijoji"],
    "AR": ["Palermo Soho", "San Telmo", "Villa Crespo", "Recoleta", "La Boca"],
    "BR": ["Vila Madalena", "Santa Teresa", "Pinheiros", "Lapa", "Savassi", "Pelourinho"],
    "FR": ["Montmartre", "Le Marais", "Belleville", "la Croix-Rousse", "le Panier"],
    "IT": ["Trastevere", "Navigli", "Oltrarno", "Brera", "Quartieri Spagnoli"],
    "SE": ["Södermalm", "Majorna", "Möllevången", "Vasastan"],
    "ES": ["Gràcia", "Lavapiés", "Malasaña", "Triana", "el Born"],
    "PT": ["Alfama", "Bairro Alto", "Ribeira", "Graça"],
    "NL": ["Jordaan", "De Pijp", "Katendrecht", "Oost"],
    "UK": ["Shoreditch", "Peckham", "Leith", "Jesmond", "Headingley", "Clifton", "Finnieston"],
    "TR": ["Moda", "Cihangir", "Karaköy", "Alsancak"],
    "ZA": ["Bo-Kaap", "Observatory", "Maboneng", "Melville"],
    "MX": ["Roma Norte", "La Condesa", "Coyoacán", "Santa María la Ribera"],
    "CO": ["Chapinero", "El Poblado", "Laureles", "Getsemaní"],
    "KR": ["Hongdae", "Itaewon", "Seongsu-dong", "Haeundae"],
    "CN": ["Sanlitun", "Jing'an", "Tianzifang", "Nanluoguxiang"],
    "IN": ["Bandra West", "Koramangala", "Hauz Khas", "Fort Kochi", "Colaba"],
    "KE": ["Westlands", "Kilimani", "Karen", "Nyali"],
    "NG": ["Ikoyi", "Yaba", "Lekki Phase 1", "Wuse II"],
    "US": ["Williamsburg", "Capitol Hill", "Wicker Park", "the Mission", "Five Points"],
    "CA": ["the Plateau", "Kensington Market", "Gastown", "Mile End"],
    "AU": ["Fitzroy", "Surry Hills", "Newtown", "Fortitude Valley"],
    "PH": ["Poblacion", "Intramuros", "Binondo"],
    "TH": ["Thong Lo", "Ari", "Nimman", "Old Town"],
    "VN": ["Phố cổ", "Quận 1", "Tây Hồ"],
}

HOSPITALS = [
    "Charité",
    "Addenbrooke's Hospital",
    "Karolinska University Hospital",
    "Hospital Israelita Albert Einstein",
    "Groote Schuur Hospital",
    "Kenyatta National Hospital",
    "Apollo Hospital Jubilee Hills",
    "St Vincent's Hospital",
    "Hôpital de la Pitié-Salpêtrière",
    "Sheba Medical Center",
    "Siriraj Hospital",
    "Makati Medical Center",
    "Aga Khan University Hospital",
    "Royal Prince Alfred Hospital",
    "Toronto General Hospital",
    "Seoul National University Hospital",
    "Peking Union Medical College Hospital",
    "Klinikum Schwabing",
    "Hospital Italiano de Buenos Aires",
    "Hospital Universitario La Paz",
    "Ospedale San Raffaele",
    "Rigshospitalet",
    "Haukeland University Hospital",
    "Lagos University Teaching Hospital",
    "Royal Victoria Infirmary",
    "Beaumont Hospital",
    "Auckland City Hospital",
    "Hospital Clínic",
    "Kasr Al Ainy Hospital",
    "Rashid Hospital",
    "Bach Mai Hospital",
    "RSUP Dr. Sardjito",
]
HOTELS = [
    "Hotel Sacher",
    "The Savoy",
    "Hotel Adlon",
    "Copacabana Palace",
    "Raffles Hotel",
    "Hotel Okura",
    "The Peninsula",
    "Hotel Continental",
    "Pousada do Largo",
    "Hostal La Luna",
    "Gasthof zur Post",
    "Ryokan Sawaya",
    "Hotel Villa Flora",
    "Casa Amarilla",
    "The Old Bell Inn",
    "Hotel Bristol",
    "Pension Elisabeth",
    "Hotel Moskva",
    "Hotel Ukraina",
    "Grand Hotel Europe",
    "The Norfolk Hotel",
    "Sea View Guesthouse",
    "Hotel Splendide",
    "Posada del Ángel",
    "Hotel Regina",
    "Ibis Styles Centrum",
]
PARKS = [
    "Vondelpark",
    "Parque del Retiro",
    "Stanley Park",
    "Ueno Park",
    "Phoenix Park",
    "Tiergarten",
    "Parque Ibirapuera",
    "Chapultepec Park",
    "Gorky Park",
    "Hyde Park",
    "Central Park",
    "Uhuru Park",
    "Lumphini Park",
    "Kings Park",
    "Hagley Park",
    "Parc de la Tête d'Or",
    "Englischer Garten",
    "Bosque de Palermo",
    "Parque Kennedy",
    "Djurgården",
    "Frognerparken",
    "Letná Park",
    "Margaret Island",
    "Herastrau Park",
    "Gezi Park",
    "Namsan Park",
    "Rizal Park",
    "Taman Suropati",
    "Prospect Park",
    "Sefton Park",
    "Jardin du Luxembourg",
    "Parco Sempione",
    "Park Güell",
    "Łazienki Park",
]
STATIONS = [
    "Gare de Lyon",
    "Schiphol",
    "Heathrow Airport",
    "Narita Airport",
    "JFK",
    "Jomo Kenyatta International Airport",
    "Ezeiza",
    "Changi Airport",
    "Ninoy Aquino International Airport",
    "Suvarnabhumi",
    "Incheon Airport",
    "Berlin Hauptbahnhof",
    "Roma Termini",
    "Atocha",
    "Santa Apolónia",
    "Kings Cross",
    "Union Station",
    "Warszawa Centralna",
    "Keleti station",
    "Sirkeci",
    "Kazansky station",
    "Retiro station",
    "Tokyo Station",
    "Hua Lamphong",
    "Murtala Muhammed Airport",
    "Ben Gurion Airport",
    "Dubai Airport",
]
MISC_VENUES = [
    "Borough Market",
    "Mercado Central",
    "Mercado de San Miguel",
    "the Prado",
    "the Rijksmuseum",
    "the Louvre",
    "Wembley Stadium",
    "La Bombonera",
    "the Maracanã",
    "Naschmarkt",
    "Grand Bazaar",
    "Chatuchak Market",
    "Nishiki Market",
    "Kapalı Çarşı",
    "Mercat de la Boqueria",
    "Galleria Vittorio Emanuele II",
    "the Hermitage",
    "Tivoli Gardens",
    "the Blue Lagoon",
    "Table Mountain",
    "Sagrada Família",
]
SAINTS = [
    "Mary",
    "John",
    "Joseph",
    "Vincent",
    "Anne",
    "Patrick",
    "Thomas",
    "Luke",
    "George",
    "Catherine",
    "Francis",
    "Bridget",
    "Columba",
    "Michael",
    "Andrew",
    "Margaret",
    "Jude",
]
SANTOS = [
    "San José",
    "Santa María",
    "San Juan de Dios",
    "San Rafael",
    "Santa Lucía",
    "San Vicente",
    "Santa Teresa",
    "San Francisco",
    "Nossa Senhora da Conceição",
    "Santo António",
]

ORGS = [
    "DHL",
    "FedEx",
    "UPS",
    "Royal Mail",
    "Correios",
    "Canada Post",
    "Australia Post",
    "PostNL",
    "La Poste",
    "Deutsche Post",
    "Poczta Polska",
    "Yamato Transport",
    "Aramex",
    "Amazon",
    "Siemens",
    "Banco Santander",
    "Tata Consultancy Services",
    "Samsung",
    "Toyota",
    "Safaricom",
    "Emirates",
    "Airbnb",
    "IKEA",
    "Carrefour",
    "Rakuten",
    "Mercado Libre",
    "Jumia",
    "Grab",
    "Tokopedia",
    "Allianz",
    "AXA",
    "Zurich Insurance",
    "Mapfre",
    "Generali",
    "Aviva",
    "Oxfam",
    "the Red Cross",
    "UNICEF",
    "Nokia",
    "Volvo",
    "Philips",
    "Nestlé",
    "Unilever",
    "Infosys",
    "Petrobras",
    "Telkom",
    "Vodafone",
    "Orange",
    "Deutsche Bahn",
    "Renfe",
    "SNCF",
    "Ryanair",
    "Turkish Airlines",
    "Qantas",
    "Air New Zealand",
    "Shoprite",
    "Aldi",
    "Migros",
    "Coop",
    "Lidl",
    "Tesco",
    "Walmart",
    "Rappi",
    "Glovo",
    "Zalando",
    "Booking.com",
]
COURIERS = ORGS[:13]
INSURERS = [
    "Allianz",
    "AXA",
    "Zurich Insurance",
    "Mapfre",
    "Generali",
    "Aviva",
    "Old Mutual",
    "Sompo",
    "Porto Seguro",
    "Ergo",
    "If Skadeförsäkring",
    "Tryg",
    "PZU",
    "Groupama",
    "State Farm",
]
JOBS = [
    "Senior Accountant",
    "software engineer",
    "Head of Logistics",
    "staff nurse",
    "primary school teacher",
    "Warehouse Supervisor",
    "civil engineer",
    "Sales Manager",
    "HR Business Partner",
    "pharmacist",
    "bus driver",
    "Chief Financial Officer",
    "data analyst",
    "electrician",
    "Office Manager",
    "Marketing Coordinator",
    "architect",
    "veterinary nurse",
    "Store Manager",
    "Research Assistant",
    "kitchen porter",
    "Project Manager",
    "translator",
    "Customer Service Agent",
    "plumber",
]
RELATIONS = [
    "mother",
    "father",
    "sister",
    "brother",
    "wife",
    "husband",
    "partner",
    "daughter",
    "son",
    "neighbour",
    "friend",
    "aunt",
    "uncle",
    "grandson",
]
PETS = [
    "Biscuit",
    "Luna",
    "Mochi",
    "Pepper",
    "Max",
    "Nala",
    "Simba",
    "Coco",
    "Bruno",
    "Kiki",
    "Olive",
    "Tofu",
    "Rocky",
    "Bella",
    "Chispa",
    "Pixel",
]
BOOKS = [
    "The Silent Harbour",
    "A Short History of Bridges",
    "Cooking with Lentils",
    "The Glass Orchard",
    "Learn Portuguese in 30 Days",
    "Birds of the Coast",
    "The Last Lighthouse",
    "Practical Woodwork",
    "Night Trains",
    "The Salt Road",
    "Gardening on Balconies",
    "Knots and Splices",
]

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
}
MONTHS = {k: v.split() for k, v in MONTHS.items()}
MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CC_LANG = {
    "ES": "es",
    "MX": "es",
    "AR": "es",
    "CL": "es",
    "CO": "es",
    "PE": "es",
    "PT": "pt",
    "BR": "pt",
    "FR": "fr",
    "BE": "fr",
    "DE": "de",
    "AT": "de",
    "CH": "de",
    "IT": "it",
    "NL": "nl",
    "PL": "pl",
    "SE": "sv",
    "TR": "tr",
}

PHONES = {
    "US": ["(###) ###-####", "###-###-####", "+1 ### ### ####", "###.###.####"],
    "CA": ["(###) ###-####", "+1 ###-###-####"],
    "UK": ["+44 7### ######", "020 #### ####", "07### ######", "0113 ### ####", "+44 (0)131 ### ####"],
    "IE": ["+353 8# ### ####", "08# ### ####", "(01) ### ####"],
    "DE": ["+49 30 #######", "0151 ########", "(030) ########", "+49 (0)89 ######"],
    "AT": ["+43 1 ### ## ##", "0664 #######"],
    "CH": ["+41 44 ### ## ##", "079 ### ## ##"],
    "FR": ["06 ## ## ## ##", "+33 6 ## ## ## ##", "01.##.##.##.##"],
    "BE": ["+32 4## ## ## ##", "0476 ## ## ##"],
    "NL": ["+31 6 ########", "06-########", "020 ### ####"],
    "ES": ["+34 6## ### ###", "6## ## ## ##", "91 ### ## ##"],
    "PT": ["+351 91# ### ###", "21# ### ###"],
    "IT": ["+39 3## ### ####", "02 #### ####", "347 #######"],
    "PL": ["+48 ### ### ###", "5## ### ###"],
    "CZ": ["+420 6## ### ###", "7## ### ###"],
    "HU": ["+36 30 ### ####", "06 1 ### ####"],
    "RO": ["+40 7## ### ###", "07## ### ###"],
    "GR": ["+30 69# ### ####", "210 ### ####"],
    "TR": ["+90 5## ### ## ##", "0 (5##) ### ## ##", "0216 ### ## ##"],
    "RU": ["+7 (9##) ###-##-##", "8 9## ###-##-##", "+7 495 ###-##-##"],
    "UA": ["+380 6# ### ## ##", "096 ### ## ##"],
    "SE": ["070-### ## ##", "+46 8 ### ### ##"],
    "NO": ["+47 9## ## ###", "4## ## ###"],
    "DK": ["+45 ## ## ## ##", "## ## ## ##"],
    "FI": ["+358 40 ### ####", "040 ### ####"],
    "IS": ["+354 ### ####"],
    "JP": ["090-####-####", "+81 3-####-####", "03-####-####", "080-####-####"],
    "KR": ["010-####-####", "+82 10-####-####", "02-###-####"],
    "CN": ["+86 138 #### ####", "139########", "(010) ########"],
    "IN": ["+91 98### #####", "098### #####", "+91-80-########"],
    "BR": ["+55 11 9####-####", "(21) 9####-####", "(11) ####-####"],
    "MX": ["+52 55 #### ####", "(33) #### ####"],
    "AR": ["+54 9 11 ####-####", "(011) ####-####"],
    "CL": ["+56 9 #### ####", "(2) #### ####"],
    "CO": ["+57 3## ### ####", "(601) ### ####"],
    "PE": ["+51 9## ### ###", "(01) ###-####"],
    "AU": ["04## ### ###", "+61 4## ### ###", "(02) #### ####"],
    "NZ": ["021 ### ####", "+64 9 ### ####"],
    "ZA": ["+27 82 ### ####", "082 ### ####", "021 ### ####"],
    "NG": ["+234 803 ### ####", "0803 ### ####", "0809-###-####"],
    "KE": ["+254 7## ######", "07## ######", "0722 ### ###"],
    "EG": ["+20 10 #### ####", "010 #### ####"],
    "AE": ["+971 50 ### ####", "050 ### ####", "04 ### ####"],
    "IL": ["+972-5#-###-####", "05#-###-####"],
    "PH": ["+63 917 ### ####", "0917-###-####", "(02) 8###-####"],
    "ID": ["+62 812-####-####", "0812 #### ####"],
    "VN": ["+84 9# ### ## ##", "09# ### ####"],
    "TH": ["+66 8#-###-####", "08#-###-####"],
}
MAIL_DOMAINS = {
    "JP": ["yahoo.co.jp", "docomo.ne.jp", "gmail.com"],
    "KR": ["naver.com", "daum.net", "gmail.com"],
    "CN": ["qq.com", "163.com", "126.com"],
    "IN": ["rediffmail.com", "gmail.com", "yahoo.co.in"],
    "BR": ["uol.com.br", "terra.com.br", "gmail.com", "bol.com.br"],
    "DE": ["web.de", "gmx.de", "t-online.de"],
    "AT": ["gmx.at", "aon.at"],
    "CH": ["bluewin.ch", "gmx.ch"],
    "FR": ["orange.fr", "free.fr", "laposte.net"],
    "IT": ["libero.it", "virgilio.it"],
    "PL": ["wp.pl", "onet.pl", "o2.pl"],
    "CZ": ["seznam.cz", "email.cz"],
    "RU": ["mail.ru", "yandex.ru", "rambler.ru"],
    "UA": ["ukr.net", "i.ua"],
    "UK": ["btinternet.com", "hotmail.co.uk", "sky.com"],
    "ES": ["hotmail.es", "telefonica.net"],
    "AR": ["yahoo.com.ar", "fibertel.com.ar"],
    "MX": ["prodigy.net.mx", "hotmail.com"],
    "NL": ["ziggo.nl", "kpnmail.nl", "xs4all.nl"],
    "SE": ["telia.com", "bredband.net"],
    "FI": ["elisanet.fi"],
    "TR": ["hotmail.com.tr", "yandex.com.tr"],
    "HU": ["freemail.hu", "citromail.hu"],
    "AU": ["bigpond.com", "optusnet.com.au"],
    "NZ": ["xtra.co.nz"],
    "ZA": ["telkomsa.net", "mweb.co.za"],
    "IE": ["eircom.net"],
    "BE": ["skynet.be", "telenet.be"],
}
GENERIC_DOMAINS = [
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "hotmail.com",
    "icloud.com",
    "proton.me",
    "aol.com",
    "mail.com",
    "fastmail.fm",
    "zoho.com",
]

# --------------------------------------------------------------------------
# address data (own, per country)
# --------------------------------------------------------------------------

JP_PLACES = [
    ("Tokyo|Tokyo-to", "Shibuya-ku", "Jingumae|Ebisu|Sendagaya|Uehara|Sasazuka", "150"),
    ("Tokyo|Tokyo-to", "Setagaya-ku", "Sangenjaya|Kitazawa|Kyodo|Tamagawa", "154"),
    ("Tokyo|Tokyo-to", "Shinjuku-ku", "Nishi-Shinjuku|Kagurazaka|Yotsuya|Okubo", "160"),
    ("Tokyo|Tokyo-to", "Musashino-shi", "Kichijoji-honcho|Nakacho|Sakaimachi", "180"),
    ("Osaka|Osaka-fu", "Osaka-shi Kita-ku", "Umeda|Tenjinbashi|Nakazakinishi", "530"),
    ("Osaka|Osaka-fu", "Sakai-shi Sakai-ku", "Minamikawaramachi|Shukuin-cho", "590"),
    ("Kyoto|Kyoto-fu", "Kyoto-shi Sakyo-ku", "Yoshida-honmachi|Shimogamo|Ichijoji", "606"),
    ("Hokkaido", "Sapporo-shi Chuo-ku", "Odori-nishi|Minami 3-jo-nishi|Kita 1-jo-nishi", "060"),
    ("Fukuoka|Fukuoka-ken", "Fukuoka-shi Hakata-ku", "Hakata-ekimae|Gion-machi|Nakasu", "812"),
    ("Aichi|Aichi-ken", "Nagoya-shi Naka-ku", "Sakae|Nishiki|Marunouchi", "460"),
    ("Kanagawa|Kanagawa-ken", "Yokohama-shi Naka-ku", "Yamashita-cho|Motomachi|Honcho", "231"),
    ("Kanagawa|Kanagawa-ken", "Kamakura-shi", "Yukinoshita|Hase|Komachi", "248"),
    ("Hiroshima|Hiroshima-ken", "Hiroshima-shi Naka-ku", "Otemachi|Kamiyacho|Hondori", "730"),
    ("Miyagi|Miyagi-ken", "Sendai-shi Aoba-ku", "Ichibancho|Kokubuncho|Kakyoin", "980"),
    ("Nagano|Nagano-ken", "Matsumoto-shi", "Chuo|Ote|Fukashi", "390"),
    ("Okinawa|Okinawa-ken", "Naha-shi", "Makishi|Kumoji|Tomari", "900"),
]
JP_BLDG = [
    "Maison",
    "Heights",
    "Coop",
    "Residence",
    "Palace",
    "Court",
    "Grand Maison",
    "Haitsu",
    "Lions Mansion",
    "Villa",
]
JP_BLDG2 = ["Sakura", "Aoyama", "Hikari", "Midori", "Sunny", "Fuji", "Kotobuki", "Asahi", "Pine", "Ocean"]

KR_PLACES = [
    (None, "Seoul", "Gangnam-gu", "Teheran-ro|Dosan-daero|Nonhyeon-ro|Gangnam-daero", "06"),
    (None, "Seoul", "Mapo-gu", "Yanghwa-ro|World Cup buk-ro|Donggyo-ro", "04"),
    (None, "Seoul", "Jongno-gu", "Sejong-daero|Samil-daero|Yulgok-ro", "03"),
    (None, "Seoul", "Songpa-gu", "Olympic-ro|Baekjegobun-ro", "05"),
    (None, "Busan", "Haeundae-gu", "Haeundaehaebyeon-ro|Centum jungang-ro|Dalmaji-gil", "48"),
    (None, "Incheon", "Yeonsu-gu", "Convensia-daero|Songdogwahak-ro", "21"),
    (None, "Daegu", "Suseong-gu", "Dalgubeol-daero|Dongdaegu-ro", "42"),
    ("Gyeonggi-do", "Seongnam-si", "Bundang-gu", "Jeongjail-ro|Pangyoyeok-ro|Buljeong-ro", "13"),
    ("Gyeonggi-do", "Suwon-si", "Paldal-gu", "Jeongjo-ro|Hyowon-ro", "16"),
    ("Jeju-do", "Jeju-si", None, "Nohyeong-ro|Yeondong 7-gil", "63"),
    ("Gangwon-do", "Chuncheon-si", None, "Jungang-ro|Gongji-ro", "24"),
]
CN_PLACES = [
    (
        None,
        "Beijing",
        "Chaoyang District|Haidian District|Dongcheng District",
        "Jianguo Road|Zhongguancun Street|Wangfujing Street|Sanlitun Road",
        "100",
    ),
    (
        None,
        "Shanghai",
        "Pudong New Area|Xuhui District|Jing'an District",
        "Century Avenue|Huaihai Middle Road|Nanjing West Road|Lujiazui Ring Road",
        "200",
    ),
    (
        "Guangdong",
        "Guangzhou",
        "Tianhe District|Yuexiu District",
        "Tianhe Road|Huanshi East Road|Zhongshan 5th Road",
        "510",
    ),
    ("Guangdong", "Shenzhen", "Nanshan District|Futian District", "Shennan Avenue|Keyuan Road|Fuhua 3rd Road", "518"),
    ("Zhejiang", "Hangzhou", "Xihu District|Shangcheng District", "Wensan Road|Yan'an Road|Nanshan Road", "310"),
    ("Sichuan", "Chengdu", "Wuhou District|Jinjiang District", "Renmin South Road|Chunxi Road|Kehua North Road", "610"),
    ("Jiangsu", "Nanjing", "Gulou District|Xuanwu District", "Zhongshan North Road|Beijing West Road", "210"),
    ("Hubei", "Wuhan", "Wuchang District|Jianghan District", "Zhongnan Road|Jiefang Avenue", "430"),
    ("Shaanxi", "Xi'an", "Beilin District|Yanta District", "Xiaozhai East Road|Chang'an North Road", "710"),
]
CN_NATIVE = [
    ("北京市", "朝阳区|海淀区|东城区", "建国路|中关村大街|王府井大街"),
    ("上海市", "浦东新区|徐汇区|静安区", "世纪大道|淮海中路|南京西路"),
]
IN_PLACES = [
    ("Karnataka", "Bengaluru", "Indiranagar|Koramangala 5th Block|Jayanagar 4th Block|HSR Layout Sector 2", "560"),
    ("Maharashtra", "Mumbai", "Dadar East|Andheri West|Bandra West|Powai", "400"),
    ("Maharashtra", "Pune", "Kothrud|Baner|Viman Nagar", "411"),
    ("Tamil Nadu", "Chennai", "T. Nagar|Adyar|Anna Nagar", "600"),
    ("Haryana", "Gurugram", "Sector 15|DLF Phase 3|Sushant Lok 1", "122"),
    (None, "New Delhi", "Lajpat Nagar II|Hauz Khas|Vasant Kunj|Karol Bagh", "110"),
    ("West Bengal", "Kolkata", "Salt Lake Sector V|Ballygunge|Behala", "700"),
    ("Telangana", "Hyderabad", "Banjara Hills|Gachibowli|Madhapur", "500"),
    ("Kerala", "Kochi", "Kakkanad|Edappally|Fort Kochi", "682"),
    ("Rajasthan", "Jaipur", "Malviya Nagar|C-Scheme|Vaishali Nagar", "302"),
    ("Gujarat", "Ahmedabad", "Navrangpura|Satellite|Bodakdev", "380"),
]
IN_ROADS = [
    "MG Road",
    "14th Cross",
    "100 Feet Road",
    "Linking Road",
    "SV Road",
    "Dr. Ambedkar Road",
    "Nehru Marg",
    "Station Road",
    "Gandhi Nagar Main Road",
    "80 Feet Road",
    "Anna Salai",
    "Park Street",
    "Church Street",
]
IN_BLDG = [
    "Sai Krupa Apartments",
    "Green Glen Layout",
    "Prestige Shantiniketan",
    "Lodha Towers",
    "Shanti Niwas",
    "Gokul Residency",
    "Silver Oak Enclave",
    "Lakshmi Nilayam",
    "Sunshine CHS",
]
BR_PLACES = [
    ("São Paulo", "SP", "Consolação|Pinheiros|Vila Madalena|Moema|Bela Vista", "0"),
    ("Rio de Janeiro", "RJ", "Copacabana|Botafogo|Tijuca|Leblon", "2"),
    ("Belo Horizonte", "MG", "Savassi|Funcionários|Lourdes", "3"),
    ("Curitiba", "PR", "Batel|Água Verde|Centro", "8"),
    ("Porto Alegre", "RS", "Moinhos de Vento|Cidade Baixa|Menino Deus", "9"),
    ("Salvador", "BA", "Barra|Rio Vermelho|Pituba", "4"),
    ("Recife", "PE", "Boa Viagem|Casa Forte|Graças", "5"),
    ("Fortaleza", "CE", "Meireles|Aldeota", "6"),
    ("Florianópolis", "SC", "Lagoa da Conceição|Trindade|Centro", "8"),
    ("Campinas", "SP", "Cambuí|Barão Geraldo", "1"),
    ("Manaus", "AM", "Adrianópolis|Centro", "6"),
    ("Goiânia", "GO", "Setor Bueno|Setor Marista", "7"),
]
BR_STREETS = [
    "Rua Augusta",
    "Rua das Flores",
    "Avenida Paulista",
    "Av. Sete de Setembro",
    "Rua XV de Novembro",
    "Rua Padre Chagas",
    "Av. Boa Viagem",
    "Rua Oscar Freire",
    "Rua Barão de Itapetininga",
    "Travessa do Comércio",
    "Alameda Santos",
    "Rua Dona Mariana",
    "Rua Tiradentes",
    "Av. Atlântica",
    "Rua Visconde de Pirajá",
]
MX_PLACES = [
    ("Ciudad de México", "CDMX|Ciudad de México|D.F.", "Roma Norte|Condesa|Del Valle|Coyoacán|Polanco|Narvarte", "0"),
    ("Guadalajara", "Jal.|Jalisco", "Americana|Providencia|Chapalita|Vallarta Poniente", "44"),
    ("Monterrey", "N.L.|Nuevo León", "Obispado|Cumbres|Centro", "64"),
    ("Puebla", "Pue.|Puebla", "Centro Histórico|La Paz", "72"),
    ("Mérida", "Yuc.|Yucatán", "García Ginerés|Itzimná|Centro", "97"),
    ("Oaxaca de Juárez", "Oax.|Oaxaca", "Centro|Reforma", "68"),
    ("Santiago de Querétaro", "Qro.|Querétaro", "Centro Histórico|Jurica", "76"),
    ("San Miguel de Allende", "Gto.|Guanajuato", "Centro|Guadiana", "37"),
    ("Tijuana", "B.C.|Baja California", "Zona Río|Chapultepec", "22"),
]
MX_STREETS = [
    "Calle Durango",
    "Av. Insurgentes Sur",
    "Av. Vallarta",
    "Calle Madero",
    "Paseo de la Reforma",
    "Av. Constitución",
    "Calle 60",
    "Calle Hidalgo",
    "Av. Juárez",
    "Calle Morelos",
    "Calle Zacatecas",
    "Av. Álvaro Obregón",
]
AR_PLACES = [
    ("Ciudad Autónoma de Buenos Aires", None, "C", "Palermo|Recoleta|Belgrano|San Telmo|Caballito|Villa Crespo"),
    ("CABA", None, "C", "Palermo|Almagro|Núñez"),
    ("Rosario", "Santa Fe|Provincia de Santa Fe", "S2000", None),
    ("Córdoba", "Córdoba|Prov. de Córdoba", "X5000", "Nueva Córdoba|Güemes"),
    ("Mendoza", "Mendoza", "M5500", None),
    ("La Plata", "Buenos Aires|Provincia de Buenos Aires", "B1900", None),
    ("San Carlos de Bariloche", "Río Negro", "R8400", None),
    ("Salta", "Salta", "A4400", None),
    ("Mar del Plata", "Buenos Aires", "B7600", None),
]
AR_STREETS = [
    "Av. Santa Fe",
    "Av. Corrientes",
    "Calle Florida",
    "Bv. Oroño",
    "Av. Colón",
    "Thames",
    "Gorriti",
    "Av. San Martín",
    "Mitre",
    "Av. Rivadavia",
    "Humboldt",
    "Av. Cabildo",
    "Defensa",
]
CL_PLACES = [
    ("Santiago", "Región Metropolitana|RM", "Providencia|Las Condes|Ñuñoa|Vitacura|Santiago Centro"),
    ("Valparaíso", "Región de Valparaíso|V Región", None),
    ("Viña del Mar", "Región de Valparaíso", None),
    ("Concepción", "Región del Biobío", None),
    ("La Serena", "Región de Coquimbo", None),
    ("Puerto Montt", "Región de Los Lagos", None),
    ("Temuco", "Región de La Araucanía", None),
]
CL_STREETS = [
    "Av. Providencia",
    "Av. Apoquindo",
    "Calle Prat",
    "Av. Libertad",
    "Av. Irarrázaval",
    "Los Leones",
    "Av. Vicuña Mackenna",
    "Calle Esmeralda",
    "Av. Pedro de Valdivia",
    "Calle Almirante Montt",
]
CO_PLACES = [
    ("Bogotá", "D.C.|Cundinamarca", "Chapinero|Usaquén|Teusaquillo|La Candelaria", "11"),
    ("Medellín", "Antioquia", "El Poblado|Laureles|Envigado", "05"),
    ("Cali", "Valle del Cauca", "Granada|San Fernando", "76"),
    ("Barranquilla", "Atlántico", "El Prado|Riomar", "08"),
    ("Cartagena", "Bolívar", "Bocagrande|Getsemaní|Manga", "13"),
    ("Bucaramanga", "Santander", "Cabecera del Llano", "68"),
    ("Pereira", "Risaralda", "Pinares", "66"),
]
PE_PLACES = [
    ("Lima", None, "Miraflores|San Isidro|Barranco|Santiago de Surco|Jesús María|Cercado de Lima", "15"),
    ("Arequipa", "Arequipa", "Yanahuara|Cayma|Cercado", "04"),
    ("Cusco", "Cusco", "San Blas|Wanchaq|Santiago", "08"),
    ("Trujillo", "La Libertad", "Urb. Los Jardines|Urb. El Recreo|Víctor Larco Herrera", "13"),
    ("Piura", "Piura", "Urb. Santa Isabel|Castilla", "20"),
]
PE_STREETS = [
    "Av. José Larco",
    "Jr. de la Unión",
    "Calle Mercaderes",
    "Av. Arequipa",
    "Calle Las Begonias",
    "Av. El Sol",
    "Jr. Pizarro",
    "Calle Hatunrumiyoc",
    "Av. Javier Prado Este",
    "Jr. Junín",
    "Calle Santa Catalina",
]
ES_PLACES = [
    ("Madrid", "Madrid", "28"),
    ("Barcelona", "Barcelona", "08"),
    ("Sevilla", "Sevilla", "41"),
    ("Valencia", "Valencia", "46"),
    ("Bilbao", "Bizkaia", "48"),
    ("Zaragoza", "Zaragoza", "50"),
    ("Málaga", "Málaga", "29"),
    ("Granada", "Granada", "18"),
    ("A Coruña", "A Coruña", "15"),
    ("Salamanca", "Salamanca", "37"),
    ("Pamplona", "Navarra", "31"),
    ("Donostia-San Sebastián", "Gipuzkoa", "20"),
    ("Palma", "Illes Balears", "07"),
    ("Santa Cruz de Tenerife", "Santa Cruz de Tenerife", "38"),
    ("Alcalá de Henares", "Madrid", "28"),
    ("Getafe", "Madrid", "28"),
    ("Jerez de la Frontera", "Cádiz", "11"),
]
ES_STREETS = [
    "C/ Mayor",
    "Calle de Alcalá",
    "Avda. Diagonal",
    "Gran Vía",
    "Passeig de Gràcia",
    "Calle Sierpes",
    "Rambla de Catalunya",
    "Plaza de España",
    "Calle Larios",
    "Rúa do Franco",
    "Calle Real",
    "Avenida de la Constitución",
    "C/ Sant Antoni",
    "Calle Ancha",
    "Paseo de la Castellana",
]
PT_PLACES = [
    ("Lisboa", "1"),
    ("Porto", "4"),
    ("Coimbra", "3000"),
    ("Braga", "4700"),
    ("Faro", "8000"),
    ("Funchal", "9000"),
    ("Aveiro", "3800"),
    ("Évora", "7000"),
    ("Sintra", "2710"),
    ("Cascais", "2750"),
    ("Vila Nova de Gaia", "4400"),
]
PT_STREETS = [
    "Rua Garrett",
    "Av. da Liberdade",
    "Rua de Santa Catarina",
    "Rua Augusta",
    "Av. da Boavista",
    "Travessa do Carmo",
    "Largo do Chiado",
    "Rua Ferreira Borges",
    "Rua das Flores",
    "Rua do Almada",
    "Calçada do Combro",
]
FR_PLACES = [
    ("Paris", "750"),
    ("Lyon", "6900"),
    ("Marseille", "130"),
    ("Toulouse", "31000"),
    ("Bordeaux", "33000"),
    ("Nantes", "44000"),
    ("Lille", "59000"),
    ("Strasbourg", "67000"),
    ("Rennes", "35000"),
    ("Montpellier", "34000"),
    ("Nice", "06000"),
    ("Grenoble", "38000"),
    ("Annecy", "74000"),
    ("Aix-en-Provence", "13100"),
    ("Villeurbanne", "69100"),
    ("Saint-Étienne", "42000"),
    ("Brest", "29200"),
]
FR_STREETS = [
    "rue des Lilas",
    "avenue Jean Jaurès",
    "boulevard Voltaire",
    "place Bellecour",
    "quai de la Tournelle",
    "impasse des Roses",
    "allée des Tilleuls",
    "chemin du Moulin",
    "rue de la République",
    "rue Oberkampf",
    "cours Mirabeau",
    "rue du Faubourg Saint-Denis",
    "avenue de la Libération",
]
BE_PLACES = [
    ("Bruxelles", "1000"),
    ("Brussel", "1000"),
    ("Ixelles", "1050"),
    ("Elsene", "1050"),
    ("Antwerpen", "2000"),
    ("Gent", "9000"),
    ("Liège", "4000"),
    ("Namur", "5000"),
    ("Leuven", "3000"),
    ("Brugge", "8000"),
    ("Mechelen", "2800"),
    ("Charleroi", "6000"),
    ("Schaerbeek", "1030"),
]
BE_STREETS = [
    "Rue de la Loi",
    "Chaussée de Wavre",
    "Avenue Louise",
    "Kerkstraat",
    "Meir",
    "Veldstraat",
    "Rue Saint-Gilles",
    "Bondgenotenlaan",
    "Rue Haute",
    "Steenweg op Gent",
    "Place Flagey",
    "Korenmarkt",
]
NL_PLACES = [
    ("Amsterdam", "10"),
    ("Rotterdam", "30"),
    ("Utrecht", "35"),
    ("Den Haag", "25"),
    ("'s-Gravenhage", "25"),
    ("Groningen", "97"),
    ("Eindhoven", "56"),
    ("Leiden", "23"),
    ("Haarlem", "20"),
    ("Maastricht", "62"),
    ("Nijmegen", "65"),
    ("Delft", "26"),
    ("Zwolle", "80"),
]
NL_STREETS = [
    "Prinsengracht",
    "Keizersgracht",
    "Oudegracht",
    "Coolsingel",
    "Lange Voorhout",
    "Vismarkt",
    "Stratumseind",
    "Kerkstraat",
    "Nieuwe Binnenweg",
    "Witte de Withstraat",
    "Breestraat",
    "Grote Markt",
]
DE_PLACES = [
    ("Berlin", "10|12|13"),
    ("Hamburg", "20|22"),
    ("München", "80|81"),
    ("Köln", "50|51"),
    ("Frankfurt am Main", "60"),
    ("Stuttgart", "70"),
    ("Düsseldorf", "40"),
    ("Leipzig", "04"),
    ("Dresden", "01"),
    ("Freiburg im Breisgau", "79"),
    ("Heidelberg", "69"),
    ("Münster", "48"),
    ("Nürnberg", "90"),
    ("Bremen", "28"),
    ("Rostock", "18"),
    ("Halle (Saale)", "06"),
]
DE_STREETS = [
    "Hauptstraße",
    "Kastanienallee",
    "Schillerstr.",
    "Am Markt",
    "Lindenweg",
    "Königsallee",
    "Bahnhofstraße",
    "Goethestraße",
    "Karl-Marx-Allee",
    "Sonnenallee",
    "Friedrichstraße",
    "Im Winkel",
    "Zeppelinstr.",
    "An der Alster",
]
DE_UNITS = [
    "3. OG links",
    "Hinterhaus",
    "Whg. 12",
    "2. Etage",
    "Seitenflügel, 4. OG",
    "EG rechts",
    "Dachgeschoss",
    "App. 7",
]
AT_PLACES = [
    ("Wien", "1|0", "Wien"),
    ("Graz", "8010", "Steiermark"),
    ("Linz", "4020", "Oberösterreich"),
    ("Salzburg", "5020", "Salzburg"),
    ("Innsbruck", "6020", "Tirol"),
    ("Klagenfurt am Wörthersee", "9020", "Kärnten"),
    ("Bregenz", "6900", "Vorarlberg"),
    ("Hallstatt", "4830", "Oberösterreich"),
    ("St. Pölten", "3100", "Niederösterreich"),
]
AT_STREETS = [
    "Mariahilfer Straße",
    "Getreidegasse",
    "Herrengasse",
    "Landstraßer Hauptstraße",
    "Maria-Theresien-Straße",
    "Kärntner Straße",
    "Schönbrunner Straße",
    "Sporgasse",
    "Linzer Gasse",
    "Wiedner Hauptstraße",
]
CH_PLACES = [
    ("Zürich", "80", "ZH"),
    ("Genève", "120", "GE"),
    ("Bern", "30", "BE"),
    ("Basel", "40", "BS"),
    ("Lausanne", "100", "VD"),
    ("Luzern", "600", "LU"),
    ("Lugano", "690", "TI"),
    ("Winterthur", "840", "ZH"),
    ("St. Gallen", "900", "SG"),
    ("Fribourg", "170", "FR"),
    ("Thun", "360", "BE"),
]
CH_STREETS = [
    "Bahnhofstrasse",
    "Rue du Rhône",
    "Spalenberg",
    "Via Nassa",
    "Kramgasse",
    "Avenue de la Gare",
    "Hertensteinstrasse",
    "Langstrasse",
    "Rue de Lausanne",
    "Seefeldstrasse",
    "Marktgasse",
]
IT_PLACES = [
    ("Milano", "MI", "201"),
    ("Roma", "RM", "001"),
    ("Napoli", "NA", "801"),
    ("Torino", "TO", "101"),
    ("Firenze", "FI", "501"),
    ("Bologna", "BO", "401"),
    ("Venezia", "VE", "301"),
    ("Palermo", "PA", "901"),
    ("Genova", "GE", "161"),
    ("Bari", "BA", "701"),
    ("Verona", "VR", "371"),
    ("Lecce", "LE", "731"),
    ("Trento", "TN", "381"),
    ("Perugia", "PG", "061"),
    ("Monza", "MB", "209"),
]
IT_STREETS = [
    "Via Roma",
    "Via Garibaldi",
    "Corso Vittorio Emanuele II",
    "Piazza Navona",
    "Via dei Mille",
    "Viale Monza",
    "Via Toledo",
    "Corso Buenos Aires",
    "Via Po",
    "Vicolo del Cedro",
    "Lungarno Corsini",
    "Via Nazionale",
    "Via Manzoni",
    "Borgo Pinti",
    "Via XX Settembre",
]
PL_PLACES = [
    ("Warszawa", "0", "mazowieckie"),
    ("Kraków", "3", "małopolskie"),
    ("Gdańsk", "80", "pomorskie"),
    ("Wrocław", "5", "dolnośląskie"),
    ("Poznań", "6", "wielkopolskie"),
    ("Łódź", "9", "łódzkie"),
    ("Lublin", "20", "lubelskie"),
    ("Katowice", "40", "śląskie"),
    ("Szczecin", "70", "zachodniopomorskie"),
    ("Toruń", "87", "kujawsko-pomorskie"),
]
PL_STREETS = [
    "ul. Marszałkowska",
    "al. Jerozolimskie",
    "os. Tysiąclecia",
    "pl. Wolności",
    "ul. Długa",
    "ul. Piotrkowska",
    "ul. Floriańska",
    "ul. Mickiewicza",
    "al. Niepodległości",
    "ul. Świętojańska",
    "ul. Kościuszki",
]
CZ_PLACES = [
    ("Praha 1", "110 00"),
    ("Praha 2", "120 00"),
    ("Praha 3", "130 00"),
    ("Praha 7", "170 00"),
    ("Brno", "602 00"),
    ("Ostrava", "702 00"),
    ("Plzeň", "301 00"),
    ("Olomouc", "779 00"),
    ("České Budějovice", "370 01"),
    ("Liberec", "460 01"),
    ("Hradec Králové", "500 02"),
]
CZ_STREETS = [
    "Vodičkova",
    "Masarykova",
    "Na Příkopě",
    "Nerudova",
    "Karlova",
    "Vinohradská",
    "Údolní",
    "Veveří",
    "Štefánikova",
    "Horní náměstí",
]
HU_PLACES = [
    ("Budapest", "1"),
    ("Debrecen", "40"),
    ("Szeged", "67"),
    ("Pécs", "76"),
    ("Győr", "90"),
    ("Miskolc", "35"),
    ("Eger", "33"),
    ("Sopron", "94"),
]
HU_STREETS = [
    "Andrássy út",
    "Váci utca",
    "Rákóczi út",
    "Piac u.",
    "Kossuth Lajos utca",
    "Széchenyi tér",
    "Dob utca",
    "Király utca",
    "Bartók Béla út",
    "Petőfi Sándor utca",
]
RO_PLACES = [
    ("București", "0", None),
    ("Cluj-Napoca", "400", "jud. Cluj"),
    ("Iași", "700", "jud. Iași"),
    ("Timișoara", "300", "jud. Timiș"),
    ("Brașov", "500", "jud. Brașov"),
    ("Constanța", "900", "jud. Constanța"),
    ("Sibiu", "550", "jud. Sibiu"),
    ("Oradea", "410", "jud. Bihor"),
]
RO_STREETS = [
    "Str. Lipscani",
    "Bd. Eroilor",
    "Calea Victoriei",
    "Str. Republicii",
    "Bd. Independenței",
    "Str. Memorandumului",
    "Str. Mihai Eminescu",
    "Bd. Unirii",
    "Aleea Trandafirilor",
    "Șos. Kiseleff",
]
GR_PLACES = [
    ("Athina", "10|11"),
    ("Athens", "10|11"),
    ("Thessaloniki", "54"),
    ("Patra", "26"),
    ("Irakleio", "71"),
    ("Chania", "73"),
    ("Volos", "38"),
    ("Ioannina", "45"),
    ("Rodos", "85"),
    ("Kifisia", "145"),
    ("Peiraias", "185"),
]
GR_STREETS = [
    "Ermou",
    "Odos Ermou",
    "Leoforos Vasilissis Sofias",
    "Tsimiski",
    "Egnatia",
    "Akadimias",
    "Panepistimiou",
    "Mitropoleos",
    "Agias Sofias",
    "Kolokotroni",
    "Odos Adrianou",
    "Leof. Kifisias",
]
TR_PLACES = [
    ("Kadıköy", "İstanbul", "347", "Caferağa Mah.|Moda Mah.|Fenerbahçe Mah."),
    ("Beşiktaş", "İstanbul", "343", "Sinanpaşa Mah.|Levent Mah."),
    ("Üsküdar", "İstanbul", "346", "Kuzguncuk Mah.|Altunizade Mah."),
    ("Çankaya", "Ankara", "06", "Kızılay Mah.|Bahçelievler Mah."),
    ("Konak", "İzmir", "35", "Alsancak Mah.|Göztepe Mah."),
    ("Muratpaşa", "Antalya", "07", "Kaleiçi Mah.|Lara Mah."),
    ("Osmangazi", "Bursa", "16", "Çekirge Mah.|Hamitler Mah."),
    ("Tepebaşı", "Eskişehir", "26", "Hoşnudiye Mah."),
    ("Ortahisar", "Trabzon", "61", "Kemerkaya Mah."),
]
TR_STREETS = [
    "Bağdat Cad.",
    "Moda Cad.",
    "Atatürk Bulvarı",
    "Kıbrıs Şehitleri Cad.",
    "Halitağa Cad.",
    "Şair Nefi Sok.",
    "Güneşli Sok.",
    "1453. Sokak",
    "Cumhuriyet Cad.",
    "İstiklal Cad.",
    "Bahariye Cad.",
    "Gazi Mustafa Kemal Blv.",
]
RU_PLACES = [
    ("Moskva", None, "1"),
    ("Sankt-Peterburg", None, "19"),
    ("Novosibirsk", "Novosibirskaya obl.", "630"),
    ("Yekaterinburg", "Sverdlovskaya obl.", "620"),
    ("Kazan", "Respublika Tatarstan", "420"),
    ("Nizhniy Novgorod", "Nizhegorodskaya obl.", "603"),
    ("Samara", "Samarskaya obl.", "443"),
    ("Vladivostok", "Primorskiy kray", "690"),
    ("Krasnodar", "Krasnodarskiy kray", "350"),
    ("Irkutsk", "Irkutskaya obl.", "664"),
]
RU_STREETS = [
    "ul. Tverskaya",
    "Nevskiy pr.",
    "ul. Lenina",
    "ul. Bolshaya Pokrovskaya",
    "ul. Baumana",
    "Krasnyy pr.",
    "ul. Svetlanskaya",
    "per. Krivokolennyy",
    "nab. reki Fontanki",
    "ul. Krasnaya",
    "ul. Gagarina",
    "ul. Mira",
    "ul. Pushkinskaya",
    "pr. Mira",
]
RU_NATIVE = [
    ("г. Москва", "ул. Тверская|ул. Арбат|Ленинский пр-т", "1"),
    ("г. Санкт-Петербург", "Невский пр.|ул. Рубинштейна", "19"),
]
UA_PLACES = [
    ("Kyiv", None, "0"),
    ("Lviv", "Lvivska obl.", "79"),
    ("Kharkiv", "Kharkivska obl.", "61"),
    ("Odesa", "Odeska obl.", "65"),
    ("Dnipro", "Dnipropetrovska obl.", "49"),
    ("Vinnytsia", "Vinnytska obl.", "21"),
    ("Chernivtsi", "Chernivetska obl.", "58"),
    ("Poltava", "Poltavska obl.", "36"),
]
UA_STREETS = [
    "vul. Khreshchatyk",
    "prosp. Svobody",
    "vul. Sumska",
    "vul. Derybasivska",
    "vul. Velyka Vasylkivska",
    "prov. Kuznechnyi",
    "bulv. Shevchenka",
    "vul. Soborna",
    "vul. Franka",
    "vul. Hrushevskoho",
]
SE_PLACES = [
    ("Stockholm", "1"),
    ("Göteborg", "41"),
    ("Malmö", "21"),
    ("Uppsala", "75"),
    ("Lund", "22"),
    ("Umeå", "90"),
    ("Kiruna", "981"),
    ("Visby", "621"),
    ("Örebro", "70"),
]
SE_STREETS = [
    "Storgatan",
    "Drottninggatan",
    "Kungsgatan",
    "Södra Vägen",
    "Götgatan",
    "Hornsgatan",
    "Linnégatan",
    "Västra Hamngatan",
]
NO_PLACES = [
    ("Oslo", "0"),
    ("Bergen", "50"),
    ("Trondheim", "70"),
    ("Stavanger", "40"),
    ("Tromsø", "90"),
    ("Ålesund", "60"),
    ("Bodø", "80"),
]
NO_STREETS = [
    "Karl Johans gate",
    "Bygdøy allé",
    "Bryggen",
    "Kongens gate",
    "Storgata",
    "Thorvald Meyers gate",
    "Markveien",
    "Torggata",
]
DK_PLACES = [
    ("København N", "2200"),
    ("København K", "1"),
    ("København Ø", "2100"),
    ("Frederiksberg C", "1"),
    ("Aarhus C", "8000"),
    ("Odense C", "5000"),
    ("Aalborg", "9000"),
    ("Roskilde", "4000"),
    ("Esbjerg", "6700"),
]
DK_STREETS = [
    "Nørrebrogade",
    "Vesterbrogade",
    "Jægersborggade",
    "Søndergade",
    "Åboulevarden",
    "Istedgade",
    "Amagerbrogade",
    "Østerbrogade",
]
FI_PLACES = [
    ("Helsinki", "00"),
    ("Helsingfors", "00"),
    ("Espoo", "02"),
    ("Tampere", "33"),
    ("Turku", "20"),
    ("Oulu", "90"),
    ("Rovaniemi", "96"),
    ("Jyväskylä", "40"),
]
FI_STREETS = [
    "Mannerheimintie",
    "Aleksanterinkatu",
    "Hämeenkatu",
    "Yliopistonkatu",
    "Bulevardi",
    "Fredrikinkatu",
    "Kauppakatu",
]
IS_PLACES = [
    ("Reykjavík", "10"),
    ("Akureyri", "600"),
    ("Hafnarfjörður", "220"),
    ("Kópavogur", "200"),
    ("Selfoss", "800"),
    ("Ísafjörður", "400"),
]
IS_STREETS = ["Laugavegur", "Skólavörðustígur", "Hafnarstræti", "Bankastræti", "Hringbraut", "Túngata"]
UK_PLACES = [
    ("London", "E8|SW9|NW1|N1|SE15|W12", "Hackney|Brixton|Camden Town|Islington|Peckham|Shepherd's Bush", None),
    ("Manchester", "M20|M21|M14", "Didsbury|Chorlton|Fallowfield", None),
    ("Birmingham", "B13|B15", "Moseley|Edgbaston", None),
    ("Leeds", "LS6", "Headingley", "West Yorkshire"),
    ("Glasgow", "G11|G41", "Partick|Shawlands", "Scotland"),
    ("Edinburgh", "EH6|EH10", "Leith|Morningside", "Scotland"),
    ("Cardiff", "CF24|CF11", "Roath|Canton", "Wales"),
    ("Belfast", "BT7", "Ormeau", "Co. Antrim"),
    ("Bristol", "BS8|BS3", "Clifton|Bedminster", None),
    ("York", "YO1|YO10", "", "North Yorkshire"),
    ("Norwich", "NR2", "", "Norfolk"),
    ("Brighton", "BN2", "Kemptown", "East Sussex"),
    ("Oxford", "OX2", "Jericho", "Oxfordshire"),
    ("Newcastle upon Tyne", "NE6|NE2", "Heaton|Jesmond", None),
    ("Portsmouth", "PO5", "Southsea", "Hampshire"),
    ("Aberdeen", "AB10", "", "Scotland"),
    ("Inverness", "IV2", "", "Highland"),
    ("Swansea", "SA1", "Uplands", "Wales"),
    ("Bath", "BA1", "", "Somerset"),
    ("Fakenham", "NR21", "Little Snoring", "Norfolk"),
]
UK_STREETS = [
    "Albert Road",
    "Ashgrove Lane",
    "High Street",
    "Church Lane",
    "Victoria Terrace",
    "Mill Lane",
    "Kings Road",
    "Station Road",
    "Park Avenue",
    "Queen Street",
    "Clarendon Crescent",
    "The Crescent",
    "Marlborough Gardens",
    "Hawthorn Close",
    "Cathedral Walk",
    "Gloucester Place",
]
IE_PLACES = [
    ("Dublin 7", "D07", None),
    ("Dublin 8", "D08", None),
    ("Dublin 6W", "D6W", None),
    ("Cork", "T12", "Co. Cork"),
    ("Galway", "H91", "Co. Galway"),
    ("Limerick", "V94", "Co. Limerick"),
    ("Kilkenny", "R95", "Co. Kilkenny"),
    ("Kinsale", "P17", "Co. Cork"),
    ("Westport", "F28", "Co. Mayo"),
    ("Dingle", "V92", "Co. Kerry"),
    ("Sligo", "F91", "Co. Sligo"),
]
IE_STREETS = [
    "Bow Street",
    "Main Street",
    "Shop Street",
    "O'Connell Street",
    "Patrick Street",
    "Quay Street",
    "The Mall",
    "Dominick Street",
    "Green Street",
    "Strand Street",
]
US_PLACES = [
    ("Springfield", "IL", "Illinois", "627"),
    ("Portland", "OR", "Oregon", "972"),
    ("Austin", "TX", "Texas", "787"),
    ("Tulsa", "OK", "Oklahoma", "741"),
    ("Boise", "ID", "Idaho", "837"),
    ("Burlington", "VT", "Vermont", "054"),
    ("Savannah", "GA", "Georgia", "314"),
    ("Ann Arbor", "MI", "Michigan", "481"),
    ("Asheville", "NC", "North Carolina", "288"),
    ("Santa Fe", "NM", "New Mexico", "875"),
    ("Duluth", "MN", "Minnesota", "558"),
    ("Brooklyn", "NY", "New York", "112"),
    ("Oakland", "CA", "California", "946"),
    ("Honolulu", "HI", "Hawaii", "968"),
    ("Anchorage", "AK", "Alaska", "995"),
    ("Missoula", "MT", "Montana", "598"),
    ("Madison", "WI", "Wisconsin", "537"),
    ("Providence", "RI", "Rhode Island", "029"),
    ("Tucson", "AZ", "Arizona", "857"),
    ("Pittsburgh", "PA", "Pennsylvania", "152"),
    ("Lubbock", "TX", "Texas", "794"),
]
US_STREETS = [
    "Maple Ave",
    "Oak Street",
    "Elm St",
    "Pine Ridge Rd",
    "Martin Luther King Jr Blvd",
    "Broadway",
    "W 4th St",
    "Cedar Lane",
    "Lakeshore Dr",
    "N Main St",
    "Sunset Blvd",
    "Washington Ave",
    "Riverside Dr",
    "E 7th Street",
    "Hillcrest Road",
]
CA_PLACES = [
    ("Toronto", "ON", "Ontario", "M"),
    ("Montréal", "QC", "Québec", "H"),
    ("Vancouver", "BC", "British Columbia", "V"),
    ("Calgary", "AB", "Alberta", "T"),
    ("Ottawa", "ON", "Ontario", "K"),
    ("Halifax", "NS", "Nova Scotia", "B"),
    ("Winnipeg", "MB", "Manitoba", "R"),
    ("Québec", "QC", "Québec", "G"),
    ("Victoria", "BC", "British Columbia", "V"),
    ("Saskatoon", "SK", "Saskatchewan", "S"),
    ("St. John's", "NL", "Newfoundland and Labrador", "A"),
    ("Yellowknife", "NT", "Northwest Territories", "X"),
]
CA_STREETS = [
    "King St W",
    "rue Sherbrooke Ouest",
    "Granville St",
    "17 Ave SW",
    "Spring Garden Rd",
    "Portage Ave",
    "rue Saint-Denis",
    "Bank St",
    "Jasper Ave",
    "Queen St E",
    "Water St",
    "boulevard Saint-Laurent",
]
AU_PLACES = [
    ("Surry Hills", "NSW", "2010"),
    ("Newtown", "NSW", "2042"),
    ("Bondi", "NSW", "2026"),
    ("Sydney", "NSW", "2000"),
    ("Fitzroy", "VIC", "3065"),
    ("Carlton", "VIC", "3053"),
    ("St Kilda", "VIC", "3182"),
    ("Fortitude Valley", "QLD", "4006"),
    ("West End", "QLD", "4101"),
    ("Fremantle", "WA", "6160"),
    ("Subiaco", "WA", "6008"),
    ("Norwood", "SA", "5067"),
    ("Battery Point", "TAS", "7004"),
    ("Darwin", "NT", "0800"),
    ("Braddon", "ACT", "2612"),
]
AU_STREETS = [
    "Smith Street",
    "George St",
    "Brunswick St",
    "Oxford St",
    "King William St",
    "Hay St",
    "Salamanca Pl",
    "Lonsdale St",
    "Chapel St",
    "Beach Rd",
    "Marine Parade",
    "Crown St",
    "Lygon Street",
]
NZ_PLACES = [
    ("Ponsonby", "Auckland", "1011"),
    ("Grey Lynn", "Auckland", "1021"),
    ("Devonport", "Auckland", "0624"),
    ("Te Aro", "Wellington", "6011"),
    ("Kelburn", "Wellington", "6012"),
    ("Riccarton", "Christchurch", "8011"),
    ("Sumner", "Christchurch", "8081"),
    ("North Dunedin", "Dunedin", "9016"),
    ("Hamilton East", "Hamilton", "3216"),
    ("", "Queenstown", "9300"),
    ("", "Nelson", "7010"),
    ("", "Rotorua", "3010"),
    ("", "Napier", "4110"),
]
NZ_STREETS = [
    "Ponsonby Road",
    "Cuba Street",
    "Karangahape Road",
    "Riccarton Road",
    "George Street",
    "Tinakori Road",
    "Victoria Avenue",
    "Hardy Street",
    "Marine Parade",
    "Shotover Street",
]
ZA_PLACES = [
    ("Cape Town", "Gardens|Sea Point|Observatory", "8001|8005|7925", "Western Cape"),
    ("Johannesburg", "Melville|Braamfontein", "2092|2001", "Gauteng"),
    ("Sandton", "Sandhurst|Morningside", "2196|2057", "Gauteng"),
    ("Durban", "Morningside|Umhlanga", "4001|4319", "KwaZulu-Natal"),
    ("Pretoria", "Hatfield|Brooklyn", "0083|0181", "Gauteng"),
    ("Gqeberha", "Summerstrand", "6001", "Eastern Cape"),
    ("Stellenbosch", "Die Boord", "7600", "Western Cape"),
    ("Bloemfontein", "Westdene", "9301", "Free State"),
]
ZA_STREETS = [
    "Long Street",
    "Bree Street",
    "Rivonia Rd",
    "Florida Road",
    "Jan Smuts Avenue",
    "Main Road",
    "Kloof Street",
    "7th Street",
    "Burnett Street",
    "Dorp Street",
    "Beach Road",
]
NG_PLACES = [
    ("Lagos", "Victoria Island|Ikoyi|Lekki Phase 1|Yaba|Surulere|Ikeja GRA", "Lagos State", "10"),
    ("Abuja", "Wuse II|Maitama|Garki|Asokoro", "FCT", "90"),
    ("Ibadan", "Bodija|Ring Road", "Oyo State", "20"),
    ("Enugu", "Independence Layout|GRA", "Enugu State", "40"),
    ("Port Harcourt", "GRA Phase 2|D-Line", "Rivers State", "50"),
    ("Kano", "Nassarawa GRA|Bompai", "Kano State", "70"),
    ("Benin City", "GRA", "Edo State", "30"),
]
NG_STREETS = [
    "Adeola Odeku Street",
    "Awolowo Road",
    "Admiralty Way",
    "Aminu Kano Crescent",
    "Herbert Macaulay Way",
    "Ogui Road",
    "Aba Road",
    "Bompai Road",
    "Ring Road",
    "Adetokunbo Ademola Crescent",
    "Allen Avenue",
    "Ahmadu Bello Way",
]
KE_PLACES = [
    ("Nairobi", "Westlands|Kilimani|Karen|Lavington|Kileleshwa|Parklands", "00100|00502|00606|00800", "Nairobi County"),
    ("Mombasa", "Nyali|Old Town", "80100", "Mombasa County"),
    ("Kisumu", "Milimani", "40100", "Kisumu County"),
    ("Nakuru", "Milimani|Section 58", "20100", "Nakuru County"),
    ("Eldoret", "Elgon View", "30100", "Uasin Gishu County"),
    ("Nyeri", "Ruring'u", "10100", "Nyeri County"),
]
KE_STREETS = [
    "Riverside Drive",
    "Moi Avenue",
    "Argwings Kodhek Road",
    "Ngong Road",
    "Kenyatta Avenue",
    "Oginga Odinga Street",
    "Nyali Road",
    "Waiyaki Way",
    "Lenana Road",
    "Kenyatta Highway",
]
EG_PLACES = [
    ("Cairo", "Zamalek|Maadi|Heliopolis|Nasr City|Garden City", "11"),
    ("Giza", "Dokki|Mohandessin|Haram", "12"),
    ("Alexandria", "Smouha|Sidi Gaber|Roushdy|Stanley", "21"),
    ("Luxor", "", "85"),
    ("Mansoura", "", "35"),
    ("Aswan", "", "81"),
]
EG_STREETS = [
    "26th of July Street",
    "Road 9",
    "Tahrir Street",
    "El Horreya Road",
    "Abu Qir Street",
    "Gameat El Dowal El Arabeya Street",
    "Corniche El Nil",
    "Shehab Street",
    "Baghdad Street",
    "Mohamed Mazhar Street",
    "Road 233",
]
IL_PLACES = [
    ("Tel Aviv-Yafo", "6"),
    ("Tel Aviv", "6"),
    ("Jerusalem", "9"),
    ("Haifa", "3"),
    ("Be'er Sheva", "84"),
    ("Herzliya", "46"),
    ("Ra'anana", "43"),
    ("Netanya", "42"),
    ("Eilat", "88"),
]
IL_STREETS = [
    "Dizengoff St",
    "Rothschild Blvd",
    "Rehov Yaffo",
    "Herzl St",
    "Ibn Gabirol St",
    "Emek Refaim",
    "HaNevi'im St",
    "Sheinkin St",
    "Derech HaShalom",
    "Rehov Ahuza",
    "Sderot Ben Gurion",
    "Moriah Ave",
]
AE_PLACES = [
    ("Dubai", "Al Barsha 2|Dubai Marina|Jumeirah 1|Deira|Business Bay|JLT Cluster D|Al Quoz 3"),
    ("Abu Dhabi", "Al Khalidiya|Al Reem Island|Khalifa City A|Al Mushrif"),
    ("Sharjah", "Al Majaz 2|Al Nahda|Muwaileh"),
    ("Ajman", "Al Nuaimiya 1"),
    ("Ras Al Khaimah", "Al Nakheel"),
    ("Al Ain", "Al Jimi"),
]
AE_BLDG = [
    "Marina Heights Tower",
    "Al Fattan Tower",
    "Bay Square Building 4",
    "Al Khalidiya Tower",
    "Sun Tower",
    "Golden Sands 3",
    "Al Majaz Pearl",
    "Executive Tower B",
]
PH_PLACES = [
    ("Taguig City", "Bonifacio Global City|Fort Bonifacio", "1634", "Metro Manila|NCR"),
    ("Makati City", "Poblacion|Bel-Air|Legazpi Village", "1210|1209|1229", "Metro Manila|NCR"),
    ("Quezon City", "Diliman|Cubao|Teachers Village", "1101|1109", "Metro Manila"),
    ("Cebu City", "Lahug|Banilad", "6000", "Cebu"),
    ("Davao City", "Poblacion|Matina", "8000", "Davao del Sur"),
    ("Cainta", "Brgy. San Isidro|Brgy. San Juan", "1900", "Rizal"),
    ("Baguio City", "Camp 7|Legarda", "2600", "Benguet"),
    ("Iloilo City", "Jaro|Molo", "5000", "Iloilo"),
]
PH_STREETS = [
    "Jupiter St",
    "Gorordo Ave",
    "Katipunan Ave",
    "Kalayaan Ave",
    "Session Road",
    "Gen. Luna St",
    "Rizal St",
    "Mabini St",
    "P. Burgos St",
    "11th Ave",
    "Escolta St",
    "Roxas Blvd",
]
ID_PLACES = [
    ("Jakarta Selatan", "Kel. Senayan, Kec. Kebayoran Baru|Kel. Bangka, Kec. Mampang Prapatan", "12", "DKI Jakarta"),
    ("Jakarta Pusat", "Kel. Menteng, Kec. Menteng|Kel. Gondangdia", "10", "DKI Jakarta"),
    ("Bandung", "Kec. Coblong|Dago", "40", "Jawa Barat"),
    ("Surabaya", "Kec. Gubeng|Darmo", "60", "Jawa Timur"),
    ("Yogyakarta", "Kec. Gondokusuman|Prawirotaman", "55", "DI Yogyakarta"),
    ("Denpasar", "Renon|Sanur", "80", "Bali"),
    ("Ubud, Gianyar", "Desa Peliatan", "805", "Bali"),
    ("Medan", "Kec. Medan Baru", "20", "Sumatera Utara"),
    ("Makassar", "Kec. Panakkukang", "90", "Sulawesi Selatan"),
    ("Malang", "Kec. Klojen", "65", "Jawa Timur"),
]
ID_STREETS = [
    "Jl. Sudirman",
    "Jl. Malioboro",
    "Jl. Raya Ubud",
    "Jl. Dago",
    "Jl. Kemang Raya",
    "Jl. Diponegoro",
    "Jl. Gajah Mada",
    "Jl. Pemuda",
    "Jl. Ir. H. Juanda",
    "Jl. Cendrawasih",
    "Jl. Hayam Wuruk",
    "Jl. Pattimura",
]
VN_PLACES = [
    (
        "Hà Nội",
        None,
        "Quận Hoàn Kiếm|Quận Ba Đình|Quận Hai Bà Trưng|Quận Cầu Giấy",
        "Phường Hàng Bạc|Phường Phạm Đình Hổ|Phường Dịch Vọng",
        "10",
    ),
    (
        "TP. Hồ Chí Minh",
        None,
        "Quận 1|Quận 3|Quận Bình Thạnh|TP. Thủ Đức",
        "Phường Bến Nghé|Phường 6|Phường Võ Thị Sáu",
        "70",
    ),
    ("Đà Nẵng", None, "Quận Hải Châu|Quận Sơn Trà", "Phường Thạch Thang|Phường An Hải Bắc", "55"),
    ("TP. Huế", "Thừa Thiên Huế", "", "Phường Vĩnh Ninh|Phường Phú Hội", "49"),
    ("Hội An", "Quảng Nam", "", "Phường Minh An|Phường Cẩm Phô", "51"),
    ("Đà Lạt", "Lâm Đồng", "", "Phường 1|Phường 8", "66"),
    ("Nha Trang", "Khánh Hòa", "", "Phường Lộc Thọ|Phường Tân Lập", "65"),
]
VN_STREETS = [
    "Phố Huế",
    "Nguyễn Huệ",
    "Lê Lợi",
    "Hàng Bạc",
    "Trần Hưng Đạo",
    "Điện Biên Phủ",
    "Bạch Đằng",
    "Lý Thường Kiệt",
    "Hai Bà Trưng",
    "Phan Chu Trinh",
    "Trần Phú",
]
TH_PLACES = [
    (
        "Bangkok",
        None,
        "Khlong Toei Nuea, Watthana|Silom, Bang Rak|Chatuchak, Chatuchak|Samsen Nai, Phaya Thai|Khlong Tan Nuea, Watthana",
        "10",
    ),
    ("Mueang Chiang Mai", "Chiang Mai", "Suthep|Si Phum|Chang Khlan", "50"),
    ("Kathu", "Phuket", "Patong|Kamala", "83"),
    ("Mueang Khon Kaen", "Khon Kaen", "Nai Mueang|Sila", "40"),
    ("Hua Hin", "Prachuap Khiri Khan", "Hua Hin|Nong Kae", "77"),
    ("Bang Lamung", "Chon Buri", "Nong Prue|Na Kluea", "20"),
]
TH_STREETS = [
    "Soi Sukhumvit 31",
    "Nimmanhaemin Rd",
    "Soi Thong Lo 10",
    "Silom Rd",
    "Rat-U-Thit 200 Pi Rd",
    "Phahonyothin Rd",
    "Soi Ari 4",
    "Thanon Mittraphap",
    "Naresuan Rd",
    "Soi Buakhao",
    "Charoen Krung Rd",
]

ADDR_CCS = CCS + ["MIX", "MIX", "FULL"]

STREETS = {
    "BR": BR_STREETS,
    "MX": MX_STREETS,
    "AR": AR_STREETS,
    "CL": CL_STREETS,
    "PE": PE_STREETS,
    "ES": ES_STREETS,
    "PT": PT_STREETS,
    "FR": FR_STREETS,
    "BE": BE_STREETS,
    "NL": NL_STREETS,
    "DE": DE_STREETS,
    "AT": AT_STREETS,
    "CH": CH_STREETS,
    "IT": IT_STREETS,
    "PL": PL_STREETS,
    "CZ": CZ_STREETS,
    "HU": HU_STREETS,
    "RO": RO_STREETS,
    "GR": GR_STREETS,
    "TR": TR_STREETS,
    "RU": RU_STREETS,
    "UA": UA_STREETS,
    "SE": SE_STREETS,
    "NO": NO_STREETS,
    "DK": DK_STREETS,
    "FI": FI_STREETS,
    "IS": IS_STREETS,
    "UK": UK_STREETS,
    "IE": IE_STREETS,
    "US": US_STREETS,
    "CA": CA_STREETS,
    "AU": AU_STREETS,
    "NZ": NZ_STREETS,
    "ZA": ZA_STREETS,
    "NG": NG_STREETS,
    "KE": KE_STREETS,
    "EG": EG_STREETS,
    "IL": IL_STREETS,
    "PH": PH_STREETS,
    "ID": ID_STREETS,
    "VN": VN_STREETS,
    "TH": TH_STREETS,
    "IN": IN_ROADS,
}
NUM_FIRST = {"UK", "IE", "US", "CA", "AU", "NZ", "ZA", "NG", "KE", "EG", "PH", "FR", "VN", "TH", "IN", "CN", "KR"}

# national ID numbers: cc -> (label words, pattern); '#' digit, '@' capital letter
NAT_ID = {
    "US": ("SSN", "###-##-####"),
    "UK": ("National Insurance number", "@@ ## ## ## @"),
    "IE": ("PPS number", "#######@"),
    "DE": ("Steuer-ID", "## ### ### ###"),
    "ES": ("DNI", "########@"),
    "IT": ("codice fiscale", "@@@@@@##@##@###@"),
    "BR": ("CPF", "###.###.###-##"),
    "MX": ("CURP", "@@@@######@@@@@@##"),
    "IN": ("Aadhaar", "#### #### ####"),
    "ZA": ("ID number", "#############"),
    "KE": ("ID no.", "########"),
    "NG": ("NIN", "###########"),
    "SE": ("personnummer", "######-####"),
    "NO": ("fødselsnummer", "###########"),
    "DK": ("CPR", "######-####"),
    "FI": ("henkilötunnus", "######-###@"),
    "CN": ("ID card no.", "#################@"),
    "JP": ("My Number", "#### #### ####"),
    "KR": ("resident registration no.", "######-#######"),
    "PL": ("PESEL", "###########"),
    "NL": ("BSN", "#########"),
    "FR": ("numéro de sécurité sociale", "# ## ## ## ### ### ##"),
    "TR": ("T.C. Kimlik No", "###########"),
    "IL": ("Teudat Zehut", "#########"),
    "AE": ("Emirates ID", "784-####-#######-#"),
    "PH": ("PhilSys no.", "####-####-####-####"),
    "CA": ("SIN", "### ### ###"),
    "AU": ("TFN", "### ### ###"),
    "AR": ("DNI", "##.###.###"),
    "CL": ("RUT", "##.###.###-#"),
    "CO": ("cédula", "##.###.###"),
    "PE": ("DNI", "########"),
    "PT": ("NIF", "#########"),
    "BE": ("rijksregisternummer", "##.##.##-###.##"),
    "AT": ("SV-Nummer", "#### ######"),
    "CH": ("AHV-Nr.", "756.####.####.##"),
    "RO": ("CNP", "#############"),
    "GR": ("AFM", "#########"),
    "CZ": ("rodné číslo", "######/####"),
    "HU": ("TAJ", "### ### ###"),
    "RU": ("INN", "############"),
    "UA": ("RNOKPP", "##########"),
    "IS": ("kennitala", "######-####"),
    "NZ": ("IRD number", "###-###-###"),
    "EG": ("national ID", "##############"),
    "ID": ("NIK", "################"),
    "VN": ("CCCD", "############"),
    "TH": ("ID card", "# #### ##### ## #"),
}
PLATES = {
    "UK": "@@## @@@",
    "DE": "@-@@ ####",
    "FR": "@@-###-@@",
    "NL": "##-@@@-#",
    "US": "#@@@###",
    "IT": "@@ ###@@",
    "ES": "#### @@@",
    "PL": "@@ #####",
    "BR": "@@@#@##",
    "IN": "@@ ## @@ ####",
    "KE": "K@@ ###@",
    "ZA": "@@ ###-###",
    "AU": "@@@-###",
    "CH": "ZH ######",
    "AT": "W-#####@",
    "SE": "@@@ ##@",
    "NO": "@@ #####",
    "DK": "@@ ## ###",
    "FI": "@@@-###",
    "IE": "##-D-#####",
    "PT": "##-@@-##",
    "BE": "1-@@@-###",
    "CA": "@@@@ ###",
    "NZ": "@@@###",
    "TH": "#กข ####",
    "PH": "@@@ ####",
    "ID": "B #### @@@",
    "JP": "品川 300 あ ##-##",
    "KR": "##가 ####",
    "RU": "@###@@ 77",
    "UA": "@@####@@",
    "TR": "34 @@ ####",
    "MX": "@@@-###-@",
    "AR": "@@ ### @@",
    "CL": "@@@@-##",
    "CO": "@@@-###",
    "NG": "LSD ###@@",
    "AE": "Dubai @ #####",
    "IL": "###-##-###",
    "EG": "### @@@",
    "GR": "@@@-####",
    "HU": "@@@-###",
    "CZ": "#@# ####",
    "RO": "B ### @@@",
}
COURIER_TRACK = {
    "DHL": "JJD##############",
    "FedEx": "############",
    "UPS": "1Z###@@@##########",
    "Royal Mail": "@@#########GB",
    "Correios": "@@#########BR",
    "Canada Post": "################",
    "Australia Post": "@@@#########",
    "PostNL": "3S@@@#########",
    "La Poste": "6A###########",
    "Deutsche Post": "RR#########DE",
    "Poczta Polska": "(00)##########00######",
    "Yamato Transport": "####-####-####",
    "Aramex": "###########",
}
IBAN_LEN = {
    "DE": 22,
    "AT": 20,
    "CH": 21,
    "FR": 27,
    "BE": 16,
    "NL": 18,
    "ES": 24,
    "PT": 25,
    "IT": 27,
    "PL": 28,
    "CZ": 24,
    "HU": 28,
    "RO": 24,
    "GR": 27,
    "TR": 26,
    "SE": 24,
    "NO": 15,
    "DK": 18,
    "FI": 18,
    "GB": 22,
    "IE": 22,
    "IL": 23,
    "AE": 23,
    "BR": 29,
}
TITLES = {
    "en": ["Mr", "Mrs", "Ms", "Dr", "Dr.", "Mr.", "Mrs.", "Prof.", "Miss"],
    "de": ["Herr", "Frau", "Dr."],
    "es": ["Sr.", "Sra.", "Dña.", "Dr."],
    "pt": ["Sr.", "Sra.", "Dra."],
    "fr": ["M.", "Mme", "Dr"],
    "it": ["Sig.", "Sig.ra", "Dott."],
    "nl": ["Dhr.", "Mevr."],
    "pl": ["Pan", "Pani"],
}
NICKS = [
    "Bex",
    "Jonno",
    "Mo",
    "Tash",
    "Lexi",
    "Gabi",
    "Pedrito",
    "Sanjay",
    "Kiki",
    "Toño",
    "Nacho",
    "Liesl",
    "Fifi",
    "Sasha",
    "Dima",
    "Vova",
    "Lupe",
    "Chuy",
    "Benji",
    "Tomek",
    "Kuba",
    "Gosia",
    "Jo",
    "Rafa",
    "Mimi",
]
VN_MID = ["Văn", "Thị", "Đức", "Minh", "Ngọc", "Thanh", "Hữu"]
YEAR_LO, YEAR_HI = 1921, 2026


class Person:
    def __init__(self, first, last, cc, fam_first=False):
        self.first = first
        self.last = last
        self.cc = cc
        self.full = (last + " " + first) if fam_first else (first + " " + last)


# --------------------------------------------------------------------------
# the generator
# --------------------------------------------------------------------------


class Gen:
    def __init__(self, seed):
        self.seed = seed
        self.r = random.Random(seed)
        self._fk = {}

    # ---- randomness helpers
    def fk(self, loc):
        f = self._fk.get(loc)
        if f is None:
            f = Faker(loc)
            f.seed_instance(int(hashlib.sha256(("%s:%s" % (self.seed, loc)).encode()).hexdigest()[:12], 16))
            self._fk[loc] = f
        return f

    def c(self, seq):
        return self.r.choice(seq)

    def p(self, prob):
        return self.r.random() < prob

    def w(self, s):
        return self.r.choice(split_w(s))

    def ri(self, a, b):
        return self.r.randint(a, b)

    def pat(self, s):
        out = []
        for ch in s:
            if ch == "#":
                out.append(str(self.r.randint(0, 9)))
            elif ch == "@":
                out.append(self.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
            elif ch == "?":
                out.append(self.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"))
            else:
                out.append(ch)
        return "".join(out)

    def fill(self, prefix, n):
        """prefix + random digits up to n characters."""
        return prefix + "".join(str(self.r.randint(0, 9)) for _ in range(max(0, n - len(prefix))))

    def cc(self, pool=None):
        return self.c(pool or CCS)

    def hn(self):
        x = self.r.random()
        if x < 0.6:
            return str(self.ri(1, 99))
        if x < 0.9:
            return str(self.ri(100, 399))
        return str(self.ri(400, 2999))

    # ---- countries / regions
    def country(self, cc, native=None):
        en, other, _, _, _ = COUNTRY[cc]
        if native is None:
            native = self.p(0.35)
        return self.w(other) if native else en

    def nationality(self, cc):
        return COUNTRY[cc][2]

    def town(self, cc):
        t = self.c(TOWNS[cc])
        return t[0], (t[1] if len(t) > 1 else None)

    def district(self, cc=None):
        if cc is None or cc not in DISTRICTS:
            cc = self.c(sorted(DISTRICTS))
        return self.c(DISTRICTS[cc]), cc

    def venue(self, kind=None):
        kind = kind or self.c(["hospital", "hotel", "park", "station", "misc", "church", "school", "cafe", "library"])
        if kind == "hospital":
            return self.c(HOSPITALS)
        if kind == "hotel":
            return self.c(HOTELS)
        if kind == "park":
            return self.c(PARKS)
        if kind == "station":
            return self.c(STATIONS)
        if kind == "misc":
            return self.c(MISC_VENUES)
        if kind == "church":
            return self.c(
                [
                    "St %s's Church" % self.c(SAINTS),
                    "St. %s's Cathedral" % self.c(SAINTS),
                    "Iglesia de %s" % self.c(SANTOS),
                    "Igreja de %s" % self.c(SANTOS),
                    "Holy Trinity Church",
                    "St %s's Parish Church" % self.c(SAINTS),
                ]
            )
        if kind == "school":
            return self.c(
                [
                    "St %s's Primary School" % self.c(SAINTS),
                    "Greenfield Academy",
                    "Colegio %s" % self.c(SANTOS),
                    "Riverside High School",
                    "Escola Básica de %s" % self.c(["Alvalade", "Benfica", "Campanhã"]),
                    "Lycée Victor Hugo",
                    "Goethe-Gymnasium",
                    "Oakwood Primary",
                    "Nairobi School",
                    "Kings College Lagos",
                    "Liceo Scientifico Galileo Galilei",
                ]
            )
        if kind == "cafe":
            return self.c(
                [
                    "Café Central",
                    "the Blue Door Café",
                    "Kaffeehaus Sperl",
                    "Café de Flore",
                    "Bar Italia",
                    "the Corner Bakery",
                    "Café Tortoni",
                    "Kissa Hibari",
                    "Java House Westlands",
                    "Café Pushkin",
                    "The Little Teapot",
                    "Koffie Kamer",
                ]
            )
        return self.c(
            [
                "the Central Library",
                "Biblioteca Nacional",
                "Stadtbibliothek Mitte",
                "the Carnegie Library",
                "Bibliothèque Sainte-Geneviève",
                "the John Rylands Library",
                "Leeds Central Library",
                "Bibliotheca Alexandrina",
                "Oodi library",
            ]
        )

    # ---- names
    def person(self, cc=None, female=None):
        cc = cc or self.cc()
        src = self.w(COUNTRY[cc][3])
        if female is None:
            female = self.p(0.5)
        fam_first = False
        if src in OWN_NAMES:
            if src == "ru":
                if female:
                    first = self.c(OWN_NAMES["ru_f"][0])
                    last = self.c(OWN_NAMES["ru"][1])
                    last = last[:-1] + "aya" if last.endswith("y") else last + "a"
                else:
                    first, last = self.c(OWN_NAMES["ru"][0]), self.c(OWN_NAMES["ru"][1])
            else:
                first, last = self.c(OWN_NAMES[src][0]), self.c(OWN_NAMES[src][1])
            if src in ("jp", "kr", "cn"):
                fam_first = self.p(0.3)
            if src == "vi":
                first = self.c(VN_MID) + " " + first
                fam_first = True
        else:
            f = self.fk(src)
            try:
                first = f.first_name_female() if female else f.first_name_male()
            except AttributeError:
                first = f.first_name()
            last = f.last_name()
        first = " ".join(first.split())
        last = " ".join(last.split())
        return Person(first, last, cc, fam_first)

    def name_form(self, pp, form=None):
        form = form or self.c(["full"] * 6 + ["first"] * 3 + ["init", "full_mid"])
        if form == "first":
            return pp.first
        if form == "last":
            return pp.last
        if form == "init":
            return "%s. %s" % (fold(pp.first)[0].upper(), pp.last)
        if form == "full_mid" and pp.cc in ("US", "UK", "CA", "AU", "NZ", "IE", "ZA"):
            return "%s %s. %s" % (pp.first, self.c("ABCDEFGHJKLMNPRSTW"), pp.last)
        return pp.full

    def title(self, cc):
        return self.c(TITLES.get(CC_LANG.get(cc, "en"), TITLES["en"]))

    # ---- contact details
    def phone(self, cc):
        return self.pat(self.c(PHONES.get(cc, PHONES["US"])))

    def _slug(self, s):
        return re.sub(r"[^a-z0-9]", "", fold(s).lower())

    def email(self, pp=None, cc=None):
        cc = cc or (pp.cc if pp else self.cc())
        doms = MAIL_DOMAINS.get(cc, []) + GENERIC_DOMAINS[:3]
        dom = self.c(doms) if self.p(0.7) else self.c(GENERIC_DOMAINS)
        if pp is None:
            pp = self.person(cc)
        f, l = self._slug(pp.first) or "x", self._slug(pp.last) or "y"
        local = self.c(
            [
                f + "." + l,
                f + l,
                f[0] + l,
                f + "_" + l,
                l + "." + f,
                f + str(self.ri(1, 99)),
                f + "." + l + str(self.ri(70, 99)),
                f[0] + "." + l,
                l + f[0],
            ]
        )
        return local + "@" + dom

    def handle(self, pp):
        f, l = self._slug(pp.first) or "x", self._slug(pp.last) or "y"
        return self.c(
            [f + "_" + l, f + l, f + "." + l, l + f[:3], f + str(self.ri(1, 999)), "the" + f, f + "_" + l[:3]]
        )

    def url(self, pp=None):
        pp = pp or self.person()
        h = self.handle(pp)
        f, l = self._slug(pp.first) or "x", self._slug(pp.last) or "y"
        return self.c(
            [
                "https://www.linkedin.com/in/%s-%s-%s" % (f, l, self.pat("##?#?#")),
                "linkedin.com/in/%s%s" % (f, l),
                "instagram.com/%s" % h,
                "https://www.instagram.com/%s/" % h,
                "https://github.com/%s" % h.replace(".", "-"),
                "https://%s%s.com" % (f, l),
                "www.%s-%s.net" % (f, l),
                "https://%s.wordpress.com" % h.replace("_", "").replace(".", ""),
                "https://t.me/%s" % h.replace(".", "_"),
                "facebook.com/%s" % h,
                "https://x.com/%s" % h.replace(".", "_"),
                "https://%s.substack.com" % (f + l),
                "https://www.tiktok.com/@%s" % h,
            ]
        )

    def ip(self):
        if self.p(0.15):
            return "2001:db8:%x:%x::%x" % (self.ri(0, 65535), self.ri(0, 65535), self.ri(1, 65535))
        a = self.c([10, 172, 192, 81, 85, 91, 41, 102, 196, 200, 203, 114, 62, 89, 5, 37, 151, 177, 186, 213])
        if a == 192:
            return "192.168.%d.%d" % (self.ri(0, 20), self.ri(2, 254))
        return "%d.%d.%d.%d" % (a, self.ri(0, 255), self.ri(0, 255), self.ri(1, 254))

    # ---- ID numbers
    def iban(self, cc):
        icc = COUNTRY[cc][4] or "DE"
        bban = self.fill("", IBAN_LEN[icc] - 4)
        if icc in ("NL", "GB", "IE"):
            bban = self.pat("@@@@") + bban[4:]
        num = "".join(str(int(ch, 36)) for ch in bban + icc + "00")
        iban = icc + "%02d" % (98 - int(num) % 97) + bban
        if self.p(0.6):
            iban = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def card(self):
        digits = [int(x) for x in self.c(["4", "51", "52", "55", "37"])]
        n = 15 if digits[0] == 3 else 16
        while len(digits) < n - 1:
            digits.append(self.ri(0, 9))
        tot = 0
        for i, dg in enumerate(reversed(digits)):
            if i % 2 == 0:
                dg *= 2
                if dg > 9:
                    dg -= 9
            tot += dg
        digits.append((10 - tot % 10) % 10)
        s = "".join(map(str, digits))
        if n == 15:
            return s[:4] + " " + s[4:10] + " " + s[10:]
        sep = self.c([" ", "-", " ", ""])
        return sep.join(s[i : i + 4] for i in range(0, 16, 4))

    def natid(self, cc):
        lab, patt = NAT_ID.get(cc, NAT_ID["US"])
        return lab, self.pat(patt)

    def passport(self, cc):
        return self.pat(self.c(["@########", "@@#######", "#########", "@#######", "@@######"]))

    def plate(self, cc):
        return self.pat(PLATES.get(cc, "@@@ ###"))

    def tracking(self, courier=None):
        courier = courier or self.c(COURIERS)
        return courier, self.pat(COURIER_TRACK.get(courier, "@@#########"))

    def ref(self, kind):
        pats = {
            "order": ["#########", "###-#######-#######", "A##-###-####", "ORD-######", "#@##@###", "WEB######"],
            "booking": ["@@@@@@", "@?@?@?", "##########", "BKG-#####", "HMA##?###"],
            "policy": ["POL-####-######", "@@#########", "####/######/##", "P-######-@"],
            "claim": ["CLM-#######", "##-#####-@", "C#########", "CL/####/#####"],
            "member": ["M-######", "#######", "@@-#####", "MEM#####"],
            "account": ["########", "###-######-#", "ACC-#######", "#### #### ####"],
            "serial": ["SN@@##?###??", "@##@@####", "C02@@##@@@##", "R58@###?@@@", "####@@?#####"],
            "licence": ["@@@@@######@@#@@", "@#######", "B###-####-####", "DL ## ########", "#########"],
            "patient": ["MRN ########", "########", "@@######", "###-###-####"],
            "chip": ["###############", "985 ### ### ### ###"],
            "ticket": ["@@-####", "#######", "TCK-#####"],
        }
        return self.pat(self.c(pats[kind]))

    def age90(self):
        return str(self.c([90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105]))

    def young_age(self):
        return str(self.ri(2, 88))

    # ---- dates
    def ymd(self, lo=None, hi=None):
        y = self.ri(lo or YEAR_LO, hi or YEAR_HI)
        m = self.ri(1, 12)
        d = self.ri(1, 28) if m == 2 else self.ri(1, 30 if m in (4, 6, 9, 11) else 31)
        return y, m, d

    @staticmethod
    def ordn(d):
        if 10 <= d % 100 <= 20:
            return "%dth" % d
        return "%d%s" % (d, {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))

    def weekday(self, y, m, d):
        return WEEKDAYS[datetime.date(y, m, d).weekday()]

    def date(self, cc=None, year=None, style=None, recent=False, ymd=None):
        """A date string (always a DATE span).  year: True/False/None (random)."""
        y, m, d = ymd or (self.ymd(2015, 2026) if recent else self.ymd())
        if year is None:
            year = self.p(0.6)
        mon = MONTHS["en"][m - 1]
        ab = MON_ABBR[m - 1]
        lang = CC_LANG.get(cc)
        if style is None:
            if lang and self.p(0.3):
                style = "native"
            else:
                style = self.c(
                    [
                        "dmy_long",
                        "mdy_long",
                        "dmy_long",
                        "mon_d",
                        "d_mon",
                        "ord",
                        "ord_of",
                        "num",
                        "num",
                        "iso",
                        "abbr",
                        "mon_year",
                        "ord_mon",
                    ]
                )
        if style == "native" and not lang:
            style = "dmy_long"
        if style == "native":
            nm = MONTHS[lang][m - 1]
            if lang in ("es", "pt"):
                s = "%d de %s" % (d, nm) + (" de %d" % y if year else "")
            elif lang in ("de",):
                s = "%d. %s" % (d, nm) + (" %d" % y if year else "")
            elif lang == "fr":
                s = ("1er" if d == 1 else str(d)) + " " + nm + (" %d" % y if year else "")
            else:
                s = "%d %s" % (d, nm) + (" %d" % y if year else "")
            return s
        if style == "dmy_long":
            return ("%d %s %d" % (d, mon, y)) if year else ("%d %s" % (d, mon))
        if style == "mdy_long":
            return ("%s %d, %d" % (mon, d, y)) if year else ("%s %d" % (mon, d))
        if style == "mon_d":
            return ("%s %d %d" % (ab, d, y)) if year else self.c(["%s %d" % (ab, d), "%s. %d" % (ab, d)])
        if style == "d_mon":
            return ("%d %s %d" % (d, ab, y)) if year else ("%d %s" % (d, ab))
        if style == "ord":
            return self.c(
                ["%s %s" % (self.ordn(d), mon), "%s %s" % (mon, self.ordn(d)), "%s %s" % (ab, self.ordn(d))]
            ) + (" %d" % y if year and self.p(0.5) else "")
        if style == "ord_of":
            return "%s of %s" % (self.ordn(d), mon) + (" %d" % y if year else "")
        if style == "ord_mon":
            return "%s %s" % (self.ordn(d), self.c([mon, ab]))
        if style == "num":
            if not year:
                return self.c(
                    ["%d/%d" % (m, d), "%d/%d" % (d, m), "%02d/%02d" % (d, m), "%d.%d." % (d, m), "%d-%d" % (m, d)]
                )
            return self.c(
                [
                    "%02d/%02d/%d" % (d, m, y),
                    "%d/%d/%d" % (m, d, y),
                    "%02d.%02d.%d" % (d, m, y),
                    "%d.%d.%d" % (d, m, y),
                    "%02d-%02d-%d" % (d, m, y),
                    "%02d/%02d/%02d" % (d, m, y % 100),
                    "%d/%d/%02d" % (m, d, y % 100),
                ]
            )
        if style == "iso":
            return self.c(["%d-%02d-%02d" % (y, m, d), "%d/%02d/%02d" % (y, m, d), "%d%02d%02d" % (y, m, d)])
        if style == "abbr":
            return self.c(
                [
                    "%02d-%s-%d" % (d, ab, y),
                    "%d %s %02d" % (d, ab, y % 100),
                    "%s %d, %d" % (ab, d, y),
                    "%d-%s-%02d" % (d, ab.upper(), y % 100),
                    "%s. %s, %d" % (ab, self.ordn(d), y),
                ]
            )
        if style == "mon_year":
            return self.c(["%s %d" % (mon, y), "%s %d" % (ab, y), "%02d/%d" % (m, y), "%s '%02d" % (ab, y % 100)])
        return "%d %s %d" % (d, mon, y)

    def dob(self, cc=None):
        return self.date(cc, year=True, ymd=self.ymd(1930, 2012))

    def put_date(self, d, cc=None, weekday=None, **kw):
        """Date with optional weekday outside the span."""
        y, m, dd = self.ymd(2015, 2026)
        if "style" not in kw:
            kw["style"] = self.c(
                [
                    "native",
                    "dmy_long",
                    "mdy_long",
                    "dmy_long",
                    "mon_d",
                    "d_mon",
                    "ord",
                    "ord_of",
                    "num",
                    "num",
                    "iso",
                    "abbr",
                    "ord_mon",
                ]
            )
        s = self.date(cc, ymd=(y, m, dd), **kw)
        if weekday is None:
            weekday = self.p(0.15)
        if weekday:
            d.t(self.c([self.weekday(y, m, dd) + ", ", self.weekday(y, m, dd) + " ", self.weekday(y, m, dd)[:3] + " "]))
        return d.D(s)

    def year(self, lo=1950, hi=2025):
        return str(self.ri(lo, hi))

    # ---- addresses
    def street(self, cc):
        """Street + number only (no town), a plain string."""
        if cc == "JP":
            _, _, areas, _ = self.c(JP_PLACES)
            return "%d-%d-%d %s" % (self.ri(1, 5), self.ri(1, 30), self.ri(1, 20), self.w(areas))
        if cc == "KR":
            return "%s %s" % (self.hn(), self.w(self.c(KR_PLACES)[3]))
        if cc == "CN":
            return "No. %s %s" % (self.hn(), self.w(self.c(CN_PLACES)[3]))
        if cc == "CO":
            return "%s %d%s # %d-%d" % (
                self.c(["Calle", "Carrera", "Cra.", "Cl.", "Transversal", "Avenida Calle"]),
                self.ri(1, 140),
                self.c(["", "", "A", "B", " Bis"]),
                self.ri(1, 99),
                self.ri(1, 99),
            )
        if cc == "AE":
            return "%s, %s" % (self.c(AE_BLDG), self.w(self.c(AE_PLACES)[1]))
        if cc in ("MIX", "FULL") or cc not in STREETS:
            f = self.fk(self.c(MIX_LOCALES))
            return "%s %s" % (f.street_name(), f.building_number())
        st = self.c(STREETS[cc])
        n = self.hn()
        if cc in ("DE", "AT", "CH", "NL", "BE") and self.p(0.15):
            n += self.c(["a", "b", " A", "-1", "/3"])
        if cc in ("ES", "PT", "BR", "AR", "CL", "PE", "MX"):
            return self.c(["%s %s", "%s, %s", "%s, nº %s", "%s %s"]) % (st, n)
        if cc == "IL":
            return self.c(["%s %s", "%s %s"]) % ((st, n) if self.p(0.6) else (n, st))
        if cc in ("RU", "UA"):
            return "%s, %s. %s" % (st, "d" if cc == "RU" else "bud", n)
        if cc == "ID":
            return "%s No. %s" % (st, n)
        if cc == "TR":
            return "%s No: %s" % (st, n)
        if cc == "RO":
            return "%s nr. %s" % (st, n)
        if cc == "HU":
            return "%s %s." % (st, n)
        if cc == "TH":
            return "%s/%d %s" % (n, self.ri(1, 99), st)
        if cc in NUM_FIRST:
            return "%s %s" % (n, st)
        return "%s %s" % (st, n)

    def addr_lines(self, cc):
        """A postal address as lines; each line a list of str / Ig pieces."""
        h = self.hn
        if cc == "JP":
            pref, city, areas, post = self.c(JP_PLACES)
            prefs = split_w(pref)
            pc = "%s-%s" % (post, self.fill("", 4))
            cbg = "%d-%d-%d" % (self.ri(1, 5), self.ri(1, 30), self.ri(1, 20))
            area = self.w(areas)
            if self.p(0.3):
                return [["〒%s " % pc, Ig(prefs[-1]), " %s %s %s" % (city, area, cbg)]]
            lines = []
            if self.p(0.5):
                lines.append(["%s %s %d" % (self.c(JP_BLDG2), self.c(JP_BLDG), self.ri(101, 905))])
            lines.append(["%s %s" % (cbg, area)])
            if pref.startswith(("Tokyo", "Osaka", "Kyoto")) and city.startswith(("Osaka-shi", "Kyoto-shi")):
                lines.append([city + " ", pc])
                return lines
            lines.append([city + ", ", Ig(prefs[0]), " " + pc])
            return lines
        if cc == "KR":
            prov, city, gu, roads, post = self.c(KR_PLACES)
            pc = self.fill(post, 5)
            line = ["%s %s" % (h(), self.w(roads))]
            if self.p(0.4):
                line.append(
                    ", %s호" % self.ri(101, 1505)
                    if self.p(0.3)
                    else ", Apt %d-%d" % (self.ri(101, 120), self.ri(101, 1502))
                )
            tail = [", ".join(x for x in (gu, city) if x)]
            if prov:
                tail += [", ", Ig(prov)]
            tail.append(" " + pc)
            return [line, tail]
        if cc == "CN":
            if self.p(0.2):
                city, dists, roads = self.c(CN_NATIVE)
                return [
                    [
                        city
                        + self.w(dists)
                        + self.w(roads)
                        + "%d号" % self.ri(1, 300)
                        + ("%d室" % self.ri(101, 2505) if self.p(0.5) else "")
                    ]
                ]
            prov, city, dists, roads, post = self.c(CN_PLACES)
            lines = []
            if self.p(0.5):
                lines.append(["Room %d, Building %d" % (self.ri(101, 2505), self.ri(1, 12))])
            lines.append(["No. %s %s" % (h(), self.w(roads))])
            tail = ["%s, %s" % (self.w(dists), city)]
            if prov:
                tail += [", ", Ig(prov + self.c(["", " Province"]))]
            tail.append(" " + self.fill(post, 6))
            lines.append(tail)
            return lines
        if cc == "IN":
            state, city, locs, post = self.c(IN_PLACES)
            pc = self.fill(post, 6)
            first = [
                "%s %s, %s"
                % (
                    self.c(["Flat", "Flat No.", "House No.", "#"]),
                    self.c([str(self.ri(1, 40)), "%s-%d" % (self.c("ABCD"), self.ri(101, 1204))]),
                    self.c(IN_BLDG),
                )
            ]
            lines = [first, ["%s, %s" % (self.c(IN_ROADS), self.w(locs))]]
            if state and self.p(0.7):
                if self.p(0.5):
                    lines.append([city + ", ", Ig(state), " " + pc])
                else:
                    lines.append([city + " - " + pc + ", ", Ig(state)])
            else:
                lines.append([city + " " + self.c(["", "- "]) + pc])
            return lines
        if cc == "BR":
            city, uf, bairros, post = self.c(BR_PLACES)
            pc = self.fill(post, 5) + "-" + self.fill("", 3)
            compl = self.c(
                [
                    "",
                    "",
                    ", apto %d" % self.ri(11, 1802),
                    ", casa %d" % self.ri(1, 9),
                    ", bloco B, ap. %d" % self.ri(11, 304),
                ]
            )
            return [
                ["%s, %s%s - %s" % (self.c(BR_STREETS), h(), compl, self.w(bairros))],
                [city + " - ", Ig(uf)],
                [self.c(["CEP ", ""]) + pc],
            ]
        if cc == "MX":
            city, st, cols, post = self.c(MX_PLACES)
            pc = self.fill(post, 5)
            line = "%s %s%s" % (
                self.c(MX_STREETS),
                h(),
                self.c(["", ", int. %d" % self.ri(1, 12), " Depto. %d" % self.ri(101, 504)]),
            )
            return [
                [line],
                ["Col. %s" % self.w(cols)],
                ["C.P. %s %s, " % (pc, city) if self.p(0.5) else "%s %s, " % (pc, city), Ig(self.w(st))],
            ]
        if cc == "AR":
            city, prov, cpa, barrios = self.c(AR_PLACES)
            if cpa == "C":
                cpa = "C1" + self.fill("", 3) + (self.pat("@@@") if self.p(0.4) else "")
            line = "%s %d%s" % (
                self.c(AR_STREETS),
                self.ri(100, 5999),
                self.c(
                    [
                        "",
                        ", piso %d depto %s" % (self.ri(1, 14), self.c("ABCDEF")),
                        " %dº %s" % (self.ri(1, 12), self.c("ABCD")),
                    ]
                ),
            )
            lines = [[line]]
            if barrios and self.p(0.5):
                lines.append([self.w(barrios)])
            tail = ["%s %s" % (cpa, city)]
            if prov:
                tail += [", ", Ig(self.w(prov))]
            lines.append(tail)
            return lines
        if cc == "CL":
            city, reg, comunas = self.c(CL_PLACES)
            line = "%s %d%s" % (
                self.c(CL_STREETS),
                self.ri(10, 9999),
                self.c(["", ", depto %d" % self.ri(101, 2204), ", of. %d" % self.ri(11, 909)]),
            )
            lines = [[line]]
            if comunas:
                lines.append([self.w(comunas)])
            tail = [city]
            if self.p(0.4):
                tail = [self.fill("", 7) + " " + city]
            if self.p(0.6):
                tail += [", ", Ig(self.w(reg))]
            lines.append(tail)
            return lines
        if cc == "CO":
            city, dept, barrios, post = self.c(CO_PLACES)
            lines = [
                [
                    self.street("CO")
                    + self.c(["", ", apto %d" % self.ri(101, 1804), " Int. %d" % self.ri(1, 9), ", Torre 2 Apto 503"])
                ]
            ]
            if self.p(0.5):
                lines.append([self.w(barrios)])
            tail = [city]
            if self.p(0.6):
                tail += [", ", Ig(self.w(dept))]
            if self.p(0.4):
                tail.append(" " + self.fill(post, 6))
            lines.append(tail)
            return lines
        if cc == "PE":
            city, reg, dists, post = self.c(PE_PLACES)
            line = "%s %d%s" % (
                self.c(PE_STREETS),
                self.ri(100, 1999),
                self.c(["", ", Dpto. %d" % self.ri(101, 1504), " Int. %d" % self.ri(1, 9)]),
            )
            tail = ["%s %s" % (city, self.fill(post, 5)) if self.p(0.6) else city]
            if reg and reg != city and self.p(0.5):
                tail += [", ", Ig(reg)]
            return [[line], [self.w(dists)], tail]
        if cc == "ES":
            city, prov, post = self.c(ES_PLACES)
            line = "%s %s%s" % (
                self.c(ES_STREETS),
                self.c([h(), ", " + h(), ", nº " + h()]),
                self.c(
                    [
                        "",
                        ", %dº %s" % (self.ri(1, 8), self.c("ABCD")),
                        " %dº-%dª" % (self.ri(1, 6), self.ri(1, 4)),
                        ", bajo",
                    ]
                ),
            )
            tail = ["%s %s" % (self.fill(post, 5), city)]
            if self.p(0.35):
                tail += [" (", Ig(prov), ")"]
            return [[line], tail]
        if cc == "PT":
            city, post = self.c(PT_PLACES)
            pc = self.fill(post, 4) + "-" + self.fill("", 3)
            line = "%s, %s%s" % (
                self.c(PT_STREETS),
                h(),
                self.c(["", ", %d.º Esq." % self.ri(1, 6), ", %dº Dto" % self.ri(1, 6), " r/c"]),
            )
            return [[line], ["%s %s" % (pc, city)]]
        if cc == "FR":
            city, post = self.c(FR_PLACES)
            pc = (
                post + "%02d" % self.ri(1, 20)
                if len(post) == 3
                else (post + str(self.ri(1, 9)) if len(post) == 4 else post)
            )
            lines = []
            if self.p(0.3):
                lines.append(
                    [
                        self.c(
                            ["Bât. B", "Résidence les Pins", "Appartement %d" % self.ri(1, 60), "Escalier C, 3e étage"]
                        )
                    ]
                )
            lines.append(["%s%s %s" % (h(), self.c(["", "", " bis", " ter"]), self.c(FR_STREETS))])
            lines.append(["%s %s%s" % (pc, city.upper() if self.p(0.3) else city, " CEDEX" if self.p(0.05) else "")])
            return lines
        if cc == "BE":
            city, pc = self.c(BE_PLACES)
            return [
                [
                    "%s %s%s"
                    % (
                        self.c(BE_STREETS),
                        h(),
                        self.c(["", " bus %d" % self.ri(1, 20), " bte %d" % self.ri(1, 12), "/%d" % self.ri(1, 9)]),
                    )
                ],
                ["%s %s" % (pc, city)],
            ]
        if cc == "NL":
            city, post = self.c(NL_PLACES)
            pc = self.fill(post, 4) + self.c([" ", ""]) + self.pat("@@")
            if self.p(0.1):
                return [["Postbus %d" % self.ri(100, 99999)], ["%s %s" % (pc, city)]]
            return [
                ["%s %s%s" % (self.c(NL_STREETS), h(), self.c(["", "-1", " A", "-II", " hs", "bis"]))],
                ["%s %s" % (pc, city.upper() if self.p(0.2) else city)],
            ]
        if cc == "DE":
            city, posts = self.c(DE_PLACES)
            pc = self.fill(self.w(posts), 5)
            lines = []
            if self.p(0.12):
                return [["Postfach %s" % self.pat("## ## ##")], ["%s %s" % (pc, city)]]
            if self.p(0.15):
                lines.append(["c/o " + self.person("DE").full])
            lines.append([self.street("DE") + (", " + self.c(DE_UNITS) if self.p(0.2) else "")])
            lines.append(["%s %s" % (pc, city)])
            return lines
        if cc == "AT":
            city, post, land = self.c(AT_PLACES)
            pc = "1%02d0" % self.ri(1, 23) if post.startswith("1|") else post
            line = "%s %s%s" % (
                self.c(AT_STREETS),
                h(),
                self.c(
                    ["", "/%d" % self.ri(1, 30), "/%d/%d" % (self.ri(1, 9), self.ri(1, 40)), "/Top %d" % self.ri(1, 25)]
                ),
            )
            tail = ["%s %s" % (pc, city)]
            if city != "Wien" and self.p(0.3):
                tail += [", ", Ig(land)]
            return [[line], tail]
        if cc == "CH":
            city, post, kanton = self.c(CH_PLACES)
            pc = self.fill(post, 4)
            tail = ["%s %s" % (pc, city)]
            if self.p(0.35):
                tail += [" ", Ig(kanton)]
            lines = [[self.street("CH")], tail]
            if self.p(0.1):
                lines = [["Postfach %d" % self.ri(100, 9999)], tail]
            return lines
        if cc == "IT":
            city, prov, post = self.c(IT_PLACES)
            pc = self.fill(post, 5)
            line = "%s%s %s" % (
                self.c(IT_STREETS),
                self.c(["", ","]),
                h() + self.c(["", "", "/A", " int. %d" % self.ri(1, 20), " scala B"]),
            )
            if self.p(0.6):
                tail = ["%s %s (" % (pc, city), Ig(prov), ")"]
            else:
                tail = ["%s %s " % (pc, city), Ig(prov)]
            return [[line], tail]
        if cc == "PL":
            city, post, woj = self.c(PL_PLACES)
            d5 = self.fill(post, 5)
            line = "%s %s%s" % (
                self.c(PL_STREETS),
                h(),
                self.c(["", "/%d" % self.ri(1, 120), " m. %d" % self.ri(1, 80), " lok. %d" % self.ri(1, 12)]),
            )
            tail = ["%s-%s %s" % (d5[:2], d5[2:], city)]
            if self.p(0.25):
                tail += [", ", Ig("woj. " + woj)]
            return [[line], tail]
        if cc == "CZ":
            city, pc = self.c(CZ_PLACES)
            return [["%s %d/%d" % (self.c(CZ_STREETS), self.ri(100, 2999), self.ri(1, 60))], ["%s %s" % (pc, city)]]
        if cc == "HU":
            city, post = self.c(HU_PLACES)
            pc = ("1%02d%d" % (self.ri(1, 23), self.ri(1, 9))) if post == "1" else self.fill(post, 4)
            if self.p(0.5):
                return [
                    ["%s %s" % (pc, city)],
                    ["%s %s.%s" % (self.c(HU_STREETS), h(), self.c(["", " II. em. %d." % self.ri(1, 12), " fsz. 2."]))],
                ]
            return [["%s %s.%s" % (self.c(HU_STREETS), h(), self.c(["", " 3. em. 7."]))], ["%s %s" % (pc, city)]]
        if cc == "RO":
            city, post, jud = self.c(RO_PLACES)
            pc = self.fill(post, 6)
            line = "%s nr. %s%s" % (
                self.c(RO_STREETS),
                h(),
                self.c(
                    ["", ", bl. A%d, sc. %d, ap. %d" % (self.ri(1, 9), self.ri(1, 3), self.ri(1, 60)), ", et. 2, ap. 8"]
                ),
            )
            tail = ["%s %s" % (pc, city) + (", Sector %d" % self.ri(1, 6) if city == "București" else "")]
            if jud and self.p(0.6):
                tail += [", ", Ig(jud)]
            return [[line], tail]
        if cc == "GR":
            city, posts = self.c(GR_PLACES)
            d5 = self.fill(self.w(posts), 5)
            return [["%s %s" % (self.c(GR_STREETS), h())], ["%s %s %s" % (d5[:3], d5[3:], city)]]
        if cc == "TR":
            ilce, il, post, mahs = self.c(TR_PLACES)
            pc = self.fill(post, 5)
            line = "%s, %s No: %s%s" % (
                self.w(mahs),
                self.c(TR_STREETS),
                h(),
                self.c(["", " D: %d" % self.ri(1, 20), " Daire %d" % self.ri(1, 20), "/%d" % self.ri(1, 12)]),
            )
            if self.p(0.5):
                tail = ["%s %s/" % (pc, ilce), Ig(il)]
            else:
                tail = ["%s, " % ilce, Ig(il), " " + pc]
            return [[line], tail]
        if cc == "RU":
            if self.p(0.2):
                city, sts, post = self.c(RU_NATIVE)
                return [["%s, %s, д. %s, кв. %d" % (city, self.w(sts), h(), self.ri(1, 200))], [self.fill(post, 6)]]
            city, obl, post = self.c(RU_PLACES)
            lines = [
                [
                    "%s, d. %s%s"
                    % (
                        self.c(RU_STREETS),
                        h(),
                        self.c(["", ", kv. %d" % self.ri(1, 240), ", korp. 2, kv. %d" % self.ri(1, 99)]),
                    )
                ]
            ]
            tail = [city]
            if obl and self.p(0.5):
                tail += [", ", Ig(obl)]
            tail.append(", " + self.fill(post, 6))
            lines.append(tail)
            return lines
        if cc == "UA":
            city, obl, post = self.c(UA_PLACES)
            tail = [city]
            if obl and self.p(0.5):
                tail += [", ", Ig(obl)]
            tail.append(", " + self.fill(post, 5))
            return [["%s, %s%s" % (self.c(UA_STREETS), h(), self.c(["", ", kv. %d" % self.ri(1, 150)]))], tail]
        if cc == "SE":
            city, post = self.c(SE_PLACES)
            d5 = self.fill(post, 5)
            return [
                ["%s %s%s" % (self.c(SE_STREETS), h(), self.c(["", " B", ", 2 tr", " lgh 1102"]))],
                ["%s %s %s" % (d5[:3], d5[3:], city)],
            ]
        if cc == "NO":
            city, post = self.c(NO_PLACES)
            return [
                ["%s %s%s" % (self.c(NO_STREETS), h(), self.c(["", " B", ", H0302"]))],
                ["%s %s" % (self.fill(post, 4), city.upper() if self.p(0.4) else city)],
            ]
        if cc == "DK":
            city, post = self.c(DK_PLACES)
            return [
                [
                    "%s %s%s"
                    % (
                        self.c(DK_STREETS),
                        h(),
                        self.c(["", ", %d. th." % self.ri(1, 5), ", st. tv.", ", %d. sal" % self.ri(1, 4)]),
                    )
                ],
                ["%s %s" % (self.fill(post, 4), city)],
            ]
        if cc == "FI":
            city, post = self.c(FI_PLACES)
            return [
                [
                    "%s %s%s"
                    % (self.c(FI_STREETS), h(), self.c(["", " B %d" % self.ri(1, 40), " A %d" % self.ri(1, 30)]))
                ],
                ["%s %s" % (self.fill(post, 5), city)],
            ]
        if cc == "IS":
            city, post = self.c(IS_PLACES)
            return [["%s %s" % (self.c(IS_STREETS), h())], ["%s %s" % (self.fill(post, 3), city)]]
        if cc == "UK":
            city, outs, locs, county = self.c(UK_PLACES)
            pc = "%s %d%s" % (self.w(outs), self.ri(1, 9), self.pat("@@"))
            lines = []
            if self.p(0.35):
                lines.append(
                    [
                        self.c(
                            [
                                "Flat %d" % self.ri(1, 30),
                                "Flat %d%s" % (self.ri(1, 9), self.c("ABC")),
                                "Apartment %d" % self.ri(1, 80),
                                "%s Cottage" % self.c(["Rose", "Ivy", "Mill", "Orchard"]),
                                "The Old Rectory",
                            ]
                        )
                    ]
                )
            lines.append(["%s %s" % (h(), self.c(UK_STREETS))])
            loc = self.w(locs) if locs else ""
            if loc and self.p(0.5):
                lines.append([loc])
            if county and self.p(0.4):
                lines.append([city + ", ", Ig(county)])
                lines.append([pc])
            else:
                lines.append(
                    [(city.upper() if self.p(0.3) else city) + self.c([" ", ", "]) + pc] if self.p(0.6) else [city]
                )
                if len(lines[-1]) == 1 and lines[-1][0] == city:
                    lines.append([pc])
            return lines
        if cc == "IE":
            city, rk, county = self.c(IE_PLACES)
            ec = rk + " " + self.pat("??").replace("O", "0") + self.pat("??")
            lines = [["%s %s" % (h(), self.c(IE_STREETS))]]
            if county and self.p(0.6):
                lines.append([city + ", ", Ig(county)])
            else:
                lines.append([city])
            if self.p(0.7):
                lines.append([ec])
            return lines
        if cc == "US":
            city, st, stname, zp = self.c(US_PLACES)
            z = self.fill(zp, 5) + ("-" + self.fill("", 4) if self.p(0.15) else "")
            if self.p(0.1):
                first = "PO Box %d" % self.ri(10, 9999)
            else:
                first = "%d %s%s" % (
                    self.ri(10, 9999),
                    self.c(US_STREETS),
                    self.c(
                        [
                            "",
                            "",
                            " Apt %d%s" % (self.ri(1, 20), self.c("ABCD")),
                            ", Unit %d" % self.ri(1, 400),
                            " #%d" % self.ri(2, 30),
                        ]
                    ),
                )
            return [[first], [city + ", ", Ig(st if self.p(0.8) else stname), " " + z]]
        if cc == "CA":
            city, prov, provname, fsa = self.c(CA_PLACES)
            pc = fsa + self.pat("#@ #@#")
            first = "%d %s" % (self.ri(10, 9999), self.c(CA_STREETS))
            if self.p(0.3):
                first = self.c(
                    [
                        "%d-" % self.ri(101, 2204) + first,
                        first + ", Suite %d" % self.ri(100, 900),
                        first + " app. %d" % self.ri(1, 30),
                    ]
                )
            return [
                [first],
                [city + self.c([", ", " "]), Ig(prov if self.p(0.8) else provname), self.c(["  ", " "]) + pc],
            ]
        if cc == "AU":
            sub, st, pc = self.c(AU_PLACES)
            first = "%s %s" % (h(), self.c(AU_STREETS))
            if self.p(0.35):
                first = (
                    self.c(["Unit %d, " % self.ri(1, 40), "%d/" % self.ri(1, 40), "Level %d, " % self.ri(1, 20)])
                    + first
                )
            return [[first], [(sub.upper() if self.p(0.4) else sub) + " ", Ig(st), " " + pc]]
        if cc == "NZ":
            sub, city, pc = self.c(NZ_PLACES)
            lines = [
                [
                    "%s %s"
                    % (
                        self.c([h(), "%d/%s" % (self.ri(1, 12), h()), "Flat %d, %s" % (self.ri(1, 9), h())]),
                        self.c(NZ_STREETS),
                    )
                ]
            ]
            if sub:
                lines.append([sub])
            lines.append(["%s %s" % (city, pc)])
            return lines
        if cc == "ZA":
            city, subs, pcs, prov = self.c(ZA_PLACES)
            lines = [["%s %s" % (h(), self.c(ZA_STREETS))], [self.w(subs)]]
            tail = ["%s%s%s" % (city, self.c([", ", " "]), self.w(pcs))]
            if self.p(0.4):
                tail += [", ", Ig(prov)]
            lines.append(tail)
            return lines
        if cc == "NG":
            city, areas, state, post = self.c(NG_PLACES)
            tail = [city]
            if self.p(0.3):
                tail = [city + " " + self.fill(post, 6)]
            if self.p(0.6):
                tail += [", ", Ig(state)]
            return [
                [
                    "%s %s"
                    % (
                        self.c(["%d" % self.ri(1, 60), "Plot %d" % self.ri(1, 900), "No. %d" % self.ri(1, 60)]),
                        self.c(NG_STREETS),
                    )
                ],
                [self.w(areas)],
                tail,
            ]
        if cc == "KE":
            city, areas, pcs, county = self.c(KE_PLACES)
            if self.p(0.45):
                lines = [["P.O. Box %d-%s" % (self.ri(10, 99999), self.w(pcs))], [city]]
            else:
                unit = self.c(
                    [
                        "Hse No. %d" % self.ri(1, 40),
                        "Apt %s%d" % (self.c("ABC"), self.ri(1, 20)),
                        "Plot %d" % self.ri(1, 300),
                    ]
                )
                first = self.c(["%s, %s" % (unit, self.c(KE_STREETS)), self.c(KE_STREETS)])
                lines = [[first], [self.w(areas)], [city]]
            if self.p(0.3):
                lines[-1] = [city + ", ", Ig(county)]
            return lines
        if cc == "EG":
            city, areas, post = self.c(EG_PLACES)
            lines = [
                [
                    "%s %s%s"
                    % (
                        h(),
                        self.c(EG_STREETS),
                        self.c(["", ", Apt %d" % self.ri(1, 30), ", Floor %d" % self.ri(1, 12)]),
                    )
                ]
            ]
            if areas:
                lines.append([self.w(areas)])
            lines.append([city + (" " + self.fill(post, 5) if self.p(0.4) else "")])
            return lines
        if cc == "IL":
            city, post = self.c(IL_PLACES)
            return [
                ["%s%s" % (self.street("IL"), self.c(["", ", apt %d" % self.ri(1, 40), "/%d" % self.ri(1, 20)]))],
                ["%s%s" % (city, " " + self.fill(post, 7) if self.p(0.6) else "")],
            ]
        if cc == "AE":
            city, areas = self.c(AE_PLACES)
            lines = [
                ["%s %d, %s" % (self.c(["Apt", "Flat", "Office", "Villa"]), self.ri(1, 3500), self.c(AE_BLDG))],
                [self.w(areas)],
            ]
            if self.p(0.3):
                lines.append(["P.O. Box %d" % self.ri(100, 99999)])
            lines.append([city])
            return lines
        if cc == "PH":
            city, brgys, pcs, reg = self.c(PH_PLACES)
            first = "%s%s %s" % (
                self.c(
                    [
                        "",
                        "Unit %d%s, " % (self.ri(1, 40), self.c("ABCD")),
                        "Blk %d Lot %d, " % (self.ri(1, 30), self.ri(1, 40)),
                    ]
                ),
                h(),
                self.c(PH_STREETS),
            )
            tail = ["%s %s" % (self.w(pcs), city)] if self.p(0.5) else [city + ", " + self.w(pcs)]
            if self.p(0.6):
                tail += [", ", Ig(self.w(reg))]
            return [[first], [self.w(brgys)], tail]
        if cc == "ID":
            city, kels, post, prov = self.c(ID_PLACES)
            first = "%s No. %s%s" % (
                self.c(ID_STREETS),
                h(),
                self.c(["", ", RT %02d/RW %02d" % (self.ri(1, 15), self.ri(1, 12))]),
            )
            tail = ["%s %s" % (city, self.fill(post, 5))]
            if self.p(0.5):
                tail += [", ", Ig(prov)]
            return [[first], [self.w(kels)], tail]
        if cc == "VN":
            city, prov, quans, phuongs = self.c(VN_PLACES)[:4]
            first = "%s%s %s" % (self.c(["", "Số ", "Ngõ %d, " % self.ri(1, 200)]), h(), self.c(VN_STREETS))
            parts = [self.w(phuongs)] + ([self.w(quans)] if quans else []) + [city]
            tail = [", ".join(parts)]
            if prov and self.p(0.6):
                tail += [", ", Ig(prov)]
            return [[first], tail]
        if cc == "TH":
            amphoe, prov, tambons, post = self.c(TH_PLACES)
            pc = self.fill(post, 5)
            tl = self.w(tambons)
            lines = [[self.street("TH")], [tl if "," in tl else "%s, %s" % (tl, amphoe)]]
            if prov:
                lines.append(["", Ig(prov), " " + pc])
            else:
                lines.append(["%s %s" % (self.c(["Bangkok", "Krung Thep Maha Nakhon"]), pc)])
            return lines
        if cc == "FULL":
            f = self.fk(self.c(FULL_ADDR_LOCALES))
            return [[x] for x in f.address().split("\n") if x.strip()]
        # MIX (and anything unknown): Faker parts assembled in the usual continental order
        loc = self.c(MIX_LOCALES)
        f = self.fk(loc)
        if loc.startswith("en_"):
            return [["%s %s" % (f.building_number(), f.street_name())], ["%s %s" % (f.city(), f.postcode())]]
        return [["%s %s" % (f.street_name(), f.building_number())], ["%s %s" % (f.postcode(), f.city())]]

    def put_addr(self, d, cc, multi=False, country=None, sep=None, street_only=False):
        """Write one postal address into d.  country: None=random, True/False."""
        if street_only:
            return d.A([self.street(cc)])
        lines = self.addr_lines(cc)
        if country is None:
            country = self.p(0.3)
        if country and cc in COUNTRY:
            lines.append([Ig(self.country(cc))])
        if sep is None:
            sep = self.c(["\n"] * 3 + [",\n"]) if multi else self.c([", "] * 8 + [" ", " / ", "; "])
        segs = []
        for i, ln in enumerate(lines):
            if i:
                segs.append(sep)
            segs.extend(ln)
        return d.A(segs)

    def put_town(self, d, cc, region=None, country=None):
        town, reg = self.town(cc)
        d.L(town)
        if reg and (region if region is not None else self.p(0.35)):
            d.t(", ").i(reg)
        if country if country is not None else self.p(0.2):
            d.t(", ").i(self.country(cc, native=False))
        return town


# --------------------------------------------------------------------------
# templates: each writes one text into a Doc
# --------------------------------------------------------------------------


def nm(g, d, pp, form=None):
    return d.N(g.name_form(pp, form))


def greet_name(g, d, pp):
    """'Hi Anna,' / 'Dear Mr Tanaka,'"""
    if g.p(0.4):
        d.t(g.c(["Dear ", "Dear "]) + g.title(pp.cc) + " ").N(pp.last)
    else:
        d.t(g.c(["Hi ", "Hello ", "Dear ", "Hey "])).N(pp.first)
    return d.t(",")


def t_delivery_sms(g, d):
    cc = g.cc()
    courier, trk = g.tracking()
    d.i(courier).t(g.c([": ", " - ", " | "]))
    d.t(g.c(["Your parcel ", "Your package ", "Shipment "])).ID(trk)
    d.t(g.c([" will be delivered to ", " is due at ", " is out for delivery to "]))
    g.put_addr(d, cc, country=False)
    d.t(g.c([" on ", " on ", " by "]))
    g.put_date(d, cc, year=False)
    d.t(g.c([" between 09:00 and 13:00.", ", 2-6pm.", "."]))
    if g.p(0.4):
        d.t(" Pickup code ").i(g.pat("####")).t(".")
    if g.p(0.3):
        d.t(" Reply STOP to opt out.")


def t_delivery_failed(g, d):
    cc = g.cc()
    pp = g.person(cc)
    greet_name(g, d, pp)
    d.t(
        g.c(
            [
                " we tried to deliver your parcel today but nobody was home at ",
                " our driver could not access the building at ",
                " sorry we missed you at ",
            ]
        )
    )
    g.put_addr(d, cc, street_only=g.p(0.5), country=False)
    d.t(". " + g.c(["It is now waiting at ", "You can collect it from ", "Your item has been taken to "]))
    d.t(g.c(["the depot in ", "the post office in ", "our pickup point in "]))
    g.put_town(d, cc, country=False)
    d.t(" until ")
    g.put_date(d, cc, year=False)
    d.t(".")


def t_driver_chat(g, d):
    cc = g.cc()
    drv = g.person(cc)
    cust = g.person(cc)
    dn = g.name_form(drv, "first")
    cn = g.name_form(cust, "first")
    d.N(dn).t(": " + g.c(["hi, I'm outside ", "hello, I am at ", "im at "]))
    g.put_addr(d, cc, street_only=g.p(0.6), country=False)
    d.t(g.c([" but the gate is locked", ", which door?", " - nobody answers"]) + "\n")
    d.N(cn).t(": " + g.c(["coming down now", "sorry! 2 min", "leave it with my neighbour at number 4 pls"]) + "\n")
    d.N(dn).t(": " + g.c(["ok", "no problem", "done, photo sent"]))
    if g.p(0.5):
        d.t("\n").N(cn).t(": thanks ").N(dn)


def t_booking(g, d):
    cc = g.cc()
    pp = g.person()
    d.t(g.c(["Booking confirmed for ", "Reservation confirmed - guest: ", "Thank you for booking, "])).N(pp.full).t(
        ". "
    )
    d.t("Hotel: " if g.p(0.5) else "Property: ").L(g.venue("hotel")).t(", ")
    g.put_town(d, cc, country=g.p(0.4))
    d.t(". Check-in ")
    y, m, dd = g.ymd(2022, 2026)
    out = datetime.date(y, m, dd) + datetime.timedelta(days=g.ri(1, 9))
    style = g.c(["dmy_long", "mdy_long", "num", "iso", "abbr", "d_mon"])
    year = g.p(0.5)
    d.D(g.date(cc, style=style, ymd=(y, m, dd), year=year))
    d.t(g.c([", check-out ", " - check-out ", "; departure "]))
    d.D(g.date(cc, style=style, ymd=(out.year, out.month, out.day), year=year))
    d.t(". " + g.c(["Booking ref ", "Confirmation number: ", "Ref. "])).ID(g.ref("booking")).t(".")
    if g.p(0.3):
        d.t(" Questions? Call ").P(g.phone(cc)).t(".")


def t_flight(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Passenger: ", "PAX ", "Traveller: "]))
    d.N((pp.last.upper() + "/" + pp.first.upper()) if g.p(0.3) else pp.full)
    d.t(g.c([", passport ", ". Passport no. ", " - passport number "])).ID(g.passport(cc))
    d.t(g.c([". From ", ". Departing "])).L(g.venue("station")).t(" to ")
    g.put_town(d, g.cc(), country=False)
    d.t(" on ")
    g.put_date(d, cc, year=g.p(0.5))
    d.t(g.c([", 07:45.", ".", " at 22:10, seat 14C."]))


def t_listing_rent(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["For rent: ", "TO LET - ", "Available now: ", "Room available: "]))
    d.t(g.c(["bright 2-bed flat at ", "sunny studio at ", "quiet room in shared house, ", "3 bedroom house at "]))
    g.put_addr(d, cc, country=g.p(0.2))
    d.t(". " + g.c(["Available from ", "Free from ", "Move in "]))
    g.put_date(d, cc)
    d.t(g.c([". Contact ", ". Viewings via ", ". Ask for "])).N(g.name_form(pp, g.c(["full", "first"])))
    d.t(g.c([" on ", " at ", ", "])).P(g.phone(cc))
    if g.p(0.4):
        d.t(" or ").E(g.email(pp))
    d.t(".")


def t_listing_sale(g, d):
    cc = g.cc()
    d.A([g.street(cc)]).t(g.c([" - charming ", ": spacious ", " | renovated "]))
    d.t(g.c(["3-bedroom house", "top-floor apartment", "terraced cottage", "family home"]))
    d.t(g.c([" a short walk from ", " close to ", " overlooking "])).L(
        g.venue(g.c(["park", "park", "station", "school"]))
    )
    d.t(g.c([". Open house on ", ". Viewings ", ". First viewing "]))
    g.put_date(d, cc, year=False)
    d.t(g.c([", 11-1. ", ". "]) + "Call ").P(g.phone(cc)).t(".")


def t_lost_found(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["FOUND: ", "LOST: ", "Missing: ", "Found "]))
    d.t(
        g.c(
            [
                "grey cat ",
                "small brown dog called %s " % g.c(PETS),
                "black backpack ",
                "set of keys on a red lanyard ",
                "child's blue bicycle ",
            ]
        )
    )
    d.t(g.c(["near ", "in ", "outside "])).L(g.venue(g.c(["park", "station", "cafe", "library"])))
    if g.p(0.6):
        d.t(", ")
        g.put_town(d, cc, country=False)
    d.t(", on ")
    if g.p(0.3):
        d.t("the ").D(g.ordn(g.ri(1, 28)))
    else:
        g.put_date(d, cc, year=False)
    d.t(". " + g.c(["If it's yours call ", "Please contact ", "Reward! Text "]))
    nm(g, d, pp, g.c(["first", "full"]))
    d.t(g.c([" on ", " at ", " - "])).P(g.phone(cc)).t(".")


def t_lost_wallet(g, d):
    cc = g.cc()
    pp = g.person(cc)
    dist, dcc = g.district(cc)
    d.t(g.c(["Lost my wallet ", "I lost my purse ", "Dropped my card holder "]))
    d.t(g.c(["on the ", "on the evening of the "])).D(g.ordn(g.ri(1, 31)))
    d.t(" somewhere between ").L(g.venue("station")).t(" and ").L(dist).t(". ")
    d.t(g.c(["It has my ID card in it", "My driving licence was inside", "It contains my residence permit"]))
    d.t(g.c([" (no. ", " (number "])).ID(g.natid(cc)[1] if g.p(0.5) else g.ref("licence")).t("). ")
    d.t(g.c(["Please email ", "Contact me at "])).E(g.email(pp)).t(g.c([".", " - thank you!"]))


def t_school_form(g, d):
    cc = g.cc()
    child = g.person(cc)
    par = g.person(cc)
    par.last = child.last
    d.t(g.c(["Pupil: ", "Student name: ", "Child's name: "])).N(child.first + " " + child.last).t("\n")
    d.t(g.c(["Date of birth: ", "DOB: ", "Born: "])).D(
        g.date(cc, year=True, ymd=g.ymd(2008, 2020), style=g.c(["num", "num", "iso", "dmy_long", "abbr"]))
    ).t("\n")
    d.t(g.c(["Address: ", "Home address:\n"]))
    g.put_addr(d, cc, multi=g.p(0.5), country=False)
    d.t("\n" + g.c(["Parent/guardian: ", "Emergency contact: ", "Mother/Father: "])).N(par.first + " " + par.last)
    d.t(" (").P(g.phone(cc)).t(")")
    if g.p(0.4):
        d.t("\nSchool: ").L(g.venue("school"))
    if g.p(0.3):
        d.t("\nAllergies: none")


def t_hr_form(g, d):
    cc = g.cc([x for x in CCS if COUNTRY[x][4]])
    pp = g.person(cc)
    d.t(g.c(["Employee: ", "Name: ", "New starter: "])).N(pp.full).t("\n")
    d.t("Position: ").i(g.c(JOBS)).t("\n")
    d.t(g.c(["Start date: ", "First day: "])).D(g.date(cc, year=True, recent=True)).t("\n")
    d.t("IBAN: ").ID(g.iban(cc)).t("\n")
    lab, num = g.natid(cc)
    d.t(lab + ": ").ID(num)
    if g.p(0.5):
        d.t("\nNationality: ").i(g.nationality(cc))
    if g.p(0.4):
        d.t("\nPersonal email: ").E(g.email(pp))


def t_complaint_letter(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Dear Sir or Madam,\n\n", "To whom it may concern,\n\n", "Hello,\n\n"]))
    d.t("I am writing about " + g.c(["order ", "my order ", "booking "])).ID(g.ref("order")).t(", placed on ")
    g.put_date(d, cc, year=True)
    d.t(". " + g.c(["The item arrived damaged", "It never arrived", "The wrong size was sent", "I was charged twice"]))
    d.t(g.c([" and I would like a full refund.", ". Please advise.", " and nobody has answered my emails."]))
    d.t("\n\n" + g.c(["Yours faithfully,", "Kind regards,", "Regards,", "Best,"]) + "\n").N(pp.full).t("\n")
    g.put_addr(d, cc, multi=True)


def t_genealogy(g, d):
    cc = g.cc()
    pp = g.person(cc)
    fa = g.person(cc, female=False)
    mo = g.person(cc, female=True)
    fa.last = pp.last
    fa.full = fa.first + " " + fa.last
    by = g.ri(1840, 1935)
    d.N(pp.full).t(g.c([" was born on ", " was born ", ", born "]))
    d.D(
        g.date(
            cc, year=True, ymd=(by, g.ri(1, 12), g.ri(1, 28)), style=g.c(["dmy_long", "mdy_long", "ord_of", "native"])
        )
    )
    d.t(" in ")
    g.put_town(d, cc, region=g.p(0.5), country=g.p(0.4))
    d.t(g.c([", the son of ", ", the daughter of ", ", child of "])).N(fa.full).t(" and ").N(mo.full).t(". ")
    sp = g.person(cc)
    d.t(g.c(["He", "She", "They"]) + " married ").N(sp.full).t(" in ").i(str(by + g.ri(19, 30)))
    d.t(" at ").L(g.venue("church")).t(", ")
    g.put_town(d, cc, country=False)
    if g.p(0.6):
        d.t(g.c([", and died aged ", ", and lived to "])).AGE(g.age90()).t(".")
    else:
        d.t(g.c([", and died aged %s." % g.ri(40, 88), "."]))


def t_travel_log(g, d):
    cc = g.cc()
    d.t("Day %d: " % g.ri(2, 21) + g.c(["took the bus from ", "drove from ", "caught the early train from "]))
    g.put_town(d, cc, country=False)
    d.t(" to ")
    g.put_town(d, cc, country=False)
    d.t(". " + g.c(["Stayed at ", "Checked into ", "Slept at "])).L(g.venue("hotel")).t(". ")
    fr = g.person()
    d.t(g.c(["Met ", "Had dinner with ", "Shared a taxi with "])).N(g.name_form(fr, "first"))
    d.t(g.c([" from ", ", a traveller from "])).i(g.country(fr.cc, native=False))
    d.t(g.c([" who recommended ", " - we walked to ", ", then visited "])).L(g.venue(g.c(["misc", "park"]))).t(".")


def t_classified(g, d):
    cc = g.cc()
    d.t(g.c(["For sale: ", "FS: ", "Selling ", "Free to good home: "]))
    d.t(
        g.c(
            [
                "road bike, barely used, 120 EUR",
                "IKEA sofa, grey",
                "baby stroller + car seat",
                "box of vinyl records",
                "upright piano (you collect)",
                "lawnmower, works fine",
            ]
        )
    )
    d.t(". " + g.c(["Collection from ", "Pick up in ", "Located in "]))
    if g.p(0.5):
        dist, _ = g.district(cc)
        d.L(dist).t(", ")
    g.put_town(d, cc, country=False)
    d.t(". " + g.c(["Text ", "Call or WhatsApp ", "Phone "])).P(g.phone(cc))
    d.t(g.c([".", " after 6pm.", ", no time wasters."]))


def t_insurance(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Claim ", "Claim no. ", "Re: claim "])).ID(g.ref("claim")).t(
        g.c([" - policy ", ", policy number ", " / policy "])
    )
    d.ID(g.ref("policy")).t(" (").i(g.c(INSURERS)).t("). ")
    d.t("On ")
    g.put_date(d, cc, year=g.p(0.7))
    if g.p(0.5):
        d.t(" at around 17:30 my car (").ID(g.plate(cc)).t(
            g.c([") was hit while parked outside ", ") was damaged outside "])
        )
    else:
        d.t(" my vehicle, registration ").ID(g.plate(cc)).t(
            g.c([", was hit while parked outside ", ", was damaged at "])
        )
    g.put_addr(d, cc, country=False)
    d.t(". Policyholder: ").N(pp.full).t(g.c([".", ", tel. "]))
    if d.parts[-1].endswith("tel. "):
        d.P(g.phone(cc)).t(".")


def t_invitation(g, d):
    cc = g.cc()
    pp = g.person(cc)
    if g.p(0.5):
        d.t(g.c(["Join us to celebrate ", "You're invited to "])).N(g.name_form(pp, g.c(["full", "first"])))
        d.t(g.c(["'s ", "’s "]) + g.c(["birthday", "retirement", "graduation", "engagement"]) + " party on ")
    else:
        d.t(g.c(["Grandma ", "Great-aunt ", ""])).N(pp.first).t(" turns ").AGE(g.age90()).t("! Party on ")
    g.put_date(d, cc, year=False, weekday=g.p(0.4))
    d.t(g.c([" at ", " from 3pm at "]))
    if g.p(0.5):
        d.L(g.venue(g.c(["hotel", "cafe", "park"]))).t(", ")
        g.put_addr(d, cc, country=False, street_only=g.p(0.5))
    else:
        g.put_addr(d, cc, country=False)
    d.t(". RSVP to ")
    if g.p(0.5):
        d.E(g.email(pp))
    else:
        d.P(g.phone(cc))
    d.t(g.c([" by ", " before the "]))
    d.D(g.date(cc, year=False, style=g.c(["ord", "ord_mon", "d_mon", "mon_d", "num"]))).t(".")


def t_social_move(g, d):
    cc = g.cc()
    d.t(g.c(["finally moved into our new place on ", "new flat, who dis - ", "Officially living at "]))
    g.put_addr(d, cc, street_only=g.p(0.6), country=False)
    d.t(g.c(["!! ", "! ", " "]) + g.c(["🏡 ", "🎉 ", ""]))
    d.t(g.c(["housewarming on ", "party ", "come by on "]))
    g.put_date(d, cc, year=False, style=g.c(["d_mon", "mon_d", "num", "ord_mon", "ord"]))
    d.t(g.c([", dm me", " x", " - bring snacks"]))


def t_social_checkin(g, d):
    cc = g.cc()
    fr = g.person(cc)
    d.t(g.c(["just landed at ", "at ", "brunch at ", "sunset at "])).L(
        g.venue(g.c(["station", "cafe", "park", "misc"]))
    )
    d.t(g.c([" with ", " w/ ", " + "])).N(g.name_form(fr, "first"))
    d.t(g.c([" 🙌 ", " - ", " ☀️ ", " 📍", " in "]))
    g.put_town(d, cc, country=False)
    d.t(g.c([" here we come", " never disappoints", " #travel", ""]))


def t_chat(g, d):
    cc = g.cc()
    a, b = g.person(cc), g.person(cc)
    an = g.name_form(a, g.c(["first", "first", "full"]))
    bn = g.name_form(b, g.c(["first", "first", "full"]))
    lines = g.r.sample(range(8), g.ri(2, 4))
    for k, idx in enumerate(lines):
        if k:
            d.t("\n")
        d.N(an if k % 2 == 0 else bn).t(": ")
        if idx == 0:
            d.t("are we still on for ")
            g.put_date(d, cc, year=False, style=g.c(["d_mon", "mon_d", "num", "ord", "ord_mon"]))
            d.t("?")
        elif idx == 1:
            d.t(g.c(["yes! meet at ", "sure, see you at ", "let's do "])).L(g.venue(g.c(["cafe", "station", "park"])))
        elif idx == 2:
            d.t("my new number is ").P(g.phone(cc))
        elif idx == 3:
            d.t("send it to ").E(g.email(a if k % 2 == 0 else b))
        elif idx == 4:
            pre, post = g.c([("did you hear from ", "?"), ("ask ", " about it"), ("is ", " coming?"), ("", " says hi")])
            d.t(pre).N(g.name_form(g.person(cc), "first")).t(post)
        elif idx == 5:
            d.t("address is ")
            g.put_addr(d, cc, country=False, sep=", ")
        elif idx == 6:
            d.t(g.c(["ok", "lol", "sounds good", "👍", "running 10 min late"]))
        else:
            d.t("I'm in ")
            g.put_town(d, cc, country=False)
            d.t(g.c([" until ", " till "]))
            d.D(g.date(cc, year=False, style=g.c(["ord", "d_mon", "mon_d", "num"])))


def t_signature(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Thanks,\n", "Best regards,\n", "Cheers,\n", "--\n", "Kind regards\n"]))
    d.N(pp.full).t("\n")
    if g.p(0.7):
        d.i(g.c(JOBS)).t(g.c([" | ", ", ", "\n"])).i(g.c(ORGS)).t("\n")
    if g.p(0.4):
        g.put_addr(d, cc, sep=", ")
        d.t("\n")
    d.t(g.c(["M: ", "Mob: ", "Tel ", "T: ", "Phone: "])).P(g.phone(cc))
    if g.p(0.7):
        d.t(g.c(["\nE: ", "\n", " | "])).E(g.email(pp))
    if g.p(0.4):
        d.t("\n").U(g.url(pp))


def t_medical(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Reminder: ", "Appointment reminder - ", ""])).N(g.name_form(pp, g.c(["full", "init"])))
    d.t(g.c([" has an appointment at ", " is booked in at ", ", your appointment at "])).L(g.venue("hospital"))
    d.t(" on ")
    g.put_date(d, cc, year=g.p(0.5), weekday=g.p(0.3))
    d.t(g.c([" at 10:15.", " at 8.30am.", ", 14:00."]))
    if g.p(0.6):
        d.t(g.c([" Patient no. ", " MRN: ", " Hospital number "])).ID(g.ref("patient")).t(".")
    if g.p(0.3):
        d.t(" To cancel call ").P(g.phone(cc)).t(".")


def t_bank(g, d):
    cc = g.cc([x for x in CCS if COUNTRY[x][4]])
    pp = g.person(cc)
    d.t(g.c(["Please transfer the deposit to ", "Bank details: ", "Pay to "])).N(pp.full)
    d.t(g.c([", IBAN ", ", IBAN: ", " - IBAN "])).ID(g.iban(cc))
    d.t(g.c([", reference ", ", ref. "])).ID(g.ref("booking"))
    d.t(g.c([", by ", " no later than ", " before "]))
    g.put_date(d, cc, year=g.p(0.4))
    d.t(".")


def t_it_ticket(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["User ", "Ticket: user ", ""])).N(pp.full).t(" (").E(g.email(pp)).t(")")
    d.t(
        g.c(
            [
                " reports login failures from IP ",
                " cannot connect to the VPN from ",
                " flagged: suspicious sign-in from ",
            ]
        )
    )
    d.IP(g.ip())
    d.t(g.c([" since ", " on "]))
    g.put_date(d, cc, year=g.p(0.5), style=g.c(["iso", "num", "dmy_long", "mdy_long", "abbr"]))
    d.t(". " + g.c(["Laptop serial ", "Device S/N ", "Asset tag "])).ID(g.ref("serial")).t(".")


def t_membership(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Welcome to the club, ", "Welcome aboard, ", "Hi "])).N(pp.first).t("! ")
    d.t(g.c(["Your member number is ", "Membership no.: ", "Your card number: "])).ID(g.ref("member"))
    d.t(g.c([". Card valid until ", ". Expires "])).D(g.date(cc, style="mon_year", year=True, ymd=g.ymd(2025, 2030))).t(
        "."
    )


def t_obituary(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.N(pp.full).t(", ")
    if g.p(0.7):
        d.AGE(g.age90())
    else:
        d.t(str(g.ri(50, 89)))
    d.t(", of ")
    g.put_town(d, cc, country=False)
    d.t(g.c([", passed away peacefully on ", ", died on "]))
    g.put_date(d, cc, year=g.p(0.6))
    d.t(g.c([" at ", " surrounded by family at "])).L(g.venue("hospital")).t(". ")
    sp = g.person(cc)
    d.t(g.c(["Beloved spouse of the late ", "Loving partner of ", "Survived by "])).N(sp.full).t(". ")
    d.t("Funeral at ").L(g.venue("church")).t(" on ")
    g.put_date(d, cc, year=False, weekday=g.p(0.5))
    d.t(".")


def t_event(g, d):
    cc = g.cc()
    d.t(g.c(["Concert at ", "Book fair at ", "Community meeting at ", "Charity run starting at "]))
    d.L(g.venue(g.c(["misc", "park", "library", "church"])))
    if g.p(0.5):
        d.t(", ")
        g.put_town(d, cc, country=False)
    d.t(" on ")
    g.put_date(d, cc, year=g.p(0.3))
    d.t(g.c(["; doors 19:00.", ". Free entry.", "."]))
    if g.p(0.3):
        d.t(" Organiser: ").N(g.name_form(g.person(cc), "full")).t(".")


def t_police(g, d):
    cc = g.cc()
    w = g.person(cc)
    d.t("On ")
    g.put_date(d, cc, year=True)
    d.t(
        g.c(
            [
                ", at approx. 22:40, a bicycle was stolen from outside ",
                " a car window was smashed at ",
                ", shortly after midnight, a burglary was reported at ",
            ]
        )
    )
    g.put_addr(d, cc, country=False)
    d.t(". Witness: ").N(w.full)
    if g.p(0.6):
        d.t(", ").P(g.phone(cc))
    d.t(". " + g.c(["Crime reference ", "Incident no. "])).ID(
        g.pat(g.c(["CR/#####/##", "######/@@/##", "INC-#######"]))
    ).t(".")


def t_moving(g, d):
    cc = g.cc()
    d.t(g.c(["Please note our new address from ", "From ", "As of "]))
    g.put_date(d, cc, year=g.p(0.6))
    d.t(":" + g.c(["\n", " "]))
    g.put_addr(d, cc, multi=g.p(0.5), country=g.p(0.3))
    if g.p(0.5):
        d.t(g.c(["\nOld address (", ". The old address ("]))
        g.put_addr(d, cc, sep=", ", country=False)
        d.t(") is no longer in use.")


def t_restaurant(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t("Table for %d under " % g.ri(2, 8)).N(g.name_form(pp, g.c(["full", "last", "first"])))
    d.t(g.c([" at 8pm on ", " for ", ", 19:30, "]))
    g.put_date(d, cc, year=False, weekday=g.p(0.4))
    d.t(". " + g.c(["Phone ", "Tel: ", "Contact number "])).P(g.phone(cc)).t(".")


def t_car_rental(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t("Pick-up: ").L(g.venue("station")).t(", ")
    g.put_date(d, cc, year=g.p(0.5))
    d.t(g.c([". Driver: ", "\nDriver: "])).N(pp.full)
    d.t(g.c([", licence ", ", licence no. ", ", driving licence "])).ID(g.ref("licence"))
    d.t(g.c([". Vehicle ", ". Plate "])).ID(g.plate(cc)).t(".")


def t_school_trip(g, d):
    cc = g.cc()
    t = g.person(cc)
    d.t(g.c(["The Year 6 trip to ", "Our class outing to ", "The field trip to "])).L(g.venue(g.c(["park", "misc"])))
    d.t(" is on ")
    g.put_date(d, cc, year=False, style=g.c(["d_mon", "mon_d", "dmy_long", "mdy_long", "ord", "num"]))
    d.t(". Please return forms to " + g.title(cc) + " ").N(t.last).t(g.c([" by the ", " before the "]))
    d.D(g.ordn(g.ri(1, 28))).t(".")


def t_newsletter(g, d):
    cc = g.cc()
    a, b = g.person(cc, female=True), g.person(cc, female=False)
    d.t(g.c(["Congratulations to ", "Congrats to ", "Best wishes to "])).N(a.full).t(" and ").N(b.full)
    d.t(g.c([", who married at ", ", who tied the knot at "])).L(g.venue("church")).t(", ")
    g.put_town(d, cc, country=False)
    d.t(" on ")
    g.put_date(d, cc, year=g.p(0.4))
    d.t(".")


def t_meter(g, d):
    cc = g.cc()
    d.t(g.c(["Meter reading for ", "Reading submitted for "]))
    g.put_addr(d, cc, country=False)
    d.t(" on ")
    g.put_date(d, cc, year=True, style=g.c(["num", "iso", "dmy_long", "abbr"]))
    d.t(": %05d kWh. " % g.ri(100, 99999) + g.c(["Account number ", "Customer no. ", "Account: "])).ID(
        g.ref("account")
    ).t(".")


def t_review(g, d):
    cc = g.cc()
    d.t(g.c(["Stayed at ", "We stayed at ", "Two nights at "])).L(g.venue("hotel")).t(" in ")
    g.put_town(d, cc, country=g.p(0.3))
    d.t(g.c([" in ", " last "])).D(MONTHS["en"][g.ri(0, 11)])
    d.t(". " + g.c(["The staff were lovely, especially ", "Special thanks to ", "Ask for "])).N(g.person(cc).first)
    d.t(g.c([" at reception.", ".", " - 5 stars."]))


def t_vet(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t("Pet: " + g.c(PETS) + g.c([" (cat)", " (dog)", ""]) + "\nOwner: ").N(pp.full).t("\n")
    d.t(g.c(["Microchip: ", "Chip no. "])).ID(g.ref("chip")).t("\n")
    d.t("Next vaccination due: ").D(
        g.date(cc, year=g.p(0.5), style=g.c(["num", "d_mon", "mon_year", "dmy_long"]), recent=True)
    )


def t_application(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t("I, ").N(pp.full).t(g.c([", born ", ", born on "])).D(g.dob(cc)).t(" in ")
    g.put_town(d, cc, country=False)
    d.t(", " + g.c(["a ", ""])).i(g.nationality(cc)).t(g.c([" citizen", " national"]))
    d.t(g.c([", passport no. ", ", holder of passport "])).ID(g.passport(cc))
    d.t(g.c([", residing at ", ", of "]))
    g.put_addr(d, cc, country=g.p(0.5), sep=", ")
    d.t(g.c([", hereby apply for a residence permit.", ", declare the above to be true."]))


def t_meeting(g, d):
    cc = g.cc()
    ps = [g.person(g.cc()) for _ in range(g.ri(2, 4))]
    d.t(g.c(["Attendees: ", "Present: ", "Participants: "]))
    for k, pp in enumerate(ps):
        if k:
            d.t(", ")
        d.N(g.name_form(pp, g.c(["full", "full", "init", "first"])))
    d.t(g.c([". Apologies: ", ". Absent: "])).N(g.person(cc).full)
    d.t(". Next meeting ")
    g.put_date(d, cc, year=g.p(0.3), weekday=g.p(0.3))
    d.t(g.c([" at ", " in "])).L(g.venue(g.c(["library", "cafe", "hotel"]))).t(".")


def t_ship_to(g, d):
    cc = g.c(ADDR_CCS)
    pp = g.person(cc if cc in COUNTRY else None)
    d.t(g.c(["Ship to:\n", "Deliver to:\n", "SHIPPING ADDRESS\n", "Recipient:\n", ""]))
    d.N(pp.full.upper() if g.p(0.2) else pp.full).t("\n")
    g.put_addr(d, cc, multi=True, country=g.p(0.5))
    if g.p(0.4):
        d.t("\n" + g.c(["Tel: ", "Phone: ", ""])).P(g.phone(cc if cc in COUNTRY else "DE"))


def t_address_only(g, d):
    cc = g.c(ADDR_CCS)
    if g.p(0.5):
        d.t(g.c(["Address: ", "Our address is ", "Find us at ", "Postal address: ", "Send to "]))
    g.put_addr(d, cc, multi=g.p(0.4), country=g.p(0.4) if cc in COUNTRY else False)
    if g.p(0.3):
        d.t(g.c([".", " (ring twice)", " - back entrance"]))


def t_directions(g, d):
    cc = g.cc()
    d.t(g.c(["Turn left after ", "Walk past ", "Coming from "])).L(
        g.venue(g.c(["park", "station", "school", "church"]))
    )
    d.t(g.c(["; our house is the blue one at ", ", we're at ", ", the entrance is round the back of "]))
    g.put_addr(d, cc, street_only=g.p(0.6), country=False)
    d.t(g.c([".", ". Parking on the street is free after 6.", ""]))


def t_webform(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t("Name: ").N(pp.full).t("\nEmail: ").E(g.email(pp))
    if g.p(0.7):
        d.t("\nPhone: ").P(g.phone(cc))
    if g.p(0.4):
        d.t("\nWebsite: ").U(g.url(pp))
    d.t(
        "\nMessage: "
        + g.c(
            [
                "Hi, is the flat still available?",
                "Please call me back about my order.",
                "I'd like to book a tour for ",
                "Interested in the job posting.",
            ]
        )
    )
    if d.parts[-1].endswith("for "):
        g.put_date(d, cc, year=False)
        d.t(".")
    if g.p(0.2):
        d.t("\nIP: ").IP(g.ip())


def t_parking(g, d):
    cc = g.cc()
    d.t(g.c(["Vehicle ", "Car "])).ID(g.plate(cc))
    d.t(g.c([" was parked illegally on ", " received a penalty notice on ", " was clamped at "]))
    g.put_addr(d, cc, street_only=True)
    d.t(", ")
    g.put_town(d, cc, country=False)
    d.t(" on ")
    g.put_date(d, cc, year=True, style=g.c(["num", "dmy_long", "iso", "native"]))
    d.t(". PCN " if g.p(0.5) else ". Notice no. ")
    d.ID(g.pat("@@########")).t(".")


def t_census(g, d):
    cc = g.c(["UK", "IE", "US", "CA", "AU", "NZ"])
    pp = g.person(cc)
    d.i(str(g.c([1881, 1891, 1901, 1911, 1921, 1940, 1950]))).t(" census: ").N(pp.full)
    d.t(
        g.c(
            [
                ", head, age %d, born " % g.ri(20, 70),
                ", wife, age %d, born " % g.ri(18, 60),
                ", son, %d, born " % g.ri(1, 17),
            ]
        )
    )
    g.put_town(d, cc, region=g.p(0.5), country=False)
    d.t(g.c([". Occupation: ", "; "])).i(g.c(JOBS)).t(".")


def t_card_payment(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Card number: ", "Paid with card ", "CC: "])).ID(g.card())
    d.t(g.c([", exp ", ", expiry ", " valid thru "])).D("%02d/%02d" % (g.ri(1, 12), g.ri(25, 31)))
    d.t(g.c([", cardholder ", ", name on card: "])).N(pp.full.upper() if g.p(0.5) else pp.full).t(".")


def t_whois(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Registrant: ", "Admin contact: "])).N(pp.full).t("\n")
    d.t("Email: ").E(g.email(pp)).t("\n")
    d.t("Website: ").U(g.url(pp)).t("\n")
    d.t("Last login from ").IP(g.ip()).t(" on ").D(g.date(cc, style="iso", year=True, recent=True))


def t_birthday_short(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Happy birthday ", "happy bday ", "Many happy returns, "])).N(pp.first)
    d.t(g.c(["!", "!!", " 🎂", "! x"]))
    if g.p(0.4):
        d.t(" See you on the ").D(g.ordn(g.ri(1, 30))).t(".")


def t_name_opening(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.N(g.name_form(pp, g.c(["first", "full", "full"])))
    d.t(g.c([" called about the leak at ", " is now living at ", " asked us to forward post to "]))
    g.put_addr(d, cc, country=False, street_only=g.p(0.4))
    d.t(g.c([". Please call back on ", ". Number: "])).P(g.phone(cc)).t(".")


def t_lower_chat(g, d):
    """written in lower case entirely (casual)"""
    cc = g.cc()
    a = g.person(cc)
    d.lower = True
    d.t(g.c(["omg ", "lol ", "", "ok so "])).N(a.first).t(
        g.c([" just told me she's moving to ", " is flying to ", " got a job in "])
    )
    g.put_town(d, cc, country=False)
    d.t(g.c([" on ", " around "]))
    d.D(g.date(cc, year=False, style=g.c(["d_mon", "mon_d", "ord", "num", "ord_mon"])))
    d.t(g.c(["!!", " 😭", " apparently", ""]))


def t_pickup(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.t(g.c(["Your order is ready for collection at ", "Click & collect: ready at "])).L(
        g.venue(g.c(["station", "library"]))
    )
    d.t(g.c([" lockers. ", ". "]) + "Collect by ")
    g.put_date(d, cc, year=False)
    d.t(g.c([" with code ", ", code "])).i(g.pat("######")).t(". " + g.c(["Order for ", "Name: "])).N(
        g.name_form(pp, "init")
    ).t(".")


def t_month_only(g, d):
    cc = g.cc()
    pp = g.person(cc)
    d.N(g.name_form(pp, "first")).t(g.c([" starts at the ", " joins the "])).L(g.venue("hospital"))
    d.t(g.c([" in ", " from "])).D(
        g.date(cc, style="mon_year", year=g.p(0.5)) if g.p(0.6) else MONTHS["en"][g.ri(0, 11)]
    )
    d.t(g.c([" as a ", ", working as "])).i(g.c(JOBS)).t(".")


def t_diary(g, d):
    cc = g.cc()
    y, m, dd = g.ymd(1990, 2025)
    d.D(g.date(cc, ymd=(y, m, dd), year=True, style=g.c(["dmy_long", "iso", "mdy_long", "num"])))
    d.t(g.c(["\n", " - ", ". "]))
    d.t(g.c(["Rain all day. ", "Long walk with ", "Visited "]))
    if d.parts[-1].startswith("Long"):
        d.N(g.person(cc).first).t(" along ").L(g.venue("park")).t(". ")
    elif d.parts[-1].startswith("Visited"):
        d.t("Aunt ").N(g.person(cc).first).t(" in ")
        g.put_town(d, cc, country=False)
        d.t(". ")
    d.t(g.c(["Tired.", "Bed early.", "Good day overall."]))


# ---- short texts (2-6 words)


def t_short_pii(g, d):
    cc = g.cc()
    pp = g.person(cc)
    k = g.ri(0, 11)
    if k == 0:
        d.t("Call ").N(pp.first)
    elif k == 1:
        d.D(g.date(cc, year=False, style=g.c(["d_mon", "mon_d", "num", "ord_mon"]))).t(" works for me")
    elif k == 2:
        d.t("Meet at ").L(g.venue("station")).t("?")
    elif k == 3:
        d.N(pp.full).t(" here.")
    elif k == 4:
        d.t("Sent to ").E(g.email(pp))
    elif k == 5:
        d.t("Moved to ")
        g.put_town(d, cc, country=False)
    elif k == 6:
        d.t("Delivered to ")
        g.put_addr(d, cc, street_only=True)
    elif k == 7:
        d.t("Ring me: ").P(g.phone(cc))
    elif k == 8:
        d.t("DOB ").D(g.dob(cc))
    elif k == 9:
        d.t("Ref ").ID(g.ref("booking"))
    elif k == 10:
        d.N(pp.first.lower() if g.p(0.5) else pp.first).t(g.c([" ok?", "??", " pls call"]))
    else:
        d.t("See you ").D(g.date(cc, year=False, style=g.c(["d_mon", "ord", "num"]))).t("!")


SHORT_NONE = [
    "ok see you then",
    "Parcel received, thanks.",
    "Running late!",
    "On my way",
    "Great news!",
    "Door code changed.",
    "no worries",
    "Thanks a lot!",
    "Meeting moved to Tuesday.",
    "Keys are under the mat",
    "Call me back please",
    "Order cancelled.",
    "Out of office.",
    "Happy holidays!",
    "Back at 3pm",
]
LONG_NONE = [
    "The shop closes early on public holidays. Please bring your receipt for any returns.",
    "Thanks for your message. We will get back to you within two working days.",
    "Reminder: bins go out on Tuesday night this week because of the bank holiday.",
    "Please keep the fire doors closed at all times. Bicycles must not be left in the hallway.",
    "Our opening hours are 9 to 5, Monday to Friday. Parking is available behind the building.",
    "The heating will be switched off for maintenance between 10am and 2pm on Thursday.",
    "Your subscription has been renewed. You can change your preferences in the app at any time.",
    "Lovely weather for the walk today. The bluebells are out in the woods, well worth a visit.",
    "Add the onions, cook until soft, then stir in the lentils and simmer for twenty minutes.",
    "We are looking for volunteers to help with the summer fair. No experience needed, just enthusiasm.",
    "The library will be closed next Monday for staff training. Online services remain available.",
    "Water pressure may be low overnight while the pipes are flushed. We apologise for any inconvenience.",
    "Lost property is kept for thirty days before being donated to charity.",
    "Remember to bring a packed lunch, a waterproof coat and sensible shoes for the trip.",
    "Tickets are non-refundable but can be transferred to another person up to 24 hours before the event.",
]


def t_none(g, d):
    if g.p(0.35):
        d.t(g.c(SHORT_NONE))
        return
    d.t(g.c(LONG_NONE))
    if g.p(0.25):
        d.t(" " + g.c(["Sent on behalf of ", "Posted by "])).i(g.c(ORGS)).t(".")


# weight, function, casual (may be lower-cased)
TEMPLATES = [
    (5, t_delivery_sms, False),
    (4, t_delivery_failed, False),
    (3, t_driver_chat, True),
    (4, t_booking, False),
    (2, t_flight, False),
    (4, t_listing_rent, False),
    (3, t_listing_sale, False),
    (3, t_lost_found, False),
    (2, t_lost_wallet, False),
    (3, t_school_form, False),
    (2, t_hr_form, False),
    (3, t_complaint_letter, False),
    (3, t_genealogy, False),
    (3, t_travel_log, False),
    (3, t_classified, False),
    (2, t_insurance, False),
    (3, t_invitation, False),
    (3, t_social_move, True),
    (3, t_social_checkin, True),
    (5, t_chat, True),
    (3, t_signature, False),
    (3, t_medical, False),
    (2, t_bank, False),
    (2, t_it_ticket, False),
    (2, t_membership, False),
    (2, t_obituary, False),
    (2, t_event, False),
    (2, t_police, False),
    (3, t_moving, False),
    (2, t_restaurant, False),
    (2, t_car_rental, False),
    (2, t_school_trip, False),
    (2, t_newsletter, False),
    (2, t_meter, False),
    (2, t_review, False),
    (1, t_vet, False),
    (2, t_application, False),
    (2, t_meeting, False),
    (6, t_ship_to, False),
    (6, t_address_only, False),
    (2, t_directions, False),
    (2, t_webform, False),
    (2, t_parking, False),
    (1, t_census, False),
    (1, t_card_payment, False),
    (1, t_whois, False),
    (2, t_birthday_short, True),
    (3, t_name_opening, False),
    (2, t_lower_chat, False),
    (1, t_pickup, False),
    (1, t_month_only, False),
    (1, t_diary, False),
    (4, t_short_pii, True),
]


# --------------------------------------------------------------------------
# generation, validation, CLI
# --------------------------------------------------------------------------


def _cut(text, i):
    """True if position i (a boundary) lies inside a word."""
    return 0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum()


def problems(rec):
    out = []
    text = rec.get("text")
    if not isinstance(text, str) or not text:
        return ["text missing or empty"]
    spans = rec.get("spans")
    ign = rec.get("ignore", [])
    if not isinstance(spans, list) or not isinstance(ign, list):
        return ["spans/ignore not lists"]
    items = []
    for kind, lst in (("span", spans), ("ignore", ign)):
        for sp in lst:
            st, en = sp.get("start"), sp.get("end")
            if not isinstance(st, int) or not isinstance(en, int) or not 0 <= st < en <= len(text):
                out.append("%s offsets bad: %r" % (kind, sp))
                continue
            if kind == "span" and sp.get("type") not in TYPES:
                out.append("bad label: %r" % (sp,))
            frag = text[st:en]
            if frag != frag.strip():
                out.append("%s with whitespace at edge: %r" % (kind, frag))
            if _cut(text, st) or _cut(text, en):
                out.append("%s cuts a word: %r in %r" % (kind, frag, text[max(0, st - 10) : en + 10]))
            items.append((st, en, kind, frag))
    items.sort()
    for a, b in zip(items, items[1:]):
        if b[0] < a[1]:
            out.append("overlap: %r / %r" % (a[3], b[3]))
    return out


def build(seed, n):
    g = Gen(seed)
    weights = [w for w, _, _ in TEMPLATES]
    recs = []
    for k in range(n):
        if g.p(0.10):
            fn, casual = t_none, False
        else:
            _, fn, casual = g.r.choices(TEMPLATES, weights=weights)[0]
        d = Doc(lower=casual and g.p(0.12))
        fn(g, d)
        rec = {"id": "gen4-%06d" % (k + 1), "text": d.text, "spans": d.spans, "ignore": d.ign}
        bad = problems(rec)
        if bad:
            raise AssertionError("record %s (%s): %s\n%r" % (rec["id"], fn.__name__, bad, rec["text"]))
        recs.append(rec)
    return recs


def check(path):
    counts = collections.Counter()
    n = n_empty = n_bad = 0
    ids = set()
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            try:
                rec = json.loads(line)
            except ValueError as e:
                print("line %d: invalid JSON (%s)" % (ln, e))
                n_bad += 1
                continue
            n += 1
            bad = problems(rec)
            if rec.get("id") in ids:
                bad.append("duplicate id %r" % rec.get("id"))
            ids.add(rec.get("id"))
            for b in bad:
                print("line %d (%s): %s" % (ln, rec.get("id"), b))
            n_bad += bool(bad)
            if not bad:
                counts.update(sp["type"] for sp in rec["spans"])
                counts["ignore"] += len(rec["ignore"])
                n_empty += not rec["spans"]
    print("records: %d  without identifiers: %d  with problems: %d" % (n, n_empty, n_bad))
    for lab in TYPES + ("ignore",):
        print("  %-9s %6d" % (lab, counts[lab]))
    return 1 if (n_bad or n == 0) else 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=4401)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", default="gen4_dev.jsonl")
    ap.add_argument("--check", metavar="FILE", help="validate FILE and print label counts instead of generating")
    a = ap.parse_args(argv)
    if a.check:
        return check(a.check)
    recs = build(a.seed, a.n)
    odir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(odir, exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print("wrote %d records to %s" % (len(recs), a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
