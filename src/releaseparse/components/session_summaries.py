"""A driver's weekend at a glance, the way team releases summarise it:

- one line per driver, sessions side by side:
  'Vihaan Deshpande (IND): Qualifying 3rd | Heat 1 2nd | Heat 2 4th | Final 2nd';
- a table with a row per driver and a column per session: '   FP1  Q1  R1' over 'Krejčiřík  6  5  7';
- a rally's stage winners: 'Stage winners: SS1, SS2 Sobreira; SS3 Lertxundi';
- a table with a column per driver and a row per session:
  'Session   Cavedon   Mahlangu' over 'FP1   14th   25th', or 'Stage  Lobato  Kapenda' over
  '1  Agadir – Tan-Tan  22  41' (the stage's number, its route, then the positions).

Each session name is followed by the driver's position in it; nothing else on such a line is read.
"""

from __future__ import annotations

import re

from ..facts import DocFacts
from ..lines import Line, cells
from ..positions import list_position
from ..records import Result
from ..sessions import SessionMention
from ..spans import Positioned
from .results_evidence import evidence

DRIVER_HEAD = re.compile(r"^\s*(?P<name>[^\W\d_][^():|\n]{2,60}?)\s*(?:\([A-Z]{1,3}\))?\s*[:–—-]\s")
SESSION_COLUMN_HEADER = re.compile(r"session|day|stage|run|heat|ss", re.IGNORECASE)
NUMBERED_SESSION = {"stage": "STAGE", "ss": "STAGE", "heat": "HEAT"}  # '1  Agadir – Tan-Tan  22  35' under 'Stage'
STAGE_NUMBER = re.compile(r"(?:SS|S|Stage\s*)?(\d{1,2})\.?", re.IGNORECASE)
CAR_NUMBER = re.compile(r"^(?:#|No\.\s*)?\d{1,3}\s+")  # '512 Lakatos-Bíró' heads the column of car 512
MIN_SESSIONS = 2  # one session and a position is a result list line, read elsewhere


def summary_lines(lines: list[Line], sessions: list[SessionMention], found: DocFacts, lexicon) -> list[Result]:
    """'Name (NAT): Session pos | Session pos …' lines."""
    positioned = Positioned((x.start, x) for x in sessions)
    results: list[Result] = []
    for line in lines:
        in_line = positioned.between(line.start, line.end)
        if len(in_line) < MIN_SESSIONS or found.is_claimed(line.start, line.end):
            continue
        head = DRIVER_HEAD.match(line.text)
        person = found.names.resolve_person(head.group("name")) if head else None
        if person is None or line.start + head.end() > in_line[0].start:
            continue
        found_here = []
        for session in in_line:
            pos = list_position(line.text[session.end - line.start :], lexicon)
            if pos is not None:
                found_here.append(Result(driver=person.name, session=session.code, session_label=session.label,
                                         position=pos.position, status=pos.status,
                                         span=evidence(line.strip_span(), session)))
        if len(found_here) >= MIN_SESSIONS:
            results += found_here
            found.claim(*line.strip_span())
    return results


def session_segments(line: Line, in_line: list[SessionMention], owners, lexicon) -> list[Result]:
    """'Qualifying: 9th overall, 1st Pro-Am | Race: 7th overall, 1st Pro-Am' for the car (its crew)
    named on the line above: each session's overall position, and a class position where given."""
    class_position = re.compile(rf"\b(?P<ord>{lexicon.ordinal_regex})\s+(?P<cls>{lexicon.class_regex})\b", re.IGNORECASE)
    results: list[Result] = []
    for session, following in zip(in_line, [*in_line[1:], None], strict=True):
        segment = line.text[session.end - line.start : (following.start if following else line.end) - line.start]
        pos = list_position(segment.lstrip(" :–-"), lexicon)
        places = [(pos.position, pos.status, None)] if pos else []
        for m in class_position.finditer(segment):
            places.append((lexicon.ordinal_value(m.group("ord")), "classified", m.group("cls")))
        for position, status, cls in places:
            results += [Result(driver=o.name, session=session.code, session_label=session.label, position=position,
                               status=status, classification=cls, span=evidence(line.strip_span(), session))
                        for o in owners]
    return results


