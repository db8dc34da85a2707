"""Benchmark tooling: the synthetic data is valid and shaped as promised; the harness reports."""

from __future__ import annotations

import csv
import importlib.resources
import pathlib
import sys

import numpy as np
import pandas as pd
import pytest

# benchmarks/ is a top-level folder of the checkout, not part of the installed package.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from benchmarks import harness, synthetic  # noqa: E402
from tracker import dataset, schema, validate  # noqa: E402
from tracker.schema import INC, SRC  # noqa: E402


@pytest.fixture(scope="module")
def small():
    return synthetic.generate(3000, seed=3)


def test_same_seed_same_data_and_other_seed_differs(small):
    again = synthetic.generate(3000, seed=3)
    pd.testing.assert_frame_equal(small.incidents, again.incidents)
    pd.testing.assert_frame_equal(small.sources, again.sources)
    other = synthetic.generate(3000, seed=4)
    assert not other.incidents[INC.id].equals(small.incidents[INC.id])


def test_written_files_validate_are_canonical_and_load_as_generated(tmp_path, small):
    folder = synthetic.write(3000, tmp_path / "d", seed=3)
    problems = validate.validate_dir(folder)
    assert [p.format() for p in problems if p.is_error] == []
    assert dataset.canonical_problems(folder) == []
    loaded = dataset.load(folder)
    pd.testing.assert_frame_equal(loaded.incidents, small.incidents)
    pd.testing.assert_frame_equal(loaded.sources, small.sources)


def test_shape_covers_every_value_set(small):
    inc = small.incidents
    assert set(inc[INC.interference]) == set(schema.INTERFERENCE_TYPES)
    assert set(inc[INC.flight_phase]) == set(schema.FLIGHT_PHASES)
    assert set(inc[INC.confidence]) == set(schema.CONFIDENCE_LEVELS)
    assert set(inc[INC.geocode_precision]) == set(schema.GEOCODE_PRECISIONS)
    assert set(inc[INC.date_precision]) == set(schema.DATE_PRECISIONS)
    assert set(small.sources[SRC.stance]) == set(schema.STANCES)
    month = inc[inc[INC.date_precision] == "month"]
    assert (month[INC.date].dt.day == 1).all()
    # Area incidents, and only they, have a radius.
    area = inc[INC.geocode_precision].isin(["area", "region"])
    assert inc.loc[area, INC.radius_km].notna().all()
    assert inc.loc[~area, INC.radius_km].isna().all()


def test_countries_and_regions_agree_with_the_region_table(small):
    text = importlib.resources.files("tracker.data").joinpath("country_regions.csv").read_text()
    regions = {row["country"]: row["region"] for row in csv.DictReader(text.splitlines())}
    inc = small.incidents
    land = inc[inc[INC.country] != ""]
    assert (land[INC.region] == land[INC.country].map(regions)).all()
    sea = inc[inc[INC.country] == ""]
    assert len(sea) and sea[INC.region].isin(set(regions.values())).all()


def test_hot_spots_dominate_and_counts_grow_over_time(small):
    inc = small.incidents
    baltic = inc[INC.latitude].between(53, 61) & inc[INC.longitude].between(17, 31)
    assert baltic.mean() > 0.2
    per_year = inc[INC.date].dt.year.value_counts()
    assert per_year[2025] > 2 * per_year[2022]


def test_write_refuses_the_repository_data_folder():
    repo_data = pathlib.Path(synthetic.__file__).resolve().parent.parent / "data"
    with pytest.raises(ValueError, match="data/"):
        synthetic.write(10, repo_data)


def test_generate_rejects_negative_sizes_and_allows_zero():
    with pytest.raises(ValueError):
        synthetic.generate(-1)
    empty = synthetic.generate(0)
    assert list(empty.incidents.columns) == list(schema.INCIDENT_COLUMNS)
    assert len(empty.incidents) == 0 and len(empty.sources) == 0


@pytest.mark.parametrize(("text", "size"), [("10k", 10_000), ("1M", 1_000_000), ("2500", 2500)])
def test_parse_size(text, size):
    assert harness.parse_size(text) == size


def test_growth_column_gives_ratio_and_exponent():
    rows = [
        harness.Row("b", "op", 10_000, {"seconds": 0.1}),
        harness.Row("b", "op", 100_000, {"seconds": 1.0}),
        harness.Row("b", "op", 1_000_000, {"seconds": 100.0}),
    ]
    grow = harness.growth(rows)
    assert grow[id(rows[1])] == "×10.0 (k=1.00)"
    assert grow[id(rows[2])] == "×100.0 (k=2.00)"
    assert id(rows[0]) not in grow


