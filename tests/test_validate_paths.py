"""The validator's routes give the same problems: tables read then checked, each file checked as
soon as it is read (``read_and_validate``, which ``load`` and ``validate_dir`` use), and the
low-memory route of ``gnss-tracker validate`` that drops each file's cells after its own rules.

Also: the rules across tables settle the same answers whether or not the duplicate rules have
already ordered the id columns, and the loaded frame's number and date columns can be assigned to.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from helpers import sample_rows, write_dataset

from tracker import dataset, validate
from tracker.csvio import RawTable
from tracker.schema import INC, SRC

TODAY = pd.Timestamp("2026-01-01")


def _cases() -> dict[str, tuple[list[dict], list[dict]]]:
    """Datasets breaking rules that read more than one row or more than one table."""
    cases = {}
    incidents, sources = sample_rows(4)
    cases["clean"] = (incidents, sources)

    i, s = sample_rows(4)
    i[2] = {**i[2], INC.id: i[1][INC.id]}  # duplicate id, in order
    cases["duplicate id"] = (i, s)

    i, s = sample_rows(4)
    s.append({**s[1], SRC.note: "again"})  # duplicate claim (same incident and URL)
    s.sort(key=lambda row: row[SRC.incident_id])
    cases["duplicate source"] = (i, s)

    i, s = sample_rows(4)
    s[3] = {**s[3], SRC.incident_id: "2024-12-31-nowhere"}  # unknown incident, no source
    cases["orphan and unsourced"] = (i, s)

    i, s = sample_rows(4)
    other = {**s[1], SRC.url: "https://example.org/other"}
    s[2:2] = [other, {**s[1], SRC.note: "again"}]  # the same claim two rows apart
    cases["duplicate source two rows apart"] = (i, s)

    i, s = sample_rows(4)
    s = list(reversed(s))  # not in canonical order: the exact hash route
    s[0] = {**s[0], SRC.incident_id: "2024-12-31-nowhere"}
    cases["unsorted orphan"] = (i, s)

    i, s = sample_rows(4)
    s[1] = {**s[1], SRC.stance: "disputes"}  # undeclared dispute (a warning)
    cases["undeclared dispute"] = (i, s)

    i, s = sample_rows(4)
    i[0] = {**i[0], INC.country: "pl"}  # pattern
    i[1] = {**i[1], INC.country: "QQ"}  # shaped but unknown
    i[2] = {**i[2], INC.id: "Bad Id"}
    s[2] = {**s[2], SRC.incident_id: "Bad Id", SRC.url: "https://" + "a" * 2000}
    cases["patterns and long url"] = (i, s)

    i, s = sample_rows(4)
    i[1] = {**i[1], INC.radius_km: "1e3", INC.latitude: "0", INC.longitude: "0"}
    cases["numbers"] = (i, s)

    i, s = sample_rows(4)
    bad_id = i[3][INC.id].replace("place", "Place")  # still in order, cited in order
    i[3] = {**i[3], INC.id: bad_id}
    s[3] = {**s[3], SRC.incident_id: bad_id}
    cases["malformed id cited in order"] = (i, s)
    return cases


CASES = _cases()


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_route_reports_the_same_problems(case: str, tmp_path: Path):
    folder = write_dataset(tmp_path, *CASES[case])
    incidents, sources = validate.read_tables(folder)
    separate = validate.validate_tables(
        incidents, sources, validate.read_figures(folder), today=TODAY
    )
    *_, together = validate.read_and_validate(folder, today=TODAY)
    tables = validate.read_and_validate(folder, today=TODAY, keep_cells=False)
    assert together == separate
    assert tables[3] == separate
    if case != "clean":
        assert separate, "each case breaks at least one rule"
    # The low-memory route keeps every row (the CLI counts them) but only the reference columns.
    assert len(tables[0].frame) == len(CASES[case][0])
    assert len(tables[1].frame) == len(CASES[case][1])
    assert list(tables[0].frame.columns) == [INC.id, INC.confidence]
    assert list(tables[1].frame.columns) == [SRC.incident_id, SRC.stance]


@pytest.mark.parametrize("case", ["clean", "orphan and unsourced", "unsorted orphan"])
def test_references_do_not_depend_on_the_duplicate_rules_running_first(case: str, tmp_path):
    folder = write_dataset(tmp_path, *CASES[case])
    fresh = validate.check_references(*validate.read_tables(folder))
    incidents, sources = validate.read_tables(folder)
    validate.check_incident_rows(incidents)  # orders the ids and caches it
    validate.check_source_rows(sources)
    assert validate.check_references(incidents, sources) == fresh


def test_orphan_is_reported_at_its_line(tmp_path: Path):
    folder = write_dataset(tmp_path, *CASES["orphan and unsourced"])
    problems = validate.read_and_validate(folder, today=TODAY, keep_cells=False)[3]
    found = {(Path(p.file).name, p.line, p.field, p.code) for p in problems}
    assert ("sources.csv", 5, SRC.incident_id, "unknown-incident") in found
    assert ("incidents.csv", 5, INC.id, "no-source") in found


def test_loaded_numbers_and_dates_can_be_assigned(tmp_path: Path):
    incidents, sources = sample_rows(3)
    incidents[1] = {**incidents[1], INC.radius_km: "12.5"}  # a column with empty cells
    folder = write_dataset(tmp_path, incidents, sources)
    data = dataset.load(folder)
    data.incidents.loc[0, INC.latitude] = 1.5
    data.incidents.loc[0, INC.radius_km] = 3.0
    data.incidents.loc[0, INC.date] = data.incidents.loc[2, INC.date]
    data.sources.loc[0, SRC.published] = data.sources.loc[1, SRC.published]
    assert data.incidents.loc[0, INC.latitude] == 1.5
    assert data.incidents.loc[0, INC.radius_km] == 3.0
    assert data.incidents.loc[0, INC.date] == data.incidents.loc[2, INC.date]
    # The loader's own copy is untouched: a second load reads the file again.
    assert dataset.load(folder).incidents.loc[0, INC.latitude] == float(incidents[0][INC.latitude])


def test_cli_validate_counts_rows_with_the_low_memory_route(tmp_path: Path):
    from click.testing import CliRunner

    from tracker.cli import main

    folder = write_dataset(tmp_path, *CASES["orphan and unsourced"])
    result = CliRunner().invoke(main, ["validate", "--data-dir", str(folder)])
    assert result.exit_code == 1
    assert "unknown-incident" in result.output
    assert "in 4 incidents and 4 sources" in result.output


def _chunked_table(name: str, values: list[str], sizes: list[int]) -> RawTable:
    """A one-column table whose column is split into Arrow chunks of ``sizes`` rows, as the
    reader splits a large file into blocks."""
    chunks, start = [], 0
    for size in sizes:
        chunks.append(pa.array(values[start : start + size], type=pa.large_string()))
        start += size
    column = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks)), name=name)
    lines = np.arange(2, len(values) + 2)
    return RawTable(name, [name], pd.DataFrame({name: column}), lines)


def test_cited_incident_rows_across_chunks():
    ids = [f"2024-01-{day:02d}-x" for day in range(1, 8)]
    cited = [ids[0], ids[1], ids[1], ids[2], ids[3], ids[3], ids[3], ids[4], ids[5], ids[6]]
    incidents = _chunked_table(INC.id, ids, [3, 4])
    sources = _chunked_table(SRC.incident_id, cited, [2, 3, 1, 4])  # runs cross the chunks
    rows = validate._cited_incident_rows(incidents, sources)
    assert rows is not None
    assert [ids[row] for row in rows] == cited
    # One cited id differs from its incident's id, in a later chunk: no shortcut.
    cited[8] = "2024-01-06-y"
    sources = _chunked_table(SRC.incident_id, cited, [2, 3, 1, 4])
    assert validate._cited_incident_rows(incidents, sources) is None


def test_a_malformed_id_is_reported_where_it_is_cited(tmp_path: Path):
    """The cited ids' pattern is not matched when they are exactly the incident ids, unless an
    incident id breaks it: then both files report it."""
    folder = write_dataset(tmp_path, *CASES["malformed id cited in order"])
    for keep_cells in (True, False):
        problems = validate.read_and_validate(folder, today=TODAY, keep_cells=keep_cells)[3]
        found = {(Path(p.file).name, p.line, p.field, p.code) for p in problems}
        assert ("incidents.csv", 5, INC.id, "pattern") in found
        assert ("sources.csv", 5, SRC.incident_id, "pattern") in found
