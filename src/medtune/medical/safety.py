"""The ``medical`` safety policy for ``medtune serve``: emergency rules, the advice detector and the disclaimer.

Registered by the medical plugin through ``medtune_safety_policies``; the serving engine
(:mod:`medtune.serving.safety`) knows nothing medical.
"""

from __future__ import annotations

import re

from medtune.serving.safety import EmergencyRule, SafetyPolicy

__all__ = [
    "DISCLAIMER",
    "EMERGENCY_CALL",
    "EMERGENCY_HEADER",
    "EMERGENCY_RULES",
    "HAS_DISCLAIMER",
    "MEDICAL_ADVICE",
    "SYSTEM_PROMPT",
    "medical_safety_policy",
]

_FLAGS = re.IGNORECASE

#: Appended to answers that give medical advice.
DISCLAIMER = (
    "This information is for general education and is not a substitute for professional medical advice, "
    "diagnosis or treatment. Please consult a qualified healthcare provider about your situation."
)
#: What to do in an emergency, as a clause (the serving header's second sentence; the cleaning repair's advice).
EMERGENCY_CALL = (
    "call your local emergency number now (911 in the US and Canada, 112 in the EU, 999 in the UK) or go to the "
    "nearest emergency department."
)
EMERGENCY_HEADER = "⚠️ This may be a medical emergency. " + EMERGENCY_CALL[0].upper() + EMERGENCY_CALL[1:]
SYSTEM_PROMPT = "You are a careful medical assistant. Answer clearly and briefly."

_CANT = r"(?:can(?:no|')?t|cannot|unable\s+to|could(?:n't|\s+not))"
_WHOSE = r"(?:my|his|her|their|the|one)"

# --- symptom vocabulary ---------------------------------------------------------------------------------------

