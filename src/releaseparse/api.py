"""The library API: load the pipeline once, then parse texts and files into `Release` records."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from . import pipeline, to_records
from .clean import clean, normalise_source
from .facts import TEXT_KEY
from .readers import ReadError, ReadResult, read_bytes, read_file
from .records import Release, Source

MAX_TEXT_CHARS = 2_000_000  # far beyond any release; a larger text is a batch of something else


class Parser:
    """One loaded pipeline; reuse it for many releases."""

    def __init__(self, nlp: Language | None = None, model_dir: str | Path | None = None, no_model: bool = False):
        self.nlp = nlp or pipeline.load(model_dir, no_model=no_model)
        self.nlp.max_length = MAX_TEXT_CHARS + 1

    def parse_read(self, read: ReadResult, source_bytes: bytes, path: str | None) -> Release:
        text = clean(normalise_source(read.text)).text
        if not text.strip():
            raise ReadError("no text in the file")
        if len(text) > MAX_TEXT_CHARS:
            raise ReadError(f"text of {len(text):,} characters is larger than one release can be "
                            f"({MAX_TEXT_CHARS:,})")
        doc = self.nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text  # the components read the text; rebuilding it from tokens is slow
        doc = self.nlp(doc)
        source = Source(path=path, format=read.format, encoding=read.encoding, bytes=len(source_bytes))
        return to_records.release(doc, source, source_bytes, read.warnings)

    def parse_text(self, text: str, path: str | None = None) -> Release:
        data = text.encode("utf-8")
        return self.parse_read(ReadResult(text=text, format="txt", encoding="utf-8"), data, path)

    def parse_bytes(self, data: bytes, suffix: str = ".txt", path: str | None = None) -> Release:
        return self.parse_read(read_bytes(data, suffix), data, path)

    def parse_file(self, path: str | Path) -> Release:
        data, read = read_file(path)
        return self.parse_read(read, data, str(path))


def load(model_dir: str | Path | None = None, no_model: bool = False) -> Parser:
    """A parser; `no_model=True` runs the rules without the trained name model."""
    return Parser(model_dir=model_dir, no_model=no_model)
