"""Optional map layers drawn under the incidents (for example the ADS-B interference hexagons).

A layer is a :class:`MapLayer`: an id (kebab-case; it appears in the URL as ``layer=<id>`` when the
layer is switched on), a label for its checkbox, and a function building its plotly traces for the
current filters. Pass layers to :func:`tracker.dashboard.create_app` (``map_layers=``), or return
them from :func:`default_layers`, which ``create_app`` uses when none are given. With no layer the
checkbox group is hidden.

>>> import plotly.graph_objects as go
>>> layer = MapLayer("demo", "Demo layer", lambda filters: [go.Scattergeo(lon=[0], lat=[0])])
>>> [t.type for t in layer.traces(None)]
['scattergeo']
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["MapLayer", "IncidentColumn", "default_layers"]

logger = logging.getLogger(__name__)


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
    :param incident_column: a column for the incident list while the layer is on (optional).
    """

    id: str
    label: str
    traces: Callable
    note: str = ""
    incident_column: IncidentColumn | None = None


def default_layers(data_dir: Path) -> Sequence[MapLayer]:
    """Layers available by default for ``data_dir``: the ADS-B interference layer when its store
    (``$GNSS_TRACKER_ADSB_STORE``, else ``.adsb-store/``; see docs/adsb.md) holds days."""
    del data_dir
    from tracker.adsb.dashboard import adsb_map_layer

    try:
        layer = adsb_map_layer()
    except (OSError, ValueError):  # an unreadable store must not stop the dashboard
        logger.warning("ADS-B layer unavailable", exc_info=True)
        return ()
    return (layer,) if layer is not None else ()
