"""Session 9 (English): one test per failure class seen on the English tuning pages.

Each text is written for the test and reproduces only the shape of the problem.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import assess as ax
from tracker.ingest import ingest_text
from tracker.ingest.assess import APPLY_MIN_SCORE
from tracker.ingest.candidates import _group, extract_candidates
from tracker.ingest.places import LookupBudget
from tracker.ingest.readers import reports_from_bytes
from tracker.ingest.text import split_sentences


def _kept(text: str) -> list[dict]:
    return [c.as_dict() for c in ingest_text(text) if c.score >= APPLY_MIN_SCORE]


def _every(text: str) -> list[dict]:
    """Every candidate, however low its score."""
    (report,) = reports_from_bytes(text.encode("utf-8"), name="<text>")
    return [c.as_dict() for c in extract_candidates(report, floor=0.0)]


def _brief(found: list[dict]) -> list[tuple]:
    return [(c["date"], c["date_precision"], c["country"], c["score"]) for c in found]


def _incidents(text: str, base: dt.date):
    sentences = split_sentences(text)
    return _group(sentences, sentences, base, LookupBudget())


# --- an earlier event recalled after an undated lede -------------------------------------------


def test_a_month_with_early_mid_or_late_opening_a_sentence_recalls_an_earlier_event():
    assert ax.is_background("In early February Russia jammed GPS on flights over the sea.")
    assert ax.is_background("In mid-August a jet lost GPS near the border.")
    assert ax.is_background("Russia jammed GPS in a similar fashion on flights in the Baltic.")
    assert ax.is_background("It follows claims that planes were jammed at Paphos in 2021.")
    assert not ax.is_background("A jet lost GPS near the border on Friday.")


def test_a_recalled_event_does_not_date_the_undated_incident_told_before_it():
    lede, recalled = _incidents(
        "Russia jammed GPS on the minister's plane, pilots said. In early March Russia jammed "
        "GPS in a similar fashion on flights over the sea.",
        dt.date(2024, 4, 14),
    )
    assert lede.date is None
    assert recalled.date is not None and recalled.date.date == dt.date(2024, 3, 1)


def test_an_undated_recall_with_its_own_year_is_another_incident():
    incidents = _incidents(
        "Russia jammed GPS on the minister's plane, pilots said. It follows claims that planes "
        "were jammed at Paphos airport in 2021.",
        dt.date(2024, 4, 14),
    )
    assert len(incidents) == 2


def test_a_month_recalled_in_the_lede_is_not_the_ledes_incident():
    found = _every(
        "Published: 2024-04-14\n\n"
        "In the lede a Wizz Air jet lost GPS near Tallinn on 12 April 2024. In early March "
        "GPS jamming in a similar fashion disrupted a Finnair flight over Vilnius."
    )
    recalled = next(c for c in found if c["date"] == "2024-03-01")
    assert not any("reported in the headline or lede" in r for r in recalled["reasons"])
    assert any("recalled for context" in r for r in recalled["reasons"]), recalled["reasons"]


def test_a_recalled_events_place_does_not_place_the_lede_incident():
    found = _kept(
        "Published: 2024-04-14\n\n"
        "Minister's jet jammed on the way home\n\n"
        "RUSSIA jammed signals on the defence minister's plane, RAF pilots suspect. It follows "
        "claims that Russia had disturbed aircraft GPS around the RAF base at Akrotiri, "
        "Cyprus, in 2021."
    )
    # Before: the minister's plane was placed at Akrotiri (and dated April 2024).
    assert not [c for c in found if c["country"] == "CY"], _brief(found)


# --- an undated lede told again with its days ---------------------------------------------------


def test_the_undated_lede_incident_joins_the_days_the_next_sentence_names():
    found = _kept(
        "Published: 2024-12-24\n\n"
        "OSLO (Agency) - Nordic Air said Thursday it will resume flights to Bodo in June after "
        "a pair of its planes were unable to land there last month because of GPS jamming.\n"
        "The jamming forced the two flights to return to Oslo on April 25 and April 26."
    )
    # A copy stamped months after the story. Before: a third candidate dated by the
    # statement's Thursday counted from the stamp (19 December).
    assert sorted(c["date"] for c in found) == ["2024-04-25", "2024-04-26"], _brief(found)
    assert {c["country"] for c in found} == {"NO"}


# --- what interference can do is no event -------------------------------------------------------


def test_what_spoofing_can_do_to_airliners_is_not_an_incident():
    found = _kept(
        "Published: 2025-06-23\n\n"
        "Carriers cancel Gulf flights after strikes\n"
        "Several carriers cancelled flights to Doha and Dubai on Sunday.\n"
        "GPS spoofing around conflict zones, where ground stations broadcast false positions "
        "which can send commercial airliners off course"
    )
    # Before: an incident in Doha on Sunday, from a cut-off line about what spoofing can do.
    assert found == [], _brief(found)


# --- a copy stamped weeks after the story -------------------------------------------------------


STALE_COPY = (
    "Published: 2024-05-21\n\n"
    "OSLO (Agency) - Nordic Air said Monday it is stopping flights to Bodo for a month, as a "
    "pair of its planes could not land there because of GPS jamming.\n\n"
    "The jamming forced the two flights to return to Oslo last Thursday and Friday.\n\n"
    "The airline said it would halt the service from April 29 to May 31 until a new "
    "approach is ready."
)


def test_a_plan_told_as_still_to_come_dates_a_copy_stamped_weeks_later():
    found = _kept(STALE_COPY)
    # Before: last Thursday and Friday counted from the stamp (16 and 17 May).
    assert sorted(c["date"] for c in found) == ["2024-04-25", "2024-04-26"], _brief(found)


def test_a_plan_retold_with_its_own_date_leaves_the_page_date_alone():
    found = _kept(STALE_COPY.replace("The airline said it", "On April 20 the airline said it"))
    assert sorted(c["date"] for c in found) == ["2024-05-16", "2024-05-17"], _brief(found)


def test_a_plan_still_to_come_after_the_page_date_leaves_it_alone():
    found = _kept(STALE_COPY.replace("from April 29 to May 31", "from May 29 to June 30"))
    assert sorted(c["date"] for c in found) == ["2024-05-16", "2024-05-17"], _brief(found)


def test_a_plan_changes_nothing_when_the_text_counts_no_days_from_its_date():
    found = _kept(
        "Published: 2024-05-21\n\n"
        "A Nordic Air plane could not land at Bodo because of GPS jamming and returned to Oslo. "
        "The airline said it would suspend the flights from April 29 to May 31."
    )
    # No "last Thursday" to count: the page's date stays the date of the report.
    assert [c["date"] for c in found] == ["2024-05-21"], _brief(found)


def test_the_start_of_a_plan_is_not_an_incident_date():
    from tracker.ingest.candidates import _event_dates

    plan = "The airline said it would suspend the flights from April 29 to May 31."
    assert _event_dates(plan, dt.date(2024, 5, 21)) == []
    after = "The airline will add ground beacons after the jamming on April 25."
    assert [m.date for m in _event_dates(after, dt.date(2024, 5, 21))] == [dt.date(2024, 4, 25)]
    told = "The airline suspended the flights from April 29 after the jamming."
    assert [m.date for m in _event_dates(told, dt.date(2024, 5, 21))] == [dt.date(2024, 4, 29)]


# --- an accusation about one airport's disruption ------------------------------------------------


def test_an_accusation_lede_about_one_airports_disruption_is_an_area_event():
    found = _kept(
        "Cyprus Blames Neighbour for GPS Trouble at Larnaca Airport\n\n"
        "June 28, 2024\n\n"
        "Cypriot officials on Thursday accused a neighbour of causing unexplained GPS "
        "disruptions affecting flights around Larnaca Airport, local media said.\n\n"
        "Pilots flying near the airport have met interference with the signal for some three "
        "weeks, the airports authority said.\n"
    )
    # Before: -0.30 for a lede that is an accusation, although its subject is one airport.
    assert [c["country"] for c in found] == ["CY"], _brief(found)


# --- a period is not a day ----------------------------------------------------------------------


def test_a_span_of_weeks_is_a_period_not_the_day_of_an_incident():
    found = _kept(
        "Published: 2024-06-10\n\n"
        "SAS stopped its flights to Bodo from April 29 to May 31 after GPS jamming kept "
        "two of its planes from landing there, the airline said."
    )
    # Before: dated 29 April at day precision, with +0.10 for a day named.
    assert [(c["date"], c["date_precision"]) for c in found] == [("2024-04-01", "month")], _brief(
        found
    )


def test_a_span_of_a_few_days_is_still_an_incidents_days():
    found = _kept(
        "Published: 2024-06-10\n\n"
        "Nordic Air planes lost GPS near Bodo between 29 May and 2 June, the airline said."
    )
    assert [(c["date"], c["date_precision"]) for c in found] == [("2024-05-29", "day")], _brief(
        found
    )


# --- news of the day ----------------------------------------------------------------------------


def test_the_only_incident_of_a_report_with_no_date_is_dated_by_the_publication_day():
    found = _kept(
        "Published: 2025-09-24\n\n"
        "Minister's plane hit by GPS jamming near Kaliningrad\n\n"
        "A military plane carrying the defence minister to Lithuania suffered GPS jamming as "
        "it flew near Kaliningrad, officials said."
    )
    # Before: the publication month (2025-09-01, month precision), which misses the day.
    assert [(c["date"], c["date_precision"]) for c in found] == [("2025-09-24", "day")], _brief(
        found
    )
    assert any("publication day" in n for n in found[0]["notes"]), found[0]["notes"]


def test_an_undated_incident_below_the_lede_keeps_the_publication_month():
    found = _every(
        "Published: 2025-09-24\n\n"
        "A Wizz Air jet lost GPS on approach to Vilnius on 22 September 2025.\n\n"
        "Lithuania summoned the Russian envoy.\n\n"
        "Separately, a Ryanair plane lost GPS signals over Gdansk and landed safely."
    )
    later = [c for c in found if c["country"] == "PL"]
    assert [(c["date"], c["date_precision"]) for c in later] == [("2025-09-01", "month")], _brief(
        found
    )


# --- other stories' headlines -------------------------------------------------------------------


LINKS = (
    "Published: 2025-02-14\n\n"
    "Airliner loses GPS over the Black Sea\n\n"
    "A LOT Embraer flying from Warsaw to Tbilisi lost its GPS signal over the Black Sea, the "
    "airline said. The crew switched to inertial navigation.\n\n"
    "Read more:\n"
    "Two Finnair flights to Tartu turned back after GPS jamming on 25 April 2024\n"
    "Wizz Air jet lost GPS near Kaliningrad on 3 January 2025\n"
)


def test_a_list_of_other_stories_headlines_gives_no_incident_and_no_date():
    found = _kept(LINKS)
    # Before: the Black Sea flight took 25 April 2024, and Kaliningrad was a second incident.
    assert [(c["date"], c["country"]) for c in found] == [("2025-02-14", "")], _brief(found)


def test_a_sentence_after_a_link_label_is_still_read():
    found = _kept(
        LINKS.replace("Read more:\n", "Related stories\n\n").replace(
            "on 3 January 2025\n",
            "on 3 January 2025\n\nA Wizz Air jet lost GPS near Kaliningrad "
            "on 12 February 2025, the airline said.\n",
        )
    )
    assert ("2025-02-12", "RU") in [(c["date"], c["country"]) for c in found], _brief(found)
    assert "2024-04-25" not in [c["date"] for c in found], _brief(found)


def test_the_link_list_ends_at_the_first_sentence():
    found = _kept(
        "Published: 2025-03-05\n\n"
        "Related stories\n"
        "Pilots report jamming near Kaliningrad on 3 January 2025\n\n"
        "Baltic airspace update.\n\n"
        "Finnair jet lost GPS on approach to Tartu on 3 March 2025\n"
    )
    assert [(c["date"], c["country"]) for c in found] == [("2025-03-03", "EE")], _brief(found)


# --- a bulleted timeline in a plain-text page ---------------------------------------------------


def test_each_item_of_a_bulleted_list_is_its_own_paragraph():
    from tracker.ingest.text import split_sentences

    sentences = split_sentences(
        "Timeline\n\n- 25 April 2024: two flights to Tartu turn back.\n"
        "- 13 March 2024: a plane near Kaliningrad is jammed.\n"
    )
    assert [s.text for s in sentences[1:]] == [
        "25 April 2024: two flights to Tartu turn back.",
        "13 March 2024: a plane near Kaliningrad is jammed.",
    ]
    assert sentences[1].paragraph != sentences[2].paragraph


def test_a_bulleted_timeline_places_each_event_by_its_own_item():
    found = _kept(
        "Published: 2024-05-03\n\n"
        "Timeline: GPS trouble in the Baltic\n\n"
        "- 25 April 2024: Two Finnair flights to Tartu turn back after GPS jamming.\n"
        "- 30 April 2024: A Wizz Air jet loses GPS over Gdansk after jamming.\n"
    )
    # Before: both items were one sentence, so both events took one place.
    assert sorted((c["date"], c["country"]) for c in found) == [
        ("2024-04-25", "EE"),
        ("2024-04-30", "PL"),
    ], _brief(found)


def test_a_single_dash_line_is_not_a_list():
    from tracker.ingest.text import split_sentences

    sentences = split_sentences("The crew said:\n- We lost the GPS on approach.\n")
    assert [s.text for s in sentences] == ["The crew said: - We lost the GPS on approach."]


# --- equipment and tests ------------------------------------------------------------------------


def test_an_anti_jamming_product_is_not_a_jamming_problem():
    from tracker.ingest.candidates import _is_problem_sentence

    assert not _is_problem_sentence("Avionics maker unveils anti-jamming antenna for airliners")
    assert not _is_problem_sentence("Airlines buy counter-spoofing receivers for their jets")
    assert _is_problem_sentence("An anti-jamming antenna did not stop the jamming of the jet")


def test_interference_made_on_purpose_for_a_test_is_no_incident():
    found = _kept(
        "Published: 2025-04-02\n\n"
        "New antenna tried in the air\n\n"
        "The maker said flight tests on 12 March showed the antenna kept a GPS fix while a "
        "test transmitter jammed the signal near its plant in Toulouse."
    )
    assert found == [], _brief(found)


# --- natural causes and demands -----------------------------------------------------------------


def test_a_solar_storm_that_degrades_gps_is_not_interference():
    found = _every(
        "Published: 2024-05-13\n\n"
        "Solar storm upsets navigation\n\n"
        "A strong geomagnetic storm disrupted GPS signals on Friday, and some pilots over the "
        "North Atlantic reported degraded navigation, the regulator said."
    )
    assert found == [], _brief(found)


def test_the_day_senators_urged_action_is_not_an_incident_day():
    from tracker.ingest.candidates import _event_dates

    text = "Two senators on Wednesday urged the regulator to act on GPS spoofing of airliners."
    assert _event_dates(text, dt.date(2024, 12, 12)) == []


def test_a_lede_that_urges_action_is_a_statement():
    assert ax.POLICY_LEDE.search("Two senators urged the regulator to act on GPS spoofing.")
    assert ax.POLICY_LEDE.search("Pilots' unions called on governments to stop the jamming.")


# --- an update line above the publication line --------------------------------------------------


def test_an_updated_line_above_the_published_line_is_not_the_publication_date():
    found = _kept(
        "Updated: 21 May 2024\nPublished: 29 April 2024\n\n"
        "Nordic Air said on Monday it would stop flights to Bodo after two of its planes "
        "turned back last Thursday and Friday because of GPS jamming."
    )
    # Before: the update (21 May) was the publication date, so the days were 16 and 17 May.
    assert sorted(c["date"] for c in found) == ["2024-04-25", "2024-04-26"], _brief(found)


def test_an_updated_line_alone_still_dates_the_page():
    (report,) = reports_from_bytes(
        b"Updated: 21 May 2024\n\nA jet lost GPS near Bodo.", name="<text>"
    )
    assert report.published == dt.date(2024, 5, 21)


# --- readers' comments --------------------------------------------------------------------------


STORY = (
    "Published: 2025-03-05\n\n"
    "Why GPS jamming worries pilots\n\n"
    "Pilots say interference has become routine on some routes around the Baltic and the "
    "Black Sea.\n\n"
    "Regulators are studying backup systems, and airlines are training crews to spot false "
    "positions.\n\n"
)
COMMENT = (
    "Jane Roe\nMarch 5, 2025 at 9:14 am\n"
    "Same happened on my flight to Riga on Monday, the pilot said our GPS was jammed and we "
    "circled for half an hour.\n"
)


def test_a_readers_comment_below_the_story_is_not_its_incident():
    found = _kept(STORY + "12 Comments\n\n" + COMMENT)
    # Before: the commenter's Monday flight was an incident at 0.75.
    assert found == [], _brief(found)


def test_a_comment_count_under_the_title_does_not_cut_the_story():
    found = _kept(
        "Published: 2025-03-05\n\nJet circles over Riga\n\n3 Comments\n\n"
        "An airBaltic jet circled for half an hour near Riga on Monday after its GPS was "
        "jammed, the airline said."
    )
    assert [(c["date"], c["country"]) for c in found] == [("2025-03-03", "LV")], _brief(found)


def test_a_warning_to_pilots_with_no_particular_flight_is_a_statement():
    found = _kept(
        "Published: 2025-01-20\n\n"
        "The regulator on Friday issued a warning to pilots about GPS interference in the "
        "Middle East, saying several airliners have lost navigation there in recent weeks."
    )
    # Before: an incident in the Middle East at 0.40.
    assert found == [], _brief(found)
    assert ax.POLICY.search("The agency warned airlines about spoofing near the border.")


def test_a_plan_over_before_the_page_date_is_retold_not_still_to_come():
    found = _kept(
        STALE_COPY.replace("Published: 2024-05-21", "Published: 2024-06-05").replace(
            "last Thursday and Friday", "on Thursday and Friday"
        )
    )
    # The suspension (29 April to 31 May) was over by 5 June: the days count from 5 June.
    assert sorted(c["date"] for c in found) == ["2024-05-30", "2024-05-31"], _brief(found)


def test_a_plan_on_29_february_read_in_another_year_is_no_error():
    found = _every(
        "Published: 2025-03-20\n\n"
        "A Nordic Air jet turned back on Monday after GPS jamming near Bodo. The airline said it "
        "would add beacons from February 29 to April 30."
    )
    assert [c["date"] for c in found] == ["2025-03-17"], _brief(found)
