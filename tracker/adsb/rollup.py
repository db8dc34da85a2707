"""Per-month, per-hexagon rollups of the layer: years of days answered from a few small files.

The map layer (each hexagon's worst day and its days at each level) and the region panel (medium
and high hexagons per day and region) over a range need, per hexagon and month, only:

- the worst day (largest share, the earliest of equal shares) with its aircraft counts,
- the number of days at medium and at high,
- which days of the month were medium and which high (two 31-bit masks).

:func:`rebuild_months` writes that for every month whose days a writer touched
(``<root>/rollup/month=2023-09.parquet``), from the stored days, under the store's lock and
through :func:`tracker.safety.atomic_write`; :meth:`LayerStore.write_days` removes the months'
rollups before writing the days, so a writer stopped half-way leaves them missing, never stale.
Each rollup records the day files it was made from (date, modification time and size, as in
:meth:`LayerStore.signature`) and the thresholds; :func:`collect` uses a month's rollup only if
that record equals the store's current days of the month and the thresholds asked for, and reads
the day files for everything else (partial months at the ends of a range, missing or stale
rollups, other thresholds). Both routes go through the same reduction, and
:func:`tracker.adsb.stats.aggregate` turns it into the answer that
:func:`~tracker.adsb.stats.hex_summary` and :func:`~tracker.adsb.stats.daily_region_counts`
give from the day rows.

This module imports neither the store nor the statistics (the store calls it when writing).
Writing a rollup also fills the store's region cache (:func:`tracker.adsb.hexregions.warm`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from tracker import safety
from tracker.adsb import hexregions
from tracker.adsb.encoding import cells_to_ints, ints_to_cells, parquet_bytes
from tracker.adsb.levels import (
    BAD,
    DATE,
    DEFAULT_THRESHOLDS,
    GOOD,
    HEX,
    Thresholds,
    classify,
    share,
)

__all__ = [
    "ROLLUP_DIR",
    "FORMAT",
    "PARTIAL_SCHEMA",
    "MONTH",
    "DAYS_MEDIUM",
    "DAYS_HIGH",
    "MASK_MEDIUM",
    "MASK_HIGH",
    "collect",
    "invalidate",
    "rebuild_months",
    "rebuild",
    "rollup_status",
]

logger = logging.getLogger(__name__)

ROLLUP_DIR = "rollup"
#: Changes whenever the rollup's columns or meaning change; other formats are ignored.
FORMAT = "1"
MONTH = "month"
DAYS_MEDIUM = "days_medium"
DAYS_HIGH = "days_high"
MASK_MEDIUM = "mask_medium"
MASK_HIGH = "mask_high"
PARTIAL_SCHEMA = pa.schema(
    [
        (MONTH, pa.int32()),  # months since 1970-01
        (HEX, pa.int64()),
        (DATE, pa.date32()),  # the worst day
        (GOOD, pa.int32()),
        (BAD, pa.int32()),
        (DAYS_MEDIUM, pa.int16()),
        (DAYS_HIGH, pa.int16()),
        (MASK_MEDIUM, pa.int32()),  # bit d: day d + 1 of the month was medium
        (MASK_HIGH, pa.int32()),
    ]
)
_META_FORMAT = b"rollup_format"
_META_THRESHOLDS = b"thresholds"
_META_DAYS = b"days"


def _month_of(day: dt.date) -> int:
    return (day.year - 1970) * 12 + day.month - 1


def _month_name(month: int) -> str:
    return f"{1970 + month // 12:04d}-{month % 12 + 1:02d}"


def _path(store, month: int):
    return store.root / ROLLUP_DIR / f"month={_month_name(month)}.parquet"


def _thresholds_key(thresholds: Thresholds) -> str:
    return json.dumps([thresholds.medium, thresholds.high])


# --------------------------------------------------------------------------- reduction


def _partial(dates: np.ndarray, hexes: np.ndarray, good, bad, thresholds: Thresholds) -> pa.Table:
    """Day rows (``dates`` as datetime64[D], cells as int64) reduced to one row per month and
    hexagon; rows below medium are dropped."""
    good = np.asarray(good, dtype=np.int64)
    bad = np.asarray(bad, dtype=np.int64)
    shares = share(good, bad)
    rank = classify(shares, thresholds=thresholds)
    keep = rank > 0
    dates, hexes, good, bad, shares, rank = (
        a[keep] for a in (dates, np.asarray(hexes, dtype=np.int64), good, bad, shares, rank)
    )
    if len(dates) == 0:
        return PARTIAL_SCHEMA.empty_table()
    months64 = dates.astype("datetime64[M]")
    months = months64.astype(np.int64)
    dom = (dates - months64.astype("datetime64[D]")).astype(np.int64)
    # Month, then cell, then largest share, then earliest day: each group's first row is its
    # worst day, as hex_summary picks it.
    order = np.lexsort((dates.astype(np.int64), -shares, hexes, months))
    months, hexes, dates, good, bad, rank, dom = (
        a[order] for a in (months, hexes, dates, good, bad, rank, dom)
    )
    new = np.ones(len(order), dtype=bool)
    new[1:] = (months[1:] != months[:-1]) | (hexes[1:] != hexes[:-1])
    starts = np.flatnonzero(new)
    bit = np.left_shift(np.int64(1), dom)
    medium, high = rank == 1, rank == 2
    return pa.table(
        {
            MONTH: pa.array(months[starts].astype(np.int32)),
            HEX: pa.array(hexes[starts]),
            DATE: pa.array(dates[starts], pa.date32()),
            GOOD: pa.array(good[starts].astype(np.int32)),
            BAD: pa.array(bad[starts].astype(np.int32)),
            DAYS_MEDIUM: pa.array(np.add.reduceat(medium.astype(np.int16), starts)),
            DAYS_HIGH: pa.array(np.add.reduceat(high.astype(np.int16), starts)),
            MASK_MEDIUM: pa.array(
                np.bitwise_or.reduceat(np.where(medium, bit, 0), starts).astype(np.int32)
            ),
            MASK_HIGH: pa.array(
                np.bitwise_or.reduceat(np.where(high, bit, 0), starts).astype(np.int32)
            ),
        },
        schema=PARTIAL_SCHEMA,
    )


def _partial_from_days(store, days: list[dt.date], thresholds: Thresholds) -> pa.Table | None:
    """:func:`_partial` of stored days; ``None`` if a cell is not a canonical H3 string."""
    if not days:
        return PARTIAL_SCHEMA.empty_table()
    rows = store.read(days=days, min_share=thresholds.medium)
    cells = cells_to_ints(pa.array(rows[HEX].to_numpy(dtype=object), pa.string()))
    if cells is None:
        return None
    return _partial(
        rows[DATE].to_numpy().astype("datetime64[D]"),
        cells.to_numpy(),
        rows[GOOD].to_numpy(),
        rows[BAD].to_numpy(),
        thresholds,
    )


# --------------------------------------------------------------------------- reading


def _read_rollup(path, month_days: list, thresholds: Thresholds) -> pa.Table | None:
    """The month's rollup if it was made from exactly ``month_days`` at ``thresholds``."""
    try:
        table = pq.read_table(path, memory_map=True)
    except FileNotFoundError:
        return None
    except (OSError, pa.ArrowException):
        logger.warning("%s: unreadable rollup; reading the days instead", path)
        return None
    meta = table.schema.metadata or {}
    if (
        meta.get(_META_FORMAT) != FORMAT.encode()
        or meta.get(_META_THRESHOLDS) != _thresholds_key(thresholds).encode()
        or meta.get(_META_DAYS) != json.dumps(month_days).encode()
        or not table.schema.equals(PARTIAL_SCHEMA)
    ):
        return None
    return table.replace_schema_metadata(None)


