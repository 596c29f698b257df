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


def test_a_driver_per_line_weekend_summary(parser):
    text = ("Karting report\nOur drivers raced at the Kartódromo do Vale. Teodoro Quaresma (POR) was best.\n\n"
            "Weekend at a glance\n"
            "Teodoro Quaresma (POR): Qualifying 3rd | Heat 1 2nd | Heat 2 4th | Prefinal 2nd | Final DNF\n"
            "Ilse Vandewalle (BEL): Qualifying 12th | Heat 1 9th | Heat 2 7th | Prefinal 8th | Final 6th\n")
    found = results(parser.parse_text(text))
    assert {("Teodoro Quaresma", "Q", 3, None, "classified"), ("Teodoro Quaresma", "HEAT2", 4, None, "classified"),
            ("Teodoro Quaresma", "FINAL", None, None, "DNF"), ("Ilse Vandewalle", "PREFINAL", 8, None, "classified"),
            ("Ilse Vandewalle", "FINAL", 6, None, "classified")} <= found
    assert len(found) == 10


def test_a_table_with_a_column_per_driver_and_a_row_per_session(parser):
    text = ("Moto3 report\nOrsolya Kádár and Benedek Szilágyi had a mixed weekend.\n\n"
            "Session          Kádár      Szilágyi\n"
            "FP1              14th       25th\n"
            "Qualifying       5th        21st\n"
            "Race             4th        DNF\n")
    found = results(parser.parse_text(text))
    assert found == {("Orsolya Kádár", "FP1", 14, None, "classified"), ("Benedek Szilágyi", "FP1", 25, None, "classified"),
                     ("Orsolya Kádár", "Q", 5, None, "classified"), ("Benedek Szilágyi", "Q", 21, None, "classified"),
                     ("Orsolya Kádár", "RACE", 4, None, "classified"), ("Benedek Szilágyi", "RACE", None, None, "DNF")}


def test_car_blocks_with_qualified_and_finish_lines(parser):
    text = ("Late model report\nDakota Faircloth and Marisol Quintanilla raced at Tallow Creek Motor Speedway.\n\n"
            "No. 27 Haddix Motorsports Chevrolet – Dakota Faircloth\nPractice: 1st\nQualified: 4th\nFinish: 2nd\n"
            "Laps led: 112\n\n"
            "No. 72 Haddix Motorsports Chevrolet – Marisol Quintanilla\nPractice: 14th\nQualified: 15th\nFinish: 17th\n")
    found = results(parser.parse_text(text))
    assert found == {("Dakota Faircloth", "FP", 1, None, "classified"), ("Dakota Faircloth", "Q", 4, None, "classified"),
                     ("Dakota Faircloth", "RACE", 2, None, "classified"),
                     ("Marisol Quintanilla", "FP", 14, None, "classified"),
                     ("Marisol Quintanilla", "Q", 15, None, "classified"),
                     ("Marisol Quintanilla", "RACE", 17, None, "classified")}


def test_a_results_heading_led_by_the_event_name_is_the_race(parser):
    text = ("Late model report\nJace Wojciechowski won, and Dakota Faircloth led 112 laps. Practice was wet.\n\n"
            "TALLOW CREEK 200 – TOP FIVE\nFin  St  No.  Driver               Laps\n"
            "1    2   5    Jace Wojciechowski   200\n2    4   27   Dakota Faircloth     200\n")
    found = results(parser.parse_text(text))
    assert ("Dakota Faircloth", "RACE", 2, None, "classified") in found
    assert not {r for r in found if r[1] == "FP"}


def test_a_class_heading_and_the_overall_position_in_brackets(parser):
    text = ("Sports car report\nThe 1000 km race at Kirkbeck Park.\n\n"
            "OVERALL\n"
            " 1  Hessler / Pfaff / Wyss              Brandt Motorsport     Porsche 962C    C1   200 laps\n\n"
            "C2 CLASS\n"
            " 1 ( 9)  Ferrante / Sgobba / Ruiz       Scuderia Val Tidone   Argo JM19C      184 laps\n"
            " 2 (11)  Kettlewell / Doyle / Rautio    Rossby Motorsport     Tiga GC288      181 laps\n")
    found = results(parser.parse_text(text))
    assert {("Hessler", "RACE", 1, None, "classified"), ("Ferrante", "RACE", 1, "C2", "classified"),
            ("Ferrante", "RACE", 9, None, "classified"), ("Rautio", "RACE", 2, "C2", "classified"),
            ("Rautio", "RACE", 11, None, "classified")} <= {(d.split()[-1], *rest) for d, *rest in found}
    assert not {d for d, *_ in found} & {"Scuderia Val Tidone", "Brandt Motorsport", "Rossby Motorsport"}


