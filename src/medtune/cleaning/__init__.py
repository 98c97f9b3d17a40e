"""Cleaning: a pipeline of cleaners (PII removal, normalization, filters, disclaimers) that accounts for every record.

Heavy libraries (Presidio, spaCy) are imported only by the cleaners that need them, when they first run.

The redaction API for plugin authors: :func:`find_pii` finds identifiers (with the cues of a :class:`PIIProfile`),
:func:`replace_matches` replaces :class:`PIIMatch` spans (with placeholders or :class:`Surrogates`),
:class:`PIIOptions` is the options base of a redacting cleaner, and :class:`PIIProfileSpec` registers a domain's
profile through the ``medtune_pii_profiles`` hook.
"""

from medtune.cleaning.base import Cleaner, CleanerBase, CleanerOptions, DatasetCleaner, Drop, FieldName, TextCleaner
from medtune.cleaning.checks import Checker, CheckFilter
from medtune.cleaning.config import PipelineConfig, default_config, load_config
from medtune.cleaning.decontaminate import DecontaminateConfig, Decontaminator
from medtune.cleaning.deid import PIICleaner, PIIConfig, make_pii
from medtune.cleaning.disclaimer import DisclaimerCleaner
from medtune.cleaning.filters import CopiesInputFilter, DedupFilter, EmptyFilter, EnglishFilter, LengthFilter
from medtune.cleaning.normalize import RuleNormalizer
from medtune.cleaning.pii import (
    ENTITY_TYPES,
    PIIMatch,
    PIIRegexConfig,
    RegexPIICleaner,
    Surrogates,
    find_pii,
    luhn_valid,
    make_pii_regex,
    not_name_words,
    replace_matches,
)
from medtune.cleaning.pii_profiles import (
    NEUTRAL_PII_PROFILE,
    PIIOptions,
    PIIProfile,
    PIIProfileSpec,
    pii_profile_names,
    resolve_pii_profile,
)
from medtune.cleaning.pipeline import CleaningResult, Pipeline, PipelineReport, StageStats
from medtune.cleaning.redact import redact_identifiers
from medtune.errors import register_excerpt_redactor as _register_excerpt_redactor

__all__ = [
    "ENTITY_TYPES",
    "NEUTRAL_PII_PROFILE",
    "CheckFilter",
    "Checker",
    "Cleaner",
    "CleanerBase",
    "CleanerOptions",
    "CleaningResult",
    "CopiesInputFilter",
    "DatasetCleaner",
    "DecontaminateConfig",
    "Decontaminator",
    "DedupFilter",
    "DisclaimerCleaner",
    "Drop",
    "EmptyFilter",
    "EnglishFilter",
    "FieldName",
    "LengthFilter",
    "PIICleaner",
    "PIIConfig",
    "PIIMatch",
    "PIIOptions",
    "PIIProfile",
    "PIIProfileSpec",
    "PIIRegexConfig",
    "Pipeline",
    "PipelineConfig",
    "PipelineReport",
    "RegexPIICleaner",
    "RuleNormalizer",
    "StageStats",
    "Surrogates",
    "TextCleaner",
    "default_config",
    "find_pii",
    "load_config",
    "luhn_valid",
    "make_pii",
    "make_pii_regex",
    "not_name_words",
    "pii_profile_names",
    "redact_identifiers",
    "replace_matches",
    "resolve_pii_profile",
]

# Error excerpts of bad records are redacted by the same PII regex as the data (medtune.errors sits below cleaning).
_register_excerpt_redactor(redact_identifiers)
