"""The medical preset: its pipeline repairs red flags; the generic preset knows nothing of it."""

from __future__ import annotations

from medtune.plugins import PluginManager


def test_the_medical_pipeline_repairs_red_flags_and_the_generic_one_has_no_soundness_filter():
    from medtune.cleaning import Pipeline

    pm = PluginManager(entry_points=False)
    presets = pm.registry("preset")
    medical = Pipeline.from_config(presets.get("medical").pipeline_config(), pm)
    (sound,) = [c for c in medical.cleaners if c.name == "medically_sound"]
    assert sound.red_flag_action == "repair"
    generic = presets.get("generic").pipeline_config()["cleaners"]
    assert "medically_sound" not in [c if isinstance(c, str) else c["name"] for c in generic]
