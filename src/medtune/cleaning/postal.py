"""Postal addresses outside the US formats of :mod:`medtune.cleaning.pii`, and postcodes.

HIPAA Safe Harbor removes every geographic unit smaller than a state, and an address is written many ways:

- a street with its type first and the number after ("Rue de la Loi 155", "ul. Marszałkowska 84/92",
  "Av. Providencia 2133", "via Dandolo 3") or the number first ("12 allée des Peupliers");
- a street whose type is part of the word ("Vesterbrogade 88", "Christoph-Probst-Str. 10", "Mannerheimintie 12");
- a post-office box ("PO Box 2380", "Postfach 43 39 55", "Apartado 112"), and a street of any shape when a postcode
  and its town follow it ("Radnički dol 90b, 47337 Poreč");
- postcodes with a shape of their own (UK "BN1 3HA", Canada "K1M 2C5", Ireland "D15 YT82", Japan "〒530-0001"),
  and numeric ones next to their town ("80805 München", "00-514 Warszawa", "Busan 48821").

:func:`find_addresses` finds the street, then grows it over the parts that follow it (flat or unit, postcode,
town, region code) on the same line or on the next two lines, and over a flat or unit before it ("Flat 2, ").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["find_addresses", "find_postcodes", "grow_address", "grow_place"]

_L = r"A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"  # Latin letters
_WORD = rf"[{_L}][{_L}'\u2019.-]*"
_CAP_WORD = (
    rf"(?:(?:St|Ste|Mt|Ft|Col|Kel|Kec|Brgy)\.|[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f][{_L}'\u2019-]*[{_L}])"
    r"(?![\w\u00b0\u00ba])"
)
_NUMBER = r"\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?"

# A street type written before the name (Romance, Slavic, Indonesian, Thai, …), with its usual abbreviations.
_PREFIX_TYPE = (
    r"(?:(?:rue|avenue|av\.|avda\.?|avenida|calle|c/(?=[ \t])|carrera|cra\.?|cl\.|via|viale|vicolo|corso|piazza|"
    r"piazzale|largo|"
    r"strada|rua|travessa|tv\.|pra[cç]a|alameda|estrada|rodovia|ul\.|ulica|al\.|aleja|osiedle|pl\.|all[ée]e|"
    r"boulevard|bd\.?|blvd\.?|chemin|impasse|quai|cours|camino|paseo|pje\.?|pasaje|plaza|ronda|carretera|traves[ií]a|"
    r"jalan|jl\.?|soi|moo|calea|bulevardul|bd-ul|utca|ulitsa|prospekt|sokak|cadde|mahallesi|mah\.|"
    r"str\.|leof\.|leoforos|vul\.|vulytsya|per\.|pereulok|prosp\.|sderot|rehov|derech|transversal|diagonal)"
    r"(?:(?<=[./])|\b))"
)
# Particles inside street names ("Rue de la Loi", "Camino a Santa Teresa", "Avenida dos Andradas").
_PARTICLE = r"(?:de|da|do|dos|das|del|della|delle|dei|di|des|du|la|le|les|los|las|a|al|y|e|van|von|der|l'|d')"
_NAME_PART = rf"(?:{_PARTICLE}[ \t]+|[{_L}][{_L}'\u2019-]*[ \t]+|\d{{1,2}}[ \t]+de[ \t]+)"
_PREFIX_STREET = re.compile(
    rf"(?i)(?<![\w.:])(?:(?P<n1>{_NUMBER}),?[ \t]+)?{_PREFIX_TYPE}[ \t]*(?:{_NAME_PART}){{0,4}}"
    rf"[{_L}][{_L}'\u2019-]*(?(n1)(?:,?[ \t]+{_NUMBER}\b)?|"
    rf",?[ \t]+(?:(?:n[º°o]\.?|nr\.|no\.|d\.|bud\.)[ \t]*)?{_NUMBER}\b)"
)
# A street type that ends the word ("Søndergade", "Hauptstraße", "Hämeenkatu"; "Bağdat Caddesi" as two words).
_SUFFIX_TYPE = (
    r"(?i:stra(?:ß|ss)e|str\.|gasse|weg|allee|platz|damm|ufer|chaussee|steig|gade|vej|v[äa]gen|gatan|gata|veien|"
    r"vegen|vegur|str[æa]ti|braut|straat|laan|gracht|plein|steeg|kade|singel|dreef|katu|tie|kuja|polku|utca|[úu]tja|"
    r"-ro|-gil|-daero|-dong|-gu)"
)
_SUFFIX_STREET = re.compile(
    rf"(?<![\w.])(?:(?P<n2>{_NUMBER})[ \t]+)?(?:{_CAP_WORD}[ \t-])?[A-Z\u00c0-\u00de\u0100-\u017f][{_L}'\u2019-]*"
    rf"{_SUFFIX_TYPE}(?![\w])(?(n2)(?:[ \t]+{_NUMBER}(?![\w/]))?|[ \t]+{_NUMBER}(?![\w/]))"
    rf"|(?<![\w.])[A-Z\u00c0-\u00de\u0100-\u017f][{_L}'\u2019-]*[ \t]+"
    r"(?:Caddesi|Cad\.|Sokak|Soka\u011f\u0131|Sk\.|Bulvar\u0131|"
    rf"Blv\.|Mahallesi|Mah\.)(?:[ \t]*(?:No[:.]?[ \t]*)?{_NUMBER}(?![\w/]))?"
)
# "No. 23 Awolowo Road": a numbered form of the English street that pii's patterns miss.
_NO_STREET = re.compile(
    rf"(?i)(?<![\w.])No\.?[ \t]*\d{{1,5}}[A-Za-z]?,?[ \t]+(?:{_CAP_WORD}[ \t]+){{1,3}}"
    r"(?:road|street|avenue|close|crescent|lane|way|drive|estate|layout)\b\.?"
)

# Postcodes with a shape of their own.
_UK = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]\d[ABD-HJLNP-UW-Z]{2}"
_CA = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t-]\d[ABCEGHJ-NPRSTV-Z]\d"
_IE = r"[ACDEFHKNPRTVWXY]\d[\dW][ \t](?=[0-9ACDEFHKNPRTVWXY]{0,3}\d)[0-9ACDEFHKNPRTVWXY]{4}"
_SHAPED_POSTCODE = re.compile(rf"(?<![\w-])(?:{_UK}|{_CA}|{_IE})(?![\w-])|\u3012[ \t]?\d{{3}}-?\d{{4}}")
# Numeric postcodes (4 to 6 digits, "00-514", "110 00", "1012 AB", "01310-100", "1000-001"): only next to a town.
_NUM_POSTCODE = (
    r"(?:\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3}[ \t]\d{2}(?!\d)|\d{4}[ \t]?[A-Z]{2}(?!\w)|\d{4,6}|"
    r"(?<![\w-])(?:[A-Z]{1,2}-\d{4,5})|"  # a country letter before it: "H-1053", "D-80331", "CH-8001"
    r"[A-HJ-NP-Z]\d{4}(?:[A-Z]{3})?(?!\w))"  # the last: Argentina's ("B1900", "C1425DKF")
)
_BARE_CODE = re.compile(_NUM_POSTCODE + r"(?![\w-]|[.,]\d)")
_CAP_TOWN = rf"{_CAP_WORD}(?:[ \t-]+(?:{_PARTICLE}[ \t]+)?{_CAP_WORD}){{0,2}}(?:[ \t]+(?:\d{{1,2}}|[A-Z])\b)?"
_ANY_TOWN = rf"[{_L}][{_L}'\u2019-]*(?:[ \t-]+(?:{_PARTICLE}[ \t]+)?[{_L}][{_L}'\u2019-]*){{0,2}}"
_TOWN = re.compile(_CAP_TOWN)
_POSTCODE_TOWN = re.compile(
    rf"(?<![\w.,-])(?P<code>{_NUM_POSTCODE}|\d{{3}})[ \t]+(?P<town>{_CAP_TOWN}|{_ANY_TOWN}(?=[ \t]*(?:[,.\n]|$)))"
)
_TOWN_POSTCODE = re.compile(
    rf"(?P<town>{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,2}}),?[ \t]+(?:[A-Z]{{2,3}},?[ \t]+)?(?P<code>{_NUM_POSTCODE})"
    r"(?![\w-]|[.,]\d)"
)
# A flat, floor or unit: before the street ("Flat 2, ") or after it (", Apt. 5", ", 2. th.", ", lok. 109").
_UNIT = (
    r"(?i:apt|apartment|flat|unit|suite|ste|room|rm|floor|fl|bte|bo[iî]te|lok|lokal|m|of|ofic|oficina|depto|dpto|dto|"
    r"piso|ap|apto|app|íbúð|b[âa]t|b[âa]timent|esc|puerta|door|dept|int|interior|andar|bloco|bloque|torre|etg|"
    r"étage|stiege|stock|top|whg|wohnung|h\.?[ \t]?no|et|etaj|sc|scara|bl|bloc|kv|kvartira|fsz|em|lgh|hs|bud|"
    r"scala|villa|office|plot|blk|lot|house[ \t]no|edif|edificio)\.?"
)
_UNIT_PART = re.compile(
    rf"{_UNIT}[ \t]*#?[ \t]*(?:\d[\w-]{{0,5}}|[A-Z](?:-?\d{{1,4}})?(?![\w]))"
    r"|(?i:bajo|[áa]tico|st|stuen|kld|tv|th)\.?(?=[ \t]*[,\n])"
    r"|\d{1,3}\.?[ \t]*(?:th|tv|mf|sal|st|floor|fl|F|º|ª)(?!\w)\.?|#[ \t]*\d+[A-Za-z]?"
)
_UNIT_BEFORE = re.compile(rf"(?:(?:{_UNIT}[ \t]*#?[ \t]*\d[\w-]{{0,5}}|\d{{1,3}}F)(?:[ \t]*,[ \t]*|[ \t]*\n[ \t]*))$")
_UNIT_BEFORE_NUMBER = re.compile(rf"(?<![\w.])(?:{_UNIT}[ \t]*#?[ \t]*\d[\w-]{{0,5}})[ \t]+$")
# A region or country code and a postcode after a town ("AT 9689", "PL 66-773", "IN 294339").
_REGION_THEN_CODE = re.compile(rf"[A-Z]{{2,3}}[ \t]+(?:{_NUM_POSTCODE})(?![\w-]|[.,]\d)")
# A place that ends with a unit word ("… Allé 228 Apt"), the unit's number after it, and one that ends with a region.
_UNIT_TAIL = re.compile(rf"(?<![\w.]){_UNIT}$")
_UNIT_NUMBER = re.compile(r"\.?[ \t]*#?[ \t]*\d[\w/-]{0,5}(?![\w/-])")
_REGION_TAIL = re.compile(r",[ \t]*[A-Z]{2,3}$")
_TOWN_TAIL = re.compile(rf"\d[\w/-]*[ \t]+[A-Z][{_L}'\u2019-]*(?:[ \t-]+[{_L}][{_L}'\u2019-]*){{0,2}}$")
# Prose that goes on after a town: spaces and a lower-case word.
_PROSE_NEXT = re.compile(r"[ \t]+[a-z]")
_REGION = re.compile(r"\(?[A-Z]{2,3}\)?(?![\w])")
_SEP = re.compile(
    rf"[ \t]*(?P<c>,[ \t]*\n|[,\n])[ \t]*|[ \t]+"
    rf"|\.(?:[ \t]+|[ \t]*(?P<n>\n)[ \t]*)(?={_UNIT}[ \t]*#?[ \t]*\d|[A-Z]{{1,2}}-\d{{4}})"  # "utca 204. Apt. 609"
)
# Where a town part may end: a comma, a line end, the end of a sentence.
_PART_END = re.compile(r"[ \t]*(?:[,;\n)]|$|\.(?:\s|$))")
_LINE_END = re.compile(r"[ \t]*(?:[,\n]|$)")
_PROSE = re.compile(r"\b[a-z]{2,}[ \t]+[a-z]{2,}[ \t]+[a-z]{2,}\b")
_STANDALONE = re.compile(rf"(?m)^[ \t]*(?P<v>{_NUM_POSTCODE}[ \t]+{_CAP_TOWN})[ \t]*$")
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
# Words for "number" before a house number ("nr. 67", "d. 44", "bud. 13"), not part of the street's name.
_NUMBER_WORDS = frozenset({"nr", "no", "d", "bud", "n"})
# A post-office box in the words of many countries ("PO Box 2380", "Postfach 43 39 55", "Apartado 112",
# "Caixa Postal 15", "B.P. 1204"), the box number with it.
_PO_BOX = re.compile(
    r"(?i)(?<![\w.])(?:P\.?[ \t]?O\.?[ \t]?Box|POB|Post[ \t]?Office[ \t]Box|G\.?P\.?O\.?[ \t]Box|"
    r"Postfach|Postbus|Postboks|"
    r"Box[ \t]?No\.?|Apartado(?:[ \t]de[ \t]Correos)?|Caixa[ \t]Postal|Casilla(?:[ \t]de[ \t]Correo)?|"
    r"Skrytka[ \t]pocztowa|B\.[ \t]?P\.|Bo[iî]te[ \t]postale|C\.?P\.?[ \t]?Box)\.?[ \t]*(?:No\.?[ \t]*|#[ \t]*)?"
    r"\d{1,6}(?:[ \t]\d{2,3}){0,3}(?![\w-])"
)
_BOX_WORDS = frozenset(
    "box pob postfach postbus postboks apartado caixa casilla skrytka bp boite boîte".split()  # noqa: SIM905
)
# A number after a comma or a line break, then a word: where a postcode and its town may follow a street.
_CODE_AFTER_BREAK = re.compile(r"[,\n][ \t]*\n?[ \t]*\d{2,5}(?:[ \t-]\d{2,3})?[ \t]+[^\W\d_]")
# A street line ("Radnički dol 90b", "Jensenlunden 62") followed by a postcode and its town on the same or the next
# line: the postcode and the town make the words before them an address.
_STREET_THEN_CODE = re.compile(
    rf"(?<![\w.])(?P<street>[A-Z\u00c0-\u00de\u0100-\u017f][{_L}'\u2019.-]*(?:[ \t]+[{_L}][{_L}'\u2019.-]*){{0,3}}"
    rf"[ \t]+{_NUMBER})(?:[ \t]*,[ \t]*\n?|[ \t]*\n)[ \t]*"
    rf"(?P<code>\d{{5}}-\d{{3}}|\d{{4}}-\d{{3}}|\d{{2}}-\d{{3}}|\d{{3}}[ \t]\d{{2}}|\d{{4,5}})"
    rf"[ \t]+(?P<town>{_CAP_TOWN})"
)
# Words that make a "via …"/"cours …" match prose, not a street.
_PROSE_WORDS = frozenset(
    {
        "the",
        "an",
        "my",
        "your",
        "his",
        "her",
        "our",
        "their",
        "this",
        "that",
        "these",
        "those",
        "which",
        "email",
        "e-mail",
        "phone",
        "text",
        "mail",
        "post",
        "app",
        "website",
        "link",
        "zoom",
        "video",
        "call",
        "bus",
        "car",
        "train",
        "taxi",
        "plane",
    }
)


# Words for a district before its name (Mexico's colonia, Indonesia's kelurahan and kecamatan, the Philippines'
# barangay).
_AREA_WORDS = frozenset({"col.", "kel.", "kec.", "brgy."})
# Words that open town names and are common words too ("Port David", "West Robinchester", "Lake Kirsty"): a town
# opened by one is judged by the words after it.
_TOWN_OPENERS = frozenset(
    {
        *("north", "south", "east", "west", "new", "old", "port", "lake", "mount", "fort", "saint", "st.", "st"),
        *("san", "santa", "sankt", "bad", "upper", "lower", "great", "little", "glen", "bay", "cape", "point"),
    }
)

# Cheap checks that say whether a finder can match at all (most texts hold no address).
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
_PREFIX_WORDS = frozenset(
    """
    rue avenue av avda avenida calle carrera cra cl via viale vicolo corso piazza piazzale largo strada rua travessa
    tv praça praca alameda estrada rodovia ul ulica al aleja osiedle pl allée allee boulevard bd blvd chemin impasse
    quai cours camino paseo pje pasaje plaza ronda carretera travesía travesia jalan jl soi moo calea bulevardul utca
    ulitsa prospekt sokak cadde mahallesi mah str leof leoforos vul vulytsya per pereulok prosp sderot rehov derech
    transversal diagonal
    """.split()  # noqa: SIM905
)
_TURKISH_WORDS = frozenset(
    {"caddesi", "cad", "sokak", "soka\u011f\u0131", "sk", "bulvar\u0131", "blv", "mahallesi", "mah"}
)
_SUFFIX_ENDS = (
    "straße",
    "strasse",
    "str",
    "gasse",
    "weg",
    "allee",
    "platz",
    "damm",
    "ufer",
    "chaussee",
    "steig",
    "gade",
    "vej",
    "vägen",
    "vagen",
    "gatan",
    "gata",
    "veien",
    "vegen",
    "vegur",
    "stræti",
    "straeti",
    "strati",
    "braut",
    "straat",
    "laan",
    "gracht",
    "plein",
    "steeg",
    "kade",
    "singel",
    "dreef",
    "katu",
    "tie",
    "kuja",
    "polku",
    "utca",
    "útja",
    "utja",
    "-ro",
    "-gil",
    "-daero",
    "-dong",
    "-gu",
)


def find_postcodes(text: str) -> list[tuple[int, int]]:
    """Postcodes whose shape alone says what they are: UK, Canadian, Irish (Eircode) and Japanese (〒).

    >>> t = "Norwich NR2 3PQ; Ottawa K1M 2C5; Dublin D15 YT82; 〒530-0001"
    >>> [t[a:b] for a, b in find_postcodes(t)]
    ['NR2 3PQ', 'K1M 2C5', 'D15 YT82', '〒530-0001']
    """
    return [m.span() for m in _SHAPED_POSTCODE.finditer(text)]


def _town_ok(town: str, vocab: frozenset[str]) -> bool:
    """A town is not a common word; in capitals ("0322 INTUBATED BY ANESTHESIA") none of its words may be one."""
    words = [w.strip(".,").lower() for w in town.split()]
    if len(words) > 1 and town.split()[0].lower() in _AREA_WORDS | _TOWN_OPENERS:
        words = words[1:]  # "Col. Centro", "Port David": judge the name, not the word for district or the opener
    if words[0] in vocab or words[0].isdigit():
        return False
    return not town.isupper() or not any(w in vocab and w not in _PARTICLES for w in words)


def _street_ok(street: str, vocab: frozenset[str]) -> bool:
    """Whether the words of a street-type match are a name ("via Dandolo 3"), not prose ("via the portal 24")."""
    words = [
        w
        for w in re.findall(rf"[{_L}][{_L}'\u2019-]*", street)[1:]
        if w.lower() not in _PARTICLES and w.lower() not in _NUMBER_WORDS
    ]
    if any(w.lower() in _PROSE_WORDS for w in words):
        return False
    kind = re.search(rf"[{_L}]+", street)
    if kind and len(kind.group()) <= 3 and kind.group().isupper():
        return False  # "PR.", "AL.", "CL." in capitals are shorthand, not "pr. Mira", "al. Jana Pawła"
    if kind and kind.group().lower() == "via" and not all(w[0].isupper() and not w.isupper() for w in words):
        return False  # English "via": only "via Dandolo 3", "Via Giuseppe Verdi 5" are streets
    if any(w[0].isupper() and not w.isupper() for w in words):  # "Avenida Paulista opens on 11/11" is prose
        return not any(w.islower() and w in vocab for w in words)
    return bool(words) and sum(w.lower() not in vocab for w in words) * 2 >= len(words)


def _town_words_end(text: str, start: int, end: int, vocab: frozenset[str]) -> int:
    """Cut a town before its first common word after the first ("77-861 Krakow Thanks" -> "77-861 Krakow")."""
    for i, w in enumerate(re.finditer(rf"[{_L}][{_L}'\u2019.-]*", text[start:end])):
        if i and w.group().strip(".").lower() in vocab and w.group().lower() not in _PARTICLES:
            return start + len(text[start : start + w.start()].rstrip(" \t-"))
    return end


def _town_after_code(text: str, pos: int, vocab: frozenset[str], prev: str, sep: str | None) -> int | None:
    """The end of a town right after a postcode and a space ("NG5P 4YW South Louise"), if there is one."""
    if sep is not None or prev != "code" or not (m := _TOWN.match(text, pos)) or not _town_ok(m.group(), vocab):
        return None
    return m.end() if _PART_END.match(text, m.end()) or _PROSE_NEXT.match(text, m.end()) else None


def _part(text: str, pos: int, vocab: frozenset[str], prev: str, sep: str | None) -> tuple[int, str] | None:
    """The end and kind of an address part that starts at ``pos`` (postcode, town, unit, region), if any.

    ``sep`` is what comes before the part: a comma, a line break or ``None`` (spaces). After spaces only a unit,
    a postcode or a region code continues the address, and a town
    only after a unit ("… 12 Apt. 5 Paysandú").
    """
    if m := _SHAPED_POSTCODE.match(text, pos):
        return m.end(), "code"
    if (m := _POSTCODE_TOWN.match(text, pos)) and _town_ok(m.group("town"), vocab):
        return _town_words_end(text, m.start("town"), m.end(), vocab), "town"
    if m := _UNIT_PART.match(text, pos):
        return m.end(), "unit"
    if prev in ("town", "region") and (m := _BARE_CODE.match(text, pos)):
        return m.end(), "code"
    if (m := _REGION.match(text, pos)) and prev in ("town", "code") and _PART_END.match(text, m.end()):
        return m.end(), "region"
    if (m := _REGION_THEN_CODE.match(text, pos)) and prev == "town":  # "Fürstenfeld, AT 9689"
        return m.end(), "code"
    if (end := _town_after_code(text, pos, vocab, prev, sep)) is not None:
        return end, "town"  # "NG5P 4YW South Louise"
    if sep is None and prev != "unit":
        return None
    end_rx = _LINE_END if sep == "\n" else _PART_END
    if (m := _TOWN.match(text, pos)) and _town_ok(m.group(), vocab):
        if end_rx.match(text, m.end()):
            return m.end(), "town"
        if sep == "," and prev in ("street", "unit", "code") and _PROSE_NEXT.match(text, m.end()):
            return m.end(), "town"  # "… Apt. 853, Parkerchester last winter": prose goes on after the town
    if (m := _TOWN_POSTCODE.match(text, pos)) and _town_ok(m.group("town"), vocab):
        return m.end(), "code"
    return None


def _grow(text: str, a: int, b: int, vocab: frozenset[str], prev: str = "street") -> tuple[int, int]:
    """Grow a street over the parts after it (at most four, on two more lines) and over a unit before it.

    ``prev`` is the kind of part the span ends with (``street``, ``unit``, ``region``).
    """
    if m := _UNIT_BEFORE.search(text[max(0, a - 24) : a]):
        a -= len(m.group())
    elif text[a : a + 1].isdigit() and (m := _UNIT_BEFORE_NUMBER.search(text[max(0, a - 24) : a])):
        a -= len(m.group())  # "Apt. 199 896 Steele Crossroad": a unit, then the house number
    lines = 0
    for _ in range(4):
        sep = _SEP.match(text, b)
        if not sep:
            break
        newline = "\n" in (sep.group("c") or "") or bool(sep.group("n"))
        if newline and lines == 2:
            break
        found = _part(text, sep.end(), vocab, prev, "\n" if newline else sep.group("c"))
        if found is None:
            break
        end, kind = found
        part = text[sep.end() : end]
        if _PROSE.search(part) or len(part) > 40:
            break
        b, lines, prev = end, lines + newline, kind
    return a, b


def _street_start(text: str, start: int, end: int, vocab: frozenset[str]) -> int | None:
    """Where a street before a postcode starts: after the last common word ("Post it to Jensenlunden 62")."""
    words = list(re.finditer(rf"[{_L}][{_L}'\u2019-]*", text[start:end]))
    common = [i for i, w in enumerate(words) if w.group().lower() in vocab and w.group().lower() not in _PARTICLES]
    first = common[-1] + 1 if common else 0
    if first >= len(words) or not words[first].group()[0].isupper():
        return None
    return start + words[first].start()


def grow_address(text: str, start: int, end: int, vocab: Iterable[str] | frozenset[str] = ()) -> tuple[int, int]:
    r"""Grow a street address found elsewhere over its unit, postcode and town.

    >>> t = "Flat 2, 18 Clifton Terrace\nBrighton\nBN1 3HA\nUnited Kingdom"
    >>> a, b = grow_address(t, 8, 26)
    >>> t[a:b]
    'Flat 2, 18 Clifton Terrace\nBrighton\nBN1 3HA'
    """
    return _grow(text, start, end, vocab if isinstance(vocab, frozenset) else frozenset(vocab))


def grow_place(text: str, start: int, end: int, vocab: Iterable[str] | frozenset[str] = ()) -> tuple[int, int]:
    """Grow a place that holds a street number (as NER finds them) over the rest of its address.

    NER often stops at a unit word or a region code: the unit's number, then the town, the region and the postcode
    after the span are taken in, as :func:`grow_address` does for a street.

    >>> t = "She moved from Glückstadts Allé 228 Apt. 12 Egå, DK 2896 last winter."
    >>> a, b = grow_place(t, 15, 39)
    >>> t[a:b]
    'Glückstadts Allé 228 Apt. 12 Egå, DK 2896'
    >>> t = "886 Cynthia Islands Francisland, US 65661 is where we met."
    >>> t[slice(*grow_place(t, 0, 35))]
    '886 Cynthia Islands Francisland, US 65661'
    >>> t = "Address on file - Boris-Karrer-Weg 44 Maissau, AT 2347"
    >>> t[slice(*grow_place(t, 18, 45))]
    'Boris-Karrer-Weg 44 Maissau, AT 2347'
    """
    words = vocab if isinstance(vocab, frozenset) else frozenset(vocab)
    prev = "street"
    if _UNIT_TAIL.search(text, start, end) and (m := _UNIT_NUMBER.match(text, end)):
        end, prev = m.end(), "unit"
    elif _REGION_TAIL.search(text, start, end):
        prev = "region"
    elif _TOWN_TAIL.search(text, start, end):
        prev = "town"
    return _grow(text, start, end, words, prev)


def find_addresses(text: str, vocab: Iterable[str] | frozenset[str] = ()) -> list[tuple[int, int]]:
    """Streets in non-US formats, grown over unit, postcode and town; numeric postcodes next to a town.

    Args:
        text: Any string.
        vocab: Lower-case common words: a "town" that is one of them is not a town ("10 Minutes").

    >>> t = "Invoice to: ul. Marszałkowska 84/92 lok. 109, 00-514 Warszawa, NIP 5252840019"
    >>> [t[a:b] for a, b in find_addresses(t)]
    ['ul. Marszałkowska 84/92 lok. 109, 00-514 Warszawa']
    >>> t = "Vi har registreret flytningen fra Vesterbrogade 88, 2. th., 1620 København V til Søndergade 14."
    >>> [t[a:b] for a, b in find_addresses(t)]
    ['Vesterbrogade 88, 2. th., 1620 København V', 'Søndergade 14']
    >>> t = "Return label: Radnički dol 90b, 47337 Poreč. Or: Postfach 43 39 55, 75360 Rosenheim"
    >>> [t[a:b] for a, b in find_addresses(t)]
    ['Radnički dol 90b, 47337 Poreč', 'Postfach 43 39 55, 75360 Rosenheim']
    """
    words = vocab if isinstance(vocab, frozenset) else frozenset(vocab)
    if not _DIGIT.search(text):
        return []
    tokens = set(_TOKEN.findall(text.lower()))
    finders = []
    if not tokens.isdisjoint(_PREFIX_WORDS) or "c/ " in text or "C/ " in text:
        finders.append(_PREFIX_STREET)
    if not tokens.isdisjoint(_TURKISH_WORDS) or any(t.endswith(_SUFFIX_ENDS) for t in tokens):
        finders.append(_SUFFIX_STREET)
    if "no" in tokens:
        finders.append(_NO_STREET)
    spans = []
    for rx in finders:
        for m in rx.finditer(text):
            if rx is _PREFIX_STREET and not _street_ok(m.group(), words):
                continue
            start = m.start()
            first = re.match(rf"[{_L}]+[ \t]+", m.group())
            if rx is _SUFFIX_STREET and first and first.group().strip().lower() in words:
                start += first.end()  # "AT PARKERINKATU 187": the street starts after the common word
            spans.append(_grow(text, start, m.end(), words))
    for m in _STREET_THEN_CODE.finditer(text) if _CODE_AFTER_BREAK.search(text) else ():
        if (start := _street_start(text, m.start(), m.end("street"), words)) is not None and _town_ok(
            m.group("town"), words
        ):
            end = _town_words_end(text, m.start("town"), m.end(), words)
            spans.append(_grow(text, start, end, words))
    for m in _PO_BOX.finditer(text) if not tokens.isdisjoint(_BOX_WORDS) else ():
        spans.append(_grow(text, *m.span(), words))
    for m in _STANDALONE.finditer(text):
        code_town = _POSTCODE_TOWN.fullmatch(m.group("v"))
        if code_town and _town_ok(code_town.group("town"), words):
            spans.append(_grow(text, *m.span("v"), words))
    spans += find_postcodes(text)
    return sorted(set(spans))
