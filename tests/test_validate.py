"""One test per validation rule: a valid dataset, one corruption, the exact problem expected.

Each case breaks the rule on a known line, so a rule that is removed or reports the wrong line
fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import (
    csv_text,
    sample_rows,
    snapshot,
    source_row,
    write_dataset,
)

from tracker import schema, validate
from tracker.schema import INC, SRC

INCIDENTS = schema.INCIDENTS_FILE
SOURCES = schema.SOURCES_FILE


def _problems(folder: Path):
    return validate.validate_dir(folder)


def _with_incident_change(tmp_path: Path, index: int, **change) -> Path:
    incidents, sources = sample_rows(3)
    incidents[index].update(change)
    return write_dataset(tmp_path / "data", incidents, sources)


def _with_source_change(tmp_path: Path, index: int, **change) -> Path:
    incidents, sources = sample_rows(3)
    sources[index].update(change)
    return write_dataset(tmp_path / "data", incidents, sources)


def _assert_problem(problems, *, file: str, line: int, field: str, code: str):
    errors = [p for p in problems if p.is_error]
    matches = [
        p
        for p in errors
        if p.file.endswith(file) and p.line == line and p.field == field and p.code == code
    ]
    assert matches, "expected {}:{} {} [{}], got:\n{}".format(
        file, line, field, code, "\n".join(p.format() for p in errors)
    )


def test_valid_dataset_has_no_problems(small_dataset: Path):
    assert _problems(small_dataset) == []


# (incident index, change, field, code): the incident at index i is on line i + 2.
INCIDENT_CASES = [
    (0, {INC.summary: ""}, INC.summary, "required"),
    (1, {INC.latitude: "95.1"}, INC.latitude, "out-of-range"),
    (1, {INC.longitude: "-181"}, INC.longitude, "out-of-range"),
    (2, {INC.latitude: "51,5"}, INC.latitude, "not-a-number"),
    (2, {INC.latitude: "1e3"}, INC.latitude, "not-a-number"),
    (2, {INC.longitude: "NaN"}, INC.longitude, "not-a-number"),
    (2, {INC.longitude: "inf"}, INC.longitude, "not-a-number"),
    (0, {INC.latitude: " 51.5"}, INC.latitude, "not-a-number"),
    # Shapes a float parser takes but a plain decimal is not (the byte-level number check).
    (2, {INC.latitude: "51."}, INC.latitude, "not-a-number"),
    (2, {INC.latitude: ".5"}, INC.latitude, "not-a-number"),
    (2, {INC.longitude: "-.5"}, INC.longitude, "not-a-number"),
    (2, {INC.longitude: "1-2"}, INC.longitude, "not-a-number"),
    (2, {INC.radius_km: "1.2.3"}, INC.radius_km, "not-a-number"),
    (2, {INC.radius_km: "+5"}, INC.radius_km, "not-a-number"),
    (0, {INC.radius_km: "-5"}, INC.radius_km, "out-of-range"),
    (1, {INC.date: "2024-02-30"}, INC.date, "invalid-date"),
    (1, {INC.date: "03/04/2024"}, INC.date, "invalid-date"),
    (1, {INC.date: "2099-01-01"}, INC.date, "future-date"),
    (1, {INC.date: "1970-01-01"}, INC.date, "date-too-early"),
    (1, {INC.end_date: "2024-03-01"}, INC.end_date, "end-before-start"),
    (1, {INC.end_date: "2024-03-20"}, INC.end_date_precision, "end-date-precision"),
    (1, {INC.end_date_precision: "day"}, INC.end_date_precision, "end-date-precision"),
    (1, {INC.end_date_precision: "open"}, INC.end_date_precision, "end-date-precision"),
    (
        1,
        {INC.end_date: "2024-03-20", INC.end_date_precision: "ongoing"},
        INC.end_date_precision,
        "not-in-value-set",
    ),
    (
        1,
        {INC.end_date: "2024-03-20", INC.end_date_precision: "month"},
        INC.end_date,
        "date-precision",
    ),
    (1, {INC.date_precision: "month"}, INC.date, "date-precision"),
    (1, {INC.date: "2024-03-01", INC.date_precision: "year"}, INC.date, "date-precision"),
    (0, {INC.interference: "Jamming"}, INC.interference, "not-in-value-set"),
    (0, {INC.interference: "meaconing"}, INC.interference, "not-in-value-set"),
    (0, {INC.flight_phase: "cruise"}, INC.flight_phase, "not-in-value-set"),
    (0, {INC.confidence: "certain"}, INC.confidence, "not-in-value-set"),
    (0, {INC.date_precision: "week"}, INC.date_precision, "not-in-value-set"),
    (0, {INC.geocode_precision: "street"}, INC.geocode_precision, "not-in-value-set"),
    (2, {INC.country: "ZZ"}, INC.country, "unknown-country"),
    (2, {INC.country: "bg"}, INC.country, "pattern"),
    (2, {INC.country: "BGR"}, INC.country, "pattern"),
    (2, {INC.region: "Atlantis"}, INC.region, "unknown-region"),
    (0, {INC.latitude: "0", INC.longitude: "0"}, INC.latitude, "null-island"),
    (0, {INC.summary: '=HYPERLINK("http://x")'}, INC.summary, "formula-injection"),
    (0, {INC.effects: "+1+1"}, INC.effects, "formula-injection"),
    (0, {INC.aircraft: "@SUM(1)"}, INC.aircraft, "formula-injection"),
    (0, {INC.operator: "-2+3"}, INC.operator, "formula-injection"),
    (0, {INC.summary: "\t=1"}, INC.summary, "formula-injection"),
    (1, {INC.summary: "Bidi \u202etrick"}, INC.summary, "control-character"),
    (1, {INC.summary: "zero\u200bwidth"}, INC.summary, "control-character"),
    (1, {INC.summary: "nul\x00byte"}, INC.summary, "control-character"),
    (1, {INC.location: "Padded "}, INC.location, "whitespace"),
    (1, {INC.summary: "x" * (schema.MAX_TEXT_LENGTH + 1)}, INC.summary, "too-long"),
    (2, {INC.id: "Not An Id"}, INC.id, "pattern"),
]


@pytest.mark.parametrize(("index", "change", "field", "code"), INCIDENT_CASES)
def test_incident_rule(tmp_path: Path, index: int, change: dict, field: str, code: str):
    folder = _with_incident_change(tmp_path, index, **change)
    _assert_problem(_problems(folder), file=INCIDENTS, line=index + 2, field=field, code=code)


SOURCE_CASES = [
    (1, {SRC.url: "javascript:alert(1)"}, SRC.url, "url-scheme"),
    (1, {SRC.url: "JaVaScRiPt:alert(1)"}, SRC.url, "url-scheme"),
    (1, {SRC.url: "data:text/html,<b>x</b>"}, SRC.url, "url-scheme"),
    (1, {SRC.url: "ftp://example.org/x"}, SRC.url, "url-scheme"),
    (1, {SRC.url: "https://exa mple.org/x"}, SRC.url, "url-scheme"),
    (1, {SRC.url: "https://example.org/a b"}, SRC.url, "url-scheme"),  # a space after the host
    (1, {SRC.url: "https://example.org/a\tb"}, SRC.url, "url-scheme"),
    (1, {SRC.url: "https://bank@evil.example/"}, SRC.url, "url-scheme"),
    (1, {SRC.url: "https:///nohost"}, SRC.url, "url-scheme"),
    (1, {SRC.url: "https://example.org/" + "a" * 2000}, SRC.url, "url-scheme"),  # too long to link
    (2, {SRC.stance: "agrees"}, SRC.stance, "not-in-value-set"),
    (0, {SRC.publisher: ""}, SRC.publisher, "required"),
    (0, {SRC.published: "yesterday"}, SRC.published, "invalid-date"),
    (0, {SRC.note: "=cmd|' /C calc'!A0"}, SRC.note, "formula-injection"),
]


@pytest.mark.parametrize(("index", "change", "field", "code"), SOURCE_CASES)
def test_source_rule(tmp_path: Path, index: int, change: dict, field: str, code: str):
    folder = _with_source_change(tmp_path, index, **change)
    _assert_problem(_problems(folder), file=SOURCES, line=index + 2, field=field, code=code)


def test_duplicate_id_names_the_later_line_and_the_first(tmp_path: Path):
    incidents, sources = sample_rows(3)
    incidents[2][INC.id] = incidents[0][INC.id]
    problems = _problems(write_dataset(tmp_path / "d", incidents, sources))
    _assert_problem(problems, file=INCIDENTS, line=4, field=INC.id, code="duplicate-id")
    assert "line 2" in next(p.message for p in problems if p.code == "duplicate-id")


@pytest.mark.parametrize(
    ("end", "precision"), [("2024-03-20", "day"), ("2024-03-20", "open"), ("2024-04-30", "month")]
)
def test_end_date_with_its_precision_is_valid(tmp_path: Path, end: str, precision: str):
    folder = _with_incident_change(
        tmp_path, 1, **{INC.end_date: end, INC.end_date_precision: precision}
    )
    assert _problems(folder) == []


def test_source_pointing_at_unknown_incident(tmp_path: Path):
    incidents, sources = sample_rows(3)
    sources.append(
        source_row(**{SRC.incident_id: "2024-01-01-nowhere", SRC.url: "https://x.org/y"})
    )
    problems = _problems(write_dataset(tmp_path / "d", incidents, sources))
    _assert_problem(problems, file=SOURCES, line=5, field=SRC.incident_id, code="unknown-incident")


def test_incident_without_source(tmp_path: Path):
    incidents, sources = sample_rows(3)
    del sources[1]
    problems = _problems(write_dataset(tmp_path / "d", incidents, sources))
    _assert_problem(problems, file=INCIDENTS, line=3, field=INC.id, code="no-source")


def test_duplicate_source(tmp_path: Path):
    incidents, sources = sample_rows(3)
    sources.append(dict(sources[0]))
    problems = _problems(write_dataset(tmp_path / "d", incidents, sources))
    _assert_problem(problems, file=SOURCES, line=5, field=SRC.incident_id, code="duplicate-source")


def test_dispute_without_disputed_confidence_is_a_warning(tmp_path: Path):
    incidents, sources = sample_rows(1)
    sources.append(
        source_row(
            **{
                SRC.incident_id: incidents[0][INC.id],
                SRC.url: "https://other.org/x",
                SRC.stance: "disputes",
            }
        )
    )
    problems = _problems(write_dataset(tmp_path / "d", incidents, sources))
    warning = [p for p in problems if p.code == "undeclared-dispute"]
    assert warning and warning[0].severity == "warning" and warning[0].line == 2
    assert not [p for p in problems if p.is_error]


# --- structure: written as raw text ---------------------------------------------------------------


def _raw_dataset(tmp_path: Path, incidents_text: str | bytes) -> Path:
    incidents, sources = sample_rows(3)
    folder = write_dataset(tmp_path / "raw", incidents, sources)
    path = folder / INCIDENTS
    if isinstance(incidents_text, bytes):
        path.write_bytes(incidents_text)
    else:
        path.write_text(incidents_text, encoding="utf-8", newline="")
    return folder


def _good_text() -> str:
    incidents, _ = sample_rows(3)
    return csv_text(incidents, schema.INCIDENT_COLUMNS)


def test_extra_cell(tmp_path: Path):
    lines = _good_text().splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + ",extra\n"
    _assert_problem(
        _problems(_raw_dataset(tmp_path, "".join(lines))),
        file=INCIDENTS,
        line=3,
        field="",
        code="extra-cell",
    )


def test_missing_cell(tmp_path: Path):
    lines = _good_text().splitlines(keepends=True)
    lines[3] = lines[3].rsplit(",", 1)[0] + "\n"
    _assert_problem(
        _problems(_raw_dataset(tmp_path, "".join(lines))),
        file=INCIDENTS,
        line=4,
        field="",
        code="missing-cell",
    )


def test_blank_row(tmp_path: Path):
    lines = _good_text().splitlines(keepends=True)
    lines.insert(2, "\n")
    _assert_problem(
        _problems(_raw_dataset(tmp_path, "".join(lines))),
        file=INCIDENTS,
        line=3,
        field="",
        code="blank-row",
    )


def test_unclosed_quote(tmp_path: Path):
    lines = _good_text().splitlines(keepends=True)
    lines[3] = lines[3].replace("Synthetic", '"Synthetic', 1)
    _assert_problem(
        _problems(_raw_dataset(tmp_path, "".join(lines))),
        file=INCIDENTS,
        line=4,
        field="",
        code="bad-quoting",
    )


def test_multiline_cell(tmp_path: Path):
    incidents, _ = sample_rows(3)
    incidents[1][INC.summary] = "two\nlines"
    text = csv_text(incidents, schema.INCIDENT_COLUMNS)
    _assert_problem(
        _problems(_raw_dataset(tmp_path, text)),
        file=INCIDENTS,
        line=3,
        field=INC.summary,
        code="multiline-cell",
    )


def test_not_utf8_names_line(tmp_path: Path):
    raw = _good_text().encode("utf-8").replace(b"Test Airport", b"Test A\xe9rport", 2)
    problems = _problems(_raw_dataset(tmp_path, raw))
    _assert_problem(problems, file=INCIDENTS, line=2, field="", code="not-utf8")
    assert "0xe9" in problems[0].message


def test_missing_column(tmp_path: Path):
    text = _good_text().replace(",latitude,", ",lat,", 1)
    problems = _problems(_raw_dataset(tmp_path, text))
    _assert_problem(problems, file=INCIDENTS, line=1, field=INC.latitude, code="missing-column")
    _assert_problem(problems, file=INCIDENTS, line=1, field="lat", code="unknown-column")


def test_duplicate_column(tmp_path: Path):
    lines = _good_text().splitlines(keepends=True)
    lines = [line.rstrip("\n") + ",x\n" for line in lines]
    lines[0] = lines[0].replace(",x\n", ",summary\n")
    problems = _problems(_raw_dataset(tmp_path, "".join(lines)))
    _assert_problem(problems, file=INCIDENTS, line=1, field=INC.summary, code="duplicate-column")


def test_empty_file(tmp_path: Path):
    _assert_problem(
        _problems(_raw_dataset(tmp_path, "")), file=INCIDENTS, line=1, field="", code="empty-file"
    )


def test_missing_file(tmp_path: Path):
    folder = tmp_path / "empty"
    folder.mkdir()
    _assert_problem(_problems(folder), file=INCIDENTS, line=0, field="", code="missing-file")


def test_bom_and_crlf_are_format_notes_not_errors(tmp_path: Path):
    text = "\ufeff" + _good_text().replace("\n", "\r\n")
    problems = _problems(_raw_dataset(tmp_path, text))
    assert not [p for p in problems if p.is_error], [p.format() for p in problems]
    assert {"byte-order-mark", "line-ending"} <= {p.code for p in problems}


def test_na_is_namibia_not_missing(tmp_path: Path):
    folder = _with_incident_change(
        tmp_path, 0, **{INC.country: "NA", INC.region: "Africa", INC.aircraft: "None"}
    )
    assert _problems(folder) == []
    from tracker import dataset

    loaded = dataset.load(folder)
    assert loaded.incidents[INC.country].tolist()[0] == "NA"
    assert loaded.incidents[INC.aircraft].tolist()[0] == "None"


def test_problem_count_is_capped_per_rule(tmp_path: Path):
    incidents, sources = sample_rows(validate.MAX_PROBLEMS_PER_RULE + 20)
    for row in incidents:
        row[INC.interference] = "JAM"
    problems = _problems(write_dataset(tmp_path / "d", incidents, sources))
    rule = [p for p in problems if p.code == "not-in-value-set"]
    assert len(rule) == validate.MAX_PROBLEMS_PER_RULE + 1
    assert "20 more" in rule[-1].message


# --- the CLI: exit codes, FILE:LINE:COLUMN output, no traceback, nothing written ------------------


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


def test_cli_validate_reports_file_line_column_and_exits_1(tmp_path: Path):
    folder = _with_incident_change(tmp_path, 1, **{INC.latitude: "95.1"})
    before = snapshot(folder)
    result = _cli("validate", "--data-dir", str(folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert (
        f"{INCIDENTS}:3:{schema.INCIDENT_COLUMNS.index(INC.latitude) + 1}: latitude:"
        in result.stdout
    )
    assert "invalid: 1 error" in result.stderr
    assert snapshot(folder) == before


def test_cli_validate_passes_on_valid_data(small_dataset: Path):
    result = _cli("validate", "--data-dir", str(small_dataset))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid: 0 errors" in result.stdout


def test_cli_validate_binary_garbage_no_traceback(tmp_path: Path):
    folder = _raw_dataset(tmp_path, bytes(range(256)) * 4)
    result = _cli("validate", "--data-dir", str(folder))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "not-utf8" in result.stdout


def test_negative_numbers_are_not_formulas(tmp_path: Path):
    folder = _with_incident_change(tmp_path, 0, **{INC.longitude: "-118.1", INC.latitude: "-33.9"})
    assert _problems(folder) == []
