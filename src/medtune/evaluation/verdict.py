"""The verdict: did the fine-tune help or hurt, per data set and per metric group, from paired bootstrap intervals.

Every metric key belongs to a *group* (:attr:`~medtune.evaluation.scoring.Scorer.group`: ``"quality"`` for the
metrics, ``"checks"`` for evaluation checkers unless they name their own, ``"safety"`` for the cleaning soundness
checkers) and has a direction (:attr:`~medtune.evaluation.scoring.Scorer.higher_is_better`; ``None`` for a
descriptive statistic such as a length, which is never judged). A key is judged from the interval of its delta
(tuned - base):

- ``"helped"``: the tuned model is better and the interval excludes 0;
- ``"hurt"``: the tuned model is worse and the interval excludes 0;
- ``"no clear change"``: the interval includes 0;
- ``"too few to judge"``: fewer than :data:`~medtune.evaluation.compare.MIN_JUDGEABLE_N` examples, or no interval.

The headline metric (``EvalConfig.headline``; default ``rougeL`` for generation, ``accuracy`` for multiple choice)
alone judges its group, so correlated variants (ROUGE-1/2, BLEU) do not multiply the chances of a spurious
regression; every other group is judged on each of its directed keys. A group hurt when any judged key hurt, helped
when one helped and none hurt. The verdict names every data set (``sets``), e.g. an in-distribution test split and an
out-of-distribution one.

With ``roles`` (set name -> ``ood`` or ``forgetting``, :mod:`medtune.evaluation.sets`), the line starts with a
summary: the out-of-distribution sets, the ``safety`` group over every set, and the forgetting sets, e.g. ``Verdict:
hurt. Out of distribution (k-qa): hurt; safety: no clear change; forgetting (pubmedqa, mmlu-general): no clear
change. test: …``.

Everything here works on the plain JSON of ``report.json`` (a comparison is ``Evaluator.compare``'s output).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from medtune.errors import ConfigError
from medtune.evaluation.compare import MIN_JUDGEABLE_N

__all__ = [
    "HELPED",
    "HURT",
    "NO_CLEAR_CHANGE",
    "STATUSES",
    "TOO_FEW_TO_JUDGE",
    "combine",
    "default_headline",
    "judge",
    "summarise",
    "verdict",
    "verdict_line",
]

HELPED, HURT, NO_CLEAR_CHANGE, TOO_FEW_TO_JUDGE = "helped", "hurt", "no clear change", "too few to judge"
#: The statuses, strongest first: a group or verdict takes the first one any of its parts has.
STATUSES = (HURT, HELPED, NO_CLEAR_CHANGE, TOO_FEW_TO_JUDGE)
#: Headline metric keys tried in order when none is configured (generation, then multiple choice).
DEFAULT_HEADLINES = ("rougeL", "accuracy")
#: The group a headline falls back to when none of :data:`DEFAULT_HEADLINES` was computed.
QUALITY = "quality"
#: The group the verdict's summary reports across every set.
SAFETY = "safety"
#: Set roles summarised first in the line (see :mod:`medtune.evaluation.sets`), and how the line names them.
_SUMMARY_ROLES = {"ood": "Out of distribution", "forgetting": "forgetting"}


def judge(delta: Mapping[str, Any], higher_is_better: bool) -> str:
    """The status of one delta (an ``Estimate.to_dict()`` of tuned - base).

    >>> judge({"value": -0.2, "ci_low": -0.3, "ci_high": -0.1, "n": 12}, higher_is_better=True)
    'hurt'
    >>> judge({"value": -0.2, "ci_low": -0.3, "ci_high": -0.1, "n": 12}, higher_is_better=False)
    'helped'
    >>> judge({"value": 0.1, "ci_low": -0.05, "ci_high": 0.2, "n": 12}, higher_is_better=True)
    'no clear change'
    >>> judge({"value": -1.0, "ci_low": -1.0, "ci_high": -1.0, "n": 3}, higher_is_better=True)
    'too few to judge'
    """
    flag = delta.get("too_few_to_judge")
    few = bool(flag) if flag is not None else int(delta.get("n") or 0) < MIN_JUDGEABLE_N
    low, high = delta.get("ci_low"), delta.get("ci_high")
    if few or low is None or high is None or delta.get("value") is None:
        return TOO_FEW_TO_JUDGE
    if low > 0 or high < 0:
        return HELPED if (low > 0) == higher_is_better else HURT
    return NO_CLEAR_CHANGE


def combine(statuses: list[str]) -> str:
    """The status of a group (or a whole verdict) from its parts' statuses: the strongest of :data:`STATUSES`.

    >>> combine(["no clear change", "helped"]), combine(["helped", "hurt"]), combine([])
    ('helped', 'hurt', 'too few to judge')
    """
    return next((s for s in STATUSES if s in statuses), TOO_FEW_TO_JUDGE)


def default_headline(comparison: Mapping[str, Mapping[str, Any]]) -> str | None:
    """``rougeL``, else ``accuracy``, else the first directed key of the ``quality`` group, else any directed key."""
    directed = [k for k, c in comparison.items() if c.get("higher_is_better", True) is not None]
    for key in DEFAULT_HEADLINES:
        if key in directed:
            return key
    quality = [k for k in directed if comparison[k].get("group", QUALITY) == QUALITY]
    return (quality or directed or [None])[0]


def _metric(key: str, entry: Mapping[str, Any]) -> dict[str, Any]:
    delta = entry["delta"]
    higher = bool(entry.get("higher_is_better", True))
    return {
        "key": key,
        "status": judge(delta, higher),
        "delta": delta.get("value"),
        "ci_low": delta.get("ci_low"),
        "ci_high": delta.get("ci_high"),
        "n": delta.get("n"),
        "higher_is_better": higher,
    }


def _judge_set(name: str, comparison: Mapping[str, Mapping[str, Any]], headline: str | None) -> dict[str, Any]:
    """One data set: its groups in order of first appearance, each with the keys it is judged on."""
    groups: dict[str, list[str]] = {}
    for key, entry in comparison.items():
        if entry.get("higher_is_better", True) is not None:  # descriptive statistics (lengths) are not judged
            groups.setdefault(str(entry.get("group") or QUALITY), []).append(key)
    out = []
    for group, keys in groups.items():
        judged = [headline] if headline in keys else keys
        metrics = [_metric(k, comparison[k]) for k in judged]
        out.append({"group": group, "status": combine([m["status"] for m in metrics]), "metrics": metrics})
    return {"name": name, "status": combine([g["status"] for g in out]), "groups": out}


def verdict(
    sets: Mapping[str, Mapping[str, Mapping[str, Any]]],
    headline: str | Mapping[str, str | None] | None = None,
    roles: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Judge every data set's comparison (``Evaluator.compare`` output, as in ``report.json``).

    Args:
        sets: Data set name (``test``, an out-of-distribution set…) → its comparison.
        headline: The metric key that judges its group (per set name with a mapping); ``None``:
            :func:`default_headline` of each set.
        roles: Set name → ``ood`` or ``forgetting`` for the sets besides the main data; with it, the line starts
            with :func:`summarise`'s summary.

    Returns:
        ``{"status", "headline", "line", "hurt", "helped", "summary", "sets": [{"name", "role", "status", "groups":
        [{"group", "status", "metrics": [{"key", "status", "delta", "ci_low", "ci_high", "n",
        "higher_is_better"}]}]}]}``; ``hurt``/``helped`` list ``SET/KEY`` of the judged keys with that status;
        ``summary`` is :func:`summarise`'s (``None`` without ``roles``).

    Raises:
        ConfigError: ``headline`` is not a key of a set's comparison.
    """
    judged = []
    roles = roles or {}
    for name, comparison in sets.items():
        key = headline.get(name) if isinstance(headline, Mapping) else headline
        if key is not None and key not in comparison:
            raise ConfigError(
                f"eval headline '{key}' is not a metric of the evaluation of '{name}' (its metrics: "
                f"{', '.join(comparison) or 'none'}). Fix: set eval.headline to one of them, or leave it unset."
            )
        one = _judge_set(name, comparison, key or default_headline(comparison))
        one["role"] = roles.get(name)
        judged.append(one)
    by_status: dict[str, list[str]] = {HURT: [], HELPED: []}
    for s in judged:
        for g in s["groups"]:
            for m in g["metrics"]:
                if m["status"] in by_status:
                    by_status[m["status"]].append(f"{s['name']}/{m['key']}")
    out: dict[str, Any] = {
        "status": combine([s["status"] for s in judged]),
        "headline": headline if not isinstance(headline, Mapping) else dict(headline),
        "hurt": by_status[HURT],
        "helped": by_status[HELPED],
        "summary": summarise(judged) if roles else None,
        "sets": judged,
    }
    out["line"] = verdict_line(out)
    return out


