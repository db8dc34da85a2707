"""The coverage report (tracker.coverage) and the `gnss-tracker stats` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from figure_helpers import sample_figures, write_figures
from helpers import incident_row, snapshot, source_row, write_dataset

from tracker import coverage, dataset
from tracker.cli import main
from tracker.schema import INC, SRC


def _incident(ident: str, date: str, **changes) -> dict:
    return incident_row(**{INC.id: ident, INC.date: date, **changes})


def _varied(folder: Path) -> Path:
    """Five incidents across regions, years, types and precisions; 1, 2, 1, 4 and 1 sources."""
    incidents = [
        _incident("2019-05-02-a", "2019-05-02"),
        _incident(
            "2021-01-01-b",
            "2021-01-01",
            **{INC.date_precision: "year", INC.interference: "spoofing", INC.country: "LT"},
        ),
        _incident(
            "2021-03-01-c",
            "2021-03-01",
            **{
                INC.date_precision: "month",
                INC.geocode_precision: "city",
                INC.confidence: "confirmed",
                INC.country: "LT",
            },
        ),
        _incident(
            "2021-06-09-d",
            "2021-06-09",
            **{
                INC.region: "Middle East",
                INC.country: "IQ",
                INC.geocode_precision: "area",
                INC.interference: "spoofing",
                INC.latitude: "33.3",
                INC.longitude: "44.4",
            },
        ),
        _incident(
            "2021-07-01-e",
            "2021-07-01",
            **{INC.country: "", INC.geocode_precision: "area", INC.interference: "both"},
        ),
    ]
    sources = [source_row(**{SRC.incident_id: row[INC.id]}) for row in incidents]
    sources.append(source_row(**{SRC.incident_id: "2021-01-01-b", SRC.url: "https://e.org/2"}))
    sources += [
        source_row(**{SRC.incident_id: "2021-06-09-d", SRC.url: f"https://e.org/d{i}"})
        for i in range(3)
    ]
    write_dataset(folder, incidents, sources)
    dataset.format_dir(folder)
    return folder


def test_counts_along_every_axis(tmp_path: Path):
    report = coverage.coverage(dataset.load(_varied(tmp_path / "data")))
    assert report["totals"] == {
        "incidents": 5,
        "sources": 9,
        "figures": 0,
        "countries": 3,
        "regions": 2,
        "first_date": "2019-05-02",
        "last_date": "2021-07-01",
    }
    assert report["by_region"] == {"Baltic Sea region": 4, "Middle East": 1}
    assert report["by_country"] == {"LT": 2, "IQ": 1, "PL": 1}
    assert report["country_names"]["LT"] == "Lithuania"
    assert report["by_year"] == {"2019": 1, "2020": 0, "2021": 4}
    assert report["by_interference"] == {"jamming": 2, "spoofing": 2, "both": 1, "unknown": 0}
    assert report["by_date_precision"] == {"day": 3, "month": 1, "year": 1}
    assert report["by_confidence"] == {
        "confirmed": 1,
        "reported": 4,
        "disputed": 0,
        "unverified": 0,
    }
    assert report["by_geocode_precision"]["airport"] == 2
    assert report["by_geocode_precision"]["city"] == 1
    assert report["sources_per_incident"] == {
        "buckets": {"1": 3, "2": 1, "3": 0, "4+": 1},
        "mean": 1.8,
        "max": 4,
    }
    assert report["town_precision"] == {"incidents": 3, "share": 0.6}


def test_figures_are_counted_apart_from_incidents(tmp_path: Path):
    folder = _varied(tmp_path / "data")
    write_figures(folder, sample_figures(3))
    report = coverage.coverage(dataset.load(folder))
    assert report["totals"]["incidents"] == 5
    assert report["figures"]["count"] == 3
    assert report["figures"]["by_area_kind"]["country"] == 3
    assert report["figures"]["by_area"] == {"PL": 3}


def test_empty_dataset(tmp_path: Path):
    write_dataset(tmp_path / "data", [], [])
    report = coverage.coverage(dataset.load(tmp_path / "data"))
    assert report["totals"]["incidents"] == 0
    assert report["by_year"] == {}
    assert report["town_precision"] == {"incidents": 0, "share": 0.0}
    assert "no incidents" in coverage.format_text(report)


def test_text_output(tmp_path: Path):
    folder = _varied(tmp_path / "data")
    result = CliRunner().invoke(main, ["stats", "--data-dir", str(folder)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Incidents: 5 (2019-05-02 to 2021-07-01) in 3 countries and 2 regions"
    assert lines[1] == "Sources: 9 (1.80 per incident, at most 4)"
    assert lines[2] == "At airport or city precision: 3 (60.0%)"
    assert lines[3] == "Published figures (counts by others, not incidents): 0"
    assert "  LT Lithuania  " in result.output
    assert "  2020       0    0.0%" in result.output


def test_json_output_matches_the_library(tmp_path: Path):
    folder = _varied(tmp_path / "data")
    result = CliRunner().invoke(main, ["stats", "--data-dir", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == coverage.coverage(dataset.load(folder))


def test_bad_data_is_a_clean_error_and_nothing_changes(tmp_path: Path):
    folder = _varied(tmp_path / "data")
    text = (folder / "incidents.csv").read_text("utf-8").replace("2019-05-02,day", "2019-05-32,day")
    (folder / "incidents.csv").write_text(text, "utf-8")
    before = snapshot(folder)
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "stats", "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "incidents.csv:2:2: date: '2019-05-32' is not a valid ISO date" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(folder) == before
