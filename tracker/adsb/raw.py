"""Read raw ADS-B position reports from readsb / tar1090 files.

Two formats are understood, plain or gzip-compressed (readsb writes its globe-history traces
gzipped even when the name ends in ``.json``):

* **aircraft.json snapshots** (also ``history_N.json``): ``{"now": <unix s>, "aircraft": [...]}``,
  each aircraft with ``hex``, ``lat``, ``lon``, ``seen_pos``, ``nac_p``, ``type`` and, when readsb
  judged its GNSS lost or degraded, ``gpsOkBefore``.
* **trace files** (``trace_full_<hex>.json``): ``{"icao", "timestamp", "trace": [[dt, lat, lon,
  alt, gs, track, flags, rate, details|null, type, ...], ...]}``. NACp sits in the ``details``
  object, which readsb writes only now and then; between two details objects the last NACp holds.

Both become one frame of position reports (:data:`REPORT_COLUMNS`). Positions that aircraft did
not report themselves (MLAT, TIS-B, ADS-C, Mode S, SBS "other") carry no NACp of their own and
are dropped.
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd

from tracker.adsb.files import read_maybe_gzip
from tracker.errors import InputError

__all__ = [
    "ICAO",
    "TIME",
    "LAT",
    "LON",
    "NACP",
    "GPS_OK_BEFORE",
    "REPORT_COLUMNS",
    "NON_ICAO_FLAG",
    "empty_reports",
    "find_raw_files",
    "read_raw_file",
    "parse_aircraft_json",
    "parse_trace",
    "parse_icao",
]

logger = logging.getLogger(__name__)

ICAO = "icao"
TIME = "time"
LAT = "lat"
LON = "lon"
NACP = "nac_p"
GPS_OK_BEFORE = "gps_ok_before"
#: Columns of a reports frame: ``icao`` (int64; 24-bit address, plus :data:`NON_ICAO_FLAG` for
#: readsb's ``~`` addresses), ``time`` (unix seconds, float), ``lat``/``lon`` (WGS84 degrees),
#: ``nac_p`` (int16, -1 when unknown), ``gps_ok_before`` (readsb already flagged GNSS as lost).
REPORT_COLUMNS = (ICAO, TIME, LAT, LON, NACP, GPS_OK_BEFORE)
#: Added to non-ICAO (``~``) addresses so they never collide with real ones.
NON_ICAO_FLAG = 1 << 24
#: Position sources whose NACp is not the aircraft's own.
EXCLUDED_TYPES = frozenset(
    {"mlat", "tisb_icao", "tisb_other", "tisb_trackfile", "adsc", "mode_s", "other", "unknown"}
)
#: readsb's position sources that are the aircraft's own ADS-B (directly, or rebroadcast by
#: ADS-R). A snapshot row with any other ``type`` (including values added by other apps) is
#: not counted; a row without ``type`` (dump1090) is, unless its ``mlat``/``tisb`` lists say
#: the position came from there.
ADSB_TYPES = frozenset({"adsb_icao", "adsb_icao_nt", "adsr_icao", "adsb_other", "adsr_other"})
MAX_FILE_BYTES = 1024 * 1024 * 1024


def empty_reports() -> pd.DataFrame:
    """A reports frame with no rows and the right dtypes."""
    return _frame([], [], [], [], [], [])


def _frame(icao, time, lat, lon, nacp, gob) -> pd.DataFrame:
    return pd.DataFrame(
        {
            ICAO: np.asarray(icao, dtype=np.int64),
            TIME: np.asarray(time, dtype=np.float64),
            LAT: np.asarray(lat, dtype=np.float64),
            LON: np.asarray(lon, dtype=np.float64),
            NACP: np.asarray(nacp, dtype=np.int16),
            GPS_OK_BEFORE: np.asarray(gob, dtype=bool),
        }
    )


def parse_icao(value) -> int | None:
    """readsb's hex address as an int (``~`` addresses get :data:`NON_ICAO_FLAG`); None if bad.

    >>> parse_icao("4ca7b3"), parse_icao("~00a1b2") == 0xa1b2 + NON_ICAO_FLAG, parse_icao("x")
    (5023667, True, None)
    """
    if not isinstance(value, str):
        return None
    flag = 0
    if value.startswith("~"):
        flag, value = NON_ICAO_FLAG, value[1:]
    if len(value) != 6:
        return None
    try:
        return int(value, 16) + flag
    except ValueError:
        return None


def _number(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _nacp(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 15:
        return -1
    return int(value)


def _own_position(ac: dict) -> bool:
    """Whether the row's position (and so its NACp) comes from the aircraft's own ADS-B.

    A position readsb derived from MLAT or TIS-B is listed in the row's ``mlat``/``tisb`` field
    lists even when ``type`` names the aircraft's best source; such rows often carry NACp 0,
    which says nothing about the aircraft's GNSS.
    """
    kind = ac.get("type")
    if kind is not None and kind not in ADSB_TYPES:
        return False
    for key in ("mlat", "tisb"):
        fields = ac.get(key)
        if isinstance(fields, list) and ("lat" in fields or "lon" in fields):
            return False
    return True


def _good_position(lat, lon) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


def parse_aircraft_json(obj: dict, *, source: str = "aircraft.json") -> pd.DataFrame:
    """Position reports from one parsed aircraft.json snapshot.

    The report time is ``now - seen_pos`` (when the position was received), so the same
    position seen in two snapshots has the same time and is counted once.

    :raises InputError: ``now`` or ``aircraft`` missing or of the wrong type.
    """
    now = _number(obj.get("now"))
    # readsb and tar1090 write "aircraft"; the ADS-B Exchange / adsb.lol v2 APIs answer "ac".
    aircraft = obj.get("aircraft", obj.get("ac"))
    if now is None or not isinstance(aircraft, list):
        raise InputError(f"{source}: an aircraft.json needs a number 'now' and a list 'aircraft'")
    if now > 1e11:  # ADS-B Exchange v2 style: milliseconds
        now /= 1000.0
    cols = ([], [], [], [], [], [])
    skipped = 0
    for ac in aircraft:
        if not isinstance(ac, dict):
            skipped += 1
            continue
        if not _own_position(ac):
            continue
        # Only a current position counts: ``lastPosition`` is an old one (already counted
        # when it was current) and ``rr_lat``/``rr_lon`` a rough guess from the receiver.
        lat, lon = _number(ac.get("lat")), _number(ac.get("lon"))
        icao = parse_icao(ac.get("hex"))
        if icao is None or not _good_position(lat, lon):
            skipped += 1
            continue
        seen_pos = _number(ac.get("seen_pos")) or 0.0
        cols[0].append(icao)
        cols[1].append(round(now - seen_pos, 3))
        cols[2].append(lat)
        cols[3].append(lon)
        cols[4].append(_nacp(ac.get("nac_p")))
        cols[5].append(ac.get("gpsOkBefore") is not None)
    if skipped:
        logger.debug("%s: skipped %d aircraft without address or position", source, skipped)
    return _frame(*cols)


def parse_trace(obj: dict, *, source: str = "trace") -> pd.DataFrame:
    """Position reports from one parsed readsb trace (``trace_full_<hex>.json``).

    :raises InputError: ``icao``, ``timestamp`` or ``trace`` missing or of the wrong type.
    """
    icao = parse_icao(obj.get("icao"))
    base = _number(obj.get("timestamp"))
    rows = obj.get("trace")
    if icao is None or base is None or not isinstance(rows, list):
        raise InputError(
            f"{source}: a trace needs 'icao' (6 hex digits), a number 'timestamp' "
            "and a list 'trace'"
        )
    cols = ([], [], [], [], [], [])
    nacp = -1
    for i, row in enumerate(rows):
        if not isinstance(row, list) or len(row) < 3:
            raise InputError(f"{source}: trace row {i + 1} is not a list of at least 3 values")
        details = row[8] if len(row) > 8 and isinstance(row[8], dict) else None
        kind = row[9] if len(row) > 9 and isinstance(row[9], str) else None
        gob = False
        if details is not None:
            if "nac_p" in details:
                nacp = _nacp(details.get("nac_p"))
            kind = kind or details.get("type")
            gob = details.get("gpsOkBefore") is not None
        if kind in EXCLUDED_TYPES:
            continue
        offset, lat, lon = _number(row[0]), _number(row[1]), _number(row[2])
        if offset is None or not _good_position(lat, lon):
            continue
        cols[0].append(icao)
        cols[1].append(base + offset)
        cols[2].append(lat)
        cols[3].append(lon)
        cols[4].append(nacp)
        cols[5].append(gob)
    return _frame(*cols)


def _load_json(path: Path):
    raw = read_maybe_gzip(path, what="one ADS-B file", max_bytes=MAX_FILE_BYTES)
    try:
        return json.loads(raw)
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 JSON text") from err
    except json.JSONDecodeError as err:
        raise InputError(
            f"{path}, line {err.lineno}, column {err.colno}: not valid JSON ({err.msg})"
        ) from err
    except RecursionError as err:
        raise InputError(f"{path}: JSON nested too deeply") from err


def _kind(obj) -> str | None:
    if isinstance(obj, dict) and ("aircraft" in obj or "ac" in obj) and "now" in obj:
        return "aircraft"
    if isinstance(obj, dict) and "trace" in obj and "icao" in obj:
        return "trace"
    return None


def read_raw_file(path: str | os.PathLike, *, strict: bool = True) -> pd.DataFrame:
    """Position reports from one aircraft.json snapshot or trace file (plain or gzip).

    :param strict: raise if the file is JSON of another kind; otherwise return no reports.
    :raises InputError: unreadable file, invalid JSON, or a malformed snapshot/trace (the message
        names the file and, for JSON errors, the line).
    """
    path = Path(path)
    obj = _load_json(path)
    kind = _kind(obj)
    if kind == "aircraft":
        return parse_aircraft_json(obj, source=str(path))
    if kind == "trace":
        return parse_trace(obj, source=str(path))
    if strict:
        raise InputError(
            f"{path}: neither an aircraft.json snapshot (keys now, aircraft) nor a readsb trace "
            "(keys icao, timestamp, trace)"
        )
    logger.info("%s: not an ADS-B snapshot or trace; skipped", path)
    return empty_reports()


def find_raw_files(paths: Iterable[str | os.PathLike]) -> list[tuple[Path, bool]]:
    """Files to read, with a flag saying whether each was named explicitly.

    Folders are searched recursively for ``*.json`` and ``*.json.gz``.

    :raises InputError: a path does not exist, or nothing was found.
    """
    found: list[tuple[Path, bool]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith((".json", ".json.gz")):
                        found.append((Path(root) / name, False))
        elif path.is_file():
            found.append((path, True))
        else:
            raise InputError(f"{path}: no such file or folder")
    if not found:
        shown = ", ".join(str(p) for p in paths) or "(no paths)"
        raise InputError(f"{shown}: no aircraft.json or trace files (*.json, *.json.gz) found")
    return found
