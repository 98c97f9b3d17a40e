"""Evaluation reports: ``report.json`` with every number, and Markdown and self-contained HTML rendered from it.

The Markdown and HTML are rendered from the JSON data only, so every number they show is in ``report.json``
(formatted with :func:`fmt`). Plots (matplotlib, Agg backend) are embedded in the HTML as base64 PNGs: training
and validation loss from the trainer's ``train_log.jsonl``, metric bars with confidence intervals, and
histograms of answer lengths.

An interval from fewer than :data:`~medtune.evaluation.compare.MIN_JUDGEABLE_N` examples is printed as "too few to
judge" and drawn hatched, without a whisker (its numbers stay in the JSON, flagged ``too_few_to_judge``). Each
system says which weights were evaluated (a run's merged model, or base + adapter with the logit difference from
merging).

The first line of ``report.md`` and ``report.html`` is the verdict (:mod:`medtune.evaluation.verdict`, also in
``report.json`` as ``verdict``): red when any judged metric hurt, green when one helped and none hurt.

The out-of-distribution and forgetting sets (:mod:`medtune.evaluation.sets`) are in ``report.json`` under ``sets``
(per set: role, task, source, examples, seconds, each system's metrics and the paired comparison), in a table each
after the main data's, in the verdict, and in the model card's summary (:func:`summary_markdown`).
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import json
import math
from collections.abc import Collection, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtune._extras import require
from medtune.errors import DataFormatError
from medtune.evaluation.compare import MIN_JUDGEABLE_N
from medtune.evaluation.verdict import HELPED, HURT, verdict
from medtune.io.files import atomic_write_text

if TYPE_CHECKING:
    from medtune.evaluation.evaluator import Evaluator, SystemResult
    from medtune.evaluation.sets import SetResult

__all__ = [
    "TOO_FEW",
    "build_report_data",
    "fmt",
    "headline_table",
    "model_line",
    "model_lines",
    "read_train_log",
    "report_tables",
    "set_headline_tables",
    "set_tables",
    "sets_sentence",
    "summary_markdown",
    "too_few_note",
    "too_few_to_judge",
    "verdict_color",
    "verdict_text",
    "write_report",
]

#: What reports print instead of an interval from fewer than MIN_JUDGEABLE_N examples (see :func:`too_few_note`).
TOO_FEW = "too few to judge"

#: Keys left out of :func:`headline_table` (they stay in every full table): secondary ROUGE and length statistics.
_DETAIL_KEYS = frozenset({"rouge2", "rougeLsum", "pred_words", "ref_words", "length_ratio", "empty_rate"})


def fmt(value: Any) -> str:
    """How reports print a number: 4 decimals, ``n/a`` for missing values.

    >>> fmt(0.123456), fmt(None), fmt(12)
    ('0.1235', 'n/a', '12.0000')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    return f"{float(value):.4f}"


def too_few_to_judge(est: dict[str, Any]) -> bool:
    """Whether an estimate (an ``Estimate.to_dict()``) rests on too few examples for its interval to mean much.

    Reads the ``too_few_to_judge`` flag, or ``n`` for a report written before the flag existed.

    >>> too_few_to_judge({"value": -1.0, "ci_low": -1.0, "ci_high": -1.0, "n": 1})
    True
    """
    flag = est.get("too_few_to_judge")
    return bool(flag) if flag is not None else int(est.get("n") or 0) < MIN_JUDGEABLE_N


