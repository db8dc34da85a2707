"""Deterministic synthetic incidents and sources for benchmarks and load tests.

The data is made up by code (never copied from anywhere) and is only ever written to a folder the
caller chooses, typically a temporary one: it must never end up in the repository's ``data/``.

Its shape imitates what the real dataset looks like, because costs depend on shape (cardinality of
places, share of empty cells, clustering on the map):

* points cluster around known interference hot spots (Baltic Sea and Kaliningrad, Finnmark, the
  Eastern Mediterranean, the Iraq/Iran border, the Black Sea, the Caucasus, Korea, northern India)
  with a thin worldwide background;
* incident counts grow over 2022-2026 (exponential growth, about 8x from start to end);
* every interference type, flight phase, confidence level and geocode precision occurs;
* about 10% of dates are known only to the month and 2% only to the year;
* area incidents (``area``/``region`` precision) carry a ``radius_km``;
* ``country`` and ``region`` agree with ``tracker/data/country_regions.csv``; open-sea places have
  an empty country and the region of their sea;
* each incident has 1-3 sources, some of which dispute it.

Everything is vectorised with numpy: a million incidents take a few seconds.

>>> from benchmarks import synthetic
>>> data = synthetic.generate(1_000, seed=1)
>>> len(data.incidents)
1000
>>> folder = synthetic.write(1_000, tmp_path)  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import logging
import pathlib
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa

from tracker import schema
from tracker.schema import INC, SRC

__all__ = ["Synthetic", "HOT_SPOTS", "SIZES", "generate", "write", "cached"]

logger = logging.getLogger(__name__)

#: The sizes the benchmarks run at.
SIZES = (10_000, 100_000, 1_000_000)

#: Bump when the generator's output changes, so cached files are regenerated.
GENERATOR_VERSION = 1

#: First and last day incidents are drawn from (inclusive).
START = np.datetime64("2022-01-01")
END = np.datetime64("2026-10-31")
#: Ratio of the incident rate at END to the rate at START.
GROWTH = 8.0


class _Place(NamedTuple):
    slug: str
    location: str
    lat: float
    lon: float
    #: ISO alpha-2, or "" over open sea.
    country: str
    #: Standard deviation of the scatter around the place, km.
    spread_km: float
    #: Region for open-sea places (land places take theirs from country_regions.csv).
    sea_region: str = ""


# Approximate coordinates of airports, cities and sea areas (public geographic facts).
# All coordinates are positive: an early validator flagged a leading "-" in numbers as a
# spreadsheet formula. It no longer does; adding western and southern places needs a new
# GENERATOR_VERSION (cached datasets are keyed on it) and a fresh benchmark run.
HOT_SPOTS: dict[str, tuple[float, tuple[_Place, ...]]] = {
    "baltic": (
        0.28,
        (
            _Place("kaliningrad", "Kaliningrad", 54.89, 20.59, "RU", 25),
            _Place("gdansk", "Gdansk", 54.38, 18.47, "PL", 30),
            _Place("vilnius", "Vilnius", 54.64, 25.29, "LT", 30),
            _Place("riga", "Riga", 56.92, 23.97, "LV", 30),
            _Place("tallinn", "Tallinn", 59.41, 24.83, "EE", 25),
            _Place("helsinki", "Helsinki", 60.32, 24.96, "FI", 30),
            _Place("gotland", "Gotland", 57.66, 18.35, "SE", 20),
            _Place(
                "southern-baltic-sea",
                "southern Baltic Sea",
                55.4,
                17.6,
                "",
                60,
                "Baltic Sea region",
            ),
            _Place("gulf-of-finland", "Gulf of Finland", 59.85, 26.2, "", 35, "Baltic Sea region"),
            _Place("st-petersburg", "St Petersburg", 59.80, 30.26, "RU", 30),
        ),
    ),
    "finnmark": (
        0.07,
        (
            _Place("kirkenes", "Kirkenes", 69.73, 29.89, "NO", 20),
            _Place("alta", "Alta", 69.98, 23.37, "NO", 25),
            _Place("vardo", "Vardo", 70.36, 31.04, "NO", 15),
            _Place("ivalo", "Ivalo", 68.61, 27.41, "FI", 25),
            _Place("barents-sea", "Barents Sea", 71.5, 33.0, "", 80, "Nordic and Arctic"),
        ),
    ),
    "eastern-mediterranean": (
        0.19,
        (
            _Place("beirut", "Beirut", 33.82, 35.49, "LB", 20),
            _Place("tel-aviv", "Tel Aviv", 32.01, 34.89, "IL", 20),
            _Place("larnaca", "Larnaca", 34.88, 33.63, "CY", 20),
            _Place("amman", "Amman", 31.72, 35.99, "JO", 25),
            _Place("cairo", "Cairo", 30.12, 31.41, "EG", 30),
            _Place("adana", "Adana", 36.98, 35.28, "TR", 30),
            _Place("damascus", "Damascus", 33.41, 36.52, "SY", 25),
            _Place(
                "eastern-mediterranean-sea",
                "eastern Mediterranean Sea",
                34.2,
                32.6,
                "",
                70,
                "Eastern Mediterranean",
            ),
        ),
    ),
    "iraq-iran": (
        0.12,
        (
            _Place("baghdad", "Baghdad", 33.26, 44.23, "IQ", 30),
            _Place("erbil", "Erbil", 36.24, 43.96, "IQ", 25),
            _Place("basra", "Basra", 30.55, 47.66, "IQ", 25),
            _Place("kermanshah", "Kermanshah", 34.35, 47.16, "IR", 30),
            _Place("tehran", "Tehran", 35.69, 51.31, "IR", 30),
            _Place("persian-gulf", "Persian Gulf", 27.0, 51.0, "", 90, "Middle East"),
        ),
    ),
    "black-sea": (
        0.10,
        (
            _Place("odesa", "Odesa", 46.43, 30.68, "UA", 25),
            _Place("constanta", "Constanta", 44.36, 28.49, "RO", 25),
            _Place("varna", "Varna", 43.23, 27.83, "BG", 25),
            _Place("chisinau", "Chisinau", 46.93, 28.93, "MD", 20),
            _Place("black-sea", "Black Sea", 43.4, 34.0, "", 90, "Black Sea"),
        ),
    ),
    "caucasus": (
        0.04,
        (
            _Place("batumi", "Batumi", 41.60, 41.60, "GE", 20),
            _Place("baku", "Baku", 40.47, 50.05, "AZ", 25),
            _Place("yerevan", "Yerevan", 40.15, 44.40, "AM", 20),
        ),
    ),
    "russia-belarus": (
        0.05,
        (
            _Place("moscow", "Moscow", 55.97, 37.41, "RU", 40),
            _Place("minsk", "Minsk", 53.88, 28.03, "BY", 30),
            _Place("rostov", "Rostov-on-Don", 47.49, 39.92, "RU", 30),
        ),
    ),
    "korea": (
        0.04,
        (
            _Place("incheon", "Incheon", 37.46, 126.44, "KR", 20),
            _Place("paju", "Paju", 37.76, 126.78, "KR", 15),
            _Place("yellow-sea", "Yellow Sea", 36.5, 124.3, "", 60, "East Asia"),
        ),
    ),
    "south-asia": (
        0.05,
        (
            _Place("delhi", "Delhi", 28.56, 77.10, "IN", 25),
            _Place("amritsar", "Amritsar", 31.71, 74.80, "IN", 20),
            _Place("kolkata", "Kolkata", 22.65, 88.45, "IN", 25),
            _Place("lahore", "Lahore", 31.52, 74.40, "PK", 20),
        ),
    ),
    "background": (
        0.06,
        (
            _Place("frankfurt", "Frankfurt", 50.03, 8.57, "DE", 40),
            _Place("amsterdam", "Amsterdam", 52.31, 4.76, "NL", 40),
            _Place("rome", "Rome", 41.80, 12.25, "IT", 40),
            _Place("dubai", "Dubai", 25.25, 55.36, "AE", 30),
            _Place("riyadh", "Riyadh", 24.96, 46.70, "SA", 40),
            _Place("tripoli", "Tripoli", 32.66, 13.16, "LY", 30),
            _Place("khartoum", "Khartoum", 15.59, 32.55, "SD", 40),
            _Place("addis-ababa", "Addis Ababa", 8.98, 38.80, "ET", 30),
            _Place("yangon", "Yangon", 16.91, 96.13, "MM", 30),
            _Place("tashkent", "Tashkent", 41.26, 69.28, "UZ", 30),
            _Place("beijing", "Beijing", 40.08, 116.58, "CN", 40),
            _Place("singapore", "Singapore", 1.36, 103.99, "SG", 20),
            _Place("tokyo", "Tokyo", 35.55, 139.78, "JP", 30),
        ),
    ),
}

# Interference mix per cluster (jamming, spoofing, both, unknown): spoofing is more common in the
# Middle East, jamming around the Baltic.
_INTERFERENCE_MIX = {
    "eastern-mediterranean": (0.35, 0.45, 0.12, 0.08),
    "iraq-iran": (0.30, 0.50, 0.12, 0.08),
    "default": (0.62, 0.18, 0.08, 0.12),
}

_PHASE_P = dict(zip(schema.FLIGHT_PHASES, (0.10, 0.52, 0.22, 0.06, 0.03, 0.07), strict=True))
_CONFIDENCE_P = dict(zip(schema.CONFIDENCE_LEVELS, (0.15, 0.58, 0.07, 0.20), strict=True))

_AIRCRAFT = (
    "A320",
    "A321neo",
    "B737-800",
    "B737 MAX 8",
    "B787-9",
    "A350-900",
    "E190",
    "ATR 72",
    "Dash 8-400",
    "Cessna 172",
    "business jet",
    "",
)
_OPERATORS = (
    ("Northwind Airways", "NW"),
    ("Amber Coast Air", "AC"),
    ("Levant Skies", "LS"),
    ("Steppe Connect", "SC"),
    ("Harbour Regional", "HR"),
    ("Polar Link", "PL"),
    ("Meridian Cargo", "MC"),
    ("", ""),
)
_EFFECTS = (
    "GPS position lost; crew continued on inertial navigation.",
    "Terrain warnings triggered without any terrain nearby.",
    "Aircraft position on the map jumped by tens of kilometres.",
    "Clock and position errors on both GNSS receivers.",
    "Approach flown with ground-based navigation aids instead.",
    "Diverted to an alternate airport.",
    "",
)
_SUSPECTS = ("military electronic warfare", "air defence systems nearby", "unknown", "")
_GEOCODE_SOURCES = ("gazetteer", "nominatim", "notam", "manual")
_PUBLISHERS = (
    ("Aviation Safety Digest", "aviation-safety.example"),
    ("Regional News Service", "news.example"),
    ("NOTAM archive", "notams.example"),
    ("Pilot Forum", "forum.example"),
    ("Civil Aviation Authority", "caa.example"),
)
_NOTES = ("Crew report summarised.", "Lists the affected flights.", "Background on the area.", "")


@functools.cache
def _country_regions() -> dict[str, str]:
    text = (
        importlib.resources.files("tracker.data").joinpath("country_regions.csv").read_text("utf-8")
    )
    return {row["country"]: row["region"] for row in csv.DictReader(text.splitlines())}


@functools.cache
def _place_table() -> pd.DataFrame:
    """One row per place with its cluster, cluster weight shared among its places, and region."""
    regions = _country_regions()
    rows = []
    for cluster, (weight, places) in HOT_SPOTS.items():
        for place in places:
            region = place.sea_region or regions[place.country]
            rows.append(
                {
                    **place._asdict(),
                    "cluster": cluster,
                    "region": region,
                    "weight": weight / len(places),
                }
            )
    table = pd.DataFrame(rows)
    table["weight"] /= table["weight"].sum()
    return table


class Synthetic(NamedTuple):
    """A synthetic dataset: frames typed like :func:`tracker.dataset.load` returns them.

    Dates are ``datetime64`` (``NaT`` when empty), numbers float (``NaN`` when empty), text ``str``
    with ``""`` for empty cells.
    """

    incidents: pd.DataFrame
    sources: pd.DataFrame


def _choice(rng: np.random.Generator, values, p, n: int) -> np.ndarray:
    """Indices drawn from a categorical distribution (vectorised; p need not sum exactly to 1)."""
    cumulative = np.cumsum(np.asarray(p, dtype=float))
    return np.searchsorted(cumulative / cumulative[-1], rng.random(n), side="right").clip(
        0, len(values) - 1
    )


def _day_offsets(rng: np.random.Generator, n: int) -> np.ndarray:
    """Days since START with a density growing exponentially by GROWTH over the period."""
    ndays = int((END - START).astype(int)) + 1
    g = np.log(GROWTH)
    t = np.log1p(rng.random(n) * (GROWTH - 1.0)) / g  # inverse CDF of exp(g t) on [0, 1]
    return np.minimum((t * ndays).astype(np.int64), ndays - 1)


def _dup_rank(keys: np.ndarray) -> np.ndarray:
    """0 for the first occurrence of each key (in array order), 1 for the second, ..."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
    run_start = np.maximum.accumulate(np.where(starts, np.arange(len(keys)), 0))
    rank = np.empty(len(keys), dtype=np.int64)
    rank[order] = np.arange(len(keys)) - run_start
    return rank


