"""Month and weekday names, and "yesterday"/"last week", in the languages ingest reads.

The words come from ``dateparser``'s locale tables (already a dependency; CLDR data, nothing
downloaded): each language's month names with their genitive and locative forms ("maaliskuuta",
"marca", "марта"), weekdays and relative words. We add a few inflected forms those tables lack
(:data:`EXTRA_MONTH_FORMS`). :func:`calendar_for` builds, per language, one lower-case lookup:
word -> English ("March", "Thursday", "yesterday"), used by :mod:`.gloss` to rewrite date phrases
as English ones the English date rules already read ("12 March 2024", "on Thursday").
"""

from __future__ import annotations

import datetime
import functools
import importlib
import re
from dataclasses import dataclass

__all__ = [
    "Calendar",
    "calendar_for",
    "MONTHS",
    "WEEKDAYS",
    "LAST_BEFORE",
    "LAST_AFTER",
    "SOLAR_HIJRI_MONTHS",
    "solar_hijri_to_gregorian",
]

MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()

#: dateparser's module for each language code we detect (Norwegian is ``nb``).
_DATEPARSER_LOCALE = {"no": "nb", "he": "he", "sr": "sr-Latn"}

#: Inflected month forms missing from the CLDR tables (locative "martā", "märtsis", "kovą"),
#: as a stem that every form of the month starts with, per language. A word matches when it
#: starts with the stem and adds at most 4 letters.
EXTRA_MONTH_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    # Serbian and Croatian genitives ("31. avgusta", "krajem septembra").
    "sr": {
        "January": ("januar",), "February": ("februar",), "March": ("mart",),
        "April": ("april",), "June": ("jun",), "July": ("jul",), "August": ("avgust",),
        "September": ("septemb",), "October": ("oktob",), "November": ("novemb",),
        "December": ("decemb",),
    },
    "lv": {
        "January": ("janvār",), "February": ("februār",), "March": ("mart",),
        "April": ("aprīl",), "May": ("maij",), "June": ("jūnij",), "July": ("jūlij",),
        "August": ("august",), "September": ("septembr",), "October": ("oktobr",),
        "November": ("novembr",), "December": ("decembr",),
    },
    "et": {
        "January": ("jaanuar",), "February": ("veebruar",), "March": ("märts",),
        "April": ("aprill",), "June": ("juun",), "July": ("juul",), "August": ("august",),
        "September": ("septemb",), "October": ("oktoob",), "November": ("novemb",),
        "December": ("detsemb",),
    },
    "lt": {
        "January": ("sausi",), "February": ("vasari",), "March": ("kov",), "April": ("balan",),
        "May": ("gegu",), "June": ("birželi",), "July": ("liepo", "liepą"),
        "August": ("rugpjū",), "September": ("rugsėj",), "October": ("spali",),
        "November": ("lapkri",), "December": ("gruod",),
    },
    "ru": {
        "January": ("январ",), "February": ("феврал",), "March": ("март",), "April": ("апрел",),
        "June": ("июн",), "July": ("июл",), "August": ("август",), "September": ("сентябр",),
        "October": ("октябр",), "November": ("ноябр",), "December": ("декабр",),
    },
    # Azerbaijani writes the case onto the month: "31 avqustda" (on 31 August), "martda".
    "az": {
        "January": ("yanvar",), "February": ("fevral",), "March": ("mart",), "April": ("aprel",),
        "June": ("iyun",), "July": ("iyul",), "August": ("avqust",), "September": ("sentyabr",),
        "October": ("oktyabr",), "November": ("noyabr",), "December": ("dekabr",),
    },
    "uk": {
        "January": ("січн",), "February": ("лют",), "March": ("берез",), "April": ("квітн",),
        "May": ("травн",), "June": ("червн",), "July": ("липн",), "August": ("серпн",),
        "September": ("вересн",), "October": ("жовтн",), "November": ("листопад",),
        "December": ("грудн",),
    },
    # Albanian months take the article as an ending: "në fund të gushtit" (at the end of
    # August), "muajin mars", "prillin".
    "sq": {
        "January": ("janar",), "February": ("shkurt",), "March": ("marsi", "marsin"),
        "April": ("prill",), "June": ("qershor",), "July": ("korrik",), "August": ("gusht",),
        "September": ("shtator",), "October": ("tetor",), "November": ("nëntor",),
        "December": ("dhjetor",),
    },
}  # fmt: skip

