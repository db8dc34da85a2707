"""The countries index of the offline gazetteer: names, aliases and demonyms.

From ``tracker/data/countries.csv``, ``country_aliases.csv`` and ``country_centroids.csv``;
each country sits at the label point of its map shape (territories too small for the map at
their largest city).
"""

from __future__ import annotations

import csv

from tracker.geocode.cities import Cities
from tracker.geocode.place import SOURCE_COUNTRIES, Place, data_text
from tracker.geocode.text import fold

__all__ = ["Countries"]


class Countries:
    """Country names, aliases and demonyms, placed at the map's label point."""

    def __init__(self, cities: Cities) -> None:
        centroids: dict[str, tuple[float, float]] = {}
        #: ``(min_lat, min_lon, max_lat, max_lon)`` of each country's mainland, for "northern X".
        self.boxes: dict[str, tuple[float, float, float, float]] = {}
        for row in csv.DictReader(data_text("country_centroids.csv").splitlines()):
            centroids[row["country"]] = (float(row["latitude"]), float(row["longitude"]))
            if row["min_lat"]:
                self.boxes[row["country"]] = tuple(
                    float(row[k]) for k in ("min_lat", "min_lon", "max_lat", "max_lon")
                )
        self.by_code: dict[str, Place] = {}
        self.by_name: dict[str, Place] = {}
        for row in csv.DictReader(data_text("countries.csv").splitlines()):
            code, name = row["iso2"], row["name"]
            if code in centroids:
                lat, lon = centroids[code]
            else:
                # Territories too small for the map: use their largest city, if any.
                biggest = cities.largest_in(code)
                if biggest is None:
                    continue
                lat, lon = biggest.latitude, biggest.longitude
            place = Place(name, lat, lon, code, "country", SOURCE_COUNTRIES, ident=code)
            self.by_code[code] = place
            self.by_name[fold(name)] = place
        for row in csv.DictReader(data_text("country_aliases.csv").splitlines()):
            place = self.by_code.get(row["country"])
            if place is not None:
                self.by_name.setdefault(fold(row["alias"]), place)
