"""Plugin system: hook specifications, discovery and registries."""

from medtune.plugins.hookspecs import hookimpl, hookspec
from medtune.plugins.manager import PluginInfo, PluginManager, get_plugin_manager, reset_plugin_manager
from medtune.plugins.presets import Preset, PresetChoice, choose_preset, resolve_preset, using_preset
from medtune.plugins.registry import ComponentInfo, ComponentSpec, Registry

__all__ = [
    "ComponentInfo",
    "ComponentSpec",
    "PluginInfo",
    "PluginManager",
    "Preset",
    "PresetChoice",
    "Registry",
    "choose_preset",
    "get_plugin_manager",
    "hookimpl",
    "hookspec",
    "reset_plugin_manager",
    "resolve_preset",
    "using_preset",
]
