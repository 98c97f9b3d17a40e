"""The model card (``README.md``) of a run, written from the facts the run recorded, never from placeholders."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["GENERIC_CARD_PROFILE", "CardProfile", "link", "render_model_card", "resolve_card_profile"]


@dataclass(frozen=True)
class CardProfile:
    """A domain's text for model cards, registered through the ``medtune_card_profiles`` hook.

    Attributes:
        name: The name ``output.card_profile`` selects (e.g. ``medical``).
        tags: Hub tags added after ``medtune``, ``lora`` and ``fine-tuned``.
        intended_use: The "Intended use" paragraph.
        limitations: The limitations, as Markdown (a bullet list).
        description: One line for listings.
    """

    name: str
    tags: tuple[str, ...]
    intended_use: str
    limitations: str
    description: str = ""


#: The profile of a card when no domain profile applies: nothing domain-specific.
GENERIC_CARD_PROFILE = CardProfile(
    name="generic",
    tags=(),
    intended_use="Intended for research on domain adaptation of small language models and for prototypes whose "
    "answers are reviewed by people who know the domain.",
    limitations="""\
- It can state wrong facts fluently and reproduce errors or biases present in its base model and its training
  data. The evaluation in this card (if any) covers held-out data from the same sources and the few sets from other
  sources it names, small samples each: no evidence of quality on other questions.
