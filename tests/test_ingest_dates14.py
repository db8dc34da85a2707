"""Dates, Session 14: a two-digit year is not the day of the next date.

A gloss that drops "to" turns "from 29 April to 31 May" into "from 29 April 31 May"; read as
"29 April '31" it gave an incident in 2031 on a page of 2024.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest.dates import find_dates


def _found(text: str):
    return [(m.text, m.date) for m in find_dates(text, base=dt.date(2024, 6, 10))]


def test_a_day_and_month_before_another_date_has_no_two_digit_year():
    assert _found("suspended from 29 April 31 May") == [
        ("29 April", dt.date(2024, 4, 29)),
        ("31 May", dt.date(2024, 5, 31)),
    ]
    assert _found("from 29 April 31st of May") == [
        ("29 April", dt.date(2024, 4, 29)),
        ("31st of May", dt.date(2024, 5, 31)),
    ]


def test_a_two_digit_year_alone_is_still_read():
    assert _found("on 5 May 24, the jet") == [("5 May 24", dt.date(2024, 5, 5))]
