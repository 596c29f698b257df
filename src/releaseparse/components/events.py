"""Title, dateline, season and the dated events: the reported one and those upcoming or past.

A dated sentence makes an event. Its role comes from the words around it ('next', 'will' →
upcoming) and from the dateline (a date after publication is upcoming). Circuit, series and round
come from the same sentence; the reported event may take them from anywhere in the release that
is not about another event, since releases name the venue long before they give the date.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter
from datetime import date, timedelta

from spacy.tokens import Doc

from ..dates import MONTH, YEAR, DateMention, find_dates, resolve
from ..facts import DocFacts, doc_text, facts
from ..records import Event
from ..resources import fold
from ..sentences import sentences as sentence_spans
from ..spans import Positioned, SpanIndex
from .base import LexiconPipe, register

SPANS_KEY = "rp_events"
GAZETTEER_KEY = "rp_gazetteer"

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # as date.weekday() counts
WEEKDAY_NAMED = re.compile(rf"\bon\s+({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
ISSUE_LINE = re.compile(rf"^[ \t]*{MONTH}[ \t]+({YEAR})[ \t]*$", re.MULTILINE | re.IGNORECASE)
HEAD_CHARS = 600
HYPHENATED = re.compile(r"-[ \t]*\n?[^\W\d_]")
UPCOMING = re.compile(r"\b(?:next|upcoming|will|heads?|heading|travels?|returns?|ahead|coming up|following|"
                      r"looks? forward|then|scheduled|is set|are set)\b", re.IGNORECASE)
ROUND = re.compile(r"\bround\s+(?P<num>\d{1,2})(?:\s+of\s+(?P<total>\d{1,2}))?"
                   r"|\b(?P<ord>[\w-]+)\s+round\b(?:\s+of\s+(?:the\s+)?(?P<total2>\d{1,2}))?", re.IGNORECASE)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# What may stand before a dateline's date: 'SILVERSTONE, ', 'CEDAR RIDGE, Ind., ', 'NEWTON, Iowa (', 'Sunday '.
DATELINE_PREFIX = re.compile(r"\s*(?:(?:Date|Dated|Published)\s*:\s*)?(?:[A-ZÀ-Þ][\w .'’)-]{0,40}(?:,\s*|\s*\(\s*)){0,3}"
                             r"(?:\w+day,?\s*)?")
# 'the 2016 season', 'the 2008 FIA European Rally Championship', 'Championship 2019'.
SEASON_CUE = re.compile(r"\b(19[5-9]\d|20\d\d)\s+(?-i:(?:[A-Z][\w-]*\s+){0,5})(?:season|championship|series|campaign"
                        r"|standings)\b|\b(?:season|championship|series|cup|trophy)\s+(19[5-9]\d|20\d\d)\b", re.IGNORECASE)
HEADER_LINES = 12  # a dateline may follow a letterhead, fax numbers and a headline
FOOTER_LINES = 4  # … or close the release
REPORT_DELAY_DAYS = 4  # a release reports a meeting that ended at most this long before its date
ISSUED = re.compile(r"\s*(?:Issued|Released|Date|Dated|Published)(?:\s+on)?\s*:?\s*(?:\w+day,?\s*)?", re.IGNORECASE)
PLACE_PREFIX = re.compile(r"\s*[A-ZÀ-Þ][\w .'’)-]{0,40}(?:,\s*|\s*\(\s*)")


class EventsFinder(LexiconPipe):
    resource_keys = ("circuits", "series", "nationalities", "ordinals", "circuit_words")

    def __call__(self, doc: Doc) -> Doc:
        found = facts(doc)
        text = doc_text(doc)
        gaz = list(doc.spans.get(GAZETTEER_KEY, []))
        found.cache["circuits"] = Positioned((c[0], c) for c in self._circuit_mentions(text, gaz))
        found.title = _title(text)
        dates = find_dates(text)
        dateline = _dateline(text, dates)
        if dateline is not None:
            dates.remove(dateline)
            found.published = resolve(dateline, None)[0]
        found.series = self._main_series(gaz)
        found.season = self._season(text, found, dates, gaz)
        self._events(doc, dates, gaz, found, dateline)
        self.set_spans(doc, [(*e.span, e.role) for e in found.events])
        return doc

    def _main_series(self, gaz) -> str | None:
        counts = Counter(self.lexicon.series_by_alias.get(fold(s.text)) for s in gaz if s.label_ == "SERIES")
        counts.pop(None, None)
        return counts.most_common(1)[0][0] if counts else None

    def _season(self, text: str, found: DocFacts, dates: list[DateMention], gaz) -> int | None:
        for table in found.standings:
            if table.season:
                return table.season
        if found.published:
            return found.published.year
        cue = SEASON_CUE.search(text)
        cues = [(cue.start(), int(cue.group(1) or cue.group(2)))] if cue else []
        for span in gaz:  # 'Super Formula 2016', 'ADAC GT Masters 2022 |', '2019 DTM'
            if span.label_ == "SERIES":
                year = (re.match(r" (19[5-9]\d|20\d\d)\b", text[span.end_char : span.end_char + 6])
                        or re.search(r"\b(19[5-9]\d|20\d\d) $", text[max(0, span.start_char - 5) : span.start_char]))
                if year:
                    cues.append((span.start_char, int(year.group(1))))
                    break
        if cues:
            return min(cues)[1]  # the first the release gives
        title_year = YEAR.search(found.title or "")
        if title_year:
            return int(title_year.group(1))
        issue = ISSUE_LINE.search(text, 0, HEAD_CHARS)  # a bulletin's 'April 1967' under its masthead
        if issue:
            return int(issue.group(1))
        for mention in dates:
            if mention.has_year:
                return mention.last[0]
        return None

    def _events(self, doc: Doc, dates: list[DateMention], gaz, found: DocFacts, dateline) -> None:
        text = doc_text(doc)
        year = found.season or (found.published.year if found.published else None)
        sentences = sentence_spans(doc)
        sentence_of = Positioned((s, (s, e)) for s, e in sentences)
        events: list[Event] = []
        unclaimed = [m for m in dates if not found.is_claimed(m.start, m.end)]
        by_start = Positioned((m.start, m) for m in unclaimed)
        for mention in unclaimed:
            sent = sentence_of.last_before(mention.start + 1) or (mention.start, mention.end)
            sentence = text[sent[0] : sent[1]]
            cue = SEASON_CUE.search(sentence)  # 'The 2017 season opens at Suzuka on 22–23 April'
            start, end = resolve(mention, int(cue.group(1) or cue.group(2)) if cue else year)
            if start is None:
                found.warn("date.no_year", f"no year for '{text[mention.start:mention.end]}'", (mention.start, mention.end))
            if any(ev.start == start and ev.end == end and start is not None for ev in events):
                continue
            upcoming = bool(UPCOMING.search(sentence)) or bool(
                found.published and start and start > found.published)
            long_before = bool(found.published and end and (found.published - end).days > REPORT_DELAY_DAYS)
            role = "upcoming" if upcoming else (
                "past" if long_before or any(e.role == "reported" for e in events) else "reported")
            neighbours = [(m.start, m.end) for m in by_start.between(*sent) if m is not mention]
            events.append(self._event(text, gaz, sent, role, start, end, (mention.start, mention.end), found,
                                      neighbours))
        if dateline is not None and not any(e.role == "reported" for e in events):
            # A release dated on race day that gives no other date for its own event: the dateline is it.
            sent = sentence_of.last_before(dateline.start + 1) or (dateline.start, dateline.end)
            day = day_named_before(found.published, text[dateline.end : sent[1]])
            events.insert(0, self._event(text, gaz, sent, "reported", day, day, (dateline.start, dateline.end), found))
        def race_day_named(weekday: str, events: list[Event]) -> bool:
            """'… on Sunday' in a sentence about no other dated event (nor the dateline itself)."""
            others = SpanIndex(ev.span for ev in events if ev.role != "reported")
            if dateline is not None:
                others.add(dateline.start, dateline.end)
            for m in re.finditer(rf"\b{weekday}\b", text, re.IGNORECASE):
                s, e = sentence_of.last_before(m.start() + 1) or (m.start(), m.end())
                if not others.overlaps(s, e):
                    return True
            return False

        events = _weekends(events, found.published, race_day_named)
        reported = [e for e in events if e.role == "reported"]
        if reported:
            self._fill_reported(text, gaz, sentences, reported[0], events, found)
        found.events.extend(events)

    def _event(self, text, gaz, sent, role, start, end, span, found: DocFacts, neighbours=()) -> Event:
        """The event of the date at `span`; a circuit in its sentence is its own unless it stands
        nearer another date ('held from 8 to 10 July, five days after Silverstone (1-3 July)')."""
        s, e = sent

        def nearest_to_this(c_start: int, c_end: int) -> bool:
            return all(_gap((c_start, c_end), span) <= _gap((c_start, c_end), other) for other in neighbours)

        circuit = _circuit_in(found, s, e, nearest_to_this)
        if circuit is None and s > 0:
            # 'NEXT RACE: Michigan International Speedway, Brooklyn, Mich.,\n July 28': the line before goes on here
            before = text.rfind("\n", 0, s - 1) + 1
            if re.search(r"[,:;–-]\s*$", text[before : s]):
                circuit = _circuit_in(found, before, s)
        series = next((self.lexicon.series_by_alias.get(fold(g.text)) for g in gaz
                       if g.label_ == "SERIES" and s <= g.start_char < e), None) or found.series
        round_no, total = self._round_in(text[s:e])
        country = self._country_in(gaz, s, e, circuit)
        return Event(role=role, series=series, round=round_no, rounds_total=total or self._total(found),
                     circuit=circuit[0] if circuit else None,
                     location=self._location(text, circuit), country=country,
                     start=start, end=end, span=span)

    def _fill_reported(self, text, gaz, sentences, event: Event, events, found: DocFacts) -> None:
        """The reported event takes venue and round from sentences that are about no other event."""
        other = [ev.span for ev in events if ev is not event]
        free = [(s, e) for s, e in sentences
                if not any(s <= a < e for a, _ in other) and not UPCOMING.search(text[s:e])]
        if event.circuit is None:
            for s, e in free:
                circuit = _circuit_in(found, s, e)
                if circuit:
                    event.circuit = circuit[0]
                    event.location = self._location(text, circuit)
                    event.country = event.country or self._country_in(gaz, s, e, circuit)
                    break
        if event.round is None:
            for s, e in free:
                round_no, total = self._round_in(text[s:e])
                if round_no:
                    event.round = round_no
                    event.rounds_total = event.rounds_total or total
                    break
        if event.country is None:
            for s, e in free:
                event.country = self._country_in(gaz, s, e, None)
                if event.country:
                    break

    def _circuit_mentions(self, text: str, gaz) -> list[tuple[int, int, str, dict]]:
        """Circuits the gazetteer knows, then names that say they are circuits ('X Speedway')."""
        known = [(g.start_char, g.end_char, g.text, self.lexicon.circuits_by_alias.get(fold(g.text)))
                 for g in gaz if g.label_ == "CIRCUIT"]
        # A town alone ('at Höljes', 'in Brno') names where, not which circuit: that is the location.
        # So does a country ('based in Monte-Carlo, Monaco').
        # Nor does an acronym that is the first half of a word ('A MIS-TAKE', broken over two lines, is not 'MIS').
        known = [k for k in known if k[3] is not None
                 and not (len(k[2]) <= 4 and k[2].isupper() and HYPHENATED.match(text, k[1]))
                 and _place_key(k[2]) not in (_place_key(k[3].get("location")), _place_key(k[3].get("country")))]
        taken = SpanIndex((s, e) for s, e, _, _ in known)
        by_start = Positioned((k[0], k) for k in known)
        dropped: set[int] = set()
        for m in self.lexicon.circuit_name_regex.finditer(text):
            if not taken.overlaps(m.start(), m.end()):
                entry = self.lexicon.circuits_by_alias.get(fold(m.group()), {"name": m.group()})
                known.append((m.start(), m.end(), m.group(), entry))
                continue
            # 'Brands Hatch Grand Prix Circuit': the known name with the release's fuller words around it
            inside = [k for k in by_start.between(m.start(), m.end()) if k[1] <= m.end()]
            if inside and max(k[1] - k[0] for k in inside) < m.end() - m.start():
                dropped.update(id(k) for k in inside)
                known.append((m.start(), m.end(), m.group(), max(inside, key=lambda k: k[1] - k[0])[3]))
        return sorted((k for k in known if id(k) not in dropped), key=lambda k: k[0])


    def _country_in(self, gaz, s, e, circuit) -> str | None:
        for g in gaz:
            if g.label_ == "COUNTRY" and s <= g.start_char < e:
                return self.lexicon.countries.get(fold(g.text))
        return circuit[1].get("country") if circuit else None

    def _location(self, text: str, circuit) -> str | None:
        if not circuit:
            return None
        location = circuit[1].get("location")
        return location if location and fold(location) in folded(text) else None

    def _round_in(self, sentence: str) -> tuple[int | None, int | None]:
        for m in ROUND.finditer(sentence):
            if m.group("num"):
                return int(m.group("num")), int(m.group("total")) if m.group("total") else None
            value = self.lexicon.ordinal_value(m.group("ord"))
            if value:
                return value, int(m.group("total2")) if m.group("total2") else None
        return None, None

    def _total(self, found: DocFacts) -> int | None:
        return next((t.rounds_total for t in found.standings if t.rounds_total), None)


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two spans."""
    return max(b[0] - a[1], a[0] - b[1], 0)


