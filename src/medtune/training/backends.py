"""Training backends: ``peft`` (transformers + PEFT, any device) and ``unsloth`` (CUDA).

Both produce a PEFT ``PeftModel`` and a tokenizer; the same TRL ``SFTTrainer`` loop trains either, so the rest of
medtune does not care which one ran. ``auto`` picks unsloth when a CUDA device and the unsloth package are
present, otherwise peft, and logs the choice and the reason.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from medtune._extras import require
from medtune.errors import ConfigError

if TYPE_CHECKING:
    from medtune.training.config import TrainConfig

__all__ = [
    "BackendChoice",
    "PeftBackend",
    "UnslothBackend",
    "get_backend",
    "has_module",
    "model_path",
    "resolve_dtype",
    "resolve_optimizer",
    "select_backend",
]

logger = logging.getLogger("medtune.training")

_FEATURE = "LoRA training"


@dataclass(frozen=True)
class BackendChoice:
    """Which backend runs, and why (logged and written to the model card)."""

    name: str
    reason: str


def _cuda_available() -> bool:
    torch = require("torch", "train", _FEATURE)
    return bool(torch.cuda.is_available())


def has_module(module: str) -> bool:
    """Whether ``module`` is imported already or can be imported (without importing it)."""
    return _has(module)


def _has(module: str) -> bool:
    # The implementation keeps its old name, which tests patch to fake a missing package: has_module looks it up at
    # call time, so the patch reaches its callers too (a plain alias would not).
    return module in sys.modules or importlib.util.find_spec(module) is not None


def distributed_device_map() -> dict[str, int] | None:
    """``{"": LOCAL_RANK}`` when this process is one of several CUDA processes (torchrun / accelerate launch).

    Each DDP process must load its copy of the model onto its own GPU; loaders that place the model themselves
    (Unsloth, bitsandbytes 4-bit) would otherwise put every copy on GPU 0. ``None`` for one process or no CUDA.
    """
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1 or not _cuda_available():
        return None
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    require("torch", "train", _FEATURE).cuda.set_device(local_rank)
    return {"": local_rank}


def select_backend(requested: str) -> BackendChoice:
    """Resolve ``model.backend`` (``auto | unsloth | peft``) to a concrete backend.

    Raises:
        ConfigError: ``unsloth`` was requested but CUDA or the unsloth package is missing.
    """
    cuda = _cuda_available()
    unsloth = _has("unsloth")
    if requested == "peft":
        choice = BackendChoice("peft", "requested in the config (model.backend: peft)")
    elif requested == "unsloth":
        if not cuda:
            raise ConfigError(
                "model.backend is 'unsloth' but no CUDA device is visible; unsloth trains on NVIDIA GPUs only. "
                "Fix: set model.backend: peft (or auto) on this machine."
            )
        if not unsloth:
            raise ConfigError(
                "model.backend is 'unsloth' but the unsloth package is not installed. "
                'Fix: pip install "medtune[gpu]", or set model.backend: peft.'
            )
        choice = BackendChoice("unsloth", "requested in the config (model.backend: unsloth)")
    elif cuda and unsloth:
        choice = BackendChoice("unsloth", "auto: a CUDA device and the unsloth package are present")
    elif cuda:
        choice = BackendChoice(
            "peft", 'auto: CUDA is present but unsloth is not installed (pip install "medtune[gpu]")'
        )
    else:
        choice = BackendChoice("peft", "auto: no CUDA device, so unsloth cannot run")
    logger.info("training backend: %s (%s)", choice.name, choice.reason)
    return choice


def resolve_dtype(name: str) -> Any:
    """``model.dtype`` as a torch dtype on the training device (CUDA when present), by the one dtype rule."""
    from medtune.models.dtype import resolve_dtype as dtype_for

    return dtype_for(name, "cuda" if _cuda_available() else "cpu")


def resolve_optimizer(name: str) -> tuple[str, str | None]:
    """The optimizer that will actually run, and a warning when it differs from the requested one.

    8-bit AdamW needs CUDA and bitsandbytes; without them the recipe's ``adamw_8bit`` falls back to
    ``adamw_torch`` (same update rule, 32-bit state).
    """
    if name in ("adamw_8bit", "paged_adamw_8bit"):
        if not _cuda_available():
            return "adamw_torch", f"optim.optimizer '{name}' needs a CUDA device; using adamw_torch on this machine"
        if not _has("bitsandbytes"):
            return "adamw_torch", (
                f"optim.optimizer '{name}' needs bitsandbytes (pip install \"medtune[gpu]\"); using adamw_torch"
            )
    if name == "adamw_torch_fused" and not _cuda_available():
        return "adamw_torch", "optim.optimizer 'adamw_torch_fused' needs CUDA; using adamw_torch"
    return name, None


class PeftBackend:
    """transformers + PEFT: runs anywhere torch runs (CPU, CUDA, MPS)."""

    name = "peft"
    #: transformers' attention takes a padding-free row through a block-diagonal mask (no varlen kernel).
    varlen: tuple[bool, str] = (False, "transformers' masked attention (no varlen kernel)")

    def load(self, config: TrainConfig) -> tuple[Any, Any]:
        """Load the base model and tokenizer from ``config.model.path``.

        Raises:
            ConfigError: No model path, or 4-bit loading without CUDA/bitsandbytes.
        """
        transformers = require("transformers", "train", _FEATURE)
        path = model_path(config)
        tokenizer = transformers.AutoTokenizer.from_pretrained(path, trust_remote_code=config.model.trust_remote_code)
        kwargs: dict[str, Any] = {"dtype": resolve_dtype(config.model.dtype)}
        if config.model.load_in_4bit:
            kwargs["quantization_config"] = _bnb_config(config)
            device_map = distributed_device_map()
            if device_map is not None:
                kwargs["device_map"] = device_map
        model = transformers.AutoModelForCausalLM.from_pretrained(
            path, trust_remote_code=config.model.trust_remote_code, **kwargs
        )
        return model, tokenizer

    def wrap(self, model: Any, config: TrainConfig) -> Any:
        """Add LoRA adapters (seeded, so the adapter init is reproducible)."""
        peft = require("peft", "train", _FEATURE)
        transformers = require("transformers", "train", _FEATURE)
        transformers.set_seed(config.optim.seed)
        if config.model.load_in_4bit:
            model = peft.prepare_model_for_kbit_training(
                model, use_gradient_checkpointing=bool(config.model.gradient_checkpointing)
            )
        lora = peft.LoraConfig(**_lora_kwargs(config), task_type="CAUSAL_LM")
        _check_targets(model, config)
        return peft.get_peft_model(model, lora)


class UnslothBackend:
    """Unsloth's ``FastLanguageModel`` on CUDA, with ``use_gradient_checkpointing="unsloth"``.

    unsloth patches transformers when it is imported, so it must be imported first; :meth:`load` warns when
    transformers was already imported in this process.
    """

    name = "unsloth"
    #: Whether padding-free rows run on a varlen attention kernel, and which (set by :meth:`load`).
    varlen: tuple[bool, str] = (False, "unknown until a model is loaded")

    def _unsloth(self) -> Any:
        if "transformers" in sys.modules and "unsloth" not in sys.modules:
            logger.warning(
                "transformers was imported before unsloth; unsloth's patches may be incomplete. "
                "Import unsloth first (the medtune CLI does this for you)."
            )
        require("unsloth", "gpu", "the unsloth training backend")
        return sys.modules["unsloth"]

    def load(self, config: TrainConfig) -> tuple[Any, Any]:
        """Load with ``FastLanguageModel.from_pretrained`` (4-bit when ``model.load_in_4bit``)."""
        unsloth = self._unsloth()
        transformers = require("transformers", "train", _FEATURE)
        path = model_path(config)
        dtype = None if config.model.dtype == "auto" else resolve_dtype(config.model.dtype)
        max_len = config.format.max_seq_length
        limit = getattr(
            transformers.AutoConfig.from_pretrained(path, trust_remote_code=config.model.trust_remote_code),
            "max_position_embeddings",
            None,
        )
        if limit is not None and max_len > limit:
            # unsloth would silently add RoPE scaling to reach max_seq_length, which changes the model
            logger.warning(
                "format.max_seq_length=%d is over the model's %d positions: loading without RoPE scaling; "
                "lower format.max_seq_length to keep examples within the model's range",
                max_len,
                limit,
            )
            max_len = limit
        device_map = distributed_device_map()  # under DDP each process on its own GPU, not all on GPU 0
        placement = {} if device_map is None else {"device_map": device_map}
        model, tokenizer = unsloth.FastLanguageModel.from_pretrained(
            model_name=path,
            max_seq_length=max_len,
            dtype=dtype,
            load_in_4bit=config.model.load_in_4bit,
            trust_remote_code=config.model.trust_remote_code,
            **placement,
        )
        from medtune.training.varlen import install_unsloth_varlen

        self.varlen = install_unsloth_varlen()
        logger.info("padding-free rows (format.padding_free) run on %s", self.varlen[1])
        return model, tokenizer

    def wrap(self, model: Any, config: TrainConfig) -> Any:
        """Add LoRA adapters with ``FastLanguageModel.get_peft_model``."""
        unsloth = self._unsloth()
        checkpointing = config.model.gradient_checkpointing
        _check_targets(model, config)
        return unsloth.FastLanguageModel.get_peft_model(
            model,
            **_lora_kwargs(config),
            use_gradient_checkpointing="unsloth" if checkpointing in (None, True) else False,
            random_state=config.optim.seed,
            max_seq_length=config.format.max_seq_length,
        )


def _lora_kwargs(config: TrainConfig) -> dict[str, Any]:
    """The LoRA settings as the keyword arguments both peft's LoraConfig and unsloth's get_peft_model take."""
    return {
        "r": config.lora.r,
        "lora_alpha": config.lora.alpha,
        "lora_dropout": config.lora.dropout,
        "target_modules": list(config.lora.target_modules),
        "bias": config.lora.bias,
        "use_dora": config.lora.use_dora,
        "use_rslora": config.lora.use_rslora,
    }


def get_backend(name: str) -> PeftBackend | UnslothBackend:
    """The backend object for a resolved backend name."""
    return UnslothBackend() if name == "unsloth" else PeftBackend()


def model_path(config: TrainConfig) -> str:
    """``model.path`` resolved by :func:`medtune.models.embedded.model_source` (local, cached, embedded, Hub)."""
    from medtune.models.embedded import model_source

    return model_source(config.model.path)


_model_path = model_path  # the name before it was public


def _bnb_config(config: TrainConfig) -> Any:
    if not _cuda_available():
        raise ConfigError(
            "model.load_in_4bit (QLoRA) needs a CUDA device; bitsandbytes 4-bit kernels do not run on CPU. "
            "Fix: set model.load_in_4bit: false on this machine."
        )
    if not _has("bitsandbytes"):
        raise ConfigError('model.load_in_4bit needs bitsandbytes. Fix: pip install "medtune[gpu]".')
    transformers = require("transformers", "train", _FEATURE)
    return transformers.BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=resolve_dtype(config.model.dtype),
    )


def _check_targets(model: Any, config: TrainConfig) -> None:
    names = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()}
    missing = [m for m in config.lora.target_modules if m not in names]
    if missing:
        linear = sorted(n for n in names if n.endswith("proj") or n in ("c_attn", "c_proj", "fc1", "fc2"))
        raise ConfigError(
            f"lora.target_modules {missing} are not modules of this model ({type(model).__name__}). "
            f"Fix: choose among {linear or sorted(names)[:20]}."
        )
