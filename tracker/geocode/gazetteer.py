"""The offline gazetteer: airports, cities, countries and curated areas behind geopy's interface.

:class:`OfflineGeocoder` answers ``geocode("Plovdiv Airport")`` without a network, from

* airports: the ``airportsdata`` package (ICAO and IATA codes, names, served cities);
* cities: ``tracker/data/cities.txt.gz``, a GeoNames extract with folded alternate names
  (built once by :mod:`tracker.geocode.build_cities`; GeoNames, CC BY 4.0);
* countries: ``tracker/data/countries.csv`` plus ``country_aliases.csv`` (other names and
  demonyms, so "Pakistani airspace" works), placed at the label point of the country.s shape;
* areas: ``tracker/data/areas.csv`` (seas, peninsulas, FIRs, parts of countries).

A query is folded (case, accents, punctuation; see :func:`tracker.geocode.text.fold`) and looked
up in indexes (dicts, and a sorted list for the 280,000 city names). Ambiguity is settled by
rank: airport code, airport name, country, city by population, curated area, town known only as
an airport's city. Wordy reports ("Near Kaliningrad,
en route to Šiauliai (Lithuania)") are split on their separators; the most precise part wins, and
a part naming a country restricts the others to that country ("Tallinn–Savonlinna, south-east
Finland" gives Savonlinna). "near X", "X area" and "north of X" keep X's coordinates but record the
precision as ``area``. Every answer's ``raw`` says where it came from (``source``) and what the
coordinates stand for (``precision``, one of :data:`tracker.schema.GEOCODE_PRECISIONS`).
"""

from __future__ import annotations

import bisect
import functools
import gzip
import importlib.metadata
import importlib.resources
import json
import logging
import math
import os
import re
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from tracker.geocode.areas import areas_by_name, areas_containing
from tracker.geocode.regions import region_for
from tracker.geocode.text import fold

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

logger = logging.getLogger(__name__)

SOURCE_AIRPORTS = "gazetteer:airportsdata"
SOURCE_CITIES = "gazetteer:geonames"
SOURCE_COUNTRIES = "gazetteer:countries"
SOURCE_AREAS = "gazetteer:areas"

#: Lower is more precise; used to pick the best part of a compound place text.
PRECISION_RANK = {"exact": 0, "airport": 1, "city": 2, "area": 3, "region": 4, "country": 5}

#: Longest query considered; longer text is not a place name.
MAX_QUERY_LENGTH = 500
CITIES_FILE = "cities.txt.gz"
#: Bump when the airport index layout or :func:`tracker.geocode.text.fold` changes.
_AIRPORT_INDEX_VERSION = 2
#: Resolved queries kept in memory per geocoder.
CACHE_SIZE = 20000


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


class _Hit(NamedTuple):
    """A place matched by a query, with the precision the query's wording allows."""

    place: Place
    precision: str


# Words that say "an airport" in a query, and words dropped from airport names to get their core
# ("Ben Gurion International Airport" -> "ben gurion").
_AIRPORT_WORDS = frozenset(
    "airport airfield aerodrome airbase intl international regional municipal "
    "air base field airstrip heliport".split()
)
_AIRPORT_QUERY = re.compile(
    r"\b(airport|airfield|aerodrome|air base|airbase|air force base|afb|raf|intl|airstrip)\b"
)