def _circuit_in(found: DocFacts, s: int, e: int, keep=lambda start, end: True) -> tuple[str, dict] | None:
    """The circuit named in [s, e): the release's own fullest words for it."""
    circuits = found.cache["circuits"]
    for c_start, c_end, _, entry in circuits.between(s, e):
        if not keep(c_start, c_end):
            continue
        same = [n for _, _, n, en in circuits.items if en is entry or fold(en["name"]) == fold(entry["name"])]
        return max(same, key=len), entry
    return None


def _place_key(name: str | None) -> str:
    """'Monte-Carlo' and 'Monte Carlo' are one place."""
    return re.sub(r"[\s\-]+", " ", fold(name or "")).strip()


@lru_cache(maxsize=4)
def folded(text: str) -> str:
    """The folded text, once per release however many events look into it."""
    return fold(text)


def day_named_before(published: date, sentence: str) -> date:
    """'STOYSTOWN, Pa. (Sept. 24, 2023) – … came within one position of victory on Saturday night':
    a release dated the day after names the race's own weekday; else the dateline's day is it."""
    m = WEEKDAY_NAMED.search(sentence)
    if m is None:
        return published
    back = (published.weekday() - WEEKDAYS.index(m.group(1).lower())) % 7
    return published - timedelta(days=back)


