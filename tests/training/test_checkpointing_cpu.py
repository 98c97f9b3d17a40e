"""Activation checkpointing on the CPU (PEFT backend): the adapter still learns, as without it."""

from medtune import Dataset
from medtune.training import Trainer


def test_training_with_activation_checkpointing_learns_like_without(tmp_path, tiny):
    records = tiny.fact_records() * 4
    ds = Dataset.from_records([{**r, "id": f"{r['id']}-{i}"} for i, r in enumerate(records)])
    tok = tiny.make_tokenizer(tiny.all_texts())
    losses = {}
    for on in (False, True):
        cfg = tiny.fast_config(tmp_path / str(on), **{"model.gradient_checkpointing": on, "optim.epochs": 2})
        result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(ds)
        losses[on] = (result.metrics["first_loss"], result.metrics["final_loss"])
    assert losses[True][1] < 0.5 * losses[True][0]  # LoRA got gradients through the recomputed layers
    assert abs(losses[True][1] - losses[False][1]) < 0.05 * losses[False][1]  # and the same ones
