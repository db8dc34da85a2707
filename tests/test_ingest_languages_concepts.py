"""Session 8 (European languages): one inventory of what the English rules read
(:data:`tracker.ingest.languages.lexicon.CONCEPTS`), every European table covering it, and the
gloss rules added with it.

Every fixture is a short sentence written for this test (our own words), never article text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.languages.calendar import MONTHS, WEEKDAYS, calendar_for
from tracker.ingest.languages.gloss import gloss_line, gloss_text
from tracker.ingest.languages.lexicon import (
    CALENDAR_CONCEPTS,
    CONCEPTS,
    KEPT_AS_WRITTEN,
    WORD_TABLES,
    english_of,
    lexicon_for,
)
from tracker.ingest.languages.placenames import resolve_place

#: Concepts a language says without a word of its own, so its table has no line for them.
NOT_A_WORD: dict[str, dict[str, str]] = {
    # Place roles told by a case ending of the place name ("Helsingistä", "Tallinnas",
    # "Vilniuje", "Rīgā", "Budapesten", "Ankara'dan"): :data:`.placenames.CASE_ENDINGS`.
    "fi": {"in": "case ending", "to": "case ending", "from": "case ending"},
    "et": {"in": "case ending", "to": "case ending", "from": "case ending"},
    "lv": {"in": "locative case ending"},
    "lt": {"in": "locative case ending"},
    "tr": {"in": "case suffix", "to": "case suffix", "from": "case suffix"},
    "hu": {
        "in": "case suffix",
        "to": "case suffix",
        "from": "case suffix",
        # "had" is "there was ... to someone" ("volt"), glossed "was".
        "had": "said with 'volt' (was)",
    },
    # Norwegian, Danish and Swedish "var" is both "was" and "were" (glossed "was").
    "no": {"were": "one past form of 'to be' for singular and plural"},
    # Vietnamese verbs say neither number nor tense: the passive "bị" is glossed "was".
    "vi": {"were": "no plural form of a verb"},
}

#: Concepts a table covers only through another line (Turkish "can" is a verb suffix,
#: "-abil-"; its "can affect" forms are whole words, "etkileyebilir").
_ALL_CONCEPTS = sorted(CONCEPTS)


#: Glosses the European glosses write as the text does, with no table line: "GPS"
#: (:data:`.lexicon.KEPT_AS_WRITTEN`, kept in Latin, Cyrillic and Greek text alike).
_WRITTEN_AS_IS = frozenset(
    g for glosses in CONCEPTS.values() for g in glosses if KEPT_AS_WRITTEN.match(g)
)


@pytest.mark.parametrize("code", WORD_TABLES)
def test_every_european_table_covers_every_concept(code):
    have = english_of(code) | _WRITTEN_AS_IS
    allowed = NOT_A_WORD.get(code, {})
    missing = [c for c in _ALL_CONCEPTS if c not in allowed and not set(CONCEPTS[c]) & have]
    assert missing == [], f"{code} table has no line for {missing}"


@pytest.mark.parametrize("code", sorted(NOT_A_WORD))
def test_exceptions_name_real_concepts_that_are_really_missing(code):
    # An exception for a concept the table has since gained (or a misspelt one) is stale.
    have = english_of(code)
    for concept in NOT_A_WORD[code]:
        assert concept in CONCEPTS
        assert not set(CONCEPTS[concept]) & have, (code, concept)


@pytest.mark.parametrize(
    "code",
    "no da sv fi et lv lt pl cs sk de nl ru uk bg es pt fr it el ro tr hu id is vi sq".split(),
)
def test_every_european_calendar_names_months_weekdays_and_near_days(code):
    cal = calendar_for(code)
    months = set(cal.months.values()) | {m for _, m in cal.month_stems}
    weekdays = set(cal.weekdays.values()) | {d for _, d in cal.weekday_stems}
    relative = set(cal.relative.values()) | english_of(_table(code))
    assert set(MONTHS) <= months
    assert set(WEEKDAYS) <= weekdays
    assert set(CALENDAR_CONCEPTS) <= relative


def _table(code: str) -> str:
    return {"da": "no", "sv": "no", "sk": "cs", "bg": "ru"}.get(code, code)


# --- words of the inventory, in sentences --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        # Czech aircraft and Slovak airport forms, Czech "forced to".
        ("Rušení donutilo letoun přistát.", "cs", "forced to the aircraft"),
        ("Lietadlo krúžilo nad letiskom.", "sk", "over airport"),
        # Spanish perfect tense of "suffer", "was flying", "the next day", "because of".
        ("El avión ha sufrido interferencias cuando volaba.", "es", "experienced interference"),
        ("Al día siguiente otro vuelo regresó.", "es", "The next day"),
        ("Regresó debido a una interferencia.", "es", "because of interference"),
        # Lithuanian "experienced", Hungarian plane forms, "flew" and "around" (near).
        ("Lėktuvas patyrė GPS trukdžių.", "lt", "experienced GPS interference"),
        ("A repülőn GPS-zavarást észleltek.", "hu", "the aircraft GPS"),
        ("A gép Debrecen környékén repült.", "hu", "near Debrecen"),
        # German "kam es zu" (there was), "today's"; Dutch "from" and "near".
        ("Im Flugzeug kam es zu Störungen.", "de", "happened"),
        ("Die heutigen Störungen.", "de", "today"),
        ("Het toestel vloog vanuit Polen in de buurt van Riga.", "nl", "from Poland"),
        ("Het toestel vloog vanuit Polen in de buurt van Riga.", "nl", "near Riga"),
        # Bulgarian "last year"; Finnish plural of ships.
        ("Миналата година самолет загуби GPS сигнала.", "bg", "Last year"),
        ("Laivoihin kohdistuva häirintä.", "fi", "Ships"),
        # Swedish "ett plan" is an aeroplane ("en plan" is a plan); "återvände", returned.
        ("Ett plan från SAS återvände till Visby.", "sv", "the aircraft from SAS returned"),
        # Russian and Ukrainian "глушение", "глушіння" are jamming; Ukrainian "повідомив".
        ("Экипаж сообщил о глушении сигнала GPS.", "ru", "jamming"),
        ("Екіпаж повідомив про глушіння сигналу GPS.", "uk", "crew reported jamming"),
        # Latvian "while approaching"; infinitives of losing ("after losing the GPS").
        ("Lidmašīna tuvojoties lidostai zaudēja GPS.", "lv", "approach airport lost GPS"),
        ("Aterrizó en Bucarest tras perder el GPS.", "es", "losing GPS"),
        ("Ha dovuto atterrare dopo aver perduto il GPS.", "it", "lost GPS"),
        # "The next day" and "last year" in the forms news writes most.
        ("Následujícího dne letadlo ztratilo GPS.", "cs", "The next day"),
        ("Ertesi günü bir uçak GPS sinyalini kaybetti.", "tr", "The next day"),
        ("Vlani lietadlo stratilo GPS.", "sk", "Last year"),
        ("Торік літак втратив GPS.", "uk", "Last year"),
        ("Vorig jaar verloor een vliegtuig gps.", "nl", "Last year"),
        ("No ano passado um avião perdeu o GPS.", "pt", "Last year the aircraft"),
        ("Pernai lėktuvas prarado GPS signalą.", "lt", "Last year"),
        # Names of jamming and spoofing: Slovak "rušenie" (as Czech "rušení"), Bulgarian
        # "подмяна", Greek "παραποίηση", Finnish "harhauttaminen".
        ("Rušenie signálu GPS.", "sk", "Jamming"),
        ("Подмяна на GPS сигнала.", "bg", "spoofing"),
        ("Παραποίηση του σήματος GPS.", "el", "spoofing"),
        ("GPS-signaalin harhauttaminen.", "fi", "spoofing"),
        # "A similar problem": an earlier incident told by reference to this one.
        ("Otro avión notificó un problema similar.", "es", "a similar problem"),
        ("Inny samolot zgłosił podobny problem.", "pl", "a similar problem"),
        # Dutch has a table of its own (it was read with German's, which lacked "niet",
        # "geen", "en", "signaal"...); German "flog" (flew).
        ("Het toestel ondervond geen storing en verloor het signaal niet.", "nl", "not"),
        ("Het toestel ondervond geen storing.", "nl", "experienced no interference"),
        ("Na een noodlanding in het Poolse luchtruim.", "nl", "emergency landing"),
        ("Das Flugzeug flog über Polen.", "de", "flew over Poland"),
        # Languages read with a relative's table have their own words there too.
        ("Rušenie môže ovplyvniť lietadlá.", "sk", "can affect"),
        ("Самолетът трябваше да се върне, съобщи летището.", "bg", "had to"),
        ("Самолетът беше засегнат от смущения.", "bg", "was affected"),
        ("Flyet cirklede over lufthavnen.", "da", "circled over"),
        ("Planet drabbades av störningar.", "sv", "affected"),
        # Statements and trends: "warns that", "rise in", "this year".
        ("Úřad varuje, že rušení sílí.", "cs", "warns that"),
        ("Odnotowano wzrost zakłóceń GPS.", "pl", "rise in"),
        ("Häirintä on lisääntynyt.", "fi", "on the rise"),
        ("In maart van dit jaar.", "nl", "In March this year"),
    ],
)
def test_inventory_words(sentence, code, english):
    assert english.lower() in gloss_line(sentence, code).lower()


def test_the_next_day_is_a_second_incident():
    text = (
        "date 2025-04-28\n\nEl 26 de abril un avión de Finnair no pudo aterrizar en Tartu por "
        "interferencias del GPS y regresó a Helsinki. Al día siguiente otro avión de Finnair "
        "perdió la señal GPS cerca de Tartu y regresó a Helsinki.\n"
    )
    found = [c for c in ingest_text(text) if c.score >= 0.4]
    assert sorted(c.values["date"] for c in found) == [dt.date(2025, 4, 26), dt.date(2025, 4, 27)]


def test_a_trend_about_ships_and_aircraft_is_no_incident():
    # "GPS jamming aimed at aircraft and ships increased over the Baltic last week": a trend.
    text = (
        "date 2026-01-10\n\nLentokoneisiin ja laivoihin kohdistuva GPS-häirintä lisääntyi "
        "viime viikolla Itämerellä.\n"
    )
    assert [c for c in ingest_text(text) if c.score >= 0.4] == []


# --- numbers and aircraft types ------------------------------------------------------------------


def test_thousands_written_with_a_dot_are_one_number():
    # A dot between digit groups would end the sentence ("40. 000") and split the incident.
    glossed = gloss_text("El avión voló a 40.000 pies y 2.300 vuelos.", "es")
    assert "40000" in glossed and "2300 flights" in glossed
    assert gloss_text("Am 24.09.2025 verlor das Flugzeug GPS.", "de").startswith("24.09.2025")


def test_hyphenated_aircraft_types_are_written_as_the_english_rules_read_them():
    assert "A330" in gloss_text("Un avión A-330 perdió el GPS.", "es")
    assert "ATR 72" in gloss_text("Otro ATR-72 perdió el GPS.", "es")


# --- places ---------------------------------------------------------------------------------------


def test_a_word_of_a_small_airfield_abroad_is_no_place():
    # "Robles" is a Spanish surname and a word of "Paso Robles Municipal Airport" (USA).
    assert resolve_place("Robles", "lt") is None
    assert resolve_place("Robles", "es") is None
    # A word of a large airport's name still names it.
    assert resolve_place("Gardermoen", "lt") is not None


def test_a_small_town_abroad_opening_a_sentence_is_a_word():
    # "Celá" (whole) opening a Slovak sentence is no town in Angola; a large city still counts.
    assert "Cela" not in gloss_line("Celá oblasť zostala bez GPS signálu.", "sk")
    assert "Kaliningrad" in gloss_line("Kaliningrad ruší GPS signál.", "sk")


# --- the seas of most reports, in every European language -----------------------------------------


@pytest.mark.parametrize(
    ("phrase", "code", "sea"),
    [
        # A word of the name written small, before or after the capitalised one.
        ("sobre el mar Báltico", "es", "Baltic Sea"),
        ("au-dessus de la mer Baltique", "fr", "Baltic Sea"),
        ("sopra il mar Baltico", "it", "Baltic Sea"),
        ("virš Baltijos jūros", "lt", "Baltic Sea"),
        ("virs Baltijas jūras", "lv", "Baltic Sea"),
        ("Musta mere kohal", "et", "Black Sea"),
        ("sobre o mar Negro", "pt", "Black Sea"),
        # Both words in a case form, or one hyphenated word.
        ("nad Morzem Bałtyckim", "pl", "Baltic Sea"),
        ("nad Morzem Czarnym", "pl", "Black Sea"),
        ("над Чёрным морем", "ru", "Black Sea"),
        ("над Чорним морем", "uk", "Black Sea"),
        ("над Черно море", "bg", "Black Sea"),
        ("nad Černým mořem", "cs", "Black Sea"),
        ("nad Čiernym morom", "sk", "Black Sea"),
        ("a Fekete-tenger felett", "hu", "Black Sea"),
        ("a Balti-tenger felett", "hu", "Baltic Sea"),
        ("Baltık Denizi üzerinde", "tr", "Baltic Sea"),
        ("deasupra Mării Negre", "ro", "Black Sea"),
        ("Mustanmeren yllä", "fi", "Black Sea"),
        ("virš Juodosios jūros", "lt", "Black Sea"),
        ("virs Melnās jūras", "lv", "Black Sea"),
        ("над Финским заливом", "ru", "Gulf of Finland"),
        ("nad Zatoką Fińską", "pl", "Gulf of Finland"),
        ("über dem Finnischen Meerbusen", "de", "Gulf of Finland"),
        ("nad Finským zálivem", "cs", "Gulf of Finland"),
        ("a Finn-öböl felett", "hu", "Gulf of Finland"),
    ],
)
def test_the_seas_of_most_reports_are_named(phrase, code, sea):
    assert gloss_line(phrase, code) == f"Over {sea}"


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("nad Ruskem", "cs", "Russia"),
        ("nad Finskem", "cs", "Finland"),
        ("nad Tureckem", "cs", "Turkey"),
        ("nad Poľskom", "sk", "Poland"),
        ("nad Fínskom", "sk", "Finland"),
        ("над Польшей", "ru", "Poland"),
        ("над Латвией", "ru", "Latvia"),
        ("над Белоруссией", "ru", "Belarus"),
        ("над Росією", "uk", "Russia"),
        ("над Латвією", "uk", "Latvia"),
        ("над Туреччиною", "uk", "Turkey"),
        ("sobre Rumanía", "es", "Romania"),
        ("sobre a Bielorrússia", "pt", "Belarus"),
        ("deasupra Rusiei", "ro", "Russia"),
        ("deasupra Poloniei", "ro", "Poland"),
        ("deasupra Letoniei", "ro", "Latvia"),
        ("Lengyelország felett", "hu", "Poland"),
        ("Észtország felett", "hu", "Estonia"),
        ("Lettország felett", "hu", "Latvia"),
        ("Finnország felett", "hu", "Finland"),
        ("Fehéroroszország felett", "hu", "Belarus"),
        ("Románia felett", "hu", "Romania"),
        ("Törökország felett", "hu", "Turkey"),
        ("Turkin yllä", "fi", "Turkey"),
        ("Rumeenia kohal", "et", "Romania"),
        ("virš Turkijos", "lt", "Turkey"),
        ("over Rumænien", "da", "Romania"),
    ],
)
def test_countries_in_the_case_after_over(phrase, code, country):
    assert gloss_line(phrase, code) == f"Over {country}"


@pytest.mark.parametrize("code", WORD_TABLES)
def test_phrases_by_first_word_are_the_phrases_that_may_start_there(code):
    # The index must offer every phrase a scan of all phrases would try, in the same order.
    lex = lexicon_for(code)
    for first in {parts[0].rstrip("*") for parts, _ in lex.phrases} | {"x", "zz"}:
        scan = [
            (parts, english)
            for parts, english in lex.phrases
            if (first.startswith(parts[0][:-1]) if parts[0].endswith("*") else first == parts[0])
        ]
        assert lex.phrases_from(first) == scan


@pytest.mark.parametrize(
    ("phrase", "code", "place"),
    [
        # Instrumentals after "over" that the case endings did not undo.
        ("nad Gdańskiem", "pl", "Gdańsk"),
        ("nad Wrocławiem", "pl", "Wrocław"),
        ("над Одесою", "uk", "Odesa"),
        ("над Софией", "ru", "Sofia"),
        ("nad Košicami", "sk", "Košice"),
        ("nad Pardubicemi", "cs", "Pardubice"),
    ],
)
def test_towns_in_the_instrumental_after_over(phrase, code, place):
    assert gloss_line(phrase, code) == f"Over {place}"


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        # Finnish names in -e lengthen it before an ending; Polish plural towns in -ice.
        ("Kone ohjattiin Tampereelle.", "fi", "to Tampere"),
        ("Samolot przekierowano do Katowic.", "pl", "Katowice"),
        # Italian "a" after a verb of motion is "to", as "in" already was.
        ("L'aereo è stato dirottato a Napoli.", "it", "diverted to Naples"),
        ("A gépet Debrecenbe terelték.", "hu", "diverted"),
        ("Самолетът не успя да кацне.", "bg", "could not land"),
        ("Avionul zbura spre Iași.", "ro", "flew to Ia"),
    ],
)
def test_diversions(sentence, code, english):
    assert english in gloss_text(sentence, code)


def test_a_sentence_wrapped_over_two_lines_is_glossed_whole():
    # A cue split by the line break ("z powodu / zakłóceń", because of the interference) is read
    # whole, and the second half does not open with a capital that joins the place before it.
    glossed = gloss_text("Samolot zawrócił nad Gdańskiem z powodu\nzakłóceń GPS.", "pl")
    assert "because of GPS interference" in glossed
    assert "\n" not in glossed
    # A line that ends a sentence, or a next line that opens with a capital, stays apart.
    assert "\n" in gloss_text("Samolot zawrócił.\nzakłócenia GPS.", "pl")
    assert "\n" in gloss_text("Samolot zawrócił\nNad Gdańskiem zakłócenia GPS.", "pl")


# --- words the tune8 pages lacked (Dutch day parts, Portuguese statements) -----------------------


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        # Dutch "gister-" compounds with a part of the day are yesterday; "van-" ones today.
        ("Gisteravond verloor het toestel het signaal.", "nl", "Yesterday lost"),
        ("Gisterochtend landde een vliegtuig.", "nl", "Yesterday"),
        ("Vanmiddag werd een toestel gestoord.", "nl", "Today"),
        # "gejamd" (jammed) and "op zwart gaan" (went dark).
        ("Het signaal werd gejamd.", "nl", "jammed"),
        ("De gps van het toestel ging op zwart.", "nl", "went dark"),
        # Portuguese "comunicado" (statement) and "na semana de" (in the week of).
        ("Num comunicado, a associação falou de interferências.", "pt", "statement"),
        ("Na semana de 3 de junho um avião perdeu o GPS.", "pt", "In the week of 3 June"),
    ],
)
def test_words_missing_on_tune8_pages(sentence, code, english):
    assert english.lower() in gloss_line(sentence, code).lower()
