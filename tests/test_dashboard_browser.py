"""End-to-end tests of the dashboard in real headless Chromium (dash_duo + Debian's chromium).

Run with the other tests (``pytest``); ``-m "not browser"`` skips them. The dataset is built in a
temporary folder by code, so these tests never depend on the real ``data/``.
"""

from __future__ import annotations

import urllib.parse

import pytest
from browser_helpers import TIMEOUT, click, points, query, start, until
from dashboard_data import sample_dataset, source, unvalidated_load, write_dataset
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from tracker import safety
from tracker.dashboard import create_app, ids
from tracker.schema import SRC

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _headless(request):
    # dash_duo reads --headless when it starts the browser; set it here so a plain `pytest` run
    # works without the flag (STACK.md section 4).
    request.config.option.headless = True


@pytest.fixture
def data_dir(tmp_path):
    incidents, sources = sample_dataset()
    return write_dataset(tmp_path / "data", incidents, sources)


def _wait_points(dash_duo, n: int) -> None:
    until(dash_duo, lambda: points(dash_duo) == n, timeout=TIMEOUT)


def _table_total(dash_duo, table_id: str) -> int:
    cells = dash_duo.driver.find_elements(
        By.CSS_SELECTOR, f"#{table_id} td[data-dash-column='incidents']"
    )
    return sum(int(c.text.replace(",", "")) for c in cells)


def test_page_loads_offline_with_every_incident_and_no_errors(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir))
    _wait_points(dash_duo, 5)
    # The basemap is drawn from the local topojson (a CDN fetch would fail offline: blank map).
    until(
        dash_duo,
        lambda: (
            dash_duo.driver.execute_script(
                f"return document.querySelectorAll('#{ids.MAP} .geo .countries path').length"
            )
            > 0
        ),
        timeout=TIMEOUT,
    )
    resources = dash_duo.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert resources, "the page should have loaded scripts"
    external = [
        r for r in resources if urllib.parse.urlsplit(r).hostname not in ("127.0.0.1", "localhost")
    ]
    assert external == []
    assert dash_duo.find_element(f"#{ids.HEADER_TOTAL}").text == "5 incidents"
    assert dash_duo.find_element(".caveat").text == safety.CAVEAT  # the words on every chart
    # No plotly "send to cloud" button, no logo.
    assert (
        dash_duo.driver.find_elements(By.CSS_SELECTOR, "[data-title*='Cloud'], .modebar-btn--logo")
        == []
    )
    assert dash_duo.get_logs() == []


def test_filter_change_updates_map_timeline_and_tables_together(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir))
    _wait_points(dash_duo, 5)
    until(dash_duo, lambda: _table_total(dash_duo, ids.REGION_TABLE) == 5, timeout=TIMEOUT)
    bars_before = len(
        dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.TIMELINE} .bars .point")
    )
    labels = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.INTERFERENCE} label")
    click(dash_duo, [label for label in labels if label.text.strip() == "Spoofing"][0])
    _wait_points(dash_duo, 2)
    until(dash_duo, lambda: _table_total(dash_duo, ids.REGION_TABLE) == 2, timeout=TIMEOUT)
    until(dash_duo, lambda: _table_total(dash_duo, ids.COUNTRY_TABLE) == 2, timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{ids.SHOWN}", "Showing 2 of 5 incidents", timeout=TIMEOUT)
    bars_after = len(
        dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.TIMELINE} .bars .point")
    )
    assert bars_after < bars_before
    assert query(dash_duo)["interference"] == ["spoofing"]
    # A search that matches nothing says so in every view.
    box = dash_duo.find_element(f"#{ids.TEXT}")
    box.send_keys("no such place\n")
    dash_duo.wait_for_text_to_equal(
        f"#{ids.REGION_NOTE}", "No incidents match these filters.", timeout=TIMEOUT
    )
    dash_duo.wait_for_text_to_equal(
        f"#{ids.COUNTRY_NOTE}", "No incidents match these filters.", timeout=TIMEOUT
    )
    _wait_points(dash_duo, 0)
    for graph in (ids.MAP, ids.TIMELINE, ids.REGION_BARS):
        dash_duo.wait_for_contains_text(f"#{graph}", "No incidents match", timeout=TIMEOUT)
    click(dash_duo, dash_duo.find_element(f"#{ids.RESET}"))
    _wait_points(dash_duo, 5)
    assert dash_duo.get_logs() == []


def test_copied_url_restores_the_filters(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir), "?interference=spoofing&region=Middle+East")
    _wait_points(dash_duo, 1)
    checked = dash_duo.driver.find_element(
        By.CSS_SELECTOR, f"#{ids.INTERFERENCE} input[value='spoofing']"
    )
    until(dash_duo, lambda: checked.is_selected(), timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.REGION}", "Middle East", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{ids.SHOWN}", "Showing 1 of 5 incidents", timeout=TIMEOUT)
    assert query(dash_duo) == {"interference": ["spoofing"], "region": ["Middle East"]}
    assert dash_duo.get_logs() == []