_CHEST = (
    r"\bchest\b[^.?!;,]{0,30}?\b(?:pains?|hurts?|hurting|pressure|tight(?:ness)?|heavy|heaviness|squeez\w*|"
    r"crush\w*|aches?|aching|discomfort)\b|\b(?:crushing|squeezing|tight|heavy|severe|sharp)\s+(?:pain\s+)?"
    r"(?:in\s+)?(?:my\s+|the\s+|his\s+|her\s+)?chest\b"
)
_BREATH = (
    r"\bshort(?:ness)?\s+of\s+breath|\b" + _CANT + r"\s+(?:catch\s+my\s+)?breath(?:e|ing)?\b"
    r"|\b(?:hard|difficult|struggling|trouble|difficulty|problems?)\s+(?:to\s+|with\s+)?breath\w*|\bbreathless"
    r"|\bgasping|\bout\s+of\s+breath"
)
_CARDIAC_SPREAD = (
    r"\b(?:radiat\w+|spread\w*|going|moving|shoot\w*)\s+(?:down|to|into|up)\s+(?:my\s+|the\s+|his\s+|her\s+)?"
    r"(?:left\s+)?(?:arm|jaw|neck|back|shoulder)|\bcold\s+sweats?\b|\bsweating\s+(?:a\s+lot|heavily|profusely)"
    r"|\b(?:left\s+)?arm\s+(?:and|&)\s+jaw\b"
)
_HEART_ATTACK = (
    r"\b(?:i'?m|i\s+am|he'?s|she'?s|he\s+is|she\s+is|they'?re|might\s+be|may\s+be|is)\s+having\s+a\s+heart\s+attack"
    r"|\bheart\s+attack\s+(?:right\s+)?now"
)
_FACE_DROOP = r"\b(?:face|mouth|smile)\b[^.?!;,]{0,20}?\bdroop\w*|\bdroop\w*\b[^.?!;,]{0,15}?\b(?:face|mouth|smile)\b"
_FACE = (
    _FACE_DROOP + r"|\b(?:face|mouth|smile)\b[^.?!;,]{0,20}?\b(?:sagging|uneven|lopsided|numb\w*)"
    r"|\bone\s+side\s+of\s+(?:my|his|her|the)\s+face\b"
)
_ARM = (
    r"\b(?:arm|leg|hand|side\s+of\s+(?:my|his|her|the)\s+body)\b[^.?!;,]{0,25}?\b(?:weak\w*|numb\w*|"
    + _CANT
    + r"\s+(?:lift|move|raise|feel))|\b(?:weak\w*|numb\w*)\b[^.?!;,]{0,20}?\b(?:arm|leg|one\s+side)\b|\b"
    + _CANT
    + r"\s+(?:lift|raise|move)\s+"
    + _WHOSE
    + r"\s+(?:\w+\s+)?(?:arm|leg)"
)
_SPEECH = (
    r"\bslurr\w*|\b(?:speech|talking|words)\b[^.?!;,]{0,20}?\b(?:garbled|slurred|strange|weird|jumbled|difficult|"
    r"hard|confused)\b|\b(?:" + _CANT[3:-1] + r"|trouble|difficulty|hard\s+to)\s+(?:speak\w*|talk\w*|"
    r"get\s+(?:the\s+)?words\s+out|find\s+(?:the\s+)?words|understand\s+(?:speech|what))"
)
_SUDDEN = (
    r"\b(?:sudden\w*|all\s+of\s+a\s+sudden|out\s+of\s+nowhere|just\s+(?:started|now|happened)|right\s+now|"
    r"(?:a\s+few\s+|\d+\s+|ten\s+|twenty\s+)?minutes?\s+ago|an\s+hour\s+ago)"
)
_STROKE_WORDS = (
    r"\b(?:i'?m|i\s+am|he'?s|she'?s|he\s+is|she\s+is|they'?re|is|be)\s+having\s+a\s+stroke|\bstroke\s+right\s+now"
)
_WORST_HEADACHE = r"\bworst\s+headache\s+(?:of|in)\s+(?:my|his|her|their)\s+life|\bthunderclap\s+headache"
_SUICIDE = (
    r"\b(?:kill\w*|hang\w*|shoot\w*|harm\w*|hurt\w*|cut\w*)\s+my\s*self\b|\bend(?:ing)?\s+my\s+(?:own\s+)?life"
    r"|\bend(?:ing)?\s+it\s+all|\btak(?:e|ing)\s+my\s+(?:own\s+)?life|\bsuicid\w*|\bself[-\s]?harm\w*"
    r"|\b(?:want|wanna|going|plan\w*|ready)\s+(?:to\s+)?die\b|\bbetter\s+off\s+dead|\bno\s+(?:reason|point)\s+"
    r"(?:to|in)\s+(?:live|living|go(?:ing)?\s+on)|\bdon'?t\s+want\s+to\s+(?:live|be\s+alive|wake\s+up)"
)
_BLEEDING = (
    r"\bbleed\w*\b[^.?!;]{0,30}?\b(?:won'?t|will\s+not|doesn'?t|does\s+not|isn'?t|is\s+not|can'?t|cannot|"
    r"hasn'?t|not)\s+(?:stop\w*|be\s+stopped|slow\w*)|\b(?:heavy|heavily|severe|severely|uncontrolled|"
    r"uncontrollabl[ey]|a\s+lot\s+of|lots\s+of|profuse\w*|massive|gushing|spurting|pouring)\s+(?:bleed\w*|blood)"
    r"|\bblood\s+(?:is\s+)?(?:spurting|gushing|pouring|everywhere)|\bsoak\w*\s+(?:through\s+)?[^.?!;]{0,20}?"
    r"\b(?:towels?|pads?|bandages?|gauze|shirt)\b|\b(?:cough\w*|vomit\w*|throw\w*\s+up|puk\w*)\s+(?:up\s+)?"
    r"(?:a\s+lot\s+of\s+|lots\s+of\s+)?blood"
)
_SWELL = (
    r"\b(?:throat|tongue|lips?|face|mouth)\b[^.?!;,]{0,20}?\b(?:swell\w*|swollen|closing|tight\w*)"
    r"|\bswell\w*\b[^.?!;,]{0,15}?\b(?:throat|tongue|lips?)\b"
)
_ALLERGEN = (
    r"\b(?:allerg\w*|hives|stung|stings?|bee|wasp|hornet|peanuts?|nuts?|shellfish|after\s+eating|epi-?pens?|"
    r"antibiotic|penicillin)\b"
)
_ANAPHYLAXIS = (
    r"\b(?:having|in|going\s+into)\s+(?:an?\s+)?anaphyla\w*|\banaphylactic\s+(?:shock|reaction)"
    r"|\bthroat\s+is\s+(?:closing|swelling\s+shut)|\bthroat\s+(?:closing|closes)\s+up"
)
_OVERDOSE = (
    r"\b(?:i|i'?ve|he|she|they|we|my\s+\w+|someone|(?:he|she|they)\s+(?:has|have))\s+(?:just\s+|may\s+have\s+|"
    r"might\s+have\s+)?(?:overdosed|od'?d)\b|\b(?:took|swallowed|taken|ate|drank|had)\s+(?:a\s+|an\s+)?"
    r"(?:too\s+many|too\s+much|an?\s+(?:whole|full)\s+(?:bottle|pack|box|packet)|the\s+(?:whole|entire)\s+"
    r"(?:bottle|pack|box|packet)|(?:\d{2,}|a\s+handful\s+of|handful|dozens?\s+of|lots\s+of)\s+(?:of\s+"
    r"(?:my|his|her|the)\s+)?(?:pills|tablets|capsules))|\b(?:swallowed|drank|drunk|ate|ingested)\s+(?:some\s+|a\s+)?"
    r"(?:bleach|antifreeze|drain\s+cleaner|detergent|laundry\s+pods?|rat\s+poison|poison|pesticide|weed\s*killer|"
    r"button\s+batter\w+|batter(?:y|ies))|(?<!food\s)\bpoisoned\b|\boverdos(?:e|ing)\s+(?:right\s+)?now"
)
_CANT_BREATHE_ALONE = (
    r"\b" + _CANT + r"\s+breathe\b(?!\s+(?:through|out\s+of|well\s+through|properly\s+through|in\s+the\s+cold))"
    r"|\bgasping\s+for\s+(?:air|breath)|\bstruggling\s+to\s+breathe"
)
_UNRESPONSIVE = (
    r"\b(?:not|isn'?t|stopped|stop|is\s+not)\s+breathing|\bunconscious\b|\bunresponsive\b|\bwon'?t\s+wake\s+up"
    r"|\b"
    + _CANT
    + r"\s+wake\s+(?:him|her|them|my)|\b(?:lips|face|skin)\b[^.?!;,]{0,15}?\b(?:turning\s+|are\s+|is\s+)?"
    r"(?:blue|grey|gray)\b|\bchoking\b|\bseizure\b[^.?!;]{0,30}?\b(?:won'?t\s+stop|not\s+stopping|more\s+than\s+"
    r"(?:5|five)\s+minutes|for\s+(?:over\s+)?(?:5|five|ten|10)\s+minutes)"
)

