"""Parsing NOTAMs about GNSS interference.

Two formats are understood:

* ICAO NOTAMs: the Q-line ``Q) EPWW/QGWXX/IV/NBO/E/000/999/5430N01820E100`` gives the centre
  (degrees and minutes) and the radius in nautical miles; items ``B)`` and ``C)`` give the
  validity as ``YYMMDDHHMM`` (``C)`` may be ``PERM`` or carry ``EST``); item ``E)`` is the text.
* FAA GPS NOTAMs: ``!GPS 06/001 ZAB NAV GPS (...) MAY NOT BE AVBL WI A 345NM RADIUS CENTERED AT
  330439N1063506W ... FL400-UNL ... 2406101900-2406102300``.

Only NOTAMs about GNSS/GPS unavailability, interference, jamming or spoofing are returned;
RAIM outage predictions and other NOTAMs are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = ["Notam", "parse_notams", "looks_like_notam", "NM_TO_KM"]

NM_TO_KM = 1.852

_ICAO_HEADER = re.compile(r"(?m)^\s*\(?\s*(?P<id>[A-Z]\d{4}/\d{2})\s+NOTAM[NRC]\b")
_Q_LINE = re.compile(
    r"Q\)\s*(?P<fir>[A-Z]{4})\s*/\s*(?P<code>Q[A-Z]{2,4})\s*/[^/\n]*/[^/\n]*/[^/\n]*/"
    r"\s*(?P<lower>\d{3})\s*/\s*(?P<upper>\d{3})\s*/\s*"
    r"(?P<lat>\d{4})(?P<ns>[NS])\s*(?P<lon>\d{5})(?P<ew>[EW])\s*(?P<radius>\d{3})?"
)
_ITEM = re.compile(r"(?:^|\s)(?P<item>[A-G])\)\s*", re.M)
_STAMP = re.compile(r"\b(\d{10})\b")
_FAA = re.compile(
    r"!(?P<kind>GPS|FDC|[A-Z]{3,4})\s+(?P<num>\d{1,2}/\d{1,4})\s+(?P<facility>[A-Z0-9]{3,4})\b"
)
_FAA_CENTRE = re.compile(
    r"(?:CENT(?:ERED|RED)\s+(?:AT|ON)|RADIUS\s+OF|AREA\s+CENT(?:ERED|RED)\s+AT)\s+(?P<lat>\d{4,6}(?:\.\d+)?)(?P<ns>[NS])\s*(?P<lon>\d{5,7}(?:\.\d+)?)(?P<ew>[EW])"
)
_FAA_RADIUS = re.compile(r"(?P<nm>\d{1,4})\s*NM\s+RADIUS")
_FAA_VALIDITY = re.compile(r"\b(?P<start>\d{10})\s*-\s*(?P<end>\d{10}|PERM)\b")
_ALTITUDE = re.compile(
    r"\b(?:FL\s?\d{3}(?:-UNL|-FL\s?\d{3})?|\d{3,5}\s?FT(?:\s+(?:AGL|MSL|AMSL))?|SFC|UNL|GND)\b"
)

_GNSS = re.compile(r"\b(?:GNSS|GPS|GLONASS|GALILEO|SATNAV|SBAS|EGNOS|WAAS|RNAV\s*\(GNSS\))\b")
_PROBLEM = re.compile(
    r"\b(?:JAM\w*|SPOOF\w*|INTERFERENCE|INTFR|INTERFER\w*|UNRELIABLE|UNRELIABILITY|DEGRAD\w*"
    r"|MAY\s+NOT\s+BE\s+(?:AVBL|AVAILABLE)|NOT\s+AVBL|UNAVBL|UNAVAILABLE|OUTAGES?|U/S|DISRUPT\w*"
    r"|ANOMAL\w*|TESTING|TEST)\b"
)
_RAIM = re.compile(r"\bRAIM\b")
# A NOTAM as briefings and NOTAM searches print it, without a Q-line: its number at a line's
# start, after its location indicator ("LCCC  A0456/24"), then " - " or "NOTAMN" or its text.
_BARE_HEADER = re.compile(
    r"(?m)^[ \t]*\(?(?:(?P<loc>[A-Z]{4})\s+)?(?P<id>[A-Z]\d{4}/\d{2})(?=\s*(?:-|NOTAM[NRC]|\n|$))"
)
# A share of capitals above which a block reads as a NOTAM, not as prose quoting one.
_SHOUTED_SHARE = 0.8
_FIR_NAME = re.compile(r"\b(?P<name>[A-Z]{3,}(?:[ -][A-Z]{3,})?)\s+(?:FIR|UIR)\b")
# Words before an FIR's name that are not part of it ("THE KALININGRAD FIR", "NORTH WARSZAWA").
_NOT_FIR_NAME = frozenset(
    "THE OF IN NEAR WITHIN ENTIRE WHOLE ALL AREA PART PORTION NORTH SOUTH EAST WEST NORTHERN "
    "SOUTHERN EASTERN WESTERN CENTRAL AND".split()
)
_MONTHS = {m: n for n, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
# Validity as briefings write it: "24 MAR 2024 08:00", "10 MAR 06:00 2025".
_READABLE_TIME = re.compile(
    r"\b(?P<day>\d{1,2})\s+(?P<month>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?"
    r"\s+(?:(?P<year>\d{4})\s+)?\d{2}:?\d{2}(?:\s+(?P<year_after>\d{4}))?",
    re.I,
)
# What follows the validity in a briefing: when the NOTAM was created, not when it starts.
_CREATED = re.compile(r"\bCREATED\b", re.I)


@dataclass(frozen=True)
class Notam:
    """One GNSS NOTAM.

    :param ident: NOTAM number (``A1234/25``, ``06/001``), or ``""``.
    :param style: ``icao`` or ``faa``.
    :param authority: FIR (ICAO item Q/A) or FAA facility (``ZAB``).
    :param latitude: centre, decimal degrees (``None`` without a Q-line: see ``place``).
    :param longitude: centre, decimal degrees (``None`` without a Q-line).
    :param radius_km: radius of the area, kilometres (largest ring for FAA NOTAMs).
    :param start: first day of validity (UTC).
    :param end: last day of validity, or ``None`` (``PERM`` or unknown).
    :param text: the free text (item E, or the FAA body).
    :param altitudes: altitude limits as written ("SFC", "FL350"...).
    :param evidence: field name -> the NOTAM line it was read from.
    """

    ident: str
    style: str
    authority: str
    latitude: float | None
    longitude: float | None
    radius_km: float | None
    start: dt.date | None
    end: dt.date | None
    text: str
    altitudes: tuple[str, ...] = ()
    evidence: dict[str, str] = field(default_factory=dict)
    #: Where a NOTAM without a Q-line (no centre) applies: the FIR it names ("KALININGRAD
    #: FIR"), else its location indicator (``LCCC``); ``""`` for NOTAMs with a centre.
    place: str = ""


def looks_like_notam(text: str) -> bool:
    """Whether ``text`` contains an ICAO Q-line, an FAA ``!GPS``/``!FDC`` NOTAM, or a NOTAM
    as a briefing prints it (its number, then capitals)."""
    return bool(
        _Q_LINE.search(text)
        or (_FAA.search(text) and _FAA_CENTRE.search(text))
        or any(_shouted(block) for block in _bare_blocks(text))
    )


def _shouted(block: str) -> bool:
    """Is the block written in capitals, as NOTAMs are (and news quoting one is not)?"""
    letters = [c for c in block if c.isalpha()]
    return len(letters) >= 40 and sum(c.isupper() for c in letters) >= _SHOUTED_SHARE * len(letters)


def _bare_blocks(text: str) -> list[str]:
    starts = [m.start() for m in _BARE_HEADER.finditer(text)]
    ends = [*starts[1:], len(text)] if starts else []
    return [text[a:b] for a, b in zip(starts, ends, strict=True)]


def _readable_date(match: re.Match[str], ident: str) -> dt.date | None:
    """A briefing's "24 MAR 2024 08:00" as a date; with no year written, the NOTAM number's
    year (``A0456/24``)."""
    year = match["year"] or match["year_after"]
    if not year and re.search(r"/\d{2}$", ident):
        year = "20" + ident[-2:]
    if not year:
        return None
    try:
        return dt.date(int(year), _MONTHS[match["month"][:3].upper()], int(match["day"]))
    except ValueError:
        return None


def _validity(block: str, items: dict[str, str], ident: str) -> tuple[list, dict[str, str]]:
    """First and last day of a NOTAM (``[start, end]``, either ``None``) and the lines they
    were read from: items B and C as ``YYMMDDHHMM``, else such stamps after "FROM" and
    "TO", else the readable times of a briefing ("FROM: 24 MAR 2024 08:00 TO: ...")."""
    found: list[dt.date | None] = [None, None]
    evidence: dict[str, str] = {}
    stamps = [_STAMP.search(items.get("B", "")), _STAMP.search(items.get("C", ""))]
    if not stamps[0]:
        stamps = [*list(_STAMP.finditer(_CREATED.split(block)[0]))[:2], None, None][:2]
    for slot, stamp in enumerate(stamps):
        if stamp:
            found[slot] = _stamp_date(stamp.group(1))
            evidence["date" if slot == 0 else "end_date"] = _line_with(block, stamp.group(1))
    if found[0] is None:
        readable = list(_READABLE_TIME.finditer(_CREATED.split(block)[0]))[:2]
        for slot, match in enumerate(readable):
            found[slot] = _readable_date(match, ident)
            evidence["date" if slot == 0 else "end_date"] = _line_with(block, match.group(0))
    return found, evidence


def _stamp_date(stamp: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(stamp[:6] + "+0000", "%y%m%d%z").date()
    except ValueError:
        return None


def _degrees(value: str, hemisphere: str, *, degree_digits: int) -> float:
    """``5430``/``N`` -> 54.5; ``330439`` -> 33°04'39"; ``01820`` (lon) -> 18.333."""
    whole, _, fraction = value.partition(".")
    degrees = int(whole[:degree_digits])
    minutes = int(whole[degree_digits : degree_digits + 2] or 0)
    seconds = float((whole[degree_digits + 2 :] or "0") + ("." + fraction if fraction else ""))
    result = degrees + minutes / 60 + seconds / 3600
    return -result if hemisphere in "SW" else result


