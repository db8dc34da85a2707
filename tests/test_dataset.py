"""The store: typed loading, canonical writing, atomicity under crashes, concurrent writers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from helpers import sample_rows, snapshot, write_dataset

from tracker import dataset, schema
from tracker.errors import DataValidationError
from tracker.schema import INC, SRC

REPO = Path(__file__).resolve().parent.parent


def test_load_types(small_dataset: Path):
    data = dataset.load(small_dataset)
    incidents = data.incidents
    assert list(incidents.columns) == list(schema.INCIDENT_COLUMNS)
    assert list(data.sources.columns) == list(schema.SOURCE_COLUMNS)
    assert pd.api.types.is_datetime64_any_dtype(incidents[INC.date])
    assert incidents[INC.latitude].dtype == "float64"
    assert incidents[INC.end_date].isna().all()
    assert incidents[INC.aircraft].tolist() == ["", "", ""]


def test_load_refuses_invalid_data_with_every_problem(tmp_path: Path):
    incidents, sources = sample_rows(3)
    incidents[0][INC.latitude] = "91"
    incidents[2][INC.interference] = "JAM"
    folder = write_dataset(tmp_path / "d", incidents, sources)
    with pytest.raises(DataValidationError) as caught:
        dataset.load(folder)
    codes = {(p.line, p.code) for p in caught.value.problems}
    assert {(2, "out-of-range"), (4, "not-in-value-set")} <= codes


def test_round_trip_is_byte_identical(small_dataset: Path):
    dataset.format_dir(small_dataset)  # make it canonical first
    before = snapshot(small_dataset)
    dataset.save(dataset.load(small_dataset), small_dataset)
    assert snapshot(small_dataset) == before


def test_shipped_data_round_trips_byte_identically(tmp_path: Path):
    shipped = REPO / "data"
    if not (shipped / schema.INCIDENTS_FILE).exists():
        pytest.skip("no shipped data in this checkout")
    copy = tmp_path / "data"
    copy.mkdir()
    for name in (schema.INCIDENTS_FILE, schema.SOURCES_FILE):
        (copy / name).write_bytes((shipped / name).read_bytes())
    before = snapshot(copy)
    dataset.save(dataset.load(copy), copy)
    assert snapshot(copy) == before


def test_canonical_form(tmp_path: Path):
    incidents, sources = sample_rows(3)
    incidents.reverse()  # out of order
    incidents[0][INC.latitude] = "52.500000"  # trailing zeros
    folder = write_dataset(tmp_path / "d", incidents, sources)
    raw = (folder / schema.INCIDENTS_FILE).read_bytes()
    (folder / schema.INCIDENTS_FILE).write_bytes(b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"))
    assert dataset.canonical_problems(folder)
    changed = dataset.format_dir(folder)
    assert changed == [schema.INCIDENTS_FILE]
    text = (folder / schema.INCIDENTS_FILE).read_bytes()
    assert not text.startswith(b"\xef\xbb\xbf") and b"\r" not in text and text.endswith(b"\n")
    ids = [line.split(",")[0] for line in text.decode().splitlines()[1:]]
    assert ids == sorted(ids)
    assert ",52.5," in text.decode()
    assert dataset.canonical_problems(folder) == []
    assert dataset.format_dir(folder) == []  # a second run is a no-op


def test_save_refuses_invalid_data_and_writes_nothing(small_dataset: Path):
    before = snapshot(small_dataset)
    data = dataset.load(small_dataset)
    data.incidents.loc[1, INC.latitude] = 123.0
    with pytest.raises(DataValidationError):
        dataset.save(data, small_dataset)
    assert snapshot(small_dataset) == before


def test_update_appends_and_exception_writes_nothing(small_dataset: Path):
    before = snapshot(small_dataset)
    with pytest.raises(RuntimeError):
        with dataset.update(small_dataset) as data:
            data.incidents = data.incidents.iloc[:1]
            raise RuntimeError("abort")
    assert snapshot(small_dataset) == before


def test_new_incident_id_is_readable_and_unique():
    ident = dataset.new_incident_id("2025-08-31", "Plovdiv Airport, Bulgaria", [])
    assert ident == "2025-08-31-plovdiv-airport-bulgaria"
    again = dataset.new_incident_id("2025-08-31", "Plovdiv Airport, Bulgaria", [ident])
    assert again == ident + "-2"
    assert dataset.new_incident_id("2025-01-16", "Šiauliai", []) == "2025-01-16-siauliai"


def test_new_incident_id_skips_the_words_leading_up_to_the_place():
    made = dataset.new_incident_id("2025-12-10", "Approach to Piarco International Airport", [])
    assert made == "2025-12-10-piarco-international-airport"
    assert (
        dataset.new_incident_id("2025-08-30", "over the Baltic Sea", []) == "2025-08-30-baltic-sea"
    )
    # Nothing but lead words: keep them rather than an empty slug.
    assert dataset.new_incident_id("2025-12-03", "to and from", []) == "2025-12-03-to-and-from"


# --- concurrency and crashes: real processes ------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    import pandas as pd
    from tracker import dataset
    from tracker.schema import INC, SRC

    folder, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for i in range(count):
        with dataset.update(folder, timeout=120) as data:
            ident = f"2024-01-{1 + worker:02d}-w{worker}-r{i}"
            row = data.incidents.iloc[[0]].copy()
            row[INC.id] = ident
            row[INC.date] = pd.Timestamp(f"2024-01-{1 + worker:02d}")
            source = data.sources.iloc[[0]].copy()
            source[SRC.incident_id] = ident
            data.incidents = pd.concat([data.incidents, row], ignore_index=True)
            data.sources = pd.concat([data.sources, source], ignore_index=True)
    """
)


