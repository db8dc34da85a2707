"""The ``gnss-tracker`` command line. Thin: each command parses options and calls the library.

Layout (as frictionless-py's console): :mod:`tracker.cli.common` holds the shared options and
the error boundary; each command (or command group) lives in a module named after it, which
imports only ``common`` and the library; this module defines the root group and registers them.
Nothing imports this package back, so the registration has no cycle.
"""

from __future__ import annotations

import click

from tracker import __version__, csvio
from tracker.cli import add, adsb, export, fmt, geocode, ingest, schema, serve, stats, validate

__all__ = ["main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gnss-tracker")
def main() -> None:
    """GNSS Interference Tracker: a sourced, geocoded dataset of GNSS jamming and spoofing
    incidents affecting aircraft, with a dashboard and exports."""
    csvio.return_freed_memory()


# Registration order is the order of `gnss-tracker --help` (click sorts it) and of docs/cli.md.
for _command in (
    validate.validate_command,
    fmt.fmt_command,
    schema.schema_command,
    adsb.adsb,
    export.export,
    ingest.ingest,
    geocode.geocode,
    add.add,
    serve.serve,
    stats.stats,
):
    main.add_command(_command)
