"""Session 16: rules found on spent real corpora, each with a fixture in our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import ingested_days as _days
from helpers import recalled as _recalled
from helpers import russian_incident_row as _row
from helpers import source_row, write_dataset

from tracker.ingest import ingest_text
from tracker.ingest import recorded as rec
from tracker.ingest.candidates import extract_results
from tracker.ingest.readers import reports_from_bytes
from tracker.schema import INC, SRC


def test_flights_taken_up_again_after_a_lede_take_the_days_of_the_sentence_before():
    text = (
        "Published: 2024-04-29\n\n"
        "Two airliners turn back in the latest suspected jamming of aircraft GPS\n"
        "Two more airliners had to turn back mid-flight over suspected Russian interference.\n"
        "Russia stands accused of risking a disaster by interfering with aircraft GPS.\n"
        "On Thursday and Friday two Finnair flights bound for Tartu turned back to Helsinki "
        "with navigation trouble.\n"
        "Specialists suspect that someone was jamming the GPS of the planes."
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


# Recorded incidents retold by their names and month (invented records, our own words).

VOSK = "2025-04-09-velgorod-vosk"


@pytest.fixture
def vosk_dir(tmp_path: Path) -> Path:
    """A minister's flight near Velgorod, and four more incidents at Velgorod: its name is in
    five records, too common to say which one a page means."""
    rows = [
        _row(VOSK, "2025-04-09", "Near Velgorod, on the flight home from Norland", **{
             INC.aircraft: "Falcon jet carrying Defence Minister Harlan Vosk",
             INC.operator: "Norland Air Force"}),
        *(_row(f"2025-0{m}-10-velgorod", f"2025-0{m}-10", "Velgorod Airport")
          for m in (1, 2, 5, 6)),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in rows]
    return write_dataset(tmp_path / "data", rows, sources)


def test_two_names_a_month_and_a_common_place_word_in_one_sentence_recall_a_flight(vosk_dir):
    told = "In April 2025 the plane carrying defence minister Harlan Vosk lost GPS"
    assert _recalled(vosk_dir, f"{told} near Velgorod") == [(VOSK, "month")]
    index = rec.load_index(vosk_dir)
    (recall,) = rec.recalled_incidents(
        [f"{told} near Velgorod"], rec.report_words(f"{told} near Velgorod"), index,
        published=None, taken=set(),
    )  # fmt: skip
    assert recall.where == "its names with its date"
    # Names and a month without a word of the place say nothing of where.
    assert _recalled(vosk_dir, told) == []
    # Nor do the names with the place in another sentence.
    assert _recalled(vosk_dir, f"{told}. Velgorod is busy") == []


def test_a_page_known_only_to_its_month_that_leads_with_a_flight_of_that_month_retells_it(
    vosk_dir,
):
    text = "The plane of defence minister Harlan Vosk lost GPS on its way home, officials said"
    index = rec.load_index(vosk_dir)

    def recalled(published):
        found = rec.recalled_incidents(
            [text], rec.report_words(text), index, published=published, taken=set(),
            published_month=True,
        )  # fmt: skip
        return [(r.incident.id, r.precision) for r in found]

    assert recalled(dt.date(2025, 4, 30)) == [(VOSK, "month")]
    # A page of May is no news of an April flight.
    assert recalled(dt.date(2025, 5, 31)) == []


def test_a_flight_the_page_tells_by_its_month_is_not_told_again_from_the_record(vosk_dir):
    text = (
        "Russia jammed the satellite signal of the plane of defence minister Harlan Vosk on its "
        "way home from Norland, officials said. The aircraft had trouble on Wednesday over "
        "Russia, pilots said."
    )
    (report,) = reports_from_bytes(text.encode(), name="page.txt")
    found = extract_results(
        report, published=dt.date(2025, 4, 30), published_month=True,
        recorded=rec.load_index(vosk_dir),
    ).candidates  # fmt: skip
    # One candidate for April 2025: the page's own (a weekday on a page of April), not a
    # second one recalled from the record by the same month.
    assert [c.values[INC.date].strftime("%Y-%m") for c in found] == ["2025-04"]


def test_a_ukrainian_ordinal_fourth_is_not_thursday():
    from tracker.ingest.languages.gloss import gloss_line

    # "On every fourth flight": the ordinal shares its first six letters with "четвер".
    assert "Thursday" not in gloss_line("глушіння GPS на кожному четвертому рейсі", "uk")
    assert "Thursday" not in gloss_line("четвертий літак", "uk")
    # The weekday itself, and its inflected forms, still are.
    assert "Thursday" in gloss_line("у четвер літак втратив GPS", "uk")
    assert "Thursday" in gloss_line("до четверга", "uk")


def test_a_latvian_quarter_is_not_thursday():
    from tracker.ingest.languages.gloss import gloss_line

    # "ceturtā daļa" (a fourth part): the short form "ceturtd" must not give the stem "ceturt".
    assert "Thursday" not in gloss_line("ceturtā daļa lidojumu", "lv")
    assert "Thursday" in gloss_line("ceturtdien lidmašīna zaudēja GPS", "lv")
    assert "Thursday" in gloss_line("ceturtdienas vakarā", "lv")


def test_a_rules_deadline_is_not_an_incident_date():
    text = (
        "Jammers and the pilot\n\n"
        "The FAA's flight advisory told pilots of a planned GPS interference test in the "
        "United States.\n\n"
        "Owners must fit GPS-based ADS-B before they may keep using controlled airspace after "
        "January 1, 2020, while the military runs ever more GPS tests.\n\n"
        "In previous GPS interference incidents, the pilot declared an emergency, but ATC did "
        "not see that the emergency was related to GPS interference."
    )
    # Before: a candidate dated 1 January 2020 in the United States.
    assert dt.date(2020, 1, 1) not in [c.values["date"] for c in ingest_text(text)]


def test_a_day_after_an_event_is_still_a_date():
    text = (
        "Published: 2024-03-05\n\nAfter March 3, 2024 a Wizz Air jet lost GPS near Larnaca "
        "on approach, the airline said."
    )
    # "after" alone, with no duty in the sentence, is not a deadline.
    assert [c.values["date"].isoformat() for c in ingest_text(text)]
