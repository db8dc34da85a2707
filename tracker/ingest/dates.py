"""Finding incident dates in report text.

Reports give dates in many forms: absolute ("16 JAN 2025", "2024-03-13", "March 2024"),
safety-database months ("202309"), partial ("Thursday 25 April", "4 September") and relative to
the publication date ("on Sunday", "yesterday", "3 days ago", "last month"). We find them with
our own patterns (fast, predictable, and they keep the matched span for the evidence) after
masking what merely looks like a date: coordinates (``32° 34'S``, ``5443N02030E``), flight levels
(``FL350``), clock times and measurements. ``dateparser`` is used for publication dates in
metadata, whose formats vary more.

A relative date needs a base: the publication date, else one inferred from the text (a weekday
named with a day and month fixes the year), else the ``--published`` option.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from dataclasses import dataclass, replace

__all__ = [
    "META_DATE_LINE",
    "NUMBER_WORDS",
    "DateMention",
    "find_dates",
    "infer_reference_date",
    "parse_published",
    "month_start",
    "year_guessed",
]

#: Page metadata some stored copies start with: "date 2025-09-01 The plane ...".
META_DATE_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b\s*")

logger = logging.getLogger(__name__)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
#: Counts in words, as news writes small numbers ("five days", "an hour").
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip

_MONTH = (
    r"(?P<{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?P<{n}>(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)"
_ORD = r"(?:st|nd|rd|th)?"


def _m(name: str) -> str:
    return _MONTH.format(n=name)


def _w(name: str) -> str:
    return _WEEKDAY.format(n=name)


# Order matters: longer, more specific forms first; a span used once is not reused.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(r"\b(?P<y>(?:19|20)\d{2})[-/.](?P<mo>\d{1,2})[-/.](?P<d>\d{1,2})\b"),
    ),
    (
        "numeric",
        # 31.08.2025, 31/08/2025; day first unless that cannot be (08/31/2025).
        re.compile(r"\b(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>(?:19|20)\d{2})\b"),
    ),
    (
        # "Oct. 25-Nov. 7", "25 October to 7 November 2018": a span across two months (the
        # first day is not "25-Nov", a day of the second month).
        "cross_range",
        re.compile(
            rf"\b(?:{_m('mo')}\s+(?P<d>\d{{1,2}}){_ORD}\s*(?:-|–|—|to|until|through)\s*"
            rf"{_m('mo2')}\s+(?P<d2>\d{{1,2}}){_ORD}(?!\d)"
            rf"|(?P<dd>\d{{1,2}}){_ORD}\s+{_m('mm')}\s*(?:-|–|—|to|until|through)\s*"
            rf"(?P<dd2>\d{{1,2}}){_ORD}\s+{_m('mm2')})"
            rf"(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b",
            re.I,
        ),
    ),
    (
        "dmy_range",
        re.compile(
            rf"\b(?P<d>\d{{1,2}}){_ORD}\s*(?:-|–|—|to|and|until|till|through)\s*(?P<d2>\d{{1,2}}){_ORD}"
            rf"\s+(?:of\s+)?{_m('mo')}(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b",
            re.I,
        ),
    ),
    (
        "mdy_range",
        re.compile(
            rf"\b{_m('mo')}\s+(?P<d>\d{{1,2}}){_ORD}\s*(?:-|–|—|to|and|until|through)\s*"
            rf"(?P<d2>\d{{1,2}}){_ORD}(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?\b",
            re.I,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:{_w('wd')},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}}){_ORD}[\s-]*(?:of\s+)?{_m('mo')}"
            # A two-digit year is not the hour of a clock time ("3 October 15.00"), nor the
            # day of the next date ("from 29 April 31 May": a range with its "to" dropped),
            # nor a count or an hour going on after a space ("on 24 July 10 aircraft",
            # "24 July 10 49"): after a space it ends the date ("'23" and "Jul-23" may not).
            rf"(?:,?[\s-]*(?P<y>(?:19|20)\d{{2}}|(?:'\d{{2}}|(?<=-)\d{{2}}|\d{{2}}(?!\s+[\w']))"
            rf"(?![\d:]|[.,]\d)"
            rf"(?!{_ORD}\s*(?:of\s+)?{_MONTH.format(n='next_month')})))?\b",
            re.I,
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?:{_w('wd')},?\s+)?{_m('mo')}\s+(?P<d>\d{{1,2}}){_ORD}(?!\d)"
            rf"(?:,?\s+(?P<y>(?:19|20)\d{{2}}))?(?![\d,]*\s*(?:ft|feet|nm|km|miles?)\b)",
            re.I,
        ),
    ),
    (
        "my",
        re.compile(rf"\b{_m('mo')},?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I),
    ),
    (
        # "since December last year", "in March this year": a month of a year named relatively.
        "month_rel_year",
        re.compile(rf"\b{_m('mo')}\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", re.I),
    ),
    (
        # "on the 21st", "since the 22nd" (no month): a day of the publication's month;
        # "on the 31st of last month" (as Korean and Chinese date a day): of the month before.
        "ordinal_day",
        re.compile(
            rf"\b(?:on|since|from|until|by)\s+(?P<t>the)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b"
            rf"(?:\s+of\s+(?P<last>last)\s+month\b)?"
            rf"(?![\s-]*(?:of\s+)?{_m('x')})",
            re.I,
        ),
    ),
    (
        "month_only",
        re.compile(
            rf"\b(?:(?:in|during)\s+(?:(?:early|mid|late)[\s-]+)?|(?:early|mid|late|the\s+end\s+of|"
            rf"the\s+beginning\s+of|end\s+of|start\s+of)[\s-]+){_m('mo')}(?![\w-])(?!\s*,?\s*(?:\d|of\s+\d))",
            re.I,
        ),
    ),
    (
        "compact_month",
        # Safety databases (ASRS) give the month as YYYYMM next to a "Date" label.
        re.compile(r"(?i:date)[^\n\d]{0,25}\b(?P<y>(?:19|20)\d{2})(?P<mo>0[1-9]|1[0-2])\b"),
    ),
    (
        "relative_days",
        re.compile(
            r"\b(?:about\s+|some\s+)?(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight"
            r"|nine|ten)\s+(?P<unit>hours?|days?|nights?|weeks?|months?)\s+ago\b",
            re.I,
        ),
    ),
    (
        "relative_word",
        re.compile(
            r"\b(?P<word>yesterday|today|tonight|last\s+night|this\s+morning|earlier\s+today"
            r"|last\s+week|earlier\s+this\s+week|this\s+week|(?:over\s+)?the\s+(?:past|last)\s+week"
            r"|(?:for\s+)?(?:nearly|almost)\s+a\s+week|in\s+recent\s+days"
            r"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+days"
            r"|last\s+month|earlier\s+this\s+month"
            r"|this\s+month|last\s+year|earlier\s+this\s+year|(?:over|at|during)\s+the\s+weekend|"
            r"last\s+weekend|this\s+weekend|this\s+past\s+weekend|past\s+weekend)\b",
            re.I,
        ),
    ),
    (
        "following",
        re.compile(
            r"\b(?P<rel>the\s+following\s+(?:day|morning|evening|night)|the\s+next\s+"
            r"(?:day|morning|evening|night)|a\s+day\s+later|the\s+day\s+after|"
            r"the\s+previous\s+(?:day|evening|night|morning)|the\s+(?:day|night|evening|morning)\s+before"
            # "Two days later, a second jet...": counted from the incident told before.
            r"|(?:two|three|four|five|six|[2-6])\s+days\s+(?:later|earlier))\b",
            re.I,
        ),
    ),
    (
        # "nesta quarta-feira (25)": Portuguese news names the weekday with the day of the
        # month in brackets ("Wednesday (25)" in the gloss).
        "weekday_day",
        re.compile(
            r"\b(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s*\((?P<d>[0-3]?\d)\)", re.I
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?P<pre>last|past|this\s+past|on|late\s+on|early\s+on|since)?\s*"
            r"(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b(?:'s)?",
            re.I,
        ),
    ),
    (
        # "On New Year's Eve", "Christmas Day 2023": the holidays of fixed days.
        "holiday",
        re.compile(
            r"\b(?P<hol>New\s+Year['\u2019]?s?\s+(?:Eve|Day)|Christmas\s+(?:Eve|Day)|Boxing\s+Day)"
            r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?\b",
            re.I,
        ),
    ),
    ("year", re.compile(r"\b(?P<pre>in|during|since|until|of)\s+(?P<y>(?:19|20)\d{2})\b", re.I)),
]

#: The month and day of each holiday "holiday" reads, by its first word and last.
_HOLIDAYS = {
    ("new", "eve"): (12, 31),
    ("new", "day"): (1, 1),
    ("christmas", "eve"): (12, 24),
    ("christmas", "day"): (12, 25),
    ("boxing", "day"): (12, 26),
}

# What only looks like a date: coordinates, flight levels, clock times, measurements, NOTAM ids.
_MASKS = [
    re.compile(r"\d{1,3}\s*°\s*\d{0,2}\s*['′]?\s*\d{0,2}(?:[.,]\d+)?\s*[\"″]?\s*[NSEW]?"),
    re.compile(r"\b\d{4,6}(?:\.\d+)?[NS]\s?\d{5,7}(?:\.\d+)?[EW]\d{0,3}\b"),
    re.compile(r"\bFL\s?\d{2,3}\b", re.I),
    re.compile(r"\b\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:z|utc|gmt|local|lt|am|pm)?\b", re.I),
    re.compile(r"\b\d{3,4}\s*(?:z|utc|gmt|hrs|hours|lt)\b", re.I),
    re.compile(
        r"\b\d[\d,.]*\s*(?:ft|feet|nm|nautical miles|km|kilomet(?:re|er)s?|miles?|kts?|knots|mhz"
        r"|ghz|%|per ?cent)\b",
        re.I,
    ),
    re.compile(r"\b[A-Z]\d{4}/\d{2}\b"),
]


def _mask(text: str) -> str:
    for pattern in _MASKS:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


@dataclass(frozen=True)
class DateMention:
    """A date found in a sentence.

    :param start: offset of the match in the sentence.
    :param end: offset just past the match.
    :param text: the matched words.
    :param kind: which pattern matched (``iso``, ``dmy``, ``weekday``, ``following``...).
    :param date: resolved first day, or ``None`` when it needs a base that is unknown.
    :param precision: ``day``, ``month`` or ``year``.
    :param end_date: last day of a range, else ``None``.
    :param prefix: the word just before the match, lower case ("since", "until", "on"...).
    :param offset_days: for ``following``: days after (or before) the previous incident date.
    """

    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None
    precision: str = "day"
    end_date: dt.date | None = None
    prefix: str = ""
    offset_days: int = 0

    @property
    def is_relative(self) -> bool:
        """True when the date was worked out from a base date rather than read."""
        return self.kind in {
            "relative_days",
            "relative_word",
            "weekday",
            "weekday_day",
            "following",
            "month_rel_year",
            "ordinal_day",
        }

    @property
    def is_bound(self) -> bool:
        """True for "until 5 May", "since 2022": a limit, not when something happened."""
        if self.end_date is not None:
            return False
        if self.prefix == "since":
            # "since Tuesday" dates the start of what is still going on; "since 2022" is a trend.
            return self.precision != "day"
        return self.prefix in {"until", "till", "through", "by", "before", "to"}


def month_start(day: dt.date) -> dt.date:
    """First day of ``day``'s month (the schema's convention for month precision)."""
    return day.replace(day=1)


def _month_number(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")[:3]]


def _weekday_number(word: str) -> int:
    return _WEEKDAYS[word.lower()[:3]]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, *, base: dt.date | None, weekday: int | None) -> int | None:
    """Year of a day-and-month date: the latest such date not after the base (+2 days slack),
    or, without a base, the most recent year in which it fell on the named weekday."""
    if base is not None and weekday is not None:
        for year in (base.year, base.year - 1):
            candidate = _safe_date(year, month, day)
            if candidate and dt.timedelta(0) <= base - candidate <= dt.timedelta(days=14):
                # "on Sunday 8 March" on a page of 10 March, when the 8th was a Tuesday: the
                # days just before publication, with the weekday slipped, not March two years
                # back (the weekday picks the year only for a date far from the page's).
                return year
        for year in (base.year, base.year - 1, base.year - 2):
            candidate = _safe_date(year, month, day)
            if (
                candidate
                and candidate <= base + dt.timedelta(days=7)
                and candidate.weekday() == weekday
            ):
                return year
    if base is not None:
        for year in (base.year, base.year - 1):
            candidate = _safe_date(year, month, day)
            if candidate and candidate <= base + dt.timedelta(days=2):
                return year
        return None
    if weekday is not None:
        this_year = dt.datetime.now(dt.UTC).year
        for year in range(this_year, this_year - 10, -1):
            candidate = _safe_date(year, month, day)
            if candidate and candidate.weekday() == weekday:
                return year
    return None


def _two_digit_year(text: str | None) -> int | None:
    if not text:
        return None
    text = text.lstrip("'")
    year = int(text)
    return year + 2000 if year < 100 else year


def _resolve(
    kind: str, g: dict, *, base: dt.date | None
) -> tuple[dt.date | None, str, dt.date | None, int]:
    """Turn one match's groups into ``(date, precision, end_date, offset_days)``."""
    if kind == "iso":
        return _safe_date(int(g["y"]), int(g["mo"]), int(g["d"])), "day", None, 0
    if kind == "numeric":
        first, second = int(g["a"]), int(g["b"])
        day, month = (second, first) if first <= 12 < second else (first, second)
        return _safe_date(int(g["y"]), month, day), "day", None, 0
    if kind == "month_only":
        month = _month_number(g["mo"])
        if base is None:
            return None, "month", None, 0
        year = base.year if month <= base.month else base.year - 1
        return dt.date(year, month, 1), "month", None, 0
    if kind == "compact_month":
        return dt.date(int(g["y"]), int(g["mo"]), 1), "month", None, 0
    if kind == "holiday":
        words = g["hol"].lower().split()
        month, day = _HOLIDAYS[(words[0], words[-1])]
        year = int(g["y"]) if g.get("y") else _year_for(month, day, base=base, weekday=None)
        if year is None:
            return None, "day", None, 0
        return _safe_date(year, month, day), "day", None, 0
    if kind == "my":
        return dt.date(int(g["y"]), _month_number(g["mo"]), 1), "month", None, 0
    if kind == "cross_range":
        day_first = g.get("dd") is not None
        month = _month_number(g["mm"] if day_first else g["mo"])
        month2 = _month_number(g["mm2"] if day_first else g["mo2"])
        day, day2 = (int(g["dd"]), int(g["dd2"])) if day_first else (int(g["d"]), int(g["d2"]))
        # A year named after the span is its last day's; without one, the first day is read
        # as any day is (a plan "from April 29 to May 31" may end after the page's date).
        named = _two_digit_year(g.get("y"))
        if named is not None:
            year2 = named
            year = year2 - 1 if month2 < month else year2
        else:
            year = _year_for(month, day, base=base, weekday=None)
            if year is None:
                return None, "day", None, 0
            year2 = year + 1 if month2 < month else year
        return _safe_date(year, month, day), "day", _safe_date(year2, month2, day2), 0
    if kind in {"dmy", "mdy", "dmy_range", "mdy_range"}:
        month = _month_number(g["mo"])
        day = int(g["d"])
        weekday = _weekday_number(g["wd"]) if g.get("wd") else None
        year = _two_digit_year(g.get("y")) or _year_for(month, day, base=base, weekday=weekday)
        if year is None:
            return None, "day", None, 0
        start = _safe_date(year, month, day)
        end = _safe_date(year, month, int(g["d2"])) if g.get("d2") else None
        return start, "day", end if end and start and end > start else None, 0
    if kind == "month_rel_year":
        if base is None:
            return None, "month", None, 0
        shift = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return dt.date(base.year + shift, _month_number(g["mo"]), 1), "month", None, 0
    if kind == "ordinal_day":
        if base is None:
            return None, "day", None, 0
        day = int(g["d"])
        # The latest such day not after the base (+2 days' slack): this month or the last.
        same = _safe_date(base.year, base.month, day)
        if same is not None and same <= base + dt.timedelta(days=2) and not g.get("last"):
            return same, "day", None, 0
        previous = month_start(base) - dt.timedelta(days=1)
        return _safe_date(previous.year, previous.month, day), "day", None, 0
    if kind == "following":
        rel = g["rel"].lower()
        offset = -1 if ("previous" in rel or "before" in rel or "earlier" in rel) else 1
        count = rel.split()[0]
        if count.isdigit() or count in NUMBER_WORDS:
            offset *= int(count) if count.isdigit() else NUMBER_WORDS[count]
        return None, "day", None, offset
    if base is None:
        return None, "day", None, 0
    if kind == "relative_days":
        raw = g["n"].lower()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 1)
        unit = g["unit"].lower()
        if unit.startswith("hour"):
            # "about 24 hours ago": the day before; "six hours ago": the page's own day.
            return base - dt.timedelta(days=n // 24), "day", None, 0
        if unit.startswith(("day", "night")):
            return base - dt.timedelta(days=n), "day", None, 0
        if unit.startswith("week"):
            return month_start(base - dt.timedelta(days=7 * n)), "month", None, 0
        month_index = base.year * 12 + base.month - 1 - n
        return dt.date(month_index // 12, month_index % 12 + 1, 1), "month", None, 0
    if kind == "relative_word":
        word = " ".join(g["word"].lower().split())
        if word in {"yesterday", "last night"}:
            return base - dt.timedelta(days=1), "day", None, 0
        if word in {"today", "tonight", "this morning", "earlier today"}:
            return base, "day", None, 0
        if "weekend" in word:
            # The Saturday before the base: within a day of whichever weekend day it was. A
            # report of a Saturday tells "over the weekend" or "this weekend" of the one under
            # way (Friday night and Saturday); "last weekend" is still the one before.
            if (
                base.weekday() == 5
                and "past" not in word
                and ("this" in word or "the" in word.split())
            ):
                return base, "day", None, 0
            return base - dt.timedelta(days=(base.weekday() - 5) % 7 or 7), "day", None, 0
        if word == "last week":
            # The calendar week before publication, known to the month most of its days are in
            # (that of its Thursday): "last week" on Monday 6 May is 29 April to 5 May, May.
            thursday = base - dt.timedelta(days=base.weekday() + 4)
            if base.weekday() == 6:
                # On a Sunday the week that ends that day is the one just past ("six flights
                # last week" in a Sunday paper): its Thursday was three days before.
                thursday = base - dt.timedelta(days=3)
            return month_start(thursday), "month", None, 0
        if "past week" in word or "last week" in word or "a week" in word or "days" in word:
            # ("in recent days", "over the past few days": the days just before it, likewise.)
            # The seven days before publication: known to the month of their middle.
            return month_start(base - dt.timedelta(days=4)), "month", None, 0
        if word in {"this week", "earlier this week", "this month", "earlier this month"}:
            return (
                month_start(base - dt.timedelta(days=3 if "week" in word else 0)),
                "month",
                None,
                0,
            )
        if word == "last month":
            previous = month_start(base) - dt.timedelta(days=1)
            return month_start(previous), "month", None, 0
        if word == "last year":
            return dt.date(base.year - 1, 1, 1), "year", None, 0
        return dt.date(base.year, 1, 1), "year", None, 0
    if kind == "weekday_day":
        # The day of the base's month, else of the month before ("Monday (30)" on 2 June).
        day = int(g["d"])
        same = _safe_date(base.year, base.month, day)
        if same is not None and same <= base + dt.timedelta(days=1):
            return same, "day", None, 0
        before = month_start(base) - dt.timedelta(days=1)
        return _safe_date(before.year, before.month, day), "day", None, 0
    if kind == "weekday":
        target = _weekday_number(g["wd"])
        back = (base.weekday() - target) % 7
        pre = (g.get("pre") or "").lower()
        if back == 0 and pre in {"last", "past", "this past"}:
            back = 7
        return base - dt.timedelta(days=back), "day", None, 0
    if kind == "year":
        return dt.date(int(g["y"]), 1, 1), "year", None, 0
    return None, "day", None, 0


# Cheap pre-check: no digit, month, weekday or relative word means no date.
_MAYBE_DATE = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|day|today|tonight|night|week|month|year"
    r"|morning|evening|ago|later|eve\b",
    re.I,
)
# "until at least May 31", "by the latest June 2": the limit word before the hedge.
_PREFIX = re.compile(r"([A-Za-z]+)(?:\s+at\s+(?:the\s+)?(?:least|latest|earliest))?\W*$")

# Words that end a period: "until 31 May", "from 29 April to 31 May".
_END_WORDS = frozenset({"until", "till", "through", "to"})


# A page's invitations ("Join today", "Subscribe today", "Sign up today") name no day.
_CALL_TO_ACT = re.compile(
    r"\b(?:join|subscribe|register|sign\s+up|donate|renew|upgrade|order|shop|book|buy|apply"
    r"|log\s*in|download|try\s+it|start)(?:\s+(?:now|us))?\s+$",
    re.I,
)


_DAY_MONTH_KINDS = frozenset({"dmy", "mdy", "dmy_range", "mdy_range"})
_WEEKDAY_WORD = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


def find_dates(sentence: str, *, base: dt.date | None = None) -> list[DateMention]:
    """Every date mentioned in ``sentence``, in reading order.

    :param sentence: one sentence of a report.
    :param base: the date relative expressions count from (usually the publication date).
    :returns: mentions; a relative one has ``date=None`` when ``base`` is ``None``.

    >>> [m.date.isoformat() for m in find_dates("On 16 JAN 2025 at FL350 near 5443N02030E")]
    ['2025-01-16']
    >>> find_dates("On Sunday", base=dt.date(2025, 9, 2))[0].date
    datetime.date(2025, 8, 31)
    """
    if not _MAYBE_DATE.search(sentence):
        return []
    masked = _mask(sentence)
    taken = [False] * len(masked)
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(masked):
            start, end = match.span()
            if kind == "weekday" and match.group("pre"):
                start = match.start("pre")
            if kind == "compact_month":
                start = match.start("y")
            if kind == "ordinal_day":
                start = match.start("t")
            if any(taken[start:end]):
                continue
            groups = match.groupdict()
            if kind == "year" and groups["pre"].lower() == "since":
                continue
            if kind == "relative_word" and _CALL_TO_ACT.search(masked[max(0, start - 30) : start]):
                continue  # "Not a member? Join today": a site's invitation, not a date
            if kind == "mdy" and groups["mo"].lower() == "may" and not groups.get("y"):
                # "may 12" is far more often the verb before a number than a date.
                if not sentence[match.start("mo")].isupper():
                    continue
            if kind in {"dmy", "mdy", "my", "month_only"} and groups["mo"].lower() == "may":
                if not sentence[match.start("mo")].isupper():
                    continue
            if kind == "cross_range":
                first_month = "mo" if groups.get("mo") else "mm"
                if (
                    groups[first_month].lower() == "may"
                    and not sentence[match.start(first_month)].isupper()
                ):
                    continue
            if base is None and kind in _DAY_MONTH_KINDS and not groups.get("wd"):
                # "on Friday and Saturday (26 and 27 April)" on a page with no date: the
                # weekdays just before tell the year (the first day's for a range).
                window = masked[max(0, start - 40) : start]
                told = list(_WEEKDAY_WORD.finditer(window))
                if (
                    told
                    and not groups.get("y")
                    and re.fullmatch(r"[\s,(]*", window[told[-1].end() :])
                ):
                    groups = {**groups, "wd": (told[0] if "d2" in groups else told[-1]).group(1)}
            date, precision, end_date, offset = _resolve(kind, groups, base=base)
            if kind == "weekday" and groups.get("pre"):
                prefix_word = groups["pre"].split()[-1].lower()
            else:
                prefix_match = _PREFIX.search(masked[max(0, start - 20) : start])
                prefix_word = prefix_match.group(1).lower() if prefix_match else ""
            if (
                base is not None
                and date is not None
                and prefix_word in _END_WORDS
                and kind in {"dmy", "mdy"}
                and not groups.get("y")
                and date.year < base.year
            ):
                # "suspended until 31 May" on a page of 30 April: the end of a period still
                # running reads forward (31 May this year), not as last year's day.
                ahead = _safe_date(base.year, date.month, date.day)
                if ahead is not None and ahead > base:
                    date = ahead
            for i in range(start, end):
                taken[i] = True
            # A span across months is told as a joined range of two days is.
            told_as = ("mdy" if groups.get("mo") else "dmy") if kind == "cross_range" else kind
            found.append(
                DateMention(
                    start,
                    end,
                    sentence[start:end].strip(),
                    told_as,
                    date,
                    precision,
                    end_date,
                    prefix_word,
                    offset,
                )  # fmt: skip
            )
    found.sort(key=lambda m: m.start)
    return _join_ranges(found, sentence)


_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and|until|till|through)\s*$", re.I)


