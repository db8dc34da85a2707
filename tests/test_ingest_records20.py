"""Session 20: undated pages that retell a recorded flight, each rule with a fixture in our own
words (invented places, airlines and records)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import recalled as _recalled
from helpers import russian_incident_row as _row
from helpers import write_recorded

from tracker.ingest import recorded as rec
from tracker.ingest.candidates import extract_results
from tracker.ingest.readers import reports_from_bytes
from tracker.schema import INC

# An airline that flies many recorded incidents is no distinctive name by itself; with the
# recorded place it says whose flight an undated page retells.

FIRST, SECOND = "2025-03-13-brodsk", "2025-03-14-brodsk"  # a Thursday and a Friday
OTHER_TOWNS = ("Alsk", "Bereza", "Chernets", "Dubrovo", "Elnya")


def _kestrel_rows(*brodsk_days: str) -> list[dict]:
    rows = [
        _row(f"2025-0{n + 1}-10-{town.lower()}", f"2025-0{n + 1}-10", f"{town} Airport",
             **{INC.operator: "Kestrel Air"})
        for n, town in enumerate(OTHER_TOWNS)
    ]  # fmt: skip
    for day in brodsk_days:
        rows.append(_row(f"{day}-brodsk", day, "Brodsk Airport", **{INC.operator: "Kestrel Air"}))
    return rows


@pytest.fixture
def one_flight_dir(tmp_path: Path) -> Path:
    return write_recorded(tmp_path / "data", _kestrel_rows("2025-03-13"))


@pytest.fixture
def two_flights_dir(tmp_path: Path) -> Path:
    return write_recorded(tmp_path / "data", _kestrel_rows("2025-03-13", "2025-03-14"))


UNDATED_STORY = (
    "Kestrel Air halts its flights to Brodsk after GPS jamming. "
    "The airline said one of its jets had to turn back because jamming stopped it from landing "
    "at Brodsk. Officials blamed interference from across the border"
)


def test_the_operator_of_many_records_is_no_name_by_itself(one_flight_dir):
    index = rec.load_index(one_flight_dir)
    assert "kestrel" not in index.weights


def test_an_undated_page_naming_the_place_and_the_airline_retells_the_flight(one_flight_dir):
    # Before: the airline flies six records, so only the place was a name, and one is too few.
    assert _recalled(one_flight_dir, UNDATED_STORY) == [(FIRST, "undated")]


def test_another_airline_at_the_place_is_not_the_recorded_flight(one_flight_dir):
    text = UNDATED_STORY.replace("Kestrel Air", "Osprey Lines")
    assert _recalled(one_flight_dir, text) == []


def test_an_undated_page_on_two_flights_of_one_story_retells_both(two_flights_dir):
    text = UNDATED_STORY.replace("one of its jets", "two of its jets on consecutive days")
    # Before: two records that the same words name were a guess, and neither was recalled.
    assert sorted(_recalled(two_flights_dir, text)) == [(FIRST, "undated"), (SECOND, "undated")]


# A headline copy glued to the story's first sentence (a heading with no full stop).


def test_a_headline_glued_to_the_first_sentence_leaves_the_story_in_the_lede():
    headline = "Airline halts flights to Brodsk after jamming"
    sentences = [
        headline,
        f"{headline} Kestrel Air has halted its flights to Brodsk after two jets could not land.",
        "Officials blamed interference from across the border.",
        "The airline will review the decision next month.",
    ]
    # Before: the glued sentence held the headline whole, so it was dropped as a repeat.
    assert rec.lede_of(sentences) == sentences[:3]


# An example given in an explainer's lede is not the page's news.

EXPLAINER = (
    "Satellite navigation is being disrupted across the region's skies. "
    "Thousands of flights have been affected, pilots and airlines say. "
    "Kestrel Air, for instance, had to halt its flights to Brodsk because of GPS jamming. "
    "Experts say the problem is mostly a nuisance for crews"
)


def test_an_example_in_an_explainers_lede_is_not_its_news(one_flight_dir):
    assert _recalled(one_flight_dir, EXPLAINER) == []
    (report,) = reports_from_bytes(EXPLAINER.encode(), name="page.txt")
    found = extract_results(report, recorded=rec.load_index(one_flight_dir)).candidates
    assert [c.recorded for c in found if c.recorded] == []


def test_the_same_sentence_told_as_news_is_its_news(one_flight_dir):
    text = EXPLAINER.replace(", for instance,", "")
    assert _recalled(one_flight_dir, text) == [(FIRST, "undated")]
