"""Language detection, Session 14: a language that writes its grammar as endings.

Turkish says "to Bulgaria", "of the aircraft" and "that it lost" with endings ("Bulgaristan'a",
"uçağın", "kaybettiğini"), so a Turkish news text has few function words to count; an English
name or two in it ("The Financial Times") must not make it English. The texts are our own.
"""

from __future__ import annotations

import datetime as dt

from tracker.ingest import ingest_text
from tracker.ingest.languages.detect import detect_language

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
