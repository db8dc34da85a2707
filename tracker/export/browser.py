"""One long-lived headless Chromium that turns plotly figures into PNG, SVG and PDF bytes.

kaleido 1.x drives a real Chromium. Starting one costs a few seconds, so the first export starts a
browser and every later export in the same process reuses it (a chart then takes a fraction of a
second). The browser is Debian's system ``chromium`` (or whatever ``BROWSER_PATH`` names): this
module never downloads one, and it turns MathJax off so no render waits on a CDN.

Why not ``kaleido.start_sync_server``: its worker thread swallows a failed browser start, after
which every call waits forever, and its result queue is shared by all calling threads, so two Dash
callbacks exporting at once could receive each other's image. Here the browser lives on its own
event loop thread; calls are submitted with :func:`asyncio.run_coroutine_threadsafe` (each caller
gets its own future, and kaleido queues renders on its tab), start-up errors reach the caller, and
every wait has a timeout.

>>> png = render_static(fig, fmt="png", width=800, height=500, scale=2)  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import atexit
import contextvars
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from tracker.errors import TrackerError

__all__ = [
    "STATIC_FORMATS",
    "TOPOJSON_DIR",
    "ExportError",
    "ChromiumMissingError",
    "find_chromium",
    "render_static",
    "shutdown",
]

log = logging.getLogger(__name__)

#: Formats kaleido renders for us (EPS is gone in kaleido 1; JPEG/WebP are poor for charts).
STATIC_FORMATS = ("png", "svg", "pdf")

#: plotly's world topojson, committed with the package (see tracker/assets/topojson/).
TOPOJSON_DIR = Path(__file__).resolve().parent.parent / "assets" / "topojson"

#: Seconds to wait for the browser to start, and for one render.
START_TIMEOUT = 60.0
RENDER_TIMEOUT = 60.0

#: Executable names tried on PATH, then typical install locations (Debian, Ubuntu, Chrome).
_BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome")
_BROWSER_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

INSTALL_HINT = (
    "Static chart export (PNG, SVG, PDF) needs a Chromium-based browser. "
    "On Debian or Ubuntu: sudo apt-get install chromium; elsewhere install Chromium or Chrome "
    "and set BROWSER_PATH to its executable. HTML export works without a browser."
)


class ExportError(TrackerError, RuntimeError):
    """An export could not be produced (renderer failed, bad output path...)."""


class ChromiumMissingError(ExportError):
    """No Chromium-based browser was found to render static images."""


def find_chromium() -> str:
    """Path of the browser kaleido will drive.

    ``BROWSER_PATH`` wins when set (kaleido honours it too); otherwise the first Chromium or Chrome
    on ``PATH`` or in a usual place.

    :returns: an executable path.
    :raises ChromiumMissingError: with installation advice, when there is none.
    """
    explicit = os.environ.get("BROWSER_PATH")
    if explicit:
        if os.path.isfile(explicit) and os.access(explicit, os.X_OK):
            return explicit
        raise ChromiumMissingError(
            f"BROWSER_PATH={explicit!r} is not an executable file. {INSTALL_HINT}"
        )
    for name in _BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    for candidate in _BROWSER_PATHS:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise ChromiumMissingError(f"No Chromium or Chrome found. {INSTALL_HINT}")


#: Reload the export page after this many renders anyway (bounds any state plotly.js keeps).
RELOAD_EVERY = 50
_RENDER_FORMAT: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "tracker_export_format", default=None
)


def _kaleido_class() -> type:
    """kaleido's browser class, reloading its page only when needed.

    Stock kaleido reloads the page after every render: plotly.js (4.8 MB) is parsed again and a
    map's topojson fetched and parsed again, which costs more than drawing a simple chart. PNG and
    SVG are made by ``Plotly.toImage`` on a detached element, which leaves the page as it was, so
    the page is kept; it is reloaded after a PDF (printed from the page itself) and every
    :data:`RELOAD_EVERY` renders. Falls back to stock behaviour if kaleido's internals change.
    """
    import kaleido

    base = kaleido.Kaleido
    if not all(hasattr(base, name) for name in ("_render_task", "_return_kaleido_tab")):
        log.warning("unexpected kaleido internals: the export page reloads after every render")
        return base

    class ReusingKaleido(base):
        _renders_since_reload = 0

        async def _render_task(self, fig_arg, *args, **kwargs):
            fmt = (fig_arg.get("opts") or {}).get("format")
            token = _RENDER_FORMAT.set(fmt)
            try:
                return await super()._render_task(fig_arg, *args, **kwargs)
            finally:
                _RENDER_FORMAT.reset(token)

        async def _return_kaleido_tab(self, tab):
            self._renders_since_reload += 1
            if _RENDER_FORMAT.get() in ("png", "svg") and self._renders_since_reload < RELOAD_EVERY:
                await self.tabs_ready.put(tab)
                return
            self._renders_since_reload = 0
            await super()._return_kaleido_tab(tab)

    return ReusingKaleido


class _ExportBrowser:
    """A kaleido browser on a private event loop thread. Use the module functions, not this."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None

    def _ensure_loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None or not self._thread or not self._thread.is_alive():
            loop = asyncio.new_event_loop()
            thread = threading.Thread(
                target=loop.run_forever, name="tracker-export-browser", daemon=True
            )
            thread.start()
            self._loop, self._thread = loop, thread
        return self._loop

    def _started(self) -> Any:
        """The running kaleido instance, starting the browser if needed (caller holds the lock)."""
        if self._kaleido is not None:
            return self._kaleido
        path = find_chromium()
        from choreographer.errors import ChromeNotFoundError

        async def start() -> Any:
            # mathjax=False: otherwise every page loads MathJax from a CDN and can stall offline.
            # choreographer already passes --headless --no-sandbox --disable-gpu
            # --disable-dev-shm-usage --allow-file-access-from-files, which a root container needs.
            instance = _kaleido_class()(n=1, mathjax=False, timeout=RENDER_TIMEOUT, path=path)
            await instance.open()
            return instance

        log.info("starting export browser %s", path)
        loop = self._ensure_loop()
        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(start(), loop).result(START_TIMEOUT)
        except ChromeNotFoundError as err:
            raise ChromiumMissingError(f"{path} could not be used. {INSTALL_HINT}") from err
        except TimeoutError as err:
            raise ExportError(
                f"the export browser ({path}) did not start within {START_TIMEOUT:.0f} s"
            ) from err
        except Exception as err:
            raise ExportError(f"the export browser ({path}) failed to start: {err}") from err
        return self._kaleido

    def render(self, fig_dict: dict, opts: dict, topojson: str) -> bytes:
        with self._lock:
            instance = self._started()
            loop = self._loop
        assert loop is not None
        future = asyncio.run_coroutine_threadsafe(
            instance.calc_fig(fig_dict, opts=opts, topojson=topojson), loop
        )
        try:
            return future.result(RENDER_TIMEOUT + 5)
        except TimeoutError as err:
            future.cancel()
            self.close()  # a hung browser is not reused
            raise ExportError(f"rendering took longer than {RENDER_TIMEOUT:.0f} s") from err
        except Exception as err:
            # A crashed browser would fail every later call: start afresh next time.
            self.close()
            raise ExportError(f"the export browser failed to render the chart: {err}") from err

    def close(self) -> None:
        with self._lock:
            instance, loop, thread = self._kaleido, self._loop, self._thread
            self._kaleido = None
            self._loop = self._thread = None
        if loop is None:
            return
        if instance is not None:
            try:
                asyncio.run_coroutine_threadsafe(instance.close(), loop).result(15)
            except Exception:  # noqa: BLE001 - best effort at shutdown; the process is leaving
                log.debug("export browser did not close cleanly", exc_info=True)
            _remove_profile(instance)
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(5)


