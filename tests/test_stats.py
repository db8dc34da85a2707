"""Tests for tracker.stats: per-group tables and the timeline."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from dashboard_data import incident, incidents_frame

from tracker import stats
from tracker.schema import INC
from tracker.stats import STAT, TL


def _rows():
    return [
        incident(
            **{INC.id: "2024-06-30-riga", INC.date: "2024-06-30", INC.interference: "jamming"}
        ),
        incident(
            **{INC.id: "2024-05-01-riga", INC.date: "2024-05-01", INC.interference: "spoofing"}
        ),
        incident(**{INC.id: "2024-02-01-riga", INC.date: "2024-02-01", INC.interference: "both"}),
        incident(
            **{
                INC.id: "2023-01-05-vilnius",
                INC.date: "2023-01-05",
                INC.country: "LT",
                INC.interference: "unknown",
            }
        ),
        incident(
            **{
                INC.id: "2024-03-01-cyprus",
                INC.date: "2024-03-01",
                INC.date_precision: "month",
                INC.country: "",
                INC.region: "Eastern Mediterranean",
                INC.interference: "jamming",
            }
        ),
    ]


@pytest.fixture
def frame():
    return incidents_frame(_rows())


def test_region_table_counts_partition_and_shares(frame):
    table = stats.region_table(frame)
    assert list(table[STAT.key]) == ["Baltic Sea region", "Eastern Mediterranean"]
    baltic = table.iloc[0]
    assert baltic[STAT.incidents] == 4
    assert (
        baltic[STAT.jamming],
        baltic[STAT.spoofing],
        baltic[STAT.both],
        baltic[STAT.unknown],
    ) == (1, 1, 1, 1)
    assert baltic[STAT.share] == pytest.approx(0.8)
    assert baltic[STAT.first] == dt.date(2023, 1, 5)
    assert baltic[STAT.last] == dt.date(2024, 6, 30)
    assert table[STAT.share].sum() == pytest.approx(1.0)


def test_recent_window_compares_the_90_days_up_to_the_latest_date(frame):
    table = stats.region_table(frame).set_index(STAT.key)
    # Latest date 2024-06-30: recent window 2024-04-02..2024-06-30, prior 2024-01-03..2024-04-01.
    assert table.loc["Baltic Sea region", STAT.recent] == 2  # 06-30 and 05-01
    assert table.loc["Baltic Sea region", STAT.prior] == 1  # 02-01
    assert table.loc["Baltic Sea region", STAT.change] == 1
    assert table.loc["Eastern Mediterranean", STAT.prior] == 1
    explicit = stats.region_table(frame, as_of=dt.date(2024, 3, 31)).set_index(STAT.key)
    assert explicit.loc["Baltic Sea region", STAT.recent] == 1


def test_country_table_names_countries_and_open_sea(frame):
    table = stats.country_table(frame).set_index(STAT.key)
    assert table.loc["LV", STAT.name] == "Latvia"
    assert table.loc["LV", STAT.incidents] == 3
    assert table.loc["", STAT.name] == stats.NO_COUNTRY


def test_tables_on_empty_frame(frame):
    for table in (stats.region_table(frame.iloc[0:0]), stats.country_table(frame.iloc[0:0])):
        assert len(table) == 0
        assert STAT.incidents in table.columns


def test_input_not_mutated(frame):
    before = frame.copy()
    stats.region_table(frame)
    stats.country_table(frame)
    stats.timeline_counts(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_choose_frequency():
    assert stats.choose_frequency(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == stats.WEEK
    assert stats.choose_frequency(dt.date(2020, 1, 1), dt.date(2024, 12, 31)) == stats.MONTH
    assert stats.choose_frequency(None, None) == stats.MONTH


def test_timeline_month_bins_keep_totals(frame):
    tl = stats.timeline_counts(frame, freq=stats.MONTH)
    assert tl[TL.count].sum() == pytest.approx(len(frame))
    march = tl[tl[TL.period] == pd.Timestamp("2024-03-01")]
    assert list(march[TL.spread]) == [True]  # the month-only incident, marked as such
    assert march[TL.count].iloc[0] == pytest.approx(1.0)


def test_timeline_spreads_month_precision_over_weeks_never_on_the_first(frame):
    month_only = frame[frame[INC.date_precision] == "month"]
    tl = stats.timeline_counts(month_only, freq=stats.WEEK)
    assert tl[TL.spread].all()
    assert tl[TL.count].sum() == pytest.approx(1.0)
    # March 2024 touches 5 Monday-weeks (Feb 26 .. Mar 25): no single week gets the whole incident.
    assert len(tl) == 5
    assert tl[TL.count].max() < 0.3
    assert tl[TL.period].min() == pd.Timestamp("2024-02-26")


def test_timeline_week_bins_start_on_monday(frame):
    tl = stats.timeline_counts(frame, freq=stats.WEEK)
    exact = tl[~tl[TL.spread]]
    assert (exact[TL.period].dt.dayofweek == 0).all()
    assert pd.Timestamp("2024-06-24") in set(exact[TL.period])  # 2024-06-30 is a Sunday
    assert tl[TL.count].sum() == pytest.approx(len(frame))


def test_timeline_year_precision_spreads_over_months():
    frame = incidents_frame([incident(**{INC.date: "2023-01-01", INC.date_precision: "year"})])
    tl = stats.timeline_counts(frame, freq=stats.MONTH)
    assert len(tl) == 12
    assert tl[TL.count].sum() == pytest.approx(1.0)
    assert tl[TL.count].iloc[0] == pytest.approx(31 / 365)


def test_timeline_empty(frame):
    tl = stats.timeline_counts(frame.iloc[0:0])
    assert len(tl) == 0 and list(tl.columns) == [TL.period, TL.interference, TL.spread, TL.count]


def test_date_span_and_type_counts(frame):
    assert stats.date_span(frame) == (dt.date(2023, 1, 5), dt.date(2024, 6, 30))
    assert stats.date_span(frame.iloc[0:0]) is None
    assert stats.type_counts(frame) == {"jamming": 2, "spoofing": 1, "both": 1, "unknown": 1}


def test_hex_cells_in_blocks_equal_one_pass(monkeypatch):
    frame = pd.DataFrame(
        {
            "latitude": [54.7, float("nan"), 32.1, 59.4, 35.0],
            "longitude": [20.5, 10.0, 34.8, float("nan"), 33.0],
        }
    )
    whole = stats.hex_cells(frame)
    monkeypatch.setattr(stats, "_H3_BLOCK", 2)
    assert list(stats.hex_cells(frame)) == list(whole)
    assert whole[1] == 0 and whole[3] == 0 and all(whole[[0, 2, 4]] != 0)
