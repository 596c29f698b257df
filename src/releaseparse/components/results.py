"""Session results from result lists, result tables and prose.

Order matters: lists and tables are read first and claim their lines; prose sentences outside
them are read last, and a prose result that only repeats a listed one is dropped. A prose result
that contradicts a listed one is kept out and reported as a warning.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..facts import DocFacts, Entity, doc_text, facts
from ..lines import Line, cells, split_lines
from ..positions import list_position
from ..records import Result
from ..resources import fold
from ..spans import Positioned
from ..sessions import SessionMention, find_sessions
from .base import LexiconPipe, register
from .prose_results import prose_results
from .results_evidence import evidence
from .session_summaries import session_columns, session_rows, session_segments, stage_winners, summary_lines

SPANS_KEY = "rp_results"

OWNER_HEADING = re.compile(
    r"^\s*(?:results?\s*(?:for|of|[–—:-])?\s*(?P<owner2>[^\W\d_][^:(\n]{1,60}?)(?:\s*\([^)]*\))?"
    r"|(?P<owner>[^\W\d_][^:\n]{1,60}?)(?:[’']s?)?\s+results?(?:\s*\([^)\n]*\))?)\s*:?\s*$",
    re.IGNORECASE,
)
OWNER_HEAD = re.compile(r"\s+[–—-]\s+|\s*[:(]")
NAT_CODE = re.compile(r"\s*\([A-Z]{1,3}\)\s*")
ENTRY_LINE = re.compile(r"^(?:No\.|#|Car)\s*\d{1,3}\b[^\n]*?\s[–—-]\s+(?P<names>[^\W\d_][^\d\n]{2,80})$", re.IGNORECASE)
OWNER_SPLIT = re.compile(r"\s*(?:/|&|\band\b|[–—-]\s)\s*")
LIST_SEPARATOR = re.compile(r"^\s*(?:\([^)\n]{1,30}\)\s*)?(?:[:–—\-=|]|\s)\s*")
QUALIFIED_START = re.compile(r"^\s*(?:qualified|qualifying position)\s*:\s*", re.IGNORECASE)
FINISH_START = re.compile(r"\b(?:finish(?:ed)?|result|pos(?:ition)?)\s*[:\-–]\s*", re.IGNORECASE)
TABLE_HEADER = re.compile(r"^\s*(?:\|\s*)?(?:pos\.?|position|p|rank|pl\.?|fin\.?|place|cl\.?|class(?:\s+pos\.?)?)\s*(?:\t|\s{2,}|\s)",
                          re.IGNORECASE)
# A table heading that names no session: the race's result ('Final classification', 'RESULTS – Top 10',
# 'TALLOW CREEK 200 – TOP FIVE').
RESULTS_HEADING = re.compile(
    r"^\s*(?:[\w-]+(?:\s+[\w-]+){0,3}?\s*[–—:-]?\s*)?"
    r"(?P<label>(?:(?:final|race|provisional|unofficial|official)\s+)?(?:results?|classification"
    r"|top\s+(?:\d{1,2}|three|five|six|ten)))\b[^\n]{0,40}$",
    re.IGNORECASE,
)
# A heading that ends in its label: '12 HOURS OF VALMARECCHIA – GT3 PRO-AM CLASSIFICATION'.
HEADING_ENDING_IN_LABEL = re.compile(r"^\s*[^\n.!?,;]{0,60}?\s(?P<label>classification|results?)\s*(?:\([^)\n]{0,20}\))?\s*$",
                                     re.IGNORECASE)
# Cheap test before splitting a line into cells: a position, a header word or a status comes first.
TABLE_ROW_START = re.compile(r"\s*(?:\|\s*)?(?:P?\d|pos|position|rank|pl\b|fin\b|ret\b|retired|out\b|dnf|dns|dsq|nc\b|dq\b)",
                             re.IGNORECASE)
# One item of a session's order written on one line: '2. Rafael Ibáñez Coll (ESP)', 'DNF Tobias Wennerström'.
# '1. Name', or in a newspaper's order '1, T. Alsterlund (Brabham-Ford), 19m 48.0s; 2, …'.
RANKED_ITEM = re.compile(r"(?:(?<![\w.,])(?P<pos>\d{1,3})[.,]|\b(?P<status>DNF|DNS|DSQ|NC|RET|Ret))\s+"
                         r"(?P<name>(?:[^\W\d_]\.\s?)?[^\W\d_][^\W\d_'’.-]*(?:[ -][^\W\d_][\w'’.-]*){0,3})")
ORDER_LABEL_END = re.compile(r"\s*(?:\([^)\n]{1,30}\)\s*)?:\s+(?=\d)")
RANKED_ROW = re.compile(r"^\s*(?:(?P<pos>\d{1,3})[.)]|(?P<status>DNF|DNS|DSQ|NC|RET|Ret|Retired|Out)\b[.:]?)[ \t]+"
                        r"(?P<name>[^\W\d_][^(),\t\n–—:]*?)[ \t]*(?=\(|,|[ \t][–—-][ \t]|\t|[ \t]{2}|$)")
POSITION_THEN_TEXT = re.compile(r"(?P<pos>\d{1,3}\.)\s+(?P<rest>[^\W\d_].*)")
CLASS_HEADING_HINT = re.compile(r"^\s*\S+(?:\s+\S+)?\s*:?\s*$")  # 'C2 CLASS', 'OVERALL': short enough to be one
CREW_CELL = re.compile(r"^[^\W\d_][^/\d]*\s/\s[^\W\d_]")  # 'Ferrabò / Sgarbossa / Ruipérez': the drivers, not the team
BULLET = re.compile(r"[ \t]*(?:[•·▪◦*][ \t]*)?")
# A time, a lap count or a status: '1:42.331', '4h41'07"', '1hr 02m 14.6s', '40'31.774', '712 laps', '+0.061', 'DNF'.
TIMING = re.compile(r"\d:\d\d|\d+h\d\d|\d\s*hrs?\s*\d\dm|\b\d{1,2}m\s*\d\d(?:\.\d+)?s\b|\d['’]\d\d"
                    r"|\blaps?\b|^\+|\bDNF\b|\bRet\b|\d+\.\d{3}", re.IGNORECASE)


class ResultsFinder(LexiconPipe):
    resource_keys = ("sessions", "ordinals", "statuses", "classes", "nationalities", "speech_verbs", "car_makes",
                     "team_words", "table_columns")

    def __call__(self, doc: Doc) -> Doc:
        found = facts(doc)
        text = doc_text(doc)
        lines = split_lines(text)
        sessions = find_sessions(text, self.data["sessions"])
        listed = [r for read in (summary_lines, session_rows, session_columns, stage_winners)
                  for r in read(lines, sessions, found, self.lexicon)]
        listed += self._list_results(lines, sessions, found)
        listed += self._table_results(lines, sessions, found)
        prose = prose_results(doc, sessions, found, self.lexicon)
        found.results.extend(share_with_co_drivers(merge(listed, prose, found), text, found))
        found.names.merge_short_team_names(self.lexicon.team_words, text)  # the tables named the last teams
        self.set_spans(doc, [(*r.span, r.session) for r in found.results])
        return doc

    # --- result lists --------------------------------------------------------------------------
    def _list_results(self, lines: list[Line], sessions, found: DocFacts) -> list[Result]:
        """'Free Practice 1: 21st place' lines, owned by the 'Andreas’ results:' heading above."""
        by_start = {s.start: s for s in sessions}
        positioned = Positioned((x.start, x) for x in sessions)
        owners = _owner_index(found)
        owner: list[Entity] = []
        heading_session = None
        results: list[Result] = []
        for line in lines:
            stripped = line.stripped
            if not stripped or found.is_claimed(line.start, line.end):  # a weekend summary read it
                continue
            in_line = positioned.between(line.start, line.end)
            person = _owners_of(line, found, owners) if not in_line else None
            if person is not None:
                owner = person
                continue
            lead = BULLET.match(line.text).end()  # '• Free Practice 1: P7'
            session = by_start.get(line.start + lead) or _labelled_order(line, in_line)
            if session is None:
                just_session = [x for x in in_line if x.end <= line.end]
                if just_session and len(stripped) <= len(just_session[0].label) + 12:
                    heading_session = just_session[0]
                label = FINISH_START.search(line.text) or QUALIFIED_START.match(line.text)
                if label and owner:  # 'Finish: 2nd' under the heading of a session, or of the race
                    pos = list_position(line.text[label.end():], self.lexicon)
                    if pos:
                        session = self._labelled_session(label, heading_session, line)
                        results.extend(self._result(o.name, session, pos, line) for o in owner)
                continue
            if owner and len(in_line) >= 2:  # 'Qualifying: 2nd overall, 2nd Pro | Race: DNF' under a car's line
                results.extend(session_segments(line, in_line, owner, self.lexicon))
                continue
            rest = line.text[session.end - line.start:]
            sep = LIST_SEPARATOR.match(rest)
            if sep:
                ranked = self._ranked_line(line, session, session.end - line.start + sep.end(), found)
                if ranked:
                    results.extend(ranked)
                    continue
            if not sep or not owner:
                continue
            offset = session.end - line.start + sep.end()
            pos = list_position(line.text[offset:], self.lexicon)
            if pos is None:
                finish = FINISH_START.search(line.text[offset:])
                if finish:
                    offset += finish.end()
                    pos = list_position(line.text[offset:], self.lexicon)
            if pos is not None:
                results.extend(self._result(o.name, session, pos, line) for o in owner)
        return results

    @staticmethod
    def _labelled_session(label: re.Match[str], heading_session, line: Line) -> SessionMention:
        """'Qualified: 4th' is qualifying; 'Finish: 2nd' the session of the heading above, else the race."""
        if label.re is QUALIFIED_START:
            code = "Q"
        elif heading_session is not None:
            return heading_session
        else:
            code = "RACE"
        return SessionMention(line.start + label.start(), line.start + label.end(), code, label.group().strip(" :"))

    def _ranked_line(self, line: Line, session, offset: int, found: DocFacts) -> list[Result]:
        """'Race 1: 1. Florent Aubusson (FRA), 2. Rafael Ibáñez Coll (ESP) … DNF Tobias Wennerström':
        the order of a session on one line, each item a position (or a status) and a name."""
        items = []
        for m in RANKED_ITEM.finditer(line.text, offset):
            person = found.names.resolve_person(m.group("name"))
            if person is None:
                continue
            status = self.lexicon.statuses.get((m.group("status") or "").lower(), "classified")
            items.append(Result(driver=person.name, session=session.code, session_label=session.label,
                                position=int(m.group("pos")) if m.group("pos") else None, status=status,
                                span=evidence(line.strip_span(), session)))
        if len(items) < 2:
            return []
        found.claim(*line.strip_span())
        return items

    def _result(self, driver, session, pos, line: Line) -> Result:
        return Result(driver=driver, session=session.code, session_label=session.label,
                      position=pos.position, status=pos.status, span=evidence(line.strip_span(), session))

    # --- result tables -------------------------------------------------------------------------
    def _table_results(self, lines: list[Line], sessions, found: DocFacts) -> list[Result]:
        """Rows of a results table under a heading that names the session."""
        results: list[Result] = []
        session = None
        table_class = None  # a class table ('LMP2 – Classification') gives class positions
        header_cols: list[str] | None = None
        positioned = Positioned((x.start, x) for x in sessions)
        list_session, list_rows = None, 0  # '1. Name (CZE), Team – 40'31.774' lines right under a heading
        for line in lines:
            if line.is_blank:
                header_cols = None if not results or results[-1].span[1] < line.start - 1 else header_cols
                list_session = list_session if not list_rows else None
                continue
            in_line = positioned.between(line.start, line.end)
            if not in_line and not TABLE_ROW_START.match(line.text) and not RESULTS_HEADING.match(line.text) \
                    and not HEADING_ENDING_IN_LABEL.match(line.text) \
                    and not TABLE_HEADER.match(line.text) and not CLASS_HEADING_HINT.search(line.text):
                continue
            parts = cells(line)
            if TABLE_HEADER.match(line.text) and len(parts) >= 3 and not re.search(r"\d:\d", line.text):
                header_cols = [p[2].lower() for p in parts]
                continue
            if in_line and len(parts) <= 2 and not re.match(r"^\s*\d", line.text):
                session = list_session = in_line[0]
                table_class, header_cols, list_rows = None, None, 0
                continue
            generic = self._results_heading(line) if not in_line else None
            if generic:
                session, table_class = generic
                list_session, header_cols, list_rows = session, None, 0
                continue
            if list_session is not None and len(parts) < 3:
                ranked = self._ranked_row(line, list_session, table_class, found)
                list_rows += 1
                if ranked is not None:  # a row of the order, even one naming nobody we know
                    results += ranked
                    continue
                list_session = None
            if session is None or len(parts) < 3 or found.is_claimed(line.start, line.end):
                continue
            parts = split_position_cell(parts)
            same_table = bool(results) and results[-1].span[1] >= line.start - 1  # right under a row already read
            row = self._table_row(parts, header_cols, found, timed=same_table)
            if row is None:
                continue
            names, position, status, overall, in_class = row
            self._entrant(parts, header_cols, found)
            orders = [(position, table_class)] if not table_class or overall is None else [
                (position, table_class), (overall, None)]
            if status != "classified":
                orders = [(None, None)]  # a retirement is one result, not one per order
            if in_class and not table_class and status == "classified":
                orders.append(in_class)  # 'Class LMP2, Cl. Pos 1' columns: the class order besides the overall
            for name in names:  # every member of a crew is classified with the car
                for place, classification in orders:
                    results.append(Result(driver=name, session=session.code, session_label=session.label,
                                          position=place, status=status, classification=classification,
                                          span=evidence(line.strip_span(), session)))
            found.claim(*line.strip_span())
        return results

    def _ranked_row(self, line: Line, session, table_class, found: DocFacts) -> list[Result] | None:
        """'1. Jakub Hrubeš (CZE), Kralupy Moto Racing, KTM – 40'31.774', 'DNF Rin Matsushige': one
        line of a session's order (standings tables were claimed before)."""
        m = RANKED_ROW.match(line.text)
        if m is None or found.is_claimed(line.start, line.end):
            return None
        if not (m.group("status") or TIMING.search(line.text, m.end()) or session.code != "RACE"
                or session.label.lower().startswith("race")):
            return None  # under 'Final classification' a row shows a time; under 'Race 1 (18 laps)' the heading did
        people = [found.names.resolve_person(part) for part in m.group("name").split("/")]
        if not people or any(p is None for p in people):
            return []
        status = self.lexicon.statuses.get((m.group("status") or "").lower(), "classified")
        position = int(m.group("pos")) if m.group("pos") and status == "classified" else None
        found.claim(*line.strip_span())
        return [Result(driver=p.name, session=session.code, session_label=session.label, position=position,
                       status=status, classification=table_class, span=evidence(line.strip_span(), session))
                for p in people]

    def _table_row(self, parts, header_cols, found: DocFacts, timed: bool = False):
        """A row's drivers, position, status, overall and class positions. Without a header, a row
        must show a time, laps or a status, unless it follows a row that did ('709' under '712 laps')."""
        first = parts[0][2]
        pos = re.fullmatch(r"(?:P)?(\d{1,3})\.?(?:\s*\(\s*(\d{1,3})\s*\))?", first)  # '1 ( 9)': the overall in brackets
        status = self.lexicon.statuses.get(first.lower())
        if not pos and not status:
            return None
        if not timed and not any(TIMING.search(p[2]) for p in parts[1:]) and header_cols is None:
            return None
        name_index = None
        columns = self.data["table_columns"]
        if header_cols:
            for key in columns["driver"]:
                if key in header_cols:
                    name_index = header_cols.index(key)
                    break
        if name_index is None or name_index >= len(parts):
            name_index = next((i for i, p in enumerate(parts[1:], 1) if CREW_CELL.search(p[2])), None)
        if name_index is None or name_index >= len(parts):
            name_index = next((i for i, p in enumerate(parts[1:], 1)
                               if re.search(r"[^\W\d_]{2,}\s+[^\W\d_]", p[2])), None)
        if name_index is None:
            return None
        start, end, cell = parts[name_index]
        people = []
        for piece in re.finditer(r"[^/]+", cell):
            name = re.sub(r"\s*\([A-Z]{1,3}\)\s*$", "", piece.group()).strip()
            if not re.search(r"[^\W\d_]{2}", name) or re.search(r"\s[–—-]\s", name):
                continue  # 'Agadir – Tan-Tan' is a stage's route, not a driver
            at = start + piece.start() + piece.group().index(name)
            people.append(found.names.resolve_person(name) or found.names.add(name, "person", (at, at + len(name))))
        codes = [self.lexicon.nationality_codes[p[2]] for i, p in enumerate(parts) if i != name_index
                 and p[2] in self.lexicon.nationality_codes]
        if len(people) == 1 and len(codes) == 1 and people[0].nationality is None:
            people[0].nationality = codes[0]  # a Nat column: '4  Benjamín Aldao  ARG  Pampa Racing'
        names = [p.name for p in people]
        overall = None
        for key in columns["overall"]:
            if header_cols and key in header_cols and header_cols.index(key) < len(parts):
                value = re.fullmatch(r"\d{1,3}", parts[header_cols.index(key)][2])
                overall = int(value.group()) if value else None
        if pos and pos.group(2) and overall is None:
            overall = int(pos.group(2))
        in_class = self._class_cells(parts, header_cols, columns)
        if pos:
            return names, int(pos.group(1)), "classified", overall, in_class
        return names, None, status, overall, None

    def _entrant(self, parts, header_cols, found: DocFacts) -> None:
        """The team a results table names in its 'Team' or 'Entrant' column."""
        if not header_cols or len(header_cols) != len(parts):
            return
        column = next((i for i, h in enumerate(header_cols) if h in self.data["table_columns"]["team"]), None)
        if column is None:
            return
        start, end, cell = parts[column]
        if re.search(r"[^\W\d_]{2}", cell) and fold(cell.split()[0]) not in self.lexicon.car_makes:
            entity = found.names.add(cell, "team", (start, end))
            cells_seen = found.cache.setdefault("team_cells", set())
            cells_seen.add((start, end))
            if entity.kind == "person" and set(entity.mentions) <= cells_seen:
                found.names.retype_as_team(entity)  # 'Carolina Speed Group', named nowhere but this column

    @staticmethod
    def _class_cells(parts, header_cols, columns: dict) -> tuple[int, str] | None:
        """(position in class, class) from a table's class and class-position columns."""
        if not header_cols or len(header_cols) != len(parts):
            return None
        cls = next((i for i, h in enumerate(header_cols) if h in columns["class"]), None)
        place = next((i for i, h in enumerate(header_cols) if re.sub(r"[\s.]", "", h) in columns["class_position"]), None)
        if cls is None or place is None:
            return None
        value = re.fullmatch(r"\d{1,3}", parts[place][2])
        return (int(value.group()), parts[cls][2]) if value and parts[cls][2] else None

    def _class_heading(self, line: Line):
        """'C2 CLASS', 'Class LMP2', 'OVERALL': the race's order, of one class or of all."""
        if not CLASS_HEADING_HINT.search(line.text):
            return None
        cls = self.lexicon.class_regex
        heading = re.fullmatch(rf"\s*(?:class\s+(?P<a>{cls})|(?P<b>{cls})\s+class|overall)\s*:?\s*", line.text, re.IGNORECASE)
        if heading is None:
            return None
        label_start = line.start + len(line.text) - len(line.text.lstrip())
        session = SessionMention(label_start, line.start + len(line.text.rstrip()), "RACE", line.stripped)
        return session, heading.group("a") or heading.group("b")

    def _results_heading(self, line: Line):
        """'Final classification', 'LMP2 – Classification (top 5)': the race's result, maybe of one class."""
        m = RESULTS_HEADING.match(line.text) or HEADING_ENDING_IN_LABEL.match(line.text)
        if m is None:
            return self._class_heading(line)
        lead = len(line.text) - len(line.text.lstrip())
        label_start = line.start + m.start("label")
        session = SessionMention(label_start, label_start + len(m.group("label")), "RACE", m.group("label"))
        before = line.text[lead : m.start("label")]
        cls = re.match(rf"\s*({self.lexicon.class_regex})\b", before) or re.search(
            rf"[\s–—:-]({self.lexicon.class_regex})\s*$", before, re.IGNORECASE) or re.match(  # '… GT3 PRO-AM CLASSIFICATION' 
            rf"\s*[–—:-]\s*({self.lexicon.class_regex})\b", line.text[m.end("label") :])  # 'Classification – Group N'
        return session, cls.group(1) if cls else None


