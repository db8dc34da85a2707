"""Session 9 rules for pages in European languages (branch eu9): German nouns read as towns
once their umlaut is dropped, a page's time stamp line, and more.

Every fixture is a short text written for this test (our own words), never article text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.languages.gloss import gloss_line, gloss_text
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
        "date 2025-09-24 La ministra viajaba en un avión que sufrió interferencias en su GPS "
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


# --- an earlier event recalled further down does not date the lede's incident -------------------


def test_a_day_weeks_earlier_in_a_later_paragraph_about_another_place_is_background():
    text = (
        "date 2025-09-24 Minister's aircraft hit by navigation problems over Kaliningrad\n"
        "The aircraft of the minister experienced GPS problems while flying over Kaliningrad, "
        "Reuters reported.\n\n"
        "On 31 August, in the area of the airport where the Commission president was heading, "
        "the GPS went off. The pilot circled for an hour."
    )
    found = [(c.values["date"], c.values["country"]) for c in ingest_text(text)]
    assert found == [(dt.date(2025, 9, 24), "RU")]


def test_a_similar_incident_weeks_earlier_is_not_the_day_of_the_undated_one():
    text = (
        "date 2025-09-24 The aircraft of the minister had GPS interference near Kaliningrad on "
        "its way to Lithuania.\n\n"
        "A similar incident happened on the flight of the Commission president to Bulgaria on "
        "31 August."
    )
    found = [(c.values["date"], c.values["country"]) for c in ingest_text(text)]
    assert (dt.date(2025, 9, 24), "RU") in found
    assert (dt.date(2025, 8, 31), "RU") not in found


def test_a_day_told_later_about_the_same_place_still_dates_the_incident():
    text = (
        "date 2025-09-09 A Ryanair aircraft from Gdansk had to land in Vienna\n\n"
        "Passengers said the pilots could not land in Bratislava because of GPS interference.\n\n"
        "The flight from Gdansk to Bratislava on 23 August lost the GPS signal on approach to "
        "Bratislava."
    )
    dates = {c.values["date"] for c in ingest_text(text)}
    assert dt.date(2025, 8, 23) in dates


# --- gloss words --------------------------------------------------------------------------------


def test_greek_similar_incident():
    english = gloss_line("Ένα ανάλογο περιστατικό σημειώθηκε στις 31 Αυγούστου.", "el")
    assert "a similar incident" in english.lower()


def test_spanish_vicinity_and_flying_over():
    english = gloss_line(
        "El avión pasó por las proximidades de Kaliningrado cuando sobrevolaba el mar.", "es"
    )
    assert "near Kaliningrad" in english
    assert "over" in english and "circled" not in english


def test_an_ellipsis_inside_a_sentence_does_not_end_it():
    english = gloss_line("El avión de la ministra ... en el flanco este, ha sufrido", "es")
    assert "." not in english


def test_a_span_of_two_months_is_glossed_as_between():
    german = gloss_line("Von Januar bis August meldeten Besatzungen 300 Störungen.", "de")
    assert "between january and august" in german.lower()
    polish = gloss_line("Od marca do maja 2024 odnotowano zakłócenia.", "pl")
    assert "between march and may 2024" in polish.lower()


def test_a_count_of_reports_over_months_is_a_statistic_not_an_incident():
    text = (
        "date 2025-09-27 Störungen der GPS-Signale nehmen zu.\n\n"
        "Von Januar bis August wurden 300 Meldungen von Flugzeugbesatzungen registriert, die "
        "eine Störung der Satellitennavigation festgestellt hatten. Über der Ostsee nehmen die "
        "Störungen zu."
    )
    assert [c for c in ingest_text(text) if c.score >= 0.4] == []


def test_a_newspaper_named_after_a_weekday_is_no_day():
    assert "Sunday" not in gloss_line('Das berichtet die "Welt am Sonntag".', "de")
    assert "on Sunday" in gloss_line('Er sagte: "Am Sonntag verlor das Flugzeug GPS."', "de")


# --- places: the Middle East and its airspaces ----------------------------------------------------


def test_the_middle_east_in_two_words_is_the_region_not_a_town():
    assert "Middle East" in gloss_line("Há bloqueio de GPS no Oriente Médio.", "pt")
    assert "Middle East" in gloss_line("Die Störungen im Nahen Osten nehmen zu.", "de")


def test_an_iranian_airspace_adjective_names_iran():
    english = gloss_line("O jato quase entrou no espaço aéreo iraniano.", "pt")
    assert "Iranian airspace" in english


# --- a separate earlier incident, told with its own day, aircraft and country ---------------------


def test_an_earlier_incident_with_its_own_day_aircraft_and_country_is_still_proposed():
    text = (
        "GPS jamming on the minister's plane\n\n"
        "GPS jamming was detected on Wednesday on the Spanish military plane carrying the "
        "defence minister to Lithuania. The plane was flying near Kaliningrad at the time.\n\n"
        "The mission has already intercepted eight Russian aircraft over the Baltic Sea.\n\n"
        "Officials said such cases are not unusual in the region.\n\n"
        "On 31 August the aircraft of the Commission president had its GPS jammed on its way "
        "to Bulgaria.\n\n"
        "Russia denies any role."
    )
    found = [
        (c.values["date"], c.values["country"])
        for c in ingest_text(text, published=dt.date(2025, 9, 24))
        if c.score >= 0.4
    ]
    assert found == [(dt.date(2025, 9, 24), "RU"), (dt.date(2025, 8, 31), "BG")]


def test_today_as_an_item_of_a_menu_line_is_no_date():
    assert "today" not in gloss_line("Nieuws • Vandaag • leestijd 2 minuten", "nl").lower()
    assert "today" in gloss_line("Vandaag verloor het vliegtuig het GPS-signaal.", "nl").lower()


def test_an_airport_named_after_its_word_is_glossed_as_english_writes_it():
    english = gloss_text(
        "Das Flugzeug verlor beim Anflug auf den Flughafen Plowdiw das GPS-Signal.", "de"
    )
    assert "Plovdiv airport" in english
    # ... so that the approach is the town's cue, and the page's day dates it.
    text = (
        "date 2025-09-01 GPS-Störung beim Flugzeug der Kommissionspräsidentin\n"
        "Beim Anflug auf den Flughafen Plowdiw in Bulgarien hatte die Maschine der "
        "Kommissionspräsidentin mit gestörten GPS-Signalen zu kämpfen. Sie kreiste rund eine "
        "Stunde, bevor sie landete."
    )
    [candidate] = [c for c in ingest_text(text) if c.score >= 0.4]
    assert candidate.values["country"] == "BG"


@pytest.mark.parametrize(
    ("line", "code", "english"),
    [
        ("Самолетът трябваше да кацне без GPS на летище Пловдив.", "bg", "land without GPS"),
        ("Het vliegtuig moest zonder GPS landen.", "nl", "without GPS land"),
        ("Das Flugzeug musste ohne GPS landen.", "de", "without GPS"),
        ("L'avion a dû atterrir sans GPS.", "fr", "without GPS"),
        ("A gép GPS nélkül kényszerült leszállni.", "hu", "GPS without had to"),
    ],
)
def test_landing_without_gps(line, code, english):
    assert english in gloss_text(line, code)


def test_a_bulgarian_airport_after_na_is_where_the_aircraft_was():
    assert "at Plovdiv airport" in gloss_text("Самолетът кацна на летище Пловдив.", "bg")


def test_a_dated_anchor_in_another_paragraph_about_another_country_is_its_own_incident():
    text = (
        "date 2025-09-24 Minister's plane hit by GPS interference\n"
        "The aircraft of the minister experienced GPS interference while flying near "
        "Kaliningrad.\n\n"
        "The minister visits troops in Lithuania.\n\n"
        "On 31 August the aircraft of the Commission president had GPS problems in Bulgaria."
    )
    found = [(c.values["date"], c.values["country"]) for c in ingest_text(text) if c.score >= 0.4]
    assert found == [(dt.date(2025, 9, 24), "RU"), (dt.date(2025, 8, 31), "BG")]


def test_the_countries_of_every_anchor_of_the_incident_count_not_only_the_headline():
    text = (
        "date 2025-09-24 Minister's plane hit by GPS jamming\n"
        "The aircraft of the minister experienced GPS jamming while flying near Kaliningrad.\n\n"
        "The minister visits troops in Lithuania.\n\n"
        "On 31 August the plane of the Commission president circled for an hour over an "
        "airport in Bulgaria."
    )
    found = [(c.values["date"], c.values["country"]) for c in ingest_text(text) if c.score >= 0.4]
    assert found == [(dt.date(2025, 9, 24), "RU")]


# --- Azerbaijani ---------------------------------------------------------------------------------


def test_azerbaijani_is_told_from_turkish():
    from tracker.ingest.languages.detect import detect_language

    azerbaijani = (
        "Təyyarə Plovdiv aeroportuna yaxınlaşanda GPS siqnalı itib və pilotlar kağız xəritələr "
        "ilə eniş ediblər. Bu hadisə üçün Rusiyadan şübhələnirlər."
    )
    turkish = (
        "Uçak Plovdiv havalimanına yaklaşırken GPS sinyali kayboldu ve pilotlar kağıt haritalar "
        "ile iniş yaptı. Bu olay için Rusya'dan şüpheleniliyor."
    )
    assert detect_language(azerbaijani).code == "az"
    assert detect_language(turkish).code == "tr"


def test_azerbaijani_gloss_places_the_approach_and_the_country():
    english = gloss_text(
        "Təyyarə Plovdiv aeroportuna yaxınlaşanda GPS siqnalı itib. Təyyarə Rusiyanın üzərindən "
        "uçurdu.",
        "az",
    )
    assert "approach Plovdiv airport" in english
    assert "over Russia" in english


def test_a_name_ending_like_a_case_ending_has_no_role():
    # "Moskva" ends in the Azerbaijani dative "-a" but is the name itself, not "to Moscow".
    english = gloss_text("Moskva bu uçuşda rolu olmadığını bildirib.", "az")
    assert "Moscow" in english and "to Moscow" not in english


def test_an_azerbaijani_report_of_a_flight_is_read():
    text = (
        "date 2025-09-04 Komissiya prezidentinin təyyarəsində GPS sistemi bloklanıb\n"
        "Təyyarə Plovdiv aeroportuna yaxınlaşanda GPS siqnalları itib. Pilotlar kağız "
        "xəritələrlə eniş ediblər."
    )
    [candidate] = [c for c in ingest_text(text) if c.score >= 0.4]
    assert candidate.values["country"] == "BG"


@pytest.mark.parametrize(
    ("line", "english"),
    [
        ("31 avqustda təyyarə GPS siqnalını itirib.", "31 August"),
        ("Bazar ertəsi təyyarə GPS siqnalını itirib.", "on Monday"),
        ("Çərşənbə axşamı təyyarə GPS siqnalını itirib.", "on Tuesday"),
        ("Bazar günü təyyarə GPS siqnalını itirib.", "on Sunday"),
    ],
)
def test_azerbaijani_dates(line, english):
    assert english.lower() in gloss_text(line, "az").lower()


def test_finnish_genitive_of_a_name_ending_in_a_consonant():
    assert "near Plovdiv" in gloss_text("Kone kohtasi häirintää Plovdivin lähellä.", "fi")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("Самолет был вынужден приземлиться без GPS.", "ru"),
        ("Літак був змушений приземлитися без GPS.", "uk"),
    ],
)
def test_russian_and_ukrainian_to_land(line, code):
    assert "land without GPS" in gloss_text(line, code)