# Wording around a place name. Prefixes and suffixes are folded text; each is tried only when
# the full text is not a known name ("Kaliningrad region" is an area, "Kaliningrad" a city).
_VAGUE_PREFIXES = (
    "off the coast of",
    "off the coasts of",
    "off the shore of",
    "the coast of",
    "coast of",
    "airspace around",
    "airspace over",
    "airspace near",
    "airspace of",
    "approaches to",
    "approach to",
    "en route to",
    "on approach to",
    "the vicinity of",
    "vicinity of",
    "area around",
    "area of",
    "region of",
    "outskirts of",
    "close to",
    "not far from",
    "north of",
    "south of",
    "east of",
    "west of",
    "north east of",
    "north west of",
    "south east of",
    "south west of",
    "northeast of",
    "northwest of",
    "southeast of",
    "southwest of",
    "between",
    "nearby",
    "near",
    "around",
    "off",
    "over",
    "outside",
    "route",
    "routes",
)
_PLAIN_PREFIXES = ("in", "at", "the", "above", "within", "from", "to")
# Wording after a name: "plain" ones change nothing, "vague" ones make a point an area, "edge"
# ones ("Iran border") also mean the place is near, not in, a country.
_PLAIN_SUFFIXES = (
    "departures",
    "departure",
    "arrivals",
    "arrival",
    "final approach",
    "approach",
    "landing",
    "takeoff",
    "island",
    "islands",
    "peninsula",
    "archipelago",
    "city",
    "town",
    "village",
)
_VAGUE_SUFFIXES = (
    "area",
    "vicinity",
    "surroundings",
    "environs",
    "outskirts",
    "region",
    "corridor",
    "coast",
    "coastline",
    "airspace",
    "route",
    "routes",
    "sector",
    "tma",
    "ctr",
    "control zone",
    "terminal area",
    "skies",
)
_EDGE_SUFFIXES = ("border area", "border region", "border", "borders", "boundary", "frontier")
_FIR_SUFFIXES = ("fir", "firs", "flight information region", "artcc", "acc", "uir")
_DIRECTIONS = (
    "north eastern",
    "north western",
    "south eastern",
    "south western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north east",
    "north west",
    "south east",
    "south west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north",
    "south",
    "east",
    "west",
    "upper",
    "lower",
    "inner",
    "outer",
)

# Separators of compound place texts, strongest first. Parentheses are handled separately.
_SEPARATORS = (
    re.compile(r"\s*;\s*"),
    re.compile(r"\s*,\s*"),
    re.compile(r"\s*/\s*"),
    re.compile(r"\s*[–—]\s*|\s+-\s+|(?<=[a-zà-ÿ])-(?=[A-Z])"),
    re.compile(
        r"\s+(?:and|&|to|from|with|via|around|near|towards|toward|or|off|over|along|outside|"
        r"(?:north|south|east|west)\s+of)\s+",
        re.I,
    ),
)
_RAW_VAGUE = re.compile(
    r"^(?:(?:the\s+)?(?:airspace\s+)?(?:near(?:by)?|around|between|close to|off|over|"
    r"outside|off the coasts? of|approach(?:es)? to|en route to|on approach to|"
    r"(?:the\s+)?vicinity of|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|"
    r"routes?)\s+)+",
    re.I,
)
_PUNCTUATION = re.compile(r"[;,/()–—]")
_PAREN = re.compile(r"\(([^()]*)\)")
_CODE = re.compile(r"^(?:[A-Z]{4}|[A-Z0-9]{3})$")
_CODE_LABEL = re.compile(r"^(?:ICAO|IATA)(?:\s+code)?\s*[:=]?\s*", re.I)


def _data_text(name: str) -> str:
    return importlib.resources.files("tracker.data").joinpath(name).read_text("utf-8")


def _airport_rank(airport: dict) -> tuple:
    """Sort key among airports sharing a name or city: real airliner airports first."""
    name = airport["name"].lower()
    return (
        not airport["iata"],
        "international" not in name,
        any(w in name for w in ("heliport", "helipad", "seaplane", "closed")),
        "air base" in name or "military" in name,
        len(name),
    )


class _Cities:
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


