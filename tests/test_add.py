"""``gnss-tracker add`` and ``gnss-tracker geocode`` end to end, on a temporary dataset.

The dataset is built by the tests through the store (never copied from data/). Every failure
case checks that the files are byte-for-byte unchanged.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import incident_row, sample_rows, snapshot, source_row, write_dataset

from tracker import dataset
from tracker.cli import main
from tracker.dedupe import find_matches
from tracker.schema import INC, SRC


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """Two incidents near Vilnius airport and in Gdańsk, written in canonical form by the store."""
    incidents = [
        incident_row(
            **{
                INC.id: "2025-01-16-vilnius",
                INC.date: "2025-01-16",
                INC.location: "Vilnius Airport",
                INC.latitude: "54.6341",
                INC.longitude: "25.2858",
                INC.country: "LT",
            }
        ),
        incident_row(
            **{
                INC.id: "2024-03-13-gdansk",
                INC.date: "2024-03-13",
                INC.location: "Gdańsk",
                INC.latitude: "54.35",
                INC.longitude: "18.65",
                INC.geocode_query: "Gdansk",
                INC.geocode_precision: "city",
            }
        ),
    ]
    sources = [
        source_row(**{SRC.incident_id: "2025-01-16-vilnius", SRC.url: "https://example.org/a"}),
        source_row(**{SRC.incident_id: "2024-03-13-gdansk", SRC.url: "https://example.org/b"}),
    ]
    folder = write_dataset(tmp_path / "data", incidents, sources)
    dataset.save(dataset.load(folder), folder)
    return folder


def _add(data_dir: Path, *args: str, input: str | None = None):
    base = [
        "add",
        "--data-dir",
        str(data_dir),
        "--interference",
        "jamming",
        "--confidence",
        "reported",
        "--summary",
        "Crews reported losing GPS on approach.",
        "--url",
        "https://example.org/new",
        "--publisher",
        "Example Wire",
    ]
    return CliRunner().invoke(main, [*base, *args], input=input)


def test_add_geocodes_and_writes_a_new_incident(data_dir):
    result = _add(data_dir, "--date", "2025-06-23", "--location", "Jammu Airport", "--yes")
    assert result.exit_code == 0, result.output
    assert "Jammu Airport, IN (airport, 32.6891, 74.8374" in result.output
    assert "Added incident 2025-06-23-jammu-airport." in result.output
    ds = dataset.load(data_dir)
    row = ds.incidents.set_index(INC.id).loc["2025-06-23-jammu-airport"]
    assert (row[INC.country], row[INC.region]) == ("IN", "South Asia")
    assert (row[INC.geocode_source], row[INC.geocode_precision]) == (
        "gazetteer:airportsdata",
        "airport",
    )
    assert row[INC.geocode_query] == "Jammu Airport"
    assert row[INC.flight_phase] == "unknown"
    source = ds.sources[ds.sources[SRC.incident_id] == "2025-06-23-jammu-airport"].iloc[0]
    assert (source[SRC.url], source[SRC.stance]) == ("https://example.org/new", "supports")


@pytest.mark.parametrize(
    ("given", "stored"), [((), "day"), (("--end-date-precision", "open"), "open")]
)
def test_an_end_date_says_whether_the_span_ended_then(data_dir, given, stored):
    result = _add(
        data_dir,
        *("--date", "2025-06-23", "--end-date", "2025-06-25", "--location", "Jammu Airport"),
        *given,
        "--yes",
    )
    assert result.exit_code == 0, result.output
    row = dataset.load(data_dir).incidents.set_index(INC.id).loc["2025-06-23-jammu-airport"]
    assert row[INC.end_date_precision] == stored


def test_query_flag_geocodes_other_text_than_location(data_dir):
    result = _add(
        data_dir,
        "--date",
        "2025-06-23",
        "--location",
        "Over the Gulf, near the strait",
        "--query",
        "Strait of Hormuz",
        "--yes",
    )
    assert result.exit_code == 0, result.output
    row = dataset.load(data_dir).incidents.iloc[-1]
    assert row[INC.country] == "" and row[INC.region] == "Middle East"
    assert row[INC.geocode_precision] == "area" and row[INC.radius_km] > 0


def test_manual_coordinates_are_recorded_as_manual(data_dir):
    result = _add(
        data_dir,
        "--date",
        "2025-06-23",
        "--location",
        "Somewhere over Lapland",
        "--latitude",
        "68.0",
        "--longitude",
        "26.0",
        "--yes",
    )
    assert result.exit_code == 0, result.output
    incidents = dataset.load(data_dir).incidents.set_index(INC.id)
    row = incidents.loc["2025-06-23-somewhere-over-lapland"]
    assert (row[INC.geocode_source], row[INC.country], row[INC.region]) == (
        "manual",
        "FI",
        "Nordic and Arctic",
    )


def test_duplicate_needs_a_decision_when_not_interactive(data_dir):
    before = snapshot(data_dir)
    result = _add(data_dir, "--date", "2025-01-17", "--location", "Vilnius", "--yes")
    assert result.exit_code == 2
    assert "Possible duplicate of: 2025-01-16-vilnius (1 day(s)" in result.output
    assert "--attach" in result.output and "--new" in result.output
    assert snapshot(data_dir) == before


def test_attach_adds_only_the_source(data_dir):
    result = _add(data_dir, "--date", "2025-01-17", "--location", "Vilnius", "--yes", "--attach")
    assert result.exit_code == 0, result.output
    assert "Attached the source to incident 2025-01-16-vilnius." in result.output
    ds = dataset.load(data_dir)
    assert len(ds.incidents) == 2
    assert set(ds.sources[ds.sources[SRC.incident_id] == "2025-01-16-vilnius"][SRC.url]) == {
        "https://example.org/a",
        "https://example.org/new",
    }


def test_new_overrides_the_duplicate_check(data_dir):
    result = _add(data_dir, "--date", "2025-01-17", "--location", "Vilnius", "--yes", "--new")
    assert result.exit_code == 0, result.output
    assert len(dataset.load(data_dir).incidents) == 3


def test_interactive_prompts_fill_missing_fields_and_choose(data_dir, monkeypatch):
    monkeypatch.setattr("tracker.cli.add._interactive", lambda: True)
    answers = "\n".join(
        [
            "2025-01-17",  # date
            "Vilnius",  # location
            "spoofing",  # interference
            "reported",  # confidence
            "A spoofed position was shown.",  # summary
            "https://example.org/prompted",  # url
            "Prompt News",  # publisher
            "y",  # use this location
            "new",  # not the duplicate
        ]
    )
    result = CliRunner().invoke(main, ["add", "--data-dir", str(data_dir)], input=answers + "\n")
    assert result.exit_code == 0, result.output
    assert "Added incident 2025-01-17-vilnius." in result.output


def test_missing_required_flags_are_listed_without_a_terminal(data_dir):
    before = snapshot(data_dir)
    result = CliRunner().invoke(main, ["add", "--data-dir", str(data_dir), "--date", "2025-01-01"])
    assert result.exit_code == 2
    flags = ("--location", "--interference", "--confidence", "--summary", "--url", "--publisher")
    for flag in flags:
        assert flag in result.output
    assert snapshot(data_dir) == before


def test_unknown_place_fails_cleanly(data_dir):
    before = snapshot(data_dir)
    result = _add(data_dir, "--date", "2025-06-23", "--location", "Qqqzzx Nowhere", "--yes")
    assert result.exit_code == 1
    assert "could not geocode 'Qqqzzx Nowhere'" in result.output
    assert "Traceback" not in result.output
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    "extra",
    [
        ["--url", "javascript:alert(1)"],  # not http(s)
        ["--summary", '=HYPERLINK("http://evil")'],  # spreadsheet formula
        ["--end-date", "2020-01-01"],  # ends before it starts
    ],
)
def test_invalid_input_leaves_the_dataset_byte_for_byte_unchanged(data_dir, extra):
    before = snapshot(data_dir)
    result = _add(data_dir, "--date", "2025-06-23", "--location", "Jammu Airport", "--yes", *extra)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert snapshot(data_dir) == before
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]


def test_bad_enum_is_a_usage_error(data_dir):
    before = snapshot(data_dir)
    result = _add(
        data_dir,
        "--date",
        "2025-06-23",
        "--location",
        "Jammu Airport",
        "--yes",
        "--flight-phase",
        "cruising",
    )
    assert result.exit_code == 2
    assert snapshot(data_dir) == before


def test_confirmation_is_required_without_yes(data_dir):
    before = snapshot(data_dir)
    result = _add(data_dir, "--date", "2025-06-23", "--location", "Jammu Airport")
    assert result.exit_code == 2
    assert "--yes" in result.output
    assert snapshot(data_dir) == before


# --- geocode -------------------------------------------------------------------------------------


def test_geocode_refresh_manual_records_provenance(data_dir):
    result = CliRunner().invoke(main, ["geocode", "--data-dir", str(data_dir), "--refresh-manual"])
    assert result.exit_code == 0, result.output
    assert "1 updated, 0 unresolved" in result.output
    row = dataset.load(data_dir).incidents.set_index(INC.id).loc["2024-03-13-gdansk"]
    assert row[INC.geocode_source] == "gazetteer:geonames"
    assert row[INC.geocode_precision] == "city"
    assert abs(row[INC.latitude] - 54.352) < 0.05
    assert (data_dir / "geocode_cache.csv").read_text(encoding="utf-8").startswith("provider,")
    # A second run changes nothing.
    again = snapshot(data_dir)
    CliRunner().invoke(main, ["geocode", "--data-dir", str(data_dir), "--refresh-manual"])
    assert snapshot(data_dir) == again


def test_geocode_lists_conflicting_rows_and_leaves_them(tmp_path):
    incidents, sources = sample_rows(1)
    incidents[0][INC.geocode_query] = "Tartu Airport"  # in Estonia, but the row says PL
    folder = write_dataset(tmp_path / "d", incidents, sources)
    dataset.save(dataset.load(folder), folder)
    before = (folder / "incidents.csv").read_bytes()
    result = CliRunner().invoke(main, ["geocode", "--data-dir", str(folder), "--refresh-manual"])
    assert result.exit_code == 0
    assert "unresolved: 2024-03-10-place-0: 'Tartu Airport'" in result.output
    assert "row's country is PL" in result.output
    assert (folder / "incidents.csv").read_bytes() == before


def test_geocode_without_work_is_a_no_op(data_dir):
    before = snapshot(data_dir)
    result = CliRunner().invoke(main, ["geocode", "--data-dir", str(data_dir)])
    assert result.exit_code == 0
    assert "0 rows needed geocoding" in result.output
    assert {k: v for k, v in snapshot(data_dir).items() if k != "geocode_cache.csv"} == before


# --- duplicate matching (shared with ingest) ------------------------------------------------


def test_find_matches_by_days_and_distance(data_dir):
    incidents = dataset.load(data_dir).incidents
    assert [m.incident_id for m in find_matches(incidents, "2025-01-15", 54.69, 25.28)] == [
        "2025-01-16-vilnius"
    ]
    assert find_matches(incidents, "2025-01-14", 54.69, 25.28) == []  # two days apart
    assert find_matches(incidents, "2025-01-16", 53.9, 27.57) == []  # Minsk: 170 km away
    assert find_matches(incidents, "2025-01-14", 54.69, 25.28, days=2)[0].days_apart == 2
    # A report spanning several days overlaps the incident.
    spanning = find_matches(incidents, "2025-01-01", 54.69, 25.28, end_date="2025-01-31")
    assert spanning[0].days_apart == 0


def test_find_matches_rejects_bad_coordinates(data_dir):
    incidents = dataset.load(data_dir).incidents
    with pytest.raises(ValueError):
        find_matches(incidents, "2025-01-16", float("nan"), 25.0)


def test_attach_to_unknown_or_already_cited_fails_cleanly(data_dir):
    before = snapshot(data_dir)
    unknown = _add(data_dir, "--date", "2025-01-17", "--location", "Vilnius", "--attach-to", "nope")
    assert unknown.exit_code == 1
    assert "no incident with id 'nope'" in unknown.output
    cited = CliRunner().invoke(
        main,
        [
            "add",
            "--data-dir",
            str(data_dir),
            "--date",
            "2025-01-17",
            "--location",
            "Vilnius",
            "--interference",
            "jamming",
            "--confidence",
            "reported",
            "--summary",
            "Same report.",
            "--url",
            "https://example.org/a",
            "--publisher",
            "Example News",
            "--attach-to",
            "2025-01-16-vilnius",
        ],
    )
    assert cited.exit_code == 1
    assert "already cites https://example.org/a" in cited.output
    assert snapshot(data_dir) == before


def test_attach_to_needs_only_the_source_fields(data_dir):
    # No terminal: attaching must not ask for the date, place or summary of a recorded incident.
    result = CliRunner().invoke(
        main,
        [
            "add",
            "--data-dir",
            str(data_dir),
            "--url",
            "https://example.org/follow-up",
            "--publisher",
            "Example Wire",
            "--attach-to",
            "2025-01-16-vilnius",
        ],
    )
    assert result.exit_code == 0, result.output
    sources = dataset.load(data_dir).sources
    cited = sources[sources[SRC.url] == "https://example.org/follow-up"]
    assert list(cited[SRC.incident_id]) == ["2025-01-16-vilnius"]
