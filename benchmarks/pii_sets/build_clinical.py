#!/usr/bin/env python3
"""Build a synthetic, annotated test set of ICU / ward nursing progress notes.

Writes ``clinical.jsonl`` next to this script.  Every note is assembled from
hand-written sentence templates; identifiers (PHI) are inserted as separate
pieces and their character offsets are recorded while the text is being
concatenated (never by searching the finished text).

Deterministic: fixed seed 7741, standard library + ``faker`` only, offline.

Output line format::

    {"id": "c00001", "case": "upper"|"mixed", "text": "...",
     "spans": [{"start": s, "end": e, "type": T, ["role": R]}],
     "ignore": [{"start": s, "end": e}]}

T is one of NAME, LOCATION, ADDRESS, DATE, PHONE, AGE, ID.  NAME spans carry a
role: patient, clinician or relative (visitors/friends/guardians are
"relative").  ``ignore`` marks US states, countries, lone years and holiday
words: they count neither as identifiers nor as ordinary words.

This is a TEST set.  It must never be used to tune the de-identifier.
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path

from faker import Faker

SEED = 7741
N_NOTES = 2000
UPPER_FRACTION = 0.85
OUT = Path(__file__).resolve().parent / "clinical.jsonl"

R = random.Random(SEED)


def ri(a: int, b: int) -> str:
    return str(R.randint(a, b))


def rf(a: float, b: float, d: int = 1) -> str:
    return f"{R.uniform(a, b):.{d}f}"


def ch(seq):
    return R.choice(seq)


def wch(pairs):
    """weighted choice from [(item, weight), ...]"""
    total = sum(w for _, w in pairs)
    x = R.uniform(0, total)
    acc = 0.0
    for item, w in pairs:
        acc += w
        if x <= acc:
            return item
    return pairs[-1][0]


# --------------------------------------------------------------------------
# Piece helpers.  A rendered template is a list of pieces: a plain str, or a
# tuple ('S', text, TYPE, role) for an identifier, or ('I', text) for ignore.
# --------------------------------------------------------------------------


def S(text: str, typ: str, role: str | None = None):
    text = text.strip()
    assert text, typ
    return ("S", text, typ, role)


def I(text: str):
    return ("I", text.strip())


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

_FOLD = str.maketrans(
    {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ı": "i"}
)
_NAME_OK = re.compile(r"^[A-Za-z][A-Za-z' .-]*[A-Za-z]$")


def fold(s: str) -> str:
    s = s.translate(_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


FAKERS: dict[str, Faker] = {}
for _i, _loc in enumerate(
    [
        "en_US",
        "en_IE",
        "it_IT",
        "pl_PL",
        "es_MX",
        "es_CO",
        "pt_PT",
        "pt_BR",
        "fr_FR",
        "en_IN",
        "vi_VN",
        "yo_NG",
        "ig_NG",
        "de_DE",
    ]
):
    _f = Faker(_loc)
    _f.seed_instance(SEED + _i)
    FAKERS[_loc] = _f


def L(s: str) -> list[str]:
    return [x.strip() for x in s.split(",") if x.strip()]


# own lists for groups whose Faker locale is not in Latin script or is thin
OWN = {
    "irish": dict(
        m=L(
            "Sean, Patrick, Ciaran, Declan, Colm, Dermot, Liam, Brendan, Kieran, Fergus, Padraig, Eamon, Cormac, Donal, Seamus, Niall, Michael, Kevin"
        ),
        f=L(
            "Siobhan, Bridget, Maureen, Niamh, Kathleen, Eileen, Aoife, Fiona, Sinead, Roisin, Deirdre, Grainne, Nora, Mairead, Colleen, Peggy"
        ),
        s=L(
            "O'Brien, O'Sullivan, McCarthy, Murphy, Kelly, Fitzgerald, Doherty, O'Connor, Donovan, McNamara, Callahan, O'Malley, Flaherty, Sweeney, Gallagher, Kennedy, Walsh, Byrne, Driscoll, McGrath, Quinlan, Dempsey, Mulcahy, O'Neill, Keane, Foley, Connolly, Hennessy, Brennan, Moriarty"
        ),
    ),
    "greek": dict(
        m=L(
            "Dimitrios, Konstantinos, Georgios, Ioannis, Nikos, Panagiotis, Christos, Vasilis, Spiros, Stavros, Andreas, Theodoros, Kostas, Yiannis"
        ),
        f=L(
            "Eleni, Maria, Athanasia, Sofia, Vasiliki, Stavroula, Despina, Georgia, Katerina, Panagiota, Chrysoula, Dimitra, Eftychia, Voula"
        ),
        s=L(
            "Papadopoulos, Georgiou, Kostopoulos, Andreadis, Karras, Dimitriou, Nikolaidis, Pappas, Stavropoulos, Christou, Papageorgiou, Vlachos, Alexiou, Makris, Economou, Karamanlis, Theodorou, Zervas, Galanis, Kouris"
        ),
    ),
    "russian": dict(
        m=L(
            "Ivan, Sergei, Dmitri, Yuri, Vladimir, Aleksandr, Boris, Mikhail, Nikolai, Igor, Viktor, Oleg, Pavel, Anatoly, Leonid, Arkady"
        ),
        f=L(
            "Olga, Tatiana, Natalya, Svetlana, Ludmila, Galina, Irina, Yelena, Raisa, Valentina, Marina, Larisa, Zoya, Nadezhda, Anya, Oksana"
        ),
        s=L(
            "Ivanov, Petrov, Smirnov, Kuznetsov, Popov, Volkov, Sokolov, Lebedev, Morozov, Novikov, Fedorov, Kozlov, Orlov, Pavlov, Zaitsev, Belov, Medvedev, Romanov, Vinogradov, Gusev, Rabinovich, Shapiro, Kogan, Feldman"
        ),
    ),
    "chinese": dict(
        m=L(
            "Wei, Jun, Jian, Qiang, Ming, Hao, Zhiwei, Xiaoming, Tao, Bo, Kwok-Wai, Chi-Keung, Wing, Siu-Ming, Guang, Yong"
        ),
        f=L(
            "Ling, Mei, Hui, Yan, Fang, Qing, Xiu Ying, Li Na, Xiaoli, Jing, Mei-Ling, Suk-Yee, Wai-Lan, Yuk-Ping, Lan, Hong"
        ),
        s=L(
            "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Zhu, Hu, Guo, Lin, He, Gao, Luo, Chan, Wong, Leung, Lau, Cheung, Tam, Ng, Ho, Yip, Mak, Tsang, Kwan, Fong"
        ),
    ),
    "korean": dict(
        m=L(
            "Min-Jun, Hyun-Woo, Young-Ho, Sang-Hoon, Jae-Hyun, Dong-Hyun, Sung-Min, Joon, Seung-Ho, Kyung-Soo, Byung-Chul, Tae-Yang"
        ),
        f=L(
            "Ji-Yeon, Seo-Yeon, Soo-Jin, Eun-Ji, Mi-Kyung, Hye-Jin, Young-Mi, Ji-Hye, Sun-Hee, Yoon-Ah, Min-Ji, Kyung-Ja"
        ),
        s=L(
            "Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin, Oh, Seo, Kwon, Hwang, Ahn, Song, Yoo, Hong, Moon, Baek"
        ),
    ),
    "arabic": dict(
        m=L(
            "Ahmed, Mohammed, Omar, Khalid, Yousef, Hassan, Samir, Karim, Tariq, Nabil, Walid, Mustafa, Ibrahim, Rami, Fadi, Bassam"
        ),
        f=L(
            "Fatima, Aisha, Layla, Mariam, Nour, Rania, Samira, Yasmin, Huda, Leila, Amal, Salma, Zainab, Dina, Hanan, Rasha"
        ),
        s=L(
            "Haddad, Khoury, Nasser, Hassan, Saleh, Abdullah, Mansour, Al-Sayed, El-Amin, Boutros, Aziz, Hamdan, Farah, Kassab, Najjar, Said, Rahman, Darwish, Al-Masri, Habib, Saad, Issa"
        ),
    ),
    "haitian": dict(
        m=L(
            "Jean, Pierre, Jean-Baptiste, Wilner, Dieudonne, Frantz, Junior, Ronel, Jean-Claude, Fritz, Wesner, Yves, Lesly, Jacques, Reginald, Wilfrid"
        ),
        f=L(
            "Marie, Roseline, Micheline, Mirlande, Guerline, Widline, Nadege, Fabienne, Marie-Carmel, Yolande, Lourdes, Solange, Nicole, Edeline, Rose-Marie, Claudette"
        ),
        s=L(
            "Jean-Louis, Pierre-Louis, Joseph, Charles, St. Fleur, Dorvil, Augustin, Baptiste, Desir, Thermidor, Celestin, Louissaint, Dorcely, Etienne, Fleurimond, St. Louis, Jean-Pierre, Toussaint, Dessalines, Previlon, Alexis, Noel"
        ),
    ),
    "vietnamese": dict(
        m=L("Thanh, Hung, Minh, Tuan, Quang, Hieu, Van, Duc, Long, Phuc, Khanh, Bao, Dung, Huy, Nam, Son"),
        f=L("Lan, Mai, Hoa, Linh, Phuong, Thu, Huong, Ngoc, Trang, Hanh, Thuy, Nga, Loan, Tuyet, Kim, Hang"),
        s=L(
            "Nguyen, Tran, Le, Pham, Hoang, Huynh, Phan, Vu, Vo, Dang, Bui, Do, Ho, Ngo, Duong, Ly, Truong, Dinh, Lam, Mai"
        ),
    ),
    "indian": dict(
        m=L(
            "Rajesh, Sanjay, Vikram, Arjun, Ravi, Manoj, Suresh, Anil, Rahul, Venkat, Ashok, Prakash, Deepak, Srinivas, Amit, Naveen"
        ),
        f=L(
            "Priya, Anjali, Deepa, Lakshmi, Sunita, Kavitha, Meena, Radha, Pooja, Shanti, Geeta, Asha, Nandini, Savitri, Padma, Rekha"
        ),
        s=L(
            "Patel, Shah, Sharma, Gupta, Reddy, Iyer, Nair, Chatterjee, Banerjee, Menon, Rao, Singh, Kumar, Desai, Mehta, Kapoor, Joshi, Krishnan, Venkataraman, Subramanian, Bhatt, Pillai, Agarwal, Malhotra"
        ),
    ),
    "nigerian": dict(
        m=L(
            "Chukwuemeka, Oluwaseun, Babatunde, Emeka, Olumide, Adebayo, Chinedu, Kelechi, Obinna, Tunde, Ikenna, Femi, Uche, Segun, Ifeanyi, Nnamdi"
        ),
        f=L(
            "Ngozi, Adaeze, Chiamaka, Folasade, Ifeoma, Temitope, Yetunde, Funmilayo, Nkechi, Bukola, Chioma, Amaka, Titilayo, Uchenna, Abimbola, Ebere"
        ),
        s=L(
            "Okafor, Adeyemi, Okonkwo, Bello, Nwosu, Eze, Ogundipe, Adebayo, Okoro, Abubakar, Olawale, Ibekwe, Chukwu, Oyelaran, Nwachukwu, Obi, Akinola, Adeleke, Onyekachi, Ogunleye, Balogun, Uzoma"
        ),
    ),
    "wordlike": dict(  # surnames/first names that are also ordinary English words
        m=L("Will, Mark, Frank, Bill, Grant, Chase, Pat, Guy, Rich, Jack, Art, Miles, Dale, Wade"),
        f=L("Hope, Faith, Joy, Grace, June, April, Dawn, Rose, Iris, Ivy, Pearl, Holly, Crystal, Summer, May, Charity"),
        s=L(
            "White, Brown, Young, Hall, Green, King, Long, Bell, Hill, Price, Cook, Baker, Wells, Stone, Fields, Black, Gray, Walker, Parks, Rice, Strong, Wise, Cross, Rose, Marsh, Lamb, Hart, Gross, Moss, Sharp, Friend, Love, Child"
        ),
    ),
}

NICK = {
    "Robert": "Bob",
    "William": "Bill",
    "Margaret": "Peggy",
    "Elizabeth": "Liz",
    "James": "Jimmy",
    "Anthony": "Tony",
    "Salvatore": "Sal",
    "Michael": "Mike",
    "Patricia": "Patty",
    "Charles": "Chuck",
    "Dorothy": "Dot",
    "Katherine": "Kathy",
    "John": "Johnny",
    "Nicholas": "Nick",
    "Edward": "Teddy",
    "Richard": "Dick",
    "Joseph": "Joey",
    "Rebecca": "Becky",
    "Deborah": "Debbie",
    "Susan": "Sue",
    "Francis": "Frankie",
    "Theresa": "Terry",
    "Barbara": "Babs",
    "Giuseppe": "Pino",
    "Alexander": "Sasha",
    "Jennifer": "Jen",
    "Christopher": "Chris",
    "Thomas": "Tommy",
    "Daniel": "Danny",
    "Catherine": "Cathy",
    "Virginia": "Ginny",
}
NICK_ONLY = L(
    "Bob, Bill, Peggy, Liz, Jimmy, Tony, Sal, Mike, Patty, Chuck, Dot, Kathy, Johnny, Nick, Teddy, Sonny, Bud, Dee, Bunny, Junior, Cookie, Tess, Manny, Vinny"
)

US_FIRST_M = L(
    "Robert, William, James, John, Michael, Richard, Joseph, Thomas, Charles, Edward, Francis, George, Paul, Daniel, Anthony, Kenneth, Walter, Arthur, Harold, Raymond, Gerald, Dennis, Eugene"
)
US_FIRST_F = L(
    "Margaret, Dorothy, Patricia, Elizabeth, Barbara, Mary, Helen, Catherine, Joan, Virginia, Alice, Ruth, Evelyn, Theresa, Deborah, Susan, Linda, Carol, Janet, Diane, Gloria, Shirley, Jessica, Hannah"
)

# ethnicity groups: (faker locales, own-list key), weight
GROUPS = [
    ("us", ["en_US"], None, 22),
    ("irish", ["en_IE"], "irish", 10),
    ("italian", ["it_IT"], None, 8),
    ("polish", ["pl_PL"], None, 5),
    ("greek", [], "greek", 4),
    ("vietnamese", ["vi_VN"], "vietnamese", 5),
    ("chinese", [], "chinese", 5),
    ("korean", [], "korean", 3),
    ("indian", ["en_IN"], "indian", 5),
    ("nigerian", ["yo_NG", "ig_NG"], "nigerian", 4),
    ("arabic", [], "arabic", 4),
    ("hispanic", ["es_MX", "es_CO"], None, 8),
    ("russian", [], "russian", 4),
    ("haitian", ["fr_FR"], "haitian", 5),
    ("portuguese", ["pt_PT", "pt_BR"], None, 5),
    ("german", ["de_DE"], None, 2),
    ("wordlike", [], "wordlike", 3),
]


def clean_name(s: str) -> str | None:
    s = fold(s).strip()
    s = re.sub(r"\s+", " ", s)
    if not _NAME_OK.match(s) or len(s) > 28:
        return None
    return s


def _pick(group: str, kind: str) -> str:
    """kind: 'm', 'f' (first names) or 's' (surname)."""
    spec = next(g for g in GROUPS if g[0] == group)
    _, locs, own, _ = spec
    for _ in range(20):
        use_own = own is not None and (not locs or R.random() < 0.6)
        if group == "us" and kind != "s" and R.random() < 0.35:
            cand = ch(US_FIRST_M if kind == "m" else US_FIRST_F)
        elif use_own:
            cand = ch(OWN[own][kind])
        else:
            f = FAKERS[ch(locs)]
            cand = {"m": f.first_name_male, "f": f.first_name_female, "s": f.last_name}[kind]()
            if kind != "s":
                cand = cand.split(" ")[0] if R.random() < 0.8 else cand
        c = clean_name(cand)
        if c:
            return c
    return "Smith" if kind == "s" else "Mary"


def pick_group() -> str:
    return wch([(g[0], g[3]) for g in GROUPS])


def first_name(group: str, sex: str) -> str:
    return _pick(group, "m" if sex == "M" else "f")


def surname(group: str) -> str:
    s = _pick(group, "s")
    if group == "russian" and R.random() < 0.5 and re.search(r"(ov|ev|in)$", s):
        pass  # surname of a male relative; feminine form chosen by caller
    return s


def fem_surname(group: str, s: str) -> str:
    if group == "russian" and re.search(r"(ov|ev|in)$", s):
        return s + "a"
    return s


# --------------------------------------------------------------------------
# Locations
# --------------------------------------------------------------------------

CITIES = L(
    "Revere, Dorchester, Worcester, Quincy, Brockton, Lynn, Malden, Somerville, Chelsea, Framingham, Newton, Waltham, Medford, Everett, Cambridge, Brookline, Roslindale, Mattapan, Hyde Park, Jamaica Plain, East Boston, Charlestown, Dedham, Milton, Braintree, Weymouth, Randolph, Stoughton, Taunton, Fall River, New Bedford, Lowell, Lawrence, Haverhill, Salem, Peabody, Beverly, Gloucester, Marblehead, Saugus, Winthrop, Arlington, Lexington, Woburn, Burlington, Natick, Needham, Wellesley, Norwood, Walpole, Plymouth, Marshfield, Hingham, Cohasset, Falmouth, Hyannis, Springfield, Fitchburg, Leominster, Nashua, Manchester, Providence, Pawtucket, Methuen, Chelmsford, Billerica, Tewksbury, Andover, Attleboro, Foxboro, Mansfield, Franklin, Milford, Hudson, Marlborough, Chicopee, Holyoke, Reading, Canton, Sharon, Concord, Lincoln, Bedford, Winchester, Florence, Boston, South Boston, Allston, Brighton, West Roxbury, Roxbury, Chestnut Hill, Swampscott, Nahant, Danvers, Lynnfield, Wakefield, Stoneham, Melrose, Watertown, Belmont, Sudbury, Wayland, Duxbury, Scituate, Sandwich, Bourne, Worcester, Shrewsbury, Portsmouth, Brattleboro, Woonsocket, Cranston"
)
STATES = L(
    "MA, Mass, Massachusetts, NH, New Hampshire, RI, Rhode Island, Maine, ME, VT, Vermont, CT, Connecticut, FL, Florida, NY, NJ, New Jersey, Texas, California, Ohio, PA, Pennsylvania, Arizona, NC, North Carolina, Georgia"
)
COUNTRIES = L(
    "Haiti, Portugal, Vietnam, China, Ireland, Italy, Greece, Poland, Nigeria, Lebanon, Cape Verde, Brazil, Dominican Republic, Puerto Rico, India, Korea, Russia, Guatemala, El Salvador, Colombia, Azores, Jamaica, Cambodia, Ukraine, Egypt, Canada, Mexico, England, Israel"
)
SAINTS = L(
    "St. Elizabeth's, St. Vincent's, St. Anne's, St. Luke's, St. Joseph's, St. Margaret's, St. Francis, St. Mary's, Saint Raphael's, St. Jude, Our Lady of Mercy, Holy Family, Holy Cross, Good Samaritan, Sacred Heart, St. Camillus, Caritas St. John's"
)
HOSP_FIXED = L(
    "Mercy General, North Shore Medical Center, South Shore Hospital, MetroWest Medical Center, Cape Cod Hospital, Mount Auburn, Lahey Clinic, Lahey, Caritas Carney, Carney Hospital, Faulkner, Faulkner Hospital, Emerson Hospital, Winchester Hospital, Baystate, Lawrence General, Lowell General, Anna Jaques, Jordan Hospital, Morton Hospital, Sturdy Memorial, Brigham, Brigham and Women's, MGH, Mass General, Tufts, NEMC, New England Baptist, Boston Medical Center, BMC, Beth Israel, Children's Hospital, Dana Farber, Joslin, Newton-Wellesley, Milford Regional, UMass Memorial, Hallmark Health, Melrose-Wakefield, Whidden, Quincy Medical Center, Norwood Hospital, Cambridge Hospital, Signature Brockton, Kindred Hospital, Shriners"
)
REHAB_FIXED = L(
    "Bayview Rehab, Hebrew Rehab, Hebrew Senior Life, Spaulding, Spaulding Rehab, Youville, Braintree Rehab, Radius, Whittier Rehab, Sherrill House, Laurel Ridge, Hancock Park, Marian Manor, Brookhaven, Clarendon House, Copley at Stoughton, Harborview Manor, Seacoast Nursing, Mary's House, New Bridge on the Charles, Don Orione, Kindred at Braintree, Lifecare of Plymouth, Blue Hills Rehab, Wingate, Fairlawn Rehab, Jewish Rehab, Tower Hill Rehab"
)
TREES = L("Maple, Oak, Cedar, Pine, Elm, Birch, Willow, Chestnut, Laurel, Hawthorne")
BUILDINGS = L(
    "Farr, Feldberg, Reisman, Shapiro, Stoneman, Baker, CC, Finard, Kirstein, Rose, Wolk, Deaconess, Ellison, Phillips, Blake, White, Lunder, Yawkey, Gray"
)
CHURCH = L(
    "St. Anthony's Parish, St. Leonard's Church, Holy Trinity, Temple Beth El, Mt. Calvary Baptist, St. Brendan's, Sacred Heart Parish, Greek Orthodox Cathedral, St. Ann's, Our Lady of Good Voyage, Temple Israel, Eglise Baptiste Haitienne, Islamic Society of Boston, Cathedral of the Holy Cross"
)
STREET_SUFFIX = L("St, Street, Ave, Avenue, Rd, Road, Way, Terrace, Lane, Drive, Pl, Blvd")


def city_name() -> str:
    if R.random() < 0.75:
        return ch(CITIES)
    c = clean_name(FAKERS["en_US"].city())
    return c or ch(CITIES)


def hospital_name() -> str:
    r = R.random()
    if r < 0.28:
        return ch(SAINTS) + ch(["", "", " Hospital", " Medical Center"])
    if r < 0.6:
        return ch(HOSP_FIXED)
    return city_name() + ch(
        [
            " General",
            " Hospital",
            " Medical Center",
            " Memorial",
            " Regional",
            " Community Hospital",
            " General Hospital",
        ]
    )


def rehab_name() -> str:
    r = R.random()
    if r < 0.45:
        return ch(REHAB_FIXED)
    if r < 0.6:
        return city_name() + ch(
            [" Nursing Home", " Nursing and Rehab", " Rehab Center", " Health Care Center", " Skilled Nursing"]
        )
    if r < 0.72:
        return surname(pick_group()) + ch([" Manor", " House", " Nursing Home", " Pavilion"])
    if r < 0.84:
        return ch(TREES) + ch([" Hill Nursing Home", "wood Rehab", " Crest", " Ridge Rehab", " Manor", " Pointe"])
    return ch(["Sunrise of ", "Brookdale ", "Atria ", "Benchmark at "]) + city_name()


def street_address() -> str:
    if R.random() < 0.55:
        a = fold(FAKERS["en_US"].street_address())
        if _NAME_OK.match(re.sub(r"[0-9#]", "a", a)):
            return a
    name = ch(
        L(
            "Shirley, Bennington, Adams, Washington, Dorchester, Centre, Main, Elm, Pleasant, High, School, Broadway, Cambridge, Beacon, Commonwealth, Tremont, Blue Hill, Hancock, Columbia, Hyde Park, Summer, Winter, Chestnut, Cedar, Highland, Union, Walnut, Prospect, Salem, Lowell, Boylston, Huntington, Brookline"
        )
    )
    num = ri(1, 1899)
    s = f"{num} {name} {ch(STREET_SUFFIX)}"
    if R.random() < 0.2:
        s += ch([f" Apt {ri(1, 40)}", f" #{ri(1, 12)}", f" Unit {ri(1, 9)}{ch('ABC')}"])
    return s


# --------------------------------------------------------------------------
# Dates, phones, ages, IDs
# --------------------------------------------------------------------------

MONTHS = L("January, February, March, April, May, June, July, August, September, October, November, December")
MON3 = L("Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov, Dec")
DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _md():
    m = R.randint(1, 12)
    return m, R.randint(1, DIM[m - 1])


def ordinal(d: int) -> str:
    suf = "th" if 11 <= d % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return f"{d}{suf}"


def date_md() -> str:
    m, d = _md()
    return ch([f"{m}/{d}", f"{m}/{d}", f"{m}/{d}", f"{m:02d}/{d:02d}", f"{m}/{d:02d}"])


def date_full() -> str:
    m, d = _md()
    y = R.randint(2001, 2021)
    return ch(
        [
            f"{m}/{d}/{y}",
            f"{m}/{d}/{y % 100:02d}",
            f"{m:02d}-{d:02d}-{y % 100:02d}",
            f"{m:02d}/{d:02d}/{y}",
            f"{m}-{d}-{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{m}.{d}.{y % 100:02d}",
        ]
    )


def date_word() -> str:
    m, d = _md()
    mm, m3 = MONTHS[m - 1], MON3[m - 1]
    return ch(
        [
            f"{mm} {ordinal(d)}",
            f"{mm} {d}",
            f"{m3} {d}",
            f"{d} {m3}",
            f"{m3}. {d}",
            f"{ordinal(d)} of {mm}",
            f"{d}-{m3}",
            f"{mm} {d}, {R.randint(2001, 2021)}",
        ]
    )


def date_any() -> str:
    return wch([(date_md, 70), (date_full, 15), (date_word, 15)])()


AREA = L("617, 617, 617, 508, 508, 781, 781, 978, 857, 774, 413, 603, 401, 207, 212, 718, 954, 305, 339, 351")


def phone_number() -> str:
    a = ch(AREA)
    ex = ch(["555", str(R.randint(200, 989))])
    n = f"{R.randint(0, 9999):04d}"
    return ch(
        [
            f"{a}-{ex}-{n}",
            f"{a}-{ex}-{n}",
            f"({a}) {ex}-{n}",
            f"({a}) {ex} {n}",
            f"{a} {ex} {n}",
            f"{a}.{ex}.{n}",
            f"{ex}-{n}",
            f"{a}{ex}{n}",
            f"1-{a}-{ex}-{n}",
            f"({a}){ex}-{n}",
        ]
    )


def pager_number() -> str:
    return ch([f"{R.randint(1000, 9999)}", f"{R.randint(10000, 99999)}", f"{R.randint(1, 9)}-{R.randint(1000, 9999)}"])


def mrn() -> str:
    return ch(
        [
            f"{R.randint(1000000, 9999999)}",
            f"{R.randint(10000000, 99999999)}",
            f"{R.randint(0, 999):03d}-{R.randint(0, 99):02d}-{R.randint(0, 99):02d}",
            f"00{R.randint(1000000, 9999999)}",
            f"{R.randint(100000, 999999)}",
        ]
    )


def ssn() -> str:
    return ch(
        [
            f"{R.randint(1, 899):03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}",
            f"{R.randint(1, 899):03d} {R.randint(1, 99):02d} {R.randint(1, 9999):04d}",
        ]
    )


# --------------------------------------------------------------------------
# Note context
# --------------------------------------------------------------------------

REL_WORDS = {
    "spouse": {"M": ["wife"], "F": ["husband"]},
}
REL_OTHER = [
    ("daughter", "F", 14),
    ("son", "M", 12),
    ("sister", "F", 5),
    ("brother", "M", 4),
    ("niece", "F", 3),
    ("nephew", "M", 2),
    ("granddaughter", "F", 3),
    ("grandson", "M", 2),
    ("daughter-in-law", "F", 2),
    ("son-in-law", "M", 1),
    ("friend", None, 2),
    ("neighbor", None, 1),
    ("cousin", None, 1),
    ("girlfriend", "F", 1),
    ("boyfriend", "M", 1),
    ("partner", None, 1),
    ("stepdaughter", "F", 1),
    ("HCP", None, 1),
    ("guardian", None, 1),
]


class Ctx:
    def __init__(self, upper: bool):
        self.upper = upper
        self.sex = ch(["M", "F"])
        self.group = pick_group()
        self.pt_first = first_name(self.group, self.sex)
        s = surname(self.group)
        self.pt_last = fem_surname(self.group, s) if self.sex == "F" else s
        self.family_surname = s
        self.age = R.randint(90, 104) if R.random() < 0.12 else int(min(89, max(19, R.gauss(66, 15))))
        self.docs: list[tuple[str, str]] = []
        self.staff: list[str] = []
        self.rels: list[dict] = []
        self.used: set[str] = set()

    # clinicians -----------------------------------------------------------
    def doc(self, new: bool = False) -> tuple[str, str]:
        if self.docs and not new and R.random() < 0.55:
            return ch(self.docs)
        g = pick_group()
        d = (first_name(g, ch("MF")), surname(g))
        self.docs.append(d)
        return d

    def staff_first(self) -> str:
        if self.staff and R.random() < 0.3:
            return ch(self.staff)
        n = first_name(pick_group(), ch("MFF"))
        self.staff.append(n)
        return n

    # relatives -------------------------------------------------------------
    def rel(self, new: bool = False) -> dict:
        if self.rels and not new and R.random() < 0.5:
            return ch(self.rels)
        if not any(r["kind"] == "spouse" for r in self.rels) and R.random() < 0.33:
            word = ch(REL_WORDS["spouse"][self.sex]) if R.random() < 0.93 else ch(["partner", "wife", "husband"])
            sex = "F" if word == "wife" else "M" if word == "husband" else ch("MF")
            kind = "spouse"
        else:
            word, sex, _ = wch([((w, s, x), x) for w, s, x in REL_OTHER])
            sex = sex or ch("MF")
            kind = "other"
        g = self.group if R.random() < 0.85 else pick_group()
        fn = first_name(g, sex)
        if g == "us" and R.random() < 0.25:
            fn = NICK.get(fn, ch(NICK_ONLY) if R.random() < 0.3 else fn)
        if kind == "spouse" or (word in ("son", "daughter", "brother", "sister") and R.random() < 0.6):
            ln = self.family_surname
        else:
            ln = surname(g)
        if sex == "F":
            ln = fem_surname(g, ln)
        r = dict(word=word, sex=sex, first=fn, last=ln, kind=kind)
        self.rels.append(r)
        return r


# --------------------------------------------------------------------------
# Filler functions: each returns a str, a piece tuple, or a list of pieces
# --------------------------------------------------------------------------


def cap_first(pieces):
    out = list(pieces)
    for i, p in enumerate(out):
        if isinstance(p, str):
            if p:
                out[i] = p[0].upper() + p[1:]
                return out
        else:
            return out
    return out


def rng_fmt(lo, hi, dmin, dmax, step=1):
    a = R.randrange(lo, hi, step)
    b = a + R.randrange(dmin, dmax + 1, step) if dmax >= dmin else a
    return f"{a}-{b}"


def decade_rng(lo, hi):
    a = R.randrange(lo, hi, 10)
    b = a + ch([10, 10, 20])
    return ch([f"{a}s-{b}s", f"{a}'s-{b}'s", f"{a}-{b}s", f"{a}-{b}"])


def bp():
    s1 = R.randrange(85, 150, 5)
    s2 = s1 + R.randrange(10, 45, 5)
    d1 = R.randrange(40, 75, 5)
    d2 = d1 + R.randrange(5, 25, 5)
    return ch(
        [
            f"{s1}-{s2}/{d1}-{d2}",
            f"{s1}/{d1}",
            f"{s1 // 10 * 10}s-{s2 // 10 * 10}s/{d1 // 10 * 10}s",
            f"{s1}-{s2}/{d1}s",
            f"{s1}'s-{s2}'s/{d1}'s",
            f"{s1}-{s2}/{d1}-{d2}",
        ]
    )


def tm():
    h = R.randint(0, 23)
    m = ch([0, 0, 0, 15, 30, 45, 10, 20, 50, 5])
    h12 = h % 12 or 12
    return wch(
        [
            (f"{h:02d}{m:02d}", 60),
            (f"{h:02d}:{m:02d}", 10),
            (f"{h12}{'am' if h < 12 else 'pm'}", 12),
            (f"{h12}:{m:02d}{'am' if h < 12 else 'pm'}", 5),
            (f"{h12} {'AM' if h < 12 else 'PM'}", 5),
            ("noon", 2),
            ("MN", 2),
            ("midnight", 2),
            (f"{h:02d}{m:02d}H", 2),
        ]
    )


def pressor():
    return ch(
        [
            f"Levophed {ch(['0.02', '0.03', '0.05', '0.08', '0.1', '0.12', '0.15', '0.2', '0.25'])}mcg/kg/min",
            f"levophed {ch(['2', '4', '6', '8', '10', '12'])}mcg/min",
            f"Neo {ch(['0.5', '0.8', '1', '1.5', '2', '3'])}mcg/kg/min",
            f"neo {ch(['20', '40', '60', '100', '150'])}mcg/min",
            f"neosynephrine {ch(['0.5', '1.2', '2'])}mcg/kg/min",
            f"dopamine {ch(['3', '5', '7.5', '10', '12'])}mcg/kg/min",
            "vasopressin 0.04u/min",
            "vaso 2.4u/hr",
            f"dobutamine {ch(['2.5', '5', '7.5'])}mcg/kg/min",
            f"milrinone {ch(['0.25', '0.375', '0.5'])}mcg/kg/min",
            f"epi {ch(['0.02', '0.05', '1', '2'])}mcg/{ch(['kg/min', 'min'])}",
        ]
    )


def sedation():
    return ch(
        [
            f"propofol {ch(['10', '15', '20', '25', '30', '40', '50'])}mcg/kg/min",
            f"fentanyl {ch(['25', '50', '75', '100', '150'])}mcg/hr",
            f"versed {ch(['1', '2', '3', '4', '5'])}mg/hr",
            f"precedex {ch(['0.2', '0.4', '0.6', '0.7', '1'])}mcg/kg/hr",
            f"ativan {ch(['0.5', '1', '2'])}mg/hr",
            f"morphine {ch(['2', '4', '5'])}mg/hr",
            f"Propofol {ch(['20', '35'])}mcg/kg/min and fentanyl {ch(['50', '100'])}mcg/hr",
        ]
    )


def drip():
    return ch(
        [
            f"heparin gtt @ {R.randrange(500, 2000, 50)}u/hr",
            f"insulin gtt @ {rf(0.5, 14, 1)}u/hr",
            f"NTG gtt @ {ch(['10', '20', '50', '80', '120', '200'])}mcg/min",
            f"diltiazem gtt @ {ch(['5', '10', '15'])}mg/hr",
            "amiodarone gtt 0.5mg/min",
            "amio gtt 1mg/min",
            f"lasix gtt {ch(['5', '10', '20'])}mg/hr",
            f"esmolol gtt {ch(['50', '100', '150'])}mcg/kg/min",
            f"nicardipine {ch(['2.5', '5', '7.5', '10'])}mg/hr",
            f"integrilin {ch(['1', '2'])}mcg/kg/min",
            "protonix gtt 8mg/hr",
            "octreotide 50mcg/hr",
            f"labetalol gtt {ch(['0.5', '1', '2'])}mg/min",
            f"nipride {ch(['0.3', '0.5', '1', '2'])}mcg/kg/min",
            f"argatroban {ch(['0.5', '1', '2'])}mcg/kg/min",
            "dopamine 5mcg/kg/min",
            f"bivalirudin {ch(['0.1', '0.15'])}mg/kg/hr",
            "natrecor 0.01mcg/kg/min",
        ]
    )


ABX = L(
    "vanco, zosyn, levoflox, flagyl, cefepime, meropenem, ceftriaxone, azithro, bactrim, cipro, caspofungin, fluconazole, acyclovir, linezolid, unasyn, gent, clinda, ceftaz, aztreonam, imipenem, daptomycin, ampicillin, nafcillin, doxy, micafungin, tobra, colistin"
)


def abx2():
    a = R.sample(ABX, R.choice([1, 2, 2, 3]))
    return ch(["/", ", ", " and ", " + "]).join(a)


PRN = L(
    "MSO4 2mg IV, MSO4 4mg IV, dilaudid 0.5mg IV, dilaudid 1mg IV, tylenol 650mg PO, tylenol 1gm PR, percocet 1 tab, percocet 2 tabs, oxycodone 5mg PO, oxycodone 10mg, fentanyl 25mcg IV, fentanyl 50mcg IVP, toradol 15mg IV, toradol 30mg IV, ultram 50mg, dilaudid 2mg PO, morphine 1mg IV, vicodin 1 tab, roxicet 5ml"
)
ANX = L(
    "ativan 0.5mg IV, ativan 1mg IV, haldol 2mg IV, haldol 5mg IM, zyprexa 5mg, zyprexa 2.5mg SL, seroquel 25mg PO, seroquel 50mg, valium 5mg PO, ativan 2mg IV, precedex bolus"
)
DIURETIC = L(
    "lasix 20mg IV, lasix 40mg IV, lasix 80mg IV, lasix 100mg IV, bumex 1mg IV, bumex 2mg IV, diuril 500mg IV, lasix 40mg PO, diamox 250mg IV, metolazone 5mg PO"
)
BBLOCK = L(
    "lopressor 5mg IV, lopressor 2.5mg IVP, lopressor 25mg PO, metoprolol 12.5mg PO, labetalol 10mg IV, labetalol 20mg IV, hydralazine 10mg IV, diltiazem 10mg IV, dilt 15mg IVP, digoxin 0.25mg IV, captopril 6.25mg PO, lisinopril 5mg"
)
LYTES = L(
    "40meq KCL PO, 20meq KCL IV, 40meq KCL IV, 2gm MgSO4 IV, 4gm mag sulfate, K-phos 15mmol, Na phos 30mmol, 1amp calcium gluconate, calcium gluconate 2gm, 60meq KCL via NGT, 10meq KCL x4 runs"
)
FLUID = L(
    "NS, LR, D5W, D5 1/2NS, 1/2NS, D51/2NS w/ 20KCL, D5NS, NS w/ 40KCL, D10W, 3% saline, bicarb gtt (150meq/L D5W)"
)
BOLUS = L(
    "500cc NS bolus, 1L LR, 250cc NS, albumin 25% 12.5gm, 500cc LR, 1L NS bolus, 5% albumin 250cc x2, 250cc NS x2, hespan 500cc"
)
BLOOD = L(
    "1 unit PRBC, 2u PRBC's, 2 units FFP, 1 bag plt, 6 pack plt, cryo 10u, 1u PRBC and 2u FFP, 2u PRBC w/ lasix 20mg IV in between, 1 unit PRBC's, 4 units FFP, 1 pheresis plt, 3u PRBC"
)
INSULIN = L(
    "4u reg insulin per SS, 6 units humalog, 2 units RI SC, 8u novolog, 10u regular insulin, 2u humalog per sliding scale, 12 units regular insulin SC, 3u RISS"
)
TF = L(
    "Promote w/ fiber @ 40cc/hr, Nepro @ 30cc/hr, Impact @ 20cc/hr, Replete w/ fiber FS @ 60cc/hr, Novasource renal @ 25, Jevity 1.2 @ 50cc/hr, Osmolite @ 70, Peptamen 1/2 strength @ 10cc/hr, Nutren 2.0 @ 35, Probalance @ 65cc/hr, Fibersource HN @ 45cc/hr"
)
STOOL = L(
    "lg amt brown liquid stool, sm soft green stool, guaiac + black stool, melena, formed brown stool, loose yellow stool, maroon stool, brown guaiac neg stool, lg amt green liquid stool, black tarry stool, sm amt soft brown stool, bright red blood per rectum, mucousy green stool, clay colored stool"
)
URINE = L(
    "clear yellow, amber, cloudy, pink tinged, dark amber, bloody w/ clots, clear light yellow, tea colored, brown, concentrated amber, cloudy yellow w/ sediment, clear straw colored, cherry red, dark brown"
)
SPUTUM = L(
    "thick white, thick tan, yellow, blood tinged, green, copious thick white, sm amt clear, thick yellow, pink frothy, moderate tan, rusty, thin white, thick green, old bloody"
)
LS = L(
    "clear, coarse, rhonchorous, diminished at bases, crackles at bases, exp wheezes, clear upper / dim LLL, coarse throughout, crackles 1/2 way up, clear bilat, diminished RLL, insp and exp wheezes, absent L base, bibasilar rales, tight with scattered wheezes"
)
SKIN_SITE = L(
    "coccyx, sacrum, L heel, R heel, buttocks, groin, abd incision, sternal incision, L buttock, perineum, R hip, occiput, bilat heels, R elbow, L ear, scrotum, gluteal fold"
)
LINES = L(
    "R IJ TLC, L SC CVL, R radial A-line, L fem A-line, PICC, R IJ introducer, Swan-Ganz, L IJ cordis, Hickman, port-a-cath, R fem quinton, PIV x2, R brachial A-line, L SC triple lumen, R fem TLC, dialysis catheter, 18g PIV R FA, L AC PIV"
)
DRAINS = L(
    "JP, chest tube, Blake drain, Hemovac, NGT, OGT, rectal tube, PEG, J-tube, G-tube, Pleurx, Penrose drain, Jackson-Pratt drain, mediastinal tube, Salem sump, Dobhoff, ventric drain, lumbar drain"
)
DX = L(
    "Parkinson's dz, CHF, afib on coumadin, CAD s/p CABG, DM2, NIDDM, IDDM, HTN, COPD on home O2, ESRD on HD, CRI, Alzheimer's dementia, Crohn's dz, Hep C, ETOH abuse, CVA w/ L sided weakness, PVD, GERD, hypothyroidism, OSA on CPAP, morbid obesity, AAA, BPH, DVT/PE, cirrhosis, MS, HIV, schizophrenia, depression, bipolar d/o, seizure d/o, AS, MR, CML, breast CA, prostate CA, lung CA, pancreatic CA, SLE, RA, Graves dz, Hashimoto's, Guillain-Barre, myasthenia gravis, Hodgkin's lymphoma, Wegener's, Cushing's, Addison's dz, Bell's palsy, WPW, Barrett's esophagus, Paget's dz, hyperlipidemia, anemia, CKD, PUD, diverticulitis, ulcerative colitis, sarcoid, IVDA, TIA, cardiomyopathy EF 20%, sick sinus s/p PPM, AICD, Hodgkin's, Raynaud's, Meniere's, Sjogren's, Lou Gehrig's dz (ALS), Huntington's chorea, Down syndrome, Tourette's, Wernicke's, Korsakoff's, Kaposi's sarcoma, Burkitt's lymphoma, von Willebrand's, Ménétrier's".replace(
        "Ménétrier's", "Menetrier's"
    )
)
ADM_DX = L(
    "urosepsis, GI bleed, CHF exacerbation, PNA, DKA, resp failure, SAH, ICH, STEMI, NSTEMI, pancreatitis, COPD flare, altered MS, hypotension, ETOH w/d, sepsis, PE, SBO, UGIB, LGIB, hyperkalemia, OD, aspiration PNA, hypoxic resp failure, MRSA bacteremia, C-diff colitis, cholangitis, hypertensive urgency, new onset afib w/ RVR, SVT, complete heart block, SDH after fall, ischemic bowel, variceal bleed, hyponatremia, hepatic encephalopathy, cellulitis, necrotizing fasciitis, status epilepticus, TTP, tamponade, aortic dissection, ARDS, flash pulm edema, acute renal failure"
)
SURG = L(
    "Whipple procedure, CABG x3, CABG x4, AVR, MVR, ex lap, L hemicolectomy, AAA repair, fem-pop bypass, crani for SDH evacuation, lap chole, esophagectomy (Ivor Lewis), Nissen fundoplication, Hartmann's procedure, TIPS, ORIF R hip, VATS, L lower lobectomy, CEA, TURP, kyphoplasty, Roux-en-Y gastric bypass, Billroth II, R TKR, L THR, SBR, sigmoid colectomy, EVAR, liver transplant, renal transplant, VP shunt, Greenfield filter placement, ex lap/LOA, partial gastrectomy, cystectomy w/ ileal conduit, pneumonectomy, Ross procedure, Bentall, Maze procedure, Denver shunt placement"
)
PROCEDURE = L(
    "cath, EGD, colonoscopy, bronch, CT head, CTA chest, MRI, echo, TEE, IR embolization, paracentesis, thoracentesis, LP, ERCP, HD, CT abd/pelvis, PICC placement, trach/PEG, cardioversion, EP study, carotid US, MRI spine, bone marrow bx, VQ scan, HIDA scan, swallow study, barium swallow, EEG, LENIs"
)
ALLERGY = L(
    "NKDA, PCN (rash), sulfa, codeine, IV contrast, morphine (itching), latex, ACE inhibitors (angioedema), PCN/sulfa/iodine, levaquin, shellfish, haldol (dystonia), ASA, vanco (red man)"
)
CXR = L(
    "worsening b/l infiltrates, RLL infiltrate, small L effusion, ETT in good position, no pneumo, CHF, improved aeration, LLL collapse, widened mediastinum, pulm edema, line in good position, tip in SVC, bilat pleural effusions, free air under diaphragm"
)
PAINLOC = L("abd, incision, back, chest, R hip, L knee, head, neck, L shoulder, rectum, flank, coccyx, legs")
RHYTHM = L(
    "NSR, SR, ST, afib, a-fib, sinus tach, SB, A-paced, V-paced, aflutter, SR w/ occ PVC's, NSR w/ 1st deg AVB, afib w/ RVR, AV paced, junctional, SR w/ freq PAC's, sinus brady, RBBB"
)
O2 = L(
    "2L NC, 3L NC, 4L NC, 6L NC, 40% FM, 50% cool neb, 70% face tent, NRB, 100% NRB, 40% trach mask, 35% venti mask, RA, 5L NC, 60% high flow, 4L NC + 50% FT, 1L NC, RA and 2L NC with sleep"
)


def sexw(c, m, f):
    return m if c.sex == "M" else f


def age_piece(c):
    if c.age >= 90:
        return S(str(c.age), "AGE")
    return str(c.age)


def age90(c):
    return S(str(R.randint(90, 104)), "AGE")


def pt_title(c):
    t = ch(["Mr. ", "Mr "]) if c.sex == "M" else ch(["Mrs. ", "Mrs. ", "Ms. ", "Ms ", "Mrs "])
    return [t, S(c.pt_last, "NAME", "patient")]


def pt_name(c):
    r = R.random()
    if r < 0.45:
        return pt_title(c)
    if r < 0.7:
        return S(f"{c.pt_first} {c.pt_last}", "NAME", "patient")
    if r < 0.88:
        return S(c.pt_last, "NAME", "patient")
    return S(c.pt_first, "NAME", "patient")


def drname(c, new=False):
    fn, ln = c.doc(new)
    r = R.random()
    if r < 0.8:
        return [ch(["Dr. ", "Dr. ", "Dr ", "Dr.", "dr "]), S(ln, "NAME", "clinician")]
    if r < 0.92:
        return [ch(["Dr. ", "Dr "]), S(f"{fn} {ln}", "NAME", "clinician")]
    return [ch(["Dr. ", "Dr "]), S(f"{fn[0]}. {ln}" if R.random() < 0.5 else f"{fn[0]} {ln}", "NAME", "clinician")]


def docsur(c):
    return S(c.doc()[1], "NAME", "clinician")


def staff(c):
    return S(c.staff_first(), "NAME", "clinician")


def staff_full(c):
    g = pick_group()
    return S(f"{first_name(g, ch('MFF'))} {surname(g)}", "NAME", "clinician")


def rel_form(c, r, simple=False):
    nm = r["first"]
    w = r["word"]
    if simple:
        return [w + " ", S(nm, "NAME", "relative")]
    x = R.random()
    if x < 0.45:
        return [w + " ", S(nm, "NAME", "relative")]
    if x < 0.6:
        return [w + " (", S(nm, "NAME", "relative"), ")"]
    if x < 0.7:
        return [S(nm, "NAME", "relative"), f" ({w})"]
    if x < 0.84:
        return [w + " ", S(f"{nm} {r['last']}", "NAME", "relative")]
    if x < 0.92:
        return [w + ", ", S(nm, "NAME", "relative"), ","]
    t = "Mr. " if r["sex"] == "M" else ch(["Mrs. ", "Ms. "])
    return [t, S(r["last"], "NAME", "relative"), f" ({w})"]


def rel(c):
    return rel_form(c, c.rel())


def rel_new(c):
    return rel_form(c, c.rel(new=True))


def rel_simple(c):
    return rel_form(c, c.rel(), simple=True)


def relname(c):
    return S(c.rel()["first"], "NAME", "relative")


def relword(c):
    return c.rel()["word"]


def rel_full(c):
    r = c.rel()
    return S(f"{r['first']} {r['last']}", "NAME", "relative")


def visitor(c):
    g = pick_group()
    return S(f"{first_name(g, ch('MF'))} {surname(g)}", "NAME", "relative")


def holiday(c):
    y = R.randint(2001, 2021)
    h, d = ch(
        [
            ("Christmas", "12/25"),
            ("Christmas Eve", "12/24"),
            ("New Year's Day", "1/1"),
            ("New Year's Eve", "12/31"),
            ("Thanksgiving", f"11/{R.randint(22, 28)}"),
            ("Easter", f"4/{R.randint(1, 24)}"),
            ("Memorial Day", f"5/{R.randint(25, 31)}"),
            ("Labor Day", f"9/{R.randint(1, 7)}"),
            ("Valentine's Day", "2/14"),
            ("Mother's Day", f"5/{R.randint(8, 14)}"),
            ("Father's Day", f"6/{R.randint(15, 21)}"),
            ("Patriots' Day", f"4/{R.randint(15, 21)}"),
            ("Halloween", "10/31"),
        ]
    )
    if R.random() < 0.3:
        d = f"{d}/{y % 100:02d}"
    form = R.random()
    if form < 0.5:
        return [I(h), " (", S(d, "DATE"), ")"]
    if form < 0.8:
        return [I(h), " ", S(d, "DATE")]
    return [S(d, "DATE"), " (", I(h), ")"]


FILL = {
    # vitals & numbers
    "hr": lambda c: ri(52, 128),
    "hr_rng": lambda c: ch([rng_fmt(55, 120, 8, 30), decade_rng(60, 120)]),
    "hr_low": lambda c: ri(28, 48),
    "hr_hi": lambda c: ri(125, 180),
    "rhythm": lambda c: ch(RHYTHM),
    "bp": lambda c: bp(),
    "sbp": lambda c: ch([rng_fmt(85, 140, 10, 40, 5), decade_rng(90, 150), f">{ch(['90', '100'])}"]),
    "sbp_low": lambda c: ch(["60", "70", "70", "80", "80"]),
    "map": lambda c: ch(["60", "65", "65", "70", "55", "75"]),
    "temp": lambda c: rf(97.0, 100.4),
    "tmax": lambda c: rf(98.6, 103.2),
    "hypo_temp": lambda c: rf(93.5, 96.4),
    "sat": lambda c: ri(88, 100),
    "sat_rng": lambda c: rng_fmt(90, 98, 1, 6),
    "sat_low": lambda c: ri(72, 89),
    "rr": lambda c: ri(10, 32),
    "rr_rng": lambda c: rng_fmt(12, 30, 4, 12),
    "o2": lambda c: ch(O2),
    "fio2": lambda c: ch(["30", "35", "40", "40", "50", "60", "70", "100"]),
    "peep": lambda c: ch(["5", "5", "8", "10", "12", "15"]),
    "tv": lambda c: str(R.randrange(350, 700, 50)),
    "tv2": lambda c: str(R.randrange(400, 800, 50)),
    "ps": lambda c: ch(["5", "8", "10", "12", "15", "18", "20"]),
    "ipap": lambda c: ch(["10", "12", "14", "15", "18"]),
    "epap": lambda c: ch(["5", "6", "8"]),
    "abg": lambda c: f"{rf(7.18, 7.52, 2)}/{ri(26, 72)}/{ri(55, 320)}",
    "k": lambda c: rf(2.9, 5.8),
    "mg": lambda c: rf(1.3, 2.7),
    "na": lambda c: ri(124, 152),
    "cr": lambda c: rf(0.5, 5.5),
    "bun": lambda c: ri(8, 110),
    "hct": lambda c: rf(20.5, 38.5),
    "hgb": lambda c: rf(6.8, 12.9),
    "wbc": lambda c: rf(1.2, 28.9),
    "plt": lambda c: ri(18, 480),
    "inr": lambda c: rf(1.0, 4.8),
    "ptt": lambda c: ri(24, 130),
    "glu": lambda c: ri(65, 390),
    "glu_low": lambda c: ri(32, 60),
    "glu_rng": lambda c: rng_fmt(80, 260, 20, 120),
    "lact": lambda c: rf(0.7, 9.5),
    "trop": lambda c: rf(0.01, 4.9, 2),
    "ck": lambda c: ri(40, 2400),
    "ca": lambda c: rf(7.2, 10.4),
    "phos": lambda c: rf(1.1, 6.5),
    "nh3": lambda c: ri(30, 180),
    "vanco": lambda c: rf(8, 32),
    "dilantin": lambda c: rf(5, 24),
    "alb": lambda c: rf(1.6, 3.9),
    "cvp": lambda c: ri(3, 22),
    "cvp_rng": lambda c: rng_fmt(4, 18, 2, 6),
    "pap": lambda c: f"{ri(22, 70)}/{ri(8, 35)}",
    "pcwp": lambda c: ri(8, 32),
    "co": lambda c: rf(2.8, 8.2),
    "ci": lambda c: rf(1.6, 4.1),
    "svr": lambda c: ri(550, 1900),
    "icp": lambda c: rng_fmt(4, 24, 2, 10),
    "evd": lambda c: ch(["10", "15", "20"]),
    "aug": lambda c: ri(95, 140),
    "pacer": lambda c: ch(["60", "70", "80", "88"]),
    "uo": lambda c: ri(25, 250),
    "uo_rng": lambda c: rng_fmt(20, 150, 10, 80, 5),
    "uo_low": lambda c: ri(5, 25),
    "uo_total": lambda c: str(R.randrange(300, 3500, 50)),
    "bal": lambda c: ch(
        [
            f"+{rf(0.2, 4.5)}L",
            f"neg {R.randrange(100, 2000, 50)}cc",
            f"+{R.randrange(100, 3000, 50)}cc",
            f"-{rf(0.2, 2.5)}L",
            "even",
        ]
    ),
    "time": lambda c: tm(),
    "time2": lambda c: tm(),
    "hrs": lambda c: ri(1, 12),
    "days": lambda c: ri(2, 14),
    "pod": lambda c: ri(1, 12),
    "n": lambda c: ri(2, 6),
    "num": lambda c: ri(2, 5),
    "weeks": lambda c: ri(1, 6),
    "months": lambda c: ri(2, 11),
    "years": lambda c: ri(2, 30),
    "gauge": lambda c: ch(["18", "20", "22"]),
    "side": lambda c: ch(["L", "R", "left", "right", "rt", "lt"]),
    "pupil": lambda c: ch(["2", "3", "4", "2-3", "3-4", "5"]),
    "gcs": lambda c: ri(3, 15),
    "pain": lambda c: ri(0, 10),
    "pain_hi": lambda c: ri(5, 10),
    "strength": lambda c: ch(["5/5", "4/5", "4+/5", "3/5", "2/5", "4-/5"]),
    "murmur": lambda c: ch(["2/6", "3/6", "1/6", "4/6"]),
    "rass": lambda c: ch(["0", "-1", "-2", "-3", "-4", "+1", "+2"]),
    "ciwa": lambda c: ri(4, 24),
    "ox": lambda c: ch(["x1", "x2", "x3", "x3", "x3", "x2-3", "X3"]),
    "resid": lambda c: ri(20, 300),
    "ngt": lambda c: ri(50, 800),
    "emesis": lambda c: str(R.randrange(50, 600, 50)),
    "jp": lambda c: ri(10, 300),
    "bladder": lambda c: ri(250, 900),
    "cvvh": lambda c: ri(50, 250),
    "hd": lambda c: rf(1.0, 4.0),
    "is": lambda c: ch(["250", "500", "750", "1000", "1250", "1500"]),
    "ett": lambda c: ch(["21", "22", "23", "24", "25", "26"]),
    "trach": lambda c: ch(["6", "7", "8"]),
    "ins": lambda c: rf(0.5, 12),
    "lantus": lambda c: ri(6, 40),
    "hydrocort": lambda c: ch(["50", "100"]),
    "pca": lambda c: rf(0.6, 6.0),
    "epi": lambda c: ch(["4", "6", "8", "10", "12"]),
    "tlev": lambda c: ri(4, 10),
    "hep": lambda c: str(R.randrange(500, 2000, 50)),
    "dilt": lambda c: ch(["5", "10", "15"]),
    "ntg": lambda c: ch(["10", "20", "40", "60", "100", "150", "200"]),
    "lasix": lambda c: ch(["10", "20", "40", "60", "80", "100"]),
    "lopressor": lambda c: ch(["2.5", "5", "12.5", "25", "50"]),
    "hydral": lambda c: ch(["5", "10", "20"]),
    "haldol": lambda c: ch(["0.5", "1", "2", "5"]),
    "ativan": lambda c: ch(["0.5", "1", "2"]),
    "lasix_gtt": lambda c: ch(["5", "10", "15", "20"]),
    "frac": lambda c: ch(["1/2", "1/4", "3/4", "2/3"]),
    "wt": lambda c: rf(45, 140),
    "ekg_pr": lambda c: ri(120, 280),
    # drugs & clinical phrases
    "pressor": lambda c: pressor(),
    "pressor_name": lambda c: ch(["levophed", "neo", "neosynephrine", "dopamine", "vasopressin", "levo", "dobutamine"]),
    "sed": lambda c: sedation(),
    "drip": lambda c: drip(),
    "abx": lambda c: ch(ABX),
    "abx2": lambda c: abx2(),
    "prn": lambda c: ch(PRN),
    "pain_med": lambda c: ch(PRN),
    "anx_med": lambda c: ch(ANX),
    "diuretic": lambda c: ch(DIURETIC),
    "bblock": lambda c: ch(BBLOCK),
    "lytes": lambda c: ch(LYTES),
    "fluid": lambda c: ch(FLUID),
    "bolus": lambda c: ch(BOLUS),
    "blood": lambda c: ch(BLOOD),
    "insulin_ss": lambda c: ch(INSULIN),
    "tf": lambda c: ch(TF),
    "stool": lambda c: ch(STOOL),
    "urine": lambda c: ch(URINE),
    "sputum": lambda c: ch(SPUTUM),
    "ls": lambda c: ch(LS),
    "skin_site": lambda c: ch(SKIN_SITE),
    "stage": lambda c: ch(["I", "II", "III", "1", "2", "2-3", "IV"]),
    "line": lambda c: ch(LINES),
    "drain": lambda c: ch(DRAINS),
    "dx": lambda c: ch(DX),
    "hx": lambda c: ", ".join(R.sample(DX, R.randint(2, 5))),
    "adm_dx": lambda c: ch(ADM_DX),
    "surg": lambda c: ch(SURG),
    "procedure": lambda c: ch(PROCEDURE),
    "allergy": lambda c: ch(ALLERGY),
    "cxr": lambda c: ch(CXR),
    "painloc": lambda c: ch(PAINLOC),
    # sex-dependent words
    "man": lambda c: ch(
        sexw(
            c, ["man", "male", "gentleman", "M", "man", "yo male"], ["woman", "female", "lady", "F", "woman", "female"]
        )
    ),
    "mf": lambda c: sexw(c, "M", "F"),
    "he": lambda c: sexw(c, "he", "she"),
    "his": lambda c: sexw(c, "his", "her"),
    "him": lambda c: sexw(c, "him", "her"),
    "spouse": lambda c: sexw(c, "wife", "husband"),
    # identifiers
    "age": age_piece,
    "age90": age90,
    "pt_title": pt_title,
    "pt_name": pt_name,
    "pt_last": lambda c: S(c.pt_last, "NAME", "patient"),
    "pt_first": lambda c: S(c.pt_first, "NAME", "patient"),
    "pt_full": lambda c: S(f"{c.pt_first} {c.pt_last}", "NAME", "patient"),
    "drname": drname,
    "drname2": lambda c: drname(c, new=True),
    "doc": docsur,
    "staff": staff,
    "staff_full": staff_full,
    "rn": staff,
    "rel": rel,
    "rel2": rel_new,
    "rels": rel_simple,
    "relname": relname,
    "relword": relword,
    "rel_full": rel_full,
    "visitor": visitor,
    "hosp": lambda c: S(hospital_name(), "LOCATION"),
    "rehab": lambda c: S(rehab_name(), "LOCATION"),
    "city": lambda c: S(city_name(), "LOCATION"),
    "addr": lambda c: S(street_address(), "ADDRESS"),
    "unit": lambda c: S(f"{ch(BUILDINGS)} {R.randint(2, 12)}", "LOCATION"),
    "church": lambda c: S(ch(CHURCH), "LOCATION"),
    "state": lambda c: I(ch(STATES)),
    "country": lambda c: I(ch(COUNTRIES)),
    "year": lambda c: I(str(R.randint(1965, 2021))),
    "date": lambda c: S(date_any(), "DATE"),
    "date_md": lambda c: S(date_md(), "DATE"),
    "date_full": lambda c: S(date_full(), "DATE"),
    "date_word": lambda c: S(date_word(), "DATE"),
    "holiday": holiday,
    "phone": lambda c: S(phone_number(), "PHONE"),
    "pager": lambda c: S(pager_number(), "PHONE"),
    "ext": lambda c: S(ch([f"{R.randint(2, 8)}-{R.randint(1000, 9999)}", f"{R.randint(1000, 99999)}"]), "PHONE"),
    "mrn": lambda c: S(mrn(), "ID"),
    "ssn": lambda c: S(ssn(), "ID"),
}
PHI_KEYS = {
    "age90",
    "pt_title",
    "pt_name",
    "pt_last",
    "pt_first",
    "pt_full",
    "drname",
    "drname2",
    "doc",
    "staff",
    "staff_full",
    "rn",
    "rel",
    "rel2",
    "rels",
    "relname",
    "rel_full",
    "visitor",
    "hosp",
    "rehab",
    "city",
    "addr",
    "unit",
    "church",
    "date",
    "date_md",
    "date_full",
    "date_word",
    "holiday",
    "phone",
    "pager",
    "ext",
    "mrn",
    "ssn",
}

# --------------------------------------------------------------------------
# Sentence templates (written in mixed case; upper-case notes are upper()ed)
# --------------------------------------------------------------------------


def T(block: str) -> list[str]:
    return [ln.strip() for ln in block.strip().splitlines() if ln.strip() and not ln.strip().startswith("#")]


TPL: dict[str, list[str]] = {}

TPL["NEURO"] = T("""
Pt alert and oriented {ox}, follows commands
A+O {ox}, MAE, follows simple commands
A&O{ox}, pleasant and cooperative
Sedated on {sed}, arousable to voice
Sedation titrated for agitation, currently on {sed}
PERRLA {pupil}mm brisk
Pupils {pupil}mm and brisk bilat
PERRL, MAE weakly
Opens eyes to voice, does not follow commands
GCS {gcs}
Glasgow coma score {gcs} this am, unchanged from yesterday
Babinski neg bilat
+Babinski on {side}, team aware
Moves all extremities, strength {strength} throughout
{side} sided weakness, grasp {strength}
Agitated at times, pulling at lines, soft wrist restraints on for safety
Haldol {haldol}mg IV given x{num} for agitation w/ good effect
Ativan {ativan}mg IV prn for anxiety
CIWA scale {ciwa}, ativan given per protocol
Pt confused, reoriented frequently, sitter at bedside
Sundowning overnight, redirectable
Lethargic but arousable to sternal rub
No seizure activity noted
Dilantin level {dilantin}, dose adjusted
Neuro checks q{n}h, unchanged
L sided facial droop noted, neuro team aware
Speech slurred, hx Parkinson's, tremor noted in R hand
C/o HA {pain}/10, tylenol given
Ventric drain open at {evd}cm above tragus, draining clear CSF
ICP {icp}, CPP > 60
Pt sleeping in naps, easily awakened
Denies pain
Nods appropriately to questions, mouths words
Withdraws to pain in all 4 extremities
Sedation held at {time} for wake up assessment, pt became agitated, restarted
RASS {rass}, goal -1 to 0
Pt very anxious, reassurance given
Off all sedation since {time}
Corneals intact, + gag, + cough
Pt depressed and tearful at times, emotional support given
Oriented to person and place only, knows {he} is in hospital
Pt following commands inconsistantly
Pupils unequal, L 4mm R 2mm, neurosurg notified
Seizure at {time} lasting 1 min, ativan 2mg IV given, loaded w/ dilantin
Pt agitated overnight, restless, trying to climb OOB, posey vest applied
Precedex started at {time} for agitation
Pt able to write on clipboard, frustrated with ETT
Hx of Alzheimer's, baseline confused per family
Neuro exam unchanged from previous shift
Pt inappropriate at times, calling out
Gag and cough intact
Pt in and out of sleep, easily roused
No focal deficits
Romberg neg, gait unsteady
C-collar on, Miami J collar in place until cleared
Philadelphia collar on, spine precautions maintained
MAE, sensation intact
Pt states {he} is going home today, easily reoriented
Restraints d/c'd at {time}, pt calm
Pt complaining of double vision, CT head negative
Dilaudid PCA for pain, pt using appropriately
""")
TPL["NEURO_PHI"] = T("""
{pt_last} more alert this shift, following commands
{pt_first} confused overnight, calling out, reoriented frequently
{pt_title} very anxious this am, ativan 0.5mg IV given
{pt_last} asking to go home, easily redirected
Neurosurg ({drname}) in to see pt, no new orders
Neuro ({drname}) aware of change in exam
{pt_title} more alert this shift, able to state name and year
{pt_last} oriented to self only, thinks it is {year}
Pt calling out for {relname} during the night
Sitter {rn} at bedside overnight
{drname} aware of pupil change, stat CT head done
Per {drname}, ok to hold sedation in am
Neuro resident {staff} paged re: new L sided weakness
{pt_first} able to recognize {rel} at bedside
Pt thinks it is {date_word}, reoriented
""")

TPL["CV"] = T("""
HR {hr_rng} {rhythm}, no ectopy
HR {hr_rng} {rhythm} with occ PVC's
BP {bp} on {pressor}
Levophed weaned to off at {time}, BP stable
SBP {sbp}, MAP > {map}
Neo titrated to keep MAP > {map}
Lasix {lasix}mg IV given with good response, UO {uo}cc/hr
{diuretic} given at {time}, diuresed {uo_total}cc
K {k}, repleted with {lytes}
Mg {mg}, repleted w/ 2gm
Hct {hct}, transfused {blood}
Pulses palp bilat, +2 DP/PT
Pedal pulses dopplerable bilat
Extremities warm and dry, +1 pedal edema
Trace edema to bilat LE's
Lopressor {lopressor}mg IV given for HR 120's afib
Converted to NSR at {time} after dilt bolus
Dilt gtt at {dilt}mg/hr
Heparin gtt at {hep}u/hr, PTT {ptt}, next PTT due at {time}
Coumadin held for INR {inr}
Swan-Ganz catheter d/c'd, R IJ introducer remains
Swan #'s: PAP {pap}, PCWP {pcwp}, CO {co}, CI {ci}, SVR {svr}
CVP {cvp_rng}
A-line dampened, flushed, good waveform
Cuff pressures correlate w/ a-line
Troponin {trop}, CK {ck}, cycling enzymes
EKG done, no acute changes
{murmur} SEM heard at apex
Pt had {num} beat run of VT at {time}, asymptomatic, lytes checked
Pacer set at VVI {pacer}, capturing 100%
Epicardial wires intact, pacer off
IABP 1:1, augmented diastolic {aug}, timing appropriate
Chest tubes to -20 sxn, minimal serosang drainage, no air leak
Nitro gtt at {ntg}mcg/min for BP control
Hydralazine {hydral}mg IV x1 for SBP > 160
Pt hypotensive to {sbp_low}'s at {time}, {bolus} given with good response
Tele: NSR with 1st deg AVB, PR {ekg_pr}
BP labile, 90-160's
Amio gtt at 0.5mg/min
Pt c/o CP at {time}, EKG done, SL NTG x1 with relief
Groin site without hematoma, dsg D+I
Fem sheath pulled at {time}, pressure held x20 min, no oozing
Bilat radial pulses palpable
HR {hr_rng}, BP {bp}
{drip}
BP {bp}, {bblock} given
Remains on {pressor}, unable to wean
Pt bradied to {hr_low} w/ suctioning, resolved spontaneously
SVT to {hr_hi} at {time}, adenosine 6mg IV given, converted to SR
CVP {cvp}, PAD {pcwp}
Feet cool, pulses by doppler only
Homan's sign negative
Cheyne-Stokes respirations noted with apneic periods
Mottled knees, cap refill > 3 sec
K {k}, Mg {mg}, Ca {ca}, Phos {phos}
Started on {drip} for afib w/ RVR
Digoxin level pending
Pressors weaned, now off {pressor_name} since {time}
MAP's 60's-70's on {pressor}
Echo today showed EF 30-35%, mod MR
""")
TPL["CV_PHI"] = T("""
{pt_title} remains in afib, rate controlled
{pt_last} hypotensive to {sbp_low}s at {time}, {bolus} given
Cardiology ({drname}) in to see pt
EP fellow {drname} aware of pauses
Cards fellow {staff} aware, no new orders
Seen by {drname} re: afib, plan to start dilt gtt
Per attending {doc}, goal MAP > 65
{drname} and {drname2} notified of hypotension
Pt went to cath lab on {date}, stent x2 to LAD
Echo done {date}, EF 25%
{drname} notified of HR 140's, lopressor 5mg IV x2 ordered
CT surgery ({drname}) aware of CT output
Pacer interrogated by {staff} from EP
{pt_last} had {num} beat run of VT, {drname} aware
""")

TPL["RESP"] = T("""
LS {ls}
Lungs {ls}, sx'd for {sputum} secretions
O2 sat {sat_rng}% on {o2}
Remains on CMV {tv}x{rr} 50% peep {peep}
Vent settings: AC {tv}x{rr}, FiO2 {fio2}%, PEEP {peep}
PSV {ps}/{peep}, RR {rr_rng}, TV's {tv}-{tv2}
ABG {abg}
ABG {abg} on above settings, no changes made
Weaned to CPAP {ps}/{peep} at {time}, tolerating
Extubated at {time} to {o2}, good cough
Self extubated at {time}, placed on NRB, sats stable
Reintubated at {time} for resp distress
Sx'd q2-3h for moderate amts of {sputum} sputum
ETT {ett}cm at lip, secured with commercial holder
Trach #{trach} Shiley, trach care done
Using IS to {is}cc
C+DB encouraged, weak cough
CXR shows {cxr}
Albuterol/atrovent nebs q4h
BiPAP {ipap}/{epap} overnight, tolerating well
Pt on home CPAP for OSA
RR {rr_rng}, no resp distress
Dyspneic with minimal exertion
Desatted to {sat_low}% with repositioning, recovered quickly
RT in to check vent
Chest PT done by resp
Trendelenburg positioning for line placement tolerated poorly, sats {sat_low}%
HOB > 30 deg
VAP bundle maintained
RSBI {rr}0 this am, failed SBT
SBT done at {time}, RSBI 45, passed
Sats {sat_rng}% on {fio2}% FiO2
Thoracentesis on L at {time}, 1200cc straw colored fluid removed
Kerley B lines on CXR, lasix given
Pt on {o2}, sats {sat}%
Passy-Muir valve on for {hrs} hrs, tolerated
Trach mask {fio2}% trial during day, back on vent at night
Sputum cx sent
Breath sounds absent on L, CXR done, L pneumo, CT placed
Pleur-evac to -20cm sx, + air leak
Nasal trumpet placed for sx
Pink frothy secretions from ETT
Pt on high flow {fio2}%, sats {sat}%
Resp even and unlabored
Ambu bag at bedside
Kussmaul respirations noted
Minimal secretions
Pt fighting vent, sedation increased
Yankauer used for oral secretions
""")
TPL["RESP_PHI"] = T("""
{pt_first} coughing up thick tan secretions
{pt_title} refusing BiPAP, placed on {o2}
{pt_last} extubated at {time}, doing well
RT {rn} aware of settings
Pulm ({drname}) in to bronch at {time}
Discussed vent wean with {drname}
Intubated at {hosp} prior to transfer
Plan to extubate per {drname} in am
Trach placed {date}, #8 portex
{drname} at bedside for A-line placement
Bronch done {date}, BAL sent
""")

TPL["GI"] = T("""
Abd soft, NT/ND, +BS
Abd distended, firm, hypoactive BS
Tolerating TF's at goal {tf}, residuals < {resid}cc
TF's held for residual of {resid}cc, will recheck at {time}
NPO after MN for {procedure}
NPO for now
Tolerating clears, advance as tolerated
Taking po's poorly, supplements encouraged
OGT to LCWS draining bilious fluid
NGT to LIS, {ngt}cc green drainage this shift
Incontinent of {stool} x{num}
No BM this shift
Colace and senna given
Rectal tube in place draining {stool}
Stool sent for C-diff
Guaiac positive stool, team aware
Protonix 40mg IV bid
Protonix gtt at 8mg/hr for UGIB
LFT's elevated, RUQ US ordered
Lactulose given for ammonia {nh3}
Pt vomited {emesis}cc bilious emesis, zofran given
C/o nausea, zofran 4mg IV with relief
Abd incision with staples, C/D/I
{drain} to bulb sx, {jp}cc serosang
PEG clamped, residuals checked
S/p {surg} {weeks} weeks ago
Ostomy pink, draining liquid brown stool
Flexiseal in place, draining liquid brown stool
Reglan 10mg IV q6h
Hepatology following, lactulose titrated to 3-4 BM's/day
KUB done, awaiting read
Bowel regimen in place
Swallow eval pending, aspiration precautions
Passed bedside swallow, tolerating thin liquids
Frank bloody output from NGT, {procedure} planned
Salem sump to LIWS, {ngt}cc coffee ground output
Dobhoff placed at {time}, placement confirmed by KUB
Murphy's sign neg
Abd girth {num}0cm, unchanged
Paracentesis done at bedside, {uo_total}cc removed, albumin given
TPN infusing at {uo}cc/hr via PICC
Pt tolerating soft solids, ate 1/2 of dinner
Pt ate {frac} of breakfast
BS + x4 quads, passing flatus
Dulcolax supp given with large result
Octreotide gtt for variceal bleed
Minnesota tube in place, traction maintained
Sengstaken-Blakemore tube at bedside
Stool black and tarry, guaiac +
Mallory-Weiss tear seen on EGD
Fleet enema given with sm result
Abd binder on
Lipase {ck}, amylase pending
""")
TPL["GI_PHI"] = T("""
{pt_title} refusing TF's, nutrition consulted
{pt_first} eating well, likes jello
Last BM {date}
GI ({drname}) aware of melena
Scoped on {date}, 2 bleeding ulcers clipped
{pt_last} tolerated po meds crushed in applesauce
{pt_first} ate well, {relword} brought in food from home
Liver team ({drname}) following
Pt last ate {date_word} per {relword}
EGD with {drname} scheduled for {date}
Whipple procedure done {date} at {hosp}
""")

TPL["GU"] = T("""
Foley draining clear yellow urine
Foley patent, draining {urine} urine, {uo_rng}cc/hr
UO {uo}cc/hr
UO marginal, {uo_low}-{uo}cc/hr, team aware
BUN/Cr {bun}/{cr}
Cr trending up, renal following
Foley d/c'd at {time}, due to void by {time2}
Voiding qs in urinal
Bladder scan for {bladder}cc, straight cath'd
Hematuria noted, CBI running
CVVH running, removing {cvvh}cc/hr
HD today, {hd}L removed
I/O {bal} for the day
I/O {bal} at midnight, {bal} for LOS
Lasix gtt at {lasix_gtt}mg/hr
Urine lytes sent
Condom cath in place
Suprapubic cath draining cloudy urine
Brown urine noted, UA sent
Foley changed, UA/UCx sent
UO dropping to {uo_low}cc/hr, {bolus} given
Anuric, HD catheter in R IJ
Urine tea colored, CK {ck}
Gross hematuria, urology aware
Foley replaced for retention, {bladder}cc returned
Pt incontinent of urine, external cath applied
Renal US done, no hydro
Diuresing well, {uo_total}cc out since {time}
""")
TPL["GU_PHI"] = T("""
Renal ({drname}) following
HD pending, discussed with renal fellow {staff}
Urology ({drname}) in to place 3-way foley
Foley placed {date}, due for change
""")

TPL["ID"] = T("""
Tmax {tmax}, currently {temp}
Afebrile, WBC {wbc}
Febrile to {tmax} at {time}, pan cultured, tylenol given
On {abx2}
Vanco trough {vanco} this am, next dose held
Blood cx x2 sent, pending
Gram stain pending
Sputum gram stain with GPC's in clusters
MRSA from nares, contact precautions maintained
VRE + in stool, on contact isolation
C-diff neg x1
Cultures from OSH pending
Bair hugger applied for temp {hypo_temp}
Cooling blanket on for temp {tmax}
Tylenol given for low grade temp
Droplet precautions r/o flu
ID following, abx changed to {abx}
Lactate {lact}
Sepsis protocol initiated
PICC line tip cultured
Abx day #{days} of 14
Airborne isolation r/o TB, AFB x3 pending
T {temp} po, WBC {wbc}
White count up to {wbc} from {wbc}
Afebrile, on {abx2} day {days}
Urine cx + for GNR's, abx broadened to {abx}
BC 2/4 bottles + GPC's
Lactate down to {lact}
Fungal cx pending
Pt on neutropenic precautions, ANC 300
Gram stain with 4+ PMN's and GNR's
Blood cultures drawn from {line} and peripheral
Stool for O+P sent
Contact precautions for ESBL
Tmax {tmax}, Bair Hugger off
""")
TPL["ID_PHI"] = T("""
ID ({drname}) following, abx changed to {abx}
Urine cx from {date} growing E. coli, sensitivities pending
Blood cx from {date} neg to date
Started on {abx} {date}
Cx from {hosp} + for MRSA
Last febrile {date}
ID fellow {staff} aware of + blood cx
""")

TPL["SKIN"] = T("""
Intact
Skin intact except for {skin_site}
Stage {stage} decubitus on {skin_site}, duoderm applied
Coccyx red, blanchable, barrier cream applied
Turned and positioned q2h
Kinair bed in place
Abd incision c/d/i, open to air
Sternal incision c/d/i, steri-strips in place
L leg incision with serous drainage, dsg changed
Diffuse ecchymosis on arms
Generalized anasarca, skin weeping from bilat LE's
Wound care nurse consulted
Heels elevated on pillows, multipodus boots on
Rash on back, benadryl given
Skin cool, mottled on knees
Jaundiced, sclera icteric
Multiple skin tears on forearms, xeroform applied
Wound vac to abd incision at -125mmHg, intact
Petechiae noted on chest
Hickman site clean and dry, dsg changed
Old PIV site with phlebitis, warm compress applied
Buttocks excoriated, criticaid applied
Skin warm, dry, intact
Pressure ulcer on {skin_site} stage {stage}, allevyn dsg on
Incision OTA, staples intact
Clinitron bed ordered
Roho cushion in chair
Ecchymosis at {side} groin site
Edematous, +3 pitting edema to thighs
Yeast rash under breasts and groin, nystatin powder applied
Fem site with small hematoma, marked
Skin dusky, cool to touch
Ace wraps to bilat LE's
""")
TPL["SKIN_PHI"] = T("""
{pt_last} turned q2h, refuses at times
Wound care RN {rn} in to see pt
Decub noted on admission from {rehab}
Stage 2 on coccyx present on transfer from {hosp}
""")

TPL["ENDO"] = T("""
FS {glu}, covered with {insulin_ss}
BS {glu_rng}, insulin gtt at {ins}u/hr
Insulin gtt per protocol, FS q1h
RISS with FS qid
Lantus {lantus}u SC at HS
FS q6h, no coverage needed
TSH pending
On stress dose steroids, hydrocortisone {hydrocort}mg IV q6h
Cortisol stim test done at {time}
Hypoglycemic to {glu_low} at {time}, 1 amp D50 given, recheck {glu}
DKA protocol, AG closed, transitioning to SC insulin
FS {glu_rng} on insulin gtt
Solumedrol 60mg IV q8h
Pt on home levothyroxine
Glucose {glu}
BS's {glu_rng}, covered per SS
""")
TPL["ENDO_PHI"] = T("""
Endocrine ({drname}) following
Per {drname}, hold lantus tonight
""")

TPL["HEME"] = T("""
Hct {hct}, stable
Hct dropped to {hct}, transfused {blood}
Plt {plt}, HIT ab sent
INR {inr}, given vit K 10mg SC
Coags pending
Type and cross for 2u
Heparin SC for DVT prophy, pneumoboots on
Venodynes on
No s/sx bleeding
Post transfusion hct pending
Coumadin held tonight, INR {inr}
Hct {hct} -> {hct}
Plt {plt}, no signs of bleeding
Hct q6h, last {hct}
Pt received {blood} for INR {inr} prior to {procedure}
DIC panel sent, fibrinogen low
Greenfield filter in place, no anticoagulation
Transfusion reaction workup sent
Hgb {hgb}
""")
TPL["HEME_PHI"] = T("""
Blood bank called at ext {ext}, 2 units ready
Heme/onc ({drname}) aware of plt {plt}
Blood bank ({staff}) called re: crossmatch
""")

TPL["PAIN"] = T("""
C/o pain {pain}/10 in {painloc}, medicated w/ {pain_med} with good effect
Pain well controlled on PCA
Dilaudid PCA 0.2mg q6 min lockout, used {pca}mg this shift
Epidural bupivacaine/fentanyl at {epi}cc/hr, sensory level T{tlev}
Denies pain
Grimacing with turns, fentanyl 25mcg given prior to care
Pain {pain_hi}/10, {pain_med} given at {time} with relief to {pain}/10
Pt refusing pain meds, states pain tolerable
Pain controlled with standing tylenol and {pain_med} prn
""")

TPL["ACCESS"] = T("""
{line} and {line}
PIV x2, {gauge}g R FA and {gauge}g L AC
{line} d/c'd, tip sent for cx
PICC placed at {time}, CXR confirms placement
Hickman in R chest, flushed, good blood return
A-line site oozing, pressure dsg applied
Swan-Ganz catheter d/c'd
Port-a-cath accessed with 20g huber
{line} placed at bedside, awaiting CXR
Triple lumen changed over wire
Quinton cath in R IJ for HD
{line} sites clean and dry
""")

TPL["ACTIVITY"] = T("""
OOB to chair with assist x2
Bedrest, logroll precautions
Ambulated in hall way with walker and assist x1
Dangled at side of bed, tolerated well
PT (physical therapy) following, rec rehab
Spine precautions, C-collar on
Up in chair for {hrs} hrs
Hoyer lift to chair
Ambulated in hall way x2, steady gait
Activity as tolerated
Fall precautions maintained, bed alarm on
Pt turned q2h, refuses at times
""")

TPL["CODE"] = T("""
Full code
DNR/DNI
DNR but ok to intubate
Code status discussed with family, remains full code
Comfort measures only
Full code, HCP form on chart
""")
TPL["CODE_PHI"] = T("""
Code status changed to DNR/DNI per {rel}
DNR/DNI confirmed with {rel_full}, HCP
""")

TPL["SOCIAL"] = T("""
Family in to visit, updated by RN
Wife called, updated on condition
No family contact this shift
Lives alone, independent with ADL's prior to admit
Retired teacher, lives with {spouse}
Pt is Portuguese speaking, interpreter used
Haitian Creole speaking only, interpreter services called
Family meeting planned for tomorrow
Social work following
HCP is daughter
Lots of family at bedside, very supportive
Pt smokes 1ppd x40yrs, ETOH 6 pack/day
Chaplain in to visit
Pt upset, wants to go home
Russian speaking, son translates
Cantonese speaking, phone interpreter used
Pt has 5 children, all involved
Family updated by phone
Family requesting meeting with team
Pt lives with {spouse}, has VNA at home
Pt is a retired firefighter
Family at bedside most of the day, appropriate
Pt is Jehovah's Witness, refuses blood products
Daughter is HCP, aware of plan
Pt's {relword} called twice overnight, updated
Wife very anxious, support given
""")
TPL["SOCIAL_PHI"] = T("""
{pt_title} asking for {relname}, who was called and is coming in
{pt_first} tearful after speaking with {rel}
{pt_title} lives with {rel} in {city}
{pt_full} lives at {addr}, {city}, {state}
{Rel} and {rel2} in, {pt_first} recognized both
{pt_last} lives alone in {city}, {relword} checks on {him} daily
Home address {addr}, {city}
Pt's {relword} lives at {addr}
{Rel} called, updated on pt's condition
{Rel} at bedside
{Rel} in to visit, updated by RN and {drname}
{Rel} updated by phone
Family: {rel}, {rel2}
{Rels}'s cell {phone}
{Relword}'s cell {phone}
HCP is {rel_full} ({relword}), phone {phone}
Call {rel} at {phone} with any changes
Spoke with {relname} re: plan
{Relname} and {relname} in to visit this evening
Pt lives in {city} with {relword}
Lives in {city}, {state}
Family driving from {city} tonight
{Relword} flying in from {country}
{Relword} flying in from {city}, {state} tomorrow
Lives at {addr}, {city}
Pt resides at {rehab}
Pt from {city}, originally from {country}
{Rel} updated by phone, home # {phone}
Interpreter ({staff}) present for family meeting
Discussed with {staff} from case management
SW {staff_full} following, pager {pager}
Family meeting with {drname}, {rel} and {rel2} on {date}
Primary contact {rel}, {phone}
Neighbor {visitor} called, no info given per pt request
Priest from {church} in to give sacrament of the sick
{Relword} works at {hosp}
Guardian {visitor}, {phone}
{Relname} called at {time}, aware of transfer
{Rel} here from {city}, staying at hotel
{Rels} is HCP
{Rel} wants to be called overnight with any change, {phone}
Friend {visitor} visited, pt very happy
SW ({staff}) met with {rel}
Pt's {relword} lives in {country}, unable to visit
{Rel} very involved, calls q shift
{Rel} would like call from {drname}, cell {phone}
Rabbi from {church} visited
{Rel} arriving {date}
{Rel} updated at bedside by {drname} re: poor prognosis
Family from {city} and {city} in to visit
{Relname} requests to be called at work, {phone} ext {ext}
Pt lived with {relword} at {addr} prior to admit
""")

TPL["DISPO"] = T("""
Remains in ICU
Call out to floor when bed available
Possible transfer to floor in am
Screening for rehab
Remains ICU status
Will need rehab vs NH
CMO, await family decision
Dispo pending
Home with VNA when stable
Awaiting bed on floor
Ok to call out per team
Needs LTAC placement, screening started
""")
TPL["DISPO_PHI"] = T("""
{pt_title} to go to {rehab} when medically ready
Going to {rehab} {date}
D/c planned for {date}
Transfer to {unit} when bed available
Accepted at {rehab}, pending insurance
Screened by {rehab}, awaiting bed
Transfer back to {hosp} when stable
Case mgmt ({staff}) working on {rehab} screening
Plan to return to {rehab} per {relword}
Bed available on {unit} at {time}
Transfer to {rehab} on {date} pending clearance
Report called to {staff} on {unit}
Possible transfer to {hosp} for LVAD eval
Rehab screen sent to {rehab} and {rehab}
""")

TPL["PLAN"] = T("""
Cont to monitor hemodynamics
Wean vent as tol
Cont abx, f/u cx
Monitor lytes, replete prn
Wean levophed to keep MAP > {map}
Check Hct at {time}
Support pt and family
Cont present plan of care
Pain control, pulm toilet
Diurese to goal neg 1L
Follow neuro exam q1h
F/u am labs
Possible extubation in am
Cont q2h turns, skin care
NPO after MN for {procedure}
Keep K > 4, Mg > 2
Encourage OOB, IS
Wean O2 as tolerated, sats > 92%
Monitor UO, bolus prn for UO < 30cc/hr
Titrate insulin gtt per protocol
SBT in am if stable
Cont to monitor for ETOH w/d, CIWA q2h
Cont heparin gtt, PTT q6h
Transfuse for Hct < 21
Cont diuresis, daily wts
Advance diet as tolerated
Monitor for s/sx bleeding
Cont pressors, titrate to MAP > {map}
HOB > 30 deg, aspiration precautions
Keep SBP < 140
F/u ID recs
Reassess need for restraints q2h
Cont to update family
""")
TPL["PLAN_PHI"] = T("""
Seen by {drname} on {date}, f/u in clinic after d/c
RN {rn} paid to sit with pt overnight
Encourage {pt_first} to use IS
Update {pt_title}'s family after rounds
{procedure} scheduled for {date}
F/u with {drname} re: {procedure}
Family meeting {date} at {time}
Plan to start TF's per {drname}
Call {rel} at {phone} if any changes
Pt to go for {procedure} on {date}
Repeat echo on {date}
Notify NP {doc} of any changes
Per {drname}, hold heparin for {procedure} {date}
Page {drname} at {pager} with results
Covering resident pager {pager}
Team to discuss goals of care with {rel} {date}
""")

TPL["EVENTS"] = T("""
At {time} pt became acutely SOB, sats dropped to {sat_low}%, placed on NRB, team at bedside
Pt had episode of bradycardia to {hr_low} at {time} while being suctioned, resolved spontaneously
Received pt from OR at {time} s/p {surg}
Rapid response called on floor at {time} for hypotension, transferred to ICU
Pt taken to IR at {time} for embolization, returned at {time2} w/o incident
Pt pulled out NGT at {time}, replaced and placement confirmed by CXR
Code blue called at {time} for PEA arrest, ROSC after 2 rounds epi
Pt went to CT at {time}, returned without incident
Pt desatted to {sat_low}% at {time}, bagged, sx'd for thick plug, recovered
Episode of afib with RVR to {hr_hi} at {time}, dilt 10mg IV given, converted
Unplanned extubation at {time}, pt reintubated without difficulty
Pt fell at {time}, found on floor next to bed, no apparent injury, team notified
BP dropped to {sbp_low}/30s at {time}, {bolus} and neo started
Pt became hypertensive to 190s at {time}, {bblock} given with effect
Pt had large melanotic stool at {time}, Hct sent, {blood} given
Lines changed over wire at {time}
Bronch at bedside at {time}, mucous plugs removed from LLL
Pt agitated at {time}, pulled out A-line, hemostasis achieved
Pt seizing at {time}, ativan 2mg IV x2, seizure stopped
Brief run of SVT at {time}, self-limited
Pt to OR at {time} for {surg}
Hemodynamically stable overnight
Quiet night, no acute events
Uneventful shift
""")
TPL["EVENTS_PHI"] = T("""
{pt_last} pulled out NGT at {time}, replaced
{pt_title} found sitting on floor at {time}, no injury, {drname} aware
Fell at {rehab} on {date}, + head strike
CT head neg per {drname}
Pt arrived to unit at {time} from {hosp} via Med Flight
Pt arrived from ED at {time} accompanied by {rel}
{date} found by {relword} unresponsive, taken to {hosp}, intubated, transferred here
{pt_title} seen by {drname} at {time}, plan discussed with {rel}
Code called at {time}, {drname} running code, {rel} notified
Pt fell at home on {date}, brought in by {relword}
{pt_last} pulled out IV at {time}, new 20g placed by {rn}
Transferred from {hosp} on {date} for further mgmt
RN {rn} paged {drname} re: sats {sat_low}%
{Rel} found pt down on {date_word}
""")

TPL["INTRO"] = T("""
{age} yo {man} with hx of {hx} admitted with {adm_dx}
{age} y/o {mf} admitted with {adm_dx}
Pt is a {age} yo {man} with PMH significant for {hx}
Pt admitted from ED with {adm_dx}
S/p {surg} {weeks} weeks ago, readmitted with {adm_dx}
HX OF {hx}
PMH: {hx}
All: {allergy}
{age} yo {mf} POD #{pod} s/p {surg}
Pt is {age}, admitted with {adm_dx}, now HD #{days}
{age} yo {man}, ICU day {days}, with {adm_dx}
Pt transferred from OSH with {adm_dx}
{age} yo {man} s/p fall at home with SDH, hx {dx}
Hx {hx}; allergies: {allergy}
""")
TPL["INTRO_PHI"] = T("""
Pt is a {age} yo {man}, {pt_title}, admitted {date} with {adm_dx}
{pt_full} is a {age} yo {man} s/p {surg} on {date}
{age} y/o {mf} transferred from {hosp} with {adm_dx}
Pt is {age}, admitted from {rehab} with {adm_dx}
{age} yo {man} found down at home by {relword} on {date}, brought in by EMS
{date} found by {relword} unresponsive, taken to {hosp}, intubated, transferred here
Pt admitted to MICU from ED on {date} with {adm_dx}
Referred from {hosp} for {procedure}
Pt is a {age} yo {man} from {city} with PMH significant for {hx}
{pt_title} is a {age} yo {man} known to this unit from previous admission in {year}
{pt_name}, MRN {mrn}, {age} yo {mf}
Pt {pt_full}, unit # {mrn}
{age} yo {man} from {rehab} with {adm_dx}, hx {dx}
Pt is {age90}, lives with {relword} in {city}
{age90} yo {man} with {adm_dx}, DNR/DNI
{age90} y/o {mf} from {rehab}, admitted with {adm_dx}
Pt is a {age90} year old {man} s/p {surg} on {date}
{pt_title}, {age90} yo, hx {hx}
Pt turned {age90} on {date}, family celebrated at bedside
S/p {surg} on {date} at {hosp}, hx {hx}
Hx of MI in {year}, CABG {year}, {dx}
{pt_last} is a {age} yo {man} admitted {date_word} with {adm_dx}
Admitted {holiday} with {adm_dx}
Pt known to this unit from {date_full} admission for {adm_dx}
Pt {pt_name}, SSN {ssn}, MRN {mrn}
Medical record # {mrn}, admit {date}
Pt's PCP is {drname} at {hosp}
{age} yo {man} with hx {dx}, followed by {drname} as outpt
""")

# Non-section headers
HEADERS = T("""
NPN 7A-7P
NPN 7P-7A
NURSING PROGRESS NOTE 7A-7P
NURSING PROGRESS NOTE 7P-7A
Nursing Progress Note
MICU NURSING NOTE
MICU A NPN 0700-1900
CCU NURSING PROGRESS NOTE
CCU NPN 1900-0700
SICU NPN
CSRU NSG NOTE
CSRU NURSING PROGRESS NOTE 7A-7P
NEURO ICU NURSING NOTE
TSICU NURSING NOTE
NSG NOTE 0700-1500
Nursing note 11p-7a
Nurse's Note
MICU/SICU NPN 7p-7a
NURSING PROGRESS NOTE, 3-11
RESPIRATORY CARE / NSG NOTE
Nursing Progress Note 1900-0700
T-SICU NPN
FICU NURSING PROGRESS NOTE
NSG PROGRESS NOTE
MICU NURSING PROGRESS NOTE 7A-3P
""")
ADMIT_HEADERS = T("""
NURSING ADMISSION NOTE
MICU NURSING ADMIT NOTE
CCU NURSING ADMISSION NOTE
TSICU ADMIT NOTE
NURSING ACCEPT NOTE
Nursing Admission Note
""")
EVENT_HEADERS = T("""
NURSING ADDENDUM
NSG EVENT NOTE
Nursing addendum
ADDENDUM
NPN ADDENDUM 0300
NURSING TRANSFER NOTE
Nursing Transfer Note
EVENT NOTE
""")
FOCUS = L(
    "resp distress, hypotension, GI bleed, altered mental status, transfer note, pain, afib, agitation, hyperglycemia, fall, family meeting, hypoxia, UO"
)

SECTION_LABELS = {
    "NEURO": [("NEURO", 8), ("Neuro", 3), ("N", 1), ("NEURO/MS", 1)],
    "CV": [("CV", 8), ("C/V", 2), ("CARDIAC", 1), ("CVS", 1), ("Cardiac", 1)],
    "RESP": [("RESP", 8), ("PULM", 2), ("Resp", 3), ("RESPIRATORY", 1), ("Pulm", 1)],
    "GI": [("GI", 8), ("GI/ABD", 1), ("GI/Nutrition", 1)],
    "GU": [("GU", 8), ("RENAL", 2), ("GU/RENAL", 1), ("Renal", 1)],
    "ID": [("ID", 8), ("I.D.", 1), ("Id", 1)],
    "SKIN": [("SKIN", 8), ("INTEG", 2), ("Skin", 2), ("SKIN/INTEG", 1)],
    "ENDO": [("ENDO", 8), ("Endo", 2)],
    "HEME": [("HEME", 6), ("HEME/ONC", 1), ("Heme", 2)],
    "PAIN": [("PAIN", 6), ("Pain", 2), ("COMFORT", 1)],
    "ACCESS": [("ACCESS", 5), ("LINES", 3), ("Access", 2)],
    "ACTIVITY": [("ACTIVITY", 5), ("MOBILITY", 2), ("Activity", 2)],
    "CODE": [("CODE STATUS", 5), ("CODE", 3), ("Code", 1)],
    "SOCIAL": [("SOCIAL", 8), ("SOC", 2), ("FAMILY", 2), ("Social", 3), ("SOCIAL/FAMILY", 1), ("Family", 1)],
    "DISPO": [("DISPO", 8), ("DISPOSITION", 2), ("Dispo", 3)],
    "PLAN": [("PLAN", 8), ("A/P", 2), ("Plan", 3), ("P", 1)],
    "EVENTS": [("EVENTS", 5), ("EVENT", 2), ("Events", 2), ("PT EVENTS", 1)],
}
SYSTEM_ORDER = ["NEURO", "PAIN", "CV", "RESP", "GI", "GU", "ID", "HEME", "ENDO", "SKIN", "ACCESS", "ACTIVITY", "CODE"]
SYS_PROB = {
    "NEURO": 0.9,
    "PAIN": 0.15,
    "CV": 0.92,
    "RESP": 0.9,
    "GI": 0.85,
    "GU": 0.8,
    "ID": 0.6,
    "HEME": 0.3,
    "ENDO": 0.4,
    "SKIN": 0.5,
    "ACCESS": 0.25,
    "ACTIVITY": 0.2,
    "CODE": 0.15,
}
PHI_WEIGHT = {
    "INTRO": 5,
    "SOCIAL": 6,
    "DISPO": 3,
    "PLAN": 2.5,
    "EVENTS": 2.5,
    "NEURO": 1,
    "CV": 1.3,
    "RESP": 0.8,
    "GI": 1.2,
    "GU": 0.5,
    "ID": 1,
    "SKIN": 0.4,
    "ENDO": 0.3,
    "HEME": 0.3,
    "CODE": 0.6,
}

ALL_TEMPLATES = [t for v in TPL.values() for t in v]

# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------

PH = re.compile(r"\{(\w+)\}")


def typo(s: str) -> str:
    """Occasionally misspell one word of literal template text (never a placeholder)."""
    if R.random() > 0.035:
        return s
    words = list(re.finditer(r"[A-Za-z]{5,}", s))
    if not words:
        return s
    m = ch(words)
    w = m.group(0)
    i = R.randint(1, len(w) - 2)
    kind = R.random()
    if kind < 0.4:
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
    elif kind < 0.75:
        w2 = w[:i] + w[i + 1 :]
    else:
        w2 = w[:i] + w[i] + w[i:]
    return s[: m.start()] + w2 + s[m.end() :]


def render(tpl: str, c: Ctx) -> list:
    out: list = []
    pos = 0
    for m in PH.finditer(tpl):
        if m.start() > pos:
            out.append(typo(tpl[pos : m.start()]))
        key = m.group(1)
        val = FILL[key.lower()](c)
        if not isinstance(val, list):
            val = [val]
        if key[0].isupper():
            val = cap_first(val)
        out.extend(val)
        pos = m.end()
    if pos < len(tpl):
        out.append(typo(tpl[pos:]))
    return out


def is_phi_template(t: str) -> bool:
    return any(k.lower() in PHI_KEYS for k in PH.findall(t))


def pick_template(c: Ctx, section: str, phi: bool) -> str | None:
    key = section + "_PHI" if phi else section
    pool = [t for t in TPL.get(key, []) if t not in c.used]
    if not pool:
        return None
    t = ch(pool)
    c.used.add(t)
    return t


def sentence_join(sents: list[list]) -> list:
    out: list = []
    for i, s in enumerate(sents):
        if i:
            out.append(wch([(". ", 70), (", ", 10), ("; ", 5), ("  ", 5), (" - ", 4), (". ", 6)]))
        out.extend(s)
    return out


def label(section: str, style: str) -> str:
    lab = wch(SECTION_LABELS[section])
    return style.replace("H", lab, 1)


def build_note(c: Ctx) -> list[list]:
    """Returns list of lines; each line is a list of pieces."""
    kind = wch([("systems", 72), ("admit", 8), ("dar", 8), ("event", 12)])
    phi_target = wch([(0, 8), (1, 22), (2, 27), (3, 20), (4, 12), (5, 7), (6, 3), (7, 1)])
    style = wch([("H: ", 55), ("H:", 10), ("H- ", 12), ("H -- ", 5), ("H; ", 3), ("H ", 5), ("H:  ", 10)])
    end_dot = R.random() < 0.6

    # decide on a list of (section, n_sentences)
    plan: list[tuple[str, int]] = []
    if kind in ("systems", "admit"):
        if kind == "admit":
            plan.append(("INTRO", R.randint(2, 3)))
        elif R.random() < 0.7:
            plan.append(("INTRO", 1))
        if R.random() < 0.2:
            plan.append(("EVENTS", R.randint(1, 2)))
        for s in SYSTEM_ORDER:
            if R.random() < SYS_PROB[s]:
                plan.append((s, R.randint(1, 4) if s in ("NEURO", "CV", "RESP", "GI") else R.randint(1, 3)))
        if R.random() < 0.55:
            plan.append(("SOCIAL", R.randint(1, 3)))
        if R.random() < 0.4:
            plan.append(("DISPO", R.randint(1, 2)))
        if R.random() < 0.7:
            plan.append(("PLAN", R.randint(1, 4)))
    elif kind == "dar":
        for lab_ in ("D", "A", "R"):
            secs = R.sample(["NEURO", "CV", "RESP", "GI", "GU", "ID", "SOCIAL", "EVENTS", "PLAN"], R.randint(1, 3))
            for s in secs:
                plan.append((f"{lab_}|{s}", R.randint(1, 2)))
    else:  # event note
        if R.random() < 0.5:
            plan.append(("INTRO", 1))
        plan.append(("EVENTS", R.randint(1, 3)))
        for s in R.sample(["NEURO", "CV", "RESP", "GI", "GU", "SOCIAL", "PLAN", "ID"], R.randint(2, 5)):
            plan.append((s, R.randint(1, 2)))

    # assign PHI to slots
    slots = [(i, j) for i, (s, n) in enumerate(plan) for j in range(n)]
    weights = []
    for i, j in slots:
        sec = plan[i][0].split("|")[-1]
        weights.append(PHI_WEIGHT.get(sec, 0) if TPL.get(sec + "_PHI") else 0)
    phi_slots: set = set()
    cand = [(s, w) for s, w in zip(slots, weights) if w > 0]
    for _ in range(phi_target):
        if not cand:
            break
        s = wch(cand)
        phi_slots.add(s)
        cand = [(x, w) for x, w in cand if x != s]

    lines: list[list] = []
    if kind == "admit":
        lines.append([ch(ADMIT_HEADERS)])
    elif kind == "event":
        lines.append([ch(EVENT_HEADERS) + ch(["", "", f" {tm()}", ":"])])
    elif kind == "dar":
        lines.append([f"{ch(['FOCUS', 'Focus', 'F'])}: {ch(FOCUS)}"])
    elif R.random() < 0.65:
        lines.append([ch(HEADERS)])

    dar_groups: dict[str, list] = {}
    for i, (sec_full, n) in enumerate(plan):
        sec = sec_full.split("|")[-1]
        sents = []
        for j in range(n):
            t = pick_template(c, sec, (i, j) in phi_slots)
            if t is None:
                t = pick_template(c, sec, False)
            if t is None:
                continue
            sents.append(render(t, c))
        if not sents:
            continue
        if kind == "dar":
            dar_groups.setdefault(sec_full.split("|")[0], []).extend(sents)
            continue
        body = sentence_join(sents)
        if end_dot:
            body.append(".")
        if sec == "INTRO" or (kind == "event" and (sec == "EVENTS" or R.random() < 0.5)):
            lines.append(body)
            continue
        head = label(sec, style)
        if R.random() < 0.06 and len(sents) > 1:
            # header on its own line, sentences on following lines
            lines.append([head.rstrip()])
            for s in sents:
                lines.append(s + (["."] if end_dot else []))
        else:
            lines.append([head] + body)
    if kind == "dar":
        for lab_ in ("D", "A", "R"):
            sents = dar_groups.get(lab_)
            if not sents:
                continue
            k = R.randint(1, min(3, len(sents)))
            chunks = [sents[x::k] for x in range(k)]
            for ci_, chunk in enumerate(chunks):
                body = sentence_join(chunk) + ["."]
                lines.append(([f"{lab_}: "] if ci_ == 0 else []) + body)
    if R.random() < 0.12:
        lines.append([ch(["", "", "- ", "Signed, "]) + ch(["RN", "R.N.", "rn"])])
    lines = [ln for ln in lines if ln]
    return lines


def note_text(lines: list[list], upper: bool):
    text_parts: list[str] = []
    spans: list[dict] = []
    ignore: list[dict] = []
    cur = 0
    for li, line in enumerate(lines):
        if li:
            text_parts.append("\n")
            cur += 1
        for p in line:
            if isinstance(p, str):
                t = p.upper() if upper else p
                text_parts.append(t)
                cur += len(t)
                continue
            t = p[1].upper() if upper else p[1]
            if p[0] == "S":
                d = {"start": cur, "end": cur + len(t), "type": p[2]}
                if p[3]:
                    d["role"] = p[3]
                spans.append(d)
            else:
                ignore.append({"start": cur, "end": cur + len(t)})
            text_parts.append(t)
            cur += len(t)
    return "".join(text_parts), spans, ignore


_W = re.compile(r"\w")


def validate(text, spans, ignore, expected):
    for d, exp in zip(spans + ignore, expected):
        s, e = d["start"], d["end"]
        assert text[s:e] == exp, (text[s:e], exp)
        assert text[s:e].strip() == text[s:e] and e > s
        # identifier must not be glued to surrounding word characters
        assert not (s > 0 and _W.match(text[s - 1]) and _W.match(text[s])), (text, s)
        assert not (e < len(text) and _W.match(text[e]) and _W.match(text[e - 1])), (text, e)
    iv = sorted((d["start"], d["end"]) for d in spans + ignore)
    for (a, b), (c2, d2) in zip(iv, iv[1:]):
        assert b <= c2, "overlap"


def main() -> int:
    assert len(set(ALL_TEMPLATES)) >= 150
    for t in ALL_TEMPLATES:
        for k in PH.findall(t):
            assert k.lower() in FILL, (k, t)
    out = []
    for n in range(1, N_NOTES + 1):
        upper = R.random() < UPPER_FRACTION
        c = Ctx(upper)
        for _attempt in range(10):
            lines = build_note(c)
            if 4 <= len(lines) <= 20:
                break
            c.used.clear()
        # ensure 4..20 lines
        while len(lines) < 4:
            sec = ch(["NEURO", "CV", "RESP", "GI", "PLAN"])
            t = pick_template(c, sec, False) or ch(TPL[sec])
            lines.append([label(sec, "H: ")] + render(t, c))
        lines = lines[:20]
        text, spans, ignore = note_text(lines, upper)
        expected = []
        for line in lines:
            for p in line:
                if not isinstance(p, str) and p[0] == "S":
                    expected.append(p[1].upper() if upper else p[1])
        for line in lines:
            for p in line:
                if not isinstance(p, str) and p[0] == "I":
                    expected.append(p[1].upper() if upper else p[1])
        validate(text, spans, ignore, expected)
        if upper:
            assert text == text.upper()
        out.append(
            {"id": f"c{n:05d}", "case": "upper" if upper else "mixed", "text": text, "spans": spans, "ignore": ignore}
        )
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_tpl = len(set(ALL_TEMPLATES))
    n_phi_tpl = sum(is_phi_template(t) for t in set(ALL_TEMPLATES))
    print(f"wrote {len(out)} notes to {OUT}; {n_tpl} distinct sentence templates ({n_phi_tpl} with identifiers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
