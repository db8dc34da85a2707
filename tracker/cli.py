"""The ``gnss-tracker`` command line. Thin: each command parses options and calls the library.

Exit codes: 0 success, 1 the data (or an input) has problems, 2 usage errors (click's own).
Expected failures are :class:`click.ClickException` with a fix-it hint; a traceback is a bug.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from tracker import __version__, dataset, validate
from tracker.errors import DataValidationError, TrackerError
from tracker.problems import Problem

__all__ = ["main", "data_dir_option", "handle_errors", "print_problems"]


class DataProblems(click.ClickException):
    """Validation failed: print every problem, then a summary; exit 1."""

    exit_code = 1

    def __init__(self, problems: list[Problem], *, action: str = "nothing was written"):
        self.problems = problems
        errors = sum(p.is_error for p in problems)
        super().__init__(f"{errors} error{'s' if errors != 1 else ''}; {action}")

    def show(self, file=None) -> None:
        print_problems(self.problems, err=True)
        click.echo(f"Error: {self.format_message()}", err=True)


def print_problems(problems: list[Problem], *, err: bool = False) -> None:
    for problem in problems:
        click.echo(problem.format(), err=err)


def handle_errors(func):
    """Turn library errors into clean CLI errors: never a traceback for bad data."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except DataValidationError as err:
            raise DataProblems(err.problems) from err
        except TrackerError as err:
            raise click.ClickException(str(err)) from err
        except UnicodeDecodeError as err:
            raise click.ClickException(f"input is not valid UTF-8: {err}") from err
        except OSError as err:
            where = f" {err.filename}" if getattr(err, "filename", None) else ""
            raise click.ClickException(f"cannot access{where}: {err.strerror or err}") from err

    return wrapper


def data_dir_option(func):
    """``--data-dir DIR`` (default: the shipped ``data/`` folder, or ``$GNSS_TRACKER_DATA``)."""
    return click.option(
        "--data-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=dataset.DEFAULT_DATA_DIR,
        envvar="GNSS_TRACKER_DATA",
        show_default="the shipped data/",
        help="Folder holding incidents.csv, sources.csv and (optionally) figures.csv.",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gnss-tracker")
def main() -> None:
    """GNSS Interference Tracker: a sourced, geocoded dataset of GNSS jamming and spoofing
    incidents affecting aircraft, with a dashboard and exports."""


@main.command("validate")
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print problems as a JSON array.")
@handle_errors
def validate_command(data_dir: Path, as_json: bool) -> None:
    """Check incidents.csv, sources.csv and figures.csv against every rule; list all problems.

    Each problem is printed as FILE:LINE:COLUMN: message [code]. Exits 1 if any is an error.
    """
    dataset.recover(data_dir)
    incidents, sources = validate.read_tables(data_dir)
    figures = validate.read_figures(data_dir)
    problems = validate.validate_tables(incidents, sources, figures)
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


@main.command("fmt")
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


@main.command("schema")
@click.option("--check", is_flag=True, help="Exit 1 if data/datapackage.json is out of date.")
@data_dir_option
@handle_errors
def schema_command(check: bool, data_dir: Path) -> None:
    """Write data/datapackage.json (Frictionless Table Schema) from the schema module."""
    from tracker import schema

    path = data_dir / schema.DATAPACKAGE_FILE
    text = json.dumps(schema.datapackage(), indent=2, ensure_ascii=False) + "\n"
    current = path.read_text("utf-8") if path.exists() else ""
    if check:
        if current != text:
            raise click.ClickException(f"{path} is out of date; run `gnss-tracker schema`")
        click.echo(f"{path} is up to date")
        return
    if current != text:
        path.write_text(text, "utf-8")
        click.echo(f"wrote {path}")
    else:
        click.echo(f"{path} is up to date")


# Feature commands live in their own modules and register here.
from tracker.cli_adsb import adsb  # noqa: E402

main.add_command(adsb)
from tracker.cli_export import export  # noqa: E402

main.add_command(export)
from tracker.cli_ingest import ingest  # noqa: E402

main.add_command(ingest)
from tracker.cli_geocode import add, geocode  # noqa: E402

main.add_command(geocode)
main.add_command(add)
from tracker.cli_serve import serve  # noqa: E402

main.add_command(serve)
from tracker.cli_stats import stats  # noqa: E402

main.add_command(stats)
