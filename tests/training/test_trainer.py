import itertools
import json
import re
from pathlib import Path

import pytest

from medtune import Dataset
from medtune.errors import ConfigError
from medtune.plugins import PluginManager, hookimpl
from medtune.training import ALPACA_CHAT_TEMPLATE, Trainer, alpaca_prompt


class Recorder:
    def __init__(self):
        self.calls = []

    @hookimpl
    def medtune_train_begin(self, config, run_dir):
        self.calls.append(("begin", run_dir))

    @hookimpl
    def medtune_log(self, step, logs):
        self.calls.append(("log", step, dict(logs)))

    @hookimpl
    def medtune_checkpoint_saved(self, checkpoint_dir, step):
        self.calls.append(("checkpoint", step, checkpoint_dir))

    @hookimpl
    def medtune_train_end(self, run_dir, metrics):
        self.calls.append(("end", dict(metrics)))


def manager_with(plugin):
    pm = PluginManager(entry_points=False)
    pm.register(plugin, name="recorder")
    return pm


def greedy(model, tok, prompt, n=12):
    import torch

    ids = tok(prompt, return_tensors="pt", add_special_tokens=False)
    with torch.no_grad():
        out = model.generate(**ids, max_new_tokens=n, do_sample=False, pad_token_id=tok.pad_token_id)
    return tok.decode(out[0, ids["input_ids"].shape[1] :], skip_special_tokens=True).strip()


@pytest.mark.slow
def test_tiny_llama_overfits_and_writes_every_output(tmp_path, tiny, facts):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(
        tmp_path,
        **{
            "optim.epochs": 30,
            "optim.batch_size": 8,
            "optim.gradient_accumulation_steps": 1,
            "optim.learning_rate": 1e-2,
            "logging.logging_steps": 5,
            "eval.steps": 10,
            "output.save_merged": True,
        },
    )
    rec = Recorder()
    result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok, plugin_manager=manager_with(rec)).train(
        facts, eval_dataset=facts
    )
    m = result.metrics
    assert m["final_loss"] <= 0.1 * m["first_loss"], m  # loss fell by at least 90 %
    assert m["eval_loss"] < 0.1 and m["steps"] == 30
    model = result.model
    model.eval()
    for question, answer in tiny.FACTS:  # greedy generation reproduces every taught answer, then stops
        assert greedy(model, tok, alpaca_prompt(tiny.INSTRUCTION, question)) == answer

    run = result.run_dir
    assert (result.adapter_dir / "adapter_model.safetensors").is_file()
    assert json.loads((result.adapter_dir / "adapter_config.json").read_text())["r"] == 16
    assert (result.merged_dir / "model.safetensors").is_file()
    # the merged 16-bit model reloads alone, and its saved chat template renders the training prompt
    merged = AutoModelForCausalLM.from_pretrained(result.merged_dir)
    mtok = AutoTokenizer.from_pretrained(result.merged_dir)
    assert str(merged.dtype) == "torch.bfloat16" and mtok.chat_template == ALPACA_CHAT_TEMPLATE
    assert mtok.pad_token != mtok.eos_token
    question, answer = tiny.FACTS[3]
    msgs = [{"role": "system", "content": tiny.INSTRUCTION}, {"role": "user", "content": question}]
    prompt = mtok.apply_chat_template(msgs, tokenize=False, add_generation_prompt=True)
    assert prompt == alpaca_prompt(tiny.INSTRUCTION, question)
    assert greedy(merged.float(), mtok, prompt) == answer

    lines = [json.loads(x) for x in (run / "train_log.jsonl").read_text().splitlines()]
    steps = [x for x in lines if "loss" in x]
    assert [x["step"] for x in steps] == [1, 5, 10, 15, 20, 25, 30]
    assert all(x["tokens_per_second"] > 0 and "learning_rate" in x for x in steps)
    assert [x["step"] for x in lines if "eval_loss" in x] == [10, 20, 30]

    card = (run / "README.md").read_text()
    for fact in (
        "8 training records",
        "8 evaluation records",
        "| LoRA r / alpha / dropout | 16 / 32 / 0.0 |",
        "adamw_torch",
        "wall time (s)",
        "final evaluation loss",
        "not a medical device",
        "truncated: 0",
    ):
        assert fact in card, fact
    facts_json = json.loads((run / "run.json").read_text())
    assert facts_json["data"]["tokenization"]["trained_tokens"] == result.tokenization.trained_tokens > 0
    kinds = [c[0] for c in rec.calls]
    assert kinds[0] == "begin" and kinds[-1] == "end" and kinds.count("log") == len(lines)


