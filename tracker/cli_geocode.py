"""``gnss-tracker geocode`` and ``gnss-tracker add``: place text to coordinates, and new reports.

Both are thin: they gather options (prompting only on a terminal), call
:mod:`tracker.geocode.resolve` / :mod:`tracker.add`, and turn library errors into messages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tracker import add as adding
from tracker import dataset, schema
from tracker.cli import data_dir_option, handle_errors
from tracker.errors import InputError
from tracker.geocode.online import CACHE_FILE, MIN_DELAY_SECONDS
from tracker.geocode.resolve import PlaceResolver, geocode_incidents, rows_to_geocode
from tracker.schema import INC, SRC

__all__ = ["geocode", "add"]


def _interactive() -> bool:
    return sys.stdin.isatty()


def _online_option(func):
    return click.option(
        "--online",
        is_flag=True,
        help="Ask OpenStreetMap's Nominatim (1 request/s) for places the offline gazetteer "
        "does not know; answers are cached in DATA_DIR/geocode_cache.csv.",
    )(func)


def _resolver(data_dir: Path, online: bool) -> PlaceResolver:
    return PlaceResolver(online=online, cache_path=Path(data_dir) / CACHE_FILE)


@click.command("geocode")
@data_dir_option
@_online_option
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
        rows = before.incidents.iloc[positions]
        queries = {
            str(q or loc).strip()
            for q, loc in zip(rows[INC.geocode_query], rows[INC.location], strict=True)
        }
        pending = sorted(q for q in queries if q and resolver.needs_request(q))
        if pending:
            seconds = len(pending) * MIN_DELAY_SECONDS
            label = f"Asking Nominatim for {len(pending)} places (about {seconds:.0f} s)"
            try:
                with click.progressbar(pending, label=label, show_eta=True, file=sys.stderr) as bar:
                    for query in bar:
                        resolver.resolve(query)
            finally:
                resolver.save_cache()
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


# --- add -----------------------------------------------------------------------------------------

_SKIPPED = {INC.id, INC.geocode_source}


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _click_type(spec: schema.Field):
    if spec.enum:
        return click.Choice(spec.enum)
    if spec.type == "number":
        return float
    if spec.type == "date":
        return click.DateTime(formats=["%Y-%m-%d"])
    return str


def _field_options(func):
    """One option per incident field (except derived ones) and per source field."""
    # click lists options in reverse order of decoration: sources first here, shown last.
    for spec in reversed(schema.SOURCE_FIELDS):
        if spec.name == SRC.incident_id:
            continue
        func = click.option(
            _flag(spec.name), f"source_{spec.name}", type=_click_type(spec), help=spec.description
        )(func)
    for spec in reversed(schema.INCIDENT_FIELDS):
        if spec.name in _SKIPPED:
            continue
        help_text = spec.description
        if spec.name == INC.geocode_query:
            help_text = "Place text to geocode (default: --location). " + help_text
        func = click.option(_flag(spec.name), spec.name, type=_click_type(spec), help=help_text)(
            func
        )
    return func


def _ask(name: str):
    spec = {f.name: f for f in (*schema.INCIDENT_FIELDS, *schema.SOURCE_FIELDS)}[name]
    kind = _click_type(spec)
    return click.prompt(name.replace("_", " ").capitalize(), type=kind, err=True)


def _complete(incident: dict, source: dict) -> None:
    missing = [n for n in adding.REQUIRED_INCIDENT if incident.get(n) in (None, "")]
    missing_source = [n for n in adding.REQUIRED_SOURCE if source.get(n) in (None, "")]
    if (missing or missing_source) and not _interactive():
        flags = ", ".join(_flag(n) for n in (*missing, *missing_source))
        raise click.UsageError(f"missing required option(s): {flags}")
    for name in missing:
        incident[name] = _ask(name)
    for name in missing_source:
        source[name] = _ask(name)


def _clean(values: dict) -> dict:
    out = {}
    for name, value in values.items():
        if value is None:
            continue
        if hasattr(value, "strftime"):
            value = value.strftime("%Y-%m-%d")
        out[name] = value
    return out


@click.command("add")
@data_dir_option
@_field_options
@click.option("--query", "query", help="Alias of --geocode-query.")
@_online_option
@click.option("--yes", "-y", is_flag=True, help="Accept the geocoded place without asking.")
@click.option(
    "--attach/--new",
    "attach",
    default=None,
    help="When a likely duplicate exists (±1 day, 100 km): attach the source to the closest "
    "match, or add a new incident anyway. Without it, ask (or fail when not on a terminal).",
)
@click.option("--attach-to", "attach_to", metavar="ID", help="Attach the source to this incident.")
@handle_errors
def add(data_dir: Path, query, online: bool, yes: bool, attach, attach_to, **values) -> None:
    """Add a reported incident with its source (or attach the source to an existing incident).

    The location is geocoded (offline; --online to ask Nominatim) and what it resolved to is
    shown for confirmation. The dataset is written atomically; on any error nothing changes.
    """
    incident = _clean({k: v for k, v in values.items() if not k.startswith("source_")})
    source = _clean({k[len("source_") :]: v for k, v in values.items() if k.startswith("source_")})
    if query:
        incident[INC.geocode_query] = query
    _complete(incident, source)

    if attach_to:
        target = adding.add_report(data_dir, incident, source, None, attach_to=attach_to)
        click.echo(f"Attached the source to incident {target}.")
        return

    placement = adding.locate(incident, _resolver(data_dir, online))
    if placement is None:
        text = incident.get(INC.geocode_query) or incident.get(INC.location)
        raise InputError(
            f"could not geocode {text!r}; pass --query with a simpler place name, "
            "--online, or --latitude and --longitude"
        )
    click.echo(f"Location: {placement.describe()}")
    if not yes:
        if not _interactive():
            raise click.UsageError("pass --yes to accept the geocoded location non-interactively")
        if not click.confirm("Use this location?", default=True, err=True):
            raise click.Abort()

    matches = adding.duplicates(data_dir, incident, placement)
    chosen = None
    if matches:
        listing = "; ".join(
            f"{m.incident_id} ({m.days_apart} day(s), {m.km_apart:g} km)" for m in matches
        )
        click.echo(f"Possible duplicate of: {listing}", err=True)
        if attach is True:
            chosen = matches[0].incident_id
        elif attach is None:
            if not _interactive():
                raise click.UsageError(
                    f"possible duplicate of {matches[0].incident_id}; pass --attach to add the "
                    "source to it, --attach-to ID, or --new to add a new incident"
                )
            choices = [m.incident_id for m in matches] + ["new"]
            chosen = click.prompt(
                "Attach the source to which incident (or 'new')",
                type=click.Choice(choices),
                default=choices[0],
                err=True,
            )
            chosen = None if chosen == "new" else chosen
    target = adding.add_report(data_dir, incident, source, placement, attach_to=chosen)
    if chosen:
        click.echo(f"Attached the source to incident {target}.")
    else:
        click.echo(f"Added incident {target}.")
