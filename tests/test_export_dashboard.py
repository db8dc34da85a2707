"""The dashboard's download menus, called directly (Dash's recommended way to test callbacks)."""

from __future__ import annotations

import base64
import csv
import io
import json
import re

import pytest
from dash import Dash, html
from dash.exceptions import PreventUpdate
from export_helpers import BALTIC_IDS, JAMMING_IDS, make_export_dataset

from tracker.dashboard import downloads, ids
from tracker.export import CHART_FORMATS, CHART_KINDS, render_data
from tracker.filters import Filters


@pytest.fixture
def data_dir(tmp_path):
    return make_export_dataset(tmp_path / "data")


def sent(result) -> tuple[bytes, str]:
    payload, status = result
    assert status == ""
    assert payload["base64"] is True
    return base64.b64decode(payload["content"]), payload["filename"]


def button(kind, fmt):
    return {"type": downloads.BUTTON_TYPE, "kind": kind, "fmt": fmt}


def test_data_download_uses_the_url_filters(data_dir):
    query = Filters.validated(interference=["jamming"]).to_query()
    content, name = sent(downloads.download(data_dir, button("incidents", "csv"), query))
    assert re.fullmatch(r"gnss-interference-incidents-\d{4}-\d{2}-\d{2}\.csv", name)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert sorted(r[0] for r in rows[1:]) == JAMMING_IDS


def test_geojson_download_matches_the_cli_library(data_dir):
    from tracker import dataset

    filters = Filters.validated(region=["Baltic Sea region"])
    content, name = sent(
        downloads.download(data_dir, button("incidents", "geojson"), filters.to_query())
    )
    assert name.endswith(".geojson")
    assert content == render_data(dataset.load(data_dir), fmt="geojson", filters=filters)
    assert sorted(f["id"] for f in json.loads(content)["features"]) == BALTIC_IDS


def test_html_chart_download(data_dir):
    query = Filters.validated(interference=["spoofing"]).to_query()
    content, name = sent(downloads.download(data_dir, button("timeline", "html"), query))
    assert name.endswith(".html") and "timeline" in name
    text = content.decode("utf-8")
    assert "Filters: Spoofing" in text and "2 incidents" in text


@pytest.mark.parametrize(
    "bad",
    [
        None,
        "map",
        {"type": downloads.BUTTON_TYPE, "kind": "map", "fmt": "exe"},
        {"type": downloads.BUTTON_TYPE, "kind": "../../etc", "fmt": "png"},
        {"type": downloads.BUTTON_TYPE, "kind": "incidents", "fmt": "png"},
        {"type": downloads.BUTTON_TYPE, "kind": "map", "fmt": "csv"},
    ],
)
def test_forged_buttons_are_ignored(data_dir, bad):
    with pytest.raises(PreventUpdate):
        downloads.download(data_dir, bad, "")


def test_oversized_query_is_ignored(data_dir):
    with pytest.raises(PreventUpdate):
        downloads.download(data_dir, button("incidents", "csv"), "?q=" + "x" * 20_000)


def test_junk_query_exports_everything(data_dir):
    content, _ = sent(
        downloads.download(data_dir, button("incidents", "csv"), "?interference=<script>")
    )
    assert len(content.decode("utf-8-sig").splitlines()) == 1 + 6


def test_menus_have_a_button_per_format():
    def button_ids(component):
        found = []
        stack = [component]
        while stack:
            node = stack.pop()
            if isinstance(node, (list, tuple)):
                stack.extend(node)
                continue
            if isinstance(getattr(node, "id", None), dict):
                found.append(node.id)
            children = getattr(node, "children", None)
            if children is not None:
                stack.append(children)
        return found

    for kind in CHART_KINDS:
        assert sorted(b["fmt"] for b in button_ids(downloads.chart_menu(kind))) == sorted(
            CHART_FORMATS
        )
    assert sorted(b["fmt"] for b in button_ids(downloads.data_menu())) == ["csv", "geojson"]
    with pytest.raises(ValueError):
        downloads.chart_menu("pie")


