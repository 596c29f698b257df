"""`rp_ner`: spaCy's entity recognizer, run only on the prose of a release.

Result lists, tables and credits are the rules' ground (and most of a release's words); the model
is there for the names that prose mentions and no list holds. So the component finds runs of prose
sentences (sentences with enough lowercase words, by `releaseparse.sentences`), tags a small Doc made of each run's tokens, and
copies the entities back onto the release's Doc (`doc.ents`, labels PERSON and TEAM, plus PLACE
and SERIES, which only teach the model what a name is not), where `rp_people` reads them. A
PERSON must be a full name: one word ('Veli-Matti', 'Kerbrat-Quéméner') or the surname of a longer
name in the same release ('Echeverría Luque') is a mention the rules resolve, not a new person. With `prose_only = false` it tags the whole Doc like the stock `ner`.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.pipeline.ner import EntityRecognizer, ner_score
from spacy.tokens import Doc, Span
from thinc.api import Config, Model

from ..facts import doc_text
from ..sentences import sentences

MIN_LOWER_WORDS = 3  # a sentence with fewer lowercase words is a list row, a heading or a credit
MIN_LOWER_SHARE = 0.25
BATCH = 16
MAX_RUN_CHARS = 5000  # the model reads one paragraph-sized Doc at a time: memory stays flat on huge inputs
WORD = re.compile(r"[^\W\d_]+")
# An event, not a team: 'European Rally Championship', 'Rallye Monte-Carlo', 'Ypres Rally'; a class: 'Category 1'.
EVENT_OR_CLASS = re.compile(r"\b(?:Grand Prix|Championship|Series|Cup|Trophy|Euroseries|Rallye?|Tour)$"
                            r"|^(?:Rallye?|Tour|Trof[eé][ou]|Troph[ée]e|Copp?a|Coupe)\b|\s\d+$")
DEFAULT_MODEL_CONFIG = Config().from_str("""
[model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true

[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 64
depth = 2
embed_size = 2000
window_size = 1
maxout_pieces = 2
subword_features = true
""")


def is_prose(text: str, min_lower: int = MIN_LOWER_WORDS) -> bool:
    """Enough lowercase words, and a fair share of them: prose, not a row of names and numbers.

    A sentence typed in capitals (telex, fax) has no lowercase word; there its function words
    ('THE', 'AND', 'IN') count instead."""
    words = WORD.findall(text)
    if any(c.islower() for c in text):
        lower = sum(1 for w in words if w.islower())
    else:
        lower = sum(1 for w in words if w.lower() in STOP_WORDS)
    return lower >= min_lower and lower >= MIN_LOWER_SHARE * len(words)


def prose_runs(doc: Doc, min_lower: int = MIN_LOWER_WORDS) -> list[Span]:
    """Runs of consecutive prose sentences (`sentences.sentences`), as token spans of `doc`."""
    text = doc_text(doc)
    runs: list[Span] = []
    start = end = None
    for s, e in [*sentences(doc), (len(text), len(text))]:
        prose = s < e and is_prose(text[s:e], min_lower)
        if prose and (start is None or e - start <= MAX_RUN_CHARS):
            start = s if start is None else start
            end = e
            continue
        if start is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                runs.append(span)
            start = None
        if prose:
            start, end = s, e
    return runs


def span_doc(span: Span) -> Doc:
    """A new Doc of the span's tokens (no annotations), sharing the vocab."""
    return Doc(span.doc.vocab, words=[t.text for t in span], spaces=[bool(t.whitespace_) for t in span])


class ProseEntityRecognizer(EntityRecognizer):
    """EntityRecognizer whose `__call__` / `pipe` tag prose runs only; training is unchanged."""

    prose_only: bool = True
    min_lower: int = MIN_LOWER_WORDS
    min_person_words: int = 2

    def __call__(self, doc: Doc) -> Doc:
        if not self.prose_only:
            return super().__call__(doc)
        self._tag_prose([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        if not self.prose_only:
            yield from super().pipe(stream, batch_size=batch_size)
            return
        for doc in stream:
            self._tag_prose([doc])
            yield doc

    def _full_name(self, ent: Span, text: str, verdicts: dict[str, bool]) -> bool:
        """A person the rules can use: two words or more, and not the surname of a longer name."""
        if ent.text not in verdicts:
            verdicts[ent.text] = (len(ent.text.split()) >= self.min_person_words
                                  and not surname_of_longer_name(ent.text, text))
        return verdicts[ent.text]

    def _tag_prose(self, docs: list[Doc]) -> None:
        parts: list[tuple[Doc, Span]] = [(span_doc(run), run) for doc in docs
                                         for run in prose_runs(doc, self.min_lower)]
        if not parts:
            return
        small = [p for p, _ in parts]
        for i in range(0, len(small), BATCH):  # bounded batches keep memory flat on a huge release
            self.set_annotations(small[i : i + BATCH], self.predict(small[i : i + BATCH]))
        found: dict[int, tuple[list[Span], list[Span]]] = {}
        verdicts: dict[str, bool] = {}  # name → is it a full name; names repeat, the text is long
        for part, run in parts:
            ents, outside = found.setdefault(id(run.doc), ([], []))
            cursor = run.start
            for e in part.ents:
                if e.label_ == "PERSON" and not self._full_name(e, doc_text(run.doc), verdicts):
                    continue
                if e.label_ == "TEAM" and EVENT_OR_CLASS.search(e.text):
                    continue
                ents.append(Span(run.doc, run.start + e.start, run.start + e.end, label=e.label))
                outside.append(run.doc[cursor : run.start + e.start])
                cursor = run.start + e.end
            outside.append(run.doc[cursor : run.end])
        for doc in docs:
            if id(doc) in found:
                ents, outside = found[id(doc)]
                doc.set_ents(ents, outside=[o for o in outside if len(o)], default="unmodified")


NAME_CHARS = frozenset("'’.-_")


def surname_of_longer_name(name: str, text: str) -> bool:
    """'Echeverría Luque' is only the surname of 'Matías Echeverría Luque' written elsewhere.

    A string search, not a regex: names are many and each would compile its own pattern."""
    at = text.find(" " + name)
    while at >= 0:
        end = at + 1 + len(name)
        if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
            start = at
            while start > 0 and (text[start - 1].isalnum() or text[start - 1] in NAME_CHARS):
                start -= 1
            if start < at and text[start].isupper():  # 'of Matías Quiroga' is the full name
                return True
        at = text.find(" " + name, at + 1)
    return False


def make_scorer() -> Callable:
    return ner_score


@Language.factory(
    "rp_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "model": DEFAULT_MODEL_CONFIG["model"],
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "incorrect_spans_key": None,
        "prose_only": True,
        "min_lower_words": MIN_LOWER_WORDS,
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_prose_ner(nlp: Language, name: str, model: Model, moves, update_with_oracle_cut_size: int,
                   incorrect_spans_key: Optional[str], prose_only: bool, min_lower_words: int,
                   scorer: Optional[Callable]) -> ProseEntityRecognizer:
    ner = ProseEntityRecognizer(nlp.vocab, model, name=name, moves=moves,
                                update_with_oracle_cut_size=update_with_oracle_cut_size,
                                incorrect_spans_key=incorrect_spans_key, scorer=scorer)
    ner.prose_only = prose_only
    ner.min_lower = min_lower_words
    return ner