_LR = 1e-3


def _one_sgd_step(tmp_path, tiny, outputs, **overrides):
    """Records with these outputs, the tiny tokenizer, and a config of one plain SGD step (constant lr, no decay, no
    clipping), whose update is -lr x the gradient, to compare exactly."""
    records = [
        {"instruction": tiny.INSTRUCTION, "input": tiny.FACTS[i][0], "output": out} for i, out in enumerate(outputs)
    ]
    settings = {
        "optim.optimizer": "sgd",
        "optim.learning_rate": _LR,
        "optim.lr_scheduler": "constant",
        "optim.weight_decay": 0.0,
        "optim.max_grad_norm": 0.0,
        "optim.max_steps": 1,
        "format.max_seq_length": 64,
    }
    cfg = tiny.fast_config(tmp_path, **settings, **overrides)
    return Dataset.from_records(records), tiny.make_tokenizer(tiny.all_texts()), cfg


@pytest.mark.parametrize(("batch", "accumulation", "budget"), [(1, 2, None), (2, 1, 64)])
def test_a_step_takes_the_per_token_mean_of_the_whole_batch(tmp_path, tiny, batch, accumulation, budget):
    """batch 1 x accumulation 2, or one step of 2 cut into micro-batches under a token budget (the fast path), must
    give the gradient of sum(token losses) / all trained tokens."""
    import torch

    from medtune.training.backends import PeftBackend
    from medtune.training.formatting import tokenize_dataset
    from medtune.training.trainer import Collator, StepCollator

    ds, tok, cfg = _one_sgd_step(
        tmp_path,
        tiny,
        ["Penicillin", " ".join(tiny.all_texts()[:24])],
        **{
            "optim.batch_size": batch,
            "optim.gradient_accumulation_steps": accumulation,
            "optim.max_tokens_per_batch": budget,
        },
    )
    hf, report = tokenize_dataset(ds, tok, cfg.format)
    if budget is not None:
        step = StepCollator(Collator(tok.pad_token_id, count_tokens=True), budget)([hf[0], hf[1]])
        assert len(step["micro_batches"]) == 2  # the budget really splits this step
        assert step["medtune_trained_tokens"] == report.trained_tokens
    trained = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(ds).model

    ref = PeftBackend().wrap(tiny.make_model(len(tok)), cfg)  # same seed: same base and same LoRA init
    init = {n: p.detach().clone() for n, p in ref.named_parameters() if p.requires_grad}

    def grads(normalize):
        return tiny.step_gradients(ref, hf, tok.pad_token_id, normalize)

    per_token = grads(lambda labels: report.trained_tokens)
    mean_of_means = grads(lambda labels: 2 * (labels != -100).sum())
    observed = {n: (init[n] - p.detach()) / _LR for n, p in trained.named_parameters() if p.requires_grad}
    flat = lambda g: torch.cat([g[n].flatten() for n in sorted(g)])  # noqa: E731
    assert torch.allclose(flat(observed), flat(per_token), rtol=1e-3, atol=1e-6)
    assert not torch.allclose(flat(observed), flat(mean_of_means), rtol=1e-2, atol=1e-5)  # the test can tell


@pytest.mark.parametrize("denominator", ["epoch_mean", "step"])
def test_token_budget_step_loss_denominator(tmp_path, tiny, denominator):
    """Length-grouped steps differ in size; 'epoch_mean' divides every step's summed loss by the epoch's mean trained
    tokens per step (each token weighs the same), 'step' by the step's own trained tokens."""
    import torch

    from medtune.training.backends import PeftBackend
    from medtune.training.batching import LengthGroupedStepSampler
    from medtune.training.formatting import tokenize_dataset

    long = " ".join(tiny.all_texts()[:24])
    ds, tok, cfg = _one_sgd_step(
        tmp_path,
        tiny,
        ["Penicillin", long, "Aspirin", long],
        **{
            "optim.batch_size": 2,
            "optim.gradient_accumulation_steps": 1,
            "optim.max_tokens_per_batch": 128,
            "optim.loss_denominator": denominator,
            "optim.length_group_pool": 2,  # the two short examples form one step, the two long ones the other
        },
    )
    hf, report = tokenize_dataset(ds, tok, cfg.format)
    sampler = LengthGroupedStepSampler(
        [len(x) for x in hf["input_ids"]], 2, seed=cfg.optim.seed, pool_steps=cfg.optim.length_group_pool
    )
    first = [hf[i] for i in next(iter(sampler))]
    step_tokens = sum(int((torch.tensor(x["labels"][1:]) != -100).sum()) for x in first)
    assert step_tokens != report.trained_tokens / 2  # the first step is not an average one
    trained = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(ds).model

    ref = PeftBackend().wrap(tiny.make_model(len(tok)), cfg)
    init = {n: p.detach().clone() for n, p in ref.named_parameters() if p.requires_grad}
    expected = {
        d: tiny.step_gradients(ref, first, tok.pad_token_id, lambda labels, n=n: n)
        for d, n in (("epoch_mean", report.trained_tokens / 2), ("step", step_tokens))
    }
    observed = {n: (init[n] - p.detach()) / _LR for n, p in trained.named_parameters() if p.requires_grad}
    flat = lambda g: torch.cat([g[n].flatten() for n in sorted(g)])  # noqa: E731
    other = "step" if denominator == "epoch_mean" else "epoch_mean"
    assert torch.allclose(flat(observed), flat(expected[denominator]), rtol=1e-3, atol=1e-6)
    assert not torch.allclose(flat(observed), flat(expected[other]), rtol=1e-2, atol=1e-5)