def test_menu_names_say_what_each_file_is():
    def texts(component):
        found, stack = [], [component]
        while stack:
            node = stack.pop()
            if isinstance(node, (list, tuple)):
                stack.extend(node)
                continue
            if isinstance(node, str):
                found.append(node)
            children = getattr(node, "children", None)
            if children is not None:
                stack.append(children)
        return found

    summaries = []
    for kind in CHART_KINDS:
        menu_texts = texts(downloads.chart_menu(kind))
        summaries += [t for t in menu_texts if t.startswith("Download")]
        items = [t for t in menu_texts if not t.startswith("Download")]
        assert len(items) == len(CHART_FORMATS)
        for item in items:
            # "Map: PNG image, for slides and documents": the chart, then the kind of file.
            assert item.split(":")[0].lower().startswith(kind.rstrip("s")), item
        for word in ("HTML", "PDF", "PNG", "SVG"):
            assert len([item for item in items if word in item]) == 1, word
    data_texts = texts(downloads.data_menu())
    summaries += [t for t in data_texts if t.startswith("Download")]
    assert any("CSV" in t and "sources" in t for t in data_texts)
    assert any("GeoJSON" in t for t in data_texts)
    # Each menu's button has its own name ("Download map", not five "Download").
    assert len(summaries) == len(set(summaries)) == len(CHART_KINDS) + 1


def test_register_on_an_app(data_dir):
    from dash import dcc

    app = Dash(__name__)
    app.layout = html.Div(
        [
            dcc.Store(id=ids.FILTERS_STORE),
            downloads.chart_menu("map"),
            downloads.data_menu(),
            downloads.download_components(),
        ]
    )
    downloads.register(app, data_dir=data_dir)
    outputs = " ".join(app.callback_map)
    assert downloads.DOWNLOAD in outputs and downloads.STATUS in outputs


def test_download_through_dash_http_endpoint(data_dir):
    """The callback as the browser calls it: a POST to Dash's update endpoint."""
    from dash import dcc

    app = Dash(__name__)
    app.layout = html.Div(
        [dcc.Store(id=ids.FILTERS_STORE), downloads.data_menu(), downloads.download_components()]
    )
    downloads.register(app, data_dir=data_dir)
    (output_key,) = [k for k in app.callback_map if downloads.DOWNLOAD in k]
    client = app.server.test_client()
    client.get("/")  # Dash finalises its callbacks on the first request

    def post(kind, fmt, clicks):
        buttons = [
            {
                "id": {"fmt": f, "kind": "incidents", "type": downloads.BUTTON_TYPE},
                "property": "n_clicks",
                "value": clicks if (kind, fmt) == ("incidents", f) else 0,
            }
            for f in ("csv", "geojson")
        ]
        clicked = json.dumps(
            {"fmt": fmt, "kind": kind, "type": downloads.BUTTON_TYPE},
            separators=(",", ":"),
            sort_keys=True,
        )
        return client.post(
            "/_dash-update-component",
            json={
                "output": output_key,
                "outputs": [
                    {"id": downloads.DOWNLOAD, "property": "data"},
                    {"id": downloads.STATUS, "property": "children"},
                ],
                "inputs": [buttons],
                "changedPropIds": [f"{clicked}.n_clicks"],
                "state": [
                    {"id": ids.FILTERS_STORE, "property": "data", "value": "?interference=jamming"}
                ],
            },
        )

    response = post("incidents", "csv", 1)
    assert response.status_code == 200, response.data[:500]
    payload = response.get_json()["response"][downloads.DOWNLOAD]["data"]
    content = base64.b64decode(payload["content"]).decode("utf-8-sig")
    assert payload["filename"].endswith(".csv")
    assert sorted(line.split(",")[0].strip('"') for line in content.splitlines()[1:]) == JAMMING_IDS
    # Rendering the menu (n_clicks=0) sends nothing.
    assert post("incidents", "csv", 0).status_code == 204
