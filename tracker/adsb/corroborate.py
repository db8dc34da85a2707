"""Check reported incidents against the ADS-B layer.

For each incident we look at the layer's hexes within its precision radius (``radius_km`` when
given, else a radius for its ``geocode_precision``) over its dates widened by a day on each side,
and report the strongest level seen there. A report the layer contradicts (plenty of aircraft, no
more than low interference) is flagged, never dropped: ADS-B sees only aircraft that were there,
at their altitudes, and spoofing can keep NACp looking healthy, so a contradiction is a prompt to
look closer, not a verdict. No data is not no interference.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
from pathlib import Path

import h3
import numpy as np
import pandas as pd

from tracker import safety
from tracker.adsb.levels import (
    BAD,
    DATE,
    DEFAULT_THRESHOLDS,
    GOOD,
    HEX,
    LEVELS,
    Thresholds,
    classify,
    share,
)
from tracker.adsb.store import LayerStore
from tracker.schema import INC

__all__ = [
    "NO_DATA",
    "NONE",
    "ADSB_LEVELS",
    "ADSB_COLUMNS",
    "PRECISION_RADIUS_KM",
    "incident_radius_km",
    "incident_window",
    "candidate_hexes",
    "corroborate",
    "corroboration_csv",
    "write_corroboration",
]

logger = logging.getLogger(__name__)

#: No aircraft seen in the incident's hexes on its days (or the layer does not cover them).
NO_DATA = "no-data"
#: Aircraft seen, none of them bad.
NONE = "none"
#: Values of ``adsb_level`` from least to most evidence of interference (after ``no-data``).
ADSB_LEVELS = (NO_DATA, NONE, *LEVELS)

LEVEL_COL = "adsb_level"
SHARE_COL = "adsb_max_share"
HEXES_COL = "adsb_hexes"
DAYS_COL = "adsb_days"
AIRCRAFT_COL = "adsb_aircraft"
SUSPECT_COL = "adsb_suspect_days"
CONTRADICTS_COL = "adsb_contradicts"
#: Columns added by :func:`corroborate`, in order.
ADSB_COLUMNS = (
    LEVEL_COL,
    SHARE_COL,
    HEXES_COL,
    DAYS_COL,
    AIRCRAFT_COL,
    SUSPECT_COL,
    CONTRADICTS_COL,
)

#: Radius searched around an incident's point when it gives no ``radius_km``, by what the point
#: stands for (km). An airport's terminal area is roughly 30 NM; a city is small next to a hex.
PRECISION_RADIUS_KM = {
    "exact": 0.0,
    "airport": 55.0,
    "city": 30.0,
    "area": 150.0,
    "region": 300.0,
    "country": 500.0,
}
#: Farthest distance from an H3 resolution-4 cell's centre to its boundary, km (a margin).
_CELL_REACH_KM = 30.0
_HEX_SPACING_KM = 39.0  # distance between neighbouring res-4 cell centres, a little under


def incident_radius_km(radius_km, precision) -> float:
    """The radius to search: the incident's own ``radius_km`` if given, else by precision."""
    if radius_km is not None and not (isinstance(radius_km, float) and math.isnan(radius_km)):
        return float(radius_km)
    return PRECISION_RADIUS_KM.get(str(precision), PRECISION_RADIUS_KM["area"])


def incident_window(date, end_date, precision, *, margin_days: int = 1) -> tuple[dt.date, dt.date]:
    """First and last UTC day to look at: the incident's dates widened by ``margin_days``.

    A date known only to the month (or year) covers the whole month (or year).
    """
    start = pd.Timestamp(date).date()
    if end_date is not None and not pd.isna(end_date):
        end = pd.Timestamp(end_date).date()
    elif precision == "month":
        end = (pd.Timestamp(start) + pd.offsets.MonthEnd(0)).date()
    elif precision == "year":
        end = dt.date(start.year, 12, 31)
    else:
        end = start
    margin = dt.timedelta(days=margin_days)
    return start - margin, max(start, end) + margin


