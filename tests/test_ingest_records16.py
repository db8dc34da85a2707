"""Session 16: rules found on spent real corpora, each with a fixture in our own words."""

from __future__ import annotations

from tracker.ingest import ingest_text


def _days(text: str) -> list[str]:
    return sorted(c.values["date"].isoformat() for c in ingest_text(text))


def test_flights_taken_up_again_after_a_lede_take_the_days_of_the_sentence_before():
    text = (
        "Published: 2024-04-29\n\n"
        "Two airliners turn back in the latest suspected jamming of aircraft GPS\n"
        "Two more airliners had to turn back mid-flight over suspected Russian interference.\n"
        "Russia stands accused of risking a disaster by interfering with aircraft GPS.\n"
        "Two Finnair flights from Helsinki to Tartu had to return to Finland on Thursday and "
        "Friday because of trouble with their navigation.\n"
        "Experts believe the planes' GPS signals may have been jammed."
    )
    # Before: the lede made an undated incident first, so the days of the sentence before the
    # problem sentence were not read as its days; only Thursday was found, by the nearest date.
    assert _days(text) == ["2024-04-25", "2024-04-26"]


# NOTAMs as briefings and NOTAM searches print them (our own NOTAM texts).


def _one(text: str):
    (found,) = ingest_text(text)
    return found.values


def test_a_briefings_readable_validity_dates_a_notam():
    values = _one(
        "LCCC  A0456/24\n"
        "Q) LCCC/QGWXX/IV/NBO/E/000/999/3500N03300E080\n"
        "E) GNSS SIGNAL INTERFERENCE MAY AFFECT GNSS BASED NAVIGATION WITHIN NICOSIA FIR.\n"
        "FROM: 24 MAR 2024 08:00 TO: 24 JUN 2024 23:59 EST\n"
    )
    assert (values["date"].isoformat(), values["end_date"].isoformat()) == (
        "2024-03-24",
        "2024-06-24",
    )
    # The number before the Q-line names the NOTAM.
    assert values["location"] == "LCCC FIR NOTAM A0456/24"


def test_validity_stamps_after_from_and_to_date_a_notam_without_items_b_and_c():
    values = _one(
        "Q) EPWW/QGWXX/IV/NBO/E/000/350/5430N01820E100\n"
        "E) GNSS JAMMING REPORTED OVER THE GDANSK BAY AREA. FROM 2404010000 TO 2406302359\n"
    )
    assert (values["date"].isoformat(), values["end_date"].isoformat()) == (
        "2024-04-01",
        "2024-06-30",
    )


def test_a_notam_without_a_q_line_is_placed_by_the_fir_it_names():
    values = _one(
        "A1102/25 - GNSS INTERFERENCE REPORTED NEAR THE KALININGRAD FIR BOUNDARY. GNSS BASED "
        "NAVIGATION MAY BE UNRELIABLE. SFC - FL450, 10 MAR 06:00 2025 UNTIL 10 JUN 23:59 2025 "
        "ESTIMATED. CREATED: 09 MAR 15:12 2025\n"
    )
    assert values["location"] == "Kaliningrad FIR NOTAM A1102/25"
    assert values["country"] == "RU"
    assert values["latitude"] is not None
    # The day it was created is not the day it starts.
    assert values["date"].isoformat() == "2025-03-10"


def test_a_notam_without_a_q_line_for_an_aerodrome_is_placed_at_the_aerodrome():
    values = _one(
        "LCLK  A0321/24 - GNSS JAMMING AFFECTING APPROACHES. GNSS BASED RNP APPROACHES MAY BE "
        "UNAVAILABLE. 02 APR 06:00 UNTIL 30 APR 23:59\n"
    )
    assert values["geocode_precision"] == "airport"
    assert values["country"] == "CY"
    assert "(LCLK)" in values["location"]
    # No year written: the NOTAM number's year.
    assert values["date"].isoformat() == "2024-04-02"


def test_a_notam_without_a_q_line_for_an_fir_is_placed_in_its_country():
    values = _one(
        "EPWW  A0400/24 - GNSS SIGNAL UNRELIABLE DUE TO INTERFERENCE IN THE NORTH OF THE "
        "REGION. FROM 2404010000 TO 2406302359\n"
    )
    assert (values["country"], values["geocode_precision"]) == ("PL", "country")


def test_a_bare_notam_about_something_else_gives_nothing():
    text = (
        "EPWA  A0999/24 - RWY 11/29 CLOSED FOR MAINTENANCE WORKS. 01 MAY 2024 22:00 UNTIL "
        "02 MAY 2024 04:00\n"
    )
    assert ingest_text(text) == []


def test_prose_that_quotes_a_notam_number_is_read_as_news():
    text = (
        "Published: 2024-04-03\n\n"
        "A0321/24 - that was the notice Cyprus issued after a week of trouble.\n"
        "On Tuesday an Aegean Airbus lost GPS on approach to Larnaca and the crew flew a "
        "conventional approach instead, the airline said."
    )
    (found,) = ingest_text(text)
    assert found.values["geocode_source"] != "notam"
    assert found.values["date"].isoformat() == "2024-04-02"
