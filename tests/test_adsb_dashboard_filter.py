"""The dashboard's corroborated / contradicted / no-data filter, owned by the ADS-B layer.

The layer keeps its setting in the URL (``adsb.evidence=...``) and hands the dashboard a mask
through ``MapLayer.incident_filter``; the dashboard narrows every view with it. Callbacks are
called directly (the browser test drives the same path through Chromium).
"""

from __future__ import annotations

import datetime as dt

import h3
import numpy as np
import pandas as pd
import pytest
from dash.exceptions import PreventUpdate
from dashboard_data import sample_dataset, write_dataset

from tracker.adsb.dashboard import (
    EVIDENCE_PARAM,
    adsb_map_layer,
    evidence_category,
    evidence_filter,
    filter_outputs,
    incident_evidence,
)
from tracker.adsb.store import LayerStore
from tracker.dashboard import callbacks, views
from tracker.dashboard.data import load_view_data
from tracker.dashboard.layers import MapLayer
from tracker.dashboard.state import ViewState

RIGA = h3.latlng_to_cell(56.95, 24.11, 4)
GULF = h3.latlng_to_cell(59.8, 26.0, 4)
ACTIVE = views.VIEW_KEYS.index("active")
SHOWN = views.VIEW_KEYS.index("shown")


@pytest.fixture
def data_dir(tmp_path):
    return write_dataset(tmp_path / "data", *sample_dataset())


@pytest.fixture
def store(tmp_path) -> LayerStore:
    s = LayerStore(tmp_path / "store")

    def day(*rows):
        return pd.DataFrame(rows, columns=["hex", "count_good_aircraft", "count_bad_aircraft"])

    s.write_days(
        {
            dt.date(2024, 3, 10): day((RIGA, 10, 20)),  # Riga: high -> corroborated
            dt.date(2024, 2, 10): day((GULF, 200, 0)),  # Gulf of Finland: calm -> contradicted
        },
        source="gpsjam",
    )
    return s


def incidents(data_dir):
    return load_view_data(data_dir).incidents


# -- the URL setting --------------------------------------------------------------------------


def test_layer_settings_round_trip_through_the_url():
    view = ViewState.from_query("?layer=adsb&adsb.evidence=contradicted")
    assert view.param(EVIDENCE_PARAM) == "contradicted"
    assert ViewState.from_query(view.to_query()) == view
    assert view.with_param(EVIDENCE_PARAM, None).params == ()
    assert view.with_param(EVIDENCE_PARAM, "no-data").param(EVIDENCE_PARAM) == "no-data"


@pytest.mark.parametrize(
    "query",
    [
        "?adsb.evidence=%3Cscript%3E",  # not kebab-case
        "?ADSB.evidence=contradicted",  # keys are lower case
        "?adsb.=contradicted",
        "?adsb.evidence=" + "a" * 41,  # too long
    ],
)
def test_bad_layer_settings_are_dropped(query):
    assert ViewState.from_query(query).params == ()


# -- the layer's evidence ---------------------------------------------------------------------


def test_each_incident_gets_one_category(data_dir, store):
    frame = incidents(data_dir)
    evidence = incident_evidence(frame, store=store)
    got = dict(zip(frame["id"], evidence_category(evidence), strict=True))
    assert got == {
        "2024-03-10-riga": "corroborated",
        "2024-02-10-gulf-of-finland": "contradicted",
        "2024-04-02-tallinn": "no-data",
        "2023-11-01-larnaca": "no-data",
        "2024-05-20-tel-aviv": "no-data",
    }


@pytest.mark.parametrize(
    ("choice", "kept", "words"),
    [
        ("corroborated", {"2024-03-10-riga"}, "ADS-B: corroborated"),
        ("contradicted", {"2024-02-10-gulf-of-finland"}, "ADS-B: contradicted"),
        (
            "no-data",
            {"2024-04-02-tallinn", "2023-11-01-larnaca", "2024-05-20-tel-aviv"},
            "ADS-B: no data",
        ),
    ],
)
def test_evidence_filter_keeps_the_chosen_category(data_dir, store, choice, kept, words):
    frame = incidents(data_dir)
    mask, text = evidence_filter(frame, ViewState().with_param(EVIDENCE_PARAM, choice), store=store)
    assert set(frame.loc[mask, "id"]) == kept and text == words


def test_all_or_unknown_means_no_filter(data_dir, store):
    frame = incidents(data_dir)
    assert evidence_filter(frame, ViewState(), store=store) is None
    assert evidence_filter(frame, ViewState.from_query("?adsb.evidence=maybe"), store=store) is None


# -- the dashboard applies it -----------------------------------------------------------------


