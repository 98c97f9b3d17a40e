from __future__ import annotations

import pytest

from medtune.errors import ConfigError, UnknownComponentError
from medtune.medical.safety import EMERGENCY_RULES
from medtune.serving import SafetyConfig, SafetyLayer, SafetyPolicy, detect_emergencies

POSITIVES = [
    ("I have crushing chest pain and I can't breathe", "chest_pain"),
    ("Chest tightness and shortness of breath for the last hour", "chest_pain"),
    ("my chest hurts and the pain is spreading to my left arm", "chest_pain"),
    ("I think I'm having a heart attack", "chest_pain"),
    ("My dad's face is drooping and he can't speak", "stroke"),
    ("suddenly my left arm went numb and my speech is slurred", "stroke"),
    ("my mom's speech is slurred and it started 10 minutes ago", "stroke"),
    ("worst headache of my life, came on in seconds", "stroke"),
    ("I want to kill myself", "suicidal_intent"),
    ("I feel like ending it all tonight", "suicidal_intent"),
    ("I'm having suicidal thoughts", "suicidal_intent"),
    ("I don't want to live anymore", "suicidal_intent"),
    ("I cut my hand and the bleeding won't stop", "severe_bleeding"),
    ("there is a lot of blood, it's soaking through the towel", "severe_bleeding"),
    ("my father is coughing up blood", "severe_bleeding"),
    ("my throat is swelling after eating peanuts", "anaphylaxis"),
    ("I got stung by a bee and my tongue is swollen", "anaphylaxis"),
    ("I think I'm going into anaphylactic shock", "anaphylaxis"),
    ("my son swallowed bleach", "overdose_or_poisoning"),
    ("I took too many pills", "overdose_or_poisoning"),
    ("she took a whole bottle of paracetamol", "overdose_or_poisoning"),
    ("my friend overdosed on heroin", "overdose_or_poisoning"),
    ("my baby is not breathing", "breathing_or_unresponsive"),
    ("he collapsed and is unresponsive", "breathing_or_unresponsive"),
    ("my lips are turning blue", "breathing_or_unresponsive"),
    ("her seizure won't stop, it's been going for 6 minutes", "breathing_or_unresponsive"),
    ("I can\u2019t breathe", "breathing_or_unresponsive"),  # curly apostrophe
]

NEGATIVES = [
    "I had chest pain after a workout yesterday, now fine",
    "I have chest pain but no shortness of breath",
    "no chest pain, no shortness of breath, just a cough",
    "What are the warning signs of a stroke?",
    "What causes chest pain and shortness of breath?",
    "I have arm weakness after the gym",
    "I am not suicidal, just tired",
    "Can fluoxetine cause suicidal thoughts?",
    "Is some bleeding after flossing normal?",
    "I'm allergic to peanuts, what is anaphylaxis?",
    "I have food poisoning from bad sushi",
    "I took 2 tablets of paracetamol for a headache",
    "I can't breathe through my nose because of a cold",
    "he is breathing fine and not unconscious",
    "I had a heart attack last year, what diet should I follow?",
    "How much ibuprofen can I take for a headache?",
    "My knee hurts when I run",
    "",
]


@pytest.mark.parametrize(("text", "rule"), POSITIVES)
def test_emergency_positives(text, rule):
    assert rule in [e.rule for e in detect_emergencies(text)]


@pytest.mark.parametrize("text", NEGATIVES)
def test_emergency_negatives(text):
    assert detect_emergencies(text) == []


def test_evidence_and_order():
    found = detect_emergencies("crushing chest pain and I can't breathe")
    assert [e.rule for e in found] == ["chest_pain", "breathing_or_unresponsive"]
    assert found[0].evidence == ("crushing chest", "can't breathe")


def test_urgent_message_first_paragraph_is_the_header():
    layer = SafetyLayer()
    msg = layer.urgent_message(layer.check("I want to end my life"))
    header, body = msg.split("\n\n", 1)
    assert header == layer.policy.emergency_header and header.startswith("⚠️ This may be a medical emergency")
    assert "988" in body
    custom = SafetyLayer(SafetyConfig(emergency_header="CALL 112"))
    assert custom.urgent_message(custom.check("I want to end my life")).startswith("CALL 112\n\n")
    assert layer.urgent_message([]) == ""


