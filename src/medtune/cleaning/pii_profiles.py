"""PII profiles: what a domain tells the PII cleaners, registered by plugins, and the options they share.

The PII cleaners (``pii``, ``pii_regex``, ``pii_presidio``) are core components: they find identifiers with
domain-neutral English cues (titles, "my name is", "Name:", signatures, "lives in"…). A *PII profile* adds a
domain's words: a vocabulary of words that are not names, protected terms, abbreviations, an NER model, and cue
lists (the words for the person a record is about, labels of the domain's identifiers, the context of its terms).

Plugins register profiles with the ``medtune_pii_profiles`` hook as :class:`PIIProfileSpec` entries, whose ``build``
runs only when a cleaner first needs the profile (word lists and model paths are loaded then, once). The core
registers ``neutral``: no domain words and no NER model. The medical plugin registers ``medical``.

A cleaner's ``profile`` option names the profile; ``None`` picks the only registered profile other than
``neutral`` when there is exactly one, else ``neutral`` (the rule of model-card profiles), see
:func:`resolve_pii_profile`.
"""

from __future__ import annotations

import dataclasses
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from medtune.cleaning.base import CleanerOptions, FieldName

if TYPE_CHECKING:
    from medtune.plugins.manager import PluginManager

__all__ = [
    "NEUTRAL_PII_PROFILE",
    "NEUTRAL_PII_PROFILE_SPEC",
    "PIIOptions",
    "PIIProfile",
    "PIIProfileSpec",
    "pii_profile_names",
    "resolve_pii_profile",
]

#: The name of the core's profile: no domain words, no NER model.
NEUTRAL_PII_PROFILE = "neutral"