# --- negation and general questions -------------------------------------------------------------------------------


EMERGENCY_RULES: tuple[EmergencyRule, ...] = (
    EmergencyRule(
        "suicidal_intent",
        "If you are thinking about suicide or about harming yourself, you are not alone and help is available now: "
        "in the US call or text 988 (Suicide & Crisis Lifeline); elsewhere call your local emergency number or find "
        "a crisis line at findahelpline.com. If you are in immediate danger, call emergency services.",
        ((_SUICIDE,),),
    ),
    EmergencyRule(
        "chest_pain",
        "Chest pain with shortness of breath, sweating, or pain spreading to the arm, jaw or back can be a heart "
        "attack. Call emergency services now; do not drive yourself. Stop all activity and sit or lie down.",
        ((_CHEST, _BREATH), (_CHEST, _CARDIAC_SPREAD), (r"\bcrushing\b[^.?!;]{0,20}?\bchest\b",), (_HEART_ATTACK,)),
    ),
    EmergencyRule(
        "stroke",
        "Face drooping, arm or leg weakness, or difficulty speaking (think FAST) can be a stroke. Note the time the "
        "symptoms started and call emergency services immediately: every minute counts.",
        (
            (_FACE_DROOP,),
            (_FACE, _ARM),
            (_FACE, _SPEECH),
            (_ARM, _SPEECH),
            (_ARM, _SUDDEN),
            (_SPEECH, _SUDDEN),
            (_FACE, _SUDDEN),
            (_STROKE_WORDS,),
            (_WORST_HEADACHE,),
        ),
    ),
    EmergencyRule(
        "anaphylaxis",
        "Swelling of the throat, tongue or lips, or trouble breathing after an allergen can be anaphylaxis. Use an "
        "adrenaline (epinephrine) auto-injector if one is available and call emergency services now, even if the "
        "symptoms ease.",
        ((_ANAPHYLAXIS,), (_SWELL, _ALLERGEN), (_SWELL, _BREATH)),
    ),
    EmergencyRule(
        "severe_bleeding",
        "Heavy bleeding that does not stop is an emergency. Call emergency services, press firmly on the wound with "
        "a clean cloth and keep pressing; add more cloth on top rather than removing soaked cloth.",
        ((_BLEEDING,),),
    ),
    EmergencyRule(
        "overdose_or_poisoning",
        "This may be an overdose or a poisoning. Call emergency services now, or a poison control centre (in the US "
        "1-800-222-1222). Do not make the person vomit unless told to, and keep the packaging to show the "
        "responders.",
        ((_OVERDOSE,),),
    ),
    EmergencyRule(
        "breathing_or_unresponsive",
        "Someone who cannot breathe, is not breathing, is unresponsive, is choking, is turning blue or has a seizure "
        "that will not stop needs help now. Call emergency services; if you are trained, start CPR or first aid "
        "while you wait.",
        ((_CANT_BREATHE_ALONE,), (_UNRESPONSIVE,)),
    ),
)


