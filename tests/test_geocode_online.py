"""Nominatim through geopy against a real local HTTP server speaking Nominatim's JSON.

No mocks: geopy makes real HTTP requests to a ``http.server`` in a thread. The server records
each request so the tests can check the user agent, the rate limit and that cached answers
need no request at all.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from tracker.errors import GeocodingError
from tracker.geocode.online import (
    GeocodeCache,
    OnlineLookup,
    make_nominatim,
    precision_from_nominatim,
)
from tracker.geocode.resolve import PlaceResolver

PLACES = {
    # A village too small for the offline gazetteer.
    "ruhnu": {
        "place_id": 1,
        "lat": "57.8025",
        "lon": "23.2539",
        "display_name": "Ruhnu, Saare County, Estonia",
        "class": "place",
        "type": "village",
        "addresstype": "village",
        "address": {"village": "Ruhnu", "country": "Estonia", "country_code": "ee"},
    },
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 (http.server's naming)
        url = urlparse(self.path)
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        self.server.seen.append((time.monotonic(), url.path, params, dict(self.headers)))
        query = params.get("q", "").lower()
        if "slow" in query:
            time.sleep(1.2)
        if "broken" in query:
            self._send(500, {"error": "internal"})
        elif url.path == "/search":
            self._send(200, [PLACES[query]] if query in PLACES else [])
        elif url.path == "/reverse":
            self._send(200, PLACES["ruhnu"])
        else:
            self._send(404, {"error": "not found"})

    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def server(monkeypatch):
    # geopy honours HTTP(S)_PROXY; the local server must be reached directly.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _lookup(server, cache, **options):
    nominatim = make_nominatim(
        domain=f"127.0.0.1:{server.server_address[1]}", scheme="http", timeout=1
    )
    return OnlineLookup(
        cache,
        nominatim,
        min_delay_seconds=options.pop("min_delay", 0.0),
        max_retries=0,
        **options,
    )


def test_found_answer_is_parsed_and_cached(server, tmp_path):
    cache = GeocodeCache(tmp_path / "geocode_cache.csv")
    lookup = _lookup(server, cache)
    entry = lookup.lookup("Ruhnu")
    assert entry.found and entry.country == "EE" and entry.precision == "city"
    assert (entry.latitude, entry.longitude) == (57.8025, 23.2539)
    assert "gnss-interference-tracker" in server.seen[0][3]["User-Agent"]
    assert server.seen[0][2]["format"] == "json"
    assert cache.save()
    # A fresh cache read from the file answers without any request.
    again = _lookup(server, GeocodeCache(tmp_path / "geocode_cache.csv")).lookup("ruhnu")
    assert again == entry
    assert len(server.seen) == 1


def test_not_found_is_none_and_cached_too(server, tmp_path):
    cache = GeocodeCache(tmp_path / "c.csv")
    lookup = _lookup(server, cache)
    assert lookup.lookup("Atlantis Nowhere").found is False
    assert lookup.lookup("Atlantis Nowhere").found is False
    assert len(server.seen) == 1


def test_http_500_is_an_error_not_not_found(server, tmp_path):
    cache = GeocodeCache(tmp_path / "c.csv")
    with pytest.raises(GeocodingError, match="not 'not found'"):
        _lookup(server, cache).lookup("broken place")
    assert cache.get("nominatim", "broken place") is None  # failures are never cached


def test_timeout_is_an_error_not_not_found(server, tmp_path):
    cache = GeocodeCache(tmp_path / "c.csv")
    with pytest.raises(GeocodingError, match="(?s)timed out.*not 'not found'"):
        _lookup(server, cache).lookup("slow place")


def test_rate_limiter_spaces_requests(server, tmp_path):
    """The limiter waits out the rest of min_delay between requests. Its clock and sleep are
    geopy's patchable hooks, so the test checks the waits it asks for, not wall-clock timing."""
    lookup = _lookup(server, GeocodeCache(tmp_path / "c.csv"), min_delay=1.0)
    now = [100.0]
    waits: list[float] = []

    def fake_sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    lookup._geocode._clock = lambda: now[0]
    lookup._geocode._sleep = fake_sleep
    for name in ("one", "two", "three"):
        lookup.lookup(name)
        now[0] += 0.25  # each request "takes" a quarter of a second
    assert len(server.seen) == 3
    assert waits == [pytest.approx(0.75), pytest.approx(0.75)]


