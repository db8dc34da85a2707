"""Exports for reporters: publication-ready charts and spreadsheet/GIS-ready data.

One library behind both the ``gnss-tracker export`` commands and the dashboard's download menus,
so a file downloaded from the dashboard is the file the CLI writes for the same filters.

>>> from tracker import dataset
>>> from tracker.filters import Filters
>>> data = dataset.load()                                         # doctest: +SKIP
>>> f = Filters.validated(interference=["spoofing"])
>>> png = render_chart("map", data, filters=f, fmt="png")         # doctest: +SKIP
>>> csv_bytes = render_data(data, filters=f, fmt="csv")           # doctest: +SKIP

Modules: :mod:`~tracker.export.charts` (figures to files), :mod:`~tracker.export.data` (CSV and
GeoJSON), :mod:`~tracker.export.browser` (the shared headless Chromium),
:mod:`~tracker.export.files` (safe output paths).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

import pandas as pd

from tracker.export.browser import ChromiumMissingError, ExportError, find_chromium, shutdown
from tracker.export.charts import (
    CHART_FORMATS,
    CHART_KINDS,
    DEFAULT_TITLES,
    MEDIA_TYPES,
    ChartOptions,
    decorate_for_publication,
    image_button_options,
    publication_figure,
)
from tracker.export.charts import render_chart as _render_chart_frame
from tracker.export.data import (
    DATA_FORMATS,
    incidents_to_csv,
    incidents_to_geojson,
    neutralise_cell,
)
from tracker.export.files import (
    OutputPathError,
    check_output_path,
    default_filename,
    safe_filename,
    write_output,
)
from tracker.schema import INC, SRC

__all__ = [
    "CHART_KINDS",
    "CHART_FORMATS",
    "DATA_FORMATS",
    "DEFAULT_TITLES",
    "MEDIA_TYPES",
    "ChartOptions",
    "ExportError",
    "ChromiumMissingError",
    "OutputPathError",
    "filtered",
    "render_chart",
    "render_data",
    "decorate_for_publication",
    "publication_figure",
    "image_button_options",
    "neutralise_cell",
    "incidents_to_csv",
    "incidents_to_geojson",
    "default_filename",
    "safe_filename",
    "check_output_path",
    "write_output",
    "find_chromium",
    "shutdown",
]

log = logging.getLogger(__name__)


def filtered(data: Any, filters: Any = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The incidents matching ``filters`` and the sources of those incidents.

    :param data: a :class:`tracker.dataset.Dataset` (anything with ``incidents`` and ``sources``).
    :param filters: a :class:`tracker.filters.Filters`, or ``None`` for everything.
    :returns: ``(incidents, sources)``, new frames; ``data`` is not modified.
    """
    incidents = _filtered_incidents(data, filters)
    sources = data.sources
    if len(sources):
        sources = sources.loc[sources[SRC.incident_id].isin(incidents[INC.id])]
    return incidents, sources


def _filtered_incidents(data: Any, filters: Any) -> pd.DataFrame:
    return data.incidents if filters is None else filters.apply(data.incidents)


def render_chart(
    kind: str,
    data: Any,
    *,
    fmt: str,
    filters: Any = None,
    options: ChartOptions | None = None,
    generated: dt.date | None = None,
) -> bytes:
    """A chart of the filtered dataset as file bytes (PNG, SVG, PDF or standalone HTML).

    :param kind: ``map``, ``timeline`` or ``regions``.
    :param data: the full :class:`tracker.dataset.Dataset`; ``filters`` picks the incidents.
    :param fmt: ``png``, ``svg``, ``pdf`` or ``html``.
    :param filters: a :class:`tracker.filters.Filters`; stated in the chart's subtitle.
    :param options: size, PNG scale and title (:class:`ChartOptions`).
    :param generated: date printed in the footer (UTC today by default).
    :raises ValueError: unknown kind or format.
    :raises ChromiumMissingError: a static format was asked for and no Chromium is installed.
    :raises ExportError: the export browser failed.
    """
    # A chart draws incidents only: no need to select their sources too.
    incidents = _filtered_incidents(data, filters)
    return _render_chart_frame(
        kind,
        incidents,
        fmt=fmt,
        filters=filters,
        options=options or ChartOptions(),
        generated=generated,
    )


def render_data(
    data: Any,
    *,
    fmt: str,
    filters: Any = None,
    extra: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
) -> bytes:
    """The filtered incidents, with their sources, as CSV or GeoJSON bytes.

    :param data: the full :class:`tracker.dataset.Dataset`.
    :param fmt: ``csv`` (spreadsheet-safe) or ``geojson`` (RFC 7946).
    :param filters: a :class:`tracker.filters.Filters`, or ``None`` for every incident.
    :param extra: ``extra(incidents) -> frame`` of more columns for the filtered incidents,
        indexed by incident id (the CLI's ``--adsb`` passes the ADS-B layer's evidence).
    :raises ValueError: unknown format, or an extra column named like an exported one.
    """
    incidents, sources = filtered(data, filters)
    more = extra(incidents) if extra is not None else None
    if fmt == "csv":
        return incidents_to_csv(incidents, sources, extra=more)
    if fmt == "geojson":
        return incidents_to_geojson(incidents, sources, extra=more)
    raise ValueError(f"unknown data format {fmt!r}; choose one of {', '.join(DATA_FORMATS)}")
