"""Plotly figures shared by the dashboard and the exports: pure functions of a DataFrame.

Each function takes a frame (incidents, or a table from :mod:`tracker.stats`), never modifies it,
accepts an empty one (the figure then says that nothing matches) and returns a
``plotly.graph_objects.Figure`` styled with :data:`TEMPLATE`. Titles are optional keyword
arguments, so an export can add its title, subtitle and footer while the dashboard leaves them out.

Every piece of dataset text placed in hover labels or titles goes through :func:`escape`: plotly
renders a subset of HTML (``<a href>``, ``<b>``) in those places, and incident text is untrusted.

Maps use ``scattergeo`` (SVG, no WebGL, no tiles). Plotly.js loads country outlines from
``topojsonURL``; the dashboard points it at ``tracker/assets/topojson/`` and exports use
:data:`TOPOJSON_DIR`, so nothing is fetched from a CDN.
"""

from __future__ import annotations

import functools
import html
import logging
import math
import pathlib
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from tracker import schema, stats
from tracker.prepared import PreparedIncidents, frame_of
from tracker.schema import INC
from tracker.stats import STAT, TL

__all__ = [
    "TEMPLATE",  # noqa: F822 - built on first use by the module's __getattr__
    "TEMPLATE_NAME",
    "TYPE_COLORS",
    "TYPE_SYMBOLS",
    "TYPE_LABELS",
    "TOPOJSON_DIR",
    "MAX_POINTS",
    "MAX_HEXES",
    "MAX_AREA_CIRCLES",
    "escape",
    "map_figure",
    "timeline_figure",
    "regions_figure",
    "empty_figure",
    "add_titles",
    "hover_text",
    "date_labels",
    "geo_bounds",
    "mercator_aspect",
    "MAP_ASPECT",
]

logger = logging.getLogger(__name__)

#: Local map outlines (world_50m/world_110m topojson) for exports; see STACK.md section 2a.
TOPOJSON_DIR = pathlib.Path(__file__).resolve().parent / "assets" / "topojson"

#: Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; marker symbols
#: differ too, so the types stay apart in greyscale print.
TYPE_COLORS: dict[str, str] = {
    "jamming": "#D55E00",  # vermillion
    "spoofing": "#0072B2",  # blue
    "both": "#CC79A7",  # reddish purple
    "unknown": "#7A7A7A",  # neutral grey
}
TYPE_SYMBOLS: dict[str, str] = {
    "jamming": "circle",
    "spoofing": "diamond",
    "both": "square",
    "unknown": "triangle-up",
}
TYPE_LABELS: dict[str, str] = {
    "jamming": "Jamming",
    "spoofing": "Spoofing",
    "both": "Jamming and spoofing",
    "unknown": "Type unknown",
}
#: Legend labels where space is short (the map).
_SHORT_LABELS: dict[str, str] = {
    "jamming": "Jamming",
    "spoofing": "Spoofing",
    "both": "Both",
    "unknown": "Unknown",
}
assert set(TYPE_COLORS) == set(schema.INTERFERENCE_TYPES) == set(_SHORT_LABELS)

#: Above this many incidents the map shows H3 hexagons instead of one marker per incident, so a
#: filter change over a large dataset sends a bounded number of bytes.
MAX_POINTS = 5000
#: Most hexagons drawn; a coarser H3 resolution is used until the count fits.
MAX_HEXES = 2500
#: Most radius circles drawn for area incidents (each is a 49-vertex polygon).
MAX_AREA_CIRCLES = 1500

_FONT = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif'
_INK = "#1f2933"
_MUTED = "#5f6b7a"
_GRID = "#e6e9ee"

TEMPLATE_NAME = "gnss_tracker"
#: The layout of the one plotly template of the project (dashboard and exports), as plain
#: values: the dashboard sends it as is; :data:`TEMPLATE` is the validated template object.
_TEMPLATE_LAYOUT: dict = dict(
    font=dict(family=_FONT, size=13, color=_INK),
    title=dict(font=dict(size=17, color=_INK), x=0.0, xanchor="left", xref="paper"),
    colorway=[TYPE_COLORS[t] for t in schema.INTERFERENCE_TYPES]
    + ["#E69F00", "#56B4E9", "#009E73", "#F0E442"],
    paper_bgcolor="#ffffff",
    plot_bgcolor="#ffffff",
    margin=dict(l=10, r=10, t=30, b=10),
    hoverlabel=dict(font=dict(family=_FONT, size=12), align="left"),
    legend=dict(
        orientation="h",
        yanchor="bottom",
        y=1.0,
        xanchor="left",
        x=0.0,
        font=dict(size=12),
        bgcolor="rgba(255,255,255,0.8)",
    ),
    xaxis=dict(
        gridcolor=_GRID,
        linecolor="#c5ccd6",
        zeroline=False,
        ticks="outside",
        tickcolor="#c5ccd6",
        automargin=True,
    ),
    yaxis=dict(gridcolor=_GRID, linecolor="#c5ccd6", zeroline=False, automargin=True),
    geo=dict(
        showland=True,
        landcolor="#f1efe9",
        showocean=True,
        oceancolor="#e4eef5",
        showlakes=True,
        lakecolor="#e4eef5",
        showcountries=True,
        countrycolor="#b9b4a8",
        countrywidth=0.6,
        coastlinecolor="#9c9788",
        coastlinewidth=0.6,
        showframe=False,
        projection=dict(type="mercator"),
        resolution=50,
        bgcolor="#ffffff",
    ),
)
#: :data:`TEMPLATE` as the plain dict a figure's JSON carries.
_TEMPLATE_JSON = {"layout": _TEMPLATE_LAYOUT}


