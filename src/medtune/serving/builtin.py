"""The serving part of the ``core`` plugin: the ``none`` safety policy, registered through the public hook."""

from __future__ import annotations

from medtune.plugins.hookspecs import hookimpl
from medtune.serving.safety import SafetyPolicy

__all__ = ["NONE_POLICY", "medtune_safety_policies"]

#: No emergency rules and no disclaimer: the safety policy of the ``generic`` preset.
NONE_POLICY = SafetyPolicy(
    name="none",
    rules=(),
    emergency_header="",
    disclaimer="",
    description="no emergency rules and no disclaimer (the generic preset's; log redaction stays on)",
)


@hookimpl
def medtune_safety_policies() -> list[SafetyPolicy]:
    """The neutral policy."""
    return [NONE_POLICY]
