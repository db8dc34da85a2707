"""Session 18: rules found on spent sets read under the first corpus's labelling convention,
each with a fixture in our own words (invented places, people and records)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import recalled as _recalled
from helpers import russian_incident_row as _row
from helpers import write_recorded

from tracker.ingest import ingest_text
from tracker.ingest import recorded as rec
from tracker.ingest.candidates import _event_dates, extract_results
from tracker.ingest.readers import reports_from_bytes
from tracker.schema import INC


def _results(data_dir: Path, text: str):
    """What ingestion makes of ``text`` beside the recorded incidents of ``data_dir``."""
    (report,) = reports_from_bytes(text.encode(), name="page.txt")
    return extract_results(report, recorded=rec.load_index(data_dir))


def _dates(text: str) -> list[tuple[str, str]]:
    """(date, precision) of the dated candidates."""
    return [
        (c.values["date"].isoformat(), c.values["date_precision"])
        for c in ingest_text(text)
        if c.values["date"] is not None
    ]


# The date of a document is not the date of an incident.


def test_a_date_naming_a_statement_is_not_the_incidents_day():
    text = (
        "Norland Air says jamming leaves its jets unharmed\n\n"
        "Published: 2026-01-10\n\n"
        "Norland Air flights keep flying past the Velmar coast although GPS jamming has grown "
        "there. In a January 6 statement, the airline's chief pilot said crews of its Dash 8 "
        "aircraft had lost GPS near Velmar but landed safely every time."
    )
    # Before: the statement's day became an incident on 6 January.
    assert _dates(text) == []


# The month a campaign began is not an incident's month.


@pytest.mark.parametrize("opening", ["Starting in March 2025", "Beginning in March 2025"])
def test_the_month_a_campaign_began_is_no_incidents_month(opening):
    text = (
        "Spoofing campaign sends airliners astray\n\n"
        f"{opening} and still going on, a spoofing campaign over the Eastern Mediterranean "
        "has made an aircraft's GPS show it far off course, pilots say."
    )
    # Before: one incident in March 2025.
    assert _dates(text) == []


def test_interference_ongoing_since_a_day_is_still_dated_by_that_day():
    text = (
        "Published: 2024-01-05\n\n"
        "Aircraft approaching Velmar Airport have lost GPS since 28 December, the air "
        "navigation service said, and a NOTAM warns crews of jamming."
    )
    assert ("2023-12-28", "day") in _dates(text)


# An undated page's weekday agrees with a recorded day.

VOSK = "2025-04-09-velgorod-vosk"  # a Wednesday


@pytest.fixture
def vosk_dir(tmp_path: Path) -> Path:
    rows = [
        _row(VOSK, "2025-04-09", "Near Velgorod, on the flight home from Norland", **{
             INC.aircraft: "Falcon jet carrying Defence Minister Harlan Vosk",
             INC.operator: "Norland Air Force"}),
        _row("2025-02-14-velgorod", "2025-02-14", "Velgorod Airport"),
    ]  # fmt: skip
    return write_recorded(tmp_path / "data", rows)


UNDATED = (
    "The Falcon jet carrying defence minister Harlan Vosk lost its GPS signal near Velgorod "
    "on {day}, his office said"
)


def test_an_undated_pages_weekday_that_falls_on_a_recorded_day_recalls_it(vosk_dir):
    assert _recalled(vosk_dir, UNDATED.format(day="Wednesday")) == [(VOSK, "weekday")]
    # Another weekday is another flight, or a slip: no recall.
    assert _recalled(vosk_dir, UNDATED.format(day="Friday")) == []


def test_the_recalled_candidate_takes_the_recorded_day(vosk_dir):
    text = "Minister's jet jammed\n\n" + UNDATED.format(day="Wednesday") + "."
    found = _results(vosk_dir, text).candidates
    assert [(c.values[INC.date].isoformat(), c.recorded) for c in found] == [("2025-04-09", VOSK)]
    assert "a weekday that falls on its day" in found[0].reasons[0]


# An undated page that leads with a recorded incident's names is news of it.

UNDATED_NEWS = (
    "Minister's jet flew without GPS\n\n"
    "The Falcon jet carrying defence minister Harlan Vosk lost its GPS signal near Velgorod "
    "and the crew finished the flight on radio beacons. "
    "Officials in Norland blamed jamming from across the border. "
    "{more}"
)


def _recalled_days(data_dir: Path, text: str) -> list[tuple[str, str | None]]:
    found = _results(data_dir, text).candidates
    return [(c.values[INC.date].isoformat(), c.recorded) for c in found]


def test_an_undated_page_leading_with_a_recorded_flights_names_takes_its_day(vosk_dir):
    text = UNDATED_NEWS.format(more="Vosk later said he had felt no danger on board.")
    assert _recalled_days(vosk_dir, text) == [("2025-04-09", VOSK)]


def test_an_explainer_hooked_on_a_recorded_flight_is_not_its_news(vosk_dir):
    text = UNDATED_NEWS.format(
        more="So how worried should travellers be? What is jamming? It drowns the faint "
        "satellite signal in noise, so the receiver can no longer fix a position."
    )
    assert _recalled_days(vosk_dir, text) == []


def test_a_dated_page_is_not_read_as_an_undated_copy(vosk_dir):
    # With its own publication date long after the flight, the page tells it in passing.
    text = "Published: 2025-11-20\n\n" + UNDATED_NEWS.format(more="Vosk said so again today.")
    assert VOSK not in [recorded for _, recorded in _recalled_days(vosk_dir, text)]


# Two recorded flights at one place on two days, told by their weekdays on an undated page.


@pytest.fixture
def velmar_dir(tmp_path: Path) -> Path:
    rows = [
        # a Thursday and a Friday
        _row("2025-05-15-velmar", "2025-05-15", "Velmar Airport", **{INC.operator: "Norland Air"}),
        _row("2025-05-16-velmar", "2025-05-16", "Velmar Airport", **{INC.operator: "Norland Air"}),
    ]
    return write_recorded(tmp_path / "data", rows)


def test_each_weekday_of_an_undated_page_recalls_the_flight_of_its_day(velmar_dir):
    text = (
        "Two airliners bound for Velmar turned back on Thursday and Friday after GPS "
        "jamming on the approach"
    )
    assert sorted(_recalled(velmar_dir, text)) == [
        ("2025-05-15-velmar", "weekday"),
        ("2025-05-16-velmar", "weekday"),
    ]
    # One weekday falls on one of the two days only.
    assert _recalled(velmar_dir, text.replace("Thursday and Friday", "Friday")) == [
        ("2025-05-16-velmar", "weekday")
    ]
    # A weekday on neither day recalls neither.
    assert _recalled(velmar_dir, text.replace("Thursday and Friday", "Monday")) == []


@pytest.mark.parametrize(
    "line",
    [
        "First posted online by the Norland Journal of Navigation: 14 May 2025",
        "The crew notice that Norland published back in May 2025 asks pilots to report jamming",
    ],
)
def test_the_date_a_document_came_out_is_not_an_incidents(line):
    text = (
        "Finding jamming from aircraft position reports\n\n"
        f"{line}. A method is proposed that tells when the aircraft is hit by GNSS "
        "interference over Velmar from the quality figures in its broadcasts."
    )
    # Before: the document's date dated an incident at Velmar.
    assert _dates(text) == []


DRONE_PAGE = (
    "Airports weigh drone jammers\n\n"
    "Published: 2024-03-25\n\n"
    "On the evening of 19 March, drones over Velmar Airport forced two jets to hold and the "
    "runway was shut for three hours. The airport is now testing drone jammers{gnss}."
)


def test_drones_and_drone_jammers_with_no_word_of_satellite_navigation_give_nothing():
    # Before: the two jets of 19 March were read as a jamming incident at Velmar.
    assert _dates(DRONE_PAGE.format(gnss="")) == []
    # The same page telling a GPS loss is read as before.
    told = DRONE_PAGE.format(gnss=", after one of the jets also lost GPS on the approach")
    assert ("2024-03-19", "day") in _dates(told)


def test_a_recorded_flight_recalled_weeks_before_the_pages_own_is_a_precedent(vosk_dir):
    text = (
        "Published: 2025-05-02\n\n"
        "A Norland Air Dash 8 lost GPS to jamming on approach to Tartu on 30 April and went "
        "around before landing.\n\n"
        "Pilots' unions called for action. Officials said the jamming came from the east.\n\n"
        "It follows a similar case on 9 April, when the Falcon jet carrying defence minister "
        "Harlan Vosk lost GPS near Velgorod."
    )
    results = _results(vosk_dir, text)
    assert VOSK not in [c.recorded for c in results.candidates]
    # Held back, not lost: a reviewer still finds the link below the threshold.
    (held,) = [c for c in results.skipped if c.recorded == VOSK]
    assert "a precedent, kept below the threshold" in held.reasons[-1]


def test_an_own_candidate_of_a_recorded_flight_weeks_before_the_pages_is_a_precedent(tmp_path):
    rows = [
        _row(VOSK, "2025-04-09", "Near Orsk, on the flight home from Norland", **{
             INC.aircraft: "Falcon jet carrying Defence Minister Harlan Vosk",
             INC.operator: "Norland Air Force"}),
    ]  # fmt: skip
    data = write_recorded(tmp_path / "data", rows)
    text = (
        "Published: 2025-05-02\n\n"
        "Jamming keeps worrying the region's airlines and their pilots.\n\n"
        "Officials met in Kazan to talk about it. Nobody expects it to stop soon.\n\n"
        "On 30 April a Norland Air Dash 8 lost GPS to jamming on approach to Kazan, Russia, and "
        "went around. On 9 April the Falcon jet carrying defence minister Harlan Vosk lost GPS "
        "near Orsk, Russia."
    )
    results = _results(data, text)
    assert [c.values[INC.date].isoformat() for c in results.candidates] == ["2025-04-30"]
    assert [c.recorded for c in results.skipped] == [VOSK]


def test_the_day_an_office_issues_a_paper_is_not_an_incidents():
    base = dt.date(2024, 3, 20)
    circular = (
        "Against this backdrop, the Norland regulator has again put out a two-page circular, on "
        "12 March 2024, telling crews to report GPS problems near Delhi"
    )
    advisory = "For instance, on 12 March 2024, the FAA issued a flight advisory for jamming tests"
    # Before: each paper's day was an event date of its sentence.
    assert _event_dates(circular, base) == []
    assert _event_dates(advisory, base) == []
    # The day of an event in such a sentence still counts.
    assert [m.text for m in _event_dates("On 12 March 2024 a jet lost GPS near Delhi", base)]


def test_a_weekday_on_a_page_known_only_to_its_month_agrees_with_a_recorded_day(velmar_dir):
    text = "Two airliners bound for Velmar turned back on Thursday after GPS jamming"
    index = rec.load_index(velmar_dir)

    def recalled(published: dt.date) -> list[tuple[str, str]]:
        found = rec.recalled_incidents(
            [text], rec.report_words(text), index, published=published, taken=set(),
            published_month=True,
        )  # fmt: skip
        return [(r.incident.id, r.precision) for r in found]

    # A page of May 2025 (its last day stands for the month): the Thursday may be 15 May,
    # and not the Friday recorded next to it.
    assert recalled(dt.date(2025, 5, 31)) == [("2025-05-15-velmar", "weekday")]
    # A page of June reaches back only ten days into May: too late for the 15th.
    assert recalled(dt.date(2025, 6, 30)) == []
    # A page of August 2025 is too late for a Thursday in mid-May.
    assert recalled(dt.date(2025, 8, 31)) == []


def test_a_weekday_with_its_day_number_must_agree_in_both(vosk_dir):
    # 9 April 2025 was a Wednesday: "Wednesday (9)" agrees, "Wednesday (16)" does not.
    assert _recalled(vosk_dir, UNDATED.format(day="Wednesday (9)")) == [(VOSK, "weekday")]
    assert _recalled(vosk_dir, UNDATED.format(day="Wednesday (16)")) == []