#: Whole month words the CLDR tables lack, per language: Vietnamese names a month with
#: "tháng" and its number ("tháng 3", "tháng Ba"), which the gloss first writes as one word
#: ("tháng-ba", :func:`.gloss._vietnamese_dates`); Albanian "majit" (of May), too short a
#: name ("maj") to read by its stem.
MONTH_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "tháng-một": "January", "tháng-hai": "February", "tháng-ba": "March",
        "tháng-tư": "April", "tháng-năm": "May", "tháng-sáu": "June", "tháng-bảy": "July",
        "tháng-tám": "August", "tháng-chín": "September", "tháng-mười": "October",
        "tháng-mười-một": "November", "tháng-mười-hai": "December",
    },
    "sq": {"majit": "May", "majin": "May", "maji": "May"},
}  # fmt: skip


#: Weekday forms the CLDR tables lack: three-letter whole names (shorter forms are otherwise
#: dropped as abbreviations: Romanian "joi" is Thursday), Romanian forms with the article
#: ("vinerea"), Polish genitives and Hungarian "on <day>" forms.
EXTRA_WEEKDAYS: dict[str, dict[str, str]] = {
    "ro": {"joi": "Thursday", "lunea": "Monday", "marțea": "Tuesday", "miercurea": "Wednesday",
           "joia": "Thursday", "vinerea": "Friday"},
    # Polish genitive after "z" ("w nocy z soboty na niedzielę").
    "pl": {"soboty": "Saturday", "wtorku": "Tuesday", "środy": "Wednesday", "piątku": "Friday"},
    # Ukrainian genitive of time ("минулої неділі", last Sunday; "цієї суботи").
    "uk": {"неділі": "Sunday", "суботи": "Saturday", "п'ятниці": "Friday", "пʼятниці": "Friday",
           "четверга": "Thursday", "середи": "Wednesday", "вівторка": "Tuesday",
           "понеділка": "Monday"},
    # Slovenian "on <day>" is the accusative ("v sredo", "v nedeljo").
    "sl": {"ponedeljek": "Monday", "torek": "Tuesday", "sredo": "Wednesday",
           "četrtek": "Thursday", "petek": "Friday", "soboto": "Saturday", "nedeljo": "Sunday"},
    "bg": {"неделен": "Sunday", "съботен": "Saturday", "петъчен": "Friday"},
    "hu": {"hétfőn": "Monday", "kedden": "Tuesday", "szerdán": "Wednesday",
           "csütörtökön": "Thursday", "pénteken": "Friday", "szombaton": "Saturday"},
    # Vietnamese weekdays as the gloss first writes them ("thứ Hai" -> "thứ-hai",
    # :func:`.gloss._vietnamese_dates`): "thứ hai" alone is also "second".
    "vi": {"thứ-hai": "Monday", "thứ-ba": "Tuesday", "thứ-tư": "Wednesday",
           "thứ-năm": "Thursday", "thứ-sáu": "Friday", "thứ-bảy": "Saturday",
           "chủ-nhật": "Sunday"},
    # Albanian "të hënën" (on Monday), "të mërkurën", "të dielën": the weekday with its
    # article; not "hëna" (also the moon) or "marta" (a name).
    "sq": {"hënë": "Monday", "hënën": "Monday", "hënës": "Monday", "martë": "Tuesday",
           "martën": "Tuesday", "martës": "Tuesday", "mërkurë": "Wednesday",
           "mërkurën": "Wednesday", "mërkurës": "Wednesday", "enjte": "Thursday",
           "enjten": "Thursday", "enjtes": "Thursday", "premte": "Friday", "premten": "Friday",
           "premtes": "Friday", "shtunë": "Saturday", "shtunën": "Saturday",
           "shtunës": "Saturday", "diel": "Sunday", "dielën": "Sunday", "dielës": "Sunday"},
}  # fmt: skip
#: Adjectives of the weekdays in the Slavic languages ("nedeľného letu", "воскресный рейс",
#: "niedzielnego lotu": Sunday's flight), which name the day of an event as often as the noun
#: does: stem -> weekday, and the adjective endings each language writes after the stem. The
#: gloss writes them "on Sunday" like the weekday itself. (Wednesday's adjectives are left out
#: where the stem starts common words: Polish "środow-" is also "środowisko", environment.)
WEEKDAY_ADJECTIVES: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "cs": ({"ponděln": "Monday", "útern": "Tuesday", "středečn": "Wednesday",
            "čtvrtečn": "Thursday", "pátečn": "Friday", "sobotn": "Saturday",
            "neděln": "Sunday"},
           ("í", "ího", "ímu", "ím", "ích", "ími")),
    "sk": ({"pondelkov": "Monday", "utorkov": "Tuesday", "stredajš": "Wednesday",
            "štvrtkov": "Thursday", "piatkov": "Friday", "sobotn": "Saturday",
            "nedeľn": "Sunday"},
           ("ý", "ého", "ému", "om", "ej", "á", "ú", "é", "í", "ích", "ých", "ými", "ou", "ie")),
    "pl": ({"poniedziałkow": "Monday", "wtorkow": "Tuesday", "czwartkow": "Thursday",
            "piątkow": "Friday", "sobotn": "Saturday", "niedzieln": "Sunday"},
           ("y", "i", "ego", "iego", "ej", "iej", "ą", "ym", "im", "ych", "ich", "e", "a")),
    "ru": ({"понедельничн": "Monday", "вторничн": "Tuesday", "четвергов": "Thursday",
            "пятничн": "Friday", "субботн": "Saturday", "воскресн": "Sunday"},
           ("ый", "ий", "ой", "ого", "его", "ому", "ему", "ом", "ем", "ая", "яя", "ую", "юю",
            "ое", "ее", "ые", "ие", "ых", "их")),
    "uk": ({"понеділков": "Monday", "вівторков": "Tuesday", "четвергов": "Thursday",
            "п'ятничн": "Friday", "пʼятничн": "Friday", "суботн": "Saturday",
            "недільн": "Sunday"},
           ("ий", "ій", "ого", "ього", "ому", "ьому", "ім", "а", "я", "ої", "ьої", "у", "ю", "е",
            "є", "і", "их", "іх")),
    "bg": ({"петъчн": "Friday", "съботн": "Saturday", "неделн": "Sunday"},
           ("ия", "ият", "ата", "ото", "а", "о", "и", "ите")),
    # (Bulgarian's short masculine "неделен" has its own vowel: "неделен полет".)
}  # fmt: skip
#: Weekdays written in two words, whose first word alone is another day (Azerbaijani "bazar"
#: is Sunday, "bazar ertəsi" Monday; "çərşənbə" Wednesday, "çərşənbə axşamı" Tuesday).
TWO_WORD_WEEKDAYS: dict[str, dict[str, str]] = {
    "az": {"bazar ertəsi": "Monday", "çərşənbə axşamı": "Tuesday", "cümə axşamı": "Thursday"},
    # Indonesian "minggu" alone is a week as often as Sunday ("dua minggu lalu", two weeks
    # ago): only "hari Minggu" and "pada Minggu" are the day (:data:`NOT_WEEKDAYS`).
    "id": {"hari minggu": "Sunday", "pada minggu": "Sunday"},
}
#: Weekday names that are ordinary words too, read as the day only in :data:`TWO_WORD_WEEKDAYS`.
NOT_WEEKDAYS: dict[str, frozenset[str]] = {"id": frozenset({"minggu"})}
#: Month abbreviations that are ordinary words or names in the language's news ("MRT", the
#: Jakarta metro).
NOT_MONTHS: dict[str, frozenset[str]] = {"id": frozenset({"mrt", "agt", "mai"})}
#: Norwegian, Danish and Swedish name a past day with -s: "i tisdags", "i tirsdags" (last
#: Tuesday).
_WEEKDAY_S = {"no", "da", "sv"}
#: Languages that write the definite article as an ending (Macedonian "во неделата", on Sunday;
#: "понеделникот"): a weekday's ending by its last letter.
_DEFINITE_ENDINGS = {"mk": {"а": "та", "": "от"}}

