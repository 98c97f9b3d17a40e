"""Build src/medtune/medical/data/eval_terms.txt: the term list of the term_overlap checker.

Sources: the <Focus> and <Synonym> names of MedQuAD (CC BY 4.0, Ben Abacha & Demner-Fushman, BMC Bioinformatics
2019), filtered to 1-4 word names, plus a hand-written list of common symptoms, findings, tests, treatments and
drug classes (written for medtune). Run: python scripts/make_eval_terms.py ../shared/data/MedQuAD.tar.gz
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from medtune.medical.formats import medquad_documents

OUT = Path(__file__).resolve().parents[1] / "src/medtune/medical/data/eval_terms.txt"

COMMON = """
abdominal pain, ache, acne, allergy, allergic reaction, anemia, anxiety, appetite, arrhythmia, arthritis, asthma,
back pain, bleeding, blister, bloating, blood pressure, blood sugar, blurred vision, bronchitis, bruise, burn,
chest pain, chills, cholesterol, cold, congestion, constipation, cough, cramp, dehydration, depression, diarrhea,
dizziness, dizzy, fatigue, fever, flu, fracture, gastritis, headache, heartburn, hives, hypertension, infection,
inflammation, insomnia, itching, jaundice, joint pain, lightheaded, lump, migraine, muscle pain, nausea, numbness,
palpitations, pneumonia, rash, runny nose, seizure, shortness of breath, sinusitis, sore throat, sprain, stiffness,
stroke, swelling, tingling, tremor, ulcer, vomiting, weakness, weight loss, weight gain, wheezing, concussion,
dehydration, fainting, hemorrhage, edema, tachycardia, bradycardia, hypotension, hypoglycemia, hyperglycemia,
blood test, complete blood count, urinalysis, urine test, x-ray, chest x-ray, ultrasound, ct scan, mri, biopsy,
electrocardiogram, ecg, ekg, echocardiogram, endoscopy, colonoscopy, mammogram, blood culture, lipid panel,
liver function test, kidney function test, thyroid function test, glucose test, hba1c, pap smear, spirometry,
allergy test, skin test, stool test, physical examination, pelvic exam, lumbar puncture, eeg, toxicology screen,
antibiotic, antibiotics, antiviral, antifungal, antihistamine, analgesic, painkiller, nsaid, steroid,
corticosteroid, inhaler, bronchodilator, insulin, vaccine, vaccination, antidepressant, anticoagulant,
blood thinner, beta blocker, ace inhibitor, statin, diuretic, antacid, proton pump inhibitor, laxative,
physical therapy, physiotherapy, surgery, chemotherapy, radiation therapy, dialysis, intravenous fluids,
oxygen therapy, rest, hydration, ice pack, heat pack, compression, elevation, diet, exercise, counseling,
cognitive behavioral therapy, psychotherapy, antipsychotic, anticonvulsant, muscle relaxant, ointment, cream,
eye drops, ear drops, nasal spray, decongestant, cough syrup, paracetamol, acetaminophen, ibuprofen, aspirin,
heart, lung, liver, kidney, stomach, intestine, colon, bladder, brain, spine, skin, thyroid, pancreas,
gallbladder, prostate, uterus, ovary, blood vessel, artery, vein, lymph node, bone, muscle, joint, tendon,
ligament, nerve, sinus, throat, tonsils, esophagus, rectum, cervix, retina, cornea,
emergency, urgent care, emergency room, hospital, specialist, cardiologist, neurologist, dermatologist,
gastroenterologist, endocrinologist, psychiatrist, pulmonologist, urologist, gynecologist, orthopedic
"""

_STOP_WORDS = """
a an and are as at be by for from in into is it of on or the to with without your you our their what who how
older adults adult people children child problems problem living about health healthy care family history
getting quitting surviving creating other type types
"""
STOP = set(_STOP_WORDS.split())


def norm(term: str) -> str:
    """Lower case, parentheses and possessives dropped, words joined by single spaces."""
    term = re.sub(r"\([^)]*\)", " ", term).lower()
    term = term.replace("\u2019", "'").replace("'s ", " ").replace("'s", "")
    return " ".join(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", term))


def keep(term: str) -> bool:
    """1-4 words, no stop word, no comma, no bare number."""
    words = term.split()
    if not 1 <= len(words) <= 4 or len(term) < 4:
        return False
    if any(w in STOP for w in words) or "," in term:
        return False
    return not any(ch.isdigit() for ch in term) or len(words) > 1


def is_abbreviation(raw: str, term: str) -> bool:
    """Single short words and all-capital names (``DM``, ``COPD``) are ambiguous: only the hand list has them."""
    return " " not in term and (len(term) < 6 or raw.strip().isupper())


def main(archive: str) -> None:
    """Write the term file from the MedQuAD archive."""
    terms: set[str] = set()
    all_foci: set[str] = set()
    synonym_of: dict[str, set[str]] = {}
    for _name, content in medquad_documents(Path(archive)):
        try:
            root = ET.fromstring(content)
        except ET.ParseError:
            continue
        foci = []
        for el in root.iter("Focus"):
            if el.text and keep(n := norm(el.text)) and not is_abbreviation(el.text, n):
                foci.append(n)
        terms.update(foci)
        all_foci.update(foci)
        for el in root.iter("Synonym"):
            if el.text and keep(n := norm(el.text)) and not is_abbreviation(el.text, n):
                terms.add(n)
                if foci and n != foci[0]:
                    synonym_of.setdefault(n, set()).add(foci[0])
    common = {norm(t) for t in COMMON.replace("\n", " ").split(",") if t.strip()}
    terms |= common
    # a synonym counts as its document's focus when that is unambiguous and the synonym is not itself a focus
    canonical = {syn: min(f) for syn, f in synonym_of.items() if len(f) == 1 and syn not in all_foci}
    header = (
        "# Medical terms for the term_overlap evaluation checker: one per line, lower case, optionally followed by a\n"
        "# tab and the canonical term it counts as (a MedQuAD synonym -> its document's focus).\n"
        "# Built by scripts/make_eval_terms.py from MedQuAD <Focus>/<Synonym> names (CC BY 4.0: Ben Abacha A,\n"
        "# Demner-Fushman D. A question-entailment approach to question answering. BMC Bioinformatics 2019;20:511)\n"
        "# plus a hand-written list of common symptoms, tests, treatments and organs (Apache-2.0, medtune).\n"
    )
    lines = [f"{t}\t{canonical[t]}" if t in canonical else t for t in sorted(terms)]
    OUT.write_text(header + "".join(line + "\n" for line in lines), encoding="utf-8")
    print(f"{len(terms)} terms ({len(common)} hand-written, {len(canonical)} synonyms mapped) -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/MedQuAD.tar.gz")
