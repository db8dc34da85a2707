"""``gnss-tracker geocode``: fill missing coordinates, country and region from place text.

Thin: it gathers options, calls :mod:`tracker.geocode.resolve`, and reports what stayed unresolved.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tracker import dataset
from tracker.cli.common import data_dir_option, handle_errors, online_option
from tracker.geocode.online import CACHE_FILE, MIN_DELAY_SECONDS
from tracker.geocode.resolve import (
    PlaceResolver,
    geocode_incidents,
    pending_online_queries,
    prefetch_online,
    rows_to_geocode,
)

__all__ = ["geocode"]


def _resolver(data_dir: Path, online: bool) -> PlaceResolver:
    return PlaceResolver(online=online, cache_path=Path(data_dir) / CACHE_FILE)


@click.command("geocode")
@data_dir_option
@online_option
@click.option(
    "--refresh-manual",
    is_flag=True,
    help="Also re-geocode rows whose coordinates were typed by hand (geocode_source=manual) "
    "from their geocode_query, recording source, precision, coordinates, country and region.",
)
@handle_errors
def geocode(data_dir: Path, online: bool, refresh_manual: bool) -> None:
    """Fill missing coordinates, country and region; list the rows that stay unresolved.

    Offline by default (airports, GeoNames cities, countries, curated areas). With --online,
    unknown places go to Nominatim at one request per second; a progress bar shows the
    expected time.
    """
    resolver = _resolver(data_dir, online)
    before = dataset.load(data_dir)
    positions = rows_to_geocode(before.incidents, refresh_manual=refresh_manual)
    if online:
        # Ask the network outside the dataset lock (1 request/s adds up), then write quickly.
        pending = pending_online_queries(before.incidents, positions, resolver)
        if pending:
            seconds = len(pending) * MIN_DELAY_SECONDS
            label = f"Asking Nominatim for {len(pending)} places (about {seconds:.0f} s)"
            with click.progressbar(pending, label=label, show_eta=True, file=sys.stderr) as bar:
                prefetch_online(resolver, bar)
    with dataset.update(data_dir) as current:
        report = geocode_incidents(current.incidents, resolver, refresh_manual=refresh_manual)
        current.incidents = report.incidents
    resolver.save_cache()
    click.echo(
        f"{len(positions)} row{'s' * (len(positions) != 1)} needed geocoding; "
        f"{len(report.updated)} updated, {len(report.unresolved)} unresolved."
    )
    for item in report.unresolved:
        click.echo(f"unresolved: {item.incident_id}: {item.query!r}: {item.reason}", err=True)
    if report.unresolved and not online:
        click.echo("Hint: try --online, or set latitude/longitude by hand.", err=True)