class _Airports:
    """Airport indexes over ``airportsdata``, built on the first query that needs them.

    Building them takes about half a second, so the result is kept as JSON in the user's cache
    folder (``$GNSS_TRACKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/gnss-tracker`` or
    ``~/.cache/gnss-tracker``), keyed by the airportsdata version; a missing, stale or broken
    cache is simply rebuilt, and an unwritable folder only costs the rebuild next time.
    Tables map folded text to ICAO codes, best-ranked first (:func:`_airport_rank`).
    """

    def __init__(self) -> None:
        data = self._read_cache()
        if data is None:
            data = self._build()
            self._write_cache(data)
        self.icao: dict[str, dict] = data["airports"]
        self._tables: tuple[dict, dict, dict, dict] = (
            data["names"],
            data["cores"],
            data["words"],
            data["cities"],
        )
        self._folded: dict[str, str] = data["folded"]
        self.iata: dict[str, dict] = {}
        for airport in self.icao.values():
            if airport["iata"]:
                self.iata.setdefault(airport["iata"], airport)

    @staticmethod
    def _cache_file() -> Path | None:
        try:
            version = importlib.metadata.version("airportsdata")
        except importlib.metadata.PackageNotFoundError:
            return None
        folder = os.environ.get("GNSS_TRACKER_CACHE_DIR")
        if not folder:
            base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
            folder = str(Path(base) / "gnss-tracker")
        return Path(folder) / f"airports-{version}-index{_AIRPORT_INDEX_VERSION}.json"

    def _read_cache(self) -> dict | None:
        path = self._cache_file()
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != _AIRPORT_INDEX_VERSION:
                return None
            return data
        except (OSError, ValueError, AttributeError) as err:
            logger.debug("ignoring airport index cache %s: %s", path, err)
            return None

    def _write_cache(self, data: dict) -> None:
        path = self._cache_file()
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".airports.", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError as err:
            logger.debug("cannot write airport index cache %s: %s", path, err)

    @staticmethod
    def _build() -> dict:
        import airportsdata

        # Only the fields the gazetteer uses, to keep the cache small and quick to read.
        airports = {
            code: {k: a[k] for k in ("icao", "iata", "name", "city", "country", "lat", "lon")}
            for code, a in airportsdata.load("ICAO").items()
        }
        names: dict[str, list[str]] = {}
        cores: dict[str, list[str]] = {}
        words: dict[str, list[str]] = {}
        cities: dict[str, list[str]] = {}
        folded_names: dict[str, str] = {}
        folded_cities: dict[str, str] = {}
        generic = _AIRPORT_WORDS
        # Insert in rank order so that every list is already best-first.
        for airport in sorted(airports.values(), key=_airport_rank):
            code = airport["icao"]
            folded = fold(airport["name"])
            folded_names[code] = folded
            names.setdefault(folded, []).append(code)
            core_words = [w for w in folded.split() if w not in generic]
            if core_words:
                cores.setdefault(" ".join(core_words), []).append(code)
                # Single words of the name ("hoybuktmoen", "arlanda") find airports by a
                # distinctive part of their name.
                for word in set(core_words):
                    words.setdefault(word, []).append(code)
            city = airport["city"]
            if not city:
                continue
            for name in (city, *city.split("/")) if "/" in city else (city,):
                folded_city = folded_cities.get(name)
                if folded_city is None:
                    folded_city = folded_cities[name] = fold(name)
                if folded_city:
                    bucket = cities.setdefault(folded_city, [])
                    if code not in bucket:
                        bucket.append(code)
        return {
            "format": _AIRPORT_INDEX_VERSION,
            "airports": airports,
            "names": names,
            "cores": cores,
            "words": words,
            "cities": cities,
            "folded": folded_names,
        }

    @staticmethod
    def place(airport: dict) -> Place:
        return Place(
            airport["name"],
            float(airport["lat"]),
            float(airport["lon"]),
            airport["country"],
            "airport",
            SOURCE_AIRPORTS,
            0,
            0.0,
            airport["icao"],
        )

    @staticmethod
    def town(airport: dict, name: str) -> Place:
        return Place(
            name,
            float(airport["lat"]),
            float(airport["lon"]),
            airport["country"],
            "city",
            SOURCE_AIRPORTS,
            0,
            0.0,
            airport["icao"],
        )

    def _get(self, table: int, key: str) -> list[dict]:
        icao = self.icao
        return [icao[code] for code in self._tables[table].get(key, ())]

    def with_words(self, words: list[str], *, iata_only: bool = False) -> list[dict]:
        """Airports whose name holds every word, best first (searched from the rarest word)."""
        tables = self._tables[2]
        lists = [tables.get(w, []) for w in words if w not in _AIRPORT_WORDS]
        if not lists or not all(lists):
            return []
        needed = set(words) - _AIRPORT_WORDS
        found = []
        for code in min(lists, key=len):
            airport = self.icao[code]
            if (airport["iata"] or not iata_only) and needed <= set(self._folded[code].split()):
                found.append(airport)
        return found

    def by_name(self, key: str) -> list[dict]:
        return self._get(0, key)

    def by_core(self, key: str) -> list[dict]:
        return self._get(1, key)

    def by_city(self, key: str) -> list[dict]:
        return self._get(3, key)

    def towns(self, key: str) -> list[Place]:
        """Towns too small for the city extract (Vardø) known as an airport's city."""
        found = [a for a in self.by_city(key) if a["iata"]]
        return [self.town(a, next(n.strip() for n in a["city"].split("/"))) for a in found[:1]]


