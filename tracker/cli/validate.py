"""``gnss-tracker validate``: check the data files against every rule."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tracker import dataset, validate
from tracker.cli.common import data_dir_option, handle_errors, print_problems

__all__ = ["validate_command"]


@click.command("validate")
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print problems as a JSON array.")
@handle_errors
def validate_command(data_dir: Path, as_json: bool) -> None:
    """Check incidents.csv, sources.csv and figures.csv against every rule; list all problems.

    Each problem is printed as FILE:LINE:COLUMN: message [code]. Exits 1 if any is an error.
    """
    dataset.recover(data_dir)
    # keep_cells=False: each file's cells are dropped once its own rules have run (the summary
    # below needs only the row counts), which keeps the peak memory to about one file's worth.
    incidents, sources, figures, problems = validate.read_and_validate(data_dir, keep_cells=False)
    errors = [p for p in problems if p.is_error]
    if as_json:
        click.echo(json.dumps([p.as_dict() for p in problems], indent=2, ensure_ascii=False))
    else:
        print_problems(problems)
        rows = len(incidents.frame), len(sources.frame)
        verdict = "invalid" if errors else "valid"
        warnings = len(problems) - len(errors)
        click.echo(
            f"{verdict}: {len(errors)} error{'s' * (len(errors) != 1)}, {warnings} other "
            f"note{'s' * (warnings != 1)} in {rows[0]:,} incidents and {rows[1]:,} sources"
            + (f" ({len(figures.frame):,} published figures)" if len(figures.frame) else ""),
            err=bool(errors),
        )
    if errors:
        sys.exit(1)
