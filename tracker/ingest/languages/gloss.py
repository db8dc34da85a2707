"""A word-by-word English gloss of a non-English report, for the English extraction rules.

Line by line (so headlines, paragraphs and sentence ends stay where they were), each word
becomes what the English rules need of it, or nothing:

* **dates**: "4. mars 2019", "12 marca 2024", "2024 m. kovo 12 d.", "2024. gada 30. martā",
  "12 марта 2024 года" -> "4 March 2019"; a month with a year -> "March 2024"; a month alone ->
  "in March"; weekdays -> "on Thursday" ("viime torstaina" -> "last Thursday"); "i går",
  "eilen", "вчера" -> "yesterday"; "forrige uke" -> "last week" (:mod:`.calendar`);
* **cue words** from the language's table (:mod:`.lexicon`): "GPS-forstyrrelser" -> "GPS
  interference", "lentokone" -> "aircraft", "nad" -> "over";
* **place names** (:mod:`.placenames`): "Joensuun" -> "Joensuu", "Helsingistä" -> "from
  Helsinki", "Rosji" -> "Russia"; a run of capitalised words that is not a place (a person, an
  agency) is dropped;
* kept as written: GPS/GNSS words, aircraft types and numbers ("Boeing 737", "ATR 72"), flight
  numbers, airline names the English rules know, numbers and punctuation;
* every other word is dropped.

The gloss is only read by the rules: a candidate's summary is generated in English from its
fields as for any report, and never copies the article's sentences.
"""

from __future__ import annotations

import re
import unicodedata

from tracker.ingest.dates import META_DATE_LINE
from tracker.ingest.languages.calendar import (
    AMBIGUOUS_MONTHS,
    LAST_AFTER,
    LAST_BEFORE,
    MONTHS,
    WEEKDAYS,
    calendar_for,
)
from tracker.ingest.languages.lexicon import KEPT_AS_WRITTEN, lexicon_for
from tracker.ingest.languages.placenames import (
    PlaceName,
    demonym,
    exonym,
    is_vietnamese_syllable,
    place_of_nation,
    resolve_place,
    vietnamese_places,
)
from tracker.ingest.languages.scripts import SCRIPT_LANGUAGES, gloss_script_line

__all__ = ["gloss_text", "gloss_line"]

_TOKEN = re.compile(
    # Flight numbers and aircraft types ("LO773", "DN402", "A330", "B737-800") stay one token.
    r"(?<!\w)[A-Z]{1,3}\d{2,4}[A-Z]{0,2}(?:-\d{1,4}[A-Z]{0,2})?\b|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d+(?:-\d+)+|\d+(?:[.:]\d{2}(?!\d))?|"
    r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\s+|.",
    re.UNICODE,
)
#: Acronyms of satellite navigation that some languages write in lower case ("gps-signaal");
#: never "ils" (French "they") and the like.
_GNSS_ACRONYMS = frozenset({"GPS", "GNSS", "GLONASS"})
# ("ambulance aircraft": the English rules know an aircraft, not an "air ambulance".)
_VEHICLES = {"aircraft", "plane", "flight", "crew", "captain", "helicopter", "ambulance aircraft"}
_DETERMINERS = {"the", "a", "an", "its", "their", "no", "not"}
_ROMANCE = {"es", "pt", "fr", "it", "ro", "ca"}
_CONNECTORS = {"de", "del", "da", "do", "dos", "das", "di", "la", "le", "von", "van", "am"}
_ORDINAL_SUFFIXES = {"ης", "η", "er", "re", "º", "ª", "st", "nd", "rd", "th"}
#: Ordinal endings written after the day and a hyphen (Russian and Ukrainian "31-го",
#: "1-е"; Bulgarian "31-ви", "2-ри", "3-ти", "7-ми").
_HYPHEN_ORDINALS = {"го", "е", "й", "ого", "ви", "ри", "ти", "ми"}
_YEAR_WORDS = {"m", "g", "gada", "года", "г", "roku", "r", "yılı", "року", "р", "ano", "año"}
_SENTENCE_END = ".!?"
#: Languages that name the day of a statement between its subject and its verb ("NBC News
#: ngày 10/4 dẫn lời...": NBC News on 10 April quoted...).
_DAY_BEFORE_VERB = {"vi"}


def _day_just_written(out: list[str]) -> int | None:
    """Where a day and month (and year) that end ``out`` start ("10 April", "1 September
    2025"), or ``None``."""
    if len(out) >= 3 and _is_year(out[-1]) and out[-2] in MONTHS and _is_day(out[-3]):
        return len(out) - 3
    if len(out) >= 2 and out[-1] in MONTHS and _is_day(out[-2]):
        return len(out) - 2
    return None


# Languages whose role words follow the noun ("Rusya üzerinde", "Tallinna lähedal").
_POSTPOSITIONAL = {"tr", "fi", "et", "hu", "az"}
_ROLE_WORDS = {"over", "near", "by"}
_INTERFERENCE_WORDS = {"jamming", "interference", "spoofing", "jammer", "jammers"}
#: A town's adjective, as the Slavic languages and German name a town's airport ("plovdivské
#: letiště", "пловдивский аэропорт", "Frankfurter Flughafen"): the town is the group. (Hungarian
#: "debreceni", written small too, has its own branch in :func:`gloss_line`.)
_TOWN_ADJECTIVE = {
    code: re.compile(pattern)
    for codes, pattern in (
        (("cs", "sk", "pl"), r"^(\w{4,}?)sk\w{1,4}$"),
        (("ru", "bg"), r"^(\w{4,}?)ск\w{1,4}$"),
        (("uk",), r"^(\w{4,}?)ськ\w{1,4}$"),
        (("de",), r"^(\w{4,})er$"),
    )
    for code in codes
}
#: After an airline and a hyphen, words that name its aircraft but alone are ordinary words
#: (Swedish "plan": a plan, and an aeroplane).
_AIRLINE_AIRCRAFT = {"plan", "planet"}
_PLURAL = {"flight": "flights", "plane": "planes", "helicopter": "helicopters", "crew": "crews"}


#: Languages whose nouns say nothing of number ("pesawat" is an aircraft or many): there, a
#: demonstrative after the noun ("pesawat tersebut", that aircraft) marks one particular
#: aircraft, and "sebuah" (glossed "a") before it; a bare noun does not.
_NUMBER_NEUTRAL = {"id": frozenset({"itu", "tersebut", "ini"})}


def _one_vehicle(tokens: list[str], i: int, code: str) -> bool:
    """Does the vehicle word ``tokens[i]`` tell of one aircraft or flight (so "the")?"""
    if code not in _NUMBER_NEUTRAL:
        return True
    after = _words(tokens, i + 1, 1)
    return bool(after) and after[0][1].lower() in _NUMBER_NEUTRAL[code]


def _is_count(word: str) -> bool:
    """Is ``word`` a number of two or more ("3000", "12,500")?"""
    digits = word.replace(",", "").replace(".", "")
    return digits.isdigit() and int(digits) >= 2


# Languages that write the month before the day ("március 1-jén").
_MONTH_FIRST = {"hu"}

# Verbs of attribution, and the languages that put the verb second, right after an opening day.
_ATTRIBUTION = {"reported", "said"}
_VERB_SECOND = {"de", "nl", "no", "da", "sv"}
_DATE_WORDS = {
    "on",
    "in",
    "last",
    "yesterday",
    "today",
    "this",
    "morning",
    "evening",
    "night",
    "week",
    "days",
    "ago",
    "and",
    "to",
    ",",
} | {w.lower() for w in WEEKDAYS + MONTHS}


def _only_date_so_far(out: list[str]) -> bool:
    """Is the sentence written so far only a day or date ("On Sunday", "Yesterday evening")?"""
    start = len(out)
    while start > 0 and out[start - 1] not in _SENTENCE_END:
        start -= 1
    opening = out[start:]
    return bool(opening) and all(w.lower() in _DATE_WORDS or w.isdigit() for w in opening)


# What a postposition of cause follows ("GPS-häirinnän takia": because of GPS jamming).
_CAUSE_NOUNS = {
    "GPS",
    "GNSS",
    "signal",
    "signals",
    "jamming",
    "interference",
    "spoofing",
    "problems",
    "failure",
    "errors",
    "navigation",
    "systems",
    "satellite",
    "jammer",
}
# Languages that name a place in the genitive before the airport word whose case gives the role.
_GENITIVE_FIRST = {"lt", "lv", "et", "fi", "hu", "tr", "az"}


