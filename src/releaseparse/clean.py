"""Text cleaning with an offset map back to the source.

Releases arrive with the leftovers of how they were stored: Word bookmarks from a .docx export,
OCR hyphenation and ligatures, running page headers. Every span of a record points into the
cleaned text, so cleaning is one pass of named substitutions whose positions are recorded; any
offset in the cleaned text can be mapped back to the text as read (`CleanText.source_offset`).
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

# Each alternative is one kind of artefact; the replacement for each is in `_replacement`.
_ARTEFACTS = re.compile(
    r"(?P<bookmark>\[bookmark:[^\]\n]*\])"
    r"|(?P<page>^[ \t]*(?:[Pp]age|PAGE)[ \t]+\d+[ \t]*(?:of|OF|/)[ \t]*\d+[ \t]*(?:\n|$))"
    r"|(?P<pagenum>^[ \t]*[-–][ \t]*\d{1,3}[ \t]*[-–][ \t]*(?:\n|$))"
    r"|(?P<hyphen>(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ]))"
    r"|(?P<namehyphen>(?<=[A-Za-zÀ-ÿ])-\n(?=[A-ZÀ-Þ]))"
    r"|(?P<ligature>[ﬀﬁﬂﬃﬄﬅﬆ])"
    r"|(?P<invisible>[\u00ad\u200b\u200c\u200d\u2060\ufeff])"
    r"|(?P<space>[\u00a0\u2002-\u200a\u202f\u205f\u3000])"
    r"|(?P<trailing>[ \t]+(?=\n))"
    r"|(?P<blanklines>\n{4,})",
    re.MULTILINE,
)

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


def _replacement(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind in ("bookmark", "page", "pagenum", "hyphen", "invisible", "trailing"):
        return ""
    if kind == "namehyphen":
        return "-"
    if kind == "ligature":
        return _LIGATURES[match.group()]
    if kind == "space":
        return " "
    return "\n\n\n"  # blanklines


@dataclass(frozen=True)
class CleanText:
    """The cleaned text and, for each replacement, (offset in cleaned text, offset in source)."""

    text: str
    anchors: list[tuple[int, int]] = field(default_factory=list)

    def source_offset(self, offset: int) -> int:
        """Map an offset of the cleaned text to the source text it came from."""
        keys = [out for out, _ in self.anchors]
        i = bisect.bisect_right(keys, offset) - 1
        if i < 0:
            return offset
        out, src = self.anchors[i]
        return src + (offset - out)


def normalise_source(raw: str) -> str:
    """Line breaks and Unicode composition, before anything is counted."""
    return unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))


def clean(source: str) -> CleanText:
    """Remove storage artefacts from `source` (already normalised) and record where."""
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = []
    out_len = 0
    last = 0
    for match in _ARTEFACTS.finditer(source):
        kept = source[last : match.start()]
        pieces.append(kept)
        out_len += len(kept)
        replacement = _replacement(match)
        pieces.append(replacement)
        out_len += len(replacement)
        last = match.end()
        anchors.append((out_len, last))
    pieces.append(source[last:])
    text = "".join(pieces)
    # Leading blank lines and trailing space carry nothing; trimming the end keeps offsets intact.
    return CleanText(text=text.rstrip(), anchors=anchors)
