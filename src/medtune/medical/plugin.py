"""The ``medical`` built-in plugin: hook implementations for medicine."""

from __future__ import annotations

from pathlib import Path

from medtune.data.formats import DataFormat
from medtune.data.samples import SampleDataset
from medtune.medical.formats import ChatDoctorFormat, MedQuADFormat, PubMedQAFormat
from medtune.plugins.hookspecs import hookimpl

SAMPLES = Path(__file__).parent / "samples"


@hookimpl
def medtune_data_formats() -> list[DataFormat]:
    """ChatDoctor JSON, PubMedQA JSON and the MedQuAD XML directory."""
    return [ChatDoctorFormat(), PubMedQAFormat(), MedQuADFormat()]


@hookimpl
def medtune_sample_datasets() -> list[SampleDataset]:
    """Real medical samples shipped with medtune (see samples/ATTRIBUTION.md)."""
    return [
        SampleDataset(
            name="medical",
            path=SAMPLES / "medical_sample.jsonl",
            format="jsonl",
            description="300 real dialogues: 200 ChatDoctor (GenMedGPT-5k) + 100 MedQuAD answered pairs",
            license="Apache-2.0 (ChatDoctor, research use) + CC-BY-4.0 (MedQuAD)",
        ),
        SampleDataset(
            name="pubmedqa",
            path=SAMPLES / "pubmedqa_sample.json",
            format="pubmedqa",
            description="60 expert-labelled PubMedQA questions (yes/no/maybe)",
            license="MIT",
        ),
        SampleDataset(
            name="medquad",
            path=SAMPLES / "medquad_sample",
            format="medquad",
            description="A tiny MedQuAD XML directory (one folder with empty answers, as in the original)",
            license="CC-BY-4.0",
        ),
    ]
