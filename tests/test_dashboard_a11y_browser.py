"""Accessibility and layout of the dashboard in real headless Chromium.

* axe-core finds no violation of impact "serious" or "critical" on the default view, on a filtered
  view with an incident open, and with the ADS-B layer on. Two axe-core builds run, both shipped
  in Python packages (no download): the one of ``axe-selenium-python`` (axe-core 3.1) and the
  newer one of ``axe-playwright-python`` (axe-core 4.x, today's ARIA rules).
* Keyboard only: Tab reaches every control, and the focused control shows a visible outline.
* Phone, tablet and desktop widths: screenshots (kept when ``$GNSS_TRACKER_SCREENSHOTS`` names a
  folder) and the rendered sizes of the map and the list.
"""

from __future__ import annotations

import datetime as dt
import pathlib

import axe_playwright_python
import axe_selenium_python
import h3
import pandas as pd
import pytest
from browser_helpers import (
    click,
    list_rows,
    points,
    query,
    screenshot_dir,
    settled,
    start,
    until,
)
from dashboard_data import sample_dataset, write_dataset
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tracker.adsb.dashboard import adsb_map_layer
from tracker.adsb.store import LayerStore
from tracker.dashboard import create_app, ids
from tracker.dashboard.incident_list import ids as list_ids

pytestmark = pytest.mark.browser

#: axe-core builds: (name, script). Both come with installed test dependencies.
AXE_SCRIPTS = (
    (
        "axe-core 3 (axe-selenium-python)",
        pathlib.Path(axe_selenium_python.__file__).parent / "node_modules/axe-core/axe.min.js",
    ),
    (
        "axe-core 4 (axe-playwright-python)",
        pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js",
    ),
)
BLOCKING = ("serious", "critical")


@pytest.fixture(autouse=True)
def _headless(request):
    request.config.option.headless = True


@pytest.fixture
def data_dir(tmp_path):
    incidents, sources = sample_dataset()
    return write_dataset(tmp_path / "data", incidents, sources)


@pytest.fixture
def adsb_app(data_dir, tmp_path):
    """The dashboard with an ADS-B layer store generated in code (three days over the Baltic)."""
    riga = h3.latlng_to_cell(56.95, 24.11, 4)
    tallinn = h3.latlng_to_cell(59.44, 24.75, 4)
    store = LayerStore(tmp_path / "store")

    def day(*rows):
        return pd.DataFrame(rows, columns=["hex", "count_good_aircraft", "count_bad_aircraft"])

    store.write_days(
        {
            dt.date(2024, 3, 9): day((riga, 50, 0), (tallinn, 40, 2)),
            dt.date(2024, 3, 10): day((riga, 10, 20), (tallinn, 95, 5)),
            dt.date(2024, 3, 11): day((riga, 60, 1)),
        },
        source="gpsjam",
    )
    return create_app(data_dir, map_layers=[adsb_map_layer(store)])


def axe_problems(driver) -> list[str]:
    """Serious and critical violations, one line per rule and engine (empty when clean)."""
    driver.set_script_timeout(120)
    problems = []
    for name, script in AXE_SCRIPTS:
        assert script.is_file(), f"{name}: {script} is missing"
        driver.execute_script(script.read_text(encoding="utf-8"))
        violations = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(r.violations), e => done([{id: 'axe-error', impact: 'critical',"
            " help: String(e), nodes: []}]));"
        )
        for v in violations:
            if v.get("impact") in BLOCKING:
                targets = ", ".join(str(n.get("target")) for n in v["nodes"][:4])
                problems.append(f"{name}: {v['id']} ({v['impact']}): {v['help']} at {targets}")
    return problems


def test_default_view_has_no_serious_accessibility_violation(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir))
    until(dash_duo, lambda: points(dash_duo) == 5 and len(list_rows(dash_duo)) == 5)
    settled(dash_duo)
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "en"
    problems = axe_problems(dash_duo.driver)
    assert problems == [], "\n".join(problems)
    assert dash_duo.get_logs() == []


def test_filtered_view_with_an_incident_open_has_no_serious_violation(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir), "?interference=spoofing&incident=2024-04-02-tallinn")
    until(dash_duo, lambda: points(dash_duo) == 2 and len(list_rows(dash_duo)) == 2)
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Example News")
    # Charts carry their text alternative: a sentence under each.
    dash_duo.wait_for_contains_text(f"#{ids.MAP_SUMMARY}", "Map of 2 located incidents")
    dash_duo.wait_for_contains_text(f"#{ids.TIMELINE_SUMMARY}", "2 spoofing")
    settled(dash_duo)
    problems = axe_problems(dash_duo.driver)
    assert problems == [], "\n".join(problems)
    assert dash_duo.get_logs() == []


