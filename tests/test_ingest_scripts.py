"""Reports in Chinese, Japanese, Korean, Arabic, Hebrew and Hindi: the script gloss
(:mod:`tracker.ingest.languages.scripts`). Every text here is our own short sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.languages import to_english
from tracker.ingest.languages.detect import detect_language
from tracker.ingest.languages.gloss import gloss_text
from tracker.ingest.languages.placenames import fold_script
from tracker.ingest.readers import Report

# --- which language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("विमान के पायलटों ने जीपीएस सिग्नल में गड़बड़ी की सूचना दी।", "hi"),
        ("تعرضت الطائرة لتشويش على نظام جي بي اس فوق العراق.", "ar"),
        # Urdu writes letters Arabic lacks (ے, ہ, ں): not read through the Arabic tables.
        (
            "پائلٹوں نے بتایا کہ جہاز کے جی پی ایس سگنل میں خلل پیدا ہوا ہے اور یہ لاہور میں ہوا۔",
            "ur",
        ),
    ],
)
def test_detect_devanagari_arabic_and_urdu(text, code):
    assert detect_language(text).code == code


def test_urdu_is_read_through_a_gloss_and_says_so():
    report = Report("پائلٹوں نے بتایا کہ جہاز کے جی پی ایس سگنل میں خلل پیدا ہوا ہے۔", "x.txt")
    result = to_english(report)
    # Urdu had no table until session 8; it is now read, and the note names it.
    assert "GPS signal" in result.text
    assert any("Urdu" in note for note in result.notes)


def test_fold_script_digits_hamza_and_nukta():
    assert fold_script("١٣/٠٤/٢٠٢٤") == "13/04/2024"
    assert fold_script("إسرائيل") == "اسرائيل"
    assert fold_script("२९ फ़रवरी") == "29 फरवरी"
    assert fold_script("２０２５年") == "2025年"


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("2025年8月31日，航班备降。", "zh", "31 August 2025"),
        ("8月31日航班备降。", "zh", "31 August"),
        ("2024年3月，航班返航。", "zh", "March 2024"),
        ("今年1月から8月までに", "ja", "between January and August"),
        ("올해 9월까지 14건", "ko", "until September"),
        ("上周四航班备降。", "zh", "Last Thursday"),
        ("2025年8月31日、旅客機が引き返した。", "ja", "31 August 2025"),
        ("2024년 5월 29일 여객기가 회항했다.", "ko", "29 May 2024"),
        # Two days, as the English rules read two days ("on Friday and Saturday"): two incidents.
        ("8일과 9일 여객기가 회항했다.", "ko", "On the 8th and on the 9th"),
        ("지난 목요일 여객기가 회항했다.", "ko", "Last Thursday"),
        # A day of last month, which the English rules date in the month before publication.
        ("지난달 31일 여객기가 회항했다.", "ko", "On the 31st of last month"),
        ("上月31日航班返航。", "zh", "On the 31st of last month"),
        ("عادت الطائرة في 13/04/2024.", "ar", "13 April 2024"),
        ("عادت الطائرة في 1 تشرين الأول 2023.", "ar", "1 October 2023"),
        ("عادت الطائرة يوم السبت.", "ar", "on Saturday"),
        ("विमान 29 मार्च को लौटा।", "hi", "29 March"),
        ("विमान नवम्बर 6 को लौटा।", "hi", "6 November"),
        ("विमान पिछले महीने लौटा।", "hi", "last month"),
        ("पिछले दो-तीन दिनों से विमान लौटे।", "hi", "2 days ago"),
    ],
)
def test_dates_are_rewritten_as_english(line, code, expected):
    assert expected in gloss_text(line, code)


def test_a_year_before_a_flight_is_no_count():
    assert gloss_text("2024年3月12日航班返航。", "zh") == "12 March 2024 the flight returned."
    assert gloss_text("数千个航班受到影响。", "zh") == "Thousands of flights affected."


def test_a_day_after_this_month_is_read():
    assert "on the 10th" in gloss_text("今月10日、旅客機が引き返した。", "ja")


def test_a_numbered_runway_is_not_a_day():
    assert "on the" not in gloss_text("飞机降落在3号跑道。", "zh")


def test_a_hindi_march_without_a_day_is_not_a_month():
    # "मार्च" is also a march (a procession): alone it is no date.
    assert "March" not in gloss_text("किसानों का मार्च दिल्ली पहुंचा।", "hi")


# --- words, places and roles ---------------------------------------------------------------


def test_chinese_is_segmented_by_longest_match():
    # "上空" after the place is "over"; "在" before it is replaced, not kept ("in over").
    assert gloss_text("飞机在波罗的海上空遭遇GPS信号干扰，随后返航。", "zh") == (
        "The aircraft over Baltic Sea GPS interference, returned."
    )


def test_japanese_particles_give_a_place_its_role_and_are_dropped_elsewhere():
    text = gloss_text("旅客機がバルト海上空でGPS妨害を受けた。空港に着陸した。", "ja")
    assert "over Baltic Sea" in text
    assert "in" not in text.split()  # "に" after the airport, not after a place


def test_korean_particles_are_removed_and_give_the_role():
    assert "in Russia" in gloss_text("여객기가 러시아에서 GPS 교란을 겪었다.", "ko")
    assert "to Incheon" in gloss_text("여객기가 인천으로 회항했다.", "ko")


def test_korean_compound_read_by_its_tail():
    assert gloss_text("전파교란이 있었다.", "ko") == "Jamming."


def test_korean_joint_chiefs_and_ministry_are_south_korean():
    # Korean news names South Korea's own institutions without the country: "합참" (the Joint
    # Chiefs of Staff), "국토교통부" (the transport ministry).
    assert "South Korea military" in gloss_text("합참은 북한의 GPS 교란을 확인했다.", "ko")
    assert "South Korea aviation" in gloss_text("국토교통부는 GPS 교란을 밝혔다.", "ko")


def test_arabic_prefixes_are_removed_and_give_the_role():
    text = gloss_text("والطائرات هبطت بالعراق.", "ar")
    assert text == "Planes landed in Iraq."  # the plural (session 9: no particular aircraft)


def test_an_arabic_stem_does_not_reach_into_the_next_word():
    assert gloss_text("للتشويش فوق البحر المتوسط.", "ar") == "Jamming over Mediterranean."


def test_arabic_phrases_before_single_words():
    assert "GPS" in gloss_text("تشويش على نظام التموضع العالمي.", "ar")


def test_hindi_postposition_goes_before_the_place_and_its_airspace():
    text = gloss_text("विमान म्यांमार के हवाई क्षेत्र में था।", "hi")
    assert "in Myanmar airspace" in text


def test_hindi_postposition_at_after_an_airport():
    text = gloss_text("विमान दिल्ली हवाई अड्डे पर उतरा।", "hi")
    assert "at Delhi airport" in text


def test_hebrew_prefix_gives_the_role():
    assert "in Israel" in gloss_text("מטוס איבד GPS בישראל.", "he")


# --- the pipeline ------------------------------------------------------------------------------

CHINESE = """客机在波罗的海上空遭遇GPS干扰

