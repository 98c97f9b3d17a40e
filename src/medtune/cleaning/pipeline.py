"""The cleaning :class:`Pipeline`: runs cleaners in order, counts everything, and loses nothing.

Record cleaners run inside ``datasets.Dataset.map`` (batched, optionally with ``num_proc`` processes);
consecutive record cleaners share one pass. Dataset cleaners (deduplication) run in the main process, in order.
For every stage the pipeline counts records in, changed, dropped (by reason) and seconds, keeps every dropped
record with the stage's name and the reason, and checks ``records in == kept + rejected`` at the end.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from medtune.cleaning.base import Drop, Row
from medtune.data.stats import text_table
from medtune.errors import ConfigError, MedtuneError, PluginError
from medtune.io.files import atomic_write_text
from medtune.io.jsonl import write_jsonl

if TYPE_CHECKING:
    import datasets

    from medtune.cleaning.config import PipelineConfig
    from medtune.data.dataset import Dataset
    from medtune.plugins.manager import PluginManager

__all__ = ["CleaningResult", "Pipeline", "PipelineReport", "StageStats"]

_IDX = "__medtune_index"
_STAGE = "__medtune_drop_stage"
_REASON = "__medtune_drop_reason"
_DETAIL = "__medtune_drop_detail"
_CHANGED = "__medtune_changed"
_SECS = "__medtune_seconds"
_INTERNAL = (_IDX, _STAGE, _REASON, _DETAIL, _CHANGED, _SECS)


def _by_count(counts: dict[str, int]) -> list[tuple[str, int]]:
    """``counts`` items, largest first, then by name."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