def test_adsb_layer_on_has_no_serious_violation_and_a_level_column(dash_duo, adsb_app):
    start(dash_duo, adsb_app, "?from=2024-03-09&to=2024-03-11&layer=adsb&incident=2024-03-10-riga")
    until(dash_duo, lambda: "ADS-B high" in dash_duo.find_element(f"#{ids.MAP}").text)
    # The layer's column in the list, filled through the map layer's hook.
    until(dash_duo, lambda: "ADS-B level" in dash_duo.find_element(f"#{list_ids.TABLE}").text)
    row = dash_duo.find_element("#incident-row-2024-03-10-riga")
    until(dash_duo, lambda: row.find_elements("css selector", "td.col-extra")[0].text == "high")
    settled(dash_duo)
    problems = axe_problems(dash_duo.driver)
    assert problems == [], "\n".join(problems)
    assert dash_duo.get_logs() == []


def _focusables(driver) -> list[str]:
    """Visible controls a keyboard user must reach, as CSS paths."""
    return driver.execute_script(
        """
        const sel = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]),'
          + ' select, textarea, summary, [tabindex]:not([tabindex="-1"])';
        const path = el => el.id ? '#' + CSS.escape(el.id)
          : path(el.parentElement) + ' > ' + el.tagName.toLowerCase()
            + ':nth-child(' + ([...el.parentElement.children].indexOf(el) + 1) + ')';
        return [...document.querySelectorAll(sel)]
          .filter(el => el.tabIndex >= 0 && el.getClientRects().length > 0
                  && getComputedStyle(el).visibility !== 'hidden'
                  && !el.closest('[aria-hidden="true"]')
                  && !el.closest('details:not([open]) > :not(summary)'))
          .map(path);
        """
    )


def _focus_ring(driver) -> dict:
    return driver.execute_script(
        "const el = document.activeElement; const s = getComputedStyle(el);"
        "return {outline: s.outlineStyle, width: parseFloat(s.outlineWidth),"
        " shadow: s.boxShadow, tag: el.tagName}"
    )


def test_keyboard_reaches_every_control_with_a_visible_focus(dash_duo, data_dir):
    start(dash_duo, create_app(data_dir))
    until(dash_duo, lambda: points(dash_duo) == 5 and len(list_rows(dash_duo)) == 5)
    settled(dash_duo)
    wanted = _focusables(dash_duo.driver)
    assert len(wanted) > 20
    reached: set[str] = set()
    rings_missing = []
    # Nothing focused yet: the first Tab goes to the page's first control.
    dash_duo.driver.execute_script("window.scrollTo(0, 0)")
    visited: list[str] = []
    for _ in range(3 * len(wanted)):
        ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
        here = dash_duo.driver.execute_script(
            "const el = document.activeElement;"
            "const path = e => e.id ? '#' + CSS.escape(e.id) : path(e.parentElement) + ' > '"
            " + e.tagName.toLowerCase() + ':nth-child(' +"
            " ([...e.parentElement.children].indexOf(e) + 1) + ')';"
            "return el === document.body ? null : path(el)"
        )
        if here is None:
            continue
        if visited and here == visited[0] and len(visited) > 1:
            break  # round the page once: back at the first control
        visited.append(here)
        reached.add(here)
        ring = _focus_ring(dash_duo.driver)
        if not (ring["outline"] != "none" and ring["width"] >= 2):
            rings_missing.append((here, ring))
    missing = sorted(set(wanted) - reached)
    assert missing == [], (
        "not reached with Tab:\n"
        + "\n".join(missing)
        + "\nlast reached:\n"
        + "\n".join(visited[-8:])
    )
    assert rings_missing == [], "no visible focus:\n" + "\n".join(map(str, rings_missing))
    # A list row opens with the keyboard: focus its button and press Enter.
    button = dash_duo.find_element(f"#{list_ids.TABLE} .row-open")
    dash_duo.driver.execute_script("arguments[0].focus()", button)
    ActionChains(dash_duo.driver).send_keys(Keys.ENTER).perform()
    until(dash_duo, lambda: "incident" in query(dash_duo))
    assert dash_duo.get_logs() == []