def _is_relevant(text: str) -> bool:
    upper = text.upper()
    if not (_GNSS.search(upper) and _PROBLEM.search(upper)):
        return False
    # A RAIM prediction is about satellite geometry, not interference.
    return not (_RAIM.search(upper) and not re.search(r"JAM|SPOOF|INTERFER|INTFR", upper))


def _line_with(text: str, needle: str) -> str:
    for line in text.splitlines():
        if needle in line:
            return line.strip()
    return needle


def _blocks(text: str) -> list[tuple[str, str]]:
    """Cut ``text`` into ``(style, block)`` pieces, one NOTAM each."""
    marks = [(m.start(), "faa") for m in _FAA.finditer(text)]
    icao = [m.start() for m in _ICAO_HEADER.finditer(text)]
    bare = [] if icao else [m.start() for m in _BARE_HEADER.finditer(text)]
    if not icao and not bare:
        icao = [m.start() for m in _Q_LINE.finditer(text)]
    marks += [(start, "icao") for start in icao] + [(start, "bare") for start in bare]
    marks.sort()
    pieces = []
    for (start, style), following in zip(marks, marks[1:] + [(len(text), "")], strict=False):
        pieces.append((style, text[start : following[0]]))
    return pieces


def _items(block: str) -> dict[str, str]:
    items: dict[str, str] = {}
    matches = list(_ITEM.finditer(block))
    for match, following in zip(matches, matches[1:] + [None], strict=False):
        end = following.start() if following else len(block)
        value = re.split(r"\n\s*\n", block[match.end() : end])[0]
        items.setdefault(match.group("item"), value.strip().rstrip(")").strip())
    return items


