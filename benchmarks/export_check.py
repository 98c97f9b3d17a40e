"""GGUF export of SmolLM2-135M-Instruct, checked on real test questions: sizes, times, logits, greedy match.

Runs ``medtune.export.export_gguf`` (f16, q8_0, q4_0) with the reload checks on ``--n`` test prompts, then, when
``--llama-cpp-python`` names a Python that has ``llama_cpp`` (llama-cpp-python), loads every file in llama.cpp
itself: its tokenization of the prompts against the Hugging Face tokenizer's, and its greedy text against the
source model's (transformers, float32).

The test prompts come from ``../shared/data`` (never used to build or tune the export): ``chatdoctor`` takes the
last patient questions of chatdoctor5k.json that are not in medtune's shipped sample; ``pubmedqa`` the last
PubMedQA questions (long abstracts). The shipped sample was the development set of the checks.

``--bf16-reference`` also runs the source model in bfloat16 against itself in float32: the share of identical greedy
texts there is the yardstick for a quantized file's (how faithful the precision the model is trained and served in
on GPUs is).

Usage::

    python benchmarks/export_check.py --set chatdoctor --n 50 --work .cache/export_check \
        --llama-cpp-python /tmp/llvenv/bin/python --json benchmarks/results/issue17/export_chatdoctor.json
    python benchmarks/export_check.py --set chatdoctor --n 50 --types q8_0 --bf16-reference \
        --json benchmarks/results/issue17/export_q8_0_bf16_reference.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

_LLAMA_CPP_SCRIPT = r"""
import json, sys
from llama_cpp import Llama
job = json.load(open(sys.argv[1]))
out = {}
for path in job["files"]:
    llm = Llama(model_path=path, n_ctx=4096, verbose=False, seed=0)
    same_tok, texts = 0, []
    for prompt, ids in zip(job["prompts"], job["ids"]):
        got = llm.tokenize(prompt.encode(), add_bos=False, special=True)
        same_tok += got == ids
        done = llm.create_completion(prompt, max_tokens=job["max_new_tokens"], temperature=0.0, top_k=1)
        texts.append(done["choices"][0]["text"])
    out[path] = {"tokenization_same": same_tok, "texts": texts}
json.dump(out, open(sys.argv[2], "w"))
"""


def test_records(name: str, n: int) -> list:
    from medtune import Dataset, sample_path

    if name == "pubmedqa":
        return list(Dataset.load(SHARED / "pubmedqa_ori_pqal.json"))[-n:]
    shipped = {r.input.strip() for r in Dataset.load(sample_path("medical"))}
    records = [r for r in Dataset.load(SHARED / "chatdoctor5k.json") if r.input.strip() not in shipped]
    return records[-n:]


def source_greedy(
    model_dir: str, tok: object, prompts: list[list[int]], max_new_tokens: int, dtype: str = "float32"
) -> list[str]:
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=getattr(torch, dtype)).eval()
    texts = []
    with torch.no_grad():
        for ids in prompts:
            out = model.generate(torch.tensor([ids]), max_new_tokens=max_new_tokens, do_sample=False)
            texts.append(tok.decode(out[0, len(ids) :], skip_special_tokens=True))
    return texts


def bf16_reference(model_dir: str, tok: object, prompts: list[list[int]], max_new_tokens: int) -> dict:
    """How often the source run in bfloat16 (weights and compute) gives the float32 greedy text: the yardstick for
    a quantized file's greedy match, since bf16 is how the model is trained and served on GPUs."""
    want = source_greedy(model_dir, tok, prompts, max_new_tokens)
    got = source_greedy(model_dir, tok, prompts, max_new_tokens, dtype="bfloat16")
    same = sum(a == b for a, b in zip(want, got))
    return {"greedy_text_same_as_float32": f"{same}/{len(want)}", "rate": round(same / max(len(want), 1), 4)}


def llama_cpp_check(python: str, files: list[str], prompts: list[str], ids: list[list[int]], work: Path, k: int):
    job, result = work / "llama_cpp_job.json", work / "llama_cpp_out.json"
    job.write_text(json.dumps({"files": files, "prompts": prompts, "ids": ids, "max_new_tokens": k}))
    script = work / "llama_cpp_check.py"
    script.write_text(_LLAMA_CPP_SCRIPT)
    started = time.perf_counter()
    subprocess.run([python, str(script), str(job), str(result)], check=True)
    return json.loads(result.read_text()), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="embedded")
    parser.add_argument("--set", choices=["chatdoctor", "pubmedqa"], default="chatdoctor")
    parser.add_argument("--n", type=int, default=50)
    parser.add_argument("--types", default="f16,q8_0,q4_0")
    parser.add_argument("--max-new-tokens", type=int, default=32)
    parser.add_argument("--work", type=Path, default=Path(".cache/export_check"))
    parser.add_argument("--llama-cpp-python", help="a Python with llama_cpp installed (optional)")
    parser.add_argument(
        "--bf16-reference", action="store_true", help="also run the source in bfloat16 against float32 (yardstick)"
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent")
        return
    from medtune.export import export_gguf, find_export_source
    from medtune.models.embedded import model_source
    from medtune.models.prompts import build_prompt, prompt_ids

    records = test_records(args.set, args.n)
    out_dir = args.work / args.set
    started = time.perf_counter()
    report = export_gguf(
        args.model, out_dir, args.types.split(","), prompts=records, max_new_tokens=args.max_new_tokens, name="smollm2"
    )
    result = {
        "command": " ".join(sys.argv),
        "set": args.set,
        "prompts": len(records),
        "seconds_total": round(time.perf_counter() - started, 1),
        "export": report.as_dict(),
    }
    if args.llama_cpp_python or args.bf16_reference:
        from transformers import AutoTokenizer

        model_dir = model_source(find_export_source(args.model).model)
        tok = AutoTokenizer.from_pretrained(model_dir)
        texts = [build_prompt(r, tok) for r in records]
        ids = [prompt_ids(tok, t, True) for t in texts]
    if args.bf16_reference:
        result["bf16_reference"] = bf16_reference(model_dir, tok, ids, args.max_new_tokens)
    if args.llama_cpp_python:
        want = source_greedy(model_dir, tok, ids, args.max_new_tokens)
        files = [str(f.path) for f in report.files]
        found, seconds = llama_cpp_check(args.llama_cpp_python, files, texts, ids, args.work, args.max_new_tokens)
        result["llama_cpp"] = {"seconds": round(seconds, 1)}
        for path, got in found.items():
            same = [a.strip() == b.strip() for a, b in zip(want, got["texts"])]
            result["llama_cpp"][Path(path).name] = {
                "tokenization_same": f"{got['tokenization_same']}/{len(ids)}",
                "greedy_text_same_as_source": f"{sum(same)}/{len(same)}",
                "example": {"source": want[0], "llama_cpp": got["texts"][0]},
            }
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
