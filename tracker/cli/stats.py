"""``gnss-tracker stats``: the coverage report of a dataset (see :mod:`tracker.coverage`)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tracker.cli.common import data_dir_option, handle_errors

__all__ = ["stats"]


@click.command("stats")
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as a JSON object.")
@handle_errors
def stats(data_dir: Path, as_json: bool) -> None:
    """Print the coverage report: incidents per region, country, year, type, date precision
    and confidence; sources per incident; the share at airport or city precision; and the
    number of published figures (counted apart from incidents)."""
    from tracker import coverage, dataset

    report = coverage.coverage(dataset.load(data_dir))
    if as_json:
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(coverage.format_text(report), nl=False)
