"""Session 24: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt

from tracker.ingest.candidates import extract_results
from tracker.ingest.readers import reports_from_bytes


def _results(text: str, published: dt.date = dt.date(2025, 3, 9)):
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    return extract_results(report, published=published)


# --- a diversion with a cause of its own is not an interference event --------------------------

# A survey of rerouting, with one flight that stopped for fuel: the fuel stop is the only dated
# flight on the page, and the page names its cause.
FUEL_STOP = (
    "URL: https://example.org/news/reroutes\n\n"
    "Airlines redraw their routes as tension grows in the region\n\n"
    "Crews say they meet a spurt in GPS jamming and spoofing over the region, and planners keep "
    "changing the charts.\n"
    "Air India flight AI 112 from Toronto to Delhi was diverted on Sunday to Muscat for "
    "refuelling.\n"
    "The longer routes add an hour to many trips between Europe and Asia.\n"
)


def test_a_diversion_for_fuel_is_no_incident():
    # Without the rule the fuel stop is proposed as a GPS incident of Sunday.
    results = _results(FUEL_STOP)
    assert results.candidates == []


def test_a_diversion_for_the_signal_is_still_an_incident():
    text = FUEL_STOP.replace("for refuelling", "after its GPS was jammed")
    [candidate] = _results(text).candidates
    assert candidate.values["date"] == dt.date(2025, 3, 9)


def test_a_weather_diversion_is_no_anchor_either():
    text = FUEL_STOP.replace("for refuelling", "because of bad weather")
    assert _results(text).candidates == []