- Small models (around 1B parameters or fewer) have limited knowledge; treat every answer as a draft.""",
    description="domain-neutral text",
)


def resolve_card_profile(name: str | None) -> CardProfile:
    """The card profile called ``name``.

    With ``None``: the active preset's profile (see :mod:`medtune.plugins.presets`); for a preset that names none,
    the only registered profile that no preset claims, else the generic one.

    Raises:
        ConfigError: ``name`` is not registered (the message lists the registered profiles).
    """
    from medtune.errors import ConfigError
    from medtune.plugins import get_plugin_manager
    from medtune.plugins.presets import active_preset, claimed_by_presets

    registry = get_plugin_manager().registry("card_profile")
    names = sorted(registry.names())
    if name is None:
        name = active_preset().card_profile
    if name is None:  # a profile no preset claims, when it is the only one
        unclaimed = [n for n in names if n not in claimed_by_presets("card_profile")]
        return registry.get(unclaimed[0]) if len(unclaimed) == 1 else GENERIC_CARD_PROFILE
    if name == GENERIC_CARD_PROFILE.name:
        return GENERIC_CARD_PROFILE
    if name not in names:
        raise ConfigError(
            f"output.card_profile: unknown card profile {name!r}. Fix: use one of {[*names, 'generic']} "
            "(plugins register profiles with the medtune_card_profiles hook)."
        )
    return registry.get(name)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def _table(rows: Mapping[str, Any], header: str = "setting") -> list[str]:
    lines = [f"| {header} | value |", "| --- | --- |"]
    lines += [f"| {key} | {_fmt(value)} |" for key, value in rows.items() if value is not None]
    return lines


def _cleaning(report: Any) -> list[str]:
    """A cleaning report (``PipelineReport.to_dict()``) as a summary line and a per-cleaner table."""
    if not isinstance(report, Mapping) or "stages" not in report:
        return ["```", str(report), "```"]
    lines = [
        f"{report.get('records_in')} records in, {report.get('kept')} kept, {report.get('rejected')} rejected.",
        "",
        "| cleaner | in | changed | dropped | out |",
        "| --- | --- | --- | --- | --- |",
    ]
    for s in report["stages"]:
        lines.append(
            f"| {s.get('name')} | {s.get('records_in')} | {s.get('changed')} | {s.get('dropped')} | "
            f"{s.get('records_out')} |"
        )
    return lines


def _sources(mix: Any) -> list[str]:
    """A data recipe's mix (``medtune run``'s ``split/mix.json``): one row per source, counts and token shares."""
    if not isinstance(mix, Mapping) or not isinstance(mix.get("sources"), Mapping):
        return ["```", str(mix), "```"]
    lines = [
        f"The training split mixes {len(mix['sources'])} sources by their share of the training tokens "
        f"(counted as {mix.get('tokens_counted', 'tokens')}; {mix.get('tokens')} in all). "
        "Repeats are extra copies of the records of a source too small for its share.",
        "",
        "| source | loaded | dropped by cleaning | train | repeats | validation | test | token share | weight |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, s in mix["sources"].items():
        lines.append(
            f"| {name} | {s.get('loaded', '?')} | {s.get('dropped', '?')} | {s.get('train')} | {s.get('repeats')} | "
            f"{s.get('validation')} | {s.get('test')} | {_percent(s.get('share'))} | {_percent(s.get('weight'))} |"
        )
    return lines


def _percent(value: Any) -> str:
    return f"{value:.1%}" if isinstance(value, (int, float)) else "?"


def link(path: str, run_dir: str = "") -> str:
    """The link, from a card's folder, to ``path`` given relative to the run directory (an absolute path stays).

    Args:
        path: A file or folder (``adapter/``) of the run, relative to the run directory.
        run_dir: The run directory as seen from the card's folder: ``""`` for a card in it, ``".."`` for one in
            ``adapter/``, ``"../train"`` for ``medtune run``'s ``card/``.

    Example:
        >>> link("adapter/", ".."), link("../eval/report.html", "../train"), link("run.json")
        ('../adapter/', '../eval/report.html', 'run.json')
    """
    if posixpath.isabs(path) or not run_dir:
        return path
    target = posixpath.normpath(posixpath.join(run_dir, path))
    return target + "/" if path.endswith("/") and not target.endswith("/") else target


def render_model_card(facts: Mapping[str, Any], *, run_dir: str = "") -> str:
    """Render the model card from a run's facts (the dict the trainer writes to ``run.json``).

    Args:
        facts: Keys ``base_model``, ``backend``, ``config`` (``TrainConfig.model_dump``), ``data`` (record
            counts, tokenization report, optional load/cleaning report), ``metrics``, ``hardware``,
            ``versions``, ``wall_time_s``, ``started``, ``outputs`` (the run directory's entries), and optionally
            ``evaluation`` (``summary``: a Markdown table, ``description`` and ``report``: the report's path,
            relative to the run directory), and ``card_profile`` (the domain text: see :func:`resolve_card_profile`).
        run_dir: The run directory as seen from the folder the card is written to (see :func:`link`): the card's
            links to the report and the run's files are relative to its own folder.

    Returns:
        Markdown with a YAML front matter block.
    """
    from medtune.errors import ConfigError

    try:
        profile = resolve_card_profile(facts.get("card_profile"))
    except ConfigError:  # the run named a profile whose plugin is no longer installed
        profile = GENERIC_CARD_PROFILE
    cfg = facts.get("config", {})
    lora, optim, fmt = cfg.get("lora", {}), cfg.get("optim", {}), cfg.get("format", {})
    dpo = cfg.get("dpo") if cfg.get("method") == "dpo" else None
    data = facts.get("data", {})
    metrics = facts.get("metrics", {})
    hardware = facts.get("hardware", {})
    base = facts.get("base_model") or "unknown (an in-memory model)"
    front = [
        "---",
        "library_name: peft",
        f"base_model: {base}" if facts.get("base_model") else "",
        f"tags: [{', '.join(('medtune', 'lora', *(('dpo',) if dpo else ()), *profile.tags, 'fine-tuned'))}]",
        "---",
    ]
    out = [line for line in front if line]
    out += [
        "",
        f"# {facts.get('name', 'medtune fine-tune')}",
        "",
        f"A LoRA {'preference tune (DPO) ' if dpo else 'fine-tune '}of **{base}** made with "
        "[medtune](https://github.com/medtune/medtune), "
        f"backend `{facts.get('backend', '?')}` ({facts.get('backend_reason', '')}).",
        "",
        "## Training data",
        "",
    ]
    tok = data.get("tokenization", {})
    out.append(
        f"- {data.get('train_records', '?')} training records"
        + (f", {data['eval_records']} evaluation records" if data.get("eval_records") else "")
        + (f" (from `{data['source']}`)" if data.get("source") else "")
    )
    if tok:
        out.append(
            f"- {tok.get('kept')} examples trained, {tok.get('total_tokens')} tokens of which "
            f"{tok.get('trained_tokens')} carry the loss (loss on {tok.get('train_on')}, template "
            f"`{tok.get('template')}`, max length {tok.get('max_seq_length')})"
        )
        out.append(f"- truncated: {tok.get('truncated', 0)}; rejected: {tok.get('rejected', 0)}")
    load = data.get("load_report") or {}
    if load.get("skipped") or load.get("notes"):
        for reason, n in (load.get("skipped") or {}).items():
            out.append(f"- skipped while loading: {n} ({reason})")
        for note in load.get("notes") or []:
            out.append(f"- note: {note}")
    if data.get("mix"):
        out += ["", "### Sources", "", *_sources(data["mix"])]
    if data.get("cleaning_report"):
        out += ["", "### Cleaning", "", *_cleaning(data["cleaning_report"])]
    out += ["", "## Hyperparameters", ""]
    out += _table(
        {
            "LoRA r / alpha / dropout": f"{lora.get('r')} / {lora.get('alpha')} / {lora.get('dropout')}",
            "LoRA target modules": ", ".join(lora.get("target_modules", [])),
            "DoRA / rsLoRA": f"{lora.get('use_dora')} / {lora.get('use_rslora')}",
            "4-bit base (QLoRA)": cfg.get("model", {}).get("load_in_4bit"),
            "optimizer": facts.get("optimizer", optim.get("optimizer")),
            "learning rate / schedule": f"{optim.get('learning_rate')} / {optim.get('lr_scheduler')}",
            "warmup ratio / weight decay": f"{optim.get('warmup_ratio')} / {optim.get('weight_decay')}",
            "batch size x accumulation": f"{optim.get('batch_size')} x {optim.get('gradient_accumulation_steps')}",
            "epochs / max steps": f"{optim.get('epochs')} / {optim.get('max_steps')}",
            "max grad norm / seed": f"{optim.get('max_grad_norm')} / {optim.get('seed')}",
            "max sequence length": fmt.get("max_seq_length"),
            "packing / padding-free": f"{fmt.get('packing')} / "
            f"{facts.get('padding_free', {}).get('enabled', fmt.get('padding_free'))}",
            "compute dtype": facts.get("dtype"),
            **(
                {
                    "DPO beta / loss / sft weight": f"{dpo.get('beta')} / {dpo.get('loss_type')} / "
                    f"{dpo.get('sft_weight')}"
                }
                if dpo
                else {}
            ),
        }
    )
    out += ["", "## Run", ""]
    out += _table(
        {
            "started (UTC)": facts.get("started"),
            "wall time (s)": facts.get("wall_time_s"),
            "optimizer steps": metrics.get("steps"),
            "tokens/s (non-padding)": metrics.get("tokens_per_second"),
            "device": hardware.get("device"),
            "CPU cores": hardware.get("cpu_count"),
            "platform": hardware.get("platform"),
            "resumed from": facts.get("resumed_from"),
            **{f"{k} version": v for k, v in facts.get("versions", {}).items()},
        }
    )
    out += ["", "## Results", ""]
    results = {
        "first logged training loss": metrics.get("first_loss"),
        "final logged training loss": metrics.get("final_loss"),
        "mean training loss": metrics.get("train_loss"),
        "final evaluation loss": metrics.get("eval_loss"),
    }
    if any(v is not None for v in results.values()):
        out += _table(results, header="metric")
    else:
        out.append("No metrics were logged.")
    if metrics.get("eval_loss") is None:
        out += ["", "No held-out evaluation was run (set `eval.split` or `data.eval`)."]
    evaluation = facts.get("evaluation") or {}
    if evaluation.get("summary"):
        out += ["", "## Evaluation", ""]
        if evaluation.get("description"):
            out += [str(evaluation["description"]), ""]
        out.append(str(evaluation["summary"]).rstrip())
        if evaluation.get("report"):
            href = link(str(evaluation["report"]), run_dir)
            out += ["", f"Full report: [{href}]({href})."]
    out += [
        "",
        "## Intended use and limitations",
        "",
        profile.intended_use,
        "",
        profile.limitations,
        "",
        "## Files",
        "",
    ]
    for name, desc in (facts.get("outputs") or {}).items():
        out.append(f"- [`{name}`]({link(name, run_dir)}): {desc}")
    return "\n".join(out).rstrip() + "\n"
