"""Shared harness of the bad-input and fault suites: run the real CLI, prove nothing changed.

Every hostile case follows one pattern: build a small valid dataset by code, break it or feed a
hostile input, run the real command, then check the four promises of the project:

1. a clear message naming the file, the line and the field (``data/incidents.csv:3:6: latitude:``);
2. a non-zero exit;
3. the dataset byte-for-byte unchanged (both CSV files, no temporary left behind);
4. never a traceback.

Most cases run the click command in-process through :class:`click.testing.CliRunner` (the real
command code, without paying a Python start-up per case on a 2-core machine); those about
processes (exit status, stderr, signals) use :func:`run_cli` with a real ``python -m tracker``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner
from helpers import sample_rows, write_dataset

from tracker import schema

__all__ = [
    "REPO",
    "DATA_FILES",
    "Outcome",
    "invoke",
    "run_cli",
    "make_dataset",
    "data_bytes",
    "leftovers",
    "assert_refused",
    "assert_clean",
]

REPO = Path(__file__).resolve().parent.parent
DATA_FILES = (schema.INCIDENTS_FILE, schema.SOURCES_FILE)


@dataclass
class Outcome:
    """What a command did: exit code, everything it printed, and any exception that escaped."""

    exit_code: int
    output: str
    exception: BaseException | None = None


def invoke(*args: str, input: str | bytes | None = None) -> Outcome:
    """Run ``gnss-tracker ARGS`` in-process and capture stdout and stderr together."""
    from tracker.cli import main

    try:
        runner = CliRunner(mix_stderr=True)  # click < 8.2
    except TypeError:
        runner = CliRunner()  # click >= 8.2 always captures both into .output
    result = runner.invoke(main, list(args), input=input, catch_exceptions=True)
    escaped = result.exception if not isinstance(result.exception, SystemExit) else None
    output = result.output
    if escaped is not None:
        # Render the escaped exception as the user would have seen it, so the traceback check
        # below means the same thing in-process as in a real terminal.
        import traceback

        output += "".join(traceback.format_exception(escaped))
    return Outcome(result.exit_code, output, escaped)


def run_cli(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    input: bytes | None = None,
    timeout: float = 180,
) -> subprocess.CompletedProcess:
    """Run ``python -m tracker ARGS`` as a real process (text output, both streams captured)."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True,
        cwd=cwd,
        env=full_env,
        input=input,
        timeout=timeout,
    )


def make_dataset(folder: Path, rows: int = 3, *, incident=None, source=None) -> Path:
    """A valid, canonical dataset of ``rows`` incidents in ``folder``.

    ``incident``/``source``: ``(index, {column: text})`` changes applied before writing; row ``i``
    is on file line ``i + 2``.
    """
    incidents, sources = sample_rows(rows)
    if incident is not None:
        index, change = incident
        incidents[index].update(change)
    if source is not None:
        index, change = source
        sources[index].update(change)
    return write_dataset(folder, incidents, sources)


def data_bytes(folder: Path) -> dict[str, bytes | None]:
    """The exact bytes of both data files (``None`` for a missing file)."""
    return {
        name: (folder / name).read_bytes() if (folder / name).is_file() else None
        for name in DATA_FILES
    }


def leftovers(folder: Path) -> list[str]:
    """Temporary files or commit markers a writer left behind."""
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith(".tmp") or "pending" in p.name
    )


def assert_clean(outcome: Outcome | subprocess.CompletedProcess) -> str:
    """No traceback and no escaped exception; returns the combined output."""
    if isinstance(outcome, subprocess.CompletedProcess):
        text = outcome.stdout + outcome.stderr
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    else:
        assert outcome.exception is None, outcome.output
        text = outcome.output
    assert "Traceback" not in text, text
    return text


def assert_refused(
    outcome: Outcome | subprocess.CompletedProcess,
    folder: Path,
    before: dict[str, bytes | None],
    *expected: str,
    exit_code: int = 1,
) -> str:
    """The command failed cleanly, said each of ``expected``, and changed nothing on disk."""
    text = assert_clean(outcome)
    code = (
        outcome.returncode
        if isinstance(outcome, subprocess.CompletedProcess)
        else outcome.exit_code
    )
    assert code == exit_code, f"exit {code}, expected {exit_code}:\n{text}"
    for needle in expected:
        assert needle in text, f"{needle!r} not in output:\n{text}"
    assert data_bytes(folder) == before, "the dataset changed"
    assert leftovers(folder) == []
    return text