2024年3月12日，一架客机在波罗的海上空遭遇GPS信号干扰，随后返航，航空公司表示。
"""

JAPANESE = """旅客機がGPS妨害を受ける

2024年3月12日、旅客機がポーランド上空でGPS妨害を受け、引き返した。
"""

KOREAN = """러시아 상공에서 GPS 교란

2024년 3월 12일 여객기가 러시아 상공에서 GPS 교란으로 회항했다고 항공사가 밝혔다.
"""

ARABIC = """تشويش على طائرة فوق العراق

تعرضت طائرة ركاب يوم الثلاثاء لتشويش على نظام جي بي اس فوق العراق وعادت إلى بغداد.
"""

HINDI = """विमान को जीपीएस स्पूफिंग का सामना करना पड़ा

12 मार्च 2024 को म्यांमार के हवाई क्षेत्र में विमान के पायलटों ने जीपीएस स्पूफिंग की सूचना दी।
"""


@pytest.mark.parametrize(
    ("text", "published", "date", "country"),
    [
        (CHINESE, dt.date(2024, 3, 14), dt.date(2024, 3, 12), None),
        (JAPANESE, dt.date(2024, 3, 14), dt.date(2024, 3, 12), "PL"),
        (KOREAN, dt.date(2024, 3, 14), dt.date(2024, 3, 12), "RU"),
        (ARABIC, dt.date(2024, 3, 14), dt.date(2024, 3, 12), "IQ"),
        (HINDI, dt.date(2024, 3, 14), dt.date(2024, 3, 12), "MM"),
    ],
)
def test_reports_in_these_scripts_give_the_incident(text, published, date, country):
    candidates = ingest_text(text, published=published)
    assert candidates, "no candidate"
    best = max(candidates, key=lambda c: c.score)
    assert best.values["date"] == date
    if country:
        assert best.values["country"] == country
    assert best.values["summary"].startswith("Reported GPS")


STATISTICS_ZH = """GPS干扰统计

去年全球有数千个航班报告GPS信号干扰，专家表示干扰主要集中在中东和波罗的海地区。
"""

SHIPS_KO = """서해 GPS 교란

북한의 GPS 교란으로 서해에서 어선 여러 척이 장애를 겪었다고 해경이 밝혔다.
"""


# Counts over a period: "from January to August", "32 cases last year", "every year".
COUNTS_JA = """GPS妨害の報告が増加

