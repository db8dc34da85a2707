"""Reports in other languages (tracker.ingest.languages): language identification, date words,
cue words, place names and the English gloss the English rules read.

Every fixture is a short sentence written for this test (our own words), never article text.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.languages import GLOSS_NOTE, SUPPORTED, to_english
from tracker.ingest.languages.calendar import calendar_for
from tracker.ingest.languages.detect import detect_language
from tracker.ingest.languages.gloss import gloss_line, gloss_text
from tracker.ingest.languages.lexicon import lexicon_for
from tracker.ingest.languages.placenames import exonym, resolve_place, transliterate
from tracker.ingest.readers import Report

# --- language identification ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The crew lost GPS on approach and the aircraft was diverted to another airport.", "en"),
        ("Flyet mistet GPS-signalet over Finnmark og måtte snu, sier selskapet til avisen.", "no"),
        (
            "Kone ei voinut laskeutua, koska GPS-häirintä oli voimakasta ja lentäjät palasivat.",
            "fi",
        ),
        ("Samolot nie mógł wylądować, ponieważ sygnał GPS był zakłócany przez kilka godzin.", "pl"),
        ("Самолет не смог приземлиться, потому что сигнал GPS был потерян над морем.", "ru"),
        ("Літак не зміг приземлитися, бо сигнал GPS зник над морем і екіпаж повернув.", "uk"),
        (
            "El avión no pudo aterrizar por una interferencia en la señal del GPS, dijo.",
            "es",
        ),
        ("飞机在降落时遇到了卫星导航信号干扰。", "zh"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text).code == code


def test_english_quoting_a_foreign_word_stays_english():
    text = "The pilots, who called it 'forstyrrelser' in their report, lost GPS near Bodø."
    assert detect_language(text).code == "en"


def test_a_short_text_is_english_by_default():
    # "a" and "to" are words of several languages: too few to tell.
    assert detect_language("A jet lost GPS to jamming.").code == "en"


# --- date words ----------------------------------------------------------------------------------


def test_month_forms_include_genitive_and_locative():
    assert calendar_for("pl").month("marca") == "March"
    assert calendar_for("fi").month("maaliskuuta") == "March"
    assert calendar_for("ru").month("марта") == "March"
    assert calendar_for("lv").month("martā") == "March"  # from our extra stems


def test_month_abbreviations_that_are_ordinary_words_are_not_months():
    assert calendar_for("es").month("mar") == ""  # the sea
    assert calendar_for("fi").month("joulu") == ""  # Christmas
    assert calendar_for("tr").month("kas") == ""  # a muscle


def test_inflected_weekdays():
    assert calendar_for("lt").weekday("ketvirtadienį") == "Thursday"
    assert calendar_for("et").weekday("neljapäeval") == "Thursday"
    assert calendar_for("fi").weekday("torstaina") == "Thursday"


# --- cue words -----------------------------------------------------------------------------------


def test_lexicon_stem_exact_tail_and_family():
    no = lexicon_for("no")
    assert no.word("forstyrrelsene") == "interference"  # stem with an ending
    assert no.word("fly") == "aircraft"  # exact
    assert lexicon_for("da") is no or lexicon_for("da").word("lufthavnen") == "airport"
    de = lexicon_for("de")
    assert de.word("passagierflugzeugen") == "aircraft"  # a compound's tail, with an ending
    assert lexicon_for("fi").word("itärajalla") == "border"
    assert no.word("bananer") == ""


def test_every_supported_language_has_a_table():
    assert all(lexicon_for(code) is not None for code in SUPPORTED)


# --- place names ---------------------------------------------------------------------------------


def test_exonyms_follow_case_forms_and_keep_their_role():
    assert resolve_place("Venäjällä", "fi").name == "Russia"
    assert resolve_place("Rosji", "pl").name == "Russia"
    assert exonym("Bałtykiem") == "Baltic Sea"
    place = resolve_place("Helsingistä", "fi")
    assert (place.name, place.role) == ("Helsinki", "from")


def test_case_endings_against_the_gazetteer():
    assert resolve_place("Joensuuhun", "fi").name == "Joensuu"
    assert resolve_place("Joensuuhun", "fi").role == "to"
    assert resolve_place("Rzeszowie", "pl").name == "Rzeszów"
    assert resolve_place("Klaipėdoje", "lt").name == "Klaipėda"


def test_a_home_place_beats_one_spelled_alike_abroad():
    # Estonian "Tartus" (in Tartu) is not the Syrian port Tartus.
    assert resolve_place("Tartus", "et").name == "Tartu"


def test_cyrillic_is_transliterated():
    assert transliterate("Калининград") == "Kaliningrad"
    assert resolve_place("Пловдив", "ru").name == "Plovdiv"


def test_guards_against_false_place_hits():
    # A function word opening a sentence ("Det" is an alternate name of a Thai town).
    assert resolve_place("Det", "no") is None
    # A first name that is a small town abroad.
    assert resolve_place("Lauri", "fi") is None
    # Short alternate names are words more often than places ("Ber" for Véroia).
    assert resolve_place("Ber", "no") is None


def test_towns_with_an_airport_count_however_small():
    assert resolve_place("Kirkenes", "no").name == "Kirkenes"


# --- the gloss -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("Det skjedde 4. mars 2019.", "no", "4 March 2019"),
        ("Tai tapahtui 12. maaliskuuta 2024.", "fi", "12 March 2024"),
        ("Tas notika 2024. gada 30. martā.", "lv", "30 March 2024"),
        ("Tai įvyko 2024 m. kovo 12 d.", "lt", "12 March 2024"),
        ("Это случилось 12 марта 2024 года.", "ru", "12 March 2024"),
        ("Ocurrió el 5 de mayo de 2023.", "es", "5 May 2023"),
        ("To się stało w marcu 2024.", "pl", "March 2024"),
        ("Det skjedde 9. og 10. januar.", "no", "9 and 10 January"),
    ],
)
def test_gloss_rewrites_dates(line, code, expected):
    assert expected in gloss_line(line, code)


def test_gloss_relative_dates_and_weekdays():
    assert "yesterday" in gloss_line("Flyet mistet GPS i går.", "no")
    assert "last Thursday" in gloss_line("Kone palasi viime torstaina.", "fi")
    assert "on Thursday" in gloss_line("Samolot zawrócił w czwartek.", "pl")


def test_gloss_cue_words_places_and_roles():
    text = gloss_line("Flyet fra Finnairille mistet GPS-signalet over Øst-Finnmark.", "no")
    assert text == "The aircraft from Finnair lost GPS signal over eastern Finnmark."
    text = gloss_line("Kone palasi Helsinkiin GPS-häirinnän takia.", "fi")
    assert "returned to Helsinki" in text and "GPS jamming" in text


def test_gloss_drops_names_of_people_and_agencies():
    text = gloss_line("Ministeri Anna Maria Lindqvist kertoi asiasta.", "fi")
    assert "Anna" not in text and "Lindqvist" not in text


def test_gloss_keeps_negation():
    assert "not" in gloss_line("Flyet mistet ikke GPS.", "no").split()


# --- the hook and the pipeline -------------------------------------------------------------------


def test_english_reports_are_not_touched():
    report = Report("The crew lost GPS near Riga on Monday.", "x.txt")
    assert to_english(report) is report


def test_glossed_report_carries_a_note_and_is_glossed_once():
    report = Report(
        "Flyet mistet GPS-signalet i går, og det var ikke første gang, sier han.", "x.txt"
    )
    glossed = to_english(report)
    assert glossed.text != report.text
    assert any(note.startswith(GLOSS_NOTE) for note in glossed.notes)
    assert to_english(glossed) is glossed


def test_urdu_has_a_table_now_and_is_glossed():
    report = Report("پائلٹوں نے بتایا کہ جہاز کے جی پی ایس سگنل میں خلل پیدا ہوا ہے۔", "x.txt")
    result = to_english(report)
    # Urdu had no table until session 8; it is now read, and the note names it.
    assert "GPS signal" in result.text
    assert any("Urdu" in note for note in result.notes)


NORWEGIAN = """Fly mistet GPS ved Kirkenes

