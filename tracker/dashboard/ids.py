"""Component ids of the dashboard, in one place (kebab-case, as the browser tests see them)."""

from __future__ import annotations

__all__ = [name for name in dir() if name.isupper()]

URL = "url"
FILTERS_STORE = "filters-store"

# Filters (sidebar)
DATES = "filter-dates"
INTERFERENCE = "filter-interference"
REGION = "filter-region"
COUNTRY = "filter-country"
CONFIDENCE = "filter-confidence"
TEXT = "filter-text"
RESET = "filter-reset"
CLEAR_AREA = "filter-clear-area"
ACTIVE = "filter-active"
SHOWN = "filter-shown"

# Header
HEADER_TOTAL = "header-total"
HEADER_SPAN = "header-span"
HEADER_UPDATED = "header-updated"
DATA_ERROR = "data-error"

# Views
MAP = "map-graph"
MAP_LAYERS = "map-layers"
TIMELINE = "timeline-graph"
REGION_BARS = "region-bars"
REGION_TABLE = "region-table"
REGION_NOTE = "region-note"
COUNTRY_BARS = "country-bars"
COUNTRY_TABLE = "country-table"
COUNTRY_NOTE = "country-note"
DETAIL = "incident-detail"
DETAIL_CLOSE = "incident-detail-close"
DETAIL_CARD = "incident-detail-card"
#: Text alternatives of the charts (a sentence each, under the chart).
MAP_SUMMARY = "map-summary"
TIMELINE_SUMMARY = "timeline-summary"
REGION_SUMMARY = "region-summary"
COUNTRY_SUMMARY = "country-summary"
#: Number of traces in the map figure as last drawn (the selection ring is the last one).
MAP_META = "map-meta"

# Small screens
FILTERS_TOGGLE = "filters-toggle"
SIDEBAR = "filters-panel"

__all__ = [name for name in dict(globals()) if name.isupper()]
