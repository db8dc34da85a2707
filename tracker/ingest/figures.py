"""Aggregate published figures ("1,022 reports in June", "27.4% of flights"): never incidents.

A report whose headline or lede speaks in counts or rates is about a figure, not an incident:
such sentences give :class:`Figure` results with the columns of ``data/figures.csv`` (id,
period_start, period_end, area, area_kind, metric, value, unit, measured_by, url, publisher,
published, note). What the text does not say stays empty. ``--apply`` never writes a figure as
an incident; ``--from-json`` skips figure items.

>>> from tracker.ingest.readers import reports_from_bytes
>>> report = reports_from_bytes(
...     b"Published: 2025-07-10\\n\\n"
...     b"Pilots filed 1,022 GPS interference reports in Lithuania in June.",
...     name="x.txt")[0]
>>> [(f.value, f.unit, f.period_start, f.period_end, f.area) for f in extract_figures(report)]
[(1022.0, 'reports', '2025-06-01', '2025-06-30', 'Lithuania')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from tracker.geocode.text import fold
from tracker.ingest import fields as fx
from tracker.ingest.assess import NOT_A_COUNT
from tracker.ingest.dates import META_DATE_LINE
from tracker.ingest.readers import Report
from tracker.ingest.text import split_sentences

#: The area of a figure with no place, as the figures table names it
#: (``tracker.published.GLOBAL_AREA``; the validator checks ``area_kind=global`` against it).
GLOBAL_AREA = "World"

__all__ = ["Figure", "FIGURE_COLUMNS", "extract_figures"]

#: The columns of ``data/figures.csv``, in order.
FIGURE_COLUMNS = (
    "id", "period_start", "period_end", "area", "area_kind", "metric", "value", "unit",
    "measured_by", "url", "publisher", "published", "note",
)  # fmt: skip

_UNIT_WORDS = (
    r"reports|cases|incidents|instances|flights|aircraft|planes|airliners|disruptions|"
    r"occurrences|events|violations|outages|interruptions|anomalies|disturbances|days"
)
_COUNT = re.compile(
    rf"{NOT_A_COUNT}(?P<value>\d{{1,3}}(?:[,\u202f ]\d{{3}})+|\d+(?:\.\d+)?)\s+"
    rf"(?:(?P<qual>[\w-]+(?:\s+[\w-]+){{0,3}}?)\s+)??"
    rf"(?P<unit>{_UNIT_WORDS})\b",
    re.I,
)
_PERCENT = re.compile(
    r"(?P<value>\d+(?:\.\d+)?)\s?(?:%|per ?cent)\s+(?:of\s+)?(?:(?:all|the)\s+)?"
    r"(?P<unit>flights|aircraft|planes|airBaltic flights|\w+ flights)?",
    re.I,
)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH = re.compile(
    r"\b(?:in|during|for|of)\s+(?P<month>" + "|".join(calendar.month_name[1:]) + r")"
    r"(?:\s+(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:in|during|for|throughout)\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_THIS_YEAR = re.compile(
    r"\b(?:so far this year|this year|since the (?:beginning|start) of the year)\b", re.I
)
_SINCE = re.compile(
    r"\bsince\s+(?P<month>"
    + "|".join(calendar.month_name[1:])
    + r")(?:\s+(?P<year>(?:19|20)\d\d)|\s+(?P<last>last year))?",
    re.I,
)
_MEASURED_BY = re.compile(
    r"(?:according to|reported by|data (?:from|presented by)|figures from|recorded by|"
    r"filed with)\s+"
    r"(?:the\s+)?(?P<who>[A-Z][\w\u2019'-]*(?:\s+(?:of\s+)?[A-Z][\w\u2019'-]*){0,5})"
    r"|(?P<who2>[A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,4})\s+(?:says|said|reported|recorded|lists|"
    r"registered|counted)\b"
)
_NOT_MEASURERS = frozenset({"it", "the", "he", "she", "they", "this", "that", "pilots", "in"})


@dataclass
class Figure:
    """One aggregate published figure; the fields are ``data/figures.csv``'s columns."""

    period_start: str = ""
    period_end: str = ""
    area: str = ""
    area_kind: str = ""
    metric: str = ""
    value: float | None = None
    unit: str = ""
    measured_by: str = ""
    url: str = ""
    publisher: str = ""
    published: str = ""
    note: str = ""
    evidence: str = ""
    report: str = ""
    id: str = field(default="")

    def as_dict(self) -> dict:
        """JSON-ready: the figure columns plus ``kind`` (``figure``), ``evidence``, ``report``."""
        out = {name: getattr(self, name) for name in FIGURE_COLUMNS}
        out.update(kind="figure", evidence=self.evidence, report=self.report)
        return out


def _month_range(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1).isoformat(), dt.date(year, month, last).isoformat()


