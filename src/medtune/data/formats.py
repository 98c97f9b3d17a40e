"""Data formats: the reader/writer interface and the core file formats (JSON, JSONL, CSV, Parquet).

A format yields raw records (plain dicts) with their location; :class:`medtune.Dataset` maps columns and
validates them. A problem with one record is yielded as a :class:`~medtune.errors.ValidationIssue` so the loader
can collect it (or stop, in strict mode); a file that cannot be read at all raises
:class:`~medtune.errors.DataFormatError`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from medtune.errors import DataFormatError, ValidationIssue

__all__ = [
    "MAX_LINE_BYTES",
    "STRICT_DECODER",
    "CsvFormat",
    "DataFormat",
    "JsonFormat",
    "JsonlFormat",
    "LineCounter",
    "LoadReport",
    "ParquetFormat",
    "RawRecord",
    "json_problem",
    "loads_checked",
    "read_text",
]

#: The longest JSON Lines line read (bytes); a longer one is an issue for its line, and the rest still loads.
MAX_LINE_BYTES = 64 * 1024 * 1024
_SURROGATE = re.compile("[\ud800-\udfff]")


class _StrictJSONError(ValueError):
    """Valid for Python's ``json`` but not for the JSON standard or not safe to keep: reported as an issue."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        keys = [k for k, _ in pairs]
        dup = next(k for i, k in enumerate(keys) if k in keys[:i])
        raise _StrictJSONError(
            f"duplicate key {dup!r} in one object (only the last value would be kept). Fix: keep one of them"
        )
    return out


def _no_constant(name: str) -> Any:
    raise _StrictJSONError(f"{name} is not valid JSON (a number must be finite). Fix: write null or a string")


#: A decoder that refuses what Python's ``json`` accepts beyond the standard: duplicate keys, NaN and Infinity.
STRICT_DECODER = json.JSONDecoder(object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)


def _decode_problem(exc: json.JSONDecodeError) -> str:
    """A JSON syntax error as one phrase that names the column.

    Python's messages that end on "at" ("Unterminated string starting at") get the column there.
    """
    msg = exc.msg[:1].lower() + exc.msg[1:]
    if msg.endswith(" at"):
        return f"invalid JSON: {msg} column {exc.colno}"
    return f"invalid JSON at column {exc.colno}: {msg}"


def json_problem(exc: BaseException) -> str | None:
    """What a ``json.loads`` failure means for a user, with the fix; ``None`` for errors that are not about input.

    Python's own limits become named errors: nesting (the parser recurses, about 1,000 levels) and integers of
    more than 4,300 digits.
    """
    if isinstance(exc, json.JSONDecodeError):
        return _decode_problem(exc)
    if isinstance(exc, _StrictJSONError):
        return str(exc)
    if isinstance(exc, RecursionError):
        return (
            "JSON nested too deeply (Python's parser stops at about 1,000 levels). "
            "Fix: flatten the record, or store the nested part as a string"
        )
    if isinstance(exc, ValueError) and "digits" in str(exc):
        return "a number with more than 4,300 digits (Python's limit). Fix: store it as a string"
    return None


def _lone_surrogate(value: Any) -> bool:
    r"""Whether a parsed JSON value holds a lone UTF-16 surrogate (written ``\ud800``): not valid Unicode."""
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if _SURROGATE.search(v):
                return True
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return False


def loads_checked(text: str) -> tuple[Any, str | None]:
    """``json.loads`` within medtune's limits: ``(value, None)``, or ``(None, problem with the fix)``.

    Example:
        >>> loads_checked('{"a": 1}')
        ({'a': 1}, None)
        >>> loads_checked('{"a": 1,}')
        (None, 'invalid JSON at column 9: expecting property name enclosed in double quotes')
        >>> loads_checked('{"a": "b')
        (None, 'invalid JSON: unterminated string starting at column 7')
    """
    try:
        value = STRICT_DECODER.decode(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        problem = json_problem(exc)
        if problem is None:
            raise
        return None, problem
    if "\\u" in text and _lone_surrogate(value):
        return None, (
            "a lone UTF-16 surrogate (\\ud800-\\udfff) in a string is not valid Unicode. Fix: repair the text encoding"
        )
    return value, None


@dataclass(frozen=True)
class RawRecord:
    """One record as read from a source, before column mapping and validation.

    Attributes:
        data: Field name -> value.
        row: 0-based index of the record in its source.
        line: 1-based line in a text file, when known.
        source: The file it came from (for multi-file formats such as a MedQuAD directory).
    """

    data: dict[str, Any]
    row: int
    line: int | None = None
    source: str | None = None


@dataclass
class LoadReport:
    """What a load did besides producing records: skipped items by reason, notes and validation issues."""

    source: str
    format: str = ""
    records: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    issues: list[ValidationIssue] = field(default_factory=list)

    def skip(self, reason: str, n: int = 1) -> None:
        """Count ``n`` source items deliberately skipped for ``reason`` (e.g. empty answers)."""
        self.skipped[reason] += n

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "source": self.source,
            "format": self.format,
            "records": self.records,
            "skipped": dict(self.skipped),
            "notes": list(self.notes),
            "invalid": len(self.issues),
        }