MEDICAL_ADVICE = re.compile(
    r"\b(?:symptoms?|pains?|painful|aches?|fever|dos(?:e|es|age)|\d+\s?mg|medic\w*|drugs?|pills?|tablets?|"
    r"treat\w*|therap\w*|diagnos\w*|diseases?|infections?|infected|doctors?|physicians?|hospital|blood|pressure|"
    r"diabet\w*|cancer|tumou?rs?|surgery|prescri\w*|antibiotics?|vaccin\w*|allerg\w*|injur\w*|rash|cough\w*|"
    r"headaches?|migraines?|nausea|vomit\w*|heart|lungs?|kidneys?|liver|pregnan\w*|health|clinic|conditions?|"
    r"side\s+effects?|chronic|acute|disorders?|syndromes?|cure|remed\w*|supplements?|vitamins?|insulin|"
    r"cholesterol|asthma|arthritis|depress\w*|anxiety|sleep|diet|wounds?|bleed\w*|swell\w*|swollen|dizz\w*|"
    r"sore|itch\w*|stomach|bowel|urin\w*|skin|thyroid|hormone\w*|emergency|paracetamol|acetaminophen|ibuprofen|"
    r"aspirin|naproxen|antihistamine\w*|steroids?|\w+(?:cillin|mycin|statin|pril|olol|sartan|dipine|prazole|oxetine|"
    r"azepam|formin))\b",
    _FLAGS,
)
HAS_DISCLAIMER = re.compile(
    r"not\s+(?:a\s+)?substitute\s+for\s+(?:professional\s+)?medical|(?:consult|see|talk\s+to|speak\s+(?:to|with)|"
    r"contact)\s+(?:a|your)\s+(?:qualified\s+)?(?:doctor|physician|healthcare\s+(?:provider|professional)|"
    r"medical\s+professional|health\s+professional|pharmacist|gp)|not\s+medical\s+advice",
    _FLAGS,
)


def medical_safety_policy() -> SafetyPolicy:
    """The built-in medical policy."""
    return SafetyPolicy(
        name="medical",
        rules=EMERGENCY_RULES,
        emergency_header=EMERGENCY_HEADER,
        disclaimer=DISCLAIMER,
        advice=MEDICAL_ADVICE,
        has_disclaimer=HAS_DISCLAIMER,
        system_prompt=SYSTEM_PROMPT,
        description="7 emergency rules (chest pain, stroke, suicidal intent, …) and a disclaimer on medical advice",
    )
