"""Download menus: each chart as PNG, SVG, PDF or HTML, and the filtered data as CSV or GeoJSON.

The files are made by :mod:`tracker.export`, the library behind ``gnss-tracker export``, from the
filters in the URL, so a download is the file the CLI writes for the same filters (title,
subtitle with the filters, footer with attribution and caveat).

Wiring (three layout pieces and one call):

* :func:`chart_menu` ``("map")`` in a chart card's header (``map``, ``timeline``, ``regions``,
  ``countries``), or :func:`with_menu` ``("map", hint)`` next to the header's hint text;
* :func:`data_menu` once, e.g. in the sidebar under the filters;
* :func:`download_components` once anywhere in the page (the ``dcc.Download`` and a status line);
* :func:`register` ``(app, data_dir=..., loader=...)`` next to the other callbacks.

The menus are plain ``<details>`` elements: no JavaScript, keyboard accessible. Every click
is validated on the server (anyone can POST any id to Dash): unknown kinds or formats are
ignored, the filters go through :meth:`tracker.filters.Filters.from_query`, and the file name is
ours, never taken from the request.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dash import ALL, Dash, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from tracker import safety
from tracker.dashboard import ids
from tracker.dashboard.data import load_view_data
from tracker.dashboard.layers import MapLayer, combined_incident_filter, export_columns
from tracker.dashboard.sources import SourcesChangedError
from tracker.dashboard.state import ViewState
from tracker.export import (
    CHART_FORMATS,
    CHART_KINDS,
    DATA_FORMATS,
    ChromiumMissingError,
    ExportError,
    default_filename,
    filtered,
    render_chart,
    render_data,
)
from tracker.schema import INC

__all__ = [
    "BUTTON_TYPE",
    "DOWNLOAD",
    "STATUS",
    "chart_menu",
    "with_menu",
    "data_menu",
    "download_components",
    "download",
    "item_label",
    "register",
]

logger = logging.getLogger(__name__)

#: Pattern-matching id type of every download button: ``{"type", "kind", "fmt"}``.
BUTTON_TYPE = "export-button"
#: The one ``dcc.Download`` of the page.
DOWNLOAD = "export-download"
#: A line that says when an export failed (e.g. no Chromium on the server).
STATUS = "export-status"
#: ``kind`` of the data buttons.
DATA_KIND = "incidents"

#: What each file is, after the chart's or data's name ("Map: PNG image, for slides").
_LABELS = {
    "png": "PNG image, for slides and documents",
    "svg": "SVG vector image, for editing",
    "pdf": "PDF document, for print",
    "html": "interactive HTML page, works offline",
    "csv": "CSV spreadsheet, incidents with their sources",
    "geojson": "GeoJSON, incidents with their sources, for GIS",
}
#: The chart or data each menu saves, as its button and items name it.
_NOUNS = {
    "map": "Map",
    "timeline": "Timeline",
    "regions": "Regions chart",
    "countries": "Countries chart",
    DATA_KIND: "Filtered incidents",
}


def item_label(kind: str, fmt: str) -> str:
    """A download item's text: what the file shows and what kind of file it is."""
    return f"{_NOUNS.get(kind, kind.capitalize())}: {_LABELS[fmt]}"


def _button(kind: str, fmt: str) -> html.Button:
    return html.Button(
        item_label(kind, fmt),
        id={"type": BUTTON_TYPE, "kind": kind, "fmt": fmt},
        n_clicks=0,
        type="button",
        className="dropdown-item export-item",
        title=f"Saves {default_filename(kind, fmt)} (the filters shown apply)",
    )


def _menu(label: str, kind: str, formats: tuple[str, ...], *, class_name: str = "") -> html.Details:
    return html.Details(
        [
            html.Summary(label, className="btn btn-sm btn-outline-secondary export-summary"),
            html.Div([_button(kind, fmt) for fmt in formats], className="export-items shadow-sm"),
        ],
        className=f"export-menu {class_name}".strip(),
        id=f"export-menu-{kind}",
    )


def chart_menu(kind: str) -> html.Details:
    """A "Download" menu for one chart: PNG, SVG, PDF, HTML.

    :param kind: one of :data:`tracker.export.CHART_KINDS`.
    """
    if kind not in CHART_KINDS:
        raise ValueError(f"unknown chart {kind!r}; choose one of {', '.join(CHART_KINDS)}")
    return _menu(f"Download {_NOUNS[kind].lower()}", kind, CHART_FORMATS)


