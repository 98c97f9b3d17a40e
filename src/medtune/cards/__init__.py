"""Model cards: the profile a domain plugin gives, the renderer, the one writer, and the evaluation section.

Training writes a card from its run facts, ``medtune run`` re-renders it with the cleaning report and evaluation,
and ``medtune eval`` splices its summary into an existing card; all of them write through
:func:`write_card_text`. Nothing here imports torch.
"""

from medtune.cards.evaluation import CardUpdate, describe_evaluation, evaluation_section, update_model_card
from medtune.cards.model_card import GENERIC_CARD_PROFILE, CardProfile, render_model_card, resolve_card_profile
from medtune.cards.writer import CARD_FILE, write_card_text, write_model_card

__all__ = [
    "CARD_FILE",
    "GENERIC_CARD_PROFILE",
    "CardProfile",
    "CardUpdate",
    "describe_evaluation",
    "evaluation_section",
    "render_model_card",
    "resolve_card_profile",
    "update_model_card",
    "write_card_text",
    "write_model_card",
]
