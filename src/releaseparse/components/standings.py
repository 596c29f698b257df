"""Championship standings tables: heading, season, 'After 2 of 8', rows, elision lines.

Rows come as '1: Name (FRA), 61 p.', '1. Name (NAT) 61 pts', 'P1 Name 245' or tab/space columns.
A table is a run of rows with rising positions; elision lines ('–', '…') may sit between them.
Names found here seed the name registry: a table says plainly who is a driver and who a team.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..facts import doc_text, facts
from ..lexicon import Lexicon
from ..lines import Line, cells, split_lines
from ..records import Standings, StandingsRow
from ..resources import fold
from .base import LexiconPipe, register

SPANS_KEY = "rp_standings"

POINTS_UNIT = r"\s*(?:p\b\.?|pts\b\.?|points\b|pt\b\.?|pnts\b\.?)?"
POINTS = r"(?P<pts>\d{1,3},\d{3}|\d{1,4}(?:[.,]5)?)" + POINTS_UNIT
AFTER_POINTS = r"(?:\s*\([^)]{1,20}\)|\s+[+\-–—]\s?\d*)?\s*$"  # '(-47)' or a gap column, then the end
ROW_INLINE = re.compile(
    r"^\s*(?:P|Pos\.?\s*)?(?P<pos>\d{1,3})(?:st|nd|rd|th)?=?(?:\s+place\s+[–—-])?\s*(?:[:.)]|\s-|\s)\s*"
    r"(?P<name>[^\d\t(),:]*?[^\W\d_][^\t(),:]*?(?:\([A-Z]{1,3}\)\s*/\s*[^\t(),:\d]+?)?)[\s.·…_]*"
    r"(?:\((?P<nat>[A-Z]{1,3})\)[\s.·…_]*)?[,;–—-]?\s*" + POINTS + AFTER_POINTS
)
# 'Dominic Castellano – 1st, 893 pts (-47)': the name first, then the place
ROW_NAME_FIRST = re.compile(
    r"^\s*(?P<name>[^\W\d_][^\d\t(),:–—]*?)\s*(?:\((?P<nat>[A-Z]{1,3})\))?\s*[–—-]\s*"
    r"(?P<pos>\d{1,3})(?:st|nd|rd|th)\s*,\s*" + POINTS + r"\s*(?:\([^)]{1,20}\))?\s*$"
)
POINTS_AT_END = re.compile(r"\d" + POINTS_UNIT + AFTER_POINTS)
ROW_START = re.compile(r"\s*(?:P|Pos\.?\s*)?\d")
GAP = re.compile(r"[+\-–—]\s?\d*(?:[.,]\d+)?|[–—-]")  # a 'Gap' column after the points: '-16', '–'
TIMING = re.compile(r"\d:\d\d|\+\s?\d|\blaps?\b|\d[.,]\d{3}\b", re.IGNORECASE)
THOUSANDS_AT_END = re.compile(r"(?<![\d.,:])\d{1,3},\d{3}\s*$")  # '– 1,486': points, not a gap of 1.486 s
PAIR = re.compile(r"\s*/\s*")
NAT_AFTER = re.compile(r"\s*\(([A-Z]{1,3})\)\s*$")  # cheap test before the row patterns
ELISION = re.compile(r"^\s*(?:[–—\-…|\s]+|\.{3,}|\(\s*(?:\.{3}|…)\s*\))\s*$")
AFTER_ROUNDS = re.compile(
    r"\bafter\s+(?:round\s+)?(?P<after>\d{1,2})(?:\s+of\s+(?P<total>\d{1,2}))?"
    r"|\bround\s+(?P<after2>\d{1,2})\s+of\s+(?P<total2>\d{1,2})",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
STANDINGS_WORDS = re.compile(r"standings|championship|points|classement|table|ranking|after|cup|trophy|series", re.I)
RESULTS_WORDS = re.compile(r"\bresults?\b|classification|qualifying|practice|race \d|\bheat|final\b"
                           r"|\blaps\b|stage by stage|\b(?:stage|session|ss)\s{2,}\S", re.I)  # 'Stage    Lobato   Kapenda'
TITLE_TRIM = re.compile(r"\s*(?:[–—-]\s*)?(?:overall\s*)?\((?:top\s*\d+|provisional|unofficial)\)\s*$|\s*[–—-]\s*overall\s*$|\s+standings\s*$", re.I)
CATEGORY_WORDS = (
    ("co-drivers", re.compile(r"co-?drivers?|navigators?", re.I)),
    ("drivers", re.compile(r"\bdrivers?|riders?|pilots?", re.I)),
    ("manufacturers", re.compile(r"manufacturers?|makes|marques|brands", re.I)),
    ("teams", re.compile(r"\bteams?\b|constructors?|entrants?", re.I)),
)


@dataclass
class Row:
    line: Line
    position: int
    name: str
    name_span: tuple[int, int]
    nationality: str | None
    points: float | None


def parse_points(text: str) -> float | None:
    """'61', '61 p.', '17.5 pts' → number of points."""
    thousands = re.match(r"^\s*(\d{1,3}),(\d{3})(?!\d)", text)  # '1,486' in a US points table
    if thousands:
        return float(thousands.group(1) + thousands.group(2))
    match = re.match(r"^\s*(\d{1,4}(?:[.,]\d)?)", text)
    return float(match.group(1).replace(",", ".")) if match else None


def parse_rows(line: Line, lexicon: Lexicon) -> list[Row]:
    """The rows a line holds: one, or one per name where a crew shares the line ('A (D) / B (D)')."""
    row = parse_row(line, lexicon)
    if row is None or "/" not in row.name:
        return [row] if row else []
    rows = []
    offset = row.name_span[0]
    for part in PAIR.split(row.name):
        start = line.text.index(part, offset - line.start) + line.start
        offset = start + len(part)
        nat = NAT_AFTER.search(part)
        name = part[: nat.start()] if nat else part
        nationality = lexicon.nationality_codes.get(nat.group(1)) if nat else row.nationality
        rows.append(Row(line, row.position, name.strip(), (start, start + len(name.strip())), nationality, row.points))
    return rows


def parse_row(line: Line, lexicon: Lexicon) -> Row | None:
    """One standings row, inline ('1: Name (FRA), 61 p.') or in columns."""
    thousands = THOUSANDS_AT_END.search(line.text)
    if TIMING.search(line.text, 0, thousands.start() if thousands else len(line.text)):
        return None  # a results row: its last number is laps or a gap, not points
    if re.search(r"\t|\S {2,}\S|\S *\| *\S", line.text.strip()):
        columns = _parse_columns(line, lexicon)
        if columns is not None:
            return columns
    if not POINTS_AT_END.search(line.text):
        return _parse_columns(line, lexicon)  # the row patterns backtrack long on lines that can't match
    match = ROW_INLINE.match(line.text) or ROW_NAME_FIRST.match(line.text)
    if match and match.group("name").strip():
        name = match.group("name").strip(" ,;–—-.·…_")
        start = line.start + match.start("name")
        start += match.group("name").index(name[:1]) if name else 0
        nat = match.group("nat")
        return Row(line, int(match.group("pos")), name, (start, start + len(name)),
                   lexicon.nationality_codes.get(nat) if nat else None, parse_points(match.group("pts")))
    return _parse_columns(line, lexicon)


def _parse_columns(line: Line, lexicon: Lexicon) -> Row | None:
    parts = cells(line)
    while len(parts) > 3 and GAP.fullmatch(parts[-1][2]):
        parts = parts[:-1]
    if len(parts) < 3:
        return None
    pos = re.fullmatch(r"(?:P|Pos\.?\s*)?(\d{1,3})=?[.:)]?", parts[0][2])
    points = re.fullmatch(r"(\d{1,4}(?:[.,]5)?)\s*(?:p\.?|pts\.?|points)?", parts[-1][2])
    if not pos or not points:
        return None
    name_cell = None
    nationality = None
    for start, end, value in parts[1:-1]:
        code = value.strip("()")
        if re.fullmatch(r"[A-Z]{1,3}", code) and code in lexicon.nationality_codes:
            nationality = nationality or lexicon.nationality_codes[code]
            continue
        if name_cell is not None and fold(value) in lexicon.nationality_words:  # 'Argentina' in a Nation column
            nationality = nationality or lexicon.nationality_words[fold(value)]
            continue
        if name_cell is None and re.search(r"[^\W\d_]{2}", value) and not re.fullmatch(r"#?\d+", value):
            name_cell = (start, end, value)
    if name_cell is None:
        return None
    start, end, value = name_cell
    leaders = re.search(r"[\s.·…_]+$", value)
    if leaders:
        end -= len(leaders.group())
        value = value[: leaders.start()]
    inline_nat = re.search(r"\s*\(([A-Z]{1,3})\)$", value)
    if inline_nat:
        nationality = lexicon.nationality_codes.get(inline_nat.group(1), nationality)
        end -= len(inline_nat.group(0))
        value = value[: len(value) - len(inline_nat.group(0))]
    return Row(line, int(pos.group(1)), value, (start, end), nationality, parse_points(points.group(1)))


@dataclass
class Table:
    rows: list[Row]
    heading: list[Line]


def find_tables(lines: list[Line], lexicon: Lexicon) -> list[Table]:
    """Runs of rows with rising positions, elision lines allowed between rows."""
    tables: list[Table] = []
    current: list[Row] = []
    gap: list[Line] = []

    def close():
        if len(current) >= 2:
            tables.append(Table(rows=list(current), heading=_heading(lines, current[0].line.index)))
        current.clear()

    for line in lines:
        rows = parse_rows(line, lexicon) if ROW_START.match(line.text) or (
            POINTS_AT_END.search(line.text) and ROW_NAME_FIRST.match(line.text)) else []
        row = rows[0] if rows else None
        if row and (not current or row.position >= current[-1].position):
            current.extend(rows)
            gap.clear()
        elif current and (ELISION.match(line.text) or line.is_blank) and len(gap) < 2:
            gap.append(line)
        else:
            close()
            gap.clear()
            current.extend(rows)
    close()
    return tables


def _heading(lines: list[Line], first_row: int) -> list[Line]:
    """Up to three text lines above a table, nearest last; stops at a blank line after text."""
    heading: list[Line] = []
    i = first_row - 1
    while i >= 0 and len(heading) < 3:
        line = lines[i]
        if line.is_blank:
            if heading:
                break
        elif re.search(r"https?://|\bhere\b|^\s*\d", line.text, re.I):
            break
        else:
            heading.insert(0, line)
        i -= 1
    return heading


def is_standings(table: Table) -> bool:
    head = " ".join(l.stripped for l in table.heading)
    if re.search(r"\bpoints\b|\bpts\b", head, re.I):
        return True
    if RESULTS_WORDS.search(head) and not re.search(r"standings|championship", head, re.I):
        return False
    return bool(STANDINGS_WORDS.search(head)) or all(r.points is not None for r in table.rows)


def describe(table: Table) -> dict:
    """Title, championship, category, season and rounds from the heading lines."""
    title_line = None
    season = after = total = None
    for line in reversed(table.heading):
        text = line.stripped
        rounds = AFTER_ROUNDS.search(text)
        if rounds:
            after = int(rounds.group("after") or rounds.group("after2"))
            total_text = rounds.group("total") or rounds.group("total2")
            total = int(total_text) if total_text else None
        year = YEAR.search(text)
        if year and season is None:
            season = int(year.group(1))
        meta_only = rounds is not None and len(re.sub(r"\(.*?\)", "", text).split()) <= 4
        if title_line is None and not meta_only:
            title_line = line
    title = title_line.stripped if title_line else None
    championship = TITLE_TRIM.sub("", title).strip() if title else None
    head = " ".join(l.stripped for l in table.heading)
    category = next((name for name, words in CATEGORY_WORDS if words.search(head)), None)
    if category is None:
        category = "drivers" if any(r.nationality for r in table.rows) else "other"
    return {"title": title, "championship": championship or None, "category": category,
            "season": season, "after_round": after, "rounds_total": total}


class StandingsFinder(LexiconPipe):
    resource_keys = ("nationalities", "team_words")

    def __call__(self, doc: Doc) -> Doc:
        found = facts(doc)
        text = doc_text(doc)
        lines = split_lines(text)
        spans = []
        for table in find_tables(lines, self.lexicon):
            if not is_standings(table):
                continue
            meta = describe(table)
            if meta["category"] == "other" and self._rows_are_teams(table):
                meta["category"] = "teams"  # 'COUPE DES PRIVES' over 'Escudería Montseny 50', 'Moto Jaquier 40'
            rows = [StandingsRow(position=r.position, name=r.name, nationality=r.nationality,
                                 points=r.points, span=r.line.strip_span()) for r in table.rows]
            start = (table.heading[0] if table.heading else table.rows[0].line).strip_span()[0]
            end = table.rows[-1].line.strip_span()[1]
            found.standings.append(Standings(rows=rows, span=(start, end), **meta))
            found.claim(start, end)
            kind = "team" if meta["category"] in ("teams", "manufacturers") else "person"
            for row in table.rows:
                if meta["category"] == "manufacturers":
                    continue
                entity = found.names.add(row.name, kind, row.name_span)
                if kind == "person":
                    entity.nationality = entity.nationality or row.nationality
                    entity.add_role("co-driver" if meta["category"] == "co-drivers" else None)
                spans.append((*row.line.strip_span(), meta["category"]))
            points = [r.points for r in table.rows if r.points is not None]
            if any(b > a for a, b in zip(points, points[1:])):
                found.warn("standings.points_order", "points rise down the table", (start, end))
        self.set_spans(doc, spans)
        return doc


    def _rows_are_teams(self, table: Table) -> bool:
        """Most rows hold a team word ('Racing', 'Écurie'): a table of teams, whatever its heading says."""
        team_rows = sum(any(fold(w) in self.lexicon.team_words for w in r.name.split()) for r in table.rows)
        return team_rows * 2 > len(table.rows)


make_standings = register("rp_standings", SPANS_KEY, StandingsFinder, needs_spans=False)
