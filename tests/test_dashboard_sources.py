"""The dashboard keeps only the sources' incident ids and stances, and reads a source's other
columns from the validated file when it is shown (the detail panel, data downloads).

Checked here: the lean load reports exactly the problems of the full one (every column is still
validated), the server holds no full sources frame, the rows read on demand equal what
``tracker.dataset.load`` gives (quoting, Unicode, CRLF files, a byte-order mark), links stay
sanitised, and a file changed after it was validated is never read.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from dashboard_data import sample_dataset, source, write_dataset
from test_validate_paths import CASES, TODAY

from tracker import dataset, validate
from tracker.dashboard import callbacks, downloads
from tracker.dashboard.data import load_view_data
from tracker.dashboard.sources import SourcesChangedError
from tracker.dashboard.state import ViewState
from tracker.errors import DataValidationError
from tracker.export import render_data
from tracker.schema import INC, SRC

LEAN_COLUMNS = [SRC.incident_id, SRC.stance]


def _hard_sources() -> tuple[list[dict], list[dict]]:
    """The sample data plus sources whose cells need CSV quoting or are not ASCII."""
    incidents, sources = sample_dataset()
    sources.append(
        source(
            "2024-03-10-riga",
            **{
                SRC.url: "https://example.org/a?x=1&y=%22two%22",
                SRC.publisher: 'Daily "Quotes", Ltd',
                SRC.published: "2024-03-11",
                SRC.stance: "context",
                SRC.note: "Ziņas: traucējumi, «GPS» — 3 reisi.",
            },
        )
    )
    return incidents, sources


@pytest.fixture
def hard_dir(tmp_path):
    return write_dataset(tmp_path / "data", *_hard_sources())


def _dumped(children) -> str:
    return json.dumps(
        [c.to_plotly_json() for c in children],
        default=lambda o: o.to_plotly_json(),
        ensure_ascii=False,
    )


# ----------------------------------------------------------------------------- loading


@pytest.mark.parametrize("case", sorted(CASES))
def test_lean_sources_route_reports_the_same_problems(case: str, tmp_path: Path):
    folder = write_dataset(tmp_path, *CASES[case])
    *_, full = validate.read_and_validate(folder, today=TODAY)
    incidents, sources, _, lean = validate.read_and_validate(
        folder, today=TODAY, keep_source_cells=False
    )
    assert lean == full
    assert list(sources.frame.columns) == LEAN_COLUMNS
    assert len(sources.frame) == len(CASES[case][1])
    assert len(incidents.frame.columns) > 2  # the incidents keep every cell


def test_lean_load_keeps_incidents_and_the_sources_ids_and_stances(hard_dir):
    full = dataset.load(hard_dir)
    lean = dataset.load(hard_dir, source_cells=False)
    pd.testing.assert_frame_equal(lean.incidents, full.incidents)
    pd.testing.assert_frame_equal(lean.sources, full.sources[LEAN_COLUMNS])


def test_lean_load_refuses_bad_sources_with_the_same_problems(tmp_path):
    incidents, sources = sample_dataset()
    bad_cells = {SRC.url: "ftp://example.org/x", SRC.note: "=cmd|' /C calc'!A0"}
    sources[1] = dict(sources[1], **bad_cells)
    folder = write_dataset(tmp_path, incidents, sources)
    with pytest.raises(DataValidationError) as full:
        dataset.load(folder)
    with pytest.raises(DataValidationError) as lean:
        dataset.load(folder, source_cells=False)
    assert lean.value.problems == full.value.problems
    fields = {p.field for p in lean.value.problems if p.is_error}
    assert {SRC.url, SRC.note} <= fields  # columns the server does not keep are still checked


def test_server_holds_no_full_sources_frame(hard_dir):
    data = load_view_data(hard_dir)
    assert data.ok
    assert list(data.sources.columns) == LEAN_COLUMNS
    assert len(data.sources) == len(_hard_sources()[1])


def test_broken_sources_still_show_the_validators_problems(tmp_path):
    incidents, sources = sample_dataset()
    sources[0] = dict(sources[0], **{SRC.url: "javascript:alert(1)"})
    data = load_view_data(write_dataset(tmp_path, incidents, sources))
    assert not data.ok and data.source_file is None
    assert any(p.field == SRC.url and "sources.csv" in p.file for p in data.problems)


# ----------------------------------------------------------------------------- rows on demand


def _rewrite(folder: Path, transform) -> None:
    path = folder / "sources.csv"
    path.write_bytes(transform(path.read_bytes()))


@pytest.mark.parametrize(
    "variant",
    ["canonical", "crlf", "bom"],
)
def test_rows_read_on_demand_equal_the_loaded_rows(tmp_path, variant):
    folder = write_dataset(tmp_path, *_hard_sources())
    if variant == "crlf":  # valid, only not canonical
        _rewrite(folder, lambda raw: raw.replace(b"\n", b"\r\n"))
    elif variant == "bom":
        _rewrite(folder, lambda raw: b"\xef\xbb\xbf" + raw)
    full = dataset.load(folder).sources
    data = load_view_data(folder)
    assert data.ok and data.source_file is not None
    for some in (["2024-03-10-riga"], ["2023-11-01-larnaca", "2024-03-10-riga"], []):
        expected = full[full[SRC.incident_id].isin(some)]
        pd.testing.assert_frame_equal(data.sources_of(some), expected)
    pd.testing.assert_frame_equal(data.sources_of(full[SRC.incident_id]), full)


def test_detail_panel_shows_the_sources_read_from_the_file(hard_dir):
    dumped = _dumped(callbacks.detail(hard_dir, "?incident=2024-03-10-riga"))
    assert "Sources (2)" in dumped
    assert '"href": "https://example.org/a?x=1&y=%22two%22"' in dumped
    assert 'Daily \\"Quotes\\", Ltd' in dumped
    assert "Ziņas: traucējumi, «GPS» — 3 reisi." in dumped
    assert "2024-03-11" in dumped and "Context" in dumped


def test_data_download_has_every_source_column(hard_dir):
    button = {"type": downloads.BUTTON_TYPE, "kind": downloads.DATA_KIND, "fmt": "csv"}
    result, status = downloads.download(hard_dir, button, "?interference=jamming")
    assert status == ""
    filters = ViewState.from_query("?interference=jamming").filters
    expected = render_data(dataset.load(hard_dir), fmt="csv", filters=filters)
    assert base64.b64decode(result["content"]) == expected
    assert b"https://example.org/a?x=1&y=%22two%22" in expected


# ----------------------------------------------------------------------------- changed files


def test_a_file_changed_after_validation_is_never_read(hard_dir):
    data = load_view_data(hard_dir)
    path = hard_dir / "sources.csv"
    stat = path.stat()
    # Same size, same modification time: only the inode's change time tells.
    raw = path.read_bytes().replace(b"Reports the event.", b"Unchecked text!!!!")
    path.write_bytes(raw)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    with pytest.raises(SourcesChangedError):
        data.sources_of(["2024-03-10-riga"])
    # The dashboard validates the changed file before it shows anything from it.
    assert "Unchecked text" in _dumped(callbacks.detail(hard_dir, "?incident=2024-03-10-riga"))


def test_a_file_replaced_while_it_was_loaded_is_not_indexed(tmp_path):
    folder = write_dataset(tmp_path, *_hard_sources())

    def loader_racing_a_writer(data_dir):
        loaded = dataset.load(data_dir, source_cells=False)
        path = data_dir / "sources.csv"
        replacement = path.with_suffix(".new")
        replacement.write_bytes(path.read_bytes().replace(b"Reports", b"Rewrote"))
        os.replace(replacement, path)
        return loaded

    data = load_view_data(folder, loader=loader_racing_a_writer)
    assert not data.ok and "changed" in data.error


# ----------------------------------------------------------------------------- the list's counts


def test_list_counts_each_incidents_sources_by_row(hard_dir):
    from tracker.dashboard.incident_list.model import _ORDERS, ListState, list_page
    from tracker.filters import Filters

    data = load_view_data(hard_dir)
    expected = dataset.load(hard_dir).sources[SRC.incident_id].value_counts()
    page = list_page(data.incidents, data.sources, Filters(), ListState(), page_size=100)
    assert {r["id"]: r["sources"] for r in page.rows} == expected.to_dict()
    # One number per incident row: no index over the ids is kept for the server's life.
    counts = _ORDERS.source_counts(data.incidents, data.sources)
    assert counts.shape == (len(data.incidents),)
    assert counts.tolist() == expected.reindex(data.incidents[INC.id]).tolist()