def _join_ranges(mentions: list[DateMention], sentence: str) -> list[DateMention]:
    """Merge "between 29 May and 2 June 2024" / "from X to Y" into one mention with an end."""
    out: list[DateMention] = []
    for mention in mentions:
        if out:
            previous = out[-1]
            gap = sentence[previous.end : mention.start]
            if (
                _RANGE_JOIN.match(gap)
                and previous.precision == mention.precision == "day"
                and previous.kind in {"dmy", "mdy", "iso"}
                and mention.kind in {"dmy", "mdy", "iso"}
                and (gap.strip() not in {"and"} or previous.prefix == "between")
            ):
                start_date = previous.date
                if mention.date and start_date is None:
                    # "29 May" had no year: it takes the year of the range's end.
                    again = find_dates(previous.text, base=mention.date)
                    start_date = again[0].date if again else None
                if start_date and mention.date and start_date.year != mention.date.year:
                    fixed = _safe_date(mention.date.year, start_date.month, start_date.day)
                    if fixed and fixed <= mention.date:
                        start_date = fixed
                if start_date and mention.date and mention.date > start_date:
                    out[-1] = replace(
                        previous,
                        end=mention.end,
                        text=sentence[previous.start : mention.end],
                        date=start_date,
                        end_date=mention.date,
                    )
                    continue
        out.append(mention)
    return out