def test_a_numbered_order_under_a_session_heading_but_not_the_standings_after_it(parser):
    text = ("Moto3 report\nJakub Hrubeš won from Adrián Olmedilla.\n\nRace, 22 laps – top three\n"
            "1. Jakub Hrubeš (CZE), Kralupy Moto Racing, KTM – 40'31.774\n"
            "2. Adrián Olmedilla (ESP), Aceites Baena Junior Team, Honda – +0.061\n"
            "3. Niklas Pöyhönen (FIN), Team Asagiri, KTM – +0.284\n"
            "DNF Rin Matsushige (JPN), Team Asagiri, Honda\n\n"
            "Riders' championship after round 8\n1. Jakub Hrubeš (CZE) 142\n2. Rin Matsushige (JPN) 131\n")
    found = results(parser.parse_text(text))
    assert found == {("Jakub Hrubeš", "RACE", 1, None, "classified"), ("Adrián Olmedilla", "RACE", 2, None, "classified"),
                     ("Niklas Pöyhönen", "RACE", 3, None, "classified"), ("Rin Matsushige", "RACE", None, None, "DNF")}


def test_a_stage_by_stage_table_with_a_column_per_rider(parser):
    text = ("Rally-raid report\nJoaquim Lobato (POR) and Edvaldo Kapenda (ANG) reached Tidjikja.\n\n"
            "Stage                          12 Lobato   14 Kapenda\n"
            "1  Agadir – Tan-Tan            22          41\n"
            "2  Tan-Tan – Smara             17          33\n")
    record = parser.parse_text(text)
    assert results(record) == {("Joaquim Lobato", "STAGE1", 22, None, "classified"),
                               ("Edvaldo Kapenda", "STAGE1", 41, None, "classified"),
                               ("Joaquim Lobato", "STAGE2", 17, None, "classified"),
                               ("Edvaldo Kapenda", "STAGE2", 33, None, "classified")}
    assert not {p.name for p in record.people} & {"Agadir – Tan-Tan", "Tan-Tan – Smara"}


def test_a_car_line_with_its_crew_over_a_line_of_sessions_with_class_positions(parser):
    text = ("GT report\nLachlan Brereton (AUS), Ihaia Tawhiri (NZL) and Wilma Okoye (NGR) won Pro-Am.\n\n"
            "RESULTS – CUSTOMER TEAMS\n"
            "#88 Kooringal Motorsport (Pro-Am) – Brereton (AUS) / Tawhiri (NZL) / Okoye (NGR)\n"
            "Qualifying: 9th overall, 1st Pro-Am | Race: 7th overall, 1st Pro-Am\n"
            "#55 Chaiyaporn Logistics (Am) – Wongsakul (THA) / Goh (SIN)\n"
            "Qualifying: 17th overall, 1st Am | Race: DNF (driveshaft)\n")
    found = results(parser.parse_text(text))
    crew = {"Lachlan Brereton", "Ihaia Tawhiri", "Wilma Okoye"}
    assert found == {(d, s, p, c, "classified") for d in crew
                     for s, p, c in (("Q", 9, None), ("Q", 1, "Pro-Am"), ("RACE", 7, None), ("RACE", 1, "Pro-Am"))}


def test_a_position_sharing_its_cell_with_the_crew_and_a_row_without_a_time_under_one_with_laps(parser):
    text = ("Bol report\nYannick Le Goaziou (F), Hervé Kerhervé (F), Masaharu Tokunaga (J) and Wayne Corcoran (AUS) "
            "raced.\n\nCLASSIFICATION (EXTRACT)\n"
            " 1. Le Goaziou (F) / Kerhervé (F)       Équipe Lanvéoc Endurance  Honda RVF 750     712 laps\n"
            " 2. Tokunaga (J) / Corcoran (AUS)       Team Tsubame              Yamaha FZ 750     709\n")
    assert results(parser.parse_text(text)) == {
        ("Yannick Le Goaziou", "RACE", 1, None, "classified"), ("Hervé Kerhervé", "RACE", 1, None, "classified"),
        ("Masaharu Tokunaga", "RACE", 2, None, "classified"), ("Wayne Corcoran", "RACE", 2, None, "classified")}


