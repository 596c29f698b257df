"""Build, save and load the releaseparse spaCy pipeline.

The pipeline is spaCy's blank English tokenizer, spaCy's own `span_ruler` for the
gazetteers (circuits, series, countries), and our extractors in the order each needs the one
before. `build` makes it from `resources/`; `save` writes it to `models/`; `load` reads it back
offline. When `models/ner` holds a trained name model (`releaseparse train`), `build` adds it as
`rp_ner` before `rp_people`; `no_model=True` leaves it out (rules only).
"""

from __future__ import annotations

from importlib import resources as importlib_resources
from pathlib import Path

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .training import prose_ner  # noqa: F401  (registers rp_ner)
from .components.base import LexiconPipe
from .resources import Resources, fold, strip_accents

PIPELINE_NAME = "pipeline"
NER_DIR = "ner"  # the trained name model, beside the pipeline in models/
NER_NAME = "rp_ner"
EXTRACTORS = ("rp_standings", "rp_people", "rp_quotes", "rp_results", "rp_events", "rp_links")


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
        for variant in dict.fromkeys((phrase, strip_accents(phrase), phrase.upper(), strip_accents(phrase).upper())):
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


def trained_ner(ner_dir: str | Path | None = None) -> Path | None:
    """The trained name model's folder, if there is one."""
    path = Path(ner_dir) if ner_dir else packaged_model_dir() / NER_DIR
    return path if (path / "meta.json").exists() else None


def build(resources_dir: str | Path | None = None, ner_dir: str | Path | None = None,
          no_model: bool = False) -> Language:
    """A fresh pipeline from the resources data (and the trained name model, unless `no_model`)."""
    res = Resources.load(resources_dir)
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", name="rp_gazetteer",
                         config={"spans_key": "rp_gazetteer", "phrase_matcher_attr": "ORTH", "overwrite": True})
    ruler.add_patterns(gazetteer_patterns(res))
    for name in EXTRACTORS:
        pipe = nlp.add_pipe(name)
        if isinstance(pipe, LexiconPipe):
            pipe.initialize(resources_dir=res.root)
    ner_path = None if no_model else trained_ner(ner_dir)
    if ner_path is not None:
        nlp.add_pipe(NER_NAME, source=spacy.load(ner_path), before="rp_people")
    nlp.meta["name"] = "releaseparse_rules"
    nlp.meta["version"] = "0.1.0"
    return nlp


def save(nlp: Language, model_dir: str | Path) -> Path:
    path = Path(model_dir) / PIPELINE_NAME
    nlp.to_disk(path)
    return path


def load(model_dir: str | Path | None = None, no_model: bool = False) -> Language:
    """The saved pipeline; never downloads anything. `no_model` leaves the name model out."""
    path = Path(model_dir or packaged_model_dir()) / PIPELINE_NAME
    if not path.exists():
        raise FileNotFoundError(f"no releaseparse pipeline at {path}; run `releaseparse build-model`")
    return spacy.load(path, exclude=[NER_NAME] if no_model else [])