def _parse_icao(block: str, ident: str = "") -> Notam | None:
    q = _Q_LINE.search(block)
    if not q:
        return None
    items = _items(block[q.end() :])
    text = items.get("E", "")
    if not _is_relevant(text or block):
        return None
    header = _ICAO_HEADER.search(block)
    lat = _degrees(q["lat"], q["ns"], degree_digits=2)
    lon = _degrees(q["lon"], q["ew"], degree_digits=3)
    radius = int(q["radius"]) * NM_TO_KM if q["radius"] and q["radius"] != "999" else None
    ident = header["id"] if header else ident
    (start, end), evidence = _validity(block, items, ident)
    altitudes = tuple(x for x in (items.get("F", ""), items.get("G", "")) if x)
    evidence["location"] = q.group(0).strip()
    return Notam(
        ident=ident,
        style="icao",
        authority=items.get("A", q["fir"]).split()[0] if items.get("A") else q["fir"],
        latitude=lat,
        longitude=lon,
        radius_km=radius,
        start=start,
        end=end if end and start and end > start else None,
        text=" ".join(text.split()),
        altitudes=altitudes,
        evidence=evidence,
    )


def _fir_label(name: str) -> str:
    """ "THE KALININGRAD" -> "Kaliningrad FIR"."""
    words = re.split(r"[ -]", name)
    while len(words) > 1 and words[0] in _NOT_FIR_NAME:
        words = words[1:]
    return " ".join(words).title() + " FIR"


