"""Hostile input to ``add``, to the online geocoder behind it, and to ``export``.

Same promises as ``test_bad_input.py``: a clear message naming what is wrong, a non-zero exit,
``incidents.csv`` and ``sources.csv`` byte-for-byte unchanged, never a traceback. The geocoder
cases run ``add --online`` against a real local HTTP server that answers like a broken or hostile
Nominatim (rate-limited, forbidden, garbage, impossible coordinates, markup in names).
"""

from __future__ import annotations

import csv
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from hostile import assert_clean, assert_refused, data_bytes, invoke, make_dataset

from tracker import dataset, schema
from tracker.schema import INC


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = make_dataset(tmp_path / "data")
    dataset.format_dir(folder)
    return folder


def _add(data: Path, *args: str, place: tuple[str, ...] = ("--location", "Vilnius Airport"), **kw):
    base = [
        "add", "--data-dir", str(data), "--date", "2024-05-01", "--interference", "jamming",
        "--confidence", "reported", "--publisher", "Example Wire", "--yes", "--new",
    ]  # fmt: skip
    defaults = {"--url": "https://example.org/new", "--summary": "Crews lost GPS on approach."}
    for option, value in kw.items():
        defaults["--" + option.replace("_", "-")] = value
    flat = [item for pair in defaults.items() for item in pair]
    return invoke(*base, *place, *flat, *args)


def _add_refuses(data: Path, *expected: str, exit_code: int = 1, **kw) -> str:
    before = data_bytes(data)
    return assert_refused(_add(data, **kw), data, before, *expected, exit_code=exit_code)


# --- add: typed input -----------------------------------------------------------------------------


def test_add_javascript_url(data: Path):
    _add_refuses(
        data, "url: 'javascript:alert(1)': only http and https links", url="javascript:alert(1)"
    )


def test_add_two_urls_in_one(data: Path):
    _add_refuses(
        data,
        "is not an http(s) URL with a host and no spaces",
        url="https://a.example/1 https://b.example/2",
    )


def test_add_formula_summary(data: Path):
    _add_refuses(
        data, "summary:", "which spreadsheets run as a formula", summary="=cmd|' /C calc'!A0"
    )


def test_add_summary_with_a_line_break(data: Path):
    _add_refuses(data, "summary: a quoted cell spans lines", summary="first\nsecond")


def test_add_summary_too_long(data: Path):
    _add_refuses(
        data, "summary: text is 6,000 characters long; the limit is 5,000", summary="x" * 6000
    )


def test_add_bidi_override_in_location(data: Path):
    _add_refuses(
        data, "location:", "[control-character]",
        place=("--location", "Vilnius \u202eAirport"),
    )  # fmt: skip


@pytest.mark.parametrize("latitude", ["nan", "inf", "91", "-1e400"])
def test_add_impossible_latitude(data: Path, latitude: str):
    place = ("--location", "Test Field", "--latitude", latitude, "--longitude", "20",
             "--country", "PL", "--region", "Baltic Sea region")  # fmt: skip
    _add_refuses(data, "coordinates out of range", place=place)


def test_add_future_date(data: Path):
    before = data_bytes(data)
    outcome = _add(data, "--date", "2099-01-01")
    assert_refused(outcome, data, before, "date: 2099-01-01 is in the future")


def test_add_unknown_place_offline_is_not_guessed(data: Path):
    _add_refuses(
        data, "could not geocode 'Xyzzy Qwertyville'", place=("--location", "Xyzzy Qwertyville")
    )


def test_add_without_confirmation_off_a_terminal_picks_nothing(data: Path):
    before = data_bytes(data)
    args = ["add", "--data-dir", str(data), "--date", "2024-05-01", "--location", "Paris",
            "--interference", "jamming", "--confidence", "reported", "--summary", "S.",
            "--url", "https://example.org/p", "--publisher", "P", "--new"]  # fmt: skip
    assert_refused(invoke(*args), data, before, "pass --yes", exit_code=2)