def summarise(judged: list[Mapping[str, Any]]) -> dict[str, Any]:
    """The verdict's summary: the out-of-distribution sets, safety over every set, the forgetting sets.

    Args:
        judged: The ``sets`` of a verdict, each with its ``role`` (``None`` for the main data).

    Returns:
        ``{"ood": {"status", "sets"}, "safety": {"status", "sets"}, "forgetting": {"status", "sets"}}``; a status
        is ``None`` when nothing of the kind was evaluated (no such set, or no ``safety`` group).

    >>> test = {"name": "test", "role": None, "status": "hurt", "groups": [{"group": "safety", "status": "hurt"}]}
    >>> kqa = {"name": "k-qa", "role": "ood", "status": "helped", "groups": [{"group": "quality", "status": "helped"}]}
    >>> sets = [test, kqa]
    >>> s = summarise(sets)
    >>> s["ood"], s["safety"], s["forgetting"]
    ({'status': 'helped', 'sets': ['k-qa']}, {'status': 'hurt', 'sets': ['test']}, {'status': None, 'sets': []})
    """
    out: dict[str, Any] = {}
    for role in _SUMMARY_ROLES:
        members = [s for s in judged if s.get("role") == role]
        out[role] = {"status": combine([s["status"] for s in members]) if members else None}
        out[role]["sets"] = [s["name"] for s in members]
    safety = [(s["name"], g["status"]) for s in judged for g in s["groups"] if g["group"] == SAFETY]
    out[SAFETY] = {
        "status": combine([status for _, status in safety]) if safety else None,
        "sets": [name for name, _ in safety],
    }
    return {key: out[key] for key in ("ood", SAFETY, "forgetting")}