def collect(
    store,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    signature: tuple | None = None,
) -> tuple[pa.Table | None, int, int]:
    """The partial rows of ``[start, end]`` (default: every day): whole months from their
    rollups when those are current, the rest reduced from the day files.

    :param signature: the store's :meth:`~LayerStore.signature` if the caller has it.
    :returns: ``(parts, months from rollups, days read)``; ``parts`` is ``None`` if a day read
        holds a cell that is not a canonical H3 string (then only the day rows can answer).
    """
    signature = signature if signature is not None else store.signature()
    entries = [
        [ordinal, mtime, size]
        for ordinal, mtime, size in signature[2]
        if (start is None or ordinal >= start.toordinal())
        and (end is None or ordinal <= end.toordinal())
    ]
    all_by_month: dict[int, list] = {}
    for ordinal, mtime, size in signature[2]:
        month = _month_of(dt.date.fromordinal(ordinal))
        all_by_month.setdefault(month, []).append([ordinal, mtime, size])
    wanted: dict[int, list] = {}
    for entry in entries:
        wanted.setdefault(_month_of(dt.date.fromordinal(entry[0])), []).append(entry)
    tables, daily_days, used = [], [], 0
    for month, month_entries in wanted.items():
        table = None
        if month_entries == all_by_month[month]:  # every stored day of the month is in range
            table = _read_rollup(_path(store, month), month_entries, thresholds)
        if table is None:
            daily_days += [dt.date.fromordinal(e[0]) for e in month_entries]
        else:
            tables.append(table)
            used += 1
    if daily_days:
        part = _partial_from_days(store, daily_days, thresholds)
        if part is None:
            return None, 0, len(daily_days)
        tables.append(part)
    parts = pa.concat_tables(tables) if tables else PARTIAL_SCHEMA.empty_table()
    return parts, used, len(daily_days)


