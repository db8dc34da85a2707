"""Data exports (CSV, GeoJSON), output-path safety and the `export data` command, on real files.

No browser needed: these run in well under a second each.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_helpers import BALTIC_IDS, JAMMING_IDS, make_export_dataset
from helpers import snapshot

from tracker import dataset, schema
from tracker.cli import main
from tracker.export import (
    OutputPathError,
    incidents_to_csv,
    incidents_to_geojson,
    neutralise_cell,
    render_data,
    safe_filename,
    write_output,
)
from tracker.filters import Filters
from tracker.schema import INC, SRC


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return make_export_dataset(tmp_path / "data")


@pytest.fixture
def data(data_dir: Path) -> dataset.Dataset:
    return dataset.load(data_dir)


def read_csv_rows(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def check_rfc7946(document: dict) -> None:
    """Structural GeoJSON checks from RFC 7946 for a FeatureCollection of Points."""
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document  # removed by RFC 7946 (WGS84 is implied)
    assert isinstance(document["features"], list)
    for feature in document["features"]:
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        assert isinstance(feature.get("id", ""), (str, int))
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]  # exactly two positions: longitude, latitude
        assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lon, lat))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    if "bbox" in document and document["features"]:
        west, south, east, north = document["bbox"]
        lons = [f["geometry"]["coordinates"][0] for f in document["features"]]
        lats = [f["geometry"]["coordinates"][1] for f in document["features"]]
        assert (west, south, east, north) == (min(lons), min(lats), max(lons), max(lats))


# --------------------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindent", "'\tindent"),
        ("\rcr", "'\rcr"),
        ("\nlf", "'\nlf"),
        ("\0nul", "'\0nul"),
        ("GPS lost near Riga", "GPS lost near Riga"),
        ("", ""),
    ],
)
def test_neutralise_cell(text, expected):
    assert neutralise_cell(text) == expected


def test_csv_neutralises_formulas_but_keeps_numbers(data):
    hostile = data.incidents.copy()
    london = hostile[INC.id] == "2024-01-05-london"
    hostile.loc[london, INC.summary] = '=HYPERLINK("http://evil.example","click")'
    hostile.loc[london, INC.operator] = "@cmd"
    content = incidents_to_csv(hostile, data.sources)
    rows = read_csv_rows(content)
    header, body = rows[0], rows[1:]
    row = dict(zip(header, body[[r[0] for r in body].index("2024-01-05-london")], strict=True))
    assert row[INC.summary] == '\'=HYPERLINK("http://evil.example","click")'
    assert row[INC.operator] == "'@cmd"
    # Numbers are numbers: the negative longitude is written bare, unquoted and unescaped.
    assert row[INC.longitude] == "-0.1278"
    raw_line = next(line for line in content.decode("utf-8-sig").splitlines() if "london" in line)
    assert ",-0.1278," in raw_line
    assert '"-0.1278"' not in raw_line and "'-0.1278" not in raw_line
    # Every text cell is quoted.
    assert raw_line.startswith('"2024-01-05-london","2024-01-05",')
    # The input frame was not modified.
    assert hostile.loc[london, INC.summary].item() == '=HYPERLINK("http://evil.example","click")'


def test_csv_reads_back_as_numbers_with_nonnumeric_quoting(data):
    content = incidents_to_csv(data.incidents, data.sources)
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig")), quoting=csv.QUOTE_NONNUMERIC)
    header = next(reader)
    lon_at = header.index(INC.longitude)
    longitudes = [row[lon_at] for row in reader]
    assert all(isinstance(v, float) for v in longitudes)
    assert -0.1278 in longitudes


def test_csv_has_schema_columns_sources_and_one_row_per_incident(data):
    rows = read_csv_rows(render_data(data, fmt="csv"))
    header = rows[0]
    assert header[: len(schema.INCIDENT_COLUMNS)] == list(schema.INCIDENT_COLUMNS)
    assert header[-2:] == ["sources", "source_count"]
    assert len(rows) - 1 == len(data.incidents)
    larnaca = next(
        dict(zip(header, r, strict=True)) for r in rows[1:] if r[0] == "2024-05-02-larnaca"
    )
    assert larnaca["source_count"] == "2"
    assert "https://example.net/larnaca-denial" in larnaca["sources"]
    assert larnaca[INC.radius_km] == "120"


def test_csv_filtered(data):
    rows = read_csv_rows(
        render_data(data, fmt="csv", filters=Filters.validated(interference=["jamming"]))
    )
    assert sorted(r[0] for r in rows[1:]) == JAMMING_IDS


# --------------------------------------------------------------------------- GeoJSON


def test_geojson_is_rfc7946_with_sources(data):
    document = json.loads(incidents_to_geojson(data.incidents, data.sources))
    check_rfc7946(document)
    assert len(document["features"]) == len(data.incidents)
    london = next(f for f in document["features"] if f["id"] == "2024-01-05-london")
    assert london["geometry"]["coordinates"] == [-0.1278, 51.5074]  # lon, lat order
    larnaca = next(f for f in document["features"] if f["id"] == "2024-05-02-larnaca")
    props = larnaca["properties"]
    assert props[INC.date] == "2024-05-02" and props[INC.radius_km] == 120
    assert [s[SRC.url] for s in props["sources"]] == [
        "https://example.org/2024-05-02-larnaca",
        "https://example.net/larnaca-denial",
    ]
    assert props["sources"][1][SRC.stance] == "disputes"
    assert props["source_count"] == 2
    assert props[INC.end_date] is None  # empty dates are null, not ""


def test_geojson_filtered_count(data):
    filters = Filters.validated(region=["Baltic Sea region"], date_from="2024-03-01")
    document = json.loads(render_data(data, fmt="geojson", filters=filters))
    check_rfc7946(document)
    expected = sorted(i for i in BALTIC_IDS if i >= "2024-03")
    assert sorted(f["id"] for f in document["features"]) == expected


def test_geojson_empty_selection_is_valid(data):
    document = json.loads(
        render_data(data, fmt="geojson", filters=Filters.validated(country=["JP"]))
    )
    check_rfc7946(document)
    assert document["features"] == []


# --------------------------------------------------------------------------- output safety


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("chart.png", "chart.png"),
        ("Baltic map (2025).PNG", "Baltic-map-2025.png"),
        ("../../etc/passwd", "etc-passwd"),
        (".hidden.csv", "hidden.csv"),
        ("naïve résumé.csv", "naive-resume.csv"),
        ("a" * 300 + ".svg", "a" * 96 + ".svg"),
        ("...", "export"),
        ("<script>.html", "script.html"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_write_output_is_atomic_and_sanitised(tmp_path):
    path = write_output(b"abc", tmp_path / "my chart?.csv")
    assert path == tmp_path / "my-chart.csv"
    assert path.read_bytes() == b"abc"
    assert [p.name for p in tmp_path.iterdir()] == ["my-chart.csv"]  # no temporary left behind


def test_write_output_errors(tmp_path, data_dir):
    with pytest.raises(OutputPathError, match="does not exist"):
        write_output(b"x", tmp_path / "missing" / "out.csv")
    with pytest.raises(OutputPathError, match="dataset folder"):
        write_output(b"x", data_dir / "incidents.csv", protected=[data_dir])
    with pytest.raises(OutputPathError, match="dataset folder"):
        write_output(b"x", data_dir / "other.csv", protected=[data_dir])
    (tmp_path / "adir").mkdir()
    with pytest.raises(OutputPathError, match="folder"):
        write_output(b"x", tmp_path / "adir", protected=[data_dir])


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to read-only folders")
def test_write_output_unwritable(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputPathError, match="not writable"):
            write_output(b"x", folder / "out.csv")
    finally:
        folder.chmod(0o755)


# --------------------------------------------------------------------------- CLI


def run(*args: str):
    return CliRunner().invoke(main, ["export", *args], catch_exceptions=False)


def test_cli_export_data_csv_and_geojson(tmp_path, data_dir):
    before = snapshot(data_dir)
    result = run(
        "data",
        "--data-dir",
        str(data_dir),
        "--interference",
        "jamming",
        "-o",
        str(tmp_path / "j.csv"),
    )
    assert result.exit_code == 0, result.output
    rows = read_csv_rows((tmp_path / "j.csv").read_bytes())
    assert sorted(r[0] for r in rows[1:]) == JAMMING_IDS

    result = run(
        "data",
        "--data-dir",
        str(data_dir),
        "--region",
        "Baltic Sea region",
        "--interference",
        "jamming,spoofing",
        "--interference",
        "both",
        "-o",
        str(tmp_path / "baltic.geojson"),
    )
    assert result.exit_code == 0, result.output
    document = json.loads((tmp_path / "baltic.geojson").read_bytes())
    check_rfc7946(document)
    assert sorted(f["id"] for f in document["features"]) == [
        "2024-02-11-vilnius",
        "2024-03-20-tallinn",
        "2024-07-14-gdansk",
    ]
    assert snapshot(data_dir) == before


def test_cli_export_data_to_stdout(data_dir):
    result = run(
        "data", "--data-dir", str(data_dir), "--format", "geojson", "--country", "lt", "-o", "-"
    )
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert [f["id"] for f in document["features"]] == ["2024-02-11-vilnius"]


def test_cli_missing_folder_is_a_clear_error(tmp_path, data_dir):
    result = run("data", "--data-dir", str(data_dir), "-o", str(tmp_path / "nope" / "x.csv"))
    assert result.exit_code == 1
    assert f"folder {tmp_path / 'nope'} does not exist; create it first" in result.output
    assert "Traceback" not in result.output


def test_cli_never_writes_into_the_dataset(data_dir):
    before = snapshot(data_dir)
    result = run("data", "--data-dir", str(data_dir), "-o", str(data_dir / "incidents.csv"))
    assert result.exit_code == 1
    assert "refusing to write inside the dataset folder" in result.output
    assert snapshot(data_dir) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--interference", "jaming"], "unknown value 'jaming'"),
        (["--country", "XX"], "unknown value 'XX'"),
        (["--region", "Atlantis"], "unknown value 'Atlantis'"),
        (["--from", "2024-13-01"], "--from"),
        (["--from", "2024-05-01", "--to", "2024-01-01"], "is after --to"),
        (["--format", "csv", "-o", "x.geojson"], "does not match"),
        (["-o", "x.txt"], "say which format"),
    ],
)
def test_cli_usage_errors_exit_2(tmp_path, data_dir, args, message):
    if "-o" not in args:
        args = [*args, "-o", str(tmp_path / "out.csv")]
    else:
        args = [a if a not in ("x.geojson", "x.txt") else str(tmp_path / a) for a in args]
    result = run("data", "--data-dir", str(data_dir), *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not any(tmp_path.glob("out.*"))
