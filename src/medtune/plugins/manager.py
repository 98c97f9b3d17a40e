"""Plugin discovery and the registries built from it.

Built-in plugins (``core`` and ``medical``) and third-party plugins register through the same hooks and the same
``medtune`` entry-point group. Nothing is discovered at import time: the first registry lookup loads plugins.
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from types import ModuleType
from typing import Any

import pluggy

from medtune.errors import PluginError, PluginLoadError
from medtune.plugins import hookspecs
from medtune.plugins.registry import ComponentInfo, Registry

__all__ = [
    "BUILTIN_PARTS",
    "BUILTIN_PLUGINS",
    "COMPONENT_HOOKS",
    "DEFAULT_PLUGINS",
    "DISABLE_ENV_VAR",
    "ESSENTIAL_PLUGINS",
    "PluginInfo",
    "PluginManager",
    "get_plugin_manager",
    "reset_plugin_manager",
]

ENTRY_POINT_GROUP = "medtune"
DISABLE_ENV_VAR = "MEDTUNE_DISABLE_PLUGINS"

#: Plugins shipped with medtune, in the manner of pytest's essential and default plugins: an essential plugin
#: cannot be disabled (``core``: formats, neutral cleaners, metrics, the ``none`` safety policy, the ``generic``
#: preset); a default plugin is loaded unless disabled (``medical``, the first domain plugin). Both are also declared
#: as entry points in medtune's own metadata, and registered by module name here so that a source checkout works
#: without installing; the manager imports them by name, so the core never imports a domain.
ESSENTIAL_PLUGINS: dict[str, str] = {"core": "medtune.plugins.builtin"}
DEFAULT_PLUGINS: dict[str, str] = {"medical": "medtune.medical.plugin"}
#: Every plugin shipped with medtune: entry-point name -> module.
BUILTIN_PLUGINS: dict[str, str] = {**ESSENTIAL_PLUGINS, **DEFAULT_PLUGINS}

#: More modules of a built-in plugin, registered with it (and disabled with it): each stage registers its own
#: components, so that no lower package imports a higher one. Their components are credited to the plugin.
BUILTIN_PARTS: dict[str, tuple[str, ...]] = {
    "core": ("medtune.cleaning.builtin", "medtune.evaluation.builtin", "medtune.serving.builtin"),
}

#: Component kind -> the registration hook that provides it.
COMPONENT_HOOKS: dict[str, str] = {
    "format": "medtune_data_formats",
    "cleaner": "medtune_cleaners",
    "lexicon": "medtune_term_lexicons",
    "checker": "medtune_checkers",
    "metric": "medtune_metrics",
    "sample": "medtune_sample_datasets",
    "safety_policy": "medtune_safety_policies",
    "card_profile": "medtune_card_profiles",
    "pii_profile": "medtune_pii_profiles",
    "preset": "medtune_presets",
    "pair_builder": "medtune_pair_builders",
}


@dataclass(frozen=True)
class PluginInfo:
    """A plugin known to the manager."""

    name: str
    distribution: str
    version: str | None
    module: str
    enabled: bool


def _disabled_from_env() -> set[str]:
    raw = os.environ.get(DISABLE_ENV_VAR, "")
    return {part.strip() for part in raw.split(",") if part.strip()}


class PluginManager:
    """Discovers plugins and builds one :class:`Registry` per component kind.

    Args:
        disabled: Plugin names not to load (entry-point names, e.g. ``"medical"``). The environment variable
            ``MEDTUNE_DISABLE_PLUGINS`` (comma-separated) adds to this.
        entry_points: Load third-party plugins from the ``medtune`` entry-point group. Turn off for isolated
            tests.
        builtins: Register the built-in plugins.

    Example:
        >>> pm = PluginManager(entry_points=False)
        >>> "jsonl" in pm.registry("format")
        True
    """

    def __init__(self, *, disabled: Iterable[str] = (), entry_points: bool = True, builtins: bool = True) -> None:
        self.disabled = set(disabled) | _disabled_from_env()
        essential = sorted(self.disabled & set(ESSENTIAL_PLUGINS))
        if essential:
            raise PluginError(
                f"plugin '{essential[0]}' is essential and cannot be disabled. Fix: to run without a domain's "
                "defaults, use --preset generic (or 'preset: generic') instead."
            )
        self._entry_points = entry_points
        self._builtins = builtins
        self._pm = pluggy.PluginManager(hookspecs.PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._plugins: dict[str, PluginInfo] = {}
        self._part_of: dict[str, str] = {}  # pluggy name of a built-in plugin's part -> the plugin's name
        self._registries: dict[str, Registry[Any]] = {}
        self._loaded = False
        self._lock = threading.RLock()

    # --- discovery -------------------------------------------------------------------------------------

    @property
    def hook(self) -> Any:
        """The pluggy hook relay, for lifecycle hooks (``pm.hook.medtune_log(step=…, logs=…)``)."""
        self.load()
        return self._pm.hook

    def load(self) -> None:
        """Register built-ins and entry-point plugins. Idempotent; called on first use."""
        with self._lock:
            if self._loaded:
                return
            self._loaded = True
            if self._builtins:
                version = _dist_version("medtune")
                for name, module in BUILTIN_PLUGINS.items():
                    if name in self.disabled:
                        self._plugins[name] = PluginInfo(name, "medtune", version, module, enabled=False)
                        continue
                    self._register(importlib.import_module(module), name, "medtune", version, module)
                    for part in BUILTIN_PARTS.get(name, ()):
                        self._pm.register(importlib.import_module(part), name=f"{name}:{part}")
                        self._part_of[f"{name}:{part}"] = name
            if self._entry_points:
                self._load_entry_points()

    def _load_entry_points(self) -> None:
        for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
            dist = ep.dist.name if ep.dist is not None else "<unknown distribution>"
            version = ep.dist.version if ep.dist is not None else None
            if ep.name in BUILTIN_PLUGINS and ep.value == BUILTIN_PLUGINS[ep.name]:
                continue  # medtune's own, registered above
            if ep.name in self.disabled:
                self._plugins[ep.name] = PluginInfo(ep.name, dist, version, ep.value, enabled=False)
                continue
            if ep.name in self._plugins:
                prev = self._plugins[ep.name]
                raise PluginError(
                    f"two plugins are named '{ep.name}': from '{prev.distribution}' and from '{dist}'. "
                    f"Fix: uninstall one of them."
                )
            try:
                plugin = ep.load()
            except Exception as exc:
                raise PluginLoadError(ep.name, dist, exc) from exc
            self._register(plugin, ep.name, dist, version, ep.value)

    def _register(self, plugin: Any, name: str, dist: str, version: str | None, module: str) -> None:
        try:
            self._pm.register(plugin, name=name)
        except ValueError as exc:  # pluggy: already registered, or an unknown hook
            raise PluginError(f"plugin '{name}' from '{dist}' cannot be registered: {exc}") from exc
        self._pm.check_pending()
        self._plugins[name] = PluginInfo(name, dist, version, module, enabled=True)

    def register(self, plugin: Any, name: str | None = None, distribution: str = "<local>") -> None:
        """Register a plugin object or module by hand (tests, notebooks, applications).

        Registries already built are rebuilt on next use.
        """
        self.load()
        with self._lock:
            name = name or getattr(plugin, "__name__", None) or repr(plugin)
            if name in self.disabled:
                return
            module = plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__qualname__
            self._register(plugin, name, distribution, None, module)
            self._registries.clear()

    def plugins(self) -> list[PluginInfo]:
        """Every plugin found, enabled or disabled."""
        self.load()
        return list(self._plugins.values())

    # --- registries ------------------------------------------------------------------------------------

    def registry(self, kind: str) -> Registry[Any]:
        """The registry of one component kind (``"format"``, ``"cleaner"``, ``"checker"``…).

        Built once, by calling the kind's registration hook on every plugin.
        """
        if kind not in COMPONENT_HOOKS:
            raise PluginError(f"unknown component kind '{kind}'. Kinds: {', '.join(COMPONENT_HOOKS)}")
        self.load()
        with self._lock:
            if kind not in self._registries:
                self._registries[kind] = self._build(kind)
            return self._registries[kind]

    def _build(self, kind: str) -> Registry[Any]:
        hook_name = COMPONENT_HOOKS[kind]
        registry: Registry[Any] = Registry(kind)
        caller = getattr(self._pm.hook, hook_name)
        # Call implementations one by one, in registration order, to know which plugin gave what.
        for impl in caller.get_hookimpls():
            plugin_name = self._part_of.get(impl.plugin_name, impl.plugin_name)
            info = self._plugins.get(plugin_name)
            dist = info.distribution if info else "<local>"
            result = impl.function()
            if result is None:
                continue
            if not isinstance(result, (list, tuple)):
                raise PluginError(
                    f"plugin '{plugin_name}' ({dist}): {hook_name}() must return a list, got {type(result).__name__}"
                )
            for component in result:
                name = getattr(component, "name", None)
                if not isinstance(name, str) or not name:
                    raise PluginError(
                        f"plugin '{plugin_name}' ({dist}): {hook_name}() returned {component!r}, "
                        "which has no string 'name'"
                    )
                registry.add(
                    ComponentInfo(
                        kind=kind,
                        name=name,
                        component=component,
                        plugin=plugin_name,
                        distribution=dist,
                        description=getattr(component, "description", "") or "",
                    )
                )
        return registry

    def components(self) -> list[ComponentInfo[Any]]:
        """Every registered component of every kind, for ``medtune plugins``."""
        return [info for kind in COMPONENT_HOOKS for info in self.registry(kind)]


def _dist_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


_default: PluginManager | None = None
_default_lock = threading.Lock()


def get_plugin_manager() -> PluginManager:
    """The process-wide plugin manager (created, not loaded, on first call)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = PluginManager()
        return _default


def reset_plugin_manager(manager: PluginManager | None = None) -> PluginManager | None:
    """Replace the process-wide manager (``None`` drops it so the next call rediscovers). Returns the old one."""
    global _default
    with _default_lock:
        old, _default = _default, manager
        return old
