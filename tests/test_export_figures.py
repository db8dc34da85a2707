"""`export data --table figures`: published figures as spreadsheet-safe CSV, on real files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from figure_helpers import figure_row, sample_figures, write_figures
from helpers import snapshot

from tracker import dataset, schema
from tracker.cli import main
from tracker.export.figures import KIND_COLUMN, KIND_VALUE, figures_to_csv
from tracker.schema import FIG


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.fixture
def data_dir(small_dataset: Path) -> Path:
    rows = sample_figures(3)
    rows.append(
        figure_row(
            **{
                FIG.id: "world-rate-2025",
                FIG.area: "World",
                FIG.area_kind: "global",
                FIG.period_start: "2025-01-01",
                FIG.period_end: "2025-06-30",
                FIG.published: "2025-07-01",
                FIG.value: "27.4",
                FIG.unit: "percent",
            }
        )
    )
    rows.append(
        figure_row(
            **{
                FIG.id: "iq-reports-2023",
                FIG.area: "Baghdad FIR",
                FIG.area_kind: "fir",
                FIG.period_start: "2023-09-01",
                FIG.period_end: "2023-09-28",
                FIG.published: "2023-09-28",
            }
        )
    )
    write_figures(small_dataset, rows)
    dataset.format_dir(small_dataset)
    return small_dataset


def test_csv_neutralises_formulas_keeps_numbers_and_labels_every_row():
    frame = pd.DataFrame(
        [
            figure_row(**{FIG.note: '=HYPERLINK("http://x.example","y")', FIG.metric: "@SUM(A1)"}),
            figure_row(**{FIG.id: "negative", FIG.value: "-12.5", FIG.measured_by: "+agency"}),
        ]
    )
    frame[FIG.value] = frame[FIG.value].astype(float)
    rows = _rows(figures_to_csv(frame))
    assert rows[0] == [*schema.FIGURE_COLUMNS, KIND_COLUMN]
    first, second = (dict(zip(rows[0], row, strict=True)) for row in rows[1:])
    assert first[FIG.note].startswith("'=HYPERLINK")
    assert first[FIG.metric] == "'@SUM(A1)"
    assert second[FIG.measured_by] == "'+agency"
    assert first[KIND_COLUMN] == second[KIND_COLUMN] == KIND_VALUE
    # Values are bare numbers: a negative change is a number, not a formula.
    text = figures_to_csv(frame).decode("utf-8-sig")
    assert ",-12.5," in text and ",120," in text


def test_cli_writes_selected_figures(tmp_path: Path, data_dir: Path):
    out = tmp_path / "figures.csv"
    result = CliRunner().invoke(
        main,
        ["export", "data", "--table", "figures", "--data-dir", str(data_dir), "-o", str(out)],
    )
    assert result.exit_code == 0, result.output
    ids = [row[0] for row in _rows(out.read_bytes())[1:]]
    assert ids == [
        "world-rate-2025",
        "pl-test-reports-2024-03",
        "pl-test-reports-2024-02",
        "pl-test-reports-2024-01",
        "iq-reports-2023",
    ]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--region", "Middle East"], ["world-rate-2025", "iq-reports-2023"]),
        (
            ["--country", "PL", "--from", "2024-02-15", "--to", "2024-12-31"],
            [
                "pl-test-reports-2024-03",
                "pl-test-reports-2024-02",
            ],
        ),
        (["--to", "2023-12-31"], ["iq-reports-2023"]),
    ],
)
def test_cli_filters(data_dir: Path, options, expected):
    result = CliRunner().invoke(
        main,
        ["export", "data", "--table", "figures", "--data-dir", str(data_dir), "-o", "-", *options],
    )
    assert result.exit_code == 0, result.output
    assert [row[0] for row in _rows(result.stdout_bytes)[1:]] == expected


@pytest.mark.parametrize(
    "args",
    [["--format", "geojson", "-o", "-"], ["-o", "figures.geojson"]],
)
def test_geojson_is_refused_with_a_reason(tmp_path: Path, data_dir: Path, args):
    result = CliRunner().invoke(
        main, ["export", "data", "--table", "figures", "--data-dir", str(data_dir), *args]
    )
    assert result.exit_code == 2
    assert "--table figures cannot be written as geojson" in result.output
    assert "not a point" in result.output


def test_never_writes_into_the_dataset(data_dir: Path):
    before = snapshot(data_dir)
    result = CliRunner().invoke(
        main,
        [
            "export",
            "data",
            "--table",
            "figures",
            "--data-dir",
            str(data_dir),
            "-o",
            str(data_dir / "figures.csv"),
        ],
    )
    assert result.exit_code != 0
    assert snapshot(data_dir) == before


def test_folder_without_figures_exports_a_header(small_dataset: Path):
    result = CliRunner().invoke(
        main,
        ["export", "data", "--table", "figures", "--data-dir", str(small_dataset), "-o", "-"],
    )
    assert result.exit_code == 0, result.output
    assert _rows(result.stdout_bytes) == [[*schema.FIGURE_COLUMNS, KIND_COLUMN]]
