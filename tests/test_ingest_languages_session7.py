"""Session 7 rules of the European-language gloss (tracker.ingest.languages): language told by
its letters, cue words of interference and of the flight, "last Friday" and "the day before
yesterday", verbs of flying over and of returning, and case forms of city names.

Every fixture is a short sentence written for this test (our own words), never article text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.languages.detect import detect_language
from tracker.ingest.languages.gloss import gloss_line, gloss_text

# --- which language: letters a language never writes ------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Czech shares "nad", "do", "na" with Polish; "ř", "ě", "ů" are no Polish letters.
        ("V úterý letadlo zaznamenalo nad mořem rušení GPS a muselo se vrátit do Brna.", "cs"),
        # Romanian shares "un", "la" with Spanish; "ă", "ț", "ș" are no Spanish letters.
        (
            "Joi seara, un avion al companiei Tarom a pierdut semnalul GPS deasupra Mării "
            "Negre, lângă Constanța. Echipajul a decis să se întoarcă la București.",
            "ro",
        ),
    ],
)
def test_short_text_is_told_by_the_letters_its_words_share(text, code):
    assert detect_language(text).code == code


def test_a_few_foreign_letters_do_not_change_the_language():
    text = (
        "Samolot linii airBaltic nie mógł wylądować w Wilnie z powodu zakłóceń sygnału GPS, "
        "poinformowała minister Dovilė Šakalienė. Maszyna poleciała do Warszawy."
    )
    assert detect_language(text).code == "pl"


# --- cue words ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        ("Над морем хтось намагався втрутитися в роботу GPS літака.", "uk", "interference"),
        ("Над морем произошло вмешательство в работу GPS самолета.", "ru", "interference"),
        ("Flyet blev ramt af GPS-forstyrrelser over Østersøen.", "da", "affected"),
        ("Samolot zawrócił z powodu zakłóceń GPS.", "pl", "because of"),
        ("Des avions ont été contraints de rester au sol.", "fr", "forced to"),
        ("Toen wij richting Zweden vlogen, stopte de gps.", "nl", "towards Sweden flew, failed"),
        ("Het vliegtuig moest boven Litouwen omkeren.", "nl", "over Lithuania"),
        ("Die Störungen betrafen die ganze Region.", "de", "region"),
    ],
)
def test_cue_words_of_session_7(sentence, code, english):
    assert english in gloss_line(sentence, code)


def test_a_capitalised_common_noun_is_no_place():
    # German writes nouns with capitals: "Region" is a word, not a town of that name abroad.
    text = "date 2025-05-06\n\nAm Montag störte Russland in der Region die GPS-Signale von Flügen."
    assert all(c.values.get("country") != "US" for c in ingest_text(text))


def test_dutch_crew_account_in_the_first_person_gives_the_incident():
    text = (
        "date 2025-05-07\n\nEen piloot vertelt: gisteren vlogen wij richting Zweden en toen "
        "stopte de gps van ons vliegtuig ermee door storing.\n"
    )
    found = [c for c in ingest_text(text) if c.score >= 0.4]
    assert [(c.values["date"], c.values["country"]) for c in found] == [(dt.date(2025, 5, 6), "SE")]


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("W ubiegły piątek samolot stracił sygnał GPS.", "pl"),
        ("Vendredi dernier, un avion a perdu le signal GPS.", "fr"),
        ("El pasado viernes un avión perdió la señal GPS.", "es"),
        ("Venerdì scorso un aereo ha perso il segnale GPS.", "it"),
        ("Am vergangenen Freitag verlor ein Flugzeug das GPS-Signal.", "de"),
        ("Vinerea trecută un avion a pierdut semnalul GPS.", "ro"),
        ("В прошлую пятницу самолет потерял сигнал GPS.", "ru"),
    ],
)
def test_last_weekday_is_last_not_on(sentence, code):
    assert gloss_line(sentence, code).startswith("Last Friday")


def test_a_weekday_loses_its_own_preposition():
    assert gloss_line("W czwartek samolot stracił sygnał GPS.", "pl").startswith("On Thursday")
    assert gloss_line("V pondělí letadlo ztratilo signál GPS.", "cs").startswith("On Monday")


def test_last_friday_on_a_friday_is_a_week_before():
    text = "date 2025-03-14\n\nW ubiegły piątek samolot LOT stracił sygnał GPS nad Gdańskiem.\n"
    found = [c for c in ingest_text(text) if c.score >= 0.4]
    assert [c.values["date"] for c in found] == [dt.date(2025, 3, 7)]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Przedwczoraj samolot stracił sygnał GPS.", "pl"),
        ("Alaltăieri un avion a pierdut semnalul GPS.", "ro"),
        ("Üleeile kadus lennuki GPS-signaal.", "et"),
        ("Vorgestern verlor ein Flugzeug das GPS-Signal.", "de"),
        ("Позавчера самолет потерял сигнал GPS.", "ru"),
    ],
)
def test_the_day_before_yesterday(sentence, code):
    assert gloss_line(sentence, code).startswith("2 days ago")


def test_the_day_before_yesterday_dates_the_incident():
    text = "date 2025-03-14\n\nPrzedwczoraj samolot LOT stracił sygnał GPS nad Gdańskiem.\n"
    found = [c for c in ingest_text(text) if c.score >= 0.4]
    assert [c.values["date"] for c in found] == [dt.date(2025, 3, 12)]


# --- flying over, returning ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        ("O avião perdeu o sinal GPS ao sobrevoar a Estónia.", "pt", "over Estonia"),
        ("L'aereo ha perso il GPS mentre sorvolava la Polonia.", "it", "over Poland"),
        ("L'avion a perdu le GPS en survolant la Pologne.", "fr", "over Poland"),
        ("El avión perdió el GPS al sobrevolar Lituania.", "es", "over Lithuania"),
    ],
)
def test_verbs_of_flying_over_give_the_role(sentence, code, english):
    assert english in gloss_line(sentence, code)


def test_flying_over_gives_the_country_not_the_airline():
    text = (
        "date 2025-03-14\n\nNa segunda-feira, um avião da TAP perdeu o sinal de GPS ao "
        "sobrevoar a Estónia. A tripulação teve de regressar a Lisboa.\n"
    )
    found = [c for c in ingest_text(text) if c.score >= 0.4]
    assert [(c.values["date"], c.values["country"]) for c in found] == [
        (dt.date(2025, 3, 10), "EE")
    ]


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        ("Letadlo se muselo vrátit do Brna.", "cs", "returned"),
        ("Piloci musieli zawrócić do Gdańska.", "pl", "returned"),
        ("Самолет был вынужден повернуть обратно.", "ru", "turned back"),
        ("Літак був змушений повернутися до Одеси.", "uk", "returned"),
        ("La tripulación decidió regresar a Bilbao.", "es", "returned"),
        ("L'équipage a dû faire demi-tour.", "fr", "turned back"),
        ("Il pilota ha deciso di rientrare a Bari.", "it", "returned"),
        ("Pilotlar geri dönmek zorunda kaldı.", "tr", "returned"),
    ],
)
def test_infinitives_of_returning(sentence, code, english):
    assert english in gloss_line(sentence, code)


# --- places ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        ("Letadlo přistálo na letišti v Praze.", "cs", "in Prague"),
        ("Samolot wylądował w Pradze.", "pl", "in Prague"),
        ("Samolot wylądował w Budapeszcie.", "pl", "in Budapest"),
        ("Letadlo přistálo v Brně.", "cs", "in Brno"),
        ("Samolot wylądował w Atenach.", "pl", "in Athens"),
        ("Letadlo ztratilo GPS nad Baltem.", "cs", "over Baltic Sea"),
    ],
)
def test_city_forms_with_a_changed_consonant(sentence, code, english):
    assert english in gloss_line(sentence, code)


def test_dutch_country_names():
    line = gloss_text("Het toestel vloog van Noorwegen naar Duitsland via Denemarken.", "nl")
    assert "Norway" in line and "Germany" in line and "Denmark" in line


# --- second round: months, case forms, word order --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        # Slovak texts are read with the Czech tables: Slovak month names too.
        ("Dňa 10. marca lietadlo zaznamenalo rušenie GPS.", "cs", "10 March"),
        # Turkish writes a case ending onto the month after an apostrophe.
        ("10 Mart'ta bir uçak GPS sinyalini kaybetti.", "tr", "10 March"),
    ],
)
def test_month_forms_of_session_7(sentence, code, english):
    assert english in gloss_line(sentence, code)


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        ("Kone menetti GPS-signaalin lähestyessään Kuopiota.", "fi", "Kuopio"),
        ("Lietadlo pristálo v Košiciach.", "cs", "in Košice"),
        ("A gép a debreceni repülőtéren szállt le.", "hu", "at Debrecen airport"),
    ],
)
def test_place_forms_of_session_7(sentence, code, english):
    assert english in gloss_line(sentence, code)


def test_a_hungarian_adjective_that_names_no_town_stays_out():
    assert gloss_line("A gép a helyi repülőtéren szállt le.", "hu") == "The aircraft at airport."


def test_a_place_before_the_interference_is_not_the_jammer():
    # "nad Polskem silné rušení": over Poland, strong jamming; "over Poland jamming" would read
    # as Poland's jamming and lose the place.
    text = (
        "date 2025-03-14\n\nV pondělí letadlo zaznamenalo nad Polskem silné rušení signálu GPS "
        "a muselo se vrátit.\n"
    )
    found = [c for c in ingest_text(text) if c.score >= 0.4]
    assert [(c.values["date"], c.values["country"]) for c in found] == [
        (dt.date(2025, 3, 10), "PL")
    ]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Zakłócenia GPS zagrażają samolotom nad morzem.", "pl"),
        ("Rušení GPS hrozí letadlům nad mořem.", "cs"),
        ("Помехи GPS угрожают самолетам над морем.", "ru"),
        ("Перешкоди GPS загрожують літакам над морем.", "uk"),
        ("Gps-storing is een gevaar voor vliegtuigen boven zee.", "nl"),
        ("GPS-häiriöt uhkaavat lentokoneita meren yllä.", "fi"),
        ("Οι παρεμβολές GPS απειλούν τα αεροσκάφη πάνω από τη θάλασσα.", "el"),
    ],
)
def test_plural_case_forms_are_planes_not_one_aircraft(sentence, code):
    # A dative or partitive plural ("samolotom", "lentokoneita") matched the singular's stem
    # and read as one particular aircraft, which made a general warning an incident.
    glossed = gloss_line(sentence, code)
    assert "planes" in glossed and "aircraft" not in glossed


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        ("Het toestel raakte zijn gps-signaal kwijt.", "nl", "lost"),
        ("Flyet ble stående uten GPS da GPS-en falt ut.", "no", "failed"),
        ("Planet fick nödlanda i Luleå.", "sv", "emergency landing"),
        ("Samolot został bez sygnału GPS.", "pl", "lost"),
        ("Letadlo zůstalo bez signálu GPS.", "cs", "lost"),
        ("Самолет остался без сигнала GPS.", "ru", "lost"),
        ("Літак залишився без сигналу GPS.", "uk", "lost"),
        ("El avión se quedó sin señal GPS.", "es", "lost"),
        ("O avião ficou sem sinal de GPS.", "pt", "lost"),
        ("L'aereo è rimasto senza segnale GPS.", "it", "lost"),
        ("Avionul a rămas fără semnal GPS.", "ro", "lost"),
    ],
)
def test_left_without_the_signal_is_lost(sentence, code, english):
    assert english in gloss_line(sentence, code).lower()


def test_left_without_the_signal_gives_the_incident():
    text = (
        "date 2025-03-14\n\nNa terça-feira de manhã, um avião ficou sem sinal de GPS quando se "
        "aproximava de Faro e foi desviado para Lisboa.\n"
    )
    found = [c for c in ingest_text(text) if c.score >= 0.4]
    assert [(c.values["date"], c.values["country"]) for c in found] == [
        (dt.date(2025, 3, 11), "PT")
    ]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("W środę nad Litwą straciliśmy sygnał GPS.", "pl"),
        ("El miércoles, sobre Lituania, perdimos la señal GPS.", "es"),
        ("Na quarta-feira perdemos o sinal de GPS.", "pt"),
        ("Keskiviikkona menetimme GPS-signaalin.", "fi"),
        ("Trečiadienį praradome GPS signalą.", "lt"),
        ("Çarşamba günü GPS sinyalini kaybettik.", "tr"),
        ("Szerdán elvesztettük a GPS-jelet.", "hu"),
        ("Την Τετάρτη χάσαμε το σήμα GPS.", "el"),
    ],
)
def test_a_crew_telling_we_lost(sentence, code):
    # A pilot's own account names the aircraft as "we" (the English rules' crew narrative).
    assert "we lost" in gloss_line(sentence, code).lower()


def test_a_german_sentence_with_ein_and_uber_is_german():
    text = (
        "Am 10.3. musste ein Eurowings-Flug über Polen wegen GPS-Störungen durchstarten. "
        "Die Maschine landete später in Danzig."
    )
    assert detect_language(text).code == "de"


@pytest.mark.parametrize(
    ("text", "code", "english"),
    [
        ("Am 10.3. musste ein Flug über Polen wegen GPS-Störungen durchstarten.", "de", "10 March"),
        ("Dne 5.12. letadlo ztratilo signál GPS nad Polskem.", "cs", "5 December"),
        ("Самолет потерял сигнал GPS 10.03. над морем.", "ru", "10 March"),
    ],
)
def test_a_dotted_day_and_month(text, code, english):
    assert english in gloss_text(text, code)


def test_a_dotted_date_with_its_year_stays_a_full_date():
    # (the English date rules read "10.3.2025" themselves)
    assert "10.3.2025" in gloss_text("Am 10.3.2025 musste ein Flug durchstarten.", "de")


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        ("Un aereo ha perso il GPS a nord della Turchia.", "it", "north of Turkey"),
        ("Un avión perdió el GPS al norte de Polonia.", "es", "north of Poland"),
        ("Um avião perdeu o GPS ao sul da Estónia.", "pt", "south of Estonia"),
        ("Un avion a perdu le GPS au nord de la Pologne.", "fr", "north of Poland"),
        ("Un avion a pierdut semnalul GPS la nord de Constanța.", "ro", "north of"),
    ],
)
def test_compass_phrases_give_the_role(sentence, code, english):
    assert english in gloss_text(sentence, code)


def test_a_name_that_ends_in_a_cue_word_is_no_town():
    # "Vereniging Nederlandse Verkeersvliegers" (a pilots' union): "Verkeersvliegers" is a cue
    # word, but the run is still a name, and "Vereniging" no town (Vereeniging, South Africa).
    line = gloss_text("Volgens de Vereniging Nederlandse Verkeersvliegers was het druk.", "nl")
    assert "Vereeniging" not in line and "Netherlands" in line


@pytest.mark.parametrize(
    ("sentence", "code", "english"),
    [
        ("Zakłócenia GPS mogą zagrażać samolotom.", "pl", "can affect planes"),
        ("Rušení GPS může ohrozit letadla.", "cs", "can affect"),
        ("Bruiajul GPS poate afecta avioanele.", "ro", "can affect planes"),
        ("Las interferencias pueden afectar a los aviones.", "es", "can affect"),
        ("Помехи GPS могут угрожать самолетам.", "ru", "can affect planes"),
    ],
)
def test_what_interference_can_do_is_a_possibility(sentence, code, english):
    assert english in gloss_line(sentence, code)


def test_a_warning_of_what_jamming_can_do_is_no_incident():
    text = (
        "date 2025-03-14\n\nMarțea trecută, ministerul a avertizat că bruiajul GPS poate afecta "
        "avioanele care survolează Marea Neagră. Anul acesta au fost raportate peste 1.500 de "
        "cazuri.\n"
    )
    assert [c for c in ingest_text(text) if c.score >= 0.4] == []