# --------------------------------------------------------------------------- writing


def invalidate(store, days) -> list[int]:
    """Remove the rollups of the months of ``days`` (before those days are written).

    :returns: the months, for :func:`rebuild_months`.
    """
    months = sorted({_month_of(day) for day in days})
    for month in months:
        try:
            _path(store, month).unlink(missing_ok=True)
        except OSError:
            logger.warning("%s: cannot remove rollup", _path(store, month))
    return months


def rebuild_months(store, months, *, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> list[int]:
    """Write the rollups of ``months`` from the stored days (the caller holds the store's lock,
    as :meth:`LayerStore.write_days` does). A month that cannot be rolled up (no days left,
    cells that are not H3 strings, an unreadable day) is left without a rollup; readers then read
    its days. Never raises for a rollup: the days are what counts.

    :returns: the months written.
    """
    by_month: dict[int, list] = {}
    for ordinal, mtime, size in store.signature()[2]:
        by_month.setdefault(_month_of(dt.date.fromordinal(ordinal)), []).append(
            [ordinal, mtime, size]
        )
    written = []
    cells = []
    for month in months:
        path = _path(store, month)
        entries = by_month.get(month, [])
        try:
            path.unlink(missing_ok=True)
            if not entries:
                continue
            table = _partial_from_days(
                store, [dt.date.fromordinal(e[0]) for e in entries], thresholds
            )
            if table is None:
                continue
            table = table.replace_schema_metadata(
                {
                    _META_FORMAT: FORMAT,
                    _META_THRESHOLDS: _thresholds_key(thresholds),
                    _META_DAYS: json.dumps(entries),
                }
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            safety.atomic_write(path, parquet_bytes(table, compression="none"))
            written.append(month)
            cells.append(table[HEX].to_numpy())
        except Exception:  # noqa: BLE001 - a missing rollup is read from the days
            logger.warning("%s: cannot write rollup", path, exc_info=True)
            path.unlink(missing_ok=True)
    if cells:
        # The regions of the rolled-up hexagons are found here, once, so that the dashboard
        # reads them from the cache instead of loading the country shapes.
        hexregions.warm(store.root, ints_to_cells(pa.array(np.concatenate(cells))).to_pylist())
    return written


def rebuild(store, *, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> list[str]:
    """(Re)write the rollup of every month the store holds, under its lock (for stores written
    before rollups existed, or copied with new file times); stray rollups are removed.

    :returns: the months written, as ``YYYY-MM``.
    """
    with store._lock():
        months = sorted({_month_of(day) for day in store.days()})
        folder = store.root / ROLLUP_DIR
        if folder.is_dir():
            keep = {_path(store, m).name for m in months}
            for child in folder.iterdir():
                if child.name not in keep and child.suffix == ".parquet":
                    child.unlink(missing_ok=True)
        return [_month_name(m) for m in rebuild_months(store, months, thresholds=thresholds)]


def rollup_status(store, *, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> dict[str, bool]:
    """Per stored month (``YYYY-MM``): whether its rollup is current."""
    by_month: dict[int, list] = {}
    for ordinal, mtime, size in store.signature()[2]:
        by_month.setdefault(_month_of(dt.date.fromordinal(ordinal)), []).append(
            [ordinal, mtime, size]
        )
    return {
        _month_name(month): _read_rollup(_path(store, month), entries, thresholds) is not None
        for month, entries in sorted(by_month.items())
    }
