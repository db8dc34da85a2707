"""The incident list: a feature that owns its view, ids and callbacks.

Wiring, from :func:`tracker.dashboard.create_app`: put :func:`card` in the layout and call
:func:`register` with the app. The list reads the same two things as every view (the filters
store and the page URL, whose ``incident=`` is the selection) and writes only the URL's
``incident=`` when a row is opened; the detail panel, the map highlight and the timeline
highlight follow the URL like for a click on the map.

Layers switched on may add a column (:class:`tracker.dashboard.layers.IncidentColumn`), e.g. the
ADS-B layer's level; the list knows nothing about any particular layer.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence
from pathlib import Path

from dash import ALL, ClientsideFunction, Dash, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate

from tracker import safety
from tracker.dashboard import ids as page_ids
from tracker.dashboard.data import load_view_data
from tracker.dashboard.incident_list import ids
from tracker.dashboard.incident_list.model import ListState, list_page, next_list_state
from tracker.dashboard.incident_list.view import card, status_text, table_children
from tracker.dashboard.layers import MapLayer, combined_incident_filter
from tracker.dashboard.state import ViewState
from tracker.dashboard.views import as_json_tree

__all__ = ["card", "register", "update_list", "open_incident", "ids"]

logger = logging.getLogger(__name__)


def _check_query(query) -> None:
    if not safety.query_accepted(query):
        raise PreventUpdate


def update_list(
    data_dir: Path,
    filters_query,
    search,
    stored,
    trigger: str | None,
    value=None,
    *,
    layers: Sequence[MapLayer] = (),
    loader=None,
) -> tuple:
    """The list's outputs after one event.

    :param filters_query: the filters store (the filter part of the URL).
    :param search: the page URL's query string (its ``incident=`` is the selection).
    :param stored: the list's stored state (untrusted).
    :param trigger: ``"filters"``, ``"url"``, ``"sort"`` (``value`` the column key), ``"prev"``,
        ``"next"``, or ``None`` (page load).
    :returns: ``(table children, status, previous disabled, next disabled, stored state)``.
    """
    _check_query(filters_query)
    _check_query(search)
    data = load_view_data(data_dir, loader=loader)
    known = {"known_regions": data.regions, "known_countries": data.countries}
    view = ViewState.from_query(search, **known)
    # The filters store lags the URL by one round trip; the URL is the truth.
    filters = view.filters
    state = ListState.from_store(stored)
    state = next_list_state(state, trigger, value)
    # A new selection (a click on the map, a shared link) pages to it; so does a filter change
    # that keeps it. Paging or sorting afterwards leaves it behind.
    follow = bool(view.incident) and (
        view.incident != state.followed or trigger in (None, "filters")
    )
    if not view.incident and state.followed:
        state = dataclasses.replace(state, followed="")
    active = [layer for layer in layers if layer.id in view.layers]
    columns = [layer.incident_column for layer in active if layer.incident_column]
    # A layer that narrows the incidents (e.g. to those its data corroborates) narrows the list
    # as it narrows every other view.
    extra_mask, _ = combined_incident_filter(active, data.incidents, view)
    page = list_page(
        data.incidents,
        data.sources,
        filters,
        state,
        selected=view.incident,
        follow=follow,
        extra_columns=columns,
        extra_mask=extra_mask,
    )
    children = table_children(page, [c.label for c in columns])
    return (
        children,
        status_text(page),
        page.page == 0,
        page.page >= page.pages - 1,
        page.state.to_store(),
    )


def open_incident(search, incident_id) -> str:
    """The URL query string with ``incident_id`` open (the rest unchanged).

    :raises PreventUpdate: for a query or id no button of ours sends.
    """
    _check_query(search)
    if not isinstance(incident_id, str):
        raise PreventUpdate
    current = ViewState.from_query(search)
    new = dataclasses.replace(current, incident=incident_id)
    if ViewState.from_query(new.to_query()).incident != incident_id:  # not a valid id
        raise PreventUpdate
    return new.to_query()


def _trigger() -> tuple[str | None, object]:
    triggered = ctx.triggered_id
    if triggered is None:
        return None, None
    if isinstance(triggered, dict):
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            raise PreventUpdate  # a header button re-created with n_clicks=0, not a click
        return "sort", triggered.get("key")
    return {
        page_ids.FILTERS_STORE: "filters",
        page_ids.URL: "url",
        ids.PREV: "prev",
        ids.NEXT: "next",
    }.get(triggered), None


def register(app: Dash, *, data_dir: Path, layers: Sequence[MapLayer] = (), loader=None) -> None:
    """Attach the list's callbacks to ``app``."""

    @app.callback(
        Output(ids.TABLE, "children"),
        Output(ids.STATUS, "children"),
        Output(ids.PREV, "disabled"),
        Output(ids.NEXT, "disabled"),
        Output(ids.STATE, "data"),
        Input(page_ids.FILTERS_STORE, "data"),
        Input(page_ids.URL, "search"),
        Input({"type": ids.SORT, "key": ALL}, "n_clicks"),
        Input(ids.PREV, "n_clicks"),
        Input(ids.NEXT, "n_clicks"),
        State(ids.STATE, "data"),
    )
    def _list(filters_query, search, _sort, _prev, _next, stored):
        trigger, value = _trigger()
        children, *rest = update_list(
            data_dir,
            filters_query,
            search,
            stored,
            trigger,
            value,
            layers=layers,
            loader=loader,
        )
        # Plain dicts, not components: Dash's encoder then writes the page with orjson.
        return (as_json_tree(children), *rest)

    # After a page is drawn, scroll the list's box to the selected row (tracker/assets/js).
    app.clientside_callback(
        ClientsideFunction("gnssTracker", "scrollToSelected"), Input(ids.TABLE, "children")
    )

    @app.callback(
        Output(page_ids.URL, "search", allow_duplicate=True),
        Input({"type": ids.OPEN, "id": ALL}, "n_clicks"),
        State(page_ids.URL, "search"),
        prevent_initial_call=True,
    )
    def _open(_clicks, search):
        # Rows are created with n_clicks=0; only a real click (a positive count) opens one.
        if not ctx.triggered or not ctx.triggered[0].get("value"):
            raise PreventUpdate
        triggered = ctx.triggered_id
        if not isinstance(triggered, dict):
            raise PreventUpdate
        query = open_incident(search, triggered.get("id"))
        return query if query != (search or "") else no_update
