"""Computing the layer from raw ADS-B: the counter rule, readers, and pandas vs Dask engines."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections import defaultdict
from pathlib import Path

import h3
import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from benchmarks.adsb_synthetic import generate_reports, write_snapshots, write_traces
from tracker.adsb.cells import cells_exact, cells_for_tracks
from tracker.adsb.compute import CounterRule, aggregate_reports, compute_layer, counter_values
from tracker.adsb.raw import parse_icao, read_raw_file
from tracker.adsb.store import LayerStore
from tracker.cli import main
from tracker.errors import InputError

T0 = dt.datetime(2023, 9, 1, 12, 0, tzinfo=dt.UTC).timestamp()


DEFAULT = CounterRule()


def reference_layer(reports: pd.DataFrame, rule: CounterRule = DEFAULT) -> pd.DataFrame:
    """GPSJam's rule written out one report at a time, for comparison."""
    state: dict[int, int] = defaultdict(int)
    seen: dict[tuple, bool] = {}
    rows = reports.sort_values(["icao", "time"], kind="stable").drop_duplicates(["icao", "time"])
    for r in rows.itertuples(index=False):
        if 0 <= r.nac_p <= rule.up_at_most:
            state[r.icao] = min(state[r.icao] + 1, rule.cap)
        elif r.nac_p >= rule.down_at_least:
            state[r.icao] = max(state[r.icao] - 1, 0)
        bad = state[r.icao] >= rule.bad_at or (rule.trust_gps_ok_before and r.gps_ok_before)
        day = dt.datetime.fromtimestamp(r.time, dt.UTC).date()
        key = (day, h3.latlng_to_cell(r.lat, r.lon, 4), r.icao)
        seen[key] = seen.get(key, False) or bool(bad)
    counts: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for (day, cell, _), bad in seen.items():
        counts[(day, cell)][1 if bad else 0] += 1
    out = pd.DataFrame(
        [(pd.Timestamp(d), c, g, b) for (d, c), (g, b) in counts.items()],
        columns=["date", "hex", "count_good_aircraft", "count_bad_aircraft"],
    )
    out["date"] = out["date"].astype("datetime64[s]")
    out["hex"] = out["hex"].astype("str")
    return out.sort_values(["date", "hex"], ignore_index=True)


def one_aircraft(nacps, *, icao=0xABC123, lat=54.6, lon=20.4, gob=None) -> pd.DataFrame:
    n = len(nacps)
    return pd.DataFrame(
        {
            "icao": np.full(n, icao, dtype=np.int64),
            "time": T0 + np.arange(n, dtype=float),
            "lat": np.full(n, lat),
            "lon": np.full(n, lon),
            "nac_p": np.asarray(nacps, dtype=np.int16),
            "gps_ok_before": np.zeros(n, bool) if gob is None else np.asarray(gob, bool),
        }
    )


def bad_count(reports: pd.DataFrame, rule: CounterRule = DEFAULT) -> int:
    return int(aggregate_reports(reports, rule=rule)["count_bad_aircraft"].sum())


def test_counter_reaches_bad_at_18_not_17():
    assert bad_count(one_aircraft([1] * 17)) == 0
    assert bad_count(one_aircraft([1] * 18)) == 1
    assert bad_count(one_aircraft([0, 2] * 9)) == 1  # NACp 0 and 2 both count up


def test_counter_caps_at_20_and_decrements():
    steps = np.array([1] * 25 + [-1] * 3)
    values = counter_values(steps, np.r_[True, np.zeros(27, bool)], cap=20)
    assert values[24] == 20 and values[-1] == 17
    # 25 ups (capped at 20) then 3 downs: bad in the cell before the downs...
    assert bad_count(one_aircraft([1] * 25)) == 1
    # ...and a second aircraft whose counter is pulled down below 18 before it ever gets there.
    assert bad_count(one_aircraft([1] * 17 + [9] + [1] * 1)) == 0


def test_nacp_3_and_unknown_leave_the_counter_alone_and_it_never_goes_negative():
    assert bad_count(one_aircraft([1] * 17 + [3, -1, 3] + [1])) == 1
    assert bad_count(one_aircraft([9] * 50 + [1] * 17)) == 0  # no credit below zero
    assert bad_count(one_aircraft([9] * 50 + [1] * 18)) == 1


