"""Geocode place text through the chain offline gazetteer -> answer cache -> Nominatim, and fill
a dataset's coordinates, country and region with provenance.

``geocode_source`` records where coordinates came from (``gazetteer:geonames``, ``nominatim``,
...), ``geocode_precision`` what they stand for and ``geocode_query`` the text that was looked up,
so anyone can reproduce them.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tracker.errors import GeocodingError
from tracker.geocode.gazetteer import OfflineGeocoder
from tracker.geocode.online import CACHE_FILE, NOMINATIM_SOURCE, GeocodeCache, OnlineLookup
from tracker.geocode.regions import region_for
from tracker.schema import INC

__all__ = [
    "pending_online_queries",
    "prefetch_online",
    "GeocodeResult",
    "PlaceResolver",
    "Unresolved",
    "GeocodeReport",
    "MANUAL_SOURCE",
    "rows_to_geocode",
    "geocode_incidents",
]

logger = logging.getLogger(__name__)

#: ``geocode_source`` of coordinates typed in by hand.
MANUAL_SOURCE = "manual"


@dataclass(frozen=True)
class GeocodeResult:
    """What a place text resolved to.

    :param query: the text looked up.
    :param name: the place found.
    :param latitude: WGS84 degrees.
    :param longitude: WGS84 degrees.
    :param country: ISO alpha-2, ``""`` at sea.
    :param region: analyst region.
    :param precision: one of :data:`tracker.schema.GEOCODE_PRECISIONS`.
    :param source: provenance for ``geocode_source``.
    :param radius_km: extent of an area, else 0.
    """

    query: str
    name: str
    latitude: float
    longitude: float
    country: str
    region: str
    precision: str
    source: str
    radius_km: float = 0.0

    def describe(self) -> str:
        """One line for people.

        ``Plovdiv International Airport, BG (airport, 42.0678, 24.8508; gazetteer:airportsdata)``
        """
        where = f"{self.name}, {self.country}" if self.country else self.name
        return (
            f"{where} ({self.precision}, {self.latitude:.4f}, {self.longitude:.4f}; {self.source})"
        )


class PlaceResolver:
    """Offline gazetteer first, then cached online answers, then (only if ``online``) Nominatim.

    :param online: allow network requests for places the offline sources do not know.
    :param cache_path: the answer cache (default ``<data_dir>/geocode_cache.csv``); cached
        answers are used even offline, so a second run needs no network.
    :param offline: the offline geocoder (default :class:`OfflineGeocoder`).
    :param lookup: the online lookup (default: Nominatim through :class:`OnlineLookup`).
    """

    def __init__(
        self,
        *,
        online: bool = False,
        cache_path: Path | str | None = None,
        offline: OfflineGeocoder | None = None,
        lookup: OnlineLookup | None = None,
    ) -> None:
        self.online = online
        self.offline = offline or OfflineGeocoder()
        self.cache = lookup.cache if lookup else GeocodeCache(cache_path or CACHE_FILE)
        self._lookup = lookup

    @property
    def lookup(self) -> OnlineLookup:
        if self._lookup is None:
            self._lookup = OnlineLookup(self.cache)
        return self._lookup

    @property
    def requests(self) -> int:
        """Requests sent to Nominatim so far (0 when the online lookup was never needed)."""
        return self._lookup.requests if self._lookup is not None else 0

    def needs_request(self, query: str) -> bool:
        """Whether resolving ``query`` would go to the network (for progress estimates)."""
        return (
            self.online
            and self.offline.geocode(query) is None
            and self.cache.get(NOMINATIM_SOURCE, query) is None
        )

    def resolve(self, query: str) -> GeocodeResult | None:
        """Resolve place text.

        :returns: the result, or None when no source knows the place.
        :raises GeocodingError: the online service failed (never reported as "not found").
        """
        query = (query or "").strip()
        if not query:
            return None
        location = self.offline.geocode(query)
        if location is not None:
            raw = location.raw
            return GeocodeResult(
                query,
                raw["name"],
                location.latitude,
                location.longitude,
                raw["country_code"],
                raw["region"],
                raw["precision"],
                raw["source"],
                float(raw["radius_km"] or 0),
            )
        entry = self.cache.get(NOMINATIM_SOURCE, query)
        if entry is None and self.online:
            entry = self.lookup.lookup(query)
        if entry is None or not entry.found:
            return None
        return GeocodeResult(
            query,
            entry.name,
            entry.latitude,
            entry.longitude,
            entry.country,
            region_for(entry.country, entry.latitude, entry.longitude),
            entry.precision or "area",
            NOMINATIM_SOURCE,
        )

    def save_cache(self) -> bool:
        """Persist new online answers; see :meth:`GeocodeCache.save`."""
        return self.cache.save()


@dataclass(frozen=True)
class Unresolved:
    """A row the command could not geocode, and why."""

    incident_id: str
    query: str
    reason: str


@dataclass
class GeocodeReport:
    """Outcome of :func:`geocode_incidents`."""

    incidents: pd.DataFrame
    updated: list[str] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)
    requests: int = 0


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value == ""


def _query_for(row: pd.Series) -> str:
    return str(row[INC.geocode_query] or row[INC.location] or "").strip()


def rows_to_geocode(incidents: pd.DataFrame, *, refresh_manual: bool = False) -> list[int]:
    """Positions of rows that need geocoding.

    A row needs it when its latitude, longitude or region is missing, or, with
    ``refresh_manual``, when its coordinates were typed by hand (``geocode_source`` is
    ``manual``) and it has a ``geocode_query`` to reproduce them from.
    """
    positions = []
    for position, (_, row) in enumerate(incidents.iterrows()):
        missing = any(_missing(row[c]) for c in (INC.latitude, INC.longitude, INC.region))
        manual = (
            refresh_manual
            and str(row[INC.geocode_source]).strip() == MANUAL_SOURCE
            and bool(str(row[INC.geocode_query]).strip())
        )
        if missing or manual:
            positions.append(position)
    return positions


def pending_online_queries(
    incidents: pd.DataFrame, positions: list[int], resolver: PlaceResolver
) -> list[str]:
    """Place texts of the rows at ``positions`` that would need a Nominatim request, sorted.

    Used to ask the network before taking the dataset lock (one request per second adds up).
    """
    rows = incidents.iloc[positions]
    queries = {
        str(q or loc).strip()
        for q, loc in zip(rows[INC.geocode_query], rows[INC.location], strict=True)
    }
    return sorted(q for q in queries if q and resolver.needs_request(q))


def prefetch_online(resolver: PlaceResolver, queries: Iterable[str]) -> None:
    """Resolve each query (filling the online cache), and save the cache even if interrupted.

    :param queries: place texts, for instance :func:`pending_online_queries` wrapped in a
        progress bar.
    """
    try:
        for query in queries:
            resolver.resolve(query)
    finally:
        resolver.save_cache()


def geocode_incidents(
    incidents: pd.DataFrame,
    resolver: PlaceResolver,
    *,
    refresh_manual: bool = False,
    progress: Callable[[str], None] | None = None,
) -> GeocodeReport:
    """Fill coordinates, country, region and geocoding provenance where needed.

    Rows with coordinates but no region only get a region (and a country by point in polygon
    when theirs is empty). Other rows are geocoded from ``geocode_query`` (or ``location``).
    When the geocoder finds no country (open sea, a multi-country area) a country already in
    the row is kept; when it finds a *different* country than the row's, the row is left alone
    and reported, since the analyst may have meant the affected airspace.

    :param incidents: the incidents frame (not modified).
    :param resolver: the geocoding chain.
    :param refresh_manual: also re-geocode hand-entered rows that carry a ``geocode_query``.
    :param progress: called with each incident id as it is processed.
    :returns: the new frame, the ids changed and the rows left unresolved.
    :raises GeocodingError: the online service failed; nothing is returned (callers save nothing).
    """
    frame = incidents.copy()
    report = GeocodeReport(frame)
    columns = {name: frame.columns.get_loc(name) for name in frame.columns}
    for position in rows_to_geocode(incidents, refresh_manual=refresh_manual):
        row = frame.iloc[position]
        ident = str(row[INC.id])
        if progress is not None:
            progress(ident)
        has_point = not (_missing(row[INC.latitude]) or _missing(row[INC.longitude]))
        is_manual = str(row[INC.geocode_source]).strip() == MANUAL_SOURCE
        if has_point and not (refresh_manual and is_manual):
            changes = _fill_region(row)
        else:
            query = _query_for(row)
            if not query:
                report.unresolved.append(Unresolved(ident, "", "no location text to geocode"))
                continue
            result = resolver.resolve(query)
            if result is None:
                report.unresolved.append(Unresolved(ident, query, "no match in any source"))
                continue
            current = str(row[INC.country] or "")
            if current and result.country and result.country != current:
                report.unresolved.append(
                    Unresolved(
                        ident,
                        query,
                        f"resolved to {result.describe()}, but the row's country is {current}; "
                        "fix geocode_query or the country",
                    )
                )
                continue
            country = result.country or current
            region = result.region if country == result.country else ""
            region = region or region_for(country, result.latitude, result.longitude)
            changes = {
                INC.latitude: round(result.latitude, 6),
                INC.longitude: round(result.longitude, 6),
                INC.country: country,
                INC.region: region,
                INC.geocode_precision: result.precision,
                INC.geocode_source: result.source,
                INC.geocode_query: query,
            }
            if result.radius_km and _missing(row[INC.radius_km]):
                changes[INC.radius_km] = float(result.radius_km)
        if any(str(row[k]) != str(v) for k, v in changes.items()):
            for name, value in changes.items():
                frame.iat[position, columns[name]] = value
            report.updated.append(ident)
    report.incidents = frame
    report.requests = resolver.requests
    return report


def _fill_region(row: pd.Series) -> dict:
    lat, lon = float(row[INC.latitude]), float(row[INC.longitude])
    country = str(row[INC.country] or "")
    changes: dict = {}
    if not country:
        from tracker.geocode.reverse import country_at

        try:
            country = country_at(lat, lon)
        except ValueError as err:
            raise GeocodingError(f"incident {row[INC.id]}: {err}") from err
        if country:
            changes[INC.country] = country
    if _missing(row[INC.region]):
        changes[INC.region] = region_for(country, lat, lon)
    return changes
