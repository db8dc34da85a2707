"""Follow a running readsb/tar1090 output folder and keep today's layer up to date.

readsb rewrites ``aircraft.json`` every second, keeps a ring of ``history_N.json`` snapshots and
(with ``--write-globe-history``) rewrites each aircraft's ``trace_full_<hex>.json`` as it grows.
:class:`ReceiverFeed` reads whatever changed since its last pass, continues each aircraft's NACp
counter from where it stopped (across passes and across restarts: the state lives in the
store), and rewrites the days it touched in place.

The result equals one batch :func:`tracker.adsb.compute.compute_layer` over the same files, as
long as each aircraft's reports arrive in time order, which is how readsb writes them. The
state kept in ``<store>/receiver/``:

* ``aircraft.parquet``: per aircraft, the time of its last report taken in and its counter;
* ``cells.parquet``: per open day, cell and aircraft, whether the aircraft was bad there (the
  distinct-aircraft counts of a day need the aircraft, not just the totals);
* ``files.json``: size and modification time of each file already read, and the counter rule.

A report no newer than its aircraft's last one is skipped: the same position seen again in a
later snapshot (counted once, as the batch does), or a file arriving late (counted as ``late``;
a batch compute over the files includes it). Days older than ``keep_days`` before the newest day
are closed: their cells leave the state, and reports for them are counted as ``too_old``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from tracker import safety
from tracker.adsb.cells import cells_for_tracks
from tracker.adsb.compute import (
    CELL,
    DAY,
    DEFAULT_RULE,
    H3_RESOLUTION,
    CounterRule,
    count_cell_aircraft,
    counter_steps,
    counter_values,
    counts_to_layer,
    track_order,
)
from tracker.adsb.levels import DATE
from tracker.adsb.raw import GPS_OK_BEFORE, ICAO, LAT, LON, NACP, TIME, empty_reports, read_raw_file
from tracker.adsb.store import SOURCE_COMPUTED, LayerStore, parquet_bytes
from tracker.errors import InputError, StoreError

__all__ = ["ReceiverFeed", "PassResult", "STATE_DIR", "watch"]

logger = logging.getLogger(__name__)

STATE_DIR = "receiver"
_SECONDS_PER_DAY = 86400
_COUNTER = "counter"
_BAD = "bad"


@dataclass
class PassResult:
    """What one pass over the folder did."""

    files: int = 0
    reports: int = 0
    taken: int = 0
    repeated: int = 0
    late: int = 0
    too_old: int = 0
    days: list[dt.date] = field(default_factory=list)
    unreadable: dict[str, str] = field(default_factory=dict)


def _signature(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    # The inode too: readsb replaces its files by renaming a new one over them.
    return [st.st_mtime_ns, st.st_size, st.st_ino]


def _snapshot_time(path: Path) -> float:
    """Sort key: readsb's history files are a ring, so their names say nothing about order."""
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


