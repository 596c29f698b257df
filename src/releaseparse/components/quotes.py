"""Quotes and their speakers.

Two shapes: a dash-led paragraph with the speaker after ("- …, Andreas Bäckman says."), and words
in quotation marks of any kind (“ ” " ‘ ’ „ “ « » » «) with the attribution before, after or in the
middle. A quote whose paragraph has no attribution continues the previous speaker's quote (the
press convention for quotes over several paragraphs). Speakers resolve to full names; a speaker
named only here is added to the people.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from dataclasses import dataclass

from spacy.tokens import Doc

from ..facts import DocFacts, doc_text, facts
from ..records import Quote
from ..resources import fold
from ..spans import Positioned
from .base import LexiconPipe, register

SPANS_KEY = "rp_quotes"

# Opening mark → closing marks it pairs with.
MARKS = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"', "‘": "’", "‚": "‘’", "'": "'"}
APOSTROPHES = "’'"  # also close single quotes; inside a word ("don't") they are apostrophes
MIN_WORDS = 3
INTRO_REACH = 400  # characters before a quote where its paragraph may name the speaker
HEADING_REACH = 80  # characters of the line above a quote that may be a name heading
SUBJECT_REACH = 20  # a paragraph's subject stands at its start ('Kiprotich, the first Kenyan …')
CLOSING = re.compile(r"^[\s,.!?…]*[”“\"’»«‘']+")
NAME = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*\.?(?: (?:de|da|van|von|der|den|di|le|la|du) ?)?(?: [A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*){0,3})"
ROLE_PREFIX = r"(?:(?:[a-z][a-z\-]+|[A-Z][\w’'\-]*['’]s) ){0,4}?"
_WHO = rf"(?P<who>he|she|[Tt]he \w+(?: \w+)?(?= (?:{{verbs}})\b)|[Tt]he [\w-]+(?: [\w-]+)?(?=[ \t]*[.,;!?])|{ROLE_PREFIX}{NAME})"


def _who(verbs: str, name: str) -> str:
    return _WHO.replace("{verbs}", verbs).replace("who", name)


@lru_cache(maxsize=4)
def attribution_after(verbs: str) -> re.Pattern[str]:
    """'…,” said Andreas Bäckman' / '…” Hanamura explained', read right after the closing mark."""
    return re.compile(rf"^[ \t]*,?[ \t]*(?:(?P<verb1>{verbs})\s+{_who(verbs, 'who1')}"
                      rf"|{_who(verbs, 'who2')},?\s+(?:\w+\s+)?(?P<verb2>{verbs}))\b"
                      rf"|^[ \t]*[–—-][ \t]*{_who(verbs, 'who3')}[ \t]*\.?[ \t]*$")  # '…” – crew chief Travis Lundgren.'


@lru_cache(maxsize=4)
def attribution_before(verbs: str) -> re.Pattern[str]:
    """'Smith said: “…', 'said Smith, “…', 'according to Smith, “…', 'Smith: “…'."""
    return re.compile(rf"(?:{_who(verbs, 'who1')}\s+(?:\w+\s+)?(?:{verbs})(?:\s+that)?|(?:{verbs})\s+{_who(verbs, 'who2')}"
                      rf"|according to\s+{_who(verbs, 'who3')}|{_who(verbs, 'who4')})\s*[:,]\s*$")


@lru_cache(maxsize=4)
def attribution_after_dash(verbs: str) -> re.Pattern[str]:
    """'- …, Andreas Bäckman says.' / '- …, says team principal Hanna Ek.' at the end of a dash paragraph."""
    return re.compile(rf",\s*(?:{_who(verbs, 'who1')}\s+(?:{verbs})(?:\s+[^.!?]*)?"
                      rf"|(?:{verbs})\s+(?P<who2>[^.!?]{{2,80}}))[.!]?\s*$")


@lru_cache(maxsize=4)
def attribution_inside_dash(verbs: str) -> re.Pattern[str]:
    """'- It was tough, says Tobias Berg. We were …' / '- …, Berg says, but …': the speaker named
    inside a dash paragraph, the quote going on after."""
    return re.compile(rf",\s*(?:(?:{verbs})\s+{_who(verbs, 'who1')}|{_who(verbs, 'who2')}\s+(?:{verbs}))\s*[,.]\s+(?=\S)")


@dataclass
class Piece:
    start: int  # span of the words inside the marks / after the dash
    end: int
    para: int
    speaker: str | None = None
    explicit: bool = False  # attribution found beside this piece
    open_ended: bool = False  # no closing mark before the paragraph ended: the quote goes on
    dash: bool = False  # a '– …' line


class QuotesFinder(LexiconPipe):
    resource_keys = ("speech_verbs", "roles", "nationalities", "name_stopwords")

    def __call__(self, doc: Doc) -> Doc:
        found = facts(doc)
        text = doc_text(doc)
        breaks = [m.start() for m in PARAGRAPH_END.finditer(text)]
        pieces = self._dash_pieces(text, breaks) + self._marked_pieces(text, breaks)
        pieces.sort(key=lambda p: p.start)
        quotes = self._assemble(text, pieces, found)
        found.quotes.extend(quotes)
        self.set_spans(doc, [(*q.span, "QUOTE") for q in quotes])
        return doc

    # --- finding the quoted words ---------------------------------------------------------------
    def _dash_pieces(self, text: str, breaks: list[int]) -> list[Piece]:
        pieces = []
        for m in re.finditer(r"^[ \t]*[-–—][ \t]+(?P<body>[^\n]+)$", text, re.MULTILINE):
            start, end = m.start("body"), m.end("body")
            body = m.group("body")
            if len(body.split()) < MIN_WORDS or re.match(r"^\d", body):
                continue
            piece = Piece(start, end, _para(breaks, start), dash=True)
            attribution = attribution_after_dash(self.lexicon.speech_verb_regex).search(body)
            inside = None if attribution else attribution_inside_dash(self.lexicon.speech_verb_regex).search(body)
            if attribution:
                piece.end = start + attribution.start()
                piece.speaker = attribution.group("who1") or attribution.group("who2")
                piece.explicit = True
            elif inside:
                piece.end = start + inside.start()
                piece.speaker = inside.group("who1") or inside.group("who2")
                piece.explicit = True
                pieces.append(piece)
                piece = Piece(start + inside.end(), end, piece.para, dash=True)  # the rest: the same quote goes on
            pieces.append(piece)
        return pieces

    def _marked_pieces(self, text: str, breaks: list[int]) -> list[Piece]:
        pieces = []
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            closers = MARKS.get(ch)
            if closers is None or (ch in "‘‚'\"" and i > 0 and text[i - 1].isalnum()) or (  # 4h41'07": a time
                    ch == "'" and not (i + 1 < n and text[i + 1].isalnum())):
                i += 1
                continue
            j = i + 1
            end = None
            open_ended = False
            while j < n:
                c = text[j]
                if c in closers and not (c in APOSTROPHES and (j + 1 < n and text[j + 1].isalpha()
                                                               or text[j - 1].isspace())):
                    end = j
                    break
                if c == "\n" and text[j : j + 2] == "\n\n" or (c == "\n" and j + 1 < n and text[j + 1] in MARKS):
                    end = j  # an unclosed mark runs to the paragraph end
                    open_ended = True
                    break
                j += 1
            if end is None:
                end = n
            words = text[i + 1 : end]
            if len(words.split()) >= MIN_WORDS:
                stripped_end = i + 1 + len(words.rstrip(" ,\n"))
                pieces.append(Piece(i + 1, stripped_end, _para(breaks, i), open_ended=open_ended))
            i = end + 1
        return pieces

    # --- speakers -------------------------------------------------------------------------------
    def _assemble(self, text: str, pieces: list[Piece], found: DocFacts) -> list[Quote]:
        for piece in pieces:
            if piece.explicit:
                continue
            after = attribution_after(self.lexicon.speech_verb_regex).match(CLOSING.sub("", text[piece.end : piece.end + 120]))
            if after:
                piece.speaker = after.group("who1") or after.group("who2") or after.group("who3")
                piece.explicit = True
                continue
            line_start = text.rfind("\n", 0, piece.start) + 1
            before = attribution_before(self.lexicon.speech_verb_regex).search(text[max(line_start, piece.start - 150) : piece.start - 1])
            if before:
                piece.speaker = next(g for g in (before.group(f"who{k}") for k in range(1, 5)) if g)
                piece.explicit = True
                continue
            introducer = self._introducer(text, piece, found)
            if introducer:
                piece.speaker = introducer
                piece.explicit = True
        quotes: list[Quote] = []
        last: Piece | None = None
        for piece in pieces:
            speaker = self._resolve(text, piece, found) if piece.explicit else None
            if last is not None and self._continues(text, last, piece, speaker, quotes[-1].speaker, found):
                quote = quotes[-1]
                quotes[-1] = Quote(speaker=speaker if last.open_ended and speaker else quote.speaker,
                                   text=f"{quote.text} {_words(text, piece)}", span=(quote.span[0], piece.end))
            else:
                if speaker is None:
                    same_speaker = last is not None and piece.para - last.para <= 2 and not last.open_ended
                    paragraph_start = text.rfind("\n", max(0, piece.start - INTRO_REACH), piece.start) + 1
                    introduced = _mentions(found).between(max(paragraph_start, piece.start - INTRO_REACH), piece.start)
                    if introduced:  # 'Roux was philosophical about the exit. “…”': the paragraph's own person
                        speaker = introduced[-1].name
                    else:
                        speaker = quotes[-1].speaker if same_speaker else self._last_person_before(piece.start, found)
                quotes.append(Quote(speaker=speaker, text=_words(text, piece), span=(piece.start, piece.end)))
            last = piece
        return quotes

    @staticmethod
    def _continues(text: str, last: Piece, piece: Piece, speaker, last_speaker, found: DocFacts) -> bool:
        """Is `piece` more of the quote before it?

        An unclosed quote goes on in the next paragraph (the press convention); a second quoted
        part in the same paragraph with no attribution of its own, or with the same speaker, is
        the same quote interrupted by its attribution ("A," said X. "B.").
        """
        if last.open_ended and piece.para - last.para <= 2:
            return True
        if last.dash and piece.dash and not piece.explicit and DASH_FOLLOWS.fullmatch(text, last.end, piece.start):
            return True  # '– …' lines one under the other: one speaker going on
        if piece.para != last.para:
            return False
        if piece.explicit and speaker != last_speaker:
            return False
        return not _other_person_between(last.end, piece.start, found, last_speaker)

    def _resolve(self, text: str, piece: Piece, found: DocFacts) -> str | None:
        who = piece.speaker.strip().rstrip(".")
        demonym = re.fullmatch(r"the\s+(?:\w+\s+)?(\w+)", who, re.IGNORECASE)
        code = self.lexicon.nationality_words.get(fold(demonym.group(1))) if demonym else None
        of_nation = [p for p in found.names.people() if code and p.nationality == code]
        if len(of_nation) == 1:
            return of_nation[0].name  # 'said the Spaniard': the one person the release calls Spanish
        if re.fullmatch(r"he|she|the\s+[\w-]+(?:\s+[\w-]+)?", who, re.IGNORECASE):
            return self._paragraph_subject(text, piece.start, found) or self._last_person_before(piece.start, found)
        words = _last_name_run(who, self.lexicon)
        name = " ".join(words).strip(" ,.")
        if not name:
            return self._last_person_before(piece.start, found)
        person = found.names.resolve_person(name) or self._full_name_in_text(text, words, found)
        if person is None and len(words) >= 2:
            start = text.find(name, piece.end if piece.end < len(text) else 0)
            start = start if start >= 0 else text.find(name)
            person = found.names.add(name, "person", (start, start + len(name)) if start >= 0 else None)
            person.add_role("driver")
        return person.name if person else None

    @staticmethod
    def _introducer(text: str, piece: Piece, found: DocFacts) -> str | None:
        """'Team principal Heike Weiss was pleased with the progress: „…“': a clause that ends in a
        colon right before the quote introduces it, and the first person it names speaks."""
        reach = max(0, piece.start - INTRO_REACH)  # a clause or a heading line is short: look back a little only
        clause_start = max(text.rfind(c, reach, piece.start - 1) for c in ".!?\n") + 1 or reach
        clause = text[clause_start : piece.start - 1]
        if not clause.strip():  # the quote opens its line: a name heading the line above ('EZEQUIEL BARRIONUEVO')
            newline = text.rfind("\n", max(0, clause_start - HEADING_REACH), max(0, clause_start - 1))
            if newline < 0 and clause_start > HEADING_REACH:
                return None  # no short line above
            above = text[newline + 1 : max(newline + 1, clause_start - 1)].strip(" :\t")
            person = found.names.resolve_person(above) if 0 < len(above.split()) <= 4 else None
            return person.name if person else None
        if not clause.rstrip().endswith(":"):
            return None
        named = _mentions(found).between(clause_start, piece.start - 1)
        return named[0].name if named else None

    @staticmethod
    def _full_name_in_text(text: str, words: list[str], found: DocFacts):
        """'Ribas said:' when the release wrote 'Pau Ribas' somewhere the rules did not take up."""
        if len(words) != 1:
            return None
        m = re.search(rf"\b((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]+ ){{1,2}}){re.escape(words[0])}\b", text)
        if m is None:
            return None
        person = found.names.add(m.group().strip(), "person", (m.start(), m.end()))
        person.add_role("driver")
        return person

    @staticmethod
    def _paragraph_subject(text: str, at: int, found: DocFacts) -> str | None:
        """'Kiprotich … passed Zañartu Ossandón. “…,” said the 19-year-old': the person the paragraph
        opens with, when it opens with one."""
        start = text.rfind("\n", max(0, at - INTRO_REACH), at) + 1
        first = next(iter(_mentions(found).between(start, at)), None)
        if first is None:
            return None
        opening = min(s for s, _ in first.mentions if s >= start)
        return first.name if opening - start <= SUBJECT_REACH else None

    def _last_person_before(self, at: int, found: DocFacts) -> str | None:
        person = _mentions(found).last_before(at)
        return person.name if person else None


PARTICLES = frozenset("de da do dos di del van von der den ter le la du".split())


def _last_name_run(who: str, lexicon) -> list[str]:
    """'Nordvik Motorsport team principal Hanna Ek' → ['Hanna', 'Ek']: the name ends the phrase."""
    runs: list[list[str]] = [[]]
    for word in who.replace(",", " , ").split():
        word = word.rstrip(".")
        key = fold(word)
        name_like = word[:1].isupper() and key not in lexicon.roles and key not in lexicon.name_stopwords
        if name_like or (key in PARTICLES and runs[-1]):
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    runs = [r for r in runs if r]
    return runs[-1] if runs else []


# A line break that ends a paragraph: after a sentence or a closing mark, before a blank line or an
# opening mark or dash. A typewriter's or a fax's line wrapped mid-sentence goes on in the next line.
DASH_FOLLOWS = re.compile(r"[^\n]{0,2}\n[ \t]*[-–—][ \t]+")
PARAGRAPH_END = re.compile(r"(?<=[.!?:”\"’'»«)\]])[ \t]*\n|\n(?=[ \t]*(?:\n|[“\"„«»‘'‚–—-]))|(?<=\n)\n")


def _para(breaks: list[int], at: int) -> int:
    """Paragraph number of offset `at`, from the sorted offsets of the paragraph breaks."""
    return bisect.bisect_left(breaks, at)


def _words(text: str, piece: Piece) -> str:
    return " ".join(text[piece.start : piece.end].split()).strip(" ,")


def _other_person_between(a: int, b: int, found: DocFacts, speaker: str | None) -> bool:
    return any(person.name != speaker for person in _mentions(found).between(a, b))


def _mentions(found: DocFacts) -> Positioned:
    """People's mentions by offset; rebuilt only when a quote adds a speaker."""
    count = sum(len(p.mentions) for p in found.names.people())
    cached = found.cache.get("mentions")
    if cached is None or cached[0] != count:
        cached = (count, Positioned((s, p) for p in found.names.people() for s, _ in p.mentions))
        found.cache["mentions"] = cached
    return cached[1]


make_quotes = register("rp_quotes", SPANS_KEY, QuotesFinder)