#: Words that recall history before a date ("the last time ... was", "back in").
_HISTORY = re.compile(
    r"\b(?:the\s+last\s+time|the\s+first\s+time\s+since|back\s+in|as\s+far\s+back\s+as"
    r"|dating\s+back\s+to|in\s+the\s+wake\s+of\s+the)\b",
    re.I,
)


def infer_reference_date(sentences: list[str]) -> tuple[dt.date, str] | None:
    """A stand-in for an unknown publication date, worked out from dated context.

    A weekday named with a day and month ("Thursday, 4 September") fixes the year; a full date
    ("16 January 2025") is taken as is. The latest such date is returned with the words it came
    from. Without one, a day given without a year takes the year named nearest to it
    (:func:`_day_with_a_year_nearby`); else ``None``.
    """
    best: tuple[dt.date, str] | None = None
    for sentence in sentences:
        for mention in find_dates(sentence, base=None):
            if mention.date is None or mention.kind not in {"iso", "dmy", "mdy"}:
                continue
            if _HISTORY.search(sentence[: mention.start]):
                # "The last time airspace was closed like this was after September 11, 2001":
                # history the page compares with, not a day near its own.
                continue
            if best is None or mention.date > best[0]:
                best = (mention.date, mention.text)
    return best or _day_with_a_year_nearby(sentences)