@functools.cache
def _template() -> go.layout.Template:
    """The template object, built (and registered with plotly as :data:`TEMPLATE_NAME`) on
    first use: validating it loads plotly's layout classes, which the dashboard's server never
    needs otherwise (a tenth of a second of every cold start)."""
    template = go.layout.Template(layout=go.Layout(_TEMPLATE_LAYOUT))
    pio.templates[TEMPLATE_NAME] = template
    return template


def __getattr__(name: str):
    # TEMPLATE, the one plotly template of the project, built on first use (see _template).
    if name == "TEMPLATE":
        return _template()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def escape(text) -> str:
    """Make untrusted text inert in plotly labels: ``<``, ``>`` and ``&`` become entities."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return html.escape(str(text), quote=False)


def _escape_series(values: pd.Series) -> pd.Series:
    text = values.fillna("").astype(str)
    return (
        text.str.replace("&", "&amp;", regex=False)
        .str.replace("<", "&lt;", regex=False)
        .str.replace(">", "&gt;", regex=False)
    )


def add_titles(
    fig: go.Figure, *, title: str | None = None, subtitle: str | None = None
) -> go.Figure:
    """Set an (escaped) title and subtitle, making room for them at the top. Returns ``fig``."""
    if not title and not subtitle:
        return fig
    fig.update_layout(
        title=dict(
            text=escape(title or ""),
            subtitle=dict(text=escape(subtitle or ""), font=dict(size=13, color=_MUTED)),
            y=0.98,
            yanchor="top",
            yref="container",
        ),
    )
    fig.update_layout(margin=dict(t=90 if subtitle else 60))
    # The horizontal legend sits under the titles, not over them.
    fig.update_layout(legend=dict(y=1.0, yanchor="bottom"))
    return fig


def _make(
    traces: list, layout: dict, *, title, subtitle, height, as_dict: bool = False
) -> go.Figure | dict:
    """One figure from trace and layout dicts, built in one go.

    The traces and layout are made here from known-good literals and arrays, so plotly's
    per-property validation, and a rebuild per ``add_trace``/``update_layout`` call (together
    most of a filter change's time at 100k incidents), are skipped.

    :param as_dict: return ``{"data": traces, "layout": layout}``, the figure as Dash sends it,
        instead of a ``go.Figure``: no copy of the arrays, and Dash's JSON encoder (orjson)
        writes them directly. The dashboard uses it; exports need the ``Figure``.
    """
    if as_dict and not title and not subtitle:
        layout = dict(layout, template=_TEMPLATE_JSON)
        if height:
            layout["height"] = height
        return {"data": traces, "layout": layout}
    layout = dict(layout, template=_template())
    if height:
        layout["height"] = height
    fig = go.Figure(data=traces, layout=layout, _validate=False)
    fig = add_titles(fig, title=title, subtitle=subtitle)
    return fig.to_plotly_json() if as_dict else fig


def empty_figure(
    message: str = "No incidents match these filters.",
    *,
    title=None,
    subtitle=None,
    height=None,
    as_dict: bool = False,
) -> go.Figure | dict:
    """A blank figure carrying ``message`` in its middle (``as_dict``: see :func:`map_figure`)."""
    layout = dict(
        xaxis=dict(visible=False), yaxis=dict(visible=False), annotations=[_centre_note(message)]
    )
    return _make([], layout, title=title, subtitle=subtitle, height=height, as_dict=as_dict)


def _centre_note(message: str) -> dict:
    return dict(
        text=escape(message),
        xref="paper",
        yref="paper",
        x=0.5,
        y=0.5,
        showarrow=False,
        font=dict(size=15, color=_MUTED),
        bgcolor="rgba(255,255,255,0.85)",
    )


# --------------------------------------------------------------------------- map


_MONTH_ABBR = np.array(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    dtype=object,
)


def _day_strings(values: pd.Series) -> np.ndarray:
    """``YYYY-MM-DD`` per date (``""`` for missing), via numpy: strftime is ~50x slower."""
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    days = values.to_numpy(dtype="datetime64[D]")
    text = np.datetime_as_string(days, unit="D").astype(object)
    text[np.isnat(days)] = ""
    return text


def date_labels(incidents: pd.DataFrame) -> pd.Series:
    """Dates as shown to people: day, or "Mar 2024 (month only)", or "2023 (year only)"."""
    day = _day_strings(incidents[INC.date])
    labels = np.where(day == "", "date unknown", day).astype(object)
    if INC.date_precision in incidents.columns:
        precision = incidents[INC.date_precision].to_numpy(dtype=object)
        month = precision == "month"
        year = precision == "year"
        if month.any():
            m = day[month]
            month_index = np.array([int(v[5:7]) - 1 if v else 0 for v in m])
            labels[month] = (
                _MONTH_ABBR[month_index]
                + " "
                + np.array([v[:4] for v in m], dtype=object)
                + " (month only)"
            )
        if year.any():
            labels[year] = np.array([v[:4] for v in day[year]], dtype=object) + " (year only)"
    if INC.end_date in incidents.columns:
        end = _day_strings(incidents[INC.end_date])
        has_end = end != ""
        shown = end.copy()
        end_precision = np.full(len(end), "", dtype=object)
        if INC.end_date_precision in incidents.columns:
            end_precision = incidents[INC.end_date_precision].to_numpy(dtype=object)
        # An end known only to the month reads as the month, never as its last day.
        month_end = has_end & (end_precision == "month")
        if month_end.any():
            m = end[month_end]
            shown[month_end] = (
                _MONTH_ABBR[np.array([int(v[5:7]) - 1 for v in m])]
                + " "
                + np.array([v[:4] for v in m], dtype=object)
                + " (month only)"
            )
        if has_end.any():
            labels[has_end] = labels[has_end] + " to " + shown[has_end]
        # An open-ended span: the end date is when it was last reported still going on.
        open_end = has_end & (end_precision == "open")
        labels[open_end] = labels[open_end] + " or later"
    return pd.Series(labels, index=incidents.index, dtype="str")


def hover_text(incidents: pd.DataFrame) -> pd.Series:
    """The map's hover label of each incident: place, date (with its precision), type, confidence.

    All dataset text in it is escaped.
    """
    if len(incidents) == 0:
        return pd.Series([], index=incidents.index, dtype="str")
    kinds = incidents[INC.interference].map(TYPE_LABELS).fillna(incidents[INC.interference])
    text = (
        "<b>"
        + _escape_series(incidents[INC.location])
        + "</b><br>"
        + date_labels(incidents)
        + " · "
        + _escape_series(kinds)
        + "<br>Confidence: "
        + _escape_series(incidents[INC.confidence])
    )
    if INC.radius_km in incidents.columns:
        radius = incidents[INC.radius_km]
        has = radius.notna() & (radius > 0)
        if has.any():
            text = text.where(
                ~has,
                text + "<br>Area, radius " + radius.round(0).astype("Int64").astype(str) + " km",
            )
    return text


def _circles(lat: np.ndarray, lon: np.ndarray, radius_km: np.ndarray, n: int = 48):
    """Geodesic circles (spherical Earth) as flat lon/lat arrays, rings separated by NaN."""
    r = (radius_km / 6371.0088)[:, None]
    phi1 = np.radians(lat)[:, None]
    lam1 = np.radians(lon)[:, None]
    bearings = np.linspace(0, 2 * math.pi, n + 1)[None, :]
    phi2 = np.arcsin(np.sin(phi1) * np.cos(r) + np.cos(phi1) * np.sin(r) * np.cos(bearings))
    lam2 = lam1 + np.arctan2(
        np.sin(bearings) * np.sin(r) * np.cos(phi1), np.cos(r) - np.sin(phi1) * np.sin(phi2)
    )
    lons = (np.degrees(lam2) + 540) % 360 - 180
    lats = np.degrees(phi2)
    gap = np.full((len(lat), 1), np.nan)
    return (
        np.round(np.hstack([lons, gap]).ravel(), 3),
        np.round(np.hstack([lats, gap]).ravel(), 3),
    )


def _area_traces(prepared: pd.DataFrame | PreparedIncidents) -> list[dict]:
    incidents = frame_of(prepared)
    if INC.radius_km not in incidents.columns:
        return []
    radius = incidents[INC.radius_km].to_numpy(dtype=float, na_value=np.nan)
    rows = np.flatnonzero(radius > 0)  # NaN compares False
    if len(rows) == 0:
        return []
    if len(rows) > MAX_AREA_CIRCLES:  # keep the largest areas
        rows = rows[np.argsort(-radius[rows], kind="stable")[:MAX_AREA_CIRCLES]]
    lat = incidents[INC.latitude].to_numpy(dtype=float)[rows]
    lon = incidents[INC.longitude].to_numpy(dtype=float)[rows]
    kinds = stats.type_codes(prepared)[rows]
    radius = radius[rows]
    traces = []
    for code, kind in enumerate(schema.INTERFERENCE_TYPES):
        mask = kinds == code
        if not mask.any():
            continue
        lons, lats = _circles(lat[mask], lon[mask], radius[mask])
        color = TYPE_COLORS[kind]
        traces.append(
            dict(
                type="scattergeo",
                lon=lons,
                lat=lats,
                mode="lines",
                fill="toself",
                fillcolor=_rgba(color, 0.12),
                line=dict(color=color, width=1),
                hoverinfo="skip",
                name=f"{TYPE_LABELS[kind]} area",
                legendgroup=kind,
                showlegend=False,
            )
        )
    return traces


def _rgba(hex_color: str, alpha: float) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _point_traces(prepared: pd.DataFrame | PreparedIncidents, *, hover: bool = True) -> list[dict]:
    incidents = frame_of(prepared)
    # Plain arrays indexed per type: cheaper than taking rows of the frame four times.
    labels = hover_text(incidents).to_numpy(dtype=object) if hover else None
    ids = incidents[INC.id].to_numpy(dtype=object) if hover else None
    lon = incidents[INC.longitude].to_numpy(dtype=float).round(4)
    lat = incidents[INC.latitude].to_numpy(dtype=float).round(4)
    kinds = stats.type_codes(prepared)
    traces = []
    for code, kind in enumerate(schema.INTERFERENCE_TYPES):
        mask = kinds == code
        if not mask.any():
            continue
        pointer = (
            dict(customdata=ids[mask], text=labels[mask], hovertemplate="%{text}<extra></extra>")
            if hover
            else dict(hoverinfo="skip")
        )
        traces.append(
            dict(
                type="scattergeo",
                lon=lon[mask],
                lat=lat[mask],
                **pointer,
                mode="markers",
                name=f"{_SHORT_LABELS[kind]} ({mask.sum():,})",
                legendgroup=kind,
                marker=dict(
                    color=TYPE_COLORS[kind],
                    symbol=TYPE_SYMBOLS[kind],
                    size=9,
                    opacity=0.85,
                    line=dict(color="#ffffff", width=0.8),
                ),
                # Selected/unselected styling keeps box/lasso selection readable.
                unselected=dict(marker=dict(opacity=0.25)),
            )
        )
    return traces


#: Class breaks (lower bounds) for incidents per hexagon; sequential viridis colours, readable
#: with colour-vision deficiencies and in greyscale.
_HEX_BREAKS = (1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10_000)
_HEX_COLORS = (
    "#fde725",
    "#c2df23",
    "#86d549",
    "#52c569",
    "#2ab07f",
    "#1e9b8a",
    "#25858e",
    "#2d708e",
    "#38588c",
    "#433e85",
    "#482173",
    "#440154",
)


@functools.lru_cache(maxsize=100_000)
def _cell_geometry(cell: int) -> tuple[tuple[float, ...], tuple[float, ...], float, float]:
    """Closed outline (lons, lats, NaN-terminated) and centre of one H3 cell, rounded."""
    import h3.api.numpy_int as h3int

    # H3 rings run counter-clockwise; plotly's geo fill (d3-geo) reads a counter-clockwise ring
    # as "the whole globe except this hexagon" and paints everything. Reverse it.
    boundary = tuple(h3int.cell_to_boundary(cell))[::-1]
    ring_lon = [round(p[1], 3) for p in boundary]
    if max(ring_lon) - min(ring_lon) > 180:  # crosses the antimeridian: keep it contiguous
        ring_lon = [x + 360 if x < 0 else x for x in ring_lon]
    ring_lat = [round(p[0], 3) for p in boundary]
    nan = float("nan")
    lat, lon = h3int.cell_to_latlng(cell)
    return (
        (*ring_lon, ring_lon[0], nan),
        (*ring_lat, ring_lat[0], nan),
        round(lon, 3),
        round(lat, 3),
    )


def _hex_rings(cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hexagon outlines as flat lon/lat arrays, rings separated by NaN (one array per axis).

    Flat float arrays travel as compact base64 in plotly's JSON and are cheap to copy, unlike a
    GeoJSON dict of thousands of features (a choropleth), which plotly deep-copies several times.
    Cell geometry is cached: the same hexagons come back on every filter change.
    """
    geometry = [_cell_geometry(c) for c in cells.tolist()]
    lons = np.fromiter((x for g in geometry for x in g[0]), dtype=float)
    lats = np.fromiter((y for g in geometry for y in g[1]), dtype=float)
    return lons, lats


def _hex_traces(
    incidents: pd.DataFrame | PreparedIncidents, *, hover: bool = True
) -> tuple[list, int]:
    counts, resolution = stats.hex_counts(incidents, max_hexes=MAX_HEXES)
    if len(counts) == 0:
        return [], resolution
    # Plain arrays and lists: masking a frame per class, or formatting a Series per column,
    # costs more than the drawing data itself.
    cells = counts["hex"].to_numpy(dtype="int64")
    totals = counts[STAT.incidents].to_numpy(dtype="int64")
    classes = np.searchsorted(np.array(_HEX_BREAKS), totals, side="right") - 1
    traces: list = []
    for k in np.unique(classes).tolist():
        low = _HEX_BREAKS[k]
        high = _HEX_BREAKS[k + 1] - 1 if k + 1 < len(_HEX_BREAKS) else None
        label = f"{low:,}" if high == low else (f"{low:,}–{high:,}" if high else f"{low:,}+")
        lon, lat = _hex_rings(cells[classes == k])
        traces.append(
            dict(
                type="scattergeo",
                lon=lon,
                lat=lat,
                mode="lines",
                fill="toself",
                fillcolor=_rgba(_HEX_COLORS[k], 0.75),
                line=dict(color=_rgba(_HEX_COLORS[k], 0.9), width=0.5),
                hoverinfo="skip",
                name=label,
                legendgroup="hex",
            )
        )
    # Hover and box/lasso selection work on points, so each hexagon also gets a centre marker.
    cell_list = cells.tolist()
    centres = np.array([_cell_geometry(c)[2:4] for c in cell_list], dtype=float).reshape(-1, 2)
    pointer: dict = dict(hoverinfo="skip")
    if hover:
        per_type = [counts[kind].tolist() for kind in schema.INTERFERENCE_TYPES]
        # One format string for every label: a join of a generator per hexagon cost twice as
        # much (2.4 ms against 1.0 ms for a thousand hexagons).
        template = "<b>{:,} incidents</b>" + "".join(
            "<br>" + TYPE_LABELS[kind].replace("{", "{{").replace("}", "}}") + ": {:,}"
            for kind in schema.INTERFERENCE_TYPES
        )
        labels = [template.format(*row) for row in zip(totals.tolist(), *per_type, strict=True)]
        pointer = dict(
            customdata=np.array([str(c) for c in cell_list], dtype=object),
            text=np.array(labels, dtype=object),
            hovertemplate="%{text}<extra></extra>",
        )
    traces.append(
        dict(
            type="scattergeo",
            lon=centres[:, 0],
            lat=centres[:, 1],
            **pointer,
            mode="markers",
            # Hover and selection targets only: nearly invisible, or at world scale thousands of
            # overlapping dots would hide the hexagons they describe.
            marker=dict(size=7, color="rgba(0,0,0,0.02)", line=dict(width=0)),
            name="Hexagon centres",
            showlegend=False,
        )
    )
    return traces, resolution


def geo_bounds(incidents: pd.DataFrame | PreparedIncidents, *, aspect: float | None = None) -> dict:
    """Map extent around the incidents, padded, shaped to fill a frame of ``aspect``.

    plotly's ``fitbounds`` picks the shortest way round the globe, so incidents in Europe, East
    Asia and California come out centred on the Pacific; explicit ranges keep the usual view.
    The box is widened (never cropped) until its Mercator shape is the frame's, so the map fills
    the frame instead of leaving empty bands beside or above it.

    :param aspect: width / height of the plot area the map is drawn in, pixels; by default the
        dashboard's (:data:`MAP_ASPECT`). An export passes its own.
    :returns: the ``layout.geo`` properties (``lonaxis``, ``lataxis``, ``center``, ``fitbounds``).
    """
    incidents = frame_of(incidents)
    lat = incidents[INC.latitude].to_numpy(dtype=float, na_value=np.nan) if len(incidents) else []
    lon = incidents[INC.longitude].to_numpy(dtype=float, na_value=np.nan) if len(incidents) else []
    ok = ~(np.isnan(lat) | np.isnan(lon)) if len(incidents) else np.array([], dtype=bool)
    if not ok.any():
        lon0, lon1, lat0, lat1 = -15.0, 60.0, 25.0, 72.0
    else:
        lat, lon = lat[ok], lon[ok]
        pad_lon = max(4.0, (lon.max() - lon.min()) * 0.06)
        pad_lat = max(3.0, (lat.max() - lat.min()) * 0.08)
        lon0, lon1 = max(-180.0, lon.min() - pad_lon), min(180.0, lon.max() + pad_lon)
        lat0, lat1 = max(-60.0, lat.min() - pad_lat), min(85.0, lat.max() + pad_lat)
        # Keep at least a country-sized window around a single incident.
        if lon1 - lon0 < 16:
            mid = (lon0 + lon1) / 2
            lon0, lon1 = max(-180.0, mid - 8), min(180.0, mid + 8)
        if lat1 - lat0 < 10:
            mid = (lat0 + lat1) / 2
            lat0, lat1 = max(-60.0, mid - 5), min(85.0, mid + 5)
    lon0, lon1, lat0, lat1 = _fill_aspect(lon0, lon1, lat0, lat1, aspect or MAP_ASPECT)
    return dict(
        fitbounds=False,
        # Nested dicts, not "lonaxis_range": figures here skip plotly's validation, which is
        # what expands the underscore shorthand.
        lonaxis=dict(range=[round(lon0, 2), round(lon1, 2)]),
        lataxis=dict(range=[round(lat0, 2), round(lat1, 2)]),
        center=dict(lon=round((lon0 + lon1) / 2, 2), lat=round((lat0 + lat1) / 2, 2)),
    )


#: Width / height of the map's plot area in the dashboard on a laptop screen.
MAP_ASPECT = 1.7
_LAT_LIMITS = (-60.0, 85.0)


def _merc(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _inverse_merc(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def mercator_aspect(lon0: float, lon1: float, lat0: float, lat1: float) -> float:
    """Width / height of a lon/lat box drawn in the Mercator projection."""
    return math.radians(lon1 - lon0) / (_merc(lat1) - _merc(lat0))


def _fill_aspect(
    lon0: float, lon1: float, lat0: float, lat1: float, aspect: float = MAP_ASPECT
) -> tuple[float, ...]:
    """Widen a lon/lat box to ``aspect`` in Mercator units (the map's projection).

    Widening stops at the world's edges (longitudes -180 to 180, latitudes -60 to 85); the other
    side then gives way where the data leaves room, so the box still fits the frame.
    """
    lo_lat, hi_lat = _LAT_LIMITS
    y0, y1 = _merc(lat0), _merc(lat1)
    x_span = math.radians(lon1 - lon0)
    if x_span < aspect * (y1 - y0):  # too tall: widen the longitudes
        want = math.degrees(aspect * (y1 - y0))
        if want <= 360:
            extra = want - (lon1 - lon0)
            lon0, lon1 = lon0 - extra / 2, lon1 + extra / 2
            if lon0 < -180:
                lon0, lon1 = -180.0, lon1 + (-180 - lon0)
            if lon1 > 180:
                lon0, lon1 = max(-180.0, lon0 - (lon1 - 180)), 180.0
        else:  # the whole way round is still too tall: nothing more to show sideways
            lon0, lon1 = -180.0, 180.0
    else:  # too wide: add latitudes, shifted back inside the limits
        want = x_span / aspect
        extra = want - (y1 - y0)
        y0, y1 = y0 - extra / 2, y1 + extra / 2
        y_lo, y_hi = _merc(lo_lat), _merc(hi_lat)
        if y0 < y_lo:
            y0, y1 = y_lo, min(y_hi, y1 + (y_lo - y0))
        if y1 > y_hi:
            y0, y1 = max(y_lo, y0 - (y1 - y_hi)), y_hi
        lat0, lat1 = _inverse_merc(y0), _inverse_merc(y1)
        if y1 - y0 < want - 1e-9:  # pole to pole is not enough: widen sideways instead
            lon_span = min(360.0, math.degrees(aspect * (y1 - y0)))
            mid = (lon0 + lon1) / 2
            lon0, lon1 = mid - lon_span / 2, mid + lon_span / 2
    return lon0, lon1, lat0, lat1


def map_figure(
    incidents: pd.DataFrame | PreparedIncidents,
    *,
    title: str | None = None,
    subtitle: str | None = None,
    height: int | None = None,
    max_points: int = MAX_POINTS,
    layers: Sequence[go.Scattergeo | go.Choropleth] = (),
    note: str | None = None,
    aspect: float | None = None,
    as_dict: bool = False,
    hover: bool = True,
) -> go.Figure | dict:
    """Incidents on a world map (``scattergeo``), zoomed to the data.

    Up to ``max_points`` incidents: one marker per incident, coloured (and shaped) by interference
    type, ``customdata`` holding the incident id; area incidents also get their radius as a circle.
    Above it: incidents counted in H3 hexagons (resolution chosen so at most :data:`MAX_HEXES`
    are drawn), and the map says so.

    :param layers: extra traces drawn under the incidents (for example an ADS-B interference
        layer), each a ``Scattergeo`` or ``Choropleth`` on the same geo subplot.
    :param note: extra text shown in the map's corner note.
    :param aspect: width / height of the plot area the map will fill (see :func:`geo_bounds`).
    :param as_dict: return the figure as the plain ``{"data": [...], "layout": {...}}`` dict Dash
        sends to the browser (the same content; the dashboard's fast path) instead of a
        ``go.Figure``.
    :param hover: ``False`` leaves out what only a pointer uses: the hover labels and the ids a
        click or selection reads (``text``, ``customdata``, ``hovertemplate``). For static
        images, which are drawn exactly the same without them: building, copying and sending
        a label per incident is a good part of a large map's export otherwise.
    """
    layout: dict = dict(
        geo=geo_bounds(incidents, aspect=aspect),
        dragmode="select",
        # Legend above the map, where the map's aspect ratio leaves room; short labels keep it
        # clear of the mode bar on the right.
        legend=dict(
            itemsizing="constant", orientation="h", x=0, xanchor="left", y=1, yanchor="bottom"
        ),
        margin=dict(l=0, r=0, t=30, b=4),
        # A click opens an incident; it must not also select (and dim) the others.
        clickmode="event",
        uirevision="map",
    )
    traces: list = list(layers)
    annotations: list = []
    frame = frame_of(incidents)
    if isinstance(incidents, PreparedIncidents):
        has_coords = incidents.located  # H3 cell 0 exactly where a coordinate is missing
    else:
        has_coords = (
            frame[INC.latitude].notna().to_numpy() & frame[INC.longitude].notna().to_numpy()
        )
    if has_coords.all():
        located = incidents
    elif isinstance(incidents, PreparedIncidents):
        located = incidents.take(has_coords)
    else:
        located = incidents[has_coords]
    notes = []
    if len(located) == 0:
        # A scattergeo trace is needed for the geo subplot (and its basemap) to exist at all.
        traces.append(
            dict(
                type="scattergeo",
                lon=[],
                lat=[],
                mode="markers",
                showlegend=False,
                hoverinfo="skip",
            )
        )
        annotations.append(
            _centre_note(
                "No incidents match these filters."
                if len(incidents) == 0
                else "No located incidents."
            )
        )
    elif len(located) <= max_points:
        traces += _area_traces(located)
        traces += _point_traces(located, hover=hover)
    else:
        hexes, resolution = _hex_traces(located, hover=hover)
        traces += hexes
        notes.append(
            f"{len(located):,} incidents: too many to draw one by one, counted in hexagons "
            f"(H3 resolution {resolution}). Filter or select an area to see single incidents."
        )
        layout["legend"] = dict(
            layout["legend"], title=dict(text="Incidents per hexagon", side="left")
        )
    if note:
        notes.append(note)
    if notes:
        annotations.append(
            dict(
                text="<br>".join(escape(n) for n in notes),
                xref="paper",
                yref="paper",
                x=0.01,
                y=0.01,
                xanchor="left",
                yanchor="bottom",
                showarrow=False,
                align="left",
                font=dict(size=11, color=_INK),
                bgcolor="rgba(255,255,255,0.85)",
                borderpad=4,
            )
        )
    layout["annotations"] = annotations
    return _make(traces, layout, title=title, subtitle=subtitle, height=height, as_dict=as_dict)


# --------------------------------------------------------------------------- timeline

_MONTH_MS = "M1"
_WEEK_MS = 7 * 24 * 3600 * 1000


def timeline_figure(
    incidents: pd.DataFrame | PreparedIncidents,
    *,
    freq: str | None = None,
    counts: pd.DataFrame | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    height: int | None = None,
    legend: dict | None = None,
    as_dict: bool = False,
) -> go.Figure | dict:
    """Incidents per week or month, stacked by interference type.

    Incidents known only to the month or year are spread evenly over it (see
    :func:`tracker.stats.timeline_counts`) and drawn hatched, labelled as such.

    :param freq: ``"week"`` or ``"month"``; chosen from the span by default.
    :param counts: a precomputed :func:`tracker.stats.timeline_counts` result (skips recomputing).
    :param legend: legend properties that replace the default ones (a vertical legend at the
        right), and ``margin``'s top is then 48 pixels to leave it room above the bars.
    :param as_dict: see :func:`map_figure`.
    """
    if counts is None:
        span = stats.date_span(incidents)
        if freq not in (stats.WEEK, stats.MONTH):
            freq = stats.choose_frequency(*span) if span else stats.MONTH
        counts = stats.timeline_counts(incidents, freq=freq)
    elif freq not in (stats.WEEK, stats.MONTH):
        freq = stats.MONTH
    if len(counts) == 0:
        return empty_figure(title=title, subtitle=subtitle, height=height, as_dict=as_dict)
    traces: list = []
    xperiod = _WEEK_MS if freq == stats.WEEK else _MONTH_MS
    # 1970-01-05 was a Monday: weekly periods start on Mondays like the bins in stats.
    xperiod0 = "1970-01-05" if freq == stats.WEEK else "1970-01-01"
    # Plain arrays, masked per trace: cheaper than filtering the frame eight times.
    periods = np.datetime_as_string(
        counts[TL.period].to_numpy(dtype="datetime64[D]"), unit="D"
    ).astype(object)
    kinds = counts[TL.interference].to_numpy(dtype=object)
    spreads = counts[TL.spread].to_numpy(dtype=bool)
    values = counts[TL.count].to_numpy(dtype=float).round(3)
    for spread in (False, True):
        for kind in schema.INTERFERENCE_TYPES:
            rows = (kinds == kind) & (spreads == spread)
            if not rows.any():
                continue
            color = TYPE_COLORS[kind]
            label = TYPE_LABELS[kind]
            if spread:
                name = f"{label}, month/year only"
                value = "%{y:.1f} (date known to the month or year only, spread evenly)"
            else:
                name = label
                value = "%{y:.0f}"
            traces.append(
                dict(
                    type="bar",
                    x=periods[rows],
                    y=values[rows],
                    name=name,
                    legendgroup=kind,
                    marker=dict(
                        color=_rgba(color, 0.35) if spread else color,
                        line=dict(color=color, width=0.6 if spread else 0),
                        pattern=dict(shape="/", fgcolor=color, solidity=0.35) if spread else None,
                    ),
                    xperiod=xperiod,
                    xperiod0=xperiod0,
                    xperiodalignment="middle",
                    hovertemplate=f"{escape(label)}: {value}<extra></extra>",
                )
            )
    unit = "week" if freq == stats.WEEK else "month"
    layout = dict(
        barmode="stack",
        bargap=0.12,
        hovermode="x unified",
        dragmode="select",
        selectdirection="h",
        xaxis=dict(type="date", hoverformat="Week of %d %b %Y" if freq == stats.WEEK else "%B %Y"),
        yaxis=dict(
            title=dict(text=f"Incidents per {unit}", font=dict(size=12)), rangemode="tozero"
        ),
        showlegend=True,
        legend=dict(
            orientation="v", x=1.01, xanchor="left", y=1, yanchor="top", font=dict(size=11)
        ),
        margin=dict(r=10, t=28, b=30),
        uirevision="timeline",
    )
    if legend:
        layout["legend"] = {**layout["legend"], **legend}
        layout["margin"] = dict(layout["margin"], t=48)
    return _make(traces, layout, title=title, subtitle=subtitle, height=height, as_dict=as_dict)


# --------------------------------------------------------------------------- regions


def regions_figure(
    table: pd.DataFrame,
    *,
    label_column: str = STAT.key,
    max_bars: int = 15,
    legend: bool = True,
    title: str | None = None,
    subtitle: str | None = None,
    height: int | None = None,
    as_dict: bool = False,
) -> go.Figure | dict:
    """Horizontal bars of incidents per group, stacked by interference type, largest on top.

    :param table: a :func:`tracker.stats.group_table` result (regions or countries).
    :param label_column: column shown as bar labels (``name`` for countries); ``customdata`` always
        holds ``key``, so a click identifies the group.
    :param max_bars: show the largest groups only; the rest are named in a note.
    :param legend: show the interference-type legend (the dashboard explains colours elsewhere).
    :param as_dict: see :func:`map_figure`.
    """
    if len(table) == 0:
        return empty_figure(title=title, subtitle=subtitle, height=height, as_dict=as_dict)
    top = table.head(max_bars).iloc[::-1]  # plotly draws the first category at the bottom
    labels = _escape_series(top[label_column].replace("", "(none)"))
    traces: list = []
    for kind in schema.INTERFERENCE_TYPES:
        if top[kind].sum() == 0:
            continue
        traces.append(
            dict(
                type="bar",
                y=labels.to_numpy(dtype=object),
                x=top[kind].to_numpy(dtype="int64"),
                customdata=top[STAT.key].to_numpy(dtype=object),
                orientation="h",
                name=TYPE_LABELS[kind],
                marker=dict(color=TYPE_COLORS[kind]),
                hovertemplate="%{y}: %{x:,} " + TYPE_LABELS[kind].lower() + "<extra></extra>",
            )
        )
    layout = dict(
        barmode="stack",
        bargap=0.25,
        xaxis=dict(rangemode="tozero"),
        yaxis=dict(automargin=True, type="category", dtick=1),
        clickmode="event",
        showlegend=legend,
        legend=dict(
            orientation="h", x=0, xanchor="left", y=-0.08, yanchor="top", font=dict(size=11)
        ),
        margin=dict(t=28, b=50 if legend else 10),
    )
    hidden = len(table) - len(top)
    if hidden > 0:
        layout["annotations"] = [
            dict(
                text=f"{hidden} more not shown",
                xref="paper",
                yref="paper",
                x=1,
                y=0,
                xanchor="right",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=11, color=_MUTED),
            )
        ]
    return _make(traces, layout, title=title, subtitle=subtitle, height=height, as_dict=as_dict)
