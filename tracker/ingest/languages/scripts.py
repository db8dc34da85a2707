"""A gloss for languages written without capital letters: Chinese, Japanese, Korean, Arabic,
Hebrew, Hindi, Punjabi (Gurmukhi, read as Hindi is: spaces, postpositions), Urdu (Arabic script,
read as Hindi is) and Persian (Arabic script, prepositions as in Arabic; Solar Hijri dates).

The gloss of :mod:`.gloss` finds places by their capital letters and words by the spaces
between them; these scripts have no capitals, and Chinese and Japanese no spaces. So each line
is read here in four steps, into the same kind of English gloss:

1. **Fold** (:func:`.placenames.fold_script`): full-width letters and digits, Arabic-Indic and
   Devanagari digits as 0-9, Arabic vowel marks and hamza seats dropped, the Devanagari nukta
   dropped, the scripts' full stops and commas as ``.`` and ``,``.
2. **Dates** are rewritten as English ones the English date rules read: ``2025年8月31日``,
   ``2024년 5월 29일``, ``29 मार्च``, ``13/04/2024`` -> ``29 March 2024``; ``8日``, ``8일`` ->
   ``on the 8th``; ``上周四`` -> ``last Thursday``; ``السبت`` -> ``on Saturday``; ``昨天``,
   ``어제``, ``أمس`` -> ``yesterday``; ``पिछले महीने`` -> ``last month``; ``पिछले दो दिनों`` ->
   ``2 days ago``. Month and weekday names of Arabic, Hebrew and Hindi come from
   :mod:`.calendar` (dateparser's CLDR tables) with the Levantine month names added.
3. **Words**: Chinese and Japanese are segmented by longest match against the language's cue
   words (:mod:`.lexicon`) and place names (:data:`.placenames.SCRIPT_EXONYMS`): what matches
   neither is dropped, one character at a time. Korean, Arabic, Hebrew, Hindi and Punjabi are
   split at spaces; a Korean word loses its particle ("공항에서" -> airport + "in"), an Arabic or
   Hebrew word its conjunction, preposition and article ("بالعراق" -> "in" + Iraq). Phrases of up to
   five words are matched first ("هبوط" alone is landing, "نظام التموضع العالمي" is GPS).
4. **Roles**: a preposition before a place stays before it (Arabic, Hebrew, Chinese "在");
   a postposition or particle after it ("म्यांमार में", "러시아에서", "バルト海上空で",
   "波罗的海上空") is written before the place and the words that belong to it ("in Myanmar
   airspace"), as the English place rules read it. A role word after no place says nothing and
   is dropped (Japanese "で" and "に" follow every kind of noun).

Latin words are read as in the other glosses: "GPS", flight numbers, aircraft types and the
airlines the English rules know are kept; the rest is dropped. The output is English words in
the line's order, which :func:`.gloss._tidy` joins.
"""

from __future__ import annotations

import functools
import re

from tracker.ingest.languages.calendar import (
    MONTHS,
    SOLAR_HIJRI_MONTHS,
    calendar_for,
    solar_hijri_to_gregorian,
)
from tracker.ingest.languages.lexicon import KEPT_AS_WRITTEN, MAX_ENDING, lexicon_for
from tracker.ingest.languages.placenames import fold_script, script_places

__all__ = ["SCRIPT_LANGUAGES", "UNSPACED", "gloss_script_line", "script_vocabulary"]

#: Languages read here rather than by :func:`.gloss.gloss_line`.
SCRIPT_LANGUAGES = frozenset({"zh", "ja", "ko", "ar", "he", "hi", "pa", "ur", "fa"})
#: Languages written without spaces between words: segmented by longest match.
UNSPACED = frozenset({"zh", "ja"})

# The scripts' punctuation, as the English rules' sentence splitter knows it.
_PUNCTUATION = str.maketrans(
    {"。": ". ", "、": ", ", "،": ", ", "؛": "; ", "؟": "? ", "।": ". ", "॥": ". ", "「": " ",
     "」": " ", "『": " ", "』": " ", "【": " ", "】": " ", "《": " ", "》": " ", "・": " ",
     "“": " ", "”": " ", "‘": " ", "’": " ", "«": " ", "»": " ", '"': " "}
)  # fmt: skip

# A date rewritten as English is held as one token between these marks.
_OPEN, _CLOSE = "\u27e6", "\u27e7"

_ORDINAL = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}


def _nth(day: str) -> str:
    number = int(day)
    return f"{number}{_ORDINAL.get(number, 'th')}"


def _month(number: str) -> str:
    index = int(number)
    return MONTHS[index - 1] if 1 <= index <= 12 else ""


def _english(text: str) -> str:
    return f" {_OPEN}{text}{_CLOSE} "


# --- dates in Chinese, Japanese and Korean: numbers with 年/月/日, 년/월/일 ------------------

_CJK_YEAR = r"(?:(?P<y>(?:19|20)\d{2})\s*[年년]\s*)?"
_CJK_DAY_MARK = r"\s*(?:日|号|號|일)"
_CJK_AND = r"\s*(?:和|及|与|與|至|到|、|,|~|-|과|와|부터|에서)\s*"
_CJK_FULL = re.compile(
    _CJK_YEAR + r"(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})" + _CJK_DAY_MARK
    + r"(?:" + _CJK_AND + r"(?P<d2>\d{1,2})" + _CJK_DAY_MARK + r")?"
)  # fmt: skip
_CJK_NUMERIC = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*(?P<sep>[./])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
    r"(?!\d|\.\d|/)\.?"
)
# "지난달 31일", "上月31日", "先月31日": a day of the month before publication.
_CJK_LAST_MONTH_DAY = re.compile(
    r"(?:지난\s*달|上个?月|上個?月|先月)\s*(?P<d>(?:[1-9]|[12]\d|3[01]))" + _CJK_DAY_MARK
)
_CJK_MONTH_YEAR = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월](?!\s*\d)")
_CJK_MONTH = re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*[月월](?![\s\d]*[日일号號])(?!份?底)")
# "1月から8月まで", "1월부터 8월까지", "1月至8月": a span of months (a count's period).
_CJK_MONTHS_SPAN = re.compile(
    r"(?<!\d)(?P<m>\d{1,2})\s*[月월]?\s*(?:から|부터|至|到|~|-|∼|〜)\s*(?P<m2>\d{1,2})\s*[月월]"
    r"(?:\s*(?:まで|까지))?"
)
# "6년간", "3年間", "5年来", "6개월간", "3か月間": a length of time, not a count or a year.
_CJK_YEARS_LONG = re.compile(r"(?<!\d)(?P<n>\d{1,2})\s*(?:년간|년\s*동안|年間|年间|年来|年來)")
_CJK_MONTHS_LONG = re.compile(
    r"(?<!\d)(?P<n>\d{1,2})\s*(?:개월간|개월\s*동안|か月間|ヶ月間|カ月間|个月来|個月來|个月间|個月間)"
)
# "3日前", "3天前", "3일 전", "2週間前", "4年前": days, weeks, months or years ago (Japanese
# "日前"; Chinese "3日前" is also "before the 3rd", so Chinese counts days with "天").
_CJK_AGO = re.compile(
    r"(?<![\d月월])(?P<n>\d{1,2})\s*(?:(?P<d>天|일)|(?P<w>週間|周|週|주일?)|"
    r"(?P<m>か月|ヶ月|カ月|个月|個月|개월)|(?P<y>年|년))\s*(?:前|전)"
)
_CJK_JA_DAYS_AGO = re.compile(r"(?<![\d月])(?P<n>\d{1,2})\s*日前")
_AGO_UNIT = {"d": "day", "w": "week", "m": "month", "y": "year"}


def _ago(number: str, unit: str) -> str:
    """``"3 days ago"``, ``"1 year ago"``."""
    return f"{int(number)} {_AGO_UNIT[unit]}{'' if int(number) == 1 else 's'} ago"


# "15時09分", "午後3時ごろ", "오후 3시 20분께", "下午3时20分": a clock time, written "15:09" as the
# English rules mask it (its numbers were read as counts: "3시 20분께 여객기" was "20 aircraft").
_CJK_CLOCK = re.compile(
    r"(?:(?P<half>午前|午後|上午|下午|中午|晚上|凌晨|早上|夜|오전|오후|새벽|밤|낮)\s*)?"
    r"(?<![\d.])(?P<h>\d{1,2})\s*[時时시点點](?![間间간])\s*(?:(?P<m>\d{1,2})\s*[分분](?!之)|(?P<half_hour>半|반))?"
    r"(?:\s*(?:ごろ|頃|께|쯤|경|左右))?"
)
_AFTERNOON = {"午後", "下午", "晚上", "夜", "오후", "밤"}