def read_train_log(path: str | Path) -> dict[str, list[list[float]]]:
    """Loss curves from a training log JSONL (one object per line with ``step``, ``loss``, ``eval_loss``…).

    Returns:
        ``{"train": [[step, loss], …], "eval": [[step, eval_loss], …], "learning_rate": [[step, lr], …]}``.

    Raises:
        DataFormatError: A line is not a JSON object with a ``step``.
    """
    path = Path(path)
    out: dict[str, list[list[float]]] = {"train": [], "eval": [], "learning_rate": []}
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            step = float(row["step"])
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise DataFormatError(
                f"{path}:{line_no}: not a training log line ({type(exc).__name__}). "
                'Fix: one JSON object per line with "step" and "loss" and/or "eval_loss".'
            ) from None
        for key, series in (("loss", "train"), ("eval_loss", "eval"), ("learning_rate", "learning_rate")):
            if isinstance(row.get(key), (int, float)):
                out[series].append([step, float(row[key])])
    return out


def build_report_data(
    evaluator: Evaluator,
    tuned: SystemResult,
    *,
    base: SystemResult | None = None,
    train_log: str | Path | None = None,
    title: str = "medtune evaluation",
    set_name: str = "eval",
    sets: Sequence[SetResult] = (),
) -> dict[str, Any]:
    """Everything a report shows, as plain JSON; ``set_name`` names the evaluation data in the verdict.

    ``sets`` are the out-of-distribution and forgetting sets scored beside it (``data["sets"]``, judged in the
    verdict with their roles).
    """
    from medtune import __version__

    systems = {}
    for result in (base, tuned):
        if result is None:
            continue
        lengths = [s.values.get("pred_words") for s in result.scores.get("length", [])]
        refs = [s.values.get("ref_words") for s in result.scores.get("length", [])]
        systems[result.name] = {
            "model": result.model,
            "task": result.task,
            "examples": len(result.examples),
            "metrics": result.summary(),
            "throughput": result.throughput,
            "settings": result.settings,
            "loaded": result.loaded,
            "lengths": {"prediction_words": lengths, "reference_words": refs} if lengths else None,
        }
    comparison = evaluator.compare(base, tuned) if base is not None else None
    extra = {r.set.name: r.to_dict(evaluator) for r in sets}
    data: dict[str, Any] = {
        "verdict": _verdict(evaluator, set_name, tuned.task, comparison, extra),
        "title": title,
        "set_name": set_name,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "medtune_version": __version__,
        "task": tuned.task,
        "config": evaluator.config.model_dump(),
        "tuned": tuned.name,
        "base": base.name if base is not None else None,
        "systems": systems,
        "comparison": comparison,
        "qualitative": evaluator.qualitative(tuned, base),
        "training": None,
        "unit_interval_keys": [
            k for sc in tuned.scorers.values() if getattr(sc, "unit_interval", True) for k in sc.keys
        ],
    }
    data["sets"] = extra
    if train_log is not None:
        data["training"] = {"log": str(train_log), **read_train_log(train_log)}
    return data


