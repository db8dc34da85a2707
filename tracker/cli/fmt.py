"""``gnss-tracker fmt``: rewrite (or check) the data files in canonical form."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tracker import dataset
from tracker.cli.common import data_dir_option, handle_errors, print_problems

__all__ = ["fmt_command"]


@click.command("fmt")
@data_dir_option
@click.option("--check", is_flag=True, help="Only check; exit 1 if a file is not canonical.")
@handle_errors
def fmt_command(data_dir: Path, check: bool) -> None:
    """Rewrite the data files in canonical form (sorted rows, fixed columns, UTF-8, LF)."""
    if check:
        problems = dataset.canonical_problems(data_dir)
        print_problems(problems)
        if problems:
            sys.exit(1)
        click.echo("canonical: nothing to change")
        return
    changed = dataset.format_dir(data_dir)
    if changed:
        click.echo(f"reformatted {', '.join(changed)}")
    else:
        click.echo("already canonical")
