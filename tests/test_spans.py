"""Every value of every corpus record carries a span inside `text` that contains the value."""

import pytest

from conftest import CORPUS
from releaseparse.resources import fold

RELEASES = sorted(p for p in CORPUS.rglob("*.txt"))


def _contains(text: str, start: int, end: int, value: str) -> bool:
    return fold(value) in fold(" ".join(text[start:end].split()))


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_spans_hold_their_values(parser, path):
    record = parser.parse_file(path)
    text = record.text
    for person in record.people:
        assert person.mentions
        assert any(_contains(text, s, e, part) for s, e in person.mentions for part in person.name.split())
    for team in record.teams:
        assert any(_contains(text, s, e, team.name) for s, e in team.mentions)
    for quote in record.quotes:
        assert _contains(text, *quote.span, quote.text.split()[0])
        assert _contains(text, *quote.span, quote.text.split()[-1])
    for table in record.standings:
        for row in table.rows:
            assert _contains(text, *row.span, row.name)
            assert table.span[0] <= row.span[0] and row.span[1] <= table.span[1]
    for result in record.results:
        assert 0 <= result.span[0] < result.span[1] <= len(text)
        assert _contains(text, *result.span, result.session_label)
    for event in record.events:
        assert 0 <= event.span[0] < event.span[1] <= len(text)
