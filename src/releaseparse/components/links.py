"""Links and photo credits, usually in the footer of a release."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..facts import doc_text, facts
from .base import LexiconPipe, register

SPANS_KEY = "rp_links"

URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'“”)\]]+", re.IGNORECASE)
CREDIT = re.compile(
    r"^[ \t]*(?:Photos?|Photographs?|Photography|Pictures?|Images?|Photo credits?|Picture credits?|Credits?)\s*(?:credit)?\s*[:©]\s*"
    r"(?:©\s*)?(?P<credit>[^\n(]+?)\s*(?:\(.*)?$"
    r"|©\s*(?P<credit2>[^\n,(]+?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def find_links(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in URL.finditer(text):
        url = m.group().rstrip(".,;:!?")
        spans.append((m.start(), m.start() + len(url)))
    return spans


def find_credits(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in CREDIT.finditer(text):
        group = "credit" if m.group("credit") else "credit2"
        value = m.group(group).rstrip(" .")
        if value and not URL.match(value):
            spans.append((m.start(group), m.start(group) + len(value)))
    return spans


class LinksFinder(LexiconPipe):
    resource_keys = ()

    def __call__(self, doc: Doc) -> Doc:
        found = facts(doc)
        text = doc_text(doc)
        links = find_links(text)
        credits = find_credits(text)
        found.links.extend(dict.fromkeys(text[s:e] for s, e in links))
        found.credits.extend(dict.fromkeys(text[s:e] for s, e in credits))
        self.set_spans(doc, [(s, e, "LINK") for s, e in links] + [(s, e, "CREDIT") for s, e in credits])
        return doc


make_links = register("rp_links", SPANS_KEY, LinksFinder, needs_spans=False)
