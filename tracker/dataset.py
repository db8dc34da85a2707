"""The store: load the dataset as typed DataFrames and save it back in canonical form, safely.

Guarantees:

* :func:`load` validates; bad data raises :class:`~tracker.errors.DataValidationError` listing
  every problem, never a pandas traceback.
* :func:`save` renders the files in canonical form (UTF-8 without BOM, LF, schema column order,
  rows sorted, minimal quoting), validates the *rendered text* with the same rules as
  ``gnss-tracker validate``, and only then writes. ``load`` then ``save`` with no change is
  byte-identical.
* Writes are atomic across the files and serialised by a lock file. Each file is written to a
  temporary file in the same folder and fsynced; a commit marker is written; the files are then
  moved into place with ``os.replace`` and the marker removed. A crash at any point leaves either
  the old dataset or, once the marker exists, the new one (the next reader completes the move).
* :func:`update` is the read-modify-write transaction: the lock is held from load to save, so
  two processes adding rows at once lose nothing.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import logging
import os
import re
import signal
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import filelock
import numpy as np
import pandas as pd

from tracker import safety, schema
from tracker.csvio import RawTable, parse_raw_text
from tracker.errors import DataValidationError, LockTimeoutError, StoreError
from tracker.problems import Problem, display_path
from tracker.validate import read_and_validate, read_figures, validate_tables

__all__ = [
    "Dataset",
    "DEFAULT_DATA_DIR",
    "load",
    "load_figures",
    "save",
    "update",
    "render",
    "canonical_problems",
    "new_incident_id",
    "place_slug",
    "empty_dataset",
    "slugify",
    "recover",
    "format_dir",
    "datapackage_up_to_date",
    "write_datapackage",
    "with_rows",
    "LOCK_TIMEOUT_SECONDS",
]

log = logging.getLogger(__name__)

#: The shipped dataset (``data/`` next to the package, in a source checkout).
DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

LOCK_FILE = ".tracker.lock"
COMMIT_MARKER = ".pending-commit.json"
LOCK_TIMEOUT_SECONDS = 30.0

#: Written coordinates keep 6 decimals (about 0.1 m): enough for any report, and stable.
COORDINATE_DECIMALS = 6


@dataclass
class Dataset:
    """Incidents and their sources as typed DataFrames.

    ``incidents``: one row per incident, columns of :data:`tracker.schema.INCIDENT_FIELDS`; dates
    are ``datetime64`` (``NaT`` when empty), numbers ``float64`` (``NaN`` when empty), text ``str``
    with ``""`` for empty. ``sources``: one row per claim, columns of
    :data:`tracker.schema.SOURCE_FIELDS`, typed the same way. ``figures``: aggregate figures
    published by others (:data:`tracker.schema.FIGURE_FIELDS`), typed the same way; empty for a
    folder without ``figures.csv``. Figures are never incidents.
    """

    incidents: pd.DataFrame
    sources: pd.DataFrame
    figures: pd.DataFrame = field(default_factory=lambda: _empty_frame(schema.FIGURE_FIELDS))

    def copy(self) -> Dataset:
        return Dataset(self.incidents.copy(), self.sources.copy(), self.figures.copy())


# --- typing --------------------------------------------------------------------------------------


def _typed(table: RawTable, fields: tuple[schema.Field, ...]) -> pd.DataFrame:
    """Convert a validated raw table to typed columns, reusing what validation parsed."""
    columns = {}
    for spec in fields:
        if spec.type == "number":
            values = table.parsed.get(spec.name)
            if values is None:
                values = pd.to_numeric(table.frame[spec.name], errors="coerce")
            columns[spec.name] = values.astype("float64")
        elif spec.type == "date":
            values = table.parsed.get(spec.name)
            if values is None:
                values = pd.to_datetime(table.frame[spec.name], format="%Y-%m-%d", errors="coerce")
            columns[spec.name] = values
        else:
            columns[spec.name] = table.frame[spec.name]
    # copy=False: the columns are used as they are, not consolidated into 2-D blocks (a copy of
    # every number and date column, about 0.2-0.4 s at a million rows in a fresh process). The
    # validator's number and date arrays are writeable, so callers may assign into the frame.
    return pd.DataFrame(columns, index=pd.RangeIndex(len(table.frame)), copy=False)


def _empty_frame(fields: tuple[schema.Field, ...]) -> pd.DataFrame:
    dtypes = {"number": "float64", "date": "datetime64[s]", "string": "str"}
    return pd.DataFrame({f.name: pd.Series(dtype=dtypes[f.type]) for f in fields})


def empty_dataset() -> Dataset:
    """A dataset with no rows and the schema's columns and types."""
    return Dataset(
        _empty_frame(schema.INCIDENT_FIELDS),
        _empty_frame(schema.SOURCE_FIELDS),
        _empty_frame(schema.FIGURE_FIELDS),
    )