def _remove_profile(instance: Any) -> None:
    """Delete the browser's temporary profile folder, retrying while Chromium's last writes land.

    choreographer removes it too, but a helper process still writing can make that fail, and
    the failure then surfaces as an "Exception ignored" traceback at interpreter exit. Best
    effort, through choreographer's internals, hence every step guarded.
    """
    tmp = getattr(getattr(instance, "_browser_impl", None), "tmp_dir", None)
    path = getattr(tmp, "path", None)
    if path is None:
        return
    for _ in range(10):
        shutil.rmtree(path, ignore_errors=True)
        if not os.path.exists(path):
            break
        time.sleep(0.1)
    finalizer = getattr(getattr(tmp, "temp_dir", None), "_finalizer", None)
    if finalizer is not None and not os.path.exists(path):
        finalizer.detach()  # nothing left for it to remove


_BROWSER = _ExportBrowser()
atexit.register(_BROWSER.close)


def render_static(fig: Any, *, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
    """Render a figure to image bytes with the shared export browser.

    :param fig: a ``plotly.graph_objects.Figure`` or a figure dict.
    :param fmt: one of :data:`STATIC_FORMATS`.
    :param width: layout width in CSS pixels.
    :param height: layout height in CSS pixels.
    :param scale: pixel multiplier for PNG (a PNG is ``width * scale`` pixels wide).
    :returns: the file's bytes.
    :raises ChromiumMissingError: no browser installed.
    :raises ExportError: the browser failed or timed out.
    """
    if fmt not in STATIC_FORMATS:
        raise ValueError(f"static format must be one of {', '.join(STATIC_FORMATS)}, not {fmt!r}")
    fig_dict = fig if isinstance(fig, dict) else fig.to_dict()
    opts = {"format": fmt, "width": int(width), "height": int(height), "scale": float(scale)}
    # kaleido loads "<url><scope>_<resolution>m.json"; the browser may read file:// URLs.
    topojson = TOPOJSON_DIR.as_uri() + "/"
    return _BROWSER.render(fig_dict, opts, topojson)


def shutdown() -> None:
    """Close the export browser now (it also closes at interpreter exit)."""
    _BROWSER.close()