@dataclass
class StageStats:
    """What one cleaner did.

    Attributes:
        name: The cleaner's name.
        records_in: Records that reached it.
        changed: Records it rewrote (and kept).
        dropped: Records it removed, by reason.
        seconds: Time spent in the cleaner, summed over worker processes.
    """

    name: str
    records_in: int = 0
    changed: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def dropped_total(self) -> int:
        """Records removed by this cleaner, all reasons together."""
        return sum(self.dropped.values())

    @property
    def records_out(self) -> int:
        """Records it passed on."""
        return self.records_in - self.dropped_total

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form (the report file and ``--json`` output)."""
        return {
            "name": self.name,
            "records_in": self.records_in,
            "changed": self.changed,
            "dropped": self.dropped_total,
            "dropped_by_reason": dict(_by_count(self.dropped)),
            "records_out": self.records_out,
            "seconds": round(self.seconds, 4),
        }


@dataclass
class PipelineReport:
    """Counts for a whole run: ``records_in == kept + rejected`` always holds."""

    records_in: int
    kept: int
    rejected: int
    stages: list[StageStats]
    seconds: float
    num_proc: int | None = None

    def __str__(self) -> str:
        """A readable summary: the totals, one row per cleaner, then the drops by reason (seconds rounded)."""
        head = ["cleaner", "in", "changed", "dropped", "out", "seconds"]
        rows = [
            [s.name, str(s.records_in), str(s.changed), str(s.dropped_total), str(s.records_out), f"{s.seconds:.2f}"]
            for s in self.stages
        ]
        lines = [f"cleaning: {self.records_in} in = {self.kept} kept + {self.rejected} rejected ({self.seconds:.2f} s)"]
        lines += text_table([head, *rows])
        drops = [[s.name, reason, str(n)] for s in self.stages for reason, n in _by_count(s.dropped)]
        if drops:
            lines.append("dropped by reason:")
            lines += text_table([["cleaner", "reason", "records"], *drops], text_columns=2)
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "records_in": self.records_in,
            "kept": self.kept,
            "rejected": self.rejected,
            "seconds": round(self.seconds, 4),
            "num_proc": self.num_proc,
            "stages": [s.to_dict() for s in self.stages],
        }


@dataclass
class CleaningResult:
    """The output of :meth:`Pipeline.run`.

    Attributes:
        dataset: The kept records.
        rejects: Every dropped record as ``{"index", "cleaner", "reason", ["detail",] "record"}`` (``index``:
            0-based position in the input), in input order.
        report: The counts.
    """

    dataset: Dataset
    rejects: list[dict[str, Any]]
    report: PipelineReport

    def write_rejects(self, path: str | PathLike[str]) -> Path:
        """Write :attr:`rejects` as JSON Lines (one object per dropped record)."""
        return write_jsonl(path, self.rejects)

    def write_report(self, path: str | PathLike[str]) -> Path:
        """Write :attr:`report` as JSON."""
        return atomic_write_text(path, json.dumps(self.report.to_dict(), indent=2, ensure_ascii=False) + "\n")


def _is_dataset_cleaner(cleaner: Any) -> bool:
    return getattr(cleaner, "scope", "record") == "dataset"


def _run_stages(batch: dict[str, list[Any]], cleaners: Sequence[Any], columns: Sequence[str]) -> dict[str, list[Any]]:
    """One ``map`` batch: every record cleaner of a segment, in order, on the rows still alive."""
    n = len(batch[columns[0]])
    rows: list[Row] = [{c: batch[c][i] for c in columns} for i in range(n)]
    stage = [-1] * n
    reason: list[str | None] = [None] * n
    detail: list[str | None] = [None] * n
    changed = [[False] * len(cleaners) for _ in range(n)]
    seconds = [0.0] * len(cleaners)
    alive = list(range(n))
    for k, cleaner in enumerate(cleaners):
        if not alive:
            break
        start = time.perf_counter()
        results = cleaner.clean_batch([rows[i] for i in alive])
        seconds[k] = time.perf_counter() - start
        if len(results) != len(alive):
            raise PluginError(
                f"cleaner '{cleaner.name}' returned {len(results)} results for {len(alive)} records. "
                "Fix: clean_batch must return exactly one result per record."
            )
        for i, res in zip(alive, results):
            if isinstance(res, Drop):
                stage[i], reason[i], detail[i] = k, res.reason, res.detail
            elif isinstance(res, dict):
                if res != rows[i]:
                    changed[i][k] = True
                    rows[i] = res
            else:
                raise PluginError(
                    f"cleaner '{cleaner.name}' returned {type(res).__name__}; expected a record dict or Drop."
                )
        alive = [i for i in alive if stage[i] < 0]
    out: dict[str, list[Any]] = {c: [r[c] for r in rows] for c in columns}
    out[_STAGE] = stage
    out[_REASON] = reason
    out[_DETAIL] = detail
    out[_CHANGED] = changed
    out[_SECS] = [seconds] + [[0.0] * len(cleaners) for _ in range(n - 1)] if n else []
    return out


class Pipeline:
    """An ordered list of cleaners.

    Args:
        cleaners: Record cleaners (see :class:`~medtune.cleaning.base.Cleaner`) and dataset cleaners
            (see :class:`~medtune.cleaning.base.DatasetCleaner`), in the order they run.
        batch_size: Records per ``map`` batch (NER cleaners see a whole batch at once).

    Example:
        >>> from medtune import Dataset, InstructionRecord
        >>> from medtune.cleaning import EmptyFilter, Pipeline, RegexPIICleaner
        >>> ds = Dataset.from_records([
        ...     InstructionRecord(input="Mail me at ann@example.com", output="Sure."),
        ...     InstructionRecord(input="Hello?", output=" "),
        ... ])
        >>> result = Pipeline([EmptyFilter(), RegexPIICleaner()]).run(ds)
        >>> [r.input for r in result.dataset], result.rejects[0]["reason"]
        (['Mail me at [EMAIL]'], 'empty output')
        >>> (result.report.records_in, result.report.kept, result.report.rejected)
        (2, 1, 1)
    """

    def __init__(self, cleaners: Sequence[Any], *, batch_size: int = 256) -> None:
        for c in cleaners:
            if not isinstance(getattr(c, "name", None), str):
                raise MedtuneError(f"{c!r} is not a cleaner: it has no string 'name'")
            if not _is_dataset_cleaner(c) and not (callable(c) and hasattr(c, "clean_batch")):
                raise MedtuneError(
                    f"cleaner '{c.name}' ({type(c).__name__}) has no clean_batch method. "
                    "Fix: subclass medtune.cleaning.CleanerBase or implement clean_batch(rows)."
                )
        if batch_size < 1:
            raise MedtuneError(f"batch_size must be >= 1, got {batch_size}")
        self.cleaners = list(cleaners)
        self.batch_size = batch_size

    @classmethod
    def from_config(
        cls, config: PipelineConfig | dict[str, Any] | str | PathLike[str], plugin_manager: PluginManager | None = None
    ) -> Pipeline:
        """Build from a :class:`~medtune.cleaning.config.PipelineConfig`, a dict, or a YAML file path.

        Raises:
            ConfigError: An unknown key or a bad value; the message names it and where.
            UnknownComponentError: A cleaner name nobody registered.
        """
        from medtune.cleaning.config import build_cleaners, load_config

        cfg = load_config(config)
        return cls(build_cleaners(cfg, plugin_manager), batch_size=cfg.batch_size)

    @classmethod
    def default(cls, plugin_manager: PluginManager | None = None) -> Pipeline:
        """The documented default medical pipeline (see ``docs/cleaning.md``)."""
        from medtune.cleaning.config import default_config

        return cls.from_config(default_config(), plugin_manager)

    @property
    def names(self) -> list[str]:
        """The cleaners' names, in order."""
        return [c.name for c in self.cleaners]

    def __repr__(self) -> str:
        return f"Pipeline({self.names})"

    def _segments(self) -> Iterator[tuple[int, list[Any]]]:
        """Consecutive record cleaners grouped; each dataset cleaner alone. Yields (first stage index, cleaners)."""
        group: list[Any] = []
        start = 0
        for k, c in enumerate(self.cleaners):
            if _is_dataset_cleaner(c):
                if group:
                    yield start, group
                yield k, [c]
                group, start = [], k + 1
            else:
                group.append(c)
        if group:
            yield start, group

    def run(
        self,
        dataset: Dataset,
        *,
        num_proc: int | None = None,
        rejects_path: str | PathLike[str] | None = None,
        report_path: str | PathLike[str] | None = None,
    ) -> CleaningResult:
        """Clean ``dataset``.

        Args:
            dataset: Instruction or chat records.
            num_proc: Processes for record cleaners (``datasets`` map); ``None`` or 1 runs in this process.
                The result is the same for every value.
            rejects_path: Also write the rejects JSONL there.
            report_path: Also write the report JSON there.

        Returns:
            The kept records, the rejects and the report.

        Raises:
            ConfigError: The records are preference pairs (cleaners read instruction and chat records).
            MedtuneError: The invariant ``records in == kept + rejected`` does not hold (a bug; please report).
        """
        from medtune.data.dataset import Dataset

        if dataset.kind == "preference":
            raise ConfigError(
                "the cleaning pipeline cleans instruction and chat records; these records are preference pairs "
                "(prompt/chosen/rejected), whose texts no cleaner reads. Fix: clean the instruction data first, then "
                "build the pairs from the cleaned records (e.g. `medtune data pairs`)."
            )
        if num_proc is not None and num_proc < 1:
            raise MedtuneError(f"num_proc must be >= 1, got {num_proc}. Fix: pass a positive number or omit it.")
        start = time.perf_counter()
        hf = dataset.hf
        columns = list(hf.column_names)
        n_in = len(hf)
        hf = hf.add_column(_IDX, list(range(n_in)))
        stats = [StageStats(c.name) for c in self.cleaners]
        rejected: list[tuple[int, int, str, str | None, Row]] = []  # (input index, stage, reason, row)
        for first, group in self._segments():
            for k in range(first, first + len(group)):
                stats[k].records_in = len(hf)  # corrected below for later stages of a fused segment
            if not len(hf):
                continue
            self._prepare(group, stats[first : first + len(group)])
            if _is_dataset_cleaner(group[0]):
                hf = self._run_dataset_cleaner(group[0], hf, columns, first, stats[first], rejected)
            else:
                hf = self._run_record_cleaners(group, hf, columns, first, stats, rejected, num_proc)
        hf = hf.remove_columns([_IDX])
        rejected.sort(key=lambda t: t[0])
        rejects = [
            {"index": i, "cleaner": self.cleaners[k].name, "reason": r, **({"detail": d} if d else {}), "record": row}
            for i, k, r, d, row in rejected
        ]
        report = PipelineReport(
            records_in=n_in,
            kept=len(hf),
            rejected=len(rejects),
            stages=stats,
            seconds=time.perf_counter() - start,
            num_proc=num_proc,
        )
        self._check(report)
        result = CleaningResult(Dataset(hf, dataset.kind, load_report=dataset.load_report), rejects, report)
        if rejects_path is not None:
            result.write_rejects(rejects_path)
        if report_path is not None:
            result.write_report(report_path)
        return result

    def clean(self, dataset: Dataset, *, num_proc: int | None = None) -> Dataset:
        """Shorthand: the kept records of :meth:`run`."""
        return self.run(dataset, num_proc=num_proc).dataset

    @staticmethod
    def _prepare(group: Sequence[Any], stats: Sequence[StageStats]) -> None:
        """Call each cleaner's optional ``prepare()`` once, in this process, before its first record.

        A cleaner builds its one-off state there (``decontaminate``: the reference index), so that worker processes
        receive it built instead of building it each; the time counts as the cleaner's.
        """
        for cleaner, stat in zip(group, stats):
            prepare = getattr(cleaner, "prepare", None)
            if callable(prepare):
                t0 = time.perf_counter()
                prepare()
                stat.seconds += time.perf_counter() - t0

    @staticmethod
    def _check(report: PipelineReport) -> None:
        problems = []
        if report.records_in != report.kept + report.rejected:
            problems.append(f"records in {report.records_in} != kept {report.kept} + rejected {report.rejected}")
        expected = report.records_in
        for s in report.stages:
            if s.records_in != expected:
                problems.append(f"stage '{s.name}' saw {s.records_in} records, expected {expected}")
            expected = s.records_out
        if expected != report.kept:
            problems.append(f"last stage passed {expected} records but {report.kept} were kept")
        if problems:
            raise MedtuneError("cleaning pipeline lost track of records: " + "; ".join(problems) + ". Please report.")

    def _run_dataset_cleaner(
        self,
        cleaner: Any,
        hf: datasets.Dataset,
        columns: list[str],
        k: int,
        stat: StageStats,
        rejected: list[tuple[int, int, str, str | None, Row]],
    ) -> datasets.Dataset:
        t0 = time.perf_counter()
        rows = ({c: row[c] for c in columns} for row in hf.select_columns(columns))
        reasons = list(cleaner.drop_reasons(rows))
        stat.seconds += time.perf_counter() - t0
        if len(reasons) != len(hf):
            raise PluginError(
                f"cleaner '{cleaner.name}' gave {len(reasons)} verdicts for {len(hf)} records. "
                "Fix: drop_reasons must yield exactly one value per record."
            )
        drop = [i for i, r in enumerate(reasons) if r is not None]
        if drop:
            counts = Counter(reasons[i] for i in drop)
            stat.dropped = dict(counts)
            sub = hf.select(drop)
            for i, row in zip(drop, sub):
                rejected.append((row[_IDX], k, reasons[i], None, _public_row(row, columns)))
            keep = [i for i, r in enumerate(reasons) if r is None]
            hf = hf.select(keep).flatten_indices()
        return hf

    def _run_record_cleaners(
        self,
        group: list[Any],
        hf: datasets.Dataset,
        columns: list[str],
        first: int,
        stats: list[StageStats],
        rejected: list[tuple[int, int, str, str | None, Row]],
        num_proc: int | None,
    ) -> datasets.Dataset:
        procs = num_proc if num_proc and num_proc > 1 and len(hf) > 1 else None
        if procs:
            procs = min(procs, len(hf))
        import datasets

        features = hf.features.copy()
        features[_STAGE] = datasets.Value("int32")
        features[_REASON] = datasets.Value("string")
        features[_DETAIL] = datasets.Value("string")
        features[_CHANGED] = datasets.List(datasets.Value("bool"))
        features[_SECS] = datasets.List(datasets.Value("float64"))
        mapped = hf.map(
            _run_stages,
            features=features,
            batched=True,
            batch_size=self.batch_size,
            num_proc=procs,
            fn_kwargs={"cleaners": group, "columns": columns},
            load_from_cache_file=False,
            new_fingerprint=uuid.uuid4().hex,
            desc="cleaning",
        )
        internal = mapped.select_columns([_STAGE, _CHANGED, _SECS]).to_dict()
        stage_col: list[int] = internal[_STAGE]
        changed_col: list[list[bool]] = internal[_CHANGED]
        for secs in internal[_SECS]:
            for j, s in enumerate(secs):
                stats[first + j].seconds += s
        n = len(stage_col)
        alive = n
        for j in range(len(group)):
            stats[first + j].records_in = alive
            dropped_here = [i for i in range(n) if stage_col[i] == j]
            stats[first + j].changed = sum(1 for flags in changed_col if flags[j])
            alive -= len(dropped_here)
        drop_idx = [i for i in range(n) if stage_col[i] >= 0]
        if drop_idx:
            sub = mapped.select(drop_idx)
            for row in sub:
                j = row[_STAGE]
                stat = stats[first + j]
                stat.dropped[row[_REASON]] = stat.dropped.get(row[_REASON], 0) + 1
                rejected.append((row[_IDX], first + j, row[_REASON], row[_DETAIL], _public_row(row, columns)))
        keep_idx = [i for i in range(n) if stage_col[i] < 0]
        mapped = mapped.remove_columns([_STAGE, _REASON, _DETAIL, _CHANGED, _SECS])
        if len(keep_idx) != n:
            mapped = mapped.select(keep_idx).flatten_indices()
        return mapped


def _public_row(row: Row, columns: Sequence[str]) -> Row:
    """A row as users see it: internal columns gone, ``metadata`` parsed from JSON."""
    out = {c: row[c] for c in columns}
    meta = out.get("metadata")
    if isinstance(meta, str):
        with contextlib.suppress(json.JSONDecodeError):
            out["metadata"] = json.loads(meta) if meta else {}
    return {k: v for k, v in out.items() if v is not None}
