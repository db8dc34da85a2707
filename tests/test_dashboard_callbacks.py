"""Dashboard logic without a browser: state changes, callbacks called directly, server safety."""

from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest
from dash.exceptions import PreventUpdate
from dashboard_data import incident, sample_dataset, source, unvalidated_load, write_dataset

from tracker.dashboard import callbacks, create_app, ids, state, views
from tracker.dashboard.data import load_view_data, prepare
from tracker.dashboard.state import ViewState
from tracker.filters import Filters
from tracker.prepared import DERIVED_COLUMNS
from tracker.schema import INC, SRC


@pytest.fixture
def data_dir(tmp_path):
    incidents, sources = sample_dataset()
    return write_dataset(tmp_path / "data", incidents, sources)


@pytest.fixture
def hostile_dir(tmp_path):
    incidents, sources = sample_dataset()
    sources.append(
        source(
            "2024-03-10-riga",
            **{SRC.url: "javascript:alert(document.cookie)", SRC.publisher: "Evil link"},
        )
    )
    sources.append(
        source("2024-03-10-riga", **{SRC.url: "JaVaScRiPt:alert(1)", SRC.publisher: "Evil 2"})
    )
    return write_dataset(tmp_path / "hostile", incidents, sources)


def _figure(fig) -> go.Figure:
    """A figure the callbacks send (a plain dict) as a validated figure object: plotly raises on
    any property it does not know."""
    return go.Figure(fig)


def _points(fig) -> list[str]:
    return [
        i
        for t in _figure(fig).data
        if t.type == "scattergeo" and t.mode == "markers"
        for i in (() if t.customdata is None else t.customdata)
    ]


# ----------------------------------------------------------------------------- state


def test_state_round_trip_with_incident_and_layers():
    s = ViewState(
        Filters.validated(region=["Middle East"], text="tel"), "2024-05-20-tel-aviv", ("adsb",)
    )
    assert ViewState.from_query(s.to_query()) == s


def test_state_rejects_bad_incident_and_layer_values():
    s = ViewState.from_query("?incident=<script>&layer=../x&layer=ok-layer")
    assert s.incident == "" and s.layers == ("ok-layer",)


@pytest.mark.parametrize(
    ("trigger", "value", "expected"),
    [
        (
            ids.MAP + ".selectedData",
            {"range": {"geo": [[20, 60], [30, 55]]}},
            ((20.0, 55.0), (30.0, 55.0), (30.0, 60.0), (20.0, 60.0)),
        ),
        (
            ids.MAP + ".selectedData",
            {"lassoPoints": {"geo": [[20, 55], [30, 55], [25, 60]]}},
            ((20.0, 55.0), (30.0, 55.0), (25.0, 60.0)),
        ),
    ],
)
def test_map_selection_sets_area(trigger, value, expected):
    new = state.next_state(ViewState(), trigger, value)
    assert set(new.filters.area) == set(expected)
    cleared = state.next_state(new, trigger, None)
    assert cleared.filters.area == ()


def test_map_click_opens_incident_but_not_a_hexagon():
    click = {"points": [{"customdata": "2024-03-10-riga"}]}
    assert (
        state.next_state(ViewState(), ids.MAP + ".clickData", click).incident == "2024-03-10-riga"
    )
    hexagon = {"points": [{"customdata": "599686042433355775"}]}
    assert state.next_state(ViewState(), ids.MAP + ".clickData", hexagon).incident == ""


def test_timeline_brush_sets_dates():
    brush = {"range": {"x": ["2024-01-03 12:00:00.000", "2024-03-01 08:00"]}}
    f = state.next_state(ViewState(), ids.TIMELINE, brush).filters
    assert (f.date_from.isoformat(), f.date_to.isoformat()) == ("2024-01-03", "2024-03-01")


def test_region_click_toggles_and_table_row_too():
    click = {"points": [{"customdata": "Middle East"}]}
    once = state.next_state(ViewState(), ids.REGION_BARS, click)
    assert once.filters.region == ("Middle East",)
    assert state.next_state(once, ids.REGION_BARS, click).filters.region == ()
    row = state.next_state(ViewState(), ids.COUNTRY_TABLE, {"row": 0, "column": 0, "row_id": "EE"})
    assert row.filters.country == ("EE",)
    assert state.next_state(ViewState(), ids.COUNTRY_TABLE, {"row_id": ""}).filters.country == ()


