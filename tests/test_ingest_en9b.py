"""Session 9, second English pass: rules found with short probe texts on unseen page styles.

Each text is written for the test and reproduces only the shape of the problem.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import assess as ax
from tracker.ingest import ingest_text
from tracker.ingest.assess import APPLY_MIN_SCORE
from tracker.ingest.candidates import extract_candidates
from tracker.ingest.readers import reports_from_bytes


def _kept(text: str, published: dt.date | None = None) -> list[tuple]:
    return [
        (c.as_dict()["date"], c.as_dict()["country"])
        for c in ingest_text(text, published=published)
        if c.score >= APPLY_MIN_SCORE
    ]


# --- a related-stories line with its headlines on one line ------------------------------------

AGGREGATOR = (
    "GPS jamming: airliner aborts landing at Riga\n\n"
    "An airBaltic Airbus A220 from Oslo aborted its landing at Riga airport in Latvia on "
    "Sunday after GPS jamming and landed at the second attempt, the airport said on Monday.\n"
    "Related: Tallinn warns of jamming (3 March 2024) | Finnair stops flights to Tartu "
    "(29 April 2024)\n"
)


def test_an_inline_related_stories_line_gives_no_incident():
    found = _kept(AGGREGATOR, dt.date(2025, 2, 10))
    assert found == [("2025-02-09", "LV")]


def test_a_related_label_opening_a_sentence_is_still_read():
    # A finished sentence after "Related:" is part of the story, not a list of headlines.
    text = AGGREGATOR.replace(
        "Related: Tallinn warns of jamming (3 March 2024) | Finnair stops flights to Tartu "
        "(29 April 2024)",
        "Related: a Finnair jet could not land at Tartu in Estonia on Saturday because of GPS "
        "jamming, the airline said.",
    )
    assert ("2025-02-08", "EE") in _kept(text, dt.date(2025, 2, 10))


# --- a wire dateline before the page's stamp ----------------------------------------------------

STALE = (
    "Regional jet turns back from Tartu\n\n"
    "TALLINN, March 4 (Wire) - A regional jet bound for Tartu, Estonia, turned back to Riga "
    "last Friday after GPS interference prevented its approach, the operator said on Monday.\n"
)


def test_a_wire_dateline_weeks_before_the_stamp_dates_the_relative_days():
    # Stamped 2 April (a copy weeks later): "last Friday" is the Friday before 4 March.
    assert _kept(STALE, dt.date(2024, 4, 2)) == [("2024-03-01", "EE")]


def test_a_wire_dateline_of_the_stamps_day_changes_nothing():
    assert _kept(STALE, dt.date(2024, 3, 4)) == [("2024-03-01", "EE")]
    # Stamped the next day: still counted from the stamp (one day is not a stale copy).
    assert _kept(STALE.replace("March 4", "March 5"), dt.date(2024, 3, 5)) == [("2024-03-01", "EE")]


# --- an explainer headline ------------------------------------------------------------------------

EXPLAINER = (
    "Why are airliners affected by GPS spoofing?\n\n"
    "Published: 1 August 2025\n\n"
    "Spoofing feeds a receiver false positions so an aircraft believes it is far from where it "
    "flies. Crews over Iraq and the Black Sea have learned to switch to inertial systems when "
    "this happens.\n"
)


def test_an_explainer_headline_gives_no_incident_without_a_day():
    assert _kept(EXPLAINER, dt.date(2025, 8, 1)) == []


def test_a_question_about_one_past_event_is_news():
    def explained(text: str) -> bool:
        return any(
            "explains the problem" in reason
            for report in reports_from_bytes(text.encode("utf-8"), name="<text>")
            for c in extract_candidates(report, published=dt.date(2025, 8, 1), floor=0.0)
            for reason in c.reasons
        )

    assert explained(EXPLAINER)
    assert not explained(EXPLAINER.replace("Why are airliners", "Why were airliners"))


def test_an_explainer_that_tells_a_dated_event_keeps_it():
    text = EXPLAINER + (
        "\nOn Tuesday a Wizz Air jet approaching Gdansk in Poland lost GPS and diverted to "
        "Warsaw, the airport said.\n"
    )
    assert ("2025-07-29", "PL") in _kept(text, dt.date(2025, 8, 1))


# --- an undated page whose only dates are time stamps -------------------------------------------

UNDATED = (
    "Airliner turns back from Basra after GPS jamming\n\n"
    "A Fly Baghdad Boeing 737 approaching Basra, Iraq, turned back to Baghdad on Sunday after "
    "its GPS was jammed, officials said. Passengers were rebooked on a later flight. The crew "
    "landed safely an hour later. Officials said they were looking for the source.\n"
    "Markets close higher\n"
    "2022-08-17 10:05 311 views\n"
    "Heat wave expected\n"
    "2022-08-16 21:30 208 views\n"
)


def test_a_weekday_is_not_counted_from_a_time_stamp_of_the_page():
    assert _kept(UNDATED) == []
    (candidate,) = ingest_text(UNDATED)
    assert candidate.as_dict()["date"] is None
    assert candidate.as_dict()["country"] == "IQ"


def test_a_day_and_month_still_take_the_year_of_a_time_stamp():
    # "on 14 August" needs only a year, which the page's stamps give (as before).
    text = UNDATED.replace("on Sunday", "on 14 August")
    assert _kept(text) == [("2022-08-14", "IQ")]


# --- a day and a place together -------------------------------------------------------------------


def _area_event(date_kind: str, date_text: str) -> float:
    sentence = f"Jordan's aviation authority said GPS interference hit air traffic {date_text}."
    return ax.assess(
        anchors=[sentence],
        context=[],
        date_kind=date_kind,
        date_text=date_text,
        place_text="Jordan",
        place_best=1.0,
        in_lede=False,
        background=False,
        all_texts=[sentence],
    ).final


def test_a_day_and_a_place_together_clear_the_threshold_by_a_margin():
    # An area event with no particular aircraft: a day of its own and a place make one event.
    assert _area_event("day", "on Saturday") >= APPLY_MIN_SCORE + 0.05
    # The same with only a month (a statistic's or a statement's period) stays below.
    assert _area_event("month", "in March") < APPLY_MIN_SCORE