@pytest.mark.slow
def test_resume_after_a_crash_gives_the_same_final_loss(tmp_path, tiny, facts):
    overrides = {
        "lora.dropout": 0.1,  # dropout RNG must be restored too
        "optim.max_steps": 6,
        "optim.batch_size": 2,
        "optim.gradient_accumulation_steps": 2,
        "checkpointing.save_strategy": "steps",
        "checkpointing.save_steps": 2,
    }
    tok = tiny.make_tokenizer(tiny.all_texts())
    full = Trainer(tiny.fast_config(tmp_path / "a", **overrides), model=tiny.make_model(len(tok)), tokenizer=tok).train(
        facts
    )

    cfg = tiny.fast_config(tmp_path / "b", **overrides)
    rec = Recorder()
    pm = manager_with(rec)
    pm.register(tiny.CrashAt(5), name="crash")
    with pytest.raises(tiny.Crash):
        Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok, plugin_manager=pm).train(facts)
    assert [c[1] for c in rec.calls if c[0] == "checkpoint"] == [2, 4]
    ckpts = cfg.output.dir / "checkpoints"
    half = ckpts / "checkpoint-6"  # a crash while writing the next checkpoint leaves it without a commit marker
    half.mkdir()
    (half / "adapter_model.safetensors").write_bytes(b"partial")

    with pytest.raises(ConfigError, match="already holds checkpoints"):
        Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)

    resumed = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts, resume=True)
    assert resumed.resumed_from == ckpts / "checkpoint-4"
    assert resumed.metrics["final_loss"] == pytest.approx(full.metrics["final_loss"], rel=1e-4)
    lines = [json.loads(x) for x in resumed.log_path.read_text().splitlines()]
    assert [x["step"] for x in lines if "loss" in x] == [1, 2, 3, 4, 5, 6]
    assert "resumed from" in resumed.model_card.read_text()


def test_errors_before_training(tmp_path, tiny, facts):
    tok = tiny.make_tokenizer(tiny.all_texts())
    old = tmp_path / "old"
    (old / "run" / "adapter").mkdir(parents=True)
    (old / "run" / "adapter" / "adapter_model.safetensors").write_bytes(b"old")
    with pytest.raises(ConfigError, match="outputs of an earlier run.*output.overwrite"):
        Trainer(tiny.fast_config(old), model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)
    cfg = tiny.fast_config(old, **{"output.overwrite": True, "optim.max_steps": 1})
    assert Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts).metrics["steps"] == 1
    with pytest.raises(ConfigError, match="both model= and tokenizer="):
        Trainer(tiny.fast_config(tmp_path), model=tiny.make_model(len(tok)))
    with pytest.raises(ConfigError, match="no training data"):
        Trainer(tiny.fast_config(tmp_path), model=tiny.make_model(len(tok)), tokenizer=tok).train()
    cfg = tiny.fast_config(tmp_path, **{"eval.steps": 2})
    with pytest.raises(ConfigError, match="need evaluation data"):
        Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)
    with pytest.raises(ConfigError, match="not a complete medtune checkpoint"):
        Trainer(tiny.fast_config(tmp_path), model=tiny.make_model(len(tok)), tokenizer=tok).train(
            facts, resume=tmp_path / "nope"
        )


