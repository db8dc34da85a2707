"""Local clock times near midnight: the incident's UTC date may be the day before (or after).

Dates in the dataset are UTC calendar days. "01:00 local time on 24 August" in Estonia (UTC+3)
is 22:00 UTC on 23 August. The country's time zone comes from the system time-zone database
(``zone1970.tab``, or the ``tzdata`` package); for a country with several zones, the one whose
reference point is nearest the incident's longitude is used. Without a database, nothing
shifts.

>>> import datetime as dt
>>> utc_date(dt.date(2024, 8, 24), "at 01:00 local time", "EE", 58.4)
datetime.date(2024, 8, 23)
>>> utc_date(dt.date(2024, 8, 24), "at 14:00 local time", "EE", 58.4)
datetime.date(2024, 8, 24)
>>> utc_date(dt.date(2024, 8, 24), "at 01:30 local time", "", 34.5)  # the Black Sea, UTC+2
datetime.date(2024, 8, 23)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["utc_date", "local_time"]

_TIME = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])[:.h](?P<m>[0-5]\d)\s*(?P<ampm>[ap]\.?m\.?)?(?P<tail>[^.;]{0,25})"
    r"|\b(?P<h2>1[0-2]|0?\d)\s*(?P<ampm2>[ap]\.?m\.?)(?P<tail2>[^.;]{0,25})",
    re.I,
)
_UTC = re.compile(r"\b(?:UTC|GMT|Zulu)\b|\d{4}\s?Z\b", re.I)
_LOCAL = re.compile(r"\blocal\b|\bLT\b")


def local_time(text: str) -> tuple[int, int] | None:
    """The first local clock time in ``text`` (hour, minute), or ``None``.

    Times marked UTC/GMT/Z are not local; a bare "01:00" counts as local only with "local", or
    with a.m./p.m. (how news reports give local times).
    """
    if _UTC.search(text):
        return None
    for match in _TIME.finditer(text):
        if match.group("h") is not None:
            hour, minute = int(match.group("h")), int(match.group("m"))
            ampm, tail = match.group("ampm"), match.group("tail") or ""
        else:
            hour, minute = int(match.group("h2")), 0
            ampm, tail = match.group("ampm2"), match.group("tail2") or ""
        if ampm:
            pm = ampm.lower().startswith("p")
            hour = (hour % 12) + (12 if pm else 0)
        elif not (_LOCAL.search(tail) or _LOCAL.search(text[: match.start()][-20:])):
            continue
        return hour, minute
    return None


@functools.cache
def _zones() -> dict[str, list[tuple[float, str]]]:
    """Country code -> [(reference longitude, zone name)] from the time-zone database."""
    candidates = [Path("/usr/share/zoneinfo/zone1970.tab")]
    try:
        import importlib.resources

        tzdata = Path(str(importlib.resources.files("tzdata").joinpath("zoneinfo")))
        candidates.append(tzdata / "zone1970.tab")
    except (ImportError, ModuleNotFoundError, TypeError):
        pass
    zones: dict[str, list[tuple[float, str]]] = {}
    for path in candidates:
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            codes, coords, name = line.split("\t")[:3]
            lon = _longitude(coords)
            for code in codes.split(","):
                zones.setdefault(code, []).append((lon, name))
        break
    return zones


def _longitude(coords: str) -> float:
    # ISO 6709: +DDMM+DDDMM or +DDMMSS+DDDMMSS
    match = re.match(r"([+-]\d+)([+-]\d+)", coords)
    if not match:
        return 0.0
    lon = match.group(2)  # sign, then DDDMM or DDDMMSS
    sign = -1 if lon[0] == "-" else 1
    return sign * (int(lon[1:4]) + int(lon[4:6] or 0) / 60)


def _zone_for(country: str, longitude: float | None) -> ZoneInfo | None:
    options = _zones().get(country.upper(), [])
    if not options:
        return None
    lon = longitude if longitude is not None else options[0][0]
    name = min(options, key=lambda option: abs(option[0] - lon))[1]
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def utc_date(date: dt.date, text: str, country: str, longitude: float | None = None) -> dt.date:
    """The UTC calendar date of an event on local ``date`` at the local time given in ``text``.

    :param date: the local date the report gives.
    :param text: the sentence with the time ("at 01:00 local time", "shortly after 11 p.m.").
    :param country: ISO alpha-2 code of where it happened ("" at sea: the nautical zone of
        ``longitude``, one hour for each 15 degrees; without a longitude, no shift).
    :param longitude: picks the zone in countries that have several.
    :returns: ``date``, or the day before/after when the local time falls on another UTC day.
    """
    clock = local_time(text)
    if clock is None:
        return date
    if country:
        zone: dt.tzinfo | None = _zone_for(country, longitude)
    elif longitude is not None:
        zone = dt.timezone(dt.timedelta(hours=round(longitude / 15)))
    else:
        zone = None
    if zone is None:
        return date
    local = dt.datetime(date.year, date.month, date.day, clock[0], clock[1], tzinfo=zone)
    return local.astimezone(dt.UTC).date()
