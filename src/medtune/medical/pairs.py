"""Red-flag escalation preference pairs: the behaviour supervised data teaches badly, taught by preference.

Many answers in medical corpora reply to a red-flag symptom (crushing chest pain, stroke signs, coughing blood…)
without ever telling the patient to seek urgent care. Supervised fine-tuning on them teaches the model to do the
same. :class:`RedFlagPairBuilder` turns each such record into a pair on its prompt: ``chosen`` is the answer with the
red flag's urgent-care advice as its first paragraph, the repair of ``medically_sound`` (``red_flag_action:
repair``, same wording: :func:`~medtune.medical.cleaners.red_flag_advice`), and ``rejected`` is the original
answer. DPO on these pairs (``train.method: dpo``) then moves probability from answers that never escalate to
answers that do, on prompts the model has seen, and leaves the rest of the answer as it was.

Registered as the pair builder ``red_flag_escalation`` (``medtune data pairs``); :func:`red_flag_pairs` is the same
in Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from medtune.config import ConfigModel
from medtune.data.records import InstructionRecord, PreferenceRecord
from medtune.medical.cleaners import RedFlagEscalationChecker, red_flag_advice, with_advice

if TYPE_CHECKING:
    from medtune.data.dataset import Dataset
    from medtune.data.pairs import PairReport

__all__ = ["RedFlagPairBuilder", "RedFlagPairsConfig", "make_red_flag_pairs", "red_flag_pairs"]

Missing = Literal["urgent_advice", "any_escalation"]


class RedFlagPairsConfig(ConfigModel):
    """Options of the ``red_flag_escalation`` pair builder."""

    config_kind = "pair builder options"

    missing: Missing = Field(
        default="urgent_advice",
        description="Which answers to a red flag get a pair. 'urgent_advice' (default): those with no urgent-care "
        "words (emergency, 911, ambulance, hospital, right away…), what the evaluation's red_flag_escalation "
        "counts. 'any_escalation': only those that do not even advise tests or a doctor's visit, what "
        "medically_sound repairs (fewer pairs).",
    )


class RedFlagPairBuilder:
    """Pairs each answer to a red-flag symptom that lacks escalation with the same answer plus urgent-care advice.

    Args:
        missing: Which answers count as lacking escalation (see :class:`RedFlagPairsConfig`).

    Example:
        >>> from medtune import InstructionRecord
        >>> record = InstructionRecord(instruction="I have chest pain and I am sweating.", output="Rest and relax.")
        >>> pair = RedFlagPairBuilder().pair(record)
        >>> pair.rejected, pair.chosen.endswith("Rest and relax."), pair.metadata["pair"]
        ('Rest and relax.', True, 'red_flag_escalation:chest_pain')
    """

    name = "red_flag_escalation"

    def __init__(self, missing: Missing = "urgent_advice") -> None:
        self.missing = missing
        self._checker = RedFlagEscalationChecker()

    def pair(self, record: InstructionRecord) -> PreferenceRecord | str:
        """The pair on ``record``, or why there is none (no red flag; the answer escalates already; no answer)."""
        prompt = record.input or record.instruction  # what medically_sound reads as the patient's words
        found = self._checker.red_flag(prompt)
        if found is None:
            return "no red flag in the prompt"
        if not record.output.strip():
            return "empty answer"
        if self._escalates(prompt, record.output):
            return "the answer already advises urgent care"
        flag, words = found
        chosen = with_advice(record.output, red_flag_advice(flag))
        tag = f"{self.name}:{flag.replace(' ', '_')}"
        metadata = {**record.metadata, "pair": tag, "red_flag": words}
        pair = PreferenceRecord.from_instruction(record, rejected=record.output, chosen=chosen)
        return pair.model_copy(update={"metadata": metadata})

    def _escalates(self, prompt: str, answer: str) -> bool:
        if self.missing == "any_escalation":
            return self._checker.repair(prompt, answer) is None
        from medtune.medical.evaluation import urgent_advice

        return urgent_advice(answer) is not None


def make_red_flag_pairs(cfg: RedFlagPairsConfig | None = None) -> RedFlagPairBuilder:
    """The registry's factory: a :class:`RedFlagPairBuilder` with ``cfg``'s options."""
    cfg = cfg or RedFlagPairsConfig()
    return RedFlagPairBuilder(missing=cfg.missing)


def red_flag_pairs(
    dataset: Dataset, *, missing: Missing = "urgent_advice", max_pairs: int | None = None, seed: int = 42
) -> tuple[Dataset, PairReport]:
    """Red-flag escalation pairs from instruction (or single-turn chat) records.

    Build them from the training split only: a pair's prompt is its record's prompt, so pairs built from held-out
    records would put evaluation prompts into training.

    Args:
        dataset: The records (cleaned, ideally: the pairs keep their text).
        missing: Which answers count as lacking escalation (see :class:`RedFlagPairsConfig`).
        max_pairs: Keep at most this many pairs, a sample drawn with ``seed``.
        seed: The sample's seed; the same data and seed give the same pairs in the same order.

    Returns:
        The pairs and a report (records read, pairs built, records skipped by reason).

    Raises:
        MedtuneError: No record gave a pair.
    """
    from medtune.data.pairs import build_pairs

    return build_pairs(dataset, RedFlagPairBuilder(missing=missing), max_pairs=max_pairs, seed=seed)