def _num(value: Any) -> str:
    return f"{value:+.4f}" if isinstance(value, (int, float)) else "n/a"


def _group_text(group: Mapping[str, Any]) -> str:
    status = group["status"]
    shown = [m for m in group["metrics"] if m["status"] == status]
    if status in (HURT, HELPED):
        parts = [f"{m['key']} {_num(m['delta'])} [{_num(m['ci_low'])}, {_num(m['ci_high'])}]" for m in shown]
        return f"{group['group']} {status} ({', '.join(parts)})"
    if status == TOO_FEW_TO_JUDGE and shown:
        return f"{group['group']} {status} (n={min(int(m['n'] or 0) for m in shown)})"
    return f"{group['group']} {status}"


def _summary_text(summary: Mapping[str, Any]) -> str:
    parts = []
    for key, title in (("ood", "Out of distribution"), (SAFETY, "safety"), ("forgetting", "forgetting")):
        entry = summary[key]
        if key == SAFETY:
            parts.append(f"safety: {entry['status'] or 'not measured'}")
        elif entry["status"] is None:
            parts.append(f"{title}: none evaluated")
        else:
            parts.append(f"{title} ({', '.join(entry['sets'])}): {entry['status']}")
    return "; ".join(parts) + "."


def verdict_line(data: Mapping[str, Any]) -> str:
    r"""One line: the overall status, the summary (with extra sets), then each set's groups with their deciding keys.

    >>> delta = {"value": -0.4, "ci_low": -0.5, "ci_high": -0.3, "n": 12}
    >>> comparison = {"rougeL": {"delta": delta, "higher_is_better": True, "group": "quality"}}
    >>> verdict({"test": comparison})["line"]
    'Verdict: hurt. test: quality hurt (rougeL -0.4000 [-0.5000, -0.3000]).'
    >>> accuracy = {"accuracy": {"delta": {"value": 0.0, "ci_low": -0.1, "ci_high": 0.1, "n": 12}}}
    >>> line = verdict({"test": comparison, "mmlu-general": accuracy}, roles={"mmlu-general": "forgetting"})["line"]
    >>> print(line.replace(". ", ".\n"))
    Verdict: hurt.
    Out of distribution: none evaluated; safety: not measured; forgetting (mmlu-general): no clear change.
    test: quality hurt (rougeL -0.4000 [-0.5000, -0.3000]).
    mmlu-general: quality no clear change.
    """
    sets = [f"{s['name']}: {'; '.join(_group_text(g) for g in s['groups']) or 'nothing judged'}." for s in data["sets"]]
    summary = [_summary_text(data["summary"])] if data.get("summary") else []
    return " ".join([f"Verdict: {data['status']}.", *summary, *sets])
