"""Recorded incidents a page retells with their date (tracker.ingest.recorded.recalled_incidents).

A retelling that extraction reads no candidate from (a rough gloss, an old story told in
passing) still names the incident's place and its day. The recorded incidents are invented and
written by code into a temporary folder; the pages are in our own words.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import recalled as _recalled
from helpers import russian_incident_row as _row
from helpers import snapshot, source_row, write_dataset

from tracker import dataset
from tracker.cli import main
from tracker.ingest import recorded as rec
from tracker.ingest.assess import APPLY_MIN_SCORE
from tracker.ingest.candidates import extract_results
from tracker.ingest.readers import reports_from_bytes
from tracker.schema import INC, SRC

ORSK = "2025-06-14-orsk"


@pytest.fixture
def recorded_dir(tmp_path: Path) -> Path:
    """Invented incidents: a flight at Orsk; two at Brodsk told alike on consecutive days; a
    month of jamming at Tavria; and a flight told with Orsk's place word on the day before."""
    rows = [
        _row(ORSK, "2025-06-14", "Orsk Airport", **{INC.operator: "Kestrelair",
             INC.aircraft: "Sukhoi Superjet (RA-89011)",
             INC.summary: "A Kestrelair jet lost GPS on approach to Orsk and diverted."}),
        _row("2025-03-01-brodsk", "2025-03-01", "Brodsk Airport", **{INC.operator: "Volnair"}),
        _row("2025-03-02-brodsk", "2025-03-02", "Brodsk Airport", **{INC.operator: "Volnair"}),
        _row("2025-02-01-tavria", "2025-02-01", "Tavria Airport", **{
             INC.date_precision: "month", INC.operator: "Pelicanair"}),
        _row("2025-06-13-orsk-ferry", "2025-06-13", "Ferry flight later sent to Orsk", **{
             INC.operator: "Kestrelair"}),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in rows]
    return write_dataset(tmp_path / "data", rows, sources)


def test_a_page_naming_the_place_and_the_day_recalls_the_incident(recorded_dir):
    text = "Crews remember 14 June 2025, when jamming hit the approach to Orsk"
    assert _recalled(recorded_dir, text) == [(ORSK, "day")]
    # Another day at the same place is another story.
    assert _recalled(recorded_dir, "Crews remember 20 June 2025 at Orsk") == []


def test_a_day_without_a_year_is_read_in_the_incidents_year(recorded_dir):
    assert _recalled(recorded_dir, "Since the Orsk diversion of 14 June, crews check") == [
        (ORSK, "day")
    ]


def test_a_weekday_counts_from_a_publication_date_or_agrees_with_the_record(recorded_dir):
    text = "On Saturday jamming hit a flight to Orsk"
    # 14 June 2025 was a Saturday.
    assert _recalled(recorded_dir, text, published=dt.date(2025, 6, 16)) == [(ORSK, "day")]
    # Undated, the weekday cannot be counted, but it agrees with the record's day (Session 18).
    assert _recalled(recorded_dir, text) == [(ORSK, "weekday")]
    assert _recalled(recorded_dir, text.replace("Saturday", "Sunday")) == []


def test_a_page_published_before_the_incident_cannot_retell_it(recorded_dir):
    text = "Crews remember 14 June 2025 at Orsk"
    assert _recalled(recorded_dir, text, published=dt.date(2025, 6, 1)) == []


def test_a_month_needs_a_second_name_and_its_year(recorded_dir):
    assert _recalled(recorded_dir, "In June 2025 a jet to Orsk lost GPS") == []
    assert _recalled(recorded_dir, "In June the jet RA-89011 to Orsk lost GPS") == []
    # The registration is the Orsk jet's alone; Kestrelair and Orsk name the ferry flight of
    # the same month too, with less evidence: no guess between them is needed.
    assert _recalled(recorded_dir, "In June 2025 the Kestrelair jet RA-89011 to Orsk lost GPS") == [
        (ORSK, "month")
    ]
    # The same words for both: a month cannot tell them apart.
    assert _recalled(recorded_dir, "In June 2025 a Kestrelair jet to Orsk lost GPS") == []


