"""The dashboard's "Published figures" panel: counts published by others, beside our incidents.

A self-contained piece of the page: it owns its component ids (:data:`IDS`), its layout
(:func:`panel`), its pure view (:func:`panel_children`) and its one callback (:func:`register`),
which reads only the page URL. The dashboard places :func:`panel` and calls :func:`register`;
nothing else in the dashboard knows about figures.

The panel lists the rows of ``figures.csv`` whose period overlaps the selected dates and whose
area lies in the selected regions or countries (:func:`tracker.published.select_figures`), with
worldwide figures in a separate, collapsed table. Every heading and caption says these are
numbers published by others (pilot reports, affected flights, days with jamming, as each
publisher counts them), not incidents of this dataset and not added to its counts.

Safety: every cell is plain text (Dash renders strings as text, never HTML), and only ``http``
and ``https`` addresses become links.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from dash import Dash, Input, Output, html

from tracker import dataset, published, safety, schema
from tracker.errors import DataValidationError, TrackerError
from tracker.filters import Filters
from tracker.schema import FIG

__all__ = [
    "PANEL",
    "TITLE_ID",
    "STATUS",
    "BODY",
    "IDS",
    "TITLE",
    "EXPLANATION",
    "MAX_ROWS",
    "HEADERS",
    "panel",
    "panel_children",
    "panel_outputs",
    "load_figures",
    "register",
]

logger = logging.getLogger(__name__)

PANEL = "published-figures"
TITLE_ID = "published-figures-title"
STATUS = "published-figures-status"
BODY = "published-figures-body"
#: Every component id this panel creates.
IDS = (PANEL, TITLE_ID, STATUS, BODY)

TITLE = "Published figures: counts by others, not our incidents"
EXPLANATION = (
    "Aggregate numbers that authorities, airlines and researchers published for the selected "
    "regions and dates: pilot reports, affected flights, days with jamming, each as its "
    "publisher counts them. They are not incidents of this dataset and are not added to its "
    "counts; follow the source link for how each was measured."
)
#: Rows shown per table; a selection with more says how many were left out.
MAX_ROWS = 200

#: Column headers of the panel's tables.
HEADERS = ("Period", "Area", "What was counted", "Value", "Measured by", "Source")


def _signature(data_dir: Path) -> tuple | None:
    try:
        info = (data_dir / schema.FIGURES_FILE).stat()
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


def load_figures(data_dir: Path | str, *, loader: Callable | None = None) -> pd.DataFrame:
    """The published figures of ``data_dir``, cached until ``figures.csv`` changes.

    :param loader: ``loader(data_dir) -> DataFrame``; :func:`tracker.dataset.load_figures` (which
        validates) by default.
    :raises DataValidationError: the file breaks a rule (the panel says so instead of a table).
    """
    path = Path(data_dir).resolve()
    return _cached(path, _signature(path), loader or dataset.load_figures)


@functools.lru_cache(maxsize=4)
def _cached(data_dir: Path, signature: tuple | None, loader: Callable) -> pd.DataFrame:
    del signature  # part of the cache key only
    return loader(data_dir)


def _link(url: str) -> html.A | str:
    safe = safety.link_url(url)
    if safe is None:
        return url  # shown as text, never as a link
    return html.A("source", href=safe, target="_blank", rel="noopener noreferrer")


def _table(rows: list[dict[str, str]], caption: str) -> html.Table:
    head = html.Thead(html.Tr([html.Th(h, scope="col") for h in HEADERS]))
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Td(row["period"], className="text-nowrap"),
                    html.Td(row["area"]),
                    html.Td(
                        [row["metric"], html.Br(), html.Small(row["note"], className="text-muted")]
                        if row["note"]
                        else row["metric"]
                    ),
                    html.Td(row["value"], className="text-end text-nowrap"),
                    html.Td([row["measured_by"], html.Br(), html.Small(row["publisher"])]),
                    html.Td(_link(row["url"])),
                ]
            )
            for row in rows[:MAX_ROWS]
        ]
    )
    return html.Table(
        [html.Caption(caption), head, body],
        className="table table-sm published-figures-table",
    )


def _scope(filters: Filters) -> str:
    parts = []
    places = [*filters.region, *filters.country]
    parts.append(", ".join(places) if places else "all regions")
    if filters.date_from or filters.date_to:
        start = filters.date_from.isoformat() if filters.date_from else "the start"
        end = filters.date_to.isoformat() if filters.date_to else "today"
        parts.append(f"{start} to {end}")
    else:
        parts.append("all dates")
    return ", ".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def panel_children(figures: pd.DataFrame, filters: Filters | None = None) -> tuple[str, list]:
    """The panel's status line and body for a selection (pure: no app, no I/O).

    :param figures: the figures table (typed as :func:`tracker.dataset.load_figures` gives it).
    :param filters: the dashboard's filters; ``None`` selects everything.
    :returns: ``(status, children)``: a sentence for the live status line, and the tables.
    """
    filters = filters or Filters()
    chosen = published.select_figures(figures, filters)
    is_global = (chosen[FIG.area_kind] == "global").to_numpy(dtype=bool)
    local, worldwide = chosen[~is_global], chosen[is_global]
    scope = _scope(filters)
    if chosen.empty:
        return f"No published figures for {scope}.", [
            html.P("No published figure covers this selection.", className="empty-note")
        ]
    status = (
        f"{_plural(len(local), 'published figure')} for {scope}, and "
        f"{_plural(len(worldwide), 'worldwide figure')} for the same dates."
    )
    children: list = []
    if len(local):
        children.append(_table(published.display_rows(local), f"Published figures for {scope}"))
    else:
        children.append(
            html.P("No regional or national figure covers this selection.", className="empty-note")
        )
    if len(local) > MAX_ROWS:
        children.append(html.P(f"Showing the newest {MAX_ROWS} of {len(local):,}."))
    if len(worldwide):
        children.append(
            html.Details(
                [
                    html.Summary(f"Worldwide figures for the same dates ({len(worldwide):,})"),
                    _table(published.display_rows(worldwide), "Worldwide published figures"),
                ],
                className="published-figures-world",
            )
        )
    return status, children


def panel_outputs(search, data_dir: Path | str, *, loader: Callable | None = None) -> tuple:
    """The callback's ``(status, children)`` for a page URL query string."""
    from tracker.dashboard.state import ViewState

    if not safety.query_accepted(search):
        return "", []
    try:
        figures = load_figures(data_dir, loader=loader)
    except DataValidationError as err:
        errors = [p for p in err.problems if p.is_error]
        first = errors[0].format() if errors else ""
        message = f"figures.csv has {_plural(len(errors), 'problem')} (run gnss-tracker validate)"
        return message, [html.P([message, html.Br(), html.Code(first)], className="text-danger")]
    except (TrackerError, OSError, ValueError) as err:
        logger.warning("cannot read published figures in %s: %s", data_dir, err)
        return "Published figures could not be read.", []
    return panel_children(figures, ViewState.from_query(search).filters)


