"""What every releaseparse component shares: its data, saved with the pipeline, and its scorer.

Built like spaCy's `span_ruler`: data enters through `initialize(..., resources_dir=...)` and is
saved by `to_disk`, so a pipeline in `models/` needs nothing else to run.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from ..lexicon import Lexicon
from ..resources import Resources

DATA_FILE = "data.json"


@registry.scorers("releaseparse.spans_scorer.v1")
def make_spans_scorer(spans_key: str) -> Callable:
    """Precision/recall/F1 of the evidence spans a component writes to `doc.spans[spans_key]`."""

    def score(examples: Iterable[Example], **kwargs) -> dict:
        return Scorer.score_spans(
            examples,
            attr=f"spans_{spans_key}",
            getter=lambda doc, attr: doc.spans.get(spans_key, []),
            has_annotation=lambda doc: spans_key in doc.spans,
            labeled=True,
            allow_overlap=True,
            **kwargs,
        )

    return score


def scorer_config(spans_key: str) -> dict:
    return {"@scorers": "releaseparse.spans_scorer.v1", "spans_key": spans_key}


def register(name: str, spans_key: str, component: type["LexiconPipe"], needs_spans: bool = True) -> Callable:
    """Register `component` as the spaCy factory `name`, writing `doc.spans[spans_key]`."""

    @Language.factory(
        name,
        assigns=["doc.spans"],
        requires=["doc.spans"] if needs_spans else [],
        default_config={"spans_key": spans_key, "scorer": scorer_config(spans_key)},
        default_score_weights={f"spans_{spans_key}_f": 1.0},
    )
    def make(nlp: Language, name: str, spans_key: str, scorer: Callable | None) -> LexiconPipe:
        return component(nlp, name, spans_key=spans_key, scorer=scorer)

    return make


class LexiconPipe(Pipe):
    """A rule component whose vocabulary is a subset of the resources, saved with the pipeline."""

    resource_keys: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, *, spans_key: str, scorer: Callable | None = None):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.scorer = scorer
        self.data: dict = {}
        self._lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon(self.data)
        return self._lexicon

    def initialize(self, get_examples=None, *, nlp=None, resources_dir: str | Path | None = None) -> None:
        everything = Resources.load(resources_dir).as_dict()
        self.data = {key: everything[key] for key in self.resource_keys}
        self._lexicon = None

    def set_spans(self, doc: Doc, spans: Iterable[tuple[int, int, str]]) -> None:
        """Record evidence spans (character offsets, label) in `doc.spans[self.spans_key]`."""
        group = []
        for start, end, label in spans:
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                group.append(span)
        doc.spans[self.spans_key] = group

    # Serialisation, as spaCy's own rule components do it.
    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> "LexiconPipe":
        self.data = srsly.msgpack_loads(bytes_data)
        self._lexicon = None
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / DATA_FILE, self.data)

    def from_disk(self, path, *, exclude=tuple()) -> "LexiconPipe":
        self.data = srsly.read_json(Path(path) / DATA_FILE)
        self._lexicon = None
        return self

