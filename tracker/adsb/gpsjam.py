"""Import GPSJam's public daily files into the layer store.

GPSJam publishes one CSV per UTC day, ``YYYY-MM-DD-h3_4.csv`` with the header
``hex,count_good_aircraft,count_bad_aircraft`` (distinct aircraft per H3 resolution-4 cell), and a
``manifest.csv`` (``date,suspect,num_bad_aircraft_hexes``) that marks days with incomplete data.
Both may be gzip-compressed. Every file is read and checked before anything is written, so a bad
file leaves the store exactly as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import os
import re
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import h3
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
from tqdm import tqdm

from tracker.adsb.files import read_maybe_gzip
from tracker.adsb.levels import BAD, DATE, GOOD, HEX
from tracker.adsb.store import NUM_BAD_HEXES, SOURCE_GPSJAM, SUSPECT, LayerStore
from tracker.errors import InputError

__all__ = [
    "DAILY_HEADER",
    "MANIFEST_HEADER",
    "ImportResult",
    "find_gpsjam_files",
    "read_daily_file",
    "read_manifest_file",
    "parse_daily_bytes",
    "parse_manifest_bytes",
    "import_gpsjam",
]

logger = logging.getLogger(__name__)

DAILY_HEADER = (HEX, GOOD, BAD)
MANIFEST_HEADER = (DATE, SUSPECT, NUM_BAD_HEXES)
H3_RESOLUTION = 4
_DAILY_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-h3_4\.csv(\.gz)?$")
_MANIFEST_NAME = re.compile(r"^manifest\.csv(\.gz)?$")
_MAX_COUNT = 2**31 - 1
#: Refuse absurd inputs before decompressing them whole (a real day is about 1.5 MB of CSV).
MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass
class ImportResult:
    """What an import did: days written (with row counts) and manifest rows merged."""

    days: dict[dt.date, int] = field(default_factory=dict)
    manifest_rows: int = 0
    store: Path | None = None


def find_gpsjam_files(paths: Iterable[str | os.PathLike]) -> tuple[dict[dt.date, Path], list[Path]]:
    """Sort the given files and folders into daily files (by date) and manifests.

    Folders are searched (not recursively) for ``YYYY-MM-DD-h3_4.csv[.gz]`` and
    ``manifest.csv[.gz]``; other files in a folder are ignored. A file named explicitly must be one
    of those two kinds.

    :raises InputError: a path does not exist, a file has an unexpected name, a day is given
        twice, or nothing importable was found.
    """
    days: dict[dt.date, Path] = {}
    manifests: list[Path] = []

    def add(path: Path, *, explicit: bool) -> None:
        m = _DAILY_NAME.match(path.name)
        if m:
            try:
                day = dt.date.fromisoformat(m.group(1))
            except ValueError:
                raise InputError(
                    f"{path}: {m.group(1)} in the file name is not a valid date"
                ) from None
            if day in days and days[day] != path:
                raise InputError(
                    f"{path}: day {day} is given twice (also {days[day]}); keep one of them"
                )
            days[day] = path
        elif _MANIFEST_NAME.match(path.name):
            manifests.append(path)
        elif explicit:
            raise InputError(
                f"{path}: not a GPSJam file; expected YYYY-MM-DD-h3_4.csv, manifest.csv "
                "(optionally .gz) or a folder holding them"
            )

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.is_file():
                    add(child, explicit=False)
        elif path.is_file():
            add(path, explicit=True)
        else:
            raise InputError(f"{path}: no such file or folder")
    if not days and not manifests:
        shown = ", ".join(str(p) for p in paths) or "(no paths)"
        raise InputError(f"{shown}: no GPSJam daily files (YYYY-MM-DD-h3_4.csv[.gz]) found")
    return days, manifests


def _read_bytes(path: Path) -> bytes:
    return read_maybe_gzip(path, what="a GPSJam file", max_bytes=MAX_FILE_BYTES)


def _text(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise InputError(f"{path}, line {line}: not UTF-8 text (is this a GPSJam CSV?)") from err
    if "\x00" in text:
        raise InputError(f"{path}: binary content (NUL bytes); is this a GPSJam CSV?")
    return text


def _check_header(path: Path, text: str, expected: tuple[str, ...]) -> None:
    first = text.split("\n", 1)[0].rstrip("\r").lstrip("\ufeff")
    got = tuple(first.split(","))
    if got != expected:
        raise InputError(
            f"{path}, line 1: header is {first[:200]!r}; expected {','.join(expected)!r}"
        )


def _locate_problem(path: Path, text: str) -> InputError:
    """Scan row by row to name the first bad line and field (the slow, exact path)."""
    valid_cells: dict[str, bool] = {}
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        if not row or row == [""]:
            return InputError(f"{path}, line {line}: empty line")
        if len(row) != 3:
            return InputError(
                f"{path}, line {line}: {len(row)} fields; expected 3 ({','.join(DAILY_HEADER)})"
            )
        hex_, good, bad = row[0].lower(), row[1].strip(), row[2].strip()
        problem = _cell_problem(hex_, valid_cells)
        if problem:
            return InputError(f"{path}, line {line}, field {HEX}: {problem}")
        for name, value in ((GOOD, good), (BAD, bad)):
            if not re.fullmatch(r"\d{1,10}", value) or int(value) > _MAX_COUNT:
                return InputError(
                    f"{path}, line {line}, field {name}: {value[:40]!r} is not a non-negative "
                    "whole number of aircraft"
                )
        if hex_ in seen:
            return InputError(
                f"{path}, line {line}, field {HEX}: cell {hex_} repeats line {seen[hex_]}"
            )
        seen[hex_] = line
    return InputError(f"{path}: cannot parse as a GPSJam daily file")


def _cell_problem(value: str, cache: dict[str, bool]) -> str | None:
    if not re.fullmatch(r"[0-9a-fA-F]{15}", value):
        return f"{value[:40]!r} is not an H3 cell id (15 hexadecimal digits)"
    ok = cache.get(value)
    if ok is None:
        ok = cache[value] = h3.is_valid_cell(value) and h3.get_resolution(value) == H3_RESOLUTION
    if not ok:
        return f"{value!r} is not a valid H3 resolution-{H3_RESOLUTION} cell"
    return None


class _KnownCells:
    """Cells already checked with h3, shared by all files of an import (days repeat most cells)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._array = pa.array([], pa.string())

    def unknown(self, hexes: pa.ChunkedArray) -> list[str]:
        with self._lock:
            known = self._array
        fresh = pc.filter(hexes, pc.invert(pc.is_in(hexes, value_set=known)))
        return fresh.to_pylist()

    def add(self, cells: list[str]) -> None:
        if cells:
            with self._lock:
                self._array = pa.concat_arrays([self._array, pa.array(cells, pa.string())])


