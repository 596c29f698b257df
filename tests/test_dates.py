from datetime import date

import pytest

from releaseparse.dates import find_dates, resolve


@pytest.mark.parametrize(
    "text, year, start, end",
    [
        ("Last weekend, June 26th-27th, the race", 2021, date(2021, 6, 26), date(2021, 6, 27)),
        ("on 9-11 July at the track", 2019, date(2019, 7, 9), date(2019, 7, 11)),
        ("the 26/27 June 1993 race", None, date(1993, 6, 26), date(1993, 6, 27)),
        ("the weekend of 10–11 June", 2000, date(2000, 6, 10), date(2000, 6, 11)),
        ("INDIANAPOLIS, May 28, 2006 -", None, date(2006, 5, 28), date(2006, 5, 28)),
        ("Sunday 14 May 2000", None, date(2000, 5, 14), date(2000, 5, 14)),
        ("from June 30th to July 2nd", 2006, date(2006, 6, 30), date(2006, 7, 2)),
        ("Wierzbów, 19.05.2024", None, date(2024, 5, 19), date(2024, 5, 19)),
        ("moves on to the Sachsenring (19.–21.08.).", 2022, date(2022, 8, 19), date(2022, 8, 21)),
        ("1000 LAKES RALLY, 29.-31.8.1997", None, date(1997, 8, 29), date(1997, 8, 31)),
        ("Race 1 – Saturday, 9 June (16 laps)", 2018, date(2018, 6, 9), date(2018, 6, 9)),
    ],
)
def test_date_expressions(text, year, start, end):
    (mention,) = find_dates(text)
    assert resolve(mention, year) == (start, end)


def test_no_year_stays_null():
    (mention,) = find_dates("July 9th-11th")
    assert resolve(mention, None) == (None, None)


@pytest.mark.parametrize("text", ["his 15th position", "4,182 km long", "after 2 of 8 race weekends", "61 p."])
def test_ordinals_and_numbers_are_not_dates(text):
    assert find_dates(text) == []


def test_two_days_joined_by_and_are_one_range():
    (mention,) = find_dates("on Saturday 8 August and Sunday 9 August 2015 at Fuji")
    assert resolve(mention, None) == (date(2015, 8, 8), date(2015, 8, 9))


@pytest.mark.parametrize(
    "text, published",
    [
        ("Report\nCEDAR RIDGE, Ind., May 28, 2006 – Dale Pruett won at Cedar Ridge Speedway.", date(2006, 5, 28)),
        ("Report\nNEWTON, Iowa (June 20, 2010) – Tyler Haskins was fourth.", date(2010, 6, 20)),
        ("Report\nSILVERSTONE, 12 July 1998 - The team scored.", date(1998, 7, 12)),
    ],
)
def test_datelines(parser, text, published):
    record = parser.parse_text(text)
    assert record.published == published
    assert [(e.role, e.start) for e in record.events] == [("reported", published)]


def test_days_of_one_meeting_are_one_event(parser):
    text = ("Fuji report\nThe fourth round of the 2015 Super GT Series was held at Fuji Speedway. "
            "Qualifying took place on Saturday 8 August and the race on Sunday 9 August 2015.")
    ((start, end),) = [(e.start, e.end) for e in parser.parse_text(text).events]
    assert (start, end) == (date(2015, 8, 8), date(2015, 8, 9))


def test_a_header_line_ending_in_a_date_is_the_publication_date(parser):
    record = parser.parse_text("Report\nKollbach Motorsport – Press release – 22 May 2006\n\nThe 2006 DTM round was held on 20/21 May 2006.")
    assert record.published == date(2006, 5, 22)
    assert [(e.role, e.start, e.end) for e in record.events] == [("reported", date(2006, 5, 20), date(2006, 5, 21))]


def test_the_circuit_goes_to_the_date_it_stands_next_to(parser):
    text = ("Spielberg report\nThe eighth round of the 2022 FIA Formula 2 Championship at the Red Bull Ring was held "
            "from 8 to 10 July, five days after the weekend at the Silverstone Circuit (1-3 July).")
    events = [(e.role, e.start, e.circuit) for e in parser.parse_text(text).events]
    assert events == [("reported", date(2022, 7, 8), "Red Bull Ring"), ("past", date(2022, 7, 1), "Silverstone Circuit")]


