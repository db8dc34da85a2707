"""Aggregations behind the dashboard's tables and charts, and the exports: pure pandas.

Every function takes an incidents frame (typed as ``tracker.dataset.load`` types it) and returns a
new frame; none modifies its input, and all of them accept an empty frame.

Dates known only to the month or year are never counted as if they happened on the 1st:
:func:`timeline_counts` spreads them evenly over the days of their month (or year) and marks the
spread share, so a chart can draw it differently.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import logging
import types

import numpy as np
import pandas as pd

from tracker import schema
from tracker.prepared import PreparedIncidents, frame_of
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
    "HEX_BASE_RES",
    "hex_cells",
    "hex_parent",
    "hex_counts",
    "type_codes",
    "precision_codes",
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


def _start_days(incidents: pd.DataFrame | PreparedIncidents) -> np.ndarray:
    """Each incident's ``date`` as ``datetime64[D]``, precomputed when ``incidents`` is prepared."""
    if isinstance(incidents, PreparedIncidents):
        # The int64 minimum is NaT, as it should be.
        return incidents.start_days.astype("datetime64[D]")
    return _days(incidents[INC.date])


def _days(values: pd.Series) -> np.ndarray:
    if not pd.api.types.is_datetime64_any_dtype(values):
        values = pd.to_datetime(values, errors="coerce", format="ISO8601")
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    return values.to_numpy(dtype="datetime64[D]")


_N_TYPES = len(schema.INTERFERENCE_TYPES)


def type_codes(incidents: pd.DataFrame | PreparedIncidents) -> np.ndarray:
    """Interference type of each incident as an ``int8`` code into ``schema.INTERFERENCE_TYPES``
    (-1 for an unknown value); precomputed when ``incidents`` is prepared."""
    if isinstance(incidents, PreparedIncidents):
        return incidents.type_codes
    return pd.Categorical(
        incidents[INC.interference], categories=schema.INTERFERENCE_TYPES
    ).codes.astype("int8")


def precision_codes(incidents: pd.DataFrame | PreparedIncidents) -> np.ndarray:
    """Date precision of each incident as an ``int8`` code into ``schema.DATE_PRECISIONS``
    (0 = day when the column is absent); precomputed when ``incidents`` is prepared."""
    if isinstance(incidents, PreparedIncidents):
        return incidents.precision_codes
    if INC.date_precision not in incidents.columns:
        return np.zeros(len(incidents), dtype="int8")
    return pd.Categorical(
        incidents[INC.date_precision], categories=schema.DATE_PRECISIONS
    ).codes.astype("int8")


def _per_type(group_codes: np.ndarray, n_groups: int, kinds: np.ndarray) -> np.ndarray:
    """``(n_groups, n_types)`` counts of rows per group and interference type."""
    known = kinds >= 0
    flat = group_codes[known].astype("int64") * _N_TYPES + kinds[known]
    return np.bincount(flat, minlength=n_groups * _N_TYPES).reshape(n_groups, _N_TYPES)


def date_span(incidents: pd.DataFrame | PreparedIncidents) -> tuple[dt.date, dt.date] | None:
    """First and last incident date, or ``None`` for an empty frame."""
    if len(incidents) == 0:
        return None
    days = _start_days(incidents)
    days = days[~np.isnat(days)]
    if len(days) == 0:
        return None
    return days.min().astype(dt.date), days.max().astype(dt.date)


def type_counts(incidents: pd.DataFrame | PreparedIncidents) -> dict[str, int]:
    """Number of incidents per interference type, every type present (zero when absent)."""
    counts = frame_of(incidents)[INC.interference].value_counts() if len(incidents) else pd.Series()
    return {t: int(counts.get(t, 0)) for t in schema.INTERFERENCE_TYPES}