@pytest.mark.parametrize(
    "junk",
    [
        None,
        42,
        "x",
        [],
        {"points": "no"},
        {"points": [None]},
        {"range": {"x": [1, 2]}},
        {"range": {"geo": [[1], [2, 3]]}},
        {"lassoPoints": {"geo": [["a", "b"]] * 3}},
    ],
)
@pytest.mark.parametrize(
    "trigger",
    [ids.MAP + ".clickData", ids.TIMELINE, ids.REGION_BARS, ids.REGION_TABLE, ids.COUNTRY_BARS],
)
def test_nonsense_actions_leave_the_state_alone(trigger, junk):
    start = ViewState(Filters.validated(text="riga"))
    assert state.next_state(start, trigger, junk) == start


def test_reset_clears_filters():
    start = ViewState(Filters.validated(text="riga", region=["Middle East"]), "2024-03-10-riga")
    assert state.next_state(start, ids.RESET, 1) == ViewState()


# ----------------------------------------------------------------------------- callbacks


def test_sync_state_from_controls_writes_the_url_and_echoes_controls(data_dir):
    controls = {
        ids.DATES: ("2024-01-01", None),
        ids.INTERFERENCE: ["spoofing"],
        ids.REGION: [],
        ids.COUNTRY: [],
        ids.CONFIDENCE: [],
        ids.TEXT: "",
    }
    out = callbacks.sync_state(data_dir, "", controls, ids.INTERFERENCE, ["spoofing"])
    search = out[0]
    assert Filters.from_query(search) == Filters.validated(
        date_from="2024-01-01", interference=["spoofing"]
    )
    assert out[1:8] == ("2024-01-01", None, ["spoofing"], [], [], [], "")


def test_sync_state_from_url_restores_controls_and_drops_unknown_values(data_dir):
    out = callbacks.sync_state(
        data_dir, "?region=Middle+East&region=Atlantis&country=ZZ&q=tel", {}, None, None
    )
    assert out[4] == ["Middle East"]  # Atlantis is not a region of this data
    assert out[5] == []
    assert out[7] == "tel"


def test_render_filters_every_view_together(data_dir):
    everything = dict(zip(views.VIEW_KEYS, callbacks.render(data_dir, ""), strict=True))
    assert len(_points(everything["map"])) == 5
    assert everything["shown"] == "Showing 5 of 5 incidents"
    some = dict(
        zip(views.VIEW_KEYS, callbacks.render(data_dir, "?interference=spoofing"), strict=True)
    )
    assert sorted(_points(some["map"])) == ["2024-04-02-tallinn", "2024-05-20-tel-aviv"]
    assert sum(r["incidents"] for r in some["region_rows"]) == 2
    assert sum(r["incidents"] for r in some["country_rows"]) == 2
    timeline_total = sum(float(sum(t.y)) for t in _figure(some["timeline"]).data)
    assert timeline_total == pytest.approx(2)
    assert "Spoofing" in some["active"]


def test_render_says_when_nothing_matches(data_dir):
    out = dict(zip(views.VIEW_KEYS, callbacks.render(data_dir, "?q=no-such-place"), strict=True))
    assert out["region_rows"] == [] and out["country_rows"] == []
    assert out["region_note"] == out["country_note"] == "No incidents match these filters."
    for key in ("map", "timeline", "region_bars", "country_bars"):
        assert "No incidents match" in " ".join(
            a.text for a in _figure(out[key]).layout.annotations
        )


def test_render_output_is_plain_json(data_dir):
    import plotly.io as pio

    out = callbacks.render(data_dir, "")
    json.loads(pio.json.to_json_plotly(list(out)))


@pytest.mark.parametrize("search", ["", "?interference=spoofing"])
def test_render_output_is_written_by_orjson_in_one_pass(data_dir, search):
    # Dash's encoder tries orjson on the whole response first and, when any array there is an
    # array of strings or a strided view, walks the whole response in Python instead.
    import orjson

    out = callbacks.render(data_dir, search)
    orjson.dumps(list(out), option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)


