"""A columnar store of the ADS-B interference layer: one Parquet file per UTC day.

Layout (Hive-style, so any Parquet reader understands it)::

    <root>/layer/date=2023-09-01/part-0.parquet   hex, count_good_aircraft, count_bad_aircraft

``hex`` is the cell's 64-bit H3 index (older stores hold the cell string; both are read, and
:meth:`LayerStore.read` always returns strings).
    <root>/manifest.parquet                       date, suspect, num_bad_aircraft_hexes

Each day is written to a temporary file and renamed over the old one, so a reader sees either
the old day or the new one, never half of either, and re-importing a day replaces it. Writers
hold ``<root>/.lock``. The file's Parquet metadata records where the day came from
(``gpsjam`` for imported files, ``computed`` for days aggregated from raw ADS-B).

The store holds derived data and GPSJam's files carry no licence, so it lives outside ``data/``:
by default in ``.adsb-store/`` at the repository root (git-ignored), or wherever
``GNSS_TRACKER_ADSB_STORE`` points.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import filelock
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from tracker import safety
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
from tracker.errors import StoreError

__all__ = [
    "STORE_ENV",
    "SOURCE_GPSJAM",
    "SOURCE_COMPUTED",
    "SUSPECT",
    "NUM_BAD_HEXES",
    "LAYER_SCHEMA",
    "STORED_SCHEMA",
    "cells_to_ints",
    "ints_to_cells",
    "default_store_dir",
    "parquet_bytes",
    "LayerStore",
]

logger = logging.getLogger(__name__)

#: Environment variable naming the store folder.
STORE_ENV = "GNSS_TRACKER_ADSB_STORE"
SOURCE_GPSJAM = "gpsjam"
SOURCE_COMPUTED = "computed"
SUSPECT = "suspect"
NUM_BAD_HEXES = "num_bad_aircraft_hexes"
SOURCE = "source"

LAYER_SCHEMA = pa.schema([(HEX, pa.string()), (GOOD, pa.int32()), (BAD, pa.int32())])
#: How days are written since issue 16: the cell as its 64-bit H3 index (``int(hex, 16)``), which
#: reads about ten times faster than its 15-character string. Days written before, and days
#: whose cells are not all canonical H3 strings, keep :data:`LAYER_SCHEMA`; both are read.
STORED_SCHEMA = pa.schema([(HEX, pa.int64()), (GOOD, pa.int32()), (BAD, pa.int32())])
MANIFEST_SCHEMA = pa.schema(
    [(DATE, pa.date32()), (SUSPECT, pa.bool_()), (NUM_BAD_HEXES, pa.int32())]
)
_PART = "part-0.parquet"
_DAY_DIR = re.compile(r"^date=(\d{4}-\d{2}-\d{2})$")
_LOCK_TIMEOUT_S = 60
#: Threads reading days in :meth:`LayerStore.read`.
_READ_THREADS = 4


def _as_layer(table: pa.Table) -> pa.Table:
    """A stored day's table with its cells as strings (:data:`LAYER_SCHEMA`)."""
    if table.schema.field(HEX).type == pa.string():
        return table
    index = table.schema.get_field_index(HEX)
    return table.set_column(index, HEX, ints_to_cells(table[HEX]))


def _read_stored(path: Path, *, use_threads: bool = True) -> pa.Table:
    """One stored day as written: cells as 64-bit indexes, or as strings in older stores."""
    with pq.ParquetFile(path, memory_map=True) as file:
        table = file.read(use_threads=use_threads)
    stored = table.schema.field(HEX).type
    target = STORED_SCHEMA if pa.types.is_integer(stored) else LAYER_SCHEMA
    return table.select([HEX, GOOD, BAD]).cast(target)


