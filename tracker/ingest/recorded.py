"""Link candidates to incidents the dataset already records.

A news page often retells an incident that is already in ``data/incidents.csv``: another
publisher, days later, in another language, with "last week" or no date at all. When a candidate
lies at the recorded incident's place, fits its dates, and the page names enough of what makes
that incident distinctive (its place, aircraft, operator, flight, people and registration), the
candidate *describes the recorded incident*: it carries the incident's id, takes its checked
date and country when its own are missing or vaguer, and ``--apply`` attaches the source to it.

>>> from tracker.ingest.recorded import build_index                # doctest: +SKIP
>>> index = build_index(dataset.load("data").incidents)            # doctest: +SKIP
>>> link_candidates(candidates, report, index)                     # doctest: +SKIP

Linking is conservative: two recorded incidents that fit about equally give no link, nor does a
candidate whose own date says another month. It never creates a candidate: it only reads the
candidates extraction found.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from tracker import dataset, schema
from tracker.dedupe import haversine_km
from tracker.geocode.place import data_text
from tracker.geocode.regions import region_for
from tracker.ingest import fields as fx
from tracker.ingest.dates import META_DATE_LINE, find_dates
from tracker.ingest.languages.calendar import calendar_for
from tracker.ingest.languages.detect import LANGUAGE_NAMES

__all__ = [
    "Link",
    "RecordedIncident",
    "RecordedIndex",
    "build_index",
    "load_index",
    "find_link",
    "fold",
    "link_candidates",
    "report_words",
    "LINK_KM",
    "WINDOW_DAYS",
    "EPISODE_DAYS",
    "OPERATOR_WEIGHT",
    "PUBLISHED_WITHIN_DAYS",
    "MIN_WEIGHT",
    "MAX_INCIDENTS_PER_WORD",
    "AMBIGUOUS_SHARE",
    "Recall",
    "recalled_incidents",
    "told_by",
    "PLACE_WITH_DAY_WEIGHT",
    "UNDATED_LEDE_NAMES",
    "names_place",
]

INC = schema.INC

#: A candidate within this many kilometres of a recorded incident is at its place.
LINK_KM = 150.0
#: A recorded incident's dates, widened by this many days each side, is its time window.
WINDOW_DAYS = 3
#: A recorded disturbance of at most this many days is one episode a page may retell (North
#: Korea's jamming from a Saturday to the Wednesday it was reported); a longer one is a season.
EPISODE_DAYS = 7
#: An undated candidate fits when the page was published this many days after at most.
PUBLISHED_WITHIN_DAYS = 60
#: Words in more incidents than this say nothing about which incident a page tells.
MAX_INCIDENTS_PER_WORD = 4
#: Evidence needed: at least two distinctive words, weighing together at least this (a word
#: found in k recorded incidents weighs 1/k).
MIN_WEIGHT = 1.0
#: A second incident whose evidence is at least this share of the best one's: ambiguous.
AMBIGUOUS_SHARE = 0.75

_COLUMNS = (INC.location, INC.aircraft, INC.operator, INC.flight, INC.summary)

#: Capitalised words that name no particular incident (dates, titles, the problem itself).
_COMMON = frozenset(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    the this that these those there their they then when while where which after before during
    according airport airports international air force airlines airline aircraft flight flights
    president minister ministry defence defense prime government officials authority authorities
    agency commission european union national civil aviation administration office service
    north south east west northern southern eastern western central near over from with into
    gps gnss jamming spoofing interference navigation signal signals satellite radar reuters
    news report reports reported says said boeing airbus embraer
    fort port mount lake saint santa cape gulf upper lower great
    global positioning system systems
    many multiple several numerous various dozens hundreds some most all other others
    """.split()
)

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        "a b v g d e e zh z i i k l m n o p r s t u f h ts ch sh sht a y  e yu ya i i ye g u".split(
            " "
        ),
        strict=True,
    )
)


#: Latin letters that Unicode does not split into a base letter and a mark.
_UNDECOMPOSED = {"ø": "o", "æ": "ae", "ł": "l", "ß": "ss", "đ": "d", "ı": "i", "œ": "oe"}


def fold(text: str) -> str:
    """Lower case without diacritics; Cyrillic letters spelt in Latin ("Пловдив" -> "plovdiv").

    >>> fold("Šiauliai Пловдив")
    'siauliai plovdiv'
    """
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(_CYRILLIC.get(c, _UNDECOMPOSED.get(c, c)) for c in text)


_TOKEN = re.compile(r"[^\W_]+(?:[-\u2013][^\W_]+)*")


#: "Embraer 190" is the "E190" of a record: the maker's letter is often left out.
_EMBRAER_TYPE = re.compile(r"\bembraer\s+(?:erj\s*|e\s*-?)?(\d{3})\b")


def _tokens(text: str) -> set[str]:
    """Folded words of ``text``; a hyphenated code also as one word ("OO-GPE" -> "oogpe"), and
    an Embraer written out as its type code ("Embraer 190" -> "e190")."""
    out: set[str] = set()
    folded = fold(text)
    for match in _TOKEN.finditer(folded):
        parts = re.split(r"[-\u2013]", match.group(0))
        out.update(parts)
        if len(parts) > 1:
            out.add("".join(parts))
    out.update(f"e{number}" for number in _EMBRAER_TYPE.findall(folded))
    return out


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"'\u201c\u2018(]\s*)$")


def _ordinary(texts: list[str]) -> set[str]:
    """Words the texts write in lower case somewhere: ordinary words, not names."""
    return {
        fold(m.group(0))
        for text in texts
        for m in re.finditer(r"(?<![\w-])[^\W\d_]+", text)
        if m.group(0).islower()
    }


def _distinctive(text: str, ignore: frozenset[str], *, sentences: bool) -> set[str]:
    """Proper names and codes of a recorded incident's field: capitalised words of four letters
    or more (in running text, not at the start of a sentence), and codes (letters and digits,
    or hyphenated capitals: registrations, flight numbers)."""
    out: set[str] = set()
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        parts = re.split(r"[-\u2013]", word)
        joined = fold("".join(parts))
        code = len(parts) > 1 and word.isupper()  # a registration such as "OO-ABC"
        if code or (any(c.isdigit() for c in joined) and any(c.isalpha() for c in joined)):
            if len(joined) >= 4:
                out.add(joined)
            continue
        for part in parts:
            if sentences and _SENTENCE_START.search(text[: match.start()]):
                break
            if len(part) >= 4 and part[0].isupper() and not part.isdigit():
                folded = fold(part)
                if folded not in _COMMON and folded not in ignore:
                    out.add(folded)
    return out


@dataclass(frozen=True)
class RecordedIncident:
    """What linking needs of one recorded incident."""

    id: str
    date: dt.date
    precision: str
    end_date: dt.date | None
    end_precision: str
    country: str
    latitude: float | None
    longitude: float | None
    words: frozenset[str]
    #: The distinctive words of its place (a subset of ``words``).
    place_words: frozenset[str] = frozenset()
    location: str = ""
    interference: str = ""
    phase: str = ""
    #: The record tells one particular flight (:func:`_names_a_flight`), not an area's warning.
    flight_named: bool = False
    #: The record tells aircraft that met the interference (:func:`_aircraft_met`): a flight,
    #: or an area's traffic ("Arrivals at DFW"), not a warning's addressees or a test range.
    aircraft_met: bool = False
    #: Its place is a point (an airport or a city), not an area, a region or a country.
    point: bool = False
    #: Folded words of its country's names ("bulgaria", "bulgarian"), to find it named.
    country_words: frozenset[str] = frozenset()
    #: Distinctive words of the operator of the one flight it tells ("finnair"), however many
    #: records share them (see :data:`OPERATOR_WEIGHT`).
    operator_words: frozenset[str] = frozenset()
    #: How far its place reaches (km), for an area of no country (a sea, an airway): a flight
    #: placed anywhere inside it may be the one the record tells.
    reach_km: float = 0.0

    @property
    def last(self) -> dt.date:
        return self.end_date if self.end_date and self.end_date >= self.date else self.date


@dataclass(frozen=True)
class RecordedIndex:
    """Recorded incidents and the weight of each distinctive word (rarer weighs more)."""

    incidents: tuple[RecordedIncident, ...]
    weights: dict[str, float]


@dataclass(frozen=True)
class Link:
    """A candidate describes ``incident``: why, and how much evidence."""

    incident: RecordedIncident
    words: tuple[str, ...]
    weight: float
    place: str
    published_after: int | None


