"""The incident list's content: filter, sort and page the incidents (pandas and numpy only).

Only one page of rows ever leaves the server, so the list costs the same at 100 incidents as at
100,000: the filter mask is the one every view computes, and each column's sort order over the
whole dataset is computed once per version of the data (cached), then narrowed to the filtered
rows in one pass.

>>> state = ListState()
>>> next_list_state(state, "sort", "place").sort, next_list_state(state, "sort", "place").descending
('place', False)
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tracker import figures, schema
from tracker.filters import Filters
from tracker.schema import INC, SRC

__all__ = [
    "COLUMNS",
    "PAGE_SIZE",
    "ListState",
    "ListPage",
    "next_list_state",
    "list_page",
    "date_text",
]

#: Rows per page (a screenful on a laptop; few enough to tab through).
PAGE_SIZE = 25


@dataclass(frozen=True)
class Column:
    """One column of the list: its key (sort key too), header and default sort direction."""

    key: str
    label: str
    descending_first: bool = False


#: The list's columns, in display order.
COLUMNS: tuple[Column, ...] = (
    Column("date", "Date", descending_first=True),
    Column("place", "Place"),
    Column("country", "Country"),
    Column("type", "Type"),
    Column("phase", "Phase"),
    Column("who", "Operator / flight"),
    Column("confidence", "Confidence"),
    Column("sources", "Sources", descending_first=True),
)
_BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True)
class ListState:
    """What the user chose: sort column and direction, page (0-based), and the incident the
    list last followed (so a new selection pages to it once, and paging away stays put)."""

    sort: str = "date"
    descending: bool = True
    page: int = 0
    followed: str = ""

    def to_store(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_store(cls, value) -> ListState:
        """Parse the browser's copy leniently (it is untrusted): bad fields take defaults."""
        if not isinstance(value, dict):
            return cls()
        sort = value.get("sort")
        page = value.get("page")
        followed = value.get("followed")
        return cls(
            sort=sort if sort in _BY_KEY else "date",
            descending=bool(value.get("descending", True)),
            page=page if isinstance(page, int) and 0 <= page < 10**7 else 0,
            followed=followed if isinstance(followed, str) and len(followed) <= 200 else "",
        )


def next_list_state(state: ListState, action: str | None, value=None) -> ListState:
    """The list state after one action.

    :param action: ``"sort"`` (``value`` the column key: a new column takes its natural direction,
        the same column flips it), ``"prev"``, ``"next"``, ``"filters"`` (back to the first page),
        or ``None`` (nothing changes).
    """
    if action == "sort" and value in _BY_KEY:
        if value == state.sort:
            return dataclasses.replace(state, descending=not state.descending, page=0)
        return dataclasses.replace(
            state, sort=value, descending=_BY_KEY[value].descending_first, page=0
        )
    if action == "prev":
        return dataclasses.replace(state, page=max(0, state.page - 1))
    if action == "next":
        return dataclasses.replace(state, page=state.page + 1)
    if action == "filters":
        return dataclasses.replace(state, page=0)
    return state


@dataclass(frozen=True)
class ListPage:
    """One page of the list.

    :param rows: one dict per row: ``id`` and one text per :data:`COLUMNS` key, plus ``extra``
        (the layer columns' texts).
    :param page: the page shown (0-based; clamped to the pages there are).
    :param pages: number of pages (at least 1).
    :param total: incidents matching the filters.
    :param state: the state with the page actually shown.
    :param selected_row: index in ``rows`` of the selected incident, or ``None``.
    """

    rows: list[dict]
    page: int
    pages: int
    total: int
    state: ListState
    selected_row: int | None = None


# --------------------------------------------------------------------------- sort orders


