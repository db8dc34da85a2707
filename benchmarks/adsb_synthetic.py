"""Synthetic ADS-B data for tests and benchmarks (never real, never written to ``data/``).

* :func:`generate_reports`: aircraft flying straight legs, some through jamming zones where their
  NACp collapses, in the order a receiver sees them (time first).
* :func:`write_snapshots` / :func:`write_traces`: the same reports as readsb aircraft.json
  snapshots or globe-history trace files.
* :func:`gpsjam_day` / :func:`write_gpsjam_files`: files shaped like GPSJam's daily CSVs and
  manifest.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

import h3
import numpy as np
import pandas as pd

from tracker.adsb.levels import BAD, GOOD, HEX
from tracker.adsb.raw import GPS_OK_BEFORE, ICAO, LAT, LON, NACP, TIME

__all__ = [
    "JAM_ZONES",
    "generate_reports",
    "write_snapshots",
    "write_traces",
    "gpsjam_day",
    "write_gpsjam_files",
    "gpsjam_site",
    "readsb_snapshots",
]

#: (lat, lon, radius km) of made-up jamming zones.
JAM_ZONES = ((54.5, 20.5, 250.0), (33.5, 35.5, 200.0), (59.5, 28.0, 150.0))
_START = dt.datetime(2023, 9, 1, 20, 0, tzinfo=dt.UTC)
_EARTH_KM = 6371.0


def generate_reports(
    n_reports: int,
    *,
    n_aircraft: int = 2000,
    seed: int = 0,
    interval_s: float = 2.0,
    start: dt.datetime = _START,
    zones=JAM_ZONES,
    box=(25.0, 65.0, -10.0, 45.0),
    through_zones: float = 0.15,
) -> pd.DataFrame:
    """Position reports of ``n_aircraft`` aircraft, about ``n_reports`` in total, time-ordered.

    Each aircraft flies a straight leg at 400-500 kt inside ``box`` (lat min, lat max, lon min,
    lon max), reporting every ``interval_s`` seconds (with jitter); a share ``through_zones`` of
    them starts inside a jamming zone. Inside a zone NACp is 0-2 most of the time; elsewhere
    8-11, with rare glitches.
    """
    rng = np.random.default_rng(seed)
    per = max(1, n_reports // n_aircraft)
    lat0 = rng.uniform(box[0], box[1], n_aircraft)
    lon0 = rng.uniform(box[2], box[3], n_aircraft)
    # Some aircraft start in a jamming zone, so even small samples have bad aircraft.
    if zones:
        chosen = np.flatnonzero(rng.random(n_aircraft) < through_zones)
        pick = rng.integers(0, len(zones), len(chosen))
        lat0[chosen] = np.array([zones[p][0] for p in pick]) + rng.uniform(-0.5, 0.5, len(chosen))
        lon0[chosen] = np.array([zones[p][1] for p in pick]) + rng.uniform(-0.5, 0.5, len(chosen))
    heading = rng.uniform(0, 2 * np.pi, n_aircraft)
    speed_km_s = rng.uniform(400, 500, n_aircraft) * 1.852 / 3600
    t0 = rng.uniform(0, 6 * 3600, n_aircraft)
    k = np.arange(per)
    t = t0[:, None] + k[None, :] * interval_s + rng.uniform(0, 0.5, (n_aircraft, per))
    dist = speed_km_s[:, None] * (t - t0[:, None])
    dlat = np.degrees(dist * np.cos(heading)[:, None] / _EARTH_KM)
    lat = np.clip(lat0[:, None] + dlat, -89.9, 89.9)
    dlon = np.degrees(dist * np.sin(heading)[:, None] / _EARTH_KM) / np.cos(np.radians(lat))
    lon = (lon0[:, None] + dlon + 180.0) % 360.0 - 180.0
    jammed = np.zeros(lat.shape, dtype=bool)
    for zlat, zlon, zr in zones:
        near = (
            np.radians(lat - zlat) ** 2 + (np.radians(lon - zlon) * np.cos(np.radians(zlat))) ** 2
        )
        jammed |= near < (zr / _EARTH_KM) ** 2
    nacp = rng.integers(8, 12, lat.shape)
    bad_now = jammed & (rng.random(lat.shape) < 0.9)
    nacp[bad_now] = rng.integers(0, 3, int(bad_now.sum()))
    glitch = rng.random(lat.shape) < 0.001
    nacp[glitch] = rng.integers(0, 8, int(glitch.sum()))
    icao = rng.choice(np.arange(0x100000, 0xFFFFFF), n_aircraft, replace=False)
    base = start.timestamp()
    frame = pd.DataFrame(
        {
            ICAO: np.repeat(icao, per).astype(np.int64),
            TIME: np.round(base + t.ravel(), 3),
            LAT: np.round(lat.ravel(), 6),
            LON: np.round(lon.ravel(), 6),
            NACP: nacp.ravel().astype(np.int16),
            GPS_OK_BEFORE: np.zeros(lat.size, dtype=bool),
        }
    )
    return frame.sort_values(TIME, kind="stable", ignore_index=True)


def _dump(obj, path: Path, gz: bool) -> None:
    data = json.dumps(obj, separators=(",", ":")).encode()
    path.write_bytes(gzip.compress(data, compresslevel=1) if gz else data)


def write_snapshots(
    reports: pd.DataFrame, folder: str | os.PathLike, *, every_s: float = 30.0, gz: bool = False
) -> list[Path]:
    """Write reports as aircraft.json-style snapshots, one per ``every_s`` seconds.

    Unlike readsb, which keeps only each aircraft's latest position, a snapshot here holds every
    report of the preceding ``every_s`` seconds (``seen_pos`` is each one's age), so the files
    carry exactly the reports given and results can be compared with the reports frame.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    snap = np.ceil(reports[TIME].to_numpy() / every_s) * every_s
    paths = []
    for i, (now, group) in enumerate(reports.assign(_now=snap).groupby("_now", sort=True)):
        aircraft = []
        for row in group.itertuples(index=False):
            ac = {
                "hex": f"{int(getattr(row, ICAO)):06x}",
                "type": "adsb_icao",
                "lat": float(getattr(row, LAT)),
                "lon": float(getattr(row, LON)),
                "seen_pos": round(float(now) - float(getattr(row, TIME)), 3),
                "nic": 8,
            }
            if int(getattr(row, NACP)) >= 0:
                ac["nac_p"] = int(getattr(row, NACP))
            if bool(getattr(row, GPS_OK_BEFORE)):
                ac["gpsOkBefore"] = float(getattr(row, TIME)) - 60
            aircraft.append(ac)
        path = folder / f"history_{i}.json{'.gz' if gz else ''}"
        _dump({"now": float(now), "messages": 0, "aircraft": aircraft}, path, gz)
        paths.append(path)
    return paths


def write_traces(
    reports: pd.DataFrame, folder: str | os.PathLike, *, gz: bool = True
) -> list[Path]:
    """Write reports as readsb ``trace_full_<hex>.json`` files (gzip content, like readsb).

    A row carries a details object (with ``nac_p``) whenever NACp changes and every 10 rows;
    other rows carry null there, as readsb does.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for icao, group in reports.groupby(ICAO, sort=True):
        group = group.sort_values(TIME, kind="stable")
        base = float(group[TIME].iloc[0])
        rows, last = [], None
        for i, row in enumerate(group.itertuples(index=False)):
            nacp = int(getattr(row, NACP))
            details = None
            if nacp != last or i % 10 == 0 or bool(getattr(row, GPS_OK_BEFORE)):
                details = {"type": "adsb_icao", "nic": 8}
                if nacp >= 0:
                    details["nac_p"] = nacp
                if bool(getattr(row, GPS_OK_BEFORE)):
                    details["gpsOkBefore"] = base
                last = nacp
            rows.append(
                [
                    round(float(getattr(row, TIME)) - base, 3),
                    float(getattr(row, LAT)),
                    float(getattr(row, LON)),
                    35000,
                    450.0,
                    90.0,
                    0,
                    0,
                    details,
                    "adsb_icao",
                    35500,
                    0,
                    280,
                    0.0,
                ]
            )
        name = f"trace_full_{int(icao):06x}.json"
        path = folder / name
        _dump({"icao": f"{int(icao):06x}", "timestamp": base, "trace": rows}, path, gz)
        paths.append(path)
    return paths


def gpsjam_day(n_hexes: int, *, seed: int = 0) -> pd.DataFrame:
    """A GPSJam-shaped day: distinct res-4 cells with good/bad aircraft counts.

    Counts cover every level and the edge cases: cells with no bad aircraft, one bad aircraft,
    shares exactly at 2 % and 10 %, and cells where bad aircraft dominate.
    """
    rng = np.random.default_rng(seed)
    cells = set()
    while len(cells) < n_hexes:
        lat = rng.uniform(-60, 70, n_hexes)
        lon = rng.uniform(-180, 180, n_hexes)
        cells.update(h3.latlng_to_cell(a, b, 4) for a, b in zip(lat, lon, strict=True))
    hexes = sorted(cells)[:n_hexes]
    good = rng.integers(0, 200, n_hexes)
    bad = np.where(rng.random(n_hexes) < 0.6, 0, rng.integers(0, 30, n_hexes))
    # Exact threshold cases: (bad - 1) / (good + bad) == 0.02 and == 0.10.
    special = [(48, 2), (45, 5), (9, 1), (0, 1), (1, 0), (0, 3)]
    for i, (g, b) in enumerate(special[: max(0, n_hexes)]):
        good[i], bad[i] = g, b
    return pd.DataFrame({HEX: hexes, GOOD: good, BAD: bad})


def write_gpsjam_files(
    folder: str | os.PathLike,
    days: list[dt.date],
    *,
    n_hexes: int = 200,
    gz: bool = False,
    suspect: set[dt.date] = frozenset(),
    seed: int = 0,
) -> dict[dt.date, Path]:
    """Write GPSJam-shaped daily files (and a manifest.csv) into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for i, day in enumerate(days):
        frame = gpsjam_day(n_hexes, seed=seed + i)
        text = frame.to_csv(index=False, lineterminator="\n")
        name = f"{day.isoformat()}-h3_4.csv"
        path = folder / (name + (".gz" if gz else ""))
        path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
        out[day] = path
    lines = ["date,suspect,num_bad_aircraft_hexes"]
    for day in days:
        lines.append(f"{day.isoformat()},{'true' if day in suspect else 'false'},0")
    (folder / "manifest.csv").write_text("\n".join(lines) + "\n")
    return out


def gpsjam_site(
    days: list[dt.date],
    *,
    n_hexes: int = 200,
    suspect: set[dt.date] = frozenset(),
    seed: int = 0,
) -> dict[str, bytes]:
    """The files of a GPSJam-like web folder: ``manifest.csv`` and one CSV per day, as bytes.

    Unlike :func:`write_gpsjam_files`, the manifest's ``num_bad_aircraft_hexes`` is each day's
    real count of hexes at 10 % or more, as GPSJam publishes it (a downloader checks it).
    """
    from tracker.adsb.levels import classify, share

    files: dict[str, bytes] = {}
    lines = ["date,suspect,num_bad_aircraft_hexes"]
    for i, day in enumerate(sorted(days)):
        frame = gpsjam_day(n_hexes, seed=seed + i)
        files[f"{day.isoformat()}-h3_4.csv"] = frame.to_csv(
            index=False, lineterminator="\n"
        ).encode()
        high = int((classify(share(frame[GOOD], frame[BAD])) == 2).sum())
        lines.append(f"{day.isoformat()},{'true' if day in suspect else 'false'},{high}")
    files["manifest.csv"] = ("\n".join(lines) + "\n").encode()
    return files


def readsb_snapshots(
    reports: pd.DataFrame, *, every_s: float = 5.0, max_age_s: float = 60.0
) -> list[dict]:
    """aircraft.json snapshots as readsb writes them, in time order.

    Each snapshot, taken every ``every_s`` seconds, holds every aircraft's latest position no
    older than ``max_age_s`` (with ``seen_pos`` its age), so a position reappears in the
    following snapshots until a newer one replaces it, and positions between two snapshots
    are never seen, as with a real receiver.
    """
    frame = reports.sort_values([TIME], kind="stable", ignore_index=True)
    times = frame[TIME].to_numpy()
    if not len(times):
        return []
    first = np.ceil(times.min() / every_s) * every_s
    out = []
    now = first
    while now <= times.max() + every_s:
        seen = frame[(times <= now) & (times > now - max_age_s)]
        latest = seen.groupby(ICAO, sort=True).tail(1)
        aircraft = []
        for row in latest.itertuples(index=False):
            ac = {
                "hex": f"{int(getattr(row, ICAO)):06x}",
                "type": "adsb_icao",
                "lat": float(getattr(row, LAT)),
                "lon": float(getattr(row, LON)),
                "seen_pos": round(float(now) - float(getattr(row, TIME)), 3),
            }
            if int(getattr(row, NACP)) >= 0:
                ac["nac_p"] = int(getattr(row, NACP))
            if bool(getattr(row, GPS_OK_BEFORE)):
                ac["gpsOkBefore"] = float(getattr(row, TIME)) - 60
            aircraft.append(ac)
        out.append({"now": float(now), "messages": 0, "aircraft": aircraft})
        now += every_s
    return out