# How far (in sentences) a year may be named from a day given without one.
_YEAR_REACH = 3


def _day_with_a_year_nearby(sentences: list[str]) -> tuple[dt.date, str] | None:
    """A day given without a year ("on May 14") dated by the nearest year the text names around
    it ("in March 2024", "during 2024"; within three sentences, the later of two as near), as a
    stand-in for an unknown publication date; ``None`` when no year is named near any such day.
    "Since 2019", "until 2030" are bounds of a trend, not the year of the day."""
    mentions = [find_dates(sentence, base=None) for sentence in sentences]
    years = [
        (index, int(year.group(0)), mention.text)
        for index, found in enumerate(mentions)
        for mention in found
        if mention.kind in {"my", "year", "compact_month"}
        # "in 2024" is read without a base here; its own first word may be "until".
        and not mention.is_bound
        and not mention.text.lower().startswith(("since", "until"))
        and (year := re.search(r"(?:19|20)\d{2}", mention.text))
    ]
    best: tuple[dt.date, str] | None = None
    for index, found in enumerate(mentions):
        for mention in found:
            if mention.kind not in {"dmy", "mdy"} or mention.date is not None:
                continue
            near = [
                (abs(where - index), -year, year, words)
                for where, year, words in years
                if abs(where - index) <= _YEAR_REACH
            ]
            if not near:
                continue
            _, _, year, words = min(near)
            again = find_dates(mention.text, base=dt.date(year, 12, 31))
            if not again or again[0].date is None or again[0].date.year != year:
                continue
            if best is None or again[0].date > best[0]:
                best = (again[0].date, f"{mention.text}{_IN_THE_YEAR_OF}{words}")
    return best


