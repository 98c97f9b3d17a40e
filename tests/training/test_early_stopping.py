"""Early stopping: the run stops once eval loss stops improving, and the saved adapter is the best checkpoint's."""

import json

import pytest

from medtune import Dataset
from medtune.training import Trainer

MAX_STEPS = 30
PATIENCE = 2


def contradicting_data(tiny):
    """Train on every question paired with the next question's answer; evaluate on the true answers.

    The first steps learn the prompt and the answer words, which lowers the eval loss too; then the model memorises
    the wrong pairs and the eval loss rises again.
    """
    facts = tiny.fact_records()
    answers = [r["output"] for r in facts]
    wrong = [dict(r, output=answers[(i + 1) % len(answers)]) for i, r in enumerate(facts)]
    return Dataset.from_records(wrong), Dataset.from_records(facts)


def train_with_early_stopping(tmp_path, tiny):
    train, evaluation = contradicting_data(tiny)
    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(
        tmp_path,
        **{
            "optim.max_steps": MAX_STEPS,
            "optim.batch_size": 8,  # one full batch per step, one eval batch: deterministic and cheap
            "optim.gradient_accumulation_steps": 1,
            "optim.learning_rate": 1e-2,
            "optim.lr_scheduler": "constant",
            "eval.steps": 1,
            "eval.early_stopping_patience": PATIENCE,
            "checkpointing.save_strategy": "steps",
            "checkpointing.save_steps": 1,
        },
    )
    result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(train, eval_dataset=evaluation)
    evals = {
        r["step"]: r["eval_loss"] for r in map(json.loads, result.log_path.read_text().splitlines()) if "eval_loss" in r
    }
    return result, tok, cfg, evaluation, evals


def adapter_tensors(directory):
    from safetensors.torch import load_file

    return load_file(directory / "adapter_model.safetensors")


def eval_loss_of_saved_adapter(adapter_dir, tiny, tok, cfg, evaluation):
    """The eval loss of the adapter as saved on disk, on a fresh copy of the same base model."""
    import torch
    from peft import PeftModel

    from medtune.training.formatting import tokenize_dataset
    from medtune.training.trainer import Collator

    model = PeftModel.from_pretrained(tiny.make_model(len(tok)), str(adapter_dir)).eval()
    hf, _ = tokenize_dataset(evaluation, tok, cfg.format)
    batch = Collator(tok.pad_token_id)([hf[i] for i in range(len(hf))])
    with torch.no_grad():
        return float(model(**batch).loss)


def test_early_stopping_stops_and_saves_the_best_checkpoints_adapter(tmp_path, tiny):
    result, tok, cfg, evaluation, evals = train_with_early_stopping(tmp_path, tiny)
    steps = int(result.metrics["steps"])
    assert steps < MAX_STEPS, f"early stopping never triggered: {evals}"
    assert sorted(evals) == list(range(1, steps + 1))  # evaluated at every step

    best_step = min(evals, key=evals.get)
    # it stopped exactly PATIENCE evaluations after the best one, and the eval loss really got worse meanwhile
    assert steps == best_step + PATIENCE, evals
    assert all(evals[s] > evals[best_step] for s in range(best_step + 1, steps + 1))
    assert evals[best_step] < evals[1]  # it did improve first: the best checkpoint is not just the first one

    ckpts = result.run_dir / "checkpoints"
    state = json.loads((ckpts / f"checkpoint-{steps}" / "trainer_state.json").read_text())
    assert state["best_model_checkpoint"].endswith(f"checkpoint-{best_step}")
    assert state["best_metric"] == pytest.approx(evals[best_step])

    # the final adapter is the best checkpoint's, not the last step's
    saved = adapter_tensors(result.adapter_dir)
    best, last = adapter_tensors(ckpts / f"checkpoint-{best_step}"), adapter_tensors(ckpts / f"checkpoint-{steps}")
    assert saved.keys() == best.keys() and saved
    assert all(bool((saved[k] == best[k]).all()) for k in saved)
    assert any(not bool((saved[k] == last[k]).all()) for k in saved)

    # and evaluating the saved adapter gives the logged best eval loss
    loss = eval_loss_of_saved_adapter(result.adapter_dir, tiny, tok, cfg, evaluation)
    assert loss == pytest.approx(evals[best_step], rel=1e-4)
    assert loss != pytest.approx(evals[steps], rel=1e-4)


def test_early_stopping_reports_the_eval_loss_of_the_saved_model(tmp_path, tiny):
    result, _, _, _, evals = train_with_early_stopping(tmp_path, tiny)
    best = min(evals.values())
    assert int(result.metrics["steps"]) < MAX_STEPS and evals[max(evals)] > best  # the last eval was not the best
    assert result.metrics["eval_loss"] == pytest.approx(best)
    facts = json.loads((result.run_dir / "run.json").read_text())
    assert facts["metrics"]["eval_loss"] == pytest.approx(best)
