"""The dashboard's layout: components only, no logic (values come from the callbacks)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from dash import dash_table, dcc, html
from dash.dash_table.Format import Format, Scheme, Sign

from tracker import safety, schema
from tracker.dashboard import downloads, ids, incident_list, published_panel
from tracker.dashboard.data import ViewData
from tracker.dashboard.layers import MapLayer
from tracker.dashboard.views import BARS_HEIGHT, TIMELINE_HEIGHT
from tracker.figures import TYPE_COLORS, TYPE_LABELS
from tracker.stats import STAT

__all__ = ["build_layout", "graph_config"]

#: The same words as on every published chart (one copy, in tracker.safety).
CAVEAT = safety.CAVEAT


def graph_config(topojson_url: str, *, filename: str) -> dict:
    """Plotly config for every graph: local map outlines, no cloud button, no plotly logo."""
    return {
        "topojsonURL": topojson_url,
        "showSendToCloud": False,
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["sendDataToCloud", "editInChartStudio"],
    }


def _checklist(component_id: str, values: Sequence[str], labels: dict[str, str]) -> dcc.Checklist:
    return dcc.Checklist(
        id=component_id,
        options=[{"label": labels.get(v, v), "value": v} for v in values],
        value=[],
        className="filter-checklist",
        inputClassName="form-check-input me-1",
        labelClassName="form-check-label d-block",
    )


def _type_labels() -> list[dict]:
    options = []
    for kind in schema.INTERFERENCE_TYPES:
        swatch = html.Span(className="swatch", style={"backgroundColor": TYPE_COLORS[kind]})
        options.append({"label": html.Span([swatch, TYPE_LABELS[kind]]), "value": kind})
    return options


def _sidebar(data: ViewData, layers: Sequence[MapLayer]) -> html.Aside:
    names = schema.country_names()
    layer_box = html.Div(
        [
            html.Div("Map layers", className="form-label", id=f"{ids.MAP_LAYERS}-label"),
            dcc.Checklist(
                id=ids.MAP_LAYERS,
                options=[{"label": layer.label, "value": layer.id} for layer in layers],
                value=[],
                inputClassName="form-check-input me-1",
                labelClassName="form-check-label d-block",
            ),
        ],
        className="mb-3",
        hidden=not layers,
    )
    return html.Aside(
        [
            html.H2("Filters", className="h6 text-uppercase text-muted mb-3"),
            html.Div(
                [
                    html.Label("Search", htmlFor=ids.TEXT, className="form-label"),
                    dcc.Input(
                        id=ids.TEXT,
                        type="search",
                        debounce=0.5,
                        value="",
                        maxLength=200,
                        placeholder="place, flight, operator...",
                        className="form-control form-control-sm",
                        # No autocomplete token: Dash's default "off" on a search box trips
                        # axe-core 3's autocomplete-appropriate check (any value but "" does).
                        autoComplete="",
                    ),
                ],
                className="mb-3",
            ),
            html.Div(
                [
                    html.Div("Dates", className="form-label d-block", id=f"{ids.DATES}-label"),
                    dcc.DatePickerRange(
                        id=ids.DATES,
                        display_format="YYYY-MM-DD",
                        clearable=True,
                        # Also the inputs' accessible names.
                        start_date_placeholder_text="From date",
                        end_date_placeholder_text="To date",
                        min_date_allowed="1990-01-01",
                        max_date_allowed="2100-12-31",
                        className="date-range",
                    ),
                ],
                className="mb-3",
            ),
            html.Div(
                [
                    html.Div(
                        "Interference", className="form-label", id=f"{ids.INTERFERENCE}-label"
                    ),
                    dcc.Checklist(
                        id=ids.INTERFERENCE,
                        options=_type_labels(),
                        value=[],
                        className="filter-checklist",
                        inputClassName="form-check-input me-1",
                        labelClassName="form-check-label d-block",
                    ),
                ],
                className="mb-3",
            ),
            html.Div(
                [
                    html.Label(
                        "Region",
                        htmlFor=ids.REGION,
                        className="form-label",
                        id=f"{ids.REGION}-label",
                    ),
                    dcc.Dropdown(
                        id=ids.REGION,
                        options=[{"label": r, "value": r} for r in data.regions],
                        value=[],
                        multi=True,
                        placeholder="All regions",
                    ),
                ],
                className="mb-3",
            ),
            html.Div(
                [
                    html.Label(
                        "Country",
                        htmlFor=ids.COUNTRY,
                        className="form-label",
                        id=f"{ids.COUNTRY}-label",
                    ),
                    dcc.Dropdown(
                        id=ids.COUNTRY,
                        options=[
                            {"label": f"{names.get(c, c)} ({c})", "value": c}
                            for c in data.countries
                        ],
                        value=[],
                        multi=True,
                        placeholder="All countries",
                    ),
                ],
                className="mb-3",
            ),
            html.Div(
                [
                    html.Div("Confidence", className="form-label", id=f"{ids.CONFIDENCE}-label"),
                    _checklist(ids.CONFIDENCE, schema.CONFIDENCE_LEVELS, {}),
                ],
                className="mb-3",
            ),
            layer_box,
            html.Div(
                [
                    html.Button(
                        "Reset all filters",
                        id=ids.RESET,
                        n_clicks=0,
                        className="btn btn-outline-secondary btn-sm",
                    ),
                    html.Button(
                        "Clear map selection",
                        id=ids.CLEAR_AREA,
                        n_clicks=0,
                        className="btn btn-link btn-sm",
                    ),
                ],
                className="d-flex flex-wrap gap-1 mb-3",
            ),
            html.Div(
                [
                    html.Div(id=ids.SHOWN, className="fw-semibold"),
                    html.Div(id=ids.ACTIVE, className="text-muted small"),
                ],
                className="filter-summary",
                **{"aria-live": "polite"},
            ),
            html.Div(downloads.data_menu(), className="mt-3"),
        ],
        className="sidebar",
        id=ids.SIDEBAR,
        **{"aria-label": "Filters"},
    )


def _table(component_id: str, label: str) -> dash_table.DataTable:
    integer = Format(group=",")
    columns = [
        {"name": label, "id": "label", "type": "text"},
        {"name": "Incidents", "id": STAT.incidents, "type": "numeric", "format": integer},
        {"name": "Jamming", "id": "with_jamming", "type": "numeric", "format": integer},
        {"name": "Spoofing", "id": "with_spoofing", "type": "numeric", "format": integer},
        {
            "name": "Share",
            "id": STAT.share,
            "type": "numeric",
            "format": Format(precision=1, scheme=Scheme.percentage),
        },
        {"name": "First", "id": STAT.first, "type": "text"},
        {"name": "Last", "id": STAT.last, "type": "text"},
        {"name": "Last 90 d", "id": STAT.recent, "type": "numeric", "format": integer},
        {"name": "90 d before", "id": STAT.prior, "type": "numeric", "format": integer},
        {
            "name": "Change",
            "id": STAT.change,
            "type": "numeric",
            "format": Format(sign=Sign.positive, group=","),
        },
    ]
    return dash_table.DataTable(
        id=component_id,
        columns=columns,
        data=[],
        sort_action="native",
        sort_mode="single",
        # Every group on one scrolling page: the pager's buttons have no accessible name.
        page_action="none",
        cell_selectable=True,
        style_as_list_view=True,
        # The box around the table scrolls (see _table_box): a scrolling DataTable container
        # would have to be focusable, and a focused DataTable keeps the Tab key (a trap).
        style_header={"fontWeight": "600", "backgroundColor": "#f4f6f9", "whiteSpace": "normal"},
        style_cell={
            "fontFamily": "inherit",
            "fontSize": "13px",
            "padding": "3px 6px",
            "cursor": "pointer",
            "minWidth": "44px",
        },
        style_cell_conditional=[
            {"if": {"column_id": "label"}, "textAlign": "left", "minWidth": "130px"}
        ],
        tooltip_header={
            "with_jamming": "Incidents with jamming, including those with jamming and spoofing",
            "with_spoofing": "Incidents with spoofing, including those with jamming and spoofing",
            STAT.recent: "Incidents starting in the 90 days up to the latest date in the data",
            STAT.prior: "Incidents starting in the 90 days before that",
            STAT.share: "Share of the incidents shown",
        },
        export_format="none",
    )


def _table_box(component_id: str, label: str) -> html.Div:
    """The table in a box that scrolls both ways, reachable with Tab so keyboard users can
    scroll it too."""
    return html.Div(
        _table(component_id, label),
        className="table-wrap",
        tabIndex=0,
        role="region",
        **{"aria-label": f"Incidents by {label.lower()}, table"},
    )


def _card(
    title: str, body, *, extra=None, class_name: str = "", card_id: str | None = None
) -> html.Section:
    head = [html.H2(title, className="card-title h6 mb-0")]
    if extra is not None:
        head.append(extra)
    props = {"id": card_id} if card_id else {}
    return html.Section(
        [
            html.Div(
                head, className="card-header d-flex align-items-center justify-content-between"
            ),
            html.Div(body, className="card-body"),
        ],
        className=f"card shadow-sm {class_name}",
        **props,
    )


def _chart(graph, summary_id: str) -> html.Figure:
    """A chart and its text alternative: a sentence saying what it shows (filled by the
    callback), under it, as the figure's caption."""
    return html.Figure(
        [
            html.Div(graph, className="chart-graph"),
            html.Figcaption(id=summary_id, className="chart-summary"),
        ],
        className="chart mb-0",
    )