def candidate_hexes(latitude: float, longitude: float, radius_km: float) -> list[str]:
    """Resolution-4 cells that reach within ``radius_km`` of the point (always its own cell)."""
    own = h3.latlng_to_cell(latitude, longitude, 4)
    k = int(math.ceil((radius_km + _CELL_REACH_KM) / _HEX_SPACING_KM)) + 1
    out = [own]
    for cell in h3.grid_disk(own, k):
        if cell == own:
            continue
        lat, lon = h3.cell_to_latlng(cell)
        if (
            h3.great_circle_distance((latitude, longitude), (lat, lon), unit="km")
            <= radius_km + _CELL_REACH_KM
        ):
            out.append(cell)
    return out


def _layer_frame(store, cells: set[str], first: dt.date | None, last: dt.date | None):
    """Layer rows for the given cells and day range; the days held; the suspect days."""
    if isinstance(store, pd.DataFrame):
        frame = store[store[HEX].isin(cells)] if cells else store.iloc[:0]
        days = set(pd.to_datetime(store[DATE]).dt.date)
        return frame, days, set()
    store = store if isinstance(store, LayerStore) else LayerStore(store)
    days = set(store.days())
    if not cells or first is None:
        return store.read(start=dt.date(1, 1, 1), end=dt.date(1, 1, 1)), days, store.suspect_days()
    return store.read(start=first, end=last, hexes=cells), days, store.suspect_days()


