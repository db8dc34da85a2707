"""The prepared incidents type: its contract, and that library functions give the same answers
for a prepared object and for the plain frame it came from."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from dashboard_data import incident, incidents_frame

from tracker import figures, stats
from tracker.dashboard.data import prepare, view_frame
from tracker.filters import Filters
from tracker.prepared import DERIVED_COLUMNS, PreparedIncidents, frame_of
from tracker.schema import INC


@pytest.fixture
def frame():
    return incidents_frame(
        [
            incident(),
            incident(
                **{
                    INC.id: "2023-11-01-larnaca",
                    INC.date: "2023-11-01",
                    INC.date_precision: "month",
                    INC.location: "Larnaca",
                    INC.latitude: 34.9,
                    INC.longitude: 33.6,
                    INC.country: "CY",
                    INC.region: "Eastern Mediterranean",
                    INC.interference: "spoofing",
                }
            ),
            incident(**{INC.id: "2024-05-01-at-sea", INC.date: "2024-05-01", INC.latitude: ""}),
        ]
    )


def test_a_frame_without_the_derived_columns_is_refused(frame):
    with pytest.raises(ValueError, match="not a prepared incidents frame"):
        PreparedIncidents(frame)


def test_prepare_documents_every_column_it_adds_and_leaves_the_input_alone(frame):
    before = frame.copy()
    prepared = prepare(frame)
    assert set(prepared.frame.columns) - set(frame.columns) == set(DERIVED_COLUMNS)
    pd.testing.assert_frame_equal(frame, before)
    assert frame_of(prepared) is prepared.frame and frame_of(frame) is frame


def test_taking_rows_or_columns_returns_a_new_prepared_object(frame):
    prepared = prepare(frame)
    narrow = view_frame(prepared)
    assert isinstance(narrow, PreparedIncidents) and INC.summary not in narrow.frame.columns
    first = prepared.take(np.array([True, False, False]))
    assert isinstance(first, PreparedIncidents) and len(first) == 1 and len(prepared) == 3
    kept = Filters.validated(region=["Eastern Mediterranean"]).apply(prepared)
    assert isinstance(kept, PreparedIncidents)
    assert list(kept.frame[INC.id]) == ["2023-11-01-larnaca"]


def test_prepared_and_plain_give_the_same_answers(frame):
    prepared = prepare(frame)
    for f in (Filters.validated(date_from="2023-11-20", date_to="2023-11-30"), Filters()):
        assert f.mask(prepared).tolist() == f.mask(frame).tolist()
    np.testing.assert_array_equal(
        stats.hex_cells(prepared), stats.hex_cells(frame, resolution=stats.HEX_BASE_RES)
    )
    # Coarser cells of prepared incidents are the parents of their finest cells.
    np.testing.assert_array_equal(
        stats.hex_cells(prepared, resolution=3), stats.hex_parent(stats.hex_cells(frame), 3)
    )
    np.testing.assert_array_equal(stats.type_codes(prepared), stats.type_codes(frame))
    np.testing.assert_array_equal(stats.precision_codes(prepared), stats.precision_codes(frame))
    assert stats.date_span(prepared) == stats.date_span(frame)
    pd.testing.assert_frame_equal(stats.region_table(prepared), stats.region_table(frame))
    pd.testing.assert_frame_equal(stats.timeline_counts(prepared), stats.timeline_counts(frame))
    for max_points in (1, 100):  # hexagons, then single points
        a = figures.map_figure(prepared, max_points=max_points).to_json()
        b = figures.map_figure(frame, max_points=max_points).to_json()
        assert a == b


def test_the_prepared_numbers_are_the_ones_read(frame):
    # A prepared object's derived values are used as given, not recomputed from the columns.
    prepared = prepare(frame)
    altered = PreparedIncidents(prepared.frame.assign(**{"_type_code": np.int8(1)}))
    assert set(stats.type_codes(altered)) == {1}
    assert set(stats.type_codes(prepared)) != {1}


def test_hexagon_counts_from_the_cells_codes_equal_those_from_the_cells():
    # Prepared cells are codes into the data's distinct cells; the map counts the filtered rows
    # by those codes. Rows here: a cluster, a second place, one without coordinates; subsets
    # leave some of the data's cells absent (and the 0 cell of the missing point).
    rows = [
        incident(**{INC.id: f"2024-01-{i + 1:02d}-a", INC.latitude: 56.9 + i / 100})
        for i in range(5)
    ]
    rows.append(incident(**{INC.id: "2024-02-01-b", INC.latitude: 34.9, INC.longitude: 33.6}))
    rows.append(incident(**{INC.id: "2024-02-02-c", INC.latitude: ""}))
    rows.append(incident(**{INC.id: "2024-02-03-d", INC.interference: "spoofing"}))
    frame = incidents_frame(rows)
    prepared = prepare(frame)
    assert isinstance(prepared.frame["_h3"].dtype, pd.CategoricalDtype)
    for keep in ([True] * 8, [False] * 5 + [True] * 3, [True] + [False] * 7, [False] * 8):
        part = prepared.take(np.array(keep))
        plain = frame[np.array(keep)]
        for kwargs in ({}, {"max_hexes": 1}, {"resolution": stats.HEX_BASE_RES}):
            got, got_res = stats.hex_counts(part, **kwargs)
            want, want_res = stats.hex_counts(plain, **kwargs)
            assert got_res == want_res
            pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))
        np.testing.assert_array_equal(part.located, ~plain[INC.latitude].isna().to_numpy())
