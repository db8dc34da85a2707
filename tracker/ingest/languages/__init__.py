"""Reports in other languages: identify the language, then read an English gloss of the report.

The hook into the pipeline is one call, :func:`to_english`, made by
:func:`tracker.ingest.candidates.extract_candidates` before anything else: an English report
comes back unchanged; a report in a language with a cue table (:data:`SUPPORTED`) comes back
with its text replaced by a word-by-word English gloss (:mod:`.gloss`) and a note naming the
language, so every English rule (anchors, dates, places, type, phase, scores) applies unchanged.
Chinese, Japanese, Korean, Arabic, Hebrew, Hindi, Punjabi, Urdu and Persian, written without
capital letters (and the first two without spaces), are glossed by :mod:`.scripts`. A report in a
language without a table gets no candidate and a note saying why.

Modules: :mod:`.detect` (which language), :mod:`.calendar` (months, weekdays, "yesterday"),
:mod:`.lexicon` (cue words), :mod:`.placenames` (exonyms, case endings, Cyrillic, names in
other scripts), :mod:`.gloss` (the gloss) and :mod:`.scripts` (segmentation, particles and
prefixes, for the scripts without capitals).
"""

from __future__ import annotations

from dataclasses import replace

from tracker.ingest.languages.detect import LANGUAGE_NAMES, Guess, detect_language
from tracker.ingest.languages.gloss import gloss_text
from tracker.ingest.languages.lexicon import TABLES, lexicon_for

__all__ = ["SUPPORTED", "GLOSS_NOTE", "Guess", "detect_language", "to_english", "gloss_text"]

#: Language codes read through a gloss (the English rules read English directly).
SUPPORTED = frozenset(
    ["no", "da", "sv", "fi", "et", "lv", "lt", "pl", "cs", "sk", "de", "nl", "ru", "uk", "bg",
     "es", "pt", "fr", "it", "ro", "tr", "hu", "el", "zh", "ja", "ko", "ar", "he", "hi",
     "pa", "ur", "fa", "az", "ca", "sl", "mk", "sr", "id", "is", "vi", "sq"]
)  # fmt: skip
assert all(lexicon_for(code) is not None for code in SUPPORTED), TABLES.keys()

#: Start of the note a glossed report carries (``read as a word-by-word English gloss of ...``).
GLOSS_NOTE = "read through a word-by-word English gloss of"


def to_english(report):
    """``report`` itself when it is English (or already glossed); otherwise a copy whose text is
    the English gloss, with a note naming the language.

    :param report: a :class:`tracker.ingest.readers.Report`.
    """
    if any(note.startswith(GLOSS_NOTE) for note in report.notes):
        return report
    guess = detect_language(report.text)
    if guess.code == "en":
        return report
    name = LANGUAGE_NAMES.get(guess.code, guess.code)
    if guess.code not in SUPPORTED:
        note = f"written in {name}: no cue table for it yet, so nothing was read"
        return replace(report, text="", title="", notes=(*report.notes, note))
    text = gloss_text(report.text, guess.code)
    title = gloss_text(report.title, guess.code) if report.title else ""
    note = (
        f"{GLOSS_NOTE} the {name} text: check every field against the article; "
        "the evidence quotes the gloss"
    )
    return replace(report, text=text, title=title, notes=(*report.notes, note))