def group_table(
    incidents: pd.DataFrame | PreparedIncidents, by: str, *, as_of: dt.date | None = None
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
        STAT.key,
        STAT.incidents,
        *schema.INTERFERENCE_TYPES,
        STAT.share,
        STAT.first,
        STAT.last,
        STAT.recent,
        STAT.prior,
        STAT.change,
    ]
    if len(incidents) == 0:
        return pd.DataFrame({c: pd.Series(dtype=_STAT_DTYPES.get(c, "int64")) for c in columns})
    days = _start_days(incidents)
    if as_of is None:
        as_of = days[~np.isnat(days)].max().astype(dt.date)
    end = np.datetime64(as_of, "D")
    recent = (days > end - RECENT_DAYS) & (days <= end)
    prior = (days > end - 2 * RECENT_DAYS) & (days <= end - RECENT_DAYS)
    values = frame_of(incidents)[by]
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()  # categories without NaN (the view frame's case)
        uniques = np.asarray(values.cat.categories, dtype=object)
    else:
        codes, uniques = pd.factorize(values.fillna(""), sort=False)
        uniques = np.asarray(uniques, dtype=object)
    n = len(uniques)
    totals = np.bincount(codes, minlength=n)
    matrix = _per_type(codes, n, type_codes(incidents))
    day_numbers = days.astype("int64")
    valid = ~np.isnat(days)
    first = np.full(n, np.iinfo("int64").max)
    last = np.full(n, np.iinfo("int64").min)
    np.minimum.at(first, codes[valid], day_numbers[valid])
    np.maximum.at(last, codes[valid], day_numbers[valid])
    recent_n = np.bincount(codes[recent], minlength=n)
    prior_n = np.bincount(codes[prior], minlength=n)
    # Groups absent from these rows (unused categories) are dropped; then most incidents first.
    used = np.flatnonzero(totals > 0)
    order = used[np.lexsort((uniques[used].astype(str), -totals[used]))]
    data = {
        STAT.key: pd.array(uniques[order].astype(str), dtype="str"),
        STAT.incidents: totals[order].astype("int64"),
    }
    for i, kind in enumerate(schema.INTERFERENCE_TYPES):
        data[kind] = matrix[order, i].astype("int64")
    data[STAT.share] = totals[order] / len(incidents)
    data[STAT.first] = [_day_or_none(v) for v in first[order]]
    data[STAT.last] = [_day_or_none(v) for v in last[order]]
    data[STAT.recent] = recent_n[order].astype("int64")
    data[STAT.prior] = prior_n[order].astype("int64")
    data[STAT.change] = data[STAT.recent] - data[STAT.prior]
    return pd.DataFrame(data, columns=columns)


def _day_or_none(day_number: int) -> dt.date | None:
    if abs(day_number) > 3_000_000:  # the sentinel of a group without any valid date
        return None
    return dt.date(1970, 1, 1) + dt.timedelta(days=int(day_number))


_STAT_DTYPES = {STAT.key: "str", STAT.share: "float64", STAT.first: "object", STAT.last: "object"}


def region_table(
    incidents: pd.DataFrame | PreparedIncidents, *, as_of: dt.date | None = None
) -> pd.DataFrame:
    """:func:`group_table` by analyst region; ``key`` is the region name."""
    return group_table(incidents, INC.region, as_of=as_of)


def country_table(
    incidents: pd.DataFrame | PreparedIncidents, *, as_of: dt.date | None = None
) -> pd.DataFrame:
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


def _floor_days(days: np.ndarray, unit: str) -> np.ndarray:
    """First day of the month (``unit="M"``) or year (``"Y"``) of each ``datetime64[D]`` day.

    numpy's calendar conversion costs about 20 ns a value; incidents span a few thousand
    distinct days, so the answer is computed once per day of the span and looked up.
    """
    if len(days) == 0:
        return days.astype("datetime64[D]")
    numbers = days.astype("datetime64[D]").astype("int64")
    low, high = int(numbers.min()), int(numbers.max())
    if high - low > max(4096, len(numbers)):
        return days.astype(f"datetime64[{unit}]").astype("datetime64[D]")
    span = np.arange(low, high + 1).astype("datetime64[D]")
    table = span.astype(f"datetime64[{unit}]").astype("datetime64[D]")
    return table[numbers - low]


def _bin_start(days: np.ndarray, freq: str) -> np.ndarray:
    """Start of the week (Monday) or month each day falls in, as ``datetime64[D]``."""
    if freq == MONTH:
        return _floor_days(days, "M")
    # 1970-01-01 was a Thursday: shifting by 3 makes Monday day 0 of the week.
    offset = (days.astype("int64") + 3) % 7
    return days - offset.astype("timedelta64[D]")


@functools.lru_cache(maxsize=4096)
def _spread_weights(start_day: int, year: bool, freq: str) -> tuple[np.ndarray, np.ndarray]:
    """Bins covered by a month (or year) starting on ``start_day`` and each bin's share of it."""
    first = np.datetime64(start_day, "D").astype("datetime64[Y]" if year else "datetime64[M]")
    covered = np.arange(
        first.astype("datetime64[D]"), (first + 1).astype("datetime64[D]"), dtype="datetime64[D]"
    )
    bins, per_bin = np.unique(_bin_start(covered, freq), return_counts=True)
    bins.setflags(write=False)
    weights = per_bin / len(covered)
    weights.setflags(write=False)
    return bins, weights