def test_season_year_from_a_series_heading_and_a_sentence_naming_its_own_season(parser):
    text = ("Suzuka report\nSuper Formula 2016 – Round 7 of 7\n\nThe finale at Suzuka Circuit was held on Saturday 29th "
            "and Sunday 30th October.\n\nThe 2017 season opens at Suzuka Circuit on 22–23 April.")
    events = [(e.start, e.end) for e in parser.parse_text(text).events]
    assert events == [(date(2016, 10, 29), date(2016, 10, 30)), (date(2017, 4, 22), date(2017, 4, 23))]


def test_a_fax_dateline_below_the_letterhead_and_the_race_day_it_names(parser):
    text = ("FAX\nRHEINTAL RACING\nTel 0049 555 0101\nFax 0049 555 0102\n\nPRESS INFORMATION\n\nPODIUM AT ASSEN\n\n"
            "ASSEN, 10 SEPTEMBER 1995\n\nThe team scored a podium at the TT-Circuit Assen on Sunday.\n\n"
            "QUALIFYING - SATURDAY 9TH SEPTEMBER\nJan Mulder: 4th")
    record = parser.parse_text(text)
    assert record.published == date(1995, 9, 10)
    assert [(e.start, e.end) for e in record.events] == [(date(1995, 9, 9), date(1995, 9, 10))]


def test_an_issued_line_at_the_foot_is_the_release_date_and_older_dates_are_past(parser):
    text = ("KESTREL RACING\n\nOULTON PARK - SATURDAY 7TH SEPTEMBER 1985\n\nDeclan Moriarty was second at Oulton Park "
            "on Saturday.\n\nAt Snetterton Circuit on Monday 26th August both cars crashed.\n\n"
            "Issued: Sunday 8th September 1985\n")
    record = parser.parse_text(text)
    assert record.published == date(1985, 9, 8)
    assert [(e.role, e.start, e.end) for e in record.events] == [
        ("reported", date(1985, 9, 7), date(1985, 9, 7)), ("past", date(1985, 8, 26), date(1985, 8, 26))]


def test_a_range_of_days_at_the_head_dates_the_meeting_not_the_release(parser):
    record = parser.parse_text("SANTA REPARATA 1000 KM\nAUTODROMO SANTA REPARATA, ITALY, 27-29 MAY 1988\n\n"
                               "The Tiga finished second in class.")
    assert record.published is None
    assert [(e.role, e.start, e.end) for e in record.events] == [("reported", date(1988, 5, 27), date(1988, 5, 29))]


def test_half_a_word_broken_over_two_lines_is_no_circuit_and_a_crossodromo_is_one(parser):
    fax = parser.parse_text("RALLY REPORT\nJYVASKYLA, 31 AUGUST 1997 - THE CREW SAID THEY DID NOT MAKE A MIS-\n"
                            "TAKE ALL WEEKEND IN THE RALLY OF 29.-31.8.1997.\n")
    assert all(e.circuit is None for e in fax.events)
    rx = parser.parse_text("Rallycross report\nBaldrighi was third in the final at the Crossodromo di Valmorsina "
                           "on 7-8 June 1997.\n")
    assert [e.circuit for e in rx.events] == ["Crossodromo di Valmorsina"]


def test_a_release_dated_the_day_after_names_the_race_day(parser):
    record = parser.parse_text("Dirt report\nSTOYSTOWN, Pa. (Sept. 24, 2023) – Brady Kowal came within one position "
                               "of victory on Saturday night at Blackthorn Ridge Speedway.")
    assert record.published == date(2023, 9, 24)
    assert [(e.start, e.end) for e in record.events] == [(date(2023, 9, 23), date(2023, 9, 23))]


def test_a_nordic_one_word_track_and_a_bulletin_month_giving_the_year(parser):
    swedish = parser.parse_text("STCC report\nThe fifth round was driven on 23–24 August 1997 on Tvärskogsringen "
                                "outside Kalmar.")
    assert [e.circuit for e in swedish.events] == ["Tvärskogsringen"]
    bulletin = parser.parse_text("CLUB BULLETIN\nApril 1967\n\nThe third round was run on Sunday, 5th March.")
    assert [(e.start, e.end) for e in bulletin.events] == [(date(1967, 3, 5), date(1967, 3, 5))]
