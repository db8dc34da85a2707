"""``gnss-tracker serve``: run the dashboard (the same app as ``python dashboard.py``)."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from tracker import safety
from tracker.cli.common import data_dir_option, handle_errors

__all__ = ["serve"]

logger = logging.getLogger(__name__)


@click.command("serve")
@data_dir_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--port", default=8050, show_default=True, type=click.IntRange(1, 65535), help="Port."
)
@click.option(
    "--debug", is_flag=True, help="Dash debug mode (reloader, tracebacks): loopback only."
)
@handle_errors
def serve(data_dir: Path, host: str, port: int, debug: bool) -> None:
    """Serve the dashboard (map, timeline, per-region statistics) on HOST:PORT.

    For production use a WSGI server instead: gunicorn dashboard:server.
    """
    if debug and not safety.is_loopback(host):
        raise click.UsageError(
            f"refusing --debug on {host}: the debugger would run code for anyone who can reach "
            "it; use --host 127.0.0.1, or drop --debug"
        )
    if not data_dir.is_dir():
        raise click.UsageError(f"--data-dir {data_dir} is not a folder")
    from tracker.dashboard import create_app  # Dash is heavy; import only when serving

    app = create_app(data_dir)
    click.echo(f"Dashboard on http://{host}:{port}/ (data: {data_dir}); Ctrl+C to stop", err=True)
    app.run(host=host, port=port, debug=debug)
