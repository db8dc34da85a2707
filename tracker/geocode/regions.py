"""Analyst regions: which region a country, or a point, belongs to.

Regions come from ``tracker/data/country_regions.csv`` (one region per ISO alpha-2 code) and
are documented in ``docs/regions.md``. A few parts of countries belong to a different region
than the rest (Kaliningrad is in the Baltic Sea region, not with the rest of Russia; Finnish
Lapland is Arctic); those are the curated areas in ``tracker/data/areas.csv`` whose box holds
the point and whose country matches. Points at sea take the region of the curated sea area
that contains them, else the region of the nearest large city.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import logging
import math

from tracker import schema

__all__ = ["REGIONS", "region_for_country", "region_for", "country_regions"]

logger = logging.getLogger(__name__)

#: Every region name, in the order docs and dashboards list them (defined in the schema).
REGIONS: tuple[str, ...] = schema.REGIONS


@functools.cache
def country_regions() -> dict[str, str]:
    """Map ISO alpha-2 code to region, from ``tracker/data/country_regions.csv``.

    :returns: a new dict each call is not needed; callers must not mutate the cached one.
    """
    text = (
        importlib.resources.files("tracker.data").joinpath("country_regions.csv").read_text("utf-8")
    )
    return {row["country"]: row["region"] for row in csv.DictReader(text.splitlines())}


def region_for_country(code: str) -> str:
    """The analyst region of a country.

    :param code: ISO 3166-1 alpha-2 code, any case.
    :returns: the region name, or ``""`` for an empty or unknown code.

    >>> region_for_country("lt")
    'Baltic Sea region'
    >>> region_for_country("")
    ''
    """
    return country_regions().get(code.strip().upper(), "") if code else ""


def _finite(value: float | None) -> bool:
    return value is not None and isinstance(value, (int, float)) and math.isfinite(value)


def region_for(country: str, latitude: float | None = None, longitude: float | None = None) -> str:
    """The analyst region of an incident from its country and, when known, its position.

    :param country: ISO alpha-2 code; ``""`` for a point at sea.
    :param latitude: WGS84 degrees, or None.
    :param longitude: WGS84 degrees, or None.
    :returns: the region name; ``""`` only when neither a known country nor a position is given.

    >>> region_for("RU", 54.71, 20.51)   # Kaliningrad
    'Baltic Sea region'
    >>> region_for("RU", 55.75, 37.62)   # Moscow
    'Russia and Belarus'
    >>> region_for("", 43.0, 34.0)       # the middle of the Black Sea
    'Black Sea'
    """
    code = (country or "").strip().upper()
    has_point = _finite(latitude) and _finite(longitude)
    if not has_point:
        return region_for_country(code)
    return _region_at(code, float(latitude), float(longitude))


@functools.lru_cache(maxsize=65536)
def _region_at(code: str, latitude: float, longitude: float) -> str:
    from tracker.geocode.areas import areas_by_country

    # Parts of a country with their own region (Kaliningrad, Lapland), smallest area first.
    for area in areas_by_country().get(code, ()):
        if area.contains(latitude, longitude) and (code or area.kind == "sea"):
            return area.region
    if code:
        region = region_for_country(code)
        if region:
            return region
    from tracker.geocode.index import nearest_city_country

    return region_for_country(nearest_city_country(latitude, longitude))