#: Hindi, Urdu and Punjabi "(शाम) 5 बजे" (at 5 o'clock, in the evening) and Arabic "الساعة 5
#: (مساء)" (at hour 5, in the evening): clock times too ("5 बजे विमान" was "5 aircraft").
_HALF_DAY = "सुबह दोपहर शाम रात صبح دوپہر شام رات ਸਵੇਰੇ ਦੁਪਹਿਰ ਸ਼ਾਮ ਰਾਤ".split()
_OCLOCK = "|".join(fold_script(w) for w in ("बजे", "بجے", "ਵਜੇ"))
_SOUTH_ASIAN_CLOCK = re.compile(
    rf"(?:(?P<half>{'|'.join(fold_script(w) for w in _HALF_DAY)})\s+)?"
    rf"(?<![\d.])(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}}))?\s*(?:{_OCLOCK})"
)
_AR_CLOCK = re.compile(
    r"(?<![\u0600-\u06ff])(?:في\s+)?الساعه\s+(?P<h>\d{1,2})(?::(?P<m>\d{2}))?"
    r"(?:\s+(?P<half>صباحا|مساء|ظهرا|ليلا))?"
)
#: Persian "ساعت ۱۰ صبح" (at hour 10 in the morning).
_FA_CLOCK = re.compile(
    r"(?<![\u0600-\u06ff])ساعت\s+(?P<h>\d{1,2})(?::(?P<m>\d{2}))?"
    r"(?:\s+(?P<half>صبح|ظهر|بعدازظهر|عصر|شب))?"
)
_AFTERNOON_SOUTH = {fold_script(w) for w in _HALF_DAY if w not in {"सुबह", "صبح", "ਸਵੇਰੇ"}} | {
    "مساء",
    "ليلا",
    "عصر",
    "شب",
    "بعدازظهر",
}


def _clock(m: re.Match) -> str:
    half_hour = "half_hour" in m.re.groupindex and m["half_hour"]
    hour, minute = int(m["h"]), int(m["m"] or (30 if half_hour else 0))
    if hour > 24 or minute > 59:
        return m[0]
    if (m["half"] in _AFTERNOON or m["half"] in _AFTERNOON_SOUTH) and hour < 12:
        hour += 12
    return _english(f"{hour:02d}:{minute:02d}")


# "去年9月", "昨年9月", "지난해 9월": a month of last year ("in September last year").
_CJK_LAST_YEAR_MONTH = re.compile(
    r"(?:去年|昨年|지난\s*해|작년)\s*(?P<m>\d{1,2})\s*[月월](?![\s\d]*[日일号號])"
)
# "9월까지", "8月まで": until a month.
_CJK_UNTIL_MONTH = re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*[月월]\s*(?:まで|까지)")
_CJK_DAY = re.compile(
    # Not "3号跑道" (runway 3), "2号航站楼" (terminal 2), "3日間" (three days), "3일 전" (ago).
    # The day may stand in brackets, as Taiwanese news writes the day of publication: "（28）日".
    r"(?<![\d(])\(?(?P<d>\d{1,2})\)?"
    + _CJK_DAY_MARK
    + r"(?![間间전후])(?!\s*(?:跑道|航站|线|線|楼|樓|机|機|门|門|口))"
    r"(?:" + _CJK_AND + r"(?P<d2>\d{1,2})" + _CJK_DAY_MARK + r")?"
)

_ZH_WEEKDAY = {"一": "Monday", "二": "Tuesday", "三": "Wednesday", "四": "Thursday",
               "五": "Friday", "六": "Saturday", "日": "Sunday", "天": "Sunday"}  # fmt: skip
_JA_WEEKDAY = {"月": "Monday", "火": "Tuesday", "水": "Wednesday", "木": "Thursday",
               "金": "Friday", "土": "Saturday", "日": "Sunday"}  # fmt: skip
_KO_WEEKDAY = {"월": "Monday", "화": "Tuesday", "수": "Wednesday", "목": "Thursday",
               "금": "Friday", "토": "Saturday", "일": "Sunday"}  # fmt: skip
_ZH_WEEKDAY_RE = re.compile(
    r"(?P<last>上个?|上個?)?(?:星期|周|週|礼拜|禮拜)(?P<wd>[一二三四五六日天])"
)
_JA_WEEKDAY_RE = re.compile(r"(?P<last>先週の?)?(?P<wd>[月火水木金土日])曜日?")
_KO_WEEKDAY_RE = re.compile(r"(?P<last>지난\s*)?(?P<wd>[월화수목금토일])요일")

#: Relative dates, per language: the words as written (folded) -> English.
_RELATIVE: dict[str, dict[str, str]] = {
    # "前日", "전날", "前一天": the day before the one the report is about, which news names
    # when that day is the day of publication (the English rules read it as yesterday).
    "zh": {"昨天": "yesterday", "昨日": "yesterday", "前一天": "yesterday", "前一日": "yesterday",
           "昨晚": "last night", "今天": "today",
           "前天": "two days ago", "上周": "last week", "上週": "last week",
           "上星期": "last week", "上个月": "last month", "上個月": "last month",
           "上月": "last month", "去年": "last year", "今年": "this year", "本周": "this week",
           "本週": "this week", "本月": "this month",
           "次日": "the next day", "第二天": "the next day", "翌日": "the next day",
           # "In recent days", "the other day": the past week, as Urdu "حالیہ دنوں" is read
           # (not "最近", recently, which may reach back months).
           "近日": "over the past week", "日前": "over the past week",
           "几天前": "over the past week", "幾天前": "over the past week",
           "上周末": "last weekend", "上週末": "last weekend", "周末": "over the weekend",
           "週末": "over the weekend"},
    "ja": {"昨日": "yesterday", "前日": "yesterday", "昨夜": "last night", "今日": "today",
           "一昨日": "two days ago",
           "先週": "last week", "先月": "last month", "昨年": "last year", "去年": "last year",
           "今年": "this year", "今週": "this week", "今月": "this month",
           "翌日": "the next day",
           "先日": "over the past week", "数日前": "over the past week",
           "ここ数日": "over the past week", "先週末": "last weekend", "週末": "over the weekend"},
    "ko": {"어제": "yesterday", "전날": "yesterday", "어젯밤": "last night", "오늘": "today",
           "그저께": "two days ago",
           "지난주": "last week", "지난 주": "last week", "지난달": "last month",
           "지난 달": "last month", "지난해": "last year", "작년": "last year",
           "올해": "this year", "이번 주": "this week", "이달": "this month",
           "다음날": "the next day", "다음 날": "the next day", "이튿날": "the next day",
           "며칠 전": "over the past week", "최근 며칠": "over the past week",
           "지난 며칠": "over the past week", "지난 주말": "last weekend",
           "지난주말": "last weekend", "주말": "over the weekend"},
    "ar": {"امس": "yesterday", "الاسبوع الماضي": "last week", "الشهر الماضي": "last month",
           "العام الماضي": "last year", "السنه الماضيه": "last year", "هذا العام": "this year",
           "اليوم": "today", "الليله الماضيه": "last night", "اليوم التالي": "the next day",
           "الايام الاخيره": "over the past week", "الايام الماضيه": "over the past week",
           "قبل ايام": "over the past week", "نهايه الاسبوع الماضي": "last weekend",
           "عطله نهايه الاسبوع": "over the weekend", "نهايه الاسبوع": "over the weekend"},
    "he": {"אתמול": "yesterday", "בשבוע שעבר": "last week", "בחודש שעבר": "last month",
           "בשנה שעברה": "last year", "השנה": "this year", "למחרת": "the next day",
           "שלשום": "two days ago", "היום": "today",
           "בימים האחרונים": "over the past week", "לפני כמה ימים": "over the past week",
           "בסוף השבוע שעבר": "last weekend", "בסוף השבוע": "over the weekend"},
    "hi": {"आज": "today", "पिछले महीने": "last month", "पिछले माह": "last month",
           "पिछला महीना": "last month",
           "पिछले हफ्ते": "last week", "पिछले सप्ताह": "last week", "पिछले साल": "last year",
           "पिछले वर्ष": "last year", "इस साल": "this year", "इस वर्ष": "this year",
           "बीती रात": "last night", "मंगलवार रात": "on Tuesday night",
           "बीते दिन": "yesterday", "गत दिवस": "yesterday", "अगले दिन": "the next day",
           # "पिछले (एक) हफ्ते से": for the past week (से, since); "for the past few days".
           "पिछले एक हफ्ते से": "over the past week", "पिछले हफ्ते से": "over the past week",
           "पिछले एक सप्ताह से": "over the past week", "पिछले सप्ताह से": "over the past week",
           "पिछले कुछ दिनों से": "over the past week", "पिछले कुछ दिनों में": "over the past week",
           "हाल के दिनों में": "over the past week", "कुछ दिन पहले": "over the past week",
           "पिछले सप्ताहांत": "last weekend", "सप्ताहांत": "over the weekend"},
    "pa": {"ਅੱਜ": "today", "ਪਿਛਲੇ ਹਫਤੇ": "last week", "ਪਿਛਲੇ ਮਹੀਨੇ": "last month",
           "ਪਿਛਲੇ ਸਾਲ": "last year", "ਇਸ ਸਾਲ": "this year", "ਬੀਤੇ ਦਿਨ": "yesterday",
           "ਅਗਲੇ ਦਿਨ": "the next day"},
    # Urdu ("کل" is both yesterday and tomorrow: left out) and Persian, as spelled (folded when
    # read). "In recent days", "a few days ago" are the past week, as the English rules count it.
    "ur": {"گزشتہ روز": "yesterday", "گزشتہ شب": "last night", "گزشتہ رات": "last night",
           "آج": "today", "گزشتہ ہفتے": "last week", "پچھلے ہفتے": "last week",
           "گزشتہ ماہ": "last month", "پچھلے مہینے": "last month", "گزشتہ سال": "last year",
           "پچھلے سال": "last year", "گزشتہ برس": "last year", "اس سال": "this year",
           "رواں سال": "this year", "اگلے روز": "the next day", "اگلے دن": "the next day",
           "حالیہ دنوں": "over the past week", "چند دن پہلے": "over the past week",
           "چند روز قبل": "over the past week", "چند روز پہلے": "over the past week"},
    "fa": {"دیروز": "yesterday", "دیشب": "last night", "امروز": "today",
           "هفته گذشته": "last week", "هفته پیش": "last week", "ماه گذشته": "last month",
           "ماه پیش": "last month", "سال گذشته": "last year", "سال پیش": "last year",
           "پارسال": "last year", "امسال": "this year", "روز بعد": "the next day",
           "فردای آن روز": "the next day", "روزهای اخیر": "over the past week",
           "چند روز پیش": "over the past week"},
}  # fmt: skip

