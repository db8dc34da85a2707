"""Languages, Session 14: Turkish detection, and Indonesian and Malay read through a gloss.

Language detection: a language that writes its grammar as endings.

Turkish says "to Bulgaria", "of the aircraft" and "that it lost" with endings ("Bulgaristan'a",
"uçağın", "kaybettiğini"), so a Turkish news text has few function words to count; an English
name or two in it ("The Financial Times") must not make it English. The texts are our own.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import ingest_text
from tracker.ingest.languages.detect import detect_language
from tracker.ingest.languages.gloss import gloss_line, gloss_text

TURKISH_NEWS = (
    "Haber ajansı, komisyon başkanını taşıyan uçağın 31 Ağustos'ta Bulgaristan'a inerken GPS "
    "sinyalini kaybettiğini yazdı. The Financial Times gazetesine göre pilotlar uçağı kağıt "
    "haritalarla indirdi. Yetkililer, sinyalin Rusya tarafından bozulduğundan şüpheleniyor. "
    "Kremlin sözcüsü iddiaları reddetti ve haberin yanlış olduğunu söyledi. Bu olay, bölgedeki "
    "uçuşlarda yaşanan sorunların son örneği oldu. Hava trafik kontrolörleri pilotlara yer "
    "tabanlı seyrüsefer yardımcılarını önerdi. Uçak güvenli şekilde piste indi. Yolcular "
    "uçuşun sakin geçtiğini anlattı. Havacılık uzmanları benzer vakaların Baltık bölgesinde "
    "sıklaştığını belirtiyor."
)


def test_a_turkish_text_with_an_english_name_is_turkish():
    assert detect_language(TURKISH_NEWS).code == "tr"


def test_english_with_a_turkish_quote_stays_english():
    text = (
        "The airline said the aircraft landed safely. A Turkish paper called it "
        "'uçağın sinyali kayboldu' and said the crew used ground aids on the approach."
    )
    assert detect_language(text).code == "en"


def test_the_turkish_text_is_read_through_its_gloss():
    (candidate,) = ingest_text(TURKISH_NEWS, published=dt.date(2025, 9, 1))
    assert candidate.values["country"] == "BG"
    assert candidate.values["date"] == dt.date(2025, 8, 31)


# --- Indonesian and Malay -------------------------------------------------------------------

INDONESIAN_NEWS = (
    "Sebuah pesawat Middle East Airlines kehilangan sinyal GPS saat mendekati Bandara Beirut "
    "pada Jumat (29/3/2024). Pilot melaporkan gangguan navigasi satelit, dan pesawat itu "
    "mendarat dengan selamat. Otoritas penerbangan Lebanon mengatakan sinyal tersebut diacak "
    "oleh jamming dari Israel."
)


def test_indonesian_is_detected_and_read():
    assert detect_language(INDONESIAN_NEWS).code == "id"
    (candidate,) = ingest_text(INDONESIAN_NEWS, published=dt.date(2024, 3, 30))
    assert candidate.values["country"] == "LB"
    assert candidate.values["date"] == dt.date(2024, 3, 29)
    assert candidate.values["interference"] == "jamming"
    assert candidate.values["flight_phase"] == "approach"
    assert candidate.values["operator"] == "Middle East Airlines"


def test_malay_months_and_weekdays_are_read_with_the_indonesian_table():
    assert gloss_line("pada Khamis, 14 Ogos 2025", "id") == "On Thursday, 14 August 2025"
    assert gloss_line("pada Kamis, 14 Agustus 2025", "id") == "On Thursday, 14 August 2025"


def test_an_indonesian_bare_noun_is_no_particular_aircraft():
    # "pesawat" is an aircraft or many; "pesawat tersebut" (that aircraft) and "sebuah pesawat"
    # (an aircraft) are one.
    assert gloss_line("Pilot pesawat melaporkan gangguan GPS", "id") == (
        "Pilots aircraft reported GPS interference"
    )
    assert gloss_line("Pesawat tersebut mendarat", "id") == "The aircraft landed"
    assert gloss_line("Sebuah pesawat mendarat", "id") == "A aircraft landed"


def test_indonesian_words_that_are_no_dates():
    # "minggu" alone is a week ("dua minggu", two weeks); "MRT" is the Jakarta metro.
    assert "Sunday" not in gloss_line("Dua minggu kemudian pesawat kembali", "id")
    assert gloss_text("pada Minggu (31/8/2025)", "id") == "On Sunday (31 August 2025)"
    assert "March" not in gloss_line("Penumpang MRT Jakarta", "id")
    assert "Lion Air" in gloss_line("Pesawat Lion Air mendarat", "id")


def test_a_weekday_with_day_and_month_in_brackets_is_a_date():
    assert gloss_text("nesta quarta-feira (24/9), sobre Kaliningrado", "pt") == (
        "On Wednesday (24 September), over Kaliningrad"
    )
    assert gloss_text("pada Jumat (29/3) di Beirut", "id") == "On Friday (29 March) in Beirut"
    # A score in brackets after an ordinary word stays as written.
    assert "March" not in gloss_text("Skor akhir (2/3) di Beirut", "id")


def test_a_slashed_date_is_written_with_the_languages_full_month_name():
    # Spanish is read with Catalan's calendar too; "de set" (Catalan) is no month to the gloss.
    assert "24 September 2025" in gloss_text("aterrizó el 24/09/2025 en Vilna", "es")
