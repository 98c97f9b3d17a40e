#!/bin/bash
# Quality guard of the fast path (issue #7), as run on a machine with two GPUs (nvidia-h200-x2): the plain path on
# GPU 0, medtune's default fast path (padding-free) and the same with padded micro-batches on GPU 1, at the same time,
# on SmolLM2-135M-Instruct, 3,200 real training records (100 steps of 32), 500 validation records.
# Expects, on that machine: the GPU bundle in /tmp/site (../shared/README.md), the medtune wheel installed there, the
# cleaned split in /tmp/smoldata, and the SmolLM2 GGUF carried in two halves (/tmp/smol_part00 from an earlier call,
# .gpu/pb/part01 in this one). Results: docs/benchmarks.md and benchmarks/results/quality_guard_h200/.
# The earlier run compared step compositions: the same command with
#   --set optim.length_group_pool=64 --set optim.loss_denominator=step|epoch_mean, --set optim.length_group_pool=8.
export PYTHONPATH=/tmp/site HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 UNSLOTH_DISABLE_STATISTICS=1 PYTHONUNBUFFERED=1 MEDTUNE_CACHE=/tmp/mtcache MEDTUNE_SMOLLM2_WHEEL=/tmp/smol
mkdir -p /tmp/smol /tmp/qg && cat /tmp/smol_part00 .gpu/pb/part01 > /tmp/smol/SmolLM2-135M-Instruct.Q4_1.gguf
python3 -c "from medtune.models.embedded import resolve_model; print(resolve_model())" 2>&1 | tail -1
Q="python3 benchmarks/quality_guard.py train"
A="--data /tmp/smoldata --train 3200 --eval-steps 25 --out /tmp/qg/runs"
run() { gpu=$1; name=$2; path=$3; lim=$4; shift 4
  CUDA_VISIBLE_DEVICES=$gpu timeout $lim $Q $path $A --name $name --json $OUT/$name.json "$@" > /tmp/qg/$name.log 2>&1; }
run 0 plain plain ${PLAIN_LIMIT:-420} &
run 1 fast fast 300 &
run 1 padded fast 300 --set format.padding_free=false &
wait
for d in /tmp/qg/runs/*; do n=$(basename $d); f=$(find $d -name train_log.jsonl | head -1); [ -n "$f" ] && cp $f /tmp/qg/$n.train_log.jsonl; done
tar czf $OUT/logs.tgz -C /tmp/qg $(cd /tmp/qg && ls *.log *.jsonl)
for v in fast padded; do [ -f $OUT/plain.json ] && [ -f $OUT/$v.json ] && python3 benchmarks/quality_guard.py compare $OUT/plain.json $OUT/$v.json --json $OUT/cmp_$v.json | grep -E '"eval_loss_relative|within|speedup'; done
tail -3 /tmp/qg/*.log