def test_json_ready_figures_give_the_json_plotly_would_write():
    import numpy as np
    import orjson
    import plotly.io as pio

    centres = np.array([[1.5, 2.25], [3.0, float("nan")]])
    fig = {
        "data": [
            {
                "type": "scattergeo",
                "lon": centres[:, 0],
                "lat": centres[:, 1],
                "text": np.array(["<b>a</b>", "é"], dtype=object),
                "marker": {"size": np.array([3, 4])[::-1], "symbol": np.array(["x", "o"])},
            },
            go.Bar(x=[1, 2]),  # a layer's trace object is left alone
        ],
        "layout": {"title": {"text": "t"}},
    }
    expected = pio.json.to_json_plotly(fig)  # plotly's walk in Python
    ready = views.json_ready(fig)
    orjson.dumps(ready["data"][0], option=orjson.OPT_SERIALIZE_NUMPY)  # raises on any left
    assert pio.json.to_json_plotly(ready) == expected


@pytest.mark.parametrize("search", ["", "?interference=spoofing", "?q=no-such-place"])
def test_rendered_figures_are_valid_plotly_figures(data_dir, search):
    # The figures skip plotly's validation on the way out; validating them here catches a
    # property plotly.js would ignore (a misspelt key, a shorthand like "lonaxis_range").
    out = dict(zip(views.VIEW_KEYS, callbacks.render(data_dir, search), strict=True))
    for key in ("map", "timeline", "region_bars", "country_bars"):
        assert set(out[key]) == {"data", "layout"}
        assert _figure(out[key]).layout.template.layout.font.family


@pytest.mark.parametrize("search", [123, ["?q=x"], "?" + "a" * 20_000])
def test_forged_search_is_refused(data_dir, search):
    with pytest.raises(PreventUpdate):
        callbacks.render(data_dir, search)


def test_forged_values_are_clamped(data_dir):
    out = callbacks.sync_state(
        data_dir,
        "?from=0001-01-01&to=9999-12-31&interference=x&"
        + "&".join(f"region=r{i}" for i in range(300)),
        {},
        None,
        None,
    )
    assert out[1] == "1900-01-01" and out[2] == "2100-12-31"
    assert out[3] == [] and out[4] == []


def test_detail_lists_sources_with_disputed_side_by_side(data_dir):
    children = callbacks.detail(data_dir, "?incident=2023-11-01-larnaca")
    text = json.dumps([c.to_plotly_json() for c in children], default=lambda o: o.to_plotly_json())
    assert "Supporting" in text and "Disputing" in text and "Denies any interference." in text
    # The HTML in the summary is a plain string child, never markup.
    summary = [c for c in children if getattr(c, "className", "") == "detail-summary"][0]
    assert summary.children == "<b>Bold</b> <img src=x onerror=alert(1)> claim & more"


def test_detail_says_how_precisely_a_span_ends(tmp_path):
    rows = [
        incident(**{INC.end_date: "2024-03-20", INC.end_date_precision: "open"}),
        incident(
            **{
                INC.id: "2024-04-01-vilnius",
                INC.date: "2024-04-01",
                INC.end_date: "2024-04-03",
                INC.end_date_precision: "day",
            }
        ),
        incident(
            **{
                INC.id: "2024-05-01-kaunas",
                INC.date: "2024-05-01",
                INC.end_date: "2024-06-30",
                INC.end_date_precision: "month",
            }
        ),
    ]
    folder = write_dataset(tmp_path / "data", rows, [source(r[INC.id]) for r in rows])

    def date_of(incident_id: str) -> str:
        children = callbacks.detail(folder, f"?incident={incident_id}")
        dumped = json.dumps(
            [c.to_plotly_json() for c in children], default=lambda o: o.to_plotly_json()
        )
        return dumped

    assert "2024-03-10 to at least 2024-03-20 (still going on then; end not known)" in date_of(
        "2024-03-10-riga"
    )
    closed = date_of("2024-04-01-vilnius")
    assert "2024-04-01 to 2024-04-03" in closed and "at least" not in closed
    assert "2024-05-01 to June 2024 (end day not known)" in date_of("2024-05-01-kaunas")


