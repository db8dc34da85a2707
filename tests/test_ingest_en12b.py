"""Rules from the English failure classes of holdout12 (session 12, branch en12b).

Every fixture is written in our own words; none is an article's text.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import assess as ax
from tracker.ingest import ingest_text
from tracker.ingest.dates import find_dates


def _dates(candidates) -> list[str]:
    return sorted(str(c.values["date"]) for c in candidates)


def test_the_end_of_a_period_still_running_reads_forward():
    # "until at least 31 May" on a page of 30 April is this year's 31 May (a limit), not
    # last year's 31 May read as an incident's day.
    (mention,) = find_dates(
        "The carrier will not fly to the city until at least May 31.", base=dt.date(2024, 4, 30)
    )
    assert mention.date == dt.date(2024, 5, 31)
    assert mention.is_bound


def test_a_suspension_term_running_past_the_page_does_not_date_an_incident():
    candidates = ingest_text(
        "Published: 2024-04-30\n\nThe airline has stopped its flights to Tartu Airport until at "
        "least May 31, because GPS jamming there forced the approach of its aircraft to be "
        "abandoned."
    )
    assert "2023-05-31" not in _dates(candidates)


def test_a_warning_period_running_past_the_page_is_not_an_incident():
    candidates = ingest_text(
        "Published: 2019-02-07\n\nPilots flying in the eastern U.S. should expect GPS jamming "
        "during a military exercise between Feb. 6 and 10."
    )
    assert "2019-02-06" not in _dates(candidates)


def test_guard_a_period_ended_before_the_page_still_dates_the_incident():
    candidates = ingest_text(
        "Published: 2019-02-12\n\nPilots flying in the eastern U.S. met GPS jamming during a "
        "military exercise between Feb. 6 and 10."
    )
    assert _dates(candidates) == ["2019-02-06"]


_PAGE_DAY = dt.date(2025, 12, 2)


def test_a_dateline_closed_by_a_colon_is_the_filing_day_not_the_incident_day():
    candidates = ingest_text(
        "Spoofing hits Pune approaches\n\nPune, December 02: Several airliners approaching Pune "
        "airport received spoofed GPS signals, the airport said.",
        published=_PAGE_DAY,
    )
    assert "2025-12-02" not in _dates(candidates)


def test_a_figure_with_another_cause_is_not_the_ledes_aggregate():
    # A teaser for another story ("Over 300 Flights Delayed" by a power cut) run into the lede
    # does not make the page a statistics page.
    (candidate,) = ingest_text(
        "Spoofing hits Pune approaches\n\nAn airliner approaching Pune airport received spoofed "
        "GPS signals last month, the airport said. Pune Airport Delays: Power Cut Hits "
        "Terminal; Over 300 Flights Delayed.",
        published=_PAGE_DAY,
    )
    assert not any("aggregate figure" in r for r in candidate.reasons)


def test_the_signature_of_an_embedded_post_does_not_date_the_incident():
    candidates = ingest_text(
        "Spoofing hits Pune approaches\n\nThe minister quoted the airport's report: \"An "
        'airliner reported GPS spoofing while approaching Pune airport on runway 10." — '
        "Newswire (@newswire) November 28, 2025",
        published=_PAGE_DAY,
    )
    assert "2025-11-28" not in _dates(candidates)


_STAMP = "Thursday, 05 March 2026 09:40 GMT\n\nJamming near Kars airport\n\n"


def test_the_weekday_of_a_time_stamp_goes_with_it():
    (candidate,) = ingest_text(
        _STAMP + "An airliner approaching Kars airport lost GPS to jamming, the airport said."
    )
    assert not any("Thursday" in reason for reason in candidate.reasons)


def test_a_wire_dateline_closed_by_the_agency_below_a_time_stamp_dates_no_incident():
    candidates = ingest_text(
        _STAMP + "(SYNDIC- WIRE) Ankara, Feb 20 (WIRE) An airliner approaching Kars airport lost "
        "GPS to jamming, the airport said."
    )
    assert "2026-02-20" not in _dates(candidates)


def test_a_regulators_order_to_report_is_a_policy_lede():
    assert ax.POLICY_LEDE.search(
        "The regulator has directed pilots and airlines to report GPS spoofing within ten minutes."
    )


def test_the_aircraft_as_a_qualifier_names_no_aircraft():
    assert ax.specific_vehicle(["Crews must state the aircraft equipment that was affected."]) == ""
    assert ax.specific_vehicle(["The aircraft turned back to Helsinki."]) == "The aircraft"


def _reasons(text: str, published: dt.date) -> list[str]:
    return [r for c in ingest_text(text, published=published) for r in c.reasons]


def test_interference_that_has_sometimes_stopped_aircraft_is_routine():
    reasons = _reasons(
        "Tartu approaches change\n\nIn April, GPS jamming near Tartu airport has sometimes "
        "prevented aircraft from landing there.",
        dt.date(2024, 5, 1),
    )
    assert any("routine" in r for r in reasons)


def test_the_aircraft_of_a_general_rule_is_no_particular_aircraft():
    reasons = _reasons(
        "Tartu approaches change\n\nIn April, GPS jamming near Tartu airport stopped planes "
        "landing there. The aircraft has backup systems it can use when jamming occurs.",
        dt.date(2024, 5, 1),
    )
    assert not any("names a specific aircraft" in r for r in reasons)


def test_teasers_under_a_recall_label_are_other_stories():
    candidates = ingest_text(
        "Airline pauses Tartu service\n\nThe airline has stopped flying to Tartu for a month "
        "while a new approach is built, it said.\n\nRecall\n\nMinisters warned that jamming "
        "forced two Finnish flights to turn back over Estonia\n\nJamming blamed on Russia, a "
        "defence ministry says",
        published=dt.date(2024, 4, 30),
    )
    assert candidates == []


def test_the_days_of_the_flights_told_in_the_next_sentence_date_them():
    candidates = ingest_text(
        "Ministers warn over jamming\n\nThe ministers spoke out at the weekend about GPS "
        "jamming that made two Finnair flights turn back over Estonia last week. The flights "
        "leaving Helsinki on Thursday and Friday had to return when the signal was lost.",
        published=dt.date(2024, 4, 29),
    )
    assert _dates(candidates) == ["2024-04-25", "2024-04-26"]


def test_the_country_fingers_are_pointed_at_is_the_accused_not_the_place():
    candidates = ingest_text(
        "Flights to Estonia abandoned\n\nOn Friday evening two Finnish flights had to abandon "
        "their trips to Estonia after GPS failures, with officials pointing fingers "
        "at Russia for the jamming.",
        published=dt.date(2024, 4, 28),
    )
    assert [c.values.get("country") for c in candidates] == ["EE"]
