"""Chart exports checked as real files: PNG, SVG and PDF from the real headless Chromium (marked
``browser``), standalone HTML opened by Chromium with every network request blocked."""

from __future__ import annotations

import datetime as dt
import html.parser
import os
import re
import shutil
import struct
import subprocess
import sys

import defusedxml.ElementTree as SafeET
import pytest
from click.testing import CliRunner
from export_helpers import make_export_dataset
from helpers import snapshot

from tracker import dataset
from tracker.cli import main
from tracker.export import (
    CHART_KINDS,
    ChartOptions,
    ChromiumMissingError,
    find_chromium,
    image_button_options,
    publication_figure,
    render_chart,
)
from tracker.export.charts import CAVEAT, DEFAULT_TITLES, chart_footer
from tracker.filters import Filters

GENERATED = dt.date(2026, 11, 27)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> dataset.Dataset:
    return dataset.load(make_export_dataset(tmp_path_factory.mktemp("export") / "data"))


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == PNG_SIGNATURE
    assert content[12:16] == b"IHDR"
    return struct.unpack(">II", content[16:24])


class _Resources(html.parser.HTMLParser):
    """Collects every URL a page would load by itself: script src, link href, img src..."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            if tag in ("script", "link", "img", "iframe", "embed", "source") and attrs.get(name):
                self.urls.append(attrs[name])


# --------------------------------------------------------------------------- without a browser


def test_publication_figure_states_title_filters_dates_and_footer(data):
    filters = Filters.validated(interference=["jamming"], region=["Baltic Sea region"])
    fig = publication_figure(
        "map", filters.apply(data.incidents), filters=filters, generated=GENERATED
    )
    title = fig.layout.title.text
    subtitle = fig.layout.title.subtitle.text
    footer = fig.layout.annotations[-1].text.replace("<br>", " ")
    assert DEFAULT_TITLES["map"] in title
    assert "Jamming" in subtitle and "Baltic Sea region" in subtitle
    assert "incidents dated 2024-02-11" in subtitle  # one jamming incident in the Baltic
    assert "Data: GNSS Interference Tracker, 1 incident, generated 2026-11-27." in footer
    assert "Reports are not measurements" in footer


def test_unfiltered_chart_says_so(data):
    fig = publication_figure("timeline", data.incidents, filters=Filters(), generated=GENERATED)
    assert "Filters: none (all incidents) | incidents dated 2024-01-05 to 2024-09-30" in (
        fig.layout.title.subtitle.text
    )
    assert "6 incidents" in fig.layout.annotations[-1].text


def test_titles_are_plain_text(data):
    options = ChartOptions(title='<a href="javascript:alert(1)">x</a> & co')
    fig = publication_figure("regions", data.incidents, options=options, generated=GENERATED)
    assert "<a href" not in fig.layout.title.text
    assert "&lt;a href=" in fig.layout.title.text and "&amp; co" in fig.layout.title.text


def test_footer_text():
    assert chart_footer(1234, generated=GENERATED) == (
        f"Data: GNSS Interference Tracker, 1,234 incidents, generated 2026-11-27. {CAVEAT}"
    )


def test_image_button_options_file_name():
    options = image_button_options("timeline")
    assert re.fullmatch(r"gnss-interference-timeline-\d{4}-\d{2}-\d{2}", options["filename"])
    assert options["format"] == "png"


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_html_is_self_contained(data, kind):
    content = render_chart(kind, data, fmt="html", generated=GENERATED).decode("utf-8")
    parser = _Resources()
    parser.feed(content)
    assert parser.urls == []  # no <script src>, <link href>: plotly.js is inline
    assert parser.scripts >= 2
    assert "cdn.plot.ly" not in re.sub(r"<script>.*?</script>", "", content, flags=re.S)
    assert "Plotly.newPlot" in content
    assert DEFAULT_TITLES[kind] in content
    assert "GNSS Interference Tracker" in content and "Reports are not measurements" in content
    if kind == "map":
        # The map's country outlines travel inside the page.
        assert 'window.PlotlyGeoAssets = {"topojson":{"world_50m":' in content


def test_html_escapes_script_end_in_titles(data):
    options = ChartOptions(title="</script><script>alert(1)</script>")
    content = render_chart("timeline", data, fmt="html", options=options).decode("utf-8")
    assert "</script><script>alert(1)" not in content


def test_find_chromium_missing_says_how_to_install(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    with pytest.raises(ChromiumMissingError, match="apt-get install chromium"):
        find_chromium()


def test_cli_without_chromium_is_a_clear_error(tmp_path):
    """A fresh process (the test process may already have a browser running)."""
    data_dir = make_export_dataset(tmp_path / "data")
    env = {**os.environ, "BROWSER_PATH": str(tmp_path / "no-such-browser")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tracker",
            "export",
            "chart",
            "regions",
            "--data-dir",
            str(data_dir),
            "-o",
            str(tmp_path / "r.png"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "apt-get install chromium" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "r.png").exists()


def test_cli_chart_bad_output_fails_before_rendering(tmp_path):
    data_dir = make_export_dataset(tmp_path / "data")
    before = snapshot(data_dir)
    result = CliRunner().invoke(
        main,
        [
            "export",
            "chart",
            "map",
            "--data-dir",
            str(data_dir),
            "-o",
            str(tmp_path / "no" / "m.png"),
        ],
    )
    assert result.exit_code == 1
    assert "does not exist; create it first" in result.output
    result = CliRunner().invoke(
        main, ["export", "chart", "map", "--data-dir", str(data_dir), "-o", str(data_dir / "m.svg")]
    )
    assert result.exit_code == 1
    assert "refusing to write inside the dataset folder" in result.output
    assert snapshot(data_dir) == before


def test_cli_html_chart(tmp_path, data):
    data_dir = make_export_dataset(tmp_path / "data")
    out = tmp_path / "out"
    out.mkdir()
    result = CliRunner().invoke(
        main,
        [
            "export",
            "chart",
            "timeline",
            "--data-dir",
            str(data_dir),
            "--interference",
            "spoofing",
            "--title",
            "Spoofing over time",
            "-o",
            str(out / "spoofing.html"),
        ],
    )
    assert result.exit_code == 0, result.output
    content = (out / "spoofing.html").read_text("utf-8")
    assert "Spoofing over time" in content and "Filters: Spoofing" in content
    assert "2 incidents" in content
    assert [p.name for p in out.iterdir()] == ["spoofing.html"]


# --------------------------------------------------------------------------- real Chromium


@pytest.mark.browser
@pytest.mark.parametrize("kind", CHART_KINDS)
def test_png_signature_and_size(data, kind):
    options = ChartOptions(width=640, height=420, scale=1.5)
    content = render_chart(kind, data, fmt="png", options=options)
    assert png_size(content) == (960, 630)


@pytest.mark.browser
@pytest.mark.parametrize("kind", CHART_KINDS)
def test_svg_parses_and_has_title(data, kind):
    options = ChartOptions(width=800, height=500, title=f"Test {kind} chart")
    content = render_chart(kind, data, fmt="svg", options=options)
    root = SafeET.fromstring(content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == "800" and root.get("height") == "500"
    texts = " ".join(t for t in root.itertext())
    assert f"Test {kind} chart" in texts
    assert "GNSS Interference Tracker" in texts


@pytest.mark.browser
@pytest.mark.parametrize("kind", CHART_KINDS)
def test_pdf_signature(data, kind):
    content = render_chart(kind, data, fmt="pdf", options=ChartOptions(width=800, height=500))
    assert content.startswith(b"%PDF-")
    assert content.rstrip().endswith(b"%%EOF")


@pytest.mark.browser
def test_cli_png_file(tmp_path):
    data_dir = make_export_dataset(tmp_path / "data")
    result = CliRunner().invoke(
        main,
        [
            "export",
            "chart",
            "map",
            "--data-dir",
            str(data_dir),
            "--country",
            "LT,EE",
            "--width",
            "500",
            "--height",
            "300",
            "--scale",
            "2",
            "-o",
            str(tmp_path / "baltic map.png"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert png_size((tmp_path / "baltic-map.png").read_bytes()) == (1000, 600)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium")
def test_html_map_renders_with_network_blocked(tmp_path, data):
    """Open the HTML file alone in headless Chromium with DNS and proxy black-holed: the country
    outlines must still be drawn (they would be fetched from cdn.plot.ly otherwise)."""
    page = tmp_path / "map.html"
    page.write_bytes(render_chart("map", data, fmt="html"))
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=127.0.0.1:9",
            "--virtual-time-budget=15000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    countries = re.search(r'<g class="layer countries">(.*?)</g>', dom, flags=re.S)
    assert countries, "no country layer drawn"
    assert re.search(r'<path[^>]* d="M[^"]{1000,}', countries.group(1)), "country outlines empty"
    assert dom.count('class="point"') >= 6  # the six incidents
    assert "Reported GNSS interference incidents affecting aircraft" in dom


@pytest.mark.browser
def test_shared_browser_gives_each_export_its_own_chart(data):
    """The export page is reused between renders: nothing of one chart may leak into the next."""
    first = render_chart("regions", data, fmt="svg", options=ChartOptions(title="First chart"))
    pdf = render_chart("timeline", data, fmt="pdf", options=ChartOptions(title="Second chart"))
    second = render_chart("countries", data, fmt="svg", options=ChartOptions(title="Third chart"))
    small = render_chart(
        "map", data, fmt="png", options=ChartOptions(width=300, height=200, scale=1)
    )
    assert pdf.startswith(b"%PDF-")
    first_text = " ".join(SafeET.fromstring(first).itertext())
    second_text = " ".join(SafeET.fromstring(second).itertext())
    assert "First chart" in first_text and "Third chart" not in first_text
    assert "Third chart" in second_text and "First chart" not in second_text
    assert "Second chart" not in second_text
    assert png_size(small) == (300, 200)


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_chart_of_nothing_says_so(data, kind):
    nothing = Filters.validated(country=["JP"])
    content = render_chart(kind, data, fmt="html", filters=nothing, generated=GENERATED).decode()
    assert "no incidents match" in content
    assert "Data: GNSS Interference Tracker, 0 incidents, generated 2026-11-27." in content


@pytest.mark.browser
def test_png_of_nothing(data):
    content = render_chart(
        "map",
        data,
        fmt="png",
        filters=Filters.validated(country=["JP"]),
        options=ChartOptions(width=400, height=300, scale=1),
    )
    assert png_size(content) == (400, 300)


def test_world_maps_use_coarser_outlines_only_at_world_scale(data):
    from tracker.export.charts import _spans_the_world
    from tracker.schema import INC

    assert not _spans_the_world(data.incidents)  # London to Larnaca: keep 1:50m detail
    wide = data.incidents.copy()
    wide.loc[wide.index[0], INC.longitude] = -122.4
    wide.loc[wide.index[1], INC.longitude] = 139.7
    assert _spans_the_world(wide)
    assert not _spans_the_world(wide.iloc[:0])
