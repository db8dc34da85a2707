"""Session 24: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import incident_row, write_recorded

from tracker.ingest.candidates import (
    _GENERIC,
    RECEIVER_FAULT,
    _not_happened,
    extract_results,
    out_of_scope,
)
from tracker.ingest.fields import interference_type
from tracker.ingest.languages.gloss import gloss_text
from tracker.ingest.languages.placenames import demonym
from tracker.ingest.places import spot_places
from tracker.ingest.readers import reports_from_bytes
from tracker.ingest.recorded import RecordedIncident, _main_place_named, load_index
from tracker.schema import INC


def _results(text: str, published: dt.date = dt.date(2025, 3, 9)):
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    return extract_results(report, published=published)


# --- a diversion with a cause of its own is not an interference event --------------------------

# A survey of rerouting, with one flight that stopped for fuel: the fuel stop is the only dated
# flight on the page, and the page names its cause.
FUEL_STOP = (
    "URL: https://example.org/news/reroutes\n\n"
    "Airlines redraw their routes as tension grows in the region\n\n"
    "Crews say they meet a spurt in GPS jamming and spoofing over the region, and planners keep "
    "changing the charts.\n"
    "Air India flight AI 112 from Toronto to Delhi was diverted on Sunday to Muscat for "
    "refuelling.\n"
    "The longer routes add an hour to many trips between Europe and Asia.\n"
)


def test_a_diversion_for_fuel_is_no_incident():
    # Without the rule the fuel stop is proposed as a GPS incident of Sunday.
    results = _results(FUEL_STOP)
    assert results.candidates == []


def test_a_diversion_for_the_signal_is_still_an_incident():
    text = FUEL_STOP.replace("for refuelling", "after its GPS was jammed")
    [candidate] = _results(text).candidates
    assert candidate.values["date"] == dt.date(2025, 3, 9)


def test_a_weather_diversion_is_no_anchor_either():
    text = FUEL_STOP.replace("for refuelling", "because of bad weather")
    assert _results(text).candidates == []


# --- a nationality adjective is read by its longest stem ---------------------------------------


def test_venezuelan_airspace_is_not_russian_in_a_gloss():
    # Without the rule "venezolano" starts with Estonian "vene" (Russian) and the gloss says
    # "Russian airspace", which then places a Caribbean page in Russia.
    gloss = gloss_text("Dos aerolíneas evitan el espacio aéreo venezolano desde el martes.", "es")
    assert "Venezuelan airspace" in gloss
    assert "Russian" not in gloss


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("vene", "Russian"),  # Estonian, as it was
        ("lenkijos", "Polish"),  # Lithuanian genitive: a short stem with its case ending
        ("ruského", "Russian"),  # Slovak
        ("rosyjskiej", "Russian"),
        ("venezolana", "Venezuelan"),
        ("venetsialainen", ""),  # a short stem with a long ending is another word
    ],
)
def test_demonym_stems(word, english):
    assert demonym(word) == english


# --- flights "to and from" a place are flights at that place -----------------------------------

BOTH_WAYS = (
    "URL: https://example.org/news/both-ways\n\n"
    "Flights to and from Tartu were held on the ground on Sunday 2 March 2025 after GPS "
    "jamming made the approach unusable, Baltic Wings said; a pilot flying from Helsinki said "
    "the signal was lost over the lake.\n"
)


def test_to_and_from_a_town_places_the_incident_there():
    # Without the rule "from Tartu" reads as an origin and the page is placed in Helsinki.
    [candidate] = _results(BOTH_WAYS).candidates
    assert candidate.values["country"] == "EE"
    assert "Tartu" in candidate.values["location"]


@pytest.mark.parametrize("both", ["to and from", "in and out of", "from and to", "at and from"])
def test_both_ways_is_a_role_cue(both):
    [hit] = spot_places(f"Flights {both} Tartu were stopped by GPS jamming.")
    assert hit.score > 0


def test_from_alone_is_still_an_origin():
    [hit] = spot_places("A flight from Tartu was stopped by GPS jamming.")
    assert hit.score < 0


# --- French: the agent of a passive, and an idiom with "à" --------------------------------------


def test_french_par_is_by_so_the_jammer_is_a_source():
    # Without the entry the gloss reads "jamming Russia", a bare country the place rules weigh.
    gloss = gloss_text("Selon Tallinn, les signaux GPS sont brouillés par la Russie.", "fr")
    assert "by Russia" in gloss


def test_french_tout_a_fait_is_no_at():
    # Without the entry "à" glosses as "at" and "at Moscow" becomes a place with a role cue.
    gloss = gloss_text("Des actes tout à fait voulus de Moscou, selon le ministre.", "fr")
    assert "at moscow" not in gloss.lower()


# --- the place where one side conducts jamming is its source ------------------------------------

STAGED_FROM = (
    "URL: https://example.org/news/staged-from\n\n"
    "Pyongyang staged GPS jamming attacks in Haeju on Tuesday 4 March 2025, the Joint Chiefs "
    "said; an airliner approaching Incheon lost its satellite fix and landed on instruments.\n"
)


def test_conducted_jamming_in_a_town_is_its_source():
    # Without the rule Haeju has the role cue "in" and the airliner is placed in North Korea.
    hits = spot_places("Pyongyang staged GPS jamming attacks in Haeju on Tuesday.")
    assert [hit.score < 0 for hit in hits if hit.text == "Haeju"] == [True]
    [candidate] = _results(STAGED_FROM).candidates
    assert candidate.values["country"] == "KR"


def test_jamming_met_in_a_town_is_still_its_place():
    [hit] = spot_places("Pilots met GPS jamming in Tartu on Friday.")
    assert hit.score > 0


# --- on an undated page, a later day told of another country is not the flight's --------------

UNDATED_CONTEXT = (
    "URL: https://example.org/news/undated-context\n\n"
    "Jamming troubles flights to Beirut\n\n"
    "A Pegasus Airlines jet approaching Beirut lost its GPS, circled for half an hour and then "
    "flew back to Istanbul.\n\n"
    "GPS jamming was used in February 2022 in Ukraine by Russian units.\n"
)


def test_an_undated_page_takes_no_day_from_another_countrys_context():
    # Without the rule the Beirut flight is dated February 2022, the month of the Ukrainian
    # jamming told in the next paragraph.
    [report] = reports_from_bytes(UNDATED_CONTEXT.encode(), name="page.txt")
    results = extract_results(report, min_score=0.0)
    assert [c.values["date"] for c in results.candidates + results.skipped] == [None]


def test_a_later_day_of_the_same_country_still_dates_it():
    text = UNDATED_CONTEXT.replace("in February 2022 in Ukraine", "on 3 March 2025 in Lebanon")
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    results = extract_results(report, min_score=0.0)
    assert [c.values["date"] for c in results.candidates + results.skipped] == [dt.date(2025, 3, 3)]


# --- a weekday in another language is not a recorded place's name -----------------------------


def _record(location: str, words: set[str]) -> RecordedIncident:
    return RecordedIncident(
        id="2025-12-07-x",
        date=dt.date(2025, 12, 7),
        precision="day",
        end_date=None,
        end_precision="",
        country="DO",
        latitude=18.4,
        longitude=-69.9,
        words=frozenset(words),
        place_words=frozenset(words),
        location=location,
    )


def test_domingo_alone_does_not_name_santo_domingo():
    # Without the rule "desde o domingo" (since Sunday) on a Portuguese page names the record
    # of a flight near Santo Domingo, and its Sunday dates the page.
    record = _record("Near Santo Domingo, Dominican Republic", {"santo", "domingo"})
    assert not _main_place_named(record, {"desde", "domingo", "avioes"})
    assert _main_place_named(record, {"santo", "domingo"})


def test_an_ordinary_place_word_still_names_its_place():
    record = _record("Near Punta Cana, Dominican Republic", {"punta", "cana"})
    assert _main_place_named(record, {"cana", "voo"})


# --- a day named in passing links no record of a far town -------------------------------------

FAR_TOWN = (
    "URL: https://example.org/news/far-town\n\n"
    "After the Delhi spoofing of November 6, a notice now warns crews of GPS interference "
    "within 50 nautical miles of Kolkata, where an IndiGo jet lost its position on approach.\n"
)


def _delhi_recorded(tmp_path: Path):
    row = incident_row(
        **{
            INC.id: "2025-11-06-delhi",
            INC.date: "2025-11-06",
            INC.location: "Delhi",
            INC.latitude: "28.65",
            INC.longitude: "77.23",
            INC.geocode_precision: "city",
            INC.country: "IN",
            INC.region: "South Asia",
            INC.interference: "spoofing",
            INC.aircraft: "Airliners approaching Delhi",
        }
    )
    return load_index(write_recorded(tmp_path / "data", [row]))


def test_a_far_towns_page_is_not_dated_by_the_day_it_names_of_another(tmp_path):
    # Without the rule the undated Kolkata page takes Delhi's recorded 6 November.
    [report] = reports_from_bytes(FAR_TOWN.encode(), name="page.txt")
    results = extract_results(report, recorded=_delhi_recorded(tmp_path), min_score=0.0)
    kolkata = [c for c in results.candidates + results.skipped if "Kolkata" in c.values["location"]]
    assert [c.values["date"] for c in kolkata] == [None]


def test_the_towns_own_page_is_still_dated_by_its_day(tmp_path):
    text = FAR_TOWN.replace("50 nautical miles of Kolkata", "50 nautical miles of Delhi")
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    results = extract_results(report, recorded=_delhi_recorded(tmp_path), min_score=0.0)
    assert dt.date(2025, 11, 6) in [c.values["date"] for c in results.candidates + results.skipped]


# --- "speed" is no past tense -------------------------------------------------------------------

EXPLAINER = (
    "URL: https://example.org/news/explainer\n\n"
    "What crews near Mumbai should know this week\n\n"
    "A notice on satellite navigation for Mumbai airport is in force until Friday.\n"
    "Spoofing feeds a receiver fake satellite signals so an aircraft's computer shows a wrong "
    "place, height or speed.\n"
    "Jamming simply drowns the signal in noise.\n"
)


def test_a_present_tense_definition_ending_in_speed_is_no_event():
    # Without the rule "speed" reads as a past tense and the definition is an incident.
    assert _results(EXPLAINER).candidates == []


def test_the_same_sentence_in_the_past_is_an_event():
    text = EXPLAINER.replace("Spoofing feeds", "On Tuesday spoofing fed").replace(
        "computer shows", "computer showed"
    )
    assert [c.values["country"] for c in _results(text).candidates] == ["IN"]


# --- a vague "malfunction" beside signals lost where aircraft fly is no receiver fault ---------

SIGNALS_LOST = (
    "URL: https://example.org/news/signals-lost\n\n"
    "GPS malfunctions worry crews at Multan\n\n"
    "Pilots say GPS signals are being lost some 100 miles before Multan airport, and a "
    "PIA flight from Doha had to land on instruments on 8 December 2022.\n"
)


def test_signals_lost_before_an_airport_are_not_a_receiver_fault():
    # Without the rule the headline's "malfunctions" makes the page a receiver fault: nothing.
    assert out_of_scope(SIGNALS_LOST) == ""
    [candidate] = _results(SIGNALS_LOST, published=dt.date(2022, 12, 10)).candidates
    assert candidate.values["country"] == "PK"


def test_a_named_fault_cause_stays_a_fault():
    text = SIGNALS_LOST.replace("GPS malfunctions worry", "A software update glitch worries")
    assert out_of_scope(text) == RECEIVER_FAULT


# --- the states of India and the provinces of Pakistan are areas --------------------------------


@pytest.mark.parametrize(
    ("name", "country"),
    [("Goa", "IN"), ("Rajasthan", "IN"), ("Manipur", "IN"), ("Sindh", "PK"), ("Balochistan", "PK")],
)
def test_south_asian_states_are_placed_in_their_country(name, country):
    # Without the areas "Goa" was a town in the Philippines and the others were not found.
    hits = spot_places(f"An airliner lost GPS over {name} on Monday.")
    assert [hit.location.raw["country_code"] for hit in hits] == [country]


# --- a kind named only to contrast it is not the incident's ------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Unlike jamming, which drowns the signal, spoofing feeds the jet a false position.",
        "It was not jamming but spoofing that moved the jet's position by 40 km.",
    ],
)
def test_a_contrasted_kind_is_dropped(sentence):
    # Without the rule both words count and the kind is "both".
    assert interference_type([sentence])[0] == "spoofing"


def test_two_kinds_met_are_still_both():
    text = "The jet met jamming over the sea and then spoofing near the coast."
    assert interference_type([text])[0] == "both"


# --- denials and "no impact" are no events ------------------------------------------------------

DENIAL = (
    "URL: https://example.org/news/denial\n\n"
    "Island carrier says jamming has not touched its flights\n\n"
    "On March 3, navy ships gathered off the coast and GPS jamming has become a feature of the "
    "standoff near Grenada.\n"
    "Talking to reporters on March 4, the chief of LIAT denied that its planes were being "
    "affected by jamming of GPS.\n"
    "A LIAT captain said the interference exists yet does not affect safety, and there is no "
    "impact to operations at Maurice Bishop airport.\n"
)


def test_a_denial_and_no_impact_give_no_incident():
    # Without the rules the denial's day, or the captain's words, made an incident at Grenada.
    assert _results(DENIAL, published=dt.date(2025, 3, 5)).candidates == []


def test_flights_affected_on_a_day_are_still_an_incident():
    text = DENIAL.replace(
        "denied that its planes were being affected", "said two of its planes were affected"
    )
    assert _results(text, published=dt.date(2025, 3, 5)).candidates != []


@pytest.mark.parametrize(
    "sentence",
    [
        "The chief of LIAT denied that its planes were being affected by jamming of GPS.",
        "There is no impact to operations at the airport, the carrier said of the jamming.",
        "A captain said the interference exists yet does not affect safety.",
        "The carrier says GPS jamming has not touched its flights.",
    ],
)
def test_each_denial_form_is_not_an_event(sentence):
    assert _not_happened(sentence)


def test_an_affected_flight_is_an_event():
    assert not _not_happened("Two of its planes were affected by jamming of GPS on Monday.")


def test_has_become_a_feature_is_a_generic_line():
    assert _GENERIC.search("GPS jamming has become a feature of the standoff near Grenada.")


# --- the day of an interview is when it was said, not when it happened -------------------------

INTERVIEW = (
    "URL: https://example.org/news/interview\n\n"
    "Speaking to the Finnmark Gazette on Tuesday, a Widerøe captain said his Dash 8 lost its GPS "
    "signal near Kirkenes and he flew the approach on instruments.\n"
)


def test_an_interviews_day_is_the_reported_day():
    # Without the rule Tuesday is the flight's own day, with the bonus of a day named.
    [candidate] = _results(INTERVIEW, published=dt.date(2025, 3, 7)).candidates
    assert any("the day it was reported" in reason for reason in candidate.reasons)
    assert not any("a day is named" in reason for reason in candidate.reasons)


def test_a_flight_on_a_day_said_in_an_interview_keeps_its_day():
    text = INTERVIEW.replace("near Kirkenes", "near Kirkenes on Monday")
    [candidate] = _results(text, published=dt.date(2025, 3, 7)).candidates
    assert candidate.values["date"] == dt.date(2025, 3, 3)