@dataclass(frozen=True)
class PIIProfile:
    """What a domain tells the PII cleaners: words that are not identifiers, cues that introduce one, an NER model.

    Every field defaults to nothing: ``PIIProfile()`` is the neutral profile, and a domain adds only what it has.
    Word sets are lower case. Cue lists are regular-expression fragments matched as whole words, case-insensitively
    unless said otherwise; they *add to* the core's English cues, never replace them.

    Attributes:
        vocabulary: Common and domain words. A capitalised word outside it may be a name.
        protected_terms: Domain terms never removed on a weak signal (drug names, eponyms).
        abbreviations: Abbreviations (kept in capitals when truecasing upper-case text).
        keep_span: ``keep_span(text, start, end)``: True for spans that are domain terms in context
            (``Crohn's disease``); applied to weak signals only.
        ner_model: A spaCy model (package name or directory) with an ``ner`` component, or ``None``.
        roles: Words for people by their role in the domain ("rn", "chaplain"; "agent" for support): the word beside
            one is a name (:func:`medtune.cleaning.roles.find_role_names`); a role opening a clause is no given name.
        predicates: Words of the domain's notes that, right after a given name opening a clause, make it the subject
            ("c/o", "a+ox3"), besides English verbs (:func:`medtune.cleaning.subjects.find_subject_names`).
        movements: Words of the domain for moving someone ("admitted", "d/c'd"): the words after one and "to",
            "from" or "on" name a place, besides English verbs (:func:`medtune.cleaning.workplaces.find_moved_places`).
        name: The registry name.
        subject_cues: Words for the person the records are about ("customer" for support): a name follows one
            as a label ("CUSTOMER: ANN LEE", "Customer name: …", "CUSTOMER: LEE, ANN"), bare ("Customer Ann Lee"), or
            as initials ("CUSTOMER A.L."); they are also name context for NER, and an age follows one ("CUSTOMER IS
            92").
        label_cues: Roles that label a name with a colon ("AGENT: ANN LEE"), besides the core's ("contact",
            "guardian", "next of kin"…).
        id_labels: Labels of the domain's identifiers ("ticket number"): the code after one is an ``ID``,
            besides the core's ("account number", "passport", "ID"…); a "SURNAME, GIVEN" line may end with one.
        name_suffixes: Post-nominal letters of the domain, case-sensitive ("CPA"): kept with the name before them,
            besides "Jr", "Sr", "III", "PhD".
        not_names: Words never taken for a name after a cue, besides the core's common English words (the domain's
            verbs and states: "escalated", "resolved").
        count_words: Words after a number that make it a count or a measure, not a house number ("12 tickets"),
            besides the core's units and counts.
        not_titles: Phrases in capitals that end in ``MS`` without it being the title ``Ms.`` (the domain's
            abbreviation ``MS``: "ALTERED MS").
        not_initials: Dotted abbreviations that look like initials after a subject cue (``iv`` for "I.V.").
        not_street_suffixes: Words in capitals that look like a street suffix but are the domain's ("CT" after "12
            ROUTINE" is no Court).
        term_shape: Endings of the domain's words (a regex searched in the lower-case word, e.g. ``(?:itis|cillin)$``):
            a capitalised word with one, longer than five letters, that NER takes for a name or a place is kept.
        strong_term_shape: Endings that make a vocabulary word a domain term even after name context ("a condition
            called Amyloidosis"), and a word in brackets after one a brand name (``pii_presidio``).
        term_before: A regex searched in the text before a capitalised word (ending at it) that makes the word a
            domain term, not a person or a place ("prescribe Lovenox"; ``pii_presidio``).
        term_after: A regex matched at the text after a capitalised word with the same meaning ("Zosyn 4.5 g").
        metadata_keys: ``(label, regex)`` pairs: a metadata value under a key the regex finds is removed whole with
            that label, besides the core's keys (``name``, ``email``, ``phone``…).
        date_cues: Words right before a number or a holiday that make it a date even where it could be a range
            ("RENEWED 4-27", "renewed Xmas Eve"), besides the core's ("on", "since", "seen"); regex fragments
            (:mod:`medtune.cleaning.shapes`). After a month/day they count too, matched at the start of the next word.
        strong_date_cues: Date cues that make even an ``x/10`` a date, not a score ("RENEWED 4/10"), besides the
            core's ("on", "since", "dated"); they count as ``date_cues`` too.
        date_events: Events of the domain that date a month/day beside them ("AUDIT 3/14", "3/14 AUDIT"), besides
            the core's ("visit", "note"); regex fragments, matched at the start of the word after the date.
        not_date_after: Words right after a number pair that make it a count or a measure, not a date ("2-3 SEATS",
            "1/2 CUP"), besides the core's units; regex fragments matched at the start of what follows ("cup" also
            covers "cups").
        not_date_before: Readings, settings and scores right before a number pair that make it no date ("RATIO
            3/4"), besides the core's ("score", "grade"); in the few words before an ``x/10`` that NER took for a
            date, they make it a score ("NPS 6/10").
        age_cues: Words after an age over 89 with a sex letter that make it a person's age in note shorthand ("92F
            RETIRED"), besides English ones ("with", "who", "from").
        not_credentials: Short ``roles`` (four letters or fewer) that never follow a name as a credential: "DAWN
            RN" names Dawn, "TO SEE PT" names nobody.
        term_heads: Lower-case nouns that make the capitalised words right before them part of a domain term, not
            a name or a place, in every string of the record ("Wilson disease", "Tourette syndrome"); a title
            before them still makes a name (:mod:`medtune.cleaning.eponyms`).

    Example:
        >>> support = PIIProfile(name="support", subject_cues=("customer",), id_labels=(r"workspace",))
        >>> from medtune.cleaning import find_pii
        >>> text = "CUSTOMER: ANN LEE, workspace 88123"
        >>> [(m.label, m.text) for m in find_pii(text, vocabulary={"the"}, profile=support)]
        [('NAME', 'ANN LEE'), ('ID', '88123')]
        >>> [(m.label, m.text) for m in find_pii(text, vocabulary={"the"}, profile=PIIProfile())]
        []
    """

    vocabulary: frozenset[str] = frozenset()
    protected_terms: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()
    keep_span: Callable[[str, int, int], bool] | None = None
    ner_model: str | None = None
    roles: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    movements: frozenset[str] = frozenset()
    name: str = NEUTRAL_PII_PROFILE
    subject_cues: tuple[str, ...] = ()
    label_cues: tuple[str, ...] = ()
    id_labels: tuple[str, ...] = ()
    name_suffixes: tuple[str, ...] = ()
    not_names: frozenset[str] = frozenset()
    count_words: frozenset[str] = frozenset()
    not_titles: tuple[str, ...] = ()
    not_initials: frozenset[str] = frozenset()
    not_street_suffixes: tuple[str, ...] = ()
    term_shape: str | None = None
    strong_term_shape: str | None = None
    term_before: str | None = None
    term_after: str | None = None
    metadata_keys: tuple[tuple[str, str], ...] = ()
    date_cues: tuple[str, ...] = ()
    strong_date_cues: tuple[str, ...] = ()
    date_events: tuple[str, ...] = ()
    not_date_after: tuple[str, ...] = ()
    not_date_before: tuple[str, ...] = ()
    age_cues: tuple[str, ...] = ()
    not_credentials: frozenset[str] = frozenset()
    term_heads: frozenset[str] = frozenset()


