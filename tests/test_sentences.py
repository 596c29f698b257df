"""Sentence spans: a line break ends a sentence unless it only wraps a line of prose."""

from releaseparse.sentences import split_sentences


def sentence_texts(text):
    return [" ".join(text[s:e].split()) for s, e in split_sentences(text)]


def test_a_fax_line_wrapped_mid_sentence_goes_on():
    text = ("Harcourt Racing's #41 McLaren F1 GTR of Peter Ashworth (GB),\n"
            "Didier Lamarque (F) and Stefan Roth (D) finished third in the\n"
            "GT1 class. The LMP car retired.\n")
    assert sentence_texts(text) == [
        "Harcourt Racing's #41 McLaren F1 GTR of Peter Ashworth (GB), Didier Lamarque (F) and Stefan Roth (D) "
        "finished third in the GT1 class.", "The LMP car retired."]


def test_list_lines_and_headings_stay_apart():
    text = ("Free Practice 1: 21st place after a spin in the gravel at turn\n"
            "Race 1: 15th place\nRace 2: 16th place\nWTCR Series Standings\n1: Jean Vernay (FRA), 61 p.\n")
    assert all("\n" not in text[s:e] for s, e in split_sentences(text))


def test_the_full_stop_of_an_abbreviation_does_not_end_the_sentence():
    text = ("The tour returns on Saturday, Oct. 1, at Cherokee Bluff. The No. 27 car was second, "
            "and Mr. Haddix said no. Then it rained on Feb. Sunday.")
    assert sentence_texts(text) == ["The tour returns on Saturday, Oct. 1, at Cherokee Bluff.",
                                    "The No. 27 car was second, and Mr. Haddix said no.", "Then it rained on Feb.",
                                    "Sunday."]
