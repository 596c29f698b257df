"""Sentence spans of a release, by character offset.

Releases are laid out in lines, so a line break ends a sentence, except where a typewriter, a fax
or an OCR'd page wrapped a line of prose mid-sentence (a long line of words that stops without
punctuation, the next line going on); inside a line a sentence ends at '.', '!', '?' or ':' before
white space. Done on the text, once per Doc: the components
only need offsets, and spaCy's sentencizer spent most of its time building Token objects.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .facts import doc_text

BOUNDARY = re.compile(r"[.!?:]+[\"”’»)\]]*(?=[ \t]+\S)|\n")


WRAP_MIN = 45  # a wrapped line is about as long as the page is wide; list lines and headings are shorter
LIST_LINE = re.compile(r"[ \t]*(?:[-•*–][ \t]|\d{1,3}[.):]?[ \t]|P\d|[^\W\d_][\w .'’-]{0,30}:[ \t]|\n|$)")
PROSE_WORD = re.compile(r"\b[a-z][a-z'’]+\b")


def wrapped(text: str, at: int) -> bool:
    """Does the line break at `at` only wrap a line of prose?"""
    line = text[text.rfind("\n", 0, at) + 1 : at].rstrip()
    if len(line) < WRAP_MIN or line[-1] in ".!?:\"”’»" or "\t" in line or "   " in line:
        return False
    if not line.endswith(",") and len(PROSE_WORD.findall(line)) < 3:
        return False
    return not LIST_LINE.match(text, at + 1)


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in BOUNDARY.finditer(text):
        if m.group() == "\n" and wrapped(text, m.start()):
            continue
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