#: The weekend, which news reports name for an incident as often as a weekday ("el pasado fin
#: de semana", "am Wochenende", "i helgen"): the English rules read "last weekend" as the
#: Saturday before publication, within a day of either weekend day. Longer phrases first.
WEEKEND: dict[str, tuple[str, ...]] = {
    "es": ("pasado fin de semana", "fin de semana pasado", "último fin de semana",
           "fin de semana"),
    "pt": ("último fim de semana", "fim de semana passado", "fim de semana"),
    "fr": ("week-end dernier", "dernier week-end", "week-end"),
    "it": ("scorso fine settimana", "fine settimana scorso", "fine settimana", "scorso weekend",
           "weekend scorso", "weekend"),
    "ro": ("weekendul trecut", "weekendul", "weekend"),
    "de": ("vergangenen wochenende", "letzten wochenende", "letztes wochenende", "wochenende"),
    "nl": ("afgelopen weekend", "vorig weekend", "weekend"),
    "no": ("forrige helg", "i helgen"),
    "da": ("sidste weekend", "i weekenden", "weekenden"),
    "sv": ("förra helgen", "i helgen"),
    "fi": ("viime viikonloppuna", "viikonloppuna"),
    "et": ("eelmisel nädalavahetusel", "nädalavahetusel"),
    "lv": ("pagājušajā nedēļas nogalē", "nedēļas nogalē"),
    "lt": ("praėjusį savaitgalį", "savaitgalį"),
    "pl": ("miniony weekend", "ostatni weekend", "w weekend", "weekendu"),
    "cs": ("minulý víkend", "o víkendu", "víkend"),
    "sk": ("minulý víkend", "cez víkend", "víkend"),
    "ru": ("минувшие выходные", "прошлые выходные", "на выходных", "в выходные"),
    "uk": ("минулі вихідні", "на вихідних", "у вихідні", "в вихідні"),
    "bg": ("миналия уикенд", "през уикенда", "уикенда"),
    "hu": ("múlt hétvégén", "hétvégén"),
    "tr": ("geçen hafta sonu", "hafta sonu"),
    "el": ("περασμένο σαββατοκύριακο", "σαββατοκύριακο"),
    "is": ("um síðustu helgi", "um helgina"),
    "vi": ("cuối tuần qua", "cuối tuần trước", "cuối tuần vừa qua", "cuối tuần"),
    "sq": ("fundjavën e kaluar", "fundjavën", "gjatë fundjavës"),
}  # fmt: skip

