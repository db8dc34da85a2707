"""Map layers are plugins: the dashboard places their components and registers their callbacks
through :class:`tracker.dashboard.layers.MapLayer`, knowing nothing of any particular layer."""

from __future__ import annotations

import datetime as dt

import h3
import pandas as pd
import pytest
from dash import Input, Output, html
from dashboard_data import sample_dataset, write_dataset

from tracker.adsb.store import STORE_ENV, LayerStore
from tracker.dashboard import create_app, ids
from tracker.dashboard.layers import MapLayer, default_layers


@pytest.fixture
def data_dir(tmp_path):
    return write_dataset(tmp_path / "data", *sample_dataset())


def _demo_layer(seen: list) -> MapLayer:
    def register(app, context):
        seen.append(context)

        @app.callback(Output("demo-panel", "children"), Input(context.url, "search"))
        def _demo(search):
            view = context.view(search)
            return "on" if view is not None and "demo" in view.layers else "off"

    return MapLayer(
        "demo",
        "Demo layer",
        lambda filters: [],
        panel=lambda topojson_url: html.Section(id="demo-panel", title=topojson_url),
        detail=lambda: html.Div(id="demo-detail"),
        register=register,
        component_ids=("demo-panel", "demo-detail"),
    )


def _ids(component) -> set[str]:
    found = set()
    stack = [component]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
            continue
        if isinstance(getattr(node, "id", None), str):  # pattern-matching ids are dicts
            found.add(node.id)
        children = getattr(node, "children", None)
        if children is not None and not isinstance(children, str):
            stack.append(children)
    return found


def test_any_layer_brings_its_panel_detail_slot_and_callbacks(data_dir):
    seen: list = []
    app = create_app(data_dir, map_layers=[_demo_layer(seen)])
    page = _ids(app.layout())
    assert {"demo-panel", "demo-detail", ids.DETAIL} <= page
    assert any("demo-panel.children" in key for key in app.callback_map)
    (context,) = seen
    assert context.url == ids.URL and context.data_dir == data_dir.resolve()
    assert context.view("?layer=demo").layers == ("demo",)
    assert context.view("?layer=demo&x=" + "y" * 20_000) is None  # over the query-length cap
    assert context.view(["not", "a", "string"]) is None
    assert {"2024-03-10-riga", "2024-05-20-tel-aviv"} <= set(context.incidents()["id"])


def test_without_layers_the_page_has_no_layer_components(data_dir):
    app = create_app(data_dir, map_layers=[])
    page = _ids(app.layout())
    assert "demo-panel" not in page and "adsb-panel" not in page


def test_layers_with_clashing_ids_are_refused(data_dir):
    clash = MapLayer("demo", "Demo", lambda f: [], component_ids=(ids.MAP,))
    with pytest.raises(ValueError, match="reuses component ids"):
        create_app(data_dir, map_layers=[clash])
    twice = [MapLayer("demo", "A", lambda f: []), MapLayer("demo", "B", lambda f: [])]
    with pytest.raises(ValueError, match="two map layers have the id 'demo'"):
        create_app(data_dir, map_layers=twice)


def test_default_layers_come_from_entry_points(tmp_path, monkeypatch):
    store = LayerStore(tmp_path / "store")
    monkeypatch.setenv(STORE_ENV, str(store.root))
    assert default_layers() == ()  # an empty store offers no layer
    riga = h3.latlng_to_cell(56.95, 24.11, 4)
    store.write_days(
        {
            dt.date(2024, 3, 10): pd.DataFrame(
                [(riga, 10, 20)], columns=["hex", "count_good_aircraft", "count_bad_aircraft"]
            )
        },
        source="gpsjam",
    )
    (layer,) = default_layers()
    assert layer.id == "adsb" and layer.register is not None and layer.panel is not None
