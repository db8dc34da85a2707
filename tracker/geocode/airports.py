"""The airports index of the offline gazetteer, over the ``airportsdata`` package.

ICAO and IATA codes, names, name cores without generic words, single name words and the cities
served, each mapping folded text to ICAO codes, best-ranked first; kept as a JSON file in the
user's cache folder so later processes skip the build.
"""

from __future__ import annotations

import importlib.metadata
import json
import logging
import os
from pathlib import Path

from tracker import safety
from tracker.geocode.place import SOURCE_AIRPORTS, Place
from tracker.geocode.text import fold

__all__ = ["AIRPORT_INDEX_VERSION", "AIRPORT_WORDS", "Airports", "airport_rank"]

logger = logging.getLogger(__name__)

#: Bump when the airport index layout or :func:`tracker.geocode.text.fold` changes.
AIRPORT_INDEX_VERSION = 2

# Words that say "an airport" in a query, and words dropped from airport names to get their core
# ("Ben Gurion International Airport" -> "ben gurion").
AIRPORT_WORDS = frozenset(
    "airport airfield aerodrome airbase intl international regional municipal "
    "air base field airstrip heliport".split()
)


def airport_rank(airport: dict) -> tuple:
    """Sort key among airports sharing a name or city: real airliner airports first."""
    name = airport["name"].lower()
    return (
        not airport["iata"],
        "international" not in name,
        any(w in name for w in ("heliport", "helipad", "seaplane", "closed")),
        "air base" in name or "military" in name,
        len(name),
    )


class Airports:
    """Airport indexes over ``airportsdata``, built on the first query that needs them.

    Building them takes about half a second, so the result is kept as JSON in the user's cache
    folder (``$GNSS_TRACKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/gnss-tracker`` or
    ``~/.cache/gnss-tracker``), keyed by the airportsdata version; a missing, stale or broken
    cache is simply rebuilt, and an unwritable folder only costs the rebuild next time.
    Tables map folded text to ICAO codes, best-ranked first (:func:`airport_rank`).
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
        # Words of each folded name, made when first needed (by with_words).
        self._name_words: dict[str, frozenset[str]] = {}
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
        return Path(folder) / f"airports-{version}-index{AIRPORT_INDEX_VERSION}.json"

    def _read_cache(self) -> dict | None:
        path = self._cache_file()
        if path is None or not path.is_file():
            return None
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") != AIRPORT_INDEX_VERSION:
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
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            safety.atomic_write(path, text)
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
        generic = AIRPORT_WORDS
        # Insert in rank order so that every list is already best-first.
        for airport in sorted(airports.values(), key=airport_rank):
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
            "format": AIRPORT_INDEX_VERSION,
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
        lists = [tables.get(w, []) for w in words if w not in AIRPORT_WORDS]
        if not lists or not all(lists):
            return []
        needed = set(words) - AIRPORT_WORDS
        found = []
        name_words = self._name_words
        for code in min(lists, key=len):
            airport = self.icao[code]
            if airport["iata"] or not iata_only:
                have = name_words.get(code)
                if have is None:
                    have = name_words[code] = frozenset(self._folded[code].split())
                if needed <= have:
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
