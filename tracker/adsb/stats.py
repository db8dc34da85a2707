"""Aggregations of the ADS-B layer for maps, timelines and region tables (pandas only)."""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from tracker.adsb import hexregions
from tracker.adsb.levels import (
    BAD,
    DATE,
    DEFAULT_THRESHOLDS,
    GOOD,
    HEX,
    HIGH,
    LEVEL,
    LEVELS,
    LOW,
    MEDIUM,
    SHARE,
    Thresholds,
    classify,
    share,
    with_levels,
)
from tracker.adsb.store import LayerStore, ints_to_cells

__all__ = [
    "REGION",
    "read_layer",
    "hex_summary",
    "hex_regions",
    "daily_region_counts",
    "region_stats",
    "day_records",
    "region_records",
    "LayerAggregate",
    "aggregate",
]

logger = logging.getLogger(__name__)

REGION = hexregions.REGION


def read_layer(
    store: LayerStore | str | os.PathLike,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    levels: tuple[str, ...] | None = (MEDIUM, HIGH),
) -> pd.DataFrame:
    """Stored rows in ``[start, end]`` with ``share`` and ``level``, keeping only ``levels``.

    :param levels: levels to keep (default medium and high); ``None`` keeps every row.
    """
    store = store if isinstance(store, LayerStore) else LayerStore(store)
    floor = None
    if levels is not None and LOW not in levels:
        floor = thresholds.high if MEDIUM not in levels else thresholds.medium
    frame = with_levels(store.read(start=start, end=end, min_share=floor), thresholds=thresholds)
    if levels is not None:
        frame = frame[frame[LEVEL].isin(levels)].reset_index(drop=True)
    return frame


def hex_summary(layer: pd.DataFrame) -> pd.DataFrame:
    """One row per hex over the days in ``layer`` (a frame from :func:`read_layer`).

    :returns: columns ``hex``, ``level`` (the worst level seen), ``days_high``, ``days_medium``,
        ``days`` (rows for the hex), ``share`` (largest share), and ``date``,
        ``count_good_aircraft``, ``count_bad_aircraft`` of the day with the largest share.
    """
    cols = [HEX, LEVEL, "days_high", "days_medium", "days", SHARE, DATE, GOOD, BAD]
    if len(layer) == 0:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=t)
                for c, t in zip(
                    cols,
                    [
                        "str",
                        "category",
                        "int64",
                        "int64",
                        "int64",
                        "float64",
                        "datetime64[s]",
                        "int64",
                        "int64",
                    ],
                    strict=True,
                )
            }
        )
    high = (layer[LEVEL] == HIGH).to_numpy(dtype=np.int64)
    medium = (layer[LEVEL] == MEDIUM).to_numpy(dtype=np.int64)
    if layer[HEX].is_unique:  # one day: nothing to combine
        out = layer[[HEX, LEVEL, SHARE, DATE, GOOD, BAD]].assign(
            days_high=high, days_medium=medium, days=np.ones(len(layer), dtype=np.int64)
        )[cols]
        return out.sort_values([SHARE, HEX], ascending=[False, True], ignore_index=True)
    frame = layer.assign(_high=high, _medium=medium)
    worst = frame.sort_values(
        [SHARE, DATE], ascending=[False, True], kind="stable"
    ).drop_duplicates(HEX)
    counts = frame.groupby(HEX, sort=False).agg(
        days_high=("_high", "sum"), days_medium=("_medium", "sum"), days=(DATE, "size")
    )
    out = worst.set_index(HEX)[[LEVEL, SHARE, DATE, GOOD, BAD]].join(counts)
    # The worst level is that of the largest share (levels grow with the share).
    out = out.reset_index()[cols]
    return out.sort_values([SHARE, HEX], ascending=[False, True], ignore_index=True)


def hex_regions(hexes, *, store: LayerStore | None = None) -> pd.Series:
    """Analyst region of each hex (by its centre), indexed by hex.

    Cached in the store (``hex_regions.parquet``) when ``store`` is given; the writers fill that
    cache for every hexagon they roll up (:mod:`tracker.adsb.hexregions`).
    """
    return hexregions.hex_regions(hexes, root=store.root if store is not None else None)


def daily_region_counts(layer: pd.DataFrame, *, store: LayerStore | None = None) -> pd.DataFrame:
    """Affected hexes per day and region.

    :param layer: rows from :func:`read_layer` (medium and high by default).
    :returns: columns ``date``, ``region``, ``medium``, ``high`` (hex counts), ``affected``
        (their sum); one row per day and region with at least one such hex.
    """
    cols = [DATE, REGION, MEDIUM, HIGH, "affected"]
    if len(layer) == 0:
        return pd.DataFrame(
            {
                c: pd.Series(dtype=t)
                for c, t in zip(
                    cols, ["datetime64[s]", "str", "int64", "int64", "int64"], strict=True
                )
            }
        )
    regions = hex_regions(layer[HEX], store=store)
    frame = pd.DataFrame(
        {
            DATE: layer[DATE].to_numpy(),
            REGION: regions.reindex(layer[HEX]).to_numpy(),
            MEDIUM: (layer[LEVEL] == MEDIUM).to_numpy(dtype=np.int64),
            HIGH: (layer[LEVEL] == HIGH).to_numpy(dtype=np.int64),
        }
    )
    out = frame.groupby([DATE, REGION], as_index=False)[[MEDIUM, HIGH]].sum()
    out["affected"] = out[MEDIUM] + out[HIGH]
    return out[cols].sort_values([DATE, REGION], ignore_index=True)


