"""The cleaning part of the ``core`` plugin: domain-neutral cleaners and PII profile, registered through the hooks."""

from __future__ import annotations

from medtune.cleaning.pii_profiles import NEUTRAL_PII_PROFILE_SPEC, PIIProfileSpec
from medtune.plugins.hookspecs import hookimpl
from medtune.plugins.registry import ComponentSpec

__all__ = ["medtune_cleaners", "medtune_pii_profiles"]


@hookimpl
def medtune_cleaners() -> list[ComponentSpec]:
    """Domain-neutral cleaners: pii*, empty, length, copies_input, dedup, language, decontaminate.

    The PII cleaners take their domain words from a PII profile (``profile`` option; see ``medtune_pii_profiles``).
    """
    from medtune.cleaning import config as c
    from medtune.cleaning import decontaminate, deid, pii, presidio
    from medtune.cleaning import filters as f

    return [
        ComponentSpec(
            "pii",
            deid.make_pii,
            deid.PIIConfig,
            "remove PII from every field: patterns, phones, dates, the profile's NER model and a name lexicon",
        ),
        ComponentSpec(
            "pii_regex",
            pii.make_pii_regex,
            pii.PIIRegexConfig,
            "remove emails, URLs, IPs, phones, SSNs, IDs, cards, dates, ages > 89, ZIPs, addresses, titled names",
        ),
        ComponentSpec(
            "pii_presidio",
            presidio.make_pii_presidio,
            presidio.PresidioConfig,
            "remove names and places with Presidio + an installed spaCy NER model (offline; the profile's words kept)",
        ),
        ComponentSpec(
            "empty", lambda o: f.EmptyFilter(o.fields), c.EmptyConfig, "drop records with a blank prompt or output"
        ),
        ComponentSpec(
            "length",
            lambda o: f.LengthFilter(o.min_tokens, o.max_tokens, o.fields, o.tokenizer),
            c.LengthConfig,
            "drop records shorter or longer than a token bound (whitespace tokens by default)",
        ),
        ComponentSpec(
            "copies_input",
            lambda o: f.CopiesInputFilter(o.threshold, o.min_words),
            c.CopiesInputConfig,
            "drop records whose output repeats the input",
        ),
        ComponentSpec(
            "dedup",
            lambda o: f.DedupFilter(o.fields, o.near, o.threshold, o.num_perm),
            c.DedupConfig,
            "drop exact duplicates (and near duplicates with near: true, MinHash LSH)",
        ),
        ComponentSpec(
            "language",
            lambda o: f.EnglishFilter(o.fields, o.min_ratio, o.min_words, o.detector, o.languages),
            c.LanguageConfig,
            "drop records that are not English",
        ),
        ComponentSpec(
            "decontaminate",
            decontaminate.make_decontaminate,
            decontaminate.DecontaminateConfig,
            "drop records that share word n-grams (13 by default) with evaluation/test sets (references)",
        ),
    ]


@hookimpl
def medtune_pii_profiles() -> list[PIIProfileSpec]:
    """The ``neutral`` PII profile: no domain words, no NER model."""
    return [NEUTRAL_PII_PROFILE_SPEC]
