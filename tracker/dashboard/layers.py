"""Optional map layers: plugins that draw under the incidents and may bring their own views.

A layer is a :class:`MapLayer`. It always has an id (kebab-case; it appears in the URL as
``layer=<id>`` when the layer is switched on), a label for its checkbox and a function building
its plotly traces for the current filters. It may also own a panel below the timeline, a slot in
the incident card, and the callbacks that fill them: the dashboard places the components and calls
:attr:`MapLayer.register` with a :class:`LayerContext` (the page URL's id, a URL parser, the
incidents), so a layer never imports the dashboard's internals and the dashboard never imports a
layer's package (as webviz-subsurface plugins own their layout, ids and callbacks).

Pass layers to :func:`tracker.dashboard.create_app` (``map_layers=``); by default it offers the
layers that installed packages declare under the ``gnss_tracker.map_layers`` entry-point group
(see :func:`default_layers`). With no layer the checkbox group is hidden.

>>> import plotly.graph_objects as go
>>> layer = MapLayer("demo", "Demo layer", lambda filters: [go.Scattergeo(lon=[0], lat=[0])])
>>> [t.type for t in layer.traces(None)]
['scattergeo']
"""

from __future__ import annotations

import importlib.metadata
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = [
    "ENTRY_POINT_GROUP",
    "IncidentColumn",
    "LayerContext",
    "MapLayer",
    "default_layers",
    "combined_incident_filter",
    "export_columns",
]

logger = logging.getLogger(__name__)

#: Entry-point group under which packages declare layer factories (``factory() -> MapLayer |
#: None``; None when the layer has nothing to show, for example an empty store).
ENTRY_POINT_GROUP = "gnss_tracker.map_layers"


@dataclass(frozen=True)
class LayerContext:
    """What the dashboard hands a layer when the layer registers its callbacks.

    :param url: id of the page's ``dcc.Location``; its ``search`` property holds the whole view
        state, so a layer's callbacks take ``Input(context.url, "search")``.
    :param view: ``view(search)`` parses a URL query into the dashboard's view state (with
        ``.filters``, ``.incident`` and ``.layers``), or returns None for input that is not a
        query string or is longer than the query-length cap.
    :param incidents: ``incidents()`` returns the current incidents frame (cached per version of
        the data files; callers must not modify it).
    :param data_dir: the dashboard's data folder.
    """

    url: str
    view: Callable
    incidents: Callable
    data_dir: Path | None = None


@dataclass(frozen=True)
class IncidentColumn:
    """A column a layer adds to the incident list while it is switched on.

    :param label: the column's header (short: "ADS-B level").
    :param values: ``values(incidents) -> sequence of str``, one text per row of ``incidents``
        (the rows of the list's current page, with the schema's columns), in the same order.
        Called for one page at a time, so it may do per-incident work.
    """

    label: str
    values: Callable


@dataclass(frozen=True)
class MapLayer:
    """One optional map layer.

    :param id: kebab-case identifier, stable (shared links use it).
    :param label: checkbox label.
    :param traces: ``traces(filters) -> list`` of ``Scattergeo``/``Choropleth`` traces for the
        current :class:`tracker.filters.Filters` (for instance its date range). Must be fast and
        must escape any text it puts in hover labels (``tracker.figures.escape``).
    :param note: a sentence shown on the map while the layer is on (a caveat, a data gap).
    :param panel: ``panel(topojson_url) -> component`` placed below the timeline; the layer's
        callbacks show and fill it (hidden while the layer is off).
    :param detail: ``detail() -> component``: a slot in the incident card, below the incident's
        details, that the layer's callbacks fill with what it knows about the open incident.
    :param register: ``register(app, context)`` attaches the layer's callbacks
        (a :class:`LayerContext` gives it the URL id, a URL parser and the incidents).
    :param component_ids: the Dash ids of every component the layer creates; the dashboard
        refuses a layer whose ids collide with its own or another layer's.
    :param incident_filter: ``incident_filter(incidents, view) -> (mask, text) | None``: while
        the layer is on, a boolean array over ``incidents`` that narrows every view (map,
        timeline, tables) after the dashboard's filters, and a few words for the active-filters
        line; None when the layer does not filter. The layer keeps its setting in the URL as
        ``<layer id>.<name>=<value>`` (``view.param(key)``, ``view.with_param(key, value)``),
        set by its own control through ``Output(context.url, "search", allow_duplicate=True)``.
    :param export_columns: ``export_columns(incidents) -> frame`` indexed by incident id: extra
        columns for the dashboard's data download while the layer is on (the ADS-B layer adds
        its ``adsb_*`` evidence, as ``gnss-tracker export data --adsb`` does).
    :param incident_column: a column for the incident list while the layer is on
        (:class:`IncidentColumn`).
    """

    id: str
    label: str
    traces: Callable
    note: str = ""
    panel: Callable | None = None
    detail: Callable | None = None
    register: Callable | None = None
    component_ids: tuple[str, ...] = field(default=())
    incident_filter: Callable | None = None
    export_columns: Callable | None = None
    incident_column: IncidentColumn | None = None


def combined_incident_filter(layers: Sequence[MapLayer], incidents, view) -> tuple:
    """The combined incident filter of the switched-on layers that have one.

    :returns: ``(mask, descriptions)``: a boolean array over ``incidents`` (or None when no layer
        filters) and the layers' words for what they keep. A layer whose filter fails is left
        out (logged): an optional layer must not break the dashboard.
    """
    mask, described = None, []
    for layer in layers:
        if layer.incident_filter is None:
            continue
        try:
            got = layer.incident_filter(incidents, view)
        except Exception:  # noqa: BLE001 - see the docstring
            logger.warning("incident filter of layer %s failed", layer.id, exc_info=True)
            continue
        if got is None:
            continue
        keep, text = got
        keep = np.asarray(keep, dtype=bool)
        if keep.shape != (len(incidents),):
            logger.warning("incident filter of layer %s returned a wrong-sized mask", layer.id)
            continue
        mask = keep if mask is None else (mask & keep)
        described.append(text)
    return mask, tuple(described)


def export_columns(layers: Sequence[MapLayer], incidents):
    """The extra data-export columns of the switched-on layers, by incident id, or None.

    A layer whose columns fail is left out (logged).
    """
    import pandas as pd

    frames = []
    for layer in layers:
        if layer.export_columns is None:
            continue
        try:
            frames.append(layer.export_columns(incidents))
        except Exception:  # noqa: BLE001 - an optional layer must not break a download
            logger.warning("export columns of layer %s failed", layer.id, exc_info=True)
    return pd.concat(frames, axis=1) if frames else None


def default_layers(data_dir: Path | None = None) -> Sequence[MapLayer]:
    """Layers declared by installed packages under :data:`ENTRY_POINT_GROUP`.

    This package declares the ADS-B interference layer (``tracker.adsb.dashboard``), which is
    offered when its store (``$GNSS_TRACKER_ADSB_STORE``, else ``.adsb-store/``; see docs/adsb.md)
    holds days. A factory that fails (an unreadable store, say) is logged and skipped: an optional
    layer must not stop the dashboard.

    :param data_dir: unused; kept so callers may pass the dashboard's data folder.
    """
    del data_dir
    layers = []
    for entry in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=_name):
        try:
            layer = entry.load()()
        except (ImportError, AttributeError, OSError, ValueError):
            logger.warning("map layer %s unavailable", entry.name, exc_info=True)
            continue
        if layer is not None:
            layers.append(layer)
    return tuple(layers)


def _name(entry) -> str:
    return entry.name