def _operators():
    from tracker.ingest.fields import KNOWN_OPERATOR

    return KNOWN_OPERATOR


def _operator_in(word: str) -> str:
    """An airline the English rules know, named by ``word`` with a case ending or not."""
    for cut in range(0, min(7, len(word) - 2)):
        head = word[: len(word) - cut]
        if _operators().fullmatch(head):
            return head
    return ""


def _words(tokens: list[str], start: int, count: int) -> list[tuple[int, str]]:
    """The next ``count`` word tokens from ``start`` (index, text), skipping spaces."""
    out = []
    i = start
    while i < len(tokens) and len(out) < count:
        if not tokens[i].isspace():
            out.append((i, tokens[i]))
        i += 1
    return out


def _is_year(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and text[:2] in {"19", "20"}


def _is_day(text: str) -> bool:
    return text.isdigit() and 1 <= int(text) <= 31 and len(text) <= 2


# "15.00", "7.40": an hour and minutes, as many languages write a time of day.
_CLOCK_DOT = re.compile(r"^([01]?\d|2[0-3])\.([0-5]\d)$")


_INNER_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\u2026)(?=\s+[^\W\d_A-Z\u0391-\u03a9\u0400-\u042f])")


def gloss_line(line: str, code: str, *, after_comma: bool = False) -> str:
    """The English gloss of one line of text in language ``code``.

    :param after_comma: the line before ended with a comma (a sentence wrapped over lines).
    """
    cal = calendar_for(code)
    lex = lexicon_for(code)
    # "... de la OTAN ... en el flanco este, ha sufrido": an ellipsis before a small letter
    # marks words left out of a sentence, not its end.
    line = _INNER_ELLIPSIS.sub(",", line)
    tokens = _TOKEN.findall(line)
    out: list[str] = []
    i = 0
    n = len(tokens)
    place_span = (-1, -1)  # where in ``out`` the last place emitted stands
    held: list[str] = []  # a verb waiting for its subject ("Am Sonntag meldeten die Piloten")

    def emit(*words: str) -> None:
        for word in words:
            if (
                word in _INTERFERENCE_WORDS
                and place_span[1] == len(out)
                and place_span[0] >= 1
                and out[place_span[0] - 1].lower() in _ROLE_WORDS
            ):
                # "nad Polskem silné rušení": "over Poland, jamming"; without the comma the
                # English rules read "Poland jamming" as the jammer's, and lose the place.
                out.append(",")
            if word and not (out and out[-1] == word and word[0].isalpha()):
                out.append(word)
                if held and word[0].isalpha() and word not in _DETERMINERS:
                    out.extend(held)
                    held.clear()

    def attribution(english: str) -> bool:
        """Write a "reported"/"said" where the English rules read it right; True if done."""
        if english not in _ATTRIBUTION:
            return False
        if code in _VERB_SECOND and _only_date_so_far(out):
            # "Am Sonntag meldeten die Piloten ...": the verb comes second, after the day; in
            # English after its subject ("On Sunday pilots reported"). Right after the day it
            # would make the day the date of a statement.
            held.append(english)
            return True
        if (out and out[-1] == ",") or (not out and after_comma):
            # "..., informou a companhia": a tag after the reported clause, whose subject the
            # gloss drops; "it was reported" keeps the day before it the incident's.
            emit("it", "was", english)
            return True
        start = _day_just_written(out) if code in _DAY_BEFORE_VERB else None
        if start is not None:
            # "EC ngày 1/9 cho biết" (the Commission on 1 September said): the day of the
            # statement stands before its verb; in English after it ("said on 1 September"),
            # where the English rules read it as the day a statement was made.
            out[start:start] = [english, "on"]
            return True
        return False

    while i < n:
        tok = tokens[i]
        if tok.isspace():
            i += 1
            continue
        low = tok.lower()
        # Dates that open with a number: "4. mars 2019", "12 de marzo de 2024", "2024 m. kovo
        # 12 d.", "2024. gada 30. martā".
        if not tok.isdigit() and tok[:1].isdigit():
            # "2024-03-13", "31.08.2025", "737-800": the English rules read them; a clock time
            # written with a dot ("klokken 15.00") is written as the English rules mask it.
            emit(_CLOCK_DOT.sub(r"\1:\2", tok))
            i += 1
            continue
        if tok.isdigit():
            ahead = _words(tokens, i + 1, 8)
            texts = [t.lower() for _, t in ahead]
            pos = 0
            if pos < len(texts) and texts[pos] == ".":
                pos += 1
            if _is_year(tok):
                # year first (Baltic, Hungarian): YEAR [m.|gada|.] [DAY .] MONTH [DAY [d.]]
                p = pos
                while p < len(texts) and (texts[p] in _YEAR_WORDS or texts[p] == "."):
                    p += 1
                day = ""
                if p < len(texts) and _is_day(texts[p]):
                    day, p = texts[p], p + 1
                    if p < len(texts) and texts[p] == ".":
                        p += 1
                month = cal.month(texts[p]) if p < len(texts) else ""
                if month:
                    p += 1
                    if not day and p < len(texts) and _is_day(texts[p]):
                        day, p = texts[p], p + 1
                        while p < len(texts) and texts[p] in {"d", "."}:
                            p += 1
                    emit(*(f"{day} {month} {tok}" if day else f"{month} {tok}").split())
                    i = ahead[p - 1][0] + 1
                    continue
            elif _is_day(tok):
                p = pos
                second = _second_day(texts, p, cal, lex)
                if second:
                    # "z 23 na 24 sierpnia", "de 1 spre 2 decembrie": a night or span of two
                    # days, read as the English range "23 to 24 August".
                    emit(tok, "to")
                    i = ahead[second - 1][0]
                    continue
                if p < len(texts) and texts[p] in _ORDINAL_SUFFIXES:
                    p += 1  # "1ης Μαρτίου", "1er mars": the day's ordinal ending
                elif p + 1 < len(texts) and texts[p] == "-" and texts[p + 1] in _HYPHEN_ORDINALS:
                    p += 2  # "31-го августа", "31-ви август": the ending after a hyphen
                if p < len(texts) and texts[p] in {"de", "of"}:
                    p += 1
                elif texts[p : p + 2] in (["d", "'"], ["d", "\u2019"]):
                    p += 2  # "31 d'agost" (Catalan, read with the Spanish table)
                month = cal.month(texts[p]) if p < len(texts) else ""
                if month:
                    p += 1
                    if p < len(texts) and texts[p] in {",", "de", "del"}:
                        p += 1
                    year = ""
                    if p < len(texts) and _is_year(texts[p]):
                        year, p = texts[p], p + 1
                        while p < len(texts) and texts[p] in _YEAR_WORDS | {"."}:
                            if texts[p] == "." and p + 1 < len(texts) and texts[p + 1]:
                                break
                            p += 1
                    emit(tok, month, *([year] if year else []))
                    i = ahead[p - 1][0] + 1
                    continue
            emit(tok.replace(".", ":") if re.fullmatch(r"\d{1,2}\.\d{2}", tok) else tok)
            i += 1
            if (
                _is_day(tok)
                and len(ahead) > 1
                and ahead[0][1] == "."
                and (ahead[1][1][:1].islower() or ahead[1][1].isdigit())
            ):
                i = ahead[0][0] + 1  # "9. og 10. januar": an ordinal's dot ends no sentence
            continue
        if len(tok) == 1 and not tok.isalpha():
            if tok in _SENTENCE_END and held:
                out.extend(held)
                held.clear()
            if tok in ".,;:!?()-\u2013\u2014/%":
                out.append(tok)
            i += 1
            continue
        span = _month_range(tokens, i, code, cal)
        if span:
            # "von Januar bis August", "od stycznia do sierpnia": the period of a count, read as
            # the English "between January and August" (a figure's period, not a day).
            words, i = span
            emit(*words)
            continue
        # Phrases: relative dates and multi-word cues.
        matched = _phrase(tokens, i, cal, lex)
        if matched:
            start, (english, i) = i, matched
            if english in cal.relative.values() and _menu_item(tokens, start, i):
                # "Actueel • Vandaag • leestijd 1 minuten": a page's menu or label, not a date.
                continue
            if english == "airspace":
                i = _airspace(tokens, start, i, emit)
                continue
            if attribution(english):
                continue
            if place_span[1] == len(out) and _role_after_place(english, code):
                place_span = _move_role(out, place_span, english, emit)
                continue
            if english.split()[-1] in _VEHICLES and not (out and out[-1] in _DETERMINERS):
                emit("the")  # "samolot pasażerski": the passenger aircraft, as for one word
            emit(*english.split())
            continue
        month = cal.months.get(low, "") or (cal.month(low) if len(low) >= 5 else "")
        if month and not tok.isupper():
            nxt = _words(tokens, i + 1, 1)
            after = _words(tokens, i + 1, 4)
            if code in _MONTH_FIRST and after and _is_day(after[0][1]):
                # "március 1-jén", "March 1": the day after the month, as "1 March".
                k = 1
                while k < len(after) and (
                    after[k][1] in {".", "-"} or (after[k][1].islower() and len(after[k][1]) <= 3)
                ):
                    k += 1  # "1-jén", "1.": the day's suffix or dot
                emit(after[0][1], month)
                i = after[k - 1][0] + 1
                continue
            if nxt and _is_year(nxt[0][1]):
                emit(month, nxt[0][1])
                i = nxt[0][0] + 1
            elif low in AMBIGUOUS_MONTHS.get(code, ()):
                i += 1  # "mai multe" (more of them), not "in May"
            else:
                emit("in", month)
                i += 1
            continue
        weekday = cal.weekday(low) if len(low) >= 4 or low in cal.weekdays else ""
        if weekday and _in_quoted_name(tokens, i, code):
            i += 1  # "Welt am Sonntag", "Bild am Sonntag": a newspaper's name, not a day
            continue
        if weekday and not tok.isupper():
            before = {w.lower() for _, w in _words_before(tokens, i, 2)}
            after = _words(tokens, i + 1, 1)
            last_after = bool(after) and after[0][1].lower() in LAST_AFTER.get(code, ())
            if out and out[-1] in {"in", "on", "at"}:
                out.pop()  # "W czwartek", "V pondělí": the day's own preposition, not "in on"
            if out and out[-1] == "last":
                emit(weekday)
            elif before & LAST_BEFORE.get(code, frozenset()) or last_after:
                emit("last", weekday)  # "w ubiegły piątek", "mardi dernier": last Friday
            else:
                emit("on", weekday)
            i = after[0][0] + 1 if last_after else i + 1
            ahead = _words(tokens, i, 2)
            if (
                len(ahead) == 2
                and ahead[0][1].lower() in _NIGHT_TO
                and _next_day(weekday, cal.weekday(ahead[1][1].lower()))
            ):
                # "z soboty na niedzielę", "de sâmbătă spre duminică": the night from one day
                # to the next, which starts on the first ("on Saturday").
                emit("night")
                i = ahead[1][0] + 1
            continue
        if tok[:1].isupper():
            ahead = [(i, tok)] + _words(tokens, i + 1, 2)
            airline = _airline_run([t for _, t in ahead])
            if airline:
                emit(" ".join(t for _, t in ahead[:airline]))  # "Wizz Air", not "Wizz"
                i = ahead[airline - 1][0] + 1
                continue
        head = tok.split("-")[0]
        if head.upper() in _GNSS_ACRONYMS and head != head.upper():
            # "gps-signaal", "gps:en": Dutch and the Nordic languages write the acronym small.
            tok = head.upper() + tok[len(head) :]
        if KEPT_AS_WRITTEN.match(tok) or (tok[:1].isupper() and _operators().fullmatch(tok)):
            emit(tok)
            i += 1
            continue
        head = tok.split("-")[0]
        if "-" in tok and (
            KEPT_AS_WRITTEN.match(head) or (head[:1].isupper() and _operators().fullmatch(head))
        ):
            # "GPS-forstyrrelser", "GPS-häirintä": the GNSS word, then the rest glossed;
            # "SAS-fly", "Widerøe-flyet": the airline, then its aircraft.
            head, _, rest = tok.partition("-")
            emit(head)
            if rest.lower() in _AIRLINE_AIRCRAFT and not KEPT_AS_WRITTEN.match(head):
                emit("aircraft")  # "SAS-plan" inside a sentence: the airline's aircraft
            elif lex is not None:
                emit(*(lex.word(rest.lower()) or "").split())
            i += 1
            continue
        head, _, rest = tok.partition("-")
        if rest and head[:1].isupper() and (rest[:1].islower() or code == "de"):
            # "Kaliningrad-eksklaven", "Plovdiv-flyplassen", "Kaliningrad-Gebiet": a place
            # joined to a common noun is the place, then the noun glossed. (A double name,
            # "Baden-Baden", "Helsinki-Vantaa", has a capital after the hyphen.)
            place = resolve_place(head, code, strict=True)
            if (
                place is not None
                and place.name.lower() != low
                and resolve_place(rest, code, strict=True) is None
            ):
                emit(*place.name.split())
                if lex is not None:
                    emit(*(lex.word(rest.lower()) or "").split())
                i += 1
                continue
        town = _TOWN_ADJECTIVE.get(code)
        if town is not None and lex is not None and (tok[:1].isupper() == (code == "de")):
            # "nad plovdivským letištěm", "над пловдивским аэропортом", "den Plovdiver
            # Flughafen": the town's adjective before an airport word is the town.
            stem = town.match(low)
            after = _words(tokens, i + 1, 1)
            airport = lex.word(after[0][1].lower()).split() if stem and after else []
            if airport and airport[-1] == "airport":
                place = resolve_place(stem.group(1).capitalize(), code, strict=True)
                if place is not None:
                    emit(*airport[:-1], *place.name.split(), "airport")  # "Plovdiv airport"
                    i = after[0][0] + 1
                    continue
        if code == "hu" and tok[:1].islower() and low.endswith("i") and len(low) >= 6:
            # "a debreceni repülőtéren": Hungarian names a town's airport with an adjective
            # (the town's name and "-i"), written small; before an airport word it is the town.
            after = _words(tokens, i + 1, 1)
            airport = lex.word(after[0][1].lower()).split() if after and lex is not None else []
            if airport and airport[-1] == "airport":
                place = resolve_place(tok[:-1].capitalize(), code, strict=True)
                if place is not None:
                    emit(*airport[:-1], *place.name.split(), "airport")  # "at Debrecen airport"
                    i = after[0][0] + 1
                    continue
        if lex is not None:
            english = lex.word(low)
            if english == "because of" and code in _POSTPOSITIONAL:
                # "GPS-häirinnän takia", "zavarás miatt": the cause stands before its
                # postposition; in English after it ("because of GPS jamming"), which also
                # keeps a place from reading as the jammer ("over Debrecen jamming").
                start = len(out)
                while start > 0 and out[start - 1] in _CAUSE_NOUNS:
                    start -= 1
                out.insert(start, "because of")
                i += 1
                continue
            if attribution(english):
                i += 1
                continue
            if english == "airspace":
                i = _airspace(tokens, i, i + 1, emit)
                continue
            if english and place_span[1] == len(out) and _role_after_place(english, code):
                place_span = _move_role(out, place_span, english, emit)
                i += 1
                continue
            if english == "airport" and code in _GENITIVE_FIRST and place_span[1] == len(out):
                # "Tarton lentoaseman lähellä": the airport belongs to the place before it, and
                # a postposition after it places both ("near Tartu airport").
                emit(english)
                place_span = (place_span[0], len(out))
                i += 1
                continue
            if english and not (tok[:1].isupper() and code == "de" and english in {"in", "at"}):
                if english in _VEHICLES and out and out[-1] == english.split()[-1]:
                    i += 1  # "utasszállító repülőgép": one aircraft, said twice
                    continue
                if english in _VEHICLES and out and out[-1] == "every":
                    # "igal lennul", "każdym locie": every flight is flights in general.
                    out[-1] = _PLURAL.get(english, english)
                    i += 1
                    continue
                if english in _VEHICLES and out and _is_count(out[-1]):
                    # "3000 lennolla", "5 uçuş": several languages count with the singular;
                    # a count of flights is no particular flight.
                    emit(_PLURAL.get(english, english))
                    i += 1
                    continue
                if (
                    english in _VEHICLES
                    and not (out and out[-1] in _DETERMINERS)
                    and _one_vehicle(tokens, i, code)
                ):
                    # Most of these languages have no articles: "Samolot utracił..." tells of
                    # one aircraft, which the English rules recognise as "the aircraft".
                    emit("the")
                emit(*english.split())
                i += 1
                continue
        if tok[:1].isupper():
            initial = not out or out[-1] in _SENTENCE_END
            before = len(out)
            i = _place_run(tokens, i, code, emit, out, initial=initial)
            if len(out) > before:
                place_span = (before, len(out))
            continue
        if _is_past_verb(low, code, _previous_word(tokens, i)):
            # An unlisted verb in the past tense ("столкнулся", "wracał", "desvió"): the
            # English rules need a past-tense word to tell an event from an explanation.
            emit("did")
        i += 1
    out.extend(held)
    text = _tidy(out)
    if code in _INTO_IS_TO:
        # "из Новосибирска в Москву": after "from" a town, "в" (into) is where the flight went.
        text = re.sub(r"\b(from (?:[A-Z][\w'\u2019-]*\s){1,3}),?\s*in (?=[A-Z])", r"\1to ", text)
    return text


