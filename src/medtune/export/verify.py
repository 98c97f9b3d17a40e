"""Reload checks of an exported GGUF: transformers reads it back and it behaves like the model it came from.

- :func:`compare_logits`: the next-token logits of every prompt position, exported vs source (for f16 the
  difference must stay within :data:`F16_MAX_ABS_LOGIT_DIFF`);
- :func:`compare_greedy`: greedy continuations token for token; for q8_0 at least :data:`Q8_MIN_GREEDY_MATCH` of the
  prompts must match, or first differ where the source itself was nearly undecided (a near-tie, which 8-bit weights
  flip as any change of precision does). The exact share is reported beside it.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from medtune._extras import require
from medtune.models.engine import generate_ids

__all__ = [
    "F16_MAX_ABS_LOGIT_DIFF",
    "NEAR_TIE_LOGIT_GAP",
    "Q8_MIN_GREEDY_MATCH",
    "compare_greedy",
    "compare_logits",
    "load_gguf_model",
]

#: The largest next-token logit difference an f16 export may show against its float32 source. Rounding the weights
#: to f16 (11-bit mantissa) moves SmolLM2-135M's logits (typical size 5-20) by about 0.01-0.05.
F16_MAX_ABS_LOGIT_DIFF = 0.25
#: The share of prompts whose greedy continuation a q8_0 export must reproduce token for token, counting a
#: continuation that first differs at a near-tie (:data:`NEAR_TIE_LOGIT_GAP`) as reproduced.
Q8_MIN_GREEDY_MATCH = 0.90
#: A first difference where the source preferred its token by less than this (in logits) is a near-tie.
NEAR_TIE_LOGIT_GAP = 0.5


def load_gguf_model(path: str | Path) -> tuple[Any, float]:
    """Load a GGUF file with transformers (``gguf_file=``), dequantized to float32 on the CPU; returns the seconds."""
    torch = require("torch", "train", "checking an exported GGUF")
    transformers = require("transformers", "train", "checking an exported GGUF")
    require("gguf", "train", "checking an exported GGUF")
    path = Path(path)
    started = time.perf_counter()
    model = transformers.AutoModelForCausalLM.from_pretrained(
        str(path.parent), gguf_file=path.name, dtype=torch.float32
    )
    model.eval()
    return model, time.perf_counter() - started


def compare_logits(source: Any, exported: Any, prompts: Sequence[list[int]]) -> dict[str, float]:
    """Max and mean absolute next-token logit difference, and top-1 agreement, over every position of ``prompts``."""
    torch = require("torch", "train", "checking an exported GGUF")
    worst, total, count, agree = 0.0, 0.0, 0, 0
    with torch.no_grad():
        for prompt in prompts:
            ids = torch.tensor([list(prompt)])
            a = source(input_ids=ids).logits[0].float()
            b = exported(input_ids=ids).logits[0].float()
            diff = (a - b).abs()
            worst = max(worst, float(diff.max()))
            total += float(diff.mean()) * len(prompt)
            count += len(prompt)
            agree += int((a.argmax(-1) == b.argmax(-1)).sum())
    return {
        "max_abs_logit_diff": round(worst, 5),
        "mean_abs_logit_diff": round(total / max(count, 1), 5),
        "top1_agreement": round(agree / max(count, 1), 4),
        "positions": count,
    }


def _greedy(model: Any, tokenizer: Any, prompts: Sequence[list[int]], max_new_tokens: int) -> list[list[int]]:
    """Greedy answers through medtune's generation engine (cut before EOS)."""
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    stop = [tokenizer.eos_token_id] if tokenizer.eos_token_id is not None else []
    decoding = {"max_new_tokens": max_new_tokens, "do_sample": False}
    with require("torch", "train", "checking an exported GGUF").no_grad():
        outs, _ = generate_ids(model, prompts, decoding, stop_ids=stop, pad_id=pad, batch_size=16)
    return outs


def _divergence_gap(source: Any, prompt: list[int], want: list[int], got: list[int]) -> float | None:
    """At the first token where two continuations differ, how much the source preferred its own token (logits)."""
    torch = require("torch", "train", "checking an exported GGUF")
    k = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), None)
    if k is None:
        return None
    with torch.no_grad():
        logits = source(input_ids=torch.tensor([list(prompt) + want[:k]])).logits[0, -1].float()
    return round(float(logits[want[k]] - logits[got[k]]), 4)


def compare_greedy(
    source: Any, exported: Any, tokenizer: Any, prompts: Sequence[list[int]], max_new_tokens: int = 32
) -> dict[str, Any]:
    """How often the greedy continuations (up to EOS or ``max_new_tokens``) of source and export agree.

    ``greedy_match`` is the share of prompts whose continuation is identical token for token. Where one differs,
    ``near_tie_gaps`` holds the source's logit margin between its own token and the export's at the first
    difference: a margin under :data:`NEAR_TIE_LOGIT_GAP` is a near-tie that any change of precision can flip
    (bf16 against float32 flips them too), and ``greedy_match_or_near_tie`` counts those prompts as agreeing.
    """
    want = _greedy(source, tokenizer, prompts, max_new_tokens)
    got = _greedy(exported, tokenizer, prompts, max_new_tokens)
    pairs = list(zip(want, got))
    same = [a == b for a, b in pairs]
    gaps = [None if s else _divergence_gap(source, p, a, b) for s, p, (a, b) in zip(same, prompts, pairs)]
    near = [s or (g is not None and g < NEAR_TIE_LOGIT_GAP) for s, g in zip(same, gaps)]
    first_diff = next((i for i, s in enumerate(same) if not s), None)
    return {
        "greedy_match": round(sum(same) / max(len(same), 1), 4),
        "greedy_match_or_near_tie": round(sum(near) / max(len(near), 1), 4),
        "near_tie_gaps": [g for g in gaps if g is not None],
        "prompts": len(same),
        "max_new_tokens": max_new_tokens,
        "first_mismatch": None
        if first_diff is None
        else {
            "prompt": first_diff,
            "source": tokenizer.decode(pairs[first_diff][0]),
            "exported": tokenizer.decode(pairs[first_diff][1]),
        },
    }
