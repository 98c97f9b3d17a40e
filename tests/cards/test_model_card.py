"""Model cards take their domain text from a registered card profile; the core's own text is domain-neutral."""

import pytest

from medtune.cards.model_card import CardProfile, render_model_card, resolve_card_profile
from medtune.errors import ConfigError
from medtune.plugins import PluginManager, hookimpl, reset_plugin_manager

FACTS = {"base_model": "tiny", "backend": "peft", "config": {}, "metrics": {}, "outputs": {}}


@pytest.fixture
def plugins():
    """Swap the process-wide plugin manager for one with the core plugin only; restore it afterwards."""
    pm = PluginManager(entry_points=False, disabled=["medical"])
    old = reset_plugin_manager(pm)
    yield pm
    reset_plugin_manager(old)


class Legal:
    @hookimpl
    def medtune_card_profiles(self):
        return [
            CardProfile(
                name="legal",
                tags=("legal",),
                intended_use="Drafting answers that a lawyer reviews.",
                limitations="- It is **not legal advice**.",
            )
        ]


def test_the_medical_plugin_supplies_the_medical_text():
    card = render_model_card(FACTS)  # the installed plugins: core and medical
    assert "tags: [medtune, lora, medical, fine-tuned]" in card
    assert "not a medical device" in card


def test_without_a_domain_plugin_the_card_says_nothing_medical(plugins):
    assert resolve_card_profile(None).name == "generic"
    card = render_model_card(FACTS)
    assert "tags: [medtune, lora, fine-tuned]" in card
    assert "medical" not in card.lower()


def test_a_plugin_profile_is_used_and_a_typo_is_an_error(plugins):
    plugins.register(Legal(), name="legal")
    assert resolve_card_profile(None).name == "legal"  # the only one registered
    card = render_model_card({**FACTS, "card_profile": "legal"})
    assert "tags: [medtune, lora, legal, fine-tuned]" in card and "not legal advice" in card
    assert "not legal advice" not in render_model_card({**FACTS, "card_profile": "generic"})
    with pytest.raises(ConfigError, match=r"unknown card profile 'lgeal'.*\['legal', 'generic'\]"):
        resolve_card_profile("lgeal")
    # a run.json naming a profile that is no longer installed still renders, with the neutral text
    assert "Intended for research" in render_model_card({**FACTS, "card_profile": "gone"})


def test_a_data_recipe_gets_a_per_source_table():
    mix = {
        "tokens_counted": "whitespace-separated words",
        "tokens": 1000,
        "sources": {
            "chatdoctor": {
                "loaded": 120,
                "dropped": 7,
                "train": 80,
                "repeats": 0,
                "validation": 10,
                "test": 11,
                "share": 0.6012,
                "weight": 0.6,
            },
            "medquad": {
                "loaded": 30,
                "dropped": 1,
                "train": 52,
                "repeats": 29,
                "validation": 3,
                "test": 3,
                "share": 0.3988,
                "weight": 0.4,
            },
        },
    }
    card = render_model_card({**FACTS, "data": {"mix": mix}})
    assert "### Sources" in card and "mixes 2 sources" in card and "whitespace-separated words" in card
    assert "| chatdoctor | 120 | 7 | 80 | 0 | 10 | 11 | 60.1% | 60.0% |" in card
    assert "| medquad | 30 | 1 | 52 | 29 | 3 | 3 | 39.9% | 40.0% |" in card
    assert "### Sources" not in render_model_card(FACTS)