def _date(value) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def _names_by_country() -> dict[str, frozenset[str]]:
    """Folded words of each country's names, aliases and demonyms, by ISO code."""
    names: dict[str, set[str]] = {}
    for code, name in schema.country_names().items():
        names.setdefault(code, set()).update(w for w in _tokens(name) if len(w) >= 4)
    for row in csv.DictReader(data_text("country_aliases.csv").splitlines()):
        names.setdefault(row["country"], set()).update(
            w for w in _tokens(row["alias"]) if len(w) >= 4
        )
    return {code: frozenset(words) for code, words in names.items()}


def _country_words() -> list[str]:
    """Country names with their aliases and demonyms ("Bulgarian", "Türkiye").

    A demonym is no more distinctive than the country's name: a page about any incident in
    Bulgaria says "Bulgarian", so it must not count as a second name beside the place.
    """
    aliases = csv.DictReader(data_text("country_aliases.csv").splitlines())
    return [*schema.country_names().values(), *(row["alias"] for row in aliases)]


#: A note in brackets in a location cell.
_BRACKETS = re.compile(r"\([^)]*\)")
#: An aircraft cell that describes many aircraft or an area's traffic ("Several aircraft",
#: "Flights of several airlines at Delhi", "Civil air traffic in general (NOTAM)"), not one.
_MANY_AIRCRAFT = re.compile(
    r"^(?:about\s+)?(?:several|multiple|many|numerous|various|dozens|all|civil|general|flights"
    r"|airliners|arrivals|departures|\d+|two|three|four|five|six|seven|eight|nine|ten"
    # "US carriers and US-registered aircraft over the Gulf": a warning's addressees
    r"|(?:[\w-]+\s+)?(?:carriers|operators|airlines)"
    # ("Aircraft on the weekly Tallinn-Savonlinna service" is one route's flight.)
    r"|aircraft (?:in|at|on(?!\s+the\s+(?:[\w\u2013-]+\s+){0,3}(?:service|route|flight)\b)"
    r"|over|using|around|and))\b|\bin general\b|\bpilot reports\b",
    re.IGNORECASE,
)


def _names_a_flight(row: dict, *, by_operator: bool = True) -> bool:
    """The record tells one particular flight: a flight number, or an aircraft cell about one
    aircraft, or (with no aircraft cell, and ``by_operator``) an operator. A season of jamming
    or an area's warning, told with "Several aircraft", "21 aircraft" or "Flights in the
    Mumbai area", names none."""

    def cell(column: str) -> str:
        value = row.get(column)
        return value.strip() if isinstance(value, str) else ""

    if cell(INC.flight):
        return True
    if cell(INC.aircraft):
        return not _MANY_AIRCRAFT.search(cell(INC.aircraft))
    return by_operator and bool(cell(INC.operator))


#: An aircraft cell naming whom a warning addresses, or what a warning predicts, not aircraft
#: that met the interference ("US carriers and US-registered aircraft over the Gulf").
_ADDRESSEES = re.compile(r"\b(?:carriers|operators|NOTAM|predicted|receivers)\b", re.IGNORECASE)


#: Effects that are a warning of interference to come, not what aircraft met ("Crews were told
#: by NOTAM to expect possible GPS interference").
_WARNED = re.compile(
    r"\b(?:told|warned|asked|advised)\b[^.]*\b(?:expect|possible|could|might)\b", re.IGNORECASE
)


def _aircraft_met(row: dict) -> bool:
    """The record tells aircraft that met the interference: one flight (:func:`_names_a_flight`)
    or an area's traffic ("Aircraft in Jordanian airspace", "Arrivals at DFW"). A warning or a
    test range, told with no aircraft, only with its addressees, or with effects that only
    warn ("told by NOTAM to expect"), tells none."""
    aircraft = row.get(INC.aircraft)
    aircraft = aircraft.strip() if isinstance(aircraft, str) else ""
    if _names_a_flight(row):
        return True
    effects = row.get(INC.effects)
    if isinstance(effects, str) and _WARNED.search(effects):
        return False
    return bool(aircraft) and not _ADDRESSEES.search(aircraft)


def _reach_km(row: dict) -> float:
    """The radius of a record's area when it lies in no country (the Baltic Sea, the North
    Atlantic's airways), else 0: a country's record is linked by its country instead."""
    radius = row.get(INC.radius_km)
    if row.get(INC.country) or radius is None or pd.isna(radius):
        return 0.0
    return float(radius)


def build_index(incidents: pd.DataFrame) -> RecordedIndex:
    """Index a typed incidents frame (as :func:`tracker.dataset.load` returns it).

    :param incidents: the dataset's incidents (not modified).
    """
    countries = frozenset(w for name in _country_words() for w in _tokens(name) if len(w) >= 4)
    records = incidents.to_dict("records")
    texts = [str(r.get(c)) for r in records for c in _COLUMNS if isinstance(r.get(c), str)]
    ignore = countries | frozenset(_ordinary(texts))
    by_country = _names_by_country()
    rows = []
    for row in records:
        day = _date(row.get(INC.date))
        if day is None:
            continue
        words: set[str] = set()
        place_words: set[str] = set()
        for column in _COLUMNS:
            value = row.get(column)
            if isinstance(value, str) and value:
                found = _distinctive(value, ignore, sentences=column == INC.summary)
                words |= found
                if column == INC.location:
                    # A note in brackets ("aircraft later used for the Warsaw–Plovdiv
                    # flight") names other places, not this one's.
                    place_words |= found & _tokens(_BRACKETS.sub(" ", value))
        lat, lon = row.get(INC.latitude), row.get(INC.longitude)
        # A record known only to its month tells one flight by its aircraft or its flight; an
        # operator alone is as likely its month of jamming.
        flight_named = _names_a_flight(
            row, by_operator=str(row.get(INC.date_precision) or "day") == "day"
        )
        operator = row.get(INC.operator)
        operator_words = (
            _distinctive(operator, ignore, sentences=False) or _operator_phrase(operator)
            if flight_named and isinstance(operator, str)
            else set()
        )
        rows.append(
            RecordedIncident(
                id=str(row[INC.id]),
                date=day,
                precision=str(row.get(INC.date_precision) or "day"),
                end_date=_date(row.get(INC.end_date)),
                end_precision=str(row.get(INC.end_date_precision) or ""),
                country=str(row.get(INC.country) or ""),
                latitude=None if lat is None or pd.isna(lat) else float(lat),
                longitude=None if lon is None or pd.isna(lon) else float(lon),
                words=frozenset(words),
                place_words=frozenset(place_words),
                location=str(row.get(INC.location) or ""),
                interference=str(row.get(INC.interference) or ""),
                phase=str(row.get(INC.flight_phase) or ""),
                country_words=by_country.get(str(row.get(INC.country) or ""), frozenset()),
                flight_named=flight_named,
                aircraft_met=_aircraft_met(row),
                point=str(row.get(INC.geocode_precision) or "") in _POINTS,
                operator_words=frozenset(operator_words),
                reach_km=_reach_km(row),
            )
        )
    counts: dict[str, int] = {}
    for incident in rows:
        for word in incident.words:
            counts[word] = counts.get(word, 0) + 1
    # A word found in k recorded incidents weighs 1/k: a name only one incident has counts
    # fully, one shared by two incidents half.
    weights = {
        word: round(1.0 / count, 3)
        for word, count in counts.items()
        if count <= MAX_INCIDENTS_PER_WORD
    }
    kept = tuple(
        RecordedIncident(
            **{
                **incident.__dict__,
                "words": incident.words & weights.keys(),
                "place_words": incident.place_words & weights.keys(),
            }
        )
        for incident in rows
    )
    return RecordedIndex(kept, weights)


_CACHE: dict[tuple[str, int, int], RecordedIndex] = {}


def load_index(data_dir: Path | str) -> RecordedIndex:
    """The index of the dataset in ``data_dir``, built once per folder and file version.

    :raises DataValidationError: the dataset breaks a rule (from :func:`tracker.dataset.load`).
    """
    path = Path(data_dir).resolve()
    stat = (path / "incidents.csv").stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = build_index(dataset.load(path, source_cells=False).incidents)
    return _CACHE[key]