def _cat(codes: np.ndarray, vocabulary) -> pd.Series:
    """A ``str`` Series of ``vocabulary[codes]``, built by Arrow without Python objects."""
    values = pa.array(list(vocabulary), type=pa.large_string())
    return pd.Series(values.take(pa.array(codes)), dtype="str")


def _ints(values: np.ndarray) -> pd.Series:
    """Integers as a ``str`` Series."""
    return pd.Series(pa.array(values).cast(pa.large_string()), dtype="str")


def _weighted(rng: np.random.Generator, weights: dict[str, float], n: int) -> np.ndarray:
    return _choice(rng, list(weights), list(weights.values()), n)


def generate(n: int, *, seed: int = 0) -> Synthetic:
    """Generate ``n`` synthetic incidents and their sources, in canonical order.

    :param n: number of incidents (>= 0).
    :param seed: random seed; the same ``(n, seed)`` always gives the same data.
    :returns: a :class:`Synthetic` with ``incidents`` (sorted by date then id) and ``sources``
        (sorted by incident id, publication date, url).
    :raises ValueError: if ``n`` is negative.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    rng = np.random.default_rng(seed)
    places = _place_table()
    nplaces = len(places)
    place = _choice(rng, places.index, places["weight"].to_numpy(), n)

    # Position: Gaussian scatter around the place (spread in km -> degrees).
    lat0 = places["lat"].to_numpy()[place]
    lon0 = places["lon"].to_numpy()[place]
    spread = places["spread_km"].to_numpy()[place]
    lat = np.clip(lat0 + rng.normal(0, 1, n) * spread / 111.0, -89.9, 89.9)
    lon = lon0 + rng.normal(0, 1, n) * spread / (111.0 * np.cos(np.radians(lat0)))
    lon = (lon + 180.0) % 360.0 - 180.0

    # Geocode precision: open-sea places are areas; land places mostly airports and cities.
    precisions = schema.GEOCODE_PRECISIONS
    is_sea = (places["country"].to_numpy() == "")[place]
    land = _choice(rng, precisions, (0.08, 0.40, 0.32, 0.10, 0.07, 0.03), n)
    sea = np.where(rng.random(n) < 0.8, precisions.index("area"), precisions.index("region"))
    precision = np.where(is_sea, sea, land)
    is_area = (precision == precisions.index("area")) | (precision == precisions.index("region"))
    radius = np.where(is_area, np.round(np.clip(rng.lognormal(np.log(60), 0.7, n), 5, 600)), np.nan)
    # Areas sit on their nominal centre, as a NOTAM or a gazetteer gives it.
    lat = np.round(np.where(is_area, lat0, lat), 4)
    lon = np.round(np.where(is_area, lon0, lon), 4)
    geocode_source = np.where(
        is_area & (rng.random(n) < 0.6),
        _GEOCODE_SOURCES.index("notam"),
        _choice(rng, _GEOCODE_SOURCES, (0.7, 0.15, 0.0, 0.15), n),
    )
    # The geocoder query is the place text, except for hand-typed coordinates (code nplaces = "").
    query = np.where(geocode_source == _GEOCODE_SOURCES.index("manual"), nplaces, place)

    # Dates: growth over time; some month and year precision; some multi-day incidents.
    date = START + _day_offsets(rng, n).astype("timedelta64[D]")
    u = rng.random(n)
    date_precision = np.where(u < 0.02, 2, np.where(u < 0.12, 1, 0))  # DATE_PRECISIONS codes
    month_start = date.astype("datetime64[M]").astype("datetime64[D]")
    year_start = date.astype("datetime64[Y]").astype("datetime64[D]")
    date = np.where(
        date_precision == 1, month_start, np.where(date_precision == 2, year_start, date)
    )
    multi_day = (date_precision == 0) & (rng.random(n) < 0.12)
    end_date = np.where(
        multi_day, date + rng.integers(1, 15, n).astype("timedelta64[D]"), np.datetime64("NaT")
    )

    # Interference mix depends on the cluster.
    cluster = places["cluster"].to_numpy()[place]
    interference = np.empty(n, dtype=np.int64)
    special = [k for k in _INTERFERENCE_MIX if k != "default"]
    for name, mix in _INTERFERENCE_MIX.items():
        mask = np.isin(cluster, special, invert=True) if name == "default" else cluster == name
        interference[mask] = _choice(rng, mix, mix, int(mask.sum()))
    phase = _weighted(rng, _PHASE_P, n)
    confidence = _weighted(rng, _CONFIDENCE_P, n)
    aircraft = rng.integers(0, len(_AIRCRAFT), n)
    operator = _choice(rng, _OPERATORS, (0.16, 0.16, 0.14, 0.12, 0.12, 0.1, 0.05, 0.15), n)
    has_flight = (operator != len(_OPERATORS) - 1) & (rng.random(n) < 0.7)
    flight_number = rng.integers(10, 9999, n)
    effects = rng.integers(0, len(_EFFECTS), n)
    suspects = _choice(rng, _SUSPECTS, (0.3, 0.2, 0.2, 0.3), n)

    # Ids: date + place slug, with -2, -3 ... for repeats on the same day and place.
    day = date.astype(np.int64)
    rank = _dup_rank(day * 1000 + place)

    # Canonical order (date, id) without sorting a million strings: the id is the ISO date, the
    # slug and the suffix, so order by (day, slug, suffix), each as an integer rank.
    slugs = places["slug"].to_numpy()
    slug_rank = np.argsort(np.argsort(slugs))[place]
    unique_ranks = np.unique(rank)
    suffix_text = np.where(unique_ranks == 0, "", "-" + (unique_ranks + 1).astype(str))
    suffix_rank = np.argsort(np.argsort(suffix_text))[np.searchsorted(unique_ranks, rank)]
    order = np.lexsort((suffix_rank, slug_rank, day))
    (
        place,
        lat,
        lon,
        radius,
        precision,
        geocode_source,
        query,
        date,
        date_precision,
        end_date,
        interference,
        phase,
        confidence,
        aircraft,
        operator,
        has_flight,
        flight_number,
        effects,
        suspects,
        rank,
    ) = (
        v[order]
        for v in (
            place,
            lat,
            lon,
            radius,
            precision,
            geocode_source,
            query,
            date,
            date_precision,
            end_date,
            interference,
            phase,
            confidence,
            aircraft,
            operator,
            has_flight,
            flight_number,
            effects,
            suspects,
            rank,
        )
    )

    suffix_code = np.searchsorted(unique_ranks, rank)
    ids = (
        pd.Series(np.datetime_as_string(date, unit="D"), dtype="str")
        + "-"
        + _cat(place, slugs)
        + _cat(suffix_code, suffix_text)
    )
    prefixes = [code for _, code in _OPERATORS]
    flight = (_cat(operator, prefixes) + _ints(flight_number)).where(has_flight, "")

    # Summaries from a template table indexed by (type, phase, place): cheap at 1M rows.
    templates = [
        f"{_TYPE_WORDS[t]} reported {_PHASE_WORDS[p]} near {loc} (synthetic)."
        for t in schema.INTERFERENCE_TYPES
        for p in schema.FLIGHT_PHASES
        for loc in places["location"]
    ]
    summary = _cat((interference * len(schema.FLIGHT_PHASES) + phase) * nplaces + place, templates)

    incidents = pd.DataFrame(
        {
            INC.id: ids,
            INC.date: pd.Series(date).astype("datetime64[us]"),
            INC.date_precision: _cat(date_precision, schema.DATE_PRECISIONS),
            INC.end_date: pd.Series(end_date).astype("datetime64[us]"),
            # Set exactly when end_date is: synthetic spans are all known to end on end_date.
            INC.end_date_precision: pd.Series(np.where(multi_day[order], "day", ""), dtype="str"),
            INC.location: _cat(place, places["location"]),
            INC.latitude: lat,
            INC.longitude: lon,
            INC.radius_km: radius,
            INC.geocode_precision: _cat(precision, precisions),
            INC.geocode_source: _cat(geocode_source, _GEOCODE_SOURCES),
            INC.geocode_query: _cat(query, [*places["location"], ""]),
            INC.country: _cat(place, places["country"]),
            INC.region: _cat(place, places["region"]),
            INC.interference: _cat(interference, schema.INTERFERENCE_TYPES),
            INC.flight_phase: _cat(phase, schema.FLIGHT_PHASES),
            INC.aircraft: _cat(aircraft, _AIRCRAFT),
            INC.operator: _cat(operator, [name for name, _ in _OPERATORS]),
            INC.flight: flight,
            INC.effects: _cat(effects, _EFFECTS),
            INC.suspected_source: _cat(suspects, _SUSPECTS),
            INC.confidence: _cat(confidence, schema.CONFIDENCE_LEVELS),
            INC.summary: summary,
        }
    )[list(schema.INCIDENT_COLUMNS)]
    sources = _sources(rng, incidents, date=date, confidence=confidence)
    return Synthetic(incidents, sources)


_TYPE_WORDS = {
    "jamming": "GNSS jamming",
    "spoofing": "GNSS spoofing",
    "both": "GNSS jamming and spoofing",
    "unknown": "GNSS interference",
}
_PHASE_WORDS = {
    "departure": "after departure",
    "en route": "en route",
    "approach": "on approach",
    "landing": "on landing",
    "ground": "on the ground",
    "unknown": "in flight",
}


def _sources(
    rng: np.random.Generator, incidents: pd.DataFrame, *, date: np.ndarray, confidence: np.ndarray
) -> pd.DataFrame:
    n = len(incidents)
    per = 1 + _choice(rng, (1, 2, 3), (0.55, 0.30, 0.15), n)
    row = np.repeat(np.arange(n), per)
    m = len(row)
    k = np.arange(m) - np.repeat(np.cumsum(per) - per, per)  # k-th source of its incident
    pub = rng.integers(0, len(_PUBLISHERS), m)
    # A disputed incident's later sources dispute it; some sources are background only.
    disputed = (confidence == schema.CONFIDENCE_LEVELS.index("disputed"))[row]
    stance = np.where(
        disputed & (k > 0),
        schema.STANCES.index("disputes"),
        np.where(
            rng.random(m) < 0.1, schema.STANCES.index("context"), schema.STANCES.index("supports")
        ),
    )
    published = np.where(
        rng.random(m) < 0.9,
        date[row] + rng.integers(0, 21, m).astype("timedelta64[D]"),
        np.datetime64("NaT"),
    )
    note = rng.integers(0, len(_NOTES), m)

    # Canonical order (incident id, published, url) from integer keys: incidents are already in
    # id order, an empty publication date sorts first (as "" does in the store's text sort), and a
    # url differs only by domain and k.
    pub_key = np.where(np.isnat(published), np.iinfo(np.int64).min, published.astype(np.int64))
    domains = [d for _, d in _PUBLISHERS]
    domain_rank = np.argsort(np.argsort(domains))[pub]
    order = np.lexsort((k, domain_rank, pub_key, row))
    row, k, pub, stance, published, note = (
        v[order] for v in (row, k, pub, stance, published, note)
    )

    inc_ids = pd.Series(pa.array(incidents[INC.id].array).take(pa.array(row)), dtype="str")
    url = "https://" + _cat(pub, domains) + "/reports/" + inc_ids + "/" + _ints(k + 1)
    return pd.DataFrame(
        {
            SRC.incident_id: inc_ids,
            SRC.url: url,
            SRC.publisher: _cat(pub, [name for name, _ in _PUBLISHERS]),
            SRC.published: pd.Series(published).astype("datetime64[us]"),
            SRC.stance: _cat(stance, schema.STANCES),
            SRC.note: _cat(note, _NOTES),
        }
    )[list(schema.SOURCE_COLUMNS)]


def _to_csv(frame: pd.DataFrame, path: pathlib.Path) -> None:
    """Write ``frame`` in the store's canonical form (see :func:`tracker.dataset.render`).

    Arrow's writer is about 20x faster than pandas' at a million rows. With ``quoting_style="none"``
    it raises rather than write a cell that would need quoting, and the generator's vocabulary has
    no commas, quotes or line breaks. Numbers are rounded to 4 decimals, so Arrow prints them as
    plain decimals without trailing zeros, as the store does; adding 0.0 turns -0.0 into 0.0.
    """
    import pyarrow.csv as pacsv

    columns = []
    for name in frame.columns:
        values = frame[name]
        if pd.api.types.is_datetime64_any_dtype(values):
            array = pa.array(values, from_pandas=True).cast(pa.date32())
        elif pd.api.types.is_float_dtype(values):
            array = pa.array(values.to_numpy() + 0.0, from_pandas=True)
        else:
            array = pa.array(values.array)
        columns.append(array)
    table = pa.table(columns, names=list(frame.columns))
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as handle:
        handle.write((",".join(frame.columns) + "\n").encode("utf-8"))  # Arrow quotes headers
        pacsv.write_csv(
            table, handle, pacsv.WriteOptions(quoting_style="none", include_header=False)
        )
    tmp.replace(path)


def write(n: int, folder: str | pathlib.Path, *, seed: int = 0) -> pathlib.Path:
    """Generate ``n`` incidents and write ``incidents.csv`` and ``sources.csv`` into ``folder``.

    :param n: number of incidents.
    :param folder: destination folder (created if missing); must not be the repository's ``data/``.
    :param seed: random seed.
    :returns: ``folder`` as a :class:`pathlib.Path`.
    :raises ValueError: if ``folder`` is the repository's ``data/`` folder.
    """
    folder = pathlib.Path(folder)
    repo_data = (pathlib.Path(__file__).resolve().parent.parent / "data").resolve()
    if folder.resolve() == repo_data:
        raise ValueError("synthetic data must never be written to the repository's data/ folder")
    folder.mkdir(parents=True, exist_ok=True)
    data = generate(n, seed=seed)
    _to_csv(data.incidents, folder / schema.INCIDENTS_FILE)
    _to_csv(data.sources, folder / schema.SOURCES_FILE)
    logger.info("wrote %d synthetic incidents and %d sources to %s", n, len(data.sources), folder)
    return folder


def cached(n: int, root: str | pathlib.Path, *, seed: int = 0) -> pathlib.Path:
    """Like :func:`write`, into ``root/synthetic-v<version>-<n>-s<seed>``, reusing it if present.

    Generating and writing a million rows takes a while; benchmark runs share the files. The files
    are written to a temporary name first, so a half-written folder is never reused.
    """
    folder = pathlib.Path(root) / f"synthetic-v{GENERATOR_VERSION}-{n}-s{seed}"
    done = folder / ".complete"
    if not done.exists():
        write(n, folder, seed=seed)
        done.write_text("ok\n")
    return folder
