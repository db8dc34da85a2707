"""The dataset's schema: the single source of truth for column names, types and value sets.

Every other module imports column names from here (``INC.latitude``, ``SRC.url``) instead of
spelling them out, so renaming a column is a one-line change and a test catches drift between
this module, the CSV headers and ``data/datapackage.json``.

Units and conventions:

* ``latitude``/``longitude``: WGS84 decimal degrees, written with at most 6 decimals (~0.1 m).
* ``radius_km``: radius of an area incident (a NOTAM's Q-line radius), kilometres.
* ``date``/``end_date``: calendar dates in ISO 8601 (``YYYY-MM-DD``), UTC. When an incident is
  known only to the month (``date_precision=month``) the date is the 1st of that month, and to the
  year (``year``) the 1st of January; views must not present such dates as day-exact.
  ``end_date_precision`` is set exactly when ``end_date`` is: ``day`` when the incident ended
  that day, ``month`` when it ended some day in that month (``end_date`` is the month's last
  day), ``open`` when ``end_date`` is only the last day a source reports it still going on
  (an open-ended span: views must say "at least until", never present it as the end).
* ``country``: ISO 3166-1 alpha-2, upper case, empty when the incident happened over open sea.
"""

from __future__ import annotations

import csv
import functools
import importlib.resources
import types
from dataclasses import dataclass, field

__all__ = [
    "Field",
    "INCIDENT_FIELDS",
    "SOURCE_FIELDS",
    "FIGURE_FIELDS",
    "INC",
    "SRC",
    "FIG",
    "INCIDENTS_FILE",
    "SOURCES_FILE",
    "FIGURES_FILE",
    "AREA_KINDS",
    "DATAPACKAGE_FILE",
    "DATE_PRECISIONS",
    "END_DATE_PRECISIONS",
    "INTERFERENCE_TYPES",
    "FLIGHT_PHASES",
    "CONFIDENCE_LEVELS",
    "GEOCODE_PRECISIONS",
    "STANCES",
    "MAX_TEXT_LENGTH",
    "ID_PATTERN",
    "REGIONS",
    "country_codes",
    "country_names",
    "datapackage",
]

INCIDENTS_FILE = "incidents.csv"
SOURCES_FILE = "sources.csv"
#: Published aggregate figures (counts and rates measured by others); optional in older folders.
FIGURES_FILE = "figures.csv"
DATAPACKAGE_FILE = "datapackage.json"

DATE_PRECISIONS = ("day", "month", "year")
#: ``day``: the incident ended on ``end_date``. ``month``: it ended some day in that month, and
#: ``end_date`` is the month's last day. ``open``: ``end_date`` is the last day a source reports it
#: still going on; when it ended is not known (it may have lasted longer).
END_DATE_PRECISIONS = ("day", "month", "open")
INTERFERENCE_TYPES = ("jamming", "spoofing", "both", "unknown")
FLIGHT_PHASES = ("departure", "en route", "approach", "landing", "ground", "unknown")
CONFIDENCE_LEVELS = ("confirmed", "reported", "disputed", "unverified")
GEOCODE_PRECISIONS = ("exact", "airport", "city", "area", "region", "country")
STANCES = ("supports", "disputes", "context")
#: What a published figure's ``area`` names: an analyst region, an ISO country code, a flight
#: information region, another named area (a sea, a border zone), or the whole world.
AREA_KINDS = ("region", "country", "fir", "area", "global")
#: The analyst regions, in the order docs and dashboards list them (docs/regions.md). Countries
#: are assigned to them in ``tracker/data/country_regions.csv``, curated areas in ``areas.csv``;
#: a test checks that both use exactly these names.
REGIONS: tuple[str, ...] = (
    "Baltic Sea region",
    "Nordic and Arctic",
    "Russia and Belarus",
    "Black Sea",
    "Eastern Mediterranean",
    "Middle East",
    "Caucasus",
    "Central Asia",
    "South Asia",
    "Southeast Asia",
    "East Asia",
    "Europe (other)",
    "Africa",
    "North America",
    "Caribbean and South America",
    "Oceania",
    "Antarctica",
)

