"""Quote styles on small releases written for the test."""

import pytest


def quotes(parser, text):
    return [(q.speaker, q.text) for q in parser.parse_text(text).quotes]


@pytest.mark.parametrize(
    "text, speaker, words",
    [
        ("Nina Berg (SWE) was fast.\n- We had a good car all weekend, Nina Berg says.",
         "Nina Berg", "We had a good car all weekend"),
        ("“We had a good car all weekend,” said Nina Berg.", "Nina Berg", "We had a good car all weekend"),
        ("Nina Berg said: “We had a good car all weekend.”", "Nina Berg", "We had a good car all weekend."),
        ("'We had a good car all weekend,' admitted Nina Berg.", "Nina Berg", "We had a good car all weekend"),
        ("Nina Berg (SWE) won.\n„Wir hatten ein gutes Auto“, sagte Berg. Team principal Karl Holm was pleased: „We had a good car all weekend.“",
         "Karl Holm", "We had a good car all weekend."),
        ("Nina Berg (SWE) won.\n- The car was great, says Stenberg Racing team principal Karl Holm.",
         "Karl Holm", "The car was great"),
    ],
)
def test_attribution_styles(parser, text, speaker, words):
    assert (speaker, words) in quotes(parser, text)


def test_interrupted_quote_is_one_quote(parser):
    text = "“The start was good,” said Nina Berg. “After that we managed the tyres.”"
    assert quotes(parser, text) == [("Nina Berg", "The start was good After that we managed the tyres.")]


def test_unclosed_quote_continues_in_next_paragraph(parser):
    text = ("Karl Holm (NOR) and Nina Berg (SWE) raced.\n\n"
            "\"The first stint was hard for everyone.\n\n\"Then the rain came and we were quick,\" Berg said.")
    ((speaker, words),) = quotes(parser, text)
    assert speaker == "Nina Berg" and words.startswith("The first stint") and words.endswith("we were quick")


def test_apostrophes_do_not_open_quotes(parser):
    assert quotes(parser, "Nina Berg's car didn't start and the team's plan failed.") == []


def test_dash_paragraph_with_the_speaker_inside(parser):
    text = ("Tobias Lind (SWE) and Mads Holm (DEN) raced at Pau.\n\n"
            "- It was tough, says Tobias Lind. We were quicker than the cars around us.\n\n"
            "- Second place means a lot, Holm says, and now we want more.")
    assert quotes(parser, text) == [("Tobias Lind", "It was tough We were quicker than the cars around us."),
                                    ("Mads Holm", "Second place means a lot and now we want more.")]


def test_speaker_by_nationality_and_by_the_paragraph_that_introduces_the_quote(parser):
    text = ("Julián Ortega (ESP) and Kenta Shimizu (JPN) shared the bike.\n\n"
            "“The rhythm was strong all night,” admitted Shimizu.\n\n"
            "‘The wind on the straight was crazy,’ said the Spaniard.\n\n"
            "Shimizu led the early laps. Ortega was philosophical about the crash. “Sometimes a gearbox decides.”")
    assert [s for s, _ in quotes(parser, text)] == ["Kenta Shimizu", "Julián Ortega", "Julián Ortega"]


def test_a_quote_wrapped_over_typewriter_lines_is_one_paragraph(parser):
    text = ('Report\nMauro Benedetti (I) finished seventh.\n\n"The car was very good through the fast corners, especially Eau\n'
            'Rouge and Blanchimont," said Benedetti. "Seventh is a little\nfrustrating because we were so close to a point."\n')
    assert quotes(parser, text) == [("Mauro Benedetti", "The car was very good through the fast corners, especially Eau "
                                     "Rouge and Blanchimont Seventh is a little frustrating because we were so close "
                                     "to a point.")]


def test_a_name_heading_above_and_a_dash_attribution_after(parser):
    text = ("Motegi report\nEzequiel Barrionuevo was fourth. Travis Lundgren runs his crew.\n\n"
            "EZEQUIEL BARRIONUEVO\n«Honestly, I did not expect this in the wet.»\n\n"
            "“Wyatt gave up a lot of track position to make that call work” – crew chief Travis Lundgren.\n")
    assert [s for s, _ in quotes(parser, text)] == ["Ezequiel Barrionuevo", "Travis Lundgren"]


def test_said_the_19_year_old_is_the_person_the_paragraph_opens_with(parser):
    text = ("Report\nAmani Kiprotich (KEN) and Martina Zañartu Ossandón (CHI) raced.\n\n"
            "Kiprotich, the first Kenyan on a podium, passed Zañartu Ossandón on the final lap. "
            "\"Second is a dream for me and for everyone in Nairobi,\" said the 19-year-old.\n")
    assert [s for s, _ in quotes(parser, text)] == ["Amani Kiprotich"]


def test_times_with_minute_and_second_marks_are_no_quotes(parser):
    text = ("Stage 8 report\nRégis Dautrevaux (FRA) won the stage.\n\nStage 8 – provisional\n"
            "1. Régis Dautrevaux (FRA) KTM 4h41'07\"\n2. Hannes Pichlmayr (AUT) KTM +2'56\"\n"
            "3. Dewald Oosthuysen (RSA) Yamaha +7'12\"\n")
    assert quotes(parser, text) == []


def test_dash_lines_under_a_name_heading_are_one_quote_per_speaker(parser):
    text = ("STCC report\nPontus Sjöbeck and Ingela Forsgård drove for the team.\n\nTHE DRIVERS ABOUT THE WEEKEND\n\n"
            "Pontus Sjöbeck, Opel Vectra no. 14:\n– This was the weekend we have waited for since June.\n"
            "– In the second race I had Eirik in front of me for fifteen laps.\n\n"
            "Ingela Forsgård, Opel Vectra no. 15:\n– To stand in the depot on Saturday morning without an engine is not funny.\n")
    assert quotes(parser, text) == [
        ("Pontus Sjöbeck", "This was the weekend we have waited for since June. In the second race I had Eirik in front "
                           "of me for fifteen laps."),
        ("Ingela Forsgård", "To stand in the depot on Saturday morning without an engine is not funny.")]
