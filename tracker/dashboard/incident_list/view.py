"""The incident list's components: the card (static) and the table's content (per page).

A plain HTML table: a caption, column headers that are buttons (with ``aria-sort`` on the sorted
column), one row per incident whose place is a button opening it, the selected row marked with
``aria-current``. Every value is a text child, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from dash import dcc, html

from tracker.dashboard.incident_list import ids
from tracker.dashboard.incident_list.model import COLUMNS, ListPage, ListState
from tracker.figures import TYPE_COLORS

__all__ = ["card", "table_children", "status_text"]

_NO_MATCH = "No incidents match these filters."


def card() -> html.Section:
    """The list's card; the callback fills the table and the status line."""
    pager = html.Div(
        [
            html.Button(
                "Previous page",
                id=ids.PREV,
                n_clicks=0,
                type="button",
                disabled=True,
                className="btn btn-outline-secondary btn-sm",
            ),
            html.Span(id=ids.STATUS, className="list-status", role="status"),
            html.Button(
                "Next page",
                id=ids.NEXT,
                n_clicks=0,
                type="button",
                disabled=True,
                className="btn btn-outline-secondary btn-sm",
            ),
        ],
        className="list-pager",
    )
    return html.Section(
        [
            html.Div(
                [
                    html.H2("Incidents", className="card-title h6 mb-0", id=f"{ids.CARD}-title"),
                    html.Span(
                        "Choose a place to open the incident · headers sort",
                        className="text-muted small card-hint",
                    ),
                ],
                className="card-header d-flex align-items-center justify-content-between",
            ),
            html.Div(
                [
                    dcc.Store(id=ids.STATE, data=ListState().to_store()),
                    html.Div(
                        html.Table(id=ids.TABLE, className="table table-sm incident-table mb-0"),
                        id=ids.SCROLL,
                        className="incident-list-scroll",
                        # A keyboard user can scroll the box too (when it overflows).
                        tabIndex=0,
                        role="region",
                        **{"aria-labelledby": f"{ids.CARD}-title"},
                    ),
                    pager,
                ],
                className="card-body",
            ),
        ],
        id=ids.CARD,
        className="card shadow-sm list-card",
    )


def status_text(page: ListPage) -> str:
    """``Page 2 of 7 · 163 incidents`` (``No incidents`` when none match)."""
    if page.total == 0:
        return "No incidents"
    noun = "incident" if page.total == 1 else "incidents"
    return f"Page {page.page + 1} of {page.pages} · {page.total:,} {noun}"


def _header(state: ListState, extra_labels: Sequence[str]) -> html.Thead:
    cells = []
    for column in COLUMNS:
        sorted_here = column.key == state.sort
        direction = "descending" if state.descending else "ascending"
        arrow = ("▼" if state.descending else "▲") if sorted_here else "↕"
        cells.append(
            html.Th(
                html.Button(
                    [
                        column.label,
                        html.Span(arrow, className="sort-arrow", **{"aria-hidden": "true"}),
                    ],
                    id={"type": ids.SORT, "key": column.key},
                    n_clicks=0,
                    type="button",
                    className="sort-button",
                    title=f"Sort by {column.label.lower()}",
                ),
                scope="col",
                className=f"col-{column.key}",
                **({"aria-sort": direction} if sorted_here else {}),
            )
        )
    cells += [html.Th(label, scope="col", className="col-extra") for label in extra_labels]
    return html.Thead(html.Tr(cells))


def _row(row: dict, *, selected: bool) -> html.Tr:
    swatch = html.Span(
        className="swatch", style={"backgroundColor": TYPE_COLORS.get(row["type_code"], "#777")}
    )
    cells = [
        html.Td(row["date"], className="col-date"),
        html.Td(
            html.Button(
                row["place"] or row["id"],
                id={"type": ids.OPEN, "id": row["id"]},
                n_clicks=0,
                type="button",
                className="row-open",
                title="Open this incident",
            ),
            className="col-place",
        ),
        html.Td(row["country"], className="col-country"),
        html.Td([swatch, row["type"]], className="col-type"),
        html.Td(row["phase"], className="col-phase"),
        html.Td(row["who"], className="col-who"),
        html.Td(row["confidence"], className=f"col-confidence conf-{row['confidence']}"),
        html.Td(str(row["sources"]), className="col-sources"),
    ]
    cells += [html.Td(value, className="col-extra") for value in row["extra"]]
    attrs = {"aria-current": "true"} if selected else {}
    return html.Tr(
        cells, className="is-selected" if selected else "", id=f"incident-row-{row['id']}", **attrs
    )


def table_children(page: ListPage, extra_labels: Sequence[str] = ()) -> list:
    """Caption, header and body of the table for one page."""
    state = page.state
    column = next(c for c in COLUMNS if c.key == state.sort)
    direction = "descending" if state.descending else "ascending"
    caption = html.Caption(
        f"Incidents matching the filters, sorted by {column.label.lower()} ({direction}). "
        f"{status_text(page)}.",
        className="visually-hidden",
    )
    if page.rows:
        body = [_row(r, selected=i == page.selected_row) for i, r in enumerate(page.rows)]
    else:
        body = [
            html.Tr(
                html.Td(_NO_MATCH, colSpan=len(COLUMNS) + len(extra_labels), className="empty-row")
            )
        ]
    return [caption, _header(state, extra_labels), html.Tbody(body)]
