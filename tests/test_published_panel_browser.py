"""The published-figures panel in real headless Chromium (dash_duo + Debian's chromium)."""

from __future__ import annotations

import pytest
from browser_helpers import start, until
from dashboard_data import sample_dataset, write_dataset
from figure_helpers import figure_row, write_figures
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tracker.dashboard import create_app, published_panel
from tracker.schema import FIG

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _headless(request):
    request.config.option.headless = True


def test_panel_shows_figures_for_the_selection_as_text_with_safe_links(dash_duo, tmp_path):
    incidents, sources = sample_dataset()
    data_dir = write_dataset(tmp_path / "data", incidents, sources)
    write_figures(
        data_dir,
        [
            figure_row(**{FIG.id: "lv-2024-03", FIG.area: "LV", FIG.value: "1022"}),
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
                    FIG.id: "iq-2024-03",
                    FIG.area: "Baghdad FIR",
                    FIG.area_kind: "fir",
                    FIG.metric: "reports near Baghdad",
                }
            ),
        ],
    )
    port = start(dash_duo, create_app(data_dir), "?region=Baltic+Sea+region")
    status = f"#{published_panel.STATUS}"
    until(
        dash_duo,
        lambda: "1 published figure for Baltic Sea region" in dash_duo.find_element(status).text,
    )
    panel = dash_duo.find_element(f"#{published_panel.PANEL}")
    assert "counts by others, not our incidents" in panel.text
    table = panel.find_element(By.CSS_SELECTOR, "table")
    assert table.find_element(By.TAG_NAME, "caption").text.startswith("Published figures for")
    assert "1,022 reports" in table.text and "Latvia" in table.text
    assert "reports near Baghdad" not in panel.text  # another region
    links = panel.find_elements(By.CSS_SELECTOR, "a")
    assert links and all(a.get_attribute("href").startswith("https://") for a in links)
    assert all(a.get_attribute("rel") == "noopener noreferrer" for a in links)

    # The worldwide table opens from the keyboard.
    summary = panel.find_element(By.TAG_NAME, "summary")
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
    dash_duo.driver.execute_script("arguments[0].focus()", summary)
    assert dash_duo.driver.switch_to.active_element == summary
    summary.send_keys(Keys.ENTER)
    until(dash_duo, lambda: panel.find_element(By.TAG_NAME, "details").get_attribute("open"))
    assert "27.4 percent" in panel.find_element(By.TAG_NAME, "details").text

    # On a phone the panel stays within the screen; its tables scroll inside it, by keyboard too.
    dash_duo.driver.set_window_size(390, 844)
    until(
        dash_duo,
        lambda: dash_duo.driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return r.right <= document.documentElement.clientWidth + 1 && r.left >= -1;",
            panel,
        ),
    )
    body = dash_duo.find_element(f"#{published_panel.BODY}")
    assert body.get_attribute("tabindex") == "0" and body.get_attribute("role") == "region"
    dash_duo.driver.set_window_size(1366, 900)

    # Changing the URL's region redraws the panel.
    dash_duo.driver.get(f"http://127.0.0.1:{port}/?region=Middle+East")
    until(dash_duo, lambda: "for Middle East" in dash_duo.find_element(status).text)
    assert "reports near Baghdad" in dash_duo.find_element(f"#{published_panel.PANEL}").text
    assert dash_duo.get_logs() == []


def test_panel_has_no_serious_accessibility_violations(dash_duo, tmp_path):
    """axe-core, scoped to the panel, with both tables rendered and the worldwide one open."""
    import pathlib

    import axe_playwright_python as axe_new  # test extra; ships axe-core 4.x (no download)
    import axe_selenium_python as axe_old  # test extra; ships axe-core 3.x

    incidents, sources = sample_dataset()
    data_dir = write_dataset(tmp_path / "data", incidents, sources)
    write_figures(
        data_dir,
        [
            figure_row(**{FIG.id: "lv-2024-03", FIG.area: "LV"}),
            figure_row(**{FIG.id: "world-2024", FIG.area: "World", FIG.area_kind: "global"}),
        ],
    )
    start(dash_duo, create_app(data_dir))
    status = f"#{published_panel.STATUS}"
    until(dash_duo, lambda: "published figure" in dash_duo.find_element(status).text)
    dash_duo.driver.execute_script(
        f"document.querySelector('#{published_panel.PANEL} details').open = true"
    )
    scripts = (
        pathlib.Path(axe_old.__file__).parent / "node_modules/axe-core/axe.min.js",
        pathlib.Path(axe_new.__file__).parent / "axe.min.js",
    )
    for script in scripts:
        dash_duo.driver.execute_script(script.read_text("utf-8"))
        violations = dash_duo.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document.getElementById(arguments[0]))"
            ".then(r => done(r.violations.map(v => [v.id, v.impact, v.nodes.length])));",
            published_panel.PANEL,
        )
        serious = [v for v in violations if v[1] in ("serious", "critical")]
        assert serious == [], f"{script.parent.name}: {violations}"
