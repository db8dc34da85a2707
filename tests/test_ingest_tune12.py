"""Rules from the failure classes of holdout10 and holdout9 (session 12, branch tune12).

Every fixture is written in our own words; none is an article's text.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import ingest_text


def _days(candidates) -> list[str]:
    return sorted(c.values["date"].isoformat() for c in candidates)


def test_days_enumerated_in_one_date_are_one_incident_each():
    # "on 26 and 27 April" names two days: one incident per day, as with "on Friday and
    # Saturday", not one incident spanning both.
    candidates = ingest_text(
        "Published: 2024-04-29\n\nOn Friday and on Saturday evening (26 and 27 April) the "
        "evening jet to Tartu met GPS interference and turned back to Helsinki."
    )
    assert _days(candidates) == ["2024-04-26", "2024-04-27"]


def test_guard_a_span_of_days_stays_one_incident():
    candidates = ingest_text(
        "Published: 2024-04-29\n\nBetween 25 and 27 April the evening jet to Tartu met GPS "
        "interference and turned back to Helsinki."
    )
    assert _days(candidates) == ["2024-04-25"]


def test_days_each_told_with_another_aircraft_are_separate_incidents():
    candidates = ingest_text(
        "Published: 2023-07-29\n\nThe ministry said GPS jamming had hit a turboprop flying "
        "Baku to Ganja on July 24, a business jet on the route from Prague on July 25, and "
        "a turboprop on the return leg on July 27."
    )
    assert _days(candidates) == ["2023-07-24", "2023-07-25", "2023-07-27"]


def test_a_route_told_with_to_does_not_join_the_days_of_other_flights():
    candidates = ingest_text(
        "Published: 2023-07-29\n\nThe ministry said GPS jamming had hit a turboprop flying "
        "from Baku to Ganja on July 24, a business jet flying Prague to Baku on July 25, and "
        "a turboprop on the return leg on July 27."
    )
    assert _days(candidates) == ["2023-07-24", "2023-07-25", "2023-07-27"]


def test_guard_one_aircraft_over_following_days_stays_one_incident():
    candidates = ingest_text(
        "Published: 2023-07-29\n\nThe business jet lost its GPS signal to jamming on July 24 "
        "and the aircraft stayed grounded until July 26."
    )
    assert _days(candidates) == ["2023-07-24"]


def test_a_day_just_before_publication_keeps_its_year_when_the_weekday_slips():
    from tracker.ingest.dates import find_dates

    # 8 March 2022 was a Tuesday: the page means two days before it was written, not 2020.
    told = find_dates("Flights stopped on Sunday 8 March.", base=dt.date(2022, 3, 10))
    assert [m.date for m in told if m.kind == "dmy"] == [dt.date(2022, 3, 8)]


def test_guard_the_weekday_still_picks_the_year_of_a_day_far_from_publication():
    from tracker.ingest.dates import find_dates

    told = find_dates("Flights stopped on Sunday 8 March.", base=dt.date(2022, 9, 10))
    assert [m.date for m in told if m.kind == "dmy"] == [dt.date(2020, 3, 8)]


_NOTE_BODY = (
    "GPS interference has disrupted flights into and out of Incheon International Airport in "
    "recent years. Jamming operations in early April 2016 interfered with aviation near the "
    "airport. One incident report from the 2016 interference says an aircraft lost its GPS "
    "signal on approach to Incheon, South Korea, about 100 miles out.\n\n"
    "Operators should be ready to fly without GPS."
)


def test_a_background_note_for_operators_is_read_as_an_explainer():
    # A stray "<<" before the headline does not hide it; "Background Information" is a note
    # for operators recalling old events to explain a risk, scored like an explainer.
    note = ingest_text(
        "<<\n\nAuthority Background Information on GNSS Interference near Incheon\n\n" + _NOTE_BODY
    )
    news = ingest_text("<<\n\nAirliner loses GPS on approach to Incheon\n\n" + _NOTE_BODY)
    assert note and news
    assert max(c.score for c in note) <= max(c.score for c in news) - 0.25


def test_guard_the_same_events_under_a_news_headline_pass():
    from tracker.ingest.assess import APPLY_MIN_SCORE

    news = ingest_text("<<\n\nAirliner loses GPS on approach to Incheon\n\n" + _NOTE_BODY)
    assert any(c.score >= APPLY_MIN_SCORE for c in news)


_CAME_TO_LIGHT = (
    "Published: 2023-03-14\n\nGPS interference near Denver airport has forced controllers to "
    "send some arriving aircraft around the area{lasted} and shut one runway.\n\n"
    "The interference first came to light on {day} morning when the aviation authority issued "
    "a notice to pilots.\n\nIt warned crews of unreliable GPS within 30 miles of Denver airport."
)


def test_the_day_an_interference_came_to_light_dates_it_despite_the_notice_in_its_sentence():
    # 14 March 2023 was a Tuesday; the Sunday before is the 12th.
    candidates = ingest_text(_CAME_TO_LIGHT.format(lasted="", day="Sunday"))
    assert _days(candidates) == ["2023-03-12"]


def test_a_disruption_of_days_that_began_on_the_pages_own_weekday_began_the_week_before():
    candidates = ingest_text(_CAME_TO_LIGHT.format(lasted=" over the past few days", day="Tuesday"))
    assert _days(candidates) == ["2023-03-07"]


def test_guard_the_pages_own_weekday_without_days_of_disruption_is_that_day():
    candidates = ingest_text(_CAME_TO_LIGHT.format(lasted="", day="Tuesday"))
    assert _days(candidates) == ["2023-03-14"]