class DataFormat:
    """Base class of a data format. Subclass it and return an instance from ``medtune_data_formats``.

    Attributes:
        name: Unique format name (``--format NAME``).
        extensions: File suffixes it claims by default (``".jsonl"``); the first registered claim wins.
        description: One line for ``medtune plugins``.
        directory: Reads a directory (or archive) rather than one file.
    """

    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""
    directory: ClassVar[bool] = False

    def sniff(self, path: Path) -> bool:
        """Return True when ``path`` is certainly in this format (checked before extensions).

        Formats that share an extension with a generic one (a JSON corpus layout) override this. It must be
        cheap: look at the first bytes, not the whole file.
        """
        return False

    def read(self, path: Path, report: LoadReport) -> Iterator[RawRecord | ValidationIssue]:
        """Yield raw records, or issues for records that cannot be parsed.

        Raises:
            DataFormatError: The file cannot be read at all (empty, not UTF-8, wrong format).
        """
        raise NotImplementedError(f"format '{self.name}' cannot read")
        yield  # pragma: no cover

    @property
    def can_write(self) -> bool:
        """Whether :meth:`write` is implemented."""
        return type(self).write is not DataFormat.write

    def write(self, rows: Iterable[dict[str, Any]], path: Path) -> None:
        """Write plain-JSON rows (``Record.model_dump()``) to ``path``."""
        raise DataFormatError(f"format '{self.name}' cannot write files. Fix: write to .jsonl or .parquet instead.")


def read_text(path: Path) -> str:
    """Read a whole text file as UTF-8 (BOM allowed), with clear errors for empty and non-UTF-8 files."""
    raw = path.read_bytes()
    if not raw.strip():
        raise DataFormatError(f"{path}: the file is empty. Fix: check the path, or re-export the data.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataFormatError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}). "
            f"Fix: re-encode the file, e.g. `iconv -f latin1 -t utf-8 {path.name} > fixed.{path.suffix[1:]}`."
        ) from None


def _json_error(path: Path, exc: json.JSONDecodeError, line_offset: int = 0) -> str:
    return f"{path}:{exc.lineno + line_offset}: {_decode_problem(exc)}"


