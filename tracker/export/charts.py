"""Publication-ready charts: the dashboard's figures with a title, a subtitle and a footer.

The figures themselves come from :mod:`tracker.figures` (the same functions the dashboard calls,
so a published chart matches what was on screen). This module only decorates them for
publication and turns them into files:

* title (default per chart kind, or the reporter's own);
* subtitle: the active filters and the span of dates shown;
* footer: "Data: GNSS Interference Tracker, N incidents, generated YYYY-MM-DD" and the caveat
  that a report is not a measurement.

PNG, SVG and PDF are rendered by the shared headless Chromium (:mod:`tracker.export.browser`);
HTML is a single self-contained file: plotly.js and the map's topojson are embedded, so it opens
with no network.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import math
import textwrap
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from tracker import safety
from tracker.export.browser import STATIC_FORMATS, TOPOJSON_DIR, render_static
from tracker.export.files import default_filename
from tracker.schema import INC

__all__ = [
    "CHART_KINDS",
    "CHART_FORMATS",
    "DEFAULT_TITLES",
    "CAVEAT",
    "MEDIA_TYPES",
    "ChartOptions",
    "build_figure",
    "chart_subtitle",
    "chart_footer",
    "decorate_for_publication",
    "publication_figure",
    "figure_to_html",
    "render_chart",
    "image_button_options",
    "plot_area",
    "pdf_safe",
    "PDF_PALE_NOTE",
]

log = logging.getLogger(__name__)

CHART_KINDS = ("map", "timeline", "regions", "countries")
CHART_FORMATS = ("png", "svg", "pdf", "html")

DEFAULT_TITLES = {
    "map": "Reported GNSS interference incidents affecting aircraft",
    "timeline": "Reported GNSS interference incidents over time",
    "regions": "Reported GNSS interference incidents by region",
    "countries": "Reported GNSS interference incidents by country",
}

#: Said on every chart: the dataset collects claims, it does not measure signals.
CAVEAT = safety.CAVEAT
ATTRIBUTION = "Data: GNSS Interference Tracker"

MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
}

# Text sizes (px) and the room they take, used to size the margins so that nothing overlaps.
_TITLE_SIZE = 20
_SUBTITLE_SIZE = 13
_FOOTER_SIZE = 11
_LINE_FACTOR = 1.35
# Average glyph width as a share of the font size (Open Sans / Arial), to wrap long lines.
_GLYPH_WIDTH = 0.55
#: Blank space kept along the figure's edges, pixels.
_EDGE = 16
_GEO_TRACES = {"scattergeo", "choropleth"}


@dataclass(frozen=True)
class ChartOptions:
    """How a chart is exported.

    :param width: layout width in CSS pixels.
    :param height: layout height in CSS pixels.
    :param scale: PNG pixel multiplier (the PNG is ``width * scale`` pixels wide).
    :param title: chart title; ``None`` for the default of the chart kind.
    """

    width: int = 1200
    height: int = 700
    scale: float = 2.0
    title: str | None = None

    def __post_init__(self) -> None:
        if not (200 <= self.width <= 5000 and 200 <= self.height <= 5000):
            raise ValueError("width and height must be between 200 and 5000 pixels")
        if not (0.1 <= self.scale <= 10):
            raise ValueError("scale must be between 0.1 and 10")


def build_figure(kind: str, incidents: pd.DataFrame, *, hover: bool = True) -> go.Figure:
    """The dashboard's figure of that kind for these incidents (from :mod:`tracker.figures`).

    :param kind: one of :data:`CHART_KINDS`.
    :param incidents: filtered incidents; not modified.
    :param hover: ``False`` for a static image: the map leaves out its per-incident hover
        labels and ids, which are not drawn (see :func:`tracker.figures.map_figure`).
    :raises ValueError: unknown kind.
    """
    # The dashboard's modules; imported late so that `gnss-tracker --help` stays fast.
    from tracker import figures, stats

    if kind == "map":
        return figures.map_figure(incidents, hover=hover)
    if kind == "timeline":
        return figures.timeline_figure(incidents)
    if kind == "regions":
        return figures.regions_figure(stats.region_table(incidents))
    if kind == "countries":
        return figures.regions_figure(stats.country_table(incidents), label_column=stats.STAT.name)
    raise ValueError(f"unknown chart {kind!r}; choose one of {', '.join(CHART_KINDS)}")


def _esc(text: str) -> str:
    """Plain text for plotly's pseudo-HTML labels: ``<a href>`` and tags are shown, not run."""
    return html.escape(text, quote=False)


