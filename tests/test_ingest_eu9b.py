"""Session 9 rules (branch eu9b) for pages in European languages: an operator's suspension of
its flights, and more.

Every fixture is a short text written for this test (our own words), never article text.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest.candidates import extract_candidates, extract_results
from tracker.ingest.languages.gloss import gloss_line
from tracker.ingest.readers import reports_from_bytes


def _found(text: str, published: dt.date) -> list:
    """Candidates shown (at or above the apply threshold) for a plain-text page."""
    (report,) = reports_from_bytes(text.encode("utf-8"), name="page.txt")
    return extract_results(report, published=published).candidates


# --- an operator suspending its flights ----------------------------------------------------------

_SUSPENSION_DE = (
    "Finnair stoppt Flüge nach Tartu\n\n"
    "Die Fluggesellschaft Finnair hat am Montag ihre Flüge nach Tartu wegen GPS-Störungen "
    "vorübergehend ausgesetzt, erklärte ein Sprecher. Estland kritisierte Russland.\n"
)


def test_an_operator_suspending_its_flights_is_no_incident_in_german():
    assert _found(_SUSPENSION_DE, dt.date(2024, 4, 30)) == []


def test_an_operator_suspending_its_flights_is_no_incident_in_english():
    text = (
        "Finnair halts Tartu flights\n\n"
        "Finnair on Monday suspended its flights to Tartu because of GPS interference, "
        "the airline said. Estonia blamed Russia.\n"
    )
    assert _found(text, dt.date(2024, 4, 30)) == []


def test_a_suspension_after_flights_turned_back_is_still_their_incident():
    text = (
        "Finnair halts Tartu flights\n\n"
        "Finnair on Monday suspended its flights to Tartu after GPS interference forced two of "
        "its planes to turn back, the airline said.\n"
    )
    found = _found(text, dt.date(2024, 4, 30))
    assert [c.values["country"] for c in found] == ["EE"]


def test_the_suspension_word_is_glossed_in_the_european_languages():
    for code, text in (
        ("pl", "Finnair zawiesiła loty do Tartu."),
        ("fi", "Finnair keskeytti lennot Tartoon."),
        ("fr", "Finnair a suspendu ses vols vers Tartu."),
        ("nl", "Finnair heeft de vluchten naar Tartu opgeschort."),
        ("ru", "Finnair приостановила полеты в Тарту."),
        ("hu", "A Finnair felfüggesztette a tartui járatokat."),
        ("de", "Finnair hat die Flüge nach Tartu ausgesetzt."),
    ):
        assert "suspended" in gloss_line(text, code), (code, text)


def test_german_exposed_to_interference_is_not_a_suspension():
    # "Störungen ausgesetzt waren": were exposed to interference, not suspended.
    glossed = gloss_line("Die Flüge, die Störungen ausgesetzt waren, landeten.", "de")
    assert "suspended" not in glossed
    assert "affected" in glossed


# --- a day told in another airline's paragraph ---------------------------------------------------

_KLM_THEN_FINNAIR = (
    "GPS trouble over the Baltic\n\n"
    "A KLM pilot flying from Amsterdam to Helsinki lost the GPS signal near Finnish airspace "
    "and landed safely at Helsinki.\n\n"
    "{second} stopped its flights to Tartu on Monday 29 April.\n"
)


def _dates_of(text: str) -> list:
    (report,) = reports_from_bytes(text.encode("utf-8"), name="page.txt")
    found = extract_candidates(report, published=dt.date(2024, 5, 3), floor=0.0)
    return [c.values["date"] for c in found]


def test_an_undated_anecdote_does_not_take_the_day_of_another_airlines_paragraph():
    text = _KLM_THEN_FINNAIR.format(second="Finnair")
    assert dt.date(2024, 4, 29) not in _dates_of(text)


def test_an_undated_anecdote_takes_the_day_told_of_the_same_airline():
    text = _KLM_THEN_FINNAIR.format(second="KLM")
    assert _dates_of(text) == [dt.date(2024, 4, 29)]