Et Widerøe-fly mistet GPS-signalet under innflygingen til Kirkenes lufthavn i går på grunn av
jamming, og måtte returnere til Tromsø, sier selskapet.
"""

FINNISH = """Kone ei voinut laskeutua Savonlinnaan

Finnairin kone ei voinut laskeutua Savonlinnan lentoasemalle tiistaina GPS-häirinnän takia ja
palasi Helsinkiin, kertoo yhtiö.
"""

POLISH = """Samolot nad Bałtykiem bez sygnału GPS

Samolot pasażerski utracił sygnał GPS nad Bałtykiem 12 marca 2024 podczas lotu z Gdańska do
Sztokholmu; zakłócenia trwały kilkanaście minut, poinformował przewoźnik.
"""

RUSSIAN = """Самолет не смог приземлиться в Калининграде

Пассажирский самолет не смог приземлиться в Калининграде 3 мая 2024 года из-за помех сигнала
GPS и вернулся, сообщила авиакомпания.
"""


@pytest.mark.parametrize(
    ("text", "published", "date", "country", "kind", "phase"),
    [
        (NORWEGIAN, dt.date(2025, 3, 6), dt.date(2025, 3, 5), "NO", "jamming", "approach"),
        (FINNISH, dt.date(2024, 6, 13), dt.date(2024, 6, 11), "FI", "jamming", None),
        (POLISH, dt.date(2024, 3, 14), dt.date(2024, 3, 12), None, None, "en route"),
        (RUSSIAN, dt.date(2024, 5, 4), dt.date(2024, 5, 3), "RU", None, None),
    ],
)
def test_non_english_reports_give_the_incident(text, published, date, country, kind, phase):
    candidates = ingest_text(text, published=published)
    assert candidates, "no candidate"
    best = max(candidates, key=lambda c: c.score)
    assert best.values["date"] == date
    if country:
        assert best.values["country"] == country
    if kind:
        assert best.values["interference"] == kind
    if phase:
        assert best.values["flight_phase"] == phase
    # The summary is generated English, never the article's words.
    summary = best.values["summary"]
    assert summary.startswith("Reported GPS")
    for word in ("mistet", "kone", "samolot", "самолет", "lentoasemalle"):
        assert word not in summary.lower()


SHIPS_ONLY = """Statki na Bałtyku bez sygnału GPS

Kilka statków i promów na Bałtyku utraciło sygnał GPS w marcu 2024, poinformowała administracja
morska; kapitanowie musieli nawigować bez satelitów.
"""

STATISTICS = """GPS-häiriöt lisääntyivät

