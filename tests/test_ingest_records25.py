"""Session 25: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt

from helpers import incident_row, russian_incident_row, write_recorded

from tracker.ingest.candidates import _area_lede_anchors, extract_results
from tracker.ingest.fields import flight_phase
from tracker.ingest.languages.gloss import gloss_text
from tracker.ingest.readers import reports_from_bytes
from tracker.ingest.recorded import load_index
from tracker.ingest.text import split_sentences
from tracker.schema import INC


def _results(text: str, published: dt.date = dt.date(2025, 2, 3)):
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    return extract_results(report, published=published)


# --- an area's disruption on named days, with the aircraft it reached told apart ----------------

# A university news item: the lede tells the days of a regional outage, and only the next
# sentence says that people "in the air" were reached, so no sentence names aircraft and the
# disruption together.
AREA_LEDE = (
    "URL: https://example.org/news/holiday-outage\n\n"
    "A quiet week turned noisy for satellite receivers\n\n"
    "Large parts of Latvia and Estonia lost satellite positioning.\n"
    "GPS signals were jammed and unusable across wide areas on the 28th and 29th of January.\n"
    "Farmers in their fields and crews in the air had to manage without fixes for hours.\n"
    "Integrity reports from aviation showed the widest gaps.\n"
    "Researchers at the institute traced the source to the east.\n"
)


def test_an_area_disruption_with_its_days_is_an_incident():
    # Without the fallback the page gives no candidate: no sentence names an aircraft.
    [candidate] = _results(AREA_LEDE).candidates
    assert candidate.values["date"] == dt.date(2025, 1, 28)
    assert candidate.values["country"] in {"LV", "EE"}


def test_an_area_disruption_reaching_no_aircraft_is_none():
    text = AREA_LEDE.replace("crews in the air", "drivers on the roads")
    text = text.replace("Integrity reports from aviation", "Logs of delivery vans")
    assert _results(text).candidates == []


def test_a_statement_day_is_not_the_disruption_day():
    # "warned on 30 January": the day of a warning, not of the disruption.
    text = AREA_LEDE.replace(
        "GPS signals were jammed and unusable across wide areas on the 28th and 29th of January.",
        "On 30 January the regulator warned airlines that GPS signals were jammed in wide areas.",
    )
    assert _results(text).candidates == []


def test_a_span_is_no_day():
    # Read with no publication date, "last year" is a relative word of day precision.
    text = AREA_LEDE.replace(
        "GPS signals were jammed and unusable across wide areas on the 28th and 29th of January.",
        "Last year GPS signals were jammed and unusable across wide areas.",
    )
    assert _area_lede_anchors(split_sentences(AREA_LEDE))
    assert _area_lede_anchors(split_sentences(text)) == []


# --- a recorded flight placed short of the town it was flying to -------------------------------

# An undated page about a flight that turned back before a town; the record of that flight is
# placed where the crew lost the signal, some 70 km short of the town, and its location names
# the town it was bound for.
SHORT_OF_TOWN = (
    "URL: https://example.org/news/kaunas-turn-back\n\n"
    "Regional jet to Kaunas turns back\n\n"
    "A Nordic regional jet bound for Kaunas had to return to its departure airport after GPS "
    "jamming left the crew unable to fly the approach.\n"
    "The airline says it will review its approaches to the city.\n"
)


def _short_of_town_index(tmp_path, location: str):
    row = incident_row(
        **{
            INC.id: "2025-01-14-kaunas",
            INC.date: "2025-01-14",
            INC.location: location,
            INC.latitude: "55.45",
            INC.longitude: "24.55",
            INC.geocode_precision: "area",
            INC.country: "LT",
            INC.aircraft: "Regional jet",
        }
    )
    return load_index(write_recorded(tmp_path / "data", [row]))


def _dates(text: str, index) -> list:
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    results = extract_results(report, recorded=index, min_score=0.0)
    return [c.values["date"] for c in results.candidates + results.skipped]


def test_an_undated_page_takes_the_record_placed_short_of_its_town(tmp_path):
    # Without the rule the record lies too far from Kaunas to date the page by its place.
    index = _short_of_town_index(tmp_path, "Central Lithuania, on the way to Kaunas Airport")
    assert _dates(SHORT_OF_TOWN, index) == [dt.date(2025, 1, 14)]


def test_a_far_record_that_names_another_town_dates_nothing(tmp_path):
    index = _short_of_town_index(tmp_path, "Central Lithuania, on the way to Vilnius Airport")
    assert _dates(SHORT_OF_TOWN, index) == [None]


# --- an undated page that names a recorded flight by its names, away from its lede ------------

# A glossed page often keeps a minister's name and an air base but loses the sentence that
# ties them to a date; the recorded flight still has that date.
NAMED_FLIGHT = (
    "URL: https://example.org/news/minister-plane\n\n"
    "A minister's trip to the Baltic\n\n"
    "The defence minister flew out to meet her counterpart and to visit troops.\n"
    "The aircraft of minister Kaarel Voss lost GPS on the way to the Zeltine air base in "
    "Lithuania.\n"
    "She met her colleague at the air base.\n"
)


def _minister_index(tmp_path, *, second: bool = False):
    rows = [
        incident_row(
            **{
                INC.id: "2025-06-18-palanga",
                INC.date: "2025-06-18",
                INC.location: "Over the Curonian Lagoon, en route to Zeltine air base (Lithuania)",
                INC.latitude: "55.6",
                INC.longitude: "21.2",
                INC.geocode_precision: "area",
                INC.country: "LT",
                INC.aircraft: "Airbus A400M carrying Defence Minister Kaarel Voss",
            }
        )
    ]
    if second:
        # A flight of another minister to the same base.
        rows.append(
            incident_row(
                **{
                    INC.id: "2025-10-02-zeltine",
                    INC.date: "2025-10-02",
                    INC.location: "Near Zeltine air base (Lithuania)",
                    INC.latitude: "55.9",
                    INC.longitude: "21.1",
                    INC.geocode_precision: "area",
                    INC.country: "LT",
                    INC.aircraft: "Falcon jet carrying Foreign Minister Mira Lind",
                }
            )
        )
    return load_index(write_recorded(tmp_path / "data", rows))


def test_an_undated_page_takes_the_flight_it_names(tmp_path):
    # Without the rule the page stays undated: its candidate is not the lede's.
    assert _dates(NAMED_FLIGHT, _minister_index(tmp_path)) == [dt.date(2025, 6, 18)]


def test_two_recorded_flights_named_alike_date_nothing(tmp_path):
    index = _minister_index(tmp_path, second=True)
    assert _dates(NAMED_FLIGHT, index) == [dt.date(2025, 6, 18)]
    # A page naming both ministers names both flights as well: it tells neither.
    both = NAMED_FLIGHT.replace("minister Kaarel Voss", "ministers Kaarel Voss and Mira Lind")
    assert _dates(both, index) == [None]


def test_one_name_is_not_enough(tmp_path):
    text = NAMED_FLIGHT.replace("minister Kaarel Voss", "the minister")
    assert _dates(text, _minister_index(tmp_path)) == [None]


# --- on a page that is all lede, a flight recalled after the page's own is a precedent ----------


def _two_flights_index(tmp_path):
    rows = [
        incident_row(
            **{
                INC.id: "2025-05-07-zeltine",
                INC.date: "2025-05-07",
                INC.location: "Near Zeltine air base (Lithuania)",
                INC.latitude: "55.9",
                INC.longitude: "23.4",
                INC.geocode_precision: "area",
                INC.country: "LT",
                INC.aircraft: "Airbus carrying Foreign Minister Mira Lind",
            }
        ),
        russian_incident_row(
            "2025-04-13-orsk",
            "2025-04-13",
            "Orsk Airport",
            **{INC.aircraft: "Falcon jet carrying President Arno Quist"},
        ),
    ]
    return load_index(write_recorded(tmp_path / "data", rows))


SHORT_PAGE = (
    "URL: https://example.org/news/minister-gps\n\n"
    "The Airbus carrying foreign minister Mira Lind lost GPS near the Zeltine air base in "
    "Lithuania on Wednesday, her office said. "
    "In a like case on 13 April the Falcon jet of president Arno Quist lost GPS on the "
    "approach to Orsk in Russia.\n"
)


def test_a_short_pages_later_recall_of_an_older_flight_is_a_precedent(tmp_path):
    [report] = reports_from_bytes(SHORT_PAGE.encode(), name="page.txt")
    results = extract_results(
        report, published=dt.date(2025, 5, 7), recorded=_two_flights_index(tmp_path)
    )
    # Without the rule both flights are proposed: the page has no lede apart from its body.
    assert [c.recorded for c in results.candidates] == ["2025-05-07-zeltine"]
    assert [c.recorded for c in results.skipped] == ["2025-04-13-orsk"]


def test_a_short_pages_later_retelling_of_an_older_flight_is_a_precedent(tmp_path):
    # The older flight told in a sentence extraction reads no candidate from: it is retold
    # from the record, and without the rule it is proposed beside the page's own flight.
    text = SHORT_PAGE.split("In a like case")[0] + (
        "Such trouble also met president Arno Quist near Orsk on 13 April.\n"
    )
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    results = extract_results(
        report, published=dt.date(2025, 5, 7), recorded=_two_flights_index(tmp_path)
    )
    assert [c.recorded for c in results.candidates] == ["2025-05-07-zeltine"]
    [held] = results.skipped
    assert held.recorded == "2025-04-13-orsk" and held.recalled_sentence


# --- Korean: the topic of a quotation is the event's subject, not a speaker ---------------------


def test_a_quoted_korean_topics_day_is_the_events():
    # "The JCS said on the 9th: 'North Korea jammed GPS over the West Sea on 8 November'".
    # Without the rule the gloss writes "North Korea said 8 November": a statement's day.
    line = "합참은 “북한은 11월 8일 서해에서 GPS 교란을 했다”고 9일 밝혔다."
    assert "said 8 November" not in gloss_text(line, "ko")
    assert "8 November" in gloss_text(line, "ko")


def test_a_korean_speakers_day_is_still_the_statements():
    assert "said on the 9th" in gloss_text(
        "합참은 9일 “북한이 서해에서 GPS 교란을 했다”고 밝혔다.", "ko"
    )
    # A speaker's topic with no quotation keeps its statement day too.
    assert "said 8 November" in gloss_text("국토부는 11월 8일 GPS 교란이 있었다고 밝혔다.", "ko")


def test_a_quoted_japanese_topics_day_is_the_events():
    # The same in Japanese: 「北朝鮮は8日、…」と9日発表した.
    line = "韓国軍は「北朝鮮は8日、GPS妨害を行った」と9日発表した。"
    assert "said on the 8th" not in gloss_text(line, "ja")
    assert "said on the 4th" in gloss_text("スウェーデンは4日、GPS妨害があったと発表した。", "ja")


# --- the day a ban began does not date an incident told without a day ---------------------------

BAN_DAY = (
    "URL: https://example.org/news/multan-gps\n\n"
    "Disrupted GPS signals near Multan airport have caused problems for flights, officials "
    "say.\n"
    "The crew of a jet inbound from Doha asked the tower for help after losing GPS.\n"
    "Early-morning movements at the airport were banned from 4 August 2022 to keep birds "
    "away from the runway.\n"
)


def test_the_day_a_ban_began_does_not_date_the_incident():
    # Without the rule the undated incident takes 4 August, the start of the ban.
    results = _results(BAN_DAY, published=dt.date(2022, 12, 11))
    found = results.candidates + results.skipped
    assert [c.values["location"] for c in found] == ["Multan, Pakistan"]
    assert found[0].values["date"] != dt.date(2022, 8, 4)


def test_a_day_the_flights_lost_gps_still_dates_them():
    # A day told as the day flights met jamming still dates them.
    text = BAN_DAY.replace(
        "Early-morning movements at the airport were banned from 4 August 2022",
        "Two flights lost GPS there on 4 December 2022, and night movements are now limited",
    )
    results = _results(text, published=dt.date(2022, 12, 11))
    assert dt.date(2022, 12, 4) in [c.values["date"] for c in results.candidates]


# --- a caption closed by its photo's date stamp -------------------------------------------------

STAMPED_CAPTION = (
    "URL: https://example.org/news/west-sea-counts\n\n"
    "Jamming from the north reached dozens of airliners this winter\n\n"
    "An airliner taxies at Gimpo airport on the 30th, the day the north jammed GPS. "
    "2024.5.30 Photo desk\n\n"
    "Officials counted 40 aircraft with jammed GPS over the West Sea since December.\n"
)


def test_a_caption_closed_by_its_photos_date_is_not_the_story():
    # Without the rule the file photo's day, 30 May 2024, is proposed as an incident.
    results = _results(STAMPED_CAPTION, published=dt.date(2026, 1, 16))
    days = [c.values["date"] for c in results.candidates + results.skipped]
    assert dt.date(2024, 5, 30) not in days


def test_the_same_sentence_without_its_stamp_is_read():
    text = STAMPED_CAPTION.replace(" 2024.5.30 Photo desk", "")
    results = _results(text, published=dt.date(2024, 6, 3))
    assert dt.date(2024, 5, 30) in [c.values["date"] for c in results.candidates]


def test_a_korean_sources_day_is_the_tellings():
    # "According to the ministry on the 2nd, since the 28th of last month jets met jamming":
    # without the rule the gloss reads "On the 2nd on the 28th of last month", two event days.
    line = "2일 국토부에 따르면 지난달 28일부터 항공기 40대에서 GPS 교란이 발생했다."
    assert gloss_text(line, "ko").startswith("Said on the 2nd")
    # With no source after it, the day stays the event's.
    assert not gloss_text("2일 항공기 40대에서 GPS 교란이 발생했다.", "ko").startswith("Said")


# --- a compound written with a hyphen is read by its parts ------------------------------------


def test_a_hyphenated_compound_is_glossed_by_its_parts():
    # Without the rule "Luftfahrt-Behörden" (aviation authorities) glosses to nothing.
    assert "aviation" in gloss_text("Die Luftfahrt-Behörden warnen.", "de").lower()
    assert "aviation" in gloss_text("Die Luftfahrtbehörde warnt.", "de").lower()


def test_everyone_on_the_ground_or_in_the_air_names_no_phase():
    # Without the rule a region's outage that reached receivers "on the ground or in the air"
    # put its aircraft on the ground.
    assert flight_phase(["Receivers on the ground or in the air lost their fix."])[0] != "ground"
    assert flight_phase(["The jet lost GPS on the ground at the gate."])[0] == "ground"


def test_a_link_says_which_names_it_rests_on_and_none_when_it_has_none(tmp_path):
    [report] = reports_from_bytes(NAMED_FLIGHT.encode(), name="page.txt")
    [candidate] = extract_results(report, recorded=_minister_index(tmp_path)).candidates
    [linked] = [r for r in candidate.reasons if r.startswith("describes recorded incident")]
    assert "Kaarel" in linked and "Voss" in linked
    index = _short_of_town_index(
        tmp_path / "town", "Central Lithuania, on the way to Kaunas Airport"
    )
    [report] = reports_from_bytes(SHORT_OF_TOWN.encode(), name="page.txt")
    results = extract_results(report, recorded=index, min_score=0.0)
    [linked] = [
        r
        for c in results.candidates + results.skipped
        for r in c.reasons
        if r.startswith("describes recorded incident")
    ]
    # Before: "..., 0 distinctive names ()".
    assert "distinctive name" not in linked and "naming its town" in linked


# --- "last week two flights turned back": the recorded days of one episode --------------------


def _episode_index(tmp_path, second_day: str = "2025-01-15"):
    rows = [
        incident_row(
            **{
                INC.id: f"{day}-kaunas",
                INC.date: day,
                INC.location: "Kaunas Airport",
                INC.latitude: "54.96",
                INC.longitude: "24.08",
                INC.country: "LT",
                INC.operator: "Nordvik Air",
                INC.flight: f"NV{n}",
            }
        )
        for n, day in ((101, "2025-01-14"), (102, second_day))
    ]
    return load_index(write_recorded(tmp_path / "data", rows))


LAST_WEEK = (
    "URL: https://example.org/news/kaunas-flights\n\n"
    "Nordvik Air pauses its Kaunas service\n\n"
    "Last week two Nordvik Air flights bound for Kaunas had to turn back after GPS jamming "
    "near the airport.\n"
    "The airline will resume the route when a ground-based approach is ready.\n"
)


def test_a_weeks_two_flights_take_the_recorded_days_of_their_episode(tmp_path):
    [report] = reports_from_bytes(LAST_WEEK.encode(), name="page.txt")
    results = extract_results(
        report, published=dt.date(2025, 1, 20), recorded=_episode_index(tmp_path)
    )
    # Without the rule the two recorded days tie and the page keeps its week.
    assert sorted(c.values["date"] for c in results.candidates) == [
        dt.date(2025, 1, 14),
        dt.date(2025, 1, 15),
    ]


def test_two_days_of_different_episodes_stay_a_month(tmp_path):
    # Two records eleven days apart are two episodes: a page of the month names neither.
    index = _episode_index(tmp_path, second_day="2025-01-03")
    text = LAST_WEEK.replace("Last week", "Earlier this month")
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    results = extract_results(report, published=dt.date(2025, 1, 20), recorded=index)
    found = results.candidates + results.skipped
    assert found and not any(c.recorded for c in found)
    # The same month with one episode takes its days.
    [report] = reports_from_bytes(text.encode(), name="page.txt")
    results = extract_results(
        report, published=dt.date(2025, 1, 20), recorded=_episode_index(tmp_path / "one")
    )
    assert sorted(c.recorded for c in results.candidates) == [
        "2025-01-14-kaunas",
        "2025-01-15-kaunas",
    ]


# --- an undated anchor after a turn to earlier events tells one of those ------------------------

TURN_TO_EARLIER = (
    "URL: https://example.org/news/kaunas-turnback\n\n"
    "Jammed signals send a jet back to Riga\n\n"
    "A regional jet had to fly back to Riga after its GPS signal was jammed.\n"
    "The flight had been bound for Kaunas in Lithuania.\n"
    "Officials blame the east for the trouble.\n\n"
    "It might not be the first time such signals were blocked.\n"
    "The plane then flew without a GPS signal for half an hour near Orsk in Russia.\n"
)


def test_an_undated_anchor_after_a_turn_to_earlier_events_is_another_incident():
    # Without the rule the plane near Orsk joins the lede's flight and places it in Russia.
    results = _results(TURN_TO_EARLIER, published=None)
    countries = {c.values["country"] for c in results.candidates + results.skipped}
    assert "LT" in countries or "LV" in countries
    lede = (results.candidates + results.skipped)[0]
    assert lede.values["country"] != "RU"


def test_would_not_be_the_first_time_turns_to_earlier_events():
    from tracker.ingest.assess import is_background

    assert is_background("It might not be the first time such signals were blocked.")
    assert not is_background("The flight had been bound for Kaunas in Lithuania.")


# --- a wire dateline with its agency in mixed case -------------------------------------------

MIXED_CASE_WIRE = (
    "URL: https://example.org/news/narva-jet\n\n"
    "Regional jet loses GPS near the border\n\n"
    "Tallinn, 3 June (NordPress) – In recent days a regional jet lost its GPS near Narva in "
    "Estonia, the airline said.\n"
)


def test_a_mixed_case_agencys_dateline_is_not_the_incidents_day():
    # Without the rule "3 June" of the dateline dated the jet: the day the story was filed.
    results = _results(MIXED_CASE_WIRE, published=dt.date(2025, 6, 3))
    found = results.candidates + results.skipped
    assert found and all(
        not (c.values["date"] == dt.date(2025, 6, 3) and c.values["date_precision"] == "day")
        for c in found
    )


def test_a_day_told_in_the_story_after_the_dateline_still_counts():
    text = MIXED_CASE_WIRE.replace("In recent days", "On 1 June")
    [candidate] = _results(text, published=dt.date(2025, 6, 3)).candidates
    assert candidate.values["date"] == dt.date(2025, 6, 1)
