"""DPO through TRL on CPU with a tiny model: the policy learns to prefer chosen answers; outputs save and reload."""

import json

import pytest

from medtune import Dataset
from medtune.errors import ConfigError
from medtune.training import Trainer
from medtune.training.pairs import tokenize_pairs

pytest.importorskip("trl")

SYSTEM = "You are a careful medical assistant."
PAIRS = [
    ("I have crushing chest pain and sweating.", "Call emergency services now.", "Rest and drink some water."),
    ("My face is drooping and my speech is slurred.", "Call an ambulance right away.", "Sleep it off tonight."),
    ("I am coughing up blood.", "Go to the emergency department now.", "Take a cough syrup."),
    ("I fainted and have chest pain.", "Call emergency services now.", "Lie down for a while."),
]


def pair_records():
    return [
        {"system": SYSTEM, "prompt": p, "chosen": c, "rejected": r, "id": f"p{i}"} for i, (p, c, r) in enumerate(PAIRS)
    ]


def make_tokenizer(tiny):
    return tiny.make_tokenizer([t for row in PAIRS for t in row] + [SYSTEM])


def dpo_config(tiny, tmp_path, **overrides):
    base = {
        "method": "dpo",
        "optim.learning_rate": 5e-3,
        "optim.gradient_accumulation_steps": 1,
        "optim.max_steps": 8,
        "dpo.beta": 0.5,
    }
    return tiny.fast_config(tmp_path, **{**base, **overrides})


def margins(model, hf_pairs):
    """Per pair: log p(chosen | prompt) - log p(rejected | prompt) under ``model`` (summed over answer tokens)."""
    import torch

    model.eval()
    out = []
    with torch.no_grad():
        for ex in hf_pairs:
            logps = []
            for key in ("chosen_ids", "rejected_ids"):
                ids = torch.tensor([ex["prompt_ids"] + ex[key]])
                logp = model(input_ids=ids).logits[0, :-1].log_softmax(-1).gather(-1, ids[0, 1:, None])[:, 0]
                logps.append(float(logp[len(ex["prompt_ids"]) - 1 :].sum()))
            out.append(logps[0] - logps[1])
    return out


def test_a_few_dpo_steps_raise_the_preference_margin_and_the_adapter_reloads(tmp_path, tiny):
    from peft import PeftModel

    tok = make_tokenizer(tiny)
    pairs = Dataset.from_records(pair_records())
    cfg = dpo_config(tiny, tmp_path)
    hf_pairs, _ = tokenize_pairs(pairs, tok, cfg.format)
    before = margins(tiny.make_model(len(tok)), hf_pairs)

    result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(pairs, eval_dataset=pairs)
    after = margins(result.model, hf_pairs)
    # chosen log-prob minus rejected log-prob rose on every training pair
    assert all(a > b + 0.5 for a, b in zip(after, before)), (before, after)

    log = [json.loads(line) for line in result.log_path.read_text().splitlines()]
    steps = [r for r in log if "loss" in r]
    assert len(steps) == 8 and steps[-1]["loss"] < steps[0]["loss"]
    # the reference is the initial policy (the adapter disabled): no reward before the first update
    assert steps[0]["rewards/margins"] == 0.0 and steps[0]["loss"] == pytest.approx(0.6931, abs=1e-4)
    m = result.metrics
    assert m["reward_margin"] > 0 and m["reward_accuracy"] == 1.0 and m["eval_reward_margin"] > 0 and m["steps"] == 8
    assert result.tokenization.kept == 4 and result.tokenization.train_on == "chosen vs rejected answers"

    # the adapter holds the trained weights only (no reference copy) and reloads to the same preferences
    adapter = result.adapter_dir
    assert (adapter / "adapter_model.safetensors").is_file() and not (adapter / "ref").exists()
    reloaded = PeftModel.from_pretrained(tiny.make_model(len(tok)), str(adapter))
    assert reloaded.peft_config.keys() == {"default"}
    assert margins(reloaded, hf_pairs) == pytest.approx(after, abs=1e-4)

    facts = json.loads((result.run_dir / "run.json").read_text())
    assert facts["config"]["method"] == "dpo" and facts["config"]["dpo"]["beta"] == 0.5
    assert "DPO: TRL's batching" in facts["batching"]
    card = (result.run_dir / "README.md").read_text()
    assert "A LoRA preference tune (DPO) of" in card and "DPO beta / loss / sft weight | 0.5 / sigmoid / 0.0" in card