#: Vietnamese words of a number or of several before "tuần qua", "năm qua" ("hai năm qua",
#: the past two years; "nhiều tuần qua", for weeks now), which are then no last week or year.
_VI_SEVERAL = "nhiều vài mấy những các hai ba bốn năm sáu bảy tám chín mười".split()

#: "This morning", "last night" and "last week" where dateparser's tables lack them: the
#: morning of the day of publication, and the night before it, are when most overnight and
#: early reports place an incident ("esta mañana", "ce matin", "aseară").
PARTS_OF_NEAR_DAYS: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"this morning": ("esta mañana", "esta madrugada")},
    "pt": {"this morning": ("esta manhã", "nesta manhã", "hoje de manhã", "hoje pela manhã")},
    "fr": {"this morning": ("ce matin",), "last night": ("cette nuit", "hier soir")},
    "it": {"this morning": ("stamattina", "stamane", "questa mattina", "stamani"),
           "last night": ("stanotte", "questa notte", "ieri sera")},
    "ro": {"this morning": ("azi-dimineață", "azi dimineață", "în această dimineață"),
           "last night": ("aseară", "azi-noapte", "azi noapte", "noaptea trecută")},
    "cs": {"this morning": ("dnes ráno",)}, "sk": {"this morning": ("dnes ráno",)},
    "sl": {"this morning": ("danes zjutraj",)}, "ca": {"this morning": ("aquest matí",)},
    "el": {"this morning": ("σήμερα το πρωί",),
           "last week": ("την περασμένη εβδομάδα", "περασμένη εβδομάδα")},
    "tr": {"this morning": ("bu sabah",), "last night": ("dün gece", "dün akşam")},
    "hu": {"this morning": ("ma reggel",), "last night": ("tegnap este", "tegnap éjjel"),
           "last week": ("múlt héten", "a múlt héten")},
    "sv": {"this morning": ("i morse",)}, "no": {"this morning": ("i morges",)},
    "da": {"this morning": ("i morges",)},
    "lv": {"this morning": ("šorīt",)}, "lt": {"this morning": ("šįryt",)},
    "et": {"this morning": ("täna hommikul",)},
    # Icelandic "í morgun" is this morning, "á morgun" tomorrow.
    "is": {"this morning": ("í morgun",), "last night": ("í nótt", "í gærkvöldi")},
    # Vietnamese "sáng qua" (yesterday morning), "đêm qua" (last night), "tuần qua" (the past
    # week); "sáng nay" is this morning.
    # (A count of weeks before "qua" is no last week: "nhiều tuần qua", for weeks now.)
    "vi": {"in recent weeks": tuple(f"{n} tuần qua" for n in _VI_SEVERAL),
           "in recent months": (*(f"{n} tháng qua" for n in _VI_SEVERAL), "những tháng gần đây"),
           "in recent years": (*(f"{n} năm qua" for n in _VI_SEVERAL), "những năm gần đây"),
           "last year": ("năm qua", "năm vừa qua"),
           "this morning": ("sáng nay", "sáng sớm nay", "rạng sáng nay"),
           "last night": ("đêm qua", "tối qua", "tối hôm qua", "đêm hôm qua", "rạng sáng qua"),
           "yesterday": ("sáng qua", "chiều qua", "trưa qua", "sáng hôm qua", "chiều hôm qua"),
           "last week": ("tuần qua", "tuần vừa qua")},
    # Albanian "dje" (yesterday) and "sot" (today) are too short for the tables above.
    # (Phrases are tried in this order: the longer ones that open with "dje" or "sot" first.)
    "sq": {"this morning": ("sot në mëngjes", "sot herët në mëngjes", "këtë mëngjes"),
           "last night": ("dje në mbrëmje", "mbrëmë", "natën e kaluar"),
           "yesterday": ("dje në mëngjes", "dje pasdite", "dje"), "today": ("sot",)},
}  # fmt: skip

