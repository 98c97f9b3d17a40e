"""The medtune error hierarchy.

Every error medtune raises on purpose derives from :class:`MedtuneError`. Messages follow one shape: what
failed, the bad value, where (file:line and field when known) and how to fix it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "ConfigError",
    "ConversionError",
    "DataFormatError",
    "DataValidationError",
    "MedtuneError",
    "MissingExtraError",
    "PluginError",
    "PluginLoadError",
    "UnknownComponentError",
    "ValidationIssue",
    "redact_excerpt",
    "register_excerpt_redactor",
]


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DIGIT = re.compile(r"\d")


#: Functions that replace identifiers in a text (the PII regex, which :mod:`medtune.cleaning` registers when it is
#: imported: this module sits below cleaning, so it is handed the detector rather than importing it).
_EXCERPT_REDACTORS: list[Callable[[str], str]] = []
_REDACTING = threading.local()


def register_excerpt_redactor(redactor: Callable[[str], str]) -> None:
    """Have :func:`redact_excerpt` run ``redactor`` (text -> text with identifiers replaced) on every excerpt."""
    if redactor not in _EXCERPT_REDACTORS:
        _EXCERPT_REDACTORS.append(redactor)


def _identifiers_replaced(text: str) -> str:
    if getattr(_REDACTING, "active", False):  # a redactor that itself reports an issue: no recursion
        return text
    _REDACTING.active = True
    try:
        for redactor in _EXCERPT_REDACTORS:
            try:
                text = redactor(text)
            except Exception:
                continue
        return text
    finally:
        _REDACTING.active = False


def redact_excerpt(text: str) -> str:
    r"""An excerpt of user data that is safe to print: no control characters, identifiers or long numbers.

    Terminal escape sequences and bidi controls are replaced by ``?`` (they would reach the user's terminal);
    identifiers found by the PII regex (names after a title, phones, dates, IDs…; registered by
    :mod:`medtune.cleaning`) become ``[LABEL]``; any e-mail address left becomes ``[EMAIL]``; when the excerpt still
    holds five digits or more, every digit becomes ``#``, while a short bad value ("-5", "0.3") is shown as it is.

    Without a registered redactor (medtune.cleaning not imported):

    >>> redact_excerpt('{"input": "ref 219-09-9999, ann@example.com\x1b[31m"}')
    '{"input": "ref ###-##-####, [EMAIL]?[##m"}'
    >>> redact_excerpt("-5")
    '-5'
    """
    text = _CONTROL.sub("?", text).replace("\n", " ").replace("\t", " ")
    text = _identifiers_replaced(text)
    text = _EMAIL.sub("[EMAIL]", text)
    if len(_DIGIT.findall(text)) >= 5:
        text = _DIGIT.sub("#", text)
    return text


_FIX = re.compile(r"[.;] fix: ", re.IGNORECASE)


def _split_fix(message: str) -> tuple[str, str]:
    """``message`` cut before its fix (``". Fix: ..."`` or ``"; fix: ..."``): ``(what, fix)``, fix may be empty."""
    m = _FIX.search(message)
    return (message[: m.start()], message[m.start() :]) if m else (message, "")


class MedtuneError(Exception):
    """Base class of every error medtune raises on purpose."""


class ConfigError(MedtuneError, ValueError):
    """A configuration value or file is invalid."""


class MissingExtraError(MedtuneError, ImportError):
    """An optional dependency is not installed.

    Args:
        extra: The medtune extra that provides it, e.g. ``"train"``.
        package: The missing importable module.
        feature: What the user tried to do.
    """

    def __init__(self, extra: str, package: str, feature: str) -> None:
        self.extra = extra
        self.package = package
        self.feature = feature
        hint = f'pip install "medtune[{extra}]"'
        if extra == "train":
            hint = f"pip install torch==2.13.0 && {hint}   (CPU; on a GPU machine install torch for your CUDA)"
        super().__init__(f"{feature} needs the '{package}' package, which is not installed. Fix: {hint}")


class PluginError(MedtuneError):
    """A plugin misbehaved: a bad hook result, or a name registered twice."""


class PluginLoadError(PluginError):
    """A plugin entry point failed to import.

    Args:
        name: The entry-point name.
        distribution: The distribution (``pip`` package) that declares it.
        cause: The original exception.
    """

    def __init__(self, name: str, distribution: str, cause: BaseException) -> None:
        self.name = name
        self.distribution = distribution
        self.cause = cause
        super().__init__(
            f"plugin '{name}' from distribution '{distribution}' failed to load: "
            f"{type(cause).__name__}: {cause}. Fix: reinstall or upgrade '{distribution}', or disable it with "
            f"MEDTUNE_DISABLE_PLUGINS={name} (or --disable-plugin {name})."
        )


class UnknownComponentError(MedtuneError, KeyError):
    """A component (format, cleaner, checker, metric…) was asked for by a name nobody registered."""

    def __init__(self, kind: str, name: str, available: Sequence[str]) -> None:
        self.kind = kind
        self.name = name
        self.available = list(available)
        super().__init__(name)

    def __str__(self) -> str:
        names = ", ".join(sorted(self.available)) or "none"
        return (
            f"unknown {self.kind} '{self.name}'. Registered {self.kind}s: {names}. "
            "Fix: check the spelling, or install the plugin that provides it (see `medtune plugins`)."
        )


class DataFormatError(MedtuneError, ValueError):
    """A data file cannot be read at all: empty, not UTF-8, not the format it claims, unknown format."""


class ConversionError(MedtuneError, ValueError):
    """A record cannot be converted between the instruction and chat layouts."""


@dataclass(frozen=True)
class ValidationIssue:
    """One problem with one record.

    Attributes:
        source: File path (or a description of an in-memory source).
        line: 1-based line of a text file, or ``None``.
        row: 0-based record index within the source, or ``None``.
        field: The offending field (dotted path), or ``None`` for a whole-record problem.
        message: What is wrong, with the fix.
        value: A short repr of the bad value, when there is one.
    """

    source: str
    line: int | None
    row: int | None
    field: str | None
    message: str
    value: str | None = None

    def __post_init__(self) -> None:
        if self.value is not None:
            object.__setattr__(self, "value", redact_excerpt(self.value))

    @property
    def location(self) -> str:
        """``file:line`` (or ``file[row N]``) of the issue."""
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.row is not None:
            return f"{self.source}[row {self.row}]"
        return self.source

    def __str__(self) -> str:
        """One sentence: where, the field, what is wrong, the bad value, then the fix."""
        where = self.location
        fld = f" field '{self.field}':" if self.field else ""
        val = f" (got {self.value})" if self.value is not None else ""
        what, fix = _split_fix(self.message)
        return f"{where}:{fld} {what}{val}{fix}"

    def to_dict(self) -> dict[str, object]:
        """Plain-JSON form, used by ``--json`` output and rejects files."""
        return {
            "source": self.source,
            "line": self.line,
            "row": self.row,
            "field": self.field,
            "message": self.message,
            "value": self.value,
        }


@dataclass
class DataValidationError(MedtuneError, ValueError):
    """Records failed validation. Holds every issue found (or the first one, in strict mode)."""

    issues: list[ValidationIssue] = field(default_factory=list)
    max_shown: int = 20

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.issues)
        head = f"{n} invalid record{'s' if n != 1 else ''}:"
        lines = [f"  {issue}" for issue in self.issues[: self.max_shown]]
        if n > self.max_shown:
            lines.append(f"  … and {n - self.max_shown} more (use `medtune data validate --json` for all)")
        return "\n".join([head, *lines])
