"""``medtune.Dataset``: validated instruction, chat or preference records, backed by a ``datasets.Dataset``."""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from medtune.data.formats import DataFormat, LoadReport, RawRecord
from medtune.data.records import Conversation, InstructionRecord, PreferenceRecord, Record
from medtune.errors import ConversionError, DataFormatError, DataValidationError, ValidationIssue

if TYPE_CHECKING:
    import datasets

    from medtune.data.stats import DatasetStats
    from medtune.plugins.manager import PluginManager

__all__ = ["Dataset", "DatasetSplits", "Kind", "detect_kind", "resolve_format", "resolve_writer"]

Kind = Literal["instruction", "chat", "preference"]
_MODELS: dict[str, type[InstructionRecord] | type[Conversation] | type[PreferenceRecord]] = {
    "instruction": InstructionRecord,
    "chat": Conversation,
    "preference": PreferenceRecord,
}
_FIELDS: dict[str, tuple[str, ...]] = {
    "instruction": ("id", "instruction", "input", "output", "source", "category", "metadata"),
    "chat": ("id", "messages", "source", "category", "metadata"),
    "preference": ("id", "system", "prompt", "chosen", "rejected", "source", "category", "metadata"),
}


def detect_kind(data: Mapping[str, Any]) -> Kind:
    """The record layout of one raw record.

    ``chat`` with ``messages``, ``preference`` with ``chosen`` or ``rejected``, else ``instruction``.

    Example:
        >>> detect_kind({"prompt": "q", "chosen": "a", "rejected": "b"}), detect_kind({"input": "q", "output": "a"})
        ('preference', 'instruction')
    """
    if "messages" in data:
        return "chat"
    if "chosen" in data or "rejected" in data:
        return "preference"
    return "instruction"


def _features(kind: Kind) -> datasets.Features:
    import datasets

    string = datasets.Value("string")
    if kind != "chat":
        return datasets.Features({name: string for name in _FIELDS[kind]})
    return datasets.Features(
        {
            "id": string,
            "messages": datasets.List({"role": string, "content": string}),
            "source": string,
            "category": string,
            "metadata": string,
        }
    )


def resolve_format(path: Path, format: str | None = None, plugin_manager: PluginManager | None = None) -> DataFormat:
    """Pick the format for ``path``: the named one, else the first that sniffs it, else by extension.

    Raises:
        UnknownComponentError: ``format`` is not registered.
        DataFormatError: No format claims the path.
    """
    from medtune.plugins.manager import get_plugin_manager

    registry = (plugin_manager or get_plugin_manager()).registry("format")
    if format is not None:
        return registry.get(format)
    for info in registry:
        fmt: DataFormat = info.component
        if (path.is_dir() or not fmt.directory) and fmt.sniff(path):
            return fmt
    suffixes = "".join(path.suffixes[-2:]).lower()
    for info in registry:
        fmt = info.component
        if any(suffixes.endswith(ext) for ext in fmt.extensions) and (fmt.directory or path.is_file()):
            return fmt
    known = sorted({ext for info in registry for ext in info.component.extensions})
    raise DataFormatError(
        f"{path}: cannot tell the format from the name. Known extensions: {', '.join(known)}. "
        f"Fix: pass format=NAME (--format NAME); formats: {', '.join(registry.names())}."
    )


def resolve_writer(path: Path, format: str | None = None, plugin_manager: PluginManager | None = None) -> DataFormat:
    """The format that writes ``path``: the named one, else the first writer claiming its extension.

    Raises:
        UnknownComponentError: ``format`` is not registered.
        DataFormatError: The named format cannot write, or no writer claims the extension.
    """
    from medtune.plugins.manager import get_plugin_manager

    registry = (plugin_manager or get_plugin_manager()).registry("format")
    if format is not None:
        fmt: DataFormat = registry.get(format)
        if not fmt.can_write:
            raise DataFormatError(f"format '{format}' cannot be written. Fix: use jsonl or parquet.")
        return fmt
    suffix = path.suffix.lower()
    for info in registry:
        if suffix in info.component.extensions and info.component.can_write:
            return info.component
    raise DataFormatError(f"{path}: cannot tell the output format from '{suffix}'. Fix: use .jsonl or .parquet.")