def _line_excerpt(text: str, limit: int = 80) -> str:
    """The start of a bad line, marked with "…" when cut (the issue redacts it)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _skip_value(text: str, pos: int) -> int:
    """The end of the JSON value at ``pos``, read leniently (to step over a record refused by the strict decoder)."""
    return json.JSONDecoder().raw_decode(text, pos)[1]


def _type_name(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def _a(noun: str) -> str:
    """``noun`` with its article: "an array", "a string"; "null" stays bare."""
    return noun if noun == "null" else f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


class JsonFormat(DataFormat):
    """A JSON array of objects (``[{"instruction": …}, …]``), or ``{"data": [...]}``."""

    name = "json"
    extensions = (".json",)
    description = "JSON array of record objects"

    def read(self, path: Path, report: LoadReport) -> Iterator[RawRecord | ValidationIssue]:
        """Yield each array element with its line number."""
        text = read_text(path)
        decoder = STRICT_DECODER
        pos = _skip_ws(text, 0)
        if text[pos] == "{":
            # {"data": [...]} or {"train": [...]}-style wrappers: one array-valued key.
            try:
                obj = STRICT_DECODER.decode(text)
            except json.JSONDecodeError as exc:
                raise DataFormatError(_json_error(path, exc)) from None
            except (RecursionError, ValueError) as exc:
                raise DataFormatError(f"{path}: {json_problem(exc) or exc}") from None
            arrays = [k for k, v in obj.items() if isinstance(v, list)] if isinstance(obj, dict) else []
            if len(arrays) != 1:
                raise DataFormatError(
                    f"{path}:1: expected a JSON array of records, got an object with keys "
                    f"{list(obj)[:5]}. Fix: pass --format for a corpus layout (see `medtune plugins`)."
                )
            report.notes.append(f"records read from the '{arrays[0]}' key")
            for row, item in enumerate(obj[arrays[0]]):
                yield self._record(path, item, row, None)
            return
        if text[pos] != "[":
            raise DataFormatError(
                f"{path}:1: expected a JSON array '[' of records, found {text[pos]!r}. "
                "Fix: for one object per line use a .jsonl file (or --format jsonl)."
            )
        pos += 1
        row = 0
        lines = LineCounter(text)
        escapes = "\\u" in text  # a lone surrogate can only come from a \u escape: walk the records only then
        while True:
            pos = _skip_ws(text, pos)
            if pos >= len(text):
                raise DataFormatError(f"{path}:{text.count(chr(10)) + 1}: unterminated JSON array")
            if text[pos] == "]":
                return
            line = lines.at(pos)
            try:
                item, pos = decoder.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                raise DataFormatError(
                    _json_error(path, exc) + ". A JSON array cannot be resumed after a syntax error. "
                    "Fix: repair the file, or export one record per line (JSONL) so bad lines can be skipped."
                ) from None
            except _StrictJSONError as exc:
                yield ValidationIssue(str(path), line, row, None, str(exc))
                pos = _skip_value(text, pos)
            except (RecursionError, ValueError) as exc:
                raise DataFormatError(f"{path}:{line}: {json_problem(exc) or exc}") from None
            else:
                if escapes and _lone_surrogate(item):
                    yield ValidationIssue(
                        str(path), line, row, None,
                        "a lone UTF-16 surrogate (\\ud800-\\udfff) in a string is not valid Unicode. "
                        "Fix: repair the text encoding",
                    )  # fmt: skip
                else:
                    yield self._record(path, item, row, line)
            row += 1
            pos = _skip_ws(text, pos)
            if pos < len(text) and text[pos] == ",":
                pos += 1
                if (end := _skip_ws(text, pos)) < len(text) and text[end] == "]":
                    raise DataFormatError(
                        f"{path}:{text.count(chr(10), 0, end) + 1}: invalid JSON: a comma before ']' after record "
                        f"{row - 1} (a trailing comma). Fix: remove the comma."
                    )
            elif pos < len(text) and text[pos] != "]":
                raise DataFormatError(
                    f"{path}:{text.count(chr(10), 0, pos) + 1}: invalid JSON: expected ',' or ']' after "
                    f"record {row - 1}, found {text[pos]!r}. Fix: repair the file."
                )

    @staticmethod
    def _record(path: Path, item: Any, row: int, line: int | None) -> RawRecord | ValidationIssue:
        if not isinstance(item, dict):
            return ValidationIssue(
                str(path),
                line,
                row,
                None,
                f"expected a JSON object, not {_a(_type_name(item))}. Fix: make every element of the array a record "
                'object, e.g. {"input": "...", "output": "..."}',
                _line_excerpt(repr(item)),
            )
        return RawRecord(item, row, line)

    def write(self, rows: Iterable[dict[str, Any]], path: Path) -> None:
        """Write a pretty-printed JSON array."""
        with path.open("w", encoding="utf-8") as fh:
            json.dump(list(rows), fh, ensure_ascii=False, indent=1)
            fh.write("\n")


class LineCounter:
    """1-based line of increasing offsets in a text, counting each newline once (linear, not quadratic)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1

    def at(self, pos: int) -> int:
        """The line of offset ``pos``."""
        if pos < self.pos:  # offsets normally only grow; restart if not
            self.pos, self.line = 0, 1
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


def _skip_ws(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos] in " \t\r\n":
        pos += 1
    return pos


class JsonlFormat(DataFormat):
    """One JSON object per line. A broken line is reported and, unless strict, the rest still loads."""

    name = "jsonl"
    extensions = (".jsonl", ".ndjson")
    description = "JSON Lines: one record object per line"

    def read(self, path: Path, report: LoadReport) -> Iterator[RawRecord | ValidationIssue]:
        """Yield each non-blank line as a record, or an issue naming the line."""
        src = str(path)
        row = 0
        seen_content = False
        with path.open("rb") as fh:
            for lineno, raw in enumerate(iter(lambda: fh.readline(MAX_LINE_BYTES + 1), b""), start=1):
                if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                    while (rest := fh.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                        pass  # skip the rest of the line without holding it
                    yield ValidationIssue(
                        src, lineno, row, None,
                        f"line longer than {MAX_LINE_BYTES // 2**20} MiB (MAX_LINE_BYTES); "
                        "fix: split the record or store the large part elsewhere",
                    )  # fmt: skip
                    row += 1
                    continue
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                seen_content = True
                try:
                    text = raw.decode("utf-8").rstrip("\r\n")
                except UnicodeDecodeError as exc:
                    yield ValidationIssue(
                        src,
                        lineno,
                        row,
                        None,
                        f"line is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}); "
                        "fix: re-encode the file as UTF-8",
                    )
                    row += 1
                    continue
                item, problem = loads_checked(text)
                if problem is not None:
                    if "fix:" not in problem.lower():
                        problem += ". Fix: repair the line so that it holds one complete JSON object"
                    yield ValidationIssue(src, lineno, row, None, problem, _line_excerpt(text))
                    row += 1
                    continue
                if not isinstance(item, dict):
                    yield ValidationIssue(
                        src,
                        lineno,
                        row,
                        None,
                        f"expected a JSON object, not {_a(_type_name(item))}. "
                        'Fix: write one record object per line, e.g. {"input": "...", "output": "..."}',
                        _line_excerpt(text),
                    )
                else:
                    yield RawRecord(item, row, lineno)
                row += 1
        if not seen_content:
            raise DataFormatError(f"{path}: the file is empty. Fix: check the path, or re-export the data.")

    def write(self, rows: Iterable[dict[str, Any]], path: Path) -> None:
        """Write one compact JSON object per line."""
        with path.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False))
                fh.write("\n")


