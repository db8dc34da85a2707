"""Online geocoding (Nominatim), rate limited, with a committed answer cache.

Used only when the offline gazetteer has no answer *and* the contributor passes ``--online``.
Three rules from geopy's pitfalls:

* **At most one request per second** (Nominatim's usage policy) through geopy's
  :class:`~geopy.extra.rate_limiter.RateLimiter`, with a real, identifying user agent and a
  timeout.
* **An error is not "not found".** ``RateLimiter`` swallows errors by default and returns
  ``None``, exactly like a miss; here ``swallow_exceptions=False`` and every geopy error becomes
  :class:`~tracker.errors.GeocodingError`.
* **Every answer is cached** in ``data/geocode_cache.csv`` (committed), misses included, so the
  next run needs no network and gives the same result.
"""

from __future__ import annotations

import csv
import io
import logging
import math
import os
import threading
import urllib.parse
from dataclasses import dataclass, fields
from pathlib import Path

from geopy.exc import GeopyError
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim

from tracker import __version__, safety
from tracker.errors import GeocodingError
from tracker.geocode.text import fold

__all__ = [
    "USER_AGENT",
    "NOMINATIM_SOURCE",
    "CACHE_FILE",
    "CacheEntry",
    "GeocodeCache",
    "OnlineLookup",
    "make_nominatim",
    "precision_from_nominatim",
]

logger = logging.getLogger(__name__)

#: Identifies us to Nominatim, as its usage policy asks; override with $GNSS_TRACKER_USER_AGENT.
USER_AGENT = (
    f"gnss-interference-tracker/{__version__} "
    "(+https://github.com/gnss-interference-tracker; geocoding of reported incident places)"
)
NOMINATIM_SOURCE = "nominatim"
CACHE_FILE = "geocode_cache.csv"
#: Seconds between requests: Nominatim allows one per second.
MIN_DELAY_SECONDS = 1.0
TIMEOUT_SECONDS = 10.0


DEFAULT_DOMAIN = "nominatim.openstreetmap.org"