def build_layout(data: ViewData, *, topojson_url: str, layers: Sequence[MapLayer] = ()) -> html.Div:
    """The page. Values of the views are filled in by the callbacks from the URL."""
    graph = functools.partial(dcc.Graph, figure={"data": [], "layout": {}})

    def config(name: str) -> dict:
        return graph_config(topojson_url, filename=f"gnss-interference-{name}")

    # Map layers may own a panel below the timeline and a slot in the incident card.
    layer_panels = [layer.panel(topojson_url) for layer in layers if layer.panel is not None]
    layer_details = [layer.detail() for layer in layers if layer.detail is not None]
    header = html.Header(
        [
            html.Div(
                [
                    html.H1("GNSS Interference Tracker", className="h4 mb-0"),
                    html.P(CAVEAT, className="caveat mb-0"),
                ],
                className="header-title",
            ),
            # dt/dd straight under dl (a wrapping div is valid HTML but older checkers reject
            # it); the CSS grid puts each pair in a column.
            html.Dl(
                [
                    html.Dt("Incidents"),
                    html.Dd(id=ids.HEADER_TOTAL),
                    html.Dt("Period"),
                    html.Dd(id=ids.HEADER_SPAN),
                    html.Dt("Updated"),
                    html.Dd(id=ids.HEADER_UPDATED),
                ],
                className="header-stats mb-0",
            ),
            html.Button(
                "Filters",
                id=ids.FILTERS_TOGGLE,
                n_clicks=0,
                type="button",
                className="btn btn-light btn-sm filters-toggle",
                **{"aria-expanded": "false", "aria-controls": ids.SIDEBAR},
            ),
        ],
        className="app-header",
    )
    main = html.Main(
        [
            html.Div(id=ids.DATA_ERROR, className="alert alert-danger", role="alert", hidden=True),
            html.Div(
                [
                    _card(
                        "Map",
                        _chart(
                            dcc.Loading(
                                graph(
                                    id=ids.MAP,
                                    config=config("map"),
                                    # Height from the CSS: it depends on the screen.
                                    className="map-graph",
                                ),
                                type="dot",
                                delay_show=400,
                            ),
                            ids.MAP_SUMMARY,
                        ),
                        extra=downloads.with_menu(
                            "map",
                            html.Span(
                                "Box or lasso to select an area · double-click to clear",
                                className="text-muted small",
                            ),
                        ),
                        class_name="map-card",
                    ),
                    _card(
                        "Incident",
                        [
                            html.Div(id=ids.DETAIL, className="detail", **{"aria-live": "polite"}),
                            *layer_details,
                        ],
                        extra=html.Button(
                            "Close",
                            id=ids.DETAIL_CLOSE,
                            n_clicks=0,
                            type="button",
                            className="btn btn-outline-secondary btn-sm",
                            **{"aria-label": "Close the incident"},
                        ),
                        class_name="detail-card",
                        card_id=ids.DETAIL_CARD,
                    ),
                ],
                className="grid-top",
            ),
            incident_list.card(),
            _card(
                "Timeline",
                _chart(
                    graph(
                        id=ids.TIMELINE,
                        config=config("timeline"),
                        style={"height": f"{TIMELINE_HEIGHT}px"},
                    ),
                    ids.TIMELINE_SUMMARY,
                ),
                extra=downloads.with_menu(
                    "timeline",
                    html.Span("Drag across the bars to filter dates", className="text-muted small"),
                ),
            ),
            published_panel.panel(),
            *layer_panels,
            html.Div(
                [
                    _card(
                        "By region",
                        [
                            html.Div(id=ids.REGION_NOTE, className="empty-note"),
                            html.Div(
                                [
                                    html.Div(
                                        _chart(
                                            graph(
                                                id=ids.REGION_BARS,
                                                config=config("regions"),
                                                style={"height": f"{BARS_HEIGHT}px"},
                                            ),
                                            ids.REGION_SUMMARY,
                                        ),
                                        className="bars",
                                    ),
                                    _table_box(ids.REGION_TABLE, "Region"),
                                ],
                                className="grid-stats",
                            ),
                        ],
                        extra=downloads.with_menu(
                            "regions",
                            html.Span("Click a bar or row to filter", className="text-muted small"),
                        ),
                    ),
                    _card(
                        "By country",
                        [
                            html.Div(id=ids.COUNTRY_NOTE, className="empty-note"),
                            html.Div(
                                [
                                    html.Div(
                                        _chart(
                                            graph(
                                                id=ids.COUNTRY_BARS,
                                                config=config("countries"),
                                                style={"height": f"{BARS_HEIGHT}px"},
                                            ),
                                            ids.COUNTRY_SUMMARY,
                                        ),
                                        className="bars",
                                    ),
                                    _table_box(ids.COUNTRY_TABLE, "Country"),
                                ],
                                className="grid-stats",
                            ),
                        ],
                        extra=downloads.with_menu(
                            "countries",
                            html.Span("Click a bar or row to filter", className="text-muted small"),
                        ),
                    ),
                ],
                className="stats-stack",
            ),
            html.Footer(
                [
                    html.Span("Data: GNSS Interference Tracker (CC BY 4.0). "),
                    html.Span(CAVEAT),
                ],
                className="app-footer text-muted small",
            ),
        ],
        className="content",
    )
    return html.Div(
        [
            dcc.Location(id=ids.URL, refresh=False),
            dcc.Store(id=ids.FILTERS_STORE),
            dcc.Store(id=ids.MAP_META),
            downloads.download_components(),
            header,
            html.Div([_sidebar(data, layers), main], className="app-body"),
        ],
        className="app",
    )
