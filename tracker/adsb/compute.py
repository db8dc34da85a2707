"""Compute the GPSJam layer from raw ADS-B position reports.

GPSJam's rule (wiseman/gpsjam.org#13): each aircraft keeps a counter that goes up by one for a
report with NACp <= 2 (position uncertainty of 4 NM or more), down by one for NACp >= 4 (1 NM or
better), never below 0 nor above 20. The aircraft is *bad* while the counter is 18 or more. Per
UTC day and H3 resolution-4 cell, an aircraft counts once: bad if it was bad in any of its
reports there that day, else good. readsb's ``gpsOkBefore`` flag is readsb's own version of the
same judgement, so a report carrying it counts as bad too (``CounterRule.trust_gps_ok_before``).

Everything is vectorised with numpy; the counter, a clamped running sum, is computed as a
parallel prefix scan of "add then clamp" functions, which compose into functions of the same
kind. The same per-partition function runs under Dask when reports are partitioned by aircraft.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from tqdm import tqdm

from tracker.adsb.cells import cells_for_tracks
from tracker.adsb.levels import BAD, DATE, GOOD, HEX
from tracker.adsb.raw import (
    GPS_OK_BEFORE,
    ICAO,
    LAT,
    LON,
    NACP,
    TIME,
    empty_reports,
    find_raw_files,
    read_raw_file,
)
from tracker.adsb.store import SOURCE_COMPUTED, LayerStore
from tracker.errors import InputError

__all__ = [
    "CounterRule",
    "DEFAULT_RULE",
    "ComputeResult",
    "counter_values",
    "aircraft_cells",
    "aggregate_reports",
    "compute_layer",
    "count_cell_aircraft",
    "counter_steps",
    "counts_to_layer",
    "track_order",
]

logger = logging.getLogger(__name__)

H3_RESOLUTION = 4
DAY = "day"
CELL = "cell"
_SECONDS_PER_DAY = 86400


@dataclass(frozen=True)
class CounterRule:
    """GPSJam's per-aircraft NACp counter.

    :param up_at_most: a report with ``0 <= NACp <= up_at_most`` adds one.
    :param down_at_least: a report with ``NACp >= down_at_least`` subtracts one.
    :param bad_at: the aircraft is bad while the counter is at least this.
    :param cap: the counter never exceeds this (nor goes below 0).
    :param trust_gps_ok_before: a report carrying readsb's ``gpsOkBefore`` counts as bad.
    """

    up_at_most: int = 2
    down_at_least: int = 4
    bad_at: int = 18
    cap: int = 20
    trust_gps_ok_before: bool = True

    def __post_init__(self):
        if not (0 <= self.up_at_most < self.down_at_least <= 15):
            raise InputError(
                "counter rule needs 0 <= up_at_most < down_at_least <= 15 (NACp values)"
            )
        if not (1 <= self.bad_at <= self.cap):
            raise InputError(
                f"counter rule needs 1 <= bad_at <= cap (got {self.bad_at}, {self.cap})"
            )


DEFAULT_RULE = CounterRule()


def counter_steps(nacp: np.ndarray, rule: CounterRule) -> np.ndarray:
    """Per report: +1, -1 or 0 to the aircraft's counter, from its NACp and the rule."""
    step = np.zeros(len(nacp), dtype=np.int32)
    step[(nacp >= 0) & (nacp <= rule.up_at_most)] = 1
    step[nacp >= rule.down_at_least] = -1
    return step


