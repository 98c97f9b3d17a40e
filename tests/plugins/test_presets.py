"""Presets: a domain's defaults as one, chosen by name or by default, applied to every config's defaults."""

from __future__ import annotations

import pytest

from medtune.errors import ConfigError, PluginError, UnknownComponentError
from medtune.plugins import PluginManager, Preset, choose_preset, hookimpl, reset_plugin_manager, using_preset


class Legal:
    @hookimpl
    def medtune_presets(self):
        return [Preset("legal", "contract Q&A", pipeline={"cleaners": ["empty", "dedup"]}, checkers=("rouge_only",))]


@pytest.fixture
def manager():
    """Install a plugin manager as the process default for one test."""
    olds = []

    def install(pm):
        olds.append(reset_plugin_manager(pm))
        return pm

    yield install
    for old in reversed(olds):
        reset_plugin_manager(old)


def test_core_and_medical_register_their_presets():
    pm = PluginManager(entry_points=False)
    assert {(i.name, i.plugin) for i in pm.registry("preset")} == {("generic", "core"), ("medical", "medical")}
    medical = pm.registry("preset").get("medical")
    assert medical.safety_policy == "medical" and medical.sample == "medical" and medical.pii_profile == "medical"
    assert medical.ood == ("k-qa",) and medical.forgetting == ("pubmedqa", "mmlu-general")
    generic = pm.registry("preset").get("generic")
    assert generic.ood == () and generic.forgetting == ("mmlu-general",)  # the core's general set, nothing medical
    assert Preset("legal").forgetting == ("mmlu-general",)  # a domain preset gets the general check unless it opts out
    samples = pm.registry("sample")
    assert {s.name: s.plugin for s in samples if s.name in ("k-qa", "mmlu-general")} == {
        "k-qa": "medical",
        "mmlu-general": "core",
    }
    assert "medically_sound" in [c if isinstance(c, str) else c["name"] for c in medical.pipeline_config()["cleaners"]]


def test_the_default_is_the_only_domain_preset_else_generic_and_it_says_why():
    with_medical = choose_preset(plugin_manager=PluginManager(entry_points=False))
    assert with_medical.preset.name == "medical" and "only domain plugin installed" in with_medical.describe()
    neutral = choose_preset(plugin_manager=PluginManager(entry_points=False, disabled=["medical"]))
    assert neutral.preset.name == "generic" and "no domain preset" in neutral.reason
    assert choose_preset("generic", PluginManager(entry_points=False)).reason == "chosen"


class Tax:
    @hookimpl
    def medtune_presets(self):
        return [Preset("tax", "tax returns")]


def test_medical_stays_the_default_beside_other_plugins_and_several_others_must_be_named():
    pm = PluginManager(entry_points=False)
    pm.register(Legal(), name="legal")
    choice = choose_preset(plugin_manager=pm)  # today's defaults do not change when a plugin is added
    assert choice.preset.name == "medical" and "--preset NAME for another (legal or generic)" in choice.reason
    assert choose_preset("legal", pm).preset.checkers == ("rouge_only",)
    with pytest.raises(UnknownComponentError, match="lgeal"):
        choose_preset("lgeal", pm)
    others = PluginManager(entry_points=False, disabled=["medical"])
    others.register(Legal(), name="legal")
    others.register(Tax(), name="tax")
    with pytest.raises(ConfigError, match=r"several domain presets are installed \(legal, tax\).*--preset NAME"):
        choose_preset(plugin_manager=others)


def test_core_is_essential():
    with pytest.raises(PluginError, match="'core' is essential and cannot be disabled.*--preset generic"):
        PluginManager(disabled=["core"])


def test_config_defaults_follow_the_preset(manager):
    from medtune.evaluation import EvalConfig
    from medtune.run import RunConfig
    from medtune.serving import ServeConfig

    manager(PluginManager(entry_points=False))
    assert EvalConfig().checkers == ["term_overlap", "safety", "empathy"]
    assert EvalConfig(preset="generic").checkers == []
    assert ServeConfig().safety.policy == "medical" and ServeConfig(preset="generic").safety.policy == "none"
    run = RunConfig.from_dict({"preset": "generic", "data": {"source": "x.jsonl"}})
    # the run's sections take the run's preset: the generic pipeline, no checkers
    assert [c.name for c in run.clean.cleaners] == ["pii", "empty", "length", "copies_input", "language", "dedup"]
    assert run.eval.checkers == []
    assert RunConfig().data.source == "sample:medical"
    with pytest.raises(ConfigError, match="the preset 'generic' ships no sample.*Fix: set data.source"):
        RunConfig.from_dict({"preset": "generic"})
    with using_preset("generic"):  # what --preset does for a whole command
        assert EvalConfig().checkers == [] and RunConfig.from_dict({"data": {"source": "x"}}).preset is None


def test_a_plugin_preset_is_the_whole_domain(manager):
    from medtune.cleaning import PipelineConfig
    from medtune.evaluation import EvalConfig

    pm = manager(PluginManager(entry_points=False, disabled=["medical"]))
    pm.register(Legal(), name="legal")
    assert [c.name for c in PipelineConfig.from_dict({}).cleaners] == ["empty", "dedup"]
    assert EvalConfig().checkers == ["rouge_only"]
    assert PipelineConfig.from_dict({"preset": "generic"}).cleaners[0].name == "pii"


def test_the_cli_says_which_preset_it_uses(tmp_path, capsys):
    from medtune.cli.main import main

    data = tmp_path / "in.jsonl"
    data.write_text('{"instruction": "Say hi to the customer.", "output": "Hello there, how can I help today?"}\n')
    code = main(["clean", str(data), "-o", str(tmp_path / "out.jsonl"), "--preset", "generic"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "preset: generic (chosen)" in err
    code = main(["clean", str(data), "-o", str(tmp_path / "out2.jsonl")])
    assert code == 0 and "preset: medical (the default while plugin 'medical'" in capsys.readouterr().err


def test_the_pii_cleaner_takes_the_preset_profile():
    from medtune.cleaning import Pipeline
    from medtune.cleaning.config import default_config

    def pii_profile(config):
        pipeline = Pipeline.from_config(config)
        return next(c for c in pipeline.cleaners if c.name == "pii").profile.name

    assert pii_profile(default_config()) == "medical"
    assert pii_profile(default_config("generic")) == "neutral"
    with using_preset("generic"):  # --preset generic: the pipeline and its profile
        assert pii_profile(default_config()) == "neutral"
