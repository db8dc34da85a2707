"""The ADS-B layer in the running dashboard (real headless Chromium, synthetic layer store)."""

from __future__ import annotations

import datetime as dt
import socket

import h3
import pandas as pd
import pytest
from dashboard_data import sample_dataset, write_dataset
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

from tracker.adsb.dashboard import EVIDENCE, PANEL, PANEL_TIMELINE, adsb_map_layer
from tracker.adsb.store import LayerStore
from tracker.dashboard import create_app, ids

pytestmark = pytest.mark.browser

TIMEOUT = 20
RIGA = h3.latlng_to_cell(56.95, 24.11, 4)
TALLINN = h3.latlng_to_cell(59.44, 24.75, 4)


@pytest.fixture(autouse=True)
def _headless(request):
    request.config.option.headless = True


@pytest.fixture
def app(tmp_path):
    incidents, sources = sample_dataset()
    data_dir = write_dataset(tmp_path / "data", incidents, sources)
    store = LayerStore(tmp_path / "store")

    def day(*rows):
        return pd.DataFrame(rows, columns=["hex", "count_good_aircraft", "count_bad_aircraft"])

    store.write_days(
        {
            dt.date(2024, 3, 9): day((RIGA, 50, 0), (TALLINN, 40, 2)),
            dt.date(2024, 3, 10): day((RIGA, 10, 20), (TALLINN, 95, 5)),
            dt.date(2024, 3, 11): day((RIGA, 60, 1)),
        },
        source="gpsjam",
    )
    return create_app(data_dir, map_layers=[adsb_map_layer(store)])


def _until(dash_duo, condition) -> None:
    # Dash replaces elements when it re-renders: an element found a moment ago can go stale
    # before its text is read, which just means "look again".
    WebDriverWait(
        dash_duo.driver,
        TIMEOUT,
        poll_frequency=0.2,
        ignored_exceptions=(StaleElementReferenceException,),
    ).until(lambda _d: condition())


def _start(dash_duo, app, query: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dash_duo.driver.set_window_size(1366, 900)
    dash_duo.start_server(app, port=port)
    dash_duo.driver.get(f"http://127.0.0.1:{port}/{query}")


def _script(dash_duo, js: str):
    return dash_duo.driver.execute_script(js)


def test_layer_panel_and_incident_evidence(dash_duo, app):
    _start(dash_duo, app, "?from=2024-03-09&to=2024-03-11&layer=adsb&incident=2024-03-10-riga")
    # Map: the layer's traces are drawn (legend entries), with the caveat note.
    _until(dash_duo, lambda: "ADS-B high" in dash_duo.find_element(f"#{ids.MAP}").text)
    assert "No data is not no interference" in dash_duo.find_element(f"#{ids.MAP}").text
    # Panel: visible, its timeline drawn.
    _until(
        dash_duo,
        lambda: _script(dash_duo, f"return document.getElementById('{PANEL}').hidden") is False,
    )
    _until(
        dash_duo,
        lambda: (
            _script(
                dash_duo,
                f"return document.querySelectorAll('#{PANEL_TIMELINE} .bars .point').length",
            )
            > 0
        ),
    )
    # Incident card: the layer's evidence for the Riga incident (high on 2024-03-10).
    _until(
        dash_duo,
        lambda: "Level: high" in dash_duo.find_element(f"#{EVIDENCE}").get_attribute("textContent"),
    )
    assert dash_duo.get_logs() == []


def test_panel_hidden_when_layer_off(dash_duo, app):
    _start(dash_duo, app, "?from=2024-03-09&to=2024-03-11")
    _until(
        dash_duo,
        lambda: (
            len(dash_duo.driver.find_elements("css selector", f"#{ids.MAP} .scattergeo .point")) > 0
        ),
    )
    assert _script(dash_duo, f"return document.getElementById('{PANEL}').hidden") is True
    assert "ADS-B high" not in dash_duo.find_element(f"#{ids.MAP}").text


def test_evidence_filter_narrows_the_views_and_lives_in_the_url(dash_duo, app):
    from tracker.adsb.dashboard import FILTER

    _start(dash_duo, app, "?layer=adsb")
    _until(dash_duo, lambda: "Showing 5 of 5" in dash_duo.find_element(f"#{ids.SHOWN}").text)
    _until(
        dash_duo,
        lambda: _script(dash_duo, f"return document.getElementById('{PANEL}').hidden") is False,
    )
    # Radio buttons work from the keyboard: focus "Corroborated" and press space.
    radio = dash_duo.driver.find_element(
        "css selector", f"#{FILTER} input[type=radio][value=corroborated]"
    )
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", radio)
    radio.send_keys(" ")
    _until(dash_duo, lambda: "Showing 1 of 5" in dash_duo.find_element(f"#{ids.SHOWN}").text)
    assert "adsb.evidence=corroborated" in dash_duo.driver.current_url
    assert "ADS-B: corroborated" in dash_duo.find_element(f"#{ids.ACTIVE}").text
    # A shared link restores the setting and the radio button.
    port = dash_duo.driver.current_url.split(":")[2].split("/")[0]
    dash_duo.driver.get(f"http://127.0.0.1:{port}/?layer=adsb&adsb.evidence=no-data")
    _until(dash_duo, lambda: "Showing 4 of 5" in dash_duo.find_element(f"#{ids.SHOWN}").text)
    _until(
        dash_duo,
        lambda: (
            _script(
                dash_duo,
                f"return document.querySelector('#{FILTER} input[value=\"no-data\"]').checked",
            )
            is True
        ),
    )
    assert dash_duo.get_logs() == []
