"""Records, formats and the Dataset API."""

from medtune.data.dataset import Dataset, DatasetSplits, resolve_format
from medtune.data.formats import DataFormat, LoadReport, RawRecord
from medtune.data.mixing import MixResult, SourceMix, mix_by_tokens
from medtune.data.pairs import PairBuilder, PairReport, build_pairs
from medtune.data.records import ChatMessage, Conversation, InstructionRecord, PreferenceRecord, Record
from medtune.data.samples import SampleDataset, sample_path, training_sample
from medtune.data.stats import DatasetStats, LengthStats

__all__ = [
    "ChatMessage",
    "Conversation",
    "DataFormat",
    "Dataset",
    "DatasetSplits",
    "DatasetStats",
    "InstructionRecord",
    "LengthStats",
    "LoadReport",
    "MixResult",
    "PairBuilder",
    "PairReport",
    "PreferenceRecord",
    "RawRecord",
    "Record",
    "SampleDataset",
    "SourceMix",
    "build_pairs",
    "mix_by_tokens",
    "resolve_format",
    "sample_path",
    "training_sample",
]