#: Languages whose one preposition for "in" and "into" follows "from" a town on a route.
_INTO_IS_TO = frozenset({"ru", "uk", "bg", "mk", "sr"})


# Past-tense endings that are regular enough to recognise a verb the tables do not list, per
# language (family). Slavic past tenses end in -l-; Spanish, Italian and Portuguese preterites
# in an accented vowel or -ou; the endings that nouns share are left out.
_PAST_ENDINGS: dict[str, tuple[str, ...]] = {
    "ru": ("лся", "лась", "лось", "лись", "ла", "ло", "ли", "ал", "ел", "ил", "ул", "ыл"),
    "uk": ("вся", "лася", "лося", "лися", "ла", "ло", "ли", "ав", "ив", "ув"),
    "pl": ("ał", "ął", "ił", "ył", "ał", "eł", "ała", "ęła", "iła", "yła", "eła", "ało", "iło",
           "yło", "ali", "eli", "ili", "yli", "ały", "iły", "yły", "eły", "ęły"),
    "cs": ("al", "el", "il", "yl", "ala", "ela", "ila", "yla", "alo", "elo", "ilo", "ali", "eli",
           "ili", "yli", "aly", "ely", "ily"),
    "es": ("ó", "aron", "ieron"),
    "pt": ("ou", "aram", "eram", "iram"),
    "it": ("ò", "arono", "erono", "irono"),
    "el": ("ηκε", "ηκαν", "ησε", "ησαν", "ασε", "ασαν", "ωσε", "ωσαν", "ευσε", "εψε", "εψαν"),
}  # fmt: skip
_PAST_FAMILY = {"bg": "ru", "sk": "cs", "sl": "cs", "mk": "ru", "sr": "cs"}
# Romanian and French form the past with an auxiliary before a participle ("a deviat", "a été").
_AUXILIARIES = {"ro": {"a", "au", "s-a", "s-au", "fost"}, "fr": {"a", "ont", "avait", "été"}}
_PARTICIPLE = {"ro": ("at", "it", "ut", "ât", "s"), "fr": ("é", "ée", "és", "ées", "u", "i")}