# --- rendering -----------------------------------------------------------------------------------


def _format_number(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values, errors="coerce").astype("float64").round(COORDINATE_DECIMALS)
    text = [
        "" if np.isnan(x) else (f"{x:.{COORDINATE_DECIMALS}f}".rstrip("0").rstrip(".") or "0")
        for x in numbers.to_numpy()
    ]
    return pd.Series(["0" if t == "-0" else t for t in text], index=values.index, dtype="str")


def _format_date(values: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.dt.strftime("%Y-%m-%d").fillna("").astype("str")
    return values.fillna("").astype("str")


def _canonical_frame(
    frame: pd.DataFrame, fields: tuple[schema.Field, ...], sort_by
) -> pd.DataFrame:
    columns = {}
    for spec in fields:
        values = frame[spec.name] if spec.name in frame else pd.Series("", index=frame.index)
        if spec.type == "number":
            columns[spec.name] = _format_number(values)
        elif spec.type == "date":
            columns[spec.name] = _format_date(values)
        else:
            columns[spec.name] = values.fillna("").astype("str")
    text = pd.DataFrame(columns, index=frame.index)
    return text.sort_values(list(sort_by), kind="stable").reset_index(drop=True)


def _to_csv_text(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(frame.columns)
    writer.writerows(frame.itertuples(index=False, name=None))
    return buffer.getvalue()


def render(dataset: Dataset) -> dict[str, bytes]:
    """The canonical bytes of the files, keyed by file name.

    ``figures.csv`` is included when the dataset has figures; :func:`_files_for` also keeps an
    existing (now empty) one, so a folder made before the figures table gains no new file.
    """
    incidents = _canonical_frame(dataset.incidents, schema.INCIDENT_FIELDS, schema.INCIDENT_SORT)
    sources = _canonical_frame(dataset.sources, schema.SOURCE_FIELDS, schema.SOURCE_SORT)
    files = {
        schema.INCIDENTS_FILE: _to_csv_text(incidents).encode("utf-8"),
        schema.SOURCES_FILE: _to_csv_text(sources).encode("utf-8"),
    }
    if len(dataset.figures):
        files[schema.FIGURES_FILE] = _render_figures(dataset.figures)
    return files


def _render_figures(figures: pd.DataFrame) -> bytes:
    frame = _canonical_frame(figures, schema.FIGURE_FIELDS, schema.FIGURE_SORT)
    return _to_csv_text(frame).encode("utf-8")


def _files_for(dataset: Dataset, data_dir: Path) -> dict[str, bytes]:
    """What :func:`render` gives, plus an emptied ``figures.csv`` when one exists on disk."""
    files = render(dataset)
    path = data_dir / schema.FIGURES_FILE
    if schema.FIGURES_FILE not in files and (path.exists() or path.is_symlink()):
        files[schema.FIGURES_FILE] = _render_figures(dataset.figures)
    return files


def _validate_rendered(files: dict[str, bytes], data_dir: Path) -> list[Problem]:
    incidents, sources = (
        parse_raw_text(files[name], display=display_path(data_dir / name))
        for name in (schema.INCIDENTS_FILE, schema.SOURCES_FILE)
    )
    figures = None
    if schema.FIGURES_FILE in files:
        path = data_dir / schema.FIGURES_FILE
        figures = parse_raw_text(files[schema.FIGURES_FILE], display=display_path(path))
    return validate_tables(incidents, sources, figures)


# --- locking and atomic replacement --------------------------------------------------------------


def _lock(data_dir: Path, timeout: float) -> filelock.FileLock:
    return filelock.FileLock(str(data_dir / LOCK_FILE), timeout=timeout)


@contextlib.contextmanager
def _locked(data_dir: Path, timeout: float) -> Iterator[None]:
    try:
        with _lock(data_dir, timeout):
            yield
    except filelock.Timeout as err:
        raise LockTimeoutError(
            f"{data_dir / LOCK_FILE} is held by another process (waited {timeout:g} s); "
            "is another gnss-tracker command running?"
        ) from err


def _crash_point(name: str) -> None:
    """Fault injection for the crash tests: ``TRACKER_CRASH_AT=<name>`` kills the process here.

    The tests run a real writer in a subprocess and kill it with SIGKILL at each named step, which
    is the only honest way to show what a crash leaves on disk.
    """
    if os.environ.get("TRACKER_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_temp(data_dir: Path, name: str, content: bytes) -> Path:
    # The one temporary-file routine (tracker.safety); the commit below replaces files as a set.
    return safety.write_temp(data_dir, name, content)


def _commit(data_dir: Path, files: dict[str, bytes]) -> None:
    """Replace the changed files atomically as a set. Caller holds the lock."""
    changed = {
        name: content
        for name, content in files.items()
        if not (data_dir / name).exists() or (data_dir / name).read_bytes() != content
    }
    if not changed:
        return
    temps: dict[str, Path] = {}
    try:
        for name, content in changed.items():
            temps[name] = _write_temp(data_dir, name, content)
            _crash_point("after-temp")
        marker = {"replace": {name: tmp.name for name, tmp in temps.items()}}
        marker_tmp = _write_temp(data_dir, COMMIT_MARKER, json.dumps(marker).encode())
        _crash_point("before-marker")
        os.replace(marker_tmp, data_dir / COMMIT_MARKER)
        _fsync_dir(data_dir)
    except BaseException as err:
        for tmp in temps.values():
            with contextlib.suppress(OSError):
                tmp.unlink()
        if isinstance(err, OSError):
            raise StoreError(f"could not write to {data_dir}: {err.strerror or err}") from err
        raise
    # From here on the new version is committed: finishing the moves is recovery's job too.
    _crash_point("after-marker")
    _finish_commit(data_dir)


def _read_marker(data_dir: Path) -> dict[str, Path]:
    """The moves a commit marker asks for, checked: only our data files, only our temporaries.

    A marker could arrive by other routes than a crash (a pull request, a copied folder), so it
    is treated as untrusted input: anything unexpected is refused, never acted upon.
    """
    marker_path = data_dir / COMMIT_MARKER
    try:
        marker = json.loads(marker_path.read_text("utf-8"))
        moves = marker["replace"]
        if not isinstance(moves, dict):
            raise TypeError("replace is not an object")
        checked = {}
        for name, tmp_name in moves.items():
            if name not in (schema.INCIDENTS_FILE, schema.SOURCES_FILE, schema.FIGURES_FILE):
                raise ValueError(f"unexpected target {name!r}")
            if not (
                isinstance(tmp_name, str)
                and re.fullmatch(rf"\.{re.escape(name)}\.[A-Za-z0-9_]+\.tmp", tmp_name)
            ):
                raise ValueError(f"unexpected temporary file {tmp_name!r}")
            checked[name] = data_dir / tmp_name
        return checked
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
        raise StoreError(
            f"{marker_path} is corrupt; inspect and remove it by hand ({err})"
        ) from None


def _finish_commit(data_dir: Path) -> None:
    for name, tmp in _read_marker(data_dir).items():
        if tmp.exists():
            os.replace(tmp, data_dir / name)
            _crash_point("between-replaces")
    _fsync_dir(data_dir)
    (data_dir / COMMIT_MARKER).unlink()
    _fsync_dir(data_dir)


def _own_temporaries(data_dir: Path) -> list[Path]:
    """Temporary files this module creates (and only those): ``.incidents.csv.<random>.tmp``..."""
    names = (schema.INCIDENTS_FILE, schema.SOURCES_FILE, schema.FIGURES_FILE, COMMIT_MARKER)
    return [
        path
        for name in names
        for path in data_dir.glob(f".{name}.*.tmp")
        if re.fullmatch(rf"\.{re.escape(name)}\.[A-Za-z0-9_]+\.tmp", path.name)
    ]


def recover(data_dir: Path | str, *, timeout: float = LOCK_TIMEOUT_SECONDS) -> bool:
    """Finish a write interrupted after its commit point, or discard one interrupted before it.

    Returns True if anything was done. Called by :func:`load` and :func:`update`.
    """
    data_dir = Path(data_dir)
    marker = data_dir / COMMIT_MARKER
    strays = _own_temporaries(data_dir)
    if not marker.exists() and not strays:
        return False
    with _locked(data_dir, timeout):
        acted = False
        if marker.exists():
            _finish_commit(data_dir)  # refuses a marker that is not ours, touching nothing
            acted = True
        for stray in _own_temporaries(data_dir):
            with contextlib.suppress(OSError):
                stray.unlink()
                acted = True
        return acted


# --- public API ----------------------------------------------------------------------------------


def _load_unlocked(data_dir: Path, *, source_cells: bool = True) -> Dataset:
    incidents, sources, figures, problems = read_and_validate(
        data_dir, keep_source_cells=source_cells
    )
    if any(p.is_error for p in problems):
        raise DataValidationError(problems)
    source_fields = tuple(f for f in schema.SOURCE_FIELDS if f.name in sources.frame)
    return Dataset(
        _typed(incidents, schema.INCIDENT_FIELDS),
        _typed(sources, source_fields),
        _typed(figures, schema.FIGURE_FIELDS),
    )


def load(data_dir: Path | str = DEFAULT_DATA_DIR, *, source_cells: bool = True) -> Dataset:
    """Load and validate the dataset in ``data_dir``.

    :param source_cells: False to keep only the sources' ``incident_id`` and ``stance`` (every
        column is still validated): the dashboard reads the rest of a source when it is shown,
        and the two files' cells are never in memory together.
    :raises DataValidationError: with every problem, when the files break any rule.
    """
    data_dir = Path(data_dir)
    recover(data_dir)
    return _load_unlocked(data_dir, source_cells=source_cells)


def load_figures(data_dir: Path | str = DEFAULT_DATA_DIR) -> pd.DataFrame:
    """Only the published figures of ``data_dir``, validated and typed (empty without the file).

    For views that show figures without the incidents; :func:`load` gives all three tables.

    :raises DataValidationError: with every problem in ``figures.csv``.
    """
    from tracker.validate import check_figures

    table = read_figures(Path(data_dir))
    problems = check_figures(table)
    if any(p.is_error for p in problems):
        raise DataValidationError(problems)
    return _typed(table, schema.FIGURE_FIELDS)


def save(
    dataset: Dataset,
    data_dir: Path | str = DEFAULT_DATA_DIR,
    *,
    timeout: float = LOCK_TIMEOUT_SECONDS,
) -> None:
    """Validate ``dataset`` and write it in canonical form, atomically.

    :raises DataValidationError: nothing is written.
    :raises StoreError: the disk refused the write; the files on disk are unchanged.
    :raises LockTimeoutError: another process held the lock for ``timeout`` seconds.
    """
    data_dir = Path(data_dir)
    files = _files_for(dataset, data_dir)
    problems = _validate_rendered(files, data_dir)
    if any(p.is_error for p in problems):
        raise DataValidationError(problems)
    with _locked(data_dir, timeout):
        _commit(data_dir, files)


@contextlib.contextmanager
def update(
    data_dir: Path | str = DEFAULT_DATA_DIR, *, timeout: float = LOCK_TIMEOUT_SECONDS
) -> Iterator[Dataset]:
    """Read-modify-write under the lock; saves on a normal exit if anything changed.

    >>> with update("data") as ds:               # doctest: +SKIP
    ...     ds.incidents = pd.concat([ds.incidents, new_rows])

    On an exception inside the block nothing is written.
    """
    data_dir = Path(data_dir)
    recover(data_dir, timeout=timeout)
    with _locked(data_dir, timeout):
        dataset = _load_unlocked(data_dir)
        before = _files_for(dataset, data_dir)
        yield dataset
        files = _files_for(dataset, data_dir)
        if files == before:
            return
        problems = _validate_rendered(files, data_dir)
        if any(p.is_error for p in problems):
            raise DataValidationError(problems)
        _commit(data_dir, files)


def canonical_problems(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[Problem]:
    """Files in ``data_dir`` that differ from their canonical form (for ``fmt --check``).

    :raises DataValidationError: the data is invalid, so it has no canonical form yet.
    """
    data_dir = Path(data_dir)
    dataset = load(data_dir)
    problems = []
    for name, content in _files_for(dataset, data_dir).items():
        path = data_dir / name
        if path.read_bytes() != content:
            problems.append(
                Problem(
                    display_path(path),
                    0,
                    0,
                    "",
                    "not-canonical",
                    "not in canonical form (run `gnss-tracker fmt`)",
                    "format",
                )
            )
    return problems


def format_dir(data_dir: Path | str = DEFAULT_DATA_DIR) -> list[str]:
    """Rewrite the data files in canonical form; return the names of the files that changed.

    :raises DataValidationError: the data is invalid; nothing is written.
    """
    data_dir = Path(data_dir)
    recover(data_dir)
    with _locked(data_dir, LOCK_TIMEOUT_SECONDS):
        files = _files_for(_load_unlocked(data_dir), data_dir)
        problems = _validate_rendered(files, data_dir)
        if any(p.is_error for p in problems):
            raise DataValidationError(problems)
        changed = [
            name for name, content in files.items() if (data_dir / name).read_bytes() != content
        ]
        _commit(data_dir, files)
    return changed


def _datapackage_text() -> str:
    return json.dumps(schema.datapackage(), indent=2, ensure_ascii=False) + "\n"


def datapackage_up_to_date(data_dir: Path | str = DEFAULT_DATA_DIR) -> bool:
    """Whether ``DATA_DIR/datapackage.json`` is what :func:`tracker.schema.datapackage` gives."""
    path = Path(data_dir) / schema.DATAPACKAGE_FILE
    return path.is_file() and path.read_text("utf-8") == _datapackage_text()


def write_datapackage(data_dir: Path | str = DEFAULT_DATA_DIR) -> bool:
    """Write ``DATA_DIR/datapackage.json`` from the schema module, atomically, if it differs.

    :returns: whether the file was written (False when it was already up to date).
    """
    if datapackage_up_to_date(data_dir):
        return False
    safety.atomic_write(
        Path(data_dir) / schema.DATAPACKAGE_FILE, _datapackage_text(), dataset_writer=True
    )
    return True


def slugify(text: str, *, max_words: int = 4) -> str:
    """A lowercase ASCII slug of the first words of ``text``.

    >>> slugify("Plovdiv Airport")
    'plovdiv-airport'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:max_words]) or "incident"


#: Words that open a location phrase without naming the place ("approach to Piarco", "flights to
#: and from Caracas", "over the Baltic Sea"): an id made of them says nothing, so they are skipped.
_PLACE_LEAD_WORDS = frozenset(
    "a an the to and from at in of off over near around above into on approach approaches "
    "departure departures arrival arrivals after before during flight flights route routes".split()
)


def place_slug(place: str, *, max_words: int = 4) -> str:
    """The slug of a place phrase, skipping the words that only lead up to the place's name.

    >>> place_slug("Approaches and departures at Brasília")
    'brasilia'
    >>> place_slug("Flights to and from")
    'flights-to-and-from'
    """
    words = slugify(place, max_words=1000).split("-")
    start = next((i for i, word in enumerate(words) if word not in _PLACE_LEAD_WORDS), 0)
    return "-".join(words[start : start + max_words])


def new_incident_id(date, place: str, existing_ids) -> str:
    """A readable id not in ``existing_ids``: ``2025-08-31-plovdiv``, then ``...-plovdiv-2``.

    :param date: the incident's date (anything :class:`pandas.Timestamp` accepts).
    :param place: the place, in words; its first words naming the place become the slug.
    """
    stem = f"{pd.Timestamp(date):%Y-%m-%d}-{place_slug(place)}"[: schema.ID_MAX_LENGTH - 4]
    stem = stem.rstrip("-")
    taken = set(existing_ids)
    candidate, counter = stem, 2
    while candidate in taken:
        candidate, counter = f"{stem}-{counter}", counter + 1
    return candidate


def with_rows(
    dataset: Dataset,
    *,
    incidents: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    figures: pd.DataFrame | None = None,
) -> Dataset:
    """A new dataset with rows appended (the inputs are not modified)."""
    new_incidents = (
        dataset.incidents
        if incidents is None
        else pd.concat(
            [dataset.incidents, incidents.reindex(columns=dataset.incidents.columns)],
            ignore_index=True,
        )
    )
    new_sources = (
        dataset.sources
        if sources is None
        else pd.concat(
            [dataset.sources, sources.reindex(columns=dataset.sources.columns)], ignore_index=True
        )
    )
    new_figures = (
        dataset.figures
        if figures is None
        else pd.concat(
            [dataset.figures, figures.reindex(columns=dataset.figures.columns)], ignore_index=True
        )
    )
    return replace(dataset, incidents=new_incidents, sources=new_sources, figures=new_figures)