def _run_writer(folder: Path, worker: int, count: int, env: dict | None = None):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), str(worker), str(count)],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_concurrent_writers_lose_nothing(small_dataset: Path):
    workers, rows_each = 4, 6
    procs = [_run_writer(small_dataset, w, rows_each) for w in range(workers)]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    data = dataset.load(small_dataset)
    assert len(data.incidents) == 3 + workers * rows_each
    assert data.incidents[INC.id].is_unique
    assert len(data.sources) == 3 + workers * rows_each


@pytest.mark.parametrize(
    "point", ["after-temp", "before-marker", "after-marker", "between-replaces"]
)
def test_sigkill_during_write_leaves_old_or_new(small_dataset: Path, point: str):
    dataset.format_dir(small_dataset)
    old = snapshot(small_dataset)
    proc = _run_writer(small_dataset, 0, 1, env={"TRACKER_CRASH_AT": point})
    proc.communicate(timeout=120)
    assert proc.returncode == -9  # really killed
    data = dataset.load(small_dataset)  # recovers and validates
    files = {
        n: (small_dataset / n).read_bytes() for n in (schema.INCIDENTS_FILE, schema.SOURCES_FILE)
    }
    if point in ("after-temp", "before-marker"):
        assert files == {n: old[n] for n in files}, (
            "a crash before the commit point keeps the old data"
        )
        assert len(data.incidents) == 3
    else:
        assert len(data.incidents) == 4, "a crash after the commit point completes the new data"
        assert len(data.sources) == 4
    leftovers = [
        p.name for p in small_dataset.iterdir() if p.name.endswith(".tmp") or "pending" in p.name
    ]
    assert leftovers == []


def test_disk_error_is_a_store_error_and_data_intact(small_dataset: Path, monkeypatch):
    """A failing write (as on a full disk) raises StoreError; the dataset is unchanged."""
    from tracker.errors import StoreError

    before = snapshot(small_dataset)
    data = dataset.load(small_dataset)
    data.incidents.loc[0, INC.summary] = "Changed summary."

    real_fsync = os.fsync

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StoreError, match="No space left"):
        dataset.save(data, small_dataset)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert snapshot(small_dataset) == before


def test_datapackage_matches_schema():
    """data/datapackage.json is generated from tracker/schema.py; regenerate with
    `gnss-tracker schema`."""
    path = REPO / "data" / schema.DATAPACKAGE_FILE
    assert path.exists(), "run `gnss-tracker schema` to create data/datapackage.json"
    assert json.loads(path.read_text("utf-8")) == schema.datapackage()


def test_csv_headers_match_schema():
    for name, columns in (
        (schema.INCIDENTS_FILE, schema.INCIDENT_COLUMNS),
        (schema.SOURCES_FILE, schema.SOURCE_COLUMNS),
    ):
        path = REPO / "data" / name
        if path.exists():
            assert path.read_text("utf-8").splitlines()[0].split(",") == list(columns)


def test_shipped_data_is_valid_and_canonical():
    shipped = REPO / "data"
    if not (shipped / schema.INCIDENTS_FILE).exists():
        pytest.skip("no shipped data in this checkout")
    data = dataset.load(shipped)
    assert len(data.incidents) >= 58
    assert (
        data.incidents[INC.latitude].notna().all() and data.incidents[INC.longitude].notna().all()
    )
    assert data.sources[SRC.url].str.match(r"https?://").all()
    assert dataset.canonical_problems(shipped) == []
    plovdiv = data.incidents[data.incidents[INC.id] == "2025-08-31-plovdiv"]
    assert len(plovdiv) == 1 and plovdiv[INC.confidence].item() == "disputed"
    stances = set(
        data.sources.loc[data.sources[SRC.incident_id] == "2025-08-31-plovdiv", SRC.stance]
    )
    assert {"supports", "disputes"} <= stances