#: The words of a span of months, "from" and "to" ("von Januar bis August", "de janvier à
#: août", "с января по август"), in the languages that write them before the month.
_RANGE_WORDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    code: (frozenset(start.split()), frozenset(end.split()))
    for code, start, end in (
        ("de", "von vom ab", "bis"), ("nl", "van vanaf", "tot"), ("pl", "od", "do"),
        ("cs", "od", "do"), ("sk", "od", "do"), ("ru", "с со", "по до"),
        ("uk", "з із від", "по до"),
        ("bg", "от", "до"), ("es", "de desde", "a hasta"), ("pt", "de desde", "a até"),
        ("fr", "de depuis", "à au jusqu"), ("it", "da dal", "a al fino"), ("ro", "din de", "până"),
        ("no", "fra", "til"), ("da", "fra", "til"), ("sv", "från", "till"),
        ("el", "από", "έως ως μέχρι"), ("lv", "no", "līdz"), ("lt", "nuo", "iki"),
        ("et", "alates", "kuni"),
    )
}  # fmt: skip


def _month_range(tokens: list[str], i: int, code: str, cal) -> tuple[list[str], int] | None:
    """``(["between", "January", "and", "August", ...], next index)`` when a span of two months
    starts at token ``i`` ("von Januar bis August 2025"), else ``None``."""
    starts, ends = _RANGE_WORDS.get(code, (frozenset(), frozenset()))
    if tokens[i].lower() not in starts:
        return None
    ahead = _words(tokens, i + 1, 6)
    texts = [t.lower() for _, t in ahead]
    # Articles and prepositions a language puts before a month ("de janvier à août", "din
    # ianuarie până în august", "από τον Ιανουάριο έως τον Αύγουστο").
    filler = {"la", "le", "l'", "el", "o", "în", "in", "τον", "το", "του", "a", "al"}
    p = 0
    while p < len(texts) and texts[p] in filler:
        p += 1
    first = cal.month(texts[p]) if p < len(texts) else ""
    if not first or ahead[p][1].isupper():
        return None
    p += 1
    if p >= len(texts) or texts[p] not in ends:
        return None
    p += 1
    while p < len(texts) and texts[p] in filler:
        p += 1
    second = cal.month(texts[p]) if p < len(texts) else ""
    if not second:
        return None
    words = ["between", first, "and", second]
    if p + 1 < len(texts) and _is_year(texts[p + 1]):
        p += 1
        words.append(texts[p])
    return words, ahead[p][0] + 1


_MENU_SEPARATORS = frozenset("\u2022\u00b7|\u25aa")


def _menu_item(tokens: list[str], start: int, end: int) -> bool:
    """Do separators of a page's menu or label line ("•", "·", "|") stand on both sides of
    the words ``tokens[start:end]``?"""
    before = next((t for t in reversed(tokens[:start]) if not t.isspace()), "")
    after = next((t for t in tokens[end:] if not t.isspace()), "")
    return before in _MENU_SEPARATORS and after in _MENU_SEPARATORS


_OPENING_QUOTES = '"\u201e\u201c\u00ab\u201a'


def _in_quoted_name(tokens: list[str], i: int, code: str) -> bool:
    """Is token ``i`` inside a quoted name that opens with a capitalised word before it
    ('"Welt am Sonntag"', '« Journal du Dimanche »'), not a quoted sentence ('"Am Sonntag
    ...')?"""
    from tracker.ingest.languages.detect import FUNCTION_WORDS

    function_words = FUNCTION_WORDS.get(code, ())
    words = []
    for j in range(i - 1, max(-1, i - 8), -1):
        tok = tokens[j]
        if tok.isspace():
            continue
        if tok in _OPENING_QUOTES:
            return (
                2 <= len(words) <= 3
                and words[-1][:1].isupper()
                and words[-1].lower() not in function_words
            )
        if not tok[:1].isalpha():
            return False
        words.append(tok)
    return False


def _words_before(tokens: list[str], i: int, count: int) -> list[tuple[int, str]]:
    """The ``count`` word tokens before ``i`` (nearest first), skipping spaces."""
    out = []
    j = i - 1
    while j >= 0 and len(out) < count:
        if not tokens[j].isspace():
            out.append((j, tokens[j]))
        j -= 1
    return out


def _nation_before(tokens: list[str], i: int) -> str:
    """The English adjective of nationality among the two words before token ``i``, or ``""``
    ("Finse" in "de Finse plaats", "finlandaise" in "la ville finlandaise de")."""
    words = [t for t in tokens[:i] if not t.isspace()][-3:]
    for word in reversed(words):
        if word.isalpha():
            found = demonym(word)
            if found:
                return found
    return ""


def _previous_word(tokens: list[str], i: int) -> str:
    for tok in reversed(tokens[:i]):
        if not tok.isspace():
            return tok.lower()
    return ""


