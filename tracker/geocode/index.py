"""The offline gazetteer's indexes, each loaded on first use and then kept for the process."""

from __future__ import annotations

import functools
import threading

from tracker.geocode.airports import Airports
from tracker.geocode.cities import Cities
from tracker.geocode.countries import Countries

__all__ = ["Index", "nearest_city_country", "shared_index"]


class Index:
    """All lookup tables, each loaded on first use and then kept for the process."""

    _lock = threading.Lock()

    @functools.cached_property
    def cities(self) -> Cities:
        with self._lock:
            return Cities()

    @functools.cached_property
    def airports(self) -> Airports:
        with self._lock:
            return Airports()

    @functools.cached_property
    def countries(self) -> Countries:
        cities = self.cities
        with self._lock:
            return Countries(cities)


_INDEX = Index()


def shared_index() -> Index:
    """The shared, lazily loaded index."""
    return _INDEX


def nearest_city_country(latitude: float, longitude: float) -> str:
    """Country code of the large city (100,000+ inhabitants) nearest to a point.

    Used to give points at sea outside every curated sea a sensible region.

    :param latitude: WGS84 degrees.
    :param longitude: WGS84 degrees.
    :returns: ISO alpha-2 code.
    """
    return shared_index().cities.nearest_country(latitude, longitude)
