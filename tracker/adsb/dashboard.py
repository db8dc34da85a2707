"""The ADS-B layer in the dashboard: an optional map layer and the incident panel's evidence.

Everything here is read-only and cached per store state (the store's days and their file times),
so switching the layer on, moving the date range back and forth, or opening incidents repeats no
Parquet reads. With an empty store the map layer is not offered at all.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging

import pandas as pd

from tracker import safety
from tracker.adsb.corroborate import (
    NO_DATA,
    corroborate,
    incident_radius_km,
    incident_window,
)
from tracker.adsb.figures import LAYER_NAME, hex_layer_traces
from tracker.adsb.levels import DEFAULT_THRESHOLDS, Thresholds
from tracker.adsb.stats import aggregate, read_layer
from tracker.adsb.store import LayerStore
from tracker.schema import INC

__all__ = [
    "LAYER_ID",
    "EVIDENCE",
    "COMPONENT_IDS",
    "evidence_outputs",
    "evidence_slot",
    "panel_card",
    "panel_figures",
    "panel_outputs",
    "register_callbacks",
    "store_signature",
    "layer_traces",
    "adsb_map_layer",
    "incident_evidence",
    "incident_levels",
    "detail_children",
    "EVIDENCE_PARAM",
    "EVIDENCE_CHOICES",
    "evidence_category",
    "evidence_filter",
    "evidence_columns",
    "filter_outputs",
]

logger = logging.getLogger(__name__)

LAYER_ID = "adsb"


def store_signature(store: LayerStore) -> tuple:
    """Changes whenever a day or the manifest is written (cache key); see
    :meth:`LayerStore.signature`."""
    return store.signature()


@functools.lru_cache(maxsize=4)
def _cached_aggregate(signature: tuple, start, end, medium: float, high: float):
    """Each hexagon's worst day and the daily region counts of ``[start, end]``, computed once
    for the map and the panel: whole months from their rollups, the rest from the day files
    (:func:`tracker.adsb.stats.aggregate`). Callers must not modify the frames."""
    store = LayerStore(signature[0])
    thresholds = Thresholds(medium=medium, high=high)
    return aggregate(store, start=start, end=end, thresholds=thresholds, signature=signature)


@functools.lru_cache(maxsize=32)
def _cached_traces(signature: tuple, start, end, medium: float, high: float) -> tuple:
    store = LayerStore(signature[0])
    summary = _cached_aggregate(signature, start, end, medium, high).summary
    days = sum(1 for ordinal, *_ in signature[2] if start <= dt.date.fromordinal(ordinal) <= end)
    traces = hex_layer_traces(summary, suspect_days=store.suspect_days(), single_day=days <= 1)
    return tuple(traces)


def layer_traces(
    filters, *, store: LayerStore, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list:
    """Medium and high hexes for the filters' date range (the whole layer if it is open).

    A range covering several days shows each hex's worst day. Returns new trace objects each
    call (plotly figures own their traces).
    """
    signature = store_signature(store)
    stored = [dt.date.fromordinal(o) for o, *_ in signature[2]]
    if not stored:
        return []
    start = getattr(filters, "date_from", None) or stored[0]
    end = getattr(filters, "date_to", None) or stored[-1]
    start, end = max(start, stored[0]), min(end, stored[-1])
    if start > end:
        return []
    traces = _cached_traces(signature, start, end, thresholds.medium, thresholds.high)
    return [t.__class__(t) for t in traces]


def adsb_map_layer(store: LayerStore | None = None, *, thresholds: Thresholds = DEFAULT_THRESHOLDS):
    """The ADS-B layer as a dashboard plugin, or None if the store is empty.

    The :class:`tracker.dashboard.layers.MapLayer` draws medium and high hexagons, owns the panel
    below the timeline (:func:`panel_card`) and the evidence slot in the incident card
    (:func:`evidence_slot`), and registers the callbacks filling both (:func:`register_callbacks`).
    Declared under the ``gnss_tracker.map_layers`` entry point, so the dashboard offers it by
    default without importing this package.
    """
    from tracker.dashboard.layers import IncidentColumn, MapLayer

    store = store if store is not None else LayerStore()
    days = store.days()
    if not days:
        return None
    first, last = days[0], days[-1]
    # Short: the dashboard shows layer notes on one line in the map's corner.
    note = f"ADS-B layer {first.isoformat()} to {last.isoformat()}. {safety.NO_DATA_CAVEAT}"
    return MapLayer(
        LAYER_ID,
        LAYER_NAME,
        functools.partial(layer_traces, store=store, thresholds=thresholds),
        note=note,
        panel=lambda topojson_url: panel_card(topojson_url=topojson_url),
        detail=evidence_slot,
        register=functools.partial(register_callbacks, store=store),
        component_ids=COMPONENT_IDS,
        incident_filter=functools.partial(evidence_filter, store=store),
        export_columns=functools.partial(evidence_columns, store=store),
        incident_column=IncidentColumn(
            "ADS-B level", functools.partial(incident_levels, store=store, thresholds=thresholds)
        ),
    )


#: Process-local cache of evidence tables, keyed by store state and incidents content.
_EVIDENCE_CACHE: dict[tuple, pd.DataFrame] = {}
_EVIDENCE_CACHE_SIZE = 8


_EVIDENCE_COLUMNS = [
    INC.id,
    INC.date,
    INC.date_precision,
    INC.end_date,
    INC.latitude,
    INC.longitude,
    INC.radius_km,
    INC.geocode_precision,
    INC.interference,
]


def incident_evidence(incidents: pd.DataFrame, *, store: LayerStore | None = None) -> pd.DataFrame:
    """:func:`corroborate` for every incident, cached per incidents content and store state."""
    store = store if store is not None else LayerStore()
    frame = incidents[[c for c in _EVIDENCE_COLUMNS if c in incidents]].reset_index(drop=True)
    content = int(pd.util.hash_pandas_object(frame, index=False).sum()) if len(frame) else 0
    key = (store_signature(store), content, len(frame))
    hit = _EVIDENCE_CACHE.get(key)
    if hit is None:
        if len(_EVIDENCE_CACHE) >= _EVIDENCE_CACHE_SIZE:
            _EVIDENCE_CACHE.clear()
        hit = _EVIDENCE_CACHE[key] = corroborate(frame, store)
    return hit.copy()


def incident_levels(
    incidents: pd.DataFrame, *, store: LayerStore, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> list[str]:
    """The layer's level (``no-data``, ``none``, ``low``, ``medium``, ``high``) for each row,
    with ``· contradicted`` when the layer contradicts the report (``adsb_contradicts``).

    Meant for a page of the incident list (a few dozen rows): evidence is computed per incident.
    """
    if len(incidents) == 0 or not store.days():
        return [NO_DATA] * len(incidents)
    frame = incidents[[c for c in _EVIDENCE_COLUMNS if c in incidents]].reset_index(drop=True)
    evidence = corroborate(frame, store, thresholds=thresholds)
    return [
        f"{level} · {CONTRADICTED}" if bool(flag) else str(level)
        for level, flag in zip(evidence["adsb_level"], evidence["adsb_contradicts"], strict=True)
    ]


def _describe(row: pd.Series, evidence: pd.Series) -> list[str]:
    first, last = incident_window(
        row.get(INC.date), row.get(INC.end_date), row.get(INC.date_precision)
    )
    radius = incident_radius_km(row.get(INC.radius_km), row.get(INC.geocode_precision))
    where = f"hexagons within {radius:.0f} km" if radius > 0 else "its hexagon"
    span = f"{first.isoformat()} to {last.isoformat()}"
    level = str(evidence["adsb_level"])
    lines = []
    if level == NO_DATA:
        if int(evidence["adsb_days"]) == 0:
            lines.append(f"No ADS-B layer data for {span}.")
        else:
            lines.append(
                f"No aircraft in {where} on the {int(evidence['adsb_days'])} layer day(s) "
                f"of {span}."
            )
    else:
        share = float(evidence["adsb_max_share"]) * 100
        lines.append(
            f"Level: {level}. Up to {share:.1f} % of aircraft reported degraded GNSS accuracy, "
            f"in {where} over {span} ({int(evidence['adsb_hexes'])} hexagon(s) with aircraft, "
            f"{int(evidence['adsb_aircraft']):,} aircraft-hexagon-days, "
            f"{int(evidence['adsb_days'])} layer day(s))."
        )
    if int(evidence["adsb_suspect_days"]):
        lines.append(
            f"{int(evidence['adsb_suspect_days'])} of those days GPSJam marks as incomplete."
        )
    return lines


def detail_children(
    row: pd.Series, incidents: pd.DataFrame, *, store: LayerStore | None = None
) -> list:
    """Dash components for the incident panel: the layer's evidence.

    Empty when the store holds no day or none of the incident's days (+- 1).
    """
    from dash import html

    store = store if store is not None else LayerStore()
    if not store.days():
        return []
    try:
        evidence = incident_evidence(incidents, store=store).set_index(INC.id).loc[row[INC.id]]
    except (KeyError, OSError, ValueError):
        logger.warning("no ADS-B evidence for %s", row.get(INC.id), exc_info=True)
        return []
    if int(evidence["adsb_days"]) == 0:
        return []  # the layer does not cover the incident's dates at all: nothing to say
    children = [html.H4("ADS-B layer (GPSJam method)", className="h6 mt-2")]
    children += [
        html.P(line, className="mb-1 small adsb-evidence") for line in _describe(row, evidence)
    ]
    if bool(evidence["adsb_contradicts"]):
        children.append(
            html.P(
                "Flag: the layer saw plenty of aircraft here and little interference. The report "
                "is kept; jamming at low altitude or brief events can escape the daily layer.",
                className="mb-1 small adsb-contradicts text-warning-emphasis",
            )
        )
    children.append(html.P(safety.NO_DATA_CAVEAT, className="mb-1 small text-muted"))
    return children


# --------------------------------------------------------------------------- filter

#: The layer's URL setting: which incidents to keep by the layer's evidence.
EVIDENCE_PARAM = f"{LAYER_ID}.evidence"
CORROBORATED = "corroborated"
CONTRADICTED = "contradicted"
#: Choices of the evidence filter: (value, label). ``all`` is the default (no filtering).
EVIDENCE_CHOICES = (
    ("all", "All incidents"),
    (CORROBORATED, "Corroborated (medium or high nearby)"),
    (CONTRADICTED, "Contradicted (many aircraft, little interference)"),
    (NO_DATA, "No ADS-B data"),
)
_CHOICE_WORDS = {
    CORROBORATED: "ADS-B: corroborated",
    CONTRADICTED: "ADS-B: contradicted",
    NO_DATA: "ADS-B: no data",
}


def evidence_category(evidence: pd.DataFrame) -> pd.Series:
    """Each incident's evidence in one word: ``corroborated`` (the layer shows medium or high
    interference nearby), ``contradicted`` (``adsb_contradicts``), ``no-data``, or ``""`` (the
    layer saw aircraft but neither corroborates nor contradicts).

    :param evidence: the frame :func:`corroborate` returns.
    """
    level = evidence["adsb_level"].astype(str)
    out = pd.Series("", index=evidence.index, dtype=object)
    out[level.isin(["medium", "high"])] = CORROBORATED
    out[evidence["adsb_contradicts"].astype(bool)] = CONTRADICTED
    out[level == NO_DATA] = NO_DATA
    return out


def evidence_columns(incidents: pd.DataFrame, *, store: LayerStore) -> pd.DataFrame:
    """The ``adsb_*`` columns of :func:`corroborate` by incident id (the dashboard's data
    download adds them while the layer is on)."""
    from tracker.adsb.corroborate import ADSB_COLUMNS

    return incident_evidence(incidents, store=store).set_index(INC.id)[list(ADSB_COLUMNS)]


def evidence_filter(incidents: pd.DataFrame, view, *, store: LayerStore):
    """The dashboard's incident filter for this layer (see ``MapLayer.incident_filter``).

    :returns: ``(mask, text)`` keeping the incidents whose evidence matches the view's
        ``adsb.evidence`` setting, or None for ``all`` or an unknown value.
    """
    choice = view.param(EVIDENCE_PARAM) if view is not None else None
    if choice not in _CHOICE_WORDS:
        return None
    evidence = incident_evidence(incidents, store=store)
    mask = (evidence_category(evidence) == choice).to_numpy()
    return mask, _CHOICE_WORDS[choice]


# --------------------------------------------------------------------------- panel

PANEL = "adsb-panel"
PANEL_TIMELINE = "adsb-timeline"
PANEL_REGIONS = "adsb-regions"
PANEL_NOTE = "adsb-panel-note"
FILTER = "adsb-evidence-filter"


@functools.lru_cache(maxsize=16)
def _cached_panel(signature: tuple, start, end, medium: float, high: float) -> tuple:
    from tracker.adsb.figures import region_stats_figure, timeline_figure
    from tracker.adsb.stats import region_stats

    store = LayerStore(signature[0])
    found = _cached_aggregate(signature, start, end, medium, high)
    suspect = store.suspect_days()
    timeline = timeline_figure(found.daily, suspect_days=suspect)
    regions = region_stats_figure(region_stats(found.daily, found.summary, regions=found.regions))
    return timeline.to_dict(), regions.to_dict()


def panel_figures(filters, *, store: LayerStore, thresholds: Thresholds = DEFAULT_THRESHOLDS):
    """Timeline of affected hexagons per region and per-region bars for the filters' dates.

    :returns: ``(timeline, regions, note)``: two figure dicts and a sentence saying which days
        the layer covers; figures say so themselves when there is no data.
    """
    signature = store_signature(store)
    stored = [dt.date.fromordinal(o) for o, *_ in signature[2]]
    start = getattr(filters, "date_from", None) or (stored[0] if stored else None)
    end = getattr(filters, "date_to", None) or (stored[-1] if stored else None)
    if stored:
        start, end = max(start, stored[0]), min(end, stored[-1])
    if not stored or start > end:
        from tracker.adsb.figures import region_stats_figure, timeline_figure
        from tracker.adsb.stats import daily_region_counts

        empty = daily_region_counts(read_layer(store, start=dt.date(1, 1, 1), end=dt.date(1, 1, 1)))
        note = "The ADS-B layer holds no day in the selected period."
        return timeline_figure(empty).to_dict(), region_stats_figure(empty).to_dict(), note
    timeline, regions = _cached_panel(signature, start, end, thresholds.medium, thresholds.high)
    note = (
        f"ADS-B layer, {start.isoformat()} to {end.isoformat()}: hexagons at medium or high "
        "per day and region (a hexagon is placed in the region of its centre). "
        + safety.NO_DATA_CAVEAT
    )
    return timeline, regions, note


def panel_card(*, topojson_url: str = "") -> object:
    """The panel (hidden until the layer is switched on): a timeline and region bars."""
    from dash import dcc, html

    config = {"showSendToCloud": False, "displaylogo": False, "topojsonURL": topojson_url}
    choices = [{"label": label, "value": value} for value, label in EVIDENCE_CHOICES]
    body = [
        html.Fieldset(
            [
                html.Legend("Show incidents by ADS-B evidence", className="form-label small mb-1"),
                dcc.RadioItems(
                    id=FILTER,
                    options=choices,
                    value="all",
                    inline=True,
                    className="small",
                    inputClassName="form-check-input me-1",
                    labelClassName="form-check-label me-3",
                ),
            ],
            className="mb-2",
        ),
        html.P(id=PANEL_NOTE, className="text-muted small mb-1"),
        dcc.Graph(id=PANEL_TIMELINE, figure={"data": [], "layout": {}}, config=config,
                  style={"height": "300px"}),
        dcc.Graph(id=PANEL_REGIONS, figure={"data": [], "layout": {}}, config=config,
                  style={"height": "380px"}),
    ]  # fmt: skip
    return html.Section(
        [
            html.Div(
                html.H2("ADS-B interference layer", className="card-title h6 mb-0"),
                className="card-header",
            ),
            html.Div(body, className="card-body"),
        ],
        id=PANEL,
        hidden=True,
        className="card shadow-sm adsb-card",
    )


def panel_outputs(view, *, store: LayerStore) -> tuple:
    """The panel callback's outputs for a parsed view state: ``(hidden, timeline, regions, note)``.

    :param view: the dashboard's view state (``.filters``, ``.layers``) for the page URL, or
        None for a URL the dashboard refused.
    Hidden (and nothing recomputed) unless the view switches the ADS-B layer on.
    """
    from dash import no_update

    if view is None or LAYER_ID not in view.layers:
        return True, no_update, no_update, no_update
    timeline, regions, note = panel_figures(view.filters, store=store)
    return False, timeline, regions, note


#: Slot in the incident card for the layer's evidence (filled by :func:`evidence_outputs`).
EVIDENCE = "adsb-evidence"
#: Every component id the layer creates (the dashboard checks them against its own).
COMPONENT_IDS = (PANEL, PANEL_TIMELINE, PANEL_REGIONS, PANEL_NOTE, EVIDENCE, FILTER)


def evidence_outputs(view, incidents: pd.DataFrame, *, store: LayerStore) -> list:
    """The incident card's ADS-B paragraph for the incident open in ``view``.

    :param view: the parsed view state (``.incident``), or None.
    :param incidents: the dashboard's incidents.
    """
    incident_id = getattr(view, "incident", "") if view is not None else ""
    if not incident_id:
        return []
    match = incidents[incidents[INC.id] == incident_id]
    if len(match) == 0:
        return []
    return detail_children(match.iloc[0], incidents, store=store)


def filter_outputs(view, search, choice, from_control: bool) -> tuple:
    """The evidence filter's callback: ``(search, radio value)``.

    A change of the radio buttons writes the setting into the URL (``adsb.evidence=...``; the
    dashboard then narrows its views through :func:`evidence_filter`); a change of the URL
    (a shared link, the reset button) moves the radio buttons.
    """
    from dash import no_update
    from dash.exceptions import PreventUpdate

    if view is None:
        raise PreventUpdate
    current = view.param(EVIDENCE_PARAM) or "all"
    if from_control:
        value = choice if choice in dict(EVIDENCE_CHOICES) else "all"
        if value == current:
            raise PreventUpdate
        new = view.with_param(EVIDENCE_PARAM, None if value == "all" else value)
        return new.to_query(), no_update
    shown = current if current in dict(EVIDENCE_CHOICES) else "all"
    return no_update, shown


def evidence_slot() -> object:
    """An empty Div for the incident card; :func:`register_callbacks` fills it."""
    from dash import html

    return html.Div(id=EVIDENCE, className="adsb-evidence-slot", **{"aria-live": "polite"})


def register_callbacks(app, context, *, store: LayerStore) -> None:
    """Register the panel's and the evidence slot's callbacks (the page URL drives both).

    :param context: a :class:`tracker.dashboard.layers.LayerContext` (URL id, URL parser,
        incidents).
    """
    from dash import Input, Output

    @app.callback(
        Output(PANEL, "hidden"),
        Output(PANEL_TIMELINE, "figure"),
        Output(PANEL_REGIONS, "figure"),
        Output(PANEL_NOTE, "children"),
        Input(context.url, "search"),
    )
    def _adsb_panel(search):
        return panel_outputs(context.view(search), store=store)

    @app.callback(
        Output(context.url, "search", allow_duplicate=True),
        Output(FILTER, "value"),
        Input(context.url, "search"),
        Input(FILTER, "value"),
        prevent_initial_call="initial_duplicate",
    )
    def _adsb_filter(search, choice):
        from dash import ctx

        return filter_outputs(context.view(search), search, choice, ctx.triggered_id == FILTER)

    @app.callback(Output(EVIDENCE, "children"), Input(context.url, "search"))
    def _adsb_evidence(search):
        try:
            view = context.view(search)
            if view is None or not view.incident:
                return []
            return evidence_outputs(view, context.incidents(), store=store)
        except Exception:  # noqa: BLE001 - the evidence must never break the incident card
            logger.warning("ADS-B evidence failed", exc_info=True)
            return []