#: Weekday names the CLDR tables give wrongly or lack, per language: form -> English weekday,
#: or ``""`` to drop a form. Urdu "ہفتہ" is Saturday and "week" alike: Saturday only with "کو"
#: (on) or "بروز" (on the day of); dateparser's Persian "دو شنبه" is Monday, not Saturday.
_WEEKDAY_FIXES: dict[str, dict[str, str]] = {
    "ur": {"ہفتہ": "", "ہفتہ کو": "Saturday", "ہفتے کو": "Saturday", "بروز ہفتہ": "Saturday",
           "بدھ": "Wednesday", "پیر کو": "Monday", "بروز پیر": "Monday"},
    "fa": {"دو شنبه": "Monday", "روز شنبه": "Saturday"},
}  # fmt: skip

#: Month names the CLDR tables lack: Arabic as written in the Levant and Iraq ("تشرين الأول"),
#: Hindi "मई" (May, too short for the tables' filter).
_EXTRA_MONTHS: dict[str, dict[str, str]] = {
    "ar": {"كانون الثاني": "January", "شباط": "February", "اذار": "March", "نيسان": "April",
           "ايار": "May", "حزيران": "June", "تموز": "July", "اب": "August", "ايلول": "September",
           "تشرين الاول": "October", "تشرين الثاني": "November", "كانون الاول": "December",
           "ابريل": "April", "اغسطس": "August"},
    "hi": {"मई": "May", "फरवरी": "February", "सितंबर": "September"},
    "pa": {"ਮਈ": "May"},
}  # fmt: skip

_NUMBER_WORDS = {"एक": "1", "दो": "2", "तीन": "3", "चार": "4", "पांच": "5", "यومين": "2"}


