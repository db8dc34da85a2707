"""Reading reports: files, folders and standard input, as text, Markdown, HTML, RSS or Atom,
safety-database exports (CSV, TSV or Excel, one report per row, as NASA ASRS exports them),
PDF (the text layer of a bulletin, a report form or a saved page), Word documents (``.docx``)
and e-mail (``.eml``).

Every input is untrusted. It is size-capped before it is read, decoded strictly (UTF-8, then
UTF-8 with BOM, then charset-normalizer's best guess; no guess means binary), cleaned of
invisible characters, and parsed with safe parsers: :mod:`html.parser` for pages (scripts,
styles, navigation, headers, footers and asides are dropped), :mod:`defusedxml` for feeds
(entity expansion attacks are refused), :mod:`openpyxl` for workbooks (read-only, rows capped)
and :mod:`pypdf` for PDF (pages capped). Problems raise :class:`~tracker.errors.InputError`
naming the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import sys
import urllib.parse
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from tracker import safety
from tracker.errors import InputError
from tracker.ingest.dates import parse_published
from tracker.ingest.text import clean_text, strip_markdown

__all__ = [
    "Report",
    "MAX_INPUT_BYTES",
    "REPORT_SUFFIXES",
    "expand_paths",
    "read_reports",
    "reports_from_bytes",
    "decode_bytes",
    "html_to_text",
    "safe_url",
]

logger = logging.getLogger(__name__)

#: Largest input accepted, in bytes. News pages are well under 1 MB; anything bigger is a
#: mistake (or an attack) and parsing it would only waste time.
MAX_INPUT_BYTES = 5 * 1024 * 1024

#: File name endings picked up when a folder is given.
REPORT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml",
                   ".rss", ".atom", ".notam", ".csv", ".tsv", ".xlsx", ".pdf", ".docx",
                   ".eml")  # fmt: skip

STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Report:
    """One report, as plain text plus what we know about its source.

    :param text: the report's words, cleaned (no markup).
    :param name: where it came from, for messages: a path, ``<stdin>``, or ``path#item-3``.
    :param kind: ``text``, ``markdown``, ``html``, ``feed``, ``record`` (a row of a
        safety-database export), ``pdf``, ``docx`` or ``email``.
    :param title: headline, if known.
    :param url: http(s) address of the report, if known.
    :param publisher: who published it, if known.
    :param published: publication date, if known.
    :param notes: remarks made while reading (dropped URL, guessed encoding...).
    """

    text: str
    name: str
    kind: str = "text"
    title: str = ""
    url: str = ""
    publisher: str = ""
    published: dt.date | None = None
    notes: tuple[str, ...] = field(default=())


def safe_url(value: str | None) -> str:
    """``value`` without surrounding spaces if it may become a link
    (:func:`tracker.safety.link_url`), else ``""``.

    >>> safe_url("javascript:alert(1)")
    ''
    >>> safe_url(" https://example.org/a ")
    'https://example.org/a'
    """
    return (safety.link_url(value.strip()) or "") if isinstance(value, str) else ""


def _publisher_from_url(url: str) -> str:
    host = urllib.parse.urlsplit(url).hostname or ""
    return host.removeprefix("www.")


# ---------------------------------------------------------------------------------------------
# Paths and bytes


def expand_paths(paths: list[str]) -> list[str]:
    """Expand folders into the report files they contain (sorted), keep files and ``-``.

    :raises InputError: a path does not exist, or a folder holds no report files.
    """
    expanded: list[str] = []
    for raw in paths:
        if raw == "-":
            expanded.append(raw)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )  # fmt: skip
            if not files:
                raise InputError(
                    f"{raw}: folder holds no report files ({', '.join(REPORT_SUFFIXES)})"
                )
            expanded.extend(str(p) for p in files)
        elif path.is_file():
            expanded.append(raw)
        else:
            raise InputError(f"{raw}: no such file or folder")
    return expanded


def _read_capped(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; split it or trim it"
        )
    return data


def _read_path(raw: str, *, stdin: BinaryIO | None) -> bytes:
    if raw == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _read_capped(stream, STDIN_NAME)
    path = Path(raw)
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(
                f"{raw}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; split it or trim it"
            )
        with path.open("rb") as handle:
            return _read_capped(handle, raw)
    except OSError as err:
        raise InputError(f"{raw}: cannot read ({err.strerror or err})") from err


def decode_bytes(data: bytes, *, name: str) -> tuple[str, str | None]:
    """Decode report bytes: strict UTF-8, UTF-8 with BOM, then charset-normalizer's guess.

    :returns: ``(text, note)`` where ``note`` names a guessed encoding, else ``None``.
    :raises InputError: empty, binary, or undecodable input.
    """
    if not data.strip():
        raise InputError(f"{name}: empty input; nothing to ingest")
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{name}: looks binary (NUL bytes); give a text, HTML, feed, NOTAM, CSV, Excel or "
            "PDF file"
        )
    for encoding in ("utf-8", "utf-8-sig"):
        try:
            return data.decode(encoding), None
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is not None:
        # Short Western texts often tie between cp1250/cp1252/cp1257; cp1252 is by far the
        # most common of them, so it wins a tie.
        for match in matches:
            if (
                match.encoding == "cp1252"
                and match.chaos <= best.chaos
                and match.coherence >= best.coherence
            ):
                best = match
                break
    if best is None:
        raise InputError(f"{name}: not text in any known encoding (binary?); convert it to UTF-8")
    text = str(best)
    return text, f"{name}: not UTF-8; read as {best.encoding}"


# ---------------------------------------------------------------------------------------------
# HTML

_SKIP_TAGS = frozenset(
    "script style noscript nav header footer aside form template svg iframe button select "
    "object embed canvas menu dialog".split()
)
_BLOCK_TAGS = frozenset(
    "p div section article main br li ul ol h1 h2 h3 h4 h5 h6 table tr td th blockquote pre "
    "figure figcaption dd dt dl hr title time".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
# Class or id words of page furniture that is not the article.
_BOILERPLATE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|sidebar|footer|header|related|share|sharing|social|"
    r"comments?|subscribe|subscription|newsletter|cookie|consent|advert|advertisement|sponsored|"
    r"promo|breadcrumbs?|"
    r"widget|popular|trending|recommended|author-bio|byline-bio)(?:$|[-_\s])",
    re.I,
)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_stack: list[str] = []
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.time_values: list[str] = []
        self.in_json_ld = False
        self.json_ld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"])
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower():
            self.canonical = self.canonical or values.get("href", "")
            return
        if tag in _VOID_TAGS:
            if tag in {"br", "hr"} and not self.skip_stack:
                self.parts.append("\n")
            return
        if self.skip_stack:
            self.skip_stack.append(tag)
            return
        if tag == "script" and "ld+json" in values.get("type", "").lower():
            # Structured data: publication date, address and publisher of the article.
            self.skip_stack.append(tag)
            self.in_json_ld = True
            return
        marker = f"{values.get('class', '')} {values.get('id', '')} {values.get('role', '')}"
        furniture = tag not in {"article", "main", "body", "html"} and _BOILERPLATE.search(marker)
        if tag in _SKIP_TAGS or furniture or values.get("aria-hidden") == "true":
            self.skip_stack.append(tag)
            return
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag == "time" and values.get("datetime"):
            self.time_values.append(values["datetime"])
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in {"p", "h1", "h2", "h3", "li", "article"} else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        if self.in_json_ld and tag == "script":
            self.in_json_ld = False
        if self.skip_stack:
            # Pop to the matching open tag; unclosed inner tags are forgiven.
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
            return
        if tag == "title":
            self.in_title = False
            self.parts.append("\n\n")
            return
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag in {"p", "h1", "h2", "h3", "li"} else "\n")

    def handle_data(self, data: str) -> None:
        if self.in_json_ld:
            self.json_ld.append(data)
            return
        if self.skip_stack:
            return
        if self.in_title:
            self.title += data
            return
        if self.in_h1:
            self.h1 += data
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML fragment or page, without markup or page furniture."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return _tidy("".join(parser.parts))


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _json_ld_meta(text: str) -> dict[str, str]:
    """``datePublished``, the article's ``url`` (or ``mainEntityOfPage``) and
    ``publisher.name`` from JSON-LD, if present and sane."""
    import json

    if not text.strip() or len(text) > 200_000:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    items = data if isinstance(data, list) else [data]
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        items = data["@graph"]
    out: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("datePublished"), str):
            out.setdefault("datepublished", item["datePublished"])
        if "article" in str(item.get("@type", "")).lower():
            # The article's address: its "url", else the page it is the main entity of (a
            # string, or an object with an "@id").
            page = item.get("mainEntityOfPage")
            page = page.get("@id") if isinstance(page, dict) else page
            for address in (item.get("url"), page):
                if isinstance(address, str):
                    out.setdefault("ld:url", address)
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            out.setdefault("publisher", publisher["name"])
    return out


def _read_html(text: str, *, name: str) -> Report:
    parser = _PageParser()
    parser.feed(text)
    parser.close()
    meta = dict(parser.meta)
    for key, value in _json_ld_meta("".join(parser.json_ld)).items():
        meta.setdefault(key, value)
    url = safe_url(meta.get("og:url") or parser.canonical or meta.get("ld:url"))
    published = None
    for key in ("article:published_time", "datepublished", "date", "pubdate", "dc.date",
                "dcterms.created", "publish-date", "og:published_time"):  # fmt: skip
        if meta.get(key):
            published = parse_published(meta[key])
            if published:
                break
    if published is None:
        for value in parser.time_values:
            published = parse_published(value)
            if published:
                break
    title = " ".join((meta.get("og:title") or parser.h1 or parser.title).split())
    body = _tidy("".join(parser.parts))
    publisher = (
        meta.get("og:site_name")
        or meta.get("publisher")
        or (_publisher_from_url(url) if url else "")
    )
    return Report(body, name, "html", title, url, " ".join(publisher.split()), published)


# ---------------------------------------------------------------------------------------------
# Feeds


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child(element, *names: str):
    for child in element:
        if _local(child.tag) in names:
            return child
    return None


def _child_text(element, *names: str) -> str:
    child = _child(element, *names)
    return "".join(child.itertext()).strip() if child is not None else ""


def _read_feed(text: str, *, name: str) -> list[Report]:
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        root = SafeET.fromstring(text.encode("utf-8"))
    except DefusedXmlException as err:
        raise InputError(
            f"{name}: XML uses entity or DTD declarations, which are refused for safety"
        ) from err
    except SafeET.ParseError as err:
        raise InputError(f"{name}: not well-formed XML ({err})") from err
    root_name = _local(root.tag)
    reports: list[Report] = []
    if root_name in {"rss", "rdf"}:
        channel = _child(root, "channel")
        publisher = _child_text(channel, "title") if channel is not None else ""
        items = [el for el in root.iter() if _local(el.tag) == "item"]
        for number, item in enumerate(items, 1):
            link = safe_url(_child_text(item, "link") or _child_text(item, "guid"))
            body = _child_text(item, "encoded") or _child_text(item, "description")
            published = parse_published(_child_text(item, "pubdate", "date"))
            reports.append(_feed_report(item, body, link, publisher, published, name, number))
    elif root_name == "feed":
        publisher = _child_text(root, "title")
        entries = [el for el in root if _local(el.tag) == "entry"]
        for number, entry in enumerate(entries, 1):
            link = ""
            for child in entry:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    link = safe_url(child.get("href"))
                    if link:
                        break
            body = _child_text(entry, "content") or _child_text(entry, "summary")
            published = parse_published(_child_text(entry, "published", "updated"))
            reports.append(_feed_report(entry, body, link, publisher, published, name, number))
    else:
        raise InputError(f"{name}: XML but not an RSS or Atom feed (root element <{root_name}>)")
    return reports


def _feed_report(item, body, link, publisher, published, name, number) -> Report:
    title = " ".join(_child_text(item, "title").split())
    text = html_to_text(body) if "<" in body else body
    full = f"{title}\n\n{text}" if title else text
    publisher = " ".join(publisher.split()) or (_publisher_from_url(link) if link else "")
    return Report(
        clean_text(full), f"{name}#item-{number}", "feed", title, link, publisher, published
    )


# ---------------------------------------------------------------------------------------------
# Plain text and Markdown

_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
_LOOSE_PUBLISHED = re.compile(
    r"^\s*(?:published|posted|updated|last updated|first published)(?:\s+on)?\s*:?\s+"
    r"(?P<value>[\w ,:+.-]{6,40}?)\s*$",
    re.I,
)
#: "date 2025-12-01" alone on a line: how some saved pages give their date (ISO only, which
#: needs no date parser).
_ISO_DATE_LINE = re.compile(r"^\s*date\s+(?P<value>(?:19|20)\d\d-\d\d-\d\d)\s*$", re.I)
_META_LINE = re.compile(
    r"^\s*(?P<key>title|headline|url|link|source|source url|published|publication date|"
    r"date published|posted|publisher|outlet|site)\s*:\s*(?P<value>.+?)\s*$",
    re.I,
)


#: Paragraph, link and emphasis tags left in a text file; this many make it marked-up text.
_INLINE_MARKUP = re.compile(r"</?(?:p|a|br|span|strong|em|b|i|div)\b[^>]*>", re.I)
INLINE_MARKUP_TAGS = 4


def _read_plain(text: str, *, name: str, markdown: bool) -> Report:
    meta: dict[str, str] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        for line in front.group("body").splitlines():
            key, _, value = line.partition(":")
            if value.strip():
                meta.setdefault(key.strip().lower(), value.strip().strip("\"'"))
        text = text[front.end() :]
    if len(_INLINE_MARKUP.findall(text)) >= INLINE_MARKUP_TAGS:
        # A page saved as text with its markup left in ("informed <a href=...>Rajya Sabha</a>
        # on Monday"): the tags would split its phrases; read it as the page it was.
        text = "\n".join(html_to_text(line) if "<" in line else line for line in text.split("\n"))
    kept: list[str] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        match = _META_LINE.match(line) if number < 15 else None
        if match:
            meta.setdefault(match["key"].lower(), match["value"])
            continue
        iso = _ISO_DATE_LINE.match(line) if number < 15 else None
        if iso:
            meta.setdefault("published", iso["value"])
            continue
        loose = _LOOSE_PUBLISHED.match(line) if number < 15 else None
        if loose and parse_published(loose["value"]):
            # "Updated: 21 May" above "Published: 29 April": an update is not the publication,
            # used only when no line says when the story was published.
            updated = re.match(r"\s*(?:last\s+)?updated", line, re.I)
            meta.setdefault("updated" if updated else "published", loose["value"])
            continue
        kept.append(line)
    text = "\n".join(kept)
    if markdown or re.search(r"^#{1,6} |\]\(https?://", text, re.M):
        text = strip_markdown(text)
    url = ""
    publisher = meta.get("publisher") or meta.get("outlet") or meta.get("site") or ""
    for key in ("url", "link", "source url", "source"):
        candidate = safe_url(meta.get(key))
        if candidate:
            url = candidate
            break
    if not publisher and meta.get("source") and not url.endswith(meta["source"]):
        if not meta["source"].lower().startswith(("http:", "https:")):
            publisher = meta["source"]
    if not publisher and url:
        publisher = _publisher_from_url(url)
    published = None
    for key in ("published", "publication date", "date published", "posted", "date", "updated"):
        if meta.get(key):
            published = parse_published(meta[key])
            if published:
                break
    title = meta.get("title") or meta.get("headline") or ""
    if title:
        text = f"{title}\n\n{text}"
    return Report(
        text.strip(), name, "markdown" if markdown else "text", title, url, publisher, published
    )


# ---------------------------------------------------------------------------------------------
# Safety-database exports: a table with a column of report text

#: Columns that hold a report's own words ("Narrative", "Synopsis", "Description"), in a
#: table's header row. The first of them that a row fills is the report's body.
_STORY_COLUMN = re.compile(
    r"^(?:narrative|synopsis|description|summary|remarks|details|report text|"
    r"event description|occurrence description|text)(?:\s*\d*)$",
    re.I,
)


def _header_row(rows: list[list[str]]) -> int | None:
    """Index of the header among the first rows: the first that names a story column.

    An ASRS export has two header rows, the groups ("Place", "Aircraft 1", "Report 1") above
    the fields ("State Reference", "Narrative"); the fields' row is the header."""
    for number, row in enumerate(rows[:3]):
        if any(_STORY_COLUMN.match(cell.strip()) for cell in row):
            return number
    return None


