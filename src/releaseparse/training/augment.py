"""Generated copies of the training chunks, so the model learns the contexts of names, not a list.

Each copy swaps every gold person for a name made by Faker in one of many locales (with the
diacritics of their scripts, hyphenated first names, double and particle surnames), every team for
a recombined team name (a generated core with a team word before or after it), every place for
one with the same circuit words and generated proper names, and then, now and
then, writes the copy in capitals, takes its accents off, or adds OCR noise. A person keeps one
replacement throughout a chunk, so the surname-only mentions stay consistent with the full one.
Needs Faker (`pip install releaseparse[train]`).
"""

from __future__ import annotations

import random
from typing import Callable

from ..resources import Resources, strip_accents
from .data import Chunk, Mention

LOCALES = ("cs_CZ", "da_DK", "de_AT", "de_CH", "de_DE", "en_AU", "en_GB", "en_IE", "en_NZ", "en_US",
           "es_AR", "es_ES", "es_MX", "et_EE", "fi_FI", "fr_BE", "fr_CH", "fr_FR", "ga_IE", "hr_HR",
           "hu_HU", "it_IT", "lt_LT", "lv_LV", "nl_BE", "nl_NL", "no_NO", "pl_PL", "pt_BR", "pt_PT",
           "ro_RO", "sk_SK", "sl_SI", "sv_SE", "tr_TR", "id_ID", "fil_PH", "az_AZ", "ja_JP", "zu_ZA")
PARTICLES = ("van", "van der", "de", "da", "di", "von", "del", "dos", "de la", "ter")
TEAM_PREFIXES = ("Team", "Scuderia", "Équipe", "Escudería", "Equipo", "Écurie", "Squadra", "Rennsport",
                 "Raceteam", "Racing", "Autosport", "Kart", "Motorsport")
TEAM_TAILS = ("Corse", "Competición", "Competição", "Racing", "Sport", "Motorsport", "Endurance")
OCR_SWAPS = {"l": "1", "1": "l", "O": "0", "0": "O", "e": "c", "c": "e", "i": "l", "n": "u", "u": "n",
             "m": "n", "S": "5", "a": "o", ",": ".", ".": ","}


class NameMaker:
    """People and team names of many nationalities, reproducible from a seed."""

    def __init__(self, seed: int):
        from faker import Faker

        self.rng = random.Random(seed)
        self.fakers = []
        for i, locale in enumerate(LOCALES):
            fake = Faker(locale)
            fake.seed_instance(seed + i)
            _order_set_built_lists(fake)
            self.fakers.append(fake)
        res = Resources.load()
        self.team_words = [w for w in res.team_words if w[0].isupper()]
        self.circuit_words = {part for w in res.circuit_words for part in w.split()}

    def _faker(self):
        return self.rng.choice(self.fakers)

    @staticmethod
    def _name(fake, providers: tuple[str, ...]) -> str:
        """The first of `providers` the locale has (romanized names where it writes another script)."""
        for attr in providers:
            if hasattr(fake, attr):
                try:
                    return getattr(fake, attr)()
                except AttributeError:
                    continue
        return getattr(fake, providers[-1])()

    def _first(self, fake) -> str:
        return self._name(fake, ("first_romanized_name", "first_name"))

    def _last(self, fake) -> str:
        return self._name(fake, ("last_romanized_name", "last_name"))

    def person(self) -> tuple[str, str]:
        """(first name, surname)."""
        fake = self._faker()
        first, last = self._first(fake), self._last(fake)
        roll = self.rng.random()
        if roll < 0.15:
            first = f"{first}-{self._first(fake)}"
        elif roll < 0.22:
            first = f"{first[0]}."
        roll = self.rng.random()
        if roll < 0.2:
            last = f"{last}-{self._last(fake)}"
        elif roll < 0.3:
            last = f"{last} {self._last(fake)}"
        elif roll < 0.38:
            particle = self.rng.choice(PARTICLES)
            last = f"{particle.capitalize() if self.rng.random() < 0.3 else particle} {last}"
        return first.replace(" ", "-"), last

    def team(self) -> str:
        fake = self._faker()
        core = self.rng.choice([fake.last_name, fake.city, self._last_of_any])()
        core = " ".join(core.split()[:2])
        roll = self.rng.random()
        if roll < 0.1:
            return f"{self.rng.choice(TEAM_PREFIXES)} {core} {self.rng.choice(TEAM_TAILS)}"
        if roll < 0.4:
            return f"{self.rng.choice(TEAM_PREFIXES)} {core}"
        suffix = self.rng.choice(self.team_words)
        if self.rng.random() < 0.2:
            suffix = f"{suffix} {self.rng.choice(self.team_words)}"
        return f"{core} {suffix}"

    def place(self, name: str) -> str:
        """A place like `name`: its circuit words and particles kept, its other words generated."""
        words = []
        for word in name.split():
            if word in self.circuit_words or word.lower() == word or len(word) <= 2:
                words.append(word)
            else:
                fake = self._faker()
                words.append(self.rng.choice([fake.city, fake.last_name])().split()[0])
        return " ".join(words)

    def _last_of_any(self) -> str:
        return self._last(self._faker())


