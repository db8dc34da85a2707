"""Merging candidates into the dataset (``ingest --apply``).

A candidate linked to a recorded incident (:mod:`.recorded`) adds its source to it. A candidate
that matches an existing incident (same date within a day, within 100 km, and a
compatible interference type) only adds its source to that incident; any other candidate becomes
a new incident with a fresh id. Everything happens inside :func:`tracker.dataset.update`: the
store validates before writing, and any error leaves the files untouched.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tracker import dataset, schema
from tracker.dedupe import find_matches
from tracker.errors import InputError
from tracker.ingest.candidates import Candidate
from tracker.ingest.readers import safe_url

__all__ = ["ApplyResult", "apply_candidates", "find_match", "MATCH_DAYS", "MATCH_KM"]

logger = logging.getLogger(__name__)

INC, SRC = schema.INC, schema.SRC

#: Two reports describe the same incident if their dates are this many days apart at most...
MATCH_DAYS = 1
#: ...and their places this many kilometres apart at most.
MATCH_KM = 100.0


@dataclass
class ApplyResult:
    """What ``--apply`` did: new incident ids, and (incident id, url) pairs of added sources."""

    added: list[str] = field(default_factory=list)
    attached: list[tuple[str, str]] = field(default_factory=list)
    unchanged: list[tuple[str, str]] = field(default_factory=list)


def _compatible(a: str, b: str) -> bool:
    return a == b or "unknown" in (a, b) or "both" in (a, b)


def find_match(candidate: Candidate, incidents: pd.DataFrame) -> str | None:
    """Id of the existing incident ``candidate`` describes, or ``None``.

    Time and distance come from :func:`tracker.dedupe.find_matches` (shared with ``add``), so
    both commands agree on what a duplicate is; the interference type must also be compatible.

    :param candidate: a candidate with date, coordinates and interference type.
    :param incidents: the dataset's incidents (not modified).
    """
    values = candidate.values
    date = values.get(INC.date)
    lat, lon = values.get(INC.latitude), values.get(INC.longitude)
    if not isinstance(date, dt.date) or lat is None or lon is None or incidents.empty:
        return None
    matches = find_matches(
        incidents, date, float(lat), float(lon), days=MATCH_DAYS, km=MATCH_KM,
        end_date=values.get(INC.end_date),
    )  # fmt: skip
    kinds = dict(zip(incidents[INC.id], incidents[INC.interference], strict=False))
    for match in matches:
        if _compatible(str(kinds.get(match.incident_id, "")), str(values.get(INC.interference))):
            return match.incident_id
    return None


def _problems(candidate: Candidate) -> list[str]:
    values = candidate.values
    missing = []
    if not safe_url(str(candidate.source.get("url") or "")):
        missing.append("an http(s) source URL (add a 'URL:' line or pass --url)")
    if not isinstance(values.get(INC.date), dt.date):
        missing.append("a date (pass --published for relative dates)")
    if values.get(INC.latitude) is None or not values.get(INC.location):
        missing.append("a place the gazetteer knows")
    return missing


def _typed_frame(rows: list[dict], fields: tuple[schema.Field, ...]) -> pd.DataFrame:
    columns = {}
    for spec in fields:
        values = [row.get(spec.name) for row in rows]
        if spec.type == "date":
            columns[spec.name] = pd.to_datetime(
                pd.Series(values, dtype="object"), errors="coerce"
            ).astype("datetime64[s]")
        elif spec.type == "number":
            columns[spec.name] = pd.Series(
                [float("nan") if v is None else float(v) for v in values], dtype="float64"
            )
        else:
            columns[spec.name] = pd.Series(
                ["" if v is None else str(v) for v in values], dtype="str"
            )
    return pd.DataFrame(columns)


def _source_row(candidate: Candidate, incident_id: str) -> dict:
    values = candidate.values
    date = values.get(INC.date)
    when = f" on {date.isoformat()}" if isinstance(date, dt.date) else ""
    return {
        SRC.incident_id: incident_id,
        SRC.url: safe_url(str(candidate.source.get("url") or "")),
        SRC.publisher: str(candidate.source.get("publisher") or "") or "unknown",
        SRC.published: candidate.source.get("published"),
        # A reviewed file may give the page's stance and a note of the reviewer's own.
        SRC.stance: str(candidate.source.get("stance") or "supports"),
        SRC.note: str(candidate.source.get("note") or "")
        or f"Reports {values.get(INC.interference)} near {values.get(INC.location)}{when} "
        f"(proposed by gnss-tracker ingest).",
    }


def apply_candidates(candidates: list[Candidate], *, data_dir: Path | str) -> ApplyResult:
    """Merge candidates into the dataset in ``data_dir``, all or nothing.

    :param candidates: from :func:`tracker.ingest.extract_candidates`.
    :param data_dir: folder with ``incidents.csv`` and ``sources.csv``.
    :returns: what was added or attached.
    :raises InputError: a candidate lacks a URL, a date or a place; nothing is written.
    :raises DataValidationError: the merged data breaks a rule; nothing is written.
    """
    problems = []
    for number, candidate in enumerate(candidates, 1):
        missing = _problems(candidate)
        if missing:
            problems.append(f"{candidate.report}: candidate {number} needs {', '.join(missing)}")
    if problems:
        raise InputError("; ".join(problems) + "; nothing was written")
    result = ApplyResult()
    if not candidates:
        return result
    with dataset.update(data_dir) as ds:
        incidents = ds.incidents
        sources = ds.sources
        new_incidents: list[dict] = []
        new_sources: list[dict] = []
        for candidate in candidates:
            pending = _typed_frame(new_incidents, schema.INCIDENT_FIELDS) if new_incidents else None
            pool = (
                incidents if pending is None else pd.concat([incidents, pending], ignore_index=True)
            )
            # A candidate linked to a recorded incident (see .recorded) is that incident.
            recorded = getattr(candidate, "recorded", "")
            match = recorded if recorded and recorded in set(pool[INC.id]) else None
            match = match or find_match(candidate, pool)
            url = safe_url(str(candidate.source.get("url")))
            if match is not None:
                known = set(zip(sources[SRC.incident_id], sources[SRC.url], strict=False))
                known |= {(row[SRC.incident_id], row[SRC.url]) for row in new_sources}
                if (match, url) in known:
                    result.unchanged.append((match, url))
                    continue
                new_sources.append(_source_row(candidate, match))
                result.attached.append((match, url))
                continue
            existing = list(incidents[INC.id]) + [row[INC.id] for row in new_incidents]
            incident_id = dataset.new_incident_id(
                candidate.values[INC.date],
                str(candidate.values[INC.location]).split(",")[0],
                existing,
            )
            row = {
                name: candidate.values.get(name)
                for name in (f.name for f in schema.INCIDENT_FIELDS)
            }
            row[INC.id] = incident_id
            if row.get(INC.end_date) is not None and not row.get(INC.end_date_precision):
                # A stated range or a NOTAM's C) time is when it ended, not "still going on".
                row[INC.end_date_precision] = "day"
            new_incidents.append(row)
            new_sources.append(_source_row(candidate, incident_id))
            result.added.append(incident_id)
        merged = dataset.with_rows(
            ds,
            incidents=_typed_frame(new_incidents, schema.INCIDENT_FIELDS)
            if new_incidents
            else None,
            sources=_typed_frame(new_sources, schema.SOURCE_FIELDS) if new_sources else None,
        )
        ds.incidents = merged.incidents
        ds.sources = merged.sources
    return result
