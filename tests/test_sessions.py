import pytest

from releaseparse.resources import Resources
from releaseparse.sessions import find_sessions

VOCABULARY = Resources.load().sessions


@pytest.mark.parametrize(
    "text, code",
    [
        ("Free Practice 1: 21st place", "FP1"),
        ("FP3: 4th", "FP3"),
        ("in the first free practice", "FP1"),
        ("Qualifying: 19th place", "Q"),
        ("out in Q2", "Q2"),
        ("Race 2 – P7", "RACE2"),
        ("in the opening race", "RACE1"),
        ("Race Two", "RACE2"),
        ("the Sprint Race", "SPRINT"),
        ("SS7 Ouninpohja", "STAGE7"),
        ("Heat 3: retired", "HEAT3"),
        ("Pre-Final: 4th", "PREFINAL"),
        ("Warm-up: P2", "WARMUP"),
        ("Shakedown: 3rd", "SHAKEDOWN"),
    ],
)
def test_session_codes(text, code):
    assert [s.code for s in find_sessions(text, VOCABULARY)][:1] == [code]


@pytest.mark.parametrize("text", ["on the final lap", "the race pace was good", "a sprint to the flag", "race engineer"])
def test_words_that_are_not_sessions(text):
    assert find_sessions(text, VOCABULARY) == []


def test_an_ordinal_ending_one_line_does_not_number_the_next():
    text = "Qualifying: 4th\nHeat 1: 3rd"
    assert [s.code for s in find_sessions(text, VOCABULARY)] == ["Q", "HEAT1"]