def test_a_day_next_to_the_incidents_day_needs_a_second_name(recorded_dir):
    # A local date past midnight, or a page's slip: 15 June for the flight of the 14th.
    assert _recalled(recorded_dir, "On 15 June 2025 a jet to Orsk lost GPS") == []
    assert _recalled(recorded_dir, "On 15 June 2025 the jet RA-89011 to Orsk lost GPS") == [
        (ORSK, "near")
    ]


def test_two_incidents_told_alike_are_not_told_apart_by_a_month(recorded_dir):
    assert _recalled(recorded_dir, "In March 2025 Volnair crews at Brodsk lost GPS") == []
    # The 2nd is named; the 1st, a day away, is only next to it: no second incident.
    assert _recalled(recorded_dir, "On 2 March 2025 Volnair crews at Brodsk lost GPS") == [
        ("2025-03-02-brodsk", "day")
    ]
    # The 3rd is next to the 2nd alone.
    assert _recalled(recorded_dir, "On 3 March 2025 Volnair crews at Brodsk lost GPS") == [
        ("2025-03-02-brodsk", "near")
    ]


def test_a_recorded_month_of_jamming_is_no_flight_to_retell(recorded_dir):
    assert _recalled(recorded_dir, "In February 2025 Pelicanair crews at Tavria lost GPS") == []


def test_an_incident_already_linked_is_not_recalled_again(recorded_dir):
    text = "Crews remember 14 June 2025 at Orsk"
    assert _recalled(recorded_dir, text, taken={ORSK}) == []


def test_names_that_belong_to_an_incident_the_page_tells_recall_nothing_more(recorded_dir):
    text = "On 13 June 2025 a Kestrelair flight, and on 14 June 2025 the jet to Orsk"
    # Both days are named: the ferry flight is told too.
    assert set(_recalled(recorded_dir, text)) == {(ORSK, "day"), ("2025-06-13-orsk-ferry", "day")}
    # Linked already, the Orsk jet's names (Orsk, Kestrelair) are all the ferry's evidence.
    assert _recalled(recorded_dir, text, taken={ORSK}) == []


RETELLING = (
    "URL: https://example.org/essay\n\n"
    "Orsk. Pilots speak of 14 June 2025 as the worst GPS night of the year for the airport."
)


def test_a_retelling_with_no_candidate_of_its_own_gives_the_recorded_incident(recorded_dir):
    (report,) = reports_from_bytes(RETELLING.encode(), name="essay.txt")
    assert extract_results(report).candidates == []  # extraction alone reads nothing
    found = extract_results(report, recorded=rec.load_index(recorded_dir))
    (candidate,) = found.candidates
    assert candidate.recorded == ORSK
    assert (candidate.values[INC.date], candidate.values[INC.country]) == (
        dt.date(2025, 6, 14),
        "RU",
    )
    assert any(r.startswith("describes recorded incident " + ORSK) for r in candidate.reasons)
    assert any("retells recorded incident" in n for n in candidate.notes)


def test_a_page_not_about_gnss_interference_recalls_nothing(recorded_dir):
    text = RETELLING.replace("GPS night", "foggy night")
    (report,) = reports_from_bytes(text.encode(), name="essay.txt")
    assert extract_results(report, recorded=rec.load_index(recorded_dir)).candidates == []


def test_applying_a_recalled_incident_adds_the_page_as_its_source(recorded_dir, tmp_path):
    page = tmp_path / "essay.txt"
    page.write_text(RETELLING, "utf-8")
    before = snapshot(recorded_dir)
    shown = CliRunner().invoke(
        main, ["ingest", str(page), "--json", "--data-dir", str(recorded_dir)]
    )
    assert shown.exit_code == 0, shown.output
    assert [row["recorded_incident"] for row in json.loads(shown.stdout)] == [ORSK]
    assert snapshot(recorded_dir) == before  # a dry run writes nothing
    applied = CliRunner().invoke(
        main, ["ingest", str(page), "--apply", "--data-dir", str(recorded_dir)]
    )
    assert applied.exit_code == 0, applied.output
    after = dataset.load(recorded_dir)
    assert len(after.incidents) == 5  # no new incident
    linked = after.sources[after.sources[SRC.url] == "https://example.org/essay"]
    assert list(linked[SRC.incident_id]) == [ORSK]