def _month_range(day: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day.replace(day=1), following - dt.timedelta(days=1)
    if precision == "week":
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    return day, day


def _time_fits(
    incident: RecordedIncident,
    date: dt.date | None,
    precision: str,
    published: dt.date | None,
) -> tuple[bool, int | None]:
    """Does a candidate dated ``date`` (``None``: undated) fit the incident's window?

    :returns: (fits, days from the incident's first day to publication, when that decided).
    """
    first, last = _month_range(incident.date, incident.precision)
    last = max(last, incident.last)
    if date is not None and precision in {"day", "week", "month"}:
        start, end = _month_range(date, precision)
        window = (first - dt.timedelta(days=WINDOW_DAYS), last + dt.timedelta(days=WINDOW_DAYS))
        return start <= window[1] and end >= window[0], None
    if published is None:
        return False, None
    if date is not None and date.year != incident.date.year:
        return False, None  # a year of its own that is not the incident's
    after = (published - incident.date).days
    fits = first <= published <= last + dt.timedelta(days=PUBLISHED_WITHIN_DAYS)
    return fits, after


#: How a link is placed when the candidate's route names the recorded place.
ROUTE_PLACE = "its place on the route"


def find_link(
    values: dict,
    text_words: set[str],
    index: RecordedIndex | None,
    *,
    published: dt.date | None,
    dated_by_text: bool,
) -> Link | None:
    """The recorded incident a candidate describes, or ``None`` (none fits, or two do).

    :param values: the candidate's incident columns (date, precision, country, coordinates).
    :param text_words: folded words of the report (see :func:`report_words`).
    :param index: the recorded incidents, or ``None`` (no linking).
    :param published: the report's publication date, if known.
    :param dated_by_text: the candidate's date comes from the text (not the publication date).
    """
    if index is None or not index.incidents:
        return None
    date = values.get(INC.date) if dated_by_text else None
    date = date if isinstance(date, dt.date) else None
    precision = str(values.get(INC.date_precision) or "day")
    country = str(values.get(INC.country) or "")
    lat, lon = values.get(INC.latitude), values.get(INC.longitude)
    place_words = _tokens(str(values.get(INC.location) or ""))
    on_route = str(values.get(INC.location) or "").startswith(fx.ROUTE_LOCATION.partition("{")[0])
    fits: list[Link] = []
    point = str(values.get(INC.geocode_precision) or "") in _POINTS
    for incident in index.incidents:
        if country and incident.country and country == incident.country:
            if point and incident.point and _far_apart(lat, lon, incident):
                # Delhi is not Amritsar: two towns of one country are two places.
                continue
            place = "same country"
        elif (
            lat is not None
            and incident.latitude is not None
            and float(haversine_km(lat, lon, incident.latitude, incident.longitude))
            <= max(LINK_KM, incident.reach_km)
        ):
            place = f"within {max(LINK_KM, incident.reach_km):.0f} km"
        elif on_route and (_where_words(incident.location) - incident.country_words) & place_words:
            # "En route between Warsaw and Plovdiv", placed at the route's midpoint: the route
            # names the recorded place.
            place = ROUTE_PLACE
        else:
            continue
        ok, after = _time_fits(incident, date, precision, published)
        if not ok:
            continue
        # The candidate's own place name is one name however many words it has
        # ("Dallas-Fort Worth"): it was checked as the place already.
        names, _, weight = _names_of(incident, text_words, index, place_words)
        if len(names) < 2 or weight < MIN_WEIGHT:
            continue
        fits.append(Link(incident, tuple(names), round(weight, 2), place, after))
    if not fits:
        return None
    if len(fits) > 1 and precision in {"week", "month"} and date is not None:
        # "Last week two flights to Tartu turned back", read as a week or a month: the
        # recorded days of one episode are the page's flights, each a candidate (see
        # :func:`_rest_of_episode`); two unrelated incidents of the month stay ambiguous.
        days = sorted((link.incident for link in fits), key=lambda incident: incident.date)
        if _one_episode(days):
            return min(fits, key=lambda link: link.incident.date)
    if date is not None and precision == "day":
        # A day of its own chooses among incidents on neighbouring days.
        def gap(link: Link) -> int:
            return max((link.incident.date - date).days, (date - link.incident.last).days, 0)

        nearest = min(gap(link) for link in fits)
        fits = [link for link in fits if gap(link) == nearest]
    fits.sort(key=lambda link: -link.weight)
    if len(fits) > 1 and fits[1].weight >= AMBIGUOUS_SHARE * fits[0].weight:
        return None
    return fits[0]


#: How near an undated page's town or airport a recorded incident must lie to be told by the
#: place alone: the same town and its airport, not the next city (Plovdiv is not Sofia).
PLACE_ALONE_KM = 50.0
#: How a link is placed when an undated page's place has one recorded incident near it.
ONLY_RECORD_PLACE = (
    f"the only recorded incident within {PLACE_ALONE_KM:.0f} km of its place or naming its town"
)


def _only_record_near(values: dict, index: RecordedIndex | None) -> list[Link]:
    """The recorded incident an undated page tells in its lede by its place alone: the page
    shows no date at all, its candidate stands at a town or an airport, and one recorded
    incident, of one day or a few, lies within :data:`PLACE_ALONE_KM` of it in the same country, of
    the same interference (or one of them unknown). Two recorded incidents near the place (an
    airport jammed in two years) leave the page undated, unless they are one episode (the same
    place on days at most :data:`EPISODE_DAYS` apart: two flights to Tartu turned back on
    consecutive days), which the page tells whole: then a link to each, first day first."""
    if index is None or str(values.get(INC.geocode_precision) or "") not in _POINTS:
        return []
    lat, lon = values.get(INC.latitude), values.get(INC.longitude)
    country = str(values.get(INC.country) or "")
    if lat is None or lon is None or not country:
        return []
    near = sorted(
        (
            incident
            for incident in index.incidents
            if incident.latitude is not None
            and (
                float(haversine_km(lat, lon, incident.latitude, incident.longitude))
                <= PLACE_ALONE_KM
                # "Central Estonia, on the way to Tartu Airport": a record placed where the
                # flight was, short of the town the page names, is still that town's.
                or (incident.country == country and names_place(incident, values.get(INC.location)))
            )
        ),
        key=lambda incident: incident.date,
    )
    kind = str(values.get(INC.interference) or "unknown")
    if (
        not _one_episode(near)
        or near[0].country != country
        or not all(_an_aircrafts_day(incident, kind) for incident in near)
    ):
        return []
    return [Link(incident, (), 0.0, ONLY_RECORD_PLACE, None) for incident in near]


def _rest_of_episode(
    values: dict, link: Link | None, index: RecordedIndex | None, dated_by_text: bool
) -> list[Link]:
    """The later days of the recorded episode a candidate known only to its week or month is
    linked to by its first day ("two flights to Tartu turned back last week": the recorded
    Thursday and Friday), each a link of its own; none for a candidate with a day."""
    precision = str(values.get(INC.date_precision) or "day")
    if link is None or index is None or not dated_by_text or precision not in {"week", "month"}:
        return []
    first = link.incident
    episode = sorted(
        (
            incident
            for incident in index.incidents
            if (incident.country, incident.location) == (first.country, first.location)
            and 0 <= (incident.date - first.date).days <= EPISODE_DAYS
            and _time_fits(incident, values.get(INC.date), precision, None)[0]
        ),
        key=lambda incident: incident.date,
    )
    if len(episode) < 2 or episode[0] is not first or not _one_episode(episode):
        return []
    return [replace(link, incident=day) for day in episode[1:]]


def _one_episode(incidents: list[RecordedIncident]) -> bool:
    """Are the records (sorted by date) one episode: at one place, on days at most
    :data:`EPISODE_DAYS` apart from the first to the last?"""
    return (
        bool(incidents)
        and len({(incident.country, incident.location) for incident in incidents}) == 1
        and (max(i.last for i in incidents) - incidents[0].date).days <= EPISODE_DAYS
    )


def _an_aircrafts_day(incident: RecordedIncident, kind: str) -> bool:
    """Is the record a day on which aircraft met interference of the candidate's kind ("both"
    holds either kind; "unknown" may be either)?"""
    kinds = {kind, incident.interference or "unknown"}
    return (
        incident.precision == "day"
        and incident.aircraft_met
        and (len(kinds) == 1 or bool(kinds & {"unknown", "both"}))
    )


#: How a link is made when an undated page names a day and month with no year that is the
#: day of one recorded incident of its country.
ONLY_RECORD_DAY = "the only recorded incident of its country on the day and month it names"
#: A year written out, which a day "with no year" must not have.
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d|'\d\d")


def _only_record_of_day(values: dict, index: RecordedIndex | None, sentences) -> list[Link]:
    """The recorded incident an undated page tells by its day alone: the page shows no date,
    its lede candidate stands in a country, and the page names a day and month with no year
    ("the pre-dawn crash on May 14") that is the day of exactly one recorded incident of that
    country (of aircraft that met the interference, of the same kind or an unknown one). Days
    named as a range ("on April 25 and 26") may name the days of one recorded episode: a link
    to each, first day first."""
    country = str(values.get(INC.country) or "")
    if index is None or not country or not sentences:
        return []
    # The days the page names without a year, read in some year (only their month and day
    # count): found once, then compared with every record of the country.
    named = [
        mention
        for sentence in sentences
        for mention in find_dates(sentence, base=_ANY_YEAR)
        if mention.precision == "day"
        and mention.kind not in _WEEKDAY_KINDS | _PLACELESS_KINDS
        and mention.date is not None
        and not _YEAR_WRITTEN.search(mention.text)
    ]
    if not named:
        return []
    kind = str(values.get(INC.interference) or "unknown")
    point = str(values.get(INC.geocode_precision) or "") in _POINTS
    lat, lon = values.get(INC.latitude), values.get(INC.longitude)
    fits = sorted(
        (
            incident
            for incident in index.incidents
            if incident.country == country
            and _an_aircrafts_day(incident, kind)
            and any(_names_day(mention, incident.date) for mention in named)
            # A page about Kolkata that names Delhi's day in passing tells Kolkata's news.
            and not (point and incident.point and _far_apart(lat, lon, incident))
        ),
        key=lambda incident: incident.date,
    )
    if not _one_episode(fits):
        return []
    return [Link(incident, (), 0.0, ONLY_RECORD_DAY, None) for incident in fits]


#: How a link is made when an undated page names enough of one recorded flight's names.
ONLY_RECORD_NAMED = "the only recorded flight of its country whose names the page gives"
#: Evidence an undated page must give of a recorded flight to be dated by its names alone:
#: twice what a dated page needs (a word weighs at most 1, so two names at least), since no
#: date narrows the records down.
NAMED_ALONE_WEIGHT = 2.0


def _only_record_named(values: dict, words: set[str], index: RecordedIndex | None) -> list[Link]:
    """The recorded flight an undated page tells by its names alone: the page shows no date, its
    candidate stands in a country, and one recorded day of aircraft in that country is named by
    distinctive names weighing :data:`NAMED_ALONE_WEIGHT` at least (another recorded incident
    named nearly as well: no link)."""
    country = str(values.get(INC.country) or "")
    if index is None or not country:
        return []
    kind = str(values.get(INC.interference) or "unknown")
    place_words = _tokens(str(values.get(INC.location) or ""))
    scored = []
    for incident in index.incidents:
        if incident.country != country:
            continue
        names, _, weight = _names_of(incident, words, index, place_words)
        if names:
            scored.append((weight, incident, names))
    scored.sort(key=lambda item: -item[0])
    if not scored:
        return []
    weight, best, names = scored[0]
    if (
        weight < NAMED_ALONE_WEIGHT
        or not _an_aircrafts_day(best, kind)
        or (len(scored) > 1 and scored[1][0] >= AMBIGUOUS_SHARE * weight)
    ):
        return []
    return [Link(best, tuple(names), round(weight, 2), ONLY_RECORD_NAMED, None)]


#: A base date for reading a day with no year: any will do, only the month and day count.
_ANY_YEAR = dt.date(2024, 12, 31)


def _names_day(mention, day: dt.date) -> bool:
    """Does a day (or range of days) read without its year fall on ``day``'s month and day?"""
    try:
        same_year = day.replace(year=mention.date.year)
    except ValueError:
        return False  # 29 February
    return mention.date <= same_year <= (mention.end_date or mention.date)


#: Links made by place or by day alone, which keep a doubt in the score, and how each says it.
_HOW_ALONE = {
    ONLY_RECORD_PLACE: "its place",
    ONLY_RECORD_DAY: "the day and month it names",
    ONLY_RECORD_NAMED: "the names it gives",
}
_ALONE = frozenset(_HOW_ALONE)
#: Geocode precisions of a place that is a point, not an area.
_POINTS = frozenset({"airport", "city"})


def _main_place_named(incident: RecordedIncident, words: set[str]) -> bool:
    """Does the page name a word of the record's main place (its location's first part:
    "Merville-Calonne airfield" of "Merville-Calonne airfield, Nord (...)")? A word that is a
    weekday or a month in a language ingest reads ("domingo" of "Santo Domingo", Sunday in
    Spanish and Portuguese) counts only beside the place's other words."""
    main = _tokens(incident.location.split(",")[0].split("(")[0]) & incident.place_words
    named = main & words
    if named and named <= _calendar_words():
        return named == main
    return bool(named)


@functools.cache
def _calendar_words() -> frozenset[str]:
    """Weekday and month names, folded, in every language ingest reads."""
    out: set[str] = set()
    for code in LANGUAGE_NAMES:
        calendar = calendar_for(code)
        out |= {fold(word) for word in (*calendar.weekdays, *calendar.months)}
    return frozenset(out)


def names_place(incident: RecordedIncident, location: object) -> bool:
    """Does the record's location name the town a candidate stands at (its first part: "Aktau"
    of "Aktau, Kazakhstan"), in its place or in a note about it ("the aircraft later crashed
    near Aktau")?"""
    town = _tokens(str(location or "").split(",")[0])
    return bool(town) and town <= _tokens(incident.location)


def _far_apart(lat, lon, incident: RecordedIncident) -> bool:
    """Are a candidate's point and a recorded incident's more than :data:`LINK_KM` apart?"""
    if lat is None or lon is None or incident.latitude is None or incident.longitude is None:
        return False
    return float(haversine_km(lat, lon, incident.latitude, incident.longitude)) > LINK_KM


def report_words(*texts: str) -> set[str]:
    """Folded words of a report's texts (its own words and its English gloss), and each run of
    two or three words also as one (:func:`_operator_phrase`)."""
    out: set[str] = set()
    for text in texts:
        if text:
            out |= _tokens(text)
            words = _PLAIN_WORD.findall(fold(text))
            for size in (2, 3):
                out.update("".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return out


_PLAIN_WORD = re.compile(r"[^\W\d_]+")


def _operator_phrase(operator: str) -> set[str]:
    """An operator whose every word is a country's or an ordinary one ("Azerbaijan Airlines",
    "Air India") as one word, its words run together, when it has two or three: the name as a
    whole is distinctive though none of its words is."""
    name = re.split(r"[;(,]|\band\b", operator, maxsplit=1)[0]
    words = _PLAIN_WORD.findall(fold(name))
    return {"".join(words)} if 2 <= len(words) <= 3 else set()


def describe(link: Link) -> str:
    """The reason shown with a linked candidate."""
    names = ", ".join(w.capitalize() if w.isalpha() else w.upper() for w in link.words[:5])
    count = len(link.words)
    text = f"describes recorded incident {link.incident.id}: {link.place}"
    if count:
        # (A link by place or day alone names none: it says so in its place.)
        text += f", {count} distinctive name{'s' * (count != 1)} ({names})"
    if link.published_after is not None:
        text += f", published {link.published_after} day{'s' * (link.published_after != 1)} after"
    return text


#: Reasons (from :mod:`.assess` and extraction) that only hold a candidate back because it
#: has no date to apply: the cap below the threshold, the outside-date gate, and the guess of
#: a page known only by its month (an address like /2018/11/) that its news fell in that
#: month: a recorded day the page names replaces the guess. The other penalties for a page that
#: does not date its own event ("no incident date in the text") stay, but for the guess that
#: the headline's news happened on the day it was published: the recorded day replaces that
#: guess too (:data:`_HEADLINE_DAY_REASON`, for a candidate of the headline or lede).
_DATE_REASON = re.compile(
    r"^[+-]\d+\.\d\d (?:no date on the page|cannot be applied without a date"
    r"|no incident date in the text; publication month used)"
)
_HEADLINE_DAY_REASON = re.compile(
    r"^[+-]\d+\.\d\d no incident date in the text; the headline's, so the publication day"
)
_DATE_NOTE = re.compile(r"^(?:no usable date|no incident date|no date on the page)")
_DELTA = re.compile(r"^([+-]\d+\.\d\d) ")


def _only_dates(candidate, reason: str) -> bool:
    """Does the reason only say that the candidate lacks a date of its own (see above)?"""
    if _DATE_REASON.match(reason):
        return True
    # An explainer recalling the incident in passing is not the headline's news.
    return bool(getattr(candidate, "_lede", False) and _HEADLINE_DAY_REASON.match(reason))


def _score_without(candidate, dropped) -> tuple[float, list[str]]:
    """The candidate's score and reasons less the scored reasons ``dropped`` accepts."""
    total = candidate.score
    kept = []
    for reason in candidate.reasons:
        delta = _DELTA.match(reason)
        if delta and dropped(reason):
            total -= float(delta.group(1))
        else:
            kept.append(reason)
    return round(min(1.0, max(0.0, total)), 2), kept


def _without_date_penalty(candidate) -> float:
    """The candidate's score without the reasons that only say it lacks a date of its own."""
    return _score_without(candidate, lambda reason: _only_dates(candidate, reason))[0]


_FINER = {"day": 0, "week": 1, "month": 2, "year": 3}


def _own_day(candidate, incident: RecordedIncident, dated_by_text: bool) -> bool:
    """Does the candidate's own date, from its text, name a day of the incident?"""
    own = candidate.values.get(INC.date)
    return (
        dated_by_text
        and isinstance(own, dt.date)
        and candidate.values.get(INC.date_precision) == "day"
        and incident.date <= own <= incident.last
    )


def _dates_a_report(incident: RecordedIncident) -> bool:
    """Can the record date a report that gives no date of its own? Only a recorded day, or a
    recorded flight known to its month (a named airline's flight), is a particular event; a
    recorded month or period naming no flight (jammers heard for years near an airport) leaves
    the report its penalty, and the report waits for review."""
    return incident.precision == "day" or (
        incident.precision == "month" and incident.flight_named and incident.end_date is None
    )


def _adopt(candidate, link: Link, dated_by_text: bool) -> None:
    """Give a linked candidate the recorded date when its own is missing, vaguer or another
    day of the window; a day of its own inside a vaguer recorded date (a month), or any date
    of its own inside a recorded period, stays."""
    values = candidate.values
    incident = link.incident
    own = values.get(INC.date)
    precision = str(values.get(INC.date_precision) or "day")
    if dated_by_text and isinstance(own, dt.date):
        if incident.last > incident.date and incident.date <= own <= incident.last:
            return  # a time inside a recorded period (weeks of jamming) says which part
        if _FINER.get(precision, 3) < _FINER.get(incident.precision, 3):
            return  # the report names a day of the recorded month: more precise
        if precision == incident.precision and (
            incident.date <= own <= incident.last if precision == "day" else own == incident.date
        ):
            return  # the same date
    was = f"{own.isoformat()} ({precision})" if dated_by_text and isinstance(own, dt.date) else ""
    values[INC.date] = incident.date
    values[INC.date_precision] = incident.precision
    values[INC.end_date] = incident.end_date
    values[INC.end_date_precision] = incident.end_precision if incident.end_date else ""
    taken = "date and precision"
    if incident.country and not values.get(INC.country):
        # A country of its own was checked against the place already (it is the recorded
        # one, or its place lies near the recorded place, as at a border): it stays.
        values[INC.country] = incident.country
        taken = "date, precision and country"
    candidate.evidence[INC.date] = f"(recorded incident {incident.id})"
    candidate.notes = [n for n in candidate.notes if not _DATE_NOTE.match(n)]
    candidate.notes.append(
        f"{taken} taken from recorded incident {incident.id} "
        f"(the report's own date: {was or 'none'})"
    )
    if not dated_by_text and _dates_a_report(incident):
        candidate.score = _without_date_penalty(candidate)
        candidate.reasons = [r for r in candidate.reasons if not _only_dates(candidate, r)]
    candidate.reasons.append(
        f"takes the recorded date {incident.date.isoformat()} ({incident.precision})"
        f"{' and country ' + incident.country if 'country' in taken else ''} of {incident.id}"
    )


def link_candidates(
    candidates: list,
    index: RecordedIndex | None,
    *,
    words: set[str],
    published: dt.date | None,
    floor: float,
    apply_min: float,
    sentences: list[str] | tuple[str, ...] = (),
) -> list:
    """Link each candidate to the recorded incident it describes, if any (see the module).

    :param candidates: every candidate extraction found, down to score 0 (modified in place:
        a linked one gets ``recorded``, reasons, and the recorded date when its own is vaguer).
    :param index: the recorded incidents, or ``None`` (then only the ``floor`` is applied).
    :param words: folded words of the report (:func:`report_words`).
    :param published: the report's publication date, if known.
    :param sentences: the report's sentences, for a day and month an undated page names.
    :param floor: candidates below this score are dropped, unless a link supplies the date
        they lacked and, without the cap that a missing date puts on them, they reach
        ``apply_min``.
    :returns: the candidates kept, in their order.
    """
    found: list[tuple[object, Link | None, bool]] = []
    for candidate in candidates:
        own = candidate.values.get(INC.date)
        dated_by_text = isinstance(own, dt.date) and not getattr(
            candidate, "_from_publication", False
        )
        # A date line in the text ("Bucharest, 1 September 2025") dates the page when its
        # metadata does not; extraction keeps it as the candidate's source date.
        page_date = candidate.source.get("published") if published is None else published
        if page_date is None and getattr(candidate, "_reported", False):
            # "Finnair said on Monday, April 29 that ...": on an undated page, the day the
            # news was told is when the page was written, as near as the page says.
            page_date = own
        link = find_link(
            candidate.values,
            words,
            index,
            published=page_date if isinstance(page_date, dt.date) else None,
            dated_by_text=dated_by_text,
        )
        if link is None and own is None and not isinstance(page_date, dt.date):
            # By its place or its day alone only the lede's candidate is told; by names
            # enough, any candidate of the page.
            episode = (
                (
                    _only_record_near(candidate.values, index)
                    or _only_record_of_day(candidate.values, index, sentences)
                )
                if getattr(candidate, "_lede", False)
                else []
            ) or _only_record_named(candidate.values, words, index)
            if episode:
                found.append((candidate, episode[0], dated_by_text))
                # The other days of the episode the page tells, each a candidate of its own.
                found += [(copy.deepcopy(candidate), day, dated_by_text) for day in episode[1:]]
                continue
        rest = _rest_of_episode(candidate.values, link, index, dated_by_text)
        found.append((candidate, link, dated_by_text))
        found += [(copy.deepcopy(candidate), day, dated_by_text) for day in rest]
    # One candidate per recorded incident: the one naming its day, else the first. The others
    # (another day told in the same report, a second mention) stay as extraction left them.
    owner: dict[str, object] = {}
    for candidate, link, dated_by_text in found:
        if link is None:
            continue
        current = owner.get(link.incident.id)
        if current is None or (
            _own_day(candidate, link.incident, dated_by_text)
            and not _own_day(current, link.incident, True)
        ):
            owner[link.incident.id] = candidate
    kept: list = []
    for candidate, link, dated_by_text in found:
        if link is not None and owner.get(link.incident.id) is not candidate:
            link = None
        if candidate.score < floor:
            if link is None or dated_by_text or not _dates_a_report(link.incident):
                continue
            dated = (
                _place_dated(candidate)[0]
                if link.place in _ALONE
                else _without_date_penalty(candidate)
            )
            if dated < apply_min:
                continue  # weak for other reasons too: a date would not make it an incident
        if link is not None:
            candidate.recorded = link.incident.id
            candidate.reasons.append(describe(link))
            _adopt(candidate, link, dated_by_text)
            if link.place == ROUTE_PLACE:
                _adopt_place(candidate, link.incident)
            if link.place in _ALONE:
                _dated_by_place(candidate, _HOW_ALONE[link.place])
        kept.append(candidate)
    return kept


#: What a date taken by place alone costs: the page's names did not confirm the incident.
PLACE_ONLY_PENALTY = -0.1
_NO_USABLE_DATE = re.compile(r"^[+-]\d+\.\d\d no usable date\b")


def _place_dated(candidate, how: str = "its place") -> tuple[float, list[str]]:
    """The score and reasons of an undated page's candidate once dated by the one recorded
    incident near its place: its lack of a date no longer holds it back, a smaller doubt does
    (the page's names did not say which incident)."""
    score, kept = _score_without(candidate, _NO_USABLE_DATE.match)
    kept.append(
        f"{PLACE_ONLY_PENALTY:+.2f} dated by {how} alone: check that the page tells this incident"
    )
    return round(min(1.0, max(0.0, score + PLACE_ONLY_PENALTY)), 2), kept


def _dated_by_place(candidate, how: str = "its place") -> None:
    candidate.score, candidate.reasons = _place_dated(candidate, how)


def _adopt_place(candidate, incident: RecordedIncident) -> None:
    """A candidate placed at a route's midpoint ("between Warsaw and Plovdiv") that retells a
    recorded incident at one end of the route takes the recorded place: the midpoint was only
    a guess."""
    values = candidate.values
    was = values.get(INC.location)
    values[INC.location] = incident.location
    values[INC.latitude], values[INC.longitude] = incident.latitude, incident.longitude
    values[INC.country] = incident.country
    values[INC.region] = region_for(incident.country, incident.latitude, incident.longitude)
    values[INC.geocode_precision], values[INC.geocode_source] = "city", "manual"
    candidate.evidence[INC.location] = f"(recorded incident {incident.id})"
    candidate.notes = [n for n in candidate.notes if not n.startswith("only the origin")]
    candidate.notes.append(
        f"place taken from recorded incident {incident.id}: the report names only the route ({was})"
    )


#: A recorded incident's place, named with the incident's day, is evidence enough when no more
#: than two recorded incidents share the place's name (a word in k incidents weighs 1/k).
PLACE_WITH_DAY_WEIGHT = 0.5
#: A year written out: a month counts as a recorded incident's date only with its own year.
_MONTH_WORDS = re.compile(r"\b(?:19|20)\d\d\b")


class DateEvidence(NamedTuple):
    """How a page dates a recorded incident: its words, their sentence, and how close they
    come ("day", "near", "month", "fresh", "weekday", "undated"); ``day`` is the day the
    words name, if one."""

    text: str
    sentence: str
    precision: str
    day: dt.date | None = None


@dataclass(frozen=True)
class Recall:
    """A recorded incident a page retells with a date of its own that no candidate linked."""

    incident: RecordedIncident
    words: tuple[str, ...]
    weight: float
    date_text: str
    sentence: str
    precision: str
    #: What says where: "its place" (named), "its country" (with two names), or "its day's
    #: news" (two names in the lede of a page of its day or just after).
    where: str = "its place"
    #: The day the page names, when it names one inside a vaguer record (a day of a recorded
    #: month): the page says more than the record.
    day: dt.date | None = None


#: The weight of the operator of a recorded flight, as one name, when it flies too many of the
#: recorded incidents to be distinctive by itself (Finnair's flights to Tartu, Joensuu and
#: Savonlinna): with the place, it says which airline's flight the page retells.
OPERATOR_WEIGHT = 0.5


def _names_of(
    incident: RecordedIncident, words: set[str], index: RecordedIndex, place_words: set[str]
) -> tuple[list[str], bool, float]:
    """The incident's distinctive words a page names, rarest first, with the words of a place
    (``place_words``) counted as one name, and its operator, when the page names it and it
    is not among them already, as one more weighing :data:`OPERATOR_WEIGHT`: (names, a place
    word among them, their weight)."""
    found = sorted(incident.words & words, key=lambda w: (-index.weights[w], w))
    place = [w for w in found if w in place_words]
    names = [w for w in found if w not in place_words] + place[:1]
    weight = sum(index.weights[w] for w in names)
    operator = sorted((incident.operator_words & words) - place_words)
    if operator and not set(operator) & set(names):
        names.append(operator[0])
        weight += OPERATOR_WEIGHT
    return names, bool(place), weight


def _date_evidence(
    incident: RecordedIncident,
    sentences: list[str],
    published: dt.date | None,
    *,
    month_with: set[str] | None = None,
    published_month: bool = False,
    names_together: int = 0,
    where: frozenset[str] = frozenset(),
) -> DateEvidence | None:
    """The first date of the page that names the incident's day, else a day next to it (a
    local date across midnight, a page's slip), else its month with a year the page itself
    gives, else, on an undated page, a weekday that falls on its day: (words, sentence, "day",
    "near", "month" or "weekday"); ``None`` when none does.

    Without a publication date, "31 August" is read in the incident's own year: a page that
    names the day and month of an incident whose distinctive names it also gives retells it.
    A weekday or "yesterday" counts only from a publication date the page has (counted from
    the incident it would prove itself), and from a publication date known only to its month
    (``published_month``) it says only that month. With ``month_with``, a month counts only in
    a sentence that also gives one of those words ("in March, an RAF plane carrying Grant
    Shapps"). With ``names_together``, only a sentence holding that many of ``month_with``
    and one of the ``where`` words counts, for a day as for a month.
    """
    first, last = _month_range(incident.date, incident.precision)
    last = max(last, incident.last)
    base = published or (last + dt.timedelta(days=30))
    month_hit = near_hit = weekday_hit = None
    one_day = dt.timedelta(days=1)
    for sentence in sentences:
        if names_together and (
            len((month_with or set()) & _tokens(sentence)) < names_together
            or not where & _tokens(sentence)
        ):
            continue
        for mention in find_dates(sentence, base=base):
            if mention.date is None or _only_a_stamp(sentence, mention):
                continue
            if mention.kind == "ordinal_day" and published is None:
                # "On the 28th of last month" on an undated page: its day of the month may be
                # the recorded day's, as a weekday may be its weekday.
                if weekday_hit is None and mention.date.day in _days_of_month(incident):
                    weekday_hit = DateEvidence(mention.text, sentence, "weekday")
                continue
            relative = mention.kind in {"weekday", "relative_days", "relative_word"}
            if (relative or mention.kind == "weekday_day") and published is None:
                # An undated page's "on Thursday" cannot be counted from anything, but it can
                # agree with a recorded day: a Thursday incident that the page's names tell.
                if weekday_hit is None and _same_weekday(mention, incident, first, last):
                    weekday_hit = DateEvidence(mention.text, sentence, "weekday")
                continue
            if relative and published_month:
                # "on Thursday" on a page of May 2024: some day of that month, or of the last
                # days of the one before, which a recorded Thursday then may be.
                since = published.replace(day=1) - dt.timedelta(days=PUBLISHED_MONTH_REACH_DAYS)
                if (
                    weekday_hit is None
                    and since <= incident.date <= published
                    and _same_weekday(mention, incident, first, last)
                ):
                    weekday_hit = DateEvidence(mention.text, sentence, "weekday")
                mention = replace(mention, precision="month")
            # "On April 25 and 26": a range of days names each of its days.
            through = (
                mention.end_date if mention.end_date and mention.kind.endswith("range") else None
            )
            if (
                mention.precision == "day"
                and first <= (through or mention.date)
                and mention.date <= last
            ):
                return DateEvidence(mention.text, sentence, "day", mention.date)
            if (
                near_hit is None
                and mention.precision == "day"
                and first - one_day <= mention.date <= last + one_day
            ):
                near_hit = DateEvidence(mention.text, sentence, "near")
            if (
                month_hit is None
                and mention.precision == "month"
                and (mention.date.year, mention.date.month) == (first.year, first.month)
                and (published is not None or _MONTH_WORDS.search(mention.text))
                and (month_with is None or month_with & _tokens(sentence))
            ):
                month_hit = DateEvidence(mention.text, sentence, "month")
    # A weekday that falls on the record's day says more than its month does.
    return near_hit or weekday_hit or month_hit


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def _only_a_stamp(sentence: str, mention) -> bool:
    """Is the sentence nothing but a date and a clock time ("9.11.2024 - 06:22")? A page's time
    stamp says when it was published, not which incident it tells (a date alone may head a
    chronology's entry). So is a stored page's "date 2025-12-04" metadata before its text."""
    meta = META_DATE_LINE.match(sentence)
    if meta is not None and mention.start < meta.end():
        return True
    rest = sentence[: mention.start] + " " + sentence[mention.end :]
    if not _CLOCK.search(rest):
        return False
    return not re.search(r"[^\W\d_]{2,}", _CLOCK.sub(" ", rest))


def _days_of_month(incident: RecordedIncident) -> set[int]:
    """The days of the month a recorded incident known to the day covers (none for a vaguer
    record: "the 28th" is in every month)."""
    if incident.precision != "day":
        return set()
    span = min((incident.last - incident.date).days, EPISODE_DAYS) + 1
    return {(incident.date + dt.timedelta(days=n)).day for n in range(span)}


#: Date kinds that name a weekday (:mod:`tracker.ingest.dates`): alone, or with its day number.
_WEEKDAY_KINDS = frozenset({"weekday", "weekday_day"})
_WEEKDAY_STEMS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_WEEKDAY_NAME = re.compile(r"\b(" + "|".join(_WEEKDAY_STEMS) + r")day\b", re.I)
#: A weekday on a page known only to its month may fall this many days before the month.
PUBLISHED_MONTH_REACH_DAYS = 10


def _same_weekday(mention, incident: RecordedIncident, first: dt.date, last: dt.date) -> bool:
    """Does a weekday named on an undated page ("on Thursday", "quarta-feira (25)") fall on
    a day of an incident recorded to the day?"""
    if incident.precision != "day" or mention.date is None or mention.kind not in _WEEKDAY_KINDS:
        return False
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    if mention.kind == "weekday_day":
        # "Wednesday (9)" is read by its day number alone: the weekday must agree as well.
        named = _WEEKDAY_NAME.search(mention.text)
        weekday = _WEEKDAY_STEMS.index(named.group(1).lower()) if named else -1
        return any(d.weekday() == weekday and d.day == mention.date.day for d in days)
    return any(d.weekday() == mention.date.weekday() for d in days)


#: Words of a recorded location that do not say where ("Near Kaliningrad, on the flight home").
_NOT_WHERE = frozenset(
    "near over off on in at the of to from route airport approach region area flight home "
    "en border sea".split()
)


def _where_words(location: str) -> frozenset[str]:
    """Folded names in a recorded location ("Near Kaliningrad, on the flight home from Poland"
    -> kaliningrad, poland), common or not."""
    return frozenset(
        w for w in _tokens(fold(" ".join(re.findall(r"\b[A-Z][\w-]+", location))))
        if w not in _NOT_WHERE
    )  # fmt: skip


#: Days after a recorded incident within which a page that leads with its place, and gives no
#: other day, is taken to report it: news of an incident runs in the week after it (an
#: airline's suspension of the route four days after two flights turned back).
FRESH_DAYS = 7
#: The sentences of a page that are its lede: the first ones of :data:`LEDE_MIN_WORDS` words or
#: more (a headline and the first sentences, not a byline or a "Published" line).
LEDE_SENTENCES = 3
LEDE_MIN_WORDS = 5
#: Words that make a sentence an example given for a point, not news of its own.
_ILLUSTRATES = re.compile(r"\bfor (?:instance|example)\b|\be\.g\.", re.IGNORECASE)


def lede_of(sentences: list[str]) -> list[str]:
    """A page's lede: its first :data:`LEDE_SENTENCES` sentences of :data:`LEDE_MIN_WORDS`
    words or more, leaving out one that repeats an earlier one or is held whole in it."""
    lede: list[str] = []
    for sentence in sentences:
        if len(sentence.split()) < LEDE_MIN_WORDS:
            continue
        # A saved page often gives its headline twice (as a title and as a heading, or inside
        # a teaser line): a repeat tells nothing new and would push the story out of the lede.
        if any(_repeats(sentence, earlier) for earlier in lede):
            continue
        lede.append(sentence)
        if len(lede) == LEDE_SENTENCES:
            break
    return lede


def telling_lede(lede: list[str]) -> list[str]:
    """The sentences of a lede that tell news, leaving out an example given for a point
    ("Finnair, for instance, had to suspend flights to Tartu" in an explainer)."""
    return [sentence for sentence in lede if not _ILLUSTRATES.search(sentence)]


def _repeats(sentence: str, earlier: str) -> bool:
    """Is one of two sentences the other, or held whole in it (a headline and its copy)? A
    copy of the headline glued to the story's first sentence (a heading with no full stop)
    is not a repeat: it says more than :data:`LEDE_MIN_WORDS` words of its own."""
    a, b = " ".join(sentence.lower().split()), " ".join(earlier.lower().split())
    if a in b:
        return True
    return b in a and len(a.replace(b, " ", 1).split()) < LEDE_MIN_WORDS


def _fresh_news(
    incident: RecordedIncident,
    sentences: list[str],
    published: dt.date | None,
    names: list[str],
    lede_words: set[str] | None = None,
    published_month: bool = False,
) -> DateEvidence | None:
    """("published ...", the lede sentence, "fresh") when the page came out within
    :data:`FRESH_DAYS` of the incident and its lede names the incident's place (or another of
    its names): a report of the days after it that gives no date of its own ("the aircraft
    carrying the Commission president landed at Plovdiv without GPS", on 1 September).

    :param lede_words: folded words of the lede as the page writes it, beside ``sentences``
        (a gloss drops the names of people).
    :param published_month: ``published`` is known only to its month: a page of the
        incident's own month that leads with it is its news ("month", not "fresh").
    """
    if published is None or incident.precision != "day":
        return None  # (a record of a month has no day for news to follow)
    if published_month:
        if (published.year, published.month) != (incident.date.year, incident.date.month):
            return None
        told, precision = f"published {published:%B %Y}", "month"
    elif incident.date <= published <= incident.last + dt.timedelta(days=FRESH_DAYS):
        told, precision = f"published {published.isoformat()}", "fresh"
    else:
        return None
    wanted = set(names)
    # An example given in the lede of the week's explainer is not its news either.
    lede = telling_lede(lede_of(sentences))
    for sentence in lede:
        if wanted & _tokens(sentence):
            return DateEvidence(told, sentence, precision)
    if lede and wanted & (lede_words or set()):
        return DateEvidence(told, lede[0], precision)
    return None


#: Of an incident's names, an undated page's lede gives this many when the page is its news.
UNDATED_LEDE_NAMES = 2


def _undated_news(
    incident: RecordedIncident,
    sentences: list[str],
    names: list[str],
    lede_words: set[str] | None,
) -> DateEvidence | None:
    """("no date on the page", a lede sentence, "undated") when a page that shows no date and
    tells no dated incident of its own leads with :data:`UNDATED_LEDE_NAMES` of a recorded
    incident's names ("Ursula von der Leyen's plane ... approaching Plovdiv", with no day): an
    undated copy of the news of that incident, which takes the recorded date. An explainer
    that opens with a famous incident as its hook ("... But how worried should we be? What is
    jamming?") asks its questions after the lede and does not name the incident again."""
    wanted = set(names)
    lede = lede_of(sentences)
    told = set().union(*(_tokens(sentence) for sentence in telling_lede(lede)))
    told |= lede_words or set()
    if not lede or len(wanted & told) < UNDATED_LEDE_NAMES:
        return None
    if any(
        _tells_another_day(mention, incident) and not _reported_after(s, mention, incident)
        for s in lede
        for mention in _dates_of(incident, s)
    ):
        # A lede that dates its story ("on Friday", "in June 2025") by other words than the
        # record's day tells another day's story, or its own.
        return None
    after = sentences[sentences.index(lede[-1]) + 1 :]
    asks = any(sentence.rstrip().endswith("?") for sentence in [*lede, *after])
    if asks and not any(wanted & _tokens(sentence) for sentence in after):
        return None
    sentence = next((s for s in lede if wanted & _tokens(s)), lede[0])
    return DateEvidence("no date on the page", sentence, "undated")


#: On an undated page, what words name no day of their own: a year, and words counted from a
#: publication date the page does not give ("last week", "in recent days", "yesterday").
_PLACELESS_KINDS = frozenset({"year", "relative_word", "relative_days", "following"})


def _dates_of(incident: RecordedIncident, sentence: str) -> list:
    """The dates of an undated page's sentence, a day without a year read in the incident's
    year (up to :data:`PUBLISHED_WITHIN_DAYS` after it)."""
    base = max(incident.last, incident.date) + dt.timedelta(days=PUBLISHED_WITHIN_DAYS)
    return [m for m in find_dates(sentence, base=base) if m.kind not in _PLACELESS_KINDS]


#: Words before a day that make it a period's limit ("from 29 April", "until 31 May").
_PERIOD_WORDS = frozenset({"from", "since"})


def _tells_another_day(mention, incident: RecordedIncident) -> bool:
    """Does a date of an undated page's lede tell another day than the recorded incident's?
    Any does (a weekday, a month, a day: see :func:`_date_evidence` for those that fall on
    it) but a day of the month with no month ("the 28th") that is one of the incident's, and a
    period's limit in the :data:`PUBLISHED_WITHIN_DAYS` after the incident, which
    tells what followed it (a suspension "from 29 April to 31 May" after two flights turned
    back)."""
    if mention.kind in _WEEKDAY_KINDS or mention.date is None or mention.precision != "day":
        return True
    if mention.kind == "ordinal_day":
        # "On the 28th of last month": with no month to count from, only its day says
        # anything, and it may be the incident's own.
        return mention.date.day not in _days_of_month(incident)
    if not (mention.end_date or mention.is_bound or mention.prefix in _PERIOD_WORDS):
        return True
    after = mention.date - incident.last
    return not dt.timedelta(days=1) <= after <= dt.timedelta(days=PUBLISHED_WITHIN_DAYS)


#: "as reported by Die Presse on", "the airline said on": a weekday after these is the day the
#: news was told, which may be the incident's own or one of the next days.
_REPORTED_ON = re.compile(
    r"\b(?:reported|said|says|announced|confirmed|told|wrote|published|disclosed)\b"
    r"[^.;:]{0,40}?(?:\s(?:late\s+|early\s+)?on)?\s*$",
    re.IGNORECASE,
)
#: How many days after an incident its news may be told on a named weekday.
REPORTED_WITHIN_DAYS = 2


def _reported_after(sentence: str, mention, incident: RecordedIncident) -> bool:
    """Is a weekday of an undated page's lede the day the news was told ("as reported by Die
    Presse on Tuesday"), on the recorded incident's day or within
    :data:`REPORTED_WITHIN_DAYS` after it?"""
    if mention.kind != "weekday" or not _REPORTED_ON.search(sentence[: mention.start]):
        return False
    named = _WEEKDAY_NAME.search(mention.text)
    if named is None:
        return False
    weekday = _WEEKDAY_STEMS.index(named.group(1).lower())
    span = (incident.last - incident.date).days + REPORTED_WITHIN_DAYS
    return any((incident.date + dt.timedelta(days=n)).weekday() == weekday for n in range(span + 1))


def _one_story(one: RecordedIncident, other: RecordedIncident) -> bool:
    """Are two recorded incidents one story: the same place, on days next to each other?"""
    return (
        bool(one.place_words)
        and one.place_words == other.place_words
        and abs((one.date - other.date).days) <= WINDOW_DAYS
    )


def told_by(candidates: list, index: RecordedIndex | None, *, min_score: float) -> set[str]:
    """Ids of recorded incidents that a candidate scoring at least ``min_score`` already tells
    by its own day and country (linked or not): it needs no second, recalled candidate."""
    if index is None:
        return set()
    days = {
        (c.values.get(INC.date), c.values.get(INC.country))
        for c in candidates
        if c.score >= min_score
        and isinstance(c.values.get(INC.date), dt.date)
        and c.values.get(INC.date_precision) == "day"
    }
    return {
        incident.id
        for incident in index.incidents
        for day, country in days
        if country == incident.country
        and incident.date - dt.timedelta(days=1) <= day <= incident.last + dt.timedelta(days=1)
    }


def recalled_incidents(
    sentences: list[str],
    words: set[str],
    index: RecordedIndex | None,
    *,
    published: dt.date | None,
    taken: set[str],
    own_countries: frozenset[str] = frozenset(),
    published_month: bool = False,
    lede_words: set[str] | None = None,
) -> list[Recall]:
    """Recorded incidents a page retells with their date, beyond those its candidates link.

    A page in a language read through a word gloss, or one that tells an old story in passing,
    may give no candidate for an incident it plainly retells ("the Finnair flight to Tartu that
    turned back on 26 April"). Such a page names the incident's place and its day; or its place,
    at least one more of its distinctive names (weighing :data:`MIN_WEIGHT` together) and a day
    next to its day or its month with a year. Only incidents of one flight
    (:func:`_names_a_flight`), known to the day or the month, are recalled, not seasons of
    jamming, nor an area's warning; an area's disturbance of one day whose aircraft the record
    tells (:func:`_aircraft_met`) only by its day or weekday in the page's lede. A page
    published on an incident's day or within :data:`FRESH_DAYS` after it, with no day of its
    own, is news of it when its lede names the incident's place or two of its names
    (:func:`_fresh_news`). Left out:
    recorded incidents already linked or told by a candidate's own day (``taken``), those whose
    names the page gives only as an already linked incident's, and incidents after the page's
    publication. An incident fitting only by its month or a neighbouring day is not recalled when
    another that the same words name fits with nearly as much evidence
    (:data:`AMBIGUOUS_SHARE`).

    :param sentences: the page's sentences (their English gloss for other languages).
    :param words: folded words of the page (:func:`report_words`).
    :param published: the page's publication date, if known.
    :param taken: ids of recorded incidents already linked or told (:func:`told_by`).
    :param published_month: ``published`` is known only to its month (its last day): a
        weekday or "yesterday" then says only that month.
    :param lede_words: folded words of the page's own lede (:func:`lede_of`), for a page read
        through a gloss.
    :param own_countries: countries of the page's own candidates that clear the threshold: in
        those, a page's lede tells its own story, and is not taken as news of a recorded one
        by its publication date alone (:func:`_fresh_news`).
    """
    if index is None:
        return []
    told = {w for incident in index.incidents if incident.id in taken for w in incident.words}
    found: list[Recall] = []
    for incident in index.incidents:
        if incident.id in taken or (published is not None and published < incident.date):
            continue
        if (
            incident.precision not in {"day", "month"}
            or (incident.last - incident.date).days > EPISODE_DAYS
            or not incident.aircraft_met
        ):
            continue  # a season of jamming, or a warning, is no particular event
        area = not incident.flight_named
        names, place_named, weight = _names_of(incident, words, index, incident.place_words)
        if not set(names) - told:
            continue  # its names are those of an incident the page already tells
        strong = len(names) >= 2 and weight >= MIN_WEIGHT
        # "Ursula von der Leyen's plane, in Bulgaria": its people and its country say where
        # as well as its airport would, given a day; names without a where say nothing.
        by_country = not place_named and strong and bool(incident.country_words & words)
        # Fresh news that leads with the incident's people, on the day or just after, needs
        # no place: two names of one flight and its day say which flight.
        fresh = (
            None
            if place_named or by_country or not strong or incident.country in own_countries
            else _fresh_news(incident, sentences, published, names, lede_words, published_month)
        )
        # "In March 2024 the plane carrying Defence Secretary Grant Shapps was jammed near
        # Kaliningrad": two of its names, its month (with a year) or day and a word of its
        # place, even one too common to be distinctive, in one sentence say which flight.
        by_names = (
            None
            if place_named or by_country or fresh is not None or not strong
            else _date_evidence(
                incident, sentences, published, month_with=set(names),
                published_month=published_month, names_together=2,
                where=_where_words(incident.location),
            )
        )  # fmt: skip
        if not place_named and not by_country and fresh is None and by_names is None:
            continue
        if not strong and weight < PLACE_WITH_DAY_WEIGHT:
            continue
        # A month and a country fit too many stories: by its country, an incident is recalled
        # by its month only when the month is told in one sentence with its own names or its
        # country ("in August 2025 the aircraft ... landing in Bulgaria").
        # (The names or the country: a gloss may drop a person's name from the sentence.)
        evidence = _date_evidence(
            incident,
            sentences,
            published,
            month_with=set(names) | set(incident.country_words) if by_country else None,
            published_month=published_month,
        )
        if fresh is not None:
            evidence = fresh
        elif by_names is not None:
            evidence = by_names
        elif (
            evidence is None or (evidence.precision not in {"day", "weekday"} and not strong)
        ) and (incident.country not in own_countries):
            evidence = _fresh_news(
                incident, sentences, published, names, lede_words, published_month
            )
        if evidence is None and strong and published is None and not own_countries:
            evidence = _undated_news(incident, sentences, names, lede_words)
        # Its place alone is evidence enough only with its very day, or, on an undated page,
        # a weekday that falls on it ("two flights to Tartu on Thursday and Friday").
        by_day = {"day", "fresh", "weekday"} if place_named else {"day", "fresh"}
        if evidence is None or (evidence.precision not in by_day and not strong):
            continue
        if (
            evidence.precision == "weekday"
            and not strong
            and not _main_place_named(incident, words)
        ):
            # "Nord" of "Merville-Calonne airfield, Nord" (and of "Corée du Nord") with a
            # weekday: a weekday falls on one day in seven, so its place must be the record's
            # own town, not the region after it.
            continue
        # An area's disturbance of a day (Jordan's airspace, the approaches to one airport) is
        # an incident when the page leads with it; told later, it is background to a story of
        # its own, and an area's month of jamming is a season, whatever day a page gives.
        if area and (
            incident.precision != "day"
            or evidence.precision not in {"day", "weekday", "undated"}
            or evidence.sentence not in lede_of(sentences)
        ):
            continue
        where = (
            "its country"
            if by_country
            else "its place"
            if place_named
            else "its names with its date"
            if by_names is not None
            else "its day's news"
        )
        # A range ("April 25-26") names its first day, which is not this incident's own.
        first, last = _month_range(incident.date, incident.precision)
        inside = evidence.day is not None and first <= evidence.day <= max(last, incident.last)
        found.append(
            Recall(
                incident, tuple(names), round(weight, 2), evidence.text, evidence.sentence,
                evidence.precision, where,
                day=evidence.day if inside and incident.precision != "day" else None,
            )
        )  # fmt: skip
    # A month fits every incident of that month, and a neighbouring day the incidents of two
    # days in a row: another one named by the same words, with nearly as much evidence, makes
    # it a guess.
    ambiguous = {
        r.incident.id
        for r in found
        if r.precision in {"month", "near", "fresh", "weekday", "undated"}
        and any(
            other is not r
            and set(other.words) & set(r.words)
            and other.weight >= AMBIGUOUS_SHARE * r.weight
            # "Two flights to Tartu on Thursday and Friday": each weekday falls on its own
            # recorded day, which says which flight it is.
            and not (r.precision == other.precision == "weekday" and r.date_text != other.date_text)
            # An undated page, or the week's news, on the two Tartu turn-backs tells both: one
            # story, whose incidents the record keeps apart by days next to each other.
            and not (
                r.precision == other.precision
                and r.precision in {"undated", "fresh"}
                and _one_story(r.incident, other.incident)
            )
            for other in found
        )
    }
    return [r for r in found if r.incident.id not in ambiguous]