def _is_past_verb(word: str, code: str, previous: str) -> bool:
    """Does ``word`` (lower case, not in the tables) look like a verb in the past tense?"""
    if len(word) < 4 or not word.isalpha():
        return False
    if code in _AUXILIARIES:
        return previous in _AUXILIARIES[code] and word.endswith(_PARTICIPLE[code])
    endings = _PAST_ENDINGS.get(_PAST_FAMILY.get(code, code))
    return bool(endings) and len(word) >= 5 and word.endswith(endings)


def _second_day(texts: list[str], p: int, cal, lex) -> int:
    """After a day number: the position of a second day number that a short connector ("na",
    "spre", "auf", "-") joins to it before a month ("23 na 24 sierpnia"), else 0."""
    if p >= len(texts) or not (
        texts[p] in {"-", "\u2013", "\u2014"} or (texts[p].isalpha() and len(texts[p]) <= 4)
    ):
        return 0
    if cal.month(texts[p]) or (lex is not None and lex.word(texts[p]) == "and"):
        return 0  # "9. og 10. januar": two days, as the English rules read "9 and 10 January"
    q = p + 1
    if q < len(texts) and texts[q] in {"den", "de"}:
        q += 1
    if q >= len(texts) or not _is_day(texts[q]):
        return 0
    after = q + 1
    if after < len(texts) and texts[after] == ".":
        after += 1
    return q + 1 if after < len(texts) and cal.month(texts[after]) else 0


def _phrase(tokens, i, cal, lex):
    """A multi-word cue starting at token ``i``: ``(english, next index)`` or ``None``."""
    words = _words(tokens, i, 6)  # the longest phrase in the tables has five words
    lowered = [t.lower() for _, t in words]
    for phrase, english in cal.relative.items():
        parts = phrase.split()
        if len(parts) > 1 and lowered[: len(parts)] == parts:
            return english, words[len(parts) - 1][0] + 1
        if len(parts) == 1 and lowered[:1] == parts:
            return english, words[0][0] + 1
    if lex is None or not lowered:
        return None
    for parts, english in lex.phrases_from(lowered[0]):
        if len(lowered) < len(parts):
            continue
        if all(
            (w.startswith(p[:-1]) and len(w) - len(p) < 7) if p.endswith("*") else w == p
            for w, p in zip(lowered, parts, strict=False)
        ):
            return english, words[len(parts) - 1][0] + 1
    return None


def _place_run(tokens, i, code, emit, out, *, initial: bool = False) -> int:
    """Read a run of capitalised words at ``i``; emit the place it names, if any."""
    run: list[tuple[int, str]] = []
    j = i
    while j < len(tokens):
        tok = tokens[j]
        if tok.isspace():
            j += 1
            continue
        if (
            tok[:1].isupper()
            and tok[:1].isalpha()
            and not KEPT_AS_WRITTEN.match(tok.split("-")[0])
            and not (run and _is_calendar_word(tok.lower(), code))
            and not (run and _is_cue_word(tok.lower(), code))
        ):
            # A weekday or month ends a run: German capitalises them ("Am Montag"); so does
            # a cue word, as German capitalises every noun ("Eine Maschine der Finnair").
            run.append((j, tok))
            j += 1
            continue
        if tok.lower() in _CONNECTORS and run and code in _ROMANCE:
            nxt = _words(tokens, j + 1, 1)
            if nxt and nxt[0][1][:1].isupper():
                run.append((j, tok))
                j += 1
                continue
        break
    if not run:
        emit(tokens[i]) if KEPT_AS_WRITTEN.match(tokens[i]) else None
        return i + 1
    if code == "vi":
        return _vietnamese_run(tokens, run, emit, out, initial=initial)
    return _read_run(tokens, i, run, code, emit, out, initial=initial)


def _vietnamese_run(tokens, run, emit, out, *, initial: bool = False) -> int:
    """A run of capitalised Vietnamese words: its Vietnamese names of places
    (:func:`.placenames.vietnamese_places`), and the foreign names in it read as in any
    language ("Kaliningrad", "Plovdiv"); the other syllables (of persons, titles and agencies:
    "Chủ tịch", "Bộ Quốc phòng") say nothing. Returns where the run ends."""
    words = [t for _, t in run]
    names = vietnamese_places(words, before=_previous_word(tokens, run[0][0]), initial=initial)
    foreign: list[tuple[int, str]] = []

    def flush() -> None:
        if foreign:
            first = foreign[0] is run[0]
            at = foreign[0][0]
            _read_run(tokens, at, list(foreign), "vi", emit, out, initial=initial and first)
            foreign.clear()

    k = 0
    while k < len(run):
        if k in names:
            flush()
            k, english = names[k]
            _emit_place(PlaceName(english, "", "exonym"), emit, out)
        elif is_vietnamese_syllable(words[k]):
            flush()
            k += 1
        else:
            foreign.append(run[k])
            k += 1
    flush()
    return run[-1][0] + 1


def _read_run(tokens, i, run, code, emit, out, *, initial: bool = False) -> int:
    """Emit the place the run of capitalised words ``run`` (starting at token ``i``) names,
    if any; returns where the run ends."""
    end = run[-1][0] + 1
    words = [t for _, t in run]
    airline = _airline_run(words)
    if airline:
        # "Air France", "Wizz Air", "Aegean Airlines": an airline the English rules know,
        # whose words would otherwise be read one by one ("France").
        emit(" ".join(words[:airline]))
        if airline == len(words):
            return end
        return _place_run(tokens, run[airline][0], code, emit, out)
    if len(words) == 1:
        # A sea named with a word written small: "mer Baltique", "mar Negro" (the word before),
        # "Baltijos jūros", "Musta mere" (the word after).
        before = _previous_word(tokens, i)
        after = _words(tokens, end, 1)
        if before.isalpha() and _pair_name(before, words[0]):
            emit(_pair_name(before, words[0]))
            return end
        if after and after[0][1].isalpha() and after[0][1].islower():
            sea = _pair_name(words[0], after[0][1])
            if sea:
                emit(sea)
                return after[0][0] + 1
    names = [w for w in words if w[:1].isupper()]
    # Two-word exonyms ("Morze Czarne", "Estados Unidos") and whole names ("São Paulo").
    if len(words) >= 2:
        two = exonym(f"{words[0]} {words[1]}", code)
        if two:
            emit(two)
            return run[1][0] + 1
        whole = resolve_place(" ".join(words), code)
        if whole is not None and whole.how == "gazetteer" and _is_name(" ".join(words)):
            _emit_place(whole, emit, out)
            return end
    # Capitalised cue words right after the run still belong to a name ("Vereniging
    # Nederlandse Verkeersvliegers", a pilots' union, is no town called Vereniging).
    tail = 0
    for _, word in _words(tokens, end, 3):
        if not (word[:1].isupper() and _is_cue_word(word.lower(), code)):
            break
        tail += 1
    if (len(names) >= 3 or (len(names) == 2 and tail)) and not _route_run(names, code):
        # A longer capitalised run is a name (a person, an agency): only countries in it count.
        for word in words:
            found = exonym(word, code)
            if found and len(word) >= 4:
                emit(found)
        return end
    for position, word in enumerate(words):
        if not word[:1].isupper():
            continue  # a connector ("de", "do")
        operator = _operator_in(word)
        if operator:
            emit(operator)  # "Finnairille", "Ryanairs": the airline
            tail = word.partition("-")[2].lower()
            if tail in _AIRLINE_AIRCRAFT:
                emit("aircraft")  # "SAS-plan": the airline's aircraft ("plan" alone is a plan)
            elif tail and lexicon_for(code) is not None:
                emit(*(lexicon_for(code).word(tail) or "").split())  # "SAS-flyet"
            continue
        compass = _COMPASS.match(word)
        if compass:
            rest = resolve_place(word[compass.end() :], code)
            if rest is not None:
                emit(_COMPASS_WORDS[compass.group(1).lower()[:2]], *rest.name.split())
                continue
        # A capitalised word opening a sentence may be any word ("Ber", "Sen"): only a
        # country, a sea or a large city counts there.
        place = resolve_place(word, code, strict=initial and position == 0)
        if place is None:
            # "de Finse plaats Savonlinna", "der finnischen Stadt Savonlinna": a small town
            # abroad, named with its country's adjective one or two words before it.
            place = place_of_nation(word, _nation_before(tokens, run[position][0]))
        if place is not None:
            _emit_place(place, emit, out)
    return end


