"""Rule-based text normalization: regex rewrites applied in order, with case kept for word rewrites."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from medtune.cleaning.base import TextCleaner

__all__ = ["AbbreviationExpander", "Lexicon", "RuleNormalizer", "stem_rules"]


def _match_case(src: str, repl: str) -> str:
    if src.isupper() and len(src) > 1:
        return repl.upper()
    if src[:1].isupper():
        return repl[:1].upper() + repl[1:]
    return repl


def stem_rules(stems: Mapping[str, str]) -> list[tuple[str, Mapping[str, str], bool]]:
    """One rule that rewrites word-initial stems, keeping case: ``{"haem": "hem"}`` turns Haemoglobin into Hemoglobin.

    All stems share one regex (longest first), so many stems cost one pass over the text.
    """
    table = {k.lower(): v for k, v in stems.items()}
    alternation = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return [(rf"(?i)\b(?:{alternation})", table, True)]


class RuleNormalizer(TextCleaner):
    r"""Apply ``(pattern, replacement[, keep_case])`` regex rules in order.

    With ``keep_case`` the replacement takes the case of what it replaces (``Tumour`` → ``Tumor``, ``TUMOUR`` →
    ``TUMOR``); otherwise it is used as written (``\1`` backreferences allowed). Idempotent when no replacement
    matches its own rule again, which holds for every shipped rule (the property tests check it).

    Args:
        rules: ``(regex, replacement)`` or ``(regex, replacement, keep_case)`` tuples; ``replacement`` may be a
            mapping from the lower-cased match to its replacement (see :func:`stem_rules`).
        fields: Fields to rewrite.
        name: The cleaner's name.

    Example:
        >>> n = RuleNormalizer([(r"(?i)\bmg/dl\b", "mg/dL"), *stem_rules({"tumour": "tumor"})])
        >>> n.clean_text("Glucose 180 MG/DL; Tumours shrank.")
        'Glucose 180 mg/dL; Tumors shrank.'
    """

    idempotent: ClassVar[bool] = True

    def __init__(
        self,
        rules: Sequence[tuple[str, str] | tuple[str, str | Mapping[str, str], bool]],
        fields: Sequence[str] = ("instruction", "input", "output"),
        name: str = "normalize",
    ) -> None:
        self.name = name
        super().__init__(fields)
        from medtune.errors import ConfigError

        self.rules: list[tuple[re.Pattern[str], str | Mapping[str, str], bool]] = []
        for rule in rules:
            pattern, repl = rule[0], rule[1]
            keep_case = bool(rule[2]) if len(rule) > 2 else False
            try:
                rx = re.compile(pattern)
            except re.error as exc:
                raise ConfigError(f"{name}: invalid regex {pattern!r}: {exc}. Fix: check the pattern.") from exc
            self.rules.append((rx, repl, keep_case))

    def clean_text(self, text: str) -> str:
        """Apply every rule."""
        for rx, repl, keep_case in self.rules:
            if isinstance(repl, Mapping):
                lower = text.lower()  # a match, lower-cased, is a key: no key in the text, no match
                if not any(key in lower for key in repl):
                    continue  # a substring test is far cheaper than the case-blind regex
                text = rx.sub(lambda m, t=repl: _match_case(m.group(0), t[m.group(0).lower()]), text)
            elif keep_case:
                text = rx.sub(lambda m, r=repl: _match_case(m.group(0), r), text)
            else:
                text = rx.sub(repl, text)
        return text


@dataclass(frozen=True)
class Lexicon:
    """A term lexicon: abbreviations and synonyms (registered with the ``medtune_term_lexicons`` hook).

    Attributes:
        name: Registry name.
        abbreviations: Abbreviation (case-sensitive) -> expansion.
        license: Licence of the data.
        synonyms: Synonym (lower case) -> preferred term (lower case), for term normalization and term metrics.
    """

    name: str
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    license: str = ""
    synonyms: Mapping[str, str] = field(default_factory=dict)


class AbbreviationExpander(TextCleaner):
    """Expand each known abbreviation on its first use in a text: ``MI`` -> ``myocardial infarction (MI)``.

    An abbreviation is left alone in a text that already spells out its expansion or defines it in parentheses
    (``heart attack (MI)``, ``MI (myocardial infarction)``); later uses stay short. Idempotent.

    Args:
        abbreviations: Abbreviation -> expansion; only unambiguous ones belong here (ambiguous abbreviations are
            left alone, not guessed).
        fields: Fields to rewrite.
        name: The cleaner's name.

    Example:
        >>> x = AbbreviationExpander({"MI": "myocardial infarction", "ECG": "electrocardiogram"})
        >>> x.clean_text("After an MI, get an ECG. MI survivors need rehab.")
        'After a myocardial infarction (MI), get an electrocardiogram (ECG). MI survivors need rehab.'
    """

    idempotent: ClassVar[bool] = True

    def __init__(
        self,
        abbreviations: Mapping[str, str],
        fields: Sequence[str] = ("input", "output"),
        name: str = "expand_abbreviations",
    ) -> None:
        self.name = name
        super().__init__(fields)
        self.abbreviations = dict(abbreviations)
        keys = sorted(self.abbreviations, key=len, reverse=True)
        alternation = "|".join(map(re.escape, keys))
        self._rx = re.compile(r"(\b[Aa]n?\s+)?(?<![\w(/-])(" + alternation + r")(?![\w)/-])") if keys else None

    def clean_text(self, text: str) -> str:
        """Expand the first use of each abbreviation that the text neither spells out nor defines."""
        if self._rx is None:
            return text
        folded = text.casefold()
        done: set[str] = set()
        skip = {
            a
            for a, full in self.abbreviations.items()
            if full.casefold() in folded or f"({a})" in text or re.search(rf"\b{re.escape(a)}\s*\(", text)
        }

        def expand(m: re.Match[str]) -> str:
            article, abbr = m.group(1) or "", m.group(2)
            if abbr in skip or abbr in done:
                return m.group(0)
            done.add(abbr)
            full = self.abbreviations[abbr]
            if article:  # "an MI" -> "a myocardial infarction (MI)"
                a = "an" if re.match(r"(?i)[aeio]|u(?!ni|ri|re|se|su|ti)", full) else "a"
                article = (a.capitalize() if article[0].isupper() else a) + article[len(article.rstrip()) :]
            return f"{article}{full} ({abbr})"

        return self._rx.sub(expand, text)