def _count_keys(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct ``keys`` (sorted) and how often each occurs, like ``np.unique(keys,
    return_counts=True)``; counted in one pass when the keys span a small range (periods of a
    few years), sorted otherwise."""
    low, high = int(keys.min()), int(keys.max())
    if high - low > max(1 << 20, 4 * len(keys)):
        return np.unique(keys, return_counts=True)
    counts = np.bincount(keys - low)
    present = np.flatnonzero(counts)
    return present + low, counts[present]


def timeline_counts(
    incidents: pd.DataFrame | PreparedIncidents, *, freq: str | None = None
) -> pd.DataFrame:
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
    days = _start_days(incidents)
    valid = ~np.isnat(days)
    if freq not in (WEEK, MONTH):
        span = date_span(incidents)
        freq = choose_frequency(*span) if span else MONTH
    kinds = type_codes(incidents)
    precision = precision_codes(incidents)
    month_code = schema.DATE_PRECISIONS.index("month")
    year_code = schema.DATE_PRECISIONS.index("year")
    exact = valid & (precision != month_code) & (precision != year_code)

    # Everything below is numpy on small integer keys: bin (days since 1970) * 8 + type code.
    names = np.asarray(schema.INTERFERENCE_TYPES, dtype=object)
    keys_out, counts_out, spread_out = [], [], []
    known = kinds >= 0
    exact &= known
    if exact.any():
        bins = _bin_start(days[exact], freq).astype("int64")
        keys, n = _count_keys(bins * 8 + kinds[exact].astype("int64"))
        keys_out.append(keys)
        counts_out.append(n.astype("float64"))
        spread_out.append(np.zeros(len(keys), dtype=bool))

    # Few distinct (month or year, type) pairs: expand each pair to its days, not each incident.
    imprecise = valid & ~exact & known
    if imprecise.any():
        is_year = precision[imprecise] == year_code
        sub_days = days[imprecise]
        starts = np.where(
            is_year,
            _floor_days(sub_days, "Y"),
            _floor_days(sub_days, "M"),
        ).astype("int64")
        group_keys, group_n = np.unique(
            (starts * 2 + is_year) * 8 + kinds[imprecise].astype("int64"), return_counts=True
        )
        bin_parts, value_parts = [], []
        for key, n in zip(group_keys.tolist(), group_n.tolist(), strict=True):
            start, year, kind = key // 16, (key // 8) % 2, key % 8
            bins, weights = _spread_weights(start, bool(year), freq)
            bin_parts.append(bins.astype("int64") * 8 + kind)
            value_parts.append(n * weights)
        spread_keys, where = np.unique(np.concatenate(bin_parts), return_inverse=True)
        totals = np.bincount(where, weights=np.concatenate(value_parts))
        keys_out.append(spread_keys)
        counts_out.append(totals)
        spread_out.append(np.ones(len(spread_keys), dtype=bool))

    if not keys_out:
        return empty
    keys = np.concatenate(keys_out)
    spread = np.concatenate(spread_out)
    # Sorted by period, then exact before spread, then type (schema order).
    order = np.lexsort((keys % 8, spread, keys // 8))
    keys, spread = keys[order], spread[order]
    return pd.DataFrame(
        {
            TL.period: (keys // 8).astype("datetime64[D]").astype("datetime64[s]"),
            TL.interference: pd.array(names[keys % 8], dtype="str"),
            TL.spread: spread,
            TL.count: np.concatenate(counts_out)[order],
        }
    )


# --------------------------------------------------------------------------- H3 hexagons

#: Finest resolution kept per incident (res 5: hexagons of about 250 km²).
HEX_BASE_RES = 5
_H3_RES_SHIFT = 52
_H3_RES_MASK = np.int64(0xF) << _H3_RES_SHIFT


def hex_cells(
    incidents: pd.DataFrame | PreparedIncidents, *, resolution: int = HEX_BASE_RES
) -> np.ndarray:
    """H3 cell of every incident as ``int64`` (0 where coordinates are missing).

    A prepared ``incidents`` holds the cells at :data:`HEX_BASE_RES`, so coarser ones are a
    vectorised bit operation instead of a Python loop over incidents.
    """
    if isinstance(incidents, PreparedIncidents):
        if resolution <= HEX_BASE_RES:
            return hex_parent(incidents.hex_cells, resolution)
        incidents = incidents.frame
    import h3.api.basic_int as h3int  # h3 is heavy to import; only needed here

    lat = incidents[INC.latitude].to_numpy(dtype=float, na_value=np.nan)
    lon = incidents[INC.longitude].to_numpy(dtype=float, na_value=np.nan)
    out = np.zeros(len(incidents), dtype="int64")
    located = np.flatnonzero(~(np.isnan(lat) | np.isnan(lon)))
    # One C call per point through map(): no Python loop body (a third faster). In blocks, so
    # the Python floats alive at once stay few (a million points would take 64 MB).
    for start in range(0, len(located), _H3_BLOCK):
        rows = located[start : start + _H3_BLOCK]
        out[rows] = np.fromiter(
            map(
                h3int.latlng_to_cell,
                lat[rows].tolist(),
                lon[rows].tolist(),
                itertools.repeat(resolution),
            ),
            dtype="int64",
            count=len(rows),
        )
    return out


_H3_BLOCK = 65_536


def hex_parent(cells: np.ndarray, resolution: int) -> np.ndarray:
    """Parents of H3 cells (``int64``) at a coarser ``resolution``, vectorised.

    An H3 index stores its resolution in bits 52-55 and one 3-bit digit per resolution level
    below; a parent is the same index with the resolution field lowered and the digits of the
    finer levels set to 7 ("unused").
    """
    cells = np.asarray(cells, dtype="int64")
    unused = np.int64((1 << (3 * (15 - resolution))) - 1)
    parent = (cells & ~_H3_RES_MASK) | (np.int64(resolution) << _H3_RES_SHIFT) | unused
    return np.where(cells == 0, 0, parent)


def hex_counts(
    incidents: pd.DataFrame | PreparedIncidents,
    *,
    resolution: int | None = None,
    max_hexes: int | None = None,
) -> tuple[pd.DataFrame, int]:
    """Incidents per H3 cell.

    :param resolution: H3 resolution; by default the finest (up to :data:`HEX_BASE_RES`) giving
        at most ``max_hexes`` cells.
    :param max_hexes: bound used to choose the resolution (ignored when ``resolution`` is given).
    :returns: ``(table, resolution)``; the table has columns ``hex`` (int64 cell), ``incidents``
        and one count per interference type, most incidents first. Incidents without coordinates
        are left out.
    """
    columns = ["hex", STAT.incidents, *schema.INTERFERENCE_TYPES]
    base = HEX_BASE_RES if resolution is None else min(resolution, HEX_BASE_RES)
    if isinstance(incidents, PreparedIncidents) and resolution in (None, HEX_BASE_RES):
        # The prepared cells are codes into the data's distinct cells: the distinct cells of
        # these rows come from counting codes, and each row's from a lookup (no hashing).
        codes, all_cells = incidents.hex_codes
        present = np.flatnonzero(
            (np.bincount(codes, minlength=len(all_cells)) > 0) & (all_cells != 0)
        )
        position = np.full(len(all_cells), -1, dtype="int64")
        position[present] = np.arange(len(present))
        row_positions = position[codes]
        keep = row_positions >= 0
        inverse, uniques = row_positions[keep], all_cells[present]
    else:
        cells = (
            hex_cells(incidents, resolution=base)
            if resolution is None or resolution <= HEX_BASE_RES
            else hex_cells(incidents, resolution=resolution)
        )
        keep = cells != 0
        # Distinct cells once (hashed, not sorted: the filtered rows are many, their cells
        # few); coarser resolutions only need the parents of those.
        inverse, uniques = pd.factorize(cells[keep])
        uniques = np.asarray(uniques, dtype="int64")
    if not keep.any():
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in columns}), base
    chosen = resolution if resolution is not None else base
    if resolution is None and max_hexes is not None:
        for chosen in range(base, -1, -1):
            if chosen == base:
                count = len(uniques)
            else:
                count = len(np.unique(hex_parent(uniques, chosen)))
            if count <= max_hexes:
                break
    parents = uniques if chosen == base or resolution is not None else hex_parent(uniques, chosen)
    hexes, group_of_unique = np.unique(parents, return_inverse=True)
    groups = group_of_unique[inverse]
    matrix = _per_type(groups, len(hexes), type_codes(incidents)[keep])
    totals = np.bincount(groups, minlength=len(hexes)).astype("int64")
    # Most incidents first; ties in cell order (hexes are sorted, the sort is stable).
    order = np.argsort(-totals, kind="stable")
    data = {"hex": hexes.astype("int64")[order], STAT.incidents: totals[order]}
    for i, kind in enumerate(schema.INTERFERENCE_TYPES):
        data[kind] = matrix[order, i].astype("int64")
    return pd.DataFrame(data, columns=columns), chosen
