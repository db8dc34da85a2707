"""Session 25: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt

from tracker.ingest.candidates import _area_lede_anchors, extract_results
from tracker.ingest.readers import reports_from_bytes
from tracker.ingest.text import split_sentences


def _results(text: str, published: dt.date = dt.date(2025, 2, 3)):
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    return extract_results(report, published=published)


# --- an area's disruption on named days, with the aircraft it reached told apart ----------------

# A university news item: the lede tells the days of a regional outage, and only the next
# sentence says that people "in the air" were reached, so no sentence names aircraft and the
# disruption together.
AREA_LEDE = (
    "URL: https://example.org/news/holiday-outage\n\n"
    "A quiet week turned noisy for satellite receivers\n\n"
    "Large parts of Latvia and Estonia lost satellite positioning.\n"
    "GPS signals were jammed and unusable across wide areas on the 28th and 29th of January.\n"
    "Farmers in their fields and crews in the air had to manage without fixes for hours.\n"
    "Integrity reports from aviation showed the widest gaps.\n"
    "Researchers at the institute traced the source to the east.\n"
)


def test_an_area_disruption_with_its_days_is_an_incident():
    # Without the fallback the page gives no candidate: no sentence names an aircraft.
    [candidate] = _results(AREA_LEDE).candidates
    assert candidate.values["date"] == dt.date(2025, 1, 28)
    assert candidate.values["country"] in {"LV", "EE"}


def test_an_area_disruption_reaching_no_aircraft_is_none():
    text = AREA_LEDE.replace("crews in the air", "drivers on the roads")
    text = text.replace("Integrity reports from aviation", "Logs of delivery vans")
    assert _results(text).candidates == []


def test_a_statement_day_is_not_the_disruption_day():
    # "warned on 30 January": the day of a warning, not of the disruption.
    text = AREA_LEDE.replace(
        "GPS signals were jammed and unusable across wide areas on the 28th and 29th of January.",
        "On 30 January the regulator warned airlines that GPS signals were jammed in wide areas.",
    )
    assert _results(text).candidates == []


def test_a_span_is_no_day():
    # Read with no publication date, "last year" is a relative word of day precision.
    text = AREA_LEDE.replace(
        "GPS signals were jammed and unusable across wide areas on the 28th and 29th of January.",
        "Last year GPS signals were jammed and unusable across wide areas.",
    )
    assert _area_lede_anchors(split_sentences(AREA_LEDE))
    assert _area_lede_anchors(split_sentences(text)) == []