def corroborate(
    incidents: pd.DataFrame,
    store,
    *,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    margin_days: int = 1,
    min_aircraft: int = 30,
) -> pd.DataFrame:
    """The layer's evidence for each incident.

    :param incidents: incidents with the schema's ``id``, ``date``, ``date_precision``,
        ``end_date``, ``latitude``, ``longitude``, ``radius_km``, ``geocode_precision`` and
        ``interference`` columns.
    :param store: a :class:`LayerStore`, a store folder, or a layer frame (``date``, ``hex``,
        counts), e.g. a cached read of the store.
    :param thresholds: medium/high thresholds.
    :param margin_days: days added before and after the incident's dates.
    :param min_aircraft: aircraft-days seen in the hexes for the layer to count as good coverage.
    :returns: a frame with the incidents' index and the ``id`` column plus :data:`ADSB_COLUMNS`:
        ``adsb_level`` (``no-data``, ``none``, ``low``, ``medium``, ``high``), ``adsb_max_share``
        (largest share of bad aircraft, floored at 0; NaN without data), ``adsb_hexes`` (hexes
        with aircraft), ``adsb_days`` (days of the window the layer holds), ``adsb_aircraft``
        (aircraft-hex-days seen), ``adsb_suspect_days`` (window days GPSJam marks incomplete) and
        ``adsb_contradicts`` (good coverage but at most low interference, for a report that is
        not spoofing-only).
    """
    n = len(incidents)
    out = pd.DataFrame(index=incidents.index)
    out[INC.id] = incidents[INC.id].to_numpy() if INC.id in incidents else np.arange(n).astype(str)
    levels = np.full(n, NO_DATA, dtype=object)
    max_share = np.full(n, np.nan)
    hex_count = np.zeros(n, dtype=np.int64)
    day_count = np.zeros(n, dtype=np.int64)
    aircraft = np.zeros(n, dtype=np.int64)
    suspects = np.zeros(n, dtype=np.int64)

    # First the places and windows, so only the rows needed are read from the store.
    plans: list[tuple[int, dt.date, dt.date, list[str]] | None] = []
    all_cells: set[str] = set()
    for i in range(n):
        row = incidents.iloc[i]
        lat, lon = row.get(INC.latitude), row.get(INC.longitude)
        if lat is None or lon is None or pd.isna(lat) or pd.isna(lon) or pd.isna(row.get(INC.date)):
            plans.append(None)
            continue
        first, last = incident_window(
            row.get(INC.date),
            row.get(INC.end_date),
            row.get(INC.date_precision),
            margin_days=margin_days,
        )
        radius = incident_radius_km(row.get(INC.radius_km), row.get(INC.geocode_precision))
        cells = candidate_hexes(float(lat), float(lon), radius)
        all_cells.update(cells)
        plans.append((i, first, last, cells))
    spans = [(p[1], p[2]) for p in plans if p is not None]
    lo = min((a for a, _ in spans), default=None)
    hi = max((b for _, b in spans), default=None)
    layer, stored_days, suspect_days = _layer_frame(store, all_cells, lo, hi)

    live = [p for p in plans if p is not None]
    stored = np.array(sorted(stored_days), dtype="datetime64[D]")
    suspect = np.array(sorted(suspect_days), dtype="datetime64[D]")
    for i, first, last, _ in live:
        a, b = np.datetime64(first, "D"), np.datetime64(last, "D")
        day_count[i] = np.searchsorted(stored, b, "right") - np.searchsorted(stored, a, "left")
        suspects[i] = np.searchsorted(suspect, b, "right") - np.searchsorted(suspect, a, "left")

    if live and len(layer):
        pairs = pd.DataFrame(
            {
                "_inc": np.repeat([p[0] for p in live], [len(p[3]) for p in live]),
                HEX: np.concatenate([np.asarray(p[3], dtype=object) for p in live]).astype(str),
            }
        )
        rows = layer[[DATE, HEX, GOOD, BAD]].copy()
        rows["_day"] = pd.to_datetime(rows[DATE]).to_numpy().astype("datetime64[D]")
        m = pairs.merge(rows, on=HEX, how="inner")
        firsts = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
        lasts = firsts.copy()
        for i, first, last, _ in live:
            firsts[i], lasts[i] = np.datetime64(first, "D"), np.datetime64(last, "D")
        inc = m["_inc"].to_numpy()
        day = m["_day"].to_numpy()
        m = m[(day >= firsts[inc]) & (day <= lasts[inc])]
        if len(m):
            m = m.assign(
                _seen=m[GOOD] + m[BAD],
                _share=share(m[GOOD].to_numpy(), m[BAD].to_numpy()),
            )
            g = m.groupby("_inc").agg(
                seen=("_seen", "sum"),
                bad=(BAD, "sum"),
                top=("_share", "max"),
                hexes=(HEX, "nunique"),
            )
            idx = g.index.to_numpy()
            aircraft[idx] = g["seen"].to_numpy()
            hex_count[idx] = g["hexes"].to_numpy()
            with_aircraft = g[g["seen"] > 0]
            j = with_aircraft.index.to_numpy()
            top = with_aircraft["top"].to_numpy(dtype=float)
            max_share[j] = np.maximum(top, 0.0)
            ranked = np.array(LEVELS, dtype=object)[classify(top, thresholds=thresholds)]
            levels[j] = np.where(with_aircraft["bad"].to_numpy() == 0, NONE, ranked)

    kinds = (
        incidents[INC.interference].astype(str).to_numpy()
        if INC.interference in incidents
        else np.full(n, "", dtype=object)
    )
    contradicts = (
        np.isin(levels, [NONE, LEVELS[0]])
        & (aircraft >= min_aircraft)
        & (day_count > suspects)
        & (kinds != "spoofing")
    )
    out[LEVEL_COL] = pd.Categorical(levels, categories=list(ADSB_LEVELS), ordered=True)
    out[SHARE_COL] = max_share
    out[HEXES_COL] = hex_count
    out[DAYS_COL] = day_count
    out[AIRCRAFT_COL] = aircraft
    out[SUSPECT_COL] = suspects
    out[CONTRADICTS_COL] = contradicts
    return out


def corroboration_csv(table: pd.DataFrame) -> str:
    """:func:`corroborate`'s table as CSV text (``id`` plus the ``adsb_*`` columns, LF line ends,
    shares to four decimals)."""
    return table.to_csv(index=False, lineterminator="\n", float_format="%.4f")


def write_corroboration(table: pd.DataFrame, path: str | os.PathLike) -> Path:
    """Write :func:`corroboration_csv` to ``path`` atomically.

    :raises tracker.safety.ProtectedPathError: ``path`` is a dataset file (``data/incidents.csv``,
        say); nothing is written.
    :raises OSError: the write failed; the old file is unchanged.
    """
    return safety.atomic_write(path, corroboration_csv(table))
