"""Session 7: one test per failure class seen on holdout6 and the tuning sets.

Each text is written for the test and reproduces only the shape of the problem.
"""

from __future__ import annotations

from tracker.ingest import ingest_text
from tracker.ingest.assess import APPLY_MIN_SCORE


def _one(text: str) -> dict:
    found = [c.as_dict() for c in ingest_text(text) if c.score >= APPLY_MIN_SCORE]
    assert len(found) == 1, [(c["date"], c["location"], c["score"]) for c in found]
    return found[0]


# --- type ------------------------------------------------------------------------------------


def test_jamming_and_spoofing_named_as_a_pair_do_not_make_the_incident_both():
    found = _one(
        "Published: 2025-03-04\n\nOn Monday a Wizz Air A321 lost its GPS signal approaching "
        "Tallinn. Estonia has several airports where jamming and spoofing have caused trouble "
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