_BUILD_LOCK = threading.RLock()  # re-entrant: a build may resolve another profile to extend it


@dataclass(frozen=True)
class PIIProfileSpec:
    """A registered PII profile: a name, and a function that builds the profile when a cleaner first needs it.

    Registering is cheap: word lists and model paths are read by ``build``, once per spec (the result is kept).

    Attributes:
        name: Registry name, used by the ``profile`` option of the PII cleaners.
        build: Builds the :class:`PIIProfile` (called with no argument, at most once).
        description: One line for ``medtune plugins``.

    Example:
        >>> spec = PIIProfileSpec("support", lambda: PIIProfile(subject_cues=("customer",)), "customer support")
        >>> spec.profile().name, spec.profile() is spec.profile()
        ('support', True)
    """

    name: str
    build: Callable[[], PIIProfile]
    description: str = ""
    _built: list[PIIProfile] = field(default_factory=list, init=False, repr=False, compare=False)

    def profile(self) -> PIIProfile:
        """The built profile (built on first call; its ``name`` is the spec's).

        Raises:
            PluginError: ``build`` did not return a :class:`PIIProfile`.
        """
        if not self._built:
            with _BUILD_LOCK:
                if not self._built:
                    built = self.build()
                    if not isinstance(built, PIIProfile):
                        from medtune.errors import PluginError

                        raise PluginError(
                            f"PII profile '{self.name}': build() returned {type(built).__name__}, not a PIIProfile"
                        )
                    if built.name != self.name:
                        built = dataclasses.replace(built, name=self.name)
                    self._built.append(built)
        return self._built[0]


#: The core's ``neutral`` profile: no domain words and no NER model (pass ``model`` to ``pii`` for one).
NEUTRAL_PII_PROFILE_SPEC = PIIProfileSpec(
    NEUTRAL_PII_PROFILE,
    PIIProfile,
    "no domain words, no NER model: the core's English cues and patterns only",
)


def _registry(plugin_manager: PluginManager | None) -> Any:
    from medtune.plugins.manager import get_plugin_manager

    return (plugin_manager or get_plugin_manager()).registry("pii_profile")


def pii_profile_names(plugin_manager: PluginManager | None = None) -> list[str]:
    """The registered PII profile names (``neutral`` always among them).

    Example:
        >>> "neutral" in pii_profile_names()
        True
    """
    names = list(_registry(plugin_manager).names())
    return names if NEUTRAL_PII_PROFILE in names else [NEUTRAL_PII_PROFILE, *names]