def _order_set_built_lists(fake) -> None:
    """Sort the provider lists Faker builds from a set, so a seed gives the same names in every process.

    it_IT's address provider makes `cities` with `list({...})`, whose order follows Python's string
    hash, which changes per process (PYTHONHASHSEED); without this, two trainings differ.
    """
    for provider in fake.providers:
        for attr in ("cities",):
            values = getattr(provider, attr, None)
            if isinstance(values, list):
                setattr(provider, attr, sorted(values))


def _per_char(text: str, change: Callable[[str], str]) -> str:
    """Apply `change` to each character where it keeps the length (offsets stay valid)."""
    out = []
    for c in text:
        new = change(c)
        out.append(new if len(new) == 1 else c)
    return "".join(out)


def swap_names(chunk: Chunk, maker: NameMaker) -> Chunk:
    """The chunk with every gold name replaced by a generated one (mentions moved to match)."""
    people: dict[str, tuple[str, str]] = {}
    others: dict[tuple[str, str], str] = {}
    pieces, mentions, cursor, length = [], [], 0, 0
    for m in chunk.mentions:
        if m.label == "PERSON":
            first, last = people.setdefault(m.name, maker.person())
            new = last if m.part == "surname" else f"{first} {last}"
            if chunk.text[m.start:m.end].isupper():
                new = new.upper()
        elif m.label == "TEAM":
            new = others.setdefault((m.label, m.name), maker.team())
        elif m.label == "PLACE":
            new = others.setdefault((m.label, m.name), maker.place(chunk.text[m.start:m.end]))
        else:
            new = chunk.text[m.start:m.end]
        before = chunk.text[cursor:m.start]
        pieces += [before, new]
        length += len(before)
        mentions.append(Mention(length, length + len(new), m.label, m.name, m.part))
        length += len(new)
        cursor = m.end
    pieces.append(chunk.text[cursor:])
    return Chunk("".join(pieces), mentions)


def noisy(chunk: Chunk, rng: random.Random) -> Chunk:
    """Sometimes capitals, no accents or OCR noise; lengths are kept so mentions stay put."""
    text = chunk.text
    roll = rng.random()
    if roll < 0.08:
        text = _per_char(text, str.upper)
    elif roll < 0.16:  # surnames in capitals, as some releases write them
        chars = list(text)
        for m in chunk.mentions:
            if m.label == "PERSON":
                last = text.rfind(" ", m.start, m.end) + 1 or m.start
                chars[max(last, m.start):m.end] = _per_char(text[max(last, m.start):m.end], str.upper)
        text = "".join(chars)
    if rng.random() < 0.15:
        text = _per_char(text, strip_accents)
    if rng.random() < 0.15:
        text = "".join(OCR_SWAPS.get(c, c) if rng.random() < 0.02 else c for c in text)
    return Chunk(text, chunk.mentions)


def augment_chunks(chunks: list[Chunk], copies: int, seed: int) -> list[Chunk]:
    """The original chunks plus `copies` generated variants of each chunk that names someone."""
    maker = NameMaker(seed)
    rng = random.Random(seed)
    out = list(chunks)
    for chunk in chunks:
        n = copies if chunk.mentions else max(1, copies // 4)
        for _ in range(n):
            out.append(noisy(swap_names(chunk, maker), rng))
    return out
