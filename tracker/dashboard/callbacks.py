"""Callback wiring: thin functions that validate inputs and call :mod:`views` and :mod:`state`.

The URL query string is the single source of truth. :func:`sync_state` turns any user action
(a filter control, a map selection, a click) into a new query string and echoes the state back
into the controls; :func:`render` draws every view from the filters, and :func:`detail` draws the
incident panel. Nothing is kept between requests except the cached data loader, so the app runs
the same in one process or many gunicorn workers.

Inputs are untrusted (anyone can POST to ``/_dash-update-component``): everything passes through
:meth:`tracker.filters.Filters.validated` or the parsers in :mod:`tracker.dashboard.state`, and
values that make no sense raise ``PreventUpdate``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from dash import ClientsideFunction, Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from tracker import safety
from tracker.dashboard import ids, state, views
from tracker.dashboard.data import ViewData, load_view_data
from tracker.dashboard.layers import MapLayer, combined_incident_filter
from tracker.dashboard.state import ViewState

__all__ = ["register", "sync_state", "render", "detail", "detail_class", "highlight", "header"]

logger = logging.getLogger(__name__)

# Properties that carry a user action, in the order sync_state receives them.
_ACTION_INPUTS = (
    (ids.RESET, "n_clicks"),
    (ids.CLEAR_AREA, "n_clicks"),
    (ids.DETAIL_CLOSE, "n_clicks"),
    (ids.MAP, "selectedData"),
    (ids.MAP, "clickData"),
    (ids.TIMELINE, "selectedData"),
    (ids.REGION_BARS, "clickData"),
    (ids.REGION_TABLE, "active_cell"),
    (ids.COUNTRY_BARS, "clickData"),
    (ids.COUNTRY_TABLE, "active_cell"),
)


def _known(data: ViewData) -> dict:
    return {"known_regions": data.regions, "known_countries": data.countries}


def _trigger() -> tuple[str | None, object]:
    """The id (``map-graph.clickData`` for the map's two inputs) and value that fired.

    When several properties changed at once (plotly can report a click and a selection in the
    same event loop), a click wins: it is the more specific action.
    """
    fired = [t for t in (ctx.triggered or []) if t.get("prop_id") not in (None, ".")]
    if not fired:
        return None, None
    fired.sort(key=lambda t: not str(t["prop_id"]).endswith(".clickData"))
    component, _, prop = str(fired[0]["prop_id"]).partition(".")
    if component == ids.MAP:
        component = f"{ids.MAP}.{prop}"
    return component, fired[0].get("value")


def sync_state(
    data_dir: Path, search, controls: dict, trigger: str | None, value, *, loader=None
) -> tuple:
    """The new query string and the control values that show it.

    :param search: the URL's current query string.
    :param controls: current control values keyed by id (see :func:`state.next_state`).
    :returns: ``(search, start_date, end_date, interference, region, country, confidence, text,
        region_active_cell, country_active_cell, map_layers)``; ``no_update`` for an unchanged URL.
    """
    if not safety.query_accepted(search):
        raise PreventUpdate
    data = load_view_data(data_dir, loader=loader)
    current = ViewState.from_query(search, **_known(data))
    new = state.next_state(current, trigger, value, controls=controls)
    f = new.filters
    query = new.to_query()
    from_url = trigger in (None, ids.URL)
    return (
        no_update if (query == (search or "") and not from_url) else query,
        state.date_value(f.date_from),
        state.date_value(f.date_to),
        list(f.interference),
        list(f.region),
        list(f.country),
        list(f.confidence),
        f.text,
        None,  # clear the tables' active cell so a second click on the same row toggles back
        None,
        list(new.layers),
    )


def render(data_dir: Path, search, layers: Sequence[MapLayer] = (), *, loader=None) -> tuple:
    """Every view for the filters in ``search`` (see :data:`views.VIEW_KEYS`)."""
    if not safety.query_accepted(search):
        raise PreventUpdate
    data = load_view_data(data_dir, loader=loader)
    view = ViewState.from_query(search, **_known(data))
    active = [layer for layer in layers if layer.id in view.layers]
    traces = [t for layer in active for t in layer.traces(view.filters)]
    mask, described = combined_incident_filter(active, data.incidents, view)
    out = views.render_views(
        data, view.filters, layers=traces, extra_mask=mask, extra_active=described
    )
    notes = [layer.note for layer in active if layer.note]
    if notes:
        out["map"]["layout"].setdefault("annotations", []).append(
            dict(
                text=" · ".join(notes),
                xref="paper",
                yref="paper",
                x=0.99,
                y=0.99,
                xanchor="right",
                yanchor="top",
                showarrow=False,
                bgcolor="rgba(255,255,255,0.85)",
            )
        )
    return tuple(out[k] for k in views.VIEW_KEYS)


def detail(data_dir: Path, search, *, loader=None) -> list:
    """The incident panel for the ``incident`` in ``search``."""
    if not safety.query_accepted(search):
        raise PreventUpdate
    data = load_view_data(data_dir, loader=loader)
    return views.render_detail(data, ViewState.from_query(search).incident)


_DETAIL_CLASS = "card shadow-sm detail-card"
#: More traces than any map figure has (types x points and areas, hexagon classes, layers).
_MAX_MAP_TRACES = 1000


def detail_class(search) -> str:
    """The incident card's classes: ``is-open`` while an incident is open (on a phone the card
    then covers the page, and is hidden otherwise)."""
    if not safety.query_accepted(search):
        raise PreventUpdate
    return _DETAIL_CLASS + (" is-open" if ViewState.from_query(search).incident else "")


def highlight(data_dir: Path, search, map_traces, *, loader=None) -> tuple[Patch, Patch]:
    """Patches marking the selected incident: a ring on the map, a band on the timeline.

    Patches change the drawn figures in place, so opening an incident redraws neither chart.

    :param map_traces: number of traces of the map as drawn (the ring is the last).
    """
    if not safety.query_accepted(search):
        raise PreventUpdate
    data = load_view_data(data_dir, loader=loader)
    marks = views.selection_marks(data, ViewState.from_query(search).incident)
    map_patch = Patch()
    # The trace count comes back from the browser: only a plausible one is used.
    if isinstance(map_traces, int) and 0 < map_traces <= _MAX_MAP_TRACES:
        has_position = marks["lon"] is not None
        map_patch["data"][map_traces - 1]["lon"] = [marks["lon"]] if has_position else []
        map_patch["data"][map_traces - 1]["lat"] = [marks["lat"]] if has_position else []
    timeline_patch = Patch()
    shapes = []
    if marks["start"]:
        shapes.append(
            dict(
                type="rect",
                xref="x",
                yref="paper",
                x0=marks["start"],
                x1=marks["end"],
                y0=0,
                y1=1,
                fillcolor="rgba(17,17,17,0.10)",
                line=dict(color="#111111", width=1.5, dash="dot"),
                layer="above",
            )
        )
    timeline_patch["layout"]["shapes"] = shapes
    return map_patch, timeline_patch


def header(data_dir: Path, *, loader=None) -> tuple:
    """Header texts and the data-problems panel."""
    data = load_view_data(data_dir, loader=loader)
    texts = views.render_header(data)
    problems = views.render_problems(data)
    return texts["total"], texts["span"], texts["updated"], problems, not problems


def register(app: Dash, *, data_dir: Path, layers: Sequence[MapLayer] = (), loader=None) -> None:
    """Attach the callbacks to ``app`` for the data in ``data_dir``."""
    control_outputs = [
        Output(ids.DATES, "start_date"),
        Output(ids.DATES, "end_date"),
        Output(ids.INTERFERENCE, "value"),
        Output(ids.REGION, "value"),
        Output(ids.COUNTRY, "value"),
        Output(ids.CONFIDENCE, "value"),
        Output(ids.TEXT, "value"),
        Output(ids.REGION_TABLE, "active_cell"),
        Output(ids.COUNTRY_TABLE, "active_cell"),
        Output(ids.MAP_LAYERS, "value"),
    ]

    @app.callback(
        Output(ids.URL, "search"),
        *control_outputs,
        Input(ids.URL, "search"),
        Input(ids.DATES, "start_date"),
        Input(ids.DATES, "end_date"),
        Input(ids.INTERFERENCE, "value"),
        Input(ids.REGION, "value"),
        Input(ids.COUNTRY, "value"),
        Input(ids.CONFIDENCE, "value"),
        Input(ids.TEXT, "value"),
        Input(ids.MAP_LAYERS, "value"),
        *[Input(component, prop) for component, prop in _ACTION_INPUTS],
    )
    def _sync(
        search, start, end, interference, region, country, confidence, text, map_layers, *_actions
    ):
        trigger, value = _trigger()
        if trigger == ids.DATES:
            value = (start, end)
        controls = {
            ids.DATES: (start, end),
            ids.INTERFERENCE: interference,
            ids.REGION: region,
            ids.COUNTRY: country,
            ids.CONFIDENCE: confidence,
            ids.TEXT: text,
            ids.MAP_LAYERS: map_layers,
        }
        return sync_state(data_dir, search, controls, trigger, value, loader=loader)

    @app.callback(
        Output(ids.MAP, "figure"),
        Output(ids.TIMELINE, "figure"),
        Output(ids.REGION_BARS, "figure"),
        Output(ids.REGION_TABLE, "data"),
        Output(ids.REGION_NOTE, "children"),
        Output(ids.COUNTRY_BARS, "figure"),
        Output(ids.COUNTRY_TABLE, "data"),
        Output(ids.COUNTRY_NOTE, "children"),
        Output(ids.SHOWN, "children"),
        Output(ids.ACTIVE, "children"),
        Output(ids.MAP_SUMMARY, "children"),
        Output(ids.TIMELINE_SUMMARY, "children"),
        Output(ids.REGION_SUMMARY, "children"),
        Output(ids.COUNTRY_SUMMARY, "children"),
        Output(ids.MAP_META, "data"),
        Input(ids.FILTERS_STORE, "data"),
    )
    def _render(query):
        return render(data_dir, query, layers, loader=loader)

    @app.callback(
        Output(ids.MAP, "figure", allow_duplicate=True),
        Output(ids.TIMELINE, "figure", allow_duplicate=True),
        Input(ids.URL, "search"),
        Input(ids.MAP_META, "data"),
        prevent_initial_call=True,
    )
    def _highlight(search, map_traces):
        return highlight(data_dir, search, map_traces, loader=loader)

    @app.callback(
        Output(ids.FILTERS_STORE, "data"),
        Input(ids.URL, "search"),
        State(ids.FILTERS_STORE, "data"),
    )
    def _filters_only(search, previous):
        # The views depend on the filters, not on the open incident: opening an incident must not
        # recompute the map. This store changes only when the filter part of the URL does.
        if not safety.query_accepted(search):
            raise PreventUpdate
        data = load_view_data(data_dir, loader=loader)
        view = ViewState.from_query(search, **_known(data))
        query = ViewState(view.filters, layers=view.layers, params=view.params).to_query()
        if query == previous and previous is not None:
            raise PreventUpdate
        return query

    @app.callback(
        Output(ids.DETAIL, "children"),
        Output(ids.DETAIL_CARD, "className"),
        Input(ids.URL, "search"),
    )
    def _detail(search):
        return detail(data_dir, search, loader=loader), detail_class(search)

    # Browser-side helpers (tracker/assets/js/dashboard.js): the filters panel's button on small
    # screens, focus moved to an incident opened over the page, the list scrolled to its row.
    app.clientside_callback(
        ClientsideFunction("gnssTracker", "toggleFilters"),
        Output(ids.FILTERS_TOGGLE, "aria-expanded"),
        Input(ids.FILTERS_TOGGLE, "n_clicks"),
        State(ids.FILTERS_TOGGLE, "aria-expanded"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("gnssTracker", "focusDetail"),
        Input(ids.DETAIL_CARD, "className"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.HEADER_TOTAL, "children"),
        Output(ids.HEADER_SPAN, "children"),
        Output(ids.HEADER_UPDATED, "children"),
        Output(ids.DATA_ERROR, "children"),
        Output(ids.DATA_ERROR, "hidden"),
        Input(ids.URL, "pathname"),
    )
    def _header(_pathname):
        return header(data_dir, loader=loader)
