"""Session 21: failure classes seen on real pages, each rule with a fixture in our own words
(invented or generic places, people and flights)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import recalled as _recalled
from helpers import russian_incident_row as _row
from helpers import write_recorded

from tracker.ingest import ingest_text
from tracker.ingest import recorded as rec
from tracker.ingest.candidates import _without_captions, extract_results
from tracker.ingest.dates import find_dates, infer_reference_date
from tracker.ingest.places import spot_places
from tracker.ingest.readers import reports_from_bytes
from tracker.ingest.text import split_sentences
from tracker.schema import INC

# --- a photo credit with an initialism ---------------------------------------------------------

CAPTION_STORY = (
    "Finland looks into GPS jamming during war games\n\n"
    "A tanker crew goes over the plan before a training sortie at Rovaniemi in Finland, Oct. "
    "29, 2018. (Jane Roe/U.S. Air Force)\n\n"
    "Finland is checking whether Russia disrupted GPS signals over Lapland during the drills, "
    "which put airliners at risk. Norway had warned pilots about lost GPS signals at the end of "
    "October.\n"
)


def test_a_caption_credited_to_an_initialism_is_left_out():
    sentences = split_sentences(CAPTION_STORY)
    kept = " ".join(s.text for s in _without_captions(sentences))
    assert "Oct. 29" not in kept
    assert "Lapland" in kept


# --- the story's own time stamp below a header clock -------------------------------------------

STAMPED_PAGE = (
    "March 20, 2026 10:15 am (IST) Follow us: share button share button Markets slip on rate "
    "fears | Rail strike called off | Monsoon forecast raised. Cricket board names new captain "
    "| City council approves budget.\n\n"
    "Kestrel Airport\n\n"
    "Spoofing hits flights at Kestrel airport\n\n"
    "| @kestrelnews | Feb 27, 2026, at 03:10 pm\n\n"
    "Several aircraft approaching Kestrel airport met GPS spoofing yesterday, and two of them "
    "diverted to another city.\n"
)


def test_the_stamp_under_the_headline_dates_the_story_not_the_header_clock():
    candidates = ingest_text(STAMPED_PAGE)
    assert [c.values["date"] for c in candidates] == [dt.date(2026, 2, 26)]


# --- news in a headline with an explainer tail -------------------------------------------------

NEWS_EXPLAINED = (
    "GPS jamming disrupts Bergen airport flights: What happened and why it matters — Explained\n\n"
    "Bergen, 12 June 2025: Airliners approaching Bergen Airport have met GPS jamming for close "
    "to a week, and several were sent to other airports.\n"
)


def test_news_before_an_explainer_tail_is_not_an_explainer():
    (candidate,) = ingest_text(NEWS_EXPLAINED)
    assert not any("explains the problem" in r for r in candidate.reasons)


def test_a_question_headline_is_still_an_explainer():
    text = NEWS_EXPLAINED.replace(
        "GPS jamming disrupts Bergen airport flights: What happened", "What is GPS jamming"
    )
    assert all(any("explains the problem" in r for r in c.reasons) for c in ingest_text(text))


# --- a span across two months ------------------------------------------------------------------


def test_a_span_across_two_months_starts_in_the_first_month():
    (mention,) = find_dates("The drills ran Oct. 25-Nov. 7.", base=dt.date(2018, 11, 12))
    assert (mention.date, mention.end_date) == (dt.date(2018, 10, 25), dt.date(2018, 11, 7))


def test_a_span_over_new_year_takes_the_year_of_its_last_day():
    (mention,) = find_dates("Flights were hit Dec 28-Jan 3, 2019.", base=None)
    assert (mention.date, mention.end_date) == (dt.date(2018, 12, 28), dt.date(2019, 1, 3))


def test_a_month_abbreviation_after_a_hyphen_does_not_end_the_sentence():
    texts = [s.text for s in split_sentences("The drills ran Oct. 25-Nov. 7. Pilots lost GPS.")]
    assert texts == ["The drills ran Oct. 25-Nov. 7.", "Pilots lost GPS."]


# --- a sentence that dates another event does not place this one -------------------------------

OTHER_EVENT = (
    "Published: 2026-03-09\n\n"
    "Minister's jet jammed near the border\n\n"
    "An air force jet carrying the defence minister had its GPS signal jammed on Thursday as it "
    "flew close to the border on the way home.\n\n"
    "The minister had spent two days with troops stationed in Estonia before the flight. The "
    "jamming came soon after two fighters shadowed a patrol aircraft above the Black Sea last "
    "month.\n"
)


def test_a_sentence_dating_another_event_does_not_place_the_incident():
    (candidate,) = [c for c in ingest_text(OTHER_EVENT) if c.values["date"] == dt.date(2026, 3, 5)]
    assert "Black Sea" not in str(candidate.values["location"])


# --- the day the news was told, on an undated page --------------------------------------------

BRODSK_DAY = "2025-03-13-brodsk"  # a Thursday
REPORTED_STORY = (
    "Kestrel Air jet diverts after GPS jamming. "
    "A Kestrel Air jet bound for Brodsk had to divert because jamming blocked its GPS, as "
    "reported by the Brodsk Herald {when}. Officials blamed interference from across the border"
)


@pytest.fixture
def brodsk_dir(tmp_path: Path) -> Path:
    rows = [
        _row(f"2025-0{n + 1}-10-{town.lower()}", f"2025-0{n + 1}-10", f"{town} Airport",
             **{INC.operator: "Kestrel Air"})
        for n, town in enumerate(("Alsk", "Bereza", "Chernets", "Dubrovo", "Elnya"))
    ]  # fmt: skip
    rows.append(_row(BRODSK_DAY, "2025-03-13", "Brodsk Airport", **{INC.operator: "Kestrel Air"}))
    return write_recorded(tmp_path / "data", rows)


@pytest.mark.parametrize("when", ["on Friday", "late on Saturday"])
def test_an_undated_lede_may_name_the_day_the_news_was_told(brodsk_dir, when):
    # Before: the weekday of the report was taken for another day's story.
    assert _recalled(brodsk_dir, REPORTED_STORY.format(when=when)) == [(BRODSK_DAY, "undated")]


@pytest.mark.parametrize("when", ["on Monday", "on Sunday"])
def test_a_report_day_far_from_the_recorded_day_tells_another_story(brodsk_dir, when):
    assert _recalled(brodsk_dir, REPORTED_STORY.format(when=when)) == []


def test_a_weekday_of_the_flight_itself_is_still_its_own_day(brodsk_dir):
    text = REPORTED_STORY.format(when="").replace(
        "had to divert because", "had to divert on Friday because"
    )
    assert _recalled(brodsk_dir, text) == []


# --- an undated page at the one recorded place ------------------------------------------------

ORSK_DAY = "2025-06-12-orsk"
UNDATED_ORSK = (
    "Orsk flights hit by GPS jamming\n\n"
    "Airliners approaching Orsk airport met GPS jamming for several days, and some of them "
    "diverted to other cities. Pilots said the signal came back once they left the area.\n"
)


def _orsk_dir(tmp_path: Path, *days: str) -> Path:
    rows = [
        _row(
            f"{day}-orsk",
            day,
            "Orsk Airport",
            **{INC.interference: "jamming", INC.aircraft: "Arrivals at Orsk"},
        )
        for day in days
    ]
    return write_recorded(tmp_path / "data", rows)


def _dated(text: str, data_dir: Path, published=None) -> list[tuple]:
    report = reports_from_bytes(text.encode("utf-8"), name="page.txt")[0]
    index = rec.load_index(data_dir)
    results = extract_results(report, published=published, recorded=index)
    return [(c.values["date"], c.recorded) for c in results.candidates]


def test_an_undated_page_at_the_one_recorded_place_takes_its_day(tmp_path):
    found = _dated(UNDATED_ORSK, _orsk_dir(tmp_path, "2025-06-12"))
    # Before: no date at all, so the candidate was held back.
    assert found == [(dt.date(2025, 6, 12), ORSK_DAY)]


def test_two_recorded_incidents_at_the_place_leave_the_page_undated(tmp_path):
    assert _dated(UNDATED_ORSK, _orsk_dir(tmp_path, "2025-06-12", "2024-02-03")) == []


def test_a_page_with_a_date_is_not_dated_by_its_place(tmp_path):
    found = _dated(UNDATED_ORSK, _orsk_dir(tmp_path, "2025-06-12"), dt.date(2026, 1, 20))
    assert (dt.date(2025, 6, 12), ORSK_DAY) not in found


def test_another_kind_of_interference_at_the_place_is_not_the_recorded_incident(tmp_path):
    text = UNDATED_ORSK.replace("jamming", "spoofing")
    assert _dated(text, _orsk_dir(tmp_path, "2025-06-12")) == []


# --- a named month beats "last month" counted from a date the text names ----------------------

NAMED_MONTH = (
    "Pilots at Bergen airport met GPS spoofing (last month), and several flights approaching "
    "the airport in November had to fly a backup procedure, the minister said.\n\n"
    "The regulator answered with new reporting rules on November 10, 2025.\n"
)


def test_a_named_month_beats_last_month_counted_from_a_date_in_the_text():
    report = reports_from_bytes(NAMED_MONTH.encode("utf-8"), name="page.txt")[0]
    results = extract_results(report, min_score=0)
    days = {c.values["date"] for c in results.candidates + results.skipped}
    # Before: "last month" counted from 10 November gave October.
    assert dt.date(2025, 11, 1) in days
    assert dt.date(2025, 10, 1) not in days


def test_a_record_of_both_kinds_takes_a_page_of_either(tmp_path):
    data_dir = _orsk_dir(tmp_path, "2025-06-12")
    csv = data_dir / "incidents.csv"
    csv.write_text(csv.read_text("utf-8").replace(",jamming,", ",both,"), "utf-8")
    assert _dated(UNDATED_ORSK, data_dir) == [(dt.date(2025, 6, 12), ORSK_DAY)]


def test_a_record_in_the_next_city_does_not_date_the_page(tmp_path):
    rows = [
        _row(
            "2025-06-12-gay",
            "2025-06-12",
            "Gay Airport",
            **{INC.interference: "jamming", INC.aircraft: "Arrivals at Gay"},
            **{INC.latitude: "51.47", INC.longitude: "58.45"},  # 30 km from Orsk: one place
        ),
    ]
    near = write_recorded(tmp_path / "near", rows)
    assert _dated(UNDATED_ORSK, near) == [(dt.date(2025, 6, 12), "2025-06-12-gay")]
    rows[0] |= {INC.latitude: "52.0", INC.longitude: "59.5"}  # about 110 km away
    far = write_recorded(tmp_path / "far", rows)
    assert _dated(UNDATED_ORSK, far) == []


# --- hours ago -----------------------------------------------------------------------------------


def test_hours_ago_count_whole_days_back():
    base = dt.date(2022, 10, 19)
    days = [
        find_dates(text, base=base)[0].date
        for text in ("it began about 24 hours ago", "six hours ago", "48 hours ago")
    ]
    assert days == [dt.date(2022, 10, 18), base, dt.date(2022, 10, 17)]


# --- a comparison with history dates neither the page nor the incident --------------------------

COMPARED_WITH_HISTORY = (
    "Flights were halted at Lubbock airport late last night, and warnings of GPS scrambling "
    "across the region are still in force.\n\n"
    "The last time airspace was shut like that was after the attacks on September 11, 2001.\n"
)


def test_a_date_compared_with_is_neither_the_pages_nor_the_incidents():
    assert infer_reference_date([COMPARED_WITH_HISTORY]) is None
    report = reports_from_bytes(COMPARED_WITH_HISTORY.encode("utf-8"), name="page.txt")[0]
    results = extract_results(report, min_score=0)
    assert all(
        c.values["date"] is None or c.values["date"].year != 2001
        for c in results.candidates + results.skipped
    )


# --- a month in the page's address -------------------------------------------------------------

MONTH_ADDRESS = (
    "URL: https://kestrel-news.example.org/2025/07/airliner-loses-gps-near-bergen/\n\n"
    "Airliner loses GPS near Bergen\n\n"
    "A Kestrel Air jet approaching Bergen airport lost its GPS signal on Thursday and landed "
    "with a backup procedure, the airline said.\n"
)


def test_a_month_in_the_address_dates_an_undated_page_to_that_month():
    report = reports_from_bytes(MONTH_ADDRESS.encode("utf-8"), name="page.txt")[0]
    (candidate,) = extract_results(report, min_score=0).candidates
    # Before: no date at all ("on Thursday" had nothing to count from).
    assert (candidate.values["date"], candidate.values["date_precision"]) == (
        dt.date(2025, 7, 1),
        "month",
    )


def test_a_day_in_the_address_is_still_read_as_a_day():
    text = MONTH_ADDRESS.replace("/2025/07/", "/2025/07/18/")
    report = reports_from_bytes(text.encode("utf-8"), name="page.txt")[0]
    days = {c.values["date"] for c in extract_results(report, min_score=0).candidates}
    assert days == {dt.date(2025, 7, 17)}


# --- a place before a passive "was jammed" is where the aircraft was ---------------------------


def test_a_place_before_was_jammed_is_where_the_aircraft_was():
    (candidate,) = ingest_text(
        "Published: 2025-03-04\n\nOn Monday an airliner approaching Tallinn was jammed and went "
        "around.\n"
    )
    # Before: "Tallinn was jammed" read as an actor ("North Korea jammed"), so no place.
    assert candidate.values["country"] == "EE"


def test_a_country_that_jammed_is_still_an_actor():
    hits = spot_places("North Korea jammed GPS signals on Friday.", weight=3.0)
    assert all(h.score < 0 for h in hits)


# --- the start of a war that a trend is counted from --------------------------------------------


def test_the_day_a_war_began_is_no_incidents_day():
    text = (
        "Published: 2022-03-18\n\n"
        "Since the invasion started on February 24, jamming of GPS has grown around the "
        "conflict zone and over the eastern Mediterranean, forcing some aircraft to change "
        "course, the agency said.\n"
    )
    report = reports_from_bytes(text.encode("utf-8"), name="page.txt")[0]
    results = extract_results(report, min_score=0)
    assert dt.date(2022, 2, 24) not in {
        c.values["date"] for c in results.candidates + results.skipped
    }


# --- passive voice and reporting flights ---------------------------------------------------------


def test_flights_into_a_city_that_were_disrupted_place_the_incident_there():
    hits = spot_places("Flights into Riga were disrupted by GPS jamming on Thursday.", weight=3.0)
    # Before: "Riga were disrupted" read as an actor disrupting signals.
    assert [(h.query, h.score > 0) for h in hits] == [("Riga", True)]


def test_a_flight_to_a_town_that_reported_jamming_goes_to_that_town():
    hits = spot_places("The crew of a Wizz flight to Kaunas reported jamming.", weight=3.0)
    # Before: "Kaunas reported" read as a publisher ("The Telegraph reported").
    assert [h.query for h in hits] == ["Kaunas"]


def test_a_publisher_that_reported_is_still_no_place():
    assert spot_places("The Telegraph reported jamming near the border.", weight=3.0) == []


# --- Greek islands by their English names -------------------------------------------------------


def test_the_greek_islands_english_names_are_in_greece():
    for sentence, name in (
        ("A Kestrel Air flight had to abort its landing at Rhodes on Monday.", "Rhodes"),
        ("A flight over Crete lost GPS.", "Crete"),
    ):
        (hit,) = [h for h in spot_places(sentence, weight=3.0) if h.query == name]
        # Before: a town in Australia and a town in Nebraska.
        assert hit.country == "GR", sentence


# --- one more aircraft on the following day -----------------------------------------------------


@pytest.mark.parametrize(
    "story",
    [
        # Before: one incident, the second flight's day dropped.
        "A flight to Vilnius lost GPS on Monday. Another Kestrel Air flight lost it too the "
        "following evening.",
        # The same in one sentence.
        "A Kestrel Air flight to Vilnius lost GPS on Monday and another the following day.",
    ],
)
def test_one_more_flight_that_met_it_the_next_day_is_a_second_incident(story):
    found = ingest_text(f"Published: 2025-06-18\n\n{story}")
    assert sorted(c.values["date"] for c in found) == [dt.date(2025, 6, 16), dt.date(2025, 6, 17)]


@pytest.mark.parametrize(
    "story",
    [
        "A flight to Vilnius lost GPS on Monday. Another flight landed without trouble the "
        "following day.",
        "A Kestrel Air flight to Vilnius lost GPS on Monday and stayed grounded until the "
        "following day.",
    ],
)
def test_a_next_day_without_another_aircrafts_trouble_is_no_second_incident(story):
    found = ingest_text(f"Published: 2025-06-18\n\n{story}")
    assert [c.values["date"] for c in found] == [dt.date(2025, 6, 16)]


# --- a wire photo's caption ---------------------------------------------------------------------


def test_a_file_photo_caption_is_left_out():
    sentences = split_sentences(
        "FILE - A Kestrel Air jet taxis at Oslo airport, Norway, Tuesday, May 4, 2010. Kestrel "
        "Air said Monday its flights to Bodo would resume.\n"
    )
    kept = " ".join(s.text for s in _without_captions(sentences))
    assert "2010" not in kept
    assert "resume" in kept


# --- a page's time stamp is no evidence of the incident it tells --------------------------------

STAMPED_AREA_PAGE = (
    "Jamming reported near Orsk\n\n"
    "13.06.2025 - 06:22\n\n"
    "GPS signals were jammed from Orsk on Thursday and Friday, officials said. Dozens of "
    "aircraft and some trucks reported disruptions as a result.\n"
)


def test_a_time_stamp_line_does_not_hide_the_ledes_weekday(tmp_path):
    row = _row(
        ORSK_DAY,
        "2025-06-12",
        "Orsk border area",
        **{INC.interference: "jamming", INC.aircraft: "Dozens of civilian aircraft"},
        **{INC.end_date: "2025-06-13", INC.end_date_precision: "day"},
    )
    data_dir = write_recorded(tmp_path / "data", [row])
    found = _dated(STAMPED_AREA_PAGE, data_dir, dt.date(2025, 6, 13))
    # Before: the stamp "13.06.2025" was the evidence, outside the lede, so an area's day was
    # not recalled.
    assert (dt.date(2025, 6, 12), ORSK_DAY) in found


def test_a_date_alone_heading_a_chronology_entry_is_not_a_stamp():
    for line, stamp in (("9.11.2024 - 06:22", True), ("25 December 2024", False)):
        (mention,) = find_dates(line)
        assert rec._only_a_stamp(line, mention) is stamp, line
