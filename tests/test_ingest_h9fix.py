"""Rules from the holdout9 failure classes (session 9, branch h9fix), in our own words."""

from __future__ import annotations

from tracker.ingest import ingest_text
from tracker.ingest.places import spot_places


def test_a_month_abbreviation_beside_a_day_is_a_date_not_a_place():
    hits = spot_places(
        "The fault was first seen on Thursday (Nov 6) by engineers at Delhi airport.", weight=3.0
    )
    assert [h.country for h in hits] == ["IN"]
    assert {h.country for h in spot_places("Crews saw it again on 6 Dec near Pune.")} == {"IN"}


def test_guard_a_dated_abbreviation_leaves_the_incident_in_india():
    candidates = ingest_text(
        "Published: 2025-11-07\n\nOn Thursday (Nov 6) pilots landing at Delhi airport reported "
        "false GPS positions and several flights were delayed."
    )
    assert candidates and {c.values["country"] for c in candidates} == {"IN"}


def test_a_small_homonym_abroad_yields_to_the_country_its_sentence_names():
    from tracker.ingest.places import best_place, discount_foreign_homonyms

    hits = spot_places(
        "On Sunday a jet circling over Sopot in Bulgaria lost its satellite signal.", weight=3.0
    )
    assert best_place(discount_foreign_homonyms(hits)).country == "BG"


def test_guard_a_small_place_alone_or_in_its_own_country_is_kept():
    from tracker.ingest.places import best_place, discount_foreign_homonyms

    alone = spot_places("On Sunday a jet circling over Sopot lost its signal.", weight=3.0)
    assert best_place(discount_foreign_homonyms(alone)) == best_place(alone)


def test_the_named_country_picks_its_own_town_among_same_named_places():
    from tracker.ingest.places import best_place, discount_foreign_homonyms

    home = spot_places("A jet circling over Sopot in Poland lost its signal.", weight=3.0)
    place = best_place(discount_foreign_homonyms(home))
    assert (place.precision, place.country) == ("city", "PL")


def test_a_sites_invitation_to_join_today_names_no_day():
    import datetime as dt

    from tracker.ingest.dates import find_dates

    assert find_dates("Not a subscriber yet? Join today", base=dt.date(2021, 3, 2)) == []
    assert find_dates("Sign up today for our weekly letter.", base=dt.date(2021, 3, 2)) == []
    # guard: a day told in the story is still read
    told = find_dates("The crew lost the signal today near the coast.", base=dt.date(2021, 3, 2))
    assert [m.date for m in told] == [dt.date(2021, 3, 2)]


ROUTINE_PAGE = (
    "Published: 2024-10-18\n\nGPS jamming hits flights over Finnmark\n\n"
    "For pilots flying over northern Norway, the region has become a GPS jamming "
    "hotspot.\nThe jamming over Finnmark is so pervasive that last month, officials decided to "
    "stop counting the disruptions.\n"
)


def test_interference_told_as_routine_is_no_event():
    from tracker.ingest import extract_results, reports_from_bytes

    (report,) = reports_from_bytes(ROUTINE_PAGE.encode(), name="routine.txt")
    results = extract_results(report, min_score=0.0)
    assert results.candidates
    assert not [c for c in results.candidates if c.score >= 0.4]
    assert any("routine" in r for c in results.candidates for r in c.reasons)


def test_weekdays_just_before_a_day_and_month_tell_the_year_of_an_undated_page():
    import datetime as dt

    from tracker.ingest.dates import find_dates

    (found,) = [
        m
        for m in find_dates("Crews lost GPS on Friday and Saturday (19 and 20 May) near Narva.")
        if m.kind == "dmy_range"
    ]
    assert found.date is not None and found.date.weekday() == 4
    assert (found.date.month, found.date.day) == (5, 19)
    assert found.date.year <= dt.datetime.now(dt.UTC).year
    # guard: a weekday of another clause does not date a later notice
    dates = find_dates("On Tuesday the crew saw it; the notice of 3 May came late.")
    assert all(m.date is None for m in dates)


def test_a_city_a_glossed_flight_went_back_to_is_its_origin():
    from tracker.ingest.places import best_place

    hits = spot_places(
        "Over Tartu the jet lost its signal and shortly before landing had to Helsinki returned.",
        weight=3.0,
    )
    assert [h.role for h in hits if h.country == "FI"] == ["origin"]
    assert best_place(hits).country == "EE"


def _undated(text: str, published):
    from tracker.ingest import extract_results, reports_from_bytes

    (report,) = reports_from_bytes(text.encode(), name="undated.txt")
    assert report.published is None
    return extract_results(report, published=published)


def test_an_undated_page_telling_an_event_at_a_place_takes_the_given_day():
    import datetime as dt

    results = _undated(
        "Jet lands by hand after GPS loss\n\n"
        "The aircraft carrying the minister landed at Plovdiv airport with paper maps after its "
        "GPS signal was jammed.\n",
        dt.date(2025, 9, 1),
    )
    assert [(c.values["country"], c.values["date"]) for c in results.candidates] == [
        ("BG", dt.date(2025, 9, 1))
    ]


def test_an_undated_count_over_years_keeps_no_date():
    import datetime as dt

    results = _undated(
        "Air ambulances lose GPS ever more often\n\n"
        "Since 2018 the air ambulance has lost its GPS signal 29 times; the aircraft landed "
        "at Tromsø airport by other means.\n",
        dt.date(2019, 4, 1),
    )
    assert results.candidates == []


def test_guard_a_neighbour_named_across_a_border_does_not_choose_the_town():
    from tracker.ingest.places import best_place, discount_foreign_homonyms

    hits = spot_places(
        "A Dash 8 flying to Kirkenes landed without GPS after jamming near the Russian border.",
        weight=3.0,
    )
    assert best_place(discount_foreign_homonyms(hits)).country == "NO"


def _cli_json(tmp_path, text: str, published: str) -> list[dict]:
    import json

    from click.testing import CliRunner

    from tracker.cli import main

    report = tmp_path / "undated.txt"
    report.write_text(text, "utf-8")
    result = CliRunner().invoke(
        main, ["ingest", str(report), "--json", "--min-score", "0", "--published", published]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_cli_reads_a_given_publication_day_as_the_evaluator_does(tmp_path):
    # `ingest --published` and the evaluator must give the same answer: the given day is a date
    # from outside the page, so a count over years on an undated page stays undated in both.
    import datetime as dt

    text = (
        "Air ambulances lose GPS ever more often\n\n"
        "Since 2018 the air ambulance has lost its GPS signal 29 times; the aircraft landed "
        "at Tromsø airport by other means.\n"
    )
    evaluated = _undated(text, dt.date(2019, 4, 1))
    items = _cli_json(tmp_path, text, "2019-04-01")
    assert [c.values["date"] for c in evaluated.candidates + evaluated.skipped] == [None] * len(
        items
    )
    assert all(item["date"] in (None, "") for item in items)


def test_the_cli_still_dates_an_event_page_and_its_source_by_the_given_day(tmp_path):
    (item,) = _cli_json(
        tmp_path,
        "Jet lands by hand after GPS loss\n\n"
        "The aircraft carrying the minister landed at Plovdiv airport with paper maps after its "
        "GPS signal was jammed.\n",
        "2025-09-01",
    )
    assert (item["country"], item["date"]) == ("BG", "2025-09-01")
    assert item["source"]["published"] == "2025-09-01"
