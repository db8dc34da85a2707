"""Aggregate published figures ("1,022 reports in June", "27.4% of flights"): not incidents."""

from __future__ import annotations

import datetime as dt

from tracker.ingest.readers import Report

__all__ = ["extract_figures"]


def extract_figures(report: Report, *, published: dt.date | None = None) -> list:
    return []
