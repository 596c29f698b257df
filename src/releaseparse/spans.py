"""Sorted span look-ups, so no step walks every span for every word (work stays linear in the text)."""

from __future__ import annotations

import bisect
from typing import Generic, Iterable, TypeVar

T = TypeVar("T")


class SpanIndex:
    """Non-overlapping union of spans: does a span overlap or sit inside any of them?"""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Insert a span, merging it with the spans it touches (bisection, no re-sort)."""
        lo = bisect.bisect_left(self._ends, start)  # first span ending at or after `start`
        hi = bisect.bisect_right(self._starts, end)  # spans starting at or before `end`
        if lo < hi:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def _around(self, start: int) -> int:
        return bisect.bisect_right(self._starts, start) - 1

    def overlaps(self, start: int, end: int) -> bool:
        i = self._around(start)
        if i >= 0 and self._ends[i] > start:
            return True
        return i + 1 < len(self._starts) and self._starts[i + 1] < end

    def contains(self, start: int, end: int) -> bool:
        i = self._around(start)
        return i >= 0 and self._starts[i] <= start and end <= self._ends[i]


class Positioned(Generic[T]):
    """Items sorted by start offset; `between(s, e)` gives those starting in [s, e) by bisection."""

    def __init__(self, items: Iterable[tuple[int, T]]):
        pairs = sorted(items, key=lambda p: p[0])
        self.starts = [p[0] for p in pairs]
        self.items = [p[1] for p in pairs]

    def between(self, start: int, end: int) -> list[T]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.items[lo:hi]

    def last_before(self, at: int) -> T | None:
        i = bisect.bisect_left(self.starts, at) - 1
        return self.items[i] if i >= 0 else None
