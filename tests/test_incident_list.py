"""The incident list's model and callbacks, called directly (no browser)."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import plotly.graph_objects as go
import pytest
from dash.exceptions import PreventUpdate
from dashboard_data import incident, incidents_frame, sample_dataset, source, write_dataset

from tracker.dashboard import callbacks, incident_list, views
from tracker.dashboard.incident_list import ids as list_ids
from tracker.dashboard.incident_list.model import (
    PAGE_SIZE,
    ListState,
    list_page,
    next_list_state,
)
from tracker.dashboard.layers import IncidentColumn, MapLayer
from tracker.filters import Filters
from tracker.schema import INC


@pytest.fixture
def data_dir(tmp_path):
    incidents, sources = sample_dataset()
    return write_dataset(tmp_path / "data", incidents, sources)


@pytest.fixture
def frames():
    incidents, sources = sample_dataset()
    import pandas as pd

    return incidents_frame(incidents), pd.DataFrame(sources)


def _ids(page) -> list[str]:
    return [r["id"] for r in page.rows]


# --------------------------------------------------------------------------- state


def test_sorting_a_new_column_takes_its_natural_direction_and_the_same_column_flips():
    state = ListState(page=3)
    by_place = next_list_state(state, "sort", "place")
    assert (by_place.sort, by_place.descending, by_place.page) == ("place", False, 0)
    assert next_list_state(by_place, "sort", "place").descending is True
    by_sources = next_list_state(state, "sort", "sources")
    assert by_sources.descending is True  # most sourced first
    assert next_list_state(state, "sort", "no-such-column") == state


def test_paging_actions():
    state = ListState(page=2)
    assert next_list_state(state, "next").page == 3
    assert next_list_state(state, "prev").page == 1
    assert next_list_state(ListState(page=0), "prev").page == 0
    assert next_list_state(state, "filters").page == 0
    assert next_list_state(state, None) == state


def test_state_from_the_browser_is_parsed_leniently():
    assert ListState.from_store(None) == ListState()
    assert ListState.from_store("junk") == ListState()
    bad = ListState.from_store({"sort": "<script>", "page": -4, "followed": 7})
    assert bad == ListState()
    good = ListState(sort="country", descending=False, page=2, followed="2024-03-10-riga")
    assert ListState.from_store(good.to_store()) == good


# --------------------------------------------------------------------------- pages


def test_default_order_is_newest_first_with_dates_and_their_precision(frames):
    incidents, sources = frames
    page = list_page(incidents, sources, Filters(), ListState())
    assert _ids(page) == [
        "2024-05-20-tel-aviv",
        "2024-04-02-tallinn",
        "2024-03-10-riga",
        "2024-02-10-gulf-of-finland",
        "2023-11-01-larnaca",
    ]
    larnaca = page.rows[-1]
    assert larnaca["date"] == "Nov 2023 (month only)"
    assert larnaca["sources"] == 2
    assert larnaca["type"] == "Jamming and spoofing"
    assert page.rows[3]["country"] == "(open sea)"
    assert page.rows[0]["who"] == "Test Air · TA123"
    assert (page.total, page.pages, page.page) == (5, 1, 0)


@pytest.mark.parametrize(
    ("key", "descending", "first"),
    [
        ("place", False, "Gulf of Finland"),
        ("place", True, "Tel Aviv"),
        ("country", False, "Gulf of Finland"),  # open sea (no country) first, then Cyprus
        ("confidence", False, "Tallinn"),  # confirmed before reported
        ("sources", True, "Larnaca"),
        ("type", False, None),
    ],
)
def test_sorting_by_each_column(frames, key, descending, first):
    incidents, sources = frames
    page = list_page(incidents, sources, Filters(), ListState(sort=key, descending=descending))
    places = [r["place"] for r in page.rows]
    if key == "type":
        # Case-insensitive text order: "Jamming" < "Jamming and spoofing" < "Spoofing".
        assert [r["type"] for r in page.rows] == sorted(
            (r["type"] for r in page.rows), key=str.casefold
        )
        return
    assert places[0] == first


def test_filters_and_text_search_narrow_the_list(frames):
    incidents, sources = frames
    spoofing = list_page(incidents, sources, Filters(interference=("spoofing",)), ListState())
    assert sorted(_ids(spoofing)) == ["2024-04-02-tallinn", "2024-05-20-tel-aviv"]
    searched = list_page(incidents, sources, Filters(text="larnaca"), ListState())
    assert _ids(searched) == ["2023-11-01-larnaca"]
    nothing = list_page(incidents, sources, Filters(text="no such place"), ListState())
    assert (nothing.rows, nothing.total, nothing.pages) == ([], 0, 1)
    # A layer's own filter narrows it further.
    keep = (incidents[INC.country] == "EE").to_numpy()
    narrowed = list_page(incidents, sources, Filters(), ListState(), extra_mask=keep)
    assert _ids(narrowed) == ["2024-04-02-tallinn"]


def _many(n: int):
    import pandas as pd

    rows = [
        incident(
            **{
                INC.id: f"{(dt.date(2024, 1, 1) + dt.timedelta(days=i)).isoformat()}-riga-{i}",
                INC.date: (dt.date(2024, 1, 1) + dt.timedelta(days=i)).isoformat(),
                INC.location: f"Place {i:03d}",
            }
        )
        for i in range(n)
    ]
    return incidents_frame(rows), pd.DataFrame([source(r[INC.id]) for r in rows])


def test_pages_hold_page_size_rows_and_the_page_is_clamped():
    incidents, sources = _many(60)
    first = list_page(incidents, sources, Filters(), ListState())
    assert (len(first.rows), first.pages, first.total) == (PAGE_SIZE, 3, 60)
    last = list_page(incidents, sources, Filters(), ListState(page=2))
    assert len(last.rows) == 60 - 2 * PAGE_SIZE
    beyond = list_page(incidents, sources, Filters(), ListState(page=99))
    assert beyond.page == 2 and beyond.state.page == 2
    # Pages do not overlap and cover every incident once.
    seen = []
    for page in range(3):
        seen += _ids(list_page(incidents, sources, Filters(), ListState(page=page)))
    assert sorted(seen) == sorted(incidents[INC.id])


def test_following_the_selection_pages_to_it_and_marks_it():
    incidents, sources = _many(60)
    oldest = incidents[INC.id].iloc[0]  # last under "newest first"
    page = list_page(incidents, sources, Filters(), ListState(), selected=oldest, follow=True)
    assert page.page == 2
    assert page.rows[page.selected_row]["id"] == oldest
    assert page.state.followed == oldest
    # Without "follow" the page stays; the selection is marked only where it is shown.
    stay = list_page(incidents, sources, Filters(), ListState(), selected=oldest)
    assert stay.page == 0 and stay.selected_row is None


def test_layer_columns_get_the_page_rows_only(frames):
    incidents, sources = frames
    seen = []

    def values(rows):
        seen.append(len(rows))
        return [f"level-{i}" for i in rows[INC.id]]

    column = IncidentColumn("Layer level", values)
    page = list_page(incidents, sources, Filters(), ListState(), extra_columns=[column])
    assert seen == [5]
    assert page.rows[0]["extra"] == ["level-2024-05-20-tel-aviv"]


def test_sort_orders_are_cached_per_version_of_the_data(frames):
    incidents, sources = frames
    by_place = ListState(sort="place", descending=False)
    assert list_page(incidents, sources, Filters(), by_place).rows[0]["place"] == "Gulf of Finland"
    changed = incidents.copy()
    changed.loc[changed[INC.id] == "2024-05-20-tel-aviv", INC.location] = "Aaa first"
    page = list_page(changed, sources, Filters(), by_place)
    assert page.rows[0]["place"] == "Aaa first"


# --------------------------------------------------------------------------- callbacks


def _texts(children) -> str:
    return json.dumps(children, default=lambda o: o.to_plotly_json())


def test_update_list_renders_a_table_and_pager(data_dir):
    children, status, prev_off, next_off, stored = incident_list.update_list(
        data_dir, "", "", None, None
    )
    text = _texts(children)
    assert "Tel Aviv" in text and "Sources" in text
    assert status == "Page 1 of 1 · 5 incidents"
    assert prev_off is True and next_off is True
    assert ListState.from_store(stored) == ListState()
    # The sorted column says so (aria-sort) and rows open by button (pattern-matching ids).
    assert '"aria-sort": "descending"' in text
    assert f'"type": "{list_ids.OPEN}"' in text


def test_list_page_as_plain_dicts_gives_the_same_json(data_dir):
    # The list's callback sends its page as plain dicts, which orjson writes in one pass.
    import orjson
    import plotly.io as pio

    search = "?incident=2024-03-10-riga"
    children, *_ = incident_list.update_list(data_dir, "", search, None, "url")
    tree = views.as_json_tree(children)
    orjson.dumps(tree)  # raises on any component left in the tree
    assert pio.json.to_json_plotly(tree) == pio.json.to_json_plotly(children)
    assert '"aria-current":"true"' in pio.json.to_json_plotly(tree)


def test_update_list_marks_and_follows_the_incident_in_the_url(data_dir):
    search = "?incident=2024-03-10-riga"
    children, *_rest, stored = incident_list.update_list(data_dir, "", search, None, "url")
    text = _texts(children)
    assert '"aria-current": "true"' in text
    assert ListState.from_store(stored).followed == "2024-03-10-riga"


def test_update_list_uses_the_url_filters_and_text_search(data_dir):
    children, status, *_ = incident_list.update_list(data_dir, "", "?q=tallinn", None, "url")
    assert status == "Page 1 of 1 · 1 incident"
    assert "Tallinn" in _texts(children) and "Riga" not in _texts(children)


def test_update_list_shows_layer_columns_only_while_the_layer_is_on(data_dir):
    layer = MapLayer(
        "demo",
        "Demo",
        lambda filters: [],
        incident_column=IncidentColumn("Demo level", lambda rows: ["x"] * len(rows)),
    )
    off, *_ = incident_list.update_list(data_dir, "", "", None, None, layers=[layer])
    on, *_ = incident_list.update_list(data_dir, "", "?layer=demo", None, None, layers=[layer])
    assert "Demo level" not in _texts(off)
    assert "Demo level" in _texts(on)


def test_update_list_refuses_oversized_or_odd_queries(data_dir):
    with pytest.raises(PreventUpdate):
        incident_list.update_list(data_dir, "?" + "x" * 20_000, "", None, None)
    with pytest.raises(PreventUpdate):
        incident_list.update_list(data_dir, "", ["not", "a", "string"], None, None)


def test_open_incident_sets_only_the_incident():
    query = incident_list.open_incident("?interference=jamming", "2024-03-10-riga")
    assert query == "?interference=jamming&incident=2024-03-10-riga"
    with pytest.raises(PreventUpdate):
        incident_list.open_incident("", "../../etc/passwd")
    with pytest.raises(PreventUpdate):
        incident_list.open_incident("", {"id": 1})


def test_highlight_patches_the_ring_and_the_band(data_dir):
    map_patch, timeline_patch = callbacks.highlight(data_dir, "?incident=2023-11-01-larnaca", 7)
    operations = json.dumps([map_patch.to_plotly_json(), timeline_patch.to_plotly_json()])
    assert "2023-11-01" in operations
    # The ring is the map's last trace (index 6 of 7), at the incident's position.
    ring = map_patch.to_plotly_json()["operations"]
    assert {"location": ["data", 6, "lon"], "operation": "Assign", "params": {"value": [33.6]}} in (
        ring
    )
    band = timeline_patch.to_plotly_json()["operations"][0]["params"]["value"][0]
    # A month-only date is marked over its whole month.
    assert (band["x0"], band["x1"]) == ("2023-11-01", "2023-11-30")
    none_map, none_timeline = callbacks.highlight(data_dir, "", 7)
    ring = none_map.to_plotly_json()["operations"]
    assert {"location": ["data", 6, "lon"], "operation": "Assign", "params": {"value": []}} in ring
    assert none_timeline.to_plotly_json()["operations"][0]["params"]["value"] == []


def test_render_adds_an_empty_ring_trace_last_and_chart_summaries(data_dir):
    out = dict(
        zip(views.VIEW_KEYS, callbacks.render(data_dir, "?interference=spoofing"), strict=True)
    )
    traces = go.Figure(out["map"]).data
    assert traces[-1].name == views.SELECTED_TRACE
    assert list(traces[-1].lon) == []
    assert out["map_traces"] == len(traces)
    assert out["map_summary"].startswith("Map of 2 located incidents (2 spoofing)")
    assert "per week" in out["timeline_summary"] or "per month" in out["timeline_summary"]
    assert "Middle East" in out["region_summary"] or "Baltic" in out["region_summary"]
    nothing = dict(zip(views.VIEW_KEYS, callbacks.render(data_dir, "?q=zzzz"), strict=True))
    assert nothing["map_summary"] == "No incidents match these filters."


def test_detail_card_class_says_whether_an_incident_is_open():
    assert "is-open" in callbacks.detail_class("?incident=2024-03-10-riga")
    assert "is-open" not in callbacks.detail_class("")


def test_list_at_100k_rows_sends_one_page(tmp_path):
    # Not a timing test: the size of what one list update sends stays that of one page.
    from benchmarks import synthetic

    generated = synthetic.generate(100_000, seed=3)
    page = list_page(generated.incidents, generated.sources, Filters(), ListState())
    assert page.total == 100_000 and len(page.rows) == PAGE_SIZE
    body = _texts(incident_list.view.table_children(page))
    assert len(body) < 80_000  # about 1.6 kB a row; 100,000 rows would be megabytes
    mask = np.zeros(len(generated.incidents), dtype=bool)
    mask[::1000] = True
    few = list_page(generated.incidents, generated.sources, Filters(), ListState(), extra_mask=mask)
    assert few.total == 100


def test_text_columns_held_as_categories_work_the_same(frames):
    # The loader may keep low-cardinality text as categories (memory); sorting, paging and rows
    # must not depend on it.
    incidents, sources = frames
    categorical = incidents.astype(
        {
            c: "category"
            for c in (
                INC.country,
                INC.region,
                INC.interference,
                INC.flight_phase,
                INC.operator,
                INC.flight,
                INC.confidence,
                INC.date_precision,
            )
        }
    )
    for key in ("date", "place", "country", "type", "phase", "who", "confidence", "sources"):
        for descending in (False, True):
            state = ListState(sort=key, descending=descending)
            plain = list_page(incidents, sources, Filters(), state)
            cats = list_page(categorical, sources, Filters(), state)
            assert _ids(cats) == _ids(plain), key
            assert cats.rows == plain.rows, key


def test_highlight_ignores_an_implausible_trace_count(data_dir):
    for junk in (10**30, -1, 0, "7", None, 2.5):
        map_patch, _ = callbacks.highlight(data_dir, "?incident=2024-03-10-riga", junk)
        assert map_patch.to_plotly_json()["operations"] == [], junk
