"""Session 23: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt

from tracker.ingest.assess import APPLY_MIN_SCORE
from tracker.ingest.candidates import extract_results
from tracker.ingest.readers import reports_from_bytes

# --- a candidate the gazetteer cannot place is not proposed -------------------------------------

# "Qorvatho" is an invented name: no gazetteer knows it, as a page in another script's place
# names that the gloss cannot turn into a known name.
UNPLACED = (
    "URL: https://example.org/news/unplaced\n\n"
    "A passenger jet lost its GPS signal on 3 March 2025 while approaching Qorvatho, and the "
    "crew diverted after the satellite navigation failed.\n"
)


def _results(text: str):
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    return extract_results(report, published=dt.date(2025, 3, 5))


def test_an_unplaced_candidate_is_listed_as_skipped_not_proposed():
    # Without the rule the jet's day is proposed with no place, which --apply cannot write.
    results = _results(UNPLACED)
    assert results.candidates == []
    [held] = results.skipped
    assert held.values["date"] == dt.date(2025, 3, 3)
    assert held.score < APPLY_MIN_SCORE
    assert any("without a place" in reason for reason in held.reasons)


def test_a_placed_candidate_of_the_same_telling_is_proposed():
    results = _results(UNPLACED.replace("Qorvatho", "Vilnius"))
    assert [c.values["country"] for c in results.candidates] == ["LT"]
