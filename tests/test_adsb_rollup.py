"""Per-month rollups answer exactly as the day files do, and never give stale numbers."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from benchmarks.adsb_synthetic import write_gpsjam_files
from tracker.adsb import rollup, stats
from tracker.adsb.gpsjam import import_gpsjam
from tracker.adsb.levels import Thresholds
from tracker.adsb.store import LAYER_SCHEMA, LayerStore
from tracker.cli import main

FIRST = dt.date(2023, 8, 20)
DAYS = [FIRST + dt.timedelta(days=i) for i in range(75)]  # Aug (part), Sep, Oct, Nov (part)


@pytest.fixture
def store(tmp_path: Path) -> LayerStore:
    folder = tmp_path / "gpsjam"
    write_gpsjam_files(folder, DAYS, n_hexes=120, seed=5)
    s = LayerStore(tmp_path / "store")
    import_gpsjam([folder], store=s)
    return s


DEFAULT = Thresholds()


def expected(store: LayerStore, start, end, thresholds=DEFAULT):
    """The answer from the day rows, as before rollups existed."""
    layer = stats.read_layer(store, start=start, end=end, thresholds=thresholds)
    daily = stats.daily_region_counts(layer, store=store)
    return stats.hex_summary(layer), daily, stats.region_stats(daily, layer, store=store)


def assert_same(store: LayerStore, start, end, thresholds=DEFAULT) -> stats.LayerAggregate:
    found = stats.aggregate(store, start=start, end=end, thresholds=thresholds)
    summary, daily, regions = expected(store, start, end, thresholds)
    pd.testing.assert_frame_equal(found.summary, summary)
    pd.testing.assert_frame_equal(found.daily, daily)
    pd.testing.assert_frame_equal(
        stats.region_stats(found.daily, found.summary, regions=found.regions), regions
    )
    return found


def rewrite_without_rollup(store: LayerStore, day: dt.date, *, as_strings: bool = False) -> None:
    """Rewrite a day as a writer that knows nothing of rollups would (other counts)."""
    frame = store.read_day(day)
    frame = frame.assign(count_bad_aircraft=frame["count_good_aircraft"] // 3 + 2)
    table = pa.table(
        {
            "hex": pa.array(frame["hex"].tolist(), pa.string()),
            "count_good_aircraft": pa.array(frame["count_good_aircraft"], pa.int32()),
            "count_bad_aircraft": pa.array(frame["count_bad_aircraft"], pa.int32()),
        },
        schema=LAYER_SCHEMA,
    )
    path = store._day_path(day)
    if not as_strings:
        from tracker.adsb.store import cells_to_ints

        table = table.set_column(0, "hex", cells_to_ints(table["hex"]))
    pq.write_table(table, path)


def test_writing_days_writes_the_rollups_of_their_months(store: LayerStore):
    assert rollup.rollup_status(store) == {
        "2023-08": True,
        "2023-09": True,
        "2023-10": True,
        "2023-11": True,
    }


def test_whole_range_and_whole_months_come_from_rollups(store: LayerStore):
    found = assert_same(store, None, None)
    assert (found.from_rollups, found.from_days) == (4, 0)
    found = assert_same(store, dt.date(2023, 9, 1), dt.date(2023, 10, 31))
    assert (found.from_rollups, found.from_days) == (2, 0)
    # A month whose stored days are all in range counts as whole (August starts on the 20th).
    found = assert_same(store, dt.date(2023, 8, 1), dt.date(2023, 9, 30))
    assert found.from_rollups == 2


def test_random_ranges_equal_the_day_files(store: LayerStore):
    rng = random.Random(16)
    edges = [dt.date(2023, 9, 1), dt.date(2023, 8, 31), dt.date(2023, 9, 30), dt.date(2023, 10, 1)]
    ranges = [(a, b) for a in edges for b in edges if a <= b]
    for _ in range(12):
        a, b = sorted(rng.sample(DAYS, 2))
        ranges.append((a, b))
    ranges += [(DAYS[5], DAYS[5]), (DAYS[0], DAYS[-1]), (None, DAYS[30]), (DAYS[40], None)]
    used = 0
    for start, end in ranges:
        used += assert_same(store, start, end).from_rollups
    assert used > 0


def test_other_thresholds_read_the_days(store: LayerStore):
    found = assert_same(store, None, None, Thresholds(medium=0.05, high=0.2))
    assert found.from_rollups == 0


def test_added_days_update_their_month(store: LayerStore, tmp_path: Path):
    more = tmp_path / "more"
    new_days = [DAYS[-1] + dt.timedelta(days=i) for i in range(1, 4)]  # more of November
    new_days.append(dt.date(2024, 1, 15))  # a new month, after a gap
    write_gpsjam_files(more, new_days, n_hexes=90, seed=77)
    import_gpsjam([more], store=store)
    assert all(rollup.rollup_status(store).values())
    assert "2024-01" in rollup.rollup_status(store)
    found = assert_same(store, None, None)
    assert (found.from_rollups, found.from_days) == (5, 0)
    assert_same(store, dt.date(2023, 11, 1), dt.date(2023, 11, 30))


def test_a_replaced_day_updates_its_month(store: LayerStore):
    frame = store.read_day(DAYS[20]).iloc[:30]
    store.write_days({DAYS[20]: frame}, source="computed")
    assert rollup.rollup_status(store)["2023-09"]
    assert_same(store, dt.date(2023, 9, 1), dt.date(2023, 9, 30))


def test_a_deleted_day_updates_its_month(store: LayerStore):
    store.delete_day(DAYS[15])
    assert rollup.rollup_status(store)["2023-09"]
    found = assert_same(store, None, None)
    assert found.from_rollups == 4
    for day in [d for d in DAYS if d.month == 11]:
        store.delete_day(day)
    assert "2023-11" not in rollup.rollup_status(store)
    assert not (store.root / "rollup" / "month=2023-11.parquet").exists()
    assert_same(store, None, None)


def test_a_day_changed_behind_the_rollups_back_is_read_from_the_day(store: LayerStore):
    before = stats.aggregate(store)
    rewrite_without_rollup(store, DAYS[20])  # September
    assert rollup.rollup_status(store)["2023-09"] is False
    found = assert_same(store, None, None)
    assert (found.from_rollups, found.from_days) == (3, 30)
    # and the answer did change: the stale rollup would have given the old numbers
    assert not found.summary.equals(before.summary)
    assert rollup.rebuild(store) == ["2023-08", "2023-09", "2023-10", "2023-11"]
    assert assert_same(store, None, None).from_rollups == 4


def test_missing_or_unreadable_rollups_fall_back_to_the_days(store: LayerStore):
    (store.root / "rollup" / "month=2023-09.parquet").unlink()
    (store.root / "rollup" / "month=2023-10.parquet").write_bytes(b"not parquet")
    found = assert_same(store, None, None)
    assert (found.from_rollups, found.from_days) == (2, 61)


def test_a_writer_stopped_half_way_leaves_no_stale_rollup(store: LayerStore, monkeypatch):
    """The month's rollup is removed before its days are written."""

    def stop(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(rollup, "rebuild_months", stop)
    frame = store.read_day(DAYS[20]).iloc[:10]
    with pytest.raises(KeyboardInterrupt):
        store.write_days({DAYS[20]: frame}, source="computed")
    monkeypatch.undo()
    assert not (store.root / "rollup" / "month=2023-09.parquet").exists()
    found = assert_same(store, None, None)
    assert found.from_rollups == 3


def test_an_old_store_with_string_cells_and_no_rollups(store: LayerStore):
    import shutil

    for day in DAYS[::3]:
        rewrite_without_rollup(store, day, as_strings=True)
    shutil.rmtree(store.root / "rollup")
    assert assert_same(store, None, None).from_rollups == 0
    rollup.rebuild(store)
    assert assert_same(store, None, None).from_rollups == 4
    assert_same(store, DAYS[3], DAYS[50])


def test_cells_that_are_not_h3_strings_get_no_rollup(tmp_path: Path):
    s = LayerStore(tmp_path / "store")
    frame = pd.DataFrame(
        {
            "hex": ["8400C99FFFFFFFF", "8400c99ffffffff"],  # upper case: not canonical
            "count_good_aircraft": [5, 7],
            "count_bad_aircraft": [4, 3],
        }
    )
    s.write_days({DAYS[0]: frame, DAYS[1]: frame}, source="computed")
    assert rollup.rollup_status(s) == {"2023-08": False}
    found = stats.aggregate(s)
    assert sorted(found.summary["hex"]) == ["8400C99FFFFFFFF", "8400c99ffffffff"]
    assert found.summary["days"].tolist() == [2, 2]


def test_cli_rollups_rebuilds_and_checks(store: LayerStore):
    import shutil

    shutil.rmtree(store.root / "rollup")
    runner = CliRunner()
    result = runner.invoke(main, ["adsb", "rollups", "--store", str(store.root), "--check"])
    assert result.exit_code == 0, result.output
    assert "0 of 4 months have a current rollup" in result.output
    result = runner.invoke(main, ["adsb", "rollups", "--store", str(store.root)])
    assert result.exit_code == 0, result.output
    assert "wrote the rollups of 4 month(s)" in result.output
    result = runner.invoke(main, ["adsb", "rollups", "--store", str(store.root), "--check"])
    assert "4 of 4 months have a current rollup" in result.output


def test_writing_days_fills_the_region_cache_so_readers_need_no_country_shapes(
    store: LayerStore, monkeypatch
):
    # Finding a region loads the country shapes (about 70 MB): the dashboard server must not
    # pay that on its first layer request, so the writer fills the cache for every rolled-up
    # hexagon (the medium and high ones the map and the panel show).
    from tracker.adsb import hexregions

    cache = pq.read_table(store.root / hexregions.CACHE_NAME)
    layer = stats.read_layer(store)
    assert set(layer["hex"]) <= set(cache["hex"].to_pylist())

    def no_lookup(hexes):
        raise AssertionError(f"a region was looked up again: {hexes[:3]}")

    monkeypatch.setattr(hexregions, "_regions_for", no_lookup)
    found = stats.aggregate(store, start=DAYS[3], end=DAYS[-3])
    assert len(found.daily) and set(found.daily["region"]) <= set(cache["region"].to_pylist())


def test_a_cache_that_cannot_be_written_never_stops_the_writer(tmp_path: Path, monkeypatch):
    from tracker.adsb import hexregions

    def refuse(*args, **kwargs):
        raise RuntimeError("cannot encode")

    monkeypatch.setattr(hexregions, "parquet_bytes", refuse)
    folder = tmp_path / "gpsjam"
    write_gpsjam_files(folder, DAYS[:5], n_hexes=40, seed=7)
    store = LayerStore(tmp_path / "store")
    assert import_gpsjam([folder], store=store)
    assert not (store.root / hexregions.CACHE_NAME).exists()
    monkeypatch.undo()
    assert len(stats.aggregate(store).summary)  # the reader finds the regions itself
