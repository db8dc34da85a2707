"""The English concepts every script table must be able to gloss (Chinese, Japanese, Korean,
Arabic, Hebrew, Hindi, Punjabi, Urdu, Persian: :data:`.scripts.SCRIPT_LANGUAGES`).

The English rules (:mod:`tracker.ingest.candidates`, :mod:`tracker.ingest.fields`,
:mod:`tracker.ingest.assess`, :mod:`tracker.ingest.dates`) find an incident by a handful of
words: an aircraft or a flight, an event (lost, landed, diverted, returned), the GNSS word and
the kind of interference, a place with its role (near, over, from, to, in), a date (yesterday,
a weekday, a month, last week...), and the words that make a text no incident (a denial, a
possibility, a warning, statistics). A gloss that cannot write one of them hides every report
that needs it. :data:`SCRIPT_CONCEPTS` lists them, each with the English glosses that count
for it; ``tests/test_ingest_scripts_coverage.py`` checks every script table against it (with a
commented allow-list for the true exceptions).

Kept apart from the European tables' inventory on purpose (another branch writes that one); the
concept names are plain English so the two can be merged.
"""

from __future__ import annotations

from tracker.ingest.languages.calendar import MONTHS, WEEKDAYS

__all__ = ["SCRIPT_CONCEPTS"]

#: concept -> the English words (as a gloss writes them) any one of which covers it.
SCRIPT_CONCEPTS: dict[str, frozenset[str]] = {
    name: frozenset(words)
    for name, words in {
        # what was affected
        "aircraft": {"aircraft", "planes"},
        "flight": {"flight", "flights"},
        "airport": {"airport", "airports"},
        "pilot": {"pilots", "captain", "crew"},
        # what happened to it
        "land": {"landing", "landed"},
        "approach": {"approach"},
        "diverted": {"diverted"},
        "returned": {"returned", "turned back"},
        "lost": {"lost", "disappeared", "went dark"},
        "experienced": {"experienced", "affected", "suffered", "hit by"},
        # the GNSS words
        "GPS": {"GPS"},
        "signal": {"signal"},
        "jamming": {"jamming", "jammed", "jammer"},
        "spoofing": {"spoofing"},
        "interference": {"interference"},
        # where: a place's role
        "near": {"near"},
        "over": {"over"},
        "from": {"from"},
        "to": {"to"},
        "in": {"in"},
        # when
        "yesterday": {"yesterday"},
        "last week": {"last week"},
        "last year": {"last year"},
        "the next day": {"the next day", "the following day"},
        **{day: {day} for day in WEEKDAYS},
        **{month: {month} for month in MONTHS},
        # what makes a text no incident
        "not": {"not", "no"},
        "possibility": {"could", "may", "can"},
        "warned": {"warned"},
        "reported": {"reported", "reports"},
        "statistics": {"statistics", "number of"},
        "increase": {"on the rise", "increasingly"},
    }.items()
}
