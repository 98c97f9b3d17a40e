"""GPU smoke test of medtune's trainer: unsloth LoRA, unsloth QLoRA and peft on CUDA, on a random tiny Llama.

Runs ``medtune train`` three times on 8 taught facts (30 epochs) and writes each run's log and results.json to OUT.
On the GPU machine (see docs/benchmarks.md for the full command with the package bundle):

    python benchmarks/gpu_smoke.py OUT
"""

import json
import subprocess
import sys
import time
from pathlib import Path

FACTS = [
    ("What treats strep throat?", "Penicillin for ten days."),
    ("What treats a migraine attack?", "A triptan early in the attack."),
    ("What treats iron deficiency?", "Oral iron with vitamin C."),
    ("What treats scabies?", "Permethrin cream on all skin."),
    ("What treats an asthma attack?", "A salbutamol inhaler now."),
    ("What treats hypothyroidism?", "Levothyroxine every morning."),
    ("What treats anaphylaxis?", "Intramuscular adrenaline immediately."),
    ("What treats gout flares?", "Colchicine or an NSAID."),
]
INSTR = "You are a careful medical assistant. Answer briefly."
WORK = Path("/tmp/smoke")


def build(work: Path = WORK) -> Path:
    """Write facts.jsonl and a random 4-layer Llama (hidden 256) with a word-level tokenizer under ``work``."""
    from medtune.testing import tiny_llama, tiny_tokenizer

    work.mkdir(parents=True, exist_ok=True)
    rows = [{"instruction": INSTR, "input": q, "output": a} for q, a in FACTS]
    (work / "facts.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    texts = [t for q, a in FACTS for t in (q, a)] + ["### Instruction: Input: Response:", INSTR]
    tok = tiny_tokenizer(texts, chat_tokens=False)
    model = tiny_llama(128, pad_token_id=tok.pad_token_id, hidden_size=256, num_layers=4, max_position_embeddings=512)
    model.save_pretrained(work / "tiny")
    tok.save_pretrained(work / "tiny")
    return work


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    work = build()
    results = {}
    runs = [
        ("unsloth_lora", ["--backend", "unsloth"]),
        ("unsloth_qlora", ["--backend", "unsloth", "--set", "model.load_in_4bit=true"]),
        ("peft_cuda", ["--backend", "peft"]),
    ]
    for name, extra in runs:
        cmd = [sys.executable, "-m", "medtune.cli.main", "train", "--json", "--model", str(work / "tiny")]
        cmd += ["--data", str(work / "facts.jsonl"), "-o", str(work / name), "--epochs", "30", "--batch-size", "8"]
        cmd += ["--grad-accum", "1", "--lr", "1e-2", "--set", "lora.dropout=0", "--set", "logging.logging_steps=5"]
        cmd += ["--set", "checkpointing.save_strategy=no", *extra]
        t = time.time()
        p = subprocess.run(cmd, capture_output=True, text=True)
        results[name] = {"rc": p.returncode, "wall": round(time.time() - t, 1)}
        if p.returncode == 0:
            results[name].update(json.loads(p.stdout))
            (out / f"{name}_log.jsonl").write_text((work / name / "train_log.jsonl").read_text())
        (out / f"{name}_stderr.txt").write_text(p.stderr[-20000:])
        print(name, json.dumps(results[name])[:600], flush=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