class ReceiverFeed:
    """Incremental layer computation over readsb/tar1090 output folders.

    :param paths: folders (searched recursively for ``*.json``/``*.json.gz``) or files.
    :param store: the layer store; the state is kept in ``<store>/receiver/``.
    :param rule: the counter rule; must match the rule the state was built with.
    :param keep_days: days kept open (the newest and the ``keep_days - 1`` before it).
    :raises InputError: the state was built with another rule.
    """

    def __init__(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        store: LayerStore,
        rule: CounterRule = DEFAULT_RULE,
        keep_days: int = 2,
        resolution: int = H3_RESOLUTION,
    ):
        if keep_days < 1:
            raise InputError("keep_days must be 1 or more")
        self.paths = [Path(p) for p in paths]
        self.store = store
        self.rule = rule
        self.keep_days = keep_days
        self.resolution = resolution
        self.dir = store.root / STATE_DIR
        self._load()

    # -- state -------------------------------------------------------------------------------
    def _load(self) -> None:
        meta_path = self.dir / "files.json"
        self.files: dict[str, list[int]] = {}
        self.aircraft = pd.DataFrame(
            {
                ICAO: np.zeros(0, np.int64),
                TIME: np.zeros(0, np.float64),
                _COUNTER: np.zeros(0, np.int32),
            }
        )
        self.cells = pd.DataFrame(
            {
                DAY: np.zeros(0, np.int32),
                CELL: np.zeros(0, np.uint64),
                ICAO: np.zeros(0, np.int64),
                _BAD: np.zeros(0, bool),
            }
        )
        if not meta_path.is_file():
            return
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            rule = meta.get("rule")
            if rule != asdict(self.rule):
                raise InputError(
                    f"{self.dir}: the receiver state was built with the counter rule {rule}, "
                    f"not {asdict(self.rule)}; use the same --bad-at and --cap, or delete "
                    f"{self.dir} to start again"
                )
            self.files = {k: list(v) for k, v in meta.get("files", {}).items()}
            self.aircraft = pq.read_table(self.dir / "aircraft.parquet").to_pandas()
            self.cells = pq.read_table(self.dir / "cells.parquet").to_pandas()
        except InputError:
            raise
        except (OSError, ValueError, pa.ArrowException) as err:
            raise StoreError(
                f"{self.dir}: cannot read the receiver state ({err}); delete the folder to "
                "start again (days already in the store are kept)"
            ) from err

    def _save(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        # Order matters for a crash between writes: cells, then aircraft, then the file list.
        # Replaying files whose state was not saved gives the same cells again.
        for name, frame in (("cells.parquet", self.cells), ("aircraft.parquet", self.aircraft)):
            _write_parquet(self.dir / name, frame)
        meta = {"rule": asdict(self.rule), "files": self.files}
        _write_bytes(self.dir / "files.json", json.dumps(meta, indent=0, sort_keys=True) + "\n")

    # -- one pass ----------------------------------------------------------------------------
    def changed_files(self) -> list[Path]:
        """Files that are new or changed since they were last read, oldest first."""
        found: list[Path] = []
        for root in self.paths:
            if root.is_file():
                found.append(root)
            elif root.is_dir():
                for base, dirs, names in os.walk(root):
                    dirs.sort()
                    found.extend(
                        Path(base) / n for n in sorted(names) if n.endswith((".json", ".json.gz"))
                    )
            else:
                raise InputError(f"{root}: no such file or folder")
        # Forget files that are gone (readsb's history ring keeps the same names, traces of
        # old days get deleted), so the list does not grow without end.
        present = {str(p) for p in found}
        self.files = {k: v for k, v in self.files.items() if k in present}
        changed = [p for p in found if self.files.get(str(p)) != _signature(p)]
        return sorted(changed, key=_snapshot_time)

    def run_once(self) -> PassResult:
        """Read what changed, update the state and the touched days; returns what it did."""
        result = PassResult()
        frames, read = [], {}
        for path in self.changed_files():
            sig = _signature(path)
            try:
                frame = read_raw_file(path, strict=False)
            except InputError as err:
                # readsb replaces its files atomically, but other writers may not: try again
                # on the next pass.
                result.unreadable[str(path)] = str(err)
                logger.warning("%s", err)
                continue
            read[str(path)] = sig
            if len(frame):
                frames.append(frame)
        result.files = len(read)
        reports = pd.concat(frames, ignore_index=True) if frames else empty_reports()
        result.reports = len(reports)
        if len(reports):
            self._ingest(reports, result)
        self.files.update(read)
        if read:
            self._save()
        return result

    def _ingest(self, reports: pd.DataFrame, result: PassResult) -> None:
        rule = self.rule
        icao = reports[ICAO].to_numpy(dtype=np.int64)
        t = reports[TIME].to_numpy(dtype=np.float64)
        lat = reports[LAT].to_numpy(dtype=np.float64)
        lon = reports[LON].to_numpy(dtype=np.float64)
        nacp = reports[NACP].to_numpy(dtype=np.int16)
        gob = reports[GPS_OK_BEFORE].to_numpy(dtype=bool)
        ok = np.isfinite(t) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
        cols = [c[ok] for c in (icao, t, lat, lon, nacp, gob)]
        order = track_order(cols[0], cols[1])
        if order is not None:
            cols = [c[order] for c in cols]
        icao, t, lat, lon, nacp, gob = cols
        n = len(icao)
        # The same position in two snapshots of this pass: once (as the batch does).
        dup = np.zeros(n, dtype=bool)
        dup[1:] = (icao[1:] == icao[:-1]) & (t[1:] == t[:-1])
        # Against the state: no newer than the aircraft's last report is a repeat or late.
        known = self.aircraft.sort_values(ICAO, ignore_index=True)
        k_icao = known[ICAO].to_numpy(dtype=np.int64)
        pos = np.searchsorted(k_icao, icao)
        pos_c = np.minimum(pos, max(len(k_icao) - 1, 0))
        has = (pos < len(k_icao)) & (k_icao[pos_c] == icao) if len(k_icao) else np.zeros(n, bool)
        last_t = np.where(has, known[TIME].to_numpy()[pos_c] if len(k_icao) else 0.0, -np.inf)
        start_c = np.where(has, known[_COUNTER].to_numpy()[pos_c] if len(k_icao) else 0, 0)
        repeat = has & (t == last_t)
        late = has & (t < last_t)
        day = np.floor(t / _SECONDS_PER_DAY).astype(np.int32)
        # A day closed before this pass (its cells have left the state) cannot take new
        # aircraft: rewriting it from the state would lose the ones counted before.
        if len(self.cells):
            open_from = int(self.cells[DAY].max()) - self.keep_days + 1
        else:
            open_from = -(2**31)
        old = (day < open_from) & ~dup & ~repeat & ~late
        keep = ~(dup | repeat | late | old)
        result.repeated = int((dup | repeat).sum())
        result.late = int(late.sum())
        result.too_old = int(old.sum())
        if result.late or result.too_old:
            logger.warning(
                "%d reports older than their aircraft's last one, %d for closed days: skipped",
                result.late,
                result.too_old,
            )
        icao, t, lat, lon, nacp, gob, day, start_c = (
            c[keep] for c in (icao, t, lat, lon, nacp, gob, day, start_c)
        )
        n = len(icao)
        result.taken = n
        if n == 0:
            return
        track_start = np.ones(n, dtype=bool)
        track_start[1:] = icao[1:] != icao[:-1]
        steps = counter_steps(nacp, rule).astype(np.int32)
        # Continue each aircraft's counter: the first step of its run starts from the stored
        # value (0 <= value <= cap, so clamp(value) == value).
        steps[track_start] += start_c[track_start].astype(np.int32)
        counter = counter_values(steps, track_start, cap=rule.cap)
        bad = (gob & rule.trust_gps_ok_before) | (counter >= rule.bad_at)
        cell = cells_for_tracks(lat, lon, track_start, self.resolution)
        fresh = (
            pd.DataFrame({DAY: day, CELL: cell, ICAO: icao, _BAD: bad})
            .groupby([DAY, CELL, ICAO], sort=False, as_index=False)[_BAD]
            .max()
        )
        cells = pd.concat([self.cells, fresh], ignore_index=True)
        self.cells = cells.groupby([DAY, CELL, ICAO], sort=True, as_index=False)[_BAD].max()
        touched = np.unique(fresh[DAY].to_numpy())
        layer = counts_to_layer(count_cell_aircraft(self.cells[self.cells[DAY].isin(touched)]))
        days = {
            ts.date(): frame.drop(columns=[DATE]).reset_index(drop=True)
            for ts, frame in layer.groupby(DATE, sort=True)
        }
        self.store.write_days(days, source=SOURCE_COMPUTED)
        result.days = sorted(days)
        # Each aircraft's last report and counter.
        ends = np.append(np.flatnonzero(track_start)[1:] - 1, n - 1)
        update = pd.DataFrame(
            {ICAO: icao[ends], TIME: t[ends], _COUNTER: counter[ends].astype(np.int32)}
        )
        rest = self.aircraft[~self.aircraft[ICAO].isin(update[ICAO])]
        self.aircraft = pd.concat([rest, update], ignore_index=True)
        newest = int(self.cells[DAY].max())
        self.cells = self.cells[self.cells[DAY] > newest - self.keep_days].reset_index(drop=True)


def _write_parquet(path: Path, frame: pd.DataFrame) -> None:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    _write_bytes(path, parquet_bytes(table))


def _write_bytes(path: Path, content: bytes | str) -> None:
    try:
        safety.atomic_write(path, content)
    except OSError as err:
        raise StoreError(f"{path}: cannot write receiver state ({err})") from err


def watch(
    feed: ReceiverFeed,
    *,
    interval: float = 10.0,
    passes: int | None = None,
    on_pass: Callable[[PassResult], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Run passes every ``interval`` seconds until interrupted (or ``passes`` are done).

    :param on_pass: called with each pass's result (the CLI prints a line).
    :returns: the number of passes run. Ctrl-C ends the loop between or during passes; a pass
        cut short leaves the state as it was before it.
    """
    done = 0
    try:
        while passes is None or done < passes:
            if done:
                sleep(interval)
            result = feed.run_once()
            done += 1
            if on_pass is not None:
                on_pass(result)
    except KeyboardInterrupt:
        logger.info("stopped after %d passes", done)
    return done
