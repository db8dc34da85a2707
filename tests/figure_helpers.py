"""Published-figure rows for tests, built by code (never copied from data/figures.csv)."""

from __future__ import annotations

from pathlib import Path

from helpers import csv_text

from tracker import schema
from tracker.schema import FIG


def figure_row(**overrides) -> dict[str, str]:
    """A valid published figure as CSV text cells; override any field by name."""
    row = {
        FIG.id: "pl-test-reports-2024-03",
        FIG.period_start: "2024-03-01",
        FIG.period_end: "2024-03-31",
        FIG.area: "PL",
        FIG.area_kind: "country",
        FIG.metric: "pilot reports of GNSS interference",
        FIG.value: "120",
        FIG.unit: "reports",
        FIG.measured_by: "Example air navigation service",
        FIG.url: "https://example.org/figures",
        FIG.publisher: "Example News",
        FIG.published: "2024-04-02",
        FIG.note: "Synthetic figure for tests.",
    }
    row.update(overrides)
    return row


def sample_figures(n: int = 3) -> list[dict[str, str]]:
    """``n`` valid figures, one a month from January 2024, in canonical order."""
    return [
        figure_row(
            **{
                FIG.id: f"pl-test-reports-2024-{m:02d}",
                FIG.period_start: f"2024-{m:02d}-01",
                FIG.period_end: f"2024-{m:02d}-28",
                FIG.value: str(100 + m),
            }
        )
        for m in range(1, n + 1)
    ]


def write_figures(folder: Path, rows: list[dict[str, str]]) -> Path:
    path = folder / schema.FIGURES_FILE
    path.write_text(csv_text(rows, schema.FIGURE_COLUMNS), encoding="utf-8", newline="")
    return path
