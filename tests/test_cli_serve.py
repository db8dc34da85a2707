"""``gnss-tracker serve`` and ``python dashboard.py``: options, refusals, and a real server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from dashboard_data import sample_dataset, write_dataset

from tracker.cli import main

REPO = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_refuses_debug_on_a_public_address(tmp_path):
    result = CliRunner().invoke(
        main, ["serve", "--debug", "--host", "0.0.0.0", "--data-dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "refusing --debug on 0.0.0.0" in result.output


def test_serve_rejects_a_missing_data_folder(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--data-dir", str(tmp_path / "nope")])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "tracker", "serve"],
        [sys.executable, str(REPO / "dashboard.py")],
    ],
)
def test_a_real_server_answers_on_localhost(tmp_path, command):
    incidents, sources = sample_dataset()
    data_dir = write_dataset(tmp_path / "data", incidents, sources)
    port = _free_port()
    process = subprocess.Popen(
        [*command, "--data-dir", str(data_dir), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    body = response.read().decode()
                    headers = response.headers
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.3)
        assert "GNSS Interference Tracker" in body
        assert headers["X-Frame-Options"] == "DENY"
        layout = urllib.request.urlopen(f"http://127.0.0.1:{port}/_dash-layout", timeout=10).read()
        assert b"map-graph" in layout
    finally:
        process.terminate()
        process.wait(timeout=20)
