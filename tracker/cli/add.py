"""``gnss-tracker add``: add a reported incident with its source, geocoding its place.

Thin: it gathers options (prompting only on a terminal), calls :mod:`tracker.add`, and turns
library errors into messages.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tracker import add as adding
from tracker import schema
from tracker.cli.common import data_dir_option, handle_errors, online_option
from tracker.errors import InputError
from tracker.geocode.online import CACHE_FILE
from tracker.geocode.resolve import PlaceResolver
from tracker.schema import INC, SRC

__all__ = ["add"]


def _interactive() -> bool:
    return sys.stdin.isatty()


def _resolver(data_dir: Path, online: bool) -> PlaceResolver:
    return PlaceResolver(online=online, cache_path=Path(data_dir) / CACHE_FILE)


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


def _complete(incident: dict, source: dict, *, attaching: bool = False) -> None:
    # Attaching a source to a recorded incident needs only the source: the incident exists.
    required = () if attaching else adding.REQUIRED_INCIDENT
    missing = [n for n in required if incident.get(n) in (None, "")]
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
@online_option
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
    _complete(incident, source, attaching=bool(attach_to))

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
