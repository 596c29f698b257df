import pytest

from releaseparse.components.standings import find_tables, parse_points, parse_row
from releaseparse.lexicon import Lexicon
from releaseparse.lines import split_lines
from releaseparse.resources import Resources

LEXICON = Lexicon(Resources.load().as_dict())


@pytest.mark.parametrize(
    "line, position, name, nationality, points",
    [
        ("1: Jean Dupont (FRA), 61 p.", 1, "Jean Dupont", "FRA", 61),
        ("2. Karl Meyer (D) 56 pts", 2, "Karl Meyer", "DEU", 56),
        ("P3 Tom Walker 245", 3, "Tom Walker", None, 245),
        ("11: Target Competition, 3 p.", 11, "Target Competition", None, 3),
        ("4\tMika Salo\tFIN\t17", 4, "Mika Salo", "FIN", 17),
        ("5.   Nina Berg      (SWE)     12.5", 5, "Nina Berg", "SWE", 12.5),
    ],
)
def test_row_shapes(line, position, name, nationality, points):
    row = parse_row(split_lines(line)[0], LEXICON)
    assert (row.position, row.name, row.nationality, row.points) == (position, name, nationality, points)


def test_elision_keeps_real_positions():
    text = "Drivers' standings 2020\n1: A Driver (FRA), 61 p.\n2: B Driver (ITA), 50 p.\n–\n21: C Driver (SWE), 2 p.\n"
    (table,) = find_tables(split_lines(text), LEXICON)
    assert [r.position for r in table.rows] == [1, 2, 21]


@pytest.mark.parametrize("text, points", [("61 p.", 61), ("17.5 pts", 17.5), ("none", None)])
def test_parse_points(text, points):
    assert parse_points(text) == points
