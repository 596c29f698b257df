import pytest

from releaseparse.clean import clean, normalise_source


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("[bookmark: _Hlk75787995]The siblings raced.", "The siblings raced."),
        ("the cham-\npionship leader", "the championship leader"),
        ("Jean-\nKarl Vernay", "Jean-Karl Vernay"),
        ("a ﬁne ﬂying lap", "a fine flying lap"),
        ("first page\nPage 1 of 2\nsecond page", "first page\nsecond page"),
        ("a\u00a0b\u200bc", "a bc"),
        ("end   \nnext", "end\nnext"),
    ],
)
def test_clean_removes_artefacts(raw, expected):
    assert clean(normalise_source(raw)).text == expected


def test_offsets_map_back_to_source():
    source = "[bookmark: _Hlk1]Andreas Bäckman won"
    cleaned = clean(source)
    at = cleaned.text.index("Bäckman")
    assert source[cleaned.source_offset(at):].startswith("Bäckman")


def test_windows_line_endings_are_normalised():
    assert normalise_source("a\r\nb\rc") == "a\nb\nc"
