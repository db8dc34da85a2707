"""One filter model shared by the dashboard and the CLI exports.

A :class:`Filters` value says which incidents a view shows. The dashboard keeps it in the URL
query string (:meth:`Filters.to_query` / :meth:`Filters.from_query`), the export commands build it
from their options, and both call :meth:`Filters.apply`, so a published chart shows exactly the
incidents the dashboard showed.

Everything that comes from a user (a URL, a callback payload, a CLI option) goes through
:meth:`Filters.validated`, which drops what it cannot use and clamps the rest: unknown
interference types are dropped, dates are clamped to :data:`MIN_DATE`..:data:`MAX_DATE`, lists are
capped at :data:`MAX_VALUES`, free text at :data:`MAX_TEXT`. Nothing a user typed is ever evaluated:
the text search is a literal, case-insensitive substring match.

Date semantics: an incident covers the interval from its ``date`` to the later of its
``end_date`` and the end of the period its ``date_precision`` allows (an incident known only to
March 2024 covers the whole of March). It matches a date range when that interval overlaps the
range, so an incident known only to the month is neither dropped nor counted as day-exact. An
open-ended span (``end_date_precision=open``) covers the days it was reported going on, up to its
``end_date``; later days are not assumed.

>>> f = Filters.from_query("?interference=jamming&from=2024-01-01&q=Riga")
>>> f.interference, f.date_from, f.text
(('jamming',), datetime.date(2024, 1, 1), 'Riga')
>>> Filters.from_query(f.to_query()) == f
True
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import logging
import math
import re
import unicodedata
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tracker import safety, schema
from tracker.prepared import PreparedIncidents, frame_of
from tracker.schema import INC

__all__ = [
    "Filters",
    "MAX_VALUES",
    "MAX_TEXT",
    "MAX_POLYGON_VERTICES",
    "MAX_IDS",
    "MIN_DATE",
    "MAX_DATE",
    "SEARCH_COLUMNS",
    "search_text",
    "incident_interval",
]

logger = logging.getLogger(__name__)

#: Longest list accepted for one filter (regions, countries, ...).
MAX_VALUES = 50
#: Longest free-text search, in characters.
MAX_TEXT = 200
#: Most vertices kept from a lasso selection on the map.
MAX_POLYGON_VERTICES = 200
#: Most incident ids kept in an explicit id selection.
MAX_IDS = 200
#: Longest query string parsed; anything beyond is ignored (see :mod:`tracker.safety`).
MAX_QUERY_LENGTH = safety.MAX_QUERY_LENGTH
#: Longest region name accepted (region names are short labels such as "Baltic Sea region").
MAX_REGION_LENGTH = 100
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)

#: Columns searched by the free-text filter.
SEARCH_COLUMNS: tuple[str, ...] = (
    INC.id,
    INC.location,
    INC.summary,
    INC.effects,
    INC.aircraft,
    INC.operator,
    INC.flight,
)

_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
_ID_RE = re.compile(schema.ID_PATTERN)
_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
# Separator between searched fields, so a search cannot match across two fields.
_FIELD_SEP = "\x1f"

# Query-string keys. Short and stable: shared links depend on them.
_KEY_FROM = "from"
_KEY_TO = "to"
_KEY_INTERFERENCE = "interference"
_KEY_REGION = "region"
_KEY_COUNTRY = "country"
_KEY_CONFIDENCE = "confidence"
_KEY_TEXT = "q"
_KEY_AREA = "area"
_KEY_IDS = "id"


@dataclass(frozen=True)
class Filters:
    """Which incidents to show. Empty fields do not filter; the default matches everything.

    Build it with :meth:`validated` (lenient: clamps and drops) from anything a user typed; the
    plain constructor trusts its arguments.

    :param date_from: first day of the range (inclusive), or ``None`` for open.
    :param date_to: last day of the range (inclusive), or ``None`` for open.
    :param interference: interference types to keep (values of ``schema.INTERFERENCE_TYPES``).
    :param region: analyst regions to keep.
    :param country: ISO 3166-1 alpha-2 codes to keep.
    :param confidence: confidence levels to keep (values of ``schema.CONFIDENCE_LEVELS``).
    :param text: literal, case-insensitive text searched in id, location, summary, effects,
        aircraft, operator and flight.
    :param area: a selection polygon on the map as ``((lon, lat), ...)`` in WGS84 degrees (a box
        is a four-vertex polygon); empty for no area filter.
    :param ids: an explicit selection of incident ids; empty for none.
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    interference: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    confidence: tuple[str, ...] = ()
    text: str = ""
    area: tuple[tuple[float, float], ...] = ()
    ids: tuple[str, ...] = ()

    # ----------------------------------------------------------------- construction

    @classmethod
    def validated(
        cls,
        *,
        date_from=None,
        date_to=None,
        interference=None,
        region=None,
        country=None,
        confidence=None,
        text=None,
        area=None,
        ids=None,
        known_regions: Iterable[str] | None = None,
        known_countries: Iterable[str] | None = None,
    ) -> Filters:
        """Build filters from untrusted values, dropping what is unusable and clamping the rest.

        Accepts what a callback or URL may carry: strings or dates for dates, a string or a list
        for multi-valued filters. Never raises on bad values.

        :param known_regions: if given, regions not in it are dropped.
        :param known_countries: if given, country codes not in it are dropped.
        :returns: a :class:`Filters` with dates in order and every list deduplicated and capped.

        >>> Filters.validated(date_from="2030-01-01", date_to="2020-01-01", interference="bogus")
        Filters(date_from=datetime.date(2020, 1, 1), date_to=datetime.date(2030, 1, 1), \
interference=(), region=(), country=(), confidence=(), text='', area=(), ids=())
        """
        start, end = _clean_date(date_from), _clean_date(date_to)
        if start is not None and end is not None and start > end:
            start, end = end, start
        regions = _clean_list(region, _clean_region)
        if known_regions is not None:
            allowed = set(known_regions)
            regions = tuple(r for r in regions if r in allowed)
        countries = _clean_list(country, _clean_country)
        if known_countries is not None:
            allowed = set(known_countries)
            countries = tuple(c for c in countries if c in allowed)
        return cls(
            date_from=start,
            date_to=end,
            interference=_clean_enum(interference, schema.INTERFERENCE_TYPES),
            region=regions,
            country=countries,
            confidence=_clean_enum(confidence, schema.CONFIDENCE_LEVELS),
            text=_clean_text(text),
            area=_clean_polygon(area),
            ids=_clean_list(ids, _clean_id, cap=MAX_IDS),
        )

    def replace(self, **changes) -> Filters:
        """A copy with some fields changed, validated like :meth:`validated`."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        values.update(changes)
        return Filters.validated(**values)

    @property
    def is_empty(self) -> bool:
        """True when no filter is active (every incident matches)."""
        return self == Filters()

    # ----------------------------------------------------------------- URL round trip

    def to_query(self) -> str:
        """The filters as a URL query string starting with ``?``, or ``""`` when none is active.

        Multi-valued filters repeat their key (``region=A&region=B``) so values may hold commas.
        """
        pairs: list[tuple[str, str]] = []
        if self.date_from is not None:
            pairs.append((_KEY_FROM, self.date_from.isoformat()))
        if self.date_to is not None:
            pairs.append((_KEY_TO, self.date_to.isoformat()))
        for key, values in (
            (_KEY_INTERFERENCE, self.interference),
            (_KEY_REGION, self.region),
            (_KEY_COUNTRY, self.country),
            (_KEY_CONFIDENCE, self.confidence),
        ):
            pairs.extend((key, v) for v in values)
        if self.text:
            pairs.append((_KEY_TEXT, self.text))
        if self.area:
            pairs.append(
                (_KEY_AREA, ";".join(f"{_fmt(lon)},{_fmt(lat)}" for lon, lat in self.area))
            )
        pairs.extend((_KEY_IDS, i) for i in self.ids)
        if not pairs:
            return ""
        return "?" + urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote)

    @classmethod
    def from_query(cls, query: str | None, **known) -> Filters:
        """Parse a URL query string (with or without the leading ``?``). Never raises.

        Unknown keys are ignored, ill-typed values dropped, lists capped.

        :param known: ``known_regions``/``known_countries``, passed to :meth:`validated`.
        """
        params = parse_query(query)
        area_text = (params.get(_KEY_AREA) or [""])[0]
        return cls.validated(
            date_from=(params.get(_KEY_FROM) or [None])[0],
            date_to=(params.get(_KEY_TO) or [None])[0],
            interference=params.get(_KEY_INTERFERENCE),
            region=params.get(_KEY_REGION),
            country=params.get(_KEY_COUNTRY),
            confidence=params.get(_KEY_CONFIDENCE),
            text=(params.get(_KEY_TEXT) or [""])[0],
            area=_parse_polygon(area_text),
            ids=params.get(_KEY_IDS),
            **known,
        )

    # ----------------------------------------------------------------- application

    def mask(self, incidents: pd.DataFrame | PreparedIncidents) -> np.ndarray:
        """Boolean array: which rows of ``incidents`` match. The input is not modified.

        A :class:`~tracker.prepared.PreparedIncidents` gives its precomputed days; a plain
        frame has them computed.
        """
        prepared = incidents if isinstance(incidents, PreparedIncidents) else None
        incidents = frame_of(incidents)
        n = len(incidents)
        keep = np.ones(n, dtype=bool)
        if n == 0:
            return keep
        for column, values in (
            (INC.interference, self.interference),
            (INC.region, self.region),
            (INC.country, self.country),
            (INC.confidence, self.confidence),
        ):
            if values:
                keep &= _isin(incidents[column], values)
        if self.ids:
            keep &= incidents[INC.id].isin(self.ids).to_numpy(dtype=bool, na_value=False)
        if self.date_from is not None or self.date_to is not None:
            if prepared is not None:
                start, end = prepared.start_days, prepared.end_days
            else:
                start, end = (a.astype("int64") for a in incident_interval(incidents))
            # NaT becomes the most negative int64: such rows fail any date bound, as they should.
            if self.date_from is not None:
                keep &= end >= np.datetime64(self.date_from, "D").astype("int64")
            if self.date_to is not None:
                keep &= (start <= np.datetime64(self.date_to, "D").astype("int64")) & (
                    start != np.iinfo("int64").min
                )
        if self.area and keep.any():
            lon = incidents[INC.longitude].to_numpy(dtype=float, na_value=np.nan)
            lat = incidents[INC.latitude].to_numpy(dtype=float, na_value=np.nan)
            keep &= _points_in_polygon(lon, lat, self.area, where=keep)
        if self.text and keep.any():
            keep &= _text_mask(incidents, self.text, where=keep)
        return keep

    def apply(self, incidents: pd.DataFrame | PreparedIncidents):
        """The rows of ``incidents`` matching these filters, as a new object of the same type
        (input untouched)."""
        if isinstance(incidents, PreparedIncidents):
            return incidents if self.is_empty else incidents.take(self.mask(incidents))
        if self.is_empty:
            return incidents.copy(deep=False)
        return incidents.loc[self.mask(incidents)]

    # ----------------------------------------------------------------- description

    def describe(self) -> str:
        """A short sentence naming the active filters, for chart subtitles and screen readers.

        >>> Filters.validated(interference=["jamming"], region=["Baltic Sea region"]).describe()
        'Jamming · Baltic Sea region'
        >>> Filters().describe()
        'All incidents'
        """
        parts: list[str] = []
        if self.interference:
            parts.append(_or_list(self.interference).capitalize())
        if self.region:
            parts.append(_or_list(self.region))
        if self.country:
            names = schema.country_names()
            parts.append(_or_list(tuple(names.get(c, c) for c in self.country)))
        if self.confidence:
            parts.append("confidence " + _or_list(self.confidence))
        if self.date_from and self.date_to:
            parts.append(f"{_fmt_date(self.date_from)} – {_fmt_date(self.date_to)}")
        elif self.date_from:
            parts.append(f"from {_fmt_date(self.date_from)}")
        elif self.date_to:
            parts.append(f"until {_fmt_date(self.date_to)}")
        if self.text:
            parts.append(f"matching “{self.text}”")
        if self.area:
            parts.append("within the selected map area")
        if self.ids:
            n = len(self.ids)
            parts.append(f"{n} selected incident{'s' if n != 1 else ''}")
        return " · ".join(parts) if parts else "All incidents"


# --------------------------------------------------------------------------- helpers


def parse_query(query: str | None) -> dict[str, list[str]]:
    """Parse a query string into ``{key: [values]}``, tolerating junk; never raises."""
    if not isinstance(query, str):
        return {}
    query = query[:MAX_QUERY_LENGTH].lstrip("?")
    try:
        return urllib.parse.parse_qs(query, keep_blank_values=False, max_num_fields=500)
    except ValueError:  # more fields than max_num_fields, or undecodable
        return {}


def search_text(incidents: pd.DataFrame) -> pd.Series:
    """One lower-case string per incident joining the searched columns, for fast text search.

    :meth:`Filters.mask` searches the columns one by one (see :func:`_search_columns`) and
    builds this text only for rows holding non-ASCII text.
    """
    if len(incidents) == 0:
        return pd.Series([], index=incidents.index, dtype="str")
    parts = [incidents[c].fillna("").astype(str) for c in SEARCH_COLUMNS if c in incidents.columns]
    joined = parts[0].str.cat(parts[1:], sep=_FIELD_SEP) if len(parts) > 1 else parts[0]
    return joined.str.casefold()


def incident_interval(incidents: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """First and last day each incident may cover, as ``datetime64[D]`` arrays.

    The last day is the later of ``end_date`` and the end of the period allowed by
    ``date_precision`` (the month for ``month``, the year for ``year``).
    """
    start = _to_days(incidents[INC.date])
    end = start.copy()
    if INC.date_precision in incidents.columns:
        precision = incidents[INC.date_precision].to_numpy(dtype=object)
        month = precision == "month"
        year = precision == "year"
        if month.any():
            months = start[month].astype("datetime64[M]")
            end[month] = (months + 1).astype("datetime64[D]") - 1
        if year.any():
            years = start[year].astype("datetime64[Y]")
            end[year] = (years + 1).astype("datetime64[D]") - 1
    if INC.end_date in incidents.columns:
        stop = _to_days(incidents[INC.end_date])
        later = ~np.isnat(stop) & (stop > end)
        end[later] = stop[later]
    return start, end


def _to_days(values: pd.Series) -> np.ndarray:
    """A date column (datetime64, tz-aware or not, or ISO strings) as ``datetime64[D]``."""
    if not pd.api.types.is_datetime64_any_dtype(values):
        values = pd.to_datetime(values, errors="coerce", format="ISO8601")
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    return values.to_numpy(dtype="datetime64[D]")


def _text_mask(incidents: pd.DataFrame, text: str, *, where: np.ndarray) -> np.ndarray:
    needle = text.casefold()
    out = np.zeros(len(incidents), dtype=bool)
    rows = np.flatnonzero(where)
    # Take only the searched column(s), never the whole frame.
    columns = [c for c in SEARCH_COLUMNS if c in incidents.columns]
    subset = incidents[columns] if len(rows) == len(incidents) else incidents[columns].iloc[rows]
    out[rows[_search_columns(subset, needle)]] = True
    return out


def _search_columns(frame: pd.DataFrame, needle: str) -> np.ndarray:
    """Rows of ``frame`` where :func:`search_text` contains ``needle`` (already case-folded),
    without building that text for every row.

    For ASCII text ``str.casefold`` is ``str.lower``, which Arrow computes and searches in C,
    column by column. Rows holding any non-ASCII text (where full case folding can differ, as
    ``ß`` becomes ``ss``) are searched exactly as :func:`search_text` would.
    """
    if not len(frame) or _FIELD_SEP in needle:
        hay = search_text(frame)
        return hay.str.contains(needle, regex=False).to_numpy(dtype=bool, na_value=False)
    found = np.zeros(len(frame), dtype=bool)
    exotic = np.zeros(len(frame), dtype=bool)
    for column in frame.columns:
        array = pa.array(frame[column].fillna("").astype(str), from_pandas=True)
        ascii_only = pc.string_is_ascii(array).to_numpy(zero_copy_only=False)
        exotic |= ~ascii_only
        hit = pc.match_substring(pc.utf8_lower(array), needle).to_numpy(zero_copy_only=False)
        found |= hit & ascii_only
    if exotic.any():
        rows = np.flatnonzero(exotic)
        hay = search_text(frame.iloc[rows])
        found[rows] = hay.str.contains(needle, regex=False).to_numpy(dtype=bool, na_value=False)
    return found


def _points_in_polygon(
    lon: np.ndarray, lat: np.ndarray, polygon: tuple[tuple[float, float], ...], *, where
) -> np.ndarray:
    """Even-odd ray casting, vectorised; tests only rows in ``where`` and the polygon's bbox."""
    poly = np.asarray(polygon, dtype=float)
    out = np.zeros(len(lon), dtype=bool)
    if len(poly) < 3:
        return out
    xs, ys = poly[:, 0], poly[:, 1]
    candidate = (
        where & (lon >= xs.min()) & (lon <= xs.max()) & (lat >= ys.min()) & (lat <= ys.max())
    )
    rows = np.flatnonzero(candidate)
    if len(rows) == 0:
        return out
    if len(poly) == 4 and _is_axis_box(poly):
        out[rows] = True
        return out
    px, py = lon[rows], lat[rows]
    inside = np.zeros(len(rows), dtype=bool)
    x2, y2 = np.roll(xs, 1), np.roll(ys, 1)
    for x_a, y_a, x_b, y_b in zip(xs, ys, x2, y2, strict=True):
        crosses = (y_a > py) != (y_b > py)
        if not crosses.any():
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            x_cross = (x_b - x_a) * (py - y_a) / (y_b - y_a) + x_a
        inside ^= crosses & (px < x_cross)
    out[rows] = inside
    return out