def test_an_order_under_a_race_heading_needs_no_times_and_hours_and_minutes_are_times(parser):
    text = ("STCC report\nMats-Ola Gräsberg won.\n\nRace 1 (18 laps)\n1. Mats-Ola Gräsberg, Team Hälsingebil, Volvo 850\n"
            "2. Kasper Lyngsie (DK), Brattström Racing, BMW 320i\nOut: Pontus Sjöbeck, Wärnlöfs Bil, Opel Vectra\n\n"
            "Championship after 5 of 8 rounds\n1. Kasper Lyngsie 124 p\n2. Mats-Ola Gräsberg 117 p\n\n"
            "RESULT - 45 laps\n 1. Jean-Loup Dartigolles (F)     Martini MK22-Renault   Écurie Montvallon   1hr 02m 14.6s\n")
    assert results(parser.parse_text(text)) == {
        ("Mats-Ola Gräsberg", "RACE1", 1, None, "classified"), ("Kasper Lyngsie", "RACE1", 2, None, "classified"),
        ("Pontus Sjöbeck", "RACE1", None, None, "DNF"), ("Jean-Loup Dartigolles", "RACE", 1, None, "classified")}


def test_a_newspaper_order_after_a_session_label_and_colon(parser):
    text = ("Airfield report\nTorbjörn Alsterlund (S) beat Clive Penhaligon (GB) and Jens Bækgaard (DK).\n\nRESULTS\n"
            "Formula Three, Heat One (10 laps): 1, T. Alsterlund (Brabham-Ford), 19m 48.0s; 2, J. Bækgaard (Lotus-Ford).\n"
            "Final (20 laps, 54 miles): 1, T. Alsterlund (Brabham-Ford), 43m 12.6s; 2, C. Penhaligon (Cooper-Ford).\n")
    assert results(parser.parse_text(text)) >= {
        ("Torbjörn Alsterlund", "HEAT1", 1, None, "classified"), ("Jens Bækgaard", "HEAT1", 2, None, "classified"),
        ("Torbjörn Alsterlund", "FINAL", 1, None, "classified"), ("Clive Penhaligon", "FINAL", 2, None, "classified")}


def test_a_table_with_a_row_per_driver_and_a_column_per_session(parser):
    text = ("F4 report\nOndřej Krejčiřík (CZE) and Femke van der Tuuk (NED) drove for the team.\n\n"
            "                        FP1  Q1   R1\n"
            "Ondřej Krejčiřík        6    5    7\n"
            "Femke van der Tuuk      19   14   DNF\n")
    assert results(parser.parse_text(text)) == {
        ("Ondřej Krejčiřík", "FP1", 6, None, "classified"), ("Ondřej Krejčiřík", "Q1", 5, None, "classified"),
        ("Ondřej Krejčiřík", "RACE1", 7, None, "classified"), ("Femke van der Tuuk", "FP1", 19, None, "classified"),
        ("Femke van der Tuuk", "Q1", 14, None, "classified"), ("Femke van der Tuuk", "RACE1", None, None, "DNF")}


def test_a_rally_line_of_stage_winners(parser):
    text = ("Rally report\nHenrique Sobreira (POR) beat Iñigo Lertxundi (ESP).\n\n"
            "Stage winners: SS1, SS2 Sobreira; SS3 Lertxundi; SS6 cancelled.\n")
    assert results(parser.parse_text(text)) == {("Henrique Sobreira", "STAGE1", 1, None, "classified"),
                                                ("Henrique Sobreira", "STAGE2", 1, None, "classified"),
                                                ("Iñigo Lertxundi", "STAGE3", 1, None, "classified")}


def test_a_numbered_class_name_is_read_whole(parser):
    text = ("IMSA report\nBrett Haldeman (USA) and Corey Ahlgren (USA) raced.\n\nGTS-2 CLASS RESULTS (top two)\n"
            "Pos (O/A)  No.  Drivers                   Car             Laps\n"
            "1 (9)      14   Brett Haldeman            Porsche 911 RSR  102\n"
            "2 (11)     77   Corey Ahlgren             Porsche 911 RSR  101\n")
    assert {("Brett Haldeman", "RACE", 1, "GTS-2", "classified"),
            ("Corey Ahlgren", "RACE", 2, "GTS-2", "classified")} <= results(parser.parse_text(text))


def test_a_heading_ending_in_classification_names_the_class_before_it(parser):
    text = ("12 h report\nJoonas Kaskela (FIN) and Olivier Dénéréaz (SUI) raced.\n\n"
            "12 HOURS OF VALMARECCHIA – GT3 PRO-AM CLASSIFICATION\n"
            "Pos  Overall  No  Team                 Drivers                              Laps\n"
            "1    5        34  Kaskela Racing       Joonas Kaskela / Petteri Haapakoski  389\n"
            "2    6        27  Équipe Chasseron     Olivier Dénéréaz / Asger Thorbjørnsen  389\n")
    found = {(d, s, p, (c or "").lower()) for d, s, p, c, _ in results(parser.parse_text(text))}
    assert {("Joonas Kaskela", "RACE", 1, "pro-am"), ("Joonas Kaskela", "RACE", 5, ""),
            ("Asger Thorbjørnsen", "RACE", 2, "pro-am"), ("Asger Thorbjørnsen", "RACE", 6, "")} <= found
