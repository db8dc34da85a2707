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


@dataclass(frozen=True)
class Notam:
    """One GNSS NOTAM.

    :param ident: NOTAM number (``A1234/25``, ``06/001``), or ``""``.
    :param style: ``icao`` or ``faa``.
    :param authority: FIR (ICAO item Q/A) or FAA facility (``ZAB``).
    :param latitude: centre, decimal degrees.
    :param longitude: centre, decimal degrees.
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
    latitude: float
    longitude: float
    radius_km: float | None
    start: dt.date | None
    end: dt.date | None
    text: str
    altitudes: tuple[str, ...] = ()
    evidence: dict[str, str] = field(default_factory=dict)


def looks_like_notam(text: str) -> bool:
    """Whether ``text`` contains an ICAO Q-line or an FAA ``!GPS``/``!FDC`` NOTAM."""
    return bool(_Q_LINE.search(text) or (_FAA.search(text) and _FAA_CENTRE.search(text)))


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
    if not icao:
        icao = [m.start() for m in _Q_LINE.finditer(text)]
    marks += [(start, "icao") for start in icao]
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


def _parse_icao(block: str) -> Notam | None:
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
    b_stamp = _STAMP.search(items.get("B", ""))
    c_stamp = _STAMP.search(items.get("C", ""))
    start = _stamp_date(b_stamp.group(1)) if b_stamp else None
    end = _stamp_date(c_stamp.group(1)) if c_stamp else None
    altitudes = tuple(x for x in (items.get("F", ""), items.get("G", "")) if x)
    evidence = {"location": q.group(0).strip()}
    if b_stamp:
        evidence["date"] = _line_with(block, b_stamp.group(1))
    if c_stamp:
        evidence["end_date"] = _line_with(block, c_stamp.group(1))
    return Notam(
        ident=header["id"] if header else "",
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
        else:
            notam = _parse_icao(block)
        if notam:
            found.append(notam)
    return found
