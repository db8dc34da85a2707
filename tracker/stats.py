"""Aggregations behind the dashboard's tables and charts, and the exports: pure pandas.

Every function takes an incidents frame (typed as ``tracker.dataset.load`` types it) and returns a
new frame; none modifies its input, and all of them accept an empty frame.

Dates known only to the month or year are never counted as if they happened on the 1st:
:func:`timeline_counts` spreads them evenly over the days of their month (or year) and marks the
spread share, so a chart can draw it differently.
"""

from __future__ import annotations

import datetime as dt
import logging
import types

import numpy as np
import pandas as pd

from tracker import schema
from tracker.schema import INC

__all__ = [
    "STAT",
    "TL",
    "WEEK",
    "MONTH",
    "RECENT_DAYS",
    "group_table",
    "region_table",
    "country_table",
    "timeline_counts",
    "choose_frequency",
    "date_span",
    "type_counts",
]

logger = logging.getLogger(__name__)

#: Column names of :func:`group_table`'s result.
STAT = types.SimpleNamespace(
    key="key",
    name="name",
    incidents="incidents",
    jamming="jamming",
    spoofing="spoofing",
    both="both",
    unknown="unknown",
    share="share",
    first="first_date",
    last="last_date",
    recent="last_90_days",
    prior="prior_90_days",
    change="change",
)
#: Column names of :func:`timeline_counts`'s result.
TL = types.SimpleNamespace(
    period="period", interference="interference", spread="spread", count="count"
)
WEEK = "week"
MONTH = "month"
#: Length of the "recent" and "prior" windows compared in the tables, days.
RECENT_DAYS = 90
#: Spans up to this many days are binned by week, longer ones by month.
WEEKLY_MAX_DAYS = 550

#: Label used in the country table for incidents with no country (open sea).
NO_COUNTRY = "(open sea / none)"


def _days(values: pd.Series) -> np.ndarray:
    if not pd.api.types.is_datetime64_any_dtype(values):
        values = pd.to_datetime(values, errors="coerce", format="ISO8601")
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    return values.to_numpy(dtype="datetime64[D]")


