"""What the components find in one Doc, kept in `doc.user_data["rp"]` until records are made.

Finished values are the record models themselves (`records.py`); only the name registry, which
later components keep resolving into, has a type of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from .records import Event, ParseWarning, Quote, Result, Standings
from .resources import fold
from .spans import SpanIndex

Span = tuple[int, int]

TABLE_LINE = re.compile(r"\t| {3,}|^\s*\d{1,3}[.:)]?\s", re.MULTILINE)
INITIAL = re.compile(r"([^\W\d_])\.?(?:-[^\W\d_]\.?)?")  # 'P.' for Peter, 'J-M.' and 'J.-B.' for Jean-…


@dataclass
class Entity:
    """A person or a team, with every mention found so far."""

    name: str
    kind: str  # "person" or "team"
    mentions: list[Span] = field(default_factory=list)
    nationality: str | None = None
    roles: list[str] = field(default_factory=list)
    team: str | None = None

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


@dataclass
class NameRegistry:
    """People and teams of one release; partial mentions resolve to the full name given anywhere."""

    entities: dict[str, Entity] = field(default_factory=dict)  # folded full name → entity
    # folded name part (first name, surname, surname stem, leading/trailing words) → people it may name
    _parts: dict[tuple[str, ...], list[Entity]] = field(default_factory=dict)

    def add(self, name: str, kind: str, span: Span | None = None) -> Entity:
        key = fold(name)
        entity = self.entities.get(key)
        if entity is None:
            entity = self.entities[key] = Entity(name=name, kind=kind)
            if kind == "person":
                for part in set(_name_parts(key.split())):
                    self._parts.setdefault(part, []).append(entity)
        if span and span not in entity.mentions:
            entity.mentions.append(span)
        return entity

    def merge_short_team_names(self, team_words, text: str) -> None:
        """'the Cascade Peak car' is Cascade Peak Racing when the release writes that too: the longer
        name adds a team word. ('Harcourt Racing Falcon' adds a car, so Harcourt Racing stays itself;
        a name a table or standings row gives is the entrant's own and stays too.)"""
        teams = sorted(self.teams(), key=lambda e: len(e.name.split()))
        for short in teams:
            if any(_on_table_line(text, s, e) for s, e in short.mentions):
                continue
            words = fold(short.name).split()
            fuller = [t for t in teams if t is not short and fold(t.name).split()[: len(words)] == words
                      and len(t.name.split()) > len(words)
                      and any(w in team_words for w in fold(t.name).split()[len(words):])]
            if len(fuller) == 1 and fold(short.name) in self.entities:
                fuller[0].mentions.extend(m for m in short.mentions if m not in fuller[0].mentions)
                del self.entities[fold(short.name)]

    def retype_as_team(self, entity: Entity) -> None:
        """A name the rules took for a person that a table's 'Team' column shows is a team."""
        entity.kind = "team"
        for bucket in self._parts.values():
            if entity in bucket:
                bucket.remove(entity)

    def merge_partials(self) -> None:
        """'Van Hal' found on its own is Joris van Hal when the release gives that name too, and so
        is 'J. van Hal' (an initial for the first name, as tables write crews)."""
        for key, entity in list(self.entities.items()):
            if entity.kind != "person":
                continue
            parts = key.split()
            initial = INITIAL.fullmatch(parts[0]) if len(parts) > 1 else None
            if initial:
                fuller = [e for e in self._parts.get(tuple(parts[1:]), []) if e is not entity
                          and not INITIAL.fullmatch(fold(e.name).split()[0]) and fold(e.name).startswith(initial.group(1))]
            else:
                fuller = [e for e in self._parts.get(tuple(parts), []) if e is not entity]
            if len(fuller) == 1 and key in self.entities:
                target = fuller[0]
                target.mentions.extend(m for m in entity.mentions if m not in target.mentions)
                target.nationality = target.nationality or entity.nationality
                del self.entities[key]
                for bucket in self._parts.values():
                    if entity in bucket:
                        bucket.remove(entity)

    def get(self, name: str) -> Entity | None:
        return self.entities.get(fold(name))

    def people(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == "person"]

    def teams(self) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == "team"]

    def resolve_person(self, text: str) -> Entity | None:
        """The person a mention names: the full name, or a unique first name or surname."""
        key = fold(text.strip())
        if not key:
            return None
        exact = self.entities.get(key)
        if exact is not None and exact.kind == "person":
            return exact
        parts = key.split()
        initial = INITIAL.fullmatch(parts[0]) if len(parts) > 1 else None
        if initial:  # 'P. Ashworth' for Peter Ashworth
            matches = [e for e in self._parts.get(tuple(parts[1:]), [])
                       if fold(e.name).startswith(initial.group(1))]
        else:
            matches = self._parts.get(tuple(parts), [])
        if len(matches) == 1:
            return matches[0]
        return None


def _on_table_line(text: str, start: int, end: int) -> bool:
    """Is [start, end) in a table row or a numbered line? Only the 200 characters around are read."""
    line_start = text.rfind("\n", max(0, start - 200), start) + 1
    line_end = text.find("\n", end, end + 200)
    return TABLE_LINE.search(text, max(line_start, start - 200), end + 200 if line_end < 0 else line_end) is not None


def _name_parts(full: list[str]):
    """The partial mentions a full name answers to: 'andreas' and 'backman' for 'andreas backman',
    leading and trailing word runs, and the stem of a hyphenated surname ('kowalczyk')."""
    for n in range(1, len(full)):
        yield tuple(full[:n])
        yield tuple(full[-n:])
    if "-" in full[-1]:
        yield (full[-1].split("-")[0],)


@dataclass
class DocFacts:
    names: NameRegistry = field(default_factory=NameRegistry)
    results: list[Result] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    standings: list[Standings] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    title: str | None = None
    published: date | None = None
    season: int | None = None
    series: str | None = None
    # Spans already explained by a table or list, which prose rules must not read again.
    claimed: SpanIndex = field(default_factory=SpanIndex)
    cache: dict = field(default_factory=dict)  # look-up tables a component builds once per Doc

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        self.warnings.append(ParseWarning(code=code, message=message, span=span))

    def claim(self, start: int, end: int) -> None:
        self.claimed.add(start, end)

    def is_claimed(self, start: int, end: int) -> bool:
        return self.claimed.contains(start, end)


TEXT_KEY = "rp_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once: spaCy joins every token again on each read of the property."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def facts(doc: Doc) -> DocFacts:
    if "rp" not in doc.user_data:
        doc.user_data["rp"] = DocFacts()
    return doc.user_data["rp"]