def test_padding_free_batches_keep_examples_apart(tiny, facts):
    """A padding-free (or packed) row gives each example the logits it has alone in a padded batch."""
    import torch

    from medtune.training.config import FormatConfig
    from medtune.training.formatting import tokenize_dataset
    from medtune.training.trainer import Collator

    tok = tiny.make_tokenizer(tiny.all_texts())
    tok.pad_token = "<unk>"
    model = tiny.make_model(len(tok)).eval()
    model.config.use_cache = False  # as the Trainer sets it for training
    hf, _ = tokenize_dataset(facts, tok, FormatConfig())
    examples = [hf[i] for i in range(3)]
    padded, flat = Collator(tok.pad_token_id)(examples), Collator(tok.pad_token_id, padding_free=True)(examples)
    lengths = [len(e["input_ids"]) for e in examples]
    assert flat["input_ids"].shape == (1, sum(lengths)) and "attention_mask" not in flat
    assert (flat["labels"][0, [0, lengths[0], lengths[0] + lengths[1]]] == -100).all()
    with torch.no_grad():
        lp, lf = model(**padded).logits, model(**flat).logits
    start = 0
    for i, n in enumerate(lengths):
        assert torch.allclose(lp[i, :n], lf[0, start : start + n], atol=1e-4)
        start += n


@pytest.mark.parametrize("mode", ["packing", "padding_free"])
def test_packed_and_padding_free_training_runs(tmp_path, tiny, facts, mode):
    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(tmp_path, **{f"format.{mode}": True, "optim.max_steps": 2, "format.max_seq_length": 128})
    result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)
    assert result.metrics["steps"] == 2 and 0 < result.metrics["final_loss"] < 10


def test_eval_split_is_evaluated_at_least_once(tmp_path, tiny, facts):
    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(tmp_path, **{"eval.split": 0.25, "optim.max_steps": 1})
    result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)
    assert result.metrics["eval_loss"] > 0 and result.tokenization.examples == 6
    assert "2 evaluation records" in result.model_card.read_text()
    # every card of the run links to the run's files relative to its own folder (issue #17)
    for card in result.model_card.parent.glob("**/README.md"):
        links = re.findall(r"\]\(([^()\s]+)\)", card.read_text())
        assert "run.json" in {Path(t).name for t in links}
        assert [t for t in links if "://" not in t and not (card.parent / t).exists()] == [], card


@pytest.mark.slow
def test_one_real_lora_step_on_smollm2_through_the_embedded_default(tmp_path, smollm2_dir, medtune_cache, monkeypatch):
    """The default TrainConfig (no model.path given) resolves the embedded SmolLM2 and takes real LoRA steps."""
    from medtune import sample_path
    from medtune.training import TrainConfig

    monkeypatch.setenv("MEDTUNE_CACHE", str(medtune_cache))  # where smollm2_dir converted it
    cfg = TrainConfig().with_overrides(
        {
            "optim.max_steps": 2,
            "optim.batch_size": 2,
            "optim.gradient_accumulation_steps": 1,
            "format.max_seq_length": 128,
            "logging.logging_steps": 1,
            "logging.progress_bar": False,
            "checkpointing.save_strategy": "no",
            "output.dir": str(tmp_path / "run"),
            "output.save_merged": False,
        }
    )
    assert cfg.model.path == "SmolLM2-135M-Instruct"
    data = Dataset.load(sample_path("medical")).select(range(4))
    result = Trainer(cfg).train(data)
    assert result.backend == "peft" and result.metrics["steps"] == 2
    assert 0.5 < result.metrics["first_loss"] < 6.0  # a real pretrained LM, not a random one (ln(49152) = 10.8)
    adapter = result.adapter_dir
    assert adapter is not None and (adapter / "adapter_model.safetensors").is_file()
    assert json.loads((adapter / "adapter_config.json").read_text())["r"] == 16


def test_one_process_trains_on_one_gpu_not_data_parallel(monkeypatch, caplog):
    """Several visible GPUs without torchrun: transformers would wrap the model in DataParallel; medtune uses one."""
    from types import SimpleNamespace

    from medtune.training.trainer import _one_gpu_per_process

    monkeypatch.delenv("WORLD_SIZE", raising=False)
    args = SimpleNamespace(n_gpu=2, _n_gpu=2)
    with caplog.at_level("WARNING", logger="medtune.training"):
        assert _one_gpu_per_process(args)._n_gpu == 1
    assert "torchrun --nproc_per_node 2" in caplog.text
    monkeypatch.setenv("WORLD_SIZE", "2")  # under a launcher each process already has one GPU
    assert _one_gpu_per_process(SimpleNamespace(n_gpu=2, _n_gpu=2))._n_gpu == 2


class _Backend:
    def __init__(self, fast, kernel="a varlen kernel"):
        self.varlen = (fast, kernel)
        self.name = ""  # set by the test