def _parse_bare(block: str) -> Notam | None:
    """A NOTAM without a Q-line, as a briefing prints it: where it applies is the FIR its text
    names, else its location indicator (item A, or the indicator before its number)."""
    header = _BARE_HEADER.match(block)
    if header is None:
        return None
    if _Q_LINE.search(block):
        return _parse_icao(block, header["id"])
    if not _shouted(block):
        return None
    items = _items(block[header.end() :])
    text = items.get("E") or block[header.end() :].lstrip(" -\n")
    text = _CREATED.split(text)[0]
    if not _is_relevant(text):
        return None
    indicator = (items.get("A", "").split() or [header["loc"] or ""])[0]
    fir = _FIR_NAME.search(text)
    (start, end), evidence = _validity(block, items, header["id"])
    evidence["location"] = _line_with(block, fir.group(0)) if fir else header.group(0).strip()
    return Notam(
        ident=header["id"],
        style="icao",
        authority=indicator,
        latitude=None,
        longitude=None,
        radius_km=None,
        start=start,
        end=end if end and start and end > start else None,
        text=" ".join(text.split()),
        altitudes=tuple(dict.fromkeys(m.group(0) for m in _ALTITUDE.finditer(text))),
        evidence=evidence,
        place=_fir_label(fir["name"]) if fir else indicator,
    )


def _parse_faa(block: str, header: re.Match[str]) -> Notam | None:
    if not _is_relevant(block):
        return None
    centre = _FAA_CENTRE.search(block)
    if not centre:
        return None
    lat_digits = 2
    lon_digits = 3
    lat = _degrees(centre["lat"], centre["ns"], degree_digits=lat_digits)
    lon = _degrees(centre["lon"], centre["ew"], degree_digits=lon_digits)
    radii = [int(m["nm"]) for m in _FAA_RADIUS.finditer(block)]
    validity = list(_FAA_VALIDITY.finditer(block))
    start = _stamp_date(validity[0]["start"]) if validity else None
    end = None
    if validity and validity[-1]["end"] != "PERM":
        end = _stamp_date(validity[-1]["end"])
    evidence = {"location": centre.group(0)}
    if validity:
        evidence["date"] = validity[0].group(0)
    return Notam(
        ident=header["num"],
        style="faa",
        authority=header["facility"],
        latitude=lat,
        longitude=lon,
        radius_km=max(radii) * NM_TO_KM if radii else None,
        start=start,
        end=end if end and start and end > start else None,
        text=" ".join(block.split()),
        altitudes=tuple(dict.fromkeys(m.group(0) for m in _ALTITUDE.finditer(block))),
        evidence=evidence,
    )


def parse_notams(text: str) -> list[Notam]:
    """Every GNSS-interference NOTAM in ``text`` (ICAO and FAA formats, in any mix).

    :param text: one or more NOTAMs, as published.
    :returns: the relevant NOTAMs in order of appearance; others are skipped.
    """
    found: list[Notam] = []
    for style, block in _blocks(text):
        if style == "faa":
            header = _FAA.match(block)
            notam = _parse_faa(block, header) if header else None
        elif style == "bare":
            notam = _parse_bare(block)
        else:
            notam = _parse_icao(block)
        if notam:
            found.append(notam)
    return found