def _rect(driver, selector: str) -> dict:
    return driver.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {width: r.width, height: r.height, top: r.top, left: r.left}",
        selector,
    )


def _visible(driver, selector: str) -> bool:
    return driver.execute_script(
        "const el = document.querySelector(arguments[0]);"
        "return !!el && el.getClientRects().length > 0",
        selector,
    )


@pytest.mark.parametrize("width", [420, 768, 1366])
def test_layout_at_phone_tablet_and_desktop_widths(dash_duo, data_dir, tmp_path, width):
    start(dash_duo, create_app(data_dir), width=width, height=900)
    until(dash_duo, lambda: points(dash_duo) == 5 and len(list_rows(dash_duo)) == 5)
    settled(dash_duo)
    driver = dash_duo.driver
    viewport = driver.execute_script("return document.documentElement.clientWidth")
    # Nothing makes the page scroll sideways.
    assert driver.execute_script("return document.documentElement.scrollWidth") <= viewport
    map_box = _rect(driver, f"#{ids.MAP}")
    list_box = _rect(driver, f"#{list_ids.CARD}")
    assert map_box["height"] >= 300
    folder = screenshot_dir(tmp_path)
    if width < 992:
        # Cards take the full width (less the page's padding) and stack.
        assert _rect(driver, ".map-card")["width"] >= viewport - 20
        assert list_box["width"] >= viewport - 20
        assert map_box["width"] >= viewport - 60
        assert list_box["top"] > map_box["top"] + map_box["height"]
        # The filters are one tap away: hidden behind the header's button.
        assert not _visible(driver, f"#{ids.SIDEBAR}")
        toggle = dash_duo.find_element(f"#{ids.FILTERS_TOGGLE}")
        assert toggle.get_attribute("aria-expanded") == "false"
        driver.save_screenshot(str(folder / f"dashboard-{width}.png"))
        click(dash_duo, toggle)
        until(dash_duo, lambda: _visible(driver, f"#{ids.SIDEBAR}"))
        assert toggle.get_attribute("aria-expanded") == "true"
        assert _rect(driver, f"#{ids.SIDEBAR}")["width"] >= viewport - 2
        driver.save_screenshot(str(folder / f"dashboard-{width}-filters.png"))
        click(dash_duo, toggle)
        until(dash_duo, lambda: not _visible(driver, f"#{ids.SIDEBAR}"))
    else:
        assert _visible(driver, f"#{ids.SIDEBAR}")
        assert not _visible(driver, f"#{ids.FILTERS_TOGGLE}")
        assert map_box["width"] >= 600
        driver.save_screenshot(str(folder / f"dashboard-{width}.png"))
    # Opening an incident: on a phone it covers the page, elsewhere it sits beside the map.
    row_button = dash_duo.find_element(f"#{list_ids.TABLE} .row-open")
    row_id = row_button.get_attribute("id")
    click(dash_duo, row_button)
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Sources")
    detail = _rect(driver, f"#{ids.DETAIL_CARD}")
    if width < 576:
        assert detail["width"] >= viewport - 1 and detail["top"] <= 0.5
        until(
            dash_duo,
            lambda: driver.execute_script("return document.activeElement.id") == ids.DETAIL_CLOSE,
        )
        driver.save_screenshot(str(folder / f"dashboard-{width}-incident.png"))
        # Closing it gives the focus back to the row it was opened from.
        click(dash_duo, f"#{ids.DETAIL_CLOSE}")
        until(dash_duo, lambda: not _visible(driver, f"#{ids.DETAIL_CARD}"))
        until(dash_duo, lambda: driver.execute_script("return document.activeElement.id") == row_id)
        assert dash_duo.get_logs() == []
        return
    else:
        assert detail["width"] >= 280
    driver.save_screenshot(str(folder / f"dashboard-{width}-incident.png"))
    assert dash_duo.get_logs() == []