def test_a_recorded_season_or_an_areas_warning_is_no_flight_to_retell(tmp_path):
    rows = [
        _row("2025-04-02-selva", "2025-04-02", "Selva Airport", **{
             INC.operator: "Gullair", INC.end_date: "2025-04-30", INC.end_date_precision: "day"}),
        _row("2025-04-09-rimsk", "2025-04-09", "Rimsk Airport", **{
             INC.operator: "Ternair", INC.end_date: "2025-04-11", INC.end_date_precision: "day"}),
        # A warning for an area names no aircraft, operator or flight.
        _row("2025-04-20-kolva", "2025-04-20", "Kolva test range", **{
             INC.effects: "Pilots were warned of GPS tests."}),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in rows]
    folder = write_dataset(tmp_path / "season", rows, sources)
    assert _recalled(folder, "On 2 April 2025 jamming began at Selva") == []
    # Three days of one event are still its days.
    assert _recalled(folder, "On 10 April 2025 jamming hit Rimsk") == [("2025-04-09-rimsk", "day")]
    assert _recalled(folder, "On 20 April 2025 GPS tests began at Kolva") == []


def test_a_day_the_pages_own_candidate_tells_is_not_recalled_twice(recorded_dir):
    text = "Published: 2025-06-20\n\nOn 14 June 2025 a Kestrelair jet lost GPS to jamming at Orsk."
    (report,) = reports_from_bytes(text.encode(), name="own.txt")
    alone = extract_results(report).candidates
    assert [(c.values[INC.date], c.recorded) for c in alone] == [(dt.date(2025, 6, 14), "")]
    index = rec.load_index(recorded_dir)
    assert rec.told_by(alone, index, min_score=APPLY_MIN_SCORE) >= {ORSK}
    # A weak candidate of the day does not stand in for it.
    assert rec.told_by(alone, index, min_score=alone[0].score + 0.01) == set()


# Dated only by the line above its headline, a page about the day before tells the news of
# that day: no date in its sentences.
DATELINE_NEWS = (
    "Orsk, 15 June 2025\n\nKestrelair plane RA-89011 hit by GPS jamming near Orsk\n\n"
    "The aircraft had GPS trouble, the airline said."
)


def _linked(recorded_dir, text: str):
    (report,) = reports_from_bytes(text.encode(), name="news.txt")
    return extract_results(report, recorded=rec.load_index(recorded_dir), min_score=0)


def test_a_page_dated_by_its_date_line_is_linked_without_a_publication_date(recorded_dir):
    (candidate,) = _linked(recorded_dir, DATELINE_NEWS).candidates
    assert candidate.source["published"] == dt.date(2025, 6, 15)
    assert candidate.recorded == ORSK
    assert candidate.values[INC.date] == dt.date(2025, 6, 14)


def test_headline_news_linked_to_a_recorded_day_loses_the_publication_day_penalty(
    recorded_dir,
):
    text = DATELINE_NEWS.replace("Orsk, 15 June 2025", "Published: 2025-06-15")
    (report,) = reports_from_bytes(text.encode(), name="news.txt")
    (alone,) = extract_results(report, min_score=0).candidates
    assert any("the headline's, so the publication day" in r for r in alone.reasons)
    (linked,) = _linked(recorded_dir, text).candidates
    assert linked.recorded == ORSK
    # The recorded, checked day replaces the guess from the publication day.
    assert not any("the headline's, so the publication day" in r for r in linked.reasons)
    assert linked.score == round(alone.score + 0.25, 2)


def test_its_people_and_its_country_stand_for_its_place_given_its_day(recorded_dir):
    # Two names of the Orsk flight (operator and registration) and Russia, but not Orsk.
    told = "the Kestrelair jet RA-89011 lost GPS over Russia"
    assert _recalled(recorded_dir, f"On 14 June 2025 {told}") == [(ORSK, "day")]
    text = f"On 14 June 2025 {told}"
    index = rec.load_index(recorded_dir)
    (recall,) = rec.recalled_incidents(
        [text], rec.report_words(text), index, published=None, taken=set()
    )
    assert recall.where == "its country"
    # Without a where, names say nothing.
    assert _recalled(recorded_dir, "On 14 June 2025 the Kestrelair jet RA-89011 lost GPS") == []
    # A month and a country fit too many stories, unless the month is told with the names.
    assert _recalled(recorded_dir, f"In June 2025 crews were warned. Later {told}") == []
