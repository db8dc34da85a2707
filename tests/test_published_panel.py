"""The dashboard's published-figures panel: its view and callback, called directly."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from dash import html
from figure_helpers import figure_row, sample_figures, write_figures

from tracker.dashboard import create_app, published_panel
from tracker.dashboard.ids import URL
from tracker.filters import Filters
from tracker.schema import FIG


def _frame(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    for column in (FIG.period_start, FIG.period_end, FIG.published):
        frame[column] = pd.to_datetime(frame[column].replace("", None), format="%Y-%m-%d")
    frame[FIG.value] = frame[FIG.value].astype(float)
    return frame


def _walk(component):
    """Every component and string in a Dash tree, depth first."""
    yield component
    children = getattr(component, "children", None)
    if children is None:
        return
    for child in children if isinstance(children, list | tuple) else [children]:
        yield from _walk(child)


def _strings(children) -> list[str]:
    return [c for root in children for c in _walk(root) if isinstance(c, str)]


def _links(children) -> list[html.A]:
    return [c for root in children for c in _walk(root) if isinstance(c, html.A)]


FIGURES = _frame(
    figure_row(**{FIG.id: "pl-2024-03", FIG.value: "1022"}),
    figure_row(
        **{
            FIG.id: "world-2024",
            FIG.area: "World",
            FIG.area_kind: "global",
            FIG.period_start: "2024-01-01",
            FIG.period_end: "2024-12-31",
            FIG.value: "27.4",
            FIG.unit: "percent",
        }
    ),
    figure_row(
        **{
            FIG.id: "iq-2023",
            FIG.area: "Baghdad FIR",
            FIG.area_kind: "fir",
            FIG.period_start: "2023-09-01",
            FIG.period_end: "2023-09-28",
        }
    ),
)


def test_regional_and_worldwide_figures_are_separate_and_labelled():
    status, children = published_panel.panel_children(
        FIGURES, Filters(region=("Baltic Sea region",))
    )
    assert status == (
        "1 published figure for Baltic Sea region, all dates, and 1 worldwide figure for the "
        "same dates."
    )
    local, world = children
    assert isinstance(local, html.Table) and isinstance(world, html.Details)
    texts = _strings([local])
    assert "Published figures for Baltic Sea region, all dates" in texts  # the caption
    assert "1,022 reports" in texts and "Poland" in texts
    assert "27.4 percent" in _strings([world])
    assert "Worldwide figures for the same dates (1)" in _strings([world])


def test_headers_are_column_headers():
    _, children = published_panel.panel_children(FIGURES)
    headers = [c for c in _walk(children[0]) if isinstance(c, html.Th)]
    assert [h.children for h in headers] == list(published_panel.HEADERS)
    assert all(h.scope == "col" for h in headers)


def test_dates_and_regions_select():
    status, children = published_panel.panel_children(FIGURES, Filters(region=("Middle East",)))
    assert status.startswith("1 published figure for Middle East")
    assert "Baghdad FIR" in _strings(children)
    status, children = published_panel.panel_children(
        FIGURES, Filters(region=("East Asia",), date_from=pd.Timestamp("2025-01-01").date())
    )
    assert status == "No published figures for East Asia, 2025-01-01 to today."
    assert _strings(children) == ["No published figure covers this selection."]


def test_only_http_links_and_text_stays_text():
    hostile = _frame(
        figure_row(
            **{
                FIG.id: "bad",
                FIG.url: "javascript:alert(1)",
                FIG.metric: "<img src=x onerror=alert(1)>",
            }
        ),
        figure_row(**{FIG.id: "good", FIG.url: "https://example.org/ok"}),
    )
    _, children = published_panel.panel_children(hostile)
    assert [a.href for a in _links(children)] == ["https://example.org/ok"]
    texts = _strings(children)
    assert "javascript:alert(1)" in texts  # shown, as text only
    assert "<img src=x onerror=alert(1)>" in texts
    assert not [c for root in children for c in _walk(root) if isinstance(c, html.Img)]


def test_callback_reads_the_url_and_the_file(small_dataset: Path):
    write_figures(small_dataset, sample_figures(3))
    status, children = published_panel.panel_outputs(
        "?country=PL&from=2024-02-10&to=2024-02-20", small_dataset
    )
    assert status.startswith("1 published figure for PL, 2024-02-10 to 2024-02-20")
    assert "102 reports" in _strings(children)


def test_missing_file_means_no_figures(small_dataset: Path):
    status, _ = published_panel.panel_outputs("", small_dataset)
    assert status == "No published figures for all regions, all dates."


def test_bad_file_is_reported_not_raised(small_dataset: Path):
    rows = sample_figures(2)
    rows[1][FIG.value] = "lots"
    write_figures(small_dataset, rows)
    status, children = published_panel.panel_outputs("", small_dataset)
    assert status == "figures.csv has 1 problem (run gnss-tracker validate)"
    assert any("figures.csv:3:7: value:" in text for text in _strings(children))


def test_oversized_or_non_text_query_is_ignored(small_dataset: Path):
    assert published_panel.panel_outputs("?" + "x" * 20_000, small_dataset) == ("", [])
    assert published_panel.panel_outputs(["?region=x"], small_dataset) == ("", [])


def test_the_dashboard_places_and_wires_the_panel(small_dataset: Path):
    app = create_app(small_dataset)
    layout = app.layout()
    placed = {c.id for c in _walk(layout) if isinstance(getattr(c, "id", None), str)}
    assert set(published_panel.IDS) <= placed
    outputs = [key for key in app.callback_map if published_panel.STATUS in key]
    assert len(outputs) == 1
    assert app.callback_map[outputs[0]]["inputs"] == [{"id": URL, "property": "search"}]
