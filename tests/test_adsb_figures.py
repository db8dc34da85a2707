"""Layer statistics and figures: pure functions of frames, checked on a small synthetic store."""

from __future__ import annotations

import datetime as dt

import h3
import numpy as np
import pandas as pd
import pytest

from tracker.adsb import figures, stats
from tracker.adsb.store import LayerStore

VILNIUS = h3.latlng_to_cell(54.63, 25.29, 4)
LARNACA = h3.latlng_to_cell(34.9, 33.6, 4)
QUIET = h3.latlng_to_cell(48.85, 2.35, 4)
D1, D2 = dt.date(2023, 9, 1), dt.date(2023, 9, 2)


def day(*rows):
    return pd.DataFrame(rows, columns=["hex", "count_good_aircraft", "count_bad_aircraft"])


@pytest.fixture
def store(tmp_path) -> LayerStore:
    s = LayerStore(tmp_path / "store")
    s.write_days(
        {
            D1: day((VILNIUS, 95, 5), (LARNACA, 10, 10), (QUIET, 300, 1)),  # medium, high, low
            D2: day((VILNIUS, 10, 30), (LARNACA, 97, 3)),  # high, medium
        },
        source="gpsjam",
    )
    s.write_manifest(
        pd.DataFrame(
            {
                "date": pd.to_datetime([D1, D2]).astype("datetime64[s]"),
                "suspect": [False, True],
                "num_bad_aircraft_hexes": pd.array([1, 1], dtype="Int64"),
            }
        )
    )
    return s


def test_read_layer_keeps_medium_and_high(store):
    layer = stats.read_layer(store)
    assert sorted(
        zip(layer["date"].dt.date, layer["hex"], layer["level"].astype(str), strict=True)
    ) == sorted(
        [
            (D1, VILNIUS, "medium"),
            (D1, LARNACA, "high"),
            (D2, VILNIUS, "high"),
            (D2, LARNACA, "medium"),
        ]
    )
    assert len(stats.read_layer(store, levels=None)) == 5


def test_hex_summary_takes_the_worst_day(store):
    summary = stats.hex_summary(stats.read_layer(store)).set_index("hex")
    v = summary.loc[VILNIUS]
    assert (v["level"], v["days_high"], v["days_medium"], v["days"]) == ("high", 1, 1, 2)
    assert v["date"].date() == D2 and (v["count_good_aircraft"], v["count_bad_aircraft"]) == (
        10,
        30,
    )
    assert v["share"] == pytest.approx(29 / 40)
    assert len(stats.hex_summary(stats.read_layer(store).iloc[:0])) == 0


def test_regions_daily_counts_and_region_stats(store):
    layer = stats.read_layer(store)
    regions = stats.hex_regions([VILNIUS, LARNACA], store=store)
    assert regions[VILNIUS] == "Baltic Sea region"
    assert regions[LARNACA] == "Eastern Mediterranean"
    assert (store.root / "hex_regions.parquet").is_file()  # cached for next time
    daily = stats.daily_region_counts(layer, store=store)
    got = {(r.date.date(), r.region): (r.medium, r.high) for r in daily.itertuples()}
    assert got == {
        (D1, "Baltic Sea region"): (1, 0),
        (D1, "Eastern Mediterranean"): (0, 1),
        (D2, "Baltic Sea region"): (0, 1),
        (D2, "Eastern Mediterranean"): (1, 0),
    }
    table = stats.region_stats(daily, layer, store=store).set_index("region")
    assert table.loc["Baltic Sea region", "hex_days_high"] == 1
    assert table.loc["Baltic Sea region", "days_with_high"] == 1
    assert table.loc["Baltic Sea region", "hexes"] == 1


