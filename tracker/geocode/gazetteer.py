"""The offline gazetteer behind geopy's interface: :class:`OfflineGeocoder`.

It answers ``geocode("Plovdiv Airport")`` without a network, from

* airports: the ``airportsdata`` package (ICAO and IATA codes, names, served cities), see
  :mod:`tracker.geocode.airports`;
* cities: ``tracker/data/cities.txt.gz``, a GeoNames extract with folded alternate names
  (built once by ``tools/build_cities.py``; GeoNames, CC BY 4.0), see :mod:`tracker.geocode.cities`;
* countries: ``tracker/data/countries.csv`` plus ``country_aliases.csv`` (other names and
  demonyms, so "Pakistani airspace" works), see :mod:`tracker.geocode.countries`;
* areas: ``tracker/data/areas.csv`` (seas, peninsulas, FIRs, parts of countries).

How place text becomes a ranked list of hits is the query grammar, :mod:`tracker.geocode.query`.
Every answer's ``raw`` says where it came from (``source``) and what the coordinates stand for
(``precision``, one of :data:`tracker.schema.GEOCODE_PRECISIONS`).
"""

from __future__ import annotations

import functools

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from tracker import safety
from tracker.geocode.areas import areas_containing
from tracker.geocode.index import nearest_city_country, shared_index
from tracker.geocode.place import (
    PRECISION_RANK,
    SOURCE_AIRPORTS,
    SOURCE_AREAS,
    SOURCE_CITIES,
    SOURCE_COUNTRIES,
    Hit,
    Place,
)
from tracker.geocode.query import QueryResolver
from tracker.geocode.regions import region_for

__all__ = [
    "OfflineGeocoder",
    "Place",
    "PRECISION_RANK",
    "SOURCE_AIRPORTS",
    "SOURCE_CITIES",
    "SOURCE_COUNTRIES",
    "SOURCE_AREAS",
    "nearest_city_country",
]

#: Longest query considered; longer text is not a place name (see :mod:`tracker.safety`).
MAX_QUERY_LENGTH = safety.MAX_PLACE_QUERY_LENGTH
#: Resolved queries kept in memory per geocoder.
CACHE_SIZE = 20000


class OfflineGeocoder(Geocoder):
    """Offline geocoder over airports, GeoNames cities, countries and curated areas.

    Keeps geopy's contract: :meth:`geocode` returns a :class:`geopy.location.Location`, a list of
    them with ``exactly_one=False``, or ``None`` when nothing matches. It never touches the
    network, so it needs no rate limiter; it is thread-safe.

    ``location.raw`` holds ``name``, ``country_code`` (ISO alpha-2, ``""`` at sea), ``region``,
    ``precision`` (one of :data:`tracker.schema.GEOCODE_PRECISIONS`), ``source``
    (``gazetteer:airportsdata``, ``gazetteer:geonames``, ``gazetteer:countries`` or
    ``gazetteer:areas``), ``radius_km`` (areas; else 0), ``population`` (cities) and ``id``
    (ICAO code, GeoNames id, ISO code or area name).

    :param cache_size: resolved queries to remember.

    >>> geocoder = OfflineGeocoder()
    >>> location = geocoder.geocode("Plovdiv Airport")
    >>> location.raw["country_code"], location.raw["precision"]
    ('BG', 'airport')
    >>> geocoder.geocode("Kiev").raw["name"]
    'Kyiv'
    >>> geocoder.geocode("nowhere-in-particular-xyz") is None
    True
    """

    def __init__(self, *, cache_size: int = CACHE_SIZE) -> None:
        super().__init__(user_agent="gnss-tracker-offline")
        self._cached = functools.lru_cache(maxsize=cache_size)(self._resolve)
        # Address, point and raw dict per matched place: building geopy Points is not free.
        self._parts_of = functools.lru_cache(maxsize=max(cache_size, 4096))(self._parts)

    def _resolve(self, query: str) -> tuple[Hit, ...]:
        hits = QueryResolver(shared_index()).resolve(query)
        seen: set[tuple] = set()
        unique = []
        for hit in hits:
            key = (hit.place.source, hit.place.ident, hit.place.name)
            if key not in seen:
                seen.add(key)
                unique.append(hit)
        return tuple(unique)

    @staticmethod
    def _location(parts: tuple[str, Point, dict]) -> Location:
        address, point, raw = parts
        # A fresh raw dict per answer: callers may modify theirs without touching the cache.
        return Location(address, point, dict(raw))

    @staticmethod
    def _parts(hit: Hit) -> tuple[str, Point, dict]:
        place = hit.place
        region = place.region or region_for(place.country, place.latitude, place.longitude)
        raw = {
            "name": place.name,
            "country_code": place.country,
            "region": region,
            "precision": hit.precision,
            "source": place.source,
            "radius_km": place.radius_km,
            "population": place.population,
            "id": place.ident,
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
        address = f"{place.name}, {place.country}" if place.country else place.name
        return address, Point(place.latitude, place.longitude), raw

    def geocode(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL):
        """Find a place by name or code.

        :param query: place text: an ICAO/IATA code, airport, city, "City, Country", "near X",
            a country or a curated area. Non-string queries give None.
        :param exactly_one: return the best match only (default) or every match, best first.
        :param timeout: ignored (no network); accepted for geopy compatibility.
        :returns: a :class:`~geopy.location.Location`, a list of them, or None when nothing
            matches.
        """
        if not isinstance(query, str) or not query.strip() or len(query) > MAX_QUERY_LENGTH:
            return None
        hits = self._cached(query.strip())
        if not hits:
            return None
        if exactly_one:
            return self._location(self._parts_of(hits[0]))
        return [self._location(self._parts_of(hit)) for hit in hits]

    def reverse(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL):
        """Describe a point: country (point in polygon), region and the nearest named place.

        :param query: a :class:`geopy.point.Point`, ``(latitude, longitude)`` or ``"lat, lon"``.
        :param exactly_one: return one Location (default) or a one-element list.
        :param timeout: ignored.
        :returns: a Location whose ``raw`` has ``country_code`` (``""`` at sea), ``region``,
            ``precision`` (``exact``), ``source`` (``reverse:world_50m``) and ``name``.
        :raises ValueError: if the point cannot be parsed or is out of range.
        """
        from tracker.geocode.reverse import country_at

        point = Point(query)
        lat, lon = point.latitude, point.longitude
        country = country_at(lat, lon)
        region = region_for(country, lat, lon)
        name = ""
        seas = [a for a in areas_containing(lat, lon) if a.kind == "sea"]
        if not country and seas:
            name = seas[0].name
        if not name:
            known = shared_index().countries.by_code.get(country)
            name = known.name if known else ""
        raw = {
            "name": name,
            "country_code": country,
            "region": region,
            "precision": "exact",
            "source": "reverse:world_50m",
            "radius_km": 0.0,
            "population": 0,
            "id": "",
            "latitude": lat,
            "longitude": lon,
        }
        location = Location(name or f"{lat:.4f}, {lon:.4f}", Point(lat, lon), raw)
        return location if exactly_one else [location]