Lentäjät ilmoittivat viime vuonna yli 2 000 GPS-häiriötä Suomen ilmatilassa, kertoo virasto
tilastoissaan. Häiriöitä on ollut joka kuukausi.
"""


@pytest.mark.parametrize("text", [SHIPS_ONLY, STATISTICS])
def test_non_english_reports_of_no_incident_give_none(text):
    # Ships only, and a yearly count: no aircraft incident (the English rules' negatives).
    candidates = ingest_text(text, published=dt.date(2024, 4, 2))
    assert [c for c in candidates if c.score >= 0.40] == []


# --- session 4: failure classes of the holdout3 articles, in our own words ----------------------


def test_gloss_writes_a_dotted_clock_time_as_a_time_not_a_year():
    line = gloss_line("Den 3. oktober klokken 15.00 forsvant GPS-signalet for flyet.", "da")
    assert "15:00" in line
    from tracker.ingest.dates import find_dates

    (mention,) = find_dates(line, base=dt.date(2022, 10, 11))
    assert mention.date == dt.date(2022, 10, 3)


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("Doszło do tego w nocy z 11 na 12 maja 2024.", "pl", "11 to 12 May 2024"),
        ("S-a întâmplat în noaptea de 4 spre 5 iunie 2023.", "ro", "4 to 5 June 2023"),
        ("Es geschah in der Nacht vom 6. auf den 7. Juli 2024.", "de", "6 to 7 July 2024"),
    ],
)
def test_gloss_reads_a_night_between_two_days_as_a_range(line, code, expected):
    assert expected in gloss_line(line, code)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        # ("столкнулся", "зіткнувся", met with, are listed since session 8: "experienced".)
        ("Самолет снизился с помехами GPS.", "ru"),
        ("Samolot wracał z Wilna bez sygnału GPS.", "pl"),
        ("Літак знизився з перешкодами GPS.", "uk"),
    ],
)
def test_gloss_marks_an_unlisted_past_tense_verb(line, code):
    # The English rules tell an event from an explanation by a past-tense word.
    assert " did " in f" {gloss_line(line, code)} "


def test_a_small_town_abroad_is_not_read_from_a_first_name():
    # "Grant" (a minister's first name) is a small US town with an airfield: not a place here.
    assert resolve_place("Grant", "pl") is None
    # Home towns with an airport still count, however small.
    assert resolve_place("Kirkenes", "no").name == "Kirkenes"


def test_other_spellings_of_cyrillic_letters_and_the_gazetteers_own_name():
    assert resolve_place("Хельсинки", "ru").name == "Helsinki"
    assert resolve_place("Йоэнсуу", "ru").name == "Joensuu"


def test_a_large_citys_short_exonym_is_that_city():
    assert resolve_place("Wien", "de").name == "Vienna"
    assert resolve_place("Ber", "no") is None


def test_gloss_keeps_a_pages_metadata_date_line():
    from tracker.ingest.languages import gloss_text

    text = " date 2025-03-02 Samolot stracił sygnał GPS nad morzem."
    assert gloss_text(text, "pl").startswith("date 2025-03-02 ")


def test_german_weekday_with_the_part_of_the_day():
    assert calendar_for("de").weekday("montagabend") == "Monday"
    # A capitalised weekday is no part of a name before it ("Am Montag").
    line = gloss_line("Am Montag verlor ein Flugzeug das GPS-Signal.", "de")
    assert "on monday" in line.lower()


def test_romanian_navigation_is_not_ships():
    line = gloss_line("Sistemele de navigație ale avionului au dat date eronate.", "ro")
    assert "navigation systems" in line.lower() and "ships" not in line


def test_russian_fault_word_is_glossed():
    line = gloss_line("Самолет испытал неисправность GPS над морем.", "ru")
    assert "failure" in line and "GPS" in line


def test_greek_is_read_through_a_gloss():
    assert "el" in SUPPORTED
    assert transliterate("Βίλνιους") == "Vilnius"
    assert resolve_place("Πολωνία", "el").name == "Poland"
    text = (
        "Εκτροπή πτήσης λόγω GPS\n\nΜια πτήση της Ryanair από τη Ρίγα προς τη Βιέννη εκτράπηκε "
        "στο Μπρνο τη Δευτέρα μετά από παρεμβολές στο GPS πάνω από την Πολωνία."
    )
    candidates = ingest_text(text, published=dt.date(2024, 12, 31))
    assert candidates, "no candidate"
    best = max(candidates, key=lambda c: c.score)
    assert best.values["date"] == dt.date(2024, 12, 30)


def test_turkish_suffix_after_an_apostrophe_in_a_latin_word_ends():
    # A Latin word with a suffix after an apostrophe used to be looked up again as itself,
    # without end, which stopped the whole ingest run with a RecursionError.
    resolve_place.cache_clear()
    resolve_place("Ankara Havalimanı'nı", "tr")
    glossed = gloss_text("Uçak, Ercan Havalimanı'nı GPS sinyali kaybı nedeniyle kullanamadı.", "tr")
    assert "GPS" in glossed


# --- session 5: failure classes of the holdout4 articles, in our own words ----------------------


@pytest.mark.parametrize(
    ("line", "code", "code_kept"),
    [
        ("Rejs LO312 z Gdańska miał problemy z GPS.", "pl", "LO312"),
        ("Zborul RO7412 a aterizat la Iași.", "ro", "RO7412"),
        ("Bir A330 uçağı GPS sorunu yaşadı.", "tr", "A330"),
    ],
)
def test_gloss_keeps_flight_numbers_and_types_written_with_letters_and_digits(
    line, code, code_kept
):
    assert code_kept in gloss_line(line, code).split()


def test_a_sentence_whose_first_words_were_dropped_leaves_no_comma_after_the_full_stop():
    # A quoted name opening the second sentence is dropped: the full stop must still end the
    # first sentence, or the English rules read both as one.
    glossed = gloss_line('Samolot wylądował. "Gazeta", w zeszłym roku było spokojnie.', "pl")
    assert ".," not in glossed and ". ," not in glossed
    assert ". Last year" in glossed


def test_romanian_written_with_cedilla_letters_is_read_like_comma_letters():
    assert "on Tuesday" in gloss_text("Avionul a aterizat marţi în oraşul Cluj.", "ro")


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("Uçak Rusya üzerinde GPS sinyalini kaybetti.", "tr", "over Russia"),
        ("Kone menetti GPS-signaalin Viron yllä.", "fi", "over Estonia"),
        ("Lennuk kaotas GPS signaali Tallinna lähedal.", "et", "near Tallinn"),
    ],
)
def test_a_postposition_is_glossed_before_the_place_it_follows(line, code, expected):
    assert expected in gloss_line(line, code)


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("Între 1 martie și 31 martie 2025, 140 de zboruri au fost afectate.", "ro", "140 flights"),
        ("W marcu 2025 zakłócenia objęły 140 lotów.", "pl", "140 flights"),
        ("Im März 2025 waren 140 Flugzeuge betroffen.", "de", "140 planes"),
    ],
)
def test_plural_aircraft_and_flight_words_stay_plural(line, code, expected):
    # A count of flights is a statistic for the English rules; glossed as "the flight" it read
    # as one particular flight.
    assert expected in gloss_line(line, code)


def test_a_romanian_count_of_flights_over_a_month_gives_no_candidate():
    text = (
        "Statistici GPS\n\nÎntre 1 martie și 31 martie 2025, 140 de zboruri au fost afectate de "
        "semnale GPS false în spațiul aerian al țării, potrivit autorității.\n"
    )
    candidates = ingest_text(text, published=dt.date(2025, 4, 6))
    assert [c for c in candidates if c.score >= 0.40] == []


def test_french_and_italian_elided_articles_are_split_from_the_noun():
    assert "over airport in Lyon" in gloss_text(
        "L’avion a tourné au-dessus de l’aéroport de Lyon.", "fr"
    )
    assert "airport" in gloss_text("Problemi nell'aeroporto di Bari.", "it")


def test_romanian_three_letter_thursday_and_the_word_mai():
    assert "on Thursday" in gloss_line("Avionul a fost deviat joi spre Cluj.", "ro")
    # "mai multe" is "more of them", not the month of May; "12 mai 2024" is a date.
    assert "May" not in gloss_line("Mai multe avioane au avut probleme.", "ro")
    assert "12 May 2024" in gloss_line("Pe 12 mai 2024 avionul a aterizat.", "ro")


def test_an_airport_of_a_place_is_the_airport_in_that_place():
    # "aeroportul din X", "aeroporto de X": the English rules read "airport in X" as the place.
    assert "airport in Suceava" in gloss_line(
        "Avionul nu a aterizat pe aeroportul din Suceava.", "ro"
    )
    assert "airport in Recife" in gloss_line("O avião voltou ao aeroporto de Recife.", "pt")


ROMANIAN = """Avion întors la București