def _wrap(text: str, *, width_px: int, font_px: int) -> list[str]:
    chars = max(30, int(width_px / (font_px * _GLYPH_WIDTH)))
    return textwrap.wrap(text, chars, break_long_words=True, break_on_hyphens=False) or [""]


def _date_span_text(incidents: pd.DataFrame) -> str:
    if len(incidents) == 0 or INC.date not in incidents:
        return "no incidents match"
    starts = pd.to_datetime(incidents[INC.date], errors="coerce")
    ends = starts
    if INC.end_date in incidents:
        ends = pd.to_datetime(incidents[INC.end_date], errors="coerce").fillna(starts)
    first, last = starts.min(), ends.max()
    if pd.isna(first) or pd.isna(last):
        return "dates unknown"
    if first.date() == last.date():
        return f"incidents dated {first:%Y-%m-%d}"
    return f"incidents dated {first:%Y-%m-%d} to {last:%Y-%m-%d}"


def chart_subtitle(filters: Any, incidents: pd.DataFrame) -> str:
    """``Filters: <active filters> | <date span of the incidents shown>``.

    :param filters: a :class:`tracker.filters.Filters` (or ``None`` for no filter).
    :param incidents: the filtered incidents (the date span is theirs).
    """
    description = filters.describe() if filters is not None else "All incidents"
    if description == "All incidents":
        description = "none (all incidents)"
    return f"Filters: {description} | {_date_span_text(incidents)}"


def chart_footer(count: int, *, generated: dt.date) -> str:
    """The attribution line and the caveat, as one string (two sentences)."""
    noun = "incident" if count == 1 else "incidents"
    return f"{ATTRIBUTION}, {count:,} {noun}, generated {generated.isoformat()}. {CAVEAT}"


def _text_px(text: str, font_px: float) -> float:
    return len(text) * font_px * _GLYPH_WIDTH


def _layout_value(fig: go.Figure, *path: str):
    """A layout property as plotly.js will see it: the figure's own value, else its template's."""
    for root in (fig.layout, fig.layout.template.layout if fig.layout.template else None):
        node = root
        for key in path:
            if node is None:
                break
            node = node[key] if key in node else None
        if node is not None:
            return node
    return None


def _legend_placement(fig: go.Figure) -> str:
    """Where the legend is: ``none``, ``top`` or ``bottom`` (horizontal), or ``side``."""
    show = _layout_value(fig, "showlegend")
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    if show is False or not names:
        return "none"
    if (_layout_value(fig, "legend", "orientation") or "v") != "h":
        return "side"
    y = _layout_value(fig, "legend", "y")
    return "bottom" if y is not None and y < 0.5 else "top"