def test_sft_weight_and_other_losses_train(tmp_path, tiny):
    tok = make_tokenizer(tiny)
    pairs = Dataset.from_records(pair_records())
    cfg = dpo_config(tiny, tmp_path, **{"optim.max_steps": 2, "dpo.loss_type": "ipo", "dpo.sft_weight": 1.0})
    result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(pairs)
    assert result.metrics["steps"] == 2


def test_the_data_must_match_the_method(tmp_path, tiny, facts):
    tok = make_tokenizer(tiny)
    dpo = Trainer(dpo_config(tiny, tmp_path), model=tiny.make_model(len(tok)), tokenizer=tok)
    with pytest.raises(ConfigError, match=r"method is 'dpo' but the training data are instruction records.*data pairs"):
        dpo.train(facts)
    sft = Trainer(tiny.fast_config(tmp_path), model=tiny.make_model(len(tok)), tokenizer=tok)
    with pytest.raises(ConfigError, match=r"the training data are preference pairs.*Fix: set method: dpo"):
        sft.train(Dataset.from_records(pair_records()))
    with pytest.raises(ConfigError, match="the evaluation data are instruction records"):
        dpo.train(Dataset.from_records(pair_records()), eval_dataset=facts)


def test_the_torch_log_probs_match_a_log_softmax():
    import torch

    from medtune.training.dpo import TorchLogProbs

    torch.manual_seed(0)
    hidden = torch.randn(7, 8, requires_grad=True)
    weight = torch.randn(11, 8) * 0.5
    targets = torch.randint(0, 11, (7,))
    outputs = ("log_probs", "entropy", "log_sum_sq_probs", "mean_logits", "is_top1")
    logp, entropy, sq, mean, top1 = TorchLogProbs.apply(hidden, weight, None, targets, 0.7, 4096, 30.0, 0.5, outputs)
    z = 30.0 * torch.tanh(hidden @ weight.T * 0.5 / 30.0) / 0.7
    ref = z.log_softmax(-1)
    assert torch.allclose(logp, ref.gather(-1, targets[:, None])[:, 0], atol=1e-5)
    assert torch.allclose(entropy, -(ref.exp() * ref).sum(-1), atol=1e-5)
    assert torch.allclose(sq, (2 * ref).exp().sum(-1).log(), atol=1e-5)
    assert torch.allclose(mean, z.mean(-1)) and torch.equal(top1, z.argmax(-1) == targets)
    logp.sum().backward()  # differentiable, as TRL's kernel
    assert hidden.grad is not None and hidden.grad.abs().sum() > 0
    only = TorchLogProbs.apply(hidden, weight, None, targets, 1.0, 4096)
    assert only[1:] == (None, None, None, None)


def test_cli_trains_dpo_from_a_pair_file(capsys, tmp_path, tiny, tiny_model_dir, write_jsonl):
    from medtune.cli.main import main

    data = write_jsonl(pair_records(), "prefs.jsonl")
    argv = ["train", "--method", "dpo", "--data", data, "--model", tiny_model_dir, "-o", tmp_path / "run"]
    argv += ["--max-steps", 2, "--lr", 5e-3, "--batch-size", 4, "--grad-accum", 1, "--json"]
    argv += ["--set", "output.save_merged=false", "--set", "checkpointing.save_strategy=no"]
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    payload = json.loads(out)
    assert payload["metrics"]["steps"] == 2 and "reward_margin" in payload["metrics"]
    assert payload["tokenization"]["kept"] == 4 and payload["adapter"]

    code = main([str(a) for a in ["train", "--method", "dpo", "--print-config"]])
    printed = capsys.readouterr().out
    assert code == 0 and "method: dpo" in printed and "beta: 0.1" in printed and "learning_rate: 5.0e-06" in printed
