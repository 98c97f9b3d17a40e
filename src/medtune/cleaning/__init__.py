"""Cleaning: a pipeline of cleaners (PII removal, normalization, filters, disclaimers) that accounts for every record.

Heavy libraries (Presidio, spaCy) are imported only by the cleaners that need them, when they first run.
"""

from medtune.cleaning.base import Cleaner, CleanerBase, CleanerOptions, DatasetCleaner, Drop, FieldName, TextCleaner
from medtune.cleaning.checks import Checker, CheckFilter
from medtune.cleaning.config import PipelineConfig, default_config, load_config
from medtune.cleaning.deid import PIICleaner, PIIProfile
from medtune.cleaning.disclaimer import DisclaimerCleaner
from medtune.cleaning.filters import CopiesInputFilter, DedupFilter, EmptyFilter, EnglishFilter, LengthFilter
from medtune.cleaning.normalize import RuleNormalizer
from medtune.cleaning.pii import ENTITY_TYPES, PIIMatch, RegexPIICleaner, find_pii, luhn_valid
from medtune.cleaning.pipeline import CleaningResult, Pipeline, PipelineReport, StageStats

__all__ = [
    "ENTITY_TYPES",
    "CheckFilter",
    "Checker",
    "Cleaner",
    "CleanerBase",
    "CleanerOptions",
    "CleaningResult",
    "CopiesInputFilter",
    "DatasetCleaner",
    "DedupFilter",
    "DisclaimerCleaner",
    "Drop",
    "EmptyFilter",
    "EnglishFilter",
    "FieldName",
    "LengthFilter",
    "PIICleaner",
    "PIIMatch",
    "PIIProfile",
    "Pipeline",
    "PipelineConfig",
    "PipelineReport",
    "RegexPIICleaner",
    "RuleNormalizer",
    "StageStats",
    "TextCleaner",
    "default_config",
    "find_pii",
    "load_config",
    "luhn_valid",
]
