"""People and teams: full names, partial mentions, nationality, roles, team.

Rules, in the order they run:
1. Names from tables (standings, results) are already in the registry: a table is the strongest
   evidence there is.
2. Runs of capitalised words in the prose are cut at words that can't be in a name (stopwords,
   demonyms, role words) and at places the gazetteer already explains (circuits, series,
   countries). A run holding a team word ("Racing", "Competition") is a team. Any other run of two
   or more words is a person when its first word is a known first name, or when its context says
   so (a nationality code after it, a role word or a speech verb beside it).
3. Single words ("Andreas", "Bäckman", "Andreas'") resolve to the one full name they belong to.
4. Nationality from "(SWE)" after a name or a demonym before it ("the Swede", "Spanish driver");
   roles from role words beside the name; team from a team named in the same sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..facts import DocFacts, Entity, doc_text, facts
from ..resources import fold
from ..sentences import sentences
from .links import find_credits
from ..spans import Positioned, SpanIndex
from .base import LexiconPipe, register

SPANS_KEY = "rp_people"
GAZETTEER_KEY = "rp_gazetteer"

WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?|&|\d+[A-Za-z]*")
FUNCTION_WORDS = frozenset("for by with at in of and the to from as on".split())  # no team name starts before one
PARTICLES = frozenset("de da do dos das di del della van von der den ter ten le la du af zu y bin al el st".split())
SUFFIXES = frozenset("jr jr. sr sr. ii iii".split())
NAT_CODE_AFTER = re.compile(r"^\s*\(([A-Z]{1,3})(?:\)|,\s)")  # '(FRA)', '(SVK, Scuderia Monteverdi)'
# 'The 20-year-old Briton had qualified second': a demonym as the subject of the next sentence
DEMONYM_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s))The\s+(?:(?:\d+-year-old|young|experienced|veteran)\s+)?(?P<word>[A-Z][a-z]+)\b",
                             re.MULTILINE)
SPEECH_CUE = re.compile(r"^\s*(?:,\s*)?(?:who\s+)?(?:{verbs})\b|^[’']s\b", re.IGNORECASE)
POSSESSIVE = re.compile(r"^(?:[’']s?)(?=\W|$)")
MODEL_LABELS = {"PERSON": "person", "TEAM": "team"}
NOT_A_TEAM = frozenset({"national", "olympic", "the"})
# The issuer of a release, on a line of its own: 'Rennwerk Weiss – Press information', 'X | News'.
ISSUER_LINE = re.compile(r"^[ \t]*(?P<name>[A-ZÀ-Þ][\w&'’.-]*(?:[ \t]+[A-ZÀ-Þ0-9][\w&'’.-]*){1,4})[ \t]*[–—:|-][ \t]*"
                         r"(?i:press|news|media|race report|communiqu)[^\n]{0,40}$", re.MULTILINE)
HEADLINE_MAX = 200  # characters
SERIES_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,3}\s+(?i:series|championship|cup|trophy|challenge)\b")
EVENT_DISTANCE_AFTER = re.compile(r" \d{2,4}\b(?![.,:]\d)")
PLACE_BEFORE = re.compile(r"\b(?:at|near|into|through|around|over|out of|exit of|onto|track|corner|bend|hairpin)\s+(?:the\s+)?$",
                          re.IGNORECASE)


@dataclass
class Run:
    """A run of capitalised words on one line."""

    words: list[tuple[int, int, str]]

    @property
    def start(self) -> int:
        return self.words[0][0]

    @property
    def end(self) -> int:
        return self.words[-1][1]


def capitalised_runs(text: str, blocked: list[tuple[int, int]]) -> list[Run]:
    """Runs of capitalised words joined by single spaces (particles allowed inside)."""
    runs: list[Run] = []
    current: list[tuple[int, int, str]] = []
    blocked_index = SpanIndex(blocked)
    is_blocked = blocked_index.overlaps

    def flush():
        while current and current[-1][2].lower() in PARTICLES:
            current.pop()
        if current:
            runs.append(Run(list(current)))
        current.clear()

    for match in WORD.finditer(text):
        start, end, word = match.start(), match.end(), match.group()
        if word.endswith(".") and len(word) > 2 and word.lower() not in SUFFIXES:
            word, end = word[:-1], end - 1  # a sentence's full stop, not an initial
        possessive = word[-2:] in ("'s", "’s") and len(word) > 2
        if possessive:
            word, end = word[:-2], end - 2  # "Valmont Racing's Julien Ferrand": the name ends here
        capital = word[0].isupper() or word == "&"  # a number ends a name: 'Glenn Tasker 1522' 
        particle = word.lower() in PARTICLES and bool(current)
        joined = bool(current) and text[current[-1][1] : start] in (" ",)
        if current and not joined:
            flush()
        if (capital or particle) and not is_blocked(start, end):
            current.append((start, end, word))
            if possessive:
                flush()
        else:
            flush()
    flush()
    return runs


class PeopleFinder(LexiconPipe):
    resource_keys = ("first_names", "name_stopwords", "team_words", "roles", "nationalities", "speech_verbs",
                     "circuit_words", "car_makes", "statuses", "circuits")

    def __call__(self, doc: Doc) -> Doc:
        found = facts(doc)
        text = doc_text(doc)
        blocked = [(s.start_char, s.end_char) for s in doc.spans.get(GAZETTEER_KEY, [])]
        blocked += find_credits(text)  # a photographer in a credit line is not one of the release's people
        runs = capitalised_runs(text, blocked)
        shouting = all_capitals(text)
        singles: list[tuple[int, int, str]] = []
        for run in runs:
            team = self._team_of(run.words)
            if team and self.lexicon.circuit_name_regex.fullmatch(text[team[0][0] : team[-1][1]]):
                team = None  # 'Wild Horse Pass Motorsports Park' is a circuit
            if team:
                found.names.add(text[team[0][0] : team[-1][1]], "team", (team[0][0], team[-1][1]))
                continue
            for piece in self._split(run):
                if len(piece) >= 2:
                    self._classify(text, piece, found, singles, shouting)
                elif len(piece) == 1:
                    singles.append(piece[0])
        self._model_names(doc, found, blocked, shouting)
        self._issuer(text, blocked, found)
        self._join_first_names(text, found)
        found.names.merge_partials()
        self._resolve_singles(singles, found)
        self._nationalities(text, found)
        self._roles(text, found)
        self._teams_of_people(doc, text, found)
        spans = [(s, e, "PERSON" if ent.kind == "person" else "TEAM")
                 for ent in found.names.entities.values() for s, e in ent.mentions]
        self.set_spans(doc, spans)
        return doc

    # --- candidates ----------------------------------------------------------------------------
    def _split(self, run: Run) -> list[list[tuple[int, int, str]]]:
        """Cut a run at words that can't be part of a person's name."""
        lex = self.lexicon
        pieces: list[list[tuple[int, int, str]]] = [[]]
        for word in run.words:
            key = fold(word[2].rstrip("."))
            if (key in lex.name_stopwords or key in lex.car_makes or key in lex.team_words or key in lex.roles
                    or key in lex.nationality_words or key.removesuffix("s") in lex.nationality_words
                    or key in lex.statuses):  # 'the Latvians Kaspars Ozoliņš and …'
                pieces.append([])
            else:
                pieces[-1].append(word)
        for piece in pieces:  # 'Curva del Lago' cut at 'Curva' leaves 'Lago', not a person 'del Lago'
            while piece and piece[0][2][0].islower():
                piece.pop(0)
        return [p for p in pieces if p]

    def _team_of(self, words):
        """The team a run names, if it holds a team word: 'Aurora World Rally Team', not
        'Swedish National Team'; leading and trailing words that are not part of it are cut."""
        lex = self.lexicon
        keys = [fold(w[2]) for w in words]
        if not any(k in lex.team_words for k in keys) or any(k in NOT_A_TEAM or k in lex.roles for k in keys):
            return None

        def outside(word) -> bool:
            key = fold(word[2])
            if key in lex.team_words:
                return False
            return (word[2] == "&" or word[2][0].isdigit() or key in lex.name_stopwords
                    or key in lex.nationality_words or key in lex.roles)

        first_team_word = next(i for i, k in enumerate(keys) if k in lex.team_words)
        # 'SUPERSTOCK VICTORY FOR TEAM GARRIGUE ENDURANCE': the team starts after the last word it can't hold
        start = max((i + 1 for i in range(first_team_word) if keys[i] in FUNCTION_WORDS), default=0)
        while start < first_team_word and outside(words[start]):
            start += 1
        end = len(words)
        while end > start and outside(words[end - 1]):
            end -= 1
        team = words[start:end]
        last_team_word = max(i for i, w in enumerate(team) if fold(w[2]) in lex.team_words) if team else 0
        make = next((i for i in range(last_team_word + 1, len(team)) if fold(team[i][2]) in lex.car_makes), None)
        if make is not None and make >= 2:  # 'Scuderia Monteleone Corse Ferrari', 'Team Sakuragaoka Nissan'; not 'Team Lotus'
            team = team[:make]
            while len(team) > 1 and team[-1][2].lower() in PARTICLES:
                team = team[:-1]
        if team and fold(team[0][2]) in lex.car_makes and fold(team[-1][2]) not in lex.team_words:
            return None  # 'Vauxhall Astra Sport Hatch' is a car
        if len(team) >= 2 or (team and fold(team[0][2]) not in lex.team_words):
            return team
        return None

    def _classify(self, text, piece, found: DocFacts, singles, shouting: bool = False) -> None:
        start, end = piece[0][0], piece[-1][1]
        words = [w[2] for w in piece]
        if self.lexicon.circuit_name_regex.search(text[start:end]):
            return  # 'Cedar Ridge Speedway' names a place
        if any(w.isupper() and len(w) > 1 for w in words) and all(w.isupper() for w in words) and not (
                shouting and fold(words[0]) in self.lexicon.first_names):
            return  # an all-capitals heading, not a name (unless the whole release is in capitals)
        if words[-1].lower().rstrip(".") in SUFFIXES and len(words) == 2:
            return
        known = found.names.get(text[start:end])
        if known is not None:
            known.mentions.append((start, end))
            return
        first = fold(words[0])
        if (first in self.lexicon.first_names or first.split("-")[0] in self.lexicon.first_names  # 'Mats-Ola'
                or self._has_person_context(text, start, end)):
            found.names.add(text[start:end], "person", (start, end))
        else:
            singles.extend(piece)

    def _has_person_context(self, text: str, start: int, end: int) -> bool:
        after = text[end : end + 40]
        before = text[max(0, start - 40) : start]
        if NAT_CODE_AFTER.match(after) and NAT_CODE_AFTER.match(after).group(1) in self.lexicon.nationality_codes:
            return True
        verbs = self.lexicon.speech_verb_regex
        if re.match(rf"^\s*,?\s*(?:{verbs})\b", after, re.IGNORECASE):
            return True
        if re.search(rf"\b(?:{verbs})\s*$", before, re.IGNORECASE):
            return True
        tail = before.split()[-2:] if before.split() else []
        return any(fold(w.strip(",")) in self.lexicon.roles or fold(w) in self.lexicon.nationality_words
                   for w in tail)

    def _model_names(self, doc: Doc, found: DocFacts, blocked: list[tuple[int, int]], shouting: bool = False) -> None:
        """Names the statistical model proposes (`doc.ents`, when an `ner` runs before us).

        Rules go first: what a table, the gazetteer or a rule already explains keeps its reading;
        the model only adds names the rules did not find, which is what it is for (unknown people).
        """
        text = doc_text(doc)
        taken = SpanIndex(span for e in found.names.entities.values() for span in e.mentions)
        for start, end in blocked:  # the gazetteer's names and the credit lines
            taken.add(start, end)
        counts: dict[str, int] = {}
        for ent in doc.ents:
            kind, span = MODEL_LABELS.get(ent.label_), (ent.start_char, ent.end_char)
            if kind and not taken.overlaps(*span) and self._believable(ent.text, kind, text, span, shouting, counts,
                                                                        found):
                found.names.add(ent.text, kind, span)

    def _believable(self, name: str, kind: str, text: str, span: tuple[int, int], shouting: bool,
                    counts: dict[str, int], found: DocFacts) -> bool:
        """Whether a name the model alone proposes passes the checks a rule's name passes, and those
        the model's own mistakes on corpus/train and corpus/dev called for."""
        start, end = span
        if not self._plausible(name, kind) or self._begins_a_circuit_name(name, text):
            return False
        if not shouting and in_title_case_line(text, start, end):
            return False  # in capitals every line looks like a headline, so the check is off there
        if not shouting and name.isupper() and text.startswith(",", end) and (start == 0 or text[start - 1] == "\n"):
            return False  # 'CEDAR RIDGE, Ind., May 28, 2006 –': a dateline's place
        if PLACE_BEFORE.search(text, max(0, start - 12), start) or SERIES_AFTER.match(text, end):
            return False  # 'pushed wide at La Source': a corner; 'Karoo Oil National F. Ford Championship': a series
        if EVENT_DISTANCE_AFTER.match(text, end):
            return False  # 'the Harvest Moon 50', 'Tallow Creek 200': a race named by its distance
        if kind == "person":
            if len(name.split()) < 2:
                return False  # a single word resolves to a full name the rules found, or to nobody
            if not shouting and any(w[0].islower() and fold(w) not in PARTICLES for w in name.split()):
                return False  # 'Jace got': a name's words are capitalised
            if self._team_word_before(text, start):
                return False  # 'Team Lusitano Royale' is a team
            return not found_surname_first(name, found)  # 'Cavalcanti Rebouças Punta Arenillas'
        if not self._has_team_word(name):
            if name not in counts:
                counts[name] = text.count(name)
            return counts[name] >= 2  # a team without a team word must recur to be believed
        return True

    def _begins_a_circuit_name(self, name: str, text: str) -> bool:
        """'Tallow Creek' where the release also writes 'Tallow Creek Motor Speedway': a place."""
        after = self.lexicon.circuit_word_after_regex
        at = text.find(name)
        while at >= 0:
            if after.match(text, at + len(name)):
                return True
            at = text.find(name, at + 1)
        return False

    def _has_team_word(self, name: str) -> bool:
        return any(fold(w) in self.lexicon.team_words for w in re.split(r"[\s-]+", name))

    def _team_word_before(self, text: str, start: int) -> bool:
        before = text[max(0, start - 20) : start].split()
        return bool(before) and fold(before[-1]) in self.lexicon.team_words

    def _plausible(self, name: str, kind: str) -> bool:
        """The model's guess passes the checks a rule's name passes: no circuit ('Circuito de X'),
        no cut-off word ('Jacksonville-', '-Motorsport'); a person has no digit and no word a name
        can't hold ('Press Release', 'Battles'), a team is not a car ('Lamborghini Huracán')."""
        lex = self.lexicon
        if (lex.circuit_name_regex.search(name) or not (name[0].isalnum() and name[-1].isalnum())
                or fold(name) in lex.places):
            return False  # 'Monte Carlo' is a town
        keys = [fold(w.rstrip(".")) for w in name.split()]
        if kind == "person":
            return not any(c.isdigit() for c in name) and not any(
                k in lex.name_stopwords or k in lex.car_makes or k in lex.team_words
                or k in lex.nationality_words or k in lex.roles for k in keys)
        if any(k in NOT_A_TEAM or k in lex.nationality_words for k in keys):
            return False  # 'Swedish National Team', as the rules say
        return not (keys[0] in lex.car_makes and not any(k in lex.team_words for k in keys))

    def _issuer(self, text: str, blocked, found: DocFacts) -> None:
        """'Rennwerk Weiss – Press information' at the head of a release: the team that issued it."""
        head_end = text.find("\n", 600, 2000)  # the first lines, whatever their length
        head = text[: head_end if head_end >= 0 else 2000]
        taken = SpanIndex(blocked)
        for m in ISSUER_LINE.finditer(head):
            name = m.group("name")
            keys = [fold(w) for w in name.split()]
            if (taken.overlaps(m.start("name"), m.end("name")) or found.names.resolve_person(name) is not None
                    or any(k in self.lexicon.roles or k in self.lexicon.name_stopwords for k in keys)):
                continue
            found.names.add(name, "team", (m.start("name"), m.end("name")))

    def _join_first_names(self, text: str, found: DocFacts) -> None:
        """'Andreas and Jessica Bäckman' names Andreas Bäckman too (not 'Ola Berg and Rui Costa': 'Berg'
        already belongs to a name)."""
        named = SpanIndex(span for person in found.names.people() for span in person.mentions)
        for match in re.finditer(r"\b([^\W\d_]+) (?:and|&) ([^\W\d_]+) ([^\W\d_][^\s,.;:]+)", text):
            first, other_first, surname = match.groups()
            if named.overlaps(match.start(1), match.end(1)):
                continue
            full = found.names.get(f"{other_first} {surname}")
            if (full is not None and full.kind == "person" and first[0].isupper()
                    and fold(first) in self.lexicon.first_names and found.names.get(f"{first} {surname}") is None):
                found.names.add(f"{first} {surname}", "person", (match.start(1), match.end(1)))

    def _resolve_singles(self, singles, found: DocFacts) -> None:
        for start, end, word in singles:
            word = word.rstrip(".")
            person = found.names.resolve_person(word)
            if person is not None and (start, end) not in person.mentions:
                person.mentions.append((start, start + len(word)))
        # Possessives written after the name: "Andreas’ results:"
        for person in found.names.people():
            person.mentions.sort()

    # --- attributes ----------------------------------------------------------------------------
    def _nationalities(self, text: str, found: DocFacts) -> None:
        lex = self.lexicon
        for person in found.names.people():
            if person.nationality:
                continue
            for start, end in person.mentions:
                code = NAT_CODE_AFTER.match(text[end : end + 8])
                if code and code.group(1) in lex.nationality_codes:
                    person.nationality = lex.nationality_codes[code.group(1)]
                    break
                before = text[max(0, start - 60) : start]
                clause = re.split(r"[.;:!?\n]|,(?!\s*(?:the|a)\b)", before)[-1]
                demonyms = [m for m in lex.demonym_regex.finditer(clause)]
                if demonyms:
                    person.nationality = lex.nationality_words.get(fold(demonyms[-1].group()))
                    break
                after = re.match(r"^,\s+(?:the|a)\s+(?:\d+-year-old\s+)?([^\W\d_]+)", text[end : end + 40])
                if after and fold(after.group(1)) in lex.nationality_words:
                    person.nationality = lex.nationality_words[fold(after.group(1))]
                    break
        self._subject_demonyms(text, found)

    def _subject_demonyms(self, text: str, found: DocFacts) -> None:
        """'Noah Fairbairn won. The 20-year-old Briton had qualified second.': the sentence before named him."""
        mentions = Positioned((s, p) for p in found.names.people() for s, _ in p.mentions)
        for m in DEMONYM_SUBJECT.finditer(text):
            code = self.lexicon.nationality_words.get(fold(m.group("word")))
            if code is None:
                continue
            sentence_start = max(text.rfind(c, max(0, m.start() - 400), max(0, m.start() - 2)) for c in ".!?\n") + 1
            before = mentions.between(sentence_start, m.start())
            if before and before[0].nationality is None:
                before[0].nationality = code

    def _roles(self, text: str, found: DocFacts) -> None:
        lex = self.lexicon
        rider_release = len(re.findall(r"\briders?\b", text, re.I)) > len(re.findall(r"\bdrivers?\b", text, re.I))
        for person in found.names.people():
            for start, end in person.mentions:
                before = text[max(0, start - 40) : start]
                after = text[end : end + 50]
                role_before = list(lex.role_regex.finditer(before.split("\n")[-1]))
                if role_before and role_before[-1].end() >= len(before.split("\n")[-1]) - 12:
                    person.add_role(lex.roles.get(fold(role_before[-1].group())))
                role_after = re.match(r"^\s*,\s+(?:the\s+)?(?:[\w’']+\s+){0,3}?", after)
                if role_after:
                    rest = after[role_after.end():]
                    m = lex.role_regex.match(rest)
                    if m:
                        person.add_role(lex.roles.get(fold(m.group())))
            if "driver" in person.roles and rider_release:
                person.roles[person.roles.index("driver")] = "rider"
            if not person.roles:
                person.add_role("rider" if rider_release else "driver")

    def _teams_of_people(self, doc: Doc, text: str, found: DocFacts) -> None:
        """A person named in a sentence that says 'for/with TEAM' (one team only) drives for it."""
        team_mentions = Positioned((a, t) for t in found.names.teams() for a, _ in t.mentions)
        if not team_mentions.items:
            return
        people = Positioned((a, p) for p in found.names.people() for a, _ in p.mentions)
        for s, e in sentences(doc):
            here = team_mentions.between(s, e)
            if len({id(t) for t in here}) != 1:
                continue
            team = here[0]
            team_start = team_mentions.starts[bisect.bisect_left(team_mentions.starts, s)]
            if not re.search(r"\b(?:for|with|at|joins?|joined)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                             text[max(s, team_start - 40) : team_start], re.I):
                continue
            for person in people.between(s, e):
                if person.team is None:
                    person.team = team.name



def all_capitals(text: str, sample: int = 20000) -> bool:
    """A release typed in capitals throughout (telex, fax): names are capitals like every other word."""
    letters = [c for c in text[:sample] if c.isalpha()]
    return len(letters) > 200 and sum(c.islower() for c in letters) < 0.15 * len(letters)


def found_surname_first(name: str, found: DocFacts) -> bool:
    """Does `name` open with the surname of a person already found ('Cavalcanti Rebouças Punta
    Arenillas' where 'Enzo Cavalcanti Rebouças' is known)? Then it is that person and something else."""
    words = fold(name).split()
    for person in found.names.people():
        surname = fold(person.name).split()[1:]
        if surname and words[: len(surname)] == surname:
            return True
    return False


def in_title_case_line(text: str, start: int, end: int) -> bool:
    """'Ashford Battles Back To Take Fourth': in a headline every word is capitalised, so the
    model cannot tell a name from the words around it."""
    line_start = text.rfind("\n", max(0, start - HEADLINE_MAX), start) + 1
    line_end = text.find("\n", end, end + HEADLINE_MAX)
    if line_start == 0 and start > HEADLINE_MAX or line_end < 0 and end + HEADLINE_MAX < len(text):
        return False  # a line this long is no headline (and is not read again for every name on it)
    words = [w for w in text[line_start : len(text) if line_end < 0 else line_end].split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


make_people = register("rp_people", SPANS_KEY, PeopleFinder)


def entity_of(found: DocFacts, text: str) -> Entity | None:
    """The person a mention names, or None."""
    return found.names.resolve_person(text)