def _verdict(
    evaluator: Evaluator, name: str, task: str, comparison: Any, extra: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    """The verdict over the main data and every extra set compared with a base model (``None`` without a base).

    The configured headline judges the sets of the main data's task; the others use their default headline
    (accuracy for multiple choice).
    """
    if comparison is None:
        return None
    headline = evaluator.config.headline
    compared = {n: s for n, s in extra.items() if s["comparison"] is not None}
    headlines = {name: headline, **{n: headline if s["task"] == task else None for n, s in compared.items()}}
    roles = {n: s["role"] for n, s in compared.items()}
    return verdict({name: comparison, **{n: s["comparison"] for n, s in compared.items()}}, headlines, roles)


# --- plots -------------------------------------------------------------------------------------------------


def _png(fig: Any) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100, bbox_inches="tight")
    require("matplotlib.pyplot", "eval", "report plots").close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _plots(data: dict[str, Any]) -> dict[str, str]:
    matplotlib = require("matplotlib", "eval", "report plots")
    matplotlib.use("Agg", force=True)
    plt = require("matplotlib.pyplot", "eval", "report plots")
    out: dict[str, str] = {}
    training = data.get("training")
    if training and (training["train"] or training["eval"]):
        fig, ax = plt.subplots(figsize=(6, 3.5))
        for series, label in (("train", "training loss"), ("eval", "validation loss")):
            if training[series]:
                xs, ys = zip(*training[series])
                ax.plot(xs, ys, marker="o" if series == "eval" else None, label=label)
        ax.set_xlabel("step")
        ax.set_ylabel("loss")
        ax.legend()
        ax.set_title("Loss curves")
        out["loss"] = _png(fig)
    names = list(data["systems"])
    keys = [
        k
        for k in data.get("unit_interval_keys", [])
        if all(s["metrics"].get(k, {}).get("value") is not None for s in data["systems"].values())
    ]
    if keys:
        out["metrics"] = _png(_metric_bars(plt, data, names, keys))
    lengths = {n: s["lengths"] for n, s in data["systems"].items() if s.get("lengths")}
    if lengths:
        fig, ax = plt.subplots(figsize=(6, 3.5))
        first = next(iter(lengths.values()))
        ax.hist([v for v in first["reference_words"] if v is not None], bins=20, alpha=0.5, label="reference")
        for name, ls in lengths.items():
            ax.hist([v for v in ls["prediction_words"] if v is not None], bins=20, alpha=0.5, label=name)
        ax.set_xlabel("words per answer")
        ax.set_ylabel("answers")
        ax.legend()
        ax.set_title("Answer lengths")
        out["lengths"] = _png(fig)
    return out


def _metric_bars(plt: Any, data: dict[str, Any], names: list[str], keys: list[str]) -> Any:
    """Bars of the [0, 1] metrics per system with interval whiskers; too few examples: hatched grey, no whisker."""
    from matplotlib.patches import Patch

    fig, ax = plt.subplots(figsize=(max(6, len(keys) * 0.9), 3.5))
    width = 0.8 / len(names)
    handles, any_few = [], False
    for j, name in enumerate(names):
        ms, color = data["systems"][name]["metrics"], f"C{j}"
        xs = [i + (j - (len(names) - 1) / 2) * width for i in range(len(keys))]
        ok = [i for i, k in enumerate(keys) if not too_few_to_judge(ms[k])]
        few = [i for i, k in enumerate(keys) if too_few_to_judge(ms[k])]
        if ok:
            ests = [ms[keys[i]] for i in ok]
            vals = [e["value"] for e in ests]
            lows = [v - (e["ci_low"] if e["ci_low"] is not None else v) for e, v in zip(ests, vals)]
            highs = [(e["ci_high"] if e["ci_high"] is not None else v) - v for e, v in zip(ests, vals)]
            ax.bar([xs[i] for i in ok], vals, width, yerr=[lows, highs], capsize=3, color=color)
        if few:
            any_few = True
            vals = [ms[keys[i]]["value"] for i in few]
            ax.bar([xs[i] for i in few], vals, width, color="lightgrey", edgecolor=color, hatch="//")
            for i, v in zip(few, vals):
                ax.annotate(
                    f"n={ms[keys[i]]['n']}\ntoo few",
                    (xs[i], v),
                    xytext=(0, 2),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=7,
                )
        handles.append(Patch(facecolor=color, label=name))
    if any_few:
        handles.append(Patch(facecolor="lightgrey", hatch="//", label=f"n < {MIN_JUDGEABLE_N}: too few to judge"))
    ax.set_xticks(range(len(keys)))
    ax.set_xticklabels(keys, rotation=30, ha="right")
    ax.set_ylim(0, 1.2 if any_few else 1.05)
    ax.set_title(f"Metrics with {int(data['config']['confidence'] * 100)}% bootstrap intervals")
    ax.legend(handles=handles, fontsize=8)
    return fig


# --- rendering ---------------------------------------------------------------------------------------------

#: What the first line says when there is no base model to judge the fine-tune against.
NO_VERDICT = "Verdict: none, no base model was evaluated to compare with."


