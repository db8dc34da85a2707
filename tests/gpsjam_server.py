"""A real local HTTP server playing GPSJam's web folder, for the downloader's tests.

It serves ``/data/<name>`` from a dict of bytes that a test may change between runs, and can be
told, per file, how to misbehave on its next requests: answer 404 or 500, ask to come back later
(``Retry-After``), stall past the client's timeout, cut the body short, or gzip it. Every request
is logged with what was sent, and the largest number of requests in flight at once is kept (a
polite client never has more than one).
"""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["GpsjamServer", "Served"]


@dataclass
class Served:
    """One request: the file name, the status sent and whether the whole body went out."""

    name: str
    status: int
    complete: bool
    headers: dict


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 (http.server's naming)
        site: GpsjamServer = self.server.site
        with site.lock:
            site.in_flight += 1
            site.max_in_flight = max(site.max_in_flight, site.in_flight)
        try:
            self._answer(site)
        finally:
            with site.lock:
                site.in_flight -= 1

    def _answer(self, site: GpsjamServer) -> None:
        prefix = "/data/"
        name = self.path[len(prefix) :] if self.path.startswith(prefix) else ""
        with site.lock:
            body = site.files.get(name)
            queue = site.plan.get(name)
            action = queue.pop(0) if queue else None
            arrived = site.arrived.setdefault(name, threading.Event())
            gate = site.gates.get(name)
        headers = dict(self.headers)
        arrived.set()
        if gate is not None:
            # Hold the request until the test opens the gate, then hang up without an answer
            # (the client it came from is gone by then).
            gate.wait(60)
            self.close_connection = True
            with site.lock:
                site.log.append(Served(name, 0, False, headers))
            return None
        kind, arg = (
            (action if isinstance(action, tuple) else (action, None)) if action else (None, None)
        )
        if body is None or kind == "404":
            return self._send(name, 404, b"not found\n", headers)
        if kind == "500":
            return self._send(name, 500, b"internal error\n", headers)
        if kind in ("429", "503"):
            return self._send(
                name, int(kind), b"slow down\n", headers, extra={"Retry-After": str(arg)}
            )
        if kind == "stall":
            # Say nothing until the test ends: the client times out first.
            site.release.wait(60)
            self.close_connection = True
            with site.lock:
                site.log.append(Served(name, 0, False, headers))
            return None
        if kind == "truncate":
            # Announce the full length, send a part, hang up.
            return self._send(name, 200, body, headers, cut=len(body) // 2)
        if kind == "truncate-no-length":
            # No Content-Length: the body ends where the connection closes.
            return self._send(name, 200, body, headers, cut=arg, length=False)
        if kind == "gzip":
            packed = gzip.compress(body)
            return self._send(name, 200, packed, headers, extra={"Content-Encoding": "gzip"})
        if kind == "gzip-truncate":
            packed = gzip.compress(body)
            return self._send(
                name,
                200,
                packed,
                headers,
                extra={"Content-Encoding": "gzip"},
                cut=len(packed) // 2,
                length=False,
            )
        if kind == "body":
            return self._send(name, 200, arg, headers)
        return self._send(name, 200, body, headers)

    def _send(self, name, status, body, headers, *, extra=None, cut=None, length=True):
        self.send_response(status)
        self.send_header("Content-Type", "text/csv")
        if length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if cut is not None or not length:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        sent = body if cut is None else body[:cut]
        # Logged before the bytes go out, so a client that has the answer finds it logged.
        entry = Served(name, status, cut is None, headers)
        with self.server.site.lock:
            self.server.site.log.append(entry)
        try:
            self.wfile.write(sent)
            self.wfile.flush()
        except OSError:
            entry.complete = False


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: GpsjamServer

    def handle_error(self, request, client_address) -> None:
        # A client that timed out or hung up is part of the plan of several tests. The default
        # prints a traceback to sys.stderr from a handler thread that may outlive its test, and
        # click's CliRunner, which swaps sys.stderr, then finds it in the next test's output.
        with self.site.lock:
            self.site.errors += 1


class GpsjamServer:
    """Serve ``files`` (name -> bytes) under ``<url>`` from a thread; use as a context manager.

    :ivar plan: name -> list of actions for its next requests (``"404"``, ``"500"``,
        ``("503", seconds)``, ``("429", seconds)``, ``"stall"``, ``"truncate"``,
        ``("truncate-no-length", bytes)``, ``"gzip"``, ``"gzip-truncate"``, ``("body", bytes)``).
    :ivar gates: name -> Event; a request for that file waits until the event is set, then is
        dropped unanswered.
    :ivar arrived: name -> Event, set when a request for the file arrives.
    """

    def __init__(self, files: dict[str, bytes]):
        self.files = dict(files)
        self.plan: dict[str, list] = {}
        self.gates: dict[str, threading.Event] = {}
        self.arrived: dict[str, threading.Event] = {}
        self.release = threading.Event()
        self.log: list[Served] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.errors = 0
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.site = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/data/"

    def arrival(self, name: str) -> threading.Event:
        with self.lock:
            return self.arrived.setdefault(name, threading.Event())

    def served(self, name: str, *, complete: bool | None = None, status: int | None = None):
        """Requests logged for ``name``, optionally only complete ones or one status."""
        with self.lock:
            return [
                s
                for s in self.log
                if s.name == name
                and (complete is None or s.complete == complete)
                and (status is None or s.status == status)
            ]

    def __enter__(self) -> GpsjamServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release.set()
        for gate in self.gates.values():
            gate.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(10)
