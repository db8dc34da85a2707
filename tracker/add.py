"""Add one reported incident (or one more source for an existing incident) to the dataset.

The library half of ``gnss-tracker add``: build typed rows, geocode, detect duplicates and write
through the store in one locked transaction. Any error leaves the files byte-for-byte unchanged
(the store writes only after validation passes).
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tracker import dataset, schema
from tracker.dedupe import Match, find_matches
from tracker.errors import InputError
from tracker.geocode.regions import region_for
from tracker.geocode.resolve import MANUAL_SOURCE, GeocodeResult, PlaceResolver
from tracker.schema import INC, SRC

__all__ = [
    "REQUIRED_INCIDENT",
    "REQUIRED_SOURCE",
    "DEFAULTS",
    "Placement",
    "locate",
    "incident_row",
    "source_row",
    "duplicates",
    "add_report",
]

logger = logging.getLogger(__name__)

#: Incident fields a contributor must give (the rest is derived: id, coordinates, region...).
REQUIRED_INCIDENT = (INC.date, INC.location, INC.interference, INC.confidence, INC.summary)
#: Source fields a contributor must give.
REQUIRED_SOURCE = (SRC.url, SRC.publisher)
#: Defaults for required fields that have an obvious value.
DEFAULTS = {
    INC.date_precision: "day",
    INC.flight_phase: "unknown",
    SRC.stance: "supports",
}

_FIELDS = {f.name: f for f in (*schema.INCIDENT_FIELDS, *schema.SOURCE_FIELDS)}


@dataclass(frozen=True)
class Placement:
    """Where an incident goes on the map and how that was decided."""

    latitude: float
    longitude: float
    country: str
    region: str
    precision: str
    source: str
    query: str
    radius_km: float
    found: GeocodeResult | None

    def describe(self) -> str:
        if self.found is not None:
            return self.found.describe()
        return (
            f"{self.latitude:.4f}, {self.longitude:.4f} ({self.precision}, typed by hand; "
            f"country {self.country or 'none (sea)'}, region {self.region})"
        )


def locate(
    values: dict,
    resolver: PlaceResolver,
) -> Placement | None:
    """Coordinates, country and region for a new incident.

    Coordinates given by hand (``latitude`` and ``longitude``) win and are recorded as
    ``manual``; otherwise ``geocode_query`` (or ``location``) is geocoded. A ``country`` or
    ``region`` given by hand overrides what geocoding found.

    :param values: the incident's fields as given (strings or numbers; missing keys allowed).
    :param resolver: the geocoding chain.
    :returns: the placement, or None when the place text matches nothing.
    :raises InputError: only one of latitude/longitude given, or out of range.
    :raises tracker.errors.GeocodingError: the online service failed.
    """
    lat, lon = values.get(INC.latitude), values.get(INC.longitude)
    country = str(values.get(INC.country) or "").strip().upper()
    region = str(values.get(INC.region) or "").strip()
    radius = values.get(INC.radius_km)
    if (lat is None) != (lon is None):
        raise InputError("give both --latitude and --longitude, or neither")
    if lat is not None:
        lat, lon = float(lat), float(lon)
        in_range = -90 <= lat <= 90 and -180 <= lon <= 180
        if not (math.isfinite(lat) and math.isfinite(lon) and in_range):
            raise InputError(
                f"coordinates out of range: {lat}, {lon} (swapped latitude/longitude?)"
            )
        if not country:
            from tracker.geocode.reverse import country_at

            country = country_at(lat, lon)
        return Placement(
            lat,
            lon,
            country,
            region or region_for(country, lat, lon),
            str(values.get(INC.geocode_precision) or "exact"),
            MANUAL_SOURCE,
            str(values.get(INC.geocode_query) or ""),
            float(radius) if radius is not None else math.nan,
            None,
        )
    query = str(values.get(INC.geocode_query) or values.get(INC.location) or "").strip()
    found = resolver.resolve(query)
    if found is None:
        return None
    final_country = country or found.country
    if not region:
        region = found.region if final_country == found.country else ""
        region = region or region_for(final_country, found.latitude, found.longitude)
    if radius is None:
        radius = found.radius_km or math.nan
    return Placement(
        round(found.latitude, 6),
        round(found.longitude, 6),
        final_country,
        region,
        str(values.get(INC.geocode_precision) or found.precision),
        found.source,
        query,
        float(radius),
        found,
    )


def _typed(name: str, value):
    spec = _FIELDS[name]
    if spec.type == "number":
        return math.nan if value is None or value == "" else float(value)
    if spec.type == "date":
        return pd.NaT if value is None or value == "" else pd.Timestamp(value)
    return "" if value is None else str(value).strip()


def _frame(values: dict, fields: tuple[schema.Field, ...], like: pd.DataFrame) -> pd.DataFrame:
    row = {f.name: [_typed(f.name, values.get(f.name))] for f in fields}
    frame = pd.DataFrame(row)
    for column in frame.columns:
        if column in like.columns and str(like[column].dtype) != str(frame[column].dtype):
            try:
                frame[column] = frame[column].astype(like[column].dtype)
            except (TypeError, ValueError):
                pass
    return frame


def incident_row(
    values: dict, placement: Placement, incident_id: str, like: pd.DataFrame
) -> pd.DataFrame:
    """A one-row incidents frame typed like ``like``."""
    merged = {**DEFAULTS, **{k: v for k, v in values.items() if v is not None}}
    if merged.get(INC.end_date) not in (None, "") and not merged.get(INC.end_date_precision):
        # A given end date is when it ended unless the contributor says it is open-ended.
        merged[INC.end_date_precision] = "day"
    merged.update(
        {
            INC.id: incident_id,
            INC.latitude: placement.latitude,
            INC.longitude: placement.longitude,
            INC.country: placement.country,
            INC.region: placement.region,
            INC.geocode_precision: placement.precision,
            INC.geocode_source: placement.source,
            INC.geocode_query: placement.query,
            INC.radius_km: None if math.isnan(placement.radius_km) else placement.radius_km,
        }
    )
    return _frame(merged, schema.INCIDENT_FIELDS, like)


def source_row(values: dict, incident_id: str, like: pd.DataFrame) -> pd.DataFrame:
    """A one-row sources frame typed like ``like``."""
    merged = {**DEFAULTS, **{k: v for k, v in values.items() if v is not None}}
    merged[SRC.incident_id] = incident_id
    return _frame(merged, schema.SOURCE_FIELDS, like)


def duplicates(data_dir: Path | str, values: dict, placement: Placement) -> list[Match]:
    """Existing incidents within a day and 100 km of the new one (see :func:`find_matches`)."""
    current = dataset.load(data_dir)
    return find_matches(
        current.incidents,
        values[INC.date],
        placement.latitude,
        placement.longitude,
        end_date=values.get(INC.end_date),
    )


def add_report(
    data_dir: Path | str,
    incident: dict,
    source: dict,
    placement: Placement,
    *,
    attach_to: str | None = None,
) -> str:
    """Write the new incident with its source, or only the source onto ``attach_to``.

    :param data_dir: the dataset folder.
    :param incident: incident fields given by the contributor.
    :param source: source fields (url, publisher, published, stance, note).
    :param placement: from :func:`locate`.
    :param attach_to: id of an existing incident to attach the source to instead.
    :returns: the id of the incident written or attached to.
    :raises InputError: ``attach_to`` names no incident, or that incident already cites the URL.
    :raises tracker.errors.DataValidationError: the new rows break a rule; nothing is written.
    """
    with dataset.update(data_dir) as current:
        ids = set(current.incidents[INC.id])
        if attach_to is not None:
            if attach_to not in ids:
                raise InputError(f"no incident with id {attach_to!r} to attach the source to")
            cited = current.sources[current.sources[SRC.incident_id] == attach_to][SRC.url]
            if str(source.get(SRC.url, "")).strip() in set(cited):
                raise InputError(f"incident {attach_to} already cites {source.get(SRC.url)}")
            new = dataset.with_rows(current, sources=source_row(source, attach_to, current.sources))
            target = attach_to
        else:
            target = dataset.new_incident_id(incident[INC.date], incident[INC.location], ids)
            new = dataset.with_rows(
                current,
                incidents=incident_row(incident, placement, target, current.incidents),
                sources=source_row(source, target, current.sources),
            )
        current.incidents = new.incidents
        current.sources = new.sources
    return target