#: Words of "last" or "past" before a weekday ("w ubiegły piątek", "am vergangenen Dienstag",
#: "el pasado martes") or after it ("mardi dernier", "martedì scorso", "marțea trecută"): the
#: gloss writes "last Friday", as the English rules read it (not "on Friday", which on a Friday
#: would be the day of publication).
LAST_BEFORE: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "pl": "ubiegły ubiegłą ubiegłej ubiegłego zeszły zeszłą zeszłej ostatni ostatnią "
        "ostatniej miniony minioną minionej",
        "cs": "minulý minulou minulé uplynulý uplynulou",
        "sk": "minulý minulú minulé uplynulý uplynulú",
        "ru": "прошлый прошлую прошлое прошлой минувший минувшую минувшее минувшей",
        "uk": "минулий минулу минуле минулої минулого",
        "bg": "миналия миналата миналото изминалия изминалата",
        "es": "pasado pasada último última",
        "pt": "passado passada último última",
        "it": "scorso scorsa",
        "de": "letzten letzte vergangenen vergangene",
        "nl": "afgelopen vorige",
        "no": "forrige sist siste",
        "da": "sidste forrige",
        "sv": "förra",
        "et": "eelmisel möödunud",
        "lv": "pagājušajā pagājušo",
        "lt": "praėjusį praėjusio",
        "hu": "múlt",
        "tr": "geçen",
        "el": "περασμένη περασμένο προηγούμενη",
        "is": "síðastliðinn síðastliðinni síðasta síðastliðna",
    }.items()
}
LAST_AFTER: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in {
        "fr": "dernier", "it": "scorso scorsa", "es": "pasado", "pt": "passado passada",
        "ro": "trecut trecută trecuta", "pl": "ubiegły", "ru": "прошлый",
        # Vietnamese "thứ Hai tuần trước", "thứ Hai vừa qua" (written "trước", "vừa-qua" by
        # :func:`.gloss._vietnamese_dates`).
        "vi": "trước vừa-qua",
    }.items()
}  # fmt: skip

#: "The day before yesterday" where dateparser's tables lack it (they give "vorgestern",
#: "позавчера", "anteayer"...): glossed "2 days ago", which the English rules read.
DAY_BEFORE_YESTERDAY: dict[str, tuple[str, ...]] = {
    "pl": ("przedwczoraj",), "ro": ("alaltăieri", "alaltăseară"), "tr": ("evvelsi gün",),
    "el": ("προχθές", "προχτές"), "et": ("üleeile",), "lv": ("aizvakar",), "lt": ("užvakar",),
    "no": ("i forgårs",), "da": ("i forgårs",), "sv": ("i förrgår",), "sk": ("predvčerom",),
    "cs": ("předevčírem", "předvčírem"), "fi": ("toissapäivänä",), "it": ("l'altro ieri",
    "ieri l'altro", "altroieri"), "is": ("í fyrradag",), "vi": ("hôm kia",),
    "sq": ("pardje",),
}  # fmt: skip

