"""The modules issue #14 moved keep their old import paths for one release, as the very same module, with a warning."""

import importlib
import sys
import warnings

import pytest

MOVED = {
    "medtune.files": "medtune.io.files",
    "medtune.evaluation.cache": "medtune.io.cache",
    "medtune.evaluation.card": "medtune.cards.evaluation",
    "medtune.training.model_card": "medtune.cards.model_card",
    "medtune.training.embedded": "medtune.models.embedded",
}


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_old_path_is_the_new_module_and_warns(old, new, monkeypatch):
    monkeypatch.delitem(sys.modules, old, raising=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = importlib.import_module(old)
    assert module is importlib.import_module(new)
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert any(f"{old} has moved to {new}" in m and "0.2.0" in m for m in messages), messages


def test_no_medtune_module_uses_an_old_path():
    """Only users' code may still use the old paths; medtune itself imports the new ones."""
    from pathlib import Path

    import medtune

    src = Path(medtune.__file__).parent

    def uses(text: str, old: str) -> bool:
        parent, _, leaf = old.rpartition(".")
        return any(form in text for form in (f"{old} import", f"import {old}", f"from {parent} import {leaf}\n"))

    offenders = [
        f"{p.relative_to(src)}: {old}"
        for p in src.rglob("*.py")
        for old in MOVED
        if uses(p.read_text(encoding="utf-8"), old)
    ]
    assert offenders == []


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        ("medtune.training.config", "EvalConfig", "TrainEvalConfig"),
        ("medtune.medical.evaluation", "SafetyConfig", "SafetyCheckerConfig"),
        ("medtune.medical.cleaners", "PIIConfig", "medtune.cleaning.deid.PIIConfig"),
        ("medtune.medical.cleaners", "PHI_NER_MODEL", "medtune.cleaning.deid.PROFILE_MODEL"),
        ("medtune.cleaning.config", "DEFAULT_MEDICAL_PIPELINE", None),
    ],
)
def test_old_names_still_resolve_for_one_release_with_a_warning(module, old, new):
    mod = importlib.import_module(module)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        value = getattr(mod, old)
    if new is None:
        from medtune.plugins.presets import resolve_preset

        assert value == resolve_preset("medical").pipeline_config()
    else:
        home, _, attr = new.rpartition(".")
        assert value is getattr(importlib.import_module(home) if home else mod, attr)
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert messages == [m for m in messages if m.startswith(f"{module}.{old} ") and "removed in medtune 0.2.0" in m]
    assert messages
    with pytest.raises(AttributeError, match="has no attribute 'NoSuchName'"):
        getattr(mod, "NoSuchName")  # noqa: B009
