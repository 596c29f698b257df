"""Sentence spans of a release, by character offset.

Releases are laid out in lines, so a line break ends a sentence, except where a typewriter, a fax
or an OCR'd page wrapped a line of prose mid-sentence (a long line of words that stops without
punctuation, the next line going on); inside a line a sentence ends at '.', '!', '?' or ':' before
white space, except the full stop of an abbreviation ('Oct. 1', 'No. 27', `resources/abbreviations.json`).
Done on the text, once per Doc: the components only need offsets, and spaCy's sentencizer spent
most of its time building Token objects.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from spacy.tokens import Doc

from .facts import doc_text
from .resources import DEFAULT_DIR

BOUNDARY = re.compile(r"[.!?:]+[\"”’»)\]]*(?=[ \t]+\S)|\n")
WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(]))([A-Za-z][A-Za-z.]{0,6})$")


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, frozenset[str]]:
    data = json.loads((DEFAULT_DIR / "abbreviations.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def abbreviated(text: str, stop: int) -> bool:
    """Is the full stop at `stop` that of an abbreviation ('Oct. 1', 'No. 27', 'Mr. Haddix')?"""
    word = WORD_BEFORE.search(text, max(0, stop - 8), stop)
    if word is None:
        return False
    key, lists = word.group(1), _abbreviations()
    following = text[stop + 1 : stop + 3].lstrip()
    return (key in lists["always"]
            or key in lists["before_number"] and following[:1].isdigit()
            or key in lists["before_name"] and following[:1].isupper())


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
        if m.group() == "." and abbreviated(text, m.start()):
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
