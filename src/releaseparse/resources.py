"""Hand-edited data (gazetteers, vocabularies) read from `resources/`.

Only the pipeline builder reads these files: the components copy what they need into the saved
pipeline (`to_disk`), so a pipeline in `models/` is complete on its own. Tests can build a
`Resources` from a tiny fixture folder through `Resources.load(path)`.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from importlib import resources as importlib_resources
from pathlib import Path

DEFAULT_DIR = Path(str(importlib_resources.files("releaseparse") / "resources"))


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Bäckman' and 'BACKMAN' fold alike."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@dataclass(frozen=True)
class Resources:
    """Accessors for each data file of a resources folder."""

    root: Path = DEFAULT_DIR

    @classmethod
    def load(cls, root: Path | str | None = None) -> "Resources":
        return cls(Path(root) if root else DEFAULT_DIR)

    def _lines(self, name: str) -> list[str]:
        path = self.root / name
        if not path.exists():
            return []
        return [
            line.strip()
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]

    def _json(self, name: str) -> dict:
        path = self.root / name
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return {k: v for k, v in data.items() if not k.startswith("_")}

    def _jsonl(self, name: str) -> list[dict]:
        return [json.loads(line) for line in self._lines(name)]

    @cached_property
    def circuits(self) -> list[dict]:
        return self._jsonl("circuits.jsonl")

    @cached_property
    def series(self) -> list[dict]:
        return self._jsonl("series.jsonl")

    @cached_property
    def nationalities(self) -> list[dict]:
        return self._jsonl("nationalities.jsonl")

    @cached_property
    def first_names(self) -> list[str]:
        return self._lines("first_names.txt")

    @cached_property
    def name_stopwords(self) -> list[str]:
        return self._lines("name_stopwords.txt")

    @cached_property
    def team_words(self) -> list[str]:
        return self._lines("team_words.txt")

    @cached_property
    def car_makes(self) -> list[str]:
        return self._lines("car_makes.txt")

    @cached_property
    def circuit_words(self) -> list[str]:
        return self._lines("circuit_words.txt")

    @cached_property
    def classes(self) -> list[str]:
        return self._lines("classes.txt")

    @cached_property
    def speech_verbs(self) -> list[str]:
        return self._lines("speech_verbs.txt")

    @cached_property
    def roles(self) -> dict[str, str]:
        return self._json("roles.json")

    @cached_property
    def sessions(self) -> dict:
        return self._json("sessions.json")

    @cached_property
    def ordinals(self) -> dict[str, int]:
        return self._json("ordinals.json")

    @cached_property
    def statuses(self) -> dict[str, list[str]]:
        return self._json("statuses.json")

    @cached_property
    def table_columns(self) -> dict[str, list[str]]:
        return self._json("table_columns.json")

    def as_dict(self) -> dict:
        """Everything, as plain JSON data, for a component's `to_disk`."""
        return {
            name: getattr(self, name)
            for name in (
                "circuits", "series", "nationalities", "first_names", "name_stopwords", "team_words", "car_makes",
                "circuit_words", "classes", "speech_verbs", "roles", "sessions", "ordinals", "statuses",
                "table_columns",
            )
        }
