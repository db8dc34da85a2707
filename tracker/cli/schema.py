"""``gnss-tracker schema``: write (or check) data/datapackage.json from the schema module."""

from __future__ import annotations

from pathlib import Path

import click

from tracker import dataset, schema
from tracker.cli.common import data_dir_option, handle_errors

__all__ = ["schema_command"]


@click.command("schema")
@click.option("--check", is_flag=True, help="Exit 1 if data/datapackage.json is out of date.")
@data_dir_option
@handle_errors
def schema_command(check: bool, data_dir: Path) -> None:
    """Write data/datapackage.json (Frictionless Table Schema) from the schema module."""
    path = data_dir / schema.DATAPACKAGE_FILE
    if check:
        if not dataset.datapackage_up_to_date(data_dir):
            raise click.ClickException(f"{path} is out of date; run `gnss-tracker schema`")
        click.echo(f"{path} is up to date")
        return
    if dataset.write_datapackage(data_dir):
        click.echo(f"wrote {path}")
    else:
        click.echo(f"{path} is up to date")