def test_clicking_an_incident_shows_its_sources(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir), "?country=IL")
    _wait_points(dash_duo, 1)
    point = dash_duo.driver.find_element(By.CSS_SELECTOR, f"#{ids.MAP} .scattergeo .point")
    ActionChains(dash_duo.driver).move_to_element(point).pause(0.3).click().perform()
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Tel Aviv", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Example News", timeout=TIMEOUT)
    link = dash_duo.driver.find_element(By.CSS_SELECTOR, f"#{ids.DETAIL} .source-item a")
    assert link.get_attribute("href") == "https://example.org/2024-05-20-tel-aviv"
    assert link.get_attribute("rel") == "noopener noreferrer nofollow"
    assert query(dash_duo)["incident"] == ["2024-05-20-tel-aviv"]
    assert dash_duo.get_logs() == []


def test_javascript_url_is_never_a_link_and_html_stays_text(dash_duo, tmp_path):
    incidents, sources = sample_dataset()
    sources.append(
        source(
            "2023-11-01-larnaca",
            **{SRC.url: "javascript:alert(document.domain)", SRC.publisher: "Evil link"},
        )
    )
    data_dir = write_dataset(tmp_path / "hostile", incidents, sources)
    # The validator refuses such a row; load without it to test the view's own defence.
    start(dash_duo, create_app(data_dir, loader=unvalidated_load), "?incident=2023-11-01-larnaca")
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Evil link", timeout=TIMEOUT)
    hrefs = [
        a.get_attribute("href") or "" for a in dash_duo.driver.find_elements(By.CSS_SELECTOR, "a")
    ]
    assert not [h for h in hrefs if h.lower().startswith("javascript")]
    detail_links = dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAIL} a")
    assert all(a.get_attribute("href").startswith("https://") for a in detail_links)
    summary = dash_duo.find_element(f"#{ids.DETAIL} .detail-summary")
    assert summary.text == "<b>Bold</b> <img src=x onerror=alert(1)> claim & more"
    assert (
        dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAIL} img, #{ids.DETAIL} b") == []
    )
    # Map hover labels carry the same text escaped, never as markup.
    _wait_points(dash_duo, 5)
    assert dash_duo.driver.find_elements(By.CSS_SELECTOR, "img[src='x']") == []
    assert dash_duo.get_logs() == []


def test_broken_data_file_shows_validator_messages(dash_duo, tmp_path):
    incidents, sources = sample_dataset()
    incidents[1] = dict(incidents[1], latitude=123)
    data_dir = write_dataset(tmp_path / "broken", incidents, sources)
    start(dash_duo, create_app(data_dir))
    dash_duo.wait_for_contains_text(f"#{ids.DATA_ERROR}", "incidents.csv:", timeout=TIMEOUT)
    assert "latitude" in dash_duo.find_element(f"#{ids.DATA_ERROR}").text
    assert "Traceback" not in dash_duo.driver.page_source


def _drag_box_around_northern_points(dash_duo) -> None:
    """Drag a box around the three northern (Baltic) markers, in viewport coordinates."""
    rects = [
        p.rect
        for p in dash_duo.driver.find_elements(By.CSS_SELECTOR, f"#{ids.MAP} .scattergeo .point")
    ]
    northern = sorted(rects, key=lambda r: r["y"])[:3]
    x0 = min(r["x"] for r in northern) - 15
    y0 = min(r["y"] for r in northern) - 15
    x1 = max(r["x"] + r["width"] for r in northern) + 15
    y1 = max(r["y"] + r["height"] for r in northern) + 15
    actions = ActionChains(dash_duo.driver)
    pointer = actions.w3c_actions.pointer_action
    pointer.move_to_location(int(x0), int(y0))
    pointer.pointer_down()
    pointer.move_to_location(int(x0) + 10, int(y0) + 10)
    pointer.move_to_location(int(x1), int(y1))
    pointer.pointer_up()
    actions.perform()


def test_box_selection_on_the_map_filters_the_other_views(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir))
    _wait_points(dash_duo, 5)
    until(dash_duo, lambda: _table_total(dash_duo, ids.REGION_TABLE) == 5)
    dash_duo.driver.execute_script("window.scrollTo(0, 0)")
    # A drag that lands while Dash is still redrawing the map is lost (on a loaded machine the
    # first renders can trail the page load), so wait for the page to settle, and drag again if
    # the selection did not take. The behaviour under test is the same each time.
    for attempt in range(3):
        until(dash_duo, lambda: dash_duo.driver.title != "Updating...")
        _drag_box_around_northern_points(dash_duo)
        try:
            until(dash_duo, lambda: points(dash_duo) == 3, timeout=TIMEOUT / 3)
            break
        except TimeoutException:
            if attempt == 2:
                raise
    until(dash_duo, lambda: _table_total(dash_duo, ids.REGION_TABLE) == 3)
    dash_duo.wait_for_text_to_equal(f"#{ids.SHOWN}", "Showing 3 of 5 incidents", timeout=TIMEOUT)
    assert "area" in query(dash_duo)
    assert dash_duo.get_logs() == []
