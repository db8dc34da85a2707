"""Session 26: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt

from helpers import incident_row, write_recorded

from tracker.ingest.assess import PARLIAMENT_ANSWER_PENALTY
from tracker.ingest.candidates import extract_results
from tracker.ingest.places import spot_places
from tracker.ingest.readers import reports_from_bytes
from tracker.ingest.recorded import load_index, report_words
from tracker.schema import INC


def _results(text: str, *, published=None, recorded=None, min_score=None):
    """What ingestion makes of a page written in our own words."""
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    return extract_results(report, published=published, recorded=recorded, min_score=min_score)


def _index(tmp_path, *rows):
    """The recorded incidents ``rows``, each with one source, as ingestion links to them."""
    return load_index(write_recorded(tmp_path / "data", list(rows)))


# --- a page dated by its address's month that names a recorded day ------------------------------

# A wire story about an inquiry: its address gives only the month, its text no day of the
# interference, and its names (the minister, the region) are those of one recorded warning.
INQUIRY_PAGE = (
    "URL: https://example.org/2025/06/zeltine-probe/\n\n"
    "Lithuania looks into GPS trouble during drills\n\n"
    "Lithuania says it is checking whether its neighbour recently interfered with GPS signals "
    "in the northern Lithuanian region of Zeltine during drills, putting civil air traffic at "
    "risk.\n"
    "Minister Kaarel Voss announced the check days after the air navigation service warned "
    "pilots of lost GPS signals.\n"
    "The neighbour's embassy said it knew nothing about it.\n"
)


def _warning_index(tmp_path, precision: str = "day"):
    row = incident_row(
        **{
            INC.id: "2025-06-18-zeltine",
            INC.date: "2025-06-18" if precision == "day" else "2025-06-01",
            INC.date_precision: precision,
            INC.location: "Zeltine region, northern Lithuania",
            INC.latitude: "55.6",
            INC.longitude: "21.2",
            INC.geocode_precision: "area",
            INC.country: "LT",
            INC.aircraft: "Civil air traffic in general (warning to pilots)",
            INC.summary: "Minister Kaarel Voss said the signals were lost during drills.",
        }
    )
    return _index(tmp_path, row)


def _inquiry_results(index):
    return _results(INQUIRY_PAGE, recorded=index)


def test_a_month_dated_page_naming_a_recorded_day_is_proposed(tmp_path):
    # Without the rule the guess "publication month used" still costs the candidate 0.25
    # after the record has given it a day, and it is skipped.
    results = _inquiry_results(_warning_index(tmp_path))
    [candidate] = results.candidates
    assert candidate.values[INC.date] == dt.date(2025, 6, 18)
    assert not any("publication month used" in reason for reason in candidate.reasons)


def test_a_recorded_month_does_not_lift_the_guess(tmp_path):
    # A recorded month names no particular event: the page waits for review as before.
    results = _inquiry_results(_warning_index(tmp_path, precision="month"))
    assert results.candidates == []


def test_without_a_record_the_page_is_not_proposed():
    assert _inquiry_results(None).candidates == []


# --- an incident at sea, placed by the sentences that follow ------------------------------------

# A short news item in one-sentence paragraphs: the lede tells of airliners over a sea with no
# country, and the next paragraphs say in whose airspace most of them were.
SEA_PAGE = (
    "URL: https://example.org/news/north-sea-trouble\n\n"
    "Hundreds of airliners lose GPS over the North Sea\n\n"
    "Airliners crossing the North Sea have reported jammed GPS signals since Sunday, with "
    "hundreds of crews filing reports.\n\n"
    "Pilots described the trouble as the worst they had seen.\n\n"
    "Most of the cases appear to lie in Danish airspace, tracking sites show.\n\n"
    "Little to no interference was seen over Norway, they add.\n"
)


def _sea_countries(text: str) -> list[str]:
    results = _results(text, published=dt.date(2025, 3, 4), min_score=0.0)
    return [c.values[INC.country] for c in results.candidates]


def test_an_incident_at_sea_takes_the_airspace_the_next_sentences_name():
    # Without the rule the North Sea has no country, and no label can match it.
    assert _sea_countries(SEA_PAGE) == ["DK"]


def test_a_country_where_there_was_no_interference_does_not_count():
    text = SEA_PAGE.replace(
        "Most of the cases appear to lie in Danish airspace, tracking sites show.\n\n", ""
    )
    assert _sea_countries(text) == [""]


# --- the kind of interference kept only in the page's address -----------------------------------

# An aggregator's copy that says only "interference", under an address that keeps the
# headline's "jammed".
SLUG_PAGE = (
    "URL: https://example.org/world/2026/02/10/envoy-plane-gps-signal-jammed-near-border/\n\n"
    "An aircraft carrying the trade envoy Lena Marsh met GPS interference on Monday while "
    "flying near the border of Belarus, her office said.\n"
    "The flight landed safely in Vilnius.\n"
)


def _kinds(text: str) -> list[str]:
    results = _results(text, published=dt.date(2026, 2, 10), min_score=0.0)
    return [c.values[INC.interference] for c in results.candidates]


def test_the_address_names_the_kind_the_text_leaves_open():
    # Without the rule the candidate's kind is "unknown".
    assert _kinds(SLUG_PAGE) == ["jamming"]


def test_an_address_without_words_names_no_kind():
    text = SLUG_PAGE.replace("envoy-plane-gps-signal-jammed-near-border/", "a/1609325829")
    assert _kinds(text) == ["unknown"]


# --- the days of a military exercise are not the interference's --------------------------------

DRILL_PAGE = (
    "URL: https://example.org/news/drill-gps\n\n"
    "Pilots in the far north lose GPS during drills\n\n"
    "The alliance held its largest naval exercise in years off Finnmark from 3 to 14 March.\n"
    "Pilots of a regional airline reported losing GPS signals over Finnmark, the airline "
    "said.\n"
)


def _drill_dates(text: str) -> list:
    results = _results(text, published=dt.date(2025, 3, 20), min_score=0.0)
    return [(c.values[INC.date], c.values[INC.date_precision]) for c in results.candidates]


def test_the_days_of_an_exercise_do_not_date_the_interference():
    # Without the rule the pilots' trouble is dated to the first day of the drills; with it
    # the page names no day of its own, and a reviewer (or a recorded incident) must date it.
    assert _drill_dates(DRILL_PAGE) == [(None, "day")]


def test_a_day_the_pilots_lost_gps_during_drills_still_dates_it():
    text = DRILL_PAGE.replace(
        "reported losing GPS signals", "reported losing GPS signals on 5 March"
    )
    assert _drill_dates(text) == [(dt.date(2025, 3, 5), "day")]


# --- two countries paired as where the trouble was ----------------------------------------------

PAIR_PAGE = (
    "URL: https://example.org/news/pilots-two-countries\n\n"
    "Airline pilots report GPS trouble\n\n"
    "Airline pilots in Latvia and Estonia reported jammed GPS signals on Sunday, the two "
    "countries' air navigation services said.\n"
)


def _pair_countries(text: str) -> list[str]:
    results = _results(text, published=dt.date(2025, 4, 8), min_score=0.0)
    return sorted(c.values[INC.country] for c in results.candidates)


def test_two_countries_paired_as_where_it_happened_are_two_incidents():
    # Without the rule only the first country is proposed.
    assert _pair_countries(PAIR_PAGE) == ["EE", "LV"]


def test_a_route_between_two_countries_is_one_incident():
    text = PAIR_PAGE.replace(
        "Airline pilots in Latvia and Estonia reported",
        "Airline pilots flying between Latvia and Estonia reported",
    )
    assert len(_pair_countries(text)) == 1


# --- a new flight elsewhere does not lend its month to an undated one ---------------------------

TWO_FLIGHTS_PAGE = (
    "URL: https://example.org/news/airline-gps-small\n\n"
    "Airline calls GPS trouble a small problem\n\n"
    "Last year Latvia and Lithuania said Russia was jamming GPS in the region.\n"
    "A Nordair jet about to land at Riga airport was diverted to Tallinn because of GPS "
    "jamming, Latvia's air navigation service said.\n"
    "In December, a Gdansk-bound flight had to land in Germany after GPS problems, the airline "
    "said.\n"
)


def _flight_months(text: str) -> list[tuple]:
    results = _results(text, published=dt.date(2025, 1, 21), min_score=0.0)
    return [(c.values[INC.country], c.values[INC.date]) for c in results.candidates]


def test_a_new_flight_elsewhere_does_not_date_the_undated_one():
    # Without the rule the Riga diversion is dated to December, the Gdansk flight's month.
    assert ("LV", dt.date(2024, 12, 1)) not in _flight_months(TWO_FLIGHTS_PAGE)


def test_the_same_flight_told_again_with_its_month_is_still_dated():
    text = TWO_FLIGHTS_PAGE.replace(
        "a Gdansk-bound flight had to land in Germany",
        "the jet bound for Riga had to land in Tallinn",
    )
    assert ("LV", dt.date(2024, 12, 1)) in _flight_months(text)


# --- an undated page's own "reported on Monday, June 2" links it to the flights before ----------

# A suspension page with no date line: the only day it names is when the airline told the news.
SUSPENSION_PAGE = (
    "URL: https://example.org/news/nordair-suspends-kaunas\n\n"
    "Nordair suspends its flights to Kaunas\n\n"
    "The airline Nordair has suspended all its flights to the Lithuanian city of Kaunas for a "
    "month because of interference with GPS.\n"
    "This was announced by the carrier's press office on Monday, June 2.\n"
    "Recently two Nordair planes flying from Riga to Kaunas had to turn around after their GPS "
    "signals were disturbed.\n"
)


def _suspension_index(tmp_path):
    row = incident_row(
        **{
            INC.id: "2025-05-29-kaunas",
            INC.date: "2025-05-29",
            INC.location: "Approach to Kaunas Airport",
            INC.latitude: "54.96",
            INC.longitude: "24.08",
            INC.geocode_precision: "airport",
            INC.country: "LT",
            INC.operator: "Nordair",
            INC.aircraft: "Nordair ATR 72 from Riga",
        }
    )
    return _index(tmp_path, row)


def test_the_day_an_undated_page_was_told_links_it_to_the_flights_before(tmp_path):
    results = _results(SUSPENSION_PAGE, recorded=_suspension_index(tmp_path), min_score=0.0)
    # Without the rule the candidate keeps the day of the announcement, 2 June, unlinked.
    assert [(c.values[INC.date], c.recorded) for c in results.candidates] == [
        (dt.date(2025, 5, 29), "2025-05-29-kaunas")
    ]


# --- a recorded flight known only to its month still dates the page that tells it --------------

FLIGHT_MONTH_PAGE = (
    "URL: https://example.org/news/nordair-spoofed\n\n"
    "Nordair jet spoofed on its way to Larnaca\n\n"
    "A Nordair jet flying from Adana to Larnaca had its GPS spoofed, the airline told Aero "
    "magazine.\n"
    "The crew switched off the GPS sensors and Larnaca controllers guided the aircraft.\n"
)


def _flight_month_index(tmp_path, aircraft: str):
    row = incident_row(
        **{
            INC.id: "2025-03-01-adana-larnaca",
            INC.date: "2025-03-01",
            INC.date_precision: "month",
            INC.location: "Between Adana and Larnaca",
            INC.latitude: "35.5",
            INC.longitude: "34.2",
            INC.geocode_precision: "area",
            INC.country: "CY",
            INC.operator: "Nordair",
            INC.aircraft: aircraft,
        }
    )
    return _index(tmp_path, row)


def _flight_month_results(tmp_path, aircraft: str):
    return _results(
        FLIGHT_MONTH_PAGE,
        published=dt.date(2025, 4, 2),
        recorded=_flight_month_index(tmp_path, aircraft),
    )


def test_a_recorded_flight_of_a_month_dates_the_page_that_tells_it(tmp_path):
    # Without the rule the guess that the news is of the publication day still costs the
    # candidate 0.25 after the record dated it, and it is skipped.
    [candidate] = _flight_month_results(tmp_path, "Nordair A320").candidates
    assert candidate.values[INC.date] == dt.date(2025, 3, 1)


def test_a_recorded_month_of_many_aircraft_does_not(tmp_path):
    assert _flight_month_results(tmp_path, "Several aircraft").candidates == []


# --- an Embraer written out is its record's type code -------------------------------------------


def test_an_embraer_written_out_is_named_by_its_type_code():
    # Without the rule "Embraer 190" gives no "e190", the name a record of the aircraft keeps.
    assert "e190" in report_words("The crashed Embraer 190 was flying from Baku.")
    assert "e190" in report_words("an Embraer E-190 jet")
    assert "e190" not in report_words("Embraer said that 190 people were aboard.")


# --- an airline named only by country and ordinary words is still a name ------------------------

AIRLINE_PAGE = (
    "URL: https://example.org/news/air-latvia-kaunas\n\n"
    "On Wednesday an Air Latvia jet bound for Kaunas lost its GPS signal and went around, the "
    "airport said.\n"
)


def test_an_airline_named_by_country_words_counts_as_a_name(tmp_path):
    row = incident_row(
        **{
            INC.id: "2025-05-14-kaunas",
            INC.date: "2025-05-14",
            INC.location: "Kaunas Airport approach",
            INC.latitude: "54.96",
            INC.longitude: "24.08",
            INC.country: "LT",
            INC.operator: "Air Latvia",
        }
    )
    index = _index(tmp_path, row)
    results = _results(AIRLINE_PAGE, published=dt.date(2025, 5, 16), recorded=index)
    # Without the rule "Air Latvia" gives no name (a short word and a country's), and Kaunas
    # alone is too little to link.
    assert [c.recorded for c in results.candidates] == ["2025-05-14-kaunas"]


# --- a minister's answer to a parliament sums up; its flights are examples ---------------------

ANSWER_PAGE = (
    "URL: https://example.org/news/minister-answer-spoofing\n\n"
    "GPS spoofing at Riga airport, the House is told\n\n"
    "An Airbus approaching Riga airport on 3 November had its GPS spoofed and flew a "
    "conventional approach, the transport minister told the House in a written reply.\n"
    "Reports had also come from three other airports, he said.\n"
)


def _answer_scores(text: str) -> list[float]:
    results = _results(text, published=dt.date(2025, 12, 1), min_score=0.0)
    return [c.score for c in results.candidates]


NEWS_PAGE = ANSWER_PAGE.replace(
    "the transport minister told the House in a written reply", "the airport said"
).replace(", the House is told", "")


def test_a_ministers_answer_to_a_parliament_is_held_back_even_with_a_flight():
    # Without the rule the answer scores as the news does: the statement penalty spares a
    # lede that names an aircraft, and "told the House" was no statement cue.
    [answer], [news] = _answer_scores(ANSWER_PAGE), _answer_scores(NEWS_PAGE)
    assert round(news - answer, 2) == -PARLIAMENT_ANSWER_PENALTY


def test_a_question_in_a_parliament_about_the_news_is_not_an_answer():
    text = NEWS_PAGE + "An MP asked the minister about the flight on Tuesday.\n"
    assert _answer_scores(text) == _answer_scores(NEWS_PAGE)


# --- an exercise's name is not a town ------------------------------------------------------------


def test_an_exercises_name_is_not_a_town():
    # Without the rule "Trident" (of Trident Juncture) is read as Trento, Italy.
    text = (
        "Air traffic lost GPS during the alliance's Trident juncture military exercises off Norway."
    )
    assert [h.country for h in spot_places(text, weight=3.0)] == ["NO"]


def test_a_town_where_exercises_were_held_is_still_a_place():
    text = "Flights near Kaliningrad lost GPS during the exercises."
    assert [h.country for h in spot_places(text, weight=3.0)] == ["RU"]


# --- "Fort" of one place name is not a name of another -------------------------------------------

FORT_PAGE = (
    "URL: https://example.org/news/fort-bliss-tests\n\n"
    "Army tests near Fort Bliss to degrade GPS\n\n"
    "Pilots flying near El Paso lost GPS on the approach during army tests at Fort Bliss, and "
    "drivers as far as Abilene noticed it too.\n"
)


def test_a_place_names_first_word_is_not_a_distinctive_name(tmp_path):
    row = incident_row(
        **{
            INC.id: "2024-02-10-abilene",
            INC.date: "2024-02-10",
            INC.location: "Abilene-Fort Stockton area, Texas",
            INC.latitude: "31.9",
            INC.longitude: "-100.6",
            INC.geocode_precision: "area",
            INC.country: "US",
            INC.region: "North America",
            INC.aircraft: "Regional jet",
        }
    )
    index = _index(tmp_path, row)
    results = _results(FORT_PAGE, recorded=index, min_score=0.0)
    # Without the rule "Abilene" and "Fort" (of Fort Bliss) link the page to the record.
    assert [c.recorded for c in results.candidates] == [""]


# --- "Global" of Global Positioning System names no aircraft -------------------------------------

BULLETIN_PAGE = (
    "URL: https://example.org/news/agency-bulletin\n\n"
    "Agency bulletin warns airlines of jamming\n\n"
    "The aviation agency said in a bulletin on Thursday that jamming and possible spoofing of "
    "GPS (the Global Positioning System) have grown around the Black Sea and other regions.\n"
    "Airlines should plan for the loss of satellite navigation, it said.\n"
)


def test_global_positioning_does_not_name_a_global_express(tmp_path):
    row = incident_row(
        **{
            INC.id: "2025-03-06-black-sea",
            INC.date: "2025-03-06",
            INC.location: "Black Sea airspace north of Turkey",
            INC.latitude: "43.5",
            INC.longitude: "33.5",
            INC.geocode_precision: "area",
            INC.country: "",
            INC.region: "Black Sea",
            INC.interference: "spoofing",
            INC.aircraft: "Bombardier Global Express (business jet)",
        }
    )
    # Other recorded incidents over the same sea: its name alone says little.
    others = [
        incident_row(
            **{
                **row,
                INC.id: f"2025-0{month}-10-black-sea",
                INC.date: f"2025-0{month}-10",
                INC.aircraft: "Airliner",
            }
        )
        for month in (1, 2)
    ]
    index = _index(tmp_path, row, *others)
    results = _results(BULLETIN_PAGE, recorded=index)
    # Without the rule "Global" and the Black Sea retell the business jet's flight.
    assert [c.recorded for c in results.candidates] == []


# --- holidays of fixed days are dates ------------------------------------------------------------


def test_holidays_of_fixed_days_are_dates():
    from tracker.ingest.dates import find_dates

    base = dt.date(2024, 1, 5)

    def days(text: str) -> list:
        return [(m.date, m.precision) for m in find_dates(text, base=base)]

    # Without the rule none of these is read as a date.
    assert days("Finnish receivers were jammed on New Year's Eve.") == [
        (dt.date(2023, 12, 31), "day")
    ]
    assert days("Flights lost GPS on Christmas Eve.") == [(dt.date(2023, 12, 24), "day")]
    assert days("It began on Boxing Day 2022.") == [(dt.date(2022, 12, 26), "day")]
    assert days("Crews were jammed over Christmas.") == []


def test_a_malformed_address_tells_nothing_and_breaks_nothing():
    from tracker.ingest.urls import published_from_url, published_month_from_url, slug_words

    # Without the guard each raises ValueError ("Invalid IPv6 URL").
    url = "http://[::1/2025/03/01/plane-gps-signal-jammed/"
    assert slug_words(url) == ""
    assert published_from_url(url) is None
    assert published_month_from_url(url) is None


# --- a caption above a credit line of its own ----------------------------------------------------

CAPTION_PAGE = (
    "URL: https://example.org/world/nordair-pauses-kaunas\n\n"
    "Nordair said two of its flights had to return to Riga last week after GPS interference "
    "kept them from landing in Kaunas, and on Monday it paused its Kaunas flights.\n\n"
    "A Nordair Airbus A320 comes in to land at Copenhagen Airport on May 5, 2025. Nordair has "
    "paused its Kaunas flights because of GPS disturbances.\n\n"
    "JANE ROE/Getty Images\n\n"
    "Officials in Vilnius blamed the interference on Russia.\n"
)


def _caption_places(text: str) -> list[str]:
    results = _results(text, published=dt.date(2025, 5, 5), min_score=0.0)
    return sorted(c.values[INC.country] for c in results.candidates)


def test_a_caption_above_its_credit_line_is_not_the_story():
    # Without the rule the photo's Copenhagen landing on 5 May is proposed as well.
    assert "DK" not in _caption_places(CAPTION_PAGE)


def test_a_story_paragraph_without_a_credit_line_is_read():
    text = CAPTION_PAGE.replace("JANE ROE/Getty Images\n\n", "")
    assert "DK" in _caption_places(text)


# --- a safety-database record printed as a table ------------------------------------------------

# An ASRS-style record as a viewer site prints it: fields in a table, "|" between them, and a
# narrative that places the aircraft by a radio beacon's code.
TABLE_RECORD = (
    "URL: https://example.org/report/123456\n\n"
    "Date | 201905 |\n"
    "State Reference | NV |\n"
    "Narrative:\n"
    "Air carrier X at FL350 drifted about 8 miles off its course near the SWR VOR. I asked "
    "the crew about it and they said GPS jamming by the military had made their navigation "
    "unreliable.\n"
)


def test_a_tables_state_reference_places_the_record():
    # Without the rule the state written with "|" is not read, and the record has no place.
    results = _results(TABLE_RECORD, min_score=0.0)
    assert [c.values[INC.country] for c in results.candidates] == ["US"]


def test_a_beacons_code_is_no_place():
    # Without the rule "North of KOA" is read as the Kona airport.
    assert spot_places("The aircraft drifted 8 miles North of KOA VOR.", weight=3.0) == []
    # A place named beside the beacon is found, with the sentence as written as its evidence.
    text = "The aircraft drifted 8 miles North of KOA VOR on its way to Hilo."
    [hit] = spot_places(text, weight=3.0)
    assert hit.country == "US" and hit.sentence == text
