"""Build, save and load the releaseparse spaCy pipeline.

The pipeline is spaCy's blank English tokenizer, its rule-based `sentencizer` (told that a line
break ends a sentence: releases are laid out in lines), spaCy's own `span_ruler` for the
gazetteers (circuits, series, countries), and our extractors in the order each needs the one
before. `build` makes it from `resources/`; `save` writes it to `models/`; `load` reads it back
offline.
"""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .components.base import LexiconPipe
from .resources import Resources, fold, strip_accents

PIPELINE_NAME = "pipeline"
EXTRACTORS = ("rp_standings", "rp_people", "rp_quotes", "rp_results", "rp_events", "rp_links")
SENTENCE_ENDS = [".", "!", "?", "\n", "\n\n", "\n\n\n", ":"]


def packaged_model_dir() -> Path:
    """models/ inside the installed package, else the repository's models/ (editable installs)."""
    inside = Path(str(importlib_resources.files("releaseparse"))) / "models"
    if (inside / PIPELINE_NAME).exists():
        return inside
    return Path(__file__).resolve().parents[2] / "models"


def gazetteer_patterns(res: Resources) -> list[dict]:
    """span_ruler phrase patterns: each alias as written, without accents, and in capitals."""
    first_names = {fold(n) for n in res.first_names}
    patterns: list[dict] = []

    def add(label: str, phrase: str, ident: str) -> None:
        for variant in {phrase, strip_accents(phrase), phrase.upper(), strip_accents(phrase).upper()}:
            patterns.append({"label": label, "pattern": variant, "id": ident})

    for circuit in res.circuits:
        for alias in (circuit["name"], *circuit.get("aliases", [])):
            add("CIRCUIT", alias, circuit["name"])
    for series in res.series:
        for alias in (series["name"], series.get("full"), *series.get("aliases", [])):
            if alias:
                add("SERIES", alias, series["name"])
    for nat in res.nationalities:
        for country in nat.get("countries", []):
            if fold(country) not in first_names:  # 'Jordan' is a surname as often as a country
                add("COUNTRY", country, nat["code"])
    return patterns


def build(resources_dir: str | Path | None = None) -> Language:
    """A fresh pipeline from the resources data."""
    res = Resources.load(resources_dir)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_ENDS})
    ruler = nlp.add_pipe("span_ruler", name="rp_gazetteer",
                         config={"spans_key": "rp_gazetteer", "phrase_matcher_attr": "ORTH", "overwrite": True})
    ruler.add_patterns(gazetteer_patterns(res))
    for name in EXTRACTORS:
        pipe = nlp.add_pipe(name)
        if isinstance(pipe, LexiconPipe):
            pipe.initialize(resources_dir=res.root)
    nlp.meta["name"] = "releaseparse_rules"
    nlp.meta["version"] = "0.1.0"
    return nlp


def save(nlp: Language, model_dir: str | Path) -> Path:
    path = Path(model_dir) / PIPELINE_NAME
    nlp.to_disk(path)
    return path


def load(model_dir: str | Path | None = None) -> Language:
    """The saved pipeline; never downloads anything."""
    path = Path(model_dir or packaged_model_dir()) / PIPELINE_NAME
    if not path.exists():
        raise FileNotFoundError(f"no releaseparse pipeline at {path}; run `releaseparse build-model`")
    return spacy.load(path)
