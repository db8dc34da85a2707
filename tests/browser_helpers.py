"""Shared helpers of the dashboard's browser tests (dash_duo, Debian's chromium).

Waits are explicit (selenium's ``WebDriverWait``) with a generous ceiling; nothing here measures
speed.
"""

from __future__ import annotations

import os
import pathlib
import socket
import urllib.parse

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from tracker.dashboard import ids, views
from tracker.dashboard.incident_list import ids as list_ids

__all__ = [
    "TIMEOUT",
    "until",
    "start",
    "points",
    "query",
    "list_rows",
    "ring_drawn",
    "timeline_bands",
    "settled",
    "screenshot_dir",
    "click",
]

TIMEOUT = 45  # a ceiling for waits on a loaded machine; not a speed check


def until(dash_duo, condition, timeout: float = TIMEOUT) -> None:
    """Wait until ``condition()`` is true; an element Dash re-rendered meanwhile means "again"."""
    WebDriverWait(
        dash_duo.driver,
        timeout,
        poll_frequency=0.2,
        ignored_exceptions=(StaleElementReferenceException,),
    ).until(lambda _driver: condition())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(dash_duo, app, query: str = "", *, width: int = 1366, height: int = 900) -> int:
    """Serve ``app`` on a free port and open it (with ``query``) in a window of that size."""
    port = _free_port()
    dash_duo.driver.set_window_size(width, height)
    dash_duo.start_server(app, port=port)
    if query:
        dash_duo.driver.get(f"http://127.0.0.1:{port}/{query}")
    return port


def points(dash_duo) -> int:
    """Incident markers on the map (not the selected incident's ring)."""
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.MAP} .scattergeo .point')]"
        f".filter(p => p.style.strokeWidth !== '{views.SELECTED_RING_WIDTH}px').length"
    )


def ring_drawn(dash_duo) -> bool:
    """Whether the map shows the selected incident's ring."""
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{ids.MAP} .scattergeo .point')]"
        f".some(p => p.style.strokeWidth === '{views.SELECTED_RING_WIDTH}px')"
    )


def timeline_bands(dash_duo) -> int:
    """Shapes drawn on the timeline (the selected incident's band)."""
    return dash_duo.driver.execute_script(
        f"return document.querySelectorAll('#{ids.TIMELINE} .shapelayer path').length"
    )


def query(dash_duo) -> dict:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(dash_duo.driver.current_url).query)


def list_rows(dash_duo) -> list[dict]:
    """The incident list's rows as shown: ``{"id", "place", "selected"}``."""
    return dash_duo.driver.execute_script(
        f"return [...document.querySelectorAll('#{list_ids.TABLE} tbody tr')]"
        ".filter(tr => tr.querySelector('.row-open'))"
        ".map(tr => ({id: tr.id.replace('incident-row-', ''),"
        " place: tr.querySelector('.row-open').textContent,"
        " selected: tr.getAttribute('aria-current') === 'true'}))"
    )


def settled(dash_duo) -> None:
    """Wait until Dash has no callback in flight and the accessibility repairs have run."""
    until(dash_duo, lambda: dash_duo.driver.title != "Updating...")
    until(
        dash_duo,
        lambda: dash_duo.driver.execute_script(
            "return document.querySelector('[data-dash-is-loading=\"true\"]') === null"
            " && document.querySelector('.dash-options-list[role=\"listbox\"]') === null"
            " && document.querySelector('.dash-options-list [aria-selected]') === null"
        ),
    )


def screenshot_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    """Where screenshots go: ``$GNSS_TRACKER_SCREENSHOTS`` if set (to look at them), else the
    test's temporary folder."""
    folder = pathlib.Path(os.environ.get("GNSS_TRACKER_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def click(dash_duo, target) -> None:
    """Scroll ``target`` (an element or a CSS selector) to the middle of the screen, as a user
    would, and click it."""
    element = dash_duo.find_element(target) if isinstance(target, str) else target
    dash_duo.driver.execute_script(
        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
    )
    element.click()