Un avion a fost nevoit să se întoarcă marţi la București după ce nu a putut să aterizeze pe
aeroportul din Suceava din cauza interferenţelor semnalului GPS, a anunțat compania.
"""

TURKISH = """Uçakta GPS sorunu

Bir yolcu uçağı bu sabah Rusya üzerinde uçarken GPS arızası rapor etti, havayolu açıkladı.
"""

POLISH_ALTERNATE = """Samolot nie wylądował w Wilnie

Samolot pasażerski w czwartek nie wylądował w Wilnie z powodu zakłóceń GPS i został skierowany
na lotnisko zapasowe w Warszawie, poinformowała agencja.
"""


@pytest.mark.parametrize(
    ("text", "published", "date", "country"),
    [
        (ROMANIAN, dt.date(2025, 3, 6), dt.date(2025, 3, 4), "RO"),
        (TURKISH, dt.date(2025, 3, 6), dt.date(2025, 3, 6), "RU"),
        (POLISH_ALTERNATE, dt.date(2025, 1, 17), dt.date(2025, 1, 16), "LT"),
    ],
)
def test_session5_reports_give_their_incident(text, published, date, country):
    candidates = [c for c in ingest_text(text, published=published) if c.score >= 0.40]
    assert candidates, "no candidate"
    best = max(candidates, key=lambda c: c.score)
    assert (best.values["date"], best.values["country"]) == (date, country)


def test_romanian_could_not_land_is_one_phrase_of_five_words():
    assert "could not land" in gloss_line("Avionul nu a putut să aterizeze la Iași.", "ro")


def test_short_baltic_texts_are_told_from_english_and_finnish():
    text = "Lėktuvas dėl GPS trikdžių negalėjo nusileisti ir grįžo, pranešė oro uostas."
    assert detect_language(text).code == "lt"
    text = "Lennuk ei saanud GPS-i segamise tõttu maanduda ja pöördus tagasi, teatas firma."
    assert detect_language(text).code == "et"


def test_hungarian_and_greek_case_endings():
    budapest = resolve_place("Budapestre", "hu")
    assert (budapest.name, budapest.role) == ("Budapest", "to")
    assert resolve_place("Debrecenben", "hu").role == "in"
    assert resolve_place("Θεσσαλονίκης", "el").name.startswith("Thessal")


def test_a_capitalised_noun_the_tables_know_ends_a_run_of_names():
    # German capitalises every noun: "Eine Maschine" is not a name to look up.
    assert "aircraft" in gloss_line("Eine Maschine der Finnair verlor das GPS-Signal.", "de")


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("Lidmašīna atgriezās Helsinkos.", "lv", "returned to Helsinki"),
        ("Το αεροσκάφος επέστρεψε στην Αθήνα.", "el", "returned to Athens"),
    ],
)
def test_a_place_in_the_locative_after_returned_is_where_the_aircraft_went(line, code, expected):
    assert expected in gloss_line(line, code)


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("Lėktuvas negalėjo nusileisti Vilniaus oro uoste.", "lt", "at Vilnius airport"),
        ("Kone ei voinut laskeutua Joensuun lentoasemalle.", "fi", "to Joensuu airport"),
    ],
)
def test_the_case_of_an_airport_word_gives_the_place_before_it_its_role(line, code, expected):
    assert expected in gloss_line(line, code)


def test_scandinavian_and_hungarian_weekday_forms():
    assert "on tuesday" in gloss_line("I tisdags tappade planet GPS-signalen.", "sv").lower()
    assert "on tuesday" in gloss_line("Kedden a repülőgép elvesztette a jelet.", "hu").lower()
    # "fred" (peace) gains no "-s" form: only whole weekday names of six letters or more do.
    assert calendar_for("sv").weekday("freds") == ""


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("A gép Debrecen felett zavarás miatt vesztette el a jelet.", "hu", "because of jamming"),
        ("Kone palasi GPS-häirinnän takia.", "fi", "because of GPS jamming"),
    ],
)
def test_a_postposition_of_cause_goes_before_the_cause(line, code, expected):
    # "over Debrecen jamming" would read Debrecen as the jammer.
    assert expected in gloss_line(line, code)


def test_one_aircraft_named_by_two_words_is_one_aircraft():
    glossed = gloss_line("Egy utasszállító repülőgép elvesztette a jelet.", "hu")
    assert glossed.count("aircraft") == 1


DUTCH = """Vliegtuig keert terug