def with_menu(kind: str, hint) -> html.Div:
    """A card header's right-hand side: the card's hint text and its download menu.

    :param kind: chart kind for :func:`chart_menu`.
    :param hint: the component the header showed before (e.g. a short usage hint).
    """
    return html.Div([hint, chart_menu(kind)], className="d-flex align-items-center gap-2")


def data_menu() -> html.Details:
    """A "Download incidents" menu: the filtered incidents and their sources as CSV or GeoJSON."""
    return _menu("Download incidents", DATA_KIND, DATA_FORMATS, class_name="export-data")


def download_components() -> html.Div:
    """The page's ``dcc.Download`` and the status line; put it once in the layout."""
    return html.Div(
        [
            dcc.Download(id=DOWNLOAD),
            html.Div(id=STATUS, className="export-status small text-danger", role="status"),
        ]
    )


@dataclass(frozen=True)
class _Subset:
    """What the export library reads of a dataset: incidents and sources."""

    incidents: object
    sources: object


def download(
    data_dir: Path,
    button_id,
    query,
    *,
    loader: Callable | None = None,
    layers: Sequence[MapLayer] = (),
) -> tuple[dict, str]:
    """The file for a clicked download button.

    :param data_dir: the dashboard's data folder.
    :param button_id: the clicked button's id, ``{"type", "kind", "fmt"}`` (untrusted).
    :param query: the filters store's query string (untrusted).
    :param loader: the dashboard's dataset loader.
    :param layers: the dashboard's map layers; those switched on in ``query`` narrow the
        incidents and may add data columns (see :class:`MapLayer`).
    :returns: ``(dcc.send_bytes result, status text)``.
    :raises PreventUpdate: for ids or queries that no button of ours can send.
    """
    if not isinstance(button_id, dict):
        raise PreventUpdate
    kind, fmt = button_id.get("kind"), button_id.get("fmt")
    is_chart = kind in CHART_KINDS and fmt in CHART_FORMATS
    is_data = kind == DATA_KIND and fmt in DATA_FORMATS
    if not (is_chart or is_data):
        raise PreventUpdate
    if not safety.query_accepted(query):
        raise PreventUpdate
    data = load_view_data(data_dir, loader=loader)
    view = ViewState.from_query(query, known_regions=data.regions, known_countries=data.countries)
    filters = view.filters
    name = default_filename(kind, fmt)
    # The switched-on map layers narrow the incidents as they do on screen, and may add columns.
    active = [layer for layer in layers if layer.id in view.layers]
    keep, _ = combined_incident_filter(active, data.incidents, view)
    source = _Subset(data.incidents if keep is None else data.incidents.loc[keep], data.sources)
    if is_data:
        # The server holds only a few columns of the sources: read the rest of those exported.
        chosen, _ = filtered(source, filters)
        try:
            source = _Subset(chosen, data.sources_of(chosen[INC.id]))
        except SourcesChangedError:
            return no_update, "The data changed; reload the page and download again."
        extra = functools.partial(export_columns, active) if active else None
        content = render_data(source, fmt=fmt, filters=filters, extra=extra)
    else:
        content = render_chart(kind, source, fmt=fmt, filters=filters)
    logger.info("export %s as %s (%d bytes)", kind, fmt, len(content))
    return dcc.send_bytes(content, name), ""


def register(
    app: Dash,
    *,
    data_dir: Path,
    loader: Callable | None = None,
    layers: Sequence[MapLayer] = (),
) -> None:
    """Attach the download callback to ``app``."""

    @app.callback(
        Output(DOWNLOAD, "data"),
        Output(STATUS, "children"),
        Input({"type": BUTTON_TYPE, "kind": ALL, "fmt": ALL}, "n_clicks"),
        State(ids.FILTERS_STORE, "data"),
        prevent_initial_call=True,
    )
    def _download(clicks, query):
        # The menus are created with n_clicks=0; only a real click (a positive count) exports.
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            raise PreventUpdate
        try:
            return download(data_dir, ctx.triggered_id, query, loader=loader, layers=layers)
        except ChromiumMissingError:
            logger.error("chart export needs Chromium on the server", exc_info=True)
            return no_update, (
                "Image export is not available on this server (Chromium is not installed). "
                "HTML and data downloads still work."
            )
        except ExportError:
            logger.exception("export failed")
            return no_update, "The export failed; please try again."
