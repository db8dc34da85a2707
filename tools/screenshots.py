"""Take the README's dashboard screenshots (docs/screenshot-*.png) from the shipped data.

Serves the dashboard on a free local port and drives Debian's headless Chromium (selenium, from
the test extra). Run after a change to the dashboard's look:

    .venv/bin/python tools/screenshots.py [--data-dir data] [--out docs]
"""

from __future__ import annotations

import argparse
import pathlib
import socket
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.dashboard import create_app, ids  # noqa: E402
from tracker.dashboard.incident_list import ids as list_ids  # noqa: E402

#: (file name, window width, window height, query string)
SHOTS = (
    ("screenshot-main.png", 1366, 900, ""),
    ("screenshot-filtered.png", 1366, 900, "?region=Baltic+Sea+region&incident={incident}"),
    ("screenshot-phone.png", 420, 900, "?region=Baltic+Sea+region"),
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(driver) -> bool:
    return driver.execute_script(
        f"return document.querySelectorAll('#{ids.MAP} .scattergeo .point').length > 0"
        f" && document.querySelectorAll('#{list_ids.TABLE} tbody tr').length > 0"
        " && document.title !== 'Updating...'"
        " && !document.querySelector('[data-dash-is-loading=\"true\"]')"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=str(ROOT / "data"))
    parser.add_argument("--out", default=str(ROOT / "docs"))
    args = parser.parse_args()
    app = create_app(args.data_dir, map_layers=())
    port = _free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options)
    try:
        from tracker.dashboard.data import load_view_data

        incidents = load_view_data(args.data_dir).incidents
        baltic = incidents[incidents["region"] == "Baltic Sea region"]
        incident = baltic.sort_values("date")["id"].iloc[-1] if len(baltic) else ""
        for name, width, height, query in SHOTS:
            driver.set_window_size(width, height)
            driver.get(f"http://127.0.0.1:{port}/{query.format(incident=incident)}")
            WebDriverWait(driver, 60, poll_frequency=0.3).until(_ready)
            time.sleep(1.5)  # let plotly finish its transitions
            target = pathlib.Path(args.out) / name
            driver.save_screenshot(str(target))
            print(f"wrote {target}")
    finally:
        driver.quit()
        server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
