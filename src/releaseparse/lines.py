"""Line view of a text: releases are laid out in lines (headings, result lists, table rows)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()

    def strip_span(self) -> tuple[int, int]:
        """The line's span without surrounding white space."""
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text) - len(self.text.rstrip())
        return self.start + lead, self.end - trail


def split_lines(text: str) -> list[Line]:
    lines = []
    offset = 0
    for i, raw in enumerate(text.split("\n")):
        lines.append(Line(i, offset, offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


_CELL_SPLIT = re.compile(r"[ \t]*\|[ \t]*|\t+|\s{2,}")  # the pipe first: '1      | 31' is two cells, not '1', '| 31'


def cells(line: Line) -> list[tuple[int, int, str]]:
    """Cells of a tab- or multi-space-separated row, each with its span in the text."""
    out = []
    pos = 0
    text = line.text
    for sep in [*_CELL_SPLIT.finditer(text), None]:
        end = sep.start() if sep else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            value = chunk.strip()
            s = line.start + pos + lead
            out.append((s, s + len(value), value))
        if sep:
            pos = sep.end()
    return out