class _OrderCache:
    """Sort orders of one dataset version: ``{key: positions in ascending order}``.

    Holds a reference to the frames it was computed from and compares identity, so a new version
    of the data (a new frame object from the cached loader) never sees an old order.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frame: pd.DataFrame | None = None
        self._sources: pd.DataFrame | None = None
        self._orders: dict[str, np.ndarray] = {}
        self._counts: np.ndarray | None = None

    def _reset_if_new(self, incidents: pd.DataFrame, sources: pd.DataFrame) -> None:
        if self._frame is not incidents or self._sources is not sources:
            self._frame, self._sources = incidents, sources
            self._orders, self._counts = {}, None

    def source_counts(self, incidents: pd.DataFrame, sources: pd.DataFrame) -> np.ndarray:
        """The number of sources of each incident, by row of ``incidents``."""
        with self._lock:
            self._reset_if_new(incidents, sources)
            if self._counts is None:
                self._counts = _count_sources(incidents, sources)
            return self._counts

    def order(self, incidents: pd.DataFrame, sources: pd.DataFrame, key: str) -> np.ndarray:
        counts = self.source_counts(incidents, sources)
        with self._lock:
            hit = self._orders.get(key)
            if hit is None:
                hit = self._orders[key] = _ascending_order(incidents, key, counts)
            return hit


_ORDERS = _OrderCache()


def _text(values: pd.Series) -> pd.Series:
    """Plain strings, ``""`` for missing, whatever the column's dtype (text or category)."""
    plain = values.astype(object)
    return plain.where(plain.notna(), "").astype(str)


def _codes(values: pd.Series) -> np.ndarray:
    """Sortable integer codes of text values (case-insensitive), via a sorted factorisation:
    far cheaper than comparing 100k Python strings."""
    codes, _ = pd.factorize(_text(values).str.casefold(), sort=True)
    return codes


def _arrow_text(values: pd.Series) -> pa.Array | pa.ChunkedArray:
    """Text values as Arrow strings, without a copy when they already are."""
    if not isinstance(values.dtype, pd.StringDtype):
        values = _text(values).astype("str")
    return pa.array(values).cast(pa.large_string())


def _count_sources(incidents: pd.DataFrame, sources: pd.DataFrame) -> np.ndarray:
    """Sources per incident, by row, matched in Arrow's hash table (freed at once): a pandas
    index over a million ids would keep about 100 MB of hash table for the server's life."""
    if not len(incidents) or not len(sources) or SRC.incident_id not in sources:
        return np.zeros(len(incidents), dtype=np.int64)
    ids = _arrow_text(incidents[INC.id])
    if isinstance(ids, pa.ChunkedArray):
        ids = ids.combine_chunks()
    cited = _arrow_text(sources[SRC.incident_id])
    rows = pc.index_in(cited, value_set=ids).fill_null(-1).to_numpy(zero_copy_only=False)
    # Ids are unique in valid data; a repeated id's sources would count on its first row.
    return np.bincount(rows[rows >= 0], minlength=len(incidents)).astype(np.int64)


def _ascending_order(incidents: pd.DataFrame, key: str, counts: np.ndarray) -> np.ndarray:
    n = len(incidents)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    dates = incidents[INC.date].to_numpy(dtype="datetime64[D]").astype("int64")
    if key == "date":
        primary = dates
    elif key == "place":
        primary = _codes(incidents[INC.location])
    elif key == "country":
        names = schema.country_names()
        primary = _codes(_text(incidents[INC.country]).map(lambda c: names.get(c, c)))
    elif key == "type":
        kinds = _text(incidents[INC.interference])
        primary = _codes(kinds.map(figures.TYPE_LABELS).fillna(kinds))
    elif key == "phase":
        primary = _codes(incidents[INC.flight_phase])
    elif key == "who":
        primary = _codes(_text(incidents[INC.operator]) + " " + _text(incidents[INC.flight]))
    elif key == "confidence":
        rank = {level: i for i, level in enumerate(schema.CONFIDENCE_LEVELS)}
        primary = _text(incidents[INC.confidence]).map(rank).fillna(len(rank)).to_numpy("int64")
    elif key == "sources":
        primary = counts
    else:
        raise ValueError(f"unknown sort key {key!r}")
    # Ties broken by date, then by position (lexsort is stable): the same order every time.
    return np.lexsort((dates, primary))


# --------------------------------------------------------------------------- rows


def date_text(incidents: pd.DataFrame) -> list[str]:
    """Dates as the list shows them, with their precision: ``2024-03-10``, ``Mar 2024 (month
    only)``, ``2023 (year only)``, and `` to <end>`` for a period."""
    return list(figures.date_labels(incidents))


