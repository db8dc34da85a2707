"""Loading and validating the dataset, against a bare ``pandas.read_csv`` of the same files.

Goal (issue 7): ``tracker.dataset.load`` (read + every validation rule + typing) takes at most
twice as long as ``pandas.read_csv`` of ``incidents.csv`` and ``sources.csv`` at 1M incidents.
Both are timed alternately in the same process, so machine noise hits both alike.
"""

from __future__ import annotations

import pathlib

import pandas as pd

from benchmarks.timing import interleaved, result
from tracker import dataset, schema, validate

__all__ = ["bench_load", "bench_validate"]

#: Load may take this many times a bare read_csv (checked at 1M incidents).
RATIO_GOAL = 2.0
GOAL_SIZE = 1_000_000


def _read_csv_both(folder: pathlib.Path) -> None:
    pd.read_csv(folder / schema.INCIDENTS_FILE)
    pd.read_csv(folder / schema.SOURCES_FILE)


def _warm(folder: pathlib.Path) -> None:
    """Read the files once so every timed run finds them in the page cache."""
    for name in (schema.INCIDENTS_FILE, schema.SOURCES_FILE):
        (folder / name).read_bytes()


def _timed(operation: str, fn, *, data_dir: str, size: int, repeat: int, goal: bool) -> dict:
    folder = pathlib.Path(data_dir)
    _warm(folder)
    runs = interleaved(
        {"floor": lambda: _read_csv_both(folder), "op": fn},
        repeat=repeat,
        warmup=1 if size < GOAL_SIZE else 0,
    )
    at_goal_size = goal and size >= GOAL_SIZE
    return result(
        operation,
        runs["op"],
        floor_runs=runs["floor"],
        floor="pandas.read_csv",
        goal=f"<= {RATIO_GOAL:g}× floor at 1M" if at_goal_size else "",
        ratio_limit=RATIO_GOAL if at_goal_size else None,
        size=size,
    )


def bench_load(*, data_dir: str, size: int, repeat: int = 5) -> dict:
    """``tracker.dataset.load``: read, validate every rule, build typed frames."""
    return _timed(
        "load + validate (dataset.load)",
        lambda: dataset.load(data_dir),
        data_dir=data_dir,
        size=size,
        repeat=repeat,
        goal=True,
    )


def bench_validate(*, data_dir: str, size: int, repeat: int = 5) -> dict:
    """``tracker.validate.validate_dir`` (what ``gnss-tracker validate`` runs)."""

    def check() -> None:
        problems = validate.validate_dir(data_dir)
        errors = [p for p in problems if p.is_error]
        if errors:  # a benchmark of a failing validation would measure the wrong thing
            raise RuntimeError(f"synthetic data is invalid: {errors[0].format()}")

    return _timed(
        "validate only (validate_dir)",
        check,
        data_dir=data_dir,
        size=size,
        repeat=repeat,
        goal=False,
    )
