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
:meth:`LayerStore.signature`) and the thresholds; :func:`aggregate` uses a month's rollup only if
that record equals the store's current days of the month and the thresholds asked for, and reads
the day files for everything else (partial months at the ends of a range, missing or stale
rollups, other thresholds). Both routes go through the same reduction, so the answer is the one
:func:`tracker.adsb.stats.hex_summary` and :func:`~tracker.adsb.stats.daily_region_counts` give
from the day rows.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from tracker import safety
from tracker.adsb.levels import (
    BAD,
    DATE,
    DEFAULT_THRESHOLDS,
    GOOD,
    HEX,
    HIGH,
    LEVEL,
    LEVELS,
    MEDIUM,
    SHARE,
    Thresholds,
    classify,
    share,
)
from tracker.adsb.store import LayerStore, cells_to_ints, ints_to_cells, parquet_bytes

__all__ = [
    "ROLLUP_DIR",
    "FORMAT",
    "LayerAggregate",
    "aggregate",
    "invalidate",
    "rebuild_months",
    "rebuild",
    "rollup_status",
]

logger = logging.getLogger(__name__)

ROLLUP_DIR = "rollup"
#: Changes whenever the rollup's columns or meaning change; other formats are ignored.
FORMAT = "1"
_MONTH = "month"
_DAYS_MEDIUM = "days_medium"
_DAYS_HIGH = "days_high"
_MASK_MEDIUM = "mask_medium"
_MASK_HIGH = "mask_high"
PARTIAL_SCHEMA = pa.schema(
    [
        (_MONTH, pa.int32()),  # months since 1970-01
        (HEX, pa.int64()),
        (DATE, pa.date32()),  # the worst day
        (GOOD, pa.int32()),
        (BAD, pa.int32()),
        (_DAYS_MEDIUM, pa.int16()),
        (_DAYS_HIGH, pa.int16()),
        (_MASK_MEDIUM, pa.int32()),  # bit d: day d + 1 of the month was medium
        (_MASK_HIGH, pa.int32()),
    ]
)
_META_FORMAT = b"rollup_format"
_META_THRESHOLDS = b"thresholds"
_META_DAYS = b"days"


def _month_of(day: dt.date) -> int:
    return (day.year - 1970) * 12 + day.month - 1


def _month_name(month: int) -> str:
    return f"{1970 + month // 12:04d}-{month % 12 + 1:02d}"


def _path(store: LayerStore, month: int):
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
            _MONTH: pa.array(months[starts].astype(np.int32)),
            HEX: pa.array(hexes[starts]),
            DATE: pa.array(dates[starts], pa.date32()),
            GOOD: pa.array(good[starts].astype(np.int32)),
            BAD: pa.array(bad[starts].astype(np.int32)),
            _DAYS_MEDIUM: pa.array(np.add.reduceat(medium.astype(np.int16), starts)),
            _DAYS_HIGH: pa.array(np.add.reduceat(high.astype(np.int16), starts)),
            _MASK_MEDIUM: pa.array(
                np.bitwise_or.reduceat(np.where(medium, bit, 0), starts).astype(np.int32)
            ),
            _MASK_HIGH: pa.array(
                np.bitwise_or.reduceat(np.where(high, bit, 0), starts).astype(np.int32)
            ),
        },
        schema=PARTIAL_SCHEMA,
    )


def _partial_from_days(
    store: LayerStore, days: list[dt.date], thresholds: Thresholds
) -> pa.Table | None:
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


@dataclass
class LayerAggregate:
    """The layer over a range: ``summary`` as :func:`tracker.adsb.stats.hex_summary` returns it,
    ``daily`` as :func:`tracker.adsb.stats.daily_region_counts`, ``regions`` (each summary
    hexagon's region, indexed by cell) and where the months came from (``from_rollups``,
    ``from_days``: counts of months and of days)."""

    summary: pd.DataFrame
    daily: pd.DataFrame
    regions: pd.Series
    from_rollups: int = 0
    from_days: int = 0


