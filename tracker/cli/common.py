"""What every ``gnss-tracker`` command shares: the error boundary and the common options.

Command modules import only this module and the library; :mod:`tracker.cli` registers them.
Exit codes: 0 success, 1 the data (or an input) has problems, 2 usage errors (click's own).
Expected failures are :class:`click.ClickException` with a fix-it hint; a traceback is a bug.
"""

from __future__ import annotations

import functools
from pathlib import Path

import click

from tracker import dataset
from tracker.errors import DataValidationError, TrackerError
from tracker.problems import Problem

__all__ = [
    "DataProblems",
    "data_dir_option",
    "handle_errors",
    "online_option",
    "print_problems",
]


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


def online_option(func):
    """``--online``: ask Nominatim for places the offline gazetteer does not know."""
    return click.option(
        "--online",
        is_flag=True,
        help="Ask OpenStreetMap's Nominatim (1 request/s) for places the offline gazetteer "
        "does not know; answers are cached in DATA_DIR/geocode_cache.csv.",
    )(func)