def test_table_shows_ratio_verdicts_errors_and_missing_modules():
    rows = [
        harness.Row(
            "b",
            "load",
            1_000_000,
            {
                "seconds": 3.0,
                "floor_seconds": 1.0,
                "floor": "read_csv",
                "goal": "<= 2× floor",
                "ok": False,
                "process_rss_mb": 512.0,
            },
        ),
        harness.Row("b", "crashes", None, {"error": "ValueError: boom"}),
        harness.Row("m", "geocode", None, {"not_available": True, "note": "module not available"}),
    ]
    table = harness.render_table(rows).splitlines()
    assert table[2].split("|")[5:7] == [" 1.00 s (read_csv) ", " 3.00 "]
    assert "**FAIL**" in table[2] and "512 MB" in table[2]
    assert "error" in table[3] and "ValueError: boom" in table[3]
    assert "not available" in table[4]


def test_discovery_reads_signatures_without_importing(tmp_path):
    (tmp_path / "bench_x.py").write_text(
        "import does_not_exist\nSIZES = (10_000,)\n"
        "def bench_a(*, data_dir, repeat=5): ...\n"
        "def bench_b(n_items=3): ...\n"
        "def helper(): ...\n"
    )
    found = {b.function: b for b in harness.discover(tmp_path)}
    assert set(found) == {"bench_a", "bench_b"}
    assert found["bench_a"].sized and found["bench_a"].sizes == (10_000,)
    assert found["bench_a"].required == ("data_dir",)
    assert not found["bench_b"].sized and found["bench_b"].required == ()


def test_a_crashing_benchmark_becomes_an_error_row(tmp_path):
    bench = harness.Benchmark(
        "bench_load", "bench_load", ("data_dir", "size"), None, ("data_dir", "size")
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    with open(tmp_path / "log", "w") as log:
        rows = harness._run_one(
            bench, {"data_dir": str(empty), "size": 1, "repeat": 1}, timeout=120, log_file=log
        )
    assert len(rows) == 1 and "error" in rows[0]
    assert np.isfinite(rows[0]["process_rss_mb"])


def test_merge_replaces_only_the_rerun_rows(tmp_path):
    import json

    saved = tmp_path / "RESULTS.json"
    saved.write_text(
        json.dumps(
            {
                "started": "s",
                "command": "c",
                "rows": [
                    {
                        "benchmark": "bench_load.bench_load",
                        "operation": "load",
                        "size": 10_000,
                        "seconds": 9,
                    },
                    {
                        "benchmark": "bench_load.bench_load",
                        "operation": "load",
                        "size": 1_000_000,
                        "seconds": 90,
                    },
                    {
                        "benchmark": "bench_geocode.bench_geocode_warm",
                        "operation": "geo",
                        "size": 5000,
                        "value": 1,
                    },
                ],
            }
        )
    )
    new = [harness.Row("bench_load.bench_load", "load", 10_000, {"seconds": 1})]
    rows, updates, started, command = harness._merge(
        saved,
        new,
        ran={"bench_load.bench_load"},
        sizes=(10_000,),
        note="now",
        started="x",
        command="y",
    )
    # The re-run row keeps its place in the table.
    assert [(r.benchmark, r.size) for r in rows] == [
        ("bench_load.bench_load", 10_000),
        ("bench_load.bench_load", 1_000_000),
        ("bench_geocode.bench_geocode_warm", 5000),
    ]
    got = {(r.benchmark, r.size): r.data.get("seconds", r.data.get("value")) for r in rows}
    assert got == {
        ("bench_load.bench_load", 10_000): 1,
        ("bench_load.bench_load", 1_000_000): 90,
        ("bench_geocode.bench_geocode_warm", 5000): 1,
    }
    assert updates == ["now"] and (started, command) == ("s", "c")


def test_a_partial_run_merges_into_the_shared_results_file(tmp_path):
    import argparse

    def args(**kw):
        base = {"merge": False, "only": None, "output": harness.RESULTS_FILE, "no_write": False}
        return argparse.Namespace(**{**base, **kw})

    # A full run replaces the table; a run of one module updates its rows only.
    assert not harness.merges(args())
    assert harness.merges(args(only=["bench_ingest"]))
    # Written elsewhere, a partial run is a table of its own.
    assert not harness.merges(args(only=["bench_ingest"], output=tmp_path / "R.md"))
    assert harness.merges(args(merge=True))
