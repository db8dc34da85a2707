"""Urdu and Persian read by the script gloss, the concepts every script table covers, and the
Japanese dative "に" (session 8). Every text here is our own short sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.ingest import ingest_text
from tracker.ingest.languages import SUPPORTED, to_english
from tracker.ingest.languages.calendar import MONTHS, WEEKDAYS, solar_hijri_to_gregorian
from tracker.ingest.languages.detect import detect_language
from tracker.ingest.languages.gloss import gloss_text
from tracker.ingest.languages.lexicon import CALENDAR_CONCEPTS, CONCEPTS
from tracker.ingest.languages.placenames import fold_script
from tracker.ingest.languages.scripts import SCRIPT_LANGUAGES, script_vocabulary
from tracker.ingest.readers import Report

# --- Urdu and Persian: detected, folded, read --------------------------------------------------


def test_persian_is_detected_and_both_are_read_through_a_gloss():
    assert detect_language("هواپیمای مسافربری در نزدیکی تهران دچار اختلال شد.").code == "fa"
    assert {"ur", "fa"} <= SUPPORTED
    line = "پائلٹوں نے بتایا کہ جہاز کا جی پی ایس سگنل لاہور کے قریب غائب ہو گیا۔"
    report = Report(line, "x.txt")
    assert "GPS signal near Lahore lost" in to_english(report).text


def test_fold_script_persian_and_urdu_letters_digits_and_the_non_joiner():
    assert fold_script("ایران") == fold_script("ايران") == "ايران"
    assert fold_script("کراچی") == "كراچي"
    assert fold_script("لاہور") == "لاهور"
    assert fold_script("هواپیما\u200cها") == "هواپيماها"
    assert fold_script("۱۴۰۴") == "1404"


@pytest.mark.parametrize(
    ("solar", "gregorian"),
    [
        ((1403, 1, 1), dt.date(2024, 3, 20)),  # Nowruz after a leap Esfand
        ((1404, 1, 1), dt.date(2025, 3, 21)),
        ((1404, 4, 7), dt.date(2025, 6, 28)),
        ((1404, 10, 11), dt.date(2026, 1, 1)),
        ((1396, 6, 1), dt.date(2017, 8, 23)),
        ((1357, 11, 22), dt.date(1979, 2, 11)),
    ],
)
def test_solar_hijri_dates_convert(solar, gregorian):
    assert solar_hijri_to_gregorian(*solar) == gregorian


def test_a_solar_hijri_day_that_does_not_exist_is_refused():
    with pytest.raises(ValueError):
        solar_hijri_to_gregorian(1404, 7, 31)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("هواپیما در ۷ تیر ۱۴۰۴ فرود آمد.", "28 June 2025"),
        ("پرواز در ۱۱ دی‌ماه بازگشت.", "1 January"),
        ("در تیر ۱۴۰۴ سیگنال قطع شد.", "July 2025"),
        ("در اول شهریور پرواز تاخیر داشت.", "23 August"),
    ],
)
def test_persian_solar_hijri_dates_are_written_as_gregorian(line, expected):
    assert expected in gloss_text(line, "fa")


def test_a_solar_month_name_alone_is_a_word_not_a_date():
    # "مهر" is also a seal: without a day or a year it is no month.
    assert "October" not in gloss_text("مهر سازمان هواپیمایی پای نامه بود.", "fa")


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("گزشتہ روز طیارے کا جی پی ایس سگنل غائب ہو گیا۔", "ur", "yesterday"),
        ("چند روز قبل پرواز لاہور واپس لوٹ آیا۔", "ur", "over the past week"),
        ("ہفتہ کو طیارہ کراچی میں اترا۔", "ur", "on saturday"),
        ("مارچ میں پرواز متاثر ہوئی۔", "ur", "in march"),
        ("دیروز هواپیما در تهران فرود آمد.", "fa", "yesterday"),
        ("روز دو شنبه پرواز بازگشت.", "fa", "on monday"),
    ],
)
def test_urdu_and_persian_dates(line, code, expected):
    assert expected in gloss_text(line, code).lower()


def test_urdu_week_is_not_saturday():
    # "ہفتہ" is the week as well as Saturday: alone, or after "ایک" (one), it is no weekday.
    assert "saturday" not in gloss_text("ایک ہفتہ تک پروازیں متاثر رہیں۔", "ur").lower()


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        # Urdu postpositions follow the place, as Hindi's do.
        ("طیارہ لاہور کے قریب جی پی ایس کھو بیٹھا۔", "ur", "near Lahore"),
        ("پرواز کراچی میں اتری۔", "ur", "in Karachi"),
        ("لاہور اور سیالکوٹ ایئر پورٹ کے اطراف", "ur", "Lahore and near Sialkot airport"),
        # Persian prepositions come before it, as Arabic ones do.
        ("هواپیما در تهران فرود آمد.", "fa", "in Tehran"),
        ("پرواز به مشهد تغییر مسیر داد.", "fa", "to Mashhad diverted"),
        # Names Urdu and Persian share with Arabic come from the Arabic table.
        ("پرواز در حیفا فرود آمد.", "fa", "in Haifa"),
    ],
)
def test_urdu_and_persian_places_keep_their_roles(line, code, expected):
    assert expected in gloss_text(line, code)


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        # Two dates with postpositions (Urdu, Hindi) or prepositions (Persian): a span.
        ("یکم دسمبر سے 2 فروری تک طیارے متاثر ہوئے۔", "ur", "Between 1 December and 2 February"),
        ("1 मार्च से 10 मार्च तक उडानें प्रभावित हुईं।", "hi", "Between 1 March and 10 March"),
        (
            "از ۱ مهر تا ۱۰ مهر پروازها دچار اختلال شدند.",
            "fa",
            "Between 23 September and 2 October",
        ),
        # "More than" after the number, in English order, so the count stays a count.
        ("25 سے زائد طیارے متاثر ہوئے۔", "ur", "More than 25 aircraft affected"),
        ("25 से अधिक विमान प्रभावित हुए।", "hi", "More than 25 aircraft affected"),
    ],
)
def test_spans_and_counts_in_urdu_hindi_and_persian(line, code, expected):
    assert expected in gloss_text(line, code)


URDU_COUNT = """لاہور ایئرپورٹ کے اطراف جی پی ایس سگنل غائب

