"""Rules from the holdout9 failure classes (session 9, branch h9fix), in our own words."""

from __future__ import annotations

from tracker.ingest import ingest_text
from tracker.ingest.places import spot_places


def test_a_month_abbreviation_beside_a_day_is_a_date_not_a_place():
    hits = spot_places(
        "The fault was first seen on Thursday (Nov 6) by engineers at Delhi airport.", weight=3.0
    )
    assert [h.country for h in hits] == ["IN"]
    assert {h.country for h in spot_places("Crews saw it again on 6 Dec near Pune.")} == {"IN"}


def test_guard_a_dated_abbreviation_leaves_the_incident_in_india():
    candidates = ingest_text(
        "Published: 2025-11-07\n\nOn Thursday (Nov 6) pilots landing at Delhi airport reported "
        "false GPS positions and several flights were delayed."
    )
    assert candidates and {c.values["country"] for c in candidates} == {"IN"}
