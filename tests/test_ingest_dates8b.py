"""Session 8 (branch en8b): which date a page was published, and days given without a year.

Each text is written for the test and reproduces only the shape of the problem.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import ingest_text
from tracker.ingest.assess import APPLY_MIN_SCORE


def _kept(text: str, **kwargs) -> list[dict]:
    return [c.as_dict() for c in ingest_text(text, **kwargs) if c.score >= APPLY_MIN_SCORE]


def _dates(text: str, **kwargs) -> list[str]:
    return [c["date"] for c in _kept(text, **kwargs)]


# --- a site header with today's date above the article's own date ------------------------------

_STORY = (
    "Pilots lose GPS near Riga airport\n\n"
    "{stamp}\n\n"
    "An airBaltic Airbus lost its GPS signal on approach to Riga airport on Monday because of "
    "jamming, the airline said."
)


def test_a_time_stamp_below_a_header_date_is_the_publication_date():
    # 12 February 2023 is a Sunday: "on Monday" is 6 February 2023, not a Monday of 2024.
    text = "Friday, 22 November 2024\n\n" + _STORY.format(stamp="12 February 2023 17:58")
    assert _dates(text) == ["2023-02-06"]


def test_a_byline_with_a_date_below_a_header_date_is_the_publication_date():
    text = "Friday, 22 November 2024\n\n" + _STORY.format(stamp="By Jane Roe | 12 February 2023")
    assert _dates(text) == ["2023-02-06"]


def test_a_header_date_alone_is_still_the_publication_date():
    text = "Friday, 22 November 2024\n\n" + _STORY.format(stamp="By Jane Roe")
    assert _dates(text) == ["2024-11-18"]


def test_a_later_labelled_date_does_not_replace_the_date_line_above_it():
    # A byline dated after the date line above it (the day the page was revised) leaves the
    # first as the publication date; its date is the page's all the same, not the incident's.
    text = "12 February 2023\n\n" + _STORY.format(stamp="By Jane Roe | 20 February 2023")
    assert _dates(text) == ["2023-02-06"]


# --- a numeric date and byline run into the lede ------------------------------------------------

_GLUED = (
    "{date} / By Jane Roe A Wizz Air jet lost its GPS signal on Monday near Vilnius airport "
    "because of jamming, the airline said.{more}"
)


def test_an_unambiguous_numeric_credit_is_the_publication_date():
    # 03/27/2024 can only be 27 March 2024, a Wednesday: "on Monday" is 25 March; the credit's
    # own date is not the incident's.
    assert _dates(_GLUED.format(date="03/27/2024", more="")) == ["2024-03-25"]


def test_an_ambiguous_numeric_credit_takes_the_order_of_the_pages_other_dates():
    # 04/03/2024 is 4 March 2024 (a Monday) day first, 3 April (a Wednesday) month first.
    more = " The airline had warned of jamming on March 1, 2024."  # written month first
    assert _dates(_GLUED.format(date="04/03/2024", more=more)) == ["2024-04-01"]
    more = " The airline had warned of jamming on 1 March 2024."  # written day first
    assert _dates(_GLUED.format(date="04/03/2024", more=more)) == ["2024-03-04"]


def test_an_ambiguous_numeric_credit_with_nothing_to_settle_it_is_left():
    # No publication date from it, and its date is not taken for the incident's either.
    found = _kept(_GLUED.format(date="04/03/2024", more=""), published=dt.date(2024, 6, 6))
    assert [c["date"] for c in found] == ["2024-06-03"]


# --- a day without a year on a page without a date ----------------------------------------------


def test_a_day_without_a_year_takes_the_year_named_near_it():
    text = (
        "The Army held GPS jamming tests over New Mexico in May 2024, it said.\n\n"
        "A medical plane lost its GPS signal to the jamming and crashed on approach near Ruidoso "
        "on May 14, investigators said."
    )
    found = [c for c in ingest_text(text) if c.score >= APPLY_MIN_SCORE]
    assert [c.as_dict()["date"] for c in found] == ["2024-05-14"]
    assert any("May 2024" in note for note in found[0].notes), found[0].notes


def test_a_day_without_a_year_and_no_year_near_it_gives_no_dated_candidate():
    text = (
        "A medical plane lost its GPS signal to military jamming and crashed on approach near "
        "Ruidoso on May 14, investigators said."
    )
    assert _dates(text) == []


def test_a_year_that_bounds_a_plan_does_not_date_a_day_without_a_year():
    text = (
        "The Army plans to keep testing GPS jammers until 2030, it said.\n\n"
        "A medical plane lost its GPS signal to the jamming and crashed on approach near Ruidoso "
        "on May 14, investigators said."
    )
    assert _dates(text) == []


# --- a repost that names the original story's date ----------------------------------------------


def test_a_reposts_weekday_counts_from_the_original_storys_date():
    text = (
        "GPS interference closed a runway at Dallas-Fort Worth airport on Monday and aircraft "
        "were rerouted, the FAA said.\n\n"
        "This story was originally published on October 17, 2022."
    )
    # Posted again on Monday 24 October 2022: "on Monday" is still the original's, 17 October.
    assert _dates(text, published=dt.date(2022, 10, 24)) == ["2022-10-17"]


def test_a_day_without_a_year_takes_a_bare_year_named_near_it():
    text = (
        "The Army held GPS jamming tests over New Mexico during 2024, it said.\n\n"
        "A medical plane lost its GPS signal to the jamming and crashed on approach near Ruidoso "
        "on May 14, investigators said."
    )
    assert _dates(text) == ["2024-05-14"]


def test_an_incidents_day_and_hour_below_a_header_date_stays_the_incidents():
    text = (
        "Friday, 22 November 2024\n\n"
        "Wizz Air jet loses GPS near Vilnius\n\n"
        "A Wizz Air jet lost its GPS signal near Vilnius airport on 3 March 2024 at 14:30 because "
        "of jamming, the airline said."
    )
    assert _dates(text) == ["2024-03-03"]