def _record_text(header: list[str], row: list[str]) -> str:
    """One row as the labelled record the text rules read ("State Reference : NM"): short
    values as ``label : value`` lines, story columns as paragraphs under their label."""
    lines: list[str] = []
    stories: list[str] = []
    for label, value in zip(header, row, strict=False):
        label, value = " ".join(label.split()), value.strip()
        if not label or not value:
            continue
        if _STORY_COLUMN.match(label):
            stories.append(f"{label}:\n{value}")
        else:
            lines.append(f"{label} : {' '.join(value.split())}")
    return "\n".join(lines) + "\n\n" + "\n\n".join(stories)


def _read_table(text: str, *, name: str, delimiter: str) -> list[Report]:
    """One report per row of a safety-database export (NASA ASRS, an operator's occurrence
    log): each row's labelled fields and its narrative, read by the same rules as a record
    pasted as text. Rows with no story are passed over.

    :raises InputError: no header row names a column of report text, or the CSV is malformed.
    """
    # Read from a stream, not from split lines: a quoted narrative may run over several lines,
    # whose line breaks splitting would lose ("near" + "Roswell" -> "nearRoswell").
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[str]] = []
    starts: list[int] = []  # the line each row begins on, for its name
    start = 1
    try:
        for row in reader:
            rows.append(row)
            starts.append(start)
            start = reader.line_num + 1
    except csv.Error as err:
        raise InputError(
            f"{name}, line {reader.line_num}: not a well-formed table ({err})"
        ) from err
    reports = _table_reports(rows, [f"{name}#line-{n}" for n in starts])
    if reports is None:
        raise InputError(f"{name}, line 1: {_NO_STORY_COLUMN}")
    return reports