def _read_daily_table(path: Path, known: _KnownCells) -> pa.Table:
    return _parse_daily_table(path, _read_bytes(path), known)


def _parse_daily_table(path: Path | str, raw: bytes, known: _KnownCells) -> pa.Table:
    """Check and parse a daily file's bytes; ``path`` only names the file in errors."""
    if b"\x00" in raw:
        raise InputError(f"{path}: binary content (NUL bytes); is this a GPSJam CSV?")
    first = raw.split(b"\n", 1)[0].decode("utf-8", errors="replace").lstrip("\ufeff")
    _check_header(path, first, DAILY_HEADER)
    try:
        table = pacsv.read_csv(
            io.BytesIO(raw),
            read_options=pacsv.ReadOptions(use_threads=False),
            convert_options=pacsv.ConvertOptions(
                column_types={HEX: pa.string(), GOOD: pa.int64(), BAD: pa.int64()},
                include_columns=list(DAILY_HEADER),
                strings_can_be_null=False,
            ),
            parse_options=pacsv.ParseOptions(newlines_in_values=False),
        )
    except (pa.ArrowInvalid, pa.ArrowKeyError, KeyError):
        raise _locate_problem(path, _text(path, raw)) from None
    if table.num_rows == 0:
        return pa.table(
            {
                HEX: pa.array([], pa.string()),
                GOOD: pa.array([], pa.int32()),
                BAD: pa.array([], pa.int32()),
            }
        )
    hexes = pc.utf8_lower(table[HEX])
    counts_ok = all(
        table[c].null_count == 0
        and pc.min(table[c]).as_py() >= 0
        and pc.max(table[c]).as_py() <= _MAX_COUNT
        for c in (GOOD, BAD)
    )
    if not counts_ok or pc.count_distinct(hexes).as_py() != table.num_rows:
        raise _locate_problem(path, _text(path, raw))
    fresh = known.unknown(hexes)
    for cell in fresh:
        if not (
            re.fullmatch(r"84[0-9a-f]{13}", cell)
            and h3.is_valid_cell(cell)
            and h3.get_resolution(cell) == H3_RESOLUTION
        ):
            raise _locate_problem(path, _text(path, raw))
    known.add(fresh)
    return pa.table(
        {HEX: hexes, GOOD: table[GOOD].cast(pa.int32()), BAD: table[BAD].cast(pa.int32())}
    )


def read_daily_file(path: str | os.PathLike) -> pd.DataFrame:
    """Read and check one GPSJam daily file (plain or gzip).

    :returns: columns ``hex`` (str), ``count_good_aircraft``, ``count_bad_aircraft`` (int64).
    :raises InputError: naming the file, line and field of the first problem.
    """
    table = _read_daily_table(Path(path), _KnownCells())
    return pd.DataFrame(
        {
            HEX: pd.Series(table[HEX].to_pylist(), dtype="str"),
            GOOD: table[GOOD].to_numpy().astype("int64"),
            BAD: table[BAD].to_numpy().astype("int64"),
        }
    )


_BOOL = {"true": True, "false": False, "1": True, "0": False}