class _Builder:
    """Maps columns, validates raw records and accumulates Arrow columns."""

    #: Records buffered as Python objects before they are packed into an Arrow batch.
    BATCH = 2048

    def __init__(
        self, source: str, kind: Kind | None, columns: Mapping[str, str] | None, cache_dir: Path | None = None
    ) -> None:
        self.source = source
        self.kind: Kind | None = kind
        self.columns = dict(columns or {})
        self.cache_dir = cache_dir
        self.data: dict[str, list[Any]] = {name: [] for name in _FIELDS[kind]} if kind else {}
        self.tables: list[Any] = []
        self.count = 0
        self.moved_to_metadata: set[str] = set()

    def add(self, raw: RawRecord) -> list[ValidationIssue]:
        data = {self.columns.get(k, k): v for k, v in raw.data.items()}
        if self.kind is None:
            self.kind = detect_kind(data)
            self.data = {name: [] for name in _FIELDS[self.kind]}
        model = _MODELS[self.kind]
        fields = _FIELDS[self.kind]
        extra = [k for k in data if k not in fields]
        if extra:
            meta = data.get("metadata")
            meta = dict(meta) if isinstance(meta, dict) else {} if meta is None else meta
            if isinstance(meta, dict):
                for key in extra:
                    meta[key] = data.pop(key)
                data["metadata"] = meta
                self.moved_to_metadata.update(extra)
        try:
            record = model.model_validate(data)
        except ValidationError as exc:
            return [self._issue(raw, err, extra) for err in exc.errors()]
        for name, value in record.model_dump(include=set(fields)).items():
            if name == "metadata":
                value = json.dumps(value, ensure_ascii=False)
            self.data[name].append(value)
        self.count += 1
        if len(self.data["id"]) >= self.BATCH:
            self._flush()
        return []

    def _flush(self) -> None:
        """Pack buffered records into a compact Arrow table (memory stays bounded by one batch of objects)."""
        import pyarrow as pa

        if self.data and self.data["id"]:
            schema = _features(self.kind or "instruction").arrow_schema
            self.tables.append(pa.Table.from_pydict(self.data, schema=schema))
            self.data = {name: [] for name in self.data}

    def _issue(self, raw: RawRecord, err: Any, extra: Sequence[str]) -> ValidationIssue:
        loc = [str(p) for p in err.get("loc", ())]
        field = ".".join(loc) or None
        msg = err["msg"]
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        value: str | None = None
        if err["type"] == "missing":
            msg = "required field is missing"
            close = difflib.get_close_matches(field or "", extra, n=1, cutoff=0.6)
            if close:
                msg += f"; the record has a column '{close[0]}': fix the name or map it with columns="
                msg += f"{{'{close[0]}': '{field}'}}"
            elif len(loc) == 1:
                msg += (
                    f" (the record has {', '.join(repr(k) for k in raw.data) or 'no field'}). Fix: add '{field}' to "
                    f"the record, or map the column that holds it with columns={{'your_column': '{field}'}}"
                )
        elif "input" in err and loc:
            value = _short(err["input"])
        return ValidationIssue(raw.source or self.source, raw.line, raw.row, field, msg, value)

    def to_hf(self) -> datasets.Dataset:
        """The records as a ``datasets.Dataset``: memory-mapped from an Arrow file in ``cache_dir`` if set."""
        import datasets
        import pyarrow as pa
        from datasets.table import InMemoryTable

        kind: Kind = self.kind or "instruction"
        self._flush()
        features = _features(kind)
        table = pa.concat_tables(self.tables) if self.tables else features.arrow_schema.empty_table()
        self.tables = []
        info = datasets.DatasetInfo(features=features)
        if self.cache_dir is None:
            return datasets.Dataset(InMemoryTable(table), info=info)
        import uuid

        self.cache_dir.mkdir(parents=True, exist_ok=True)
        path = self.cache_dir / f"medtune-{uuid.uuid4().hex}.arrow"
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        del table
        return datasets.Dataset.from_file(str(path), info=info)


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Dataset:
    """Validated instruction, chat or preference records, backed by a Hugging Face ``datasets.Dataset`` (Arrow).

    Build one with :meth:`load` (files and corpora), :meth:`from_hf` or :meth:`from_records`. Iterating yields
    :class:`InstructionRecord`, :class:`Conversation` or :class:`PreferenceRecord` objects; :attr:`hf` gives the
    Arrow-backed dataset for fast ``map``/``filter`` with ``num_proc``. ``metadata`` is stored as a JSON string
    column in :attr:`hf`.

    Example:
        >>> from medtune import Dataset, sample_path
        >>> ds = Dataset.load(sample_path("medical"))
        >>> ds.kind, len(ds) > 100
        ('instruction', True)
    """

    def __init__(
        self,
        hf: datasets.Dataset,
        kind: Kind,
        *,
        load_report: LoadReport | None = None,
        rejects: Sequence[ValidationIssue] = (),
    ) -> None:
        expected = set(_FIELDS[kind])
        if set(hf.column_names) != expected:
            raise DataFormatError(
                f"a {kind} Dataset needs exactly the columns {sorted(expected)}, got {sorted(hf.column_names)}"
            )
        self._hf = hf
        self.kind: Kind = kind
        self.load_report = load_report
        self.rejects: list[ValidationIssue] = list(rejects)

    # --- construction ----------------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        source: str | PathLike[str] | Any,
        *,
        format: str | None = None,
        columns: Mapping[str, str] | None = None,
        kind: Kind | None = None,
        strict: bool = False,
        skip_invalid: bool = False,
        split: str | None = None,
        progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
        plugin_manager: PluginManager | None = None,
        cache_dir: str | PathLike[str] | None = None,
    ) -> Dataset:
        """Load and validate records from a file, a directory or a Hugging Face dataset.

        Args:
            source: A path (file, or directory for corpus formats such as MedQuAD), or a
                ``datasets.Dataset``/``DatasetDict``.
            format: Format name (see ``medtune plugins``); detected from the file when omitted.
            columns: Rename source columns to medtune fields, e.g. ``{"question": "input"}``. Columns that
                are not record fields are kept in ``metadata``.
            kind: ``"instruction"``, ``"chat"`` or ``"preference"`` (prompt/chosen/rejected pairs); detected from
                the first record when omitted.
            strict: Stop at the first invalid record.
            skip_invalid: Keep the valid records and put the issues in :attr:`rejects` instead of raising.
            split: For a ``DatasetDict``: which split to load.
            progress: Wraps the record iterator, e.g. ``tqdm``; the CLI passes a rich progress bar.
            plugin_manager: Registry of formats; the process-wide one by default.
            cache_dir: Write the validated records to an Arrow file in this directory and memory-map it (for
                datasets larger than memory). By default the Arrow table is kept in memory.

        Returns:
            The dataset; :attr:`load_report` says what was skipped and why.

        Raises:
            DataValidationError: Some records are invalid (all are listed; in strict mode, the first).
            DataFormatError: The file cannot be read at all (missing, empty, not UTF-8, unknown format).
        """
        if not isinstance(source, (str, PathLike)):
            return cls.from_hf(
                source,
                split=split,
                columns=columns,
                kind=kind,
                strict=strict,
                skip_invalid=skip_invalid,
                cache_dir=cache_dir,
            )
        path = Path(source)
        if not path.exists():
            raise DataFormatError(f"{path}: no such file or directory. Fix: check the path.")
        if not (path.is_file() or path.is_dir()):  # a FIFO or a device would block or never end
            raise DataFormatError(
                f"{path}: not a regular file or a directory (a FIFO, a device or a socket). "
                "Fix: save the data to a file first."
            )
        fmt = resolve_format(path, format, plugin_manager)
        report = LoadReport(source=str(path), format=fmt.name)
        items: Iterable[RawRecord | ValidationIssue] = fmt.read(path, report)
        if progress is not None:
            items = progress(items)
        return cls._build(items, str(path), report, kind, columns, strict, skip_invalid, cache_dir)

    @classmethod
    def _build(
        cls,
        items: Iterable[RawRecord | ValidationIssue],
        source: str,
        report: LoadReport,
        kind: Kind | None,
        columns: Mapping[str, str] | None,
        strict: bool,
        skip_invalid: bool,
        cache_dir: str | PathLike[str] | None = None,
    ) -> Dataset:
        builder = _Builder(source, kind, columns, Path(cache_dir) if cache_dir is not None else None)
        for item in items:
            issues = [item] if isinstance(item, ValidationIssue) else builder.add(item)
            if issues:
                if strict:
                    raise DataValidationError(issues)
                report.issues.extend(issues)
        if builder.moved_to_metadata:
            report.notes.append(f"columns kept in metadata: {', '.join(sorted(builder.moved_to_metadata))}")
        if report.issues and not skip_invalid:
            raise DataValidationError(report.issues)
        hf = builder.to_hf()
        report.records = len(hf)
        if len(hf) == 0 and not report.issues:
            raise DataFormatError(f"{source}: contains no records. Fix: check the file and the format.")
        return cls(hf, builder.kind or "instruction", load_report=report, rejects=report.issues)

    @classmethod
    def from_records(
        cls, records: Iterable[Record | PreferenceRecord | Mapping[str, Any]], *, kind: Kind | None = None
    ) -> Dataset:
        """Build a dataset from record objects or plain dicts (validated like a file).

        Example:
            >>> ds = Dataset.from_records([{"instruction": "Say hi", "output": "Hi"}])
            >>> ds[0].output
            'Hi'
        """
        items = (
            RawRecord(
                r.model_dump() if isinstance(r, (InstructionRecord, Conversation, PreferenceRecord)) else dict(r), i
            )
            for i, r in enumerate(records)
        )
        report = LoadReport(source="<records>", format="records")
        return cls._build(items, "<records>", report, kind, None, False, False)

    @classmethod
    def from_hf(
        cls,
        hf: Any,
        *,
        split: str | None = None,
        columns: Mapping[str, str] | None = None,
        kind: Kind | None = None,
        strict: bool = False,
        skip_invalid: bool = False,
        cache_dir: str | PathLike[str] | None = None,
    ) -> Dataset:
        """Validate a Hugging Face ``Dataset`` (or one split of a ``DatasetDict``) into a medtune Dataset."""
        import datasets

        source = f"<datasets.{type(hf).__name__}>"
        if isinstance(hf, datasets.DatasetDict):
            names = list(hf)
            if split is None and len(names) == 1:
                split = names[0]
            if split not in hf:
                raise DataFormatError(
                    f"{source}: pick a split with split=NAME; available: {', '.join(names)}"
                    + (f" (got '{split}')" if split else "")
                )
            hf, source = hf[split], f"{source}[{split}]"
        elif not isinstance(hf, datasets.Dataset):
            raise DataFormatError(
                f"cannot load a {type(hf).__name__}: pass a path, a datasets.Dataset or a datasets.DatasetDict"
            )
        items = (RawRecord(row, i) for i, row in enumerate(hf))
        report = LoadReport(source=source, format="hf")
        return cls._build(items, source, report, kind, columns, strict, skip_invalid, cache_dir)

    # --- access ----------------------------------------------------------------------------------------

    @property
    def hf(self) -> datasets.Dataset:
        """The underlying Arrow-backed ``datasets.Dataset``."""
        return self._hf

    def __len__(self) -> int:
        return len(self._hf)

    def __getitem__(self, index: int) -> Record | PreferenceRecord:
        return self._to_record(self._hf[index])

    def __iter__(self) -> Iterator[Record | PreferenceRecord]:
        for batch in self._hf.iter(batch_size=1000):
            keys = list(batch)
            for values in zip(*(batch[k] for k in keys)):
                yield self._to_record(dict(zip(keys, values)))

    def __repr__(self) -> str:
        return f"Dataset(kind={self.kind!r}, records={len(self)})"

    def _to_record(self, row: Mapping[str, Any]) -> Record | PreferenceRecord:
        row = dict(row)
        row["metadata"] = json.loads(row["metadata"]) if row.get("metadata") else {}
        return _MODELS[self.kind].model_validate(row)

    def to_rows(self) -> Iterator[dict[str, Any]]:
        """Records as plain-JSON dicts (the layout every writer takes), without empty optional fields."""
        for record in self:
            row = record.model_dump(exclude_none=True)
            if not row.get("metadata"):
                row.pop("metadata", None)
            yield row

    # --- writing ---------------------------------------------------------------------------------------

    def save(self, path: str | PathLike[str], *, format: str | None = None) -> Path:
        """Write the records; the format comes from ``format`` or the file extension (jsonl, parquet, …)."""
        from medtune.io.files import atomic_output

        path = Path(path)
        fmt = resolve_writer(path, format)
        with atomic_output(path) as tmp:
            fmt.write(self.to_rows(), tmp)
        return path

    def to_jsonl(self, path: str | PathLike[str]) -> Path:
        """Write JSON Lines."""
        return self.save(path, format="jsonl")

    def to_parquet(self, path: str | PathLike[str]) -> Path:
        """Write Parquet (``metadata`` as a JSON string column)."""
        return self.save(path, format="parquet")

    # --- transforms ------------------------------------------------------------------------------------

    def to_chat(self, num_proc: int | None = None) -> Dataset:
        """Convert instruction records to single-turn conversations (lossless; see InstructionRecord).

        Raises:
            ConversionError: The records are preference pairs.
        """
        if self.kind == "chat":
            return self
        self._not_pairs("to_chat", "chat")
        hf = self._hf.map(
            _batch_to_chat,
            batched=True,
            num_proc=num_proc,
            remove_columns=["instruction", "input", "output"],
            features=_features("chat"),
            desc="to chat",
        )
        return Dataset(hf, "chat", load_report=self.load_report)

    def to_instruction(self, num_proc: int | None = None) -> Dataset:
        """Convert single-turn conversations to instruction records.

        Raises:
            ConversionError: A conversation is multi-turn (its id and position are named), or the records are
                preference pairs.
        """
        if self.kind == "instruction":
            return self
        self._not_pairs("to_instruction", "instruction")
        for i, messages in enumerate(self._hf["messages"]):
            roles = [m["role"] for m in messages]
            if roles not in (["system", "user", "assistant"], ["user", "assistant"]):
                raise ConversionError(
                    f"record {i} (id {self._hf[i]['id']!r}) has roles {roles}; only single-turn conversations "
                    "convert to instruction records. Fix: keep the chat layout."
                )
        hf = self._hf.map(
            _batch_to_instruction,
            batched=True,
            num_proc=num_proc,
            remove_columns=["messages"],
            features=_features("instruction"),
            desc="to instruction",
        )
        return Dataset(hf, "instruction", load_report=self.load_report)

    def _not_pairs(self, method: str, layout: str) -> None:
        if self.kind == "preference":
            raise ConversionError(
                f"Dataset.{method}(): preference pairs have two answers per prompt, so they have no single {layout} "
                f"layout. Fix: keep them as pairs, or convert one answer per record with "
                f"PreferenceRecord.to_{'conversation' if layout == 'chat' else 'instruction'}('chosen')."
            )

    def select(self, indices: Iterable[int]) -> Dataset:
        """The records at ``indices``, in that order."""
        return Dataset(self._hf.select(list(indices)), self.kind, load_report=self.load_report)

    def shuffle(self, seed: int = 42) -> Dataset:
        """A deterministic shuffle."""
        return Dataset(self._hf.shuffle(seed=seed).flatten_indices(), self.kind, load_report=self.load_report)

    def stats(self, tokenizer: Any = None, *, num_proc: int | None = None) -> DatasetStats:
        """Record count, token lengths, categories, duplicates and empty fields.

        Args:
            tokenizer: ``None`` counts whitespace-separated words; otherwise a tokenizer object (anything with
                ``__call__`` returning ``input_ids`` or an ``encode`` method) or a local tokenizer path/name
                for ``transformers.AutoTokenizer`` (needs the ``train`` extra).
            num_proc: Processes for the length computation.
        """
        from medtune.data.stats import compute_stats

        return compute_stats(self, tokenizer=tokenizer, num_proc=num_proc)

    def split(
        self,
        validation: float | int = 0.1,
        test: float | int = 0.0,
        *,
        seed: int = 42,
        stratify_by: str | Sequence[str] | None = None,
    ) -> DatasetSplits:
        """Deterministic train/validation/test split.

        Args:
            validation: Fraction (``0 <= x < 1``) or number of records.
            test: Fraction or number of records.
            seed: Same seed and same data give the same split.
            stratify_by: ``"category"`` keeps each category's share equal across splits; a list of columns
                (``["source", "category"]``) keeps each combination's share.
        """
        from medtune.data.splits import split_indices

        parts = split_indices(self, validation=validation, test=test, seed=seed, stratify_by=stratify_by)
        return DatasetSplits(
            train=self.select(parts["train"]),
            validation=self.select(parts["validation"]) if parts["validation"] else None,
            test=self.select(parts["test"]) if parts["test"] else None,
        )