def _period(sentence: str, base: dt.date | None) -> tuple[str, str]:
    month = _MONTH.search(sentence)
    if month:
        number = _MONTHS[month.group("month").lower()]
        if month.group("year"):
            year = int(month.group("year"))
        elif base is not None:
            # A month named without a year is the latest one before publication.
            year = base.year if number <= base.month else base.year - 1
        else:
            return "", ""
        return _month_range(year, number)
    since = _SINCE.search(sentence)
    if since and base is not None:
        number = _MONTHS[since.group("month").lower()]
        if since.group("year"):
            year = int(since.group("year"))
        elif since.group("last"):
            year = base.year - 1
        else:
            year = base.year if number <= base.month else base.year - 1
        return dt.date(year, number, 1).isoformat(), base.isoformat()
    if _THIS_YEAR.search(sentence) and base is not None:
        return dt.date(base.year, 1, 1).isoformat(), base.isoformat()
    year = _YEAR.search(sentence)
    if year:
        value = int(year.group("year"))
        return dt.date(value, 1, 1).isoformat(), dt.date(value, 12, 31).isoformat()
    return "", ""


def _area(sentence: str, fallback: tuple[str, str]) -> tuple[str, str]:
    from tracker.ingest.places import best_place, spot_places

    hits = [h for h in spot_places(sentence) if h.score > -1]
    for hit in hits:
        if hit.precision == "country":
            return hit.location.raw["name"], "country"
    place = best_place(hits)
    if place is not None:
        kind = {"area": "area", "region": "region"}.get(place.precision, "area")
        return place.location.raw["name"], kind
    return fallback


def _measured_by(sentence: str) -> str:
    for match in _MEASURED_BY.finditer(sentence):
        who = (match.group("who") or match.group("who2") or "").strip()
        if who and fold(who.split()[0]) not in _NOT_MEASURERS:
            return who
    return ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:40]


def _metric(sentence: str, unit: str, qualifier: str) -> str:
    what = "GNSS interference"
    if fx.SPOOF_TERM.search(sentence) and not fx.JAM_TERM.search(sentence):
        what = "GNSS spoofing"
    elif fx.JAM_TERM.search(sentence) and not fx.SPOOF_TERM.search(sentence):
        what = "GNSS jamming"
    who = "pilot " if re.search(r"\bpilots?\b", sentence, re.I) and unit == "reports" else ""
    if unit == "%":
        return f"share of flights affected by {what}"
    if unit in {"flights", "aircraft", "planes", "airliners"}:
        return f"{unit} affected by {what}"
    return f"{who}{unit} of {what}".strip()


def extract_figures(
    report: Report, *, published: dt.date | None = None, candidates: list | None = None
) -> list[Figure]:
    """Aggregate figures stated in the headline or lede of a report.

    :param report: the report.
    :param published: publication date to assume when the report carries none (a month named
        without a year is the latest such month before it).
    :param candidates: the report's incident candidates, if already extracted (unused for now:
        a figure and an incident may come from the same report).
    :returns: one :class:`Figure` per counted quantity in the first sentences.
    """
    del candidates
    sentences = split_sentences(report.text[:20000])
    text_start = " ".join(s.text for s in sentences[:2])
    head = report.text[:20000]
    if not (fx.GNSS_TERM.search(head) and fx.AVIATION_TERM.search(text_start + " " + head[:3000])):
        return []
    base = report.published or published
    lede = [s.text for s in sentences[:5]]
    if lede:
        meta = META_DATE_LINE.match(lede[0])
        if meta:
            lede[0] = lede[0][meta.end() :]
            if base is None and len(meta.group("date")) == 10:
                base = dt.date.fromisoformat(meta.group("date"))
    figures: list[Figure] = []
    fallback = ("", "")
    for sentence in lede:
        found = []
        for match in _COUNT.finditer(sentence):
            if match.group("unit").lower() == "days" and "disruption" not in sentence.lower():
                continue
            found.append((match, match.group("unit").lower(), match.group("qual") or ""))
        for match in _PERCENT.finditer(sentence):
            found.append((match, "%", ""))
        for match, unit, qualifier in found:
            raw_value = re.sub(r"[,\u202f ]", "", match.group("value"))
            try:
                value = float(raw_value)
            except ValueError:
                continue
            if unit != "%" and (value < 2 or 1900 <= value <= 2100 and "," not in match.group(0)):
                continue  # "two flights", a year: not a count worth a figure
            start, end = _period(sentence, base)
            area, area_kind = _area(sentence, fallback)
            fallback = (area, area_kind) if area else fallback
            metric = _metric(sentence, unit, qualifier)
            figure = Figure(
                period_start=start,
                period_end=end,
                # No place named: a global figure, whose area the figures table calls "World".
                area=area or GLOBAL_AREA,
                area_kind=area_kind or ("global" if not area else ""),
                metric=metric,
                value=value,
                unit=unit,
                measured_by=_measured_by(sentence),
                url=report.url,
                publisher=report.publisher,
                published=base.isoformat() if base else "",
                note="read by gnss-tracker ingest from the report's lede; check before use",
                evidence=sentence,
                report=report.name,
            )
            figure.id = "-".join(
                p for p in (start[:7] or (base.isoformat()[:7] if base else ""), _slug(area),
                            _slug(metric)) if p
            )  # fmt: skip
            figures.append(figure)
    return _dedupe(figures)


def _dedupe(figures: list[Figure]) -> list[Figure]:
    seen: set[tuple] = set()
    out = []
    for figure in figures:
        key = (figure.value, figure.unit, figure.period_start)
        if key not in seen:
            seen.add(key)
            out.append(figure)
    return out
