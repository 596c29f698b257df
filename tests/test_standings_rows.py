import pytest

from releaseparse.components.standings import find_tables, parse_points, parse_row, parse_rows
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
        (" 1. Grant McAllister (NZ) .......................... 214", 1, "Grant McAllister", "NZL", 214),
        ("Dalton Pryor – 2nd, 846 pts (-47)", 2, "Dalton Pryor", None, 846),
        ("2. Milan Ilić (SRB)    131    -16", 2, "Milan Ilić", "SRB", 131),
        (" 11=  Callum Thewlis         38", 11, "Callum Thewlis", None, 38),
        ("3rd place – Petr Novák – 50 points", 3, "Petr Novák", None, 50),
        ("9 | Ezequiel Barrionuevo | Argentina | 121", 9, "Ezequiel Barrionuevo", "ARG", 121),
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


@pytest.mark.parametrize(
    "line, position, name, points",
    [
        ("9.  Rick Hall .............  71", 9, "Rick Hall", 71),
        ("2. Cody Whit    429 (-23)", 2, "Cody Whit", 429),
        ("1st Sofia Reyes (ESP) – 54 points", 1, "Sofia Reyes", 54),
    ],
)
def test_leaders_gaps_and_ordinals(line, position, name, points):
    row = parse_row(split_lines(line)[0], LEXICON)
    assert (row.position, row.name, row.points) == (position, name, points)


def test_a_shared_line_gives_a_row_per_name():
    rows = parse_rows(split_lines("3. Anna Berg (S) / Jo Falk (N) 44")[0], LEXICON)
    assert [(r.position, r.name, r.nationality, r.points) for r in rows] == [
        (3, "Anna Berg", "SWE", 44), (3, "Jo Falk", "NOR", 44)]


def test_tied_positions_stay_in_one_table():
    text = "Drivers 1993\n1. A Berg (D) 60\n1. K Wend (D) 60\n3. L Holm (S) 44\n"
    (table,) = find_tables(split_lines(text), LEXICON)
    assert [r.position for r in table.rows] == [1, 1, 3]


@pytest.mark.parametrize("line", ["1  22  Brett Kil  Penn Valley  200 laps", "2\tAnna Berg\t+4.512", "3  Jo Falk  1:42.331"])
def test_results_rows_are_not_standings(line):
    assert parse_row(split_lines(line)[0], LEXICON) is None


def test_pipe_and_bracketed_elisions_keep_the_table_going():
    text = ("Riders' standings\n1 | Álex Ortuño | Spain | 302\n2 | Lorenzo Castellani | Italy | 289\n"
            "… | … | … | …\n9 | Ezequiel Barrionuevo | Argentina | 121\n(…)\n12 | Tom Berg | Norway | 90\n")
    (table,) = find_tables(split_lines(text), LEXICON)
    assert [(r.position, r.name) for r in table.rows] == [(1, "Álex Ortuño"), (2, "Lorenzo Castellani"),
                                                          (9, "Ezequiel Barrionuevo"), (12, "Tom Berg")]


def test_a_table_of_team_names_under_a_heading_that_names_no_category_is_a_teams_table(parser):
    text = ("Bol report\nThe privateers scored.\n\nCOUPE DES PRIVES - AFTER ROUND 3 OF 6\n"
            " 1. Escudería Montseny     50\n 2. Moto Jaquier           40\n 3. Écurie Hesbaye         27\n")
    record = parser.parse_text(text)
    assert [t.category for t in record.standings] == ["teams"]
    assert {"Escudería Montseny", "Écurie Hesbaye"} <= {t.name for t in record.teams}
    assert not record.people


def test_points_with_a_thousands_comma(parser):
    text = ("Dirt report\nCole Ankrom leads.\n\nLATE MODEL SERIES POINTS (after 11 of 14 races)\n"
            "1. Cole Ankrom – 1,486\n2. Brady Kowal – 1,438\n14. Natalia Kowal – 911\n")
    assert [(r.position, r.name, r.points) for t in parser.parse_text(text).standings for r in t.rows] == [
        (1, "Cole Ankrom", 1486.0), (2, "Brady Kowal", 1438.0), (14, "Natalia Kowal", 911.0)]