def counter_values(steps: np.ndarray, track_start: np.ndarray, *, cap: int) -> np.ndarray:
    """The counter after each report: a running sum of ``steps`` clamped to ``[0, cap]``.

    Each track (a run starting where ``track_start`` is True) starts from 0. Computed as a
    segmented Hillis-Steele scan: ``x -> min(max(x + a, lo), hi)`` composed with another such
    function is again one (``a``, ``lo``, ``hi`` below), so log2(longest track) vectorised
    passes suffice.

    >>> counter_values(np.array([1, 1, -1, -1, -1, 1]), np.array([1, 0, 0, 0, 0, 0], bool), cap=1)
    array([1, 1, 0, 0, 0, 1], dtype=int32)
    """
    n = len(steps)
    a = np.asarray(steps, dtype=np.int32).copy()
    lo = np.zeros(n, dtype=np.int32)
    hi = np.full(n, cap, dtype=np.int32)
    if n == 0:
        return a
    idx = np.arange(n)
    start = np.maximum.accumulate(np.where(track_start, idx, 0))
    offset = 1
    longest = int((idx - start).max()) + 1
    while offset < longest:
        i = idx[idx - offset >= start]
        j = i - offset
        ai, loi, hii = a[i], lo[i], hi[i]
        # Apply f_j first, then f_i.
        new_lo = np.clip(lo[j] + ai, loi, hii)
        new_hi = np.clip(hi[j] + ai, loi, hii)
        a[i] = a[j] + ai
        lo[i] = new_lo
        hi[i] = new_hi
        offset *= 2
    return np.minimum(np.maximum(a, lo), hi)


def track_order(icao: np.ndarray, time: np.ndarray) -> np.ndarray | None:
    """Permutation sorting by (icao, time), or None if already sorted."""
    if len(icao) < 2:
        return None
    di = np.diff(icao)
    if np.all((di > 0) | ((di == 0) & (np.diff(time) >= 0))):
        return None
    # LSD radix sort from stable sorts: time, then the address in two 16-bit digits (numpy
    # uses a radix sort for 16-bit keys, much faster than a comparison sort).
    order = None if np.all(np.diff(time) >= 0) else np.argsort(time, kind="stable")
    for shift in (0, 16):
        keys = ((icao if order is None else icao[order]) >> shift) & 0xFFFF
        step = np.argsort(keys.astype(np.uint16), kind="stable")
        order = step if order is None else order[step]
    return order


def aircraft_cells(
    reports: pd.DataFrame,
    *,
    rule: CounterRule = DEFAULT_RULE,
    resolution: int = H3_RESOLUTION,
) -> pd.DataFrame:
    """Each aircraft's cells per UTC day, and whether it was bad there.

    :param reports: a reports frame (see :data:`tracker.adsb.raw.REPORT_COLUMNS`), any order.
    :returns: columns ``day`` (int32, days since 1970-01-01 UTC), ``cell`` (uint64 H3 index),
        ``icao`` (int64), ``bad`` (bool); one row per aircraft, day and cell.
    """
    icao = reports[ICAO].to_numpy(dtype=np.int64)
    time = reports[TIME].to_numpy(dtype=np.float64)
    lat = reports[LAT].to_numpy(dtype=np.float64)
    lon = reports[LON].to_numpy(dtype=np.float64)
    nacp = reports[NACP].to_numpy(dtype=np.int16)
    gob = reports[GPS_OK_BEFORE].to_numpy(dtype=bool)
    ok = np.isfinite(time) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    if not ok.all():
        icao, time, lat, lon, nacp, gob = (c[ok] for c in (icao, time, lat, lon, nacp, gob))
    order = track_order(icao, time)
    if order is not None:
        icao, time, lat, lon, nacp, gob = (c[order] for c in (icao, time, lat, lon, nacp, gob))
    n = len(icao)
    if n == 0:
        return _empty_cells()
    # The same position seen in several snapshots is one report.
    dup = np.zeros(n, dtype=bool)
    dup[1:] = (icao[1:] == icao[:-1]) & (time[1:] == time[:-1])
    if dup.any():
        keep = ~dup
        icao, time, lat, lon, nacp, gob = (c[keep] for c in (icao, time, lat, lon, nacp, gob))
        n = len(icao)
    track_start = np.ones(n, dtype=bool)
    track_start[1:] = icao[1:] != icao[:-1]

    bad = gob.copy() if rule.trust_gps_ok_before else np.zeros(n, dtype=bool)
    steps = counter_steps(nacp, rule)
    starts = np.flatnonzero(track_start)
    lengths = np.diff(np.append(starts, n))
    ups = np.add.reduceat((steps > 0).astype(np.int32), starts)
    # Only a track with at least bad_at upward steps can ever reach bad_at.
    candidate = np.repeat(ups >= rule.bad_at, lengths)
    if candidate.any():
        sel = np.flatnonzero(candidate)
        counter = counter_values(steps[sel], track_start[sel], cap=rule.cap)
        bad[sel] |= counter >= rule.bad_at

    day = np.floor(time / _SECONDS_PER_DAY).astype(np.int32)
    cell = cells_for_tracks(lat, lon, track_start, resolution)
    # Collapse runs of reports in the same (aircraft, day, cell) before grouping.
    run = track_start.copy()
    run[1:] |= (day[1:] != day[:-1]) | (cell[1:] != cell[:-1])
    run_starts = np.flatnonzero(run)
    runs = pd.DataFrame(
        {
            DAY: day[run_starts],
            CELL: cell[run_starts],
            ICAO: icao[run_starts],
            "bad": np.maximum.reduceat(bad.astype(np.uint8), run_starts).astype(bool),
        }
    )
    return runs.groupby([DAY, CELL, ICAO], sort=False, as_index=False)["bad"].max()


