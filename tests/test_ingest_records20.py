"""Session 20: undated pages that retell a recorded flight, each rule with a fixture in our own
words (invented places, airlines and records)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import recalled as _recalled
from helpers import russian_incident_row as _row
from helpers import write_recorded

from tracker.ingest import ingest_text
from tracker.ingest import recorded as rec
from tracker.ingest.candidates import extract_results
from tracker.ingest.languages.detect import detect_language
from tracker.ingest.readers import reports_from_bytes
from tracker.schema import INC

# An airline that flies many recorded incidents is no distinctive name by itself; with the
# recorded place it says whose flight an undated page retells.

FIRST, SECOND = "2025-03-13-brodsk", "2025-03-14-brodsk"  # a Thursday and a Friday
OTHER_TOWNS = ("Alsk", "Bereza", "Chernets", "Dubrovo", "Elnya")


def _kestrel_rows(*brodsk_days: str) -> list[dict]:
    rows = [
        _row(f"2025-0{n + 1}-10-{town.lower()}", f"2025-0{n + 1}-10", f"{town} Airport",
             **{INC.operator: "Kestrel Air"})
        for n, town in enumerate(OTHER_TOWNS)
    ]  # fmt: skip
    for day in brodsk_days:
        rows.append(_row(f"{day}-brodsk", day, "Brodsk Airport", **{INC.operator: "Kestrel Air"}))
    return rows


@pytest.fixture
def one_flight_dir(tmp_path: Path) -> Path:
    return write_recorded(tmp_path / "data", _kestrel_rows("2025-03-13"))


@pytest.fixture
def two_flights_dir(tmp_path: Path) -> Path:
    return write_recorded(tmp_path / "data", _kestrel_rows("2025-03-13", "2025-03-14"))


UNDATED_STORY = (
    "Kestrel Air halts its flights to Brodsk after GPS jamming. "
    "The airline said one of its jets had to turn back because jamming stopped it from landing "
    "at Brodsk. Officials blamed interference from across the border"
)


def test_the_operator_of_many_records_is_no_name_by_itself(one_flight_dir):
    index = rec.load_index(one_flight_dir)
    assert "kestrel" not in index.weights


def test_an_undated_page_naming_the_place_and_the_airline_retells_the_flight(one_flight_dir):
    # Before: the airline flies six records, so only the place was a name, and one is too few.
    assert _recalled(one_flight_dir, UNDATED_STORY) == [(FIRST, "undated")]


def test_another_airline_at_the_place_is_not_the_recorded_flight(one_flight_dir):
    text = UNDATED_STORY.replace("Kestrel Air", "Osprey Lines")
    assert _recalled(one_flight_dir, text) == []


def test_an_undated_page_on_two_flights_of_one_story_retells_both(two_flights_dir):
    text = UNDATED_STORY.replace("one of its jets", "two of its jets on consecutive days")
    # Before: two records that the same words name were a guess, and neither was recalled.
    assert sorted(_recalled(two_flights_dir, text)) == [(FIRST, "undated"), (SECOND, "undated")]


# A headline copy glued to the story's first sentence (a heading with no full stop).


def test_a_headline_glued_to_the_first_sentence_leaves_the_story_in_the_lede():
    headline = "Airline halts flights to Brodsk after jamming"
    sentences = [
        headline,
        f"{headline} Kestrel Air has halted its flights to Brodsk after two jets could not land.",
        "Officials blamed interference from across the border.",
        "The airline will review the decision next month.",
    ]
    # Before: the glued sentence held the headline whole, so it was dropped as a repeat.
    assert rec.lede_of(sentences) == sentences[:3]


# An example given in an explainer's lede is not the page's news.

EXPLAINER = (
    "Satellite navigation is being disrupted across the region's skies. "
    "Thousands of flights have been affected, pilots and airlines say. "
    "Kestrel Air, for instance, had to halt its flights to Brodsk because of GPS jamming. "
    "Experts say the problem is mostly a nuisance for crews"
)


def test_an_example_in_an_explainers_lede_is_not_its_news(one_flight_dir):
    assert _recalled(one_flight_dir, EXPLAINER) == []
    (report,) = reports_from_bytes(EXPLAINER.encode(), name="page.txt")
    found = extract_results(report, recorded=rec.load_index(one_flight_dir)).candidates
    assert [c.recorded for c in found if c.recorded] == []


def test_the_same_sentence_told_as_news_is_its_news(one_flight_dir):
    text = EXPLAINER.replace(", for instance,", "")
    assert _recalled(one_flight_dir, text) == [(FIRST, "undated")]


# On an undated page, words counted from a publication date it does not give ("last week",
# "in recent days") name no day that could be another story's; a day just after the
# incident tells what followed it.


@pytest.mark.parametrize(
    "when",
    [
        "last week",
        "in recent days",
        # a suspension that followed the flight
        "and suspends them from 20 March to 30 April",
    ],
)
def test_an_undated_lede_may_tell_what_followed_or_count_from_an_unknown_day(one_flight_dir, when):
    text = UNDATED_STORY.replace("after GPS jamming.", f"after GPS jamming {when}.")
    # Before: any date in the lede but a year was taken for another day's story.
    assert _recalled(one_flight_dir, text) == [(FIRST, "undated")]


@pytest.mark.parametrize("when", ["on Monday", "on 2 March", "on 20 March", "in January 2025"])
def test_an_undated_lede_naming_another_day_tells_another_story(one_flight_dir, when):
    text = UNDATED_STORY.replace("after GPS jamming.", f"after GPS jamming {when}.")
    assert _recalled(one_flight_dir, text) == []


# An area's day of disturbance (an airport's arrivals, told with no flight) retold by an
# undated page that leads with two of its names.

AIRPORT_DAY = "2025-11-06-velmar"


@pytest.fixture
def airport_day_dir(tmp_path: Path) -> Path:
    rows = [
        _row(AIRPORT_DAY, "2025-11-06", "Velmar International Airport (VLIA), Velmar", **{
             INC.aircraft: "Flights of several airlines at Velmar",
             INC.end_date: "2025-11-07", INC.end_date_precision: "day"}),
    ]  # fmt: skip
    return write_recorded(tmp_path / "data", rows)


def test_an_undated_page_leading_with_an_airports_day_of_spoofing_retells_it(airport_day_dir):
    text = (
        "Velmar International Airport (VLIA) reports its first spoofing: false satellite "
        "positions sent arriving jets off their paths, and some had to land elsewhere. This "
        "week airliners on approach to the city were shown positions miles away. Controllers "
        "moved arrivals to another runway"
    )
    # Before: an area's day was recalled only by its day or weekday, never from an undated page.
    assert _recalled(airport_day_dir, text) == [(AIRPORT_DAY, "undated")]
    # Told after another story's lede, it is background.
    later = (
        "Officials in the region have long complained about unsafe skies. Airlines rerouted "
        "some of their flights for the rest of the month. Analysts think the signals come "
        "from military sites along the border. "
    )
    assert _recalled(airport_day_dir, later + text) == []


# A disturbance recorded over a few days (from its first day to the last a source reports
# it going on) is one episode a page may retell; one of weeks is a season.

EPISODE = "2025-04-26-velgorod-episode"  # a Saturday


def _episode_dir(tmp_path: Path, last_day: str) -> Path:
    rows = [
        _row(EPISODE, "2025-04-26", "Velgorod and Vosk airports", **{
             INC.aircraft: "Aircraft at Velgorod and Vosk airports",
             INC.end_date: last_day, INC.end_date_precision: "open"}),
    ]  # fmt: skip
    return write_recorded(tmp_path / "data", rows)


EPISODE_NEWS = (
    "Jamming from across the border has disturbed the GPS of aircraft using Velgorod and Vosk "
    "airports since Saturday, the transport ministry said. No flight was put in danger. "
    "Controllers gave crews extra radar guidance"
)


def test_a_few_days_of_jamming_reported_from_its_first_day_are_retold(tmp_path):
    data = _episode_dir(tmp_path, "2025-04-30")
    # Before: four days were more than the three of a time window, so a season.
    found = _recalled(data, EPISODE_NEWS, published=dt.date(2025, 4, 30))
    assert found == [(EPISODE, "day")]


def test_weeks_of_jamming_are_a_season_not_an_episode(tmp_path):
    data = _episode_dir(tmp_path, "2025-05-20")
    assert _recalled(data, EPISODE_NEWS, published=dt.date(2025, 4, 30)) == []


# "Many airline crews" opens an aircraft cell with a capital: a quantity, not a name.


@pytest.mark.parametrize("opening", ["Many", "Multiple", "Several", "Dozens of"])
def test_a_quantity_opening_the_aircraft_cell_is_no_name(tmp_path, opening):
    rows = [
        _row("2025-06-01-velmar", "2025-06-01", "Velmar Airport", **{
             INC.aircraft: f"{opening} airline crews", INC.date_precision: "month"}),
    ]  # fmt: skip
    index = rec.load_index(write_recorded(tmp_path / "data", rows))
    (incident,) = index.incidents
    assert incident.words == {"velmar"}


# A record whose effects only warn ("told by NOTAM to expect") tells no aircraft that met the
# interference: a page repeating the warning's days does not retell an incident.


@pytest.mark.parametrize(
    ("effects", "recalled"),
    [
        ("Crews were told by NOTAM to expect GPS interference around Velmar.", False),
        ("Crews lost GPS on the approach and flew the ILS instead.", True),
    ],
)
def test_a_warning_record_is_not_retold_as_an_incident(tmp_path, effects, recalled):
    day = "2025-11-13-velmar-area"
    rows = [
        _row(day, "2025-11-13", "Velmar (about 50 NM around)", **{
             INC.aircraft: "Flights in the Velmar area", INC.effects: effects,
             INC.end_date: "2025-11-17", INC.end_date_precision: "day"}),
    ]  # fmt: skip
    data = write_recorded(tmp_path / "data", rows)
    text = (
        "Airlines were warned of GPS interference near Velmar between 13 and 17 November 2025, "
        "the aviation authority said. Crews must report any anomaly within ten minutes"
    )
    expected = [(day, "day")] if recalled else []
    assert _recalled(data, text, published=dt.date(2025, 11, 14)) == expected


# "On the 13th" on an undated page: a day of the month with no month, which may be the
# recorded day's (Korean and Japanese news date events this way).


@pytest.mark.parametrize(("day", "recalled"), [("13th", True), ("20th", False)])
def test_an_undated_pages_day_of_the_month_may_be_the_recorded_day(one_flight_dir, day, recalled):
    text = (
        f"On the {day} of last month a jet could not land at Brodsk because of GPS jamming. "
        "Crews flew the instrument landing system instead"
    )
    # Before: with no month to count from, "the 13th" was no date at all.
    assert _recalled(one_flight_dir, text) == ([(FIRST, "weekday")] if recalled else [])


# Russian writes radio interference as one word ("радиопомехи"), which the stem "помех*" of
# the word table does not reach.


def test_radio_interference_in_one_russian_word_is_jamming():
    text = (
        "Радиопомехи против GPS над Азербайджаном\n\n"
        "Пассажирский самолёт над Азербайджаном попал под радиопомехи системы GPS "
        "21 августа 2023 года, сообщило министерство."
    )
    found = [(c.values["date"].isoformat(), c.values["country"]) for c in ingest_text(text)]
    assert found == [("2023-08-21", "AZ")]


# The news of an incident runs for the week after it: an airline suspends the route four
# days after two of its flights turned back.


def test_the_weeks_news_of_two_flights_of_one_story_retells_both(two_flights_dir):
    text = UNDATED_STORY.replace("one of its jets", "two of its jets")
    found = _recalled(two_flights_dir, text, published=dt.date(2025, 3, 18))
    # Before: four days after, a page was no longer the news of either flight.
    assert sorted(found) == [(FIRST, "fresh"), (SECOND, "fresh")]


# A page in Azerbaijani with few function words of its own and one English word ("on") was
# taken for English; one letter in six beyond a-z says it is not.


def test_a_text_full_of_letters_english_never_writes_is_not_english():
    text = (
        "Gəncə hava limanına enən sərnişin təyyarəsinin peyk naviqasiyası 12 sentyabr 2024 "
        "tarixində radiomaneələr səbəbindən itdi. Pilotlar yerüstü radiomayaklardan istifadə "
        "etdilər, təyyarə təhlükəsiz endi. Mülki Aviasiya Agentliyi hadisəni araşdırır, "
        "mütəxəssislər mənbəyin sərhəd bölgəsində yerləşdiyini düşünürlər. Agentlik on gün "
        "ərzində hesabat dərc edəcək, nazirlik isə beynəlxalq təşkilatlara müraciət etməyi "
        "planlaşdırır. Sərnişinlər gecikmədən narazılıqlarını bildirdilər, hava yolu şirkəti "
        "üzr istədi və növbəti reysləri vaxtında yerinə yetirəcəyini vəd etdi."
    )
    assert detect_language(text).code == "az"


def test_an_english_story_under_a_foreign_sites_menus_stays_english():
    # The site's own lines, in Finnish, hold more function words than the English story.
    menus = (
        "Etusivu Uutiset Äänestä Yhteystiedot Työpaikat Säätiö Käyttöehdot. Tilaa uutiskirje, "
        "se on ilmainen ja siinä ei ole mainoksia, kun myös lehti on nyt verkossa ja se "
        "ilmestyy joka päivä, mutta ei sunnuntaina, koska silloin on vapaapäivä ja myös "
        "toimitus on kiinni, ja se on myös niin, että kun ei ole lehteä, ei ole uutisia. "
    )
    story = (
        "Four airliners lost their GPS signals over the last few days while flying in the "
        "north-east of Norway, the aviation authority said. The crews landed safely and the "
        "cause is thought to be jamming from across the border."
    )
    assert detect_language(menus + story).code == "en"


# Azerbaijani writes radio interference as one word too ("radiomaneələr").


def test_radio_interference_in_one_azerbaijani_word_is_jamming():
    text = (
        "Gəncədə təyyarəyə qarşı radiomaneələr\n\n"
        "Gəncə hava limanına enən sərnişin təyyarəsinin GPS sisteminə qarşı 12 sentyabr 2024 "
        "tarixində radiomaneələr tətbiq edildi, Müdafiə Nazirliyi bildirdi."
    )
    found = [(c.values["date"].isoformat(), c.values["country"]) for c in ingest_text(text)]
    assert found == [("2024-09-12", "AZ")]


# A disturbance told still going on at a day ("continuing on Thursday") is dated by the first
# day the page gives it ("since Saturday"), as the first corpus dates every multi-day one.

CONTINUING = (
    "Published: 2025-05-08\n\n"  # a Thursday
    "Jamming hits Velmar flights\n\n"
    "Jamming signals that have disturbed the GPS of airliners over Norland {verb} on Thursday, "
    "officials said. A total of 40 aircraft had reported losing GPS signals since Saturday, "
    "the transport ministry said."
)


def test_a_disturbance_still_going_on_is_dated_by_its_first_day():
    text = CONTINUING.format(verb="were continuing unabated")
    found = [c.values["date"].isoformat() for c in ingest_text(text)]
    # Before: the day it was still going on was taken for its day.
    assert found == ["2025-05-03"]


def test_a_disturbance_of_the_day_keeps_its_day():
    found = [c.values["date"].isoformat() for c in ingest_text(CONTINUING.format(verb="returned"))]
    assert "2025-05-08" in found


def test_an_example_in_the_weeks_explainer_is_not_its_news(one_flight_dir):
    published = dt.date(2025, 3, 15)  # two days after the Brodsk flight
    assert _recalled(one_flight_dir, EXPLAINER, published=published) == []
    told = EXPLAINER.replace(", for instance,", "")
    assert _recalled(one_flight_dir, told, published=published) == [(FIRST, "fresh")]