Dinsdag verloor een vliegtuig van KLM het GPS-signaal tijdens de nadering van Eindhoven door
storingen en keerde terug naar Amsterdam, meldde de maatschappij.
"""

SWEDISH = """Flygplan fick vända

I tisdags tappade ett passagerarplan GPS-signalen under inflygningen till Visby flygplats på
grund av störningar och fick vända tillbaka till Stockholm, uppger bolaget.
"""

BULGARIAN = """Самолет без GPS

Вчера самолетът на министъра загуби GPS сигнала при подхода към летище Пловдив и кацна след
един час, съобщиха от летището.
"""

LITHUANIAN = """Lėktuvas negalėjo nusileisti

Antradienį keleivinis lėktuvas dėl GPS signalo trikdžių negalėjo nusileisti Vilniaus oro uoste
ir nuskrido į Varšuvą, pranešė oro uostas.
"""

HUNGARIAN = """Repülőgép visszafordult

Kedden egy utasszállító repülőgép elvesztette a GPS-jelet Debrecen felett zavarás miatt, és
visszafordult Budapestre, közölte a légitársaság.
"""


@pytest.mark.parametrize(
    ("text", "date", "country"),
    [
        (DUTCH, dt.date(2025, 3, 4), "NL"),
        (SWEDISH, dt.date(2025, 3, 4), "SE"),
        (BULGARIAN, dt.date(2025, 3, 5), "BG"),
        (LITHUANIAN, dt.date(2025, 3, 4), "LT"),
        (HUNGARIAN, dt.date(2025, 3, 4), "HU"),
    ],
)
def test_more_languages_give_their_incident(text, date, country):
    candidates = [c for c in ingest_text(text, published=dt.date(2025, 3, 6)) if c.score >= 0.40]
    assert candidates, "no candidate"
    best = max(candidates, key=lambda c: c.score)
    assert (best.values["date"], best.values["country"]) == (date, country)


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        (
            "Am Sonntag meldeten die Piloten gefälschte GPS-Signale.",
            "de",
            "On Sunday pilots reported",
        ),
        (
            "Zondag meldde een piloot een GPS-storing boven Polen.",
            "nl",
            "On Sunday pilots reported",
        ),
    ],
)
def test_a_verb_second_after_an_opening_day_follows_its_subject(line, code, expected):
    # "On Sunday reported ..." reads to the English rules as the day a statement was made.
    assert gloss_line(line, code).startswith(expected)


def test_an_attribution_tag_after_a_comma_keeps_the_day_before_it():
    glossed = gloss_line("O avião perdeu o sinal de GPS no domingo, informou a companhia.", "pt")
    assert "on Sunday, it was reported" in glossed


@pytest.mark.parametrize(
    ("line", "code", "airline"),
    [
        ("Vasárnap egy Wizz Air gép elvesztette a jelet.", "hu", "Wizz Air"),
        ("Un Airbus Air France a perdu le signal GPS.", "fr", "Air France"),
    ],
)
def test_an_airline_of_several_words_is_kept_whole(line, code, airline):
    glossed = gloss_line(line, code)
    assert airline in glossed
    assert "France" not in glossed.replace("Air France", "")


def test_an_airline_joined_to_its_aircraft_by_a_hyphen():
    assert "SAS aircraft" in gloss_line("Søndag mistede et SAS-fly GPS-signalet.", "da")


def test_a_counted_singular_flight_is_a_count_of_flights():
    # Finnish, Turkish and Hungarian count with the singular ("3000 lennolla").
    glossed = gloss_line("GPS-häiriöitä havaittiin yli 3000 lennolla.", "fi")
    assert "3000 flights" in glossed and "the flight" not in glossed


def test_an_airport_of_a_place_takes_the_postposition_after_both():
    glossed = gloss_line("GPS-signaalia häirittiin Tarton lentoaseman lähellä.", "fi")
    assert "near Tartu airport" in glossed


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Sekmadienį virš Klaipėdos skridęs lėktuvas prarado GPS signalą.", "lt"),
        ("Svētdien, nosēžoties Rīgas lidostā, apkalpe ziņoja par GPS traucējumiem.", "lv"),
        ("Pazar günü giden uçak, GPS karıştırması nedeniyle iniş yapamadı.", "tr"),
    ],
)
def test_a_short_text_without_function_words_is_told_by_its_letters(text, code):
    assert detect_language(text).code == code


def test_an_english_text_naming_foreign_places_stays_english():
    text = "The crew lost GPS near Łódź and Tromsø, and the flight returned to Gdańsk."
    assert detect_language(text).code == "en"


FINNISH_STATISTICS = """Tilastot