def test_thresholds_of_the_rule_are_configurable():
    assert bad_count(one_aircraft([1] * 5), CounterRule(bad_at=5, cap=6)) == 1
    assert bad_count(one_aircraft([1] * 5), CounterRule(bad_at=6, cap=6)) == 0
    assert bad_count(one_aircraft([5] * 18), CounterRule(up_at_most=5, down_at_least=6)) == 1
    with pytest.raises(InputError):
        CounterRule(bad_at=21, cap=20)


def test_gps_ok_before_counts_as_bad_unless_disabled():
    reports = one_aircraft([9, 9, 9], gob=[False, True, False])
    assert bad_count(reports) == 1
    assert bad_count(reports, CounterRule(trust_gps_ok_before=False)) == 0


def test_an_aircraft_counts_once_per_cell_and_day():
    a = one_aircraft([1] * 30)
    b = one_aircraft([9] * 30, icao=0x111111)
    both = pd.concat([a, b, a.assign(time=a["time"] + 0.5)], ignore_index=True)
    layer = aggregate_reports(both)
    assert layer[["count_good_aircraft", "count_bad_aircraft"]].values.tolist() == [[1, 1]]
    # Across midnight the aircraft is counted on both days.
    late = one_aircraft([9] * 4).assign(time=lambda f: f["time"] + 12 * 3600 - 2)
    assert len(aggregate_reports(late)) == 2


def test_matches_reference_on_generated_traffic():
    reports = generate_reports(30_000, n_aircraft=150, seed=3, interval_s=4.0)
    # Shuffle: the engine must not depend on input order.
    shuffled = reports.sample(frac=1.0, random_state=1).reset_index(drop=True)
    got = aggregate_reports(shuffled)
    want = reference_layer(reports)
    pd.testing.assert_frame_equal(got, want)
    assert want["count_bad_aircraft"].sum() > 0 and want["count_good_aircraft"].sum() > 0


def test_fast_cells_equal_h3_everywhere():
    rng = np.random.default_rng(5)
    lat = np.concatenate(
        [rng.uniform(-90, 90, 20_000), np.full(500, 89.99), np.linspace(-1, 1, 500)]
    )
    lon = np.concatenate(
        [rng.uniform(-180, 180, 20_000), np.linspace(-180, 180, 500), np.full(500, 179.999)]
    )
    start = np.zeros(len(lat), bool)
    start[::50] = True
    assert (cells_for_tracks(lat, lon, start, 4) == cells_exact(lat, lon, 4)).all()


@pytest.mark.parametrize("gz", [False, True])
def test_snapshots_and_traces_give_the_reports_layer(tmp_path: Path, gz: bool):
    reports = generate_reports(6_000, n_aircraft=30, seed=2, interval_s=5.0)
    write_snapshots(reports, tmp_path / "snap", every_s=900, gz=gz)
    write_traces(reports, tmp_path / "traces", gz=gz)
    want = aggregate_reports(reports)
    for folder in ("snap", "traces"):
        got = compute_layer([tmp_path / folder], write=False).layer
        pd.testing.assert_frame_equal(got, want)