def _finish(parts: pa.Table, store: LayerStore, thresholds: Thresholds) -> LayerAggregate:
    from tracker.adsb.stats import REGION, daily_region_counts, hex_regions, hex_summary

    if parts.num_rows == 0:
        empty = hex_summary(pd.DataFrame())
        return LayerAggregate(
            empty,
            daily_region_counts(pd.DataFrame()),
            pd.Series([], index=pd.Index([], name=HEX), name=REGION, dtype="str"),
        )
    months = parts[_MONTH].to_numpy().astype(np.int64)
    hexes = parts[HEX].to_numpy()
    dates = parts[DATE].to_numpy().astype("datetime64[D]")
    good = parts[GOOD].to_numpy()
    bad = parts[BAD].to_numpy()
    shares = share(good, bad)
    dm = parts[_DAYS_MEDIUM].to_numpy().astype(np.int64)
    dh = parts[_DAYS_HIGH].to_numpy().astype(np.int64)
    order = np.lexsort((dates.astype(np.int64), -shares, hexes))
    sorted_hexes = hexes[order]
    new = np.ones(len(order), dtype=bool)
    new[1:] = sorted_hexes[1:] != sorted_hexes[:-1]
    starts = np.flatnonzero(new)
    worst = order[starts]
    days_medium = np.add.reduceat(dm[order], starts)
    days_high = np.add.reduceat(dh[order], starts)
    cells = pd.Series(ints_to_cells(pa.array(hexes[worst])).to_pylist(), dtype="str")
    rank = classify(shares[worst], thresholds=thresholds)
    summary = pd.DataFrame(
        {
            HEX: cells,
            LEVEL: pd.Categorical.from_codes(rank, categories=list(LEVELS), ordered=True),
            "days_high": days_high,
            "days_medium": days_medium,
            "days": days_high + days_medium,
            SHARE: shares[worst],
            DATE: dates[worst].astype("datetime64[s]"),
            GOOD: good[worst].astype(np.int32),
            BAD: bad[worst].astype(np.int32),
        }
    ).sort_values([SHARE, HEX], ascending=[False, True], ignore_index=True)

    # Days per region: each row's masks spread over its month's days.
    regions = hex_regions(cells, store=store)
    names, codes = np.unique(regions.reindex(cells).to_numpy(dtype=object), return_inverse=True)
    per_hex = np.empty(len(order), dtype=np.int64)
    per_hex[order] = np.cumsum(new) - 1  # each row's hexagon, as an index into ``cells``
    region_code = codes[per_hex]
    month_min = months.min()
    group = (months - month_min) * len(names) + region_code
    g_order = np.argsort(group, kind="stable")
    g_sorted = group[g_order]
    g_new = np.ones(len(g_order), dtype=bool)
    g_new[1:] = g_sorted[1:] != g_sorted[:-1]
    g_starts = np.flatnonzero(g_new)
    counts = []
    for column in (_MASK_MEDIUM, _MASK_HIGH):
        masks = parts[column].to_numpy()[g_order]
        # One day at a time: a rows x 31 matrix of bits took ~70 MB over five years.
        per_day = np.empty((len(g_starts), 31), dtype=np.int64)
        for day in range(31):
            per_day[:, day] = np.add.reduceat((masks >> day) & 1, g_starts)
        counts.append(per_day)  # groups x 31 days
    medium_n, high_n = counts
    g_keys = g_sorted[g_starts]
    g_month = g_keys // len(names) + month_min
    g_region = g_keys % len(names)
    gi, day = np.nonzero((medium_n + high_n) > 0)
    dates_out = g_month[gi].astype("datetime64[M]").astype("datetime64[D]") + day
    daily = pd.DataFrame(
        {
            DATE: dates_out.astype("datetime64[s]"),
            REGION: pd.Series(names[g_region[gi]], dtype="str"),
            MEDIUM: medium_n[gi, day].astype(np.int64),
            HIGH: high_n[gi, day].astype(np.int64),
        }
    )
    daily["affected"] = daily[MEDIUM] + daily[HIGH]
    daily = daily.sort_values([DATE, REGION], ignore_index=True)
    return LayerAggregate(summary, daily, regions)


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


def aggregate(
    store: LayerStore,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    signature: tuple | None = None,
) -> LayerAggregate:
    """The map summary and the daily region counts over ``[start, end]`` (default: every day).

    Whole months come from their rollups when those are current; the rest from the day files.

    :param signature: the store's :meth:`~LayerStore.signature` if the caller has it.
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
        if part is None:  # cells that are not H3 strings: the day rows, as before
            return _from_rows(store, start, end, thresholds, len(daily_days))
        tables.append(part)
    parts = pa.concat_tables(tables) if tables else PARTIAL_SCHEMA.empty_table()
    out = _finish(parts, store, thresholds)
    out.from_rollups, out.from_days = used, len(daily_days)
    return out


def _from_rows(store, start, end, thresholds, n_days) -> LayerAggregate:
    from tracker.adsb.stats import daily_region_counts, hex_regions, hex_summary, read_layer

    layer = read_layer(store, start=start, end=end, thresholds=thresholds)
    summary = hex_summary(layer)
    return LayerAggregate(
        summary,
        daily_region_counts(layer, store=store),
        hex_regions(summary[HEX], store=store),
        0,
        n_days,
    )


# --------------------------------------------------------------------------- writing


def invalidate(store: LayerStore, days) -> list[int]:
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


def rebuild_months(
    store: LayerStore, months, *, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[int]:
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
        except Exception:  # noqa: BLE001 - a missing rollup is read from the days
            logger.warning("%s: cannot write rollup", path, exc_info=True)
            path.unlink(missing_ok=True)
    return written


def rebuild(store: LayerStore, *, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> list[str]:
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


def rollup_status(
    store: LayerStore, *, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> dict[str, bool]:
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
