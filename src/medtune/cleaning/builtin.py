"""The cleaning part of the ``core`` plugin: domain-neutral cleaners, registered through the public hook."""

from __future__ import annotations

from medtune.plugins.hookspecs import hookimpl
from medtune.plugins.registry import ComponentSpec

__all__ = ["medtune_cleaners"]


@hookimpl
def medtune_cleaners() -> list[ComponentSpec]:
    """Domain-neutral cleaners: empty, length, copies_input, dedup, language."""
    from medtune.cleaning import config as c
    from medtune.cleaning import filters as f

    return [
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
    ]
