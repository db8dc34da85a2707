"""Session 17: rules found on the tuning half of holdout19, each with a fixture in our own words
(invented places, people and records where a record is needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import ingested_days as _days
from helpers import russian_incident_row as _row
from helpers import source_row, write_dataset

from tracker.geocode.regions import region_for
from tracker.ingest import ingest_text
from tracker.ingest import recorded as rec
from tracker.ingest.candidates import extract_results
from tracker.ingest.places import spot_places
from tracker.ingest.readers import reports_from_bytes
from tracker.schema import INC, SRC


def _found(text: str, data_dir: Path | None = None, published=None) -> list[dict]:
    (report,) = reports_from_bytes(text.encode(), name="page.txt")
    found = extract_results(
        report,
        published=published,
        recorded=rec.load_index(data_dir) if data_dir is not None else None,
    ).candidates
    return [c.values for c in found]


# A short range of days and as many aircraft: one incident a day.


def test_a_range_of_two_days_with_two_flights_is_one_incident_a_day():
    text = (
        "Published: 2024-05-02\n\n"
        "Jamming of satellite navigation sent back two airBaltic jets bound for Kaunas, "
        "Lithuania, on April 25-26; both went home to Riga."
    )
    assert _days(text) == ["2024-04-25", "2024-04-26"]
    # A range with no count of aircraft stays one incident over the days.
    one = text.replace("two airBaltic jets", "airBaltic jets")
    assert _days(one) == ["2024-04-25"]


def test_the_next_sentence_counting_the_same_aircraft_gives_their_days():
    text = (
        "Published: 2024-05-02\n\n"
        "Since two Lufthansa airliners gave up their landings because GPS was jammed, officials "
        "say lives could be at risk. "
        "On April 25-26, two jets heading for the Lithuanian city of Kaunas broke off and went "
        "back to Riga, as their crews could not trust the approach. "
        "airBaltic's safety chief said GPS interference had been growing for two years."
    )
    # Before: the range was read as one incident over both days.
    assert _days(text) == ["2024-04-25", "2024-04-26"]


def test_counted_aircraft_of_an_airline_are_particular_not_a_trend():
    from tracker.ingest.candidates import _is_anchor
    from tracker.ingest.text import split_sentences

    def anchor(text: str) -> bool:
        (sentence,) = split_sentences(text)
        return _is_anchor(sentence, crew_narrative=False, topic=True)

    # "could" marks a trend or a warning, unless the sentence names particular aircraft.
    assert anchor(
        "Since two Lufthansa aircraft gave up their landings because GPS was jammed, officials "
        "say lives could be at risk."
    )
    assert not anchor(
        "Since aircraft gave up their landings because GPS was jammed, officials say lives "
        "could be at risk."
    )


def test_ministers_of_a_place_do_not_place_an_incident_there():
    text = "After the jamming, the Baltic foreign ministers met in the capital."
    assert spot_places(text, weight=3.0) == []
    # The region itself is still a place.
    (hit,) = spot_places("Jamming over the Baltic has grown.", weight=3.0)
    assert hit.text == "Baltic"


# The sentence that dates an incident tells where, even in another paragraph.


def test_the_sentence_that_dates_an_incident_helps_place_it():
    text = (
        "Published: 2025-06-09\n\n"
        "The jet had been flying on Sunday from Warsaw to Rovaniemi in Finland, when it "
        "returned.\n\n"
        "The crew said the aircraft lost GPS over the sea. Jamming has grown in the Baltic "
        "Sea, officials say."
    )
    (found,) = ingest_text(text)
    assert found.values["country"] == "FI"
    assert found.values["date"].isoformat() == "2025-06-08"


# Recorded incidents (invented, near Orsk in Russia): what a page adds to the record.


@pytest.fixture
def month_record(tmp_path: Path) -> Path:
    rows = [
        _row("2025-05-01-orsk", "2025-05-01", "Orsk Airport", **{
             INC.date_precision: "month", INC.operator: "Norland Air",
             INC.aircraft: "Airbus A320"}),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: rows[0][INC.id]})]
    return write_dataset(tmp_path / "data", rows, sources)


def test_a_page_that_names_the_day_of_an_incident_recorded_by_its_month_gives_the_day(
    month_record,
):
    # An undated page: "17 May" has no year of its own, so only the record can date it.
    text = (
        "Norland Air cut its winter timetable. "
        "On 17 May a Norland Air flight to Orsk turned back with GPS trouble. "
        "The airline said it would review the route."
    )
    (found,) = _found(text, month_record)
    # Before: the record's month (2025-05, month precision), though the page names the day.
    assert (found[INC.date], found[INC.date_precision]) == (dt.date(2025, 5, 17), "day")


@pytest.fixture
def route_record(tmp_path: Path) -> Path:
    # A flight that lost GPS on the approach to Burgas, in Bulgaria.
    rows = [
        _row("2025-08-31-burgas", "2025-08-31", "Burgas Airport", **{
             INC.aircraft: "Jet carrying Chancellor Mira Talvik", INC.latitude: "42.57",
             INC.longitude: "27.52", INC.country: "BG",
             INC.region: region_for("BG", 42.57, 27.52)}),
    ]  # fmt: skip
    sources = [source_row(**{SRC.incident_id: rows[0][INC.id]})]
    return write_dataset(tmp_path / "data", rows, sources)


def test_a_route_that_names_a_recorded_place_takes_the_recorded_place(route_record):
    text = (
        "On Sunday the jet of Chancellor Mira Talvik, en route from Warsaw to Burgas, climbed. "
        "Its GPS signal dropped out during the flight, her office said."
    )
    (values,) = _found(text, route_record, published=dt.date(2025, 9, 1))
    # Before: placed at the route's midpoint, in Romania, and not linked, so the record was
    # recalled as a second candidate.
    assert (values[INC.location], values[INC.country]) == ("Burgas Airport", "BG")
    assert values[INC.date] == dt.date(2025, 8, 31)


def test_a_far_country_named_in_the_report_is_not_the_country_of_an_area():
    text = (
        "Published: 2023-09-04\n\n"
        "Airliners and false signals.\n\n"
        "South Korea's aviation agency said that in August 2023, pilots of a passenger aircraft "
        "flying over the Middle East reported that GPS spoofing sent false positions to their "
        "navigation systems."
    )
    (found,) = ingest_text(text)
    assert found.values["location"] == "Middle East"
    # Before: South Korea, the only country the report names, some 7,000 km away (whose
    # agency said it).
    assert found.values["country"] == ""


def test_a_weekday_with_its_day_in_brackets_names_that_day():
    from tracker.ingest.dates import find_dates

    (mention,) = find_dates("On Monday (30) the jet returned.", base=dt.date(2025, 6, 2))
    # The day of the page's month, else of the month before.
    assert mention.date == dt.date(2025, 5, 30)
    # Portuguese news writes it so; on a page known only to its month, it is still the day.
    text = (
        "Um jato da Norland Air ficou sem o sinal de GPS nesta quarta-feira (25), na aproximação "
        "a Aktau, no Cazaquistão."
    )
    (report,) = reports_from_bytes(text.encode(), name="page.txt")
    (found,) = extract_results(
        report, published=dt.date(2024, 12, 1), published_month=True
    ).candidates
    # Before: only the month (a weekday on a page of December 2024).
    assert (found.values[INC.date], found.values[INC.date_precision]) == (
        dt.date(2024, 12, 25),
        "day",
    )


def test_where_a_flight_was_bound_gives_way_to_where_it_was_over():
    text = (
        "Published: 2024-10-05\n\n"
        "A Boeing 777 bound for Doha had to hold for an hour above the Tehran FIR on 2 October "
        "after its GPS was spoofed, a pilots' group said."
    )
    (found,) = ingest_text(text)
    # Before: "bound for" counted as much as "above", and Doha, a city, won.
    assert found.values["country"] == "IR"
    # Alone, the destination still places the incident.
    (alone,) = ingest_text(text.replace(" above the Tehran FIR", ""))
    assert alone.values["country"] == "QA"


def test_an_airports_iata_code_after_a_crews_word_of_arriving_places_the_incident():
    text = (
        "Report of January 2024. Narrative: On descent into ELP we received a GPS LOSS message "
        "followed by terrain alerts. ATC advised of GPS testing at White Sands. We continued "
        "with conventional navigation and landed without incident."
    )
    (found,) = ingest_text(text)
    # Before: three capitals are never looked up, so the test range was the only place.
    assert found.values["location"].startswith("El Paso International Airport")
    # Initials after other words are still not looked up ("a statement from NRK").
    assert spot_places("A statement from NRK said the jet landed.", weight=1.0) == []


def test_flights_to_a_town_that_turned_back_were_going_there():
    (hit,) = spot_places("Two flights to Tartu turned back on 25 and 26 April.", weight=1.0)
    # Before: read as a gloss's verb-last "had to Tartu return", the place they went back to.
    assert (hit.text, hit.score > 0) == ("Tartu", True)
    (gloss,) = spot_places("The plane had to Helsinki returned.", weight=1.0)
    assert gloss.role == "origin"


def test_a_local_time_at_sea_near_midnight_is_read_in_the_seas_nautical_zone():
    from tracker.ingest.localtime import utc_date

    told = "lost its GPS signal at about 01:30 local time on 24 August over the Black Sea"
    # 34.5 degrees east: UTC+2, so 23:30 UTC on the 23rd. Before: no zone at sea, no shift.
    assert utc_date(dt.date(2024, 8, 24), told, "", 34.5) == dt.date(2024, 8, 23)
    assert utc_date(dt.date(2024, 8, 24), told.replace("01:30", "11:30"), "", 34.5) == (
        dt.date(2024, 8, 24)
    )
    # With no longitude, nothing to go by.
    assert utc_date(dt.date(2024, 8, 24), told, "") == dt.date(2024, 8, 24)


def test_a_timeline_line_in_the_present_tense_is_an_incident():
    text = (
        "Published: 2025-09-30\n\n"
        "GPS jamming and VIP flights: a timeline\n\n"
        "- 13 March 2024: the British defence secretary's RAF jet loses GPS for half an "
        "hour near Kaliningrad.\n"
        "- 24 September 2025: a Spanish Air Force jet with the defence minister aboard has its "
        "GPS jammed near Kaliningrad."
    )
    # Before: "loses" was no word of a problem, so only the second line was found.
    assert _days(text) == ["2024-03-13", "2025-09-24"]


def test_the_atlantic_is_the_ocean():
    text = (
        "Published: 2025-09-05\n\n"
        "A Boeing 787 bound for Newark lost GPS navigation for twenty minutes on Thursday night "
        "over the Atlantic, southeast of Newfoundland, the FAA said."
    )
    (found,) = ingest_text(text)
    # Before: "Atlantic" was a small town in Iowa, so the destination placed the incident.
    assert (found.values["location"], found.values["country"]) == ("North Atlantic", "")


def test_a_relative_update_stamp_is_no_publication_date():
    text = (
        "Updated 2 hours ago\n\n"
        "A Lufthansa Airbus A350 flying from Munich to Seoul had its GPS jammed over Mongolia "
        "earlier on Tuesday, a company spokesperson said."
    )
    (report,) = reports_from_bytes(text.encode(), name="page.txt")
    # Before: dateparser counted "2 hours ago" from the machine's clock, so the page was
    # dated today and "Tuesday" was this week's.
    assert report.published is None
    (found,) = extract_results(report, published=dt.date(2025, 3, 12)).candidates
    assert found.values[INC.date] == dt.date(2025, 3, 11)


def test_a_hyphened_destination_or_route_is_read_as_one():
    # "Vilnius-bound": where the flight was going, as "bound for Vilnius" is.
    (bound,) = spot_places("A Vilnius-bound Ryanair flight lost GPS.", weight=1.0)
    assert (bound.text, bound.role) == ("Vilnius", "arrival")
    # "the Warsaw-Plovdiv flight": a route, as "the Warsaw - Plovdiv flight" is.
    origin, destination = spot_places("The Warsaw-Plovdiv flight lost GPS.", weight=1.0)
    assert (origin.text, origin.score < 0) == ("Warsaw", True)
    assert (destination.text, destination.role) == ("Plovdiv", "destination")
    # A hyphened place is still one place, and a hyphened brand no place.
    assert [h.text for h in spot_places("Flights to Baden-Baden were hit.")] == ["Baden-Baden"]
    assert spot_places("The Rolls-Royce engine failed on the flight.") == []


def test_a_french_route_written_with_a_is_a_route_in_the_gloss():
    from tracker.ingest.languages.gloss import gloss_line

    # "reliant Paris à Beyrouth": the verb is dropped, and "à" between two names is "to".
    glossed = gloss_line("Un Airbus d'Air France reliant Paris à Beyrouth a perdu le GPS.", "fr")
    assert "Paris to Beirut" in glossed
    text = (
        "Un avion d'Air France brouillé près de Chypre\n\n"
        "Un Airbus A321 d'Air France reliant Paris à Beyrouth a subi un brouillage de son signal "
        "GPS le 12 mars au-dessus de la Méditerranée orientale, selon la compagnie."
    )
    (report,) = reports_from_bytes(text.encode(), name="page.txt")
    (found,) = extract_results(report, published=dt.date(2025, 3, 13)).candidates
    # Before: "Paris at Beirut" made Beirut a city where the jet was, over the sea.
    assert found.values[INC.location] == "Eastern Mediterranean"


def test_an_airline_and_the_declined_ends_of_its_route_are_places_not_a_name():
    from tracker.ingest.languages.gloss import gloss_line

    # Finnish: "Finnairin Helsingistä Tarttoon" (Finnair's, from Helsinki, to Tartu). Before:
    # three capitalised words were taken for a person's or an agency's name.
    glossed = gloss_line("Finnairin Helsingistä Tarttoon lentänyt kone kääntyi takaisin.", "fi")
    assert "from Helsinki to Tartu" in glossed


def test_a_turkish_suffix_after_the_apostrophe_says_from_to_or_in():
    from tracker.ingest.languages.gloss import gloss_line

    glossed = gloss_line("İstanbul'dan Erbil'e giden uçakta GPS sinyali kesildi.", "tr")
    assert glossed.startswith("From Istanbul to Erbil")
    assert gloss_line("Ankara'da uçak indi.", "tr").startswith("In Ankara")


def test_an_airline_right_after_a_place_does_not_make_it_a_name():
    # A gloss drops "flown by": "to Erbil Pegasus the aircraft".
    hits = spot_places("From Istanbul to Erbil Pegasus the aircraft lost GPS.", weight=1.0)
    assert "Erbil" in [h.text for h in hits]
    # A person's surname after a place still makes a name ("Vilnius Smith").
    assert "Vilnius" not in [h.text for h in spot_places("Then Vilnius Smith spoke.")]


def test_a_short_czech_text_with_a_word_polish_shares_is_czech():
    from tracker.ingest.languages.detect import detect_language

    text = (
        "Letadlo Českých aerolinií letící z Prahy do Vilniusu ve čtvrtek ztratilo signál GPS "
        "nad Polskem, uvedla společnost."
    )
    # Before: "nad" and "do" are Polish words too, and Polish won, though the text writes not
    # one letter of Polish (and so the Polish gloss read almost nothing).
    assert detect_language(text).code == "cs"


def test_a_records_state_reference_places_it_in_that_state():
    text = (
        "Date : 202402\n"
        "State Reference : NM\n"
        "Flight Phase : Cruise\n"
        "Narrative: 1\n"
        "In cruise at FL350 both FMCs lost GPS updating and ATC told us of GPS interference "
        "testing in the area. We took vectors and went on to our destination.\n"
    )
    (found,) = ingest_text(text)
    # Before: only the country, though the record names the state.
    assert found.values["location"].startswith("New Mexico")
    # A state the gazetteer has no area for still gives the country.
    (other,) = ingest_text(text.replace(": NM", ": OH"))
    assert other.values["location"] == "United States"


def test_a_russian_route_from_one_town_into_another_is_a_route():
    from tracker.ingest.languages.gloss import gloss_line

    # "из Новосибирска в Москву": "в" is "in" and "into"; after "from" a town, it is "to".
    assert "from Novosibirsk to Moscow" in gloss_line(
        "Самолёт летел из Новосибирска в Москву.", "ru"
    )
    # Polish writes "do" for "to": "w" stays "in".
    assert "to Poland" not in gloss_line("Samolot z Warszawy w Polsce wylądował.", "pl")


def test_a_trend_headline_in_a_newsletters_contents_makes_no_incident():
    text = (
        "Air Safety Roundup - 9 March 2024 No. 41 Contents : Incident: Freighter over the "
        "Atlantic on Mar 8th 2024, hydraulic leak : Incident: Commuter jet at Orlando on Mar 2nd "
        "2024, fumes in the cabin : Agency Asks Pilots To Fly By Hand As GNSS Spoofing "
        "Incidents Increase : Drone seen near a helipad"
    )
    # Before: the spoofing headline was an incident sentence, and took the days and places of
    # the other stories on its line (the Orlando fumes and the Atlantic leak).
    assert ingest_text(text) == []


def test_a_headline_of_incidents_increasing_is_a_trend():
    from tracker.ingest.candidates import _is_anchor
    from tracker.ingest.text import split_sentences

    (sentence,) = split_sentences(
        "Agency urges pilots of airliners to prepare for GNSS spoofing as incidents increase"
    )
    assert not _is_anchor(sentence, crew_narrative=False, topic=True)


def test_headlines_joined_by_colons_are_sentences_of_their_own():
    from tracker.ingest.text import split_sentences

    line = (
        "Contents : Incident: Freighter over the Atlantic on Mar 8th 2024, hydraulic leak : "
        "Agency Asks Pilots To Fly By Hand As GNSS Spoofing Incidents Increase : Drone seen "
        "near a helipad"
    )
    texts = [s.text for s in split_sentences(line)]
    # Before: one sentence, cut anywhere once it grew too long.
    assert "Agency Asks Pilots To Fly By Hand As GNSS Spoofing Incidents Increase" in texts
    # A colon or two in a sentence is still a sentence.
    assert len(split_sentences("Note : the crew : lost GPS near Riga.")) == 1


def test_the_day_of_a_plan_dates_no_incident():
    text = (
        "Published: 2025-09-01\n\n"
        "The minister's jet held over the city for an hour and its crew came down with printed "
        "charts, as GPS was jammed, her staff said.\n\n"
        "Her tour goes on, and she will travel on Monday to meetings in Romania, in Constanța."
    )
    found = ingest_text(text)
    # Before: "on Monday", the day the tour goes on, and Constanța dated and placed the jamming.
    assert [c.values["country"] for c in found] != ["RO"]
    assert all(
        c.values["date"] != dt.date(2025, 9, 1) or c.values["country"] != "RO" for c in found
    )
    from tracker.ingest.candidates import _event_dates

    plan = "The minister will travel on Monday to meetings in Romania."
    assert _event_dates(plan, dt.date(2025, 9, 3)) == []
    assert _event_dates("The jet lost GPS on Monday.", dt.date(2025, 9, 3)) != []


def test_a_countrys_name_with_and_in_it_is_read_whole():
    (hit,) = spot_places("Flights over Trinidad and Tobago were hit.", weight=1.0)
    # Before: "Trinidad" alone, a town in Bolivia.
    assert (hit.text, hit.country) == ("Trinidad and Tobago", "TT")
    # Two places joined by "and" stay two.
    hits = spot_places("Latvia and Lithuania reported jamming.", weight=1.0)
    assert [h.country for h in hits] == ["LV", "LT"]


def test_a_warning_to_an_areas_carriers_is_no_flight_to_recall(tmp_path):
    from helpers import recalled

    rows = [
        _row("2025-05-16-orsk-warning", "2025-05-16", "Airspace near Orsk (NOTAM area)", **{
             INC.aircraft: "Norland carriers and Norland-registered aircraft near Orsk"}),
    ]  # fmt: skip
    data = write_dataset(
        tmp_path / "data", rows, [source_row(**{SRC.incident_id: rows[0][INC.id]})]
    )
    text = (
        "On 16 May 2025 the regulator told Norland carriers flying near Orsk to expect GPS jamming"
    )
    # Before: "carriers" was read as one aircraft, so a story on the warning retold a flight.
    assert recalled(data, text) == []


def test_a_month_told_beside_days_of_that_month_is_no_third_incident(tmp_path):
    rows = [
        _row(f"2025-04-{day}-orsk", f"2025-04-{day}", "Orsk Airport", **{
             INC.aircraft: "Airbus A320", INC.operator: "Norland Air"})
        for day in (24, 25)
    ]  # fmt: skip
    data = write_dataset(
        tmp_path / "data", rows, [source_row(**{SRC.incident_id: r[INC.id]}) for r in rows]
    )
    # A rough gloss: the days are read only through the records.
    text = (
        "Russia blamed: last week GPS interference, navigation interference 2 aircraft.\n"
        "2 from Velgorod to Orsk the flight Norland Air on Thursday on Friday. Experts the "
        "flight GPS interference affected."
    )
    found = _found(text, data, published=dt.date(2025, 4, 29))
    # Before: "last week" gave a third candidate, April 2025 in Russia, beside the two days.
    assert sorted((v[INC.date], v[INC.date_precision]) for v in found) == [
        (dt.date(2025, 4, 24), "day"),
        (dt.date(2025, 4, 25), "day"),
    ]
