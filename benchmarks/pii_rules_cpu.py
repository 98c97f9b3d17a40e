"""CPU time of the default ``pii`` cleaner on real records, with NER's spans replayed from a cache (rules only) or not.

Run it once per code version, alternated, to compare two trees on a noisy machine (the twelfth session's figures,
``benchmarks/results/pii_issue19/speed_037_ab.txt``)::

    git worktree add /tmp/old 923bcf1
    for i in 1 2 3; do
      PYTHONPATH=/tmp/old/src python benchmarks/pii_rules_cpu.py RECORDS --label old --ner-cache /tmp/ner.pkl
      python benchmarks/pii_rules_cpu.py RECORDS --label new --ner-cache /tmp/ner.pkl
    done

``RECORDS`` is a JSONL file of records (the session used the first 1,500 of 3,000 drawn with seed 7 from
``pii_speed.py``'s ``real.jsonl``). Without ``--ner-cache`` NER runs too (the whole cleaner); with it, NER's spans are
computed on the first call and replayed afterwards, so only the rules are timed.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--n", type=int, default=1500, help="first N records")
    parser.add_argument("--label", default="run")
    parser.add_argument("--ner-cache", type=Path, default=None)
    args = parser.parse_args(argv)

    from medtune.cleaning.deid import PIIConfig, make_pii

    lines = args.records.read_text(encoding="utf-8").splitlines()[: args.n]
    rows = [json.loads(line) for line in lines]
    cleaner = make_pii(PIIConfig())
    if args.ner_cache is not None:
        cache: dict = pickle.loads(args.ner_cache.read_bytes()) if args.ner_cache.exists() else {}
        real = cleaner._ner.find_batch

        def replay(texts):
            missing = [t for t in texts if t not in cache]
            if missing:
                cache.update(zip(missing, real(missing)))
            return [cache[t] for t in texts]

        cleaner._ner.find_batch = replay
        for i in range(0, len(rows), 256):
            cleaner.clean_batch(rows[i : i + 256])
        args.ner_cache.write_bytes(pickle.dumps(cache))
    cleaner.clean_batch(rows[:5])
    start = time.process_time()
    for i in range(0, len(rows), 256):
        cleaner.clean_batch(rows[i : i + 256])
    print(args.label, round(time.process_time() - start, 2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
