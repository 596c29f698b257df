"""Session names → normalised codes (SPEC.md, Sessions): 'Free Practice 1' → FP1, 'SS7' → STAGE7.

The vocabulary is data (`resources/sessions.json`); this module only builds the pattern once and
reads matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import words_regex

# A session word directly followed by one of these is something else: 'race pace', 'final lap'.
NOT_A_SESSION_AFTER = (
    r"lap|laps|corner|turn|round|rounds|day|sector|chicane|hairpin|stint|minutes?|hours?|moments?"
    r"|part|straight|weekend|engineer|director|pace|car|cars|win|wins|victory|track|team|craft"
    r"|distance|control|week|suit|seat|event|calendar|meeting|series|debut|fans|strategy|trim"
    r"|lead|leader|number|simulation|runs?|programme|program|tyres?|tires?|set-?up|standings"
    r"|position|points|podium|time|times|record|session|sessions|run|classification|order|grid"
)


@dataclass(frozen=True)
class SessionMention:
    start: int
    end: int
    code: str
    label: str


@lru_cache(maxsize=8)
def _patterns(sessions_json: str) -> tuple[re.Pattern[str], dict]:
    import json

    data = json.loads(sessions_json)
    numbered = words_regex(data["numbered"].keys())
    single = words_regex(data["single"].keys())
    openers = words_regex(data["opening_words"].keys())
    numbers = words_regex(data["number_words"].keys())
    pattern = re.compile(
        rf"\b(?:(?P<nword>{numbered})[ \-]?(?P<num>\d{{1,2}}|(?:{numbers})\b)(?![\d:.,]\d)"
        rf"|(?P<opener>{openers})[ \t]+(?P<oword>{numbered})"
        rf"|(?P<single>{single}))\b(?![ \t]+(?:{NOT_A_SESSION_AFTER})\b)(?![-–]\w)",
        re.IGNORECASE,
    )
    return pattern, data


# A lower-case 'final' or 'feature' names the session only as a noun: 'lap 22 of the feature with …'.
THE_NOUN_BEFORE = re.compile(r"\bthe[ \t]+$", re.IGNORECASE)
THE_NOUN_AFTER = re.compile(r"\s*[,.;:)]|\s+(?:with|after|when|and|but|from|behind|ahead|on\s+(?:Sunday|Saturday|lap))\b")


def find_sessions(text: str, vocabulary: dict) -> list[SessionMention]:
    """Every session named in `text`, with its code."""
    import json

    pattern, data = _patterns(json.dumps(vocabulary, sort_keys=True))
    found = []
    for m in pattern.finditer(text):
        code = session_code(m, data)
        if code:
            found.append(SessionMention(m.start(), m.end(), code, m.group()))
    return found


def session_code(m: re.Match[str], data: dict) -> str | None:
    numbered = {k.lower(): v for k, v in data["numbered"].items()}
    if m.group("nword"):
        word = " ".join(m.group("nword").lower().split())
        num_text = m.group("num").lower()
        num = int(num_text) if num_text.isdigit() else data["number_words"].get(num_text)
        if word in ("q", "ss") and m.group("nword") not in ("Q", "SS", "ss"):
            return None  # a lone lower-case 'q' or 'ss' followed by a number is not a session
        return _numbered_code(numbered[word], num)
    if m.group("opener"):
        word = " ".join(m.group("oword").lower().split())
        if word in ("q", "ss", "r"):
            return None
        num = data["opening_words"][m.group("opener").lower()]
        return _numbered_code(numbered[word], num)
    word = " ".join(m.group("single").lower().split())
    label = m.group("single")
    if word in ("final", "feature", "sprint", "superpole") and label[0].islower() and not (
            word in ("final", "feature") and THE_NOUN_BEFORE.search(m.string, max(0, m.start() - 8), m.start())
            and THE_NOUN_AFTER.match(m.string, m.end())):
        return None  # 'the final corner', 'a sprint to the flag': only 'the final,' / 'the feature with' names one
    return {k.lower(): v for k, v in data["single"].items()}.get(word)


def _numbered_code(prefix: str, num: int | None) -> str | None:
    if num is None:
        return None
    if prefix == "RACE" and num > 3:
        return None
    if prefix in ("FP", "Q") and num > 4:
        return None
    return f"{prefix}{num}"