class _Countries:
    """Country names, aliases and demonyms, placed at the map's label point."""

    def __init__(self, cities: _Cities) -> None:
        import csv

        centroids: dict[str, tuple[float, float]] = {}
        #: ``(min_lat, min_lon, max_lat, max_lon)`` of each country's mainland, for "northern X".
        self.boxes: dict[str, tuple[float, float, float, float]] = {}
        for row in csv.DictReader(_data_text("country_centroids.csv").splitlines()):
            centroids[row["country"]] = (float(row["latitude"]), float(row["longitude"]))
            if row["min_lat"]:
                self.boxes[row["country"]] = tuple(
                    float(row[k]) for k in ("min_lat", "min_lon", "max_lat", "max_lon")
                )
        self.by_code: dict[str, Place] = {}
        self.by_name: dict[str, Place] = {}
        for row in csv.DictReader(_data_text("countries.csv").splitlines()):
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
        for row in csv.DictReader(_data_text("country_aliases.csv").splitlines()):
            place = self.by_code.get(row["country"])
            if place is not None:
                self.by_name.setdefault(fold(row["alias"]), place)


class _Index:
    """All lookup tables, each loaded on first use and then kept for the process."""

    _lock = threading.Lock()

    @functools.cached_property
    def cities(self) -> _Cities:
        with self._lock:
            return _Cities()

    @functools.cached_property
    def airports(self) -> _Airports:
        with self._lock:
            return _Airports()

    @functools.cached_property
    def countries(self) -> _Countries:
        cities = self.cities
        with self._lock:
            return _Countries(cities)


_INDEX = _Index()


def _index() -> _Index:
    """The shared, lazily loaded index."""
    return _INDEX


def nearest_city_country(latitude: float, longitude: float) -> str:
    """Country code of the large city (100,000+ inhabitants) nearest to a point.

    Used to give points at sea outside every curated sea a sensible region.

    :param latitude: WGS84 degrees.
    :param longitude: WGS84 degrees.
    :returns: ISO alpha-2 code.
    """
    import numpy as np

    lats, lons, codes = _index().cities.large
    lat = np.radians(np.asarray(lats))
    lon = np.radians(np.asarray(lons))
    p_lat, p_lon = math.radians(latitude), math.radians(longitude)
    a = (
        np.sin((lat - p_lat) / 2) ** 2
        + math.cos(p_lat) * np.cos(lat) * np.sin((lon - p_lon) / 2) ** 2
    )
    return codes[int(np.argmin(a))]


def _strip_prefix(text: str, prefixes: Iterable[str]) -> tuple[str, str] | None:
    for prefix in prefixes:
        if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
            return prefix, text[len(prefix) + 1 :]
    return None


def _strip_suffix(text: str, suffixes: Iterable[str]) -> tuple[str, str] | None:
    for suffix in suffixes:
        if text.endswith(" " + suffix) and len(text) > len(suffix) + 1:
            return suffix, text[: -len(suffix) - 1]
    return None


def _widen(hits: list[_Hit], precision: str, *, countries: bool = False) -> list[_Hit]:
    """Lower the precision of point-like hits (airport, city) to ``precision``.

    :param countries: also turn country hits into ``region`` ones: "near Iran" is somewhere
        around Iran, not Iran, and must not narrow the other parts of a compound text.
    """
    out = []
    for hit in hits:
        if PRECISION_RANK[hit.precision] < PRECISION_RANK[precision]:
            hit = _Hit(hit.place, precision)
        elif countries and hit.precision == "country":
            hit = _Hit(hit.place, "region")
        out.append(hit)
    return out


