"""tracker.published: placing published figures in regions and selecting them for a view."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from figure_helpers import figure_row

from tracker import published
from tracker.filters import Filters
from tracker.schema import FIG


def _frame(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    for column in (FIG.period_start, FIG.period_end, FIG.published):
        frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
    frame[FIG.value] = frame[FIG.value].astype(float)
    return frame


def _row(ident: str, area: str, kind: str, start="2024-03-01", end="2024-03-31") -> dict:
    return figure_row(
        **{FIG.id: ident, FIG.area: area, FIG.area_kind: kind, FIG.period_start: start},
        **{FIG.period_end: end},
    )


@pytest.mark.parametrize(
    ("area", "kind", "regions"),
    [
        ("LT", "country", ("Baltic Sea region",)),
        ("Middle East", "region", ("Middle East",)),
        ("Baghdad FIR", "fir", ("Middle East",)),
        ("calcutta fir", "fir", ("South Asia",)),
        ("Finnmark", "area", ("Nordic and Arctic",)),
        ("World", "global", ()),
        ("Atlantis FIR", "fir", ()),
    ],
)
def test_figure_regions(area, kind, regions):
    assert published.figure_regions(area, kind) == regions


def test_europe_spans_several_regions():
    regions = published.figure_regions("Europe", "area")
    assert {"Baltic Sea region", "Black Sea", "Europe (other)"} <= set(regions)
    assert "South Asia" not in regions


FIGURES = _frame(
    _row("lt-march", "LT", "country"),
    _row("lv-march", "LV", "country"),
    _row("baltic-march", "Baltic Sea region", "region"),
    _row("world-march", "World", "global"),
    _row("baghdad-2023", "Baghdad FIR", "fir", "2023-09-01", "2023-09-28"),
    _row("lt-2025", "LT", "country", "2025-01-01", "2025-12-31"),
)


def _ids(filters: Filters | None) -> set[str]:
    return set(published.select_figures(FIGURES, filters)[FIG.id])


def test_no_filter_selects_everything_newest_first():
    chosen = published.select_figures(FIGURES)
    assert len(chosen) == len(FIGURES)
    assert chosen[FIG.id].iloc[0] == "lt-2025"
    assert chosen[FIG.period_start].is_monotonic_decreasing


def test_region_selects_its_countries_areas_and_global_figures():
    assert _ids(Filters(region=("Baltic Sea region",))) == {
        "lt-march",
        "lv-march",
        "baltic-march",
        "world-march",
        "lt-2025",
    }
    assert _ids(Filters(region=("Middle East",))) == {"baghdad-2023", "world-march"}


def test_country_selects_that_country_not_its_neighbours():
    assert _ids(Filters(country=("LT",))) == {"lt-march", "baltic-march", "world-march", "lt-2025"}


def test_period_overlap():
    chosen = _ids(Filters(date_from=dt.date(2024, 3, 31), date_to=dt.date(2024, 4, 30)))
    assert chosen == {"lt-march", "lv-march", "baltic-march", "world-march"}
    assert _ids(Filters(date_from=dt.date(2025, 6, 1))) == {"lt-2025"}
    assert _ids(Filters(date_to=dt.date(2023, 12, 31))) == {"baghdad-2023"}


def test_incident_only_filters_are_ignored():
    assert _ids(Filters(interference=("spoofing",), text="nothing matches")) == set(FIGURES[FIG.id])


def test_selection_does_not_modify_its_input():
    before = FIGURES.copy()
    published.select_figures(FIGURES, Filters(region=("Middle East",)))
    pd.testing.assert_frame_equal(FIGURES, before)


def test_empty_table():
    empty = FIGURES.iloc[0:0]
    assert published.select_figures(empty, Filters(region=("Middle East",))).empty


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(1022.0, "reports", "1,022 reports"), (27.4, "percent", "27.4 percent"), (0.5, "x", "0.5 x")],
)
def test_format_value(value, unit, text):
    assert published.format_value(value, unit) == text


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2025-06-01", "2025-06-30", "2025-06"),
        ("2024-01-01", "2024-12-31", "2024"),
        ("2017-01-01", "2019-12-31", "2017 to 2019"),
        ("2024-09-08", "2024-09-08", "2024-09-08"),
        ("2025-01-01", "2025-08-18", "2025-01-01 to 2025-08-18"),
    ],
)
def test_format_period(start, end, text):
    assert published.format_period(start, end) == text


def test_display_rows_are_plain_text():
    rows = published.display_rows(_frame(_row("lt", "LT", "country")))
    assert rows[0]["area"] == "Lithuania"
    assert rows[0]["value"] == "120 reports"
    assert rows[0]["period"] == "2024-03"
    assert all(isinstance(v, str) for v in rows[0].values())
