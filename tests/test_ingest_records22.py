"""Session 22: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import incident_row, write_recorded

from tracker.ingest import ingest_text
from tracker.ingest import recorded as rec
from tracker.ingest.assess import APPLY_MIN_SCORE
from tracker.ingest.candidates import _is_problem_sentence, _strip_dateline, extract_results
from tracker.ingest.places import spot_places
from tracker.ingest.readers import reports_from_bytes
from tracker.ingest.text import split_sentences
from tracker.schema import INC

# --- a trend's start is no incident's date ------------------------------------------------------

TREND_SINCE = (
    "A jet carrying a trade minister lost satellite navigation while approaching Varna airport "
    "and the crew landed with paper charts.\n\n"
    "The agency confirmed that the jet lost its signal: since March 2022 there has been a "
    "steady rise in GPS jamming all over our airspace, it said.\n"
)


def test_the_start_of_a_trend_does_not_date_the_incident():
    # Without the rule the incident is dated March 2022, the month the rise began.
    candidates = ingest_text(TREND_SINCE)
    assert candidates
    assert all(c.values["date"] != dt.date(2022, 3, 1) for c in candidates)


def test_an_ongoing_disturbance_is_still_dated_by_its_start():
    text = "Since early June, GPS jamming has disrupted approaches to Varna airport every night.\n"
    assert [c.values["date"] for c in ingest_text(text, published=dt.date(2025, 7, 2))] == [
        dt.date(2025, 6, 1)
    ]


# --- "disturbances" and "blocks" are words of trouble ---------------------------------------------


def test_disturbances_and_blocking_near_gps_are_a_problem():
    assert _is_problem_sentence("The flight turned back because of GPS signal disturbances.")
    assert _is_problem_sentence("Moscow blocks the GPS of airliners near the border.")
    assert not _is_problem_sentence("The GPS receiver was delivered with the new aircraft.")


# --- a run of days counted up to the day of the report ------------------------------------------

COUNTED_RUN = (
    "The northern state has jammed GPS signals along the border for five consecutive days, "
    "troubling flights out of Tartu airport, the military reported on Tuesday.\n"
)


def test_a_run_of_days_to_the_report_is_dated_by_its_first_day():
    # Tuesday 12 November 2024 and the four days before: from Friday 8 November.
    candidates = ingest_text(COUNTED_RUN, published=dt.date(2024, 11, 12))
    assert [c.values["date"] for c in candidates] == [dt.date(2024, 11, 8)]
    assert candidates[0].values["date_precision"] == "day"


def test_the_third_straight_day_counts_back_two_days():
    text = COUNTED_RUN.replace("for five consecutive days", "for the third straight day")
    candidates = ingest_text(text, published=dt.date(2024, 11, 12))
    assert [c.values["date"] for c in candidates] == [dt.date(2024, 11, 10)]


# --- a full stop after a number or inside quotation marks ends a sentence -------------------------


def test_a_cut_line_splits_after_a_year_and_a_closing_quote():
    line = (
        "The carrier said interference has grown sharply since 2022. Earlier it said jamming was "
        "worst \u201cnear the border and over the sea.\u201d Officials blamed a neighbour for it "
        "and for the outages of the past mon"
    )
    texts = [s.text for s in split_sentences("First paragraph.\n\n" + line)]
    assert len(texts) == 4
    assert texts[1].endswith("since 2022.")


# --- a list of places is a survey ---------------------------------------------------------------


def test_places_in_a_list_count_as_bare_names():
    listed = spot_places(
        "Crews report most trouble around Narva, the Black Sea, the Gulf of Finland and the "
        "Eastern Mediterranean."
    )
    assert {h.role for h in listed} == {"listed"}
    single = spot_places("Pilots met jamming near Narva on Friday.")
    assert single[0].score > max(h.score for h in listed)


def test_a_route_of_two_places_is_no_list():
    hits = spot_places("The jet flew near Vilnius and Riga when it lost GPS.")
    assert "listed" not in {h.role for h in hits}


# --- an airport's code before its city ------------------------------------------------------------


def test_the_cue_before_an_airport_code_reaches_its_city():
    hits = spot_places("Two flights met spoofing in the vicinity of KTXA, Tartu on Monday.")
    assert [(h.text, h.role) for h in hits] == [("Tartu", "strong")]


# --- a broadcast's day is no incident's -----------------------------------------------------------

BROADCAST_DAY = (
    "Planes approaching Tartu airport have used radio beacons for weeks because of GPS "
    "disturbances.\n\n"
    "The report on Estonian public radio Thursday morning said officials blame a neighbour.\n"
)


def test_the_day_of_a_radio_report_does_not_date_the_disturbance():
    # Read as the incident's own day, the broadcast's Thursday made a candidate to apply.
    candidates = ingest_text(BROADCAST_DAY, published=dt.date(2024, 5, 3))
    assert candidates
    for candidate in candidates:
        assert any("the day it was reported" in reason for reason in candidate.reasons)
        assert candidate.score < APPLY_MIN_SCORE


# --- a record of an area at sea reaches as far as its radius ------------------------------------

SEA_AREA_FLIGHT = (
    "A government jet carrying Minister Aino Kask lost GPS on Thursday over Estonia on its way "
    "home to Oslo, and the crew flew on with inertial navigation.\n"
)


def _sea_record(folder: Path, radius: str) -> Path:
    row = incident_row(
        **{
            INC.id: "2026-03-12-baltic-kask",
            INC.date: "2026-03-12",
            INC.location: "Over the Baltic Sea on a flight home to Oslo",
            INC.latitude: "58.0",
            INC.longitude: "20.0",
            INC.radius_km: radius,
            INC.geocode_precision: "area",
            INC.country: "",
            INC.region: "Baltic Sea region",
            INC.aircraft: "Government jet carrying Minister Aino Kask",
            INC.interference: "jamming",
        }
    )
    return write_recorded(folder, [row])


def _linked(text: str, data_dir: Path, published: dt.date) -> list[tuple]:
    report = reports_from_bytes(text.encode("utf-8"), name="page.txt")[0]
    results = extract_results(report, published=published, recorded=rec.load_index(data_dir))
    return [(c.values["country"], c.recorded) for c in results.candidates]


def test_a_flight_inside_a_sea_records_radius_links_and_keeps_its_country(tmp_path):
    # Estonia's centre lies some 350 km from the record's point: beyond the 150 km of a point.
    found = _linked(SEA_AREA_FLIGHT, _sea_record(tmp_path / "d", "450"), dt.date(2026, 3, 14))
    assert found == [("EE", "2026-03-12-baltic-kask")]


def test_a_sea_record_of_small_radius_does_not_reach_the_flight(tmp_path):
    # The page's own candidate, placed in Estonia, is not linked across the 50 km. (The record
    # itself is still retold by its names and day, with the record's place: a country at sea
    # is then the nearest the lede names, so the country alone no longer tells the two apart.)
    report = reports_from_bytes(SEA_AREA_FLIGHT.encode("utf-8"), name="page.txt")[0]
    index = rec.load_index(_sea_record(tmp_path / "d", "50"))
    results = extract_results(report, published=dt.date(2026, 3, 14), recorded=index)
    linked = [(c.values["location"], c.recorded) for c in results.candidates]
    assert ("Estonia", "2026-03-12-baltic-kask") not in linked


# --- a page's own publication stamp, glued to a section word -------------------------------------

GLUED_STAMP = (
    "Approach aids at two hubs\n\n"
    "NewsPublished March 3, 20265 min read\n\n"
    "NOTAMs at Narva and Tartu signal GPS interference and DME outages which restrict approach "
    "options: RNAV aircraft lose their main navigation source if GPS is jammed.\n"
)


# --- an authority's warning with words between "issued" and "warning" ----------------------------

ISSUED_WARNING = (
    "The aviation authority issued a 30-day safety warning Friday urging pilots to take care "
    "over the Gulf of Riga because of military drills and possible GPS interference.\n\n"
    "The warning says interference can linger until the aircraft has landed. It is not a "
    "flight ban.\n"
)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # Before: the stamp, read as the incident's day, made a candidate to apply on 3 March.
        (GLUED_STAMP, dt.date(2026, 3, 3)),
        # Before: Friday dated an incident, and "the flight", "a flight ban" named an aircraft.
        (ISSUED_WARNING, dt.date(2026, 1, 17)),
    ],
    ids=["glued publication stamp", "warning issued on a day"],
)
def test_a_stamp_or_a_notices_day_gives_no_candidate_to_apply(text, published):
    for candidate in ingest_text(text, published=published):
        assert candidate.score < APPLY_MIN_SCORE


def test_a_flight_ban_and_a_possible_effect_name_no_aircraft():
    from tracker.ingest.assess import GENERAL_WHEN, specific_vehicle

    assert specific_vehicle(["It is not a flight ban."]) == ""
    assert GENERAL_WHEN.search("Interference can linger until the flight has landed.")
    assert specific_vehicle(["The flight lost GPS near Riga."]) == "The flight"


# --- a navigation fault with no word of satellites or interference -------------------------------


def test_a_navigation_system_failure_alone_is_a_look_alike():
    text = (
        "A regional airliner flying to Kazan reported a failure of its navigation systems on "
        "7 August soon after take-off; the captain continued and landed safely.\n"
    )
    assert ingest_text(text, published=dt.date(2024, 8, 12)) == []
    jammed = text.replace("reported a failure", "reported GPS jamming and a failure")
    assert ingest_text(jammed, published=dt.date(2024, 8, 12))


def test_russian_navigation_alone_is_not_satellite_navigation():
    from tracker.ingest.languages import gloss

    glossed = gloss.gloss_line("экипаж сообщил о неисправности навигации", "ru")
    assert "satellite" not in glossed
    assert "satellite navigation" in gloss.gloss_line("сбой спутниковой навигации", "ru")


# --- a denial of blame, a possessive before the place, "problematic" ----------------------------

DENIED_BLAME = (
    "Moscow has denied suggestions that it is behind disruption of GPS signals at Estonia's "
    "Tartu airport.\n\n"
    "Since early May, GPS signals around the airport have been problematic for pilots landing "
    "there.\n"
)


def test_a_denial_of_blame_leaves_the_disruption_an_event():
    from tracker.ingest.assess import NOT_HAPPENED

    assert not NOT_HAPPENED.search("Moscow has denied suggestions that it is behind the jamming.")
    assert NOT_HAPPENED.search("The ministry denied that any flight lost GPS.")
    candidates = ingest_text(DENIED_BLAME, published=dt.date(2024, 5, 28))
    assert [(c.values["date"], c.values["country"]) for c in candidates] == [
        (dt.date(2024, 5, 1), "EE")
    ]
    assert candidates[0].score >= APPLY_MIN_SCORE


def test_the_cue_before_a_possessive_reaches_the_place():
    hits = spot_places("Signals were disrupted at Estonia's Tartu airport.")
    assert ("Tartu", "weak") in [(h.text, h.role) for h in hits]


def test_problematic_near_gps_is_a_problem():
    assert _is_problem_sentence("GPS signals have been problematic for pilots.")


# --- a dateline with a city and its country -----------------------------------------------------


def test_a_city_and_country_dateline_dates_the_page_not_an_incident():
    # Before: "BAKU, Azerbaijan, July 15." stayed a sentence, and its day dated the lede's claim.
    text = (
        "date 2025-03-12 VILNIUS, Lithuania, March 12. Border units disrupt the GPS of airliners "
        "over the country, the agency reports.\n"
    )
    sentences, published = _strip_dateline(split_sentences(text))
    assert published == dt.date(2025, 3, 12)
    assert [s.text for s in sentences] == [
        "Border units disrupt the GPS of airliners over the country, the agency reports."
    ]


# --- a stored page's date metadata is no evidence of the incident it tells ------------------------


def test_a_stored_pages_date_metadata_is_a_stamp():
    from tracker.ingest.dates import find_dates

    line = "date 2025-12-04 The carrier stopped flying to the capital."
    (mention,) = find_dates(line)
    assert rec._only_a_stamp(line, mention)
    told = "The carrier stopped flying to the capital on 2025-12-04."
    (mention,) = find_dates(told)
    assert not rec._only_a_stamp(told, mention)


# --- an undated page at the place of a recorded episode of a few days ---------------------------


def test_an_undated_page_at_an_episodes_place_tells_each_of_its_days(tmp_path):
    from test_ingest_records21 import UNDATED_ORSK, _dated, _orsk_dir

    found = _dated(UNDATED_ORSK, _orsk_dir(tmp_path, "2025-06-12", "2025-06-13"))
    # Before: two recorded incidents near the place left the page undated, even on two days
    # in a row.
    assert found == [
        (dt.date(2025, 6, 12), "2025-06-12-orsk"),
        (dt.date(2025, 6, 13), "2025-06-13-orsk"),
    ]


def test_records_at_the_place_weeks_apart_still_leave_the_page_undated(tmp_path):
    from test_ingest_records21 import UNDATED_ORSK, _dated, _orsk_dir

    assert _dated(UNDATED_ORSK, _orsk_dir(tmp_path, "2025-06-12", "2025-07-20")) == []


# --- a count or an hour after a day is no two-digit year ------------------------------------------


def test_a_count_after_a_day_and_month_is_no_year():
    from tracker.ingest.dates import find_dates

    base = dt.date(2023, 7, 28)
    (counted,) = find_dates("On 24 July 10 aircraft lost GPS.", base=base)
    assert counted.date == dt.date(2023, 7, 24)
    (short,) = find_dates("It came with the notice of 24 July 23.", base=dt.date(2026, 2, 1))
    assert short.date == dt.date(2023, 7, 24)


def test_french_interruptions_are_disruptions():
    from tracker.ingest.languages import gloss

    assert "disruptions" in gloss.gloss_line("le brouillage a entraîné des interruptions GPS", "fr")


# --- an airline untouched by the jamming ----------------------------------------------------------


def test_an_airline_said_to_be_unaffected_names_no_aircraft_and_denies():
    from tracker.ingest.assess import NOT_HAPPENED, specific_vehicle
    from tracker.ingest.assess import assess as score

    sentence = "Finnair says its flights remain unaffected by the GPS jamming near Narva."
    assert NOT_HAPPENED.search(sentence)
    assert specific_vehicle([sentence])  # the words alone would name an airline's flights
    result = score(
        anchors=[sentence], context=[], date_kind="day", date_text="on Monday",
        place_text="Narva", place_best=3.0, in_lede=True, background=False,
        all_texts=[sentence],
    )  # fmt: skip
    assert not any("names a specific aircraft" in reason for reason in result.reasons)


def test_a_satellite_communication_failure_is_a_look_alike():
    text = (
        "Boston-bound jet turns back after satellite navigation fault\n\n"
        "A transatlantic jet bound for Boston turned back over the ocean on Saturday. The "
        "airline said its satellite communication unit broke down, forcing the return.\n"
    )
    assert ingest_text(text, published=dt.date(2024, 11, 10)) == []


def test_landing_without_gps_and_knocking_out_gps_are_problems():
    assert _is_problem_sentence("The aircraft had to land without GPS signal on Sunday.")
    assert _is_problem_sentence("A neighbour knocks out GPS for airliners.")
    assert not _is_problem_sentence("Without an instrument landing system, the runway needs GPS.")


def test_interference_with_no_impact_on_safety_still_happened():
    from tracker.ingest.assess import NOT_HAPPENED

    assert not NOT_HAPPENED.search("The jamming had no impact on the safety of any flight.")


# --- a town the record names in a note about its place ------------------------------------------


def test_a_record_names_the_town_in_the_note_about_its_place():
    incident = rec.RecordedIncident(
        id="2025-03-05-orsk",
        date=dt.date(2025, 3, 5),
        precision="day",
        end_date=None,
        end_precision="",
        country="RU",
        latitude=51.2,
        longitude=58.6,
        words=frozenset(),
        location="Near Orsk, Russia (the jet later crashed near Aktau, Kazakhstan)",
    )
    assert rec.names_place(incident, "Aktau, Kazakhstan")
    assert rec.names_place(incident, "Orsk")
    assert not rec.names_place(incident, "Atyrau, Kazakhstan")
    assert not rec.names_place(incident, "")


# --- a page with no word of interference retells no recorded incident -----------------------------

NEW_APPROACH = (
    "Orsk airport opens satellite approach\n\n"
    "Arrivals at Orsk can now fly a new GPS approach with vertical guidance, which lets airliners "
    "land in low cloud instead of diverting to other cities.\n"
)


def test_a_new_gps_approach_at_a_jammed_airport_retells_no_incident(tmp_path):
    from test_ingest_records21 import UNDATED_ORSK, _dated, _orsk_dir

    data_dir = _orsk_dir(tmp_path, "2025-06-12")
    assert _dated(NEW_APPROACH, data_dir) == []
    # A page that tells the jamming still retells it, and so does one that tells only of a
    # GPS failure that kept airliners from landing.
    assert _dated(UNDATED_ORSK, data_dir) == [(dt.date(2025, 6, 12), "2025-06-12-orsk")]
    failure = UNDATED_ORSK.replace("met GPS jamming", "could not land after a GPS failure")
    assert _dated(failure, data_dir) == [(dt.date(2025, 6, 12), "2025-06-12-orsk")]


def test_navigation_systems_at_an_airport_are_no_jammers():
    hits = spot_places("The attack disabled the GPS navigation systems at Estonia's Tartu airport.")
    assert ("Tartu", "weak") in [(h.text, h.role) for h in hits]
    jammers = spot_places("Jamming systems at Kaliningrad disrupted the flights.")
    assert [h.role for h in jammers] == ["source"]


def test_trouble_is_interference_a_lost_signal_or_a_failure_near_gps():
    from tracker.ingest.candidates import _tells_trouble

    assert _tells_trouble("Two jets could not land at Tartu after a failure of GPS equipment.")
    assert _tells_trouble("The landing had problems with GPS.")
    assert _tells_trouble("The crew lost GPS signal on approach.")
    assert _tells_trouble("North Korea GPS signal affected the aircraft.")
    assert _tells_trouble("Jamming was reported near the border.")
    assert not _tells_trouble("The WAAS receives GPS position errors to refine its accuracy.")


def test_slovenian_ukrainian_and_spanish_words_of_trouble():
    from tracker.ingest.languages import gloss

    assert "interference" in gloss.gloss_line("zaradi oviranja signala GPS", "sl").lower()
    assert "disruptions" in gloss.gloss_line("літак зазнав перебоїв із GPS", "uk")
    assert "disabled" in gloss.gloss_line("al ver inutilizado el GPS", "es")


# --- a weekday and the region after the record's town --------------------------------------------


def test_a_weekday_recalls_a_record_by_its_town_not_the_region_after_it(tmp_path):
    from helpers import recalled
    from helpers import russian_incident_row as _row

    row = _row(
        "2025-06-11-orsk",
        "2025-06-11",
        "Orsk Airport, Orenburg region",
        **{INC.interference: "jamming", INC.aircraft: "Arrivals at Orsk"},
    )
    data_dir = write_recorded(tmp_path / "data", [row])
    town = "Airliners near Orsk lost GPS on Wednesday, the agency said."
    assert recalled(data_dir, town) == [("2025-06-11-orsk", "weekday")]
    # Before: the region's name and a weekday (one day in seven) recalled the record too.
    assert recalled(data_dir, town.replace("Orsk", "Orenburg")) == []


# --- an undated page naming the day and month of one recorded incident --------------------------

UNDATED_DAY = (
    "Investigators say a cargo jet lost GPS to military jamming before it crashed in "
    "Russia.\n\n"
    "Three crew died in the crash on June 12, which set a forest on fire.\n"
)


def test_an_undated_page_naming_a_records_day_and_month_takes_its_year(tmp_path):
    from test_ingest_records21 import _dated, _orsk_dir

    found = _dated(UNDATED_DAY, _orsk_dir(tmp_path, "2025-06-12"))
    # Before: no year, so no date, and the candidate was held back.
    assert found == [(dt.date(2025, 6, 12), "2025-06-12-orsk")]


def test_two_records_on_that_day_or_a_written_year_leave_the_page_undated(tmp_path):
    from test_ingest_records21 import _dated, _orsk_dir

    assert _dated(UNDATED_DAY, _orsk_dir(tmp_path / "a", "2025-06-12", "2023-06-12")) == []
    other_year = UNDATED_DAY.replace("June 12,", "June 12, 2019,")
    assert (dt.date(2025, 6, 12), "2025-06-12-orsk") not in _dated(
        other_year, _orsk_dir(tmp_path / "b", "2025-06-12")
    )


def test_days_named_as_a_range_give_each_day_of_a_recorded_episode(tmp_path):
    from test_ingest_records21 import _dated, _orsk_dir

    text = UNDATED_DAY.replace("in the crash on June 12,", "in crashes on June 12 and 13,")
    found = _dated(text, _orsk_dir(tmp_path, "2025-06-12", "2025-06-13"))
    # Before: the range named only its first day, which one record could be.
    assert found == [
        (dt.date(2025, 6, 12), "2025-06-12-orsk"),
        (dt.date(2025, 6, 13), "2025-06-13-orsk"),
    ]
