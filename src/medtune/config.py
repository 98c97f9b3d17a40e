"""The one config base, :class:`ConfigModel`, and its plumbing: YAML, dotted overrides, errors that name the key.

Every medtune config (training, cleaning pipelines and each cleaner's options, evaluation, serving, runs, and the
options of plugins' components) is a :class:`ConfigModel`: a pydantic v2 model with ``extra="forbid"``, so that a
typo is an error naming the key, the closest valid key and the keys allowed there. Every config loads the same way
(:meth:`ConfigModel.from_yaml`, :meth:`ConfigModel.from_dict`), writes the same way (:meth:`ConfigModel.to_yaml`)
and takes dotted-key overrides through one implementation (:func:`apply_overrides`), which the CLI's ``--set``
uses too.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError
from typing_extensions import Self

from medtune.errors import ConfigError

__all__ = [
    "ConfigModel",
    "allowed_keys",
    "apply_overrides",
    "dotted_keys",
    "format_validation_error",
    "parse_assignments",
    "read_yaml",
    "validate_config",
]

ModelT = TypeVar("ModelT", bound=BaseModel)


class ConfigModel(BaseModel):
    """The base of every medtune config: unknown keys are errors, assignments are validated.

    Subclasses add fields with bounds and cross-field validators; a section is a :class:`ConfigModel` field of
    another. Class attributes tune the messages: ``config_kind`` names the config in errors
    (``"training config"``), and ``docs_page`` is the page that describes it.

    Example:
        >>> from pydantic import Field
        >>> class Greeting(ConfigModel):
        ...     config_kind: ClassVar[str] = "greeting config"
        ...     word: str = "hello"
        ...     times: int = Field(default=1, ge=1)
        >>> Greeting.from_dict({"word": "hi"}).with_overrides({"times": 3}).times
        3
        >>> Greeting.from_dict({"wrod": "hi"}, source="greet.yaml")
        Traceback (most recent call last):
        ...
        medtune.errors.ConfigError: greet.yaml: 1 invalid setting:
          unknown key 'wrod'; did you mean 'word'? Allowed keys: word, times
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    #: What the config is called in error messages.
    config_kind: ClassVar[str] = "config"
    #: The documentation page that describes it, named in the fix of an error.
    docs_page: ClassVar[str] = ""

    @classmethod
    def prepare(cls, data: Any) -> Any:
        """Turn a shorthand form of the whole config into its mapping form before validation (default: as is)."""
        return data

    @classmethod
    def expand_section(cls, path: Sequence[str], current: Any) -> dict[str, Any]:
        """The mapping form of the section at ``path`` given as a shorthand (``clean: default``), for overrides.

        Default: an empty mapping, so that an override can set a key of a section left out.
        """
        return {}

    @classmethod
    def from_dict(cls, data: Any, *, source: str = "<dict>", overrides: Mapping[str, Any] | None = None) -> Self:
        """Validate a plain mapping (with optional dotted-key overrides).

        Raises:
            ConfigError: Not a mapping, an unknown key (named, with the closest valid key), a bad value, or
                inconsistent settings; one line per problem.
        """
        data = cls.prepare(data)
        if not isinstance(data, Mapping):
            fix = f" Fix: see {cls.docs_page}." if cls.docs_page else ""
            raise ConfigError(
                f"{source}: the top level of a {cls.config_kind} must be a mapping of settings, got "
                f"{type(data).__name__} (expected a mapping such as 'key: value' lines).{fix}"
            )
        if overrides:
            data = apply_overrides(data, overrides, expand=cls.expand_section)
        return validate_config(cls, data, source)

    @classmethod
    def from_yaml(cls, path: str | PathLike[str], overrides: Mapping[str, Any] | None = None) -> Self:
        """Load a YAML file (with optional dotted-key overrides, as ``--set`` gives them).

        Raises:
            ConfigError: The file is missing or not YAML, or the config is invalid; the message names the file.
        """
        return cls.from_dict(read_yaml(path, cls.config_kind), source=str(path), overrides=overrides)

    @classmethod
    def load(cls, source: Self | Mapping[str, Any] | str | PathLike[str] | None = None, **overrides: Any) -> Self:
        """A config from a config object, a mapping, a YAML path or nothing (the defaults), then ``overrides``.

        ``overrides`` whose value is ``None`` are skipped, so that command-line flags left out change nothing.
        """
        given = {key: value for key, value in overrides.items() if value is not None}
        if isinstance(source, cls):
            return source.with_overrides(given) if given else source
        if isinstance(source, (str, PathLike)):
            return cls.from_yaml(source, given)
        return cls.from_dict({} if source is None else source, source=cls.config_kind, overrides=given)

    def to_yaml(self, path: str | PathLike[str] | None = None) -> str:
        """The config as YAML (also written to ``path`` when given), which :meth:`from_yaml` reads back."""
        import yaml

        text = yaml.safe_dump(self.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
        if path is not None:
            from medtune.io.files import atomic_write_text

            atomic_write_text(path, text)
        return text

    def with_overrides(self, overrides: Mapping[str, Any]) -> Self:
        """A copy with dotted-key overrides applied, e.g. ``{"optim.learning_rate": 1e-4}``.

        Raises:
            ConfigError: A key does not exist (with the closest valid key) or a value is invalid.
        """
        # Only the settings that were set: validators that tell a set value from a default keep working, and secrets
        # stay SecretStr (a JSON dump would mask them).
        return type(self).from_dict(self.model_dump(exclude_unset=True), source="overrides", overrides=overrides)


def validate_config(model: type[ModelT], data: Any, source: str) -> ModelT:
    """Validate ``data`` with any pydantic ``model`` (a plugin's options model need not be a ConfigModel).

    Raises:
        ConfigError: One line per problem, naming the key, the bad value and the fix (see
            :func:`format_validation_error`); no pydantic traceback.
    """
    try:
        return model.model_validate(dict(data) if isinstance(data, Mapping) else data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, model, source)) from None


