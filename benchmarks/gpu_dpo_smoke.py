"""GPU smoke test of DPO (``train.method: dpo``, issue #18): TRL's DPOTrainer through medtune on CUDA.

Two parts, each result written to OUT/results.json:

* ``kernel_check``: medtune's plain-torch log-probabilities (``medtune.training.dpo.TorchLogProbs``, what runs on
  CPU) against TRL's Triton kernel (``trl.kernels.ChunkedLogProbFunction``, what runs on GPUs): forward outputs and
  gradients, float32 and bfloat16, with and without logit soft-capping.
* ``medtune train --method dpo`` on a random tiny Llama (hidden 256) and 16 red-flag pairs, on the unsloth backend
  (LoRA and QLoRA) and the peft backend: each must exit 0 and end with a positive reward margin.

On the GPU machine, with the package bundle and medtune's wheel installed as ``../shared/README.md`` describes:

    python benchmarks/gpu_dpo_smoke.py OUT
"""

import json
import subprocess
import sys
import time
from pathlib import Path

PAIRS = [
    ("I have crushing chest pain and I am sweating.", "Call emergency services now.", "Rest and drink water."),
    ("My face is drooping and my speech is slurred.", "Call an ambulance right away.", "Sleep it off tonight."),
    ("I am coughing up blood.", "Go to the emergency department now.", "Take a cough syrup."),
    ("I fainted and my chest hurts.", "Call emergency services now.", "Lie down for a while."),
] * 4
SYSTEM = "You are a careful medical assistant."
WORK = Path("/tmp/dpo-smoke")


def build(work: Path = WORK) -> Path:
    """Write pairs.jsonl and a random 4-layer Llama (hidden 256) with a word-level tokenizer under ``work``."""
    from medtune.testing import tiny_llama, tiny_tokenizer

    work.mkdir(parents=True, exist_ok=True)
    rows = [{"system": SYSTEM, "prompt": p, "chosen": c, "rejected": r} for p, c, r in PAIRS]
    (work / "pairs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    texts = [t for row in PAIRS for t in row] + ["### Instruction: Input: Response:", SYSTEM]
    tok = tiny_tokenizer(texts, chat_tokens=False)
    model = tiny_llama(128, pad_token_id=tok.pad_token_id, hidden_size=256, num_layers=4, max_position_embeddings=512)
    model.save_pretrained(work / "tiny")
    tok.save_pretrained(work / "tiny")
    return work


def kernel_check() -> dict:
    """Max differences between TorchLogProbs and TRL's Triton kernel on random CUDA tensors."""
    import torch
    from trl.kernels import ChunkedLogProbFunction

    from medtune.training.dpo import TorchLogProbs

    outputs = ("log_probs", "entropy", "log_sum_sq_probs", "mean_logits", "is_top1")
    results = {}
    for dtype in (torch.float32, torch.bfloat16):
        for softcap, scale, temperature in ((None, 1.0, 1.0), (30.0, 0.5, 0.7)):
            torch.manual_seed(0)
            hidden = torch.randn(300, 64, device="cuda").to(dtype).requires_grad_()
            weight = (torch.randn(5000, 64, device="cuda") * 0.2).to(dtype).requires_grad_()
            targets = torch.randint(0, 5000, (300,), device="cuda")
            runs = []
            for fn in (ChunkedLogProbFunction, TorchLogProbs):
                out = fn.apply(hidden, weight, None, targets, temperature, 1024, softcap, scale, outputs)
                (out[0].sum() + 0.1 * out[1].sum()).backward()
                runs.append((out, hidden.grad.float().clone(), weight.grad.float().clone()))
                hidden.grad = weight.grad = None
            (kernel, gh, gw), (torch_out, th, tw) = runs
            results[f"{str(dtype).removeprefix('torch.')}, softcap {softcap}"] = {
                "log_probs": float((kernel[0] - torch_out[0]).abs().max()),
                "entropy": float((kernel[1] - torch_out[1]).abs().max()),
                "log_sum_sq_probs": float((kernel[2] - torch_out[2]).abs().max()),
                "mean_logits": float((kernel[3] - torch_out[3]).abs().max()),
                "is_top1_agree": float((kernel[4] == torch_out[4]).float().mean()),
                "grad_hidden_rel": float((gh - th).norm() / gh.norm()),
                "grad_weight_rel": float((gw - tw).norm() / gw.norm()),
            }
    return results


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    results: dict = {}
    try:
        results["kernel_check"] = kernel_check()
    except Exception as exc:  # report and go on to the training runs
        results["kernel_check"] = {"error": f"{type(exc).__name__}: {exc}"}
    print("kernel_check", json.dumps(results["kernel_check"]), flush=True)
    work = build()
    runs = [
        ("unsloth_lora", ["--backend", "unsloth"]),
        ("unsloth_qlora", ["--backend", "unsloth", "--set", "model.load_in_4bit=true"]),
        ("peft_cuda", ["--backend", "peft"]),
    ]
    for name, extra in runs:
        cmd = [sys.executable, "-m", "medtune.cli.main", "train", "--method", "dpo", "--json"]
        cmd += ["--model", str(work / "tiny"), "--data", str(work / "pairs.jsonl"), "-o", str(work / name)]
        cmd += ["--max-steps", "10", "--batch-size", "8", "--grad-accum", "1", "--lr", "5e-3", "--max-seq-length", "64"]
        cmd += ["--set", "lora.dropout=0", "--set", "logging.logging_steps=1", "--set", "dpo.beta=0.5"]
        cmd += ["--set", "checkpointing.save_strategy=no", "--set", "output.overwrite=true", *extra]
        started = time.time()
        p = subprocess.run(cmd, capture_output=True, text=True)
        results[name] = {"rc": p.returncode, "wall": round(time.time() - started, 1)}
        if p.returncode == 0:
            results[name].update(json.loads(p.stdout))
            log = (work / name / "train_log.jsonl").read_text()
            (out / f"{name}_log.jsonl").write_text(log)
            margins = [json.loads(line).get("rewards/margins") for line in log.splitlines()]
            results[name]["reward_margins"] = [m for m in margins if m is not None]
        (out / f"{name}_stderr.txt").write_text(p.stderr[-20000:])
        print(name, json.dumps(results[name])[:800], flush=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
