"""Component ids of the incident list (kebab-case; the browser tests use them)."""

from __future__ import annotations

#: The card.
CARD = "incident-list"
#: The ``<table>`` (caption, head and body come from the callback).
TABLE = "incident-list-table"
#: The scrolling box around the table.
SCROLL = "incident-list-scroll"
#: "Page 2 of 7 · 163 incidents".
STATUS = "incident-list-status"
PREV = "incident-list-prev"
NEXT = "incident-list-next"
#: The list's sort and page (a ``dcc.Store``).
STATE = "incident-list-state"
#: Pattern-matching id type of each row's open button: ``{"type": OPEN, "id": incident id}``.
OPEN = "incident-list-open"
#: Pattern-matching id type of each sortable header: ``{"type": SORT, "key": column key}``.
SORT = "incident-list-sort"

__all__ = [name for name in dict(globals()) if name.isupper()]
