"""Safety-database exports (one report per row) and three slips seen on crew and database
records: a capitalised article beginning a place name, a flight level read as a flight, a
signal that came back read as an aircraft that turned back. Fixtures in our own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.errors import InputError
from tracker.ingest import expand_paths, ingest_text, read_reports
from tracker.ingest.readers import reports_from_bytes

FIXTURES = Path(__file__).parent / "fixtures" / "reports"


def test_asrs_export_gives_one_record_per_row_that_tells_a_story():
    reports = read_reports(str(FIXTURES / "asrs_export.csv"))
    assert [r.name.rsplit("#", 1)[1] for r in reports] == ["line-3", "line-4", "line-5"]
    assert {r.kind for r in reports} == {"record"}
    first = reports[0].text
    # The field row is the header, not the group row above it.
    assert "State Reference : TX" in first
    assert "Date : 202403" in first
    assert "Narrative:\nLevel at FL340" in first
    assert "Report 1" not in first


def test_rows_without_a_story_are_passed_over():
    table = "Date,State Reference,Narrative\n202401,TX,\n202402,NM,GPS lost near Roswell.\n"
    reports = reports_from_bytes(table.encode(), name="log.csv")
    assert [r.name for r in reports] == ["log.csv#line-3"]


def test_an_export_dates_and_places_each_row():
    table = (
        "Date,Location,Description\n"
        "2024-03-14,Tallinn,A Finnair Embraer lost GPS on approach to Tallinn and went around.\n"
        "2024-04-02,Rzeszow,A LOT Dash 8 reported GPS jamming while approaching Rzeszow.\n"
    )
    found = ingest_text(table, name="occurrences.csv")
    assert [(c.values["date"].isoformat(), c.values["country"]) for c in found] == [
        ("2024-03-14", "EE"),
        ("2024-04-02", "PL"),
    ]


def test_tab_separated_exports_are_read_too():
    table = "Date\tNarrative\n202405\tIn cruise the GPS position jumped 40 miles.\n"
    (report,) = reports_from_bytes(table.encode(), name="export.tsv")
    assert "Date : 202405" in report.text


def test_a_table_with_no_story_column_is_a_clear_error():
    with pytest.raises(InputError, match=r"incidents\.csv, line 1: .*column of report text"):
        reports_from_bytes(b"id,date,country\nx,2024-01-01,PL\n", name="incidents.csv")


def test_a_malformed_table_is_a_clear_error():
    with pytest.raises(InputError, match=r"bad\.csv, line \d+: not a well-formed table"):
        reports_from_bytes(b'Date,Narrative\n202401,"GPS lost near\n', name="bad.csv")


def test_cli_names_the_file_and_leaves_no_traceback(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text("id,date\n1,2024-01-01\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(table)])
    assert result.exit_code != 0
    assert "export.csv, line 1" in result.output
    assert "Traceback" not in result.output


def test_a_folder_of_reports_includes_its_exports(tmp_path):
    (tmp_path / "asrs.csv").write_text("Date,Narrative\n202401,GPS lost.\n", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    assert [Path(p).name for p in expand_paths([str(tmp_path)])] == ["asrs.csv"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("A Boeing 737 lost GPS while approaching El Paso on 14 March 2024.", "El Paso"),
        ("A Qatar Airways jet lost GPS near Al Udeid on 3 May 2024.", "Al Udeid"),
    ],
)
def test_a_capitalised_article_begins_a_place_name(sentence, place):
    (found,) = ingest_text(sentence)
    assert found.values["location"].startswith(place)


def test_a_flight_level_is_not_a_particular_flight():
    text = "GPS was lost at FL180 over the Black Sea in March 2025, pilots said."
    reasons = [reason for c in ingest_text(text) for reason in c.reasons]
    assert not any("specific aircraft or flight: 'FL180'" in r for r in reasons)


def test_a_signal_that_came_back_is_not_an_aircraft_that_turned_back():
    text = (
        "Climbing out of Larnaca on 2 March 2025 our A320 lost GPS at FL180. "
        "GPS returned overhead Rhodes and we continued to Vienna."
    )
    (found,) = ingest_text(text)
    assert "returned" not in (found.values.get("effects") or "").lower()


@pytest.mark.parametrize(
    "main_entity",
    [
        '"https://ld.example.org/story"',
        '{"@type": "WebPage", "@id": "https://ld.example.org/story"}',
    ],
)
def test_json_ld_main_entity_of_page_gives_the_address(main_entity):
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        f'"mainEntityOfPage": {main_entity}}}</script></head><body><article><p>A LOT jet lost '
        "GPS near Rzeszow on 10 February 2025.</p></article></body></html>"
    )
    (report,) = reports_from_bytes(page.encode(), name="page.html")
    assert report.url == "https://ld.example.org/story"


def test_a_figure_line_says_its_count_once_and_whole(tmp_path):
    page = tmp_path / "stats.txt"
    page.write_text(
        "Published: 2024-07-02\n\nPilots filed 1,022 reports of GPS jamming in June, the "
        "aviation agency said.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["ingest", str(page)])
    (line,) = [text for text in result.output.splitlines() if text.startswith("figure:")]
    assert line.startswith("figure: 1022 pilot reports of GNSS jamming in ")


def test_a_date_after_today_is_no_incident_date():
    # No publication date to bound it: today is the bound.
    found = ingest_text("A Wizz Air jet lost GPS near Larnaca on 3 March 2099, the crew said.")
    assert all(c.values.get("date") is None for c in found)


def test_the_day_and_place_reason_claims_no_particular_it_did_not_find():
    text = "Published: 2024-03-25\n\nGPS jamming disrupted flights around Riga on 23 March 2024."
    reasons = [reason for c in ingest_text(text) for reason in c.reasons]
    assert "+0.05 a day of its own and a place together" in reasons
    assert not any("particular together" in reason for reason in reasons)


def test_forced_to_abort_its_landing_is_an_approach_and_a_go_around():
    text = (
        "A Ryanair Boeing 737 was forced to abort its landing at Vilnius on 16 January 2025 "
        "after the crew lost GPS."
    )
    (found,) = ingest_text(text)
    assert found.values["flight_phase"] == "approach"
    assert "abandoned the approach" in found.values["effects"].lower()


def test_two_flights_dated_by_the_sentence_before_the_problem_are_two_incidents():
    text = (
        "Published: 2024-04-29\n\nTwo Finnair flights bound for Tartu had to return to "
        "Helsinki on Thursday and Friday as their navigation failed. Specialists suspect that "
        "the GPS of the planes was jammed."
    )
    # Before: one incident spanning both days, as the problem sentence says nothing of two.
    assert sorted(c.values["date"].isoformat() for c in ingest_text(text)) == [
        "2024-04-25",
        "2024-04-26",
    ]


@pytest.mark.parametrize(
    ("aircraft", "one_flight"),
    [
        ("Aircraft on the weekly Tallinn–Savonlinna service", True),
        ("Aircraft on the Riga route", True),
        ("Aircraft on approach to Delhi", False),
        ("Aircraft in the Baltic", False),
    ],
)
def test_a_record_of_one_routes_aircraft_tells_a_flight(aircraft, one_flight):
    from tracker.ingest.recorded import _names_a_flight

    assert _names_a_flight({"aircraft": aircraft}) is one_flight


def test_a_sentence_surveying_many_areas_is_no_incident():
    text = (
        "Published: 2022-03-19\n\nSince the invasion of Ukraine on 24 February, aircraft have "
        "reported GNSS jamming around Kaliningrad, eastern Finland, the Black Sea and the "
        "eastern Mediterranean. The agency warned crews to expect loss of GPS on landing."
    )
    assert [c for c in ingest_text(text) if c.score >= 0.4] == []


def test_one_flights_route_through_many_countries_is_still_its_incident():
    text = (
        "A Wizz Air flight from Budapest to Larnaca, Cyprus lost GPS over Turkey on 3 March "
        "2024 near the border with Syria and Iraq, the crew said."
    )
    (found,) = ingest_text(text)
    assert found.score >= 0.4
    assert not any("areas in one sentence" in reason for reason in found.reasons)


def test_a_day_of_a_statement_told_verb_last_is_no_incident_day():
    # The word order of a gloss of Hindi or Japanese: the day, then the weekday, then "said".
    text = (
        "Published: 2023-12-05\n\nDelhi, 1 December on Monday said the ministry several "
        "flights GPS spoofing signal interference near Delhi several incidents was."
    )
    assert all(c.values.get("date") != dt.date(2023, 12, 1) for c in ingest_text(text))


def test_a_narrative_over_several_lines_keeps_its_line_breaks_and_is_named_by_its_first():
    table = (
        'Date,Narrative\n202401,"In cruise the GPS was lost near\nRoswell; we continued."\n'
        "202402,GPS lost again.\n"
    )
    first, second = reports_from_bytes(table.encode(), name="log.csv")
    assert "near\nRoswell" in first.text or "near Roswell" in first.text
    assert "nearRoswell" not in first.text
    assert (first.name, second.name) == ("log.csv#line-2", "log.csv#line-4")