def verdict_text(data: dict[str, Any]) -> str:
    """The verdict line of a report (``report.json`` data), or :data:`NO_VERDICT` without a comparison."""
    found = data.get("verdict")
    return str(found["line"]) if found else NO_VERDICT


def verdict_color(data: dict[str, Any]) -> str | None:
    """``"red"`` when any judged metric hurt, ``"green"`` when one helped and none hurt, else ``None``.

    >>> verdict_color({"verdict": {"status": "hurt"}}), verdict_color({"verdict": None})
    ('red', None)
    """
    status = (data.get("verdict") or {}).get("status")
    return {HURT: "red", HELPED: "green"}.get(status)


Table = tuple[str, list[str], list[list[str]]]


def _ci(est: dict[str, Any]) -> str:
    if too_few_to_judge(est):
        return TOO_FEW
    if est.get("ci_low") is None:
        return "n/a"
    return f"[{fmt(est['ci_low'])}, {fmt(est['ci_high'])}]"


def _comparison_table(
    data: dict[str, Any],
    keys: Sequence[str] | None = None,
    title: str = "Comparison",
    comparison: dict[str, Any] | None = None,
) -> Table:
    conf = int(data["config"]["confidence"] * 100)
    rows = []
    for key, c in (comparison if comparison is not None else data["comparison"]).items():
        if keys is None or key in keys:
            delta = c["delta"]
            row = [key, fmt(c["base"]["value"]), fmt(c["tuned"]["value"]), fmt(delta["value"]), _ci(delta)]
            rows.append([*row, str(delta["n"])])
    header = ["metric", data["base"], data["tuned"], "delta", f"{conf}% CI of delta (paired bootstrap)", "n"]
    return title, header, rows


def _system_table(
    data: dict[str, Any],
    name: str,
    keys: Sequence[str] | None = None,
    title: str = "",
    systems: dict[str, Any] | None = None,
) -> Table:
    conf = int(data["config"]["confidence"] * 100)
    system = (systems if systems is not None else data["systems"])[name]
    metrics = {k: e for k, e in system["metrics"].items() if keys is None or k in keys}
    rows = [[k, fmt(e["value"]), _ci(e), str(e["n"])] for k, e in metrics.items()]
    return title or f"{name}: {system['model']}", ["metric", "value", f"{conf}% CI", "n"], rows


def headline_table(data: dict[str, Any]) -> Table:
    """The few numbers a run ends with: the comparison (else the tuned model's metrics) less the detail keys.

    Rows are those of the full tables (same formatting, "too few to judge" included); secondary ROUGE scores and
    length statistics are left out.
    """
    if data.get("comparison"):
        keys = [k for k in data["comparison"] if k not in _DETAIL_KEYS]
        return _comparison_table(data, keys, "Headline metrics")
    keys = [k for k in data["systems"][data["tuned"]]["metrics"] if k not in _DETAIL_KEYS]
    return _system_table(data, data["tuned"], keys, f"Headline metrics ({data['tuned']})")


def _set_title(name: str, entry: dict[str, Any], what: str) -> str:
    """``k-qa (out of distribution, 16 examples): comparison``."""
    from medtune.evaluation.sets import ROLES

    unit = "questions" if entry["task"] == "mcq" else "examples"
    return f"{name} ({ROLES.get(entry['role'], entry['role'])}, {entry['examples']} {unit}): {what}"


def set_tables(data: dict[str, Any], exclude: Collection[str] = ()) -> list[Table]:
    """One table per out-of-distribution or forgetting set: its comparison, else the tuned model's metrics.

    Args:
        data: ``report.json`` data.
        exclude: Metric keys left out (:func:`set_headline_tables` leaves out the detail keys).
    """
    tables = []
    for name, entry in (data.get("sets") or {}).items():
        comparison = entry.get("comparison")
        if comparison:
            picked = [k for k in comparison if k not in exclude]
            tables.append(_comparison_table(data, picked, _set_title(name, entry, "comparison"), comparison))
        else:
            tuned = data["tuned"]
            picked = [k for k in entry["systems"][tuned]["metrics"] if k not in exclude]
            tables.append(_system_table(data, tuned, picked, _set_title(name, entry, tuned), entry["systems"]))
    return tables