class _Resolver:
    """Turns query text into ranked hits using one :class:`_Index`."""

    def __init__(self, index: _Index) -> None:
        self.ix = index

    # -- single names -------------------------------------------------------------------------

    def codes(self, raw: str) -> list[_Hit]:
        code = _CODE_LABEL.sub("", raw.strip().strip("()[]").strip())
        if not _CODE.match(code):
            return []
        airports = self.ix.airports
        airport = airports.icao.get(code) if len(code) == 4 else airports.iata.get(code)
        return [_Hit(airports.place(airport), "airport")] if airport else []

    def airports(self, text: str) -> list[_Hit]:
        """Airports named by ``text`` (folded), which must say "airport" (or "RAF", "air base").

        Tried in turn: the full name; the name's core without generic words ("ben gurion");
        the city served ("kirkenes airport"); airports whose core holds every query word;
        and, for "Tel Aviv Ben Gurion airport", the query without its first or last words.
        """
        if not _AIRPORT_QUERY.search(text):
            return []
        ix = self.ix.airports
        words = text.split()
        if words[-1] not in _AIRPORT_WORDS and words[0] not in ("raf", "nas"):
            # Only a full name may carry words after "airport" ("Svalbard Airport Longyear").
            found = ix.by_name(text)
        else:
            core = [w for w in words if w not in _AIRPORT_WORDS and w not in ("raf", "nas")]
            found = self._airport_core(ix, text, core) if core else []
        return [_Hit(ix.place(a), "airport") for a in found]

    @staticmethod
    def _airport_core(ix: _Airports, text: str, words: list[str]) -> list[dict]:
        core = " ".join(words)
        seen: dict[str, dict] = {}
        for airport in [*ix.by_name(text), *ix.by_core(core), *ix.by_city(core)]:
            seen.setdefault(airport["icao"], airport)
        for airport in ix.with_words(words):
            seen.setdefault(airport["icao"], airport)
        if seen:
            return sorted(seen.values(), key=_airport_rank)
        for cut in range(1, len(words)):
            for part in (" ".join(words[cut:]), " ".join(words[:-cut])):
                found = ix.by_core(part) or ix.by_city(part)
                if found:
                    return found
        return []

    def names(self, text: str, raw: str = "") -> list[_Hit]:
        """Everything ``text`` (folded, without wording) names exactly, best first."""
        ix = self.ix
        hits: list[_Hit] = []
        if raw:
            hits = self.codes(raw)
            if hits:
                return hits  # a code outranks everything and is unambiguous
        hits += self.airports(text)
        country = ix.countries.by_name.get(text)
        if country is None and len(raw) == 2 and raw.isupper():
            # An ISO code as the country part of "Riga, LV".
            country = ix.countries.by_code.get(raw)
        if country is not None:
            hits.append(_Hit(country, "country"))
        cities = [_Hit(p, "city") for p in ix.cities.lookup(text)]
        area = areas_by_name().get(text)
        if area is not None:
            # A curated area outranks towns that share its name only as an alternate name or
            # are small ("Hormuz" is the strait, not the island town of Hormoz).
            precision = "region" if area.kind == "region" else "area"
            strong = [
                h for h in cities if h.place.population >= 100000 and fold(h.place.name) == text
            ]
            weak = [h for h in cities if h not in strong]
            cities = [*strong, _Hit(self.area_place(area), precision), *weak]
        hits += cities
        if not hits:
            # Small towns known only as an airport's city, then a lower-case ICAO code.
            hits += [_Hit(p, "city") for p in ix.airports.towns(text)]
        if not hits and raw and len(text) >= 5 and len(text.split()) <= 4:
            # Distinctive words of an airliner airport's name ("Sheremetyevo", "Stockholm
            # Arlanda"), without the word "airport"; only for the text as given.
            found = ix.airports.with_words(text.split(), iata_only=True)
            hits += [_Hit(ix.airports.place(a), "airport") for a in found[:3]]
        if not hits and len(text) == 4 and text.isalpha():
            airport = ix.airports.icao.get(text.upper())
            if airport:
                hits.append(_Hit(ix.airports.place(airport), "airport"))
        if not hits and text.startswith("st "):
            return self.names("saint " + text[3:])
        return hits

    @staticmethod
    @functools.cache
    def area_place(area) -> Place:
        return Place(
            area.name,
            area.latitude,
            area.longitude,
            area.country,
            "area",
            SOURCE_AREAS,
            radius_km=area.radius_km,
            ident=area.name,
            region=area.region,
        )

    # -- wording ------------------------------------------------------------------------------

    def phrase(self, text: str, raw: str = "", depth: int = 0) -> list[_Hit]:
        """Hits for one phrase, peeling "near", "area", "FIR", "northern" and the like."""
        hits = self.names(text, raw)
        if hits or depth > 6 or not text:
            return hits
        step = depth + 1
        stripped = _strip_prefix(text, _PLAIN_PREFIXES)
        if stripped:
            return self.phrase(stripped[1], "", step)
        stripped = _strip_prefix(text, _VAGUE_PREFIXES)
        if stripped:
            return _widen(self.phrase(stripped[1], "", step), "area", countries=True)
        stripped = _strip_suffix(text, _PLAIN_SUFFIXES)
        if stripped:
            return self.phrase(stripped[1], "", step)
        stripped = _strip_suffix(text, _EDGE_SUFFIXES)
        if stripped:
            return _widen(self.phrase(stripped[1], "", step), "area", countries=True)
        stripped = _strip_suffix(text, _VAGUE_SUFFIXES)
        if stripped:
            return _widen(self.phrase(stripped[1], "", step), "area")
        stripped = _strip_suffix(text, _FIR_SUFFIXES)
        if stripped:
            return _widen(self.phrase(stripped[1], "", step), "region")
        stripped = _strip_prefix(text, _DIRECTIONS)
        if stripped:
            hits = _widen(self.phrase(stripped[1], "", step), "region")
            return [self._toward(h, stripped[0]) for h in hits]
        # "Tel Aviv Israel": a trailing country name narrows the words before it.
        words = text.split()
        for n in (1, 2, 3):
            if len(words) > n:
                country = self.ix.countries.by_name.get(" ".join(words[-n:]))
                if country is not None:
                    rest = self.phrase(" ".join(words[:-n]), "", step)
                    if rest and rest[0].place.country == country.country:
                        return [h for h in rest if h.place.country == country.country]
        return []

    def _toward(self, hit: _Hit, direction: str) -> _Hit:
        """ "northern Norway": move a country's point halfway from its centre to that edge."""
        box = self.ix.countries.boxes.get(hit.place.country)
        if hit.place.source != SOURCE_COUNTRIES or box is None:
            return hit
        min_lat, min_lon, max_lat, max_lon = box
        lat, lon = hit.place.latitude, hit.place.longitude
        if "north" in direction:
            lat = (lat + max_lat) / 2
        elif "south" in direction:
            lat = (lat + min_lat) / 2
        if "east" in direction:
            lon = (lon + max_lon) / 2
        elif "west" in direction:
            lon = (lon + min_lon) / 2
        lon = (lon + 180) % 360 - 180
        name = f"{direction.capitalize()} {hit.place.name}"
        return _Hit(hit.place._replace(name=name, latitude=lat, longitude=lon), "region")

    # -- compound texts -----------------------------------------------------------------------

    def resolve(self, raw: str, level: int = 0) -> list[_Hit]:
        """Hits for free place text, best first."""
        raw = raw.strip(" \t\r\n.,;:/-–—")
        if not raw:
            return []
        text = fold(raw)
        if _PUNCTUATION.search(raw):
            # "Vilnius, Lithuania", "Riga (EVRA)": try the name as written, then its parts,
            # before peeling wording off the whole text.
            hits = self.names(text, raw) or self._compound(raw, level)
            if hits:
                return hits
        hits = self.phrase(text, raw)
        if hits:
            return hits
        vague = _RAW_VAGUE.match(raw)
        if vague and vague.end() < len(raw):
            # "Near Grozny, Russia": the wording applies to the whole compound that follows.
            return _widen(self.resolve(raw[vague.end() :], level), "area", countries=True)
        return self._compound(raw, level)

    def _compound(self, raw: str, level: int) -> list[_Hit]:
        """Split on the strongest separator present and combine the parts' answers."""
        for position in range(level, len(_SEPARATORS)):
            if position >= 2 and "(" in raw:
                # After ";" and "," and before "/": "X (Y)" is X, narrowed by Y.
                return self._parenthesised(raw, position)
            parts = self._split(_SEPARATORS[position], raw)
            if len(parts) > 1:
                if position == 0:
                    # Clauses ("Near Grozny, Russia; crashed near Aktau"): the first that
                    # names a place is where it happened.
                    for part in parts:
                        hits = self.resolve(part, position + 1)
                        if hits:
                            return hits
                    return []
                return self._combine([self.resolve(p, position + 1) for p in parts])
        return []

    @staticmethod
    def _split(pattern: re.Pattern, raw: str) -> list[str]:
        """Split outside parentheses only."""
        depth = 0
        masked = []
        for char in raw:
            depth += char == "("
            masked.append("\0" if depth and char not in "()" else char)
            depth -= char == ")" and depth > 0
        masked_text = "".join(masked)
        parts, start = [], 0
        for match in pattern.finditer(masked_text):
            parts.append(raw[start : match.start()])
            start = match.end()
        parts.append(raw[start:])
        return [p for p in parts if p.strip()]

    def _parenthesised(self, raw: str, position: int) -> list[_Hit]:
        inner = [m.group(1) for m in _PAREN.finditer(raw)]
        outer = _PAREN.sub(" ", raw)
        outer = re.sub(r"\s+", " ", outer).strip()
        main = self.resolve(outer, position) if outer else []
        extra = [self.resolve(text, 0) for text in inner]
        # "Riga (EVRA)": an airport code in brackets identifies the place exactly.
        coded = [hits[0] for text, hits in zip(inner, extra, strict=True) if self.codes(text)]
        if coded:
            return coded + main
        if not main:
            tops = [h for hits in extra for h in hits[:1]]
            return self._combine([[h] for h in tops])
        constraint = {h[0].place.country for h in extra if h and h[0].precision == "country"}
        if constraint:
            narrowed = [h for h in main if h.place.country in constraint]
            if narrowed:
                return narrowed
        if main[0].precision == "country":
            # "Cyprus (Nicosia FIR)": a more precise place inside the country wins.
            inside = [
                h for hits in extra for h in hits[:1] if h.place.country == main[0].place.country
            ]
            inside.sort(key=lambda h: PRECISION_RANK[h.precision])
            if inside and PRECISION_RANK[inside[0].precision] < PRECISION_RANK["country"]:
                return inside + main
        return main

    @staticmethod
    def _combine(results: list[list[_Hit]]) -> list[_Hit]:
        """Pick from the parts of a compound text: most precise part first, countries narrow."""
        tops = [(i, hits[0]) for i, hits in enumerate(results) if hits]
        if not tops:
            return []
        # Parts naming a country, or a part of one ("south-east Finland", "Skåne"), narrow
        # the other parts to that country.
        countries = {hit.place.country for _, hit in tops if hit.precision == "country"}
        countries |= {
            hit.place.country
            for _, hit in tops
            if hit.place.source == SOURCE_AREAS and hit.place.country
        }
        if countries:
            inside = []
            for i, hits in enumerate(results):
                if not hits or hits[0].precision == "country":
                    continue
                match = next(
                    (h for h in hits if h.place.country in countries and h.precision != "country"),
                    None,
                )
                if match is not None:
                    inside.append((PRECISION_RANK[match.precision], i, match))
            if inside:
                inside.sort(key=lambda t: (t[0], t[1]))
                return [t[2] for t in inside]
            return [hit for _, hit in tops if hit.precision == "country"]
        ranked = sorted(tops, key=lambda t: (PRECISION_RANK[t[1].precision], t[0]))
        best_index = ranked[0][0]
        # Keep the winner's own alternatives (a route's other end, same-name cities) after it.
        return [ranked[0][1]] + results[best_index][1:] + [hit for _, hit in ranked[1:]]


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

    def _resolve(self, query: str) -> tuple[_Hit, ...]:
        hits = _Resolver(_index()).resolve(query)
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
    def _parts(hit: _Hit) -> tuple[str, Point, dict]:
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
            known = _index().countries.by_code.get(country)
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
