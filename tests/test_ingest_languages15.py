"""Icelandic (session 15): read through its own table, not as Norwegian. Every fixture is a
short text written for this test (our own words), never article text."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.languages import detect_language, to_english
from tracker.ingest.languages.placenames import resolve_place
from tracker.ingest.readers import reports_from_bytes

VILNIUS_APPROACH = (
    "Birt: 12. mars 2025\n\nFarþegaþota frá finnsku flugfélagi missti GPS-merki í aðflugi að "
    "flugvellinum í Vilníus á þriðjudaginn. Flugmennirnir gátu ekki lent og þurftu að snúa við "
    "til Helsinki. Talið er að truflunin komi frá Rússlandi."
)


def _gloss(text: str) -> str:
    (report,) = reports_from_bytes(text.encode(), name="frett.txt")
    return to_english(report).text


def test_icelandic_is_told_from_norwegian():
    # Before: read as Norwegian (the two share "og", "er", "til", "var"), whose table glossed
    # almost nothing of it.
    assert detect_language(VILNIUS_APPROACH).code == "is"
    assert detect_language("Flyet mistet GPS-signalet og måtte lande i Bodø i går.").code != "is"


def test_an_icelandic_report_gives_its_incident():
    (found,) = ingest_text(VILNIUS_APPROACH)
    assert found.values["date"] == dt.date(2025, 3, 11)  # the Tuesday before the Wednesday
    assert found.values["country"] == "LT"
    assert found.values["interference"] == "jamming"
    assert found.values["flight_phase"] == "approach"


def test_icelandic_statistics_give_no_incident():
    text = (
        "Birt: 3. júní 2024\n\nTilvikum þar sem truflanir á GPS-merkjum hafa áhrif á "
        "flugumferð hefur fjölgað á þessu ári, samkvæmt tölfræði flugmálayfirvalda. Alls voru "
        "skráð meira en 300 atvik í fyrra."
    )
    assert [c for c in ingest_text(text) if c.score >= 0.4] == []


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("Búlgaríu", "Bulgaria"),
        ("Rússlands", "Russia"),
        ("Hvíta-Rússlandi", "Belarus"),  # not Russia: the longer stem is tried first
        ("Eystrasalti", "Baltic Sea"),
        ("Litháen", "Lithuania"),
        ("Spánn", "Spain"),
    ],
)
def test_icelandic_country_names_in_their_cases(word, english):
    assert resolve_place(word, "is").name == english


def test_this_morning_is_not_tomorrow():
    assert "This morning" in _gloss(
        "Í morgun missti flugvélin GPS-merki yfir Eystrasalti og flugmennirnir þurftu að lenda."
    )
    tomorrow = _gloss("Á morgun verður flogið til Kaupmannahafnar að sögn flugfélagsins og það.")
    assert "this morning" not in tomorrow.lower()


def test_the_day_before_yesterday():
    gloss = _gloss(
        "Flugvélin missti GPS-merki í fyrradag yfir Póllandi og flugmennirnir sneru við."
    )
    assert "2 days ago" in gloss


def test_an_airport_named_in_two_words_keeps_both():
    # Before: "Gurion airport", the gloss keeping only the word the gazetteer also knew alone.
    text = (
        "Am Flughafen Ben Gurion in Tel Aviv kam es am Sonntag zu Störungen des GPS-Signals, "
        "und mehrere Flugzeuge mussten umgeleitet werden, sagte die Behörde."
    )
    assert "Ben Gurion airport" in _gloss(text)


@pytest.mark.parametrize(
    ("code", "sentence", "english"),
    [
        ("de", "Wie die Behörde berichtet, musste das Flugzeug nach Hamburg zurück.", "Reported"),
        (
            "pt",
            "O avião não conseguiu aterrissar em Vilnius por causa de interferência no GPS.",
            "could not land",
        ),
        ("ru", "На подлете к Калининграду самолет потерял сигнал GPS.", "Approach"),
    ],
)
def test_cue_words_the_tables_lacked(code, sentence, english):
    from tracker.ingest.languages.gloss import gloss_text

    assert english in gloss_text(sentence, code)


def test_english_terms_written_in_latin_letters_inside_another_script_are_kept():
    from tracker.ingest.languages.gloss import gloss_text

    # Before: only "GPS" was kept, so a Hindi page's "GPS Spoofing" read as "GPS".
    gloss = gloss_text("दिल्ली एयरपोर्ट पर GPS Spoofing से कई फ्लाइट जयपुर Divert हुईं।", "hi")
    assert "GPS spoofing" in gloss
    assert "diverted" in gloss


@pytest.mark.parametrize(
    ("code", "sentence", "english"),
    [
        (
            "it",
            "Il volo da Varsavia a Londra ha perso il segnale GPS vicino a Kaliningrad.",
            "from Warsaw to London lost GPS signal near Kaliningrad",
        ),
        (
            "it",
            "L'aereo, di ritorno dalla Polonia al Regno Unito, ha perso il segnale GPS.",
            "from Poland to United Kingdom",
        ),
    ],
)
def test_a_routes_end_is_to_and_near_is_near(code, sentence, english):
    from tracker.ingest.languages.gloss import gloss_text

    # Before: "from Warsaw at London" and "near at Kaliningrad", so the route's end read as
    # where the incident was.
    assert english in gloss_text(sentence, code)
