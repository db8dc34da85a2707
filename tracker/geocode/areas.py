"""Curated named areas that gazetteers lack: seas, gulfs, peninsulas, FIRs, parts of countries.

The table lives in ``tracker/data/areas.csv`` (documented in ``docs/geocoding.md``). Each row
gives a centre, a radius that says how wide the area is, the country (empty for open sea or for
areas spanning several countries), the analyst region and, for most rows, a bounding box used by
reverse geocoding and by :func:`tracker.geocode.regions.region_for`.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import math
from dataclasses import dataclass

from tracker.geocode.text import fold

__all__ = ["Area", "load_areas", "areas_by_name", "areas_containing", "areas_by_country"]

AREAS_FILE = "areas.csv"


@dataclass(frozen=True)
class Area:
    """One curated area.

    :param name: display name.
    :param aliases: other names it is known by.
    :param kind: ``sea``, ``land``, ``region`` (spans countries) or ``fir`` (flight information
        region, no box).
    :param latitude: centre, WGS84 degrees.
    :param longitude: centre, WGS84 degrees.
    :param radius_km: rough radius, kilometres.
    :param country: ISO alpha-2 code, ``""`` when the area is sea or spans countries.
    :param region: analyst region.
    :param bbox: ``(min_lat, min_lon, max_lat, max_lon)`` or None.
    """

    name: str
    aliases: tuple[str, ...]
    kind: str
    latitude: float
    longitude: float
    radius_km: float
    country: str
    region: str
    bbox: tuple[float, float, float, float] | None

    def contains(self, latitude: float, longitude: float) -> bool:
        """Whether the point lies inside the area's bounding box."""
        if self.bbox is None:
            return False
        min_lat, min_lon, max_lat, max_lon = self.bbox
        return min_lat <= latitude <= max_lat and min_lon <= longitude <= max_lon


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    return value


@functools.cache
def load_areas() -> tuple[Area, ...]:
    """Every curated area, smallest first (so the most specific match comes first)."""
    text = importlib.resources.files("tracker.data").joinpath(AREAS_FILE).read_text("utf-8")
    areas = []
    for row in csv.DictReader(text.splitlines()):
        box = (row["min_lat"], row["min_lon"], row["max_lat"], row["max_lon"])
        areas.append(
            Area(
                name=row["name"],
                aliases=tuple(a for a in row["aliases"].split("|") if a),
                kind=row["kind"],
                latitude=_float(row["latitude"]),
                longitude=_float(row["longitude"]),
                radius_km=_float(row["radius_km"]),
                country=row["country"],
                region=row["region"],
                bbox=tuple(_float(v) for v in box) if all(box) else None,
            )
        )
    return tuple(sorted(areas, key=lambda a: a.radius_km))


@functools.cache
def areas_by_name() -> dict[str, Area]:
    """Map folded name or alias to its area (the first, i.e. smallest, wins a clash)."""
    index: dict[str, Area] = {}
    for area in load_areas():
        for name in (area.name, *area.aliases):
            index.setdefault(fold(name), area)
    return index


def areas_containing(latitude: float, longitude: float) -> list[Area]:
    """Areas whose bounding box holds the point, smallest first.

    :param latitude: WGS84 degrees.
    :param longitude: WGS84 degrees.
    """
    return [a for a in load_areas() if a.contains(latitude, longitude)]


@functools.cache
def areas_by_country() -> dict[str, tuple[Area, ...]]:
    """Areas that have a box, grouped by country (``""`` for seas and multi-country areas)."""
    groups: dict[str, list[Area]] = {}
    for area in load_areas():
        if area.bbox is not None:
            groups.setdefault(area.country, []).append(area)
    return {country: tuple(areas) for country, areas in groups.items()}