def set_headline_tables(data: dict[str, Any]) -> list[Table]:
    """:func:`set_tables` less the detail keys (secondary ROUGE, lengths), as ``medtune run`` ends with them."""
    return set_tables(data, _DETAIL_KEYS)


def _sets_overview(data: dict[str, Any]) -> Table | None:
    """Set, role, task, where from, examples, verdict status and seconds of every extra set."""
    from medtune.evaluation.sets import ROLES

    sets = data.get("sets") or {}
    if not sets:
        return None
    judged = {s["name"]: s["status"] for s in (data.get("verdict") or {}).get("sets", [])}
    rows = []
    for name, e in sets.items():
        where = f"sample {e['source']}" if e.get("sample") else str(e["path"])
        limit = f" (first {e['limit']})" if e.get("limit") else ""
        row = [name, ROLES.get(e["role"], e["role"]), e["task"], where, f"{e['examples']}{limit}"]
        rows.append([*row, judged.get(name, "not compared"), f"{e['seconds']:.1f}"])
    header = ["set", "role", "task", "data", "examples", "verdict", "seconds"]
    return "Out-of-distribution and forgetting sets", header, rows


def sets_sentence(data: dict[str, Any]) -> str:
    """The model card's sentence on the out-of-distribution and forgetting sets (empty without any).

    >>> sets = {"k-qa": {"role": "ood", "task": "generation", "examples": 16}}
    >>> sets_sentence({"sets": sets})
    ' The tables after the first one are sets from other sources (out of distribution: `k-qa`, 16 examples).'
    """
    from medtune.evaluation.sets import ROLES

    parts = []
    for name, entry in (data.get("sets") or {}).items():
        unit = "questions" if entry["task"] == "mcq" else "examples"
        parts.append(f"{ROLES.get(entry['role'], entry['role'])}: `{name}`, {entry['examples']} {unit}")
    if not parts:
        return ""
    return f" The tables after the first one are sets from other sources ({'; '.join(parts)})."


def too_few_note(data: dict[str, Any]) -> str | None:
    """The sentence under the tables when an interval reads "too few to judge" (``None`` when none does)."""
    estimates = [e for s in data["systems"].values() for e in s["metrics"].values()]
    estimates += [c["delta"] for c in (data.get("comparison") or {}).values()]
    for entry in (data.get("sets") or {}).values():
        estimates += [e for s in entry["systems"].values() for e in s["metrics"].values()]
        estimates += [c["delta"] for c in (entry.get("comparison") or {}).values()]
    if not any(too_few_to_judge(e) for e in estimates):
        return None
    return (
        f'"{TOO_FEW}": fewer than {MIN_JUDGEABLE_N} examples, so the interval (in report.json, flagged '
        "too_few_to_judge) says little."
    )


def model_line(loaded: dict[str, Any], root: str | Path | None = None) -> str:
    """Which weights a system evaluated (a report's ``systems[NAME]["loaded"]``), in one line.

    ``merged model at PATH``, or ``base + adapter at PATH`` with the adapter-vs-merged logit difference measured
    at evaluation. With ``root``, a path inside it is written relative to it (as a run's model card does).

    >>> model_line({"kind": "merged", "path": "run/merged", "evaluated": "merged model at run/merged"}, root="run")
    'merged model at merged'
    """
    text = str(loaded["evaluated"])
    path = loaded.get("path")
    if root is not None and path:
        with contextlib.suppress(ValueError):  # outside root: as given
            text = text.replace(path, Path(path).resolve().relative_to(Path(root).resolve()).as_posix())
    if loaded.get("kind") == "adapter" and loaded.get("base"):
        text += f" (base {loaded['base']})"
    gap = loaded.get("adapter_vs_merged")
    if gap:
        text += (
            f"; adapter vs merged in memory ({gap['dtype']}, {gap['prompts']} prompts, {gap['positions']} "
            f"positions): max |logit diff| {gap['max_abs']:.4g}, mean |logit diff| {gap['mean_abs']:.4g}"
        )
    return text


