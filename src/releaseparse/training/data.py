"""Training examples from the gold files: each gold name aligned to its mentions in the text.

A release's text is read and cleaned exactly as `releaseparse parse` reads it. Every person
(PERSON) and team (TEAM) of the gold file is looked for in the text accent- and case-insensitively,
whole words only, and a person also by the last word of the name (the surname-only mentions of
prose). Longer mentions win over the shorter ones inside them. The examples are the runs of prose
sentences (`prose_ner.prose_runs`), the same pieces the component tags at parse time.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import filter_spans

from ..clean import clean, normalise_source
from ..readers import read_file
from .prose_ner import prose_runs

LABELS = ("PERSON", "TEAM", "PLACE", "SERIES")  # rp_people reads PERSON and TEAM; the others teach what a name is not
MIN_SURNAME = 3  # 'Li' or 'Ma' alone would match too much


@dataclass
class Mention:
    start: int
    end: int
    label: str
    name: str  # the gold name it belongs to
    part: str  # "full" or "surname"


@dataclass
class Chunk:
    """One run of prose: its text and the mentions inside it (offsets into `text`)."""

    text: str
    mentions: list[Mention] = field(default_factory=list)


def fold_chars(text: str) -> str:
    """Case- and accent-free, one character for one character, so offsets stay valid."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFKD", c)
        base = "".join(b for b in base if not unicodedata.combining(b)).casefold()
        out.append(base if len(base) == 1 else c.lower() if len(c.lower()) == 1 else c)
    return "".join(out)


def find_all(folded_text: str, phrase: str) -> Iterable[tuple[int, int]]:
    """Whole-word, accent- and case-insensitive occurrences of `phrase`."""
    key = fold_chars(phrase.strip())
    if not key:
        return
    pattern = re.compile(r"(?<!\w)" + re.escape(key).replace(r"\ ", r"\s+") + r"(?!\w)")
    for match in pattern.finditer(folded_text):
        yield match.start(), match.end()


def gold_mentions(text: str, gold: dict) -> list[Mention]:
    """Every mention of the gold people, teams, places and series, overlaps resolved longest first."""
    folded = fold_chars(text)
    found: list[Mention] = []
    for person in gold.get("people", []):
        name = person["name"]
        found += [Mention(s, e, "PERSON", name, "full") for s, e in find_all(folded, name)]
        surname = name.split()[-1] if len(name.split()) > 1 else ""
        if len(surname) >= MIN_SURNAME:
            found += [Mention(s, e, "PERSON", name, "surname") for s, e in find_all(folded, surname)]
    for team in gold.get("teams", []):
        found += [Mention(s, e, "TEAM", team["name"], "full") for s, e in find_all(folded, team["name"])]
    for event in gold.get("events", []):
        for key, label in (("circuit", "PLACE"), ("location", "PLACE"), ("country", "PLACE"), ("series", "SERIES")):
            if event.get(key):
                found += [Mention(s, e, label, event[key], "full") for s, e in find_all(folded, event[key])]
    found.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[Mention] = []
    for m in found:
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def release_text(path: Path) -> str:
    """The text the pipeline sees for a release file."""
    _, read = read_file(path)
    return clean(normalise_source(read.text)).text


def release_chunks(text: str, gold: dict, nlp: Language) -> list[Chunk]:
    """The prose runs of one release, each with the gold mentions inside it."""
    doc = nlp(text)
    mentions = gold_mentions(text, gold)
    chunks = []
    for run in prose_runs(doc):
        s, e = run.start_char, run.end_char
        inside = [Mention(m.start - s, m.end - s, m.label, m.name, m.part)
                  for m in mentions if s <= m.start and m.end <= e]
        chunks.append(Chunk(text=doc.text[s:e], mentions=inside))
    return chunks


def gold_files(folder: Path, limit: int = 0) -> list[tuple[Path, Path]]:
    pairs = []
    for gold in sorted(Path(folder).glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        text = next((p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".gold.json")), None)
        if text is not None:
            pairs.append((text, gold))
    return pairs[:limit] if limit else pairs


def corpus_chunks(folder: Path, limit: int = 0) -> list[Chunk]:
    nlp = spacy.blank("en")
    chunks: list[Chunk] = []
    for text_path, gold_path in gold_files(folder, limit):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        chunks += release_chunks(release_text(text_path), gold, nlp)
    return chunks


def to_example(nlp: Language, chunk: Chunk) -> Example:
    """A spaCy Example; a mention that doesn't fall on token boundaries shrinks to the tokens inside."""
    predicted = nlp.make_doc(chunk.text)
    reference = Doc(predicted.vocab, words=[t.text for t in predicted], spaces=[bool(t.whitespace_) for t in predicted])
    spans = [reference.char_span(m.start, m.end, label=m.label, alignment_mode="contract") for m in chunk.mentions]
    reference.set_ents(filter_spans([s for s in spans if s is not None and len(s)]), default="outside")
    return Example(predicted, reference)


@spacy.registry.readers("releaseparse.GoldCorpus.v1")
def gold_corpus(path: str, augment: int = 0, seed: int = 0, limit: int = 0) -> Callable[[Language], list[Example]]:
    """Examples from a corpus folder; `augment` generated copies of each chunk (the train extra)."""
    cache: dict[str, list[Chunk]] = {}

    def read(nlp: Language) -> list[Example]:
        if "chunks" not in cache:
            chunks = corpus_chunks(Path(path), limit)
            if augment:
                from .augment import augment_chunks

                chunks = augment_chunks(chunks, copies=augment, seed=seed)
            cache["chunks"] = chunks
        return [to_example(nlp, c) for c in cache["chunks"]]

    return read
