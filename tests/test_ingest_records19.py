"""Session 19: a day's disturbance over an area is an incident the first corpus lists, and a
saved page's repeated headline is no part of its lede (invented places, people and records)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import recalled as _recalled
from helpers import russian_incident_row as _row
from helpers import write_recorded

from tracker.ingest import recorded as rec
from tracker.ingest.candidates import _nearest_date, extract_results, without_background_sections
from tracker.ingest.dates import find_dates
from tracker.ingest.readers import reports_from_bytes
from tracker.ingest.text import Sentence, split_sentences
from tracker.schema import INC

AREA = "2025-06-07-velgorod-airspace"  # a Saturday
RANGE = "2025-06-07-vosk-range"


@pytest.fixture
def area_dir(tmp_path: Path) -> Path:
    summary = (
        "Aircraft around Velgorod lost satellite navigation for several hours, said Orlan "
        "Tesk, who chairs the Velgorod Aviation Board."
    )
    rows = [
        _row(AREA, "2025-06-07", "Velgorod airspace", **{
             INC.aircraft: "Aircraft in the Velgorod area", INC.summary: summary}),
        # A test range's warning of the same day tells no aircraft that met it.
        _row(RANGE, "2025-06-07", "Vosk Test Range (planned GPS tests)", **{
             INC.summary: "Crews were warned by Orlan Tesk of planned tests at Vosk Range."}),
    ]  # fmt: skip
    return write_recorded(tmp_path / "data", rows)


LEDE = (
    "The Velgorod Aviation Board said today, Saturday, that aircraft around the city had lost "
    "satellite navigation for hours. Its chairman Orlan Tesk told reporters that crews "
    "switched to ground beacons. "
)
LATER = (
    "Officials in the region have long complained about the problem. Airlines rerouted some "
    "of their flights for the rest of the month. Analysts think the signals come from "
    "military sites along the border. "
)


def test_an_areas_disturbance_of_a_day_is_recalled_by_a_weekday_in_the_lede(area_dir):
    # Before: only a single flight's record could be recalled; an area's never was.
    assert _recalled(area_dir, LEDE) == [(AREA, "weekday")]


def test_an_areas_disturbance_told_after_the_lede_is_background(area_dir):
    told_late = LATER + LEDE
    assert _recalled(area_dir, told_late) == []


def test_a_warning_is_not_recalled_as_an_areas_disturbance(area_dir):
    text = (
        "Crews were warned of planned GPS tests at Vosk Range today, Saturday, by Orlan Tesk "
        "of the aviation board. Pilots flying near Vosk Range should expect an unreliable "
        "signal, the warning says."
    )
    assert _recalled(area_dir, text) == []


def test_a_repeated_headline_is_no_part_of_the_lede():
    headline = "Aviation board closes the Velgorod skies after hours of jamming"
    sentences = [
        f"Story 12AB {headline}",
        headline,
        "by a staff writer The Velgorod Aviation Board closed the airspace on Saturday.",
        "Aircraft around the city had lost satellite navigation for hours.",
        "Officials in the region have long complained about the problem.",
    ]
    # Before: both copies of the headline counted, and the story's day fell outside the lede.
    assert rec.lede_of(sentences) == [sentences[0], sentences[2], sentences[3]]


def test_an_areas_month_of_jamming_is_not_recalled_by_a_day(tmp_path: Path):
    month = "2025-06-01-velgorod-fir"
    rows = [
        _row(month, "2025-06-01", "Velgorod FIR", **{
             INC.date_precision: "month", INC.aircraft: "Aircraft in touch with Velgorod control",
             INC.summary: "Orlan Tesk of the Velgorod Aviation Board blamed the border war."}),
    ]  # fmt: skip
    data_dir = write_recorded(tmp_path / "data", rows)
    text = (
        "Velgorod news desk, 14 June 2025: Orlan Tesk of the Velgorod Aviation Board said "
        "phones and aircraft in the region keep losing GPS, and blamed the war across the border."
    )
    # A month of jamming is a season, not the day a dateline gives.
    assert _recalled(data_dir, text) == []


# "In recent days": the days just before publication.


def _dates(text: str) -> list[tuple[str, str]]:
    """(date, precision) of the dated candidates, shown or skipped."""
    (report,) = reports_from_bytes(text.encode(), name="page.txt")
    found = extract_results(report)
    return [
        (c.values[INC.date].isoformat(), c.values[INC.date_precision])
        for c in [*found.candidates, *found.skipped]
        if c.values[INC.date] is not None
    ]


@pytest.mark.parametrize(
    "words", ["in recent days", "over the past few days", "in the last couple of days"]
)
def test_recent_days_are_read_as_the_days_before_publication(words):
    (mention,) = find_dates(f"Four airliners lost GPS {words}.", base=dt.date(2022, 7, 11))
    assert (mention.date, mention.precision) == (dt.date(2022, 7, 1), "month")


RECENT = (
    "Published: 2024-02-22\n\n"
    "In recent days two Norland Air airliners lost GPS on the approach to Velmar Airport "
    "and had to go around, the aviation authority said. "
)


def test_an_incident_of_recent_days_is_dated_to_their_month():
    text = RECENT + "Its staff are looking into the reports with the army."
    # Before: no date at all, and the incident fell below the threshold.
    assert ("2024-02-01", "month") in _dates(text)


def test_a_day_of_those_recent_days_told_nearby_dates_the_incident():
    text = RECENT + "Five such reports came in this month. The latest came on Wednesday."
    assert _dates(text) == [("2024-02-21", "day")]
    # A day weeks before is no day of the recent days: the month stays.
    earlier = RECENT + "Five such reports came in this year. The first came on 8 January."
    assert ("2024-02-01", "month") in _dates(earlier)


# A section headed "Background:" lists earlier events, not the page's own.

BACKGROUND = (
    "Published: 2025-09-03\n\n"
    "Minister's plane circles Velmar for an hour after a drone sighting\n\n"
    "A jet carrying Norland's foreign minister could not land at Velmar on Tuesday evening "
    "because a drone was reported near the runway, the airport said.\n\n"
    "Background:\n\n"
    "- On 28 August, the GPS of a Norland Air airliner was jammed on its approach to "
    "Velgorod Airport, and the crew landed with ground beacons.\n\n"
    "- Officials blamed military transmitters across the border.\n"
)


def test_an_incident_listed_under_a_background_heading_is_not_the_pages():
    # Before: the jammed airliner of 28 August became the page's incident.
    assert _dates(BACKGROUND) == []


def test_the_section_after_the_background_is_read_again():
    text = BACKGROUND + "\nLatest\n\nOn Monday, crews reported GPS jamming near Velgorod again.\n"
    kept = [s.text for s in without_background_sections(split_sentences(text))]
    assert kept[-2:] == ["Latest", "On Monday, crews reported GPS jamming near Velgorod again."]
    assert not any("28 August" in sentence for sentence in kept)


# Two towns of one country are two places.


def test_a_candidate_in_a_far_town_of_the_same_country_is_not_a_recorded_incident(tmp_path):
    orsk = "2025-06-14-orsk"
    data_dir = write_recorded(tmp_path / "data", [
        _row(orsk, "2025-06-14", "Orsk Airport", **{
             INC.operator: "Kestrelair", INC.aircraft: "Sukhoi Superjet (RA-89011)"}),
    ])  # fmt: skip
    index = rec.load_index(data_dir)
    words = rec.report_words("The Kestrelair jet RA-89011 lost GPS")

    def link(latitude: float, longitude: float, location: str):
        values = {
            INC.date: dt.date(2025, 6, 14), INC.date_precision: "day", INC.country: "RU",
            INC.latitude: latitude, INC.longitude: longitude, INC.location: location,
            INC.geocode_precision: "city",
        }  # fmt: skip
        return rec.find_link(values, words, index, published=None, dated_by_text=True)

    assert link(51.23, 58.47, "Orsk, Russia").incident.id == orsk
    # Before: the same country was place enough, 600 km away.
    assert link(53.2, 50.1, "Samara, Russia") is None


# "Last week" is not counted from a year guessed beside another day.


def test_last_week_is_not_counted_from_a_year_guessed_beside_another_day():
    text = (
        "Airliner spoofed near Velmar\n\n"
        "A Norland Air airliner approaching Velmar Airport lost its true position to GPS "
        "spoofing last week and had to go around, the airline said.\n\n"
        "In March 2023 the regulator had already asked airlines to log such events. "
        "It repeated the order in a circular on March 14."
    )
    # Before: "last week" was counted from 14 March 2023, a day whose year is only a guess
    # from the sentence before it, and became an incident of March 2023.
    assert _dates(text) == []
    # A page that gives its own date counts "last week" from it.
    assert ("2025-11-01", "month") in _dates("Published: 2025-11-12\n\n" + text)


# A forum post's time stamp is when it was written, not when anything happened.


def _nearest_day(lines: list[str]) -> str | None:
    """The day that dates the undated last line, looking back and forth (one-incident pages)."""
    sentences = [Sentence(text, i, i, heading=False) for i, text in enumerate(lines)]
    found = _nearest_date(sentences, len(lines) - 1, dt.date(2026, 3, 22))
    return found[0].date.isoformat() if found else None


QUESTION = "Flying into Velmar with the GPS jammed, do you go around or ask for the ILS?"


@pytest.mark.parametrize(
    "stamp", ["kestrel77 21st March 2026 18:05 #1", "Old 21st Mar 2026, 18:05 #1 (permalink)"]
)
def test_a_forum_posts_time_stamp_does_not_date_what_the_post_tells(stamp):
    # Before: the post's stamp was the day of the incident its question only imagines.
    assert _nearest_day([stamp, QUESTION]) is None


def test_a_day_and_hour_in_running_text_still_date_an_incident():
    told = "On 21 March 2026 at 18:05 a Norland Air airliner lost GPS near Velmar."
    assert _nearest_day([told, QUESTION]) == "2026-03-21"