def test_detail_never_links_a_javascript_url(hostile_dir):
    children = callbacks.detail(hostile_dir, "?incident=2024-03-10-riga", loader=unvalidated_load)
    dumped = json.dumps(
        [c.to_plotly_json() for c in children], default=lambda o: o.to_plotly_json()
    )
    assert "javascript:" not in dumped.lower()
    assert "Evil link" in dumped and "not a web link" in dumped
    assert '"href": "https://example.org/2024-03-10-riga"' in dumped


def test_broken_data_shows_validator_messages(tmp_path):
    incidents, sources = sample_dataset()
    incidents[0] = dict(incidents[0], **{INC.latitude: 95})
    bad = write_dataset(tmp_path / "bad", incidents, sources)
    total, span, updated, problems, hidden = callbacks.header(bad)
    assert hidden is False and total == "0 incidents"
    lines = [li.children for li in problems[2].children]
    assert any("incidents.csv:" in line and "latitude" in line for line in lines)
    # The views still answer (empty), they do not raise.
    assert callbacks.render(bad, "")[8] == "Showing 0 of 0 incidents"


def test_loader_is_cached_until_the_file_changes(data_dir):
    first = load_view_data(data_dir)
    assert load_view_data(data_dir) is first
    path = data_dir / "incidents.csv"
    text = path.read_text("utf-8")
    path.write_text(text, "utf-8")
    import os

    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9, path.stat().st_mtime_ns + 10**9))
    assert load_view_data(data_dir) is not first


def test_prepare_keeps_results_identical(data_dir):
    data = load_view_data(data_dir)
    raw = data.incidents[[c for c in data.incidents.columns if c not in DERIVED_COLUMNS]]
    for f in (
        Filters.validated(text="TALLINN"),
        Filters.validated(date_from="2023-11-20", date_to="2023-11-21"),
    ):
        assert list(f.apply(prepare(raw)).frame[INC.id]) == list(f.apply(raw)[INC.id])


# ----------------------------------------------------------------------------- server


def test_security_headers_and_body_limit(data_dir):
    app = create_app(data_dir)
    client = app.server.test_client()
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert page.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["X-Frame-Options"] == "DENY"
    big = client.post(
        "/_dash-update-component", data=b"x" * (5 * 1024 * 1024), content_type="application/json"
    )
    assert big.status_code == 413


def test_failing_callback_answers_without_traceback(data_dir):
    app = create_app(data_dir)
    client = app.server.test_client()
    payload = {
        "output": f"{ids.DETAIL}.children",
        "outputs": {"id": ids.DETAIL, "property": "children"},
        "inputs": [{"id": ids.URL, "property": "search", "value": {"not": "a string"}}],
        "changedPropIds": [f"{ids.URL}.search"],
    }
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code in (204, 500)
    assert b"Traceback" not in response.data


def test_dashboard_entry_point_defaults(monkeypatch, data_dir):
    import importlib

    monkeypatch.setenv("GNSS_TRACKER_DATA", str(data_dir))
    module = importlib.reload(importlib.import_module("dashboard"))
    assert module.server is module.app.server
    args = module.parse_args([])
    assert (args.host, args.port, args.debug, args.data_dir) == ("127.0.0.1", 8050, False, None)
    args = module.parse_args(["--data-dir", "x", "--port", "9000", "--debug"])
    assert (args.port, args.debug, args.data_dir) == (9000, True, "x")


def test_text_columns_are_made_contiguous_without_changing_values():
    # A large file is read in blocks; the server keeps each text column in one piece so that
    # taking a page of rows does not join the pieces every time.
    import pyarrow as pa

    from tracker.dashboard.data import _single_chunk

    dtype = pd.Series(["x"], dtype="str").dtype
    pieces = pa.chunked_array([pa.array(["a", None, "c"]), pa.array(["d", "e"])])
    frame = pd.DataFrame(
        {"text": pd.Series(dtype.__from_arrow__(pieces)), "number": [1.0, 2.0, 3.0, 4.0, 5.0]}
    )
    before = frame.copy()
    _single_chunk(frame)
    assert frame["text"].array.__arrow_array__().num_chunks == 1
    assert frame["text"].dtype == dtype
    pd.testing.assert_frame_equal(frame, before)
