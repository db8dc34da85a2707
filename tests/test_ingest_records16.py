"""Session 16: rules found on spent real corpora, each with a fixture in our own words."""

from __future__ import annotations

from tracker.ingest import ingest_text


def _days(text: str) -> list[str]:
    return sorted(c.values["date"].isoformat() for c in ingest_text(text))


def test_flights_taken_up_again_after_a_lede_take_the_days_of_the_sentence_before():
    text = (
        "Published: 2024-04-29\n\n"
        "Two airliners turn back in the latest suspected jamming of aircraft GPS\n"
        "Two more airliners had to turn back mid-flight over suspected Russian interference.\n"
        "Russia stands accused of risking a disaster by interfering with aircraft GPS.\n"
        "Two Finnair flights from Helsinki to Tartu had to return to Finland on Thursday and "
        "Friday because of trouble with their navigation.\n"
        "Experts believe the planes' GPS signals may have been jammed."
    )
    # Before: the lede made an undated incident first, so the days of the sentence before the
    # problem sentence were not read as its days; only Thursday was found, by the nearest date.
    assert _days(text) == ["2024-04-25", "2024-04-26"]