def apply_overrides(
    data: Mapping[str, Any],
    overrides: Mapping[str, Any],
    *,
    expand: Callable[[Sequence[str], Any], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A copy of a raw config mapping with dotted-key overrides applied; the one override implementation.

    The result is validated afterwards by the config model, so an unknown key is reported there with its full
    dotted name and the closest valid key. A section that is missing, ``None``, ``false``, ``true`` or
    ``"default"`` becomes ``expand(path, value)`` (default: an empty mapping) before a key is set in it.

    Example:
        >>> apply_overrides({"optim": {"lr": 1}}, {"optim.lr": 2, "lora.r": 8})
        {'optim': {'lr': 2}, 'lora': {'r': 8}}

    Raises:
        ConfigError: An empty key, or a key that descends into a value which is not a section
            (``output_dir.x`` when ``output_dir`` holds a string).
    """
    import copy

    out: dict[str, Any] = copy.deepcopy(dict(data))
    for key, value in overrides.items():
        parts = [p for p in str(key).split(".") if p]
        if not parts:
            raise ConfigError(f"override {key!r}: empty key. Fix: write KEY=VALUE with a dotted key, e.g. lora.r=8.")
        node: Any = out
        for i, part in enumerate(parts[:-1]):
            child = node.get(part)
            if child is None or child is False or child is True or child == "default":
                child = expand(parts[: i + 1], child) if expand is not None else {}
                node[part] = child
            if not isinstance(child, dict):
                raise ConfigError(
                    f"override '{key}': '{'.'.join(parts[: i + 1])}' is not a section (it holds {child!r}). "
                    "Fix: set it directly, without a dotted key below it."
                )
            node = child
        node[parts[-1]] = value
    return out


def parse_assignments(items: Sequence[str] | None, flag: str = "--set") -> dict[str, Any]:
    """``KEY=VALUE`` strings (from ``--set``) as overrides; each value is read as YAML (``2`` is an int).

    Values are read like a config file: only ``true``/``false`` are booleans (``no`` stays the string ``"no"``), and
    an empty value is ``None``.

    Example:
        >>> parse_assignments(["optim.max_steps=2", "lora.target_modules=[q_proj, v_proj]", "name=x=y"])
        {'optim.max_steps': 2, 'lora.target_modules': ['q_proj', 'v_proj'], 'name': 'x=y'}

    Raises:
        ConfigError: An item without ``=`` or with an empty key.
    """
    import yaml

    out: dict[str, Any] = {}
    for item in items or ():
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"{flag} {item!r}: expected KEY=VALUE, e.g. {flag} optim.learning_rate=1e-4")
        try:
            value = yaml.load(raw, Loader=_loader()) if raw != "" else None
        except yaml.YAMLError:
            value = raw
        out[key.strip()] = value
    return out


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