def test_readers_drop_mlat_and_carry_nacp_forward(tmp_path: Path):
    snap = {
        "now": T0,
        "aircraft": [
            {"hex": "abc123", "lat": 50.0, "lon": 10.0, "nac_p": 1, "seen_pos": 2.5},
            {"hex": "~0000ff", "lat": 50.0, "lon": 10.0, "nac_p": 9, "gpsOkBefore": T0 - 100},
            {"hex": "def456", "lat": 50.0, "lon": 10.0, "type": "mlat", "nac_p": 0},
            {"hex": "bad", "lat": 50.0, "lon": 10.0},
            {"hex": "aaaaaa"},
        ],
    }
    (tmp_path / "aircraft.json").write_text(json.dumps(snap))
    frame = read_raw_file(tmp_path / "aircraft.json")
    assert frame["icao"].tolist() == [0xABC123, 0xFF + (1 << 24)]
    assert frame["time"].tolist() == [T0 - 2.5, T0]
    assert frame["gps_ok_before"].tolist() == [False, True]
    trace = {
        "icao": "abc123",
        "timestamp": T0,
        "trace": [
            [0, 50.0, 10.0, 30000, 400, 90, 0, 0, {"nac_p": 1, "type": "adsb_icao"}, "adsb_icao"],
            [5, 50.0, 10.1, 30000, 400, 90, 0, 0, None, "adsb_icao"],
            [9, 50.0, 10.2, 30000, 400, 90, 0, 0, None, "mlat"],
            [12, 50.0, 10.3, 30000, 400, 90, 0, 0, {"nac_p": 9}],
        ],
    }
    (tmp_path / "trace_full_abc123.json").write_bytes(gzip.compress(json.dumps(trace).encode()))
    frame = read_raw_file(tmp_path / "trace_full_abc123.json")
    assert frame["nac_p"].tolist() == [1, 1, 9]
    assert frame["time"].tolist() == [T0, T0 + 5, T0 + 12]


def test_parse_icao():
    assert parse_icao("4CA7B3") == 0x4CA7B3
    assert parse_icao("~a1") is None and parse_icao(None) is None


def test_bad_raw_files_are_named(tmp_path: Path):
    broken = tmp_path / "aircraft.json"
    broken.write_text('{"now": 1,\n "aircraft": [\n {"hex": }]}')
    with pytest.raises(InputError, match=r"aircraft.json, line 3, column \d+: not valid JSON"):
        read_raw_file(broken)
    other = tmp_path / "receiver.json"
    other.write_text('{"version": "x"}')
    with pytest.raises(InputError, match="neither an aircraft.json snapshot"):
        read_raw_file(other)
    runner = CliRunner()
    result = runner.invoke(main, ["adsb", "compute", str(broken), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert f"Error: {broken}, line 3" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "s").exists()


def test_folder_walk_skips_other_json(tmp_path: Path):
    reports = generate_reports(2_000, n_aircraft=10, seed=4)
    write_traces(reports, tmp_path / "in" / "traces")
    (tmp_path / "in" / "receiver.json").write_text('{"version": "x"}')
    result = compute_layer([tmp_path / "in"], write=False)
    pd.testing.assert_frame_equal(result.layer, aggregate_reports(reports))


def test_cli_compute_writes_days(tmp_path: Path):
    reports = generate_reports(4_000, n_aircraft=20, seed=6)
    write_traces(reports, tmp_path / "traces")
    store = tmp_path / "store"
    result = CliRunner().invoke(
        main, ["adsb", "compute", str(tmp_path / "traces"), "--store", str(store)]
    )
    assert result.exit_code == 0, result.output
    assert "read 4,000 position reports from 20 files" in result.output
    s = LayerStore(store)
    want = aggregate_reports(reports)
    assert s.days() == sorted(want["date"].dt.date.unique())
    assert s.source(s.days()[0]) == "computed"
    got = s.read()
    pd.testing.assert_frame_equal(
        got.astype({"count_good_aircraft": "int64", "count_bad_aircraft": "int64"}), want
    )


@pytest.fixture(scope="module")
def dask_scheduler():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_equals_pandas(tmp_path: Path, dask_scheduler: str):
    reports = generate_reports(6_000, n_aircraft=24, seed=8, interval_s=3.0)
    write_traces(reports.iloc[::2], tmp_path / "a")
    write_snapshots(reports.iloc[1::2], tmp_path / "b", every_s=1800)
    paths = [tmp_path / "a", tmp_path / "b"]
    pandas_result = compute_layer(paths, write=False)
    dask_result = compute_layer(paths, write=False, engine="dask", scheduler=dask_scheduler)
    pd.testing.assert_frame_equal(dask_result.layer, pandas_result.layer)
    assert dask_result.reports == pandas_result.reports == len(reports)
    assert pandas_result.layer["count_bad_aircraft"].sum() > 0


def test_cli_scheduler_needs_dask_engine(tmp_path: Path):
    result = CliRunner().invoke(
        main, ["adsb", "compute", str(tmp_path), "--scheduler", "tcp://x:1"]
    )
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output
