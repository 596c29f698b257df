import random

import pytest

from releaseparse.spans import Positioned, SpanIndex


def test_span_index_agrees_with_a_plain_scan():
    rng = random.Random(7)
    spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 1000) for _ in range(200))]
    index = SpanIndex()
    for span in spans:
        index.add(*span)
    for _ in range(2000):
        s = rng.randint(0, 1050)
        e = s + rng.randint(1, 20)
        assert index.overlaps(s, e) == any(a < e and s < b for a, b in spans)
        union_contains = any(a <= s and e <= b for a, b in _union(spans))
        assert index.contains(s, e) == union_contains


def _union(spans):
    merged = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


@pytest.mark.parametrize("start, end, expected", [(0, 5, ["a"]), (5, 20, ["b", "c"]), (21, 30, [])])
def test_positioned_between(start, end, expected):
    items = Positioned([(10, "b"), (0, "a"), (15, "c")])
    assert items.between(start, end) == expected