#: How :func:`infer_reference_date` words a day dated by a year named near it.
_IN_THE_YEAR_OF = "' in the year of '"


def year_guessed(words: str) -> bool:
    """Did :func:`infer_reference_date` take the year of its day from a year named nearby
    (its weakest guess), by the words it returned?"""
    return _IN_THE_YEAR_OF in words


def parse_publication_arg(value: str) -> tuple[dt.date, bool] | None:
    """A publication date given by hand: ``(day, False)`` for YYYY-MM-DD, ``(first of the
    month, True)`` for YYYY-MM (a page that shows only its month), ``None`` for anything else.

    >>> parse_publication_arg("2024-03")
    (datetime.date(2024, 3, 1), True)
    >>> parse_publication_arg("2024-3-5") is None
    True
    """
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date.fromisoformat(value + "-01"), True
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value), False
    except ValueError:
        return None
    return None


# "Updated 2 hours ago", "Posted yesterday": a stamp relative to when the page was seen, which
# a saved copy does not tell (dateparser would count it from today's clock).
_RELATIVE_STAMP = re.compile(
    r"\b(?:ago|yesterday|today|tonight|tomorrow|just\s+now|now|last|next|this)\b", re.I
)


def parse_published(value: str | None) -> dt.date | None:
    """Parse a publication date from metadata (ISO 8601, RFC 822 as in RSS, or free text).

    >>> parse_published("Tue, 02 Sep 2025 10:00:00 GMT")
    datetime.date(2025, 9, 2)
    >>> parse_published("2 hours ago") is None  # relative to a moment the copy does not keep
    True
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    if len(value) > 100 or _RELATIVE_STAMP.search(value):
        return None
    import dateparser  # slow to import: only when metadata is unusual

    parsed = dateparser.parse(
        value, settings={"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "STRICT_PARSING": False}
    )
    return parsed.date() if parsed else None
