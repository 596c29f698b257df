"""Results stated in prose: 'finished fifth in the opening race', 'was the 2nd best Trophy driver'.

Within a sentence, each position is given to the nearest person named before it ('he'/'she'
carry the last person of the paragraph), the session named right after it or else the nearest
one before it in the paragraph, and a class where the words say so ('best X driver', 'in LMP2').
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..facts import DocFacts, doc_text
from ..lexicon import Lexicon
from ..positions import (NOT_A_POSITION_AFTER, NOT_A_POSITION_BEFORE, PROSE_POSITION_FOLLOWER, position_pattern,
                         read_position)
from ..records import Result
from ..sessions import SessionMention
from ..sentences import sentences
from ..spans import Positioned, SpanIndex
from .results_evidence import evidence

BOTH = re.compile(r"^\s*both\s+(races|heats)\b", re.IGNORECASE)
PASSIVE_AGENT = re.compile(r"^\s*(?:position\s+)?(?:(?:went|goes|fell)\s+to|by)\s", re.IGNORECASE)
FINISHED = re.compile(r"\b(?:finished|finishing|came home|crossed the line|took the che(?:que|cke)red flag|won|victory"
                      r"|was classified|ended the race|retired|settled? for|settling for|home|finish|held on|hung on)\b",
                      re.IGNORECASE)
# 'third after the opening loop', 'sixth after SS7': a place along the way, not a result
INTERIM = re.compile(r"^\s+after\s+(?:the\s+)?(?:(?:opening|first|second|third|final|morning|afternoon)\s+)?"
                     r"(?:loop|day|leg|pass|SS\s?\d+|stage\s+\d+|lap\s+\d+|hour|\d+\s+(?:laps|hours|stages))\b",
                     re.IGNORECASE)
RACE_FAMILY = re.compile(r"RACE|SPRINT|FINAL|HEAT|SEMI")
SPECIAL_STAGE = re.compile(r"SS|special stage", re.IGNORECASE)
OUT_OF_THE_RACE = re.compile(r"\b(?:was|were|is|went|dropped|knocked|taken|spun|crashed|retired|put)\s+$", re.IGNORECASE)
PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
OVERALL = re.compile(r"^\s*(?:place\s+|position\s+)?overall\b", re.IGNORECASE)
SESSION_AFTER = re.compile(r"^\s*(?:place\s+|position\s+)?(?:in|of|at|for)\s+(?:the\s+)?$", re.IGNORECASE)


def class_after(text: str, lexicon: Lexicon) -> str | None:
    """The class named right after a position: 'best WTCR Trophy driver', 'in LMP2', 'in the Pro-Am class'."""
    best = re.match(r"^\s*(?:best|placed|highest|fastest)\s+(?P<cls>(?:[A-Z0-9][\w\-]*\s+){0,3}?[A-Z0-9][\w\-]*)\s+"
                    r"(?:driver|rider|finisher|runner|crew|car|entry|competitor|team)\b", text)
    if best:
        return best.group("cls")
    cls = lexicon.class_regex
    named = re.match(rf"^\s*(?:place\s+|position\s+)?(?:in|of|among)\s+(?:the\s+)?(?P<cls>{cls})\b"
                     rf"(?:\s+(?:class|category|cup|classification|ranking))?", text)
    if named:
        return named.group("cls")
    generic = re.match(r"^\s*(?:place\s+|position\s+)?in\s+(?:the\s+)?(?P<cls>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})\s+"
                       r"(?:class|category|classification)\b", text)
    return generic.group("cls") if generic else None


def class_before(text: str, lexicon: Lexicon) -> str | None:
    """The class a sentence names before its position: 'In the GT500 class, victory went to',
    'pole position in the GT300 class and finished second', 'The Pro-Am victory went to'."""
    cls = lexicon.class_regex
    named = list(re.finditer(rf"\b(?:in|of)\s+the\s+(?P<cls>{cls}|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){{0,2}})\s+"
                             rf"(?:class|category|classification)\b|^\s*In\s+(?P<lead>{cls}),"
                             rf"|\bThe\s+(?P<the>{cls})\s+(?:victory|win|honours)\b", text))
    return next(g for g in named[-1].group("cls", "lead", "the") if g) if named else None


def prose_results(doc: Doc, sessions: list[SessionMention], found: DocFacts, lexicon: Lexicon) -> list[Result]:
    text = doc_text(doc)
    pattern = position_pattern(lexicon)
    mentions = Positioned((start, (start, end, person.name))
                          for person in found.names.people() for start, end in person.mentions)
    by_start = Positioned((x.start, x) for x in sessions)
    quoted = SpanIndex(q.span for q in found.quotes)
    results: list[Result] = []
    last_person: str | None = None
    paragraph_subject: str | None = None  # the first person a paragraph names: 'He' opening the next is them
    last_session: SessionMention | None = None
    last_race: SessionMention | None = None  # the last race (not practice or qualifying) of the paragraph
    paragraph_end = -1
    main_race = _main_race(sessions)
    crews = _car_crews(text, mentions)
    for s, e in sentences(doc):
        if s > paragraph_end:
            para = text.find("\n", e - 1)
            paragraph_end = len(text) if para < 0 else para
            if "\n" in text[max(0, s - 2) : s]:
                last_person, paragraph_subject = paragraph_subject, None
        if found.is_claimed(s, e) or not text[s:e].strip():
            continue
        in_sent = mentions.between(s, e)
        sess_in = by_start.between(s, e)
        sentence_session = None
        for m in pattern.finditer(text, s, e):
            pos = read_position(m, lexicon)
            if pos is None:
                continue
            before = text[max(s, m.start() - 25) : m.start()]
            after = text[m.end() : min(e, m.end() + 60)]
            if pos.status == "classified" and (NOT_A_POSITION_BEFORE.search(before) or NOT_A_POSITION_AFTER.match(after)):
                continue
            if m.group("ord") and (not PROSE_POSITION_FOLLOWER.match(after) or INTERIM.match(after)):
                continue
            if m.group("status") and m.group().lower() == "out" and not OUT_OF_THE_RACE.search(before):
                continue  # 'black ice caught out several favourites' is no retirement
            if quoted.contains(m.start(), m.end()):
                continue  # a speaker's own words are not the release's statement of a result
            if m.group("won") and re.match(r"^\s*(?:the\s+)?(?:title|championship|award|trophy|points)", after, re.I):
                continue
            if m.group("won") and re.match(rf"^\s+(?:{lexicon.ordinal_regex})\b", after, re.IGNORECASE):
                continue  # 'took the checkered flag first in GTD': the ordinal says where
            both = BOTH.match(after) if m.group("won") else None
            if both:  # 'won both races': each of the two numbered races of the release
                drivers = _driver_for(m.start(), in_sent, text, s, last_person)
                family = "RACE" if both.group(1).lower().startswith("race") else "HEAT"
                codes = sorted({x.code for x in sessions if re.fullmatch(rf"{family}\d", x.code)})
                if len(codes) == 2:
                    results.extend(Result(driver=d, session=code, session_label=both.group(0).strip(), position=1,
                                          span=(s, e)) for d in drivers for code in codes)
                continue
            passive = (m.group("won") or m.group("pole")) and PASSIVE_AGENT.match(after)
            drivers = (_agent_after(m.end(), in_sent, text) if passive
                       else _driver_for(m.start(), in_sent, text, s, last_person))
            car = None if passive or any(x[1] <= m.start() for x in in_sent) else CAR_NUMBER.search(text, s, m.start())
            if car and car.group(1) in crews:
                drivers = crews[car.group(1)]  # 'the combined times put the #36 21st overall': its crew
            if not drivers:
                continue
            session = _session_for(m, pos, sess_in, text, sentence_session or last_session)
            if session is not None and session.code.startswith("Q") and session.end <= m.start() \
                    and FINISHED.search(text[max(session.end, m.start() - 30) : m.start()]):
                # 'who won the pole in qualifying, finished second': the race's finish; 'For Race 2 the top
                # ten of qualifying were reversed. … came home seventh': that race
                session = last_race if last_race is not None and session.start < s else None
            if session is None and main_race:
                finish = FINISHED.search(text[max(s, m.start() - 30) : m.end()])
                if finish:
                    at = max(s, m.start() - 30) + finish.start()
                    session = SessionMention(at, at + len(finish.group()), main_race, finish.group())
            if session is None:
                continue
            sentence_session = session  # '31st overall and fifth in Pro-Am': the second shares it
            if pos.status != "classified" and SPECIAL_STAGE.match(session.label) and main_race:
                # 'retired on SS11': out of the rally (a rally-raid's 'Stage 5' is a day with its own result)
                session = SessionMention(session.start, session.end, main_race, session.label)
            inner = re.search(rf"\b(?:{lexicon.class_regex})\b", m.group()) if m.group("fastest") else None
            classification = m.group("cwcls") or (None if OVERALL.match(after) else (  # 'took the junior win'
                inner.group() if inner else class_after(after, lexicon) or class_before(text[s : m.start()], lexicon)))
            results.extend(Result(driver=driver, session=session.code, session_label=session.label,
                                  position=pos.position, status=pos.status, classification=classification,
                                  span=evidence((s, e), session)) for driver in drivers)
            for driver, position in _ranked_others(m, pos, in_sent, text, e):
                results.append(Result(driver=driver, session=session.code, session_label=session.label,
                                      position=position, classification=classification,
                                      span=evidence((s, e), session)))
        if in_sent:
            last_person = in_sent[-1][2]
            paragraph_subject = paragraph_subject or in_sent[0][2]
        if sess_in:
            last_session = sess_in[-1]
            last_race = next((x for x in reversed(sess_in) if RACE_FAMILY.match(x.code)), last_race)
        if e >= paragraph_end:
            last_session = last_race = None
    return results


# Between the names of one crew: 'A, B and C', 'A / B', 'Frenchman A and Dutch professional B',
# 'A (GB), B (F) and C (D)'.
CREW_JOIN = re.compile(r"^\s*(?:\([A-Z]{1,3}\)\s*)?(?:,\s*(?:and\s+)?|\s*and\s+|\s*&\s*|\s*/\s*)(?:[\w-]+\s+){0,2}$")
# What leads into the finishers a winner beat, or those ahead of a driver: 'won … ahead of', 'fifth behind'.
AHEAD_OF = re.compile(r"\b(?:ahead of|from)\s+(?:(?:the\s+)?[\w-]+\s+){0,2}$", re.IGNORECASE)
BEHIND = re.compile(r"^\s*(?:place\s+|position\s+)?behind\s+(?:(?:the\s+)?[\w-]+\s+){0,2}$", re.IGNORECASE)


def _crew(chosen: int, in_sent, text: str) -> list[str]:
    """The mention at index `chosen` and the names listed with it, for a car shared by a crew."""
    first = chosen
    while first > 0 and CREW_JOIN.match(text[in_sent[first - 1][1] : in_sent[first][0]]):
        first -= 1
    return list(dict.fromkeys([*(m[2] for m in in_sent[first:chosen]), *_listed_from(chosen, in_sent, text)]))


def _listed_from(first: int, in_sent, text: str) -> list[str]:
    """The name at index `first` and the names listed after it ('A, B and C')."""
    last = first
    while last + 1 < len(in_sent) and CREW_JOIN.match(text[in_sent[last][1] : in_sent[last + 1][0]]):
        last += 1
    return list(dict.fromkeys(m[2] for m in in_sent[first : last + 1]))


def _ranked_others(m, pos, in_sent, text: str, sent_end: int) -> list[tuple[str, int]]:
    """The order a position implies for the names listed with it: a winner 'ahead of A and B' puts A
    second and B third; 'fifth behind A, B, C and D' puts them first to fourth (only when the count
    of names fits the position, so a partial list is not mistaken for the order)."""
    if pos.position == 1 and m.group("won"):
        for i, mention in enumerate(in_sent):
            if mention[0] >= m.end() and mention[0] <= sent_end and AHEAD_OF.search(text[m.end() : mention[0]]):
                return [(name, rank) for rank, name in enumerate(_listed_from(i, in_sent, text), start=2)]
        return []
    if pos.position and pos.position > 1:
        index = next((i for i, mention in enumerate(in_sent) if mention[0] >= m.end()), None)
        if index is not None and BEHIND.match(text[m.end() : in_sent[index][0]]):
            ahead = _listed_from(index, in_sent, text)
            if len(ahead) == pos.position - 1:
                return [(name, rank) for rank, name in enumerate(ahead, start=1)]
    return []


CAR_NUMBER = re.compile(r"(?:#|\bNo\.\s?|\bnumber\s)(\d{1,3})\b")
CAR_OF = re.compile(r"^[^.;\n]{0,60}?\b(?:of|shared by|driven by|crewed by|for)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _car_crews(text: str, mentions: Positioned) -> dict[str, list[str]]:
    """Car number → the crew a release gives it: 'the #29 Oreca 07 of A (POR), B (SWE) and C (JPN)'."""
    crews: dict[str, list[str]] = {}
    for car in CAR_NUMBER.finditer(text):
        following = mentions.between(car.end(), car.end() + 300)
        if following and CAR_OF.match(text[car.end() : following[0][0]]):
            crews.setdefault(car.group(1), _listed_from(0, following, text))
    return crews


def _main_race(sessions: list[SessionMention]) -> str | None:
    """The session 'finished fifth' means when the release names none: its one race, or the final
    of a karting or rallycross meeting; none where there are several races or a sprint."""
    codes = {x.code for x in sessions}
    if "FINAL" in codes:
        return "FINAL"
    if "SPRINT" in codes or any(c.startswith("RACE") and c != "RACE" for c in codes):
        return None
    return "RACE"


def _agent_after(at: int, in_sent, text: str) -> list[str]:
    """'Pole position went to Florian Dechant', 'won by Lukas Novotny, Tomas Rezac and Filip Dvorak'."""
    index = next((i for i, m in enumerate(in_sent) if m[0] >= at), None)
    return _crew(index, in_sent, text) if index is not None else []


def _driver_for(at: int, in_sent, text: str, sent_start: int, last_person: str | None) -> list[str]:
    """The nearest person named before the position (with the crew listed with them), or the
    person a pronoun stands for."""
    before = [i for i, m in enumerate(in_sent) if m[1] <= at]
    pronoun = None
    for p in PRONOUN.finditer(text, sent_start, at):
        pronoun = p
    if before and (pronoun is None or in_sent[before[-1]][1] > pronoun.start()):
        return _crew(before[-1], in_sent, text)
    if before:
        return [in_sent[before[-1]][2]]  # 'Mercadier chose caution, but he still set …': the person before 'he'
    if pronoun is not None and last_person:
        return [last_person]
    return []


QUALIFIED = re.compile(r"\bqualif(?:ied|ying|ies)\s+(?:only\s+|a\s+|an\s+)?$", re.IGNORECASE)


def _session_for(m, pos, sess_in, text, last_session) -> SessionMention | None:
    session = _named_session(m, pos, sess_in, text, last_session)
    if session is not None and session.code == "RACE":
        numbered = [x for x in sess_in if x.code.startswith("RACE") and x.code != "RACE" and x.end <= m.start()]
        if numbered:
            return numbered[-1]  # 'the race' after 'In Race 1' is Race 1
        if last_session is not None and last_session.code != "RACE" and (
                last_session.code.startswith("RACE") or last_session.code == "SPRINT"):
            return last_session  # 'The race was won by …' right after 'the sprint race' is the sprint
    return session


def _named_session(m, pos, sess_in: list[SessionMention], text: str, last_session) -> SessionMention | None:
    qualified = QUALIFIED.search(text, max(0, m.start() - 25), m.start())
    if qualified:
        return SessionMention(qualified.start(), qualified.end(), "Q", qualified.group().split()[0])
    if pos.session_hint:
        named = next((x for x in sess_in if x.start >= m.end() and x.code.startswith(pos.session_hint)
                      and SESSION_AFTER.match(text[m.end() : x.start])), None)
        return named or SessionMention(m.start(), m.end(), pos.session_hint, m.group())  # 'pole in Qualifying 1'
    for x in sess_in:
        if x.start >= m.end() and SESSION_AFTER.match(text[m.end() : x.start]) is not None:
            return x
        if x.start >= m.end() and x.start - m.end() <= 40 and not re.search(r"[,;]|\band\b", text[m.end():x.start]):
            return x
    before = [x for x in sess_in if x.end <= m.start()]
    if before:
        return before[-1]
    after = [x for x in sess_in if x.start >= m.end()]
    if after:
        return after[0]
    return last_session
