"""Map exports framed to the data and to the export's own shape; PDF timelines without hatching
patterns but with pale bars that the legend names."""

from __future__ import annotations

import re

import pytest
from dashboard_data import incidents_frame, sample_dataset

from tracker import figures
from tracker.export import ChartOptions, publication_figure
from tracker.export.charts import PDF_PALE_NOTE, pdf_safe, plot_area, render_chart
from tracker.schema import INC

SIZES = (ChartOptions(width=1200, height=700), ChartOptions(width=800, height=800))


@pytest.fixture(scope="module")
def sample():
    incidents, _ = sample_dataset()
    return incidents_frame(incidents)


def _subsets(frame):
    return {
        "baltic": frame[frame[INC.region] == "Baltic Sea region"],
        "middle-east": frame[frame[INC.region] == "Middle East"],
        "all": frame,
    }


def _box_aspect(fig) -> float:
    lon0, lon1 = fig.layout.geo.lonaxis.range
    lat0, lat1 = fig.layout.geo.lataxis.range
    return figures.mercator_aspect(lon0, lon1, lat0, lat1)


@pytest.mark.parametrize("options", SIZES, ids=["1200x700", "800x800"])
def test_map_export_extent_has_the_shape_of_its_plot_area(sample, options):
    for name, frame in _subsets(sample).items():
        fig = publication_figure("map", frame, options=options)
        width, height = plot_area(fig, options)
        assert _box_aspect(fig) == pytest.approx(width / height, rel=0.01), name
        # Every incident stays inside the frame.
        lon0, lon1 = fig.layout.geo.lonaxis.range
        lat0, lat1 = fig.layout.geo.lataxis.range
        assert frame[INC.longitude].between(lon0, lon1).all(), name
        assert frame[INC.latitude].between(lat0, lat1).all(), name


def test_the_dashboard_keeps_its_own_frame(sample):
    # The dashboard's map is framed for its own card; a square export is not.
    dashboard = figures.map_figure(sample)
    assert _box_aspect(dashboard) == pytest.approx(figures.MAP_ASPECT, rel=0.01)
    square = publication_figure("map", sample, options=SIZES[1])
    assert _box_aspect(square) < figures.MAP_ASPECT * 0.8


def test_fill_aspect_widens_without_cropping_and_stays_on_the_globe():
    # A tall box is widened sideways, a wide box upwards, each to the asked shape.
    for box in ((20, 30, 50, 70), (-20, 60, 55, 60), (170, 179, 60, 65)):
        for aspect in (0.8, 1.7, 2.5):
            lon0, lon1, lat0, lat1 = figures._fill_aspect(*box, aspect)
            assert lon0 <= box[0] and lon1 >= box[1] and lat0 <= box[2] and lat1 >= box[3]
            assert -180 <= lon0 < lon1 <= 180 and -60 <= lat0 < lat1 <= 85
            assert figures.mercator_aspect(lon0, lon1, lat0, lat1) == pytest.approx(aspect, 0.01)


def test_pdf_timeline_draws_pale_bars_named_in_the_legend(sample):
    fig = publication_figure("timeline", sample)
    hatched = [t for t in fig.data if t.marker.pattern and t.marker.pattern.shape]
    assert hatched, "the sample has a month-only incident: the timeline hatches it"
    pdf = pdf_safe(fig)
    assert not [t for t in pdf.data if t.marker.pattern and t.marker.pattern.shape]
    pale = [t for t in pdf.data if t.name and t.name.endswith(PDF_PALE_NOTE)]
    assert [t.name for t in pale] == [t.name + PDF_PALE_NOTE for t in hatched]
    assert all(t.marker.color.startswith("rgba(") and t.marker.line.width >= 1.5 for t in pale)
    # Bars that were not hatched are unchanged, and the input figure is untouched.
    plain = [t for t in fig.data if t not in hatched]
    assert [t.name for t in plain] == [
        t.name for t in pdf.data if t.name in {p.name for p in plain}
    ]
    assert [t for t in fig.data if t.marker.pattern and t.marker.pattern.shape] == hatched


@pytest.mark.browser
def test_rendered_map_fills_its_plot_area(sample):
    options = SIZES[1]
    baltic = _subsets(sample)["baltic"]
    svg = render_chart("map", baltic, fmt="svg", options=options).decode("utf-8")
    # plotly clips the map to the area it draws in: that rectangle is the map.
    match = re.search(r'clipPath id="[^"]*geo"><rect x="[^"]*" y="[^"]*" width="([^"]+)" '
                      r'height="([^"]+)"', svg)  # fmt: skip
    assert match, "no geo clip path in the SVG"
    drawn_w, drawn_h = float(match.group(1)), float(match.group(2))
    width, height = plot_area(publication_figure("map", baltic, options=options), options)
    assert drawn_w >= 0.97 * width and drawn_h >= 0.97 * height


@pytest.mark.browser
def test_pdf_timeline_is_small(sample):
    content = render_chart("timeline", sample, fmt="pdf")
    assert content.startswith(b"%PDF-")
    # Fill patterns made PDF timelines megabytes of images; pale bars are vector.
    assert len(content) < 500_000