def _is_axis_box(poly: np.ndarray) -> bool:
    return len(set(np.round(poly[:, 0], 9))) == 2 and len(set(np.round(poly[:, 1], 9))) == 2


def _clean_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    elif isinstance(value, pd.Timestamp):
        value = value.date() if not pd.isna(value) else None
    elif isinstance(value, str):
        match = _DATE_RE.match(value[:40])
        if not match:
            return None
        year, month, day = (int(g) for g in match.groups())
        year = min(max(year, 1), 9999)
        month = min(max(month, 1), 12)
        day = min(max(day, 1), calendar.monthrange(year, month)[1])
        value = dt.date(year, month, day)
    if not isinstance(value, dt.date):
        return None
    return min(max(value, MIN_DATE), MAX_DATE)


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        return [value]
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)[: MAX_VALUES * 4]
    return []


def _clean_list(value, clean, *, cap: int = MAX_VALUES) -> tuple[str, ...]:
    out: list[str] = []
    for item in _as_list(value):
        cleaned = clean(item) if isinstance(item, str) else None
        if cleaned and cleaned not in out:
            out.append(cleaned)
        if len(out) >= cap:
            break
    return tuple(out)


def _clean_enum(value, allowed: tuple[str, ...]) -> tuple[str, ...]:
    values = _clean_list(value, lambda s: s.strip().lower())
    # Keep the schema's order so equal selections give equal filters (and equal URLs).
    return tuple(a for a in allowed if a in values)