def model_lines(data: dict[str, Any]) -> list[str]:
    """``NAME: ``:func:`model_line` for every system that loaded a model (not those scored from saved generations)."""
    return [f"{name}: {model_line(s['loaded'])}" for name, s in data["systems"].items() if s.get("loaded")]


def report_tables(data: dict[str, Any]) -> list[Table]:
    """(title, header, rows) of every table of a report (``report.json`` data), as Markdown, HTML and the CLI show."""
    tables = []
    if data.get("comparison"):
        tables.append(_comparison_table(data))
    for name in data["systems"]:
        tables.append(_system_table(data, name))
    overview = _sets_overview(data)
    if overview is not None:
        tables.append(overview)
        tables += set_tables(data)
    speed = []
    for name, system in data["systems"].items():
        for key, value in (system.get("throughput") or {}).items():
            speed.append([name, key, fmt(value) if isinstance(value, float) else str(value)])
    if speed:
        tables.append(("Throughput", ["system", "measure", "value"], speed))
    return tables


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [f"| {' | '.join(_md_cell(h) for h in header)} |", "|" + "---|" * len(header)]
    return lines + [f"| {' | '.join(_md_cell(c) for c in row)} |" for row in rows]


def summary_markdown(data: dict[str, Any]) -> str:
    """The comparison (or the single system's metrics) as a Markdown table, e.g. for a model card.

    With out-of-distribution or forgetting sets, each set's table follows (under a bold line naming it), then the
    verdict.
    """
    _title, header, rows = report_tables(data)[0]
    lines = _md_table(header, rows)
    for title, header, rows in set_tables(data):
        lines += ["", f"**{_md_cell(title)}**", "", *_md_table(header, rows)]
    if data.get("sets") and data.get("verdict"):
        lines += ["", f"**{_md_cell(verdict_text(data))}**"]
    return "\n".join(lines)


def _markdown(data: dict[str, Any], plots: dict[str, str]) -> str:
    mark = {"red": "🔴 ", "green": "🟢 "}.get(verdict_color(data) or "", "")
    out = [f"{mark}**{_md_cell(verdict_text(data))}**", "", f"# {data['title']}", ""]
    out += [f"Created {data['created']} with medtune {data['medtune_version']}.", ""]
    out.append(f"Task: {data['task']}. Every number below is in `report.json`.")
    models = model_lines(data)
    if models:
        out += ["", "## Models evaluated", ""] + [f"- {line}" for line in models]
    for title, header, rows in report_tables(data):
        out += ["", f"## {_md_cell(title)}", "", *_md_table(header, rows)]
    note = too_few_note(data)
    if note:
        out += ["", note]
    if data.get("training"):
        t = data["training"]
        out += ["", "## Training", "", f"Log: `{t['log']}`: {len(t['train'])} training and {len(t['eval'])} "]
        out[-1] += "validation loss points (plotted in report.html)."
        if t["train"]:
            out.append(f"Final training loss {fmt(t['train'][-1][1])} at step {int(t['train'][-1][0])}.")
        if t["eval"]:
            out.append(f"Final validation loss {fmt(t['eval'][-1][1])} at step {int(t['eval'][-1][0])}.")
    if data.get("qualitative"):
        out += ["", "## Examples", ""]
        for ex in data["qualitative"]:
            out += [f"### {ex['id']}", "", f"**Prompt:** {ex['prompt']}", "", f"**Reference:** {ex['reference']}", ""]
            if "base" in ex:
                out += [f"**{data['base']}:** {ex['base']}", ""]
            out += [f"**{data['tuned']}:** {ex['tuned']}", ""]
    if plots:
        out += ["", f"Plots: {', '.join(sorted(plots))} (in report.html)."]
    return "\n".join(out) + "\n"


