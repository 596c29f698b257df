"""Look-ups and compiled patterns built once from the resources data.

A `Lexicon` is made from the plain data a component saved with `to_disk`, so every component reads
the same vocabulary the same way. Everything is built lazily: a component that never asks for
first names never builds that set.
"""

from __future__ import annotations

import re
from functools import cached_property

from .resources import fold

ORDINAL_SUFFIX = r"(?:st|nd|rd|th|e|º|°)"


def words_regex(phrases) -> str:
    """An alternation of `phrases`, longest first, a space matching any run of spaces on one line."""
    ordered = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"[ \t]+") for p in ordered)


class Lexicon:
    def __init__(self, data: dict):
        self.data = data

    # --- nationalities -------------------------------------------------------------------------
    @cached_property
    def nationality_codes(self) -> dict[str, str]:
        """Printed code (SWE, GER, D, GB) → canonical three-letter code."""
        codes: dict[str, str] = {}
        for nat in self.data.get("nationalities", []):
            code = nat["code"]
            for short in nat.get("short_codes", []):
                codes.setdefault(short.upper(), code)
            for alt in nat.get("alt_codes", []):
                codes[alt.upper()] = code
            codes[code] = code
        return codes

    @cached_property
    def nationality_words(self) -> dict[str, str]:
        """Folded demonym or country name → code ('the swede' → SWE)."""
        words: dict[str, str] = {}
        for nat in self.data.get("nationalities", []):
            for word in (*nat.get("demonyms", []), *nat.get("countries", [])):
                words.setdefault(fold(word), nat["code"])
        return words

    @cached_property
    def demonym_regex(self) -> re.Pattern[str]:
        demonyms = [d for nat in self.data.get("nationalities", []) for d in nat.get("demonyms", [])]
        return re.compile(rf"\b(?:{words_regex(demonyms)})\b")

    @cached_property
    def countries(self) -> dict[str, str]:
        """Folded country name → the first (English) name."""
        names: dict[str, str] = {}
        for nat in self.data.get("nationalities", []):
            if nat.get("countries"):
                for name in nat["countries"]:
                    names.setdefault(fold(name), nat["countries"][0])
        return names

    # --- circuits and series -------------------------------------------------------------------
    @cached_property
    def places(self) -> frozenset[str]:
        """Folded names of the circuits' towns, the circuits and the countries: not people, not teams."""
        names = set(self.countries) | set(self.circuits_by_alias)
        names.update(fold(c["location"]) for c in self.data.get("circuits", []) if c.get("location"))
        return frozenset(names)

    @cached_property
    def circuits_by_alias(self) -> dict[str, dict]:
        table: dict[str, dict] = {}
        for circuit in self.data.get("circuits", []):
            for alias in (circuit["name"], *circuit.get("aliases", [])):
                table.setdefault(fold(alias), circuit)
        return table

    @cached_property
    def series_by_alias(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for series in self.data.get("series", []):
            for alias in (series["name"], series.get("full") or "", *series.get("aliases", [])):
                if alias:
                    table.setdefault(fold(alias), series["name"])
        return table

    @cached_property
    def circuit_word_regex(self) -> str:
        """'Speedway', 'Circuit', 'Autódromo' as written and in capitals ('GRAND PRIX CIRCUIT' in a fax heading)."""
        words = self.data.get("circuit_words", [])
        return words_regex([*words, *(w.upper() for w in words)])

    @cached_property
    def circuit_word_after_regex(self) -> re.Pattern[str]:
        """A circuit word right after a name: 'Tallow Creek' is a place where 'Tallow Creek Motor Speedway' is."""
        return re.compile(rf"[ \-]+(?:{self.circuit_word_regex})(?![\w-])")

    @cached_property
    def circuit_name_regex(self) -> re.Pattern[str]:
        """A circuit named by its kind: 'Cedar Ridge Speedway', 'Circuit des Vignes de Vallombres', 'Gäddviksringen'."""
        kind = self.circuit_word_regex
        cap = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]*"
        particle = r"(?:de|des|del|dei|della|di|do|da|du|of|la|le|al|am|an der|bei|sur|d['’]|l['’])"
        return re.compile(
            rf"(?<![\w-])(?:(?:{cap}[ \-]){{1,4}}(?:{kind})(?:[ \-](?:{particle} ?)*{cap}){{0,3}}"
            rf"|(?:{kind})(?:[ \-](?:{particle} ?)*{cap}){{1,4}}"
            rf"|[A-ZÀ-ÖØ-Þ][^\W\d_]{{3,}}(?:ringen|banan))(?![\w-])"  # Nordic one-word tracks: 'Tvärskogsringen'
        )

    # --- names ---------------------------------------------------------------------------------
    @cached_property
    def first_names(self) -> frozenset[str]:
        return frozenset(fold(n) for n in self.data.get("first_names", []))

    @cached_property
    def name_stopwords(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.data.get("name_stopwords", []))

    @cached_property
    def car_makes(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.data.get("car_makes", []))

    @cached_property
    def team_words(self) -> frozenset[str]:
        return frozenset(fold(w) for w in self.data.get("team_words", []))

    @cached_property
    def roles(self) -> dict[str, str]:
        return {fold(k): v for k, v in self.data.get("roles", {}).items()}

    @cached_property
    def role_regex(self) -> re.Pattern[str]:
        return re.compile(rf"\b(?:{words_regex(self.data.get('roles', {}).keys())})\b", re.IGNORECASE)

    @cached_property
    def speech_verb_regex(self) -> str:
        return words_regex(self.data.get("speech_verbs", []))

    @cached_property
    def class_regex(self) -> str:
        return words_regex(self.data.get("classes", []))

    # --- positions and sessions ----------------------------------------------------------------
    @cached_property
    def ordinal_words(self) -> dict[str, int]:
        return {k.lower(): v for k, v in self.data.get("ordinals", {}).items()}

    @cached_property
    def ordinal_regex(self) -> str:
        """An ordinal: '15th', '2nd', 'fifth', 'P7'."""
        words = words_regex(self.ordinal_words.keys())
        return rf"(?:\d{{1,3}}{ORDINAL_SUFFIX}\b|(?:{words})\b)"

    def ordinal_value(self, text: str) -> int | None:
        text = text.strip().lower()
        digits = re.match(r"p?(\d{1,3})", text)
        if digits:
            return int(digits.group(1))
        return self.ordinal_words.get(text)

    @cached_property
    def statuses(self) -> dict[str, str]:
        """Folded status word → status code."""
        return {fold(w): code for code, words in self.data.get("statuses", {}).items() for w in words}

    @cached_property
    def status_regex(self) -> str:
        return words_regex(self.statuses.keys())
