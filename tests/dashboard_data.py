"""Small incident tables built in code for the filter, stats, figure and dashboard tests.

Synthetic by construction (never written to ``data/``): places are real, the incidents are not.
"""

from __future__ import annotations

import csv
import pathlib

import pandas as pd

from tracker import schema
from tracker.schema import INC, SRC

__all__ = ["incident", "incidents_frame", "source", "write_dataset", "BASE"]

#: Values every test incident starts from; tests override what they care about.
BASE = {
    INC.id: "2024-03-10-riga",
    INC.date: "2024-03-10",
    INC.date_precision: "day",
    INC.end_date: "",
    INC.end_date_precision: "",
    INC.location: "Riga",
    INC.latitude: 56.95,
    INC.longitude: 24.11,
    INC.radius_km: "",
    INC.geocode_precision: "city",
    INC.geocode_source: "manual",
    INC.geocode_query: "",
    INC.country: "LV",
    INC.region: "Baltic Sea region",
    INC.interference: "jamming",
    INC.flight_phase: "en route",
    INC.aircraft: "A320",
    INC.operator: "Test Air",
    INC.flight: "TA123",
    INC.effects: "Lost GNSS position for twenty minutes.",
    INC.suspected_source: "",
    INC.confidence: "reported",
    INC.summary: "Crew reported jamming near the city.",
}


def incident(**overrides) -> dict:
    """One incident row as strings/numbers, like a CSV row."""
    row = dict(BASE)
    row.update(overrides)
    return row


def source(incident_id: str, **overrides) -> dict:
    """One source row."""
    row = {
        SRC.incident_id: incident_id,
        SRC.url: f"https://example.org/{incident_id}",
        SRC.publisher: "Example News",
        SRC.published: "",
        SRC.stance: "supports",
        SRC.note: "Reports the event.",
    }
    row.update(overrides)
    return row


def incidents_frame(rows: list[dict]) -> pd.DataFrame:
    """Rows typed like ``tracker.dataset.load`` types them (dates datetime64, numbers float)."""
    frame = pd.DataFrame(rows, columns=list(schema.INCIDENT_COLUMNS))
    for column in (INC.date, INC.end_date):
        frame[column] = pd.to_datetime(frame[column].replace("", None), format="ISO8601")
    for column in (INC.latitude, INC.longitude, INC.radius_km):
        frame[column] = pd.to_numeric(frame[column].replace("", None)).astype(float)
    for column in frame.columns:
        if column not in (INC.date, INC.end_date, INC.latitude, INC.longitude, INC.radius_km):
            frame[column] = frame[column].fillna("").astype(str)
    return frame


def write_dataset(
    directory: pathlib.Path, incidents: list[dict], sources: list[dict]
) -> pathlib.Path:
    """Write ``incidents.csv`` and ``sources.csv`` in canonical column and row order."""
    directory.mkdir(parents=True, exist_ok=True)
    incidents = sorted(incidents, key=lambda r: (r[INC.date], r[INC.id]))
    sources = sorted(sources, key=lambda r: (r[SRC.incident_id], r[SRC.published], r[SRC.url]))
    for name, columns, rows in (
        (schema.INCIDENTS_FILE, schema.INCIDENT_COLUMNS, incidents),
        (schema.SOURCES_FILE, schema.SOURCE_COLUMNS, sources),
    ):
        with open(directory / name, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(columns), lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({c: row.get(c, "") for c in columns})
    return directory


def unvalidated_load(data_dir):
    """Load the CSVs typed like ``tracker.dataset.load`` but WITHOUT validation.

    Lets the tests feed the dashboard rows the validator would refuse (a ``javascript:`` URL),
    to check the views stay safe on their own (defence in depth).
    """
    from tracker.dataset import Dataset

    def read(name, date_columns, number_columns):
        frame = pd.read_csv(
            pathlib.Path(data_dir) / name, dtype=str, keep_default_na=False, na_values=[]
        )
        for column in date_columns:
            frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
        for column in number_columns:
            frame[column] = pd.to_numeric(frame[column].replace("", None)).astype(float)
        return frame

    return Dataset(
        read(
            schema.INCIDENTS_FILE,
            (INC.date, INC.end_date),
            (INC.latitude, INC.longitude, INC.radius_km),
        ),
        read(schema.SOURCES_FILE, (SRC.published,), ()),
    )


def sample_dataset() -> tuple[list[dict], list[dict]]:
    """Five incidents in three regions with sources (one disputed), all valid."""
    incidents = [
        incident(),
        incident(
            **{
                INC.id: "2024-04-02-tallinn",
                INC.date: "2024-04-02",
                INC.location: "Tallinn",
                INC.latitude: 59.44,
                INC.longitude: 24.75,
                INC.country: "EE",
                INC.interference: "spoofing",
                INC.confidence: "confirmed",
            }
        ),
        incident(
            **{
                INC.id: "2023-11-01-larnaca",
                INC.date: "2023-11-01",
                INC.date_precision: "month",
                INC.location: "Larnaca",
                INC.latitude: 34.9,
                INC.longitude: 33.6,
                INC.country: "CY",
                INC.region: "Eastern Mediterranean",
                INC.interference: "both",
                INC.confidence: "disputed",
                INC.summary: "<b>Bold</b> <img src=x onerror=alert(1)> claim & more",
            }
        ),
        incident(
            **{
                INC.id: "2024-02-10-gulf-of-finland",
                INC.date: "2024-02-10",
                INC.location: "Gulf of Finland",
                INC.latitude: 59.8,
                INC.longitude: 26.0,
                INC.radius_km: 120,
                INC.geocode_precision: "area",
                INC.country: "",
                INC.interference: "jamming",
            }
        ),
        incident(
            **{
                INC.id: "2024-05-20-tel-aviv",
                INC.date: "2024-05-20",
                INC.location: "Tel Aviv",
                INC.latitude: 32.0,
                INC.longitude: 34.8,
                INC.country: "IL",
                INC.region: "Middle East",
                INC.interference: "spoofing",
            }
        ),
    ]
    sources = [source(r[INC.id]) for r in incidents]
    sources.append(
        source(
            "2023-11-01-larnaca",
            **{
                SRC.url: "https://example.com/denial",
                SRC.publisher: "Ministry",
                SRC.stance: "disputes",
                SRC.note: "Denies any interference.",
            },
        )
    )
    return incidents, sources