# --- the online geocoder misbehaving --------------------------------------------------------------


ANSWERS: dict[str, tuple[int, dict, bytes]] = {
    "ratelimited": (429, {"Retry-After": "3600"}, b'{"error": "Too many requests"}'),
    "forbidden": (403, {}, b'{"error": "blocked"}'),
    "garbage": (200, {"Content-Type": "application/json"}, b"<html>not json at all"),
    "nan": (200, {}, json.dumps([{"lat": "NaN", "lon": "20", "display_name": "Nan, PL",
                                   "class": "place", "type": "village",
                                   "address": {"country_code": "pl"}}]).encode()),
    "faraway": (200, {}, json.dumps([{"lat": "999", "lon": "-999", "display_name": "Far",
                                       "class": "place", "type": "village",
                                       "address": {"country_code": "pl"}}]).encode()),
}  # fmt: skip


class _Hostile(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        query = parse_qs(urlparse(self.path).query).get("q", [""])[0].lower()
        self.server.seen.append(query)
        key = next((k for k in ANSWERS if k in query), None)
        status, headers, body = ANSWERS.get(key, (200, {}, b"[]"))
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def nominatim(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("GNSS_TRACKER_NOMINATIM_URL", f"http://127.0.0.1:{httpd.server_address[1]}")
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("answer", list(ANSWERS))
def test_add_online_geocoder_failure_writes_nothing(data: Path, nominatim, answer: str):
    place = ("--location", f"Zzplace {answer}", "--online")
    before = data_bytes(data)
    outcome = _add(data, place=place)
    text = assert_refused(outcome, data, before, exit_code=outcome.exit_code or -1)
    assert outcome.exit_code != 0
    assert nominatim.seen, "the local geocoder was asked"
    if answer in ("ratelimited", "forbidden", "garbage"):
        assert "not found" not in text.lower() or "not 'not found'" in text, text


def test_add_online_does_not_hammer_a_rate_limiting_server(data: Path, nominatim):
    _add(data, place=("--location", "Zzplace ratelimited", "--online"))
    assert len(nominatim.seen) <= 2, f"asked {len(nominatim.seen)} times despite 429"


# --- export ---------------------------------------------------------------------------------------


def _export(data: Path, *args: str):
    return invoke("export", *args, "--data-dir", str(data))


def test_export_refuses_to_overwrite_the_dataset(data: Path):
    before = data_bytes(data)
    outcome = _export(data, "data", "-o", str(data / schema.INCIDENTS_FILE))
    assert_refused(outcome, data, before, "refusing to write inside the dataset folder")


def test_export_through_a_symlink_into_the_dataset_is_refused(data: Path, tmp_path: Path):
    (tmp_path / "out").symlink_to(data, target_is_directory=True)
    before = data_bytes(data)
    outcome = _export(data, "data", "-o", str(tmp_path / "out" / "export.csv"))
    assert_refused(outcome, data, before, "refusing to write inside the dataset folder")
    assert sorted(p.name for p in data.iterdir() if not p.name.startswith(".")) == sorted(before)


def test_export_to_a_missing_folder(data: Path, tmp_path: Path):
    before = data_bytes(data)
    outcome = _export(data, "data", "-o", str(tmp_path / "nope" / "x.csv"))
    assert_refused(outcome, data, before, "does not exist; create it first")


def test_export_traversal_name_is_slugged(data: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    outcome = _export(data, "data", "--format", "csv", "-o", str(out / "..\r\nSet-Cookie: x=1.csv"))
    assert outcome.exit_code == 0, assert_clean(outcome)
    written = [p.name for p in out.iterdir()]
    assert len(written) == 1 and all(c.isalnum() or c in "._-" for c in written[0]), written


def test_export_of_zero_rows_is_header_only(data: Path, tmp_path: Path):
    outcome = _export(
        data, "data", "--search", "no such place anywhere", "-o", str(tmp_path / "none.csv")
    )
    assert outcome.exit_code == 0, assert_clean(outcome)
    rows = list(
        csv.reader(io.StringIO((tmp_path / "none.csv").read_text("utf-8-sig")))
    )  # BOM for Excel
    assert len(rows) == 1 and rows[0][0] == INC.id


def test_export_csv_keeps_hostile_text_in_one_cell_and_numbers_bare(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    hostile = 'Crew said =1+2";=1+2 and foo;=1+1, then <script>alert(1)</script>'
    folder = make_dataset(
        tmp_path / "data",
        incident=(1, {INC.summary: hostile, INC.longitude: "-0.1278", INC.latitude: "51.5072"}),
    )
    outcome = _export(folder, "data", "-o", str(tmp_path / "x.csv"))
    assert outcome.exit_code == 0, assert_clean(outcome)
    text = (tmp_path / "x.csv").read_text("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    row = next(r for r in rows[1:] if r[header.index(INC.summary)] == hostile)
    assert len(row) == len(header)
    assert row[header.index(INC.longitude)] == "-0.1278"
    assert ",-0.1278," in text, "numbers are written bare, not quoted or prefixed"


def test_export_neutralises_formulas_even_from_unvalidated_frames():
    """Defence in depth: the exporter escapes what the validator would have refused."""
    from helpers import sample_rows

    from tracker.export.data import incidents_to_csv

    incidents, _ = sample_rows(1)
    frame = dataset.empty_dataset().incidents
    import pandas as pd

    row = {**incidents[0], INC.summary: "=HYPERLINK(\"http://evil\")", INC.operator: "@SUM(1)",
           INC.aircraft: "\t=1", INC.latitude: 51.5, INC.longitude: -0.1278}  # fmt: skip
    frame = pd.DataFrame([row])
    text = incidents_to_csv(frame).decode("utf-8")
    cells = next(csv.DictReader(io.StringIO(text)))
    assert cells[INC.summary].startswith("'=")
    assert cells[INC.operator].startswith("'@")
    assert cells[INC.aircraft].startswith("'\t")
    assert cells[INC.longitude] == "-0.1278"


def test_export_html_chart_title_cannot_close_the_script(data: Path, tmp_path: Path):
    title = "</script><script>alert(document.domain)</script><img src=x onerror=alert(1)>"
    outcome = _export(data, "chart", "map", "--title", title, "-o", str(tmp_path / "map.html"))
    assert outcome.exit_code == 0, assert_clean(outcome)
    html = (tmp_path / "map.html").read_text("utf-8")
    assert "<script>alert(document.domain)" not in html
    assert "<img src=x" not in html


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--from", "2024-13-01"), "Invalid value for '--from'"),
        (("--from", "2024-05-01", "--to", "2024-01-01"), "is after --to"),
        (("--region", "Atlantis"), "unknown value 'Atlantis'"),
        (("--country", "ZZ"), "unknown value 'ZZ'"),
        (("--interference", "meaconing"), "unknown value 'meaconing'"),
    ],
    ids=["bad-date", "reversed-range", "unknown-region", "unknown-country", "unknown-type"],
)
def test_export_bad_filter_is_a_usage_error(data: Path, tmp_path: Path, args, needle):
    before = data_bytes(data)
    outcome = _export(data, "data", *args, "-o", str(tmp_path / "x.csv"))
    assert_refused(outcome, data, before, needle, exit_code=2)
    assert not (tmp_path / "x.csv").exists()


def test_export_from_invalid_data_writes_no_file(data: Path, tmp_path: Path):
    make_dataset(data, incident=(0, {INC.latitude: "123"}))
    before = data_bytes(data)
    outcome = _export(data, "data", "-o", str(tmp_path / "x.csv"))
    assert_refused(outcome, data, before, "latitude: 123 is outside [-90, 90]")
    assert not (tmp_path / "x.csv").exists()
