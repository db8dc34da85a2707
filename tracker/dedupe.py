"""Find incidents that may already describe a new report (same days, nearby place).

Shared by ``gnss-tracker add`` and ``gnss-tracker ingest --apply``: before adding an incident,
offer to attach its source to an existing one instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tracker.schema import INC

__all__ = ["Match", "find_matches", "haversine_km", "EARTH_RADIUS_KM"]

EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Match:
    """An existing incident close to the new one in time and space."""

    incident_id: str
    days_apart: int
    km_apart: float


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in kilometres (works on scalars and numpy arrays).

    >>> round(float(haversine_km(54.6872, 25.2797, 54.6341, 25.2858)), 1)
    5.9
    """
    lat1, lon1, lat2, lon2 = (
        np.radians(np.asarray(v, dtype=float)) for v in (lat1, lon1, lat2, lon2)
    )
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def find_matches(
    incidents: pd.DataFrame,
    date,
    latitude: float,
    longitude: float,
    *,
    days: int = 1,
    km: float = 100.0,
    end_date=None,
) -> list[Match]:
    """Incidents within ``days`` days and ``km`` kilometres of a new report, closest first.

    An existing incident spanning several days (``end_date``) matches any date in its span,
    give or take ``days``; so does a new report with its own ``end_date``.

    :param incidents: the incidents frame (``date`` as datetime64, coordinates as floats).
    :param date: the new report's first day (anything :class:`pandas.Timestamp` accepts).
    :param latitude: WGS84 degrees.
    :param longitude: WGS84 degrees.
    :param days: tolerance in days, inclusive.
    :param km: tolerance in kilometres, inclusive.
    :param end_date: the new report's last day, if it spans several.
    :returns: matches sorted by days then distance; empty when nothing is close.
    :raises ValueError: for a missing date or non-finite coordinates.
    """
    if not (math.isfinite(float(latitude)) and math.isfinite(float(longitude))):
        raise ValueError("coordinates must be finite numbers")
    start = pd.Timestamp(date)
    if pd.isna(start):
        raise ValueError("a date is required")
    start = start.tz_localize(None) if start.tzinfo else start
    finish = pd.Timestamp(end_date) if end_date is not None and not pd.isna(end_date) else start
    finish = finish.tz_localize(None) if finish.tzinfo else finish
    if incidents.empty:
        return []
    first = pd.to_datetime(incidents[INC.date]).dt.tz_localize(None).dt.normalize()
    last = pd.to_datetime(incidents[INC.end_date]).dt.tz_localize(None).dt.normalize()
    last = last.fillna(first).where(last >= first, first)
    # Gap in days between the two intervals; 0 when they overlap.
    gap = np.maximum((first - finish.normalize()).dt.days, (start.normalize() - last).dt.days)
    gap = gap.clip(lower=0)
    distance = haversine_km(
        incidents[INC.latitude].to_numpy(float),
        incidents[INC.longitude].to_numpy(float),
        float(latitude),
        float(longitude),
    )
    close = (gap <= days).to_numpy() & (np.nan_to_num(distance, nan=np.inf) <= km)
    matches = [
        Match(str(ident), int(g), round(float(d), 1))
        for ident, g, d in zip(
            incidents[INC.id].to_numpy()[close],
            gap.to_numpy()[close],
            distance[close],
            strict=True,
        )
    ]
    return sorted(matches, key=lambda m: (m.days_apart, m.km_apart, m.incident_id))
