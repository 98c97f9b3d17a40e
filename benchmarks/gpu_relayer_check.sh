#!/usr/bin/env bash
# Issue #14's GPU check: the trainer before (380ebb2) and after its split (52d47d1), medtune_default of
# benchmarks/train_throughput.py, alternating new/old/new/old in one call on one card.
#
# Here (CPU), once:
#   bash ../shared/device/build-gpu-bundle.sh .gpu/b14
#   .venv/bin/python benchmarks/train_throughput.py prepare --out .gpu/b14/bench
#   for rev in 380ebb2:old 52d47d1:new; do d=$(mktemp -d); git archive ${rev%%:*} src/medtune | tar -x -C $d
#     tar czf .gpu/b14/${rev##*:}_src.tgz -C $d --exclude=src/medtune/medical/data --exclude=src/medtune/cleaning/data src; done
# There (the device tool, carry [".gpu/b14"]):
#   bash benchmarks/gpu_relayer_check.sh .gpu/b14 $OUT
set -euo pipefail
bundle="${1:-.gpu/b14}"
out="${2:-${OUT:-/tmp/relayer}}"
tar xzf "$bundle/gpu-site.tgz" -C /tmp
mkdir -p /tmp/old /tmp/new
tar xzf "$bundle/old_src.tgz" -C /tmp/old
tar xzf "$bundle/new_src.tgz" -C /tmp/new
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 UNSLOTH_DISABLE_STATISTICS=1
nvidia-smi --query-gpu=name --format=csv,noheader
i=0
for version in new old new old; do
  i=$((i + 1))
  echo "== run $i: $version"
  PYTHONPATH="/tmp/$version/src:/tmp/site" timeout 170 python benchmarks/train_throughput.py run \
    --data "$bundle/bench" --out "$out/r${i}_$version" --modes medtune_default --timeout 150 2>&1 | tail -4
done
