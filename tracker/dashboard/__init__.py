"""The dashboard: a Dash app built by :func:`create_app` (map, timeline, per-region statistics).

>>> from tracker.dashboard import create_app
>>> app = create_app(data_dir="data")          # doctest: +SKIP
>>> app.run(host="127.0.0.1", port=8050)       # doctest: +SKIP

``dashboard.py`` at the repository root exposes ``app`` and ``server`` for ``python dashboard.py``
and ``gunicorn dashboard:server``. Everything runs offline: plotly.js and Dash's scripts come from
the installed packages, CSS and map outlines from ``tracker/assets/``.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from dash import Dash

from tracker import csvio, dataset, safety
from tracker.dashboard import callbacks, downloads, ids, incident_list, layout, published_panel
from tracker.dashboard.data import load_view_data
from tracker.dashboard.layers import LayerContext, MapLayer, default_layers
from tracker.dashboard.state import ViewState

__all__ = ["create_app", "layer_context", "ASSETS_DIR", "MAX_REQUEST_BYTES", "security_headers"]

logger = logging.getLogger(__name__)

#: Served as Dash assets: Bootstrap CSS, the dashboard's CSS, map outlines (topojson).
ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
#: Largest request body accepted (a map selection of thousands of points stays well below).
MAX_REQUEST_BYTES = 4 * 1024 * 1024

_TITLE = "GNSS Interference Tracker"


def security_headers(renderer_script: str) -> dict[str, str]:
    """HTTP headers added to every response.

    The content security policy allows only this server's scripts, plus Dash's one inline
    bootstrap script by hash; styles need ``'unsafe-inline'`` because plotly.js and the data table
    inject ``<style>`` elements.
    """
    digest = base64.b64encode(hashlib.sha256(renderer_script.encode()).digest()).decode()
    csp = "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'sha256-{digest}'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
    }


def layer_context(data_dir: Path, *, loader: Callable | None = None) -> LayerContext:
    """What map layers get to register their callbacks (see :class:`LayerContext`)."""

    def view(search):
        if not safety.query_accepted(search):
            return None
        return ViewState.from_query(search)

    def incidents():
        return load_view_data(data_dir, loader=loader).incidents

    return LayerContext(url=ids.URL, view=view, incidents=incidents, data_dir=data_dir)


def _check_layer_ids(layers: Sequence[MapLayer]) -> None:
    """Refuse layers whose ids or component ids collide (Dash would fail later, less clearly)."""
    taken = {value for name, value in vars(ids).items() if name.isupper()}
    seen_layers: set[str] = set()
    for layer in layers:
        if layer.id in seen_layers:
            raise ValueError(f"two map layers have the id {layer.id!r}")
        seen_layers.add(layer.id)
        clash = taken.intersection(layer.component_ids)
        if clash:
            raise ValueError(f"map layer {layer.id!r} reuses component ids {sorted(clash)}")
        taken.update(layer.component_ids)


def create_app(
    data_dir: Path | str = dataset.DEFAULT_DATA_DIR,
    *,
    map_layers: Sequence[MapLayer] | None = None,
    requests_pathname_prefix: str | None = None,
    loader: Callable | None = None,
) -> Dash:
    """Build the dashboard for the data in ``data_dir``.

    :param data_dir: folder holding ``incidents.csv`` and ``sources.csv``; re-read whenever they
        change (cached on path and modification time).
    :param map_layers: optional map layers (see :mod:`tracker.dashboard.layers`); by default
        :func:`tracker.dashboard.layers.default_layers` (those installed packages declare).
    :raises ValueError: when two layers share an id or a layer reuses a component id.
    :param requests_pathname_prefix: when served under a sub-path behind a proxy.
    :param loader: ``loader(data_dir) -> Dataset``, :func:`tracker.dataset.load` by default.
    :returns: the Dash app; its Flask server is ``app.server``. Debug is off unless the caller
        runs it with ``debug=True``.
    """
    data_dir = Path(data_dir).resolve()
    csvio.return_freed_memory()  # a long-lived server: keep only what the data needs
    layers = tuple(default_layers(data_dir) if map_layers is None else map_layers)
    _check_layer_ids(layers)
    app = Dash(
        __name__,
        title=_TITLE,
        assets_folder=str(ASSETS_DIR),
        # topojson is fetched by plotly.js on demand; Dash must not inline-load it as an asset.
        assets_ignore=r"topojson/.*|.*LICENSE.*",
        serve_locally=True,
        compress=False,
        update_title=None,
        requests_pathname_prefix=requests_pathname_prefix,
    )
    # The page's language, for screen readers and hyphenation (Dash's template has none).
    app.index_string = app.index_string.replace("<html>", '<html lang="en">', 1)
    topojson_url = app.get_asset_url("topojson/")
    app.layout = lambda: layout.build_layout(
        load_view_data(data_dir, loader=loader), topojson_url=topojson_url, layers=layers
    )
    callbacks.register(app, data_dir=data_dir, layers=layers, loader=loader)
    downloads.register(app, data_dir=data_dir, loader=loader, layers=layers)
    published_panel.register(
        app,
        url=ids.URL,
        data_dir=data_dir,
        loader=None if loader is None else (lambda folder: loader(folder).figures),
    )
    incident_list.register(app, data_dir=data_dir, layers=layers, loader=loader)
    context = layer_context(data_dir, loader=loader)
    for layer in layers:
        if layer.register is not None:
            layer.register(app, context)

    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    headers = security_headers(app.renderer)

    @server.after_request
    def _add_headers(response):
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    return app
