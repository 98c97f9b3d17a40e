"""The medical model-card text, registered by the medical plugin through ``medtune_card_profiles``."""

from __future__ import annotations

from medtune.cards.model_card import CardProfile

__all__ = ["MEDICAL_LIMITATIONS", "medical_card_profile"]

MEDICAL_LIMITATIONS = """\
- This model was fine-tuned for research and education. It is **not a medical device** and must not be used for
  diagnosis, treatment or any decision about a real patient without review by a qualified clinician.
- It can state wrong facts fluently, omit contraindications, and reproduce errors or biases present in its base
  model and its training data. The evaluation in this card (if any) covers held-out data from the same sources and
  the few sets from other sources it names, small samples each: no evidence of quality on other questions.
- Small models (around 1B parameters or fewer) have limited medical knowledge; treat every answer as a draft."""


def medical_card_profile() -> CardProfile:
    """The ``medical`` card profile: the ``medical`` tag, clinical review, not a medical device."""
    return CardProfile(
        name="medical",
        tags=("medical",),
        intended_use="Intended for research on domain adaptation of small language models and for building "
        "prototypes of medical question-answering assistants that are reviewed by professionals.",
        limitations=MEDICAL_LIMITATIONS,
        description="not a medical device; answers reviewed by clinicians",
    )