def read_manifest_file(path: str | os.PathLike) -> pd.DataFrame:
    """Read and check GPSJam's ``manifest.csv`` (plain or gzip).

    :returns: columns ``date`` (datetime64), ``suspect`` (bool), ``num_bad_aircraft_hexes``
        (nullable integer).
    :raises InputError: naming the file, line and field of the first problem.
    """
    path = Path(path)
    return parse_manifest_bytes(_read_bytes(path), source=path)


def parse_daily_bytes(raw: bytes, *, source: str | os.PathLike) -> pa.Table:
    """Check and parse a GPSJam daily file's (uncompressed) bytes.

    :param source: names the file in error messages (a path or a URL).
    :returns: an Arrow table with ``hex`` (lower case) and the two counts (int32).
    :raises InputError: naming the source, line and field of the first problem.
    """
    return _parse_daily_table(source, raw, _KnownCells())


def parse_manifest_bytes(raw: bytes, *, source: str | os.PathLike) -> pd.DataFrame:
    """Check and parse the (uncompressed) bytes of GPSJam's ``manifest.csv``.

    :param source: names the file in error messages (a path or a URL).
    :returns: see :func:`read_manifest_file`.
    :raises InputError: naming the source, line and field of the first problem.
    """
    path = source
    text = _text(path, raw)
    _check_header(path, text, MANIFEST_HEADER)
    dates, suspects, counts = [], [], []
    seen: dict[dt.date, int] = {}
    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    for row in reader:
        line = reader.line_num
        if not row:
            continue
        if len(row) != 3:
            raise InputError(
                f"{path}, line {line}: {len(row)} fields; expected 3 ({','.join(MANIFEST_HEADER)})"
            )
        date_s, suspect_s, count_s = (c.strip() for c in row)
        try:
            day = dt.date.fromisoformat(date_s)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_s):
                raise ValueError
        except ValueError:
            raise InputError(
                f"{path}, line {line}, field {DATE}: {date_s[:40]!r} is not a YYYY-MM-DD date"
            ) from None
        if suspect_s.lower() not in _BOOL:
            raise InputError(
                f"{path}, line {line}, field {SUSPECT}: {suspect_s[:40]!r} is not true or false"
            )
        if count_s and not re.fullmatch(r"\d{1,9}", count_s):
            raise InputError(
                f"{path}, line {line}, field {NUM_BAD_HEXES}: {count_s[:40]!r} "
                "is not a whole number"
            )
        if day in seen:
            raise InputError(f"{path}, line {line}, field {DATE}: {day} repeats line {seen[day]}")
        seen[day] = line
        dates.append(day)
        suspects.append(_BOOL[suspect_s.lower()])
        counts.append(int(count_s) if count_s else None)
    return pd.DataFrame(
        {
            DATE: pd.to_datetime(pd.Series(dates, dtype="object")).astype("datetime64[s]"),
            SUSPECT: np.array(suspects, dtype=bool),
            NUM_BAD_HEXES: pd.array(counts, dtype="Int64"),
        }
    )


def import_gpsjam(
    paths: Iterable[str | os.PathLike],
    *,
    store: LayerStore | None = None,
    progress: bool = False,
) -> ImportResult:
    """Import GPSJam daily files and manifests into the store.

    Every file is read and checked first; only when all are good are the days written, each day
    replacing any stored copy of it (so importing the same files twice changes nothing).

    :param paths: files and/or folders (see :func:`find_gpsjam_files`).
    :param store: the target store; default :class:`LayerStore` at its default folder.
    :param progress: show a tqdm progress bar on stderr.
    :raises InputError: a file is missing, misnamed or malformed (message names file and line).
    :raises StoreError: the store cannot be written.
    """
    store = store if store is not None else LayerStore()
    paths = list(paths)
    day_files, manifests = find_gpsjam_files(paths)
    known = _KnownCells()
    frames: dict[dt.date, pa.Table] = {}
    workers = max(1, min(4, os.cpu_count() or 1))
    with (
        tqdm(
            total=len(day_files) + len(manifests), disable=not progress, unit="file", desc="reading"
        ) as bar,
        ThreadPoolExecutor(max_workers=workers) as pool,
    ):
        # pyarrow and zlib release the GIL, so files are read in parallel; results are
        # collected in date order so the first bad file (by date) is the one reported.
        futures = {
            day: pool.submit(_read_daily_table, path, known)
            for day, path in sorted(day_files.items())
        }
        try:
            for day, future in futures.items():
                frames[day] = future.result()
                bar.update()
        finally:
            for future in futures.values():
                future.cancel()
        manifest_frames = []
        for path in manifests:
            manifest_frames.append(read_manifest_file(path))
            bar.update()
    result = ImportResult(store=store.root)
    if frames:
        store.write_days(frames, source=SOURCE_GPSJAM)
        result.days = {day: f.num_rows for day, f in frames.items()}
    if manifest_frames:
        merged = pd.concat(manifest_frames, ignore_index=True).drop_duplicates(DATE, keep="last")
        store.write_manifest(merged)
        result.manifest_rows = len(merged)
    logger.info(
        "imported %d days and %d manifest rows into %s",
        len(result.days),
        result.manifest_rows,
        store.root,
    )
    return result
