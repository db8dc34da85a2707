"""``ingest --from-json``: reviewed candidates are validated like any input and merged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker import dataset
from tracker.cli import main
from tracker.schema import INC, SRC

REPORT = (
    "URL: https://example.org/news/joensuu\nPublished: 2025-03-05\n\n"
    "Yesterday a Finnair flight lost GPS to jamming near Joensuu."
)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _reviewed(tmp_path: Path) -> list[dict]:
    """Candidates as ``ingest --json`` prints them, for a short report in our own words."""
    report = tmp_path / "report.txt"
    report.write_text(REPORT, "utf-8")
    result = CliRunner().invoke(main, ["ingest", str(report), "--json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert len(items) == 1
    return items


def _write(tmp_path: Path, items) -> Path:
    path = tmp_path / "reviewed.json"
    path.write_text(json.dumps(items, indent=2), "utf-8")
    return path


def _run(path: Path, data: Path, *extra: str):
    return CliRunner().invoke(
        main, ["ingest", "--from-json", str(path), "--data-dir", str(data), *extra]
    )


def test_corrected_candidate_is_applied_with_the_human_values(small_dataset, tmp_path):
    items = _reviewed(tmp_path)
    items[0]["flight_phase"] = "approach"
    items[0]["aircraft"] = "ATR 72"
    path = _write(tmp_path, items)
    before = _snapshot(small_dataset)
    dry = _run(path, small_dataset)
    assert dry.exit_code == 0, dry.output
    assert "1 candidate incident (dry run)" in dry.output
    assert _snapshot(small_dataset) == before
    result = _run(path, small_dataset, "--apply")
    assert result.exit_code == 0, result.output
    assert "added incident 2025-03-04-joensuu" in result.output
    loaded = dataset.load(small_dataset)
    row = loaded.incidents.set_index(INC.id).loc["2025-03-04-joensuu"]
    assert row[INC.flight_phase] == "approach" and row[INC.aircraft] == "ATR 72"
    assert "https://example.org/news/joensuu" in set(loaded.sources[SRC.url])


def test_same_file_twice_is_recognised_and_another_source_is_attached(small_dataset, tmp_path):
    items = _reviewed(tmp_path)
    path = _write(tmp_path, items)
    assert _run(path, small_dataset, "--apply").exit_code == 0
    after_first = _snapshot(small_dataset)
    again = _run(path, small_dataset, "--apply")
    assert again.exit_code == 0, again.output
    assert "already known: https://example.org/news/joensuu" in again.output
    assert _snapshot(small_dataset) == after_first
    # A day later and 30 km away, from another publisher: the same incident, a second source.
    other = dict(items[0], date="2025-03-05", latitude=items[0]["latitude"] + 0.25)
    other["source"] = dict(items[0]["source"], url="https://example.net/joensuu-gps")
    result = _run(_write(tmp_path, [other]), small_dataset, "--apply")
    assert result.exit_code == 0, result.output
    assert "added source https://example.net/joensuu-gps to 2025-03-04-joensuu" in result.output
    assert len(dataset.load(small_dataset).incidents) == len(
        dataset.load(small_dataset).incidents.drop_duplicates(INC.id)
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"date": "2025-13-04"}, ":2:0: date: '2025-13-04' is not a valid ISO date"),
        ({"country": "Finland"}, "country: 'Finland' is not an ISO 3166-1 alpha-2 code"),
        ({"interference": "jaming"}, "interference: 'jaming' is not one of"),
        ({"latitude": 95.0}, "latitude: 95 is outside [-90, 90]"),
        ({"latitude": "north"}, "latitude: 'north' is not a plain decimal number"),
        ({"summary": ""}, "summary: a value is required"),
        ({"aircraft": ["ATR", "72"]}, "aircraft: item 1: expected string text or null"),
        ({"countyr": "FI"}, "countyr: item 1: unknown field 'countyr'"),
        ({"source": {"url": "javascript:alert(1)"}}, "source.url: 'javascript:alert(1)': only"),
        ({"source": {"publisher": "x"}}, "source.url: item 1: source.url is required"),
    ],
)
def test_bad_field_names_file_line_and_field_and_writes_nothing(
    small_dataset, tmp_path, change, expected
):
    items = _reviewed(tmp_path)
    items[0].update(change)
    path = _write(tmp_path, items)
    before = _snapshot(small_dataset)
    result = _run(path, small_dataset, "--apply")
    assert result.exit_code == 1
    assert f"{path}:" in result.stderr
    assert expected in result.stderr
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert _snapshot(small_dataset) == before


def test_one_bad_item_stops_the_good_ones_and_every_problem_is_listed(small_dataset, tmp_path):
    good = _reviewed(tmp_path)[0]
    bad = dict(good, date="yesterday", flight_phase="hovering")
    path = _write(tmp_path, [good, bad])
    before = _snapshot(small_dataset)
    result = _run(path, small_dataset, "--apply")
    assert result.exit_code == 1
    assert "date: 'yesterday' is not a valid ISO date" in result.stderr
    assert "flight_phase: 'hovering' is not one of" in result.stderr
    assert "2 errors; nothing was written" in result.stderr
    assert _snapshot(small_dataset) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('[{"date": "2025-03-04",}]', "reviewed.json:1:24: not valid JSON"),
        ('{"date": "2025-03-04"}', "expected a JSON array of candidates"),
        ("[1, 2]", "item 1 is not a JSON object"),
    ],
)
def test_bad_json_is_a_clear_error(small_dataset, tmp_path, content, expected):
    path = tmp_path / "reviewed.json"
    path.write_text(content, "utf-8")
    before = _snapshot(small_dataset)
    result = _run(path, small_dataset, "--apply")
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert _snapshot(small_dataset) == before


def test_missing_file_and_paths_with_from_json_are_errors(small_dataset, tmp_path):
    missing = _run(tmp_path / "none.json", small_dataset, "--apply")
    assert missing.exit_code == 1
    assert "none.json: cannot read" in missing.stderr
    both = CliRunner().invoke(
        main, ["ingest", str(tmp_path), "--from-json", str(tmp_path / "none.json")]
    )
    assert both.exit_code == 2
    assert "not both" in both.output


def test_figure_items_are_skipped_never_applied(small_dataset, tmp_path):
    items = _reviewed(tmp_path)
    figure = {"kind": "figure", "metric": "reports", "value": 465}
    path = _write(tmp_path, [figure, *items])
    result = _run(path, small_dataset, "--apply")
    assert result.exit_code == 0, result.output
    assert "skipped 1 aggregate figure item" in result.stderr
    assert "added incident 2025-03-04-joensuu" in result.output


def test_region_is_derived_when_the_reviewer_empties_it(small_dataset, tmp_path):
    items = _reviewed(tmp_path)
    items[0].update(country="EE", region="", location="Tartu, Estonia")
    items[0].update(latitude=58.38, longitude=26.72)
    result = _run(_write(tmp_path, items), small_dataset, "--apply")
    assert result.exit_code == 0, result.output
    row = dataset.load(small_dataset).incidents.set_index(INC.id).loc["2025-03-04-tartu"]
    assert row[INC.region] == "Baltic Sea region"


def test_the_reviewers_stance_and_note_reach_the_source_row(small_dataset, tmp_path):
    items = _reviewed(tmp_path)
    items[0]["source"]["stance"] = "disputes"
    items[0]["source"]["note"] = "Says the airline saw no interference that day."
    result = _run(_write(tmp_path, items), small_dataset, "--apply")
    assert result.exit_code == 0, result.output
    sources = dataset.load(small_dataset).sources
    row = sources[sources[SRC.url] == "https://example.org/news/joensuu"].iloc[0]
    assert row[SRC.stance] == "disputes"
    assert row[SRC.note] == "Says the airline saw no interference that day."


def test_a_stance_outside_the_value_set_is_an_error(small_dataset, tmp_path):
    items = _reviewed(tmp_path)
    items[0]["source"]["stance"] = "agrees"
    before = _snapshot(small_dataset)
    result = _run(_write(tmp_path, items), small_dataset, "--apply")
    assert result.exit_code != 0
    assert "source.stance" in result.output
    assert _snapshot(small_dataset) == before


def test_published_option_is_copied_into_the_source(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Yesterday a Finnair flight lost GPS to jamming near Joensuu.", "utf-8")
    result = CliRunner().invoke(
        main,
        ["ingest", str(report), "--json", "--published", "2025-03-05", "--url", "https://x.org/a"],
    )
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert item["source"]["published"] == "2025-03-05"
