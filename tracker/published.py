"""Published figures: aggregate counts and rates that others measured, kept beside our incidents.

A row of ``figures.csv`` says "this agency counted this many of these, in this area, over this
period" ("1,022 pilot reports of GPS interference in Lithuania in June 2025"). It is a different
kind of fact from an incident and is never counted as one: nothing here touches the incidents
table, and views label these numbers as published by others.

This module answers the questions views and commands ask of the table:

* which analyst regions a figure's area belongs to (:func:`figure_regions`);
* which figures apply to a dashboard or export selection (:func:`select_figures`);
* a display-ready frame with plain text cells (:func:`display_rows`).

>>> figure_regions("LT", "country")
('Baltic Sea region',)
>>> figure_regions("World", "global")
()
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import pandas as pd

from tracker.filters import Filters
from tracker.schema import FIG

__all__ = [
    "SPANNING_AREAS",
    "GLOBAL_AREA",
    "known_area",
    "figure_regions",
    "figure_countries",
    "select_figures",
    "display_rows",
    "format_value",
    "format_period",
    "DISPLAY_COLUMNS",
]

#: ``area`` of a figure with ``area_kind=global``.
GLOBAL_AREA = "World"

#: Named areas wider than one analyst region, which ``tracker/data/areas.csv`` (one region per
#: area) cannot hold. A figure for "Europe" (a EUROCONTROL network count) applies to each region.
SPANNING_AREAS: dict[str, tuple[str, ...]] = {
    "Europe": (
        "Baltic Sea region",
        "Nordic and Arctic",
        "Black Sea",
        "Europe (other)",
        "Eastern Mediterranean",
    ),
}

#: Columns of :func:`display_rows`, in display order.
DISPLAY_COLUMNS = ("period", "area", "metric", "value", "measured_by", "publisher", "url")


def _fold(text: str) -> str:
    from tracker.geocode.text import fold

    return fold(text)


@functools.cache
def _areas() -> dict:
    from tracker.geocode.areas import areas_by_name

    return areas_by_name()


def known_area(name: str) -> bool:
    """Whether a ``fir``/``area`` name can be placed in regions (areas.csv or a spanning area)."""
    return name in SPANNING_AREAS or _fold(name) in _areas()


@functools.cache
def figure_regions(area: str, kind: str) -> tuple[str, ...]:
    """The analyst regions a figure's area belongs to; ``()`` for a global figure.

    :param area: the figure's ``area`` cell.
    :param kind: its ``area_kind`` (``region``, ``country``, ``fir``, ``area``, ``global``).
    :returns: region names; ``()`` also for an area this module cannot place (validation warns
        about those as ``unknown-area``).
    """
    if kind == "region":
        return (area,)
    if kind == "country":
        from tracker.geocode.regions import country_regions

        region = country_regions().get(area)
        return (region,) if region else ()
    if kind in ("fir", "area"):
        if area in SPANNING_AREAS:
            return SPANNING_AREAS[area]
        found = _areas().get(_fold(area))
        return (found.region,) if found is not None and found.region else ()
    return ()


@functools.cache
def figure_countries(area: str, kind: str) -> tuple[str, ...]:
    """The one country a figure is about, if any (``("LT",)``), else ``()``."""
    if kind == "country":
        return (area,)
    if kind in ("fir", "area") and area not in SPANNING_AREAS:
        found = _areas().get(_fold(area))
        if found is not None and found.country:
            return (found.country,)
    return ()


def _period_mask(figures: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> np.ndarray:
    """Figures whose period overlaps ``[start, end]`` (either end open when ``None``)."""
    keep = np.ones(len(figures), dtype=bool)
    if start is not None:
        keep &= (figures[FIG.period_end] >= pd.Timestamp(start)).to_numpy(dtype=bool)
    if end is not None:
        keep &= (figures[FIG.period_start] <= pd.Timestamp(end)).to_numpy(dtype=bool)
    return keep


def select_figures(figures: pd.DataFrame, filters: Filters | None = None) -> pd.DataFrame:
    """The figures that apply to a selection of incidents, newest period first.

    A figure applies when its period overlaps the selected dates and its area lies in a selected
    region (or in the region of a selected country). Global figures apply to every selection. A
    country figure applies to a country selection only for that country; a wider figure (a
    region, a sea) applies to the countries within it. Interference type, confidence, text and
    map selections describe incidents, not figures, and are ignored here.

    :param figures: the figures table (``Dataset.figures``: dates as datetimes).
    :param filters: the selection; ``None`` selects everything.
    :returns: a new frame (the input is not modified).
    """
    if figures.empty:
        return figures.copy()
    filters = filters or Filters()
    keep = _period_mask(figures, filters.date_from, filters.date_to)
    wanted_regions = set(filters.region)
    if filters.country:
        from tracker.geocode.regions import country_regions

        regions = country_regions()
        wanted_regions |= {regions[c] for c in filters.country if c in regions}
    if wanted_regions or filters.country:
        wanted_countries = set(filters.country)
        pairs = zip(figures[FIG.area], figures[FIG.area_kind], strict=True)
        place = []
        for area, kind in pairs:
            if kind == "global":
                place.append(True)
                continue
            countries = figure_countries(area, kind)
            if wanted_countries and countries:
                place.append(bool(set(countries) & wanted_countries))
                continue
            regions_of = figure_regions(area, kind)
            place.append(bool(set(regions_of) & wanted_regions))
        keep &= np.asarray(place, dtype=bool)
    chosen = figures[keep]
    return chosen.sort_values(
        [FIG.period_start, FIG.id], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def format_value(value: float, unit: str) -> str:
    """A figure's value with its unit, as people write it: ``1,022 reports``, ``27.4 percent``."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return unit
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return f"{number} {unit}".strip()


def format_period(start, end) -> str:
    """``2025-06`` for a whole month, ``2024`` for a whole year, else ``start to end``."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    if start == end:
        return f"{start:%Y-%m-%d}"
    if start.day == 1 and end == start + pd.offsets.MonthEnd(0):
        return f"{start:%Y-%m}"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return f"{start:%Y}" if start.year == end.year else f"{start:%Y} to {end:%Y}"
    return f"{start:%Y-%m-%d} to {end:%Y-%m-%d}"


def _area_label(area: str, kind: str) -> str:
    if kind == "country":
        from tracker.schema import country_names

        return country_names().get(area, area)
    return area


def display_rows(figures: pd.DataFrame) -> list[dict[str, str]]:
    """Figures as plain-text cells for a table (keys: :data:`DISPLAY_COLUMNS`, plus ``note``).

    Cells are strings to be shown as text, never markup; ``url`` is the raw address, to be linked
    only after an http(s) check.
    """
    rows = []
    for row in figures.itertuples(index=False):
        record = row._asdict()
        rows.append(
            {
                "period": format_period(record[FIG.period_start], record[FIG.period_end]),
                "area": _area_label(record[FIG.area], record[FIG.area_kind]),
                "metric": record[FIG.metric],
                "value": format_value(record[FIG.value], record[FIG.unit]),
                "measured_by": record[FIG.measured_by],
                "publisher": record[FIG.publisher],
                "url": record[FIG.url],
                "note": record[FIG.note],
            }
        )
    return rows