def _empty_cells() -> pd.DataFrame:
    return pd.DataFrame(
        {
            DAY: np.zeros(0, np.int32),
            CELL: np.zeros(0, np.uint64),
            ICAO: np.zeros(0, np.int64),
            "bad": np.zeros(0, bool),
        }
    )


def count_cell_aircraft(cells: pd.DataFrame) -> pd.DataFrame:
    """Per day and cell: distinct good and bad aircraft."""
    bad = cells["bad"].to_numpy()
    frame = pd.DataFrame(
        {
            DAY: cells[DAY].to_numpy(),
            CELL: cells[CELL].to_numpy(),
            GOOD: (~bad).astype(np.int64),
            BAD: bad.astype(np.int64),
        }
    )
    return frame.groupby([DAY, CELL], sort=True, as_index=False)[[GOOD, BAD]].sum()


def partition_counts(
    reports: pd.DataFrame, *, rule: CounterRule = DEFAULT_RULE, resolution: int = H3_RESOLUTION
) -> pd.DataFrame:
    """Good/bad counts per day and cell for a set of aircraft (all of each aircraft's reports).

    Partitions holding disjoint sets of aircraft can be summed, which is how the Dask engine
    combines them.
    """
    return count_cell_aircraft(aircraft_cells(reports, rule=rule, resolution=resolution))


def counts_to_layer(counts: pd.DataFrame) -> pd.DataFrame:
    """Per-day, per-cell aircraft counts as layer rows (H3 cell names, store columns)."""
    import h3

    cells = counts[CELL].to_numpy(dtype=np.uint64)
    uniq, inverse = np.unique(cells, return_inverse=True)
    names = np.array([h3.int_to_str(int(c)) for c in uniq.tolist()], dtype=object)
    out = pd.DataFrame(
        {
            DATE: (counts[DAY].to_numpy(dtype="int64") * _SECONDS_PER_DAY).astype("datetime64[s]"),
            HEX: names[inverse] if len(uniq) else np.array([], dtype=object),
            GOOD: counts[GOOD].to_numpy(dtype=np.int64),
            BAD: counts[BAD].to_numpy(dtype=np.int64),
        }
    )
    out[HEX] = out[HEX].astype("str")
    return out.sort_values([DATE, HEX], ignore_index=True)


def aggregate_reports(
    reports: pd.DataFrame, *, rule: CounterRule = DEFAULT_RULE, resolution: int = H3_RESOLUTION
) -> pd.DataFrame:
    """The layer (GPSJam's daily-file columns plus ``date``) from position reports.

    :returns: columns ``date`` (datetime64, UTC day), ``hex`` (H3 cell as a string),
        ``count_good_aircraft``, ``count_bad_aircraft``; sorted by date and hex.
    """
    return counts_to_layer(partition_counts(reports, rule=rule, resolution=resolution))


