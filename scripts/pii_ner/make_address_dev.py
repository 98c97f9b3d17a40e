#!/usr/bin/env python3
"""Faker addresses of 30 locales in short sentences: a development (tuning) set for the address rules.

Each record is one template sentence (ours) around one address built from Faker's street, unit, town, country
code and postcode of a locale, in five layouts (``street town, CC code``; ``street, code town``; ``street, town
code``; street and ``code town`` on two lines; ``street, town``). The whole address is gold ``ADDRESS``; the country
code is an ``ignore`` span (HIPAA Safe Harbor lets a country stay). The output is the same byte for byte on every
run (the script runs itself with ``PYTHONHASHSEED=0``, since some Faker providers iterate sets). Canonical runs: ``--seed 11 --n 600`` (tuned
on) and ``--seed 12 --n 600`` (checked once after tuning). Output: JSON Lines on stdout, in the format of
``benchmarks/pii_eval.py``. Needs ``faker`` (the dev extra).

Usage::

    python scripts/pii_ner/make_address_dev.py --seed 11 --n 600 > fk_tune.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys

LOCALES = [
    "fi_FI",
    "pt_BR",
    "de_DE",
    "es_CL",
    "da_DK",
    "it_IT",
    "en_US",
    "fr_FR",
    "nl_NL",
    "pl_PL",
    "sv_SE",
    "es_ES",
    "en_GB",
    "cs_CZ",
    "hu_HU",
    "ro_RO",
    "tr_TR",
    "en_AU",
    "en_CA",
    "de_AT",
    "hr_HR",
    "sk_SK",
    "no_NO",
    "pt_PT",
    "es_MX",
    "en_IN",
    "id_ID",
    "vi_VN",
    "fil_PH",
    "en_NZ",
]
TEMPLATES = (
    "Please send the documents to {a} as soon as possible.",
    "I live at {a}.",
    "Billing address: {a}",
    "The new clinic opened at {a} in May.",
    "Return to sender: {a}, thank you.",
    "{a} is where we met.",
    "Address on file - {a}",
    "She moved from {a} last winter.",
    "Deliver to {a}\nCall on arrival.",
    "Our office ({a}) is closed on Mondays.",
)
UNITS = ("Apt.", "Suite", "Unit", "Apt", "Flat")


def record(rng: random.Random, seed: int, i: int) -> dict | None:
    """One sentence with one address, or None where the locale's provider fails."""
    from faker import Faker

    fake = Faker(rng.choice(LOCALES))
    fake.seed_instance(seed * 100000 + i)
    try:
        street, town, code = fake.street_address(), fake.city(), fake.postcode()
    except Exception:
        return None
    country = fake.current_country_code()
    unit = f"{rng.choice(UNITS)} {rng.randint(1, 999)}" if rng.random() < 0.35 else ""
    layout = rng.randint(0, 4)
    head = street + (" " + unit if unit else "")
    address = (
        f"{head} {town}, {country} {code}",
        f"{head}, {code} {town}",
        f"{head}, {town} {code}",
        f"{head}\n{code} {town}",
        f"{head}, {town}",
    )[layout]
    template = rng.choice(TEMPLATES)
    start = template.index("{a}")
    ignore = []
    if layout == 0:
        k = start + address.rindex(f", {country} ") + 2
        ignore.append({"start": k, "end": k + len(country)})
    return {
        "id": f"fk{seed}-{i:04d}",
        "text": template.format(a=address),
        "spans": [{"start": start, "end": start + len(address), "type": "ADDRESS"}],
        "ignore": ignore,
    }


def main() -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":  # some Faker providers iterate sets: fix the hash seed
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--n", type=int, default=600)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    for i in range(args.n):
        if (rec := record(rng, args.seed, i)) is not None:
            print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
