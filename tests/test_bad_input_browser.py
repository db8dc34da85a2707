"""Hostile dataset text in a real headless Chromium: nothing runs, no dangerous link exists.

Every text field of one incident, its region, and its sources carry payloads that would record
themselves in ``window.__pwned`` if the browser ever treated them as markup or script; the source
URLs are ``javascript:``/``data:``/``vbscript:`` in several disguises. The data is loaded without
validation (the validator would refuse half of it) so the views' own defences are what is tested.
The test opens the incident, hovers a map point, reads the tables, and then checks the live DOM:
no payload element or handler attribute, no script containing the marker, no link other than
http(s), no CSP violation in the console, ``window.__pwned`` undefined.
"""

from __future__ import annotations

import socket

import pytest
from dashboard_data import incident, sample_dataset, source, unvalidated_load, write_dataset
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tracker.dashboard import create_app, ids
from tracker.schema import INC, SRC

pytestmark = pytest.mark.browser

TIMEOUT = 30
HOSTILE_ID = "2024-06-01-hostile"


def _payload(n: int) -> str:
    mark = f"window.__pwned=(window.__pwned||[]).concat({n})"
    return (
        f'<img src=x onerror="{mark}"><script>{mark}</script><svg onload="{mark}"></svg>'
        f'<a href="javascript:{mark}">link{n}</a>" onmouseover="{mark}" x="'
    )


@pytest.fixture(autouse=True)
def _headless(request):
    request.config.option.headless = True


@pytest.fixture
def hostile_dir(tmp_path):
    incidents, sources = sample_dataset()
    text_fields = (INC.location, INC.aircraft, INC.operator, INC.flight, INC.effects,
                   INC.suspected_source, INC.summary, INC.region)  # fmt: skip
    incidents.append(
        incident(
            **{INC.id: HOSTILE_ID, INC.date: "2024-06-01", INC.latitude: 55.0, INC.longitude: 21.0},
            **{field: f"Hostile {field} " + _payload(n) for n, field in enumerate(text_fields)},
        )
    )
    urls = ["javascript:window.__pwned=[100]", "JaVaScRiPt:window.__pwned=[101]",
            "java\tscript:window.__pwned=[102]", "&#106;avascript:window.__pwned=[103]",
            "data:text/html,<script>window.__pwned=[104]</script>", "vbscript:msgbox(105)",
            " javascript:window.__pwned=[106]"]  # fmt: skip
    for n, url in enumerate(urls):
        sources.append(
            source(
                HOSTILE_ID,
                **{
                    SRC.url: url,
                    SRC.publisher: f"Publisher {n} " + _payload(200 + n),
                    SRC.note: "Note " + _payload(300 + n),
                },
            )  # fmt: skip
        )
    sources.append(
        source(HOSTILE_ID, **{SRC.url: "https://example.org/ok", SRC.publisher: "Good link"})
    )
    return write_dataset(tmp_path / "hostile", incidents, sources)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_hostile_text_and_urls_render_inert(dash_duo, hostile_dir):
    driver = dash_duo.driver
    driver.set_window_size(1366, 900)
    port = _free_port()
    dash_duo.start_server(create_app(hostile_dir, loader=unvalidated_load), port=port)
    driver.get(f"http://127.0.0.1:{port}/?incident={HOSTILE_ID}")
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Good link", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.DETAIL}", "Hostile summary <img src=x", timeout=TIMEOUT)

    # Hover every map point once, so plotly builds hover labels from the hostile text.
    wait = WebDriverWait(driver, TIMEOUT, poll_frequency=0.2)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, f"#{ids.MAP} .scattergeo .point"))
    for point in driver.find_elements(By.CSS_SELECTOR, f"#{ids.MAP} .scattergeo .point")[:10]:
        try:
            ActionChains(driver).move_to_element(point).pause(0.2).perform()
        except Exception:  # a point hidden behind another is fine; the others still hover
            continue

    dom = driver.execute_script(
        """
        const all = Array.from(document.querySelectorAll('*'));
        const handlers = all.filter(e => Array.from(e.attributes).some(a => /^on/i.test(a.name)));
        // Executable scripts only: Dash's JSON config may carry option labels, JSON-escaped.
        const runnable = s => !s.type || /javascript|module/i.test(s.type);
        const scripts = Array.from(document.scripts)
            .filter(s => runnable(s) && s.text.includes('__pwned'))
            .map(s => s.outerHTML.slice(0, 200));
        const linking = 'a[href], area[href], iframe[src], form[action]';
        const links = Array.from(document.querySelectorAll(linking))
            .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action'));
        return {
            pwned: window.__pwned === undefined ? null : window.__pwned,
            handlers: handlers.map(e => e.outerHTML.slice(0, 120)),
            scripts: scripts,
            imgX: document.querySelectorAll('img[src="x"], svg[onload]').length,
            links: links,
            detailText: document.getElementById(arguments[0]).innerText,
        };
        """,
        ids.DETAIL,
    )
    assert dom["pwned"] is None, f"a payload ran: {dom['pwned']}"
    assert dom["handlers"] == [], dom["handlers"]
    assert (dom["scripts"], dom["imgX"]) == ([], 0), dom
    bad_links = [
        h for h in dom["links"] if not h.startswith(("http://", "https://", "/", "?", "#"))
    ]
    assert bad_links == [], bad_links
    detail_links = driver.find_elements(By.CSS_SELECTOR, f"#{ids.DETAIL} a[href]")
    assert [a.get_attribute("href") for a in detail_links] == ["https://example.org/ok"]
    # The text is shown, literally: a reader can see what the source said.
    assert "Publisher 0 <img src=x onerror=" in dom["detailText"]
    console = [entry for entry in dash_duo.get_logs() or [] if entry.get("level") == "SEVERE"]
    assert not [e for e in console if "Content Security Policy" in e.get("message", "")], console
