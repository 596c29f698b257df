"""Results from tables and prose, on small releases written for the test."""


def results(record):
    return {(r.driver, r.session, r.position, r.classification, r.status) for r in record.results}


def test_class_and_class_position_columns_give_both_orders(parser):
    text = ("Spa report\nThe team raced at Spa.\n\nClassification extract\n"
            "Pos\tClass\tCl. Pos\tNo.\tDrivers\tTeam\tLaps\n"
            "6\tLMP2\t1\t23\tMarco Lentini / Sacha Bellamy\tOrbis Motorsport\t139\n"
            "23\tGTE Am\t1\t71\tRafael Quintana / Piotr Zawadzki\tAurelia Racing\t126\n")
    found = results(parser.parse_text(text))
    assert {("Marco Lentini", "RACE", 6, None, "classified"), ("Sacha Bellamy", "RACE", 1, "LMP2", "classified"),
            ("Piotr Zawadzki", "RACE", 23, None, "classified"), ("Rafael Quintana", "RACE", 1, "GTE Am", "classified")} <= found


def test_a_class_top_three_in_a_pipe_table(parser):
    text = ("Daytona report\nThe 24-hour race at Daytona.\n\nGTD – TOP THREE\n"
            "Class Pos | Overall | No. | Team                  | Drivers                        | Laps\n"
            "1         | 31      | 57  | Blue Heron Motorsport | Caleb Whitford / Hiroki Ando   | 702\n"
            "2         | 32      | 12  | Cascade Peak Racing   | Daniel Okafor / Liam Brennan   | 702\n")
    record = parser.parse_text(text)
    assert ("Daniel Okafor", "RACE", 2, "GTD", "classified") in results(record)
    assert ("Liam Brennan", "RACE", 32, None, "classified") in results(record)
    assert not record.standings and "Blue Heron Motorsport" not in {p.name for p in record.people}


def test_prose_orders_crews_and_the_names_a_position_implies(parser):
    text = ("Kansas report\n"
            "Joost van der Meulen (NL) and Henrik Sandqvist (S) brought the car home second in the GT2 class and "
            "ninth overall.\n\n"
            "Lukas Marten won the final ahead of Tom Whitby and Ola Berg. Jace Holt had to settle for fifth behind "
            "Lukas Marten, Tom Whitby, Ola Berg and Rui Costa.")
    found = {(d, p, c) for d, _, p, c, _ in results(parser.parse_text(text))}
    assert {("Henrik Sandqvist", 2, "GT2"), ("Joost van der Meulen", 9, None), ("Tom Whitby", 2, None),
            ("Ola Berg", 3, None), ("Rui Costa", 4, None), ("Jace Holt", 5, None)} <= found


def test_a_finish_after_a_pole_and_a_flag_taken_first_in_class(parser):
    text = ("Indy report\nAaron Delacroix won the race, while Kyle Brandtner, who won the pole in qualifying, "
            "finished second.\n\nThe car of Caleb Whitford and Daniel Okafor took the checkered flag first in GTD "
            "and was 31st overall.")
    found = {(d, s, p, c) for d, s, p, c, _ in results(parser.parse_text(text))}
    assert {("Kyle Brandtner", "RACE", 2, None), ("Kyle Brandtner", "Q", 1, None), ("Daniel Okafor", "RACE", 1, "GTD"),
            ("Caleb Whitford", "RACE", 31, None)} <= found
    assert ("Caleb Whitford", "RACE", 1, None) not in found


def test_bullets_class_wins_and_places_along_the_way(parser):
    text = ("Red Bull Ring report\nRace 1 and Race 2 were held at the Red Bull Ring.\n\n"
            "For Sunday's Race 2 the top ten of qualifying were reversed. Lena Berg came home seventh overall and "
            "took the Junior win. Nico Ferro had been running fifth when he retired on lap 12.\n\n"
            "Aurélien Vasseur (FRA)\n• Free Practice 1: P7\n• Race 1: P6\n")
    found = {(d, s, p, c) for d, s, p, c, _ in results(parser.parse_text(text))}
    assert {("Lena Berg", "RACE2", 7, None), ("Lena Berg", "RACE2", 1, "Junior"), ("Aurélien Vasseur", "FP1", 7, None),
            ("Aurélien Vasseur", "RACE1", 6, None)} <= found
    assert not any(d == "Nico Ferro" and p == 5 for d, _, p, _ in found)
