"""Tests for report ingestion (``tracker.ingest`` and ``gnss-tracker ingest``)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from ingest_scoring import score_folder

from tracker import dataset
from tracker.cli import main
from tracker.errors import InputError
from tracker.ingest import extract_candidates, ingest_paths, ingest_text, read_reports
from tracker.ingest.dates import find_dates, infer_reference_date, parse_published
from tracker.ingest.notam import parse_notams
from tracker.ingest.readers import MAX_INPUT_BYTES, html_to_text, reports_from_bytes, safe_url
from tracker.schema import INC, SRC

FIXTURES = Path(__file__).parent / "fixtures" / "reports"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "plovdiv-gps-jamming.txt"


def _run(path: Path) -> list[dict]:
    return [c.as_dict() for c in ingest_paths([str(path)]).candidates]


# --- the seed article and the fixtures -------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_article_gives_exactly_one_candidate():
    candidates = _run(SEED)
    assert len(candidates) == 1
    found = candidates[0]
    assert found["date"] == "2025-08-31"
    assert found["date_precision"] == "day"
    assert "Plovdiv" in found["location"]
    assert found["country"] == "BG"
    assert found["interference"] == "jamming"
    assert found["flight_phase"] == "approach"
    assert found["confidence"] == "reported"
    assert "Plovdiv" in found["evidence"]["location"]


def test_fixture_accuracy_meets_goals():
    score = score_folder(FIXTURES, _run)
    assert score.expected >= 15
    detail = "\n".join(score.misses)
    assert score.recall >= 0.85, detail
    assert score.precision >= 0.85, detail
    assert score.type_accuracy >= 0.85, detail
    assert score.country_accuracy >= 0.90, detail


def test_every_fixture_has_an_expected_file():
    reports = [p for p in FIXTURES.iterdir() if not p.name.endswith(".expected.json")]
    assert len(reports) >= 15
    for report in reports:
        assert (FIXTURES / f"{report.stem}.expected.json").exists(), report


def test_candidate_carries_source_evidence_and_our_own_summary():
    (found,) = _run(FIXTURES / "html_vilnius.html")
    assert found["source"] == {
        "url": "https://nordicwings.example.com/2025/01/vilnius-go-around",
        "publisher": "Nordic Wings",
        "published": "2025-01-17",
    }
    assert found["flight"] == "FR3466"
    assert "Ryanair" in found["operator"]
    assert "737" in found["aircraft"]
    for column in ("date", "location", "interference", "flight_phase"):
        assert found["evidence"][column]
    # The summary is generated, not a sentence of the report.
    report_text = read_reports(str(FIXTURES / "html_vilnius.html"))[0].text
    assert found["summary"] not in report_text
    assert found["summary"].startswith("Reported GPS jamming")


def test_diversion_airport_and_origin_are_not_the_location():
    (found,) = _run(FIXTURES / "news_bydgoszcz_diversion.md")
    assert found["location"].startswith("Bydgoszcz")
    assert "Poznań" in found["effects"]


def test_two_flights_on_consecutive_days_give_two_candidates():
    found = _run(FIXTURES / "news_tartu_two_flights.txt")
    assert [c["date"] for c in found] == ["2024-04-25", "2024-04-26"]
    assert {c["country"] for c in found} == {"EE"}


@pytest.mark.parametrize(
    "text",
    [
        "Published: 2025-01-02\n\nShips near Gotland reported GPS spoofing on Monday; vessels "
        "used radar.",
        "Published: 2025-01-02\n\nA rocket launched a GPS satellite from Florida on Monday.",
        "Published: 2025-01-02\n\nRegulators said GPS jamming of aircraft has risen sharply since "
        "2022 and published guidance for airlines.",
        "Published: 2025-01-02\n\nThe weather in Riga was cold on Monday.",
    ],
)
def test_text_that_is_not_an_aviation_gnss_incident_gives_nothing(text):
    assert ingest_text(text) == []


def test_publication_date_option_resolves_relative_dates():
    text = "A Wizz Air Airbus A321 lost GPS to jamming yesterday while approaching Riga."
    (without,) = ingest_text(text)
    assert without.values[INC.date] is None
    assert any("--published" in note for note in without.notes)
    (with_date,) = ingest_text(text, published=dt.date(2025, 3, 5))
    assert with_date.values[INC.date] == dt.date(2025, 3, 4)
    assert with_date.values[INC.country] == "LV"


def test_last_month_gives_month_precision():
    text = "Published: 2024-07-10\n\nLast month an airBaltic flight had its GPS jammed near Riga."
    (found,) = ingest_text(text)
    assert found.values[INC.date] == dt.date(2024, 6, 1)
    assert found.values[INC.date_precision] == "month"


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("On 16 JAN 2025 the crew lost GPS", dt.date(2025, 1, 16), "day"),
        ("It happened on 2024-03-13.", dt.date(2024, 3, 13), "day"),
        ("Date : 202309", dt.date(2023, 9, 1), "month"),
        ("in March 2024 a jet", dt.date(2024, 3, 1), "month"),
        ("January 16, 2025", dt.date(2025, 1, 16), "day"),
        ("on Sunday", dt.date(2025, 8, 31), "day"),
        ("yesterday", dt.date(2025, 9, 2), "day"),
        ("3 days ago", dt.date(2025, 8, 31), "day"),
        ("last month", dt.date(2025, 8, 1), "month"),
        ("last week", dt.date(2025, 8, 1), "month"),
    ],
)
def test_find_dates(text, expected, precision):
    (mention,) = find_dates(text, base=dt.date(2025, 9, 3))
    assert mention.date == expected
    assert mention.precision == precision


def test_coordinates_and_flight_levels_are_not_dates():
    assert (
        find_dates("at FL350 near 5443N02030E and 32° 34'S, 12:30 UTC", base=dt.date(2025, 1, 1))
        == []
    )


def test_weekday_with_day_and_month_fixes_the_year():
    assert infer_reference_date(["talks on Thursday, 4 September, in Paris"])[0] == dt.date(
        2025, 9, 4
    )
    (mention,) = find_dates("on Thursday 25 April", base=dt.date(2025, 9, 3))
    assert mention.date == dt.date(2024, 4, 25)


def test_date_range_gives_an_end_date():
    (mention,) = find_dates("between 29 May and 2 June 2024", base=None)
    assert (mention.date, mention.end_date) == (dt.date(2024, 5, 29), dt.date(2024, 6, 2))


def test_parse_published_formats():
    assert parse_published("Tue, 02 Sep 2025 10:00:00 GMT") == dt.date(2025, 9, 2)
    assert parse_published("2025-09-02T08:00:00Z") == dt.date(2025, 9, 2)
    assert parse_published("") is None


# --- NOTAMs ------------------------------------------------------------------------------------


def test_icao_notam_q_line_and_validity():
    (notam,) = parse_notams((FIXTURES / "icao_notam_warsaw.notam").read_text("utf-8"))
    assert notam.latitude == pytest.approx(54.5)
    assert notam.longitude == pytest.approx(18 + 20 / 60)
    assert notam.radius_km == pytest.approx(100 * 1.852)
    assert (notam.start, notam.end) == (dt.date(2025, 1, 16), dt.date(2025, 2, 15))
    (found,) = _run(FIXTURES / "icao_notam_warsaw.notam")
    assert found["geocode_precision"] == "area"
    assert found["radius_km"] == pytest.approx(185.2)
    assert found["end_date"] == "2025-02-15"


def test_faa_gps_notam():
    (notam,) = parse_notams((FIXTURES / "faa_gps_notam.txt").read_text("utf-8"))
    assert notam.latitude == pytest.approx(33 + 4 / 60 + 39 / 3600)
    assert notam.longitude == pytest.approx(-(106 + 35 / 60 + 6 / 3600))
    assert notam.radius_km == pytest.approx(345 * 1.852)
    assert (notam.start, notam.end) == (dt.date(2024, 6, 10), dt.date(2024, 6, 14))


def test_raim_prediction_notam_is_not_interference():
    text = (
        "(A0001/25 NOTAMN\nQ) EFIN/QGAXX/IV/NBO/A/000/999/6019N02458E005\n"
        "A) EFHK B) 2503010600 C) 2503010800\nE) GPS RAIM OUTAGE PREDICTED FOR RNP APCH.)"
    )
    assert parse_notams(text) == []
    assert ingest_text(text) == []


# --- reading and bad input ---------------------------------------------------------------------


def test_html_boilerplate_is_ignored():
    text = html_to_text(
        "<html><head><script>var gps='jamming';</script><style>p{}</style></head><body>"
        "<nav>Menu</nav><header>Site</header><p>Body text.</p><aside>Side</aside>"
        "<div class='related-links'>Related</div><footer>Foot</footer></body></html>"
    )
    assert text == "Body text."


def test_feed_items_are_reports_with_their_own_link_and_date():
    reports = read_reports(str(FIXTURES / "feed_rss.xml"))
    assert len(reports) == 3
    assert reports[0].url == "https://flightwatch.example.in/2025/06/jammu-return"
    assert reports[0].published == dt.date(2025, 6, 24)
    assert reports[0].publisher == "South Asia Flight Watch"
    atom = read_reports(str(FIXTURES / "feed_atom.xml"))
    assert [r.url for r in atom] == [
        "https://airsafety.example.com/delhi-spoofing",
        "https://airsafety.example.com/black-sea-tankers",
    ]


def test_unsafe_urls_are_dropped():
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url("java\tscript:alert(1)") == ""
    assert safe_url("https://ok.example/a b") == ""
    reports = reports_from_bytes(b"URL: javascript:alert(1)\n\nText.", name="x.txt")
    assert reports[0].url == ""


def test_billion_laughs_is_refused(tmp_path):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<rss><channel><item><title>&lol3;</title></item></channel></rss>"
    )
    path = tmp_path / "bomb.xml"
    path.write_text(bomb, "utf-8")
    with pytest.raises(InputError, match="bomb.xml"):
        read_reports(str(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"<?xml version='1.0'?><rss><channel><item>", "not well-formed"),
    ],
)
def test_bad_input_raises_input_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        read_reports(str(path))
    assert "bad.xml" in str(info.value)


def test_oversized_input_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (MAX_INPUT_BYTES + 1))
    with pytest.raises(InputError, match="big.txt: larger than"):
        read_reports(str(path))
    with pytest.raises(InputError, match="<stdin>: larger than"):
        read_reports("-", stdin=io.BytesIO(b"a" * (MAX_INPUT_BYTES + 1)))


def test_cp1252_input_is_decoded_with_a_note(tmp_path):
    text = (
        "Published: 2024-06-12\n\nOn Monday a Widerøe Dash 8 could not land at Vardø because "
        "its GPS was jammed during the approach, the airline’s spokesperson said."
    )
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    (report,) = read_reports(str(path))
    assert "Widerøe" in report.text and "Vardø" in report.text
    assert any("not UTF-8" in note for note in report.notes)
    (found,) = extract_candidates(report)
    assert found.values[INC.country] == "NO"


def test_invisible_characters_are_removed():
    (report,) = reports_from_bytes("GPS\u202e jam\u200bming\x07 report".encode(), name="x.txt")
    assert report.text == "GPS jamming report"


# --- command line ------------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_cli_json_prints_only_a_json_array():
    result = CliRunner().invoke(main, ["ingest", str(FIXTURES / "feed_rss.xml"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 2
    assert {"evidence", "source", "summary", "latitude"} <= set(data[0])


def test_cli_human_table_shows_evidence():
    result = CliRunner().invoke(main, ["ingest", str(FIXTURES / "news_bydgoszcz_diversion.md")])
    assert result.exit_code == 0, result.output
    assert "Bydgoszcz" in result.output
    assert "evidence [" in result.output and "location" in result.output
    assert "1 candidate incident (dry run)" in result.output


def test_cli_reads_stdin():
    text = "Published: 2025-03-05\n\nYesterday a LOT Embraer 195 lost GPS to jamming near Gdańsk."
    result = CliRunner().invoke(main, ["ingest", "-", "--json"], input=text)
    assert result.exit_code == 0, result.output
    (found,) = json.loads(result.stdout)
    assert found["date"] == "2025-03-04" and found["country"] == "PL"


def test_cli_folder_and_bad_file_exit_1_without_traceback(tmp_path):
    (tmp_path / "ok.txt").write_text(
        "Published: 2025-03-05\n\nYesterday a Finnair flight lost GPS to jamming near Joensuu.",
        "utf-8",
    )
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert "broken.txt: looks binary" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert len(json.loads(result.stdout)) == 1


def test_cli_missing_path_is_an_error():
    result = CliRunner().invoke(main, ["ingest", "/nonexistent/report.txt"])
    assert result.exit_code == 1
    assert "/nonexistent/report.txt: no such file or folder" in result.stderr


def test_dry_run_leaves_the_dataset_untouched(small_dataset):
    before = _snapshot(small_dataset)
    result = CliRunner().invoke(main, ["ingest", str(FIXTURES), "--data-dir", str(small_dataset)])
    assert result.exit_code == 0, result.output
    assert _snapshot(small_dataset) == before


def test_apply_adds_new_incidents_then_only_recognises_them(small_dataset):
    report = FIXTURES / "news_bydgoszcz_diversion.md"
    runner = CliRunner()
    result = runner.invoke(
        main, ["ingest", str(report), "--apply", "--data-dir", str(small_dataset)]
    )
    assert result.exit_code == 0, result.output
    assert "added incident 2025-06-16-bydgoszcz" in result.output
    loaded = dataset.load(small_dataset)
    row = loaded.incidents.set_index(INC.id).loc["2025-06-16-bydgoszcz"]
    assert row[INC.country] == "PL" and row[INC.confidence] == "reported"
    assert "https://example.pl/news/bydgoszcz-diversion" in set(loaded.sources[SRC.url])
    after_first = _snapshot(small_dataset)
    again = runner.invoke(
        main, ["ingest", str(report), "--apply", "--data-dir", str(small_dataset)]
    )
    assert again.exit_code == 0, again.output
    assert "already known" in again.output
    assert _snapshot(small_dataset) == after_first


def test_apply_attaches_a_matching_report_to_the_existing_incident(small_dataset):
    runner = CliRunner()
    first = FIXTURES / "news_bydgoszcz_diversion.md"
    runner.invoke(main, ["ingest", str(first), "--apply", "--data-dir", str(small_dataset)])
    incidents_before = len(dataset.load(small_dataset).incidents)
    second = small_dataset.parent / "second.txt"
    second.write_text(
        "URL: https://other.example.com/bydgoszcz\nPublished: 2025-06-17\n\n"
        "A Ryanair flight could not land at Bydgoszcz yesterday after its GPS was jammed.",
        "utf-8",
    )
    result = runner.invoke(
        main, ["ingest", str(second), "--apply", "--data-dir", str(small_dataset)]
    )
    assert result.exit_code == 0, result.output
    assert (
        "added source https://other.example.com/bydgoszcz to 2025-06-16-bydgoszcz" in result.output
    )
    loaded = dataset.load(small_dataset)
    assert len(loaded.incidents) == incidents_before
    assert (loaded.sources[SRC.incident_id] == "2025-06-16-bydgoszcz").sum() == 2


def test_apply_without_source_url_writes_nothing(small_dataset, tmp_path):
    before = _snapshot(small_dataset)
    report = tmp_path / "nourl.txt"
    report.write_text(
        "Published: 2025-03-05\n\nYesterday a Finnair flight lost GPS to jamming near Joensuu.",
        "utf-8",
    )
    result = CliRunner().invoke(
        main, ["ingest", str(report), "--apply", "--data-dir", str(small_dataset)]
    )
    assert result.exit_code == 1
    assert "needs an http(s) source URL" in result.stderr
    assert _snapshot(small_dataset) == before
    with_url = CliRunner().invoke(
        main,
        ["ingest", str(report), "--apply", "--url", "https://example.org/joensuu",
         "--data-dir", str(small_dataset)],
    )  # fmt: skip
    assert with_url.exit_code == 0, with_url.output


def test_find_match_needs_compatible_type_and_nearby_place(small_dataset):
    from tracker.ingest import find_match

    incidents = dataset.load(small_dataset).incidents
    row = incidents.iloc[0]
    (candidate,) = ingest_text(
        "Published: 2024-03-11\n\nYesterday a LOT flight lost GPS to jamming near Gdańsk."
    )
    candidate.values.update(
        {
            INC.date: row[INC.date].date(),
            INC.latitude: float(row[INC.latitude]) + 0.3,
            INC.longitude: float(row[INC.longitude]),
            INC.interference: "jamming",
        }
    )
    assert find_match(candidate, incidents) == row[INC.id]
    candidate.values[INC.interference] = "spoofing"
    assert find_match(candidate, incidents) is None
    candidate.values[INC.interference] = "unknown"
    candidate.values[INC.latitude] = float(row[INC.latitude]) + 3
    assert find_match(candidate, incidents) is None


@pytest.mark.parametrize(
    ("sentence", "expected_country"),
    [
        # A spoofed position is where the aircraft was not.
        (
            "Published: 2024-02-02\n\nYesterday our A321 was spoofed near Larnaca and the display "
            "showed us over Beirut.",
            "CY",
        ),
        # An actor is not a place.
        (
            "Published: 2024-02-02\n\nNorth Korea jammed GPS yesterday and an airliner landing at "
            "Incheon lost its signal.",
            "KR",
        ),
        # A dateline city is not where it happened.
        (
            "Published: 2024-02-02\n\nWARSAW (Wire) - A Wizz Air jet lost GPS to jamming yesterday "
            "while approaching Rzeszów.",
            "PL",
        ),
    ],
)
def test_place_roles(sentence, expected_country):
    (found,) = ingest_text(sentence)
    assert found.values[INC.country] == expected_country


def test_two_days_in_one_sentence_give_two_candidates():
    found = ingest_text(
        "Published: 2024-04-29\n\nFinnair flights to Tartu on Thursday and again on Friday had "
        "to turn back because of GPS jamming, the airline said on Sunday."
    )
    assert [c.values[INC.date] for c in found] == [dt.date(2024, 4, 25), dt.date(2024, 4, 26)]


@pytest.mark.parametrize(
    "text",
    [
        # An explainer in the present tense describes no event.
        "Published: 2025-03-03\n\nSpoofing sends fake signals to an aircraft so that its receiver "
        "thinks it is elsewhere; jamming drowns the signals out and the plane loses GPS.",
        # Cars shown at an airport are still cars.
        "Published: 2024-05-20\n\nTaxi drivers said GPS spoofing showed their cars at Vnukovo "
        "airport all of last week.",
    ],
)
def test_explainers_and_ground_users_give_nothing(text):
    assert ingest_text(text) == []


def test_record_date_field_is_the_occurrence_date():
    text = (
        "Date: Sunday 31 August 2025\nType: Dassault Falcon 900LX\nLocation: near Plovdiv "
        "Airport, Bulgaria\n\nNarrative:\nThe aircraft lost GPS signals to jamming during the "
        "approach and held for an hour."
    )
    (found,) = ingest_text(text)
    assert found.values[INC.date] == dt.date(2025, 8, 31)
    assert found.values[INC.country] == "BG"
    assert found.values[INC.geocode_precision] == "airport"


def test_json_ld_gives_the_source():
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-06-03T10:00:00Z", "url": "https://ld.example.org/s", '
        '"publisher": {"name": "LD News"}}</script></head><body><article><p>On Saturday a '
        "Finnair ATR 72 bound for Joensuu circled and flew back to Helsinki after its GPS was "
        "jammed.</p></article></body></html>"
    )
    (report,) = reports_from_bytes(page.encode(), name="page.html")
    assert (report.url, report.publisher, report.published) == (
        "https://ld.example.org/s",
        "LD News",
        dt.date(2024, 6, 3),
    )
    (found,) = extract_candidates(report)
    assert found.values[INC.date] == dt.date(2024, 6, 1)
    assert "Returned to Helsinki" in found.values[INC.effects]


def test_separate_undated_incidents_are_kept_apart():
    found = ingest_text(
        "Published: 2024-05-06\n\nFinnair said one of its flights had to turn back on approach "
        "to Tartu after GPS jamming. Separately, a Wizz Air jet was spoofed over Cyprus, "
        "according to pilots."
    )
    assert [(c.values[INC.country], c.values[INC.interference]) for c in found] == [
        ("EE", "jamming"),
        ("CY", "spoofing"),
    ]
    # Both undated, both told in the lede: each is dated by the publication day (news of the
    # day), not by the other's date.
    assert {(c.values[INC.date], c.values[INC.date_precision]) for c in found} == {
        (dt.date(2024, 5, 6), "day")
    }


def test_year_only_gives_year_precision():
    (found,) = ingest_text(
        "Published: 2024-05-06\n\nIn 2019 a Cessna pilot lost GPS to jamming while approaching "
        "Hayward Executive Airport."
    )
    assert (found.values[INC.date], found.values[INC.date_precision]) == (
        dt.date(2019, 1, 1),
        "year",
    )
    assert found.values[INC.country] == "US"


def test_negated_effects_are_not_effects():
    (found,) = ingest_text(
        "Published: 2025-04-14\n\nGPS jamming affected air traffic near Lappeenranta on Saturday. "
        "No flights were cancelled."
    )
    assert "ancel" not in found.values[INC.effects]


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("on 31.08.2025", dt.date(2025, 8, 31), "day"),
        ("on 08/31/2025", dt.date(2025, 8, 31), "day"),
        ("in mid-August", dt.date(2025, 8, 1), "month"),
        ("this past weekend", dt.date(2025, 8, 30), "day"),
        ("Sunday night", dt.date(2025, 8, 31), "day"),
    ],
)
def test_more_date_forms(text, expected, precision):
    (mention,) = find_dates(text, base=dt.date(2025, 9, 3))
    assert (mention.date, mention.precision) == (expected, precision)


@pytest.mark.parametrize(
    "text", ["Defence Minister Margarita Robles", "a marching band", "June Smith said"]
)
def test_words_that_contain_month_names_are_not_dates(text):
    assert find_dates(text, base=dt.date(2025, 9, 3)) == []


def test_faa_notam_with_radius_of_centre():
    (notam,) = parse_notams(
        "!FDC 5/1234 ZLA NAV GPS INTERFERENCE TESTING. GPS MAY NOT BE AVBL WI A 50NM RADIUS OF "
        "363500N1154500W SFC-FL180. 2505011400-2505011800"
    )
    assert (notam.latitude, notam.longitude) == (
        pytest.approx(36 + 35 / 60),
        pytest.approx(-(115 + 45 / 60)),
    )
    assert notam.radius_km == pytest.approx(50 * 1.852)


def test_two_days_listed_with_and_are_one_candidate_each():
    # "on Thursday and Friday": reviewers record a day each (Session 5); a span ("on Wednesday
    # night into Thursday", "between 29 May and 2 June") stays one candidate with an end date.
    found = _run(FIXTURES / "html_delhi_two_days.html")
    assert sorted((f["date"], f["end_date"]) for f in found) == [
        ("2025-11-06", None),
        ("2025-11-07", None),
    ]
    assert all("Indira Gandhi" in f["location"] for f in found)


def test_days_given_as_a_span_are_one_candidate_with_an_end_date():
    (found,) = ingest_text(
        "Published: 2025-11-08\n\nFlights approaching Delhi airport were hit by GPS spoofing "
        "on Wednesday night into Thursday, and several diverted."
    )
    assert (found.values["date"], found.values["end_date"]) == (
        dt.date(2025, 11, 5),
        dt.date(2025, 11, 6),
    )


def test_gps_word_far_from_a_problem_word_is_not_an_incident():
    text = (
        "Published: 2025-01-02\n\nInvestigators used GPS data from the flight recorder to "
        "reconstruct the route flown on Monday, and said the plane later lost power in both "
        "engines near Reno."
    )
    assert ingest_text(text) == []