@pytest.mark.parametrize(
    ("settings", "backend", "name", "cuda", "enabled", "why"),
    [
        ({}, _Backend(True), "unsloth", True, True, "auto: the unsloth backend runs padding-free rows on a varlen"),
        ({}, _Backend(False, "per-segment"), "unsloth", True, False, "per-segment, slower than padding"),
        ({}, _Backend(True), "peft", True, False, "on the peft backend"),
        ({}, _Backend(True), "unsloth", False, False, "on the unsloth backend"),
        ({"optim.max_tokens_per_batch": None}, _Backend(True), "unsloth", True, False, "fixed micro-batches"),
        ({"format.padding_free": False}, _Backend(True), "unsloth", True, False, "set in the config"),
        ({"format.padding_free": True}, _Backend(False), "peft", False, True, "set in the config"),
        ({"format.packing": True, "optim.max_tokens_per_batch": None}, _Backend(False), "peft", False, True, "packing"),
    ],
)
def test_padding_free_auto_is_on_only_where_a_varlen_kernel_runs_it(
    monkeypatch, settings, backend, name, cuda, enabled, why
):
    from medtune.training import TrainConfig, trainer

    monkeypatch.setattr(trainer, "_cuda", lambda: cuda)
    cfg = TrainConfig().with_overrides({"optim.max_tokens_per_batch": "auto", **settings})
    assert cfg.format.padding_free == settings.get("format.padding_free", "auto")
    backend.name = name
    on, reason = trainer._decide_padding_free(cfg, backend)
    assert on is enabled and why in reason


def test_run_facts_and_card_record_the_resolved_padding_free_setting(tmp_path, tiny, facts):
    tok = tiny.make_tokenizer(tiny.all_texts())
    cfg = tiny.fast_config(tmp_path, **{"optim.max_steps": 1})
    result = Trainer(cfg, model=tiny.make_model(len(tok)), tokenizer=tok).train(facts)
    run = json.loads((result.run_dir / "run.json").read_text())
    assert run["padding_free"]["enabled"] is False and run["padding_free"]["reason"].startswith("auto")
    assert "| packing / padding-free | False / False |" in result.model_card.read_text()


def test_padding_free_lengths_reach_the_model_as_a_host_tensor(tmp_path, tiny, monkeypatch):
    """For Unsloth, a padding-free row's example lengths travel on the host, so it need not read them from the GPU."""
    import torch
    import transformers

    from medtune.training.trainer import Collator, StepCollator, _hf_trainer_class

    examples = [
        {"input_ids": [5, 6, 7], "labels": [-100, 6, 7]},
        {"input_ids": [8, 9, 10, 11, 12], "labels": [-100, 9, 10, 11, 12], "seq_lengths": [2, 3]},  # a packed row
    ]
    assert "medtune_seq_lengths" not in Collator(0, padding_free=True)(examples)
    collator = Collator(0, padding_free=True, host_lengths=True)
    batch = collator(examples)
    assert batch["medtune_seq_lengths"] == [3, 2, 3]
    assert batch["position_ids"].tolist() == [[0, 1, 2, 0, 1, 0, 1, 2]]
    counting = collator.counting()  # what the training data loader uses: the same settings, counting tokens
    assert (counting.count_tokens, collator.count_tokens) == (True, False)
    assert {k: v for k, v in vars(counting).items() if k != "count_tokens"} == {
        k: v for k, v in vars(collator).items() if k != "count_tokens"
    }
    step = StepCollator(counting, budget=8)(examples)
    (micro,) = step["micro_batches"]  # the step's examples, longest first, in one row
    starts = [i for i, pos in enumerate(micro["position_ids"][0].tolist()) if pos == 0] + [8]
    assert micro["medtune_seq_lengths"] == [b - a for a, b in itertools.pairwise(starts)] == [2, 3, 3]

    args = transformers.TrainingArguments(output_dir=str(tmp_path), use_cpu=True, report_to=[])
    trainer = _hf_trainer_class(transformers)(model=tiny.make_model(20), args=args, data_collator=collator)
    moved = []  # stands in for the copy to the GPU that transformers makes of every tensor of a batch
    monkeypatch.setattr(transformers.Trainer, "_prepare_input", lambda self, data: moved.extend(data) or data)
    inputs = trainer._prepare_inputs(dict(batch))
    assert "medtune_seq_lengths" not in inputs
    lengths = inputs["packed_seq_lengths"]
    assert lengths.dtype == torch.int32 and lengths.tolist() == [3, 2, 3]
    assert "input_ids" in moved and not {"packed_seq_lengths", "medtune_seq_lengths"} & set(moved)