def _route_run(names: list[str], code: str) -> bool:
    """Is a capitalised run an airline and the ends of its route ("Finnairin Helsingistä
    Tarttoon", Finnair's from Helsinki to Tartu)? Two of its words are places whose case says
    "from", "to" or "in" (or one of them, and an airline): no person's name is declined so."""
    placed = 0
    for word in names:
        place = resolve_place(word, code, strict=True)
        placed += place is not None and place.role in {"from", "to", "in", "at"}
    airline = any(_operator_in(word) for word in names)
    return placed >= 2 or (placed == 1 and airline)


def _pair_name(first: str, second: str) -> str:
    """The English name two words give together and neither alone ("mer Baltique"), or ``""``;
    not a name the first gives whatever follows it ("Polen in": Poland, then "in")."""
    both = exonym(f"{first} {second}")
    return both if both and both != exonym(first) and both != exonym(second) else ""


# "Øst-Finnmark", "Pohjois-Norja", "Nord-Norge": the part of a place, as the English rules
# read it ("eastern Finnmark").
_COMPASS = re.compile(
    r"^(nord|sør|syd|øst|vest|norr|söder|öster|väster|pohjois|etelä|itä|länsi|põhja|lõuna"
    r"|ida|lääne|nordost|südost|ost|west|süd)-",
    re.I,
)
_COMPASS_WORDS = {
    "no": "northern", "sø": "southern", "sy": "southern", "øs": "eastern", "ve": "western",
    "sö": "southern", "ös": "eastern", "vä": "western", "po": "northern", "et": "southern",
    "it": "eastern", "lä": "western", "põ": "northern", "lõ": "southern", "id": "eastern",
    "os": "eastern", "we": "western", "sü": "southern",
}  # fmt: skip


# "to" between the two days of a night ("z soboty na niedzielę", "de samedi à dimanche"), not
# the "to" of a span of days ("od poniedziałku do piątku").
_NIGHT_TO = {"na", "spre", "auf", "zu", "zum", "til", "till", "mot", "на", "към", "į", "à", "au",
             "al", "a", "para", "su"}  # fmt: skip


def _airspace(tokens: list[str], start: int, end: int, emit) -> int:
    """Emit "airspace" for the words ``tokens[start:end]``, with the nationality an adjective
    next to them gives ("espace aérien roumain" -> "Romanian airspace"); returns where to go on.
    """
    before = _previous_word(tokens, start)
    after = _words(tokens, end, 1)
    nation = demonym(before) if before.isalpha() else ""
    if not nation and after and after[0][1].isalpha():
        nation = demonym(after[0][1])
        if nation:
            end = after[0][0] + 1
    emit(*([nation] if nation else []), "airspace")
    return end


def _next_day(first: str, second: str) -> bool:
    """Is weekday ``second`` the day after ``first`` (English names)?"""
    return bool(second) and WEEKDAYS.index(second) == (WEEKDAYS.index(first) + 1) % 7


def _airline_run(words: list[str]) -> int:
    """How many of ``words`` (two or three) name an airline the English rules know, or 0."""
    for size in range(min(len(words), 3), 1, -1):
        if all(w[:1].isupper() for w in words[:size]) and _operators().fullmatch(
            " ".join(words[:size])
        ):
            return size
    return 0


def _role_after_place(english: str, code: str) -> bool:
    """Does a cue glossed ``english`` give the role of the place just before it?

    "Kaliningrad üzerinde", "Tallinna lähedal": a postposition ("over", "near"); "Vilniaus
    oro uoste", "Riian lentoasemalla": an airport word whose case says the role of the place
    named before it in the genitive ("at airport").
    """
    if english in _ROLE_WORDS and code in _POSTPOSITIONAL:
        return True
    if english == "approach" and code in _POSTPOSITIONAL:
        return True  # "Plovdiv aeroportuna yaxınlaşanda": approaching Plovdiv airport
    return english.startswith(("at ", "to ", "from ")) and code in _GENITIVE_FIRST


def _move_role(out: list[str], place_span: tuple[int, int], english: str, emit):
    """Write the role before the place (the English order): "over Kaliningrad", "at Vilnius
    airport"; a role a case ending gave the place is replaced. Returns the new place span."""
    role, _, rest = english.partition(" ")
    start = place_span[0]
    if out[start] in _PREPOSITIONS:
        del out[start]
    out.insert(start, role)
    emit(*rest.split())
    return (-1, -1)


def _is_cue_word(word: str, code: str) -> bool:
    lex = lexicon_for(code)
    return lex is not None and lex.word(word) not in {"", "in", "at", "and", "to", "from"}


def _is_calendar_word(word: str, code: str) -> bool:
    cal = calendar_for(code)
    return bool(cal.weekday(word) or cal.months.get(word))


def _is_name(text: str) -> bool:
    """Is ``text`` a whole gazetteer name ("Santo Domingo", "São Paulo", "Ben Gurion"), not
    several names side by side ("Münchenistä Helsinki-Vantaalle")?

    An airport counts by its core name, the words before "International Airport" ("Ben
    Gurion"): by one word of it alone ("Gurion"), the gloss would drop the rest."""
    from tracker.geocode.index import shared_index
    from tracker.geocode.text import fold

    index = shared_index()
    key = fold(text)
    return bool(
        index.cities.lookup(key) or index.airports.by_name(key) or index.airports.by_core(key)
    )


_PREPOSITIONS = {"in", "at", "to", "from", "over", "near", "of", "on"}


# After these words a place in the locative ("atgriezās Helsinkos", "επέστρεψε στην Αθήνα")
# is where the aircraft went: "returned to Helsinki", as the English rules read it.
_MOTION = {"returned", "diverted", "back", "turned"}


def _emit_place(place, emit, out) -> None:
    if not place.role and place.how != "exonym" and out and out[-1] == "airport":
        # "Anflug auf den Flughafen Plowdiw", "lotnisko Chopina": "approaching Plovdiv
        # airport", as English writes it, so the cue before the airport is the town's.
        out.pop()
        emit(*place.name.split(), "airport")
        return
    if place.role == "in" and out and out[-1] in _MOTION:
        emit("to")
    elif out and out[-1] in {"in", "at"} and len(out) > 1 and out[-2] in _MOTION:
        out[-1] = "to"
    elif place.role and not (out and out[-1] in _PREPOSITIONS):
        emit(place.role)
    emit(*place.name.split())


def _tidy(words: list[str]) -> str:
    text = ""
    for word in words:
        if not text:
            text = word
        elif word in ".,;:!?)%" or (word in "\u201d\u00bb" and text):
            text += word
        elif text.endswith(("(", "\u201c", "\u00ab")):
            text += word
        else:
            text += " " + word
    # "sygnał GPS", "interferência no GPS": the English order ("GPS signal").
    text = re.sub(
        r"\b(signal|signals|interference|jamming|spoofing|problems|failure|loss|navigation)"
        r" (GPS|GNSS)\b",
        r"\2 \1",
        text,
    )
    # "posição falsa", "semnale false": the English order ("false position").
    text = re.sub(r"\b(position|positions|signal|signals|coordinates) (false)\b", r"\2 \1", text)
    # "da Varsavia a Londra", "de Madrid à Vilnius": a route's end, which one preposition says
    # in these languages, is "to" after "from" a place, not "at" (where the incident was).
    text = re.sub(r"\b(from (?:[A-Z][\w'\u2019-]*\s){1,3}),?\s*at (?=[A-Z])", r"\1to ", text)
    # "reliant Paris à Beyrouth" (the verb dropped): one name "at" another is a route's end.
    text = re.sub(r"\b([A-Z][a-z][\w'\u2019-]*) at (?=[A-Z][a-z])", r"\1 to ", text)
    # "vicino a Kaliningrad", "près de": "near" says it all.
    text = re.sub(r"\bnear (?:at|of|to) (?=[A-Z])", "near ", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"([.,;:!?])\1+", r"\1", text)
    # A sentence whose first words were dropped ("\"The Sun\", last year...") must not leave a
    # comma after the full stop: the sentence splitter would join the two sentences.
    text = re.sub(r"([.!?])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"^[\s.,;:]+", "", text)
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)
    text = re.sub(r",\s*([.!?])", r"\1", text)
    # Sentences start with a capital, as the sentence splitter expects.
    text = re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    return text