def _strip_controls(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")


def _clean_text(value) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(_strip_controls(value[: MAX_TEXT * 4]).split())[:MAX_TEXT]


def _clean_region(value: str) -> str | None:
    text = " ".join(_strip_controls(value[: MAX_REGION_LENGTH * 2]).split())
    return text[:MAX_REGION_LENGTH] or None


def _clean_country(value: str) -> str | None:
    code = value.strip().upper()
    return code if _COUNTRY_RE.match(code) else None


def _clean_id(value: str) -> str | None:
    value = value.strip()
    return value if len(value) <= schema.ID_MAX_LENGTH and _ID_RE.match(value) else None


def _clean_polygon(value) -> tuple[tuple[float, float], ...]:
    points: list[tuple[float, float]] = []
    for item in _as_list(value)[:MAX_POLYGON_VERTICES]:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            return ()
        try:
            lon, lat = float(item[0]), float(item[1])
        except (TypeError, ValueError):
            return ()
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return ()
        points.append(
            (round(min(max(lon, -180.0), 180.0), 4), round(min(max(lat, -90.0), 90.0), 4))
        )
    return tuple(points) if len(points) >= 3 else ()


def _parse_polygon(text: str) -> list[list[str]]:
    if not isinstance(text, str) or not text:
        return []
    return [pair.split(",") for pair in text.split(";")[:MAX_POLYGON_VERTICES]]


def _fmt(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".")


def _fmt_date(d: dt.date) -> str:
    return f"{d.day} {d:%b} {d.year}"


def _or_list(values: tuple[str, ...]) -> str:
    if len(values) <= 1:
        return "".join(values)
    if len(values) > 4:
        return ", ".join(values[:3]) + f" or {len(values) - 3} more"
    return ", ".join(values[:-1]) + " or " + values[-1]


def _isin(values: pd.Series, wanted) -> np.ndarray:
    """Boolean array: which ``values`` are among ``wanted`` (missing values never are).

    A category column is answered from its integer codes through a table of the categories
    wanted: one indexing pass instead of pandas' hashing of every row.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = values.cat.categories
        table = np.zeros(len(categories) + 1, dtype=bool)  # the last slot answers code -1
        table[:-1] = categories.isin(list(wanted))
        return table[values.cat.codes.to_numpy()]
    return values.isin(wanted).to_numpy(dtype=bool, na_value=False)
