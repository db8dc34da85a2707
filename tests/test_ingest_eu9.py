"""Session 9 rules for pages in European languages (branch eu9): German nouns read as towns
once their umlaut is dropped, a page's time stamp line, and more.

Every fixture is a short text written for this test (our own words), never article text.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import ingest_text
from tracker.ingest.languages.placenames import resolve_place
from tracker.ingest.text import split_sentences

# --- German: an umlaut is part of the word ------------------------------------------------------


def test_a_german_noun_is_no_town_once_its_umlaut_is_dropped():
    # "Gerät" (a device) folds to "gerat", a transliteration of Herat (Afghanistan).
    assert resolve_place("Gerät", "de") is None


def test_german_places_written_with_an_umlaut_are_still_found():
    assert resolve_place("Zürich", "de").name == "Zürich"
    assert resolve_place("Nürnberg", "de").name == "Nuremberg"


# --- a time stamp line ---------------------------------------------------------------------------


def test_a_date_and_time_line_is_a_sentence_of_its_own():
    text = "Pilots landed safely.\n01.09.2025 - 15:30\nThe aircraft lost GPS on Sunday."
    texts = [s.text for s in split_sentences(text)]
    assert "01.09.2025 - 15:30" in texts


def test_the_time_stamp_does_not_date_an_undated_headline_incident():
    text = (
        "date 2025-09-01 Beim Anflug auf Bulgarien wurde das GPS im Flugzeug gestört. "
        "Die Piloten landeten mit Papierkarten.\n"
        "01.09.2025 - 15:30 Uhr\n"
        "Die Navigationsanlage des Flugzeugs ist beim Anflug auf den Flughafen Plowdiw am "
        "Sonntagabend ausgefallen. Das Gerät fiel aus, das Flugzeug kreiste eine Stunde über "
        "dem Flughafen."
    )
    [candidate] = ingest_text(text)
    assert candidate.values["date"] == dt.date(2025, 8, 31)


# --- an undated news item is the day's news ------------------------------------------------------


def test_the_first_incident_told_without_a_day_is_dated_by_the_publication_day():
    text = (
        "date 2025-09-24 El avión de la ministra de Defensa ha sufrido interferencias en su GPS "
        "cuando volaba cerca de Kaliningrado, camino de Lituania.\n"
        "El avión cuenta con sistemas militares y el vuelo no se vio afectado."
    )
    [candidate] = ingest_text(text)
    assert candidate.values["country"] == "RU"
    assert (candidate.values["date"], candidate.values["date_precision"]) == (
        dt.date(2025, 9, 24),
        "day",
    )
    assert "publication day" in " ".join(candidate.notes)