#: The words of the phrases above that say "last" (the weekend before this one, if any).
_PREVIOUS_WEEKEND = frozenset(
    "pasado último passado dernier scorso trecut vergangenen letzten letztes afgelopen vorig "
    "forrige sidste förra viime eelmisel pagājušajā praėjusį miniony ostatni minulý минувшие "
    "прошлые минулі миналия múlt geçen περασμένο síðustu qua trước kaluar".split()
)

#: Month names that are also common words, read as a month only beside a day or a year
#: (Romanian "mai" is May and "more": "mai multe" is "more of them").
AMBIGUOUS_MONTHS: dict[str, frozenset[str]] = {"ro": frozenset({"mai"})}


@dataclass(frozen=True)
class Calendar:
    """One language's date words, lower-case."""

    #: exact word -> English month name
    months: dict[str, str]
    #: stem -> English month name (prefix match, at most 4 more letters)
    month_stems: tuple[tuple[str, str], ...]
    #: exact word -> English weekday name
    weekdays: dict[str, str]
    #: stem -> English weekday name (inflected forms: "neljapäeval", "ketvirtadienį")
    weekday_stems: tuple[tuple[str, str], ...]
    #: phrase -> "yesterday" | "today" | "last week"
    relative: dict[str, str]

    def month(self, word: str) -> str:
        """English month name for a (lower-case) word, or ``""``."""
        if "'" in word or "\u2019" in word:
            # Turkish writes a case ending onto a month after an apostrophe ("10 Mart'ta").
            word = re.split("['\u2019]", word)[0]
        found = self.months.get(word)
        if found:
            return found
        for stem, month in self.month_stems:
            if word.startswith(stem) and len(word) - len(stem) <= 4:
                return month
        return ""

    def weekday(self, word: str) -> str:
        """English weekday name for a (lower-case) word, or ``""``."""
        found = self.weekdays.get(word)
        if found:
            return found
        for stem, day in self.weekday_stems:
            if word.startswith(stem) and len(word) - len(stem) <= 4:
                return day
        for part in _DAY_PARTS:
            # German and Dutch write the part of the day onto the weekday ("Montagabend").
            if word.endswith(part) and len(word) > len(part) + 3:
                return self.weekday(word[: -len(part)])
        return ""


_DAY_PARTS = ("nachmittag", "vormittag", "mittag", "abend", "morgen", "nacht", "avond", "ochtend",
              "middag")  # fmt: skip


def _load(code: str) -> dict | None:
    module = _DATEPARSER_LOCALE.get(code, code)
    try:
        return importlib.import_module(f"dateparser.data.date_translation_data.{module}").info
    except ImportError:
        return None


def _full_forms(forms: list[str]) -> list[str]:
    """Lower-case forms without the abbreviations: a form that another form of the same name
    extends by 3 letters or more ("tammi" of "tammikuu", "joulu" of "joulukuu": ordinary
    words too) or that has fewer than 3 letters is dropped ("mar" is a sea in Spanish);
    inflections stay ("март" beside "марта")."""
    lowered = {f.lower().rstrip(".") for f in forms if not f.endswith(".")}
    return sorted(
        f
        for f in lowered
        if len(f) >= 3
        and not any(
            o != f and o.startswith(f) and (len(f) == 3 or (len(f) < 6 and len(o) - len(f) >= 3))
            for o in lowered
        )
    )


_CYRILLIC_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")