def _batch_to_chat(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
    out = []
    for instruction, input_, output in zip(batch["instruction"], batch["input"], batch["output"]):
        conv = InstructionRecord(instruction=instruction, input=input_, output=output).to_conversation()
        out.append([m.model_dump() for m in conv.messages])
    return {"messages": out}


def _batch_to_instruction(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {"instruction": [], "input": [], "output": []}
    for messages in batch["messages"]:
        rec = Conversation(messages=messages).to_instruction()
        cols["instruction"].append(rec.instruction)
        cols["input"].append(rec.input)
        cols["output"].append(rec.output)
    return cols


@dataclass
class DatasetSplits:
    """Train/validation/test datasets from :meth:`Dataset.split`."""

    train: Dataset
    validation: Dataset | None = None
    test: Dataset | None = None

    def items(self) -> list[tuple[str, Dataset]]:
        """``(name, dataset)`` for the splits that exist."""
        return [
            (n, d)
            for n, d in (("train", self.train), ("validation", self.validation), ("test", self.test))
            if d is not None
        ]

    def sizes(self) -> dict[str, int]:
        """Records per split."""
        return {name: len(ds) for name, ds in self.items()}

    def save(self, directory: str | PathLike[str], format: str = "jsonl") -> dict[str, Path]:
        """Write each split to ``directory/<split>.<format>``."""
        directory = Path(directory)
        return {name: ds.save(directory / f"{name}.{format}", format=format) for name, ds in self.items()}