def region_stats(
    daily: pd.DataFrame,
    layer: pd.DataFrame,
    *,
    store: LayerStore | None = None,
    regions: pd.Series | None = None,
) -> pd.DataFrame:
    """Per region over the period: hex-days at each level, distinct hexes, days with high hexes,
    and the peak day.

    :param daily: from :func:`daily_region_counts`.
    :param layer: the rows ``daily`` was made from (or any frame with each of their cells, such
        as their :func:`hex_summary`).
    :param regions: each cell's region (from :func:`hex_regions`), if the caller has them.
    :returns: columns ``region``, ``hex_days_medium``, ``hex_days_high``, ``hexes``,
        ``days_with_high``, ``peak_date``, ``peak_affected``; most affected region first.
    """
    cols = [
        REGION,
        "hex_days_medium",
        "hex_days_high",
        "hexes",
        "days_with_high",
        "peak_date",
        "peak_affected",
    ]
    if len(daily) == 0:
        return pd.DataFrame(columns=cols)
    if regions is None:
        regions = hex_regions(layer[HEX], store=store)
    distinct = (
        pd.DataFrame({HEX: layer[HEX].to_numpy(), REGION: regions.reindex(layer[HEX]).to_numpy()})
        .drop_duplicates(HEX)
        .groupby(REGION)
        .size()
    )
    g = daily.groupby(REGION)
    peak = (
        daily.sort_values(["affected", DATE], ascending=[False, True])
        .drop_duplicates(REGION)
        .set_index(REGION)
    )
    out = pd.DataFrame(
        {
            "hex_days_medium": g[MEDIUM].sum(),
            "hex_days_high": g[HIGH].sum(),
            "hexes": distinct,
            "days_with_high": g[HIGH].apply(lambda s: int((s > 0).sum())),
            "peak_date": peak[DATE],
            "peak_affected": peak["affected"],
        }
    ).reset_index(names=REGION)
    out = out.fillna({"hexes": 0}).astype({"hexes": "int64"})
    total = out["hex_days_medium"] + out["hex_days_high"]
    return (
        out.assign(_t=total)
        .sort_values(["_t", REGION], ascending=[False, True])
        .drop(columns="_t")
        .reset_index(drop=True)[cols]
    )


def day_records(store: LayerStore, *, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> list[dict]:
    """Per stored day, plain values (for JSON or a table): ``date`` (ISO), ``hexes``, ``medium``,
    ``high``, ``suspect`` (True, False, or None when the manifest does not say) and ``source``."""
    return [
        {
            "date": row.date.date().isoformat(),
            "hexes": int(row.hexes),
            "medium": int(row.medium),
            "high": int(row.high),
            "suspect": None if pd.isna(row.suspect) else bool(row.suspect),
            "source": row.source,
        }
        for row in store.summary(thresholds=thresholds).itertuples(index=False)
    ]


def region_records(
    store: LayerStore,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[dict]:
    """Per analyst region over ``start``..``end`` (default: the whole layer), plain values:
    ``region``, ``hex_days_medium``, ``hex_days_high``, ``hexes``, ``days_with_high``,
    ``peak_date`` (ISO) and ``peak_affected`` (see :func:`region_stats`)."""
    found = aggregate(store, start=start, end=end, thresholds=thresholds)
    table = region_stats(found.daily, found.summary, regions=found.regions)
    return [
        {
            "region": r.region,
            "hex_days_medium": int(r.hex_days_medium),
            "hex_days_high": int(r.hex_days_high),
            "hexes": int(r.hexes),
            "days_with_high": int(r.days_with_high),
            "peak_date": pd.Timestamp(r.peak_date).date().isoformat(),
            "peak_affected": int(r.peak_affected),
        }
        for r in table.itertuples(index=False)
    ]


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
    """:class:`LayerAggregate` of the partial rows from :func:`tracker.adsb.rollup.collect`."""
    from tracker.adsb.rollup import (
        DAYS_HIGH,
        DAYS_MEDIUM,
        MASK_HIGH,
        MASK_MEDIUM,
        MONTH,
    )

    if parts.num_rows == 0:
        empty = hex_summary(pd.DataFrame())
        return LayerAggregate(
            empty,
            daily_region_counts(pd.DataFrame()),
            pd.Series([], index=pd.Index([], name=HEX), name=REGION, dtype="str"),
        )
    months = parts[MONTH].to_numpy().astype(np.int64)
    hexes = parts[HEX].to_numpy()
    dates = parts[DATE].to_numpy().astype("datetime64[D]")
    good = parts[GOOD].to_numpy()
    bad = parts[BAD].to_numpy()
    shares = share(good, bad)
    dm = parts[DAYS_MEDIUM].to_numpy().astype(np.int64)
    dh = parts[DAYS_HIGH].to_numpy().astype(np.int64)
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
    for column in (MASK_MEDIUM, MASK_HIGH):
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


def aggregate(
    store: LayerStore,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    signature: tuple | None = None,
) -> LayerAggregate:
    """Each hexagon's worst day (:func:`hex_summary`) and the daily region counts
    (:func:`daily_region_counts`) over ``[start, end]`` (default: every day), the same as from
    :func:`read_layer`'s rows: whole months from the store's monthly rollups when those are
    current, the rest from the day files (:mod:`tracker.adsb.rollup`).

    :param signature: the store's :meth:`~LayerStore.signature` if the caller has it.
    """
    from tracker.adsb.rollup import collect

    parts, used, n_days = collect(
        store, start=start, end=end, thresholds=thresholds, signature=signature
    )
    if parts is None:  # cells that are not H3 strings: from the day rows, as before
        layer = read_layer(store, start=start, end=end, thresholds=thresholds)
        summary = hex_summary(layer)
        return LayerAggregate(
            summary,
            daily_region_counts(layer, store=store),
            hex_regions(summary[HEX], store=store),
            0,
            n_days,
        )
    out = _finish(parts, store, thresholds)
    out.from_rollups, out.from_days = used, n_days
    return out
