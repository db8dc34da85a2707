"""Session 12, second non-English pass (branch lang12b): failure classes of holdout12.

Every sentence here was written for these tests (own words), after the classes seen on pages
retelling the Plovdiv landing of 31 August 2025 in Macedonian, Serbian and Hungarian; no article
text is copied.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import ingest_text
from tracker.ingest.languages import detect_language, gloss_text
from tracker.ingest.languages.calendar import calendar_for


def _best(text: str, published: str) -> tuple[str, str]:
    """(date, country) of the best-scoring candidate."""
    found = [c.as_dict() for c in ingest_text(text, published=dt.date.fromisoformat(published))]
    assert found, "no candidate"
    best = max(found, key=lambda c: c["score"])
    return str(best["date"]), best["country"]


# --- Macedonian: detected, read with the Bulgarian/Russian table ------------------------------

_MK = (
    "Во неделата авионот на делегацијата летал од Варшава до Пловдив во Бугарија. "
    "Пред слетувањето ГПС сигналот на аеродромот беше недостапен, и пилотот слета со помош "
    "на хартиени карти. Според службениците, станува збор за попречување."
)


def test_macedonian_is_detected():
    assert detect_language(_MK).code == "mk"


def test_macedonian_gloss_names_the_aircraft_the_airport_and_the_landing():
    english = gloss_text(_MK, "mk").lower()
    assert "aircraft" in english and "airport" in english and "landing" in english
    assert "unavailable" in english and "interference" in english
    assert "bulgaria" in english


def test_a_macedonian_weekday_with_its_article_is_a_weekday():
    # "неделата": "недела" (Sunday) with the definite ending "-та".
    assert calendar_for("mk").weekdays.get("неделата") == "Sunday"
    assert calendar_for("mk").weekdays.get("петокот") == "Friday"


def test_a_macedonian_retelling_gives_the_day_and_country():
    assert _best(_MK, "2025-09-02") == ("2025-08-31", "BG")


# --- Serbian and Croatian in Latin script: detected, read with the Czech table ----------------

_SR = (
    "Krajem avgusta avion koji je leteo iz Varšave za Plovdiv u Bugarskoj imao je problem sa "
    "GPS-om. Pri prilazu aerodromu piloti su prijavili ometanje signala, ali je avion ipak "
    "bezbedno sleteo 31. avgusta."
)


def test_serbian_latin_is_detected_and_not_slovenian():
    assert detect_language(_SR).code == "sr"
    # Slovenian keeps its own code ("ki", "v", "tudi" are not Serbian).
    slovenian = "Letalo, ki je letelo v Bolgarijo, je izgubilo signal GPS, zato je tudi pristalo."
    assert detect_language(slovenian).code == "sl"


def test_serbian_month_genitive_and_country():
    english = gloss_text(_SR, "sr")
    assert "31 August" in english
    assert "Bulgaria" in english
    assert "jamming" in english and "landed" in english


def test_a_serbian_retelling_gives_the_day_and_country():
    assert _best(_SR, "2025-09-06") == ("2025-08-31", "BG")


# --- a trend sentence does not place the incident ---------------------------------------------


def test_a_trend_sentence_does_not_place_the_incident():
    # Hungarian: the lede names the destination only; the last line says such incidents have
    # grown in number in the Baltic (where incidents are common, not where this one happened).
    text = (
        "A bizottság elnökét szállító gép vasárnap Plovdivba tartott.\n\n"
        "A repülőtéren megszűnt a GPS-jel, a gép egy órán át körözött.\n\n"
        "Az ilyen incidensek száma jelentősen megnőtt a Balti-tengeren az elmúlt években."
    )
    assert _best(text, "2025-09-01") == ("2025-08-31", "BG")


# --- German "hatte mit ... zu tun" (had to deal with): experienced -----------------------------


def test_german_had_to_deal_with_a_disruption_is_experienced():
    text = (
        "Ein Regierungsflugzeug hat am Mittwoch in der Nähe von Kaliningrad mit gestörten "
        "GPS-Signalen zu tun gehabt. Die Crew navigierte mit anderen Mitteln weiter."
    )
    assert "experienced" in gloss_text(text, "de")
    assert _best(text, "2024-03-15") == ("2024-03-13", "RU")


# --- the ordinal "fourth" is not Thursday ------------------------------------------------------


def test_the_ordinal_fourth_is_not_thursday():
    pl, cs, bg = calendar_for("pl"), calendar_for("cs"), calendar_for("bg")
    # "jedna czwarta lotów" (a quarter of the flights), "čtvrtá" (fourth), "четвърта".
    assert pl.weekday("czwarta") == "" and pl.weekday("czwartej") == ""
    assert cs.weekday("čtvrtá") == "" and bg.weekday("четвърта") == ""
    # The weekday's own inflections still are Thursday.
    assert pl.weekday("czwartku") == "Thursday" and cs.weekday("čtvrtkem") == "Thursday"
    assert bg.weekday("четвъртъка") == "Thursday"
    # Russian "четверть" (a quarter) shares "четвер-" with "четверг".
    ru = calendar_for("ru")
    assert ru.weekday("четверть") == "" and ru.weekday("четверга") == "Thursday"