_RO_COMMA = str.maketrans("şŞţŢ", "șȘțȚ")
#: Languages that write a day and month as "10.3." (day first, both with a dot, no year).
_DOTTED_DAY_MONTH = {"de", "no", "da", "fi", "et", "cs", "sk", "pl", "ru", "uk", "bg", "tr", "lv",
                     "sl", "sr", "mk", "sq"}  # fmt: skip
_DOTTED = re.compile(r"(?<![\d.])([0-3]?\d)\.[ \u00a0]?(0?[1-9]|1[0-2])\.(?![\d.])")
#: A day, month and year written with slashes, day first ("31/08/2025", "31/8/25"), as every
#: language with a word table writes them; the gloss splits at "/", so it is written out.
_SLASHED = re.compile(r"(?<![\d/])([0-3]?\d)/(0?[1-9]|1[0-2])/((?:19|20)?\d\d)(?![\d/])")


def _slashed_dates(text: str, code: str) -> str:
    """``31/8/25`` -> ``31 avgusta 2025``: the month in the language's own word (which the
    gloss reads like any written date), a two-digit year in this century; and a weekday with
    its day and month in brackets, ``quarta-feira (24/9)`` -> ``quarta-feira (24 setembro)``."""
    names = _month_names(code)
    cal = calendar_for(code)

    def replace(m: re.Match) -> str:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if not 1 <= day <= 31 or month not in names:
            return m.group(0)
        return f"{day} {names[month]} {year if len(year) == 4 else '20' + year}"

    text = _SLASHED.sub(replace, text)

    def bracketed(m: re.Match) -> str:
        day, month = int(m.group(2)), int(m.group(3))
        if not 1 <= day <= 31 or month not in names or not cal.weekday(m.group(1).lower()):
            return m.group(0)
        return f"{m.group(1)} ({day} {names[month]})"

    # "quarta-feira (24/9)", "Jumat (29/3)": the day and month in brackets after a weekday,
    # as Brazilian and Indonesian news date a story of this year.
    return _WEEKDAY_SLASHED.sub(bracketed, text)


#: A weekday and, in brackets, a day and month with a slash and no year.
_WEEKDAY_SLASHED = re.compile(r"(\w[\w-]*)\s*\(([0-3]?\d)/(0?[1-9]|1[0-2])\)")


def _month_names(code: str) -> dict[int, str]:
    """Month number -> a word of language ``code`` its calendar reads as that month."""
    cal = calendar_for(code)
    names: dict[int, str] = {}
    # The longest one-word form: the full name ("septiembre"), not a family's abbreviation
    # written with its preposition ("de set", Catalan), which the gloss reads as no month.
    for form, english in sorted(cal.months.items(), key=lambda fe: -len(fe[0])):
        if form.isalpha() and cal.month(form) == english:
            names.setdefault(MONTHS.index(english) + 1, form)
    return names


def _dotted_day_month(text: str, code: str) -> str:
    """``am 10.3.`` -> ``am 10. März``: the month named in the language's own word, which the
    gloss then reads like any written date (a year after it stays a "10.3.2025" date)."""
    names = _month_names(code)

    def replace(m: re.Match) -> str:
        day, month = int(m.group(1)), int(m.group(2))
        if not 1 <= day <= 31 or month not in names:
            return m.group(0)
        return f"{day}. {names[month]}"

    return _DOTTED.sub(replace, text)


_ELISION = {
    "fr": re.compile(
        r"(?<![\w-])(?<!Côte )((?:[ldjmnst]|qu|jusqu|lorsqu|puisqu)['\u2019])(?=[^\W\d_])", re.I
    ),
    "it": re.compile(
        r"(?<![\w-])((?:[ld]|un|dell|dall|nell|sull|all|quell)['\u2019])(?=[^\W\d_])", re.I
    ),
    # Catalan, read with the Spanish table ("l'avió", "d'agost"); Spanish writes no elision
    # (a Catalan page that detection names Spanish is split the same way).
    "ca": re.compile(r"(?<![\w-])((?:[ldsn])['\u2019])(?=[^\W\d_])", re.I),
}
_ELISION["es"] = _ELISION["ca"]
# Albanian "n'aeroportin" (në, in), "t'alarmit" (të, of).
_ELISION["sq"] = re.compile(r"(?<![\w-])((?:[nt])['\u2019])(?=[^\W\d_])", re.I)


#: Languages whose letters may come decomposed (a vowel, then its marks) from a web page.
_COMPOSED = {"vi", "sq"}

#: Vietnamese names a month by its number, in figures or in words ("tháng 3", "tháng Ba").
_VI_NUMBERS = {
    "một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
    "bẩy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12,
}  # fmt: skip
_VI_MONTH_WORDS = (
    "tháng-một tháng-hai tháng-ba tháng-tư tháng-năm tháng-sáu tháng-bảy tháng-tám tháng-chín "
    "tháng-mười tháng-mười-một tháng-mười-hai"
).split()
_VI_WEEKDAY_WORDS = {"hai": "thứ-hai", "ba": "thứ-ba", "tư": "thứ-tư", "năm": "thứ-năm",
                     "sáu": "thứ-sáu", "bảy": "thứ-bảy", "bẩy": "thứ-bảy", "2": "thứ-hai",
                     "3": "thứ-ba", "4": "thứ-tư", "5": "thứ-năm", "6": "thứ-sáu",
                     "7": "thứ-bảy"}  # fmt: skip