def date_span(incidents: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """First and last incident date, or ``None`` for an empty frame."""
    if len(incidents) == 0:
        return None
    days = _days(incidents[INC.date])
    days = days[~np.isnat(days)]
    if len(days) == 0:
        return None
    return days.min().astype(dt.date), days.max().astype(dt.date)


def type_counts(incidents: pd.DataFrame) -> dict[str, int]:
    """Number of incidents per interference type, every type present (zero when absent)."""
    counts = incidents[INC.interference].value_counts() if len(incidents) else pd.Series()
    return {t: int(counts.get(t, 0)) for t in schema.INTERFERENCE_TYPES}


def group_table(
    incidents: pd.DataFrame, by: str, *, as_of: dt.date | None = None
) -> pd.DataFrame:
    """Per-group statistics, sorted by incidents (most first) then key.

    Columns (see :data:`STAT`): ``key``, ``incidents``, one count per interference type
    (``jamming``, ``spoofing``, ``both``, ``unknown``: a partition, they add up to ``incidents``),
    ``share`` of all incidents in the frame (0..1), ``first_date`` and ``last_date`` (dates),
    ``last_90_days`` and ``prior_90_days`` (incidents starting in the 90 days up to ``as_of``, and
    in the 90 before), and ``change`` (their difference).

    :param by: the column to group on, e.g. ``INC.region``.
    :param as_of: end of the recent window; defaults to the latest date in the frame, so the
        comparison does not drift with the wall clock.
    """
    columns = [
        STAT.key, STAT.incidents, *schema.INTERFERENCE_TYPES, STAT.share,
        STAT.first, STAT.last, STAT.recent, STAT.prior, STAT.change,
    ]
    if len(incidents) == 0:
        return pd.DataFrame({c: pd.Series(dtype=_STAT_DTYPES.get(c, "int64")) for c in columns})
    days = _days(incidents[INC.date])
    if as_of is None:
        as_of = days[~np.isnat(days)].max().astype(dt.date)
    end = np.datetime64(as_of, "D")
    recent = (days > end - RECENT_DAYS) & (days <= end)
    prior = (days > end - 2 * RECENT_DAYS) & (days <= end - RECENT_DAYS)
    work = pd.DataFrame(
        {
            STAT.key: incidents[by].fillna("").astype(str).to_numpy(),
            INC.interference: incidents[INC.interference].to_numpy(),
            "_day": days,
            STAT.recent: recent,
            STAT.prior: prior,
        }
    )
    grouped = work.groupby(STAT.key, sort=False)
    out = pd.DataFrame({STAT.incidents: grouped.size()})
    types_ = pd.crosstab(work[STAT.key], work[INC.interference])
    for kind in schema.INTERFERENCE_TYPES:
        out[kind] = types_[kind] if kind in types_.columns else 0
    out[STAT.share] = out[STAT.incidents] / len(incidents)
    out[STAT.first] = grouped["_day"].min().dt.date
    out[STAT.last] = grouped["_day"].max().dt.date
    out[STAT.recent] = grouped[STAT.recent].sum()
    out[STAT.prior] = grouped[STAT.prior].sum()
    out = out.fillna({k: 0 for k in schema.INTERFERENCE_TYPES})
    for c in (STAT.incidents, *schema.INTERFERENCE_TYPES, STAT.recent, STAT.prior):
        out[c] = out[c].astype("int64")
    out[STAT.change] = out[STAT.recent] - out[STAT.prior]
    out = out.reset_index(names=STAT.key)
    out = out.sort_values([STAT.incidents, STAT.key], ascending=[False, True], kind="stable")
    return out[columns].reset_index(drop=True)


_STAT_DTYPES = {STAT.key: "str", STAT.share: "float64", STAT.first: "object", STAT.last: "object"}


def region_table(incidents: pd.DataFrame, *, as_of: dt.date | None = None) -> pd.DataFrame:
    """:func:`group_table` by analyst region; ``key`` is the region name."""
    return group_table(incidents, INC.region, as_of=as_of)


def country_table(incidents: pd.DataFrame, *, as_of: dt.date | None = None) -> pd.DataFrame:
    """:func:`group_table` by country, with a ``name`` column (English name, or open sea)."""
    table = group_table(incidents, INC.country, as_of=as_of)
    names = schema.country_names()
    labels = [names.get(code, code) if code else NO_COUNTRY for code in table[STAT.key]]
    table.insert(1, STAT.name, pd.Series(labels, index=table.index, dtype="str"))
    return table


def choose_frequency(start: dt.date | None, end: dt.date | None) -> str:
    """``"week"`` for spans up to about 18 months, else ``"month"``."""
    if start is None or end is None:
        return MONTH
    return WEEK if (end - start).days <= WEEKLY_MAX_DAYS else MONTH


def _bin_start(days: np.ndarray, freq: str) -> np.ndarray:
    """Start of the week (Monday) or month each day falls in, as ``datetime64[D]``."""
    if freq == MONTH:
        return days.astype("datetime64[M]").astype("datetime64[D]")
    # 1970-01-01 was a Thursday: shifting by 3 makes Monday day 0 of the week.
    offset = (days.astype("int64") + 3) % 7
    return days - offset.astype("timedelta64[D]")


def timeline_counts(incidents: pd.DataFrame, *, freq: str | None = None) -> pd.DataFrame:
    """Incidents per period and interference type, imprecise dates spread honestly.

    Day-precise incidents count once in the period of their ``date``. An incident known only to
    the month (or year) counts as fractions spread evenly over the days of its month (or year),
    in rows with ``spread=True``; with monthly periods a month-precise incident stays whole.

    :param freq: ``"week"`` or ``"month"``; by default chosen from the span
        (:func:`choose_frequency`).
    :returns: columns ``period`` (datetime64, start of the week or month), ``interference``,
        ``spread`` (bool) and ``count`` (float), sorted by period; empty periods are absent.
    """
    empty = pd.DataFrame(
        {
            TL.period: pd.Series(dtype="datetime64[s]"),
            TL.interference: pd.Series(dtype="str"),
            TL.spread: pd.Series(dtype="bool"),
            TL.count: pd.Series(dtype="float64"),
        }
    )
    if len(incidents) == 0:
        return empty
    days = _days(incidents[INC.date])
    valid = ~np.isnat(days)
    if freq not in (WEEK, MONTH):
        span = date_span(incidents)
        freq = choose_frequency(*span) if span else MONTH
    kinds = incidents[INC.interference].to_numpy(dtype=object)
    if INC.date_precision in incidents.columns:
        precision = incidents[INC.date_precision].to_numpy(dtype=object)
    else:
        precision = np.full(len(incidents), "day", dtype=object)
    exact = valid & (precision != "month") & (precision != "year")

    frames = []
    if exact.any():
        bins = _bin_start(days[exact], freq)
        exact_counts = (
            pd.DataFrame({TL.period: bins, TL.interference: kinds[exact]})
            .groupby([TL.period, TL.interference], sort=False)
            .size()
            .rename(TL.count)
            .reset_index()
        )
        exact_counts[TL.spread] = False
        frames.append(exact_counts)

    # Few distinct (month or year, type) pairs: expand each pair to its days, not each incident.
    imprecise = valid & ~exact
    if imprecise.any():
        unit = np.where(precision[imprecise] == "year", "Y", "M")
        starts = days[imprecise]
        groups = (
            pd.DataFrame({"start": starts, "unit": unit, TL.interference: kinds[imprecise]})
            .groupby(["start", "unit", TL.interference], sort=False)
            .size()
            .reset_index(name="n")
        )
        parts = []
        for start, unit_, kind, n in groups.itertuples(index=False, name=None):
            first = np.datetime64(start, unit_)
            covered = np.arange(
                first.astype("datetime64[D]"), (first + 1).astype("datetime64[D]"), dtype="datetime64[D]"
            )
            bins, per_bin = np.unique(_bin_start(covered, freq), return_counts=True)
            parts.append(
                pd.DataFrame(
                    {TL.period: bins, TL.interference: kind, TL.count: n * per_bin / len(covered)}
                )
            )
        spread = pd.concat(parts, ignore_index=True)
        spread = spread.groupby([TL.period, TL.interference], sort=False)[TL.count].sum().reset_index()
        spread[TL.spread] = True
        frames.append(spread)

    if not frames:
        return empty
    out = pd.concat(frames, ignore_index=True)
    out[TL.count] = out[TL.count].astype("float64")
    out[TL.period] = pd.to_datetime(out[TL.period])
    out = out.sort_values([TL.period, TL.spread, TL.interference], kind="stable")
    return out[[TL.period, TL.interference, TL.spread, TL.count]].reset_index(drop=True)
