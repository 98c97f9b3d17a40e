"""``export_gguf`` and ``export_ollama``: convert, write, reload, check, report.

Each export writes its files and ``export_report.json`` into one folder. With ``verify`` (the default) every GGUF
is loaded back with transformers and compared with the source model on the given prompts (logits for f16, greedy
continuations for quantized files), and the Modelfile's template is rendered against the tokenizer's chat template.
A check that misses its target is reported and makes :attr:`ExportReport.passed` false; the CLI then exits 1.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medtune.data.records import Conversation, InstructionRecord
from medtune.errors import ConfigError
from medtune.export.gguf_file import GGUF_TYPES, GGUFFile, write_gguf
from medtune.export.ollama import modelfile_text, ollama_template
from medtune.export.source import find_export_source, load_export_model
from medtune.export.verify import (
    F16_MAX_ABS_LOGIT_DIFF,
    Q8_MIN_GREEDY_MATCH,
    compare_greedy,
    compare_logits,
    load_gguf_model,
)
from medtune.io import atomic_write_text, check_outputs
from medtune.models.prompts import build_prompt, prompt_ids

__all__ = ["ExportReport", "export_gguf", "export_ollama"]

logger = logging.getLogger("medtune.export")

Prompt = InstructionRecord | Conversation


@dataclass
class ExportReport:
    """What an export wrote and how its checks went (``export_report.json``).

    Attributes:
        out_dir: The folder written.
        source: What was exported (merged model, or adapter merged in memory).
        files: Each GGUF written.
        checks: Per file name, the reload checks; ``"Modelfile"`` holds the template check.
        modelfile: The Modelfile path, for an Ollama export.
        failures: Checks that missed their target, one line each.
    """

    out_dir: Path
    source: str
    files: list[GGUFFile] = field(default_factory=list)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    modelfile: Path | None = None
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """Every check met its target (or none was run)."""
        return not self.failures

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready fields."""
        return {
            "source": self.source,
            "files": [f.as_dict() for f in self.files],
            "checks": self.checks,
            "modelfile": None if self.modelfile is None else str(self.modelfile),
            "passed": self.passed,
            "failures": self.failures,
            "targets": {"f16_max_abs_logit_diff": F16_MAX_ABS_LOGIT_DIFF, "q8_0_greedy_match": Q8_MIN_GREEDY_MATCH},
        }

    def write(self) -> Path:
        """Write ``export_report.json`` into :attr:`out_dir`."""
        return atomic_write_text(self.out_dir / "export_report.json", json.dumps(self.as_dict(), indent=2) + "\n")


def _check_types(types: Sequence[str]) -> list[str]:
    unknown = [t for t in types if t not in GGUF_TYPES]
    if unknown or not types:
        raise ConfigError(
            f"unknown GGUF type(s) {unknown or list(types)}. Fix: choose from {', '.join(GGUF_TYPES)} (e.g. "
            "--type f16,q8_0)."
        )
    return list(dict.fromkeys(types))


def _prompt_ids(tokenizer: Any, prompts: Sequence[Prompt]) -> list[list[int]]:
    chat = bool(getattr(tokenizer, "chat_template", None))
    return [prompt_ids(tokenizer, build_prompt(p, tokenizer), chat) for p in prompts]


def _verify_file(
    written: GGUFFile, model: Any, tokenizer: Any, ids: list[list[int]], max_new_tokens: int
) -> tuple[dict[str, Any], list[str]]:
    exported, seconds = load_gguf_model(written.path)
    checks: dict[str, Any] = {"load_seconds": round(seconds, 2)}
    failures = []
    checks["logits"] = compare_logits(model, exported, ids[:8])
    if written.gguf_type == "f16" and checks["logits"]["max_abs_logit_diff"] > F16_MAX_ABS_LOGIT_DIFF:
        failures.append(
            f"{written.path.name}: max logit difference {checks['logits']['max_abs_logit_diff']} > "
            f"{F16_MAX_ABS_LOGIT_DIFF}"
        )
    if written.gguf_type != "f16":
        checks["greedy"] = compare_greedy(model, exported, tokenizer, ids, max_new_tokens)
        rate = checks["greedy"]["greedy_match_or_near_tie"]
        if written.gguf_type == "q8_0" and rate < Q8_MIN_GREEDY_MATCH:
            failures.append(
                f"{written.path.name}: greedy continuations agree (up to near-ties) on {rate:.0%} of the prompts, "
                f"under {Q8_MIN_GREEDY_MATCH:.0%}"
            )
    del exported
    return checks, failures