@dataclass
class ComputeResult:
    """What :func:`compute_layer` did."""

    files: int = 0
    reports: int = 0
    days: list[dt.date] = field(default_factory=list)
    hexes: int = 0
    layer: pd.DataFrame | None = None


def _read_all(files: list[tuple[Path, bool]], progress: bool) -> pd.DataFrame:
    frames = []
    for path, explicit in tqdm(files, disable=not progress, unit="file", desc="reading"):
        frames.append(read_raw_file(path, strict=explicit))
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_reports()


def _read_batch(batch: list[tuple[str, bool]]) -> pd.DataFrame:
    frames = [read_raw_file(p, strict=explicit) for p, explicit in batch]
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else empty_reports()


def _dask_counts(
    files: list[tuple[Path, bool]],
    *,
    scheduler: str | None,
    rule: CounterRule,
    resolution: int,
) -> tuple[pd.DataFrame, int]:
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler, timeout=30)
    else:
        cluster = LocalCluster(
            n_workers=1,
            threads_per_worker=max(1, min(4, os.cpu_count() or 1)),
            processes=False,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        npart = max(1, min(len(files), 4 * workers))
        # One task reads a batch of files: thousands of tiny partitions cost more than reading.
        batches = [files[i::npart] for i in range(npart)]
        parts = [dask.delayed(_read_batch)([(str(p), e) for p, e in b]) for b in batches]
        reports = dd.from_delayed(parts, meta=empty_reports(), verify_meta=False)
        # All reports of one aircraft must meet in one partition: the counter runs along them.
        by_aircraft = reports.shuffle(on=ICAO, npartitions=npart, shuffle_method="tasks")
        meta = count_cell_aircraft(_empty_cells())
        counts = by_aircraft.map_partitions(
            partition_counts, rule=rule, resolution=resolution, meta=meta
        )
        total = by_aircraft.map_partitions(len, meta=(None, "int64")).sum()
        summed = counts.groupby([DAY, CELL]).sum()
        result, n_reports = dask.compute(summed, total)
        result = result.reset_index()
        result = result.astype({DAY: np.int32, CELL: np.uint64, GOOD: np.int64, BAD: np.int64})
        return result.sort_values([DAY, CELL], ignore_index=True), int(n_reports)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def compute_layer(
    paths: Iterable[str | os.PathLike],
    *,
    store: LayerStore | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
    rule: CounterRule = DEFAULT_RULE,
    resolution: int = H3_RESOLUTION,
    progress: bool = False,
    write: bool = True,
) -> ComputeResult:
    """Compute the layer from aircraft.json snapshots and trace files, and store it.

    :param paths: files and folders (see :func:`tracker.adsb.raw.find_raw_files`).
    :param store: where to write the days; default store if None.
    :param engine: ``pandas`` (in this process) or ``dask`` (Dask distributed).
    :param scheduler: Dask scheduler address; None starts a local in-process cluster.
    :param write: write the days into the store (False only computes).
    :returns: counts of files, reports, days and hexes, and the layer itself.
    :raises InputError: bad paths or files (the message names the file).
    """
    if engine not in ("pandas", "dask"):
        raise InputError(f"unknown engine {engine!r}; use pandas or dask")
    files = find_raw_files(paths)
    if engine == "pandas":
        reports = _read_all(files, progress)
        counts = partition_counts(reports, rule=rule, resolution=resolution)
        n_reports = len(reports)
    else:
        counts, n_reports = _dask_counts(
            files, scheduler=scheduler, rule=rule, resolution=resolution
        )
    layer = counts_to_layer(counts)
    days = {
        ts.date(): frame.drop(columns=[DATE]).reset_index(drop=True)
        for ts, frame in layer.groupby(DATE, sort=True)
    }
    if write and days:
        store = store if store is not None else LayerStore()
        store.write_days(days, source=SOURCE_COMPUTED)
    return ComputeResult(
        files=len(files), reports=n_reports, days=sorted(days), hexes=len(layer), layer=layer
    )
