"""Finishing positions as releases write them: '21st place', 'P7', 'fifth', 'pole', 'won', 'DNF'.

Pure helpers shared by the list, table and prose result rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon


@dataclass(frozen=True)
class Position:
    start: int
    end: int
    position: int | None
    status: str = "classified"
    session_hint: str | None = None  # 'pole' implies qualifying


# An ordinal that is not a finishing position: 'the third round', 'his first points'.
NOT_A_POSITION_AFTER = re.compile(
    r"^\s*(?:consecutive|straight|successive|time|times|round|rounds|lap|laps|corner|turn|season|year"
    r"|career|win|wins|victory|victories|podium|podiums|point|points|title|row|stage of|attempt|event"
    r"|outing|appearance|start|starts|visit|edition|anniversary|gear|generation|half|day|week|month"
    r"|place on the grid|on the grid|spot on the grid|grid|in the (?:championship|standings|points|table|series)"
    r"|(?:place|position) in the (?:championship|standings|points|table|series)|championship|overall in the (?:championship|standings))\b",
    re.IGNORECASE,
)
# In prose, what may follow a finishing position: 'fifth in', 'third place', '2nd best', 'sixth.'
PROSE_POSITION_FOLLOWER = re.compile(
    r"^(?:\s*$|\s*[,.;:!?)\u2013\u2014-]|\s+(?:place|position|spot|overall|in|at|on|of|for|behind|ahead|after"
    r"|with|and|best|fastest|quickest|highest|while|as|to|but|before|despite|from|when|ahead|across|among|out)\b)",
    re.IGNORECASE,
)
# Words before an ordinal that make it a start, a grid slot, a gain or a place along the way, not a result.
NOT_A_POSITION_BEFORE = re.compile(
    r"(?:\bfrom|\bstarted|\bstarting|\bstarts|\bstart|\bgrid|\blined up|\bline up|\brow|\brunning|\blying)"
    r"\s*(?:the\s+)?(?:position\s+)?$",
    re.IGNORECASE,
)


def position_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    ordinal = lexicon.ordinal_regex
    return re.compile(
        rf"\b(?:P(?P<p>\d{{1,3}})\b|(?P<ord>{ordinal})(?:\s+(?:place|position|spot))?"
        rf"|(?P<classwin>(?:took|claimed|scored|secured|take|claim|score|secure)\s+(?:the|a|his|her|their)\s+"
        rf"(?P<cwcls>{lexicon.class_regex})\s+(?:class\s+)?(?:win|victory|honours))"
        rf"|(?P<pole>pole(?:[- ]position)?|pole-sitter|polesitter)"
        rf"|(?P<fastest>(?:set|posted|clocked) the (?:fastest|quickest) (?:[\w-]+ ){{0,3}}?time|(?:was|were) (?:fastest|quickest)"
        rf"(?= (?:in|on|of)\b))"
        rf"|(?P<won>won|wins|winning|victory|victorious|took the win|claimed the win|took the che(?:que|cke)red flag"
        rf"|(?:(?:went|go|goes|going|held|hung|hang) on|from the front|away|clear|through) to win|to win by"
        rf"|to (?:his|her|their|its) (?:[\w-]+ ){{0,2}}(?:win|victory))"
        rf"|(?P<status>{lexicon.status_regex}))\b",
        re.IGNORECASE,
    )


def read_position(m: re.Match[str], lexicon: Lexicon) -> Position | None:
    if m.group("p"):
        return Position(m.start(), m.end(), int(m.group("p")))
    if m.group("ord"):
        value = lexicon.ordinal_value(m.group("ord"))
        return Position(m.start(), m.end(), value) if value else None
    if m.group("pole"):
        return Position(m.start(), m.end(), 1, session_hint="Q")
    if m.group("won") or m.group("fastest") or m.group("classwin"):
        return Position(m.start(), m.end(), 1)
    status = lexicon.statuses.get(m.group("status").lower())
    if status:
        return Position(m.start(), m.end(), None, status=status)
    return None


DISTANCE_AFTER = re.compile(r"\s*(?:laps?|km|kms|miles|kilometres|kilometers)\b", re.IGNORECASE)


def list_position(text: str, lexicon: Lexicon) -> Position | None:
    """The position at the start of a list value: '21st place', 'P7', '4th (1:42.331)', 'DNF'."""
    m = re.match(rf"\s*(?:{lexicon.ordinal_regex}|P\d{{1,3}}\b|\d{{1,3}}\b(?![:.,]\d)|(?:{lexicon.status_regex})\b)",
                 text, re.IGNORECASE)
    if not m:
        return None
    value = m.group().strip()
    status = lexicon.statuses.get(value.lower())
    if status:
        return Position(m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), None, status=status)
    number = lexicon.ordinal_value(value)
    if number is None or DISTANCE_AFTER.match(text, m.end()):
        return None  # 'RESULT - 45 laps' gives the distance, not a place
    start = m.start() + len(m.group()) - len(m.group().lstrip())
    place = re.match(r"\s+(?:place|position)\b", text[m.end():], re.IGNORECASE)
    return Position(start, m.end() + (place.end() if place else 0), number)
