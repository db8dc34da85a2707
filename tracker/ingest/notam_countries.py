"""Country of an ICAO location indicator (FIR or aerodrome), for NOTAMs.

A NOTAM's FIR (``EPWW``) says whose airspace it concerns even when the Q-line centre lies over
the sea. The first two letters of ICAO indicators are allocated by country; we learn the
allocation from ``airportsdata`` (the country most airports with that prefix are in), so no
table needs maintaining.
"""

from __future__ import annotations

import collections
import functools

__all__ = ["airport_for_location_indicator", "country_for_location_indicator"]


@functools.cache
def _prefix_countries() -> dict[str, str]:
    import airportsdata

    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for icao, airport in airportsdata.load("ICAO").items():
        if len(icao) == 4 and icao.isalpha() and airport.get("country"):
            counts[icao[:2]][airport["country"]] += 1
    return {prefix: counter.most_common(1)[0][0] for prefix, counter in counts.items()}


def country_for_location_indicator(indicator: str) -> str:
    """ISO alpha-2 country for an ICAO location indicator, or ``""`` if unknown.

    >>> country_for_location_indicator("EPWW")
    'PL'
    """
    indicator = indicator.strip().upper()
    if len(indicator) != 4 or not indicator.isalpha():
        return ""
    exact = _airport_country(indicator)
    return exact or _prefix_countries().get(indicator[:2], "")


def _airport_country(indicator: str) -> str:

    airport = _airports().get(indicator)
    return airport["country"] if airport else ""


@functools.cache
def _airports() -> dict:
    import airportsdata

    return airportsdata.load("ICAO")


def airport_for_location_indicator(indicator: str) -> dict | None:
    """The aerodrome an ICAO location indicator names (``airportsdata``'s record: name, lat,
    lon, country), or ``None`` for an FIR or an unknown indicator.

    >>> airport_for_location_indicator("LCLK")["country"]
    'CY'
    """
    indicator = indicator.strip().upper()
    return _airports().get(indicator) if len(indicator) == 4 and indicator.isalpha() else None