def _labelled_order(line: Line, in_line: list[SessionMention]) -> SessionMention | None:
    """'Formula Three, Heat One (10 laps): 1, T. Alsterlund …': a session named before a colon and an order."""
    for session in in_line:
        if ORDER_LABEL_END.match(line.text, session.end - line.start):
            return session
    return None


def split_position_cell(parts: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """' 1. Le Goaziou (F) / Riou (F)   Équipe Lanvéoc': the position and the crew share the first cell."""
    m = POSITION_THEN_TEXT.match(parts[0][2]) if parts else None
    if m is None:
        return parts
    start = parts[0][0]
    return [(start, start + m.end("pos"), m.group("pos")), (start + m.start("rest"), parts[0][1], m.group("rest")),
            *parts[1:]]


def _owner_index(found: DocFacts) -> dict[str, list[tuple[str, Entity]]]:
    """People by the first word of their folded name, for heading look-ups."""
    index: dict[str, list[tuple[str, Entity]]] = {}
    for person in found.names.people():
        name = fold(person.name)
        index.setdefault(name.split()[0], []).append((name, person))
    return index


def _owners_of(line: Line, found: DocFacts, owners) -> list[Entity] | None:
    """Whose results block this line heads: 'Andreas’ results:', 'Marchetti / Lacaze – stage
    results (cars)' (a crew), or a short line led by a full name ('Davide Lanzoni (ITA) – Round 2')."""
    heading = OWNER_HEADING.match(line.text)
    if heading:
        named = heading.group("owner") or heading.group("owner2")
        people = [found.names.resolve_person(part) for part in OWNER_SPLIT.split(named)]
        people = [p for p in people if p is not None]
        if people:
            return people
    text = fold(line.stripped)
    for name, person in owners.get(text.split()[0] if text else "", []):
        if text.startswith(name) and len(text) <= len(name) + 40 and not re.search(r"\d+(?:st|nd|rd|th)\b", text):
            return [person]
    entry = ENTRY_LINE.match(line.stripped)  # 'No. 27 Haddix Motorsports Chevrolet – Dakota Faircloth'
    if entry and len(line.stripped.split()) <= 16:
        people = [found.names.resolve_person(NAT_CODE.sub("", part))
                  for part in OWNER_SPLIT.split(entry.group("names"))]
        return people if people and all(p is not None for p in people) else []  # a car nobody we know drove
    # 'Riera – weekend summary', 'Marchetti / Lacaze:': a short line led by names the release gives in full
    head = OWNER_HEAD.split(line.stripped)[0]
    if len(line.stripped.split()) <= 8 and head and not re.search(r"\d", line.stripped):
        people = [found.names.resolve_person(part) for part in OWNER_SPLIT.split(head) if len(part.split()) <= 3]
        if people and all(p is not None for p in people):
            return people
    return None


# What joins a driver to the co-driver who shares the car: 'X and his co-driver Y', 'X (EST) / Y (LAT)'.
CREW_LINK = re.compile(r"^\s*(?:\([A-Z]{1,3}\))?\s*(?:,\s*)?(?:and|&|/|with)\s+(?:(?:his|her|their)\s+)?"
                       r"(?:(?:[\w-]+\s+)?(?:co-?driver|navigator|partner)\s+)?$", re.IGNORECASE)


def share_with_co_drivers(results: list[Result], text: str, found: DocFacts) -> list[Result]:
    """A rally crew shares every result: what the release says of the driver holds for the
    co-driver named with them ('Mercadier and his co-driver Fontanel … fastest on SS4')."""
    partners: dict[str, str] = {}
    mentions = sorted(((s, e, p) for p in found.names.people() for s, e in p.mentions), key=lambda m: m[:2])
    for (_, end, driver), (start, _, co) in zip(mentions, mentions[1:]):
        if "co-driver" in co.roles and "co-driver" not in driver.roles and co is not driver \
                and CREW_LINK.match(text[end:start]):
            partners.setdefault(driver.name, co.name)
    if not partners:
        return results
    have = {(r.driver, r.session, r.classification) for r in results}
    shared = [r.model_copy(update={"driver": partners[r.driver]}) for r in results
              if r.driver in partners and (partners[r.driver], r.session, r.classification) not in have]
    return results + shared


def _family(session: str) -> str:
    return session.rstrip("0123456789")


def merge(listed: list[Result], prose: list[Result], found: DocFacts) -> list[Result]:
    """Listed results first; prose only adds what the lists do not already say.

    Prose often names a session loosely ('free practice' for Free Practice 1): a prose result with
    the same driver, class and position as a listed one of the same kind of session repeats it.
    """
    out: list[Result] = []
    seen: dict[tuple, Result] = {}
    loose = {(r.driver.casefold(), _family(r.session), r.classification, r.position) for r in listed}
    for from_prose, result in [*((False, r) for r in listed), *((True, r) for r in prose)]:
        key = (result.driver.casefold(), result.session, result.classification)
        known = seen.get(key)
        if known is None:
            if from_prose and (key[0], _family(result.session), result.classification, result.position) in loose \
                    and result.session == _family(result.session):
                continue
            seen[key] = result
            out.append(result)
        elif known.position != result.position and (known.position is not None and result.position is not None):
            found.warn("results.conflict",
                       f"{result.driver} {result.session}: {known.position} in one place, {result.position} in another",
                       result.span)
    return out


make_results = register("rp_results", SPANS_KEY, ResultsFinder)
