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