def default_store_dir() -> Path:
    """The store folder: ``$GNSS_TRACKER_ADSB_STORE``, else ``.adsb-store/`` in the repo root."""
    env = os.environ.get(STORE_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(__file__).resolve().parents[2] / ".adsb-store"


class LayerStore:
    """The layer's Parquet store in folder ``root`` (created on first write).

    :param root: the store folder; ``None`` means :func:`default_store_dir`.
    """

    def __init__(self, root: str | os.PathLike | None = None):
        self.root = Path(root) if root is not None else default_store_dir()

    def __repr__(self) -> str:
        return f"LayerStore({str(self.root)!r})"

    # -- paths -------------------------------------------------------------------------------
    @property
    def layer_dir(self) -> Path:
        return self.root / "layer"

    @property
    def manifest_path(self) -> Path:
        return self.root / "manifest.parquet"

    def _day_path(self, day: dt.date) -> Path:
        return self.layer_dir / f"date={day.isoformat()}" / _PART

    def _lock(self) -> filelock.FileLock:
        self.root.mkdir(parents=True, exist_ok=True)
        return filelock.FileLock(str(self.root / ".lock"), timeout=_LOCK_TIMEOUT_S)

    # -- reading -----------------------------------------------------------------------------
    def days(self) -> list[dt.date]:
        """Days held in the store, oldest first."""
        if not self.layer_dir.is_dir():
            return []
        out = []
        for child in self.layer_dir.iterdir():
            m = _DAY_DIR.match(child.name)
            if m and (child / _PART).is_file():
                out.append(dt.date.fromisoformat(m.group(1)))
        return sorted(out)

    def signature(self) -> tuple:
        """A value that changes whenever a day or the manifest is written (a cache key).

        :returns: ``(root, manifest mtime_ns, ((day ordinal, file mtime_ns, file size), ...))``,
            days oldest first; a day removed while this runs is left out. The rollups
            (:mod:`tracker.adsb.rollup`) record the entries of the days they were made from.
        """
        parts = []
        for day in self.days():
            try:
                info = self._day_path(day).stat()
            except OSError:
                continue
            parts.append((day.toordinal(), info.st_mtime_ns, info.st_size))
        try:
            manifest = self.manifest_path.stat().st_mtime_ns
        except OSError:
            manifest = 0
        return (str(self.root), manifest, tuple(parts))

    def source(self, day: dt.date) -> str:
        """Where a stored day came from (``gpsjam`` or ``computed``)."""
        meta = pq.read_schema(self._day_path(day)).metadata or {}
        return meta.get(SOURCE.encode(), b"").decode() or "unknown"

    def read_day(self, day: dt.date) -> pd.DataFrame:
        """One day's rows (``hex``, good and bad counts); empty if the day is not stored."""
        path = self._day_path(day)
        if not path.is_file():
            return LAYER_SCHEMA.empty_table().to_pandas()
        try:
            return _as_layer(_read_stored(path)).to_pandas()
        except (OSError, pa.ArrowException) as err:
            raise StoreError(f"{path}: cannot read stored day ({err})") from err

    def read(
        self,
        *,
        start: dt.date | None = None,
        end: dt.date | None = None,
        hexes=None,
        min_share: float | None = None,
        days: list[dt.date] | None = None,
    ) -> pd.DataFrame:
        """Rows of every stored day in ``[start, end]``, with a ``date`` column first.

        :param start: first day (inclusive); ``None`` for the oldest.
        :param end: last day (inclusive); ``None`` for the newest.
        :param days: if given, read only these of the stored days (within ``[start, end]``).
        :param hexes: if given, keep only these H3 cells (strings).
        :param min_share: if given, keep only rows whose share ``(bad - 1) / (good + bad)`` is at
            least this (filtered in Arrow, before the rows become a DataFrame).
        :returns: columns ``date`` (datetime64), ``hex``, ``count_good_aircraft``,
            ``count_bad_aircraft``; sorted by date.
        """
        only = None if days is None else set(days)
        days = [
            d
            for d in self.days()
            if (start is None or d >= start)
            and (end is None or d <= end)
            and (only is None or d in only)
        ]
        wanted = None if hexes is None else pa.array(sorted(set(hexes)), pa.string())
        wanted_ints = None
        if wanted is not None:
            canonical = pc.match_substring_regex(wanted, r"^[1-9a-f][0-9a-f]{14}$")
            wanted_ints = cells_to_ints(wanted.filter(canonical))

        def read_one(day: dt.date) -> pa.Table:
            path = self._day_path(day)
            try:
                table = _read_stored(path, use_threads=False)
            except (OSError, pa.ArrowException) as err:
                raise StoreError(f"{path}: cannot read stored day ({err})") from err
            if wanted is not None:
                as_ints = table.schema.field(HEX).type != pa.string()
                table = table.filter(
                    pc.is_in(table[HEX], value_set=wanted_ints if as_ints else wanted)
                )
            if min_share is not None:
                good = pc.cast(table[GOOD], pa.float64())
                bad = pc.cast(table[BAD], pa.float64())
                ratio = pc.divide(pc.subtract(bad, 1.0), pc.add(good, bad))
                table = table.filter(pc.greater_equal(ratio, min_share))
            # Only the rows kept are turned into cell strings.
            table = _as_layer(table)
            day_col = pa.array(np.full(table.num_rows, np.datetime64(day, "D")), pa.date32())
            return table.add_column(0, DATE, day_col)

        tables = None
        if len(days) > 1 and hexes is None:
            tables = self._scan(days, min_share)
        # Days are independent files and Arrow releases the GIL while reading and filtering:
        # a year of days is read by a few threads (in day order, as before).
        if tables is not None:
            pass
        elif len(days) > 1:
            with ThreadPoolExecutor(max_workers=_READ_THREADS) as pool:
                tables = list(pool.map(read_one, days))
        else:
            tables = [read_one(day) for day in days]
        if not tables:
            empty = LAYER_SCHEMA.empty_table().to_pandas()
            empty.insert(0, DATE, pd.Series([], dtype="datetime64[s]"))
            return empty
        table = pa.concat_tables(tables)
        table = table.set_column(0, DATE, table[DATE].cast(pa.timestamp("s")))
        return table.to_pandas()

    def _scan(self, days: list[dt.date], min_share: float | None) -> list[pa.Table] | None:
        """``days`` read in one Arrow dataset scan (filtered in C++ across threads, the date
        taken from the folder name), the cells of the rows kept turned into strings; ``None``
        when a day is not in the integer format (or unreadable), for the day-by-day path to
        read or report."""
        import pyarrow.dataset as ds

        schema = STORED_SCHEMA.append(pa.field(DATE, pa.date32()))
        partitioning = ds.partitioning(pa.schema([(DATE, pa.date32())]), flavor="hive")
        expr = None
        if min_share is not None:
            good = pc.field(GOOD).cast(pa.float64())
            bad = pc.field(BAD).cast(pa.float64())
            expr = (bad - 1.0) / (good + bad) >= min_share
        try:
            dataset = ds.dataset(
                [str(self._day_path(day)) for day in days],
                schema=schema,
                format="parquet",
                partitioning=partitioning,
                partition_base_dir=str(self.layer_dir),
            )
            # A string cell of decimal digits would cast to a wrong integer: older days go the
            # day-by-day way (reading each footer here costs a few milliseconds a year).
            for fragment in dataset.get_fragments():
                if fragment.physical_schema.field(HEX).type != pa.int64():
                    return None
            table = dataset.to_table(filter=expr, fragment_readahead=2, batch_readahead=2)
        except (OSError, pa.ArrowException):
            return None
        # Rows in day order, each day's rows in file order (the scan may finish files out of
        # order; the sort is stable).
        table = table.take(pc.sort_indices(table[DATE]))
        table = table.select([DATE, HEX, GOOD, BAD])
        return [table.set_column(1, HEX, ints_to_cells(table[HEX]))]

    def manifest(self) -> pd.DataFrame:
        """Manifest rows in the store: ``date``, ``suspect``, ``num_bad_aircraft_hexes``."""
        if not self.manifest_path.is_file():
            out = MANIFEST_SCHEMA.empty_table().to_pandas()
            out[DATE] = pd.Series([], dtype="datetime64[s]")
            return out
        try:
            out = pq.read_table(self.manifest_path, schema=MANIFEST_SCHEMA).to_pandas()
        except (OSError, pa.ArrowException) as err:
            raise StoreError(f"{self.manifest_path}: cannot read manifest ({err})") from err
        out[DATE] = pd.to_datetime(out[DATE]).astype("datetime64[s]")
        return out

    def suspect_days(self) -> set[dt.date]:
        """Days the manifest marks as suspect (incomplete data)."""
        m = self.manifest()
        return {ts.date() for ts in m.loc[m[SUSPECT], DATE]}

    # -- writing -----------------------------------------------------------------------------
    def write_days(
        self, days: dict[dt.date, pd.DataFrame | pa.Table], *, source: str
    ) -> list[dt.date]:
        """Write (or replace) whole days; each day is replaced atomically.

        :param days: day -> frame with ``hex`` and the two count columns.
        :param source: provenance recorded in the file metadata.
        :returns: the days written.
        """
        from tracker.adsb import rollup

        written = []
        with self._lock():
            # The months' rollups go first, so that a writer stopped half-way leaves them
            # missing (read from the days) rather than stale.
            months = rollup.invalidate(self, days)
            try:
                for day, frame in sorted(days.items()):
                    self._write_day(day, frame, source=source)
                    written.append(day)
            finally:
                rollup.rebuild_months(self, months)
        return written

    def _write_day(self, day: dt.date, frame: pd.DataFrame | pa.Table, *, source: str) -> None:
        if isinstance(frame, pa.Table):
            table = frame.select([HEX, GOOD, BAD]).cast(LAYER_SCHEMA)
        else:
            table = pa.table(
                {
                    HEX: pa.array(frame[HEX].to_numpy(dtype=object), pa.string()),
                    GOOD: pa.array(frame[GOOD].to_numpy(dtype="int64"), pa.int64()).cast(
                        pa.int32()
                    ),
                    BAD: pa.array(frame[BAD].to_numpy(dtype="int64"), pa.int64()).cast(pa.int32()),
                },
                schema=LAYER_SCHEMA,
            )
        as_ints = cells_to_ints(table[HEX])
        if as_ints is not None:
            table = table.set_column(0, HEX, as_ints)
        table = table.replace_schema_metadata({SOURCE: source})
        path = self._day_path(day)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # Cells are unique within a day, so dictionary encoding would only cost time; delta
            # encoding without compression keeps the file as small as Snappy's and decodes a
            # year of days several times faster.
            content = parquet_bytes(
                table,
                use_dictionary=False,
                write_statistics=False,
                compression="none",
                column_encoding={
                    f.name: "DELTA_BINARY_PACKED"
                    for f in table.schema
                    if pa.types.is_integer(f.type)
                },
            )
            safety.atomic_write(path, content)
        except OSError as err:
            raise StoreError(f"{path}: cannot write day {day} ({err})") from err

    def write_manifest(self, rows: pd.DataFrame) -> None:
        """Merge manifest rows into the store; a row for a date already held replaces it."""
        with self._lock():
            old = self.manifest()
            merged = pd.concat([old[~old[DATE].isin(rows[DATE])], rows], ignore_index=True)
            merged = merged.sort_values(DATE, ignore_index=True)
            table = pa.table(
                {
                    DATE: pa.array(merged[DATE].dt.date.to_numpy(dtype=object), pa.date32()),
                    SUSPECT: pa.array(merged[SUSPECT].to_numpy(dtype=bool), pa.bool_()),
                    NUM_BAD_HEXES: pa.array(
                        merged[NUM_BAD_HEXES].astype("Int64").to_numpy(dtype=object, na_value=None),
                        pa.int32(),
                    ),
                },
                schema=MANIFEST_SCHEMA,
            )
            try:
                safety.atomic_write(self.manifest_path, parquet_bytes(table))
            except OSError as err:
                raise StoreError(f"{self.manifest_path}: cannot write manifest ({err})") from err

    def delete_day(self, day: dt.date) -> None:
        """Remove one day from the store (no error if it is absent)."""
        from tracker.adsb import rollup

        with self._lock():
            months = rollup.invalidate(self, [day])
            try:
                shutil.rmtree(self._day_path(day).parent, ignore_errors=True)
            finally:
                rollup.rebuild_months(self, months)

    # -- summaries ---------------------------------------------------------------------------
    def summary(self, *, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> pd.DataFrame:
        """Per stored day: hexes, medium and high hexes, suspect flag and provenance.

        :returns: columns ``date``, ``hexes``, ``medium``, ``high``, ``suspect`` (bool, or
            ``<NA>`` when the manifest does not mention the day), ``source``; one row per day.
        """
        rows = []
        for day in self.days():
            frame = self.read_day(day)
            rank = classify(
                share(frame[GOOD].to_numpy(), frame[BAD].to_numpy()), thresholds=thresholds
            )
            rows.append(
                {
                    DATE: pd.Timestamp(day),
                    "hexes": len(frame),
                    "medium": int((rank == 1).sum()),
                    "high": int((rank == 2).sum()),
                    SOURCE: self.source(day),
                }
            )
        out = pd.DataFrame(rows, columns=[DATE, "hexes", "medium", "high", SOURCE])
        out[DATE] = out[DATE].astype("datetime64[s]")
        manifest = self.manifest()
        suspect = dict(zip(manifest[DATE], manifest[SUSPECT], strict=True))
        out.insert(4, SUSPECT, pd.array([suspect.get(d) for d in out[DATE]], dtype="boolean"))
        return out
