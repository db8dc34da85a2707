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


# --- "interference" by a person is no signal's ------------------------------------------------

# An invented crash inquiry: "interference" here is someone's tampering, and no word of
# satellites, jamming or spoofing appears anywhere.
PERSONS_INTERFERENCE = (
    "URL: https://example.org/news/inquiry\n\n"
    "Inquiry weighs cockpit interference in the loss of flight ZX 88\n\n"
    "On 9 May 2025 flight ZX 88, an Airbus A330 bound for Vilnius, returned to the gate after "
    "its emergency beacon stayed silent. Investigators are looking at deliberate interference "
    "from inside the cockpit; the navigation system {told}.\n"
)


def test_interference_from_inside_a_cockpit_with_no_word_of_satellites_is_no_incident():
    # Without the rule the flight's day is proposed at Vilnius as a GNSS incident.
    assert _results(PERSONS_INTERFERENCE.format(told="was switched off")).candidates == []


def test_a_navigation_signal_jammed_with_no_word_of_satellites_is_still_read():
    told = PERSONS_INTERFERENCE.format(told="lost its signal to jamming near Vilnius")
    assert [c.values["country"] for c in _results(told).candidates] == ["LT"]