def test_render_narrows_every_view_while_the_layer_is_on(data_dir, store):
    layers = [adsb_map_layer(store)]
    on = callbacks.render(data_dir, "?layer=adsb&adsb.evidence=no-data", layers)
    assert on[SHOWN] == "Showing 3 of 5 incidents"
    assert on[ACTIVE] == "ADS-B: no data"
    with_filter = callbacks.render(
        data_dir, "?layer=adsb&adsb.evidence=no-data&interference=spoofing", layers
    )
    assert with_filter[SHOWN] == "Showing 2 of 5 incidents"
    assert with_filter[ACTIVE] == "Spoofing · ADS-B: no data"
    # The setting does nothing while the layer is off.
    off = callbacks.render(data_dir, "?adsb.evidence=no-data", layers)
    assert off[SHOWN] == "Showing 5 of 5 incidents" and off[ACTIVE] == "All incidents"


def test_a_failing_or_wrong_layer_filter_is_ignored(data_dir):
    def boom(incidents, view):
        raise RuntimeError("store vanished")

    def wrong_size(incidents, view):
        return np.ones(2, dtype=bool), "bad"

    layers = [
        MapLayer("one", "One", lambda f: [], incident_filter=boom),
        MapLayer("two", "Two", lambda f: [], incident_filter=wrong_size),
    ]
    out = callbacks.render(data_dir, "?layer=one&layer=two", layers)
    assert out[SHOWN] == "Showing 5 of 5 incidents"


def test_filters_of_two_layers_combine(data_dir):
    def only(ident):
        return lambda incidents, view: ((incidents["id"] != ident).to_numpy(), f"not {ident}")

    layers = [
        MapLayer("one", "One", lambda f: [], incident_filter=only("2024-03-10-riga")),
        MapLayer("two", "Two", lambda f: [], incident_filter=only("2024-05-20-tel-aviv")),
    ]
    out = callbacks.render(data_dir, "?layer=one&layer=two", layers)
    assert out[SHOWN] == "Showing 3 of 5 incidents"
    assert out[ACTIVE] == "not 2024-03-10-riga · not 2024-05-20-tel-aviv"


# -- the radio buttons ------------------------------------------------------------------------


def test_the_control_writes_the_url_and_the_url_moves_the_control():
    view = ViewState.from_query("?layer=adsb")
    search, _ = filter_outputs(view, "?layer=adsb", "contradicted", True)
    assert ViewState.from_query(search).param(EVIDENCE_PARAM) == "contradicted"
    back, _ = filter_outputs(ViewState.from_query(search), search, "all", True)
    assert ViewState.from_query(back).params == ()
    with pytest.raises(PreventUpdate):  # nothing changed
        filter_outputs(view, "?layer=adsb", "all", True)
    _, value = filter_outputs(ViewState.from_query(search), search, "all", False)
    assert value == "contradicted"
    _, value = filter_outputs(ViewState.from_query("?adsb.evidence=maybe"), "", None, False)
    assert value == "all"
    with pytest.raises(PreventUpdate):  # a URL the dashboard refused
        filter_outputs(None, "x" * 20_000, "all", False)


# -- the data download follows the screen -----------------------------------------------------


def _download_csv(data_dir, store, query: str) -> list[dict]:
    import base64
    import csv
    import io

    from tracker.dashboard import downloads

    button = {"type": downloads.BUTTON_TYPE, "kind": "incidents", "fmt": "csv"}
    sent, status = downloads.download(data_dir, button, query, layers=[adsb_map_layer(store)])
    assert status == ""
    raw = base64.b64decode(sent["content"]) if sent.get("base64") else sent["content"].encode()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))


def test_download_keeps_the_shown_incidents_and_adds_the_evidence(data_dir, store):
    rows = _download_csv(data_dir, store, "?layer=adsb&adsb.evidence=corroborated")
    assert [r["id"] for r in rows] == ["2024-03-10-riga"]
    assert rows[0]["adsb_level"] == "high" and rows[0]["adsb_contradicts"] == "false"
    every = _download_csv(data_dir, store, "?layer=adsb")
    assert len(every) == 5 and {r["adsb_level"] for r in every} >= {"high", "no-data"}
    off = _download_csv(data_dir, store, "?adsb.evidence=corroborated")
    assert len(off) == 5 and "adsb_level" not in off[0]


def test_incident_list_column_says_level_and_contradiction(data_dir, store):
    from tracker.adsb.dashboard import incident_levels

    frame = incidents(data_dir)
    got = dict(zip(frame["id"], incident_levels(frame, store=store), strict=True))
    assert got["2024-03-10-riga"] == "high"
    assert got["2024-02-10-gulf-of-finland"] == "none · contradicted"
    assert got["2024-05-20-tel-aviv"] == "no-data"