def resolve_pii_profile(name: str | None = None, plugin_manager: PluginManager | None = None) -> PIIProfile:
    """The PII profile called ``name``, built (once per registered spec).

    With ``None``: the active preset's profile (see :mod:`medtune.plugins.presets`); for a preset that names none,
    the only registered profile other than ``neutral`` that no preset claims, else ``neutral``.

    Args:
        name: A registered profile name, or ``None`` for the default.
        plugin_manager: Where profiles are looked up (default: the process-wide manager).

    Raises:
        ConfigError: ``name`` is not registered (the message lists the registered profiles).

    Example:
        >>> resolve_pii_profile("neutral").vocabulary
        frozenset()
    """
    from medtune.plugins.presets import active_preset, claimed_by_presets

    registry = _registry(plugin_manager)
    names = list(registry.names())
    if name is None:
        name = active_preset().pii_profile
    if name is None:
        claimed = claimed_by_presets("pii_profile")
        others = [n for n in names if n != NEUTRAL_PII_PROFILE and n not in claimed]
        name = others[0] if len(others) == 1 else NEUTRAL_PII_PROFILE
    if name not in names:
        if name == NEUTRAL_PII_PROFILE:  # the core plugin is disabled: its profile is still the fallback
            return NEUTRAL_PII_PROFILE_SPEC.profile()
        from medtune.errors import ConfigError

        known = sorted(set(names) | {NEUTRAL_PII_PROFILE})
        raise ConfigError(
            f"unknown PII profile {name!r}. Fix: use one of {known} (plugins register profiles with the "
            "medtune_pii_profiles hook; `medtune plugins` lists them)."
        )
    spec = registry.get(name)
    if isinstance(spec, PIIProfileSpec):
        return spec.profile()
    if isinstance(spec, PIIProfile):  # a plugin may register a ready profile
        return spec
    from medtune.errors import PluginError

    raise PluginError(f"PII profile '{name}' is a {type(spec).__name__}, not a PIIProfileSpec or a PIIProfile")


class PIIOptions(CleanerOptions):
    """The options every PII cleaner shares; subclass it for a redacting cleaner of your own.

    ``protect_medical_terms``, the old name of ``protect_domain_terms``, is still accepted (with a
    ``DeprecationWarning``).

    Example:
        >>> PIIOptions(profile="neutral", protected_terms=["Fernpad"]).pii_profile().protected_terms
        frozenset({'fernpad'})
    """

    profile: str | None = Field(
        None,
        description="The PII profile (see `medtune plugins`); null: the only domain profile installed, else neutral.",
    )
    replace: Literal["placeholder", "surrogate"] = "placeholder"
    placeholder: str = Field("[{label}]", min_length=7, max_length=100, pattern=r"\{label\}")
    fields: list[FieldName] = Field(default_factory=lambda: ["instruction", "input", "output"], min_length=1)
    protect_domain_terms: bool = Field(
        True, description="Keep the profile's vocabulary, protected terms and domain spans (eponyms, product names)."
    )
    protected_terms: list[str] = Field(default_factory=list, description="Extra words never removed as names.")

    @model_validator(mode="before")
    @classmethod
    def _old_names(cls, data: Any) -> Any:
        if isinstance(data, dict) and "protect_medical_terms" in data:
            from medtune.errors import ConfigError

            warnings.warn(
                "protect_medical_terms is now protect_domain_terms (the old name is removed in medtune 0.2.0).",
                DeprecationWarning,
                stacklevel=2,
            )
            data = dict(data)
            value = data.pop("protect_medical_terms")
            if "protect_domain_terms" in data and data["protect_domain_terms"] != value:
                raise ConfigError(
                    "protect_medical_terms and protect_domain_terms disagree. Fix: keep protect_domain_terms only."
                )
            data["protect_domain_terms"] = value
        return data

    def pii_profile(self) -> PIIProfile:
        """The profile these options select, with ``protect_domain_terms`` and ``protected_terms`` applied.

        Without domain protection the profile keeps its cues, abbreviations and model but loses its vocabulary,
        protected terms and ``keep_span``; ``protected_terms`` are added (lower case) either way.

        Raises:
            ConfigError: :attr:`profile` is not a registered profile.
        """
        base = resolve_pii_profile(self.profile)
        extra = frozenset(t.lower() for t in self.protected_terms)
        if self.protect_domain_terms:
            return base if not extra else dataclasses.replace(base, protected_terms=base.protected_terms | extra)
        return dataclasses.replace(base, vocabulary=frozenset(), protected_terms=extra, keep_span=None)