یکم دسمبر سے 2 فروری تک لاہور ایئرپورٹ کے اطراف 30 سے زائد طیارے متاثر ہوئے،
سول ایوی ایشن نے نوٹم جاری کر دیا۔
"""


URDU = """کراچی کے قریب طیارے کا جی پی ایس سگنل غائب

گزشتہ روز کراچی کے قریب ایک مسافر طیارے کا جی پی ایس سگنل غائب ہو گیا،
جس کے بعد پائلٹ نے ایئر ٹریفک کنٹرول کی ہدایت پر طیارہ بحفاظت اتارا۔
"""

PERSIAN = """اختلال جی‌پی‌اس در پرواز مشهد

هواپیمای مسافربری روز ۷ تیر ۱۴۰۴ هنگام فرود در مشهد دچار اختلال جی‌پی‌اس شد
و خلبان با کمک برج مراقبت فرود آمد.
"""


@pytest.mark.parametrize(
    ("text", "published", "date", "country"),
    [
        (URDU, dt.date(2024, 5, 9), dt.date(2024, 5, 8), "PK"),
        (PERSIAN, dt.date(2025, 6, 30), dt.date(2025, 6, 28), "IR"),
    ],
)
def test_urdu_and_persian_reports_give_the_incident(text, published, date, country):
    candidates = ingest_text(text, published=published)
    assert candidates, "no candidate"
    best = max(candidates, key=lambda c: c.score)
    assert best.values["date"] == date
    assert best.values["country"] == country


URDU_DENIAL = """سول ایوی ایشن کی تردید

ترجمان سول ایوی ایشن نے کراچی ایئرپورٹ کے قریب جی پی ایس سگنل میں خلل کی خبروں کی تردید کی ہے۔
"""

PERSIAN_RADAR = """تاخیر پروازها

