"""A small, varied dataset for the export tests, built by code in a temporary folder."""

from __future__ import annotations

from pathlib import Path

from helpers import incident_row, source_row, write_dataset

from tracker.schema import INC, SRC

# (id, date, location, lat, lon, country, region, interference, confidence, radius_km)
_INCIDENTS = [
    (
        "2024-01-05-london",
        "2024-01-05",
        "London",
        "51.5074",
        "-0.1278",
        "GB",
        "Europe (other)",
        "jamming",
        "reported",
        "",
    ),
    (
        "2024-02-11-vilnius",
        "2024-02-11",
        "Vilnius",
        "54.6872",
        "25.2797",
        "LT",
        "Baltic Sea region",
        "jamming",
        "confirmed",
        "",
    ),
    (
        "2024-03-20-tallinn",
        "2024-03-20",
        "Tallinn",
        "59.437",
        "24.7536",
        "EE",
        "Baltic Sea region",
        "spoofing",
        "reported",
        "",
    ),
    (
        "2024-05-02-larnaca",
        "2024-05-02",
        "Larnaca",
        "34.8751",
        "33.6249",
        "CY",
        "Eastern Mediterranean",
        "spoofing",
        "disputed",
        "120",
    ),
    (
        "2024-07-14-gdansk",
        "2024-07-14",
        "Gdansk",
        "54.3520",
        "18.6466",
        "PL",
        "Baltic Sea region",
        "both",
        "unverified",
        "",
    ),
    (
        "2024-09-30-helsinki",
        "2024-09-30",
        "Helsinki",
        "60.3172",
        "24.9633",
        "FI",
        "Baltic Sea region",
        "unknown",
        "reported",
        "",
    ),
]

#: Incidents per interference type in :func:`make_export_dataset`.
JAMMING_IDS = ["2024-01-05-london", "2024-02-11-vilnius"]
BALTIC_IDS = [
    "2024-02-11-vilnius",
    "2024-03-20-tallinn",
    "2024-07-14-gdansk",
    "2024-09-30-helsinki",
]


def make_export_dataset(folder: Path) -> Path:
    """Six valid incidents over four countries and all interference types; Larnaca has two
    sources and a radius, London a negative longitude."""
    incidents, sources = [], []
    for ident, day, place, lat, lon, country, region, kind, confidence, radius in _INCIDENTS:
        incidents.append(
            incident_row(
                **{
                    INC.id: ident,
                    INC.date: day,
                    INC.location: place,
                    INC.latitude: lat,
                    INC.longitude: lon,
                    INC.country: country,
                    INC.region: region,
                    INC.interference: kind,
                    INC.confidence: confidence,
                    INC.radius_km: radius,
                    INC.geocode_precision: "area" if radius else "city",
                    INC.summary: f"Synthetic {kind} report near {place}.",
                }
            )
        )
        sources.append(
            source_row(
                **{
                    SRC.incident_id: ident,
                    SRC.url: f"https://example.org/{ident}",
                    SRC.published: day,
                }
            )
        )
    sources.append(
        source_row(
            **{
                SRC.incident_id: "2024-05-02-larnaca",
                SRC.url: "https://example.net/larnaca-denial",
                SRC.publisher: "Example Authority",
                SRC.published: "2024-05-03",
                SRC.stance: "disputes",
                SRC.note: "Denies that the aircraft lost GNSS.",
            }
        )
    )
    sources.sort(key=lambda s: (s[SRC.incident_id], s[SRC.published], s[SRC.url]))
    return write_dataset(folder, incidents, sources)
