"""The ``support`` safety policy for ``medtune serve``: hand legal threats, chargebacks and breaches to a human.

medtune's serving engine is domain-neutral: what counts as an "emergency", what to say, and when an answer needs a
disclaimer all come from a :class:`~medtune.serving.SafetyPolicy`. Select this one with ``safety.policy: support``
in the serve config. When a rule fires, the escalation message comes first (or is the whole answer with
``safety.emergency_action: replace``) and the response carries the header ``X-Medtune-Emergency: <rule names>``.
"""

from __future__ import annotations

import re

from medtune.serving import EmergencyRule, SafetyPolicy

__all__ = ["DISCLAIMER", "ESCALATION_HEADER", "RULES", "SUPPORT_ADVICE", "SYSTEM_PROMPT", "support_safety_policy"]

_F = re.IGNORECASE

ESCALATION_HEADER = (
    "⚠️ This needs a person. I have flagged this conversation for the Fernpad support team; a human agent will "
    "reply by e-mail within one business day. Please do not share passwords or full card numbers here."
)
DISCLAIMER = (
    "This answer comes from Fernpad's automated support assistant and may be wrong. For billing, refunds or "
    "account security, a human agent is one e-mail away: support@fernpad.example."
)
SYSTEM_PROMPT = "You are the Fernpad support assistant. Answer the customer's question clearly and briefly."

_LEGAL = (
    r"\b(?:su(?:e|ing)\s+(?:you|fernpad|your\s+company|the\s+company)|lawsuit|legal\s+action|class\s+action|"
    r"small\s+claims|my\s+(?:lawyer|attorney|solicitor)|(?:take|taking)\s+(?:you|this|fernpad|it)\s+to\s+court|"
    r"consumer\s+protection\s+(?:agency|authority|complaint))\b"
)
_CHARGEBACK = (
    r"\bcharge\s*-?\s*backs?\b|\bdispute\s+(?:the|this|that|a|my)\s+(?:charge|payment|transaction)|"
    r"\b(?:call|calling|tell|telling|ask|asking)\s+my\s+(?:bank|card\s+issuer|credit\s+card\s+company)\b|"
    r"\breverse\s+(?:the|this)\s+(?:charge|payment)"
)
_BREACH = (
    r"\bdata\s+breach|\b(?:been|was|got|were|is)\s+(?:hacked|compromised|breached)\b|"
    r"\bsomeone\s+(?:else\s+)?(?:has\s+)?(?:logged|logging|is\s+logged|got)\s+in(?:to)?\s+(?:to\s+)?my\s+account|"
    r"\b(?:my|our)\s+(?:notes|data|files|account)\s+(?:are|were|have\s+been|has\s+been)\s+"
    r"(?:leaked|exposed|stolen|made\s+public)|\bleaked\s+(?:my|our)\s+(?:notes|data|files)"
)

RULES: tuple[EmergencyRule, ...] = (
    EmergencyRule(
        "legal_threat",
        "Anything involving legal action is handled by our legal team directly: write to legal@fernpad.example "
        "with your account e-mail. The assistant cannot make commitments on the company's behalf.",
        ((_LEGAL,),),
    ),
    EmergencyRule(
        "chargeback",
        "Our billing team can usually refund you faster than a chargeback: write to billing@fernpad.example with "
        "your order number. Opening a chargeback locks the account until the dispute is settled.",
        ((_CHARGEBACK,),),
    ),
    EmergencyRule(
        "data_breach",
        "If you think your account or your notes were compromised: change your Fernpad password now, use "
        "Settings > Security > Sign out everywhere, and write to security@fernpad.example. Security reports are "
        "handled first.",
        ((_BREACH,),),
    ),
)

#: Questions or answers about money, accounts and data get the disclaimer (``safety.disclaimer: advice``).
SUPPORT_ADVICE = re.compile(
    r"\b(?:bill\w*|refund\w*|charg\w*|payment\w*|pay|paid|invoice\w*|subscription\w*|subscrib\w*|plan|plans|"
    r"price\w*|pricing|cancel\w*|account\w*|password\w*|security|2fa|two-factor|licen[cs]e\w*|delete\w*|"
    r"privacy|personal\s+data|gdpr|export\w*)\b",
    _F,
)
HAS_DISCLAIMER = re.compile(r"automated\s+support\s+assistant|human\s+agent|support@fernpad\.example", _F)


def support_safety_policy() -> SafetyPolicy:
    """The ``support`` policy: three escalation rules, the support disclaimer and system prompt.

    Example:
        >>> from medtune.serving import SafetyConfig, SafetyLayer
        >>> layer = SafetyLayer(SafetyConfig(policy="support"), policy=support_safety_policy())
        >>> [e.rule for e in layer.check("Refund me or I will file a chargeback")]
        ['chargeback']
        >>> layer.check("What is a chargeback?")  # a general question: nobody to escalate
        []
    """
    return SafetyPolicy(
        name="support",
        rules=RULES,
        emergency_header=ESCALATION_HEADER,
        disclaimer=DISCLAIMER,
        advice=SUPPORT_ADVICE,
        has_disclaimer=HAS_DISCLAIMER,
        system_prompt=SYSTEM_PROMPT,
        description="escalate legal threats, chargebacks and data breaches to a human; a support disclaimer",
    )