#: "3 days ago" in Arabic, Hebrew, Urdu and Persian: number words, units, and where "ago" stands
#: ("قبل ثلاثة أيام", "לפני שלושה ימים" before; "۳ روز پیش", "تین دن پہلے" after). The number was
#: read as a count ("۳ روز پیش یک هواپیما" was "3 aircraft").
_AGO_NUMBERS = {
    "ar": {"ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "عشره": 10},
    "he": {"שלושה": 3, "ארבעה": 4, "חמישה": 5, "שישה": 6, "שבעה": 7, "עשרה": 10},
    "ur": {"ایک": 1, "دو": 2, "تین": 3, "چار": 4, "پانچ": 5, "چھ": 6, "سات": 7, "دس": 10},
    "fa": {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "ده": 10},
}
_AGO_UNITS = {
    "ar": {"ايام": "d", "يوما": "d", "يوم": "d", "اسابيع": "w", "اسبوع": "w", "اشهر": "m",
           "شهر": "m", "سنوات": "y"},
    "he": {"ימים": "d", "שבועות": "w", "חודשים": "m", "שנים": "y"},
    "ur": {"دن": "d", "دنوں": "d", "روز": "d", "ہفتے": "w", "ہفتوں": "w", "ماہ": "m",
           "مہینے": "m", "سال": "y"},
    "fa": {"روز": "d", "هفته": "w", "ماه": "m", "سال": "y"},
}  # fmt: skip
#: Dual forms, a number and a unit in one word: "يومين" (two days), "יומיים", "שבועיים".
_AGO_DUALS = {"ar": {"يومين": (2, "d"), "اسبوعين": (2, "w"), "شهرين": (2, "m")},
              "he": {"יומיים": (2, "d"), "שבועיים": (2, "w"), "חודשיים": (2, "m")}}  # fmt: skip


def _ago_pattern(code: str) -> tuple[re.Pattern, object] | None:
    if code not in _AGO_UNITS:
        return None
    numbers = {fold_script(k): v for k, v in _AGO_NUMBERS[code].items()}
    units = {fold_script(k): v for k, v in _AGO_UNITS[code].items()}
    duals = {fold_script(k): v for k, v in _AGO_DUALS.get(code, {}).items()}
    number = "|".join([r"\d{1,2}", *map(re.escape, numbers)])
    unit = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    dual = "|".join(map(re.escape, duals))
    letter = _LETTER.get(code, r"\w")
    if code in {"ar", "he"}:
        before = fold_script("قبل") if code == "ar" else fold_script("לפני")
        body = rf"(?P<n>{number})\s+(?P<u>{unit})" + (rf"|(?P<dual>{dual})" if dual else "")
        pattern = rf"(?<!{letter}){before}\s+(?:{body})(?!{letter})"
    else:
        words = ("پہلے", "قبل") if code == "ur" else ("پیش", "قبل")
        after = "|".join(fold_script(w) for w in words)
        pattern = rf"(?<!{letter})(?P<n>{number})\s*(?P<u>{unit})\s+(?:{after})(?!{letter})"

    def ago(m: re.Match) -> str:
        if m.groupdict().get("dual"):
            n, u = duals[m["dual"]]
        else:
            n = int(m["n"]) if m["n"].isdigit() else numbers[m["n"]]
            u = units[m["u"]]
        return _english(_ago(str(n), u))

    return re.compile(pattern), ago


@functools.cache
def _months(code: str) -> dict[str, str]:
    """Month names of ``code`` (folded) -> English, longest first."""
    table = {fold_script(k): v for k, v in calendar_for(code).months.items()}
    table.update({fold_script(k): v for k, v in _EXTRA_MONTHS.get(code, {}).items()})
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


@functools.cache
def _weekdays(code: str) -> dict[str, str]:
    table = {fold_script(k): v for k, v in calendar_for(code).weekdays.items()}
    for form, name in _WEEKDAY_FIXES.get(code, {}).items():
        if name:
            table[fold_script(form)] = name
        else:
            table.pop(fold_script(form), None)
    return dict(sorted(table.items(), key=lambda kv: -len(kv[0])))


# Words before a lone month that make it the month of an event ("في مارس", "in March").
_MONTH_PREPOSITIONS = {"ar": ("في", "خلال", "منذ", "مطلع", "اواخر", "اوائل", "منتصف"),
                       "fa": ("در", "اوایل", "اواخر", "اواسط")}  # fmt: skip
#: Of those, the ones that make it the start of something still going on ("منذ مارس": since).
_SINCE = frozenset({"منذ"})
#: Postpositions after a lone month that make it the month of an event ("मार्च में", "مارچ میں").
_MONTH_POSTPOSITIONS = {"hi": r"(?:में|के\s+महीने)", "ur": r"(?:ميں|كے\s+مهينے)"}
_ARABIC_WORD = r"[\u0600-\u06ff]"
_DEVANAGARI = r"[\u0900-\u097f]"
_GURMUKHI = r"[\u0a00-\u0a7f]"
#: A letter of each script read here by spaces (a word ends where none follows).
_LETTER = {"hi": _DEVANAGARI, "pa": _GURMUKHI, "ar": _ARABIC_WORD, "ur": _ARABIC_WORD,
           "fa": _ARABIC_WORD, "ko": r"[\uac00-\ud7af]"}  # fmt: skip


_SOLAR_MONTHS = {fold_script(form): number for number, forms in enumerate(SOLAR_HIJRI_MONTHS, 1)
                 for form in forms}  # fmt: skip
#: A Persian year of the Solar Hijri calendar (1300-1499: 1921 to 2121).
_SOLAR_YEAR = r"(?P<y>1[34]\d{2})(?!\d)"


def _solar_hijri_patterns() -> list[tuple[re.Pattern, object]]:
    """Persian dates of the Solar Hijri calendar as English Gregorian ones: "۷ تیر ۱۴۰۴" ->
    "28 June 2025"; "۱۱ دی‌ماه" (no year) -> "1 January", counted in a common year (a day off at
    most, which the date rules allow); "تیر ۱۴۰۴" -> "July 2025", the month of its 15th day (a
    Solar month runs from about the 21st of one Gregorian month to the 21st of the next); "اول
    شهریور" (the first of) -> its first day. A month name alone ("مهر" is also a seal, "تیر" an
    arrow) stays a word."""
    names = "|".join(sorted((re.escape(k) for k in _SOLAR_MONTHS), key=len, reverse=True))
    month = rf"(?P<mo>{names})(?:\s*ماه)?(?!{_ARABIC_WORD})"

    def day(m):
        number, day_ = _SOLAR_MONTHS[m["mo"]], 1 if m["first"] else int(m["d"])
        try:
            date = solar_hijri_to_gregorian(int(m["y"] or 1402), number, day_)
        except ValueError:
            return m[0]
        year = f" {date.year}" if m["y"] else ""
        return _english(f"{date.day} {MONTHS[date.month - 1]}{year}")

    def month_year(m):
        date = solar_hijri_to_gregorian(int(m["y"]), _SOLAR_MONTHS[m["mo"]], 15)
        return _english(f"{MONTHS[date.month - 1]} {date.year}")

    return [
        (
            re.compile(
                rf"(?:(?<!\d)(?P<d>\d{{1,2}})|(?P<first>اول))\s*{month}(?:\s*{_SOLAR_YEAR})?"
            ),
            day,
        ),
        (re.compile(rf"(?<!{_ARABIC_WORD}){month}\s*{_SOLAR_YEAR}"), month_year),
    ]


@functools.cache
def _date_patterns(code: str) -> tuple[tuple[re.Pattern, object], ...]:
    """``(pattern, replacement)`` pairs that rewrite the dates of ``code`` as English."""
    patterns: list[tuple[re.Pattern, object]] = []
    # "13/04/2024", "1-10-2023": day first, as these languages write it.
    patterns.append(
        (
            re.compile(r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})(?!\d)"),
            lambda m: (
                _english(f"{int(m['d'])} {_month(m['m'])} {m['y']}")
                if _month(m["m"]) and 1 <= int(m["d"]) <= 31
                else m[0]
            ),
        )
    )
    if code in {"zh", "ja", "ko"}:
        # "2024/05/01", "2024.5.1", "2024. 5. 1.": year first, as these languages write it.
        patterns.append(
            (
                _CJK_NUMERIC,
                lambda m: (
                    _english(f"{int(m['d'])} {_month(m['m'])} {m['y']}")
                    if _month(m["m"]) and 1 <= int(m["d"]) <= 31
                    else m[0]
                ),
            )
        )

        def full(m):
            month = _month(m["m"])
            if not month:
                return m[0]
            days = m["d"] + (f" and {m['d2']}" if m["d2"] else "")
            return _english(f"{days} {month}" + (f" {m['y']}" if m["y"] else ""))

        def day(m):
            if not 1 <= int(m["d"]) <= 31:
                return m[0]
            days = "the " + _nth(m["d"]) + (f" and on the {_nth(m['d2'])}" if m["d2"] else "")
            return _english(f"on {days}")

        patterns += [
            (_CJK_LAST_MONTH_DAY, lambda m: _english(f"on the {_nth(m['d'])} of last month")),
            (_CJK_FULL, full),
            (_CJK_CLOCK, _clock),
            (_CJK_YEARS_LONG, lambda m: _english(f"over {m['n']} years")),
            (_CJK_MONTHS_LONG, lambda m: _english(f"over {m['n']} months")),
            (_CJK_AGO, lambda m: _english(_ago(m["n"], next(k for k in "dwmy" if m[k])))),
            (
                _CJK_LAST_YEAR_MONTH,
                lambda m: _english(f"in {_month(m['m'])} last year") if _month(m["m"]) else m[0],
            ),
            (
                _CJK_MONTHS_SPAN,
                lambda m: (
                    _english(f"between {_month(m['m'])} and {_month(m['m2'])}")
                    if _month(m["m"]) and _month(m["m2"])
                    else m[0]
                ),
            ),
            (
                _CJK_UNTIL_MONTH,
                lambda m: _english(f"until {_month(m['m'])}") if _month(m["m"]) else m[0],
            ),
            (_CJK_MONTH_YEAR, lambda m: _english(f"{_month(m['m'])} {m['y']}") or m[0]),
            (_CJK_MONTH, lambda m: _english(f"in {_month(m['m'])}") if _month(m["m"]) else m[0]),
            (_CJK_DAY, day),
        ]
        if code == "ja":
            patterns.insert(-1, (_CJK_JA_DAYS_AGO, lambda m: _english(_ago(m["n"], "d"))))
        weekday_re, names = {
            "zh": (_ZH_WEEKDAY_RE, _ZH_WEEKDAY),
            "ja": (_JA_WEEKDAY_RE, _JA_WEEKDAY),
            "ko": (_KO_WEEKDAY_RE, _KO_WEEKDAY),
        }[code]
        patterns.append(
            (
                weekday_re,
                lambda m: _english(("last " if m["last"] else "on ") + names[m["wd"]]),
            )
        )
    else:
        months = "|".join(re.escape(k) for k in _months(code))
        letter = _LETTER.get(code, r"\w")
        end = rf"(?!{letter})"
        if code == "ur":
            # "یکم مارچ": Urdu writes the first of a month with the ordinal "یکم".
            patterns.append((re.compile(rf"(?<!{letter})يكم\s+(?=(?:{months}){end})"), "1 "))
        patterns.append(
            (
                re.compile(
                    rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<mo>{months}){end}(?:\s*,?\s*(?P<y>(?:19|20)\d{{2}}))?"
                ),
                lambda m: (
                    _english(
                        f"{int(m['d'])} {_months(code)[m['mo']]}" + (f" {m['y']}" if m["y"] else "")
                    )
                    if 1 <= int(m["d"]) <= 31
                    else m[0]
                ),
            )
        )
        patterns.append(
            (
                re.compile(
                    rf"(?P<mo>{months}){end}\s*(?P<d>\d{{1,2}})(?![\d/.:-])"
                    rf"(?:\s*,\s*(?P<y>(?:19|20)\d{{2}}))?"
                ),
                lambda m: (
                    _english(
                        f"{int(m['d'])} {_months(code)[m['mo']]}" + (f" {m['y']}" if m["y"] else "")
                    )
                    if 1 <= int(m["d"]) <= 31
                    else m[0]
                ),
            )
        )
        patterns.append(
            (
                re.compile(rf"(?P<mo>{months}){end}\s*(?P<y>(?:19|20)\d{{2}})"),
                lambda m: _english(f"{_months(code)[m['mo']]} {m['y']}"),
            )
        )
        before = "|".join(_MONTH_PREPOSITIONS.get(code, ()))
        if before:
            patterns.append(
                (
                    re.compile(rf"(?<!{letter})(?P<pre>{before})\s+(?P<mo>{months}){end}"),
                    # "منذ مارس": since March, the start of something still going on.
                    lambda m: _english(
                        f"{'since' if m['pre'] in _SINCE else 'in'} {_months(code)[m['mo']]}"
                    ),
                )
            )
        if code in _MONTH_POSTPOSITIONS:
            # "मार्च में": a month with the postposition "in" (alone, "मार्च" is also a march).
            patterns.append(
                (
                    re.compile(rf"(?P<mo>{months})\s+{_MONTH_POSTPOSITIONS[code]}"),
                    lambda m: _english(f"in {_months(code)[m['mo']]}"),
                )
            )
        if code == "fa":
            patterns += _solar_hijri_patterns()
        if code in {"hi", "ur", "pa"}:
            patterns.append((_SOUTH_ASIAN_CLOCK, _clock))
        ago = _ago_pattern(code)
        if ago:
            patterns.append(ago)
        if code == "ar":
            patterns.append((_AR_CLOCK, _clock))
        if code == "fa":
            patterns.append((_FA_CLOCK, _clock))
        if code == "hi":
            # "पिछले दो-तीन दिनों से", "तीन दिन पहले": days ago.
            numbers = "|".join(list(_NUMBER_WORDS) + [r"\d{1,2}"])
            patterns.append(
                (
                    re.compile(
                        rf"पिछले\s+(?P<n>{numbers})(?:\s*-\s*(?:{numbers}))?\s+दिनों"
                        rf"|(?P<n2>{numbers})\s+दिन\s+पहले"
                    ),
                    lambda m: _english(
                        f"{_NUMBER_WORDS.get(m['n'] or m['n2'], m['n'] or m['n2'])} days ago"
                    ),
                )
            )
        weekdays = "|".join(re.escape(k) for k in _weekdays(code))
        if weekdays:
            start = rf"(?<!{letter})" if code != "ar" else r"(?<![\u0600-\u06ff])(?:(?:ال)?يوم\s+)?"
            patterns.append(
                (
                    re.compile(rf"{start}(?P<wd>{weekdays}){end}"),
                    lambda m: _english(f"on {_weekdays(code)[m['wd']]}"),
                )
            )
    relative = {fold_script(k): v for k, v in _RELATIVE.get(code, {}).items()}
    if relative:
        words = "|".join(re.escape(k) for k in sorted(relative, key=len, reverse=True))
        if code in UNSPACED:
            pattern = re.compile(rf"(?P<r>{words})")
        else:
            letter = _LETTER.get(code, r"\w")
            pattern = re.compile(rf"(?<!{letter})(?:ب|في\s+|ב)?(?P<r>{words})(?!{letter})")
            if code == "ko":
                # Korean particles follow ("어제는", "지난주에").
                pattern = re.compile(rf"(?<!{letter})(?P<r>{words})")
        patterns.append((pattern, lambda m: _english(relative[m["r"]])))
    span = _DATE_SPANS.get(code)
    if span:
        # "یکم دسمبر سے 2 فروری تک", "از ۱ مهر تا ۱۰ مهر": from one date to another, a period
        # ("between 1 December and 2 February"), as the English rules read a span.
        before, middle, after = span
        date = rf"{_OPEN}(?P<{{}}>[^{_CLOSE}]*){_CLOSE}"
        patterns.append(
            (
                re.compile(
                    rf"{before}\s*{date.format('a')}\s*{middle}\s*{date.format('b')}\s*{after}"
                ),
                lambda m: _english(f"between {m['a']} and {m['b']}"),
            )
        )
    return tuple(patterns)