def make_nominatim(
    *,
    domain: str = DEFAULT_DOMAIN,
    scheme: str = "https",
    user_agent: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> Nominatim:
    """geopy's Nominatim with our user agent and timeout.

    :param domain: host (and port) of the Nominatim server. ``$GNSS_TRACKER_NOMINATIM_URL``
        (for example ``http://127.0.0.1:8080``) replaces the public server.
    :param scheme: ``https`` or ``http``.
    :param user_agent: overrides :data:`USER_AGENT` (and ``$GNSS_TRACKER_USER_AGENT``).
    :param timeout: seconds to wait for an answer.
    """
    agent = user_agent or os.environ.get("GNSS_TRACKER_USER_AGENT") or USER_AGENT
    server = os.environ.get("GNSS_TRACKER_NOMINATIM_URL", "")
    if server and domain == DEFAULT_DOMAIN:
        # A self-hosted Nominatim (or a test server): "http://127.0.0.1:8080".
        parsed = urllib.parse.urlsplit(server)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise GeocodingError(
                f"GNSS_TRACKER_NOMINATIM_URL must be an http(s) URL, not {server!r}"
            )
        scheme, domain = parsed.scheme, parsed.netloc + parsed.path.rstrip("/")
    return Nominatim(
        domain=domain, scheme=scheme, user_agent=agent, timeout=timeout, adapter_factory=_adapter
    )


def _adapter(**kwargs):
    """geopy's requests adapter without transport-level retries.

    By default urllib3 retries a 429/503 after sleeping for whatever ``Retry-After`` the server
    sends (an hour, say), silently, before geopy or the RateLimiter see the answer. Retries are
    the RateLimiter's job, with a bounded wait; the 429 itself must reach geopy so it becomes
    ``GeocoderRateLimited`` and a clear error.
    """
    from geopy.adapters import RequestsAdapter
    from urllib3.util.retry import Retry

    return RequestsAdapter(
        max_retries=Retry(total=0, read=False, respect_retry_after_header=False), **kwargs
    )


_CITY_TYPES = frozenset(
    "city town village hamlet municipality suburb borough quarter neighbourhood "
    "city_district locality isolated_dwelling".split()
)
_REGION_TYPES = frozenset("state region province county state_district district territory".split())


def precision_from_nominatim(raw: dict) -> str:
    """Our precision for a Nominatim result, from its ``class``, ``type`` and ``addresstype``.

    :param raw: one result of Nominatim's JSON (``jsonv2`` or ``json`` format).
    :returns: one of :data:`tracker.schema.GEOCODE_PRECISIONS`.
    """
    kind = str(raw.get("addresstype") or raw.get("type") or "")
    category = str(raw.get("class") or raw.get("category") or "")
    if category == "aeroway" or kind == "aerodrome":
        return "airport"
    if kind == "country":
        return "country"
    if kind in _CITY_TYPES:
        return "city"
    if kind in _REGION_TYPES:
        return "region"
    if category in ("building", "highway", "amenity", "shop", "tourism") or kind in (
        "house",
        "building",
        "road",
    ):
        return "exact"
    return "area"


@dataclass(frozen=True)
class CacheEntry:
    """One cached online answer; ``found`` is False for a cached "no such place"."""

    provider: str
    query: str
    found: bool
    latitude: float
    longitude: float
    country: str
    name: str
    precision: str

    def row(self) -> dict[str, str]:
        return {
            "provider": self.provider,
            "query": self.query,
            "found": "yes" if self.found else "no",
            "latitude": f"{self.latitude:.6f}" if self.found else "",
            "longitude": f"{self.longitude:.6f}" if self.found else "",
            "country": self.country,
            "name": self.name,
            "precision": self.precision,
        }


_COLUMNS = [f.name for f in fields(CacheEntry)]


class GeocodeCache:
    """The committed cache file of online answers, keyed by provider and folded query.

    :param path: the CSV file; a missing file is an empty cache (created on first save).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._entries: dict[tuple[str, str], CacheEntry] = {}
        self._dirty = False
        self._lock = threading.Lock()
        if self.path.exists():
            self._read()

    def _read(self) -> None:
        try:
            text = self.path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise GeocodingError(f"{self.path}: cannot read the geocode cache: {err}") from err
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None:
            return
        missing = [c for c in _COLUMNS if c not in reader.fieldnames]
        if missing:
            raise GeocodingError(
                f"{self.path}: geocode cache lacks columns {', '.join(missing)}; "
                "delete the file to rebuild it"
            )
        for line, row in enumerate(reader, start=2):
            try:
                found = row["found"] == "yes"
                lat = float(row["latitude"]) if found else math.nan
                lon = float(row["longitude"]) if found else math.nan
                if found and not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError("coordinates out of range")
            except (TypeError, ValueError) as err:
                raise GeocodingError(f"{self.path}:{line}: bad cache row: {err}") from err
            entry = CacheEntry(
                row["provider"],
                row["query"],
                found,
                lat,
                lon,
                row["country"].upper(),
                row["name"],
                row["precision"],
            )
            self._entries[(entry.provider, fold(entry.query))] = entry

    def get(self, provider: str, query: str) -> CacheEntry | None:
        """The cached answer for ``query``, or None if it was never asked."""
        return self._entries.get((provider, fold(query)))

    def put(self, entry: CacheEntry) -> None:
        with self._lock:
            self._entries[(entry.provider, fold(entry.query))] = entry
            self._dirty = True

    def __len__(self) -> int:
        return len(self._entries)

    def save(self) -> bool:
        """Write the cache atomically, sorted for stable diffs, if anything was added.

        :returns: whether the file was written.
        :raises GeocodingError: the file could not be written (the old one is kept).
        """
        with self._lock:
            if not self._dirty and self.path.exists():
                return False
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=_COLUMNS, lineterminator="\n")
            writer.writeheader()
            for key in sorted(self._entries):
                writer.writerow(self._entries[key].row())
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # The cache sits in the dataset folder; geocoding is one of its writers.
                safety.atomic_write(self.path, out.getvalue(), dataset_writer=True)
            except OSError as err:
                raise GeocodingError(f"{self.path}: cannot write the geocode cache: {err}") from err
            self._dirty = False
            return True


class OnlineLookup:
    """Nominatim behind a rate limiter, through the cache.

    :param cache: where answers are remembered.
    :param geocoder: a geopy Nominatim (see :func:`make_nominatim`).
    :param min_delay_seconds: spacing between requests.
    :param max_retries: retries after a failed request (geopy's RateLimiter waits
        ``error_wait_seconds`` between them).
    :param error_wait_seconds: wait before a retry.
    """

    def __init__(
        self,
        cache: GeocodeCache,
        geocoder: Nominatim | None = None,
        *,
        min_delay_seconds: float = MIN_DELAY_SECONDS,
        max_retries: int = 1,
        error_wait_seconds: float = 3.0,
    ) -> None:
        self.cache = cache
        self.geocoder = geocoder or make_nominatim()
        self._geocode = RateLimiter(
            self.geocoder.geocode,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            error_wait_seconds=error_wait_seconds,
            swallow_exceptions=False,
        )
        self.requests = 0

    def cached(self, query: str) -> CacheEntry | None:
        return self.cache.get(NOMINATIM_SOURCE, query)

    def lookup(self, query: str) -> CacheEntry:
        """The answer for ``query``: from the cache, else asked online (and then cached).

        :returns: an entry; ``found`` is False when Nominatim knows no such place.
        :raises GeocodingError: the service failed (timeout, HTTP error, bad answer).
        """
        entry = self.cached(query)
        if entry is not None:
            return entry
        self.requests += 1
        try:
            location = self._geocode(query, exactly_one=True, addressdetails=True)
        except GeopyError as err:
            raise GeocodingError(
                f"Nominatim failed for {query!r}: {type(err).__name__}: {err}. "
                "This is not 'not found'; retry later or enter coordinates by hand."
            ) from err
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            # geopy parses the answer itself: NaN or missing coordinates raise plain ValueErrors.
            raise GeocodingError(
                f"Nominatim gave an unusable answer for {query!r} ({err}); "
                "enter coordinates by hand."
            ) from err
        if location is None:
            entry = CacheEntry(NOMINATIM_SOURCE, query, False, math.nan, math.nan, "", "", "")
        else:
            raw = location.raw if isinstance(location.raw, dict) else {}
            address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
            country = str(address.get("country_code") or "").upper()
            lat, lon = float(location.latitude), float(location.longitude)
            if not (math.isfinite(lat) and math.isfinite(lon)):
                raise GeocodingError(f"Nominatim gave unusable coordinates for {query!r}")
            if not country:
                from tracker.geocode.reverse import country_at

                country = country_at(lat, lon)
            entry = CacheEntry(
                NOMINATIM_SOURCE,
                query,
                True,
                lat,
                lon,
                country[:2],
                str(location.address)[:300],
                precision_from_nominatim(raw),
            )
        self.cache.put(entry)
        return entry