def _weekends(events: list[Event], published: date | None, race_day_named) -> list[Event]:
    """Days of one meeting read as one event: 'qualifying on Saturday 8 August and the race on
    Sunday 9 August', or a Friday session before a release dated Saturday."""
    out: list[Event] = []
    for event in events:
        prev = out[-1] if out else None
        if (prev is not None and prev.role == event.role == "reported" or prev is not None and
                prev.role == "reported" and event.role == "past") and prev.end and event.start \
                and 0 < (event.start - prev.end).days <= 2:
            out[-1] = prev.model_copy(update={"end": event.end, "circuit": prev.circuit or event.circuit})
            continue
        out.append(event)
    for i, event in enumerate(out):
        if event.role == "reported" and published and event.end and 0 < (published - event.end).days <= 2 \
                and race_day_named(published.strftime("%A"), out):
            # '… heats on Saturday 13 May and the final on Sunday', in a release dated Sunday 14 May
            out[i] = event.model_copy(update={"end": published})
            break
    return out


def _title(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip() and not re.fullmatch(r"\s*(?:PRESS RELEASE|NEWS RELEASE|MEDIA RELEASE|FOR IMMEDIATE RELEASE)\s*", line, re.I):
            return line.strip()
    return None


def _dateline(text: str, dates: list[DateMention]) -> DateMention | None:
    """The release's own date: an 'Issued: 6th June 2005' line anywhere at the head or foot, else a
    full date at the start of one of the first lines ('SILVERSTONE, 12 July 1998 –') or ending a
    header line, else a 'Spielberg, 16/07/2017 – press office' line at the foot."""
    head_end = 0
    for _ in range(HEADER_LINES):
        nxt = text.find("\n", head_end + 1)
        head_end = len(text) if nxt < 0 else nxt
    foot_start = len(text.rstrip())
    for _ in range(FOOTER_LINES):
        foot_start = text.rfind("\n", 0, max(0, foot_start - 1)) + 1
    days = [m for m in dates if m.has_year and m.first == m.last]  # 'ITALY, 27-29 MAY 1988' dates the meeting
    head = [m for m in days if m.start <= head_end]
    foot = [m for m in days if m.start >= foot_start and m.start > head_end]

    def line_around(mention: DateMention) -> tuple[str, str]:
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        return text[line_start : mention.start], text[mention.end : len(text) if line_end < 0 else line_end]

    for mention in head + foot:
        if ISSUED.fullmatch(line_around(mention)[0]):
            return mention
    for mention in head:
        prefix, rest = line_around(mention)
        if DATELINE_PREFIX.fullmatch(prefix):
            return mention
        if not rest.strip() and len(prefix.split()) <= 8:
            return mention  # a header line ending in the date: 'Kollbach Motorsport – Press release – 22 May 2006'
    for mention in foot:
        if PLACE_PREFIX.fullmatch(line_around(mention)[0]):
            return mention
    return None


make_events = register("rp_events", SPANS_KEY, EventsFinder)
