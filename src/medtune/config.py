"""Shared config plumbing: YAML loading and validation messages that name the bad key and the fix.

Every medtune config (training, cleaning pipelines, serving, …) is a pydantic v2 model with ``extra="forbid"``;
these helpers turn pydantic's errors into one message per problem, with the dotted key, the bad value, the closest
valid key for a typo, and the keys allowed at that place.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from medtune.errors import ConfigError

__all__ = ["allowed_keys", "dotted_keys", "format_validation_error", "read_yaml"]


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation: ``Model``, ``Model | None``, ``list[Model]``, ``dict[str, Model]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None:
        return None
    args = typing.get_args(annotation)
    if origin in (list, tuple, set, frozenset, Sequence) or origin is typing.Union or origin is types.UnionType:
        candidates = args
    elif origin in (dict, Mapping):
        candidates = args[1:]
    else:
        candidates = args
    for arg in candidates:
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def allowed_keys(model: type[BaseModel], loc: Sequence[Any]) -> list[str]:
    """The keys allowed in the mapping at ``loc`` (list indices and dict keys of model values are skipped)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int) or part not in current.model_fields:
            continue  # a list index, or a free-form dict key whose values are models
        current = _model_of(current.model_fields[part].annotation)
    return list(current.model_fields) if current is not None else []


def dotted_keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every leaf setting of ``model`` as a dotted key (``optim.learning_rate``), nested models expanded."""
    keys: list[str] = []
    for name, info in model.model_fields.items():
        inner = info.annotation
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            keys.extend(dotted_keys(inner, f"{prefix}{name}."))
        else:
            keys.append(f"{prefix}{name}")
    return keys


def _dotted(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def format_validation_error(exc: ValidationError, model: type[BaseModel] | None, where: str) -> str:
    """Render a pydantic error for a config: one line per problem, naming the key, the bad value and the fix.

    Args:
        exc: The validation error.
        model: The model that was validated (used to list allowed keys and suggest the closest one).
        where: The source, e.g. a file path or ``"cleaners[0] (length) options"``.

    Returns:
        ``"<where>: <n> invalid setting(s):"`` followed by one indented line per problem.
    """
    lines = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        key = _dotted(loc)
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden" and loc:
            allowed = allowed_keys(model, loc[:-1]) if model is not None else []
            parent = _dotted(loc[:-1])
            # Compare whole dotted keys, so a shared section prefix helps short names ('lora.rank' ~ 'lora.r').
            prefix = f"{parent}." if parent else ""
            close = difflib.get_close_matches(key, [prefix + k for k in allowed], n=1, cutoff=0.6)
            line = f"unknown key '{key}'"
            if close:
                line += f"; did you mean '{close[0]}'?"
            if allowed:
                line += f" Allowed keys{' in ' + repr(parent) if parent else ''}: {', '.join(allowed)}"
        else:
            value = err.get("input")
            shown = "" if err["type"] == "missing" or isinstance(value, Mapping) else f" (got {value!r})"
            line = f"{key}: {msg}{shown}" if key else f"{msg}{shown}"
        lines.append(f"  {line}")
    n = len(lines)
    return f"{where}: {n} invalid setting{'s' if n != 1 else ''}:\n" + "\n".join(lines)


def read_yaml(path: str | PathLike[str], what: str = "config") -> Any:
    """Read a YAML file (an empty file is ``{}``), with errors that name the file, the line and the fix.

    YAML 1.1 booleans are read as booleans except the bare words ``no``/``yes``/``on``/``off``, which stay
    strings (so ``save_strategy: no`` means the string ``"no"``); write ``true``/``false`` for booleans.
    """
    import yaml

    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such {what} file. Fix: check the path.")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader()) or {}
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 ({exc}). Fix: save the file as UTF-8.") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{path}{line}: not valid YAML: {exc}. Fix: check the indentation and quoting.") from None
    return data


_LOADER: Any = None


def _loader() -> Any:
    """A SafeLoader whose booleans are only true/false (YAML 1.2 style), built once."""
    global _LOADER
    if _LOADER is None:
        import re

        import yaml

        class Loader(yaml.SafeLoader):
            pass

        Loader.yaml_implicit_resolvers = {
            ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
            for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }
        Loader.add_implicit_resolver(
            "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
        )
        _LOADER = Loader
    return _LOADER
