"""PII profiles: registered by plugins, built once, picked by the ``profile`` option of the PII cleaners."""

from __future__ import annotations

import warnings

import pytest

from medtune import hookimpl
from medtune.cleaning import PIIOptions, PIIProfile, PIIProfileSpec, find_pii, resolve_pii_profile
from medtune.errors import ConfigError
from medtune.plugins.manager import PluginManager, reset_plugin_manager

SUPPORT = PIIProfile(
    subject_cues=("customer",),
    label_cues=("agent",),
    id_labels=(r"workspace",),
    not_names=frozenset({"escalated"}),
    count_words=frozenset({"seats"}),
    metadata_keys=(("NAME", r"(?:^|_)customer(?:_|$)"),),
)


class _SupportPlugin:
    """A plugin that registers a ``support`` profile and counts how often medtune asks."""

    def __init__(self) -> None:
        self.hook_calls = 0
        self.builds = 0

    def _build(self) -> PIIProfile:
        self.builds += 1
        return SUPPORT

    @hookimpl
    def medtune_pii_profiles(self) -> list[PIIProfileSpec]:
        self.hook_calls += 1
        return [PIIProfileSpec("support", self._build, "customer support")]


@pytest.fixture
def manager():
    """Built-ins only (core and medical), made the process default for the test."""
    pm = PluginManager(entry_points=False)
    previous = reset_plugin_manager(pm)
    try:
        yield pm
    finally:
        reset_plugin_manager(previous)


@pytest.fixture
def support_only():
    """The core and a support plugin: the medical plugin disabled."""
    pm = PluginManager(entry_points=False, disabled=["medical"])
    plugin = _SupportPlugin()
    pm.register(plugin, name="support")
    previous = reset_plugin_manager(pm)
    try:
        yield pm, plugin
    finally:
        reset_plugin_manager(previous)


def test_the_core_registers_neutral_and_the_medical_plugin_medical(manager):
    infos = {info.name: info.plugin for info in manager.registry("pii_profile")}
    assert infos == {"neutral": "core", "medical": "medical"}
    assert resolve_pii_profile("neutral") == PIIProfile()
    assert resolve_pii_profile(None).name == "medical"  # the only profile besides neutral


def test_the_profile_option_picks_a_profile_and_an_unknown_one_is_an_error(manager):
    registry = manager.registry("cleaner")
    assert registry.get("pii_regex").build({"profile": "neutral"}).profile.name == "neutral"
    assert registry.get("pii_regex").build({}).profile.name == "medical"
    assert registry.get("pii").build({"profile": "neutral"}).profile.ner_model is None
    for name in ("pii", "pii_regex", "pii_presidio"):
        with pytest.raises(ConfigError, match=r"unknown PII profile 'nope'.*\['medical', 'neutral'\]"):
            registry.get(name).build({"profile": "nope"})


def test_a_plugin_profile_is_the_default_when_it_is_the_only_domain_one(support_only):
    pm, _ = support_only
    regex = pm.registry("cleaner").get("pii_regex").build({})
    assert regex.profile.name == "support"
    assert regex.clean_text("Workspace 88123 of Acme, Dr. Alvarez") == "Workspace [ID] of Acme, Dr. [NAME]"
    pii = pm.registry("cleaner").get("pii").build({"model": None})
    row = {"input": "CUSTOMER: ANN LEE, 40 SEATS", "output": "ok", "metadata": {"customer": "Ann Lee"}}
    out = pii(row)
    assert out["metadata"] == {"customer": "[NAME]"} and "ANN LEE" not in out["input"], out
    assert "40 SEATS" in out["input"]


def test_the_hook_is_called_once_and_a_profile_built_once(support_only):
    pm, plugin = support_only
    for _ in range(3):
        pm.registry("cleaner").get("pii_regex").build({})
        pm.registry("cleaner").get("pii").build({"model": None, "profile": "support"})
    resolve_pii_profile("support")
    assert (plugin.hook_calls, plugin.builds) == (1, 1)


class _LegalPlugin:
    @hookimpl
    def medtune_pii_profiles(self) -> list[PIIProfileSpec]:
        return [PIIProfileSpec("legal", PIIProfile, "contracts")]


def test_two_domain_profiles_and_none_named_is_the_neutral_one(support_only):
    pm, _ = support_only
    pm.register(_LegalPlugin(), name="legal")
    assert resolve_pii_profile(None).name == "neutral"
    assert resolve_pii_profile("legal").name == "legal"


def test_profile_cues_add_to_the_core_english_ones():
    vocab = frozenset({"escalated", "the", "call"})
    assert [(m.label, m.text) for m in find_pii("CUSTOMER: ANN LEE", profile=SUPPORT, vocabulary=vocab)] == [
        ("NAME", "ANN LEE")
    ]
    assert find_pii("CUSTOMER: ANN LEE", profile=PIIProfile(), vocabulary=vocab) == []
    assert [m.text for m in find_pii("AGENT: JO MARSH", profile=SUPPORT, vocabulary=vocab)] == ["JO MARSH"]
    assert find_pii("I'm Escalated", profile=SUPPORT, vocabulary=vocab) == []
    assert [m.label for m in find_pii("My name is Ann Lee", profile=SUPPORT)] == ["NAME"]  # the core's cues stay


def test_protect_medical_terms_is_a_deprecated_alias():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        options = PIIOptions(protect_medical_terms=False)
    assert options.protect_domain_terms is False
    assert any(issubclass(w.category, DeprecationWarning) and "protect_domain_terms" in str(w.message) for w in caught)
    assert PIIOptions.model_validate({"protect_domain_terms": False}).protect_domain_terms is False
    with pytest.raises(ConfigError), pytest.warns(DeprecationWarning):
        PIIOptions.from_dict({"protect_medical_terms": True, "protect_domain_terms": False})


def test_without_domain_protection_a_profile_keeps_its_cues_only(manager):
    profile = PIIOptions(protect_domain_terms=False, protected_terms=["Fernpad"]).pii_profile()
    assert profile.name == "medical" and profile.vocabulary == frozenset() and profile.keep_span is None
    assert profile.protected_terms == frozenset({"fernpad"}) and profile.subject_cues == ("patient", "pt")


def test_a_spec_must_build_a_profile():
    from medtune.errors import PluginError

    with pytest.raises(PluginError, match="not a PIIProfile"):
        PIIProfileSpec("bad", dict).profile()  # type: ignore[arg-type]
