"""Component specifications and the per-kind registries built from hook results."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from medtune.errors import PluginError, UnknownComponentError

__all__ = ["ComponentInfo", "ComponentSpec", "Registry"]

T = TypeVar("T")


@dataclass(frozen=True)
class ComponentSpec:
    """A named, configurable component a plugin registers (a cleaner, checker, metric or lexicon).

    Attributes:
        name: Unique name within its kind, used in YAML and on the CLI.
        factory: Builds the component; called with an instance of ``config`` (or no argument when ``config``
            is ``None``).
        config: The component's own pydantic config model (``extra="forbid"``), or ``None``.
        description: One line for ``medtune plugins``.
    """

    name: str
    factory: Callable[..., Any]
    config: type[BaseModel] | None = None
    description: str = ""

    def build(self, options: dict[str, Any] | BaseModel | None = None) -> Any:
        """Validate ``options`` against :attr:`config` and build the component."""
        if self.config is None:
            if options:
                raise PluginError(f"component '{self.name}' takes no options, got {options!r}")
            return self.factory()
        cfg = options if isinstance(options, BaseModel) else self.config.model_validate(options or {})
        return self.factory(cfg)


@dataclass(frozen=True)
class ComponentInfo(Generic[T]):
    """A registered component with where it came from."""

    kind: str
    name: str
    component: T
    plugin: str
    distribution: str
    description: str = ""


@dataclass
class Registry(Generic[T]):
    """The components of one kind, by name, with their provenance."""

    kind: str
    entries: dict[str, ComponentInfo[T]] = field(default_factory=dict)

    def add(self, info: ComponentInfo[T]) -> None:
        """Add a component; a name registered twice is an error naming both plugins."""
        if info.name in self.entries:
            prev = self.entries[info.name]
            raise PluginError(
                f"{self.kind} '{info.name}' is registered twice: by plugin '{prev.plugin}' "
                f"({prev.distribution}) and by plugin '{info.plugin}' ({info.distribution}). "
                f"Fix: disable one of them (MEDTUNE_DISABLE_PLUGINS={info.plugin})."
            )
        self.entries[info.name] = info

    def get(self, name: str) -> T:
        """Return the component called ``name``.

        Raises:
            UnknownComponentError: No plugin registered ``name``; the message lists the names that exist.
        """
        try:
            return self.entries[name].component
        except KeyError:
            raise UnknownComponentError(self.kind, name, list(self.entries)) from None

    def names(self) -> list[str]:
        """Registered names, in registration order."""
        return list(self.entries)

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def __iter__(self) -> Iterator[ComponentInfo[T]]:
        return iter(self.entries.values())

    def __len__(self) -> int:
        return len(self.entries)
