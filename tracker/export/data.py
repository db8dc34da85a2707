"""The filtered incidents as files reporters can open: spreadsheet-safe CSV and GeoJSON.

Both take the incidents and sources frames of a :class:`tracker.dataset.Dataset` (already
filtered) and return bytes, so the CLI writes them to a file and the dashboard sends them as a
download through the same code.

CSV
    One row per incident, the schema's columns in schema order (and only those), plus
    ``sources`` (the source URLs separated by ``" | "``) and ``source_count``. Report text is
    untrusted: a text cell that a spreadsheet would run as a formula (starting with
    ``= + - @``, TAB, CR, LF or NUL) gets a leading ``'``. Columns typed ``number`` in
    :mod:`tracker.schema` are written as bare numbers (``-0.1278`` is a longitude, not a
    formula) and every other cell is quoted (``csv.QUOTE_NONNUMERIC``), so importers that
    treat quoted cells as text still see numbers.

GeoJSON
    RFC 7946: a ``FeatureCollection`` of ``Point`` features, coordinates ``[longitude, latitude]``
    in WGS84 with 6 decimals, no ``crs`` member. Each feature's ``id`` is the incident id and its
    properties hold every incident column plus ``sources``: a list of objects with the source
    columns (QGIS shows it as a JSON field).

Extra columns
    Callers may add columns the schema does not have (the CLI's ``--adsb`` adds the ADS-B
    layer's ``adsb_*`` evidence) as a frame indexed by incident id. They come after
    ``source_count`` in CSV and after ``sources`` in GeoJSON properties: numbers as numbers,
    booleans as ``true``/``false``, text neutralised like every other text cell.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from tracker import safety, schema
from tracker.schema import INC, SRC

__all__ = [
    "DATA_FORMATS",
    "FORMULA_PREFIXES",
    "neutralise_cell",
    "incidents_to_csv",
    "incidents_to_geojson",
    "geojson_document",
]

log = logging.getLogger(__name__)

DATA_FORMATS = ("csv", "geojson")

#: First characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection);
#: the rule is :data:`tracker.safety.FORMULA_PREFIXES`.
FORMULA_PREFIXES = safety.FORMULA_PREFIXES

#: Digits kept in coordinates: about 0.1 m, the schema's stated precision (RFC 7946 §11.2).
COORDINATE_DECIMALS = 6

_NUMBER_COLUMNS = frozenset(f.name for f in schema.INCIDENT_FIELDS if f.type == "number")
_DATE_COLUMNS = frozenset(f.name for f in schema.INCIDENT_FIELDS if f.type == "date")
_SOURCE_DATE_COLUMNS = frozenset(f.name for f in schema.SOURCE_FIELDS if f.type == "date")
_SOURCE_COLUMNS = tuple(f.name for f in schema.SOURCE_FIELDS if f.name != SRC.incident_id)

#: Extra CSV/GeoJSON columns, after the schema's.
SOURCES_COLUMN = "sources"
SOURCE_COUNT_COLUMN = "source_count"
_EXTRA_RESERVED = frozenset({SOURCES_COLUMN, SOURCE_COUNT_COLUMN})
_URL_SEPARATOR = " | "


def neutralise_cell(text: str) -> str:
    """Make a text cell inert in spreadsheets.

    >>> neutralise_cell('=HYPERLINK("http://x.example","click")')
    '\\'=HYPERLINK("http://x.example","click")'
    >>> neutralise_cell("GPS lost near Riga")
    'GPS lost near Riga'

    :param text: a cell value as text.
    :returns: ``text``, prefixed with ``'`` when it starts with a formula trigger.
    """
    return safety.neutralise_formula(text)


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _date_text(value: object) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, str):
        return value
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def _number(value: object) -> float | None:
    """A finite float rounded to the schema's precision, or None for empty cells."""
    if _is_missing(value) or value == "":
        return None
    number = float(value)
    if not math.isfinite(number):
        return None
    rounded = round(number, COORDINATE_DECIMALS)
    return 0.0 if rounded == 0 else rounded  # no "-0.0"


def _text(value: object) -> str:
    return "" if _is_missing(value) else str(value)


def _sources_by_incident(sources: pd.DataFrame) -> dict[str, list[dict]]:
    """Source records per incident id, in the frame's order, as JSON-ready dicts."""
    grouped: dict[str, list[dict]] = {}
    if sources is None or sources.empty:
        return grouped
    columns = [c for c in _SOURCE_COLUMNS if c in sources.columns]
    for record in sources[[SRC.incident_id, *columns]].to_dict("records"):
        item = {
            c: (_date_text(record[c]) or None) if c in _SOURCE_DATE_COLUMNS else _text(record[c])
            for c in columns
        }
        grouped.setdefault(_text(record[SRC.incident_id]), []).append(item)
    return grouped


def _extra_cells(extra: pd.DataFrame | None, incident_id: str, *, csv_cells: bool) -> list:
    """The extra columns' values for one incident (empty cells when it has no row)."""
    if extra is None:
        return []
    if incident_id in extra.index:
        values = extra.loc[incident_id]
        if isinstance(values, pd.DataFrame):  # a repeated id: its first row
            values = values.iloc[0]
        values = values.tolist()
    else:
        values = [None] * len(extra.columns)
    out: list = []
    for value in values:
        if _is_missing(value):
            out.append("" if csv_cells else None)
        elif isinstance(value, bool | np.bool_):
            out.append(("true" if value else "false") if csv_cells else bool(value))
        elif isinstance(value, int | np.integer):
            out.append(int(value))
        elif isinstance(value, float | np.floating):
            number = float(value)
            out.append(round(number, 6) if math.isfinite(number) else ("" if csv_cells else None))
        else:
            out.append(neutralise_cell(_text(value)) if csv_cells else _text(value))
    return out