#: Words around a span of two dates, per language: (before the first, between, after the
#: second). Urdu, Hindi and Punjabi put postpositions after each date ("X سے Y تک": from X to
#: Y); Persian puts prepositions before ("از X تا Y").
_DATE_SPANS = {
    "ur": ("", "سے", "تك"), "hi": ("", "से", "तक"), "pa": ("", "ਤੋਂ", "ਤੱਕ"),
    "fa": ("از", "تا", ""),
}  # fmt: skip


def _rewrite_dates(line: str, code: str) -> str:
    for pattern, replacement in _date_patterns(code):
        if isinstance(replacement, str):
            line = pattern.sub(replacement, line)
        else:
            line = pattern.sub(replacement, line)
    return line


# --- words ----------------------------------------------------------------------------------

#: Urdu "کل" is "yesterday" and "tomorrow" alike (and "all" before a noun of number): the
#: tense of the sentence's verb tells which. A future ends in "گا", "گی", "گے"; a past has an
#: auxiliary or a past form of "to be", "to go", "to happen".
_UR_START = r"(?:^|(?<=[\s.,;:!?()\u06d4\u060c]))"
_UR_END = r"(?=[\s.,;:!?()\u06d4\u060c]|$)"
_UR_KAL = re.compile(
    rf"{_UR_START}{fold_script('کل')}{_UR_END}(?!\s+(?:{fold_script('تعداد|رقم|ملا')}))"
)
_UR_FUTURE = re.compile(rf"(?:{fold_script('گا|گی|گے')}){_UR_END}")
_UR_PAST = re.compile(
    rf"{_UR_START}(?:{fold_script('تھا|تھی|تھے|تھیں|گیا|گئی|گئے|گئیں|ہوا|ہوئی|ہوئے|لیا|دیا')})"
    rf"{_UR_END}"
)


def _urdu_kal(text: str) -> str:
    """Each sentence's "کل" as "yesterday" (a past verb) or "tomorrow" (a future one); left as
    written (and dropped) when the sentence says neither."""
    if fold_script("کل") not in text:
        return text
    out = []
    for sentence in re.split(r"(?<=[.!?\u06d4])", text):
        if _UR_FUTURE.search(sentence):
            sentence = _UR_KAL.sub(_english("tomorrow"), sentence)
        elif _UR_PAST.search(sentence):
            sentence = _UR_KAL.sub(_english("yesterday"), sentence)
        out.append(sentence)
    return "".join(out)


_FA_NOT_CONTINUOUS = fold_script("نمی")
_FA_YA = fold_script("یا")
#: The light verbs of Persian compound verbs ("قطع شد": was cut, "فرود آمد": landed), as their
#: past forms; negated, they negate the compound.
_FA_LIGHT_VERBS = frozenset(
    fold_script(w) for w in "شد شدند کرد کردند آمد آمدند بود بودند داشت داشتند گرفت داد".split()
)


def _persian_negation(tokens: list[str], code: str) -> list[str]:
    """Persian negates a verb with the prefix "ن" ("نشد": did not become, "نیامد": did not
    come, "نمی..." as the negated continuous). A word the tables lack whose form without the
    prefix is a known word, or ends a known phrase ("قطع نشد": was not cut), is read as that word
    with "not" before it (before the phrase)."""
    whole, _, _, longest = _words(code)
    out = list(tokens)
    i = 0
    while i < len(out):
        word = out[i]
        if (
            not (word.startswith("ن") and len(word) >= 3)
            or _lookup(word, code)[0]
            or any(" ".join(out[i : i + n]) in whole for n in range(2, longest + 1))
        ):
            i += 1  # no negation, or a word or phrase the tables name as written
            continue
        rest = word[3:] if word.startswith(_FA_NOT_CONTINUOUS) else word[1:]
        forms = [rest, "ا" + rest[2:]] if rest.startswith(_FA_YA) else [rest]
        at = -1
        for form in forms:
            if form in _FA_LIGHT_VERBS:
                # "قطع نشد", "فرود نیامد": the negated verb of a compound; "not" before its noun.
                at = i - 1 if i > 0 and out[i - 1] and not out[i - 1][0].isascii() else i
            elif len(form) >= 3 and _lookup(form, code)[0]:
                at = i
            if at >= 0:
                out[i] = form
                break
        if at >= 0:
            out.insert(at, f"{_OPEN}not{_CLOSE}")
            i += 1
        i += 1
    return out


@functools.cache
def _words(code: str) -> tuple[dict[str, str], tuple[tuple[str, str], ...], tuple, int]:
    """``(whole words and phrases -> English, stems, tails, longest phrase in words)`` of
    ``code``: the cue words of :mod:`.lexicon` and the place names, folded. A place's English
    is written ``=Name`` to tell it from a cue word."""
    lex = lexicon_for(code)
    whole: dict[str, str] = {}
    longest = 1
    for parts, english in lex.phrases:
        # A phrase is matched whole: a stem mark on its last word ("تغيير_مسار*") keeps the
        # form as written.
        parts = tuple(part.rstrip("*") for part in parts)
        key = fold_script(" ".join(parts) if code not in UNSPACED else "".join(parts))
        whole.setdefault(key, english)
        longest = max(longest, len(parts))
    for form, english in lex.exact.items():
        whole.setdefault(fold_script(form), english)
    for name, english in script_places(code).items():
        whole[name] = "=" + english
        longest = max(longest, len(name.split()))
    stems = tuple((fold_script(s), e) for s, e in lex.stems)
    tails = tuple((fold_script(t), e) for t, e in lex.tails)
    return whole, stems, tails, longest


#: Korean particles after a noun, and the role of the place they follow ("러시아에서": in
#: Russia). Longer particles first; a particle whose role is "" only ends the noun.
_KO_PARTICLES = (
    ("에서는", "in"), ("에서도", "in"), ("에서", "in"), ("으로", "to"), ("로", "to"),
    ("부터", "from"), ("까지", "to"), ("에는", "in"), ("에도", "in"), ("에", "in"), ("의", "of"),
    ("은", ""), ("는", ""), ("이", ""), ("가", ""), ("을", ""), ("를", ""), ("과", ""), ("와", ""),
    ("도", ""), ("쪽", ""),
)  # fmt: skip
#: Arabic conjunctions and prepositions written onto the next word, with the role a preposition
#: gives a place ("بالعراق": in Iraq, "لبنان" unchanged), then the article.
_AR_PREFIXES = (("وب", "in"), ("فب", "in"), ("ول", "to"), ("وك", ""), ("و", ""), ("ف", ""),
                ("ب", "in"), ("ل", "to"), ("ك", ""))  # fmt: skip
_HE_PREFIXES = (("וב", "in"), ("ומ", "from"), ("ול", "to"), ("שב", "in"), ("ו", ""), ("ש", ""),
                ("ב", "in"), ("מ", "from"), ("ל", "to"), ("ה", ""), ("כ", ""))  # fmt: skip