def panel() -> html.Section:
    """The panel's layout: a card whose status and body :func:`register`'s callback fills."""
    return html.Section(
        [
            html.Div(
                html.H2(TITLE, className="card-title h6 mb-0", id=TITLE_ID),
                className="card-header",
            ),
            html.Div(
                [
                    html.P(EXPLANATION, className="small mb-2"),
                    html.P(
                        id=STATUS, className="small fw-semibold mb-2", **{"aria-live": "polite"}
                    ),
                    # Scrolls sideways on a phone; focusable so keyboard users can scroll it.
                    html.Div(
                        id=BODY,
                        className="published-figures-body",
                        tabIndex=0,
                        role="region",
                        **{"aria-label": "Published figures for the selection"},
                    ),
                ],
                className="card-body",
            ),
        ],
        id=PANEL,
        className="card shadow-sm published-figures-card",
        **{"aria-labelledby": TITLE_ID},
    )


def register(app: Dash, *, url: str, data_dir: Path | str, loader: Callable | None = None):
    """Attach the panel's callback: the page URL (``Input(url, "search")``) drives it."""

    @app.callback(Output(STATUS, "children"), Output(BODY, "children"), Input(url, "search"))
    def _published_figures(search):
        return panel_outputs(search, data_dir, loader=loader)
