"""The GeoNames cities index of the offline gazetteer (``tracker/data/cities.txt.gz``).

The extract is built once by ``tools/build_cities.py`` (GeoNames, CC BY 4.0).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.resources
import math

from tracker.geocode.place import SOURCE_CITIES, Place

__all__ = ["CITIES_FILE", "Cities"]

CITIES_FILE = "cities.txt.gz"


class Cities:
    """The GeoNames extract, loaded as three big lists and searched with ``bisect``.

    Loading is a handful of ``str.split`` calls (no per-city Python work); a city row is parsed
    only when a query hits it.
    """

    def __init__(self) -> None:
        raw = importlib.resources.files("tracker.data").joinpath(CITIES_FILE).read_bytes()
        text = gzip.decompress(raw).decode("utf-8")
        cities_at = text.index("\n[cities]\n") + len("\n[cities]\n")
        keys_at = text.index("\n[keys]\n")
        ids_at = text.index("\n[ids]\n")
        self.rows = text[cities_at:keys_at].split("\n")
        self.keys = text[keys_at + len("\n[keys]\n") : ids_at].split("\n")
        self.ids = text[ids_at + len("\n[ids]\n") :].split("\n")
        self._places: dict[int, Place] = {}

    def place(self, number: int) -> Place:
        place = self._places.get(number)
        if place is None:
            name, lat, lon, country, population, ident = self.rows[number].split("\t")
            place = Place(
                name,
                float(lat),
                float(lon),
                country,
                "city",
                SOURCE_CITIES,
                int(population),
                0.0,
                ident,
            )
            self._places[number] = place
        return place

    def lookup(self, key: str) -> list[Place]:
        """Cities named ``key`` (folded), largest first."""
        i = bisect.bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return []
        return [self.place(int(n)) for n in self.ids[i].split(",")]

    @functools.cached_property
    def large(self) -> tuple[list[float], list[float], list[str]]:
        """Coordinates and countries of cities with 100,000+ inhabitants (a prefix of rows)."""
        lats, lons, codes = [], [], []
        for row in self.rows:
            _, lat, lon, country, population, _ = row.split("\t")
            if int(population) < 100000:
                break
            lats.append(float(lat))
            lons.append(float(lon))
            codes.append(country)
        return lats, lons, codes

    def largest_in(self, country: str) -> Place | None:
        for number, row in enumerate(self.rows):
            if row.split("\t")[3] == country:
                return self.place(number)
        return None

    def nearest_country(self, latitude: float, longitude: float) -> str:
        """Country code of the large city (100,000+ inhabitants) nearest to a point.

        :param latitude: WGS84 degrees.
        :param longitude: WGS84 degrees.
        :returns: ISO alpha-2 code.
        """
        import numpy as np

        lats, lons, codes = self.large
        lat = np.radians(np.asarray(lats))
        lon = np.radians(np.asarray(lons))
        p_lat, p_lon = math.radians(latitude), math.radians(longitude)
        a = (
            np.sin((lat - p_lat) / 2) ** 2
            + math.cos(p_lat) * np.cos(lat) * np.sin((lon - p_lon) / 2) ** 2
        )
        return codes[int(np.argmin(a))]
