"""What the offline gazetteer's indexes hold: one :class:`Place` per entry, and where it came from.

Shared by the index modules (:mod:`.cities`, :mod:`.airports`, :mod:`.countries`), the query
grammar (:mod:`.query`) and the geocoder (:mod:`.gazetteer`); it imports none of them.
"""

from __future__ import annotations

import importlib.resources
from typing import NamedTuple

__all__ = [
    "Hit",
    "Place",
    "PRECISION_RANK",
    "SOURCE_AIRPORTS",
    "SOURCE_AREAS",
    "SOURCE_CITIES",
    "SOURCE_COUNTRIES",
    "data_text",
]

SOURCE_AIRPORTS = "gazetteer:airportsdata"
SOURCE_CITIES = "gazetteer:geonames"
SOURCE_COUNTRIES = "gazetteer:countries"
SOURCE_AREAS = "gazetteer:areas"

#: Lower is more precise; used to pick the best part of a compound place text.
PRECISION_RANK = {"exact": 0, "airport": 1, "city": 2, "area": 3, "region": 4, "country": 5}


class Place(NamedTuple):
    """One gazetteer entry (immutable, shared between queries)."""

    name: str
    latitude: float
    longitude: float
    country: str
    precision: str
    source: str
    population: int = 0
    radius_km: float = 0.0
    ident: str = ""
    region: str = ""


class Hit(NamedTuple):
    """A place matched by a query, with the precision the query's wording allows."""

    place: Place
    precision: str


def data_text(name: str) -> str:
    """A text file shipped in ``tracker/data``, read as UTF-8."""
    return importlib.resources.files("tracker.data").joinpath(name).read_text("utf-8")
