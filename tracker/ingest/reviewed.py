"""Reviewed candidates: the JSON array ``ingest --json`` prints, checked and corrected by a person.

``gnss-tracker ingest --from-json FILE --apply`` reads such a file back. Every item is validated
with the dataset's own cell and row rules (plus the source URL and publication date), and every
problem is reported at once with the file, the item's line and the field; nothing is applied
unless the whole file is clean. Items whose ``kind`` is ``figure`` (aggregate published figures,
see :mod:`tracker.ingest.figures`) are never incidents: they are skipped and counted.

>>> batch = load_reviewed("reviewed.json")          # doctest: +SKIP
>>> apply_candidates(batch.candidates, data_dir="data")  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tracker import schema
from tracker.csvio import RawTable
from tracker.errors import DataValidationError, InputError
from tracker.geocode.regions import region_for
from tracker.ingest.candidates import Candidate
from tracker.problems import Problem
from tracker.validate import check_cells, check_incident_rows, check_source_rows

__all__ = ["ReviewedBatch", "load_reviewed", "MAX_REVIEWED_BYTES"]

INC, SRC = schema.INC, schema.SRC

#: A reviewed file is a person's work on a few dozen candidates; anything far larger is a mistake.
MAX_REVIEWED_BYTES = 20 * 1024 * 1024

_INCIDENT_FIELDS = tuple(f for f in schema.INCIDENT_FIELDS if f.name != INC.id)
_SOURCE_KEYS = ("url", "publisher", "published", "stance", "note")
#: Keys ``--json`` prints besides the incident columns; accepted and not written to the dataset.
_ID = re.compile(schema.ID_PATTERN)
_EXTRA_KEYS = frozenset(
    {"source", "evidence", "notes", "report", "kind", "score", "reasons", "recorded_incident"}
)


@dataclass
class ReviewedBatch:
    """Candidates read from a reviewed file, and how many ``figure`` items were skipped."""

    candidates: list[Candidate] = field(default_factory=list)
    skipped_figures: int = 0


def _item_lines(text: str) -> list[int]:
    """1-based line on which each top-level array item starts (the text is a valid JSON array)."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    index = text.index("[") + 1
    while True:
        while index < len(text) and text[index] in " \t\r\n,":
            index += 1
        if index >= len(text) or text[index] == "]":
            return lines
        lines.append(text.count("\n", 0, index) + 1)
        _, index = decoder.raw_decode(text, index)


def _cell(value: object) -> str | None:
    """A JSON value as the text a CSV cell would hold, or ``None`` if it has the wrong JSON type."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not np.isfinite(value):
            return None
        text = f"{value:.7f}".rstrip("0").rstrip(".")
        return text if text not in ("-0", "") else "0"
    if isinstance(value, str):
        return value
    return None


def _table(
    display: str, rows: list[dict[str, str]], lines: list[int], names: list[str]
) -> RawTable:
    frame = pd.DataFrame(
        {name: pd.Series([row.get(name, "") for row in rows], dtype="str") for name in names}
    )
    return RawTable(display, list(names), frame, np.asarray(lines, dtype=np.int64))


def _typed(spec: schema.Field, text: str) -> object:
    if text == "":
        return None if spec.type != "string" else ""
    if spec.type == "number":
        return float(text)
    if spec.type == "date":
        return dt.date.fromisoformat(text)
    return text


def load_reviewed(path: Path | str, *, today: dt.date | None = None) -> ReviewedBatch:
    """Read and validate a reviewed JSON array of candidates.

    :param path: the file (the output of ``ingest --json``, edited).
    :param today: the date future dates are judged against (default: today, UTC).
    :returns: the candidates, ready for :func:`tracker.ingest.apply_candidates`.
    :raises InputError: the file is unreadable, not JSON, or not an array of objects.
    :raises DataValidationError: some items break the dataset's rules; every problem is listed.
    """
    path = Path(path)
    display = str(path)
    try:
        if path.stat().st_size > MAX_REVIEWED_BYTES:
            raise InputError(f"{display}: file is larger than {MAX_REVIEWED_BYTES:,} bytes")
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{display}: not UTF-8 text ({err.reason} at byte {err.start})") from err
    except OSError as err:
        raise InputError(f"{display}: cannot read ({err.strerror or err})") from err
    try:
        items = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{display}:{err.lineno}:{err.colno}: not valid JSON: {err.msg}") from err
    if not isinstance(items, list):
        raise InputError(
            f"{display}: expected a JSON array of candidates (as printed by ingest --json), "
            f"found a JSON {type(items).__name__}"
        )
    lines = _item_lines(text)
    problems: list[Problem] = []
    batch = ReviewedBatch()
    incident_rows: list[dict[str, str]] = []
    source_rows: list[dict[str, str]] = []
    kept_lines: list[int] = []
    kept_items: list[dict] = []
    # The reviewer kept the link: applying attaches the source to that incident (or, if the
    # data directory has no such id, goes through the duplicate check like any candidate).
    kept_recorded: list[str] = []
    for number, (item, line) in enumerate(zip(items, lines, strict=True), 1):
        where = f"item {number}"
        if not isinstance(item, dict):
            problems.append(
                Problem(display, line, 0, "", "not-an-object", f"{where} is not a JSON object")
            )
            continue
        if item.get("kind") == "figure":
            batch.skipped_figures += 1
            continue
        known = {f.name for f in _INCIDENT_FIELDS} | _EXTRA_KEYS
        for key in item:
            if key not in known:
                problems.append(
                    Problem(
                        display, line, 0, str(key), "unknown-field",
                        f"{where}: unknown field {str(key)[:40]!r}",
                    )
                )  # fmt: skip
        recorded = item.get("recorded_incident") or ""
        if not isinstance(recorded, str) or (recorded and not _ID.match(recorded)):
            problems.append(
                Problem(
                    display, line, 0, "recorded_incident", "pattern",
                    f"{where}: recorded_incident must be an incident id such as "
                    f"2025-08-31-plovdiv, found {str(recorded)[:40]!r}",
                )
            )  # fmt: skip
            recorded = ""
        row: dict[str, str] = {}
        for spec in _INCIDENT_FIELDS:
            cell = _cell(item.get(spec.name))
            if cell is None:
                problems.append(
                    Problem(
                        display, line, 0, spec.name, "wrong-type",
                        f"{where}: expected {spec.type} text or null, "
                        f"found {type(item.get(spec.name)).__name__}",
                    )
                )  # fmt: skip
                cell = ""
            row[spec.name] = cell
        # A reviewer who corrects the country rarely thinks of the region: derive it when empty.
        if not row[INC.region] and row[INC.country]:
            try:
                lat = float(row[INC.latitude]) if row[INC.latitude] else None
                lon = float(row[INC.longitude]) if row[INC.longitude] else None
            except ValueError:
                lat = lon = None
            row[INC.region] = region_for(row[INC.country], lat, lon)
        source = item.get("source")
        if not isinstance(source, dict):
            problems.append(
                Problem(
                    display, line, 0, "source", "missing-source",
                    f"{where}: needs a source object with url, publisher and published",
                )
            )  # fmt: skip
            source = {}
        source_row = {"incident_id": "", "stance": "supports", "note": ""}
        for key in _SOURCE_KEYS:
            cell = _cell(source.get(key))
            if cell is None:
                problems.append(
                    Problem(
                        display, line, 0, f"source.{key}", "wrong-type",
                        f"{where}: source.{key} must be text or null",
                    )
                )  # fmt: skip
                cell = ""
            source_row[key] = cell
        # The reviewer may say how the page stands to the incident and why; by default it
        # supports it and the note is generated when applying.
        source_row["stance"] = source_row["stance"] or "supports"
        if not source_row["url"]:
            problems.append(
                Problem(
                    display, line, 0, "source.url", "required",
                    f"{where}: source.url is required (the page the incident comes from)",
                )
            )  # fmt: skip
        incident_rows.append(row)
        source_rows.append(source_row)
        kept_lines.append(line)
        kept_items.append(item)
        kept_recorded.append(recorded)
    today_ts = pd.Timestamp(today or dt.datetime.now(dt.UTC).date())
    if incident_rows:
        incidents = _table(display, incident_rows, kept_lines, [f.name for f in _INCIDENT_FIELDS])
        problems += check_cells(incidents, _INCIDENT_FIELDS, today=today_ts)
        problems += check_incident_rows(incidents)
        sources = _table(
            display, source_rows, kept_lines, ["url", "publisher", "published", "stance", "note"]
        )
        source_fields = tuple(
            f for f in schema.SOURCE_FIELDS if f.name in ("url", "published", "stance", "note")
        )
        source_problems = check_cells(sources, source_fields, today=today_ts)
        source_problems += check_source_rows(sources)
        problems += [_as_source_field(p) for p in source_problems]
    if problems:
        # Columns of the CSV rules mean nothing in a JSON file: the line and field say where.
        problems = [_at(p) for p in problems]
        raise DataValidationError(sorted(problems, key=lambda p: (p.line, p.field, p.code)))
    for number, (row, source_row, item, recorded) in enumerate(
        zip(incident_rows, source_rows, kept_items, kept_recorded, strict=True), 1
    ):
        values = {spec.name: _typed(spec, row[spec.name]) for spec in _INCIDENT_FIELDS}
        published = source_row["published"]
        source = {
            "url": source_row["url"],
            "publisher": source_row["publisher"],
            "published": dt.date.fromisoformat(published) if published else None,
            "stance": source_row["stance"],
        }
        if source_row["note"]:
            source["note"] = source_row["note"]
        evidence = item.get("evidence") if isinstance(item.get("evidence"), dict) else {}
        batch.candidates.append(
            Candidate(
                values,
                source,
                {str(k): str(v) for k, v in evidence.items()},
                ["reviewed by hand"],
                f"{display} item {number}",
                recorded=recorded,
            )
        )
    return batch


def _at(problem: Problem, field_name: str | None = None) -> Problem:
    """``problem`` with no column number (and, if given, another field name)."""
    return Problem(
        problem.file,
        problem.line,
        0,
        problem.field if field_name is None else field_name,
        problem.code,
        problem.message,
        problem.severity,
    )


def _as_source_field(problem: Problem) -> Problem:
    """Problems of the source object name its keys as ``source.url``, ``source.published``."""
    return _at(problem, f"source.{problem.field}")