def _weekday_stems(table: dict[str, str]) -> list[tuple[str, str]]:
    """:func:`_stems`, but a Slavic weekday ending in "-ek" or "-ok" drops its fleeting vowel
    instead ("czwartek", "czwartku": the stem "czwartk"; "štvrtok", "štvrtku"), and one in
    Cyrillic ending in a consonant is its own stem ("четвъртъка", "четверга"), so that the
    ordinal "fourth" on the same root ("jedna czwarta lotów", a quarter of the flights;
    "čtvrtá", "четвърта") and "четверть" (a quarter) are not Thursday."""
    out = []
    for form, name in table.items():
        if len(form) < 7 or " " in form:
            continue
        if re.search(r"[eoě]k$", form):
            out.append((form[:-2] + "k", name))
        elif form[-1] in _CYRILLIC_CONSONANTS:
            # "четверг", "четвъртък", "четврток": inflected from the whole word ("четверга",
            # "четвъртъка"), not from "четвер-", the root of "четверть" (a quarter).
            out.append((form, name))
        elif any(
            o != form and " " not in o and o.startswith(form) and len(o) - len(form) >= 3
            and other == name
            for o, other in table.items()
        ):  # fmt: skip
            # A short form of a longer name ("ceturtd" of "ceturtdiena") is matched whole:
            # its stem "ceturt" would make "ceturtā daļa" (a quarter) a Thursday.
            continue
        else:
            stem = form[:-2] if len(form) >= 8 else form[:-1]
            if stem in table and stem[-1] in _CYRILLIC_CONSONANTS:
                # "четверга" of "четвер": the stem "четвер" would make the ordinal
                # "четвертий" (fourth) a Thursday; its inflections keep the next letter.
                stem = form[:-1]
            out.append((stem, name))
    return out


def _stems(table: dict[str, str]) -> list[tuple[str, str]]:
    """A stem per form of 7 letters or more (less its last letter, or two from 8 letters):
    "ketvirtadienį" and "ceturtdien" are forms of "ketvirtadienis" and "ceturtdiena".
    Shorter forms give none: "jouluk" would make "joulu" (Christmas) a month."""
    return [
        (form[:-2] if len(form) >= 8 else form[:-1], name)
        for form, name in table.items()
        if len(form) >= 7 and " " not in form
    ]


#: Languages whose texts are read with another's tables (detection says "cs" for most Slovak
#: texts), whose month and weekday names are added to that language's calendar.
_CALENDAR_FAMILY = {
    "cs": ("sk", "sl"), "sk": ("cs", "sl"), "sl": ("cs", "sk"), "es": ("ca",), "ca": ("es",),
    "sr": ("hr", "bs-Latn"), "id": ("ms",),
}  # fmt: skip
_NAMES = {name.lower() for name in MONTHS + WEEKDAYS}


@functools.cache
def calendar_for(code: str) -> Calendar:
    """The date words of language ``code`` (ISO 639-1); empty tables for an unknown code."""
    info = _load(code) or {}
    for other in _CALENDAR_FAMILY.get(code, ()):
        # Slovak is read with the Czech tables: its months too ("10. marca", "v októbri").
        extra = _load(other) or {}
        info = {**info, **{k: info.get(k, []) + v for k, v in extra.items() if k in _NAMES}}
        # ... and its near days ("včera", "ahir"), after the language's own.
        mine = info.get("relative-type", {})
        theirs = extra.get("relative-type", {})
        info["relative-type"] = {
            key: list(mine.get(key, [])) + list(theirs.get(key, [])) for key in {*mine, *theirs}
        }
    months: dict[str, str] = {}
    for name in MONTHS:
        for form in _full_forms(info.get(name.lower(), [])):
            months[form] = name
    weekdays: dict[str, str] = {}
    for name in WEEKDAYS:
        for form in _full_forms(info.get(name.lower(), [])):
            if len(form) >= 4:
                weekdays[form] = name
    if code in _DEFINITE_ENDINGS:
        ending_of = _DEFINITE_ENDINGS[code]
        weekdays.update(
            {form + ending_of.get(form[-1:], ending_of[""]): day for form, day in weekdays.items()}
        )
    if code in _WEEKDAY_S:
        weekdays.update({form + "s": name for form, name in weekdays.items() if len(form) >= 6})
    for family_code in (code, *_CALENDAR_FAMILY.get(code, ())):
        weekdays.update(EXTRA_WEEKDAYS.get(family_code, {}))
    for family_code in (code, *_CALENDAR_FAMILY.get(code, ())):
        stems, endings = WEEKDAY_ADJECTIVES.get(family_code, ({}, ()))
        for stem, name in stems.items():
            weekdays.update({stem + ending: name for ending in endings})
    for word in NOT_WEEKDAYS.get(code, ()):
        weekdays.pop(word, None)
    for word in NOT_MONTHS.get(code, ()):
        months.pop(word, None)
    month_stems = [
        (stem, month) for month, forms in EXTRA_MONTH_FORMS.get(code, {}).items() for stem in forms
    ] + _stems(months)
    # Whole words only: "tháng-m" is no stem of "tháng-một".
    months.update(MONTH_WORDS.get(code, {}))
    relative: dict[str, str] = {}
    table = info.get("relative-type", {})
    for key, english in (("1 day ago", "yesterday"), ("0 day ago", "today"),
                         ("1 week ago", "last week"), ("1 month ago", "last month")):  # fmt: skip
        for form in table.get(key, []):
            form = form.lower()
            if len(form.replace(" ", "")) >= 4 and not re.search(r"\b\w{1,2}$", form):
                relative[form] = english
    for form in table.get("2 day ago", []) + list(DAY_BEFORE_YESTERDAY.get(code, ())):
        relative.setdefault(form.lower(), "2 days ago")
    for form, day in TWO_WORD_WEEKDAYS.get(code, {}).items():
        relative[form] = f"on {day}"  # read before the first word alone
    for english, forms in PARTS_OF_NEAR_DAYS.get(code, {}).items():
        for form in forms:
            relative.setdefault(form, english)
    for form in WEEKEND.get(code, ()):
        # "el pasado fin de semana" is last weekend; "i weekenden", "am Wochenende" is the
        # weekend just gone or under way (a report of Saturday about Friday and Saturday).
        previous = any(word in _PREVIOUS_WEEKEND for word in form.split())
        relative.setdefault(form, "last weekend" if previous else "over the weekend")
    # A short form of a longer name ("segunda" of "segunda-feira") is a fixed word, not a stem
    # to inflect: "segund-" would make "segundo" (second) a Monday.
    inflected = {
        form: name
        for form, name in weekdays.items()
        if not any(other != form and other.startswith(form + "-") for other in weekdays)
    }
    return Calendar(
        months, tuple(month_stems), weekdays, tuple(_weekday_stems(inflected)), relative
    )