پروازهای مهرآباد روز چهارشنبه به دلیل بروزرسانی رادار با تاخیر انجام شد.
"""


@pytest.mark.parametrize("text", [URDU_DENIAL, PERSIAN_RADAR, URDU_COUNT])
def test_urdu_and_persian_reports_of_no_gnss_incident_give_none(text):
    candidates = ingest_text(text, published=dt.date(2024, 4, 2))
    assert [c for c in candidates if c.score >= 0.40] == []


# --- the concepts every script table covers ----------------------------------------------------

#: The one inventory of what the English rules read (:data:`.lexicon.CONCEPTS`, the same the
#: European tables are checked against), with the calendar: near days, months and weekdays.
INVENTORY: dict[str, tuple[str, ...]] = {
    **CONCEPTS,
    **{name: (name,) for name in (*CALENDAR_CONCEPTS, *MONTHS, *WEEKDAYS)},
}

#: The concepts each script table cannot write yet: the gap, in the open. "Verb forms" are
#: tense and aspect ("was", "had", "flew", "losing"...), which these languages say by a verb's
#: ending or an auxiliary the tables do not read yet (the event verb itself is glossed, e.g.
#: "lost", "returned"); "words" are dictionary words not yet in the table. A word added to a
#: table must leave this list (the test below fails on a stale entry).
SCRIPT_GAPS: dict[str, tuple[str, ...]] = {
    "ar": (
        # verb forms:
        "could not land",
        "flew",
        "losing",
        "failed",
        "experienced",
        "was",
        "were",
        "had",
        "affect",
        # words
        "jammer",
        "and",
        "every",
        "more than",
    ),
    "fa": (
        # verb forms:
        "had to",
        "flew",
        "losing",
        "was",
        "were",
        "had",
        "detected",
        "affect",
        # words
        "en route",
        "jammer",
        "position",
        "every",
    ),
    "he": (
        # verb forms:
        "could not land",
        "circled",
        "flew",
        "losing",
        "happened",
        "was",
        "were",
        "had",
        "detected",
        "affect",
        # words
        "air traffic control",
        "en route",
        "jammer",
        "problems",
        "and",
        "border",
        "no",
        "every",
        "more than",
        "number of",
    ),
    "hi": (
        # verb forms:
        "had to",
        "flew",
        "losing",
        "failed",
        "happened",
        "were",
        "had",
        "detected",
        "affect",
        # words
        "en route",
        "jammer",
        "position",
        "and",
        "no",
        "every",
        "more than",
    ),
    "ja": (
        # verb forms:
        "landed",
        "had to",
        "flew",
        "losing",
        "was",
        "were",
        "had",
        "affect",
        # words
        "planes",
        "flights",
        "jammer",
        "and",
        "no",
        "every",
        "more than",
    ),
    "ko": (
        # verb forms:
        "landed",
        "could not land",
        "had to",
        "flew",
        "losing",
        "affected",
        "was",
        "were",
        "had",
        "affect",
        # words
        "planes",
        "flights",
        "jammer",
        "and",
        "because of",
        "no",
        "every",
        "more than",
        "incidents",
    ),
    "pa": (
        # verb forms:
        "had to",
        "flew",
        "losing",
        "failed",
        "happened",
        "was",
        "were",
        "had",
        "detected",
        "affect",
        # words
        "crew",
        "airspace",
        "aviation",
        "air traffic control",
        "emergency landing",
        "en route",
        "satellite navigation",
        "navigation systems",
        "jammer",
        "position",
        "and",
        "no",
        "every",
        "more than",
        "statistics",
    ),
    "ur": (
        # verb forms:
        "had to",
        "flew",
        "losing",
        "failed",
        "was",
        "were",
        "had",
        "detected",
        "affect",
        # words
        "en route",
        "jammer",
        "position",
        "every",
    ),
    "zh": (
        # verb forms:
        "had to",
        "flew",
        "losing",
        "experienced",
        "was",
        "were",
        "had",
        "affect",
        # words
        "planes",
        "and",
        "not",
        "more than",
    ),
}


@pytest.mark.parametrize("code", sorted(SCRIPT_LANGUAGES))
def test_every_script_table_covers_the_inventory_save_its_listed_gaps(code):
    vocabulary = script_vocabulary(code)
    missing = [
        concept
        for concept, english in INVENTORY.items()
        if not set(english) & vocabulary and concept not in SCRIPT_GAPS[code]
    ]
    assert missing == []


@pytest.mark.parametrize("code", sorted(SCRIPT_LANGUAGES))
def test_script_gaps_name_real_concepts_that_are_really_missing(code):
    vocabulary = script_vocabulary(code)
    for concept in SCRIPT_GAPS[code]:
        assert concept in INVENTORY, concept
        assert not set(INVENTORY[concept]) & vocabulary, (code, concept)


def test_helicopter_and_today_in_the_scripts():
    assert "helicopter" in gloss_text("直升机在机场降落。", "zh")
    assert "helicopter" in gloss_text("مروحية هبطت في المطار.", "ar")
    assert "today" in gloss_text("היום המטוס איבד את האות.", "he").lower()
    assert "today" in gloss_text("आज विमान का जीपीएस सिग्नल खो गया।", "hi").lower()


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("在次日，客机返航。", "zh"),
        ("翌日、旅客機が引き返した。", "ja"),
        ("다음날 여객기가 회항했다.", "ko"),
        ("في اليوم التالي عادت الطائرة.", "ar"),
        ("למחרת המטוס חזר.", "he"),
        ("अगले दिन विमान लौटा।", "hi"),
        ("ਅਗਲੇ ਦਿਨ ਜਹਾਜ ਪਰਤਿਆ।", "pa"),
        ("اگلے روز طیارہ واپس لوٹا۔", "ur"),
        ("روز بعد هواپیما بازگشت.", "fa"),
    ],
)
def test_the_next_day_in_every_script(line, code):
    assert "the next day" in gloss_text(line, code).lower()


@pytest.mark.parametrize(
    ("line", "code", "expected"),
    [
        ("המטוס איבד את אות ה-GPS בגלל הפרעה.", "he", "lost"),
        ("הטייסים חוו שיבוש והמטוס נחת בשלום.", "he", "experienced"),
        ("שיבושי GPS עלולים לסכן מטוסים.", "he", "could"),
        ("여객기가 GPS 교란을 겪었다.", "ko", "experienced"),
        ("항공기가 다른 공항으로 우회했다.", "ko", "diverted"),
        ("GPS 교란이 항공기 안전에 영향을 줄 수 있다.", "ko", "could"),
        ("当局はGPS妨害について警告した。", "ja", "warned"),
        ("GPS干扰可能会影响飞机。", "zh", "could"),
        ("سلطة الطيران حذرت من التشويش.", "ar", "warned"),
        ("जीपीएस स्पूफिंग की घटनाओं में बढ़ोतरी हुई।", "hi", "on the rise"),
        ("ਜੀਪੀਐਸ ਦਖਲਅੰਦਾਜੀ ਦੀ ਚੇਤਾਵਨੀ", "pa", "warned"),
    ],
)
def test_words_added_for_the_concepts(line, code, expected):
    assert expected in gloss_text(line, code).lower()


# --- Japanese "に": in, or to --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected", "absent"),
    [
        # The dative: something given or sent to a place, or a verb of going after it.
        # (Since session 9 a recipient has no role at all: tests/test_ingest_scripts9.py.)
        ("首相はウクライナに武器を供給する工場を訪れた。", "Ukraine", "In Ukraine"),
        ("機体はワルシャワに向かっていた。", "to Warsaw", "in Warsaw"),
        # The locative stays: a place where the aircraft was, a topic with "には".
        ("旅客機はバルト海上空にいた際、GPSを失った。", "over Baltic Sea", "to Baltic"),
        ("ポーランドには多くの空港がある。", "In Poland", "To Poland"),
        ("旅客機はプロブディフ空港に着陸しようとした。", "in Plovdiv airport", "to Plovdiv"),
    ],
)
def test_japanese_ni_is_to_before_an_object_and_a_verb_of_giving(line, expected, absent):
    glossed = gloss_text(line, "ja")
    assert expected in glossed
    assert absent not in glossed


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # Persian verbs take person endings ("بازگشتند": they returned).
        ("دو هواپیما به هلسینکی بازگشتند.", "to helsinki returned"),
        ("هواپیماها در ریگا فرود آمدند.", "in riga landed"),
        ("هنگام نزدیک شدن به فرودگاه سیگنال قطع شد.", "approach"),
    ],
)
def test_persian_verb_forms_and_baltic_names(line, expected):
    assert expected in gloss_text(line, "fa").lower()


# --- Urdu "کل" by the verb's tense; Persian negation by the prefix ن- ---------------------------


@pytest.mark.parametrize(
    ("line", "expected", "absent"),
    [
        # A past verb: yesterday. A future one ("گا"): tomorrow. "کل تعداد": the total number.
        ("کل ایک طیارے کا جی پی ایس سگنل غائب ہو گیا۔", "yesterday", "tomorrow"),
        ("کل طیارہ کراچی پہنچے گا۔", "tomorrow", "yesterday"),
        ("پروازوں کی کل تعداد دس تھی۔", "", "yesterday"),
    ],
)
def test_urdu_kal_is_yesterday_or_tomorrow_by_the_verb(line, expected, absent):
    glossed = gloss_text(line, "ur").lower()
    assert expected in glossed
    assert absent not in glossed


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A compound verb negated on its light verb ("قطع نشد": was not cut), a simple verb
        # negated whole ("فرود نیامد": did not land), and the table's own "could not land" kept.
        ("سیگنال جی‌پی‌اس هواپیما قطع نشد.", "not lost"),
        ("هواپیما در فرودگاه فرود نیامد.", "not landed"),
        ("هواپیما نتوانست فرود بیاید.", "could not land"),
    ],
)
def test_persian_negated_verbs_say_not(line, expected):
    assert expected in gloss_text(line, "fa").lower()


def test_a_persian_word_beginning_with_nun_is_no_negation():
    # "نزدیک" (near) and "نظامی" (military) begin with "ن" and are words of their own.
    glossed = gloss_text("هواپیمای نظامی نزدیک مرز پرواز کرد.", "fa").lower()
    assert "not" not in glossed
