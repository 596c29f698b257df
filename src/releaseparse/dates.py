"""Date expressions of releases, found by our own patterns and resolved piece by piece.

`dateparser.search_dates` reads ordinals like '15th' as dates and 'June 26th-27th' as 1927, so we
find the expressions ourselves ('June 26th-27th', '9-11 July', '26/27 June 1993', 'May 28, 2006',
'30 June – 2 July', '19.–21.08.') and hand dateparser one day, month and year at a time with strict settings.
A missing year comes from the release (see `events`), never from today's clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import dateparser

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:19[5-9]\d|20\d\d)"
RANGE = r"\s*(?:[-–—/&]|to|and|until)\s*"
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"

DATE_EXPRESSION = re.compile(
    rf"\b(?:"
    # June 30th – July 2nd, 2006 / June 26th-27th / July 9-11, 2021 / May 28, 2006
    rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:{RANGE}(?:(?P<m1b>{MONTH})\s+)?(?P<d1b>{DAY}))?(?:,?\s+(?P<y1>{YEAR}))?"
    # 30 June – 2 July 2006 / 9-11 July / 26/27 June 1993 / Sunday 14 May 2000
    rf"|{WEEKDAY}?(?P<d2>{DAY})(?:(?:\s+(?P<m2a>{MONTH}))?{RANGE}{WEEKDAY}?(?P<d2b>{DAY}))?\s+(?:of\s+)?(?P<m2>{MONTH})(?:,?\s+(?P<y2>{YEAR}))?"
    # 14.05.2000 / 14/05/2000
    rf"|(?P<d3>[0-3]?\d)[./](?P<m3>[01]?\d)[./](?P<y3>{YEAR})"
    # 19.–21.08. / 19.08. / 29.-31.8.1997 (German and Nordic style)
    rf"|(?P<d4>[0-3]?\d)\.(?:\s*[-–—]\s*(?P<d4b>[0-3]?\d)\.)?(?P<m4>[01]?\d)(?:(?=\.(?!\d))|\.(?P<y4>{YEAR}))"
    rf")\b(?!\s*(?:laps?|km|miles|points|pts|kg|hp|bhp|metres|seconds)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    first: tuple[int | None, int, int]  # (year or None, month, day)
    last: tuple[int | None, int, int]

    @property
    def has_year(self) -> bool:
        return self.first[0] is not None


@lru_cache(maxsize=4096)
def month_number(name: str) -> int | None:
    parsed = dateparser.parse(f"1 {name.rstrip('.')} 2000", languages=["en"],
                              settings={"STRICT_PARSING": True, "DATE_ORDER": "DMY"})
    return parsed.month if parsed else None


@lru_cache(maxsize=4096)
def make_date(year: int, month: int, day: int) -> date | None:
    """One calendar day via dateparser, strictly: no guessing of missing parts."""
    parsed = dateparser.parse(f"{year:04d}-{month:02d}-{day:02d}", date_formats=["%Y-%m-%d"],
                              languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.date() if parsed else None


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _range(month, other_month, day, other_day, year):
    """Months (the named one, then the other or the same), days (first, last) and the year."""
    named = month_number(month)
    first_day = _day(day)
    return ((named, month_number(other_month) if other_month else named),
            (first_day, _day(other_day) if other_day else first_day),
            int(year) if year else None)


def find_dates(text: str) -> list[DateMention]:
    found = []
    for m in DATE_EXPRESSION.finditer(text):
        g = m.groupdict()
        if g["m1"]:  # month first: 'June 26th-27th', 'June 30 – July 2, 2006'
            (m_first, m_last), (d_first, d_last), year = _range(g["m1"], g["m1b"], g["d1"], g["d1b"], g["y1"])
        elif g["m2"]:  # day first: '9-11 July', '30 June – 2 July 2006'
            (m_last, m_first), (d_first, d_last), year = _range(g["m2"], g["m2a"], g["d2"], g["d2b"], g["y2"])
        elif g["d3"]:
            d_first = d_last = int(g["d3"])
            m_first = m_last = int(g["m3"])
            year = int(g["y3"])
        else:
            d_first, d_last = int(g["d4"]), int(g["d4b"] or g["d4"])
            m_first = m_last = int(g["m4"])
            year = int(g["y4"]) if g["y4"] else None
        start = m.start()
        if g["d2b"] and NUMBERED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            # 'Race 1 – Saturday, 9 June': the 1 numbers the race; the date is the 9th
            d_first, m_first, start = d_last, m_last, m.start("d2b")
        if not (1 <= m_first <= 12 and 1 <= m_last <= 12) or not m_first or not m_last or not (1 <= d_first <= 31 and 1 <= d_last <= 31):
            continue
        if (m_first, d_first) > (m_last, d_last) and m_first == m_last:
            continue
        start_year = year - 1 if year and m_first > m_last else year
        found.append(DateMention(start, m.end(), (start_year, m_first, d_first), (year, m_last, d_last)))
    return join_ranges(text, found)


NUMBERED_BEFORE = re.compile(r"\b(?:race|heat|round|stage|leg|event|lap|ss|no\.?|#)\s*$", re.IGNORECASE)
JOINED = re.compile(rf"\s*(?:,\s*)?(?:and|to|until|through|&|[-–—])\s*{WEEKDAY}?", re.IGNORECASE)


def join_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """'Saturday 8 August and Sunday 9 August 2015' is one range, not two days."""
    out: list[DateMention] = []
    for mention in mentions:
        prev = out[-1] if out else None
        if prev is not None and JOINED.fullmatch(text[prev.end : mention.start]) and prev.first == prev.last:
            year = mention.last[0] if mention.last[0] is not None else prev.last[0]
            first = (prev.first[0] if prev.first[0] is not None else year, *prev.first[1:])
            if (first[1], first[2]) <= (mention.first[1], mention.first[2]):
                out[-1] = DateMention(prev.start, mention.end, first, (year, *mention.last[1:]))
                continue
        out.append(mention)
    return out


def resolve(mention: DateMention, year: int | None) -> tuple[date | None, date | None]:
    """Start and end dates, taking `year` where the expression gives none."""
    y_last = mention.last[0] if mention.last[0] is not None else year
    if y_last is None:
        return None, None
    y_first = mention.first[0] if mention.first[0] is not None else (
        y_last - 1 if mention.first[1] > mention.last[1] else y_last)
    return make_date(y_first, mention.first[1], mention.first[2]), make_date(y_last, mention.last[1], mention.last[2])
