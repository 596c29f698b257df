"""Sentence spans of a release, by character offset.

Releases are laid out in lines, so a line break always ends a sentence; inside a line a sentence
ends at '.', '!', '?' or ':' before white space. Done on the text, once per Doc: the components
only need offsets, and spaCy's sentencizer spent most of its time building Token objects.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .facts import doc_text

BOUNDARY = re.compile(r"[.!?:]+[\"”’»)\]]*(?=[ \t]+\S)|\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in BOUNDARY.finditer(text):
        end = m.start() if m.group() == "\n" else m.end()
        if text[start:end].strip():
            lead = len(text[start:end]) - len(text[start:end].lstrip())
            spans.append((start + lead, end))
        start = m.end()
    if text[start:].strip():
        lead = len(text[start:]) - len(text[start:].lstrip())
        spans.append((start + lead, len(text.rstrip())))
    return spans


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """The sentence spans of `doc`, computed once."""
    spans = doc.user_data.get("rp_sentences")
    if spans is None:
        spans = doc.user_data["rp_sentences"] = split_sentences(doc_text(doc))
    return spans