#: Longest text cell accepted. Python's csv module refuses fields over 131,072 characters; staying
#: well below it turns a would-be parser crash into an ordinary validation message.
MAX_TEXT_LENGTH = 5000

#: Incident ids are readable and stable: the incident's date and a slug of its place.
ID_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_MAX_LENGTH = 80
#: Figure ids are slugs: lowercase ASCII words joined by hyphens (``lt-pilot-reports-2025-06``).
FIGURE_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


@dataclass(frozen=True)
class Field:
    """One column of a table.

    :param name: column name in the CSV header.
    :param type: ``string``, ``number`` (finite plain decimal), ``date`` (``YYYY-MM-DD``).
    :param required: an empty cell is an error.
    :param description: what the column means, with units; published in ``datapackage.json``.
    :param enum: the allowed values, if the column is a value set.
    :param minimum: inclusive lower bound for numbers.
    :param maximum: inclusive upper bound for numbers.
    :param pattern: regular expression a non-empty value must match in full.
    :param max_length: longest accepted text, in characters.
    """

    name: str
    type: str
    required: bool
    description: str
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    max_length: int = MAX_TEXT_LENGTH
    #: Free text shown to people (summaries, notes): formula and control-character checks apply.
    free_text: bool = field(default=True)

    def table_schema(self) -> dict:
        """This field as a Frictionless Table Schema field descriptor."""
        descriptor: dict = {"name": self.name, "type": self.type, "description": self.description}
        if self.type == "date":
            descriptor["format"] = "%Y-%m-%d"
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if self.type == "string":
            constraints["maxLength"] = self.max_length
        if constraints:
            descriptor["constraints"] = constraints
        return descriptor


def _text(name: str, description: str, *, required: bool = False, **kwargs) -> Field:
    return Field(name, "string", required, description, **kwargs)


def _choice(name: str, values: tuple[str, ...], description: str) -> Field:
    return Field(name, "string", True, description, enum=values, free_text=False)