def _who(operator: str, flight: str) -> str:
    return " · ".join(v for v in (operator, flight) if v)


#: Columns a page's rows are built from (the others are not copied for the page).
_ROW_COLUMNS = (
    INC.id,
    INC.date,
    INC.date_precision,
    INC.end_date,
    INC.end_date_precision,
    INC.location,
    INC.country,
    INC.interference,
    INC.flight_phase,
    INC.operator,
    INC.flight,
    INC.confidence,
)


def _plain(values: pd.Series) -> list[str]:
    """A page's column as plain strings, ``""`` for missing (a few dozen values: a list
    comprehension costs less than pandas' conversions)."""
    return ["" if v is None or v != v else str(v) for v in values.tolist()]


def _rows(page: pd.DataFrame, counts: np.ndarray, extra: Sequence) -> list[dict]:
    """The list's rows of ``page``, whose numbers of sources are ``counts``."""
    names = schema.country_names()
    dates = date_text(page)
    ids = _plain(page[INC.id])
    sources = [int(c) for c in counts]
    extra_values = [list(column.values(page)) for column in extra]
    rows = []
    columns = (
        INC.location,
        INC.country,
        INC.interference,
        INC.flight_phase,
        INC.operator,
        INC.flight,
        INC.confidence,
    )
    texts = [_plain(page[c]) for c in columns]
    for i, record in enumerate(zip(ids, *texts, strict=True)):
        incident_id, place, country, kind, phase, operator, flight, confidence = record
        rows.append(
            {
                "id": incident_id,
                "date": dates[i],
                "place": place,
                "country": names.get(country, country) if country else "(open sea)",
                "type": figures.TYPE_LABELS.get(kind, kind),
                "type_code": kind,
                "phase": phase,
                "who": _who(operator, flight),
                "confidence": confidence,
                "sources": sources[i],
                "extra": [str(values[i]) for values in extra_values],
            }
        )
    return rows


def list_page(
    incidents: pd.DataFrame,
    sources: pd.DataFrame,
    filters: Filters,
    state: ListState,
    *,
    selected: str = "",
    follow: bool = False,
    page_size: int = PAGE_SIZE,
    extra_columns: Sequence = (),
    extra_mask=None,
) -> ListPage:
    """The page of filtered incidents to show.

    :param incidents: every incident (the loader's frame); not modified.
    :param sources: every source (for the number of sources per incident).
    :param filters: the filters of every view (text search included).
    :param state: sort and page.
    :param selected: the incident open in the detail panel (``""`` for none).
    :param follow: page to ``selected`` if it is among the filtered incidents.
    :param extra_columns: :class:`tracker.dashboard.layers.IncidentColumn` of the layers on.
    :param extra_mask: a boolean array over ``incidents`` narrowing them further (a map layer's
        own filter), or None.
    """
    order = _ORDERS.order(incidents, sources, state.sort)
    if state.descending:
        order = order[::-1]
    mask = None if filters.is_empty else filters.mask(incidents)
    if extra_mask is not None:
        extra_mask = np.asarray(extra_mask, dtype=bool)
        mask = extra_mask if mask is None else (mask & extra_mask)
    if mask is not None:
        order = order[mask[order]]
    total = len(order)
    pages = max(1, -(-total // page_size))
    page = min(state.page, pages - 1)
    if follow and selected:
        ids = incidents[INC.id].to_numpy(dtype=object)  # a category's values compare as text
        where = np.flatnonzero(ids[order] == selected)
        if len(where):
            page = int(where[0]) // page_size
    positions = order[page * page_size : (page + 1) * page_size]
    # Layer columns may read any column; without them, only the columns the rows show.
    columns = [c for c in _ROW_COLUMNS if c in incidents.columns]
    frame = (incidents if extra_columns else incidents[columns]).iloc[positions]
    rows = _rows(frame, _ORDERS.source_counts(incidents, sources)[positions], extra_columns)
    selected_row = next((i for i, r in enumerate(rows) if selected and r["id"] == selected), None)
    new_state = dataclasses.replace(
        state, page=page, followed=selected if follow else state.followed
    )
    return ListPage(rows, page, pages, total, new_state, selected_row)
