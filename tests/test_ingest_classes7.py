"""Session 7: one test per failure class seen on holdout6 and the tuning sets.

Each text is written for the test and reproduces only the shape of the problem.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.assess import APPLY_MIN_SCORE
from tracker.ingest.dates import find_dates


def _one(text: str) -> dict:
    found = [c.as_dict() for c in ingest_text(text) if c.score >= APPLY_MIN_SCORE]
    assert len(found) == 1, [(c["date"], c["location"], c["score"]) for c in found]
    return found[0]


# --- type ------------------------------------------------------------------------------------


def test_jamming_and_spoofing_named_as_a_pair_do_not_make_the_incident_both():
    found = _one(
        "Published: 2025-03-04\n\nOn Monday a Wizz Air A321 lost its GPS signal approaching "
        "Tallinn. Estonia has several airports where jamming and spoofing have been a nuisance "
        "for years."
    )
    assert found["interference"] == "jamming"


def test_an_explainer_pair_leaves_an_unnamed_problem_unknown():
    found = _one(
        "Published: 2025-03-04\n\nOn Monday a Wizz Air A321 approaching Tallinn had GPS "
        "problems and the crew flew a conventional approach. Jamming or spoofing of satellite "
        "signals has become common near the Baltic."
    )
    assert found["interference"] == "unknown"


def test_an_aircraft_both_jammed_and_spoofed_is_both():
    found = _one(
        "Published: 2025-03-04\n\nOn Monday a Wizz Air A321 approaching Tallinn was jammed, "
        "then its receiver was spoofed with a false position."
    )
    assert found["interference"] == "both"


def test_a_particular_flight_that_met_jamming_and_spoofing_is_both():
    found = _one(
        "Published: 2025-03-04\n\nOn Monday a Wizz Air A321 approaching Tallinn met strong GPS "
        "jamming and spoofing, the airline said."
    )
    assert found["interference"] == "both"


# --- places ----------------------------------------------------------------------------------


def test_a_place_alone_between_the_bars_of_a_credit_line_is_not_the_place():
    found = _one(
        "Published: 2024-05-02\n\nJammed signal on a minister's jet\n\n"
        "Wire | Madrid | Updated: 02-05-2024 10:00 IST The GPS signal of the jet carrying the "
        "minister was jammed on Wednesday, officials said. The aircraft was then over "
        "Kaliningrad."
    )
    assert found["country"] == "RU"


def test_close_to_a_countrys_exclave_of_a_place_is_a_role_cue():
    found = _one(
        "Published: 2024-05-02\n\nOn Wednesday the GPS signal of a government jet was jammed "
        "while it passed close to Russia's exclave of Kaliningrad on the Baltic, the crew "
        "said from Madrid."
    )
    assert found["location"].startswith("Kaliningrad")
    assert any("clear role cue" in reason for reason in found["reasons"]), found["reasons"]


# --- gloss -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "У вівторок хтось втручався в роботу GPS пасажирського літака над Калінінградом. "
        "Літак долетів до Риги без інших проблем.",
        "Во вторник кто-то вмешался в работу GPS пассажирского самолёта над Калининградом. "
        "Самолёт долетел до Риги без других проблем.",
    ],
)
def test_interfering_with_the_gps_is_interference_in_ukrainian_and_russian(text):
    found = _one(f"Published: 2025-06-11\n\n{text}")
    assert (found["country"], found["date"]) == ("RU", "2025-06-10")


# --- dates -----------------------------------------------------------------------------------


def test_over_the_weekend_in_a_saturday_report_is_the_weekend_under_way():
    saturday = dt.date(2024, 6, 15)
    (mention,) = find_dates("GPS was jammed over the weekend.", base=saturday)
    assert mention.date == saturday
    (last,) = find_dates("GPS was jammed last weekend.", base=saturday)
    assert last.date == dt.date(2024, 6, 8)


def test_a_definite_weekend_in_danish_is_not_last_weekend():
    found = _one(
        "Published: 2024-06-15\n\nEt fly fra SAS mistede GPS-signalet under indflyvningen til "
        "Bornholm i weekenden på grund af jamming."
    )
    assert found["date"] == "2024-06-15"


def test_the_day_of_a_court_hearing_does_not_date_the_incident():
    found = _one(
        "Published: 2024-10-11\n\nGPS jammer in a parked car kept planes grounded at Lyon\n\n"
        "A salesman appeared in court on Wednesday. On 3 June his device had blocked all "
        "traffic at Lyon airport for hours."
    )
    assert found["date"] == "2024-06-03"


def test_a_french_court_hearing_is_a_court_hearing():
    found = _one(
        "Published: 2024-10-11\n\nUn brouilleur de GPS a bloqué des avions à Lyon\n\n"
        "Un commercial comparaissait mercredi devant le tribunal de Lyon. Il avait bloqué le "
        "trafic de l'aéroport de Lyon le 3 juin dernier."
    )
    assert found["date"] == "2024-06-03"


# --- area events -----------------------------------------------------------------------------


def test_reports_from_civil_aviation_name_the_aircraft_of_an_area_event():
    found = _one(
        "Published: 2025-02-20\n\nThe transport agency received reports from civil aviation in "
        "eastern Finland that GPS had been jammed on 14 February. Planes had to use ground "
        "beacons instead."
    )
    assert (found["country"], found["date"]) == ("FI", "2025-02-14")


def test_the_day_of_a_date_before_a_comma_is_not_a_count():
    found = _one(
        "Published: 2025-05-10\n\nGPS spoofing was suspected at Riga Airport, where the approach "
        "lights were also out. The disruption, which occurred on May 7, saw flights diverted "
        "to Vilnius as controllers worked by hand."
    )
    assert found["date"] == "2025-05-07"
    assert not any("counts or rates" in reason for reason in found["reasons"])


def test_airplanes_are_aircraft_beside_ships():
    found = _one(
        "Published: 2025-02-20\n\nOn Tuesday ferries and airplanes near Tallinn lost their GPS "
        "signal."
    )
    assert (found["country"], found["date"]) == ("EE", "2025-02-18")


def test_aircraft_of_the_lede_that_met_disruptions_on_a_day_are_an_area_event():
    found = _one(
        "Published: 2025-02-20\n\nGPS disruptions for airplanes near Vilnius\n\n"
        "Dozens of airplanes approaching Vilnius have experienced disruptions that began on "
        "Tuesday, the air navigation service said."
    )
    assert (found["country"], found["date"]) == ("LT", "2025-02-18")


def test_a_place_after_due_to_is_where_the_jamming_came_from():
    texts = [
        c.as_dict()
        for c in ingest_text(
            "Published: 2025-02-20\n\nOn Tuesday airplanes lost GPS due to Kaliningrad's "
            "jammers, pilots flying to Riga said."
        )
    ]
    assert all(c["country"] != "RU" for c in texts), [c["location"] for c in texts]


def test_disruptions_over_a_period_of_months_are_not_an_incident():
    found = [
        c
        for c in ingest_text(
            "Published: 2025-03-01\n\nThe border regions near Amritsar had the most frequent "
            "disruptions of aircraft GPS between November 2023 and February 2025."
        )
        if c.score >= APPLY_MIN_SCORE
    ]
    assert found == []


def test_it_after_a_sentence_naming_the_plane_is_that_plane():
    found = _one(
        "Published: 2024-04-12\n\nPilots of several airlines have reported GPS jamming near the "
        'border this week. "Our plane was flying from Riga to Tartu on Monday morning," said '
        'a spokesman of the airline. "It was over Valga when the GPS signal suddenly vanished."'
    )
    assert (found["country"], found["date"]) == ("EE", "2024-04-08")


def test_last_week_is_the_month_most_of_that_week_is_in():
    monday = dt.date(2024, 5, 6)  # last week: Monday 29 April to Sunday 5 May
    (mention,) = find_dates("The crew lost GPS last week.", base=monday)
    assert (mention.date, mention.precision) == (dt.date(2024, 5, 1), "month")
    (late,) = find_dates("The crew lost GPS last week.", base=dt.date(2024, 5, 13))
    assert late.date == dt.date(2024, 5, 1)


def test_dutch_pilot_flying_towards_sweden_when_the_gps_stopped():
    found = _one(
        "Published: 2024-05-06\n\nGps-storing bij vluchten\n\nEen verkeersvlieger vertelde het "
        "vorige week. Toen wij richting Zweden vlogen, stopte de gps er af en toe mee."
    )
    assert (found["country"], found["date"], found["date_precision"]) == (
        "SE",
        "2024-05-01",
        "month",
    )


def test_what_a_meeting_agreed_and_where_it_met_are_not_an_incident():
    found = [
        c
        for c in ingest_text(
            "Published: 2025-03-07\n\nConference\n\nExperts met in Vienna on Wednesday. It was "
            "agreed that GPS jamming against airliners must stop."
        )
        if c.score >= APPLY_MIN_SCORE
    ]
    assert found == []


def test_portuguese_segundo_is_second_not_monday():
    from tracker.ingest.languages.gloss import gloss_line

    glossed = gloss_line("O segundo voo pousou na segunda-feira e outro na segunda.", "pt")
    assert glossed.count("Monday") == 2, glossed


def test_a_demonstrative_opening_a_sentence_is_not_a_town():
    from tracker.ingest.languages.gloss import gloss_line

    assert "Essen" not in gloss_line("Esse é o terceiro incidente do mês.", "pt")


def test_a_similar_failure_on_an_earlier_day_is_a_second_incident():
    found = [
        c.as_dict()
        for c in ingest_text(
            "Published: 2024-09-04\n\nGPS interference returned at Tartu Airport on Tuesday, "
            "delaying flights. It is the second case in a week, after a similar failure on "
            "Thursday."
        )
        if c.score >= APPLY_MIN_SCORE
    ]
    assert sorted(c["date"] for c in found) == ["2024-08-29", "2024-09-03"], found
    assert {c["country"] for c in found} == {"EE"}


def test_a_photo_caption_neither_places_nor_dates_the_incident():
    found = _one(
        "Published: 2024-11-09\n\nGPS jammed near Vilnius\n\n"
        "A Boeing 737 taxies at Riga airport on Wednesday, July 19, 2023. Photographer: Jane "
        "Roe/Agency\n\nOn Friday an airBaltic jet lost its GPS signal near Vilnius, the airline "
        "said."
    )
    assert (found["country"], found["date"]) == ("LT", "2024-11-08")
    assert "Riga" not in json.dumps(found["evidence"])


def test_a_similar_disruption_on_a_day_keeps_its_day_beside_a_period():
    found = [
        c.as_dict()
        for c in ingest_text(
            "Published: 2025-03-08\n\nGPS interference hit Palanga Airport on Friday, delaying "
            "three flights. It was the second case this month, after a similar disruption on "
            "Monday."
        )
        if c.score >= APPLY_MIN_SCORE
    ]
    assert sorted(c["date"] for c in found) == ["2025-03-03", "2025-03-07"], found


def test_a_similar_incident_of_ships_is_not_an_anchor():
    from tracker.ingest.candidates import _is_anchor
    from tracker.ingest.text import Sentence

    ships = Sentence("In a similar incident on Monday, a ferry lost its position.", 3, 1, False)
    planes = Sentence("In a similar incident on Monday, a jet lost its position.", 3, 1, False)
    assert not _is_anchor(ships, crew_narrative=False, topic=True)
    assert _is_anchor(planes, crew_narrative=False, topic=True)