def _check_extra(extra: pd.DataFrame | None) -> pd.DataFrame | None:
    if extra is None:
        return None
    clash = [c for c in extra.columns if c in schema.INCIDENT_COLUMNS or c in _EXTRA_RESERVED]
    if clash:
        raise ValueError(f"extra columns {clash} would replace columns of the export")
    return extra


def _incident_columns(incidents: pd.DataFrame) -> list[str]:
    """The schema's columns the frame has, in schema order.

    Columns a loader or view derives (not in the schema) are left out: the export publishes the
    documented data dictionary, nothing else.
    """
    return [c for c in schema.INCIDENT_COLUMNS if c in incidents.columns]


def incidents_to_csv(
    incidents: pd.DataFrame,
    sources: pd.DataFrame | None = None,
    *,
    extra: pd.DataFrame | None = None,
) -> bytes:
    """Spreadsheet-safe CSV of incidents (UTF-8 with BOM so Excel reads accents right).

    :param incidents: incident rows (already filtered); not modified.
    :param sources: source rows; those of the listed incidents are summarised per row.
    :param extra: more columns, indexed by incident id, written after ``source_count``.
    :returns: CSV bytes, LF line endings.
    :raises ValueError: an extra column has the name of an exported column.
    """
    extra = _check_extra(extra)
    extra_names = [] if extra is None else [str(c) for c in extra.columns]
    columns = _incident_columns(incidents)
    by_incident = _sources_by_incident(sources if sources is not None else pd.DataFrame())
    buffer = io.StringIO()
    # QUOTE_NONNUMERIC quotes every str and leaves float cells bare: numbers stay numbers.
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    header = (*columns, SOURCES_COLUMN, SOURCE_COUNT_COLUMN, *extra_names)
    writer.writerow([neutralise_cell(c) for c in header])
    for record in incidents[columns].to_dict("records"):
        row: list[object] = []
        for column in columns:
            value = record[column]
            if column in _NUMBER_COLUMNS:
                number = _number(value)
                # Whole numbers without ".0" (a radius of 120 km reads as 120).
                if number is not None and number.is_integer():
                    number = int(number)
                row.append("" if number is None else number)
            elif column in _DATE_COLUMNS:
                row.append(_date_text(value))
            else:
                row.append(neutralise_cell(_text(value)))
        linked = by_incident.get(_text(record.get(INC.id, "")), [])
        urls = _URL_SEPARATOR.join(s.get(SRC.url, "") for s in linked)
        row.append(neutralise_cell(urls))
        row.append(len(linked))
        row.extend(_extra_cells(extra, _text(record.get(INC.id, "")), csv_cells=True))
        writer.writerow(row)
    # The BOM makes Excel pick UTF-8; every other reader skips it.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _feature(
    record: dict, columns: Iterable[str], linked: list[dict], extra: pd.DataFrame | None = None
) -> dict | None:
    lon, lat = _number(record.get(INC.longitude)), _number(record.get(INC.latitude))
    if lon is None or lat is None:
        return None
    properties: dict[str, object] = {}
    for column in columns:
        value = record[column]
        if column in _NUMBER_COLUMNS:
            properties[column] = _number(value)
        elif column in _DATE_COLUMNS:
            properties[column] = _date_text(value) or None
        else:
            properties[column] = _text(value)
    properties[SOURCES_COLUMN] = linked
    properties[SOURCE_COUNT_COLUMN] = len(linked)
    if extra is not None:
        cells = _extra_cells(extra, _text(record.get(INC.id, "")), csv_cells=False)
        properties.update(zip(map(str, extra.columns), cells, strict=True))
    return {
        "type": "Feature",
        "id": _text(record.get(INC.id, "")),
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def geojson_document(
    incidents: pd.DataFrame,
    sources: pd.DataFrame | None = None,
    *,
    extra: pd.DataFrame | None = None,
) -> dict:
    """The incidents as an RFC 7946 FeatureCollection (a dict ready for ``json.dumps``).

    Incidents without coordinates are left out (the schema requires them, so this only matters
    for hand-made frames) and logged.

    :param incidents: incident rows (already filtered); not modified.
    :param sources: source rows, attached to their incidents as ``properties.sources``.
    :param extra: more properties, indexed by incident id (numbers, booleans or text).
    """
    extra = _check_extra(extra)
    columns = _incident_columns(incidents)
    by_incident = _sources_by_incident(sources if sources is not None else pd.DataFrame())
    features = []
    for record in incidents[columns].to_dict("records"):
        feature = _feature(
            record, columns, by_incident.get(_text(record.get(INC.id, "")), []), extra
        )
        if feature is None:
            log.warning("incident %s has no coordinates; left out of GeoJSON", record.get(INC.id))
            continue
        features.append(feature)
    document: dict[str, object] = {"type": "FeatureCollection", "features": features}
    if features:
        lons = [f["geometry"]["coordinates"][0] for f in features]
        lats = [f["geometry"]["coordinates"][1] for f in features]
        document["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    return document


def incidents_to_geojson(
    incidents: pd.DataFrame,
    sources: pd.DataFrame | None = None,
    *,
    extra: pd.DataFrame | None = None,
) -> bytes:
    """:func:`geojson_document` serialised as UTF-8 JSON (``application/geo+json``)."""
    document = geojson_document(incidents, sources, extra=extra)
    return json.dumps(document, ensure_ascii=False, allow_nan=False, indent=1).encode("utf-8")
