"""Session 8: one test per English failure class seen on tune8.

Each text is written for the test and reproduces only the shape of the problem.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import assess as ax
from tracker.ingest import ingest_text
from tracker.ingest.assess import APPLY_MIN_SCORE
from tracker.ingest.candidates import _event_dates


def _kept(text: str) -> list[dict]:
    return [c.as_dict() for c in ingest_text(text) if c.score >= APPLY_MIN_SCORE]


def _one(text: str) -> dict:
    found = _kept(text)
    assert len(found) == 1, [(c["date"], c["location"], c["score"]) for c in found]
    return found[0]


# --- photo captions ----------------------------------------------------------------------------


def test_a_credited_caption_does_not_date_an_area_report_that_names_no_day():
    found = _kept(
        "Spoofing around Ben Gurion has ended\n\n"
        "A jet takes off from Ben Gurion airport on 15 November 2018. (Agency/File)\n\n"
        "GPS spoofing that disrupted planes flying around Ben Gurion airport for two months has "
        "ended, the airports authority said."
    )
    assert not [c for c in found if c["date"] == "2018-11-15"], found


# --- counts in the lede ------------------------------------------------------------------------


def test_a_count_of_delayed_flights_on_one_day_is_the_size_of_an_event_not_a_statistic():
    found = _one(
        "Published: 2025-11-08\n\nAbout 300 flights were delayed at Lisbon airport on Friday.\n\n"
        "Several aircraft approaching Lisbon this week reported spoofed GPS positions, and "
        "some diverted to Porto."
    )
    assert found["country"] == "PT"


# --- place cues --------------------------------------------------------------------------------


def test_a_disruption_that_hit_an_airport_places_it_there_with_a_role_cue():
    found = _one("Published: 2025-11-09\n\nGPS spoofing hit Porto airport on 7 November 2025.")
    assert found["country"] == "PT"
    assert any("clear role cue" in r for r in found["reasons"]), found["reasons"]


# --- what happened -----------------------------------------------------------------------------


def test_an_event_verb_after_can_or_could_is_a_possibility_not_what_happened():
    assert ax.event_word(["Spoofed data can divert a crew's attention over Iraq."]) == ""
    assert ax.event_word(["Jamming could force pilots to return to base."]) == ""
    assert ax.event_word(["The jet diverted to Riga."]) == "diverted"
    assert ax.event_word(["The crew could not land at Tartu."]) == "could not land"


# --- statements --------------------------------------------------------------------------------


def test_a_day_opening_a_sentence_whose_subject_told_someone_dates_the_statement():
    base = dt.date(2024, 5, 13)
    said = (
        "On April 28, the foreign ministers of Latvia, Estonia and Lithuania told a newspaper "
        "they were worried that GPS jamming is interfering with air traffic over the Baltic Sea."
    )
    crew = "On April 28, the pilots of a Finnair plane told passengers they had lost GPS."
    assert _event_dates(said, base) == []
    assert [m.date for m in _event_dates(crew, base)] == [dt.date(2024, 4, 28)]


def test_officials_being_concerned_over_disruptions_is_a_concern():
    assert ax.NOT_HAPPENED.search("they were concerned over GPS signal disruptions")
    assert ax.NOT_HAPPENED.search("the minister is deeply concerned about the jamming")
    assert not ax.NOT_HAPPENED.search("the flight concerned landed in Riga")


# --- the publication date printed twice ----------------------------------------------------------


def test_a_title_line_repeating_the_publication_date_is_not_an_incident_date():
    found = _one(
        "14 March 2024\n\nJet carrying a minister has GPS jammed near Russian exclave\n\n"
        "14 March 2024\n\nA jet carrying a minister had its GPS signal jammed near Russian "
        "territory.\n\nIt happened near Kaliningrad, on the Baltic, on Wednesday."
    )
    assert found["date"] == "2024-03-13"


# --- subheadings -------------------------------------------------------------------------------


def test_a_title_case_subheading_after_a_finished_sentence_is_a_line_of_its_own():
    from tracker.ingest.text import split_sentences

    texts = [
        s.text
        for s in split_sentences(
            "Flights were delayed on Friday.\nWhat Is GPS Spoofing\nA few jets nearing "
            "Delhi this week were given false positions.\nThe flight from Riga to\n"
            "Vilnius lost GPS."
        )
    ]
    assert texts == [
        "Flights were delayed on Friday.",
        "What Is GPS Spoofing",
        "A few jets nearing Delhi this week were given false positions.",
        "The flight from Riga to Vilnius lost GPS.",
    ]


# --- the day a statement was made ----------------------------------------------------------------


def test_said_and_a_weekday_without_on_dates_the_statement():
    base = dt.date(2024, 3, 14)
    said = (
        "A jet carrying a minister had its GPS jammed near Kaliningrad, the ministry said Thursday."
    )
    assert _event_dates(said, base) == []
    assert [m.date for m in _event_dates("The jet lost GPS on Wednesday.", base)] == [
        dt.date(2024, 3, 13)
    ]


def _all(text: str) -> list[dict]:
    return [c.as_dict() for c in ingest_text(text)]


def test_an_undated_disruption_takes_the_day_it_was_reported_scored_as_undated():
    (found,) = _all(
        "Published: 2019-06-27\n\nGPS disrupted near Haifa airport\n\nFor three weeks, planes "
        "flying near Haifa airport have lost their GPS signals, the airports authority said "
        "Wednesday."
    )
    assert (found["date"], found["country"]) == ("2019-06-26", "IL")
    assert any("the day it was reported" in r for r in found["reasons"]), found["reasons"]


def test_the_day_of_a_statement_next_to_an_undated_disruption_dates_it():
    (found,) = _all(
        "Published: 2022-10-19\n\nGPS interference closes runway at Haifa airport\n\nFlights "
        "into Haifa are taking older routes after GPS signals there became unreliable.\n\nThe "
        "aviation authority said in a statement Tuesday it is investigating the possible jamming."
    )
    assert found["date"] == "2022-10-18"
    assert any("the day it was reported" in r for r in found["reasons"]), found["reasons"]
