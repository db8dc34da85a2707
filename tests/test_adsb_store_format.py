"""The layer store keeps cells as 64-bit H3 indexes and still reads days written as strings."""

from __future__ import annotations

import datetime as dt
import types
from pathlib import Path

import h3
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from benchmarks.adsb_synthetic import write_gpsjam_files
from tracker.adsb import dashboard, stats
from tracker.adsb.gpsjam import import_gpsjam
from tracker.adsb.store import LAYER_SCHEMA, LayerStore, cells_to_ints, ints_to_cells

DAYS = [dt.date(2023, 9, 1) + dt.timedelta(days=i) for i in range(4)]


@pytest.fixture
def store(tmp_path: Path) -> LayerStore:
    folder = tmp_path / "gpsjam"
    write_gpsjam_files(folder, DAYS, n_hexes=400, gz=False, seed=3)
    s = LayerStore(tmp_path / "store")
    import_gpsjam([folder], store=s)
    return s


def rewrite_as_strings(store: LayerStore, day: dt.date) -> None:
    """Write ``day`` back the way stores were written before cells became integers."""
    frame = store.read_day(day)
    table = pa.table(
        {
            "hex": pa.array(frame["hex"].tolist(), pa.string()),
            "count_good_aircraft": pa.array(frame["count_good_aircraft"], pa.int32()),
            "count_bad_aircraft": pa.array(frame["count_bad_aircraft"], pa.int32()),
        },
        schema=LAYER_SCHEMA,
    ).replace_schema_metadata({"source": "gpsjam"})
    pq.write_table(table, store._day_path(day), use_dictionary=False, write_statistics=False)


def test_cells_round_trip_through_their_indexes():
    cells = [h3.latlng_to_cell(lat, lon, 4) for lat, lon in [(59.9, 30.3), (-33.9, 18.4)]]
    cells += [h3.latlng_to_cell(1.0, 2.0, res) for res in range(16)]
    ints = cells_to_ints(pa.array(cells))
    assert ints.to_pylist() == [h3.str_to_int(c) for c in cells]
    assert ints_to_cells(ints).to_pylist() == cells


@pytest.mark.parametrize(
    "cells",
    [["abc"], ["8400C99FFFFFFFF"], ["08400c99fffffff"[:15]], ["8400c99fffffffg"], [None]],
)
def test_non_canonical_cells_are_not_turned_into_integers(cells):
    assert cells_to_ints(pa.array(cells, pa.string())) is None


def test_days_are_stored_as_integers_and_read_as_the_same_strings(store: LayerStore):
    day = DAYS[0]
    assert pq.read_schema(store._day_path(day)).field("hex").type == pa.int64()
    frame = store.read_day(day)
    assert all(h3.is_valid_cell(c) for c in frame["hex"])
    assert store.source(day) == "gpsjam"


def test_cells_that_are_not_h3_strings_are_kept_as_written(tmp_path: Path):
    s = LayerStore(tmp_path / "store")
    frame = pd.DataFrame(
        {
            "hex": ["8400c99FFFFFFFF", "x"],
            "count_good_aircraft": [5, 7],
            "count_bad_aircraft": [1, 3],
        }
    )
    s.write_days({DAYS[0]: frame}, source="computed")
    assert pq.read_schema(s._day_path(DAYS[0])).field("hex").type == pa.string()
    assert s.read_day(DAYS[0])["hex"].tolist() == ["8400c99FFFFFFFF", "x"]


def test_a_store_written_with_string_cells_reads_the_same(store: LayerStore, tmp_path: Path):
    before = store.read()
    regions_before = stats.region_records(store)
    for day in DAYS[::2]:  # a store holding both formats
        rewrite_as_strings(store, day)
    assert pq.read_schema(store._day_path(DAYS[0])).field("hex").type == pa.string()
    pd.testing.assert_frame_equal(store.read(), before)
    some = before["hex"].iloc[::7].tolist()
    pd.testing.assert_frame_equal(
        store.read(hexes=some).reset_index(drop=True),
        before[before["hex"].isin(some)].reset_index(drop=True),
    )
    assert stats.region_records(store) == regions_before


def test_a_range_equals_its_days_read_one_by_one(store: LayerStore):
    """The range read (threads, share filter in Arrow, cells converted after filtering) gives
    exactly the rows of each day read alone and filtered in pandas."""
    layer = stats.read_layer(store, start=DAYS[1], end=DAYS[3])
    by_day = []
    for day in DAYS[1:]:
        frame = store.read_day(day)
        frame.insert(
            0, "date", pd.Series(pd.Timestamp(day), index=frame.index).astype("datetime64[s]")
        )
        by_day.append(frame)
    expected = stats.with_levels(pd.concat(by_day, ignore_index=True))
    expected = expected[expected["level"].isin(["medium", "high"])].reset_index(drop=True)
    pd.testing.assert_frame_equal(layer, expected)
    whole = types.SimpleNamespace(date_from=DAYS[1], date_to=DAYS[3])
    assert dashboard.layer_traces(whole, store=store)
