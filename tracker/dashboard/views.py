"""What every view shows for a given state: pure functions of the data, no Dash callbacks.

:func:`render_views` is the whole server-side work of one filter change (map, timeline, both
tables and bar charts, counts); the callbacks only validate inputs and call it, and the benchmark
times it directly. :func:`render_detail` builds the incident panel from plain Dash components:
every dataset value is a text child (never HTML or Markdown), and a source becomes a link only
when its URL may be a link (:func:`tracker.safety.link_url`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

import numpy as np
import pandas as pd
from dash import html
from dash.development.base_component import Component

from tracker import figures, safety, schema, stats
from tracker.dashboard.data import ViewData
from tracker.dashboard.sources import SourcesChangedError
from tracker.filters import Filters
from tracker.prepared import PreparedIncidents
from tracker.schema import INC, SRC
from tracker.stats import STAT

__all__ = [
    "render_views",
    "render_detail",
    "render_header",
    "render_problems",
    "table_rows",
    "VIEW_KEYS",
    "MAP_HEIGHT",
]

logger = logging.getLogger(__name__)

#: The map's height on a desktop screen, pixels (set in tracker/assets/css/dashboard.css).
MAP_HEIGHT = 440
TIMELINE_HEIGHT = 270
BARS_HEIGHT = 330

#: Keys of :func:`render_views`'s result, in the order the callback outputs them.
VIEW_KEYS = (
    "map",
    "timeline",
    "region_bars",
    "region_rows",
    "region_note",
    "country_bars",
    "country_rows",
    "country_note",
    "shown",
    "active",
    "map_summary",
    "timeline_summary",
    "region_summary",
    "country_summary",
    "map_traces",
)

#: Outline width of the selected incident's ring, pixels (wider than any incident marker's).
SELECTED_RING_WIDTH = 3
#: Name of the map's last trace, the selected incident's ring (empty until one is selected).
SELECTED_TRACE = "Selected incident"

_NO_MATCH = "No incidents match these filters."


def table_rows(table: pd.DataFrame, *, label_column: str = STAT.key) -> list[dict]:
    """Rows for a DataTable: plain values only (numbers, ISO dates, text), ``id`` = group key."""
    rows = []
    # Columns as lists, zipped into records: DataFrame.to_dict("records") cost as much again.
    names = list(table.columns)
    for values in zip(*(table[c].tolist() for c in names), strict=True):
        record = dict(zip(names, values, strict=True))
        key = record[STAT.key]
        row = {
            "id": key,
            "label": (record[label_column] or "(none)")
            if label_column != STAT.key
            else (key or "(none)"),
            STAT.incidents: int(record[STAT.incidents]),
            STAT.share: round(float(record[STAT.share]), 4),
            STAT.first: record[STAT.first].isoformat() if record[STAT.first] else "",
            STAT.last: record[STAT.last].isoformat() if record[STAT.last] else "",
            STAT.recent: int(record[STAT.recent]),
            STAT.prior: int(record[STAT.prior]),
            STAT.change: int(record[STAT.change]),
        }
        for kind in schema.INTERFERENCE_TYPES:
            row[kind] = int(record[kind])
        # The table shows "with jamming" and "with spoofing": "both" counts in each.
        row["with_jamming"] = row["jamming"] + row["both"]
        row["with_spoofing"] = row["spoofing"] + row["both"]
        if label_column != STAT.key:
            row["code"] = key
        rows.append(row)
    return rows


def json_ready(figure: dict) -> dict:
    """``figure`` with every array orjson cannot write itself made into one it can, in place.

    Dash encodes a callback's whole response with orjson when it can; one array of strings
    (``dtype=object``) or one column view (not C-contiguous) anywhere in it, and plotly's
    encoder walks the whole response in Python instead (``clean_to_json_compatible``), turning
    those arrays into lists and copies as it goes. Doing that here to the few arrays that need
    it gives the same JSON, written by orjson in one pass.
    """
    for trace in figure.get("data", ()):
        if isinstance(trace, dict):  # a layer's trace may be a plotly object: left as it is
            _arrays_ready(trace)
    return figure


def _arrays_ready(node: dict) -> None:
    for key, value in node.items():
        if isinstance(value, np.ndarray):
            if value.dtype.kind not in "biuf":
                node[key] = value.tolist()
            elif not value.flags.c_contiguous:
                node[key] = np.ascontiguousarray(value)
        elif isinstance(value, dict):
            _arrays_ready(value)


def as_json_tree(node):
    """``node`` (components, lists, dicts and plain values) as the plain dicts and lists Dash
    would send for it: each component becomes its ``to_plotly_json()`` dict.

    Dash's encoder tries orjson on the whole response first; a single component in it makes
    that fail, and plotly's encoder then walks the response in Python, trying a dozen
    conversions on every node (about 8 ms for a page of the incident list). This walk does
    only the one that applies, and orjson writes the result: the same JSON.
    """
    if isinstance(node, Component):
        tree = node.to_plotly_json()
        tree["props"] = {key: as_json_tree(value) for key, value in tree["props"].items()}
        return tree
    if isinstance(node, (list, tuple)):
        return [as_json_tree(item) for item in node]
    if isinstance(node, dict):
        return {key: as_json_tree(value) for key, value in node.items()}
    return node


def _as_of(data: ViewData) -> dt.date | None:
    span = data.date_span
    return span[1] if span else None


def _located(incidents: pd.DataFrame | PreparedIncidents) -> int:
    """Number of incidents with both coordinates (prepared ones: a non-zero H3 cell, which
    :data:`tracker.prepared.DERIVED_COLUMNS` defines so)."""
    if isinstance(incidents, PreparedIncidents):
        return int(np.count_nonzero(incidents.located))
    lat = incidents[INC.latitude].to_numpy(dtype=float, na_value=np.nan)
    lon = incidents[INC.longitude].to_numpy(dtype=float, na_value=np.nan)
    return int(np.count_nonzero(~np.isnan(lat) & ~np.isnan(lon)))


def _map_rows(data: ViewData, shown: PreparedIncidents, max_points: int) -> PreparedIncidents:
    """The rows the map draws: when it draws single incidents, all their columns (the hover
    labels are built from the place, dates and confidence, for those points only); else the
    narrow view rows, which it counts in hexagons."""
    located = _located(shown)
    if located > max_points or shown is data.prepared:
        return shown
    return data.prepared.take(shown.index)


def render_views(
    data: ViewData,
    filters: Filters,
    *,
    layers: Sequence = (),
    max_points: int = figures.MAX_POINTS,
    extra_mask=None,
    extra_active: Sequence[str] = (),
) -> dict:
    """Every view for ``filters`` over ``data``; keys are :data:`VIEW_KEYS`.

    The figures are plain ``{"data", "layout"}`` dicts (what Dash sends to the browser);
    ``plotly.graph_objects.Figure(result["map"])`` turns one into a figure object.

    The recent-versus-prior comparison in the tables ends at the latest date of the whole
    dataset, so filtering does not move the window.

    :param layers: extra map traces (an optional layer such as ADS-B hexagons).
    :param extra_mask: a boolean array over ``data.incidents`` that further narrows the
        incidents (a map layer's own filter), or None.
    :param extra_active: words for that narrowing, added to the active-filters line.
    """
    # The mask is computed on the full frame (text search needs it); rows are taken from the
    # narrow view frame.
    frame = data.view if data.view is not None else data.prepared
    if extra_mask is None:
        shown = frame if filters.is_empty else frame.take(filters.mask(data.prepared))
    else:
        keep = extra_mask if filters.is_empty else (filters.mask(data.prepared) & extra_mask)
        shown = frame.take(keep)
    as_of = _as_of(data)
    regions = stats.region_table(shown, as_of=as_of)
    countries = stats.country_table(shown, as_of=as_of)
    span = stats.date_span(shown)
    freq = stats.choose_frequency(*span) if span else stats.MONTH
    total = len(data.prepared)
    empty = len(shown) == 0 and total > 0
    note = _NO_MATCH if empty else ""
    # No height: the page's CSS sizes the map for the screen (shorter on a phone). Figures are
    # plain dicts, as Dash sends them: no go.Figure copies, and orjson writes the arrays.
    map_fig = figures.map_figure(
        _map_rows(data, shown, max_points), layers=layers, max_points=max_points, as_dict=True
    )
    map_fig["data"].append(selected_trace())
    return {
        "map": json_ready(map_fig),
        "timeline": json_ready(
            figures.timeline_figure(
                shown, freq=freq, height=TIMELINE_HEIGHT, legend=TIMELINE_LEGEND, as_dict=True
            )
        ),
        "region_bars": json_ready(
            figures.regions_figure(regions, height=BARS_HEIGHT, legend=False, as_dict=True)
        ),
        "region_rows": table_rows(regions),
        "region_note": note,
        "country_bars": json_ready(
            figures.regions_figure(
                countries, label_column=STAT.name, height=BARS_HEIGHT, legend=False, as_dict=True
            )
        ),
        "country_rows": table_rows(countries, label_column=STAT.name),
        "country_note": note,
        "shown": f"Showing {len(shown):,} of {total:,} incidents",
        "active": _active_text(filters, extra_active),
        **summaries(shown, regions, countries, span=span, freq=freq),
        "map_traces": len(map_fig["data"]),
    }


#: The timeline's legend in a row above the bars: on a phone a legend at the side would take
#: half the width.
TIMELINE_LEGEND = dict(orientation="h", x=0, xanchor="left", y=1.02, yanchor="bottom")


# --------------------------------------------------------------------------- text alternatives


def _kinds_text(table: pd.DataFrame) -> str:
    """ "3 jamming, 1 spoofing" from a group table's per-type columns (every incident is in one
    group), cheaper than counting the incidents again."""
    parts = [
        f"{int(table[k].sum()):,} {figures.TYPE_LABELS[k].lower()}"
        for k in schema.INTERFERENCE_TYPES
        if k in table and table[k].sum()
    ]
    return ", ".join(parts)


def _top_text(table: pd.DataFrame, label_column: str, noun: str) -> str:
    """ " across 3 regions; the most is Baltic Sea region with 17" (or " all in ...")."""
    if len(table) == 0:
        return ""
    first = table.iloc[0]
    label = first[label_column] or "(none)"
    if len(table) == 1:
        return f", all in {label}"
    return f" across {len(table):,} {noun}; the most is {label} with {int(first[STAT.incidents]):,}"


def summaries(
    shown: pd.DataFrame | PreparedIncidents,
    regions: pd.DataFrame,
    countries: pd.DataFrame,
    *,
    span,
    freq: str,
) -> dict:
    """One sentence per chart saying what it shows: the charts' text alternative.

    The numbers behind the charts are in the tables and the incident list; these sentences give
    the gist a sighted reader takes from the picture.
    """
    n = len(shown)
    if n == 0:
        nothing = "No incidents match these filters."
        return dict.fromkeys(
            ("map_summary", "timeline_summary", "region_summary", "country_summary"), nothing
        )
    noun = "incident" if n == 1 else "incidents"
    kinds = _kinds_text(regions)
    located = _located(shown)
    where = _top_text(regions, STAT.key, "regions")
    map_text = f"Map of {located:,} located {noun} ({kinds}){where}."
    unit = "week" if freq == stats.WEEK else "month"
    period = f" from {span[0]:%B %Y} to {span[1]:%B %Y}" if span else ""
    timeline = (
        f"Bar chart of {n:,} {noun} per {unit}{period}, stacked by interference type ({kinds})."
    )
    region = f"Bar chart of {n:,} {noun} by region{_top_text(regions, STAT.key, 'regions')}."
    country = f"Bar chart of {n:,} {noun} by country{_top_text(countries, STAT.name, 'countries')}."
    return {
        "map_summary": map_text,
        "timeline_summary": timeline,
        "region_summary": region,
        "country_summary": country,
    }


# --------------------------------------------------------------------------- selection


def selected_trace(lon: float | None = None, lat: float | None = None) -> dict:
    """The ring drawn around the selected incident on the map (empty without one).

    It is the map's last trace, so it is drawn on top; the callback that follows the selection
    patches its coordinates without redrawing the map.
    """
    return dict(
        type="scattergeo",
        lon=[] if lon is None else [lon],
        lat=[] if lat is None else [lat],
        mode="markers",
        name=SELECTED_TRACE,
        showlegend=False,
        hoverinfo="skip",
        marker=dict(
            size=22,
            symbol="circle-open",
            color="#111111",
            line=dict(width=SELECTED_RING_WIDTH, color="#111111"),
        ),
    )


def selection_marks(data: ViewData, incident_id: str) -> dict:
    """Where the selected incident is: its map position and its dates on the timeline.

    :returns: ``{"lon", "lat", "start", "end"}`` (``None`` values when nothing is selected, the
        incident is unknown or has no position/date); ``start``/``end`` as ``YYYY-MM-DD``, the
        end widened to the end of the month or year for a month- or year-only date.
    """
    none = {"lon": None, "lat": None, "start": None, "end": None}
    if not incident_id:
        return none
    match = data.incidents[data.incidents[INC.id] == incident_id]
    if len(match) == 0:
        return none
    row = match.iloc[0]
    lat, lon = row[INC.latitude], row[INC.longitude]
    out = dict(none)
    if not (pd.isna(lat) or pd.isna(lon)):
        out["lon"], out["lat"] = round(float(lon), 4), round(float(lat), 4)
    date = row[INC.date]
    if not pd.isna(date):
        precision = row.get(INC.date_precision, "day")
        if precision == "year":
            end = pd.Timestamp(year=date.year, month=12, day=31)
        elif precision == "month":
            end = date + pd.offsets.MonthEnd(0)
        else:
            end = date
        end_date = row.get(INC.end_date)
        if end_date is not None and not pd.isna(end_date):
            end = max(end, end_date)
        out["start"], out["end"] = f"{date:%Y-%m-%d}", f"{end:%Y-%m-%d}"
    return out


def _active_text(filters: Filters, extra: Sequence[str]) -> str:
    text = filters.describe()
    if not extra:
        return text
    more = " · ".join(extra)
    return more if filters.is_empty else f"{text} · {more}"


# --------------------------------------------------------------------------- header


def render_header(data: ViewData) -> dict:
    """Texts of the header: total incidents, date span, last change."""
    total = len(data.prepared)
    span = data.date_span
    changed = data.last_change.strftime("%Y-%m-%d %H:%M UTC") if data.last_change else "unknown"
    return {
        "total": f"{total:,} incident{'s' if total != 1 else ''}",
        "span": f"{span[0]:%b %Y} – {span[1]:%b %Y}" if span else "no dates",
        "updated": f"Data last changed {changed}",
    }


def render_problems(data: ViewData) -> list:
    """The validator's messages (file:line:column: field: message) when the data is broken."""
    if data.ok:
        return []
    items = [html.Li(p.format(), className="font-monospace small") for p in data.problems[:50]]
    more = len(data.problems) - len(items)
    if more > 0:
        items.append(html.Li(f"... and {more} more (run `gnss-tracker validate`)"))
    return [
        html.Strong("The data files could not be loaded, so nothing is shown. "),
        html.Span("Fix these problems and reload the page:" if data.problems else data.error),
        html.Ul(items, className="mb-0 mt-2") if items else None,
    ]


