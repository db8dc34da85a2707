"""Shared test helpers: small valid datasets built by code (never copied from data/)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tracker import schema
from tracker.schema import INC, SRC


def incident_row(**overrides) -> dict[str, str]:
    """A valid incident as CSV text cells; override any field by name."""
    row = {name: "" for name in schema.INCIDENT_COLUMNS}
    row.update(
        {
            INC.id: "2024-03-13-test-airport",
            INC.date: "2024-03-13",
            INC.date_precision: "day",
            INC.location: "Test Airport",
            INC.latitude: "54.5",
            INC.longitude: "20.25",
            INC.geocode_precision: "airport",
            INC.geocode_source: "manual",
            INC.country: "PL",
            INC.region: "Baltic Sea region",
            INC.interference: "jamming",
            INC.flight_phase: "approach",
            INC.confidence: "reported",
            INC.summary: "Synthetic incident for tests.",
        }
    )
    row.update(overrides)
    return row


def source_row(**overrides) -> dict[str, str]:
    row = {
        SRC.incident_id: "2024-03-13-test-airport",
        SRC.url: "https://example.org/report",
        SRC.publisher: "Example News",
        SRC.published: "2024-03-14",
        SRC.stance: "supports",
        SRC.note: "Reports the incident.",
    }
    row.update(overrides)
    return row


def csv_text(rows: list[dict[str, str]], columns: tuple[str, ...]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def sample_rows(n: int = 3) -> tuple[list[dict], list[dict]]:
    """``n`` valid incidents on consecutive days, each with one source, in canonical order."""
    incidents, sources = [], []
    for i in range(n):
        day = f"2024-03-{10 + i:02d}"
        ident = f"{day}-place-{i}"
        incidents.append(
            incident_row(**{INC.id: ident, INC.date: day, INC.latitude: f"{50 + i}.5"})
        )
        sources.append(source_row(**{SRC.incident_id: ident, SRC.published: day}))
    return incidents, sources


def write_dataset(folder: Path, incidents: list[dict], sources: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / schema.INCIDENTS_FILE).write_text(
        csv_text(incidents, schema.INCIDENT_COLUMNS), encoding="utf-8", newline=""
    )
    (folder / schema.SOURCES_FILE).write_text(
        csv_text(sources, schema.SOURCE_COLUMNS), encoding="utf-8", newline=""
    )
    return folder


def write_recorded(folder: Path, incidents: list[dict]) -> Path:
    """A dataset of ``incidents`` with one source each: recorded incidents for ingestion tests."""
    return write_dataset(
        folder, incidents, [source_row(**{SRC.incident_id: row[INC.id]}) for row in incidents]
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every visible file's bytes, to prove nothing changed.

    Hidden files are the store's lock file, which exists by design; leftover temporaries are
    checked for separately.
    """
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


def russian_incident_row(ident: str, day: str, place: str, **overrides) -> dict[str, str]:
    """An invented incident in Russia (near Orsk), for the recall tests of recorded incidents."""
    return incident_row(
        **{
            INC.id: ident,
            INC.date: day,
            INC.location: place,
            INC.latitude: "51.2",
            INC.longitude: "58.6",
            INC.country: "RU",
            INC.region: "Russia and Belarus",
            **overrides,
        }
    )


def recalled(data_dir: Path, text: str, published=None, taken=()) -> list[tuple[str, str]]:
    """(id, precision) of the recorded incidents in ``data_dir`` that ``text`` retells, its
    sentences split at full stops (tracker.ingest.recorded.recalled_incidents)."""
    from tracker.ingest import recorded as rec

    index = rec.load_index(data_dir)
    sentences = [s.strip() for s in text.split(".") if s.strip()]
    found = rec.recalled_incidents(
        sentences, rec.report_words(text), index, published=published, taken=set(taken)
    )
    return [(r.incident.id, r.precision) for r in found]


def ingest_refused(path: Path, data_dir: Path, message: str) -> None:
    """``gnss-tracker ingest PATH --apply`` names the problem (``message``), exits non-zero,
    shows no traceback, and leaves the dataset in ``data_dir`` byte for byte as it was."""
    from click.testing import CliRunner

    from tracker.cli import main

    before = snapshot(data_dir)
    result = CliRunner().invoke(main, ["ingest", str(path), "--apply", "--data-dir", str(data_dir)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert snapshot(data_dir) == before


def ingested_days(text: str) -> list[str]:
    """The days (ISO) of the candidates ``text`` gives, sorted."""
    from tracker.ingest import ingest_text

    return sorted(c.values["date"].isoformat() for c in ingest_text(text))
