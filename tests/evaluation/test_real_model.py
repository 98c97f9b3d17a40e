"""The evaluation path on the real SmolLM2-135M-Instruct (ChatML template, pad token = EOS)."""

from __future__ import annotations

import pytest

from medtune import Dataset, sample_path
from medtune.evaluation.generation import GenerationConfig, build_prompt, generate, load_model
from medtune.evaluation.mcq import MCQConfig, pubmedqa_items, score_mcq

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.slow


def test_smollm2_batched_generation_and_pubmedqa_scores(smollm2_dir):
    model, tok = load_model(smollm2_dir, device="cpu")
    assert tok.chat_template and tok.pad_token_id == tok.eos_token_id  # the hard case for padding
    records = list(Dataset.load(sample_path("medical")))[:2]
    prompt = build_prompt(records[0], tok)
    assert prompt.startswith("<|im_start|>system\n") and prompt.endswith("<|im_start|>assistant\n")
    cfg = GenerationConfig(max_new_tokens=8, batch_size=2)
    batched = generate(model, tok, records, cfg, model_id="smol")
    single = generate(model, tok, records, cfg.model_copy(update={"batch_size": 1}), model_id="smol")
    assert [e.prediction for e in batched.examples] == [e.prediction for e in single.examples]
    assert all(e.prediction and "<|im_" not in e.prediction for e in batched.examples)

    items = pubmedqa_items(list(Dataset.load(sample_path("pubmedqa")))[:2])
    result = score_mcq(model, tok, items, MCQConfig(batch_size=3))
    ctx = tok(build_prompt(items[0].record, tok), add_special_tokens=False)["input_ids"]
    cont = tok("Maybe", add_special_tokens=False)["input_ids"]
    with torch.no_grad():
        logp = torch.log_softmax(model(input_ids=torch.tensor([ctx + cont])).logits[0].double(), dim=-1)
    direct = sum(logp[len(ctx) - 1 + j, t].item() for j, t in enumerate(cont))
    assert result.items[0]["loglikelihoods"]["maybe"] == pytest.approx(direct, abs=1e-3)