def _html(data: dict[str, Any], plots: dict[str, str]) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{e(data['title'])}</title>",
        "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
        "td:first-child,th:first-child{text-align:left}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}"
        ".verdict{font-weight:bold;padding:.5em;border-left:6px solid #999}"
        ".verdict-red{color:#b00020;border-color:#b00020;background:#fdecee}"
        ".verdict-green{color:#1b5e20;border-color:#1b5e20;background:#e8f5e9}"
        "</style></head><body>",
        f"<p class='verdict verdict-{verdict_color(data) or 'neutral'}'>{e(verdict_text(data))}</p>",
        f"<h1>{e(data['title'])}</h1>",
        f"<p>Created {e(data['created'])} with medtune {e(data['medtune_version'])}. Task: {e(data['task'])}. "
        "Every number is in report.json.</p>",
    ]
    models = model_lines(data)
    if models:
        parts.append("<h2>Models evaluated</h2><ul>" + "".join(f"<li>{e(line)}</li>" for line in models) + "</ul>")
    for title, header, rows in report_tables(data):
        parts.append(f"<h2>{e(title)}</h2><table><tr>{''.join(f'<th>{e(h)}</th>' for h in header)}</tr>")
        parts += [f"<tr>{''.join(f'<td>{e(c)}</td>' for c in row)}</tr>" for row in rows]
        parts.append("</table>")
    note = too_few_note(data)
    if note:
        parts.append(f"<p>{e(note)}</p>")
    captions = {"loss": "Loss curves", "metrics": "Metrics with intervals", "lengths": "Answer lengths"}
    for key, b64 in plots.items():
        parts.append(f"<h2>{captions[key]}</h2><img alt='{key}' src='data:image/png;base64,{b64}'>")
    if data.get("qualitative"):
        parts.append("<h2>Examples</h2>")
        for ex in data["qualitative"]:
            parts.append(f"<h3>{e(ex['id'])}</h3><p><b>Prompt</b></p><pre>{e(ex['prompt'])}</pre>")
            parts.append(f"<p><b>Reference</b></p><pre>{e(ex['reference'])}</pre>")
            if "base" in ex:
                parts.append(f"<p><b>{e(str(data['base']))}</b></p><pre>{e(ex['base'])}</pre>")
            parts.append(f"<p><b>{e(str(data['tuned']))}</b></p><pre>{e(ex['tuned'])}</pre>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(
    out_dir: str | Path,
    data: dict[str, Any],
    results: Sequence[SystemResult] = (),
    sets: Sequence[SetResult] = (),
) -> dict[str, Path]:
    """Write ``report.json``, ``report.md``, ``report.html``, and ``<system>.examples.jsonl`` per result.

    Each extra set's systems go to ``sets/<set>/<system>.examples.jsonl``.

    Returns:
        Name → path of every file written (``examples:<set>/<system>`` for the sets').
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    plots = _plots(data)
    files = {
        "json": out / "report.json",
        "markdown": out / "report.md",
        "html": out / "report.html",
    }
    atomic_write_text(files["json"], json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    atomic_write_text(files["markdown"], _markdown(data, plots))
    atomic_write_text(files["html"], _html(data, plots))
    for result in results:
        path = out / f"{result.name}.examples.jsonl"
        rows = result.per_example()
        atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows))
        files[f"examples:{result.name}"] = path
    for extra in sets:
        for result in (extra.base, extra.tuned):
            if result is not None:
                path = out / "sets" / extra.set.name / f"{result.name}.examples.jsonl"
                path.parent.mkdir(parents=True, exist_ok=True)
                rows = result.per_example()
                atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows))
                files[f"examples:{extra.set.name}/{result.name}"] = path
    return files
