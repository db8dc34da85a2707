"""`export data --adsb`: the ADS-B layer's evidence as opt-in columns of the data export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import h3
import pandas as pd
import pytest
from click.testing import CliRunner
from helpers import incident_row, source_row, write_dataset

from tracker import dataset
from tracker.adsb.corroborate import ADSB_COLUMNS, corroborate
from tracker.adsb.store import LayerStore
from tracker.cli import main
from tracker.export.data import incidents_to_csv
from tracker.schema import INC, SRC

LAT, LON = 54.5, 20.25
HERE = h3.latlng_to_cell(LAT, LON, 4)
ELSEWHERE = h3.latlng_to_cell(35.0, 33.0, 4)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    ids = {
        "2024-03-10-high": "2024-03-10",  # many bad aircraft: corroborated
        "2024-03-12-calm": "2024-03-12",  # plenty of aircraft, none bad: contradicted
        "2024-03-20-nothing": "2024-03-20",  # no layer day: no data
    }
    incidents = [incident_row(**{INC.id: i, INC.date: d}) for i, d in ids.items()]
    sources = [source_row(**{SRC.incident_id: i, SRC.published: d}) for i, d in ids.items()]
    return write_dataset(tmp_path / "data", incidents, sources)


@pytest.fixture
def store(tmp_path: Path) -> LayerStore:
    s = LayerStore(tmp_path / "store")

    def day(*rows):
        return pd.DataFrame(rows, columns=["hex", "count_good_aircraft", "count_bad_aircraft"])

    s.write_days(
        {
            dt.date(2024, 3, 10): day((HERE, 50, 50), (ELSEWHERE, 10, 0)),
            dt.date(2024, 3, 12): day((HERE, 200, 0)),
        },
        source="gpsjam",
    )
    return s


def export(data_dir: Path, out: Path, *args: str):
    return CliRunner().invoke(
        main, ["export", "data", "--data-dir", str(data_dir), "-o", str(out), *args]
    )


def read_csv(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def test_csv_carries_the_adsb_columns_after_the_sources(data_dir, store, tmp_path):
    out = tmp_path / "out.csv"
    res = export(data_dir, out, "--adsb", "--adsb-store", str(store.root))
    assert res.exit_code == 0, res.output
    header = out.read_text("utf-8-sig").splitlines()[0]
    assert header.endswith('"sources","source_count",' + ",".join(f'"{c}"' for c in ADSB_COLUMNS))
    rows = {r[INC.id]: r for r in read_csv(out)}
    assert rows["2024-03-10-high"]["adsb_level"] == "high"
    assert rows["2024-03-10-high"]["adsb_max_share"] == "0.49"
    assert rows["2024-03-10-high"]["adsb_contradicts"] == "false"
    assert rows["2024-03-12-calm"]["adsb_level"] == "none"
    assert rows["2024-03-12-calm"]["adsb_contradicts"] == "true"
    assert rows["2024-03-20-nothing"]["adsb_level"] == "no-data"
    assert rows["2024-03-20-nothing"]["adsb_max_share"] == ""
    assert rows["2024-03-20-nothing"]["adsb_days"] == "0"
    # Numbers are bare (not quoted) in the file itself.
    line = next(x for x in out.read_text("utf-8-sig").splitlines() if "2024-03-10-high" in x)
    assert line.endswith('"high",0.49,1,1,100,0,"false"')


def test_the_columns_equal_adsb_corroborate(data_dir, store, tmp_path):
    out = tmp_path / "out.csv"
    assert export(data_dir, out, "--adsb", "--adsb-store", str(store.root)).exit_code == 0
    expected = corroborate(dataset.load(data_dir).incidents, store).set_index(INC.id)
    for row in read_csv(out):
        want = expected.loc[row[INC.id]]
        assert row["adsb_level"] == want["adsb_level"]
        for col in ("adsb_hexes", "adsb_days", "adsb_aircraft", "adsb_suspect_days"):
            assert int(row[col]) == int(want[col])
        assert (row["adsb_contradicts"] == "true") == bool(want["adsb_contradicts"])


def test_geojson_properties_have_native_types(data_dir, store, tmp_path):
    out = tmp_path / "out.geojson"
    assert export(data_dir, out, "--adsb", "--adsb-store", str(store.root)).exit_code == 0
    props = {f["id"]: f["properties"] for f in json.loads(out.read_text("utf-8"))["features"]}
    high = props["2024-03-10-high"]
    assert (high["adsb_level"], high["adsb_max_share"], high["adsb_contradicts"]) == (
        "high",
        0.49,
        False,
    )
    assert props["2024-03-12-calm"]["adsb_contradicts"] is True
    assert props["2024-03-20-nothing"]["adsb_max_share"] is None
    assert list(high)[-len(ADSB_COLUMNS) :] == list(ADSB_COLUMNS)


def test_filters_apply_before_corroboration(data_dir, store, tmp_path):
    out = tmp_path / "out.csv"
    res = export(data_dir, out, "--adsb", "--adsb-store", str(store.root), "--from", "2024-03-11")
    assert res.exit_code == 0
    assert [r[INC.id] for r in read_csv(out)] == ["2024-03-12-calm", "2024-03-20-nothing"]


def test_without_the_flag_there_are_no_adsb_columns(data_dir, store, tmp_path):
    out = tmp_path / "out.csv"
    assert export(data_dir, out).exit_code == 0
    assert "adsb_" not in out.read_text("utf-8-sig").splitlines()[0]


def test_store_option_needs_the_flag(data_dir, store, tmp_path):
    res = export(data_dir, tmp_path / "out.csv", "--adsb-store", str(store.root))
    assert res.exit_code == 2 and "--adsb-store needs --adsb" in res.output


def test_an_empty_store_says_so_and_gives_no_data(data_dir, tmp_path):
    out = tmp_path / "out.csv"
    res = export(data_dir, out, "--adsb", "--adsb-store", str(tmp_path / "empty"))
    assert res.exit_code == 0
    assert "holds no days, so every incident is no-data" in res.output
    assert {r["adsb_level"] for r in read_csv(out)} == {"no-data"}


def test_extra_columns_may_not_replace_exported_ones(data_dir):
    incidents = dataset.load(data_dir).incidents
    clash = pd.DataFrame({INC.summary: ["x"]}, index=[incidents[INC.id].iloc[0]])
    with pytest.raises(ValueError, match="would replace columns"):
        incidents_to_csv(incidents, None, extra=clash)
    sources = pd.DataFrame({"sources": ["x"]}, index=[incidents[INC.id].iloc[0]])
    with pytest.raises(ValueError, match="would replace columns"):
        incidents_to_csv(incidents, None, extra=sources)
