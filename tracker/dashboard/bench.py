"""Measure one dashboard filter change server-side: every view recomputed and serialised.

This is what the server does between receiving a new URL and answering the browser: filter,
aggregate, build the map, timeline, bar charts and tables (:func:`views.render_views`), then
serialise them the way Dash does (:func:`plotly.io.json.to_json_plotly`, which uses ``orjson``).

>>> from benchmarks import synthetic                               # doctest: +SKIP
>>> data = view_data(synthetic.generate(100_000, seed=1).incidents)  # doctest: +SKIP
>>> seconds, size = filter_change(data, Filters(interference=("jamming",)))  # doctest: +SKIP
"""

from __future__ import annotations

import time

import pandas as pd
from plotly.io.json import to_json_plotly

from tracker.dashboard import views
from tracker.dashboard.data import ViewData, prepare, view_frame
from tracker.filters import Filters
from tracker.schema import INC

__all__ = ["view_data", "filter_change"]


def view_data(incidents: pd.DataFrame, sources: pd.DataFrame | None = None) -> ViewData:
    """Prepare an incidents frame as the dashboard's loader does (the one-off cost per load)."""
    prepared = prepare(incidents)
    return ViewData(
        prepared,
        sources if sources is not None else pd.DataFrame(),
        regions=tuple(sorted(set(prepared[INC.region]) - {""})),
        countries=tuple(sorted(set(prepared[INC.country]) - {""})),
        view=view_frame(prepared),
    )


def filter_change(data: ViewData, filters: Filters) -> tuple[float, int]:
    """Seconds (wall clock) and bytes of the JSON body for one filter change."""
    start = time.perf_counter()
    out = views.render_views(data, filters)
    body = to_json_plotly([out[k] for k in views.VIEW_KEYS])
    return time.perf_counter() - start, len(body.encode("utf-8"))
