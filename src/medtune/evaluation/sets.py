"""Evaluation sets beside the test data: out-of-distribution questions and forgetting checks.

A fine-tune is judged on its held-out test data (in distribution) and, by default, on two kinds of extra sets,
named by ``EvalConfig.ood`` and ``EvalConfig.forgetting`` (defaults from the preset, see
:mod:`medtune.plugins.presets`):

- **out of distribution** (``ood``): generation sets of real questions from another source than the training data
  (the medical preset: ``k-qa``). Answers are generated and scored with the metrics and checkers of the test data.
- **forgetting** (``forgetting``): multiple-choice sets scored by option log-likelihood, to see what tuning on the
  domain cost elsewhere (the medical preset: ``pubmedqa`` and ``mmlu-general``; every other preset:
  ``mmlu-general``).

A set is a registered sample's name or a data file (generation: any file ``Dataset.load`` reads; multiple choice:
:func:`~medtune.evaluation.mcq.load_mcq_items`). Base and tuned are scored on the same examples (the first ``limit``
ones), compared with paired bootstrap intervals and judged in the verdict (:mod:`medtune.evaluation.verdict`). They
are test sets: the comparison is fixed in advance, and nobody tunes data or decoding against them.

Example:
    >>> [(s.name, s.role, s.task) for s in resolve_sets(["k-qa"], ["pubmedqa", "mmlu-general"])]
    [('k-qa', 'ood', 'generation'), ('pubmedqa', 'forgetting', 'mcq'), ('mmlu-general', 'forgetting', 'mcq')]
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtune.errors import ConfigError

if TYPE_CHECKING:
    from medtune.evaluation.evaluator import Evaluator, SystemResult

__all__ = [
    "FORGETTING",
    "OOD",
    "ROLES",
    "EvalSet",
    "SetResult",
    "evaluate_sets",
    "parse_set_list",
    "resolve_set",
    "resolve_sets",
]

#: The role of an out-of-distribution generation set.
OOD = "ood"
#: The role of a forgetting (multiple-choice) set.
FORGETTING = "forgetting"
#: Role -> how reports name it.
ROLES: dict[str, str] = {OOD: "out of distribution", FORGETTING: "forgetting"}
#: Config values that switch the sets of a key off.
_OFF = ("none", "off", "false", "no", "")


def parse_set_list(value: Any, key: str) -> list[str]:
    """A config value as a list of set names or paths.

    ``none``, ``off``, ``[]``, ``null`` and ``false`` switch the sets off; a string is split on commas (as
    ``--set eval.ood=a,b`` and ``--ood a,b`` give it).

    Args:
        value: The value as given.
        key: The config key or flag, named in the fix of an error (``eval.ood``).

    Raises:
        ValueError: Not a string or a list of non-empty strings, or a name given twice.

    >>> parse_set_list("k-qa, my.jsonl", "ood"), parse_set_list("none", "ood"), parse_set_list(None, "ood")
    (['k-qa', 'my.jsonl'], [], [])
    """
    if value is None or value is False:
        return []
    if isinstance(value, str):
        if value.strip().lower() in _OFF:
            return []
        value = [part.strip() for part in value.split(",")]
    if isinstance(value, Path):
        value = [str(value)]
    if not isinstance(value, (list, tuple)):
        raise ValueError(
            f"expected a list of sample names or data files, or none; got {type(value).__name__} {value!r}. "
            f"Fix: e.g. {key}: [k-qa, my_questions.jsonl], or {key}: none."
        )
    out: list[str] = []
    for i, item in enumerate(value):
        name = str(item).strip() if isinstance(item, (str, Path)) else None
        if not name:
            raise ValueError(
                f"item {i}: expected a sample name or a data file path, got {item!r}. Fix: remove it or name a set."
            )
        if name in out:
            raise ValueError(f"'{name}' is listed twice. Fix: list each set once in {key}.")
        out.append(name)
    return out


@dataclass(frozen=True)
class EvalSet:
    """One extra evaluation set, resolved.

    Attributes:
        name: Its name in reports and the verdict: the sample name, else the file's stem.
        role: :data:`OOD` (generation) or :data:`FORGETTING` (multiple choice).
        source: As the config named it.
        path: The file (or directory) read.
        format: The data format (``None``: detected).
        sample: Whether it is a shipped sample.
    """

    name: str
    role: str
    source: str
    path: Path
    format: str | None = None
    sample: bool = False

    @property
    def task(self) -> str:
        """``generation`` for an out-of-distribution set, ``mcq`` for a forgetting set."""
        return "generation" if self.role == OOD else "mcq"

    def load(self, limit: int | None = None) -> list[Any]:
        """The set's records (generation) or multiple-choice items, the first ``limit`` only if given.

        Raises:
            DataFormatError: The file cannot be read.
            DataValidationError: Invalid records or items (all listed).
        """
        if self.task == "mcq":
            from medtune.evaluation.mcq import load_mcq_items

            data: list[Any] = load_mcq_items(self.path, self.format)
        else:
            from medtune.data.dataset import Dataset

            data = list(Dataset.load(self.path, format=self.format))
        return data[:limit] if limit else data

    def describe(self) -> str:
        """``k-qa (out of distribution, sample)`` or ``mine (forgetting, file mine.jsonl)``."""
        where = "sample" if self.sample else f"file {self.path}"
        return f"{self.name} ({ROLES[self.role]}, {where})"


def resolve_set(source: str, role: str, *, key: str | None = None) -> EvalSet:
    """The set a config names: a registered sample, else an existing file or directory.

    Args:
        source: A sample name (``k-qa``) or a path.
        role: :data:`OOD` or :data:`FORGETTING`.
        key: The config key, for the error message (default ``eval.<role>``).

    Raises:
        ConfigError: Neither a registered sample nor an existing path (the message lists the samples).
    """
    from medtune.plugins.manager import get_plugin_manager

    if role not in ROLES:
        raise ConfigError(f"unknown evaluation set role {role!r}. Fix: use one of {', '.join(ROLES)}.")
    samples = get_plugin_manager().registry("sample")
    if source in samples:
        sample = samples.get(source)
        return EvalSet(source, role, source, Path(sample.path), sample.format, sample=True)
    path = Path(source).expanduser()
    if path.exists():
        name = path.stem if path.is_file() else path.name
        return EvalSet(name or source, role, source, path)
    what = "an out-of-distribution generation set" if role == OOD else "a multiple-choice forgetting set"
    key = key or f"eval.{role}"
    off = f"{key} none" if key.startswith("--") else f"{key}: none"
    raise ConfigError(
        f"{key}: '{source}' is neither a shipped sample nor an existing file. It should name {what}. Shipped "
        f"samples: {', '.join(samples.names()) or 'none'}. Fix: name a sample, give the path of a data file, or "
        f"switch these sets off ({off})."
    )


def resolve_sets(
    ood: Iterable[str],
    forgetting: Iterable[str],
    *,
    main: tuple[str, Path | None] | None = None,
    keys: Mapping[str, str] | None = None,
) -> list[EvalSet]:
    """Resolve the configured sets, out-of-distribution ones first.

    Args:
        ood: Names or paths of out-of-distribution generation sets.
        forgetting: Names or paths of forgetting (multiple-choice) sets.
        main: The main evaluation data's name and path: a set that reads the same file is left out (it is
            evaluated already), and one with the same name but another file is an error.
        keys: Role -> the config key or flag that named the sets, for messages (default ``eval.<role>``).

    Raises:
        ConfigError: An unknown set, or two sets (or a set and the main data) with the same name.
    """
    keys = keys or {}
    out: list[EvalSet] = []
    names: dict[str, str] = {}
    main_path = main[1].resolve() if main is not None and main[1] is not None else None
    if main is not None:
        names[main[0]] = "the main evaluation data"
    for role, sources in ((OOD, ood), (FORGETTING, forgetting)):
        key = keys.get(role, f"eval.{role}")
        for source in sources:
            found = resolve_set(source, role, key=key)
            if main_path is not None and found.path.resolve() == main_path:
                continue  # the main data already: evaluated once
            if found.name in names:
                raise ConfigError(
                    f"{key}: the set '{source}' is named '{found.name}' in reports, like {names[found.name]}. "
                    "Fix: rename its file, or drop one of them."
                )
            names[found.name] = f"'{found.source}' ({ROLES[found.role]})"
            out.append(found)
    return out


@dataclass
class SetResult:
    """One extra set, scored: the tuned model, the base model if it was compared, and how long it took.

    Attributes:
        set: The set.
        tuned: The tuned model's scores.
        base: The base model's scores, or ``None`` without a base model.
        seconds: Wall time of loading, generating (or scoring) and scoring both models.
        limit: The ``limit`` the set was cut to, if any.
    """

    set: EvalSet
    tuned: SystemResult
    base: SystemResult | None = None
    seconds: float = 0.0
    limit: int | None = None

    def to_dict(self, evaluator: Evaluator) -> dict[str, Any]:
        """The set's part of ``report.json``: what it is, each system's metrics, the paired comparison."""
        systems = {}
        for result in (self.base, self.tuned):
            if result is not None:
                systems[result.name] = {
                    "model": result.model,
                    "metrics": result.summary(),
                    "throughput": result.throughput,
                    "loaded": result.loaded,
                }
        return {
            "role": self.set.role,
            "task": self.set.task,
            "source": self.set.source,
            "sample": self.set.sample,
            "path": str(self.set.path),
            "examples": len(self.tuned.examples),
            "limit": self.limit,
            "seconds": round(self.seconds, 2),
            "systems": systems,
            "comparison": evaluator.compare(self.base, self.tuned) if self.base is not None else None,
        }


def evaluate_sets(
    evaluator: Evaluator,
    sets: Sequence[EvalSet],
    model: Any,
    *,
    base: Any = None,
    out_dir: str | Path,
    limit: int | None = None,
    say: Callable[[str], None] | None = None,
) -> list[SetResult]:
    """Score the tuned model (and the base model) on every set.

    Generation sets go through :meth:`~medtune.evaluation.evaluator.Evaluator.generate_and_score` (cached in
    ``OUT_DIR/generations/<set>/<system>.jsonl``), multiple-choice sets through
    :meth:`~medtune.evaluation.evaluator.Evaluator.score_mcq` (``OUT_DIR/loglikelihoods/<set>/<system>.jsonl``).

    Args:
        evaluator: The evaluator (its metrics, checkers, decoding and MCQ settings apply).
        sets: The sets (:func:`resolve_sets`).
        model: The tuned model: a path, a :class:`~medtune.models.loading.ModelChoice` or ``(model, tokenizer)``.
        base: The base model, or ``None`` to score the tuned model alone (no comparison).
        out_dir: The report directory (the caches go under it).
        limit: Score the first ``limit`` examples of each set only.
        say: Called with one line per set.
    """
    out_dir = Path(out_dir)
    results = []
    for s in sets:
        started = time.perf_counter()
        data = s.load(limit)
        if say is not None:
            unit = "questions" if s.task == "mcq" else "examples"
            say(f"  {s.describe()}: {len(data)} {unit}")
        systems: dict[str, Any] = {}
        for name, which in (("base", base), ("tuned", model)):
            if which is None:
                continue
            if s.task == "mcq":
                cache = out_dir / "loglikelihoods" / s.name / f"{name}.jsonl"
                systems[name] = evaluator.score_mcq(which, data, name=name, cache=cache)
            else:
                cache = out_dir / "generations" / s.name / f"{name}.jsonl"
                systems[name] = evaluator.generate_and_score(which, data, name=name, cache=cache)
        results.append(SetResult(s, systems["tuned"], systems.get("base"), time.perf_counter() - started, limit=limit))
    return results