def _lookup(word: str, code: str) -> tuple[str, str]:
    """``(english, role)`` of one word (folded): its cue or ``=place``, and the role its particle
    or prefix gives it; ``("", "")`` for a word the tables lack."""
    whole, stems, tails, _ = _words(code)
    found = whole.get(word)
    if found:
        return found, ""
    if code == "ko":
        for particle, role in _KO_PARTICLES:
            if word.endswith(particle) and len(word) > len(particle):
                found = whole.get(word[: -len(particle)])
                if found:
                    return found, role
        # The head of a Korean compound is its last noun ("전파교란": radio jamming).
        found = _by_stem(word, (), tails) or _by_stem(word, stems, ())
        return found, ""
    if code in {"ar", "he"}:
        prefixes = _AR_PREFIXES if code == "ar" else _HE_PREFIXES
        for prefix, role in (("", ""), *prefixes):
            if prefix and not (word.startswith(prefix) and len(word) - len(prefix) >= 2):
                continue
            rest = word[len(prefix) :]
            candidates = [rest]
            if code == "ar":
                if rest.startswith("ال"):
                    candidates.append(rest[2:])
                elif prefix.endswith("ل") and rest.startswith("ل"):
                    candidates += ["ا" + rest, rest[1:]]  # "للعراق": to the Iraq
                else:
                    candidates.append("ال" + rest)
            for candidate in candidates:
                found = whole.get(candidate)
                if not found and " " not in candidate:
                    # A stem never reaches over a space into the next word.
                    found = _by_stem(candidate, stems, tails)
                if found:
                    return found, role
        adjective = _ar_demonym(word) if code == "ar" else ""
        return ("~" + adjective, "") if adjective else ("", "")
    return _by_stem(word, stems, tails), ""


#: English adjectives of the countries an Arabic adjective of nationality may name beside an
#: airspace word ("الاجواء الايرانيه": Iranian airspace).
_DEMONYM = {
    "Iran": "Iranian", "Iraq": "Iraqi", "Israel": "Israeli", "Lebanon": "Lebanese",
    "Syria": "Syrian", "Jordan": "Jordanian", "Egypt": "Egyptian", "Turkey": "Turkish",
    "Cyprus": "Cypriot", "Russia": "Russian", "Saudi Arabia": "Saudi", "Ukraine": "Ukrainian",
    "Pakistan": "Pakistani", "India": "Indian", "Kuwait": "Kuwaiti", "Qatar": "Qatari",
}  # fmt: skip
_AR_NISBA = ("يين", "يون", "يه", "ي")


def _ar_demonym(word: str) -> str:
    """The English adjective of an Arabic adjective of nationality ("الايرانيه" -> Iranian,
    "الروسيه" -> Russian), or ``""``: the word less its article and ending, as a country's name
    is written with or without its article and its final "ا"/"يا"."""
    whole = _words("ar")[0]
    rest = word[2:] if word.startswith("ال") else word
    for ending in _AR_NISBA:
        if rest.endswith(ending) and len(rest) - len(ending) >= 2:
            stem = rest[: -len(ending)]
            for name in (stem, "ال" + stem, stem + "ا", stem + "يا"):
                found = whole.get(name, "")
                if found.startswith("=") and found[1:] in _DEMONYM:
                    return _DEMONYM[found[1:]]
    return ""


def _by_stem(word: str, stems, tails) -> str:
    for stem, english in stems:
        if word.startswith(stem) and len(word) - len(stem) <= MAX_ENDING:
            return english
    for tail, english in tails:
        at = word.find(tail, 1)
        if at > 0 and len(word) - at - len(tail) <= 4:
            return english
    return ""


def script_vocabulary(code: str) -> frozenset[str]:
    """Every English word or phrase the gloss of ``code`` can write: its cue words (a
    postposition's role as the role), relative dates, weekdays and months (Chinese, Japanese and
    Korean write them with numbers: all of them)."""
    whole, stems, tails, _ = _words(code)
    words = {v for v in whole.values() if not v.startswith("=")}
    words |= {e for _, e in stems} | {e for _, e in tails}
    words = {w.lstrip("@") for w in words}
    words |= set(_RELATIVE.get(code, {}).values())
    # The roles particles and prefixes give a place ("러시아에서": in Russia, "בתל אביב").
    particles = {"ko": _KO_PARTICLES, "ar": _AR_PREFIXES, "he": _HE_PREFIXES}.get(code, ())
    words |= {role for _, role in particles if role}
    if code in {"zh", "ja", "ko"}:
        words |= set(MONTHS) | set(_ZH_WEEKDAY.values())
    else:
        words |= set(_months(code).values()) | set(_weekdays(code).values())
    return frozenset(words)


_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_TOKEN = re.compile(
    rf"{_OPEN}[^{_CLOSE}]*{_CLOSE}|\d{{4}}-\d{{2}}-\d{{2}}|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*|\d+(?:[.,:]\d+)*"
    r"|[.,;:!?()%]|[^\sA-Za-z0-9.,;:!?()%]+"
)


def _segment(text: str, code: str) -> list[str]:
    """Chinese or Japanese text cut into words: the longest table word at each place; a
    character no table word starts with becomes ``""`` (dropped, but it separates words)."""
    whole, _, _, _ = _words(code)
    longest = max(len(w) for w in whole)
    tokens: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        match = _TOKEN.match(text, i)
        if match and (ch.isascii() or ch == _OPEN):
            tokens.append(match.group(0))
            i = match.end()
            continue
        for size in range(min(longest, len(text) - i), 0, -1):
            if text[i : i + size] in whole:
                tokens.append(text[i : i + size])
                i += size
                break
        else:
            if tokens and tokens[-1] != "":
                tokens.append("")
            i += 1
    return tokens


_VEHICLES = {"aircraft", "flight", "crew", "captain", "helicopter", "military aircraft"}
_DETERMINERS = {"the", "a", "an", "its", "their", "no", "not"}
_QUANTITIES = {"of", "many", "several", "every", "most"}
_PLURAL = {"flight": "flights", "crew": "crews", "helicopter": "helicopters"}


def _is_count(word: str) -> bool:
    digits = word.replace(",", "").replace(".", "")
    return digits.isdigit() and int(digits) >= 2


#: Words that make the noun before them a count ("항공기 GPS 교란 건수": the number of aircraft
#: GPS jamming reports): no particular aircraft.
_COUNT_NOUNS = {"number of", "cases", "reports", "statistics"}


def _uncount_vehicle(out: list[str]) -> None:
    """Drop the article of a vehicle a few words before a count noun ("the aircraft GPS jamming
    number of" -> "aircraft GPS jamming number of"), and make a flight flights."""
    for at in range(len(out) - 1, max(len(out) - 5, 0), -1):
        if out[at] in _VEHICLES and out[at - 1] == "the":
            out[at] = _PLURAL.get(out[at], out[at])
            del out[at - 1]
            return
        if out[at] in ".,;:!?":
            return


_ROLES = {"in", "to", "from", "at", "over", "near"}
#: Korean verbs after a place and its particle, and the English role they give the place.
_KO_PLACE_VERBS = {"approach": "approaching", "landing": "at", "during landing": "at",
                   "attempting to land": "at", "landed": "at",
                   "emergency landing": "at"}  # fmt: skip
_PLACE_PARTS = {"airspace", "airport", "airports", "border", "area", "air traffic", "territory"}


def _keep_latin(word: str) -> str:
    from tracker.ingest.fields import KNOWN_OPERATOR

    if KEPT_AS_WRITTEN.match(word) or KNOWN_OPERATOR.fullmatch(word):
        return word
    if word.upper() in {"GPS", "GNSS", "GLONASS", "ILS", "NOTAM", "ATC"}:
        return word.upper()
    # English terms a page in another script writes in Latin letters ("GPS Spoofing ने",
    # "Flight Divert"): they are the English words the rules read.
    return _ENGLISH_TERMS.get(word.lower(), "")


_ENGLISH_TERMS = {
    **{w: w for w in ("spoofing", "spoofed", "jamming", "jammed", "jammer", "jammers",
                      "interference", "diverted")},
    "divert": "diverted",
}  # fmt: skip


_LATIN_MONTHS = {name[:3].lower(): name for name in MONTHS}


def _latin_month(tokens: list[str], i: int) -> str:
    """An English month name or its abbreviation next to a number: a dateline in Latin letters
    ("Updated: Mon, 23 Jun 2025", "Nov 10, 2025") kept as the English month."""
    word = tokens[i].lower()
    name = _LATIN_MONTHS.get(word[:3], "")
    if not name or word not in {name.lower(), name[:3].lower(), "sept"}:
        return ""
    near = [t for t in (tokens[i - 1] if i else "", tokens[i + 1] if i + 1 < len(tokens) else "")]
    return name if any(t[:1].isdigit() for t in near) else ""


_JAMMING = {"jamming", "interference", "spoofing", "attack", "jammer"}


def _jamming_follows(tokens: list[str], i: int, code: str) -> bool:
    """Is one of the next three words of ``tokens`` (from ``i``) a jamming word?"""
    for token in tokens[i : i + 3]:
        if token and not token[0].isascii() and _lookup(token, code)[0] in _JAMMING:
            return True
    return False


#: Japanese "に" is "in" after a place ("バルト海上空に": over the Baltic, "空港には"), "to" before
#: a verb of going ("ワルシャワに向かう": the flight's destination, written "へ"), and marks the
#: recipient when the clause goes on to an object and a verb of giving or sending ("ウクライナに
#: 武器を供給する": supplies arms to Ukraine): a "に" whose clause has an object marker "を"
#: before any verb of flying or landing, or that such a verb follows at once, gives its place no
#: role (a recipient is no destination of a flight; "・" is dropped like any unknown letter).
#: "には", "にて", "において" stay "in"; "による", "によって", "により" are "by" (the table's).
_JA_DATIVE = re.compile(r"に(?![はておよ])(?=向か|向け|戻|帰)")
_JA_RECIPIENT = re.compile(
    r"に(?![はておよ])(?="
    r"(?:(?:(?!着陸|進入|接近|旋回|離陸|飛行|上空)[^、。,.!?\sでは]){1,20}?を)"
    r"|輸出|派遣|送|供給|提供|移送|届け)"
)


