"""The query grammar of the offline gazetteer: free place text to ranked hits.

A query is folded (case, accents, punctuation; see :func:`tracker.geocode.text.fold`) and looked
up in the indexes (:mod:`.index`). Ambiguity is settled by rank: airport code, airport name,
country, city by population, curated area, town known only as an airport's city. Wordy reports
("Near Kaliningrad, en route to Šiauliai (Lithuania)") are split on their separators; the most
precise part wins, and a part naming a country restricts the others to that country
("Tallinn–Savonlinna, south-east Finland" gives Savonlinna). "near X", "X area" and "north of X"
keep X's coordinates but record the precision as ``area``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from tracker.geocode.airports import AIRPORT_WORDS, Airports, airport_rank
from tracker.geocode.areas import areas_by_name
from tracker.geocode.index import Index
from tracker.geocode.place import PRECISION_RANK, SOURCE_AREAS, SOURCE_COUNTRIES, Hit, Place
from tracker.geocode.text import fold

__all__ = ["QueryResolver"]

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


def _by_word(phrases: Iterable[str], *, last: bool = False) -> dict[str, tuple[str, ...]]:
    """``phrases`` grouped by their first (or last) word, each group in the phrases' order.

    A text can start with "north east of " only if its first word is "north": one dict lookup
    finds the few phrases worth testing, where a test of every phrase was most of the time
    spent on "X area" or "near X".
    """
    table: dict[str, list[str]] = {}
    for phrase in phrases:
        word = phrase.rpartition(" ")[2] if last else phrase.partition(" ")[0]
        table.setdefault(word, []).append(phrase)
    return {word: tuple(group) for word, group in table.items()}


_PLAIN_PREFIX_WORDS = _by_word(_PLAIN_PREFIXES)
_VAGUE_PREFIX_WORDS = _by_word(_VAGUE_PREFIXES)
_DIRECTION_WORDS = _by_word(_DIRECTIONS)
_PLAIN_SUFFIX_WORDS = _by_word(_PLAIN_SUFFIXES, last=True)
_VAGUE_SUFFIX_WORDS = _by_word(_VAGUE_SUFFIXES, last=True)
_EDGE_SUFFIX_WORDS = _by_word(_EDGE_SUFFIXES, last=True)
_FIR_SUFFIX_WORDS = _by_word(_FIR_SUFFIXES, last=True)


#: A city found under another name (an exonym, a historical or foreign spelling) still comes
#: first when it is this large, or this many times larger than the city that has the name as
#: its own ("Wien" is Vienna; "Kalmar" is the Swedish town, not Colmar, whose German name it is).
EXONYM_BIG_CITY = 500_000
EXONYM_RATIO = 10


def _own_name_first(places: list[Place], text: str) -> list[Place]:
    """Cities named ``text`` (folded), those whose own name it is before those that only have it
    as an alternate name, unless the latter is much larger (see :data:`EXONYM_BIG_CITY`)."""
    own = [p for p in places if fold(p.name) == text]
    if not own or len(own) == len(places):
        return places
    biggest_own = max(p.population for p in own)

    def outranks(place: Place) -> bool:
        return place in own or (
            place.population >= EXONYM_BIG_CITY or place.population >= EXONYM_RATIO * biggest_own
        )

    return [p for p in places if outranks(p)] + [p for p in places if not outranks(p)]


def _strip_prefix(text: str, prefixes: dict[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """The first of ``prefixes`` (a :func:`_by_word` table) that ``text`` starts with, and
    the rest of the text."""
    for prefix in prefixes.get(text.partition(" ")[0], ()):
        if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
            return prefix, text[len(prefix) + 1 :]
    return None


def _strip_suffix(text: str, suffixes: dict[str, tuple[str, ...]]) -> tuple[str, str] | None:
    """The first of ``suffixes`` (a :func:`_by_word` table, ``last=True``) that ``text`` ends
    with, and the text before it."""
    for suffix in suffixes.get(text.rpartition(" ")[2], ()):
        if text.endswith(" " + suffix) and len(text) > len(suffix) + 1:
            return suffix, text[: -len(suffix) - 1]
    return None


def _widen(hits: list[Hit], precision: str, *, countries: bool = False) -> list[Hit]:
    """Lower the precision of point-like hits (airport, city) to ``precision``.

    :param countries: also turn country hits into ``region`` ones: "near Iran" is somewhere
        around Iran, not Iran, and must not narrow the other parts of a compound text.
    """
    out = []
    for hit in hits:
        if PRECISION_RANK[hit.precision] < PRECISION_RANK[precision]:
            hit = Hit(hit.place, precision)
        elif countries and hit.precision == "country":
            hit = Hit(hit.place, "region")
        out.append(hit)
    return out


class QueryResolver:
    """Turns query text into ranked hits using one :class:`Index`."""

    def __init__(self, index: Index) -> None:
        self.ix = index

    # -- single names -------------------------------------------------------------------------

    def codes(self, raw: str) -> list[Hit]:
        code = _CODE_LABEL.sub("", raw.strip().strip("()[]").strip())
        if not _CODE.match(code):
            return []
        airports = self.ix.airports
        airport = airports.icao.get(code) if len(code) == 4 else airports.iata.get(code)
        return [Hit(airports.place(airport), "airport")] if airport else []

    def airports(self, text: str) -> list[Hit]:
        """Airports named by ``text`` (folded), which must say "airport" (or "RAF", "air base").

        Tried in turn: the full name; the name's core without generic words ("ben gurion");
        the city served ("kirkenes airport"); airports whose core holds every query word;
        and, for "Tel Aviv Ben Gurion airport", the query without its first or last words.
        """
        if not _AIRPORT_QUERY.search(text):
            return []
        ix = self.ix.airports
        words = text.split()
        if words[-1] not in AIRPORT_WORDS and words[0] not in ("raf", "nas"):
            # Only a full name may carry words after "airport" ("Svalbard Airport Longyear").
            found = ix.by_name(text)
        else:
            core = [w for w in words if w not in AIRPORT_WORDS and w not in ("raf", "nas")]
            found = self._airport_core(ix, text, core) if core else []
        return [Hit(ix.place(a), "airport") for a in found]

    @staticmethod
    def _airport_core(ix: Airports, text: str, words: list[str]) -> list[dict]:
        core = " ".join(words)
        seen: dict[str, dict] = {}
        for airport in [*ix.by_name(text), *ix.by_core(core), *ix.by_city(core)]:
            seen.setdefault(airport["icao"], airport)
        for airport in ix.with_words(words):
            seen.setdefault(airport["icao"], airport)
        if seen:
            return sorted(seen.values(), key=airport_rank)
        for cut in range(1, len(words)):
            for part in (" ".join(words[cut:]), " ".join(words[:-cut])):
                found = ix.by_core(part) or ix.by_city(part)
                if found:
                    return found
        return []

    def names(self, text: str, raw: str = "") -> list[Hit]:
        """Everything ``text`` (folded, without wording) names exactly, best first."""
        ix = self.ix
        hits: list[Hit] = []
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
            hits.append(Hit(country, "country"))
        cities = [Hit(p, "city") for p in _own_name_first(ix.cities.lookup(text), text)]
        area = areas_by_name().get(text)
        if area is not None:
            # A curated area outranks towns that share its name only as an alternate name or
            # are small ("Hormuz" is the strait, not the island town of Hormoz).
            precision = "region" if area.kind == "region" else "area"
            strong = [
                h for h in cities if h.place.population >= 100000 and fold(h.place.name) == text
            ]
            weak = [h for h in cities if h not in strong]
            cities = [*strong, Hit(self.area_place(area), precision), *weak]
        hits += cities
        if not hits:
            # Small towns known only as an airport's city, then a lower-case ICAO code.
            hits += [Hit(p, "city") for p in ix.airports.towns(text)]
        if not hits and raw and len(text) >= 5 and len(text.split()) <= 4:
            # Distinctive words of an airliner airport's name ("Sheremetyevo", "Stockholm
            # Arlanda"), without the word "airport"; only for the text as given.
            found = ix.airports.with_words(text.split(), iata_only=True)
            hits += [Hit(ix.airports.place(a), "airport") for a in found[:3]]
        if not hits and len(text) == 4 and text.isalpha():
            airport = ix.airports.icao.get(text.upper())
            if airport:
                hits.append(Hit(ix.airports.place(airport), "airport"))
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

    def phrase(self, text: str, raw: str = "", depth: int = 0) -> list[Hit]:
        """Hits for one phrase, peeling "near", "area", "FIR", "northern" and the like."""
        hits = self.names(text, raw)
        if hits or depth > 6 or not text:
            return hits
        step = depth + 1
        stripped = _strip_prefix(text, _PLAIN_PREFIX_WORDS)
        if stripped:
            return self.phrase(stripped[1], "", step)
        stripped = _strip_prefix(text, _VAGUE_PREFIX_WORDS)
        if stripped:
            return _widen(self.phrase(stripped[1], "", step), "area", countries=True)
        stripped = _strip_suffix(text, _PLAIN_SUFFIX_WORDS)
        if stripped:
            return self.phrase(stripped[1], "", step)
        stripped = _strip_suffix(text, _EDGE_SUFFIX_WORDS)
        if stripped:
            return _widen(self.phrase(stripped[1], "", step), "area", countries=True)
        stripped = _strip_suffix(text, _VAGUE_SUFFIX_WORDS)
        if stripped:
            return _widen(self.phrase(stripped[1], "", step), "area")
        stripped = _strip_suffix(text, _FIR_SUFFIX_WORDS)
        if stripped:
            return _widen(self.phrase(stripped[1], "", step), "region")
        stripped = _strip_prefix(text, _DIRECTION_WORDS)
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

    def _toward(self, hit: Hit, direction: str) -> Hit:
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
        return Hit(hit.place._replace(name=name, latitude=lat, longitude=lon), "region")

    # -- compound texts -----------------------------------------------------------------------

    def resolve(self, raw: str, level: int = 0) -> list[Hit]:
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

    def _compound(self, raw: str, level: int) -> list[Hit]:
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
        masked_text = raw
        if "(" in raw:  # most texts have none, and nothing to mask
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

    def _parenthesised(self, raw: str, position: int) -> list[Hit]:
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
    def _combine(results: list[list[Hit]]) -> list[Hit]:
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
