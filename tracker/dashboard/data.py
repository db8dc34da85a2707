"""The dashboard's data: loaded once per change of the files, prepared for fast filtering.

:func:`load_view_data` is cached on the data folder's path and the files' modification times and
sizes, so every callback (in every gunicorn worker) reads the CSVs once and sees a new version as
soon as it is saved. The cache holds immutable values only; callbacks never modify them.

A dataset that fails validation does not raise: the result carries the validator's problems
(file, line, field, message) for the dashboard to show instead of a traceback.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import logging
import subprocess
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from tracker import dataset, filters, schema, stats
from tracker.dashboard.sources import SourceFile, SourcesChangedError, file_identity
from tracker.errors import DataValidationError, TrackerError
from tracker.prepared import PreparedIncidents
from tracker.problems import Problem
from tracker.schema import INC, SRC

__all__ = ["ViewData", "load_view_data", "prepare", "view_frame", "last_change", "VIEW_COLUMNS"]

logger = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class ViewData:
    """Everything the dashboard shows, derived from one version of the data files.

    :param prepared: the loaded incidents, typed as :data:`tracker.schema.INCIDENT_FIELDS`
        says, with :data:`CATEGORY_COLUMNS` as categories, and their derived numbers
        (:class:`tracker.prepared.PreparedIncidents`, built by :func:`prepare`).
    :param sources: sources, as loaded, with :data:`SOURCE_CATEGORY_COLUMNS` as categories:
        by default only their ``incident_id`` and ``stance`` (see :meth:`sources_of` for every
        column of some incidents' sources).
    :param problems: validation problems when the data could not be loaded (then both frames
        are empty), else an empty tuple.
    :param error: a one-line reason when the files could not be read at all.
    :param last_change: when the data last changed (last git commit touching the files when they
        are committed unchanged, else the newest file modification time), UTC.
    :param regions: region names present, sorted.
    :param countries: country codes present, sorted.
    """

    prepared: PreparedIncidents
    sources: pd.DataFrame
    problems: tuple[Problem, ...] = ()
    error: str = ""
    last_change: dt.datetime | None = None
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    #: The columns the views need (see :func:`view_frame`); filtering it copies far less.
    view: PreparedIncidents | None = None
    #: Where the sources' other columns are read from, when :attr:`sources` does not hold them.
    source_file: SourceFile | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and not self.error

    @functools.cached_property
    def date_span(self) -> tuple[dt.date, dt.date] | None:
        """First and last incident date of the whole data (computed once per version)."""
        return stats.date_span(self.prepared)

    def sources_of(self, incident_ids) -> pd.DataFrame:
        """Every column of the sources of ``incident_ids`` (any list-like of ids), typed as
        :func:`tracker.dataset.load` types them, in file order.

        :raises SourcesChangedError: ``sources.csv`` changed since it was validated (the next
            :func:`load_view_data` validates the new version).
        """
        cited = self.sources[SRC.incident_id]
        positions = np.flatnonzero(cited.isin(list(incident_ids)).to_numpy())
        if self.source_file is None:
            return self.sources.iloc[positions]
        return self.source_file.read(positions, cited.iloc[positions])

    @property
    def incidents(self) -> pd.DataFrame:
        """The prepared incidents as a frame, for code that reads loaded columns only (map
        layers, the incident list, downloads). Its derived columns are no part of the
        contract: read them through :attr:`prepared`."""
        return self.prepared.frame


#: Text columns with few distinct values, held as categories (an integer code per row instead of
#: a string: at a million incidents each saves 15-20 MB of server memory).
CATEGORY_COLUMNS = (
    INC.date_precision,
    INC.end_date_precision,
    INC.geocode_precision,
    INC.geocode_source,
    INC.country,
    INC.region,
    INC.interference,
    INC.flight_phase,
    INC.confidence,
)

#: Source columns held as categories: few publishers, days and stances recur across sources.
SOURCE_CATEGORY_COLUMNS = (SRC.publisher, SRC.published, SRC.stance)


def prepare(incidents: pd.DataFrame) -> PreparedIncidents:
    """``incidents`` (not modified) with the derived numbers that make each filter change cheap
    (:data:`tracker.prepared.DERIVED_COLUMNS`), and the :data:`CATEGORY_COLUMNS` held as
    categories.

    Nothing else is precomputed: text search reads the text columns (Arrow searches them in C)
    and the map's hover labels are built for the points it draws only, so the server keeps no
    per-incident copy of any text. The result is meant to be filtered many times.
    """
    start, end = filters.incident_interval(incidents)
    categories = {c: "category" for c in CATEGORY_COLUMNS if c in incidents.columns}
    return PreparedIncidents.from_derived(
        incidents.astype(categories),
        start_days=start.astype("int64"),
        end_days=end.astype("int64"),
        hex_cells=stats.hex_cells(incidents),
        type_codes=stats.type_codes(incidents),
        precision_codes=stats.precision_codes(incidents),
    )


#: Loaded columns the map (in hexagons), timeline and tables read from the filtered rows; the
#: rest of what they need is in the derived numbers (days, H3 cell, type and precision codes).
#: When the map draws single incidents it takes their full rows from the prepared frame.
VIEW_COLUMNS = (
    INC.latitude,
    INC.longitude,
    INC.country,
    INC.region,
)


def view_frame(prepared: PreparedIncidents) -> PreparedIncidents:
    """The :data:`VIEW_COLUMNS` of prepared incidents, with their derived numbers.

    A filter change takes the matching rows of this frame only: copying the long text columns
    (summaries, effects) of tens of thousands of rows would cost more than drawing them.
    """
    return prepared.select(VIEW_COLUMNS)


def _files(data_dir: Path) -> tuple[Path, Path]:
    return data_dir / schema.INCIDENTS_FILE, data_dir / schema.SOURCES_FILE


def _signature(data_dir: Path) -> tuple:
    # The inode's change time too: a rewrite that keeps the size and modification time (a
    # restored timestamp) is still a new version to validate.
    return tuple(_identity(path) for path in _files(data_dir))


def load_view_data(data_dir: Path | str, *, loader: Callable | None = None) -> ViewData:
    """The prepared data of ``data_dir``, cached until one of its files changes.

    :param loader: ``loader(data_dir) -> tracker.dataset.Dataset``; :func:`tracker.dataset.load`
        (which validates) by default. Tests pass one that skips validation to check that the
        views stay safe even with data the validator would refuse.
    """
    path = Path(data_dir).resolve()
    return _load_cached(path, _signature(path), loader or _load_lean)


def _load_lean(data_dir: Path) -> dataset.Dataset:
    """:func:`tracker.dataset.load`, keeping of the sources only what the whole table needs
    (every column is validated; :meth:`ViewData.sources_of` reads the others when shown)."""
    return dataset.load(data_dir, source_cells=False)


@functools.lru_cache(maxsize=4)
def _load_cached(data_dir: Path, signature: tuple, loader: Callable) -> ViewData:
    del signature  # part of the cache key only
    empty = dataset.empty_dataset()
    sources_path = data_dir / schema.SOURCES_FILE
    try:
        # Taken before the validated read: a file replaced during the load has another
        # identity, and its rows are then never read on demand.
        sources_identity = _identity(sources_path)
        loaded = loader(data_dir)
        source_file = None
        if SRC.url not in loaded.sources.columns:
            source_file = SourceFile.index(sources_path, sources_identity)
    except DataValidationError as err:
        logger.warning("data in %s is invalid: %s", data_dir, err)
        problems = tuple(p for p in err.problems if p.is_error)
        return ViewData(prepare(empty.incidents), empty.sources, problems=problems)
    except SourcesChangedError as err:
        logger.warning("data in %s changed while it was read: %s", data_dir, err)
        return ViewData(prepare(empty.incidents), empty.sources, error=str(err))
    except (TrackerError, OSError, ValueError) as err:
        logger.warning("cannot read data in %s: %s", data_dir, err)
        return ViewData(prepare(empty.incidents), empty.sources, error=str(err))
    prepared = prepare(loaded.incidents)
    sources = loaded.sources.astype(
        {c: "category" for c in SOURCE_CATEGORY_COLUMNS if c in loaded.sources.columns}
    )
    # The prepared frame now holds the only other reference to the loaded text columns, so
    # each one is freed as soon as its contiguous copy replaces it.
    del loaded
    _single_chunk(prepared.frame)
    _single_chunk(sources)  # an incident's sources are found and taken from incident_id
    regions = tuple(sorted(set(prepared.frame[INC.region]) - {""}))
    countries = tuple(sorted(set(prepared.frame[INC.country]) - {""}))
    return ViewData(
        prepared,
        sources,
        last_change=last_change(data_dir),
        regions=regions,
        countries=countries,
        view=view_frame(prepared),
        source_file=source_file,
    )


def _identity(path: Path) -> tuple[int, ...] | None:
    try:
        return file_identity(path.stat())
    except OSError:
        return None  # the loader reports a missing or unreadable file


def _single_chunk(frame: pd.DataFrame) -> None:
    """Make every text column of ``frame`` (modified in place) one contiguous Arrow array.

    The loader reads large files in blocks, so a text column arrives in dozens of pieces, and
    Arrow's ``take`` of a few rows from a column in pieces first joins them: 35 ms per column
    at a million incidents for the 25 rows of one list page, against 0.4 ms from one piece.
    Columns are replaced one at a time, so the extra memory is one column at most. A column of
    more than 2 GB of text (beyond Arrow's 32-bit offsets) is left in pieces.
    """
    for column in frame.columns:
        values = frame[column].array
        if not isinstance(values.dtype, pd.StringDtype) or not hasattr(values, "__arrow_array__"):
            continue
        chunked = values.__arrow_array__()
        if not isinstance(chunked, pa.ChunkedArray) or chunked.num_chunks <= 1:
            continue
        try:
            combined = pa.chunked_array([chunked.combine_chunks()])
        except (pa.ArrowInvalid, pa.ArrowCapacityError):
            continue
        del chunked, values
        frame[column] = pd.Series(frame[column].dtype.__from_arrow__(combined), index=frame.index)


def last_change(data_dir: Path) -> dt.datetime | None:
    """When the data files last changed, UTC.

    The last commit touching them when they are unchanged since (a fresh clone's file times are
    the clone's time, not the data's); otherwise the newest modification time.
    """
    files = [p for p in _files(data_dir) if p.exists()]
    if not files:
        return None
    mtime = max(p.stat().st_mtime for p in files)
    fallback = dt.datetime.fromtimestamp(mtime, tz=dt.UTC)
    names = [p.name for p in files]
    try:
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", *names],
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        if dirty:
            return fallback
        stamp = subprocess.run(
            ["git", "log", "-1", "--format=%cI", "--", *names],
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return fallback
    if not stamp:
        return fallback
    try:
        return dt.datetime.fromisoformat(stamp).astimezone(dt.UTC)
    except ValueError:
        return fallback
