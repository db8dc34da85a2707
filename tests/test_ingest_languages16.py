"""Vietnamese and Albanian (session 16): read through tables of their own. Every fixture is a
short text written for this test (our own words), never article text."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.languages import detect_language
from tracker.ingest.languages.gloss import gloss_line, gloss_text
from tracker.ingest.languages.placenames import resolve_place

VIETNAMESE_REPORT = (
    "Cập nhật: 14/3/2024\n\nMột chiếc máy bay chở khách của hãng Finnair đã bị gây nhiễu tín "
    "hiệu GPS khi chuẩn bị hạ cánh xuống sân bay Tartu vào ngày 13/3. Phi công không thể hạ "
    "cánh và máy bay phải quay lại Helsinki. Giới chức Estonia cho rằng Nga đứng sau vụ việc."
)

ALBANIAN_REPORT = (
    "Publikuar më 12 mars 2025\n\nNjë avion pasagjerësh humbi sinjalin GPS të martën gjatë "
    "afrimit në aeroportin e Vilniusit. Pilotët nuk mundën të uleshin dhe avioni u kthye në "
    "Varshavë. Autoritetet e Lituanisë thanë se bllokimi erdhi nga Rusia."
)


# --- telling the languages ----------------------------------------------------------------------


def test_vietnamese_and_albanian_are_told_apart():
    # Before: Vietnamese read as English (no function word of any table), Albanian as French
    # (its "ë" and "ç"); neither was glossed.
    assert detect_language(VIETNAMESE_REPORT).code == "vi"
    assert detect_language(ALBANIAN_REPORT).code == "sq"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # French writes "ç" and "ë" too, Dutch "ë"; Serbian and Croatian write "đ" (and are
        # read with the Czech table).
        ("Le pilote a reçu un signal GPS erroné près de Noël et l'avion a dû se poser.", "fr"),
        ("Het vliegtuig verloor het gps-signaal boven België en keerde terug.", "nl"),
        ("Avion je izgubio GPS signal iznad Đerdapa, a pilot se vratio u Beograd.", "cs"),
    ],
)
def test_neighbours_of_their_letters_stay_what_they_are(text, code):
    assert detect_language(text).code == code


# --- Vietnamese --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("Máy bay bị gây nhiễu GPS.", "The aircraft jammed GPS"),
        ("Chuyến bay phải chuyển hướng.", "The flight had to diverted"),
        ("Các phi công báo cáo tín hiệu giả.", "Pilots reported false signal"),
        # A drone is a "machine that flies without a pilot": the longer phrase is read first.
        ("Máy bay không người lái bị phá sóng.", "Drones jammed"),
        ("Máy bay hạ cánh khẩn cấp tại sân bay.", "emergency landing in airport"),
        ("Hệ thống định vị bị giả mạo trong không phận.", "spoofing in airspace"),
        ("Máy bay phải chuyển hướng sang Ba Lan.", "diverted to Poland"),
        # "khi hạ cánh": while landing.
        ("Máy bay mất GPS khi hạ cánh.", "lost GPS during landing"),
    ],
)
def test_vietnamese_cue_phrases(sentence, english):
    assert english in gloss_line(sentence, "vi")


def test_a_vietnamese_noun_of_a_class_is_the_class_unless_a_classifier_makes_it_one():
    # "Máy bay quân sự" (military aircraft) in general; "chiếc máy bay quân sự", one of them.
    assert "military planes" in gloss_line("Nhiễu GPS ảnh hưởng tới máy bay quân sự.", "vi")
    one = gloss_line("Chiếc máy bay quân sự bị gây nhiễu.", "vi")
    assert "the military aircraft" in one.lower()


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Sự việc xảy ra ngày 13/3/2024.", "13 March 2024"),
        ("Vụ việc xảy ra vào tháng 3/2024.", "March 2024"),
        ("Vụ việc xảy ra vào tháng Ba năm 2024.", "March 2024"),
        ("Vụ việc xảy ra ngày 13 tháng 3 năm 2024.", "13 March 2024"),
        ("Máy bay gặp sự cố hôm 1/9.", "1 September"),
        ("Máy bay gặp sự cố vào thứ Hai.", "on Monday"),
        ("Máy bay gặp sự cố vào thứ Hai tuần trước.", "last Monday"),
        ("Máy bay gặp sự cố vào Chủ nhật.", "on Sunday"),
        ("Máy bay mất tín hiệu GPS hôm qua.", "yesterday"),
        ("Máy bay mất tín hiệu GPS tuần trước.", "last week"),
        ("Máy bay mất tín hiệu GPS năm ngoái.", "last year"),
        # Parts of near days the date tables lack.
        ("Máy bay mất tín hiệu GPS đêm qua.", "last night"),
        ("Máy bay mất tín hiệu GPS sáng nay.", "this morning"),
        ("Máy bay mất tín hiệu GPS hôm kia.", "2 days ago"),
    ],
)
def test_vietnamese_dates(text, english):
    assert english in gloss_text(text, "vi")


def test_an_ordinal_is_no_weekday_and_weeks_counted_are_no_last_week():
    # "lần thứ hai": the second time; "nhiều tuần qua": for weeks now.
    assert "Monday" not in gloss_text("Máy bay mất GPS lần thứ hai.", "vi")
    glossed = gloss_text("Nga gây nhiễu GPS trong nhiều tuần qua.", "vi")
    assert "last week" not in glossed and "in recent weeks" in glossed
    assert "last year" not in gloss_text("Trong hai năm qua, GPS bị nhiễu.", "vi")


def test_the_day_of_a_statement_is_said_before_it():
    # "The Commission on 1 September said": the day is the statement's, not the incident's.
    glossed = gloss_text("Ủy ban ngày 1/9 cho biết máy bay bị gây nhiễu.", "vi")
    assert "said on 1 september" in glossed.lower()


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Máy bay bay qua Ba Lan.", "Poland"),
        ("Máy bay bay gần Thổ Nhĩ Kỳ.", "Turkey"),
        ("Tín hiệu bị nhiễu trên Biển Đen.", "Black Sea"),
        ("Chính phủ Vương quốc Anh xác nhận.", "United Kingdom"),
        ("Tổng thống Nga Vladimir Putin bác bỏ.", "Russia"),
    ],
)
def test_vietnamese_place_names(sentence, place):
    assert place in gloss_line(sentence, "vi")


@pytest.mark.parametrize(
    "sentence",
    [
        "Anh cho biết máy bay đã hạ cánh.",  # "he said": a pronoun, not the United Kingdom
        "Ông Đức cho biết máy bay đã hạ cánh.",  # Mr Duc, not Germany
        "Phi công Nguyễn Minh Đức hạ cánh.",  # a syllable of a person's name
        "Ngay sau đó, máy bay hạ cánh.",  # "at once", which starts with "Nga"
    ],
)
def test_vietnamese_words_that_are_no_country(sentence):
    glossed = gloss_line(sentence, "vi")
    assert not {"United Kingdom", "Germany", "Russia"} & set(glossed.replace(",", "").split())
    assert "United Kingdom" not in glossed


def test_a_vietnamese_report_gives_its_incident():
    (found,) = [c for c in ingest_text(VIETNAMESE_REPORT) if c.score >= 0.4]
    assert found.values["date"] == dt.date(2024, 3, 13)
    assert found.values["country"] == "EE"
    assert found.values["interference"] == "jamming"


def test_vietnamese_statistics_give_no_incident():
    text = (
        "Cập nhật: 2/6/2024\n\nTheo số liệu thống kê, số vụ gây nhiễu GPS ảnh hưởng đến các "
        "chuyến bay trên Biển Baltic ngày càng gia tăng. Hàng nghìn chuyến bay bị ảnh hưởng "
        "trong năm nay."
    )
    assert [c for c in ingest_text(text) if c.score >= 0.4] == []


# --- Albanian ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "english"),
    [
        ("Avioni humbi sinjalin GPS.", "The aircraft lost GPS signal"),
        ("Bllokimi i sinjalit GPS.", "Jamming GPS signal"),
        ("Fluturimi u devijua drejt Rigës.", "The flight diverted"),
        ("Pilotët raportuan mashtrim të sinjalit.", "Pilots reported spoofing"),
        ("Avioni u kthye në aeroport.", "The aircraft returned in airport"),
        ("Avioni nuk mundi të ulej.", "could not land"),
    ],
)
def test_albanian_cue_words(sentence, english):
    assert english in gloss_line(sentence, "sq")


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Incidenti ndodhi më 31 gusht 2025.", "31 August 2025"),
        ("Incidenti ndodhi në fund të gushtit.", "August"),
        ("Avioni humbi GPS-in të mërkurën.", "on Wednesday"),
        ("Avioni humbi GPS-in të Hënën (7.3.).", "on Monday (7 March)"),
        ("Avioni humbi GPS-in dje.", "yesterday"),
        ("Avioni humbi GPS-in javën e kaluar.", "last week"),
        ("Avioni humbi GPS-in vitin e kaluar.", "last year"),
        ("Avioni humbi GPS-in mbrëmë.", "last night"),
        ("Avioni humbi GPS-in sot në mëngjes.", "this morning"),
    ],
)
def test_albanian_dates(text, english):
    assert english in gloss_text(text, "sq")


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("Rusisë", "Russia"),
        ("Bullgarisë", "Bulgaria"),
        ("Polonisë", "Poland"),
        ("Finlandës", "Finland"),
        ("Bjellorusisë", "Belarus"),  # not Russia: the longer stem is tried first
        ("Kaliningradit", "Kaliningrad"),
        ("Plovdivit", "Plovdiv"),  # found by its case ending, in the gazetteer
        ("SHBA", "United States"),
    ],
)
def test_albanian_country_names_in_their_cases(word, english):
    assert resolve_place(word, "sq").name == english


def test_albanian_names_of_several_words():
    assert "Black Sea" in gloss_line("Avioni fluturonte mbi Detin e Zi.", "sq")
    assert "Baltic Sea" in gloss_line("Avioni fluturonte mbi Detin Baltik.", "sq")


def test_albanian_stems_are_read_in_albanian_only():
    # "franca" and "indi" are Albanian stems of France and India; in Portuguese "Franca" is a
    # Brazilian town, and a German "Indiana" is no India.
    assert resolve_place("Franca", "pt").name == "Franca"
    assert resolve_place("Francës", "sq").name == "France"
    assert resolve_place("Indiana", "de") is None or resolve_place("Indiana", "de").name != "India"


def test_an_albanian_report_gives_its_incident():
    (found,) = [c for c in ingest_text(ALBANIAN_REPORT) if c.score >= 0.4]
    assert found.values["date"] == dt.date(2025, 3, 11)  # the Tuesday before the Wednesday
    assert found.values["country"] == "LT"
    assert found.values["interference"] == "jamming"
    assert found.values["flight_phase"] == "approach"


def test_albanian_statistics_give_no_incident():
    text = (
        "Publikuar më 3 qershor 2024\n\nSipas statistikave, numri i rasteve të bllokimit të "
        "sinjalit GPS në Detin Baltik është rritur këtë vit. Mijëra fluturime janë prekur."
    )
    assert [c for c in ingest_text(text) if c.score >= 0.4] == []