INCIDENT_FIELDS: tuple[Field, ...] = (
    _text(
        "id",
        "Stable, readable identifier: the incident date and a slug of its place "
        "(for example 2025-08-31-plovdiv). Never reused or renumbered.",
        required=True,
        pattern=ID_PATTERN,
        max_length=ID_MAX_LENGTH,
        free_text=False,
    ),
    Field("date", "date", True, "First day of the incident (UTC calendar date)."),
    _choice(
        "date_precision",
        DATE_PRECISIONS,
        "How precisely the date is known: day, or only the month (date is the 1st), "
        "or only the year (date is 1 January).",
    ),
    Field(
        "end_date",
        "date",
        False,
        "Last day, for incidents spanning several days; else empty. With "
        "end_date_precision=open, the last day a source reports it still going on.",
    ),
    Field(
        "end_date_precision",
        "string",
        False,
        "Set exactly when end_date is: day (the incident ended on end_date), month (it ended "
        "some day in that month; end_date is the month's last day) or open (end_date is the "
        "last day a source reports it still going on; when it ended is not known).",
        enum=END_DATE_PRECISIONS,
        free_text=False,
    ),
    _text(
        "location",
        "Where the aircraft was, in words, as reported (not where the jammer is thought to be).",
        required=True,
    ),
    Field("latitude", "number", True, "Latitude, WGS84 decimal degrees.", minimum=-90, maximum=90),
    Field(
        "longitude", "number", True, "Longitude, WGS84 decimal degrees.", minimum=-180, maximum=180
    ),
    Field(
        "radius_km",
        "number",
        False,
        "Radius of an area incident (for example a NOTAM's Q-line radius), kilometres.",
        minimum=0,
        maximum=5000,
    ),
    _choice(
        "geocode_precision",
        GEOCODE_PRECISIONS,
        "What the coordinates stand for: an exact point, an airport, a city, a named area, "
        "a region or a whole country.",
    ),
    _text(
        "geocode_source",
        "Where the coordinates came from (offline gazetteer, nominatim, notam, manual).",
        required=True,
        free_text=False,
    ),
    _text(
        "geocode_query",
        "The short place name to geocode (for example 'Plovdiv Airport' or 'Baltic Sea'), "
        "so the coordinates can be reproduced or refreshed; may be empty.",
    ),
    _text(
        "country",
        "ISO 3166-1 alpha-2 code of the country whose territory or airspace the aircraft was "
        "in (not where the jammer is thought to be); empty over open sea.",
        pattern=r"^[A-Z]{2}$",
        free_text=False,
    ),
    _text(
        "region",
        "Analyst region (see docs/regions.md; countries are assigned in "
        "tracker/data/country_regions.csv).",
        required=True,
    ),
    _choice("interference", INTERFERENCE_TYPES, "Kind of interference reported."),
    _choice("flight_phase", FLIGHT_PHASES, "Phase of flight when it happened."),
    _text("aircraft", "Aircraft type or description, as reported."),
    _text("operator", "Airline or operator, as reported."),
    _text("flight", "Flight number or call sign, as reported."),
    _text("effects", "What happened to the aircraft and crew, in our words."),
    _text("suspected_source", "Suspected origin of the interference, and who suspects it."),
    _choice(
        "confidence",
        CONFIDENCE_LEVELS,
        "confirmed (an authority confirmed it), reported (credible reporting), "
        "disputed (sources disagree), unverified (single weak source).",
    ),
    _text("summary", "One-paragraph summary in our own words.", required=True),
)

SOURCE_FIELDS: tuple[Field, ...] = (
    _text(
        "incident_id",
        "Id of the incident this claim is about.",
        required=True,
        pattern=ID_PATTERN,
        max_length=ID_MAX_LENGTH,
        free_text=False,
    ),
    _text(
        "url",
        "Address of the source; http or https only.",
        required=True,
        max_length=2000,
        free_text=False,
    ),
    _text("publisher", "Who published it.", required=True),
    Field("published", "date", False, "Publication date, if known."),
    _choice(
        "stance",
        STANCES,
        "supports (the source reports the incident as described), disputes (it contradicts "
        "a claim), context (background only).",
    ),
    _text("note", "What this source says, in our words."),
)


FIGURE_FIELDS: tuple[Field, ...] = (
    _text(
        "id",
        "Stable identifier of the figure, a lowercase slug (for example "
        "lt-pilot-reports-2025-06). Never reused.",
        required=True,
        pattern=FIGURE_ID_PATTERN,
        max_length=ID_MAX_LENGTH,
        free_text=False,
    ),
    Field("period_start", "date", True, "First day of the period the figure covers (UTC)."),
    Field(
        "period_end",
        "date",
        True,
        "Last day of the period the figure covers (UTC); equal to period_start for one day.",
    ),
    _text(
        "area",
        "Where the figure was measured: a region name (area_kind=region), an ISO 3166-1 "
        "alpha-2 code (country), a flight information region (fir), another named area "
        "(area), or World (global).",
        required=True,
    ),
    _choice(
        "area_kind",
        AREA_KINDS,
        "What area names: region, country, fir, area or global.",
    ),
    _text(
        "metric",
        "What was counted or measured, in our words (for example 'pilot reports of GNSS "
        "interference').",
        required=True,
    ),
    Field(
        "value",
        "number",
        True,
        "The published number, as a plain decimal (a percentage as 27.4, not 0.274).",
    ),
    _text(
        "unit",
        "Unit of value (for example reports, flights, days, percent, per 1000 flights).",
        required=True,
        max_length=60,
    ),
    _text(
        "measured_by",
        "Who measured or counted it (an agency, an airline, a research group).",
        required=True,
    ),
    _text(
        "url",
        "Address of the page the figure was checked against; http or https only.",
        required=True,
        max_length=2000,
        free_text=False,
    ),
    _text("publisher", "Who published that page.", required=True),
    Field("published", "date", False, "Publication date of that page, if known."),
    _text("note", "Context and caveats, in our words."),
)