_NO_STORY_COLUMN = (
    "a table of reports needs a column of report text (Narrative, Synopsis, Description, "
    "Summary, Remarks or Text); none found in its header"
)


def _table_reports(rows: list[list[str]], names: list[str]) -> list[Report] | None:
    """The reports of a table's rows (named by ``names``), or ``None`` when no header row
    among the first three names a column of report text."""
    header_at = _header_row(rows)
    if header_at is None:
        return None
    header = rows[header_at]
    stories = [i for i, label in enumerate(header) if _STORY_COLUMN.match(label.strip())]
    reports: list[Report] = []
    for row, row_name in zip(rows[header_at + 1 :], names[header_at + 1 :], strict=True):
        if not any(i < len(row) and row[i].strip() for i in stories):
            continue
        reports.append(Report(clean_text(_record_text(header, row)), row_name, "record"))
    return reports


#: Rows read from one spreadsheet: an export of a year of reports is a few thousand rows.
MAX_SHEET_ROWS = 20_000


def _cell_text(value) -> str:
    """A spreadsheet cell as the text a CSV export would hold: a date as ``2024-03-14``, a
    whole number without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def office_kind(data: bytes) -> str:
    """``"xlsx"`` or ``"docx"`` for an Excel workbook or a Word document (a zip holding
    ``xl/workbook.xml`` or ``word/document.xml``), else ``""``. The zip's own list of names
    decides: a file embedded in the other kind holds the same names inside it."""
    if data[:4] != b"PK\x03\x04":
        return ""
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError):
        # Not a readable zip: its names may still say what it was meant to be.
        names = {n for n in ("xl/workbook.xml", "word/document.xml") if n.encode() in data}
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "docx" if "word/document.xml" in names else ""


def _read_workbook(data: bytes, *, name: str) -> list[Report]:
    """One report per row of each sheet of an Excel export whose header names a column of
    report text, like a CSV export; rows are named ``FILE#row-N`` (``FILE#SHEET!row-N`` when
    the workbook has several sheets), as the spreadsheet numbers them.

    :raises InputError: not a readable workbook, or no sheet names a column of report text.
    """
    import openpyxl

    notes: list[str] = []
    reports: list[Report] = []
    try:
        # Read-only mode streams the rows instead of building the whole workbook in memory.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheets = book.worksheets
        found_story_column = False
        for sheet in sheets:
            rows: list[list[str]] = []
            for row in sheet.iter_rows(values_only=True):
                if len(rows) == MAX_SHEET_ROWS:
                    notes.append(f"{name}: read the first {MAX_SHEET_ROWS} rows of {sheet.title}")
                    break
                rows.append([_cell_text(value) for value in row])
            where = f"{name}#{sheet.title}!" if len(sheets) > 1 else f"{name}#"
            found = _table_reports(rows, [f"{where}row-{n}" for n in range(1, len(rows) + 1)])
            if found is not None:
                found_story_column = True
                reports += found
        book.close()
    except Exception as err:  # noqa: BLE001 - a hostile or broken file may fail anywhere
        raise InputError(
            f"{name}: not a readable Excel workbook ({type(err).__name__}: {err})"
        ) from err
    if not found_story_column:
        raise InputError(f"{name}, row 1: {_NO_STORY_COLUMN}")
    if notes:
        reports = [replace(r, notes=r.notes + tuple(notes)) for r in reports]
    return reports


# ---------------------------------------------------------------------------------------------
# PDF: bulletins (OPSGROUP, EVAIR), report forms and pages saved from a browser

#: Pages read from one PDF. A report or a bulletin runs to a few pages; past this a file is a
#: manual or a book (or a file made to make parsing slow), and only its first pages are read.
MAX_PDF_PAGES = 50

#: Characters ligature-setting fonts put in a PDF's text layer ("\ufb02ight" for "flight").
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st"}
)  # fmt: skip
#: A line that is a page number: "3", "Page 3", "3 / 12", "Page 3 of 12".
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$", re.I)
#: A browser's print header: the time of printing, then the page's title. The time is when
#: the page was saved, not when it was published, so it must not be read as a date.
_PRINT_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d\d(?:\s*[AP]M)?\b", re.I)
#: A browser's print footer: the page's address and a page counter ("https://... 1/3").
_PRINT_FOOTER = re.compile(r"^(?P<url>(?:https?|file)://\S+)\s+\d{1,4}/\d{1,4}$", re.I)
#: A word broken at a line's end ("naviga-" / "tion"), joined when the line goes on in
#: lower case.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_A-Z\u0400-\u042f])")


def is_pdf(data: bytes) -> bool:
    """Are these bytes a PDF? Its header may follow some junk within the first kilobyte."""
    return b"%PDF-" in data[:1024]


def _furniture(pages: list[list[str]]) -> set[str]:
    """Lines that open or close most pages of a PDF (a running header, a bulletin's name, a
    "Page 3 of 7" footer), compared with their digits masked: page furniture, not the report.

    Only full pages count: on a page of a line or two, every line is at an edge, and pages
    that each hold one numbered section would lose all their text."""
    full = [lines for lines in pages if len(lines) >= 5]
    if len(full) < 3:
        return set()
    seen: dict[str, int] = {}
    for lines in full:
        edges = {re.sub(r"\d+", "#", line) for line in lines[:2] + lines[-2:]}
        for line in edges:
            seen[line] = seen.get(line, 0) + 1
    return {line for line, count in seen.items() if count >= 0.6 * len(full)}


def _paragraphs(lines: list[str]) -> str:
    """A page's lines with its paragraphs told apart again. A PDF's text layer keeps no blank
    lines; a line that ends a sentence well short of the page's full line width ends its
    paragraph, as it does on the printed page."""
    widths = sorted(len(line) for line in lines if len(line) > 20)
    full = widths[len(widths) * 3 // 4] if widths else 0
    out: list[str] = []
    for line in lines:
        out.append(line)
        if full and line[-1] in '.!?"\u201d' and len(line) < 0.8 * full:
            out.append("")
    return "\n".join(out)


def _read_pdf(data: bytes, *, name: str) -> Report:
    """A PDF's text layer, read as plain text (its ``Published:`` and ``URL:`` lines count as
    for a text file). Running headers and footers and page numbers are dropped, broken words
    joined; a browser's print footer gives the page's address, and the document's title is
    the headline when the first lines show it.

    :raises InputError: not a readable PDF, password-protected, or no text layer (a scan).
    """
    import pypdf

    # A damaged PDF makes pypdf log a warning per repair; the reader's own error is what the
    # user needs, so its chatter is kept out of the command's output.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    notes: list[str] = []
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is password-protected; save an unprotected copy")
        page_count = len(reader.pages)
        texts = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
        title = str((reader.metadata or {}).get("/Title") or "")
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - a hostile or broken file may fail anywhere
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__}: {err})") from err
    if page_count > MAX_PDF_PAGES:
        notes.append(f"{name}: read the first {MAX_PDF_PAGES} of its {page_count} pages")
    pages = [
        [" ".join(line.translate(_LIGATURES).split()) for line in text.splitlines()]
        for text in texts
    ]
    pages = [[line for line in lines if line] for lines in pages]
    furniture = _furniture(pages)
    url = ""
    kept: list[str] = []
    for lines in pages:
        body: list[str] = []
        for line in lines:
            footer = _PRINT_FOOTER.match(line)
            if footer:
                url = url or safe_url(footer["url"])
                continue
            if (
                _PAGE_NUMBER.match(line)
                or _PRINT_STAMP.match(line)
                or re.sub(r"\d+", "#", line) in furniture
            ):
                continue
            body.append(line)
        if body:
            kept.append(_paragraphs(body))
    text = _BROKEN_WORD.sub("", "\n\n".join(kept))
    if not text.strip():
        raise InputError(
            f"{name}: the PDF has no text layer (a scanned image?); run OCR on it or paste its text"
        )
    report = _read_plain(clean_text(text), name=name, markdown=False)
    report = _with_document_title(report, title)
    return replace(report, kind="pdf", url=report.url or url, notes=report.notes + tuple(notes))


# ---------------------------------------------------------------------------------------------
# Word documents: a safety office's report or a crew statement written in a word processor

#: The largest ``word/document.xml`` read from a ``.docx`` (uncompressed): a report of a few
#: pages is well under 1 MB of XML; a zip bomb expands far beyond.
MAX_DOCX_XML_BYTES = 20 * 1024 * 1024
_WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(node):
    """The words of one Word paragraph, without those of a paragraph nested in it (a text box
    holds paragraphs of its own, which are read as paragraphs in their turn)."""
    for child in node:
        if child.tag == f"{_WORD_NS}p":
            continue
        if child.tag == f"{_WORD_NS}t":
            yield child.text or ""
        elif child.tag == f"{_WORD_NS}tab":
            yield "\t"
        elif child.tag in {f"{_WORD_NS}br", f"{_WORD_NS}cr"}:
            yield "\n"
        yield from _paragraph_text(child)


def _with_document_title(report: Report, title: str) -> Report:
    """The document's own title property (a PDF's, a Word file's) as the headline, when the
    first lines of its text show it: a title they do not show ("Microsoft Word - draft3", a
    template's) is no headline."""
    title = " ".join(title.split())
    opening = " ".join(report.text.split("\n")[:5]).casefold()
    if not report.title and len(title) > 10 and title.casefold() in opening:
        return replace(report, title=title)
    return report


def _read_docx(data: bytes, *, name: str) -> Report:
    """A ``.docx`` file's paragraphs (tables cell by cell), read as plain text; its
    ``Published:`` and ``URL:`` lines count as for a text file, and its title property is the
    headline when the first lines show it.

    :raises InputError: not a readable Word document, too large unpacked, or no text.
    """
    import zipfile

    import defusedxml.ElementTree as SafeET

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = archive.getinfo("word/document.xml")
            if body.file_size > MAX_DOCX_XML_BYTES:
                raise InputError(
                    f"{name}: the document's text is over "
                    f"{MAX_DOCX_XML_BYTES // (1024 * 1024)} MB unpacked; save it as text"
                )
            root = SafeET.fromstring(archive.read(body))
            title = ""
            if "docProps/core.xml" in archive.namelist():
                core = SafeET.fromstring(archive.read("docProps/core.xml"))
                found = core.find("{http://purl.org/dc/elements/1.1/}title")
                title = " ".join((found.text or "").split()) if found is not None else ""
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - a hostile or broken file may fail anywhere
        raise InputError(f"{name}: not a readable Word document ({type(err).__name__})") from err
    paragraphs = ["".join(_paragraph_text(p)).strip() for p in root.iter(f"{_WORD_NS}p")]
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise InputError(f"{name}: the Word document has no text")
    report = _read_plain(clean_text(text), name=name, markdown=False)
    report = _with_document_title(report, title)
    return replace(report, kind="docx")


# ---------------------------------------------------------------------------------------------
# E-mail: a crew report or an operator's safety notice sent as a message (.eml)

#: Attachments of a message read as reports of their own: the formats above, by name.
_ATTACHED_REPORTS = (
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".csv",
    ".tsv",
    ".xlsx",
    ".pdf",
    ".docx",
    ".notam",
)


def _read_email(data: bytes, *, name: str) -> list[Report]:
    """A message saved as ``.eml``: its body (plain text, else its HTML) is a report whose
    headline is the subject and whose publication date is the day it was sent; attachments in
    a report format are reports of their own, named ``FILE#ATTACHMENT``.

    :raises InputError: the message has no readable body and no report attached.
    """
    from email import policy
    from email.parser import BytesParser

    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        subject = " ".join(str(message.get("subject") or "").split())
        sent = parse_published(str(message.get("date") or ""))
        body_part = message.get_body(preferencelist=("plain", "html"))
        body = body_part.get_content() if body_part is not None else ""
        html_body = body_part is not None and body_part.get_content_type() == "text/html"
        attached = [
            (part.get_filename() or "", part.get_payload(decode=True) or b"")
            for part in message.iter_attachments()
        ]
    except Exception as err:  # noqa: BLE001 - a hostile or broken message may fail anywhere
        raise InputError(f"{name}: not a readable e-mail message ({type(err).__name__})") from err
    reports: list[Report] = []
    text = clean_text(html_to_text(body) if html_body else body)
    if text.strip():
        report = _read_plain(text, name=name, markdown=False)
        if subject and not report.title:
            report = replace(report, title=subject, text=f"{subject}\n\n{report.text}")
        reports.append(replace(report, kind="email", published=report.published or sent))
    for filename, payload in attached:
        # Only the name's last part: an attachment's name is the sender's choice.
        filename = Path(filename.replace("\\", "/")).name
        if filename.lower().endswith(_ATTACHED_REPORTS) and payload:
            reports += reports_from_bytes(payload, name=f"{name}#{filename}")
    if not reports:
        raise InputError(f"{name}: the message has no text and no report attached")
    return reports


# ---------------------------------------------------------------------------------------------


def _kind_of(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower() if name != STDIN_NAME else ""
    if suffix in {".csv", ".tsv"}:
        return suffix[1:]
    head = text.lstrip()[:500].lower()
    if suffix in {".rss", ".atom"} or head.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        if re.search(r"<(?:rss|feed|rdf:rdf)\b", text[:5000], re.I):
            return "feed"
        if suffix in {".xml", ".rss", ".atom"}:
            return "feed"
    if suffix in {".html", ".htm", ".xhtml"} or head.startswith(("<!doctype html", "<html")):
        return "html"
    if re.search(r"<(?:p|div|article|body|br)\b[^>]*>", text[:20000], re.I) and suffix not in {
        ".txt",
        ".md",
        ".markdown",
        ".notam",
    }:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    return "text"


def reports_from_bytes(data: bytes, *, name: str) -> list[Report]:
    """Turn one input's bytes into reports (a feed gives one per item).

    :param data: the raw bytes (already size-capped).
    :param name: file name for messages and format detection.
    :raises InputError: empty, binary, undecodable, or malformed input.
    """
    if is_pdf(data):
        return [_read_pdf(data, name=name)]
    office = office_kind(data)
    if office == "xlsx":
        return _read_workbook(data, name=name)
    if office == "docx":
        return [_read_docx(data, name=name)]
    if data[:4] == b"PK\x03\x04":
        raise InputError(
            f"{name}: a zip archive that is neither a Word document nor an Excel workbook (or "
            "a damaged one); unpack it and give its report files"
        )
    if name.lower().endswith(".eml"):
        return _read_email(data, name=name)
    raw_text, note = decode_bytes(data, name=name)
    text = clean_text(raw_text)
    kind = _kind_of(name, text)
    if kind == "feed":
        reports = _read_feed(text, name=name)
    elif kind in {"csv", "tsv"}:
        reports = _read_table(text, name=name, delimiter="," if kind == "csv" else "\t")
    elif kind == "html":
        reports = [_read_html(text, name=name)]
    else:
        reports = [_read_plain(text, name=name, markdown=kind == "markdown")]
    if note:
        reports = [replace(r, notes=r.notes + (note,)) for r in reports]
    return reports


def read_reports(path: str, *, stdin: BinaryIO | None = None) -> list[Report]:
    """Read one file (or ``-`` for standard input) into reports.

    :param path: a file path or ``-``.
    :param stdin: stream to read for ``-`` (default: the process's standard input).
    :raises InputError: the file is missing, too large, binary, undecodable or malformed.
    """
    name = STDIN_NAME if path == "-" else path
    return reports_from_bytes(_read_path(path, stdin=stdin), name=name)