class CsvFormat(DataFormat):
    """Comma-separated values with a header row. Empty optional cells become null; ``metadata`` may be JSON."""

    name = "csv"
    extensions = (".csv", ".tsv")
    description = "CSV/TSV with a header row"

    def read(self, path: Path, report: LoadReport) -> Iterator[RawRecord | ValidationIssue]:
        """Yield each data row with its line number (multi-line cells report their first line)."""
        text = read_text(path)
        dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
        reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
        try:
            header = next(reader)
        except StopIteration:  # pragma: no cover - read_text rejects empty files
            raise DataFormatError(f"{path}: the file is empty") from None
        header = [h.strip() for h in header]
        if len(set(header)) != len(header):
            dupes = sorted({h for h in header if header.count(h) > 1})
            raise DataFormatError(f"{path}:1: duplicate column names in the header: {dupes}")
        row = 0
        line = reader.line_num + 1
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not cells or all(not c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                yield ValidationIssue(
                    str(path),
                    start,
                    row,
                    None,
                    f"row has {len(cells)} cells but the header has {len(header)} columns; "
                    "fix: quote cells that contain commas or newlines",
                )
                row += 1
                continue
            data: dict[str, Any] = {}
            for key, value in zip(header, cells):
                if key in ("id", "source", "category") and value == "":
                    data[key] = None
                elif key == "metadata":
                    data[key] = _parse_json_cell(value)
                else:
                    data[key] = value
            yield RawRecord(data, row, start)
            row += 1

    def write(self, rows: Iterable[dict[str, Any]], path: Path) -> None:
        """Write a header and one row per record; ``metadata`` and ``messages`` are JSON-encoded."""
        rows = list(rows)
        keys: list[str] = []
        for r in rows:
            keys.extend(k for k in r if k not in keys)
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=keys)
            writer.writeheader()
            for r in rows:
                writer.writerow(
                    {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v for k, v in r.items()}
                )


def _parse_json_cell(value: str) -> Any:
    if not value.strip():
        return {}
    parsed, problem = loads_checked(value)
    return value if problem is not None else parsed  # validation reports "metadata: expected a dictionary"


class ParquetFormat(DataFormat):
    """Apache Parquet. Reported locations are row numbers."""

    name = "parquet"
    extensions = (".parquet", ".pq")
    description = "Apache Parquet table"

    def read(self, path: Path, report: LoadReport) -> Iterator[RawRecord | ValidationIssue]:
        """Yield each row, batch by batch (memory stays bounded)."""
        import pyarrow.parquet as pq

        if path.stat().st_size == 0:
            raise DataFormatError(f"{path}: the file is empty. Fix: check the path, or re-export the data.")
        try:
            pf = pq.ParquetFile(path)
        except Exception as exc:  # pyarrow raises ArrowInvalid and friends
            raise DataFormatError(f"{path}: not a readable Parquet file: {exc}") from None
        row = 0
        for batch in pf.iter_batches(batch_size=4096):
            for item in batch.to_pylist():
                if isinstance(item.get("metadata"), str):
                    item["metadata"] = _parse_json_cell(item["metadata"])
                yield RawRecord(item, row, None)
                row += 1

    def write(self, rows: Iterable[dict[str, Any]], path: Path) -> None:
        """Write a Parquet table; ``metadata`` is stored as a JSON string column.

        Every field of any row is a column (a row without it holds null): pyarrow would take the columns of the
        first row only, and drop the ``metadata`` or ``category`` of the others.
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = list(rows)
        keys: list[str] = []
        for r in rows:
            keys.extend(k for k in r if k not in keys)
        rows = [{k: r.get(k) for k in keys} for r in rows]
        if "metadata" in keys:
            rows = [{**r, "metadata": json.dumps(r["metadata"] or {}, ensure_ascii=False)} for r in rows]
        pq.write_table(pa.Table.from_pylist(rows), path)