def _names(fields: tuple[Field, ...]) -> types.SimpleNamespace:
    return types.SimpleNamespace(**{f.name: f.name for f in fields})


#: Incident column names as attributes: ``INC.latitude == "latitude"``.
INC = _names(INCIDENT_FIELDS)
#: Source column names as attributes: ``SRC.incident_id == "incident_id"``.
SRC = _names(SOURCE_FIELDS)
#: Figure column names as attributes: ``FIG.period_start == "period_start"``.
FIG = _names(FIGURE_FIELDS)

INCIDENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in INCIDENT_FIELDS)
SOURCE_COLUMNS: tuple[str, ...] = tuple(f.name for f in SOURCE_FIELDS)
FIGURE_COLUMNS: tuple[str, ...] = tuple(f.name for f in FIGURE_FIELDS)

#: Table order: incidents by date then id; sources by incident, then publication, then url.
INCIDENT_SORT = (INC.date, INC.id)
SOURCE_SORT = (SRC.incident_id, SRC.published, SRC.url)
#: Figures by the start of their period, then id.
FIGURE_SORT = (FIG.period_start, FIG.id)


@functools.cache
def _country_table() -> tuple[tuple[str, str], ...]:
    text = importlib.resources.files("tracker.data").joinpath("countries.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return tuple((row["iso2"], row["name"]) for row in rows)


def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes accepted in ``country`` (from GeoNames' country list)."""
    return frozenset(code for code, _ in _country_table())


def country_names() -> dict[str, str]:
    """Map ISO alpha-2 code to English country name."""
    return dict(_country_table())


def datapackage() -> dict:
    """The Frictionless Data Package descriptor for ``data/``, generated from this module."""
    return {
        "name": "gnss-interference-incidents",
        "title": "GNSS interference incidents affecting aircraft",
        "description": (
            "Geocoded, sourced reports of GPS/GNSS jamming and spoofing that affected aircraft. "
            "Each incident has one or more sources; sources may disagree. "
            "A report is not a measurement. Aggregate figures published by others "
            "(counts and rates) are kept apart, in figures, and are never incidents."
        ),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": [
            {
                "name": "incidents",
                "path": INCIDENTS_FILE,
                "profile": "tabular-data-resource",
                "encoding": "utf-8",
                "schema": {
                    "fields": [f.table_schema() for f in INCIDENT_FIELDS],
                    "primaryKey": [INC.id],
                    "missingValues": [""],
                },
            },
            {
                "name": "sources",
                "path": SOURCES_FILE,
                "profile": "tabular-data-resource",
                "encoding": "utf-8",
                "schema": {
                    "fields": [f.table_schema() for f in SOURCE_FIELDS],
                    "foreignKeys": [
                        {
                            "fields": [SRC.incident_id],
                            "reference": {"resource": "incidents", "fields": [INC.id]},
                        }
                    ],
                    "missingValues": [""],
                },
            },
            {
                "name": "figures",
                "path": FIGURES_FILE,
                "profile": "tabular-data-resource",
                "encoding": "utf-8",
                "description": (
                    "Aggregate figures published by authorities, airlines and researchers "
                    "(for example monthly pilot reports in one country). Counts measured by "
                    "others, not incidents of this dataset."
                ),
                "schema": {
                    "fields": [f.table_schema() for f in FIGURE_FIELDS],
                    "primaryKey": [FIG.id],
                    "missingValues": [""],
                },
            },
        ],
    }
