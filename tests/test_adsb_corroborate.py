"""Corroboration of incidents against the ADS-B layer (synthetic layer, hand-computed values)."""

from __future__ import annotations

import datetime as dt

import h3
import pandas as pd
import pytest

from tracker.adsb.corroborate import corroborate, incident_window
from tracker.adsb.store import LayerStore
from tracker.schema import INC

LAT, LON = 54.63, 25.29
HERE = h3.latlng_to_cell(LAT, LON, 4)
FAR = h3.latlng_to_cell(LAT + 1.35, LON, 4)  # about 150 km north
D = dt.date(2023, 9, 10)


def incident(**kw) -> dict:
    row = {
        INC.id: "2023-09-10-vilnius",
        INC.date: pd.Timestamp(D),
        INC.date_precision: "day",
        INC.end_date: pd.NaT,
        INC.latitude: LAT,
        INC.longitude: LON,
        INC.radius_km: float("nan"),
        INC.geocode_precision: "airport",
        INC.interference: "jamming",
    }
    row.update(kw)
    return row


def frame(*rows: dict) -> pd.DataFrame:
    out = pd.DataFrame(list(rows))
    out[INC.date] = pd.to_datetime(out[INC.date]).astype("datetime64[s]")
    out[INC.end_date] = pd.to_datetime(out[INC.end_date]).astype("datetime64[s]")
    return out


@pytest.fixture
def store(tmp_path) -> LayerStore:
    s = LayerStore(tmp_path / "store")

    def day(*rows):
        return pd.DataFrame(rows, columns=["hex", "count_good_aircraft", "count_bad_aircraft"])

    s.write_days(
        {
            D - dt.timedelta(days=1): day((HERE, 60, 0), (FAR, 10, 10)),
            D: day((HERE, 95, 5), (FAR, 10, 10)),  # here: (5-1)/100 = 4 % -> medium
            D + dt.timedelta(days=1): day((HERE, 40, 0)),
            D + dt.timedelta(days=2): day((HERE, 1, 50)),  # outside the +-1 day window
            dt.date(2023, 9, 20): day((HERE, 100, 1)),  # (1-1)/101 = 0 -> low
            dt.date(2023, 9, 25): day((FAR, 100, 0)),
        },
        source="gpsjam",
    )
    s.write_manifest(
        pd.DataFrame(
            {
                "date": pd.to_datetime([D + dt.timedelta(days=1)]).astype("datetime64[s]"),
                "suspect": [True],
                "num_bad_aircraft_hexes": pd.array([0], dtype="Int64"),
            }
        )
    )
    return s


def test_level_share_and_counts_at_the_place_and_dates(store):
    got = corroborate(frame(incident()), store).iloc[0]
    assert got["adsb_level"] == "medium"
    assert got["adsb_max_share"] == pytest.approx(0.04)
    assert got["adsb_hexes"] == 1  # FAR is beyond an airport's radius
    assert got["adsb_days"] == 3
    assert got["adsb_aircraft"] == 60 + 100 + 40
    assert got["adsb_suspect_days"] == 1
    assert not got["adsb_contradicts"]


def test_radius_reaches_farther_hexes(store):
    got = corroborate(frame(incident(**{INC.radius_km: 200.0})), store).iloc[0]
    assert got["adsb_level"] == "high"  # FAR: (10-1)/20 = 45 %
    assert got["adsb_max_share"] == pytest.approx(0.45)
    assert got["adsb_hexes"] == 2
    region = corroborate(frame(incident(**{INC.geocode_precision: "region"})), store).iloc[0]
    assert region["adsb_level"] == "high"


def test_low_with_good_coverage_contradicts_a_jamming_report_but_not_spoofing(store):
    low = incident(**{INC.date: pd.Timestamp("2023-09-20")})
    spoof = incident(
        **{INC.id: "b", INC.date: pd.Timestamp("2023-09-20"), INC.interference: "spoofing"}
    )
    got = corroborate(frame(low, spoof), store)
    assert got["adsb_level"].tolist() == ["low", "low"]
    assert got["adsb_max_share"].tolist() == [0.0, 0.0]
    assert got["adsb_contradicts"].tolist() == [True, False]
    # Below the coverage floor the layer does not contradict anything.
    thin = corroborate(frame(low), store, min_aircraft=500).iloc[0]
    assert not thin["adsb_contradicts"]


def test_none_and_no_data_are_different(store):
    none = incident(**{INC.date: pd.Timestamp("2023-09-25"), INC.radius_km: 200.0})
    empty = incident(
        **{INC.id: "x", INC.date: pd.Timestamp("2023-09-25")}
    )  # day held, no aircraft here
    outside = incident(**{INC.id: "y", INC.date: pd.Timestamp("2024-01-01")})
    got = corroborate(frame(none, empty, outside), store)
    assert got["adsb_level"].tolist() == ["none", "no-data", "no-data"]
    assert got["adsb_contradicts"].tolist() == [True, False, False]
    assert got["adsb_days"].tolist() == [1, 1, 0]
    assert pd.isna(got["adsb_max_share"].iloc[1])