Viraston mukaan GPS-häiriöitä havaittiin viime vuonna yli 3000 lennolla Suomessa.
"""

PORTUGUESE_TAG = """Avião com problemas de GPS

O avião da Azul perdeu o sinal de GPS durante a aproximação ao aeroporto de Recife no domingo,
informou a companhia.
"""


def test_a_finnish_count_of_flights_gives_no_candidate():
    candidates = ingest_text(FINNISH_STATISTICS, published=dt.date(2025, 3, 6))
    assert [c for c in candidates if c.score >= 0.40] == []


def test_a_portuguese_report_with_a_closing_attribution_keeps_its_day():
    candidates = [
        c for c in ingest_text(PORTUGUESE_TAG, published=dt.date(2025, 3, 6)) if c.score >= 0.40
    ]
    assert candidates
    best = max(candidates, key=lambda c: c.score)
    assert (best.values["date"], best.values["country"]) == (dt.date(2025, 3, 2), "BR")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Wieczorem sygnał GPS został utracony nad granicą.", "pl"),
        ("Akşam uçakta GPS sinyali kesildi.", "tr"),
        ("À noite o sinal de GPS do avião caiu.", "pt"),
        ("Вечерта GPS сигналът на самолета изчезна.", "bg"),
        ("På kvällen försvann GPS-signalen för planet.", "sv"),
        ("Το βράδυ χάθηκε το σήμα GPS του αεροσκάφους.", "el"),
        ("Večer letadlu vypadl signál GPS.", "cs"),
        ("Este a repülőgép GPS-jele eltűnt.", "hu"),
    ],
)
def test_a_signal_that_went_away_is_a_lost_signal(line, code):
    # "the GPS signal disappeared / dropped / was cut": the English rules read "lost".
    assert "lost" in re.findall(r"\w+", gloss_line(line, code).lower())


def test_a_month_before_its_day_is_read_as_a_day():
    # "március 1-jén" is "on 1 March", not "in March" followed by a number.
    assert gloss_line("Március 1-jén a gép elvesztette a jelet.", "hu").startswith("1 March")


def test_a_polish_emergency_landing():
    glossed = gloss_line("Samolot musiał awaryjnie lądować w Rzeszowie.", "pl")
    assert "emergency landing in Rzeszów" in glossed


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("Häireid oli peaaegu igal lennul.", "et", "flights"),
        ("Zakłócenia były w każdym locie.", "pl", "flights"),
    ],
)
def test_every_flight_is_flights_in_general(line, code, expected):
    glossed = gloss_line(line, code)
    assert expected in glossed.split() or f"{expected}." in glossed.split()
    assert "the flight" not in glossed


def test_a_lithuanian_plural_accusative_is_planes():
    assert "planes" in gloss_line("Trikdžiai paveikė lėktuvus.", "lt")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("W nocy z soboty na niedzielę samolot stracił sygnał GPS.", "pl"),
        ("În noaptea de sâmbătă spre duminică avionul a pierdut semnalul GPS.", "ro"),
    ],
)
def test_a_night_from_one_day_to_the_next_is_the_first_days_night(line, code):
    glossed = gloss_line(line, code).lower()
    assert "on saturday night" in glossed and "sunday" not in glossed


def test_a_span_of_days_is_not_a_night():
    assert "Friday" in gloss_line("Od poniedziałku do piątku samoloty miały problemy.", "pl")


def test_romanian_weekdays_with_the_article():
    # "trecută" (past) after it makes it "last Friday" (session 7).
    assert "last Friday" in gloss_line(
        "Vinerea trecută avionul a pierdut semnalul GPS.", "ro"
    ).replace("Last", "last")


@pytest.mark.parametrize(
    ("word", "code", "english"),
    [
        ("bruiajul", "ro", "jamming"),  # Romanian "bruiaj" is jamming, not any interference
        ("piloții", "ro", "pilots"),
        ("смущения", "bg", "interference"),
        ("заглушаване", "bg", "jamming"),
        ("екипажът", "bg", "crew"),
        ("notlandung", "de", "emergency landing"),
        ("falsifiés", "fr", "spoofing"),
    ],
)
def test_interference_and_crew_words(word, code, english):
    assert lexicon_for(code).word(word) == english


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Το βράδυ της 1ης Μαρτίου 2025 χάθηκε το σήμα.", "el"),
        ("El 1º de marzo de 2025 el avión.", "es"),
    ],
)
def test_a_day_with_an_ordinal_ending_before_its_month(line, code):
    assert "1 March 2025" in gloss_line(line, code)


def test_greek_airport_of_a_place_and_an_aborted_landing():
    glossed = gloss_line("Το αεροσκάφος ματαίωσε την προσγείωση στο αεροδρόμιο του Βίλνιους.", "el")
    assert "aborted" in glossed and "airport in Vilnius" in glossed


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("O avião recebeu uma posição falsa do GPS.", "pt"),
        ("Das Navigationssystem zeigte eine falsche Position an.", "de"),
        ("Piloti zaznamenali falešnou polohu GPS.", "cs"),
    ],
)
def test_a_false_position_is_spoofing_in_the_english_order(line, code):
    assert "false position" in gloss_line(line, code)


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("I piloti hanno rilevato falsi segnali GPS.", "it"),
        ("Piloti konstatēja viltotu GPS signālu.", "lv"),
        ("A pilóták hamis GPS-jelet észleltek.", "hu"),
        ("De piloot zag een valse GPS-positie.", "nl"),
    ],
)
def test_false_signals_in_more_languages(line, code):
    assert "false" in gloss_line(line, code).lower()


def test_bulgarian_hard_sign_is_written_u_in_english_names():
    assert resolve_place("България", "bg").name == "Bulgaria"


def test_romanian_helicopter_and_the_border_with():
    glossed = gloss_line("Un elicopter a pierdut semnalul în apropierea graniței cu Ucraina.", "ro")
    assert "helicopter" in glossed and "border with Ukraine" in glossed


def test_a_czech_genitive_aircraft_is_not_several():
    # "letadla" is "of the aircraft" as often as "aircraft" (plural): not read as a count.
    assert "planes" not in gloss_line("Piloti letadla nad Polskem.", "cs")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Tiistaina matkustajakoneen GPS-vastaanotin näytti väärää sijaintia Itä-Suomen yllä.",
            "fi",
        ),
        ("Tirsdag mistet luftambulansen GPS-signalet i Finnmark, nær grensen til Russland.", "no"),
    ],
)
def test_short_texts_told_by_signature_letters(text, code):
    # Finnish has no "å" (Swedish nearly always does); one letter beside a function word counts.
    assert detect_language(text).code == code


def test_an_air_ambulance_is_an_aircraft_to_the_english_rules():
    text = (
        "Luftambulansen mistet GPS\n\nTirsdag mistet luftambulansen GPS-signalet over Finnmark, "
        "og det var ikke første gang, sier selskapet.\n"
    )
    candidates = [c for c in ingest_text(text, published=dt.date(2025, 3, 6)) if c.score >= 0.40]
    assert candidates and candidates[0].values["country"] == "NO"


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        (
            "Un avion a subi un brouillage GPS dans l’espace aérien roumain.",
            "fr",
            "Romanian airspace",
        ),
        ("Zakłócenia w polskiej przestrzeni powietrznej.", "pl", "Polish airspace"),
        ("Semnale false în spațiul aerian românesc.", "ro", "Romanian airspace"),
    ],
)
def test_a_nationality_beside_airspace_names_whose_airspace(line, code, expected):
    assert expected in gloss_text(line, code)


def test_a_nationality_elsewhere_is_not_a_place():
    # "rosyjskie zagłuszanie" (Russian jamming) names a suspect, not where the aircraft was.
    assert "Russian" not in gloss_text("Samolot padł ofiarą rosyjskiego zagłuszania.", "pl")


# --- Session 6: compounds -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "code", "english"),
    [
        # German and Norwegian write a noun's qualifier into it: the last element carries the
        # meaning ("radio disturbances", "signal disturbances", "cockpit pilots").
        ("funkstörungen", "de", "radio interference"),
        ("peilstörungen", "de", "interference"),
        ("signalforstyrrelsene", "no", "interference"),
        ("ausweichlandung", "de", "diverted"),
    ],
)
def test_a_compound_is_read_by_its_last_element(word, code, english):
    assert lexicon_for(code).word(word) == english


def test_a_short_last_element_does_not_make_a_compound_a_cue_word():
    # "Zerstörung" (destruction) is a prefix and a verb noun, not a compound of "Störung".
    assert lexicon_for("de").word("zerstörung") == ""
    # A first element of three letters is a prefix more often than a noun.
    assert lexicon_for("de").word("vorlandung") == ""
    # Languages that do not compound nouns this way keep exact matching.
    assert lexicon_for("pl").word("radiozakłócenia") in {"", "interference"}


def test_a_german_report_naming_radio_disturbances_gives_a_dated_jamming_incident():
    text = (
        "Funkstörungen gegen Passagierflugzeug\n"
        "Baku, 15. Juli, Agentur\n"
        "Am 13. Juli kam es zu Funkstörungen gegen das Passagierflugzeug der Fluglinie auf der "
        "Strecke nach Baku. Das GPS des Flugzeugs wurde beeinträchtigt.\n"
    )
    found = [c for c in ingest_text(text, published=dt.date(2023, 7, 15)) if c.score >= 0.40]
    assert [(c.values["date"], c.values["country"], c.values["interference"]) for c in found] == [
        (dt.date(2023, 7, 13), "AZ", "jamming")
    ]


def test_romania_written_with_a_circumflex_and_peste_before_a_count():
    assert "over Romania" in gloss_text("Avionul a zburat deasupra României.", "ro")
    # "peste" is "over" (above, or more than); never the Hungarian place Pest.
    assert gloss_text("Peste 200 de zboruri au avut probleme.", "ro").startswith("Over 200")


@pytest.mark.parametrize(
    ("word", "code"), [("kapitanowie", "pl"), ("kapitäne", "de"), ("kapteinene", "no")]
)
def test_captains_in_the_plural_are_not_one_captain(word, code):
    # The English rules take "the captain" for one particular crew; several are no such thing.
    assert lexicon_for(code).word(word) == "captains"


def test_a_gnss_acronym_written_small_is_kept_and_a_dutch_sea_is_placed():
    line = gloss_text("Een toestel verloor dinsdag het gps-signaal boven de Oostzee.", "nl")
    assert "GPS" in line and "over Baltic Sea" in line
    # French "ils" (they) is a word, not the landing system.
    assert "ILS" not in gloss_text("Ils ont perdu le GPS.", "fr")


def test_a_german_count_of_disturbances_is_a_statistic_not_an_incident():
    text = (
        "GPS-Störungen nehmen zu\n\nIm Februar meldeten Piloten 500 GPS-Störungen über der "
        "Ostsee, teilte die Flugsicherung mit.\n"
    )
    found = [c for c in ingest_text(text, published=dt.date(2025, 3, 7)) if c.score >= 0.40]
    assert found == []


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Das Flugzeug verlor das GPS auf der Strecke nach Baku.", "de"),
        ("Samolot stracił sygnał GPS na trasie do Wilna.", "pl"),
        ("Самолет потерял сигнал GPS на маршруте в Калининград.", "ru"),
    ],
)
def test_on_the_route_is_en_route(line, code):
    assert "en route" in gloss_text(line, code)


# --- session 6, second branch -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "town"),
    [("Bydgoszczy", "Bydgoszcz"), ("Poznania", "Poznań"), ("Torunia", "Toruń")],
)
def test_polish_towns_ending_in_a_consonant_are_read_through_their_case(word, town):
    assert resolve_place(word, "pl").name == town


def test_polish_report_places_the_incident_where_the_aircraft_could_not_land():
    # The flight was to go on to Spain; it could not land in Bydgoszcz and went to Poznań.
    text = (
        "date 2025-06-16\n\nSamolot, który w poniedziałek miał polecieć do Hiszpanii, został "
        "przez zakłócenia GPS przekierowany do Poznania. Maszyna nie mogła wylądować w "
        "Bydgoszczy.\n"
    )
    (found,) = [c for c in ingest_text(text) if c.score >= 0.4]
    assert found.values["country"] == "PL"
    assert found.values["location"].startswith("Bydgoszcz")


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("El pasado fin de semana el avión perdió la señal GPS.", "es"),
        ("Am vergangenen Wochenende verlor das Flugzeug das GPS-Signal.", "de"),
        ("Flyet mistet GPS-signalet i helgen.", "no"),
        ("Kone menetti GPS-signaalin viikonloppuna.", "fi"),
        ("Le week-end dernier, un avion a perdu le GPS.", "fr"),
        ("Самолет потерял сигнал GPS в минувшие выходные.", "ru"),
    ],
)
def test_the_weekend_is_a_date_in_every_language(sentence, code):
    # "i helgen" (the weekend) is the one just gone or under way; "am vergangenen" is the last.
    glossed = gloss_line(sentence, code).lower()
    assert "last weekend" in glossed or "over the weekend" in glossed


def test_a_weekend_incident_is_dated_by_its_saturday():
    # Published on a Thursday; "last weekend" is within a day of Saturday 30 August.
    text = (
        "date 2025-09-04\n\nEl pasado fin de semana un avión perdió la señal GPS cerca de "
        "Plovdiv y tuvo que aterrizar con mapas de papel.\n"
    )
    (found,) = [c for c in ingest_text(text) if c.score >= 0.4]
    assert found.values["date"] == dt.date(2025, 8, 30)


@pytest.mark.parametrize(
    ("word", "country"),
    [("Egitto", "Egypt"), ("Turchia", "Turkey"), ("Svezia", "Sweden"), ("Lettonia", "Latvia")],
)
def test_italian_country_names(word, country):
    assert exonym(word) == country


def test_italian_elided_country_is_read():
    assert "over Egypt" in gloss_text("Il 16 ottobre un aereo sopra l’Egitto perse il GPS.", "it")


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Kone menetti GPS-signaalin lähellä Venäjän rajaa torstaina.", "fi"),
        ("Flyet mistet GPS-signalet nær grensen til Russland torsdag.", "no"),
        ("Самолет потерял сигнал GPS в четверг у границы с Россией.", "ru"),
    ],
)
def test_the_country_across_the_border_is_not_the_place(sentence, code):
    from tracker.ingest.places import spot_places

    hits = [h for h in spot_places(gloss_text(sentence, code)) if h.country == "RU"]
    assert hits and all(h.score < 0 for h in hits)


def test_a_countrys_own_border_region_stays_its_place():
    from tracker.ingest.places import spot_places

    hits = spot_places("Crews got a warning about GPS jamming in Norway's border region.")
    assert [h.country for h in hits if h.score > 0] == ["NO"]


def test_french_a_before_a_place_is_at_and_a_cause_de_is_because_of():
    gloss = gloss_text(
        "Mardi, un avion n'a pas pu atterrir à Marseille à cause d'un brouillage.", "fr"
    )
    assert "could not land at Marseille because of" in gloss


def test_italian_could_not_land_at_a_place_because_of_a_disturbance():
    text = (
        "date 2025-03-07\n\nMartedì un aereo non è riuscito ad atterrare a Catania per un "
        "disturbo del segnale GPS.\n"
    )
    assert "could not land at Catania because of" in gloss_text(text, "it")
    (found,) = [c for c in ingest_text(text) if c.score >= 0.4]
    assert found.values["country"] == "IT"


def test_swedish_airline_compound_names_its_aircraft():
    assert "SAS aircraft" in gloss_text("Ett SAS-plan kunde inte landa i Visby.", "sv")


def test_greek_accusative_of_a_short_name_and_heraklion_is_not_iraq():
    assert resolve_place("Ρόδο", "el").name == "Ródos"
    assert resolve_place("Ηράκλειο", "el").name != "Iraq"
    assert resolve_place("Ιράκ", "el").name == "Iraq"


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Especialistas discutiram em Lisboa a interferência no GPS.", "pt"),
        ("Los expertos discutieron en Madrid la interferencia del GPS.", "es"),
        ("Experten diskutierten in Berlin über GPS-Störungen.", "de"),
    ],
)
def test_discussed_is_glossed_not_read_as_an_event(sentence, code):
    assert "discussed" in gloss_text(sentence, code).lower()


def test_german_statistic_dated_only_by_its_announcement_gives_no_incident():
    text = (
        "date 2025-03-07\n\nIm Jahr 2024 meldeten Piloten über der Ostsee 2.700 GPS-Störungen, "
        "teilte die Flugsicherung am Dienstag mit.\n"
    )
    assert [c for c in ingest_text(text) if c.score >= 0.4] == []
