#!/usr/bin/env python3
"""Synthetic annotated clinical documents (tuning/training data for a PHI de-identifier).

Half of the documents are ALL-CAPS ICU nursing shift notes; the rest are mixed-case
physician progress notes, discharge summaries, telephone encounters, social work,
physical therapy, case management, radiology and family-meeting notes.

Every document is built by concatenating pieces (literal text or generated values);
offsets are recorded while concatenating, never searched for afterwards.

Output JSONL: {"id","case","text","spans":[{start,end,type}],"ignore":[{start,end}]}
Types: NAME LOCATION ADDRESS DATE PHONE AGE ID.  `ignore` = US states, countries, lone years.

Usage: make_clinical_tuning2.py [--seed 41] [--n 3000] [--out PATH] [--check-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter

from faker import Faker

IGN = "IGNORE"
PHI_TYPES = ("NAME", "LOCATION", "ADDRESS", "DATE", "PHONE", "AGE", "ID")

# --------------------------------------------------------------------------------------
# Own name lists (Latin script, many origins)
# --------------------------------------------------------------------------------------
OWN_FIRST = [
    "Wei",
    "Jian",
    "Xiaoming",
    "Mei",
    "Ling",
    "Hui",
    "Yan",
    "Jun",
    "Hao",
    "Min-jun",
    "Ji-woo",
    "Seo-yeon",
    "Hyun",
    "Sung",
    "Eun",
    "Minh",
    "Thanh",
    "Huong",
    "Linh",
    "Duc",
    "Anh",
    "Quang",
    "Hiroshi",
    "Yuki",
    "Kenji",
    "Aiko",
    "Haruto",
    "Sakura",
    "Takeshi",
    "Mohammed",
    "Ahmed",
    "Fatima",
    "Aisha",
    "Omar",
    "Khalid",
    "Layla",
    "Yusuf",
    "Hassan",
    "Zainab",
    "Mariam",
    "Tariq",
    "Samir",
    "Rania",
    "Priya",
    "Rahul",
    "Anjali",
    "Sanjay",
    "Deepak",
    "Lakshmi",
    "Arjun",
    "Kavita",
    "Ravi",
    "Sunita",
    "Vikram",
    "Nkechi",
    "Chinedu",
    "Oluwaseun",
    "Adebayo",
    "Kwame",
    "Abena",
    "Kofi",
    "Ama",
    "Amara",
    "Tendai",
    "Thabo",
    "Nomvula",
    "Wanjiru",
    "Ayodele",
    "Chidi",
    "Fiifi",
    "Mamadou",
    "Fatoumata",
    "Aminata",
    "Ousmane",
    "Jean-Baptiste",
    "Marie-Claire",
    "Wiselande",
    "Jacques",
    "Guerline",
    "Fabiola",
    "Dieudonne",
    "Roodly",
    "Mirlande",
    "Lovely",
    "Yolette",
    "Abdirahman",
    "Hodan",
    "Ayaan",
    "Farhiya",
    "Abdi",
    "Mulugeta",
    "Tigist",
    "Selam",
    "Dawit",
    "Yohannes",
    "Olga",
    "Svetlana",
    "Dmitri",
    "Natasha",
    "Sergei",
    "Irina",
    "Vladimir",
    "Oksana",
    "Bogdan",
    "Yelena",
    "Siobhan",
    "Padraig",
    "Aoife",
    "Niamh",
    "Seamus",
    "Declan",
    "Eoin",
    "Giorgos",
    "Eleni",
    "Dimitrios",
    "Konstantina",
    "Spiros",
    "Joao",
    "Conceicao",
    "Manuel",
    "Fernanda",
    "Thiago",
    "Luiz",
    "Guadalupe",
    "Jesus",
    "Maria",
    "Jose",
    "Xochitl",
    "Consuelo",
    "Rosario",
    "Dolores",
    "Ignacio",
    "Esperanza",
    "Teodoro",
    "Leticia",
    "Mao",
    "Pa",
    "Chue",
    "Xiong",
    "Tou",
    "Boua",
    "Kateri",
    "Winona",
    "Dakota",
    "Tallulah",
    "Nizhoni",
    "Shoshana",
    "Moshe",
    "Yitzhak",
    "Rivka",
    "Chaim",
    "Esther",
    "Miriam",
    "Avraham",
]

OWN_LAST = [
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
    "Nguyen",
    "Tran",
    "Le",
    "Pham",
    "Hoang",
    "Phan",
    "Vu",
    "Dang",
    "Bui",
    "Do",
    "Ngo",
    "Duong",
    "Tanaka",
    "Suzuki",
    "Takahashi",
    "Watanabe",
    "Ito",
    "Yamamoto",
    "Nakamura",
    "Kobayashi",
    "Sato",
    "Al-Farsi",
    "Haddad",
    "Khoury",
    "Nasser",
    "Abdullah",
    "Rahman",
    "Hussein",
    "Mansour",
    "Saleh",
    "Aziz",
    "El-Amin",
    "Qureshi",
    "Siddiqui",
    "Patel",
    "Shah",
    "Desai",
    "Mehta",
    "Iyer",
    "Reddy",
    "Nair",
    "Gupta",
    "Sharma",
    "Singh",
    "Banerjee",
    "Chatterjee",
    "Mukherjee",
    "Okafor",
    "Adeyemi",
    "Okonkwo",
    "Mensah",
    "Boateng",
    "Asante",
    "Diallo",
    "Traore",
    "Kamara",
    "Mwangi",
    "Otieno",
    "Dlamini",
    "Ndlovu",
    "Nwosu",
    "Eze",
    "Obi",
    "Balogun",
    "Pierre-Louis",
    "Jean-Louis",
    "Toussaint",
    "Desrosiers",
    "Baptiste",
    "Dorsainvil",
    "Joseph",
    "Charles",
    "Cadet",
    "Exantus",
    "Warsame",
    "Mohamud",
    "Abdi",
    "Farah",
    "Hersi",
    "Tesfaye",
    "Bekele",
    "Haile",
    "Gebremedhin",
    "Ivanov",
    "Petrov",
    "Smirnov",
    "Volkov",
    "Kuznetsov",
    "Sokolova",
    "Kovalenko",
    "Shevchenko",
    "O'Brien",
    "O'Sullivan",
    "McCarthy",
    "Fitzgerald",
    "Callahan",
    "Kavanagh",
    "Donnelly",
    "Papadopoulos",
    "Georgiou",
    "Nikolaidis",
    "Silva",
    "Santos",
    "Oliveira",
    "Pereira",
    "Ferreira",
    "Rodrigues",
    "Almeida",
    "Goncalves",
    "Medeiros",
    "Garcia",
    "Hernandez",
    "Lopez",
    "Martinez",
    "Gonzalez",
    "Ramirez",
    "Flores",
    "Morales",
    "Castillo",
    "Reyes",
    "Vang",
    "Lor",
    "Thao",
    "Yang",
    "Her",
    "Moua",
    "Begay",
    "Yazzie",
    "Tsosie",
    "Goldberg",
    "Cohen",
    "Katz",
    "Levine",
    "Shapiro",
    "Rosenberg",
    "Friedman",
    "Abramowitz",
]

# Surnames that are also common English/medical words (hard positives when in name context)
WORD_SURNAMES = [
    "Brown",
    "Green",
    "White",
    "Young",
    "Hall",
    "Long",
    "Frank",
    "Rich",
    "Page",
    "King",
    "Bishop",
    "Black",
    "Gray",
    "Rose",
    "Wood",
    "Hill",
    "Price",
    "Stone",
    "Mann",
    "Bell",
    "Cross",
    "Sharp",
    "Small",
    "Best",
    "Moody",
    "Payne",
    "Hardy",
    "Bland",
    "Swift",
    "Fox",
    "Hart",
]

# --------------------------------------------------------------------------------------
# Locations
# --------------------------------------------------------------------------------------
OWN_CITIES = [
    "Boston",
    "Cambridge",
    "Somerville",
    "Quincy",
    "Brockton",
    "Lowell",
    "Lawrence",
    "Worcester",
    "Framingham",
    "Chelsea",
    "Revere",
    "Malden",
    "Medford",
    "Dorchester",
    "Roxbury",
    "Mattapan",
    "Brighton",
    "Newton",
    "Waltham",
    "Lynn",
    "Salem",
    "Peabody",
    "Everett",
    "Braintree",
    "Weymouth",
    "Milton",
    "Dedham",
    "Needham",
    "Natick",
    "Springfield",
    "Providence",
    "Pawtucket",
    "Nashua",
    "Manchester",
    "Portland",
    "Hartford",
    "Bridgeport",
    "Albany",
    "Buffalo",
    "Syracuse",
    "Rochester",
    "Worcester",
    "Fall",
    "River",
    "New",
    "Bedford",
    "Plymouth",
    "Hyannis",
    "Taunton",
    "Attleboro",
    "Haverhill",
    "Methuen",
    "Andover",
    "Burlington",
    "Woburn",
    "Lexington",
    "Arlington",
    "Belmont",
    "Watertown",
    "Chestnut",
    "Hill",
    "Jamaica",
    "Plain",
    "Hyde",
    "Park",
    "East",
    "Boston",
    "Charlestown",
]
OWN_CITIES = [c for c in OWN_CITIES]  # single tokens; multiword ones added below
OWN_CITIES += [
    "Fall River",
    "New Bedford",
    "Jamaica Plain",
    "Hyde Park",
    "East Boston",
    "Chestnut Hill",
    "West Roxbury",
    "South Boston",
    "North Andover",
    "San Juan",
    "Port-au-Prince",
    "Santo Domingo",
    "Cape Cod",
    "Martha's Vineyard",
]
OWN_CITIES = [
    c
    for c in OWN_CITIES
    if c not in ("Fall", "River", "New", "Bedford", "Jamaica", "Plain", "Hyde", "Park", "East", "Chestnut", "Hill")
]

HOSP_PAIRS = [  # (full, short)
    ("Massachusetts General Hospital", "MGH"),
    ("Brigham and Women's Hospital", "BWH"),
    ("Beth Israel Deaconess Medical Center", "BIDMC"),
    ("Boston Medical Center", "BMC"),
    ("Tufts Medical Center", "Tufts"),
    ("Faulkner Hospital", "Faulkner"),
    ("Newton-Wellesley Hospital", "NWH"),
    ("Lahey Clinic", "Lahey"),
    ("Mount Auburn Hospital", "Mt Auburn"),
    ("St. Elizabeth's Medical Center", "St E's"),
    ("Carney Hospital", "Carney"),
    ("Cambridge Health Alliance", "CHA"),
    ("Salem Hospital", "Salem"),
    ("South Shore Hospital", "South Shore"),
    ("Lowell General Hospital", "Lowell General"),
    ("Melrose-Wakefield Hospital", "Melrose-Wakefield"),
    ("Brockton Hospital", "Brockton"),
    ("Good Samaritan Medical Center", "Good Sam"),
    ("Caritas Norwood Hospital", "Norwood"),
    ("Dana-Farber Cancer Institute", "Dana-Farber"),
    ("Children's Hospital Boston", "Children's"),
    ("Spaulding Rehabilitation Hospital", "Spaulding"),
    ("New England Baptist Hospital", "NEBH"),
    ("Emerson Hospital", "Emerson"),
    ("Winchester Hospital", "Winchester"),
    ("Milford Regional Medical Center", "Milford Regional"),
    ("Rhode Island Hospital", "RIH"),
    ("Miriam Hospital", "Miriam"),
    ("UMass Memorial Medical Center", "UMass"),
    ("Baystate Medical Center", "Baystate"),
    ("Cape Cod Hospital", "CCH"),
    ("Holy Family Hospital", "Holy Family"),
    ("Anna Jaques Hospital", "Anna Jaques"),
    ("Jordan Hospital", "Jordan"),
    ("Sturdy Memorial Hospital", "Sturdy"),
    ("Morton Hospital", "Morton"),
]
FAC_PATTERNS = [
    "{L} Nursing Home",
    "{L} Nursing and Rehabilitation Center",
    "{L} Manor",
    "{L} Rehab",
    "{L} House",
    "{C} Rehabilitation Center",
    "{C} Health Care Center",
    "{L} Skilled Nursing Facility",
    "{C} Senior Living",
    "{L} Assisted Living",
    "{C} VA Medical Center",
    "VA {C}",
    "{C} VA",
    "{L} Street Shelter",
    "{C} Family Shelter",
    "{L} House Group Home",
    "{C} Group Home",
    "{L} Hospice",
    "{C} Hospice House",
    "{L} Center for Nursing",
    "{C} Commons",
    "{L} Gardens",
    "{L} Pavilion",
]
FAC_FIXED = [
    "Hebrew Rehab",
    "Hebrew SeniorLife",
    "Pine Street Inn",
    "Long Island Shelter",
    "Kindred",
    "Youville",
    "Radius",
    "Whittier Rehab",
    "Braintree Rehab",
    "Shattuck",
    "Bedford VA",
    "Brockton VA",
    "West Roxbury VA",
    "Jamaica Plain VA",
    "Togus VA",
    "New England Sinai",
    "Sherrill House",
    "Mass Rehab",
    "Kit Clark",
    "Rogerson House",
    "Rosie's Place",
    "Woods Mullen",
    "Southwood",
    "Vinfen",
    "Bay Cove",
]
UNIT_BLDG = [
    "Farr",
    "Feldberg",
    "Reisman",
    "Stoneman",
    "Shapiro",
    "Blake",
    "Ellison",
    "Bigelow",
    "Lunder",
    "White",
    "Phillips",
    "Gray",
    "Tower",
    "Deaconess",
    "Kirstein",
    "Rabb",
    "Clinical Center",
    "CC",
    "Baker",
    "Wang",
    "Yawkey",
    "Zero Emerson",
    "Dowling",
    "Menino",
    "Pratt",
    "Proger",
    "Wolfson",
    "Cushing",
    "Tower",
]

STATES = [
    "MA",
    "Mass",
    "Massachusetts",
    "NH",
    "New Hampshire",
    "RI",
    "Rhode Island",
    "CT",
    "ME",
    "Maine",
    "VT",
    "NY",
    "New York",
    "FL",
    "Florida",
    "NJ",
    "PA",
    "CA",
    "California",
    "TX",
    "Ohio",
]
COUNTRIES = [
    "Haiti",
    "Ireland",
    "Vietnam",
    "China",
    "Brazil",
    "Portugal",
    "Cape Verde",
    "Somalia",
    "Ethiopia",
    "India",
    "Russia",
    "Greece",
    "Italy",
    "Guatemala",
    "El Salvador",
    "the Dominican Republic",
    "Puerto Rico",
    "Jamaica",
    "Nigeria",
    "Ghana",
    "Korea",
    "Poland",
]

# --------------------------------------------------------------------------------------
# Non-PHI fillers
# --------------------------------------------------------------------------------------
DRUGS = [
    "LASIX",
    "LOPRESSOR",
    "TYLENOL",
    "ZOSYN",
    "VANCO",
    "HEPARIN",
    "COUMADIN",
    "LOVENOX",
    "PROPOFOL",
    "FENTANYL",
    "VERSED",
    "ATIVAN",
    "HALDOL",
    "SEROQUEL",
    "PROTONIX",
    "INSULIN",
    "LEVOPHED",
    "NEO",
    "DILAUDID",
    "MORPHINE",
    "OXYCODONE",
    "KCL",
    "MAG",
    "CEFEPIME",
    "FLAGYL",
    "LEVAQUIN",
    "ZOFRAN",
    "REGLAN",
    "COLACE",
    "SENNA",
    "DULCOLAX",
    "LACTULOSE",
    "PLAVIX",
    "ASA",
    "LIPITOR",
    "DIGOXIN",
    "AMIODARONE",
    "CARDIZEM",
    "NITRO",
    "NIPRIDE",
    "PRECEDEX",
    "NARCAN",
    "ALBUMIN",
    "PRBC",
    "FFP",
    "PLT",
    "DECADRON",
    "SOLUMEDROL",
    "KEPPRA",
    "DILANTIN",
    "NEXIUM",
    "ZOLOFT",
    "ALBUTEROL",
    "ATROVENT",
    "COMBIVENT",
    "FLOVENT",
    "MIRALAX",
    "XARELTO",
    "ELIQUIS",
    "BACTRIM",
    "CIPRO",
    "KEFLEX",
    "MEROPENEM",
    "MICAFUNGIN",
    "ACYCLOVIR",
]
SERVICES = [
    "NEURO",
    "ORTHO",
    "RENAL",
    "ID",
    "GI",
    "CT SURGERY",
    "SW",
    "PT/OT",
    "CM",
    "CARDS",
    "EP",
    "PULM",
    "HEME/ONC",
    "NSURG",
    "TSICU",
    "MICU",
    "CCU",
    "IR",
    "PALLIATIVE",
    "PSYCH",
    "GEN SURG",
    "VASCULAR",
    "PLASTICS",
    "ENT",
    "URO",
    "NUTRITION",
    "WOUND CARE",
    "RT",
    "PASTORAL CARE",
    "ACUTE PAIN",
    "ENDO",
    "TRANSPLANT",
]
RELS = [
    "WIFE",
    "HUSBAND",
    "DAUGHTER",
    "DTR",
    "SON",
    "SISTER",
    "BROTHER",
    "NIECE",
    "NEPHEW",
    "GRANDSON",
    "GRANDDAUGHTER",
    "MOTHER",
    "FATHER",
    "PARTNER",
    "FRIEND",
    "HCP",
    "GIRLFRIEND",
    "BOYFRIEND",
    "SISTER-IN-LAW",
    "COUSIN",
    "AUNT",
    "NEIGHBOR",
    "GUARDIAN",
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
LATIN_RE = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .-]+$")


def ordinal(d: int) -> str:
    if 10 <= d % 100 <= 20:
        return f"{d}th"
    return f"{d}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th') }".replace(" ", "")


# --------------------------------------------------------------------------------------
# TEMPLATES.  {KEY} placeholders; see Gen.fill.  Written in mixed case; nursing notes are
# upper-cased piece by piece afterwards.
# --------------------------------------------------------------------------------------
NURSING = {
    "NEURO": [
        "A+OX3, MAE, FOLLOWS COMMANDS",
        "SEDATED ON PROPOFOL {N} MCG/KG/MIN... RASS -2",
        "GCS {GCS}... PERRL 3MM BRISK",
        "NO CHANGES",
        "CONT TO MONITOR",
        "INTERMITTENTLY AGITATED ~{TIME}, PULLING AT LINES -- HALDOL 2MG IV W/ GOOD EFFECT",
        "OPENS EYES TO VOICE, NOT FOLLOWING",
        "PAIN {PAIN} --> DILAUDID 0.5MG IV, NOW {PAIN}",
        "MOVES ALL EXT, LUE WEAKER THAN RUE",
        "HX PARKINSON'S... TREMOR AT BASELINE PER {REL}",
        "CIWA {N}, ATIVAN 1MG X1 @ {TIME}",
        "SLEPT IN NAPS... WOKE @ {TIME} CONFUSED, REORIENTED",
        "NEURO CHECKS Q1H... UNCHANGED",
        "SEIZURE PRECAUTIONS CONT, ON KEPPRA",
        "DR {DR} AWARE OF MS CHANGE, HEAD CT ORDERED",
        "PT VERY ANXIOUS, ASKING FOR {FAMF}",
        "PT STATES NAME IS {PTF}, DOES NOT KNOW DATE",
        "GLASGOW {GCS} -- NO CHANGES",
        "SAH PRECAUTIONS, HOB 30, SBP < {N}",
        "PT IS {AGE} AND HOH, USE WHITEBOARD",
        "DELIRIUM +CAM... FAMILY AT BS HELPS",
        "EVD CLAMPED PER NSURG @ {TIME}, ICP {N}-{N}",
    ],
    "CV": [
        "HR {HR} NSR NO ECTOPY",
        "SBP {N}-{N}, MAP > 65",
        "BP {BP}... LOPRESSOR 5MG IV X1",
        "AFIB RVR TO 140S @ {TIME} -- DR {DR} PAGED, DILTIAZEM 10MG IV, NOW RATE {HR}",
        "LEVOPHED WEANED TO {N} MCG",
        "SWAN IN PLACE, CO/CI {D}.{D}/{D}.{D}, WEDGE {N}",
        "K {D}.{D} REPLETED W/ 40 KCL",
        "PULSES +2 DP/PT BILAT",
        "NO CHANGES",
        "CONT TO MONITOR",
        "A-LINE DAMPENED... RE-ZEROED, CORRELATES W/ CUFF",
        "EDEMA +2 BLE, LASIX 40 IV GIVEN",
        "PICC R ARM, DRSG D+I, PLACED {DATE}",
        "TROPONIN PENDING, ECG UNCHANGED FROM {DATE}",
        "HEPARIN GTT @ {N} U/HR, PTT {N} @ {TIME}",
        "PACER WIRES CAPPED",
        "FRANK BLOOD FROM CT -- RES AWARE",
        "BRADY TO 40S WHILE ASLEEP, ASYMPTOMATIC",
        "TELE: SR W/ OCC PVCS",
    ],
    "RESP": [
        "VENT: CPAP/PS {VENT} FIO2 {N}%, RR {RR}, SATS {SAT}",
        "LS COARSE BILAT, DIMINISHED BASES",
        "SX FOR MOD AMT THICK WHITE SPUTUM",
        "SX FOR TAN/BROWN SECRETIONS Q2H",
        "ETT 22 @ LIP, CUFF LEAK +",
        "EXTUBATED @ {TIME} TO 4L NC, SATS {SAT}",
        "NO CHANGES",
        "ABG {N}/{N}/{N}... VENT CHANGED PER RT",
        "TRACH MASK 40%, TOLERATING",
        "CONT TO MONITOR",
        "YOUNG RT IN TO CHANGE CIRCUIT",
        "CXR THIS AM -- IMPROVED L BASE",
        "RSBI {N} ON SBT",
        "SATS DRIFTING TO 88% ON 6L -- FACE MASK ADDED, ABG SENT",
        "IS {N} ML, ENCOURAGED",
        "GREEN SPUTUM, SENT FOR CX",
        "ALBUTEROL/ATROVENT NEBS Q4H PER RT",
    ],
    "GI": [
        "ABD SOFT, NT/ND, +BS",
        "TF @ GOAL {N} ML/HR VIA OGT, RESIDUALS < {N}",
        "NPO AFTER MN FOR IR",
        "LG BROWN LIQUID STOOL X2 -- C DIFF SENT",
        "GREEN BILIOUS OUTPUT FROM NGT {N} ML",
        "NO BM SINCE {DATE}, SENNA/COLACE GIVEN",
        "S/P WHIPPLE {DATE}, JP DRAINS W/ SS OUTPUT",
        "FS {N}-{N}, SSRI COVERAGE",
        "TOL CLEARS, ADVANCE AS TOL",
        "NO CHANGES",
        "FLEXISEAL IN PLACE",
        "PEG PLACED {DATE}, SITE CLEAN",
        "GUAIAC + STOOL, GI AWARE",
        "NAUSEA X1 @ {TIME}, ZOFRAN 4MG W/ RELIEF",
    ],
    "GU": [
        "FOLEY PATENT, UO {N}-{N} CC/HR CLEAR YELLOW",
        "UO DOWN TO 20 CC/HR -- DR {DR} AWARE, BOLUS 500 NS",
        "BUN/CR {N}/{D}.{D}",
        "CRRT RUNNING, NET NEG {N} CC",
        "FOLEY D/C'D {DATE}, VOIDING QS",
        "HEMATURIA... CBI RUNNING",
        "LONG HX BPH, COUDE PLACED",
        "NO CHANGES",
        "CONT TO MONITOR",
        "RENAL FOLLOWING, HD TMRW",
        "URINE CX FROM {DATE} NEG",
    ],
    "ID": [
        "TMAX {TEMP}",
        "AFEBRILE",
        "ON VANCO/ZOSYN DAY {N}",
        "WBC {D}.{D} (FROM {D}.{D})",
        "BCX X2 SENT @ {TIME}",
        "CONTACT PRECAUTIONS MRSA",
        "ID CONSULTED RE: ABX",
        "WHITE COUNT TRENDING DOWN",
        "NO CHANGES",
        "VANCO TROUGH {N} -- DOSE HELD",
    ],
    "SKIN": [
        "INTACT",
        "STAGE 2 SACRUM, DUODERM",
        "TURNED Q2H, HEELS FLOATED",
        "NO CHANGES",
        "INCISION C/D/I, STAPLES",
        "BRADEN {N}",
        "WOUND RN {STAFF} IN, NEW DRSG ORDERS",
        "ECCHYMOSIS L FLANK UNCHANGED",
        "RICH GRANULATION TISSUE PER WOUND CARE",
    ],
    "SOCIAL": [
        "{REL} {FAMF} IN TO VISIT, UPDATED BY RN",
        "SPOKE WITH {FAMF} RE: PLAN",
        "{REL} {FAMF} CALLED X2, UPDATED",
        "FAMILY MEETING SET FOR {DATE} @ {TIME}",
        "{REL} ({FAMF}) IS HCP, # {PHONE}",
        "{REL} {FAMF} {FAML} IN -- TEARFUL, SW AWARE",
        "NO FAMILY CONTACT THIS SHIFT",
        "{FAMF} AND {FAMF} AT BEDSIDE MOST OF SHIFT",
        "PT FROM {FAC}, PLAN TO RETURN THERE",
        "LIVES W/ {REL} IN {CITY}",
        "SW {SW} FOLLOWING",
        "CHAPLAIN {CHAP} IN TO SEE FAMILY",
        "{REL} REQUESTS CALL IF ANY CHANGES -- {PHONE}",
        "HCP {FAMF} {FAML} (CELL {PHONE})",
        "FAMILY AWARE OF DNR/DNI",
        "CM {CM} WORKING ON SCREENS",
        "{REL} FROM {STATE}, FLYING IN {DATE}",
        "{REL} {FAMF} ASKED FOR DR {DR} TO CALL",
        "FRIEND {FAMF} VISITED -- NOT ON HIPAA LIST, NO INFO GIVEN",
        "PT ASKING FOR {FAMF} ALL NIGHT",
        "PT IS {AGE} YO, LIVES ALONE AT {FAC}",
        "{REL} STAYED OVERNIGHT IN FAMILY LOUNGE",
    ],
    "PLAN": [
        "CONT TO MONITOR",
        "WEAN VENT AS TOL",
        "? EXTUBATE AM",
        "CALL OUT TO {UNIT} WHEN BED AVAIL",
        "F/U AM LABS",
        "CONT CURRENT PLAN",
        "TX TO {UNIT} ONCE HD STABLE",
        "MRI TMRW AM",
        "PT/OT EVAL",
        "SCREENING FOR {FAC} VS {FAC}",
        "D/W DR {DR}, AGREES W/ PLAN",
        "CONT ABX, F/U CX",
        "SUPPORT FAMILY",
        "D/C TO {FAC} {DATE} IF STABLE",
        "RESTRAINTS D/C'D {DATE} -- REASSESS",
        "FAMILY MTG {DATE}",
        "IR FOR PICC {DATE}",
    ],
}
NURSING_HEADERS = [
    "NPN 7P-7A",
    "NPN 7A-7P",
    "NURSING PROGRESS NOTE 0700-1900",
    "NURSING NOTE 1900-0700",
    "MICU NPN",
    "CCU NURSING NOTE",
    "TSICU NPN {TIME}-{TIME}",
    "NSICU NURSING PROGRESS NOTE",
    "NPN {DATE} NIGHTS",
    "NURSING ADMIT NOTE",
    "RN NOTE {DATE}",
    "CSRU NPN",
]
NURSING_OPENERS = [
    "{AGE} YO M ADMITTED {DATE} FROM {HOSPS} W/ UROSEPSIS",
    "{AGE}F FROM {FAC} W/ ? ASP PNA",
    "PT IS {AGE}, DNR/DNI, ADMITTED {DATE}",
    "{YAGE} YO M S/P CABG X3 {DATE}",
    "{YAGE} YO F TRANSFERRED FROM {HOSP} {DATE} FOR CATH",
    "{YAGE}M S/P FALL AT HOME, SDH",
    "PT {PTL} IS A {YAGE} YO W/ HX COPD, CHF, DM",
    "{AGE} YO ADMITTED FROM {UNIT} W/ RESP DISTRESS",
    "ADMITTED {DATE} FROM ED -- {YAGE}F W/ GI BLEED",
    "{PT} MRN {MRN} -- SEE ADMIT NOTE",
    "{YAGE} YO M TRANSFERRED FROM {UNIT} {DATE} FOR HYPOTENSION",
    "PT {PTF} {PTL}, {AGE}M, S/P HIP FX",
    "REC'D PT FROM OR @ {TIME} S/P WHIPPLE",
    "{YAGE} YO W/ METASTATIC CA, ADMITTED FROM {CITY}",
]
NURSING_EVENTS = [
    "@ {TIME} PT DESATTED TO 80S... SX, BAGGED, RT CALLED -- SATS BACK TO {SAT}",
    "PT PULLED OGT @ {TIME}, REPLACED BY RN {STAFF}, CXR CONFIRMED",
    "RAPID RESPONSE @ {TIME} -- SEE MD NOTE",
    "DR {DR} AT BS @ {TIME} FOR LINE PLACEMENT",
    "PAGED DR {DR} RE: HYPOTENSION (PAGE #{PAGER}), NO CALL BACK X 20 MIN, REPAGED",
    "COVERING MD {DRN} AWARE OF K {D}.{D}",
    "BEEPER {PAGER} -- RESIDENT {RESF} AWARE",
    "PT TO CT @ {TIME} W/ RN AND RT, BACK @ {TIME} NO ISSUES",
    "NO EVENTS OVERNOC",
    "CODE STATUS CLARIFIED WITH {FAMF} -- FULL CODE",
    "RESTRAINTS ON @ {TIME} FOR SAFETY",
    "BLOOD TX 1 U PRBC @ {TIME} -- NO RXN",
    "PT FELL BACK TO SLEEP AFTER {TIME}",
    "RN {STAFF} AND RN {STAFF} TURNED PT @ {TIME}",
    "OLD CHART FROM {HOSPS} REQUESTED",
    "EKG DONE, COMPARED TO ONE DATED {DATE}",
    "PT SEEN BY {SVC} -- RECS IN CHART",
    "CALLED {HOSPS} ICU FOR REPORT (X{EXT})",
    "UPDATED DR {DR} @ {TIME} -- NO NEW ORDERS",
]

PROGRESS = [
    "{YAGE} yo man with CAD, HTN admitted {DATE} with NSTEMI.",
    "Mr. {PTL} is a {AGE} year old man with CHF and CKD who presents from {FAC}.",
    "Ms. {PTL} is a {YAGE}-year-old woman with a history of COPD on 2L home O2.",
    "Patient seen and examined with Dr. {DR}; discussed with the team.",
    "Overnight: desaturation to 86% at {TIME}, improved with diuresis.",
    "Vitals: T {TEMP}, HR {HR}, BP {BP}, RR {RR}, SpO2 {SAT} on 2L.",
    "Exam: NAD, JVP 8 cm, RRR no m/r/g, lungs with bibasilar crackles.",
    "Labs notable for Cr {D}.{D} (baseline 1.1), K {D}.{D}, Hct {N}.",
    "Echo from {DATE} showed EF 35% with moderate MR.",
    "Plan discussed with the patient's {rel}, {FAMF}, who agrees.",
    "Will continue Lasix 40 mg IV BID and recheck lytes this afternoon.",
    "Cardiology (Dr. {DR}) recommends continuing heparin for 48 hours.",
    "Renal was consulted on {DATE} for rising creatinine.",
    "Resident {RESN} to follow up culture data.",
    "Pain 4/10, controlled with Tylenol.",
    "Strength 5/5 in all extremities; sensation intact.",
    "Prior records from {HOSP} reviewed; colonoscopy there in {YEAR} was unremarkable.",
    "She was last admitted to {HOSPS} on {DATEM} for the same complaint.",
    "Patient reports he lives in {CITY}, {STATE} with his wife.",
    "Code status: DNR/DNI, confirmed with HCP {FAMN} ({PHONE}).",
    "Attending attestation: I saw and examined the patient with Dr. {DR} and agree with the note.",
    "Sodium improved to 134 after fluid restriction.",
    "Foley discontinued; voiding without difficulty.",
    "Plan to transfer to {UNIT} once off pressors.",
    "Whipple anastomosis intact on CT from {DATE}.",
    "Glasgow Coma Scale 15; no focal deficits.",
    "Frank hematuria resolved after CBI.",
    "PICC placed by IR on {DATE}; tip at cavoatrial junction.",
    "The patient is {AGE} years old and very frail.",
    "Goals of care discussion planned with family on {DATEM}.",
    "ID following; on day {N} of cefepime.",
    "Dispo: likely {FAC} early next week.",
    "Page me with questions: {DRN}, pager {PAGER}.",
]
DISCHARGE = [
    "Admission Date: {DATEF}    Discharge Date: {DATEF}",
    "Attending: {DRN}, MD",
    "Primary care: Dr. {DRN} at {HOSPS} ({PHONE}).",
    "History of present illness: {YAGE} year old woman with DM2 and HTN who presented with chest pain.",
    "The patient is a {AGE}-year-old gentleman from {FAC} admitted with sepsis.",
    "Hospital course by problem:",
    "# Sepsis: treated with vancomycin and piperacillin-tazobactam, cultures negative.",
    "# AFib with RVR: rate controlled with metoprolol; started on apixaban after discussion with Dr. {DR}.",
    "# AKI: Cr peaked at 2.4 on {DATE} and improved with IV fluids.",
    "# Delirium: resolved with reorientation; family ({FAMN}) at bedside.",
    "He underwent a Whipple procedure at {HOSP} in {YEAR}.",
    "Swan-Ganz catheter removed on hospital day 3.",
    "Discharge medications: Lasix 20 mg daily, Lopressor 25 mg BID, Colace 100 mg BID, Tylenol 650 mg q6h prn.",
    "Take 1/2 tab of Coumadin on Mondays; INR check on {DATE}.",
    "Discharge disposition: Extended care at {FAC}, {CITY}.",
    "Follow-up: Dr. {DR} in cardiology clinic on {DATEM} at 10:30 AM; call {PHONE} to confirm.",
    "Follow up with PCP {DRN} within 1-2 weeks.",
    "Condition at discharge: stable, ambulating with walker.",
    "Discharge diagnosis: community acquired pneumonia; Parkinson's disease.",
    "Patient's daughter {FAMN} will pick him up; address on file {ADDR}.",
    "Pending results: blood cultures from {DATE}.",
    "Dictated by: {RESN}, MD for Dr. {DR}",
    "MRN: {MRN}",
    "Diet: 2 g sodium, consistent carbohydrate.",
    "Originally from {COUNTRY}, moved to {CITY} in {YEAR}.",
]
TELEPHONE = [
    "Telephone encounter {DATEF}.",
    "Called by patient's {rel} {FAMN} at {PHONE} regarding medication refill.",
    "Pt called stating she has had a cough since {DATE}.",
    "Returned call to {PTF} at {PHONE}; left voicemail.",
    "Spoke with patient directly; identity confirmed with DOB {DATEF}.",
    "He reports BP at home 150s/90s and headache.",
    "Advised to go to {HOSPS} ED if symptoms worsen.",
    "Message routed to Dr. {DR} for review.",
    "Pharmacy at {ADDR} called re: prior authorization.",
    "Per Dr. {DR}, increase lisinopril to 20 mg daily.",
    "Pt verbalized understanding, will call back PRN.",
    "Call from {NURSE}, RN at {FAC} (ext {EXT}) re: fall this morning, no injury.",
    "VNA nurse {NURSE} reports weight up 3 lb since {DATE}.",
    "Scheduled follow up for {DATEM} with {DRN}.",
    "Daughter asks that we call her cell {PHONE} rather than home.",
    "Pain 6/10, taking oxycodone 5 mg q6h.",
    "Patient is {AGE} and lives alone in {CITY}; daughter checks daily.",
    "Faxed orders to {FAC} at {PHONE}.",
    "Called back: no answer, mailbox full.",
    "Patient was seen in urgent care at {HOSPS} on {DATE}.",
]
SOCIALWORK = [
    "Social Work Assessment",
    "SW met with patient and {rel} {FAMN} at bedside.",
    "Patient is a {YAGE} yo {COUNTRYADJ}-speaking man who lives with his wife in {CITY}.",
    "Patient is {AGE} years old and widowed; lives in an apartment at {ADDR}, {CITY}, {STATE} {ZIP}.",
    "HCP is son {FAMN}, reachable at {PHONE}.",
    "Patient emigrated from {COUNTRY} in {YEAR}.",
    "Patient currently staying at {FAC} shelter; previously at {FAC}.",
    "Interpreter {NAMEANY} present for the meeting.",
    "Patient has MassHealth and Medicare.",
    "Coping: tearful at times, expresses worry about finances.",
    "Sister {FAMN} in {STATE} is involved by phone.",
    "Referral made to {FAC} for substance use treatment.",
    "Protective services report filed {DATE}.",
    "SW will continue to follow; pager {PAGER}.",
    "{SWN}, LICSW",
    "Brown bag medication review arranged with pharmacy.",
    "Patient agrees to elder services evaluation with {FAC}.",
    "Court date {DATEM} in {CITY} District Court.",
    "Patient receives home services through {FAC}; caseworker {NAMEANY} ({PHONE}).",
    "Family meeting held on {DATE} with Dr. {DR}.",
]
PTNOTE = [
    "Physical Therapy Evaluation",
    "Patient seen for PT evaluation, referred by Dr. {DR}.",
    "PLOF: independent with rolling walker, lives in 2-story home in {CITY} with 4 steps to enter.",
    "Strength: BLE 4/5, BUE 5/5.",
    "Bed mobility: min assist x1; sit to stand with mod assist.",
    "Gait: ambulated 50 ft with RW and CGA, decreased step length.",
    "Balance: Berg 32/56, high fall risk.",
    "Pain 3/10 at rest, 7/10 with activity.",
    "Vitals stable with activity: HR {HR}, BP {BP}, SpO2 {SAT}.",
    "Patient is {AGE} and was walking daily prior to admission per {rel} {FAMN}.",
    "Recommend rehab at {FAC} vs home with services.",
    "Discussed with OT {THERAPIST}; co-treat planned.",
    "Goals: ambulate 150 ft with LRAD in 2 weeks.",
    "Treatment: gait training, therex, transfer training x 30 min.",
    "Plan: PT 5x/week while inpatient.",
    "{THERAPISTN}, PT, DPT   Pager {PAGER}",
    "Orthostatic: supine {BP}, standing {BP}.",
    "Patient was in ICU {UNIT} from {DATE} to {DATE}.",
    "Long sitting tolerated without dizziness.",
    "Patient's {rel} {FAMN} present and educated on transfers.",
]
CASEMGMT = [
    "Case Management Note",
    "CM met with patient re: discharge planning.",
    "Referrals sent to {FAC}, {FAC}, and {FAC}.",
    "Bed offer from {FAC}; accepted by family.",
    "Insurance: Medicare A/B with supplemental.",
    "Anticipated discharge {DATE} pending PT clearance.",
    "Spoke with admissions coordinator {NAMEANY} at {FAC} ({PHONE} x{EXT}).",
    "Patient lives at {ADDR}, {CITY}; daughter {FAMN} will transport.",
    "VNA referral made; start of care {DATEM}.",
    "Medicare 3-day qualifying stay met as of {DATE}.",
    "Team aware; will follow up with Dr. {DR}.",
    "{CMN}, RN, Case Manager, x{EXT}",
    "Home O2 ordered through vendor; delivery {DATE}.",
    "Patient previously at {FAC} from {DATE} to {DATE}.",
    "Patient {AGE} yo, family requesting long term care.",
    "Ambulance transport booked for {TIME}.",
    "Discussed with SW {SWN}.",
]
RADIOLOGY = [
    "EXAM: CT ABDOMEN/PELVIS WITH CONTRAST",
    "EXAM: CHEST, PORTABLE AP",
    "EXAM: MRI BRAIN WITHOUT AND WITH CONTRAST",
    "CLINICAL HISTORY: {YAGE} year old man with abdominal pain, s/p Whipple.",
    "CLINICAL HISTORY: {AGE} yo woman s/p fall at {FAC}, evaluate for fracture.",
    "CLINICAL INFORMATION: Fever, ? pneumonia. Ordered by Dr. {DR} (pager {PAGER}).",
    "COMPARISON: {DATE}.",
    "COMPARISON: CT from {HOSP} dated {DATEF}.",
    "COMPARISON: None.",
    "TECHNIQUE: Axial images obtained after IV contrast.",
    "FINDINGS: ETT 4 cm above carina. NG tube in stomach.",
    "Right IJ Swan-Ganz catheter tip in the right pulmonary artery.",
    "Left PICC terminates in the SVC.",
    "There is a small left pleural effusion. No pneumothorax.",
    "The liver is normal in size. No focal lesion.",
    "Small amount of free fluid in the pelvis.",
    "Moderate white matter disease.",
    "No acute intracranial hemorrhage.",
    "IMPRESSION: 1. No acute process. 2. Stable pulmonary nodule since {DATE}.",
    "Findings discussed with Dr. {DR} at {TIME} on {DATE} by telephone.",
    "Dictated by: {RESN}, MD   Attending: {DRN}, MD",
    "Patient: {PT}   MRN: {MRN}   Unit No: {UNITNO}",
    "Ground-glass opacities in the right upper lobe.",
    "Brown tumor of the tibia not excluded.",
]
FAMILYMTG = [
    "Family Meeting Note",
    "Present: {FAMN} ({rel}), {FAMN} ({rel}), Dr. {DR} (attending), {SWN} (SW), {NURSE} RN.",
    "Chaplain {CHAPN} also attended.",
    "Meeting held in the {UNIT} family room on {DATE}.",
    "We reviewed Mr. {PTL}'s hospital course since admission on {DATEM}.",
    "Family understands that he is {AGE} and that his prognosis is poor.",
    "The family expressed that he would not want prolonged mechanical ventilation.",
    "Decision made to transition to comfort-focused care.",
    "Code status changed to DNR/DNI.",
    "{FAMN}, the HCP, will discuss with relatives in {COUNTRY} and call back at {PHONE}.",
    "Questions answered; family thanked the team.",
    "Palliative care (Dr. {DR}) to follow.",
    "Plan to reconvene on the {DAYTH} if no improvement.",
    "Son {FAMF} flying in from {CITY} tomorrow.",
    "Total time 60 minutes, >50% counseling.",
    "Spoke by phone with daughter {FAMF} in {STATE}.",
    "Hospice referral to {FAC} discussed.",
    "Time-limited trial of BiPAP through the weekend agreed upon.",
]
MIXED_HEADERS = {
    "progress": ["Progress Note - {SVC}", "MICU Progress Note   {DATEF}", "Hospital Day {N}", "Resident Progress Note"],
    "discharge": ["DISCHARGE SUMMARY", "Discharge Summary - {HOSP}"],
    "telephone": ["Telephone Encounter", "Phone Note"],
    "socialwork": ["Social Work Note", "SW Progress Note {DATE}"],
    "pt": ["PT Note", "Physical Therapy Daily Note"],
    "casemgmt": ["Case Management", "CM Discharge Planning Note"],
    "radiology": ["RADIOLOGY REPORT", "{HOSPS} Department of Radiology"],
    "familymtg": ["Family Meeting", "ICU Family Meeting Documentation"],
}
MIXED_POOLS = {
    "progress": PROGRESS,
    "discharge": DISCHARGE,
    "telephone": TELEPHONE,
    "socialwork": SOCIALWORK,
    "pt": PTNOTE,
    "casemgmt": CASEMGMT,
    "radiology": RADIOLOGY,
    "familymtg": FAMILYMTG,
}
MIXED_FOOTERS = [
    "Electronically signed by {DRN}, MD on {DATEF} {TIME}",
    "{DRN}, MD",
    "{NAMEANY}",
    "Signed: {NAMEANY} {DATE}",
    "cc: Dr. {DR}, {HOSPS}",
    "Patient: {PT}  MRN {MRN}",
    "Pager {PAGER}",
    "",
]


def count_templates() -> int:
    n = sum(len(v) for v in NURSING.values()) + len(NURSING_HEADERS) + len(NURSING_OPENERS) + len(NURSING_EVENTS)
    n += sum(len(v) for v in MIXED_POOLS.values()) + sum(len(v) for v in MIXED_HEADERS.values()) + len(MIXED_FOOTERS)
    return n


TOK = re.compile(r"\{([A-Za-z_]+)\}")


# --------------------------------------------------------------------------------------
class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        locales = [
            "en_US",
            "en_US",
            "en_GB",
            "en_IE",
            "en_IN",
            "es_MX",
            "es_ES",
            "fr_FR",
            "de_DE",
            "it_IT",
            "pt_BR",
            "pl_PL",
            "vi_VN",
            "tl_PH",
            "nl_NL",
            "tr_TR",
            "sv_SE",
            "cs_CZ",
            "yo_NG",
            "sw",
            "zu_ZA",
            "ha_NG",
        ]
        firsts, lasts, cities, streets = [], [], [], []
        for i, loc in enumerate(locales):
            f = Faker(loc)
            f.seed_instance(seed * 1000 + i)
            k = 250 if loc == "en_US" else 80
            for _ in range(k):
                a, b = f.first_name(), f.last_name()
                if LATIN_RE.match(a):
                    firsts.append(a)
                if LATIN_RE.match(b):
                    lasts.append(b)
        us = Faker("en_US")
        us.seed_instance(seed)
        self.us = us
        for _ in range(300):
            c = us.city()
            if LATIN_RE.match(c):
                cities.append(c)
            streets.append(us.street_address())
        self.firsts = sorted(set(firsts)) + OWN_FIRST * 2
        self.lasts = sorted(set(lasts)) + OWN_LAST * 2 + WORD_SURNAMES
        self.cities = sorted(set(cities)) + OWN_CITIES * 3
        self.streets = streets
        self.ctx: dict = {}

    # ---- helpers ----
    def ch(self, seq):
        return self.r.choice(seq)

    def first(self):
        return self.ch(self.firsts)

    def last(self):
        return self.ch(self.lasts)

    def new_doc(self):
        r = self.r
        self.ctx = {
            "ptf": self.first(),
            "ptl": self.last(),
            "fam": [(self.first(), self.last()) for _ in range(r.randint(1, 3))],
            "drs": [(self.first(), self.last()) for _ in range(r.randint(1, 3))],
            "staff": [self.first() for _ in range(r.randint(2, 4))],
            "hosp": self.ch(HOSP_PAIRS),
        }

    def full(self, f, l):
        r = self.r.random()
        if r < 0.6:
            return f"{f} {l}"
        if r < 0.75:
            return f"{f} {chr(65 + self.r.randint(0, 25))}. {l}"
        if r < 0.85:
            return f"{l}, {f}"
        return f"{f} {l}"

    def fam(self):
        if self.r.random() < 0.75:
            return self.ch(self.ctx["fam"])
        return (self.first(), self.last())

    def dr(self):
        if self.r.random() < 0.7:
            return self.ch(self.ctx["drs"])
        return (self.first(), self.last())

    def date_short(self):
        r = self.r
        m, d = r.randint(1, 12), r.randint(1, 28)
        x = r.random()
        if x < 0.55:
            return f"{m}/{d}"
        if x < 0.7:
            return f"{m:02d}/{d:02d}"
        if x < 0.8:
            return f"{m}/{d}/{r.randint(0, 25):02d}"
        if x < 0.9:
            return f"{m}/{d}/{r.randint(2000, 2025)}"
        if x < 0.95:
            return f"{m}-{d}"
        return f"{d}-{MON3[m - 1].upper()}"

    def date_full(self):
        r = self.r
        y, m, d = r.randint(1990, 2025), r.randint(1, 12), r.randint(1, 28)
        x = r.random()
        if x < 0.4:
            return f"{m}/{d}/{y}"
        if x < 0.55:
            return f"{m:02d}/{d:02d}/{y}"
        if x < 0.7:
            return f"{MONTHS[m - 1]} {d}, {y}"
        if x < 0.8:
            return f"{y}-{m:02d}-{d:02d}"
        if x < 0.9:
            return f"{d} {MON3[m - 1]} {y}"
        return f"{MON3[m - 1]}. {ordinal(d)}, {y}"

    def date_month(self):
        r = self.r
        m, d = r.randint(1, 12), r.randint(1, 28)
        x = r.random()
        if x < 0.4:
            return f"{MONTHS[m - 1]} {d}"
        if x < 0.6:
            return f"{MON3[m - 1]} {d}"
        if x < 0.75:
            return f"{MONTHS[m - 1]} {ordinal(d)}"
        if x < 0.9:
            return f"{d} {MONTHS[m - 1]}"
        return f"{m}/{d}"

    def phone(self):
        r = self.r
        a, b, c = r.choice([617, 508, 781, 978, 413, 401, 603, 857, 339, 774]), r.randint(200, 999), r.randint(0, 9999)
        return r.choice(
            [
                f"({a}) {b}-{c:04d}",
                f"{a}-{b}-{c:04d}",
                f"{a}.{b}.{c:04d}",
                f"{b}-{c:04d}",
                f"{a} {b} {c:04d}",
                f"({a}){b}-{c:04d}",
            ]
        )

    def pager(self):
        r = self.r
        return r.choice(
            [
                f"{r.randint(1, 9)}-{r.randint(0, 9999):04d}",
                f"{r.randint(1000, 9999)}",
                f"{r.randint(10000, 99999)}",
                f"{r.randint(1, 9)}{r.randint(0, 9999):04d}",
            ]
        )

    def facility(self):
        if self.r.random() < 0.35:
            return self.ch(FAC_FIXED)
        p = self.ch(FAC_PATTERNS)
        return p.replace("{L}", self.last()).replace("{C}", self.ch(self.cities))

    def unit(self):
        r = self.r
        b = self.ch(UNIT_BLDG)
        x = r.random()
        if b == "CC" or x < 0.15:
            return f"{b}{r.randint(2, 12)}"
        if x < 0.8:
            return f"{b} {r.randint(2, 22)}"
        return f"{b} {r.randint(2, 12)}{r.choice(['A', 'B', 'East', 'West', 'North'])}"

    # ---- fill one placeholder -> list[(text, label)] ----
    def fill(self, key: str):
        r, c = self.r, self.ctx
        N = "NAME"
        if key == "PT":
            x = r.random()
            if x < 0.7:
                return [(self.full(c["ptf"], c["ptl"]), N)]
            return [(f"{c['ptl']}, {c['ptf']}", N)]
        if key == "PTL":
            return [(c["ptl"], N)]
        if key == "PTF":
            return [(c["ptf"], N)]
        if key == "FAMF":
            return [(self.fam()[0], N)]
        if key == "FAML":
            return [(self.fam()[1], N)]
        if key == "FAMN":
            f, l = self.fam()
            return [(self.full(f, l) if r.random() < 0.7 else f, N)]
        if key == "DR":
            f, l = self.dr()
            return [(l if r.random() < 0.85 else f"{f} {l}", N)]
        if key in ("DRN", "RESN", "SWN", "CMN", "THERAPISTN", "CHAPN"):
            f, l = self.dr() if key == "DRN" else (self.first(), self.last())
            return [(self.full(f, l), N)]
        if key == "RESF":
            return [(self.first() if r.random() < 0.6 else self.last(), N)]
        if key in ("STAFF", "NURSE", "SW", "CM", "CHAP", "THERAPIST"):
            x = r.random()
            if key == "STAFF" or x < 0.5:
                return [(self.ch(c["staff"]) if r.random() < 0.6 else self.first(), N)]
            return [(self.full(self.first(), self.last()) if x < 0.8 else self.last(), N)]
        if key == "NAMEANY":
            return [(self.full(self.first(), self.last()), N)]
        if key == "DATE":
            return [(self.date_short(), "DATE")]
        if key == "DATEF":
            return [(self.date_full(), "DATE")]
        if key == "DATEM":
            return [(self.date_month(), "DATE")]
        if key == "DAYTH":
            return [(ordinal(r.randint(1, 31)), "DATE")]
        if key == "YEAR":
            return [(str(r.randint(1965, 2025)), IGN)]
        if key == "HOSP":
            return [(c["hosp"][0] if r.random() < 0.6 else self.ch(HOSP_PAIRS)[0], "LOCATION")]
        if key == "HOSPS":
            return [(c["hosp"][1] if r.random() < 0.6 else self.ch(HOSP_PAIRS)[1], "LOCATION")]
        if key == "FAC":
            return [(self.facility(), "LOCATION")]
        if key == "UNIT":
            return [(self.unit(), "LOCATION")]
        if key == "CITY":
            return [(self.ch(self.cities), "LOCATION")]
        if key == "STATE":
            return [(self.ch(STATES), IGN)]
        if key == "COUNTRY":
            return [(self.ch(COUNTRIES), IGN)]
        if key == "COUNTRYADJ":
            return [
                (
                    self.ch(
                        [
                            "Haitian Creole",
                            "Spanish",
                            "Portuguese",
                            "Vietnamese",
                            "Cantonese",
                            "Somali",
                            "Russian",
                            "Arabic",
                            "Cape Verdean Creole",
                            "Mandarin",
                        ]
                    ),
                    None,
                )
            ]
        if key == "ADDR":
            s = self.ch(self.streets)
            if r.random() < 0.2:
                s += f", Apt {r.randint(1, 40)}{r.choice(['', 'B', 'C'])}"
            return [(s, "ADDRESS")]
        if key == "ZIP":
            return [(f"0{r.randint(1000, 2799)}", "ADDRESS")]
        if key == "PHONE":
            return [(self.phone(), "PHONE")]
        if key == "PAGER":
            return [(self.pager(), "PHONE")]
        if key == "EXT":
            return [(str(r.randint(1000, 99999)), "PHONE")]
        if key == "AGE":
            return [(str(r.randint(90, 104)), "AGE")]
        if key == "YAGE":
            return [(str(r.randint(19, 89)), None)]
        if key == "MRN":
            return [
                (
                    r.choice(
                        [
                            str(r.randint(1000000, 99999999)),
                            f"{r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(10, 99)}",
                            f"{r.randint(0, 9999999):07d}",
                        ]
                    ),
                    "ID",
                )
            ]
        if key == "UNITNO":
            return [(f"{r.randint(100, 999)}-{r.randint(10, 99)}-{r.randint(10, 99)}", "ID")]
        if key == "rel":
            return [(self.ch(RELS).lower(), None)]
        if key == "REL":
            return [(self.ch(RELS), None)]
        # --- non-PHI fillers ---
        if key == "N":
            return [(str(r.choice([r.randint(0, 9), r.randint(10, 99), r.randint(100, 300)])), None)]
        if key == "D":
            return [(str(r.randint(0, 9)), None)]
        if key == "HR":
            return [(str(r.randint(48, 140)), None)]
        if key == "RR":
            return [(str(r.randint(10, 34)), None)]
        if key == "SAT":
            return [(f"{r.randint(88, 100)}%", None)]
        if key == "TEMP":
            return [
                (r.choice([f"{r.randint(96, 103)}.{r.randint(0, 9)}", f"{r.randint(36, 39)}.{r.randint(0, 9)}"]), None)
            ]
        if key == "BP":
            return [(f"{r.randint(80, 190)}/{r.randint(40, 110)}", None)]
        if key == "TIME":
            return [
                (
                    r.choice(
                        [
                            f"{r.randint(0, 23):02d}{r.choice(['00', '15', '30', '45'])}",
                            f"{r.randint(1, 12)}:{r.choice(['00', '15', '30', '45'])}{r.choice(['', ' AM', ' PM', 'P', 'A'])}",
                        ]
                    ),
                    None,
                )
            ]
        if key == "VENT":
            return [(f"{r.choice([5, 8, 10, 12, 15, 18])}/{r.choice([5, 8, 10])}", None)]
        if key == "PAIN":
            return [(f"{r.randint(0, 10)}/10", None)]
        if key == "GCS":
            return [(str(r.randint(3, 15)), None)]
        if key == "DRUG":
            return [(self.ch(DRUGS), None)]
        if key == "SVC":
            return [(self.ch(SERVICES), None)]
        raise KeyError(key)

    def render(self, tmpl: str):
        out, pos = [], 0
        for m in TOK.finditer(tmpl):
            if m.start() > pos:
                out.append((tmpl[pos : m.start()], None))
            out.extend(self.fill(m.group(1)))
            pos = m.end()
        if pos < len(tmpl):
            out.append((tmpl[pos:], None))
        return out

    # ---- typos in literal text only ----
    def typo(self, s: str, p: float) -> str:
        if p <= 0 or len(s) < 4:
            return s
        words = s.split(" ")
        for i, w in enumerate(words):
            if len(w) > 4 and w.isalpha() and self.r.random() < p:
                j = self.r.randint(1, len(w) - 2)
                k = self.r.random()
                if k < 0.5:
                    w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
                elif k < 0.8:
                    w = w[:j] + w[j + 1 :]
                else:
                    w = w[:j] + w[j] + w[j:]
                words[i] = w
        return " ".join(words)

    # ---- documents ----
    def nursing_doc(self):
        r = self.r
        P = []
        sep_nl = lambda: [("\n", None)]
        P += self.render(self.ch(NURSING_HEADERS)) + sep_nl()
        if r.random() < 0.6:
            P += self.render(self.ch(NURSING_OPENERS)) + [(r.choice([". ", "\n", " -- ", "... "]), None)]
            if r.random() < 0.5:
                P += [("\n", None)]
        systems = list(NURSING.keys())
        if r.random() < 0.4:
            r.shuffle(systems)
        for sysname in systems:
            if r.random() < 0.15:
                continue
            label = (
                sysname
                if r.random() < 0.85
                else {
                    "NEURO": "NEURO/MS",
                    "CV": "CARDIAC",
                    "RESP": "PULM",
                    "GI": "GI/NUTR",
                    "GU": "GU/RENAL",
                    "ID": "ID",
                    "SKIN": "INTEG",
                    "SOCIAL": "SOC",
                    "PLAN": "A/P",
                }[sysname]
            )
            P += [(label + r.choice([": ", ":", " - ", "- ", ": "]), None)]
            k = r.randint(1, 4)
            frs = [self.ch(NURSING[sysname]) for _ in range(k)]
            if r.random() < 0.25:
                frs.append(self.ch(NURSING_EVENTS))
            for j, fr in enumerate(frs):
                P += self.render(fr)
                if j < len(frs) - 1:
                    P += [(r.choice([", ", ". ", "... ", " -- ", "; ", "...", " . ", "  "]), None)]
            P += [(r.choice(["\n", "\n", ".\n", "\n\n", " ... \n"]), None)]
        if r.random() < 0.5:
            P += self.render(self.ch(NURSING_EVENTS)) + [("\n", None)]
        if r.random() < 0.5:
            sig = r.choice(["{STAFF} RN", "-- {STAFF}", "{NAMEANY}, RN", "RN {STAFF}", "{STAFF}/RN"])
            P += self.render(sig) + [("\n", None)]
        # upper-case everything, typos in literals
        return [(self.typo(t, 0.03).upper() if lab is None else t.upper(), lab) for t, lab in P]

    def mixed_doc(self, kind: str):
        r = self.r
        P = self.render(self.ch(MIXED_HEADERS[kind])) + [("\n", None)]
        if r.random() < 0.5 and kind != "radiology":
            P += self.render(
                self.ch(
                    [
                        "Patient: {PT}   MRN: {MRN}",
                        "Name: {PT}\nMRN: {MRN}\nDate: {DATEF}",
                        "Date of service: {DATEF}",
                        "RE: {PT} (DOB {DATEF})",
                        "Location: {UNIT}",
                        "Unit No. {UNITNO}",
                    ]
                )
            ) + [("\n", None)]
        pool = MIXED_POOLS[kind]
        k = r.randint(4, 10)
        lines = r.sample(pool, min(k, len(pool)))
        if kind in ("discharge", "radiology"):
            lines.sort(key=pool.index)
        for i, ln in enumerate(lines):
            P += self.render(ln)
            P += [(r.choice(["\n", "\n", " ", "  ", "\n\n"]), None)]
        ft = self.ch(MIXED_FOOTERS)
        if ft:
            P += self.render(ft) + [("\n", None)]
        return [(self.typo(t, 0.008) if lab is None else t, lab) for t, lab in P]


def assemble(pieces):
    text_parts, spans, ignore, pos = [], [], [], 0
    for t, lab in pieces:
        if not t:
            continue
        if lab is not None:
            # keep edge whitespace outside the span
            lead = len(t) - len(t.lstrip())
            trail = len(t) - len(t.rstrip())
            s, e = pos + lead, pos + len(t) - trail
            if e > s:
                (ignore if lab == IGN else spans).append(
                    {"start": s, "end": e} if lab == IGN else {"start": s, "end": e, "type": lab}
                )
        text_parts.append(t)
        pos += len(t)
    text = "".join(text_parts)
    # trim trailing whitespace of document (spans never reach into it)
    stripped = text.rstrip()
    return stripped, spans, ignore


def check(rec, vals=None) -> list[str]:
    errs = []
    t = rec["text"]
    allsp = [(s["start"], s["end"], s.get("type", IGN)) for s in rec["spans"]] + [
        (s["start"], s["end"], IGN) for s in rec["ignore"]
    ]
    allsp.sort()
    prev_end = -1
    for s, e, ty in allsp:
        if not (0 <= s < e <= len(t)):
            errs.append(f"bad offsets {s},{e}")
            continue
        seg = t[s:e]
        if seg != seg.strip():
            errs.append(f"edge whitespace {seg!r}")
        if s < prev_end:
            errs.append(f"overlap at {s}")
        if ty != IGN and ty not in PHI_TYPES:
            errs.append(f"bad type {ty}")
        prev_end = max(prev_end, e)
    if vals is not None:
        got = [t[s["start"] : s["end"]] for s in rec["spans"]]
        if got != vals:
            errs.append("value mismatch")
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=41)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--out", default="/work/main/.cache/pii_ner/clinical2.jsonl")
    a = ap.parse_args()
    g = Gen(a.seed)
    kinds = list(MIXED_POOLS.keys())
    counts, ign_n, case_n, kind_n, nerr = Counter(), 0, Counter(), Counter(), 0
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as fh:
        for i in range(a.n):
            g.new_doc()
            if i % 2 == 0:
                kind, case = "nursing", "upper"
                pieces = g.nursing_doc()
            else:
                kind, case = kinds[(i // 2) % len(kinds)], "mixed"
                pieces = g.mixed_doc(kind)
            text, spans, ignore = assemble(pieces)
            vals = [p[0].strip() for p in pieces if p[1] not in (None, IGN) and p[0].strip()]
            rec = {"id": f"m{i + 1:05d}", "case": case, "text": text, "spans": spans, "ignore": ignore}
            errs = check(rec, vals)
            if errs:
                nerr += 1
                print(rec["id"], errs[:3], file=sys.stderr)
            counts.update(s["type"] for s in spans)
            ign_n += len(ignore)
            case_n[case] += 1
            kind_n[kind] += 1
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {a.n} docs to {a.out}; templates={count_templates()}; self-check errors={nerr}")
    print("cases:", dict(case_n))
    print("kinds:", dict(kind_n))
    print("spans:", dict(sorted(counts.items())), "ignore:", ign_n)
    if nerr:
        sys.exit(1)


if __name__ == "__main__":
    main()