def test_rules_configurable():
    assert SafetyLayer(SafetyConfig(disabled_rules=["stroke"])).check("my face is drooping") == []
    custom = SafetyConfig(
        extra_rules=[
            {"name": "sepsis", "message": "Go to the ED now.", "triggers": [[r"\bfever\b", r"\bconfus\w*"]]},
            {"name": "stroke", "message": "Replaced.", "triggers": [[r"\bzzz\b"]]},
        ]
    )
    layer = SafetyLayer(custom)
    assert [e.rule for e in layer.check("high fever and she is confused")] == ["sepsis"]
    assert [e.message for e in layer.check("zzz")] == ["Replaced."]
    assert layer.check("my face is drooping") == []  # the built-in stroke rule was replaced
    assert SafetyLayer(SafetyConfig(emergency_detection=False)).check("I want to kill myself") == []
    assert SafetyLayer(SafetyConfig(enabled=False)).check("I want to kill myself") == []


def test_unknown_rule_names_and_bad_regexes_are_errors():
    with pytest.raises(ConfigError, match=r"unknown rule name\(s\) \['strok'\] for policy 'medical'"):
        SafetyLayer(SafetyConfig(disabled_rules=["strok"]))
    with pytest.raises(UnknownComponentError, match="unknown safety_policy 'legal'"):
        SafetyLayer(SafetyConfig(policy="legal"))
    with pytest.raises(ValueError, match="invalid regex"):
        SafetyConfig(extra_rules=[{"name": "x", "message": "m", "triggers": [["("]]}])


def test_builtin_rules_have_unique_names_and_messages():
    names = [r.name for r in EMERGENCY_RULES]
    assert len(set(names)) == len(names) and all(r.message for r in EMERGENCY_RULES)


def test_disclaimer_modes():
    layer = SafetyLayer()
    d = layer.disclaimer_for("How much ibuprofen can I take?", "Up to 400 mg every 6 hours.")
    assert d.startswith("\n\n") and "not a substitute for professional medical advice" in d
    assert layer.disclaimer_for("Tell me a joke", "Why did the chicken cross the road?") == ""
    # already there: not added twice
    assert layer.disclaimer_for("fever?", "Rest. Please consult your doctor if it lasts.") == ""
    assert layer.disclaimer_for("fever?", "Rest." + d) == ""
    assert layer.disclaimer_for("Tell me a joke", "Take ibuprofen.") != ""  # a drug name is medical
    assert layer.disclaimer_for("my son swallowed bleach", "Call now.", medical=True) != ""
    always = SafetyLayer(SafetyConfig(disclaimer="always", disclaimer_text="Not advice."))
    assert always.disclaimer_for("Tell me a joke", "Ha.") == "\n\nNot advice."
    assert SafetyLayer(SafetyConfig(disclaimer="off")).disclaimer_for("fever?", "Rest.") == ""


def test_another_domain_plugs_in_its_own_policy(medtune_plugin_manager):
    """The engine knows nothing medical: a legal-advice policy brings its own rules, detector and disclaimer."""
    import re

    from medtune.plugins import hookimpl
    from medtune.serving import EmergencyRule

    class LegalPolicy:
        @hookimpl
        def medtune_safety_policies(self):
            rule = EmergencyRule("arrest", "You have the right to a lawyer. Ask for one now.", ((r"\barrested\b",),))
            return [
                SafetyPolicy(
                    name="legal",
                    rules=(rule,),
                    emergency_header="⚠️ Urgent legal situation.",
                    disclaimer="This is not legal advice.",
                    advice=re.compile(r"\b(?:contract|lawsuit|sue)\b", re.I),
                )
            ]

    medtune_plugin_manager.register(LegalPolicy(), name="legal")
    layer = SafetyLayer(SafetyConfig(policy="legal"))
    assert layer.urgent_message(layer.check("I was just arrested")).startswith("⚠️ Urgent legal situation.")
    assert layer.check("crushing chest pain and I can't breathe") == []  # no medical rules here
    assert layer.disclaimer_for("Can I sue my landlord?", "Maybe.") == "\n\nThis is not legal advice."
    assert layer.disclaimer_for("How much ibuprofen?", "400 mg.") == ""