今年1月から8月までにGPS妨害の報告は約300件にのぼり、専門家はバルト海周辺で多発していると指摘した。
"""

COUNTS_KO = """북한 GPS 교란으로 복행 32건

북한의 GPS 교란으로 인한 항공기 복행은 지난해 32건, 올해 9월까지 14건으로 집계됐다.
"""


@pytest.mark.parametrize("text", [STATISTICS_ZH, SHIPS_KO, COUNTS_JA, COUNTS_KO])
def test_reports_of_no_aircraft_incident_give_none(text):
    candidates = ingest_text(text, published=dt.date(2024, 4, 2))
    assert [c for c in candidates if c.score >= 0.40] == []


# --- tune7s (session 7): rules found on real pages, tested on our own sentences ---------------


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("着陸の直前に旅客機のGPSが使えなくなった。", "ja"),
        ("降落前客机的GPS突然无法使用。", "zh"),
    ],
)
def test_gps_that_could_not_be_used_is_unavailable(line, code):
    assert "GPS unavailable" in gloss_text(line, code)


def test_a_day_in_brackets_is_a_day():
    # Taiwanese news writes the day of publication in full-width brackets: "今（28）日".
    assert gloss_text("今（28）日，客机返航。", "zh").startswith("On the 28th")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("지난해 9월 여객기가 회항했다.", "ko"),
        ("去年9月客机返航。", "zh"),
        ("昨年9月、旅客機が引き返した。", "ja"),
    ],
)
def test_a_month_of_last_year(line, code):
    assert gloss_text(line, code).startswith("In September last year")


def test_a_span_of_months_with_a_tilde_operator():
    assert "between January and August" in gloss_text("올해(1∼8월) 교란 건수", "ko")


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("최근 6년간 5000대의 항공기가 신고했다.", "ko", "over 6 years"),
        ("最近6か月間でGPS妨害が急増した。", "ja", "over 6 months"),
    ],
)
def test_a_length_of_time_is_not_a_number(line, code, expected):
    assert expected in gloss_text(line, code).lower()


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("전날 여객기가 회항했다.", "ko"),
        ("前日、旅客機が引き返した。", "ja"),
        ("前一天客机返航。", "zh"),
    ],
)
def test_the_day_before_is_yesterday(line, code):
    assert "yesterday" in gloss_text(line, code).lower()


def test_a_latin_dateline_keeps_its_month():
    text = gloss_text("Updated: Mon, 23 Jun 2025 विमान दिल्ली लौटा।", "hi")
    assert "23 June 2025" in text
    # A month name without a number beside it is no date ("May" is also a name).
    assert "May" not in gloss_text("May 항공사가 밝혔다.", "ko")


def test_hindi_could_not_land_and_returned():
    text = gloss_text("विमान जम्मू में लैंड नहीं कर पाया और दिल्ली लौट गया।", "hi")
    assert "could not land" in text
    assert "returned" in text


def test_hindi_flight_number_is_no_count():
    assert "flight number 2564" in gloss_text("उड़ान संख्या 2564 दिल्ली लौटी।", "hi").lower()


def test_japanese_niyoru_names_the_source():
    assert "by russia" in gloss_text("ロシアによる電波妨害の疑いがある。", "ja").lower()


def test_korean_possessive_before_jamming_names_the_source():
    assert "by north korea" in gloss_text("북한의 GPS 교란으로 여객기가 복행했다.", "ko").lower()
    assert "by north korea gps attack" in gloss_text("북한의 GPS 공격 당시", "ko").lower()
    assert "by" not in gloss_text("한국의 공항에서 여객기가 회항했다.", "ko").split()


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("항공기 GPS 교란 건수는 총 300건이다.", "ko"),
        ("航空機のGPS妨害の件数は300件だった。", "ja"),
        ("受干扰的航班数量达到200架次。", "zh"),
    ],
)
def test_a_count_noun_makes_the_vehicle_before_it_no_particular_one(line, code):
    text = gloss_text(line, code).lower()
    assert "the aircraft" not in text and "the flight" not in text


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("客机在普罗夫迪夫机场上空盘旋。", "zh"),
        ("旅客機はプロブディフの空港に着陸した。", "ja"),
        ("여객기가 플로브디프 공항에 착륙했다.", "ko"),
        ("هبطت الطائرة في بلوفديف.", "ar"),
        ("विमान प्लोवदीव में उतरा।", "hi"),
        ("המטוס נחת בפלובדיב.", "he"),
    ],
)
def test_plovdiv_in_every_script(line, code):
    assert "Plovdiv" in gloss_text(line, code)


GO_AROUND_KO = """북한 GPS 교란에 여객기 복행

국토교통부에 따르면 6월 북한의 GPS 교란 당시 한 여객기가 착륙 직전 GPS 경보로 복행했다.
"""

TOTAL_KO = """항공기 GPS 교란 급증

