"""Tests for tracker.figures: pure figure functions shared by the dashboard and the exports."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest
from dashboard_data import incident, incidents_frame

from tracker import figures, stats
from tracker.dashboard.data import prepare
from tracker.schema import INC


def _frame():
    return incidents_frame(
        [
            incident(),
            incident(
                **{
                    INC.id: "2024-04-02-tallinn",
                    INC.date: "2024-04-02",
                    INC.location: "Tallinn <script>alert(1)</script> & co",
                    INC.latitude: 59.44,
                    INC.longitude: 24.75,
                    INC.country: "EE",
                    INC.interference: "spoofing",
                }
            ),
            incident(
                **{
                    INC.id: "2024-02-01-gulf",
                    INC.date: "2024-02-01",
                    INC.date_precision: "month",
                    INC.location: "Gulf of Finland",
                    INC.latitude: 59.8,
                    INC.longitude: 26.0,
                    INC.radius_km: 150.0,
                    INC.geocode_precision: "area",
                    INC.interference: "both",
                }
            ),
        ]
    )


def _json(fig: go.Figure) -> str:
    return fig.to_json()


def _points(fig: go.Figure) -> list[str]:
    ids = []
    for trace in fig.data:
        if trace.type == "scattergeo" and trace.mode == "markers" and trace.customdata is not None:
            ids.extend(trace.customdata)
    return ids


def test_map_has_one_marker_per_incident_with_ids():
    frame = _frame()
    fig = figures.map_figure(frame)
    assert sorted(_points(fig)) == sorted(frame[INC.id])
    assert fig.layout.template.layout.font.family == figures.TEMPLATE.layout.font.family


def test_map_colours_follow_the_palette():
    fig = figures.map_figure(_frame())
    colours = {t.legendgroup: t.marker.color for t in fig.data if t.mode == "markers"}
    assert colours == {k: figures.TYPE_COLORS[k] for k in ("jamming", "spoofing", "both")}


def test_area_incident_is_drawn_with_its_radius():
    fig = figures.map_figure(_frame())
    areas = [t for t in fig.data if t.mode == "lines" and t.fill == "toself"]
    assert len(areas) == 1
    lat = np.asarray(areas[0].lat, dtype=float)
    lat = lat[~np.isnan(lat)]
    # 150 km is about 1.35 degrees of latitude either side of 59.8.
    assert lat.max() == pytest.approx(59.8 + 150 / 111.2, abs=0.05)
    assert lat.min() == pytest.approx(59.8 - 150 / 111.2, abs=0.05)


def test_hover_escapes_markup_and_states_date_precision():
    fig = figures.map_figure(_frame())
    texts = [t for trace in fig.data if trace.mode == "markers" for t in trace.text]
    joined = " ".join(texts)
    assert "<script>" not in joined
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in joined
    assert "Feb 2024 (month only)" in joined
    assert "2024-02-01" not in joined  # never presented as day-exact


def test_hover_says_how_precisely_a_span_ends():
    rows = [
        incident(
            **{INC.id: "2024-03-10-a", INC.end_date: "2024-03-12", INC.end_date_precision: "day"}
        ),
        incident(
            **{INC.id: "2024-03-10-b", INC.end_date: "2024-03-20", INC.end_date_precision: "open"}
        ),
    ]
    rows.append(
        incident(
            **{INC.id: "2024-03-10-c", INC.end_date: "2024-04-30", INC.end_date_precision: "month"}
        )
    )
    labels = figures.hover_text(incidents_frame(rows))
    assert "2024-03-10 to 2024-03-12" in labels[0] and "or later" not in labels[0]
    assert "2024-03-10 to 2024-03-20 or later" in labels[1]
    assert "2024-03-10 to Apr 2024 (month only)" in labels[2]
    assert "2024-04-30" not in labels[2]


def test_titles_are_escaped():
    fig = figures.timeline_figure(_frame(), title="<b>T</b>", subtitle="a & b")
    assert fig.layout.title.text == "&lt;b&gt;T&lt;/b&gt;"
    assert fig.layout.title.subtitle.text == "a &amp; b"


def test_map_aggregates_into_hexagons_above_the_threshold_and_says_so():
    rng = np.random.default_rng(7)
    n = 300
    rows = [
        incident(
            **{INC.id: f"2024-01-01-p{i}", INC.latitude: float(lat), INC.longitude: float(lon)}
        )
        for i, (lat, lon) in enumerate(
            zip(rng.uniform(50, 60, n), rng.uniform(10, 30, n), strict=True)
        )
    ]
    frame = incidents_frame(rows)
    fig = figures.map_figure(frame, max_points=100)
    assert _points(fig) == [] or all(not i.startswith("2024") for i in _points(fig))
    centres = [t for t in fig.data if t.name == "Hexagon centres"]
    assert len(centres) == 1
    # Every incident is counted in exactly one hexagon.
    totals = sum(
        int(t.split(" incidents")[0].replace("<b>", "").replace(",", "")) for t in centres[0].text
    )
    assert totals == n
    notes = " ".join(a.text for a in fig.layout.annotations)
    assert "hexagons" in notes and "300" in notes
    # With the precomputed H3 cells of prepared incidents the result is the same.
    again = figures.map_figure(prepare(frame), max_points=100)
    assert [t.name for t in again.data] == [t.name for t in fig.data]


def test_hex_parent_matches_h3():
    import h3.api.numpy_int as h3int

    rng = np.random.default_rng(3)
    cells = np.array(
        [
            h3int.latlng_to_cell(a, b, 5)
            for a, b in zip(rng.uniform(-80, 80, 200), rng.uniform(-180, 180, 200), strict=True)
        ],
        dtype="int64",
    )
    for res in range(6):
        expected = [h3int.cell_to_parent(int(c), res) for c in cells]
        assert stats.hex_parent(cells, res).tolist() == expected


@pytest.mark.parametrize("make", [figures.map_figure, figures.timeline_figure])
def test_empty_input_gives_a_figure_that_says_so(make):
    fig = make(_frame().iloc[0:0])
    assert isinstance(fig, go.Figure)
    assert "No incidents match" in " ".join(a.text for a in fig.layout.annotations)
    json.loads(_json(fig))


def test_empty_regions_figure():
    fig = figures.regions_figure(stats.region_table(_frame().iloc[0:0]))
    assert "No incidents match" in " ".join(a.text for a in fig.layout.annotations)


def test_timeline_stacks_types_and_hatches_month_only_incidents():
    fig = figures.timeline_figure(_frame(), freq=stats.MONTH)
    assert fig.layout.barmode == "stack"
    hatched = [t for t in fig.data if t.marker.pattern.shape == "/"]
    solid = [t for t in fig.data if not t.marker.pattern.shape]
    assert len(hatched) == 1 and "month/year only" in hatched[0].name
    assert {t.legendgroup for t in solid} == {"jamming", "spoofing"}
    total = sum(float(np.sum(t.y)) for t in fig.data)
    assert total == pytest.approx(3.0)


def test_regions_figure_bars_carry_keys_for_clicks():
    table = stats.country_table(_frame())
    fig = figures.regions_figure(table, label_column=stats.STAT.name)
    keys = {k for t in fig.data for k in t.customdata}
    assert keys == set(table[stats.STAT.key])
    labels = {y for t in fig.data for y in t.y}
    assert "Latvia" in labels


def test_figures_do_not_mutate_input():
    frame = _frame()
    before = frame.copy()
    figures.map_figure(frame)
    figures.timeline_figure(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_map_layers_are_drawn_under_incidents():
    layer = go.Scattergeo(lon=[0], lat=[0], mode="markers", name="extra layer")
    fig = figures.map_figure(_frame(), layers=[layer])
    assert fig.data[0].name == "extra layer"


def test_hexagon_rings_are_clockwise_so_plotly_fills_the_inside():
    """plotly's geo fill treats a counter-clockwise ring as the whole globe minus the hexagon."""
    import h3

    cell = h3.str_to_int(h3.latlng_to_cell(55.0, 21.0, 5))
    lons, lats, _, _ = figures._cell_geometry(cell)
    ring = [(x, y) for x, y in zip(lons, lats, strict=True) if x == x][
        :-1
    ]  # drop NaN and closing point
    signed_area = sum(
        x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)
    )
    assert signed_area < 0, "ring must run clockwise (negative shoelace area)"


def test_the_template_sent_as_a_plain_dict_is_the_validated_template():
    # The dashboard sends the template's plain layout; exports use the validated object. A
    # property plotly does not know would be dropped or refused by the validation.
    assert figures._TEMPLATE_JSON == figures.TEMPLATE.to_plotly_json()
    assert figures.empty_figure(as_dict=True)["layout"]["template"] == (
        figures.TEMPLATE.to_plotly_json()
    )