def test_resolver_goes_online_only_when_offline_fails_and_allowed(server, tmp_path):
    cache_path = tmp_path / "geocode_cache.csv"
    lookup = _lookup(server, GeocodeCache(cache_path))
    offline_only = PlaceResolver(online=False, lookup=lookup)
    assert offline_only.resolve("Ruhnu") is None
    assert offline_only.resolve("Riga").source == "gazetteer:geonames"
    assert server.seen == []
    online = PlaceResolver(online=True, lookup=lookup)
    assert online.resolve("Riga").source == "gazetteer:geonames"
    assert server.seen == []
    result = online.resolve("Ruhnu")
    assert (result.source, result.country) == ("nominatim", "EE")
    assert result.region == "Baltic Sea region"
    online.save_cache()
    # Next run: offline, from the committed cache, same answer, no request.
    later = PlaceResolver(online=False, cache_path=cache_path)
    assert later.resolve("Ruhnu") == result
    assert len(server.seen) == 1


def test_reverse_endpoint_through_geopy(server):
    nominatim = make_nominatim(domain=f"127.0.0.1:{server.server_address[1]}", scheme="http")
    location = nominatim.reverse((57.80, 23.25))
    assert location.raw["address"]["country_code"] == "ee"
    assert server.seen[-1][1] == "/reverse"


def test_bad_cache_file_is_a_clear_error(tmp_path):
    path = tmp_path / "geocode_cache.csv"
    path.write_text("provider,query\nnominatim,x\n", encoding="utf-8")
    with pytest.raises(GeocodingError, match="lacks columns"):
        GeocodeCache(path)


@pytest.mark.parametrize(
    ("raw", "precision"),
    [
        ({"class": "aeroway", "type": "aerodrome"}, "airport"),
        ({"addresstype": "city"}, "city"),
        ({"addresstype": "country"}, "country"),
        ({"addresstype": "state"}, "region"),
        ({"class": "natural", "type": "bay"}, "area"),
    ],
)
def test_precision_from_nominatim(raw, precision):
    assert precision_from_nominatim(raw) == precision


# --- the CLI, end to end against the local server -------------------------------------------------


def _manual_dataset(tmp_path, query):
    from helpers import incident_row, source_row, write_dataset

    from tracker import dataset

    row = incident_row(
        **{
            "id": "2024-03-13-ruhnu",
            "location": "Ruhnu island",
            "latitude": "57.8",
            "longitude": "23.2",
            "country": "EE",
            "geocode_query": query,
            "geocode_precision": "area",
        }
    )
    source = source_row(**{"incident_id": "2024-03-13-ruhnu"})
    folder = write_dataset(tmp_path / "data", [row], [source])
    dataset.save(dataset.load(folder), folder)
    return folder


def test_cli_geocode_online_uses_and_fills_the_cache(server, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tracker import dataset
    from tracker.cli import main

    monkeypatch.setenv("GNSS_TRACKER_NOMINATIM_URL", f"http://127.0.0.1:{server.server_address[1]}")
    folder = _manual_dataset(tmp_path, "Ruhnu")
    args = ["geocode", "--data-dir", str(folder), "--refresh-manual"]
    offline = CliRunner().invoke(main, args)
    assert offline.exit_code == 0 and "unresolved: 2024-03-13-ruhnu: 'Ruhnu'" in offline.output
    assert server.seen == []
    online = CliRunner().invoke(main, [*args, "--online"])
    assert online.exit_code == 0, online.output
    assert "Asking Nominatim for 1 places (about 1 s)" in online.output
    row = dataset.load(folder).incidents.iloc[0]
    assert (row["geocode_source"], row["geocode_precision"], row["latitude"]) == (
        "nominatim",
        "city",
        57.8025,
    )
    assert "nominatim,Ruhnu,yes,57.802500,23.253900,EE" in (folder / "geocode_cache.csv").read_text(
        encoding="utf-8"
    )
    assert len(server.seen) == 1


def test_cli_geocode_online_failure_changes_nothing(server, tmp_path, monkeypatch):
    from click.testing import CliRunner
    from helpers import snapshot

    from tracker.cli import main

    monkeypatch.setenv("GNSS_TRACKER_NOMINATIM_URL", f"http://127.0.0.1:{server.server_address[1]}")
    folder = _manual_dataset(tmp_path, "broken place")
    before = snapshot(folder)
    result = CliRunner().invoke(
        main, ["geocode", "--data-dir", str(folder), "--refresh-manual", "--online"]
    )
    assert result.exit_code == 1
    assert "Nominatim failed for 'broken place'" in result.output
    assert "not 'not found'" in result.output
    assert "Traceback" not in result.output
    after = snapshot(folder)
    after.pop("geocode_cache.csv", None)  # only the (empty) cache file may appear
    assert after == before
