"""The published-figures table (data/figures.csv): schema, validation rules, store round trip.

Each rule has a case that breaks it on a known line; figures are counts published by others and
are kept apart from incidents.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from figure_helpers import figure_row, sample_figures, write_figures
from helpers import snapshot

from tracker import dataset, schema, validate
from tracker.errors import DataValidationError
from tracker.schema import FIG

FIGURES = schema.FIGURES_FILE


def _with_figure_change(folder: Path, index: int, **change) -> Path:
    rows = sample_figures(3)
    rows[index].update(change)
    write_figures(folder, rows)
    return folder


def _errors(folder: Path):
    return [p for p in validate.validate_dir(folder) if p.is_error]


def test_columns_are_exactly_the_agreed_ones():
    assert schema.FIGURE_COLUMNS == (
        "id",
        "period_start",
        "period_end",
        "area",
        "area_kind",
        "metric",
        "value",
        "unit",
        "measured_by",
        "url",
        "publisher",
        "published",
        "note",
    )
    assert schema.AREA_KINDS == ("region", "country", "fir", "area", "global")


def test_datapackage_publishes_the_figures_resource():
    resources = {r["name"]: r for r in schema.datapackage()["resources"]}
    names = [f["name"] for f in resources["figures"]["schema"]["fields"]]
    assert resources["figures"]["path"] == FIGURES
    assert names == list(schema.FIGURE_COLUMNS)


def test_valid_figures_have_no_problems(small_dataset: Path):
    write_figures(small_dataset, sample_figures(3))
    assert validate.validate_dir(small_dataset) == []


def test_a_folder_without_figures_loads_with_an_empty_table(small_dataset: Path):
    assert not (small_dataset / FIGURES).exists()
    assert validate.validate_dir(small_dataset) == []
    loaded = dataset.load(small_dataset)
    assert list(loaded.figures.columns) == list(schema.FIGURE_COLUMNS)
    assert loaded.figures.empty


def test_writing_incidents_does_not_create_a_figures_file(small_dataset: Path):
    with dataset.update(small_dataset) as ds:
        ds.incidents.loc[0, "summary"] = "Changed summary."
    assert not (small_dataset / FIGURES).exists()
    assert dataset.format_dir(small_dataset) == []
    assert dataset.canonical_problems(small_dataset) == []


# (figure index, change, field, code): the figure at index i is on line i + 2.
CASES = [
    (0, {FIG.value: "many"}, FIG.value, "not-a-number"),
    (0, {FIG.value: "2,732"}, FIG.value, "not-a-number"),
    (1, {FIG.value: "1e3"}, FIG.value, "not-a-number"),
    (1, {FIG.value: ""}, FIG.value, "required"),
    (2, {FIG.metric: ""}, FIG.metric, "required"),
    (2, {FIG.measured_by: ""}, FIG.measured_by, "required"),
    (0, {FIG.period_end: "2023-12-31"}, FIG.period_end, "end-before-start"),
    (1, {FIG.period_start: "2024-02-30"}, FIG.period_start, "invalid-date"),
    (1, {FIG.period_end: "2099-01-31"}, FIG.period_end, "future-date"),
    (1, {FIG.published: "2023-06-01"}, FIG.published, "published-before-period"),
    (2, {FIG.url: "javascript:alert(1)"}, FIG.url, "url-scheme"),
    (2, {FIG.url: "https://example.org/a b"}, FIG.url, "url-scheme"),
    (0, {FIG.note: '=HYPERLINK("http://x")'}, FIG.note, "formula-injection"),
    (0, {FIG.metric: "+500% spoofing"}, FIG.metric, "formula-injection"),
    (1, {FIG.publisher: "Example\u202eNews"}, FIG.publisher, "control-character"),
    (1, {FIG.measured_by: " Agency"}, FIG.measured_by, "whitespace"),
    (2, {FIG.note: "x" * 5001}, FIG.note, "too-long"),
    (0, {FIG.area_kind: "Country"}, FIG.area_kind, "not-in-value-set"),
    (0, {FIG.area: "Poland"}, FIG.area, "unknown-country"),
    (0, {FIG.area: "XX"}, FIG.area, "unknown-country"),
    (1, {FIG.area_kind: "region", FIG.area: "Baltic"}, FIG.area, "unknown-region"),
    (1, {FIG.area_kind: "global", FIG.area: "Everywhere"}, FIG.area, "global-area"),
    (2, {FIG.id: "PL Reports"}, FIG.id, "pattern"),
    (2, {FIG.id: "pl-test-reports-2024-01"}, FIG.id, "duplicate-id"),
]


@pytest.mark.parametrize(("index", "change", "field", "code"), CASES)
def test_each_rule(small_dataset: Path, index, change, field, code):
    _with_figure_change(small_dataset, index, **change)
    problems = _errors(small_dataset)
    line = index + 2
    hits = [
        p
        for p in problems
        if p.file.endswith(FIGURES) and p.line == line and p.field == field and p.code == code
    ]
    assert hits, "\n".join(p.format() for p in problems)
    column = schema.FIGURE_COLUMNS.index(field) + 1
    assert hits[0].format().startswith(f"{hits[0].file}:{line}:{column}: {field}: ")


def test_unknown_named_area_is_a_warning_not_an_error(small_dataset: Path):
    _with_figure_change(small_dataset, 0, **{FIG.area_kind: "fir", FIG.area: "Atlantis FIR"})
    problems = validate.validate_dir(small_dataset)
    assert [(p.code, p.severity, p.line) for p in problems] == [("unknown-area", "warning", 2)]


def test_known_fir_and_alias_pass(small_dataset: Path):
    rows = sample_figures(2)
    rows[0].update({FIG.area_kind: "fir", FIG.area: "Baghdad FIR"})
    rows[1].update({FIG.area_kind: "area", FIG.area: "Baltic airspace"})
    write_figures(small_dataset, rows)
    assert validate.validate_dir(small_dataset) == []


def test_header_problems(small_dataset: Path):
    header = [("kind" if name == FIG.area_kind else name) for name in schema.FIGURE_COLUMNS]
    text = ",".join(header) + "\n"
    (small_dataset / FIGURES).write_text(text, encoding="utf-8")
    codes = {(p.field, p.code) for p in _errors(small_dataset)}
    assert ("kind", "unknown-column") in codes and ("area_kind", "missing-column") in codes


def test_load_refuses_bad_figures_and_names_the_place(small_dataset: Path):
    _with_figure_change(small_dataset, 1, **{FIG.value: "lots"})
    with pytest.raises(DataValidationError) as caught:
        dataset.load(small_dataset)
    assert f"{FIGURES}:3:7: value:" in str(caught.value)


def test_round_trip_is_byte_identical_and_canonical(small_dataset: Path):
    write_figures(small_dataset, list(reversed(sample_figures(3))))
    assert [p.code for p in dataset.canonical_problems(small_dataset)] == ["not-canonical"]
    assert dataset.format_dir(small_dataset) == [FIGURES]
    before = snapshot(small_dataset)
    loaded = dataset.load(small_dataset)
    assert loaded.figures[FIG.id].tolist() == [r[FIG.id] for r in sample_figures(3)]
    assert pd.api.types.is_float_dtype(loaded.figures[FIG.value])
    dataset.save(loaded, small_dataset)
    assert snapshot(small_dataset) == before
    assert dataset.canonical_problems(small_dataset) == []


def test_save_refuses_a_bad_figure_and_writes_nothing(small_dataset: Path):
    write_figures(small_dataset, sample_figures(2))
    before = snapshot(small_dataset)
    loaded = dataset.load(small_dataset)
    bad = pd.DataFrame([figure_row(**{FIG.id: "bad-url", FIG.url: "data:text/html,x"})])
    bad[FIG.value] = bad[FIG.value].astype(float)
    with pytest.raises(DataValidationError) as caught:
        dataset.save(dataset.with_rows(loaded, figures=bad), small_dataset)
    assert any(p.code == "url-scheme" for p in caught.value.problems)
    assert snapshot(small_dataset) == before


def test_removing_every_figure_keeps_an_empty_file(small_dataset: Path):
    write_figures(small_dataset, sample_figures(2))
    with dataset.update(small_dataset) as ds:
        ds.figures = ds.figures.iloc[0:0]
    text = (small_dataset / FIGURES).read_text("utf-8")
    assert text == ",".join(schema.FIGURE_COLUMNS) + "\n"


def test_validate_command_reports_figure_problems(small_dataset: Path):
    _with_figure_change(small_dataset, 0, **{FIG.period_end: "2023-01-01"})
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "validate", "--data-dir", str(small_dataset), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    problems = json.loads(done.stdout)
    assert [(p["line"], p["field"], p["code"]) for p in problems] == [
        (2, FIG.period_end, "end-before-start")
    ]
    assert "Traceback" not in done.stderr
