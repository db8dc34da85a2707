"""Static chart images leave out what only a pointer uses, and draw exactly the same.

A PNG, SVG or PDF cannot be hovered or clicked, so the map's per-incident hover labels and ids
are left out of the figure sent to the browser (they were most of a large map's figure). These
tests hold that to "the same drawing": same traces, points, colours and legend; and, with the
real Chromium, the same PNG bytes.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from dashboard_data import incident, incidents_frame
from export_helpers import make_export_dataset

from tracker import dataset, figures
from tracker.export import charts, render_chart
from tracker.export.browser import render_static
from tracker.schema import INC

GENERATED = dt.date(2026, 11, 27)
#: What a pointer uses and a static image never draws.
POINTER_ONLY = ("text", "customdata", "hovertemplate", "hoverinfo")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> dataset.Dataset:
    return dataset.load(make_export_dataset(tmp_path_factory.mktemp("static") / "data"))


def _many(n: int = 300):
    rng = np.random.default_rng(5)
    kinds = ("jamming", "spoofing", "both", "unknown")
    return incidents_frame(
        [
            incident(
                **{
                    INC.id: f"2024-01-01-p{i}",
                    INC.latitude: float(lat),
                    INC.longitude: float(lon),
                    INC.interference: kinds[i % 4],
                    INC.radius_km: 40.0 if i % 7 == 0 else None,
                }
            )
            for i, (lat, lon) in enumerate(
                zip(rng.uniform(50, 60, n), rng.uniform(10, 30, n), strict=True)
            )
        ]
    )


def _drawn(fig) -> list[dict]:
    """Each trace as JSON-ready data, less what only a pointer uses."""
    out = []
    for trace in fig.to_plotly_json()["data"]:
        drawn = {k: v for k, v in trace.items() if k not in POINTER_ONLY}
        out.append(
            {k: np.asarray(v).tolist() if k in ("lon", "lat") else v for k, v in drawn.items()}
        )
    return out


@pytest.mark.parametrize("max_points", [figures.MAX_POINTS, 100], ids=["points", "hexagons"])
def test_map_without_hover_draws_the_same_traces(max_points):
    frame = _many()
    interactive = figures.map_figure(frame, max_points=max_points)
    static = figures.map_figure(frame, max_points=max_points, hover=False)
    assert _drawn(static) == _drawn(interactive)
    assert static.layout == interactive.layout
    for trace in static.data:
        assert trace.text is None and trace.customdata is None and trace.hovertemplate is None
    # The interactive map still carries a label and an id per incident.
    if max_points == figures.MAX_POINTS:
        ids = [i for t in interactive.data if t.customdata is not None for i in t.customdata]
        assert sorted(ids) == sorted(frame[INC.id])


def test_static_formats_leave_out_hover_labels_html_keeps_them(data, monkeypatch):
    sent = []

    def fake_render_static(fig, **kwargs):
        sent.append(fig)
        return b"image"

    monkeypatch.setattr(charts, "render_static", fake_render_static)
    for fmt in ("png", "svg", "pdf"):
        render_chart("map", data, fmt=fmt, generated=GENERATED)
    assert len(sent) == 3
    for fig in sent:
        assert all(trace.text is None and trace.customdata is None for trace in fig.data)
        drawn = [t for t in fig.data if t.mode == "markers"]
        assert sum(len(t.lon) for t in drawn) == len(data.incidents)
    page = render_chart("map", data, fmt="html", generated=GENERATED).decode("utf-8")
    assert "Confidence: " in page and "London" in page  # the hover labels


@pytest.mark.browser
def test_static_map_png_is_the_same_image_as_with_hover_labels(data):
    png = render_chart("map", data, fmt="png", generated=GENERATED)
    options = charts.ChartOptions()
    with_hover = charts.publication_figure(
        "map", data.incidents, options=options, generated=GENERATED
    )
    assert any(t.text is not None for t in with_hover.data)
    same = render_static(
        with_hover, fmt="png", width=options.width, height=options.height, scale=options.scale
    )
    assert png == same