# --- the Solar Hijri calendar (Persian dates: "۷ تیر ۱۴۰۴") ---------------------------------

#: The Solar Hijri months as Persian writes them, in order (Farvardin starts at Nowruz, the March
#: equinox; the first six have 31 days, the next five 30, Esfand 29 or 30).
SOLAR_HIJRI_MONTHS = (
    ("فروردین",), ("اردیبهشت",), ("خرداد",), ("تیر",), ("مرداد", "امرداد"), ("شهریور",),
    ("مهر",), ("آبان",), ("آذر",), ("دی",), ("بهمن",), ("اسفند",),
)  # fmt: skip

# Years of the 2820-year arithmetic's corrections, as used by the common Jalaali algorithm
# (Borkowski): between two of them leap years follow a 33-year cycle.
_JALAALI_BREAKS = (-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192,
                   2262, 2324, 2394, 2456, 3178)  # fmt: skip


def _nowruz(year: int) -> datetime.date:
    """The Gregorian day of 1 Farvardin of Solar Hijri ``year``."""
    if not _JALAALI_BREAKS[0] <= year < _JALAALI_BREAKS[-1]:
        raise ValueError(f"Solar Hijri year {year} out of range")
    gregorian = year + 621
    leap_j = -14
    before = _JALAALI_BREAKS[0]
    jump = 0
    for after in _JALAALI_BREAKS[1:]:
        jump = after - before
        if year < after:
            break
        leap_j += jump // 33 * 8 + (jump % 33) // 4
        before = after
    n = year - before
    leap_j += n // 33 * 8 + ((n % 33) + 3) // 4
    if jump % 33 == 4 and jump - n == 4:
        leap_j += 1
    leap_g = gregorian // 4 - ((gregorian // 100) + 1) * 3 // 4 - 150
    return datetime.date(gregorian, 3, 1) + datetime.timedelta(days=19 + leap_j - leap_g)


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Solar Hijri date (``1404, 4, 7`` -> 28 June 2025).

    :raises ValueError: for a month outside 1-12, a day outside the month's 31 or 30, or a year
        outside the arithmetic's range.
    """
    if not 1 <= month <= 12 or not 1 <= day <= (31 if month <= 6 else 30):
        raise ValueError(f"no Solar Hijri date {year}/{month}/{day}")
    offset = (month - 1) * 31 if month <= 7 else 186 + (month - 7) * 30
    return _nowruz(year) + datetime.timedelta(days=offset + day - 1)