def test_hex_traces_hover_counts_and_suspect_flag(store):
    layer = stats.read_layer(store, start=D2, end=D2)
    traces = figures.hex_layer_traces(stats.hex_summary(layer), suspect_days=store.suspect_days())
    names = [t.name for t in traces]
    assert names[0].startswith("ADS-B medium") and names[1].startswith("ADS-B high")
    assert all("incomplete" in n for n in names[:2])
    hover = traces[-1].text
    assert any("30 bad, 10 good aircraft on 2023-09-02" in h and "incomplete" in h for h in hover)
    # Rings are drawn clockwise (a counter-clockwise ring would fill the whole globe).
    lon, lat = np.asarray(traces[0].lon, float), np.asarray(traces[0].lat, float)
    ring = slice(0, 7)
    area = np.sum(lon[ring][:-1] * lat[ring][1:] - lon[ring][1:] * lat[ring][:-1])
    assert area < 0


def test_hex_traces_empty_and_levels(store):
    assert figures.hex_layer_traces(stats.hex_summary(stats.read_layer(store).iloc[:0])) == []
    summary = stats.hex_summary(stats.read_layer(store, start=D1, end=D1))
    only_high = figures.hex_layer_traces(summary, levels=("high",))
    assert [t.name for t in only_high[:-1]] == ["ADS-B high (≥ 10 % bad)"]
    assert len(only_high[-1].lon) == 1


def test_map_and_note_state_the_caveat(store):
    summary = stats.hex_summary(stats.read_layer(store, start=D2, end=D2))
    note = figures.layer_note(summary, suspect_days=store.suspect_days())
    assert "No data is not no interference" in note and "2023-09-02" in note
    fig = figures.layer_map_figure(summary, suspect_days=store.suspect_days())
    assert "No data is not no interference" in fig.layout.annotations[0].text.replace("<br>", " ")
    empty = figures.layer_map_figure(summary.iloc[:0])
    assert "No medium or high" in empty.layout.annotations[0].text.replace("<br>", " ")


def test_timeline_and_region_figures(store):
    layer = stats.read_layer(store)
    daily = stats.daily_region_counts(layer, store=store)
    fig = figures.timeline_figure(daily, suspect_days=store.suspect_days())
    assert {t.name for t in fig.data} == {"Baltic Sea region", "Eastern Mediterranean"}
    assert len(fig.layout.shapes) == 1  # the suspect day is shaded
    empty = figures.timeline_figure(daily.iloc[:0])
    assert "No ADS-B layer data" in empty.layout.annotations[0].text
    bars = figures.region_stats_figure(stats.region_stats(daily, layer, store=store))
    assert [t.name for t in bars.data] == ["high (≥ 10 % bad)", "medium (2–10 % bad)"]


def test_dashboard_panel_follows_the_url(store, tmp_path):
    import plotly.graph_objects as go

    from tracker.adsb.dashboard import panel_card
    from tracker.adsb.dashboard import panel_outputs as outputs
    from tracker.dashboard import layer_context

    view = layer_context(tmp_path).view

    def panel_outputs(search, *, store):
        return outputs(view(search), store=store)

    hidden, *_ = panel_outputs("?from=2023-09-01&to=2023-09-02", store=store)
    assert hidden is True
    assert panel_outputs(["not", "a", "query"], store=store)[0] is True
    hidden, timeline, regions, note = panel_outputs(
        "?from=2023-09-01&to=2023-09-02&layer=adsb", store=store
    )
    assert hidden is False and "2023-09-01 to 2023-09-02" in note
    assert {t.name for t in go.Figure(timeline).data} == {
        "Baltic Sea region",
        "Eastern Mediterranean",
    }
    assert len(go.Figure(regions).data) == 2
    hidden, timeline, _, note = panel_outputs("?from=2030-01-01&layer=adsb", store=store)
    assert hidden is False and "no day in the selected period" in note
    assert panel_card().hidden is True


def test_cli_regions(store):
    import json

    from click.testing import CliRunner

    from tracker.cli import main

    result = CliRunner().invoke(
        main, ["adsb", "regions", "--store", str(store.root), "--from", "2023-09-02", "--json"]
    )
    assert result.exit_code == 0, result.output
    rows = {r["region"]: r for r in json.loads(result.output)}
    assert rows["Baltic Sea region"]["hex_days_high"] == 1
    assert rows["Eastern Mediterranean"]["hex_days_medium"] == 1
    assert rows["Baltic Sea region"]["peak_date"] == "2023-09-02"