def _legend_px(fig: go.Figure, avail_px: float) -> float:
    """Height of a horizontal legend, pixels.

    plotly.js lays a horizontal legend out in rows, aligned in columns once it wraps; the
    estimate follows that, with the average glyph width of the legend font.
    """
    names = [t.name for t in fig.data if t.showlegend is not False and t.name]
    font_px = _layout_value(fig, "legend", "font", "size") or 12
    widths = [40 + _text_px(name, font_px) for name in names]
    if not widths:
        return 0.0
    if sum(widths) <= avail_px:
        rows = 1
    else:
        columns = max(1, int(avail_px // max(widths)))
        rows = math.ceil(len(widths) / columns)
    return rows * (font_px * 1.35 + 5) + 10


def _category_labels_px(fig: go.Figure) -> float:
    """Width of the longest y-axis category label (horizontal bar charts), pixels."""
    longest = 0
    for trace in fig.data:
        if trace.type == "bar" and trace.orientation == "h" and trace.y is not None:
            longest = max([longest, *(len(str(v)) for v in trace.y)])
    return _text_px("x" * longest, 13) if longest else 0.0


def decorate_for_publication(
    fig: go.Figure,
    *,
    title: str,
    subtitle: str,
    footer: str,
    width: int = 1200,
    height: int = 700,
) -> go.Figure:
    """A copy of ``fig`` with a title, a subtitle and a footer, margins sized to fit them.

    The texts are treated as plain text (escaped) and wrapped to the chart width; the top margin
    also makes room for a horizontal legend above the plot, so nothing overlaps.

    :param fig: a dashboard figure; not modified.
    :param title: main title.
    :param subtitle: line(s) under the title (filters and dates).
    :param footer: attribution and caveat, drawn under the plot.
    :param width: the width the chart will be drawn at, in pixels, to wrap long lines.
    :param height: the height it will be drawn at, to place legends in pixels.
    :returns: a new figure.
    """
    out = go.Figure(fig)
    text_width = width - 2 * _EDGE
    title_lines = _wrap(title, width_px=text_width, font_px=_TITLE_SIZE)
    subtitle_lines = _wrap(subtitle, width_px=text_width, font_px=_SUBTITLE_SIZE)
    footer_lines = _wrap(footer, width_px=text_width, font_px=_FOOTER_SIZE)
    title_px = len(title_lines) * _TITLE_SIZE * _LINE_FACTOR
    subtitle_px = len(subtitle_lines) * _SUBTITLE_SIZE * _LINE_FACTOR
    footer_px = len(footer_lines) * _FOOTER_SIZE * _LINE_FACTOR

    has_geo = any(trace.type in _GEO_TRACES for trace in out.data)
    if has_geo or not out.data:
        left, axis_px = _EDGE, 0
    else:
        # Room for the y tick labels (category names or numbers) and the y axis title.
        left = math.ceil(max(_category_labels_px(out) + 16, 72))
        axis_px = 58 if _layout_value(out, "xaxis", "title", "text") else 34
    right = _EDGE
    placement = _legend_placement(out)
    if placement != "none":
        # plotly.js decides alone whether one entry gets a legend; say it, since room is made
        # for it. On a published chart even one entry ("Spoofing (12)") is worth showing.
        out.update_layout(showlegend=True)
    legend_px = _legend_px(out, width - left - right) if placement in ("top", "bottom") else 0.0
    # plotly.js puts the subtitle about one title line under the title's last line.
    title_block = _EDGE + title_px + _TITLE_SIZE * 0.7 + subtitle_px + 10
    top = math.ceil(title_block + (legend_px if placement == "top" else 0))
    below_plot = axis_px + (legend_px + 4 if placement == "bottom" else 0)
    bottom = math.ceil(below_plot + footer_px + 14)
    # Horizontal legends are pinned in pixels (container coordinates), between the titles and
    # the plot or between the axis and the footer, wherever the dashboard had them.
    if placement == "top":
        out.update_layout(
            legend={"yref": "container", "y": 1 - title_block / height, "yanchor": "top"}
        )
    elif placement == "bottom":
        out.update_layout(
            legend={"yref": "container", "y": (bottom - axis_px) / height, "yanchor": "top"}
        )

    out.update_layout(
        title={
            "text": "<b>" + "<br>".join(_esc(line) for line in title_lines) + "</b>",
            "subtitle": {
                "text": "<br>".join(_esc(line) for line in subtitle_lines),
                "font": {"size": _SUBTITLE_SIZE, "color": "#3d4752"},
            },
            "font": {"size": _TITLE_SIZE},
            "x": 0,
            "xref": "container",
            "xanchor": "left",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": _EDGE, "l": _EDGE},
            "automargin": False,
        },
        margin={"t": top, "b": bottom, "l": left, "r": right, "autoexpand": True},
    )
    out.add_annotation(
        text="<br>".join(_esc(line) for line in footer_lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        # Pixels from the plot area's bottom-left corner: under the axis labels, aligned with
        # the title at the figure's left edge.
        xshift=-(left - _EDGE),
        yshift=-(below_plot + 4),
        align="left",
        showarrow=False,
        font={"size": _FOOTER_SIZE, "color": "#4a5561"},
    )
    return out


def publication_figure(
    kind: str,
    incidents: pd.DataFrame,
    *,
    filters: Any = None,
    options: ChartOptions | None = None,
    generated: dt.date | None = None,
    hover: bool = True,
) -> go.Figure:
    """The dashboard figure of ``kind``, decorated for publication.

    :param kind: one of :data:`CHART_KINDS`.
    :param incidents: the incidents to draw, already filtered by ``filters``.
    :param filters: the filters that produced ``incidents`` (stated in the subtitle).
    :param options: size and title.
    :param generated: date printed in the footer (UTC today by default).
    :param hover: ``False`` for a static image (see :func:`build_figure`): the same drawing.
    """
    generated = generated or dt.datetime.now(dt.UTC).date()
    options = options or ChartOptions()
    fig = build_figure(kind, incidents, hover=hover)
    out = decorate_for_publication(
        fig,
        title=options.title or DEFAULT_TITLES[kind],
        subtitle=chart_subtitle(filters, incidents),
        footer=chart_footer(len(incidents), generated=generated),
        width=options.width,
        height=options.height,
    )
    if kind == "map":
        # The export decides the frame: the map's extent takes the shape of the plot area left
        # between the titles, legend and footer, so the map fills it with no empty bands.
        out.update_layout(geo=_framed_geo(out, incidents, options))
    return out


def plot_area(fig: go.Figure, options: ChartOptions) -> tuple[float, float]:
    """Width and height of a decorated figure's plot area, pixels (the size less the margins)."""
    margin = fig.layout.margin
    width = options.width - (margin.l or 0) - (margin.r or 0)
    height = options.height - (margin.t or 0) - (margin.b or 0)
    return float(max(width, 1)), float(max(height, 1))


def _framed_geo(fig: go.Figure, incidents: pd.DataFrame, options: ChartOptions) -> dict:
    from tracker import figures

    width, height = plot_area(fig, options)
    return figures.geo_bounds(incidents, aspect=width / height)


def _topojson_names(fig: go.Figure) -> list[str]:
    """Topojson files plotly.js will fetch for this figure: ``<scope>_<resolution>m``."""
    subplots = {getattr(t, "geo", None) or "geo" for t in fig.data if t.type in _GEO_TRACES}
    names = []
    for subplot in sorted(subplots):
        # The template may set them (the project's sets resolution 50): read what plotly.js will.
        scope = (
            _layout_value(fig, subplot, "scope") or _layout_value(fig, "geo", "scope") or "world"
        )
        resolution = (
            _layout_value(fig, subplot, "resolution")
            or _layout_value(fig, "geo", "resolution")
            or 110
        )
        name = f"{scope}_{int(resolution)}m"
        if name not in names:
            names.append(name)
    return names


def _topojson_script(names: list[str]) -> str:
    """A script registering the topojson plotly.js would otherwise fetch from its CDN.

    plotly.js looks in ``window.PlotlyGeoAssets.topojson[name]`` before fetching, and only
    creates that object when it does not exist yet, so defining it before plotly.js loads works.
    """
    assets: dict[str, Any] = {}
    for name in names:
        path = TOPOJSON_DIR / f"{name}.json"
        if not path.is_file():
            log.warning("no local topojson %s; the HTML map needs network for it", path.name)
            continue
        assets[name] = json.loads(path.read_text("utf-8"))
    payload = json.dumps({"topojson": assets}, separators=(",", ":"))
    # "</" would end the script element early; "<\/" is the same string to JavaScript.
    payload = payload.replace("</", "<\\/")
    return f"<script>window.PlotlyGeoAssets = {payload};</script>"


def _plot_config(kind: str, options: ChartOptions) -> dict:
    return {
        "displaylogo": False,
        "showSendToCloud": False,
        # Fixed size: the titles, legend and footer are placed in pixels for this size.
        "responsive": False,
        # A relative folder: if a map ever needs a file we did not embed, it is looked for next
        # to the HTML file, never on plotly's CDN.
        "topojsonURL": "topojson/",
        "toImageButtonOptions": image_button_options(kind, options=options),
    }


def figure_to_html(fig: go.Figure, *, kind: str, options: ChartOptions, title: str) -> bytes:
    """A standalone HTML page with the chart; plotly.js and map data embedded (works offline).

    :param fig: a decorated figure.
    :param kind: chart kind, for the image button's file name.
    :param options: size (the page shows the chart at this size).
    :param title: the page's ``<title>``.
    """
    fig = go.Figure(fig).update_layout(width=options.width, height=options.height)
    div = pio.to_html(
        fig,
        full_html=False,
        include_plotlyjs=True,
        include_mathjax=False,
        config=_plot_config(kind, options),
        default_width=f"{options.width}px",
        default_height=f"{options.height}px",
        validate=True,
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"{_topojson_script(_topojson_names(fig))}\n"
        '</head>\n<body style="margin:0">\n'
        f"{div}\n</body>\n</html>\n"
    )
    return page.encode("utf-8")


def render_chart(
    kind: str,
    incidents: pd.DataFrame,
    *,
    fmt: str,
    filters: Any = None,
    options: ChartOptions | None = None,
    generated: dt.date | None = None,
) -> bytes:
    """The chart as file bytes: what ``gnss-tracker export chart`` writes and the dashboard sends.

    :param kind: one of :data:`CHART_KINDS`.
    :param incidents: incidents already filtered by ``filters``; not modified.
    :param fmt: one of :data:`CHART_FORMATS`.
    :param filters: the :class:`tracker.filters.Filters` used, stated in the subtitle.
    :param options: size, scale and title.
    :param generated: date in the footer (UTC today by default).
    :raises ValueError: unknown kind or format.
    :raises ChromiumMissingError: PNG/SVG/PDF without a browser installed.
    :raises ExportError: the browser failed.
    """
    if fmt not in CHART_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(CHART_FORMATS)}")
    options = options or ChartOptions()
    # Hover labels only matter where a pointer can reach them: in the HTML page.
    fig = publication_figure(
        kind, incidents, filters=filters, options=options, generated=generated, hover=fmt == "html"
    )
    if fmt == "html":
        return figure_to_html(
            fig, kind=kind, options=options, title=options.title or DEFAULT_TITLES[kind]
        )
    assert fmt in STATIC_FORMATS
    if fmt == "pdf":
        fig = pdf_safe(fig)
    if kind == "map" and _spans_the_world(incidents):
        # At world scale the 1:110m outlines look the same in a picture as the 1:50m ones, and
        # draw 2-3 times faster; zoomed-in maps keep the dashboard's 1:50m detail. (The HTML
        # keeps 1:50m because readers zoom in.)
        fig.update_geos(resolution=110)
    # Scale only means something for pixels; a vector file keeps the layout's size.
    scale = options.scale if fmt == "png" else 1.0
    return render_static(fig, fmt=fmt, width=options.width, height=options.height, scale=scale)


#: A map whose incidents span more than this many degrees of longitude (or half as many of
#: latitude) shows most of the world.
WORLD_SPAN_DEGREES = 100.0


def _spans_the_world(incidents: pd.DataFrame) -> bool:
    if len(incidents) == 0:
        return False
    lon = pd.to_numeric(incidents[INC.longitude], errors="coerce")
    lat = pd.to_numeric(incidents[INC.latitude], errors="coerce")
    if lon.notna().sum() == 0:
        return False
    lon_span = float(lon.max() - lon.min())
    lat_span = float(lat.max() - lat.min())
    return lon_span > WORLD_SPAN_DEGREES or lat_span > WORLD_SPAN_DEGREES / 2


#: Added to the legend entry of a bar trace drawn pale instead of hatched (PDF).
PDF_PALE_NOTE = " (pale bars)"


def pdf_safe(fig: go.Figure) -> go.Figure:
    """A copy with hatch patterns replaced by pale bars with a strong outline, for PDF.

    Chromium's PDF printer turns plotly's SVG fill patterns into huge images (17 MB and 40 s for
    the shipped dataset's timeline; over a minute, then a timeout, at 2,000 incidents), so a PDF
    draws the timeline's "month/year only" bars pale (a quarter of the colour) with a solid
    outline, and their legend entries say "(pale bars)". PNG, SVG and HTML keep the hatching.
    """
    patterned = [
        i
        for i, trace in enumerate(fig.data)
        if trace.type == "bar" and trace.marker.pattern and trace.marker.pattern.shape
    ]
    if not patterned:
        return fig
    out = go.Figure(fig)
    for i in patterned:
        trace = out.data[i]
        color = trace.marker.pattern.fgcolor or trace.marker.line.color
        trace.marker.pattern = None
        trace.marker.line.width = 1.5
        if isinstance(color, str) and color.startswith("#") and len(color) == 7:
            r, g, b = (int(color[k : k + 2], 16) for k in (1, 3, 5))
            trace.marker.color = f"rgba({r},{g},{b},0.22)"
            trace.marker.line.color = color
        if trace.name and not trace.name.endswith(PDF_PALE_NOTE):
            trace.name = trace.name + PDF_PALE_NOTE
    return out


def image_button_options(kind: str, *, options: ChartOptions | None = None) -> dict:
    """``config.toImageButtonOptions`` for a chart: PNG at export size with a meaningful name.

    plotly.js appends the extension itself, so the file name has none.
    """
    options = options or ChartOptions()
    name = default_filename(kind, "png").removesuffix(".png")
    return {
        "format": "png",
        "filename": name,
        "width": options.width,
        "height": options.height,
        "scale": options.scale,
    }
