"""Doc → Release: one function per record type, reading what the components left in the Doc."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from .facts import DocFacts, doc_text, facts
from .records import Person, Release, Result, Source, Team


def people(found: DocFacts) -> list[Person]:
    out = []
    for entity in found.names.people():
        if not entity.mentions:
            continue
        out.append(Person(name=entity.name, nationality=entity.nationality, roles=list(entity.roles),
                          team=entity.team, mentions=sorted(set(entity.mentions))))
    return sorted(out, key=lambda p: p.mentions[0])


def teams(found: DocFacts) -> list[Team]:
    out = [Team(name=e.name, mentions=sorted(set(e.mentions))) for e in found.names.teams() if e.mentions]
    return sorted(out, key=lambda t: t.mentions[0])


def results(found: DocFacts) -> list[Result]:
    reported = next((i for i, e in enumerate(found.events) if e.role == "reported"), None)
    return [r.model_copy(update={"event_index": reported}) for r in found.results]


def release(doc: Doc, source: Source, source_bytes: bytes, warnings=()) -> Release:
    found = facts(doc)
    return Release(
        id=hashlib.sha256(source_bytes).hexdigest(),
        source=source,
        text=doc_text(doc),
        title=found.title,
        published=found.published,
        season=found.season,
        events=list(found.events),
        people=people(found),
        teams=teams(found),
        results=results(found),
        quotes=list(found.quotes),
        standings=list(found.standings),
        links=list(found.links),
        credits=list(found.credits),
        warnings=[*warnings, *found.warnings],
    )
