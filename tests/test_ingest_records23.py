"""Session 23: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from tracker.cli import main
from tracker.ingest.assess import (
    APPLY_MIN_SCORE,
    is_aggregate,
    is_background,
    specific_vehicle_in,
)
from tracker.ingest.candidates import (
    DRONES_ONLY,
    NO_AVIATION,
    NO_SATELLITES,
    RECEIVER_FAULT,
    _event_dates,
    _is_stamp_line,
    extract_results,
)
from tracker.ingest.fields import interference_type
from tracker.ingest.languages.gloss import gloss_text
from tracker.ingest.readers import reports_from_bytes

# --- a candidate the gazetteer cannot place is not proposed -------------------------------------

# "Qorvatho" is an invented name: no gazetteer knows it, as a page in another script's place
# names that the gloss cannot turn into a known name.
UNPLACED = (
    "URL: https://example.org/news/unplaced\n\n"
    "A passenger jet lost its GPS signal on 3 March 2025 while approaching Qorvatho, and the "
    "crew diverted after the satellite navigation failed.\n"
)


def _results(text: str):
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    return extract_results(report, published=dt.date(2025, 3, 5))


def test_an_unplaced_candidate_is_listed_as_skipped_not_proposed():
    # Without the rule the jet's day is proposed with no place, which --apply cannot write.
    results = _results(UNPLACED)
    assert results.candidates == []
    [held] = results.skipped
    assert held.values["date"] == dt.date(2025, 3, 3)
    assert held.score < APPLY_MIN_SCORE
    assert any("without a place" in reason for reason in held.reasons)


def test_a_placed_candidate_of_the_same_telling_is_proposed():
    results = _results(UNPLACED.replace("Qorvatho", "Vilnius"))
    assert [c.values["country"] for c in results.candidates] == ["LT"]


# --- "interference" by a person is no signal's ------------------------------------------------

# An invented crash inquiry: "interference" here is someone's tampering, and no word of
# satellites, jamming or spoofing appears anywhere.
PERSONS_INTERFERENCE = (
    "URL: https://example.org/news/inquiry\n\n"
    "Inquiry weighs cockpit interference in the loss of flight ZX 88\n\n"
    "On 9 February 2025 flight ZX 88, an Airbus A330 bound for Vilnius, returned to the gate after "
    "its emergency beacon stayed silent. Investigators are looking at deliberate interference "
    "by someone in the cockpit; the navigation system {told}.\n"
)


def test_interference_from_inside_a_cockpit_with_no_word_of_satellites_is_no_incident():
    # Without the rule the flight's day is proposed at Vilnius as a GNSS incident.
    assert _results(PERSONS_INTERFERENCE.format(told="was switched off")).candidates == []


def test_a_navigation_signal_jammed_with_no_word_of_satellites_is_still_read():
    told = PERSONS_INTERFERENCE.format(told="lost its signal to jamming near Vilnius")
    assert [c.values["country"] for c in _results(told).candidates] == ["LT"]


# --- an airway is no flight; a plane that "will" turn is any plane; "multiple events" a count ----


@pytest.mark.parametrize(
    ("sentence", "vehicle"),
    [
        ("Airway QX417 has seen spoofing all winter.", ""),
        ("Along route KM902 the signal is often lost.", ""),
        ("Flight QX417 lost its signal near Tartu.", "QX417"),
        ("Then the plane will bank by itself.", ""),
        ("An aircraft can lose its position in seconds.", ""),
        ("The plane could not land at Tartu.", "The plane"),
        ("The aircraft may have been spoofed near Tartu.", "The aircraft"),
    ],
)
def test_airways_and_any_plane_are_not_a_particular_aircraft(sentence, vehicle):
    assert specific_vehicle_in(sentence) == vehicle


def test_multiple_events_without_a_number_are_a_count():
    assert is_aggregate("Multiple GPS spoofing events hit the airway in May 2025.")
    assert not is_aggregate("The airway was hit by GPS spoofing in May 2025.")


AIRWAY_COMMENTARY = (
    "URL: https://example.org/blog/airway\n\n"
    "February 2025: airway QX417 was probably hit by multiple spoofing events of GPS.\n\n"
    "An academic thinks that this will not end soon, with jamming seen at scale in the "
    "fighting around Russia's border.\n\n"
    'Crews notice it when "all at once the plane will begin a turn, or a stream of alerts '
    'comes: terrain, navigation error, position error."\n'
)


def test_a_commentary_on_an_airways_spoofing_is_no_incident():
    # Without the three rules the airway is a flight, "the plane" a particular one, and the
    # month a spoofing incident in Russia.
    assert _results(AIRWAY_COMMENTARY).candidates == []


# --- a byline's date is the day the story was filed ---------------------------------------------

BYLINE_IN_LEDE = (
    "URL: https://example.org/travel/tartu\n\n"
    "Airline stops flying to a border airport over GPS trouble Aviation Correspondent, "
    "{day} A carrier has halted its Tartu service after two of its jets turned back on "
    "Thursday and Friday when jamming left them without a satellite approach.\n"
)


def test_a_correspondents_byline_date_is_no_incident_day():
    # Without the rule the byline's day is a third turn-back at Tartu.
    results = _results(BYLINE_IN_LEDE.format(day="2 March 2025"))
    assert dt.date(2025, 3, 2) not in [c.values["date"] for c in results.candidates]
    assert results.candidates


# --- a page that gives nothing says why ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Phones and taxis lost GPS across the city on Monday.", NO_AVIATION),
        (
            "A drone closed Velmar Airport on 3 May; the airport now tests drone jammers.",
            DRONES_ONLY,
        ),
        (
            "Flights at Velmar Airport were delayed after a receiver software glitch in GPS.",
            RECEIVER_FAULT,
        ),
        (PERSONS_INTERFERENCE.format(told="was switched off"), NO_SATELLITES),
    ],
)
def test_a_page_out_of_scope_says_why(text, reason):
    results = _results(text)
    assert (results.candidates, results.skipped, results.out_of_scope) == ([], [], reason)


def test_a_page_in_scope_gives_no_reason_even_without_a_candidate():
    assert _results("Pilots at Velmar Airport discussed GPS jamming.").out_of_scope == ""


def test_the_cli_tells_why_a_page_gave_nothing(tmp_path):
    page = tmp_path / "phones.txt"
    page.write_text("Phones and taxis lost GPS across the city on Monday.\n", "utf-8")
    result = CliRunner().invoke(main, ["ingest", str(page), "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"phones.txt: not about GNSS interference met by aircraft: {NO_AVIATION}" in (
        result.stderr
    )


# --- a dateline run into the lede; flight safety is no flight ----------------------------------


def test_a_dateline_run_into_the_lede_is_the_day_filed_not_the_incidents():
    # Without the rule "Dec 1" of the dateline dates the spoofing the story tells.
    text = (
        "URL: https://example.org/wire/velmar\n\n"
        "Vilnius, Dec 1 The airport operator has asked radio monitors to trace the GPS spoofing "
        "that a Norland Air jet met on approach to Vilnius on 27 November.\n"
    )
    [report] = reports_from_bytes(text.encode(), name="wire.txt")
    results = extract_results(report, published=dt.date(2025, 12, 2))
    assert [c.values["date"] for c in results.candidates] == [dt.date(2025, 11, 27)]


def test_flight_safety_names_no_flight():
    assert specific_vehicle_in("Spoofing is a danger to flight safety, the agency said.") == ""
    assert specific_vehicle_in("The danger to the flight was averted.") == "the flight"


# --- the phenomenon's names in a pair say no kind ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Navigation receivers are open to deliberate spoofing and interference, he warned.",
        "Reports of GPS jamming and, lately, signal spoofing have grown since 2022.",
        "Carriers keep warning of GPS signal interference and spoofing.",
    ],
)
def test_a_pair_with_interference_or_an_aside_names_no_kind(sentence):
    # Without the rule the second word of the pair gives the kind.
    assert interference_type([sentence])[0] == "unknown"


def test_a_particular_flights_jamming_and_interference_is_still_jamming():
    told = "Flight QX5 met jamming and interference near Velmar."
    assert interference_type([told], particular=lambda s: "Flight" in s)[0] == "jamming"


# --- a small town abroad named with its country's adjective ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Het toestel keerde om boven de Finse plaats Savonlinna.", "nl"),
        ("L'avion a fait demi-tour au-dessus de la ville finlandaise de Savonlinna.", "fr"),
        ("Die Maschine kehrte über der finnischen Stadt Savonlinna um.", "de"),
    ],
)
def test_a_small_town_abroad_named_with_its_countrys_adjective_is_read(sentence, code):
    # Without the rule the town, under 50,000 inhabitants and abroad, is dropped as a name.
    assert "Savonlinna" in gloss_text(sentence, code)


def test_an_adjective_of_another_country_does_not_make_a_surname_a_town():
    # "Grants" is a town in New Mexico; the adjective says British.
    assert "Grant" not in gloss_text("Der britische Minister Grant Shapps flog nach Polen.", "de")


# --- who said it and when; the end of a period; a reminder --------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The head of the navigation agency said this on Friday, 3 May, to a radio station.",
        "The news was reported by the carrier's spokeswoman on Monday, April 29.",
        "Bookings for Velmar up to and including 30 May are being moved.",
        "Crews must file their reports no later than 1 June.",
    ],
)
def test_days_of_telling_and_ends_of_periods_date_no_event(sentence):
    # Without the rules the day is an incident's.
    assert _event_dates(sentence, dt.date(2024, 6, 5)) == []


@pytest.mark.parametrize(
    "told",
    [
        "A Velmar Air jet lost GPS near Tartu on Monday, April 29, the airline said.",
        # A crew's report is the event's telling.
        "A loss of GPS was reported by pilots near Tartu on Monday, April 29.",
    ],
)
def test_a_day_of_its_own_is_still_an_events(told):
    assert [m.date for m in _event_dates(told, dt.date(2024, 5, 2))] == [dt.date(2024, 4, 29)]


def test_a_reminder_recalls_an_earlier_incident():
    assert is_background("We remind you that two Velmar Air jets turned back last week.")
    assert not is_background("Two Velmar Air jets turned back last week.")


# --- an aircraft model is no count ---------------------------------------------------------------


@pytest.mark.parametrize("model", ["Boeing 777", "ATR 72", "Airbus 320"])
def test_an_aircraft_model_is_no_count_of_aircraft(model):
    # Without the rule "777 aircraft" (or "77" of it) was read as a count of affected aircraft.
    assert not is_aggregate(f"A file photo shows a Velmar Air {model} aircraft at the gate.")


def test_a_count_of_aircraft_is_still_a_count():
    assert is_aggregate("In June 777 aircraft were affected by GPS jamming over the region.")


# --- a stamp that gives the clock first ---------------------------------------------------------


def test_a_clock_first_stamp_run_into_a_line_dates_no_event():
    # Without the rule the page's stamp is the day of the jamming the line tells.
    glued = "9:40 PM KST, March 3, 2025 The agency said it saw GPS jamming near the border."
    assert _event_dates(glued, dt.date(2025, 3, 4)) == []
    assert _is_stamp_line("9:40 PM KST, March 3, 2025")


def test_a_clock_time_told_with_an_event_keeps_its_day():
    told = "At 9:40 on March 3, 2025 a Velmar Air jet lost GPS near the border."
    assert [m.date for m in _event_dates(told, dt.date(2025, 3, 4))] == [dt.date(2025, 3, 3)]


@pytest.mark.parametrize("airline", ["Transavia", "Volotea", "JetBlue", "Royal Air Maroc"])
def test_more_airlines_name_a_particular_operator(airline):
    # Without the longer list these carriers were no particular operator.
    assert specific_vehicle_in(f"{airline} said the diversion was routine.") == airline