def test_windows_follow_date_precision():
    assert incident_window(pd.Timestamp("2023-09-01"), pd.NaT, "month") == (
        dt.date(2023, 8, 31),
        dt.date(2023, 10, 1),
    )
    assert incident_window(pd.Timestamp("2023-09-10"), pd.Timestamp("2023-09-12"), "day") == (
        dt.date(2023, 9, 9),
        dt.date(2023, 9, 13),
    )
    assert incident_window(pd.Timestamp("2023-01-01"), pd.NaT, "year")[1] == dt.date(2024, 1, 1)


def test_month_incident_sees_the_whole_month_and_keeps_index(store):
    inc = frame(incident(**{INC.date: pd.Timestamp("2023-09-01"), INC.date_precision: "month"}))
    inc.index = [7]
    got = corroborate(inc, store)
    assert got.index.tolist() == [7]
    assert got.loc[7, "adsb_level"] == "high"  # D+2: (50-1)/51
    assert got.loc[7, "adsb_days"] == 6


def test_accepts_a_layer_frame_and_does_not_mutate_input(store):
    inc = frame(incident())
    before = inc.copy()
    got = corroborate(inc, store.read())
    pd.testing.assert_frame_equal(inc, before)
    assert got.iloc[0]["adsb_level"] == "medium"


def test_cli_corroborate_writes_columns(store, small_dataset, tmp_path):
    from click.testing import CliRunner

    from tracker.cli import main

    out = tmp_path / "evidence.csv"
    result = CliRunner().invoke(
        main,
        [
            "adsb",
            "corroborate",
            "--data-dir",
            str(small_dataset),
            "--store",
            str(store.root),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert list(table.columns) == [
        "id", "adsb_level", "adsb_max_share", "adsb_hexes", "adsb_days",
        "adsb_aircraft", "adsb_suspect_days", "adsb_contradicts",
    ]  # fmt: skip
    assert len(table) == 3


def test_dashboard_pieces(store):
    from dash import html

    from tracker.adsb.dashboard import adsb_map_layer, detail_children
    from tracker.filters import Filters

    assert adsb_map_layer(LayerStore(store.root.parent / "empty")) is None
    layer = adsb_map_layer(store)
    assert layer.id == "adsb" and "No data is not no interference" in layer.note
    day_traces = layer.traces(Filters(date_from=D, date_to=D))
    assert [t.name for t in day_traces[:-1]] == [
        "ADS-B medium (2–10 % bad)",
        "ADS-B high (≥ 10 % bad)",
    ]
    assert layer.traces(Filters(date_from=dt.date(2030, 1, 1), date_to=dt.date(2030, 1, 2))) == []
    incidents = frame(incident(), incident(**{INC.id: "z", INC.date: pd.Timestamp("2023-09-20")}))
    texts = [c.children for c in detail_children(incidents.iloc[0], incidents, store=store)]
    assert any("Level: medium. Up to 4.0 %" in t for t in texts)
    assert texts[-1] == "No data is not no interference."
    flagged = detail_children(incidents.iloc[1], incidents, store=store)
    assert any(isinstance(c, html.P) and "Flag:" in c.children for c in flagged)
    outside = frame(incident(**{INC.date: pd.Timestamp("2025-01-01")}))
    assert detail_children(outside.iloc[0], outside, store=store) == []
    # The layer is a plugin: it brings its panel, its incident slot and its callbacks.
    from tracker.adsb.dashboard import COMPONENT_IDS, EVIDENCE, PANEL

    assert layer.panel("/assets/topojson/").id == PANEL
    assert layer.detail().id == EVIDENCE
    assert set(COMPONENT_IDS) == set(layer.component_ids) and callable(layer.register)


def test_dashboard_evidence_slot_follows_the_url(tmp_path):
    from dash import html
    from dashboard_data import sample_dataset, write_dataset

    from tracker.adsb.dashboard import evidence_outputs
    from tracker.dashboard import layer_context

    data_dir = write_dataset(tmp_path / "data", *sample_dataset())
    s = LayerStore(tmp_path / "store")
    riga = h3.latlng_to_cell(56.95, 24.11, 4)
    s.write_days(
        {
            dt.date(2024, 3, 10): pd.DataFrame(
                [(riga, 10, 20)], columns=["hex", "count_good_aircraft", "count_bad_aircraft"]
            )
        },
        source="gpsjam",
    )
    context = layer_context(data_dir)

    def evidence(search):
        return evidence_outputs(context.view(search), context.incidents(), store=s)

    got = evidence("?incident=2024-03-10-riga")
    assert any(isinstance(c, html.P) and c.children.startswith("Level: high") for c in got)
    assert evidence("?incident=2024-05-20-tel-aviv") == []
    assert evidence("") == []
    assert evidence("?incident=no-such-id") == []
    assert evidence("?incident=2024-03-10-riga&" + "x" * 20_000) == []  # over the query cap