def session_rows(lines: list[Line], sessions: list[SessionMention], found: DocFacts, lexicon) -> list[Result]:
    """A table with a column per driver ('Session  Cavedon  Mahlangu') and a row per session."""
    by_start = {s.start: s for s in sessions}
    results: list[Result] = []
    drivers: list | None = None
    numbered = None  # 'STAGE' when the header says 'Stage' and rows start with the stage's number
    for line in lines:
        parts = cells(line)
        if not parts:
            drivers = None
            continue
        if SESSION_COLUMN_HEADER.fullmatch(parts[0][2]) and len(parts) >= 2:
            people = [found.names.resolve_person(CAR_NUMBER.sub("", p[2])) for p in parts[1:]]
            drivers = people if all(p is not None for p in people) else None
            numbered = NUMBERED_SESSION.get(parts[0][2].lower())
            continue
        if drivers is None or len(parts) < len(drivers) + 1:
            continue
        session = by_start.get(parts[0][0])
        if session is None or session.end != parts[0][1]:
            number = STAGE_NUMBER.fullmatch(parts[0][2]) if numbered else None
            if number is None:
                continue
            session = SessionMention(parts[0][0], parts[0][1], f"{numbered}{int(number.group(1))}", parts[0][2])
        elif len(parts) != len(drivers) + 1:
            continue
        row = [(d, list_position(p[2], lexicon)) for d, p in zip(drivers, parts[-len(drivers):], strict=True)]
        for driver, pos in row:
            if pos is not None:
                results.append(Result(driver=driver.name, session=session.code, session_label=session.label,
                                      position=pos.position, status=pos.status, span=line.strip_span()))
        found.claim(*line.strip_span())
    return results


def session_columns(lines: list[Line], sessions: list[SessionMention], found: DocFacts, lexicon) -> list[Result]:
    """A header of session names only ('FP1  FP2  Q1  R1') over rows of a driver and a position per session."""
    by_start = {s.start: s for s in sessions}
    results: list[Result] = []
    header: list[SessionMention] | None = None
    for line in lines:
        parts = cells(line)
        if not parts:
            header = None
            continue
        named = [by_start.get(p[0]) for p in parts]
        if len(parts) >= MIN_SESSIONS and all(n is not None and n.end == p[1] for n, p in zip(named, parts, strict=True)):
            header = named
            continue
        if header is None or len(parts) != len(header) + 1 or found.is_claimed(line.start, line.end):
            continue
        driver = found.names.resolve_person(parts[0][2])
        if driver is None:
            continue
        for session, part in zip(header, parts[1:], strict=True):
            pos = list_position(part[2], lexicon)
            if pos is not None:
                results.append(Result(driver=driver.name, session=session.code, session_label=session.label,
                                      position=pos.position, status=pos.status,
                                      span=evidence(line.strip_span(), session)))
        found.claim(*line.strip_span())
    return results


STAGE_WINNERS = re.compile(r"^\s*(?:stage|special stage|ss|fastest)[ \t-]*(?:winners|wins|times)\s*:", re.IGNORECASE)


def stage_winners(lines: list[Line], sessions: list[SessionMention], found: DocFacts, lexicon) -> list[Result]:
    """'Stage winners: SS1, SS2, SS5 Sobreira; SS3 Lertxundi; SS6 cancelled': who won which stage."""
    positioned = Positioned((x.start, x) for x in sessions)
    results: list[Result] = []
    for line in lines:
        head = STAGE_WINNERS.match(line.text)
        if head is None or found.is_claimed(line.start, line.end):
            continue
        offset = head.end()
        for group in line.text[offset:].split(";"):
            start = line.start + offset
            offset += len(group) + 1
            stages = positioned.between(start, start + len(group))
            if not stages:
                continue
            winner = found.names.resolve_person(line.text[stages[-1].end - line.start : offset - 1].strip(" ,."))
            if winner is None:
                continue
            results += [Result(driver=winner.name, session=s.code, session_label=s.label, position=1,
                               span=evidence(line.strip_span(), s)) for s in stages]
        found.claim(*line.strip_span())
    return results