_VI_MONTH = r"(0?[1-9]|1[0-2])(?![\d/-])(?!\.\d)"
_VI_YEAR = r"((?:19|20)\d\d)(?!\d)"
_VI_MONTH_NAME = r"(mười một|mười hai|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|chạp)"
#: The words before a day and month written "1/9" with no year ("ngày 1/9", on 1 September;
#: "hôm 1/9"; "sáng 1/9", on the morning of 1 September; "từ 28-4 đến 13-5"): alone, "24/7" or
#: "1/2" may be no date.
_VI_DAY_WORDS = r"(ngày|hôm|sáng|chiều|tối|đêm|trưa|khuya|rạng sáng|từ|đến|tới|và|cuối|đầu|giữa)"
_VI_DATE_RULES: tuple[tuple[re.Pattern, object], ...] = (
    # "13/3/2024", "13-3-2024", "13.3.2024": a day, month and year.
    (re.compile(r"(?<![\d/.-])([0-3]?\d)([/.-])(0?[1-9]|1[0-2])\2" + _VI_YEAR + r"(?![/.-]\d)"),
     lambda m: f"{int(m[1])} {_VI_MONTH_WORDS[int(m[3]) - 1]} {m[4]}"),
    # "ngày 13 tháng 3 năm 2024", "ngày 13 tháng Ba", "13 tháng 3, 2024".
    (re.compile(r"\b[Nn]gày\s+([0-3]?\d)\s+tháng\s+(?:(0?[1-9]|1[0-2])\b|" + _VI_MONTH_NAME
                + r"\b)(?:\s*(?:năm|,)\s*" + _VI_YEAR + ")?", re.I),
     lambda m: " ".join(filter(None, (str(int(m[1])), _vi_month(m[2] or m[3]), m[4])))),
    (re.compile(r"\b([0-3]?\d)\s+tháng\s+(0?[1-9]|1[0-2])\s*(?:năm|,)\s*" + _VI_YEAR, re.I),
     lambda m: f"{int(m[1])} {_vi_month(m[2])} {m[3]}"),
    # "tháng 3/2024", "tháng 11-2025", "tháng 3 năm 2024", "tháng Ba năm 2024": month and year.
    (re.compile(r"\b[Tt]háng\s+(0?[1-9]|1[0-2])\s*(?:[/.-]|\s+năm\s+)\s*" + _VI_YEAR),
     lambda m: f"{_vi_month(m[1])} {m[2]}"),
    (re.compile(r"\b[Tt]háng\s+" + _VI_MONTH_NAME + r"\s*(?:/|\s+năm\s+)\s*" + _VI_YEAR, re.I),
     lambda m: f"{_vi_month(m[1])} {m[2]}"),
    # "ngày 1/9", "hôm 28-4", "ngày 10.4": a day and month after a word of time.
    (re.compile(r"\b" + _VI_DAY_WORDS + r"\s+([0-3]?\d)[/.-]" + _VI_MONTH, re.I),
     lambda m: f"{m[1]} {int(m[2])} {_vi_month(m[3])}"),
    # "(1/9)": a day and month in brackets, after a weekday or a place.
    (re.compile(r"\(\s*([0-3]?\d)/(0?[1-9]|1[0-2])\s*\)"),
     lambda m: f"({int(m[1])} {_vi_month(m[2])})"),
    # "từ 2/2022", "8/2023": a month and a year.
    (re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])[/-]" + _VI_YEAR + r"(?![/.-]\d)"),
     lambda m: f"{_vi_month(m[1])} {m[2]}"),
    # "tháng 3", "tháng Ba": a month alone (a small number word is no month: "tháng năm").
    (re.compile(r"\b[Tt]háng\s+" + _VI_MONTH), lambda m: _vi_month(m[1])),
    (re.compile(r"\b[Tt]háng\s+(Mười Một|Mười Hai|Mười một|Mười hai|Một|Giêng|Hai|Ba|Tư|Bốn"
                r"|Năm|Sáu|Bảy|Bẩy|Tám|Chín|Mười|Chạp)\b"), lambda m: _vi_month(m[1])),
    # "2 năm qua", "10 tuần qua": the past two years, ten weeks, read as "nhiều năm qua"
    # (for years now), not as "năm qua" (last year) after a number.
    (re.compile(r"\b\d+\s+(năm|tháng|tuần)\s+(?:vừa\s+)?qua\b"), lambda m: f"nhiều {m[1]} qua"),
    # "năm 2024": in 2024 ("trong", in).
    (re.compile(r"\b[Nn]ăm\s+" + _VI_YEAR), lambda m: f"trong {m[1]}"),
    # Weekdays: "thứ Hai", "Thứ 2", "vào thứ hai", "Thứ sáu, 1/4"; "thứ hai" alone is also
    # "second" ("lần thứ hai", the second time), "Thứ hai là..." (secondly).
    (re.compile(r"\bthứ\s+(Hai|Ba|Tư|Năm|Sáu|Bảy|Bẩy)\b"), lambda m: _vi_weekday(m[1])),
    (re.compile(r"\bThứ\s+(Hai|Ba|Tư|Năm|Sáu|Bảy|Bẩy|[2-7])\b"), lambda m: _vi_weekday(m[1])),
    (re.compile(r"\bThứ\s+(hai|ba|tư|năm|sáu|bảy|bẩy)(?=\s*(?:,\s*(?:ngày\s+)?\d|\(|\s+tuần"
                r"|\s+vừa|\s+ngày|\s+\d))"), lambda m: _vi_weekday(m[1])),
    (re.compile(r"\b(vào|hôm|ngày|sáng|chiều|tối|đêm|trưa|khuya)\s+thứ\s+(hai|ba|tư|năm|sáu|bảy"
                r"|bẩy|[2-7])\b", re.I), lambda m: f"{m[1]} {_vi_weekday(m[2])}"),
    (re.compile(r"\b[Cc]hủ\s+[Nn]hật\b"), lambda m: "chủ-nhật"),
    # "thứ Hai tuần trước", "thứ Hai vừa qua": last Monday.
    (re.compile(r"\b(thứ-\w+|chủ-nhật)\s+tuần\s+trước\b"), lambda m: f"{m[1]} trước"),
    (re.compile(r"\b(thứ-\w+|chủ-nhật)\s+vừa\s+qua\b"), lambda m: f"{m[1]} vừa-qua"),
)  # fmt: skip


def _vi_month(number: str) -> str:
    """The one word the Vietnamese calendar reads as month ``number`` (figures or words)."""
    value = int(number) if number.isdigit() else _VI_NUMBERS[number.lower()]
    return _VI_MONTH_WORDS[value - 1]


def _vi_weekday(word: str) -> str:
    return _VI_WEEKDAY_WORDS[word.lower()]


def _vietnamese_dates(text: str) -> str:
    """Vietnamese dates in the one-word month and weekday forms the calendar reads:
    ``ngày 13/3/2024`` -> ``13 tháng-ba 2024``, ``tháng 8/2023`` -> ``tháng-tám 2023``,
    ``hôm 1/9`` -> ``hôm 1 tháng-chín``, ``thứ Hai`` -> ``thứ-hai``."""
    for pattern, replace in _VI_DATE_RULES:
        text = pattern.sub(replace, text)
    return text


_WRAPPED = re.compile(r"(?<=[^\W\d_])\n(?=[^\W\d_])")


def _unwrap(m: re.Match) -> str:
    rest = m.string[m.end() :]
    return " " if rest[:1].islower() and not META_DATE_LINE.match(rest) else m.group(0)


#: Languages that group the thousands of a number with a dot ("2.300"), not a comma.
_THOUSANDS_DOT = {"de", "nl", "da", "es", "pt", "it", "ro", "tr", "el", "ca", "sl", "sr", "mk",
                  "vi", "sq"}  # fmt: skip
_GROUP_DOT = re.compile(r"(?<=\d)\.(?=\d{3}(?:\.\d{3})*(?!\d)(?!\.\d))")
_TYPE_HYPHEN = re.compile(r"\b([AB]|ATR)-(\d{2,3})\b")


def gloss_text(text: str, code: str) -> str:
    """The English gloss of a whole text, line by line (blank lines kept)."""
    if code in _ELISION:
        # "l’aéroport", "d’un brouillage", "dell’aereo": the article is written onto the noun;
        # apart, the noun is found in the tables ("aéroport" -> airport).
        text = _ELISION[code].sub(r"\1 ", text)
    if code == "ro":
        # Romanian is often typed with the Turkish cedilla letters ("marţi", "oraşul"); the
        # tables use the comma-below letters ("marți").
        text = text.translate(_RO_COMMA)
    if code in _COMPOSED:
        # "ế" as one letter, not "e" and two combining marks: words are found letter by letter.
        text = unicodedata.normalize("NFC", text)
    if code == "vi":
        text = _vietnamese_dates(text)
    if code in _DOTTED_DAY_MONTH:
        text = _dotted_day_month(text, code)
    if code not in SCRIPT_LANGUAGES:
        text = _slashed_dates(text, code)
    # A sentence wrapped over two lines ("... tijdens de nadering door\nstoringen en ...") is
    # glossed as one line: a cue split by the break ("door storingen", because of the
    # interference) is read whole, and the second half does not open with a capital.
    text = _WRAPPED.sub(_unwrap, text)
    # "2 000", "12 500": digit groups with spaces (or no-break spaces) are one number.
    text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", text)
    if code in _THOUSANDS_DOT:
        # "40.000 pies", "2.300 vuelos": a dot between digit groups is no full stop.
        text = _GROUP_DOT.sub("", text)
    # "A-330", "ATR-72": aircraft types as the English rules write them ("A330", "ATR 72").
    text = _TYPE_HYPHEN.sub(lambda m: m[1] + ("" if len(m[1]) == 1 else " ") + m[2], text)
    lines = []
    for line in text.split("\n"):
        meta = META_DATE_LINE.match(line)
        if meta:
            # "date 2025-09-09" opening a page is its publication date, kept as the English
            # rules read it (the word "date" would otherwise be dropped as an unlisted word).
            rest = line[meta.end() :]
            if code in SCRIPT_LANGUAGES:
                rest = _tidy(gloss_script_line(rest, code))
            else:
                rest = gloss_line(rest, code)
            lines.append(f"date {meta.group('date')} {rest}".rstrip())
            continue
        after_comma = bool(lines) and lines[-1].endswith(",")
        if code in SCRIPT_LANGUAGES:
            # Chinese, Japanese, Korean, Arabic, Hebrew, Hindi: no capitals (and for some no
            # spaces) to find words and places by; read by :mod:`.scripts`.
            glossed = _tidy(gloss_script_line(line, code)) if line.strip() else ""
        else:
            glossed = gloss_line(line, code, after_comma=after_comma) if line.strip() else ""
        if line.strip() and not glossed.strip(" .,;:"):
            # A line with no cue word: keep the paragraph shape but say nothing.
            glossed = ""
        lines.append(glossed)
    return "\n".join(lines)
