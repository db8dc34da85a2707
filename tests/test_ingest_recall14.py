"""Recall of recorded incidents, Session 14: a month told with the incident's own names, and
records that tell no particular flight (tracker.ingest.recorded).

The recorded incidents are invented and written by code into a temporary folder; the pages are
in our own words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import recalled as _recalled
from helpers import russian_incident_row as _row
from helpers import source_row, write_dataset

from tracker.ingest import recorded as rec
from tracker.ingest.candidates import extract_results
from tracker.ingest.readers import reports_from_bytes
from tracker.schema import INC, SRC

ORSK = "2025-06-14-orsk"
TAVRIA = "2025-03-08-tavria"


@pytest.fixture
def recorded_dir(tmp_path: Path) -> Path:
    """Invented incidents: a flight at Orsk named by its operator and registration, and a day of
    jamming at Tavria that many aircraft met, told with an operator of one of them."""
    rows = [
        _row(ORSK, "2025-06-14", "Orsk Airport", **{INC.operator: "Kestrelair",
             INC.aircraft: "Sukhoi Superjet (RA-89011)"}),
        _row(TAVRIA, "2025-03-08", "Tavria Airport", **{INC.operator: "Pelicanair",
             INC.aircraft: "Several aircraft of two airlines"}),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in rows]
    return write_dataset(tmp_path / "data", rows, sources)


def test_a_month_told_with_the_incidents_own_names_recalls_it_by_its_country(recorded_dir):
    told = "the Kestrelair jet RA-89011 lost GPS over Russia"
    assert _recalled(recorded_dir, f"In June 2025 {told}") == [(ORSK, "month")]
    # The month of another sentence may be another story's.
    assert _recalled(recorded_dir, f"In June 2025 crews were warned. Later {told}") == []


def test_a_record_of_many_aircraft_is_no_particular_flight_to_recall(recorded_dir):
    index = rec.load_index(recorded_dir)
    flights = {incident.id: incident.flight_named for incident in index.incidents}
    assert flights == {ORSK: True, TAVRIA: False}
    # Its place and its very day recall a particular flight anywhere on a page; an area's day
    # of jamming is told in passing by many pages that report no flight of their own, so it is
    # recalled only when the page leads with it (Session 19: the first corpus lists it then).
    told = "On 8 March 2025 Pelicanair crews lost GPS at Tavria"
    other_story = (
        "Kestrelair opened a new route to the coast this spring. Its chief said bookings were "
        "strong for the summer season. The airline also plans to lease two more jets. "
    )
    assert _recalled(recorded_dir, other_story + told) == []
    assert _recalled(recorded_dir, told) == [(TAVRIA, "day")]
    assert _recalled(recorded_dir, "On 14 June 2025 a jet lost GPS at Orsk") == [(ORSK, "day")]


@pytest.mark.parametrize(
    ("aircraft", "operator", "flight", "one_flight"),
    [
        ("Sukhoi Superjet (RA-89011)", "", "", True),
        ("", "Kestrelair", "", True),
        ("", "", "KA123", True),
        ("Several aircraft", "Kestrelair", "", False),
        ("Flights of several airlines at Orsk", "", "", False),
        ("Civil air traffic in general (NOTAM)", "", "", False),
        ("Aircraft in Russian airspace", "", "", False),
        ("21 aircraft", "", "", False),
        ("About 20 business jets", "", "", False),
        ("Arrivals at Orsk", "", "", False),
        ("Passenger aircraft (five pilot reports)", "", "", False),
        ("Aircraft and ships", "", "", False),
        ("Multiple aircraft", "", "KA123", True),
        ("", "", "", False),
    ],
)
def test_which_records_tell_one_flight(aircraft, operator, flight, one_flight):
    row = {INC.aircraft: aircraft, INC.operator: operator, INC.flight: flight}
    assert rec._names_a_flight(row) is one_flight


FRESH = (
    "Kestrelair jet lands at Orsk without satellite navigation. The crew flew the approach by "
    "ground aids after GPS jamming. Officials blamed interference from the south."
)


def test_a_page_leading_with_its_place_days_after_it_reports_it(recorded_dir):
    # Two days after the flight, the lede names Orsk and gives no day: the news of it.
    assert _recalled(recorded_dir, FRESH, dt.date(2025, 6, 16)) == [(ORSK, "fresh")]
    # Within the week after it, still its news (Session 20: a week, no longer three days);
    # more than a week later the same words may be another story.
    assert _recalled(recorded_dir, FRESH, dt.date(2025, 6, 21)) == [(ORSK, "fresh")]
    assert _recalled(recorded_dir, FRESH, dt.date(2025, 6, 22)) == []
    # A byline and a "Published" line are not the lede.
    furnished = "Published. By staff. Senior correspondent. " + FRESH
    assert _recalled(recorded_dir, furnished, dt.date(2025, 6, 16)) == [(ORSK, "fresh")]
    # Without a publication date, the page is an undated copy of that news (Session 18, the
    # first corpus's convention): it takes the recorded day.
    assert _recalled(recorded_dir, FRESH, None) == [(ORSK, "undated")]
    # Orsk only deep in the page, not in its lede.
    late = (
        "Pilots report more GPS jamming. Ground aids help. Crews train. Airlines worry. "
        "Kestrelair flew to Orsk"
    )
    assert _recalled(recorded_dir, late, dt.date(2025, 6, 16)) == []


def test_a_place_in_brackets_is_not_the_incidents_place(tmp_path):
    rows = [
        _row("2025-06-13-kara-sea", "2025-06-13", "Over the Kara Sea (jet later flown to Orsk)",
             **{INC.aircraft: "Sukhoi Superjet (RA-89011)"}),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in rows]
    index = rec.load_index(write_dataset(tmp_path / "data", rows, sources))
    (incident,) = index.incidents
    assert "orsk" in incident.words
    assert "orsk" not in incident.place_words


def test_a_range_of_days_names_each_of_its_days(recorded_dir):
    assert _recalled(recorded_dir, "On 13 and 14 June 2025 jets lost GPS at Orsk") == [
        (ORSK, "day")
    ]
    assert _recalled(recorded_dir, "On June 12-14, 2025 jets lost GPS at Orsk") == [(ORSK, "day")]
    assert _recalled(recorded_dir, "On 11 and 12 June 2025 jets lost GPS at Orsk") == []


def test_a_month_told_with_the_incidents_country_in_one_sentence(recorded_dir):
    # A gloss may drop a person's name from the sentence; its country still ties the month.
    text = "Kestrelair RA-89011 was named. In June 2025 a jet lost GPS over Russia"
    assert _recalled(recorded_dir, text) == [(ORSK, "month")]


def test_the_record_replaces_a_candidate_read_from_the_sentence_that_dates_it(recorded_dir):
    # The June sentence names only a country; read alone it takes the lede's place.
    text = (
        "Published: 2025-09-25\n\n"
        "A Spanish air force jet lost GPS on 24 September 2025 while it flew over Siauliai in "
        "Lithuania, the crew said.\n\n"
        "Incidents: on 14 June 2025 GPS jamming hit the Kestrelair jet RA-89011, Russia. Failure."
    )
    (report,) = reports_from_bytes(text.encode(), name="news.txt")
    results = extract_results(report, recorded=rec.load_index(recorded_dir), min_score=0)
    # (Told after the page's own September flight, the June one is a precedent held below the
    # threshold since Session 25: it is looked for among the skipped too.)
    june = [
        c for c in results.candidates + results.skipped if c.values["date"] == dt.date(2025, 6, 14)
    ]
    assert [c.recorded for c in june] == [ORSK]


def test_a_flight_recorded_by_its_month_is_recalled_by_its_month(tmp_path):
    rows = [
        _row("2025-02-01-brodsk", "2025-02-01", "Brodsk Airport", **{
             INC.date_precision: "month", INC.operator: "Volnair", INC.aircraft: "Dash 8"}),
        _row("2025-01-01-tavria", "2025-01-01", "Tavria Airport", **{
             INC.date_precision: "month", INC.aircraft: "Several aircraft"}),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in rows]
    data = write_dataset(tmp_path / "data", rows, sources)
    text = "In February 2025 a Volnair Dash 8 lost GPS on approach to Brodsk"
    assert _recalled(data, text) == [("2025-02-01-brodsk", "month")]
    # A month of jamming at an airport is no flight.
    assert _recalled(data, "In January 2025 a Volnair Dash 8 lost GPS at Tavria") == []
    # A record of a month has no day for fresh news to follow.
    undated = "Volnair Dash 8 lands at Brodsk without satellite navigation after jamming"
    assert _recalled(data, undated, dt.date(2025, 2, 2)) == []


def test_a_month_record_tells_one_flight_by_its_aircraft_not_by_an_operator_alone():
    row = {INC.aircraft: "", INC.operator: "Kestrelair", INC.flight: ""}
    assert rec._names_a_flight(row) is True
    assert rec._names_a_flight(row, by_operator=False) is False
    assert rec._names_a_flight({**row, INC.aircraft: "Dash 8"}, by_operator=False) is True


def test_a_weekday_on_a_page_known_only_to_its_month_says_that_month(recorded_dir):
    text = "On Thursday the Kestrelair jet RA-89011 lost GPS at Orsk"
    index = rec.load_index(recorded_dir)
    words = rec.report_words(text)

    def recalled(**dating):
        found = rec.recalled_incidents([text], words, index, taken=set(), **dating)
        return [(r.incident.id, r.precision) for r in found]

    # The page says "June 2025" only: its Thursday is some day of June.
    assert recalled(published=dt.date(2025, 6, 30), published_month=True) == [(ORSK, "month")]
    # Read as the 30th itself, Thursday is the 26th: not the 14th.
    assert recalled(published=dt.date(2025, 6, 30)) == []


def test_fresh_news_that_leads_with_two_names_of_the_flight_needs_no_place(recorded_dir):
    index = rec.load_index(recorded_dir)
    text = "The Kestrelair jet RA-89011 flew on without satellite navigation after jamming"

    def recalled(sentences, published, lede_words=None):
        found = rec.recalled_incidents(
            sentences,
            rec.report_words(text),
            index,
            published=published,
            taken=set(),
            lede_words=lede_words,
        )
        return [(r.incident.id, r.precision, r.where) for r in found]

    assert recalled([text], dt.date(2025, 6, 15)) == [(ORSK, "fresh", "its day's news")]
    # A month later, names alone say no day.
    assert recalled([text], dt.date(2025, 7, 15)) == []
    # A gloss that drops the names: the page's own lede still names them.
    glossed = ["The aircraft flew without satellite navigation after jamming"]
    assert recalled(glossed, dt.date(2025, 6, 15)) == []
    own = rec.report_words(text)
    assert recalled(glossed, dt.date(2025, 6, 15), own) == [(ORSK, "fresh", "its day's news")]