국토교통부에 보고된 올해(1∼8월) 항공기 GPS 교란 건수는 총 500건이다.
"""


def test_a_go_around_during_north_korean_jamming_is_in_south_korea():
    candidates = ingest_text(GO_AROUND_KO, published=dt.date(2024, 10, 4))
    assert candidates
    best = max(candidates, key=lambda c: c.score)
    assert best.values["country"] == "KR"
    assert best.values["date"] == dt.date(2024, 6, 1)


def test_a_korean_total_of_reports_gives_no_incident():
    candidates = ingest_text(TOTAL_KO, published=dt.date(2024, 10, 4))
    assert [c for c in candidates if c.score >= 0.40] == []


def test_an_arabic_adjective_of_nationality_beside_airspace_is_the_place():
    assert "in Iranian airspace" in gloss_text("دخلت الطائرة في الأجواء الإيرانية.", "ar")
    assert "Syrian airspace" in gloss_text("حلقت الطائرة في المجال الجوي السوري.", "ar")
    # Beside an aircraft it says whose the aircraft are, not where they were.
    assert "Russia" not in gloss_text("هبطت الطائرات الروسية في المطار.", "ar")


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("كادت الطائرة تدخل الأجواء دون إذن.", "ar", "Nearly the aircraft"),
        ("착륙 중 GPS 신호가 끊겼다.", "ko", "signal lost"),
        ("विमान का जीपीएस जाम हो गया।", "hi", "jammed"),
        ("旅客機が偽のGPS信号に遭遇した。", "ja", "experienced"),
        ("विमान को जयपुर डायवर्ट किया गया।", "hi", "Jaipur"),
    ],
)
def test_more_cue_words_and_places(line, code, expected):
    assert expected in gloss_text(line, code)


PLOVDIV_HI = """विमान का जीपीएस जाम

आयोग की अध्यक्ष के विमान का जीपीएस रविवार को प्लोवदीव हवाई अड्डे के पास जाम हो गया।
"""


def test_a_hindi_report_of_a_jammed_gps_near_plovdiv():
    candidates = ingest_text(PLOVDIV_HI, published=dt.date(2025, 9, 1))
    assert candidates
    best = max(candidates, key=lambda c: c.score)
    assert best.values["country"] == "BG"
    assert best.values["date"] == dt.date(2025, 8, 31)


# --- Punjabi (Gurmukhi), read as the other scripts ------------------------------------------


def test_detect_gurmukhi_as_punjabi():
    assert (
        detect_language("ਜਹਾਜ਼ ਦਾ ਜੀਪੀਐਸ ਸਿਗਨਲ ਗਾਇਬ ਹੋ ਗਿਆ ਅਤੇ ਪਾਇਲਟ ਨੇ ਜਹਾਜ਼ ਵਾਪਸ ਮੋੜਿਆ।").code == "pa"
    )


def test_punjabi_words_places_and_postpositions():
    text = gloss_text("ਜਹਾਜ਼ ਜੰਮੂ ਹਵਾਈ ਅੱਡੇ ਵਿੱਚ ਉਤਰ ਨਹੀਂ ਸਕਿਆ ਅਤੇ ਦਿੱਲੀ ਵਾਪਸ ਪਰਤਿਆ।", "pa")
    assert text == "The aircraft in Jammu airport could not land Delhi returned."
    assert "23 June" in gloss_text("ਜੰਮੂ, 23 ਜੂਨ", "pa")
    # "ਸਮੁੰਦਰੀ ਜਹਾਜ਼" (a sea vessel) is a ship, not an aircraft.
    assert gloss_text("ਸਮੁੰਦਰੀ ਜਹਾਜ਼ ਦਾ ਜੀਪੀਐਸ ਗਾਇਬ ਹੋਇਆ।", "pa") == "Ships GPS lost."


PUNJABI = """ਜਹਾਜ਼ ਦਾ ਜੀਪੀਐਸ ਗਾਇਬ

ਅੰਮ੍ਰਿਤਸਰ, 12 ਮਾਰਚ
ਅੱਜ ਅੰਮ੍ਰਿਤਸਰ ਹਵਾਈ ਅੱਡੇ ਨੇੜੇ ਇਕ ਉਡਾਣ ਦਾ ਜੀਪੀਐਸ ਸਿਗਨਲ ਗਾਇਬ ਹੋ ਗਿਆ ਅਤੇ ਜਹਾਜ਼ ਦਿੱਲੀ ਵਾਪਸ ਪਰਤਿਆ।
"""


def test_a_punjabi_report_gives_the_incident():
    candidates = ingest_text(PUNJABI, published=dt.date(2025, 3, 12))
    assert candidates
    best = max(candidates, key=lambda c: c.score)
    assert best.values["country"] == "IN"
    assert best.values["date"] == dt.date(2025, 3, 12)