def _prepare(source: str | Path, out_dir: str | Path) -> tuple[ExportReport, Any, Any]:
    out = Path(out_dir)
    check_outputs({"-o": out}, directories=frozenset({"-o"}))
    found = find_export_source(source)
    described = found.describe() + (" (merged into its base in memory)" if found.kind == "adapter" else "")
    logger.info("exporting %s", described)
    model, tokenizer = load_export_model(found)
    out.mkdir(parents=True, exist_ok=True)
    return ExportReport(out_dir=out, source=described), model, tokenizer


def _export_files(
    report: ExportReport,
    model: Any,
    tokenizer: Any,
    types: Sequence[str],
    *,
    name: str,
    prompts: Sequence[Prompt] | None,
    verify: bool,
    max_new_tokens: int,
) -> None:
    ids = _prompt_ids(tokenizer, prompts) if verify and prompts else []
    for gguf_type in types:
        written = write_gguf(model, tokenizer, report.out_dir / f"{name}-{gguf_type}.gguf", gguf_type, name=name)
        report.files.append(written)
        logger.info("wrote %s (%.1f MB)", written.path, written.size_bytes / 1e6)
        if ids:
            checks, failures = _verify_file(written, model, tokenizer, ids, max_new_tokens)
            report.checks[written.path.name] = checks
            report.failures += failures


def export_gguf(
    source: str | Path,
    out_dir: str | Path,
    types: Sequence[str] = ("f16", "q8_0"),
    *,
    prompts: Sequence[Prompt] | None = None,
    verify: bool = True,
    name: str = "model",
    max_new_tokens: int = 32,
) -> ExportReport:
    """Export a trained model to GGUF files (``NAME-f16.gguf``, ``NAME-q8_0.gguf``, ``NAME-q4_0.gguf``).

    Args:
        source: A ``medtune run`` folder, a ``medtune train`` output, a model or adapter folder, or ``embedded``.
        out_dir: The folder to write (created if missing).
        types: GGUF types to write (:data:`~medtune.export.gguf_file.GGUF_TYPES`).
        prompts: Records whose prompts the reload checks use (e.g. 50 test questions); none: no model check.
        verify: Run the reload checks.
        name: File stem and ``general.name``.
        max_new_tokens: Length of the greedy continuations compared.

    Returns:
        The report (also written to ``OUT_DIR/export_report.json``).

    Raises:
        ConfigError: Bad types or output folder, an unreadable source, or a model/tokenizer GGUF cannot hold.
    """
    types = _check_types(types)
    report, model, tokenizer = _prepare(source, out_dir)
    _export_files(
        report, model, tokenizer, types, name=name, prompts=prompts, verify=verify, max_new_tokens=max_new_tokens
    )
    report.write()
    return report


def export_ollama(
    source: str | Path,
    out_dir: str | Path,
    gguf_type: str = "q8_0",
    *,
    system_prompt: str | None = None,
    prompts: Sequence[Prompt] | None = None,
    verify: bool = True,
    name: str = "model",
    max_new_tokens: int = 32,
) -> ExportReport:
    """Export a trained model for Ollama: one GGUF and a ``Modelfile`` with its real chat template and stops.

    The template is checked against the tokenizer's chat template before anything is written; ``ollama create
    NAME -f OUT_DIR/Modelfile`` then builds the model. Arguments as :func:`export_gguf`, plus:

    Args:
        source: As :func:`export_gguf`.
        out_dir: As :func:`export_gguf`.
        gguf_type: The one GGUF type to write.
        system_prompt: The ``SYSTEM`` line (``medtune export`` passes the preset's serving system prompt).
        prompts: As :func:`export_gguf`.
        verify: As :func:`export_gguf`.
        name: As :func:`export_gguf`.
        max_new_tokens: As :func:`export_gguf`.

    Raises:
        ConfigError: As :func:`export_gguf`, or no known chat format matches the tokenizer's template.
    """
    types = _check_types([gguf_type])
    report, model, tokenizer = _prepare(source, out_dir)
    template, comparison = ollama_template(tokenizer)
    _export_files(
        report, model, tokenizer, types, name=name, prompts=prompts, verify=verify, max_new_tokens=max_new_tokens
    )
    text = modelfile_text(report.files[0].path.name, template, system_prompt=system_prompt)
    report.modelfile = atomic_write_text(report.out_dir / "Modelfile", text)
    report.checks["Modelfile"] = {
        "family": template.family,
        "stops": list(template.stops),
        "probes": len(comparison),
        "same_as_chat_template": sum(c["same"] for c in comparison),
    }
    report.write()
    return report