#: Korean counts after the noun, with a counter: "여객기 3대", "민항기 수십 대", "항공편 20편"
#: (airliner 3-units): written "3 aircraft", "dozens of aircraft", so that several aircraft are
#: no particular one ("여객기 1대" stays one aircraft).
_KO_COUNT_AFTER = re.compile(
    r"(?P<noun>[가-힣]+?)(?P<particle>[이가은는을를]?)\s+"
    r"(?P<n>\d[\d,]*|수십|수백|수천|수만|여러|몇)\s*(?:여\s*)?(?P<counter>대|편|척|기)(?![가-힣]{2})"
)
_KO_COUNT_WORDS = {"수십": "dozens of", "수백": "hundreds of", "수천": "thousands of",
                   "수만": "tens of thousands of", "여러": "several", "몇": "several"}  # fmt: skip


#: Chinese and Japanese numbers before a counter ("两架客机", "三機"), and Japanese counts after
#: the noun ("旅客機3機": airliners, 3 of them): written as digits before the noun.
_CJK_NUMERALS = {"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                 "八": 8, "九": 9}  # fmt: skip
_CJK_NUMERAL_COUNT = re.compile(
    r"(?<![一二两兩三四五六七八九十百千万萬数數几幾第])(?P<n>[二两兩三四五六七八九十]{1,3})(?=\s*(?:架|機|机|艘|隻|名|起|便))"
)
_JA_COUNT_AFTER = re.compile(r"(?P<n>\d[\d,]*|数十|数百|数千)\s*(?:機|便)(?![体長場内])")


def _cjk_numeral(text: str) -> int | None:
    """2-99 written in Chinese numerals ("两", "十二", "二十"), else None."""
    if "十" not in text:
        return _CJK_NUMERALS.get(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if (tens and tens not in _CJK_NUMERALS) or (units and units not in _CJK_NUMERALS):
        return None
    return _CJK_NUMERALS.get(tens, 1) * 10 + _CJK_NUMERALS.get(units, 0)


def _cjk_counts(text: str, code: str) -> str:
    def numeral(m: re.Match) -> str:
        value = _cjk_numeral(m["n"])
        return f" {value} " if value and value >= 2 else m[0]

    text = _CJK_NUMERAL_COUNT.sub(numeral, text)
    if code != "ja":
        return text
    whole = _words(code)[0]
    out, last = [], 0
    for m in _JA_COUNT_AFTER.finditer(text):
        noun = next(
            (text[m.start() - k : m.start()] for k in range(6, 0, -1)
             if whole.get(text[m.start() - k : m.start()]) in _VEHICLES),
            "",
        )  # fmt: skip
        if not noun or m["n"] == "1":
            continue
        number = {"数十": "dozens of", "数百": "hundreds of", "数千": "thousands of"}.get(m["n"])
        out += [text[last : m.start() - len(noun)], _english(number or m["n"]), noun]
        last = m.end()
    return "".join(out) + text[last:]


def _korean_counts(text: str) -> str:
    def count(m: re.Match) -> str:
        english, _ = _lookup(fold_script(m["noun"]), "ko")
        if english not in _VEHICLES or m["n"] == "1":
            return m[0]
        number = _KO_COUNT_WORDS.get(m["n"], m["n"].replace(",", ""))
        return _english(number) + m["noun"] + m["particle"] + " "

    return _KO_COUNT_AFTER.sub(count, text)


#: Urdu and Hindi put "more than" after the number ("25 سے زائد طیارے", "25 से अधिक विमान":
#: 25-than-more aircraft): written in the English order, so that the count stays beside the
#: aircraft it counts.
_MORE_THAN_AFTER = re.compile(
    r"(?<![\d.,])(?P<n>\d[\d,.]*)\s+(?:سے\s+(?:زائد|زياده)|से\s+(?:अधिक|ज्यादा|ज़्यादा))"
)
#: Chinese, Japanese and Korean too, after the number and its counter ("1600架以上の",
#: "4400대 이상의 항공기": 4400-units-or-more aircraft). Korean "이상" alone is also an anomaly
#: ("GPS 이상"), read as "problems"; after a number it is "more than".
_CJK_MORE_THAN_AFTER = re.compile(
    r"(?<![\d.,])(?P<n>\d[\d,.]*)\s*(?:架|机|機|件|起|次|个|個|名|人|便|艘|隻|대|건|편|명|척|개|회|번)?"
    r"\s*(?:以上|이상(?:의|이|을|은)?(?![가-힣]))"
)


#: Japanese and Korean put the verb last: "スウェーデンは4日、…と発表した", "WSJ는 23일 …고
#: 보도했다" (Sweden, on the 4th, announced that ...). A day right after the sentence's topic
#: (は, 은/는), in a sentence that ends by quoting what someone announced, reported or said, is
#: the day of the statement: the gloss writes "said" before it ("Sweden said on the 4th"), as
#: the English rules read "the ministry said on Friday". Not when the topic is an aircraft,
#: flight or crew ("旅客機は4日、…と発表した": the aircraft's day).
_TOPIC_DAY = {
    "ja": re.compile(
        # (Not a topic that opens a quotation, 「北朝鮮は8日…」: the quoted event's subject.)
        r"(?<![\w「『\u201c])(?P<topic>[^\s、。,.!?「『\u201c]{1,25}?)は\s*"
        r"(?=(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月\s*)?"
        r"\d{1,2}\s*日(?![間前])[^。.!?]*?と(?:、|\s)*[^。.!?]{0,25}?"
        r"(?:発表し|表明し|公表し|明らかにし|述べ|報じ|伝え|語っ|話し|説明し|非難し|指摘し|警告し|主張し)"
        r"(?:た|ている|ました))"
    ),
    "ko": re.compile(
        # (Not a topic that opens a quotation: "JCS said: 'North Korea on the 8th ...'" quotes
        # the event, whose day it is.)
        r"(?<![\w\u201c\"'\u2018])(?P<topic>[^\s.!?\u201c\"'\u2018]{1,25}?)[은는]\s+"
        r"(?=(?:(?:19|20)\d{2}\s*년\s*)?(?:\d{1,2}\s*월\s*)?"
        r"(?:지난\s*)?\d{1,2}\s*일(?![간전])[^.!?]*?[고며]\s*[^.!?]{0,25}?"
        r"(?:보도|밝혔|발표|전했|말했|설명했|주장했|비난했|경고했))"
    ),
}
#: The same with a subject (が) when what was said follows in quotation marks: "運輸庁が10日、
#: 「…」と発表した" (the agency announced on the 10th: "..."). Without the quotation, "が" may
#: mark the subject of the reported event ("ロシアが4日…妨害したと…非難した"), so it is left.
_JA_SUBJECT_QUOTE_DAY = re.compile(
    r"(?P<topic>[^\s、。,.!?「」]{1,25}?)が\s*(?=(?:(?:19|20)\d{2}\s*年\s*)?(?:\d{1,2}\s*月\s*)?"
    r"\d{1,2}\s*日(?![間前])\s*(?:\([^)]{0,8}\))?\s*、?\s*「[^」]{1,200}」\s*と(?:、|\s)*"
    r"[^。.!?]{0,25}?(?:発表し|表明し|公表し|明らかにし|述べ|報じ|伝え|語っ|話し|説明し|非難し|指摘し"
    r"|警告し|主張し)(?:た|ている|ました))"
)
#: Korean names a source with its day first: "2일 국토해양부에 따르면 지난달 28일 ..." (according to
#: the ministry on the 2nd, since the 28th of last month ...). The first day is the telling's:
#: the gloss writes "said" before it, as for a speaker's topic.
_KO_ACCORDING_DAY = re.compile(
    r"(?<![\w.])(?P<day>(?:\d{1,2}\s*월\s*)?\d{1,2}\s*일)\s+"
    r"(?P<who>(?:[^\s.!?]+\s+){0,3}?[^\s.!?]+?)(?:\s*등)?에\s*따르면"
)
_TOPIC_NOT_A_SPEAKER = {"aircraft", "flight", "flights", "crew", "captain", "pilots", "planes",
                        "helicopter", "military aircraft", "passengers"}  # fmt: skip


#: An agency's dateline, the day the story was filed (the publication's): "[ヘルシンキ 30日
#: ロイター]", "【ワシントン＝共同】", "新华社北京3月30日电", "（中央社記者台北30日電）". Removed
#: before dates are read, so that its day is not taken for the incident's.
_AGENCY_DATELINE = {
    "ja": re.compile(
        r"[\[【][^\]】\n]{0,40}?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日[^\]】\n]{0,15}[\]】]"
    ),
    "zh": re.compile(
        r"(?:新华社|新華社|中新社|中新网|中新網|中央社|路透社|法新社|美联社|美聯社)"
        r"[^。,，、\n]{0,30}?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日\s*(?:电|電)"
    ),
}


#: Arabic puts the verb first: "أكدت الهيئة يوم الاثنين أنه ..." (the authority confirmed on
#: Monday that ...). A day between a sentence-opening verb of saying and its subject's "that"
#: (أن, أنه...) is the day of the statement: the gloss writes "said" before it, as the English
#: rules read "the authority said on Monday". A day after "أن" is the reported event's.
_AR_SAID_DAY = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=[.!?:]))\s*(?P<verb>و?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|افاد|افادت|ذكر|ذكرت"
    r"|صرح|صرحت|كشف|كشفت|اوضح|اوضحت|نفى|نفت|اضاف|اضافت))\s+"
    rf"(?P<who>(?:(?!(?:ان|انه|انها|بان|بانه)(?:\s|$))[^\s.!?{_OPEN}]+\s+){{0,6}}?)(?={_OPEN})"
)
_HE_GERSHAYIM = re.compile(r'(?<=[\u05d0-\u05ea])["\u05f4](?=[\u05d0-\u05ea])')


