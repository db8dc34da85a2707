"""Recall of recorded incidents, Session 14: a month told with the incident's own names, and
records that tell no particular flight (tracker.ingest.recorded).

The recorded incidents are invented and written by code into a temporary folder; the pages are
in our own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import incident_row, source_row, write_dataset

from tracker.ingest import recorded as rec
from tracker.schema import INC, SRC

ORSK = "2025-06-14-orsk"
TAVRIA = "2025-03-08-tavria"


def _row(ident: str, day: str, place: str, **kw) -> dict[str, str]:
    return incident_row(
        **{
            INC.id: ident,
            INC.date: day,
            INC.location: place,
            INC.latitude: "51.2",
            INC.longitude: "58.6",
            INC.country: "RU",
            INC.region: "Russia and Belarus",
            **kw,
        }
    )


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


def _recalled(recorded_dir, text: str):
    index = rec.load_index(recorded_dir)
    sentences = [s.strip() for s in text.split(".") if s.strip()]
    found = rec.recalled_incidents(
        sentences, rec.report_words(text), index, published=None, taken=set()
    )
    return [(r.incident.id, r.precision) for r in found]


def test_a_month_told_with_the_incidents_own_names_recalls_it_by_its_country(recorded_dir):
    told = "the Kestrelair jet RA-89011 lost GPS over Russia"
    assert _recalled(recorded_dir, f"In June 2025 {told}") == [(ORSK, "month")]
    # The month of another sentence may be another story's.
    assert _recalled(recorded_dir, f"In June 2025 crews were warned. Later {told}") == []


def test_a_record_of_many_aircraft_is_no_particular_flight_to_recall(recorded_dir):
    index = rec.load_index(recorded_dir)
    flights = {incident.id: incident.flight_named for incident in index.incidents}
    assert flights == {ORSK: True, TAVRIA: False}
    # Its place and its very day would recall a particular flight; an area's day of jamming is
    # told by many pages that report no flight of their own.
    assert _recalled(recorded_dir, "On 8 March 2025 Pelicanair crews lost GPS at Tavria") == []
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
        ("Multiple aircraft", "", "KA123", True),
        ("", "", "", False),
    ],
)
def test_which_records_tell_one_flight(aircraft, operator, flight, one_flight):
    row = {INC.aircraft: aircraft, INC.operator: operator, INC.flight: flight}
    assert rec._names_a_flight(row) is one_flight
