"""The dashboard's download menus in real headless Chromium: click, and a real file arrives."""

from __future__ import annotations

import csv
import io
import socket
import time
from pathlib import Path

import pytest
from export_helpers import JAMMING_IDS, make_export_dataset
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tracker.dashboard import create_app, downloads, ids

pytestmark = pytest.mark.browser

TIMEOUT = 90  # a ceiling for waits on a loaded machine (the first PNG starts Chromium)


@pytest.fixture(autouse=True)
def _headless(request):
    request.config.option.headless = True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_file(folder: Path, pattern: str) -> Path:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        done = [p for p in folder.glob(pattern) if not p.name.endswith(".crdownload")]
        if done and done[0].stat().st_size > 0:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {pattern} in {folder}: {[p.name for p in folder.iterdir()]}")


def _click(driver, element) -> None:
    """A real click; while Dash is still laying the page out, another element can be on top
    for a moment, so wait for the page to settle and try again."""
    for attempt in range(5):
        WebDriverWait(driver, TIMEOUT).until(lambda d: d.title != "Updating...")
        # Instant: Bootstrap makes scrolling smooth, and a click during the scroll misses.
        driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
        )
        try:
            element.click()
            return
        except ElementClickInterceptedException:
            if attempt == 4:
                raise
            time.sleep(0.5)


def _choose(dash_duo, kind: str, label: str) -> None:
    driver = dash_duo.driver
    summary = driver.find_element(By.CSS_SELECTOR, f"#export-menu-{kind} summary")
    _click(driver, summary)
    menu = driver.find_element(By.ID, f"export-menu-{kind}")
    button = next(b for b in menu.find_elements(By.TAG_NAME, "button") if b.text == label)
    _click(driver, button)


def test_download_menus_send_the_filtered_files(dash_duo, tmp_path):
    data_dir = make_export_dataset(tmp_path / "data")
    folder = tmp_path / "downloads"
    folder.mkdir()
    app = create_app(data_dir, map_layers=())
    dash_duo.driver.set_window_size(1366, 900)
    dash_duo.start_server(app, port=_free_port())
    dash_duo.driver.execute_cdp_cmd(
        "Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)}
    )
    dash_duo.driver.get(dash_duo.server_url + "/?interference=jamming")
    WebDriverWait(dash_duo.driver, TIMEOUT).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, f"#{ids.MAP} .main-svg")
    )

    _choose(dash_duo, downloads.DATA_KIND, downloads.item_label(downloads.DATA_KIND, "csv"))
    csv_file = _wait_for_file(folder, "gnss-interference-incidents-*.csv")
    rows = list(csv.reader(io.StringIO(csv_file.read_text("utf-8-sig"))))
    assert sorted(r[0] for r in rows[1:]) == JAMMING_IDS

    _choose(dash_duo, "regions", downloads.item_label("regions", "png"))
    png = _wait_for_file(folder, "gnss-interference-regions-*.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert dash_duo.find_element(f"#{downloads.STATUS}").text == ""
