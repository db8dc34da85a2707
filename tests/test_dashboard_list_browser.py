"""The incident list in real headless Chromium: rows, sorting, search, selection both ways."""

from __future__ import annotations

import datetime as dt

import pytest
from browser_helpers import (
    click,
    list_rows,
    points,
    query,
    ring_drawn,
    settled,
    start,
    timeline_bands,
    until,
)
from dashboard_data import incident, sample_dataset, source, write_dataset
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tracker.dashboard import create_app, ids
from tracker.dashboard.incident_list import ids as list_ids
from tracker.dashboard.incident_list.model import PAGE_SIZE
from tracker.schema import INC

pytestmark = pytest.mark.browser

#: The lone spoofing incident of the larger dataset: the oldest, so last under "newest first".
FAR = "2023-01-01-tel-aviv"


@pytest.fixture(autouse=True)
def _headless(request):
    request.config.option.headless = True


@pytest.fixture
def data_dir(tmp_path):
    incidents, sources = sample_dataset()
    return write_dataset(tmp_path / "data", incidents, sources)


@pytest.fixture
def many_dir(tmp_path):
    """60 incidents: 59 jamming reports around Riga (one a day) and one spoofing far away."""
    rows = []
    for i in range(59):
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i)
        rows.append(
            incident(
                **{
                    INC.id: f"{day.isoformat()}-riga-{i}",
                    INC.date: day.isoformat(),
                    INC.location: f"Riga approach {i}",
                    INC.latitude: 56.9 + (i % 7) * 0.05,
                    INC.longitude: 24.0 + (i % 5) * 0.05,
                }
            )
        )
    rows.append(
        incident(
            **{
                INC.id: FAR,
                INC.date: "2023-01-01",
                INC.location: "Tel Aviv",
                INC.latitude: 32.0,
                INC.longitude: 34.8,
                INC.country: "IL",
                INC.region: "Middle East",
                INC.interference: "spoofing",
            }
        )
    )
    return write_dataset(tmp_path / "many", rows, [source(r[INC.id]) for r in rows])


def _open_row(dash_duo, place: str) -> None:
    button = [
        b
        for b in dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{list_ids.TABLE} .row-open")
        if b.text == place
    ][0]
    click(dash_duo, button)


def test_list_shows_every_filtered_incident_and_opens_one(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir))
    until(dash_duo, lambda: len(list_rows(dash_duo)) == 5)
    dash_duo.wait_for_text_to_equal(f"#{list_ids.STATUS}", "Page 1 of 1 · 5 incidents")
    # Newest first by default, dates with their precision.
    assert [r["place"] for r in list_rows(dash_duo)][0] == "Tel Aviv"
    assert "Nov 2023 (month only)" in dash_duo.find_element(f"#{list_ids.TABLE}").text
    _open_row(dash_duo, "Tallinn")
    until(dash_duo, lambda: query(dash_duo).get("incident") == ["2024-04-02-tallinn"])
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Tallinn")
    until(
        dash_duo,
        lambda: [r["id"] for r in list_rows(dash_duo) if r["selected"]] == ["2024-04-02-tallinn"],
    )
    # Highlighted on the map (a ring) and on the timeline (a band), without redrawing them.
    until(dash_duo, lambda: ring_drawn(dash_duo))
    until(dash_duo, lambda: timeline_bands(dash_duo) == 1)
    assert points(dash_duo) == 5
    # Closing the incident removes both marks.
    click(dash_duo, f"#{ids.DETAIL_CLOSE}")
    until(dash_duo, lambda: not ring_drawn(dash_duo) and timeline_bands(dash_duo) == 0)
    assert dash_duo.get_logs() == []


def test_sorting_and_text_search(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir))
    until(dash_duo, lambda: len(list_rows(dash_duo)) == 5)
    click(dash_duo, f"#{list_ids.TABLE} th.col-place .sort-button")
    until(dash_duo, lambda: list_rows(dash_duo)[0]["place"] == "Gulf of Finland")
    th = dash_duo.find_element(f"#{list_ids.TABLE} th.col-place")
    until(dash_duo, lambda: th.get_attribute("aria-sort") == "ascending")
    # The same header again: descending.
    click(dash_duo, f"#{list_ids.TABLE} th.col-place .sort-button")
    until(dash_duo, lambda: list_rows(dash_duo)[0]["place"] == "Tel Aviv")
    # The text search filters the list like every other view.
    box = dash_duo.find_element(f"#{ids.TEXT}")
    box.send_keys("tallinn\n")
    until(dash_duo, lambda: [r["place"] for r in list_rows(dash_duo)] == ["Tallinn"])
    dash_duo.wait_for_text_to_equal(f"#{list_ids.STATUS}", "Page 1 of 1 · 1 incident")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("no such place\n")
    dash_duo.wait_for_contains_text(f"#{list_ids.TABLE}", "No incidents match these filters.")
    assert dash_duo.get_logs() == []


def test_pages_and_a_map_click_pages_the_list_to_the_incident(dash_duo, many_dir):
    start(dash_duo, create_app(many_dir))
    until(dash_duo, lambda: len(list_rows(dash_duo)) == PAGE_SIZE)
    dash_duo.wait_for_text_to_equal(f"#{list_ids.STATUS}", "Page 1 of 3 · 60 incidents")
    click(dash_duo, f"#{list_ids.NEXT}")
    dash_duo.wait_for_text_to_equal(f"#{list_ids.STATUS}", "Page 2 of 3 · 60 incidents")
    click(dash_duo, f"#{list_ids.PREV}")
    dash_duo.wait_for_text_to_equal(f"#{list_ids.STATUS}", "Page 1 of 3 · 60 incidents")
    assert FAR not in [r["id"] for r in list_rows(dash_duo)]
    until(dash_duo, lambda: points(dash_duo) == 60)
    settled(dash_duo)
    # The lone spoofing marker (blue diamond): click it on the map.
    marker = dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.MAP} .scattergeo .point')]"
        ".find(p => p.style.fill === 'rgb(0, 114, 178)')"
    )
    dash_duo.driver.execute_script("window.scrollTo(0, 0)")
    ActionChains(dash_duo.driver).move_to_element(marker).pause(0.3).click().perform()
    until(dash_duo, lambda: query(dash_duo).get("incident") == [FAR])
    dash_duo.wait_for_text_to_equal(f"#{list_ids.STATUS}", "Page 3 of 3 · 60 incidents")
    until(dash_duo, lambda: [r["id"] for r in list_rows(dash_duo) if r["selected"]] == [FAR])
    # The list's box scrolled so that the row is in view.
    visible = dash_duo.driver.execute_script(
        f"const box = document.getElementById('{list_ids.SCROLL}').getBoundingClientRect();"
        f"const row = document.getElementById('incident-row-{FAR}').getBoundingClientRect();"
        "return row.top >= box.top - 1 && row.bottom <= box.bottom + 1"
    )
    assert visible
    assert dash_duo.get_logs() == []


def test_a_shared_link_opens_the_list_on_the_selected_incident(dash_duo, many_dir):
    start(dash_duo, create_app(many_dir), f"?incident={FAR}")
    dash_duo.wait_for_text_to_equal(f"#{list_ids.STATUS}", "Page 3 of 3 · 60 incidents")
    until(dash_duo, lambda: [r["id"] for r in list_rows(dash_duo) if r["selected"]] == [FAR])
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Tel Aviv")
    assert dash_duo.get_logs() == []