# --------------------------------------------------------------------------- detail


def _date_text(row) -> str:
    date = row[INC.date]
    if pd.isna(date):
        return "date unknown"
    precision = row.get(INC.date_precision, "day")
    if precision == "month":
        text = f"{date:%B %Y} (day not known)"
    elif precision == "year":
        text = f"{date:%Y} (month not known)"
    else:
        text = f"{date:%Y-%m-%d}"
    end = row.get(INC.end_date)
    if end is not None and not pd.isna(end):
        end_precision = row.get(INC.end_date_precision)
        if end_precision == "open":
            text += f" to at least {end:%Y-%m-%d} (still going on then; end not known)"
        elif end_precision == "month":
            text += f" to {end:%B %Y} (end day not known)"
        else:
            text += f" to {end:%Y-%m-%d}"
    return text


def _field(label: str, value) -> list:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return []
    return [
        html.Dt(label, className="col-5 col-xl-4"),
        html.Dd(str(value), className="col-7 col-xl-8"),
    ]


def _source_item(source: dict) -> html.Li:
    url = source.get(SRC.url, "")
    publisher = source.get(SRC.publisher) or "Source"
    link = safety.link_url(url)
    if link:
        title = html.A(publisher, href=link, target="_blank", rel="noopener noreferrer nofollow")
    else:
        title = html.Span(
            [publisher, html.Span(" (address not shown: not a web link)", className="text-muted")]
        )
    published = source.get(SRC.published)
    meta = []
    if published is not None and not pd.isna(published):
        meta.append(f"{published:%Y-%m-%d}")
    stance = source.get(SRC.stance, "")
    children = [
        html.Div([title, html.Span(stance, className=f"badge stance stance-{stance} ms-2")]),
    ]
    if meta:
        children.append(html.Div(" · ".join(meta), className="text-muted small"))
    if source.get(SRC.note):
        children.append(html.P(source[SRC.note], className="mb-0 small"))
    return html.Li(children, className="source-item")