def _said_on_topic_day(text: str, code: str, pattern: re.Pattern | None = None) -> str:
    """Write "said" between a speaker's topic and the day of the statement (see
    :data:`_TOPIC_DAY`, :data:`_JA_SUBJECT_QUOTE_DAY`)."""

    def said(m: re.Match) -> str:
        topic = m["topic"]
        words = _segment(topic, code) if code in UNSPACED else [topic]
        if any(_lookup(w, code)[0] in _TOPIC_NOT_A_SPEAKER for w in words if w):
            return m[0]
        return m[0] + _english("said")

    return (pattern or _TOPIC_DAY[code]).sub(said, text)


def gloss_script_line(line: str, code: str) -> list[str]:
    """The English words of one line in language ``code`` (see the module's docstring)."""
    text = fold_script(line)
    if code == "he":
        # Hebrew abbreviations are written with gershayim ("נתב"ג", "צה"ל"): one word.
        text = _HE_GERSHAYIM.sub("", text)
    if code in _AGENCY_DATELINE:
        text = _AGENCY_DATELINE[code].sub(" ", text)  # before its brackets are dropped
    if code == "ja":
        text = _said_on_topic_day(text, code, _JA_SUBJECT_QUOTE_DAY)  # before 「」 are dropped
    if code in _TOPIC_DAY:
        text = _said_on_topic_day(text, code)  # before quotation marks are dropped
    if code == "ko":
        text = _KO_ACCORDING_DAY.sub(
            lambda m: _english("said") + m["day"] + " " + m["who"] + " ", text
        )
    text = text.translate(_PUNCTUATION)
    if code == "ja":
        text = _JA_RECIPIENT.sub("・", _JA_DATIVE.sub("へ", text))
    if code in {"ur", "hi"}:
        text = _MORE_THAN_AFTER.sub(lambda m: _english("more than") + m["n"], text)
    if code == "ko":
        text = _korean_counts(text)
    if code in UNSPACED:
        text = _cjk_counts(text, code)
    if code in {"zh", "ja", "ko"}:
        text = _CJK_MORE_THAN_AFTER.sub(lambda m: _english("more than") + m["n"] + " ", text)
    if code == "ur":
        text = _urdu_kal(text)
    text = _rewrite_dates(text, code)
    if code == "ar":
        text = _AR_SAID_DAY.sub(lambda m: m[0] + _english("said"), text)
    if code in UNSPACED:
        tokens = _segment(text, code)
    else:
        tokens = _TOKEN.findall(text)
    whole, _, _, longest = _words(code)
    if code == "fa":
        tokens = _persian_negation(tokens, code)
    out: list[str] = []
    place_at = -1  # where in ``out`` the last place (and the words that belong to it) starts

    def emit(*words: str) -> None:
        for word in words:
            if word and not (out and out[-1] == word and word[0].isalpha()):
                out.append(word)

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not token:
            i += 1
            if code in UNSPACED and place_at >= 0 and out and out[-1] not in _PLACE_PARTS:
                place_at = -1  # an unknown word between a place and a particle
            continue
        if token.startswith(_OPEN):
            emit(*token[1:-1].split())
            place_at = -1
            i += 1
            continue
        if (
            token == "("
            and i + 2 < len(tokens)
            and tokens[i + 2] == ")"
            and tokens[i + 1][:1].isascii()
            and tokens[i + 1][:1].isalpha()
            and not _keep_latin(tokens[i + 1])
        ):
            # "इंदिरा गांधी एयरपोर्ट (IGI) में": an abbreviation the gloss drops keeps the
            # place before it tied to the postposition after it.
            i += 3
            continue
        if token in ".,;:!?()%":
            out.append(token)
            place_at = -1
            i += 1
            continue
        if token[0].isdigit():
            emit(token)
            i += 1
            continue
        if token[0].isascii():
            kept = _keep_latin(token) or _latin_month(tokens, i)
            if kept:
                emit(kept)
            i += 1
            continue
        english, role, size = "", "", 1
        if code not in UNSPACED:
            # Phrases first: the longest run of words the tables name.
            for size in range(min(longest, len(tokens) - i), 0, -1):
                run = tokens[i : i + size]
                if any(not t or t[0].isascii() for t in run):
                    continue
                english, role = (
                    (whole.get(" ".join(run), ""), "") if size > 1 else _lookup(run[0], code)
                )
                if not english and size > 1 and code in {"ar", "he"}:
                    english, role = _lookup(" ".join(run), code)
                if english:
                    break
            else:
                size = 1
        else:
            english = whole.get(token, "")
        i += max(size, 1)
        if not english:
            continue
        if english.startswith("@"):
            # A postposition: the role of the place just before it ("म्यांमार में").
            if place_at >= 0 and place_at < len(out):
                if place_at > 0 and out[place_at - 1] in _ROLES:
                    out[place_at - 1] = english[1:]  # "在波罗的海上空": over, not "in over"
                else:
                    out.insert(place_at, english[1:])
                place_at = -1
            continue
        if english.startswith("~"):
            # An adjective of nationality names a place only beside an airspace word
            # ("الاجواء الايرانيه": Iranian airspace); "الطائرات الروسيه" (Russian aircraft)
            # says whose the aircraft are, not where they were.
            if out and out[-1] in {"airspace", "territory"}:
                out.insert(len(out) - 1, english[1:])
                if len(out) > 2 and out[-3] == "the":
                    del out[-3]
            continue
        if english.startswith("="):
            name = english[1:]
            start = len(out)
            if role == "of":
                # "북한의 GPS 교란": North Korea's jamming is jamming by North Korea (its source,
                # not where the aircraft was); "한국의 공항": no role.
                role = "by" if _jamming_follows(tokens, i, code) else ""
            if not role and code in {"ar", "fa"} and out and out[-1] in {"airspace", "territory"}:
                # "فوق الأجواء السورية", "حریم هوایی ایران": the airspace (of) Syria, written
                # "over Syria airspace" so that the role before it reaches the place.
                part = out.pop()
                if out and out[-1] == "the":
                    out.pop()
                emit(*name.split(), part)
                place_at = -1
                continue
            if role and not (out and out[-1] in _ROLES):
                emit(role)
            emit(*name.split())
            place_at = start if not role else -1
            if role and code == "ko":
                place_at = -1
            continue
        if english in _PLACE_PARTS:
            # "Myanmar airspace", "Delhi airport": still the place; an airport named by a word
            # the tables lack takes the role after it itself ("机场附近": near the airport).
            if place_at < 0:
                place_at = len(out)
                if english in _VEHICLES | {"airport", "airspace"} and not (
                    out and out[-1] in _DETERMINERS | _ROLES
                ):
                    emit("the")
            emit(*english.split())
            continue
        if code == "ko" and place_at >= 0 and english in _KO_PLACE_VERBS:
            # "타르투 공항에 접근하던": the verb after the place and its particle gives the role
            # ("approaching Tartu airport", "at Plovdiv airport during landing").
            before = tokens[i - size - 1] if i - size - 1 >= 0 else ""
            if before.endswith(("에", "으로", "로")) and not (
                place_at > 0 and out[place_at - 1] in _ROLES
            ):
                out.insert(place_at, _KO_PLACE_VERBS[english])
        place_at = -1
        if english in _COUNT_NOUNS:
            _uncount_vehicle(out)
        if (
            english in _VEHICLES
            and out
            and (out[-1] in _QUANTITIES or _is_count(out[-1]))
            and not (len(out) > 1 and out[-2] in MONTHS)  # "12 March 2024": a year, no count
        ):
            # "数千个航班", "20 طائرة": a count of flights is no particular flight.
            emit(_PLURAL.get(english, english))
            continue
        if english in _VEHICLES and not (out and out[-1] in _DETERMINERS):
            emit("the")
        if role and english in {"airport", "airspace"}:
            emit(role)
        emit(*english.split())
        if code == "ko" and role == "" and english in _PLACE_PARTS:
            pass
    return out