def render_detail(data: ViewData, incident_id: str) -> list:
    """The detail panel of one incident, or a hint when none is chosen."""
    if not incident_id:
        return [
            html.P(
                "Click an incident on the map to see its summary, effects and sources.",
                className="text-muted mb-0",
            ),
        ]
    match = data.incidents[data.incidents[INC.id] == incident_id]
    if len(match) == 0:
        return [
            html.P(
                "This incident is not in the data (it may have been renamed or removed).",
                className="text-muted",
            )
        ]
    row = match.iloc[0]
    try:
        sources = data.sources_of([incident_id]).to_dict("records")
    except SourcesChangedError:
        return [
            html.P(
                "The data changed while this page was open; reload the page to see it.",
                className="text-muted",
            )
        ]
    kind = figures.TYPE_LABELS.get(row[INC.interference], row[INC.interference])
    radius = row.get(INC.radius_km)
    place = f"{row[INC.latitude]:.3f}, {row[INC.longitude]:.3f} ({row[INC.geocode_precision]})"
    if radius is not None and not pd.isna(radius):
        place += f", radius {radius:.0f} km"
    facts = [
        *_field("Date", _date_text(row)),
        *_field("Interference", kind),
        *_field("Confidence", row[INC.confidence]),
        *_field("Phase of flight", row[INC.flight_phase]),
        *_field("Aircraft", row[INC.aircraft]),
        *_field("Operator", row[INC.operator]),
        *_field("Flight", row[INC.flight]),
        *_field("Country", schema.country_names().get(row[INC.country], row[INC.country])),
        *_field("Region", row[INC.region]),
        *_field("Position", place),
        *_field("Suspected source", row[INC.suspected_source]),
        *_field("Id", row[INC.id]),
    ]
    children = [
        html.H3(row[INC.location], className="h5 mb-1"),
        html.Div(
            [
                html.Span(kind, className=f"badge type-badge type-{row[INC.interference]}"),
                html.Span(
                    row[INC.confidence],
                    className=f"badge conf-badge conf-{row[INC.confidence]} ms-1",
                ),
            ],
            className="mb-2",
        ),
        html.P(row[INC.summary], className="detail-summary"),
    ]
    if row[INC.effects]:
        children += [html.H4("Effects", className="h6 mt-2"), html.P(row[INC.effects])]
    children.append(html.Dl(facts, className="row detail-facts small mb-2"))
    children.append(html.H4(f"Sources ({len(sources)})", className="h6 mt-2"))
    supporting = [s for s in sources if s.get(SRC.stance) == "supports"]
    disputing = [s for s in sources if s.get(SRC.stance) == "disputes"]
    context = [s for s in sources if s.get(SRC.stance) not in ("supports", "disputes")]
    if disputing:
        children.append(
            html.Div(
                [
                    html.Div(
                        [
                            html.H5("Supporting", className="h6 text-muted"),
                            html.Ul([_source_item(s) for s in supporting], className="source-list"),
                        ],
                        className="col",
                    ),
                    html.Div(
                        [
                            html.H5("Disputing", className="h6 text-muted"),
                            html.Ul([_source_item(s) for s in disputing], className="source-list"),
                        ],
                        className="col",
                    ),
                ],
                className="row disputed g-2",
            )
        )
    elif supporting:
        children.append(html.Ul([_source_item(s) for s in supporting], className="source-list"))
    if context:
        children += [
            html.H5("Context", className="h6 text-muted mt-2"),
            html.Ul([_source_item(s) for s in context], className="source-list"),
        ]
    if not sources:
        children.append(html.P("No source recorded.", className="text-muted"))
    return children
